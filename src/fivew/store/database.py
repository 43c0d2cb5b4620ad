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
import pyarrow.compute as pc

from fivew.records import Article
from fivew.store import dedup, shards
from fivew.store.queries import Queries
from fivew.store.rows import rows, to_arrow
from fivew.store.schema import MIGRATIONS, TABLES, column_names

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
        self.con = self._connect(read_only)
        if not read_only:
            self.migrate()
        elif self._pending():  # written by an older fivew: bring it up to date first
            self.con.close()
            self.con = self._connect(False)
            self.migrate()
            self.con.close()
            self.con = self._connect(True)

    def _connect(self, read_only: bool) -> duckdb.DuckDBPyConnection:
        try:
            return duckdb.connect(str(self.path), read_only=read_only)
        except (duckdb.IOException, duckdb.ConnectionException) as exc:
            raise RuntimeError(
                f"cannot open the fivew store {self.path}: {exc}. DuckDB lets one process "
                "use a database file at a time: stop the other fivew command or server"
            ) from exc

    def _pending(self) -> bool:
        """True when this file lacks a migration (read without changing the file)."""
        try:
            done = {r[0] for r in self.con.execute("SELECT name FROM schema_version").fetchall()}
        except duckdb.CatalogException:  # not a fivew store yet
            return True
        return any(name not in done for name, _ in MIGRATIONS)

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
        batch = list(articles)
        tables = to_arrow(rows(batch))
        result = self.add_tables(tables)
        result.skipped += len(batch) - tables["articles"].num_rows  # repeated ids
        return result

    def add_tables(self, tables: dict[str, pa.Table]) -> AddResult:
        """Store a batch of rows (from `rows.to_arrow` or a Parquet shard) in one transaction."""
        offered = tables["articles"].num_rows
        with self.transaction():
            new = dedup.new_tables(self.con, tables)
            articles = dedup.link_near_duplicates(self.con, new)
            first = int(self.con.execute(
                "SELECT coalesce(max(seq), 0) FROM articles").fetchall()[0][0])
            seq = pa.array(range(first + 1, first + 1 + articles.num_rows), pa.int64())
            new["articles"] = articles.set_column(articles.column_names.index("seq"), "seq", seq)
            for name in TABLES:  # articles first: a reader never sees records without one
                self._append(name, new[name])
        return AddResult(
            added=articles.num_rows, skipped=offered - articles.num_rows,
            duplicates=articles.num_rows - articles["duplicate_of"].null_count,
            failed=pc.sum(pc.equal(articles["status"], "error")).as_py() or 0,
        )

    def _append(self, name: str, table: pa.Table) -> None:
        if table.num_rows == 0:
            return
        names = _cols(column_names(name))
        self.con.register("batch_rows", table)
        try:
            self.con.execute(f"INSERT INTO {name} ({names}) SELECT {names} FROM batch_rows")
        finally:
            self.con.unregister("batch_rows")

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

    # -- what is stored -------------------------------------------------------------------

    def known_ids(self) -> set[str]:
        """Every stored article id and content hash (a batch skips inputs in this set)."""
        found = self._rows("SELECT id FROM articles UNION SELECT content_hash FROM articles")
        return {r["id"] for r in found}

    def counts(self) -> dict[str, int]:
        return {name: int(self._rows(f"SELECT count(*) AS n FROM {name}")[0]["n"])
                for name in TABLES}

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
