"""Event participants: from a token of the parse to coded `Actor`s.

An actor is the noun phrase a token heads ("Kyiv officials", "the Kremlin", "he"), coded to
country and sector by the article's resolved entities (`Article.entities`, which carry
pronoun and nominal mentions) and, for what they leave open, by the actor dictionary
(`fivew.extract.actors.code_actor`: demonyms, capitals for governments, organisations,
sector words). Offsets in every `Actor` are `Article.text` offsets of the phrase.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field, replace

from spacy.tokens import Span, Token

from fivew.extract.actor_data import load_dictionary
from fivew.extract.actors import code_actor, code_text
from fivew.extract.clauses import coordinated, noun_phrase, of_words, resolve_relative
from fivew.extract.coref_data import load_lexicon
from fivew.extract.event_collectives import is_collective, plural_antecedent, pronoun_pair
from fivew.extract.event_data import CueLexicon
from fivew.extract.event_sides import UNPLACEABLE
from fivew.records import Actor, Entity, Place, Quote, Speaker

ACTOR_POS = {"NOUN", "PROPN", "PRON", "X"}
ACTOR_LABELS = {"PERSON", "ORG", "NORP"}
# "the ministers of X", "rescue teams from X": prepositions that name whose people they are
AFFILIATION_PREPS = {"of", "from"}


@dataclass
class ActorContext:
    """What actor coding needs from the article: entities, quotes, cue words."""

    entities: list[Entity]
    quotes: list[Quote]
    cues: CueLexicon
    places: list[Place] = field(default_factory=list)
    _by_char: dict[int, Entity] = field(default_factory=dict)
    # tokens whose actors are being resolved: "Hundreds of them", where "them" points back
    # to the phrase that holds it, would otherwise recurse without end
    _resolving: set[int] = field(default_factory=set)

    def __post_init__(self) -> None:
        # Map every character of every mention to its entity for O(1) head lookups;
        # the shortest mention wins where mentions nest ("Kyiv" inside "Kyiv officials").
        spans = sorted(
            ((m.end - m.start, m.start, m.end, e) for e in self.entities for m in e.mentions),
            key=lambda s: -s[0],
        )
        for _, start, end, entity in spans:
            for i in range(start, end):
                self._by_char[i] = entity

    def entity_for(self, token: Token) -> Entity | None:
        """The entity one of whose mentions covers the token."""
        return self._by_char.get(token.idx)

    def entity_by_id(self, entity_id: str | None) -> Entity | None:
        return next((e for e in self.entities if e.entity_id == entity_id), None)

    def scene_name(self, token: Token) -> bool:
        """Whether the token is part of a city, region or landmark name (not a country):
        as the modifier of an event noun it says where, not who ("the Paris attacks")."""
        return any(p.start <= token.idx < p.end and p.feature in ("city", "region", "landmark")
                   for p in self.places)

    def stateless_place(self, token: Token) -> bool:
        """Whether the token is part of a place of no country ("the Indian Ocean", "the
        Red Sea"): its demonym names no state."""
        return any(p.start <= token.idx < p.end and p.country is None for p in self.places)

    def quote_at(self, start: int, end: int) -> Quote | None:
        return next((q for q in self.quotes if q.start <= start and end <= q.end), None)


def actors_at(token: Token | None, ctx: ActorContext) -> list[Actor]:
    """The coded actors the token stands for: one per coordinated noun ("Russia and
    Ukraine") and per coordinated demonym ("Ukrainian and Western officials"). Tokens
    that code to neither a country nor a sector give no actor."""
    if token is None or token.i in ctx._resolving:
        return []
    ctx._resolving.add(token.i)
    try:
        return _actors_at(resolve_relative(token), ctx)
    finally:
        ctx._resolving.discard(token.i)


def _of_object_ok(noun: Token, objects: frozenset[str]) -> bool:
    """A noun sense that needs one of `objects` as its of-object applies to this noun:
    "the full force of the law" is a threat, "security forces" are people."""
    return not objects or bool(of_words(noun) & objects)


def _actors_at(token: Token, ctx: ActorContext) -> list[Actor]:
    found: list[Actor] = []
    for head in coordinated(token):
        if ctx.stateless_place(head):
            continue  # "into the Indian Ocean": a sea, not India
        if any(not sense.words and _of_object_ok(head, sense.objects)
               for sense in ctx.cues.nouns.get(head.lower_, ())):
            # An event noun is not a participant; its doer is, if named ("condemned the
            # Indian strikes" -> India; "killed by shelling" -> nobody)
            # ("killed by police gunfire": a noun modifier that names a kind of actor)
            found.extend(a for c in head.lefts if c.dep_ in ("poss", "amod", "compound", "nmod")
                         and not (c.dep_ != "poss" and ctx.scene_name(c))
                         for a in actors_at(c, ctx) if a.country or (c.pos_ == "NOUN" and a.sector))
            continue
        modifier = head.pos_ == "ADJ" and head.dep_ in ("amod", "compound", "nmod", "conj")
        # "several hundred of his supporters": a number standing for its of-phrase
        partitive = head.pos_ == "NUM" and any(c.dep_ == "prep" and c.lower_ == "of" for c in head.children)
        if head.pos_ not in ACTOR_POS and head.tag_ != "VBG" and not modifier and not partitive:
            continue
        found.extend(_actors_for_head(head, ctx))
    return found


def _actors_for_head(head: Token, ctx: ActorContext) -> list[Actor]:
    reporter = _reporting_subject(head)
    if reporter is not None:
        found = actors_at(reporter, ctx)
        if found:
            return found
    if head.lower_ in ctx.cues.quantity_heads or head.like_num:
        of = [g for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
              for g in c.children if g.dep_ == "pobj"]
        if of:
            return actors_at(of[0], ctx)  # "hundreds of farmers" -> farmers
    if head.lower_ in ctx.cues.first_person:
        quote = ctx.quote_at(head.idx, head.idx + len(head))
        if quote is not None and quote.speaker is not None:
            return [speaker_actor(quote.speaker, ctx)]
    split = _split_demonyms(head, ctx) or _split_affiliations(head, ctx)
    if split:
        return split
    entity = ctx.entity_for(head)
    named = _apposed(head, ctx) if entity is None else []
    if named:
        return named
    if entity is None and is_collective(head, load_dictionary().collectives):
        return _collective_actors(head, ctx)
    phrase = noun_phrase(head)
    code = code_actor(_without_name(phrase, head, entity)) if head.pos_ != "PRON" else None
    if code is not None and entity is None and _located_only(head, code.start, ctx):
        code = None  # "talks in Brussels": a place the phrase mentions, not a participant
    country = (entity.country if entity else None) or (code.country if code else None)
    sector = (entity.sector if entity else None) or (code.sector if code else None)
    if country is None and sector is not None and sector not in UNPLACEABLE:
        # "the defenders of the city", "fighters in Aleppo": a resolved entity or a
        # geocoded place inside the phrase gives the country (not to an international
        # body's staff: "the UN peacekeeping force in southern Lebanon")
        country = next((e.country for t in phrase if t.i != head.i
                        for e in [ctx.entity_for(t)] if e is not None and e.country), None)
        # (not the word that gave the sector: "King Mohammed VI" is no town called King)
        # (nor a person's name the gazetteer also knows: "Kaya, the interior minister")
        person = entity is not None and entity.label == "PERSON"
        country = country or next((p.country for p in ctx.places if p.country and not person
                                   and phrase.start_char <= p.start and p.end <= phrase.end_char
                                   and not (code and code.start < p.end and p.start < code.end)),
                                  None)
    if country is None and entity is None and head.lower_ not in OTHER_SIDE and (
            sector is not None or head.lower_ in _agencies() or head.lower_ in OWNED_STATES):
        # "her office", "his spokesman", "its army": the owner's country, and for a phrase
        # with no sector of its own the owner's (a president's office is government); "his
        # country" is the owner's state; not "its border": a thing, no actor
        owner = next((o for c in head.children if c.dep_ == "poss"
                      for o in [ctx.entity_for(c)] if o is not None and o.country), None)
        if owner is not None:
            country = owner.country
            sector = sector or ("GOV" if head.lower_ in OWNED_STATES else owner.sector)
    if country is None and entity is None and sector not in UNPLACEABLE:
        # "a spokesman for the Pakistani army", "a diplomat at the Chinese consulate": who
        # speaks or works for a body is that body's (an envoy "for Syria" is sent there)
        # (a state's mission names its state: "attaches at the Ugandan high commission")
        principal = next((a for c in head.children if c.dep_ == "prep" and c.lower_ in ("for", "at")
                          for g in c.children if g.dep_ == "pobj" for a in actors_at(g, ctx)
                          if (a.sector is not None and (a.country or a.sector in UNPLACEABLE))
                          or (a.country and g.lower_ in ctx.cues.sites)), None)
        if principal is not None:
            country, sector = principal.country, principal.sector or sector
    if country is None and sector is None and entity is not None:
        country = _placed_name(head, ctx)
    if country is None and sector is None and (entity is None or entity.label not in ACTOR_LABELS):
        return []  # a named person or organisation is an actor even when uncoded ("the RSF")
    if entity is not None:
        name = entity.name
    elif code is not None:
        name = code.name
    else:
        name = phrase.text
    return [
        Actor(
            name=name,
            text=phrase.text,
            start=phrase.start_char,
            end=phrase.end_char,
            entity_id=entity.entity_id if entity else None,
            country=country,
            sector=sector,
            role=entity.role if entity else None,
        )
    ]


# Pronouns that, as the subject of a reported clause, stand for the reporter.
SELF_PRONOUNS = {"it": False, "he": True, "she": True}


def _reporting_subject(pronoun: Token) -> Token | None:
    """"The US embassy said it had handed over two helicopters", "the minister said the
    bomber had crossed from Afghanistan, and he accused Kabul": a subject pronoun whose
    clause a reporting clause governs or follows in the same sentence stands for that
    clause's subject, when the two agree (he/she a person, it no person)."""
    if pronoun.lower_ not in SELF_PRONOUNS or pronoun.dep_ not in ("nsubj", "nsubjpass"):
        return None
    clause = pronoun.head
    governor = clause.head if clause.dep_ in ("ccomp", "conj") and clause.head.i < clause.i else None
    if governor is None or governor.pos_ not in ("VERB", "AUX"):
        return None
    subj = next((c for c in governor.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.pos_ == "PRON" or subj.i > pronoun.i:
        return None
    person = subj.ent_type_ == "PERSON" or subj.lower_ in load_lexicon().person_nouns
    return subj if person == SELF_PRONOUNS[pronoun.lower_] else None


def _apposed(head: Token, ctx: ActorContext) -> list[Actor]:
    """"four countries, Spain, Britain and Qatar", "the two allies, France and Britain",
    "several members, including Indonesia and Malaysia": a head that codes to no country,
    with an apposition or an including-list whose names do, stands for them (one actor per
    coordinated name, each with its own span)."""
    appos = next((c for c in head.rights if c.dep_ == "appos"), None)
    if appos is None:
        appos = next((g for c in head.rights if c.dep_ == "prep" and c.lower_ in ("including", "like")
                      for g in c.children if g.dep_ == "pobj"), None)
    if appos is None:
        return []
    code = code_actor(noun_phrase(head))
    if code is not None and code.country is not None:
        return []  # "Egypt, a key mediator": the head names the actor
    return [a for t in coordinated(appos) for a in actors_at(t, ctx) if a.country]


def _collective_actors(head: Token, ctx: ActorContext) -> list[Actor]:
    """"them" after "Iran and Pakistan": the two, spanning the pronoun and marked
    inferred. "the two countries", "both sides": one placeholder actor (its sector, if
    any) that `fivew.extract.event_collectives.resolve_collectives` replaces by the two
    parties of an earlier event."""
    pronoun = head.pos_ == "PRON"
    phrase = head.doc[head.i : head.i + 1] if pronoun else noun_phrase(head)
    members = {a.country: a for t in pronoun_pair(head, nouns_between=not pronoun)
               for a in actors_at(t, ctx) if a.country}
    if len(members) == 2:
        return [replace(a, text=phrase.text, start=phrase.start_char, end=phrase.end_char,
                        inferred=True) for a in members.values()]
    if pronoun:
        # "fired on the protesters and dispersed them": the plural noun before
        antecedent = plural_antecedent(head)
        found = actors_at(antecedent, ctx) if antecedent is not None else []
        return [replace(a, inferred=True) for a in found]
    code = code_actor(phrase)
    return [Actor(name=phrase.text, text=phrase.text, start=phrase.start_char,
                  end=phrase.end_char, sector=code.sector if code else None)]


def _without_name(phrase: Span, head: Token, entity: Entity | None) -> Span:
    """The phrase up to a person's name: the name's own words code nothing ("Chad Smith"
    is no Chadian, "Kayikwamba Wagner" no Wagner fighter); the dictionary knows people
    by whole name through the entity (`fivew.extract.roles`)."""
    if entity is None or entity.label != "PERSON":
        return phrase
    name = next((m for m in entity.mentions if m.start <= head.idx < m.end), None)
    if name is None or name.start <= phrase.start_char:
        return phrase[0:0] if name is not None else phrase
    doc = phrase.doc
    left = doc.char_span(phrase.start_char, name.start, alignment_mode="contract")
    return left if left is not None else phrase[0:0]


# "his country said ...": a leader's country, as a participant, is its state.
OWNED_STATES = frozenset({"country", "nation"})
# Roles that are by definition another side's: "his ASEAN counterparts" are not his own.
OTHER_SIDE = frozenset({"counterpart", "counterparts"})


@functools.cache
def _agencies() -> frozenset[str]:
    """Nouns for people and organisations (coref.yaml): "office", "minister", "party"."""
    lex = load_lexicon()
    return lex.person_nouns | lex.organisation_nouns


def _placed_name(head: Token, ctx: ActorContext) -> str | None:
    """The country of a geocoded place that the head word is part of: a city or region
    named as a participant ("as soon as Rabat asked", "shells hit Kharkiv") stands for
    its government or people, even when the tagger took the name for a person."""
    return next((p.country for p in ctx.places
                 if p.country and p.start <= head.idx < p.end), None)


def _located_only(head: Token, start: int, ctx: ActorContext) -> bool:
    """Whether the coded words start after a locative preposition following the head."""
    return any(t.lower_ in ctx.cues.scene_preps and t.dep_ == "prep" and head.idx < t.idx < start
               for t in head.subtree)


def _split_demonyms(head: Token, ctx: ActorContext) -> list[Actor]:
    """"Ukrainian and Western officials" -> Ukrainian officials, Western officials."""
    mods = [c for c in head.lefts if c.dep_ in ("amod", "compound", "nmod") and c.conjuncts]
    if not mods or ctx.entity_for(head) is not None:
        return []
    actors = []
    for mod in coordinated(mods[0]):
        code = code_text(f"{mod.text} {head.text}")
        if code is None or code.country is None:
            return []
        actors.append(
            Actor(name=code.name, text=mod.text, start=mod.idx, end=mod.idx + len(mod),
                  country=code.country, sector=code.sector)
        )
    return actors


def _split_affiliations(head: Token, ctx: ActorContext) -> list[Actor]:
    """"the foreign ministers of Lithuania, Latvia and Estonia", "rescue teams from Spain
    and Britain": a head whose "of"/"from" object is a list of two or more countries is one
    actor per country (the sector from the head's own words). Each actor's span is the
    conjunct's noun phrase (`Article.text` offsets). A list with any member that codes to
    no country ("the leaders of France and the bank") is not split."""
    if ctx.entity_for(head) is not None:
        return []
    objects = [g for c in head.rights if c.dep_ == "prep" and c.lower_ in AFFILIATION_PREPS
               for g in c.children if g.dep_ == "pobj"]
    if not objects or len(coordinated(objects[0])) < 2:
        return []
    own = noun_phrase(head)
    own_code = code_text(head.doc[own.start : head.i + 1].text)
    actors = []
    for member in coordinated(objects[0]):
        phrase = noun_phrase(member)
        entity = ctx.entity_for(member)
        code = code_actor(phrase)
        country = (entity.country if entity else None) or (code.country if code else None)
        if country is None:
            return []
        actors.append(Actor(
            name=entity.name if entity else code.name if code else phrase.text,
            text=phrase.text, start=phrase.start_char, end=phrase.end_char,
            entity_id=entity.entity_id if entity else None, country=country,
            sector=own_code.sector if own_code else None))
    return actors


def speaker_actor(speaker: Speaker, ctx: ActorContext) -> Actor:
    """The speaker of a quote as an event actor (sector from their entity, if any)."""
    entity = ctx.entity_by_id(speaker.entity_id)
    code = code_text(speaker.role) if speaker.role else None
    code = code or code_text(speaker.text)  # "the general", "government spokeswoman Marta Kovac"
    return Actor(
        name=speaker.name,
        text=speaker.text,
        start=speaker.start,
        end=speaker.end,
        entity_id=speaker.entity_id,
        country=speaker.country or (entity.country if entity else None) or (code.country if code else None),
        sector=(entity.sector if entity else None) or (code.sector if code else None),
        role=speaker.role,
    )


def actor_speaker(actor: Actor, ctx: ActorContext) -> Speaker:
    """An actor (the subject of a reporting verb) as the `Speaker` an event is reported by."""
    entity = ctx.entity_by_id(actor.entity_id)
    return Speaker(
        name=actor.name,
        text=actor.text,
        start=actor.start,
        end=actor.end,
        entity_id=actor.entity_id,
        role=actor.role,
        affiliation=entity.affiliation if entity else None,
        country=actor.country,
    )
