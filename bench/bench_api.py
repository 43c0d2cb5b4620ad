"""API speed: POST /extract through a real server vs the pipeline called directly, and
listing latency on a store of many articles.

    PYTHONPATH=src python bench/bench_api.py [--articles 40] [--stored 5000]

The texts are synthetic news-style paragraphs (invented names and places, recombined so
no two are alike). Prints articles/s and words/s both ways and their ratio (the cost of
HTTP, JSON and validation per article), then median and p95 latency of paged listings
with their totals, and the process's peak memory.
"""

from __future__ import annotations

import argparse
import random
import resource
import statistics
import tempfile
import threading
import time
from pathlib import Path

import httpx
import uvicorn

from fivew.api import create_app
from fivew.api.extract import Extractor
from fivew.ingest import from_text
from fivew.pipeline import Pipeline
from fivew.store import Store

PEOPLE = ["Anna Kowal", "Rafael Ortiz", "Mei Tanaka", "Samuel Osei", "Lena Brandt",
          "Omar Haddad", "Ingrid Solberg", "Priya Raman"]
PLACES = ["Calder", "Meldon", "Port Selby", "Kelmar", "Riverton", "Aldford", "Dunmore"]
TOPICS = ["a ceasefire", "fuel prices", "the new budget", "flood defences", "the rail strike",
          "border checks", "water rationing"]
SENTENCES = [
    "{person}, the mayor of {place}, said on Monday that the city would not accept {topic}.",
    "Officials in {place} said {n} people had been evacuated after heavy rain on Tuesday.",
    "\u201cWe are ready to talk, but not under threat,\u201d {person} told reporters in {place}.",
    "At least {n} people were killed when shells hit a market in {place}, officials said.",
    "{person} met union leaders in {place} to discuss {topic} last week.",
    "Thousands of people marched through {place} on Sunday to protest against {topic}.",
    "Police in {place} arrested {n} people after clashes outside the town hall.",
]


def article_text(rng: random.Random, sentences: int) -> str:
    paragraphs = []
    for _ in range(sentences // 3):
        paragraphs.append(" ".join(
            rng.choice(SENTENCES).format(person=rng.choice(PEOPLE), place=rng.choice(PLACES),
                                         topic=rng.choice(TOPICS), n=rng.randint(2, 400))
            for _ in range(3)))
    return "\n\n".join(paragraphs)


class Server:
    """uvicorn on 127.0.0.1 in a thread, for the length of a `with` block."""

    def __init__(self, app: object, port: int = 0) -> None:
        import socket

        with socket.socket() as sock:
            sock.bind(("127.0.0.1", port))
            self.port = sock.getsockname()[1]
        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=self.port,
                                                    log_level="warning", lifespan="off"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> str:
        self.thread.start()
        while not self.server.started:
            time.sleep(0.02)
        return f"http://127.0.0.1:{self.port}"

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


def bench_extract(pipeline: Pipeline, texts: list[str], url: str, rounds: int = 3) -> None:
    """Both ways on the same texts, alternating, after one warm-up article (the first
    article of a process also pays for loading the gazetteer and the lexicons)."""
    words = sum(len(t.split()) for t in texts)
    next(pipeline.run([from_text(texts[0], title="Bench", layout=False)]))
    direct_times, served_times = [], []
    with httpx.Client(base_url=url, timeout=120) as client:
        for _ in range(rounds):
            start = time.perf_counter()
            for text in texts:
                next(pipeline.run([from_text(text, title="Bench", layout=False)]))
            direct_times.append(time.perf_counter() - start)
            start = time.perf_counter()
            for text in texts:
                client.post("/extract", json={"text": text, "title": "Bench"}).raise_for_status()
            served_times.append(time.perf_counter() - start)
    direct, served = statistics.median(direct_times), statistics.median(served_times)
    n = len(texts)
    print(f"extract, direct : {n / direct:7.1f} articles/s {words / direct:9.0f} words/s "
          f"(median of {rounds} alternating rounds)")
    print(f"extract, HTTP   : {n / served:7.1f} articles/s {words / served:9.0f} words/s")
    print(f"HTTP / direct time ratio: {served / direct:.2f} "
          f"({(served - direct) / n * 1000:.1f} ms per article for HTTP + JSON)")


def bench_listings(url: str, stored: int) -> None:
    with httpx.Client(base_url=url, timeout=60) as client:
        for path, params in [("/articles", {}), ("/articles", {"search": "Calder"}),
                             ("/articles", {"since": "2023-06-01"})]:
            times = []
            for page in range(20):
                start = time.perf_counter()
                answer = client.get(path, params={**params, "limit": 50,
                                                  "offset": page * 50 % stored})
                answer.raise_for_status()
                times.append(time.perf_counter() - start)
            times.sort()
            print(f"GET {path} {params or ''}: median {statistics.median(times) * 1000:.1f} ms, "
                  f"p95 {times[int(len(times) * 0.95) - 1] * 1000:.1f} ms "
                  f"(total {answer.json()['total']} of {stored})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=40, help="texts to extract")
    parser.add_argument("--stored", type=int, default=5000, help="articles in the store")
    args = parser.parse_args()
    rng = random.Random(7)
    texts = [article_text(rng, 12) for _ in range(args.articles)]
    pipeline = Pipeline()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.duckdb"
        with Store(db) as store:
            start = time.perf_counter()
            store.add(from_text(article_text(rng, 6), source=f"s{i}", title=f"Story {i}",
                                published=f"2023-{1 + i % 12:02d}-{1 + i % 28:02d}",
                                layout=False)
                      for i in range(args.stored))
            print(f"store of {args.stored} unanalysed articles built in "
                  f"{time.perf_counter() - start:.1f} s")
        app = create_app(db, max_bytes=10_000_000, extractor=Extractor(pipeline=pipeline))
        with Server(app) as url:
            bench_extract(pipeline, texts, url)
            bench_listings(url, args.stored)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory: {peak:.0f} MB")


if __name__ == "__main__":
    main()
