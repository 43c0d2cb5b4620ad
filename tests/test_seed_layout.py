"""The seed article (shared/corpus/seed, beside the repository): its layout, read by the
general rules. Expected values were checked by hand against the file."""

from __future__ import annotations

from pathlib import Path

import pytest

from fivew.ingest import read_paths

SEED = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "seed" / "kremlin-ceasefire-2022-03-21.txt"
pytestmark = pytest.mark.skipif(not SEED.exists(), reason="shared/ seed corpus not beside the repo")


@pytest.fixture(scope="module")
def seed():  # type: ignore[no-untyped-def]
    return next(read_paths([str(SEED)]))


def test_metadata(seed) -> None:  # type: ignore[no-untyped-def]
    assert seed.ok and seed.language == "en"
    assert seed.title == "Kremlin Reveals Why Russia Won’t Observe Ceasefire Amid Talks With Ukraine"
    assert seed.authors == ["Jack Phillips"]
    assert seed.published == "2022-03-21"
    assert seed.updated == "2022-03-21"


def test_captions(seed) -> None:  # type: ignore[no-untyped-def]
    captions = [seed.text[p.start : p.end] for p in seed.captions]
    distinct = list(dict.fromkeys(captions))
    assert len(distinct) == 2
    assert distinct[0].startswith("Russian President Vladimir Putin (C) speaks")
    assert distinct[1].startswith("Service members of pro-Russian troops are seen atop a tank")
    assert len(captions) == 3  # the second caption is printed twice, both copies are captions


def test_body_first_and_last_sentence(seed) -> None:  # type: ignore[no-untyped-def]
    body = [seed.text[p.start : p.end] for p in seed.body]
    assert body[0].startswith("Russia will not implement a pause in its invasion of Ukraine")
    assert body[-1].endswith("especially whether to introduce an embargo on Russia’s lucrative oil and gas sector.")
    assert len(body) == 14


def test_bio_and_boilerplate_outside_body(seed) -> None:  # type: ignore[no-untyped-def]
    body = " ".join(seed.text[p.start : p.end] for p in seed.body)
    for phrase in ("breaking news reporter", "Related Topics", "contributed to this report", "twitter.com"):
        assert phrase not in body
    kinds = {p.kind for p in seed.parts}
    assert {"bio", "boilerplate", "byline", "published", "updated", "title", "caption"} <= kinds
