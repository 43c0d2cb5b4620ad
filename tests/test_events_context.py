"""Events whose participants come from outside their own clause: definite nouns that point
back at an earlier event, and countries inferred from the article's places.

Each case is a short news-style text written for these tests; expectations are checked
by hand. Actors are written as in tests/test_events.py ("RUS", "GOV", "RUS/GOV", None).
"""

from __future__ import annotations

import pytest

from test_events import Analyse, _check, _find

ANAPHORA = [
    ("North Korea launched a ballistic missile on Sunday. Japan condemned the launch.",
     "ACCUSE", "JPN", "PRK"),
    ("Russian police arrested three journalists in Moscow on Friday. Germany condemned the arrests.",
     "ACCUSE", "DEU", "RUS"),
    ("Iran launched a satellite into orbit on Monday. Israel and the United States denounced the launch.",
     "ACCUSE", "ISR", "IRN"),
    ("Pakistan test-fired a cruise missile on Thursday, and India condemned the test.",
     "ACCUSE", "IND", None),
    ("Israeli forces raided a hospital in Gaza on Tuesday. Jordan condemned the raid.",
     "ACCUSE", "JOR", "ISR"),
    ("Venezuela expelled three Spanish diplomats on Monday. The European Union criticised the expulsions.",
     "ACCUSE", "IGO", "VEN"),
    # a welcome of an earlier act is aimed at its doer, not a new act of agreeing
    ("Serbia agreed to reopen two border crossings on Friday. Germany welcomed the agreement.",
     "SUPPORT", "DEU", "SRB"),
    ("Chad agreed on Monday to host new peace talks. Sudan rejected the agreement.",
     "REJECT", "SDN", "TCD"),
]


@pytest.mark.parametrize(("text", "type_", "src", "tgt"), ANAPHORA)
def test_a_definite_noun_names_the_earlier_event(analyse: Analyse, text: str, type_: str,
                                                 src: str | None, tgt: str | None) -> None:
    event = _check(analyse, text, type_, src, tgt)
    if tgt is None:
        assert event.target is None or event.target.country is None


NO_ANTECEDENT = [
    "Japan condemned the launch in a strongly worded statement.",
    "Germany criticised the arrests, calling them politically motivated.",
    # an earlier event of another kind is not what "the launch" names
    "Russian troops shelled Kharkiv on Monday. Japan condemned the launch.",
]


def test_the_named_again_event_is_not_a_second_event(analyse: Analyse) -> None:
    article = analyse("Serbia agreed to reopen two border crossings on Friday. "
                      "Germany welcomed the agreement.")
    assert [e.type for e in article.events].count("AGREE") == 1


def test_a_refused_accusation_named_by_its_maker_is_not_a_second_one(analyse: Analyse) -> None:
    article = analyse("Mali accused Ukraine on Sunday of helping the rebels.\n\n"
                      "Ukraine's Foreign Ministry on Monday rejected Mali's accusations.")
    assert [e.type for e in article.events].count("ACCUSE") == 1, article.events
    assert any(e.type == "REJECT" and e.target and e.target.country == "MLI"
               for e in article.events), article.events


def test_a_conjunct_with_its_own_tense_is_not_negated_by_the_first(analyse: Analyse) -> None:
    article = analyse("South Korea's Joint Chiefs of Staff said the military would not shoot "
                      "the balloons down, for fear of scattering hazardous contents, and asked "
                      "residents not to touch them.")
    requests = [e for e in article.events if e.type == "REQUEST"]
    assert requests and not any(e.negated for e in requests), article.events


def test_two_people_resigning_in_one_paragraph_are_two_acts(analyse: Analyse) -> None:
    article = analyse("Sri Lankan President Gotabaya Rajapaksa will resign on Wednesday, the "
                      "speaker said. Prime Minister Ranil Wickremesinghe separately said he "
                      "would resign once a new government was formed.")
    doers = {e.source.name for e in article.events if e.source is not None}
    assert {"Gotabaya Rajapaksa", "Ranil Wickremesinghe"} <= doers, article.events


def test_signatories_of_a_statement_are_not_each_others_targets(analyse: Analyse) -> None:
    article = analyse("Germany, Denmark, New Zealand and South Korea signed the joint "
                      "statement on Friday.")
    signed = [e for e in article.events if e.type == "SUPPORT"]
    assert len(signed) == 4 and all(e.target is None for e in signed), article.events


def test_one_reaction_to_a_joint_act_is_one_event(analyse: Analyse) -> None:
    article = analyse("Kenya and Somalia agreed on Tuesday to reopen their shared border. "
                      "The African Union welcomed the agreement.")
    welcomes = [e for e in article.events if e.type == "SUPPORT"]
    assert len(welcomes) == 1
    assert welcomes[0].target is not None and welcomes[0].target.country in ("KEN", "SOM")


def test_a_release_frees_the_people_the_doer_held(analyse: Analyse) -> None:
    # no one else named: the released are the doer's own detainees, in its country
    _check(analyse, "Serbian police released twenty detainees in Novi Pazar on Sunday.",
           "RETREAT", "SRB/COP", "SRB")


@pytest.mark.parametrize("text", NO_ANTECEDENT)
def test_a_definite_noun_without_antecedent_names_no_target(analyse: Analyse, text: str) -> None:
    article = analyse(text)
    accusations = [e for e in article.events if e.type == "ACCUSE"]
    assert accusations
    assert all(e.target is None or e.target.country != "RUS" for e in accusations)
    assert all(e.target is None for e in accusations if e.source and e.source.country == "JPN")


INTERNATIONAL_OR_COLLECTIVE = [
    # (text, type, the actor that must stay without a country: "source" or "target")
    ("Russian forces shelled Kharkiv and Odesa overnight.\n\n"
     "Secretary-General Antonio Guterres urged both sides to return to the table.", "REQUEST", "source"),
    ("Protesters clashed with police in Lima and Cusco on Sunday.\n\n"
     "The Secretary-General called on all parties to refrain from violence.", "REQUEST", "target"),
    ("Fighting resumed around Khartoum and Omdurman on Monday.\n\n"
     "Mediators urged the two sides to respect the truce.", "REQUEST", "target"),
]


@pytest.mark.parametrize(("text", "type_", "side"), INTERNATIONAL_OR_COLLECTIVE)
def test_international_and_collective_actors_take_no_country_from_places(
        analyse: Analyse, text: str, type_: str, side: str) -> None:
    article = analyse(text)
    events = [e for e in article.events if e.type == type_]
    assert events, [(e.type, e.trigger.text) for e in article.events]
    for e in events:
        actor = getattr(e, side)
        assert actor is None or actor.country is None, (actor.text, actor.country)


def test_secretary_general_is_an_international_official(analyse: Analyse) -> None:
    article = analyse("Secretary-General Antonio Guterres called on Israel to allow aid into Gaza.")
    event = _find(article, "REQUEST", "IGO", "ISR")
    assert event is not None, [(e.type, e.source) for e in article.events]


ARTICLE_COUNTRY = [
    # one country dominates the article's places: local groups in a paragraph naming no
    # place are taken to be there
    ("Thousands marched through Lima, Cusco and Arequipa on Sunday.\n\n"
     "Police detained dozens of demonstrators.", "COERCE", "PER/COP", "PER/OPP"),
    ("Fighting spread from Khartoum to Omdurman and Wad Madani.\n\n"
     "At least twelve people were killed when shells hit a market.", "ASSAULT", None, "SDN/CVL"),
]


@pytest.mark.parametrize(("text", "type_", "src", "tgt"), ARTICLE_COUNTRY)
def test_local_groups_take_the_dominant_country(analyse: Analyse, text: str, type_: str,
                                                src: str | None, tgt: str | None) -> None:
    _check(analyse, text, type_, src, tgt)


FILED_FROM_ABROAD = [
    # a story filed from where the parties meet is still about the country whose actors it
    # codes: the dateline and venue are no home when the text codes actors of another state
    ("VIENNA, Aug 8 (Reuters) - Ethiopia's government and Tigrayan forces resumed talks on "
     "Monday. The rebels accused the army of blocking fuel deliveries to Mekelle.", "ACCUSE", "ETH/REB", "ETH/MIL"),
    ("BERLIN, Feb 2 (AP) — Sudan's army and the paramilitary Rapid Support Forces agreed on "
     "Friday to a week-long truce. The paramilitaries accused the army of shelling a hospital.",
     "ACCUSE", "SDN/REB", "SDN/MIL"),
]


@pytest.mark.parametrize(("text", "type_", "src", "tgt"), FILED_FROM_ABROAD)
def test_a_dateline_abroad_is_not_the_home_of_the_parties(analyse: Analyse, text: str, type_: str,
                                                          src: str, tgt: str) -> None:
    _check(analyse, text, type_, src, tgt)


SCENE_GOES_ON = [
    # a story of two countries has no home: a paragraph naming no city goes on from the
    # scene of the one before
    ("Mexico and the United States agreed on Monday to share intelligence on cartels.\n\n"
     "Gunmen killed 11 people at a bar in Culiacan on Tuesday.\n\n"
     "In a separate incident, army troops killed four suspected gunmen in a firefight.",
     "ASSAULT", "MEX/MIL", "REB"),
    ("Greece and Turkey traded accusations over migrants on Friday.\n\n"
     "Coast guard boats intercepted a dinghy near Mytilene.\n\n"
     "Later, police detained two suspected smugglers.", "COERCE", "GRC/COP", None),
]


@pytest.mark.parametrize(("text", "type_", "src", "tgt"), SCENE_GOES_ON)
def test_a_paragraph_without_a_city_goes_on_from_the_last_scene(
        analyse: Analyse, text: str, type_: str, src: str, tgt: str | None) -> None:
    event = _check(analyse, text, type_, src, tgt)
    assert event.source is not None and event.source.inferred


CONGRESSES = [
    # "Congress" alone is the legislature of the story's country (Peru, Colombia, the
    # Philippines and the United States all have one); "the U.S. Congress" is always the US's
    ("LIMA (Reuters) - Peruvian police detained dozens of protesters in central Lima on "
     "Tuesday. Congress accused Interior Minister Ana Ruiz of ordering the arrests.",
     "ACCUSE", "PER/LEG", "PER/GOV"),
    ("WASHINGTON (Reuters) - Federal agents detained dozens of protesters in Chicago on "
     "Tuesday. Congress accused the Homeland Security secretary of ordering the arrests.",
     "ACCUSE", "USA/LEG", "USA/GOV"),
    ("KYIV (Reuters) - Ukraine's army said Russian drones struck Kharkiv overnight. The U.S. "
     "Congress accused Moscow of targeting civilians.", "ACCUSE", "USA/LEG", "RUS"),
]


@pytest.mark.parametrize(("text", "type_", "src", "tgt"), CONGRESSES)
def test_congress_is_the_legislature_of_the_story(analyse: Analyse, text: str, type_: str,
                                                 src: str, tgt: str) -> None:
    _check(analyse, text, type_, src, tgt)


def test_a_dateline_still_places_a_story_that_codes_no_actor(analyse: Analyse) -> None:
    _check(analyse, "LIMA, Jan 16 (Reuters) - Police fired tear gas at protesters who tried to "
           "march on Congress.", "ASSAULT", "PER/COP", "PER/OPP")


def test_a_story_filed_from_home_stays_home_despite_foreign_reactions(analyse: Analyse) -> None:
    # the first half names only Peru; the United States' reactions at the end code more
    # actors than the uncoded Peruvian officials, but do not make them American
    article = analyse(
        "LIMA (Reuters) - Peru's Congress voted on Wednesday to remove President Julio Mendez "
        "from office, hours after he tried to dissolve the legislature.\n\n"
        "Mendez had announced the measures in a televised address, accusing lawmakers of "
        "obstructing his government. Soldiers surrounded the legislative palace, but troops "
        "began pulling out before dawn.\n\nInterior Minister Carla Ruiz resigned on Wednesday "
        "morning. Police detained dozens of protesters outside the palace overnight.\n\n"
        "The U.S. State Department urged all parties to respect the constitution. U.S. "
        "Ambassador Mark Elden met Foreign Minister Luis Pardo on Wednesday, and the Pentagon "
        "said U.S. forces in the region had not been put on alert. The U.S. Treasury said it "
        "was reviewing sanctions on officials involved.")
    assert {e.source.country for e in article.events
            if e.type in ("RETREAT", "COERCE") and e.source is not None} == {"PER"}
    assert ("USA", "PER") in {(e.source and e.source.country, e.target and e.target.country)
                              for e in article.events if e.type == "CONSULT"}


def test_a_body_named_before_with_its_country_keeps_it(analyse: Analyse) -> None:
    article = analyse(
        "China hosted talks in Kunming between Myanmar's junta and the rebels on Monday. "
        "Chinese officials said the talks were useful, and Beijing urged restraint.\n\n"
        "At the meeting in Kunming, the junta demanded that the rebels withdraw from the city.")
    demands = [e for e in article.events if e.type == "REQUEST" and e.source is not None
               and e.source.name == "junta"]
    assert demands and demands[0].source.country == "MMR", demands  # type: ignore[union-attr]


def test_two_states_releasing_prisoners_free_each_others(analyse: Analyse) -> None:
    article = analyse("Armenia and Azerbaijan each released 32 prisoners on Monday.")
    pairs = {(e.source and e.source.country, e.target and e.target.country)
             for e in article.events if e.type == "RETREAT"}
    assert pairs == {("ARM", "AZE"), ("AZE", "ARM")}, pairs


def test_a_name_compounded_into_the_object_is_not_the_reporter(analyse: Analyse) -> None:
    # "struck a Hezbollah rocket site, it said, accusing Hezbollah": "it" is the striker
    article = analyse(
        "Hezbollah fired rockets at Israel on Monday. The Israeli military said it had killed a "
        "commander. Its aircraft also struck a Hezbollah rocket storage site near the town on "
        "Thursday, it said, accusing Hezbollah of terrorist activity.")
    accusations = [e for e in article.events if e.type == "ACCUSE"]
    assert accusations and all(e.source is None or e.source.country != "LBN"
                               for e in accusations), accusations


def test_co_mediators_are_not_each_others_party(analyse: Analyse) -> None:
    article = analyse("The truce, brokered by the United States and France after weeks of "
                      "diplomacy, took effect on Wednesday.")
    pairs = {(e.source and e.source.country, e.target and e.target.country)
             for e in article.events if e.type == "CONSULT"}
    assert {s for s, _ in pairs} == {"USA", "FRA"} and not {t for _, t in pairs} & {"USA", "FRA"}, pairs


BALANCED = [
    # two countries named about equally: no single home to infer
    "Shelling was reported near Yerevan and Gyumri, and in Baku and Ganja.\n\n"
    "Police detained dozens of demonstrators on Monday.",
    "Talks in Seoul and Pyongyang, Busan and Kaesong stalled this week.\n\n"
    "Police detained dozens of demonstrators on Monday.",
]


@pytest.mark.parametrize("text", BALANCED)
def test_no_country_is_inferred_from_a_balanced_article(analyse: Analyse, text: str) -> None:
    article = analyse(text)
    detentions = [e for e in article.events if e.type == "COERCE"]
    assert detentions
    assert all(e.source is None or e.source.country is None for e in detentions)


BOTH_SIDES = [
    ("The Sudanese army attacked Sudanese rebels in Khartoum on Monday. "
     "The UN urged both sides to respect the truce.", "SDN"),
    ("Ethiopian troops shelled Ethiopian militia positions near Gondar on Sunday. "
     "The African Union urged both sides to return to talks.", "ETH"),
    # two countries' sides: "both sides" stands for each of them (event_collectives)
    ("Russian troops attacked Ukrainian positions near Bakhmut on Monday. "
     "The UN urged both sides to respect the truce.", {"RUS", "UKR"}),
]


@pytest.mark.parametrize(("text", "country"), BOTH_SIDES)
def test_both_sides_of_one_country_take_its_country(analyse: Analyse, text: str,
                                                    country: str | set[str]) -> None:
    article = analyse(text)
    requests = [e for e in article.events if e.type == "REQUEST"]
    assert requests, [(e.type, e.trigger.text) for e in article.events]
    got = {e.target.country if e.target else None for e in requests}
    assert got == (country if isinstance(country, set) else {country}), \
        [(e.target and e.target.text, e.target and e.target.country) for e in requests]


MEANS = [
    ("Pakistan carried out air strikes on militant hideouts in Iran on Thursday, two days after "
     "Iran fired missiles at targets in Pakistan. Nine people were killed in the strikes.", "ASSAULT", "PAK"),
    ("Russian missiles struck port facilities in Odesa overnight. Two people were killed in the strikes.",
     "ASSAULT", "RUS"),
    ("Israeli jets bombed a building in Rafah. Six people were wounded in the bombing, medics said.",
     "ASSAULT", "ISR"),
]


@pytest.mark.parametrize(("text", "type_", "src"), MEANS)
def test_a_definite_means_names_the_doer(analyse: Analyse, text: str, type_: str, src: str) -> None:
    article = analyse(text)
    last = max((e for e in article.events if e.type == type_), key=lambda e: e.evidence.start)
    assert last.source is not None and last.source.country == src, (last.trigger.text, last.source)


def test_two_kinds_of_actor_in_one_paragraph_are_two_events(analyse: Analyse) -> None:
    # both attacks are placed by the paragraph's town (inferred BGD -> BGD), but a mob and
    # the police are different attackers: no merging as one event mentioned twice
    article = analyse("In the northern district of Sirajganj, a mob stormed a police station, "
                      "killing 13 officers. In the town of Feni, a student was shot dead by "
                      "police as officers tried to clear a highway.")
    attackers = {e.source.sector for e in article.events if e.type == "ASSAULT" and e.source}
    assert {"OPP", "COP"} <= attackers, [(e.type, e.source, e.target) for e in article.events]


DISASTERS = [
    "Rescuers searched for survivors of the earthquake, which killed more than 2,100 people.",
    "Floods destroyed hundreds of homes in the north of the country.",
    "A wildfire killed three firefighters near the coast on Sunday.",
]


@pytest.mark.parametrize("text", DISASTERS)
def test_a_disaster_is_no_assault(analyse: Analyse, text: str) -> None:
    article = analyse(text)
    assert not [e for e in article.events if e.type == "ASSAULT"]


ATTACKED_PLACES = [
    # the attacked city is where the victims are, even when the article's places are
    # mostly elsewhere
    ("Officials in Moscow, Kazan and Sochi discussed the grain deal on Monday.\n\n"
     "Russian forces shelled the port of Izmail, damaging grain silos. At least three people were injured.",
     "UKR"),
    ("Diplomats in Moscow, Kazan and Sochi met on Monday.\n\n"
     "Russian drones struck the city of Kharkiv overnight. Two people were wounded.", "UKR"),
]


@pytest.mark.parametrize(("text", "country"), ATTACKED_PLACES)
def test_victims_are_placed_where_the_attack_was(analyse: Analyse, text: str, country: str) -> None:
    article = analyse(text)
    assaults = [e for e in article.events if e.type == "ASSAULT"]
    assert assaults
    assert all(e.target is None or e.target.country in (country, None) for e in assaults), \
        [(e.trigger.text, e.target and e.target.country) for e in assaults]
