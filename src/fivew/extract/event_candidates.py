"""Event candidates: cue words found in the parse, with their source and target actors.

A candidate is one cue token (a verb such as "accused", or a noun such as "curfew",
"the bombardment of", "sanctions on") with the sense the cue lexicon gives it and the
actors its syntax names:

  * verbs, active:   subject -> source; direct object (or a with/on/against/to object,
                     or the first coded actor inside the object phrase) -> target;
  * verbs, passive:  by-agent -> source; passive subject -> target ("were killed by");
  * nouns:           possessive / demonym modifier ("Russia's", "Russian") and by/from
                     objects -> source; of/on/against/with objects -> target;
                     "between X and Y" -> X, Y; a light verb's subject is the source
                     ("officials imposed a curfew"), an undergo verb's subject the target
                     ("the city came under bombardment", "it was subjected to shelling").

Negation, modality, nesting and reporting are decided later (`fivew.extract.events`).
All character offsets are `Article.text` offsets.
"""

from __future__ import annotations

from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field, replace

from spacy.tokens import Span, Token

from fivew.extract.actors import lookup
from fivew.extract.clauses import (
    PURPOSE_VERBS,
    RELATIVE,
    agent,
    coordinated,
    direct_object,
    is_passive,
    noun_phrase,
    of_words,
    prep_objects,
    speech_verb,
    subject,
)
from fivew.extract.event_actors import ActorContext, actors_at
from fivew.extract.event_data import CueLexicon, Sense, load_cues
from fivew.extract.event_sides import UNPLACEABLE
from fivew.records import Actor, Speaker

# "spoke by phone with X", "on the phone with": the means, then the party ("spoke during a
# meeting with reporters" is no "speak with")
MEANS_PREPS = {"by", "via", "over", "on"}
# "You meet people and you learn," she said: a generic "you" is nobody, not the speaker.
GENERIC_PRONOUNS = {"you"}
# Possessive pronouns of people: "their release" is of captives, "its release" of a film.
PERSONAL_POSSESSIVES = frozenset({"his", "her", "their"})


@dataclass
class Candidate:
    """A cue with its sense and actors; mutable while the stage refines it."""

    token: Token  # the syntactic head of the cue
    end: int  # character end of the trigger (covers "lay down", "air strike")
    start: int
    sense: Sense
    kind: str  # "verb" | "noun" | "attributed"
    type: str
    mode: str | None
    sources: list[Actor] = field(default_factory=list)
    targets: list[Actor] = field(default_factory=list)
    negated: bool = False
    modality: str = "asserted"
    reported_by: Speaker | None = None
    reason: tuple[int, int] | None = None
    content_type: str | None = None  # type of the event it demands/rejects/threatens
    direct: bool = False  # both actors read from direct syntactic arguments
    flipped: bool = False  # negation turned it into another type (REJECT)
    dropped: bool = False
    # a mutual act of three parties or more: one record per other party with the first
    # named, not one per pair ("Ghana, Togo, Benin and Ivory Coast met": three, not six)
    hub: bool = False


def find_candidates(sent: Span, ctx: ActorContext) -> list[Candidate]:
    """Every cue in the sentence, left to right; at most one candidate per head token."""
    cues = ctx.cues
    found: dict[int, Candidate] = {}
    for token in sent:
        for cand in _match(token, cues):
            if cand.token.i not in found and not _natural(cand, cues):
                _arguments(cand, ctx)
                found[cand.token.i] = cand
    return sorted(found.values(), key=lambda c: c.token.i)


def _natural(cand: Candidate, cues: CueLexicon) -> bool:
    """"The earthquake, which killed 2,100 people": a disaster's doing is no event."""
    if cand.kind != "verb":
        return False
    doer = agent(cand.token) if is_passive(cand.token) else subject(cand.token)
    return doer is not None and doer.lower_ in cues.natural_causes


def _match(token: Token, cues: CueLexicon) -> list[Candidate]:
    word = token.lower_
    gerund = token.tag_ == "VBG" and word in cues.nouns and _noun_like(token)
    if _verb_like(token) and not gerund and token.dep_ != "amod":
        # an attributive participle describes a noun, it is not an act: "pledged delegates"
        sense = _verb_sense(token, cues.verbs.get(word, ()))
        if sense is not None:
            return [_candidate(token, sense, "verb", _phrasal_end(token, sense))]
    # a multi-word noun may open with a word tagged as an adjective ("tear gas")
    adjective = token.pos_ == "ADJ"
    if _noun_like(token) or adjective:
        for sense in cues.nouns.get(word, ()):
            if adjective and not sense.words:
                continue
            head, end = _noun_window(token, sense)
            if head is not None and head.pos_ not in ("NOUN", "PROPN"):
                continue
            if head is None or not _modifiers_ok(head, sense) or not _context_ok(head, sense):
                continue
            of = of_words(head)
            if sense.objects and not (of & sense.objects or (not of and _held_people(head))):
                continue  # "the release of hostages", "their release", not "a news release"
            return [_candidate(head, sense, "noun", end, start=token.idx)]
    return []


def _held_people(noun: Token) -> bool:
    """"their release", "his release": a person's pronoun owns the noun (not "its")."""
    return any(c.dep_ == "poss" and c.lower_ in PERSONAL_POSSESSIVES for c in noun.children)


def _candidate(token: Token, sense: Sense, kind: str, end: int, start: int | None = None) -> Candidate:
    return Candidate(token, end, token.idx if start is None else start, sense, kind, sense.type, sense.mode)


def _verb_like(token: Token) -> bool:
    # a "verb" with a determiner, compound or possessor is a mis-tagged noun ("shelling
    # and missile strikes")
    if any(c.dep_ in ("det", "compound", "poss") for c in token.children):
        return False
    return token.pos_ == "VERB" or (token.pos_ == "AUX" and token.dep_ != "aux")


def _noun_like(token: Token) -> bool:
    if token.pos_ in ("NOUN", "PROPN"):
        return True
    # Gerunds the tagger calls verbs: "killed by shelling", "the bombing of".
    return token.tag_ == "VBG" and not any(c.dep_ in ("nsubj", "dobj") for c in token.children)


def _verb_sense(token: Token, senses: tuple[Sense, ...]) -> Sense | None:
    obj = direct_object(token)
    subj = subject(token)
    relative = obj is not None and obj.lower_ in RELATIVE and obj.i < token.i  # "a charge that X dismissed"
    if ((obj is None or relative) and token.dep_ == "relcl" and subj is not None
            and subj.i != token.head.i and not _relative_in_prep(token)):
        obj = token.head  # "a step Belgrade has never recognised": the noun is the object
    if obj is None and token.dep_ == "acl" and token.tag_ == "VBN":
        obj = token.head  # "the truce, brokered by Qatar": the noun is what was brokered
    # "a planned round of talks" is talks: partitive objects pass on their of-object
    obj_words = {obj.lower_, *(c.lower_ for c in obj.conjuncts)} if obj is not None else set()
    if obj is not None and obj.ent_type_:
        obj_words.add(obj.ent_type_)  # "recognised Kosovo": GPE, for senses that list a label
    if obj is not None:
        obj_words |= of_words(obj)
        # "aid programmes"; not a name's part ("the Culver City studio")
        obj_words |= {c.lower_ for c in obj.children if c.dep_ == "compound" and c.pos_ == "NOUN"}
        if obj.pos_ == "PROPN":  # a name's title: "summoned Russian Ambassador Nikolai Voronin"
            obj_words |= {c.lower_ for c in obj.children if c.dep_ == "compound" and c.i < obj.i}
        obj_words |= {g.lower_ for _, g in prep_objects(obj, frozenset({"in"}))}  # "$5m in aid"
    # "provided Ukraine with missiles": what is given is the with-object
    obj_words |= {g.lower_ for _, g in prep_objects(token, frozenset({"with"}))}
    # "called Maduro a dictator": the predicate noun
    # ("called the tariff an act of aggression": and the predicate's of-object)
    for pred in (c for c in token.children if c.dep_ == "oprd"):
        obj_words |= {pred.lower_, *of_words(pred)}
    # "offered to host talks", "pledged to send troops": the complement verb's object is
    # what is offered or pledged
    for comp in (c for c in token.children if c.dep_ in ("xcomp", "ccomp")):
        comp_obj = direct_object(comp) if comp.dep_ == "xcomp" else None
        if comp_obj is not None:
            obj_words |= {comp_obj.lower_, *(c.lower_ for c in comp_obj.conjuncts)}
        # "would not allow its airspace to be used": the complement's subject
        comp_subj = subject(comp)
        if comp_subj is not None and comp_subj.i > token.i:
            obj_words.add(comp_subj.lower_)
        if comp.dep_ == "ccomp":
            obj_words.add("that")  # a complement clause: "denied that ...", "warned that ..."
        if comp.tag_ == "VBG":
            obj_words.add("-ing")  # a gerund: "denied sending troops"

    # "rescue teams arrived": the subject and its compounds
    subj_words = {subj.lower_, *(c.lower_ for c in subj.children if c.dep_ == "compound")} if subj is not None else set()
    if subj is not None:  # "several hundred of his supporters marched": the partitive's people
        subj_words |= of_words(subj)
    child_words = _particles(token)
    phrasal = [s for s in senses if s.words]
    plain = [s for s in senses if not s.words]
    # prepositions on an object that is no event noun ("launched missiles at Kyiv"; an
    # event noun there is the event: "launched strikes against X" is a light verb's)
    object_preps = {c.lower_ for c in obj.children if c.dep_ == "prep" and not _dated(c)} if (
        phrasal and obj is not None and obj.lower_ not in load_cues().nouns) else set()
    for sense in phrasal + plain:
        # a phrasal cue's own preposition object is its object: "went on strike", "put its
        # forces on alert" (a preposition after the direct object counts when it does)
        own = set()
        # "stripped critics of citizenship", "pulled out of the deal" (of under out)
        heads = [token, *([obj] if obj is not None else []),
                 *(c for c in token.children if c.lower_ in sense.words)]
        for _, g in (p for h in heads for p in prep_objects(h, frozenset(sense.words))) if sense.words else ():
            # "on its highest level of combat readiness": the of-object counts too
            own |= {g.lower_, *of_words(g)}
        # "launched missiles at Kyiv": the preposition hangs on a listed object
        on_object = bool(obj_words & sense.objects) and set(sense.words) <= object_preps
        if sense.words and not set(sense.words) <= child_words and not own & sense.objects \
                and not on_object:
            continue
        if (sense.objects or sense.subjects) and not (
                (obj_words | own) & sense.objects or subj_words & sense.subjects):
            continue
        if sense.transitive and obj is None:
            # "a presidency which has given up" quits, "gave up the city" yields; "Israel
            # struck Iran", not a mis-parsed "missile strikes"
            continue
        if sense.transitive is False and (direct_object(token, active_only=True) is not None
                                          or any(c.dep_ == "ccomp" for c in token.children)):
            continue  # "protesters demonstrated", not "demonstrated his commitment"
        if obj_words & sense.exclude or not _context_ok(token, sense):
            continue
        return sense
    return None


def _context_ok(token: Token, sense: Sense) -> bool:
    """Word-sense constraints beyond the object: no `exclude` word next to the cue (its
    dependents, the words opening its complement clause: "when asked why", "heart attack"),
    and, for senses that need one, a `requires` word elsewhere in the sentence (a physical
    attack names weapons, forces or casualties; "attacked his rival" does not)."""
    if sense.exclude:
        # a preposition that opens a date or time is no part of the cue ("seized on the
        # chance" is an idiom, "seized a boat on Wednesday" a seizure)
        near = {c.lower_ for c in token.children if not _dated(c)}
        if token.pos_ in ("NOUN", "PROPN"):
            near |= _governing_words(token)
            if token.dep_ == "compound":
                near.add(token.head.lower_)  # "charge d'affaires": a title, not a charge
        near |= {g.lower_ for c in token.children if c.dep_ in ("ccomp", "xcomp", "dobj", "pobj", "prep")
                 for g in c.children if g.i < c.i or c.dep_ == "prep"}
        # the first word of a complement clause: "asked what that might look like", and
        # its question mark: "“How can you ...?” the minister asked"
        near |= {c.left_edge.lower_ for c in token.children if c.dep_ in ("ccomp", "xcomp")}
        near |= {g.lower_ for c in token.children if c.dep_ in ("ccomp", "xcomp")
                 for g in c.children if g.dep_ == "punct"}
        if "that" in sense.objects:
            # a complement-clause sense: the clause's verb ("warned that the strikes could
            # trigger a war" foresees a danger; "warned that it would respond" threatens)
            # (exclude lists are inflected: the pipeline runs no lemmatizer)
            near |= {c.lower_ for c in token.children if c.dep_ == "ccomp"}
        if near & sense.exclude or ("?" in sense.exclude and _after_question(token)):
            return False
    if sense.requires:
        sent = token.sent
        if not any(t.lower_ in sense.requires and t.i != token.i for t in sent):
            # states and places as parties or scene: "Russia may attack Moldova", "the
            # Paris attacks"; people and organisations attack each other in words
            deps = ("nsubj", "nsubjpass", "dobj", "compound", "amod", "nmod", "poss")
            return sense.type == "ASSAULT" and any(c.ent_type_ in ("GPE", "LOC", "NORP", "FAC") for c in token.children
                       if c.dep_ in deps)
    return True


def _dated(prep: Token) -> bool:
    """A preposition whose object is a date or time: "on Wednesday", "in March"; not a
    known place the tagger swept into a time ("at Kyiv overnight")."""
    return prep.dep_ == "prep" and any(g.ent_type_ in ("DATE", "TIME") and lookup(g.text) is None
                                       for g in prep.children)


def _governing_words(noun: Token) -> set[str]:
    """The word a noun is the object of, through partitives: "pose a threat", "under
    threat", "placed a couple of calls" (-> "of", "placed")."""
    words: set[str] = set()
    node = noun
    for _ in range(3):
        if node.dep_ not in ("dobj", "pobj", "attr") or node.head.i == node.i:
            break
        words.add(node.head.lower_)
        if not (node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.pos_ == "NOUN"):
            break
        node = node.head.head  # "a couple of calls": the partitive's own governor
    return words


def _after_question(token: Token) -> bool:
    """Whether the clause of the token follows a quoted question: "“Why now?” she asked"."""
    first = token.left_edge.i
    doc = token.doc
    return first >= 2 and doc[first - 1].is_quote and doc[first - 2].text == "?"


def _particles(token: Token) -> set[str]:
    """Words that may complete a phrasal cue: particles, prepositions and objects of the
    verb, and prepositions one level down ("spoke by phone with"), also after the direct
    object ("put its forces on alert"). A preposition that opens a date or time is not part
    of the verb ("called an emergency session on Wednesday" is no "call on")."""
    words = set()
    for c in token.children:
        if _dated(c):
            continue  # "on Wednesday called an emergency session" is no "call on"
        if c.dep_ in ("prt", "prep", "dobj", "advmod", "compound:prt", "dative", "agent"):
            words.add(c.lower_)
            if c.dep_ in ("prt", "prep", "advmod"):  # "pulled out of": "of" hangs on "out"
                words |= {g.lower_ for g in c.children if g.dep_ == "prep"}
            if c.dep_ in ("prep", "agent") and c.lower_ in MEANS_PREPS:
                words |= {p.lower_ for g in c.children if g.dep_ == "pobj"
                          for p in g.children if p.dep_ == "prep"}
    return words


def _phrasal_end(token: Token, sense: Sense) -> int:
    end = token.idx + len(token)
    for c in token.children:
        if c.lower_ in sense.words and c.i > token.i:
            end = max(end, c.idx + len(c))
    return end


def _noun_window(token: Token, sense: Sense) -> tuple[Token | None, int]:
    """For a multi-word noun cue ("air strike", "martial law") the head token and end."""
    if not sense.words:
        return token, token.idx + len(token)
    doc = token.doc
    window = doc[token.i : token.i + 1 + len(sense.words)]
    if len(window) <= len(sense.words):
        return None, 0
    wanted = [*sense.words]
    got = [t.lower_ for t in window[1:]]
    if got[:-1] != wanted[:-1] or not got[-1].startswith(wanted[-1]):
        return None, 0
    head = next((t for t in window if t.head.i < window.start or t.head.i >= window.end), window[-1])
    return head, window.end_char


def _modifiers_ok(head: Token, sense: Sense) -> bool:
    if not sense.modifiers:
        return True
    doc = head.doc
    near = [c.lower_ for c in head.children if c.dep_ in ("compound", "amod", "nmod")]
    near += [t.lower_ for t in doc[max(0, head.i - 2) : head.i]]
    # a hyphenated modifier is three tokens: "live-fire exercises", "air-defence drills"
    if head.i >= 3 and doc[head.i - 2].tag_ == "HYPH":
        near.append(f"{doc[head.i - 3].lower_}-{doc[head.i - 1].lower_}")
    return any(w in sense.modifiers for w in near)


def _arguments(cand: Candidate, ctx: ActorContext) -> None:
    if cand.kind == "verb":
        _verb_arguments(cand, ctx)
    else:
        _noun_arguments(cand, ctx)
    cand.mode = _modifier_mode(cand, ctx.cues) or cand.mode
    if cand.kind == "verb" and cand.type in ctx.cues.held_types and not cand.targets:
        cand.targets = _held(cand.token, ctx)
    states = {a.country for a in cand.sources if a.country}
    obj = direct_object(cand.token) if cand.kind == "verb" else None
    if (obj is not None and obj.lower_ in ctx.cues.exchanged_captives and len(states) > 1
            and all(a.country is None for a in cand.targets)):
        # "Russia and Ukraine each freed 95 prisoners of war": each frees the other's
        # captured fighters (not "freed the two journalists": anyone's)
        cand.targets = list(cand.sources)
    if (cand.kind == "verb" and cand.type in ctx.cues.crowd_types and not cand.sources
            and cand.sense.requires):
        # (only where the sentence confirms a protest: "shouting slogans", "placards")
        cand.sources = _crowd(cand.token)
    if any(a.country is None for a in cand.targets):
        # "expelled three diplomats from the Russian embassy", "the expulsion of advisers
        # at the Pakistani high commission": the mission's state is theirs (one target)
        own = {a.country for a in cand.sources if a.country}
        missions = [a for _, site in prep_objects(cand.token, frozenset({"at", "from"}))
                    for a in _mission_states(site, own, ctx) if a.country]
        if missions:
            spans = {(m.start, m.end) for m in missions}
            cand.targets = [replace(a, country=missions[0].country) if a.country is None else a
                            for a in cand.targets if (a.start, a.end) not in spans]
    cand.sources = _placed(cand.sources, cand.token, ctx)
    cand.targets = _placed(cand.targets, cand.token, ctx)


def _held(verb: Token, ctx: ActorContext) -> list[Actor]:
    """"detained three suspects", "two men were arrested": people an arrest holds, whom
    the actor dictionary does not code (`held_people`), are civilians of no named country
    (event_context places them where the arrest happens)."""
    obj = direct_object(verb)
    if obj is not None and obj.tag_ in ("JJ", "DT", "CD"):
        # "several of those held", "some of the detainees": the people are after "of"
        obj = next((g for _, g in prep_objects(obj, frozenset({"of"}))), obj)
    if obj is None:
        return []
    # "those held", "those arrested": a pronoun the participle says was held
    held_those = obj.lower_ == "those" and any(c.dep_ in ("acl", "relcl") for c in obj.children)
    if obj.lower_ not in ctx.cues.held_people and not held_those:
        return []
    return _civilians(obj)


def _crowd(verb: Token) -> list[Actor]:
    """"members of a right-wing Hindu group marched": marchers the actor dictionary does
    not code are civilians of no named country (placed where they march)."""
    subj = subject(verb)
    if subj is None or subj.pos_ not in ("NOUN", "PROPN") or is_passive(verb):
        return []
    return _civilians(subj)


def _civilians(noun: Token) -> list[Actor]:
    """People the dictionary does not code, as civilians of no country yet."""
    phrase = noun_phrase(noun)
    return [Actor(name=noun.lower_, text=phrase.text, start=phrase.start_char, end=phrase.end_char,
                  country=None, sector="CVL")]


def _placed(actors: list[Actor], token: Token, ctx: ActorContext) -> list[Actor]:
    """Actors without a country that say where they are ("revanchist forces in Armenia",
    "fighters from Chad") are of that place's country; local groups ("farmers",
    "residents") take the country of the place where the event happens ("protested in
    Warsaw"). Both marked inferred."""
    actors = [_own_place(a, token, ctx) for a in actors]
    if not any(a.country is None and a.sector in ctx.cues.local_sectors for a in actors):
        return actors
    heads = [token, token.head] if token.pos_ != "VERB" else [token]
    scene = [p for h in heads for _, p in prep_objects(h, ctx.cues.scene_preps)]
    country = next((pl.country for tok in scene for pl in ctx.places
                    if pl.country and pl.start <= tok.idx < pl.end), None)
    if country is None:
        return actors
    return [replace(a, country=country, inferred=True)
            if a.country is None and a.sector in ctx.cues.local_sectors else a for a in actors]

def _own_place(actor: Actor, cue: Token, ctx: ActorContext) -> Actor:
    if actor.country is not None or actor.sector in UNPLACEABLE or actor.name.lower() in ctx.cues.transnational:
        return actor
    span = cue.doc.char_span(actor.start, actor.end, alignment_mode="expand")
    if span is None or not cue.sent.start <= span.root.i < cue.sent.end:
        return actor  # taken from another sentence: its own sentence placed it
    preps = frozenset({"in", "from", "inside"})
    pobjs = [p for _, p in prep_objects(span.root, preps)]
    # the parser often hangs the object's "in X" on the verb ("accused 'revanchist
    # forces' in Armenia of ..."): a preposition right after the actor is the actor's
    after = span.end
    while after < len(cue.doc) and cue.doc[after].is_punct and cue.doc[after].text != ",":
        after += 1
    if after < len(cue.doc) and cue.doc[after].lower_ in preps and cue.doc[after].head.i == cue.i:
        pobjs += [g for g in cue.doc[after].children if g.dep_ == "pobj"]
    for pobj in pobjs:
        country = next((p.country for p in ctx.places if p.country and p.start <= pobj.idx < p.end), None)
        if country is not None:
            return replace(actor, country=country, inferred=True)
    return actor


def _modifier_mode(cand: Candidate, cues: CueLexicon) -> str | None:
    """A mode from a modifier word: "air strikes", "missiles struck", "spoke by phone"."""
    table = cues.modifier_modes.get(cand.type)
    if not table:
        return None
    token = cand.token
    near = [c for c in token.children if c.dep_ in ("compound", "amod", "nmod")]
    # instruments and doers name the weapon ("by phone", "with drones", "missiles struck"),
    # not targets ("threw rocks at cars")
    near += [g for c in token.children if c.dep_ in ("nsubj", "agent")
             or (c.dep_ == "prep" and c.lower_ in ("by", "with", "from", "via", "using"))
             for g in ([c] if c.dep_ == "nsubj" else c.children)]
    for word in near:
        for w in (word.lower_, *(c.lower_ for c in word.children if c.dep_ in ("compound", "amod"))):
            mode = table.get(w) or table.get(w.rstrip("s"))
            if mode:
                return mode
    return None


def _verb_arguments(cand: Candidate, ctx: ActorContext) -> None:
    verb = cand.token
    passive = is_passive(verb)
    subj = subject(verb)
    if subj is None and _verbless_protest(verb, cand, ctx):
        subj = verb.head  # "Thousands of teachers protested in Lagos" read as a noun phrase
    if subj is not None and subj.lower_ in GENERIC_PRONOUNS and not passive:
        cand.dropped = True  # "you meet people and you learn": no one in particular
        return
    if subj is not None and subj.tag_ == "PRP" and not actors_at(subj, ctx):
        # "The rebels said they would never surrender": an unresolved pronoun in reported
        # speech stands for the reporter
        speech = speech_verb(verb, ctx.cues)
        subj = subject(speech) if speech is not None else subj
    if passive and cand.type in ctx.cues.theme_object_types:
        # "troops were deployed to the border": the moved forces are the mover's own
        cand.sources = actors_at(agent(verb), ctx) or actors_at(subj, ctx)
    elif passive:
        cand.sources = actors_at(agent(verb), ctx)
        cand.targets = actors_at(subj, ctx)
    else:
        cand.sources = actors_at(subj, ctx)
        if cand.type not in ctx.cues.theme_object_types:
            cand.targets = _object_targets(verb, cand.sources, ctx,
                                           own_party=cand.type in ctx.cues.symmetric_types)
    own = {a.country for a in cand.sources if a.country}
    if cand.targets and all(a.country in own for a in cand.targets):
        # "Turkey refused to withdraw its troops from Syria": its own troops are not
        # the other party; a from/with/to object names it.
        cand.targets = _prep_targets(verb, ctx, cand.sources, extra=frozenset({"from"})) or cand.targets
    obj = direct_object(verb, active_only=True)
    if (cand.targets and obj is not None and all(a.country is None for a in cand.targets)
            and {obj.lower_, *of_words(obj)}
            & cand.sense.objects):
        # "sent a special envoy to Washington", "handed over dozens of gang members to
        # Ecuador": the uncoded envoy or suspects the sense lists are what is sent; a
        # foreign party they are sent to is the target
        cand.targets = [a for a in _prep_targets(verb, ctx, cand.sources, extra=frozenset({"to"}),
                                                 only_extra=True) if a.country] or cand.targets
    if cand.targets and obj is not None and all(a.country in own for a in cand.targets):
        # "reaffirmed Cairo's full support for Sudan's institutions": the object's own
        # for/to/with/against object names the other party
        cand.targets = _prep_targets(obj, ctx, cand.sources, extra=OBJECT_PREPS,
                                     only_extra=True) or cand.targets
    cand.direct = bool(cand.sources and cand.targets)
    if not cand.targets:
        # "called Maduro a dictator", "called him a liar": whom the predicate is about;
        # "criticised what he called China's campaign": the free relative's predicate
        named = [verb, *(c for c in verb.children if c.dep_ == "ccomp"
                         and any(o.dep_ == "dobj" and o.tag_ == "WP" for o in c.children))]
        cand.targets = [a for v in named for c in v.children if c.dep_ == "oprd"
                        for g in c.children
                        if g.dep_ in ("nmod", "poss", "compound") and g.pos_ in ("PROPN", "PRON")
                        for a in actors_at(g, ctx)]
    if not cand.targets:
        # "sent aid on Monday for flood victims": the beneficiary of aid and support
        for_ = ctx.cues.beneficiary_preps if cand.type in ctx.cues.beneficiary_types else frozenset()
        cand.targets = _prep_targets(verb, ctx, cand.sources, words=frozenset(cand.sense.words) | for_)
    if not cand.targets:
        # "mediated between Israel and Hamas": both sides of the pair
        cand.targets = [a for _, p in prep_objects(verb, ctx.cues.pair_preps) for a in actors_at(p, ctx)]
    _mutual(cand, ctx)
    if not cand.targets and cand.type == "SANCTION":
        # "declared the Mexican ambassador persona non grata", parsed as a clause whose
        # subject is the ambassador
        cand.targets = [a for a in _complement_subjects(verb, subj, ctx)
                        if a.country not in {s.country for s in cand.sources}]
    if not cand.targets and cand.type == "REQUEST":
        # "demanded that the government secure ...": the complement's subject
        # ("Movsisyan demanded that Pashinyan step down": one country's politics), but not
        # the demander's own side ("said its forces must hold")
        own = {a.entity_id for a in cand.sources if a.entity_id}
        cand.targets = [a for a in _complement_subjects(verb, subj, ctx)
                        if a.country is None or a.country not in {s.country for s in cand.sources}
                        or (a.entity_id and a.entity_id not in own and a.sector != "MIL")]
    if not cand.targets and cand.type == "THREATEN":
        # "vowed that Israel will receive its just punishment": another state that the
        # threat's complement names as who will suffer ("warned Algeria would draw the
        # consequences" is the threatener's own response)
        own = {s.country for s in cand.sources if s.country}
        cand.targets = [a for a in _complement_subjects(verb, subj, ctx)
                        if a.country and own and a.country not in own]
    if not cand.targets and cand.type in ("AGREE", "REJECT"):
        # "accepted offers of help from four countries", "rejected a proposal from Kyiv"
        cand.targets = _prep_targets(verb, ctx, cand.sources, extra=frozenset({"from"}),
                                     only_extra=True)
    if not cand.targets and _contact(verb.head, ctx.cues) and (
            verb.dep_ in ("xcomp", "advcl") or (verb.dep_ == "conj" and cand.type == "REQUEST")):
        # "telephoned the Serbian president to urge restraint", "spoke with his Omani
        # counterpart to ask for help", "spoke with Kagame and urged a ceasefire": the
        # purpose or the request is addressed to whom they contacted
        cand.targets = _object_targets(verb.head, cand.sources, ctx) or _prep_targets(
            verb.head, ctx, cand.sources)
    addressed = cand.type == "REQUEST" and direct_object(verb, active_only=True) is not None
    if not cand.targets and cand.type not in ctx.cues.symmetric_types and not addressed:
        # "vowed to retaliate against Pakistan", "threatened to strike at US bases": the
        # other party of a promise, threat or plan is named in its infinitive ("met to
        # discuss sanctions on X": a meeting's topic is no participant; "urged member
        # states to contribute troops" is addressed to the states, whoever they are)
        cand.targets = _complement_targets(verb, cand.sources, ctx)
    if not cand.targets and cand.type in ctx.cues.site_types:
        cand.targets = _site_targets(verb, cand.sources, ctx)
    if not cand.targets and cand.type in ctx.cues.scene_types:
        # "shelled three villages in Armenia's Syunik province": the attacked place
        cand.targets = _prep_targets(verb, ctx, cand.sources, extra=ctx.cues.scene_preps, only_extra=True)
        obj = direct_object(verb, active_only=True)
        if not cand.targets and obj is not None:
            # "dropped food parcels over northern Gaza": the place hangs on the object
            cand.targets = _prep_targets(obj, ctx, cand.sources, extra=ctx.cues.scene_preps,
                                         only_extra=True)


def _others(actors: list[Actor], own: AbstractSet[str | None]) -> list[Actor]:
    """The actors coded to a country other than the acting side's own."""
    return [a for a in actors if a.country and a.country not in own]


def _verbless_protest(verb: Token, cand: Candidate, ctx: ActorContext) -> bool:
    """The parser reads "Thousands of teachers protested in Lagos" as a noun phrase with a
    participle ("teachers [who were] protested"). Protest verbs take no object, so under
    a sentence root with no verb the participle is the crowd's own act."""
    return (cand.type in ctx.cues.site_types and verb.dep_ == "acl" and verb.head.dep_ == "ROOT"
            and verb.head.pos_ in ("NOUN", "PROPN") and direct_object(verb) is None)


def _mission_states(site: Token, own: AbstractSet[str | None], ctx: ActorContext) -> list[Actor]:
    """The state whose mission the noun is ("the Chinese consulate", "the embassy of
    Turkey"), unless it is one's own; nothing for a noun that is no mission."""
    if site.lower_ not in ctx.cues.sites:
        return []
    owners = [*(c for c in site.children if c.dep_ in ("amod", "compound", "poss", "nmod")),
              *(g for _, g in prep_objects(site, frozenset({"of"})))]
    return _others([a for c in owners for a in actors_at(c, ctx)], own)


def _site_targets(head: Token, sources: list[Actor], ctx: ActorContext) -> list[Actor]:
    """Whom a protest is aimed at when no object names it: the state whose mission it is
    held at ("rallied outside the Chinese consulate"), else a state its slogans or purpose
    name ("chanting slogans against Turkey", "denouncing France"); never the protesters'
    own country (their government is the default target, set from context)."""
    own = {a.country for a in sources if a.country}
    for _, site in prep_objects(head, ctx.cues.scene_preps | {"at", "near", "before", "toward", "towards"}):
        found = _mission_states(site, own, ctx)
        if found:
            return found
    clauses = [c for c in head.children if c.dep_ in ("advcl", "xcomp", "acl")]
    for clause in [*clauses, *(g for c in clauses for g in c.conjuncts)]:
        # "denouncing France", not "waving Russian flags"
        obj = direct_object(clause, active_only=True)
        obj = obj if obj is not None and obj.ent_type_ in ("GPE", "NORP", "ORG") else None
        named = [*([obj] if obj is not None else []),
                 *(p for t in clause.subtree for _, p in prep_objects(t, frozenset({"against"})))]
        found = _others([a for tok in named for a in actors_at(tok, ctx)], own)
        if found:
            return found
    return []


def _mutual(cand: Candidate, ctx: ActorContext) -> None:
    """"Russia and Ukraine swapped prisoners", "Israel and Hamas extended the truce": in a
    mutual act each side acts on the other (the record builder drops an actor paired with
    itself)."""
    cues = ctx.cues
    obj = direct_object(cand.token, active_only=True) if cand.kind == "verb" else None
    mutual = (cand.type in cues.reciprocal_types or cand.sense.lemma in cues.reciprocal_cues) and not (
        obj is not None and obj.lower_ in cues.one_sided_objects)
    states = {a.country for a in cand.sources if a.country}
    foes = [g.idx for t in (cand.token, cand.token.head)
            for _, g in prep_objects(t, frozenset({"against"}))]
    if (cand.type in cues.reciprocal_types and len(states) > 1 and cand.targets
            and all(a.country is None and any(a.start <= i < a.end for i in foes) for a in cand.targets)):
        # "Chadian and Nigerien troops launched a joint operation against the militants":
        # the partners act with each other; the common foe is no party to the cooperation
        cand.targets = []
    if not cand.targets and mutual and len(cand.sources) > 1 and cand.mode not in cues.go_between_modes:
        # (co-mediators are no parties: "brokered by the United States and France")
        cand.targets = list(cand.sources)
        cand.hub = len({(a.country, a.entity_id) for a in cand.sources}) > 2


def _complement_subjects(verb: Token, own: Token | None, ctx: ActorContext) -> list[Actor]:
    """Actors that are the subject of the verb's complement clause, other than its own."""
    found = []
    for c in verb.children:
        if c.dep_ in ("ccomp", "xcomp"):
            subj = subject(c)
            if subj is not None and (own is None or subj.i != own.i):
                found += actors_at(subj, ctx)
    return found


def _contact(verb: Token, cues: CueLexicon) -> bool:
    """A verb of contact: a meeting or call cue ("met", "spoke") or a listed contact verb."""
    return verb.lower_ in PURPOSE_VERBS or any(
        s.type in cues.symmetric_types for s in cues.verbs.get(verb.lower_, ()))


def _complement_targets(verb: Token, sources: list[Actor], ctx: ActorContext) -> list[Actor]:
    """Targets of the verb's infinitive complement, less the source's own side: its object
    or with/against/at/to/on object that codes to a country ("send tanks to Ukraine",
    "impose sanctions on Eritrea"), else a deeper complement, else an uncoded object."""
    own = {a.country for a in sources if a.country}
    on = frozenset({"on"})
    for comp in (c for c in verb.children if c.dep_ == "xcomp"):
        obj = direct_object(comp, active_only=True)
        groups = [_object_targets(comp, sources, ctx), _prep_targets(comp, ctx, sources, extra=on),
                  [a for _, p in prep_objects(obj, ctx.cues.target_preps) if obj is not None
                   for a in actors_at(p, ctx)] if obj is not None else []]
        for found in groups:
            coded = _others(found, own)
            if coded:
                return coded
        deeper = _complement_targets(comp, sources, ctx)
        if deeper or groups[0]:
            return deeper or groups[0]
    return []


def _object_targets(verb: Token, sources: list[Actor], ctx: ActorContext,
                    own_party: bool = False) -> list[Actor]:
    """Targets named by the direct object: the object itself, else its possessor
    ("attacked their positions"), never the actor's own ("withdrew its troops") except
    where the own people are the other party of a meeting (`own_party`: "met his national
    security advisers"); for a relative clause without object, the noun it modifies
    ("companies it accused")."""
    obj = direct_object(verb, active_only=True)
    if obj is None:
        if (verb.dep_ == "relcl" and subject(verb) is not None and subject(verb).i != verb.head.i  # type: ignore[union-attr]
                and not _relative_in_prep(verb)):
            return actors_at(verb.head, ctx)
        return []
    own = {a.country for a in sources if a.country} | {a.entity_id for a in sources if a.entity_id}
    # "handed Warsaw samples", "sent Kyiv tanks": the first object is the recipient
    recipient = [a for c in verb.children if c.dep_ == "dative" and c.pos_ in ("PROPN", "NOUN", "PRON")
                 for a in actors_at(c, ctx)]
    if recipient:
        return recipient
    if obj.lower_ in ctx.cues.act_objects:
        # "threatened military action against Denmark": the act's target; else a state
        # whose act it is ("condemned the Israeli operation"), not its kind ("military")
        aimed = [a for _, p in prep_objects(obj, ACT_PREPS)
                 for a in actors_at(p, ctx) if a.country not in own]
        return aimed or [a for a in actors_at(obj, ctx) if a.country] or [
            a for c in obj.children if c.dep_ == "poss" for a in actors_at(c, ctx)]
    found = actors_at(obj, ctx)
    if not found:
        found = [a for c in obj.children if c.dep_ == "poss" for a in actors_at(c, ctx)]
    if any(c.dep_ == "poss" and c.tag_ == "PRP$" for c in obj.children) and not (
            own_party and all(a.sector for a in found)):
        # "its troops", "his Turkish counterpart": keep only another party
        found = [a for a in found if a.country and a.country not in own and a.entity_id not in own]
    return found


# Prepositions of an object noun that name the other party: "support for X", "its
# commitment to X", "its cooperation with X", "its campaign against X".
OBJECT_PREPS = frozenset({"for", "to", "with", "against"})
# What an act is aimed at ("action against X", "strikes on X"), not what answers it
# ("a response to Chinese espionage").
ACT_PREPS = frozenset({"against", "on", "at"})


def _relative_in_prep(verb: Token) -> bool:
    """Whether the relative pronoun of the clause sits in a preposition ("the ad campaign
    on which he pledged to spend"): the modified noun is then no object of the verb."""
    return any(g.lower_ in RELATIVE for c in verb.children if c.dep_ == "prep" for g in c.children)


def _prep_targets(head: Token, ctx: ActorContext, sources: list[Actor],
                  extra: frozenset[str] = frozenset(), only_extra: bool = False,
                  words: frozenset[str] = frozenset()) -> list[Actor]:
    """Targets from "with/on/against/to X", then the first coded actor in the object."""
    # "on" and "of" after a verb are time, means or topic ("on Monday", "on flights"),
    # unless the cue is phrasal with them ("called on", "fired on")
    preps = extra if only_extra else (ctx.cues.target_preps - {"of", "on"}) | extra | words
    own = {a.country for a in sources if a.country}
    # "spoke by phone with X", "closed crossings on their borders with X"
    nested = [g for _, p in prep_objects(head, frozenset({"by", "via", "over", "on", "along"}))
              for g in prep_objects(p, preps)]
    # "spoke by phone with X and, separately, with Y": every object of the first
    # preposition that names an actor, in the order of the text
    first_word = None
    found: list[Actor] = []
    pairs = [*prep_objects(head, preps), *nested]
    # "warned of military action against X": an act's own against/on object
    pairs = [q for pair in pairs for q in (prep_objects(pair[1], ACT_PREPS) or [pair]
                                           if pair[1].lower_ in ctx.cues.act_objects else [pair])]
    for prep, pobj in sorted(pairs, key=lambda pair: pair[1].i):
        if first_word is not None and prep != first_word:
            continue
        named = [a for a in actors_at(pobj, ctx) if (not extra or a.country not in own)
                 and (a.country or pobj.lower_ not in ctx.cues.act_objects)]
        if named:
            first_word = prep
            found += [a for a in named if a not in found]
    if found:
        return found
    obj = direct_object(head, active_only=True)
    if obj is None or any(not s.words and _modifiers_ok(obj, s) for s in ctx.cues.nouns.get(obj.lower_, ())):
        return []  # nothing, or an event noun: its doer, not its victim, would be the target
    taken = {(a.country, a.entity_id) for a in sources}
    for tok in obj.subtree:
        if tok is obj or tok.pos_ not in ("PROPN", "NOUN", "PRON"):
            continue
        if tok.dep_ not in ("pobj", "poss", "compound", "amod", "nmod", "dobj"):
            continue
        if tok.dep_ == "pobj" and tok.head.lower_ in ctx.cues.scene_preps:
            continue  # "talks in Brussels": where, not with whom
        found = [a for a in actors_at(tok, ctx) if (a.country, a.entity_id) not in taken]
        if found and tok.dep_ in ("pobj", "dobj"):  # "commitment to defend the Philippines"
            return found
    return []


def _noun_arguments(cand: Candidate, ctx: ActorContext) -> None:
    noun, cues = _phrase_head(cand.token), ctx.cues
    sources: list[Actor] = []
    targets: list[Actor] = []
    # "anti-Japanese demonstrations", "anti-government protests": whom they oppose
    against = _against(noun)
    for i in sorted(against):
        targets += [a for a in actors_at(noun.doc[i], ctx) if a.name not in {t.name for t in targets}]
    for c in noun.lefts:
        if c.i in against:
            continue
        if c.dep_ in ("compound", "nmod") and ctx.scene_name(c):
            # "the Paris attacks", "the Geneva summit": a city names where, not who; the
            # attacked place is the target's
            targets += actors_at(c, ctx) if cand.type in cues.scene_types else []
            continue
        if c.dep_ == "poss" or (c.dep_ in ("amod", "compound", "nmod") and c.pos_ in ("ADJ", "PROPN")):
            # "Russia's invasion", "Russian shelling", "EU sanctions"; not "military drills"
            sources += [a for a in actors_at(c, ctx)
                        if c.dep_ == "poss" or (a.country if c.pos_ == "ADJ" else a.sector)]
    for _, obj in prep_objects(noun, cues.source_preps):
        sources += actors_at(obj, ctx)
    preps = cues.target_preps | (cues.beneficiary_preps if cand.type in cues.beneficiary_types else frozenset())
    for prep, obj in prep_objects(noun, preps):
        if prep == "of" and cand.type in cues.of_source_types:
            sources += actors_at(obj, ctx)  # "the withdrawal of Russian troops"
        else:
            targets += actors_at(obj, ctx)
    for _, obj in prep_objects(noun, cues.pair_preps):
        pair = [a for tok in coordinated(obj) for a in actors_at(tok, ctx)]
        sources, targets = sources or pair[:1], targets or pair[1:]
    if not targets and cand.type in cues.infinitive_target_types:
        # "its commitment to defend the Philippines", "the threat to invade Taiwan"
        targets = [a for c in noun.children if c.dep_ == "acl" and c.pos_ == "VERB"
                   and any(t.dep_ == "aux" and t.lower_ == "to" for t in c.children)
                   for a in actors_at(direct_object(c), ctx)]
    gov_sources, gov_targets = _governor_arguments(noun, ctx, cand.type in cues.on_target_types,
                                                   cand.type in cues.beneficiary_types)
    cand.sources = sources or gov_sources
    cand.targets = targets or gov_targets
    if not cand.targets and (cand.type in cues.scene_types or cand.mode in cues.scene_modes):
        # "a curfew in Gressier", "Russian strikes in Ukraine": the place's people
        cand.targets = _prep_targets(noun, ctx, cand.sources, extra=cues.scene_preps, only_extra=True)
    if cand.type in ctx.cues.symmetric_types and cand.targets and not cand.sources:
        # "Russia will not pause while negotiations with Kyiv are underway": talks with
        # one named side are held by the clause's subject
        cand.sources = [a for a in actors_at(_clause_subject(noun), ctx)
                        if a.country not in {t.country for t in cand.targets}]
    cand.direct = bool(sources and targets)
    _mutual(cand, ctx)


def _against(noun: Token) -> set[int]:
    """The modifiers of the noun that name what it opposes: "anti-Japanese", also as the
    tokens "anti", "-", "Japanese"."""
    doc, found = noun.doc, set()
    for c in noun.lefts:
        if c.lower_.startswith("anti-"):
            found.add(c.i)
        elif c.lower_ == "anti" and c.i + 2 < noun.i and doc[c.i + 1].text == "-":
            found |= {c.i, c.i + 1, c.i + 2}
    return found


def _phrase_head(noun: Token) -> Token:
    """The noun whose phrase carries a cue's arguments: the cue itself, or the noun it
    modifies as a compound ("an aid package for Ukraine", "aid convoys to Gaza")."""
    while noun.dep_ == "compound" and noun.head.pos_ in ("NOUN", "PROPN") and noun.head.i != noun.i:
        noun = noun.head
    return noun


def _clause_subject(token: Token) -> Token | None:
    """The subject of the nearest verb above the token that has one (through clauses)."""
    node = token
    for _ in range(8):
        if node.head.i == node.i:
            return None
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            subj = subject(node)
            if subj is not None and subj.i != token.i and token.i not in {t.i for t in subj.subtree}:
                return subj
    return None


def _governor_arguments(noun: Token, ctx: ActorContext, on_target: bool = False,
                        beneficiary: bool = False) -> tuple[list[Actor], list[Actor]]:
    """Actors supplied by the verb that governs a noun cue (light or undergo verbs);
    `on_target`: the verb's "on X" may be the target ("imposed sanctions on Friday on X");
    `beneficiary`: so may its "for X" ("announced $5m in aid on Monday for refugees")."""
    cues = ctx.cues
    on = (frozenset({"on"}) if on_target else frozenset()) | (
        cues.beneficiary_preps if beneficiary else frozenset())
    first = noun
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head  # "shelling and missile strikes": the first conjunct's relation
    prep = None
    verb = first.head
    if (first.dep_ == "pobj" and verb.lower_ == "in" and verb.head.dep_ == "dobj"
            and (verb.head.like_num or verb.head.tag_ in ("CD", "$") or verb.head.ent_type_ == "MONEY"
                 or any(c.dep_ == "nummod" for c in verb.head.children))):
        # "announced 5 million euros in emergency assistance": the sum stands for the aid
        first, verb = verb.head, verb.head.head
    elif (first.dep_ == "pobj" and verb.lower_ == "of" and verb.head.dep_ in ("dobj", "nsubjpass")
          and verb.head.pos_ == "NOUN" and verb.head.lower_ in cues.partitives):
        # "began three days of exercises", "held a round of talks": the partitive stands
        # for the act
        first, verb = verb.head, verb.head.head
    elif first.dep_ in ("pobj", "pcomp") and verb.dep_ in ("prep", "agent"):
        prep, verb = verb.lower_, verb.head
    word = verb.lower_
    if prep and (word, prep) in cues.light_verb_preps and verb.pos_ == "VERB":
        return actors_at(subject(verb), ctx), _prep_targets(verb, ctx, [])
    if word in cues.undergo_verbs and cues.undergo_verbs[word] == prep and (prep or first.dep_ == "dobj"):
        return [], actors_at(subject(verb), ctx)
    if word in cues.light_verbs and verb.pos_ == "VERB":
        if first.dep_ == "dobj":
            return actors_at(subject(verb), ctx), _prep_targets(verb, ctx, [], words=on)
        if first.dep_ in ("nsubjpass",):
            return actors_at(agent(verb), ctx), _prep_targets(verb, ctx, [])
    return [], []
