"""A minimal HTTP/1.1 keep-alive client for the benchmarks."""

from __future__ import annotations

import asyncio
from contextlib import suppress

import httpx


class RawHttpClient:
    """The least an HTTP/1.1 keep-alive client can do: write a request, read the answer.

    The benches share the machine's cores with what they measure, so their
    client should cost as little CPU as possible; httpx costs several times
    more per request (``bench.ingest --client httpx`` compares). Enough for
    uvicorn's answers: a status line, headers with Content-Length, a body.
    """

    def __init__(self, base_url: str, headers: dict[str, str]) -> None:
        url = httpx.URL(base_url)
        self.host, self.port = url.host, url.port or 80
        self.head = "".join(f"{k}: {v}\r\n" for k, v in headers.items())
        self.head += f"Host: {self.host}:{self.port}\r\n"
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def post(self, path: str, body: bytes) -> int:
        status, _ = await self.request("POST", path, body)
        return status

    async def get(self, path: str) -> tuple[int, bytes]:
        return await self.request("GET", path)

    async def request(self, method: str, path: str, body: bytes = b"") -> tuple[int, bytes]:
        if self.writer is None or self.reader is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        length_header = f"Content-Length: {len(body)}\r\n" if body or method == "POST" else ""
        self.writer.write(
            f"{method} {path} HTTP/1.1\r\n{self.head}{length_header}\r\n".encode() + body
        )
        head = await self.reader.readuntil(b"\r\n\r\n")
        status = int(head[9:12])
        length = 0
        for line in head.split(b"\r\n")[1:]:
            name, _, value = line.partition(b":")
            if name.strip().lower() == b"content-length":
                length = int(value)
        answer = await self.reader.readexactly(length) if length else b""
        if b"connection: close" in head.lower():
            await self.close()
        return status, answer

    async def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
            with suppress(OSError):
                await self.writer.wait_closed()
        self.reader = self.writer = None
