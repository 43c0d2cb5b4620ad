"""Clause structure on the dependency parse: who is the subject, the object, the agent of a
verb; is it negated; is it hedged, planned or demanded; who reports it; why did it happen.

Everything here works on spaCy tokens of the one parsed Doc of an article, so character
offsets (`token.idx`, `Span.start_char`) are offsets into `Article.text`. The word lists
come from `event_cues.yaml` through `CueLexicon`; nothing here knows an event type.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from fivew.extract.event_data import CueLexicon

SUBJECTS = {"nsubj", "csubj", "expl"}
PASSIVE_SUBJECTS = {"nsubjpass", "csubjpass"}
RELATIVE = {"which", "who", "that", "whom", "whose"}
# Verbs of contact whose infinitive after the object is the subject's purpose, not the
# object's task: "telephoned Vucic to urge restraint" (the caller urges). Forms, not
# lemmas: the pipeline runs without a lemmatizer.
PURPOSE_VERBS = {f"{stem}{end}" for stem in ("telephone", "phone", "visit", "host", "summon",
                                             "receive", "meet", "contact", "ring")
                 for end in ("", "s", "d", "ed", "ing")} | {"met", "rang", "meeting"}
# Verb forms that can head a main clause (and "called", which the tagger often reads as VBN)
FINITE = {"VBD", "VBZ", "VBP", "VBN"}
# Prepositions whose phrase is an event's circumstance, never the content of a demand,
# promise or threat ("agreed to a ceasefire after two days of fighting").
CIRCUMSTANCE_PREPS = {"after", "before", "since", "during", "amid", "following", "despite", "until"}
# Before a gerund, these (and the circumstance prepositions) leave its doer the clause's
# subject, not its object ("fired a barrage after issuing an ultimatum", "dispersed the crowd
# by firing tear gas"; but "accused Russia of using").
SUBJECT_PREPS = CIRCUMSTANCE_PREPS | {"while", "upon", "without", "by"}
# Dependencies through which a verb without its own subject takes its head's subject
# (control, coordination, adverbial clauses, gerunds after prepositions, "willing to").
INHERIT = {"xcomp", "conj", "advcl", "pcomp", "acomp", "prep", "relcl", "acl"}
NP_MODIFIERS = {"det", "amod", "compound", "poss", "nmod", "nummod", "case", "quantmod", "advmod"}
NP_PREPS = {"of", "in", "from"}
# Past forms of verbs of state: a complement that only says how things are ("said the
# waters belonged to it and urged Tokyo to ...") is not who acts next.
STATIVE = {"belonged", "remained", "lay", "existed", "seemed", "appeared", "amounted",
           "constituted", "represented", "lacked", "deserved", "mattered"}
# Nouns whose infinitive complement is done by their verb's subject ("an attempt to").
CONTROL_NOUNS = {"attempt", "attempts", "effort", "efforts", "bid", "plan", "plans", "decision",
                 "move", "push", "drive", "campaign", "intention", "readiness", "willingness",
                 # texts whose participle says what their adopter does: "adopted a
                 # resolution condemning X", "issued a statement calling on Y"
                 "resolution", "resolutions", "statement", "statements", "motion", "declaration",
                 "communique", "communiqué", "letter", "decree", "message", "messages", "note",
                 "speech", "address", "post", "tweet", "video"}


def resolve_relative(token: Token) -> Token:
    """A relative pronoun ("which", "who") stands for the noun its clause modifies."""
    if token.lower_ in RELATIVE and token.head.dep_ in ("relcl", "acl", "ccomp") and token.head.head.i != token.head.i:
        return token.head.head
    return token


def is_passive(verb: Token) -> bool:
    if any(c.dep_ in ("auxpass",) or c.dep_ in PASSIVE_SUBJECTS for c in verb.children):
        return True
    if verb.tag_ == "VBN" and verb.dep_ == "conj" and verb.head.i != verb.i and not any(
            c.dep_ in ("aux", "auxpass") for c in verb.children) and is_passive(verb.head):
        return True  # "97 people had been detained and 43 officers injured": gapped "been"
    # "subjected to shelling", "killed by shelling" as a reduced relative/participle
    return verb.tag_ == "VBN" and any(c.dep_ == "agent" for c in verb.children)


def subject(verb: Token) -> Token | None:
    """The grammatical subject of `verb`, taken from governing clauses when it has none.

    Object control: a gerund or infinitive under a verb with a direct object takes that
    object as its subject ("accused Russia of using", "urged Kyiv to accept").
    """
    v = verb
    uncontrolled = False  # climbing from a misparsed conjunct: its infinitive's object is no subject
    for _ in range(6):
        subjects = [c for c in v.children if c.dep_ in SUBJECTS or c.dep_ in PASSIVE_SUBJECTS]
        if subjects:
            # two subjects are a misparse ("NAIROBI, Kenya (AP) — Police fired"): the one
            # nearest before the verb
            before = [c for c in subjects if c.i < v.i]
            return resolve_relative(before[-1] if before else subjects[0])
        if v.dep_ not in INHERIT or v.head.i == v.i:
            return None
        head = v.head
        interrupted = _interrupted_subject(v) or _stranded_subject(v) or _verbless_subject(v)
        if interrupted is not None:
            return interrupted
        first = head
        while first.dep_ == "conj" and first.head.i != first.i:
            first = first.head  # "said four were killed and 11 wounded ... and accused"
        if v.dep_ == "conj" and _reporter_conjunct(v, first):
            v = first.head  # "X said that Russia was using hunger ... and called on the UN"
            continue
        if misparsed_conjunct(v):
            # "urged Kosovo to reverse the move and called on Serbia": the EU calls, and
            # the subject is the infinitive's own, not its object's (Kosovo's)
            v, uncontrolled = head, True
            continue
        if head.dep_ == "prep" and v.dep_ == "pcomp":
            # "of using": the verb governing the preposition; after a preposition of time
            # the gerund is the subject's ("fired rockets after issuing an ultimatum")
            uncontrolled = uncontrolled or head.lower_ in SUBJECT_PREPS
            head = head.head
        obj = direct_object(head, active_only=True)
        if v.dep_ in ("xcomp", "pcomp") and obj is not None and obj.i != v.i \
                and head.lower_ not in PURPOSE_VERBS and not uncontrolled:
            return obj
        uncontrolled = False
        if v.dep_ == "relcl":
            return head
        if v.dep_ == "acl" and head.pos_ in ("NOUN", "PROPN", "PRON"):
            # "Moscow made an attempt to encircle Kyiv": a control noun passes on its
            # verb's subject; "a demand to give up": the noun's own arguments decide.
            owner = next((c for c in head.children if c.dep_ == "poss"), None)
            if head.lower_ in CONTROL_NOUNS and owner is not None:
                return owner  # "Tokyo's move to strip South Korea of its status": Tokyo
            if head.lower_ not in CONTROL_NOUNS or head.dep_ not in ("dobj", "pobj"):
                return None
            head = head.head if head.dep_ == "dobj" else head.head.head
        v = head
    return None


def misparsed_conjunct(verb: Token) -> bool:
    """"gave the envoy 24 hours to leave and froze all trade": the parser hangs a finite
    verb (VBD, VBZ) on the infinitive before it, but a finite verb is no conjunct of an
    infinitive; it is the main clause's next verb."""
    head = verb.head
    return (verb.dep_ == "conj" and verb.tag_ in ("VBD", "VBZ") and head.tag_ == "VB"
            and head.head.i != head.i
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in head.children))


def _verbless_subject(verb: Token) -> Token | None:
    """"Armed groups loyal to rival commanders fought in Tripoli": the parser reads the
    sentence as one noun phrase and hangs the verb on the nearest noun, yet tags it as a
    finite past (VBD, not a participle). The sentence's root noun is then its subject."""
    if verb.dep_ != "acl" or verb.tag_ != "VBD":
        return None
    root = verb.sent.root  # (Token.sent walks the sentence: checked last)
    return root if root.pos_ in ("NOUN", "PROPN") and root.i < verb.i else None


def _stranded_subject(verb: Token) -> Token | None:
    """"youths threw stones at police vehicles and police fired tear gas": the parser joins
    the second clause's subject to the first clause's object ("vehicles and police") and
    the verb to the first verb. A finite conjunct verb right after such a conjoined noun
    has that noun as its own subject."""
    if verb.dep_ != "conj" or verb.tag_ not in FINITE or verb.i == 0:
        return None
    before = verb.doc[verb.i - 1]
    if (before.pos_ in ("NOUN", "PROPN") and before.dep_ == "conj"
            and before.head.dep_ in ("pobj", "dobj") and verb.head.i < before.head.i):
        return before
    return None


def _interrupted_subject(verb: Token) -> Token | None:
    """"China, which has close ties with both countries, called on Iran ...", "Its closest
    partners, Japan and Australia, called on China": the parser hangs a finite verb that
    follows a comma-enclosed relative clause or apposition on a noun inside or before it
    (acl) instead of making the antecedent its subject. The subject is the noun the clause
    or apposition belongs to, when a comma stands just before the verb."""
    if verb.dep_ not in ("acl", "relcl") or verb.tag_ not in FINITE or verb.i == 0:
        return None
    if verb.doc[verb.i - 1].text != "," or any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return None  # (a participle with "is" / "was" is a clause of its own)
    node = verb.head
    for _ in range(8):
        for clause in (node, *node.children):
            # (the clause may hold the verb: the parser hung it on a noun inside)
            if clause.head.i < clause.i < verb.i and (
                    (clause.dep_ == "relcl" and any(c.lower_ in RELATIVE for c in clause.children
                                                    if c.i < clause.i))
                    or (clause.dep_ == "appos" and clause.right_edge.i < verb.i)):
                return clause.head
        if node.head.i == node.i:
            return None
        node = node.head
    return None


def _reporter_conjunct(verb: Token, first: Token) -> bool:
    """Whether a conjoined verb without subject continues the reporting clause rather than
    its complement: "Kuleba said that Russia was using hunger as a weapon and called on
    the UN" (the parse joins "called" to "using"). The sign is a tense break: the conjunct
    is a simple past like the reporting verb, the complement's verb is not (it has an
    auxiliary, or another form, or is a copula: "said the reforms were necessary and
    praised the government"), or a verb of state ("said the waters belonged to it and
    urged Tokyo")."""
    reporter = first.head
    if first.dep_ != "ccomp" or reporter.i == first.i or verb.tag_ != "VBD" or reporter.tag_ != "VBD":
        return False
    if first.lower_ in STATIVE:
        return True  # "Taiwan said the waters belonged to it and urged Tokyo ...": a state
    # a copula is no action either: "said the measures were necessary and praised ..."
    return first.tag_ != "VBD" or first.pos_ == "AUX" or any(
        c.dep_ in ("aux", "auxpass") for c in first.children)


def direct_object(verb: Token, active_only: bool = False) -> Token | None:
    """The verb's object: the theme before a dative recipient ("handed Warsaw samples" ->
    samples), else the recipient ("told him"), else, unless `active_only`, the passive
    subject."""
    objs = [c for c in verb.children if c.dep_ in ("dobj", "obj", "dative")]
    for c in sorted(objs, key=lambda c: c.dep_ == "dative"):
        return c
    if not active_only:
        for c in verb.children:
            if c.dep_ in PASSIVE_SUBJECTS:
                return resolve_relative(c)
    return None


def agent(verb: Token) -> Token | None:
    """The by-phrase of a passive: "were killed by shelling" -> shelling."""
    for c in verb.children:
        if c.dep_ == "agent":
            for g in c.children:
                if g.dep_ in ("pobj", "pcomp"):
                    return g
    return None


def prep_objects(head: Token, preps: frozenset[str]) -> Iterator[tuple[str, Token]]:
    """(preposition, object) for each prepositional dependent of `head` in `preps`."""
    for c in head.children:
        if c.dep_ in ("prep", "agent", "dative") and c.lower_ in preps:
            for g in c.children:
                if g.dep_ in ("pobj", "pcomp"):
                    yield c.lower_, g


def of_words(head: Token) -> set[str]:
    """The words of `head`'s of-objects: "a round of talks" -> {"talks"}."""
    return {g.lower_ for _, g in prep_objects(head, frozenset({"of"}))}


def coordinated(token: Token) -> list[Token]:
    """The token and the tokens coordinated with it ("Russia and Ukraine"), also across an
    apposition the parser took them for ("France, the former colonial power, and the
    United States": "States" is conjoined to "power")."""
    across = [g for c in token.children if c.dep_ == "appos" and c.pos_ == "NOUN"
              for g in c.conjuncts if g.pos_ == "PROPN" and g.i > c.i]
    if _stranded(token):
        return [token]  # "summoned Ukraine's ambassador and Slovakia threatened ...": a subject
    return [token, *(t for t in token.conjuncts if not _stranded(t)), *across]


def _stranded(noun: Token) -> bool:
    """Whether the parser joined this noun to an object while it is the subject of the
    next clause (`_stranded_subject`)."""
    doc = noun.doc
    return noun.i + 1 < len(doc) and _stranded_subject(doc[noun.i + 1]) == noun


def noun_phrase(token: Token) -> Span:
    """The noun phrase headed by `token`: left modifiers and "of/in/from" complements.

    Relative clauses, appositions and coordinated nouns are left out, so "Ukraine and
    Russia" yields two phrases and "the city, which ..." stays "the city".
    """
    doc = token.doc
    left = token.i
    for c in token.lefts:
        if c.dep_ in NP_MODIFIERS or c.dep_ == "punct" and c.text in "-–":
            left = min(left, c.left_edge.i)
    for i in range(left, token.i):
        if doc[i].text in ("-", "–", "—") and i > 0 and doc[i - 1].whitespace_ and doc[i].whitespace_:
            left = i + 1  # "QUITO, July 22 - Ecuador's government": a dateline's dash
    right = token.i
    for c in token.rights:
        if c.dep_ == "prep" and c.lower_ in NP_PREPS:
            for g in c.children:
                if g.dep_ == "pobj":
                    right = max(right, noun_phrase(g).end - 1)
        elif c.dep_ in ("compound", "flat", "case") or c.dep_ == "punct" and c.text in "-–":
            right = max(right, c.i)
    return doc[left : right + 1]


def is_negated(token: Token, cues: CueLexicon) -> bool:
    """Whether the event at `token` is said not to happen.

    A "not/never/no" dependent negates; a coordinated verb without its own auxiliary
    shares its first conjunct's ("will not surrender or accept"); a governor such as
    "fail to", "prevent ... from" or a negated "question of" negates what it governs, and
    a negated plan verb its infinitive ("are not going to extend"), and so does a negated
    plan word ("is not ready to endorse").
    """
    if _has_negator(token, cues) or _clause_nor(token):
        return True
    if (token.dep_ == "conj" and token.head.dep_ not in ("relcl", "acl")
            and not any(c.dep_ in ("aux", "nsubj", "nsubjpass") for c in token.children)
            and not own_tense(token)):
        # (not from a relative clause the parser joined it to: "X, who is not related
        # to the president, called on ... and urged ...")
        if _has_negator(token.head, cues):
            return True
    node = token
    for _ in range(4):
        head = node.head
        if node.dep_ == "xcomp" and head.lower_ in cues.plans and _has_negator(head, cues):
            return True  # "are not going to extend", "does not plan to attend"
        if node.dep_ == "xcomp" and head.lower_ in HAVE_BE and any(
                c.lower_ == "yet" and c.dep_ == "advmod" for c in head.children):
            return True  # "has yet to apologise", "is yet to respond": not so far
        if head.i == node.i or head.dep_ in ("ccomp",) and head.head.lower_ in cues.speech_verbs:
            break
        if node.dep_ not in ("conj", "nsubj", "nsubjpass", "advcl") and (
                head.lower_ in cues.negation_governors or _stem(head.lower_) in cues.negation_governors):
            # "prevent X from coming under assault", "no question of surrender"; a
            # coordinated verb is a sibling, not governed: "questioned X and refused Y";
            # nor is the governor's subject: "a drone strike halted deliveries", nor a
            # participle beside it: "questioned the deal, accusing the government of ..."
            if head.pos_ in ("VERB", "ADP") or _has_negator(head, cues):
                return True  # (an ADP governor: "without asking anyone", "without a deal")
        if head.lower_ in cues.plans and node.dep_ == "xcomp" and (
                _has_negator(head, cues) or head.dep_ == "acomp" and _has_negator(head.head, cues)):
            return True  # "is not ready to endorse", "not willing to negotiate"
        if head.pos_ == "VERB" and node.dep_ not in ("xcomp", "pcomp", "prep", "pobj", "dobj", "conj"):
            break
        node = head
    return False


def _has_negator(token: Token, cues: CueLexicon) -> bool:
    return any(
        c.dep_ == "neg" or (c.lower_ in cues.negation_words and c.dep_ in ("det", "advmod", "preconj"))
        for c in token.children
    )


HAVE_BE = {"have", "has", "had", "having", "is", "are", "was", "were", "be", "been"}


def _clause_nor(verb: Token) -> bool:
    """A clause opened by "nor" is negated: "Nor will the party accept the offer"."""
    return any(c.dep_ == "cc" and c.lower_ == "nor" and c.i < verb.i and c.i == c.sent.start
               for c in verb.children)


def unreal(token: Token, cues: CueLexicon, skip: frozenset[int] = frozenset()) -> bool:
    """Whether the cue is only proposed, wished, favoured or opposed: it is the verbal
    complement of an `unreal_governors` verb ("has proposed banning imports", "support
    deploying troops", "called to ban") or noun ("his proposal to ban imports").
    Governors in `skip` (cues that take the complement as their content) do not count."""
    node = token
    for _ in range(3):
        head = node.head
        if head.i == node.i or node.dep_ not in ("xcomp", "ccomp", "pcomp", "conj", "acl", "pobj"):
            return False
        if node.dep_ == "pobj" and head.lower_ == "of":
            # "the possibility of another attack", "the risk of a wider war"
            return head.head.pos_ == "NOUN" and head.head.lower_ in cues.unreal_governors
        kind_ok = head.pos_ == "VERB" if node.dep_ != "acl" else head.pos_ == "NOUN"
        if (node.dep_ != "conj" and head.i not in skip and kind_ok
                and head.lower_ in cues.unreal_governors):
            return True
        node = head
    return False


def _stem(word: str) -> str:
    for suffix in ("ing", "ed", "s"):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            stem = word[: -len(suffix)]
            return stem[:-1] if len(stem) > 3 and stem[-1] == stem[-2] else stem
    return word


def governing_chain(token: Token, cues: CueLexicon, steps: int = 4) -> list[Token]:
    """The token and the verbs and adjectives that govern it within its own statement.

    Climbing stops at a speech verb (what a speaker says is not governed by "said") and at
    a clause with its own subject that is only adverbial ("while talks are underway").
    """
    chain = [token]
    node = token
    for _ in range(steps):
        head = node.head
        if head.i == node.i or head.lower_ in cues.speech_verbs:
            break
        if node.dep_ not in ("xcomp", "conj", "pcomp", "prep", "pobj", "dobj", "acl", "advcl", "acomp", "ccomp"):
            break
        if node.dep_ in ("advcl", "ccomp") and any(c.dep_ in SUBJECTS for c in node.children):
            break
        if node.dep_ == "conj" and own_tense(node):
            break  # "would stay ... and had already evacuated": a conjunct with its own tense
        chain.append(head)
        node = head
    return chain


TENSED = {"VBD", "VBZ", "VBP"}  # finite forms (FINITE also admits a participle)


def own_tense(conj: Token) -> bool:
    """Whether a coordinated verb has a tense of its own, not its first conjunct's: an
    auxiliary ("would stay ... and had evacuated") or a finite form after a bare one
    ("would not shoot them down ... and asked residents")."""
    return (any(c.dep_ in ("aux", "auxpass") for c in conj.children)
            or (conj.tag_ in TENSED and conj.head.tag_ not in TENSED))


def modality(token: Token, cues: CueLexicon) -> str | None:
    """'demanded', 'hedged' or 'planned' from auxiliaries, adverbs and governing verbs;
    an imperative ("“Withdraw the bill,” she wrote") is demanded."""
    if imperative(token):
        return "demanded"
    found: set[str] = set()
    for n, t in enumerate(governing_chain(token, cues)):
        words = [c.lower_ for c in t.children if c.dep_ in ("aux", "advmod", "mark", "auxpass")]
        if n:
            words.append(t.lower_)
        for w in words:
            if w in cues.demands:
                found.add("demanded")
            elif w in cues.hedges:
                found.add("hedged")
            elif w in cues.plans:
                found.add("planned")
        # "have to be held", "need to": obligation
        if (any(c.dep_ == "xcomp" for c in t.children) and t.lower_ in ("have", "has", "had", "need", "needs")
                and not any(c.lower_ == "yet" for c in t.children)):  # "has yet to": not so far
            found.add("demanded")
    for label in ("demanded", "hedged", "planned"):
        if label in found:
            return label
    return None


def imperative(token: Token) -> bool:
    """A bare verb opening its sentence or quote, with no subject or auxiliary: "“Release
    them now,” the crowd chanted"."""
    if token.tag_ != "VB" or not token.is_title or any(
            c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "mark", "expl") for c in token.children):
        return False
    before = token.doc[token.i - 1] if token.i > token.sent.start else None
    return before is None or before.is_quote or before.text in ("(", "—", ":")


def offered(token: Token, cues: CueLexicon) -> bool:
    """Whether an offer word governs the cue: "is willing to negotiate", "offered to host"."""
    return any(t.i != token.i and t.lower_ in cues.offer_words
               for t in governing_chain(token, cues, steps=2))


def speech_verb(token: Token, cues: CueLexicon) -> Token | None:
    """The reporting verb whose complement contains `token` ("X said Russia will ...")."""
    node = token
    for _ in range(8):
        head = node.head
        if head.i == node.i:
            return None
        if head.lower_ in cues.speech_verbs and node.dep_ in ("ccomp", "parataxis", "xcomp", "advcl", "conj", "dobj"):
            return head
        node = head
    return None


def reason(token: Token, cues: CueLexicon) -> tuple[int, int] | None:
    """Character span of the clause or phrase that says why the event at `token` happened.

    "because/since/as/so that/in order to ..." adverbial clauses, "because of/due to/over
    ..." phrases, and purpose infinitives ("met to discuss sanctions", "is used ... to
    regroup"). Offsets are `Article.text` offsets.
    """
    chain = governing_chain(token, cues, steps=1)
    if token.pos_ != "VERB" and token.head.i != token.i:
        chain.append(token.head if token.head.pos_ in ("VERB", "AUX") else token.head.head)
    for t in chain:
        for c in t.children:
            span = _reason_child(t, c, cues)
            if span is not None:
                return span
    return None


def _reason_child(head: Token, c: Token, cues: CueLexicon) -> tuple[int, int] | None:
    doc = c.doc
    sub = doc[c.left_edge.i : c.right_edge.i + 1]
    lead = sub.text.lower()
    if c.dep_ == "advcl":
        if any(lead.startswith(m + " ") for m in cues.reason_subordinators):
            return sub.start_char, sub.end_char
        to = [g for g in c.children if g.dep_ == "aux" and g.lower_ == "to"]
        if cues.purpose_infinitive and to and not any(g.dep_ in SUBJECTS for g in c.children):
            if not any(g.dep_ == "mark" for g in c.children):
                return sub.start_char, sub.end_char
    if c.dep_ == "xcomp" and is_passive(head) and cues.purpose_infinitive:
        if any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children):
            return sub.start_char, sub.end_char
    if c.dep_ == "prep":
        for marker in cues.reason_prepositions:
            if lead.startswith(marker + " "):
                return sub.start_char, sub.end_char
    return None


def conditioned(token: Token, cues: CueLexicon) -> bool:
    """Whether the verb (or a verb governing it within its statement) carries a condition
    clause: "would cut gas supplies if Chisinau did not pay"."""
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in cues.conditions
                                         for m in c.children)
               for t in governing_chain(token, cues, steps=2) for c in t.children)


def in_condition(token: Token, cues: CueLexicon) -> bool:
    """Whether the token lies in a conditional clause ("only if X lifts sanctions")."""
    node = token
    for _ in range(8):
        if node.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in cues.conditions
                                        for c in node.children):
            return True
        if node.head.i == node.i:
            return False
        node = node.head
    return False


VOLITIONAL_AUX = {"will", "would", "wo", "shall", "can", "could", "ca", "'ll", "must", "should"}


def volitional(token: Token, cues: CueLexicon) -> bool:
    """Whether a negated verb states a stance ("will not", "would never", "cannot"), or
    is governed by one ("is not willing to"), rather than a past fact ("did not")."""
    for t in governing_chain(token, cues, steps=2):
        if t.i != token.i and t.lower_ in cues.plans:
            return True
        for c in t.children:
            if c.dep_ == "aux" and c.lower_ in VOLITIONAL_AUX:
                return True
        if t.dep_ == "conj" and t.head.i != t.i and any(
                c.dep_ == "aux" and c.lower_ in VOLITIONAL_AUX for c in t.head.children):
            return True
    return False
