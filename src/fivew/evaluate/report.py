"""Render quote scores for people (text) or programs (JSON)."""

from __future__ import annotations

import json

from fivew.evaluate.quotes import QuoteScores, Ratio


def _pct(value: float | None) -> str:
    return "  n/a" if value is None else f"{100 * value:5.1f}"


def _ratio(r: Ratio) -> str:
    return f"{_pct(r.value)}% ({r.hit}/{r.total})"


def render_scores(results: list[tuple[QuoteScores, list[str]]], n_articles: int, fmt: str,
                  show_errors: int = 0, quote_articles: int | None = None) -> str:
    """The quote report; `quote_articles` (default: all) is how many gold articles
    annotate quotes; with none, the quote scores are left out rather than shown as 0."""
    if quote_articles is None:
        quote_articles = n_articles
    if fmt == "json":
        return json.dumps({
            "articles": n_articles,
            "quote_articles": quote_articles,
            "without_prediction": results[0][1] if results else [],
            "quotes": [s.as_dict() for s, _ in results] if quote_articles else [],
        }, indent=2)
    lines = [f"{n_articles} gold articles"]
    if results and results[0][1]:
        lines.append(f"  no prediction for {len(results[0][1])}: {', '.join(results[0][1][:5])}")
    if not quote_articles:
        lines.append("quotes: not scored (the gold articles annotate events only)")
        return "\n".join(lines)
    if quote_articles < n_articles:
        lines.append(f"quotes scored on the {quote_articles} articles that annotate them")
    for s, _ in results:
        lines += [
            f"quotes @ {int(100 * s.threshold)}% coverage: gold {s.gold}, predicted {s.predicted}, "
            f"matched {s.matched}" + (f", fragments merged {s.fragments}"
                                      if s.merge_fragments else ""),
            f"  precision {_pct(s.precision)}%  recall {_pct(s.recall)}%  F1 {_pct(s.f1)}%",
            f"  speaker by span {_ratio(s.speaker_span)}  by name {_ratio(s.speaker_name)}",
            f"  kind {_ratio(s.kind)}  recall by gold kind: " + ", ".join(
                f"{k} {_ratio(v)}" for k, v in sorted(s.recall_by_kind.items())),
        ]
    if show_errors and results:
        lines += _errors(results[0][0], show_errors)
    return "\n".join(lines)


def _errors(first: QuoteScores, n: int) -> list[str]:
    lines = [f"missed gold quotes (first {n}):"]
    for name, g in first.missed[:n]:
        lines.append(f"  {name} {g.start}-{g.end} [{g.kind}]")
    lines.append(f"spurious predictions (first {n}):")
    for name, p in first.spurious[:n]:
        lines.append(f"  {name} {p.start}-{p.end} [{p.kind}] {p.text[:80]!r}")
    lines.append(f"wrong speaker names (first {n}):")
    for name, g, p in first.wrong_speaker[:n]:
        gold_name = g.speaker.name if g.speaker else None
        lines.append(f"  {name} {g.start}-{g.end}: gold {gold_name!r}, predicted {p.speaker_name!r}")
    return lines
