"""Build gold JSON files (fivew-gold/1) from hand-written specs in tests/gold/src/*.yaml.

A spec names every quote by its exact words, so nobody types offsets by hand:

    article: {path: ../articles/x.txt, layout: true, published: "2024-05-17"}
    quotes:
      - text: We put a serious offer on the table on Tuesday   # exact substring
        kind: direct
        cue: said                     # nearest occurrence to the quote is used
        speaker: {name: Henrik Dahl, text: Dahl, aliases: [Dahl]}
        occurrence: 1                 # optional: which occurrence of `text` (default 1)

Speaker and cue spans are the occurrence of their text nearest to the quote (speaker
`at: before|after` narrows it). The output lists each resolved span with its text, so
the JSON can be checked by reading it. Run from the repository root:

    PYTHONPATH=src python tests/gold/build.py
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).parent


def find_all(text: str, needle: str) -> list[int]:
    return [m.start() for m in re.finditer(re.escape(needle), text)]


def nearest(text: str, needle: str, lo: int, hi: int, where: str | None = None) -> int:
    hits = find_all(text, needle)
    if where == "before":
        hits = [h for h in hits if h + len(needle) <= lo]
    elif where == "after":
        hits = [h for h in hits if h >= hi]
    if not hits:
        raise SystemExit(f"not found near {lo}: {needle!r}")
    return min(hits, key=lambda h: min(abs(h - hi), abs(h + len(needle) - lo)))


def span(text: str, start: int, length: int) -> dict[str, Any]:
    return {"start": start, "end": start + length, "text": text[start : start + length]}


def build(spec_path: Path) -> dict[str, Any]:
    spec = yaml.safe_load(spec_path.read_text(encoding="utf-8"))
    meta = spec["article"]
    rel = meta["path"]
    text = None
    for folder in [spec_path.parent, *spec_path.resolve().parents]:
        if (folder / rel).is_file():
            text = (folder / rel).read_text(encoding="utf-8")
            break
    if text is None:
        raise SystemExit(f"{spec_path}: article {rel} not found")
    quotes = []
    for q in spec["quotes"]:
        hits = find_all(text, q["text"])
        n = q.get("occurrence", 1)
        if len(hits) < n:
            raise SystemExit(f"{spec_path}: quote text not found: {q['text']!r}")
        start = hits[n - 1]
        end = start + len(q["text"])
        out: dict[str, Any] = {**span(text, start, end - start), "kind": q["kind"]}
        if q.get("cue"):
            c = nearest(text, q["cue"], start, end)
            out["cue"] = span(text, c, len(q["cue"]))
        sp = q.get("speaker")
        if sp:
            s = nearest(text, sp["text"], start, end, sp.get("at"))
            out["speaker"] = {"name": sp["name"], **span(text, s, len(sp["text"]))}
            if sp.get("aliases"):
                out["speaker"]["aliases"] = sp["aliases"]
        quotes.append(out)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return {"format": "fivew-gold/1", "article": {**meta, "sha256": digest}, "quotes": quotes,
            "events": spec.get("events", [])}


def main() -> None:
    specs = sorted((HERE / "src").glob("*.yaml")) if len(sys.argv) < 2 else map(Path, sys.argv[1:])
    for spec in specs:
        gold = build(spec)
        out = HERE / f"{spec.stem}.json"
        out.write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"{out}: {len(gold['quotes'])} quotes")


if __name__ == "__main__":
    main()
