"""Reading events back: the filters of ``eventwire events`` (and of the API), and read-only SQL.

Every filter value is a bound parameter; only column names, fixed in this module, are ever
written into SQL text. Actor codes match as prefixes, as CAMEO codes nest: ``RUS`` matches
``RUSGOV`` and ``RUSMIL``, ``--cameo 19`` every assault.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from eventwire.errors import InputError
from eventwire.store import Store

# The day an event's date stands for, whatever its precision (a month's first day...).
EVENT_DAY = """CASE e.date_precision
    WHEN 'month' THEN TRY_CAST(e.date_value || '-01' AS DATE)
    WHEN 'year' THEN TRY_CAST(e.date_value || '-01-01' AS DATE)
    ELSE TRY_CAST(e.date_value AS DATE) END"""

# Great-circle distance in km from (?, ?) to the event's location.
_DISTANCE = """2 * 6371.0 * asin(sqrt(
    pow(sin(radians(e.location_lat - ?) / 2), 2)
    + cos(radians(?)) * cos(radians(e.location_lat)) * pow(sin(radians(e.location_lon - ?) / 2), 2)))"""

# The columns ``events`` returns, in order: the event, then its article.
COLUMNS = ("event_id", "day", "date_value", "date_precision", "cameo_code", "plover_type",
           "source_code", "source_name", "target_code", "target_name", "trigger_text",
           "location_name", "location_country", "location_lat", "location_lon",
           "cameo_goldstein", "cameo_quad_class", "casualties_killed_count",
           "modality_negated", "modality_hypothetical", "modality_future",
           "modality_attributed_to", "confidence", "evidence_text", "article_id",
           "article_title", "article_url", "article_source", "published")


@dataclass(frozen=True)
class EventFilter:
    """What ``eventwire events`` selects; every field is optional."""

    actor: str | None = None  # source or target code prefix
    source: str | None = None
    target: str | None = None
    type: str | None = None  # PLOVER type
    cameo: str | None = None  # CAMEO code prefix
    since: date | None = None
    until: date | None = None
    country: str | None = None  # ISO3 of the event's location
    near: tuple[float, float, float] | None = None  # lat, lon, km
    include_negated: bool = False
    pipeline_version: str | None = None  # default: the newest one in the store

    def where(self) -> tuple[str, list[Any]]:
        """The WHERE clause (over ``events e`` joined to ``articles a``) and its parameters."""
        clauses: list[str] = []
        params: list[Any] = []
        if self.actor:
            clauses.append("(e.source_code LIKE ? OR e.target_code LIKE ?)")
            params += [self.actor.upper() + "%"] * 2
        for column, value in (("e.source_code", self.source), ("e.target_code", self.target),
                              ("e.cameo_code", self.cameo)):
            if value:
                clauses.append(f"{column} LIKE ?")
                params.append(value.upper() + "%")
        if self.type:
            clauses.append("e.plover_type = ?")
            params.append(self.type.upper())
        if self.since:
            clauses.append(f"({EVENT_DAY}) >= ?")
            params.append(self.since)
        if self.until:
            clauses.append(f"({EVENT_DAY}) <= ?")
            params.append(self.until)
        if self.country:
            clauses.append("e.location_country = ?")
            params.append(self.country.upper())
        if self.near:
            lat, lon, km = self.near
            clauses.append(f"e.location_lat IS NOT NULL AND {_DISTANCE} <= ?")
            params += [lat, lat, lon, km]
        if not self.include_negated:
            clauses.append("NOT coalesce(e.modality_negated, false)")
        return (" AND ".join(clauses) or "true"), params


def parse_near(text: str) -> tuple[float, float, float]:
    """ "LAT,LON,KM" -> numbers, with an error that says what is wrong."""
    parts = text.split(",")
    try:
        lat, lon, km = (float(p) for p in parts)
    except ValueError:
        raise InputError(f"--near takes LAT,LON,KM (e.g. 35.33,40.14,50), not {text!r}") from None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180 and km > 0):
        raise InputError(f"--near {text!r}: latitude -90..90, longitude -180..180, km above 0")
    return lat, lon, km


def newest_version(store: Store) -> str | None:
    """The pipeline version of the most recently ingested article."""
    row = store.con.execute(
        "SELECT pipeline_version FROM articles ORDER BY ingested_at DESC LIMIT 1").fetchone()
    return row[0] if row else None


# Columns of ``COLUMNS`` that come from the article, and where.
_FROM_ARTICLE = {"article_title": "a.title", "article_url": "a.url", "article_source": "a.source",
                 "published": "a.published"}


def find_events(store: Store, flt: EventFilter | None = None, limit: int | None = 100,
                offset: int = 0, sort: str = "day", descending: bool = True) -> list[dict[str, Any]]:
    """Events matching ``flt`` as dicts keyed by ``COLUMNS``, newest first unless ``sort``
    names another of the ``COLUMNS``.

    The page is cut from the events table alone and only its rows are joined to their
    articles (joining a million events first costs more than the whole query), unless the
    sort is by an article column."""
    flt = flt or EventFilter()
    if sort not in COLUMNS:
        raise InputError(f"cannot sort by {sort!r}; sort by one of: {', '.join(COLUMNS)}")
    events, params = _events(store, flt)
    direction = "DESC" if descending else "ASC"
    page = " LIMIT ? OFFSET ?" if limit is not None else ""
    page_params = [limit, offset] if limit is not None else []
    inner_order = f'"{sort}" {direction} NULLS LAST, article_id, n'
    outer_order = (f'{_FROM_ARTICLE.get(sort, "p." + sort)} {direction} NULLS LAST, '
                   "p.article_id, p.n")
    if sort not in _FROM_ARTICLE:
        events = f"{events} ORDER BY {inner_order}{page}"
        params += page_params
        page, page_params = "", []
    select = ", ".join(f"{_FROM_ARTICLE[c]} AS {c}" if c in _FROM_ARTICLE else f"p.{c}" for c in COLUMNS)
    sql = (f"SELECT {select} FROM ({events}) p JOIN articles a "
           "ON a.id = p.article_id AND a.pipeline_version = p.pipeline_version "
           f"ORDER BY {outer_order}{page}")
    cur = store.con.execute(sql, params + page_params)
    return [dict(zip(COLUMNS, row, strict=True)) for row in cur.fetchall()]


def count_events(store: Store, flt: EventFilter | None = None) -> int:
    """How many events match ``flt`` (every event has its article, so no join is needed)."""
    events, params = _events(store, flt or EventFilter())
    row = store.con.execute(f"SELECT count(*) FROM ({events})", params).fetchone()
    return int(row[0]) if row else 0


def _events(store: Store, flt: EventFilter) -> tuple[str, list[Any]]:
    """The matching events' own columns (with ``day``, ``n`` and the version to join on)."""
    where, params = flt.where()
    version = flt.pipeline_version or newest_version(store)
    own = [f"({EVENT_DAY}) AS day" if c == "day" else f"e.{c}"
           for c in COLUMNS if c not in _FROM_ARTICLE]
    sql = (f"SELECT {', '.join(own)}, e.n, e.pipeline_version FROM events e "
           f"WHERE e.pipeline_version = ? AND {where}")
    return sql, [version, *params]


def read_only_sql(path: str, sql: str, params: list[Any] | None = None
                  ) -> tuple[list[str], list[tuple[Any, ...]]]:
    """Run ``sql`` on a read-only connection to the store at ``path``: column names and rows.
    Statements that would write fail with DuckDB's own read-only error."""
    import duckdb

    from eventwire.errors import StoreError
    from eventwire.store import open_store

    with open_store(path, read_only=True) as store:
        try:
            cur = store.con.execute(sql, params or [])
        except duckdb.Error as exc:
            raise StoreError(f"the query failed: {exc}") from exc
        names = [d[0] for d in cur.description or ()]
        return names, cur.fetchall()
