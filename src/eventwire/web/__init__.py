"""The REST API (``/v1``) and the web UI, one FastAPI app over the same library calls the CLI
makes. ``eventwire serve`` runs it on 127.0.0.1; ``create_app`` builds it for tests and
embedding.

The store is opened read-only (an ingest may not run into the same file while it is served);
each request reads through its own cursor. Coding (``POST /v1/code`` and the paste page) uses
one spaCy pipeline, loaded when the app starts, behind a lock.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http import HTTPStatus
from pathlib import Path
from typing import TYPE_CHECKING, Any

from eventwire.options import Options
from eventwire.store import Store, open_store

if TYPE_CHECKING:
    from fastapi import FastAPI
    from spacy.language import Language

    from eventwire.stages import Resources

# Request bodies above this many bytes get 413 (documented in the README).
MAX_BODY_BYTES = 2 * 1024 * 1024
# Articles one POST /v1/code may carry.
MAX_ARTICLES_PER_REQUEST = 32

WEB_DIR = Path(__file__).parent


@dataclass
class Coder:
    """The loaded pipeline, shared by every request that codes text."""

    options: Options
    nlp: Language | None = None
    resources: Resources | None = None
    lock: threading.Lock = field(default_factory=threading.Lock)

    def load(self) -> None:
        from eventwire.nlp import load
        from eventwire.stages import load_resources

        if self.nlp is None:
            self.nlp = load(self.options.model)
        if self.resources is None:
            self.resources = load_resources(self.options, self.nlp)

    def code(self, text: str, **fields: Any) -> Any:
        from eventwire.pipeline import code_text

        self.load()
        with self.lock:
            return code_text(text, self.options, self.nlp, self.resources, **fields)


class StoreSource:
    """A read-only connection to the store; ``reading()`` gives each request its own."""

    def __init__(self, path: str) -> None:
        if path != ":memory:" and not Path(path).exists():
            open_store(path).close()  # an empty store, so pages work before the first ingest
        self.path = path
        self._store = open_store(path, read_only=path != ":memory:")

    @contextmanager
    def reading(self) -> Iterator[Store]:
        """A store on its own cursor, for one request."""
        cur = self._store.con.cursor()
        try:
            yield Store(cur, self.path)
        finally:
            cur.close()

    def close(self) -> None:
        self._store.close()


def error_body(status: int, detail: str, errors: list[Any] | None = None) -> dict[str, Any]:
    """The one JSON shape of every API error."""
    body: dict[str, Any] = {"status": status, "title": HTTPStatus(status).phrase, "detail": detail}
    if errors:
        body["errors"] = errors
    return {"error": body}


def create_app(db: str = "eventwire.duckdb", options: Options | None = None,
               nlp: Language | None = None, resources: Resources | None = None,
               max_body: int = MAX_BODY_BYTES, preload: bool = True) -> FastAPI:
    """The app over the store at ``db``. Pass ``nlp``/``resources`` to share a loaded
    pipeline; otherwise it is loaded at start-up (or on first use with ``preload=False``)."""
    from contextlib import asynccontextmanager

    from fastapi import FastAPI

    from eventwire import __version__
    from eventwire.web import api, pages
    from eventwire.web.middleware import install

    coder = Coder(options or Options(), nlp, resources)
    source = StoreSource(db)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> Any:
        if preload:
            coder.load()
        yield
        source.close()

    app = FastAPI(title="eventwire", version=__version__, lifespan=lifespan,
                  description="Political event data from English news, with evidence.")
    app.state.coder = coder
    app.state.source = source
    app.state.max_body = max_body
    install(app, max_body)
    app.include_router(api.router)
    app.include_router(pages.router)
    pages.mount_static(app)
    return app
