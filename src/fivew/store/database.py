"""`Store`: the DuckDB database of articles and their records (tables in docs/store.md).

One process writes a database file (DuckDB allows one process per file); batch workers
hand rows to it as Arrow tables or Parquet shards. `add_tables` writes a batch in one
transaction: a crash loses at most the batch in flight, never a committed one. Adding is
idempotent: an article whose id or content hash is already stored is skipped, so a re-run
adds nothing twice. Near-duplicates (wire copies) are stored too, linked to the first copy
by `articles.duplicate_of`; queries leave them out unless asked.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from fivew.records import Article
from fivew.store import minhash, shards
from fivew.store.queries import Queries
from fivew.store.rows import rows, to_arrow
from fivew.store.schema import MIGRATIONS, PRIMARY_KEYS, TABLES, column_names

DEFAULT_PATH = "fivew.duckdb"


@dataclass
class AddResult:
    """What one `add` did: articles written, skipped as already stored, near-duplicates."""

    added: int = 0
    skipped: int = 0
    duplicates: int = 0
    failed: int = 0  # added articles whose status is 'error'

    def __iadd__(self, other: AddResult) -> AddResult:
        self.added += other.added
        self.skipped += other.skipped
        self.duplicates += other.duplicates
        self.failed += other.failed
        return self


class Store(Queries):
    """A fivew database file. `Store(path)` creates the file and its tables if needed."""

    def __init__(self, path: str | Path = DEFAULT_PATH, read_only: bool = False) -> None:
        self.path = Path(path)
        try:
            self.con = duckdb.connect(str(self.path), read_only=read_only)
        except duckdb.IOException as exc:
            raise RuntimeError(
                f"cannot open the fivew store {self.path}: {exc}. DuckDB lets one process "
                "use a database file at a time: stop the other fivew command or server"
            ) from exc
        if not read_only:
            self.migrate()

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- schema -------------------------------------------------------------------------

    def migrate(self) -> list[str]:
        """Apply the migrations this file has not had yet; return their names."""
        self.con.execute(
            "CREATE TABLE IF NOT EXISTS schema_version "
            "(version INTEGER PRIMARY KEY, name VARCHAR, applied_at TIMESTAMP)"
        )
        done = {r[0] for r in self.con.execute("SELECT name FROM schema_version").fetchall()}
        applied = []
        for version, (name, statements) in enumerate(MIGRATIONS, start=1):
            if name in done:
                continue
            with self.transaction():
                for statement in statements:
                    self.con.execute(statement)
                self.con.execute(
                    "INSERT INTO schema_version VALUES (?, ?, now()::TIMESTAMP)", [version, name]
                )
            applied.append(name)
        return applied

    @contextmanager
    def transaction(self) -> Iterator[None]:
        self.con.begin()
        try:
            yield
        except BaseException:
            self.con.rollback()
            raise
        self.con.commit()

    # -- writing ------------------------------------------------------------------------

    def add(self, articles: Iterable[Article]) -> AddResult:
        """Store analysed articles (one transaction); skip those already stored."""
        return self.add_tables(to_arrow(rows(articles)))

    def add_tables(self, tables: dict[str, pa.Table]) -> AddResult:
        """Store a batch of rows (from `rows.to_arrow` or a Parquet shard) in one transaction."""
        staged = dict(tables)
        articles = staged["articles"]
        staged["articles"] = articles.append_column(
            "_ord", pa.array(range(articles.num_rows), pa.int64())
        )
        for name, table in staged.items():
            self.con.register(f"staged_{name}", table)
        try:
            with self.transaction():
                return self._insert(articles.num_rows)
        finally:
            for name in staged:
                self.con.unregister(f"staged_{name}")

    def load_parquet(self, run_dir: str | Path, keep: bool = False) -> AddResult:
        """Load every finished Parquet shard in `run_dir` (see `fivew.store.shards`).

        Each shard is one transaction; a loaded shard's folder is then removed (unless
        `keep`). Loading is idempotent, so a crash between the commit and the removal only
        means the shard is offered again, and skipped, on the next run.
        """
        result = AddResult()
        for folder in shards.finished_shards(Path(run_dir)):
            result += self.add_tables(shards.read_shard(folder))
            if not keep:
                shards.remove(folder)
        return result

    def _insert(self, offered: int) -> AddResult:
        con = self.con
        # New articles: not stored by id or content hash, first of each within the batch.
        con.execute("""
            CREATE OR REPLACE TEMP TABLE new_articles AS
            SELECT * FROM staged_articles s
            WHERE s.id NOT IN (SELECT id FROM articles)
              AND s.content_hash NOT IN (SELECT content_hash FROM articles)
            QUALIFY row_number() OVER (PARTITION BY s.content_hash ORDER BY s._ord) = 1
                AND row_number() OVER (PARTITION BY s.id ORDER BY s._ord) = 1
        """)
        cols = column_names("articles")
        select = ", ".join(
            "(SELECT coalesce(max(seq), 0) FROM articles) + row_number() OVER (ORDER BY _ord)"
            if c == "seq" else _q(c) for c in cols
        )
        con.execute(f"INSERT INTO articles ({_cols(cols)}) SELECT {select} FROM new_articles")
        for name in TABLES:
            if name == "articles":
                continue
            names = _cols(column_names(name))
            verb = "INSERT OR IGNORE" if name in PRIMARY_KEYS else "INSERT"
            con.execute(
                f"{verb} INTO {name} ({names}) SELECT {names} FROM staged_{name} "
                "WHERE article_id IN (SELECT id FROM new_articles)"
            )
        # fetchall, not fetchone: DuckDB 2 keeps a half-read result open on the connection.
        added, failed = con.execute(
            "SELECT count(*), count(*) FILTER (status = 'error') FROM new_articles"
        ).fetchall()[0]
        duplicates = self._link_near_duplicates()
        con.execute("DROP TABLE new_articles")
        return AddResult(added, offered - added, duplicates, failed)

    def _link_near_duplicates(self) -> int:
        """Set `duplicate_of` for new articles that are near-copies of earlier ones."""
        pairs = self.con.execute("""
            SELECT DISTINCT n.article_id, o.article_id, an.seq, ao.seq
            FROM lsh n
            JOIN lsh o ON o.band = n.band AND o.bucket = n.bucket AND o.article_id <> n.article_id
            JOIN articles an ON an.id = n.article_id
            JOIN articles ao ON ao.id = o.article_id
            WHERE n.article_id IN (SELECT id FROM new_articles) AND ao.seq < an.seq
            ORDER BY an.seq, ao.seq
        """).fetchall()
        if not pairs:
            return 0
        ids = sorted({p[0] for p in pairs} | {p[1] for p in pairs})
        sigs = dict(self.con.execute(
            "SELECT article_id, signature FROM minhash WHERE list_contains(?, article_id)", [ids]
        ).fetchall())
        roots = dict(self.con.execute(
            "SELECT id, duplicate_of FROM articles WHERE list_contains(?, id) "
            "AND duplicate_of IS NOT NULL", [ids]
        ).fetchall())
        best: dict[str, tuple[float, str]] = {}
        for new_id, old_id, _, _ in pairs:  # in ingest order, so an older copy's root is known
            sim = minhash.similarity(sigs[new_id], sigs[old_id])
            if sim >= minhash.THRESHOLD and sim > best.get(new_id, (0.0, ""))[0]:
                best[new_id] = (sim, roots.get(old_id, old_id))
                roots[new_id] = best[new_id][1]
        if best:
            links = pa.table({
                "id": list(best), "duplicate_of": [v[1] for v in best.values()],
                "similarity": [v[0] for v in best.values()],
            })
            self.con.register("dup_links", links)
            self.con.execute(
                "UPDATE articles SET duplicate_of = l.duplicate_of, similarity = l.similarity "
                "FROM dup_links l WHERE articles.id = l.id"
            )
            self.con.unregister("dup_links")
        return len(best)

    # -- what is stored -------------------------------------------------------------------

    def known_ids(self) -> set[str]:
        """Every stored article id and content hash (a batch skips inputs in this set)."""
        found = self.con.execute(
            "SELECT id FROM articles UNION SELECT content_hash FROM articles"
        ).fetchall()
        return {r[0] for r in found}

    def counts(self) -> dict[str, int]:
        return {
            name: int(self.con.execute(f"SELECT count(*) FROM {name}").fetchall()[0][0])
            for name in TABLES
        }

    def _cursor(self) -> duckdb.DuckDBPyConnection:
        # A cursor per query lets a threaded server share one Store.
        return self.con.cursor()

    def _rows(self, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
        cur = self._cursor()
        try:
            result = cur.execute(sql, params or [])
            names = [d[0] for d in result.description or []]
            return [dict(zip(names, row, strict=True)) for row in result.fetchall()]
        finally:
            cur.close()


def _q(name: str) -> str:
    return f'"{name}"'


def _cols(names: list[str]) -> str:
    return ", ".join(_q(n) for n in names)
