"""PyMongo errors in memq's hierarchy, shared by every MongoDB adapter module."""

from __future__ import annotations

import functools
from collections.abc import Callable

from pymongo.errors import ConnectionFailure, PyMongoError

from memq.errors import StoreUnavailable


def translated[**P, R](fn: Callable[P, R]) -> Callable[P, R]:
    """Connection trouble and timeouts become ``StoreUnavailable`` (retried later)."""

    @functools.wraps(fn)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return fn(*args, **kwargs)
        except ConnectionFailure as exc:
            raise StoreUnavailable(f"mongodb: {type(exc).__name__}") from exc
        except PyMongoError as exc:
            if exc.timeout:
                raise StoreUnavailable(f"mongodb: {type(exc).__name__}") from exc
            raise

    return wrapper
