"""Dyad trends, the actor network and the map, on hand-built records; charts are valid SVG
that say what they show."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date

import pytest
from click.testing import CliRunner

from eventwire.analytics import graphml, map_points, network, parse_dyad, trend
from eventwire.analytics.svg import map_svg, network_svg, trend_svg
from eventwire.cli import cli
from eventwire.errors import OptionError
from eventwire.store import open_store
from tests.builders import GENEVA, KHARKIV, SUMY, event, result

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "a.duckdb"
    with open_store(path) as store:
        store.write([
            result("a1", date(2024, 3, 14),
                   event("a1", 0, "195", "ASSAULT", "RUSMIL", "UKRCVL", "2024-03-13", location=KHARKIV),
                   event("a1", 1, "112", "ACCUSE", "UKRGOV", "RUSGOV", "2024-03-14", "published"),
                   event("a1", 2, "190", "ASSAULT", "RUSMIL", "UKRMIL", "2024-03-02", location=SUMY,
                         negated=True)),
            result("a2", date(2024, 5, 2),
                   event("a2", 0, "036", "CONSULT", "UKRGOV", "RUSGOV", "2024-05", "month",
                         location=GENEVA),
                   event("a2", 1, "190", "ASSAULT", "RUSMIL", "UKRMIL", "2024-05-01", location=KHARKIV)),
        ])
    return path


def texts(svg: str) -> list[str]:
    root = ET.fromstring(svg)
    return ["".join(t.itertext()) for t in root.iter(f"{SVG}text")]


def test_trend_counts_quads_and_goldstein_both_ways(db):
    with open_store(db, read_only=True) as store:
        rows = trend(store, parse_dyad("rus:ukr"), by="month")
        directed = trend(store, ("RUS", "UKR"), by="month", directed=True)
    assert [r.period for r in rows] == [date(2024, 3, 1), date(2024, 5, 1)]
    march, may = rows
    assert march.counts == {1: 0, 2: 0, 3: 1, 4: 1}  # the denied strike is left out
    assert may.counts == {1: 1, 2: 0, 3: 0, 4: 1} and may.total == 2
    assert march.goldstein_sum == -11.0 and march.goldstein_mean == -5.5
    assert [r.total for r in directed] == [1, 1]  # only Russia acting on Ukraine
    with pytest.raises(OptionError):
        parse_dyad("USA")


def test_network_edges_and_graphml(db):
    with open_store(db, read_only=True) as store:
        nodes, edges = network(store)
    assert {(e.source, e.target, e.count) for e in edges} == {
        ("RUSMIL", "UKRCVL", 1), ("RUSMIL", "UKRMIL", 1), ("UKRGOV", "RUSGOV", 2)}
    assert dict(nodes)["RUSMIL"] == 2
    root = ET.fromstring(graphml(nodes, edges))
    assert len(root.findall(".//{http://graphml.graphdrawing.org/xmlns}edge")) == 3


def test_map_points_group_by_place(db):
    with open_store(db, read_only=True) as store:
        points = map_points(store)
        assaults = map_points(store, plover_type="assault")
    assert (points[0].name, points[0].count) == ("Kharkiv", 2)
    assert {p.name for p in assaults} == {"Kharkiv"}


def test_charts_are_svg_with_titles_axes_and_legends(db):
    with open_store(db, read_only=True) as store:
        rows = trend(store, ("RUS", "UKR"))
        nodes, edges = network(store)
        points = map_points(store)
    chart = texts(trend_svg(rows, "RUS <-> UKR: events per month"))
    assert "RUS <-> UKR: events per month" in chart and "events per month" in chart
    assert "mean Goldstein" in chart and "material conflict" in chart and "2024-03" in chart
    net = texts(network_svg(nodes, edges, "Who acts on whom"))
    assert "RUSMIL" in net and any("conflict" in t for t in net)
    world = map_svg(points, "Events <by> place")  # titles are escaped
    assert "Kharkiv" in texts(world) and "Events <by> place" in texts(world)
    assert texts(trend_svg([], "empty"))[-1].startswith("no events")


def test_commands_write_charts(db, tmp_path):
    runner = CliRunner()
    out = runner.invoke(cli, ["trend", "--db", str(db), "--dyad", "RUS:UKR", "--format", "csv",
                              "--chart", str(tmp_path / "t.svg")])
    assert out.exit_code == 0, out.output
    assert out.stdout.splitlines()[0].startswith("period,q1,q2,q3,q4,events")
    assert ET.parse(tmp_path / "t.svg").getroot().tag == f"{SVG}svg"
    net = runner.invoke(cli, ["network", "--db", str(db), "--chart", str(tmp_path / "n.svg"),
                              "--graphml", str(tmp_path / "n.graphml")])
    assert net.exit_code == 0 and (tmp_path / "n.graphml").exists()
    world = runner.invoke(cli, ["map", "--db", str(db), "--out", str(tmp_path / "m.svg")])
    assert world.exit_code == 0 and "3 located events at 2 places" in world.output
