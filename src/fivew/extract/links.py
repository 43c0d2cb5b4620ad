"""The last stage: give each event its place and date, and each quote the date it was said.

An event's place is a place mention syntactically attached to its trigger: through a
locative preposition on the trigger or on a word of its clause ("shelled a market in
Kharkiv", "In the capital, officials imposed..."), a "near" phrase ("fighting continues
north of Kyiv"), or, for event types whose object is where they happen (PLOVER ASSAULT,
FIGHT...; `link_object_types` in `places.yaml`), the object ("troops shelled Irpin").
Otherwise it is the dateline place, otherwise None. Attachment never crosses into another
clause, so "X said in Kyiv that troops attacked Y" does not place the attack in Kyiv.

An event's date is a time expression attached to its trigger's clause the same way, else
the publication date as a TimeExpr with `fallback=True` (None when the article has no
publication date). A quote's `date` is the value of the time expression attached to its
cue ("said on Monday"), else the publication date. Fields already set by an earlier stage
are kept.
"""

from __future__ import annotations

import functools
from dataclasses import replace
from typing import Any

from spacy.tokens import Doc, Token

from fivew.data import load_yaml
from fivew.extract.dates import publication_fallback, published_date
from fivew.records import Article, Event, Place, Quote, Span, TimeExpr

MAX_STEPS = 6


@functools.cache
def _glue() -> tuple[frozenset[str], frozenset[str]]:
    raw: Any = load_yaml("places.yaml")
    return (frozenset(raw.get("locative_prepositions", [])),
            frozenset(raw.get("link_object_types", [])))


def link_places_and_dates(doc: Doc, article: Article) -> dict[str, list[Any]]:
    """The article's events and quotes with `place` and `date` filled in.

    Returns {"events": [...], "quotes": [...]} (new records; `dataclasses.replace`).
    """
    fallback = publication_fallback(article)
    dateline = next((p for p in article.places if p.dateline), None)
    events = [_link_event(doc, e, article, dateline, fallback) for e in article.events]
    quotes = [_link_quote(doc, q, article) for q in article.quotes]
    return {"events": events, "quotes": quotes}


def _link_event(doc: Doc, event: Event, article: Article, dateline: Place | None,
                fallback: TimeExpr | None) -> Event:
    anchors = _anchors(doc, event.trigger)
    place, date = event.place, event.date
    if place is None and anchors:
        place = _attached_place(doc, anchors, article.places, event.type) or dateline
    elif place is None:
        place = dateline
    if date is None:
        date = (_attached(doc, anchors, article.dates, need_prep=False) if anchors else None)
        date = date or fallback
    return replace(event, place=place, date=date)


def _link_quote(doc: Doc, quote: Quote, article: Article) -> Quote:
    if quote.date is not None:
        return quote
    found = None
    if quote.cue is not None:
        anchors = _anchors(doc, quote.cue)
        found = _attached(doc, anchors, article.dates, need_prep=False) if anchors else None
    if found is not None and found.value is not None:
        return replace(quote, date=found.value)
    published = published_date(article)
    return replace(quote, date=published.isoformat() if published else None)


def _anchors(doc: Doc, span: Span) -> list[Token]:
    """The trigger's head word and the verb of its clause (the same token for verbs)."""
    found = doc.char_span(span.start, span.end, alignment_mode="expand")
    if found is None or len(found) == 0:
        return []
    word = found.root
    verb = word
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    return [word] if verb.i == word.i or verb.pos_ not in ("VERB", "AUX") else [word, verb]


def _attached_place(doc: Doc, anchors: list[Token], places: list[Place],
                    event_type: str) -> Place | None:
    _, object_types = _glue()
    best = _attached(doc, anchors, places, need_prep=True)
    if best is not None:
        return best
    if event_type in object_types:
        for place in places:
            token = _last_token(doc, place)
            if token is not None and token.dep_ in ("dobj", "obj") and token.head in anchors:
                return place
    return None


def _attached(doc: Doc, anchors: list[Token], records: list[Any], need_prep: bool) -> Any:
    """The record (Place or TimeExpr) nearest in the parse to one of the anchors, if any."""
    locatives, _ = _glue()
    best: tuple[int, Any] | None = None
    for record in records:
        token = _last_token(doc, record)
        if token is None or token.sent.start != anchors[0].sent.start:
            continue
        for anchor in anchors:
            steps, preps = _path(token, anchor, locatives)
            near = isinstance(record, Place) and record.precision == "near"
            if steps is None or (need_prep and not preps and not near):
                continue
            if best is None or steps < best[0]:
                best = (steps, record)
    return best[1] if best else None


def _last_token(doc: Doc, record: Place | TimeExpr) -> Token | None:
    span = doc.char_span(record.start, record.end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _path(token: Token, anchor: Token, locatives: frozenset[str]) -> tuple[int | None, int]:
    """(arcs from token up to anchor, locative prepositions passed); None if the path leaves
    the anchor's clause (another verb in between) or is longer than MAX_STEPS."""
    steps, preps = 0, 0
    current = token
    while current.i != anchor.i:
        if current.dep_ == "prep" and current.lower_ in locatives:
            preps += 1
        if current.head.i == current.i or steps >= MAX_STEPS:
            return None, 0
        current = current.head
        steps += 1
        is_clause = current.pos_ in ("VERB", "AUX") and current.dep_ not in ("aux", "auxpass")
        if current.i != anchor.i and is_clause:
            return None, 0
    return steps, preps
