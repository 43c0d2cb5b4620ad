"""Score predicted events against gold events (the `events` key of a fivew gold file).

Gold event format (one JSON object per event; only `type` is required):

    {"type": "ASSAULT",
     "source": {"country": "RUS"},          # or "RUS", or null: no source / not coded
     "target": {"country": ["UKR", null]},  # a list: any of these codes is accepted
     "place": "Kyiv",                       # optional; or {"name": "Kyiv", "alt": ["Kiev"]}
     "negated": false,                      # optional, default false
     "mode": "heavy-weapons", "evidence": {"start": 0, "end": 10}}   # informative only

Matching rules (documented in docs/evaluation.md and here):
  * A predicted event matches a gold event when the PLOVER type is equal, the source
    country is acceptable (equal, or in the gold list; a gold null accepts only a
    prediction without source country), the target country likewise, and, when the gold
    event names a place and `use_place` is on, the predicted event carries a place whose
    name or text equals the gold name or one of its `alt` names (case-insensitive).
  * CONSULT and COOPERATE are symmetric: source and target may be swapped.
  * Negated events ("did not agree") are left out on both sides unless
    `include_negated`; they are not things that happened.
  * Matching is one to one and maximum (`fivew.evaluate.matching`): each prediction serves
    at most one gold event, so duplicate predictions count as false positives.
Precision = matched / predicted, recall = matched / gold, F1 their harmonic mean. Scores
add up over articles (micro-average) with `EventScores.__add__`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from fivew.evaluate.matching import maximum_matching

SYMMETRIC = {"CONSULT", "COOPERATE"}


@dataclass(frozen=True)
class EventScores:
    """Counts and ratios for one article or, summed, a corpus."""

    matched: int = 0
    predicted: int = 0
    gold: int = 0
    type_matched: int = 0  # matches on type alone (a diagnostic: actors ignored)
    missed: tuple[dict[str, Any], ...] = field(default=(), compare=False)
    spurious: tuple[dict[str, Any], ...] = field(default=(), compare=False)

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 1.0 if not self.gold else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 1.0 if not self.predicted else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: EventScores) -> EventScores:
        return EventScores(
            self.matched + other.matched,
            self.predicted + other.predicted,
            self.gold + other.gold,
            self.type_matched + other.type_matched,
            self.missed + other.missed,
            self.spurious + other.spurious,
        )

    def summary(self) -> dict[str, float | int]:
        return {"gold": self.gold, "predicted": self.predicted, "matched": self.matched,
                "precision": round(self.precision, 3), "recall": round(self.recall, 3),
                "f1": round(self.f1, 3), "type_only_matched": self.type_matched}


def score_events(
    gold: Iterable[Mapping[str, Any]],
    predicted: Iterable[Any],
    use_place: bool = True,
    include_negated: bool = False,
) -> EventScores:
    """Score one article's predicted events (Event records or their JSON dicts)."""
    golds = [g for g in gold if include_negated or not g.get("negated")]
    preds = [_as_dict(p) for p in predicted]
    preds = [p for p in preds if include_negated or not p.get("negated")]
    owner = maximum_matching([[i for i, p in enumerate(preds) if _matches(g, p, use_place)] for g in golds])
    used = set(owner)
    matched_gold = set(owner.values())
    missed = [dict(g) for gi, g in enumerate(golds) if gi not in matched_gold]
    type_used: set[int] = set()
    for g in golds:
        hit = next((i for i, p in enumerate(preds) if i not in type_used and p.get("type") == g.get("type")), None)
        if hit is not None:
            type_used.add(hit)
    spurious = tuple(_brief(p) for i, p in enumerate(preds) if i not in used)
    return EventScores(len(used), len(preds), len(golds), len(type_used), tuple(missed), spurious)


def _as_dict(event: Any) -> dict[str, Any]:
    if dataclasses.is_dataclass(event) and not isinstance(event, type):
        from fivew.records import as_dict

        result: dict[str, Any] = as_dict(event)
        return result
    return dict(event)


def _matches(gold: Mapping[str, Any], pred: Mapping[str, Any], use_place: bool) -> bool:
    if gold.get("type") != pred.get("type"):
        return False
    src, tgt = _country(pred.get("source")), _country(pred.get("target"))
    straight = _accepts(gold.get("source"), src) and _accepts(gold.get("target"), tgt)
    swapped = gold.get("type") in SYMMETRIC and _accepts(gold.get("source"), tgt) and _accepts(
        gold.get("target"), src)
    if not (straight or swapped):
        return False
    if use_place and gold.get("place"):
        return _place_ok(gold["place"], pred.get("place"))
    return True


def _country(actor: Any) -> str | None:
    if isinstance(actor, Mapping):
        value = actor.get("country")
        return str(value) if value else None
    return str(actor) if actor else None


def _accepts(gold_actor: Any, country: str | None) -> bool:
    if isinstance(gold_actor, Mapping):
        wanted = gold_actor.get("country")
    else:
        wanted = gold_actor
    options = wanted if isinstance(wanted, list) else [wanted]
    return any((o or None) == country for o in options)


def _place_ok(gold_place: Any, pred_place: Any) -> bool:
    if not isinstance(pred_place, Mapping):
        return False
    if isinstance(gold_place, Mapping):
        names = [gold_place.get("name"), *(gold_place.get("alt") or [])]
    else:
        names = [gold_place]
    wanted = {str(n).casefold() for n in names if n}
    got = {str(pred_place.get(k) or "").casefold() for k in ("name", "text")}
    return bool(wanted & got)


def _brief(pred: Mapping[str, Any]) -> dict[str, Any]:
    """A prediction reduced to what the matching looks at (for reports)."""
    place = pred.get("place")
    return {
        "type": pred.get("type"),
        "source": _country(pred.get("source")),
        "target": _country(pred.get("target")),
        "place": place.get("name") if isinstance(place, Mapping) else None,
        "trigger": (pred.get("trigger") or {}).get("text"),
    }


def score_event_corpus(gold: Iterable[Any], predicted: Mapping[str, list[Any]],
                       use_place: bool = True) -> EventScores:
    """Micro-averaged scores over the gold articles that list events.

    `gold` holds `GoldArticle`s (their `events` and `text`); `predicted` maps the SHA-256
    of an article's text to its predicted events; an article without predictions counts
    as nothing predicted.
    """
    from fivew.evaluate.gold import text_hash

    total = EventScores()
    for article in gold:
        if article.events:
            total = total + score_events(article.events, predicted.get(text_hash(article.text), []),
                                         use_place=use_place)
    return total


def render_event_scores(scores: EventScores, fmt: str, show_errors: int = 0, before: str = "") -> str:
    """Append the event scores to a report `before` (text), or add an "events" key (json)."""
    import json

    if fmt == "json":
        data = json.loads(before) if before else {}
        data["events"] = scores.summary()
        return json.dumps(data, indent=2)
    s = scores
    lines = [before] if before else []
    lines += [
        f"events (type + source country + target country [+ place]): gold {s.gold}, "
        f"predicted {s.predicted}, matched {s.matched}",
        f"  precision {100 * s.precision:.1f}%  recall {100 * s.recall:.1f}%  F1 {100 * s.f1:.1f}%"
        f"  (type only: {s.type_matched} matched)",
    ]
    if show_errors:
        lines.append(f"missed gold events (first {show_errors}):")
        lines += [f"  {_gold_line(g)}" for g in s.missed[:show_errors]]
        lines.append(f"spurious events (first {show_errors}):")
        lines += [f"  {p}" for p in s.spurious[:show_errors]]
    return "\n".join(lines)


def _gold_line(g: Mapping[str, Any]) -> str:
    return f"{g.get('type')} {_country(g.get('source'))} -> {_country(g.get('target'))}  {g.get('what', '')}"
