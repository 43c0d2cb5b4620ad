"""The questions users ask a store without writing SQL, shared by `fivew query` and the API.

Every method returns a list of plain dicts (one per row, keys are the columns documented
in docs/store.md) and pages with `limit`/`offset`. Near-duplicate articles (wire copies,
`articles.duplicate_of` set) and their records are left out unless `include_duplicates`.
Dates (`since`, `until`) are `datetime.date`s or ISO 8601 strings and are inclusive; a
month ("2022-03") or a year ("2022") stands for its first day as `since` and its last day as
`until`, so `since="2022-03", until="2022-03"` is March 2022.
Every listing is one query ending in `LIMIT ? OFFSET ?` run through `_rows`: the HTTP API
counts a listing's total by wrapping that query (`fivew.api.paging`); keep it so.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Any

DateLike = str | dt.date | None

# Article columns joined onto records so a row can be shown without a second look-up.
ARTICLE_COLUMNS = "a.title AS article_title, a.url AS article_url, a.source AS article_source, " \
    "a.published AS article_published"


_PARTIAL_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def date_bound(value: DateLike, last: bool = False) -> dt.date | None:
    """An inclusive bound: a date, or the first (`last`: the last) day of "YYYY-MM" or "YYYY".

    Raises ValueError, saying what is accepted, for anything else.
    """
    if isinstance(value, dt.date):
        return value
    if not value:
        return None
    match = _PARTIAL_DATE.fullmatch(value.strip())
    try:
        if match is None:
            raise ValueError
        year, month, day = match.groups()
        if day:
            return dt.date(int(year), int(month), int(day))
        if month:
            end = calendar.monthrange(int(year), int(month))[1] if last else 1
            return dt.date(int(year), int(month), end)
        return dt.date(int(year), 12, 31) if last else dt.date(int(year), 1, 1)
    except ValueError:
        raise ValueError(f"not a date: {value!r}; use YYYY-MM-DD, YYYY-MM (a month) or YYYY "
                         "(a year)") from None


class Queries:
    """Read-only questions; mixed into `Store`, which provides `_rows(sql, params)`."""

    def _rows(self, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
        raise NotImplementedError

    def articles(
        self, *, search: str | None = None, status: str | None = None,
        since: DateLike = None, until: DateLike = None, include_duplicates: bool = False,
        limit: int = 100, offset: int = 0,
    ) -> list[dict[str, Any]]:
        """Articles (without `text`), newest first; `search` matches title or text."""
        where = _Where()
        where.add_text(search, "a.title", "a.text")
        where.add("a.status = ?", status)
        where.dates("a.published_date", since, until)
        where.duplicates(include_duplicates)
        return self._rows(
            f"SELECT a.* EXCLUDE (text) FROM articles a {where} "
            "ORDER BY a.published_date DESC NULLS LAST, a.seq LIMIT ? OFFSET ?",
            where.params + [limit, offset],
        )

    def quotes(
        self, *, speaker: str | None = None, about: str | None = None,
        since: DateLike = None, until: DateLike = None, article_id: str | None = None,
        include_duplicates: bool = False, limit: int = 100, offset: int = 0,
    ) -> list[dict[str, Any]]:
        """Quotes by a speaker (part of the name, any case) and/or about a word or phrase."""
        where = _Where()
        where.add_text(speaker, "q.speaker_name", "q.speaker_text")
        where.add_text(about, "q.text")
        where.dates("q.quote_date", since, until)
        where.add("q.article_id = ?", article_id)
        where.duplicates(include_duplicates)
        return self._rows(
            f"SELECT q.*, {ARTICLE_COLUMNS} FROM quotes q JOIN articles a ON a.id = q.article_id "
            f"{where} ORDER BY q.quote_date DESC NULLS LAST, a.seq, q.start LIMIT ? OFFSET ?",
            where.params + [limit, offset],
        )

    def speakers(
        self, *, about: str | None = None, since: DateLike = None, until: DateLike = None,
        include_duplicates: bool = False, limit: int = 100, offset: int = 0,
    ) -> list[dict[str, Any]]:
        """Who spoke (about a word or phrase): speakers with their number of quotes."""
        where = _Where()
        where.clauses.append("q.speaker_name IS NOT NULL")
        where.add_text(about, "q.text")
        where.dates("q.quote_date", since, until)
        where.duplicates(include_duplicates)
        return self._rows(
            "SELECT q.speaker_name AS speaker, any_value(q.speaker_role) AS role, "
            "count(*) AS quotes, count(DISTINCT q.article_id) AS articles, "
            "min(q.quote_date) AS first_date, max(q.quote_date) AS last_date "
            f"FROM quotes q JOIN articles a ON a.id = q.article_id {where} "
            "GROUP BY q.speaker_name ORDER BY quotes DESC, speaker LIMIT ? OFFSET ?",
            where.params + [limit, offset],
        )

    def events(
        self, *, type: str | list[str] | None = None, source_country: str | None = None,
        target_country: str | None = None, between: tuple[str, str] | None = None,
        actor: str | None = None, since: DateLike = None, until: DateLike = None,
        article_id: str | None = None, include_duplicates: bool = False,
        limit: int = 100, offset: int = 0,
    ) -> list[dict[str, Any]]:
        """Events by PLOVER type(s), countries (ISO alpha-3), actor name part and date.

        `between=(A, B)` matches either direction (A on B or B on A); `source_country` and
        `target_country` match one direction.
        """
        where = _Where()
        types = [type] if isinstance(type, str) else type
        if types:
            where.add("list_contains(?, e.event_type)", [t.upper() for t in types])
        where.add("e.source_country = ?", source_country and source_country.upper())
        where.add("e.target_country = ?", target_country and target_country.upper())
        if between:
            a, b = (c.upper() for c in between)
            where.add("((e.source_country = ? AND e.target_country = ?) OR "
                      "(e.source_country = ? AND e.target_country = ?))", a, b, b, a)
        where.add_text(actor, "e.source_actor", "e.target_actor")
        where.dates("e.event_date", since, until)
        where.add("e.article_id = ?", article_id)
        where.duplicates(include_duplicates)
        return self._rows(
            f"SELECT e.*, {ARTICLE_COLUMNS} FROM events e JOIN articles a ON a.id = e.article_id "
            f"{where} ORDER BY e.event_date DESC NULLS LAST, a.seq, e.evidence_start "
            "LIMIT ? OFFSET ?",
            where.params + [limit, offset],
        )

    def errors(
        self, *, code: str | None = None, limit: int = 100, offset: int = 0
    ) -> list[dict[str, Any]]:
        """Per-document errors and warnings with their reasons."""
        where = _Where()
        where.add("x.code = ?", code)
        return self._rows(
            f"SELECT x.* FROM errors x {where} ORDER BY x.error_id LIMIT ? OFFSET ?",
            where.params + [limit, offset],
        )

    def article(self, id: str) -> dict[str, Any] | None:
        """One article with its layout (`parts`), all its records (`entities`, `quotes`, ...
        lists) and its near-copies (`copies`)."""
        found = self._rows("SELECT * FROM articles WHERE id = ?", [id])
        if not found:
            return None
        record = found[0]
        for table, order in (
            ("parts", "start"), ("entities", "start"), ("quotes", "start"), ("events", "evidence_start"),
            ("places", "start"), ("dates", "start"), ("errors", "error_id"),
        ):
            record[table] = self._rows(
                f'SELECT * FROM {table} WHERE article_id = ? ORDER BY "{order}"', [id]
            )
        record["copies"] = [r["id"] for r in self._rows(
            "SELECT id FROM articles WHERE duplicate_of = ? ORDER BY seq", [id]
        )]
        return record

    def sql(self, query: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
        """Any SQL over the tables in docs/store.md."""
        return self._rows(query, params)


class _Where:
    """WHERE clauses and their parameters, added only for the filters that were given."""

    def __init__(self) -> None:
        self.clauses: list[str] = []
        self.params: list[Any] = []

    def add(self, clause: str, *values: Any) -> None:
        if values and values[0] in (None, "", []):
            return
        self.clauses.append(clause)
        self.params += list(values)

    def add_text(self, needle: str | None, *columns: str) -> None:
        """Case-insensitive substring match on any of `columns`."""
        if not needle:
            return
        pattern = "%" + needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        self.clauses.append(
            "(" + " OR ".join(f"{c} ILIKE ? ESCAPE '\\'" for c in columns) + ")"
        )
        self.params += [pattern] * len(columns)

    def dates(self, column: str, since: DateLike, until: DateLike) -> None:
        self.add(f"{column} >= ?", date_bound(since))
        self.add(f"{column} <= ?", date_bound(until, last=True))

    def duplicates(self, include: bool) -> None:
        if not include:
            self.clauses.append("a.duplicate_of IS NULL")

    def __str__(self) -> str:
        return ("WHERE " + " AND ".join(self.clauses)) if self.clauses else ""
