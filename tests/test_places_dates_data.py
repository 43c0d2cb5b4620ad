"""The knowledge files behind places, dates and numbers are validated at load time."""

from __future__ import annotations

import pytest

from fivew.data import DataFileError
from fivew.extract import calendar_math, gazetteer, numbers


def test_shipped_files_load() -> None:
    assert gazetteer.glue()["regions"]
    assert calendar_math.vocab().months["feb"] == 2
    assert numbers.lexicon().units["eight"] == 8


@pytest.mark.parametrize(
    "module,loader,broken,message",
    [
        (gazetteer, "glue", {"regions": []}, "places.yaml lacks keys"),
        (gazetteer, "glue", None, "places.yaml lacks keys"),
        (calendar_math, "vocab", {"months": {"jan": "one"}}, "dates.yaml is malformed"),
        (numbers, "lexicon", {"units": {}, "scales": {}}, "numbers.yaml is malformed"),
    ],
)
def test_malformed_files_name_the_file(monkeypatch, module, loader, broken, message) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(module, "load_yaml", lambda name: broken)
    with pytest.raises(DataFileError, match=message):
        getattr(module, loader).__wrapped__()


def test_region_without_coordinates_is_rejected(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    raw = dict(gazetteer.glue())
    raw["regions"] = [{"name": "Nowhere", "lon": 1.0, "feature": "region"}]
    monkeypatch.setattr(gazetteer, "load_yaml", lambda name: raw)
    with pytest.raises(DataFileError, match=r"regions\[0\] has no 'lat'"):
        gazetteer.glue.__wrapped__()


def test_unknown_qualifier_is_rejected(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from fivew.data import load_yaml

    raw = dict(load_yaml("numbers.yaml"))
    raw["qualifiers"] = {"roughly": "roughly"}
    monkeypatch.setattr(numbers, "load_yaml", lambda name: raw)
    with pytest.raises(DataFileError, match="unknown qualifier"):
        numbers.lexicon.__wrapped__()
