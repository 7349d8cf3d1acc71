"""Throughput of the bare spaCy pass vs the eventwire pipeline, measured in one run.

Reads the VOA stories from ../shared/data/voa (in place), parses them once with spaCy alone
and once through eventwire (read + clean + parse + stages), then stores them in an in-memory
DuckDB store. Prints docs/s, tokens/s and the ratios. Usage:

    python benchmarks/bench_pipeline.py [--repeat N] [--corpus PATH]
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import time
from pathlib import Path

from eventwire import nlp as nlp_mod
from eventwire.ingest import read_articles
from eventwire.options import Options
from eventwire.pipeline import code_articles
from eventwire.records import Article
from eventwire.stages import Found, load_resources, stage_order
from eventwire.store import open_store

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "data" / "voa" / "voa_stories.jsonl"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--repeat", type=int, default=1, help="pass over the corpus N times")
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--rounds", type=int, default=2,
                        help="interleaved rounds; the best time of each pass is reported")
    args = parser.parse_args()
    if not args.corpus.exists():
        print(f"corpus not found: {args.corpus} (is ../shared beside the repository?)")
        return 1

    options = Options(batch_size=args.batch_size)
    nlp = nlp_mod.load(options.model)
    texts = [json.loads(line)["text"] for line in args.corpus.open(encoding="utf-8")]
    texts *= args.repeat
    list(nlp.pipe(texts[:8]))  # warm up

    def articles():
        for _ in range(args.repeat):
            yield from read_articles([args.corpus], options)

    resources = load_resources(options, nlp)
    bare = piped = read = float("inf")
    stage_time: dict[str, float] = {}
    for _ in range(args.rounds):
        t0 = time.perf_counter()
        docs = list(nlp.pipe(texts, batch_size=args.batch_size))
        bare = min(bare, time.perf_counter() - t0)
        tokens = sum(len(doc) for doc in docs)

        # Each stage alone, on the already-parsed documents.
        this_round = dict.fromkeys((name for name, _ in stage_order()), 0.0)
        for doc, text in zip(docs, texts, strict=True):
            found = Found()
            article = Article(id="bench", text=text)
            for name, run in stage_order():
                t0 = time.perf_counter()
                found = run(doc, article, found, resources)
                this_round[name] += time.perf_counter() - t0
        stage_time = {k: min(v, stage_time.get(k, v)) for k, v in this_round.items()}
        del docs

        t0 = time.perf_counter()
        results = list(code_articles(articles(), options, nlp, resources))
        piped = min(piped, time.perf_counter() - t0)

        t0 = time.perf_counter()
        list(articles())
        read = min(read, time.perf_counter() - t0)

    # Each repeat has the same ids; give them fresh ones so the store writes every result.
    from dataclasses import replace
    counter = itertools.count()
    fresh = [replace(r, article=replace(r.article, id=f"{r.article.id}-{next(counter)}"))
             for r in results]
    with open_store(":memory:") as store:
        t0 = time.perf_counter()
        store.write(fresh)
        stored = time.perf_counter() - t0

    n = len(texts)
    ok = sum(r.status == "ok" for r in results)
    print(f"corpus: {args.corpus.name} x{args.repeat} = {n} docs, {tokens:,} tokens "
          f"({ok} coded ok); model {options.model}, batch {args.batch_size}, 1 process, "
          f"best of {args.rounds} interleaved rounds")
    print(f"{'pass':<34}{'seconds':>9}{'docs/s':>9}{'tokens/s':>10}")
    rows = [("(a) bare spaCy nlp.pipe", bare), ("(b) eventwire read+clean+code", piped),
            ("    of which read+clean", read), ("(c) store write (DuckDB, memory)", stored)]
    for name, secs in rows:
        print(f"{name:<34}{secs:>9.2f}{n / secs:>9.1f}{tokens / secs:>10,.0f}")
    print(f"ratio b/a (pipeline throughput / bare spaCy): {bare / piped:.3f}")
    print("stages alone, on parsed docs (share of the bare spaCy time):")
    for name, secs in stage_time.items():
        print(f"  {name:<12}{secs * 1000 / n:>8.2f} ms/doc {secs / bare:>8.1%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
