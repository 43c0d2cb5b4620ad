"""Recall of event triggers across PLOVER types: cue families added to event_cues.yaml
(diplomatic withdrawals and expulsions, visa bans, crowd-control weapons, labour and
hunger strikes, detention and sentencing, hijacking and boarding ships, cyber operations,
sabotage, readiness and call-ups, relief and money released, mediation, prisoner swaps,
capturing territory, breaking a truce) and the grammar they needed (a phrasal cue's
preposition object as its object, "provided X with Y", compound noun cues taking the
phrase head's arguments, "for" as an aid noun's beneficiary, "between X and Y" after a
verb, mutual acts of coordinated subjects, passive troop moves).

Sentences are our own, news style. Each family has positives (type, mode, source and
target country where the sentence makes them clear) and negatives: the other sense of the
same word, which must not be coded as that type.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from conftest import assert_offsets
from fivew.records import Article, Event

Analyse = Callable[..., Article]


def _find(article: Article, type_: str, source: str | None, target: str | None) -> Event | None:
    for e in article.events:
        src = e.source.country if e.source else None
        tgt = e.target.country if e.target else None
        if e.type == type_ and source in ("*", src) and target in ("*", tgt):
            return e
    return None


POSITIVES = [
    # (text, type, mode, source, target); target (or mode) "*" when the sentence leaves it open
    # diplomats withdrawn, expelled, declared unwelcome
    ("Mexico withdrew its ambassador to Peru after the row.", "SANCTION", "withdraw", "MEX", "PER"),
    ("Algeria pulled its ambassador from Spain.", "SANCTION", "withdraw", "DZA", "*"),
    ("Estonia declared a Russian diplomat persona non grata.", "SANCTION", "expel", "EST", "RUS"),
    ("Pakistan downgraded diplomatic ties with India.", "SANCTION", "discontinue", "PAK", "IND"),
    # visa and travel bans, suspended services
    ("Washington imposed visa bans on Nicaraguan officials.", "SANCTION", "discontinue", "USA", "NIC"),
    ("Kuwait announced a travel ban on Lebanese nationals.", "SANCTION", "discontinue", "KWT", "LBN"),
    ("India suspended visa services for Canadians.", "SANCTION", "discontinue", "IND", "CAN"),
    ("Germany halted arms exports to Saudi Arabia.", "SANCTION", "discontinue", "DEU", "SAU"),
    # crowd-control weapons
    ("Police fired tear gas at protesters in Nairobi.", "ASSAULT", "crowd-control", "KEN", "KEN"),
    ("Georgian police used water cannon against demonstrators.", "ASSAULT", "crowd-control", "GEO", "*"),
    ("Chilean security forces fired rubber bullets at crowds.", "ASSAULT", "crowd-control", "CHL", "*"),
    # labour strikes, walkouts, hunger strikes, boycotts
    ("Thousands of workers went on strike in France over pensions.", "PROTEST", "strike", "FRA", "*"),
    ("Greek workers went on a 24-hour general strike over price rises.", "PROTEST", "strike", "GRC", "*"),
    ("Teachers in Kenya staged a walkout over pay.", "PROTEST", "strike", "KEN", "*"),
    ("Nurses in Britain walked out over pay.", "PROTEST", "strike", "GBR", "*"),
    ("Palestinian prisoners began a hunger strike in Israeli jails.", "PROTEST", "hunger", "PSE", "*"),
    ("Western diplomats walked out of the hall as the Iranian president spoke.", "PROTEST", "boycott", "WST", "*"),
    # detention and courts
    ("Venezuela jailed two opposition leaders.", "COERCE", "arrest", "VEN", "*"),
    ("Turkish police rounded up dozens of Kurdish activists.", "COERCE", "arrest", "TUR", "*"),
    ("China sentenced a Canadian citizen to death for drug smuggling.", "SANCTION", "convict", "CHN", "CAN"),
    ("A Russian court convicted an American journalist of espionage.", "SANCTION", "convict", "RUS", "USA"),
    ("Prosecutors in Iran indicted a French tourist.", "ACCUSE", "allege", "IRN", "FRA"),
    # ships hijacked, boarded, seized; hostages taken
    ("Houthi fighters hijacked a Japanese-operated cargo ship.", "ASSAULT", "abduct", "YEM", "JPN"),
    ("Iranian commandos boarded a Greek tanker in the Gulf.", "COERCE", "seize", "IRN", "GRC"),
    ("Somali pirates took hostages from an Indian vessel.", "ASSAULT", "abduct", "SOM", "*"),
    # territory captured, truce broken
    ("Russian troops captured the town of Avdiivka.", "ASSAULT", None, "RUS", "UKR"),
    ("Israeli troops seized control of the Rafah crossing.", "ASSAULT", None, "ISR", "*"),
    ("Armenian forces violated the ceasefire overnight, Azerbaijan said.", "ASSAULT", None, "ARM", "*"),
    # cyber operations and sabotage
    ("Russian hackers launched a cyberattack on Ukrainian banks.", "COERCE", "cyber", "RUS", "UKR"),
    ("Pro-Kremlin hackers hacked the websites of Lithuanian ministries.", "COERCE", "cyber", "RUS", "LTU"),
    ("Ukrainian hackers hacked into Russian state television.", "COERCE", "cyber", "UKR", "RUS"),
    ("Saboteurs blew up a gas pipeline in Syria.", "ASSAULT", "explosives", None, "SYR"),
    # readiness, call-ups, moves of forces
    ("Putin put Russia's nuclear forces on high alert.", "MOBILIZE", "troops", "RUS", "*"),
    ("Armenia placed its army on alert after the shooting.", "MOBILIZE", "troops", "ARM", "*"),
    ("Iran called up reservists.", "MOBILIZE", "troops", "IRN", "*"),
    ("Taiwan scrambled jets after Chinese warplanes crossed the median line.", "MOBILIZE", "troops", "TWN", "*"),
    ("The United States moved an aircraft carrier to the eastern Mediterranean.", "MOBILIZE", "troops", "USA", "*"),
    ("Thousands of Russian soldiers were deployed to Belarus.", "MOBILIZE", "troops", "RUS", "BLR"),
    # relief, money and asylum
    ("Rescue teams from Turkey arrived in Pakistan to help with flood relief.", "AID", None, "TUR", "PAK"),
    ("Japan sent rescue teams to Nepal after the earthquake.", "AID", None, "JPN", "NPL"),
    ("The EU approved a €50 billion aid package for Ukraine.", "AID", None, None, "UKR"),
    ("Canada granted asylum to the Saudi woman.", "AID", None, "CAN", "SAU"),
    ("Britain provided Ukraine with long-range missiles.", "AID", None, "GBR", "UKR"),
    ("The World Bank released $300 million in funding for Sri Lanka.", "AID", None, None, "LKA"),
    ("Germany pledged support to Moldova.", "AGREE", None, "DEU", "MDA"),
    # mediation, delegations, prisoner swaps and releases
    ("Qatar mediated between Israel and Hamas.", "CONSULT", "third-party", "QAT", "ISR"),
    ("Egypt brokered a ceasefire between Israel and Hamas.", "CONSULT", "third-party", "EGY", "ISR"),
    ("China sent a delegation to Kabul for talks with the Taliban.", "CONSULT", "visit", "CHN", "AFG"),
    ("Russia and Ukraine swapped 200 prisoners of war.", "RETREAT", "release", "RUS", "UKR"),
    ("Russia and Ukraine swapped 200 prisoners of war.", "RETREAT", "release", "UKR", "RUS"),
    ("Israel and Hamas agreed to extend the truce by two days.", "AGREE", None, "PSE", "ISR"),
    ("Iran handed over two French detainees to French diplomats.", "RETREAT", "release", "IRN", "FRA"),
    # receiving visitors, ratifying, restoring ties, sharing intelligence, training forces
    ("Xi received the Brazilian president in Beijing on Friday.", "CONSULT", "visit", "CHN", "BRA"),
    ("Poland ratified the treaty with Ukraine.", "SUPPORT", None, "POL", "UKR"),
    ("Saudi Arabia and Iran restored diplomatic ties in March.", "SUPPORT", None, "SAU", "IRN"),
    ("Britain trained thousands of Ukrainian soldiers.", "AID", None, "GBR", "UKR"),
    # airlifted relief, contacts held, mutual disengagement, rebuffed offers, praise in a message
    ("Qatar flew 40 tonnes of food and tents into Kabul on Friday.", "AID", None, "QAT", "AFG"),
    ("Jordan airlifted medical supplies to Gaza.", "AID", None, "JOR", "PSE"),
    ("Egypt held contacts with Hamas and Israeli officials.", "CONSULT", None, "EGY", "ISR"),
    ("Armenian and Azerbaijani troops disengaged along the border on Sunday.", "RETREAT", "withdraw", "ARM", "AZE"),
    ("Serbia turned down the German compromise.", "REJECT", "*", "SRB", "DEU"),
    ("Putin sent a message praising Turkey's mediation.", "SUPPORT", None, "RUS", "TUR"),
    # access allowed, pressure and pleas
    ("Israel allowed aid trucks into Gaza.", "RETREAT", "access", "ISR", "PSE"),
    ("Egypt reopened the Rafah crossing.", "RETREAT", "access", "EGY", None),
    ("Washington pressed for a pause in the fighting in Sudan.", "REQUEST", "*", "USA", "*"),
    ("France pushed for a ceasefire in Lebanon.", "REQUEST", "yield", "FRA", None),
    # criticism, objections, rebuffs, defiance
    ("Beijing slammed the American arms sale to Taiwan.", "ACCUSE", "disapprove", "CHN", "USA"),
    ("Turkey objected to Sweden's membership bid.", "ACCUSE", "disapprove", "TUR", "SWE"),
    ("Iran rebuffed the European proposal.", "REJECT", "change", "IRN", "EUR"),
    ("Hungary defied calls from Brussels to drop the law.", "REJECT", "change", "HUN", None),  # the EU
    # approving an accord accepts it; a participle's noun is what was brokered
    ("The truce with the rebels was approved by Ethiopia's cabinet on Tuesday.", "AGREE",
     "*", "ETH", "*"),
    ("The truce, brokered by Qatar after weeks of talks, took effect on Sunday.", "CONSULT",
     "third-party", "QAT", "*"),
    # blacklists, expulsions, shutdowns
    ("The United States blacklisted three Chinese companies.", "SANCTION", "discontinue", "USA", "CHN"),
    ("Mali kicked out the French ambassador.", "SANCTION", "expel", "MLI", "FRA"),
    ("Iran shut down the internet across the country.", "COERCE", "censor", "IRN", "IRN"),  # its own people
    # fighting words of war
    ("Russian forces pounded Kharkiv overnight.", "ASSAULT", "heavy-weapons", "RUS", "UKR"),
    ("Israeli jets targeted Hezbollah positions in southern Lebanon.", "ASSAULT", None, "ISR", "LBN"),
    ("Indian and Chinese troops clashed in the Himalayas.", "ASSAULT", None, "IND", "CHN"),
    ("Ukrainian forces fought Russian troops near Bakhmut.", "ASSAULT", None, "UKR", "RUS"),
    ("Iranian forces downed a US drone.", "ASSAULT", None, "IRN", "USA"),
    ("Protesters stormed the parliament in Baghdad.", "PROTEST", "riot", "IRQ", "*"),
    ("Opposition supporters held a sit-in outside the electoral commission in Kinshasa.", "PROTEST", "demo", "COD", "*"),
    # complement shapes: ordered to leave, denied that, warned that ... force, offered to send
    ("Hungary ordered three Russian diplomats to leave the country within 72 hours.", "SANCTION", "expel", "HUN", "RUS"),
    ("China denied any involvement in the hacking campaign.", "REJECT", "change", "CHN", None),
    ("Moscow denied that its troops had shelled the village.", "REJECT", "change", "RUS", None),
    ("Turkey warned that it would respond with force if Greek ships entered the area.", "THREATEN", "violence", "TUR", "*"),
    ("Egypt summoned the head of the Israeli mission in Cairo.", "ACCUSE", "disapprove", "EGY", "ISR"),
    ("Authorities charged two Russian men with spying.", "ACCUSE", "allege", None, "RUS"),
    ("Lithuania offered to send medical experts to Moldova.", "AGREE", None, "LTU", "*"),
    ("The UN delivered 3,000 tonnes of flour to Gaza.", "AID", None, None, "PSE"),
    ("Armenia sent additional units to the border with Azerbaijan.", "MOBILIZE", "troops", "ARM", "AZE"),
    ("Peru suspended the fuel tax increase after two weeks of protests.", "CONCEDE", None, "PER", None),
    ("The government in Madrid said it would not allow its ports to be used by Russian tankers.", "REJECT", "yield", "ESP", "*"),
    # fire exchanged, evidence shared or handed over (dative recipient), stones thrown
    ("Indian and Pakistani troops exchanged fire across the Line of Control.", "ASSAULT", "firearms", "PAK", "IND"),
    ("Danish investigators shared evidence with German prosecutors.", "COOPERATE", None, "DNK", "DEU"),
    ("Estonia handed Finland evidence of the cable sabotage.", "COOPERATE", None, "EST", "FIN"),
    ("Protesters in Lima threw stones at police.", "PROTEST", "riot", "PER", "*"),
    ("Settlers threw rocks at Palestinian cars near Nablus.", "ASSAULT", "primitive", None, "PSE"),
    # meetings asked for, phone calls, backing, solidarity (light verb + preposition)
    ("The EU invited Serbian and Kosovan leaders to talks in Brussels.", "REQUEST", "meet", None, "XKX"),
    ("Germany said it supported Kyiv's bid to join NATO.", "SUPPORT", None, "DEU", "UKR"),
    ("NATO stood in solidarity with Lithuania.", "SUPPORT", None, None, "LTU"),
    ("Dutch investigators traced the attack to a Russian military unit.", "ACCUSE", "allege", "NLD", "RUS"),
    # investigations opened, charges faced, money in aid, patrols, readiness
    ("Prosecutors in Kenya opened an investigation into the killings.", "ACCUSE", "investigate", "KEN", "*"),
    ("The IMF approved a $3 billion loan for Egypt.", "AID", None, None, "EGY"),
    ("Japan announced $50 million in humanitarian assistance for Turkey.", "AID", None, "JPN", "*"),
    ("Greece increased patrols along its border with Turkey.", "MOBILIZE", "troops", "GRC", "*"),
    ("Serbia put its army on the highest level of combat readiness.", "MOBILIZE", "troops", "SRB", "*"),
    # attribution in reported speech, seats at a table, promises of force are threats
    ("Officials in Tallinn said Russian hackers were behind the attack on the ministry's servers.", "ACCUSE", "allege", "EST", "RUS"),
    ("Serbia said it would not sit at the same table as Kosovo's leader.", "REJECT", "meet", "SRB", None),
    ("Delegates from Sudan's army and the RSF sat at the negotiating table in Jeddah.", "CONSULT", None, "SDN", "*"),
    ("Iran vowed to attack American bases in the region.", "THREATEN", "violence", "IRN", "USA"),
    ("Japan pledged to send aid to the Philippines.", "AGREE", None, "JPN", "PHL"),
    ("Protesters clashed with police in Dhaka.", "ASSAULT", None, "BGD", "BGD"),
    ("Russian drones targeted energy infrastructure across Ukraine.", "ASSAULT", "drone", "RUS", "UKR"),
    # annexation, pardons, nationalisation, tariffs raised, truce violations, shutdowns
    ("Russia annexed four Ukrainian regions in September.", "ASSAULT", None, "RUS", "UKR"),
    ("Iran pardoned two French prisoners on Friday.", "RETREAT", "release", "IRN", "FRA"),
    ("Venezuela nationalized the American oil company's assets.", "COERCE", "seize", "VEN", "USA"),
    ("The United States raised tariffs on Chinese steel.", "SANCTION", "discontinue", "USA", "CHN"),
    ("Azerbaijan reported ceasefire violations by Armenian forces.", "ASSAULT", None, "ARM", "*"),
    ("Authorities in Iran ordered an internet shutdown in several provinces.", "COERCE", "censor", "IRN", "*"),
    # resolutions and statements do what their adopter does; truces are mutual
    ("The European Parliament passed a resolution condemning Hungary's media law.", "ACCUSE", "disapprove", None, "HUN"),
    ("The Arab League issued a statement calling on Israel to withdraw from Rafah.", "REQUEST", "yield", "*", "ISR"),
    ("Israel and Hamas extended the truce by two days.", "RETREAT", "ceasefire", "PSE", "ISR"),
    # strikes on states, missiles launched at them, arms and energy trade, executions
    ("Iran launched missiles at Israel overnight.", "ASSAULT", "heavy-weapons", "IRN", "ISR"),
    ("Israel struck Iran on Friday.", "ASSAULT", None, "ISR", "IRN"),
    ("Germany gave Ukraine more tanks.", "AID", None, "DEU", "UKR"),
    ("France sold fighter jets to India.", "COOPERATE", None, "FRA", "IND"),
    ("India bought Russian oil at a discount.", "COOPERATE", None, "IND", "RUS"),
    ("Iran executed a British-Iranian dual national.", "ASSAULT", "targeted", "IRN", "GBR"),
    ("Militants beheaded a Japanese journalist.", "ASSAULT", "targeted", "*", "JPN"),
    # deals struck or reached (light verbs)
    ("Ukraine struck a grain deal with Turkey.", "AGREE", None, "UKR", "TUR"),
    ("Israel and Hamas reached an agreement on hostages.", "AGREE", None, "ISR", "PSE"),
    # passive alerts, warnings of force, crowds dispersed with gas, flights, returns to talks
    ("Iran's air defence units were put on alert.", "MOBILIZE", "troops", "IRN", None),
    ("Niger warned that any intervention would be met with force.", "THREATEN", "violence", "NER", None),
    ("Soldiers in Niamey dispersed the crowd with tear gas.", "ASSAULT", "crowd-control", "NER", "*"),
    ("Police dispersed the crowd in Minsk.", "COERCE", "restrict", "BLR", "*"),
    ("South Korea will resume surveillance flights along the border.", "MOBILIZE", "troops", "KOR", None),
    ("Turkey said it would return to the negotiating table with Greece.", "AGREE", None, "TUR", "GRC"),
    ("Germany agreed to pay compensation to Namibia.", "AGREE", None, "DEU", "NAM"),
    # security forces stopping people from moving
    ("Riot police kept the protesters from crossing the bridge in Belgrade.", "COERCE", "restrict", "SRB", "*"),
    ("Police prevented opposition supporters from reaching the square in Minsk.", "COERCE", "restrict", "BLR", "*"),
    ("China invited the Russian president for a state visit.", "REQUEST", "meet", "CHN", "RUS"),
    # leaving treaties, bodies and talks; suspension from a bloc; citizenship stripped
    ("ECOWAS suspended Niger from the bloc after the coup.", "SANCTION", "expel", None, "NER"),
    ("Russia withdrew from the grain deal in July.", "SANCTION", "discontinue", "RUS", None),
    ("Iran pulled out of the nuclear agreement.", "SANCTION", "discontinue", "IRN", "*"),
    ("The Ukrainian delegation withdrew from the talks in protest.", "REJECT", "meet", "UKR", "*"),
    ("Nicaragua stripped 94 critics of their citizenship.", "COERCE", "restrict", "NIC", "*"),
    # keeping a truce; planned, it is a concession (PLOVER's future rule)
    ("The Syrian army honoured the ceasefire throughout the weekend.", "RETREAT", "ceasefire", "SYR", None),
    ("Azerbaijan said it would uphold the truce with Armenia.", "CONCEDE", "*", "AZE", "*"),
    ("Hamas committed to releasing 33 hostages in the first phase.", "CONCEDE", "*", "PSE", None),
    # troops ordered somewhere move; troops ordered to act are addressed
    ("India ordered two more battalions to the border on Friday.", "MOBILIZE", "troops", "IND", None),
    ("Turkey ordered reinforcements to its southern border overnight.", "MOBILIZE", "troops", "TUR", "*"),
    # states voting on a measure of a council or bloc
    ("China and Russia voted against the resolution at the Security Council.", "REJECT", "*", "CHN", None),
    ("Hungary voted against the sanctions package in Brussels on Monday.", "REJECT", "*", "HUN", None),
    ("France voted for the resolution, its envoy said.", "SUPPORT", "*", "FRA", None),
    # security raised: police and guards on alert
    ("Poland tightened security along its border with Belarus.", "MOBILIZE", "police", "POL", "*"),
    ("Jordan stepped up patrols on its northern frontier after the incursion.", "MOBILIZE",
     "police", "JOR", None),
    # a light verb's "on" object after a date is still the target of a sanction
    ("Britain imposed sanctions on Monday on three Iranian judges.", "SANCTION", "*", "GBR", "IRN"),
    ("Myanmar's junta imposed a curfew on Friday on residents of Yangon.", "COERCE", "*", "MMR", "MMR"),
    # an offer refused: the refusal is aimed at whoever made it
    ("The Mexican government offered talks on Monday. The cartel rejected the offer.",
     "REJECT", "*", "*", "MEX"),
    # a named person freed, or freed in the passive
    ("Peru's police freed Carlos Mendoza on Sunday.", "RETREAT", "release", "PER", "*"),
    ("Police in Lima detained the blogger Carlos Mendoza on Friday. Carlos Mendoza was released on "
     "Sunday.", "RETREAT", "release", "PER", "PER"),
    # "their release": demanded of whoever holds them
    ("Iran detained two French teachers in May. Paris has demanded their release.", "REQUEST",
     "yield", "FRA", "IRN"),
    # "criticised the decision", "welcomed the move": aimed at whoever acted last
    ("Iran expelled two German diplomats on Monday. Berlin condemned the decision.",
     "ACCUSE", "*", "DEU", "IRN"),
    ("Russia suspended its participation in the grain deal. Turkey criticised the move.",
     "ACCUSE", "*", "TUR", "RUS"),
    # "support for X": X is the target; pledged, it is a promise (PLOVER's future rule)
    ("Japan expressed its full support for Ukraine.", "SUPPORT", "*", "JPN", "UKR"),
    ("Japan pledged full support for Ukraine.", "AGREE", "*", "JPN", "UKR"),
    # the object of an event noun's infinitive is its target
    ("Washington reaffirmed its commitment to defend the Philippines.", "SUPPORT", "*", "USA",
     "PHL"),
    ("China repeated its threat to invade Taiwan.", "THREATEN", "*", "CHN", "TWN"),
    # support voiced or given to another's plan
    ("Beijing has backed Bangkok's approach to the crisis.", "SUPPORT", "*", "CHN", "THA"),
    ("Japan expressed support for the Philippines on Monday.", "SUPPORT", "*", "JPN", "PHL"),
    ("Poland voiced solidarity with Lithuania after the incident.", "SUPPORT", "*", "POL", "LTU"),
    ("Britain stands with Estonia, the foreign secretary said.", "SUPPORT", "*", "GBR", "EST"),
    # joint patrols and exercises with a partner's forces are military cooperation
    ("The Philippine navy held joint patrols with US forces on Friday.", "COOPERATE", "*",
     "PHL", "USA"),
    ("US aircraft held joint exercises with Guyana's armed forces.", "COOPERATE", "*", "USA",
     "GUY"),
    ("China staged military drills around the island of Taiwan.", "MOBILIZE", "troops", "CHN",
     "*"),
    # a terrorist listing is a sanction
    ("Canada designated the Houthis a terrorist entity on Friday.", "SANCTION", "discontinue",
     "CAN", "YEM"),
    # ships massing, vessels barred at sea
    ("More than 100 Chinese militia vessels had massed at the reef by Sunday.", "MOBILIZE",
     "troops", "CHN", "*"),
    ("Chinese warships blocked two Philippine supply boats near the shoal.", "COERCE", "restrict",
     "CHN", "PHL"),
    # a warning that those who resist will be neutralised is a threat
    ("Azerbaijani President Ilham Aliyev warned that any armed group refusing to disarm would "
     "be neutralised.", "THREATEN", "*", "AZE", "*"),
    # a meeting with one's own advisers or generals has them as the other party
    ("Philippine President Ferdinand Marcos Jr. met his national security advisers on Monday.",
     "CONSULT", "*", "PHL", "PHL"),
    ("Chinese President Xi Jinping met his top generals in Beijing.", "CONSULT", "*", "CHN", "CHN"),
    # a conjunct with its own tense is not governed by the first one's "would"
    ("Peskov said Russian peacekeepers would stay and had already evacuated 5,000 civilians.",
     "AID", "*", "RUS", "*"),
    ("Britain's Foreign Office said it was in close contact with its Canadian partners.",
     "CONSULT", "*", "GBR", "CAN"),
    # gunmen storming a studio or bursting into a building attack it
    ("About a dozen attackers carrying shotguns stormed the studios of a broadcaster in "
     "Guayaquil.", "ASSAULT", "*", "ECU", "*"),
    ("Masked gunmen burst into a television studio in Guayaquil.", "ASSAULT", "*", "ECU", "*"),
    # a denial of a deed is a refusal of the accusation, the deed no event
    ("Rwanda's government denied sending troops into Congo.", "REJECT", "*", "RWA", "COD"),
    # missiles fired into the sea are a weapons test, not an attack
    ("North Korea fired 18 short-range ballistic missiles into the sea off its east coast.",
     "MOBILIZE", "weapons", "PRK", "*"),
]


@pytest.mark.parametrize(("text", "type_", "mode", "source", "target"), POSITIVES)
def test_cue_family_is_coded(analyse: Analyse, text: str, type_: str, mode: str | None,
                             source: str | None, target: str | None) -> None:
    article = analyse(text)
    assert_offsets(article)
    event = _find(article, type_, source, target)
    got = [(e.type, e.mode, e.source and e.source.country, e.target and e.target.country)
           for e in article.events]
    assert event is not None, f"no {type_} {source}->{target} in {got}"
    assert mode == "*" or event.mode == mode, got


NEGATIVES = [
    # (text, type that must not be coded)
    ("Russia declared victory in the election.", "SANCTION"),
    ("The Kenyan president flew to Addis Ababa for the summit.", "AID"),
    ("The minister turned down the volume of the radio before the interview.", "REJECT"),
    ("The president declared victory on Sunday night.", "REJECT"),
    ("She put the book on the table.", "MOBILIZE"),
    ("The airline put flights on hold.", "MOBILIZE"),
    ("The band went on tour in Europe.", "PROTEST"),
    ("The economy went on a downturn last year.", "PROTEST"),
    ("The general strike a balance between caution and speed.", "PROTEST"),
    ("Staff walked out of the building at noon for lunch.", "PROTEST"),
    ("The company released its earnings on Monday.", "AID"),
    ("The manager ordered pizza to the office for the staff.", "MOBILIZE"),
    ("Senator Smith voted against the bill on Tuesday.", "REJECT"),
    ("The rebels committed atrocities in the north, the report said.", "CONCEDE"),
    ("The band honoured its late drummer at the concert.", "RETREAT"),
    ("The firm tightened its lending rules after the losses.", "MOBILIZE"),
    ("The firm made a takeover offer for its rival in Germany.", "AGREE"),
    ("The singer released Ana Ruiz's debut album on Friday.", "RETREAT"),
    ("Warner Bros announced its release date for the film in France.", "RETREAT"),
    ("She stood with her back to the wall in Paris.", "SUPPORT"),
    ("The singer expressed surprise at the award in London.", "SUPPORT"),
    ("The party designated a new candidate for the mayoral race.", "SANCTION"),
    ("The company released its earnings on Monday.", "RETREAT"),
    ("He took the train to Boston.", "ASSAULT"),
    ("Investors took profits after the rally.", "ASSAULT"),
    ("The team captured the title with a late goal.", "ASSAULT"),
    ("The film captured the mood of the country.", "ASSAULT"),
    ("The senator broke the record for the longest speech.", "ASSAULT"),
    ("The chef broke the eggs into a bowl.", "ASSAULT"),
    ("She occupied the top post for a decade.", "ASSAULT"),
    ("The app provided users with a new feature.", "AID"),
    ("The bank exchanged dollars for euros.", "RETREAT"),
    ("He boarded a flight to London.", "COERCE"),
    ("The company hacked its costs by a third.", "COERCE"),
    ("Saboteurs blew up a gas pipeline in Syria.", "MOBILIZE"),
    ("The agency put out a flood alert for the coast.", "MOBILIZE"),
    ("The government approved a student loan reform.", "AID"),
    ("The museum will host a conference on climate.", "CONSULT"),
    ("Britain and France condemned the vote.", "SANCTION"),
    ("She slammed the door on her way out.", "ACCUSE"),
    ("The campaign targeted young voters in Ohio.", "ASSAULT"),
    ("The senator fought the bill for months.", "ASSAULT"),
    ("The governor pressed the button to start the race.", "REQUEST"),
    ("The store received a shipment of shoes.", "CONSULT"),
    ("The startup shut down its office in London.", "COERCE"),
    ("Fans stormed the pitch after the final whistle.", "ASSAULT"),
    ("The company shared data with advertisers.", "COOPERATE"),
    ("The coach trained the players for the final.", "AID"),
    ("The candidate will blow up the establishment, his backers say.", "ASSAULT"),
    ("The group worked to put the candidates on alert about climate change.", "MOBILIZE"),
    ("Congress passed a stimulus package for the economy.", "AID"),
    ("Tenants occupy the Culver City studio.", "ASSAULT"),
    ("The minister warned that inflation would rise next year.", "THREATEN"),
    ("The store charged customers extra for bags.", "ACCUSE"),
    ("The bank charged interest at 5 percent.", "ACCUSE"),
    ("The study supported the theory that the virus spread early.", "SUPPORT"),
    ("She invited comments from the public.", "REQUEST"),
    ("They threw a party for the team.", "PROTEST"),
    ("They threw a party for the team.", "ASSAULT"),
    ("The coach handed the captain the trophy.", "COOPERATE"),
    ("The mayor opened a new bridge.", "RETREAT"),
    ("The senator called the minister on Monday.", "REQUEST"),
    # campaign support and pressure by interviewers are no events between actors
    ("Sanders has supported stem cell research in the Senate.", "SUPPORT"),
    ("Pressed by the host, the senator declined to answer.", "REQUEST"),
    ("The couple were not invited to the wedding.", "REQUEST"),
    ("Fans complained about the actor on social media.", "ACCUSE"),
    ("The issues are being fought and litigated in court.", "ASSAULT"),
    ("The administration opened new family detention centers.", "COERCE"),
    ("The senator said his rival was behind the rumours.", "ACCUSE"),
    ("Trump clashed with Zuckerberg over encryption after the mass shooting.", "ASSAULT"),
    ("The ad targets young men who love guns and violence.", "ASSAULT"),
    ("He defaulted on his loan and lost control to lenders.", "AID"),
    ("Japan pledged to send aid to the Philippines.", "THREATEN"),
    ("The governor pardoned a turkey for Thanksgiving.", "RETREAT"),
    ("The company raised prices on Monday.", "SANCTION"),
    # a compound cue inside another noun cue is not a second event
    ("Azerbaijan reported ceasefire violations by Armenian forces.", "RETREAT"),
    # campaign metaphors of war and protest
    ("Members of the group locked themselves together before occupying the lobby area.", "ASSAULT"),
    ("I walked out of that tragedy feeling I had a mission.", "PROTEST"),
    ("Clinton is pounding him on the gun issue.", "ASSAULT"),
    ("Sanders and Clinton exchange shots as crucial contest nears.", "ASSAULT"),
    ("Governors cannot suspend constitutional rights or state laws.", "CONCEDE"),
    ("The adviser spoke on condition of anonymity to share internal information.", "COOPERATE"),
    ("The senator spent Sunday seeking to shore up support among young voters.", "REQUEST"),
    ("She had been invited to give a keynote address to a conference on business.", "REQUEST"),
    ("Cruz invited him on a trip to the border, after meeting with him in July.", "REQUEST"),
    ("China struck back at the United States with new tariffs.", "ASSAULT"),
    ("The remark struck a nerve in Washington.", "ASSAULT"),
    ("Ukraine struck a grain deal with Turkey and Russia.", "ASSAULT"),
    ("The minister struck a conciliatory tone.", "ASSAULT"),
    ("Russia launched a new diplomatic campaign at the UN.", "ASSAULT"),
    ("The company sold its stake to investors.", "COOPERATE"),
    ("He gave a speech in Berlin.", "AID"),
    ("The airline resumed flights to Cairo.", "MOBILIZE"),
    ("The rain kept fans from reaching the stadium.", "COERCE"),
    ("The company withdrew from the race for the contract.", "SANCTION"),
    ("The storm stripped the trees of their leaves.", "COERCE"),
    ("Police prevented the fire from spreading to the houses.", "COERCE"),
    ("She returned to the table with dessert.", "AGREE"),
    # a noun tagged as a verb ("missile strikes" parsed as a clause) is no attack by the
    # sentence's subject
    ("Kyiv has been subjected to shelling and missile strikes nightly.", "ASSAULT-UKR"),
    # a standing, not an act of recognition
    ("Nagorno-Karabakh is internationally recognised as part of Azerbaijan.", "SUPPORT"),
    ("Pyongyang fired two cruise missiles into the waters off its west coast.", "ASSAULT"),
    ("The minister burst into tears after the vote.", "ASSAULT"),
    ("Rwanda's government denied sending troops into Congo.", "MOBILIZE"),
    ("The Polisario Front rejects the widely recognised border.", "SUPPORT"),
]


@pytest.mark.parametrize(("text", "type_"), NEGATIVES)
def test_other_sense_is_not_coded(analyse: Analyse, text: str, type_: str) -> None:
    # "TYPE-XXX": no event of that type with source country XXX
    coded = {e.type for e in analyse(text).events} | {
        f"{e.type}-{e.source.country}" for e in analyse(text).events if e.source}
    assert type_ not in coded


@pytest.mark.parametrize(
    ("text", "source", "other"),
    [
        ("Britain and France condemned the vote.", "GBR", "FRA"),
        ("Russia and Belarus withdrew troops from the border.", "RUS", "BLR"),
        ("Poland and Lithuania closed their borders on Friday.", "POL", "LTU"),
        ("Russia and Belarus freed the two journalists.", "RUS", "BLR"),
    ],
)
def test_one_sided_acts_of_coordinated_subjects_are_not_mutual(
        analyse: Analyse, text: str, source: str, other: str) -> None:
    """Only mutual types (reciprocal_types) make coordinated subjects each other's target."""
    pairs = {(e.source and e.source.country, e.target and e.target.country)
             for e in analyse(text).events}
    assert (source, other) not in pairs and (other, source) not in pairs, pairs
