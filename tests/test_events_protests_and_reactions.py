"""Protests and their targets, reactions to earlier acts, and the actor rules behind them.

Sentences written for these tests (no article's text); each case checks one documented
mechanism of fivew.extract.events and its helpers.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import event_pairs as _pairs
from conftest import events_of as _events
from fivew.records import Article

Analyse = Callable[[str], Article]


# A protest is aimed at what its sentence names: a foreign state's mission, slogans or
# purpose; failing that, the protesters' own government (event_context: unaddressed protest).
PROTESTS = [
    ("Thousands of nurses protested in Accra on Tuesday.", ("GHA", "GHA")),
    ("Farmers blocked roads near Lyon on Monday.", ("FRA", "FRA")),
    ("Activists rallied outside the Iranian embassy in London.", ("GBR", "IRN")),
    ("Demonstrators gathered outside the embassy of Turkey in Stockholm.", ("SWE", "TUR")),
    ("Hundreds of protesters marched in Erbil chanting slogans against Iran.", ("IRQ", "IRN")),
    ("Supporters of the junta rallied in Ouagadougou, waving Russian flags and denouncing "
     "France.", ("BFA", "FRA")),
    # marchers no actor codes are a crowd of the place, once slogans or placards show a protest
    ("In New Delhi, about two dozen members of a right-wing Hindu group marched toward the "
     "Canadian High Commission, shouting anti-Canada slogans.", ("IND", "CAN")),
]


@pytest.mark.parametrize(("text", "pair"), PROTESTS)
def test_a_protest_is_aimed_at_what_it_names_else_its_own_government(
        analyse: Analyse, text: str, pair: tuple[str, str]) -> None:
    article = analyse(text)
    assert pair in _pairs(article, "PROTEST"), _pairs(article, "PROTEST")


def test_an_inferred_protest_target_is_the_government_and_marked(analyse: Analyse) -> None:
    article = analyse("Thousands of teachers marched through Lagos on Monday.")
    target = _events(article, "PROTEST")[0].target
    assert target is not None and target.sector == "GOV" and target.inferred
    assert article.text[target.start : target.end] == target.text  # evidence offsets


def test_a_protest_purpose_is_one_protest_not_also_an_accusation(analyse: Analyse) -> None:
    article = analyse("Supporters of the junta rallied in Ouagadougou, waving Russian flags "
                      "and denouncing France.")
    assert _events(article, "ACCUSE") == [], _pairs(article, "ACCUSE")
    # the flags' country is not what the rally is against
    assert ("BFA", "RUS") not in _pairs(article, "PROTEST")


def test_protesters_abroad_keep_their_own_target(analyse: Analyse) -> None:
    # a group coded as a bloc ("the West") has no single government to protest against
    article = analyse("Western activists protested outside the Chinese consulate in Sydney.")
    assert all(t != "WST" for _, t in _pairs(article, "PROTEST")), _pairs(article, "PROTEST")


# Cue families added with the protest and reaction work.
CUES = [
    ("Government troops battled rebels near Bunia on Sunday.", "ASSAULT", ("COD", "*")),
    ("Nigerian troops retook the town of Malam Fatori on Friday.", "ASSAULT", ("NGA", "*")),
    ("Chadian troops left for Bamako on Monday to join the mission.", "MOBILIZE", ("TCD", "MLI")),
    ("Belgium flew home its last contingent on Sunday.", "RETREAT", ("BEL", "*")),
    ("Kenyan and Somali troops launched a joint offensive against the militants.", "COOPERATE",
     ("KEN", "SOM")),
    ("Turkey congratulated Azerbaijan on its victory.", "SUPPORT", ("TUR", "AZE")),
    ("Britain backed Ukraine throughout the war.", "SUPPORT", ("GBR", "UKR")),
    ("The Chilean president called Venezuela a dictatorship.", "ACCUSE", ("CHL", "*")),
    ("Paris warned Algiers of consequences if the detentions continued.", "THREATEN",
     ("FRA", "DZA")),
    ("The rebels vowed to intensify their attacks on the army.", "THREATEN", ("*", "*")),
    ("Germany announced 20 million euros in emergency aid for Sudan.", "AID", ("DEU", "SDN")),
    ("The agency began distributing food rations to displaced families in Darfur.", "AID",
     ("*", "SDN")),
    ("Washington pressed Cairo to reopen the crossing.", "REQUEST", ("USA", "EGY")),
    ("The Estonian minister said Tallinn stood with Riga.", "SUPPORT", ("EST", "LVA")),
    ("Serbian President Aleksandar Vucic said his country had offered to hold talks with Kosovo.",
     "AGREE",
     ("SRB", "XKX")),
    ("Finland and Norway closed two crossing points on their borders with Russia.", "SANCTION",
     ("FIN", "RUS")),
    ("The Russian Foreign Ministry dismissed Macron's remarks as provocative.", "REJECT",
     ("RUS", "FRA")),
    ("Qatar said it supported the Somali government.", "SUPPORT", ("QAT", "SOM")),
    ("Peru declared the Bolivian ambassador persona non grata.", "SANCTION", ("PER", "BOL")),
    ("Spain has supplied Morocco's coast guard with patrol boats.", "AID", ("ESP", "MAR")),
    ("Armed groups loyal to rival commanders fought in Tripoli, killing nine people.", "ASSAULT",
     ("LBY", "*")),
    # the cacerolazo; an embargo kept in place; people held, freed
    ("Hundreds of Argentines banged pots and pans in the streets of Buenos Aires.", "PROTEST",
     ("ARG", "*")),
    ("Britain has maintained an arms embargo on Belarus since 2011.", "SANCTION",
     ("GBR", "BLR")),
    ("Police in Caracas detained 40 people. Several of those held were freed on Friday.",
     "RETREAT", ("VEN", "VEN")),
    # an anti-X protest is aimed at X; a free relative's predicate names the accused; a
    # reporter who said how things are goes on to appeal
    ("Thousands joined anti-American protests in Karachi.", "PROTEST", ("PAK", "USA")),
    ("Britain's ambassador to Turkey criticised what he called Iran's campaign of "
     "intimidation against its neighbours.", "ACCUSE", ("GBR", "IRN")),
    ("Vietnam said the reef belonged to it and urged Beijing to exercise restraint.", "REQUEST",
     ("VNM", "CHN")),
    # a withdrawal from another state's ground is aimed at it
    ("Ethiopian troops began withdrawing from southern Somalia on Monday.", "RETREAT",
     ("ETH", "SOM")),
    # envoys recalled from a capital are withdrawn from its state; an alliance of states
    # is an international body, no one of them
    ("Chad and Sudan recalled their ambassadors from Bangui on Friday.", "SANCTION",
     ("TCD", "CAF")),
    ("Niger, a member of the Alliance of Sahel States, recalled its ambassador from Abidjan.",
     "SANCTION", ("NER", "CIV")),
    # people of a state's mission are that state's
    ("Poland expelled three diplomats from the Russian embassy.", "SANCTION", ("POL", "RUS")),
    ("Kenya ordered the expulsion of two military attaches at the Ugandan high commission.",
     "SANCTION", ("KEN", "UGA")),
    # a revoked visa punishes a state's official, a revoked licence restricts; crushing
    # any aggression is force promised
    ("The State Department revoked the visa of Nicaragua's vice president.", "SANCTION",
     ("USA", "NIC")),
    ("Mali's military government revoked the Canadian miner's operating licence.", "COERCE",
     ("MLI", "CAN")),
    ("Armenia said it would crush any aggression by Azerbaijan.", "THREATEN", ("ARM", "*")),
    # a recognition or an interception named again is its doer's act; calling an act
    # illegal accuses its doer; Somaliland is Somalia's
    ("Greek coast guards intercepted a migrant boat off Lesbos. Turkey condemned the "
     "interception.", "ACCUSE", ("TUR", "GRC")),
    ("Venezuela's navy boarded a Guyanese supply ship. Guyana called the move illegal.",
     "ACCUSE", ("GUY", "VEN")),
    ("Police in Somaliland detained two journalists on Monday.", "COERCE", ("SOM", "*")),
    # working with another state's people is cooperation (planned: AGREE); backing a
    # state's aims supports it; border guards sent abroad are forces
    ("Kenyan police worked with the Haitian police to clear the port.", "COOPERATE",
     ("KEN", "HTI")),
    ("Turkey said it backed Baku's aims in the talks.", "SUPPORT", ("TUR", "AZE")),
    ("Estonia will send 40 border guards to Finland next month.", "MOBILIZE", ("EST", "FIN")),
    # ending, scrapping or tearing up a treaty cuts relations, as leaving one does
    ("Chad ended its defence cooperation agreement with France on Thursday.", "SANCTION",
     ("TCD", "FRA")),
    ("Ecuador scrapped its free trade agreement with Peru.", "SANCTION", ("ECU", "PER")),
    # a handshake or a joint news conference with someone is a meeting (a news conference
    # alone is no meeting: NOT_CODED)
    ("Colombian President Gustavo Petro shook hands with the Venezuelan foreign minister.",
     "CONSULT", ("COL", "VEN")),
    ("Spain's foreign minister held a joint news conference with his Moroccan counterpart.",
     "CONSULT", ("ESP", "MAR")),
    # bringing someone to justice threatens whoever is brought
    ("Gunmen attacked a police post in Mandera on Monday. The interior minister said those "
     "responsible would be brought to justice.", "THREATEN", ("KEN", "KEN")),
    # soldiers who pull back need no object; cutting the internet censors
    ("Indian soldiers began pulling back from two friction points on Thursday.", "RETREAT",
     ("IND", "*")),
    ("Authorities in Mozambique restricted mobile internet access on Friday.", "COERCE",
     ("MOZ", "*")),
    ("Turkish authorities throttled access to X and YouTube for two days.", "COERCE",
     ("TUR", "*")),
    # a call names its means ("spoke to reporters" is no consultation: NOT_CODED)
    ("Erdogan spoke to Zelenskiy by phone on Monday, his office said.", "CONSULT",
     ("TUR", "UKR")),
    # not ruling out force threatens it; an act's kind ("military") is no target
    ("The Turkish president refused to rule out the use of military force against Greece.",
     "THREATEN", ("TUR", "GRC")),
    ("Israel would not rule out strikes on Iranian nuclear sites, its defence minister said.",
     "THREATEN", ("ISR", "IRN")),
    ("Ankara declined to rule out a new military operation against Kurdish fighters in Syria.",
     "THREATEN", ("TUR", "*")),
    ("India warned of military action against Pakistan after the attack.", "THREATEN",
     ("IND", "PAK")),
    ("The French president ruled out sending troops to Ukraine.", "REJECT", ("FRA", "UKR")),
    # cutting off trade or energy sanctions; answering a tariff in kind is no attack
    ("Colombia stopped selling electricity to Ecuador on Thursday.", "SANCTION", ("COL", "ECU")),
    ("Russia suspended gas supplies to Poland on Wednesday.", "SANCTION", ("RUS", "POL")),
    ("Canada retaliated against the new tariffs within hours.", "SANCTION", ("CAN", "*")),
    ("The EU hit Russia with new sanctions on Friday.", "SANCTION", ("*", "RUS")),
    ("Canada responded with retaliatory tariffs on American steel.", "SANCTION", ("CAN", "USA")),
    # missiles launched at a place attack it (a place the tagger took for a time too)
    ("Russia launched a barrage of missiles at Kyiv overnight.", "ASSAULT", ("RUS", "UKR")),
    ("Iran launched ballistic missiles at Tel Aviv on Tuesday night.", "ASSAULT", ("IRN", "ISR")),
    ("A Chinese coast guard ship fired flares at a Philippine government aircraft on Tuesday.",
     "ASSAULT", ("CHN", "PHL")),
    ("Baghdad has withheld the salaries of public employees in Erbil since June.", "SANCTION",
     ("IRQ", "*")),
    ("The EU said it would provide an additional 5 million euros to Peru for border monitoring.",
     "AGREE", ("*", "PER")),
    ("Chinese coast guard ships fired water cannon at a Philippine supply boat. Tokyo called "
     "the incident dangerous and unacceptable.", "ACCUSE", ("JPN", "*")),
    ("Peru reinforced security along its border with Bolivia.", "MOBILIZE", ("PER", "BOL")),
    ("The opposition in Dhaka called a nationwide shutdown against the verdict.", "PROTEST",
     ("BGD", "*")),
    # a planned punishment on a condition is a threat
    ("Russia said it would cut gas supplies to Moldova if Chisinau did not pay its debt.",
     "THREATEN", ("RUS", "MDA")),
    ("The president said he would hit Denmark with very high tariffs if it stood in the way.",
     "THREATEN", ("*", "DNK")),
    # ordering foreigners out deports them (diplomats are expelled: SANCTION)
    ("Burundi ordered Rwandan nationals without permits to leave within 72 hours.", "COERCE",
     ("BDI", "RWA")),
    # support that the supporter's own state gives is aimed at whom it is for
    ("Egypt's foreign ministry denounced the attacks and reaffirmed Cairo's full support for "
     "Sudan's state institutions.", "SUPPORT", ("EGY", "SDN")),
    # name-calling through the predicate's of-object: "an act of aggression"
    ("Venezuela's foreign minister called the Guyanese decision an act of provocation.",
     "ACCUSE", ("VEN", "GUY")),
    ("The Moroccan government called Algeria's move a breach of the ceasefire.", "ACCUSE",
     ("MAR", "DZA")),
    ("Seoul called the North Korean launch a serious setback for peace.", "ACCUSE",
     ("KOR", "PRK")),
    # an envoy sent is no party; where it is sent is
    ("Ramaphosa said he would send a special envoy to Washington.", "CONSULT", ("ZAF", "USA")),
    ("Kenya sent a delegation to Addis Ababa for the talks.", "CONSULT", ("KEN", "ETH")),
    # disarming others seizes; sending captives back releases them
    ("Iraqi troops disarmed the militiamen at the checkpoint.", "COERCE", ("IRQ", "*")),
    ("Myanmar sent back 173 Bangladeshi nationals held in its jails.", "RETREAT", ("MMR", "BGD")),
    ("Russia returned 90 Ukrainian prisoners on Friday.", "RETREAT", ("RUS", "UKR")),
    # a punishment decided is that punishment, not a threat; a ban on a state's carriers
    # or goods cuts exchange with it
    ("European Union leaders agreed on Monday to ban Belarusian airlines from its airspace.",
     "SANCTION", ("*", "BLR")),
    ("Warsaw banned imports of Ukrainian grain in September.", "SANCTION", ("POL", "UKR")),
    ("The Canadian parliament voted to impose sanctions on Iran.", "SANCTION", ("CAN", "IRN")),
    # backing offered is given; wanted men handed to another state's justice cooperate
    ("The Chilean president offered his full support to Boric's government.", "SUPPORT",
     ("CHL", "*")),
    ("Peru handed over 14 alleged cartel members to Mexican authorities on Friday.",
     "COOPERATE", ("PER", "MEX")),
    ("Spain handed over dozens of wanted gang members to Morocco.", "COOPERATE", ("ESP", "MAR")),
    ("France suspended 10 million euros in budget support to the government in Bangui.",
     "SANCTION", ("FRA", "CAF")),
    # guards sending people back at a border; shutting crossings to a neighbour
    ("Greek coast guards turned back three boats carrying migrants near Lesbos.", "COERCE",
     ("GRC", "*")),
    ("Norway shut the last crossing on its border with Russia.", "SANCTION", ("NOR", "RUS")),
    # searches, complaints and lawsuits, strikes and stone-throwing
    ("Georgian police searched the offices of the opposition party on Tuesday.", "COERCE",
     ("GEO", "*")),
    ("Ukraine said it would file a complaint against Poland at the World Trade Organization.",
     "ACCUSE", ("UKR", "POL")),
    ("Chile filed a lawsuit against Bolivia at the International Court of Justice.", "ACCUSE",
     ("CHL", "BOL")),
    ("Dockworkers at the port of Durban walked off the job on Monday.", "PROTEST", ("*", "*")),
    ("Protesters pelted the police with stones outside parliament.", "PROTEST", ("*", "*")),
    # refusing to lift a punishment refuses to yield; dropping an objection yields
    ("The minister said Slovakia will not lift its embargo on Ukrainian grain.", "REJECT",
     ("SVK", "*")),
    ("Greece dropped its objection to North Macedonia joining NATO.", "CONCEDE", ("GRC", "MKD")),
    # who struck first is the speaker's claim of blame, an accusation against the attackers
    ("Baku said Armenian units had attacked Azerbaijani positions first.", "ACCUSE",
     ("AZE", "ARM")),
    ("Tajikistan's border guard service rejected the report, saying Kyrgyz forces had "
     "opened fire first on a Tajik post.", "ACCUSE", ("TJK", "KGZ")),
    ("Israeli troops fired at protesters near the fence on Friday.", "ASSAULT", ("ISR", "*")),
    ("Armenian units attacked Azerbaijani positions overnight.", "ASSAULT", ("ARM", "AZE")),
    ("Algeria gave the French ambassador 48 hours to leave the country.", "SANCTION",
     ("DZA", "FRA")),
    ("Vietnam froze investment and trade with the Chinese firm on Monday.", "SANCTION", ("VNM", "CHN")),
    ("Russian border guards intercepted two Ukrainian navy gunboats near the strait.", "COERCE",
     ("RUS", "UKR")),
    ("New Zealand suspended all high-level contacts with Myanmar.", "SANCTION", ("NZL", "MMR")),
    ("Kenyan police placed opposition leader Raila Odinga under house arrest on Friday.",
     "COERCE", ("KEN", "KEN")),
    ("Peru's president dissolved Congress on Wednesday.", "COERCE", ("PER", "*")),
    # trade punishments: export rules tightened, a trade status stripped
    ("Japan tightened export controls on three chip-making materials to South Korea.",
     "SANCTION", ("JPN", "KOR")),
    ("Washington stripped Hong Kong of its special trade status.", "SANCTION", ("USA", "HKG")),
    # the possessor of a control noun is its infinitive's doer
    ("The decision mirrors Tokyo's move on Aug. 2 to strip South Korea of its preferential "
     "trade status.", "SANCTION", ("JPN", "KOR")),
    ("Venezuela broke off diplomatic relations with Colombia.", "SANCTION", ("VEN", "COL")),
    ("Quito broke off the talks with the indigenous confederation on Tuesday.", "REJECT",
     ("ECU", "*")),
    ("The State Department said Amman had Washington's full backing.", "SUPPORT", ("USA", "*")),
    # a pledge's beneficiary is its target
    ("Egypt has pledged $500 million for Gaza.", "AGREE", ("EGY", "PSE")),
    # after a preposition of time, a gerund's doer is the clause's subject, not its object
    ("Hamas fired a barrage of rockets towards Jerusalem after issuing an ultimatum "
     "demanding that Israel withdraw its police.", "THREATEN", ("PSE", "ISR")),
]


def _has(article: Article, type_: str, pair: tuple[str, str]) -> bool:
    return any(pair[0] in ("*", s) and pair[1] in ("*", t) for s, t in _pairs(article, type_))


@pytest.mark.parametrize(("text", "type_", "pair"), CUES)
def test_cue_is_coded(analyse: Analyse, text: str, type_: str, pair: tuple[str, str]) -> None:
    article = analyse(text)
    assert _has(article, type_, pair), [(e.type, e.source and e.source.country,
                                         e.target and e.target.country) for e in article.events]


NOT_CODED = [
    ("The Hungarian prime minister spoke to reporters in Budapest on Friday.", "CONSULT"),
    ("The Polish interior minister held a news conference in Warsaw on Monday.", "CONSULT"),
    # a warning about a danger is no threat; a threat names the speaker's own response
    ("Iran warned that the strikes could trigger a wider war in the region.", "THREATEN"),
    ("Firefighters battled the flames for six hours.", "ASSAULT"),
    ("The new minister hails from a village near Gori.", "SUPPORT"),
    ("The candidate thanked reporters for coming.", "SUPPORT"),
    ("He took charge of the ministry in May.", "ACCUSE"),
    ("Members of the delegation marched into the hall for the opening ceremony.", "PROTEST"),
    ("The coast guard lost contact with the fishing boat on Sunday.", "CONSULT"),
    # keeping supplies out is a siege, not a cut in trade
    ("Its fighters have cut the roads and stopped fuel and food from entering the city.",
     "SANCTION"),
    ("Canada retaliated against the new tariffs within hours.", "ASSAULT"),
    ("The ministry withheld comment on the report.", "SANCTION"),
    ("The US government shutdown entered its third week.", "PROTEST"),
    # consequences that happened are no threat; forces are people, not the law's force
    ("The drought had serious consequences for farmers in the south.", "THREATEN"),
    ("The minister called the vote a test of unity for the coalition.", "ACCUSE"),
    ("The Canadian parliament voted to impose sanctions on Iran.", "THREATEN"),
    # military support offered is a promise of aid, not backing given
    ("Germany offered military support to Lithuania on Monday.", "SUPPORT"),
    ("The minister turned back to the microphone and smiled.", "COERCE"),
    ("Residents made complaints to the council about the noise.", "ACCUSE"),
    ("Rescuers searched for survivors in the rubble.", "COERCE"),
    # an attack a preposition names is the reason, not the content, of what is agreed
    ("Mali and Mauritania agreed on Thursday to set up a joint investigation into the "
     "killing of 14 herders.", "THREATEN"),
    # an attack named inside the inquiry agreed on is not what was agreed
    ("Mali and Mauritania agreed on Thursday to set up a joint investigation into the "
     "killing of 14 herders in a raid inside Mali.", "THREATEN"),
    # disarming one's own fighters yields, it seizes nothing
    ("The rebel group said on Monday that it would disarm its fighters.", "COERCE"),
    ("The security forces of Chad faced heavy fire near the lake.", "THREATEN"),
    # told in the article's own voice, who fired first is the story, not anyone's claim
    ("Kyrgyz forces opened fire first on Tuesday near the enclave.", "ACCUSE"),
    ("The senator attacked the administration's position on trade.", "ASSAULT"),
    ("The minister gave the ambassador a tour of the new port.", "SANCTION"),
    ("The company placed the order under review on Monday.", "COERCE"),
    ("Police tightened security controls around the parliament.", "SANCTION"),
    ("A branch broke off the old oak during the storm.", "REJECT"),
    # what is done "without asking anyone" was not asked
    ("Poland will shoot down any drone that enters its airspace without asking anyone.",
     "REQUEST"),
    ("The ruling coalition dissolved after the vote.", "COERCE"),
    # a title, not a charge
    ("Iraq recalled its charge d'affaires from Stockholm on Friday.", "ACCUSE"),
]


@pytest.mark.parametrize(("text", "type_"), NOT_CODED)
def test_other_sense_is_not_coded(analyse: Analyse, text: str, type_: str) -> None:
    assert _events(analyse(text), type_) == []


def test_a_finite_verb_parsed_under_an_infinitive_is_its_own_event(analyse: Analyse) -> None:
    # the parser hangs "froze" on "to leave"; it is the main clause's second act
    article = analyse("Riyadh gave the Canadian envoy a day to leave and froze all new trade "
                      "with Canada.")
    assert sorted(e.mode or "" for e in _events(article, "SANCTION")) == ["discontinue", "expel"]


def test_a_finite_verb_parsed_under_an_infinitive_keeps_the_main_subject(analyse: Analyse) -> None:
    # "called" hangs on "to reverse"; Kosovo is asked to reverse, it does not call on Serbia
    article = analyse("The EU urged Kosovo to reverse the move and called on Serbia to pull "
                      "back its troops.")
    assert sorted(_pairs(article, "REQUEST"), key=str) == [(None, "SRB"), (None, "XKX")]


def test_a_threat_of_retaliation_is_still_a_threat(analyse: Analyse) -> None:
    article = analyse("Iran warned that it would retaliate against any attack.")
    assert _events(article, "THREATEN")


# Refusals aimed at whoever made the demand, accusation or ultimatum.
def test_rejecting_an_ultimatum_answers_the_demand(analyse: Analyse) -> None:
    article = analyse("Ghanaian opposition leader Kwame Osei demanded that President John "
                      "Mahama step down by Monday.\n\nMahama rejected the ultimatum.")
    rejections = _events(article, "REJECT")
    assert rejections and rejections[0].target is not None, rejections
    assert "Osei" in rejections[0].target.name


# A denial with no object naming its accuser answers whoever last accused the deniers.
DENIALS = [
    ("The Israeli military accused Hezbollah of storing rockets at the site. Hezbollah "
     "denied that any of its members had been there.", ("LBN", "ISR")),
    ("Ukraine accused Russia of shelling the plant. Moscow dismissed the claims as lies.",
     ("RUS", "UKR")),
    ("Kenya blamed Somalia for the border raid on Monday. On Tuesday Mogadishu denied "
     "sending any troops across the frontier.", ("SOM", "KEN")),
    ("Sweden's prosecutor accused two Iranian diplomats of spying. Tehran refuted the "
     "allegations.", ("IRN", "SWE")),
]


@pytest.mark.parametrize(("text", "pair"), DENIALS)
def test_a_denial_answers_the_latest_accuser(analyse: Analyse, text: str,
                                             pair: tuple[str, str]) -> None:
    article = analyse(text)
    assert pair in _pairs(article, "REJECT"), _pairs(article, "REJECT")


# A threat of an answer that names no one answers the latest provocation against the
# threateners' country (`provocations` in event_cues.yaml).
ANSWERS = [
    ("Pakistani troops shelled an Afghan border post on Sunday. Afghanistan's defence ministry "
     "warned that any aggression would receive a firm answer.", ("AFG", "PAK")),
    ("Poland closed two crossings on the Belarus border on Monday. Minsk said it reserved the "
     "right to take retaliatory measures.", ("BLR", "POL")),
    ("Israeli aircraft struck air defences in western Iran. Tehran said it reserves its right "
     "to respond at a time of its choosing.", ("IRN", "ISR")),
]


@pytest.mark.parametrize(("text", "pair"), ANSWERS)
def test_a_threat_of_an_answer_is_aimed_at_the_latest_provoker(
        analyse: Analyse, text: str, pair: tuple[str, str]) -> None:
    assert pair in _pairs(analyse(text), "THREATEN"), _pairs(analyse(text), "THREATEN")


def test_a_threat_with_its_own_aim_is_not_redirected_to_a_provoker(analyse: Analyse) -> None:
    article = analyse("Iran's judiciary said Britain had imposed sanctions on Iranian officials. "
                      "The Revolutionary Guards warned that they would resume strikes against "
                      "Kurdish groups in northern Iraq.")
    assert ("IRN", "GBR") not in _pairs(article, "THREATEN"), _pairs(article, "THREATEN")


def test_a_refused_proposal_is_no_denial_of_an_earlier_accusation(analyse: Analyse) -> None:
    article = analyse("Ukraine accused Russia of shelling the plant. Moscow rejected the "
                      "proposal.")
    assert ("RUS", "UKR") not in _pairs(article, "REJECT"), _pairs(article, "REJECT")


def test_a_domestic_demand_is_aimed_at_the_leader_named(analyse: Analyse) -> None:
    article = analyse("The Kenyan opposition leader demanded that President William Ruto "
                      "step down.")
    assert ("KEN", "KEN") in _pairs(article, "REQUEST"), _pairs(article, "REQUEST")


def test_an_appositive_charge_refused_in_a_relative_clause(analyse: Analyse) -> None:
    article = analyse("Ghana's government accused Togo of harbouring rebels, a charge that "
                      "Togo's foreign minister dismissed as absurd.")
    assert ("TGO", "GHA") in _pairs(article, "REJECT"), _pairs(article, "REJECT")
    assert len(_events(article, "ACCUSE")) == 1  # the charge restates the accusation


def test_an_appeal_to_member_states_is_not_aimed_at_what_they_should_send(
        analyse: Analyse) -> None:
    article = analyse("The UN chief urged member states to send troops to Haiti.")
    requests = _events(article, "REQUEST")
    assert requests and all(e.target is None or e.target.country != "HTI" for e in requests)


# Actors and places.
def test_an_actor_in_a_named_country_is_of_that_country(analyse: Analyse) -> None:
    article = analyse('In Ankara, the foreign ministry accused "armed militants" in Syria of '
                      "plotting attacks.")
    assert ("TUR", "SYR") in _pairs(article, "ACCUSE"), _pairs(article, "ACCUSE")


def test_a_capital_as_a_clause_subject_is_no_scene(analyse: Analyse) -> None:
    # "Yerevan" here is the Armenian government, not where the Baku ministry sits
    article = analyse("In Baku, the foreign ministry accused the opposition of stalling and said "
                      "that Yerevan must amend its constitution.")
    sources = {e.source.country for e in _events(article, "ACCUSE") if e.source}
    assert sources == {"AZE"}, _pairs(article, "ACCUSE")


def test_foreign_troops_take_no_country_from_the_scene(analyse: Analyse) -> None:
    article = analyse("Gang leaders in Port-au-Prince vowed to fight the foreign troops.")
    targets = [e.target for e in article.events if e.target is not None]
    assert targets and all(t.country != "HTI" for t in targets), targets
    # ... while a state's own foreign ministry is still placed
    article = analyse("In Ankara, the foreign ministry accused the rebels of plotting attacks.")
    assert {s for s, _ in _pairs(article, "ACCUSE")} == {"TUR"}, _pairs(article, "ACCUSE")


def test_a_sea_named_after_a_people_is_no_state(analyse: Analyse) -> None:
    article = analyse("The Houthis vowed to extend their attacks into the Indian Ocean.")
    assert all(t != "IND" for _, t in _pairs(article, "THREATEN")), _pairs(article, "THREATEN")


@pytest.mark.parametrize("text", [
    "Federal forces battled Fano militiamen near Bahir Dar, Ethiopia.",
    "Mourners gathered at the Aichi cemetery in Saqqez, Iran.",
])
def test_a_name_that_is_also_a_far_town_is_no_place_without_its_country(
        analyse: Analyse, text: str) -> None:
    article = analyse(text)
    assert {p.country for p in article.places} <= {"ETH", "IRN"}, article.places


def test_a_dismissed_crowd_is_the_marchers_not_what_they_marched_against(
        analyse: Analyse) -> None:
    article = analyse("In Conakry, several hundred people marched on the ministry to demand "
                      "protection from the gangs. Police fired tear gas to disperse them.")
    targets = [e.target for e in _events(article, "ASSAULT")]
    assert any(t is not None and t.sector == "CVL" for t in targets), targets


def test_a_number_of_them_that_points_back_to_itself_still_codes(analyse: Analyse) -> None:
    # "Hundreds of them": the pronoun's plural antecedent search came back to the phrase
    # that holds it and recursed until the events stage failed for the whole article
    article = analyse("On the northern coast, the foreign fleets are resented by local "
                      "fishermen. Hundreds of them demonstrated outside the district office on "
                      "Wednesday, calling on Colombo to stop the incursions.")
    assert not article.errors
    assert _events(article, "PROTEST")


def test_a_body_named_before_with_a_country_of_two_words_keeps_it(analyse: Analyse) -> None:
    # "the Sri Lankan navy", then "the navy": the country word is "Sri Lankan", not "Lankan"
    article = analyse("India protested against the arrest of 34 Indian fishermen by the Sri "
                      "Lankan navy. The navy also seized five trawlers and towed them to port.")
    assert ("LKA", None) in _pairs(article, "COERCE")


def test_a_meeting_of_many_is_one_record_per_party_with_the_first(analyse: Analyse) -> None:
    # four parties meeting: one record per other party with the first named (three), not
    # one per pair (six); two parties stay each other's
    article = analyse("Security officials from Ghana, Togo, Benin and Ivory Coast met in Accra "
                      "on Wednesday and agreed to share intelligence.")
    for type_ in ("CONSULT", "AGREE"):
        assert sorted(_pairs(article, type_)) == [("BEN", "GHA"), ("CIV", "GHA"), ("TGO", "GHA")]
    swap = analyse("Russia and Ukraine swapped prisoners on Friday.")
    assert sorted(_pairs(swap, "RETREAT")) == [("RUS", "UKR"), ("UKR", "RUS")]


LEADER_FILED_HOME = """Maldives and India spar over troops

By A Writer
March 11, 2024

MALE, March 11 - The first Indian soldiers left the Maldives on Sunday, meeting a deadline set by President Ahmed Shifaz. India summoned the Maldivian envoy on Monday. India's navy said it would stay in the region.

Shifaz made his first state visit to China in January. He demanded that New Delhi remove its remaining soldiers. Indian officials called the demand unfortunate.
"""


def test_a_leader_without_a_country_leads_the_state_the_story_is_filed_from(
        analyse: Analyse) -> None:
    # a story of two states (no home country) filed from the capital of one of them: a
    # president the text gives no country leads that state
    article = analyse(LEADER_FILED_HOME, layout=True)
    assert ("MDV", "CHN") in _pairs(article, "CONSULT")


def test_an_attorney_general_is_no_general(analyse: Analyse) -> None:
    article = analyse("Attorney General Ana Souza accused the former minister of fraud.")
    sources = [e.source for e in _events(article, "ACCUSE")]
    assert sources and sources[0] is not None and sources[0].sector == "JUD", sources


def test_the_dominican_president_is_of_the_dominican_republic(analyse: Analyse) -> None:
    article = analyse("Dominican President Luis Abinader ordered more troops to the border.")
    assert {s for s, _ in _pairs(article, "MOBILIZE")} == {"DOM"}, _pairs(article, "MOBILIZE")


# Repeated mentions.
def test_a_joint_operation_is_one_event(analyse: Analyse) -> None:
    article = analyse("Chadian and Nigerien troops launched a joint operation against the "
                      "militants on Monday.")
    assert len(_events(article, "COOPERATE")) == 1, _pairs(article, "COOPERATE")


# Coercive acts counted by mode: a definite mention of an earlier arrest is that arrest;
# two verbs (or a verb and a light verb's noun) of different modes in one sentence are two
# acts.
COERCIVE_ACTS = [
    ("Police detained 40 activists in Harare on Monday.\n\nOn Tuesday, shops stayed shut in "
     "a strike called to protest against the arrests, and the city council imposed a curfew on "
     "Harare.", ["arrest", "curfew"]),
    ("Tunisian coast guards arrested 12 smugglers and intercepted a boat carrying 40 migrants "
     "off Sfax.", ["arrest", "seize"]),
    # a light verb's noun of another mode than the verb beside it is another act
    ("Police in Nairobi arrested more than 60 demonstrators the same week, and the authorities "
     "imposed a night-time curfew on the city.", ["arrest", "curfew"]),
]


@pytest.mark.parametrize(("text", "modes"), COERCIVE_ACTS)
def test_coercive_acts_are_counted_once_each(analyse: Analyse, text: str, modes: list[str]) -> None:
    found = sorted(e.mode or "" for e in _events(analyse(text), "COERCE"))
    assert found == modes, found


def test_a_known_person_tagged_as_an_organisation_is_a_person(analyse: Analyse) -> None:
    # the tagger calls the full name an ORG and the bare surname a place (a Brazilian town)
    article = analyse("Attorney General Tarek William Saab accused opposition leader María "
                      "Corina Machado of orchestrating the unrest.\n\nMachado, who has not "
                      "appeared in public since Tuesday, called on the armed forces to stand "
                      "with the people.")
    machado = [e for e in article.entities if "Machado" in e.name]
    assert len(machado) == 1 and machado[0].label == "PERSON", machado
    assert machado[0].role == "opposition leader"  # the role, without the name
    assert {s for s, _ in _pairs(article, "REQUEST")} == {"VEN"}, _pairs(article, "REQUEST")


def test_a_second_clause_subject_the_parser_joined_to_an_object(analyse: Analyse) -> None:
    # "police vehicles and police fired": "police" is the subject of "fired"
    article = analyse("In Bamako, youths threw stones at police vehicles and police fired "
                      "tear gas at the crowds.")
    assert ("MLI", "MLI") in _pairs(article, "ASSAULT"), _pairs(article, "ASSAULT")
    assert {s for s, _ in _pairs(article, "PROTEST")} == {"MLI"}, _pairs(article, "PROTEST")


def test_a_statement_abroad_does_not_move_the_next_paragraph(analyse: Analyse) -> None:
    article = analyse("Peru expelled Bolivia's ambassador on Friday, and Bolivia accused Peru "
                      "of meddling.\n\nIn Washington, a State Department spokesman urged calm."
                      "\n\nRiot police used tear gas to disperse the crowd.")
    sources = {e.source.country for e in _events(article, "ASSAULT") if e.source}
    assert "USA" not in sources, _pairs(article, "ASSAULT")


def test_a_place_ending_a_headline_spans_only_its_name_in_an_article(analyse: Analyse) -> None:
    # the title's name span ran into the blanked body after it, covering the whole text
    path = Path(__file__).parent / "articles" / "ecuador-mexico-embassy-2024-04-07.txt"
    article = analyse(path.read_text(encoding="utf-8"), layout=True)
    assert all(article.text[p.start : p.end] == p.text and len(p.text) < 60
               for p in article.places), [p.text[:80] for p in article.places if len(p.text) >= 60]


def test_a_state_named_after_an_apposition_is_still_coordinated(analyse: Analyse) -> None:
    # the parser joins "the United States" to the apposition "the former colonial power"
    article = analyse("France, the former colonial power, and the United States both urged "
                      "Bamako to hold the election soon.")
    assert {("FRA", "MLI"), ("USA", "MLI")} <= _pairs(article, "REQUEST"), _pairs(article, "REQUEST")


def test_a_relative_clauses_negation_stays_in_the_clause(analyse: Analyse) -> None:
    # "urged" hangs on "is" of the relative clause in the parse; "not related" is not its
    article = analyse("Amadou Ba, a former mayor of Dakar who is not related to the president, "
                      "called on the candidates to hold a rally and urged the police to show "
                      "restraint.")
    assert all(not e.negated for e in _events(article, "REQUEST")), article.events


def test_a_state_body_in_a_report_is_the_reporters(analyse: Analyse) -> None:
    article = analyse("Thai and Cambodian officials met in Kuala Lumpur on Monday. Cambodian "
                      "state media reported that the government had halted imports of Thai "
                      "rice.")
    assert ("KHM", "THA") in _pairs(article, "SANCTION"), _pairs(article, "SANCTION")


def test_the_two_countries_are_the_storys_main_pair(analyse: Analyse) -> None:
    # the latest event names three countries, so "the two countries" are the story's two
    article = analyse("Peru expelled Bolivia's ambassador on Monday. Bolivia accused Peru of "
                      "meddling in its affairs, and Peru rejected the accusation.\n\nBrazil, "
                      "Chile and Colombia condemned the expulsion. Washington urged the two "
                      "countries to resolve their differences.")
    assert {("USA", "PER"), ("USA", "BOL")} <= _pairs(article, "REQUEST"), _pairs(article, "REQUEST")


def test_casualties_without_an_attacker_are_the_attacks_told_before(analyse: Analyse) -> None:
    article = analyse("Pro-government militiamen opened fire on marchers in Maracay on Monday. "
                      "At least six people were killed, a rights group said.")
    attacks = _events(article, "ASSAULT")
    assert len(attacks) == 1 and attacks[0].source is not None, attacks


def test_the_owner_of_the_gunfire_is_the_attacker(analyse: Analyse) -> None:
    article = analyse("Two students were killed by police gunfire in Kampala on Tuesday.")
    assert ("UGA", "UGA") in _pairs(article, "ASSAULT"), _pairs(article, "ASSAULT")


def test_security_forces_blocking_roads_restrict_rather_than_protest(analyse: Analyse) -> None:
    article = analyse("Officers in riot gear blocked the roads leading to parliament in Accra.")
    assert _events(article, "PROTEST") == [] and _events(article, "COERCE"), article.events


def test_demands_by_protest_organisers_are_theirs(analyse: Analyse) -> None:
    article = analyse("In Nairobi, the president rejected demands by protest organisers to "
                      "withdraw the bill.")
    assert ("KEN", "KEN") in _pairs(article, "REJECT"), _pairs(article, "REJECT")


def test_members_including_named_states_are_those_states(analyse: Analyse) -> None:
    article = analyse("Several members, including Ghana, Senegal and Nigeria, refused to endorse "
                      "the Malian proposal.")
    assert {"GHA", "SEN", "NGA"} <= {s for s, _ in _pairs(article, "REJECT")}, _pairs(article, "REJECT")


def test_a_demonym_is_no_place(analyse: Analyse) -> None:
    # "Thai" is also a town's name in the gazetteer; Malaysia is named, so it was kept
    article = analyse("Malaysia and Indonesia refused to endorse the Thai initiative.")
    assert [p.text for p in article.places] == ["Malaysia", "Indonesia"], article.places


def test_condemning_the_strike_told_by_its_killing(analyse: Analyse) -> None:
    # the strike is told as "killed by a Turkish drone strike": no earlier cue "strike"
    article = analyse("Three people were killed by a Turkish drone strike near Qamishli on "
                      "Monday.\n\nThe Syrian government condemned the strike.")
    assert ("SYR", "TUR") in _pairs(article, "ACCUSE"), _pairs(article, "ACCUSE")


@pytest.mark.parametrize(("text", "kept"), [
    ("Hundreds protested in Sulaimaniyah, in northern Iraq, on Thursday.", True),
    ("Sulaimaniyah is the name of the new restaurant.", False),  # its country is not named
])
def test_another_romanisation_of_a_big_place(analyse: Analyse, text: str, kept: bool) -> None:
    places = {p.text: p.country for p in analyse(text).places}
    assert (places.get("Sulaimaniyah") == "IRQ") is kept, places
