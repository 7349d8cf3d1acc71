"""Reading the store back: event filters, read-only SQL, and every export format read back by
DuckDB, pandas and polars."""

from __future__ import annotations

import csv
import json
from datetime import date

import duckdb
import pytest
from click.testing import CliRunner

from eventwire.cli import cli
from eventwire.errors import InputError, StoreError
from eventwire.store import open_store
from eventwire.store.export import GDELT_COLUMNS, export_events
from eventwire.store.query import EventFilter, count_events, find_events, parse_near, read_only_sql
from tests.builders import GENEVA, KHARKIV, SUMY
from tests.builders import event as _event
from tests.builders import result as _result


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "events.duckdb"
    with open_store(path) as store:
        store.write([
            _result("a1", date(2024, 3, 14),
                    _event("a1", 0, "195", "ASSAULT", "RUSMIL", "UKRCVL", "2024-03-13", location=KHARKIV),
                    _event("a1", 1, "112", "ACCUSE", "UKRGOV", "RUSGOV", "2024-03-14", "published"),
                    _event("a1", 2, "190", "ASSAULT", "RUSMIL", "UKRCVL", "2024-03-12",
                           location=SUMY, negated=True)),
            _result("a2", date(2024, 4, 2),
                    _event("a2", 0, "036", "CONSULT", "USAGOV", "RUSGOV", "2024-04", "month",
                           location=GENEVA),
                    _event("a2", 1, "163", "SANCTION", "USAGOV", "RUS", "2024-04-02")),
        ])
    return path


def ids(rows):
    return sorted(r["event_id"] for r in rows)


def test_filters_combine_and_codes_match_as_prefixes(db):
    with open_store(db, read_only=True) as store:
        assert ids(find_events(store)) == ["a1:0", "a1:1", "a2:0", "a2:1"]  # the negated one is out
        assert ids(find_events(store, EventFilter(actor="RUS"))) == ["a1:0", "a1:1", "a2:0", "a2:1"]
        assert ids(find_events(store, EventFilter(source="RUS"))) == ["a1:0"]
        assert ids(find_events(store, EventFilter(target="RUSGOV"))) == ["a1:1", "a2:0"]
        assert ids(find_events(store, EventFilter(type="assault", include_negated=True))) == ["a1:0", "a1:2"]
        assert ids(find_events(store, EventFilter(cameo="1"))) == ["a1:0", "a1:1", "a2:1"]
        assert ids(find_events(store, EventFilter(country="che"))) == ["a2:0"]
        # a month-precision date counts from its first day
        assert ids(find_events(store, EventFilter(since=date(2024, 3, 14), until=date(2024, 4, 1)))) \
            == ["a1:1", "a2:0"]
        near = EventFilter(near=(50.0, 36.2, 30), include_negated=True)  # Kharkiv, not Sumy (~150 km)
        assert ids(find_events(store, near)) == ["a1:0"]
        assert count_events(store, EventFilter(actor="USA")) == 2
        page = find_events(store, limit=2, offset=1)
        assert len(page) == 2 and page[0]["day"] >= page[1]["day"]  # newest first


def test_filter_values_are_bound_not_spliced(db):
    with open_store(db, read_only=True) as store:
        assert find_events(store, EventFilter(actor="X' OR '1'='1")) == []
        assert count_events(store) == 4


def test_near_rejects_malformed_points():
    assert parse_near("49.9,36.2,25") == (49.9, 36.2, 25.0)
    for bad in ("49.9,36.2", "north,36.2,25", "91,0,5", "0,0,-1"):
        with pytest.raises(InputError):
            parse_near(bad)


def test_sql_is_read_only(db):
    query = "SELECT plover_type, count(*) AS n FROM events GROUP BY 1 ORDER BY 1"
    names, rows = read_only_sql(str(db), query)
    assert names == ["plover_type", "n"] and ("ASSAULT", 2) in rows
    with pytest.raises(StoreError):
        read_only_sql(str(db), "DELETE FROM events")
    assert read_only_sql(str(db), "SELECT count(*) FROM events")[1] == [(5,)]


def test_events_and_sql_commands(db):
    runner = CliRunner()
    out = runner.invoke(cli, ["events", "--db", str(db), "--type", "ASSAULT", "--format", "csv"])
    assert out.exit_code == 0, out.output
    rows = list(csv.DictReader(out.stdout.splitlines()))
    assert [r["event_id"] for r in rows] == ["a1:0"] and rows[0]["location_name"] == "Kharkiv"
    bad = runner.invoke(cli, ["events", "--db", str(db), "--since", "yesterday"])
    assert bad.exit_code != 0 and "YYYY-MM-DD" in bad.output
    sql = runner.invoke(cli, ["sql", "--db", str(db), "--format", "json",
                              "SELECT count(*) AS n FROM events"])
    assert json.loads(sql.stdout) == [{"n": 5}]


@pytest.mark.parametrize("fmt", ["parquet", "csv", "jsonl", "plover"])
def test_exports_read_back_in_duckdb_pandas_and_polars(db, tmp_path, fmt):
    import pandas as pd
    import polars as pl

    out = tmp_path / f"events.{fmt}"
    with open_store(db, read_only=True) as store:
        assert export_events(store, fmt, out) == 5
    if fmt == "parquet":
        frames = [duckdb.sql(f"SELECT * FROM '{out}'").df(), pd.read_parquet(out),
                  pl.read_parquet(out).to_pandas()]
    elif fmt == "csv":
        frames = [duckdb.sql(f"SELECT * FROM read_csv('{out}')").df(), pd.read_csv(out),
                  pl.read_csv(out, infer_schema_length=None).to_pandas()]
    else:
        frames = [duckdb.sql(f"SELECT * FROM read_json('{out}')").df(), pd.read_json(out, lines=True),
                  pl.read_ndjson(out, infer_schema_length=None).to_pandas()]
    for frame in frames:
        assert len(frame) == 5
        key = "id" if fmt == "plover" else "event_id"
        assert sorted(frame[key]) == ["a1:0", "a1:1", "a1:2", "a2:0", "a2:1"]
    if fmt == "plover":
        first = json.loads(out.read_text().splitlines()[0])
        assert first["event_type"] == "ASSAULT" and first["actor"]["code"] == "RUSMIL"
        assert first["location"]["geonames_id"] == 706483 and first["date"] == "2024-03-13"


def test_gdelt_export_has_gdelt_columns_and_leaves_out_denied_events(db, tmp_path):
    import pandas as pd
    import polars as pl

    out = tmp_path / "events.tsv"
    with open_store(db, read_only=True) as store:
        assert export_events(store, "gdelt", out) == 4  # the negated strike is not a GDELT row
    frame = pd.read_csv(out, sep="\t", header=None, names=list(GDELT_COLUMNS), dtype=str)
    assert len(GDELT_COLUMNS) == 61 and len(frame) == 4
    strike = frame[frame["EventCode"] == "195"].iloc[0]
    assert strike["SQLDATE"] == "20240313" and strike["Actor1Code"] == "RUSMIL"
    assert strike["EventRootCode"] == "19" and strike["QuadClass"] == "4"
    assert strike["ActionGeo_CountryCode"] == "UP"  # FIPS for Ukraine, as GDELT writes it
    assert strike["ActionGeo_FeatureID"] == "706483" and strike["SOURCEURL"] == "https://example.org/a1"
    polars = pl.read_csv(out, separator="\t", has_header=False, new_columns=list(GDELT_COLUMNS),
                         infer_schema_length=None)
    assert polars.height == 4
    dk = duckdb.sql(f"SELECT count(*) FROM read_csv('{out}', delim='\t', header=false)").fetchall()
    assert dk == [(4,)]


def test_export_of_an_empty_store_says_so(tmp_path):
    with open_store(tmp_path / "empty.duckdb") as store, pytest.raises(StoreError, match="no articles"):
        export_events(store, "parquet", tmp_path / "x.parquet")
