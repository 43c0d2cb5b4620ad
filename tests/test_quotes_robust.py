"""Quotes never fail a document: odd quote marks, apostrophes, empty lines, random text."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import assert_offsets, only_quote
from fivew.records import Article

Analyse = Callable[..., Article]

ODD = [
    "“Unclosed quote at the start, the minister said.",
    "He said ”we are ready“ with the marks reversed.",
    "The Epoch Times' news team said the players' union's “offer” stood.",
    '"""Triple marks""" said nobody. """',
    "“Nested ‘single “double” inside’ marks,” she said.",
    "„German-style“ quotes, said the editor, and «guillemets» too.",
    "“\n”\n“\n",
    "said said said “” ” “",
    "“" * 50,
    "According to",
    "He said: “",
    "— Name",
    "“Quote” —",
]


@pytest.mark.parametrize("text", ODD)
def test_odd_marks_never_fail_the_document(analyse: Analyse, text: str) -> None:
    article = analyse(text)
    assert not [e for e in article.errors if "quotes" in e.message], article.errors
    assert_offsets(article)


WORDS = st.sampled_from([
    "said", "told", "according", "to", "the", "minister", "He", "she", "“", "”", '"', "'",
    "’", "‘", ",", ".", ":", "—", "\n", "Peace", "talks", "failed", "that", "Ana", "Ruiz",
    "warned", "adding", "“We", "ready,”", "claims", "of", "accused",
])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(WORDS, min_size=1, max_size=40))
def test_random_news_words_never_fail(analyse: Analyse, words: list[str]) -> None:
    text = " ".join(words)
    if not text.strip():
        return
    article = analyse(text)
    assert not [e for e in article.errors if "quotes" in e.message], article.errors
    assert_offsets(article)
    for q in article.quotes:
        assert q.kind in ("direct", "mixed", "indirect")
        assert 0 <= q.start < q.end <= len(text)


# Quotation marks typed without the space before or after them (common in pasted and
# machine-converted text): the quote and its speaker are found as if the spaces were there.
GLUED = [
    ("The harbour master said,“The channel stays shut until Friday.”", "The channel stays shut", "harbour master"),
    ("“We will not pay,”the union leader told reporters.", "We will not pay", "union leader"),
    ("The senator said:“Nobody asked us.”", "Nobody asked us", "senator"),
    ("“Enough is enough,”said Maria Gonzalez, a nurse in Lima.", "Enough is enough", "Maria Gonzalez"),
    ('The coach said,"We played badly and we know it."', "We played badly", "coach"),
]


@pytest.mark.parametrize(("text", "fragment", "speaker"), GLUED)
def test_quote_marks_glued_to_words_still_open_and_close_quotes(
        analyse: Analyse, text: str, fragment: str, speaker: str) -> None:
    article = analyse(text)
    quote = only_quote(article, fragment)
    assert quote.kind == "direct"
    assert quote.speaker is not None and speaker in quote.speaker.text
    assert not quote.text.startswith(("“", '"')) and fragment in quote.text
    assert_offsets(article)
