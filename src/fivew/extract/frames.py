"""Quote frames without a reporting verb: "“...” — Name" and "Name ...: “...”".

Each function looks at the text around one quoted span and returns the cue as a char span
(the dash, or the verb/colon before the quote) and the token that heads the speaker's
name, or None when the frame does not apply. Offsets index `Article.text`.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from fivew.extract.quotemarks import Quoted

_DASH_AFTER = re.compile(r"^[ \t,]*(—|–|―|--?)[ \t]*")
_SPEAKER_LABELS = {"PERSON", "ORG", "NORP", "GPE"}
_PERSONAL = {"he", "she", "they", "we", "i", "it"}


def dash_speaker(doc: Doc, q: Quoted) -> tuple[tuple[int, int], Token] | None:
    """“...” — Name, title: the dash is the cue, the name right after it the speaker."""
    text = doc.text
    m = _DASH_AFTER.match(text[q.outer_end : q.outer_end + 12])
    if m is None:
        return None
    dash = (q.outer_end + m.start(1), q.outer_end + m.end(1))
    first = _token_at(doc, q.outer_end + m.end())
    if first is None or not (first.ent_type_ in _SPEAKER_LABELS or first.pos_ == "PROPN"):
        return None
    head = first
    while head.i + 1 < len(doc) and doc[head.i + 1].ent_iob_ == "I":
        head = doc[head.i + 1]  # the last word of the name heads it
    return dash, head


def colon_speaker(doc: Doc, q: Quoted) -> tuple[tuple[int, int], Token] | None:
    """"Name: “...”" or "<clause with a person/organisation subject>: “...”"."""
    text = doc.text
    j = q.outer_start
    while j > 0 and text[j - 1] in " \t":
        j -= 1
    if j == 0 or text[j - 1] != ":":
        return None
    colon = _token_at(doc, j - 1)
    if colon is None or colon.i == 0:
        return None
    before = doc[colon.i - 1]
    sent_start = colon.sent.start
    if before.ent_type_ in _SPEAKER_LABELS and _name_starts_clause(doc, before, sent_start):
        return (colon.idx, colon.idx + 1), before  # "Kovac: “...”"
    root = _clause_root(doc, colon)
    if root is None or root.i < sent_start:
        # "Former secretary of state Hillary Clinton: “...”": a verbless lead-in ending in a name
        if before.ent_type_ in ("PERSON", "ORG") and not any(
                t.pos_ in ("VERB", "AUX") for t in doc[sent_start : colon.i]):
            return (colon.idx, colon.idx + 1), before
        return None
    for child in root.children:
        if child.dep_ == "nsubj" and child.i < colon.i and _is_speakerlike(child):
            return (root.idx, root.idx + len(root)), child
    return None


def _name_starts_clause(doc: Doc, tok: Token, sent_start: int) -> bool:
    i = tok.i
    while i > sent_start and doc[i - 1].ent_iob_ != "O" and doc[i].ent_iob_ == "I":
        i -= 1
    return i == sent_start


def _clause_root(doc: Doc, colon: Token) -> Token | None:
    """The verb the pre-colon clause hangs on."""
    tok = doc[colon.i - 1]
    for anc in [tok, *tok.ancestors]:
        if anc.pos_ in ("VERB", "AUX") and anc.i < colon.i:
            return anc
    return None


def _is_speakerlike(tok: Token) -> bool:
    return (tok.ent_type_ in _SPEAKER_LABELS or tok.lower_ in _PERSONAL
            or tok.pos_ == "PROPN")


def _token_at(doc: Doc, char: int) -> Token | None:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return doc[span.start] if span is not None and len(span) else None
