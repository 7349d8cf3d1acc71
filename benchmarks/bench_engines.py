"""Throughput of the engines, measured in one run on the VOA stories (read in place from
../shared) repeated to at least --articles articles (default 2,000):

(a) the bare spaCy pass (``nlp.pipe``, one process);
(b) eventwire, read + clean + code, one worker (this process);
(c) eventwire, local engine, one worker per core;
(d) eventwire, Ray engine on a local Ray started for the run, one actor per core.

Prints docs/s and tokens/s of each, the ratios b/a, c/b and d/c, and the peak resident memory
(VmHWM) of each coding worker process.

Usage: python benchmarks/bench_engines.py [--articles N] [--workers N] [--skip-ray]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from eventwire import nlp as nlp_mod
from eventwire.engines import LocalEngine, default_workers
from eventwire.ingest import read_articles
from eventwire.options import Options

VOA = Path(__file__).resolve().parents[2] / "shared" / "data" / "voa" / "voa_stories.jsonl"


class PeakMemory:
    """Samples the peak resident memory (VmHWM) of processes picked by ``which``."""

    def __init__(self, which: Callable[[], list[int]]) -> None:
        self.which = which
        self.peaks: dict[int, int] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.wait(0.25):
            for pid in self.which():
                try:
                    status = Path(f"/proc/{pid}/status").read_text()
                except OSError:
                    continue
                for line in status.splitlines():
                    if line.startswith("VmHWM:"):
                        kb = int(line.split()[1])
                        self.peaks[pid] = max(self.peaks.get(pid, 0), kb)

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def max_mb(self) -> float:
        return max(self.peaks.values(), default=0) / 1024


def _children() -> list[int]:
    import multiprocessing

    return [p.pid for p in multiprocessing.active_children() if p.pid]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--workers", type=int, default=default_workers())
    parser.add_argument("--skip-ray", action="store_true")
    args = parser.parse_args()
    if not VOA.exists():
        print(f"corpus not found: {VOA} (is ../shared beside the repository?)")
        return 2
    stories = [json.loads(line) for line in VOA.open(encoding="utf-8")]
    repeat = -(-args.articles // len(stories))
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "voa_repeated.jsonl"
        with corpus.open("w", encoding="utf-8") as out:
            for r in range(repeat):
                for story in stories:
                    out.write(json.dumps({**story, "id": f"{story.get('id', '')}-{r}"}) + "\n")
        return _measure(corpus, len(stories) * repeat, args)


def _measure(corpus: Path, n: int, args: argparse.Namespace) -> int:
    options = Options()
    texts = [a.text for a in read_articles([corpus], options)]
    nlp = nlp_mod.load(options.model)
    list(nlp.pipe(texts[:16]))  # warm up
    rows: list[tuple[str, float, float]] = []

    start = time.perf_counter()
    tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=options.batch_size))
    rows.append(("(a) bare spaCy nlp.pipe, 1 process", time.perf_counter() - start, 0.0))

    one = LocalEngine(options, workers=1)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    start = time.perf_counter()
    done = sum(1 for _ in one.code(read_articles([corpus], options), nlp))
    rows.append(("(b) eventwire, 1 worker", time.perf_counter() - start,
                 max(before, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)))
    assert done == n

    def pooled(name: str, engine: Any, workers: Callable[[], list[int]]) -> None:
        """Time ``engine`` over the corpus, sampling its workers' peak memory."""
        with PeakMemory(workers) as peak:
            start = time.perf_counter()
            done = sum(1 for _ in engine.code(read_articles([corpus], options)))
            elapsed = time.perf_counter() - start
        rows.append((name, elapsed, peak.max_mb()))
        assert done == n

    pooled(f"(c) eventwire local, {args.workers} workers",
           LocalEngine(options, workers=args.workers), _children)
    if not args.skip_ray:
        from eventwire.engines.ray import RayEngine, coder_pids

        pooled(f"(d) eventwire on local Ray, {args.workers} actors",
               RayEngine(options, workers=args.workers, window=n), coder_pids)

    print(f"\ncorpus: VOA stories repeated to {n:,} articles, {tokens:,} tokens; "
          f"{os.cpu_count()} cores, {args.workers} workers; one run")
    print(f"{'pass':<40}{'seconds':>9}{'docs/s':>9}{'tokens/s':>10}{'peak RSS/worker':>17}")
    for name, secs, mb in rows:
        rss = f"{mb:,.0f} MB" if mb else "-"
        print(f"{name:<40}{secs:>9.1f}{n / secs:>9.2f}{tokens / secs:>10,.0f}{rss:>17}")
    rate = {name[:3]: n / secs for name, secs, _ in rows}
    print(f"b/a = {rate['(b)'] / rate['(a)']:.3f}   (target >= 0.8)")
    print(f"c/b = {rate['(c)'] / rate['(b)']:.3f}   (target >= 1.7 on 2 cores)")
    if "(d)" in rate:
        print(f"d/c = {rate['(d)'] / rate['(c)']:.3f}   (target >= 0.9)")
    print("(b)'s memory is the whole process's peak, the model and the bare pass included")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
