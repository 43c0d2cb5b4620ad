"""Stored rows -> the JSON output contract, so a stored article reads like POST /extract's.

`fivew.store.rows` flattens records into table columns (`speaker_name`, `evidence_start`,
...); `article_record` nests them again into the shape of `fivew.records.article_dict`, so
the web page and API clients handle one shape. Offsets are unchanged: character offsets
into the article's `text`. What the store does not keep: the role, affiliation and country
of an event's `reported_by` (null here; its `entity_id` leads to them in `entities`), and
whether a quote's date was read in the text or is the publication date (`date` is then
the publication date). Articles stored before schema migration 0002 have no layout
(`parts`, `body` and `captions` come back empty) and null offsets for an event's date,
place, reporter and casualty counts.
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
        "sector": row.get(f"{prefix}_sector"), "role": row.get(f"{prefix}_role"),
        "inferred": bool(row.get(f"{prefix}_inferred")),
    }


def _quantity(row: Row, prefix: str) -> Row | None:
    if row.get(prefix) is None:
        return None
    return {"value": row[prefix], "qualifier": row.get(f"{prefix}_qualifier") or "exact",
            "text": row.get(f"{prefix}_text"), "start": row.get(f"{prefix}_start"),
            "end": row.get(f"{prefix}_end")}


def _reporter(row: Row) -> Row | None:
    if row.get("reported_by") is None:
        return None
    return {
        "name": row["reported_by"], "text": row.get("reported_by_text"),
        "start": row.get("reported_by_start"), "end": row.get("reported_by_end"),
        "entity_id": row.get("reported_by_entity_id"), "role": None, "affiliation": None,
        "country": None,
    }


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
            "name": row["place_name"], "text": row.get("place_text"),
            "start": row.get("place_start"), "end": row.get("place_end"),
            "geonames_id": row.get("geonames_id"), "lat": row.get("latitude"),
            "lon": row.get("longitude"), "country": row.get("place_country"),
            "feature": row.get("place_feature") or "other",
            "precision": row.get("place_precision"), "dateline": bool(row.get("place_dateline")),
        }
    date = None
    if row.get("date_text") is not None or row.get("date_value") is not None:
        date = {"text": row.get("date_text"), "start": row.get("date_start"),
                "end": row.get("date_end"), "value": row.get("date_value"),
                "precision": row.get("date_precision"),
                "direction": row.get("date_direction") or "present",
                "fallback": bool(row.get("date_fallback"))}
    return {
        "type": row.get("event_type"), "mode": row.get("event_mode"),
        "context": (row.get("context") or "").split(";") if row.get("context") else [],
        "cameo": row.get("cameo_code"),
        "trigger": _span(row, "trigger"), "evidence": _span(row, "evidence"),
        "source": _actor(row, "source"), "target": _actor(row, "target"),
        "negated": bool(row.get("negated")), "modality": row.get("modality"),
        "reported_by": _reporter(row),
        "reason": _span(row, "reason"), "place": place, "date": date,
        "fatalities": _quantity(row, "fatalities"), "injuries": _quantity(row, "injuries"),
        "confidence": row.get("confidence"),
    }


def entity_record(row: Row, text: str) -> Row:
    starts, ends = row.get("mention_starts") or [], row.get("mention_ends") or []
    kinds = row.get("mention_kinds") or ["name"] * len(starts)  # stored before 0002: unknown
    return {
        "entity_id": row.get("entity_id"), "name": row.get("name"), "label": row.get("label"),
        "text": row.get("text"), "start": row.get("start"), "end": row.get("end"),
        "mentions": [{"text": text[s:e], "start": s, "end": e, "kind": k}
                     for s, e, k in zip(starts, ends, kinds, strict=False)],
        "role": row.get("role"), "affiliation": row.get("affiliation"),
        "country": row.get("country"), "sector": row.get("sector"),
    }


def place_record(row: Row) -> Row:
    return {
        "name": row.get("name"), "text": row.get("text"), "start": row.get("start"),
        "end": row.get("end"), "geonames_id": row.get("geonames_id"),
        "lat": row.get("latitude"), "lon": row.get("longitude"), "country": row.get("country"),
        "feature": row.get("feature"), "precision": row.get("precision"),
        "dateline": bool(row.get("dateline")),
    }


def date_record(row: Row) -> Row:
    return {
        "text": row.get("text"), "start": row.get("start"), "end": row.get("end"),
        "value": row.get("value"), "precision": row.get("precision"),
        "direction": row.get("direction"), "fallback": False,  # the table holds read dates
    }


def article_record(stored: Row) -> Row:
    """`Store.article(id)`'s answer (article row + record lists) as the output contract."""
    text = stored.get("text") or ""
    parts = [{"kind": r["kind"], "start": r["start"], "end": r["end"]}
             for r in stored.get("parts", [])]
    return {
        "id": stored["id"], "source": stored.get("source"), "url": stored.get("url"),
        "title": stored.get("title"), "authors": list(stored.get("authors") or []),
        "published": stored.get("published"), "updated": stored.get("updated"),
        "language": stored.get("language"), "text": text,
        "body": [{"start": p["start"], "end": p["end"]} for p in parts if p["kind"] == "body"],
        "captions": [{"start": p["start"], "end": p["end"], "text": text[p["start"]:p["end"]]}
                     for p in parts if p["kind"] == "caption"],
        "parts": parts,
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
