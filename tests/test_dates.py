"""Time expressions resolved against the publication date."""

from __future__ import annotations

from datetime import date

import pytest

from conftest import assert_offsets
from fivew.extract.daterules import resolve
from fivew.extract.dates import publication_fallback
from fivew.records import Article

MON = date(2022, 3, 21)  # a Monday
THU = date(2023, 6, 15)  # a Thursday


@pytest.mark.parametrize(
    "expr,published,tense,value,precision,direction",
    [
        # absolute
        ("March 20, 2022", MON, None, "2022-03-20", "day", "past"),
        ("20 March 2022", MON, None, "2022-03-20", "day", "past"),
        ("2022-03-20", MON, None, "2022-03-20", "day", "past"),
        ("3/20/2022", MON, None, "2022-03-20", "day", "past"),
        ("Sept. 11, 2001", MON, None, "2001-09-11", "day", "past"),
        ("March 2014", MON, None, "2014-03-01/2014-03-31", "month", "past"),
        ("2014", MON, None, "2014-01-01/2014-12-31", "year", "past"),
        ("the 1990s", THU, None, "1990-01-01/1999-12-31", "year", "past"),
        # month-day without a year: year from publication and tense
        ("Feb. 24", MON, None, "2022-02-24", "day", "past"),
        ("the start of the Feb. 24", MON, None, "2022-02-24", "day", "past"),
        ("Dec. 25", MON, "past", "2021-12-25", "day", "past"),
        ("Dec. 25", MON, None, "2021-12-25", "day", "past"),
        ("Jan. 10", MON, "future", "2023-01-10", "day", "future"),
        ("April 3", MON, "future", "2022-04-03", "day", "future"),
        ("March 25", MON, None, "2022-03-25", "day", "future"),
        ("June 1st", THU, "past", "2023-06-01", "day", "past"),
        # weekdays
        ("Monday", MON, "past", "2022-03-21", "day", "past"),
        ("Sunday", MON, "past", "2022-03-20", "day", "past"),
        ("Friday", MON, "past", "2022-03-18", "day", "past"),
        ("Friday", MON, "future", "2022-03-25", "day", "future"),
        ("Tuesday", THU, "past", "2023-06-13", "day", "past"),
        ("Tuesday", THU, "future", "2023-06-20", "day", "future"),
        ("last Monday", MON, "past", "2022-03-14", "day", "past"),
        ("next Friday", THU, "future", "2023-06-16", "day", "future"),
        ("Monday night", MON, "past", "2022-03-21", "day", "past"),
        ("Saturday", THU, None, "2023-06-17", "day", "future"),
        # days
        ("yesterday", MON, "past", "2022-03-20", "day", "past"),
        ("today", THU, None, "2023-06-15", "day", "present"),
        ("tomorrow", THU, "future", "2023-06-16", "day", "future"),
        ("last night", THU, "past", "2023-06-14", "day", "past"),
        # calendar units
        ("earlier this month", MON, "past", "2022-03-01/2022-03-21", "month", "past"),
        ("later this month", MON, "future", "2022-03-21/2022-03-31", "month", "future"),
        ("last month", THU, "past", "2023-05-01/2023-05-31", "month", "past"),
        ("next month", MON, "future", "2022-04-01/2022-04-30", "month", "future"),
        ("last week", MON, "past", "2022-03-14/2022-03-20", "week", "past"),
        ("this week", THU, "present", "2023-06-12/2023-06-18", "week", "present"),
        ("earlier this week", THU, "past", "2023-06-12/2023-06-15", "week", "past"),
        ("next week", THU, "future", "2023-06-19/2023-06-25", "week", "future"),
        ("last year", MON, "past", "2021-01-01/2021-12-31", "year", "past"),
        ("next year", MON, "future", "2023-01-01/2023-12-31", "year", "future"),
        ("earlier this year", THU, "past", "2023-01-01/2023-06-15", "year", "past"),
        ("last weekend", MON, "past", "2022-03-19/2022-03-20", "week", "past"),
        ("over the weekend", MON, "past", "2022-03-19/2022-03-20", "week", "past"),
        ("the weekend", THU, "future", "2023-06-17/2023-06-18", "week", "future"),
        ("overnight", MON, "past", "2022-03-20/2022-03-21", "day", "past"),
        ("the end of the month", MON, "future", "2022-03-01/2022-03-31", "month", "present"),
        # spans relative to publication
        ("more than a week ago", MON, "past", "../2022-03-14", "week", "past"),
        ("over two months ago", THU, "past", "../2023-04-15", "month", "past"),
        ("less than a year ago", MON, "past", "2021-03-21/2022-03-21", "year", "past"),
        ("three weeks ago", MON, "past", "2022-02-28/2022-03-06", "week", "past"),
        ("two days ago", THU, "past", "2023-06-13", "day", "past"),
        ("a year ago", MON, "past", "2021-01-01/2021-12-31", "year", "past"),
        ("the coming weeks", MON, "future", "2022-03-22/2022-04-11", "week", "future"),
        ("in the coming days", THU, "future", "2023-06-16/2023-06-22", "day", "future"),
        ("the next two weeks", THU, "future", "2023-06-16/2023-06-29", "week", "future"),
        ("recent days", MON, "past", "2022-03-14/2022-03-21", "day", "past"),
        ("in recent weeks", THU, "past", "2023-05-25/2023-06-15", "week", "past"),
        ("the past 24 hours", THU, "past", "2023-06-14/2023-06-15", "day", "past"),
        ("the past three months", THU, "past", "2023-03-17/2023-06-15", "month", "past"),
        ("in two weeks", MON, "future", "2022-04-04/2022-04-10", "week", "future"),
        # months and seasons
        ("late February", MON, "past", "2022-02-01/2022-02-28", "month", "past"),
        ("late May", MON, "past", "2021-05-01/2021-05-31", "month", "past"),
        ("early May", MON, "future", "2022-05-01/2022-05-31", "month", "future"),
        ("mid-March", THU, "past", "2023-03-01/2023-03-31", "month", "past"),
        ("October", MON, "future", "2022-10-01/2022-10-31", "month", "future"),
        ("October", MON, "past", "2021-10-01/2021-10-31", "month", "past"),
        ("last summer", MON, "past", "2021-06-01/2021-08-31", "month", "past"),
        ("the winter of 2014", MON, None, "2014-12-01/2015-02-28", "month", "past"),
    ],
)
def test_resolve(expr, published, tense, value, precision, direction) -> None:  # type: ignore[no-untyped-def]
    found = resolve(expr, published, tense)
    assert found is not None
    assert (found.value, found.precision, found.direction) == (value, precision, direction)


@pytest.mark.parametrize(
    "expr",
    ["15 years", "two days", "day", "a day-and-a-half", "nightly", "10 a.m.", "every week",
     "62 years old", "the years", "five-year", "hours", "more than a month", "about 10 days"],
)
def test_not_points_in_time(expr: str) -> None:
    assert resolve(expr, MON, "past") is None


@pytest.mark.parametrize(
    "expr,value",
    [("March 20, 2022", "2022-03-20"), ("2014", "2014-01-01/2014-12-31"), ("Monday", None),
     ("last year", None), ("Feb. 24", None)],
)
def test_without_publication_date_only_dated_expressions_resolve(expr, value) -> None:  # type: ignore[no-untyped-def]
    found = resolve(expr, None, "past")
    assert found is not None and found.value == value


@pytest.mark.parametrize(
    "sentence,expr,value",
    [
        # tense of the clause picks the weekday (published Monday 2022-03-21)
        ("The Kremlin said on Friday that talks would continue.", "Friday", "2022-03-18"),
        ("Leaders will meet on Friday in Brussels.", "Friday", "2022-03-25"),
        ("The minister is expected to visit Warsaw on Thursday.", "Thursday", "2022-03-24"),
        ("Police said the suspect was arrested Saturday.", "Saturday", "2022-03-19"),
        ("The talks are scheduled to resume on Wednesday.", "Wednesday", "2022-03-23"),
        ("Rescuers had searched the rubble since Thursday.", "Thursday", "2022-03-17/2022-03-21"),
        ("The government plans to announce the measures on Tuesday.", "Tuesday", "2022-03-22"),
        # what the small model often misses or splits
        ("Officials imposed a curfew from Monday night.", "Monday night", "2022-03-21"),
        ("The vote is scheduled for April 3.", "April 3", "2022-04-03"),
        ("More than a week ago, negotiators said there was progress.", "More than a week ago", "../2022-03-14"),
        ("The city has been shelled since the start of the Feb. 24 invasion.", "Feb. 24", "2022-02-24/2022-03-21"),
        ("Russia in recent days has become bogged down.", "in recent days", "2022-03-14/2022-03-21"),
        ("Moscow will prioritise the east in the coming weeks.", "in the coming weeks", "2022-03-22/2022-04-11"),
        ("Earlier this month, the minister said the talks were a smokescreen.", "Earlier this month", "2022-03-01/2022-03-21"),
        ("The bridge was destroyed three weeks ago, officials said.", "three weeks ago", "2022-02-28/2022-03-06"),
        ("Last year the economy shrank.", "Last year", "2021-01-01/2021-12-31"),
        ("Russia fired dozens of missiles at Ukraine overnight.", "overnight", "2022-03-20/2022-03-21"),
        # "would" is the future of reported speech
        ("He said the government would release the aid by Friday.", "Friday", "2022-03-25"),
        ("She said every region would get vaccines by the end of March.", "the end of March", "2022-03-01/2022-03-31"),
        # "until" ends a period running on from publication
        ("Public gatherings were banned until Thursday.", "Thursday", "2022-03-24"),
        ("The border stays closed till Saturday, the guards said.", "Saturday", "2022-03-26"),
        ("The army announced drills starting on Thursday.", "Thursday", "2022-03-24"),
        ("Officials said new rules take effect beginning Friday.", "Friday", "2022-03-25"),
    ],
)
def test_dates_in_sentences(analyse, sentence, expr, value) -> None:  # type: ignore[no-untyped-def]
    article = analyse(sentence, published="2022-03-21")
    found = [d for d in article.dates if expr in d.text]
    assert found, [d.text for d in article.dates]
    assert found[0].value == value
    assert_offsets(article)


@pytest.mark.parametrize(
    "sentence",
    [
        "He is a reporter with 15 years experience.",
        "The curfew lasts a day and a half.",
        "Missiles hit the city nightly.",
        "“It is gone,” said Marta Silva, 67, who has lived there for forty years.",
        "The library will close on Sundays.",
    ],
)
def test_durations_are_not_reported(analyse, sentence: str) -> None:  # type: ignore[no-untyped-def]
    article = analyse(sentence, published="2022-03-21")
    assert [d.text for d in article.dates] == []


def test_missing_publication_date_leaves_relative_dates_unresolved(analyse) -> None:  # type: ignore[no-untyped-def]
    article = analyse("The ministry said on Monday that 12 soldiers died on March 3, 2022.")
    values = {d.text: d.value for d in article.dates}
    assert values == {"Monday": None, "March 3, 2022": "2022-03-03"}


def test_publication_fallback() -> None:
    article = Article(id="a", source="s", text="x", published="2022-03-21T10:00:00Z")
    fallback = publication_fallback(article)
    assert fallback is not None and fallback.fallback
    assert (fallback.value, fallback.precision, fallback.text) == ("2022-03-21", "day", "")
    assert publication_fallback(Article(id="b", source="s", text="x")) is None


# Periods (published Wednesday 2024-08-14): "since X" runs to publication; "from X to Y",
# "between X and Y" and "X to Y" run from X's first day to Y's last; "X and Y" stays two.
@pytest.mark.parametrize(
    "sentence,expr,value,precision",
    [
        ("The fire has burned homes north of the capital since Sunday.", "since Sunday",
         "2024-08-11/2024-08-14", "day"),
        ("Cholera has killed 1,500 people since last year.", "since last year",
         "2023-01-01/2024-08-14", "year"),
        ("The border crossing has been closed since March.", "since March",
         "2024-03-01/2024-08-14", "month"),
        ("Fighting has raged ever since July 4, residents said.", "ever since July 4",
         "2024-07-04/2024-08-14", "day"),
        ("Between Sunday and Tuesday, 60 people were treated for burns.",
         "Between Sunday and Tuesday", "2024-08-11/2024-08-13", "day"),
        ("From Feb. 21 to March 13, the storm crossed the ocean.", "From Feb. 21 to March 13",
         "2024-02-21/2024-03-13", "day"),
        ("Flights were suspended from Aug. 1 through Aug. 5.", "from Aug. 1 through Aug. 5",
         "2024-08-01/2024-08-05", "day"),
        ("Schools will stay shut between Aug. 19 and Aug. 23, the ministry said.",
         "between Aug. 19 and Aug. 23", "2024-08-19/2024-08-23", "day"),
        ("Rainfall between 2010 and 2020 was below average.", "between 2010 and 2020",
         "2010-01-01/2020-12-31", "year"),
        ("Exports fell from January to May, customs data showed.", "from January to May",
         "2024-01-01/2024-05-31", "month"),
        ("The festival ran July 5 to July 7 in the old town.", "July 5 to July 7",
         "2024-07-05/2024-07-07", "day"),
    ],
)
def test_periods(analyse, sentence, expr, value, precision) -> None:  # type: ignore[no-untyped-def]
    article = analyse(sentence, published="2024-08-14")
    found = [(d.text, d.value, d.precision) for d in article.dates]
    assert (expr, value, precision) in found, found


@pytest.mark.parametrize(
    "sentence,values",
    [
        ("Officials met on Monday and Tuesday.", ["2024-08-12", "2024-08-13"]),
        ("Talks between Russia and Ukraine stalled on Friday.", ["2024-08-09"]),
        ("He arrived on Monday and left on Tuesday.", ["2024-08-12", "2024-08-13"]),
    ],
)
def test_two_dates_are_not_a_period(analyse, sentence, values) -> None:  # type: ignore[no-untyped-def]
    article = analyse(sentence, published="2024-08-14")
    assert [d.value for d in article.dates] == values


# Rolling and named stretches around publication (published Wednesday 2024-08-14).
@pytest.mark.parametrize(
    "sentence,expr,value,direction",
    [
        ("Prices have climbed sharply over the past two weeks.", "the past two weeks",
         "2024-07-31/2024-08-14", "past"),
        ("Over the past three days, rescuers pulled 40 people from the rubble.",
         "the past three days", "2024-08-11/2024-08-14", "past"),
        ("During the past week, the river rose by two metres.", "the past week",
         "2024-08-07/2024-08-14", "past"),
        ("Inflation rose last week.", "last week", "2024-08-05/2024-08-11", "past"),
        ("Over the past year, the currency lost half its value.", "the past year",
         "2023-08-15/2024-08-14", "past"),
        ("Police arrested 12 people over the weekend.", "the weekend",
         "2024-08-10/2024-08-11", "past"),
        ("Protesters will gather again over the weekend, organisers said.", "the weekend",
         "2024-08-17/2024-08-18", "future"),
        ("A drone struck a fuel depot last night.", "last night", "2024-08-13", "past"),
        ("Explosions were heard in the city overnight.", "overnight",
         "2024-08-13/2024-08-14", "past"),
        ("Overnight, the army shelled the border villages.", "Overnight",
         "2024-08-13/2024-08-14", "past"),
        ("More troops are expected to arrive in the coming days.", "in the coming days",
         "2024-08-15/2024-08-21", "future"),
        ("The central bank will decide on rates in the coming weeks.", "in the coming weeks",
         "2024-08-15/2024-09-04", "future"),
        ("Prices will fall in the coming week, traders said.", "the coming week",
         "2024-08-15/2024-08-21", "future"),
    ],
)
def test_stretches_around_publication(analyse, sentence, expr, value, direction) -> None:  # type: ignore[no-untyped-def]
    article = analyse(sentence, published="2024-08-14")
    found = [(d.text, d.value, d.direction) for d in article.dates if expr in d.text]
    assert found and found[0][1:] == (value, direction), found


@pytest.mark.parametrize(
    "sentence,expr,value",
    [
        # Years carry their own: the period resolves without a publication date.
        ("Rainfall between 2010 and 2020 was below average.", "between 2010 and 2020",
         "2010-01-01/2020-12-31"),
        ("Exports fell from 2019 to 2021.", "from 2019 to 2021", "2019-01-01/2021-12-31"),
        # Weekdays and month-days need one: whatever span is reported has no value.
        ("The fire has burned since Sunday.", "Sunday", None),
        ("Flights were suspended from Aug. 1 through Aug. 5.", "Aug. 1", None),
    ],
)
def test_periods_without_publication_date(analyse, sentence, expr, value) -> None:  # type: ignore[no-untyped-def]
    article = analyse(sentence)
    found = [(d.text, d.value) for d in article.dates if expr in d.text]
    assert found and all(v == value for _, v in found), found
