"""The issue's example questions as `fivew` commands, end to end, without SQL.

Our test articles (tests/articles, plus one written here about ceasefire talks) go through
`fivew ingest` and the real pipeline; then `fivew query` answers "quotes by <speaker>",
"events of type T between countries A and B in a month" and "who spoke about <word>". Each
answer is checked against the same question asked, in Python, of the records the pipeline
produces for the same files, so the test holds whatever the extraction stages find.
"""

from __future__ import annotations

import json
import shutil
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from fivew.cli import main
from fivew.ingest import read_paths
from fivew.pipeline import Pipeline
from fivew.records import Article, Event

pytestmark = pytest.mark.slow
ARTICLES = Path(__file__).parent / "articles"

CEASEFIRE_TALKS = (
    "Mediators press for river border ceasefire\n\n"
    "By Lena Ortmann\n\n"
    "April 3, 2024\n\n"
    "Mediators from the African Union pressed both sides on Wednesday to accept a 30-day "
    "ceasefire along the disputed river border, as fighting drove thousands of families from "
    "their homes.\n\n"
    "\u201cA ceasefire is the only way to get food to the people who need it,\u201d said Amina "
    "Diallo, the African Union envoy, after a day of closed-door meetings.\n\n"
    "\u201cWe have not rejected the ceasefire, but we need guarantees that the other side will "
    "stop shelling our towns,\u201d the government's chief negotiator, Joseph Malek, told "
    "reporters.\n\n"
    "Aid agencies said more than 40,000 people had fled since February. \u201cEvery day "
    "without a truce costs lives,\u201d said Ruth Okafor, who runs a clinic near the border.\n\n"
    "\u201cThe harvest is lost already,\u201d said Samuel Achebe, a farmer from the area.\n\n"
    "Talks are due to resume on Friday."
)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory,
           pipeline: Pipeline) -> tuple[str, list[Article]]:
    """(database ingested by `fivew ingest`, the pipeline's records for the same files)."""
    folder = tmp_path_factory.mktemp("questions") / "in"
    folder.mkdir()
    for path in ARTICLES.glob("*.txt"):
        shutil.copy(path, folder / path.name)
    (folder / "ceasefire-talks.txt").write_text(CEASEFIRE_TALKS, encoding="utf-8")
    db = str(folder.parent / "questions.duckdb")
    result = CliRunner().invoke(main, ["ingest", str(folder), "--db", db, "--quiet"])
    assert result.exit_code == 0, result.output
    articles = list(pipeline.run(read_paths([str(folder)])))
    assert all(a.ok for a in articles)
    return db, articles


def ask(db: str, *args: str) -> list[dict]:
    # a limit above any answer here: "--speaker in" matches over a thousand quotes of the
    # 165 test articles ("minister", "Putin")
    result = CliRunner().invoke(main, ["query", *args, "--db", db, "--format", "json",
                                       "--limit", "100000"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_quotes_by_a_speaker(corpus: tuple[str, list[Article]]) -> None:
    """`fivew query quotes --speaker NAME`: any speaker, by part of the name, any case."""
    db, articles = corpus
    quotes = [(a.id, q) for a in articles for q in a.quotes if q.speaker]
    surnames = sorted({q.speaker.name.split()[-1] for _, q in quotes if q.speaker})
    assert len(surnames) >= 20
    for surname in surnames:
        needle = surname.lower()
        expected = {(aid, q.start, q.end) for aid, q in quotes if q.speaker and (
            needle in q.speaker.name.lower() or needle in q.speaker.text.lower())}
        rows = ask(db, "quotes", "--speaker", needle)
        assert {(r["article_id"], r["start"], r["end"]) for r in rows} == expected, surname
        for row in rows:  # each answer carries its evidence
            text = next(a.text for a in articles if a.id == row["article_id"])
            assert text[row["start"]:row["end"]] == row["text"]


def month_of(article: Article, event: Event) -> str:
    """YYYY-MM of the event's own date (first day of an interval), else of publication."""
    value = event.date.value if event.date and event.date.value else article.published or ""
    return (value.split("/")[0] + "-01-01")[:7]


def test_events_of_a_type_between_two_countries_in_a_month(
    corpus: tuple[str, list[Article]]
) -> None:
    """`fivew query events --type T --between A B --since YYYY-MM --until YYYY-MM`."""
    db, articles = corpus
    events = [(a, e) for a in articles for e in a.events
              if e.source and e.target and e.source.country and e.target.country
              and e.source.country != e.target.country]
    questions = {(e.type, frozenset((e.source.country, e.target.country)), month_of(a, e))
                 for a, e in events if e.source and e.target}
    assert any(kind == "REJECT" for kind, _, _ in questions)
    assert len(questions) >= 10
    for kind, pair, month in sorted(questions, key=str):
        a_country, b_country = sorted(pair)
        rows = ask(db, "events", "--type", kind, "--between", b_country, a_country,
                   "--since", month, "--until", month)  # "in March 2022": 2022-03
        expected = {(art.id, e.evidence.start, e.trigger.start) for art, e in events
                    if e.type == kind and e.source and e.target
                    and {e.source.country, e.target.country} == pair and month_of(art, e) == month}
        got = {(r["article_id"], r["evidence_start"], r["trigger_start"]) for r in rows}
        assert got == expected, (kind, pair, month)
        assert all(r["event_date"].startswith(month) for r in rows)


@pytest.mark.parametrize("word", ["ceasefire", "truce", "talks", "water", "police"])
def test_who_spoke_about_a_word(corpus: tuple[str, list[Article]], word: str) -> None:
    """`fivew query speakers --about WORD`: speakers with how many of their quotes say it."""
    db, articles = corpus
    expected = Counter(q.speaker.name for a in articles for q in a.quotes
                       if q.speaker and word in q.text.lower())
    rows = ask(db, "speakers", "--about", word)
    assert {r["speaker"]: r["quotes"] for r in rows} == dict(expected)
    if word == "ceasefire":  # the talks article above has two speakers saying it
        assert len(expected) >= 2
