"""The PLOVER ontology and the cue lexicon load, validate, and reject malformed data."""

from __future__ import annotations

import copy

import pytest

from fivew.data import DataFileError, load_yaml
from fivew.extract.event_data import build_cues, build_ontology, load_cues, load_ontology

PLOVER_TYPES = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
                "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE",
                "COERCE", "ASSAULT"}


def test_ontology_has_the_sixteen_plover_types() -> None:
    assert set(load_ontology().types) == PLOVER_TYPES


@pytest.mark.parametrize(
    ("type_", "mode", "cameo"),
    [("CONSULT", None, "04"), ("ACCUSE", "investigate", "09"), ("ACCUSE", "allege", "11"),
     ("ASSAULT", "heavy-weapons", "19"), ("ASSAULT", "beat", "18"), ("RETREAT", "ceasefire", "08"),
     ("SANCTION", "discontinue", "16"), ("REQUEST", "yield", "10"), ("COERCE", "curfew", "17")],
)
def test_cameo_root_per_type_and_mode(type_: str, mode: str | None, cameo: str) -> None:
    assert load_ontology().types[type_].cameo_for(mode) == cameo


def test_request_and_reject_share_modes() -> None:
    types = load_ontology().types
    assert set(types["REQUEST"].modes) == set(types["REJECT"].modes) == {"assist", "change", "yield", "meet"}


def test_cues_load_and_inflect() -> None:
    cues = load_cues()
    assert cues.verbs["accused"][0].type == "ACCUSE"
    assert cues.verbs["shelled"][0].mode == "heavy-weapons"
    assert cues.verbs["met"][0].type == "CONSULT"  # irregular form from the data file
    assert cues.nouns["curfews"][0].type == "COERCE"
    assert cues.verbs["implement"][0].negated_type == "REJECT"
    assert "subjected" in cues.undergo_verbs and "imposed" in cues.light_verbs
    assert {"proposed", "supports", "calling"} <= cues.unreal_governors  # inflected from lemmas
    assert next(s for s in cues.verbs["given"] if s.lemma == "give up").transitive
    assert cues.verbs["demonstrated"][0].transitive is False and cues.verbs["met"][0].transitive is None
    assert "GPE" in cues.verbs["recognised"][0].objects  # entity labels stay upper case
    assert next(s for s in cues.verbs["pledged"] if s.type == "AGREE").needs_target


def _raw_cues() -> dict:
    return copy.deepcopy(load_yaml("event_cues.yaml"))


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda raw: raw["verbs"].update(bomb={"type": "BOMBARD"}), "not a PLOVER type"),
        (lambda raw: raw["verbs"].update(bomb={"type": "ASSAULT", "mode": "nuke"}), "not a mode of ASSAULT"),
        (lambda raw: raw["verbs"].update(bomb={"type": "ASSAULT", "colour": "red"}), "unknown field"),
        (lambda raw: raw["verbs"].update(bomb={"type": "ASSAULT", "negated": "REJECT/never"}), "not a mode of REJECT"),
        (lambda raw: raw["verbs"].update(bomb={"type": "ASSAULT", "context": ["weather"]}), "context"),
        (lambda raw: raw.update(light_verbs=["impose", True]), "light_verbs"),
        (lambda raw: raw["modifier_modes"]["ASSAULT"].update(catapult="siege-engine"), "modifier_modes"),
        (lambda raw: raw["verbs"].update(bomb={"type": "ASSAULT", "transitive": "yes"}), "transitive"),
        (lambda raw: raw["verbs"].update(bomb={"type": "ASSAULT", "needs_target": 1}), "needs_target"),
        (lambda raw: raw.update(unreal_governors=["propose", 3]), "unreal_governors"),
    ],
)
def test_bad_cue_data_is_rejected_with_a_clear_error(mutate, message: str) -> None:  # type: ignore[no-untyped-def]
    raw = _raw_cues()
    mutate(raw)
    with pytest.raises(DataFileError, match=message) as info:
        build_cues(raw, load_ontology(), source="my_cues.yaml")
    assert "my_cues.yaml" in str(info.value)


def test_bad_ontology_is_rejected() -> None:
    raw = copy.deepcopy(load_yaml("plover.yaml"))
    raw["types"]["ASSAULT"]["cameo"] = 18
    with pytest.raises(DataFileError, match="cameo"):
        build_ontology(raw)


def test_a_user_extension_is_picked_up() -> None:
    raw = _raw_cues()
    raw["verbs"]["torpedo"] = {"type": "ASSAULT", "mode": "explosives"}
    cues = build_cues(raw, load_ontology())
    assert cues.verbs["torpedoed"][0].mode == "explosives"


def test_a_key_written_twice_is_an_error_not_a_silent_override() -> None:
    from fivew.data import parse_yaml

    raw = "verbs:\n  call off: {type: REJECT}\n  halt: {type: RETREAT}\n  call off: {type: RETREAT}\n"
    with pytest.raises(DataFileError, match=r"(?s)my\.yaml.*'call off' appears twice.*line 4"):
        parse_yaml(raw, "my.yaml")
    assert parse_yaml("a: {x: 1}\nb: {x: 2}\n", "ok.yaml") == {"a": {"x": 1}, "b": {"x": 2}}
