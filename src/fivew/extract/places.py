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
import functools
import math
import re
from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

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
    # labelled (by the model), strong, weak, or context (a country or state named inside an
    # organisation's name: counts as context, is not reported): see `_strength`
    strength: str = "labelled"
    locative: bool = False
    qualifies: bool = False  # follows "<place>," ("Pullman, Washington")
    after_the: bool = False  # preceded by "the"  # preceded by "in/at/near..." (lets "at the Kremlin" be a place)
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
    text = doc.text  # spaCy joins the tokens on every access: read it once
    places = [_place(text, m) for m in mentions
              if m.chosen is not None and m.strength != "context"]
    places += _capitals(doc, text, signals)
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
        end = _extend(doc, start, end)
        candidates = gz.lookup(doc[start:end].text)
        if candidates:
            found.append(Mention(doc[start:end].text, start, end, True, candidates))
    return found


def _extend(doc: Doc, start: int, end: int) -> int:
    """Extend a name over following lower-case words that make a curated name: "Donetsk
    region", "Zaporizhzhia nuclear power plant"."""
    for extra in (3, 2, 1):
        wider = end + extra
        if wider <= len(doc) and all(t.is_lower for t in doc[end:wider]):
            found = gz.lookup(doc[start:wider].text)
            if any(c.feature not in ("city", "country") for c in found):
                return wider
    return end


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
            if gz.normalise(span.text) in not_places:
                continue
            candidates = gz.lookup(span.text)
            if not span[-1].text[:1].isupper():
                # "Zaporizhzhia nuclear power plant": only curated names end in lower case
                candidates = tuple(c for c in candidates if c.feature not in ("city", "country"))
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
    Strong: a curated name from places.yaml, or a proper noun matching an entry under its
    own name, or a big city, country or region. Weak: a near-spelling of a smaller place ("Izium" for Izyum), or a capitalised
    common-noun-tagged word matching a place's own name (sentence-initial "Odesa").
    """
    key = gz.normalise(span.text)
    if _inside_longer_name(span):
        # "University of Idaho", "Bank of England": not a place mention, but context.
        exact = [c for c in candidates if c.feature in ("country", "region")
                 and gz.normalise(c.name) == key]
        return "context" if exact and all(t.pos_ == "PROPN" for t in span) else ""
    primary = any(gz.normalise(c.name) == key for c in candidates)
    big = any(c.population >= 100_000 or c.feature != "city" for c in candidates)
    words = [t for t in span if not t.is_punct]  # "Nagorno-Karabakh" has a hyphen token
    if all(c.feature in ("region", "landmark", "other") and c.geonames_id is None
           for c in candidates):
        return "strong"  # a curated name or alias from places.yaml ("Azovstal plant")
    if all(t.pos_ == "PROPN" for t in words):
        if primary or big:
            return "strong"
        close = any(_near_spelling(key, gz.normalise(c.name)) for c in candidates)
        return "weak" if close else ""
    if any(t.pos_ not in ("PROPN", "NOUN", "ADJ", "VERB") for t in words):
        return ""
    return "weak" if primary else ""


def _inside_longer_name(span: Span) -> bool:
    """Whether the span is a part of a person/organisation name ("Washington" in "The
    Washington Post"). A name span that lists several ("Kyiv and Chernihiv", mislabelled
    as one entity) may be split at its commas and conjunctions."""
    doc = span.doc
    separators = {"and", ",", "&", "or"}
    for t in span:
        if t.ent_type_ not in NAME_LABELS:
            continue
        ent_start, ent_end = _entity_bounds(t)
        if doc[ent_start].lower_ == "the":
            ent_start += 1
        sticks_left = ent_start < span.start and doc[span.start - 1].lower_ not in separators
        sticks_right = ent_end > span.end and doc[span.end].lower_ not in separators
        if sticks_left or sticks_right:
            return True
    return False


def _entity_bounds(token: Token) -> tuple[int, int]:
    """Token range of the entity a token is in, read from IOB tags (cheaper than doc.ents)."""
    doc = token.doc
    start = token.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = token.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return start, end


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
        ranked = sorted(m.candidates, key=_prior, reverse=True)
        top = ranked[0]
        # A city counts when no other candidate comes near it (Paris, France vs. Paris, Texas).
        clear = len(ranked) == 1 or _prior(top) - _prior(ranked[1]) >= 1.5
        if top.country and (top.feature != "city" or clear):
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
    for parts in _near_phrases():
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
    m.after_the = first < m.start
    m.qualifies = any(o.end + 1 == m.start for o in mentions) and m.start > 0 \
        and doc[m.start - 1].text == ","
    m.report_start = start_char
    last = doc[m.end - 1]
    m.report_end = last.idx + len(last)


@functools.cache
def _near_phrases() -> tuple[list[str], ...]:
    """The near phrases as token lists ("north-east of" -> north, -, east, of), longest first."""
    phrases = sorted(gz.glue()["near_phrases"], key=len, reverse=True)
    return tuple(re.findall(r"\w+|[^\w\s]", p) for p in phrases)


# -- resolution -------------------------------------------------------------------------


def _prior(entry: Entry) -> float:
    """Population, plus a bonus for countries and national capitals (more often in news)."""
    bonus = 1.0 if entry.feature == "country" or gz.is_capital(entry) else 0.0
    return math.log10(entry.population + 10) + bonus


def _resolve(mentions: list[Mention], signals: Counter[str], dateline: Place | None) -> None:
    """Score every candidate of every mention; keep the best (see module docstring)."""
    total = sum(signals.values()) or 1
    states = {c.admin1 for m in mentions for c in m.candidates
              if c.feature == "region" and c.country == "US" and c.name == m.text}
    states.discard(None)
    for m in mentions:
        for n, c in enumerate(m.candidates):
            score = _prior(c) + 3.0 * signals.get(c.country or "", 0) / total
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
        elif chosen.feature == "city" and chosen.population < 20_000 and (
            (total > 1 and not signals.get(chosen.country or ""))
            or not _near_spelling(gz.normalise(m.text), gz.normalise(chosen.name))
        ):
            # a small town in a country the article never mentions, or one reached only
            # through a partial alternate name ("Notre-Dame" for Notre-Dame-de-Bondeville)
            m.chosen = None


@functools.cache
def _similarity(text: str, name: str) -> float:
    return difflib.SequenceMatcher(None, gz.normalise(text), gz.normalise(name)).ratio()


def _nearness(mentions: list[Mention], dateline: Place | None) -> None:
    """Second pass: an ambiguous name goes to the candidate near the article's other places
    (bonus falling from 2 at the same spot to 0 at 300 km)."""
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
            nearest = min((_km(c.lat, c.lon, a, b) for a, b in anchors
                           if (a, b) != (c.lat, c.lon)), default=math.inf)
            rescored.append((m.scores[n] + 2.0 * max(0.0, 1 - nearest / 300), c))
        m.chosen = max(rescored, key=lambda x: x[0])[1]


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


def _capitals(doc: Doc, text: str, signals: Counter[str]) -> list[Place]:
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
            places.append(_record(entry, text[start:end], start, end, "exact"))
    return places

