"""The production adapter of the store port: MongoDB (``store``), a module per part."""

from store.backends.mongo.store import MongoStore

__all__ = ["MongoStore"]
