"""What a console page answers when it cannot show what was asked."""

from __future__ import annotations


class SignInRequired(Exception):
    """No valid sign-in: the browser is sent to the sign-in page."""


class Refused(Exception):
    """An action the console refuses (bad CSRF token, read-only key): shown as a page."""

    def __init__(self, status: int, detail: str) -> None:
        super().__init__(detail)
        self.status = status
        self.detail = detail
