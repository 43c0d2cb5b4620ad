"""Find quoted stretches of text by pairing quote marks, robustly.

News text mixes straight (") and curly (“ ”) marks, uses ’ and ' as apostrophes
("The Daily Times' news team", "Russia’s"), leaves marks unbalanced, and continues a quote
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


@dataclass(frozen=True)
class Mark:
    """One quote mark: `pos` in the text, `size` 1, or 2 for the typewriter pairs `` and ''."""

    pos: int
    size: int
    double: bool

    @property
    def end(self) -> int:
        return self.pos + self.size


def marks_in(text: str, lo: int, hi: int) -> list[Mark]:
    """The quote marks of paragraph [lo, hi), with '' and `` read as one double mark."""
    found: list[Mark] = []
    i = lo
    while i < hi:
        pair = text[i : i + 2]
        if pair in ("''", "``") and i + 1 < hi:
            found.append(Mark(i, 2, True))
            i += 2
            continue
        c = text[i]
        if c in DOUBLE_MARKS or c == "`":
            found.append(Mark(i, 1, c != "`"))
        elif c in SINGLE_MARKS:
            found.append(Mark(i, 1, False))
        i += 1
    return found


def classify(text: str, mark: Mark, lo: int, hi: int) -> Role | None:
    """The role of `mark` inside the paragraph [lo, hi); None for an apostrophe."""
    i = mark.pos
    shape = text[i]
    prev = text[i - 1] if i > lo else " "
    nxt = text[mark.end] if mark.end < hi else " "
    if not mark.double and prev.isalnum() and nxt.isalnum():
        return None  # don't, Russia’s
    left_open = prev.isspace() or prev in _OPEN_LEFT
    right_open = nxt.isspace() or nxt in _CLOSE_RIGHT
    if left_open and not right_open:
        return Role.OPEN
    if right_open and not left_open:
        return Role.CLOSE
    if shape in _OPEN_SHAPES or text[i : i + 2] == "``":
        return Role.OPEN
    if shape in _CLOSE_SHAPES:
        return Role.CLOSE
    return Role.EITHER


def _pair(text: str, lo: int, hi: int, double: bool
          ) -> tuple[list[tuple[Mark, Mark]], Mark | None]:
    """Pair the marks of one family in a paragraph: (closed pairs, a dangling opener)."""
    pairs: list[tuple[Mark, Mark]] = []
    open_at: Mark | None = None
    for mark in marks_in(text, lo, hi):
        if mark.double != double:
            continue
        role = classify(text, mark, lo, hi)
        if role is None:
            continue
        if open_at is None:
            if role is not Role.CLOSE:  # a stray closing mark is ignored
                open_at = mark
        elif role is Role.OPEN:
            open_at = mark  # two openers: the first was never closed; keep the later one
        else:
            if mark.pos > open_at.end:
                pairs.append((open_at, mark))
            open_at = None
    return pairs, open_at


def _opens_paragraph(text: str, lo: int, hi: int) -> bool:
    marks = marks_in(text, lo, hi)
    first = _first_mark(text, lo, hi)
    return bool(marks) and marks[0].pos == first and marks[0].double \
        and classify(text, marks[0], lo, hi) is not Role.CLOSE


def find_quoted(text: str) -> list[Quoted]:
    """Every quoted stretch of `text` in order, with offsets into `text`.

    Double marks are paired per paragraph. A paragraph that ends inside a quote continues
    it when the next paragraph opens with a quote mark (the newspaper convention); a quote
    still open at the end of its paragraph otherwise runs to the paragraph's end, unless
    another mark follows its opener (then the opener was likely not one). Single marks
    count as quotes only in a paragraph without double marks (nested single quotes stay
    part of the enclosing quote).
    """
    found: list[Quoted] = []
    pending: tuple[int, int] | None = None  # (outer_start, start) of a quote still running
    paras = paragraphs(text)
    for n, (lo, hi) in enumerate(paras):
        has_double = any(m.double for m in marks_in(text, lo, hi))
        pairs, dangling = _pair(text, lo, hi, has_double)
        if pending is not None:
            if pairs and pairs[0][0].pos == _first_mark(text, lo, hi):
                _, close = pairs.pop(0)
                found.append(Quoted(pending[0], close.end, pending[1], close.pos))
                pending = None
            elif dangling is not None and not pairs and _continues(text, paras, n):
                continue  # a middle paragraph of a long quote
            else:
                pending = None
        for o, c in pairs:
            found.append(Quoted(o.pos, c.end, o.end, c.pos))
        if dangling is not None and pending is None:
            if _continues(text, paras, n):
                pending = (dangling.pos, dangling.end)
            elif not pairs or pairs[-1][1].pos < dangling.pos:
                end = hi
                while end > dangling.end and text[end - 1].isspace():
                    end -= 1
                # only a double mark: a lone single mark is too often an apostrophe ('90s)
                if end > dangling.end and dangling.double \
                        and classify(text, dangling, lo, hi) is Role.OPEN:
                    found.append(Quoted(dangling.pos, end, dangling.end, end, closed=False))
    return sorted(found, key=lambda q: q.outer_start)


def _first_mark(text: str, lo: int, hi: int) -> int:
    j = lo
    while j < hi and text[j].isspace():
        j += 1
    return j


def _continues(text: str, paras: list[tuple[int, int]], n: int) -> bool:
    return n + 1 < len(paras) and _opens_paragraph(text, *paras[n + 1])
