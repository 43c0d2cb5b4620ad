"""Ingest formats (text, HTML, JSONL, folders, globs) and the CLI around them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from fivew.cli import main
from fivew.ingest import content_id, from_text, read_paths
from fivew.ingest.html import from_html
from fivew.ingest.text import read_layout

PARAGRAPHS = [
    "The central bank raised interest rates by half a point on Thursday, its fourth increase this year.",
    "“Inflation is still far too high,” the bank’s governor told a news conference in the capital.",
    "Economists had expected a smaller rise, and the currency strengthened after the announcement.",
]
PAGE = f"""<!doctype html><html><head><title>Bank raises rates again | The Daily Ledger</title>
<meta name="author" content="Rosa Mendes"><meta property="article:published_time" content="2023-06-15T09:30:00Z">
</head><body><nav><a href="/">Home</a> <a href="/economy">Economy</a></nav>
<article><h1>Bank raises rates again</h1>
{''.join(f'<p>{p}</p>' for p in PARAGRAPHS)}
</article><aside>Most read: Ten recipes for summer</aside><footer>© The Daily Ledger</footer></body></html>"""


def test_html_keeps_title_author_date_and_paragraphs() -> None:
    article = from_html(PAGE, "page.html")
    assert article.ok, article.errors
    assert article.title and "Bank raises rates again" in article.title
    assert article.authors == ["Rosa Mendes"]
    assert article.published == "2023-06-15"
    body = [article.text[p.start : p.end] for p in article.body]
    assert body == PARAGRAPHS
    assert "recipes" not in article.text and "Economy" not in " ".join(body)


def test_jsonl_records_and_metadata(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    lines = [
        {"id": "a1", "text": "\n\n".join(PARAGRAPHS), "title": "Rates", "published": "2023-06-15",
         "url": "https://example.org/a1", "authors": ["Rosa Mendes"]},
        {"html": PAGE, "url": "https://example.org/a2"},
    ]
    path.write_text("\n".join(json.dumps(line) for line in lines) + "\n")
    first, second = read_paths([str(path)])
    assert (first.id, first.title, first.published, first.url) == ("a1", "Rates", "2023-06-15", "https://example.org/a1")
    assert first.authors == ["Rosa Mendes"]
    assert [first.text[p.start : p.end] for p in first.body] == PARAGRAPHS
    assert second.ok and second.url == "https://example.org/a2" and len(second.body) == 3
    assert first.source.endswith("feed.jsonl:1") and second.source.endswith("feed.jsonl:2")


def test_folders_and_globs_are_walked_in_order(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "b.txt").write_text("\n\n".join(PARAGRAPHS))
    (tmp_path / "sub" / "a.html").write_text(PAGE)
    (tmp_path / ".hidden.txt").write_text("ignored")
    sources = [Path(a.source).name for a in read_paths([str(tmp_path)])]
    assert sources == ["b.txt", "a.html"]
    assert [Path(a.source).name for a in read_paths([str(tmp_path / "**" / "*.html")])] == ["a.html"]


def test_same_text_same_id() -> None:
    text = "\n\n".join(PARAGRAPHS)
    assert from_text(text).id == from_text(text, "elsewhere").id == content_id(text)
    assert from_text(text).id != from_text(text + " ").id


def test_cli_formats(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Bank raises rates\n\n" + "\n\n".join(PARAGRAPHS))
    runner = CliRunner()
    as_json = runner.invoke(main, ["extract", str(tmp_path), "--format", "json"])
    assert as_json.exit_code == 0, as_json.output
    (record,) = json.loads(as_json.stdout)
    assert {"id", "source", "title", "authors", "published", "updated", "text", "body", "captions",
            "entities", "quotes", "events", "errors"} <= record.keys()
    assert record["title"] == "Bank raises rates"
    for ent in record["entities"]:
        assert record["text"][ent["start"] : ent["end"]] == ent["text"]
    out = tmp_path / "out.jsonl"
    assert runner.invoke(main, ["extract", str(tmp_path / "a.txt"), "--format", "jsonl", "-o", str(out)]).exit_code == 0
    assert json.loads(out.read_text().splitlines()[0])["id"] == record["id"]
    table = runner.invoke(main, ["extract", str(tmp_path), "--format", "table"])
    assert table.exit_code == 0 and "Bank raises rates" in table.stdout
    helptext = runner.invoke(main, ["extract", "--help"]).stdout
    for option in ("--format", "--output", "--model", "--batch-size"):
        assert option in helptext


@pytest.mark.parametrize("module", ["fivew", "fivew.cli"])
def test_python_dash_m_runs_the_cli(module: str) -> None:
    done = subprocess.run([sys.executable, "-m", module, "--help"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    for command in ("extract", "evaluate", "ingest", "query", "export", "serve"):
        assert command in done.stdout


line_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\r"), max_size=80
)


@settings(max_examples=200, deadline=None)
@given(st.lists(line_text, max_size=30))
def test_layout_never_fails_and_parts_quote_the_text(lines: list[str]) -> None:
    text = "\n".join(lines)
    for part in read_layout(text).parts:
        chunk = text[part.start : part.end]
        assert chunk and chunk == chunk.strip()
