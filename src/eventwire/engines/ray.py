"""The Ray engine: code articles with Ray Data, on a local Ray started on the fly or on an
existing cluster (``address``). Needs the ``ray`` extra: ``pip install 'eventwire[ray]'``.

The articles (read by eventwire's own readers in the driver, so every input format works)
go through ``map_batches`` into a pool of coding actors; each actor loads the model once. The
results come back to the driver in input order and are written by one writer (the DuckDB
store, and Parquet files when asked). Input is taken a window at a time, so memory stays
bounded.

Failures: Ray restarts an actor that dies and runs its batch again. A ledger actor remembers
which article each batch was coding; an article that was being coded when an actor died
``retries + 1`` times is not coded again but recorded as an error (reason ``worker-crash``),
so one poisonous article cannot stall the run.
"""

from __future__ import annotations

import hashlib
import itertools
import logging
import os
import pickle
from collections.abc import Iterable, Iterator
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from eventwire.errors import OptionError
from eventwire.options import Options
from eventwire.records import Article, ArticleResult
from eventwire.version import PIPELINE_VERSION

if TYPE_CHECKING:
    from spacy.language import Language

log = logging.getLogger(__name__)

# Articles handed to Ray Data at a time (one dataset each; the actors are kept between them).
WINDOW = 4096
LEDGER = "eventwire-fault-ledger"


def _ray() -> Any:
    try:
        import ray
    except ImportError:
        raise OptionError("the Ray engine needs Ray: pip install 'eventwire[ray]' "
                          "(or use the local engine, the default)") from None
    return ray


class _Ledger:
    """Counts, per article id, the times an actor died while coding it."""

    def __init__(self) -> None:
        self.current: dict[str, str] = {}  # batch key -> article id being coded
        self.deaths: dict[str, int] = {}
        self.seen: set[str] = set()  # batch keys started at least once

    def start(self, key: str) -> bool:
        """Mark batch ``key`` started; True if it was started before (a retry)."""
        retry = key in self.seen
        self.seen.add(key)
        if retry and key in self.current:
            dead = self.current.pop(key)
            self.deaths[dead] = self.deaths.get(dead, 0) + 1
        return retry

    def coding(self, key: str, article_id: str) -> int:
        """Mark ``article_id`` as being coded in batch ``key``; its deaths so far."""
        self.current[key] = article_id
        return self.deaths.get(article_id, 0)

    def done(self, key: str) -> None:
        self.current.pop(key, None)


class _Coder:
    """A Ray Data actor: the model and lexicons, loaded once."""

    def __init__(self, options: Options, retries: int) -> None:
        from eventwire import nlp as nlp_mod
        from eventwire.stages import load_resources

        self.options = options
        self.retries = retries
        self.nlp = nlp_mod.load(options.model)
        self.resources = load_resources(options, self.nlp)
        self.ledger = _ray().get_actor(LEDGER)

    def __call__(self, batch: dict[str, Any]) -> dict[str, Any]:
        from eventwire.engines.local import FAULT_ENV
        from eventwire.pipeline import code_articles

        ray = _ray()
        articles = [pickle.loads(b) for b in batch["article"]]
        key = hashlib.sha1("\n".join(a.id for a in articles).encode()).hexdigest()
        retry = ray.get(self.ledger.start.remote(key))
        fault = os.environ.get(FAULT_ENV)
        results: list[ArticleResult] = []
        if not retry:
            # the fast path: the whole batch at once (spaCy batches it)
            ray.get(self.ledger.coding.remote(key, ""))
            if fault and any(fault in a.text for a in articles):
                os._exit(70)
            results = list(code_articles(articles, self.options, self.nlp, self.resources))
        else:
            # a batch that killed an actor: one article at a time, each one noted first
            for article in articles:
                deaths = ray.get(self.ledger.coding.remote(key, article.id))
                if deaths > self.retries:
                    results.append(ArticleResult(replace(
                        article, status="error", reason="worker-crash",
                        detail=f"the coding worker died {deaths} times on this article"),
                        PIPELINE_VERSION))
                    continue
                if fault and fault in article.text:
                    os._exit(70)
                results.extend(code_articles([article], self.options, self.nlp, self.resources))
        ray.get(self.ledger.done.remote(key))
        return {"result": [pickle.dumps(r, protocol=5) for r in results]}


class RayEngine:
    """Code articles on Ray. ``address``: an existing cluster ("auto", "ray://host:10001");
    by default a local Ray is started with ``workers`` CPUs and stopped afterwards."""

    def __init__(self, options: Options | None = None, workers: int | None = None,
                 address: str | None = None, batch_size: int = 16, window: int = WINDOW,
                 retries: int = 1) -> None:
        from eventwire.engines.local import default_workers

        self.options = options or Options()
        self.workers = workers or default_workers()
        self.address = address
        self.batch_size = batch_size
        self.window = window
        self.retries = retries

    def code(self, articles: Iterable[Article], nlp: Language | None = None) -> Iterator[ArticleResult]:
        # Ray Data always puts its map function in the object store, and Ray's core then logs
        # an error-level warning about restarting such actors for every coding actor; the
        # messages that matter reach eventwire as exceptions. RAY_BACKEND_LOG_LEVEL set by the
        # user wins.
        os.environ.setdefault("RAY_BACKEND_LOG_LEVEL", "fatal")
        ray = _ray()
        started = not ray.is_initialized()
        if started:
            if self.address:
                ray.init(address=self.address, log_to_driver=False, logging_level=logging.WARNING)
            else:
                ray.init(num_cpus=self.workers, include_dashboard=False, log_to_driver=False,
                         logging_level=logging.ERROR,
                         runtime_env={"env_vars": {k: v for k, v in os.environ.items()
                                                   if k.startswith("EVENTWIRE_")}})
        ctx = ray.data.DataContext.get_current()
        ctx.execution_options.preserve_order = True
        ctx.enable_progress_bars = False  # eventwire shows its own
        logging.getLogger("ray.data").setLevel(logging.ERROR)
        ledger = ray.remote(_Ledger).options(name=LEDGER, get_if_exists=True).remote()
        try:
            it = iter(articles)
            while window := list(itertools.islice(it, self.window)):
                ds = ray.data.from_items([{"article": pickle.dumps(a, protocol=5)} for a in window],
                                         override_num_blocks=max(1, len(window) // self.batch_size))
                coded = ds.map_batches(
                    _Coder, fn_constructor_args=(self.options, self.retries),
                    batch_size=self.batch_size, num_cpus=1,
                    # Ray Data's defaults restart a dead actor and retry its batch, forever:
                    # the ledger is what stops a poisonous article
                    compute=ray.data.ActorPoolStrategy(size=self.workers))
                for batch in coded.iter_batches(batch_size=None, batch_format="numpy"):
                    for blob in batch["result"]:
                        yield pickle.loads(blob)
        finally:
            ray.kill(ledger)
            if started:
                ray.shutdown()


def coder_pids() -> list[int]:
    """Process ids of this machine's coding actors (their process titles name the class),
    for benchmarks that measure them and tests that kill one."""
    from pathlib import Path

    pids = []
    for proc in Path("/proc").iterdir():
        if proc.name.isdigit():
            try:
                cmd = (proc / "cmdline").read_bytes()
            except OSError:
                continue
            if b"_Coder" in cmd and b"MapWorker" in cmd:
                pids.append(int(proc.name))
    return pids

