"""The same batch job on a real Dask LocalCluster (loopback): Parquet shards, then the store."""

from __future__ import annotations

from pathlib import Path

import pytest
from dask.distributed import LocalCluster

from fivew.batch import BatchOptions, ingest, shard_task
from fivew.ingest import read_paths
from fivew.pipeline import Pipeline
from fivew.store import Store, shards
from store_helpers import write_corpus
from test_batch import snapshot

pytestmark = pytest.mark.slow


@pytest.fixture()
def expected(tmp_path: Path, pipeline: Pipeline) -> tuple[Path, dict]:
    folder = tmp_path / "corpus"
    write_corpus(folder)
    with Store(tmp_path / "local.duckdb") as store:
        ingest([str(folder)], store, BatchOptions(chunk_size=2))
        return folder, snapshot(store)


def test_dask_cluster_at_an_address_stores_the_same_as_one_process(
    tmp_path: Path, expected: tuple[Path, dict]
) -> None:
    folder, want = expected
    run_dir = tmp_path / "run"
    with LocalCluster(n_workers=2, threads_per_worker=1, host="127.0.0.1",
                      dashboard_address=None, processes=True) as cluster:
        with Store(tmp_path / "dask.duckdb") as store:
            report = ingest([str(folder)], store, BatchOptions(
                dask=cluster.scheduler_address, chunk_size=2, run_dir=run_dir))
            assert (report.added, report.analysed) == (9, 9)
            assert snapshot(store) == want
            again = ingest([str(folder)], store, BatchOptions(
                dask=cluster.scheduler_address, chunk_size=2, run_dir=run_dir))
            assert (again.skipped, again.added) == (9, 0)
    assert shards.finished_shards(run_dir) == []  # every shard was loaded, then removed
    assert (run_dir / "run.json").exists()


def test_dask_local_resumes_from_shards_a_crashed_run_left(
    tmp_path: Path, expected: tuple[Path, dict]
) -> None:
    folder, want = expected
    db = tmp_path / "dask.duckdb"
    run_dir = db.with_name(db.name + ".shards")
    # A crashed run: a worker finished a shard of three articles; nothing reached the store.
    first_three = list(read_paths([str(folder)]))[:3]
    shard_task(first_three, str(run_dir))
    assert len(shards.finished_shards(run_dir)) == 1
    with Store(db) as store:
        report = ingest([str(folder)], store, BatchOptions(dask="local", workers=2, chunk_size=2))
        assert report.resumed_articles == 3
        assert (report.analysed, report.skipped) == (6, 3)
        assert snapshot(store) == want
