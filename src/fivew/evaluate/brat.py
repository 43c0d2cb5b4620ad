"""PolNeAR (brat standoff) attributions as gold quotes.

PolNeAR annotates attribution relations: a *source* (who), a *cue* (the reporting word)
and a *content* (what is attributed), linked by an event line:

    T1  Source 89 106       The New York Post
    T2  Cue 107 114         reports
    T3  Content 115 290     that Hillary Clinton's team ...
    E1  Attribution:T4 Content:T3 Cue:T2 Source:T1

Mapping to fivew quotes (docs/evaluation.md lists the caveats):
- one relation -> one gold quote; its span is the content (all fragments: a content split
  around "he said" is one quote with two fragments); the speaker span is the source;
- relations without a source ("Attribution-no-source") are gold quotes whose speaker is
  not scored; relations without content are skipped; `Discard`/`Discuss` notes are ignored;
- PolNeAR has no quote kinds: the kind is derived from the text: `direct` when at least
  85% of the content's letters sit inside quote marks, `mixed` when some do, else
  `indirect`;
- an article annotated by several annotators (file name suffix `_xxxx`) is scored against
  one annotation: the first in name order.

Offsets in .ann files are character offsets into the .txt file.
"""

from __future__ import annotations

import re
from pathlib import Path

from fivew.evaluate.gold import GoldArticle, GoldError, GoldQuote, GoldSpeaker
from fivew.extract.quotemarks import find_quoted

_ANNOTATOR_SUFFIX = re.compile(r"_[0-9a-f]{4}$")
DIRECT_SHARE = 0.85


def parse_ann(ann: str, where: str = "<ann>") -> list[dict[str, list[tuple[int, int]]]]:
    """Relations of an .ann text as {role: [spans]} (roles: Content, Cue, Source)."""
    spans: dict[str, list[tuple[int, int]]] = {}
    relations = []
    for line in ann.splitlines():
        cols = line.split("\t")
        if line.startswith("T") and len(cols) >= 2:
            label, _, ranges = cols[1].partition(" ")
            try:
                spans[cols[0]] = [
                    (int(a), int(b)) for a, b in (r.split() for r in ranges.split(";"))
                ]
            except ValueError as exc:
                raise GoldError(f"{where}: bad span line {line!r}") from exc
        elif line.startswith("E") and len(cols) >= 2:
            relations.append(cols[1].split())
    out = []
    for args in relations:
        rel: dict[str, list[tuple[int, int]]] = {}
        for arg in args:
            role, _, ref = arg.partition(":")
            role = re.sub(r"\d+$", "", role)  # Content2 -> Content
            if role in ("Content", "Cue", "Source") and ref in spans:
                rel.setdefault(role, []).extend(spans[ref])
        out.append(rel)
    return out


def derive_kind(text: str, spans: list[tuple[int, int]], quoted: list[tuple[int, int]]) -> str:
    letters = [i for s, e in spans for i in range(s, e) if text[i].isalnum()]
    if not letters:
        return "indirect"
    inside = sum(1 for i in letters if any(a <= i < b for a, b in quoted))
    share = inside / len(letters)
    return "direct" if share >= DIRECT_SHARE else "mixed" if inside else "indirect"


def load_brat(ann_path: Path, txt_path: Path) -> GoldArticle:
    """One PolNeAR article as a GoldArticle (see the module docstring for the mapping)."""
    text = txt_path.read_text(encoding="utf-8")
    quoted = [(q.start, q.end) for q in find_quoted(text)]
    quotes = []
    for rel in parse_ann(ann_path.read_text(encoding="utf-8"), str(ann_path)):
        content = sorted(rel.get("Content", []))
        if not content:
            continue
        if any(not 0 <= s <= e <= len(text) for s, e in content):
            raise GoldError(f"{ann_path}: a content span lies outside {txt_path.name}")
        source = tuple(sorted(rel.get("Source", [])))
        speaker = GoldSpeaker(None, source) if source else None
        quotes.append(GoldQuote(tuple(content), derive_kind(text, content, quoted), speaker,
                                tuple(sorted(rel.get("Cue", [])))))
    return GoldArticle(name=txt_path.stem, text=text, quotes=quotes, source=str(ann_path),
                       layout=False)


def load_brat_folder(folder: Path) -> list[GoldArticle]:
    """Pair `*.ann` with `*.txt` in `folder` or its `attributions/` + `text/` subfolders."""
    ann_dir = folder / "attributions" if (folder / "attributions").is_dir() else folder
    txt_dir = folder / "text" if (folder / "text").is_dir() else folder
    chosen: dict[str, Path] = {}
    for ann in sorted(ann_dir.glob("*.ann")):
        stem = ann.stem
        if not (txt_dir / f"{stem}.txt").is_file():
            stem = _ANNOTATOR_SUFFIX.sub("", stem)
        chosen.setdefault(stem, ann)  # several annotators: the first in name order
    articles = []
    for stem, ann in sorted(chosen.items()):
        txt = txt_dir / f"{stem}.txt"
        if txt.is_file():
            articles.append(load_brat(ann, txt))
    return articles
