"""The sides of an article's story, which the context inferences share: the countries its
actors are coded to, its home country, its two rival states, the side a paragraph is
about, and the state actor an inference adds."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from fivew.extract.actor_data import is_state
from fivew.records import Actor, Article, Event, Place

# International bodies have no home country to infer ("the UN", "aid agencies").
UNPLACEABLE = {"IGO", "NGO"}
# State bodies that, named without a country in someone's report, are the reporter's.
STATE_SECTORS = {"GOV", "MIL", "COP", "JUD", "LEG"}


def actor_countries(events: list[Event]) -> Counter[str]:
    """How many of the article's actors the text itself codes to each country (one vote per
    actor mention, however many events it takes part in); members of international bodies
    do not vote."""
    seen: dict[tuple[int, int], str] = {}
    for e in events:
        for a in (e.source, e.target):
            if a is not None and a.country and not a.inferred and a.sector not in UNPLACEABLE:
                seen[(a.start, a.end)] = a.country
    return Counter(seen.values())


def dominant_country(places: list[Place], actors: Counter[str] | None = None) -> str | None:
    """The country the article's places and coded actors are mostly in: at least twice as
    often as any other (a story about two rival states names no single home). A dateline's
    country ("NAIROBI, Kenya (AP) -") counts double: the story is filed from there. Actors
    count because a story filed from abroad ("MEXICO CITY -" talks between a government and
    its rebels) is still about the country whose government, army and rebels act in it."""
    counts = Counter(p.country for p in places if p.country)
    counts.update(p.country for p in places if p.country and p.dateline)
    actors = actors or Counter()
    # One coded actor says little (a leader "received the Brazilian president in Beijing":
    # the one coded actor is the guest); two or more, or a dateline that may be a venue,
    # say whose story it is, and then home is one of their countries: a city where the
    # parties meet or the story is filed is a venue ("talks in Doha", "VIENNA -").
    if sum(actors.values()) >= 2 or (actors and any(p.dateline for p in places)):
        counts.update(actors)
        counts = Counter({c: n for c, n in counts.items() if c in actors})
    top = counts.most_common(2)
    if not top or (len(top) == 2 and top[0][1] < 2 * top[1][1]):
        return None
    return top[0][0]


def rivals(coded: Counter[str]) -> tuple[str, str] | None:
    """The two states a bilateral story is about: the two countries the text codes most
    actors to, each at least twice and more often than any third (a row between Tokyo
    and Moscow, not a summit of ten)."""
    top = [(c, n) for c, n in coded.most_common(3) if is_state(c)]
    if len(top) < 2 or top[1][1] < 2 or (len(top) == 3 and top[2][1] >= top[1][1]):
        return None
    return top[0][0], top[1][0]


def paragraph_side(event: Event, events: list[Event], article: Article) -> str | None:
    """The one country whose state bodies and officials the text names as the doers of
    the paragraph's earlier events, if there is exactly one."""
    part = next((p for p in article.parts if p.start <= event.evidence.start < p.end), None)
    if part is None:
        return None
    countries = {e.source.country for e in events
                 if e.source is not None and part.start <= e.evidence.start < event.evidence.start
                 and e.source.country and not e.source.inferred and e.source.sector in STATE_SECTORS}
    return next(iter(countries)) if len(countries) == 1 else None


def government(country: str, article: Article, fallback: Actor | None = None) -> Actor:
    """The state `country` (GOV, inferred), spanned at the article's first place in it."""
    first = min((p for p in article.places if p.country == country), key=lambda p: p.start,
                default=None)
    where = first if first is not None else fallback
    assert where is not None, "a state actor needs a span: a place or the fallback actor"
    name = first.name if first is not None else country
    return Actor(name=name, text=where.text, start=where.start, end=where.end,
                 country=country, sector="GOV", inferred=True)


def adjusted(event: Event, delta: float) -> Event:
    return replace(event, confidence=round(min(0.95, max(0.05, event.confidence + delta)), 2))
