"""The pipeline: parsed offsets equal article offsets; one failing stage loses nothing."""

from __future__ import annotations

from conftest import assert_offsets
from fivew import nlp as nlp_module
from fivew.ingest import from_text
from fivew.pipeline import Pipeline, Stage, analysable_text
from fivew.records import Article

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
    # Captions, title and byline are blanked: the parser never sees them.
    assert "snowplough" not in masked and "Storm Closes" not in masked
    assert "Schools in three counties" in masked


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
