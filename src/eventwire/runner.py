"""Ingest: read articles, code the ones the store does not have yet, write the results.

Articles already stored under the current pipeline version are recognised by id before any
parsing, so re-running an ingest (or resuming an interrupted one) costs only the reading.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from eventwire.engines import Engine, LocalEngine
from eventwire.options import Options
from eventwire.records import Article, ArticleResult
from eventwire.store import Store
from eventwire.store.dedup import DedupReport, update_clusters
from eventwire.store.partitions import PartitionWriter
from eventwire.version import PIPELINE_VERSION

if TYPE_CHECKING:
    from spacy.language import Language

# Articles looked up in the store at a time.
_LOOKUP_BATCH = 256


@dataclass
class IngestReport:
    """What an ingest did: statuses of the articles it coded, and what it left alone."""

    coded: dict[str, int] = field(default_factory=lambda: {"ok": 0, "skipped": 0, "error": 0})
    written: int = 0
    already_stored: int = 0
    clustered: DedupReport | None = None
    parquet_files: list[str] = field(default_factory=list)

    @property
    def read(self) -> int:
        return sum(self.coded.values()) + self.already_stored


def ingest(
    articles: Iterable[Article],
    store: Store,
    options: Options | None = None,
    nlp: Language | None = None,
    on_result: Callable[[ArticleResult], None] | None = None,
    engine: Engine | None = None,
    parquet_out: str | None = None,
) -> IngestReport:
    """Code and store every article the store does not already hold: with ``engine`` if
    given, else in a local pool of ``options.workers`` processes (this process when 1).

    With ``parquet_out`` (a folder or URL) each stored batch's events are also written as a
    Parquet file there, before the batch commits: a file's articles are in the store, and an
    article in the store has its events in a file (a crash between the two can at worst
    repeat one batch's file)."""
    options = options or Options()
    report = IngestReport()
    fresh = _not_stored(articles, store, report)
    engine = engine or LocalEngine(options, options.workers)
    results = engine.code(fresh, nlp)

    def counted() -> Iterator[ArticleResult]:
        for result in results:
            report.coded[result.status] += 1
            if on_result is not None:
                on_result(result)
            yield result

    sink = PartitionWriter(parquet_out) if parquet_out else None

    def to_parquet(batch: list[ArticleResult]) -> None:
        if sink is not None:
            for result in batch:
                sink.add(result)
            sink.flush()

    # bigger transactions when each one also writes a Parquet file
    batch_size = options.batch_size * (64 if sink else 4)
    written = store.write(counted(), batch_size=batch_size, before_commit=to_parquet)
    report.parquet_files = sink.files if sink else []
    report.written = written.written
    report.already_stored += written.already_stored
    # the new events join the clusters of the events already stored (docs: store/dedup.py)
    report.clustered = update_clusters(store, PIPELINE_VERSION)
    return report


def _not_stored(articles: Iterable[Article], store: Store, report: IngestReport) -> Iterator[Article]:
    it = iter(articles)
    while chunk := list(itertools.islice(it, _LOOKUP_BATCH)):
        done = store.stored_ids([a.id for a in chunk], PIPELINE_VERSION, include_errors=False)
        for article in chunk:
            if article.id in done:
                report.already_stored += 1
            else:
                yield article
