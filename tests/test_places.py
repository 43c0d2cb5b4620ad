"""Place mentions resolved offline: spellings, mislabelled names, ambiguity, modifiers."""

from __future__ import annotations

import pytest

from conftest import assert_offsets
from fivew.extract import gazetteer


@pytest.mark.parametrize(
    "name,country,lat,lon",
    [
        ("Kyiv", "UA", 50.45, 30.52),
        ("Kiev", "UA", 50.45, 30.52),
        ("Kharkov", "UA", 49.98, 36.25),
        ("Mariupol", "UA", 47.10, 37.54),
        ("Irpin", "UA", 50.52, 30.24),
        ("Bucha", "UA", 50.55, 30.21),
        ("Kherson", "UA", 46.64, 32.61),
        ("Izyum", "UA", 49.21, 37.28),
        ("Lugansk", "UA", 48.57, 39.33),
        ("Zaporozhye", "UA", 47.85, 35.12),
        ("Odessa", "UA", 46.49, 30.74),
        ("Severodonetsk", "UA", 48.94, 38.49),
        ("Hostomel", "UA", 50.57, 30.27),
    ],
)
def test_gazetteer_knows_war_places_and_spellings(name, country, lat, lon) -> None:  # type: ignore[no-untyped-def]
    best = max(gazetteer.lookup(name), key=lambda e: e.population)
    assert best.country == country
    assert abs(best.lat - lat) < 0.2 and abs(best.lon - lon) < 0.2  # type: ignore[operator]


@pytest.mark.parametrize(
    "sentence,mention,name,country",
    [
        ("Moscow has accused Kyiv of stalling the talks.", "Kyiv", "Kyiv", "UKR"),
        ("Residents of Izium fled west as Ukrainian troops withdrew.", "Izium", "Izyum", "UKR"),
        ("Ukrainian forces said Sievierodonetsk was under heavy fire.", "Sievierodonetsk", None, "UKR"),
        ("Ukrainian officials said Zaporizhzhia had taken in refugees.", "Zaporizhzhia", None, "UKR"),
        ("Russian warships shelled Odesa on Saturday, Ukrainian officials said.", "Odesa", "Odesa", "UKR"),
        ("Investigators in Bucha exhumed bodies, Ukraine's prosecutor said.", "Bucha", "Bucha", "UKR"),
        ("Shelling hit Kherson again, the Ukrainian military said.", "Kherson", "Kherson", "UKR"),
        ("The convoy left Kharkiv for Poltava early in the morning.", "Poltava", "Poltava", "UKR"),
        ("Tanks were seen near Chernihiv, Ukraine.", "near Chernihiv", "Chernihiv", "UKR"),
        ("Rebels shelled Luhansk overnight, Ukrainian officials said.", "Luhansk", "Luhansk", "UKR"),
        ("Explosions were heard in Lviv, close to the Polish border.", "Lviv", "Lviv", "UKR"),
        ("Troops massed in Crimea before the invasion.", "Crimea", "Crimea", "UKR"),
        ("Fighting raged in the Donbas for weeks.", "Donbas", "Donbas", "UKR"),
        ("Russian forces tried to seize the Luhansk region, Ukraine said.", "Luhansk region", "Luhansk Oblast", "UKR"),
        ("The summit was held in Berlin, Germany, on Friday.", "Berlin", "Berlin", "DEU"),
        ("Protests spread from Tehran to other Iranian cities.", "Tehran", "Tehran", "IRN"),
        ("Flooding forced thousands from their homes in Pakistan.", "Pakistan", "Pakistan", "PAK"),
        ("Officials in the U.S. condemned the strike.", "U.S.", "United States", "USA"),
        ("Britain announced new sanctions on Tuesday.", "Britain", "United Kingdom", "GBR"),
    ],
)
def test_place_mention_resolves(analyse, sentence, mention, name, country) -> None:  # type: ignore[no-untyped-def]
    article = analyse(sentence, published="2022-04-01")
    found = [p for p in article.places if p.text == mention]
    assert found, [p.text for p in article.places]
    assert found[0].country == country
    if name:
        assert found[0].name == name
    assert found[0].lat is not None and found[0].lon is not None
    assert_offsets(article)


@pytest.mark.parametrize(
    "text,name,country,feature",
    [
        ("Georgia voters lined up in Atlanta before dawn.", "Georgia", "USA", "region"),
        ("Georgia held elections; Tbilisi saw protests.", "Georgia", "GEO", "country"),
        ("Storms hit Birmingham, Alabama, on Monday.", "Birmingham", "USA", "city"),
        ("Police in Birmingham said West Midlands officers arrested a man.", "Birmingham", "GBR", "city"),
        ("The University of Georgia in Athens cancelled classes.", "Athens", "USA", "city"),
        ("Greek police clashed with protesters in Athens on Sunday.", "Athens", "GRC", "city"),
    ],
)
def test_homonyms_follow_context(analyse, text, name, country, feature) -> None:  # type: ignore[no-untyped-def]
    article = analyse(text, published="2023-06-15")
    found = [p for p in article.places if p.name == name]
    assert found, [(p.text, p.name) for p in article.places]
    assert (found[0].country, found[0].feature) == (country, feature)


@pytest.mark.parametrize(
    "text,country,lat",
    [
        ("The mayor of Paris, Texas, said the tornado destroyed dozens of homes.", "USA", 33.66),
        ("Tornado warnings were issued across Texas. In Paris, the mayor ordered shelters opened.", "USA", 33.66),
        ("The French president returned to Paris after the summit.", "FRA", 48.85),
        ("He flew to Paris, France, to meet European leaders.", "FRA", 48.85),
        ("Students at the University of Idaho in Moscow returned to class. Idaho police said.", "USA", 46.73),
        ("Moscow said Russian troops would not pause the offensive.", "RUS", 55.75),
    ],
)
def test_ambiguous_names_follow_context(analyse, text, country, lat) -> None:  # type: ignore[no-untyped-def]
    article = analyse(text, published="2022-04-01")
    names = [p for p in article.places if p.name in ("Paris", "Moscow")]
    assert names, [p.text for p in article.places]
    assert names[0].country == country
    assert abs(names[0].lat - lat) < 0.2  # type: ignore[operator]


@pytest.mark.parametrize(
    "sentence,mention,precision",
    [
        ("Heavy fighting continues north of Kyiv, the ministry said.", "north of Kyiv", "near"),
        ("Troops dug in on the outskirts of Kharkiv.", "on the outskirts of Kharkiv", "near"),
        ("Explosions were reported near Odesa, Ukrainian officials said.", "near Odesa", "near"),
        ("Russian forces pressed their assault in eastern Ukraine.", "eastern Ukraine", "region"),
        ("Refugees streamed out of southern Ukraine into Moldova.", "southern Ukraine", "region"),
        ("Shells fell on the southern port city of Mariupol, Ukraine said.", "Mariupol", "exact"),
        ("Soldiers were seen west of Donetsk on Sunday, Ukraine said.", "west of Donetsk", "near"),
    ],
)
def test_modifiers_widen_the_span_and_set_precision(analyse, sentence, mention, precision) -> None:  # type: ignore[no-untyped-def]
    article = analyse(sentence, published="2022-04-01")
    found = [p for p in article.places if p.text == mention]
    assert found, [p.text for p in article.places]
    assert found[0].precision == precision
    assert_offsets(article)


@pytest.mark.parametrize(("text", "name", "country"), [
    ("Guinea-Bissau's army deployed troops on Monday.", "Guinea-Bissau", "GNB"),
    ("Troops were deployed in Timor-Leste on Monday.", "Timor Leste", "TLS"),
    ("Protesters marched in Porto-Novo on Friday.", "Porto-Novo", "BEN"),
])
def test_a_hyphenated_name_is_one_place(analyse, text, name, country) -> None:  # type: ignore[no-untyped-def]
    # the tokenizer splits it and the model tags its halves: "Guinea" alone is Guinea
    places = {(p.name, p.country) for p in analyse(text).places}
    assert (name, country) in places and ("Guinea", "GIN") not in places, places


def test_a_foreign_city_reached_by_another_spelling_is_no_place(analyse) -> None:  # type: ignore[no-untyped-def]
    # Italy is named nowhere: "Turi" here is a prison's name, not Turin
    article = analyse("Police in Quito said that in Cuenca, inmates at the Turi prison "
                      "released 41 guards.")
    assert all(p.country == "ECU" for p in article.places), article.places


@pytest.mark.parametrize(("text", "name", "country"), [
    ("Brazil moved additional troops to its northern border city of Boa Vista last week.",
     "Boa Vista", "BRA"),
    ("Aid reached the port of Porto Alegre on Friday.", "Porto Alegre", "BRA"),
])
def test_a_name_the_model_cut_short_is_one_place(analyse, text, name, country) -> None:  # type: ignore[no-untyped-def]
    # the model may tag "Boa" a place and "Vista" something else: "Vista" alone is Californian
    places = {(p.name, p.country) for p in analyse(text).places}
    assert (name, country) in places and not any(c == "USA" for _, c in places), places


@pytest.mark.parametrize(
    "text,capital",
    [
        ("The Ukrainian capital came under fire again on Sunday.", "Kyiv"),
        ("Ukraine said the capital was calm. In the capital, shops reopened.", "Kyiv"),
        ("The Polish capital hosted the donors' conference.", "Warsaw"),
        ("Russia and Ukraine traded blame. Shelling hit Kharkiv. In the capital, sirens sounded.", "Kyiv"),
        ("Ukraine and Russia traded blame. Police detained protesters in Moscow. In the capital, "
         "shops closed early.", "Moscow"),
        # a city that is no capital says nothing of which capital is meant
        ("Mali's president cut short a visit to the climate summit in Dubai. In the "
         "capital, troops patrolled the streets.", "Bamako"),
    ],
)
def test_the_capital(analyse, text, capital) -> None:  # type: ignore[no-untyped-def]
    article = analyse(text, published="2022-04-01")
    assert any(p.name == capital and "capital" in p.text for p in article.places)


@pytest.mark.parametrize(
    "sentence,absent",
    [
        ("Jack Phillips reported for The Washington Post.", "Washington"),
        ("The Kremlin said the talks had stalled.", "Kremlin"),
        ("Reading the report, the minister said it was wrong.", "Reading"),
        ("Liz Truss said the West would respond.", "Truss"),
        ("The Top Ukrainian officials met in March.", "Top"),
        ("NATO ambassadors met in Brussels on Wednesday.", "NATO"),
        ("Governor Tomas Herrera visited the shelter. Herrera told reporters aid was coming.", "Herrera"),
        ("Coach Mark Lincoln praised the team. Lincoln said the players were tired.", "Lincoln"),
        ("The cruiser, the Moskva, sank after a fire, Russia said.", "Moskva"),
        # ordinary words that are also small US towns, in a story that names the US
        ("Gunmen attacked the house of Economy Minister Jean Lukusa, U.S. officials said.",
         "Economy"),
    ],
)
def test_not_places(analyse, sentence, absent) -> None:  # type: ignore[no-untyped-def]
    article = analyse(sentence, published="2022-04-01")
    assert all(absent not in p.text for p in article.places)


def test_a_word_of_a_country_name_is_no_town(analyse) -> None:  # type: ignore[no-untyped-def]
    # "Republic" (a small US town) split from "Democratic Republic of Congo" by the model
    article = analyse("KINSHASA (Reuters) - Democratic Republic of Congo's army said on Sunday "
                      "it had foiled a coup, and that three U.S. citizens were arrested.",
                      layout=True, published="2024-05-20")
    assert [p.country for p in article.places if p.text == "Republic"] == []


@pytest.mark.parametrize(
    "sentence,mention,name",
    [
        ("Ukrainian troops crossed the Dnipro near the city.", "Dnipro", "Dnipro River"),
        ("Missiles hit Dnipro again, Ukrainian officials said.", "Dnipro", "Dnipro"),
        ("Water poured from the Kakhovka dam, Ukrainian officials said.", "Kakhovka", "Kakhovka"),
        ("Shells fell near the Zaporizhzhia nuclear power plant, Ukraine said.",
         "near the Zaporizhzhia nuclear power plant", "Zaporizhzhia nuclear power plant"),
        ("Civilians left the Azovstal plant on Sunday, Ukraine said.", "Azovstal plant", "Azovstal steel plant"),
    ],
)
def test_rivers_towns_and_curated_landmarks(analyse, sentence, mention, name) -> None:  # type: ignore[no-untyped-def]
    article = analyse(sentence, published="2022-04-01")
    found = [p for p in article.places if p.text == mention]
    assert found and found[0].name == name, [(p.text, p.name) for p in article.places]


@pytest.mark.parametrize(
    "sentence,mention,name,lat,lon",
    [
        ("A jet crashed in the Tver region, Russian officials said.", "Tver region", "Tver Oblast", 57.0, 35.0),
        ("Missiles hit the Lviv region, Ukraine said.", "Lviv region", "Lviv Oblast", 49.8, 24.0),
        ("Airstrikes hit Idlib province, Syrian activists said.", "Idlib province", "Idlib Province", 35.8, 36.6),
        ("Drones hit an airfield in the Ivano-Frankivsk region, Ukraine said.",
         "Ivano-Frankivsk region", "Ivano-Frankivsk Oblast", 48.9, 24.7),
    ],
)
def test_provinces_named_after_their_city(analyse, sentence, mention, name, lat, lon) -> None:  # type: ignore[no-untyped-def]
    article = analyse(sentence, published="2022-04-01")
    found = [p for p in article.places if p.text == mention]
    assert found, [(p.text, p.name) for p in article.places]
    assert found[0].name == name and found[0].feature == "region"
    assert abs(found[0].lat - lat) < 0.6 and abs(found[0].lon - lon) < 0.8  # type: ignore[operator]
    assert_offsets(article)


def test_kremlin_as_a_place_after_a_locative(analyse) -> None:  # type: ignore[no-untyped-def]
    article = analyse("Protesters gathered outside the Kremlin on Sunday.", published="2022-04-01")
    assert [p.name for p in article.places] == ["Kremlin"]


@pytest.mark.parametrize(
    "text,name,country",
    [
        ("KYIV, Ukraine (Reuters) - Russian forces shelled the suburbs overnight.", "Kyiv", "UKR"),
        ("PARIS (AP) — The French government said on Monday it would cut fuel taxes.", "Paris", "FRA"),
        ("MOSCOW — Russia's central bank raised rates again.", "Moscow", "RUS"),
        ("PARIS, Texas (AP) — A storm damaged the courthouse.", "Paris", "USA"),
        ("LIMA, Jan 16 (Reuters) - Protesters blocked roads in the south.", "Lima", "PER"),
        ("NAIROBI, March 4 (Reuters) - Kenya's parliament approved the budget.", "Nairobi", "KEN"),
        ("ANKARA, Turkey, Sept. 9 (AP) — The central bank held rates.", "Ankara", "TUR"),
        ("BRUSSELS, 12 March (Reuters) - EU ministers met on Tuesday.", "Brussels", "BEL"),
        ("Manila, June 3 (Reuters) - The coast guard said a vessel was rammed.", "Manila", "PHL"),
        ("BEIRUT/JERUSALEM, Oct 8 (Reuters) - Rockets were fired overnight.", "Beirut", "LBN"),
    ],
)
@pytest.mark.parametrize("layout", [False, True])
def test_dateline(analyse, text, name, country, layout) -> None:  # type: ignore[no-untyped-def]
    # With layout the body starts after a headline, not at the first character.
    text = ("A Headline For The Story\n\n" + text) if layout else text
    article = analyse(text, layout=layout, published="2022-04-01")
    dateline = [p for p in article.places if p.dateline]
    assert len(dateline) == 1
    assert (dateline[0].name, dateline[0].country) == (name, country)
    assert_offsets(article)


@pytest.mark.parametrize(
    "text",
    [
        "Moscow — the city that never sleeps — hosted the summit.",
        "Russia - and not only Russia - objected to the plan.",
        "Talks in Doha (Qatar) — a first since May — ended on Sunday.",
    ],
)
def test_a_paragraph_opening_with_a_name_and_a_dash_is_no_dateline(analyse, text) -> None:  # type: ignore[no-untyped-def]
    assert not [p for p in analyse(text, published="2022-04-01").places if p.dateline]


@pytest.mark.parametrize(
    "text",
    ["", "   \n\n  ", "“ unbalanced quote in Kyiv", "Ukraine\u200b Kyiv\u00a0Odesa ..."],
)
def test_odd_input_does_not_crash(analyse, text) -> None:  # type: ignore[no-untyped-def]
    article = analyse(text, published="2022-04-01")
    assert not [e for e in article.errors if "places" in e.message]
    assert_offsets(article)


@pytest.mark.parametrize(("sentence", "mention", "name"), [
    ("The tanker sank in the Atlantic on Monday.", "Atlantic", "Atlantic Ocean"),
    ("Warships sailed into the Pacific last week.", "Pacific", "Pacific Ocean"),
    ("The cyclone crossed the Indian Ocean twice.", "Indian Ocean", "Indian Ocean"),
    ("Ice in the Arctic Ocean shrank to a record low.", "Arctic Ocean", "Arctic Ocean"),
    # A whole two-word "person" that is a town is the model's mistake.
    ("The fire spread toward Marathon and Nea Penteli, officials in Greece said.",
     "Nea Penteli", "Néa Pentéli"),
])
def test_oceans_and_mislabelled_towns(analyse, sentence: str, mention: str, name: str) -> None:  # type: ignore[no-untyped-def]
    article = analyse(sentence, published="2024-08-14")
    assert (mention, name) in [(p.text, p.name) for p in article.places]


@pytest.mark.parametrize("sentence", [
    "The Atlantic Council published a report on Monday.",
    "Pacific Gas and Electric cut power to 50,000 homes.",
])
def test_ocean_words_inside_names_are_not_places(analyse, sentence: str) -> None:  # type: ignore[no-untyped-def]
    assert analyse(sentence).places == []
