"""The fivew store: articles and their records in an embedded DuckDB database.

`Store(path)` opens (or creates) a database file; `Store.add(articles)` writes analysed
articles; `Store.quotes(...)`, `events(...)`, `articles(...)`, `article(id)` answer the
common questions. Tables and columns are documented in docs/store.md.
"""

from __future__ import annotations

from fivew.store.database import DEFAULT_PATH, AddResult, Store

__all__ = ["DEFAULT_PATH", "AddResult", "Store"]
