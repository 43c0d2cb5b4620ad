"""Who is speaking: the source of a reporting cue, found on the parse, then resolved to an entity.

`source_token` picks the token that names the speaker of a cue: the subject of the cue
verb (also inverted: "said Kremlin spokesman X"), the agent of a passive ("it was
announced by the ministry"), the subject of "X was quoted as saying", the object of
"according to X", the head noun modified by a participle ("with Ukraine accusing ..."),
and for a subjectless participle or conjoined verb ("..., adding ...", "alleging ...")
the speaker of the nearest governing cue (or verb) that has one.

`speaker_for` turns that token into a `Speaker`: the noun phrase around it is the mention
(offsets into `Article.text`), and `fivew.extract.entities.entity_at` maps the mention to
the article's resolved entity, so "she", "Kovac" and "the government spokeswoman" share one
`entity_id` when entity resolution linked them.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from fivew.extract.actors import code_actor
from fivew.extract.coref_data import load_lexicon
from fivew.extract.entities import entity_at
from fivew.records import Article, Entity, Speaker

_CLIMB = ("advcl", "xcomp", "conj", "ccomp", "pcomp", "acl", "relcl", "parataxis")
_NP_LEFT = ("compound", "amod", "det", "poss", "nummod", "nmod", "cc", "conj", "quantmod",
            "case", "punct", "advmod")
_NP_RIGHT = ("compound", "flat", "conj", "cc", "nummod", "prep", "pobj", "case")
_PRONOUNS = {"he", "she", "they", "it", "we", "i", "him", "her", "them"}
# Possessive determiners as speakers of noun cues ("his claim that", "their warning that")
# fall back like the pronoun they stand for.
_POSSESSIVES = {"his": "he", "her": "she", "its": "it", "their": "they", "our": "we",
                "my": "i"}
PERSON_PRONOUNS = {"he", "she", "him", "her", "i"}


def source_token(doc: Doc, head: Token, is_cue: set[int], phrase: bool = False,
                 quoted: frozenset[int] = frozenset()) -> Token | None:
    """The token naming who made the statement cued by `head` (see module docstring).
    Tokens in `quoted` (inside quote marks) are never the speaker: "“..., I would ...,”
    Mr. X said" must not make "I" the subject of "said"."""
    if phrase:  # "according to X": X is the object of the last word
        objs = [c for c in head.children if c.dep_ == "pobj"]
        return objs[0] if objs else None
    seen: set[int] = set()
    verb: Token | None = head
    while verb is not None and verb.i not in seen:
        seen.add(verb.i)
        found = _own_source(verb)
        if found is not None and found.i in quoted:
            # the parse took a quoted title for the subject ("X, a Y, said on “Fox and
            # Friends.”"): the speaker is the noun phrase just left of the cue
            found = _left_speaker(doc, verb, quoted) if verb.i < found.i else next(
                (c for c in verb.children if c.dep_ == "nsubj" and c.i not in quoted),
                None)  # "“... #JustDoIt,” he wrote": the parser also took a quoted word
        if found is None and verb.dep_ == "conj":
            found = _sibling_subject(verb, quoted)  # "Mr. X, now 81 and retired, said"
        if found is not None and found.tag_ in ("WDT", "WP") and verb.dep_ == "relcl":
            return verb.head  # "the ministry, which said ...": the relative's antecedent
        if found is not None:
            return found
        if verb.dep_ == "acl" and _can_speak(verb.head):
            return verb.head  # "with Ukraine accusing ...", "officials saying ..."
        if verb.dep_ == "acl":  # "opened a rally blasting ...": the rally's opener speaks
            verb = verb.head.head if verb.head.dep_ not in ("ROOT",) else verb.head
            if verb.i in seen:
                return None
            continue
        if verb.dep_ == "relcl":
            return verb.head  # "the ministry, which said ..."
        if verb.dep_ not in _CLIMB or verb.head is verb:
            return None
        if verb.tag_ == "VBN" and not any(c.dep_.startswith("aux") for c in verb.children):
            return None  # "Asked whether ..., X replied": X was asked, not asking
        verb = _next_governor(verb, is_cue)
    return None


def _left_speaker(doc: Doc, verb: Token, quoted: frozenset[int]) -> Token | None:
    """The head of the noun phrase ending just before `verb` (skipping commas), climbing
    out of an apposition ("Flynn, a top surrogate, said"), if it can speak."""
    i = verb.i - 1
    while i >= 0 and doc[i].text in (",", "—", "–"):
        i -= 1
    if i < 0 or doc[i].i in quoted or doc[i].pos_ not in ("NOUN", "PROPN", "PRON"):
        return None
    tok = doc[i]
    while tok.dep_ in ("compound", "amod", "flat") and tok.head.i > tok.i:
        tok = tok.head
    if tok.dep_ == "appos":
        tok = tok.head
    return tok if _can_speak(tok) or tok.pos_ == "PROPN" else None


_SPEAKING_NOUN_SUFFIXES = ("ers", "ists", "ians", "ials", "ents", "ants", "ors")


def _can_speak(noun: Token) -> bool:
    """A noun that can be the speaker of a participle ("officials saying", "Ukraine
    accusing"): a person, organisation or place name, a pronoun, or a plural of people."""
    if noun.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or noun.pos_ == "PRON":
        return True
    return noun.tag_ == "NNS" and noun.lower_.endswith(_SPEAKING_NOUN_SUFFIXES)


def _sibling_subject(verb: Token, quoted: frozenset[int]) -> Token | None:
    """The subject of the nearest earlier conjoined verb outside the quotes."""
    siblings = [c for c in verb.head.children if c.dep_ == "conj" and c.i < verb.i]
    for sib in sorted(siblings, key=lambda t: -t.i):
        subj = _own_source(sib)
        if subj is not None and subj.i not in quoted:
            return subj
    return None


def _own_source(verb: Token) -> Token | None:
    children = list(verb.children)
    passive = any(c.dep_ == "auxpass" for c in children)
    for c in children:
        # passive: "was announced by the ministry" (not "said by telephone")
        if c.dep_ == "agent" and passive:
            objs = [g for g in c.children if g.dep_ == "pobj"]
            if objs:
                return objs[0]
    for c in children:
        if c.dep_ in ("nsubj", "csubj"):
            return c
        # "X was quoted as saying": the passive subject is the speaker; in "X is said
        # to ..." or "it was announced that ..." it is not, and no speaker is named.
        if c.dep_ == "nsubjpass" and verb.lower_ == "quoted":
            return c
    return None


def _next_governor(verb: Token, is_cue: set[int]) -> Token:
    """The nearest ancestor that is a cue verb, else the direct head."""
    for anc in verb.ancestors:
        if anc.i in is_cue:
            return anc
    return verb.head


def mention_span(doc: Doc, token: Token) -> Span:
    """The noun phrase headed by `token`: its left modifiers, the head, a named entity the
    head belongs to, and right-hand compounds, conjuncts and of-phrases ("director of the
    centre"); appositions and relative clauses are left out."""
    start, end = token.i, token.i + 1
    for child in token.lefts:
        if child.dep_ in _NP_LEFT:
            start = min(start, child.left_edge.i)
    for i in range(token.i - 1, start - 1, -1):  # never reach across a quote or a clause
        t = doc[i]
        if t.is_quote or t.text in ",;:()" or (t.pos_ in ("VERB", "AUX")
                                               and t.dep_ not in ("amod", "compound")):
            start = i + 1
            break
    ent = _entity_span(doc, token)
    if ent is not None:
        start, end = min(start, ent.start), max(end, ent.end)
    elif token.pos_ != "PRON":
        for child in token.rights:
            if child.dep_ in _NP_RIGHT:
                end = max(end, child.right_edge.i + 1)
            else:
                break
        # "a spokeswoman for the supplier, Helix Pharma": an apposition inside the
        # of-phrase names the supplier, not the speaker
        end = next((t.i for t in doc[token.i + 1 : end] if t.text in ",;:()"), end)
    while start < end and _bare(doc[start]):
        start += 1
    while end > start and (_bare(doc[end - 1]) or doc[end - 1].tag_ == "POS"):
        end -= 1  # "the union's (claim)": the possessive marker is no part of the speaker
    return doc[start:end] if end > start else doc[token.i : token.i + 1]


def _bare(token: Token) -> bool:
    """Punctuation, dashes or (no-break) spaces only: never the edge of a mention."""
    return not any(ch.isalnum() for ch in token.text)


def _entity_span(doc: Doc, token: Token) -> Span | None:
    for ent in doc.ents:
        if ent.start <= token.i < ent.end:
            return ent
    return None


def speaker_for(doc: Doc, token: Token, article: Article, previous: list[Speaker]) -> Speaker:
    """The Speaker for source token `token`: mention = its noun phrase; name, role,
    affiliation, country and entity_id from the article's entity that the head maps to.
    A pronoun no entity claims falls back to the latest earlier speaker it can refer to."""
    span = mention_span(doc, token)
    head_span = _entity_span(doc, token) or doc[token.i : token.i + 1]
    entity = entity_at(article.entities, head_span.start_char, head_span.end_char)
    if entity is not None and not _overlaps_head(entity, head_span):
        entity = None
    named = _named_apposition(doc, token) if entity is None else None
    if named is not None:  # "the agency's director, Paulo Saraiva": the name is the speaker
        entity = entity_at(article.entities, named.start_char, named.end_char)
        if entity is not None:
            described = entity.role or doc[span.start : token.i + 1].text
            span = doc[span.start : max(span.end, named.end)]
            return Speaker(entity.name, span.text, span.start_char, span.end_char,
                           entity.entity_id, described, entity.affiliation, entity.country)
    if entity is None and token.pos_ == "PROPN":
        entity = _by_surname(token.text, article.entities)
    pronoun = _POSSESSIVES.get(token.lower_, token.lower_)
    if entity is None and pronoun in _PRONOUNS:
        fallback = _antecedent(pronoun, token.idx, previous, article.entities)
        if fallback is not None:
            return Speaker(fallback.name, span.text, span.start_char, span.end_char,
                           fallback.entity_id, fallback.role, fallback.affiliation,
                           fallback.country)
    affiliation = None
    if entity is None:
        owners = [c for c in token.children if c.dep_ == "poss"]
        if owners:
            owner = entity_at(article.entities, owners[0].left_edge.idx,
                              owners[0].idx + len(owners[0]))
            affiliation = owner.name if owner else owners[0].text
        # a group named by description ("Ukrainian officials"): its country, if the actor
        # dictionary codes it and the phrase names one group ("Russian and Ukrainian
        # negotiators" has no single country)
        code = None if any(t.dep_ == "cc" for t in span) else code_actor(span)
        country = code.country if code is not None else None
        same = _same_description(token, span, previous)
        if same is not None:  # "A spokesman for the mayor said ... the spokesman said"
            return Speaker(same.name, span.text, span.start_char, span.end_char, None,
                           None, same.affiliation or affiliation, same.country or country)
        return Speaker(_description_name(span), span.text, span.start_char, span.end_char,
                       None, None, affiliation, country)
    role = entity.role or _role_words(span, head_span)
    return Speaker(entity.name, span.text, span.start_char, span.end_char, entity.entity_id,
                   role, entity.affiliation, entity.country)


def _same_description(token: Token, span: Span, previous: list[Speaker]) -> Speaker | None:
    """For "the <noun>" (nothing else), the latest earlier nameless speaker whose mention
    has the same head noun: the article goes on about the person it introduced."""
    if token.pos_ != "NOUN" or len(span) != 2 or span[0].lower_ != "the":
        return None
    for speaker in reversed(previous):
        if speaker.end > span.start_char:
            continue
        words = speaker.text.lower().split()
        if speaker.entity_id is None and token.lower_ in words and words[0] in ("a", "an",
                                                                                  "the"):
            return speaker
    return None


def _description_name(span: Span) -> str:
    """The name of a speaker known only by description: the phrase without an indefinite
    article ("a spokeswoman for the company" -> "spokeswoman for the company")."""
    if len(span) > 1 and span[0].lower_ in ("a", "an"):
        return span[1:].text
    return span.text


def _named_apposition(doc: Doc, token: Token) -> Span | None:
    """The person or organisation name in apposition to a common-noun head."""
    if token.pos_ not in ("NOUN",):
        return None
    lex = load_lexicon()
    person = token.lower_ in lex.person_nouns or token.lower_ in lex.titles
    for child in token.rights:
        if child.dep_ == "appos":
            ent = _entity_span(doc, child)
            # "a spokeswoman for the airline, Talbot Airways": a person noun's organisation
            # apposition is the employer, not the speaker's name
            if ent is not None and (ent.label_ == "PERSON" or (ent.label_ == "ORG"
                                                               and not person)):
                return ent
    return None


def _by_surname(word: str, entities: list[Entity]) -> Entity | None:
    """A person entity whose name ends with `word` ("Hollis" -> "Mark Hollis"), when only
    one does; entity resolution normally links these, this covers names NER missed."""
    hits = [e for e in entities if e.label == "PERSON" and e.name.split()[-1:] == [word]]
    return hits[0] if len(hits) == 1 else None


def _overlaps_head(entity: Entity, head: Span) -> bool:
    return any(m.start < head.end_char and head.start_char < m.end for m in entity.mentions)


def _role_words(span: Span, head: Span) -> str | None:
    """"Kremlin spokesman" from "Kremlin spokesman Ivan Petrov": the words before the name."""
    words = [t for t in span if t.i < head.start]
    while words and (words[0].dep_ in ("det", "poss") or words[0].is_punct):
        words = words[1:]
    while words and words[-1].is_punct:
        words = words[:-1]
    if not words or not any(t.is_alpha for t in words):
        return None
    return span.doc[words[0].i : words[-1].i + 1].text


def _antecedent(pronoun: str, at: int, previous: list[Speaker], entities: list[Entity]
                ) -> Speaker | None:
    """Until entity resolution links a pronoun, "he"/"she" falls back to the nearest
    earlier person mention, and "it"/"they" to the latest earlier speaker."""
    if pronoun in PERSON_PRONOUNS:
        best: tuple[int, Entity] | None = None
        for e in entities:
            if e.label != "PERSON" or _other_gender(e, pronoun):
                continue
            for m in e.mentions:
                if m.end <= at and (best is None or m.end > best[0]):
                    best = (m.end, e)
        described = _described_person(pronoun, at, previous)
        if described is not None and (best is None or described.end > best[0]):
            return described  # "A spokeswoman for the firm said ... She added ..."
        if best is not None:
            e = best[1]
            return Speaker(e.name, e.text, e.start, e.end, e.entity_id, e.role, e.affiliation,
                           e.country)
        return None
    labels = {e.entity_id: e.label for e in entities}
    for speaker in reversed(previous):
        if speaker.entity_id is None:
            if _described_group(speaker, pronoun):
                return speaker  # "The housing department said ... It added ..."
            continue
        if pronoun == "it" and labels.get(speaker.entity_id) not in ("ORG", "GPE", "NORP"):
            continue
        return speaker
    return None


_FEMALE = {"she", "her", "hers", "herself"}
_MALE = {"he", "him", "his", "himself"}


def _other_gender(entity: Entity, pronoun: str) -> bool:
    """Has the article already called this person by a pronoun of the other gender, or
    does the first name say so ("Kevin" is no "she")?"""
    other = _MALE if pronoun in _FEMALE else _FEMALE if pronoun in _MALE else set()
    if not other:
        return False
    first = entity.name.split()[0].lower() if entity.name.split() else ""
    named = load_lexicon().first_names.get(first)
    if named is not None and named != ("female" if pronoun in _FEMALE else "male"):
        return True
    return any(m.kind == "pronoun" and m.text.lower() in other for m in entity.mentions)


def _described_group(speaker: Speaker, pronoun: str) -> bool:
    """Is this nameless speaker an organisation ("the housing department": it) or a
    group of people ("local officials": they) by its last word?"""
    words = speaker.text.lower().split()
    if not words:
        return False
    lex = load_lexicon()
    if pronoun == "it":
        return words[-1] in lex.organisation_nouns
    return pronoun == "they" and (words[-1] in lex.organisation_nouns
                                  or words[-1].endswith(_SPEAKING_NOUN_SUFFIXES))


def _described_person(pronoun: str, at: int, previous: list[Speaker]) -> Speaker | None:
    """The latest earlier speaker known only by a person description ("a spokeswoman for
    the supplier", "the company's lawyer") whose head noun agrees with "he"/"she"."""
    if pronoun not in ("he", "him", "she", "her"):
        return None  # "I" is the quoted person or the author, never a described third
    lex = load_lexicon()
    want = "female" if pronoun in ("she", "her") else "male"
    for speaker in reversed(previous):
        if speaker.end > at or speaker.entity_id is not None:
            continue
        words = speaker.text.lower().replace("’s", " ").replace("'s", " ").split()
        heads = [w for w in words if w in lex.person_nouns or w in lex.titles]
        if not heads:
            continue
        gender = lex.titles.get(heads[0])
        if gender in (None, want):
            return speaker
        return None
    return None
