"""Entities: one `Entity` per person, organisation or place of an article, with all its mentions.

The stage runs three steps over the parsed doc (all offsets are character offsets into
`Article.text`, which the Doc shares):
  1. `referents.find_referents`: named-entity spans, label errors corrected with the actor
     dictionary ("Kyiv" PERSON -> GPE), grouped by name; surnames join full names.
  2. `roles.describe`: role, affiliation, country and sector from titles and appositions.
  3. `coref.resolve`: pronouns and definite descriptions ("he", "the ministry").
Entity ids are "E1", "E2", ... in order of first mention.
"""

from __future__ import annotations

from spacy.tokens import Doc

from fivew.extract import coref, roles
from fivew.extract.names import ENTITY_LABELS
from fivew.extract.referents import Referent, find_referents
from fivew.records import Article, Entity

__all__ = ["ENTITY_LABELS", "entity_at", "find_entities"]


def find_entities(doc: Doc, article: Article) -> list[Entity]:
    """One `Entity` per referent of the article, mentions in text order."""
    referents = find_referents(doc)
    people = frozenset(
        t.i for r in referents if r.label == "PERSON" for span in r.names for t in span
    )
    for referent in referents:
        roles.describe(referent, people)
    coref.resolve(doc, referents)
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
