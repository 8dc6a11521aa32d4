"""``/docs`` (Swagger UI) and ``/redoc`` (ReDoc), served by memq itself.

FastAPI's own pages load their scripts from a CDN, so they were blank on a
machine without internet. The same scripts ship in the ``fastapi-offline``
package; memq serves them from there under ``/docs/static``.
"""

from __future__ import annotations

from pathlib import Path

import fastapi_offline
from fastapi import APIRouter, FastAPI
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

ASSETS = Path(fastapi_offline.__file__).parent / "static"
STATIC = "/docs/static"

router = APIRouter(include_in_schema=False)


@router.get("/docs")
async def swagger_ui() -> HTMLResponse:
    return get_swagger_ui_html(
        openapi_url="/openapi.json",
        title="memq API",
        swagger_js_url=f"{STATIC}/swagger-ui-bundle.js",
        swagger_css_url=f"{STATIC}/swagger-ui.css",
        swagger_favicon_url=f"{STATIC}/favicon.png",
    )


@router.get("/redoc")
async def redoc() -> HTMLResponse:
    return get_redoc_html(
        openapi_url="/openapi.json",
        title="memq API",
        redoc_js_url=f"{STATIC}/redoc.standalone.js",
        redoc_favicon_url=f"{STATIC}/favicon.png",
        with_google_fonts=False,
    )


def install(app: FastAPI) -> None:
    """The two pages and their assets (``app`` is made with docs_url=redoc_url=None)."""
    app.include_router(router)
    app.mount(STATIC, StaticFiles(directory=ASSETS), name="docs-static")
