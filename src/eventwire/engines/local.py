"""The local engine: code articles in a pool of worker processes on this machine.

Each worker loads the spaCy model and the lexicons once (in its initializer) and codes chunks
of articles with the same ``code_articles`` the single-process path runs. The caller's
process reads the input and receives the results; at most ``2 × workers`` chunks are in
flight, so memory stays bounded whatever the input's length. Output is in input order, or as
chunks finish with ``ordered=False``.

A worker that dies (killed, out of memory, a crash in native code) breaks the pool: it is
restarted and every chunk that was in flight is run again, alone, so the one that kills a
worker is known. A chunk that kills one alone is split into single articles, and an article
that kills a worker ``retries + 1`` times alone is recorded as an error (reason
``worker-crash``); the run goes on. Workers are replaced after ``recycle_after`` chunks, which
caps the memory a long run lets a worker grow to.
"""

from __future__ import annotations

import itertools
import logging
import multiprocessing
import os
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from eventwire.errors import EngineError
from eventwire.options import Options
from eventwire.pipeline import code_articles
from eventwire.records import Article, ArticleResult
from eventwire.version import PIPELINE_VERSION

if TYPE_CHECKING:
    from spacy.language import Language

    from eventwire.stages import Resources

log = logging.getLogger(__name__)

# Articles per task sent to a worker.
CHUNK = 16
# Chunks a worker codes before it is replaced by a fresh process.
RECYCLE_AFTER = 400
# Test hook, documented in the README: a worker exits at once when it is about to code an
# article whose text contains this string (it simulates a crash in native code).
FAULT_ENV = "EVENTWIRE_FAULT_EXIT_ON"

_worker: dict[str, Any] = {}


def default_workers() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def _init_worker(options: Options, ready: Any) -> None:
    from eventwire import nlp as nlp_mod
    from eventwire.stages import load_resources

    nlp = nlp_mod.load(options.model)
    _worker.update(options=options, nlp=nlp, resources=load_resources(options, nlp))
    with ready.get_lock():
        ready.value += 1  # the pool knows a worker could start


def _code_chunk(articles: list[Article]) -> list[ArticleResult]:
    fault = os.environ.get(FAULT_ENV)
    if fault and any(fault in a.text for a in articles):
        os._exit(70)
    return list(code_articles(articles, _worker["options"], _worker["nlp"], _worker["resources"]))


@dataclass
class _Task:
    articles: list[Article]
    future: Future[list[ArticleResult]] | None = None
    suspect: bool = False  # was in flight when a worker died


class LocalEngine:
    """A pool of ``workers`` coding processes. Use ``code`` (a generator) on any iterable of
    articles; the pool starts on the first chunk and stops when the input is done."""

    def __init__(self, options: Options | None = None, workers: int | None = None,
                 ordered: bool = True, chunk: int = CHUNK, retries: int = 1,
                 recycle_after: int = RECYCLE_AFTER) -> None:
        self.options = options or Options()
        self.workers = workers or default_workers()
        self.ordered = ordered
        self.chunk = chunk
        self.retries = retries
        self.recycle_after = recycle_after
        self.restarts = 0
        self._pool: ProcessPoolExecutor | None = None
        self._ready: Any = None  # workers that finished loading, shared with them

    # -- the pool ---------------------------------------------------------------------------

    def _start(self) -> ProcessPoolExecutor:
        if self._pool is None:
            context = multiprocessing.get_context("spawn")
            self._ready = context.Value("i", 0)
            self._pool = ProcessPoolExecutor(
                max_workers=self.workers, mp_context=context,
                initializer=_init_worker, initargs=(self.options, self._ready),
                max_tasks_per_child=self.recycle_after)
        return self._pool

    def _restart(self) -> None:
        if self._ready is not None and self._ready.value == 0:
            # no worker of this pool got as far as loading the model: retrying cannot help
            self.close()
            raise EngineError(
                "the coding worker processes die while they start. If you call eventwire "
                "from your own script, put the call under `if __name__ == \"__main__\":` "
                "(workers are started with 'spawn', which imports the script again); "
                "otherwise check the memory: each worker needs about 600 MB.")
        self.restarts += 1
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
        self._pool = None
        log.warning("a coding worker died; restarting the pool (restart %d)", self.restarts)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    # -- coding -----------------------------------------------------------------------------

    def code(self, articles: Iterable[Article], nlp: Language | None = None,
             resources: Resources | None = None) -> Iterator[ArticleResult]:
        """Results for ``articles``. A short input (two chunks or less) is coded in this
        process, with ``nlp``/``resources`` if given: starting workers would cost more."""
        it = iter(articles)
        head = list(itertools.islice(it, 2 * self.chunk + 1))
        if self.workers <= 1 or len(head) <= 2 * self.chunk:
            yield from code_articles(itertools.chain(head, it), self.options, nlp, resources)
            return
        import importlib.util

        from eventwire.errors import ModelNotInstalledError

        if importlib.util.find_spec(self.options.model) is None:
            # say so here, once, rather than as a worker that dies on every chunk
            raise ModelNotInstalledError(self.options.model)
        try:
            yield from self._pooled(itertools.chain(head, it))
        finally:
            self.close()

    def _pooled(self, articles: Iterator[Article]) -> Iterator[ArticleResult]:
        chunks = iter(lambda: list(itertools.islice(articles, self.chunk)), [])
        pending: deque[_Task] = deque()
        limit = 2 * self.workers
        exhausted = False
        while True:
            # keep the pool busy, unless chunks are being re-run alone after a crash
            while not exhausted and len(pending) < limit and not any(t.suspect for t in pending):
                chunk = next(chunks, None)
                if chunk is None:
                    exhausted = True
                    break
                task = _Task(chunk)
                task.future = self._start().submit(_code_chunk, chunk)
                pending.append(task)
            if not pending:
                return
            task = self._next_task(pending)
            pending.remove(task)
            if task.suspect:
                yield from self._alone(task.articles)
                continue
            try:
                assert task.future is not None
                results = task.future.result()
            except BrokenProcessPool:
                self._restart()  # every future of the old pool is now done or cancelled
                for t in (task, *pending):
                    f = t.future
                    if f is not None and (f.cancelled() or f.exception() is not None):
                        t.suspect, t.future = True, None
                pending.appendleft(task)
                continue
            except Exception:  # the worker raised (it did not die): retry each article alone
                log.exception("a chunk of %d articles failed in a worker", len(task.articles))
                for article in task.articles:
                    yield from self._alone([article])
                continue
            yield from results

    def _next_task(self, pending: deque[_Task]) -> _Task:
        """The task to take next: the oldest (ordered output, and suspects first), or the
        first to finish."""
        suspects = [t for t in pending if t.suspect]
        if self.ordered or suspects:
            return suspects[0] if suspects and not self.ordered else pending[0]
        done, _ = wait([t.future for t in pending if t.future is not None],
                       return_when=FIRST_COMPLETED)
        return next(t for t in pending if t.future in done)

    def _alone(self, articles: list[Article], attempt: int = 1) -> Iterator[ArticleResult]:
        """Run one chunk with nothing else in flight, so a crash is its own doing."""
        try:
            results = self._start().submit(_code_chunk, articles).result()
        except BrokenProcessPool:
            self._restart()
            if len(articles) > 1:
                for article in articles:
                    yield from self._alone([article])
            elif attempt <= self.retries:
                yield from self._alone(articles, attempt + 1)
            else:
                yield _failed(articles[0], "worker-crash",
                              f"the coding worker process died {attempt} times on this article "
                              "(a crash in native code, or it ran out of memory)")
            return
        except Exception as exc:
            if len(articles) > 1:
                for article in articles:
                    yield from self._alone([article])
            else:
                yield _failed(articles[0], "worker-error", f"{type(exc).__name__}: {exc}")
            return
        yield from results


def _failed(article: Article, reason: str, detail: str) -> ArticleResult:
    return ArticleResult(replace(article, status="error", reason=reason, detail=detail),
                         PIPELINE_VERSION)
