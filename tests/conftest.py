"""Shared fixtures: the model is loaded once per test session."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest

from fivew.ingest import from_text
from fivew.pipeline import Pipeline
from fivew.records import Article, Event, Quote


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    return Pipeline()


@pytest.fixture(scope="session")
def nlp(pipeline: Pipeline):  # type: ignore[no-untyped-def]
    return pipeline.nlp


@pytest.fixture(scope="session")
def analyse(pipeline: Pipeline) -> Callable[..., Article]:
    """Run the whole pipeline on a snippet of body text (no layout reading unless
    `layout=True`).

    `analyse("Officials said on Monday ...", published="2022-03-21")`
    """

    def run(text: str, layout: bool = False, **metadata: str) -> Article:
        article = from_text(text, layout=layout, **metadata)  # type: ignore[arg-type]
        return next(pipeline.run([article]))

    return run


@pytest.fixture(scope="module")
def api_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A real DuckDB store of generated bulletins and hand-built articles (`api_helpers`)."""
    from api_helpers import build_store

    return build_store(tmp_path_factory.mktemp("api") / "fivew.duckdb")


@pytest.fixture(scope="module")
def server(api_db: Path, pipeline: Pipeline) -> Iterator[str]:
    """The HTTP API over `api_db`, served by uvicorn on loopback: its base URL."""
    from api_helpers import API_MAX_BYTES
    from fivew.api import create_app
    from fivew.api.extract import Extractor
    from server_helpers import running

    app = create_app(api_db, max_bytes=API_MAX_BYTES, extractor=Extractor(pipeline=pipeline))
    with running(app) as url:
        yield url


@pytest.fixture
def client(server: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server, timeout=60) as c:
        yield c


def only_quote(article: Article, fragment: str) -> Quote:
    """The one quote whose text contains `fragment` (fails if there are none or several)."""
    hits = [q for q in article.quotes if fragment in q.text]
    assert len(hits) == 1, (fragment, [(q.kind, q.text) for q in article.quotes])
    return hits[0]


def assert_offsets(article: Article) -> None:
    """Every span in every record quotes the article text exactly."""
    from fivew.records import as_dict

    def walk(node: object) -> None:
        if isinstance(node, dict):
            if {"start", "end", "text"} <= node.keys() and isinstance(node["start"], int):
                assert article.text[node["start"] : node["end"]] == node["text"], node
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    record = as_dict(article)
    record.pop("text")
    walk(record)


def event_pairs(article: Article, type_: str) -> set[tuple[str | None, str | None]]:
    """The (source country, target country) pairs of the article's events of one type."""
    return {(e.source and e.source.country, e.target and e.target.country)
            for e in article.events if e.type == type_}


def events_of(article: Article, type_: str) -> list[Event]:
    """The article's events of one type, in text order."""
    return [e for e in article.events if e.type == type_]
