"""Bilateral rows (the other state as the unnamed counterpart, diplomatic protests) and
cue senses that depend on their neighbours (dates, titles, partitives, subjects).

Sentences written for these tests (no article's text); each case checks one documented
mechanism of fivew.extract.events and its helpers.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from conftest import event_pairs as _pairs
from conftest import events_of as _events
from fivew.records import Article

Analyse = Callable[[str], Article]




def _types(article: Article) -> set[str]:
    return {e.type for e in article.events if not e.negated}


# A date is no part of a phrasal cue: "seized on the chance" is an idiom, "seized a
# tanker on Tuesday" a seizure; other prepositions still rule senses out ("attacked X as").
@pytest.mark.parametrize(("text", "type_", "found"), [
    ("Iranian commandos seized a Greek tanker in the Gulf of Oman on Tuesday.", "COERCE", True),
    ("Venezuelan soldiers seized two fishing boats near the coast on Sunday.", "COERCE", True),
    ("The opposition seized on the blunder to attack the Kenyan government.", "COERCE", False),
    ("Turkish police seized the Russian cargo ship in Samsun on Friday morning.", "COERCE", True),
    ("The Republicans attacked the president as a job killer.", "ASSAULT", False),
])
def test_a_date_is_no_part_of_a_phrasal_cue(
        analyse: Analyse, text: str, type_: str, found: bool) -> None:
    assert (type_ in _types(analyse(text))) is found, analyse(text).events


@pytest.mark.parametrize("text", [
    "On Friday the Norwegian foreign minister summoned Russian Ambassador Nikolai Korchunov "
    "to his office and told him that the flights were not acceptable.",
    "Poland's foreign ministry summoned Belarusian Charge d'Affaires Pavel Lagun after the "
    "incident at the border.",
])
def test_a_named_envoys_title_selects_the_summons_sense(analyse: Analyse, text: str) -> None:
    assert _events(analyse(text), "ACCUSE"), analyse(text).events


# In a story of two rival states (no home country), a demand, threat, accusation, refusal
# or sanction by one that names no one is aimed at the other; a state official the text
# leaves without a country, acting on the other state, is the first state's.
BILATERAL = (
    "Chilean police detained two Peruvian fishermen off Arica on Monday. Lima accused "
    "Santiago of mistreating the men, and Peru's foreign ministry said Chilean officials had "
    "ignored its notes. Peru demanded a full apology on Tuesday. Chile recalled its "
    "ambassador for consultations the same day."
)


def test_an_unaddressed_demand_in_a_bilateral_row_is_aimed_at_the_other_state(
        analyse: Analyse) -> None:
    article = analyse(BILATERAL)
    assert ("PER", "CHL") in _pairs(article, "REQUEST"), _pairs(article, "REQUEST")
    assert ("CHL", "PER") in _pairs(article, "SANCTION"), _pairs(article, "SANCTION")
    demand = next(e for e in _events(article, "REQUEST") if e.source and e.source.country == "PER")
    assert demand.target is not None and demand.target.inferred and demand.target.sector == "GOV"


def test_a_state_official_without_a_country_acting_on_the_other_state(analyse: Analyse) -> None:
    article = analyse(
        "Kenya accused Uganda of arming cattle raiders near the border, and Kenyan police "
        "arrested three Ugandan soldiers in Turkana. Ugandan officials denied the claim. "
        "Foreign Minister Musalia Mudavadi summoned the Ugandan envoy on Wednesday.")
    summons = [e for e in _events(article, "ACCUSE") if e.trigger.text == "summoned"]
    assert summons and summons[0].source is not None, article.events
    assert summons[0].source.country == "KEN" and summons[0].source.inferred


def test_a_domestic_story_keeps_its_demands_at_home(analyse: Analyse) -> None:
    # one home country (Kenya): the union's demand is not aimed at a foreign state
    article = analyse(
        "Thousands of teachers marched in Nairobi and Mombasa on Monday. The Kenyan "
        "government accused the union of sabotage, and police in Kisumu arrested two union "
        "officials. A Ugandan union sent a message of solidarity. Union leaders demanded a "
        "pay rise.")
    assert all(t != "UGA" for _, t in _pairs(article, "REQUEST")), _pairs(article, "REQUEST")


# A state's protest is diplomatic (ACCUSE); the people of a state demonstrate (PROTEST).
@pytest.mark.parametrize(("text", "type_"), [
    ("Tokyo lodged a formal protest with Moscow over the seizure.", "ACCUSE"),
    ("Japan lodged a protest through diplomatic channels on Thursday.", "ACCUSE"),
    ("The Greek foreign ministry protested the violation of its airspace.", "ACCUSE"),
    ("Lebanon protested to the United Nations on Monday.", "ACCUSE"),
    ("Iraqis protested in Basra on Friday.", "PROTEST"),
    ("Hundreds of students protested outside parliament in Dhaka.", "PROTEST"),
])
def test_a_states_protest_is_an_accusation(analyse: Analyse, text: str, type_: str) -> None:
    article = analyse(text)
    assert _types(article) & {"ACCUSE", "PROTEST"} == {type_}, article.events


def test_a_diplomatic_protest_against_drills_is_aimed_at_their_doer(analyse: Analyse) -> None:
    article = analyse(
        "The Chinese navy began three days of live-fire exercises near Matsu on Monday. "
        "Taiwan's defence ministry protested the drills.")
    assert ("CHN", None) in _pairs(article, "MOBILIZE"), _pairs(article, "MOBILIZE")
    assert ("TWN", "CHN") in _pairs(article, "ACCUSE"), _pairs(article, "ACCUSE")


@pytest.mark.parametrize(("text", "type_"), [
    # forces sent to a place are a deployment, supplies sent to a state are aid
    ("Tajikistan sent armoured vehicles and two battalions of reservists to the border.", "MOBILIZE"),
    ("Germany sent tanks and ammunition to Ukraine in March.", "AID"),
    ("The Kyrgyz army said it had begun pulling armour back from the frontier.", "RETREAT"),
    ("The Indian army pulled its troops back from the Galwan valley on Monday.", "RETREAT"),
    ("Washington paused some assistance programmes to Niger after the coup.", "SANCTION"),
    ("Addis Ababa paused talks with the Tigrayan leadership on Friday.", "REJECT"),
    ("A Russian court fined the Japanese company 3 million roubles on Friday.", "SANCTION"),
    ("The African Union suspended Gabon from all of its activities.", "SANCTION"),
    ("Colombia's defence ministry froze the purchase of Argentine aircraft.", "SANCTION"),
    ("The Colombian foreign minister turned down the meeting in Brasilia.", "REJECT"),
    ("The army suspended its plan to close the border crossing at Rafah.", "CONCEDE"),
    ("On Tuesday the Polish foreign minister defended Ukraine's right to strike the pipeline.",
     "SUPPORT"),
    ("Colombian and Ecuadorean intelligence services began exchanging information on the "
     "smuggling networks.", "COOPERATE"),
    ("The US embassy handed over two helicopters and radar equipment to the Paraguayan police.",
     "AID"),
    ("Rioters looted and torched Chinese-owned shops in the capital on Monday night.", "ASSAULT"),
    ("Tunisian police dismantled migrant camps near Sfax on Tuesday.", "COERCE"),
    ("On Monday the Italian government announced an additional 50 million euros for the "
     "Tunisian coast guard.", "AID"),
    ("The acting police commissioner warned that anyone on the streets after dark would be "
     "detained.", "THREATEN"),
    ("A Russian lawmaker warned that Moscow could restrict imports of Azerbaijani fruit.",
     "THREATEN"),
    ("\"We expect the Azerbaijani side to release our citizens without delay,\" a Russian "
     "spokeswoman told reporters in Moscow.", "REQUEST"),
    ("On Monday the Malian junta suspended the licence of the French broadcaster.", "COERCE"),
])
def test_cue_senses_by_their_objects(analyse: Analyse, text: str, type_: str) -> None:
    assert type_ in _types(analyse(text)), analyse(text).events


def test_an_expectation_is_a_demand_only_of_a_party(analyse: Analyse) -> None:
    article = analyse("The Nigerian central bank said it expected growth to slow next year.")
    assert not _events(article, "REQUEST"), article.events


def test_a_right_to_act_is_no_act(analyse: Analyse) -> None:
    article = analyse("On Tuesday the Polish foreign minister defended Ukraine's right to hit "
                      "Russian infrastructure that was used for the war.")
    assert not _events(article, "ASSAULT"), article.events


def test_a_refused_apology_is_a_rejection(analyse: Analyse) -> None:
    article = analyse("A spokesman said the Argentine government will not apologise to Bogota.")
    assert ("ARG", "COL") in _pairs(article, "REJECT"), article.events
    assert not _events(article, "CONCEDE")


@pytest.mark.parametrize("text", [
    "Several hundred of the opposition's supporters marched in Libreville on Tuesday.",
    "About 150 fishermen rallied at the harbour in Hokkaido on Friday.",
    "Dozens of shopkeepers rallied in Tehran against the new tax.",
])
def test_a_crowd_named_by_number_or_trade_protests(analyse: Analyse, text: str) -> None:
    article = analyse(text)
    events = _events(article, "PROTEST")
    assert events and events[0].source is not None, article.events


@pytest.mark.parametrize(("text", "source"), [
    ("The Russian Pacific Fleet began three days of artillery exercises on Iturup.", "RUS"),
    ("Chinese and Russian diplomats held a round of talks in Beijing.", "CHN"),
])
def test_a_partitive_object_of_a_light_verb_stands_for_the_act(
        analyse: Analyse, text: str, source: str) -> None:
    article = analyse(text)
    assert any(e.source is not None and source in (e.source.country, e.target and e.target.country)
               for e in article.events if e.type in ("MOBILIZE", "CONSULT")), article.events


def test_a_forces_report_of_an_unattributed_deployment_is_its_own(analyse: Analyse) -> None:
    article = analyse("The Israeli military said additional reserve units had been deployed "
                      "to the Golan Heights.")
    assert ("ISR", None) in _pairs(article, "MOBILIZE"), article.events


@pytest.mark.parametrize("text", [
    '"Withdraw the bill," Kenyan activist Boniface Mwangi wrote on Tuesday.',
    '"Release the detained students," the Iranian protesters chanted outside the prison in Tehran.',
])
def test_an_imperative_in_a_quote_is_the_speakers_demand(analyse: Analyse, text: str) -> None:
    article = analyse(text)
    assert not _events(article, "RETREAT"), article.events
    demands = _events(article, "REQUEST")
    assert demands and demands[0].modality == "demanded", article.events


# In a story about one country, another state's or an international body's unaddressed
# demand, accusation or sanction is aimed at that country; citizens' and the opposition's
# unaddressed demands at their own government; an addressee the text names but no actor
# codes blocks both ("urged member states").
ONE_COUNTRY = (
    "Soldiers seized power in Libreville on Wednesday and detained the president at his "
    "residence. Troops patrolled the streets of Libreville and Port-Gentil, and the junta "
    "imposed a curfew across Gabon. {}"
)


@pytest.mark.parametrize(("reaction", "type_", "pair"), [
    ("France condemned the coup on Thursday.", "ACCUSE", ("FRA", "GAB")),
    ("The United States paused some assistance programmes.", "SANCTION", ("USA", "GAB")),
    ("The European Union called for a swift return to civilian rule.", "REQUEST", (None, "GAB")),
    ("The main opposition alliance called for a general strike.", "REQUEST", ("GAB", "GAB")),
])
def test_an_unaddressed_reaction_in_a_one_country_story_is_aimed_at_it(
        analyse: Analyse, reaction: str, type_: str, pair: tuple[str | None, str]) -> None:
    article = analyse(ONE_COUNTRY.format(reaction))
    assert pair in _pairs(article, type_), _pairs(article, type_)
    event = next(e for e in _events(article, type_)
                 if (e.source and e.source.country, e.target and e.target.country) == pair)
    assert event.target is not None and event.target.inferred


def test_a_named_but_uncoded_addressee_is_not_replaced(analyse: Analyse) -> None:
    article = analyse(ONE_COUNTRY.format(
        "The UN secretary-general urged member states to back a regional mediation effort."))
    assert (None, "GAB") not in _pairs(article, "REQUEST"), _pairs(article, "REQUEST")


def test_a_deployment_to_a_home_town_has_no_target(analyse: Analyse) -> None:
    article = analyse("Kyrgyzstan accused Tajikistan of attacking its border posts. The Kyrgyz "
                      "army sent tanks and two battalions of reservists to Batken on Friday.")
    assert ("KGZ", None) in _pairs(article, "MOBILIZE"), _pairs(article, "MOBILIZE")
    assert ("KGZ", "KGZ") not in _pairs(article, "MOBILIZE")


@pytest.mark.parametrize("text", [
    "The presidents of Armenia and Azerbaijan agreed on Friday to a ceasefire, after two days "
    "of fighting killed at least 24 soldiers.",
    "Hamas agreed to the truce following a week of air strikes that killed dozens of people.",
])
def test_a_time_phrase_is_no_content_of_an_agreement(analyse: Analyse, text: str) -> None:
    article = analyse(text)
    assert _events(article, "AGREE") and not _events(article, "THREATEN"), article.events


def test_a_stateless_official_takes_the_country_where_the_story_happens(analyse: Analyse) -> None:
    # Australia is coded as often as Vanuatu, so there is no home country; but the scene
    # (riots in Port Vila) is Vanuatu, where the unnamed prime minister rules; neither his
    # paragraph nor the one before names a city
    article = analyse(
        "Rioters torched shops in Port Vila on Monday night, and looting spread to Luganville "
        "on Tuesday.\n\n"
        "Vanuatu's government asked Australia for help, and Canberra sent 80 police officers "
        "on Tuesday. Vanuatu thanked Australia.\n\n"
        "Prime Minister Tom Kalsakau imposed a nationwide curfew and blamed opposition "
        "politicians for the violence.")
    assert ("VUT", "VUT") in _pairs(article, "ACCUSE"), article.events


@pytest.mark.parametrize(("text", "source"), [
    ("A spokesman for the Pakistani army rejected the accusation on Monday.", ("PAK", "MIL")),
    ("A lawyer for the Kenyan government rejected the claims in court.", ("KEN", "GOV")),
    # an envoy for a country is sent there, and an international body's staff stay its own
    ("The UN special envoy for Syria called on Israel to stop the strikes.", (None, "IGO")),
])
def test_who_speaks_for_a_body_is_that_bodys(
        analyse: Analyse, text: str, source: tuple[str | None, str]) -> None:
    article = analyse(text)
    assert article.events and article.events[0].source is not None, article.events
    actor = article.events[0].source
    assert (actor.country, actor.sector) == source, actor


def test_a_foreign_city_of_an_earlier_sentence_does_not_place_a_local_official(
        analyse: Analyse) -> None:
    article = analyse(
        "Tunisian police detained two lawyers in Tunis on Monday, and Tunisia's interior "
        "ministry accused them of insulting the state.\n\n"
        "In Brussels, a spokesperson for the European Union urged Tunis to respect free "
        "speech. France's ambassador met Foreign Minister Moncef Bouzid on Tuesday.")
    assert ("FRA", "BEL") not in _pairs(article, "CONSULT"), _pairs(article, "CONSULT")
    assert ("FRA", "TUN") in _pairs(article, "CONSULT"), _pairs(article, "CONSULT")


def test_a_named_leaders_government_in_a_foreign_report_is_not_the_reporters(
        analyse: Analyse) -> None:
    article = analyse("Australian Foreign Minister Helen Marsh said Prime Minister Ezekiel "
                      "Tanito's government had asked Australia for help.")
    requests = _events(article, "REQUEST")
    assert requests and requests[0].source is not None, article.events
    assert requests[0].source.country != "AUS", requests[0].source


@pytest.mark.parametrize(("text", "type_", "pair"), [
    # a country that opens the sentence places its officials
    ("Israeli jets struck two air bases near Hama on Wednesday, Syrian state media said, and "
     "Turkey condemned the strikes.\n\nIn Israel, Defence Minister Avraham Sela warned the "
     "Syrian president that he would pay a heavy price.", "THREATEN", ("ISR", "SYR")),
    # a paragraph about one side's officials places its minister
    ("Turkish troops have begun training Syrian army units near Aleppo, and Syria's new "
     "government welcomed them.\n\nIsrael's defence ministry condemned the deployment on "
     "Wednesday. Foreign Minister Gideon Peretz accused Ankara of trying to turn Syria into a "
     "protectorate.", "ACCUSE", ("ISR", "TUR")),
])
def test_an_official_without_a_country_is_placed_by_the_paragraph(
        analyse: Analyse, text: str, type_: str, pair: tuple[str, str]) -> None:
    article = analyse(text)
    assert pair in _pairs(article, type_), _pairs(article, type_)


def test_a_person_placed_once_keeps_the_country_in_another_paragraph(analyse: Analyse) -> None:
    # the minister, placed by the paragraphs about Colombia, is not Brazilian in the
    # paragraph about Brazil's minister who phoned him
    article = analyse(
        "Colombia expelled three Argentine diplomats on Wednesday. Bogota demanded a public "
        "apology, and Colombian senators condemned the Argentine president's remarks.\n\n"
        "Foreign Minister Andrés Caicedo accused the Argentine government of meddling.\n\n"
        "Brazil's foreign minister spoke by telephone with Caicedo on Thursday, urging him "
        "to meet in Brasilia.\n\nCaicedo turned down the invitation.")
    assert ("BRA", "COL") in _pairs(article, "CONSULT"), _pairs(article, "CONSULT")
    assert {s for s, _ in _pairs(article, "REJECT")} == {"COL"}, _pairs(article, "REJECT")


@pytest.mark.parametrize("text", [
    "Foreign Minister Nasser Bourita of Morocco praised the decision and later spoke by "
    "telephone with U.S. Secretary of State Antony Blinken, the ministry said.",
    "Morocco's foreign minister called it a turning point and spoke by phone with Antony "
    "Blinken.",
])
def test_a_call_by_telephone_in_a_coordinated_clause(analyse: Analyse, text: str) -> None:
    article = analyse(text)
    assert ("MAR", "USA") in _pairs(article, "CONSULT"), _pairs(article, "CONSULT")


def test_each_party_phoned_separately_is_a_consultation(analyse: Analyse) -> None:
    article = analyse("Brazil's foreign minister spoke by telephone with Colombian Foreign "
                      "Minister Luis Caicedo and, separately, with his Argentine counterpart.")
    assert {("BRA", "COL"), ("BRA", "ARG")} <= _pairs(article, "CONSULT"), _pairs(article, "CONSULT")


def test_an_unaddressed_act_in_a_domestic_dispute_stays_at_home(analyse: Analyse) -> None:
    article = analyse(
        "Supporters of former president Evo Morales blocked highways near Cochabamba for a "
        "third week, and Bolivian police detained 40 people in La Paz and Oruro.\n\n"
        "Prosecutors in Santa Cruz accused Morales of abuse of power. Morales denies the "
        "accusation. President Luis Arce ruled out negotiation on Monday.")
    assert ("BOL", "BOL") in _pairs(article, "REJECT"), _pairs(article, "REJECT")
    assert all(t is not None for _, t in _pairs(article, "REJECT")), _pairs(article, "REJECT")


def test_a_crowd_chanting_outside_an_embassy_protests(analyse: Analyse) -> None:
    article = analyse("A few dozen people gathered outside the Russian embassy in Baku on "
                      "Sunday, chanting slogans against the Kremlin.")
    assert ("AZE", "RUS") in _pairs(article, "PROTEST"), article.events


def test_two_doers_releasing_in_one_sentence_are_two_releases(analyse: Analyse) -> None:
    article = analyse("Under the deal the SDF freed 38 government soldiers it had been holding, "
                      "and Damascus released 35 SDF members and Kurdish civilians.")
    assert len(_events(article, "RETREAT")) >= 2, article.events


def test_the_uncoded_people_an_arrest_holds_are_its_target(analyse: Analyse) -> None:
    article = analyse("Fighting continued near Pattani. Thai troops raided a village near Pattani "
                      "and detained three suspects on Monday.")
    assert ("THA", "THA") in _pairs(article, "COERCE"), _pairs(article, "COERCE")
    # a release or an extradition keeps its own target rules
    article = analyse("Spain extradited the suspect to the United States on Monday.")
    assert ("ESP", "USA") in _pairs(article, "COOPERATE"), article.events


def test_all_sides_in_a_one_country_story_are_that_countrys(analyse: Analyse) -> None:
    article = analyse(
        "Soldiers clashed with members of the national guard in Bissau on Thursday night, and "
        "police in Bissau arrested a former minister. The army patrolled the streets of "
        "Bissau and Bafata on Friday.\n\n"
        "The regional bloc ECOWAS urged all sides to respect the rule of law.")
    assert (None, "GNB") in _pairs(article, "REQUEST"), _pairs(article, "REQUEST")


@pytest.mark.parametrize(("text", "source"), [
    ("The Paraguayan police thanked Washington on Monday. The US embassy said it had handed "
     "over two helicopters and radar equipment to the Paraguayan police.", "USA"),
    ("Pakistan's army killed six militants. In Islamabad, Interior Minister Shahid Rana said "
     "the bomber had crossed from Afghanistan, and he accused the Taliban government of "
     "sheltering militants.", "PAK"),
])
def test_a_reported_clauses_pronoun_is_the_reporter(analyse: Analyse, text: str, source: str) -> None:
    article = analyse(text)
    assert any(e.source is not None and e.source.country == source
               for e in article.events if e.type in ("AID", "ACCUSE")), article.events


def test_a_third_state_addressing_both_rivals_is_placed_by_its_opening_city(
        analyse: Analyse) -> None:
    article = analyse(
        "Iran summoned Kuwait's ambassador on Wednesday, and the United Arab Emirates accused "
        "Iran of occupying three islands. Tehran rejected the accusation.\n\n"
        "In Beijing, a foreign ministry spokesperson urged Iran and the UAE to resolve their "
        "differences through dialogue.")
    assert {("CHN", "IRN"), ("CHN", "ARE")} <= _pairs(article, "REQUEST"), _pairs(article, "REQUEST")


def test_two_parties_signing_sign_with_each_other(analyse: Analyse) -> None:
    article = analyse("Kyrgyzstan and Tajikistan signed a protocol on withdrawing heavy weapons "
                      "from the border on Friday.")
    assert ("KGZ", "TJK") in _pairs(article, "SUPPORT"), _pairs(article, "SUPPORT")
