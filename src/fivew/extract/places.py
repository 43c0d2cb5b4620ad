"""Places: every place mention, resolved offline to a gazetteer entry (`fivew.extract.gazetteer`).

Mentions come from `fivew.extract.place_mentions` (model spans plus a gazetteer scan that
recovers names the small model mislabels). Each mention's candidates are scored by
population plus the article's context: the countries it talks about (names, demonyms, US
states, the dateline), an explicit qualifier ("Paris, Texas"), and nearness to the other
places it names.

Offsets: `Place.start`/`end` are character offsets into `Article.text` (the parsed doc
shares them). The span covers the place name and, when present, a phrase that makes the
location approximate ("north of Kyiv", precision "near") or a part of the area ("eastern
Ukraine", precision "region"). "the Ukrainian capital" resolves to Kyiv, "the capital" to the
capital of the country named just before it (or of the article's dominant country).
"""

from __future__ import annotations

import difflib
import functools
import math
from collections import Counter

from spacy.tokens import Doc

from fivew.extract import gazetteer as gz
from fivew.extract.gazetteer import Entry
from fivew.extract.place_mentions import (
    Mention,
    find_mentions,
    in_headline,
    near_spelling,
    read_context,
)
from fivew.ingest.text import match_dateline
from fivew.nlp import extra_docs
from fivew.records import Article, Place


def find_places(doc: Doc, article: Article) -> list[Place]:
    """Every resolvable place mention in the doc and its headline and captions
    (`fivew.nlp.extra_docs`: one shared context), plus the dateline place, in text order."""
    docs = [doc, *extra_docs(doc)]
    found = [(d, find_mentions(d)) for d in docs]
    for d, mentions in found[1:]:
        _headline_caution(mentions, d)
    signals: Counter[str] = Counter()
    for d, mentions in found:
        signals += _country_signals(d, [m for m in mentions if m.strength != "weak"], article)
    dateline, dateline_entry = _dateline(article)
    if dateline_entry is not None and dateline_entry.country:
        signals[dateline_entry.country] += 3  # the story was filed there
    found = [(d, _keep_weak(mentions, signals)) for d, mentions in found]
    for d, mentions in found:
        for m in mentions:
            read_context(d, m, mentions)
    _resolve([m for _, mentions in found for m in mentions], signals, dateline)
    places: list[Place] = []
    for d, mentions in found:
        for m in mentions:
            if m.province and m.chosen is not None:
                m.chosen = gz.province(m.chosen) or m.chosen
                m.precision = "exact"
        text = d.text  # spaCy joins the tokens on every access: read it once
        named = [_place(text, m) for m in mentions
                 if m.chosen is not None and m.strength != "context"]
        places += named + _capitals(d, text, signals, named)
    if dateline is not None:
        places = [p for p in places if p.start != dateline.start] + [dateline]
    return sorted(places, key=lambda p: (p.start, p.end))


def _headline_caution(mentions: list[Mention], doc: Doc) -> None:
    """In a title-case headline a capital letter is no sign of a name ("Grain Deal"): a
    town name the model did not label counts as weak there, kept only if the article
    points at its country. Countries, regions and curated names stay strong."""
    for m in mentions:
        towns = all(c.feature == "city" for c in m.candidates)
        if m.strength == "strong" and towns and in_headline(doc[m.start]):
            m.strength = "weak"


def _keep_weak(mentions: list[Mention], signals: Counter[str]) -> list[Mention]:
    """Drop weak unlabelled matches whose best candidate lies in a country never mentioned."""
    kept = []
    for m in mentions:
        if m.strength == "weak":
            best = max(m.candidates, key=gz.prior)
            if not signals.get(best.country or ""):
                continue
        kept.append(m)
    return kept


# -- context ----------------------------------------------------------------------------


def _country_signals(doc: Doc, mentions: list[Mention], article: Article) -> Counter[str]:
    """How often the article points at each country (alpha-2): names, demonyms, states."""
    signals: Counter[str] = Counter()
    for m in mentions:
        code = _own_signal(m)
        if code:
            signals[code] += 1
    for token in doc:
        if token.text[:1].isupper():
            code = gz.demonym(token.text)
            if code:
                signals[code] += 1
    return signals


def _own_signal(m: Mention) -> str | None:
    """The country a mention points to before any context: its only or clearly best entry's
    (a city counts when no other candidate comes near it: Paris, France vs. Paris, Texas)."""
    ranked = sorted(m.candidates, key=gz.prior, reverse=True)
    top = ranked[0]
    clear = len(ranked) == 1 or gz.prior(top) - gz.prior(ranked[1]) >= 1.5
    return top.country if top.country and (top.feature != "city" or clear) else None


def _dateline(article: Article) -> tuple[Place | None, Entry | None]:
    """The place of a dateline at the start of the first body paragraph (or of the text)."""
    parts = [p for p in article.parts if p.kind in ("dateline", "body")]
    start = parts[0].start if parts else 0
    match = match_dateline(article.text, start)
    if match is None:
        return None, None
    s, e = match.span("city")
    city = article.text[s:e].split("/")[0]  # "SANAA/ADEN": filed from the first city
    e = s + len(city)
    candidates = gz.lookup(city)
    if not candidates:
        return None, None
    qualifier = _qualifier_entry(match["qual"] or "")
    scored = [(c, gz.prior(c) + (10.0 if _agrees(c, qualifier) else 0.0)) for c in candidates]
    best = max(scored, key=lambda cs: cs[1])[0]
    return _record(best, article.text[s:e], s, e, "exact", dateline=True), best


def _qualifier_entry(text: str) -> Entry | None:
    found = [c for c in gz.lookup(text) if c.feature in ("country", "region")]
    return max(found, key=gz.prior) if found else None


def _agrees(candidate: Entry, qualifier: Entry | None) -> bool:
    if qualifier is None or candidate is qualifier:
        return False
    if qualifier.feature == "country":
        return candidate.country == qualifier.country
    return candidate.country == qualifier.country and (
        qualifier.admin1 is None or candidate.admin1 == qualifier.admin1
    )


# -- resolution -------------------------------------------------------------------------


def _resolve(mentions: list[Mention], signals: Counter[str], dateline: Place | None) -> None:
    """Score every candidate of every mention; keep the best (see module docstring)."""
    total = sum(signals.values()) or 1
    states = {c.admin1 for m in mentions for c in m.candidates
              if c.feature == "region" and c.country == "US" and c.name == m.text}
    states.discard(None)
    for m in mentions:
        own = _own_signal(m) if m.strength != "weak" else None
        for n, c in enumerate(m.candidates):
            # the article's other mentions vote; a name does not vote for itself
            votes = signals.get(c.country or "", 0) - (1 if own and own == c.country else 0)
            score = gz.prior(c) + 3.0 * votes / max(1, total - (1 if own else 0))
            score += 0.7 * _similarity(m.text, c.name)  # own name beats an alternate spelling
            if c.admin1 in states and c.country == "US" and c.feature == "city":
                score += 3.0
            if m.hint_country and c.country == m.hint_country:
                score += 10.0 if m.hint_admin1 in (None, c.admin1) else 5.0
            if m.want_city and c.feature != "city":
                score -= 5.0
            if m.qualifies and c.feature in ("region", "country"):
                score += 3.0  # "Pullman, Washington": the second name is the state
            if m.after_the and c.feature == "city":
                score -= 2.0  # "the Dnipro" is the river; cities rarely take an article
            if c.metonym and not m.locative:
                score -= 100.0  # "the Kremlin said" is the institution, not the place
            m.scores[n] = score
        m.chosen = max(zip(m.candidates, m.scores.values(), strict=True), key=lambda x: x[1])[0]
    _nearness(mentions, dateline)
    for m in mentions:
        chosen = m.chosen
        if chosen is None:
            continue
        if chosen.metonym and not m.locative:
            m.chosen = None
        elif chosen.feature == "city" and (_acronym(m.text) or (
                m.after_the and not gz.normalise(chosen.name).startswith("the "))):
            # "NATO" is not Nato in the Philippines; "the Moskva" is a ship, not Moscow
            m.chosen = None
        elif chosen.feature == "city" and chosen.population < 20_000 and (
            (total > 1 and not signals.get(chosen.country or ""))
            or not near_spelling(gz.normalise(m.text), gz.normalise(chosen.name))
        ):
            # a small town in a country the article never mentions, or one reached only
            # through a partial alternate name ("Notre-Dame" for Notre-Dame-de-Bondeville)
            m.chosen = None
        elif (chosen.feature == "city" and total > 1 and m.hint_country is None
              and signals.get(chosen.country or "", 0) <= (_own_signal(m) == chosen.country)
              and _truncated(gz.normalise(m.text), gz.normalise(chosen.name))):
            # a city of a country the article never mentions, reached through a name cut
            # short ("the Turi prison" in an Ecuadorean story is not Turin)
            m.chosen = None


def _truncated(text: str, name: str) -> bool:
    """Whether `text` is `name` cut short inside a word ("turi" of "turin")."""
    return len(text) < len(name) and name.startswith(text) and name[len(text)].isalpha()


def _acronym(text: str) -> bool:
    """Short all-capital words ("NATO", "OSCE") name organisations, not towns."""
    letters = [c for c in text if c.isalpha()]
    return text.isupper() and len(letters) <= 5


@functools.cache
def _similarity(text: str, name: str) -> float:
    return difflib.SequenceMatcher(None, gz.normalise(text), gz.normalise(name)).ratio()


def _nearness(mentions: list[Mention], dateline: Place | None) -> None:
    """Second pass: an ambiguous name goes to the candidate near the article's clear cities
    (bonus falling from 2 at the same spot to 0 at 300 km); a region (not a country) that
    contains one of them gets the full bonus ("Georgia voters ... in Atlanta")."""
    anchors = [m.chosen for m in mentions if m.chosen is not None and _clear_city(m)]
    points = [(a.lat, a.lon) for a in anchors if a.lat is not None and a.lon is not None]
    if dateline is not None and dateline.lat is not None and dateline.lon is not None:
        points.append((dateline.lat, dateline.lon))
    inside = {(a.country, a.admin1) for a in anchors if a.admin1}
    for m in mentions:
        if len(m.candidates) < 2:
            continue
        rescored = []
        for n, c in enumerate(m.candidates):
            nearest = min((_km(c.lat, c.lon, a, b) for a, b in points
                           if (a, b) != (c.lat, c.lon)), default=math.inf)
            bonus = 2.0 * max(0.0, 1 - nearest / 300)
            if c.feature == "region" and (c.country, c.admin1) in inside:
                bonus = 2.0
            if c.feature == "country":
                bonus = 0.0  # a country's centre says little about its cities
            rescored.append((m.scores[n] + bonus, c))
        m.chosen = max(rescored, key=lambda x: x[0])[1]


def _clear_city(m: Mention) -> bool:
    """A city mention whose entry no other candidate comes near (by prior)."""
    if m.chosen is None or m.chosen.feature != "city":
        return False
    others = [gz.prior(c) for c in m.candidates if c is not m.chosen]
    return not others or gz.prior(m.chosen) - max(others) >= 1.5


def _km(lat1: float | None, lon1: float | None, lat2: float, lon2: float) -> float:
    if lat1 is None or lon1 is None:
        return math.inf
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(a))


# -- records ----------------------------------------------------------------------------


def _place(text: str, m: Mention) -> Place:
    assert m.chosen is not None
    mention = text[m.report_start : m.report_end]
    return _record(m.chosen, mention, m.report_start, m.report_end, m.precision)


def _record(e: Entry, text: str, start: int, end: int, precision: str,
            dateline: bool = False) -> Place:
    feature = e.feature if e.feature in ("city", "region", "country", "landmark") else "other"
    if precision == "exact" and feature in ("region", "country"):
        precision = feature
    return Place(name=e.name, text=text, start=start, end=end, geonames_id=e.geonames_id,
                 lat=e.lat, lon=e.lon, country=e.country3, feature=feature,  # type: ignore[arg-type]
                 precision=precision, dateline=dateline)  # type: ignore[arg-type]


def _capitals(doc: Doc, text: str, signals: Counter[str], named: list[Place]) -> list[Place]:
    """"the Ukrainian capital" -> Kyiv; "the capital" -> the capital of the country of the
    nearest country or capital named in the sentences before it (within CAPITAL_REACH
    characters; a summit "in Dubai" says nothing of it), else of the article's dominant
    country, else nothing."""
    places = []
    total = sum(signals.values())
    top = signals.most_common(1)
    dominant = top[0][0] if top and total and top[0][1] / total >= 0.4 else None
    for token in doc:
        if token.lower_ != "capital" or token.i == 0 or token.pos_ != "NOUN":
            continue
        prev = doc[token.i - 1]
        code = gz.demonym(prev.text) if prev.text[:1].isupper() else None
        first = token.i - 1 if code else token.i
        if first == 0 or doc[first - 1].lower_ != "the":
            continue
        start, end = doc[first - 1].idx, token.idx + len(token)
        code = code or _recent_country(named, start) or dominant
        entry = gz.capital(code or "")
        if entry is not None:
            places.append(_record(entry, text[start:end], start, end, "exact"))
    return places


CAPITAL_REACH = 400


def _is_capital_place(place: Place) -> bool:
    entry = gz.capital(gz.alpha2(place.country) or "") if place.country else None
    return entry is not None and entry.geonames_id == place.geonames_id


def _recent_country(named: list[Place], before: int) -> str | None:
    """Alpha-2 country of the last place named shortly before a character offset."""
    earlier = [p for p in named if p.end <= before and before - p.end <= CAPITAL_REACH
               and p.country and (p.feature == "country" or _is_capital_place(p))]
    if not earlier:
        return None
    return gz.alpha2(max(earlier, key=lambda p: p.end).country)
