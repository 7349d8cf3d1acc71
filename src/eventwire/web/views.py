"""What the web pages and the API show, as plain data: each page renders one of these dicts and
its JSON twin returns the same dict, so the two cannot disagree.
"""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Iterable
from datetime import date
from typing import Any

from eventwire.analytics import QUADS, date_range, map_points, network, trend
from eventwire.records import ArticleResult
from eventwire.store import Store
from eventwire.store.query import COLUMNS, EventFilter, count_events, find_events, newest_version

# Most events one page (or one API call) returns.
MAX_PAGE = 500


def events_page(store: Store, flt: EventFilter, limit: int = 50, offset: int = 0,
                sort: str = "day", descending: bool = True) -> dict[str, Any]:
    """One page of matching events and the total count."""
    limit = max(1, min(limit, MAX_PAGE))
    rows = find_events(store, flt, limit=limit, offset=max(0, offset), sort=sort,
                       descending=descending)
    return {"total": count_events(store, flt), "limit": limit, "offset": max(0, offset),
            "sort": sort, "descending": descending, "columns": list(COLUMNS), "events": rows}


def event_detail(store: Store, event_id: str) -> dict[str, Any] | None:
    """One stored event with all its columns, its article and the cluster it belongs to."""
    version = newest_version(store)
    cur = store.con.execute(
        "SELECT e.*, a.title AS article_title, a.url AS article_url, a.source AS article_source, "
        "a.published FROM events e JOIN articles a "
        "ON a.id = e.article_id AND a.pipeline_version = e.pipeline_version "
        "WHERE e.event_id = ? AND e.pipeline_version = ?", [event_id, version])
    row = cur.fetchone()
    if row is None:
        return None
    names = [d[0] for d in cur.description or ()]
    event = dict(zip(names, row, strict=True))
    return {"event": event, "cluster": _cluster(store, event_id, version)}


def _cluster(store: Store, event_id: str, version: str | None) -> dict[str, Any] | None:
    cur = store.con.execute(
        "SELECT c.* FROM event_cluster_members m JOIN event_clusters c "
        "ON c.cluster_id = m.cluster_id AND c.pipeline_version = m.pipeline_version "
        "WHERE m.event_id = ? AND m.pipeline_version = ?", [event_id, version])
    row = cur.fetchone()
    if row is None:
        return None
    names = [d[0] for d in cur.description or ()]
    cluster = dict(zip(names, row, strict=True))
    members = store.con.execute(
        "SELECT e.event_id, e.article_id, a.title, a.source, a.published, e.evidence_text "
        "FROM event_cluster_members m JOIN events e "
        "ON e.event_id = m.event_id AND e.pipeline_version = m.pipeline_version "
        "JOIN articles a ON a.id = e.article_id AND a.pipeline_version = e.pipeline_version "
        "WHERE m.cluster_id = ? AND m.pipeline_version = ? ORDER BY a.published, e.event_id "
        "LIMIT 100", [cluster["cluster_id"], version]).fetchall()
    cluster["members"] = [
        {"event_id": m[0], "article_id": m[1], "article_title": m[2], "article_source": m[3],
         "published": m[4], "evidence_text": m[5]} for m in members]
    return cluster


def article_view(result: ArticleResult) -> dict[str, Any]:
    """An article's records and its text cut into segments for highlighting."""
    return {**result.to_dict(), "segments": segments(result)}


def segments(result: ArticleResult) -> list[dict[str, Any]]:
    """The article text cut at every boundary of every span eventwire found, like displaCy
    but flat: each segment lists what covers it (actor mentions, places, dates, quotes, event
    triggers, evidence and actor slots of events), so overlapping spans need no nesting.
    A segment that ends a mention carries the mention's code as its label."""
    text = result.article.text
    spans: list[tuple[int, int, str, str]] = []  # start, end, layer, value
    for m in result.mentions:
        spans.append((m.start, m.end, "mention", m.code or ""))
    for p in result.places:
        spans.append((p.start, p.end, "place", p.name or p.text))
    for t in result.times:
        spans.append((t.start, t.end, "time", t.value or ""))
    for q in result.quotes:
        spans.append((q.start, q.end, "quote", q.speaker.code or "" if q.speaker else ""))
    for e in result.events:
        spans.append((e.evidence.start, e.evidence.end, "evidence", e.event_id))
        spans.append((e.trigger.start, e.trigger.end, "trigger", e.event_id))
        for ref in (e.source, e.target):
            if ref is not None and ref.end > ref.start:
                spans.append((ref.start, ref.end, "slot", e.event_id))
    spans = [s for s in spans if 0 <= s[0] < s[1] <= len(text)]
    cuts = sorted({0, len(text), *(s[0] for s in spans), *(s[1] for s in spans)})
    out: list[dict[str, Any]] = []
    for start, end in itertools.pairwise(cuts):
        covering = [s for s in spans if s[0] <= start and end <= s[1]]
        layers: dict[str, list[str]] = {}
        for _, _, layer, value in covering:
            layers.setdefault(layer, []).append(value)
        label = next((value for s_start, s_end, layer, value in covering
                      if layer == "mention" and s_end == end and value), None)
        out.append({"start": start, "end": end, "text": text[start:end],
                    "layers": sorted(layers), "events": _ids(layers, "evidence"),
                    "triggers": _ids(layers, "trigger"), "slots": _ids(layers, "slot"),
                    "label": label})
    return out


def _ids(layers: dict[str, list[str]], layer: str) -> str:
    return " ".join(sorted(set(layers.get(layer, ()))))


def dashboard(store: Store, since: date | None, until: date | None,
              dyad: tuple[str, str], by: str = "month") -> dict[str, Any]:
    """The numbers behind the dashboard: the dyad trend, the network, mapped places, and the
    top actors and event types in the date range."""
    version = newest_version(store)
    where, params = date_range(since, until)
    top_actors = store.con.execute(
        "SELECT code, count(*) FROM (SELECT e.source_code AS code FROM events e "
        f"WHERE e.pipeline_version = ? {where} UNION ALL SELECT e.target_code FROM events e "
        f"WHERE e.pipeline_version = ? {where}) WHERE code IS NOT NULL "
        "GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 15",
        [version, *params, version, *params]).fetchall()
    top_types = store.con.execute(
        "SELECT e.plover_type, count(*), round(avg(e.cameo_goldstein), 2) FROM events e "
        f"WHERE e.pipeline_version = ? {where} AND e.plover_type IS NOT NULL "
        "GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 15", [version, *params]).fetchall()
    nodes, edges = network(store, since, until)
    rows = trend(store, dyad, by, since=since, until=until)  # type: ignore[arg-type]
    return {
        "since": since, "until": until, "dyad": ":".join(dyad), "by": by,
        "events": count_events(store, EventFilter(since=since, until=until)),
        "top_actors": [{"code": c, "events": n} for c, n in top_actors],
        "top_types": [{"plover_type": t, "events": n, "goldstein_mean": g} for t, n, g in top_types],
        "trend": [{"period": r.period, **{QUADS[q]: n for q, n in r.counts.items()},
                   "goldstein_sum": r.goldstein_sum, "goldstein_mean": r.goldstein_mean}
                  for r in rows],
        "network": {"nodes": [{"code": c, "events": n} for c, n in nodes],
                    "edges": [dataclasses.asdict(e) for e in edges]},
        "places": [dataclasses.asdict(p) for p in map_points(store, since, until)][:200],
    }


def busiest_dyad(store: Store) -> tuple[str, str]:
    """The pair of countries (or groups) with the most events between them, the dashboard's
    default; USA:RUS in an empty store."""
    row = store.con.execute(
        "SELECT least(left(source_code, 3), left(target_code, 3)) AS a, "
        "greatest(left(source_code, 3), left(target_code, 3)) AS b, count(*) FROM events "
        "WHERE pipeline_version = ? AND left(source_code, 3) <> left(target_code, 3) "
        "GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2 LIMIT 1", [newest_version(store)]).fetchone()
    return (row[0], row[1]) if row else ("USA", "RUS")


def actor_search(entries: Iterable[tuple[str, Any]], q: str, limit: int = 50) -> list[dict[str, Any]]:
    """Lexicon entries whose name contains ``q`` (case-insensitive), names that start with it
    first."""
    needle = q.strip().lower()
    hits: list[tuple[int, str, Any]] = []
    for surface, entry in entries:
        where = surface.lower().find(needle)
        if where >= 0:
            hits.append((0 if where == 0 else 1, surface, entry))
    hits.sort(key=lambda h: (h[0], len(h[1]), h[1]))
    return [{"name": surface, "code": e.code, "kind": e.kind, "country": e.country,
             "sector": e.sector, "valid_from": e.start, "valid_until": e.end}
            for _, surface, e in hits[:limit]]
