"""WARC web archives (warcio): one Article per archived HTML page.

Each `response` (or `resource`) record whose payload is HTML goes through
`fivew.ingest.html.from_html`; its source is `<warc path>#<record target URI>` and its
`url` the target URI. Other records (requests, metadata, images, scripts) are not
articles and are passed over. A record that cannot be read becomes an error Article; a
file that is not a WARC at all becomes one error Article for the file.
"""

from __future__ import annotations

import gzip
from collections.abc import Iterator
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from fivew.ingest import failed, validate
from fivew.ingest.html import from_html
from fivew.records import Article, DocError

PAGE_RECORDS = ("response", "resource")


def is_warc(path: Path) -> bool:
    """Whether the file (gzipped or not) starts with a WARC record header."""
    with path.open("rb") as fh:
        head = fh.read(2)
    opener = gzip.open if head == b"\x1f\x8b" else open
    try:
        with opener(path, "rb") as fh:
            return bool(fh.read(5) == b"WARC/")
    except (OSError, EOFError):
        return False


def read_warc_file(path: Path) -> Iterator[Article]:
    if not is_warc(path):
        yield _not_warc(path, "it does not start with a WARC header")
        return
    with path.open("rb") as stream:
        try:
            for record in ArchiveIterator(stream):
                if record.rec_type not in PAGE_RECORDS or not _is_html(record):
                    continue
                uri = record.rec_headers.get_header("WARC-Target-URI") or ""
                yield _page(record.content_stream().read(), f"{path}#{uri}", uri or None)
        except ArchiveLoadFailed as exc:
            yield _not_warc(path, str(exc))


def _not_warc(path: Path, why: str) -> Article:
    return failed(str(path), DocError(
        "unreadable", f"{path}: not a readable WARC file ({why}); expected a .warc or .warc.gz "
        "written by a web archiver",
    ))


def _is_html(record: object) -> bool:
    http = getattr(record, "http_headers", None)
    if http is not None:
        kind = http.get_header("Content-Type") or ""
    else:  # resource records carry the type in the WARC header
        kind = record.rec_headers.get_header("Content-Type") or ""  # type: ignore[attr-defined]
    return "html" in kind.lower()


def _page(payload: bytes, source: str, url: str | None) -> Article:
    text, errors = validate.decode(payload)
    if text is None:
        return failed(source, errors[0])
    try:
        article = from_html(text, source, url=url)
    except Exception as exc:  # one malformed page must not stop the archive
        return failed(source, DocError("parse", f"{source}: the HTML could not be parsed: {exc!r}"))
    article.errors[:0] = errors
    return article
