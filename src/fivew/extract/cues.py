"""Reporting cues: which tokens of a parsed doc attribute a statement ("said", "according to").

The lexicon is data (`fivew/data/cues.yaml`): verb lemmas grouped by what their object
means, irregular forms, and multi-word phrases. The model runs without its lemmatizer
(see `fivew.nlp`), so inflections are generated here from each lemma by regular English
spelling rules; over-generation ("warnned") is harmless because it never matches text.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from fivew.data import DataFileError, load_yaml

GROUPS = ("content", "addressee", "belief", "judgement")
_VOWELS = set("aeiou")
_NOMINAL_DEPS = {"amod", "compound", "dobj", "pobj", "nsubj", "nsubjpass", "attr", "appos"}


@dataclass(frozen=True)
class Lexicon:
    forms: dict[str, tuple[str, str]]  # lowercase word form -> (lemma, group)
    phrases: tuple[tuple[str, ...], ...]
    content_preps: frozenset[str]
    not_cue_before: frozenset[str]
    needs_complement: frozenset[str] = frozenset()
    nouns: frozenset[str] = frozenset()  # "claim", "statement": see `fivew.extract.noun_cues`
    noun_relative_verbs: frozenset[str] = frozenset()  # "the claim that he *made*"
    document_nouns: frozenset[str] = frozenset()  # "a *statement* from the ministry said"
    question_verbs: frozenset[str] = frozenset()  # "asked workers *if* ..."


@dataclass(frozen=True)
class Cue:
    """A reporting cue: tokens [i, j) of the doc; `head` is the token the parse hangs on
    (the verb, or the last word of a phrase such as "according to")."""

    i: int
    j: int
    head: int
    lemma: str
    group: str  # content | addressee | belief | judgement | phrase | noun


def inflections(lemma: str) -> set[str]:
    """Regular inflected forms of an English verb: base, -s, -ed, -ing (with e-drop, y->i
    and final-consonant doubling variants)."""
    forms = {lemma}
    if lemma.endswith(("s", "x", "z", "ch", "sh")):
        forms.add(lemma + "es")
    elif lemma.endswith("y") and len(lemma) > 1 and lemma[-2] not in _VOWELS:
        forms.add(lemma[:-1] + "ies")
    else:
        forms.add(lemma + "s")
    if lemma.endswith("e"):
        forms.add(lemma + "d")
        forms.add(lemma[:-2] + "ying" if lemma.endswith("ie") else lemma[:-1] + "ing")
        if lemma.endswith(("ee", "ye", "oe")):
            forms.add(lemma + "ing")
    elif lemma.endswith("y") and len(lemma) > 1 and lemma[-2] not in _VOWELS:
        forms.update({lemma[:-1] + "ied", lemma + "ing"})
    else:
        forms.update({lemma + "ed", lemma + "ing"})
        last = lemma[-1]
        if last not in _VOWELS | {"w", "x", "y"} and len(lemma) > 2 and lemma[-2] in _VOWELS:
            forms.update({lemma + last + "ed", lemma + last + "ing"})  # admitted, quipping
    return forms


@functools.cache
def lexicon(name: str = "cues.yaml") -> Lexicon:
    """Load and validate the cue lexicon; a malformed file raises DataFileError naming it."""
    raw = load_yaml(name)
    where = f"fivew/data/{name}"
    if not isinstance(raw, dict) or not isinstance(raw.get("verbs"), dict):
        raise DataFileError(f"{where}: expected a mapping with a 'verbs' mapping")
    forms: dict[str, tuple[str, str]] = {}
    lemma_group: dict[str, str] = {}
    for group, lemmas in raw["verbs"].items():
        if group not in GROUPS:
            raise DataFileError(f"{where}: unknown verb group {group!r}; use one of {GROUPS}")
        for lemma in _words(lemmas, f"{where}: verbs.{group}"):
            if lemma in lemma_group:
                raise DataFileError(f"{where}: {lemma!r} is listed twice ({lemma_group[lemma]}, {group})")
            lemma_group[lemma] = group
            for form in inflections(lemma):
                forms.setdefault(form, (lemma, group))
    for form, lemma in (raw.get("irregular") or {}).items():
        if lemma not in lemma_group:
            raise DataFileError(f"{where}: irregular form {form!r} names unknown lemma {lemma!r}")
        forms[str(form).lower()] = (lemma, lemma_group[lemma])
    phrases = []
    for phrase in raw.get("phrases") or []:
        phrases.append(tuple(_words(phrase, f"{where}: phrases")))
    return Lexicon(
        forms=forms,
        phrases=tuple(phrases),
        content_preps=frozenset(_words(raw.get("content_preps") or [], f"{where}: content_preps")),
        not_cue_before=frozenset(_words(raw.get("not_cue_before") or [], f"{where}: not_cue_before")),
        needs_complement=frozenset(
            _words(raw.get("needs_complement") or [], f"{where}: needs_complement")),
        nouns=frozenset(_words(raw.get("nouns") or [], f"{where}: nouns")),
        noun_relative_verbs=frozenset(
            _words(raw.get("noun_relative_verbs") or [], f"{where}: noun_relative_verbs")),
        question_verbs=frozenset(
            _words(raw.get("question_verbs") or [], f"{where}: question_verbs")),
        document_nouns=frozenset(
            _words(raw.get("document_nouns") or [], f"{where}: document_nouns")),
    )


def _words(value: object, where: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(w, str) and w.strip() for w in value):
        raise DataFileError(f"{where}: expected a list of words, got {value!r}")
    return [w.strip().lower() for w in value]


def is_cue_verb(token: Token, lex: Lexicon) -> bool:
    """A verb (by tag, not only by POS: the tagger often calls "says" a noun) in the lexicon."""
    if token.lower_ not in lex.forms:
        return False
    if not (token.pos_ in ("VERB", "AUX") or token.tag_.startswith("VB")):
        return False
    if token.dep_ in _NOMINAL_DEPS:  # "the so-called", "reiterated claims that": a noun
        return False
    nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
    # "said no to the plan" is no statement; "said no deal was possible" is ("no" opens
    # the subject of the reported clause)
    return not (nxt is not None and nxt.lower_ in lex.not_cue_before and nxt.dep_ != "det")


def find_cues(doc: Doc, skip: set[int] | None = None, beliefs: bool = True) -> list[Cue]:
    """Every cue in `doc`, in order; tokens whose index is in `skip` (inside quotes) are
    never cues."""
    lex = lexicon()
    skip = skip or set()
    cues: list[Cue] = []
    taken: set[int] = set()
    for token in doc:
        if token.i in skip or token.i in taken:
            continue
        phrase = _phrase_at(doc, token.i, lex)
        if phrase:
            cues.append(Cue(token.i, token.i + phrase, token.i + phrase - 1,
                            " ".join(t.lower_ for t in doc[token.i : token.i + phrase]), "phrase"))
            taken.update(range(token.i, token.i + phrase))
            continue
        if is_cue_verb(token, lex):
            lemma, group = lex.forms[token.lower_]
            if group == "belief" and not beliefs:
                continue
            cues.append(Cue(token.i, token.i + 1, token.i, lemma, group))
    return cues


def _phrase_at(doc: Doc, i: int, lex: Lexicon) -> int:
    for phrase in lex.phrases:
        n = len(phrase)
        if i + n <= len(doc) and all(doc[i + k].lower_ == w for k, w in enumerate(phrase)):
            return n
    return 0
