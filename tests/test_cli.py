from __future__ import annotations

import json
import subprocess
import sys

import duckdb
import pytest
from click.testing import CliRunner

from eventwire.cli import cli
from eventwire.version import PIPELINE_VERSION, __version__

from .conftest import STORY


@pytest.fixture
def run():
    runner = CliRunner()

    def invoke(*args, input=None):
        return runner.invoke(cli, [str(a) for a in args], input=input, catch_exceptions=False)

    return invoke


@pytest.fixture
def story(tmp_path):
    p = tmp_path / "story.txt"
    p.write_text(STORY)
    return p


@pytest.mark.parametrize("command", [[], ["code"], ["ingest"], ["stats"], ["version"], ["actors"],
                                     ["eval"], ["eval", "actors"]])
def test_every_command_has_help(run, command):
    out = run(*command, "--help")
    assert out.exit_code == 0 and "Usage:" in out.output


def test_version(run):
    out = run("version")
    assert out.output.strip() == f"eventwire {__version__} (pipeline {PIPELINE_VERSION})"


def test_code_json_prints_one_record_per_line(run, story):
    out = run("code", story, story, "--published", "2024-04-09")
    lines = out.output.strip().split("\n")
    assert len(lines) == 2
    record = json.loads(lines[0])
    assert record["article"]["published"] == "2024-04-09"
    assert record["article"]["text"] == STORY and record["article"]["status"] == "ok"


def test_code_table_and_csv(run, story, tmp_path):
    table = run("code", story, "--format", "table")
    assert "[ok]" in table.output and "chars;" in table.output
    csv_out = run("code", story, "--format", "csv")
    assert csv_out.output.splitlines()[0].startswith("article_id,n,event_id,sentence,")


def test_code_with_a_worker_pool(run, story):
    out = run("code", story, story, "--workers", "2", "--format", "jsonl")
    assert [json.loads(x)["article"]["status"] for x in out.output.splitlines()] == ["ok", "ok"]


def test_code_reads_stdin(run):
    out = run("code", "-", "--format", "jsonl", input=STORY)
    assert json.loads(out.output)["article"]["text"] == STORY


def test_ingest_then_stats(run, story, tmp_path):
    db = tmp_path / "e.duckdb"
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    first = run("ingest", story, empty, "--db", db)
    assert "2 articles: 2 new (1 ok, 1 skipped, 0 error), 0 already stored" in first.output
    second = run("ingest", story, empty, "--db", db)
    assert "2 articles: 0 new (0 ok, 0 skipped, 0 error), 2 already stored" in second.output
    stats = json.loads(run("stats", "--db", db, "--format", "json").output)
    assert stats["articles_by_status"] == {"ok": 1, "skipped": 1, "error": 0}
    assert "articles" in run("stats", "--db", db).output


def test_bad_input_errors_are_one_clear_line(run, tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "fine"}\n{broken\n')
    out = CliRunner().invoke(cli, ["code", str(bad)])
    assert out.exit_code == 1
    assert "line 2" in out.output and "--skip-bad-lines" in out.output
    missing = CliRunner().invoke(cli, ["code", str(tmp_path / "nope.txt")])
    assert missing.exit_code == 1 and "no such file" in missing.output
    no_store = CliRunner().invoke(cli, ["stats", "--db", str(tmp_path / "none.duckdb")])
    assert no_store.exit_code == 1 and "eventwire ingest" in no_store.output
    bad_date = CliRunner().invoke(cli, ["code", str(bad), "--published", "Sept 17"])
    assert bad_date.exit_code == 1 and "YYYY-MM-DD" in bad_date.output
    nothing = CliRunner().invoke(cli, ["code"])
    assert nothing.exit_code == 2 and "--sample" in nothing.output


def test_skip_bad_lines_records_them(run, tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps({"text": STORY}) + "\n{broken\n")
    db = tmp_path / "e.duckdb"
    out = run("ingest", bad, "--db", db, "--skip-bad-lines")
    assert "2 new (1 ok, 0 skipped, 1 error)" in out.output
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT reason, origin FROM articles WHERE status = 'error'").fetchall() \
            == [("bad-line", f"{bad}:2")]


def test_console_script_runs_as_a_module(story):
    proc = subprocess.run([sys.executable, "-m", "eventwire", "code", str(story), "--format", "table"],
                          capture_output=True, text=True, check=True)
    assert "[ok]" in proc.stdout


def test_actors_command_table_json_and_stdin(run):
    text = "Syrian soldiers and the Kremlin"
    table = run("actors", text)
    assert "SYRMIL" in table.output and "RUSGOV" in table.output
    rows = [json.loads(x) for x in run("actors", text, "--format", "json").output.splitlines()]
    assert [(r["text"], r["code"], r["kind"]) for r in rows] == [
        ("Syrian soldiers", "SYRMIL", "generic"), ("Kremlin", "RUSGOV", "state")]
    assert "SYRMIL" in run("actors", "-", input=text).output


def test_actors_file_errors_are_clear(tmp_path):
    bad = tmp_path / "bad.tsv"
    bad.write_text("name\tcode\nNorthern Front\tnot-a-code\n")
    out = CliRunner().invoke(cli, ["actors", "the Northern Front", "--actors", str(bad)])
    assert out.exit_code == 1 and "line 2" in out.output and "not a CAMEO actor code" in out.output


def test_eval_actors_reports_scores(run):
    report = json.loads(run("eval", "actors", "--format", "json").output)
    assert report["overall"]["gold"] >= 400
    assert 0 < report["overall"]["precision"] <= 1 and report["misses"]
