"""Linking events to where and when they happened, and quotes to when they were said.

Events and quotes are built by hand here (their stages live in other modules) over the
real parse, places and dates of each sentence.
"""

from __future__ import annotations

import pytest

from conftest import assert_offsets
from fivew.extract.links import link_places_and_dates
from fivew.pipeline import analysable_text
from fivew.records import Article, Event, Quote, Span


def _span(article: Article, word: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = article.text.index(word, start + 1)
    return article.span(start, start + len(word))


def _event(article: Article, trigger: str, type_: str = "ASSAULT") -> Event:
    span = _span(article, trigger)
    return Event(type=type_, mode=None, context=(), cameo=None, trigger=span,
                 evidence=article.span(0, len(article.text)), source=None, target=None)


def _link(nlp, article: Article) -> Article:  # type: ignore[no-untyped-def]
    linked = link_places_and_dates(nlp(analysable_text(article)), article)
    article.events, article.quotes = linked["events"], linked["quotes"]
    return article


@pytest.mark.parametrize(
    "text,trigger,type_,place",
    [
        ("Russian missiles destroyed a shopping center in Kyiv on Sunday.", "destroyed", "ASSAULT", "Kyiv"),
        ("Ukraine braced for strikes. In the capital, officials imposed a curfew.", "imposed", "COERCE", "the capital"),
        ("Heavy fighting continues north of Kyiv, the ministry said.", "fighting", "FIGHT", "north of Kyiv"),
        ("Russian forces shelled Kharkiv overnight, Ukrainian officials said.", "shelled", "ASSAULT", "Kharkiv"),
        ("Ukrainian troops clashed with Russian units near Izium.", "clashed", "FIGHT", "near Izium"),
        ("Protesters gathered outside the Kremlin on Saturday.", "gathered", "PROTEST", "outside the Kremlin"),
        ("Delegations from Ukraine and Russia met in Istanbul on Tuesday.", "met", "CONSULT", "Istanbul"),
        ("The minister arrived in Warsaw after talks in Berlin.", "arrived", "CONSULT", "Warsaw"),
        ("Rebels attacked a police station in Luhansk, Ukraine said.", "attacked", "ASSAULT", "Luhansk"),
        ("Police arrested dozens of protesters in Moscow on Sunday.", "arrested", "COERCE", "Moscow"),
    ],
)
def test_event_place_is_attached_to_trigger(nlp, analyse, text, trigger, type_, place) -> None:  # type: ignore[no-untyped-def]
    article = analyse(text, published="2022-03-21")
    article.events = [_event(article, trigger, type_)]
    event = _link(nlp, article).events[0]
    assert event.place is not None, [p.text for p in article.places]
    assert event.place.text == place
    assert_offsets(article)


@pytest.mark.parametrize(
    "text,trigger,type_",
    [
        # the place belongs to another clause or is not where the event happened
        ("Officials in Kyiv said Russian troops attacked the convoy.", "attacked", "ASSAULT"),
        ("Moscow has accused Kyiv of stalling the peace talks.", "accused", "ACCUSE"),
        ("The Kremlin said Russia would not pause the offensive.", "pause", "RETREAT"),
        ("Kyiv officials imposed a curfew.", "imposed", "COERCE"),
    ],
)
def test_no_place_when_none_is_attached(nlp, analyse, text, trigger, type_) -> None:  # type: ignore[no-untyped-def]
    article = analyse(text, published="2022-03-21")
    article.events = [_event(article, trigger, type_)]
    assert _link(nlp, article).events[0].place is None


def test_dateline_is_the_fallback_place(nlp, analyse) -> None:  # type: ignore[no-untyped-def]
    article = analyse("KYIV, Ukraine (Reuters) - Officials said the shelling killed four people.",
                      published="2022-03-21")
    article.events = [_event(article, "killed")]
    event = _link(nlp, article).events[0]
    assert event.place is not None and event.place.dateline and event.place.name == "Kyiv"


@pytest.mark.parametrize(
    "text,trigger,date_text,value",
    [
        ("Russian missiles destroyed a shopping center in Kyiv on Sunday.", "destroyed", "Sunday", "2022-03-20"),
        ("Officials imposed a curfew on Monday night.", "imposed", "Monday night", "2022-03-21"),
        ("The two sides will meet again next week.", "meet", "next week", "2022-03-28/2022-04-03"),
        ("Last year, troops massed along the border.", "massed", "Last year", "2021-01-01/2021-12-31"),
        ("Russia invaded Ukraine on Feb. 24.", "invaded", "Feb. 24", "2022-02-24"),
    ],
)
def test_event_date_is_attached_to_trigger(nlp, analyse, text, trigger, date_text, value) -> None:  # type: ignore[no-untyped-def]
    article = analyse(text, published="2022-03-21")
    article.events = [_event(article, trigger)]
    event = _link(nlp, article).events[0]
    assert event.date is not None and not event.date.fallback
    assert (event.date.text, event.date.value) == (date_text, value)


@pytest.mark.parametrize(
    "text,trigger",
    [
        ("The ministry said on Friday that troops attacked the convoy.", "attacked"),
        ("Troops attacked the convoy, officials said.", "attacked"),
    ],
)
def test_event_date_falls_back_to_publication(nlp, analyse, text, trigger) -> None:  # type: ignore[no-untyped-def]
    article = analyse(text, published="2022-03-21")
    article.events = [_event(article, trigger)]
    event = _link(nlp, article).events[0]
    assert event.date is not None and event.date.fallback
    assert event.date.value == "2022-03-21"


def test_no_date_without_publication_date(nlp, analyse) -> None:  # type: ignore[no-untyped-def]
    article = analyse("Troops attacked the convoy, officials said.")
    article.events = [_event(article, "attacked")]
    assert _link(nlp, article).events[0].date is None


@pytest.mark.parametrize(
    "text,cue,value",
    [
        ("Russia will not pause, the spokesman said on Monday.", "said", "2022-03-21"),
        ("The ministry said Friday that the talks had stalled.", "said", "2022-03-18"),
        ("“We will not surrender,” the mayor told reporters last week.", "told", "2022-03-14/2022-03-20"),
        ("“We will not surrender,” the mayor said.", "said", "2022-03-21"),
        ("The minister said earlier this month that Russia was lying.", "said", "2022-03-01/2022-03-21"),
    ],
)
def test_quote_date(nlp, analyse, text, cue, value) -> None:  # type: ignore[no-untyped-def]
    article = analyse(text, published="2022-03-21")
    article.quotes = [Quote(text=text, start=0, end=len(text), kind="indirect",
                            cue=_span(article, cue), speaker=None)]
    assert _link(nlp, article).quotes[0].date == value


def test_existing_values_are_kept(nlp, analyse) -> None:  # type: ignore[no-untyped-def]
    article = analyse("Troops attacked the convoy in Kharkiv on Sunday.", published="2022-03-21")
    preset = article.places[0]
    event = _event(article, "attacked")
    article.events = [Event(**{**event.__dict__, "place": preset})]
    article.quotes = [Quote(text="x", start=0, end=1, kind="direct", cue=None, speaker=None,
                            date="2020-01-01")]
    linked = _link(nlp, article)
    assert linked.events[0].place is preset and linked.quotes[0].date == "2020-01-01"


def test_pipeline_runs_links_last(pipeline) -> None:  # type: ignore[no-untyped-def]
    assert pipeline.stages[-1].name == "links"
