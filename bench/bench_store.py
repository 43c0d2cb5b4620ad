"""Store write cost as the database grows: seconds per article for `Store.add_tables`.

    PYTHONPATH=src python bench/bench_store.py [--articles 100000] [--chunk 64]

Analyses one chunk of benchmark articles (bench/corpus.py) with the real pipeline,
then writes it again and again under new ids (and fresh random MinHash signatures, so the
copies are distinct articles, not near-duplicates) until the store holds `--articles`.
Prints the write time per article at each tenth of the way, next to the pipeline's own
extraction time per article measured on the same chunk.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
from bench_ingest import OUT, make_corpus

from fivew.batch import analyse_chunk, warm
from fivew.ingest import read_paths
from fivew.store import Store, minhash


def renamed(tables: dict[str, pa.Table], n: int, rng: np.random.Generator) -> dict[str, pa.Table]:
    """The chunk's rows as distinct new articles: ids suffixed with `n`, new signatures."""
    out = {}
    for name, table in tables.items():
        for column in ("id", "content_hash", "article_id", "part_id", "quote_id", "event_id",
                       "place_id", "date_id", "error_id"):
            if column in table.column_names:
                index = table.column_names.index(column)
                table = table.set_column(index, column, pc.binary_join_element_wise(
                    table[column], pa.scalar(f"~{n}"), ""))
        out[name] = table
    sigs = out["minhash"]
    fresh = [rng.integers(0, 2**32, minhash.PERMUTATIONS, dtype=np.uint32).tolist()
             for _ in range(sigs.num_rows)]
    out["minhash"] = sigs.set_column(1, "signature", pa.array(fresh, pa.list_(pa.uint32())))
    buckets = [b for sig in fresh for b in minhash.bands(sig)]
    out["lsh"] = out["lsh"].set_column(2, "bucket", pa.array(buckets, pa.uint64()))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--chunk", type=int, default=64)
    args = parser.parse_args()
    OUT.mkdir(exist_ok=True)
    corpus = OUT / "store-corpus"
    make_corpus(args.chunk, corpus, seed=11)
    warm(None, 8)
    result = analyse_chunk(list(read_paths([str(corpus)])))
    assert result.tables is not None
    per_article_extract = result.extract_seconds / result.articles
    print(f"extraction: {1000 * per_article_extract:.1f} ms per article "
          f"(one chunk of {result.articles}); rows: {1000 * result.rows_seconds / result.articles:.2f} ms")
    db = OUT / "bench-store.duckdb"
    for stale in (db, Path(str(db) + ".wal")):
        stale.unlink(missing_ok=True)
    rng = np.random.default_rng(3)
    rounds = args.articles // result.articles
    started = time.perf_counter()
    with Store(db) as store:
        window, written = 0.0, 0
        for n in range(rounds):
            tables = renamed(result.tables, n, rng)
            began = time.perf_counter()
            store.add_tables(tables)
            window += time.perf_counter() - began
            written += result.articles
            if (n + 1) % max(rounds // 10, 1) == 0:
                per = window / written
                print(f"{(n + 1) * result.articles:>8} articles stored: "
                      f"{1000 * per:.2f} ms per article written "
                      f"({100 * per / per_article_extract:.1f}% of extraction)", flush=True)
                window, written = 0.0, 0
    print(f"total {time.perf_counter() - started:.0f} s; file {db.stat().st_size / 2**20:.0f} MiB")


if __name__ == "__main__":
    main()
