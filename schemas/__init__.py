"""The wire contract: what travels over HTTP and AMQP, as pydantic models.

Nothing here imports gateway, actor or store code, so both sides (and clients
in other languages, via the generated JSON Schemas) can depend on it.
"""
