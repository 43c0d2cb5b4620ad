"""Statement nouns as reporting cues: "the claim by X that ...", "X's warning that ...".

A noun of the `nouns` list in `fivew/data/cues.yaml` is a cue when the parse gives it both
  * a named source: its possessor ("the ministry's statement", "his denial") or the object
    of a by/from phrase ("the allegation by the union", "a warning from the agency"), and
  * a content clause: a that-clause hung on the noun (the parser sometimes hangs it on the
    by/from object instead: "the warning from the agency that prices would rise").
"The claim that he made" is a relative clause about the claim, not its content: a clause
whose verb is in `noun_relative_verbs` and has no object of its own is skipped.

Token indices are `Doc` indices: the cue is the noun itself, the source the head of the
speaker's noun phrase, the content the token range [i, j) of the clause without "that".
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from fivew.extract.cues import Cue, Lexicon

_SOURCE_PREPS = ("by", "from")
_OBJECT_DEPS = {"dobj", "ccomp", "xcomp", "attr", "acomp", "oprd", "dative"}


def find_noun_cues(doc: Doc, skip: set[int], lex: Lexicon
                   ) -> list[tuple[Cue, Token, tuple[int, int]]]:
    """(cue, source token, content token range) for each statement noun outside quotes
    (`skip`) that names its source and carries a that-clause."""
    found = []
    for token in doc:
        if token.i in skip or token.lower_ not in lex.nouns or token.tag_ not in ("NN", "NNS"):
            continue
        source = _source(token)
        if source is None or source.i in skip:
            continue
        clause = _that_clause(token, source, lex)
        if clause is None:
            continue
        content = _content(doc, clause)
        if content is not None:
            found.append((Cue(token.i, token.i + 1, token.i, token.lower_, "noun"), source,
                          content))
    return found


def _source(noun: Token) -> Token | None:
    """The possessor of the noun, or the object of the by/from phrase right after it
    (read off the surface: the parser often hangs that phrase on the verb)."""
    for child in noun.children:
        if child.dep_ == "poss":
            return child
    doc = noun.doc
    if noun.i + 1 < len(doc) and doc[noun.i + 1].lower_ in _SOURCE_PREPS:
        objs = [g for g in doc[noun.i + 1].children if g.dep_ == "pobj"]
        if objs:
            return objs[0]
    return None


def _that_clause(noun: Token, source: Token, lex: Lexicon) -> Token | None:
    """The verb of the "that ..." clause right after the noun (or after its by/from
    phrase), whatever the parser hung the clause on."""
    doc = noun.doc
    at = source.i + 1 if source.i > noun.i else noun.i + 1
    if at >= len(doc) or doc[at].lower_ != "that" or doc[at].dep_ not in ("mark", "dobj"):
        return None  # ("that/dobj": the parser's mistake for the complementizer)
    mark, clause = doc[at], doc[at].head
    if clause.i <= mark.i or clause.left_edge.i != mark.i or clause.pos_ not in ("VERB", "AUX"):
        return None
    if not any(c.dep_ in ("nsubj", "nsubjpass", "expl") and c.i != mark.i
               for c in clause.children):
        return None  # "the statement that was issued": "that" is the subject
    if clause.lower_ in lex.noun_relative_verbs and not any(
            c.dep_ in _OBJECT_DEPS and c.i != mark.i for c in clause.children):
        return None  # "the claim that he made": about the claim, not its content
    return clause


def _content(doc: Doc, clause: Token) -> tuple[int, int] | None:
    """The clause's tokens without the leading "that" and trailing punctuation."""
    i, j = clause.left_edge.i + 1, clause.right_edge.i + 1
    while j > i and (doc[j - 1].is_punct or doc[j - 1].is_space):
        j -= 1
    return (i, j) if j - i >= 2 else None
