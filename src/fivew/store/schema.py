"""The store's tables: one list of columns per table, the only definition of the schema.

`TABLES` drives the DuckDB DDL, the Arrow schemas that rows are built in, and the check
that docs/store.md documents every column. Offsets (`*_start`, `*_end`) are character
offsets into `articles.text`: `text[start:end]` is the `*_text` column beside them.

The schema changes only through a new migration, a SQL file in `sql/` (`NNNN_name.sql`,
applied in name order; `MIGRATIONS` lists them), and a matching change to `TABLES` (new
columns go at the end of their table, where `ALTER TABLE ... ADD COLUMN` puts them). The
`schema_version` table records which migrations a database file has had. A test checks
that a fresh file's tables equal `TABLES`.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources

import pyarrow as pa

ARROW_TYPES: dict[str, pa.DataType] = {
    "VARCHAR": pa.string(),
    "VARCHAR[]": pa.list_(pa.string()),
    "INTEGER": pa.int32(),
    "INTEGER[]": pa.list_(pa.int32()),
    "BIGINT": pa.int64(),
    "UBIGINT": pa.uint64(),
    "UINTEGER[]": pa.list_(pa.uint32()),
    "DOUBLE": pa.float64(),
    "BOOLEAN": pa.bool_(),
    "DATE": pa.date32(),
    "TIMESTAMP": pa.timestamp("us"),
}


@dataclass(frozen=True)
class Column:
    name: str
    type: str  # a DuckDB type named in ARROW_TYPES


def _cols(spec: str) -> tuple[Column, ...]:
    """'name TYPE, name TYPE' -> columns (keeps the table definitions readable)."""
    out = []
    for item in spec.split(","):
        name, type_ = item.split()
        out.append(Column(name, type_))
    return tuple(out)


ARTICLES = _cols(
    "id VARCHAR, content_hash VARCHAR, source VARCHAR, url VARCHAR, title VARCHAR,"
    "authors VARCHAR[], published VARCHAR, published_date DATE, updated VARCHAR,"
    "language VARCHAR, text VARCHAR, n_words INTEGER, status VARCHAR, error_code VARCHAR,"
    "error_message VARCHAR, duplicate_of VARCHAR, similarity DOUBLE, n_entities INTEGER,"
    "n_quotes INTEGER, n_events INTEGER, n_places INTEGER, n_dates INTEGER,"
    "ingested_at TIMESTAMP, seq BIGINT"
)
ENTITIES = _cols(
    "article_id VARCHAR, entity_id VARCHAR, name VARCHAR, label VARCHAR, text VARCHAR,"
    "start INTEGER, \"end\" INTEGER, role VARCHAR, affiliation VARCHAR, country VARCHAR,"
    "sector VARCHAR, n_mentions INTEGER, mention_starts INTEGER[], mention_ends INTEGER[],"
    "mention_kinds VARCHAR[]"
)
QUOTES = _cols(
    "quote_id VARCHAR, article_id VARCHAR, kind VARCHAR, text VARCHAR, start INTEGER,"
    "\"end\" INTEGER, quote_date DATE, cue_text VARCHAR, cue_start INTEGER, cue_end INTEGER,"
    "speaker_name VARCHAR, speaker_text VARCHAR, speaker_start INTEGER, speaker_end INTEGER,"
    "speaker_entity_id VARCHAR, speaker_role VARCHAR, speaker_affiliation VARCHAR,"
    "speaker_country VARCHAR"
)
EVENTS = _cols(
    "event_id VARCHAR, article_id VARCHAR, event_date DATE, date_text VARCHAR,"
    "date_value VARCHAR, date_precision VARCHAR, event_type VARCHAR, event_mode VARCHAR,"
    "context VARCHAR, cameo_code VARCHAR, source_actor VARCHAR, source_country VARCHAR,"
    "source_sector VARCHAR, source_entity_id VARCHAR, source_text VARCHAR,"
    "source_start INTEGER, source_end INTEGER, target_actor VARCHAR, target_country VARCHAR,"
    "target_sector VARCHAR, target_entity_id VARCHAR, target_text VARCHAR,"
    "target_start INTEGER, target_end INTEGER, negated BOOLEAN, modality VARCHAR,"
    "reported_by VARCHAR, place_name VARCHAR, latitude DOUBLE, longitude DOUBLE,"
    "geonames_id BIGINT, place_country VARCHAR, place_precision VARCHAR,"
    "fatalities INTEGER, fatalities_qualifier VARCHAR, injuries INTEGER,"
    "injuries_qualifier VARCHAR, trigger_text VARCHAR, trigger_start INTEGER,"
    "trigger_end INTEGER, reason_text VARCHAR, reason_start INTEGER, reason_end INTEGER,"
    "evidence_text VARCHAR, evidence_start INTEGER, evidence_end INTEGER, confidence DOUBLE,"
    # 0002: the offsets of what the event links to, and its actors' role and inferred flag.
    "date_start INTEGER, date_end INTEGER, date_direction VARCHAR, date_fallback BOOLEAN,"
    "place_text VARCHAR, place_start INTEGER, place_end INTEGER, place_feature VARCHAR,"
    "place_dateline BOOLEAN, reported_by_text VARCHAR, reported_by_start INTEGER,"
    "reported_by_end INTEGER, reported_by_entity_id VARCHAR, source_role VARCHAR,"
    "source_inferred BOOLEAN, target_role VARCHAR, target_inferred BOOLEAN,"
    "fatalities_text VARCHAR, fatalities_start INTEGER, fatalities_end INTEGER,"
    "injuries_text VARCHAR, injuries_start INTEGER, injuries_end INTEGER"
)
PLACES = _cols(
    "place_id VARCHAR, article_id VARCHAR, name VARCHAR, text VARCHAR, start INTEGER,"
    "\"end\" INTEGER, geonames_id BIGINT, latitude DOUBLE, longitude DOUBLE,"
    "country VARCHAR, feature VARCHAR, precision VARCHAR, dateline BOOLEAN"
)
# The article's layout: titles, captions, bylines, body paragraphs... (`fivew.records.Part`).
PARTS = _cols(
    "part_id VARCHAR, article_id VARCHAR, kind VARCHAR, start INTEGER, \"end\" INTEGER"
)
DATES = _cols(
    "date_id VARCHAR, article_id VARCHAR, text VARCHAR, start INTEGER, \"end\" INTEGER,"
    "value VARCHAR, date_start DATE, precision VARCHAR, direction VARCHAR"
)
ERRORS = _cols(
    "error_id VARCHAR, article_id VARCHAR, source VARCHAR, code VARCHAR, message VARCHAR,"
    "fatal BOOLEAN"
)
# Near-duplicate detection (internal): MinHash signature and its LSH band buckets.
MINHASH = _cols("article_id VARCHAR, signature UINTEGER[]")
LSH = _cols("article_id VARCHAR, band INTEGER, bucket UBIGINT")

TABLES: dict[str, tuple[Column, ...]] = {
    "articles": ARTICLES,
    "parts": PARTS,
    "entities": ENTITIES,
    "quotes": QUOTES,
    "events": EVENTS,
    "places": PLACES,
    "dates": DATES,
    "errors": ERRORS,
    "minhash": MINHASH,
    "lsh": LSH,
}
# Keys: only `articles.id` and `minhash.article_id` (0001): rows of records are added with
# their article or not at all, and an index per record table would cost memory and insert
# time for every row.


def column_names(table: str) -> list[str]:
    return [c.name.strip('"') for c in TABLES[table]]


def arrow_schema(table: str) -> pa.Schema:
    return pa.schema([(c.name.strip('"'), ARROW_TYPES[c.type]) for c in TABLES[table]])


def _migration(filename: str) -> tuple[str, list[str]]:
    """(name, statements) of a migration file in `sql/` (statements end with ';')."""
    sql = resources.files("fivew.store").joinpath("sql", filename).read_text(encoding="utf-8")
    lines = [line for line in sql.splitlines() if not line.lstrip().startswith("--")]
    statements = [s.strip() for s in "\n".join(lines).split(";")]
    return filename.removesuffix(".sql"), [s for s in statements if s]


# Append-only: a database that has applied a migration never runs it again, so a file,
# once released, is never edited; a change to the schema is a new file.
MIGRATIONS: list[tuple[str, list[str]]] = [
    _migration("0001_initial.sql"),
    _migration("0002_layout_and_offsets.sql"),
]
