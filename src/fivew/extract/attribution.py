"""Attributions read off the parse: for each reporting cue, its speaker token and its content.

An `Attribution` is what one cue says about the sentence it sits in: who (the source
token, see `fivew.extract.speakers`), the cue itself, and the content (the clause or
phrase that carries the statement: "that Russia was ...", "Russia of stalling ...",
the quoted clause of "“...,” X said"). Quote marks are not looked at here;
`fivew.extract.quotes` combines attributions with the quoted spans.

Token indices are `Doc` indices; char offsets are `Article.text` offsets.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from fivew.extract.cues import Cue, Lexicon, find_cues, lexicon
from fivew.extract.noun_cues import find_noun_cues
from fivew.extract.speakers import mention_span, source_token

_DATE_LABELS = {"DATE", "TIME"}


@dataclass(frozen=True)
class Attribution:
    cue: Cue
    source: int | None  # token index of the speaker's head, None when none is named
    content: tuple[int, int] | None  # token range [i, j) of the statement, None if none
    clause_start: int  # char offset where the cue clause (cue + subject) starts
    clause_end: int  # char offset where the cue + subject (+ addressee) end

    def content_chars(self, doc: Doc) -> tuple[int, int] | None:
        if self.content is None:
            return None
        i, j = self.content
        return doc[i].idx, doc[j - 1].idx + len(doc[j - 1])


def find_attributions(doc: Doc, skip: set[int], beliefs: bool = True) -> list[Attribution]:
    """One Attribution per cue outside quoted text (`skip` = token indices inside quotes)."""
    lex = lexicon()
    cues = find_cues(doc, skip, beliefs=beliefs)
    is_cue = {c.head for c in cues}
    found = []
    for cue in cues:
        head = doc[cue.head]
        src = _inverted_parenthetical(doc, cue) or _quoted_as_saying(doc, cue) or source_token(
            doc, head, is_cue, phrase=cue.group == "phrase", quoted=frozenset(skip))
        src = _document_author(src, lex) if src is not None else None
        src = _relative_clause_subject(head, src)
        if cue.group == "phrase":
            content = _according_content(doc, cue)
        else:
            content = content_range(doc, head, cue.group, is_cue, lex)
            content = _around_parenthetical(doc, cue, src) or content
        found.append(_with_clause(doc, cue, src, content))
    # "the claim by X that ...", "X's warning that ...": statement nouns (see noun_cues)
    found += [_with_clause(doc, cue, src, content)
              for cue, src, content in find_noun_cues(doc, skip, lex)]
    return found


def _with_clause(doc: Doc, cue: Cue, src: Token | None, content: tuple[int, int] | None
                 ) -> Attribution:
    toks = list(range(cue.i, cue.j))
    if src is not None and abs(src.i - cue.i) <= 12:
        toks += [mention_span(doc, src).start, src.i]
    head = doc[cue.head]
    for child in head.children:  # "told reporters", "said on Monday"
        if child.i > cue.head and child.dep_ in ("dobj", "dative", "npadvmod", "advmod", "prep") \
                and (content is None or child.i < content[0] or child.i >= content[1]):
            if child.right_edge.i - cue.head <= 8:
                toks.append(child.right_edge.i)
    lo, hi = min(toks), max(toks)
    return Attribution(cue, src.i if src is not None else None, content,
                       doc[lo].idx, doc[hi].idx + len(doc[hi]))


def content_range(doc: Doc, verb: Token, group: str, is_cue: set[int], lex: Lexicon
                  ) -> tuple[int, int] | None:
    """Tokens [i, j) that carry what `verb` reports, or None: the complement clause, and
    by verb group the direct object or an of/as/about phrase ("accused X of V-ing")."""
    parts: list[Token] = []
    for child in verb.children:
        dep = child.dep_
        if dep in ("ccomp", "xcomp", "oprd") or (dep == "advcl" and _has_mark(child, "that")) \
                or (dep == "advcl" and _has_mark(child, "whether")) or (
                dep == "advcl" and _has_mark(child, "if") and _lemma(verb, lex) in lex.question_verbs):
            parts.append(child)
        elif dep == "dobj" and (group == "judgement" or group == "content" and child.pos_ != "PRON"):
            parts.append(child)  # "denied the report", "accused Russia (of ...)"
        elif dep == "prep" and child.lower_ in lex.content_preps and group != "content" \
                and not _is_date_phrase(child):
            parts.append(child)
    if not any(p.dep_ == "ccomp" for p in parts):
        parts += _that_clause_under_prep(verb)  # "said in a statement that ..."
    if verb.lower_ in lex.forms and lex.forms[verb.lower_][0] in lex.needs_complement \
            and all(p.dep_ == "dobj" and not any(c.dep_ == "appos" for c in p.children)
                    for p in parts):
        parts = []  # "called the police", but "called his actions “a crucial step”"
    if group == "belief":
        parts = [p for p in parts if p.dep_ in ("ccomp", "acl")]
    keep: set[int] = set()
    if not parts and verb.dep_ == "parataxis" and _parenthetical(verb):
        # "The offer, she said, covered ...": the statement is the clause around the cue
        keep = {t.i for t in verb.head.subtree} - {t.i for t in verb.subtree}
    if not parts and not keep:
        return None
    for part in parts:
        keep.update(t.i for t in part.subtree)
    for t in list(keep):
        # a nested subjectless cue ("..., adding ...") or a coordinated one ("..., and
        # most voters said ...") is a statement of its own, not part of this one
        tok = doc[t]
        if t in is_cue and t != verb.i and (tok.dep_ == "conj" or (
                tok.dep_ in ("advcl", "xcomp", "pcomp")
                and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children))):
            keep.difference_update(s.i for s in tok.subtree)
    keep = {t for t in keep if _same_side(t, parts, verb)}
    if not keep:
        return None
    return _trim(doc, min(keep), max(keep) + 1)


_NP_TAGS = {"DET", "PRON", "ADJ", "NOUN", "PROPN", "NUM", "PUNCT", "PART"}
_AUTHOR_PREPS = ("from", "by", "of")
_AUTHOR_LABELS = ("PERSON", "ORG", "GPE", "NORP")


def _document_author(src: Token, lex: Lexicon) -> Token:
    """For a document that "says" something ("a statement from the ministry said", "the
    agency's report said", "according to a letter by the senator"), its author, when named;
    else `src` itself. An of-phrase counts only with a name ("a report of fraud" has no
    author)."""
    if src.lower_ not in lex.document_nouns or src.pos_ != "NOUN":
        return src
    for child in src.children:
        if child.dep_ == "poss":
            return child
    for prep in src.children:
        if prep.dep_ != "prep" or prep.lower_ not in _AUTHOR_PREPS:
            continue
        for obj in prep.children:
            if obj.dep_ == "pobj" and (prep.lower_ != "of" or obj.ent_type_ in _AUTHOR_LABELS):
                return obj
    for clause in src.children:  # "the report, released by the agency on Monday, said"
        if clause.dep_ == "acl" and clause.tag_ == "VBN":
            for agent in (c for c in clause.children if c.dep_ == "agent"):
                objs = [o for o in agent.children if o.dep_ == "pobj"]
                if objs:
                    return objs[0]
    return src


def _inverted_parenthetical(doc: Doc, cue: Cue) -> Token | None:
    """", said its chief executive," inside a sentence: the noun phrase between the cue
    and the next comma is the speaker, whatever the parse made of it."""
    i, j = cue.i, cue.j
    if i == 0 or doc[i - 1].text != "," or cue.group == "phrase":
        return None
    k = j
    while k < len(doc) and k - j <= 6 and doc[k].text != "," and doc[k].pos_ in _NP_TAGS:
        k += 1
    if k == j or k >= len(doc) or doc[k].text != ",":
        return None
    nouns = [t for t in doc[j:k] if t.pos_ in ("NOUN", "PROPN")]
    return nouns[-1] if nouns else None


def _relative_clause_subject(head: Token, src: Token | None) -> Token | None:
    """"The law, which critics say discriminates ...": when the parser gives the cue two
    subjects, the relative pronoun and a noun, the noun is the speaker, not the antecedent."""
    if head.dep_ != "relcl" or (src is not None and src.i != head.head.i):
        return src
    nouns = [c for c in head.children if c.dep_ == "nsubj" and c.tag_ not in ("WDT", "WP")]
    if nouns and any(c.tag_ in ("WDT", "WP") for c in head.children):
        return nouns[0]
    return src


def _quoted_as_saying(doc: Doc, cue: Cue) -> Token | None:
    """"The paper quoted the minister as saying ...": the one quoted (the object of
    "quoted") is the speaker, not the subject."""
    head = doc[cue.head]
    prep = head.head
    if head.dep_ != "pcomp" or prep.lower_ != "as" or prep.head.lower_ not in (
            "quoted", "quoting", "quotes", "quote"):
        return None
    objs = [c for c in prep.head.children if c.dep_ == "dobj"]
    return objs[0] if objs else None


def _around_parenthetical(doc: Doc, cue: Cue, src: Token | None) -> tuple[int, int] | None:
    """For a cue set off by commas inside a sentence ("Riding alone, they said, can be
    hazardous"; "The plant, said its chief executive, is under pressure"), the sentence
    without the parenthetical is the statement; the parse often splits it wrongly."""
    if src is None:
        return None
    sent = doc[cue.head].sent
    lo = min(cue.i, mention_span(doc, src).start) - 1
    hi = max(cue.j, mention_span(doc, src).end)
    while hi < sent.end and hi - cue.j < 5 and doc[hi].text != "," and not doc[hi].is_punct:
        hi += 1  # "said on Saturday,"
    if lo <= sent.start or hi >= sent.end - 1:
        return None
    if doc[lo].text != "," or doc[hi].text != ",":
        return None
    if any(t.is_quote for t in sent):
        return None  # quotes are handled from the marks
    before = [t for t in doc[sent.start : lo] if t.is_alpha]
    after = [t for t in doc[hi + 1 : sent.end] if t.is_alpha]
    if len(before) < 2 or len(after) < 2:
        return None
    return _trim(doc, sent.start, sent.end)


def _parenthetical(verb: Token) -> bool:
    """The cue clause sits inside its head clause, with words of it on both sides."""
    own = {t.i for t in verb.subtree}
    words = [t.i for t in verb.head.subtree if t.i not in own and not t.is_punct]
    return bool(words) and min(words) < verb.i < max(words)


def _that_clause_under_prep(verb: Token) -> list[Token]:
    """A that-clause the parser hung on the noun of a prepositional phrase of the cue
    ("said in a statement that ...", "noted in a report last month that ...")."""
    found = []
    for prep in verb.children:
        if prep.dep_ not in ("prep", "agent") or prep.i < verb.i:
            continue
        for pobj in prep.children:
            if pobj.dep_ != "pobj" and pobj.lower_ in lexicon().forms:
                continue  # "replied, before adding that ...": a cue of its own
            for clause in pobj.children:
                if clause.dep_ in ("acl", "ccomp", "relcl") and clause.left_edge.lower_ == "that":
                    found.append(clause)
    return found


def _same_side(t: int, parts: list[Token], verb: Token) -> bool:
    # keep the region contiguous on one side of the verb when parts lie on both sides
    sides = {p.i > verb.i for p in parts}
    return len(sides) == 1 or t > verb.i


def _lemma(verb: Token, lex: Lexicon) -> str | None:
    return lex.forms[verb.lower_][0] if verb.lower_ in lex.forms else None


def _has_mark(tok: Token, word: str) -> bool:
    return any(c.dep_ == "mark" and c.lower_ == word for c in tok.children)


def _is_date_phrase(prep: Token) -> bool:
    return any(t.ent_type_ in _DATE_LABELS for t in prep.subtree)


def _according_content(doc: Doc, cue: Cue) -> tuple[int, int] | None:
    """The clause an "according to X" phrase is attached to, without the phrase itself."""
    first = doc[cue.i]
    sent = first.sent
    phrase = {t.i for t in first.subtree} | set(range(cue.i, cue.j))
    phrase_hi = max(phrase)
    if cue.i <= sent.start + 1:  # "According to X, <clause>."
        return _trim(doc, phrase_hi + 1, sent.end)
    return _trim(doc, sent.start, cue.i)  # "<clause>, according to X."


def _trim(doc: Doc, i: int, j: int) -> tuple[int, int] | None:
    """Strip punctuation and spaces at both ends of tokens [i, j), and a dangling
    conjunction at the end; None if nothing is left."""
    while i < j and (doc[i].is_punct or doc[i].is_space):
        i += 1
    while j > i and (doc[j - 1].is_punct or doc[j - 1].is_space or doc[j - 1].dep_ == "cc"):
        j -= 1
    return (i, j) if j > i else None
