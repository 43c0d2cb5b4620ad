"""Roles, affiliations and actor codes of referents, read from the parse around names.

Two constructions carry a person's role in news text:
  * a title before the name, inside its noun phrase: "UK Foreign Secretary Jane Hale",
    "Kremlin spokesman Ivan Sidorov", "Russia's Foreign Minister Sergei Lavrov";
  * an apposition: "Mikhail X, director of the Y," or "the foreign secretary, Jane Hale"
    and "his press secretary Ivan Sidorov" (the name is the apposition of the role).
Country and sector come from coding those phrases with `fivew.extract.actors`.
"""

from __future__ import annotations

import re
from collections import Counter

from spacy.tokens import Doc, Span, Token

from fivew.extract.actors import ActorCode, code_text, known_person, lookup, state_word
from fivew.extract.coref_data import load_lexicon
from fivew.extract.referents import Referent

# Tokens trimmed from the edges of a role phrase: articles, possessive pronouns, commas.
_EDGE_TAGS = {"DT", "PDT", "CC", "PRP$", "POS", ",", ".", ":", "``", "''", "-LRB-", "-RRB-", "HYPH"}
_MAX_ROLE_TOKENS = 16


def describe(referent: Referent, people: frozenset[int] = frozenset()) -> None:
    """Fill the referent's role, affiliation, country and sector from all its name mentions.

    `people`: token indices of every person's name in the doc (corrected labels), so that
    another person's name is never read as a role.
    """
    phrases: list[str] = []  # texts to code, most specific first
    for span in referent.names:
        title = _title(span, people, referent.label)
        appos = _apposition(span, people) if referent.label == "PERSON" else None
        if referent.label == "PERSON":
            referent.possessors += _possessors(span, title, appos)
            role = _role_text(appos) if appos is not None else None
            role = role or (_role_text(title) if title is not None else None)
            if role and referent.role is None:
                referent.role = role
            if referent.affiliation is None:
                referent.affiliation = _affiliation(title) or _affiliation(appos)
        for phrase in (title, appos):
            if phrase is not None:
                phrases.append(phrase.text)
                if referent.label == "PERSON":
                    referent.titles.append(phrase.text)
        if referent.label != "PERSON":
            phrases.append(span.text)
            if referent.label == "ORG" and code_text(span.text) is None:
                # a body the dictionary does not know, described after its name ("The
                # CEOE, Spain's main business lobby,"); not where it sits ("a
                # London-based rights group" is not British)
                described = _apposition(span, people)
                if described is not None and not any(t.lower_.endswith("based") for t in described):
                    phrases.append(described.text)
    if referent.label == "GPE":
        # a place's own name says its country: "ISLAMABAD" after "NEW DELHI/" in a
        # two-city dateline is Pakistan's capital, whatever comes before it
        phrases = [*(span.text for span in referent.names), *phrases]
    codes = [c for c in map(code_text, phrases) if c is not None]
    if referent.label == "PERSON":
        # a person the dictionary knows by name ("Yoon Suk Yeol": KOR, GOV), for when no
        # title or apposition says it; only whole names, so "Jordan Smith" is no Jordan.
        # A title that names no country says less than the dictionary: "Commission
        # President Ursula von der Leyen" is an international official, not a government's.
        known = [ActorCode(e.name, e.country, e.sector, e.name)
                 for e in map(known_person, (span.text for span in referent.names)) if e]
        codes = [*known, *codes] if not any(c.country for c in codes) else [*codes, *known]
    referent.country = next((c.country for c in codes if c.country), None)
    if referent.label in ("PERSON", "ORG"):
        referent.sector = next((c.sector for c in codes if c.sector), None)
    if referent.label == "PERSON" and referent.affiliation:
        _take_organisation_codes(referent, referent.affiliation)


def _take_organisation_codes(person: Referent, organisation: str) -> None:
    """Staff take their organisation's sector ("NATO Secretary General" -> IGO, "Gazprom
    chief" -> BUS) and, lacking one, its country: see the CHOICES in actors.yaml."""
    code = code_text(organisation)
    if code is not None:
        person.sector = code.sector or person.sector
        person.country = person.country or code.country


def inherit_from_possessors(referents: list[Referent]) -> None:
    """"Its spokesman, X" / "his press secretary X": once pronouns are resolved, X takes
    the owner's name as affiliation (organisations) and the owner's country if X has none.

    Run after `fivew.extract.coref.resolve`, which tells whom "its"/"his" refers to.
    """
    spans = [(m.start, m.end, o) for o in referents for m in o.mentions()]
    for r in (r for r in referents if r.possessors):
        for start, end in r.possessors:
            owner = next((o for s, e, o in spans if o is not r and s <= start and end <= e),
                         None)
            if owner is None:
                continue
            if owner.label == "ORG" and r.affiliation is None:
                r.affiliation = owner.name
                _take_organisation_codes(r, owner.name)
            r.country = r.country or owner.country


def inherit_from_organisations(referents: list[Referent]) -> None:
    """"CONAFAP leader Ramon Benitez", after "the National Confederation of Farmers of
    Paraguay (CONAFAP)": a person without a country whose title names an organisation of
    the article (by any of its names or the acronym in brackets after one) takes that
    organisation's country and sector, as staff do (see the CHOICES in actors.yaml)."""
    orgs = [(r, _org_words(r)) for r in referents if r.label == "ORG" and r.country]
    for person in (r for r in referents if r.label == "PERSON" and r.country is None):
        words = {w for t in person.titles for w in re.findall(r"[\w-]+", t)}  # "NLC's"
        owner = next(((o, sorted(names & words)[0]) for o, names in orgs if names & words),
                     None)
        if owner is not None:
            person.country = owner[0].country
            person.sector = owner[0].sector or person.sector
            person.affiliation = person.affiliation or owner[1]


def inherit_from_unnamed_roles(referents: list[Referent], doc: Doc) -> None:
    """"The U.S. president refused ...", then "President Richard Coleman told reporters": a
    person whose title names no country takes the one the text gives the same role before
    naming them, where it names no one ("the U.S. president", "Kenya's interior
    minister"), when every such mention gives one country and no other person of the text
    holds that role. Only before: news introduces a person by role, then by name; a role
    named after the person ("Papua New Guinea's prime minister pledged police") is mostly
    another country's."""
    people = {t.i for r in referents if r.label == "PERSON" for span in r.names for t in span}
    held = Counter(r.role.lower() for r in referents if r.label == "PERSON" and r.role)
    for person in referents:
        if person.label != "PERSON" or person.country or not person.role:
            continue
        role = person.role.lower().split()
        if len(role) > _MAX_UNNAMED_ROLE or held[person.role.lower()] > 1:
            continue
        first = min(span.start for span in person.names)
        found = {c for c in (_unnamed_role_country(doc, t, role, people) for t in doc[:first])
                 if c}
        if len(found) == 1:
            person.country = found.pop()


_MAX_UNNAMED_ROLE = 3  # "president", "interior minister", "chief of staff"


def _unnamed_role_country(doc: Doc, head: Token, role: list[str], people: set[int]
                          ) -> str | None:
    """The country word modifying `role` when it ends at `head` and names no one (no name
    follows it, as in a title, nor is it in apposition to one)."""
    start = head.i - len(role) + 1
    if (start < 0 or [t.lower_ for t in doc[start : head.i + 1]] != role
            or head.i + 1 in people or any(t.i in people for t in head.children)
            or head.head.i in people):
        return None
    words = [c for c in head.children if c.dep_ in ("poss", "amod", "compound", "nmod")
             and c.i < start]
    words += [o for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
              for o in c.children if o.dep_ == "pobj"]  # "president of Peru"
    entry = next((e for e in (state_word(w, STATE_KINDS) for w in words) if e), None)
    return entry.country if entry is not None else None


def _org_words(org: Referent) -> set[str]:
    """An organisation's one-word names: names of one word and bracketed acronyms."""
    found = set()
    for span in org.names:
        text = span.text
        found |= set(re.findall(r"\(([A-Z][A-Za-z]{1,9})\)?", text))
        if len(text.split()) == 1:
            found.add(text)
        doc = span.doc
        if span.end + 1 < len(doc) and doc[span.end].text == "(":
            found.add(doc[span.end + 1].text)  # "Nigeria Labour Congress (NLC)"
    return found


def _possessors(span: Span, title: Span | None, appos: Span | None) -> list[tuple[int, int]]:
    """Character spans of the possessors of a person's role: "his" in "his press secretary
    X", "Its" in "Its spokesman, X", "court" in "X, the court's chief prosecutor"."""
    root = span.root
    owners = [root, *(title or [])]
    if root.dep_ == "appos":
        owners.append(root.head)
    owners += [c for c in root.children if c.dep_ == "appos"]
    if appos is not None:
        owners.append(appos.root)
    found = []
    for token in owners:
        for child in token.children:
            if child.dep_ == "poss":
                found.append((child.idx, child.idx + len(child.text)))
    return found


def _title(span: Span, people: frozenset[int], label: str) -> Span | None:
    """The words before the name inside its noun phrase ("UK Foreign Secretary"), or None.

    For organisations the span includes the name's own possessor ("the UK's Ministry of
    Defense") so that they get their country too. `label`: the referent's corrected label
    (the tagger's may call a person an organisation).
    """
    doc, root = span.doc, span.root
    i = j = span.start
    while j > span.sent.start:
        if doc[j - 1].is_space and "\n" not in doc[j - 1].text:
            j -= 1  # a no-break space between title and name
        elif _attached_to(doc[j - 1], root, span):
            i = j = j - 1
        else:
            break
    if label != "PERSON" and i < span.start:
        return doc[i : span.end]
    return _strip(doc[i : span.start], people)


def _attached_to(token: Token, root: Token, span: Span) -> bool:
    """True when the token hangs (directly or through left words) under the name's root."""
    if token.dep_ in ("appos", "conj", "cc", "relcl", "acl"):
        return False
    head = token
    for _ in range(8):  # heads chain left-to-right inside a title; bounded for safety
        if head.i >= span.start:
            return head == root or span.start <= head.i < span.end
        if head.head == head:
            return False
        head = head.head
    return False


def _apposition(span: Span, people: frozenset[int]) -> Span | None:
    """The apposition that states the person's role (or describes the body), in either
    direction, or None."""
    root, doc = span.root, span.doc
    for child in root.children:
        if child.dep_ == "appos" and child.i >= span.end and child.i not in people:
            return _strip(doc[child.left_edge.i : child.right_edge.i + 1], people)
    head = root.head
    if root.dep_ == "appos" and head.i < span.start and head.i not in people:
        if head.dep_ == "pobj" and head.head.dep_ == "prep" and head.head.head.pos_ == "NOUN":
            head = head.head.head  # "ambassador to Senegal, X": X is the ambassador
        start = head.left_edge.i
        owners = [t.i for t in doc[start : head.i] if t.tag_ == "POS"
                  and not (t.i > 0 and _is_country_word(doc[t.i - 1]))]
        if owners:
            start = owners[-1] + 1  # "Prime Minister X's chief of staff, Y": the role is Y's
        return _strip(doc[start : span.start], people)
    return None


def _strip(phrase: Span, people: frozenset[int]) -> Span | None:
    """The phrase without edge articles and punctuation; None if too long or no noun."""
    start, end = phrase.start, phrase.end
    doc = phrase.doc
    while start < end and (doc[start].tag_ in _EDGE_TAGS or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].tag_ in _EDGE_TAGS or doc[end - 1].is_space):
        end -= 1
    if end <= start or end - start > _MAX_ROLE_TOKENS:
        return None
    stripped = doc[start:end]
    if any(t.i in people for t in stripped):
        return None  # another person's name is not a role
    if not any(t.pos_ in ("NOUN", "PROPN") for t in stripped):
        return None
    return stripped


def _role_text(phrase: Span) -> str | None:
    """The role as written, without leading country words ("Ukrainian", "Russia's") and
    without a possessor before the role noun ("the court's chief prosecutor")."""
    tokens = list(phrase)
    possessive = [t for t in tokens if t.tag_ == "POS" and t.i < phrase.root.i]
    if possessive:
        tokens = tokens[tokens.index(possessive[-1]) + 1 :]
    courtesy = load_lexicon().courtesy
    while tokens and (tokens[0].tag_ in ("POS", "DT", "PDT", "CC") or _is_country_word(tokens[0])
                      or tokens[0].lower_.rstrip(".") in courtesy):
        tokens = tokens[1:]
    while tokens and tokens[-1].lower_.rstrip(".") in courtesy:
        tokens = tokens[:-1]  # "Both Mr. Putin": a courtesy title is no role
    if not tokens:
        return None
    doc = phrase.doc
    return " ".join(doc[tokens[0].i : tokens[-1].i + 1].text.split())


STATE_KINDS = ("country", "demonym")  # words that give a title its country: "Ukrainian", "Russia's"


def _is_country_word(token: Token) -> bool:
    entry = lookup(token.text)
    return entry is not None and entry.kind in STATE_KINDS


def _affiliation(phrase: Span | None) -> str | None:
    """The organisation named in a role phrase ("Kremlin", "State Emergency Service")."""
    if phrase is None:
        return None
    tokens = list(phrase)
    # "Pakistan's ambassador to the UN": the body after "to" is the host, not the employer
    hosts = {t.i for n, t in enumerate(tokens) if n > 0 and (tokens[n - 1].lower_ == "to" or (
        n > 1 and tokens[n - 2].lower_ == "to" and tokens[n - 1].lower_ == "the"))}
    for n, token in enumerate(tokens):
        if token.i in hosts:
            continue
        if token.ent_type_ in ("ORG", "FAC") and token.ent_iob_ == "B":
            end = n + 1
            while end < len(tokens) and tokens[end].ent_iob_ == "I":
                end += 1
            start = n + 1 if token.lower_ == "the" and end > n + 1 else n
            name = phrase[start:end].text
            entry = lookup(name)
            if entry is None or entry.kind != "sector":  # "Secretary of State": no body
                return name
    for token in phrase:
        entry = lookup(token.text)
        if entry is not None and entry.kind in ("org", "seat", "capital") and token.pos_ == "PROPN" \
                and token.i not in hosts:
            return token.text
    return None
