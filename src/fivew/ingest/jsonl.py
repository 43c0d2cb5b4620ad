"""JSON Lines: one article per line, `{"text": ...}` or `{"html": ...}`.

Optional keys: `id`, `url`, `title`, `published`, `updated`, `authors`. A `.json` file may
also hold a single object or a list of them. A bad line becomes an error Article that
names the line; the other lines are read.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from fivew.ingest import failed, from_text, validate
from fivew.records import Article, DocError


def from_record(record: Any, source: str) -> Article:
    if not isinstance(record, dict):
        return failed(source, DocError("unreadable", f"{source}: expected a JSON object"))
    meta = {k: record.get(k) for k in ("title", "url", "published", "updated")}
    authors = record.get("authors")
    if isinstance(record.get("html"), str) and not record.get("text"):
        from fivew.ingest.html import from_html

        article = from_html(record["html"], source, url=meta["url"])
        for key in ("title", "published", "updated"):
            if meta[key]:
                setattr(article, key, str(meta[key]))
    elif isinstance(record.get("text"), str):
        article = from_text(
            record["text"], source,
            **{k: str(v) for k, v in meta.items() if v},  # type: ignore[arg-type]
            authors=[str(a) for a in authors] if isinstance(authors, list) else None,
            # Text given with a title is already a clean body; otherwise read its layout.
            layout=not meta["title"],
        )
    else:
        return failed(source, DocError("empty", f"{source}: no 'text' or 'html' field"))
    if record.get("id") is not None and article.ok:
        article.id = str(record["id"])
    return article


def read_jsonl_file(path: Path) -> Iterator[Article]:
    text, errors = validate.decode(path.read_bytes(), max_bytes=10**12)
    if text is None:
        yield failed(str(path), errors[0])
        return
    stripped = text.lstrip()
    if path.suffix.lower() == ".json" and stripped[:1] in "[{":
        try:
            data = json.loads(text)
        except json.JSONDecodeError:
            data = None  # fall back to one object per line
        if data is not None:
            for n, record in enumerate(data if isinstance(data, list) else [data], start=1):
                yield from_record(record, f"{path}#{n}")
            return
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        source = f"{path}:{n}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield failed(source, DocError("unreadable", f"{source}: not valid JSON ({exc.msg})"))
            continue
        yield from_record(record, source)
