"""The README's API table, generated from the OpenAPI document so it cannot drift.

One row per route: what it does (the route's summary), what it takes (query
parameters and body fields, ``*`` = required, with defaults, bounds and
choices) and what it answers (the success status and the fields of its body).
``python -m memq.api_doc README.md`` rewrites the block between the markers;
tests/docs/test_readme.py fails when it is stale.
"""

from __future__ import annotations

from typing import Any

from dramatiq.brokers.stub import StubBroker

from gateway.app import create_app
from gateway.auth import ApiKeys
from gateway.transports.local import LocalTransport
from runtime.inproc import InProcessReplies
from runtime.settings import Settings

START, END = "<!-- api:start -->", "<!-- api:end -->"
METHODS = ("get", "post", "patch", "put", "delete")


def openapi_document() -> dict[str, Any]:
    """The document the gateway serves at /openapi.json (nothing is started)."""
    transport = LocalTransport(StubBroker(), InProcessReplies(), "memq")
    app = create_app(Settings(), transport, ApiKeys({"memq-api-doc": "doc"}))
    return app.openapi()


def markdown_table(doc: dict[str, Any] | None = None) -> str:
    doc = doc or openapi_document()
    schemas = doc.get("components", {}).get("schemas", {})
    rows = ["| endpoint | what | takes (`*` required) | answers |", "|---|---|---|---|"]
    for path, operations in doc["paths"].items():
        for method in METHODS:
            operation = operations.get(method)
            if operation is None:
                continue
            takes = [_parameter(p) for p in operation.get("parameters", []) if p["in"] == "query"]
            takes += _body(operation, schemas)
            rows.append(
                f"| `{method.upper()} {path}` | {_cell(operation.get('summary', ''))} "
                f"| {_cell('; '.join(takes)) or '—'} | {_cell(_answer(operation, schemas))} |"
            )
    return "\n".join(rows)


def with_table(readme: str) -> str:
    """``readme`` with the block between the API markers replaced by the table."""
    head, _, rest = readme.partition(START)
    _, _, tail = rest.partition(END)
    return f"{head}{START}\n{markdown_table()}\n{END}{tail}"


def _parameter(parameter: dict[str, Any]) -> str:
    text = f"`{parameter['name']}`" + ("*" if parameter.get("required") else "")
    schema = parameter.get("schema", {})
    description = parameter.get("description", "")
    if schema.get("default") is None and "default" in description:
        # A default the server computes (the context budget): the description says it.
        return f"{text}{_constraints(schema)}: {description}"
    return text + _constraints(schema)


def _constraints(schema: dict[str, Any]) -> str:
    """`=default`, `[min–max]`, `text|json` of a parameter or field, nulls aside."""
    options = [s for s in schema.get("anyOf", [schema]) if s.get("type") != "null"]
    choice = options[0] if options else schema
    parts = []
    if "enum" in choice:
        parts.append("|".join(str(value) for value in choice["enum"]))
    low = choice.get("minimum", choice.get("exclusiveMinimum"))
    high = choice.get("maximum", choice.get("exclusiveMaximum"))
    if low is not None or high is not None:
        parts.append(f"{'' if low is None else low}–{'' if high is None else high}")
    default = schema.get("default")
    if default == "":  # an empty default is a choice too (the user memory's general persona)
        parts.append('default ""')
    elif default is not None:
        parts.append(f"default {str(default).lower() if isinstance(default, bool) else default}")
    return f" ({', '.join(parts)})" if parts else ""


def _body(operation: dict[str, Any], schemas: dict[str, Any]) -> list[str]:
    content = operation.get("requestBody", {}).get("content", {})
    schema = _resolve(content.get("application/json", {}).get("schema", {}), schemas)
    fields = _fields(schema, schemas)
    return [f"body {{{fields}}}"] if fields else []


def _fields(schema: dict[str, Any], schemas: dict[str, Any]) -> str:
    """``name*`` and constraints of each property; a list of objects shows their fields."""
    required = set(schema.get("required", []))
    fields = []
    for name, field in schema.get("properties", {}).items():
        text = f"`{name}`" + ("*" if name in required else "") + _constraints(field)
        items = _resolve(field.get("items", {}), schemas)
        if field.get("type") == "array" and "properties" in items:
            text += f" [{{{_fields(items, schemas)}}}]"
        fields.append(text)
    return ", ".join(fields)


def _answer(operation: dict[str, Any], schemas: dict[str, Any]) -> str:
    for status, response in operation.get("responses", {}).items():
        if not status.startswith("2"):
            continue
        content = response.get("content", {})
        if not content:
            return status
        media, body = next(iter(content.items()))
        schema = _resolve(body.get("schema", {}), schemas)
        names = list(schema.get("properties", {}))
        if names:
            return f"{status} {{{', '.join(names)}}}"
        return f"{status} {media}"
    return ""


def _resolve(schema: dict[str, Any], schemas: dict[str, Any]) -> dict[str, Any]:
    ref = schema.get("$ref")
    if ref is None:
        return schema
    resolved: dict[str, Any] = schemas[ref.rsplit("/", 1)[-1]]
    return resolved


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


if __name__ == "__main__":
    import sys
    from pathlib import Path

    path = Path(sys.argv[1] if len(sys.argv) > 1 else "README.md")
    path.write_text(with_table(path.read_text()))
