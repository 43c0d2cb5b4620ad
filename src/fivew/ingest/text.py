"""Plain-text news dumps: tell title, captions, byline, dates, body, bio and boilerplate apart.

Text copied out of a news page keeps the page's layout as lines: a title (often twice, once
from the page head and once from the headline), a lead photo caption ending in a photo
credit, a byline, the publication and update dates (sometimes behind a label line such as
"Updated:"), the body paragraphs with more captions between them, and at the end an author
biography, contributor credits and site furniture ("Share", "Related Topics").

The rules below read only the shape of lines (length, punctuation, a credit in parentheses,
a date, repetition, position) and the cue words in `data/layout.yaml`.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from fivew.data import load_yaml
from fivew.records import Part

SENTENCE_END = re.compile(r"""[.!?…]["'”’)\]]*$""")
# A closing quote with no full stop before it ends a sentence of a paragraph, but not a
# headline's scare quote ("Saied rejects foreign “interference”"): only in longer lines.
QUOTE_END = re.compile(r"""["”’]$""")
HEADLINE_WORDS = 15
# A headline may end in an initialism ("..., Havana blames U.S."): its full stop is the
# abbreviation's, not a sentence's, unless the line is long or has a sentence inside.
INITIALISM_END = re.compile(r"(?:\b[A-Z]\.){2,}$")
INNER_SENTENCE_END = re.compile(r"[a-z][.!?][\"'”’]?\s+[A-Z]")


def _ends_sentence(text: str) -> bool:
    return bool(SENTENCE_END.search(text) or QUOTE_END.search(text))
CREDIT = re.compile(r"\(([^()]{2,120})\)\s*$")
BY_PREFIX = re.compile(r"^by\s+", re.I)
# Lower-case words that stand inside personal names ("Ursula von der Leyen").
# A dateline opens a story: "KYIV, Ukraine (AP) —", "QUITO, July 22 (Reuters) -",
# "PRISTINA, Kosovo, Sept. 24 -", "BRUSSELS, 12 March (Reuters) -", "Kyiv, March 3 (Reuters) -".
# A city in capitals may stand alone before the dash; one in title case only with a date or
# an agency credit, or any "Word —" paragraph opening would be taken for one.
_DATE = r"(?:[A-Z][a-z]{2,8}\.? \d{1,2}|\d{1,2} [A-Z][a-z]{2,8})"
DATELINE = re.compile(
    r"\s*(?P<city>[A-Z][A-Z'’. /-]{1,30}?[A-Z.]|[A-Z][a-z'’]+(?: [A-Z][a-z'’]+){0,2})"
    r"(?:,\s*(?P<qual>[A-Z][A-Za-z. ]{1,30}?))?"
    rf"(?:,\s*(?P<date>{_DATE}))?\s*(?P<credit>\([^)]{{1,40}}\))?\s*[-—–]{{1,2}}\s"
)


def match_dateline(text: str, pos: int = 0) -> re.Match[str] | None:
    """The dateline that opens the paragraph at `pos` of `text`, if there is one."""
    match = DATELINE.match(text, pos, pos + 120)
    if match is None:
        return None
    if not match["city"].isupper() and not (match["date"] or match["credit"]):
        return None
    return match


NAME_PARTICLES = frozenset("de la le da di del della der den van von al el bin ibn ben dos das du".split())
MONTHS = (
    "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    "sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
MONTH_NUMBER = {m[:3]: i for i, m in enumerate(
    "jan feb mar apr may jun jul aug sep oct nov dec".split(), start=1)}
DATE_PATTERNS = (
    # 3/21/2022 (US order, as English-language sites print it); 2022-03-21
    (re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b"), ("m", "d", "y")),
    (re.compile(r"\b(\d{4})-(\d{2})-(\d{2})(?!\d)"), ("y", "m", "d")),
    # March 21, 2022 / Mar. 21 2022
    (re.compile(rf"\b({MONTHS})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.I),
     ("M", "d", "y")),
    # 21 March 2022
    (re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({MONTHS})\.?,?\s+(\d{{4}})\b", re.I),
     ("d", "M", "y")),
)


@dataclass
class Line:
    start: int
    end: int  # without trailing whitespace
    text: str

    @property
    def words(self) -> int:
        return len(self.text.split())

    @property
    def is_prose(self) -> bool:
        """A sentence-like line: enough words and sentence-final punctuation, or a short
        sentence that ends in a full stop and has lower-case words ("Russia shelled Kyiv on
        Monday."): headlines, subheadings and bylines ("By Anna Rossi.") are not that, nor
        a short line whose last full stop is an initialism's ("Havana blames U.S.")."""
        if (INITIALISM_END.search(self.text) and self.words < HEADLINE_WORDS
                and not INNER_SENTENCE_END.search(self.text)):
            return False
        if self.words >= 6 and SENTENCE_END.search(self.text):
            return True
        if self.words >= HEADLINE_WORDS and QUOTE_END.search(self.text):
            return True
        words = self.text.split()
        return (len(words) >= 3 and self.text.endswith(".") and not self.text.endswith("..")
                and any(w[:1].islower() for w in words[1:]))


@dataclass
class Layout:
    """What the layout rules found: parts with offsets, and the header's metadata."""

    parts: list[Part]
    title: str | None
    authors: list[str]
    published: str | None
    updated: str | None


@functools.cache
def _cues() -> dict:
    cues = load_yaml("layout.yaml")
    cues["end_matter_patterns"] = [re.compile(p, re.I) for p in cues["end_matter_patterns"]]
    cues["boilerplate_lines"] = set(cues["boilerplate_lines"])
    return cues


def split_lines(text: str) -> Iterator[Line]:
    """Non-blank lines with offsets; leading and trailing white space is not part of a line."""
    for match in re.finditer(r"[^\n]+", text):
        raw = match.group()
        stripped = raw.strip()
        if stripped:
            start = match.start() + (len(raw) - len(raw.lstrip()))
            yield Line(start, start + len(stripped), stripped)


def parse_date(text: str) -> str | None:
    """The first calendar date written in `text`, as ISO 8601, or None."""
    for pattern, order in DATE_PATTERNS:
        match = pattern.search(text)
        if not match:
            continue
        values = dict(zip(order, match.groups(), strict=True))
        month = MONTH_NUMBER[values["M"][:3].lower()] if "M" in values else int(values["m"])
        try:
            return date(int(values["y"]), month, int(values["d"])).isoformat()
        except ValueError:
            continue
    return None


def is_caption(line: Line) -> bool:
    """A line that ends in a photo credit: "(Name/Agency)" or "(Reuters photo)"."""
    match = CREDIT.search(line.text)
    if not match or line.words < 4:
        return False
    credit = match.group(1).lower()
    if "/" in credit:
        return True
    words = set(re.findall(r"[a-z]+", credit))
    return any(set(w.split()) <= words for w in _cues()["photo_credit_words"])


def is_boilerplate(line: Line) -> bool:
    text = line.text.lower().strip(" :|•·-–—")
    return text in _cues()["boilerplate_lines"] or any(
        p.match(line.text) for p in _cues()["end_matter_patterns"]
    )


def date_label(line: Line) -> str | None:
    """'published' or 'updated' when the line is a date label ("Updated:", "Published 3/21")."""
    head = re.split(r"[:|]", line.text, maxsplit=1)[0].strip().lower()
    for kind, labels in _cues()["date_labels"].items():
        if head in labels:
            return str(kind)
    return None


def is_byline(line: Line) -> bool:
    """A short line of capitalised names ("Jane Doe", "By Jane Doe and John Roe")."""
    text = BY_PREFIX.sub("", line.text)
    words = re.split(r"\s+|,", text)
    words = [w for w in words if w and w.lower() not in {"and", "&", "|"}]
    if not 1 <= len(words) <= 8 or any(ch.isdigit() for ch in text) or _ends_sentence(text):
        return False
    return all(w[0].isupper() or w.lower() in NAME_PARTICLES for w in words)


def byline_authors(line: Line) -> list[str]:
    text = BY_PREFIX.sub("", line.text)
    text = re.split(r"\s[|•·]\s", text)[0]
    return [a.strip() for a in re.split(r",|\band\b|&", text) if a.strip()]


def is_bio(line: Line, authors: list[str]) -> bool:
    """An author biography: opens with a name (the byline's, or any) and a bio phrase."""
    low = line.text.lower()
    names = {n for a in authors for n in (a, a.split()[0], a.split()[-1])}
    opens_with_author = any(line.text.startswith(n + " ") for n in names)
    has_opener = any(o in low[:120] for o in _cues()["bio_openers"])
    has_bio_word = any(w in low for w in _cues()["bio_words"])
    return (opens_with_author and (has_opener or has_bio_word)) or (
        has_opener and has_bio_word and bool(re.match(r"[A-Z][a-z]+ [A-Z][a-z]+ ", line.text))
        and low.index(next(o for o in _cues()["bio_openers"] if o in low[:120])) < 40
    )


def paragraphs(lines: list[Line], text: str) -> list[Line]:
    """Join hard-wrapped lines (a block of lines with no sentence end) into paragraphs.

    A line that does not end a sentence and is followed, without a blank line, by a line
    that starts in lower case continues into it; so does one that ends in a comma or a
    word that cannot end a title or paragraph (`continuation_words` in layout.yaml: "the",
    "of", "said"), whatever the next line starts with. Inside a block that already joins
    wrapped lines, a line ending in a capitalised word continues too (`_wrapped_tail`).
    """
    merged: list[Line] = []
    physical_prev: Line | None = None
    wrapped = False  # merged[-1] already joins two or more physical lines
    for line in lines:
        prev = merged[-1] if merged else None
        if (
            prev is not None
            and physical_prev is not None
            # Wrapped lines are of typewriter width; a longer line is a paragraph of its own.
            and 40 <= physical_prev.end - physical_prev.start <= 100
            and "\n\n" not in text[prev.end : line.start]
            and not _ends_sentence(prev.text)
            and (line.text[:1].islower() or _runs_on(prev.text) or (wrapped and _wrapped_tail(line)))
        ):
            merged[-1] = Line(prev.start, line.end, text[prev.start : line.end])
            wrapped = True
        else:
            merged.append(line)
            wrapped = False
        physical_prev = line
    return merged


def _wrapped_tail(line: Line) -> bool:
    """Inside a block already proven hard-wrapped, a line that breaks before a capitalised
    word ("the Finance\nMinistry said") still continues the paragraph when it is itself of
    wrapped width or ends the sentence; a short line without a full stop ("By Tom Reed")
    is the next layout element."""
    return len(line.text) >= 40 or _ends_sentence(line.text)


def _runs_on(text: str) -> bool:
    """Does this line end mid-phrase (a comma, "the", "of")?"""
    words = text.split()
    return bool(words) and (words[-1].endswith(",") or words[-1].lower() in _cues()["continuation_words"])


def read_layout(text: str) -> Layout:
    """Label every line of a plain-text article. Offsets are into `text` as given."""
    lines = paragraphs(list(split_lines(text)), text)
    kinds: list[str | None] = [None] * len(lines)
    title: str | None = None
    authors: list[str] = []
    published: str | None = None
    updated: str | None = None

    # Furniture and captions can stand anywhere; a repeat of a caption is a caption too.
    caption_texts = set()
    for i, line in enumerate(lines):
        if is_boilerplate(line):
            kinds[i] = "boilerplate"
        elif is_caption(line):
            kinds[i] = "caption"
            caption_texts.add(line.text)
    for i, line in enumerate(lines):
        if kinds[i] is None and line.text in caption_texts:
            kinds[i] = "caption"

    # The body starts at the first prose paragraph that is not a caption.
    first_body = next(
        (i for i, line in enumerate(lines) if kinds[i] is None and line.is_prose), len(lines)
    )

    # Header: title (first line, and its repeat), byline, dates.
    pending_label: str | None = None
    for i in range(first_body):
        line = lines[i]
        if kinds[i] is not None:
            continue
        label = date_label(line)
        found = parse_date(line.text)
        if label and not found:
            kinds[i], pending_label = "other", label
        elif found and line.words <= 8:
            kind = label or pending_label or ("published" if published is None else "updated")
            kinds[i] = kind
            if kind == "published" and published is None:
                published = found
            elif kind == "updated":
                updated = found
            pending_label = None
        elif title is None:
            title, kinds[i] = line.text, "title"
        elif line.text == title:
            kinds[i] = "title"
        elif not authors and is_byline(line):
            authors, kinds[i] = byline_authors(line), "byline"
        else:
            kinds[i] = "other"

    # End matter, read backwards from the end: furniture, credits, the author's bio.
    last_body = len(lines) - 1
    while last_body >= first_body:
        line = lines[last_body]
        if kinds[last_body] in ("boilerplate", "caption"):
            pass
        elif is_bio(line, authors):
            kinds[last_body] = "bio"
        elif not line.is_prose and line.words <= 4:
            kinds[last_body] = "boilerplate"
        else:
            break
        last_body -= 1

    for i in range(first_body, last_body + 1):
        if kinds[i] is None:
            # Short lines without sentence punctuation inside the body are subheadings.
            kinds[i] = "body" if lines[i].is_prose or lines[i].words > 12 else "other"

    parts = [Part(kind, line.start, line.end) for kind, line in zip(kinds, lines, strict=True)]  # type: ignore[arg-type]
    return Layout(parts, title, authors, published, updated)
