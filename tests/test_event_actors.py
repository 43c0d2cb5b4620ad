"""Actor resolution for events: parse repairs, collective phrases, complement targets.

Every case is a news-style sentence or short article written for these tests; actors are
written as in tests/test_events.py ("RUS", "GOV", "RUS/GOV" or None).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from conftest import assert_offsets
from conftest import events_of as _events
from fivew.records import Article

Analyse = Callable[..., Article]


def _code(actor: object) -> str | None:
    return getattr(actor, "country", None)


def _pairs(article: Article, type_: str) -> set[tuple[str | None, str | None]]:
    return {(_code(e.source), _code(e.target)) for e in article.events if e.type == type_}



# "X, which ..., called on Y": the relative clause between subject and verb loses the
# subject in the parse; the clause's antecedent is the subject.
RELATIVE_CLAUSE = [
    ("Turkey, which has close ties to both countries, called on Israel to halt the strikes.",
     "REQUEST", "TUR", "ISR"),
    ("China, which has close ties with both countries, called on Iran and Pakistan to exercise "
     "restraint.", "REQUEST", "CHN", "IRN"),
    ("Qatar, which hosts a large American air base, condemned the Iranian missile strikes.",
     "ACCUSE", "QAT", "IRN"),
    ("Moldova, which borders Ukraine, accused Russia of meddling in its election.",
     "ACCUSE", "MDA", "RUS"),
    ("Norway, whose diplomats have mediated for years, urged Colombia to resume peace talks.",
     "REQUEST", "NOR", "COL"),
]


@pytest.mark.parametrize(("text", "type_", "src", "tgt"), RELATIVE_CLAUSE)
def test_subject_across_a_relative_clause(analyse: Analyse, text: str, type_: str,
                                          src: str, tgt: str) -> None:
    article = analyse(text)
    assert_offsets(article)
    assert (src, tgt) in _pairs(article, type_), _pairs(article, type_)


def test_a_relative_clause_keeps_its_own_subject(analyse: Analyse) -> None:
    # the verb inside the clause is the clause's own: "which" (Serbia) accused Kosovo
    article = analyse("Serbia, which accused Kosovo of provocations, moved troops to the border.")
    assert ("SRB", "XKX") in _pairs(article, "ACCUSE"), _pairs(article, "ACCUSE")


# "the two countries", "both sides", "the two men", "them": the two parties just named.
COLLECTIVES = [
    # source with no target: one event, one party to the other
    ("Armenia and Azerbaijan held talks in Brussels. Both sides agreed to release prisoners.",
     "AGREE", {("ARM", "AZE")}),
    ("Iran's foreign minister, Ali Rezaei, spoke by phone with his Pakistani counterpart, "
     "Omar Malik, on Friday, and the two men agreed to work towards de-escalation.",
     "AGREE", {("IRN", "PAK")}),
    ("Peru and Ecuador signed a border accord in Lima. The two neighbours agreed to hold "
     "joint patrols.", "AGREE", {("PER", "ECU")}),
    # reciprocal object: both ways
    ("Russia and Ukraine traded blame on Monday. The two countries accused each other of "
     "violating the ceasefire.", "ACCUSE", {("RUS", "UKR"), ("UKR", "RUS")}),
    # target: one event per party, less the source's own side
    ("India accused Pakistan of shelling border villages. The African Union urged both "
     "sides to show restraint.", "REQUEST", {(None, "IND"), (None, "PAK")}),
    ("Pakistan recalled its ambassador from Iran. It also suspended all planned visits "
     "between the two countries.", "REJECT", {("PAK", "IRN")}),
    # a plural pronoun after a coordination of two countries
    ("Brazil and Argentina held talks in Brasilia on Monday. Chile urged them to settle the "
     "trade dispute.", "REQUEST", {("CHL", "BRA"), ("CHL", "ARG")}),
]


@pytest.mark.parametrize(("text", "type_", "pairs"), COLLECTIVES)
def test_collective_phrases_stand_for_the_two_parties(analyse: Analyse, text: str,
                                                      type_: str, pairs: set) -> None:
    article = analyse(text)
    assert_offsets(article)
    got = _pairs(article, type_)
    assert pairs <= got, got
    for e in _events(article, type_):
        for actor in (e.source, e.target):
            if actor is not None and actor.inferred:
                assert article.text[actor.start:actor.end] == actor.text


NOT_COLLECTIVE = [
    # a number is not "the two": these soldiers are Israeli, not the two sides
    ("Hezbollah attacked an Israeli post. Two Israeli soldiers were wounded by Hezbollah fire.",
     "Two Israeli soldiers", {"LBN"}),
    # "they" after a plural noun naming people: the protesters, not France and Germany
    ("France and Germany held talks in Paris. Police detained dozens of protesters after they "
     "blocked a motorway.", "they", {"FRA", "DEU"}),
    ("Kenya and Uganda signed a trade deal. Farmers said they would block the border road "
     "in protest.", "they", {"KEN", "UGA"}),
]


@pytest.mark.parametrize(("text", "phrase", "wrong"), NOT_COLLECTIVE)
def test_no_pair_where_the_phrase_is_not_collective(analyse: Analyse, text: str, phrase: str,
                                                    wrong: set[str]) -> None:
    article = analyse(text)
    at = text.index(phrase)
    assert article.events
    for e in article.events:
        for a in (e.source, e.target):
            assert a is None or a.start != at or a.country not in wrong, (e.type, a)


def test_three_parties_are_not_the_two(analyse: Analyse) -> None:
    article = analyse("The United States, Japan and South Korea condemned North Korea's "
                      "missile launch. The two countries agreed to share radar data.")
    assert all(e.source is None or e.source.country is None for e in _events(article, "AGREE"))


# Targets named in an infinitive complement: "vowed to retaliate against X".
COMPLEMENT_TARGETS = [
    # a vow of retaliation is force promised: PLOVER THREATEN
    ("Iran vowed to retaliate against Pakistan after the strikes.", "THREATEN", "IRN", "PAK"),
    ("North Korea threatened to strike at American bases in Guam.", "THREATEN", "PRK", "USA"),
    ("Germany pledged to send more tanks to Ukraine.", "AGREE", "DEU", "UKR"),
    ("Ethiopia threatened to impose sanctions on Eritrea.", "THREATEN", "ETH", "ERI"),
]


@pytest.mark.parametrize(("text", "type_", "src", "tgt"), COMPLEMENT_TARGETS)
def test_targets_from_infinitive_complements(analyse: Analyse, text: str, type_: str,
                                             src: str, tgt: str) -> None:
    article = analyse(text)
    assert (src, tgt) in _pairs(article, type_), [(e.type, _code(e.source), _code(e.target))
                                                 for e in article.events]


def test_own_troops_in_a_complement_are_no_target(analyse: Analyse) -> None:
    article = analyse("Turkey refused to withdraw its troops from northern Syria.")
    assert all(_code(e.target) != "TUR" for e in article.events)


# A person's name the gazetteer also knows as a town is still a person.
def test_a_person_named_like_a_town_takes_no_country_from_it(analyse: Analyse) -> None:
    article = analyse("Kaya, the interior minister, accused Greece of pushing back migrants.")
    accusations = _events(article, "ACCUSE")
    assert accusations and all(_code(e.source) is None for e in accusations)


# Two actors of one country are "both sides" too.
def test_both_parties_after_two_sides_of_one_country(analyse: Analyse) -> None:
    article = analyse("Ethiopian troops and Fano militiamen signed a truce in Nairobi on Monday. "
                      "The African Union called on both parties to free their prisoners.")
    assert (None, "ETH") in _pairs(article, "REQUEST"), _pairs(article, "REQUEST")


# An apposition names whom an uncoded head stands for.
APPOSED = [
    ("Morocco accepted offers of help from only four countries, Spain, Britain, Qatar and "
     "the United Arab Emirates.", "AGREE", {("MAR", "ESP"), ("MAR", "GBR"), ("MAR", "QAT"),
                                             ("MAR", "ARE")}),
    ("The two allies, France and Britain, urged Niger's junta to free the president.",
     "REQUEST", {("FRA", "NER"), ("GBR", "NER")}),
    ("Its closest partners, Japan and Australia, called on China to halt the drills.",
     "REQUEST", {("JPN", "CHN"), ("AUS", "CHN")}),
]


@pytest.mark.parametrize(("text", "type_", "pairs"), APPOSED)
def test_an_apposition_names_the_actors(analyse: Analyse, text: str, type_: str,
                                        pairs: set) -> None:
    article = analyse(text)
    assert_offsets(article)
    assert pairs <= _pairs(article, type_), _pairs(article, type_)


def test_a_head_that_names_the_actor_keeps_it_over_its_apposition(analyse: Analyse) -> None:
    article = analyse("Egypt, a key mediator in the conflict, urged Israel to allow aid into Gaza.")
    assert ("EGY", "ISR") in _pairs(article, "REQUEST"), _pairs(article, "REQUEST")


# "accepted X from Y", "rejected a proposal from Y": the from-party is the target.
FROM_TARGETS = [
    ("Kyiv rejected a peace proposal from Beijing.", "REJECT", "UKR", "CHN"),
    ("Libya accepted a shipment of tents from Turkey.", "AGREE", "LBY", "TUR"),
]


@pytest.mark.parametrize(("text", "type_", "src", "tgt"), FROM_TARGETS)
def test_the_party_something_is_accepted_from(analyse: Analyse, text: str, type_: str,
                                              src: str, tgt: str) -> None:
    article = analyse(text)
    assert (src, tgt) in _pairs(article, type_), [(e.type, _code(e.source), _code(e.target))
                                                 for e in article.events]


# Where an unnamed actor is from: not a place after "towards"/"with", not a meeting's venue.
NOT_HOME = [
    # a direction is not the scene: the opposition is not Russian
    ("Lawmakers in Tbilisi passed the bill on Tuesday.\n\n"
     "Opposition leaders accused the ruling party of steering the country towards Moscow.",
     "ACCUSE", "source", {"RUS"}),
    # the venue of a signing is not the signatories' home
    ("Fighting flared again in Khartoum and Omdurman.\n\n"
     "Sudanese officials and rebel commanders signed a truce in the Saudi city of Jeddah.",
     "SUPPORT", "source", {"SAU"}),
    ("The ministers of the bloc met in Geneva on Monday to discuss the crisis in Sudan.",
     "CONSULT", "source", {"CHE"}),
]


@pytest.mark.parametrize(("text", "type_", "side", "wrong"), NOT_HOME)
def test_places_that_are_not_the_actors_home(analyse: Analyse, text: str, type_: str,
                                             side: str, wrong: set[str]) -> None:
    article = analyse(text)
    events = _events(article, type_)
    assert events, [(e.type, e.trigger.text) for e in article.events]
    assert all(_code(getattr(e, side)) not in wrong for e in events), \
        [(getattr(e, side), e.trigger.text) for e in events]


def test_hosts_met_in_their_capital_take_its_country(analyse: Analyse) -> None:
    article = analyse("The Swedish foreign minister met government officials in Nairobi.")
    assert ("SWE", "KEN") in _pairs(article, "CONSULT"), _pairs(article, "CONSULT")


# Armed groups and forces named without a country: the dictionary knows whose they are.
GROUPS = [
    ("The Houthis fired a missile at a cargo ship in the Red Sea.", "ASSAULT", "YEM"),
    ("The RSF shelled a market in El Fasher, killing 12 people.", "ASSAULT", "SDN"),
    ("Al-Shabaab fighters attacked a military base near Mogadishu.", "ASSAULT", "SOM"),
    ("The IDF struck a school compound in Rafah.", "ASSAULT", "ISR"),
]


@pytest.mark.parametrize(("text", "type_", "src"), GROUPS)
def test_named_armed_groups_take_their_country(analyse: Analyse, text: str, type_: str,
                                               src: str) -> None:
    article = analyse(text)
    assert src in {_code(e.source) for e in _events(article, type_)}, \
        [(e.type, e.source) for e in article.events]


# Unnamed-country actors: police, officials, protesters in a one-country story.
DOMESTIC = [
    # a dateline says where the story is: its police are that country's
    ("NAIROBI, Kenya (AP) — Police fired tear gas at protesters on Tuesday as anger over "
     "new taxes spread.", "ASSAULT", "KEN/COP", "KEN/OPP"),
    ("LAGOS, Nigeria (Reuters) — Soldiers arrested dozens of protesters on Thursday.",
     "COERCE", "NGA/MIL", "NGA/OPP"),
]


@pytest.mark.parametrize(("text", "type_", "src", "tgt"), DOMESTIC)
def test_a_dateline_story_places_its_police_and_protesters(analyse: Analyse, text: str,
                                                           type_: str, src: str, tgt: str
                                                           ) -> None:
    article = analyse(text, layout=True)
    assert_offsets(article)
    got = {(e.source and f"{e.source.country}/{e.source.sector}",
            e.target and f"{e.target.country}/{e.target.sector}")
           for e in _events(article, type_)}
    assert (src, tgt) in got, got


NO_HOME = [
    # one mention of a country, after "with", is no home for the army chief
    ("General Tomas Ruiz, the army chief, ordered troops to the border with Colombia.",
     "MOBILIZE", "COL"),
    # a person's name is no country or armed group, whatever its words ("Chad", "Wagner")
    ("Chad Smith, a farmer, accused the government of ignoring the drought.", "ACCUSE", "TCD"),
    ("Anna Wagner, a teacher, accused the school board of ignoring parents.", "ACCUSE", "RUS"),
    # a story about two countries: a person whose nationality is never stated gets none
    ("Kenya and Uganda signed a trade pact on Monday.\n\n"
     "Amina Otieno, a businesswoman, accused the government of ignoring farmers.",
     "ACCUSE", None),
]


@pytest.mark.parametrize(("text", "type_", "absent"), NO_HOME)
def test_no_country_without_evidence(analyse: Analyse, text: str, type_: str,
                                     absent: str | None) -> None:
    article = analyse(text)
    events = _events(article, type_)
    assert events, [(e.type, e.trigger.text) for e in article.events]
    for e in events:
        assert e.source is not None
        assert e.source.country is None or (absent and e.source.country != absent), e.source


# A person's country and sector from their role, wherever in the article it is stated.
PEOPLE = [
    ("Sardar Khan, Pakistan's ambassador to the UN, spoke on Friday. Khan accused India of "
     "violating the truce.", "ACCUSE", "PAK/GOV"),
    ("Maria Lopez, Spain's envoy to NATO, met reporters. Lopez accused Russia of "
     "sabotaging undersea cables.", "ACCUSE", "ESP/GOV"),
    ("NATO Secretary General Anna Berg was visiting the troops in Riga on Monday. Berg "
     "accused Russia of trying to sabotage the cables under the Baltic Sea.", "ACCUSE",
     "None/IGO"),
    ("Iranian Foreign Minister Hossein Amiri arrived in Doha on Monday. Amiri accused "
     "Washington of hypocrisy.", "ACCUSE", "IRN/GOV"),
    ("The head of the Ukrainian army accused Russia of shelling civilians.", "ACCUSE",
     "UKR/MIL"),
    ("The Kremlin spokesman accused Kyiv of stalling the talks.", "ACCUSE", "RUS/GOV"),
    # no role in the text: the people dictionary (people.yaml) knows well-known figures
    ("Erdogan accused Sweden of harbouring militants.", "ACCUSE", "TUR/GOV"),
    ("President Claudia Sheinbaum rejected the accusation on Tuesday.", "REJECT", "MEX/GOV"),
    ("Ursula von der Leyen urged Beijing to open its markets.", "REQUEST", "None/IGO"),
    ("On Friday, Hemedti accused the army of shelling Omdurman.", "ACCUSE", "SDN/REB"),
    # "his office", "her party": the owner's country (and sector, when the phrase has none)
    ("Norway's interior minister, Lars Vik, spoke to reporters on Monday. Later, his office "
     "accused Russia of jamming GPS signals.", "ACCUSE", "NOR/GOV"),
    ("Kenyan opposition leader Mary Wanjiru returned to Nairobi. Her party accused the "
     "police of beating protesters.", "ACCUSE", "KEN/OPP"),
]


@pytest.mark.parametrize(("text", "type_", "src"), PEOPLE)
def test_a_persons_country_and_sector_from_the_article(analyse: Analyse, text: str,
                                                       type_: str, src: str) -> None:
    article = analyse(text)
    got = {e.source and f"{e.source.country}/{e.source.sector}" for e in _events(article, type_)}
    assert src in got, got


# Parse repairs that lose or swap an actor.
REPAIRS = [
    # a compass word is no demonym: "western Yemen" is Yemen, not the West
    ("American and British warplanes struck radar sites in western Yemen overnight.",
     "ASSAULT", "USA", "YEM"),
    ("Russian artillery shelled villages in eastern Ukraine on Sunday.", "ASSAULT", "RUS", "UKR"),
    # a dateline before the subject
    ("CARACAS, March 3 - Venezuela's government imposed a night-time curfew in three states.",
     "COERCE", "VEN", None),
    ("BEIRUT, Jan 9 - Israeli drones struck weapons depots in southern Lebanon overnight.",
     "ASSAULT", "ISR", "LBN"),
    # a verb joined after "said that ... <copula>" is the reporter's
    ("The World Bank said on Tuesday that the reforms were necessary and praised Kenya for "
     "its commitment.", "SUPPORT", None, "KEN"),
    ("The Egyptian foreign ministry said the situation was dangerous and accused Israel of "
     "blocking aid.", "ACCUSE", "EGY", "ISR"),
    # the purpose of a call or meeting is the caller's, addressed to whom they called
    ("Germany's foreign minister telephoned the Serbian president to urge restraint.",
     "REQUEST", "DEU", "SRB"),
    ("The Turkish president spoke by telephone with his Qatari counterpart to ask for help "
     "with the talks.", "REQUEST", "TUR", "QAT"),
    ("Japan's prime minister met the Chinese premier in Beijing to demand the release of a "
     "detained businessman.", "REQUEST", "JPN", "CHN"),
]


@pytest.mark.parametrize(("text", "type_", "src", "tgt"), REPAIRS)
def test_parse_repairs(analyse: Analyse, text: str, type_: str, src: str | None,
                       tgt: str | None) -> None:
    article = analyse(text)
    assert_offsets(article)
    got = _pairs(article, type_)
    assert any((src is None or s == src) and (tgt is None or t == tgt) and (s or t)
               for s, t in got), got


def test_an_object_still_does_what_it_was_urged_to(analyse: Analyse) -> None:
    # object control stays for verbs that are not contact verbs: Kyiv is to accept
    article = analyse("Washington urged Kyiv to accept the ceasefire proposal.")
    assert ("USA", "UKR") in _pairs(article, "REQUEST"), _pairs(article, "REQUEST")
    assert all(e.source is None or e.source.country != "USA"
               for e in article.events if e.type == "AGREE")


def test_a_nationality_list_in_apposition_gives_each_person(analyse: Analyse) -> None:
    article = analyse("Lithuanian police detained two men, a Russian national and a Latvian, "
                      "on suspicion of spying.")
    assert {("LTU", "RUS"), ("LTU", "LVA")} <= _pairs(article, "COERCE"), \
        _pairs(article, "COERCE")


# "X rejected the accusations": the accuser is the target, found by the accused's entity,
# or, when the refuser's words name no country, as the latest accusation not their own.
REFUSALS = [
    ("Bolivia's interior minister, Carlos Vega, accused the miners' leader, Juan Quispe, of "
     "inciting violence.\n\nQuispe rejected the accusations and called for talks.",
     "REJECT", "BOL"),
    ("Polish officials accused Russia of being behind the sabotage.\n\n"
     "The Russian embassy in Warsaw rejected the accusations as baseless.", "REJECT", "POL"),
]


@pytest.mark.parametrize(("text", "type_", "tgt"), REFUSALS)
def test_a_refusal_of_the_accusation_targets_the_accuser(analyse: Analyse, text: str,
                                                         type_: str, tgt: str) -> None:
    article = analyse(text)
    assert tgt in {_code(e.target) for e in _events(article, type_)}, _pairs(article, type_)


def test_an_accusation_between_others_is_not_the_refusers(analyse: Analyse) -> None:
    # Serbia's refusal concerns no accusation aimed at Serbia: no target is invented
    article = analyse("Hungary accused Romania of discriminating against ethnic Hungarians.\n\n"
                      "Serbian officials rejected the accusations made against them.")
    assert all(_code(e.target) not in {"HUN", "ROU"} for e in _events(article, "REJECT")
               if _code(e.source) == "SRB")


# An arrest, curfew, deployment or release with no doer in a one-country story is that
# country's state; a story about two countries names none.
STATE = [
    ("Thousands of farmers marched through Lima and Cusco on Monday to protest against fuel "
     "prices.\n\nThe interior ministry said 60 people had been detained in Lima overnight.",
     "COERCE", "PER"),
    ("Protests spread from Nairobi to Mombasa and Kisumu on Tuesday.\n\n"
     "Soldiers were deployed on the main roads into Nairobi.", "MOBILIZE", "KEN"),
    ("Police in Dhaka and Chittagong cleared the streets on Sunday.\n\n"
     "Twenty students were released from custody in Dhaka on Monday.", "RETREAT", "BGD"),
    ("Armenia and Azerbaijan traded fire on the border on Monday.\n\n"
     "Several soldiers were detained.", "COERCE", None),
]


@pytest.mark.parametrize(("text", "type_", "src"), STATE)
def test_an_unnamed_doer_in_a_one_country_story_is_its_state(analyse: Analyse, text: str,
                                                             type_: str, src: str | None
                                                             ) -> None:
    article = analyse(text)
    events = _events(article, type_)
    assert events, [(e.type, e.trigger.text) for e in article.events]
    assert {_code(e.source) for e in events} == {src}, _pairs(article, type_)
    for e in events:
        if e.source is not None:
            assert article.text[e.source.start:e.source.end] == e.source.text


def test_deployed_troops_are_the_mobilising_side(analyse: Analyse) -> None:
    article = analyse("Additional Indian troops were deployed to the border with China.")
    assert ("IND", "CHN") in _pairs(article, "MOBILIZE") or ("IND", None) in _pairs(
        article, "MOBILIZE"), _pairs(article, "MOBILIZE")


# Reactions to an earlier act named by a definite noun are aimed at its doer.
REACTIONS = [
    ("Georgian police arrested four opposition activists on Monday.\n\n"
     "Hundreds of people rallied in Tbilisi to protest against the arrests.", "PROTEST", "GEO"),
    ("Israeli forces killed three Palestinians in a raid in Jenin on Monday.\n\n"
     "The Palestinian Authority condemned the killings.", "ACCUSE", "ISR"),
    # a demand for a release is aimed at whoever arrested them
    ("Georgian police arrested four opposition activists on Monday.\n\n"
     "The opposition demanded the immediate release of the four men.", "REQUEST", "GEO"),
    ("Belarusian security forces detained two Lithuanian citizens near the border.\n\n"
     "Lithuania demanded the release of the detained men.", "REQUEST", "BLR"),
]


@pytest.mark.parametrize(("text", "type_", "tgt"), REACTIONS)
def test_reactions_to_an_earlier_act_target_its_doer(analyse: Analyse, text: str,
                                                     type_: str, tgt: str) -> None:
    article = analyse(text)
    assert tgt in {_code(e.target) for e in _events(article, type_)}, _pairs(article, type_)


def test_a_protest_against_the_arrests_is_not_a_second_arrest(analyse: Analyse) -> None:
    article = analyse("Georgian police arrested four opposition activists on Monday.\n\n"
                      "Hundreds of people rallied in Tbilisi to protest against the arrests.")
    assert len(_events(article, "COERCE")) == 1, _pairs(article, "COERCE")


def test_a_gapped_passive_keeps_its_victims_as_targets(analyse: Analyse) -> None:
    # "and 12 police officers injured": "been" is shared; the officers were hurt
    article = analyse("Officials in Dhaka said 50 protesters had been arrested and 12 police "
                      "officers injured in the clashes.")
    for e in article.events:
        assert e.source is None or "officers" not in e.source.text, (e.type, e.source)


def test_a_reporter_keeps_its_verb_after_a_coordinated_complement(analyse: Analyse) -> None:
    article = analyse("The Lebanese health ministry said six people were killed and 20 wounded "
                      "in the strikes, and accused Israel of targeting a school.")
    assert ("LBN", "ISR") in _pairs(article, "ACCUSE"), _pairs(article, "ACCUSE")


def test_a_persons_name_is_no_scene(analyse: Analyse) -> None:
    # "Ruiz" is also a town in the gazetteer; the security forces are not placed there
    article = analyse("The Ombudsman, Ana Ruiz, urged the security forces to respect the right "
                      "to protest.")
    requests = _events(article, "REQUEST")
    assert requests and all(_code(e.target) is None for e in requests), _pairs(article, "REQUEST")


def test_a_release_is_asked_of_whoever_made_the_arrest_not_a_seizure(analyse: Analyse) -> None:
    article = analyse("Kosovo police arrested four Serbs in raids on Monday.\n\n"
                      "Officers also seized rifles and ammunition near Leposavic.\n\n"
                      "Serbia demanded the immediate release of the four men.")
    targets = [e.target for e in _events(article, "REQUEST")]
    assert any(t is not None and t.country == "XKX" and "police" in t.text for t in targets), \
        targets


ORG_STAFF = [
    ("The National Confederation of Farmers of Paraguay (CONAFAP) called a national strike "
     "on Monday. CONAFAP leader Ramon Benitez accused the government of betraying farmers.",
     "ACCUSE", "PRY"),
    ("The Nigeria Labour Congress (NLC) called a general strike on Monday. NLC president "
     "Joe Ajaero accused the government of ignoring workers.", "ACCUSE", "NGA"),
]


@pytest.mark.parametrize(("text", "type_", "src"), ORG_STAFF)
def test_staff_of_an_organisation_named_in_the_article_take_its_country(
        analyse: Analyse, text: str, type_: str, src: str) -> None:
    article = analyse(text)
    assert src in {_code(e.source) for e in _events(article, type_)}, _pairs(article, type_)


def test_a_person_with_no_organisation_or_nationality_stays_uncoded(analyse: Analyse) -> None:
    article = analyse("The National Confederation of Farmers of Paraguay (CONAFAP) called a "
                      "national strike on Monday.\n\nMaria Gomez, a teacher, accused the "
                      "company of polluting the river.")
    people = [e for e in article.entities if e.label == "PERSON"]
    assert people and all(p.country is None for p in people), people


def test_a_city_the_tagger_took_for_a_person_still_places_victims(analyse: Analyse) -> None:
    article = analyse("The rebel-run health ministry in Sanaa said four people were killed "
                      "and 11 wounded in the strikes.")
    targets = {_code(e.target) for e in _events(article, "ASSAULT")}
    assert targets == {"YEM"}, targets


def test_an_actor_from_an_earlier_sentence_keeps_the_country_it_had_there(
        analyse: Analyse) -> None:
    article = analyse("Riot police arrested four activists in raids in Pristina on Monday.\n\n"
                      "In Belgrade, Serbian officials demanded the immediate release of the "
                      "four men.")
    targets = {_code(e.target) for e in _events(article, "REQUEST")}
    assert "XKX" in targets and "SRB" not in targets, _pairs(article, "REQUEST")


PARTICIPLES = [
    ("Iranian police detained a French tourist in Tehran on Monday.\n\n"
     "France demanded consular access to the detained woman.", "REQUEST", "FRA", "IRN"),
    ("Venezuelan soldiers arrested three Colombian fishermen near the border.\n\n"
     "Colombia demanded information about the arrested men.", "REQUEST", "COL", "VEN"),
]


@pytest.mark.parametrize(("text", "type_", "src", "tgt"), PARTICIPLES)
def test_a_demand_about_the_detained_is_aimed_at_their_captor(analyse: Analyse, text: str,
                                                              type_: str, src: str, tgt: str
                                                              ) -> None:
    article = analyse(text)
    assert (src, tgt) in _pairs(article, type_), _pairs(article, type_)


def test_a_participle_finds_an_earlier_act_of_its_type(analyse: Analyse) -> None:
    article = analyse("Georgian police arrested an Armenian journalist in Tbilisi on Monday.\n\n"
                      "Armenia demanded consular access to the detained reporter.")
    assert ("ARM", "GEO") in _pairs(article, "REQUEST"), _pairs(article, "REQUEST")


def test_two_parties_with_one_unknown_country_give_only_the_known(analyse: Analyse) -> None:
    # an older pair (Peru, Chile) must not stand in for the two leaders of this sentence
    article = analyse("Peru and Chile signed a fisheries accord on Monday.\n\n"
                      "Japan's prime minister spoke with President Tomas Varga by phone on "
                      "Wednesday, and the two leaders agreed to share satellite data.")
    pairs = _pairs(article, "AGREE")
    assert ("JPN", None) in pairs and not {p for p in pairs if "PER" in p or "CHL" in p}, pairs


def test_a_dateline_dash_is_not_part_of_the_actor(analyse: Analyse) -> None:
    article = analyse("CARACAS, March 3 - Venezuela's government imposed a night-time curfew "
                      "in three states.")
    sources = [e.source for e in _events(article, "COERCE") if e.source is not None]
    assert sources and all(s.text == "Venezuela's government" for s in sources), sources


def test_police_of_two_countries_in_one_story_each_take_their_own(analyse: Analyse) -> None:
    article = analyse("Police in Yerevan detained 20 protesters on Monday.\n\n"
                      "In Baku, police dispersed a rally outside parliament on Tuesday.")
    sources = {_code(e.source) for e in _events(article, "COERCE")}
    assert sources == {"ARM", "AZE"}, _pairs(article, "COERCE")


ONE_MENTION = [
    # one mention after a scene preposition says where the story is
    ("Riot police detained dozens of teachers in Chile on Tuesday.", "COERCE", "CHL"),
    # one mention as the accused party does not
    ("Tomas Berg, the interior minister, accused Greece of pushing back migrants.",
     "ACCUSE", None),
]


@pytest.mark.parametrize(("text", "type_", "src"), ONE_MENTION)
def test_a_single_mention_is_a_home_only_as_a_scene(analyse: Analyse, text: str, type_: str,
                                                    src: str | None) -> None:
    article = analyse(text)
    sources = {_code(e.source) for e in _events(article, type_)}
    assert sources == {src}, _pairs(article, type_)


def test_the_two_journalists_are_not_the_two_countries(analyse: Analyse) -> None:
    article = analyse("Russia and Belarus freed the two journalists on Friday.")
    assert all(_code(e.target) not in {"RUS", "BLR"} for e in article.events), \
        [(e.type, _code(e.source), _code(e.target)) for e in article.events]


def test_a_possessor_country_is_the_home_of_a_person_named_without_one(
        analyse: Analyse) -> None:
    article = analyse("Grigory Volkov deployed Russia's troops to the border on Sunday.")
    assert {_code(e.source) for e in _events(article, "MOBILIZE")} == {"RUS"}, \
        _pairs(article, "MOBILIZE")


def test_both_governments_of_the_dispute_not_a_leader_and_his_state(analyse: Analyse) -> None:
    article = analyse(
        "Somalia recalled its ambassador to Ethiopia on Tuesday over a port deal.\n\n"
        "Ethiopia's prime minister and the Somaliland leader signed the deal under which "
        "Somaliland would lease its coast to Ethiopia.\n\n"
        "The African Union urged both governments to show restraint.")
    targets = {_code(e.target) for e in _events(article, "REQUEST")}
    assert targets == {"SOM", "ETH"}, _pairs(article, "REQUEST")


def test_a_detained_man_is_held_by_an_arrester_not_by_an_untargeted_act(
        analyse: Analyse) -> None:
    article = analyse("Lithuanian police arrested two men, a Belarusian and a Lithuanian, on "
                      "Monday.\n\nRussia has launched repeated cyberattacks on the region.\n\n"
                      "Belarus demanded consular access to the detained man.")
    assert ("BLR", "LTU") in _pairs(article, "REQUEST"), _pairs(article, "REQUEST")


def test_a_reaction_skips_an_earlier_mention_with_no_doer(analyse: Analyse) -> None:
    article = analyse("American jets struck rebel bases in Yemen overnight.\n\n"
                      "Officials said the strikes were meant to protect shipping.\n\n"
                      "Iran condemned the strikes.")
    assert ("IRN", "USA") in _pairs(article, "ACCUSE"), _pairs(article, "ACCUSE")



# An object "them" points back to the nearest earlier plural noun that is an actor.
THEM = [
    ("Police arrested five Nigerien nationals at the terminal. A prosecutor charged them with "
     "entering the country illegally.", "ACCUSE", "NER"),
    ("Hundreds of Kenyan students marched to parliament. Police dispersed them with tear gas.",
     "ASSAULT", "KEN"),
]


@pytest.mark.parametrize(("text", "type_", "tgt"), THEM)
def test_them_points_back_to_a_plural_actor(analyse: Analyse, text: str, type_: str,
                                            tgt: str) -> None:
    article = analyse(text)
    targets = [e.target for e in _events(article, type_)]
    assert any(t is not None and t.country == tgt and t.inferred for t in targets), targets
