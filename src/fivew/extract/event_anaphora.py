"""Definite event nouns that point back at an event told earlier in the article.

"North Korea launched a satellite ... Japan condemned the launch": the launch is North
Korea's, so the condemnation is aimed at North Korea. "Azerbaijani forces shelled
Armenian villages. Two people were killed in the strikes": the strikes are the earlier
shelling, so they keep its attacker and its victim's country.

Three documented rules, all on candidates that have no actor of their own on that side:

  * A verb cue whose direct object is a definite noun ("the launch", "these arrests") with
    the lemma of an earlier cue ("launched", "arrested") takes that cue's sources as its
    targets, leaving out the reacting side's own countries. A generic event noun
    (event_cues.yaml `event_anaphors`: "reviewing the incident") points at the latest
    earlier cue with a source, whoever it is (a military reviews its own strike).
  * A verb cue without source whose means is a definite noun with an earlier same-type
    cue's lemma ("were killed in the strikes") takes that cue's source, and its target's
    country for victims the clause leaves without one.
  * A definite noun cue ("the strikes", "the raid") with neither source nor target takes
    both from the latest earlier cue of its type or lemma.

The antecedent is the latest candidate before the cue: earlier in the same sentence or in
the article's previous sentences. Offsets are untouched (actors keep the spans where the
antecedent named them).
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from fivew.extract.clauses import direct_object
from fivew.extract.event_candidates import Candidate
from fivew.extract.event_data import CueLexicon

DEFINITE = {"the", "that", "this", "these", "those", "such"}


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
            _object_antecedent(cand, before, cue_tokens, cues)
        elif (cand.kind == "noun" and cand.type not in cues.content_types and not cand.sources
              and not cand.targets and _definite(cand.token)):
            names = _names(cand.token, cues)
            antecedent = next((c for c in reversed(before) if c.sources and not c.dropped
                               and (c.type == cand.type or _named(c, names))), None)
            if antecedent is not None:
                cand.sources, cand.targets = antecedent.sources, antecedent.targets


def _object_antecedent(cand: Candidate, before: list[Candidate], cue_tokens: set[int],
                       cues: CueLexicon) -> None:
    obj = direct_object(cand.token, active_only=True)
    if obj is None or obj.pos_ != "NOUN" or not _definite(obj) or obj.i in cue_tokens:
        return  # an object that is a cue itself is an event of this sentence
    names = _names(obj, cues)
    own = {a.country for a in cand.sources if a.country}
    generic = obj.lower_ in cues.event_anaphors
    for other in reversed(before):
        if generic and other.sources:
            cand.targets = other.sources
            return
        if _named(other, names) and other.token.i != obj.i:
            cand.targets = [a for a in other.sources if a.country not in own]
            return


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
    lexicon's lemma stands for each listed form, else the word less a plural -s."""
    word = noun.lower_
    return {word, word.removesuffix("s"), *(s.lemma for s in cues.nouns.get(word, ()))}


def _named(cand: Candidate, names: set[str]) -> bool:
    return cand.sense.lemma in names or cand.token.lower_ in names


def _definite(token: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in DEFINITE for c in token.children)
