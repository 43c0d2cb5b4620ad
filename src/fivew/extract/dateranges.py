"""Periods made of time expressions: "since X", "from X to Y", "between X and Y", "X to Y".

`fivew.extract.dates` finds and resolves single expressions ("pieces"); this module splits a
model span that holds two of them ("Feb. 21 to March 13") and joins pieces that the text
ties into one period. The words are in `fivew/data/dates.yaml` (`ranges`):

- since X -> X's first day .. publication ("since Sunday", "since last year"), precision X's;
- from X to Y, between X and Y, X to Y -> X's first day .. Y's last day, at the coarser
  precision of the two; X and Y without "between" stay two dates.

Offsets: `Piece.start`/`end` are character offsets into `Article.text` (the parsed text is
the article text with blanks, so the offsets are the same).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from fivew.extract import calendar_math as cm
from fivew.extract.calendar_math import Resolved, Tense

_ORDER = {"day": 0, "week": 1, "month": 2, "year": 3}


@dataclass(frozen=True)
class Piece:
    start: int
    end: int
    resolved: Resolved


# resolve(start, end, tense or None for the clause's own) -> Resolved | None
Resolver = Callable[[int, int, Tense], "Resolved | None"]


def _alt(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@functools.cache
def _patterns() -> dict[str, re.Pattern[str]]:
    r = cm.vocab().ranges
    return {
        # A connector between two pieces; spaced hyphens only ("2022-03-20" is one date).
        "to": re.compile(rf"(?i)^\s*(?:{_alt(tuple(w for w in r['to'] if w.isalpha()))})\s*$"
                         rf"|^\s*[-–—]\s*$"),
        "and": re.compile(rf"(?i)^\s*(?:{_alt(r['and'])})\s*$"),
        # Where to split one model span in two.
        "split": re.compile(rf"(?i)\s+(?:{_alt(r['to'] + r['and'])})\s+|\s*[–—]\s*|\s+-\s+"),
        # An opener right before a piece, or at its start when the model included it.
        "before": re.compile(rf"(?i)\b({_alt(r['since'] + r['from'] + r['between'])})\s+$"),
        "inside": re.compile(rf"(?i)^({_alt(r['since'] + r['from'] + r['between'])})\s+"),
    }


def _kind(word: str) -> str:
    r = cm.vocab().ranges
    word = " ".join(word.lower().split())
    return next(k for k in ("since", "from", "between") if word in r[k])


def split(text: str, start: int, end: int, resolve: Resolver) -> list[Piece] | None:
    """Two pieces when the span text[start:end] is "X to Y" / "X and Y" and both halves
    resolve to a value on their own; else None (keep the span whole)."""
    m = _patterns()["split"].search(text, start, end)
    if m is None or m.start() <= start or m.end() >= end:
        return None
    halves = [(start, m.start()), (m.end(), end)]
    found = [resolve(s, e, None) for s, e in halves]
    if any(f is None or f.precision == "unknown" for f in found):
        return None
    return [Piece(s, e, f) for (s, e), f in zip(halves, found, strict=True) if f is not None]


def opener(text: str, piece: Piece) -> tuple[str, int] | None:
    """("since" | "from" | "between", where the opener starts) for a piece, or None."""
    p = _patterns()
    inside = p["inside"].match(text[piece.start : piece.end])  # "^" ignores match's pos
    if inside is not None:
        return _kind(inside.group(1)), piece.start
    before = p["before"].search(text, max(0, piece.start - 16), piece.start)
    if before is not None:
        return _kind(before.group(1)), before.start()
    return None


def combine(text: str, pieces: list[Piece], published: date | None,
            resolve: Resolver) -> list[Piece]:
    """Join pieces into periods where the text says so; other pieces pass unchanged."""
    out: list[Piece] = []
    i = 0
    while i < len(pieces):
        piece = pieces[i]
        opened = opener(text, piece)
        nxt = pieces[i + 1] if i + 1 < len(pieces) else None
        joined = _join(text, piece, nxt, opened, published) if nxt is not None else None
        if joined is not None:
            out.append(joined)
            i += 2
            continue
        if opened is not None and opened[0] == "since":
            piece = _since(piece, opened[1], published, resolve) or piece
        out.append(piece)
        i += 1
    return out


def bounds(value: str | None) -> tuple[date, date] | None:
    """First and last day of an ISO date or closed interval; None for open or no value."""
    if not value or value.startswith(".."):
        return None
    first, _, last = value.partition("/")
    try:
        return date.fromisoformat(first), date.fromisoformat(last or first)
    except ValueError:
        return None


def _join(text: str, a: Piece, b: Piece, opened: tuple[str, int] | None,
          published: date | None) -> Piece | None:
    """"from/between A to/and B" or "A to B" as one piece, or None."""
    gap = text[a.end : b.start]
    p = _patterns()
    kind = opened[0] if opened else None
    if p["and"].match(gap):
        if kind != "between":
            return None
    elif not p["to"].match(gap) or kind == "between" or kind == "since":
        return None
    start = opened[1] if opened else a.start
    ra, rb = bounds(a.resolved.value), bounds(b.resolved.value)
    if ra is None or rb is None:  # no publication date and no year of their own
        if a.resolved.precision == "unknown" or b.resolved.precision == "unknown":
            return None
        return Piece(start, b.end, Resolved(None, "unknown", a.resolved.direction))
    if rb[1] < ra[0]:
        return None
    precision = max(a.resolved.precision, b.resolved.precision, key=lambda x: _ORDER.get(x, 0))
    return Piece(start, b.end, cm.interval(ra[0], rb[1], precision, published))


def _since(piece: Piece, start: int, published: date | None,
           resolve: Resolver) -> Piece | None:
    """"since X": X (read as past) .. publication."""
    anchor = resolve(piece.start, piece.end, "past") or piece.resolved
    if anchor.precision == "unknown":
        return None
    if published is None:
        return Piece(start, piece.end, Resolved(None, "unknown", "past"))
    span = bounds(anchor.value)
    if span is None or span[0] > published:
        return None
    return Piece(start, piece.end, cm.interval(span[0], published, anchor.precision, published))
