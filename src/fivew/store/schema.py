"""The store's tables: one list of columns per table, the only definition of the schema.

`TABLES` drives the DuckDB DDL, the Arrow schemas that rows are built in, and the check
that docs/store.md documents every column. Offsets (`*_start`, `*_end`) are character
offsets into `articles.text`: `text[start:end]` is the `*_text` column beside them.

The schema changes only through a new entry in `MIGRATIONS` (name, SQL statements); the
`schema_version` table records which ones a database file has had.
"""

from __future__ import annotations

from dataclasses import dataclass

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
    "sector VARCHAR, n_mentions INTEGER, mention_starts INTEGER[], mention_ends INTEGER[]"
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
    "evidence_text VARCHAR, evidence_start INTEGER, evidence_end INTEGER, confidence DOUBLE"
)
PLACES = _cols(
    "place_id VARCHAR, article_id VARCHAR, name VARCHAR, text VARCHAR, start INTEGER,"
    "\"end\" INTEGER, geonames_id BIGINT, latitude DOUBLE, longitude DOUBLE,"
    "country VARCHAR, feature VARCHAR, precision VARCHAR"
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
    "entities": ENTITIES,
    "quotes": QUOTES,
    "events": EVENTS,
    "places": PLACES,
    "dates": DATES,
    "errors": ERRORS,
    "minhash": MINHASH,
    "lsh": LSH,
}
# Only articles has a key: rows of records are added with their article or not at all,
# and an index per record table would cost memory and insert time for every row.
PRIMARY_KEYS = {"articles": "id", "minhash": "article_id"}


def column_names(table: str) -> list[str]:
    return [c.name.strip('"') for c in TABLES[table]]


def arrow_schema(table: str) -> pa.Schema:
    return pa.schema([(c.name.strip('"'), ARROW_TYPES[c.type]) for c in TABLES[table]])


def create_table_sql(table: str) -> str:
    cols = [f"{c.name} {c.type}" for c in TABLES[table]]
    if table in PRIMARY_KEYS:
        cols.append(f"PRIMARY KEY ({PRIMARY_KEYS[table]})")
    return f"CREATE TABLE {table} (\n  " + ",\n  ".join(cols) + "\n)"


def _initial() -> list[str]:
    statements = [create_table_sql(t) for t in TABLES]
    statements += [
        "CREATE INDEX articles_content_hash ON articles (content_hash)",
    ]
    return statements


# Append-only: a database that has applied a migration never runs it again. 0001 builds
# the tables from TABLES; before the first change to TABLES, replace `_initial()` with its
# current SQL text (frozen), then add the change as a new migration (ALTER TABLE ...).
MIGRATIONS: list[tuple[str, list[str]]] = [
    ("0001_initial", _initial()),
]
