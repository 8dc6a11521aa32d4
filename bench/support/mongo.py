"""A MongoDB for tests: ``MEMQ_TEST_MONGODB_URL``, else mongoeco's wire server on loopback.

mongoeco (test-only, PyPI) speaks the real MongoDB wire protocol, so real
PyMongo clients, in this process or in worker subprocesses, talk to it through
a ``mongodb://127.0.0.1:PORT/?directConnection=true`` URL. It keeps data in
memory and is slow (about 100 writes/s): keep test data small.

We run it ourselves rather than through ``mongoeco._pytest_runtime.ProxyThread``:
that class is private and wants dialect/profile keys from the plugin's options.

Run ``python -m bench.support.mongo`` to serve one by hand; it prints the URL.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress

URL_ENV = "MEMQ_TEST_MONGODB_URL"
_START_TIMEOUT_S = 10.0


class MongoecoServer:
    """mongoeco's wire server on its own thread and event loop.

    ``start()`` returns the URL; ``close()`` stops the server and joins the thread.
    """

    def __init__(self, host: str = "127.0.0.1", port: int = 0) -> None:
        self._host = host
        self._port = port
        self._ready: concurrent.futures.Future[str] = concurrent.futures.Future()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._stop: asyncio.Event | None = None
        self._thread = threading.Thread(target=self._run, name="mongoeco-server", daemon=True)
        self.url: str | None = None

    def start(self) -> str:
        self._thread.start()
        try:
            self.url = self._ready.result(timeout=_START_TIMEOUT_S)
        except BaseException:
            self.close()
            raise
        return self.url

    def close(self) -> None:
        if self._loop is not None and self._stop is not None:
            with suppress(RuntimeError):  # the loop already finished
                self._loop.call_soon_threadsafe(self._stop.set)
        if self._thread.ident is not None:
            self._thread.join(timeout=_START_TIMEOUT_S)

    def _run(self) -> None:
        try:
            asyncio.run(self._serve())
        except BaseException as exc:
            if not self._ready.done():
                self._ready.set_exception(exc)

    async def _serve(self) -> None:
        # Imported here: mongoeco is a test-only dependency.
        from mongoeco.engines.memory import MemoryEngine
        from mongoeco.wire.proxy import AsyncMongoEcoProxyServer

        self._loop = asyncio.get_running_loop()
        self._stop = asyncio.Event()
        proxy = AsyncMongoEcoProxyServer(engine=MemoryEngine(), host=self._host, port=self._port)
        await asyncio.wait_for(proxy.start(), timeout=_START_TIMEOUT_S)
        try:
            self._ready.set_result(proxy.address.uri)
            await self._stop.wait()
        finally:
            await proxy.close()


@contextmanager
def mongodb_url() -> Iterator[str]:
    """Yield a MongoDB URL for the duration of the block (see the module docstring)."""
    url = os.environ.get(URL_ENV)
    if url:
        yield url
        return
    server = MongoecoServer()
    try:
        yield server.start()
    finally:
        server.close()


def main() -> None:
    server = MongoecoServer()
    print(server.start(), flush=True)
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        pass
    finally:
        server.close()


if __name__ == "__main__":
    main()
