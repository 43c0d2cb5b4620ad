"""Batch ingestion: inputs -> Articles -> model and stages, chunk by chunk -> rows -> store.

There is one job: `pending_chunks` reads the inputs in this process and leaves out articles
the store already holds; `analyse_chunk` runs the pipeline on a chunk and returns its rows
as Arrow tables; this process writes each chunk to the store in its own transaction. Only
where the chunks run differs:

- `workers=1`: here; `workers=N`: N local processes (each loads the model once);
- `dask=ADDRESS` (or "local"): tasks on a Dask cluster; each task writes its rows as a
  Parquet shard (`fivew.store.shards`) to a run folder that the workers and this process
  share, and this process loads each shard as it finishes.

(`fivew.runners` holds the three ways.) A crash loses only chunks in flight: every written
chunk is committed, and a re-run skips the articles (and loads the finished shards) it
finds. A document that raises, or even kills its worker, is stored with its error.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa

from fivew.ingest import read_paths
from fivew.records import Article, DocError
from fivew.store import AddResult, Store, shards
from fivew.store.rows import content_hash, rows, to_arrow


@dataclass
class BatchOptions:
    workers: int = 1  # local processes, or Dask workers for dask="local"
    dask: str | None = None  # scheduler address, or "local" for a LocalCluster on loopback
    chunk_size: int = 64  # articles per chunk: one task, one transaction
    parse_batch: int = 8  # articles the model parses at once (`Pipeline.batch_size`)
    model: str | None = None
    run_dir: Path | None = None  # Dask shards; default `<db>.shards/` beside the database


@dataclass
class ChunkResult:
    """A chunk's rows (or, from a Dask task, the shard folder holding them) and timings."""

    key: str
    articles: int
    errors: int
    words: int
    extract_seconds: float  # model and stages
    rows_seconds: float  # records -> Arrow rows
    tables: dict[str, pa.Table] | None = None
    shard: str | None = None


@dataclass
class BatchReport:
    read: int = 0  # articles read from the inputs
    skipped: int = 0  # already in the store (or read twice in this run)
    analysed: int = 0
    added: int = 0
    errors: int = 0  # articles stored with status 'error'
    duplicates: int = 0  # near-duplicates linked to an earlier copy
    words: int = 0
    seconds: float = 0.0
    extract_seconds: float = 0.0  # summed over chunks (over workers, when parallel)
    rows_seconds: float = 0.0
    store_seconds: float = 0.0  # this process writing to the store
    startup_seconds: float = 0.0  # starting workers and loading the model (in `seconds`)
    resumed_articles: int = 0  # loaded from shards a crashed Dask run left behind

    def add(self, result: AddResult) -> None:
        self.added += result.added
        self.duplicates += result.duplicates


# -- the chunk function (runs wherever the chunks run) -------------------------------------

_PIPELINES: dict[tuple[str | None, int], Any] = {}


def pipeline(model: str | None, parse_batch: int) -> Any:
    """This process's Pipeline, loaded on first use and kept (one model per worker)."""
    key = (model, parse_batch)
    if key not in _PIPELINES:
        from fivew.pipeline import Pipeline

        _PIPELINES[key] = Pipeline(model=model, batch_size=parse_batch)
        to_arrow(rows([]))  # pyarrow's first conversion costs ~1 s; pay it while loading
    return _PIPELINES[key]


def warm(model: str | None, parse_batch: int) -> None:
    """Load this process's pipeline now, so chunk timings measure analysis only."""
    pipeline(model, parse_batch)


def chunk_key(articles: list[Article]) -> str:
    return hashlib.sha256("\n".join(a.id for a in articles).encode()).hexdigest()[:16]


def analyse_chunk(articles: list[Article], model: str | None = None,
                  parse_batch: int = 8) -> ChunkResult:
    """Run the pipeline on a chunk and flatten it into rows. Never raises for one article."""
    started = time.perf_counter()
    nlp = pipeline(model, parse_batch)
    try:
        analysed = list(nlp.run(articles))
    except Exception:  # find the article that breaks the model; keep the others
        analysed = [_analyse_alone(nlp, article) for article in articles]
    return result_of(analysed, time.perf_counter() - started)


def result_of(analysed: list[Article], extract_seconds: float) -> ChunkResult:
    """The rows of analysed (or failed) articles, with counts and timings."""
    began = time.perf_counter()
    tables = to_arrow(rows(analysed))
    return ChunkResult(
        key=chunk_key(analysed), articles=len(analysed),
        errors=sum(not a.ok for a in analysed), words=sum(len(a.text.split()) for a in analysed),
        extract_seconds=extract_seconds, rows_seconds=time.perf_counter() - began, tables=tables,
    )


def failed_result(article: Article, message: str) -> ChunkResult:
    """An article that could not be analysed at all, stored with why."""
    article.errors.append(DocError("internal", message))
    return result_of([article], 0.0)


def _analyse_alone(nlp: Any, article: Article) -> Article:
    try:
        return next(iter(nlp.run([article])))
    except Exception as exc:
        article.errors.append(DocError("internal", f"the model failed on this document: {exc!r}"))
        return article


def shard_task(articles: list[Article], run_dir: str, model: str | None = None,
               parse_batch: int = 8) -> ChunkResult:
    """A Dask task: `analyse_chunk`, then write its rows as a Parquet shard."""
    result = analyse_chunk(articles, model, parse_batch)
    assert result.tables is not None
    result.shard = str(shards.write_shard(result.tables, Path(run_dir), result.key))
    result.tables = None  # the rows travel through the shared folder, not the scheduler
    return result


# -- the job ------------------------------------------------------------------------------

def pending_chunks(articles: Iterable[Article], known: set[str], size: int,
                   report: BatchReport) -> Iterator[list[Article]]:
    """Chunks of articles the store does not hold yet (by id or content hash)."""
    seen = set(known)
    chunk: list[Article] = []
    for article in articles:
        report.read += 1
        keys = {article.id, content_hash(article)}
        if keys & seen:
            report.skipped += 1
            continue
        seen |= keys
        chunk.append(article)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def ingest(paths: Iterable[str], store: Store, options: BatchOptions | None = None,
           on_chunk: Callable[[BatchReport], None] | None = None) -> BatchReport:
    """Read `paths`, analyse what is new, write it to `store`; report what happened."""
    opts = options or BatchOptions()
    report = BatchReport()
    started = time.perf_counter()
    run_dir = opts.run_dir or store.path.with_name(store.path.name + ".shards")
    if opts.dask:  # first load what a crashed run finished but did not load
        before = store.counts()["articles"]
        _timed_write(report, lambda: store.load_parquet(run_dir))
        report.resumed_articles = store.counts()["articles"] - before
    chunks = pending_chunks(read_paths(paths), store.known_ids(), opts.chunk_size, report)

    def write(result: ChunkResult) -> None:
        tables = result.tables if result.tables is not None else shards.read_shard(
            Path(result.shard or ""))
        _timed_write(report, lambda: store.add_tables(tables))
        if result.shard:
            shards.remove(Path(result.shard))
        report.analysed += result.articles
        report.errors += result.errors
        report.words += result.words
        report.extract_seconds += result.extract_seconds
        report.rows_seconds += result.rows_seconds
        report.seconds = time.perf_counter() - started
        if on_chunk:
            on_chunk(report)

    from fivew import runners

    if opts.dask:
        run_dir.mkdir(parents=True, exist_ok=True)
        (run_dir / "run.json").write_text(json.dumps(
            {k: str(v) for k, v in asdict(opts).items()}, indent=2))
        runners.run_dask(chunks, opts, run_dir, write, report)
    elif opts.workers > 1:
        runners.run_pool(chunks, opts, write, report)
    else:
        runners.run_inline(chunks, opts, write, report)
    report.seconds = time.perf_counter() - started
    return report


def _timed_write(report: BatchReport, write: Callable[[], AddResult]) -> None:
    began = time.perf_counter()
    report.add(write())
    report.store_seconds += time.perf_counter() - began
