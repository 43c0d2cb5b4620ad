"""Definite event nouns that point back at an event told earlier in the article.

"North Korea launched a satellite ... Japan condemned the launch": the launch is North
Korea's, so the condemnation is aimed at North Korea. "Azerbaijani forces shelled
Armenian villages. Two people were killed in the strikes": the strikes are the earlier
shelling, so they keep its attacker and its victim's country.

Five documented rules, all on candidates that have no actor of their own on that side:

  * A verb cue whose direct object (or against/over object: "protested against the
    arrests") is a definite noun ("the launch", "these arrests", "the killings") with
    the lemma of an earlier cue ("launched", "arrested") takes that cue's sources as its
    targets, leaving out the reacting side's own countries. A generic event noun
    (event_cues.yaml `event_anaphors`: "reviewing the incident") points at the latest
    earlier cue with a source, whoever it is (a military reviews its own strike); a
    decision noun (`decision_anaphors`: "criticised the decision", "welcomed the move")
    at the latest earlier cue by a party of another country than the reacting side. With
    no earlier cue of the noun's word ("a drone strike killed four ... condemned the
    strike": "killed" told it), the latest earlier event of the noun's type by another
    country. When an earlier cue told the event that object names ("agreed ... welcomed
    the agreement"), the object is no new event of its own; a reaction to a joint act
    ("Kenya and Somalia agreed") is one event, aimed at the first of its doers.
  * A verb cue without source whose means is a definite noun with an earlier same-type
    cue's lemma ("were killed in the strikes") takes that cue's source, and its target's
    country for victims the clause leaves without one.
  * A definite noun cue ("the strikes", "the raid") with neither source nor target takes
    both from the latest earlier cue of its type or lemma.
  * A verb cue whose object holds a definite noun described by an earlier cue's
    participle, or of an earlier cue of the participle's type ("demanded access to the
    detained man" after "police arrested two men"), is aimed at that cue's doer.
  * "the release of the four men": a noun cue that undoes another type (`UNDOES`) with a
    definite or named "of" object takes as source the doer of the latest earlier cue of
    the undone type (whoever arrested them holds them); a demand for the release is then
    aimed at them (`fivew.extract.events` nesting).

The antecedent is the latest candidate before the cue: earlier in the same sentence or in
the article's previous sentences. Offsets are untouched (actors keep the spans where the
antecedent named them).
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from fivew.extract.clauses import direct_object, prep_objects
from fivew.extract.event_candidates import PERSONAL_POSSESSIVES, Candidate
from fivew.extract.event_data import CueLexicon
from fivew.records import Actor

DEFINITE = {"the", "that", "this", "these", "those", "such"}
# Event types that undo another: a release ends a detention (COERCE).
UNDOES = {"RETREAT": "COERCE"}
# Prepositions that name what a reaction is aimed at ("protest against the arrests").
AIMED_PREPS = frozenset({"against", "over"})


def resolve_anaphora(cands: list[Candidate], earlier: list[Candidate], cues: CueLexicon) -> None:
    """Fill the actors of cues that point back at earlier events (see module docstring).
    Demands, threats and accusations named by a definite noun ("denied the accusation")
    are left to the refusal rules of `fivew.extract.events`."""
    cue_tokens = {c.token.i for c in cands}
    for n, cand in enumerate(cands):
        before = [*earlier, *cands[:n]]
        if cand.kind == "verb" and not cand.sources:
            _means_antecedent(cand, before, cues)
        if cand.kind == "verb" and not cand.targets:
            _object_antecedent(cand, before, cue_tokens, cues, cands)
        if cand.kind == "verb" and not any(a.country for a in cand.targets):
            # (an uncoded target may be the detained person themselves: "the reporter")
            _participle_antecedent(cand, before, cues)
        if cand.kind == "noun" and cand.type in UNDOES and not cand.sources:
            _holder(cand, before)
        elif (cand.kind == "noun" and cand.type not in cues.content_types and not cand.sources
              and not cand.targets and _definite(cand.token)):
            names = _names(cand.token, cues)
            antecedent = next((c for c in reversed(before) if c.sources and not c.dropped
                               and (c.type == cand.type or _named(c, names))), None)
            if antecedent is not None:
                cand.sources, cand.targets = antecedent.sources, antecedent.targets


def _participle_antecedent(cand: Candidate, before: list[Candidate], cues: CueLexicon
                           ) -> None:
    """"demanded consular access to the detained man", "visited the arrested activists":
    a definite noun in the cue's object described by the participle of an earlier cue
    ("detained") is that act's patient; the cue is aimed at its doer."""
    obj = direct_object(cand.token, active_only=True)
    if obj is None:
        return
    for tok in obj.subtree:
        if tok.dep_ != "amod" or tok.tag_ != "VBN" or not _definite(tok.head):
            continue
        # the participle's own cue type ("detained": COERCE) finds "arrested" too
        types = {sense.type for sense in cues.verbs.get(tok.lower_, ())}
        forms = {tok.lower_, tok.lower_.removesuffix("ed"), tok.lower_.removesuffix("d")}
        antecedent = next((c for c in reversed(before) if c.sources and c.targets
                           and not c.dropped  # an act on someone ("arrested two men")
                           and (c.token.lower_ in forms or c.sense.lemma in forms
                                or c.type in types)), None)
        if antecedent is not None:
            own = {a.country for a in cand.sources if a.country}
            cand.targets = [a for a in antecedent.sources if a.country not in own]
            return


def _holder(cand: Candidate, before: list[Candidate]) -> None:
    """"the release of the four men / of the journalist", "their release": whoever holds
    them releases them, the doer of the latest earlier arrest (the type the noun undoes)."""
    held = [g for _, g in prep_objects(cand.token, frozenset({"of"})) if _definite(g)
            or g.pos_ == "PROPN" or any(c.dep_ == "poss" for c in g.children)]
    # "demanded their immediate release": the owner is the held
    held += [c for c in cand.token.children if c.dep_ == "poss" and c.lower_ in PERSONAL_POSSESSIVES]
    if not held:
        return
    antecedent = next((c for c in reversed(before) if c.type == UNDOES[cand.type]
                       and c.sources and c.targets and not c.dropped), None)  # held people
    if antecedent is not None:
        cand.sources = antecedent.sources


def _object_antecedent(cand: Candidate, before: list[Candidate], cue_tokens: set[int],
                       cues: CueLexicon, cands: list[Candidate] | None = None) -> None:
    # the direct object, else "protest against the arrests", "anger over the killings"
    obj = (direct_object(cand.token, active_only=True)
           or next((g for _, g in prep_objects(cand.token, AIMED_PREPS)), None))
    mention = next((c for c in cands or [] if obj is not None and c.token.i == obj.i
                    and c.kind == "noun" and not c.sources and not c.targets), None)
    # "rejected the accusations made against them": a refusal of a demand or accusation
    # that its own clause describes is linked to it in `events._nesting`
    refusal = (cand.type == "REJECT" and mention is not None and mention.type in cues.content_types
               and any(c.dep_ in ("acl", "relcl", "prep") for c in mention.token.children))
    if (mention is not None and obj is not None and _definite(obj) and not refusal
            and _told_before(mention, before, cues)):
        # "welcomed the agreement" after "agreed to open the border": the earlier event
        # named again, not a new one
        mention.dropped = True
        cue_tokens = cue_tokens - {obj.i}
    if obj is None or obj.pos_ != "NOUN" or not _definite(obj) or obj.i in cue_tokens:
        return  # an object that is a cue itself is an event of this sentence
    names = _names(obj, cues)
    own = {a.country for a in cand.sources if a.country}
    generic = obj.lower_ in cues.event_anaphors
    decision = obj.lower_ in cues.decision_anaphors
    for other in reversed(before):
        if generic and other.sources:
            cand.targets = other.sources
            return
        if decision and own and any(a.country and a.country not in own for a in other.sources):
            cand.targets = [a for a in other.sources if a.country and a.country not in own]
            return
        if _named(other, names) and other.token.i != obj.i and other.sources:
            cand.targets = _doers(other, own, cues)
            return
    # no earlier cue of that word ("a drone strike killed four ... condemned the strike",
    # where "killed" told the strike): the latest earlier event of the noun's type by
    # another country
    kinds = {sense.type for sense in cues.nouns.get(obj.lower_, ())}
    for other in reversed(before):
        doers = _doers(other, own, cues, coded=True)
        if other.type in kinds and doers:
            cand.targets = doers
            return


def _doers(act: Candidate, own: set[str], cues: CueLexicon, coded: bool = False) -> list[Actor]:
    """Whom a reaction to an earlier act is aimed at: its doers other than the reacting
    country; of a joint act ("welcomed the agreement" of two sides) only the first, since
    one reaction is one event."""
    doers = [a for a in act.sources if a.country not in own and (a.country or not coded)]
    return doers[:1] if act.type in cues.reciprocal_types else doers


def _told_before(mention: Candidate, before: list[Candidate], cues: CueLexicon) -> bool:
    """Whether an earlier cue told the event a definite noun names again: one of its lemma
    ("agreed" for "the agreement") or, for the protests of old, of its type."""
    names = _names(mention.token, cues) | {mention.sense.lemma}
    return any(_named(c, names) or c.type == mention.type for c in before)


def _means_antecedent(cand: Candidate, before: list[Candidate], cues: CueLexicon) -> None:
    """"Nine people were killed in the strikes": a definite means or cause ("in / by / during
    the strikes") with the lemma of an earlier cue of the same type names its doer, and its
    victims' country when the clause gives none."""
    for prep in cand.token.children:
        if prep.lower_ not in ("in", "by", "during") or prep.dep_ not in ("prep", "agent"):
            continue
        for noun in (g for g in prep.children if g.dep_ == "pobj" and _definite(g)):
            names = _names(noun, cues)
            antecedent = next((c for c in reversed(before) if c.type == cand.type and c.sources
                               and _named(c, names)), None)
            if antecedent is None:
                continue
            cand.sources = antecedent.sources
            country = next((a.country for a in antecedent.targets if a.country), None)
            if country and cand.targets and all(a.country is None for a in cand.targets):
                cand.targets = [replace(a, country=country) for a in cand.targets]
            return


def _names(noun: Token, cues: CueLexicon) -> set[str]:
    """The lemmas a noun may stand for. The pipeline's parse has no lemmas: the cue
    lexicon's lemma stands for each listed form, else the word less a plural -s, and a
    gerund less its -ing ("the killings" -> kill)."""
    word = noun.lower_
    single = word.removesuffix("s")
    return {word, single, single.removesuffix("ing"),
            *(s.lemma for s in cues.nouns.get(word, ()))} - {""}


def _named(cand: Candidate, names: set[str]) -> bool:
    return cand.sense.lemma in names or cand.token.lower_ in names


def _definite(token: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in DEFINITE for c in token.children)
