"""PyMongo errors in memq's hierarchy, shared by every MongoDB adapter module."""

from __future__ import annotations

import functools
from collections.abc import Callable

from bson.errors import InvalidDocument
from pymongo.errors import ConnectionFailure, DocumentTooLarge, PyMongoError

from schemas.errors import InvalidInput, StoreUnavailable

#: What PyMongo raises for a document it will never store: a permanent refusal.
BSON_REFUSALS = (InvalidDocument, DocumentTooLarge, OverflowError)


def translated[**P, R](fn: Callable[P, R]) -> Callable[P, R]:
    """Connection trouble and timeouts become ``StoreUnavailable`` (retried later); a
    document BSON cannot encode becomes ``InvalidInput`` (never retried)."""

    @functools.wraps(fn)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return fn(*args, **kwargs)
        except BSON_REFUSALS as exc:
            # The type only: BSON's messages may quote the value.
            raise InvalidInput(f"mongodb refused the document ({type(exc).__name__})") from exc
        except ConnectionFailure as exc:
            raise StoreUnavailable(f"mongodb: {type(exc).__name__}") from exc
        except PyMongoError as exc:
            if exc.timeout:
                raise StoreUnavailable(f"mongodb: {type(exc).__name__}") from exc
            raise

    return wrapper
