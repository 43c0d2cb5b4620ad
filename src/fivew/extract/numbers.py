"""Numbers: counts read from the text with their qualifier ("at least eight" -> 8, "at least").

`find_quantities(doc_or_span)` returns every count in a parsed doc or span: digits ("1,200",
"1.5 million"), number words ("eight", "twenty-five", "a hundred"), vague plurals
("dozens", "tens of thousands", read as the least they imply) and the qualifier in front
("at least", "about", "up to", "more than", "nearly"...). `find_casualties(span)` picks the
fatality and injury counts of a clause. The lexicon is `fivew/data/numbers.yaml`.

Offsets: each `Quantity.start`/`end` are character offsets into the doc's text (which is
`Article.text` for docs made by the pipeline); the span covers qualifier and number.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any, cast

from spacy.tokens import Doc, Span, Token

from fivew.data import DataFileError, load_yaml
from fivew.records import Quantity

QUALIFIERS = ("exact", "at least", "at most", "about", "up to", "more than", "fewer than")
# Entity types whose numbers are not counts of things (years, times, ranks, money, shares).
NOT_COUNTS = {"DATE", "TIME", "ORDINAL", "PERCENT", "MONEY"}
_DIGITS = re.compile(r"^(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$")


@dataclass(frozen=True)
class Lexicon:
    units: dict[str, int]
    scales: dict[str, int]
    vague: dict[tuple[str, ...], tuple[int, str]]
    qualifiers: dict[tuple[str, ...], str]
    killed: frozenset[str]
    injured: frozenset[str]


@functools.cache
def lexicon() -> Lexicon:
    """The number lexicon from `numbers.yaml`, validated (errors name the file and key)."""
    raw: Any = load_yaml("numbers.yaml")
    try:
        vague = {
            tuple(k.split()): (int(v["value"]), _qualifier(v["qualifier"]))
            for k, v in raw["vague"].items()
        }
        lex = Lexicon(
            units={str(k): int(v) for k, v in raw["units"].items()},
            scales={str(k): int(v) for k, v in raw["scales"].items()},
            vague=vague,
            qualifiers={tuple(k.split()): _qualifier(v) for k, v in raw["qualifiers"].items()},
            killed=frozenset(raw["casualty_cues"]["killed"]),
            injured=frozenset(raw["casualty_cues"]["injured"]),
        )
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise DataFileError(f"data file fivew/data/numbers.yaml is malformed: {exc!r}") from exc
    return lex


def _qualifier(value: str) -> str:
    if value not in QUALIFIERS:
        raise ValueError(f"unknown qualifier {value!r}; use one of {QUALIFIERS}")
    return value


def find_quantities(doclike: Doc | Span) -> list[Quantity]:
    """Every count in `doclike`, left to right, qualifier included in the span."""
    tokens = list(doclike)
    found: list[Quantity] = []
    i = 0
    while i < len(tokens):
        hit = _read_number(tokens, i)
        if hit is None:
            i += 1
            continue
        end, value, qualifier = hit
        start = i
        prefix = _read_qualifier(tokens, i)
        if prefix is not None:
            start, word = prefix
            if qualifier == "exact" or word != "about":
                qualifier = word
        first, last = tokens[start], tokens[end - 1]
        found.append(
            Quantity(
                value=value,
                qualifier=cast(Any, qualifier),
                # the count's own tokens: Doc.text is rebuilt from every token on each access
                text=first.doc[first.i : last.i + 1].text,
                start=first.idx,
                end=last.idx + len(last),
            )
        )
        i = end
    return found


def parse_number(text: str) -> int | None:
    """The value of a number phrase alone ("tens of thousands" -> 20000, "1,200" -> 1200)."""
    words = [w for w in re.split(r"[\s-]+", text.lower().strip()) if w and w != "and"]
    vague = lexicon().vague.get(tuple(words))
    if vague:
        return vague[0]
    return _value(words)


def _read_number(tokens: list[Token], i: int) -> tuple[int, int, str] | None:
    """(end index, value, qualifier) of the number starting at tokens[i], if one does."""
    if tokens[i].ent_type_ in NOT_COUNTS:
        return None
    lex = lexicon()
    lowers = [t.lower_ for t in tokens]
    for length in (3, 2, 1):  # vague phrases, longest first
        phrase = tuple(lowers[i : i + length])
        if len(phrase) == length and phrase in lex.vague:
            value, qualifier = lex.vague[phrase]
            return i + length, value, qualifier
    words: list[str] = []
    j = i
    if lowers[i] in ("a", "an") and i + 1 < len(tokens) and _is_scale(lowers[i + 1], lex):
        words.append("one")
        j += 1
    while j < len(tokens) and tokens[j].ent_type_ not in NOT_COUNTS:
        word = lowers[j]
        if _is_numeric(word, lex):
            words.append(word)
        elif _joins(word, words, lowers[j + 1] if j + 1 < len(tokens) else "", lex):
            pass  # "twenty-five", "one hundred and twenty"
        else:
            break
        j += 1
    if not words or all(w in lex.scales for w in words):
        return None
    number = _value(words)
    return None if number is None else (j, number, "exact")


def _joins(word: str, before: list[str], after: str, lex: Lexicon) -> bool:
    """Whether a hyphen or "and" continues a number ("twenty-five", "a hundred and ten")."""
    if not before or not after.isalpha() or after not in lex.units:
        return False
    return word == "-" or (word == "and" and before[-1] in lex.scales)


def _is_scale(word: str, lex: Lexicon) -> bool:
    return word in lex.scales or word == "dozen"


def _is_numeric(word: str, lex: Lexicon) -> bool:
    return bool(_DIGITS.match(word)) or word in lex.units or word in lex.scales


def _value(words: list[str]) -> int | None:
    """Combine number words and digits: ["two", "hundred", "thousand"] -> 200000."""
    lex = lexicon()
    total, current = 0.0, 0.0
    seen = False
    for word in words:
        if _DIGITS.match(word):
            current += float(word.replace(",", ""))
        elif word in lex.units:
            current += lex.units[word]
        elif word in lex.scales:
            scale = lex.scales[word]
            current = (current or 1) * scale
            if scale >= 1000:
                total, current = total + current, 0.0
        else:
            return None
        seen = True
    return int(round(total + current)) if seen else None


def _read_qualifier(tokens: list[Token], i: int) -> tuple[int, str] | None:
    """(start index, qualifier) of a qualifier phrase ending right before tokens[i]."""
    lex = lexicon()
    for length in (3, 2, 1):
        if i - length < 0:
            continue
        phrase = tuple(t.lower_ for t in tokens[i - length : i])
        if phrase in lex.qualifiers:
            return i - length, lex.qualifiers[phrase]
    return None


@dataclass(frozen=True)
class Casualties:
    """The fatality and injury counts of a clause (either may be missing)."""

    killed: Quantity | None = None
    injured: Quantity | None = None


def find_casualties(doclike: Doc | Span, max_distance: int = 4) -> Casualties:
    """Fatality and injury counts in `doclike` ("at least eight people were killed").

    A count belongs to "killed" or "injured" when a cue word of that kind lies within
    `max_distance` arcs of the count's number in the dependency tree; the nearest cue
    decides, and the first count per kind wins.
    """
    lex = lexicon()
    doc = doclike.doc if isinstance(doclike, Span) else doclike
    cues = [t for t in doclike if t.lower_ in lex.killed or t.lower_ in lex.injured]
    best: dict[str, tuple[int, Quantity]] = {}
    for quantity in find_quantities(doclike):
        number = doc.char_span(quantity.start, quantity.end, alignment_mode="expand")
        if number is None:
            continue
        anchor = number[-1]
        scored = [(_tree_distance(anchor, cue), abs(cue.i - anchor.i), cue) for cue in cues]
        scored = [s for s in scored if s[0] <= max_distance]
        if not scored:
            continue
        distance, _, cue = min(scored, key=lambda s: (s[0], s[1]))
        kind = "killed" if cue.lower_ in lex.killed else "injured"
        if kind not in best:
            best[kind] = (distance, quantity)
    return Casualties(
        killed=best["killed"][1] if "killed" in best else None,
        injured=best["injured"][1] if "injured" in best else None,
    )


def _tree_distance(a: Token, b: Token) -> int:
    """Number of dependency arcs between two tokens of one sentence (large if unrelated)."""
    path_a = [a, *a.ancestors]
    depth = {t.i: n for n, t in enumerate(path_a)}
    for n, t in enumerate([b, *b.ancestors]):
        if t.i in depth:
            return depth[t.i] + n
    return 1_000
