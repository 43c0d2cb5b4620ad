"""POST /extract and the rest of the HTTP surface through a real server (uvicorn on
127.0.0.1, requests with httpx): offsets, size limits, errors, OpenAPI, security headers.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from api_helpers import API_MAX_BYTES, BULLETINS, check_error, offsets_hold
from fivew.api import create_app
from fivew.api.extract import Extractor
from server_helpers import running

MAX_BYTES = API_MAX_BYTES


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
def test_model_is_loaded_once_and_reused(api_db: Path, pipeline) -> None:  # type: ignore[no-untyped-def]
    extractor = Extractor(pipeline=pipeline)
    with running(create_app(api_db, extractor=extractor)) as url:
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
    (b"{\"text\": \"Talks in Oslo \\ud800 resumed.\", \"title\": \"T\"}", "application/json",
     422, "invalid_request", "unpaired surrogate"),
    (b"text=hello", "application/x-www-form-urlencoded", 415, "unsupported_media_type",
     "application/json"),
    (b"Breaking news", "text/plain", 422, "no_article", "no body paragraphs"),
])
def test_bad_requests_get_clear_errors(client: httpx.Client, body: bytes, content_type: str,
                                       status: int, code: str, says: str) -> None:
    answer = check_error(client.post("/extract", content=body,
                                     headers={"content-type": content_type}), status, code)
    assert says.lower() in json.dumps(answer).lower()


# ---- the rest of the surface -----------------------------------------------------------


@pytest.mark.slow
def test_openapi_describes_the_api(client: httpx.Client) -> None:
    spec = client.get("/openapi.json").json()
    for path in ("/extract", "/articles", "/articles/{article_id}", "/quotes", "/speakers",
                 "/events"):
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


NEWS_WORDS = st.sampled_from(["the", "minister", "said", "on", "Monday", "that", "talks", "in",
                              "Kyiv", "would", "resume", "\u201c", "\u201d", "\n", "\n\n",
                              "(AP)", "\u00e9", "\U0001F389", "\t", "\u200b", "<b>", "&amp;"])


@pytest.mark.slow
@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.one_of(st.text(max_size=200),
                      st.lists(NEWS_WORDS, max_size=60).map(" ".join)),
       titled=st.booleans())
def test_any_text_gets_a_record_or_a_clear_4xx_never_a_crash(client: httpx.Client, text: str,
                                                             titled: bool) -> None:
    body = {"text": text, **({"title": "T"} if titled else {})}
    response = client.post("/extract", json=body)
    assert response.status_code in (200, 422), response.text
    if response.status_code == 422:
        check_error(response, 422)
        return
    record = response.json()
    assert record["text"] == text
    offsets_hold(record)
