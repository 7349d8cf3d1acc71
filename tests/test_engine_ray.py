"""The Ray engine on a local Ray: the same records as the local engine, nothing lost or doubled
when a Ray worker is killed mid-run, and an article that keeps killing workers recorded as an
error. Skipped when Ray (the optional extra) is not installed."""

from __future__ import annotations

import os
import signal
import threading
import time

import pytest

from eventwire.engines import LocalEngine
from eventwire.engines.local import FAULT_ENV
from eventwire.options import Options
from eventwire.store import open_store
from tests.test_engines import POISON, _articles

pytest.importorskip("ray")

from eventwire.engines.ray import RayEngine, coder_pids


@pytest.fixture(scope="module")
def local_results(nlp, resources):
    return list(LocalEngine(Options(), workers=1).code(_articles(30, poison_at=None), nlp, resources))


def test_ray_gives_the_local_engines_records(local_results):
    results = list(RayEngine(Options(), workers=2, batch_size=4).code(_articles(30)))
    assert results == local_results


def test_a_killed_ray_worker_loses_and_doubles_nothing(tmp_path, local_results):
    from eventwire.runner import ingest

    killed: list[int] = []
    seen = threading.Event()

    def kill_one_when_running() -> None:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and not killed:
            if seen.is_set() and (pids := coder_pids()):
                os.kill(pids[0], signal.SIGKILL)
                killed.append(pids[0])
                return
            time.sleep(0.05)

    killer = threading.Thread(target=kill_one_when_running)
    killer.start()
    with open_store(tmp_path / "ray.duckdb") as store:
        report = ingest(_articles(30), store, Options(),
                        on_result=lambda _: seen.set(),
                        engine=RayEngine(Options(), workers=2, batch_size=2))
        killer.join()
        rows = store.con.execute("SELECT id, status FROM articles ORDER BY id").fetchall()
        events = store.con.execute("SELECT count(*), count(DISTINCT event_id) FROM events").fetchone()
    assert killed, "no coding actor was found to kill"
    assert [r[0] for r in rows] == sorted(r.article.id for r in local_results)
    assert {r[1] for r in rows} == {"ok", "skipped"}
    assert report.written == len(local_results)
    assert events[0] == events[1] == sum(len(r.events) for r in local_results)


def test_a_poisonous_article_is_recorded_as_an_error(monkeypatch, local_results):
    monkeypatch.setenv(FAULT_ENV, POISON)
    results = list(RayEngine(Options(), workers=2, batch_size=4, retries=1)
                   .code(_articles(30, poison_at=7)))
    assert [r.article.id for r in results] == [r.article.id for r in local_results]
    bad = [r for r in results if r.article.status == "error"]
    assert [r.article.id for r in bad] == ["a007"] and bad[0].article.reason == "worker-crash"
    assert [r for r in results if r.article.id != "a007"] == \
        [r for r in local_results if r.article.id != "a007"]
