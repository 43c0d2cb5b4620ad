"""A synthetic benchmark corpus built only from text written for this repository.

Articles are recombined from the paragraphs of `examples/` and `tests/articles/`, each
with a title, byline and date line, so the layout reader has real work to do. The same
seed gives the same corpus.
"""

from __future__ import annotations

import random
from pathlib import Path

from fivew.ingest import from_text

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [*ROOT.glob("examples/*.txt"), *ROOT.glob("tests/articles/**/*.txt")]


def paragraphs() -> list[str]:
    found = []
    for path in sorted(SOURCES):
        article = from_text(path.read_text(encoding="utf-8"), str(path))
        found += [article.text[p.start : p.end] for p in article.body]
    return found


def build(n: int, seed: int = 7) -> list[str]:
    """`n` article texts of 6-14 paragraphs each."""
    rng = random.Random(seed)
    pool = paragraphs()
    texts = []
    for i in range(n):
        body = rng.sample(pool, k=min(len(pool), rng.randint(6, 14)))
        month, day = rng.randint(1, 12), rng.randint(1, 28)
        texts.append(
            f"Benchmark Story Number {i}\n\nAlex Writer\n{month}/{day}/2023\n\n" + "\n\n".join(body)
            + "\n\nShare\n"
        )
    return texts


def words(texts: list[str]) -> int:
    return sum(len(t.split()) for t in texts)
