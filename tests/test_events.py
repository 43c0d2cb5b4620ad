"""Event coding, sentence by sentence: one parametrised table per mechanism.

Each case is a news-style sentence written for these tests and the event(s) a careful
coder would record: (type, source country or sector, target country or sector). An actor
is written as "RUS", "GOV", "RUS/GOV" or None; `_actor_ok` compares only what is given.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from conftest import assert_offsets
from fivew.records import Actor, Article, Event

Analyse = Callable[..., Article]


def _actor_ok(actor: Actor | None, want: str | None) -> bool:
    if want is None:
        return actor is None or (actor.country is None and actor.sector is None)
    if actor is None:
        return False
    country, _, sector = want.partition("/")
    if len(country) != 3 or not country.isupper() or country in SECTORS:
        country, sector = "", want
    return (not country or actor.country == country) and (not sector or actor.sector == sector)


SECTORS = {"GOV", "MIL", "REB", "CVL", "COP", "OPP", "IGO", "MED", "BUS", "LEG", "NGO", "JUD", "LAB", "EDU",
           "HLH", "REL", "ELI"}


def _find(article: Article, type_: str, src: str | None, tgt: str | None) -> Event | None:
    for e in article.events:
        if e.type == type_ and _actor_ok(e.source, src) and _actor_ok(e.target, tgt):
            return e
    return None


def _check(analyse: Analyse, text: str, type_: str, src: str | None, tgt: str | None) -> Event:
    article = analyse(text)
    assert_offsets(article)
    event = _find(article, type_, src, tgt)
    got = [(e.type, e.source and (e.source.country, e.source.sector),
            e.target and (e.target.country, e.target.sector)) for e in article.events]
    assert event is not None, f"no {type_} {src}->{tgt} in {got}"
    return event


ACTIVE = [
    ("Iran accused Israel of sabotaging its nuclear facility.", "ACCUSE", "IRN", "ISR"),
    ("Rebels attacked an army convoy near the border on Tuesday.", "ASSAULT", "REB", "MIL"),
    ("Police arrested dozens of protesters in the capital.", "COERCE", "COP", "OPP"),
    ("The United States imposed new sanctions on Iran.", "SANCTION", "USA", "IRN"),
    ("Germany will send more air-defence systems to Ukraine, the chancellor said.", "AGREE", "DEU", "UKR"),
    ("Japan's prime minister met the Australian foreign minister in Tokyo.", "CONSULT", "JPN/GOV", "AUS/GOV"),
    ("The Pakistani foreign minister condemned the Indian strikes.", "ACCUSE", "PAK/GOV", "IND"),
    ("Turkey praised Azerbaijan for its restraint.", "SUPPORT", "TUR", "AZE"),
    ("China threatened Taiwan with unspecified countermeasures.", "THREATEN", "CHN", "TWN"),
    ("Armenian troops withdrew from three villages on Friday.", "RETREAT", "ARM/MIL", None),
    ("Saudi Arabia expelled the Lebanese ambassador.", "SANCTION", "SAU", "LBN"),
    ("Thousands of farmers protested against the Indian government in New Delhi.", "PROTEST", "LAB", "IND/GOV"),
]


@pytest.mark.parametrize(("text", "type_", "src", "tgt"), ACTIVE)
def test_active_voice(analyse: Analyse, text: str, type_: str, src: str, tgt: str) -> None:
    _check(analyse, text, type_, src, tgt)


DATELINED = [  # the city of the dateline is where the story was filed, not who acted
    ("KYIV, March 3 (Reuters) - Russia accused Ukraine of shelling a border village.", "ACCUSE", "RUS", "UKR"),
    ("BAGHDAD, Jan 5 (Reuters) - Iraq summoned the Turkish ambassador over the air strikes.", "ACCUSE", "IRQ", "TUR"),
    ("MANILA, June 3 (Reuters) - China's coast guard fired water cannon at a Philippine supply boat.",
     "ASSAULT", "CHN", "PHL"),
    ("TEHRAN, Sept. 12 (AP) — Iran expelled two German diplomats on Thursday.", "SANCTION", "IRN", "DEU"),
]


@pytest.mark.parametrize(("text", "type_", "src", "tgt"), DATELINED)
@pytest.mark.parametrize("layout", [False, True])
def test_a_dateline_is_not_the_subject_of_the_first_sentence(
        analyse: Analyse, text: str, type_: str, src: str, tgt: str, layout: bool) -> None:
    text = ("A Headline For The Story\n\n" + text) if layout else text
    article = analyse(text, layout=layout)
    event = _find(article, type_, src, tgt)
    assert event is not None and event.source is not None, [(e.type, e.source, e.target) for e in article.events]
    assert "(" not in event.source.text and not event.source.text.isupper(), event.source
    assert_offsets(article)


PASSIVE = [
    ("The convoy was ambushed by Taliban fighters.", "ASSAULT", "REB", None),
    ("Two Israeli soldiers were wounded by Hezbollah fire.", "ASSAULT", "LBN", "ISR/MIL"),
    ("The journalist was arrested by Belarusian police.", "COERCE", "BLR/COP", "MED"),
    ("Five civilians were killed by shelling in Donetsk.", "ASSAULT", None, "CVL"),
    ("Serbia was accused by Kosovo of provoking the clashes.", "ACCUSE", "XKX", "SRB"),
]


@pytest.mark.parametrize(("text", "type_", "src", "tgt"), PASSIVE)
def test_passive_voice(analyse: Analyse, text: str, type_: str, src: str, tgt: str) -> None:
    _check(analyse, text, type_, src, tgt)


NOMINAL = [
    ("The bombardment of Kharkiv by Russian forces continued overnight.", "ASSAULT", "RUS/MIL", "UKR"),
    ("Authorities in Minsk imposed a curfew after the protests.", "COERCE", "GOV", "CVL"),  # on its own people
    ("The sanctions on Moscow were extended for six months.", "SANCTION", None, "RUS"),
    ("Talks between Ethiopia and Egypt ended without agreement.", "CONSULT", "ETH", "EGY"),
    ("The city has come under heavy Russian shelling.", "ASSAULT", "RUS", None),
    ("Israeli air strikes on Gaza killed at least twelve people.", "ASSAULT", "ISR", "PSE"),
    ("The European Union approved an embargo on Russian coal.", "SANCTION", "IGO", "RUS"),
    ("Serbia kept its troops on alert while negotiations with Kosovo continued.", "CONSULT", "SRB", "XKX"),
    ("The withdrawal of Russian troops from Kherson was completed on Friday.", "RETREAT", "RUS/MIL", None),
]


@pytest.mark.parametrize(("text", "type_", "src", "tgt"), NOMINAL)
def test_nominal_events(analyse: Analyse, text: str, type_: str, src: str, tgt: str) -> None:
    _check(analyse, text, type_, src, tgt)


def test_nominal_mode_from_modifier(analyse: Analyse) -> None:
    event = _check(analyse, "Israeli air strikes on Gaza killed at least twelve people.", "ASSAULT", "ISR", "PSE")
    assert event.mode == "aerial"
    event = _check(analyse, "The bombardment of Kharkiv by Russian forces continued overnight.",
                   "ASSAULT", "RUS", "UKR")
    assert event.mode == "heavy-weapons" and event.cameo == "19"


COORDINATION = [
    ("French and German officials criticised the decision by Hungary.", [("ACCUSE", "FRA/GOV", "HUN"), ("ACCUSE", "DEU/GOV", "HUN")]),
    ("Egypt and Qatar urged Israel to accept the truce.", [("REQUEST", "EGY", "ISR"), ("REQUEST", "QAT", "ISR")]),
    ("Kenya condemned and rejected the report by Somalia.", [("ACCUSE", "KEN", None), ("REJECT", "KEN", None)]),
]


@pytest.mark.parametrize(("text", "expected"), COORDINATION)
def test_coordination(analyse: Analyse, text: str, expected: list[tuple[str, str, str | None]]) -> None:
    for type_, src, tgt in expected:
        _check(analyse, text, type_, src, tgt)


NEGATION = [
    # (text, type, source, target, negated)
    ("Israel and Hamas did not agree to a ceasefire.", "AGREE", "ISR", "PSE", True),
    ("Azerbaijan will not withdraw its forces from the region, the ministry said.", "REJECT", "AZE", None, False),
    ("The rebels said they would never surrender.", "REJECT", "REB", None, False),
    ("Venezuela refused to release the American journalist.", "REJECT", "VEN", "USA", False),
    ("The army did not attack the town, a spokesman said.", "ASSAULT", "MIL", None, True),
    ("Georgia will not implement a ceasefire while talks continue.", "REJECT", "GEO", None, False),
]


@pytest.mark.parametrize(("text", "type_", "src", "tgt", "negated"), NEGATION)
def test_negation(analyse: Analyse, text: str, type_: str, src: str, tgt: str | None, negated: bool) -> None:
    event = _check(analyse, text, type_, src, tgt)
    assert event.negated is negated


def test_refusal_of_a_ceasefire_is_not_a_ceasefire(analyse: Analyse) -> None:
    article = analyse("Georgia will not implement a ceasefire while talks continue.")
    assert not [e for e in article.events if e.type == "RETREAT"]
    reject = _find(article, "REJECT", "GEO", None)
    assert reject is not None and reject.mode == "yield"


MODALITY = [
    ("Moscow will likely launch a new offensive in the east, analysts said.", "ASSAULT", "hedged"),
    ("Russia may attack Moldova next, the report said.", "ASSAULT", "hedged"),
    ("NATO ministers plan to impose further sanctions on Belarus.", "SANCTION", "planned"),
    ("EU leaders meet on Thursday to discuss imposing sanctions on Iran.", "SANCTION", "planned"),
    ("The minister said that Serbia had expelled two Croatian diplomats.", "SANCTION", "reported"),
    ("Poland sanctioned three Belarusian companies on Monday.", "SANCTION", "asserted"),
]


@pytest.mark.parametrize(("text", "type_", "modality"), MODALITY)
def test_modality(analyse: Analyse, text: str, type_: str, modality: str) -> None:
    article = analyse(text)
    events = [e for e in article.events if e.type == type_]
    assert events, article.events
    assert events[0].modality == modality


def test_reported_speech_names_the_reporter(analyse: Analyse) -> None:
    event = _check(analyse, "Serbia has expelled two Croatian diplomats, Foreign Minister Ivica Dacic said.",
                   "SANCTION", "SRB", "HRV")
    assert event.modality == "reported"
    assert event.reported_by is not None and "Dacic" in event.reported_by.name


DEMANDS = [
    ("The general told reporters that the fighters in Aleppo should lay down their arms.", "REQUEST", "MIL", "SYR"),
    ("Ukraine rejected a Russian demand to surrender the port city.", "REJECT", "UKR", "RUS"),
    ("Ukraine rejected a Russian demand to surrender the port city.", "REQUEST", "RUS", "UKR"),
    ("The United Nations called on Myanmar to release political prisoners.", "REQUEST", "IGO", "MMR"),
]


@pytest.mark.parametrize(("text", "type_", "src", "tgt"), DEMANDS)
def test_demands_and_their_refusal(analyse: Analyse, text: str, type_: str, src: str, tgt: str) -> None:
    event = _check(analyse, text, type_, src, tgt)
    if type_ in ("REQUEST", "REJECT"):
        assert event.mode == "yield"


def test_demand_in_speech_is_demanded(analyse: Analyse) -> None:
    event = _check(analyse, "The general told reporters that the fighters in Aleppo should lay down their arms.",
                   "REQUEST", "MIL", "SYR")
    assert event.modality == "demanded"


REASONS = [
    ("Protesters rallied in Tbilisi because of the new foreign agents law.", "PROTEST", "because of"),
    ("Canada imposed sanctions on Iran over its crackdown on protesters.", "SANCTION", "over its crackdown"),
    ("The ministers met in Brussels to discuss energy prices.", "CONSULT", "to discuss energy prices"),
    ("Kenya withdrew its ambassador from Somalia since talks had failed.", "SANCTION", None),
]


@pytest.mark.parametrize(("text", "type_", "reason"), REASONS)
def test_reason(analyse: Analyse, text: str, type_: str, reason: str | None) -> None:
    article = analyse(text)
    events = [e for e in article.events if e.reason is not None]
    if reason is None:
        return
    assert events, article.events
    assert reason in events[0].reason.text  # type: ignore[union-attr]


CASUALTIES = [
    ("At least eight people were killed by shelling in Kharkiv.", 8, "at least", None),
    ("The strike killed 14 civilians and wounded 30 others, officials said.", 14, "exact", 30),
    ("More than 20 soldiers were killed in the ambush by militants.", 20, "more than", None),
]


@pytest.mark.parametrize(("text", "dead", "qualifier", "hurt"), CASUALTIES)
def test_casualties(analyse: Analyse, text: str, dead: int, qualifier: str, hurt: int | None) -> None:
    article = analyse(text)
    assault = [e for e in article.events if e.type == "ASSAULT" and e.fatalities is not None]
    assert assault, article.events
    assert (assault[0].fatalities.value, assault[0].fatalities.qualifier) == (dead, qualifier)  # type: ignore[union-attr]
    if hurt is not None:
        assert assault[0].injuries is not None and assault[0].injuries.value == hurt


NOTHING = [
    "The weather in Kyiv was mild on Monday.",
    "Officials said the meeting room was being renovated.",
    "The museum opened a new exhibition about the history of the city.",
    "",
    "“ unbalanced quote marks ” ” and emoji 🚀 with \u200b zero-width space",
]


@pytest.mark.parametrize("text", NOTHING)
def test_no_event_is_invented(analyse: Analyse, text: str) -> None:
    article = analyse(text)
    assert [e for e in article.events if e.source or e.target] == [], article.events
    assert not [err for err in article.errors if "events" in err.message]


def test_every_event_quotes_the_text(analyse: Analyse) -> None:
    article = analyse("Russian forces shelled Kharkiv on Monday, killing at least three people, "
                      "and Ukraine accused Moscow of targeting civilians.")
    assert article.events
    assert_offsets(article)
    for e in article.events:
        assert e.evidence.start <= e.trigger.start < e.trigger.end <= e.evidence.end
        assert 0.0 < e.confidence <= 1.0


# --- properties ---------------------------------------------------------------------------

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from fivew.extract.events import find_events  # noqa: E402

_PIECES = [
    "Russia", "Ukraine", "did not", "will not", "accused", "attacked", "shelled", "were killed by",
    "a curfew", "sanctions on", "talks between", "and", "the", "of", "“", "”", "\n", ",", ".",
    "at least eight", "people", "should", "lay down", "arms", "said", "because", "if", "its",
    "rejected", "demand", "to", "withdraw", "troops", "\u00a0", "🚀", "no", "question",
]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(_PIECES), max_size=30))
def test_events_never_crash_and_quote_the_text(pipeline, pieces: list[str]) -> None:  # type: ignore[no-untyped-def]
    text = " ".join(pieces)
    article = Article(id="t", source="test", text=text)
    doc = pipeline.nlp(text)
    for stage in pipeline.stages:
        if stage.name == "events":
            break
        setattr(article, stage.name, stage.run(doc, article))
    for event in find_events(doc, article):
        assert text[event.trigger.start : event.trigger.end] == event.trigger.text
        assert text[event.evidence.start : event.evidence.end] == event.evidence.text
        for actor in (event.source, event.target):
            if actor is not None:
                assert text[actor.start : actor.end] == actor.text
        if event.reason is not None:
            assert text[event.reason.start : event.reason.end] == event.reason.text
