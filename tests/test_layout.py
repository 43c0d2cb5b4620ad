"""Plain-text layout: title, captions, byline, dates, body, bio and boilerplate.

Articles under tests/articles/layout/ were written for these tests in the shape of news
text dumps; expected.json was checked by hand against each file.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from fivew.ingest import from_text
from fivew.ingest.text import Line, is_byline, is_caption, parse_date, read_layout

HERE = Path(__file__).parent / "articles" / "layout"
EXPECTED = json.loads((HERE / "expected.json").read_text())
CASES = [name for name in EXPECTED if not name.startswith("_")]


def texts(article, kind):  # type: ignore[no-untyped-def]
    return [article.text[p.start : p.end] for p in article.parts if p.kind == kind]


@pytest.mark.parametrize("name", CASES)
def test_layout_of_handwritten_articles(name: str) -> None:
    expected = EXPECTED[name]
    article = from_text((HERE / name).read_text(encoding="utf-8"), name)
    assert article.title == expected["title"]
    assert article.authors == expected["authors"]
    assert article.published == expected["published"]
    assert article.updated == expected["updated"]
    assert len(article.captions) == expected["captions"]
    body = [article.text[p.start : p.end] for p in article.body]
    assert len(body) == expected["body"]
    assert body[0].startswith(expected["first_body"])
    assert body[-1] == expected["last_body"]
    bios = texts(article, "bio")
    assert len(bios) == len(expected["bio"])
    for bio, start in zip(bios, expected["bio"], strict=True):
        assert bio.startswith(start)
    assert texts(article, "boilerplate") == expected["boilerplate"]
    # Nothing that is not body leaks into the body.
    for kind in ("caption", "bio", "boilerplate", "title", "byline"):
        for text in texts(article, kind):
            assert text not in body


@pytest.mark.parametrize("name", CASES)
def test_parts_do_not_overlap_and_quote_the_text(name: str) -> None:
    text = (HERE / name).read_text(encoding="utf-8")
    parts = read_layout(text).parts
    for a, b in zip(parts, parts[1:], strict=False):
        assert a.end <= b.start
    for part in parts:
        assert text[part.start : part.end].strip() == text[part.start : part.end] != ""


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Protesters march in central Lima, Peru, on Jan. 5, 2023. (Ana Ruiz/Reuters)", True),
        ("A man walks past a damaged building in Kharkiv. (AP Photo/Evgeniy Maloletka)", True),
        ("Firefighters at the scene on Sunday. (File photo)", True),
        ("The minister (left) meets the press.", False),
        ("Sales rose in the third quarter (see chart).", False),
        ("Inflation hit 9.1 percent (the highest since 1981)", False),
    ],
)
def test_caption_needs_a_photo_credit(line: str, expected: bool) -> None:
    assert is_caption(Line(0, len(line), line)) is expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Jane Doe", True),
        ("By Jane Doe and Omar Farouk", True),
        ("By Marie de la Cruz", True),
        ("Ursula von der Leyen", True),
        ("Police said on Monday", False),
        ("Officials said the talks failed.", False),
        ("Updated 3/21/2022", False),
    ],
)
def test_byline(line: str, expected: bool) -> None:
    assert is_byline(Line(0, len(line), line)) is expected


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("3/21/2022", "2022-03-21"),
        ("Published: March 3, 2021", "2021-03-03"),
        ("Updated Sept. 9, 2020 10:14 a.m. ET", "2020-09-09"),
        ("14 June 2024", "2024-06-14"),
        ("2022-11-17T08:00:00Z", "2022-11-17"),
        ("2/30/2022", None),
        ("Kyiv, Ukraine", None),
    ],
)
def test_parse_date(text: str, iso: str | None) -> None:
    assert parse_date(text) == iso


def test_text_without_layout_cues_is_all_body() -> None:
    text = (
        "The council met on Tuesday and approved the plan after a long debate.\n"
        "Residents said they were relieved that the works would start in spring."
    )
    article = from_text(text)
    assert len(article.body) == 2
    assert article.title is None or article.title not in [article.text[p.start:p.end] for p in article.body]


WRAPPED = [  # (a hard-wrapped body paragraph, after a headline and a blank line)
    "The minister said on Friday that the new rules would apply from January, according to\n"
    "Reuters, which saw a draft of the text before it was published.",
    "Farmers blocked the main roads into the capital for a third day on Thursday, and\n"
    "Police said they would not intervene as long as the protest stayed peaceful.",
    "Talks between the two delegations resumed in Doha after a break of ten days, with\n"
    "Qatari mediators shuttling between the rooms, officials familiar with them said.",
    "The court ruled that the ban was lawful and rejected the appeal brought by the\n"
    "Association of Independent Publishers, ending a case that began in 2021.",
]


WRAPPED_AT_A_NAME = [  # a break inside a multi-word name, after the block is proven wrapped
    "The finance ministry said on Tuesday that it would cut spending on roads by a\n"
    "third next year, a decision that drew sharp criticism from the Transport\n"
    "Ministry and from the unions representing road workers across the country.",
    "Rescue crews worked through the night in the flooded districts of the city and\n"
    "were joined on Sunday morning by volunteers sent by the Red\n"
    "Cross.",
    "The airline cancelled more than two hundred flights over the weekend, and the\n"
    "chief executive apologised in a letter to customers published by the Evening\n"
    "Standard, saying the disruption would be over by Wednesday at the latest.",
]


@pytest.mark.parametrize("paragraph", WRAPPED_AT_A_NAME)
def test_a_wrapped_block_runs_on_at_a_capitalised_word(paragraph: str) -> None:
    text = "Officials Report on the Week\n\n" + paragraph
    body = [p for p in read_layout(text).parts if p.kind == "body"]
    assert [text[p.start : p.end] for p in body] == [paragraph]


def test_a_wrapped_caption_does_not_swallow_the_byline_below_it() -> None:
    text = ("Ministers Meet in Rome to Discuss the Grain Deal\n\n"
            "Delegates arrive for the talks in Rome on Monday, where ministers from the\n"
            "six countries meet (Photo by Anna Rossi/Reuters)\n"
            "By Tom Reed\n\n"
            "Ministers from six countries met in Rome on Monday to discuss the deal.")
    kinds = {text[p.start : p.end]: p.kind for p in read_layout(text).parts}
    assert kinds.get("By Tom Reed") == "byline", kinds


@pytest.mark.parametrize("paragraph", WRAPPED)
def test_a_line_ending_mid_phrase_runs_on_into_a_capitalised_line(paragraph: str) -> None:
    text = "Officials Report on the Week\n\n" + paragraph
    body = [p for p in read_layout(text).parts if p.kind == "body"]
    assert [text[p.start : p.end] for p in body] == [paragraph]


def test_a_headline_is_not_run_on_into_the_caption_below_it() -> None:
    text = ("Ministers Meet in Rome to Discuss the Future of the Grain Corridor Deal\n"
            "Delegates arrive for the talks in Rome. (Photo by Anna Rossi/Reuters)\n"
            "By Tom Reed\n\n"
            "Ministers from six countries met in Rome on Monday to discuss the deal.")
    kinds = [p.kind for p in read_layout(text).parts]
    assert kinds[:3] == ["title", "caption", "byline"], kinds


SHORT_FIRST_SENTENCES = [  # (text, the line that must open the body)
    ("Russia shelled Kyiv on Monday.\nThe mayor said five people died in the attack.",
     "Russia shelled Kyiv on Monday."),
    ("Flood Warnings Issued Across the North\n\nRivers burst their banks.\n"
     "Officials in three counties ordered evacuations overnight, the agency said.",
     "Rivers burst their banks."),
    ("Ceasefire Talks Resume in Doha\nBy Anna Rossi.\n\nThe talks resumed on Sunday.\n"
     "Mediators said both delegations had arrived.",
     "The talks resumed on Sunday."),
]


@pytest.mark.parametrize(("text", "opening"), SHORT_FIRST_SENTENCES)
def test_a_short_sentence_with_a_full_stop_opens_the_body(text: str, opening: str) -> None:
    body = [text[p.start : p.end] for p in read_layout(text).parts if p.kind == "body"]
    assert body and body[0] == opening, read_layout(text).parts


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # a headline's scare quote is no sentence end; a paragraph's closing quote is
        ('Tunisia widens crackdown on critics as Saied rejects foreign "interference"', False),
        ("Orban calls the decision “completely senseless”", False),
        ('Zelenskiy hailed the move as a victory for Ukraine and for all of Europe, and said the '
         'country had been given "a strong signal of hope"', True),
        ("Officials said the talks had failed on Monday night.", True),
    ],
)
def test_a_closing_quote_ends_a_paragraph_not_a_headline(line: str, expected: bool) -> None:
    assert Line(0, len(line), line).is_prose is expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # an initialism's full stop ends no headline; a sentence before it, or a long
        # line, is prose
        ("Protesters bang pots as police detain dozens, Havana blames U.S.", False),
        ("Iran rejects talks with the U.S.", False),
        ("Sanctions were lifted on Monday. The talks moved to the U.S.", True),
        ("The minister said the ships had been seized by a navy patrol sent by the U.S.", True),
    ],
)
def test_an_initialism_ends_no_headline(line: str, expected: bool) -> None:
    assert Line(0, len(line), line).is_prose is expected


@pytest.mark.parametrize(
    ("headline", "header", "published"),
    [
        # a scare quote or an initialism at a headline's end is no sentence end: the lines
        # after it are still the byline and the date
        ('Saied rejects foreign "interference"', "By Yassine Gharbi\nFebruary 25, 2023",
         "2023-02-25"),
        ("Protesters bang pots as police detain dozens, Havana blames U.S.",
         "By Ana Ruiz\nOctober 22, 2024", "2024-10-22"),
    ],
)
def test_an_odd_headline_end_keeps_the_header(headline: str, header: str, published: str) -> None:
    text = (f"{headline}\n\n{header}\n\nCITY (Wire) - Police arrested a prominent opposition "
            "politician on Friday, his lawyer said.")
    layout = read_layout(text)
    assert (layout.title, layout.published) == (headline, published)
