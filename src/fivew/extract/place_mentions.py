"""Place mentions: where a text names a place, and the words around each name.

Two sources: the model's GPE/LOC/FAC spans, and a gazetteer scan over capitalised words,
which recovers the places the small model mislabels ("Kyiv" as PERSON, "Odesa" as
nothing). `find_mentions(doc)` returns `Mention`s (token spans with their gazetteer
candidates and a strength); `read_context(doc, m, mentions)` reads the words around one
("north of", "eastern", "the city of", "X, Texas"). Resolution is in `fivew.extract.places`.
"""

from __future__ import annotations

import difflib
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from fivew.extract import gazetteer as gz
from fivew.extract.gazetteer import Entry

PLACE_LABELS = {"GPE", "LOC", "FAC"}
# Spans of these labels never contain a place unless the whole span is one ("Kyiv" as PERSON).
NAME_LABELS = {"PERSON", "ORG", "NORP", "WORK_OF_ART", "PRODUCT", "EVENT", "LAW"}
MAX_NGRAM = 4


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
    precision: str = "exact"  # exact, near ("north of X"), region ("eastern X")
    hint_country: str | None = None
    hint_admin1: str | None = None  # "Paris, Texas": the country and state named after it
    want_city: bool = False  # "the city of X"
    # labelled (by the model), strong, weak, or context (a country or state named inside an
    # organisation's name: counts as context, is not reported): see `_strength`
    strength: str = "labelled"
    locative: bool = False  # preceded by "in/at/near..." (lets "at the Kremlin" be a place)
    qualifies: bool = False  # follows "<place>," ("Pullman, Washington")
    after_the: bool = False  # "the X" with no noun after X
    province: bool = False  # "Tver region": report the division around the city
    chosen: Entry | None = None
    scores: dict[int, float] = field(default_factory=dict)


def find_mentions(doc: Doc) -> list[Mention]:
    """Place-name mentions in text order (see the module docstring)."""
    found: list[Mention] = _hyphenated(doc)
    taken: set[int] = {i for m in found for i in range(m.start, m.end)}
    ents = doc.ents  # spaCy rebuilds the spans on every access: read them once
    for ent in ents:
        if ent.label_ in PLACE_LABELS and not any(i in taken for i in range(ent.start, ent.end)):
            mentions = _from_entity(ent)
            found.extend(mentions)
            taken.update(range(ent.start, ent.end))  # "Lamar County" is not the town Lamar
            taken.update(i for m in mentions for i in range(m.start, m.end))
    people = _person_words(ents) | _titled_words(doc)
    # A whole multi-word "person" that is a place name is the model's mistake ("toward
    # Nea Penteli" as PERSON), not a person's name.
    whole = {(e.start, e.end) for e in ents if e.label_ == "PERSON" and len(e) > 1}
    for m in _scan(doc, taken):
        if (m.strength in ("strong", "weak") and not in_headline(doc[m.start])
                and (m.start, m.end) not in whole
                and all(t.lower_ in people for t in doc[m.start : m.end])):
            continue  # "Herrera told reporters" after "Governor Tomas Herrera"
        found.append(m)
    found.sort(key=lambda m: m.start)
    return found


def _hyphenated(doc: Doc) -> list[Mention]:
    """Hyphenated place names the tokenizer splits and the model tags in pieces or not at
    all ("Guinea-Bissau's army", "Timor-Leste"): a capitalised word, a hyphen with no
    space around it and a capitalised word that together name a gazetteer place."""
    found = []
    for i in range(len(doc) - 2):
        first, dash, second = doc[i], doc[i + 1], doc[i + 2]
        if (dash.text == "-" and not first.whitespace_ and not dash.whitespace_
                and first.is_alpha and second.is_alpha and first.text[:1].isupper()
                and second.text[:1].isupper()):
            end = _extend(doc, i, i + 3)  # "the Ivano-Frankivsk region"
            candidates = gz.lookup(doc[i:end].text)
            if candidates:
                found.append(_province(doc, Mention(doc[i:end].text, i, end, True, candidates)))
    return found


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Drop a leading "the", trailing possessive and punctuation from a token range."""
    while start < end and (doc[start].lower_ == "the" or doc[start].is_punct):
        start += 1
    while end > start and (doc[end - 1].lower_ in ("'s", "’s", "'") or doc[end - 1].is_punct):
        end -= 1
    return start, end


def _person_words(ents: Sequence[Span]) -> set[str]:
    """Words of multi-word person names ("Tomas Herrera"): alone, they are that person."""
    return {t.lower_ for ent in ents if ent.label_ == "PERSON" and len(ent) > 1
            for t in ent if t.is_alpha}


def _titled_words(doc: Doc) -> set[str]:
    """Capitalised words right after a person title anywhere in the doc ("President
    Obama"): later alone ("Obama said"), they are still that person."""
    titles = set(gz.glue().get("person_titles") or ())
    return {t.lower_ for t in doc if t.i > 0 and t.is_alpha and t.text[:1].isupper()
            and _titled(doc, t.i, doc[t.i : t.i + 1], titles)
            and gz.normalise(t.text) not in titles}


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
        if not candidates and end == ent.end:
            end, candidates = _cut_short(doc, start, end)
        if candidates:
            found.append(_province(doc, Mention(doc[start:end].text, start, end, True,
                                                candidates)))
        elif end - start == 1 and (variant := gz.lookup_variant(doc[start].text)):
            # "Sulaimaniyah": another romanisation of a big place; weak (kept only when
            # the article names its country), as near-spellings are
            found.append(Mention(doc[start].text, start, end, False, variant, strength="weak"))
    return found


def _cut_short(doc: Doc, start: int, end: int) -> tuple[int, tuple[Entry, ...]]:
    """A place name the model cut short ("Boa" GPE + "Vista" ORG): the span widened over
    the capitalised words right after it, when the wider name is a gazetteer place."""
    for wider in (end + 1, end + 2):
        if wider > len(doc) or not all(t.is_alpha and t.text[:1].isupper() for t in doc[end:wider]):
            break
        candidates = gz.lookup(doc[start:wider].text)
        if candidates:
            return wider, candidates
    return end, ()


def _province(doc: Doc, m: Mention) -> Mention:
    """Mark "Tver region" (a city name + a province word, not curated) as the province."""
    if m.end < len(doc) and doc[m.end].lower_ in gz.glue()["province_words"] and any(
            c.feature == "city" for c in m.candidates):
        m.province = True
    return m


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
    titles = set(glue.get("person_titles") or ())
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
            if gz.normalise(span.text) in not_places or _titled(doc, i, span, titles):
                continue
            if length == 1 and gz.demonym(span.text) and span[0].ent_type_ == "NORP":
                continue  # "the Thai initiative": a people's name, not the Malaysian town
            candidates = gz.lookup(span.text)
            if not candidates and length == 1 and span[0].pos_ == "PROPN":
                # "Sulaimaniyah": another romanisation of a big place; weak (kept only
                # when the article names its country), as near-spellings are
                candidates = gz.lookup_variant(span.text)
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
                found.append(_province(doc, Mention(span.text, i, end, False, candidates,
                                                    strength=strength)))
                i = end - 1
                break
        i += 1
    return found


def _titled(doc: Doc, i: int, span: Span, titles: set[str]) -> bool:
    """A title word itself ("Officer") or a name right after one ("President Obama",
    "Sen. Warren"): a person, not a place (see person_titles in places.yaml)."""
    if gz.normalise(span.text) in titles:
        return True
    j = i - 1
    if j >= 0 and doc[j].text == ".":
        j -= 1  # "Sen ." tokenised apart
    return j >= 0 and gz.normalise(doc[j].text.rstrip(".")) in titles


def _strength(span: Span, candidates: tuple[Entry, ...]) -> str:
    """How sure a name the model did not call a place is one: "strong", "weak" or "".

    Never part of a longer person/organisation name ("Washington" in "Washington Post"),
    except in a title-case headline, where the model's name spans are unreliable (there
    `fivew.extract.places` keeps town names only if the article names their country).
    Strong: a curated name from places.yaml, or a proper noun naming a country or region,
    or a big city under its own name. Weak: a proper noun matching a town, or a city under
    another of its names ("Fano" militias, the "Aichi" cemetery, "Ali" the person: many
    names are also some town's), a near-spelling of a smaller place ("Izium" for Izyum),
    or a capitalised common-noun-tagged word matching a place's own name (sentence-initial
    "Odesa"). Weak names are kept only when the article points at their country.
    """
    key = gz.normalise(span.text)
    if _inside_longer_name(span) and not in_headline(span[0]):
        # "University of Idaho", "Bank of England": not a place mention, but context.
        exact = [c for c in candidates if c.feature in ("country", "region")
                 and gz.normalise(c.name) == key]
        return "context" if exact and all(t.pos_ == "PROPN" for t in span) else ""
    primary = any(gz.normalise(c.name) == key for c in candidates)
    big = any(c.population >= 100_000 or c.feature != "city" for c in candidates)
    own_big = any(gz.normalise(c.name) == key and (c.population >= 100_000 or c.feature != "city")
                  for c in candidates)
    words = [t for t in span if not t.is_punct]  # "Nagorno-Karabakh" has a hyphen token
    if all(c.feature in ("region", "landmark", "other") and c.geonames_id is None
           for c in candidates):
        return "strong"  # a curated name or alias from places.yaml ("Azovstal plant")
    if all(t.pos_ == "PROPN" for t in words):
        if own_big:
            return "strong"
        close = any(near_spelling(key, gz.normalise(c.name)) for c in candidates)
        return "weak" if primary or big or close else ""
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


def in_headline(token: Token) -> bool:
    """Whether a token stands in a title-case line ("Floods Cut Off Villages Near Porto"),
    where every longer word is capitalised: the model's name spans there are unreliable,
    and a capital letter is no sign of a name."""
    words = [t for t in token.sent if t.is_alpha and len(t) > 3]
    return len(words) >= 3 and all(t.text[0].isupper() for t in words)


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


def near_spelling(alternate: str, primary: str) -> bool:
    """A transliteration variant, not an abbreviation ("Top" is not Topeka)."""
    if len(alternate) < 0.75 * len(primary):
        return False
    return difflib.SequenceMatcher(None, alternate, primary).ratio() >= 0.6


def read_context(doc: Doc, m: Mention, mentions: list[Mention]) -> None:
    """Read the words around a name: "X, Texas", "north of X", "eastern X", "the city of X"."""
    after = m.end
    if after + 1 < len(doc) and doc[after].text == ",":
        following = next((o for o in mentions if o.start == after + 1), None)
        if following is not None:
            qual = max(following.candidates, key=gz.prior)
            if qual.feature in ("country", "region") and qual.country:
                m.hint_country, m.hint_admin1 = qual.country, qual.admin1
    glue = gz.glue()
    first = m.start - 1 if m.start > 0 and doc[m.start - 1].lower_ == "the" else m.start
    before = doc[max(0, first - 6) : first]  # the words before "(the) Sea of Azov"
    words = [t.lower_ for t in before]
    start_char = doc[m.start].idx
    # "outside the US embassy": the near phrase is about the noun the name modifies
    modifier = m.end < len(doc) and doc[m.end].pos_ == "NOUN"
    for parts in () if modifier else _near_phrases():
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
    m.locative = bool(words) and words[-1] in glue["locative_prepositions"]
    # "the Moskva sank": a city name with an article and no noun after it names something
    # else (a ship); "the Kakhovka dam" uses the town to name a place.
    m.after_the = first < m.start and not (
        m.end < len(doc) and doc[m.end].pos_ in ("NOUN", "PROPN"))
    m.qualifies = any(o.end + 1 == m.start for o in mentions) and m.start > 0 \
        and doc[m.start - 1].text == ","
    m.report_start = start_char
    last = doc[m.end] if m.province else doc[m.end - 1]
    while last.is_space and last.i > m.start:
        last = doc[last.i - 1]  # a title's name span may run into the blanked body after it
    m.report_end = last.idx + len(last)


@functools.cache
def _near_phrases() -> tuple[list[str], ...]:
    """The near phrases as token lists ("north-east of" -> north, -, east, of), longest first."""
    phrases = sorted(gz.glue()["near_phrases"], key=len, reverse=True)
    return tuple(re.findall(r"\w+|[^\w\s]", p) for p in phrases)
