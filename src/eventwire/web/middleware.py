"""What every response gets: the body-size limit (413), one JSON error shape for the API, and
security headers that forbid inline scripts and outside resources."""

from __future__ import annotations

from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from eventwire.errors import EventwireError
from eventwire.web import error_body

# Pages may load only what the app itself serves; no inline script, no inline style from data.
_CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")


class BodyLimit:
    """Answer 413 to a request whose body is over ``limit`` bytes: by its Content-Length, or,
    for a streamed body with none, by reading it (never more than ``limit`` bytes are held)
    before the app sees it."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope["headers"])
        declared = headers.get(b"content-length")
        if declared is not None:
            if declared.isdigit() and int(declared) > self.limit:
                await self._refuse(scope, receive, send)
                return
            await self.app(scope, receive, send)
            return
        if headers.get(b"transfer-encoding") is None:
            await self.app(scope, receive, send)  # no body
            return
        held: list[Message] = []
        size = 0
        while True:
            message = await receive()
            held.append(message)
            if message["type"] != "http.request":
                break
            size += len(message.get("body", b""))
            if size > self.limit:
                await self._refuse(scope, receive, send)
                return
            if not message.get("more_body", False):
                break

        async def replay() -> Message:
            return held.pop(0) if held else await receive()

        await self.app(scope, replay, send)

    async def _refuse(self, scope: Scope, receive: Receive, send: Send) -> None:
        response = JSONResponse(error_body(413, f"the request body is over the limit of "
                                                f"{self.limit:,} bytes"), status_code=413)
        await response(scope, receive, send)


def _wants_json(request: Request) -> bool:
    path = request.url.path
    return (path.startswith("/v1") or path == "/healthz" or request.query_params.get("format") == "json"
            or "application/json" in request.headers.get("accept", ""))


def install(app: FastAPI, max_body: int) -> None:
    """Add the limit, the error handlers and the headers to ``app``."""
    from eventwire.web.pages import error_page

    app.add_middleware(BodyLimit, limit=max_body)

    @app.middleware("http")
    async def headers(request: Request, call_next: Any) -> Response:
        response: Response = await call_next(request)
        response.headers["Content-Security-Policy"] = _CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        return response

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        errors = [{"where": ".".join(str(p) for p in e.get("loc", ())), "problem": e.get("msg"),
                   "type": e.get("type")} for e in exc.errors()]
        detail = "; ".join(f"{e['where']}: {e['problem']}" for e in errors) or "invalid request"
        if _wants_json(request):
            return JSONResponse(error_body(422, detail, errors), status_code=422)
        return error_page(request, 422, detail)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        detail = exc.detail if isinstance(exc.detail, str) else HTTPStatus(exc.status_code).phrase
        if _wants_json(request):
            return JSONResponse(error_body(exc.status_code, detail), status_code=exc.status_code,
                                headers=getattr(exc, "headers", None))
        return error_page(request, exc.status_code, detail)

    @app.exception_handler(EventwireError)
    async def bad_input(request: Request, exc: EventwireError) -> Response:
        # a filter the library refuses (an unknown sort column, a malformed --near...)
        if _wants_json(request):
            return JSONResponse(error_body(422, str(exc)), status_code=422)
        return error_page(request, 422, str(exc))
