"""Where the gateway is, who is calling, and how long to wait: shared by both clients."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

import httpx

from memq_client.retry import RetryPolicy

#: ``memq serve`` and ``memq gateway`` listen here unless MEMQ_PORT says otherwise.
DEFAULT_URL = "http://127.0.0.1:8080"

#: Per attempt. Reads wait for a worker's reply: the gateway itself gives a
#: read up to 2 x MEMQ_REQUEST_TIMEOUT (5 s) before it answers 504.
DEFAULT_TIMEOUT = httpx.Timeout(15.0, connect=3.0)

USER_AGENT = "memq-client/0.1"


@dataclass(frozen=True)
class ClientConfig:
    base_url: str
    api_key: str = field(repr=False)
    timeout: httpx.Timeout
    retry: RetryPolicy

    @classmethod
    def resolve(
        cls,
        base_url: str | None,
        api_key: str | None,
        timeout: float | httpx.Timeout | None,
        retry: RetryPolicy | None,
    ) -> ClientConfig:
        """Arguments first, then MEMQ_URL / MEMQ_API_KEY, then the defaults."""
        url = base_url or os.environ.get("MEMQ_URL") or DEFAULT_URL
        key = api_key or os.environ.get("MEMQ_API_KEY")
        if not key:
            raise ValueError("no memq API key: pass api_key= or set MEMQ_API_KEY")
        if not url.startswith(("http://", "https://")):
            raise ValueError(f"base_url must start with http:// or https:// (got {url!r})")
        if timeout is None:
            resolved = DEFAULT_TIMEOUT
        elif isinstance(timeout, httpx.Timeout):
            resolved = timeout
        else:
            resolved = httpx.Timeout(float(timeout))
        return cls(url.rstrip("/"), key, resolved, retry or RetryPolicy())

    def url(self, path: str) -> str:
        return self.base_url + path

    def headers(self) -> dict[str, str]:
        return {
            "Authorization": f"Bearer {self.api_key}",
            "Accept": "application/json",
            "User-Agent": USER_AGENT,
        }
