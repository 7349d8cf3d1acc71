"""An ingest killed with SIGKILL in the middle of a batch, then run again, leaves every
article stored exactly once: no duplicates, nothing lost."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from eventwire.samples import read_records
from eventwire.store import open_store

EVENTWIRE = [sys.executable, "-m", "eventwire"]


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_kill_minus_nine_mid_ingest_then_rerun(tmp_path):
    stories = [s for s in read_records("articles.jsonl") if not s["id"].startswith("ew-hum-012")]
    copies = 3
    feed = tmp_path / "feed.jsonl"
    with feed.open("w", encoding="utf-8") as fh:
        for k in range(copies):
            for s in stories:
                fh.write(json.dumps({"id": f"{s['id']}-copy{k}", "title": s["title"],
                                     "published": s["published"], "text": s["text"]}) + "\n")
    expected = copies * len(stories)
    db = tmp_path / "crash.duckdb"
    wal = Path(str(db) + ".wal")
    command = [*EVENTWIRE, "ingest", str(feed), "--db", str(db), "--batch-size", "2"]
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    # the schema takes a few kilobytes of the write-ahead log; each committed batch of articles
    # about a hundred more: kill once the log is past the schema and the first batch is in
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        if wal.exists() and wal.stat().st_size > 50_000:
            break
        time.sleep(0.05)
    killed_mid_run = proc.poll() is None
    if killed_mid_run:
        os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    assert killed_mid_run, "the ingest finished before it could be killed; feed it more articles"
    assert proc.returncode == -signal.SIGKILL

    with open_store(db, read_only=True) as store:  # whatever was committed is consistent
        partial = store.con.execute("SELECT count(*) FROM articles").fetchone()[0]
    assert 0 < partial < expected

    rerun = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    assert f"{partial} already stored" in rerun.stderr
    with open_store(db, read_only=True) as store:
        q = store.con.execute
        assert q("SELECT count(*), count(DISTINCT id) FROM articles").fetchone() == (expected, expected)
        events, distinct = q("SELECT count(*), count(DISTINCT (article_id, n)) FROM events").fetchone()
        assert events == distinct and events > expected
        members = q("SELECT count(*), count(DISTINCT event_id) FROM event_cluster_members").fetchone()
        assert members[0] == members[1]
        unclustered = q("SELECT count(*) FROM events e WHERE NOT modality_negated AND NOT "
                        "modality_hypothetical AND NOT EXISTS (SELECT 1 FROM event_cluster_members m "
                        "WHERE m.event_id = e.event_id)").fetchone()[0]
        assert unclustered == 0
