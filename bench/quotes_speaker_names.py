"""Speaker resolution on a brat/PolNeAR gold: is the speaker the right *entity*, not just
the right span?

    PYTHONPATH=src python bench/quotes_speaker_names.py GOLD PRED.jsonl [--show N]

PolNeAR marks the source span of each attribution but has no coreference, so a canonical
name cannot be checked directly. For quotes matched at 30% coverage this reports, by the
kind of gold source (a name, a pronoun, a description):
  * span: the predicted speaker mention overlaps the gold source span (the scorer's check);
  * entity: the gold source span overlaps a mention of the predicted speaker's entity (or
    the predicted mention itself when it has none): the speaker resolved to the entity
    the gold source names, wherever the mention was found;
  * name words: for gold sources that contain a name, the predicted canonical name shares a
    capitalised word with the gold source text ("Clinton" in "Mrs. Clinton");
  * resolved: the predicted speaker carries an entity (a canonical name) at all.
PRED must be fivew JSONL with entities (`fivew evaluate GOLD --run --save-pred PRED`).
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

from fivew.evaluate import load_gold
from fivew.evaluate.gold import text_hash
from fivew.evaluate.quotes import PredQuote, match

_PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "his", "her", "their", "its"}


def source_kind(text: str) -> str:
    words = text.replace("’s", "").replace("'s", "").split()
    if len(words) == 1 and words[0].lower() in _PRONOUNS:
        return "pronoun"
    caps = [w for i, w in enumerate(words) if w[:1].isupper()
            and not (i == 0 and w.lower() in ("the", "a", "an"))]
    return "name" if caps else "description"


def _overlap(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


def main() -> None:
    gold = load_gold(sys.argv[1])
    show = int(sys.argv[sys.argv.index("--show") + 1]) if "--show" in sys.argv else 0
    records: dict[str, dict[str, Any]] = {}
    for line in Path(sys.argv[2]).read_text(encoding="utf-8").splitlines():
        if line.strip():
            rec = json.loads(line)
            records[text_hash(rec["text"])] = rec
    counts: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    examples: list[str] = []
    for article in gold:
        rec = records.get(text_hash(article.text))
        if rec is None:
            continue
        mentions = {e["entity_id"]: [(m["start"], m["end"]) for m in e.get("mentions", [])]
                    for e in rec.get("entities", [])}
        quotes = rec.get("quotes") or []
        preds = [PredQuote.from_record(q) for q in quotes]
        for gi, pi in match(article.quotes, preds, 0.3):
            g, q = article.quotes[gi], quotes[pi]
            if g.speaker is None or not g.speaker.spans:
                continue
            spans = list(g.speaker.spans)
            src = " ".join(article.text[s:e] for s, e in spans)
            kind = source_kind(src)
            sp = q.get("speaker") or {}
            ent = sp.get("entity_id")
            own = [(sp["start"], sp["end"])] if "start" in sp else []
            ok_span = bool(own) and _overlap(spans, *own[0])
            ok_entity = any(_overlap(spans, s, e) for s, e in (mentions.get(ent, []) + own))
            for key in (kind, "all"):
                c = counts[key]
                c["span"][0] += ok_span
                c["entity"][0] += ok_entity
                c["resolved"][0] += ent is not None
                for k in ("span", "entity", "resolved"):
                    c[k][1] += 1
                if kind == "name":
                    caps = {w.strip(".,’'\"").lower() for w in src.split() if w[:1].isupper()}
                    name = {w.lower() for w in (sp.get("name") or "").split()}
                    c["name words"][0] += bool(caps & name)
                    c["name words"][1] += 1
            if not ok_entity and len(examples) < show:
                examples.append(f"  [{kind}] gold {src!r} | pred {sp.get('text')!r} -> "
                                f"{sp.get('name')!r} | {q['text'][:60]!r}")
    for kind in ("all", "name", "pronoun", "description"):
        c = counts[kind]
        parts = [f"{k} {100 * h / t:.1f}% ({h}/{t})" for k, (h, t) in c.items() if t]
        print(f"{kind:12} " + "  ".join(parts))
    print("\n".join(examples))


if __name__ == "__main__":
    main()
