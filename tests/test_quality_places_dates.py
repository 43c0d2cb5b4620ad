"""Quality gate: place and date accuracy on the hand-checked gold in gold/places_dates.yaml.

A gold place is right when a predicted place overlaps its mention and is the same entry:
within 25 km for cities and landmarks, the same country for countries, the same name for
regions. A gold date is right when an overlapping prediction has the same ISO value.
The floors are pinned just under the measured accuracy; lower one only on purpose.
Run this file as a script to list the misses:
`PYTHONPATH=src python tests/test_quality_places_dates.py`.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import yaml

from fivew.records import Article, Place, TimeExpr

GOLD = Path(__file__).parent / "gold" / "places_dates.yaml"
HELDOUT = Path(__file__).parent / "gold" / "places_dates_heldout.yaml"
BLIND = Path(__file__).parent / "gold" / "places_dates_blind.yaml"
BLIND2 = Path(__file__).parent / "gold" / "places_dates_blind2.yaml"
ARTICLES = Path(__file__).parent / "gold" / "places_dates_articles.yaml"
PLACES_FLOOR = 0.95  # measured 0.965 (139 of 144)
DATES_FLOOR = 0.97  # measured 1.000 (73 of 73)
# Held-out file: first scored before any rule saw it (places 0.935, dates 0.947); after the
# general fixes that scoring prompted, 1.000 (46 of 46) and 1.000 (19 of 19).
HELDOUT_PLACES_FLOOR = 0.93
HELDOUT_DATES_FLOOR = 0.94
# Blind file: scored once, first pass places 0.938, dates 0.895 (the figures to quote); the
# floors are those first-pass figures.
BLIND_PLACES_FLOOR = 0.93
BLIND_DATES_FLOOR = 0.89
# Second blind file, first pass: places 0.927 (38 of 41), dates 0.952 (20 of 21). Over both
# blind files: places 83 of 89 (0.933), dates 37 of 40 (0.925).
BLIND2_PLACES_FLOOR = 0.92
BLIND2_DATES_FLOOR = 0.95
# Whole articles (title, caption, body), written before any run. First pass on main (title
# and captions not parsed): places 0.650 (26 of 40), dates 0.684 (13 of 19); with title and
# captions parsed: places 0.825, dates 0.789; with periods ("since X", "between X and Y"):
# places 0.825; with oceans and whole-PERSON town spans: places 0.875 (35 of 40; misses:
# villages and suburbs under 5,000 people, a spelling GeoNames lacks, a township), dates
# 1.000 (19 of 19).
ARTICLES_PLACES_FLOOR = 0.87
ARTICLES_DATES_FLOOR = 0.95


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(a))


def _locate(text: str, mention: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(mention, start + 1)
    return start, start + len(mention)


def _overlapping(records: list[Any], start: int, end: int) -> list[Any]:
    return [r for r in records if r.start < end and start < r.end]


def place_right(gold: dict[str, Any], place: Place) -> bool:
    if "lat" in gold:
        if place.lat is None or place.lon is None:
            return False
        return _km(gold["lat"], gold["lon"], place.lat, place.lon) <= 25
    if "country" in gold:
        return place.country == gold["country"] and place.feature == gold["feature"]
    return place.name == gold["name"]


def score(run: Any, gold_file: Path = GOLD) -> dict[str, Any]:
    """Accuracy of places and dates over a gold file; `run(text, published)` -> Article
    (`run(text, published, layout=True)` for items that are whole pages)."""
    items = yaml.safe_load(gold_file.read_text(encoding="utf-8"))
    counts = {"places": [0, 0], "dates": [0, 0]}
    misses: list[str] = []
    for item in items:
        published = str(item["published"]) if item.get("published") else None
        article: Article = (run(item["text"], published, layout=True) if item.get("layout")
                            else run(item["text"], published))
        for gold in item["places"]:
            start, end = _locate(article.text, gold["mention"], gold.get("nth", 0))
            found: list[Place] = _overlapping(article.places, start, end)
            ok = any(place_right(gold, p) for p in found)
            counts["places"][0] += ok
            counts["places"][1] += 1
            if not ok:
                misses.append(f"place {gold['mention']!r} ({published}): {[(p.text, p.name, p.country) for p in found]}")
        for gold in item["dates"]:
            start, end = _locate(article.text, gold["mention"], gold.get("nth", 0))
            dates: list[TimeExpr] = _overlapping(article.dates, start, end)
            ok = any(d.value == gold["value"] for d in dates)
            counts["dates"][0] += ok
            counts["dates"][1] += 1
            if not ok:
                misses.append(f"date {gold['mention']!r} ({published}): want {gold['value']}, "
                              f"got {[(d.text, d.value) for d in dates]}")
    return {
        "places": counts["places"][0] / counts["places"][1],
        "dates": counts["dates"][0] / counts["dates"][1],
        "n_places": counts["places"][1],
        "n_dates": counts["dates"][1],
        "misses": misses,
    }


def test_heldout_quality_gate(analyse) -> None:  # type: ignore[no-untyped-def]
    result = score(lambda text, published: analyse(text, published=published), HELDOUT)
    assert result["places"] >= HELDOUT_PLACES_FLOOR, result["misses"]
    assert result["dates"] >= HELDOUT_DATES_FLOOR, result["misses"]


def test_blind_quality_gate(analyse) -> None:  # type: ignore[no-untyped-def]
    result = score(lambda text, published: analyse(text, published=published), BLIND)
    assert result["places"] >= BLIND_PLACES_FLOOR, result["misses"]
    assert result["dates"] >= BLIND_DATES_FLOOR, result["misses"]


def test_second_blind_quality_gate(analyse) -> None:  # type: ignore[no-untyped-def]
    result = score(lambda text, published: analyse(text, published=published), BLIND2)
    assert result["places"] >= BLIND2_PLACES_FLOOR, result["misses"]
    assert result["dates"] >= BLIND2_DATES_FLOOR, result["misses"]


def test_whole_articles_quality_gate(analyse) -> None:  # type: ignore[no-untyped-def]
    def run(text: str, published: str | None, layout: bool = False) -> Article:
        return analyse(text, published=published, layout=layout)

    result = score(run, ARTICLES)
    assert result["places"] >= ARTICLES_PLACES_FLOOR, result["misses"]
    assert result["dates"] >= ARTICLES_DATES_FLOOR, result["misses"]


def test_gold_is_big_enough() -> None:
    items = yaml.safe_load(GOLD.read_text(encoding="utf-8"))
    assert sum(len(i["places"]) for i in items) >= 60
    assert sum(len(i["dates"]) for i in items) >= 60


def test_quality_gate(analyse) -> None:  # type: ignore[no-untyped-def]
    result = score(lambda text, published: analyse(text, published=published))
    print(f"places {result['places']:.3f} dates {result['dates']:.3f}")
    assert result["places"] >= PLACES_FLOOR, result["misses"]
    assert result["dates"] >= DATES_FLOOR, result["misses"]


if __name__ == "__main__":
    from fivew.ingest import from_text
    from fivew.pipeline import Pipeline

    pipeline = Pipeline()

    def _run(text: str, published: str | None, layout: bool = False) -> Article:
        article = from_text(text, layout=layout, published=published)  # type: ignore[arg-type]
        return next(pipeline.run([article]))

    for gold_file in (GOLD, HELDOUT, BLIND, BLIND2, ARTICLES):
        result = score(_run, gold_file)
        print(f"== {gold_file.name}")
        for miss in result["misses"]:
            print(miss)
        print(f"places {result['places']:.3f} of {result['n_places']}, "
              f"dates {result['dates']:.3f} of {result['n_dates']}")
