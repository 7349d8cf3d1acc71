"""Analytics over the store: dyad trends, the actor network, events on a map.

Each function returns plain data (rows, nodes and edges, points) that the CLI prints, the API
serves and ``analytics.svg`` draws. All counts are over the newest pipeline version and leave
out negated and hypothetical events.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

from eventwire.errors import OptionError
from eventwire.store import Store
from eventwire.store.query import EVENT_DAY, newest_version

Period = Literal["day", "week", "month"]
QUADS = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict",
         4: "material conflict"}

_FACTUAL = ("NOT coalesce(e.modality_negated, false) "
            "AND NOT coalesce(e.modality_hypothetical, false)")


@dataclass(frozen=True)
class TrendRow:
    period: date
    counts: dict[int, int]  # quad class -> events
    goldstein_sum: float
    goldstein_mean: float

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def parse_dyad(text: str) -> tuple[str, str]:
    parts = text.upper().split(":")
    if len(parts) != 2 or not all(parts):
        raise OptionError(f"--dyad takes two actor codes as A:B (e.g. USA:RUS), not {text!r}")
    return parts[0], parts[1]


def date_range(since: date | None, until: date | None) -> tuple[str, list[Any]]:
    """The `` AND ...`` clauses (over ``events e``) that keep the events dated within the
    range, and their parameters."""
    clauses, params = [], []
    if since:
        clauses.append(f"({EVENT_DAY}) >= ?")
        params.append(since)
    if until:
        clauses.append(f"({EVENT_DAY}) <= ?")
        params.append(until)
    return "".join(f" AND {c}" for c in clauses), params


def trend(store: Store, dyad: tuple[str, str], by: Period = "month", directed: bool = False,
          since: date | None = None, until: date | None = None) -> list[TrendRow]:
    """Events between the two actors (either way unless ``directed``) per period: counts by
    quad class, summed and mean Goldstein scores."""
    if by not in ("day", "week", "month"):
        raise OptionError(f"--by takes day, week or month, not {by!r}")
    a, b = dyad
    pair = "(e.source_code LIKE ? AND e.target_code LIKE ?)"
    params: list[Any] = [f"{a}%", f"{b}%"]
    if not directed:
        pair = f"({pair} OR {pair})"
        params += [f"{b}%", f"{a}%"]
    extra, range_params = date_range(since, until)
    rows = store.con.execute(
        f"SELECT CAST(date_trunc('{by}', ({EVENT_DAY})) AS DATE) AS period, e.cameo_quad_class, count(*), "
        "sum(e.cameo_goldstein) FROM events e WHERE e.pipeline_version = ? "
        f"AND {_FACTUAL} AND {pair} AND ({EVENT_DAY}) IS NOT NULL{extra} "
        "GROUP BY 1, 2 ORDER BY 1, 2",
        [newest_version(store), *params, *range_params]).fetchall()
    periods: dict[date, dict[str, Any]] = {}
    for period, quad, n, gold in rows:
        p = periods.setdefault(period, {"counts": {q: 0 for q in QUADS}, "sum": 0.0})
        p["counts"][int(quad)] = int(n)
        p["sum"] += float(gold or 0)
    return [TrendRow(k, v["counts"], round(v["sum"], 2),
                     round(v["sum"] / max(1, sum(v["counts"].values())), 3))
            for k, v in sorted(periods.items())]


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    count: int
    goldstein_mean: float


def network(store: Store, since: date | None = None, until: date | None = None,
            min_count: int = 1, top: int = 40) -> tuple[list[tuple[str, int]], list[Edge]]:
    """Actors (with how many events they take part in) and the directed edges between them,
    weighted by event count and mean Goldstein score; the ``top`` busiest actors."""
    extra, params = date_range(since, until)
    rows = store.con.execute(
        "SELECT e.source_code, e.target_code, count(*), avg(e.cameo_goldstein) FROM events e "
        f"WHERE e.pipeline_version = ? AND {_FACTUAL} AND e.source_code IS NOT NULL "
        f"AND e.target_code IS NOT NULL AND e.source_code <> e.target_code{extra} "
        "GROUP BY 1, 2 HAVING count(*) >= ? ORDER BY 3 DESC, 1, 2",
        [newest_version(store), *params, min_count]).fetchall()
    degree: dict[str, int] = {}
    for s, t, n, _ in rows:
        degree[s] = degree.get(s, 0) + n
        degree[t] = degree.get(t, 0) + n
    nodes = sorted(degree.items(), key=lambda kv: (-kv[1], kv[0]))[:top]
    keep = {k for k, _ in nodes}
    edges = [Edge(s, t, int(n), round(float(g or 0), 3)) for s, t, n, g in rows
             if s in keep and t in keep]
    return nodes, edges


def graphml(nodes: list[tuple[str, int]], edges: list[Edge]) -> str:
    """The network as GraphML (readable by Gephi, networkx, igraph)."""
    from xml.sax.saxutils import quoteattr

    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
             '  <key id="events" for="node" attr.name="events" attr.type="int"/>',
             '  <key id="count" for="edge" attr.name="count" attr.type="int"/>',
             '  <key id="goldstein" for="edge" attr.name="goldstein_mean" attr.type="double"/>',
             '  <graph id="actors" edgedefault="directed">']
    for code, n in nodes:
        lines.append(f'    <node id={quoteattr(code)}><data key="events">{n}</data></node>')
    for e in edges:
        lines.append(f'    <edge source={quoteattr(e.source)} target={quoteattr(e.target)}>'
                     f'<data key="count">{e.count}</data>'
                     f'<data key="goldstein">{e.goldstein_mean}</data></edge>')
    lines += ["  </graph>", "</graphml>"]
    return "\n".join(lines) + "\n"


@dataclass(frozen=True)
class MapPoint:
    name: str
    country: str | None
    lat: float
    lon: float
    count: int
    goldstein_mean: float


def map_points(store: Store, since: date | None = None, until: date | None = None,
               plover_type: str | None = None) -> list[MapPoint]:
    """Located events grouped by place."""
    extra, params = date_range(since, until)
    if plover_type:
        extra += " AND e.plover_type = ?"
        params.append(plover_type.upper())
    rows = store.con.execute(
        "SELECT e.location_name, any_value(e.location_country), round(e.location_lat, 3), "
        "round(e.location_lon, 3), count(*), avg(e.cameo_goldstein) FROM events e "
        f"WHERE e.pipeline_version = ? AND {_FACTUAL} AND e.location_lat IS NOT NULL{extra} "
        "GROUP BY 1, 3, 4 ORDER BY 5 DESC, 1",
        [newest_version(store), *params]).fetchall()
    return [MapPoint(n, c, float(la), float(lo), int(k), round(float(g or 0), 3))
            for n, c, la, lo, k, g in rows]
