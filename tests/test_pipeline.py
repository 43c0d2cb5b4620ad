"""The pipeline: parsed offsets equal article offsets; one failing stage loses nothing."""

from __future__ import annotations

import pytest

from conftest import assert_offsets
from fivew import nlp as nlp_module
from fivew.ingest import from_text
from fivew.pipeline import Pipeline, Stage, analysable_text, extra_parts, extras_text
from fivew.records import Article, Part

ARTICLE = """Storm Closes Schools Across the Region
Kim Osei
January 9, 2024

Schools in three counties stayed closed on Tuesday as a winter storm
brought heavy snow to the region, officials in Yorkshire said.

Forecasters said more snow would fall overnight. Roads remained icy.
A snowplough clears a road near Leeds, England, on Jan. 9, 2024. (Jon Marsh/PA via AP)
The council said it had gritted 300 miles of road since Sunday.
"""


def test_model_is_loaded_once() -> None:
    assert nlp_module.load() is nlp_module.load()


def test_parsed_offsets_are_article_offsets(pipeline: Pipeline) -> None:
    article = from_text(ARTICLE)
    masked = analysable_text(article)
    assert len(masked) == len(article.text)
    doc = pipeline.nlp(masked)
    for token in doc:
        if not token.is_space:
            assert article.text[token.idx : token.idx + len(token)] in (token.text, token.text.replace(" ", "\n"))
    # Captions, title and byline are blanked: the body parse never sees them.
    assert "snowplough" not in masked and "Storm Closes" not in masked
    assert "Schools in three counties" in masked
    # The title and captions are a second text, with the same offsets.
    extras = extras_text(article)
    assert extras is not None and len(extras) == len(article.text)
    assert "snowplough" in extras and "Storm Closes" in extras
    assert "Schools in three" not in extras and "Kim Osei" not in extras


def test_no_sentence_crosses_a_paragraph(pipeline: Pipeline) -> None:
    article = from_text(ARTICLE)
    doc = pipeline.nlp(analysable_text(article))
    for sent in doc.sents:
        inside = [p for p in article.body if p.start <= sent.start_char < p.end]
        if inside and not sent.text.isspace():
            assert sent.start_char + len(sent.text.rstrip()) <= inside[0].end, sent.text
    # Hard-wrapped lines inside one paragraph still make one sentence.
    first = next(s for s in doc.sents if "Schools in three counties" in s.text)
    assert "officials in Yorkshire said" in first.text


def test_a_failing_stage_is_recorded_and_others_still_run() -> None:
    def broken(doc, article):  # type: ignore[no-untyped-def]
        raise ValueError("boom")

    stages = (Stage("quotes", broken), Stage("entities", lambda doc, article: ["ran"]))
    (article,) = Pipeline(stages=stages).run([from_text(ARTICLE)])
    assert article.ok
    assert article.entities == ["ran"]
    assert [e.code for e in article.errors] == ["internal"] and "quotes" in article.errors[0].message


def test_failed_articles_pass_through_in_order(pipeline: Pipeline) -> None:
    articles = [from_text(""), from_text(ARTICLE), from_text("   ")]
    out = list(pipeline.run(articles))
    assert [a.ok for a in out] == [False, True, False]
    assert "Yorkshire" in [e.text for e in out[1].entities]


def test_every_span_in_the_output_quotes_the_text(pipeline: Pipeline) -> None:
    (article,) = pipeline.run([from_text(ARTICLE)])
    assert isinstance(article, Article)
    assert_offsets(article)


HEADLINED = """Floods Cut Off Villages Near Porto as Rivers Burst Their Banks
Ana Ribeiro
March 4, 2024

Rescue crews reached stranded families on Sunday after heavy rain, the agency said.

"We have never seen the water rise this fast," said Rui Costa, the agency's chief.
Volunteers carry sandbags in Braga, Portugal, on March 3, 2024. (Luis Vieira/AP)
Schools will stay closed until Wednesday, officials said.
Volunteers carry sandbags in Braga, Portugal, on March 3, 2024. (Luis Vieira/AP)
"""


def test_title_and_captions_give_places_and_dates(pipeline: Pipeline) -> None:
    (article,) = pipeline.run([from_text(HEADLINED)])
    places = {p.name: p.country for p in article.places}
    assert places.get("Porto") == "PRT" and places.get("Braga") == "PRT"
    assert "March 3, 2024" in [d.text for d in article.dates]
    assert_offsets(article)


def test_a_repeated_caption_is_analysed_once(pipeline: Pipeline) -> None:
    article = from_text(HEADLINED)
    extras = extras_text(article)
    assert extras is not None and extras.count("Volunteers carry sandbags") == 1
    (article,) = pipeline.run([article])
    assert len(article.captions) == 2
    assert [p.text for p in article.places].count("Braga") == 1
    assert [d.text for d in article.dates].count("March 3, 2024") == 1


@pytest.mark.parametrize("text", [HEADLINED, ARTICLE])
def test_entities_quotes_and_events_come_from_the_body_only(pipeline: Pipeline, text: str) -> None:
    (article,) = pipeline.run([from_text(text)])
    body = article.body
    assert article.quotes and article.entities
    mentions = [m for e in article.entities for m in e.mentions]
    triggers = [e.trigger for e in article.events]
    for record in [*article.quotes, *triggers, *mentions, *article.entities]:
        assert any(p.start <= record.start < p.end for p in body), record


def test_without_layout_there_is_no_second_parse() -> None:
    assert extras_text(from_text(HEADLINED, layout=False)) is None


def _article(lines: list[tuple[str, str]]) -> Article:
    """An article whose parts are the given (kind, line) pairs, one per line."""
    text, parts, at = "", [], 0
    for kind, line in lines:
        parts.append(Part(kind, at, at + len(line)))  # type: ignore[arg-type]
        text += line + "\n"
        at = len(text)
    return Article(id="a", source="test", text=text, parts=parts)


@pytest.mark.parametrize(("lines", "extra"), [
    # The title and a caption are parsed apart from the body; the byline is not parsed.
    ([("title", "Quake Hits Central Chile"), ("byline", "By Ana Ruiz"),
      ("body", "A strong quake struck near Talca on Monday."),
      ("caption", "Rescuers search rubble in Talca, Chile, on March 4. (AP)")],
     ["title", "caption"]),
    # The same caption twice (hard-wrapped differently) is parsed once.
    ([("body", "Rain fell all week."), ("caption", "Boats moored in Hull harbour."),
      ("body", "Ferries were cancelled."), ("caption", "Boats moored  in Hull\nharbour.")],
     ["caption"]),
    # A caption or headline whose words the body already holds is not parsed again.
    ([("title", "Strike shuts Lisbon port"),
      ("body", "Dockers walked out on Friday. Strike shuts Lisbon port, the union said."),
      ("caption", "Dockers walked out on Friday.")],
     []),
    # No body paragraph: the whole text is the body parse, nothing is extra.
    ([("title", "Storm warning for Oslo")], []),
])
def test_extra_parts(lines: list[tuple[str, str]], extra: list[str]) -> None:
    article = _article(lines)
    assert [p.kind for p in extra_parts(article)] == extra
    masked = analysable_text(article)
    extras = extras_text(article)
    assert len(masked) == len(article.text)
    assert extras is None or len(extras) == len(article.text)
    for part in article.parts:
        original = article.text[part.start : part.end]
        in_body = masked[part.start : part.end] == original.replace("\n", " ")
        in_extras = extras is not None and extras[part.start : part.end] == original.replace("\n", " ")
        assert in_body == (part.kind == "body" or not article.body)
        assert in_extras == (part in extra_parts(article))


def _page(title: str, body: str) -> str:
    return f"{title}\nStaff Reporter\nJune 5, 2024\n\n{body}\n"


@pytest.mark.parametrize(("title", "body", "want", "not_places"), [
    ("Turkey Presses Moscow to Revive Grain Deal as Black Sea Ports Come Under Fire",
     "Turkish officials urged Russia on Wednesday to return to the grain agreement.",
     {"Moscow": "RUS", "Turkey": "TUR"}, {"Deal"}),
    ("School Board Backs New Reading Program for Columbus Students",
     "The board in Ohio voted 5-2 on Tuesday to fund the literacy plan.",
     {"Columbus": "USA"}, {"Reading"}),
    ("Floods Strand Drivers Outside Graz as Austria Counts the Cost",
     "Rescuers freed motorists on Tuesday, Austrian officials said.",
     {"Graz": "AUT", "Austria": "AUT"}, set()),
])
def test_headline_places(pipeline: Pipeline, title: str, body: str, want: dict[str, str],
                         not_places: set[str]) -> None:
    """Title case makes every word look like a name: town names in a headline need the
    article to point at their country; countries and big labelled places need not."""
    (article,) = pipeline.run([from_text(_page(title, body))])
    headline = {p.name: p.country for p in article.places if p.end <= len(title)}
    for name, country in want.items():
        assert headline.get(name) == country, headline
    assert not not_places & {p.text for p in article.places}, headline


HARD_WRAPPED = [  # paragraphs hard-wrapped inside names and phrases, as text dumps often are
    "Fires spread north of the town of Castelo Branco on Monday, the regional\n"
    "civil protection agency said, as crews from three districts arrived.\n\n"
    "\"We evacuated 300 homes overnight and more will follow,\" the agency said in\n"
    "a statement, adding that two firefighters had been taken to hospital.",
    "Prime Minister Ana Silva told reporters in Lisbon on Tuesday that the\n"
    "budget would pass before the summer recess, according to the\n"
    "Finance Ministry, which has spent weeks negotiating with the opposition.",
    "The talks in Geneva will resume on Monday after a pause of two weeks, the United\n"
    "Nations said, adding that both delegations had agreed to the new schedule.",
]


@pytest.mark.parametrize("text", HARD_WRAPPED)
def test_spans_across_hard_line_breaks_quote_the_text(pipeline: Pipeline, text: str) -> None:
    text = "Officials Report on the Week\n\n" + text  # a headline, then the wrapped body
    article = next(pipeline.run([from_text(text, published="2024-07-01")]))  # layout read
    assert article.quotes or article.places or article.entities
    assert_offsets(article)
