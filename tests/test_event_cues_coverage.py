"""Recall of event triggers: cue families that held-out articles showed missing
(freezing assets, closing or opening borders and airspace, declaring a vote void,
test-firing missiles) and
families that were already covered (recalling or expelling envoys, visa restrictions,
lifting sanctions, releasing captives, extradition). Sentences are our own, news style.

Each family has positives (type, source and target country) and negatives: a similar
sentence whose other sense of the same word must not be coded as that type.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from fivew.records import Article

Analyse = Callable[..., Article]


def _coded(article: Article) -> set[tuple[str, str | None, str | None]]:
    return {
        (e.type, e.source.country if e.source else None, e.target.country if e.target else None)
        for e in article.events
    }


@pytest.mark.parametrize(
    ("text", "type_", "source", "target"),
    [
        # freezing assets
        ("Switzerland froze Russian assets worth $8 billion.", "SANCTION", "CHE", "RUS"),
        ("Britain froze the bank accounts of Iranian officials.", "SANCTION", "GBR", "IRN"),
        # closing a border or airspace
        ("Poland closed the border with Belarus.", "SANCTION", "POL", "BLR"),
        ("Morocco closed its airspace to Algerian aircraft.", "SANCTION", "MAR", "DZA"),
        # opening a border or airspace
        ("Turkey opened its airspace to Russian flights.", "RETREAT", "TUR", "RUS"),
        ("Jordan opened the border with Syria after years of closure.", "RETREAT", "JOR", "SYR"),
        # weapons tests ("test" "-" "fired"), not attacks
        ("North Korea test-fired a ballistic missile on Sunday.", "MOBILIZE", "PRK", None),
        ("Pakistan successfully test-fired a nuclear-capable missile, the army said.", "MOBILIZE", "PAK", None),
        ("Iran test-fired two cruise missiles during the drills.", "MOBILIZE", "IRN", None),
        # crowds gathering or rallying in protest
        ("Thousands of Georgians gathered outside parliament in Tbilisi to protest against the law.", "PROTEST", "GEO", "GEO"),
        ("Hundreds of Armenians rallied in Yerevan against the government.", "PROTEST", "ARM", "ARM"),
        # declaring a vote void
        ("Ukraine declared the referendum null and void.", "REJECT", "UKR", None),
        # envoys recalled, summoned, expelled
        ("France recalled its ambassador to Australia on Friday.", "SANCTION", "FRA", "AUS"),
        ("Poland summoned the Russian ambassador over the missile strike.", "ACCUSE", "POL", "RUS"),
        ("Lithuania expelled the Russian envoy after the attack.", "SANCTION", "LTU", "RUS"),
        # visa restrictions and entry bans
        ("The United States imposed visa restrictions on Chinese officials.", "SANCTION", "USA", "CHN"),
        ("Canada banned Russian officials from entering the country.", "COERCE", "CAN", "RUS"),
        # easing sanctions, releasing captives, extradition, aid pledges
        ("The United States lifted sanctions on Venezuela.", "CONCEDE", "USA", "VEN"),
        ("Russia released two American prisoners in a swap.", "RETREAT", "RUS", "USA"),
        ("Spain extradited the suspect to the United States.", "COOPERATE", "ESP", "USA"),
        ("Japan pledged $500 million in aid to Ukraine.", "AGREE", "JPN", "UKR"),
    ],
)
def test_cue_family_is_coded(
    analyse: Analyse, text: str, type_: str, source: str | None, target: str | None
) -> None:
    assert (type_, source, target) in _coded(analyse(text)), analyse(text).events


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        ("The city froze hiring for the rest of the year.", "SANCTION"),
        ("The board froze executive pay after the losses.", "SANCTION"),
        ("The company closed the factory in Ohio last year.", "SANCTION"),
        ("The senator closed the hearing after two hours.", "SANCTION"),
        ("The mayor opened a new school in the suburbs.", "RETREAT"),
        ("The chairman opened the session with a minute of silence.", "RETREAT"),
        ("The president declared victory on Sunday night.", "REJECT"),
        ("The governor declared his candidacy for the Senate.", "REJECT"),
        ("Russia fired a missile at Kyiv overnight.", "MOBILIZE"),
        ("Hamas fired rockets at Israel, in what officials called a test of the truce.", "MOBILIZE"),
        ("Thousands of Georgians gathered in Tbilisi to celebrate the new year.", "PROTEST"),
        ("Hundreds of fans gathered outside the stadium to greet the team.", "PROTEST"),
        ("The studio recalled thousands of faulty cars.", "SANCTION"),
        ("The agency released its annual report on Friday.", "RETREAT"),
    ],
)
def test_other_sense_is_not_coded(analyse: Analyse, text: str, type_: str) -> None:
    assert type_ not in {e.type for e in analyse(text).events}
