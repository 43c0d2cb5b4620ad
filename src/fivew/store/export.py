"""Export a table to JSONL, CSV or Parquet, with the article columns event-data users expect.

Record tables gain the columns of their article that POLECAT and ICEWS files carry
(`story_id`, `headline`, `url`, `source_file`, `publication_date`); events keep their
POLECAT-style names (event_date, event_type, source_actor, source_country, ...). Rows of
near-duplicate articles are left out unless `include_duplicates`.
"""

from __future__ import annotations

from pathlib import Path

from fivew.store.database import Store

FORMATS = {"jsonl": "FORMAT json", "csv": "FORMAT csv, HEADER", "parquet": "FORMAT parquet"}
RECORD_TABLES = ("events", "quotes", "entities", "places", "dates", "errors")
TABLES = ("articles", *RECORD_TABLES)
ARTICLE_COLUMNS = (
    "a.id AS story_id, a.title AS headline, a.url AS url, a.source AS source_file, "
    "a.published_date AS publication_date"
)
ORDER = {
    "events": "a.seq, t.evidence_start", "quotes": "a.seq, t.start", "entities": "a.seq, t.start",
    "places": "a.seq, t.start", "dates": "a.seq, t.start", "errors": "a.seq, t.error_id",
}


def export_query(table: str, include_duplicates: bool = False) -> str:
    """The SELECT that `export` writes out for `table`."""
    if table not in TABLES:
        raise ValueError(f"cannot export {table!r}: choose one of {', '.join(TABLES)}")
    where = "" if include_duplicates else "WHERE a.duplicate_of IS NULL"
    if table == "articles":
        return f"SELECT a.* EXCLUDE (seq) FROM articles a {where} ORDER BY a.seq"
    return (
        f"SELECT t.*, {ARTICLE_COLUMNS} FROM {table} t JOIN articles a ON a.id = t.article_id "
        f"{where} ORDER BY {ORDER[table]}"
    )


def export(store: Store, table: str, fmt: str, path: str | Path,
           include_duplicates: bool = False) -> int:
    """Write `table` to `path` ("-" for standard output) as jsonl, csv or parquet; return rows."""
    if fmt not in FORMATS:
        raise ValueError(f"cannot export as {fmt!r}: choose one of {', '.join(FORMATS)}")
    query = export_query(table, include_duplicates)
    target = "/dev/stdout" if str(path) == "-" else str(path)
    quoted = target.replace("'", "''")
    cur = store.con.cursor()
    try:
        cur.execute(f"COPY ({query}) TO '{quoted}' ({FORMATS[fmt]})")
        return int(cur.execute(f"SELECT count(*) FROM ({query})").fetchall()[0][0])
    finally:
        cur.close()
