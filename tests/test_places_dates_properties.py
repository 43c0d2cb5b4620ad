"""Property tests: on any text, places, dates and quantities quote the text exactly and the
stages never fail."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import assert_offsets
from fivew.extract.numbers import find_quantities

WORDS = [
    "Kyiv", "KYIV", "Kiev", "Mariupol,", "Ukraine", "Paris", "Texas", "Moscow", "the", "capital",
    "north", "of", "near", "eastern", "Ukrainian", "region", "Donetsk", "said", "will", "meet",
    "on", "Monday", "Feb.", "24", "March", "20,", "2022", "last", "week", "more", "than", "a",
    "ago", "in", "coming", "weeks", "at", "least", "eight", "killed", "tens", "thousands",
    "“", "”", "(Reuters)", "-", "—", ",", ".", "\n", "\n\n", "’s", "Bucha", "Kremlin", "\u200b",
    "\u00a0", "é", "Zaporizhzhia", "nuclear", "plant", "until", "Thursday", "1,200", "dozens",
]
texts = st.lists(st.sampled_from(WORDS), max_size=40).map(" ".join) | st.text(max_size=80)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=texts, published=st.sampled_from(["2022-03-21", None, "not a date"]))
def test_offsets_hold_and_nothing_fails(analyse, nlp, text, published) -> None:  # type: ignore[no-untyped-def]
    article = analyse(text, published=published) if published else analyse(text)
    stage_errors = [e for e in article.errors
                    if any(s in e.message for s in ("places", "dates", "links"))]
    assert stage_errors == []
    assert_offsets(article)
    for q in find_quantities(nlp(text)):
        assert text[q.start : q.end] == q.text
