"""The local engine: a pool of coding processes gives what one process gives, in order or not,
survives a worker that dies, and records an article that keeps killing workers as an error."""

from __future__ import annotations

import pytest

from eventwire.engines import LocalEngine
from eventwire.engines.local import FAULT_ENV
from eventwire.options import Options
from eventwire.pipeline import code_articles
from eventwire.records import Article
from eventwire.store import open_store
from tests.conftest import STORY

# Original sentences written for these tests.
LINES = [
    "Rebels fired rockets at an army base near Varosk on Monday, the defence ministry said.",
    "The foreign minister met her Turkish counterpart in Ankara to discuss the border crossings.",
    "Police arrested twelve protesters outside parliament after a march against fuel prices.",
    "The government accused the opposition of planning to disrupt the election.",
]
POISON = "POISON-ARTICLE-7c1"


def _articles(n: int, poison_at: int | None = None) -> list[Article]:
    out = []
    for i in range(n):
        text = f"{LINES[i % len(LINES)]} {STORY if i % 3 == 0 else ''}".strip()
        if i == poison_at:
            text += f" {POISON}"
        out.append(Article(id=f"a{i:03d}", text=text))
    out.insert(5, Article(id="skipped", text="", status="skipped", reason="empty"))
    return out


@pytest.fixture(scope="module")
def serial(nlp, resources):
    return list(code_articles(_articles(24), Options(), nlp, resources))


def test_a_pool_codes_what_one_process_codes_in_order(serial):
    pooled = list(LocalEngine(Options(), workers=2, chunk=3).code(_articles(24)))
    assert pooled == serial


def test_unordered_output_has_every_result_once(serial):
    engine = LocalEngine(Options(), workers=2, chunk=2, ordered=False)
    pooled = list(engine.code(_articles(24)))
    assert sorted(pooled, key=lambda r: r.article.id) == sorted(serial, key=lambda r: r.article.id)


def test_a_short_input_is_coded_in_this_process(nlp, resources, monkeypatch):
    engine = LocalEngine(Options(), workers=2, chunk=16)
    monkeypatch.setattr(engine, "_start", lambda: pytest.fail("a pool was started"))
    results = list(engine.code(_articles(6), nlp, resources))
    assert len(results) == 7 and engine._pool is None


def test_an_article_that_kills_its_worker_is_an_error_and_the_rest_are_coded(serial, monkeypatch):
    # the workers inherit the environment: the one that meets the marked article exits at once
    monkeypatch.setenv(FAULT_ENV, POISON)
    engine = LocalEngine(Options(), workers=2, chunk=3, retries=1)
    results = list(engine.code(_articles(24, poison_at=10)))
    assert [r.article.id for r in results] == [r.article.id for r in serial]
    bad = [r for r in results if r.article.status == "error"]
    assert [r.article.id for r in bad] == ["a010"]
    assert bad[0].article.reason == "worker-crash" and "2 times" in bad[0].article.detail
    # every other article was coded, in full, after the pool was restarted
    good = [r for r in results if r.article.id != "a010"]
    assert good == [r for r in serial if r.article.id != "a010"]
    assert engine.restarts >= 2


def test_ingest_with_a_pool_then_resume_codes_only_what_is_missing(tmp_path):
    from eventwire.runner import ingest

    options = Options(workers=2)
    articles = _articles(40)
    with open_store(tmp_path / "e.duckdb") as store:
        first = ingest(articles[:25], store, options, engine=LocalEngine(options, 2, chunk=4))
        again = ingest(articles, store, options, engine=LocalEngine(options, 2, chunk=4))
        ids = [r[0] for r in store.con.execute("SELECT id FROM articles ORDER BY id").fetchall()]
    assert first.written == 25 and again.written == 16 and again.already_stored == 25
    assert ids == sorted(a.id for a in articles)


def test_ingest_writes_parquet_partitions_matching_the_store(tmp_path):
    import duckdb

    from eventwire.runner import ingest

    options = Options(batch_size=2)  # transactions of 128 articles: two files for 150 articles
    articles = [replace_id(a, i) for i, a in enumerate(_articles(40) * 4)][:150]
    with open_store(tmp_path / "e.duckdb") as store:
        report = ingest(articles, store, options, engine=LocalEngine(options, 2, chunk=8),
                        parquet_out=str(tmp_path / "parts"))
        stored = store.con.execute(
            "SELECT article_id, n, event_id, cameo_code FROM events ORDER BY 1, 2").fetchall()
    assert len(report.parquet_files) == 2
    files = str(tmp_path / "parts" / "*.parquet")
    written = duckdb.sql(
        f"SELECT article_id, n, event_id, cameo_code FROM '{files}' ORDER BY 1, 2").fetchall()
    assert written == stored and len(stored) > 100


def replace_id(article: Article, i: int) -> Article:
    from dataclasses import replace

    return replace(article, id=f"{article.id}-{i}")


def test_a_failure_before_commit_rolls_the_batch_back(tmp_path):
    from eventwire.records import ArticleResult

    def refuse(batch):
        raise OSError("the Parquet folder is full")

    with open_store(tmp_path / "e.duckdb") as store:
        with pytest.raises(OSError):
            store.write([ArticleResult(Article(id="x", text="t"), "v")], before_commit=refuse)
        assert store.con.execute("SELECT count(*) FROM articles").fetchone()[0] == 0


def test_a_missing_model_is_one_clear_error_not_a_crash_per_chunk():
    from eventwire.errors import ModelNotInstalledError

    engine = LocalEngine(Options(model="no_such_model_pkg"), workers=2, chunk=1)
    with pytest.raises(ModelNotInstalledError):
        list(engine.code(_articles(6)))
    assert engine._pool is None


def test_a_script_without_a_main_guard_gets_a_clear_error(tmp_path):
    import subprocess
    import sys

    script = tmp_path / "unguarded.py"
    script.write_text(
        "from eventwire.engines import LocalEngine\n"
        "from eventwire.options import Options\n"
        "from eventwire.records import Article\n"
        "articles = [Article(id=str(i), text='Rebels attacked a checkpoint.') for i in range(40)]\n"
        "print(len(list(LocalEngine(Options(), workers=2).code(articles))))\n")
    proc = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=300)
    assert proc.returncode != 0
    assert "EngineError" in proc.stderr and '__name__ == "__main__"' in proc.stderr
