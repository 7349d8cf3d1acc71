"""The REST API, version 1. Every response is JSON; every error has the shape of
``eventwire.web.error_body``."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from pydantic import BaseModel, Field, ValidationInfo, field_validator

from eventwire import __version__
from eventwire.analytics import QUADS, parse_dyad, trend
from eventwire.store import Store
from eventwire.store.query import COLUMNS, EventFilter, parse_near
from eventwire.version import PIPELINE_VERSION
from eventwire.web import MAX_ARTICLES_PER_REQUEST, views

router = APIRouter()


def store_of(request: Request) -> Iterator[Store]:
    """A per-request read cursor on the served store."""
    with request.app.state.source.reading() as store:
        yield store


StoreDep = Annotated[Store, Depends(store_of)]


class CodeRequest(BaseModel):
    """One article to code."""

    text: str = Field(description="the article body (plain text)")
    published: date | None = Field(None, description="publication date; relative dates resolve from it")
    title: str | None = None
    url: str | None = None
    source: str | None = Field(None, description="the outlet")


class EventQuery(BaseModel):
    """The filters of ``eventwire events``, as query parameters."""

    actor: str | None = Field(None, description="source or target code prefix, e.g. RUS")
    source: str | None = None
    target: str | None = None
    type: str | None = Field(None, description="PLOVER type, e.g. ASSAULT")
    cameo: str | None = Field(None, description="CAMEO code prefix, e.g. 19")
    since: date | None = None
    until: date | None = None
    country: str | None = Field(None, description="ISO3 of the event's location")
    near: str | None = Field(None, description="LAT,LON,KM")
    include_negated: bool = False
    limit: int = Field(50, ge=1, le=views.MAX_PAGE)
    offset: int = Field(0, ge=0)
    sort: Literal[COLUMNS] = "day"  # type: ignore[valid-type]
    descending: bool = True

    @field_validator("*", mode="before")
    @classmethod
    def _blank_is_unset(cls, value: Any, info: ValidationInfo) -> Any:
        """An empty form field means its default (browsers send ``since=`` for a blank date)."""
        if isinstance(value, str) and not value.strip():
            return cls.model_fields[str(info.field_name)].default
        return value

    def event_filter(self) -> EventFilter:
        return EventFilter(actor=self.actor, source=self.source, target=self.target,
                           type=self.type, cameo=self.cameo, since=self.since, until=self.until,
                           country=self.country, near=parse_near(self.near) if self.near else None,
                           include_negated=self.include_negated)


@router.get("/healthz", tags=["service"])
def healthz(request: Request) -> dict[str, Any]:
    """Liveness: versions, the store it serves and whether the pipeline is loaded."""
    coder = request.app.state.coder
    return {"status": "ok", "version": __version__, "pipeline_version": PIPELINE_VERSION,
            "store": request.app.state.source.path, "model_loaded": coder.nlp is not None}


@router.post("/v1/code", tags=["coding"])
def code(request: Request, body: CodeRequest | list[CodeRequest]) -> Any:
    """Code one article (an object) or several (a list of at most 32): the record contract,
    one ``ArticleResult`` per article. Nothing is stored."""
    many = isinstance(body, list)
    items = body if isinstance(body, list) else [body]
    if len(items) > MAX_ARTICLES_PER_REQUEST:
        raise HTTPException(413, f"{len(items)} articles in one request; send at most "
                                 f"{MAX_ARTICLES_PER_REQUEST} per request")
    coder = request.app.state.coder
    results = [coder.code(a.text, **a.model_dump(exclude={"text"}, exclude_none=True)).to_dict()
               for a in items]
    return results if many else results[0]


@router.get("/v1/events", tags=["store"])
def events(store: StoreDep, q: Annotated[EventQuery, Query()]) -> dict[str, Any]:
    """Stored events matching the filters, a page at a time, with the total count."""
    return views.events_page(store, q.event_filter(), q.limit, q.offset, q.sort, q.descending)


@router.get("/v1/events/{event_id}", tags=["store"])
def event(store: StoreDep, event_id: str) -> dict[str, Any]:
    """One event with all its fields and evidence, its article, and its cluster (the same
    real-world event reported elsewhere)."""
    found = views.event_detail(store, event_id)
    if found is None:
        raise HTTPException(404, f"no event {event_id!r} in the store")
    return found


@router.get("/v1/articles/{article_id}", tags=["store"])
def article(store: StoreDep, article_id: str) -> dict[str, Any]:
    """One stored article: its text and every record coded from it."""
    result = store.get(article_id)
    if result is None:
        raise HTTPException(404, f"no article {article_id!r} in the store")
    return result.to_dict()


@router.get("/v1/trend", tags=["analytics"])
def dyad_trend(store: StoreDep, dyad: Annotated[str, Query(description="A:B, e.g. USA:RUS")],
               by: Literal["day", "week", "month"] = "month", directed: bool = False,
               since: date | None = None, until: date | None = None) -> dict[str, Any]:
    """Events between two actors per period: counts by quad class, summed and mean Goldstein."""
    pair = parse_dyad(dyad)
    rows = trend(store, pair, by, directed, since, until)
    return {"dyad": ":".join(pair), "by": by, "directed": directed,
            "rows": [{"period": r.period, **{QUADS[q]: n for q, n in r.counts.items()},
                      "total": r.total, "goldstein_sum": r.goldstein_sum,
                      "goldstein_mean": r.goldstein_mean} for r in rows]}


@router.get("/v1/actors", tags=["lexicon"])
def actors(request: Request, q: Annotated[str, Query(min_length=2, max_length=100)],
           limit: Annotated[int, Query(ge=1, le=200)] = 50) -> dict[str, Any]:
    """Actor lexicon entries whose name contains ``q``."""
    coder = request.app.state.coder
    coder.load()
    lexicon = coder.resources.actor_matcher.lexicon
    pairs = ((name, entry) for name, entries in lexicon.names.items() for entry in entries)
    return {"q": q, "actors": views.actor_search(pairs, q, limit)}
