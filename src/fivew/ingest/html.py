"""HTML pages: trafilatura finds the article body, htmldate its dates.

The Article's `text` is the page's title, a blank line, then the extracted body with one
paragraph per line; every offset refers to that text (the HTML itself is not kept).
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import trafilatura
from htmldate import find_date

from fivew.ingest import failed, validate
from fivew.ingest.text import Line, split_lines
from fivew.records import Article, DocError, Part

# trafilatura and htmldate log every page they find hard at WARNING; that is noise here.
for _name in ("trafilatura", "htmldate"):
    logging.getLogger(_name).setLevel(logging.ERROR)


def from_html(html: str, source: str, url: str | None = None) -> Article:
    """An Article from one HTML page; an error Article when the page holds no article."""
    doc = trafilatura.bare_extraction(
        html, url=url, include_comments=False, include_tables=False, with_metadata=True
    )
    body = _field(doc, "text")
    if len(body.split()) < 20:
        return failed(source, DocError(
            "no_article", "no article text found in the HTML page (navigation or an index page?)"
        ))
    title = _field(doc, "title") or None
    text = f"{title}\n\n{body}" if title else body
    from fivew.ingest import from_text

    article = from_text(text, source, url=url or _field(doc, "url") or None, layout=False)
    if not article.ok:
        return article
    lines = list(split_lines(text))
    parts = []
    for i, line in enumerate(lines):
        if i == 0 and title:
            parts.append(Part("title", line.start, line.end))
        else:
            parts.append(Part("body" if _is_paragraph(line) else "other", line.start, line.end))
    article.parts = parts
    article.title = title
    article.authors = [a.strip() for a in _field(doc, "author").split(";") if a.strip()]
    article.published = _date(html, original=True) or _field(doc, "date") or None
    updated = _date(html, original=False)
    article.updated = updated if updated and updated != article.published else None
    return article


def read_html_file(path: Path) -> Iterator[Article]:
    text, errors = validate.decode(path.read_bytes())
    if text is None:
        yield failed(str(path), errors[0])
        return
    article = from_html(text, str(path))
    article.errors[:0] = errors
    yield article


def _field(doc: object, name: str) -> str:
    """A metadata field of trafilatura's result (an object or a dict, by version), or ""."""
    value = doc.get(name) if isinstance(doc, dict) else getattr(doc, name, None)
    return str(value).strip() if value else ""


def _is_paragraph(line: Line) -> bool:
    return line.is_prose or line.words > 12


def _date(html: str, original: bool) -> str | None:
    try:
        found = find_date(html, extensive_search=True, original_date=original)
    except Exception:  # htmldate raises on some malformed pages; a date is optional
        return None
    return str(found) if found else None
