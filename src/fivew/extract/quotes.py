"""Quotes: every attributed statement in an article, with its cue and resolved speaker.

The stage combines two readings of the text:

1. quoted spans from the quote marks (`fivew.extract.quotemarks`), which are reliable for
   where a direct quote starts and ends, even across sentences and paragraphs;
2. attributions from the parse (`fivew.extract.attribution`): each reporting cue with its
   speaker and content clause.

A quoted span is claimed by the attribution whose content covers it, or by the cue clause
right before it ("X said: “...”", "..., adding, “...”") or right after it ("“...,” X
said"). Then, for each attribution:

- its content is all inside claimed quotes  -> `direct` (the words inside the marks);
- its content mixes quoted and own words    -> `mixed` (the content clause, with quotes);
- it has content but no quotes              -> `indirect` (the content clause).

Quoted spans nobody claimed are read with three more frames, in text order: a dash
("“...” — X"), a colon after a clause whose subject is a person or organisation ("X
called them on it: “...”"), and the floating quote, a quoted sentence with no cue of its
own that follows a quote and inherits its speaker. Remaining quoted spans (scare quotes,
titles) are not statements.

Offsets: every `Quote.start/end`, `cue` and `speaker` span indexes `Article.text`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc

from fivew.extract.attribution import Attribution, find_attributions
from fivew.extract.frames import colon_speaker, dash_speaker
from fivew.extract.quotemarks import Quoted, find_quoted
from fivew.extract.speakers import speaker_for
from fivew.records import Article, Quote, Speaker

_GAP_AFTER = re.compile(r"^[\s,.;:!?—–-]*$")  # between a quote's end and "X said"
_GAP_BEFORE_END = re.compile(r"[,:]\s*$|^\s*$")  # "X said:" / "adding," right before a quote
MIN_FLOATING_WORDS = 3
MAX_FLOATING_GAP = 400  # chars between a quote and the floating one that follows it
DIRECT_SHARE = 0.85  # share of the content's words inside quotes for a `direct` quote


@dataclass
class _Claim:
    attribution: Attribution
    quoted: list[Quoted] = field(default_factory=list)
    adjacent: bool = False  # some quote was claimed by a cue clause right before/after it


def find_quotes(doc: Doc, article: Article) -> list[Quote]:
    """Every attributed statement in the parsed body, ordered by position."""
    text = doc.text
    quoted = [q for q in find_quoted(text) if not is_title(text[q.start : q.end])]
    inside = _tokens_inside(doc, quoted)
    attributions = find_attributions(doc, inside)
    claims = [_Claim(a) for a in attributions]
    leftover = _assign(doc, quoted, claims)
    quotes: list[Quote] = []
    speakers: list[Speaker] = []
    claimed = [q for c in claims for q in c.quoted]
    for claim in sorted(claims, key=lambda c: c.attribution.clause_start):
        others = [q for q in claimed if q not in claim.quoted]
        quote = _quote_from_claim(doc, article, claim, speakers, others)
        if quote is not None:
            quotes.append(quote)
            if quote.speaker is not None:
                speakers.append(quote.speaker)
    quotes.extend(_unclaimed(doc, article, leftover, quotes))
    quotes.sort(key=lambda q: (q.start, -q.end))
    return _dedupe(quotes)


def is_title(inner: str) -> bool:
    """Is this quoted text a title or name ("Face the Nation", "Coal Isn't the Villain.")
    rather than spoken words? Every word of four or more letters is capitalised (not all
    capitals: "NO MORE WAR" is a chant), and there are at least two such words."""
    words = [w.strip(".,;:!?()[]'’\"") for w in inner.split()]
    long = [w for w in words if sum(c.isalpha() for c in w) >= 4]
    return len(long) >= 2 and all(w[:1].isupper() and not w.isupper() for w in long)


def _tokens_inside(doc: Doc, quoted: list[Quoted]) -> set[int]:
    inside: set[int] = set()
    for q in quoted:
        span = doc.char_span(q.start, q.end, alignment_mode="expand")
        if span is not None:
            inside.update(range(span.start, span.end))
    return inside


def _assign(doc: Doc, quoted: list[Quoted], claims: list[_Claim]) -> list[Quoted]:
    """Give each quoted span to the best claiming attribution; return the unclaimed ones."""
    text = doc.text
    leftover = []
    for q in quoted:
        best: tuple[int, int, _Claim] | None = None
        for claim in claims:
            rank = _claim_rank(doc, text, q, claim.attribution)
            if rank is not None and (best is None or rank < best[:2]):
                best = (*rank, claim)
        if best is None:
            leftover.append(q)
        else:
            best[2].quoted.append(q)
            best[2].adjacent |= best[0] != 1
    return leftover


def _claim_rank(doc: Doc, text: str, q: Quoted, a: Attribution) -> tuple[int, int] | None:
    """(frame priority, distance) when `a` can claim `q`, else None. A cue clause right
    after the quote ("“...,” X said") is the strongest evidence, then a content clause
    that covers the quote, then a cue clause right before it ("X said: “...”")."""
    content = a.content_chars(doc)
    content_before = content is not None and content[1] <= a.clause_start
    if q.outer_end <= a.clause_start and not _crosses_paragraph(text, q.outer_end, a.clause_start):
        gap = text[q.outer_end : a.clause_start]
        # "“...,” X told CBS' Face the Nation": a quote ending in a comma (or ? !) inside
        # its marks, right before the cue clause, is that cue's whatever the parse says
        ends_open = text[q.start : q.end].rstrip()[-1:] in (",", "?", "!") \
            and a.source is not None and doc[a.source].idx >= q.outer_end
        if _GAP_AFTER.match(gap) and (content is None or content_before or ends_open):
            return 0, len(gap)
    if content is not None and content[0] < q.end and q.start < content[1]:
        return 1, 0
    if q.outer_start >= a.clause_end and not _crosses_paragraph(text, a.clause_end, q.outer_start):
        gap = text[a.clause_end : q.outer_start]
        if len(gap) <= 80 and _GAP_BEFORE_END.search(gap) and (content is None or content_before):
            return 2, len(gap)
    return None


def _crosses_paragraph(text: str, i: int, j: int) -> bool:
    return "\n" in text[min(i, j) : max(i, j)]


def _quote_from_claim(doc: Doc, article: Article, claim: _Claim, previous: list[Speaker],
                      others: list[Quoted]) -> Quote | None:
    a = claim.attribution
    content = a.content_chars(doc)
    if not claim.quoted and content is None:
        return None
    if not claim.quoted and a.source is None:
        return None  # "it is expected that", "asked whether": nobody is named as the source
    speaker = speaker_for(doc, doc[a.source], article, previous) if a.source is not None else None
    cue_span = doc[a.cue.i : a.cue.j]
    cue = article.span(cue_span.start_char, cue_span.end_char)
    if claim.quoted:
        qs = sorted(claim.quoted, key=lambda q: q.start)
        q_lo, q_hi = qs[0].start, qs[-1].end
        lead = _unquoted_lead(doc, qs[0], a.clause_start)
        if lead is not None:  # 'The plan would “destroy jobs,” the union said.'
            start, end, kind = lead, q_hi, "mixed"
        elif content is None or claim.adjacent or _quoted_share(doc, content, qs) >= DIRECT_SHARE:
            start, end, kind = q_lo, q_hi, "direct"
        else:
            start, end, kind = min(q_lo, content[0]), max(q_hi, content[1]), "mixed"
    else:
        assert content is not None
        start, end, kind = content[0], content[1], "indirect"
        for q in others:  # a quote another cue claimed is not part of this statement
            if start < q.outer_start < end:
                end = q.outer_start
            elif q.outer_start <= start < q.outer_end:
                start = q.outer_end
        if _word_count(article.text[start:end]) < 2:
            return None
    start, end = _strip(article.text, start, end)
    if end <= start:
        return None
    return Quote(article.text[start:end], start, end, kind, cue, speaker,  # type: ignore[arg-type]
                 date=article.published)


def _unquoted_lead(doc: Doc, q: Quoted, clause_start: int) -> int | None:
    """Where the statement starts when a quote that the cue after it claims begins in
    mid-sentence ('The plan would “destroy jobs,” the union said.'): the sentence start, if
    the quote opens in lower case after at least two unquoted words of its sentence; else
    None (the quote alone is the statement)."""
    text = doc.text
    if clause_start < q.end or not text[q.start : q.start + 1].islower():
        return None
    span = doc.char_span(q.outer_start, q.outer_end, alignment_mode="expand")
    if span is None:
        return None
    sent = span[0].sent
    before = doc[sent.start : span.start]
    if any(t.is_quote for t in before) or sum(t.is_alpha for t in before) < 2:
        return None
    first = next((t for t in before if not (t.is_space or t.is_punct)), None)
    return first.idx if first is not None else None


def _quoted_share(doc: Doc, content: tuple[int, int], qs: list[Quoted]) -> float:
    span = doc.char_span(content[0], content[1], alignment_mode="expand")
    words = [t for t in span if t.is_alpha] if span is not None else []
    if not words:
        return 1.0
    inside = sum(1 for t in words if any(q.start <= t.idx < q.end for q in qs))
    # the complementizer "that" before a full quote does not make it mixed
    return inside / max(1, len(words) - sum(1 for t in words if t.lower_ == "that"))


def _unclaimed(doc: Doc, article: Article, leftover: list[Quoted], found: list[Quote]
               ) -> list[Quote]:
    """Dash, colon and floating quotes among the quoted spans no cue claimed."""
    text = article.text
    made: list[Quote] = []
    for q in leftover:
        framed = dash_speaker(doc, q) or colon_speaker(doc, q)
        start, end = _strip(text, q.start, q.end)
        if end <= start:
            continue
        if framed is not None:
            cue_span, src = framed
            previous = [x.speaker for x in found + made if x.speaker is not None]
            speaker = speaker_for(doc, src, article, previous)
            made.append(Quote(text[start:end], start, end, "direct",
                              article.span(*cue_span), speaker, date=article.published))
            continue
        before = _previous_quote(found + made, q, text)
        if before is not None and _is_sentence_like(text[start:end]):
            made.append(Quote(text[start:end], start, end, "direct", None, before.speaker,
                              date=article.published))
    return made


def _previous_quote(quotes: list[Quote], q: Quoted, text: str) -> Quote | None:
    """The quote a floating quote at `q` would continue: the latest quote ending before it,
    with a speaker, not far away; direct or mixed at most one paragraph back, indirect only
    in the same paragraph ("She says the rules are unfair. “It is our life.”")."""
    earlier = [x for x in quotes if x.end <= q.outer_start]
    if not earlier:
        return None
    last = max(earlier, key=lambda x: x.end)
    if last.speaker is None or (last.kind == "indirect"
                                and _crosses_paragraph(text, last.end, q.outer_start)):
        return None
    if q.outer_start - last.end > MAX_FLOATING_GAP:
        return None
    return last


def _is_sentence_like(inner: str) -> bool:
    """Three or more words not opening in lower case, or a shorter full sentence ("We
    listened.", "Never again!": it ends in . ! or ?), unlike a scare-quoted term."""
    words = inner.split()
    if inner[:1].islower() or not words:
        return False
    return len(words) >= MIN_FLOATING_WORDS or (
        len(words) == 2 and inner.rstrip()[-1:] in ".!?")


def _word_count(s: str) -> int:
    return sum(1 for w in s.split() if any(c.isalpha() for c in w))


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop spaces and the trailing comma a quote keeps before its closing mark."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
        end -= 1
    return start, end


def _dedupe(quotes: list[Quote]) -> list[Quote]:
    """Drop a quote whose span lies inside another one: a statement nested in a reported
    statement ("she said she had proposed raising taxes") is part of the outer one, as in
    PolNeAR, where each word belongs to at most one attribution. Input is sorted by
    (start, -end), so containers come first."""
    kept: list[Quote] = []
    for q in quotes:
        if any(k.start <= q.start and q.end <= k.end for k in kept):
            continue
        kept.append(q)
    return kept
