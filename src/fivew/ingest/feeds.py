"""RSS and Atom feed files (feedparser): one Article per entry.

An entry's article text is its title, a blank line, then the paragraphs of its content
(or, failing that, its summary), one paragraph per line, with HTML markup removed; every
offset refers to that text. `url` is the entry's link, `published`/`updated` its dates.
Entries with neither content nor summary become error Articles naming the entry.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import feedparser
import lxml.html

from fivew.ingest import failed, from_text
from fivew.records import Article, DocError, Part

BLOCKS = ("p", "li", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "td")
FEED_ROOTS = (b"<rss", b"<feed", b"<rdf:rdf", b"<rdf")


def is_feed(head: bytes) -> bool:
    """Whether the start of an XML file is an RSS, Atom or RDF feed."""
    low = head.lower()
    return any(root in low for root in FEED_ROOTS)


def read_feed_file(path: Path) -> Iterator[Article]:
    data = path.read_bytes()
    feed = feedparser.parse(data)
    if not feed.entries:
        reason = f" ({feed.bozo_exception})" if feed.get("bozo") else ""
        yield failed(str(path), DocError(
            "unreadable", f"{path}: no feed entries found{reason}; expected an RSS or Atom feed",
        ))
        return
    for n, entry in enumerate(feed.entries, start=1):
        yield from_entry(entry, f"{path}#{entry.get('id') or entry.get('link') or n}")


def read_xml_file(path: Path) -> Iterator[Article]:
    """`.xml`: read as a feed when it is one; other XML is not an article format."""
    with path.open("rb") as fh:
        head = fh.read(4096)
    if is_feed(head):
        yield from read_feed_file(path)
    else:
        yield failed(str(path), DocError(
            "unreadable", f"{path}: XML that is not an RSS or Atom feed; fivew reads feeds, "
            "HTML, text, JSONL and WARC files",
        ))


def from_entry(entry: Any, source: str) -> Article:
    title = " ".join((entry.get("title") or "").split()) or None
    paragraphs = _paragraphs(_content(entry))
    if not paragraphs:
        return failed(source, DocError("empty", f"{source}: the feed entry has no content or summary"))
    text = "\n\n".join(([title] if title else []) + paragraphs)
    article = from_text(
        text, source, title=title, url=entry.get("link"), layout=False,
        published=_date(entry, "published") or _date(entry, "updated"),
        updated=_date(entry, "updated") if _date(entry, "published") else None,
        authors=[a["name"] for a in entry.get("authors", []) if a.get("name")] or None,
    )
    if title and article.parts and article.parts[0].start == 0:
        article.parts[0] = Part("title", 0, len(title))
    return article


def _content(entry: Any) -> str:
    for item in entry.get("content") or []:
        if item.get("value", "").strip():
            return str(item["value"])
    return str(entry.get("summary") or "")


def _paragraphs(markup: str) -> list[str]:
    """Text of the block elements of an HTML fragment (or the plain text's lines)."""
    if not markup.strip():
        return []
    if "<" not in markup:
        lines = [" ".join(line.split()) for line in markup.splitlines()]
        return [line for line in lines if line]
    root = lxml.html.fragment_fromstring(markup, create_parent="div")
    blocks = [el for el in root.iter(*BLOCKS) if not any(a.tag in BLOCKS for a in el.iterancestors())]
    texts = [" ".join(el.text_content().split()) for el in blocks] or [
        " ".join(root.text_content().split())
    ]
    return [t for t in texts if t]


def _date(entry: Any, key: str) -> str | None:
    # dict.get: feedparser's own get() maps a missing `updated` onto `published`.
    parsed: time.struct_time | None = dict.get(entry, f"{key}_parsed")
    if not parsed:
        return None
    return time.strftime("%Y-%m-%dT%H:%M:%S", parsed)
