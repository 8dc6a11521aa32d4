"""The console's route class: failures become pages (or the sign-in redirect), never JSON."""

from __future__ import annotations

from collections.abc import Callable, Coroutine, Sequence
from typing import Any

from fastapi import Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import RedirectResponse
from fastapi.routing import APIRoute
from pydantic import ValidationError

from gateway.console.deps import signins
from gateway.console.errors import Refused, SignInRequired
from gateway.console.paths import COOKIE, PREFIX
from gateway.console.signins import SignIn
from gateway.console.templating import page
from schemas.errors import MemqError


class ConsoleRoute(APIRoute):
    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def handle(request: Request) -> Response:
            try:
                return await handler(request)
            except SignInRequired:
                return RedirectResponse(f"{PREFIX}/sign-in", status_code=303)
            except Refused as exc:
                return _error(request, exc.status, exc.detail)
            except RequestValidationError as exc:
                return _invalid(request, exc.errors())
            except ValidationError as exc:  # a request model refused a filter's value
                return _invalid(request, exc.errors())
            except MemqError as exc:
                return _error(request, exc.status, exc.detail)

        return handle


def _invalid(request: Request, errors: Sequence[Any]) -> Response:
    if any(error.get("loc", ("",))[0] == "path" for error in errors):
        # An id that is no id cannot name anything of this account.
        return _error(request, 404, "no such page")
    fields = ", ".join(str(error.get("loc", ("", "?"))[-1]) for error in errors)
    return _error(request, 400, f"invalid filter or value: {fields}")


def _error(request: Request, status: int, detail: str) -> Response:
    # The failed handler's sign-in is gone with it: found again, so an error page keeps
    # the navigation and the sign-out button of every other page.
    signin: SignIn | None = signins(request).find(request.cookies.get(COOKIE))
    return page(request, "error.html", signin, status=status, detail=detail)
