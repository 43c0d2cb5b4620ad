"""Export a table to JSONL, CSV or Parquet, with the article columns event-data users expect.

Record tables gain the columns of their article that POLECAT and ICEWS files carry
(`story_id`, `headline`, `url`, `source_file`, `publication_date`); events keep their
fivew names (event_date, event_type, source_actor, source_country, ...). Rows of
near-duplicate articles are left out unless `include_duplicates`.

Events can instead be written with the column headers of the POLECAT or ICEWS files
(`columns="polecat"` / `"icews"`: "Event Date", "Actor Name", "Source Country", ...), so
scripts written for those data sets read fivew's output; the fivew evidence columns
(`evidence_text`, `evidence_start`, `evidence_end`: offsets into the article's text) follow
them. docs/store.md ("Export") lists the mapping.
"""

from __future__ import annotations

from pathlib import Path

from fivew.store.database import Store

FORMATS = {"jsonl": "FORMAT json", "csv": "FORMAT csv, HEADER", "parquet": "FORMAT parquet"}
RECORD_TABLES = ("events", "quotes", "entities", "places", "dates", "errors", "parts")
TABLES = ("articles", *RECORD_TABLES)
ARTICLE_COLUMNS = (
    "a.id AS story_id, a.title AS headline, a.url AS url, a.source AS source_file, "
    "a.published_date AS publication_date"
)
ORDER = {
    "events": "a.seq, t.evidence_start", "quotes": "a.seq, t.start", "entities": "a.seq, t.start",
    "places": "a.seq, t.start", "dates": "a.seq, t.start", "errors": "a.seq, t.error_id",
    "parts": "a.seq, t.start",
}

# Column header in the data set's files -> the SQL that fills it from an event row `t` and
# its article `a`. Only headers fivew can fill are written (no COW codes, intensity, quad
# codes or Wikipedia ids). Countries stay ISO 3166-1 alpha-3 codes in both styles (ICEWS
# files spell country names out).
_PLACE_OF = "CASE WHEN t.place_feature = '{feature}' THEN t.place_name END"
STYLES: dict[str, list[tuple[str, str]]] = {
    "polecat": [
        ("Event ID", "t.event_id"), ("Event Date", "t.event_date"),
        ("Event Type", "t.event_type"), ("Event Mode", "t.event_mode"),
        ("Contexts", "t.context"),
        ("Actor Name", "t.source_actor"), ("Actor Country", "t.source_country"),
        ("Primary Actor Sector", "t.source_sector"), ("Actor Title", "t.source_role"),
        ("Actor Name Raw", "t.source_text"),
        ("Recipient Name", "t.target_actor"), ("Recipient Country", "t.target_country"),
        ("Primary Recipient Sector", "t.target_sector"), ("Recipient Title", "t.target_role"),
        ("Recipient Name Raw", "t.target_text"),
        ("Placename", "t.place_name"), ("City", _PLACE_OF.format(feature="city")),
        ("Province", _PLACE_OF.format(feature="region")), ("Country", "t.place_country"),
        ("Latitude", "t.latitude"), ("Longitude", "t.longitude"),
        ("GeoNames ID", "t.geonames_id"), ("Raw Placename", "t.place_text"),
        ("Feature Type", "t.place_feature"), ("Source", "coalesce(a.url, a.source)"),
        ("Publication Date", "a.published_date"), ("Language", "a.language"),
        ("Story ID", "a.id"), ("Headline", "a.title"),
    ],
    "icews": [
        ("Event ID", "t.event_id"), ("Event Date", "t.event_date"),
        ("Source Name", "t.source_actor"), ("Source Sectors", "t.source_sector"),
        ("Source Country", "t.source_country"), ("Event Text", "t.event_type"),
        ("CAMEO Code", "t.cameo_code"),
        ("Target Name", "t.target_actor"), ("Target Sectors", "t.target_sector"),
        ("Target Country", "t.target_country"), ("Story ID", "a.id"),
        ("Publisher", "coalesce(a.url, a.source)"),
        ("City", _PLACE_OF.format(feature="city")),
        ("Province", _PLACE_OF.format(feature="region")), ("Country", "t.place_country"),
        ("Latitude", "t.latitude"), ("Longitude", "t.longitude"),
    ],
}
EVIDENCE = "t.evidence_text, t.evidence_start, t.evidence_end"
COLUMN_STYLES = ("fivew", *STYLES)


def export_query(table: str, include_duplicates: bool = False, columns: str = "fivew") -> str:
    """The SELECT that `export` writes out for `table`, with `columns` fivew, polecat or icews."""
    if table not in TABLES:
        raise ValueError(f"cannot export {table!r}: choose one of {', '.join(TABLES)}")
    if columns not in COLUMN_STYLES:
        raise ValueError(f"unknown column style {columns!r}: choose one of "
                         f"{', '.join(COLUMN_STYLES)}")
    if columns != "fivew" and table != "events":
        raise ValueError(f"{columns} columns exist for events only, not for {table}: "
                         "export events, or use --columns fivew")
    where = "" if include_duplicates else "WHERE a.duplicate_of IS NULL"
    if table == "articles":
        return f"SELECT a.* EXCLUDE (seq) FROM articles a {where} ORDER BY a.seq"
    if columns == "fivew":
        selected = f"t.*, {ARTICLE_COLUMNS}"
    else:
        selected = ", ".join(f'{sql} AS "{header}"' for header, sql in STYLES[columns])
        selected += f", {EVIDENCE}"
    return (
        f"SELECT {selected} FROM {table} t JOIN articles a ON a.id = t.article_id "
        f"{where} ORDER BY {ORDER[table]}"
    )


def export(store: Store, table: str, fmt: str, path: str | Path,
           include_duplicates: bool = False, columns: str = "fivew") -> int:
    """Write `table` to `path` ("-" for standard output) as jsonl, csv or parquet; return rows."""
    if fmt not in FORMATS:
        raise ValueError(f"cannot export as {fmt!r}: choose one of {', '.join(FORMATS)}")
    query = export_query(table, include_duplicates, columns)
    target = "/dev/stdout" if str(path) == "-" else str(path)
    quoted = target.replace("'", "''")
    cur = store.con.cursor()
    try:
        cur.execute(f"COPY ({query}) TO '{quoted}' ({FORMATS[fmt]})")
        return int(cur.execute(f"SELECT count(*) FROM ({query})").fetchall()[0][0])
    finally:
        cur.close()
