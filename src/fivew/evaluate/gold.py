"""Gold articles: the scorer's view of hand-made answers, and fivew's own gold JSON format.

A gold file (documented in docs/evaluation.md) is one JSON object per article:

    {
      "format": "fivew-gold/1",
      "article": {"path": "shared/corpus/seed/x.txt", "layout": true,
                  "published": "2022-03-21", "sha256": "<hex of the UTF-8 text>"},
      "quotes": [{"start": 10, "end": 42, "text": "...", "kind": "direct",
                  "speaker": {"name": "Marta Kovac", "start": 50, "end": 55,
                              "text": "Kovac", "aliases": ["Kovac"]}}],
      "events": [...]
    }

`article` gives the text either inline (`"text"`) or by `path`: a relative path is looked
up from the gold file's folder and then from each of its parent folders, so a gold file can
point at a shared corpus without copying it. Offsets are character offsets into that text;
each span's `text` must equal `text[start:end]` (checked at load, so a stale gold file
fails loudly). `events` is kept as-is for the events scorer.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

FORMAT = "fivew-gold/1"


class GoldError(ValueError):
    """A gold file is malformed; the message names the file and what to fix."""


@dataclass(frozen=True)
class GoldSpeaker:
    name: str | None
    spans: tuple[tuple[int, int], ...]  # char spans of the speaker mention (may be empty)
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class GoldQuote:
    """One gold statement: its char spans (several when discontinuous), kind, speaker."""

    spans: tuple[tuple[int, int], ...]
    kind: str | None
    speaker: GoldSpeaker | None
    cue: tuple[tuple[int, int], ...] = ()

    @property
    def start(self) -> int:
        return min(s for s, _ in self.spans)

    @property
    def end(self) -> int:
        return max(e for _, e in self.spans)


@dataclass
class GoldArticle:
    """A text with its gold quotes (and, for other scorers, the raw `events`)."""

    name: str
    text: str
    quotes: list[GoldQuote]
    source: str
    layout: bool = False
    published: str | None = None
    events: list[Any] = field(default_factory=list)


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def load_gold_json(path: Path) -> GoldArticle:
    """Read one gold JSON file; raise GoldError naming the file on any problem."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise GoldError(f"{path}: cannot read gold JSON: {exc}") from exc
    if not isinstance(raw, dict) or raw.get("format") != FORMAT:
        raise GoldError(f"{path}: not a fivew gold file (expected \"format\": \"{FORMAT}\")")
    meta = raw.get("article") or {}
    text = _article_text(path, meta)
    if meta.get("sha256") and meta["sha256"] != text_hash(text):
        raise GoldError(f"{path}: the article text changed since the gold was made (sha256)")
    quotes = [_quote(path, text, n, q) for n, q in enumerate(raw.get("quotes") or [])]
    return GoldArticle(
        name=path.stem, text=text, quotes=quotes, source=str(path),
        layout=bool(meta.get("layout", True)), published=meta.get("published"),
        events=list(raw.get("events") or []),
    )


def _article_text(path: Path, meta: dict[str, Any]) -> str:
    if isinstance(meta.get("text"), str):
        return str(meta["text"])
    rel = meta.get("path")
    if not isinstance(rel, str):
        raise GoldError(f"{path}: \"article\" needs \"text\" or \"path\"")
    for folder in [path.parent, *path.resolve().parents]:
        candidate = folder / rel
        if candidate.is_file():
            return candidate.read_text(encoding="utf-8")
    raise GoldError(f"{path}: article {rel!r} not found beside the gold file or above it")


def _span(path: Path, text: str, where: str, node: dict[str, Any]) -> tuple[int, int]:
    try:
        start, end = int(node["start"]), int(node["end"])
    except (KeyError, TypeError, ValueError) as exc:
        raise GoldError(f"{path}: {where} needs integer start and end") from exc
    if not 0 <= start < end <= len(text):
        raise GoldError(f"{path}: {where} span {start}-{end} is outside the text")
    if "text" in node and text[start:end] != node["text"]:
        raise GoldError(f"{path}: {where} text {node['text']!r} != text[{start}:{end}] "
                        f"{text[start:end]!r}")
    return start, end


def _quote(path: Path, text: str, n: int, node: Any) -> GoldQuote:
    if not isinstance(node, dict):
        raise GoldError(f"{path}: quotes[{n}] is not an object")
    spans = (_span(path, text, f"quotes[{n}]", node),)
    kind = node.get("kind")
    if kind not in (None, "direct", "mixed", "indirect"):
        raise GoldError(f"{path}: quotes[{n}].kind must be direct, mixed or indirect")
    speaker = None
    sp = node.get("speaker")
    if isinstance(sp, dict):
        sspans = (_span(path, text, f"quotes[{n}].speaker", sp),) if "start" in sp else ()
        speaker = GoldSpeaker(sp.get("name"), sspans, tuple(sp.get("aliases") or ()))
    cue = node.get("cue")
    cues = (_span(path, text, f"quotes[{n}].cue", cue),) if isinstance(cue, dict) else ()
    return GoldQuote(spans, kind, speaker, cues)
