"""When two event records are one event mentioned twice, and how they are merged.

Two records are the same event when they agree on type, negation, source country and
target country (or, for actors without a country, entity or name) and either
  * come from the same sentence ("sanctions on Moscow, especially an embargo on Russian
    oil"; "shelling and missile strikes"; but not two verbs of different modes or doers:
    "arrested 14 people and intercepted a boat", "the SDF freed 38 soldiers, and
    Damascus released 35 members"), or do, with the same source and mode, and one
    of them has no target ("summoned China's ambassador and lodged a protest"), or
  * are attacks in one paragraph, one without an attacker whose victims are of the
    other's target's country (or unplaced): its casualties ("Colectivos opened fire on
    marchers. At least 11 people have been killed."; the merged record keeps the named
    attacker), or
  * sit in the same paragraph and one owes an actor to context (`Actor.inferred`: "Two
    people were killed in the strikes" after "Russian missiles struck Odesa"), unless a
    side names two kinds of actor (a mob and the police: different sectors) or they are
    verbs of different modes ("accused Uganda ... summoned the Ugandan envoy"), or
  * are talks or cooperation (`noun_arguments.symmetric` in event_cues.yaml) from one
    sentence with the two sides swapped ("Kenya and Haiti launched a joint operation"), or
  * have the very same actor mentions on both sides (a definite noun that took its actors
    from the earlier event: "a strike called to protest against the arrests"), or
  * are both nouns, anywhere in the article: "the talks", "the negotiations", "a meeting"
    between the same two parties are one series of talks, or
  * share the trigger word (crudely lemmatised: "accused"/"accusing") and sit in the same
    paragraph; "Kyiv accused Moscow" in two paragraphs may be two accusations.
The first mention is kept (its sentence stays the evidence); later ones fill a missing
mode, reason, casualty count, place or date, and the confidence is the highest.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from fivew.extract.event_data import load_cues
from fivew.records import Actor, Article, Event


def deduplicate(events: list[Event], doc: Doc, article: Article) -> list[Event]:
    """The events with repeated mentions merged, in text order."""
    kept: list[Event] = []
    people = frozenset(e.entity_id for e in article.entities if e.label == "PERSON")
    for event in sorted(events, key=lambda e: (e.evidence.start, e.trigger.start)):
        for n, first in enumerate(kept):
            if _same_event(first, event, doc, article, people):
                kept[n] = _merge(first, event)
                break
        else:
            kept.append(event)
    return kept


def _same_event(a: Event, b: Event, doc: Doc, article: Article, people: frozenset[str]) -> bool:
    if (a.type == b.type and a.type in load_cues().symmetric_types and a.evidence.start == b.evidence.start
            and a.negated == b.negated and (_actor_key(a.source), _actor_key(a.target)) == (
                _actor_key(b.target), _actor_key(b.source))):
        return True  # "Kenya and Haiti launched a joint operation": one operation, not two
    if (a.evidence.start == b.evidence.start and (a.type, a.mode, a.negated, _actor_key(a.source)) == (
            b.type, b.mode, b.negated, _actor_key(b.source)) and (a.target is None or b.target is None)):
        return True  # "summoned China's ambassador and lodged a protest": one protest
    if _casualties_of(a, b) and _paragraph(a, article) == _paragraph(b, article):
        return True  # "Colectivos opened fire on marchers ... At least 11 people were killed"
    if (a.type, a.negated, _actor_key(a.source), _actor_key(a.target)) != (
            b.type, b.negated, _actor_key(b.source), _actor_key(b.target)):
        return False
    if a.evidence.start == b.evidence.start and _two_acts(a, b, doc):
        return False  # "arrested 14 people and intercepted a boat": two verbs, two modes
    if a.evidence.start == b.evidence.start or _same_mentions(a, b):
        return True
    inferred = any(x is not None and x.inferred for x in (a.source, a.target, b.source, b.target))
    if (inferred and _paragraph(a, article) == _paragraph(b, article) and _same_sectors(a, b)
            and not _two_acts(a, b, doc)):
        # "Missiles struck Odesa ... Two people were killed in the strikes."; but "a mob
        # stormed a police station" and "a student was shot dead by police" are two
        return True
    if _is_noun(a, doc) and _is_noun(b, doc):
        return True
    return _trigger_key(a.trigger.text) == _trigger_key(b.trigger.text) and (
        _paragraph(a, article) == _paragraph(b, article)) and not _two_people(a, b, people)


def _two_people(a: Event, b: Event, people: frozenset[str]) -> bool:
    """The doers are two different people (`people`: the article's PERSON entity ids; "the
    president would resign ... the prime minister said he was ready to resign"): two acts,
    however alike."""
    ids = {x.entity_id for x in (a.source, b.source) if x is not None}
    return len(ids) == 2 and ids <= people


def _casualties_of(a: Event, b: Event) -> bool:
    """One of two attacks names no attacker and its victims are of the other's target's
    country (or unplaced): the casualties of that attack, told again."""
    if a.type != "ASSAULT" or b.type != "ASSAULT" or a.negated or b.negated:
        return False
    if (a.source is None) == (b.source is None):
        return False
    told, casualties = (a, b) if b.source is None else (b, a)
    victims = casualties.target.country if casualties.target is not None else None
    return told.target is not None and victims in (None, told.target.country)


def _two_acts(a: Event, b: Event, doc: Doc) -> bool:
    """Two verbs of one sentence with different modes or different doers tell two acts
    ("arrested ... and intercepted a boat"; "the SDF freed 38 soldiers, and Damascus
    released 35 SDF members"); nouns may name one act twice ("shelling and missile
    strikes"), and a noun of another mode than a verb's is another act ("arrested 60
    demonstrators, and the authorities imposed a curfew")."""
    nouns = _is_noun(a, doc) + _is_noun(b, doc)
    if nouns == 2:
        return False
    modes = a.mode is not None and b.mode is not None and a.mode != b.mode
    doers = (not nouns and a.source is not None and b.source is not None and not a.source.inferred
             and not b.source.inferred and a.trigger.start != b.trigger.start
             and not (a.source.start < b.source.end and b.source.start < a.source.end))
    return modes or doers


def _same_mentions(a: Event, b: Event) -> bool:
    """Both sides are the very same mentions: a later definite noun that took its actors
    from an earlier event ("in a strike called to protest against the arrests")."""
    pairs = ((a.source, b.source), (a.target, b.target))
    return all(x is not None and y is not None and (x.start, x.end) == (y.start, y.end)
               for x, y in pairs)


def _same_sectors(a: Event, b: Event) -> bool:
    """No side names two different kinds of actor (a mob and the police)."""
    return all(x is None or y is None or x.sector is None or y.sector is None
               or x.sector == y.sector for x, y in ((a.source, b.source), (a.target, b.target)))


def _paragraph(event: Event, article: Article) -> int:
    return next((n for n, p in enumerate(article.parts) if p.start <= event.evidence.start < p.end), -1)


def _is_noun(event: Event, doc: Doc) -> bool:
    span = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    return span is not None and span.root.pos_ in ("NOUN", "PROPN")


def _trigger_key(text: str) -> str:
    """Crude lemma of a trigger word, enough to tell repeated mentions apart."""
    word = text.lower().split()[0] if text.strip() else ""
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def _actor_key(actor: Actor | None) -> object:
    if actor is None:
        return None
    return actor.country or actor.entity_id or actor.name.lower()


def _merge(first: Event, later: Event) -> Event:
    return replace(
        first,
        source=first.source or later.source,
        target=first.target or later.target,
        mode=first.mode or later.mode,
        reason=first.reason or later.reason,
        fatalities=first.fatalities or later.fatalities,
        injuries=first.injuries or later.injuries,
        place=first.place or later.place,
        date=first.date or later.date,
        confidence=max(first.confidence, later.confidence),
    )
