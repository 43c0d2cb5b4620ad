"""Loading and validating the actor dictionary (`fivew/data/actors.yaml`, with the people it
knows by name in `fivew/data/people.yaml`).

The YAML header documents the format. `build_dictionary` turns the parsed YAML into word
lookups and raises `DataFileError` naming the file, the section and the bad value, so a
user who extends the dictionary knows what to fix.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import Any

import pycountry

from fivew.data import DataFileError, load_yaml

_TOKEN = re.compile(r"[A-Za-z]\.(?:[A-Za-z]\.)+|\w+|[^\w\s]")

# Earlier sections win when a name is listed in several (see the YAML header).
_PRECEDENCE = ("org", "seat", "capital", "country", "demonym", "place", "person", "sector")


@dataclass(frozen=True)
class Entry:
    """What the dictionary knows about one name: its kind, codes and canonical name.

    `kind` is one of org, seat, capital, country, demonym, place, person, sector.
    """

    kind: str
    name: str
    country: str | None
    sector: str | None


@dataclass(frozen=True)
class Collectives:
    """Words by which a phrase stands for the two parties told just before ("the two
    countries", "both sides", "the neighbours", "they"): see `collectives` in actors.yaml."""

    modifiers: frozenset[str] = frozenset()  # "both", "the two": before a party noun
    heads: frozenset[str] = frozenset()  # "countries", "sides", "leaders": party nouns
    nouns: frozenset[str] = frozenset()  # "neighbours", "rivals": with "the"
    pronouns: frozenset[str] = frozenset()  # "they", "them"
    reciprocals: frozenset[str] = frozenset()  # "each other", "one another"


@dataclass(eq=False)
class ActorDictionary:
    """Word-sequence lookups built from actors.yaml. Hashable by identity (cache keys).

    Treat as read-only: it is shared by every stage of the process.
    """

    folded: dict[tuple[str, ...], Entry]  # lower-cased keys
    exact: dict[tuple[str, ...], Entry]  # all-capitals names ("US", "WHO"): case-sensitive
    longest: int
    breaks: frozenset[str] = field(default_factory=frozenset)
    generic_heads: frozenset[str] = field(default_factory=frozenset)
    allegiance_prefixes: frozenset[str] = field(default_factory=frozenset)
    allegiance_sector: str | None = None
    allegiance_keep: frozenset[str] = field(default_factory=frozenset)
    sponsors: frozenset[str] = field(default_factory=frozenset)
    posted_roles: frozenset[str] = field(default_factory=frozenset)
    collectives: Collectives = field(default_factory=lambda: Collectives())

    @functools.cached_property
    def _first_words(self) -> frozenset[str]:
        return frozenset(k[0].lower() for k in [*self.folded, *self.exact])

    def starts_name(self, word: str) -> bool:
        """Could a dictionary name start with this word? (a fast pre-check for scanners)"""
        return _norm(word).lower() in self._first_words

    def get(self, words: list[str]) -> Entry | None:
        """The entry for this exact word sequence; a final plural "-s" is tried for words."""
        norm = tuple(_norm(w) for w in words)
        hit = self.exact.get(norm) or self.folded.get(tuple(w.lower() for w in norm))
        if hit is None and len(words) == 1 and len(norm[0]) > 3 and norm[0][-1] in "sS":
            hit = self.folded.get((norm[0][:-1].lower(),))
            if hit is not None and hit.kind not in ("sector", "demonym"):
                hit = None
        if hit is not None and hit.kind in _PROPER and norm[0][:1].islower() \
                and len(norm[0]) > 1 and not norm[0].startswith("al-"):
            return None  # "western Yemen", "the south": a compass word, not "Western"
        return hit


# Kinds whose names are proper nouns: written in lower case they are other words.
_PROPER = frozenset({"country", "demonym", "capital", "seat", "place", "person"})


def _norm(word: str) -> str:
    return word.replace("’", "'").replace("‘", "'")


def words_of(name: str) -> tuple[str, ...]:
    """The word sequence a dictionary name is looked up by (leading "the" dropped)."""
    words = [_norm(m.group()) for m in _TOKEN.finditer(name)]
    if len(words) > 1 and words[0].lower() == "the":
        words = words[1:]
    return tuple(words)


@functools.cache
def load_dictionary(name: str = "actors.yaml", people: str | None = "people.yaml"
                    ) -> ActorDictionary:
    """The actor dictionary in `fivew/data/<name>`, validated, with the `people` section of
    `fivew/data/<people>` added to its own (kept apart for its size); loaded once per
    process."""
    raw = load_yaml(name)
    if people is not None and isinstance(raw, dict):
        listed = load_yaml(people)
        if not isinstance(listed, dict) or not isinstance(listed.get("people"), list):
            raise DataFileError(f"fivew/data/{people}: expected a mapping with a `people` list")
        raw = {**raw, "people": [*(raw.get("people") or []), *listed["people"]]}
    return build_dictionary(raw, f"fivew/data/{name}")


def build_dictionary(raw: Any, source: str = "actors.yaml") -> ActorDictionary:
    """Validate parsed actors.yaml content and build the lookups; DataFileError if invalid."""

    def fail(message: str) -> DataFileError:
        return DataFileError(f"{source}: {message}")

    if not isinstance(raw, dict):
        raise fail("the file must be a mapping of sections (see the header for the format)")
    known = {
        "sectors", "groups", "country_names", "demonyms", "capitals", "seats", "places",
        "organisations", "sector_words", "head_breaks", "generic_heads", "allegiance",
        "collectives", "people", "sponsors", "posted_roles",
    }
    unknown = set(raw) - known
    if unknown:
        raise fail(f"unknown section(s) {sorted(unknown)}; expected some of {sorted(known)}")
    sectors = _codes(raw.get("sectors"), "sectors", fail)
    if not sectors:
        raise fail("section `sectors` is required and must declare at least one code")
    groups = _codes(raw.get("groups") or {}, "groups", fail)
    countries = {c.alpha_3 for c in pycountry.countries} | groups | {"XKX"}

    def country(value: Any, where: str) -> str | None:
        if value is None or value in countries:
            return value
        raise fail(f"{where}: {value!r} is neither an ISO 3166-1 alpha-3 code nor a group")

    def sector(value: Any, where: str) -> str:
        if value in sectors:
            return value
        raise fail(f"{where}: {value!r} is not a sector declared in `sectors`")

    entries: dict[str, list[tuple[str, Entry]]] = {k: [] for k in _PRECEDENCE}
    for c in pycountry.countries:
        common = getattr(c, "common_name", None) or c.name
        for n in (c.name, getattr(c, "common_name", None), getattr(c, "official_name", None)):
            if n and "," not in n:
                entries["country"].append((n, Entry("country", common, c.alpha_3, None)))
    simple = {
        "country_names": ("country", None), "demonyms": ("demonym", None),
        "capitals": ("capital", "GOV"), "seats": ("seat", "GOV"), "places": ("place", None),
    }
    for section, (kind, code) in simple.items():
        for key, names in _mapping(raw.get(section), section, fail).items():
            iso = country(key, f"{section}.{key}")
            if code is not None:
                sector(code, f"{section} (sector {code} must be declared)")
            canonical = _country_name(iso) if kind == "country" else None
            for n in _names(names, f"{section}.{key}", fail):
                entries[kind].append((n, Entry(kind, canonical or n, iso, code)))
    # organisations and people: lists of {names, country, sector}
    for section, kind in (("organisations", "org"), ("people", "person")):
        for i, item in enumerate(raw.get(section) or []):
            where = f"{section}[{i}]"
            if not isinstance(item, dict) or set(item) - {"names", "country", "sector"}:
                raise fail(f"{where} must be a mapping with keys names, country, sector")
            names = _names(item.get("names"), where + ".names", fail)
            entry = Entry(kind, names[0], country(item.get("country"), where + ".country"),
                          sector(item.get("sector"), where + ".sector"))
            entries[kind] += [(n, entry) for n in names]
    for key, names in _mapping(raw.get("sector_words"), "sector_words", fail).items():
        code = sector(key, f"sector_words.{key}")
        for n in _names(names, f"sector_words.{key}", fail):
            entries["sector"].append((n, Entry("sector", n, None, code)))
    return _assemble(raw, entries, sector, fail)


def _assemble(raw: Any, entries: dict[str, list[tuple[str, Entry]]], sector: Any, fail: Any
              ) -> ActorDictionary:
    folded: dict[tuple[str, ...], Entry] = {}
    exact: dict[tuple[str, ...], Entry] = {}
    for kind in reversed(_PRECEDENCE):  # later writes (higher precedence) win
        seen: dict[tuple[str, ...], Entry] = {}
        for name, entry in entries[kind]:
            words = words_of(name)
            caps = any(ch.isalpha() for ch in name) and name == name.upper()
            key = words if caps else tuple(w.lower() for w in words)
            prior = seen.get(key)
            if prior and kind != "country" and (prior.country, prior.sector) != (
                entry.country, entry.sector
            ):
                raise fail(f"{name!r} is listed twice in {kind} sections with different codes")
            seen[key] = entry
            (exact if caps else folded)[key] = entry
    allegiance = raw.get("allegiance") or {}
    if not isinstance(allegiance, dict):
        raise fail("`allegiance` must be a mapping {prefixes, sector, keep_sectors}")
    keep = allegiance.get("keep_sectors") or []
    return ActorDictionary(
        folded=folded,
        exact=exact,
        longest=max((len(k) for k in [*folded, *exact]), default=1),
        breaks=frozenset(w.lower() for w in _names(raw.get("head_breaks") or ["of"],
                                                    "head_breaks", fail)),
        generic_heads=frozenset(w.lower() for w in _names(raw.get("generic_heads") or ["_"],
                                                          "generic_heads", fail)),
        allegiance_prefixes=frozenset(
            p.lower() for p in _names(allegiance.get("prefixes") or ["pro"], "allegiance", fail)
        ),
        allegiance_sector=sector(allegiance["sector"], "allegiance.sector")
        if "sector" in allegiance else None,
        allegiance_keep=frozenset(sector(s, "allegiance.keep_sectors") for s in keep),
        sponsors=frozenset(w.lower() for w in _names(raw.get("sponsors") or ["backed"], "sponsors", fail)),
        posted_roles=frozenset(w.lower() for w in _names(raw.get("posted_roles") or ["envoy"],
                                                         "posted_roles", fail)),
        collectives=_collectives(raw.get("collectives") or {}, fail),
    )


def _collectives(raw: Any, fail: Any) -> Collectives:
    keys = {"modifiers", "heads", "nouns", "pronouns", "reciprocals"}
    if not isinstance(raw, dict) or set(raw) - keys:
        raise fail(f"`collectives` must be a mapping with keys {sorted(keys)}")
    sets = {k: frozenset(" ".join(w.lower().split()) for w in _names(raw.get(k) or ["_"],
                                                                      f"collectives.{k}", fail))
            for k in keys}
    return Collectives(**sets)


def is_state(code: str | None) -> bool:
    """Whether an actor code is one state (ISO alpha-3 or Kosovo), not a group ("WST")."""
    return code == "XKX" or _country_name(code) is not None


def _country_name(iso: str | None) -> str | None:
    """pycountry's common name for an alpha-3 code ("GBR" -> "United Kingdom")."""
    country = pycountry.countries.get(alpha_3=iso) if iso else None
    return (getattr(country, "common_name", None) or country.name) if country else None


def _codes(value: Any, section: str, fail: Any) -> set[str]:
    if value is None:
        return set()
    if not isinstance(value, dict) or not all(
        isinstance(k, str) and re.fullmatch(r"[A-Z]{3}", k) for k in value
    ):
        raise fail(f"`{section}` must map three-capital-letter codes to descriptions")
    return set(value)


def _mapping(value: Any, section: str, fail: Any) -> dict[str, Any]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise fail(f"`{section}` must be a mapping CODE: [name, ...]")
    return value


def _names(value: Any, where: str, fail: Any) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not value or not all(
        isinstance(v, str) and v.strip() for v in value
    ):
        raise fail(f"{where} must be a non-empty list of names (strings), got {value!r}")
    return [v.strip() for v in value]
