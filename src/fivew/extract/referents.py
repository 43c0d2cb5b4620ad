"""Name mentions grouped into referents: the first step of entity resolution.

A `Referent` is the mutable working form of an `Entity` while the entities stage runs:
names are grouped here, roles in `fivew.extract.roles`, pronouns and descriptions in
`fivew.extract.coref`. All offsets are character offsets into the Doc, which equal offsets
into `Article.text`.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from fivew.extract.actors import known_person, lookup
from fivew.extract.coref_data import load_lexicon
from fivew.extract.names import name_spans
from fivew.records import Mention


@dataclass
class Referent:
    """One person, organisation or place of the article, with everything found about it."""

    label: str
    names: list[Span]  # name mentions, trimmed of "the" and possessive "'s"
    others: list[Mention] = field(default_factory=list)  # pronouns and descriptions
    role: str | None = None
    affiliation: str | None = None
    country: str | None = None
    sector: str | None = None
    gender: str | None = None  # male, female or None (unknown)
    titles: list[str] = field(default_factory=list)  # every role phrase found, as written
    possessors: list[tuple[int, int]] = field(default_factory=list)  # "his" press secretary

    def words(self, names: bool = True, roles: bool = True) -> set[str]:
        """Lower-cased words of the names and/or role phrases (for matching descriptions)."""
        texts = [s.text for s in self.names] if names else []
        if roles:
            texts += [*self.titles, self.affiliation or ""]
        words = {w.casefold() for t in texts for w in t.replace("-", " ").split()}
        if roles:  # "Sen." also reads "senator"
            full = load_lexicon().abbreviations
            words |= {full[w.rstrip(".")] for w in words if w.rstrip(".") in full}
        return words

    @property
    def name(self) -> str:
        """The fullest name the article uses (the longest; the first among equals); an
        epithet before a full name ("Crooked Hillary Clinton" when "Hillary Clinton" also
        occurs) is left out: the shorter name, starting with a known first name, wins."""
        longest = max(self.names, key=lambda s: len(s.text)).text
        first_names = load_lexicon().first_names
        words = longest.split()
        if self.label == "PERSON" and len(words) > 2 and words[0].lower() not in first_names \
                and words[1].lower() in first_names:
            rest = " ".join(words[1:])
            if any(s.text == rest for s in self.names):
                return rest
        return longest

    @property
    def start(self) -> int:
        return min([s.start_char for s in self.names] + [m.start for m in self.others])

    def mentions(self) -> list[Mention]:
        """Every mention, in text order."""
        named = [Mention(s.text, s.start_char, s.end_char, "name") for s in self.names]
        return sorted(named + self.others, key=lambda m: (m.start, m.end))


def find_referents(doc: Doc) -> list[Referent]:
    """Group the doc's name spans (see `fivew.extract.names`) into referents."""
    groups: dict[str, list[Span]] = {}
    for span in name_spans(doc):
        groups.setdefault(_key(span, span.label_), []).append(span)
    referents = [
        Referent(Counter(s.label_ for s in members).most_common(1)[0][0], members)
        for members in groups.values()
    ]
    _relabel_people(referents)
    _link_short_person_names(referents)
    return sorted((r for r in referents if r.names), key=lambda r: r.start)


def _key(span: Span, label: str) -> str:
    """Names with one dictionary entry ("UK", "Britain", "Tayyip Erdogan" and "Recep Tayyip
    Erdogan") or one spelling share a key. A known person's bare surname ("Biden") is left
    to `_link_short_person_names`: the article may name two people of that surname."""
    entry = lookup(span.text)
    if len(span) == 1 and known_person(span.text):
        entry = None
    if entry is not None and entry.kind != "sector":
        # a body every state has: "Ukraine's Foreign Ministry" and "Senegal's Foreign
        # Ministry" are two bodies
        country = entry.country or _owner_country(span)
        return f"{entry.kind}:{country}:{entry.name}"
    group = "PERSON" if label == "PERSON" else "OTHER"
    return f"{group}:" + " ".join(span.text.split()).casefold()


def _owner_country(span: Span) -> str | None:
    """The country a possessive right before the span names ("Senegal's [Foreign
    Ministry]"), if any."""
    if span.start < 2 or span.doc[span.start - 1].lower_ not in ("'s", "’s"):
        return None
    owner = lookup(span.doc[span.start - 2].text)
    return owner.country if owner is not None and owner.kind != "sector" else None


def _relabel_people(referents: list[Referent]) -> None:
    """Names the tagger took for organisations or places: a full name the actor dictionary
    knows as a person ("María Corina Machado" tagged ORG), and a surname ("Sheinbaum
    rejected ...", "Trump", "Machado" tagged as a Brazilian town) when it ends the full
    name of a person the article names, or when the dictionary knows it as a person."""
    for r in referents:
        if r.label != "PERSON" and any(len(n) > 1 and known_person(n.text) for n in r.names):
            r.label = "PERSON"
    surnames = {r.names[0].doc[n.end - 1].text for r in referents if r.label == "PERSON"
                for n in r.names if len(n) > 1}
    for r in referents:
        if r.label in ("ORG", "GPE") and all(len(n) == 1 for n in r.names) and any(
                n.text in surnames or (r.label == "ORG" and known_person(n.text)) for n in r.names):
            r.label = "PERSON"


def _link_short_person_names(referents: list[Referent]) -> None:
    """Move "Sidorov" (or "Ivan") to the person whose fuller name ends (or starts) with it.

    With two people of that surname, news style gives the surname alone to the person the
    story is about and calls the other by a fuller name: the one named most often as a
    subject so far wins (then the one introduced first), unless a courtesy title
    ("Mrs Biden") names the other's gender.
    """
    people = [r for r in referents if r.label == "PERSON"]
    forms = {id(r): {tuple(map(_bare, n.text.split())) for n in r.names} for r in people}
    by_word: dict[str, list[Referent]] = {}  # word -> people with a longer name holding it
    for r in people:
        for word in {w for f in forms[id(r)] if len(f) > 1 for w in f}:
            by_word.setdefault(word, []).append(r)
    for short in people:
        for span in list(short.names):
            words = [_bare(w) for w in span.text.split()]
            fuller = [
                r for r in by_word.get(words[-1], [])
                if r is not short and r.names and any(_extends(list(f), words)
                                                      for f in forms[id(r)])
            ]
            if not fuller:
                continue
            gender = _title_gender(span)
            fitting = [r for r in fuller if gender is None or _first_name_gender(r) == gender]
            target = max(fitting or fuller, key=lambda r: _salience(r, span.start_char))
            short.names.remove(span)
            target.names.append(span)
    for r in people:
        r.names.sort(key=lambda s: s.start_char)


def _bare(word: str) -> str:
    """A name word without a joined particle: "al-Hamdani" is "Hamdani" when named alone."""
    head, dash, rest = word.partition("-")
    return rest if dash and rest[:1].isupper() and head.lower() in load_lexicon().particles else word


def _salience(r: Referent, before: int) -> tuple[int, int]:
    """Subject mentions before a point, then earliness: who the article is about."""
    subjects = sum(
        1 for n in r.names
        if n.start_char < before and (n.root.dep_ in ("nsubj", "nsubjpass") or (
            n.root.dep_ == "appos" and n.root.head.dep_ in ("nsubj", "nsubjpass")))
    )
    return subjects, -r.start


def _title_gender(span: Span) -> str | None:
    """male/female from a courtesy title just before the name ("Mr", "Mrs"), else None."""
    if span.start == 0:
        return None
    return load_lexicon().titles.get(span.doc[span.start - 1].lower_.rstrip("."))


def _first_name_gender(r: Referent) -> str | None:
    return load_lexicon().first_names.get(r.name.split()[0].lower())


def _extends(full: list[str], short: list[str]) -> bool:
    """True when `short` is the surname part, the first name, or (in names of three words
    or more, "Luiz Inacio Lula da Silva") any capitalised word of the longer `full`."""
    if len(full) <= len(short):
        return False
    if full[-len(short):] == short or (len(short) == 1 and full[0] == short[0]):
        return True
    return len(short) == 1 and len(full) >= 3 and short[0][:1].isupper() and short[0] in full
