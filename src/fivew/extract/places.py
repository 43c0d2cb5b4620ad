"""Places: every place mention, resolved offline to a gazetteer entry (`fivew.extract.gazetteer`).

Mentions come from two sources: the model's GPE/LOC/FAC spans, and a gazetteer scan over
proper nouns, which recovers the places the small model mislabels ("Kyiv" as PERSON,
"Odesa" as nothing). Each mention's candidates are scored by population plus the article's
context: the countries it talks about (names, demonyms, US states, the dateline), an
explicit qualifier ("Paris, Texas"), and nearness to the other places it names.

Offsets: `Place.start`/`end` are character offsets into `Article.text` (the parsed doc
shares them). The span covers the place name and, when present, a phrase that makes the
location approximate ("north of Kyiv", precision "near") or a part of the area ("eastern
Ukraine", precision "region"). "the Ukrainian capital" and "the capital" (when one country
dominates the article) resolve to that country's capital.
"""

from __future__ import annotations

import difflib
import math
import re
from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from fivew.extract import gazetteer as gz
from fivew.extract.gazetteer import Entry
from fivew.records import Article, Place

PLACE_LABELS = {"GPE", "LOC", "FAC"}
# Spans of these labels never contain a place unless the whole span is one ("Kyiv" as PERSON).
NAME_LABELS = {"PERSON", "ORG", "NORP", "WORK_OF_ART", "PRODUCT", "EVENT", "LAW"}
LOCATIVE = {"in", "at", "inside", "outside", "near", "to", "from", "into", "toward", "towards"}
MAX_NGRAM = 4
# A dateline opens a story: "KYIV, Ukraine (Reuters) -" / "MARIUPOL, March 20 —".
DATELINE = re.compile(
    r"^\s*(?P<city>[A-Z][A-Z'’. -]{1,30}?[A-Z.])(?:,\s*(?P<qual>[A-Z][A-Za-z. ]{1,30}?))?"
    r"(?:,\s*[A-Z][a-z]{2}\.? \d{1,2})?\s*(?:\([^)]{1,40}\))?\s*[-—–]{1,2}\s"
)


@dataclass
class Mention:
    """A place-name candidate: token span of the name plus the span to report."""

    text: str  # the name as written
    start: int  # token index of the name
    end: int
    labelled: bool  # the model called it GPE/LOC/FAC
    candidates: tuple[Entry, ...]
    report_start: int = -1  # char offsets of the reported span
    report_end: int = -1
    precision: str = "exact"
    hint_country: str | None = None
    hint_admin1: str | None = None
    want_city: bool = False
    strength: str = "labelled"  # labelled (by the model), strong or weak: see `_strength`
    locative: bool = False  # preceded by "in/at/near..." (lets "at the Kremlin" be a place)
    chosen: Entry | None = None
    scores: dict[int, float] = field(default_factory=dict)


def find_places(doc: Doc, article: Article) -> list[Place]:
    """Every resolvable place mention in the doc, plus the dateline place, in text order."""
    mentions = _mentions(doc)
    signals = _country_signals(doc, [m for m in mentions if m.strength != "weak"], article)
    dateline, dateline_entry = _dateline(article)
    if dateline_entry is not None and dateline_entry.country:
        signals[dateline_entry.country] += 3  # the story was filed there
    mentions = _keep_weak(mentions, signals)
    for m in mentions:
        _qualify(doc, m, mentions)
    _resolve(mentions, signals, dateline)
    places = [_place(doc, m) for m in mentions if m.chosen is not None]
    places += _capitals(doc, signals)
    if dateline is not None:
        places = [p for p in places if p.start != dateline.start] + [dateline]
    return sorted(places, key=lambda p: (p.start, p.end))


# -- mentions ---------------------------------------------------------------------------


def _mentions(doc: Doc) -> list[Mention]:
    found: list[Mention] = []
    taken: set[int] = set()
    for ent in doc.ents:
        if ent.label_ in PLACE_LABELS:
            found.extend(_from_entity(ent))
            taken.update(range(ent.start, ent.end))  # "Lamar County" is not the town Lamar
    for m in _scan(doc, taken):
        found.append(m)
    found.sort(key=lambda m: m.start)
    return found


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Drop a leading "the", trailing possessive and punctuation from a token range."""
    while start < end and (doc[start].lower_ == "the" or doc[start].is_punct):
        start += 1
    while end > start and (doc[end - 1].lower_ in ("'s", "’s", "'") or doc[end - 1].is_punct):
        end -= 1
    return start, end


def _from_entity(ent: Span) -> list[Mention]:
    """The gazetteer names in a GPE/LOC/FAC span: the whole span, else its comma-separated
    parts ("Mariupol, Ukraine"); a leading "the" and a possessive are dropped."""
    doc = ent.doc
    found = []
    part_start = ent.start
    for i in range(ent.start, ent.end + 1):
        if i < ent.end and doc[i].text != ",":
            continue
        start, end = _trim(doc, part_start, i)
        part_start = i + 1
        if start >= end:
            continue
        # "Donetsk region": the word after the name makes it a province.
        if end < len(doc) and doc[end].lower_ in gz.glue()["region_words"]:
            if gz.lookup(doc[start : end + 1].text):
                end += 1
        candidates = gz.lookup(doc[start:end].text)
        if candidates:
            found.append(Mention(doc[start:end].text, start, end, True, candidates))
    return found


def _scan(doc: Doc, taken: set[int]) -> list[Mention]:
    """Gazetteer matches over capitalised tokens the model did not label as places.

    Each match gets a `strength` (see `_strength`); weak ones are kept later only if the
    article talks about their country.
    """
    found: list[Mention] = []
    glue = gz.glue()
    not_places = set(glue["not_places"])
    i = 0
    while i < len(doc):
        token = doc[i]
        if i in taken or not (token.is_alpha and token.text[:1].isupper()):
            i += 1
            continue
        for length in range(MAX_NGRAM, 0, -1):
            end = i + length
            if end > len(doc) or any(j in taken for j in range(i, end)):
                continue
            span = doc[i:end]
            if not span[-1].text[:1].isupper() or gz.normalise(span.text) in not_places:
                continue
            candidates = gz.lookup(span.text)
            if not candidates:
                continue
            strength = _strength(span, candidates)
            if strength and end < len(doc) and doc[end].lower_ in glue["region_words"]:
                wider = gz.lookup(doc[i : end + 1].text)  # "Donetsk region"
                if wider:
                    end, candidates, span = end + 1, wider, doc[i : end + 1]
            if strength:
                found.append(Mention(span.text, i, end, False, candidates, strength=strength))
                i = end - 1
                break
        i += 1
    return found


def _strength(span: Span, candidates: tuple[Entry, ...]) -> str:
    """How sure a name the model did not call a place is one: "strong", "weak" or "".

    Never part of a longer person/organisation name ("Washington" in "Washington Post").
    Strong: a proper noun matching an entry under its own name, or a big city, country or
    region. Weak: a near-spelling of a smaller place ("Izium" for Izyum), or a capitalised
    common-noun-tagged word matching a place's own name (sentence-initial "Odesa").
    """
    for t in span:
        if t.ent_type_ in NAME_LABELS:
            ent = next(e for e in span.doc.ents if e.start <= t.i < e.end)
            if ent.start < span.start or ent.end > span.end:
                return ""
    key = gz.normalise(span.text)
    primary = any(gz.normalise(c.name) == key for c in candidates)
    big = any(c.population >= 100_000 or c.feature != "city" for c in candidates)
    if all(t.pos_ == "PROPN" for t in span):
        if primary or big:
            return "strong"
        close = any(_near_spelling(key, gz.normalise(c.name)) for c in candidates)
        return "weak" if close else ""
    if any(t.pos_ not in ("PROPN", "NOUN", "ADJ", "VERB") for t in span):
        return ""
    return "weak" if primary else ""


def _near_spelling(alternate: str, primary: str) -> bool:
    """A transliteration variant, not an abbreviation ("Truss" is not Trussville)."""
    if len(alternate) < 0.75 * len(primary):
        return False
    return difflib.SequenceMatcher(None, alternate, primary).ratio() >= 0.6


def _keep_weak(mentions: list[Mention], signals: Counter[str]) -> list[Mention]:
    """Drop weak unlabelled matches whose best candidate lies in a country never mentioned."""
    kept = []
    for m in mentions:
        if m.strength == "weak":
            best = max(m.candidates, key=_prior)
            if not signals.get(best.country or ""):
                continue
        kept.append(m)
    return kept


# -- context ----------------------------------------------------------------------------


def _country_signals(doc: Doc, mentions: list[Mention], article: Article) -> Counter[str]:
    """How often the article points at each country (alpha-2): names, demonyms, states."""
    signals: Counter[str] = Counter()
    for m in mentions:
        top = max(m.candidates, key=_prior)
        if top.country and (top.feature != "city" or len({c.country for c in m.candidates}) == 1):
            signals[top.country] += 1
    for token in doc:
        if token.text[:1].isupper():
            code = gz.demonym(token.text)
            if code:
                signals[code] += 1
    return signals


def _dateline(article: Article) -> tuple[Place | None, Entry | None]:
    """The place of a dateline at the start of the first body paragraph (or of the text)."""
    parts = [p for p in article.parts if p.kind in ("dateline", "body")]
    start = parts[0].start if parts else 0
    match = DATELINE.match(article.text, start, start + 120)
    if match is None:
        return None, None
    candidates = gz.lookup(match["city"])
    if not candidates:
        return None, None
    qualifier = _qualifier_entry(match["qual"] or "")
    scored = [(c, _prior(c) + (10.0 if _agrees(c, qualifier) else 0.0)) for c in candidates]
    best = max(scored, key=lambda cs: cs[1])[0]
    s, e = match.span("city")
    return _record(best, article.text[s:e], s, e, "exact", dateline=True), best


def _qualifier_entry(text: str) -> Entry | None:
    found = [c for c in gz.lookup(text) if c.feature in ("country", "region")]
    return max(found, key=_prior) if found else None


def _agrees(candidate: Entry, qualifier: Entry | None) -> bool:
    if qualifier is None or candidate is qualifier:
        return False
    if qualifier.feature == "country":
        return candidate.country == qualifier.country
    return candidate.country == qualifier.country and (
        qualifier.admin1 is None or candidate.admin1 == qualifier.admin1
    )


def _qualify(doc: Doc, m: Mention, mentions: list[Mention]) -> None:
    """Read the words around a name: "X, Texas", "north of X", "eastern X", "the city of X"."""
    after = m.end
    if after + 1 < len(doc) and doc[after].text == ",":
        following = next((o for o in mentions if o.start == after + 1), None)
        if following is not None:
            qual = max(following.candidates, key=_prior)
            if qual.feature in ("country", "region") and qual.country:
                m.hint_country, m.hint_admin1 = qual.country, qual.admin1
    glue = gz.glue()
    first = m.start - 1 if m.start > 0 and doc[m.start - 1].lower_ == "the" else m.start
    before = doc[max(0, first - 6) : first]  # the words before "(the) Sea of Azov"
    words = [t.lower_ for t in before]
    start_char = doc[m.start].idx
    for phrase in sorted(glue["near_phrases"], key=len, reverse=True):
        parts = re.findall(r"\w+|[^\w\s]", phrase)
        if len(parts) <= len(words) and words[len(words) - len(parts) :] == parts:
            start_char = before[len(before) - len(parts)].idx
            m.precision = "near"
            break
    else:
        if words and words[-1] in glue["area_adjectives"]:
            if any(c.feature in ("country", "region") for c in m.candidates):
                start_char = before[-1].idx
                m.precision = "region"
    if len(words) >= 2 and words[-1] == "of" and words[-2] in glue["place_nouns"]:
        m.want_city = True
    m.locative = bool(words) and words[-1] in LOCATIVE
    m.report_start = start_char
    last = doc[m.end - 1]
    m.report_end = last.idx + len(last)


# -- resolution -------------------------------------------------------------------------


def _prior(entry: Entry) -> float:
    bonus = 1.0 if entry.feature == "country" else 0.0
    return math.log10(entry.population + 10) + bonus


def _resolve(mentions: list[Mention], signals: Counter[str], dateline: Place | None) -> None:
    total = sum(signals.values()) or 1
    states = {c.admin1 for m in mentions for c in m.candidates[:1]
              if c.feature == "region" and c.country == "US"}
    for m in mentions:
        key = gz.normalise(m.text)
        for n, c in enumerate(m.candidates):
            score = _prior(c) + 3.0 * signals.get(c.country or "", 0) / total
            if gz.normalise(c.name) == key:
                score += 0.7  # its own name, not an alternate spelling
            if c.admin1 in states and c.country == "US" and c.feature == "city":
                score += 3.0
            if m.hint_country and c.country == m.hint_country:
                score += 10.0 if m.hint_admin1 in (None, c.admin1) else 5.0
            if m.want_city and c.feature != "city":
                score -= 5.0
            if c.metonym and not m.locative:
                score -= 100.0  # "the Kremlin said" is the institution, not the place
            m.scores[n] = score
        m.chosen = max(zip(m.candidates, m.scores.values(), strict=True), key=lambda x: x[1])[0]
    _nearness(mentions, dateline)


def _nearness(mentions: list[Mention], dateline: Place | None) -> None:
    """Second pass: an ambiguous name goes to the candidate near the article's other places."""
    anchors: list[tuple[float, float]] = [
        (m.chosen.lat, m.chosen.lon) for m in mentions
        if m.chosen and m.chosen.lat is not None and m.chosen.lon is not None
        and m.chosen.feature == "city" and len(m.candidates) == 1
    ]
    if dateline is not None and dateline.lat is not None and dateline.lon is not None:
        anchors.append((dateline.lat, dateline.lon))
    for m in mentions:
        if len(m.candidates) < 2:
            continue
        rescored = []
        for n, c in enumerate(m.candidates):
            near = any(_km(c.lat, c.lon, a, b) < 300 for a, b in anchors
                       if c.lat is not None and c.lon is not None and (a, b) != (c.lat, c.lon))
            rescored.append((m.scores[n] + (1.5 if near else 0.0), c))
        m.chosen = max(rescored, key=lambda x: x[0])[1]
    for m in mentions:
        if m.chosen is not None and m.chosen.metonym and not m.locative:
            m.chosen = None


def _km(lat1: float | None, lon1: float | None, lat2: float, lon2: float) -> float:
    if lat1 is None or lon1 is None:
        return math.inf
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(a))


# -- records ----------------------------------------------------------------------------


def _place(doc: Doc, m: Mention) -> Place:
    assert m.chosen is not None
    text = doc.text[m.report_start : m.report_end]
    return _record(m.chosen, text, m.report_start, m.report_end, m.precision)


def _record(e: Entry, text: str, start: int, end: int, precision: str,
            dateline: bool = False) -> Place:
    feature = e.feature if e.feature in ("city", "region", "country", "landmark") else "other"
    if precision == "exact" and feature in ("region", "country"):
        precision = feature
    return Place(name=e.name, text=text, start=start, end=end, geonames_id=e.geonames_id,
                 lat=e.lat, lon=e.lon, country=e.country3, feature=feature,  # type: ignore[arg-type]
                 precision=precision, dateline=dateline)  # type: ignore[arg-type]


def _capitals(doc: Doc, signals: Counter[str]) -> list[Place]:
    """"the Ukrainian capital" -> Kyiv; "the capital" -> capital of the dominant country."""
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
        entry = gz.capital(code or dominant or "")
        if entry is not None:
            start, end = doc[first - 1].idx, token.idx + len(token)
            places.append(_record(entry, doc.text[start:end], start, end, "exact"))
    return places

