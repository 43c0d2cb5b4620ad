"""Where a batch's chunks run: this process, local worker processes, or a Dask cluster.

Each runner takes the chunks from `fivew.batch.pending_chunks`, runs the one chunk
function (`batch.analyse_chunk`, or `batch.shard_task` on Dask) and hands every result,
in input order, to `write`. At most two chunks per worker are in flight, so memory stays
flat however long the input.

A document that kills its worker process (a crash in native code, the out-of-memory
killer) must not stop the batch either. When a worker dies, the chunks it may have been
running are re-run one article at a time in a process of their own; the article that
kills that process too is stored as an error (`internal`) and the others are analysed.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from multiprocessing import get_context
from pathlib import Path
from typing import Any

from fivew import batch
from fivew.batch import BatchOptions, BatchReport, ChunkResult
from fivew.records import Article

Write = Callable[[ChunkResult], None]
WORKER_DIED = ("the worker process analysing this document died ({why}); the document was "
               "retried alone and killed its worker again, so it was not analysed")


def run_inline(chunks: Iterator[list[Article]], opts: BatchOptions, write: Write,
               report: BatchReport) -> None:
    began = time.perf_counter()
    batch.warm(opts.model, opts.parse_batch)
    report.startup_seconds = time.perf_counter() - began
    for chunk in chunks:
        write(batch.analyse_chunk(chunk, opts.model, opts.parse_batch))


class LocalPool:
    """A pool of spawned worker processes, each with the model loaded once."""

    def __init__(self, opts: BatchOptions, size: int) -> None:
        self.opts, self.size = opts, size
        self.pool = self._start()

    def _start(self) -> ProcessPoolExecutor:
        # spawn, not fork: the parent holds a DuckDB connection and threads.
        return ProcessPoolExecutor(self.size, mp_context=get_context("spawn"),
                                   initializer=batch.warm,
                                   initargs=(self.opts.model, self.opts.parse_batch))

    def submit(self, chunk: list[Article]) -> Any:
        return self.pool.submit(batch.analyse_chunk, chunk, self.opts.model, self.opts.parse_batch)

    def start_workers(self) -> None:
        """Start every worker now (loading the model), so chunk timings exclude start-up."""
        for started in [self.pool.submit(time.sleep, 0.2) for _ in range(self.size)]:
            started.result()

    def restart(self) -> None:
        self.pool.shutdown(wait=False, cancel_futures=True)
        self.pool = self._start()

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)


def run_pool(chunks: Iterator[list[Article]], opts: BatchOptions, write: Write,
             report: BatchReport) -> None:
    began = time.perf_counter()
    pool = LocalPool(opts, opts.workers)
    try:
        pool.start_workers()
        report.startup_seconds = time.perf_counter() - began
        inflight: deque[tuple[list[Article], Any]] = deque()

        def collect() -> None:
            chunk, future = inflight.popleft()
            try:
                write(future.result())
                return
            except BrokenProcessPool as exc:  # a worker died: every chunk in flight is lost
                suspects = [chunk, *(c for c, _ in inflight)]
                inflight.clear()
                why = str(exc) or "the process was killed"
            pool.restart()
            for lost in suspects:
                _isolate_local(lost, opts, write, why)

        for chunk in chunks:
            inflight.append((chunk, pool.submit(chunk)))
            while len(inflight) >= 2 * opts.workers:
                collect()
        while inflight:
            collect()
    finally:
        pool.close()


def _isolate_local(chunk: list[Article], opts: BatchOptions, write: Write, why: str) -> None:
    single = LocalPool(opts, 1)
    try:
        for article in chunk:
            try:
                write(single.submit([article]).result())
            except BrokenProcessPool:
                write(batch.failed_result(article, WORKER_DIED.format(why=why)))
                single.restart()
    finally:
        single.close()


def run_dask(chunks: Iterator[list[Article]], opts: BatchOptions, run_dir: Path, write: Write,
             report: BatchReport) -> None:
    from dask.distributed import Client, KilledWorker

    cluster = None
    began = time.perf_counter()
    if opts.dask == "local":
        cluster = local_cluster(max(opts.workers, 1))
    try:
        with Client(cluster if cluster is not None else opts.dask) as client:
            client.run(batch.warm, opts.model, opts.parse_batch)
            report.startup_seconds = time.perf_counter() - began

            def submit(chunk: list[Article], kind: str = "shard") -> Any:
                key = f"fivew-{kind}-{batch.chunk_key(chunk)}"  # a retry needs a key of its own
                return client.submit(batch.shard_task, chunk, str(run_dir), opts.model,
                                     opts.parse_batch, key=key, pure=False)

            def collect(chunk: list[Article], future: Any) -> None:
                try:
                    write(future.result())
                except KilledWorker as exc:  # one at a time: only the culprit is blamed
                    for article in chunk:
                        try:
                            write(submit([article], "retry").result())
                        except KilledWorker:
                            write(batch.failed_result(article, WORKER_DIED.format(why=exc)))

            slots = 2 * max(len(client.scheduler_info().get("workers", {})), 1)
            inflight: deque[tuple[list[Article], Any]] = deque()
            for chunk in chunks:
                inflight.append((chunk, submit(chunk)))
                while len(inflight) >= slots:
                    collect(*inflight.popleft())
            while inflight:
                collect(*inflight.popleft())
    finally:
        if cluster is not None:
            cluster.close()


def local_cluster(n_workers: int, **kwargs: Any) -> Any:
    """A Dask LocalCluster on loopback: one single-threaded worker process per model copy.

    The dashboard is off, and the scheduler's HTTP server (which Dask starts even without a
    dashboard, by default on port 8787) takes a free port, so clusters running side by
    side (tests, other users) never fight over a port.
    """
    from dask.distributed import LocalCluster

    return LocalCluster(
        n_workers=n_workers, threads_per_worker=1, processes=True, host="127.0.0.1",
        dashboard_address=None, scheduler_kwargs={"dashboard_address": "127.0.0.1:0"},
        **kwargs,
    )
