"""How many rows a store listing matches over all pages (the `total` of a `Page`).

`fivew.store.queries.Queries` builds each listing as one SQL query ending in
`LIMIT ? OFFSET ?` and runs it through `self._rows(sql, params)`. Rather than repeat each
listing's filters here, `count_rows` runs the same method on a stand-in whose `_rows`
wraps that query in `SELECT count(*)`, so a filter added to the store is counted too.
"""

from __future__ import annotations

import re
from typing import Any

PAGED = re.compile(r"\s+LIMIT \? OFFSET \?\s*$")


class _Counting:
    """Looks like a Store to a `Queries` method; answers with the row count instead."""

    def __init__(self, store: Any) -> None:
        self.store = store

    def _rows(self, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
        params = list(params or [])
        if not PAGED.search(sql):
            raise ValueError(f"not a paged listing query: {sql[-60:]!r}")
        inner = PAGED.sub("", sql)
        return self.store._rows(f"SELECT count(*) AS n FROM ({inner})", params[:-2])


def count_rows(store: Any, method: str, **filters: Any) -> int:
    """The number of rows `store.<method>(**filters)` would return without paging."""
    query = getattr(type(store), method)
    found = query(_Counting(store), limit=1, offset=0, **filters)
    return int(found[0]["n"]) if found else 0
