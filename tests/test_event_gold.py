"""Quality gate for event coding over hand-checked gold articles (trafilatura-style).

The floors are pinned below today's scores and only lowered on purpose, with a reason in
the commit. Gold: tests/gold (the seed article) and tests/gold_events (articles written for
these tests, each event coded by hand; see their YAML sources). Matching rules are those of
`fivew.evaluate.events` (type + source country + target country).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from fivew.evaluate import load_gold
from fivew.evaluate.events import EventScores, score_events
from fivew.ingest import from_text
from fivew.pipeline import Pipeline

ROOT = Path(__file__).resolve().parent
FLOORS = {  # folder: (precision, recall)
    "gold": (0.90, 0.95),
    # 217 articles, 4,595 events at 65.5 / 63.8: the 187 articles of session 12's end at
    # 66.5 / 65.3 (66.4 / 65.0 before session 13), and the 30 of the blind development sets
    # AL, AM, AN and AO, AP, AQ (667 events), folded in at session 13's end at 59.6 / 54.6
    # (first runs 56.3 / 51.2 and 61.0 / 53.1). Recall's floor goes from 0.64 to 0.63 on
    # purpose: the blind sets score below the tuned ones and pull the whole under 0.64.
    "gold_events": (0.65, 0.63),
}


@pytest.mark.slow
@pytest.mark.parametrize("folder", sorted(FLOORS))
def test_event_scores_stay_above_their_floors(pipeline: Pipeline, folder: str) -> None:
    gold = [g for g in load_gold(ROOT / folder) if g.events]
    assert gold
    total = EventScores()
    for g in gold:
        article = from_text(g.text, source=g.source, layout=g.layout, published=g.published)
        article = next(pipeline.run([article]))
        total = total + score_events(g.events, article.events)
    floor_p, floor_r = FLOORS[folder]
    assert total.precision >= floor_p, total.summary()
    assert total.recall >= floor_r, total.summary()
