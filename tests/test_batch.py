"""Batch ingestion into a real DuckDB file: idempotent, resumable, never stopped by one document."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from fivew import batch
from fivew.batch import BatchOptions, ingest
from fivew.ingest import read_paths
from fivew.pipeline import Pipeline
from fivew.records import Article
from fivew.store import Store
from store_helpers import WIRE, write_corpus


def snapshot(store: Store) -> dict[str, Any]:
    """What a run stored, independent of ingest order and time."""
    return {
        "articles": sorted(store.sql(
            "SELECT id, content_hash, status, error_code, duplicate_of, n_entities FROM articles"
        ), key=lambda r: r["id"]),
        "entities": sorted(
            (r["article_id"], r["entity_id"], r["name"], r["start"], r["end"])
            for r in store.sql("SELECT * FROM entities")
        ),
        "errors": sorted((r["error_id"], r["code"]) for r in store.sql("SELECT * FROM errors")),
        "parts": sorted((r["part_id"], r["kind"], r["start"], r["end"])
                        for r in store.sql("SELECT * FROM parts")),
        "quotes": sorted(((r["quote_id"], r["start"], r["end"], r["speaker_name"])
                          for r in store.sql("SELECT * FROM quotes")), key=str),
        "events": sorted(((r["event_id"], r["event_type"], r["evidence_start"], r["date_start"],
                           r["place_start"]) for r in store.sql("SELECT * FROM events")), key=str),
    }


@pytest.fixture()
def corpus(tmp_path: Path) -> tuple[Path, dict[str, int]]:
    folder = tmp_path / "corpus"
    return folder, write_corpus(folder)


def test_ingest_stores_articles_and_errors_then_rerun_adds_nothing(
    tmp_path: Path, corpus: tuple[Path, dict[str, int]], pipeline: Pipeline
) -> None:
    folder, expected = corpus
    with Store(tmp_path / "db.duckdb") as store:
        first = ingest([str(folder)], store, BatchOptions(chunk_size=2))
        assert (first.read, first.added, first.errors) == (9, 9, expected["error"])
        statuses = store.sql("SELECT status, count(*) AS n FROM articles GROUP BY 1")
        assert {r["status"]: r["n"] for r in statuses} == expected
        assert {r["code"] for r in store.errors()} >= {"empty", "binary", "unreadable"}
        stored = store.sql("SELECT sum(n_entities) AS n FROM articles")[0]["n"]
        assert store.counts()["entities"] == stored > 0
        before = snapshot(store)
        again = ingest([str(folder)], store, BatchOptions(chunk_size=2))
        assert (again.read, again.skipped, again.added, again.analysed) == (9, 9, 0, 0)
        assert snapshot(store) == before


def test_a_crash_mid_batch_keeps_committed_chunks_and_a_rerun_resumes(
    tmp_path: Path, corpus: tuple[Path, dict[str, int]], monkeypatch: pytest.MonkeyPatch,
    pipeline: Pipeline,
) -> None:
    folder, _ = corpus
    real = batch.analyse_chunk
    calls = {"n": 0}

    def crash_on_third(articles: list[Article], *args: Any) -> batch.ChunkResult:
        calls["n"] += 1
        if calls["n"] == 3:
            raise KeyboardInterrupt("the machine went down")
        return real(articles, *args)

    monkeypatch.setattr(batch, "analyse_chunk", crash_on_third)
    path = tmp_path / "db.duckdb"
    with Store(path) as store, pytest.raises(KeyboardInterrupt):
        ingest([str(folder)], store, BatchOptions(chunk_size=2))
    with Store(path) as store:
        assert store.counts()["articles"] == 4  # two chunks of two were committed
    monkeypatch.setattr(batch, "analyse_chunk", real)
    with Store(path) as store:
        resumed = ingest([str(folder)], store, BatchOptions(chunk_size=2))
        assert (resumed.skipped, resumed.added) == (4, 5)
        total = store.sql("SELECT count(*) AS n, count(DISTINCT content_hash) AS d FROM articles")
        assert total == [{"n": 9, "d": 9}]
        resumed_snapshot = snapshot(store)
    with Store(tmp_path / "clean.duckdb") as clean:
        ingest([str(folder)], clean, BatchOptions(chunk_size=2))
        assert snapshot(clean) == resumed_snapshot


class ExplodingPipeline:
    """A pipeline whose model fails on any chunk holding a text with a marker word."""

    def __init__(self, real: Pipeline) -> None:
        self.real = real

    def run(self, articles: list[Article]) -> Any:
        if any("wildfire" in a.text.lower() for a in articles):
            raise RuntimeError("model crashed")
        return self.real.run(articles)


def test_a_document_that_breaks_the_model_loses_only_itself(
    tmp_path: Path, corpus: tuple[Path, dict[str, int]], monkeypatch: pytest.MonkeyPatch,
    pipeline: Pipeline,
) -> None:
    folder, _ = corpus
    monkeypatch.setitem(batch._PIPELINES, (None, 8), ExplodingPipeline(pipeline))
    with Store(tmp_path / "db.duckdb") as store:
        report = ingest([str(folder)], store, BatchOptions(chunk_size=9))
        assert report.added == 9
        [broken] = store.articles(search="wildfire", status="error")
        assert broken["error_code"] == "internal" and "model crashed" in broken["error_message"]
        # The chunk's other articles were analysed one by one, as fully as usual.
        expected = {a.id: len(a.entities) for a in pipeline.run(read_paths([str(folder)]))
                    if a.ok and "wildfire" not in a.text.lower()}
        found = store.sql("SELECT id, n_entities FROM articles WHERE status = 'ok'")
        assert {r["id"]: r["n_entities"] for r in found} == expected
        assert sum(expected.values()) > 0


def test_same_article_twice_in_one_run_is_stored_once(tmp_path: Path, pipeline: Pipeline) -> None:
    folder = tmp_path / "in"
    write_corpus(folder)
    (folder / "copy-of-wire.txt").write_text((folder / "wire.txt").read_text())
    with Store(tmp_path / "db.duckdb") as store:
        report = ingest([str(folder)], store, BatchOptions(chunk_size=100))
        assert (report.read, report.skipped, report.added) == (10, 1, 9)


@pytest.mark.slow
def test_two_local_workers_store_the_same_as_one(
    tmp_path: Path, corpus: tuple[Path, dict[str, int]], pipeline: Pipeline
) -> None:
    folder, _ = corpus
    with Store(tmp_path / "one.duckdb") as one:
        ingest([str(folder)], one, BatchOptions(chunk_size=2))
        expected = snapshot(one)
    with Store(tmp_path / "two.duckdb") as two:
        report = ingest([str(folder)], two, BatchOptions(workers=2, chunk_size=2))
        assert report.added == 9
        assert snapshot(two) == expected


@pytest.mark.slow
def test_killing_the_ingest_process_loses_nothing_committed(tmp_path: Path) -> None:
    """kill -9 mid-run: the committed chunks survive, and the same command finishes the job."""
    folder = tmp_path / "in"
    write_corpus(folder)
    lines = [json.dumps({"text": f"{WIRE}\n\nReport number {n} from the agency desk."})
             for n in range(40)]
    (folder / "many.jsonl").write_text("\n".join(lines) + "\n")
    db = tmp_path / "db.duckdb"
    Store(db).close()  # schema made and checkpointed: the next WAL write is a chunk's commit
    command = [sys.executable, "-c", "from fivew.cli import main; main()", "ingest",
               str(folder), "--db", str(db), "--batch-size", "1", "--quiet"]
    proc = subprocess.Popen(command, env={**os.environ}, stderr=subprocess.PIPE)
    wal = db.with_name(db.name + ".wal")
    deadline = time.monotonic() + 120
    while not (wal.exists() and wal.stat().st_size > 0) and proc.poll() is None:
        assert time.monotonic() < deadline, "ingest never committed a chunk"
        time.sleep(0.02)
    time.sleep(0.1)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    with Store(db) as store:
        committed = store.counts()["articles"]
    assert 0 < committed < 49
    finish = subprocess.run(command, env={**os.environ}, capture_output=True, text=True)
    assert finish.returncode == 0, finish.stderr
    assert f"{committed} already stored" in finish.stderr
    with Store(db) as store:
        assert store.sql("SELECT count(*) AS n, count(DISTINCT content_hash) AS d "
                         "FROM articles") == [{"n": 49, "d": 49}]
