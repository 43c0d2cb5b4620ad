"""Loading and validating the coreference lexicons (`coref.yaml`, `names.yaml`).

The YAML headers document the formats; errors name the file and the bad entry.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import Any

from fivew.data import DataFileError, load_yaml

LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})
GENDERS = frozenset({"male", "female", "any"})


@dataclass(frozen=True)
class PronounRule:
    gender: str  # male, female or any
    plural: bool
    labels: frozenset[str]


@dataclass(frozen=True)
class NominalRule:
    labels: frozenset[str]
    match: str  # name, role or any
    sectors: frozenset[str] = frozenset()  # entities of these sectors fit too


@dataclass(frozen=True)
class CorefLexicon:
    pronouns: dict[str, PronounRule]
    titles: dict[str, str]  # lower-case word -> male | female
    nominals: dict[str, NominalRule]
    first_names: dict[str, str]  # lower-case first name -> male | female
    max_sentences: int
    free_modifiers: frozenset[str] = frozenset()  # "the former minister" still fits
    extraposition_adjectives: frozenset[str] = frozenset()  # "it is important to ..."
    not_surnames: dict[str, str] = field(default_factory=dict)  # "station" -> FAC
    courtesy: frozenset[str] = frozenset()  # "mr", "mrs": titles that are no role
    particles: frozenset[str] = frozenset()  # "von", "der", "bin": inside people's names
    name_titles: frozenset[str] = frozenset()  # "councillor", "sen": roles, not name words
    abbreviations: dict[str, str] = field(default_factory=dict)  # "sen" -> "senator"
    departments: frozenset[str] = frozenset()  # "Secretary of State X": no name word

    @functools.cached_property
    def person_nouns(self) -> frozenset[str]:
        """Role nouns that describe a person ("minister", "spokesman", "chief")."""
        return frozenset(w for w, rule in self.nominals.items() if "PERSON" in rule.labels)

    @functools.cached_property
    def organisation_nouns(self) -> frozenset[str]:
        """Nouns that describe an organisation ("ministry", "party", "agency")."""
        return frozenset(w for w, rule in self.nominals.items() if "ORG" in rule.labels)


@functools.cache
def load_lexicon() -> CorefLexicon:
    """coref.yaml and names.yaml, validated; loaded once per process."""
    return build_lexicon(load_yaml("coref.yaml"), load_yaml("names.yaml"))


def build_lexicon(coref: Any, names: Any, source: str = "fivew/data/coref.yaml"
                  ) -> CorefLexicon:
    """Validate the parsed files and build the lookups; DataFileError when invalid."""
    if not isinstance(coref, dict):
        raise DataFileError(f"{source}: must be a mapping with pronouns, titles, nominals")
    pronouns = {}
    for word, rule in _mapping(coref, "pronouns", source).items():
        where = f"{source}: pronouns.{word}"
        if not isinstance(rule, dict) or rule.get("gender") not in GENDERS:
            raise DataFileError(f"{where}: gender must be one of {sorted(GENDERS)}")
        if rule.get("number") not in ("singular", "plural"):
            raise DataFileError(f"{where}: number must be singular or plural")
        pronouns[str(word).lower()] = PronounRule(
            rule["gender"], rule["number"] == "plural", _labels(rule.get("labels"), where)
        )
    titles = {}
    for word, gender in _mapping(coref, "titles", source).items():
        if gender not in ("male", "female"):
            raise DataFileError(f"{source}: titles.{word} must be male or female")
        titles[str(word).lower()] = gender
    nominals = {}
    for word, rule in _mapping(coref, "nominals", source).items():
        where = f"{source}: nominals.{word}"
        if not isinstance(rule, dict) or rule.get("match") not in ("name", "role", "any"):
            raise DataFileError(f"{where}: match must be name, role or any")
        sectors = rule.get("sectors") or []
        if not isinstance(sectors, list) or not all(isinstance(c, str) for c in sectors):
            raise DataFileError(f"{where}: sectors must be a list of sector codes")
        nominals[str(word).lower()] = NominalRule(
            _labels(rule.get("labels"), where), rule["match"], frozenset(sectors)
        )
    window = coref.get("max_sentences", 3)
    if not isinstance(window, int) or window < 1:
        raise DataFileError(f"{source}: max_sentences must be a positive integer")
    free = coref.get("free_modifiers") or []
    if not isinstance(free, list) or not all(isinstance(w, str) for w in free):
        raise DataFileError(f"{source}: free_modifiers must be a list of words")
    adjectives = coref.get("extraposition_adjectives") or []
    if not isinstance(adjectives, list) or not all(isinstance(w, str) for w in adjectives):
        raise DataFileError(f"{source}: extraposition_adjectives must be a list of words")
    return CorefLexicon(pronouns, titles, nominals, _first_names(names), window,
                        frozenset(w.lower() for w in free),
                        frozenset(w.lower() for w in adjectives), _not_surnames(names),
                        _words(coref, "courtesy_titles", source),
                        _words(names, "particles", "fivew/data/names.yaml"),
                        _words(coref, "name_titles", source), _abbreviations(coref, source),
                        _words(coref, "departments", source))


def _first_names(names: Any) -> dict[str, str]:
    source = "fivew/data/names.yaml"
    if not isinstance(names, dict) or set(names) - {"male", "female", "not_surnames",
                                                      "particles"}:
        raise DataFileError(
            f"{source}: must be a mapping with the lists male, female (and not_surnames, "
            "particles)")
    genders: dict[str, str] = {}
    for gender in ("male", "female"):
        listed = names.get(gender) or []
        if not isinstance(listed, list) or not all(isinstance(n, str) for n in listed):
            raise DataFileError(f"{source}: {gender} must be a list of first names")
        for name in listed:
            key = name.lower()
            # A name in both lists tells nothing.
            genders[key] = gender if genders.get(key, gender) == gender else "any"
    return {k: v for k, v in genders.items() if v != "any"}


def _abbreviations(coref: dict[str, Any], source: str) -> dict[str, str]:
    table = _mapping(coref, "abbreviations", source)
    if not all(isinstance(v, str) for v in table.values()):
        raise DataFileError(f"{source}: abbreviations must map words to words")
    return {str(k).lower(): v.lower() for k, v in table.items()}


def _words(data: dict[str, Any], section: str, source: str) -> frozenset[str]:
    words = data.get(section) or []
    if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
        raise DataFileError(f"{source}: {section} must be a list of words")
    return frozenset(w.lower() for w in words)


def _not_surnames(names: dict[str, Any]) -> dict[str, str]:
    table = names.get("not_surnames") or {}
    if not isinstance(table, dict) or not set(table) <= LABELS or not all(
        isinstance(words, list) and all(isinstance(w, str) for w in words)
        for words in table.values()
    ):
        raise DataFileError("fivew/data/names.yaml: not_surnames must map entity labels "
                            f"({sorted(LABELS)}) to lists of words")
    return {w.lower(): label for label, words in table.items() for w in words}


def _mapping(data: dict[str, Any], section: str, source: str) -> dict[str, Any]:
    value = data.get(section) or {}
    if not isinstance(value, dict):
        raise DataFileError(f"{source}: `{section}` must be a mapping")
    return value


def _labels(value: Any, where: str) -> frozenset[str]:
    if not isinstance(value, list) or not value or not set(value) <= LABELS:
        raise DataFileError(f"{where}: labels must be a non-empty list out of {sorted(LABELS)}")
    return frozenset(value)
