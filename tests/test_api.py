"""The HTTP API through a real server: uvicorn on 127.0.0.1, requests with httpx.

The listings run against a real DuckDB file built with `fivew.store.Store` from
hand-built records (tests/web_articles.py, tests/store_helpers.py) and generated bulletins.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from click.testing import CliRunner

from fivew.api import create_app
from fivew.api.contract import article_record
from fivew.api.extract import Extractor
from fivew.api.paging import count_rows
from fivew.cli import main
from fivew.ingest import from_text
from fivew.records import Article, as_dict
from fivew.store import Store
from server_helpers import free_port, running
from store_helpers import talks_article
from web_articles import hostile, stalled_talks

MAX_BYTES = 20_000

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


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("api") / "fivew.duckdb"
    articles = [stalled_talks(), hostile(), talks_article(published="2022-03-14")]
    articles += [bulletin(n) for n in range(BULLETINS)]
    with Store(path) as store:
        result = store.add(articles)
    assert result.added == len(articles) and result.duplicates == 0, result
    return path


@pytest.fixture(scope="module")
def server(db: Path, pipeline) -> Iterator[str]:  # type: ignore[no-untyped-def]
    app = create_app(db, max_bytes=MAX_BYTES, extractor=Extractor(pipeline=pipeline))
    with running(app) as url:
        yield url


@pytest.fixture
def client(server: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server, timeout=60) as c:
        yield c


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


# ---- POST /extract ---------------------------------------------------------------------

EXTRACT_TEXTS = [  # (text, a place the entity stage should find in it)
    ("Officials in Lisbon said on Monday that the bridge would reopen in May.", "Lisbon"),
    ("The union rejected the offer.\r\nWorkers in Madrid will strike on Friday, a spokesman "
     "said.", "Madrid"),
    ("Café owners in Zürich — about 40 of them — protested the new rules, police said. 😀 "
     "Officials in Geneva did not comment.", "Geneva"),
    ("  Leading spaces and a trailing newline in Paris are kept as sent.  \n", "Paris"),
]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "place"), EXTRACT_TEXTS)
def test_extract_returns_the_text_exactly_with_valid_offsets(client: httpx.Client,
                                                             text: str, place: str) -> None:
    response = client.post("/extract", json={"text": text, "title": "A title",
                                              "published": "2023-05-02"})
    assert response.status_code == 200, response.text
    record = response.json()
    assert record["text"] == text
    assert record["title"] == "A title" and record["published"] == "2023-05-02"
    assert record["body"], "a titled text is all body"
    for part in record["body"]:
        assert 0 <= part["start"] < part["end"] <= len(text)
    found = [e for e in record["entities"] if e["text"] == place]
    assert found, record["entities"]
    assert text[found[0]["start"] : found[0]["end"]] == place  # code points, as Python counts
    offsets_hold(record)


@pytest.mark.slow
def test_extract_plain_text_reads_the_layout(client: httpx.Client) -> None:
    text = ("Port strike ends after two weeks\n\nBy Ana Reis\n\nMarch 3, 2023\n\n"
            "Dock workers in Porto returned to work on Friday after the union accepted a pay "
            "offer, the port authority said.")
    response = client.post("/extract", content=text.encode(),
                           headers={"content-type": "text/plain; charset=utf-8"})
    assert response.status_code == 200, response.text
    record = response.json()
    assert record["text"] == text
    assert record["title"] == "Port strike ends after two weeks"
    assert record["authors"] == ["Ana Reis"]
    body = [text[p["start"] : p["end"]] for p in record["body"]]
    assert body == [text.split("\n\n")[-1]]


@pytest.mark.slow
def test_extract_html_page(client: httpx.Client) -> None:
    paragraph = ("The regional government said on Tuesday that it would build a new hospital in "
                 "the northern town, and that construction would start next spring.")
    html = (f"<html><head><title>Hospital plan</title></head><body><nav>Home | News</nav>"
            f"<article><h1>Hospital plan approved</h1><p>{paragraph}</p><p>{paragraph} "
            f"Critics said the budget was too small.</p></article></body></html>")
    response = client.post("/extract", json={"html": html, "url": "https://example.org/a"})
    assert response.status_code == 200, response.text
    record = response.json()
    assert paragraph in record["text"] and "<p>" not in record["text"]
    assert record["url"] == "https://example.org/a"
    offsets_hold(record)


@pytest.mark.slow
def test_model_is_loaded_once_and_reused(db: Path, pipeline) -> None:  # type: ignore[no-untyped-def]
    extractor = Extractor(pipeline=pipeline)
    with running(create_app(db, extractor=extractor)) as url:
        for n in range(2):
            r = httpx.post(f"{url}/extract", json={"text": f"Talks resumed in Oslo, day {n}."})
            assert r.status_code == 200
    assert extractor.pipeline is pipeline


@pytest.mark.slow
def test_oversized_body_is_refused_with_413(client: httpx.Client) -> None:
    big = "Officials said the talks would continue. " * (MAX_BYTES // 20)
    body = check_error(client.post("/extract", json={"text": big}), 413, "too_large")
    assert f"{MAX_BYTES:,}" in body["message"]


@pytest.mark.slow
def test_oversized_chunked_body_is_refused_while_streaming(client: httpx.Client) -> None:
    def chunks() -> Iterator[bytes]:  # no Content-Length: the server must count
        for _ in range(MAX_BYTES // 1000 + 5):
            yield b"x" * 1000

    response = client.post("/extract", content=chunks(), headers={"content-type": "text/plain"})
    check_error(response, 413, "too_large")


@pytest.mark.slow
@pytest.mark.parametrize(("body", "content_type", "status", "code", "says"), [
    (b"{\"text\": ", "application/json", 400, "invalid_json", "not valid JSON"),
    (b"\xff\xfe\x00bad", "text/plain", 400, "encoding", "UTF-8"),
    (b"{\"text\": \"   \"}", "application/json", 422, "invalid_request", "empty"),
    (b"{\"title\": \"only a title\"}", "application/json", 422, "invalid_request", "text"),
    (b"{\"text\": \"a\", \"html\": \"<p>b</p>\"}", "application/json", 422, "invalid_request",
     "exactly one"),
    (b"{\"text\": 42}", "application/json", 422, "invalid_request", "text"),
    (b"{\"text\": \"Talks.\", \"colour\": 1}", "application/json", 422, "invalid_request",
     "colour"),
    (b"[\"a list\"]", "application/json", 422, "invalid_request", "object"),
    (b"{\"text\": \"Talks.\", \"published\": \"last Monday\"}", "application/json", 422,
     "invalid_request", "ISO 8601"),
    (b"   \n", "text/plain", 422, "empty", "empty"),
    (b"text=hello", "application/x-www-form-urlencoded", 415, "unsupported_media_type",
     "application/json"),
    (b"Breaking news", "text/plain", 422, "no_article", "no body paragraphs"),
])
def test_bad_requests_get_clear_errors(client: httpx.Client, body: bytes, content_type: str,
                                       status: int, code: str, says: str) -> None:
    answer = check_error(client.post("/extract", content=body,
                                     headers={"content-type": content_type}), status, code)
    assert says.lower() in json.dumps(answer).lower()


# ---- listings --------------------------------------------------------------------------


@pytest.mark.slow
def test_articles_page_through_everything_once(client: httpx.Client) -> None:
    seen: list[str] = []
    offset = 0
    while True:
        page = client.get("/articles", params={"limit": 4, "offset": offset}).json()
        assert page["total"] == BULLETINS + 3 and page["limit"] == 4
        assert all("text" not in item for item in page["items"]), "summaries carry no text"
        seen += [item["id"] for item in page["items"]]
        if not page["items"]:
            break
        offset += 4
    assert len(seen) == len(set(seen)) == BULLETINS + 3
    dates = [d for d in (client.get(f"/articles/{i}").json()["published"] for i in seen) if d]
    assert dates == sorted(dates, reverse=True), "newest first"


@pytest.mark.slow
def test_article_filters(client: httpx.Client) -> None:
    page = client.get("/articles", params={"since": "2023-02-01", "until": "2023-02-28"}).json()
    expected = {f"Bulletin {n}" for n in range(BULLETINS)
                if "2023-02-01" <= (dt.date(2023, 1, 1) + dt.timedelta(days=7 * n)).isoformat()
                <= "2023-02-28"}
    assert {item["title"] for item in page["items"]} == expected
    assert page["total"] == len(expected) > 0
    found = client.get("/articles", params={"search": "shelling"}).json()
    assert [item["title"] for item in found["items"]] == [stalled_talks().title]


@pytest.mark.slow
def test_stored_article_comes_back_in_the_output_contract(client: httpx.Client) -> None:
    original = stalled_talks()
    record = client.get(f"/articles/{original.id}").json()
    assert record["text"] == original.text and record["title"] == original.title
    offsets_hold(record)
    want = as_dict(original)
    for key in ("quotes", "places", "dates"):
        assert len(record[key]) == len(want[key])
    for got, sent in zip(record["quotes"], want["quotes"], strict=True):
        assert (got["start"], got["end"], got["kind"]) == (sent["start"], sent["end"], sent["kind"])
        assert got["speaker"]["name"] == sent["speaker"]["name"]
        assert got["speaker"]["role"] == sent["speaker"]["role"]
    got_events = sorted(record["events"], key=lambda e: e["evidence"]["start"])
    for got, sent in zip(got_events, want["events"], strict=True):
        assert got["type"] == sent["type"] and got["negated"] == sent["negated"]
        assert got["evidence"] == sent["evidence"] and got["trigger"] == sent["trigger"]
        assert (got["source"] or {}).get("name") == (sent["source"] or {}).get("name")
        assert (got["date"] or {}).get("value") == (sent["date"] or {}).get("value")
    assert [(p["lat"], p["lon"]) for p in record["places"]] == \
        [(p["lat"], p["lon"]) for p in want["places"]]


@pytest.mark.slow
def test_unknown_article_is_404(client: httpx.Client) -> None:
    body = check_error(client.get("/articles/no-such-id"), 404, "not_found")
    assert "no-such-id" in body["message"]


@pytest.mark.slow
def test_quotes_filter_by_speaker(client: httpx.Client) -> None:
    page = client.get("/quotes", params={"speaker": "orlov"}).json()
    assert page["total"] == 2
    assert {q["speaker_name"] for q in page["items"]} == {"Pavel Orlov"}
    for quote in page["items"]:
        text = client.get(f"/articles/{quote['article_id']}").json()["text"]
        assert text[quote["start"] : quote["end"]] == quote["text"]
    first = client.get("/quotes", params={"limit": 1}).json()
    assert first["total"] == 6 + 1 + 2 and len(first["items"]) == 1


@pytest.mark.slow
def test_events_filter_by_type_and_country(client: httpx.Client) -> None:
    assaults = client.get("/events", params={"type": "assault"}).json()
    assert assaults["total"] == 3  # two in the stalled talks, one in the harbour story
    assert {e["event_type"] for e in assaults["items"]} == {"ASSAULT"}
    russian = client.get("/events", params={"type": "ASSAULT", "source_country": "rus"}).json()
    assert [e["source_actor"] for e in russian["items"]] == ["Russia"]
    assert russian["items"][0]["negated"] is True
    page2 = client.get("/events", params={"limit": 2, "offset": 2}).json()
    assert page2["total"] == 4 + 2 and len(page2["items"]) == 2


@pytest.mark.slow
@pytest.mark.parametrize(("path", "params", "field"), [
    ("/articles", {"limit": 0}, "limit"),
    ("/articles", {"limit": 501}, "limit"),
    ("/quotes", {"offset": -1}, "offset"),
    ("/events", {"source_country": "RU"}, "source_country"),
    ("/events", {"since": "last tuesday"}, "since"),
    ("/articles", {"status": "maybe"}, "status"),
])
def test_bad_listing_parameters_are_422(client: httpx.Client, path: str, params: dict,
                                        field: str) -> None:
    body = check_error(client.get(path, params=params), 422, "invalid_request")
    assert field in body["message"]
    assert any(field in d["location"] for d in body["details"])


# ---- the rest of the surface -----------------------------------------------------------


@pytest.mark.slow
def test_openapi_describes_the_api(client: httpx.Client) -> None:
    spec = client.get("/openapi.json").json()
    for path in ("/extract", "/articles", "/articles/{article_id}", "/quotes", "/events"):
        assert path in spec["paths"], path
    extract = spec["paths"]["/extract"]["post"]
    assert {"application/json", "text/plain"} <= set(extract["requestBody"]["content"])
    assert "413" in extract["responses"] and extract["description"]
    params = {p["name"] for p in spec["paths"]["/events"]["get"]["parameters"]}
    assert {"type", "source_country", "target_country", "since", "until", "limit",
            "offset"} <= params
    assert all(p.get("description") for p in spec["paths"]["/events"]["get"]["parameters"])


@pytest.mark.slow
@pytest.mark.parametrize("path", ["/", "/static/app.js", "/articles", "/nowhere"])
def test_every_answer_carries_a_strict_content_security_policy(client: httpx.Client,
                                                               path: str) -> None:
    response = client.get(path)
    policy = response.headers["content-security-policy"]
    assert "default-src 'self'" in policy and "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert response.headers["x-content-type-options"] == "nosniff"
    if path in ("/", "/static/app.js"):
        assert response.headers["cache-control"] == "no-cache"


@pytest.mark.slow
def test_unknown_path_and_wrong_method_get_json_errors(client: httpx.Client) -> None:
    check_error(client.get("/nowhere"), 404, "not_found")
    check_error(client.get("/extract"), 405, "method_not_allowed")


@pytest.mark.slow
def test_listings_without_a_database_say_how_to_get_one(pipeline) -> None:  # type: ignore[no-untyped-def]
    with running(create_app(extractor=Extractor(pipeline=pipeline))) as url:
        body = check_error(httpx.get(f"{url}/quotes"), 503, "unavailable")
        assert "--db" in body["message"]
        assert httpx.get(f"{url}/").status_code == 200


# ---- pieces without a server ---------------------------------------------------------------


def test_count_rows_matches_the_unpaged_listing(tmp_path: Path) -> None:
    with Store(tmp_path / "s.duckdb") as store:
        store.add([stalled_talks(), talks_article(), bulletin(1), bulletin(2)])
        for method, filters in [("articles", {}), ("articles", {"search": "harbour"}),
                                ("quotes", {}), ("quotes", {"speaker": "marchuk"}),
                                ("events", {"type": "CONSULT"}), ("events", {"actor": "zz"})]:
            everything = getattr(store, method)(limit=10_000, offset=0, **filters)
            assert count_rows(store, method, **filters) == len(everything), (method, filters)


def test_stored_rows_rebuild_a_record_with_valid_offsets(tmp_path: Path) -> None:
    article = hostile()
    with Store(tmp_path / "s.duckdb") as store:
        store.add([article])
        record = article_record(store.article(article.id))
    offsets_hold(record)
    assert record["quotes"][0]["speaker"]["name"] == article.quotes[0].speaker.name
    assert record["places"][0]["lat"] == 51.5


def test_serve_refuses_a_missing_database(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 2
    assert "none.duckdb" in result.output and "no such database" in result.output


@pytest.mark.slow
def test_fivew_serve_command_serves_the_database(db: Path) -> None:
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-c", "from fivew.cli import main; main()", "serve", "--db", str(db),
         "--port", str(port), "--max-bytes", "100"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=os.environ.copy(),
    )
    try:
        deadline = time.monotonic() + 90
        while True:
            assert process.poll() is None, process.stderr.read().decode()  # type: ignore[union-attr]
            try:
                response = httpx.get(f"http://127.0.0.1:{port}/articles", params={"limit": 1})
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline, "fivew serve did not start"
                time.sleep(0.25)
        assert response.status_code == 200 and response.json()["total"] == BULLETINS + 3
        too_big = httpx.post(f"http://127.0.0.1:{port}/extract", content=b"x" * 101,
                             headers={"content-type": "text/plain"})
        assert too_big.status_code == 413
    finally:
        process.terminate()
        process.wait(timeout=20)


@pytest.mark.slow
@pytest.mark.parametrize("path", ["/docs", "/redoc"])
def test_no_pages_that_load_scripts_from_elsewhere(client: httpx.Client, path: str) -> None:
    check_error(client.get(path), 404, "not_found")


@pytest.mark.slow
@pytest.mark.parametrize("published", ["2022-03-21", "2022-03-21T10:15:00Z",
                                       "2022-03-21T10:15:00+02:00"])
def test_published_accepts_iso_dates_and_times(client: httpx.Client, published: str) -> None:
    response = client.post("/extract", json={"text": "Talks resumed in Oslo on Monday.",
                                              "title": "Talks", "published": published})
    assert response.status_code == 200, response.text
    assert response.json()["published"] == published


@pytest.mark.slow
def test_text_over_the_ingest_cap_is_413_even_when_the_body_limit_is_higher(pipeline) -> None:  # type: ignore[no-untyped-def]
    from fivew.ingest.validate import MAX_BYTES as INGEST_CAP

    app = create_app(max_bytes=INGEST_CAP * 2, extractor=Extractor(pipeline=pipeline))
    with running(app) as url:
        text = "Officials said the talks would continue. " * (INGEST_CAP // 40 + 10)
        response = httpx.post(f"{url}/extract", content=text.encode(), timeout=60,
                              headers={"content-type": "text/plain"})
    check_error(response, 413, "too_large")


def test_serve_takes_the_database_from_fivew_db(tmp_path: Path) -> None:
    missing = tmp_path / "from-env.duckdb"
    result = CliRunner().invoke(main, ["serve"], env={"FIVEW_DB": str(missing)})
    assert result.exit_code == 2 and "from-env.duckdb" in result.output


@pytest.mark.slow
def test_concurrent_requests_share_the_model_and_the_store(server: str) -> None:
    from concurrent.futures import ThreadPoolExecutor

    texts = [f"Officials in Lisbon said {n} ferries would run on Sunday." for n in range(4)]

    def extract(text: str) -> str:
        answer = httpx.post(f"{server}/extract", json={"text": text, "title": "T"}, timeout=120)
        answer.raise_for_status()
        return str(answer.json()["text"])

    def listing(offset: int) -> int:
        answer = httpx.get(f"{server}/articles", params={"limit": 2, "offset": offset})
        answer.raise_for_status()
        return int(answer.json()["total"])

    with ThreadPoolExecutor(max_workers=8) as pool:
        extracted = pool.map(extract, texts)
        totals = pool.map(listing, range(0, 16, 2))
        assert list(extracted) == texts
        assert set(totals) == {BULLETINS + 3}


def test_bundled_world_outline_is_valid() -> None:
    from fivew.api.app import WEB_DIR

    world = json.loads((WEB_DIR / "world.json").read_text(encoding="utf-8"))
    names = {c["name"] for c in world["countries"]}
    assert len(names) > 170 and {"Ukraine", "Russia", "Turkey", "Brazil"} <= names
    for country in world["countries"]:
        for ring in country["rings"]:
            assert len(ring) % 2 == 0 and len(ring) >= 6
            assert all(-180 <= x <= 180 for x in ring[::2])
            assert all(-90 <= y <= 90 for y in ring[1::2])
    assert "Natural Earth" in world["source"]
    assert "Permission to use" in (WEB_DIR / "world.LICENSE.txt").read_text(encoding="utf-8")
