"""Stored rows -> the JSON output contract, so a stored article reads like POST /extract's.

`fivew.store.rows` flattens records into table columns (`speaker_name`, `evidence_start`,
...); `article_record` nests them again into the shape of `fivew.records.article_dict`, so
the web page and API clients handle one shape. Offsets are unchanged: character offsets
into the article's `text`. What the store does not keep comes back empty or null: layout
`parts`, the offsets of an event's date and place, the offsets of `reported_by`, and the
kinds of entity mentions.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

Row = dict[str, Any]


def _iso(value: Any) -> Any:
    return value.isoformat() if isinstance(value, dt.date | dt.datetime) else value


def _span(row: Row, prefix: str) -> Row | None:
    start, end = row.get(f"{prefix}_start"), row.get(f"{prefix}_end")
    if start is None or end is None:
        return None
    return {"start": start, "end": end, "text": row.get(f"{prefix}_text") or ""}


def _actor(row: Row, prefix: str) -> Row | None:
    if row.get(f"{prefix}_actor") is None and row.get(f"{prefix}_start") is None:
        return None
    return {
        "name": row.get(f"{prefix}_actor"), "text": row.get(f"{prefix}_text"),
        "start": row.get(f"{prefix}_start"), "end": row.get(f"{prefix}_end"),
        "entity_id": row.get(f"{prefix}_entity_id"), "country": row.get(f"{prefix}_country"),
        "sector": row.get(f"{prefix}_sector"), "role": None,
    }


def _quantity(row: Row, prefix: str) -> Row | None:
    if row.get(prefix) is None:
        return None
    return {"value": row[prefix], "qualifier": row.get(f"{prefix}_qualifier") or "exact"}


def quote_record(row: Row) -> Row:
    speaker = None
    if row.get("speaker_name") is not None or row.get("speaker_start") is not None:
        speaker = {
            "name": row.get("speaker_name"), "text": row.get("speaker_text"),
            "start": row.get("speaker_start"), "end": row.get("speaker_end"),
            "entity_id": row.get("speaker_entity_id"), "role": row.get("speaker_role"),
            "affiliation": row.get("speaker_affiliation"), "country": row.get("speaker_country"),
        }
    return {
        "text": row["text"], "start": row["start"], "end": row["end"], "kind": row["kind"],
        "cue": _span(row, "cue"), "speaker": speaker, "date": _iso(row.get("quote_date")),
    }


def event_record(row: Row) -> Row:
    place = None
    if row.get("place_name") is not None:
        place = {
            "name": row["place_name"], "lat": row.get("latitude"), "lon": row.get("longitude"),
            "geonames_id": row.get("geonames_id"), "country": row.get("place_country"),
            "precision": row.get("place_precision"),
        }
    date = None
    if row.get("date_text") is not None or row.get("date_value") is not None:
        date = {"text": row.get("date_text"), "value": row.get("date_value"),
                "precision": row.get("date_precision")}
    reported_by = row.get("reported_by")
    return {
        "type": row.get("event_type"), "mode": row.get("event_mode"),
        "context": (row.get("context") or "").split(";") if row.get("context") else [],
        "cameo": row.get("cameo_code"),
        "trigger": _span(row, "trigger"), "evidence": _span(row, "evidence"),
        "source": _actor(row, "source"), "target": _actor(row, "target"),
        "negated": bool(row.get("negated")), "modality": row.get("modality"),
        "reported_by": {"name": reported_by} if reported_by else None,
        "reason": _span(row, "reason"), "place": place, "date": date,
        "fatalities": _quantity(row, "fatalities"), "injuries": _quantity(row, "injuries"),
        "confidence": row.get("confidence"),
    }


def entity_record(row: Row, text: str) -> Row:
    starts, ends = row.get("mention_starts") or [], row.get("mention_ends") or []
    return {
        "entity_id": row.get("entity_id"), "name": row.get("name"), "label": row.get("label"),
        "text": row.get("text"), "start": row.get("start"), "end": row.get("end"),
        "mentions": [{"text": text[s:e], "start": s, "end": e, "kind": "name"}
                     for s, e in zip(starts, ends, strict=False)],
        "role": row.get("role"), "affiliation": row.get("affiliation"),
        "country": row.get("country"), "sector": row.get("sector"),
    }


def place_record(row: Row) -> Row:
    return {
        "name": row.get("name"), "text": row.get("text"), "start": row.get("start"),
        "end": row.get("end"), "geonames_id": row.get("geonames_id"),
        "lat": row.get("latitude"), "lon": row.get("longitude"), "country": row.get("country"),
        "feature": row.get("feature"), "precision": row.get("precision"),
    }


def date_record(row: Row) -> Row:
    return {
        "text": row.get("text"), "start": row.get("start"), "end": row.get("end"),
        "value": row.get("value"), "precision": row.get("precision"),
        "direction": row.get("direction"),
    }


def article_record(stored: Row) -> Row:
    """`Store.article(id)`'s answer (article row + record lists) as the output contract."""
    text = stored.get("text") or ""
    return {
        "id": stored["id"], "source": stored.get("source"), "url": stored.get("url"),
        "title": stored.get("title"), "authors": list(stored.get("authors") or []),
        "published": stored.get("published"), "updated": stored.get("updated"),
        "language": stored.get("language"), "text": text,
        "body": [], "captions": [], "parts": [],  # the store keeps no layout
        "entities": [entity_record(r, text) for r in stored.get("entities", [])],
        "quotes": [quote_record(r) for r in stored.get("quotes", [])],
        "events": [event_record(r) for r in stored.get("events", [])],
        "places": [place_record(r) for r in stored.get("places", [])],
        "dates": [date_record(r) for r in stored.get("dates", [])],
        "errors": [{"code": r.get("code"), "message": r.get("message"), "fatal": r.get("fatal")}
                   for r in stored.get("errors", [])],
        "duplicate_of": stored.get("duplicate_of"),
        "copies": list(stored.get("copies") or []),
    }
