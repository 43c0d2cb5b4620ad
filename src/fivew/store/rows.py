"""Article records -> table rows: the one mapping from `fivew.records` to the store's columns.

The store, the Parquet shards of a distributed batch, `fivew export` and the HTTP API all
use these rows. Every row carries the article id; record ids are deterministic
(`<article id>:q<n>` for the n-th quote, `:e` events, `:p` places, `:d` dates, `:x` errors,
`:l` layout parts),
so the same article always gives the same rows. Offsets are character offsets into the
article's `text`, exactly as in the records.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

import pyarrow as pa

from fivew.ingest import content_id
from fivew.records import Actor, Article, Event, Quantity, Span, Speaker
from fivew.store import minhash
from fivew.store.schema import TABLES, arrow_schema

Row = dict[str, Any]


def to_date(value: str | None) -> dt.date | None:
    """The calendar date an ISO 8601 value starts with ("2022-03-21T10:00", "2022-03/..")."""
    if not value:
        return None
    head = value[:10]
    for fmt, size in (("%Y-%m-%d", 10), ("%Y-%m", 7), ("%Y", 4)):
        try:
            return dt.datetime.strptime(head[:size], fmt).date()
        except ValueError:
            continue
    return None


def content_hash(article: Article) -> str:
    """What makes two articles the same: the text's hash; for a failed one, its own id.

    Failed documents often have no text at all, so their id (a hash of source and text)
    keeps two different empty files apart.
    """
    return content_id(article.text) if article.ok and article.text else article.id


def body_text(article: Article) -> str:
    """The body paragraphs (what wire copies share), else the whole text."""
    body = article.body
    return "\n".join(article.text[p.start : p.end] for p in body) if body else article.text


def article_row(article: Article, ingested_at: dt.datetime) -> Row:
    fatal = next((e for e in article.errors if e.fatal), None)
    return {
        "id": article.id, "content_hash": content_hash(article), "source": article.source,
        "url": article.url, "title": article.title, "authors": list(article.authors),
        "published": article.published, "published_date": to_date(article.published),
        "updated": article.updated, "language": article.language, "text": article.text,
        "n_words": len(article.text.split()), "status": "ok" if fatal is None else "error",
        "error_code": fatal.code if fatal else None,
        "error_message": fatal.message if fatal else None,
        "duplicate_of": None, "similarity": None,
        "n_entities": len(article.entities), "n_quotes": len(article.quotes),
        "n_events": len(article.events), "n_places": len(article.places),
        "n_dates": len(article.dates), "ingested_at": ingested_at, "seq": None,
    }


def entity_rows(article: Article) -> list[Row]:
    return [{
        "article_id": article.id, "entity_id": e.entity_id, "name": e.name, "label": e.label,
        "text": e.text, "start": e.start, "end": e.end, "role": e.role,
        "affiliation": e.affiliation, "country": e.country, "sector": e.sector,
        "n_mentions": len(e.mentions), "mention_starts": [m.start for m in e.mentions],
        "mention_ends": [m.end for m in e.mentions],
        "mention_kinds": [m.kind for m in e.mentions],
    } for e in article.entities]


def part_rows(article: Article) -> list[Row]:
    """The layout: one row per part (title, byline, body paragraph...), in text order."""
    return [{
        "part_id": f"{article.id}:l{n}", "article_id": article.id, "kind": p.kind,
        "start": p.start, "end": p.end,
    } for n, p in enumerate(article.parts)]


def quote_rows(article: Article) -> list[Row]:
    rows = []
    for n, q in enumerate(article.quotes):
        s = q.speaker
        rows.append({
            "quote_id": f"{article.id}:q{n}", "article_id": article.id, "kind": q.kind,
            "text": q.text, "start": q.start, "end": q.end,
            "quote_date": to_date(q.date or article.published),
            **_span("cue", q.cue),
            "speaker_name": s.name if s else None, "speaker_text": s.text if s else None,
            "speaker_start": s.start if s else None, "speaker_end": s.end if s else None,
            "speaker_entity_id": s.entity_id if s else None,
            "speaker_role": s.role if s else None,
            "speaker_affiliation": s.affiliation if s else None,
            "speaker_country": s.country if s else None,
        })
    return rows


def event_row(article: Article, n: int, e: Event) -> Row:
    """One event in POLECAT/ICEWS-style columns (docs/store.md maps them)."""
    place, date = e.place, e.date
    return {
        "event_id": f"{article.id}:e{n}", "article_id": article.id,
        # The event's own date when it resolved to one, else the publication date.
        "event_date": to_date(date.value if date else None) or to_date(article.published),
        "date_text": date.text if date else None, "date_value": date.value if date else None,
        "date_precision": date.precision if date else None,
        "date_start": date.start if date else None, "date_end": date.end if date else None,
        "date_direction": date.direction if date else None,
        "date_fallback": date.fallback if date else None,
        "event_type": e.type, "event_mode": e.mode, "context": ";".join(e.context) or None,
        "cameo_code": e.cameo, **_actor("source", e.source), **_actor("target", e.target),
        "negated": e.negated, "modality": e.modality,
        "reported_by": e.reported_by.name if e.reported_by else None,
        **_reporter(e.reported_by),
        "place_name": place.name if place else None,
        "place_text": place.text if place else None,
        "place_start": place.start if place else None,
        "place_end": place.end if place else None,
        "place_feature": place.feature if place else None,
        "place_dateline": place.dateline if place else None,
        "latitude": place.lat if place else None, "longitude": place.lon if place else None,
        "geonames_id": place.geonames_id if place else None,
        "place_country": place.country if place else None,
        "place_precision": place.precision if place else None,
        **_quantity("fatalities", e.fatalities), **_quantity("injuries", e.injuries),
        **_span("trigger", e.trigger), **_span("reason", e.reason),
        **_span("evidence", e.evidence), "confidence": e.confidence,
    }


def place_rows(article: Article) -> list[Row]:
    return [{
        "place_id": f"{article.id}:p{n}", "article_id": article.id, "name": p.name,
        "text": p.text, "start": p.start, "end": p.end, "geonames_id": p.geonames_id,
        "latitude": p.lat, "longitude": p.lon, "country": p.country, "feature": p.feature,
        "precision": p.precision, "dateline": p.dateline,
    } for n, p in enumerate(article.places)]


def date_rows(article: Article) -> list[Row]:
    return [{
        "date_id": f"{article.id}:d{n}", "article_id": article.id, "text": d.text,
        "start": d.start, "end": d.end, "value": d.value, "date_start": to_date(d.value),
        "precision": d.precision, "direction": d.direction,
    } for n, d in enumerate(article.dates)]


def error_rows(article: Article) -> list[Row]:
    return [{
        "error_id": f"{article.id}:x{n}", "article_id": article.id, "source": article.source,
        "code": e.code, "message": e.message, "fatal": e.fatal,
    } for n, e in enumerate(article.errors)]


def minhash_rows(article: Article) -> tuple[list[Row], list[Row]]:
    """The article's MinHash signature and LSH buckets (none for failed or tiny texts)."""
    sig = minhash.signature(body_text(article)) if article.ok else None
    if sig is None:
        return [], []
    lsh = [{"article_id": article.id, "band": b, "bucket": h}
           for b, h in enumerate(minhash.bands(sig))]
    return [{"article_id": article.id, "signature": sig}], lsh


def rows(articles: Iterable[Article], ingested_at: dt.datetime | None = None) -> dict[str, list[Row]]:
    """Rows for every table, for a batch of articles (the first of any repeated id only:
    record ids derive from the article id, so two articles under one id would mix)."""
    now = ingested_at or dt.datetime.now(dt.UTC).replace(tzinfo=None)
    out: dict[str, list[Row]] = {name: [] for name in TABLES}
    seen: set[str] = set()
    for article in articles:
        if article.id in seen:
            continue
        seen.add(article.id)
        out["articles"].append(article_row(article, now))
        out["parts"] += part_rows(article)
        out["entities"] += entity_rows(article)
        out["quotes"] += quote_rows(article)
        out["events"] += [event_row(article, n, e) for n, e in enumerate(article.events)]
        out["places"] += place_rows(article)
        out["dates"] += date_rows(article)
        out["errors"] += error_rows(article)
        sig, lsh = minhash_rows(article)
        out["minhash"] += sig
        out["lsh"] += lsh
    return out


def to_arrow(table_rows: dict[str, list[Row]]) -> dict[str, pa.Table]:
    """Rows -> one Arrow table per store table, typed by the schema (empty tables too)."""
    return {
        name: pa.Table.from_pylist(table_rows.get(name, []), schema=arrow_schema(name))
        for name in TABLES
    }


def _span(prefix: str, span: Span | None) -> Row:
    return {
        f"{prefix}_text": span.text if span else None,
        f"{prefix}_start": span.start if span else None,
        f"{prefix}_end": span.end if span else None,
    }


def _actor(prefix: str, actor: Actor | None) -> Row:
    return {
        f"{prefix}_actor": actor.name if actor else None,
        f"{prefix}_country": actor.country if actor else None,
        f"{prefix}_sector": actor.sector if actor else None,
        f"{prefix}_entity_id": actor.entity_id if actor else None,
        f"{prefix}_text": actor.text if actor else None,
        f"{prefix}_start": actor.start if actor else None,
        f"{prefix}_end": actor.end if actor else None,
        f"{prefix}_role": actor.role if actor else None,
        f"{prefix}_inferred": actor.inferred if actor else None,
    }


def _reporter(speaker: Speaker | None) -> Row:
    """Where the text names who an event is attributed to (`reported_by` holds the name)."""
    return {
        "reported_by_text": speaker.text if speaker else None,
        "reported_by_start": speaker.start if speaker else None,
        "reported_by_end": speaker.end if speaker else None,
        "reported_by_entity_id": speaker.entity_id if speaker else None,
    }


def _quantity(prefix: str, quantity: Quantity | None) -> Row:
    return {
        prefix: quantity.value if quantity else None,
        f"{prefix}_qualifier": quantity.qualifier if quantity else None,
        f"{prefix}_text": quantity.text if quantity else None,
        f"{prefix}_start": quantity.start if quantity else None,
        f"{prefix}_end": quantity.end if quantity else None,
    }
