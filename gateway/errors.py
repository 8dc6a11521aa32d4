"""Every error leaves the gateway as ``{"error": {"code", "detail"}}`` with a status."""

from __future__ import annotations

import logging
import re
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from schemas.errors import MemqError, RateLimited

logger = logging.getLogger("memq.gateway")


def install(app: FastAPI) -> None:
    app.add_exception_handler(MemqError, _memq_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(HTTPException, _http_error)


def error_body(code: str, detail: str, **extra: Any) -> dict[str, Any]:
    return {"error": {"code": code, "detail": detail, **extra}}


async def _memq_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, MemqError)
    if exc.status >= 500:
        logger.warning("%s %s -> %s %s", request.method, request.url.path, exc.status, exc.code)
    headers = {"WWW-Authenticate": "Bearer"} if exc.status == 401 else None
    if isinstance(exc, RateLimited):
        headers = {"Retry-After": str(exc.retry_after)}
    return JSONResponse(error_body(exc.code, exc.detail), status_code=exc.status, headers=headers)


async def _validation_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    if _body_not_sent_as_json(request, exc):
        content_type = request.headers.get("content-type")
        problem = (
            "body: send it as JSON with the header `Content-Type: application/json` "
            f"({'got ' + repr(content_type) if content_type else 'no Content-Type was sent'})"
        )
        return JSONResponse(error_body("invalid_input", problem, errors=[problem]), status_code=422)
    problems = [describe_problem(error) for error in exc.errors()]
    return JSONResponse(
        error_body("invalid_input", "; ".join(problems), errors=problems), status_code=422
    )


async def _http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, HTTPException)
    if exc.status_code == 400 and exc.__cause__ is not None:
        # FastAPI's "There was an error parsing the body": a body that is not UTF-8
        # (or JSON too deep to read) is malformed JSON, answered as such.
        problem = f"body: malformed JSON ({type(exc.__cause__).__name__})"
        return JSONResponse(error_body("invalid_input", problem, errors=[problem]), status_code=422)
    headers = exc.headers
    if exc.status_code == 405:
        # RFC 9110: Allow lists every method of the resource; Starlette's names only
        # those of the first route whose path matched.
        headers = {**(headers or {}), "Allow": ", ".join(_allowed_methods(request))}
    return JSONResponse(
        error_body(f"http_{exc.status_code}", str(exc.detail)),
        status_code=exc.status_code,
        headers=headers,
    )


def _allowed_methods(request: Request) -> list[str]:
    """The methods the OpenAPI document lists for the request's path (GET brings HEAD)."""
    methods: set[str] = set()
    for template, operations in request.app.openapi()["paths"].items():
        pattern = re.sub(r"\\\{[^}]*\\\}", "[^/]+", re.escape(template))
        if re.fullmatch(pattern, request.url.path):
            methods |= {method.upper() for method in operations}
    if "GET" in methods:
        methods.add("HEAD")
    return sorted(methods)


def _body_not_sent_as_json(request: Request, exc: RequestValidationError) -> bool:
    """A JSON body posted without its Content-Type: FastAPI never parsed it, so the
    error would be "Input should be a valid dictionary" without naming the header."""
    if "json" in request.headers.get("content-type", "").lower():
        return False
    return any(tuple(error.get("loc", ())) == ("body",) for error in exc.errors())


def describe_problem(error: Any) -> str:
    if error.get("type") == "json_invalid":
        # loc is ("body", offset): the offset is a character position, not a field.
        offset = next((part for part in error.get("loc", ())[1:] if isinstance(part, int)), None)
        at = f" at character {offset}" if offset is not None else ""
        why = error.get("ctx", {}).get("error", "parse error")
        return f"body: malformed JSON{at} ({why})"
    where = ".".join(str(part) for part in error.get("loc", ()) if part != "body") or "body"
    message = str(error.get("msg", "invalid"))
    if error.get("type") == "extra_forbidden":
        message = "unknown field"
    return f"{where}: {message}"
