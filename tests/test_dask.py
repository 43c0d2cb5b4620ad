"""The same batch job on a real Dask LocalCluster (loopback): Parquet shards, then the store."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from fivew.batch import BatchOptions, ingest, shard_task
from fivew.ingest import read_paths
from fivew.pipeline import Pipeline
from fivew.runners import local_cluster
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
    with local_cluster(2) as cluster:
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


def test_local_clusters_side_by_side_take_free_ports_without_warnings() -> None:
    # Dask's scheduler serves HTTP even with the dashboard off; on its default port 8787 a
    # second cluster would warn "Hosting the HTTP server on port ... instead".
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with local_cluster(1) as first, local_cluster(1) as second:
            ports = {c.scheduler.http_server.port for c in (first, second)}
            assert len(ports) == 2 and 8787 not in ports
