"""Dates: every time expression, resolved against the article's publication date.

Expressions are the model's DATE/TIME spans plus patterns the small model misses
(weekdays, "Feb. 24", "in recent days", "more than a week ago"), merged where they overlap.
Each is resolved by `fivew.extract.daterules.resolve` using the tense of its clause
(`clause_tense`): "on Monday" in a past-tense clause is the latest Monday on or before
publication, in a future-tense clause the next one. Durations, ages and bare clock times are
not reported. Without `article.published`, expressions that carry no year keep value None.

Offsets: `TimeExpr.start`/`end` are character offsets into `Article.text`.
"""

from __future__ import annotations

import functools
import re
from datetime import date

from spacy.tokens import Doc, Token

from fivew.extract import calendar_math as cm
from fivew.extract.calendar_math import Resolved
from fivew.extract.dateranges import Piece, combine, split
from fivew.extract.daterules import resolve
from fivew.nlp import extra_docs
from fivew.records import Article, TimeExpr

DATE_LABELS = {"DATE", "TIME"}
# "would" is the future of reported speech ("said aid would arrive by Friday").
_FUTURE_AUX = {"will", "shall", "'ll", "’ll", "wo", "would", "'d", "’d"}
_N = r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|a few|a couple of)"


@functools.cache
def _patterns() -> tuple[re.Pattern[str], ...]:
    """Expressions the model often misses. Month and weekday names must be capitalised."""
    v = cm.vocab()
    months = "|".join(sorted((m.capitalize() for m in v.months), key=len, reverse=True))
    days = "|".join(sorted((d.capitalize() for d in v.weekdays if len(d) > 3), key=len, reverse=True))
    units = r"(?:days?|weeks?|months?|years?)"
    plural = r"(?:days|weeks|months|years)"
    return (
        re.compile(rf"\b(?:[Ll]ast |[Nn]ext |[Tt]his )?(?:{days})(?: (?:morning|afternoon|evening|night))?\b"),
        re.compile(rf"\b(?:{months})\.? \d{{1,2}}(?:st|nd|rd|th)?(?:, \d{{4}})?\b"),
        re.compile(r"(?i)\b(?:yesterday|today|tomorrow|tonight|last night|overnight)\b"),
        re.compile(r"(?i)\b(?:earlier |later )?(?:this|last|next) (?:week|weekend|month|year)\b"),
        re.compile(rf"(?i)\b(?:more than |over |less than |nearly |almost )?{_N} {units} ago\b"),
        re.compile(rf"(?i)\bin the (?:coming|next|past|last) (?:{_N} )?{plural}\b"),
        re.compile(rf"(?i)\bin recent {plural}\b"),
        # A year the model leaves out of a period ("between 2010 and 2020").
        re.compile(r"(?<=\b[Bb]etween )(?:1[5-9]|20)\d\d\b|(?<=\b[Ff]rom )(?:1[5-9]|20)\d\d\b"
                   r"|(?<=\b[Ss]ince )(?:1[5-9]|20)\d\d\b"),
    )


def find_dates(doc: Doc, article: Article) -> list[TimeExpr]:
    """Every resolvable time expression in the doc and its headline and captions
    (`fivew.nlp.extra_docs`), in text order; "since X", "from X to Y" and "between X and
    Y" are one expression each (`fivew.extract.dateranges`)."""
    found = [t for d in [doc, *extra_docs(doc)] for t in _find_in(d, article)]
    return sorted(found, key=lambda t: (t.start, t.end))


def _find_in(doc: Doc, article: Article) -> list[TimeExpr]:
    published = published_date(article)
    doc_text = doc.text  # spaCy joins the tokens on every access: read it once

    def resolve_at(start: int, end: int, tense: str | None) -> Resolved | None:
        direction = tense or _direction(doc, doc_text, start, end)
        return resolve(doc_text[start:end], published, direction)

    pieces: list[Piece] = []
    for start, end in _candidates(doc, doc_text):
        halves = split(doc_text, start, end, resolve_at)
        resolved = resolve_at(start, end, None) if halves is None else None
        if halves is not None:
            pieces.extend(halves)
        elif resolved is not None:
            pieces.append(Piece(start, end, resolved))
    found = []
    for piece in combine(doc_text, pieces, published, resolve_at):
        r = piece.resolved
        found.append(TimeExpr(doc_text[piece.start : piece.end], piece.start, piece.end,
                              r.value, r.precision, r.direction))  # type: ignore[arg-type]
    return found


def published_date(article: Article) -> date | None:
    """The publication day from `article.published` (ISO 8601), or None."""
    if not article.published:
        return None
    try:
        return date.fromisoformat(article.published[:10])
    except ValueError:
        return None


def publication_fallback(article: Article) -> TimeExpr | None:
    """A TimeExpr standing for the publication date, for records the text does not date.

    Its span is the article's "published" layout part when there is one, else empty (0, 0);
    `fallback` is True so that users can tell it from a date read in the text.
    """
    day = published_date(article)
    if day is None:
        return None
    part = next((p for p in article.parts if p.kind == "published"), None)
    start, end = (part.start, part.end) if part else (0, 0)
    return TimeExpr(article.text[start:end], start, end, day.isoformat(), "day", "present",
                    fallback=True)


def _candidates(doc: Doc, text: str) -> list[tuple[int, int]]:
    """Character ranges of time expressions: model spans and patterns, overlaps merged."""
    ranges = [(e.start_char, e.end_char) for e in doc.ents if e.label_ in DATE_LABELS]
    # Scan only the lines with text: the parsed text is mostly blanks where the layout's
    # other parts were (a headline-and-captions parse is nearly all blank).
    lines = _text_lines(text)
    for pattern in _patterns():
        for start, end in lines:
            ranges += [m.span() for m in pattern.finditer(text, start, end)]
    merged: list[tuple[int, int]] = []
    for start, end in sorted(ranges):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return [_trim(text, s, e) for s, e in merged]


def _text_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line that holds more than white space."""
    spans, at = [], 0
    for line in text.split("\n"):
        if line.strip():
            spans.append((at, at + len(line)))
        at += len(line) + 1
    return spans


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not (text[end - 1].isalnum() or text[end - 1] == "."):
        end -= 1
    return start, end


def _direction(doc: Doc, text: str, start: int, end: int) -> str | None:
    """The clause's tense, except after a look-ahead word ("banned until Thursday", "drills
    starting on Thursday"): such a date bounds a period running on from publication."""
    before = [w for w in text[max(0, start - 20) : start].lower().split() if w != "on"]
    if before and before[-1] in cm.vocab().look_ahead:
        return "future"
    return clause_tense(doc, start, end)


def clause_tense(doc: Doc, start: int, end: int) -> str | None:
    """"past", "present" or "future" for the clause a character range sits in, or None."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    verb: Token = span.root
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    for token in [verb, *verb.ancestors]:
        tense = _finite_tense(token)
        if tense is not None:
            return tense
    return None


def _finite_tense(verb: Token) -> str | None:
    """The tense of a verb with its auxiliaries; None for a bare infinitive or participle
    whose tense comes from the verb above it ("plans to meet", "said ... meeting")."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in _FUTURE_AUX for a in auxes) or _is_future_marker(verb):
        return "future"
    if verb.tag_ in ("VBD",) or any(a.tag_ == "VBD" for a in auxes):
        return "past"
    if verb.tag_ == "VBN" and any(a.lower_ in ("has", "have", "'ve") for a in auxes):
        return "past"
    if verb.tag_ in ("VBZ", "VBP") or any(a.tag_ in ("VBZ", "VBP") for a in auxes):
        return "present"
    if verb.tag_ == "VBN" and verb.dep_ in ("ROOT", "conj"):
        return "past"
    return None


def _is_future_marker(verb: Token) -> bool:
    """"plans/expected/scheduled/is due (to ...)": the clause looks ahead."""
    word = verb.lower_
    markers = cm.vocab().future
    forms = {word, word.removesuffix("s"), word.removesuffix("ed"), word.removesuffix("d"),
             word.removesuffix("ing")}
    has_to = any(c.dep_ in ("xcomp", "prep") for c in verb.children)
    return bool(forms & markers) and has_to and word not in _FUTURE_AUX
