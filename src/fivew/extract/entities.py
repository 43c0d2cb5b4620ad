"""Entities: one `Entity` per person, organisation or place of an article, with all its mentions.

The stage runs three steps over the parsed doc (all offsets are character offsets into
`Article.text`, which the Doc shares):
  1. `referents.find_referents`: named-entity spans, label errors corrected with the actor
     dictionary ("Kyiv" PERSON -> GPE), grouped by name; surnames join full names.
  2. `roles.describe`: role, affiliation, country and sector from titles and appositions.
  3. `coref.resolve`: pronouns and definite descriptions ("he", "the ministry"); then
     `roles.inherit_from_possessors`: "its spokesman X" takes the owner's affiliation;
     `roles.inherit_from_organisations` and `roles.inherit_from_unnamed_roles`: a person
     left without a country takes their organisation's, or the one the text gives their
     role where it names no one ("the U.S. president" ... "President X").
Entity ids are "E1", "E2", ... in order of first mention.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from fivew.extract import coref, roles
from fivew.extract.actors import code_actor
from fivew.extract.names import ENTITY_LABELS
from fivew.extract.referents import Referent, find_referents
from fivew.records import Actor, Article, Entity

__all__ = ["ENTITY_LABELS", "actor_for", "entity_at", "entity_of", "find_entities"]


def find_entities(doc: Doc, article: Article) -> list[Entity]:
    """One `Entity` per referent of the article, mentions in text order."""
    referents = find_referents(doc)
    people = frozenset(
        t.i for r in referents if r.label == "PERSON" for span in r.names for t in span
    )
    for referent in referents:
        roles.describe(referent, people)
    coref.resolve(doc, referents)
    roles.inherit_from_possessors(referents)
    roles.inherit_from_organisations(referents)
    roles.inherit_from_unnamed_roles(referents, doc)
    referents.sort(key=lambda r: r.start)
    return [_entity(f"E{n}", r) for n, r in enumerate(referents, start=1)]


def _entity(entity_id: str, r: Referent) -> Entity:
    mentions = tuple(r.mentions())
    first = mentions[0]
    return Entity(
        entity_id=entity_id,
        name=r.name,
        label=r.label,
        text=first.text,
        start=first.start,
        end=first.end,
        mentions=mentions,
        role=r.role,
        affiliation=r.affiliation,
        country=r.country,
        sector=r.sector,
    )


def entity_at(entities: list[Entity], start: int, end: int) -> Entity | None:
    """The entity one of whose mentions best matches the character span [start, end).

    Offsets are `Article.text` offsets. A mention inside the span or containing it counts;
    among overlapping mentions the one sharing most characters (then the closest in
    length) wins. None when no mention overlaps the span: a phrase such as "Ukrainian
    officials" that names no entity is for `fivew.extract.actors.code_actor` to code.
    """
    best: tuple[int, int] | None = None
    found = None
    for entity in entities:
        for m in entity.mentions:
            overlap = min(end, m.end) - max(start, m.start)
            if overlap <= 0:
                continue
            score = (overlap, -abs((m.end - m.start) - (end - start)))
            if best is None or score > best:
                best, found = score, entity
    return found


def entity_of(entities: list[Entity], span: Span) -> Entity | None:
    """The entity a noun phrase refers to: the one with a mention holding the phrase's head.

    "Kremlin spokesman Ivan Sidorov", "he", "the UK's Ministry of Defense" -> their
    entities; "Ukrainian officials" or "Russian troops" -> None (the head word names no
    entity; only the modifier does): code those with `fivew.extract.actors.code_actor`.
    """
    head = span.root
    start, end = head.idx, head.idx + len(head.text)
    for entity in entities:
        if any(m.start <= start and end <= m.end for m in entity.mentions):
            return entity
    return None


def actor_for(span: Span, entities: list[Entity]) -> Actor | None:
    """An event participant for a noun phrase: its entity if it has one, else its coding.

    Offsets are the phrase's own (`Article.text` offsets). None when the phrase is neither
    an entity nor codable by the actor dictionary.
    """
    entity = entity_of(entities, span)
    if entity is not None:
        return Actor(entity.name, span.text, span.start_char, span.end_char, entity.entity_id,
                     entity.country, entity.sector, entity.role)
    code = code_actor(span)
    if code is None:
        return None
    return Actor(code.name, span.text, span.start_char, span.end_char, None, code.country,
                 code.sector)
