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
cue ("said on Monday"), else the publication date. Values already set by an earlier stage
are kept, except publication-date fallbacks (a quote date equal to `article.published`, an
event date with `fallback=True`), which a date read in the text replaces.
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
    places, dates = _locate(doc, article.places), _locate(doc, article.dates)
    events = [_link_event(doc, e, places, dates, dateline, fallback) for e in article.events]
    quotes = [_link_quote(doc, q, dates, article) for q in article.quotes]
    return {"events": events, "quotes": quotes}


# A record with the head token of its span and the index of its sentence's first token.
Located = list[tuple[Any, Token, int]]


def _locate(doc: Doc, records: list[Any]) -> Located:
    """Each Place/TimeExpr with its head token, computed once per article."""
    found = []
    for record in records:
        span = doc.char_span(record.start, record.end, alignment_mode="expand")
        if span is not None and len(span) and not span.root.is_space:  # not in a caption
            found.append((record, span.root, span.root.sent.start))
    return found


def _link_event(doc: Doc, event: Event, places: Located, dates: Located,
                dateline: Place | None, fallback: TimeExpr | None) -> Event:
    anchors = _anchors(doc, event.trigger)
    place, date = event.place, event.date
    if place is None and anchors:
        place = _attached_place(anchors, places, event.type) or dateline
    elif place is None:
        place = dateline
    if date is None or date.fallback:
        attached = _attached(anchors, dates, need_prep=False) if anchors else None
        date = attached or date or fallback
    return replace(event, place=place, date=date)


def _link_quote(doc: Doc, quote: Quote, dates: Located, article: Article) -> Quote:
    # The quotes stage may have put the publication date in as its own fallback: a date
    # read next to the cue is better, any other value set upstream is kept.
    if quote.date is not None and quote.date not in (article.published, _day(article)):
        return quote
    found = None
    if quote.cue is not None:
        anchors = _anchors(doc, quote.cue)
        found = _attached(anchors, dates, need_prep=False) if anchors else None
    if found is not None and found.value is not None:
        return replace(quote, date=found.value)
    if quote.date is not None:
        return quote
    return replace(quote, date=_day(article))


def _day(article: Article) -> str | None:
    published = published_date(article)
    return published.isoformat() if published else None


def _anchors(doc: Doc, span: Span) -> list[Token]:
    """The trigger's head word, the verb of its clause, and for a participle clause the
    verb it hangs from."""
    found = doc.char_span(span.start, span.end, alignment_mode="expand")
    if found is None or len(found) == 0:
        return []
    word = found.root
    verb = word
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return [word]
    anchors = [word] if verb.i == word.i else [word, verb]
    # "..., describing them as a smokescreen", "..., killing 12": a participle clause
    # happens when its head verb does.
    if verb.tag_ in ("VBG", "VBN") and verb.dep_ in ("advcl", "conj", "xcomp"):
        anchors.append(verb.head)
    return anchors


def _attached_place(anchors: list[Token], places: Located, event_type: str) -> Any:
    _, object_types = _glue()
    best = _attached(anchors, places, need_prep=True)
    if best is not None:
        return best
    antecedent = _relative_antecedent(anchors)
    if antecedent is not None:
        for place, token, _ in places:
            if token in antecedent:  # "Mariupol, which has come under bombardment"
                return place
    if event_type in object_types:
        for place, token, _ in places:
            if token.dep_ in ("dobj", "obj") and token.head in anchors:
                return place
    return None


def _relative_antecedent(anchors: list[Token]) -> list[Token] | None:
    """For an event in a relative clause, the noun it describes ("the city of Mariupol,
    which ...": city and Mariupol), else None."""
    verb = anchors[-1]
    if verb.dep_ != "relcl":
        return None
    head = verb.head
    found = [head]
    if head.lower_ in _transparent_nouns():
        found += [g for c in head.children if c.lower_ == "of" for g in c.children
                  if g.dep_ == "pobj"]
    return found


def _attached(anchors: list[Token], records: Located, need_prep: bool) -> Any:
    """The record (Place or TimeExpr) nearest in the parse to one of the anchors, if any."""
    locatives, _ = _glue()
    best: tuple[int, Any] | None = None
    sentence = anchors[0].sent.start
    for record, token, record_sentence in records:
        if record_sentence != sentence:
            continue
        for anchor in anchors:
            steps, preps = _path(token, anchor, locatives)
            near = isinstance(record, Place) and record.precision == "near"
            if steps is None or (need_prep and not preps and not near):
                continue
            if best is None or steps < best[0]:
                best = (steps, record)
    return best[1] if best else None


def _path(token: Token, anchor: Token, locatives: frozenset[str]) -> tuple[int | None, int]:
    """(arcs from token up to anchor, 1 if the preposition governing the token is locative
    else 0); None if the path leaves the anchor's clause (another verb in between) or is
    longer than MAX_STEPS. "of" after a place noun ("the city of X", "the outskirts of X")
    is see-through; any other first preposition ("invasion of Ukraine") decides."""
    transparent = _transparent_nouns()
    steps, locative, decided = 0, 0, False
    current = token
    while current.i != anchor.i:
        if current.dep_ == "prep" and not decided:
            if current.lower_ == "of" and current.head.lower_ in transparent:
                pass
            else:
                locative, decided = int(current.lower_ in locatives), True
        if current.head.i == current.i or steps >= MAX_STEPS:
            return None, 0
        current = current.head
        steps += 1
        is_clause = current.pos_ in ("VERB", "AUX") and current.dep_ not in ("aux", "auxpass")
        if current.i != anchor.i and is_clause:
            return None, 0
    return steps, locative


@functools.cache
def _transparent_nouns() -> frozenset[str]:
    raw: Any = load_yaml("places.yaml")
    return frozenset(raw.get("place_nouns", [])) | frozenset(raw.get("of_place_nouns", []))
