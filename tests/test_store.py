from __future__ import annotations

from datetime import date

import duckdb
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventwire.errors import StoreError
from eventwire.records import (
    ActorRef,
    Article,
    ArticleResult,
    Cameo,
    Casualties,
    CodedSpan,
    Count,
    Event,
    EventDate,
    Location,
    Mention,
    Modality,
    OffsetMap,
    Place,
    Plover,
    Quote,
    Span,
    TimeExpr,
)
from eventwire.store import open_store
from eventwire.store.schema import tables

text = st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
               max_size=40)
opt_text = st.none() | text
offset = st.integers(min_value=0, max_value=10**6)
num = st.floats(allow_nan=False, allow_infinity=False, width=64)
opt_num = st.none() | num
code = st.none() | st.from_regex(r"[A-Z]{3}([A-Z]{3}){0,3}", fullmatch=True)

spans = st.builds(Span, text, offset, offset)
actor = st.builds(ActorRef, text, offset, offset, code, opt_text, opt_text, opt_text)
count = st.builds(Count, st.integers(0, 10**6), st.booleans(), opt_text)
event_date = st.builds(EventDate, st.none() | st.just("2016-09-17"),
                       st.none() | st.sampled_from(["day", "week", "month", "year"]), text)
location = st.builds(Location, text, opt_text, st.none() | st.integers(1, 10**8), code,
                     opt_num, opt_num)
event = st.builds(
    Event, text, st.integers(0, 500), spans, spans,
    st.builds(Cameo, st.sampled_from(["195", "112", "0211"]), st.sampled_from(["19", "11"]),
              num, st.integers(1, 4)),
    st.builds(Plover, st.none() | st.sampled_from(["ASSAULT", "ACCUSE"]), opt_text),
    st.none() | actor, st.none() | actor, st.none() | event_date, st.none() | location,
    st.builds(Casualties, st.none() | count, st.none() | count),
    st.builds(Modality, st.booleans(), st.booleans(), st.booleans(), st.booleans(), code),
    num,
)
coded = st.builds(CodedSpan, text, offset, offset, code, opt_text)
quote = st.builds(Quote, st.sampled_from(["direct", "indirect"]), text, offset, offset, opt_text,
                  st.none() | coded, st.none() | coded, st.lists(text, max_size=3).map(tuple))
mention = st.builds(Mention, text, offset, offset, code, opt_text,
                    st.none() | st.sampled_from(["state", "person", "group"]), code, code)
place = st.builds(Place, text, offset, offset, opt_text, st.none() | st.integers(1, 10**8), code,
                  opt_num, opt_num, opt_text)
time_expr = st.builds(TimeExpr, text, offset, offset, opt_text,
                      st.none() | st.sampled_from(["day", "week", "month", "year"]))
segments = st.lists(st.tuples(offset, offset, st.integers(1, 100)), max_size=5).map(tuple)
article = st.builds(
    Article, st.text(min_size=1, max_size=20), text, opt_text, opt_text, opt_text,
    st.none() | st.dates(date(1990, 1, 1), date(2030, 1, 1)), opt_text, opt_text,
    st.sampled_from(["ok", "skipped", "error"]), opt_text, opt_text,
    st.lists(text, max_size=3).map(tuple), st.builds(OffsetMap, segments),
)
result = st.builds(
    ArticleResult, article, st.just("test-1"),
    st.lists(event, max_size=3).map(tuple), st.lists(quote, max_size=2).map(tuple),
    st.lists(mention, max_size=3).map(tuple), st.lists(place, max_size=2).map(tuple),
    st.lists(time_expr, max_size=2).map(tuple),
)


@pytest.fixture(scope="module")
def mem_store():
    with open_store(":memory:") as store:
        yield store


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(result)
def test_write_then_read_gives_back_the_same_result(mem_store, res):
    mem_store.con.execute("DELETE FROM articles WHERE id = ?", [res.article.id])
    for name in ("events", "quotes", "mentions", "places", "times"):
        mem_store.con.execute(f"DELETE FROM {name} WHERE article_id = ?", [res.article.id])
    assert mem_store.write([res]).written == 1
    assert mem_store.get(res.article.id, "test-1") == res


def _result(i, status="ok", version="v1"):
    a = Article(id=f"a{i}", text=f"text {i}", status=status)
    ev = Event(f"a{i}:0", 0, Span("t", 0, 1), Span("t", 0, 1), Cameo("010", "01", 0.0, 1),
               Plover(None))
    return ArticleResult(a, version, events=(ev,))


def test_rewriting_the_same_articles_adds_nothing(tmp_path):
    db = tmp_path / "s.duckdb"
    with open_store(db) as store:
        first = store.write([_result(i) for i in range(10)], batch_size=3)
    with open_store(db) as store:
        again = store.write([_result(i) for i in range(10)] + [_result(3)], batch_size=4)
        counts = store.stats()["records"]
    assert (first.written, first.already_stored) == (10, 0)
    assert (again.written, again.already_stored) == (0, 11)
    assert counts["articles"] == 10 and counts["events"] == 10


def test_a_new_pipeline_version_is_stored_beside_the_old(tmp_path):
    with open_store(tmp_path / "s.duckdb") as store:
        store.write([_result(1, version="v1")])
        assert store.write([_result(1, version="v2")]).written == 1
        assert store.stats()["pipeline_versions"] == ["v1", "v2"]


def test_errors_are_retried_on_the_next_run():
    with open_store(":memory:") as store:
        store.write([_result(1, status="error"), _result(2)])
        report = store.write([_result(1), _result(2)])
        assert (report.written, report.already_stored) == (1, 1)
        assert store.get("a1", "v1").status == "ok"
        assert store.stats()["records"]["events"] == 2


def test_a_failed_batch_leaves_nothing_half_written(monkeypatch):
    with open_store(":memory:") as store:
        calls = []
        real = store._append

        def flaky(table, rows):
            calls.append(table)
            if table == "events":
                raise duckdb.Error("disk full")
            real(table, rows)

        monkeypatch.setattr(store, "_append", flaky)
        with pytest.raises(duckdb.Error):
            store.write([_result(1)])
        assert "articles" in calls
        assert store.con.execute("SELECT count(*) FROM articles").fetchone()[0] == 0


def test_stats_counts_statuses_and_reasons():
    with open_store(":memory:") as store:
        skipped = ArticleResult(Article(id="s", text="", status="skipped", reason="language"), "v1")
        store.write([_result(1), skipped])
        stats = store.stats()
    assert stats["articles_by_status"] == {"ok": 1, "skipped": 1, "error": 0}
    assert stats["not_ok_reasons"] == [{"status": "skipped", "reason": "language", "count": 1}]


def test_read_only_store_must_exist(tmp_path):
    with pytest.raises(StoreError):
        open_store(tmp_path / "missing.duckdb", read_only=True)


def test_schema_flattens_nested_records_into_named_columns():
    cols = {c.name for c in tables()["events"].columns}
    assert {"source_code", "target_code", "cameo_code", "plover_type", "location_geonames_id",
            "casualties_killed_count", "modality_attributed_to", "evidence_start"} <= cols
