"""The actor dictionary and coder: phrases -> (country, sector)."""

from __future__ import annotations

import pytest

from fivew.data import DataFileError
from fivew.extract.actor_data import build_dictionary, load_dictionary
from fivew.extract.actors import code_actor, code_text, lookup


@pytest.mark.parametrize(
    ("phrase", "country", "sector"),
    [
        # demonyms and country names
        ("Ukrainian officials", "UKR", "GOV"),
        ("Top Ukrainian officials", "UKR", "GOV"),
        ("British diplomats", "GBR", "GOV"),
        ("UK Foreign Secretary", "GBR", "GOV"),
        ("American troops", "USA", "MIL"),
        ("US officials", "USA", "GOV"),
        ("U.S. forces", "USA", "MIL"),
        ("the Russian military", "RUS", "MIL"),
        ("Russian soldiers", "RUS", "MIL"),
        ("French reporters", "FRA", "MED"),
        ("Chinese firms", "CHN", "BUS"),
        ("Israeli soldiers", "ISR", "MIL"),
        ("Filipino fishermen", "PHL", "CVL"),
        ("Filipino engineers", "PHL", None),  # a trade the dictionary does not list
        # staff of a body of no state are the body's, wherever they serve
        ("UN monitors in Ukraine", None, "IGO"),
        ("the UN envoy for Yemen", None, "IGO"),
        ("Russia's UN envoy", "RUS", "GOV"),
        ("Swiss banks", "CHE", "BUS"),
        ("the Russian side", "RUS", "GOV"),
        ("Belarusian opposition", "BLR", "OPP"),
        ("South Korean lawmakers", "KOR", "LEG"),
        # bare countries and demonyms: the state, no sector
        ("Russia", "RUS", None),
        ("the Netherlands", "NLD", None),
        ("Ukrainians", "UKR", None),
        ("Argentina", "ARG", None),
        # capitals and seats of government (metonymy)
        ("Moscow", "RUS", "GOV"),
        ("the Kremlin", "RUS", "GOV"),
        ("Kyiv", "UKR", "GOV"),
        ("Kiev", "UKR", "GOV"),
        ("Washington", "USA", "GOV"),
        ("the White House", "USA", "GOV"),
        ("Beijing", "CHN", "GOV"),
        ("Downing Street", "GBR", "GOV"),
        ("Kremlin spokesman", "RUS", "GOV"),
        ("Kyiv officials", "UKR", "GOV"),
        ("Moscow's troops", "RUS", "MIL"),
        # organisations
        ("NATO", None, "IGO"),  # an international organisation has no country
        ("the European Union", None, "IGO"),
        ("the EU", None, "IGO"),
        ("the United Nations", None, "IGO"),
        ("the UN refugee agency", None, "IGO"),
        ("the International Criminal Court", None, "JUD"),
        ("the IMF", None, "IGO"),
        ("the OSCE", None, "IGO"),
        ("the Red Cross", None, "NGO"),
        ("the UN Security Council", None, "IGO"),
        ("National Security Council spokesman", None, "GOV"),
        ("the UK's Ministry of Defense", "GBR", "GOV"),
        ("the Russian Defence Ministry", "RUS", "GOV"),
        ("Ukraine's foreign ministry", "UKR", "GOV"),
        ("NATO troops", None, "IGO"),  # staff of a stateless body are the body's, like UN monitors
        # sector words alone
        ("officials", None, "GOV"),
        ("the minister", None, "GOV"),
        ("the president", None, "GOV"),
        ("soldiers", None, "MIL"),
        ("a colonel", None, "MIL"),
        ("Colonel-General", None, "MIL"),
        ("rebels", None, "REB"),
        ("separatists", None, "REB"),
        ("nationalist units", None, "REB"),
        ("militants", None, "REB"),
        ("civilians", None, "CVL"),
        ("residents", None, "CVL"),
        ("people", None, "CVL"),
        ("state-run media", None, "MED"),
        ("news outlets", None, "MED"),
        ("reporters", None, "MED"),
        ("protesters", None, "OPP"),
        ("the company", None, "BUS"),
        # groups and allegiance
        ("Western officials", "WST", "GOV"),
        ("European leaders", "EUR", "GOV"),
        ("pro-Russian troops", "RUS", "REB"),
        ("pro-Russian separatists", "RUS", "REB"),
        ("pro-Russian forces", "RUS", "REB"),
        ("pro-Kremlin media", "RUS", "MED"),
        ("pro-Western protesters", "WST", "OPP"),
        # a sponsor is not the actor: the group's own country, else none
        ("Iran-backed Houthi rebels", "YEM", "REB"),
        ("the U.S.-backed Syrian Democratic Forces", "SYR", "REB"),
        ("Turkish-funded militias", None, "REB"),
        ("Russia-trained soldiers", None, "MIL"),
        ("the UN-backed government", None, "GOV"),
        # forces by kind
        ("additional commando units", None, "MIL"),
        ("reinforcements", None, "MIL"),
        ("police units", None, "COP"),
        # ... but a coalition led by a state is still partly that state's
        ("the Saudi-led coalition", "SAU", None),
        # compound demonyms name the community, not the first word's country
        ("Turkish Cypriot police", "CYP", "COP"),
        ("two Greek Cypriot farmers", "CYP", "LAB"),
        ("Greek police", "GRC", "COP"),
        # an organ of a stateless body is that body's
        ("the Permanent Council of the Organization of American States", None, "IGO"),
        ("the Security Council of the United Nations", None, "IGO"),
        ("police in the UN compound", None, "COP"),
        # head of the phrase decides the sector; the first country word the country
        ("residents of Kyiv", "UKR", "CVL"),
        ("Mariupol residents", "UKR", "CVL"),
        ("soldiers of the Russian army", "RUS", "MIL"),
        ("Russian and Ukrainian negotiators", "RUS", "GOV"),
        ("the Ukrainian ambassador to Russia", "UKR", "GOV"),
        # a posted role's host is not its country
        ("the ambassador to Senegal", None, "GOV"),
        ("Kenya's envoy to the United States", "KEN", "GOV"),
        ("Ukrainian Deputy Prime Minister", "UKR", "GOV"),
        ("Ukrainian Defense Minister", "UKR", "GOV"),
        # a general role noun yields to a more specific sector word before it
        ("opposition leader", None, "OPP"),
        ("rebel commander", None, "REB"),
        ("company spokesman", None, "BUS"),
        ("military leaders", None, "MIL"),
        ("Russian officials", "RUS", "GOV"),
        ("Kremlin spokesman", "RUS", "GOV"),
    ],
)
def test_code_text(phrase: str, country: str | None, sector: str | None) -> None:
    code = code_text(phrase)
    assert code is not None
    assert (code.country, code.sector) == (country, sector)
    assert phrase[code.start : code.end] == code.matched_text


@pytest.mark.parametrize("phrase", ["the World Uyghur Congress", "the World Amazigh Congress",
                                    "the Pan Africanist Senate"])
def test_a_one_word_body_inside_another_name_is_not_that_body(phrase: str) -> None:
    # a one-word body ("Senate", "Rada") ends many longer names it is not part of
    assert code_text(phrase) is None or code_text(phrase).country is None  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "phrase",
    ["us", "who", "is", "the weather", "a long war", "Mr Smith", "", "...", "it"],
)
def test_uncoded_phrases(phrase: str) -> None:
    assert code_text(phrase) is None


@pytest.mark.parametrize(
    ("phrase", "matched"),
    [
        ("Top Ukrainian officials", "Ukrainian officials"),
        ("the Kremlin", "Kremlin"),
        ("pro-Russian troops", "pro-Russian troops"),
        ("the UK’s Ministry of Defence", "UK’s Ministry of Defence"),
    ],
)
def test_matched_text(phrase: str, matched: str) -> None:
    code = code_text(phrase)
    assert code is not None and code.matched_text == matched


def test_code_actor_gives_doc_offsets(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("On Monday the Ukrainian officials said the Russian troops had left.")
    span = doc[6:9]  # "the Russian troops"
    code = code_actor(span)
    assert code is not None and (code.country, code.sector) == ("RUS", "MIL")
    assert doc.text[code.start : code.end] == "Russian troops"


@pytest.mark.parametrize(
    ("name", "kind", "country"),
    [
        ("Kyiv", "capital", "UKR"),
        ("Odesa", "place", "UKR"),
        ("Mariupol", "place", "UKR"),
        ("Russia's", "country", "RUS"),
        ("the Kremlin", "seat", "RUS"),
        ("Ukrainian", "demonym", "UKR"),
        ("Britain", "country", "GBR"),
        ("Germany", "country", "DEU"),
        ("Nato", "org", None),
    ],
)
def test_lookup(name: str, kind: str, country: str) -> None:
    entry = lookup(name)
    assert entry is not None and (entry.kind, entry.country) == (kind, country)


# pycountry names the Republic of Congo "Congo"; wire copy means the DRC (actors.yaml CHOICES)
REASSIGNED = {"Congo": "COD"}


def test_every_pycountry_country_is_known() -> None:
    import pycountry

    for c in pycountry.countries:
        name = getattr(c, "common_name", None) or c.name
        entry = lookup(name)
        if "," in c.name and not getattr(c, "common_name", None):
            continue
        assert entry is not None and entry.country == REASSIGNED.get(name, c.alpha_3), c.name
    assert lookup("Republic of Congo").country == "COG"  # type: ignore[union-attr]


def test_dictionary_loads_once() -> None:
    assert load_dictionary() is load_dictionary()


MINIMAL = {"sectors": {"GOV": "government"}}


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ([], "must be a mapping"),
        ({}, "sectors"),
        ({**MINIMAL, "demonyms": {"XYZ": ["Xyzian"]}}, "XYZ"),
        ({**MINIMAL, "sector_words": {"MIL": ["troops"]}}, "MIL"),
        ({**MINIMAL, "organisations": [{"names": ["Acme"], "country": None, "sector": "BUS"}]},
         "organisations[0].sector"),
        ({**MINIMAL, "organisations": [{"names": [], "country": None, "sector": "GOV"}]},
         "organisations[0].names"),
        ({**MINIMAL, "capitals": {"RUS": "Moscow"}, "colours": {}}, "colours"),
        ({**MINIMAL, "sector_words": {"GOV": [1, 2]}}, "sector_words.GOV"),
        ({**MINIMAL, "people": [{"names": ["Ana Ruiz"], "country": "XYZ", "sector": "GOV"}]},
         "people[0].country"),
        ({**MINIMAL, "people": [{"names": ["Ana Ruiz"], "country": "PER", "role": "x"}]},
         "people[0]"),
        ({**MINIMAL, "people": [{"names": ["Ana Ruiz"], "country": "PER", "sector": "GOV"},
                                {"names": ["Ana Ruiz"], "country": "CHL", "sector": "GOV"}]},
         "listed twice"),
    ],
)
def test_invalid_dictionary_is_reported(raw: object, message: str) -> None:
    with pytest.raises(DataFileError, match=r"my\.yaml.*" + message.replace("[", r"\[")
                       .replace("]", r"\]").replace(".", r"\.")):
        build_dictionary(raw, "my.yaml")


def test_user_dictionary_extends_coding() -> None:
    lex = build_dictionary(
        {
            "sectors": {"GOV": "government", "MIL": "military"},
            "capitals": {"UKR": ["Kyiv"]},
            "sector_words": {"MIL": ["troops"]},
        },
        "mine.yaml",
    )
    code = code_text("Kyiv troops", lex)
    assert code is not None and (code.country, code.sector) == ("UKR", "MIL")


def test_people_code_by_whole_name_only() -> None:
    lex = build_dictionary({**MINIMAL, "people": [
        {"names": ["Ana Ruiz Tapia", "Ruiz Tapia"], "country": "PER", "sector": "GOV"}]},
        "mine.yaml")
    code = code_text("President Ana Ruiz Tapia", lex)
    assert code is not None and (code.country, code.sector) == ("PER", "GOV")
    assert code_text("Ruiz Tapia's government", lex) is not None
    # a listed name is a proper noun: lower case, or a part of it, is no match
    assert code_text("ana ruiz tapia", lex) is None
    assert code_text("Ana Ruiz", lex) is None


def test_shipped_people_are_valid_and_coded() -> None:
    lex = load_dictionary()
    people = {e for e in lex.folded.values() if e.kind == "person"}
    assert len(people) > 100
    assert all(e.sector for e in people)
