"""Pronouns and definite descriptions resolved to the article's referents.

Rules, not a model (no offline coreference model exists for spaCy 3.8, see
DEPENDENCIES.md). Tokens are read in text order; each resolved mention becomes a candidate
antecedent for later ones, so "Sidorov said ... He added ... his remarks" chains.

  * A pronoun ("he", "her", "they", "its") goes to the most recent compatible referent
    (label, gender) within `max_sentences` sentences, preferring the nearest sentence and,
    in it, a subject (or, for "its" in a later sentence, the owner of a subject that names
    no entity: "Rwanda's government ... its foreign ministry"). A non-possessive pronoun
    never takes a co-argument of its own verb
    ("Sidorov told him"). Pronouns inside direct quotes are left alone (they belong to the
    speaker's world). No compatible antecedent: the pronoun stays unresolved.
  * A definite description ("the ministry", "the Kremlin spokesman") goes to the most
    recent referent whose name (or role) holds its head noun and whose words agree with
    its modifiers; a description tied to sectors ("the company": BUS) also fits an
    organisation of that sector, or failing that one whose sector is unknown (which then
    takes the sector).

Gender comes from first names (names.yaml), titles and gendered role words (coref.yaml),
and from pronouns already resolved to the person.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from fivew.extract.actors import lookup
from fivew.extract.coref_data import CorefLexicon, PronounRule, load_lexicon
from fivew.extract.referents import Referent
from fivew.records import Mention

_SUBJECT_DEPS = {"nsubj", "nsubjpass"}
# Copula forms (the pipeline runs without a lemmatizer, so forms, not lemmas).
_COPULAS = {"be", "is", "was", "are", "were", "been", "being", "'s", "’s", "seems", "seemed",
            "appears", "appeared", "remains", "remained", "becomes", "became"}
_CLAUSE_DEPS = {"ccomp", "xcomp", "advcl"}
_ARGUMENT_DEPS = {"nsubj", "nsubjpass", "dobj", "iobj", "dative", "attr", "pobj"}


@dataclass(frozen=True)
class _Candidate:
    start: int  # character offsets of the mention
    end: int
    sent: int  # sentence number in the doc
    subject: bool
    head: int  # token index of the governing word (for co-argument checks)
    modifier: bool  # used as an adjective ("Russian troops"): no pronoun antecedent
    referent: Referent
    owner: bool = False  # possessor of a subject that names no entity ("Rwanda's government")


def resolve(doc: Doc, referents: list[Referent], lexicon: CorefLexicon | None = None) -> None:
    """Add pronoun and nominal mentions to `referents` (in place)."""
    lex = lexicon or load_lexicon()
    if not referents:
        return
    sent_of = _sentence_numbers(doc)
    for r in referents:
        r.gender = r.gender or _gender(r, lex)
    named = {t.i for r in referents for s in r.names for t in s}
    candidates = sorted(
        (_candidate(s, r, sent_of) for r in referents for s in r.names), key=lambda c: c.start
    )
    sent_starts = [sent.start_char for sent in doc.sents]
    starts = [c.start for c in candidates]
    quoted = _quoted(doc)
    for token in doc:
        if token.i in named or (token.lower_ not in lex.pronouns
                                and token.lower_ not in lex.nominals):
            continue
        if token.lower_ in lex.pronouns and token.i in quoted:
            # "as long as it takes," / "He will not win," X said of Y: a quote's pronouns
            # live in the speaker's world (often an opponent); unresolved beats wrong.
            continue
        # Only mentions from the window of sentences before the token can be antecedents.
        first = sent_starts[max(sent_of[token.i] - 2 * lex.max_sentences, 0)]
        window = candidates[bisect.bisect_left(starts, first) : bisect.bisect_left(
            starts, token.idx)]
        earlier = candidates[: bisect.bisect_left(starts, token.idx)]
        found = (_nominal(token, window, sent_of, lex, earlier)
                 or _pronoun(token, window, sent_of, lex))
        if found is None:
            continue
        mention, candidate = found
        candidate.referent.others.append(mention)
        at = bisect.bisect_right(starts, candidate.start)
        candidates.insert(at, candidate)
        starts.insert(at, candidate.start)


def _pronoun(token: Token, candidates: list[_Candidate], sent_of: list[int],
             lex: CorefLexicon) -> tuple[Mention, _Candidate] | None:
    rule = lex.pronouns.get(token.lower_)
    if rule is None or token.pos_ not in ("PRON", "DET") or _expletive(token, lex):
        return None
    sent = sent_of[token.i]
    pool = []
    for c in candidates:
        if c.end <= token.idx and sent - c.sent <= lex.max_sentences and _compatible(
            c, token, rule, sent
        ):
            known = rule.gender != "any" and c.referent.gender == rule.gender
            # Nearest sentence first, then subjects, then a known gender, then recency.
            pool.append(((sent - c.sent, not (c.subject or c.owner), not known, -c.start), c))
    if not pool:
        return None
    best = min(pool, key=lambda p: p[0])[1]
    if rule.gender != "any" and best.referent.gender is None:
        best.referent.gender = rule.gender  # later pronouns agree with this one
    mention = Mention(token.text, token.idx, token.idx + len(token.text), "pronoun")
    return mention, _candidate_for(token, token.i, token.i + 1, best.referent, sent_of)


def _compatible(c: _Candidate, pronoun: Token, rule: PronounRule, sent: int) -> bool:
    """Can this earlier mention be the pronoun's antecedent (label, gender, syntax)?"""
    r = c.referent
    if r.label not in rule.labels or (rule.gender != "any" and r.gender not in (None,
                                                                                rule.gender)):
        return False
    possessive = pronoun.tag_ == "PRP$" or pronoun.lower_.endswith(("self", "selves"))
    if not possessive and c.sent == sent and (
        c.head == pronoun.head.i
        or (c.subject and c.head in _verbs_sharing_subject(pronoun.head))
    ):
        return False  # "Sidorov told him", "Modi met Putin and told him": not the subject
    # "Rwanda's government denied it. ... its foreign ministry": in a later sentence, the
    # owner of the subject owns what "its" names
    owns = c.owner and possessive and c.sent < sent
    if (c.modifier and not owns) or (rule.plural and _plural_noun_between(pronoun.doc, c, pronoun)):
        return False  # "Russian troops ... they": the troops, not Russia
    # "Gazprom ... The ministry said it": the closer subject (no entity) is the antecedent.
    return not (rule.gender == "any"
                and _noun_subject_between(pronoun.doc, c, pronoun, rule.plural))


def _nominal(token: Token, candidates: list[_Candidate], sent_of: list[int],
             lex: CorefLexicon, earlier: list[_Candidate] | None = None
             ) -> tuple[Mention, _Candidate] | None:
    """"the ministry" -> the most recent fitting referent in the window; beyond the window
    (`earlier`: every candidate before the token), the one referent of the article that
    fits by name or role, if only one does ("the ministry" ten paragraphs after the only
    ministry the article names)."""
    rule = lex.nominals.get(token.lower_)
    if rule is None or token.tag_ != "NN" or token.dep_ in ("compound", "appos"):
        return None
    if any(c.dep_ == "appos" for c in token.children):
        return None  # "the foreign secretary, Jane Hale": a role, not a mention
    dets = [c for c in token.lefts if c.dep_ == "det"]
    if not dets or dets[0].lower_ != "the":
        return None
    start = dets[0].i
    modifiers = [t for t in token.doc[start + 1 : token.i] if t.is_alpha]
    sent = sent_of[token.i]
    fits = [c for c in candidates
            if c.end <= token.idx and sent - c.sent <= 2 * lex.max_sentences
            and c.referent.label in rule.labels]
    free = lex.free_modifiers
    # The most recent fit by name, role or known sector; else (descriptions that name a
    # sector, "the company") the most recent organisation whose sector is unknown.
    best = next((c for c in reversed(fits) if _describes(
        c.referent, token.lower_, modifiers, rule.match, free) or (
        c.referent.sector in rule.sectors and _modifiers_fit(c.referent, modifiers, free))),
        None)
    if best is None and rule.sectors:
        best = next((c for c in reversed(fits) if c.referent.sector is None
                     and c.referent.label == "ORG" and _modifiers_fit(c.referent, modifiers,
                                                                       free)), None)
        if best is not None and len(rule.sectors) == 1:
            best.referent.sector = next(iter(rule.sectors))  # "the company": BUS
    if best is None:  # "the Vermont senator": a place word the entity's codes do not hold
        loose = [c for c in fits if _describes(c.referent, token.lower_, modifiers, rule.match,
                                                free, strict=False)]
        if len({id(c.referent) for c in loose}) == 1:
            best = loose[-1]
    if best is None and earlier:
        far = [c for c in earlier if c.referent.label in rule.labels and _describes(
            c.referent, token.lower_, modifiers, rule.match, free)]
        if len({id(c.referent) for c in far}) == 1:
            best = far[-1]
    if best is None:
        return None
    span = token.doc[start : token.i + 1]
    mention = Mention(span.text, span.start_char, span.end_char, "nominal")
    return mention, _candidate_for(token, start, token.i + 1, best.referent, sent_of)


def _describes(r: Referent, head: str, modifiers: list[Token], match: str,
               free: frozenset[str], strict: bool = True) -> bool:
    """Does "the <modifiers> <head>" fit the referent's name or role?"""
    words = r.words(names=match != "role", roles=match != "name")
    return head in words and _modifiers_fit(r, modifiers, free, strict)


def _modifiers_fit(r: Referent, modifiers: list[Token], free: frozenset[str],
                   strict: bool = True) -> bool:
    """Every modifier is free ("former"), a word of the name/role, or a country word that
    agrees with the entity's known country (an unknown one is no agreement: unresolved
    beats wrong). Not `strict`: a capitalised region ("the Vermont senator", "the Florida
    senator") fits unless the entity's country is known and differs; a country or
    nationality word still has to agree ("the Russian minister")."""
    words = r.words()
    for m in modifiers:
        if m.lower_ in words or m.lower_ in free:
            continue
        entry = lookup(m.text)
        if not strict and m.is_title and m.ent_type_ in ("GPE", "LOC") and (
                entry is None or (entry.kind == "place" and r.country in (None,
                                                                          entry.country))):
            continue
        if entry is None or entry.country is None or entry.country != r.country:
            return False
    return True


def _quoted(doc: Doc) -> set[int]:
    """Indices of tokens inside a direct quotation (quote marks pair within a paragraph).

    One pass over the doc: “ opens, ” closes, a straight " toggles; a line break ends any
    quotation left open (news style reopens it in the next paragraph).
    """
    inside, depth, straight = set(), 0, False
    for token in doc:
        if "\n" in token.text:
            depth, straight = 0, False
            continue
        for ch in token.text:
            if ch == "“":
                depth += 1
            elif ch == "”":
                depth = max(depth - 1, 0)
            elif ch == '"':
                straight = not straight
        if (depth > 0 or straight) and token.is_alpha:
            inside.add(token.i)
    return inside


def _expletive(token: Token, lex: CorefLexicon) -> bool:
    """"It is clear that ...", "it has been reported": 'it' that refers to nothing."""
    if token.lower_ != "it":
        return False
    if token.dep_ == "expl":
        return True
    head = token.head
    if token.dep_ not in _SUBJECT_DEPS or head.lower_ not in _COPULAS:
        return False
    # "It was the third attack": an event; "It is clear that ...", "It remains unclear
    # when ...": a finite clause; "It is important to ..." (listed adjectives only:
    # "it is willing to negotiate" is a real subject).
    children = list(head.children)
    if any(c.dep_ in ("ccomp", "csubj", "attr") for c in children):
        return True
    for acomp in (c for c in children if c.dep_ == "acomp"):
        clauses = [c for c in [*children, *acomp.children] if c.dep_ in _CLAUSE_DEPS]
        if any(c.dep_ != "xcomp" for c in clauses):
            return True
        if clauses and acomp.lower_ in lex.extraposition_adjectives:
            return True
    return False


def _gender(r: Referent, lex: CorefLexicon) -> str | None:
    """male/female from titles, role words or the first name; None when unknown."""
    if r.label != "PERSON":
        return None
    for span in r.names:
        for t in span.doc[max(span.start - 2, 0) : span.start]:
            if t.lower_.rstrip(".") in lex.titles:
                return lex.titles[t.lower_.rstrip(".")]
    for word in (r.role or "").lower().split():
        if word in lex.titles:
            return lex.titles[word]
    first = max(r.names, key=lambda s: len(s)).text.split()[0].lower()
    return lex.first_names.get(first)


def _candidate(span: Span, r: Referent, sent_of: list[int]) -> _Candidate:
    return _candidate_for(span.root, span.start, span.end, r, sent_of)


def _candidate_for(root: Token, start: int, end: int, r: Referent, sent_of: list[int]
                   ) -> _Candidate:
    doc = root.doc
    subject = root.dep_ in _SUBJECT_DEPS or (
        root.dep_ == "appos" and root.head.dep_ in _SUBJECT_DEPS
    )
    head = root.head.i if root.dep_ in _ARGUMENT_DEPS else -1
    if root.dep_ == "pobj":
        head = root.head.head.i  # "told reporters about him": the verb
    # "Russian troops", and "Bulgaria's energy ministry said it": the possessor or
    # modifier of a subject that names no entity is not what a pronoun points back to.
    owner = root.dep_ == "poss" and root.head.pos_ == "NOUN" and root.head.dep_ in _SUBJECT_DEPS
    # (a name compounded into an object is no antecedent either: "struck a Hezbollah
    # rocket site, it said" is the striker's statement)
    modifier = root.dep_ == "amod" or root.tag_ == "JJ" or owner or (
        root.dep_ == "compound" and root.head.pos_ == "NOUN"
        and root.head.dep_ in (*_SUBJECT_DEPS, "dobj", "pobj")
    )
    return _Candidate(doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text),
                      sent_of[root.i], subject, head, modifier, r, owner)


def _verbs_sharing_subject(verb: Token) -> set[int]:
    """The verb and, for a conjoined verb without its own subject, the verb it joins."""
    verbs = {verb.i}
    while verb.dep_ == "conj" and not any(c.dep_ in _SUBJECT_DEPS for c in verb.children):
        verb = verb.head
        verbs.add(verb.i)
    return verbs


def _noun_subject_between(doc: Doc, c: _Candidate, pronoun: Token, plural: bool) -> bool:
    """Is a common-noun subject of the pronoun's number (no entity) between the two?

    Only the pronoun's own sentence is searched: that subject is the likelier antecedent.
    """
    sent = pronoun.sent
    start = max(c.end, sent.start_char)
    span = doc.char_span(start, pronoun.idx, alignment_mode="expand")
    tag = "NNS" if plural else "NN"
    return span is not None and any(
        t.dep_ in _SUBJECT_DEPS and t.tag_ == tag for t in span
    )


def _plural_noun_between(doc: Doc, c: _Candidate, pronoun: Token) -> bool:
    """Is there a plural common noun after the candidate, before the plural pronoun?"""
    span = doc.char_span(c.end, pronoun.idx, alignment_mode="expand")
    return span is not None and any(t.tag_ == "NNS" for t in span)


def _sentence_numbers(doc: Doc) -> list[int]:
    numbers = [0] * len(doc)
    for n, sent in enumerate(doc.sents):
        for i in range(sent.start, sent.end):
            numbers[i] = n
    return numbers
