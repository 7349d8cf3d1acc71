"""The web UI: server-rendered pages over the views in ``web.views``. Every page has a JSON twin
(add ``?format=json``) built by the same view function. Templates autoescape everything, and
the only script is ``/static/app.js``; data reaches it through ``data-`` attributes."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal
from urllib.parse import urlencode

from fastapi import APIRouter, FastAPI, File, Form, HTTPException, Query, Request, UploadFile
from fastapi.encoders import jsonable_encoder
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.concurrency import run_in_threadpool

from eventwire.analytics import map_points, network, parse_dyad, trend
from eventwire.analytics.svg import map_svg, network_svg, trend_svg
from eventwire.web import WEB_DIR, api, views

router = APIRouter(include_in_schema=False)
templates = Jinja2Templates(directory=str(WEB_DIR / "templates"))

# Columns of the events browser: (column, heading).
BROWSER_COLUMNS = (("day", "Date"), ("source_code", "Source"), ("plover_type", "Type"),
                   ("cameo_code", "CAMEO"), ("target_code", "Target"),
                   ("location_name", "Place"), ("article_source", "Outlet"),
                   ("evidence_text", "Evidence"))
# Largest upload the paste page takes (the app's body limit applies too).
MAX_UPLOAD_CHARS = 500_000


def mount_static(app: FastAPI) -> None:
    app.mount("/static", StaticFiles(directory=str(WEB_DIR / "static")), name="static")


def _render(request: Request, template: str, data: dict[str, Any], status: int = 200,
            **context: Any) -> Response:
    """The page, or its JSON twin when asked for with ``?format=json``."""
    if request.query_params.get("format") == "json":
        return JSONResponse(jsonable_encoder(data), status_code=status)
    return templates.TemplateResponse(request, template, {"data": data, **context},
                                      status_code=status)


def error_page(request: Request, status: int, detail: str) -> Response:
    return templates.TemplateResponse(request, "error.html", {"status": status, "detail": detail},
                                      status_code=status)


@router.get("/")
def index(request: Request) -> Response:
    return _render(request, "index.html", {"max_upload_chars": MAX_UPLOAD_CHARS})


@router.post("/annotate")
async def annotate(request: Request, text: Annotated[str, Form()] = "",
                   upload: Annotated[UploadFile | None, File()] = None,
                   title: Annotated[str, Form()] = "",
                   published: Annotated[str, Form()] = "") -> Response:
    """Code pasted (or uploaded) text and show it annotated. Nothing is stored."""
    if upload is not None and upload.filename:
        raw = await upload.read(MAX_UPLOAD_CHARS * 4 + 1)
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            raise HTTPException(422, "the uploaded file is not UTF-8 text") from None
    if not text.strip():
        raise HTTPException(422, "paste an article's text or choose a text file to upload")
    if len(text) > MAX_UPLOAD_CHARS:
        raise HTTPException(413, f"the text is over {MAX_UPLOAD_CHARS:,} characters")
    day = None
    if published.strip():
        try:
            day = date.fromisoformat(published.strip())
        except ValueError:
            raise HTTPException(422, f"published must be a date as YYYY-MM-DD, not {published!r}") from None
    fields: dict[str, Any] = {"published": day, "title": title.strip() or None}
    # coding takes a while: off the event loop, so other requests are served meanwhile
    result = await run_in_threadpool(request.app.state.coder.code, text,
                                     **{k: v for k, v in fields.items() if v})
    return _render(request, "article.html", views.article_view(result), stored=False,
                   selected=None)


@router.get("/articles/{article_id}")
def article(request: Request, article_id: str, event: str | None = None) -> Response:
    with request.app.state.source.reading() as store:
        result = store.get(article_id)
    if result is None:
        raise HTTPException(404, f"no article {article_id!r} in the store")
    return _render(request, "article.html", views.article_view(result), stored=True,
                   selected=event)


@router.get("/events")
def events(request: Request, q: Annotated[api.EventQuery, Query()]) -> Response:
    with request.app.state.source.reading() as store:
        data = views.events_page(store, q.event_filter(), q.limit, q.offset, q.sort, q.descending)
    filters = {k: v for k, v in q.model_dump().items()
               if v not in (None, "", False) and k not in ("limit", "offset", "sort", "descending")}

    def link(**change: Any) -> str:
        params = {**filters, "limit": q.limit, "offset": q.offset, "sort": q.sort,
                  "descending": q.descending, **change}
        return "/events?" + urlencode({k: _query_value(v) for k, v in params.items()})

    sort_links = {col: link(sort=col, offset=0, descending=not q.descending if q.sort == col else
                            col in ("day", "published", "cameo_goldstein"))
                  for col, _ in BROWSER_COLUMNS}
    pages = {"prev": link(offset=max(0, q.offset - q.limit)) if q.offset > 0 else None,
             "next": link(offset=q.offset + q.limit) if q.offset + q.limit < data["total"] else None,
             "json": link(format="json")}
    return _render(request, "events.html", data, query=q, columns=BROWSER_COLUMNS,
                   sort_links=sort_links, pages=pages)


def _query_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


@router.get("/events/{event_id}")
def event(request: Request, event_id: str) -> Response:
    with request.app.state.source.reading() as store:
        data = views.event_detail(store, event_id)
    if data is None:
        raise HTTPException(404, f"no event {event_id!r} in the store")
    return _render(request, "event.html", data)


@router.get("/dashboard")
def dashboard(request: Request, dyad: str | None = None,
              by: Literal["day", "week", "month"] = "month",
              since: date | None = None, until: date | None = None) -> Response:
    with request.app.state.source.reading() as store:
        pair = parse_dyad(dyad) if dyad else views.busiest_dyad(store)
        data = views.dashboard(store, since, until, pair, by)
    params = urlencode({k: v for k, v in (("dyad", ":".join(pair)), ("by", by),
                                           ("since", since), ("until", until)) if v})
    return _render(request, "dashboard.html", data, params=params)


@router.get("/charts/trend.svg")
def trend_chart(request: Request, dyad: str = "USA:RUS",
                by: Literal["day", "week", "month"] = "month",
                since: date | None = None, until: date | None = None) -> Response:
    pair = parse_dyad(dyad)
    with request.app.state.source.reading() as store:
        rows = trend(store, pair, by, since=since, until=until)
    return _svg(trend_svg(rows, f"Events between {pair[0]} and {pair[1]} by {by}", by))


@router.get("/charts/network.svg")
def network_chart(request: Request, since: date | None = None, until: date | None = None,
                  top: Annotated[int, Query(ge=2, le=100)] = 30) -> Response:
    with request.app.state.source.reading() as store:
        nodes, edges = network(store, since, until, top=top)
    return _svg(network_svg(nodes, edges, "Who acts on whom"))


@router.get("/charts/map.svg")
def map_chart(request: Request, since: date | None = None, until: date | None = None,
              type: str | None = None) -> Response:
    with request.app.state.source.reading() as store:
        points = map_points(store, since, until, type)
    return _svg(map_svg(points, "Where events happened"))


def _svg(body: str) -> Response:
    return Response(body, media_type="image/svg+xml")


