"""Shared by the API test files: a stored corpus, a served app, error and offset checks."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import httpx

from fivew.ingest import from_text
from fivew.records import Article
from fivew.store import Store
from store_helpers import talks_article
from web_articles import hostile, stalled_talks

API_MAX_BYTES = 20_000  # the request size limit of the test server (conftest `server`)

WORDS = {
    "who": ["The mayor", "A union leader", "The health minister", "Local police", "The court",
            "A company spokesman", "The harbour authority", "Farmers"],
    "did": ["announced", "rejected", "postponed", "approved", "criticised", "welcomed"],
    "what": ["a new water tariff", "the bridge repairs", "a strike ballot", "the school budget",
             "an inquiry into the fire", "the rail timetable", "a curfew", "the wind farm"],
    "where": ["in Lisbon", "near Porto", "in the northern districts", "at the port",
              "in the capital", "across the valley"],
}


def bulletin(n: int) -> Article:
    """A short, distinct article (a different mix of sentences per `n`) with a date."""
    rng = random.Random(n)
    sentences = [
        f"{rng.choice(WORDS['who'])} {rng.choice(WORDS['did'])} {rng.choice(WORDS['what'])} "
        f"{rng.choice(WORDS['where'])} on day {n * 7 + k} of the year, officials said."
        for k in range(6)
    ]
    published = (dt.date(2023, 1, 1) + dt.timedelta(days=7 * n)).isoformat()
    return from_text(" ".join(sentences), source=f"bulletin-{n}.txt", title=f"Bulletin {n}",
                     published=published, layout=False)


BULLETINS = 12


def build_store(path: Path) -> Path:
    """A DuckDB store holding the hand-built stories and BULLETINS bulletins."""
    articles = [stalled_talks(), hostile(), talks_article(published="2022-03-14")]
    articles += [bulletin(n) for n in range(BULLETINS)]
    with Store(path) as store:
        result = store.add(articles)
    assert result.added == len(articles) and result.duplicates == 0, result
    return path


def check_error(response: httpx.Response, status: int, code: str | None = None) -> dict:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) <= {"error", "message", "details"}
    assert body["message"] and isinstance(body["message"], str)
    if code:
        assert body["error"] == code, body
    return body


def offsets_hold(record: dict) -> None:
    """Every {start, end, text} in the answer quotes the answer's own text."""
    text = record["text"]

    def walk(node: object) -> None:
        if isinstance(node, dict):
            if {"start", "end", "text"} <= node.keys() and isinstance(node["start"], int):
                assert text[node["start"] : node["end"]] == node["text"], node
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk({k: v for k, v in record.items() if k != "text"})
