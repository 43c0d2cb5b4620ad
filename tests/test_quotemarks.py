"""Quote-mark pairing: straight/curly marks, apostrophes, unbalanced and paragraph-spanning quotes."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fivew.extract.quotemarks import find_quoted


def inner(text: str) -> list[str]:
    return [text[q.start : q.end] for q in find_quoted(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ('“We will not retreat,” the mayor said.', ["We will not retreat,"]),
        ('"We will not retreat," the mayor said.', ["We will not retreat,"]),
        ("The minister said: “Talks are over.”", ["Talks are over."]),
        ('He called it a "smokescreen" and a "distraction."', ["smokescreen", "distraction."]),
        ("«Nous restons», a-t-il dit.", ["Nous restons"]),
        # apostrophes and possessives are not quote marks
        ("The Epoch Times' news team said Russia’s army “stalled” near Kyiv.", ["stalled"]),
        ("Officials didn't say whether the players' union “agreed.”", ["agreed."]),
        # a mistyped closing-shaped mark used to open still pairs by context
        ("She said ”we are ready” on Monday.", ["we are ready"]),
        # nested single quotes stay inside the double quote
        ("“They told us: ‘Leave now,’ and we left,” he said.",
         ["They told us: ‘Leave now,’ and we left,"]),
        # single quotes as the only marks (headline style)
        ("Mayor: 'We will rebuild the bridge' after floods", ["We will rebuild the bridge"]),
        # an unbalanced opener loses at most that quote
        ("“Unclosed start. Then “a closed one” later.", ["a closed one"]),
        ('A stray closing mark” and then "a real quote" here.', ["a real quote"]),
        ("No quotes at all in this sentence.", []),
    ],
)
def test_pairs(text: str, expected: list[str]) -> None:
    assert inner(text) == expected


def test_paragraph_spanning_quote_is_one_span() -> None:
    text = ("“The first paragraph of the statement goes on.\n"
            "“The second paragraph continues it.\n"
            "“And the third one ends it,” the spokeswoman said.")
    found = find_quoted(text)
    assert len(found) == 1
    assert text[found[0].start : found[0].end].startswith("The first paragraph")
    assert text[found[0].start : found[0].end].endswith("ends it,")


def test_unclosed_quote_runs_to_the_end_of_its_paragraph_only() -> None:
    text = "“This quote never closes.\nA normal paragraph follows with “a quote” inside."
    found = find_quoted(text)
    assert inner(text) == ["This quote never closes.", "a quote"]
    assert [q.closed for q in found] == [False, True]


def test_a_lone_apostrophe_does_not_open_a_quote() -> None:
    assert inner("Prices rose in the '90s and fell again.") == []


def test_quotes_do_not_pair_across_paragraphs_without_continuation() -> None:
    text = 'He said "yes.\nThen" she left.'
    assert inner(text) == ["yes."]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("''We are ready,'' the mayor said.", ["We are ready,"]),
        ("``We are ready,'' the mayor said.", ["We are ready,"]),
        ("He called it ''a disgrace'' and left.", ["a disgrace"]),
    ],
)
def test_typewriter_double_apostrophes_are_double_marks(text: str, expected: list[str]) -> None:
    assert inner(text) == expected


MARKS = st.sampled_from(list('"“”„«»‘’\'') + [" ", "\n", "a", "b", ".", ",", "—", "’s "])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(MARKS, st.text(max_size=5)), max_size=60))
def test_random_marks_never_raise_and_offsets_hold(pieces: list[str]) -> None:
    text = "".join(pieces)
    last_end = -1
    for q in find_quoted(text):
        assert 0 <= q.outer_start < q.start <= q.end < q.outer_end <= len(text) or (
            not q.closed and q.end <= q.outer_end)
        assert text[q.outer_start] in '"“”„‟«»〝〞＂\'‘’‚‛‹›`'
        assert q.outer_start >= last_end  # spans do not overlap
        last_end = q.outer_end
