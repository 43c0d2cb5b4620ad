"""Name spans: the model's named entities, cleaned up and completed with what we know.

The small English model mislabels and misses names that matter for news ("Kyiv" PERSON,
"Odesa" untagged, "Olena Kovalenko" WORK_OF_ART, a surname alone tagged ORG). This module
returns labelled spans (spaCy `Span`s, so character offsets are `Article.text` offsets):
  * model entities of the kept labels, trimmed of "the", a possessive "'s" and a courtesy
    title ("Mrs"); capitalised sector words alone ("State", "Government") are dropped;
  * labels corrected where the actor dictionary knows the name (places -> GPE,
    demonyms -> NORP, organisations and seats of government -> ORG);
  * two- or three-word names starting with a known first name -> PERSON;
  * a lone first name added to a PERSON span it precedes ("Oleksii" + "Kovalenko"), and
    an untagged known first name + proper noun taken as a name ("Theresa May");
  * names the model missed: dictionary places/organisations, later mentions of the
    surname of a person already named, and proper nouns before an organisation noun
    ("the Vereinigung Cockpit union").
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from fivew.extract.actor_data import ActorDictionary, load_dictionary
from fivew.extract.actors import lookup
from fivew.extract.coref_data import CorefLexicon, load_lexicon
from fivew.extract.cues import lexicon

ENTITY_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}
# Model labels that are sometimes a person's name in news text.
_MAYBE_PERSON = ENTITY_LABELS | {"WORK_OF_ART", "PRODUCT", "EVENT", "LAW"}

# Dictionary kinds -> the label they get, and the model labels corrected to it. Capitals are
# only corrected from PERSON/ORG/FAC: "Washington" LOC is still a place.
_FIXES = {
    "country": ("GPE", {"PERSON", "ORG", "FAC"}),
    "place": ("GPE", {"PERSON", "ORG", "FAC"}),
    "capital": ("GPE", {"PERSON", "ORG", "FAC"}),
    "demonym": ("NORP", {"GPE", "PERSON", "ORG"}),
    "seat": ("ORG", {"PERSON", "GPE", "FAC"}),
    "org": ("ORG", {"PERSON", "GPE"}),
}
_ADDED_LABEL = {"country": "GPE", "place": "GPE", "capital": "GPE", "seat": "ORG",
                "org": "ORG", "demonym": "NORP"}


def name_spans(doc: Doc) -> list[Span]:
    """Labelled name spans of the doc, in text order, not overlapping one another."""
    lex = load_lexicon()
    spans = _model_spans(doc, lex)
    taken = {i for s in spans for i in range(s.start, s.end)}
    spans += _first_name_pairs(doc, taken, lex.first_names)
    surnames = {s[-1].text for s in spans if s.label_ == "PERSON" and len(s) > 1}
    spans = [_relabel(s, surnames) for s in spans]
    spans = _people_named_in_full(spans, lex.organisation_nouns)
    taken = {i for s in spans for i in range(s.start, s.end)}
    spans += _missed(doc, taken, surnames)
    taken = {i for s in spans for i in range(s.start, s.end)}
    endings = frozenset(w for w, label in lex.not_surnames.items() if label == "ORG")
    spans += _named_by_noun(doc, taken, lex.organisation_nouns, endings)
    taken = {i for s in spans for i in range(s.start, s.end)}
    spans += _acronyms(doc, taken)
    return sorted(spans, key=lambda s: s.start)


def _acronyms(doc: Doc, taken: set[int]) -> list[Span]:
    """Untagged acronyms name organisations in news ("the JUI-F accused ...", "the SBU
    said"): two to six capital letters, alone or joined by a hyphen, not in a line written
    all in capitals (a headline)."""
    def acronym(t: Token) -> bool:
        return t.is_alpha and t.is_upper and 2 <= len(t) <= 6 and t.i not in taken

    found = []
    i = 0
    while i < len(doc):
        token = doc[i]
        if not acronym(token) or _shouting(token):
            i += 1
            continue
        end = i + 1
        if end + 1 < len(doc) and doc[end].text == "-" and not doc[end].whitespace_ \
                and doc[end + 1].is_upper and doc[end + 1].is_alpha and not token.whitespace_:
            end += 2  # "JUI-F"
        found.append(Span(doc, i, end, label="ORG"))
        i = end
    return found


def _shouting(token: Token) -> bool:
    """Whether the token's sentence is mostly capitals (a headline, a slogan)."""
    words = [t for t in token.sent if t.is_alpha]
    return sum(t.is_upper for t in words) * 2 > len(words)


def _model_spans(doc: Doc, lex: CorefLexicon) -> list[Span]:
    """The model's entities, trimmed, completed and relabelled from their context."""
    spans = []
    for ent in doc.ents:
        span = _trim(ent) if ent.label_ in _MAYBE_PERSON else None
        if span is None:
            continue
        span = _with_first_name(span, lex.first_names)
        label = _person_label(span, lex.first_names) or span.label_
        if label != "PERSON" and _in_role(span, lex.person_nouns):
            label = "PERSON"  # "chief of staff, Gergely Gulyas" tagged ORG
        elif label == "PERSON" and len(span) > 1 and _in_role(span, lex.organisation_nouns):
            label = "ORG"  # "Georgian Dream, the ruling party," tagged PERSON
        if label == "PERSON" and len(span) > 1 and not _titled(span, lex):
            label = lex.not_surnames.get(span[-1].lower_, label)
        if label in ENTITY_LABELS and not _generic(span):
            span = Span(doc, span.start, span.end, label=label)
            spans.append(_with_particles(span, lex.particles))
    return _joined_people(_without_overlaps(spans))


def _joined_people(spans: list[Span]) -> list[Span]:
    """Two person names with nothing between them are one name the model split ("Samia
    Suluhu" + "Hassan"): English puts a comma or a conjunction between two people."""
    out: list[Span] = []
    for span in sorted(spans, key=lambda s: s.start):
        if out and span.label_ == out[-1].label_ == "PERSON" and span.start == out[-1].end:
            out[-1] = Span(span.doc, out[-1].start, span.end, label="PERSON")
        else:
            out.append(span)
    return out


def _titled(span: Span, lex: CorefLexicon) -> bool:
    """Is the name right after a person's title ("Mayor John Park", "Mr. Hall")? Then its
    last word is a surname even when it often ends place names ("Park", "Hall")."""
    if span.start == 0:
        return False
    word = span.doc[span.start - 1].lower_.rstrip(".")
    return (word in lex.titles or word in lex.courtesy or word in lex.name_titles
            or word in lex.person_nouns)


def _named_by_noun(doc: Doc, taken: set[int], nouns: frozenset[str],
                   endings: frozenset[str] = frozenset()) -> list[Span]:
    """"the Vereinigung Cockpit union", "the Georgian Dream party": untagged proper nouns
    compounded with an organisation noun name an organisation (ORG); so do capitalised
    ones after "the" ("the Environment Ministry", "the Transport Department") and, anywhere,
    ones ending in a word that ends company names (`endings`: "Metrolink Transit")."""
    found = []
    for token in doc:
        if (token.lower_ not in nouns and token.lower_ not in endings) or token.i in taken:
            continue
        if token.tag_ == "NNP" and token.is_title:
            if token.lower_ not in endings and not _after_the(doc, token):
                continue
        elif token.tag_ != "NN" or token.lower_ not in nouns:
            continue
        start = token.i
        while start > 0 and doc[start - 1].tag_ == "NNP" and doc[start - 1].dep_ == "compound" \
                and doc[start - 1].is_title and start - 1 not in taken:
            start -= 1
        if start < token.i and lookup(doc[start : token.i].text) is None:
            # The noun belongs to the name: it is the phrase's head (subject, object).
            found.append(Span(doc, start, token.i + 1, label="ORG"))
    return found


def _after_the(doc: Doc, token: Token) -> bool:
    """Is `token` the end of "the" + capitalised words (no sentence start among them)?"""
    i = token.i - 1
    while i >= 0 and doc[i].is_title and not doc[i].is_sent_start:
        i -= 1
    return 0 <= i < token.i - 1 and doc[i].lower_ == "the"


def _trim(span: Span) -> Span | None:
    """The span without a leading "the" and a trailing possessive; None for NER junk."""
    doc, start, end = span.doc, span.start, span.end
    if start < end and doc[start].lower_ == "the":
        start += 1
    while end > start and (doc[end - 1].text in ("'s", "’s", "'", "’", "-", "/")
                           or doc[end - 1].is_space):
        end -= 1
    speech = lexicon().forms
    while end - start > 1 and doc[end - 1].is_title and doc[end - 1].lower_ in speech \
            and doc[end - 1].tag_ in ("VBZ", "VBD", "VBP"):  # not "Post", "States"
        end -= 1  # a headline's "Obama Says ...": the verb is no part of the name
    lex = load_lexicon()
    while (span.label_ == "PERSON" or _before_first_name(doc, start, end, lex)) \
            and end - start > 1 and (
        doc[start].lower_.rstrip(".") in lex.titles or doc[start].lower_.rstrip(".") in lex.courtesy
        or doc[start].lower_.rstrip(".") in lex.name_titles or doc[start].text == "."
    ):
        start += 1  # "Mrs Biden", "Councillor Rosa Ruiz": the title is not part of the name
    label = span.label_
    if start >= 2 and doc[start - 1].lower_ == "of" and doc[start - 2].lower_ in lex.name_titles:
        # "Secretary of State Rex Tillerson" tagged ORG "State Rex Tillerson": the office's
        # department words end the title; a two-word name after them is a person
        first = start
        while end - first > 2 and doc[first].lower_ in lex.departments:
            first += 1
        if first > start and end - first >= 2 and all(t.is_title for t in doc[first:end]):
            start, label = first, "PERSON"
    if end <= start:
        return None
    if start > 0 and doc[start - 1].text in ("#", "@") and not doc[start - 1].whitespace_:
        return None  # "#Justdoit", "@CityHall": a hashtag or handle, not a name
    trimmed = Span(doc, start, end, label=label)
    if not any(t.is_alpha and t.text[0].isupper() for t in trimmed):
        return None  # "n’t", lower-case junk
    return trimmed


def _before_first_name(doc: Doc, start: int, end: int, lex: CorefLexicon) -> bool:
    """"Councillor Grace Bridge" tagged FAC: a title word followed by a known first name."""
    return start + 1 < end and doc[start + 1].lower_ in lex.first_names \
        and doc[start].lower_.rstrip(".") in lex.name_titles | lex.courtesy


def _in_role(span: Span, nouns: frozenset[str]) -> bool:
    """Is this capitalised name (unknown to the dictionary) in apposition with one of these
    nouns, or right after it? ("the chief of staff, X", "X, the ruling party", "spokesman X")"""
    if not 2 <= len(span) <= 4 or lookup(span.text) is not None:
        return False
    if not all(t.is_title and t.is_alpha for t in span):
        return False
    root, doc = span.root, span.doc
    if root.dep_ == "appos" and root.head.lower_ in nouns:
        return True
    if any(c.dep_ == "appos" and c.lower_ in nouns for c in root.children):
        return True
    before = doc[span.start - 1] if span.start > 0 else None
    return before is not None and before.lower_ in nouns and before.head == root


def _with_particles(span: Span, particles: frozenset[str]) -> Span:
    """"Ursula von" + "der Leyen": a person's name runs on over lower-case particles to the
    next capitalised word."""
    if span.label_ != "PERSON":
        return span
    doc = span.doc
    end = span.end
    while end > span.start + 1 and doc[end - 1].lower_ in particles:
        end -= 1  # the model stopped inside the particles
    j = end
    while j < len(doc) and doc[j].is_lower and doc[j].lower_ in particles:
        j += 1
    if j > end and j < len(doc) and doc[j].is_title and doc[j].is_alpha:
        return Span(doc, span.start, j + 1, label="PERSON")
    return span


def _without_overlaps(spans: list[Span]) -> list[Span]:
    """Spans in text order; one overlapping an earlier (or longer) span is dropped."""
    kept: list[Span] = []
    for span in sorted(spans, key=lambda s: (s.start, -len(s))):
        if not kept or span.start >= kept[-1].end:
            kept.append(span)
    return kept


def _generic(span: Span) -> bool:
    """A capitalised common word ("State" in "Secretary of State", "Government"): no name."""
    entry = lookup(span.text)
    return span.label_ != "PERSON" and entry is not None and entry.kind == "sector"


def _with_first_name(span: Span, first_names: dict[str, str]) -> Span:
    """"Oleksii" + PERSON "Kovalenko": a known first name just before joins the span."""
    doc = span.doc
    if span.start == 0 or span.label_ not in ("PERSON", "ORG"):
        return span
    prev = doc[span.start - 1]
    if prev.text.lower() in first_names and prev.is_title and prev.ent_type_ == "":
        return Span(doc, span.start - 1, span.end, label="PERSON")
    return span


def _person_label(span: Span, first_names: dict[str, str]) -> str | None:
    """PERSON for "Olena Kovalenko" tagged WORK_OF_ART: a first name + capitalised words."""
    if span.label_ == "PERSON" or not 2 <= len(span) <= 3:
        return None
    if span[0].text.lower() not in first_names or lookup(span.text) is not None:
        return None
    if all(t.is_alpha and t.is_title for t in span) and not any(lookup(t.text) for t in span):
        return "PERSON"
    return None


def _relabel(span: Span, surnames: set[str]) -> Span:
    """The span with its label corrected from the actor dictionary and known surnames."""
    label = span.label_
    if span.text in surnames and label != "PERSON" and lookup(span.text) is None:
        label = "PERSON"  # "Hendricks" ORG after "Robert Hendricks"
    elif not (label == "PERSON" and span.text in surnames):
        entry = lookup(span.text)
        if entry is not None and entry.kind in _FIXES:
            fixed, wrong = _FIXES[entry.kind]
            label = fixed if label in wrong else label
    return span if label == span.label_ else Span(span.doc, span.start, span.end, label=label)


def _people_named_in_full(spans: list[Span], org_nouns: frozenset[str]) -> list[Span]:
    """An ORG span that ends with a name tagged PERSON elsewhere is that person's full name
    ("Congo's Thérèse Kayikwamba Wagner" tagged ORG, then "Kayikwamba Wagner said"), when it
    is only capitalised words that neither the dictionary nor an organisation noun claim."""
    people = {s.text for s in spans if s.label_ == "PERSON"}
    out = []
    for span in spans:
        if span.label_ == "ORG" and _ends_with_person(span, people, org_nouns):
            span = Span(span.doc, span.start, span.end, label="PERSON")
        out.append(span)
    return out


def _ends_with_person(span: Span, people: set[str], org_nouns: frozenset[str]) -> bool:
    if lookup(span.text) is not None or not all(
            t.is_alpha and t.is_title and t.lower_ not in org_nouns for t in span):
        return False
    # The words before the person's name must be no known actor ("Wagner" alone is one).
    return any(span[i:].text in people and not any(lookup(t.text) for t in span[:i])
               for i in range(1, len(span)))


def _first_name_pairs(doc: Doc, taken: set[int], first_names: dict[str, str]) -> list[Span]:
    """"Theresa May" untagged: a known first name + a capitalised proper noun -> PERSON."""
    not_surnames = load_lexicon().not_surnames
    found = []
    for token in doc[:-1]:
        nxt = doc[token.i + 1]
        if token.i in taken or nxt.i in taken or token.text.lower() not in first_names:
            continue
        if (token.is_title and nxt.is_title and nxt.is_alpha and nxt.pos_ == "PROPN"
                and nxt.lower_ not in not_surnames
                and lookup(nxt.text) is None and lookup(token.text) is None):
            found.append(Span(doc, token.i, token.i + 2, label="PERSON"))
            taken.update((token.i, nxt.i))
    return found


def _missed(doc: Doc, taken: set[int], surnames: set[str]) -> list[Span]:
    """Capitalised dictionary names and known surnames the model did not tag."""
    lex = load_dictionary()
    words = [t.text for t in doc]
    found: list[Span] = []
    i = 0
    while i < len(words):
        word = words[i]
        if i in taken or not word[:1].isupper():
            i += 1
            continue
        if word in surnames and (i + 1 == len(words) or not words[i + 1].istitle()):
            found.append(Span(doc, i, i + 1, label="PERSON"))
            i += 1
            continue
        n = _longest_entry(lex, words, i, taken) if lex.starts_name(word) else 0
        if n:
            entry = lex.get(words[i : i + n])
            assert entry is not None
            found.append(Span(doc, i, i + n, label=_ADDED_LABEL[entry.kind]))
        i += max(n, 1)
    return found


def _longest_entry(lex: ActorDictionary, words: list[str], i: int, taken: set[int]) -> int:
    """Length of the longest name-like dictionary entry starting at word i (0 if none)."""
    for n in range(min(lex.longest, len(words) - i), 0, -1):
        if not words[i + n - 1][:1].isupper() or any(j in taken for j in range(i, i + n)):
            continue
        entry = lex.get(words[i : i + n])
        if entry is not None and entry.kind in _ADDED_LABEL:
            return n
    return 0
