"""Jinja2 with autoescape on: every stored text reaches a page escaped."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, select_autoescape

from gateway.console.paths import CSRF_FIELD, PREFIX
from gateway.console.signins import SignIn

TEMPLATES = Path(__file__).parent / "templates"


def _when(value: Any) -> str:
    """A timestamp as the API gives it (ISO, UTC), shortened to the minute."""
    if isinstance(value, datetime):
        value = value.isoformat()
    return "" if value is None else str(value)[:16].replace("T", " ")


def _pretty_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2)


ENV = Environment(
    loader=FileSystemLoader(TEMPLATES),
    autoescape=select_autoescape(["html", "svg"], default_for_string=True),
    trim_blocks=True,
    lstrip_blocks=True,
)
ENV.filters["when"] = _when
ENV.filters["pretty_json"] = _pretty_json
ENV.globals["prefix"] = PREFIX
ENV.globals["csrf_field"] = CSRF_FIELD


def page(
    request: Request, name: str, signin: SignIn | None = None, status: int = 200, **values: Any
) -> HTMLResponse:
    html = ENV.get_template(name).render(request=request, signin=signin, status=status, **values)
    return HTMLResponse(html, status_code=status)
