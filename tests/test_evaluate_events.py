"""The event scorer: matching by type, source and target country, place; P/R/F1."""

from __future__ import annotations

import pytest

from fivew.evaluate.events import EventScores, score_events


def pred(type_: str, src: str | None, tgt: str | None, place: str | None = None, negated: bool = False) -> dict:
    return {"type": type_, "source": {"country": src} if src else None,
            "target": {"country": tgt} if tgt else None,
            "place": {"name": place, "text": place} if place else None, "negated": negated,
            "trigger": {"text": "x"}}


def test_exact_match_counts() -> None:
    gold = [{"type": "ACCUSE", "source": {"country": "UKR"}, "target": "RUS"}]
    s = score_events(gold, [pred("ACCUSE", "UKR", "RUS")])
    assert (s.matched, s.predicted, s.gold, s.f1) == (1, 1, 1, 1.0)


@pytest.mark.parametrize(
    "prediction",
    [pred("REJECT", "UKR", "RUS"), pred("ACCUSE", "RUS", "UKR"), pred("ACCUSE", "UKR", None)],
)
def test_wrong_type_or_actor_is_no_match(prediction: dict) -> None:
    gold = [{"type": "ACCUSE", "source": "UKR", "target": "RUS"}]
    s = score_events(gold, [prediction])
    assert s.matched == 0 and s.precision == 0.0 and s.recall == 0.0


def test_symmetric_types_may_swap_actors() -> None:
    gold = [{"type": "CONSULT", "source": "RUS", "target": "UKR"}]
    assert score_events(gold, [pred("CONSULT", "UKR", "RUS")]).matched == 1
    assert score_events([{**gold[0], "type": "ASSAULT"}], [pred("ASSAULT", "UKR", "RUS")]).matched == 0


def test_gold_alternatives_and_null() -> None:
    gold = [{"type": "ASSAULT", "source": {"country": ["RUS", None]}, "target": "UKR"}]
    assert score_events(gold, [pred("ASSAULT", None, "UKR")]).matched == 1
    assert score_events(gold, [pred("ASSAULT", "RUS", "UKR")]).matched == 1
    assert score_events(gold, [pred("ASSAULT", "BLR", "UKR")]).matched == 0


def test_place_is_checked_only_when_gold_gives_it() -> None:
    gold = [{"type": "ASSAULT", "source": None, "target": "UKR", "place": {"name": "Kyiv", "alt": ["Kiev"]}}]
    assert score_events(gold, [pred("ASSAULT", None, "UKR", "Kiev")]).matched == 1
    assert score_events(gold, [pred("ASSAULT", None, "UKR", "Lviv")]).matched == 0
    assert score_events(gold, [pred("ASSAULT", None, "UKR")]).matched == 0
    assert score_events(gold, [pred("ASSAULT", None, "UKR")], use_place=False).matched == 1


def test_duplicates_are_false_positives_and_matching_is_one_to_one() -> None:
    gold = [{"type": "SANCTION", "source": "EUR", "target": "RUS"}]
    s = score_events(gold, [pred("SANCTION", "EUR", "RUS"), pred("SANCTION", "EUR", "RUS")])
    assert (s.matched, s.predicted) == (1, 2)
    assert s.precision == 0.5 and s.recall == 1.0 and round(s.f1, 3) == 0.667
    assert len(s.spurious) == 1


def test_negated_events_are_left_out_unless_asked() -> None:
    gold = [{"type": "AGREE", "source": "ISR", "target": None, "negated": True}]
    predicted = [pred("AGREE", "ISR", None, negated=True)]
    assert score_events(gold, predicted).gold == 0
    assert score_events(gold, predicted).predicted == 0
    assert score_events(gold, predicted, include_negated=True).matched == 1


def test_scores_add_up_over_articles() -> None:
    a = score_events([{"type": "AID", "source": "USA", "target": "UKR"}], [pred("AID", "USA", "UKR")])
    b = score_events([{"type": "AID", "source": "USA", "target": "UKR"}], [])
    total = a + b
    assert (total.matched, total.predicted, total.gold) == (1, 1, 2)
    assert total.recall == 0.5 and total.precision == 1.0
    empty = EventScores()  # nothing to find and nothing found: perfect, by convention
    assert (empty.precision, empty.recall, empty.f1) == (1.0, 1.0, 1.0)


def test_accepts_event_records(analyse) -> None:  # type: ignore[no-untyped-def]
    article = analyse("Police arrested twelve protesters in Minsk on Sunday.")
    gold = [{"type": "COERCE", "source": {"country": ["BLR", None]}, "target": {"country": ["BLR", None]}}]
    assert score_events(gold, article.events).matched == 1


def test_matching_is_maximum_not_greedy_in_gold_order() -> None:
    # The first gold event accepts "IRN or no target" and would greedily take the IRN
    # prediction that the second gold event needs; a maximum matching pairs both.
    gold = [{"type": "ASSAULT", "source": "PAK", "target": ["IRN", None]},
            {"type": "ASSAULT", "source": "PAK", "target": "IRN"}]
    s = score_events(gold, [pred("ASSAULT", "PAK", "IRN"), pred("ASSAULT", "PAK", None)])
    assert (s.matched, s.missed, s.spurious) == (2, (), ())


def test_unmatched_gold_and_predictions_are_listed() -> None:
    gold = [{"type": "ASSAULT", "source": "PAK", "target": "IRN"},
            {"type": "AID", "source": "ESP", "target": "MAR"}]
    s = score_events(gold, [pred("AID", "ESP", "MAR"), pred("PROTEST", None, "PAK")])
    assert [m["type"] for m in s.missed] == ["ASSAULT"]
    assert [p["type"] for p in s.spurious] == ["PROTEST"]
