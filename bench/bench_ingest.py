"""Ingest speed: articles/s and words/s with 1 and 2 local workers, and the store's share.

    PYTHONPATH=src python bench/bench_ingest.py [--articles 2000] [--dask]

Writes the benchmark corpus (`bench/corpus.py`: paragraphs of the articles written for this
repository, recombined into articles with a title, byline and date line) as one .txt file
per article, then runs `fivew.batch.ingest` on that folder into a fresh DuckDB file with 1
worker, 2 local workers and optionally a Dask LocalCluster of 2 (the same job, Parquet
shards). For each run it prints articles/s and words/s (overall and after start-up), the
CPU seconds of the process tree, peak memory, the load average before and after (the
machine is shared), and store write time / extraction time; then the speed-ups.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import sys
import threading
import time
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus  # noqa: E402

from fivew.batch import BatchOptions, BatchReport, ingest  # noqa: E402
from fivew.store import Store  # noqa: E402

OUT = Path(__file__).parent / "out"


def make_corpus(n: int, folder: Path, seed: int = 7) -> int:
    """Write `n` benchmark articles as `folder/NNNNN.txt`; return the number of words."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    texts = corpus.build(n, seed=seed)
    for i, text in enumerate(texts):
        (folder / f"{i:05d}.txt").write_text(text, encoding="utf-8")
    return corpus.words(texts)


class PeakMemory:
    """Peak resident memory of this process and its children, sampled every 0.2 s."""

    def __init__(self) -> None:
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        me = psutil.Process()
        while not self._stop.is_set():
            total = 0
            for proc in [me, *me.children(recursive=True)]:
                try:
                    total += proc.memory_info().rss
                except psutil.Error:
                    pass
            self.peak = max(self.peak, total)
            time.sleep(0.2)

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def cpu_seconds() -> float:
    """CPU time of this process and its finished children (workers, once they exit)."""
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def run(label: str, corpus_dir: Path, options: BatchOptions) -> BatchReport:
    db = OUT / f"bench-{re.sub(r'[^a-z0-9]+', '-', label)}.duckdb"
    for stale in (db, db.with_name(db.name + ".wal")):
        stale.unlink(missing_ok=True)
    shutil.rmtree(db.with_name(db.name + ".shards"), ignore_errors=True)
    load_before = os.getloadavg()[0]
    cpu = cpu_seconds()
    with PeakMemory() as memory, Store(db) as store:
        report = ingest([str(corpus_dir)], store, options)
    cpu = cpu_seconds() - cpu
    load_after = os.getloadavg()[0]  # 1-minute load: other programs on the machine count too
    work = report.seconds - report.startup_seconds
    print(
        f"{label}: {report.analysed} articles ({report.added} added, {report.errors} errors, "
        f"{report.duplicates} near-duplicates) in {report.seconds:.1f} s wall, of which "
        f"{report.startup_seconds:.1f} s starting workers and loading the model\n"
        f"    {report.analysed / report.seconds:.2f} articles/s overall; after start-up "
        f"{report.analysed / work:.2f} articles/s, {report.words / work:,.0f} words/s\n"
        f"    CPU {cpu:.1f} s for the process tree ({1000 * cpu / report.analysed:.0f} ms per "
        f"article; CPU/wall {cpu / report.seconds:.2f}); peak memory {memory.peak / 2**20:,.0f} MiB\n"
        f"    store writes {report.store_seconds:.2f} s / extraction {report.extract_seconds:.1f} s"
        f" (summed over workers) = {100 * report.store_seconds / report.extract_seconds:.1f}%;"
        f" row building {100 * report.rows_seconds / report.extract_seconds:.1f}%\n"
        f"    1-min load average {load_before:.1f} before, {load_after:.1f} after, on "
        f"{os.cpu_count()} cores", flush=True)
    return report


def steady(report: BatchReport) -> float:
    """Articles/s once workers are up and the model is loaded."""
    return report.analysed / (report.seconds - report.startup_seconds)


def overall(report: BatchReport) -> float:
    return report.analysed / report.seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--chunk-size", type=int, default=64)
    parser.add_argument("--dask", action="store_true", help="also a Dask LocalCluster of 2")
    args = parser.parse_args()
    OUT.mkdir(exist_ok=True)
    corpus_dir = OUT / f"corpus-{args.articles}"
    words = make_corpus(args.articles, corpus_dir)
    print(f"corpus: {args.articles} articles, {words:,} words ({words / args.articles:.0f} per "
          f"article) in {corpus_dir}; chunks of {args.chunk_size}", flush=True)
    one = run("1 worker", corpus_dir, BatchOptions(workers=1, chunk_size=args.chunk_size))
    two = run("2 workers", corpus_dir, BatchOptions(workers=2, chunk_size=args.chunk_size))
    print(f"speed-up, 2 workers over 1: {steady(two) / steady(one):.2f}x after start-up, "
          f"{overall(two) / overall(one):.2f}x overall")
    if args.dask:
        dask = run("dask local, 2 workers", corpus_dir,
                   BatchOptions(dask="local", workers=2, chunk_size=args.chunk_size))
        print(f"speed-up, Dask LocalCluster of 2 over 1 worker: {steady(dask) / steady(one):.2f}x "
              f"after start-up, {overall(dask) / overall(one):.2f}x overall")


if __name__ == "__main__":
    main()
