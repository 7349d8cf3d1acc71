"""Deduplication: the pairwise rule, and incremental clustering in the store."""

from __future__ import annotations

from datetime import date

from eventwire.records import ArticleResult
from eventwire.store import open_store
from eventwire.store.dedup import Record, same_event, update_clusters
from tests.builders import GENEVA, KHARKIV, SUMY
from tests.builders import event as _event
from tests.builders import result as _result


def rec(**kw):
    base = dict(event_id="x", plover_type="ASSAULT", cameo_code="190", source_code="RUSMIL",
                target_code="UKRCVL", day=date(2024, 3, 13), date_precision="day",
                location_name="Kharkiv", location_country="UKR", location_lat=49.98,
                location_lon=36.25)
    return Record(**{**base, **kw})


def test_pairwise_rule():
    a = rec()
    assert same_event(a, rec(day=date(2024, 3, 14)))  # a day later
    assert same_event(a, rec(source_code="RUS", target_code=None))  # coarser codes, unknown target
    assert same_event(a, rec(day=date(2024, 3, 15), date_precision="published"))  # reported late
    assert same_event(a, rec(location_name="Ukraine", location_lat=None, location_lon=None))
    assert not same_event(a, rec(day=date(2024, 3, 16)))  # three days apart
    assert not same_event(a, rec(location_name="Sumy", location_lat=50.92, location_lon=34.80))
    assert not same_event(a, rec(plover_type="PROTEST", cameo_code="145"))
    assert not same_event(a, rec(source_code="UKRMIL", target_code="RUSCVL"))
    assert same_event(rec(day=date(2024, 3, 2), date_precision="month"),
                      rec(day=date(2024, 3, 20)))  # a month-precise report holds any day in it


def _clusters(store):
    return store.con.execute(
        "SELECT num_mentions, num_articles, num_sources, representative_event_id FROM event_clusters "
        "ORDER BY num_mentions DESC, representative_event_id").fetchall()


def test_clusters_grow_incrementally_across_ingests(tmp_path):
    def story(article, outlet, *events):
        r = _result(article, date(2024, 3, 14), *events)
        return ArticleResult(r.article.__class__(**{**r.article.__dict__, "source": outlet}),
                             r.pipeline_version, events=r.events)

    with open_store(tmp_path / "d.duckdb") as store:
        store.write([
            story("a1", "Wire One", _event("a1", 0, "195", "ASSAULT", "RUSMIL", "UKRCVL", "2024-03-13",
                                           location=KHARKIV)),
            story("a2", "Wire Two", _event("a2", 0, "190", "ASSAULT", "RUS", "UKRCVL", "2024-03-14",
                                           "published", location=KHARKIV),
                  _event("a2", 1, "190", "ASSAULT", "RUSMIL", "UKRCVL", "2024-03-13", location=SUMY)),
        ])
        first = update_clusters(store)
        assert (first.events, first.clusters_new, first.clusters_grown) == (3, 2, 0)
        assert _clusters(store)[0][:3] == (2, 2, 2)
        store.write([story("a3", "Wire One",
                           _event("a3", 0, "195", "ASSAULT", "RUSMIL", None, "2024-03-13"),
                           _event("a3", 1, "036", "CONSULT", "USAGOV", "RUSGOV", "2024-03-13",
                                  location=GENEVA))])
        second = update_clusters(store)
        assert (second.events, second.clusters_new, second.clusters_grown) == (2, 1, 1)
        top = _clusters(store)[0]
        assert top[:3] == (3, 3, 2)  # three reports, three articles, two outlets
        assert top[3] == "a1:0"  # the most specific, best-evidenced report represents it
        assert update_clusters(store).events == 0  # nothing left to cluster
        members = store.con.execute("SELECT count(*) FROM event_cluster_members").fetchone()
        assert members == (5,)
