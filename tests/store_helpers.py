"""Hand-built analysed articles for store tests (no model): records placed at real offsets."""

from __future__ import annotations

from fivew.ingest import from_text
from fivew.records import (
    Actor,
    Article,
    Entity,
    Event,
    Mention,
    Place,
    Quantity,
    Quote,
    Span,
    Speaker,
    TimeExpr,
)


def span(text: str, needle: str, after: int = 0) -> Span:
    start = text.index(needle, after)
    return Span(start, start + len(needle), needle)


def speaker(text: str, name: str, mention: str, **kw: str) -> Speaker:
    s = span(text, mention)
    return Speaker(name=name, text=mention, start=s.start, end=s.end, **kw)


def actor(text: str, name: str, mention: str, country: str, sector: str = "GOV") -> Actor:
    s = span(text, mention)
    return Actor(name=name, text=mention, start=s.start, end=s.end, country=country, sector=sector)


def quote(text: str, said: str, who: Speaker, cue: str, date: str | None = None) -> Quote:
    s = span(text, said)
    return Quote(text=said, start=s.start, end=s.end, kind="direct", cue=span(text, cue),
                 speaker=who, date=date)


def event(text: str, type_: str, trigger: str, sentence: str, source: Actor, target: Actor,
          **kw: object) -> Event:
    return Event(type=type_, mode=None, context=("military",), cameo="12",
                 trigger=span(text, trigger), evidence=span(text, sentence),
                 source=source, target=target, **kw)  # type: ignore[arg-type]


TALKS = (
    "Ministers reject harbour proposal\n\n"
    "By Ada Lovel\n\n"
    "March 14, 2022\n\n"
    "The foreign ministry of Northland rejected the harbour proposal from Southland on Monday, "
    "officials said.\n\n"
    "\"We will not sign a document that gives away our fishing rights,\" spokeswoman Mara Vell "
    "told reporters in Porto Alto.\n\n"
    "Southland's envoy Tomas Brek said a ceasefire along the coast was still possible.\n\n"
    "Two fishermen were killed in the clash near the harbour last week, the coast guard said."
)


def talks_article(text: str = TALKS, **meta: str) -> Article:
    """An article with one of every record kind, offsets found in `text`."""
    a = from_text(text, source="talks.txt", **meta)  # type: ignore[arg-type]
    vell = speaker(text, "Mara Vell", "Mara Vell", role="spokeswoman", country="NLD")
    brek = speaker(text, "Tomas Brek", "Tomas Brek", country="SLD")
    m = span(text, "Mara Vell")
    a.entities = [Entity("E1", "Mara Vell", "PERSON", m.text, m.start, m.end,
                         mentions=(Mention(m.text, m.start, m.end),), role="spokeswoman")]
    a.quotes = [
        quote(text, "We will not sign a document that gives away our fishing rights", vell,
              "told", date="2022-03-14"),
        quote(text, "a ceasefire along the coast was still possible", brek, "said"),
    ]
    north = actor(text, "Northland foreign ministry", "The foreign ministry of Northland", "NLD")
    south = actor(text, "Southland", "Southland", "SLD")
    porto = span(text, "Porto Alto")
    place = Place("Porto Alto", porto.text, porto.start, porto.end, geonames_id=12345,
                  lat=41.1, lon=-8.6, country="NLD", feature="city")
    monday = span(text, "on Monday")
    date = TimeExpr(monday.text, monday.start, monday.end, "2022-03-14", "day", "past")
    killed = span(text, "Two fishermen")
    sentence = ("The foreign ministry of Northland rejected the harbour proposal from "
                "Southland on Monday, officials said.")
    a.events = [
        event(text, "REJECT", "rejected", sentence, north, south, place=place, date=date,
              modality="reported"),
        event(text, "ASSAULT", "killed", "Two fishermen were killed in the clash near the "
              "harbour last week, the coast guard said.", south, north,
              fatalities=Quantity(2, "exact", killed.text, killed.start, killed.end)),
    ]
    a.places = [place]
    a.dates = [date]
    return a
