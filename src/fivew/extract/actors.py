"""Actor coding: a noun phrase or name -> (country, sector), PETRARCH/POLECAT style.

The knowledge is `fivew/data/actors.yaml` (its header documents the format and the coding
choices); this module only reads it and matches phrases against it. Matching works on a
simple word tokenisation of the phrase's text, so the same code serves spaCy spans, entity
roles ("Ukrainian Deputy Prime Minister") and plain strings.

    >>> code_text("Ukrainian Deputy Prime Minister")
    ActorCode(name='Ukrainian Deputy Prime Minister', country='UKR', sector='GOV', ...)
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Span, Token

from fivew.extract.actor_data import ActorDictionary, Entry, load_dictionary, words_of

_TOKEN = re.compile(r"[A-Za-z]\.(?:[A-Za-z]\.)+|\w+|[^\w\s]")


@dataclass(frozen=True)
class ActorCode:
    """How a phrase codes as an actor.

    `matched_text` is the stretch of the phrase the dictionary matched (first to last
    matched word); `start`/`end` are its character offsets: into the Doc (== `Article.text`)
    for `code_actor`, into the given string for `code_text`. `country` is an ISO 3166-1
    alpha-3 code or a group code declared in actors.yaml (e.g. "WST"); `sector` a declared
    sector code (GOV, MIL, REB, ...). Either may be None, never both.
    """

    name: str
    country: str | None
    sector: str | None
    matched_text: str
    start: int = 0
    end: int = 0


@dataclass(frozen=True)
class _Match:
    first: int  # token index of the first matched word
    last: int  # token index of the last matched word (inclusive)
    entry: Entry
    allied: bool = False  # preceded by an allegiance prefix ("pro-")


def code_actor(span: Span) -> ActorCode | None:
    """Code a spaCy span; offsets in the result are Doc character offsets."""
    code = code_text(span.text)
    if code is None:
        return None
    return ActorCode(
        code.name,
        code.country,
        code.sector,
        code.matched_text,
        code.start + span.start_char,
        code.end + span.start_char,
    )


@functools.lru_cache(maxsize=8192)
def code_text(text: str, dictionary: ActorDictionary | None = None) -> ActorCode | None:
    """Code a phrase; None when no word of it is in the dictionary."""
    lex = dictionary or load_dictionary()
    tokens = [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]
    words = [t[0] for t in tokens]
    matches = list(_matches(lex, words))
    if not matches:
        return None
    head = _head_match(lex, words, matches)
    sector = head.entry.sector if head else None
    allied = next((m for m in matches if m.allied), None)
    if allied is not None:
        country = allied.entry.country
        if sector not in lex.allegiance_keep:
            sector = lex.allegiance_sector
    elif _stateless(matches[0].entry):
        # "UN monitors in Ukraine", "the UN envoy for Yemen": staff of a body that belongs
        # to no state are that body's, wherever they serve ("Ukraine's UN envoy" is not)
        country, sector = None, matches[0].entry.sector
    else:
        country = next((m.entry.country for m in matches if m.entry.country
                        and not _host(lex, words, m)), None)
        body = next((m for m in matches if _stateless(m.entry)), None)
        between = [w.lower() for w in words[head.last + 1 : body.first]] if head and body else []
        if (country is None and body is not None and head is not None and head.entry.kind == "sector"
                and between[:1] == ["of"] and set(between) <= {"of", "the"}):
            # "the Permanent Council of the Organization of American States", "the
            # commission of ECOWAS": an organ of a body that belongs to no state is that body's
            sector = body.entry.sector
    if country is None and sector is None:
        return None
    start, end = tokens[matches[0].first][1], tokens[matches[-1].last][2]
    matched = text[start:end]
    only = matches[0].entry if len(matches) == 1 else None
    name = only.name if only and only.kind != "sector" else " ".join(matched.split())
    return ActorCode(name, country, sector, matched, start, end)


def _host(lex: ActorDictionary, words: list[str], match: _Match) -> bool:
    """Whether the match is the host of a posted role: "ambassador to [Senegal]"."""
    before = [w.lower() for w in words[: match.first]]
    while before and before[-1] == "the":
        before.pop()
    return len(before) >= 2 and before[-1] == "to" and before[-2] in lex.posted_roles


def _stateless(entry: Entry) -> bool:
    """An organisation of no state: the UN, the ICC, the Red Cross (country null)."""
    return entry.kind == "org" and entry.country is None and entry.sector in ("IGO", "NGO")


def state_word(token: Token, kinds: Iterable[str] = ("country", "demonym", "capital")
               ) -> Entry | None:
    """The dictionary entry of a word that names a state, read with the words before it
    that complete the name ("Papua New Guinea's", not Guinea; "Sri Lankan"), else alone."""
    texts = [token.text]
    if token.left_edge.i < token.i:
        texts.insert(0, token.doc[token.left_edge.i : token.i + 1].text)
    entries = (lookup(text) for text in texts)
    return next((e for e in entries if e is not None and e.kind in kinds), None)


@functools.lru_cache(maxsize=16384)
def lookup(text: str, dictionary: ActorDictionary | None = None) -> Entry | None:
    """The dictionary entry for a whole name ("the Kremlin", "Kyiv", "Ukrainian"), or None."""
    lex = dictionary or load_dictionary()
    words = list(words_of(text))
    while len(words) > 1 and words[-1] in ("'", "s"):
        words = words[:-1]  # possessive "Kyiv's"
    return lex.get(words) if words else None


def known_person(name: str) -> Entry | None:
    """The people dictionary's entry for a whole name ("Yoon Suk Yeol", "Erdogan"), or None."""
    entry = lookup(name)
    return entry if entry is not None and entry.kind == "person" else None


def _matches(lex: ActorDictionary, words: list[str]) -> Iterable[_Match]:
    """Greedy longest-first, left-to-right dictionary matches over the words."""
    i = 0
    matched_to = -1  # index of the last word of the latest match
    while i < len(words):
        for n in range(min(lex.longest, len(words) - i), 0, -1):
            entry = lex.get(words[i : i + n])
            if entry is not None and n == 1 and entry.kind == "org" and _inside_other_name(words, i, matched_to):
                continue  # "the World Uyghur Congress" is not the US Congress
            if entry is not None and _sponsor(lex, words, i + n, entry):
                i += n  # "Iran-backed rebels" are not Iran's: the sponsor is not the actor
                break
            if entry is not None:
                matched_to = i + n - 1
                prefix = _allegiance_prefix(lex, words, i, entry)
                first = i if prefix is None else prefix
                yield _Match(first, i + n - 1, entry, prefix is not None)
                i += n
                break
        else:
            i += 1


def _inside_other_name(words: list[str], i: int, matched_to: int) -> bool:
    """Whether word i ends a longer capitalised name whose other words the dictionary does
    not know ("World Uyghur Congress"), so its one-word match names something else."""
    before = words[i - 1] if i > 0 else ""
    return (i - 1 > matched_to and before[:1].isupper() and before.isalpha()
            and before.lower() != "the" and words[i][:1].isupper())


def _sponsor(lex: ActorDictionary, words: list[str], after: int, entry: Entry) -> bool:
    """Whether a country or body is a sponsor, joined by a hyphen to one of `sponsors`
    ("Iran-backed", "U.S.-funded", "Russian-trained", "EU-funded")."""
    return (entry.kind in ("country", "demonym", "capital", "seat", "org") and after + 1 < len(words)
            and words[after] in ("-", "–") and words[after + 1].lower() in lex.sponsors)


def _allegiance_prefix(lex: ActorDictionary, words: list[str], i: int, entry: Entry) -> int | None:
    """Index of "pro" in "pro-Russian" / "pro Russian" before a country word, else None."""
    if entry.kind not in ("country", "demonym", "capital", "seat") or not entry.country:
        return None
    j = i - 1
    if j >= 0 and words[j] in ("-", "–"):
        j -= 1
    return j if j >= 0 and words[j].lower() in lex.allegiance_prefixes else None


def _head_match(lex: ActorDictionary, words: list[str], matches: list[_Match]) -> _Match | None:
    """The rightmost sector-giving match before the first head-ending word, else any."""
    matched = {i for m in matches for i in range(m.first, m.last + 1)}
    cut = next(
        (i for i, w in enumerate(words) if i not in matched and i > 0 and w.lower() in lex.breaks),
        len(words),
    )
    with_sector = [m for m in matches if m.entry.sector]
    before_cut = [m for m in with_sector if m.last < cut]
    if before_cut:
        head = before_cut[-1]
        generic = head.entry.kind == "sector" and head.entry.name.lower() in lex.generic_heads
        # "opposition leader": a general role noun yields to a specific word before it.
        return before_cut[-2] if generic and len(before_cut) > 1 else head
    return with_sector[-1] if with_sector else None
