"""Bad input, nothing lost, end to end: `fivew ingest --workers 2` on a folder of bad files.

Empty, binary, huge (50 MB), Latin-1, German, Russian and broken-JSONL documents sit beside
good ones and one document that kills its worker process (as in test_worker_crash). Every
document ends up in the store, the bad ones with their error and its reason, and running
the same command again adds nothing.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from fivew.cli import main
from fivew.ingest.validate import MAX_BYTES
from fivew.store import Store
from test_bad_input import ENGLISH, GERMAN, RUSSIAN
from test_worker_crash import POISON, SITECUSTOMIZE, WORD

pytestmark = pytest.mark.slow

GOOD = ("Bridge opening delayed again\n\n" + ENGLISH + "\n\nThe council said the cost had "
        "risen by a fifth since the work began.")
LATIN1 = ("Clinic gets new director\n\nThe health board said on Monday that Dr José Núñez "
          "would run the clinic from June, after the former director retired in the spring. "
          "Staff welcomed the news, a union representative said.")


def write_bad_folder(folder: Path) -> dict[str, str | None]:
    """The files, and the fatal error code each should be stored with (None: analysed)."""
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.txt").write_text(" \n\n\t \n")
    (folder / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8)
    with (folder / "huge.txt").open("wb") as fh:  # 50 MB of plausible text
        chunk = (ENGLISH + "\n\n").encode()
        for _ in range(50_000_000 // len(chunk) + 1):
            fh.write(chunk)
    (folder / "latin1.txt").write_bytes(LATIN1.encode("latin-1"))
    (folder / "german.txt").write_text(GERMAN, encoding="utf-8")
    (folder / "russian.txt").write_text(RUSSIAN, encoding="utf-8")
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    (folder / "poison.txt").write_text(POISON, encoding="utf-8")
    (folder / "feed.jsonl").write_text(
        json.dumps({"text": ENGLISH, "title": "Bridge"}) + "\n{not json\n", encoding="utf-8")
    return {"empty.txt": "empty", "blank.txt": "empty", "photo.txt": "binary",
            "huge.txt": "too_large", "latin1.txt": None, "german.txt": "not_english",
            "russian.txt": "not_english", "good.txt": None, "poison.txt": "internal",
            "feed.jsonl:1": None, "feed.jsonl:2": "unreadable"}


def test_ingest_stores_every_bad_document_with_its_reason_and_resumes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "in"
    expected = write_bad_folder(folder)
    assert (folder / "huge.txt").stat().st_size > MAX_BYTES
    hooks = tmp_path / "hooks"  # worker processes started from now on crash on the poison
    hooks.mkdir()
    (hooks / "sitecustomize.py").write_text(SITECUSTOMIZE)
    monkeypatch.setenv("PYTHONPATH", f"{hooks}{os.pathsep}{os.environ.get('PYTHONPATH', '')}")
    monkeypatch.setenv("FIVEW_TEST_CRASH_WORD", WORD)
    db = str(tmp_path / "bad.duckdb")
    args = ["ingest", str(folder), "--db", db, "--workers", "2", "--batch-size", "3", "--quiet"]

    first = CliRunner().invoke(main, args)
    assert first.exit_code == 0, first.output
    fatal = sum(code is not None for code in expected.values())
    assert f"{len(expected)} added" in first.stderr and f"{fatal} errors" in first.stderr

    with Store(db) as store:
        stored = {Path(a["source"]).name: a for a in store.articles(limit=100)}
        assert {name: a["error_code"] for name, a in stored.items()} == expected
        for name, article in stored.items():
            assert (article["status"] == "ok") == (expected[name] is None)
            if expected[name]:  # a reason people can act on, in both tables
                assert len(article["error_message"]) > 20
                errors = [e for e in store.errors(limit=100)
                          if e["article_id"] == article["id"] and e["fatal"]]
                assert [(e["code"], e["message"]) for e in errors] == [
                    (expected[name], article["error_message"])]
        assert "worker process" in stored["poison.txt"]["error_message"]
        size = (folder / "huge.txt").stat().st_size
        assert f"{size:,} bytes" in stored["huge.txt"]["error_message"]
        latin1 = store.article(stored["latin1.txt"]["id"])
        assert latin1 is not None and "José Núñez" in latin1["text"]
        assert [e["code"] for e in latin1["errors"] if not e["fatal"]] == ["encoding"]
        assert latin1["n_entities"] > 0  # analysed, not just stored
        counts = store.counts()

    again = CliRunner().invoke(main, args)
    assert again.exit_code == 0, again.output
    assert f"0 added, {len(expected)} already stored" in again.stderr
    with Store(db) as store:
        assert store.counts() == counts
