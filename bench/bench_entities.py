"""Entity resolution: accuracy on a hand-checked set and time per article, baseline vs now.

    PYTHONPATH=src python bench/bench_entities.py [--repeat 20]

Accuracy: every gold mention in bench/entities_gold.yaml must be held by the entity with the
expected name (or by none, for mentions that must stay unresolved). Roles: role, country
and sector of listed entities. Timing: both stages run on the same parsed docs (the gold
articles plus any .txt under /work/shared/corpus), so the figures exclude parsing, which is
reported separately for scale.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).parent))

from baseline_entities import find_entities as baseline  # noqa: E402

from fivew.extract.entities import find_entities  # noqa: E402
from fivew.ingest import from_text  # noqa: E402
from fivew.nlp import load  # noqa: E402
from fivew.pipeline import analysable_text  # noqa: E402
from fivew.records import Article, Entity  # noqa: E402

Stage = Callable[[Any, Article], list[Entity]]


def occurrence(text: str, word: str, n: int) -> tuple[int, int]:
    starts = [m.start() for m in re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", text)]
    return starts[n], starts[n] + len(word)


def holder(entities: list[Entity], start: int, end: int) -> Entity | None:
    for e in entities:
        if any((m.start, m.end) == (start, end) for m in e.mentions):
            return e
    return None


def score(stage: Stage, docs: list[Any], gold: list[dict[str, Any]]) -> tuple[int, int, int, int,
                                                                              list[str]]:
    right = total = role_right = role_total = 0
    misses = []
    for doc, item in zip(docs, gold, strict=True):
        article = from_text(item["text"], layout=False)
        entities = stage(doc, article)
        listed = {occurrence(item["text"], word, n) for word, n, _ in item["mentions"]}
        for e in entities:  # resolutions the gold does not judge: shown, not scored
            for m in e.mentions:
                if m.kind != "name" and (m.start, m.end) not in listed and stage is not baseline:
                    misses.append(f"{item['id']}: unlisted {m.kind} {m.text!r}@{m.start} -> "
                                  f"{e.name!r}")
        for word, n, expected in item["mentions"]:
            found = holder(entities, *occurrence(item["text"], word, n))
            got = found.name if found else None
            total += 1
            right += got == expected
            if got != expected:
                misses.append(f"{item['id']}: {word}#{n} -> {got!r}, expected {expected!r}")
        for name, role, country, sector in item.get("roles", []):
            role_total += 1
            match = [e for e in entities if e.name == name]
            ok = bool(match) and (match[0].role, match[0].country, match[0].sector) == (
                role, country, sector)
            role_right += ok
            if not ok:
                got_role = (match[0].role, match[0].country, match[0].sector) if match else None
                misses.append(f"{item['id']}: role of {name} -> {got_role}")
    return right, total, role_right, role_total, misses


def timed(stage: Stage, docs: list[Any], articles: list[Article], repeat: int) -> float:
    start = time.perf_counter()
    for _ in range(repeat):
        for doc, article in zip(docs, articles, strict=True):
            stage(doc, article)
    return (time.perf_counter() - start) * 1000 / (repeat * len(docs))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    nlp = load()
    gold = yaml.safe_load((Path(__file__).parent / "entities_gold.yaml").read_text())["articles"]
    gold_docs = [nlp(item["text"]) for item in gold]
    find_entities(gold_docs[0], from_text(gold[0]["text"], layout=False))  # load data files
    for split in ("dev", "heldout", "heldout2", "heldout3", "heldout4", "heldout5", "heldout6", "heldout7"):
        items = [(d, g) for d, g in zip(gold_docs, gold, strict=True)
                 if g.get("split", "dev") == split]
        docs_, gold_ = [d for d, _ in items], [g for _, g in items]
        for label, stage in (("baseline", baseline), ("fivew", find_entities)):
            right, total, role_right, role_total, misses = score(stage, docs_, gold_)
            print(f"{split:8s} {label:9s} mentions {right}/{total} = {right / total:.1%}   "
                  f"roles {role_right}/{role_total} = {role_right / max(role_total, 1):.1%}")
            for miss in misses if label == "fivew" else []:
                print("   miss", miss)
    articles = [from_text(item["text"], layout=False) for item in gold]
    articles += [from_text(p.read_text(), source=str(p))
                 for p in sorted(Path("/work/shared/corpus").rglob("*.txt"))]
    t0 = time.perf_counter()
    docs = list(nlp.pipe(analysable_text(a) for a in articles))
    parse_ms = (time.perf_counter() - t0) * 1000 / len(docs)
    words = sum(len(d) for d in docs) / len(docs)
    base_ms = timed(baseline, docs, articles, args.repeat)
    ours_ms = timed(find_entities, docs, articles, args.repeat)
    tracemalloc.start()  # memory in a separate pass: tracing slows the code it watches
    timed(find_entities, docs, articles, 1)
    peak = tracemalloc.get_traced_memory()[1] / 1e6
    tracemalloc.stop()
    print(f"{len(docs)} articles, {words:.0f} tokens/article, parse {parse_ms:.1f} ms/article")
    print(f"baseline  {base_ms:.2f} ms/article")
    print(f"fivew     {ours_ms:.2f} ms/article  ({ours_ms / base_ms:.1f}x baseline, "
          f"{ours_ms / parse_ms:.1%} of parse time; peak traced memory {peak:.1f} MB)")
    # One long article (every gold text, four times): cost must stay near-linear.
    long = from_text("\n".join(g["text"] for g in gold) * 4, layout=False)
    t0 = time.perf_counter()
    long_doc = nlp(analysable_text(long))
    long_parse = (time.perf_counter() - t0) * 1000
    long_base = timed(baseline, [long_doc], [long], max(1, args.repeat // 5))
    long_ours = timed(find_entities, [long_doc], [long], max(1, args.repeat // 5))
    print(f"long article, {len(long_doc)} tokens: parse {long_parse:.0f} ms, baseline "
          f"{long_base:.1f} ms, fivew {long_ours:.1f} ms ({long_ours / long_parse:.1%} of parse)")


if __name__ == "__main__":
    main()
