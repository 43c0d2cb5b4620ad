"""Speakers by canonical name: titles out of names, descriptions and pronouns linked back to
the organisation or person named earlier, organisations not taken for people. News-style
sentences written for these tests (no real article)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from conftest import assert_offsets, only_quote
from fivew.records import Article, Speaker

Analyse = Callable[..., Article]


def speaker_of(analyse: Analyse, text: str, fragment: str) -> Speaker:
    """The speaker of the one quote containing `fragment` (all offsets checked)."""
    article = analyse(text)
    assert_offsets(article)
    q = only_quote(article, fragment)
    assert q.speaker is not None, q
    return q.speaker


TITLED = [
    ("Councillor Marta Velez said the library would close in March.", "library would close",
     "Marta Velez", "Councillor"),
    ("Sen. Dana Whitfield said the bill would not pass this year.", "bill would not pass",
     "Dana Whitfield", "Sen."),
    ("State Rep. Carlos Mendes told reporters the budget was balanced.", "budget was balanced",
     "Carlos Mendes", "Rep."),
    ("Detective Sergeant Paula Grant said the suspect had fled on foot.", "suspect had fled",
     "Paula Grant", "Sergeant"),
    ("Governor Elena Brooks said the state of emergency would be lifted.",
     "state of emergency", "Elena Brooks", "Governor"),
    ("Judge Harold Finch said the trial would resume on Monday.", "trial would resume",
     "Harold Finch", "Judge"),
]


@pytest.mark.parametrize(("text", "fragment", "name", "role_word"), TITLED)
def test_title_is_role_not_name(analyse: Analyse, text: str, fragment: str, name: str,
                                role_word: str) -> None:
    speaker = speaker_of(analyse, text, fragment)
    assert speaker.name == name
    assert speaker.role is not None and role_word in speaker.role, speaker


DESCRIBED_ORG = [
    # capitalised organisation noun after "the", untagged by the model
    ("The fire spread overnight, a claim the Environment Ministry disputed.\n\n"
     "In a statement, the ministry said crews had contained the blaze.", "crews had contained",
     "Environment Ministry"),
    ("Shares fell after the Transport Department issued new rules.\n\n"
     "The department said the rules would take effect in June.", "rules would take effect",
     "Transport Department"),
    # "the ministry" many sentences after the only ministry the article names
    ("The Finance Ministry on Monday raised its growth forecast. Analysts were surprised. "
     "Markets rose sharply. Bond yields fell. The currency gained. Exporters cheered. "
     "Importers complained. Retailers were cautious. Banks were upbeat.\n\n"
     "The ministry said inflation would ease by the end of the year.", "inflation would ease",
     "Finance Ministry"),
]


@pytest.mark.parametrize(("text", "fragment", "name"), DESCRIBED_ORG)
def test_description_links_to_named_organisation(analyse: Analyse, text: str, fragment: str,
                                                 name: str) -> None:
    speaker = speaker_of(analyse, text, fragment)
    assert speaker.name == name
    assert speaker.entity_id is not None


def test_two_ministries_far_back_stay_unresolved(analyse: Analyse) -> None:
    text = ("The Finance Ministry and the Health Ministry met on Monday. Talks were long. "
            "Nobody left early. Coffee ran out. Lunch was late. Aides waited. Doors stayed "
            "shut. Reporters gathered outside. Night fell.\n\n"
            "The ministry said the talks had been useful.")
    q = only_quote(analyse(text), "talks had been useful")
    assert q.speaker is not None and q.speaker.entity_id is None, q.speaker


ORG_NOT_PERSON = [
    ("A lawyer for Norwell Pharma said the drug was safe.", "Norwell Pharma"),
    ("Grayson Holdings said profits had doubled.", "Grayson Holdings"),
    ("Talbot Airways said flights would resume on Friday.", "Talbot Airways"),
]


@pytest.mark.parametrize(("text", "org"), ORG_NOT_PERSON)
def test_company_names_are_organisations(analyse: Analyse, text: str, org: str) -> None:
    article = analyse(text)
    labels = {e.name: e.label for e in article.entities}
    assert labels.get(org) == "ORG", labels


@pytest.mark.parametrize(("text", "org"), [
    ("The JUI-F, which is in opposition, accused the provincial government of rigging.", "JUI-F"),
    ("The SBU said it had detained two men in Lviv on Monday.", "SBU"),
])
def test_untagged_acronyms_are_organisations(analyse: Analyse, text: str, org: str) -> None:
    labels = {e.name: e.label for e in analyse(text).entities}
    assert labels.get(org) == "ORG", labels


def test_a_headline_in_capitals_is_no_string_of_acronyms(analyse: Analyse) -> None:
    article = analyse("POLICE SEIZE BOAT OFF COAST. Police seized a boat on Monday.")
    assert not any(e.name in ("POLICE", "SEIZE", "BOAT") for e in article.entities), article.entities


DESCRIBED_PERSON = [
    ("A spokeswoman for the airline, Talbot Airways, said two flights were cancelled. "
     "\"We apologise to every passenger,\" she said.", "We apologise",
     "spokeswoman for the airline"),
    ("A spokesman for the hospital said the wing had reopened. \"Patients are safe,\" he "
     "added.", "Patients are safe", "spokesman for the hospital"),
]


@pytest.mark.parametrize(("text", "fragment", "name"), DESCRIBED_PERSON)
def test_pronoun_after_described_speaker(analyse: Analyse, text: str, fragment: str,
                                         name: str) -> None:
    article = analyse(text)
    assert_offsets(article)
    q = only_quote(article, fragment)
    assert q.speaker is not None and q.speaker.name == name, q.speaker
    first = article.quotes[0]
    assert first.speaker is not None and first.speaker.name == name, first.speaker


EPITHETS = [
    ("Sen. Laura Kemp (D-Ore.) spoke in Portland on Monday. The crowd cheered. "
     "The Oregon senator said the deal was a mistake.", "deal was a mistake", "Laura Kemp"),
    ("Republican presidential candidate Tom Harlan held a rally on Monday. Thousands "
     "attended. The candidate said the polls were rigged.", "polls were rigged", "Tom Harlan"),
    ("Senator Ruth Oduya spoke in Ohio. Later, the Vermont senator said she would keep "
     "fighting.", "would keep fighting", "Ruth Oduya"),
    ("Defense attorney Mark Bellamy filed the motion on Friday. Reporters waited outside. "
     "The attorney said his client was innocent.", "client was innocent", "Mark Bellamy"),
    ("Gov. Alan Petrie signed the order on Tuesday. The governor said schools would reopen.",
     "schools would reopen", "Alan Petrie"),
]


@pytest.mark.parametrize(("text", "fragment", "name"), EPITHETS)
def test_role_description_links_to_person(analyse: Analyse, text: str, fragment: str,
                                          name: str) -> None:
    assert speaker_of(analyse, text, fragment).name == name


def test_role_description_with_two_fitting_people_stays_unresolved(analyse: Analyse) -> None:
    text = ("Sen. Laura Kemp met Sen. Ruth Oduya in Ohio on Monday. Later, the Vermont senator "
            "said the talks had gone well.")
    q = only_quote(analyse(text), "talks had gone well")
    assert q.speaker is not None and q.speaker.entity_id is None, q.speaker


POSSESSIVE_SOURCES = [
    ("The union's claim that wages had fallen was disputed by the employers.", "wages had fallen",
     "union"),
    ("The ministry's warning that reservoirs were low went unheeded.", "reservoirs were low",
     "ministry"),
]


@pytest.mark.parametrize(("text", "fragment", "head"), POSSESSIVE_SOURCES)
def test_possessive_source_without_marker(analyse: Analyse, text: str, fragment: str,
                                          head: str) -> None:
    article = analyse(text)
    assert_offsets(article)
    q = only_quote(article, fragment)
    assert q.speaker is not None, q
    assert q.speaker.text.lower().endswith(head), q.speaker


TITLE_AFTER_CUE = [
    ("\"We will win this seat,\" Dana Ruiz, the party's candidate, said on \"Meet the Press.\"",
     "We will win this seat", "Dana Ruiz"),
    ("“The border is secure,” Omar Feld, a senior adviser, said Sunday on “Face the Nation.”",
     "The border is secure", "Omar Feld"),
]


@pytest.mark.parametrize(("text", "fragment", "name"), TITLE_AFTER_CUE)
def test_quoted_title_after_cue_is_not_the_speaker(analyse: Analyse, text: str, fragment: str,
                                                   name: str) -> None:
    assert speaker_of(analyse, text, fragment).name == name


SURNAME_LIKE_PLACE = [
    ("Mayor John Park said the budget was balanced.", "John Park"),
    ("Mr. Henry Hall said the station would close.", "Henry Hall"),
    ("Councillor Grace Bridge told reporters the vote was rigged.", "Grace Bridge"),
]


@pytest.mark.parametrize(("text", "name"), SURNAME_LIKE_PLACE)
def test_titled_name_ending_in_place_word_is_a_person(analyse: Analyse, text: str,
                                                       name: str) -> None:
    article = analyse(text)
    q = article.quotes[0]
    assert q.speaker is not None and q.speaker.name == name, q.speaker
    labels = {e.name: e.label for e in article.entities}
    assert labels.get(name) == "PERSON", labels


def test_he_never_goes_to_a_woman_already_called_she(analyse: Analyse) -> None:
    text = ("Maria Lopez said rents had risen. \"We have never seen this,\" she said.\n\n"
            "A man at the back of the hall shouted. He said the figures were wrong.")
    q = only_quote(analyse(text), "figures were wrong")
    assert q.speaker is not None and q.speaker.name != "Maria Lopez", q.speaker


ORG_DESCRIPTION_CHAINS = [
    ("The housing department said in a statement that it stood by its data. It added that a "
     "full report would follow in May.", "full report would follow", "housing department"),
    ("The water utility said on Monday that supplies were safe. It added that tests would "
     "continue.", "tests would continue", "water utility"),
    ("Local officials said the bridge was unsafe. They added that repairs would take a year.",
     "repairs would take a year", "officials"),
]


@pytest.mark.parametrize(("text", "fragment", "name"), ORG_DESCRIPTION_CHAINS)
def test_it_and_they_after_described_group(analyse: Analyse, text: str, fragment: str,
                                           name: str) -> None:
    article = analyse(text)
    assert_offsets(article)
    q = only_quote(article, fragment)
    assert q.speaker is not None and q.speaker.name.lower().endswith(name), q.speaker


SAME_DESCRIPTION = [
    ("A spokesman for the mayor said the report would be reviewed. \"He takes this "
     "seriously,\" the spokesman said.", "takes this seriously", "spokesman for the mayor"),
    ("A lawyer for the family said the police had lied. \"We will sue,\" the lawyer told "
     "reporters.", "We will sue", "lawyer for the family"),
]


@pytest.mark.parametrize(("text", "fragment", "name"), SAME_DESCRIPTION)
def test_definite_description_repeats_earlier_speaker(analyse: Analyse, text: str,
                                                      fragment: str, name: str) -> None:
    assert speaker_of(analyse, text, fragment).name == name


@pytest.mark.parametrize("verb", ["Says", "Warns", "Tells", "Insists"])
def test_headline_verb_is_no_part_of_a_name(analyse: Analyse, verb: str) -> None:
    text = (f"Minister Lena Varga {verb} Budget Is Safe\n\n"
            "Lena Varga said on Monday that the budget was safe. Ms. Varga added that taxes "
            "would not rise.")
    article = analyse(text)
    names = {e.name for e in article.entities if e.label == "PERSON"}
    assert "Lena Varga" in names and not any(verb in n for n in names), names
    q = only_quote(article, "taxes would not rise")
    assert q.speaker is not None and q.speaker.name == "Lena Varga", q.speaker


@pytest.mark.parametrize(("first", "pronoun"), [("Kevin", "she"), ("Laura", "he")])
def test_pronoun_never_goes_to_a_first_name_of_the_other_gender(analyse: Analyse, first: str,
                                                                 pronoun: str) -> None:
    text = (f"{first} Marsh was asleep on the sofa when the results came in.\n\n"
            f"\"We lost the county,\" {pronoun} said.")
    q = only_quote(analyse(text), "We lost the county")
    assert q.speaker is not None and q.speaker.name != f"{first} Marsh", q.speaker


COMPANY_NAMES = [
    ("Metrolink Transit, which runs the buses, welcomed the plan. The company said ridership "
     "had fallen.", "ridership had fallen", "Metrolink Transit"),
    ("Corven Mining closed the shaft on Monday. The company said no workers were hurt.",
     "no workers were hurt", "Corven Mining"),
    ("Halden Telecom cut prices last month. The company said profits would still rise.",
     "profits would still rise", "Halden Telecom"),
]


@pytest.mark.parametrize(("text", "fragment", "name"), COMPANY_NAMES)
def test_untagged_company_name_and_the_company(analyse: Analyse, text: str, fragment: str,
                                               name: str) -> None:
    assert speaker_of(analyse, text, fragment).name == name


def test_person_whose_surname_ends_company_names_stays_a_person(analyse: Analyse) -> None:
    article = analyse("Ambassador Samantha Power said the vote was a turning point.")
    q = article.quotes[0]
    assert q.speaker is not None and q.speaker.name == "Samantha Power", q.speaker


@pytest.mark.parametrize(("text", "name"), [
    ("The New York Post reported that the deal was off.", "New York Post"),
    ("The United States said the sanctions would stay.", "United States"),
    ("The Washington Post said the report was accurate.", "Washington Post"),
])
def test_name_ending_in_a_verb_like_word_keeps_it(analyse: Analyse, text: str,
                                                  name: str) -> None:
    q = analyse(text).quotes[0]
    assert q.speaker is not None and q.speaker.name == name, q.speaker


def test_first_person_never_goes_to_a_described_third_person(analyse: Analyse) -> None:
    text = ("\"We live in hard times,\" my father often said.\n\n"
            "\"I never agreed with him,\" I said to the reporter.")
    q = only_quote(analyse(text), "never agreed")
    assert q.speaker is None or q.speaker.name != "my father", q.speaker


@pytest.mark.parametrize("epithet", ["Crooked", "Sleepy", "Lyin'"])
def test_epithet_before_a_full_name_is_not_the_canonical_name(analyse: Analyse,
                                                              epithet: str) -> None:
    text = (f"Maria Sandoval spoke in Ohio. Her rival said that debating was harder than "
            f"facing {epithet} Maria Sandoval. Sandoval said the remark was petty.")
    q = only_quote(analyse(text), "remark was petty")
    assert q.speaker is not None and q.speaker.name == "Maria Sandoval", q.speaker


@pytest.mark.parametrize("tag", ["#Justdoit", "#StopTheCuts", "@CityHallNews"])
def test_hashtags_and_handles_are_not_people(analyse: Analyse, tag: str) -> None:
    text = (f"Lena Varga posted a photo with the tag {tag} on Monday. "
            "\"We will not stop,\" she wrote.")
    article = analyse(text)
    names = {e.name for e in article.entities}
    assert tag.lstrip("#@") not in names, names
    q = only_quote(article, "We will not stop")
    assert q.speaker is not None and q.speaker.name == "Lena Varga", q.speaker
