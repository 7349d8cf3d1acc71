"""The DuckDB event store: one file (``eventwire.duckdb`` by default), six tables.

Writing is idempotent on (article id, pipeline version): an article already stored under the
current pipeline version is not written again, except that one stored with status "error" is
replaced, so a re-run retries what failed. Each batch is written in one transaction.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any

import duckdb

from eventwire.errors import StoreError
from eventwire.records import ArticleResult
from eventwire.store.schema import Table, from_row, tables, to_row
from eventwire.version import PIPELINE_VERSION

__all__ = ["Store", "WriteReport", "open_store"]

DEFAULT_DB = "eventwire.duckdb"
_CHILDREN = ("events", "quotes", "mentions", "places", "times")
# Values bound in one INSERT statement.
_MAX_PARAMS = 20_000


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

    def write(self, results: Iterable[ArticleResult], batch_size: int = 256) -> WriteReport:
        """Store ``results`` in transactions of ``batch_size`` articles."""
        report = WriteReport()
        batch: list[ArticleResult] = []
        for result in results:
            batch.append(result)
            if len(batch) >= batch_size:
                report += self.write_batch(batch)
                batch = []
        if batch:
            report += self.write_batch(batch)
        return report

    def write_batch(self, batch: Sequence[ArticleResult]) -> WriteReport:
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
        t = tables()
        articles = t["articles"]
        self._insert_rows(
            articles,
            ["id", "pipeline_version", *(c.name for c in articles.columns if c.name != "id")],
            [[r.article.id, r.pipeline_version,
              *(v for c, v in zip(articles.columns, to_row(articles, r.article), strict=True)
                if c.name != "id")]
             for r in results],
        )
        for name in _CHILDREN:
            table = t[name]
            rows = [
                [r.article.id, r.pipeline_version, n, *to_row(table, rec)]
                for r in results
                for n, rec in enumerate(getattr(r, name))
            ]
            self._insert_rows(table, ["article_id", "pipeline_version", "n",
                                      *(c.name for c in table.columns)], rows)

    def _insert_rows(self, table: Table, names: list[str], rows: list[list[Any]]) -> None:
        """Insert with one multi-row statement per chunk: far faster than ``executemany``,
        which DuckDB runs as one statement per row."""
        if not rows:
            return
        one = "(" + ", ".join("?" for _ in names) + ")"
        quoted = ", ".join(f'"{n}"' for n in names)
        per_statement = max(1, _MAX_PARAMS // len(names))
        for i in range(0, len(rows), per_statement):
            chunk = rows[i:i + per_statement]
            params = [value for row in chunk for value in row]
            self.con.execute(
                f"INSERT INTO {table.name} ({quoted}) VALUES {', '.join([one] * len(chunk))}",
                params,
            )

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
