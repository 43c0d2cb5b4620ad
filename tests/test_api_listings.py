"""The listings (/articles, /quotes, /events) against a real DuckDB file built with
`fivew.store.Store` from hand-built records and generated bulletins, through a real server;
the store-to-contract mapping and the row counts; `fivew serve` itself.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from click.testing import CliRunner

from api_helpers import BULLETINS, bulletin, check_error, offsets_hold
from fivew.api import create_app
from fivew.api.contract import article_record
from fivew.api.paging import count_rows
from fivew.cli import main
from fivew.records import as_dict
from fivew.store import Store
from server_helpers import free_port, running
from store_helpers import talks_article, write_0001_store
from web_articles import hostile, stalled_talks


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
    # The layout and every linked record come back whole, so the page can draw them.
    for key in ("parts", "body", "captions", "places", "dates", "entities"):
        assert record[key] == want[key], key
    assert [p["kind"] for p in record["parts"]][:2] == ["title", "byline"]
    for got, sent in zip(got_events, want["events"], strict=True):
        for key in ("date", "place", "fatalities", "injuries", "source", "target", "reason"):
            assert got[key] == sent[key], key


@pytest.mark.slow
def test_event_listing_rows_carry_the_offsets_of_their_date_and_place(
    client: httpx.Client
) -> None:
    rows = client.get("/events", params={"article_id": stalled_talks().id}).json()["items"]
    text = stalled_talks().text
    linked = [(r, prefix) for r in rows for prefix in ("date", "place", "fatalities")
              if r[f"{prefix}_start"] is not None]
    assert {prefix for _, prefix in linked} == {"date", "place", "fatalities"}
    for row, prefix in linked:
        assert text[row[f"{prefix}_start"]:row[f"{prefix}_end"]] == row[f"{prefix}_text"]


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
def test_speakers_are_counted_and_filtered(client: httpx.Client) -> None:
    page = client.get("/speakers").json()
    counts = {row["speaker"]: row["quotes"] for row in page["items"]}
    assert counts["Pavel Orlov"] == 2 and counts["Olena Marchuk"] == 2
    assert page["total"] == len(counts)
    about = client.get("/speakers", params={"about": "fishing rights"}).json()
    assert [row["speaker"] for row in about["items"]] == ["Mara Vell"]
    assert about["total"] == 1


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
    # The harbour story: NLD rejects SLD's proposal, SLD kills NLD fishermen.
    both = client.get("/events", params={"between": ["sld", "nld"]}).json()
    assert sorted((e["event_type"], e["source_country"]) for e in both["items"]) == [
        ("ASSAULT", "SLD"), ("REJECT", "NLD")] and both["total"] == 2
    rejects = client.get("/events", params={"between": ["SLD", "NLD"], "type": "REJECT",
                                            "since": "2022-03-01", "until": "2022-03-31"})
    assert [e["source_country"] for e in rejects.json()["items"]] == ["NLD"]


@pytest.mark.slow
@pytest.mark.parametrize(("path", "params", "field"), [
    ("/articles", {"limit": 0}, "limit"),
    ("/articles", {"limit": 501}, "limit"),
    ("/quotes", {"offset": -1}, "offset"),
    ("/events", {"source_country": "RU"}, "source_country"),
    ("/events", {"between": "RUS"}, "between"),
    ("/events", {"between": ["RUS", "U1R"]}, "between"),
    ("/events", {"since": "last tuesday"}, "since"),
    ("/articles", {"status": "maybe"}, "status"),
])
def test_bad_listing_parameters_are_422(client: httpx.Client, path: str, params: dict,
                                        field: str) -> None:
    body = check_error(client.get(path, params=params), 422, "invalid_request")
    assert field in body["message"]
    assert any(field in d["location"] for d in body["details"])


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


@pytest.mark.slow
def test_a_database_from_an_older_fivew_is_served(tmp_path: Path) -> None:
    path = tmp_path / "old.duckdb"
    write_0001_store(path)
    with running(create_app(path)) as url, httpx.Client(base_url=url, timeout=60) as client:
        record = client.get("/articles/old").json()
        assert record["text"] == "An old story." and record["parts"] == []
        assert client.get("/events").json()["total"] == 0


def test_serve_refuses_a_missing_database(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 2
    assert "none.duckdb" in result.output and "no such database" in result.output


@pytest.mark.slow
def test_fivew_serve_command_serves_the_database(api_db: Path) -> None:
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-c", "from fivew.cli import main; main()", "serve", "--db", str(api_db),
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


def test_serve_takes_the_database_from_fivew_db(tmp_path: Path) -> None:
    missing = tmp_path / "from-env.duckdb"
    result = CliRunner().invoke(main, ["serve"], env={"FIVEW_DB": str(missing)})
    assert result.exit_code == 2 and "from-env.duckdb" in result.output
