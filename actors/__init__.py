"""Dramatiq actors: thin wrappers that decode, call domain code, and return.

Actors are registered on a broker by ``actors.registry.register_actors`` at
worker start-up, with their dependencies passed in; nothing connects at import.
"""
