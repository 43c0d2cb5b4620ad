"""`fivew ingest`, `fivew query` and `fivew export` through click's CliRunner on a real store."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from fivew.cli import main
from fivew.pipeline import Pipeline
from fivew.store import Store
from store_helpers import talks_article, write_corpus


@pytest.fixture()
def db(tmp_path: Path) -> str:
    """A store holding the hand-built article (one of every record kind)."""
    path = tmp_path / "cli.duckdb"
    with Store(path) as store:
        store.add([talks_article()])
    return str(path)


def run(*args: str) -> str:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stdout


def test_ingest_command_reports_and_resumes(tmp_path: Path, pipeline: Pipeline) -> None:
    folder = tmp_path / "in"
    write_corpus(folder)
    db = str(tmp_path / "ingest.duckdb")
    first = CliRunner().invoke(main, ["ingest", str(folder), "--db", db, "--quiet"])
    assert first.exit_code == 0, first.output
    assert "9 added" in first.stderr and "3 errors" in first.stderr
    again = CliRunner().invoke(main, ["ingest", str(folder / "*.txt"), "--db", db])  # progress on
    assert "0 added, 5 already stored" in again.stderr
    errors = json.loads(run("query", "errors", "--db", db, "--format", "json"))
    assert {e["code"] for e in errors} == {"empty", "binary", "unreadable"}


def test_query_quotes_by_speaker(db: str) -> None:
    rows = json.loads(run("query", "quotes", "--db", db, "--speaker", "vell", "--format", "json"))
    assert [r["speaker_name"] for r in rows] == ["Mara Vell"]
    assert rows[0]["text"].startswith("We will not sign")
    assert rows[0]["quote_date"] == "2022-03-14"


def test_db_can_be_given_to_the_query_group_or_by_environment(
    db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = json.loads(run("query", "--db", db, "quotes", "--about", "ceasefire", "--format", "json"))
    assert [r["speaker_name"] for r in rows] == ["Tomas Brek"]
    monkeypatch.setenv("FIVEW_DB", db)
    assert len(json.loads(run("query", "events", "--format", "json"))) == 2
    missing = CliRunner().invoke(main, ["query", "article", "no-such-id"])
    assert missing.exit_code == 1 and "no article with id 'no-such-id'" in missing.output


def test_query_events_between_countries_in_a_month(db: str) -> None:
    args = ["query", "events", "--db", db, "--type", "REJECT", "--between", "SLD", "NLD",
            "--since", "2022-03-01", "--until", "2022-03-31", "--format", "csv"]
    rows = list(csv.DictReader(io.StringIO(run(*args))))
    assert [(r["event_type"], r["source_country"], r["target_country"]) for r in rows] == [
        ("REJECT", "NLD", "SLD")
    ]
    april = run("query", "events", "--db", db, "--since", "2022-04-01", "--format", "json")
    assert json.loads(april) == []
    march = run("query", "events", "--db", db, "--type", "REJECT", "--between", "SLD", "NLD",
                "--since", "2022-03", "--until", "2022-03", "--format", "json")
    assert [r["event_type"] for r in json.loads(march)] == ["REJECT"]
    bad = CliRunner().invoke(main, ["query", "events", "--db", db, "--since", "March"])
    assert bad.exit_code == 2 and "use YYYY-MM-DD, YYYY-MM (a month)" in bad.output


def test_query_who_spoke_about_a_word_as_a_table(db: str) -> None:
    out = run("query", "speakers", "--db", db, "--about", "ceasefire")
    assert "Tomas Brek" in out and "Mara Vell" not in out


def test_query_sql_and_article(db: str) -> None:
    out = run("query", "sql", "SELECT event_type, count(*) AS n FROM events GROUP BY 1 "
              "ORDER BY 1", "--db", db, "--format", "jsonl")
    assert [json.loads(line) for line in out.splitlines()] == [
        {"event_type": "ASSAULT", "n": 1}, {"event_type": "REJECT", "n": 1}]
    article_id = talks_article().id
    record = json.loads(run("query", "article", article_id, "--db", db))
    assert len(record["quotes"]) == 2 and record["events"][0]["article_id"] == article_id
    bad = CliRunner().invoke(main, ["query", "sql", "SELECT * FROM nowhere", "--db", db])
    assert bad.exit_code == 1 and "SQL failed" in bad.output


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_export_events_round_trips(db: str, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"events.{fmt}"
    run("export", "--db", db, "--table", "events", "--format", fmt, "-o", str(out))
    if fmt == "parquet":
        rows = pq.read_table(out).to_pylist()
    elif fmt == "csv":
        rows = list(csv.DictReader(out.open(encoding="utf-8")))
    else:
        rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 2
    for column in ("event_id", "story_id", "event_date", "event_type", "source_actor",
                   "source_country", "target_actor", "target_country", "latitude", "longitude",
                   "evidence_text", "evidence_start", "evidence_end", "headline"):
        assert column in rows[0], column
    reject = next(r for r in rows if r["event_type"] == "REJECT")
    assert str(reject["event_date"]) == "2022-03-14"
    text = talks_article().text
    start, end = int(reject["evidence_start"]), int(reject["evidence_end"])
    assert text[start:end] == reject["evidence_text"]


def test_exported_parquet_reads_back_in_duckdb(db: str, tmp_path: Path) -> None:
    out = tmp_path / "quotes.parquet"
    run("export", "--db", db, "--table", "quotes", "--format", "parquet", "-o", str(out))
    with Store(db) as store:
        stored = store.sql("SELECT quote_id, text, speaker_name FROM quotes ORDER BY quote_id")
    back = duckdb.connect().execute(
        f"SELECT quote_id, text, speaker_name FROM '{out}' ORDER BY quote_id").fetchall()
    assert back == [tuple(r.values()) for r in stored]


def test_a_store_held_by_another_process_gives_a_clear_error(db: str) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c", "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); "
         "print('holding', flush=True); time.sleep(60)", db],
        stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "holding"
        result = CliRunner().invoke(main, ["query", "quotes", "--db", db])
        assert result.exit_code == 1
        assert "one process" in result.output and db in result.output
    finally:
        holder.kill()
        holder.wait()


POLECAT_FROM_FIVEW = {  # a header of POLECAT's event files -> the fivew column it holds
    "Event ID": "event_id", "Event Date": "event_date", "Event Type": "event_type",
    "Actor Name": "source_actor", "Actor Country": "source_country",
    "Primary Actor Sector": "source_sector", "Actor Title": "source_role",
    "Recipient Name": "target_actor", "Recipient Country": "target_country",
    "Primary Recipient Sector": "target_sector", "Placename": "place_name",
    "Raw Placename": "place_text", "Latitude": "latitude", "Longitude": "longitude",
    "GeoNames ID": "geonames_id", "Story ID": "article_id",
    "evidence_text": "evidence_text", "evidence_start": "evidence_start",
}
ICEWS_FROM_FIVEW = {
    "Event ID": "event_id", "Event Date": "event_date", "Source Name": "source_actor",
    "Source Sectors": "source_sector", "Source Country": "source_country",
    "Event Text": "event_type", "CAMEO Code": "cameo_code", "Target Name": "target_actor",
    "Target Country": "target_country", "Story ID": "article_id", "Latitude": "latitude",
    "evidence_end": "evidence_end",
}


def read_export(path: Path, fmt: str) -> list[dict]:
    if fmt == "parquet":
        return pq.read_table(path).to_pylist()
    if fmt == "csv":
        return list(csv.DictReader(path.open(encoding="utf-8")))
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
@pytest.mark.parametrize("style,mapping", [("polecat", POLECAT_FROM_FIVEW),
                                           ("icews", ICEWS_FROM_FIVEW)])
def test_events_export_with_polecat_or_icews_headers(db: str, tmp_path: Path, fmt: str,
                                                     style: str, mapping: dict) -> None:
    out = tmp_path / f"events-{style}.{fmt}"
    run("export", "--db", db, "--columns", style, "--format", fmt, "-o", str(out))
    rows = read_export(out, fmt)
    with Store(db) as store:
        stored = {r["event_id"]: r for r in store.events()}
    assert len(rows) == len(stored) == 2
    for row in rows:
        want = stored[row["Event ID"]]
        for header, column in mapping.items():
            got, expected = (("" if v is None else str(v)) for v in (row[header], want[column]))
            assert got == expected, (header, got, expected)  # CSV writes null as ""
    reject = next(r for r in rows if r["Event ID"].endswith(":e0"))
    assert reject["Latitude"] not in (None, "")  # the place columns are filled


def test_only_events_have_polecat_columns(db: str, tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["export", "--db", db, "--table", "quotes", "--columns",
                                       "polecat", "-o", str(tmp_path / "q.csv")])
    assert result.exit_code == 1 and "events only" in result.output


def test_export_parts_gives_the_layout_with_valid_offsets(db: str, tmp_path: Path) -> None:
    out = tmp_path / "parts.jsonl"
    run("export", "--db", db, "--table", "parts", "--format", "jsonl", "-o", str(out))
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    article = talks_article()
    assert [(r["kind"], r["start"], r["end"]) for r in rows] == [
        (p.kind, p.start, p.end) for p in article.parts]
    assert {r["story_id"] for r in rows} == {article.id}
