"""Cross-article deduplication: one row per real-world event, however many stories report it.

Two event records report the same event when (``same_event``):

- they have the same PLOVER type (the same CAMEO root for statements and appeals, which have
  no PLOVER type);
- their sources are compatible, and so are their targets: equal, one a refinement of the other
  (``RUS`` and ``RUSMIL``; ``MIL`` and ``RUSMIL``), or one unknown; for meetings and visits
  (PLOVER CONSULT) the two sides may be swapped;
- their dates fit together at the coarser of the two precisions: days at most one day apart,
  two when a date only stands in for the publication day (a report is often a day late), the
  same week, month or year;
- their places are within 50 km, or the same country when one is known only by country, or
  one is unknown.

Clustering is incremental and leader-based: each event not yet clustered joins the first
cluster whose representative it matches (candidates are the clusters of its type within a
month of its day), else founds a cluster of its own. Ingesting new articles therefore only
compares the new events with existing clusters; nothing already clustered is recomputed. A
cluster's representative is its best-evidenced member: the highest confidence, then the most
specific codes, then the most precise date.

Tables: ``event_clusters`` (one row per cluster: type, codes, day, place, counts of mentions,
articles and outlets, first and last seen, the representative event) and
``event_cluster_members`` (event id -> cluster id).
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from eventwire.store import Store, append_columns
from eventwire.store.query import EVENT_DAY, newest_version

# How far apart (km) two located reports of one event may be.
MAX_KM = 50.0
# Clusters loaded from the store for new events: those dated within this many days of them
# (a month-precise cluster may take any day of its month).
_WINDOW = 31

DDL = (
    """CREATE TABLE IF NOT EXISTS event_clusters (
        cluster_id VARCHAR NOT NULL, pipeline_version VARCHAR NOT NULL,
        plover_type VARCHAR, cameo_root VARCHAR, cameo_code VARCHAR,
        source_code VARCHAR, target_code VARCHAR, day DATE, date_precision VARCHAR,
        location_name VARCHAR, location_country VARCHAR, location_lat DOUBLE, location_lon DOUBLE,
        num_mentions INTEGER, num_articles INTEGER, num_sources INTEGER,
        first_seen DATE, last_seen DATE, representative_event_id VARCHAR,
        PRIMARY KEY (cluster_id, pipeline_version))""",
    """CREATE TABLE IF NOT EXISTS event_cluster_members (
        event_id VARCHAR NOT NULL, pipeline_version VARCHAR NOT NULL, cluster_id VARCHAR NOT NULL,
        PRIMARY KEY (event_id, pipeline_version))""",
)

# Event types whose two sides take part alike: the roles may be swapped between reports.
_MUTUAL = frozenset({"CONSULT"})
_PRECISION_RANK = {"day": 0, "published": 1, "week": 2, "month": 3, "year": 4}


@dataclass
class Record:
    """What deduplication reads of one event."""

    event_id: str
    plover_type: str | None
    cameo_code: str
    source_code: str | None
    target_code: str | None
    day: date | None
    date_precision: str | None
    location_name: str | None = None
    location_country: str | None = None
    location_lat: float | None = None
    location_lon: float | None = None
    confidence: float = 0.0
    article_id: str = ""
    outlet: str | None = None
    published: date | None = None

    kind: str = field(init=False)
    rank: int = field(init=False)  # date precision, finest first (see _PRECISION_RANK)

    def __post_init__(self) -> None:
        self.kind = self.plover_type or f"CAMEO{self.cameo_code[:2]}"
        self.rank = _PRECISION_RANK.get(self.date_precision or "published", 1)


def _codes_fit(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return True
    return a.startswith(b) or b.startswith(a) or a.endswith(b) or b.endswith(a)


def _window(a: Record, b: Record) -> bool:
    if a.day is None or b.day is None:
        return True
    coarse = max(a.rank, b.rank)
    gap = abs((a.day - b.day).days)
    if coarse == 0:  # day
        return gap <= 1
    if coarse == 1:  # the publication day standing in
        return gap <= 2
    if coarse == 2:  # week
        return a.day - timedelta(days=a.day.weekday()) == b.day - timedelta(days=b.day.weekday())
    if coarse == 3:  # month
        return (a.day.year, a.day.month) == (b.day.year, b.day.month)
    return a.day.year == b.day.year


def km_between(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def _places_fit(a: Record, b: Record) -> bool:
    if a.location_name is None or b.location_name is None:
        return True
    if a.location_lat is not None and b.location_lat is not None \
            and a.location_lon is not None and b.location_lon is not None:
        return km_between(a.location_lat, a.location_lon, b.location_lat, b.location_lon) <= MAX_KM
    return a.location_country is None or b.location_country is None \
        or a.location_country == b.location_country


def same_event(a: Record, b: Record) -> bool:
    """Whether two records report one real-world event (see the module docstring)."""
    if a.kind != b.kind:
        return False
    fit = _codes_fit(a.source_code, b.source_code) and _codes_fit(a.target_code, b.target_code)
    # a meeting or a visit seen from the other side ("X met Y" / "Y hosted X") is one event
    if not fit and not (a.kind in _MUTUAL and _codes_fit(a.source_code, b.target_code)
                        and _codes_fit(a.target_code, b.source_code)):
        return False
    return _window(a, b) and _places_fit(a, b)


def _better(a: Record, b: Record) -> bool:
    """Whether ``a`` is better evidenced than ``b``."""
    def key(r: Record) -> tuple[float, int, int]:
        return (r.confidence, len(r.source_code or "") + len(r.target_code or ""), -r.rank)
    return key(a) > key(b)


@dataclass
class Cluster:
    cluster_id: str
    representative: Record
    members: list[str] = field(default_factory=list)
    articles: set[str] = field(default_factory=set)
    outlets: set[str] = field(default_factory=set)
    first_seen: date | None = None
    last_seen: date | None = None
    changed: bool = False

    def add(self, r: Record) -> None:
        self.members.append(r.event_id)
        self.articles.add(r.article_id)
        if r.outlet:
            self.outlets.add(r.outlet)
        if r.published is not None:
            self.first_seen = min(self.first_seen or r.published, r.published)
            self.last_seen = max(self.last_seen or r.published, r.published)
        if _better(r, self.representative):
            self.representative = r
        self.changed = True


@dataclass(frozen=True)
class DedupReport:
    events: int  # newly clustered
    clusters_new: int
    clusters_grown: int


def create_tables(store: Store) -> None:
    for ddl in DDL:
        store.con.execute(ddl)


def update_clusters(store: Store, pipeline_version: str | None = None,
                    rebuild: bool = False) -> DedupReport:
    """Cluster the events not yet in a cluster (all of them the first time, or with
    ``rebuild``, after forgetting the clusters made before)."""
    create_tables(store)
    version = pipeline_version or newest_version(store)
    if version is None:
        return DedupReport(0, 0, 0)
    if rebuild:
        for table in ("event_clusters", "event_cluster_members"):
            store.con.execute(f"DELETE FROM {table} WHERE pipeline_version = ?", [version])
    new = _records(store, version, unclustered=True)
    if not new:
        return DedupReport(0, 0, 0)
    days = [r.day for r in new if r.day is not None]
    clusters = _load_clusters(store, version, min(days, default=None), max(days, default=None))
    index = _Index()
    for c in clusters:
        index.add(c)
    existing = {c.cluster_id for c in clusters}
    members: list[tuple[str, str]] = []
    for r in sorted(new, key=lambda r: (r.day or date.min, r.event_id)):
        home = next((c for c in index.candidates(r) if same_event(c.representative, r)), None)
        if home is None:
            home = Cluster(r.event_id, r)
            index.add(home)
        home.add(r)
        members.append((r.event_id, home.cluster_id))
    changed = [c for c in index.all() if c.changed]
    _save(store, version, changed, members)
    return DedupReport(len(new), sum(c.cluster_id not in existing for c in changed),
                       sum(c.cluster_id in existing for c in changed))


class _Index:
    """Clusters by type and by when their representative happened, so a new event is
    compared only with the clusters it could belong to: those of its type dated within two
    days of it, in its week, month or year when that is all a date says, or undated."""

    def __init__(self) -> None:
        self.buckets: dict[tuple[str, str, Any], list[Cluster]] = defaultdict(list)
        self.order: list[Cluster] = []

    @staticmethod
    def _key(r: Record) -> tuple[str, Any]:
        if r.day is None:
            return ("none", None)
        p = r.date_precision or "published"
        if p in ("day", "published"):
            return ("day", r.day)
        if p == "week":
            return ("week", r.day - timedelta(days=r.day.weekday()))
        if p == "month":
            return ("month", (r.day.year, r.day.month))
        return ("year", r.day.year)

    def add(self, c: Cluster) -> None:
        scale, key = self._key(c.representative)
        self.buckets[(c.representative.kind, scale, key)].append(c)
        self.order.append(c)

    def all(self) -> list[Cluster]:
        return self.order

    def candidates(self, r: Record) -> list[Cluster]:
        kind = r.kind
        scale = self._key(r)[0]
        keys: list[tuple[str, Any]] = [("none", None)]
        if r.day is None:
            keys += [(s, k) for (kd, s, k) in self.buckets if kd == kind]
        else:
            d = r.day
            if scale in ("day", "week"):
                span = 2 if scale == "day" else 6
                start = d - timedelta(days=d.weekday()) if scale == "week" else d
                keys += [("day", start + timedelta(days=i)) for i in range(-span, span + 1)]
            elif scale == "month":
                first = d.replace(day=1)
                keys += [("day", first + timedelta(days=i)) for i in range(31)
                         if (first + timedelta(days=i)).month == d.month]
            monday = d - timedelta(days=d.weekday())
            keys += [("week", monday + timedelta(weeks=i)) for i in (-1, 0, 1)]
            keys += [("month", (d.year, d.month)), ("year", d.year)]
            if scale == "year":
                keys += [(s, k) for (kd, s, k) in self.buckets if kd == kind and s != "year"
                         and k is not None and _year_of(s, k) == d.year]
        out: list[Cluster] = []
        for s, k in dict.fromkeys(keys):
            out.extend(self.buckets.get((kind, s, k), ()))
        return out


def _year_of(scale: str, key: Any) -> int:
    return int(key[0] if scale == "month" else key.year)


_SELECT = (f"SELECT e.event_id, e.plover_type, e.cameo_code, e.source_code, e.target_code, "
           f"({EVENT_DAY}) AS day, e.date_precision, e.location_name, e.location_country, "
           "e.location_lat, e.location_lon, e.confidence, e.article_id, a.source, a.published "
           "FROM events e JOIN articles a ON a.id = e.article_id "
           "AND a.pipeline_version = e.pipeline_version ")


def _records(store: Store, version: str, unclustered: bool) -> list[Record]:
    sql = _SELECT + "WHERE e.pipeline_version = ? AND NOT coalesce(e.modality_negated, false) " \
        "AND NOT coalesce(e.modality_hypothetical, false)"
    if unclustered:
        sql += (" AND NOT EXISTS (SELECT 1 FROM event_cluster_members m WHERE m.event_id = e.event_id"
                " AND m.pipeline_version = e.pipeline_version)")
    return [Record(*row) for row in store.con.execute(sql, [version]).fetchall()]


def _load_clusters(store: Store, version: str, lo: date | None, hi: date | None) -> list[Cluster]:
    """The clusters that may take the new events, with their members' articles and outlets."""
    sql = ("SELECT c.cluster_id, c.first_seen, c.last_seen, c.representative_event_id "
           "FROM event_clusters c WHERE c.pipeline_version = ?")
    params: list[Any] = [version]
    if lo is not None and hi is not None:
        sql += " AND (c.day IS NULL OR c.day BETWEEN ? AND ?)"
        params += [lo - timedelta(days=_WINDOW), hi + timedelta(days=_WINDOW)]
    rows = store.con.execute(sql, params).fetchall()
    if not rows:
        return []
    reps = {r.event_id: r for r in _records_by_id(store, version, [row[3] for row in rows])}
    info = _member_info(store, version, [row[0] for row in rows])
    out = []
    for cluster_id, first, last, rep in rows:
        members, articles, outlets = info.get(cluster_id, ([], set(), set()))
        out.append(Cluster(cluster_id, reps[rep], members, articles, outlets, first, last))
    return out


def _records_by_id(store: Store, version: str, ids: list[str]) -> list[Record]:
    sql = _SELECT + "WHERE e.pipeline_version = ? AND e.event_id IN (SELECT unnest(?))"
    return [Record(*row) for row in store.con.execute(sql, [version, ids]).fetchall()]


def _member_info(store: Store, version: str, cluster_ids: list[str]
                 ) -> dict[str, tuple[list[str], set[str], set[str]]]:
    rows = store.con.execute(
        "SELECT m.cluster_id, m.event_id, e.article_id, a.source FROM event_cluster_members m "
        "JOIN events e ON e.event_id = m.event_id AND e.pipeline_version = m.pipeline_version "
        "JOIN articles a ON a.id = e.article_id AND a.pipeline_version = e.pipeline_version "
        "WHERE m.pipeline_version = ? AND m.cluster_id IN (SELECT unnest(?))",
        [version, cluster_ids]).fetchall()
    info: dict[str, tuple[list[str], set[str], set[str]]] = {}
    for cluster_id, event_id, article_id, outlet in rows:
        members, articles, outlets = info.setdefault(cluster_id, ([], set(), set()))
        members.append(event_id)
        articles.add(article_id)
        if outlet:
            outlets.add(outlet)
    return info


_CLUSTER_COLUMNS = ("cluster_id", "pipeline_version", "plover_type", "cameo_root", "cameo_code",
                    "source_code", "target_code", "day", "date_precision", "location_name",
                    "location_country", "location_lat", "location_lon", "num_mentions",
                    "num_articles", "num_sources", "first_seen", "last_seen",
                    "representative_event_id")


def _save(store: Store, version: str, changed: list[Cluster], members: list[tuple[str, str]]) -> None:
    con = store.con
    con.execute("BEGIN TRANSACTION")
    try:
        if changed:
            con.execute("DELETE FROM event_clusters WHERE pipeline_version = ? AND cluster_id IN "
                        "(SELECT unnest(?))", [version, [c.cluster_id for c in changed]])
            rows = []
            for c in changed:
                r = c.representative
                rows.append((c.cluster_id, version, r.plover_type, r.cameo_code[:2], r.cameo_code,
                             r.source_code, r.target_code, r.day, r.date_precision, r.location_name,
                             r.location_country, r.location_lat, r.location_lon, len(c.members),
                             len(c.articles), len(c.outlets), c.first_seen, c.last_seen, r.event_id))
            append_columns(con, "event_clusters", _CLUSTER_COLUMNS, list(zip(*rows, strict=True)))
        if members:
            append_columns(con, "event_cluster_members", ("event_id", "pipeline_version", "cluster_id"),
                           [[e for e, _ in members], [version] * len(members), [c for _, c in members]])
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
