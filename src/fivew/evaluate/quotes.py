"""Score predicted quotes against gold quotes.

A predicted quote matches a gold quote when it covers at least `threshold` of the gold
span's characters (all fragments together). Matching is one to one: candidate pairs are
taken greedily from the highest coverage down. Precision = matched / predicted, recall =
matched / gold. On matched pairs the scorer also reports:

- speaker by span: the predicted speaker mention overlaps a gold speaker span (pairs whose
  gold quote has a speaker span);
- speaker by name: the predicted canonical name equals the gold name or one of its
  aliases, compared case-, article- and punctuation-insensitively (pairs whose gold quote
  has a speaker name);
- kind: the predicted kind equals the gold kind (pairs whose gold quote has a kind).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from fivew.evaluate.gold import GoldArticle, GoldQuote
from fivew.evaluate.matching import maximum_matching


@dataclass(frozen=True)
class PredQuote:
    start: int
    end: int
    kind: str | None = None
    speaker_name: str | None = None
    speaker_span: tuple[int, int] | None = None
    text: str = ""

    @classmethod
    def from_record(cls, q: dict[str, Any]) -> PredQuote:
        """From a quote in fivew's JSON output."""
        sp = q.get("speaker") or {}
        span = (sp["start"], sp["end"]) if "start" in sp and "end" in sp else None
        return cls(int(q["start"]), int(q["end"]), q.get("kind"), sp.get("name"), span,
                   q.get("text", ""))


@dataclass
class Ratio:
    hit: int = 0
    total: int = 0

    @property
    def value(self) -> float | None:
        return self.hit / self.total if self.total else None

    def add(self, ok: bool) -> None:
        self.hit += int(ok)
        self.total += 1


@dataclass
class QuoteScores:
    threshold: float
    merge_fragments: bool = False  # see `score_article`
    fragments: int = 0
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    speaker_span: Ratio = field(default_factory=Ratio)
    speaker_name: Ratio = field(default_factory=Ratio)
    kind: Ratio = field(default_factory=Ratio)
    recall_by_kind: dict[str, Ratio] = field(default_factory=dict)
    missed: list[tuple[str, GoldQuote]] = field(default_factory=list)
    spurious: list[tuple[str, PredQuote]] = field(default_factory=list)
    wrong_speaker: list[tuple[str, GoldQuote, PredQuote]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "threshold": self.threshold, "gold": self.gold, "predicted": self.predicted,
            "matched": self.matched, "fragments_merged": self.fragments, "precision": round(self.precision, 4),
            "recall": round(self.recall, 4), "f1": round(self.f1, 4),
            "speaker_span_accuracy": _r(self.speaker_span), "speaker_span_n": self.speaker_span.total,
            "speaker_name_accuracy": _r(self.speaker_name), "speaker_name_n": self.speaker_name.total,
            "kind_accuracy": _r(self.kind),
            "recall_by_kind": {k: _r(v) for k, v in sorted(self.recall_by_kind.items())},
        }


def _r(ratio: Ratio) -> float | None:
    return None if ratio.value is None else round(ratio.value, 4)


def coverage(gold: GoldQuote, pred: PredQuote) -> float:
    """Share of the gold quote's characters inside the predicted span."""
    total = sum(e - s for s, e in gold.spans)
    inside = sum(max(0, min(e, pred.end) - max(s, pred.start)) for s, e in gold.spans)
    return inside / total if total else 0.0


def match(gold: list[GoldQuote], pred: list[PredQuote], threshold: float
          ) -> list[tuple[int, int]]:
    """A maximum one-to-one matching of (gold index, pred index) pairs whose coverage
    reaches `threshold` (`maximum_matching`; each gold quote tries its best-covering
    predictions first, so ties resolve toward the closer span)."""
    options: list[list[int]] = []
    for g in gold:
        scored = []
        for pi, p in enumerate(pred):
            if p.end <= g.start or p.start >= g.end:
                continue
            cov = coverage(g, p)
            if cov >= threshold:
                scored.append((-cov, abs((p.end - p.start) - (g.end - g.start)), pi))
        options.append([pi for _, _, pi in sorted(scored)])
    owner = maximum_matching(options)  # pred index -> gold index
    return sorted((gi, pi) for pi, gi in owner.items())


def normalise_name(name: str) -> str:
    name = name.casefold().replace("’s", "").replace("'s", "")
    name = re.sub(r"[^\w\s]", " ", name)
    words = [w for w in name.split() if w not in ("the",)]
    return " ".join(words)


def _inside_share(p: PredQuote, g: GoldQuote) -> float:
    inside = sum(max(0, min(e, p.end) - max(s, p.start)) for s, e in g.spans)
    return inside / max(1, p.end - p.start)


def score_article(scores: QuoteScores, article: GoldArticle, pred: list[PredQuote]) -> None:
    """Add one article's counts to `scores`.

    With `scores.merge_fragments`, an unmatched prediction lying mostly (>= 50% of its
    characters) inside a matched gold quote is another fragment of that statement (PolNeAR
    makes "“A,” she said. “B.”" one attribution; fivew reports A and the floating B) and
    counts neither as a match nor as spurious.
    """
    gold = article.quotes
    pairs = match(gold, pred, scores.threshold)
    matched_g = {gi for gi, _ in pairs}
    matched_p = {pi for _, pi in pairs}
    if scores.merge_fragments:
        extra = {pi for pi, p in enumerate(pred) if pi not in matched_p
                 and any(_inside_share(p, gold[gi]) >= 0.5 for gi in matched_g)}
        scores.fragments += len(extra)
        pred = [p for pi, p in enumerate(pred) if pi not in extra]
        pairs = match(gold, pred, scores.threshold)
        matched_g = {gi for gi, _ in pairs}
        matched_p = {pi for _, pi in pairs}
    scores.gold += len(gold)
    scores.predicted += len(pred)
    scores.matched += len(pairs)
    for gi, g in enumerate(gold):
        if g.kind:
            scores.recall_by_kind.setdefault(g.kind, Ratio()).add(gi in matched_g)
        if gi not in matched_g:
            scores.missed.append((article.name, g))
    for pi, p in enumerate(pred):
        if pi not in matched_p:
            scores.spurious.append((article.name, p))
    for gi, pi in pairs:
        g, p = gold[gi], pred[pi]
        if g.kind:
            scores.kind.add(g.kind == p.kind)
        if g.speaker is None:
            continue
        if g.speaker.spans:
            ok = p.speaker_span is not None and any(
                s < p.speaker_span[1] and p.speaker_span[0] < e for s, e in g.speaker.spans)
            scores.speaker_span.add(ok)
        if g.speaker.name:
            names = {normalise_name(n) for n in (g.speaker.name, *g.speaker.aliases)}
            ok = p.speaker_name is not None and normalise_name(p.speaker_name) in names
            scores.speaker_name.add(ok)
            if not ok:
                scores.wrong_speaker.append((article.name, g, p))
