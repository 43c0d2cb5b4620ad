"""Whom an event is aimed at when its sentence names no one: documented inferences, each
marked on the actor (`Actor.inferred = True`) and adding 0.05 to the confidence.

  * Unaddressed protest. A protest, strike or boycott whose text names nothing it is
    against ("thousands marched in Nairobi", "teachers went on strike") is aimed at the
    protesters' own government, as event coders code domestic protest; one at a foreign
    mission or against a foreign state names that target in its sentence instead. So is
    a demand by citizens, unions or the opposition ("students demand the prosecution of
    those responsible").
  * Own people. A curfew, martial law or censorship that names no one it is aimed at
    ("the governor imposed a dusk-to-dawn curfew") is aimed at the imposing state's own
    people (`own_people_modes` in event_cues.yaml).
  * Own ground. A deployment to a place in the deploying side's own country ("sent two
    battalions to Batken") has no target: the place is where the forces go. One to a
    place in another state that its sentence names ("Kenyan police officers arrived in
    Haiti's capital") is aimed at that state.
  * Unnamed counterpart. Demands, threats, accusations, refusals and sanctions
    (`AIMED_TYPES`) always have an addressee. In a story of two rival states (no home
    country, `event_sides.rivals`), one state's that names none is aimed at the other ("Peru
    demanded a full apology"), and a state official left without a country who acts on
    the other state is the first's ("Foreign Minister X summoned the Ugandan envoy"). In
    a story about one country, another state's or an international body's is aimed at
    that country ("France condemned the coup"), and so is its own actors' demand,
    accusation, refusal, threat or sanction ("Morales denies the accusation", "police
    warned they would deal firmly with unrest"). Not when the text names an addressee that no
    actor codes ("urged member states to contribute troops").

The story's home country and rival pair come from `event_sides`.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from fivew.extract.actor_data import is_state
from fivew.extract.clauses import prep_objects
from fivew.extract.event_data import load_cues
from fivew.extract.event_sides import (
    STATE_SECTORS,
    UNPLACEABLE,
    adjusted,
    government,
    paragraph_side,
)
from fivew.records import Actor, Article, Event

# Protest by the people of a country is aimed at its government unless the text names
# another target ("rallied outside the Chinese consulate").
ADDRESSED_TYPES = {"PROTEST"}
# Moves whose destination in one's own country is a place, not a target (`own_ground`).
OWN_GROUND_TYPES = {"MOBILIZE"}
# Prepositions that name where forces go ("arrived in Haiti", "sent to Mali").
DESTINATION_PREPS = frozenset({"in", "to", "into", "inside"})
# A withdrawal from another state's ground ("withdrew from Zvartnots airport") is aimed at
# that state, as the deployment there was; so is the recall of envoys from its capital
# ("recalled their ambassadors from Algiers": SANCTION, mode withdraw). (type, mode);
# mode None: any mode.
LEAVING_TYPES = {("RETREAT", None), ("SANCTION", "withdraw")}
LEAVING_PREPS = frozenset({"from"})
# Acts always aimed at someone: in a bilateral story, unnamed, at the other state.
AIMED_TYPES = {"REQUEST", "THREATEN", "ACCUSE", "REJECT", "SANCTION"}
# Acts by which another state or body reacts to a one-country story, aimed at that country.
REACTION_TYPES = AIMED_TYPES | {"SUPPORT"}
# ... and of those (AIMED_TYPES), the ones a story's own actors aim at each other when they name no one:
# all of them, threats included ("police warned they would deal ruthlessly with anyone
# causing unrest" is aimed at the country's own people).
DISPUTE_TYPES = AIMED_TYPES


def aimed_at(event: Event, pair: tuple[str, str] | None, home: str | None, article: Article,
             doc: Doc | None) -> Event:
    """The event with the addressee its sentence leaves out, where the story makes it
    plain (see the module docstring); unchanged when the text names an addressee that no
    actor codes."""
    if _uncoded_addressee(event, doc):
        return event
    event = _own_people(event, article)
    event = _addressee(event, article)
    event = _foreign_reaction(_counterpart_target(event, pair, article), home, article)
    return _domestic_dispute(event, home, article)


def own_ground(event: Event, article: Article, doc: Doc | None = None) -> Event:
    """A deployment to a place in the deploying side's own country ("sent two battalions
    to Batken") is aimed at no one: the place is where the forces go; one to a place in
    another state named in its sentence is aimed at that state, and so is a withdrawal
    (or a recall of envoys) from one (`_foreign_ground`)."""
    target, source = event.target, event.source
    leaving = (event.type, None) in LEAVING_TYPES or (event.type, event.mode) in LEAVING_TYPES
    if leaving and source is not None and target is None:
        return _foreign_ground(event, source, article, doc, LEAVING_PREPS)
    if event.type not in OWN_GROUND_TYPES or source is None:
        return event
    if target is None:
        return _foreign_ground(event, source, article, doc, DESTINATION_PREPS)
    if (target.country != source.country
            or not any(p.start == target.start and p.end == target.end for p in article.places)):
        return event
    return replace(event, target=None)


def _foreign_ground(event: Event, source: Actor, article: Article, doc: Doc | None,
                    preps: frozenset[str]) -> Event:
    """"Kenyan police officers arrived in Haiti's capital", "Chadian troops deployed to
    northern Mali", "Russian guards withdrew from Zvartnots airport": the state the forces
    go to or leave, spanned at its place in the phrase (`DESTINATION_PREPS`,
    `LEAVING_PREPS`)."""
    trigger = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand") if doc else None
    if trigger is None or source.country is None or not is_state(source.country):
        return event
    spans = [(g.left_edge.idx, g.right_edge.idx + len(g.right_edge))
             for _, g in prep_objects(trigger.root, preps)]
    place = next((p for p in article.places for start, end in spans
                  if start <= p.start < end and p.country and p.country != source.country), None)
    if place is None:
        return event
    ground = Actor(name=place.name, text=place.text, start=place.start, end=place.end,
                   country=place.country, inferred=True)
    return adjusted(replace(event, target=ground), 0.05)


def counterpart_source(event: Event, pair: tuple[str, str] | None, events: list[Event],
                        article: Article) -> Event:
    """A state official or body the text gives no country ("Deputy Foreign Minister Ikeda
    summoned the Russian ambassador"), acting on one of a bilateral story's two states:
    the other state's; unless the paragraph is about a third state's officials."""
    source, target = event.source, event.target
    if (pair is None or source is None or target is None or source.country
            or source.sector not in STATE_SECTORS or target.country not in pair
            or target.sector not in STATE_SECTORS | {None}):
        return event
    if paragraph_side(event, events, article) not in (None, *pair):
        return event
    addressed = {e.target.country for e in events if e.trigger.start == event.trigger.start
                 and e.target is not None}
    if set(pair) <= addressed:
        return event  # "urged Iran and the UAE to talk": a third party addresses both
    other = pair[1] if target.country == pair[0] else pair[0]
    return adjusted(replace(event, source=replace(source, country=other, inferred=True)), 0.05)


def _own_people(event: Event, article: Article) -> Event:
    """A curfew, martial law or censorship aimed at no one the text names ("the governor
    imposed a dusk-to-dawn curfew"): the imposing state's own people (`own_people_modes`).
    The actor's span is the article's first mention of the country, else the imposer's."""
    source = event.source
    if (event.target is not None or source is None or event.mode not in load_cues().own_people_modes
            or source.country is None or not is_state(source.country) or source.sector in UNPLACEABLE):
        return event
    people = replace(government(source.country, article, source), sector="CVL")
    return adjusted(replace(event, target=people), 0.05)


def _addressee(event: Event, article: Article) -> Event:
    """A protest, or a demand by citizens, unions or the opposition, aimed at nothing the
    text names ("the opposition called for a general strike"): their own government. The
    actor's span is the article's first mention of the country, else the protesters'."""
    source = event.source
    country = source.country if source is not None else None
    citizens = source is not None and source.sector not in STATE_SECTORS | UNPLACEABLE | {None}
    if (not (event.type in ADDRESSED_TYPES or (event.type == "REQUEST" and citizens))
            or event.target is not None or source is None
            or country is None or not is_state(country) or source.sector in UNPLACEABLE):
        return event
    return adjusted(replace(event, target=government(country, article, source)), 0.05)


def _counterpart_target(event: Event, pair: tuple[str, str] | None, article: Article) -> Event:
    """A demand, threat, accusation, refusal or sanction by one of a bilateral story's two
    states that names no one it is aimed at ("Bogota demanded a public apology",
    "Argentina recalled its consul"): aimed at the other state. Not for its citizens or
    opposition, whose unaddressed demands are domestic."""
    source = event.source
    if (pair is None or event.target is not None or source is None
            or event.type not in AIMED_TYPES or source.country not in pair
            or source.sector not in STATE_SECTORS | {None}):
        return event
    other = pair[1] if source.country == pair[0] else pair[0]
    return adjusted(replace(event, target=government(other, article, source)), 0.05)


def _foreign_reaction(event: Event, home: str | None, article: Article) -> Event:
    """In a story about one country, a demand, threat, accusation, refusal or sanction by
    another state or an international body that names no one it is aimed at ("France
    condemned the coup", "the EU called for a transparent vote", "Washington paused some
    aid programmes") is aimed at that country; so is its praise or welcome ("Xi praised
    the conduct of the election": `REACTION_TYPES`)."""
    source = event.source
    if (home is None or event.target is not None or source is None or event.type not in REACTION_TYPES
            or source.country == home or not (source.sector in UNPLACEABLE or is_state(source.country))):
        return event
    return adjusted(replace(event, target=government(home, article, source)), 0.05)


def _domestic_dispute(event: Event, home: str | None, article: Article) -> Event:
    """In a story about one country, a demand, threat, accusation, refusal or sanction by
    one of its own actors that names no one ("Morales denies the accusation", "the
    president ruled out negotiation") is aimed within that country: at its government
    when a citizen or the opposition acts, at compatriots of no named kind when the state
    does."""
    source = event.source
    if (home is None or event.target is not None or source is None or event.type not in DISPUTE_TYPES
            or source.country != home or source.sector in UNPLACEABLE):
        return event
    target = government(home, article, source)
    if source.sector in STATE_SECTORS:
        target = replace(target, sector=None)
    return adjusted(replace(event, target=target), 0.05)


def _uncoded_addressee(event: Event, doc: Doc | None) -> bool:
    """A demand made of people the text names but no actor codes: "urged member states to
    contribute troops", "appealed to other nations"."""
    if event.type != "REQUEST" or doc is None:
        return False
    span = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    if span is None:
        return False
    objects = [c for c in span.root.children if c.dep_ in ("dobj", "dative")]
    objects += [g for c in span.root.children if c.dep_ == "prep" and c.lower_ in ("to", "on")
                for g in c.children if g.dep_ == "pobj"]
    return any(o.tag_ in ("NNS", "NNPS") or o.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")
               for o in objects)
