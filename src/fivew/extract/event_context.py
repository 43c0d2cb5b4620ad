"""Article context for events whose sentence leaves a participant unnamed.

Documented inferences, all marked on the actor (`Actor.inferred = True`); each adds
only 0.05 to the confidence (a country read from the sentence itself adds 0.15-0.2):

  * Unnamed attacker. "Kyiv has been subjected to shelling" names no attacker. When the
    same article reports, without hedging, ASSAULT events by exactly one side (source
    country S) against the target's country T (S != T), the attacker is taken to be S; its
    actor span is the mention that named S in the first such event. With two or more
    sides attacking T, nothing is inferred.
  * Unplaced actors. "At least eight people were killed", "Police fired tear gas", "The
    RSF accused the army": people, police, army and RSF are coded without a country. A
    state body (`STATE_SECTORS`) acting in a report ("Cambodian state media reported that
    the government had halted imports") is the reporter's. Otherwise such an actor gets the
    country of the last city or region (not country) that the event's
    paragraph names up to the end of the event's sentence (never the dateline: the story
    was filed there); in a story with no home country (below), failing that, of the
    previous paragraph's cities when they are all in one country and it is one of the
    two the text codes most actors to (not "In Washington, a spokesman said ..."); failing
    that, the home country: the dateline's, when the first half of the article codes no
    actor and names no city of another country ("SEOUL - South Korea's parliament ...",
    foreign reactions at the end); else the one the article's places and text-coded
    actors are in at least twice as often as any other (a dateline place counts double;
    when the text codes two actor
    mentions or more, or has a dateline, those actors vote and only their countries can
    be home, so talks "filed from VIENNA" between a government and its rebels stay that
    government's story; a country named once is a home only after a scene preposition
    or as a possessor: "in France", "Russia's forces", not "accused Greece" or "the
    border with Afghanistan"); with no home country, where the story happens: the
    country most of its scene places are in, twice as often as any other (riots in
    Honiara that bring Australian police: "Prime Minister X imposed a curfew"). A place is no scene when a non-locative preposition
    governs it ("dragging the country towards Moscow", "talks with Kyiv"), nor, for the
    source of a meeting, agreement or appeal
    (`VENUE_TYPES`), when it is in the event's own sentence: "signed a ceasefire in
    Jeddah", "met in Brussels" name a venue, not the visitors' home (the people they "met
    in Tbilisi" may well be the hosts), nor a person's name that the gazetteer also knows
    as a town. Never inferred: members
    of international bodies (IGO, NGO: "the UN", "Secretary-General X") and the
    transnational groups listed in event_cues.yaml ("terrorists"), nor actors it calls
    foreign ("the foreign troops": `foreign_words`). People known only by
    name ("Sanders", no title or role) take only the article's main country: a city named
    near them is where something happens, not where they are from. Phrases that stand for
    several parties ("both sides", "restraint from all sides": `collective_words`) take a
    country only when the latest earlier two-sided event was between two sides of that one
    country ("the army and the RSF ... both parties": Sudan). The inference is deliberately
    conservative: a wrong country costs a false event, an uncoded one only a partial match.

  * Unnamed state. An arrest, curfew, deployment or release (`STATE_TYPES`) with no doer,
    in a story whose places are mostly in one country (the rule above), aimed at that
    country's people or at no coded party, is that country's government (GOV).

Whom an act that names no target is aimed at (protests, bilateral counterparts,
one-country reactions, deployments on one's own ground) is `event_addressees`'s part;
the story's sides that both read (home country, rival pair) are `event_sides`'s.

All offsets stay `Article.text` offsets.
"""

from __future__ import annotations

import functools
from collections import Counter
from dataclasses import replace

from spacy.tokens import Doc, Token

from fivew.extract.actor_data import Entry
from fivew.extract.actors import lookup, state_word
from fivew.extract.event_addressees import aimed_at, counterpart_source, own_ground
from fivew.extract.event_data import CueLexicon, load_cues
from fivew.extract.event_sides import (
    STATE_SECTORS,
    UNPLACEABLE,
    actor_countries,
    adjusted,
    dominant_country,
    government,
    paragraph_side,
    rivals,
)
from fivew.records import Actor, Article, Event, Place

# Bodies that act for a state or against it wherever the story moves ("the junta", "the
# army"), unlike police and crowds, which act where they are.
NATIONAL_BODIES = {"GOV", "MIL", "REB", "LEG", "JUD"}
# Dictionary kinds that name a state: "Myanmar's junta" is the junta, of Myanmar.
COUNTRY_KINDS = {"country", "demonym", "capital"}
# Event types whose sentence names where parties met, not where they are from.
VENUE_TYPES = {"CONSULT", "COOPERATE", "AGREE", "SUPPORT", "REQUEST"}
# Acts that in a one-country story only its state does, when the text names no doer:
# "97 people were detained", "a curfew was imposed", "troops were deployed", "41 people
# were freed".
STATE_TYPES = {"COERCE", "MOBILIZE", "RETREAT"}
# Prepositions after which a place is a direction, partner or topic, not the scene.
NOT_SCENE = {"to", "into", "with", "on", "against", "towards", "toward"}


def infer_from_context(events: list[Event], article: Article, doc: Doc | None = None
                       ) -> list[Event]:
    """The events with unnamed attackers and unplaced actors filled in where the article
    makes them unambiguous (see the module docstring). `doc`, the article's parse, tells
    which places a non-locative preposition governs."""
    # Places that are themselves actors ("Paris condemned ...") are not the scene, except
    # an attacked place ("shelled the port of Izmail"), which is where the victims are.
    acting = {(a.start, a.end) for e in events for a in (e.source, e.target)
              if a is not None and not (a is e.target and e.type == "ASSAULT")}
    # nor is a person's name that the gazetteer also knows as a town ("Ana Ruiz", "Kaya,
    # the interior minister"); a lone word the tagger took for a person is still a place
    named = [(m.start, m.end) for e in article.entities if e.label == "PERSON"
             for m in e.mentions if e.role or len(m.text.split()) > 1]
    # A dateline says where the story was filed ("OSLO -" over talks between a government
    # and its rebels), not where its actors are from: it votes for the home country below
    # but is no scene.
    scene = [p for p in article.places if (p.start, p.end) not in acting and not p.dateline
             and (doc is None or _locative(doc, p))
             and not any(s < p.end and p.start < e for s, e in named)]
    cues = load_cues()
    people = {e.entity_id for e in article.entities if e.label == "PERSON"}
    # the home country: counted over the article's places, actors included (they say whose
    # story it is), except persons' names; named only as a direction or partner ("the
    # border with Afghanistan"), a country is no home
    counted = [p for p in article.places if not any(s < p.end and p.start < e for s, e in named)]
    coded = actor_countries(events)
    home = _filed_at_home(article, events) or dominant_country(counted, coded)
    mine = [p for p in counted if p.country == home]
    if home is not None and doc is not None and len(mine) < 2 and not any(
            p.dateline or _in_scene(doc, p, cues) or _possessor(doc, p) for p in mine):
        home = None  # one mention, as an actor or a direction ("accused Greece"), is no home
    # the story's two main parties: a paragraph's scene carries over only within them
    parties = {c for c, _ in coded.most_common(2)}
    # a story of two rival states (no home country): its unnamed counterparts
    pair = rivals(coded) if home is None else None
    events = [counterpart_source(e, pair, events, article) for e in events]
    # with no home, where the story happens: the country most of its scene places are in
    # (a riot in Honiara that brings Australian police), for officials the text leaves
    # without a country ("Prime Minister X imposed a curfew on the capital")
    locus = dominant_country(scene) if home is None else None
    # a country that opens its sentence as the scene ("In Israel, Defence Minister X said")
    # places that sentence's actors, unlike a country named elsewhere (an actor, mostly)
    fronted = {(p.start, p.end) for p in scene if doc is not None and _fronted(doc, p)}
    events = _named_before(events, doc)
    if home is None:
        events = [_filing_state_leader(e, article, parties, cues) for e in events]
    placed = _one_country_each(_shared_spans([
        _place_locals(e, article, scene, cues, events, people, home, parties, locus, fronted)
        for e in events]), people)
    out = []
    for e in placed:
        e = _state_doer(_name_attacker(own_ground(e, article, doc), placed), home, article)
        out.append(aimed_at(e, pair, home, article, doc))
    return out


def _filed_at_home(article: Article, events: list[Event]) -> str | None:
    """The country a story is filed from when its first half names no other: every
    actor the text codes and every city or region there is in the dateline's country
    ("SEOUL - South Korea's parliament voted ...", Washington's reaction at the end).
    Its own officials, often uncoded, would otherwise leave the foreign reactions as most
    of the coded actors. A row between two states names both early."""
    filed = {p.country for p in article.places if p.dateline and p.country}
    if len(filed) != 1:
        return None
    half = len(article.text) // 2
    early = {a.country for e in events for a in (e.source, e.target)
             if a is not None and a.country and not a.inferred and a.start < half
             and a.sector not in UNPLACEABLE}
    early |= {p.country for p in article.places
              if p.country and p.start < half and p.feature != "country"}
    return early.pop() if early == filed else None


def _shared_spans(events: list[Event]) -> list[Event]:
    """An actor taken from an earlier sentence ("demanded the release of the four men":
    the police who arrested them) is placed where its own sentence placed it, not by the
    later sentence's paragraph."""
    home = {(a.start, a.end): a.country for e in events for a in (e.source, e.target)
            if a is not None and a.country and e.evidence.start <= a.start < e.evidence.end}
    out = []
    for e in events:
        for side in ("source", "target"):
            a = getattr(e, side)
            if (a is not None and (a.inferred or a.country is None)
                    and not e.evidence.start <= a.start < e.evidence.end
                    and home.get((a.start, a.end), a.country) != a.country):
                e = replace(e, **{side: replace(a, country=home[(a.start, a.end)])})
        out.append(e)
    return out


def _named_before(events: list[Event], doc: Doc | None) -> list[Event]:
    """"The junta demanded ...", after "Myanmar's junta": a national body (government,
    army, rebels: `NATIONAL_BODIES`) the sentence leaves without a country is the one the
    text named before by the same word with a country word, when every such earlier
    mention is of one country (after "Israel's army" and "the Lebanese army", "the army"
    stays open). Police and crowds act where the paragraph is: the scene places them."""
    if doc is None:
        return events
    # every word the text names with a country word: (offset, word, country)
    named = [(t.idx, t.lower_, c) for t in doc for c in map(_country_word, t.children) if c]
    out = []
    for e in events:
        for side in ("source", "target"):
            a = getattr(e, side)
            if (a is None or a.country or a.sector not in NATIONAL_BODIES
                    or a.entity_id is not None):
                continue
            word = _bare_name(a.text)
            if " " in word or not word:
                continue
            before = {c for at, w, c in named if at < a.start and w == word}
            if len(before) == 1:
                e = adjusted(replace(e, **{side: replace(a, country=before.pop(), inferred=True)}), 0.05)
        out.append(e)
    return out


def _filing_state_leader(event: Event, article: Article, parties: set[str], cues: CueLexicon
                         ) -> Event:
    """"MALE - ... a deadline set by President Ahmed Shifaz": a leader the text gives no
    country, in a story with no home country, leads the state the story is filed from when
    that state is one of the story's two main parties (`leader_titles`)."""
    filed = {p.country for p in article.places if p.dateline and p.country}
    if len(filed) != 1 or not filed <= parties:
        return event
    for side in ("source", "target"):
        actor = getattr(event, side)
        entity = next((e for e in article.entities if actor is not None
                       and e.entity_id == actor.entity_id), None)
        if (actor is not None and not actor.country and entity is not None
                and entity.label == "PERSON" and (entity.role or "").lower() in cues.leader_titles):
            event = adjusted(replace(event, **{side: replace(actor, country=next(iter(filed)),
                                                              inferred=True)}), 0.05)
    return event


def _country_word(token: Token) -> str | None:
    """The country a modifier names ("Myanmar's", "Lebanese", "Sri Lankan"), if it is one."""
    if token.dep_ not in ("poss", "amod", "compound", "nmod"):
        return None
    entry = state_word(token, COUNTRY_KINDS)
    return entry.country if entry is not None else None


def _state_entry(word: str) -> Entry | None:
    """The dictionary entry of a word that names a state ("Myanmar's", "Lebanese")."""
    entry = lookup(word)
    return entry if entry is not None and entry.kind in COUNTRY_KINDS else None


@functools.lru_cache(maxsize=4096)
def _bare_name(text: str) -> str:
    """A body's name without articles and country words: "Myanmar's junta", "the junta"
    -> "junta"; "Kurdish security forces" stays itself."""
    return " ".join(w for w in text.split()
                    if w.lower() not in ("the", "a", "an") and _state_entry(w) is None).lower()


def _one_country_each(events: list[Event], people: set[str]) -> list[Event]:
    """A person the text gives no country keeps the one their first placed mention got
    (where events disagree on that mention, most of them): "Foreign Minister Caicedo",
    placed in a paragraph about Colombia, is not Brazilian in a later paragraph about
    Brazil's minister who phoned him."""
    votes: dict[str, Counter[str]] = {}
    first_start: dict[str, int] = {}
    for e in events:
        for a in (e.source, e.target):
            if a is None or a.entity_id not in people or not a.country:
                continue
            if a.start < first_start.get(a.entity_id, a.start + 1):
                first_start[a.entity_id] = a.start
                votes[a.entity_id] = Counter()
            if a.start == first_start[a.entity_id]:
                votes[a.entity_id][a.country] += 1
    first = {pid: counts.most_common(1)[0][0] for pid, counts in votes.items()}
    out = []
    for e in events:
        for side in ("source", "target"):
            a = getattr(e, side)
            if (a is not None and a.entity_id in first and (a.inferred or a.country is None)
                    and a.country != first[a.entity_id]):
                e = replace(e, **{side: replace(a, country=first[a.entity_id], inferred=True)})
        out.append(e)
    return out


def _state_doer(event: Event, home: str | None, article: Article) -> Event:
    """An arrest, curfew, deployment or release with no doer named, in a story whose
    places are mostly in one country, about people of that country (or of none): that
    country's government. The actor's span is the article's first mention of the country
    (a place), marked inferred."""
    if (event.type not in STATE_TYPES or event.source is not None or home is None
            or event.negated or event.modality == "hedged"
            or (event.target is not None and event.target.country not in (None, home))):
        return event
    return adjusted(replace(event, source=government(home, article)), 0.05)


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
    return adjusted(replace(event, source=source), 0.05)


def _place_locals(event: Event, article: Article, places: list[Place], cues: CueLexicon,
                  events: list[Event], people: set[str], home: str | None,
                  parties: set[str], locus: str | None = None,
                  fronted: frozenset[tuple[int, int]] | set[tuple[int, int]] = frozenset()) -> Event:
    for side in ("source", "target"):
        actor = getattr(event, side)
        if (actor is None or actor.country or actor.sector in UNPLACEABLE
                or actor.name.lower() in cues.transnational
                or _foreign(actor, cues)):
            continue
        reporter = event.reported_by.country if event.reported_by is not None else None
        if (side == "source" and actor.sector in STATE_SECTORS and reporter and actor.entity_id is None
                and "'s " not in actor.text):
            # "Cambodian state media reported that the government had halted imports":
            # an unnamed state body in a report is the reporter's own (not someone's
            # named one: "the Australian minister said Tanito's government had asked")
            event = adjusted(replace(event, **{side: replace(actor, country=reporter, inferred=True)}), 0.05)
            continue
        topic = paragraph_side(event, events, article) if actor.sector in STATE_SECTORS else None
        other = getattr(event, "target" if side == "source" else "source")
        if side == "source" and topic is not None and (other is None or other.country != topic):
            # "Israeli officials have made little secret of their concern ... Foreign
            # Minister X accused Ankara": the paragraph is about one side's officials
            event = adjusted(replace(event, source=replace(actor, country=topic, inferred=True)), 0.05)
            continue
        if not _collective(actor, cues):
            # A person known only by name ("Sanders", no title or role) is not where the
            # paragraph's last city is; at most, they share the article's main country.
            person = actor.sector is None and actor.entity_id in people
            event = _place_actor(event, side, article, places, home, parties, majority_only=person,
                                 locus=locus, fronted=fronted)
            continue
        # "both parties" after a fight between two sides of one country; in a story about
        # one country whose actors the text codes to it, its sides ("ECOWAS urged all
        # sides to respect the rule of law"; not from its places alone)
        acted = home is not None and actor_countries(events)[home] > 0
        country = _shared_country(event, events) or (home if acted else None)
        if country is not None:
            placed = replace(actor, country=country, inferred=True)
            event = adjusted(replace(event, **{side: placed}), 0.05)
    return event


def _place_actor(event: Event, side: str, article: Article, places: list[Place],
                 home: str | None, parties: set[str], majority_only: bool = False,
                 locus: str | None = None,
                 fronted: frozenset[tuple[int, int]] | set[tuple[int, int]] = frozenset()) -> Event:
    actor = getattr(event, side)
    part = next((p for p in article.parts if p.start <= event.evidence.start < p.end), None)
    if part is None:
        return event
    # The last city or region the paragraph names up to the end of the event's sentence:
    # country names are skipped because in news they are more often actors ("Russia's
    # advance") than the scene. Else the country most of the article's places are in.
    venue = side == "source" and event.type in VENUE_TYPES
    end = event.evidence.start if venue else event.evidence.end
    scene = [] if majority_only else [
        p for p in places if p.country and (p.feature != "country" or (p.start, p.end) in fronted)
        and part.start <= p.start < min(part.end, end)]
    # "In Beijing, a spokesperson urged ...": a place that opens the sentence is where the
    # speaker is, not a venue
    scene += [p for p in places if (p.start, p.end) in fronted and not majority_only
              and event.evidence.start <= p.start < event.evidence.end and p not in scene]
    # a city of an earlier sentence carries over within the story's main parties: "In
    # Brussels, a spokesperson urged Tunis ... France's ambassador met the foreign
    # minister" does not make the minister Belgian
    scene = [p for p in scene if p.start >= event.evidence.start or p.country in parties or p.country == home]
    if not scene and home is None and not majority_only and not venue:
        # a story of two countries has no home to fall back on: a paragraph that names no
        # city goes on from the scene of the one before ("Gunmen killed 11 people in
        # Culiacan." / "In a separate incident, army troops killed four gunmen."), when
        # that one's cities are all in one country
        before = [p for p in article.parts if p.kind == "body" and p.end <= part.start]
        if before:
            scene = [p for p in places if p.country and p.feature != "country"
                     and before[-1].start <= p.start < before[-1].end]
            # ... of one of the story's two main parties: "In Washington, a spokesman
            # urged restraint." does not move the next paragraph's protest to the US
            scene = scene if len({p.country for p in scene}) == 1 and scene[0].country in parties else []
    if scene:
        country = max(scene, key=lambda p: p.start).country
    else:
        country = home or (None if majority_only else locus)
        if country is None:
            return event
    placed = replace(actor, country=country, inferred=True)
    return adjusted(replace(event, **{side: placed}), 0.05)


def _foreign(actor: Actor, cues: CueLexicon) -> bool:
    """"the foreign troops", "an international force": from elsewhere; "the foreign
    ministry" is a state's own office (`foreign_words`, `foreign_offices`)."""
    words = actor.text.lower().split()
    return any(w in cues.foreign_words and (n + 1 == len(words) or words[n + 1] not in cues.foreign_offices)
               for n, w in enumerate(words))


def _shared_country(event: Event, events: list[Event]) -> str | None:
    """"both parties" after a fight or talks between two sides of one country (the army and
    the RSF, both Sudanese): that country. Read from the latest earlier event whose source
    and target the text names with countries; sides of two countries give none."""
    earlier = [e for e in events if e.evidence.start < event.evidence.start
               and e.source is not None and e.target is not None and e.source.country
               and e.target.country and not e.source.inferred and not e.target.inferred]
    if not earlier:
        return None
    last = max(earlier, key=lambda e: e.evidence.start)
    assert last.source is not None and last.target is not None
    return last.source.country if last.source.country == last.target.country else None


def _collective(actor: Actor, cues: CueLexicon) -> bool:
    """"both sides", "all sides", "the two leaders": several parties, no one country."""
    return any(w in cues.collective_words for w in actor.text.lower().split())


def _fronted(doc: Doc, place: Place) -> bool:
    """Whether the place opens its sentence after "In" ("In Israel, the minister said")."""
    span = doc.char_span(place.start, place.end, alignment_mode="expand")
    if span is None or span.root.dep_ != "pobj":
        return False
    prep = span.root.head
    return prep.lower_ == "in" and prep.i == prep.sent.start


def _in_scene(doc: Doc, place: Place, cues: CueLexicon) -> bool:
    """Whether a scene preposition governs the place ("went on strike in France")."""
    return _governing_prep(doc, place) in cues.scene_preps


def _possessor(doc: Doc, place: Place) -> bool:
    """Whether the place owns a noun phrase ("put Russia's nuclear forces on alert")."""
    span = doc.char_span(place.start, place.end, alignment_mode="expand")
    return span is not None and span.root.dep_ == "poss"


def _locative(doc: Doc, place: Place) -> bool:
    """Whether the place could be a scene: no NOT_SCENE preposition governs its noun, and
    it is no clause's subject ("demanded that Yerevan amend its constitution": the
    government, by metonymy)."""
    span = doc.char_span(place.start, place.end, alignment_mode="expand")
    if span is not None and span.root.dep_ == "nsubj":
        return False
    return _governing_prep(doc, place) not in NOT_SCENE


def _governing_prep(doc: Doc, place: Place) -> str | None:
    """The preposition whose object the place's noun phrase is ("in", "with"), or None."""
    span = doc.char_span(place.start, place.end, alignment_mode="expand")
    if span is None:
        return None
    root = span.root
    while root.dep_ in ("compound", "amod", "nmod", "poss") and root.head.i != root.i:
        root = root.head
    return root.head.lower_ if root.dep_ == "pobj" else None
