"""Resolution rules: one time expression + the publication date -> an ISO date or interval.

`resolve("earlier this month", date(2022, 3, 21), "past")` gives value
"2022-03-01/2022-03-21", precision "month", direction "past" (value formats: see
`fivew.extract.calendar_math`). Durations, ages and frequencies ("15 years", "nightly")
resolve to None: they are not points in time.

Rules, in order: relative phrases ("more than a week ago", "in the coming weeks", "in recent
days", "earlier this month", "last year", "yesterday"), then absolute dates, month-days,
weekdays, months, seasons and years. Where a rule needs a year or a week (a weekday,
"Feb. 24", "March"), the clause's tense decides: past -> the latest on or before
publication, future -> the earliest on or after, otherwise the nearest. Without a
publication date only expressions that carry their own year resolve; the rest get value
None.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from datetime import date, timedelta

from fivew.extract import calendar_math as cm
from fivew.extract.calendar_math import Resolved, Tense

Rule = Callable[[str, "date | None", Tense], "Resolved | None"]
_NUM = r"(\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a few|few|several|a couple of)"
_UNIT = r"(days?|weeks?|months?|years?|decades?)"
# Default reach of plural vague spans ("in recent weeks", "in the coming days").
_VAGUE = {"day": 7, "week": 21, "month": 90, "year": 730, "decade": 3650, "hour": 1}


def resolve(expr: str, published: date | None, tense: Tense = None) -> Resolved | None:
    """Resolve one expression; None when it is not a point or stretch in time."""
    text = cm.clean(expr)
    if not text or cm.is_not_a_date(text):
        return None
    for rule in RULES:
        found = rule(text, published, tense)
        if found is not None:
            return found
    return Resolved(None, "unknown", cm.tense_direction(tense))


@functools.cache
def _re(pattern: str) -> re.Pattern[str]:
    v = cm.vocab()
    return re.compile(pattern.replace("MONTH", f"(?:{v.alt(v.months)})")
                      .replace("WEEKDAY", f"(?:{v.alt(v.weekdays)})"))


# -- relative to publication -------------------------------------------------------------


def _ago(text: str, pub: date | None, tense: Tense) -> Resolved | None:
    """"three weeks ago", "more than a week ago", "less than a year ago"."""
    m = _re(rf"(?:(more than|over|less than|under|nearly|almost|about|some) )?{_NUM} {_UNIT} ago").search(text)
    if m is None:
        return None
    hedge, n, unit = m.group(1), cm.count(m.group(2)), m.group(3).rstrip("s")
    if pub is None or n is None:
        return Resolved(None, "unknown", "past")
    then = cm.shift(pub, unit, -n)
    precision = unit if unit != "decade" else "year"
    if hedge in ("more than", "over"):
        return Resolved(f"../{then.isoformat()}", precision, "past")
    if hedge in ("less than", "under"):
        return cm.interval(then, pub, precision, pub)
    start, end, precision = cm.unit_span(unit, then)
    return cm.interval(start, end, precision, pub)


def _vague_span(text: str, pub: date | None, tense: Tense) -> Resolved | None:
    """"in the coming weeks", "in recent days", "the past 24 hours", "the next two months",
    "the past week" (rolling: the seven days up to publication; "last week" is the calendar
    week, see _calendar_unit)."""
    m = _re(rf"\b(coming|next|upcoming|recent|past|last|previous) (?:{_NUM} )?(hours?|{_UNIT[1:-1]})\b(?! ago)").search(text)
    ahead = _re(r"\bthe (days|weeks|months|years) ahead\b").search(text)
    if m is None and ahead is None:
        return None
    if m is not None:
        word, n_word, unit = m.group(1), m.group(2), m.group(3).rstrip("s")
        plural = m.group(3).endswith("s")
        rolling = word in ("past", "last", "coming") and text.startswith(("the ", "in the ", "over the ", "during the "))
        if not plural and n_word is None and not rolling:
            return None  # "next week", "last month": calendar units, see _calendar_unit
        if not plural and n_word is None:
            n_word = "one"  # "the past week": the seven days up to publication
        future = word in ("coming", "next", "upcoming")
    else:
        n_word, unit, future = None, ahead.group(1).rstrip("s"), True  # type: ignore[union-attr]
    if pub is None:
        return Resolved(None, "unknown", "future" if future else "past")
    days = (cm.count(n_word) or 1) * cm.vocab().units.get(unit, 0) if n_word else _VAGUE[unit]
    if unit == "hour":
        days = 1
    precision = "day" if unit in ("day", "hour") else ("year" if unit == "decade" else unit)
    if future:
        return cm.interval(pub + timedelta(days=1), pub + timedelta(days=days), precision, pub)
    return cm.interval(pub - timedelta(days=days), pub, precision, pub)


def _in_n_units(text: str, pub: date | None, tense: Tense) -> Resolved | None:
    """"in two weeks", "two days from now", "within a month" (future points)."""
    m = _re(rf"^(?:in|within) {_NUM} {_UNIT}$|^{_NUM} {_UNIT} from now$").search(text)
    if m is None:
        return None
    n_word = m.group(1) or m.group(3)
    unit = (m.group(2) or m.group(4)).rstrip("s")
    n = cm.count(n_word)
    if pub is None or n is None:
        return Resolved(None, "unknown", "future")
    start, end, precision = cm.unit_span(unit, cm.shift(pub, unit, n))
    return cm.interval(start, end, precision, pub)


def _calendar_unit(text: str, pub: date | None, tense: Tense) -> Resolved | None:
    """"last week", "earlier this month", "later this year", "next weekend", "this week"."""
    m = _re(r"\b(?:(earlier|later|early|late) )?(this|last|next|previous|past|coming) (week|weekend|month|year)\b").search(text)
    m2 = _re(r"\b(earlier|later|end|start|beginning|middle) (?:in |of )?(the|this) (week|month|year)\b").search(text)
    if m is None and m2 is None:
        return None
    if m is not None:
        part, which, unit = m.group(1), m.group(2), m.group(3)
    else:
        part, which, unit = m2.group(1), "this", m2.group(3)  # type: ignore[union-attr]
    if pub is None:
        return Resolved(None, "unknown", {"last": "past", "next": "future"}.get(which, "present"))
    step = {"this": 0, "last": -1, "previous": -1, "past": -1, "next": 1, "coming": 1}[which]
    if unit == "weekend":
        saturday = pub + timedelta(days=(6 - pub.isoweekday()) % 7 + 7 * step)
        if which in ("last", "previous", "past") and saturday + timedelta(days=7) <= pub:
            saturday += timedelta(days=7)
        return cm.interval(saturday, saturday + timedelta(days=1), "week", pub)
    start, end, precision = cm.unit_span(unit, cm.shift(pub, unit, step))
    if step == 0 and part in ("earlier", "early"):
        end = min(end, pub)
    elif step == 0 and part in ("later", "late"):
        start = max(start, pub)
    return cm.interval(start, end, precision, pub)


def _weekend_or_overnight(text: str, pub: date | None, tense: Tense) -> Resolved | None:
    """"(over) the weekend": the last one for a past clause, else the next; "overnight":
    the night before publication (news convention)."""
    if text in ("overnight", "over night"):
        if pub is None:
            return Resolved(None, "unknown", "past")
        return cm.interval(pub - timedelta(days=1), pub, "day", pub)
    if not re.fullmatch(r"(?:over |during |at )?the weekend", text):
        return None
    if pub is None:
        return Resolved(None, "unknown", cm.tense_direction(tense))
    saturday = pub - timedelta(days=(pub.isoweekday() - 6) % 7)  # on or before publication
    if tense == "future" or (tense != "past" and saturday + timedelta(days=1) < pub
                             and pub.isoweekday() >= 4):
        saturday = saturday if saturday >= pub else saturday + timedelta(days=7)
    return cm.interval(saturday, saturday + timedelta(days=1), "week", pub)


_DAY_WORDS = {"yesterday": -1, "today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0,
              "this evening": 0, "tomorrow": 1, "last night": -1, "the previous day": -1,
              "the day before": -1, "the following day": 1, "the next day": 1, "now": 0}


def _day_word(text: str, pub: date | None, tense: Tense) -> Resolved | None:
    for phrase, offset in sorted(_DAY_WORDS.items(), key=lambda kv: -len(kv[0])):
        if re.search(rf"\b{phrase}\b", text):
            if pub is None:
                return Resolved(None, "unknown", cm.tense_direction(tense))
            return cm.day(pub + timedelta(days=offset), pub, tense)
    return None


# -- absolute and calendar names ------------------------------------------------------------


def _full_date(text: str, pub: date | None, tense: Tense) -> Resolved | None:
    """"March 20, 2022", "20 March 2022", "2022-03-20", "3/20/2022"."""
    v = cm.vocab()
    patterns = (
        r"\b(?P<month>MONTH) (?P<day>\d{1,2})(?:st|nd|rd|th)? (?P<year>\d{4})\b",
        r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)? (?:of )?(?P<month>MONTH) (?P<year>\d{4})\b",
        r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})\b",
        r"\b(?P<month>\d{1,2})/(?P<day>\d{1,2})/(?P<year>\d{4})\b",
    )
    for pattern in patterns:
        m = _re(pattern).search(text)
        if m is None:
            continue
        month = m.group("month")
        month_n = int(month) if month.isdigit() else v.months[month]
        try:
            return cm.day(date(int(m.group("year")), month_n, int(m.group("day"))), pub, tense)
        except ValueError:
            return None
    return None


def _month_day(text: str, pub: date | None, tense: Tense) -> Resolved | None:
    """"Feb. 24", "24 February", "March 3rd": the year from the publication date and tense."""
    m = (_re(r"\b(?P<month>MONTH) (?P<day>\d{1,2})(?:st|nd|rd|th)?\b").search(text)
         or _re(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)? (?:of )?(?P<month>MONTH)\b").search(text))
    if m is None:
        return None
    month, day_n = cm.vocab().months[m.group("month")], int(m.group("day"))
    if pub is None:
        return Resolved(None, "unknown", cm.tense_direction(tense))
    options = []
    for year in (pub.year - 1, pub.year, pub.year + 1):
        try:
            options.append((date(year, month, day_n),) * 2)
        except ValueError:
            continue
    if not options:
        return None
    return cm.day(cm.pick(options, pub, tense)[0], pub, tense)


def _weekday(text: str, pub: date | None, tense: Tense) -> Resolved | None:
    """"Monday", "last Friday", "next Tuesday", "Sunday night"."""
    m = _re(r"\b(?:(last|next|this|past|coming) )?(?P<day>WEEKDAY)\b").search(text)
    if m is None:
        return None
    if pub is None:
        return Resolved(None, "unknown", cm.tense_direction(tense))
    weekday = cm.vocab().weekdays[m.group("day")]
    before = pub - timedelta(days=(pub.isoweekday() - weekday) % 7)
    after = pub + timedelta(days=(weekday - pub.isoweekday()) % 7)
    which = m.group(1)
    if which in ("last", "past"):
        chosen = before if before < pub else before - timedelta(days=7)
    elif which in ("next", "coming"):
        chosen = after if after > pub else after + timedelta(days=7)
    elif which == "this":
        chosen = cm.week_span(pub)[0] + timedelta(days=weekday - 1)
    else:
        chosen = cm.pick([(before, before), (after, after)], pub, tense)[0]
    return cm.day(chosen, pub, tense)


def _month(text: str, pub: date | None, tense: Tense) -> Resolved | None:
    """"March", "late February", "March 2022", "last March"."""
    m = _re(r"\b(?:(last|next|this) )?(?P<month>MONTH)(?: (?P<year>\d{4}))?\b").search(text)
    if m is None:
        return None
    month = cm.vocab().months[m.group("month")]
    if m.group("year"):
        return cm.interval(*cm.month_span(int(m.group("year")), month), "month", pub, tense)
    if pub is None:
        return Resolved(None, "unknown", cm.tense_direction(tense))
    options = [cm.month_span(y, month) for y in (pub.year - 1, pub.year, pub.year + 1)]
    which = {"last": "past", "next": "future"}.get(m.group(1) or "", tense)
    start, end = cm.pick(options, pub, which)
    return cm.interval(start, end, "month", pub, tense)


def _season(text: str, pub: date | None, tense: Tense) -> Resolved | None:
    seasons = cm.vocab().seasons
    m = _re(rf"\b(?:(last|next|this) )?({'|'.join(seasons)})(?: of)?(?: (\d{{4}}))?\b").search(text)
    if m is None:
        return None
    first, last = seasons[m.group(2)]
    if m.group(3):
        years = [int(m.group(3))]
    elif pub is None:
        return Resolved(None, "unknown", cm.tense_direction(tense))
    else:
        years = [pub.year - 1, pub.year, pub.year + 1]
    options = []
    for y in years:
        end_year = y + 1 if last < first else y
        options.append((cm.month_span(y, first)[0], cm.month_span(end_year, last)[1]))
    which = {"last": "past", "next": "future"}.get(m.group(1) or "", tense)
    start, end = options[0] if len(options) == 1 else cm.pick(options, pub, which)  # type: ignore[arg-type]
    return cm.interval(start, end, "month", pub, tense)


def _year(text: str, pub: date | None, tense: Tense) -> Resolved | None:
    """"2014", "the 1990s"."""
    m = re.search(r"\b(1[5-9]\d\d|20\d\d)(s?)\b", text)
    if m is None:
        return None
    year = int(m.group(1))
    if m.group(2):  # a decade
        return cm.interval(date(year, 1, 1), date(year + 9, 12, 31), "year", pub, tense)
    return cm.interval(date(year, 1, 1), date(year, 12, 31), "year", pub, tense)


RULES: list[Rule] = [
    _ago, _vague_span, _in_n_units, _calendar_unit, _weekend_or_overnight, _day_word, _full_date, _month_day,
    _weekday, _month, _season, _year,
]
