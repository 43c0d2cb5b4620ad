"""Ingest speed: articles/s and words/s with 1 and 2 local workers, and the store's share.

    PYTHONPATH=src python bench/bench_ingest.py [--articles 2000] [--dask]

Builds a synthetic corpus (news-style sentences written for this benchmark, recombined with
invented names, places and numbers so that no two articles are near-copies), then runs
`fivew.batch.ingest` into a fresh DuckDB file with 1 worker, 2 workers (and optionally a
Dask LocalCluster of 2). Prints articles/s, words/s, peak memory of the process tree, the
speed-up of 2 workers over 1, and store write time / extraction time.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import threading
import time
from pathlib import Path

import psutil

from fivew.batch import BatchOptions, BatchReport, ingest
from fivew.store import Store

OUT = Path(__file__).parent / "out"

PEOPLE = ["Anna Kowal", "Rafael Ortiz", "Mei Tanaka", "Samuel Osei", "Lena Brandt",
          "Omar Haddad", "Ingrid Solberg", "Tomasz Wren", "Priya Raman", "Daniel Achebe",
          "Clara Mendes", "Viktor Halm", "Nadia Rahimi", "George Ellery", "Hana Novak"]
ROLES = ["foreign minister", "defence ministry spokesman", "mayor", "union leader",
         "central bank governor", "opposition leader", "health minister", "police chief",
         "port authority director", "army spokeswoman"]
PLACES = ["Calder", "Meldon", "Varna Alta", "Port Selby", "Ostrava Nova", "Kelmar",
          "Riverton", "Aldford", "Santa Brisa", "Dunmore", "Halden Bay", "Tirel"]
COUNTRIES = ["Northland", "Southland", "the Eastern Republic", "Westmark", "the Island States",
             "Valdoria", "Ostrania", "Merovia"]
ORGS = ["the United Nations", "the Red Cross", "the transport workers' union",
        "the national grid operator", "the regional council", "the finance ministry",
        "the coast guard", "the electoral commission"]
DAYS = ["on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday",
        "late on Saturday", "early on Sunday", "last week", "this morning"]
TOPICS = ["a ceasefire", "the grain corridor", "fuel prices", "the new budget",
          "flood defences", "the prisoner exchange", "water rationing", "the rail strike",
          "border checks", "the election timetable"]
SENTENCES = [
    "{person}, the {role}, said {day} that {country} would not accept {topic} without guarantees.",
    "Officials in {place} said {n} people had been evacuated after heavy fighting {day}.",
    "{org} called for talks on {topic} and warned that the situation in {place} was getting worse.",
    "\"We are ready to talk, but not under threat,\" {person} told reporters in {place} {day}.",
    "{country} rejected a proposal from {country2} on {topic}, the {role} said.",
    "At least {n} people were killed when shells hit a market in {place} {day}, local officials said.",
    "{person} met the {role} of {country2} in {place} to discuss {topic}.",
    "The {role} accused {country2} of breaking the agreement on {topic} {day}.",
    "Prices of bread and fuel in {place} have risen by {n} percent since the spring, traders said.",
    "{org} said it had delivered {n} tonnes of food and medicine to {place} {day}.",
    "Thousands of people marched through {place} {day} to protest against {topic}.",
    "{country} agreed to reopen the crossing near {place} after talks with {org}.",
    "Police in {place} arrested {n} people after clashes outside the parliament {day}.",
    "{person} said {topic} would be discussed again when ministers meet in {place} next month.",
    "The government of {country} announced sanctions against {n} companies linked to {country2}.",
    "A spokesman for {org} said teams were still searching for survivors in {place}.",
]


def make_corpus(n: int, path: Path, seed: int = 7) -> int:
    """Write `n` JSONL articles of 8-14 paragraphs; return the number of words."""
    rng = random.Random(seed)
    words = 0
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            paragraphs = []
            for _ in range(rng.randint(8, 14)):
                sentences = [_fill(rng.choice(SENTENCES), rng) for _ in range(rng.randint(1, 3))]
                paragraphs.append(" ".join(sentences))
            place = rng.choice(PLACES)
            title = f"{rng.choice(COUNTRIES).title()} and {place}: {rng.choice(TOPICS)} ({i})"
            text = "\n\n".join(paragraphs)
            words += len(text.split())
            fh.write(json.dumps({"title": title, "text": text,
                                 "published": f"2022-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"}) + "\n")
    return words


def _fill(template: str, rng: random.Random) -> str:
    country, country2 = rng.sample(COUNTRIES, 2)
    sentence = template.format(
        person=rng.choice(PEOPLE), role=rng.choice(ROLES), place=rng.choice(PLACES),
        country=country, country2=country2, org=rng.choice(ORGS), day=rng.choice(DAYS),
        topic=rng.choice(TOPICS), n=rng.randint(2, 900),
    )
    return sentence[:1].upper() + sentence[1:]


class PeakMemory:
    """Peak resident memory of this process and its children, sampled every 0.2 s."""

    def __init__(self) -> None:
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        me = psutil.Process()
        while not self._stop.is_set():
            total = 0
            for proc in [me, *me.children(recursive=True)]:
                try:
                    total += proc.memory_info().rss
                except psutil.Error:
                    pass
            self.peak = max(self.peak, total)
            time.sleep(0.2)

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def cpu_seconds() -> float:
    """CPU time of this process and its finished children (workers, once they exit)."""
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def run(label: str, corpus: Path, options: BatchOptions) -> tuple[BatchReport, int]:
    db = OUT / f"bench-{label.replace(' ', '-')}.duckdb"
    for stale in (db, db.with_name(db.name + ".wal")):
        stale.unlink(missing_ok=True)
    shutil.rmtree(db.with_name(db.name + ".shards"), ignore_errors=True)
    cpu = cpu_seconds()
    with PeakMemory() as memory, Store(db) as store:
        report = ingest([str(corpus)], store, options)
    cpu = cpu_seconds() - cpu
    load = os.getloadavg()[1]  # 5-minute load average: other programs on the machine too
    work = report.seconds - report.startup_seconds
    print(
        f"{label:>9}: {report.analysed} articles in {report.seconds:6.1f} s "
        f"({report.startup_seconds:4.1f} s starting workers and model) = "
        f"{report.analysed / report.seconds:6.2f} articles/s overall, "
        f"{report.analysed / work:6.2f} articles/s and {report.words / work:6.0f} words/s "
        f"after start-up; peak memory {memory.peak / 2**20:5.0f} MiB; store writes "
        f"{report.store_seconds:5.2f} s / extraction {report.extract_seconds:6.1f} s = "
        f"{100 * report.store_seconds / report.extract_seconds:.1f}% (row building "
        f"{100 * report.rows_seconds / report.extract_seconds:.1f}%); {report.added} added, "
        f"{report.duplicates} near-duplicates; {1000 * cpu / report.analysed:.0f} CPU ms per "
        f"article; 5-min load average {load:.1f} on {os.cpu_count()} cores", flush=True)
    return report, memory.peak


def steady(report: BatchReport) -> float:
    """Articles/s once workers are up and the model is loaded."""
    return report.analysed / (report.seconds - report.startup_seconds)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--chunk-size", type=int, default=64)
    parser.add_argument("--dask", action="store_true", help="also a Dask LocalCluster of 2")
    args = parser.parse_args()
    OUT.mkdir(exist_ok=True)
    corpus = OUT / "corpus.jsonl"
    words = make_corpus(args.articles, corpus)
    print(f"corpus: {args.articles} articles, {words} words ({words / args.articles:.0f} per article)")
    one, _ = run("1 worker", corpus, BatchOptions(workers=1, chunk_size=args.chunk_size))
    two, _ = run("2 workers", corpus, BatchOptions(workers=2, chunk_size=args.chunk_size))
    rate1, rate2 = steady(one), steady(two)
    print(f"speed-up, 2 workers over 1: {rate2 / rate1:.2f}x after start-up, "
          f"{(two.analysed / two.seconds) / (one.analysed / one.seconds):.2f}x overall")
    if args.dask:
        dask, _ = run("dask 2", corpus, BatchOptions(dask="local", workers=2,
                                                     chunk_size=args.chunk_size))
        print(f"speed-up, Dask LocalCluster of 2 over 1 worker: {steady(dask) / rate1:.2f}x "
              "after start-up")


if __name__ == "__main__":
    main()
