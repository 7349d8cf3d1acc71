"""The event store at scale, measured in one run on synthetic records:

- bulk insert of N event records (default 1,000,000, in articles of 10 events) through
  ``Store.write``: records/s;
- on that store: a dyad trend (USA:RUS by month) and a filtered events query (actor, type,
  date range, first page and total count): ms, best of 5;
- deduplication of the first 100,000 records into clusters: records/s.

Usage: python benchmarks/bench_store.py [--events N] [--dedup N] [--db PATH]
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from eventwire.analytics import trend
from eventwire.records import (
    ActorRef,
    Article,
    ArticleResult,
    Cameo,
    Event,
    EventDate,
    Location,
    Modality,
    Plover,
    Span,
)
from eventwire.store import open_store
from eventwire.store.dedup import update_clusters
from eventwire.store.query import EventFilter, count_events, find_events
from eventwire.version import PIPELINE_VERSION

ACTORS = ["USAGOV", "USAMIL", "RUSGOV", "RUSMIL", "UKRGOV", "UKRMIL", "UKRCVL", "SYRMIL", "ISRMIL",
          "PSECVL", "CHNGOV", "IRNGOV", "IGOUNO", "SDNMIL", "SDNREB", "YEMREB"]
TYPES = [("190", "ASSAULT", -10.0, 4), ("195", "ASSAULT", -10.0, 4), ("112", "ACCUSE", -2.0, 3),
         ("036", "CONSULT", 4.0, 1), ("145", "PROTEST", -7.5, 4), ("173", "COERCE", -5.0, 4),
         ("042", "CONSULT", 1.9, 1), ("163", "SANCTION", -8.0, 4), ("057", "AGREE", 8.0, 1)]
PLACES = [Location("Kharkiv", "Kharkiv", 706483, "UKR", 49.98081, 36.25272),
          Location("Sumy", "Sumy", 692194, "UKR", 50.9216, 34.80029),
          Location("Geneva", "Geneva", 2660646, "CHE", 46.20222, 6.14569),
          Location("Deir ez-Zor", "Deir ez-Zor", 170794, "SYR", 35.33588, 40.14084), None, None]


def synthetic(n_events: int, per_article: int = 10, seed: int = 7) -> list[ArticleResult]:
    """Articles of ``per_article`` events over five years, from shared parts (building a million
    distinct nested records would measure Python allocation, not the store)."""
    rng = random.Random(seed)
    refs = {code: ActorRef(code, 0, 6, code, code[:3], code[3:] or None, code) for code in ACTORS}
    cameos = [(Cameo(c, c[:2], g, q), Plover(p)) for c, p, g, q in TYPES]
    days = [date(2020, 1, 1) + timedelta(days=i) for i in range(1827)]
    dates = [EventDate(d.isoformat(), "day", None) for d in days]
    evidence, trigger, modality = Span("A sentence.", 0, 11), Span("struck", 2, 8), Modality()
    results = []
    for a in range(n_events // per_article):
        article_id = f"syn{a:08d}"
        day = rng.randrange(len(days))
        events = []
        for i in range(per_article):
            cameo, plover = cameos[rng.randrange(len(cameos))]
            events.append(Event(f"{article_id}:{i}", i, evidence, trigger, cameo, plover,
                                refs[ACTORS[rng.randrange(len(ACTORS))]],
                                refs[ACTORS[rng.randrange(len(ACTORS))]],
                                dates[max(0, day - rng.randrange(3))],
                                PLACES[rng.randrange(len(PLACES))], modality=modality,
                                confidence=0.9))
        results.append(ArticleResult(Article(article_id, "text", source=f"Outlet {a % 40}",
                                             published=days[day]), PIPELINE_VERSION,
                                     events=tuple(events)))
    return results


def best_ms(fn, rounds: int = 5) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return min(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--dedup", type=int, default=100_000)
    parser.add_argument("--db", type=Path, help="store file (default: a temporary one)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or Path(tmp) / "bench.duckdb"
        results = synthetic(args.events)
        n = sum(len(r.events) for r in results)
        with open_store(db) as store:
            start = time.perf_counter()
            store.write(results, batch_size=30_000)  # a bulk load: large transactions
            insert_s = time.perf_counter() - start
            flt = EventFilter(actor="RUS", type="ASSAULT", since=date(2022, 1, 1),
                              until=date(2022, 12, 31))
            trend_ms = best_ms(lambda: trend(store, ("USA", "RUS"), "month"))
            page_ms = best_ms(lambda: find_events(store, flt, limit=100))
            count_ms = best_ms(lambda: count_events(store, flt))
        dedup_db = Path(tmp) / "dedup.duckdb"
        subset = synthetic(args.dedup, seed=11)
        with open_store(dedup_db) as store:
            store.write(subset, batch_size=30_000)
            start = time.perf_counter()
            report = update_clusters(store)
            dedup_s = time.perf_counter() - start
    print(f"{'measure':<44}{'value':>14}")
    print(f"{'insert ' + format(n, ',') + ' event records':<44}{n / insert_s:>11,.0f} /s"
          f"   ({insert_s:.1f} s)")
    print(f"{'dyad trend USA:RUS by month':<44}{trend_ms:>11.1f} ms")
    print(f"{'events query: first page of 100':<44}{page_ms:>11.1f} ms")
    print(f"{'events query: count of matches':<44}{count_ms:>11.1f} ms")
    print(f"{'dedup ' + format(report.events, ',') + ' records':<44}{report.events / dedup_s:>11,.0f} /s"
          f"   ({dedup_s:.1f} s, {report.clusters_new:,} clusters)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
