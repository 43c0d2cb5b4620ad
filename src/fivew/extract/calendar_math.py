"""Calendar arithmetic and vocabulary for date resolution (`fivew.extract.daterules`).

Values are ISO 8601: a date ("2022-03-21") for a single day, an interval "start/end" (both
ends included) otherwise, and an open interval "../2022-03-14" for "more than a week ago".
Vocabulary lives in `fivew/data/dates.yaml`.
"""

from __future__ import annotations

import calendar
import functools
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from fivew.data import DataFileError, load_yaml

Tense = str | None  # "past", "present", "future" or None (unknown)


@dataclass(frozen=True)
class Resolved:
    value: str | None
    precision: str  # day, week, month, year, unknown
    direction: str  # past, present, future


@dataclass(frozen=True)
class Vocab:
    months: dict[str, int]
    weekdays: dict[str, int]
    units: dict[str, int]
    numbers: dict[str, int]
    future: frozenset[str]
    not_dates: tuple[re.Pattern[str], ...]
    seasons: dict[str, tuple[int, int]]
    look_ahead: frozenset[str]
    ranges: dict[str, tuple[str, ...]]  # since, from, between, to, and -> words

    def alt(self, words: dict[str, int] | tuple[str, ...]) -> str:
        return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


@functools.cache
def vocab() -> Vocab:
    raw: Any = load_yaml("dates.yaml")
    try:
        return Vocab(
            months={str(k): int(v) for k, v in raw["months"].items()},
            weekdays={str(k): int(v) for k, v in raw["weekdays"].items()},
            units={str(k): int(v) for k, v in raw["units"].items()},
            numbers={str(k): int(v) for k, v in raw["numbers"].items()},
            future=frozenset(raw["future_markers"]),
            not_dates=tuple(re.compile(p) for p in raw["not_dates"]),
            seasons={str(k): (int(v[0]), int(v[1])) for k, v in raw["seasons"].items()},
            look_ahead=frozenset(raw["look_ahead"]),
            ranges={k: tuple(str(w) for w in raw["ranges"][k])
                    for k in ("since", "from", "between", "to", "and")},
        )
    except (KeyError, TypeError, ValueError, AttributeError, re.error) as exc:
        raise DataFileError(f"data file fivew/data/dates.yaml is malformed: {exc!r}") from exc


def clean(expr: str) -> str:
    """Lower-case, drop full stops, commas, possessives; "mid-March" -> "mid march"."""
    text = expr.lower().replace("’", "'").replace("'s", "")
    text = re.sub(r"(?<=[a-z])\.", "", text)
    text = re.sub(r"[,;:()\"“”]", " ", text)
    text = re.sub(r"(?<=[a-z])-(?=[a-z])", " ", text)
    return " ".join(text.split())


def is_not_a_date(text: str) -> bool:
    """Durations, ages and frequencies ("15 years", "two days", "nightly")."""
    return any(p.search(text) for p in vocab().not_dates)


# -- helpers ----------------------------------------------------------------------------


def tense_direction(tense: Tense) -> str:
    return tense if tense in ("past", "future") else "present"


def interval(start: date, end: date, precision: str, published: date | None,
              tense: Tense = None) -> Resolved:
    value = start.isoformat() if start == end else f"{start.isoformat()}/{end.isoformat()}"
    if published is None:
        direction = tense_direction(tense)
    elif end < published or (end == published and start < published):
        direction = "past"  # "earlier this month" looks back even though it ends today
    elif start > published or (start == published and end > published):
        direction = "future"
    else:
        direction = tense_direction(tense)  # today, this week: the verb says which way
    return Resolved(value, precision, direction)


def day(d: date, published: date | None, tense: Tense = None) -> Resolved:
    return interval(d, d, "day", published, tense)


def month_span(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def week_span(d: date) -> tuple[date, date]:
    monday = d - timedelta(days=d.isoweekday() - 1)
    return monday, monday + timedelta(days=6)


def add_months(d: date, months: int) -> date:
    month0 = d.month - 1 + months
    year, month = d.year + month0 // 12, month0 % 12 + 1
    return date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def pick(options: list[tuple[date, date]], published: date, tense: Tense) -> tuple[date, date]:
    """Past: the latest starting on or before publication; future: the earliest ending on or
    after it; otherwise the one nearest to it."""
    if tense == "past":
        past = [o for o in options if o[0] <= published]
        if past:
            return max(past)
    if tense == "future":
        future = [o for o in options if o[1] >= published]
        if future:
            return min(future)
    return min(options, key=lambda o: (distance(o, published), o[0] > published))


def distance(span: tuple[date, date], d: date) -> int:
    if span[0] <= d <= span[1]:
        return 0
    return min(abs((span[0] - d).days), abs((span[1] - d).days))


def count(word: str | None) -> int | None:
    if word is None:
        return 1
    if word.isdigit():
        return int(word)
    return vocab().numbers.get(word)


def unit_span(unit: str, d: date) -> tuple[date, date, str]:
    """The calendar unit (day, week, month, year) containing d, and its precision."""
    unit = unit.rstrip("s")
    if unit == "week":
        return (*week_span(d), "week")
    if unit == "month":
        return (*month_span(d.year, d.month), "month")
    if unit in ("year", "decade"):
        return date(d.year, 1, 1), date(d.year, 12, 31), "year"
    return d, d, "day"


def shift(d: date, unit: str, n: int) -> date:
    unit = unit.rstrip("s")
    if unit == "month":
        return add_months(d, n)
    if unit in ("year", "decade"):
        return add_months(d, 12 * n * (10 if unit == "decade" else 1))
    return d + timedelta(days=vocab().units[unit] * n)
