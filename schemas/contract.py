"""The version of memq's wire contract: the HTTP API, the AMQP messages and their models.

Semantic versioning of what a producer or client sees: the major number moves
when a field, route, actor or format is removed or changes meaning, the minor
number when one is added. The Python client distribution (``memq-client``)
carries this version, so a channel pins the contract it was written against.

1.4.0  details: of GET /v1/sessions/{id}/memory (the session's value-bearing units), of
       GET /v1/users/{user_id}/memory and of …/memory/search (earlier conversations');
       head of a forgotten value (user memory export and import): a removed value longer
       than a window is found again inside longer texts
1.3.0  persona, a session field (create, patch, a message that creates the session, export),
       and the persona filter of GET /v1/sessions; before it, metadata.persona (still read);
       open_items of a past conversation; GET/POST /v1/users/{user_id}/memory/export|import
       and their actors
1.2.0  the user memory: /v1/users/{user_id}/memory… and DELETE /v1/users/{user_id}, their
       actors and the update_user_memory job; the context's query and user_memory
1.1.0  every actor's kwargs typed and validated at the worker; format=openai
1.0.0  the contract as first published (docs/amqp.md, the OpenAPI document)
"""

CONTRACT_VERSION = "1.4.0"
