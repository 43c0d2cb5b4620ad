"""Find quoted stretches of text by pairing quote marks, robustly.

News text mixes straight (") and curly (“ ”) marks, uses ’ and ' as apostrophes
("The Epoch Times' news team", "Russia’s"), leaves marks unbalanced, and continues a quote
across paragraphs by repeating the opening mark at the start of each paragraph without
closing the previous one. Nothing here raises on odd input: the worst case is that one
quote is not found.

Marks are classified by context first (a mark after a space and before a letter opens,
one after a letter and before a space or punctuation closes) and by shape only when the
context does not decide, so a mistyped ” used as an opening mark still pairs.

All offsets are character offsets into the scanned text (== `Article.text`).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

DOUBLE_MARKS = '"“”„‟«»〝〞＂'
SINGLE_MARKS = "'‘’‚‛‹›"
_OPEN_SHAPES = "“„‟«〝‘‚‛‹"
_CLOSE_SHAPES = "”»〞’›"
# A mark preceded by one of these (or a space / paragraph start) may open a quote…
_OPEN_LEFT = "([{—–-/:;" + DOUBLE_MARKS + SINGLE_MARKS
# …and a mark followed by one of these (or a space / paragraph end) may close one.
_CLOSE_RIGHT = ".,;:!?)]}—–-…" + DOUBLE_MARKS + SINGLE_MARKS


class Role(Enum):
    OPEN = "open"
    CLOSE = "close"
    EITHER = "either"


@dataclass(frozen=True)
class Quoted:
    """A quoted stretch: `outer_start` is the opening mark, `outer_end` is just after the
    closing mark (or the end of the paragraph for a quote continued into the next one);
    `start`/`end` delimit the words inside the marks. A quote continued over paragraphs is
    one `Quoted` from the first opening mark to the last closing mark."""

    outer_start: int
    outer_end: int
    start: int
    end: int
    closed: bool = True

    @property
    def inner(self) -> tuple[int, int]:
        return self.start, self.end


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of every non-blank line of `text`."""
    spans = []
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def classify(text: str, i: int, lo: int, hi: int) -> Role | None:
    """The role of the mark at `text[i]` inside the paragraph [lo, hi); None for an apostrophe."""
    mark = text[i]
    prev = text[i - 1] if i > lo else " "
    nxt = text[i + 1] if i + 1 < hi else " "
    if mark in SINGLE_MARKS and prev.isalnum() and nxt.isalnum():
        return None  # don't, Russia’s
    left_open = prev.isspace() or prev in _OPEN_LEFT
    right_open = nxt.isspace() or nxt in _CLOSE_RIGHT
    if left_open and not right_open:
        return Role.OPEN
    if right_open and not left_open:
        return Role.CLOSE
    if mark in _OPEN_SHAPES:
        return Role.OPEN
    if mark in _CLOSE_SHAPES:
        return Role.CLOSE
    return Role.EITHER


def _pair(text: str, lo: int, hi: int, marks: str) -> tuple[list[tuple[int, int]], int | None]:
    """Pair marks of one family in a paragraph: (closed pairs, position of a dangling opener)."""
    pairs: list[tuple[int, int]] = []
    open_at: int | None = None
    for i in range(lo, hi):
        if text[i] not in marks:
            continue
        role = classify(text, i, lo, hi)
        if role is None:
            continue
        if open_at is None:
            if role is not Role.CLOSE:  # a stray closing mark is ignored
                open_at = i
        elif role is Role.OPEN:
            open_at = i  # two openers: the first was never closed; keep the later one
        else:
            if i > open_at + 1:
                pairs.append((open_at, i))
            open_at = None
    return pairs, open_at


def _opens_paragraph(text: str, lo: int, hi: int) -> bool:
    j = lo
    while j < hi and text[j].isspace():
        j += 1
    return j < hi and text[j] in DOUBLE_MARKS and classify(text, j, lo, hi) is not Role.CLOSE


def find_quoted(text: str) -> list[Quoted]:
    """Every quoted stretch of `text` in order, with offsets into `text`.

    Double marks are paired per paragraph. A paragraph that ends inside a quote continues
    it when the next paragraph opens with a quote mark (the newspaper convention); any
    other unclosed quote is dropped. Single marks count as quotes only in a paragraph
    without double marks (nested single quotes stay part of the enclosing quote).
    """
    found: list[Quoted] = []
    pending: tuple[int, int] | None = None  # (outer_start, start) of a quote still running
    paras = paragraphs(text)
    for n, (lo, hi) in enumerate(paras):
        has_double = any(c in DOUBLE_MARKS for c in text[lo:hi])
        pairs, dangling = _pair(text, lo, hi, DOUBLE_MARKS if has_double else SINGLE_MARKS)
        if pending is not None:
            if pairs and pairs[0][0] == _first_mark(text, lo, hi):
                o, c = pairs.pop(0)
                found.append(Quoted(pending[0], c + 1, pending[1], c))
                pending = None
            elif dangling is not None and not pairs and _continues(text, paras, n):
                continue  # a middle paragraph of a long quote
            else:
                pending = None
        for o, c in pairs:
            found.append(Quoted(o, c + 1, o + 1, c))
        if dangling is not None and pending is None and _continues(text, paras, n):
            pending = (dangling, dangling + 1)
    return sorted(found, key=lambda q: q.outer_start)


def _first_mark(text: str, lo: int, hi: int) -> int:
    j = lo
    while j < hi and text[j].isspace():
        j += 1
    return j


def _continues(text: str, paras: list[tuple[int, int]], n: int) -> bool:
    return n + 1 < len(paras) and _opens_paragraph(text, *paras[n + 1])
