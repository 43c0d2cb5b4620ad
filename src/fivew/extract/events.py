"""Events: who did what to whom, coded to PLOVER, with the evidence for each record.

`find_events(doc, article)` runs after entities, places, dates and quotes. For each body
sentence it finds cue words (`event_candidates`), then applies these rules, in order:

 1. Negation. A negated cue keeps its type with `negated=True` ("did not agree" is AGREE,
    negated) unless its sense in event_cues.yaml says what it becomes when negated: "will
    not implement a pause", "will not surrender", "no question of any surrender" are
    REJECT (mode yield), asserted and not negated.
 2. Nesting. A cue inside another cue's phrase is
      * absorbed when it is the object that selected the outer verb's sense ("observe the
        ceasefire") or has the same type ("killed by shelling": one ASSAULT, whose mode
        the inner cue may fill);
      * the content of a demand, refusal, threat, promise or accusation (content_types)
        when it sits in that cue's complement: not an event of its own, but it sets the
        outer event's mode ("a demand to give up the city" is REQUEST, mode yield);
      * except that a demand, threat, accusation or promise that is the object of a
        refusal stays an event, and the two lend each other their actors ("officials
        rejected a Russian demand": REJECT officials -> Russia, REQUEST Russia -> officials).
 3. Modality: "demanded" (should/must/have to), "hedged" (may, likely, reportedly...),
    "planned" (will, plans to, to discuss...), else "reported" when a quote or a reporting
    verb carries the event (reported_by is then its speaker), else "asserted". PLOVER's
    future rule follows: a planned SUPPORT/COOPERATE/AID is AGREE (a planned CONSULT stays CONSULT), a planned
    RETREAT is CONCEDE. A demanded event inside someone's statement becomes that
    speaker's REQUEST to the would-be doer ("troops should lay down arms").
 4. Actors. Events without any coded actor are dropped. In a quote, a refusal or promise
    with no subject ("There can be no question of...") is the speaker's.
 5. Records. One record per (type, negated, source country, target country) in an
    article, the first mention kept as evidence (later mentions fill missing reason,
    casualties, mode).

Confidence is a simple additive score: 0.4, +0.2 when the source is coded to a country,
+0.15 when the target is, +0.15 for a verb with both actors as direct arguments, -0.1 when
hedged; clipped to [0.05, 0.95].

Offsets: `trigger`, `evidence` (the sentence), `reason` and the actors' spans are
`Article.text` offsets; the Doc shares them.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from fivew.extract import clauses
from fivew.extract.actor_data import load_dictionary
from fivew.extract.actors import lookup
from fivew.extract.event_actors import ActorContext, actor_speaker, actors_at, speaker_actor
from fivew.extract.event_anaphora import DEFINITE, resolve_anaphora
from fivew.extract.event_candidates import Candidate, find_candidates
from fivew.extract.event_collectives import resolve_collectives
from fivew.extract.event_context import infer_from_context
from fivew.extract.event_data import CueLexicon, Ontology, Sense, load_cues, load_ontology
from fivew.extract.event_merge import deduplicate
from fivew.extract.numbers import find_casualties
from fivew.records import Actor, Article, Event, Speaker
from fivew.records import Span as TextSpan

VERBAL_SELF = {"REJECT", "AGREE", "CONCEDE", "REQUEST"}
# Demands and threats answer to one refusal ("rejected the ultimatum").
PRESSURE = frozenset({"REQUEST", "THREATEN"})
# A protest by a state is the diplomatic kind (`_diplomatic`); names that stand for a state.
DIPLOMATIC_PROTEST = ("ACCUSE", "disapprove")
STATE_NAMES = {"country", "capital", "seat"}
# Acts that a state body reports of itself without naming the doer (`_modality`).
OWN_MOVES = {"MOBILIZE", "COERCE", "RETREAT"}
OWN_MOVERS = {"GOV", "MIL", "COP"}
MAX_ACTORS = 4  # per side: a list of twenty countries is not twenty-squared events


def find_events(doc: Doc, article: Article) -> list[Event]:
    """The PLOVER events of the article's body sentences, in text order, de-duplicated."""
    cues, ontology = load_cues(), load_ontology()
    ctx = ActorContext(article.entities, article.quotes, cues, article.places)
    events: list[Event] = []
    sents = [s for s in doc.sents if s.text.strip()]
    earlier: list[Candidate] = []
    for n, sent in enumerate(sents):
        for cand in _sentence_candidates(sent, ctx, earlier):
            cand.reason = cand.reason or _explained_next(cand, sents[n + 1 : n + 3], ctx)
            # One record per coordinated source and target ("Ukrainian and Western
            # officials accused Russia": two accusations).
            sources: list[Actor | None] = [*cand.sources[:MAX_ACTORS]]
            for source in sources or [None]:
                targets: list[Actor | None] = [t for t in cand.targets if not _same(t, source)]
                if cand.hub:
                    targets = [t for t in targets[:1] if source is not cand.sources[0]]
                    if not targets:
                        continue
                for target in targets[:MAX_ACTORS] or [None]:
                    events.append(_record(cand, sent, ontology, article, source, target))
    events = [e for e in infer_from_context(events, article, doc) if not _home_visit(e, article)]
    return deduplicate(events, doc, article)


def _sentence_candidates(sent: Span, ctx: ActorContext, earlier: list[Candidate]) -> list[Candidate]:
    cues = ctx.cues
    cands = _blamed(find_candidates(sent, ctx), ctx) + _attributed(sent, ctx)
    # "only if the West lifted restrictions": a condition is not an event; nor is a
    # question ("Will Russia attack again?") or a proposal ("has proposed banning imports")
    asked = _questions(sent)
    governors = frozenset(c.token.i for c in cands if c.type in cues.content_types)
    cands = [c for c in cands if not clauses.in_condition(c.token, cues) and c.token.i not in asked
             and not (clauses.unreal(c.token, cues, governors) and not _offer(c, cues))]
    for cand in cands:
        _negation(cand, cues)
        _diplomatic(cand)
    _refused_refusals(cands)
    for cand in cands:
        if cand.flipped and not cand.targets:
            cand.targets = _awaited(cand.token, ctx)
    resolve_anaphora(cands, earlier, cues)
    resolve_collectives(cands, earlier, load_dictionary().collectives)
    _nesting(cands, cues, earlier)
    for cand in cands:
        own = {None} | {a.country for a in cand.sources}
        if (not cand.dropped and all(a.country in own for a in cand.targets)
                and _denial(cand, cues)):
            # "denied sending troops": not its own (or uncoded) troops, whoever said it did
            cand.targets = _antecedent_sources("ACCUSE", cand.sources, earlier) or cand.targets
        elif not cand.dropped and cand.type == "THREATEN" and not cand.targets and any(
                t.lower_ in cues.answers for t in cand.token.subtree):
            cand.targets = _provoker(cand.sources, earlier, cues)
    kept = [c for c in cands if not c.dropped and not _unasserted(c, ctx)]
    for cand in kept:
        _modality(cand, ctx)
    # a pledge to no one in particular ("vowed to stay in the race") is no agreement
    kept = [c for c in kept if (c.sources or c.targets) and (c.targets or not c.sense.needs_target)]
    earlier.extend(kept)
    return kept


def _refused_refusals(cands: list[Candidate]) -> None:
    """"refused to rule out military force", "declined to rule out strikes": refusing a
    cue whose negation is another type (`negated` in its sense: not ruling out force is a
    threat) negates that cue, and the refusal is that act, not a REJECT of its own."""
    by_token = {c.token.i: c for c in cands}
    for cand in cands:
        if (cand.sense.negated_type in (None, "REJECT") or cand.negated or cand.flipped
                or cand.kind != "verb" or cand.token.dep_ != "xcomp"
                or cand.token.head.lower_ not in REFUSALS):
            continue
        outer = by_token.get(cand.token.head.i)
        if outer is not None:
            outer.dropped = True
        cand.flipped = True
        cand.content_type = cand.type
        cand.type, cand.mode = cand.sense.negated_type, cand.sense.negated_mode
        if outer is not None:
            cand.sources = cand.sources or outer.sources


REFUSALS = {"refuse", "refuses", "refused", "refusing", "decline", "declines", "declined",
            "declining"}


def _diplomatic(cand: Candidate) -> None:
    """A state's protest is a diplomatic one, an accusation: "Japan lodged a protest",
    "Tokyo protested the drills", "the foreign ministry protested"; the people of a state
    ("Iraqis protested") demonstrate, and diplomats walking out boycott."""
    if (cand.type == "PROTEST" and cand.sense.lemma == "protest" and cand.sources
            and all(map(_state_actor, cand.sources))):
        cand.type, cand.mode = DIPLOMATIC_PROTEST


def _state_actor(actor: Actor) -> bool:
    """A government body or official, or a state named as such (country or capital)."""
    if actor.sector is not None:
        return actor.sector == "GOV"
    entry = lookup(actor.text)
    return entry is not None and entry.kind in STATE_NAMES


def _home_visit(event: Event, article: Article) -> bool:
    """A consultation whose other party is a place in the visitor's own country is travel
    at home ("the senator visited Missouri", "the premier toured Bavaria"), not a meeting
    between actors. Checked after context inference, which may give the visitor a country."""
    src, tgt = event.source, event.target
    if event.type != "CONSULT" or src is None or tgt is None or not src.country:
        return False
    return tgt.country == src.country and any(p.start <= tgt.start < p.end for p in article.places)


HYPOTHETICAL_AUX = {"would", "could", "might", "'d"}
POSSIBLE_AUX = {"could", "might"}  # in reported speech "would" is a plan, these a guess
NARRATIVE = {"later", "eventually", "subsequently", "soon", "afterwards", "ultimately"}


def _unasserted(cand: Candidate, ctx: ActorContext) -> bool:
    """Whether the event is only imagined: "a deal would lift sanctions", "Russia could
    attack Moldova" (a conditional auxiliary in the article's own voice), "officials
    fear the junta might arrest them" (a possibility someone reports), or an imperative
    outside quotes ("Just ask him."). Kept: what a speaker says in their own words ("“We
    could attack at any moment”": a threat), reported plans ("said it would withdraw"),
    stances ("would not recognise") and narrative "would later"."""
    quote = ctx.quote_at(cand.start, cand.end)
    if cand.flipped or cand.kind != "verb" or (quote is not None and quote.kind != "indirect"):
        return False
    token = cand.token
    reported = quote is not None or clauses.speech_verb(token, ctx.cues) is not None
    if (not reported and token.tag_ == "VB" and token.dep_ == "ROOT" and clauses.subject(token) is None
            and not any(c.dep_ in ("aux", "auxpass") for c in token.children)):
        return True  # an imperative addressed to the reader
    chain = clauses.governing_chain(token, ctx.cues)
    if any(c.lower_ in NARRATIVE for t in chain for c in t.children):
        return False  # "the US would later send troops": a past told from before
    unreal = POSSIBLE_AUX if reported else HYPOTHETICAL_AUX
    return any(c.dep_ == "aux" and c.lower_ in unreal for t in chain for c in t.children)


def _questions(sent: Span) -> set[int]:
    """Token indices of the clauses the sentence asks about: the phrase of the word a
    question mark hangs on ("Will Russia attack again?", "“How can you negotiate with
    them?” she asked": the quoted question, not "she asked")."""
    return {t.i for q in sent if q.text == "?" for t in q.head.subtree}


def _offer(cand: Candidate, cues: CueLexicon) -> bool:
    """A proposal of talks is an offer ("proposed holding talks": AGREE), not nothing."""
    return cand.type in cues.offered_types and clauses.offered(cand.token, cues)


def _negation(cand: Candidate, cues: CueLexicon) -> None:
    if not clauses.is_negated(cand.token, cues):
        return
    # A refusal is a stance: "will not / would not / cannot withdraw", "no surrender".
    # "has not withdrawn" only reports that something did not happen (negated=True).
    if cand.sense.negated_type and (cand.kind != "verb" or clauses.volitional(cand.token, cues)):
        cand.flipped = True
        cand.content_type = cand.type
        cand.type = cand.sense.negated_type
        cand.mode = cand.sense.negated_mode
    else:
        cand.negated = True


def _awaited(verb: Token, ctx: ActorContext) -> list[Actor]:
    """"will not negotiate until Hamas provides a list": whom a refusal waits for, the
    subject of its until/unless clause."""
    for c in verb.children:
        if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ctx.cues.refusal_conditions
                                     for m in c.children):
            return actors_at(clauses.subject(c), ctx)
    return []


def _nesting(cands: list[Candidate], cues: CueLexicon, earlier: list[Candidate]) -> None:
    """Rule 2: absorb, merge or treat as content the cues inside other cues' phrases.
    `earlier`: the article's events so far, for anaphoric nouns ("denied the accusation")."""
    by_token = {c.token.i: c for c in cands}
    _appositive_refusals(cands, by_token, cues)
    # Deepest first, so a demand learns its content before the refusal of the demand.
    for inner in sorted(cands, key=lambda c: -_depth(c.token)):
        outer = _nearest_outer(inner, by_token)
        if outer is None or outer.dropped:
            continue
        obj = inner.token.i in {t.i for t in _object_tokens(outer.token)}
        refusal = obj and outer.type == "REJECT" and inner.type in cues.content_types and inner.kind == "noun"
        if refusal and outer.flipped and not _specific(inner.token):
            # "will not accept ultimatums", "would never bow to demands": a stance on
            # demands in general, not a report of one: the demand is no event
            inner.dropped = True
            outer.mode = outer.mode or _content_mode("REJECT", inner.content_type, cues)
        elif refusal:
            _link_refusal(outer, inner, cues, earlier)
        elif outer.kind == "verb" and outer.sense.objects and obj:
            _absorb(outer, inner)
        elif inner.kind == outer.kind == "noun" and inner.token.dep_ == "compound" and inner.token.head.i == outer.token.i:
            # "ceasefire violations", "ceasefire talks": the head noun names the event
            inner.dropped = True
        elif outer.type == inner.type:
            _absorb(outer, inner)
        elif inner.kind == "attributed":
            # "rejected the accusation, saying Kyrgyz forces had opened fire first": a
            # claim of blame in the speaker's own words is their accusation, not content
            continue
        elif (inner.type in cues.purpose_content.get(outer.type, ()) and inner.kind == "verb"
              and _purpose_of(inner.token, outer.token)):
            # "marched to denounce the agreement": the march is the protest, aimed at that
            inner.dropped = True
            outer.targets = outer.targets or inner.targets
        elif (outer.type in cues.content_types and outer.token.lower_ in cues.decision_words
              and inner.type in cues.content_retype.get(outer.type, {})
              and _promised(inner.token, outer.token, cues)):
            # "EU leaders agreed to ban Belarusian airlines": the ban, decided
            outer.dropped = True
            inner.sources = inner.sources or outer.sources
        elif outer.type in cues.content_types:
            inner.dropped = True
            outer.content_type = outer.content_type or inner.type
            # "vowed to strike Israel": a promise of force is a threat
            if _promised(inner.token, outer.token, cues):
                outer.type = cues.content_retype.get(outer.type, {}).get(inner.type, outer.type)
            outer.mode = outer.mode or _content_mode(outer.type, inner.type, cues)
            if _inside(outer.targets, inner.token) and _content_targets(outer, inner):
                # "demanded the release of the journalist": the journalist is the
                # release's patient; the demand is aimed at who would release them
                outer.targets = []
            outer.targets = outer.targets or _content_targets(outer, inner)
    for cand in cands:
        if cand.mode is None and cand.type in cues.content_modes and not cand.dropped:
            cand.mode = _content_mode(cand.type, cand.content_type, cues)


def _promised(act: Token, promise: Token, cues: CueLexicon) -> bool:
    """Whether `act` is what `promise` promises or decides ("vowed revenge", "agreed to
    ban", "voted to impose an arms embargo"), not an act named inside another event noun
    on the way ("agreed to set up an inquiry into the killings in a raid") or introduced
    by a preposition ("into the killing", "vowed to retaliate for the strikes")."""
    if act.dep_ == "pobj":
        return False
    node = act.head
    while node.i != promise.i and node.head.i != node.i:
        if node.pos_ == "NOUN" and (node.lower_ in cues.nouns or node.lower_ in cues.verbs):
            return False
        node = node.head
    return node.i == promise.i


def _appositive_refusals(cands: list[Candidate], by_token: dict[int, Candidate],
                         cues: CueLexicon) -> None:
    """"accused Eritrea of smuggling weapons, a charge that Eritrea dismissed": the
    appositive noun restates the sentence's own accusation (or demand), and the relative
    clause refuses it: the refusal is aimed at the accuser; the noun is no second event."""
    for refusal in cands:
        noun = refusal.token.head
        if refusal.type != "REJECT" or refusal.token.dep_ != "relcl" or noun.i not in by_token:
            continue
        restated = by_token[noun.i]
        if (restated.type not in cues.content_types or restated.sources
                or noun.dep_ not in ("appos", "npadvmod")):
            continue
        told = [c for c in cands if c.type == restated.type and c.token.i < noun.i and c.sources]
        if told:
            restated.dropped = True
            refusal.targets = refusal.targets or [
                a for a in told[-1].sources if a.country not in {s.country for s in refusal.sources}]


def _purpose_of(verb: Token, outer: Token) -> bool:
    """Whether `verb` is an infinitive or participle clause of `outer`, or coordinated with
    one ("rallied ..., waving flags and denouncing France")."""
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    return verb.dep_ in ("advcl", "xcomp") and verb.head.i == outer.i


def _inside(actors: list[Actor], noun: Token) -> bool:
    """Whether every actor's span lies inside the noun's phrase (Article.text offsets)."""
    start, end = noun.left_edge.idx, noun.right_edge.idx + len(noun.right_edge)
    return bool(actors) and noun.pos_ == "NOUN" and all(
        start <= a.start and a.end <= end for a in actors)


def _specific(noun: Token) -> bool:
    """A noun that names one particular thing: with an article, demonstrative, number or
    possessive ("a Russian demand", "their ultimatum"), or singular."""
    if noun.tag_ in ("NN", "NNP"):
        return True
    return any(c.dep_ in ("det", "poss", "nummod") and c.lower_ not in ("any", "no", "all")
               for c in noun.children)


def _content_targets(outer: Candidate, inner: Candidate) -> list[Actor]:
    """Whom a demand or accusation is aimed at: the would-be doer of its content
    ("demanded that Russia withdraw", "alleging that rebels attacked"); whom a refusal,
    promise or threat concerns: the content's target ("threatened to attack Kyiv")."""
    if outer.type in ("REJECT", "AGREE", "THREATEN"):
        return inner.targets
    own = {a.country for a in outer.sources if a.country}
    return [a for a in inner.sources if a.country not in own]


def _absorb(outer: Candidate, inner: Candidate) -> None:
    inner.dropped = True
    outer.mode = outer.mode or inner.mode
    outer.sources = outer.sources or inner.sources
    outer.targets = outer.targets or inner.targets
    country = next((a.country for a in inner.targets if a.country), None)
    if country and outer.targets and all(a.country is None for a in outer.targets):
        # "air strikes on Gaza killed twelve people": the people are in Gaza
        outer.targets = [replace(a, country=country) for a in outer.targets]


def _link_refusal(refusal: Candidate, demand: Candidate, cues: CueLexicon,
                  earlier: list[Candidate]) -> None:
    """"Officials rejected a Russian demand": each lends the other its actors. A demand
    whose maker the sentence does not name ("rejected calls to ...") is left to the
    refusal, which says all the sentence knows; if it is definite ("denied the
    accusation", "rejected that demand"), its maker is taken from the latest earlier
    event of its type aimed at the refuser."""
    refusal.mode = refusal.mode or _content_mode("REJECT", demand.content_type, cues)
    if not demand.sources:
        demand.dropped = True
        if any(c.dep_ == "det" and c.lower_ in DEFINITE for c in demand.token.children):
            demand.sources = _antecedent_sources(demand.type, refusal.sources, earlier)
    elif _told_earlier(demand, earlier):
        demand.dropped = True  # "rejected Mali's accusations" after "Mali accused Kyiv"
    refusal.targets = refusal.targets if refusal.targets != demand.sources else []
    refusal.targets = refusal.targets or demand.sources
    demand.targets = demand.targets or refusal.sources


def _told_earlier(demand: Candidate, earlier: list[Candidate]) -> bool:
    """Whether an earlier event of the demand's type has its maker's country: "Mali's
    accusations" name the accusation told before, not a new one."""
    family = PRESSURE if demand.type in PRESSURE else {demand.type}
    makers = {a.country for a in demand.sources if a.country}
    return bool(makers) and any(c.type in family and makers & {a.country for a in c.sources}
                                for c in earlier)


def _denial(cand: Candidate, cues: CueLexicon) -> bool:
    """"Hezbollah denied that its members were there", "Kyiv dismissed the claims": a
    refusal of what someone said about the refusers (`denials` in the cue lexicon)."""
    if cand.type != "REJECT" or cand.kind != "verb" or cand.token.dep_ == "relcl":
        return False  # "..., a charge the government denies": the sentence's own accuser
    obj = clauses.direct_object(cand.token, active_only=True)
    return cand.sense.lemma in cues.denial_verbs or (obj is not None and obj.lower_ in cues.denied_claims)


def _antecedent_sources(type_: str, refusers: list[Actor], earlier: list[Candidate]) -> list[Actor]:
    """The makers of the latest earlier event of the type aimed at the refusers (same
    entity or country); failing that, when the refusers' own words name no country ("Mena
    rejected the accusations"), of the latest such event not made by the refusers."""
    countries = {a.country for a in refusers if a.country}
    ids = {a.entity_id for a in refusers if a.entity_id}
    # an ultimatum is a demand backed by a threat: "rejected the ultimatum" answers either
    family = PRESSURE if type_ in PRESSURE else {type_}
    same = [c for c in earlier if c.type in family and c.sources]
    for cand in reversed(same):
        if any(a.country in countries or (a.entity_id and a.entity_id in ids)
               for a in cand.targets):
            return cand.sources
    if countries:
        return []
    return next((c.sources for c in reversed(same)
                 if not any(a.entity_id and a.entity_id in ids for a in c.sources)), [])


def _provoker(threateners: list[Actor], earlier: list[Candidate], cues: CueLexicon) -> list[Actor]:
    """"The PKK vowed to retaliate": a threat that names no one answers the makers of the
    latest earlier provocation (`provocations`: a strike, an arrest, a sanction) aimed at
    the threateners' country by someone else (a state's own forces, against rebels)."""
    own = {a.country for a in threateners if a.country}
    kinds = {(a.country, a.sector) for a in threateners}
    ids = {a.entity_id for a in threateners if a.entity_id}
    for cand in reversed(earlier):
        if (cand.type in cues.provocations and any(a.country in own for a in cand.targets)
                and cand.sources and not any((a.country, a.sector) in kinds or a.entity_id in ids
                                             for a in cand.sources)):
            foreign = [a for a in cand.sources if a.country not in own]
            return foreign or cand.sources  # of a clash, the other side
    return []


def _content_mode(outer_type: str, inner_type: str | None, cues: CueLexicon) -> str | None:
    table = cues.content_modes.get(outer_type, {})
    return table.get(inner_type or "default") or table.get("default")


def _nearest_outer(inner: Candidate, by_token: dict[int, Candidate]) -> Candidate | None:
    """The closest cue above `inner` in the parse whose phrase contains it, if any.

    Coordinated verbs are sibling events ("condemned and rejected"; "will not surrender
    or accept ultimatums"), except violent verbs, which tell one attack ("killing four
    and wounding nine").
    Adverbial clauses with a subject ("days after Moscow refused ..."), relative clauses
    and time phrases ("after two days of fighting") are circumstances, not content:
    climbing stops there.
    """
    node = inner.token
    for _ in range(12):
        head = node.head
        if head.i == node.i:
            return None
        if node.i == inner.token.i and clauses.misparsed_conjunct(node):
            return None  # "gave the envoy a day to leave and froze all trade": a sibling
        if node.i == inner.token.i and node.dep_ == "conj" and node.pos_ == "VERB" and head.i in by_token:
            outer = by_token[head.i]
            return outer if outer.type == inner.type == "ASSAULT" else None
        if (node.i != inner.token.i and node.dep_ == "conj" and node.pos_ in ("VERB", "AUX")
                and head.i in by_token):
            return None  # "would not tolerate X and held drills": a sibling of the cue
        if node.dep_ in ("advcl", "relcl", "parataxis", "npadvmod") and any(
                c.dep_ in ("nsubj", "nsubjpass", "mark") and c.lower_ != "to" for c in node.children):
            return None
        if node.dep_ == "prep" and node.lower_ in clauses.CIRCUMSTANCE_PREPS:
            return None  # "agreed to a ceasefire after two days of fighting": a circumstance
        if head.i in by_token:
            return by_token[head.i]
        node = head
    return None


def _object_tokens(token: Token) -> list[Token]:
    objs = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass", "attr")]
    for c in token.children:
        if c.dep_ in ("prep", "agent"):
            objs += [g for g in c.children if g.dep_ in ("pobj", "pcomp")]
    return [t for o in objs for t in clauses.coordinated(o)]


def _depth(token: Token) -> int:
    return sum(1 for _ in token.ancestors)


def _modality(cand: Candidate, ctx: ActorContext) -> None:
    cues = ctx.cues
    label = clauses.modality(cand.token, cues)
    if cand.flipped and label == "planned":
        label = None  # "will not withdraw" is a refusal now, not a plan
    speaker, speaker_as_actor = _reporter(cand, ctx)
    cand.reported_by = speaker
    if label == "demanded" and cand.type not in cues.content_types and clauses.imperative(cand.token):
        # "“Withdraw the bill,” she wrote": the parser lends the imperative the speaker (or
        # the chanting crowd) as its subject; they demand it of someone unnamed
        demander = speaker_as_actor or next(iter(cand.sources), None)
        if demander is not None:
            cand.sources = []
            _as_request(cand, demander, ctx)
    elif label == "demanded" and cand.type not in cues.content_types and speaker_as_actor is not None:
        _as_request(cand, speaker_as_actor, ctx)
    elif label is not None:
        cand.modality = label
    elif speaker is not None:
        cand.modality = "reported"
    if cand.modality == "planned" and cand.type in cues.future_types:
        cand.type = cues.future_types[cand.type]
        cand.mode = None
    elif (cand.modality == "planned" and cand.type in cues.conditional_types
          and clauses.conditioned(cand.token, cues)):
        # "would cut gas supplies if Chisinau did not pay": a punishment held out
        cand.content_type = cand.content_type or cand.type
        cand.type = cues.conditional_types[cand.type]
        cand.mode = None
    elif cand.type in cues.offered_types and clauses.offered(cand.token, cues):
        cand.type = cues.offered_types[cand.type]  # "is willing to negotiate": an offer
        cand.mode = None
    if not cand.sources and cand.type == "THREATEN" and speaker_as_actor is not None:
        # "Pyongyang warned that Seoul would pay a dear price": a threat that no one in the
        # statement is said to make is the speaker's
        cand.sources = [speaker_as_actor]
    quote = ctx.quote_at(cand.start, cand.end)
    if (not cand.sources and cand.type in OWN_MOVES and speaker_as_actor is not None
            and speaker_as_actor.sector in OWN_MOVERS and (quote is None or quote.kind == "indirect")):
        # "The military said reserve units had been deployed": a force's or government's
        # report of a deployment, arrest or release that names no one else is its own act
        cand.sources = [speaker_as_actor]
    if (not cand.sources and cand.type in VERBAL_SELF and quote is not None and quote.speaker
            and quote.kind != "indirect" and _impersonal(cand.token)):
        cand.sources = [speaker_actor(quote.speaker, ctx)]  # "There can be no question of..."
    cand.reason = clauses.reason(cand.token, cues)


def _explained_next(cand: Candidate, following: list[Span], ctx: ActorContext) -> tuple[int, int] | None:
    """A speaker's reason given in their next quoted sentence about the same thing.

    "X will not implement a pause, said S." + "“A pause ... is used by them to regroup,” S
    said." -> the reason is "A pause ... is used by them to regroup": one of the next two
    sentences, quoted from the same speaker, mentions the event's object noun and a reason
    clause (because/since/purpose infinitive) follows the mention.
    """
    speaker = cand.reported_by
    obj = clauses.direct_object(cand.token) if cand.kind == "verb" else cand.token
    if speaker is None or speaker.entity_id is None or obj is None:
        return None
    for sent in following:
        for token in sent:
            quote = ctx.quote_at(token.idx, token.idx + len(token))
            if quote is None or quote.speaker is None or quote.speaker.entity_id != speaker.entity_id:
                continue
            if token.lower_ != obj.lower_ or token.pos_ != "NOUN":
                continue
            # the first reason clause after the mention (parses of spoken asides such as
            # "You see, a pause ..." often attach the noun to the wrong verb)
            for verb in sent[token.i - sent.start :]:
                span = clauses.reason(verb, ctx.cues) if verb.pos_ == "VERB" else None
                if span is not None and span[0] > token.idx:
                    return token.left_edge.idx, span[1]
    return None


def _impersonal(token: Token) -> bool:
    """No one is said to do it: no subject, or an expletive one ("There can be no ...")."""
    if clauses.is_passive(token):
        return False
    subj = clauses.subject(_clause_verb(token))
    return subj is None or subj.dep_ == "expl" or subj.lower_ in ("there", "it")


def _as_request(cand: Candidate, speaker: Actor, ctx: ActorContext) -> None:
    """"X said troops should lay down arms": X demands that the troops do it."""
    cand.content_type = cand.type
    cand.type = "REQUEST"
    cand.mode = _content_mode("REQUEST", cand.content_type, ctx.cues)
    cand.targets = cand.sources
    cand.sources = [speaker]
    cand.modality = "demanded"
    cand.negated = False


def _reporter(cand: Candidate, ctx: ActorContext) -> tuple[Speaker | None, Actor | None]:
    """The speaker through whom the article knows the event (a quote that contains the
    trigger, else the subject of a reporting verb whose complement contains it), also
    as an actor for the events it is party to."""
    quote = ctx.quote_at(cand.start, cand.end)
    if quote is not None and quote.speaker is not None:
        return quote.speaker, speaker_actor(quote.speaker, ctx)
    verb = clauses.speech_verb(cand.token, ctx.cues)
    if verb is None:
        return None, None
    speakers = actors_at(clauses.subject(verb), ctx)
    return (actor_speaker(speakers[0], ctx), speakers[0]) if speakers else (None, None)


def _clause_verb(token: Token) -> Token:
    node = token
    for _ in range(4):
        if node.pos_ in ("VERB", "AUX") or node.head.i == node.i:
            return node
        node = node.head
    return token


def _attributed(sent: Span, ctx: ActorContext) -> list[Candidate]:
    """"X said Russia was lying": an accusation by X against Russia (attributed cues)."""
    found = []
    for token in sent:
        senses = [s for s in ctx.cues.attributed.get(token.lower_, ()) if _attributed_fits(token, s)]
        verb = clauses.speech_verb(token, ctx.cues) if senses else None
        if not senses or verb is None:
            continue
        sources = actors_at(clauses.subject(verb), ctx)
        targets = actors_at(clauses.subject(token), ctx)
        if sources and targets:
            sense = senses[0]
            found.append(Candidate(token, token.idx + len(token), token.idx, sense, "attributed",
                                   sense.type, sense.mode, sources, targets, direct=True))
    return found


def _blamed(cands: list[Candidate], ctx: ActorContext) -> list[Candidate]:
    """"Baku said Armenian units attacked first": who struck first is the speaker's claim of
    blame, an accusation against the attackers (`blame_adverbs`), not an attack."""
    found = []
    for cand in cands:
        verb = None
        if (cand.type == "ASSAULT" and cand.kind == "verb" and cand.sources
                and any(c.dep_ == "advmod" and c.lower_ in ctx.cues.blame_adverbs
                        for c in cand.token.children)):
            verb = clauses.speech_verb(cand.token, ctx.cues)
        speakers = actors_at(clauses.subject(verb), ctx) if verb is not None else []
        speakers = [a for a in speakers if not any(_same(a, b) for b in cand.sources)]
        if not speakers:
            found.append(cand)
            continue
        sense = replace(cand.sense, type="ACCUSE", mode="allege", negated_type=None)
        found.append(Candidate(cand.token, cand.end, cand.start, sense, "attributed", "ACCUSE",
                               "allege", speakers, cand.sources, direct=True))
    return found


def _attributed_fits(token: Token, sense: Sense) -> bool:
    """A phrasal attributed cue needs its preposition ("was behind"), and one with
    `objects` needs one of them as that preposition's object ("behind the attack")."""
    if not sense.words:
        return True
    objs = {g.lower_ for _, g in clauses.prep_objects(token, frozenset(sense.words))}
    if not objs:
        return False
    return not sense.objects or bool(objs & sense.objects)


def _record(cand: Candidate, sent: Span, ontology: Ontology, article: Article,
            source: Actor | None, target: Actor | None) -> Event:
    event_type = ontology.types[cand.type]
    mode = cand.mode if cand.mode in event_type.modes else None
    casualties = find_casualties(_casualty_scope(cand.token)) if cand.type == "ASSAULT" else None
    text = article.text
    start, end = _trim(text, sent.start_char, sent.end_char)
    return Event(
        type=cand.type,
        mode=mode,
        context=cand.sense.context,
        cameo=event_type.cameo_for(mode),
        trigger=TextSpan(cand.start, cand.end, text[cand.start : cand.end]),
        evidence=TextSpan(start, end, text[start:end]),
        source=source,
        target=target,
        negated=cand.negated,
        modality=cand.modality,  # type: ignore[arg-type]
        reported_by=cand.reported_by,
        reason=TextSpan(cand.reason[0], cand.reason[1], text[cand.reason[0] : cand.reason[1]])
        if cand.reason else None,
        fatalities=casualties.killed if casualties else None,
        injuries=casualties.injured if casualties else None,
        confidence=_confidence(cand, source, target),
    )


def _same(a: Actor, b: Actor | None) -> bool:
    if b is None:
        return False
    if a.entity_id and a.entity_id == b.entity_id:
        return True
    # the members of "the two countries" share the phrase's span, not their country
    return (a.start, a.end, a.country) == (b.start, b.end, b.country)


def _casualty_scope(token: Token) -> Span:
    verb = _clause_verb(token)
    return token.doc[verb.left_edge.i : verb.right_edge.i + 1]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _confidence(cand: Candidate, source: Actor | None, target: Actor | None) -> float:
    score = 0.4
    score += 0.2 if source is not None and source.country else 0.0
    score += 0.15 if target is not None and target.country else 0.0
    score += 0.15 if cand.direct else 0.0
    score -= 0.1 if cand.modality == "hedged" else 0.0
    return round(min(0.95, max(0.05, score)), 2)
