"""A document that kills its worker process loses only itself (local pool and Dask).

Worker processes are spawned, so a monkeypatch in this process cannot reach them. Instead
a `sitecustomize.py` on PYTHONPATH (test-only) wraps `Pipeline.run` in every new process
started while FIVEW_TEST_CRASH_WORD is set: a chunk holding the word ends the process at
once with `os._exit`, the way a crash in native code or the out-of-memory killer would.
"""

from __future__ import annotations

import os
from pathlib import Path

import dask
import pytest

from fivew.batch import BatchOptions, ingest
from fivew.pipeline import Pipeline
from fivew.runners import local_cluster
from fivew.store import Store
from store_helpers import write_corpus
from test_batch import snapshot

pytestmark = pytest.mark.slow
WORD = "zyxquarrel"
SITECUSTOMIZE = '''
import os
if os.environ.get("FIVEW_TEST_CRASH_WORD"):
    import fivew.pipeline as _pipeline

    _run = _pipeline.Pipeline.run

    def run(self, articles):
        articles = list(articles)
        if any(os.environ["FIVEW_TEST_CRASH_WORD"] in a.text for a in articles):
            os._exit(17)
        return _run(self, articles)

    _pipeline.Pipeline.run = run
'''
POISON = ("Ferry operator suspends night crossings\n\nThe ferry operator said on Friday it "
          f"would suspend night crossings after a {WORD} between crew members and managers.")


@pytest.fixture()
def crashing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, pipeline: Pipeline) -> tuple[Path, dict]:
    """A corpus with one poison document; new processes crash on it; the clean result."""
    folder = tmp_path / "corpus"
    write_corpus(folder)
    with Store(tmp_path / "clean.duckdb") as clean:
        ingest([str(folder)], clean, BatchOptions(chunk_size=3))
        want = snapshot(clean)
    (folder / "poison.txt").write_text(POISON)
    hooks = tmp_path / "hooks"
    hooks.mkdir()
    (hooks / "sitecustomize.py").write_text(SITECUSTOMIZE)
    monkeypatch.setenv("PYTHONPATH", f"{hooks}{os.pathsep}{os.environ.get('PYTHONPATH', '')}")
    monkeypatch.setenv("FIVEW_TEST_CRASH_WORD", WORD)
    return folder, want


def check(store: Store, want: dict) -> None:
    [poison] = store.articles(search=WORD)
    assert poison["status"] == "error" and poison["error_code"] == "internal"
    assert "worker process" in poison["error_message"]
    got = snapshot(store)
    got["articles"] = [a for a in got["articles"] if a["id"] != poison["id"]]
    for table in ("errors", "parts", "quotes", "events"):  # rows keyed by record id
        got[table] = [r for r in got[table] if not r[0].startswith(poison["id"])]
    assert got == want  # every other document analysed as in a clean run


def test_local_pool_survives_a_document_that_kills_its_worker(
    tmp_path: Path, crashing: tuple[Path, dict]
) -> None:
    folder, want = crashing
    with Store(tmp_path / "pool.duckdb") as store:
        report = ingest([str(folder)], store, BatchOptions(workers=2, chunk_size=3))
        assert report.added == 10
        check(store, want)


def test_dask_survives_a_document_that_kills_its_worker(
    tmp_path: Path, crashing: tuple[Path, dict]
) -> None:
    folder, want = crashing
    # Give up on a task after its first worker death (the default retries it 3 times).
    with dask.config.set({"distributed.scheduler.allowed-failures": 0}), local_cluster(2) as cluster, Store(tmp_path / "dask.duckdb") as store:
        report = ingest([str(folder)], store, BatchOptions(
            dask=cluster.scheduler_address, chunk_size=3, run_dir=tmp_path / "run"))
        assert report.added == 10
        check(store, want)
