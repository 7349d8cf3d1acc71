"""The DuckDB event store: one file (``eventwire.duckdb`` by default), six tables.

Writing is idempotent on (article id, pipeline version): an article already stored under the
current pipeline version is not written again, except that one stored with status "error" is
replaced, so a re-run retries what failed. Each batch is written in one transaction.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any

import duckdb

from eventwire.errors import StoreError
from eventwire.records import ArticleResult
from eventwire.store.schema import arrow_table, from_row, tables
from eventwire.version import PIPELINE_VERSION

__all__ = ["Store", "WriteReport", "append_columns", "open_store"]

DEFAULT_DB = "eventwire.duckdb"
_CHILDREN = ("events", "quotes", "mentions", "places", "times")
def append_columns(con: duckdb.DuckDBPyConnection, table: str, names: Sequence[str],
                   columns: Sequence[Sequence[Any]]) -> None:
    """Insert column lists into ``table`` through an Arrow table that DuckDB scans in one
    statement: orders of magnitude faster than binding a parameter per value. Arrow infers
    each column's type; the INSERT casts to the table's."""
    import pyarrow as pa

    with _no_gc():  # millions of short-lived values: collection passes cost more than the work
        arrays = [pa.array(c) for c in columns]
    batch = pa.Table.from_arrays(arrays, names=[f"c{i}" for i in range(len(names))])
    quoted = ", ".join(f'"{n}"' for n in names)
    con.register("_eventwire_rows", batch)
    try:
        con.execute(f"INSERT INTO {table} ({quoted}) SELECT * FROM _eventwire_rows")
    finally:
        con.unregister("_eventwire_rows")


@contextmanager
def _no_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector (re-enabling it only if it was on)."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


@dataclass(frozen=True)
class WriteReport:
    written: int = 0
    already_stored: int = 0

    def __add__(self, other: WriteReport) -> WriteReport:
        return WriteReport(self.written + other.written, self.already_stored + other.already_stored)


def open_store(path: str | Path = DEFAULT_DB, read_only: bool = False) -> Store:
    """Open (creating if needed) the store at ``path``; ``":memory:"`` for a throwaway one."""
    path = str(path)
    if read_only and path != ":memory:" and not Path(path).exists():
        raise StoreError(f"no store at {path}; create one with `eventwire ingest PATH --db {path}`")
    try:
        con = duckdb.connect(path, read_only=read_only)
    except duckdb.Error as exc:
        raise StoreError(f"cannot open the store {path}: {exc}") from exc
    store = Store(con, path)
    if not read_only:
        store.create_schema()
    return store


class Store:
    """A connection to the store. Use as a context manager, or call ``close``."""

    def __init__(self, con: duckdb.DuckDBPyConnection, path: str) -> None:
        self.con = con
        self.path = path

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        self.con.close()

    def create_schema(self) -> None:
        """Create the tables, and add the columns a newer record contract brought to a store
        made by an older eventwire (they read as null for the articles stored before)."""
        for table in tables().values():
            self.con.execute(table.ddl())
            have = {r[0] for r in self.con.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_name = ?",
                [table.name]).fetchall()}
            for col in table.columns:
                if col.name not in have:
                    self.con.execute(f'ALTER TABLE {table.name} ADD COLUMN "{col.name}" {col.sql_type}')

    # -- writing ---------------------------------------------------------------------------

    def write(self, results: Iterable[ArticleResult], batch_size: int = 256,
              before_commit: Callable[[list[ArticleResult]], None] | None = None) -> WriteReport:
        """Store ``results`` in transactions of ``batch_size`` articles. ``before_commit``
        gets each batch's new results inside its transaction (an error there rolls it back)."""
        report = WriteReport()
        batch: list[ArticleResult] = []
        for result in results:
            batch.append(result)
            if len(batch) >= batch_size:
                report += self.write_batch(batch, before_commit)
                batch = []
        if batch:
            report += self.write_batch(batch, before_commit)
        return report

    def write_batch(self, batch: Sequence[ArticleResult],
                    before_commit: Callable[[list[ArticleResult]], None] | None = None) -> WriteReport:
        """Store one batch in a single transaction; returns what was new and what was not."""
        unique: dict[tuple[str, str], ArticleResult] = {}
        for r in batch:
            unique.setdefault((r.article.id, r.pipeline_version), r)
        self.con.execute("BEGIN TRANSACTION")
        try:
            stored = self._stored_status(list(unique))
            retry = [k for k, status in stored.items() if status == "error"]
            for key in retry:
                self._delete(*key)
            fresh = [r for k, r in unique.items() if k not in stored or k in retry]
            self._insert(fresh)
            if before_commit is not None:
                before_commit(fresh)
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        return WriteReport(len(fresh), len(batch) - len(fresh))

    def _stored_status(self, keys: list[tuple[str, str]]) -> dict[tuple[str, str], str]:
        if not keys:
            return {}
        rows = self.con.execute(
            "SELECT a.id, a.pipeline_version, a.status FROM articles a "
            "JOIN (SELECT unnest(?) AS id, unnest(?) AS v) k "
            "ON a.id = k.id AND a.pipeline_version = k.v",
            [[k[0] for k in keys], [k[1] for k in keys]],
        ).fetchall()
        return {(r[0], r[1]): r[2] for r in rows}

    def stored_ids(
        self, ids: list[str], pipeline_version: str = PIPELINE_VERSION, include_errors: bool = True
    ) -> set[str]:
        """Which of ``ids`` are stored under ``pipeline_version`` (optionally not as errors)."""
        stored = self._stored_status([(i, pipeline_version) for i in ids])
        return {k[0] for k, status in stored.items() if include_errors or status != "error"}

    def _delete(self, article_id: str, version: str) -> None:
        for name in _CHILDREN:
            self.con.execute(
                f"DELETE FROM {name} WHERE article_id = ? AND pipeline_version = ?",
                [article_id, version],
            )
        self.con.execute(
            "DELETE FROM articles WHERE id = ? AND pipeline_version = ?", [article_id, version]
        )

    def _insert(self, results: list[ArticleResult]) -> None:
        if not results:
            return
        with _no_gc():
            self._insert_all(results)

    def _insert_all(self, results: list[ArticleResult]) -> None:
        import pyarrow as pa

        articles = arrow_table("articles", [r.article for r in results])
        versions = pa.array([r.pipeline_version for r in results], pa.string())
        self._append("articles", articles.append_column("pipeline_version", versions))
        ids = pa.array([r.article.id for r in results], pa.string())
        for name in _CHILDREN:
            counts = [len(getattr(r, name)) for r in results]
            records = [rec for r in results for rec in getattr(r, name)]
            if not records:
                continue
            # each record's article as an index into the batch, and its position in the article
            owner = pa.array([i for i, c in enumerate(counts) for _ in range(c)], pa.int32())
            n = pa.array([k for c in counts for k in range(c)], pa.int32())
            table = arrow_table(name, records)
            for position, (column, values) in enumerate(
                    (("article_id", ids.take(owner)), ("pipeline_version", versions.take(owner)),
                     ("n", n))):
                table = table.add_column(position, column, values)
            self._append(name, table)

    def _append(self, table: str, rows: Any) -> None:
        """Insert an Arrow table whose column names are columns of ``table``."""
        quoted = ", ".join(f'"{n}"' for n in rows.column_names)
        self.con.register("_eventwire_rows", rows)
        try:
            self.con.execute(f"INSERT INTO {table} ({quoted}) SELECT {quoted} FROM _eventwire_rows")
        finally:
            self.con.unregister("_eventwire_rows")

    # -- reading ---------------------------------------------------------------------------

    def get(self, article_id: str, pipeline_version: str = PIPELINE_VERSION) -> ArticleResult | None:
        """The stored result for one article, or ``None``."""
        t = tables()
        row = self._fetch_dicts(
            "SELECT * FROM articles WHERE id = ? AND pipeline_version = ?",
            [article_id, pipeline_version],
        )
        if not row:
            return None
        parts: dict[str, tuple[Any, ...]] = {}
        for name in _CHILDREN:
            rows = self._fetch_dicts(
                f"SELECT * FROM {name} WHERE article_id = ? AND pipeline_version = ? ORDER BY n",
                [article_id, pipeline_version],
            )
            parts[name] = tuple(from_row(t[name], r) for r in rows)
        return ArticleResult(from_row(t["articles"], row[0]), pipeline_version, **parts)

    def _fetch_dicts(self, sql: str, params: list[Any]) -> list[dict[str, Any]]:
        cur = self.con.execute(sql, params)
        names = [d[0] for d in cur.description or ()]
        return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]

    def stats(self) -> dict[str, Any]:
        """Counts a user wants first: articles by status and reason, records per table."""
        q = self.con.execute
        by_status = dict(q("SELECT status, count(*) FROM articles GROUP BY 1 ORDER BY 1").fetchall())
        reasons = q(
            "SELECT status, reason, count(*) FROM articles WHERE status <> 'ok' "
            "GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2"
        ).fetchall()
        counts = {name: q(f"SELECT count(*) FROM {name}").fetchone()[0]  # type: ignore[index]
                  for name in ("articles", *_CHILDREN)}
        span = q("SELECT min(published), max(published) FROM articles").fetchone()
        versions = [r[0] for r in q(
            "SELECT DISTINCT pipeline_version FROM articles ORDER BY 1").fetchall()]
        return {
            "path": self.path,
            "records": counts,
            "articles_by_status": {s: by_status.get(s, 0) for s in ("ok", "skipped", "error")},
            "not_ok_reasons": [{"status": s, "reason": r, "count": c} for s, r, c in reasons],
            "published_from": span[0].isoformat() if span and span[0] else None,
            "published_to": span[1].isoformat() if span and span[1] else None,
            "pipeline_versions": versions,
        }
