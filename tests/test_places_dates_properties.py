"""Property tests: on any text, places, dates and quantities quote the text exactly and the
stages never fail."""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import assert_offsets
from fivew.extract.daterules import resolve
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


EXPRESSIONS = [
    "Feb. 29", "Feb. 30", "31 April", "Monday", "last Sunday", "next Saturday", "this Friday",
    "earlier this month", "later this year", "last month", "next month", "last week",
    "this weekend", "last weekend", "the weekend", "three months ago", "more than a year ago",
    "less than a week ago", "in two months", "in the coming weeks", "the past 24 hours",
    "recent days", "last winter", "the winter of 2014", "Dec. 31", "Jan. 1", "March",
    "the 1990s", "2014", "March 20, 2022", "2022-02-30", "13/45/2022", "overnight", "tomorrow",
]


@settings(max_examples=300, deadline=None)
@given(expr=st.sampled_from(EXPRESSIONS), published=st.dates(min_value=date(1900, 1, 1),
                                                              max_value=date(2200, 12, 31)),
       tense=st.sampled_from(["past", "present", "future", None]))
def test_resolution_is_total_and_well_formed(expr: str, published: date, tense: str | None) -> None:
    found = resolve(expr, published, tense)
    if found is None or found.value is None:
        return
    ends = found.value.split("/")
    assert len(ends) in (1, 2)
    parsed = [date.fromisoformat(e) for e in ends if e != ".."]
    assert parsed == sorted(parsed)
    assert found.precision in ("day", "week", "month", "year")
    assert found.direction in ("past", "present", "future")
