"""Counts and casualty figures read from news sentences."""

from __future__ import annotations

import pytest

from fivew.extract.numbers import find_casualties, find_quantities, parse_number


@pytest.mark.parametrize(
    "text,value",
    [
        ("eight", 8),
        ("1,200", 1200),
        ("twenty-five", 25),
        ("tens of thousands", 20000),
        ("dozens", 24),
        ("two hundred thousand", 200000),
        ("1.5 million", 1500000),
        ("one hundred and twenty", 120),
        ("hundreds", 200),
        ("banana", None),
    ],
)
def test_parse_number(text: str, value: int | None) -> None:
    assert parse_number(text) == value


@pytest.mark.parametrize(
    "sentence,phrase,value,qualifier",
    [
        ("Officials said at least eight people were killed.", "at least eight", 8, "at least"),
        ("About 300 residents fled the village overnight.", "About 300", 300, "about"),
        ("Up to 4,000 troops could be deployed, the ministry said.", "Up to 4,000", 4000, "up to"),
        ("More than 1,300 civilians have died since the invasion.", "More than 1,300", 1300, "more than"),
        ("Nearly 200 homes were destroyed in the storm.", "Nearly 200", 200, "fewer than"),
        ("Some 2.5 million refugees have crossed the border.", "Some 2.5 million", 2500000, "about"),
        ("The blast wounded twelve soldiers.", "twelve", 12, "exact"),
        ("Dozens of protesters were detained on Sunday.", "Dozens", 24, "at least"),
        ("Tens of thousands of lives were saved, he said.", "Tens of thousands", 20000, "at least"),
        ("The fire destroyed a hundred and fifty houses.", "a hundred and fifty", 150, "exact"),
        ("As many as 40 people may be trapped under the rubble.", "As many as 40", 40, "up to"),
        ("No fewer than sixty-two sailors were rescued.", "No fewer than sixty-two", 62, "at least"),
        ("The army lost hundreds of tanks, analysts estimate.", "hundreds", 200, "at least"),
        ("An estimated 7,000 people marched through the city.", "An estimated 7,000", 7000, "about"),
    ],
)
def test_quantity_with_qualifier(nlp, sentence, phrase, value, qualifier) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(sentence)
    found = find_quantities(doc)
    assert found, sentence
    q = found[0]
    assert (q.text, q.value, q.qualifier) == (phrase, value, qualifier)
    assert sentence[q.start : q.end] == q.text


@pytest.mark.parametrize(
    "sentence",
    [
        "The war began on Feb. 24, 2022.",
        "He finished second in the race.",
        "Prices rose 7 percent in March.",
    ],
)
def test_dates_ranks_and_shares_are_not_counts(nlp, sentence: str) -> None:  # type: ignore[no-untyped-def]
    assert find_quantities(nlp(sentence)) == []


@pytest.mark.parametrize(
    "sentence,killed,injured",
    [
        ("At least eight people were killed by shelling.", 8, None),
        ("The strike killed 12 civilians and wounded 30 others.", 12, 30),
        ("Three soldiers died and five were injured in the ambush.", 3, 5),
        ("The death toll rose to 47 on Tuesday.", 47, None),
        ("Police said 15 people were hurt when the bus overturned.", None, 15),
        ("Tens of thousands of lives were saved, the minister claimed.", None, None),
        ("About 2,000 troops moved toward the border.", None, None),
        ("The attack left dozens of people dead.", 24, None),
    ],
)
def test_casualties(nlp, sentence, killed, injured) -> None:  # type: ignore[no-untyped-def]
    found = find_casualties(nlp(sentence))
    assert (found.killed.value if found.killed else None) == killed
    assert (found.injured.value if found.injured else None) == injured


def test_span_input_keeps_doc_offsets(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Rain fell all day. Rescuers found at least 14 bodies in the river.")
    sent = list(doc.sents)[1]
    (q,) = find_quantities(sent)
    assert doc.text[q.start : q.end] == "at least 14"
