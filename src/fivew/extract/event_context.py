"""Article context for events whose sentence leaves a participant unnamed.

Two documented inferences, both marked on the actor (`Actor.inferred = True`); each adds
only 0.05 to the confidence (a country read from the sentence itself adds 0.15-0.2):

  * Unnamed attacker. "Kyiv has been subjected to shelling" names no attacker. When the
    same article reports, without hedging, ASSAULT events by exactly one side (source
    country S) against the target's country T (S != T), the attacker is taken to be S; its
    actor span is the mention that named S in the first such event. With two or more
    sides attacking T, nothing is inferred.
  * Unplaced victims. "At least eight people were killed" codes people as civilians (CVL)
    of no country. They get the country of the last city or region (not country) that the
    event's paragraph names up to the end of the event's sentence.

All offsets stay `Article.text` offsets.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from fivew.records import Actor, Article, Event

UNPLACED_SECTORS = {None, "CVL"}


def infer_from_context(events: list[Event], article: Article) -> list[Event]:
    """The events with unnamed attackers and unplaced victims filled in where the article
    makes them unambiguous (see the module docstring)."""
    events = [_place_victims(e, article) for e in events]
    return [_name_attacker(e, events) for e in events]


def _place_victims(event: Event, article: Article) -> Event:
    target = event.target
    if target is None or target.country or target.sector not in UNPLACED_SECTORS:
        return event
    part = next((p for p in article.parts if p.start <= event.evidence.start < p.end), None)
    if part is None:
        return event
    # The last city or region the paragraph names up to the end of the event's sentence:
    # country names are skipped because in news they are more often actors ("Russia's
    # advance") than the scene.
    scene = [p for p in article.places if p.country and p.feature != "country"
             and part.start <= p.start < min(part.end, event.evidence.end)]
    if not scene:
        return event
    country = max(scene, key=lambda p: p.start).country
    return _adjusted(replace(event, target=replace(target, country=country, inferred=True)), 0.05)


def _name_attacker(event: Event, events: list[Event]) -> Event:
    if event.type != "ASSAULT" or event.source is not None or event.target is None:
        return event
    victim = event.target.country
    if victim is None or event.negated:
        return event
    attackers: Counter[str] = Counter()
    first: dict[str, Actor] = {}
    for other in events:
        src = other.source
        if (other.type == "ASSAULT" and src is not None and src.country and not src.inferred
                and other.target is not None and other.target.country == victim
                and src.country != victim and other.modality != "hedged" and not other.negated):
            attackers[src.country] += 1
            first.setdefault(src.country, src)
    if len(attackers) != 1:
        return event
    source = replace(first[next(iter(attackers))], inferred=True)
    return _adjusted(replace(event, source=source), 0.05)


def _adjusted(event: Event, delta: float) -> Event:
    return replace(event, confidence=round(min(0.95, max(0.05, event.confidence + delta)), 2))
