"""Load on the REST API, over loopback only, bounded in time:

- ``POST /v1/code`` with a ~600-token VOA story (read in place from ../shared), at 1, 4 and 16
  concurrent clients;
- ``GET /v1/events`` on a store of N synthetic events (default 1,000,000), with a rotation of
  filters (none, an actor, a type and a year, a country, a later page), at 1, 4 and 16 clients.

The server is ``eventwire serve`` in its own process on a free 127.0.0.1 port, stopped at the
end. Each phase runs for ``--seconds``. Prints p50/p95 latency, requests/s and errors.

Usage: python benchmarks/bench_api.py [--events N] [--seconds S]
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).parent))
from bench_store import synthetic
from eventwire.store import open_store

VOA = Path(__file__).resolve().parents[2] / "shared" / "data" / "voa" / "voa_stories.jsonl"
QUERIES = ("/v1/events", "/v1/events?actor=RUS", "/v1/events?type=ASSAULT&since=2022-01-01&until=2022-12-31",
           "/v1/events?country=UKR&limit=20", "/v1/events?actor=USA&offset=500",
           "/v1/events?cameo=19&target=SYR")
TARGET_TOKENS = 600


def story_of(tokens: int) -> tuple[str, int]:
    """The first VOA story of at least ``tokens`` spaCy tokens, cut at the sentence end
    nearest to that many."""
    import spacy

    tokenizer = spacy.blank("en")
    tokenizer.add_pipe("sentencizer")
    with VOA.open(encoding="utf-8") as f:
        for line in f:
            text = json.loads(line).get("text") or ""
            doc = tokenizer(text)
            if len(doc) < tokens:
                continue
            ends = [s.end for s in doc.sents]
            end = min(ends, key=lambda e: abs(e - tokens))
            return doc[:end].text, end
    raise SystemExit(f"no story of {tokens} tokens in {VOA}")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def load(url: str, request: dict[str, object], clients: int, seconds: float,
         rotate: tuple[str, ...] = ()) -> dict[str, float]:
    """``clients`` threads, each with one keep-alive connection, sending for ``seconds``."""
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    stop = time.monotonic() + seconds

    def client(k: int) -> None:
        nonlocal errors
        mine: list[float] = []
        bad = 0
        i = k
        with httpx.Client(base_url=url, timeout=60) as http:
            while time.monotonic() < stop:
                start = time.perf_counter()
                try:
                    if rotate:
                        r = http.get(rotate[i % len(rotate)])
                        i += 1
                    else:
                        r = http.post("/v1/code", json=request)
                    ok = r.status_code == 200
                except httpx.HTTPError:
                    ok = False
                mine.append(time.perf_counter() - start)
                bad += not ok
        with lock:
            latencies.extend(mine)
            errors += bad

    threads = [threading.Thread(target=client, args=(k,)) for k in range(clients)]
    began = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - began
    latencies.sort()

    def pct(p: float) -> float:
        return latencies[min(len(latencies) - 1, int(p * len(latencies)))] * 1000

    return {"requests": len(latencies), "p50": pct(0.50), "p95": pct(0.95),
            "rps": len(latencies) / elapsed, "errors": errors}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--seconds", type=float, default=8.0, help="length of each phase")
    args = parser.parse_args()
    if not VOA.exists():
        print(f"corpus not found: {VOA} (is ../shared beside the repository?)")
        return 2
    text, tokens = story_of(TARGET_TOKENS)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "api.duckdb"
        with open_store(db) as store:
            store.write(synthetic(args.events), batch_size=30_000)
        port = free_port()
        server = subprocess.Popen(
            [sys.executable, "-m", "eventwire", "serve", "--db", str(db), "--port", str(port)],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
        url = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 120
            while True:
                try:
                    if httpx.get(url + "/healthz", timeout=2).json().get("model_loaded"):
                        break
                except httpx.HTTPError:
                    pass
                if server.poll() is not None or time.monotonic() > deadline:
                    print("the server did not start:", server.stderr.read().decode() if server.stderr else "")
                    return 1
                time.sleep(0.3)
            request = {"text": text, "published": "2024-05-01"}
            load(url, request, 1, 2.0)  # warm-up
            rows = []
            for clients in (1, 4, 16):
                rows.append((f"POST /v1/code ({tokens} tokens)", clients,
                             load(url, request, clients, args.seconds)))
            for clients in (1, 4, 16):
                rows.append((f"GET /v1/events ({args.events:,} events)", clients,
                             load(url, {}, clients, args.seconds, QUERIES)))
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=30)
    print(f"{'endpoint':<38}{'clients':>8}{'requests':>10}{'p50 ms':>9}{'p95 ms':>9}"
          f"{'req/s':>9}{'errors':>8}")
    for name, clients, r in rows:
        print(f"{name:<38}{clients:>8}{r['requests']:>10.0f}{r['p50']:>9.1f}{r['p95']:>9.1f}"
              f"{r['rps']:>9.1f}{r['errors']:>8.0f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
