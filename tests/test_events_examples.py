"""Event mechanisms behind errors seen on example articles, each tested on varied
news-style sentences written for these tests (expectations checked by hand).

Actors are written as in tests/test_events.py ("RUS", "GOV", "RUS/GOV", None).
"""

from __future__ import annotations

import pytest

from test_events import Analyse, _check, _find

PLANNED_MEETINGS = [
    # a planned meeting is a CONSULT, modality planned
    ("Turkey said on Tuesday it would host a new round of talks on the grain corridor.", "CONSULT", "TUR"),
    ("Qatar will host talks between the two delegations next week, officials said.", "CONSULT", "QAT"),
    ("Egyptian mediators are due to meet Hamas negotiators in Cairo on Sunday.", "CONSULT", "EGY"),
    ("The Indian foreign minister plans to visit Beijing in March.", "CONSULT", "IND/GOV"),
]


@pytest.mark.parametrize(("text", "type_", "src"), PLANNED_MEETINGS)
def test_a_planned_meeting_is_consult_planned(analyse: Analyse, text: str, type_: str, src: str) -> None:
    article = analyse(text)
    events = [e for e in article.events if e.source and e.source.country == src.split("/")[0]]
    assert any(e.type == type_ and e.modality == "planned" for e in events), \
        [(e.type, e.modality) for e in article.events]
    assert not any(e.type == "AGREE" for e in events)


OFFERS = [
    ("Ukraine has said it is willing to negotiate with Moscow.", "UKR"),
    ("Kenya said it was ready to hold talks with the rebels.", "KEN"),
    ("Turkey offered to host talks between Armenia and Azerbaijan.", "TUR"),
    ("Norway offered to send mediators and aid to the border region.", "NOR"),
    ("Qatar has offered to broker a truce between the two factions.", "QAT"),
]


@pytest.mark.parametrize(("text", "src"), OFFERS)
def test_an_offer_to_meet_is_agree(analyse: Analyse, text: str, src: str) -> None:
    article = analyse(text)
    assert any(e.type == "AGREE" and e.source and e.source.country == src for e in article.events), \
        [(e.type, e.source and e.source.country) for e in article.events]


NEGATED_PLANS = [
    "“We are not going to extend an agreement that only one side honours,” the Russian foreign minister told reporters.",
    "Serbia is not going to recognise Kosovo, the president said.",
    "The government does not plan to renew the deal with the miners' union.",
    "The rebels are not going to withdraw from the city, their commander said.",
]


@pytest.mark.parametrize("text", NEGATED_PLANS)
def test_a_negated_plan_negates_its_infinitive(analyse: Analyse, text: str) -> None:
    article = analyse(text)
    assert article.events, "no event found"
    for e in article.events:
        # either negated, or turned into a refusal; never an asserted plan
        assert e.negated or e.type == "REJECT", (e.type, e.modality, e.trigger.text)


REPORTER_CONJUNCTS = [
    ("Foreign Minister Dmytro Kuleba said that Russia was using hunger as a weapon and called on the UN to act.",
     "REQUEST", "GOV", "IGO"),
    ("The Polish president said that Russia was preparing new attacks and urged NATO to send more troops.",
     "REQUEST", "POL/GOV", "IGO"),
    ("Colombia's president said rebels had been regrouping and accused Venezuela of sheltering them.",
     "ACCUSE", "COL/GOV", "VEN"),
]


@pytest.mark.parametrize(("text", "type_", "src", "tgt"), REPORTER_CONJUNCTS)
def test_a_conjoined_past_verb_after_a_complement_is_the_reporters(
        analyse: Analyse, text: str, type_: str, src: str, tgt: str) -> None:
    event = _check(analyse, text, type_, src, tgt)
    assert event.source is not None and "Russia" not in event.source.text


SHARED_SUBJECT = [
    # no tense break: the conjunct belongs to the complement's subject
    ("Officials said rebels shelled the town and killed four civilians.", "ASSAULT", "REB", "CVL"),
    ("The army said insurgents attacked a checkpoint and seized weapons.", "ASSAULT", "REB", None),
]


@pytest.mark.parametrize(("text", "type_", "src", "tgt"), SHARED_SUBJECT)
def test_a_conjunct_without_tense_break_keeps_the_complement_subject(
        analyse: Analyse, text: str, type_: str, src: str, tgt: str | None) -> None:
    article = analyse(text)
    assert _find(article, type_, src, tgt) is not None or any(
        e.type == type_ and e.source and e.source.sector == src for e in article.events)


THEMES = [
    "North Korea launched a spy satellite late on Tuesday.",
    "Iran launched a ballistic missile on Saturday.",
    "Russia deployed additional military units on Friday.",
]


@pytest.mark.parametrize("text", THEMES)
def test_what_is_mobilised_is_not_the_target(analyse: Analyse, text: str) -> None:
    article = analyse(text)
    events = [e for e in article.events if e.type == "MOBILIZE"]
    assert events
    assert all(e.target is None for e in events), [e.target for e in events]


GENERIC_REFUSALS = [
    "Ukraine has said it will not surrender or accept Russian ultimatums.",
    "Taiwan said it would not accept Chinese threats.",
    "The junta said it would not accept any demands from the regional bloc.",
]


@pytest.mark.parametrize("text", GENERIC_REFUSALS)
def test_refusing_demands_in_general_reports_no_demand(analyse: Analyse, text: str) -> None:
    article = analyse(text)
    assert not any(e.type in ("THREATEN", "REQUEST") for e in article.events), \
        [(e.type, e.trigger.text) for e in article.events]


SPECIFIC_REFUSALS = [
    ("Top Ukrainian officials rejected a Russian demand to give up the city.", "REQUEST", "RUS", "UKR"),
    ("Seoul rejected the North Korean ultimatum on Monday.", "THREATEN", "PRK", "KOR"),
]


@pytest.mark.parametrize(("text", "type_", "src", "tgt"), SPECIFIC_REFUSALS)
def test_refusing_a_particular_demand_reports_it(analyse: Analyse, text: str, type_: str,
                                                 src: str, tgt: str) -> None:
    _check(analyse, text, type_, src, tgt)


THREATS_IN_SPEECH = [
    ("Pyongyang warned that Seoul would pay a dear price for the decision.", "PRK", "KOR"),
    ("Tehran said Washington would pay a heavy price for any attack.", "IRN", "USA"),
    ("Moscow warned that Kyiv would pay a high price for the incursion.", "RUS", "UKR"),
    # the law's force and consequences as what the threatened will face or feel
    ("Beijing said Manila would face serious consequences if it sent more ships.", "CHN", "PHL"),
    ("The Serbian minister warned that Pristina would feel the full force of the law.", "SRB", "XKX"),
    ("Caracas said Bogota would face the full weight of the law for the raid.", "VEN", "COL"),
    # punishment promised in a warning: held accountable, not going unpunished
    ("The Ethiopian prime minister warned that violators would be held accountable.", "ETH", None),
    ("Algiers warned that the killing of its drivers would not go unpunished.", "DZA", None),
]


@pytest.mark.parametrize(("text", "src", "tgt"), THREATS_IN_SPEECH)
def test_a_threat_in_a_statement_is_the_speakers(analyse: Analyse, text: str, src: str, tgt: str) -> None:
    _check(analyse, text, "THREATEN", src, tgt)


SCENES_AND_CUES = [
    ("The World Food Programme said Israeli forces had blocked its convoys.", "COERCE", "ISR", None),
    ("Sudanese troops blocked aid deliveries to the camp, the UN said.", "COERCE", "SDN", None),
    ("An Israeli air strike hit a car in Gaza, the charity said. The Israeli military said it was "
     "reviewing the incident.", "ACCUSE", "ISR", "ISR"),
    ("Russia blocked a proposal at the Security Council to tighten sanctions.", "REJECT", "RUS", None),
]


@pytest.mark.parametrize(("text", "type_", "src", "tgt"), SCENES_AND_CUES)
def test_cues_from_the_lexicon(analyse: Analyse, text: str, type_: str, src: str, tgt: str | None) -> None:
    article = analyse(text)
    assert any(e.type == type_ and e.source and e.source.country == src
               and (tgt is None or (e.target and e.target.country == tgt)) for e in article.events), \
        [(e.type, e.source and e.source.country, e.target and e.target.country) for e in article.events]


MORE_CUES = [
    ("The US said it would review its relations with Georgia.", "THREATEN", "USA", "GEO"),
    ("Canada said it would review its ties with India after the killing.", "THREATEN", "CAN", "IND"),
    ("Pakistan recalled its ambassador from Tehran on Wednesday.", "SANCTION", "PAK", "IRN"),
    ("Somalia recalled its ambassador to Ethiopia in protest at the deal.", "SANCTION", "SOM", "ETH"),
    ("Niger barred the French ambassador from entering the embassy compound.", "SANCTION", "NER", "FRA"),
    ("The Arab League and Egypt backed Somalia's position on Wednesday.", "SUPPORT", "EGY", "SOM"),
    ("Thousands of demonstrators gathered outside parliament in Tbilisi on Monday.", "PROTEST", "GEO", None),
    ("Iran moved additional troops to its south-eastern border on Friday.", "MOBILIZE", "IRN", None),
    ("The State Department announced visa restrictions on Georgian officials.", "SANCTION", "USA", "GEO"),
]


@pytest.mark.parametrize(("text", "type_", "src", "tgt"), MORE_CUES)
def test_more_lexicon_cues(analyse: Analyse, text: str, type_: str, src: str, tgt: str | None) -> None:
    article = analyse(text)
    assert any(e.type == type_ and e.source and e.source.country == src
               and (tgt is None or (e.target and e.target.country == tgt)) for e in article.events), \
        [(e.type, e.source and e.source.country, e.target and e.target.country) for e in article.events]


AWAITED = [
    ("Israel said it would not negotiate until Hamas provided a list of hostages.", "ISR", "PSE"),
    ("Moscow said it would not withdraw its troops until NATO stopped expanding eastward.", "RUS", None),
    ("The rebels said they would not lay down their arms until the army left the region.", None, "MIL"),
]


@pytest.mark.parametrize(("text", "src", "tgt"), AWAITED)
def test_a_refusal_is_aimed_at_whom_it_waits_for(analyse: Analyse, text: str, src: str | None,
                                                 tgt: str) -> None:
    article = analyse(text)
    refusals = [e for e in article.events if e.type == "REJECT"]
    assert refusals, [(e.type, e.trigger.text) for e in article.events]
    assert any((src is None or (e.source and e.source.country == src)) and e.target is not None
               and tgt in (e.target.country, e.target.sector) for e in refusals), \
        [(e.source, e.target) for e in refusals]


SCENE_ON_OBJECT = [
    ("Jordan and the United States dropped food parcels over northern Gaza on Friday.", "JOR", "PSE"),
    ("French planes dropped aid pallets over Gaza City on Tuesday.", "FRA", "PSE"),
]


@pytest.mark.parametrize(("text", "src", "tgt"), SCENE_ON_OBJECT)
def test_an_aid_drop_is_aimed_at_the_place_it_falls(analyse: Analyse, text: str, src: str, tgt: str) -> None:
    _check(analyse, text, "AID", src, tgt)


NOT_PHRASAL = [
    # "call" + object + a later "on" is naming, not "call on"
    "Pakistan carried out air strikes on what it called militant hideouts early on Thursday.",
    "The minister called the protests a foreign plot on Monday.",
    "Critics called the deal a betrayal on state television.",
]


@pytest.mark.parametrize("text", NOT_PHRASAL)
def test_a_preposition_after_the_object_does_not_complete_a_phrasal_cue(analyse: Analyse, text: str) -> None:
    article = analyse(text)
    assert not [e for e in article.events if e.type == "REQUEST"], \
        [(e.type, e.trigger.text) for e in article.events]


PHRASAL = [
    ("The United Nations called on Israel to allow aid into Gaza.", "IGO", "ISR"),
    ("Germany called again on Russia to withdraw its troops.", "DEU", "RUS"),
]


@pytest.mark.parametrize(("text", "src", "tgt"), PHRASAL)
def test_call_on_is_a_request(analyse: Analyse, text: str, src: str, tgt: str) -> None:
    _check(analyse, text, "REQUEST", src, tgt)


PROTEST_PURPOSES = [
    "Thousands of people marched through the streets of Mogadishu on Wednesday to denounce the agreement.",
    "Dozens of protesters gathered outside the ministry to demand the release of the detained journalists.",
    "Hundreds of students marched on parliament to reject the new tuition law.",
]


@pytest.mark.parametrize("text", PROTEST_PURPOSES)
def test_a_protest_absorbs_its_purpose(analyse: Analyse, text: str) -> None:
    article = analyse(text)
    types = [e.type for e in article.events]
    assert "PROTEST" in types, types
    assert not {"ACCUSE", "REQUEST", "REJECT"} & set(types), types


def test_marching_troops_are_no_protest(analyse: Analyse) -> None:
    article = analyse("Russian troops marched into the town on Monday after a week of shelling.")
    assert not [e for e in article.events if e.type == "PROTEST"]


SENT = [
    ("The UN welcomed the truce. Egypt sent two planes carrying medical supplies to Port Sudan.",
     "AID", "EGY", "SDN"),
    ("Turkey sent a convoy of trucks to Aleppo on Monday.", "AID", "TUR", None),
    ("Russia sent fighter planes to Syria.", "MOBILIZE", "RUS", "SYR"),
    ("Britain sent warships to the Gulf on Tuesday.", "MOBILIZE", "GBR", None),
]


@pytest.mark.parametrize(("text", "type_", "src", "tgt"), SENT)
def test_what_is_sent_decides_aid_or_mobilisation(analyse: Analyse, text: str, type_: str,
                                                  src: str, tgt: str | None) -> None:
    article = analyse(text)
    assert any(e.type == type_ and e.source and e.source.country == src
               and (tgt is None or (e.target and e.target.country == tgt)) for e in article.events), \
        [(e.type, e.source and e.source.country, e.target and e.target.country) for e in article.events]
    other = "AID" if type_ == "MOBILIZE" else "MOBILIZE"
    assert not [e for e in article.events if e.type == other]
