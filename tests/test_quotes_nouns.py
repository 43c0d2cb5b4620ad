"""Statement nouns as cues ("the claim by X that ...", "X's warning that ..."), on news-style
sentences written for these tests: what counts, and what must not."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from conftest import assert_offsets, only_quote
from fivew.records import Article

Analyse = Callable[..., Article]

FOUND = [
    # (text, content fragment, speaker fragment, cue noun)
    ("The claim by Senator Tom Reed that the vote was rigged was rejected by the court.",
     "the vote was rigged", "Reed", "claim"),
    ("Officials rejected the allegation by the union that wages had fallen by a fifth.",
     "wages had fallen by a fifth", "union", "allegation"),
    ("The company dismissed the union's allegation that wages had fallen by a fifth.",
     "wages had fallen by a fifth", "union", "allegation"),
    ("Diplomats welcomed the assurance by Foreign Minister Lena Dahl that the embassy "
     "would stay open.", "the embassy would stay open", "Lena Dahl", "assurance"),
    ("The ministry's statement that the outbreak was under control came hours before "
     "new cases were reported.", "the outbreak was under control", "ministry", "statement"),
    ("Mayor Carla Ruiz toured the town. Residents ignored her warning that the river could "
     "flood the old town by Friday.", "the river could flood the old town", "her",
     "warning"),
    ("Residents ignored the warning by the mayor that the river could flood the old town.",
     "the river could flood the old town", "mayor", "warning"),
    ("The judge weighed the suggestion from defence lawyers that the evidence had been "
     "planted.", "the evidence had been planted", "lawyers", "suggestion"),
    ("Investors ignored the central bank's prediction that inflation would ease next year.",
     "inflation would ease next year", "bank", "prediction"),
]


@pytest.mark.parametrize(("text", "content", "speaker", "cue"), FOUND)
def test_statement_noun_with_source_and_that_clause(analyse: Analyse, text: str,
                                                    content: str, speaker: str,
                                                    cue: str) -> None:
    article = analyse(text)
    assert_offsets(article)
    q = only_quote(article, content)
    assert q.kind == "indirect"
    assert q.cue is not None and q.cue.text == cue, q.cue
    assert q.speaker is not None and speaker in q.speaker.text, q.speaker
    assert not q.text.startswith("that")


NOT_STATEMENTS = [
    # a relative clause about the statement, not its content
    "The claim that the senator made on Monday was false.",
    "Reporters read the statement that the ministry issued after midnight.",
    "The statement that was issued on Monday ran to two pages.",
    # no named source
    "The claim that the vote was rigged has been debunked repeatedly.",
    "There were warnings that the dam could fail.",
    # a statement noun without a that-clause
    "The union's statement came after a long meeting with managers.",
    "Her remarks on the budget drew applause from delegates.",
]


@pytest.mark.parametrize("text", NOT_STATEMENTS)
def test_statement_noun_needs_source_and_content(analyse: Analyse, text: str) -> None:
    article = analyse(text)
    assert_offsets(article)
    assert [q for q in article.quotes if q.cue is not None and q.cue.text in (
        "claim", "statement", "warnings", "remarks")] == []


SAID_NO = [
    ("Officials said no decision had been made on the pipeline.",
     "no decision had been made", "Officials"),
    ("Police said no one had been hurt in the blast.", "no one had been hurt", "Police"),
    ("Asked whether the talks had failed, negotiator Kim Laine said no deal was possible "
     "before June.", "no deal was possible before June", "Kim Laine"),
]


@pytest.mark.parametrize(("text", "content", "speaker"), SAID_NO)
def test_said_no_opening_the_reported_clause(analyse: Analyse, text: str, content: str,
                                             speaker: str) -> None:
    """"said no" is no statement only when "no" is the answer ("said no to the plan")."""
    article = analyse(text)
    assert_offsets(article)
    q = only_quote(article, content)
    assert q.speaker is not None and speaker in q.speaker.text


@pytest.mark.parametrize("text", ["The council said no to the stadium plan on Tuesday.",
                                  "Asked if he would run again, the mayor said no."])
def test_said_no_as_an_answer_has_no_content(analyse: Analyse, text: str) -> None:
    article = analyse(text)
    assert [q.text for q in article.quotes if "to the stadium" in q.text
            or q.text.startswith("no")] == []


AUTHORS = [
    ("A statement from the Transport Ministry said the shortages were temporary.",
     "the shortages were temporary", "Transport Ministry"),
    ("The report, released by the energy agency on Monday, said emissions had risen "
     "for a third year.", "emissions had risen", "agency"),
    ("The union's letter said members would walk out on Friday.",
     "members would walk out on Friday", "union"),
    ("A court filing by Harlow Mining said the permits had been granted lawfully.",
     "the permits had been granted lawfully", "Harlow Mining"),
]


@pytest.mark.parametrize(("text", "content", "author"), AUTHORS)
def test_document_subject_speaks_for_its_author(analyse: Analyse, text: str, content: str,
                                                author: str) -> None:
    article = analyse(text)
    assert_offsets(article)
    speaker = only_quote(article, content).speaker
    assert speaker is not None and author in speaker.text, speaker
    assert not any(w in speaker.text.lower() for w in ("statement", "report", "letter",
                                                         "filing")), speaker


def test_document_without_named_author_stays_the_speaker(analyse: Analyse) -> None:
    article = analyse("A report of fraud in the district said ballots were missing.")
    speaker = only_quote(article, "ballots were missing").speaker
    assert speaker is not None and "report" in speaker.text


@pytest.mark.parametrize(("text", "first", "second", "speaker"), [
    ("“Thank you, son,” the senator replied, before adding that young people “should "
     "speak with respect.”", "Thank you, son", "should speak with respect", "senator"),
    ("“We will appeal,” Mayor Ines Duarte said, before adding that the ruling was "
     "“deeply flawed.”", "We will appeal", "deeply flawed", "Ines Duarte"),
    ("The minister answered the first question, after noting that the budget had been "
     "cut twice.", None, "the budget had been cut twice", "minister"),
])
def test_subjectless_cue_after_a_preposition_is_its_own_statement(
        analyse: Analyse, text: str, first: str | None, second: str, speaker: str) -> None:
    """"..., before adding that ...": the added words are a statement of their own, not
    the content of the first cue."""
    article = analyse(text)
    assert_offsets(article)
    if first is not None:
        q = [q for q in article.quotes if first in q.text]
        assert len(q) == 1 and second not in q[0].text, [x.text for x in article.quotes]
    q = [q for q in article.quotes if second in q.text]
    assert len(q) == 1, [x.text for x in article.quotes]
    assert first is None or first not in q[0].text
    assert q[0].speaker is not None and speaker in q[0].speaker.text
