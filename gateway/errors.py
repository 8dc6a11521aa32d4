"""Every error leaves the gateway as ``{"error": {"code", "detail"}}`` with a status."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from memq.errors import MemqError, RateLimited

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
    problems = [_describe(error) for error in exc.errors()]
    return JSONResponse(
        error_body("invalid_input", "; ".join(problems), errors=problems), status_code=422
    )


async def _http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, HTTPException)
    return JSONResponse(
        error_body(f"http_{exc.status_code}", str(exc.detail)), status_code=exc.status_code
    )


def _describe(error: Any) -> str:
    where = ".".join(str(part) for part in error.get("loc", ()) if part != "body") or "body"
    message = str(error.get("msg", "invalid"))
    if error.get("type") == "extra_forbidden":
        message = "unknown field"
    elif error.get("type") == "json_invalid":
        message = f"malformed JSON ({error.get('ctx', {}).get('error', 'parse error')})"
    return f"{where}: {message}"
