"""Turn files, folders and records into `Article`s, one per document, never raising for one.

`read_paths` walks paths (files, folders, globs) and dispatches each file on its extension
to a reader in `READERS`; a reader yields Articles. A document that cannot be read becomes
an Article with a fatal `DocError`, so a batch never stops at one bad document.
"""

from __future__ import annotations

import glob
import hashlib
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from fivew.ingest import validate
from fivew.ingest.text import read_layout, split_lines
from fivew.records import Article, DocError, Part

Reader = Callable[[Path], Iterator[Article]]


def content_id(text: str) -> str:
    """The article id: a hash of the text, so the same text always gets the same id."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:20]


def failed(source: str, error: DocError, text: str = "") -> Article:
    return Article(id=content_id(source + "\0" + text), source=source, text=text, errors=[error])


def from_text(
    text: str,
    source: str = "<text>",
    *,
    id: str | None = None,
    title: str | None = None,
    url: str | None = None,
    published: str | None = None,
    updated: str | None = None,
    authors: list[str] | None = None,
    layout: bool = True,
    max_bytes: int = validate.MAX_BYTES,
) -> Article:
    """An Article from plain text; with `layout`, title, byline, dates and captions are read
    from the text's lines and only body paragraphs are analysed."""
    errors = validate.check_text(text, max_bytes)
    if any(e.fatal and e.code in ("empty", "too_large") for e in errors):
        return failed(source, errors[0], "" if errors[0].code == "too_large" else text)
    article = Article(id=id or content_id(text), source=source, text=text, url=url, errors=errors)
    if layout:
        found = read_layout(text)
        article.parts = found.parts
        article.title, article.authors = found.title, found.authors
        article.published, article.updated = found.published, found.updated
    else:
        article.parts = [Part("body", line.start, line.end) for line in split_lines(text)]
    article.title = title or article.title
    article.authors = authors or article.authors
    article.published = published or article.published
    article.updated = updated or article.updated
    if not article.body and article.ok:
        article.errors.append(DocError(
            "no_article", "no body paragraphs found: the text has no sentences to analyse"
        ))
    article.language = None if any(e.code == "not_english" for e in errors) else "en"
    return article


def from_bytes(data: bytes, source: str, max_bytes: int = validate.MAX_BYTES) -> Article:
    text, errors = validate.decode(data, max_bytes)
    if text is None:
        return failed(source, errors[0])
    article = from_text(text, source, max_bytes=max_bytes)
    article.errors[:0] = errors
    return article


def read_text_file(path: Path) -> Iterator[Article]:
    yield from_bytes(path.read_bytes(), str(path))


def _read_html(path: Path) -> Iterator[Article]:
    from fivew.ingest.html import read_html_file

    yield from read_html_file(path)


def _read_jsonl(path: Path) -> Iterator[Article]:
    from fivew.ingest.jsonl import read_jsonl_file

    yield from read_jsonl_file(path)


def _read_warc(path: Path) -> Iterator[Article]:
    from fivew.ingest.warc import read_warc_file

    yield from read_warc_file(path)


def _read_feed(path: Path) -> Iterator[Article]:
    from fivew.ingest.feeds import read_feed_file

    yield from read_feed_file(path)


def _read_xml(path: Path) -> Iterator[Article]:
    from fivew.ingest.feeds import read_xml_file

    yield from read_xml_file(path)


READERS: dict[str, Reader] = {
    ".txt": read_text_file,
    ".text": read_text_file,
    ".md": read_text_file,
    ".html": _read_html,
    ".htm": _read_html,
    ".xhtml": _read_html,
    ".jsonl": _read_jsonl,
    ".ndjson": _read_jsonl,
    ".json": _read_jsonl,
    ".warc": _read_warc,
    ".warc.gz": _read_warc,
    ".rss": _read_feed,
    ".atom": _read_feed,
    ".xml": _read_xml,  # a feed, when it is one
}


def reader_for(path: Path) -> Reader:
    name = path.name.lower()
    for suffix in sorted(READERS, key=len, reverse=True):
        if name.endswith(suffix):
            return READERS[suffix]
    with path.open("rb") as fh:
        head = fh.read(2048).lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html")):
        return _read_html
    if head.startswith((b"<?xml", b"<rss", b"<feed")):
        return _read_xml
    return read_text_file


def expand(paths: Iterable[str]) -> Iterator[Path]:
    """Files named by paths, folders (recursively, sorted) and glob patterns."""
    for raw in paths:
        matches = sorted(glob.glob(raw, recursive=True)) if glob.has_magic(raw) else [raw]
        for match in matches:
            path = Path(match)
            if path.is_dir():
                yield from sorted(
                    p for p in path.rglob("*")
                    if p.is_file() and not any(part.startswith(".") for part in p.parts)
                )
            else:
                yield path


def read_paths(paths: Iterable[str]) -> Iterator[Article]:
    """Every article in `paths`; unreadable files become Articles with a fatal error."""
    for path in expand(paths):
        if not path.exists():
            yield failed(str(path), DocError("unreadable", f"{path}: no such file or folder"))
            continue
        try:
            yield from reader_for(path)(path)
        except OSError as exc:
            yield failed(str(path), DocError("unreadable", f"{path}: cannot read: {exc.strerror}"))
        except Exception as exc:  # a reader's bug on one odd file must not stop a batch
            yield failed(str(path), DocError("internal", f"{path}: reading failed: {exc!r}"))
