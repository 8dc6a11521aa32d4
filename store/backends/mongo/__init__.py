"""The production adapter: MongoDB."""

from store.backends.mongo.database import MongoStore

__all__ = ["MongoStore"]
