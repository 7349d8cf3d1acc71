"""Parquet partitions of coded events, written as an ingest goes: ``events-00000.parquet``,
``events-00001.parquet``... in a local folder or at a URL fsspec knows (s3://bucket/events/).
Each file holds the events table's columns (see the README) plus ``article_id``, ``n``,
``pipeline_version`` and the article's ``published`` and ``source``. Files are written whole,
so a reader never sees half a file."""

from __future__ import annotations

import os
from typing import Any

from eventwire.records import ArticleResult
from eventwire.store.schema import arrow_table

# Events per file.
ROWS_PER_FILE = 200_000


class PartitionWriter:
    """Collects results' events and writes a Parquet file every ``rows_per_file`` events
    (and the rest on ``close``)."""

    def __init__(self, out: str, rows_per_file: int = ROWS_PER_FILE) -> None:
        self.out = out.rstrip("/")
        self.rows_per_file = rows_per_file
        self.files: list[str] = []
        self._results: list[ArticleResult] = []
        self._events = 0
        self._fs, self._root = _filesystem(self.out)
        self._fs.makedirs(self._root, exist_ok=True)
        taken = [f for f in self._fs.ls(self._root, detail=False)
                 if os.path.basename(f).startswith("events-")]
        self._next = len(taken)  # a resumed run adds files after the ones already there

    def add(self, result: ArticleResult) -> None:
        if result.events:
            self._results.append(result)
            self._events += len(result.events)
            if self._events >= self.rows_per_file:
                self.flush()

    def flush(self) -> None:
        if not self._results:
            return
        import pyarrow as pa
        import pyarrow.parquet as pq

        results = self._results
        table = arrow_table("events", [e for r in results for e in r.events])
        extra: dict[str, Any] = {
            "article_id": pa.array([r.article.id for r in results for _ in r.events], pa.string()),
            "n": pa.array([n for r in results for n in range(len(r.events))], pa.int32()),
            "pipeline_version": pa.array([r.pipeline_version for r in results for _ in r.events],
                                         pa.string()),
            "published": pa.array([r.article.published for r in results for _ in r.events],
                                  pa.date32()),
            "article_source": pa.array([r.article.source for r in results for _ in r.events],
                                       pa.string()),
        }
        for i, (name, values) in enumerate(extra.items()):
            table = table.add_column(i, name, values)
        path = f"{self._root}/events-{self._next:05d}.parquet"
        with self._fs.open(path + ".partial", "wb") as fh:
            pq.write_table(table, fh, compression="zstd")
        self._fs.mv(path + ".partial", path)
        self.files.append(path)
        self._next += 1
        self._results, self._events = [], 0

    def close(self) -> None:
        self.flush()


def _filesystem(out: str) -> tuple[Any, str]:
    from eventwire.ingest import _fsspec, _is_url

    if _is_url(out):
        fs, _, (root,) = _fsspec().get_fs_token_paths(out)
        return fs, root
    from fsspec.implementations.local import LocalFileSystem

    return LocalFileSystem(), os.path.abspath(out)
