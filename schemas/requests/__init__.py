"""Every actor's keyword arguments as a model: the request half of the AMQP contract.

    base.py       ``ActorRequest``: names its actor, forbids unknown fields, dumps its kwargs
    sessions.py   sessions, their messages and memory, the store ping
    reads.py      context, analytics, search, export and import, retention on demand
    jobs.py       the work nobody waits for: memory folds, maintenance ticks and jobs
    user_memory.py  a user's memory across conversations: the merge job, reads, corrections
    catalog.py    actor name → model, for the workers, the JSON Schemas and the tests

The gateway builds one of these for every request it sends; the worker
validates the message's kwargs with the same model before its actor runs, so a
request from any producer is held to the rules the HTTP API states. The JSON
Schemas in ``schemas/jsonschema/requests/`` are generated from them.
"""
