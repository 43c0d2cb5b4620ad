"""Phrases that stand for the two parties the article has just named.

"Iran's foreign minister spoke with his Pakistani counterpart, and the two men agreed to
work towards de-escalation"; "Armenia and Azerbaijan held talks. Both sides agreed to free
prisoners"; "China called on Iran and Pakistan to show restraint and offered to mediate
between them". The words are data (`collectives` in actors.yaml). Rules:

  * A collective phrase ("the two countries", "both sides", "the neighbours") is an actor
    standing for the two countries of the latest earlier event (same sentence first, then
    the article's previous ones, at most `LOOKBACK` events back) whose actors name exactly
    two countries (failing that, the two countries the article has coded most often so
    far, each clearly more often than any third: `_main_pair`), or two actors of one country ("the army attacked the RSF ... both
    sides": both Sudanese). When that event has two parties and only one is coded
    ("spoke with President X, and the two leaders agreed"), only that one is taken,
    unless an older event's pair includes it (the parties of the dispute). Each member keeps the country and name of that event's actor, takes the
    collective phrase's span (`Article.text` offsets) and is marked `inferred`.
  * A plural pronoun ("they", "them", "their") stands for two parties only when the
    nearest plural phrase before it, in its sentence or the one before, is a coordination
    of two names of different countries ("Iran and Pakistan ... them"). A plural noun in
    between that names people ("the protesters", "troops": the actor dictionary codes
    it) is the likelier antecedent ("talks" is no rival): an object "them" then stands
    for that plural noun's actor, unless it is the subject of the pronoun's own clause
    ("Police arrested five Nigerien nationals. A prosecutor charged them": the
    nationals; `plural_antecedent`), marked `inferred`.
  * Output convention (the scorer matches one gold event with one record): a collective
    source with no target is one event from one party to the other ("the two men agreed":
    A -> B); a collective target is one event per member ("urged both sides": X -> A,
    X -> B), less the source's own party ("suspended visits between the two countries":
    A -> B); a reciprocal object ("accused each other") gives A -> B and B -> A.
  * A collective phrase with no such antecedent keeps its sector if the dictionary gives
    one (left for `fivew.extract.event_context`), and is dropped otherwise.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from typing import TYPE_CHECKING

from spacy.tokens import Token

from fivew.extract.actor_data import Collectives
from fivew.extract.actors import code_text
from fivew.extract.clauses import subject
from fivew.records import Actor

if TYPE_CHECKING:
    from fivew.extract.event_candidates import Candidate

LOOKBACK = 8  # earlier events searched for the two parties
PLURAL_TAGS = {"NNS", "NNPS"}
NAMED = {"PERSON", "ORG", "GPE", "NORP"}
# Uncoded actors that can be one of "the two leaders": officials, forces, armed groups.
PARTY_SECTORS = {"GOV", "MIL", "REB"}


def is_collective(head: Token, coll: Collectives) -> bool:
    """Whether the noun phrase headed by `head` stands for several parties by its words."""
    if head.pos_ == "PRON":
        return head.lower_ in coll.pronouns
    if head.tag_ not in PLURAL_TAGS and head.lower_ not in coll.nouns:
        return False
    mods = [c for c in head.lefts if c.dep_ in ("det", "nummod", "amod", "predet", "quantmod",
                                                 "preconj", "compound")]
    before = " " + " ".join(t.lower_ for t in head.doc[head.left_edge.i : head.i]) + " "
    if any(f" {m} " in before for m in coll.modifiers):
        # "both sides", "the two countries" (not "two soldiers", "the two journalists")
        return head.lower_ in coll.heads or head.lower_ in coll.nouns
    if not any(c.lower_ == "the" for c in mods):
        return False
    return head.lower_ in coll.nouns or any(f"{c.lower_} {head.lower_}" in coll.nouns
                                            for c in mods)


def pronoun_pair(pronoun: Token, nouns_between: bool = False) -> list[Token]:
    """The two coordinated names a plural pronoun points back to, or [] (module rules).
    With `nouns_between`, plural nouns between do not stop the search (a collective noun
    phrase such as "the two countries" is no rival antecedent for a plural noun), but a
    name in the phrase's own sentence does: its parties are that sentence's event's."""
    doc = pronoun.doc
    for tok in reversed(doc[_window_start(pronoun) : pronoun.i]):
        if tok.dep_ == "conj":
            continue
        if nouns_between and tok.ent_type_ in NAMED and not tok.conjuncts \
                and tok.sent.start == pronoun.sent.start:
            return []  # "spoke with President X, and the two leaders": this sentence's pair
        conjuncts = tok.conjuncts
        if conjuncts and tok.pos_ == "PROPN":
            return [tok, *conjuncts] if len(conjuncts) == 1 else []
        if (tok.tag_ in PLURAL_TAGS and not nouns_between and code_text(tok.text)) or (tok.pos_ == "PRON" and tok.i != pronoun.i
                                       and tok.lower_ in ("they", "them")):
            return []
    return []


def plural_antecedent(pronoun: Token) -> Token | None:
    """"Police fired on the protesters and dispersed them": the plural noun an object
    "them" points back to, in its own sentence or the one before: the nearest earlier
    plural noun that codes as an actor, other than the subject of the pronoun's clause (or
    of the clause it serves: "fired tear gas to disperse them"), a subject or object before
    a preposition's object.
    None when a name pair or another plural pronoun comes first (`pronoun_pair` rules)."""
    if pronoun.lower_ != "them":
        return None
    doc = pronoun.doc
    subjects = {c.i for c in pronoun.head.children if c.dep_ in ("nsubj", "nsubjpass")}
    doer = subject(pronoun.head)  # "Police fired tear gas to disperse them": not the police
    subjects |= {doer.i} if doer is not None else set()
    oblique = None
    for tok in reversed(doc[_window_start(pronoun) : pronoun.i]):
        if tok.pos_ == "PRON" and tok.lower_ in ("they", "them"):
            return None
        if tok.conjuncts and tok.pos_ == "PROPN":
            return None
        if tok.i not in subjects and _plural_actor(tok):
            if tok.dep_ != "pobj":
                return tok
            # a preposition's object is a less likely antecedent than a subject or object
            # ("Hundreds marched to demand protection from gangs. Police dispersed them.")
            oblique = oblique or tok
    return oblique


def _plural_actor(tok: Token) -> bool:
    """A plural noun whose phrase codes as an actor ("five Nigerien nationals")."""
    return tok.tag_ in PLURAL_TAGS and code_text(tok.doc[tok.left_edge.i : tok.i + 1].text) is not None


def _window_start(pronoun: Token) -> int:
    """Where a pronoun's antecedent may be: from the start of the sentence before."""
    first = pronoun.sent.start
    return pronoun.doc[first - 1].sent.start if first > 0 else first


def is_collective_actor(actor: Actor, coll: Collectives) -> bool:
    """Whether an actor's text is a collective phrase (see `is_collective`)."""
    words = actor.text.lower().split()
    if not words:
        return False
    if len(words) == 1:
        return words[0] in coll.pronouns
    text = f" {' '.join(words)} "
    party = words[-1] in coll.heads or words[-1] in coll.nouns
    return (party and any(f" {m} " in text for m in coll.modifiers)) or (words[0] == "the" and (
        words[-1] in coll.nouns or " ".join(words[-2:]) in coll.nouns))


def is_reciprocal(cue: Token, coll: Collectives) -> bool:
    """Whether the cue's object (direct or after a preposition) is "each other"."""
    near = [*cue.children, *(g for c in cue.children if c.dep_ in ("prep", "dative")
                             for g in c.children)]
    doc = cue.doc
    return any(t.i > 0 and f"{doc[t.i - 1].lower_} {t.lower_}" in coll.reciprocals
               for t in near)


def resolve_collectives(cands: list[Candidate], earlier: list[Candidate], coll: Collectives
                        ) -> None:
    """Replace collective actors by the two parties they stand for (module rules)."""
    for n, cand in enumerate(cands):
        before = [*earlier, *cands[:n]]
        sources, src_pair = _expand(cand.sources, before, coll)
        targets, tgt_pair = _expand(cand.targets, before, coll, addressed=True)
        if src_pair and is_reciprocal(cand.token, coll):
            cand.sources, cand.targets = sources, sources
        elif src_pair and not targets and len(sources) == 2:
            cand.sources, cand.targets = sources[:1], sources[1:]
        else:
            cand.sources, cand.targets = sources, targets
        if tgt_pair and len(cand.sources) == 1:
            own = cand.sources[0].country
            cand.targets = [t for t in cand.targets if t.country != own] or cand.targets


def _expand(actors: list[Actor], before: list[Candidate], coll: Collectives,
            addressed: bool = False) -> tuple[list[Actor], bool]:
    """The actors with collective phrases replaced by their two parties; and whether any
    collective phrase was resolved (the phrase's members already coded count too).
    `addressed`: the phrase is a target ("urged both sides to show restraint"): the
    story's two main parties come first, since a mediator's latest contacts ("the envoy
    met Israeli officials") are not the sides it addresses."""
    out: list[Actor] = []
    found = False
    for actor in actors:
        if not is_collective_actor(actor, coll):
            out.append(actor)
        elif actor.country is not None:
            found = found or sum(a.start == actor.start for a in actors) == 2
            out.append(actor)
        else:
            pair = ((_main_pair(actor.start, before) or _latest_pair(actor.start, before)) if addressed
                    else (_latest_pair(actor.start, before) or _main_pair(actor.start, before)))
            if pair:
                found = True
                out += [replace(p, text=actor.text, start=actor.start, end=actor.end,
                                inferred=True) for p in pair]
            elif actor.sector is not None:
                out.append(actor)
    return out, found


def _main_pair(position: int, before: list[Candidate]) -> list[Actor]:
    """The story's two parties when no recent event names them ("Brazil, Colombia and
    Chile condemned ... the United States urged the two countries"): the two countries
    the article has coded most often so far, each at least twice and each more often
    than any third; their latest actors."""
    counts: Counter[str] = Counter()
    latest: dict[str, Actor] = {}
    for cand in (c for c in before if c.token.idx < position):
        for a in {(a.start, a.end): a for a in [*cand.sources, *cand.targets] if a.country}.values():
            counts[a.country or ""] += 1
            latest[a.country or ""] = a
    top = counts.most_common(3)
    if len(top) < 2 or top[1][1] < 2 or (len(top) == 3 and top[2][1] >= top[1][1]):
        return []
    return [latest[top[0][0]], latest[top[1][0]]]


def _latest_pair(position: int, before: list[Candidate]) -> list[Actor]:
    """The two parties of the latest earlier event that names exactly two countries, or
    exactly two actors of one country ("the army and the RSF signed ... both parties")."""
    partial: list[Actor] = []
    for cand in list(reversed([c for c in before if c.token.idx < position]))[:LOOKBACK]:
        # parties: coded actors, named ones and officials ("President X"), not "people"
        actors = {(a.entity_id or (a.start, a.end)): a for a in [*cand.sources, *cand.targets]
                  if a.country or a.entity_id or a.sector in PARTY_SECTORS}
        # (one entity twice, "Ethiopia ... it", is one party)
        coded = {span: a for span, a in actors.items() if a.country}
        countries: dict[str, Actor] = {}
        for actor in coded.values():
            countries.setdefault(actor.country or "", actor)
        if len(countries) > 2:
            break
        # two sides of one country are two organised groups ("the army" and "the RSF"),
        # not a leader and his own state ("Ethiopia's prime minister ... to Ethiopia")
        sides = len(coded) == 2 and len(actors) == 2 and all(a.sector for a in coded.values())
        if len(countries) == 2 or sides:
            pair = list(coded.values()) if len(coded) == 2 else list(countries.values())
            if not partial or partial[0].country in {a.country for a in pair}:
                return pair
            break
        if len(actors) == 2 and len(coded) == 1 and not partial:
            # two parties, one of unknown country ("spoke with President X"): the known
            # one, unless an older pair holds it too ("both governments" of the dispute)
            partial = list(coded.values())
    return partial
