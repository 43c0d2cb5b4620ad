"""Threats (PLOVER THREATEN) and whom unaddressed acts are aimed at.

Force or punishment promised in a vow, a warning or a reported statement about what will
happen is a threat; the punitive verbs, done, are assaults. In a one-country story its
own actors' threats and other states' praise are aimed at it; restrictions (curfews,
martial law, censorship) that name no one fall on the imposer's own people.

Sentences written for these tests (no article's text).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from conftest import event_pairs as _pairs
from fivew.records import Article

Analyse = Callable[[str], Article]


def _types(article: Article) -> set[str]:
    return {e.type for e in article.events if not e.negated}


# A promise of punishing force is a threat by whoever promises it.
@pytest.mark.parametrize(("text", "source"), [
    ("The Ukrainian foreign minister vowed a swift response to the drone incursion.", "UKR"),
    ("Chadian rebels vowed to retaliate against the army for the air raids.", "TCD"),
    ("A Nigerian army spokesman warned that anyone attacking the convoys would be dealt with firmly.", "NGA"),
    ("Peru's interior minister said the gunmen would be hunted down.", "PER"),
    ("Ecuadorian police warned they would deal harshly with anyone who blocked the highways.", "ECU"),
    ("President Tinubu vowed that the army would wipe out the bandits in Zamfara.", "NGA"),
    ("Guyana will not stand idly by while its territory is threatened, its president said.", "GUY"),
])
def test_promised_force_is_a_threat(analyse: Analyse, text: str, source: str | None) -> None:
    article = analyse(text)
    threats = [e for e in article.events if e.type == "THREATEN" and not e.negated]
    assert threats, article.events
    assert any((e.source.country if e.source else None) == source for e in threats), threats


# The same verbs, of force done in a physical context, are assaults; elsewhere nothing.
@pytest.mark.parametrize(("text", "assault"), [
    ("Government troops crushed the uprising in the south, killing at least 30 people.", True),
    ("Special forces eliminated a militant cell in the mountains, the army said.", True),
    ("Militants wiped out an entire army patrol near the border.", True),
    ("The new treaty will eliminate tariffs on most farm goods.", False),
    ("Inflation has crushed household budgets across the country.", False),
])
def test_punitive_force_done_is_an_assault(analyse: Analyse, text: str, assault: bool) -> None:
    assert ("ASSAULT" in _types(analyse(text))) is assault, analyse(text).events


# "Stood by its ally" supports; "stood by its decision" is no event; "will not stand by" threatens.
@pytest.mark.parametrize(("text", "type_", "found"), [
    ("Washington stood by Seoul throughout the crisis.", "SUPPORT", True),
    ("Britain stood by its decision to expel the diplomats.", "SUPPORT", False),
    ("Turkey will not stand by if Greece extends its territorial waters, the minister warned.", "THREATEN", True),
])
def test_standing_by(analyse: Analyse, text: str, type_: str, found: bool) -> None:
    assert (type_ in _types(analyse(text))) is found, analyse(text).events


# In a story about one country, its own actors' unaddressed threats are aimed at home.
def test_a_domestic_threat_is_aimed_at_home(analyse: Analyse) -> None:
    article = analyse(
        "Thousands of opposition supporters marched through Lusaka on Monday to protest the "
        "arrest of their leader in Zambia.\n\n"
        "Zambian police said they had detained 40 people in Lusaka and Kitwe.\n\n"
        "A police spokesman in Lusaka warned that anyone who joined further marches would be "
        "dealt with firmly.")
    assert ("ZMB", "ZMB") in _pairs(article, "THREATEN"), article.events


# A curfew, martial law or censorship aimed at no one named falls on the imposer's people.
@pytest.mark.parametrize(("text", "pair"), [
    ("The Malian army imposed a dusk-to-dawn curfew after the attack on the barracks.", ("MLI", "MLI")),
    ("Ecuador's president declared a state of emergency and sent troops into the streets.", ("ECU", "ECU")),
    ("Ethiopian authorities shut down the internet in the region for a third week.", ("ETH", "ETH")),
    # a named target keeps its own country
    ("Israel imposed a curfew on Palestinian villages near Nablus.", ("ISR", "PSE")),
])
def test_a_restriction_without_target_falls_on_the_imposers_people(
        analyse: Analyse, text: str, pair: tuple[str, str]) -> None:
    article = analyse(text)
    assert pair in _pairs(article, "COERCE"), article.events


# In a story about one country, another state's unaddressed praise is aimed at it too.
def test_foreign_praise_in_a_one_country_story_is_aimed_at_it(analyse: Analyse) -> None:
    article = analyse(
        "Voters in Malawi went to the polls on Tuesday in a peaceful election.\n\n"
        "Malawian police said turnout in Lilongwe and Blantyre was high, and the electoral "
        "commission in Lilongwe said counting had begun.\n\n"
        "Chinese President Xi Jinping sent a message praising the smooth conduct of the vote.")
    assert ("CHN", "MWI") in _pairs(article, "SUPPORT"), article.events


# Forces going to another state's ground are aimed at that state; at home, at no one.
@pytest.mark.parametrize(("text", "pair"), [
    ("The first contingent of Kenyan police officers arrived in Haiti's capital on Tuesday.",
     ("KEN", "HTI")),
    ("Two hundred Chadian soldiers arrived in northern Mali on Tuesday.", ("TCD", "MLI")),
    ("Rwanda deployed a thousand troops to Mozambique's Cabo Delgado province.", ("RWA", "MOZ")),
    ("Brazil moved armoured vehicles and troops to its northern border city of Boa Vista.",
     ("BRA", None)),
])
def test_forces_sent_abroad_are_aimed_at_the_host_state(
        analyse: Analyse, text: str, pair: tuple[str, str | None]) -> None:
    article = analyse(text)
    assert pair in _pairs(article, "MOBILIZE"), article.events


def test_a_counterpart_is_not_ones_own(analyse: Analyse) -> None:
    article = analyse("U.S. Secretary of State Antony Blinken is due to meet his ASEAN "
                      "counterparts in Jakarta on Thursday.")
    assert all(target != "USA" for _, target in _pairs(article, "CONSULT")), article.events


# Whom an act is aimed at, when the sentence names them in a complement, a call or a body's
# name: a vow that someone will be punished, Beijing's office for Taiwan, a call's other party.
@pytest.mark.parametrize(("text", "type_", "pair"), [
    ("Hezbollah vowed that Israel will receive its just punishment.", "THREATEN", ("LBN", "ISR")),
    ("On Friday, the Taiwan Affairs Office announced sanctions on the Prospect Foundation, a "
     "Taipei think tank.", "SANCTION", ("CHN", "TWN")),
    ("U.S. Secretary of State Marco Rubio spoke with Rwandan President Paul Kagame on Monday "
     "and urged an immediate ceasefire.", "REQUEST", ("USA", "RWA")),
])
def test_the_addressee_named_around_the_cue(analyse: Analyse, text: str, type_: str,
                                             pair: tuple[str, str]) -> None:
    article = analyse(text)
    assert pair in _pairs(article, type_), article.events
