"""The JSON contract a client and its reference server share: an OpenAPI 3.1 document built in
one place per system, served by the reference server at /openapi.json, and used by the client to
check every answer. Only the JSON-Schema subset the documents use is checked (type, required,
properties, additionalProperties, enum, items, minimum, maxLength, pattern), so no schema
library is needed at run time.
"""

from __future__ import annotations

import re
from typing import Any

Schema = dict[str, Any]

_TYPES: dict[str, tuple[type, ...]] = {
    "object": (dict,),
    "array": (list,),
    "string": (str,),
    "integer": (int,),
    "number": (int, float),
    "boolean": (bool,),
    "null": (type(None),),
}


def obj(required: dict[str, Schema], optional: dict[str, Schema] | None = None) -> Schema:
    return {
        "type": "object",
        "required": sorted(required),
        "properties": {**required, **(optional or {})},
    }


def string(*enum: str, pattern: str = "", max_length: int = 0) -> Schema:
    s: Schema = {"type": "string"}
    if enum:
        s["enum"] = list(enum)
    if pattern:
        s["pattern"] = pattern
    if max_length:
        s["maxLength"] = max_length
    return s


def integer(minimum: int | None = 0) -> Schema:
    return {"type": "integer"} if minimum is None else {"type": "integer", "minimum": minimum}


def number() -> Schema:
    return {"type": "number"}


def boolean() -> Schema:
    return {"type": "boolean"}


def nullable(s: Schema) -> Schema:
    return {**s, "type": [s["type"], "null"]}


def array(items: Schema) -> Schema:
    return {"type": "array", "items": items}


ERROR = obj({"error": string(max_length=64), "message": string()})
HEALTH = {
    "/health": {
        "get": {
            "summary": "Reachable and serving (health gating polls it)",
            "responses": {
                "200": {
                    "description": "ok",
                    "content": {"application/json": {"schema": obj({"ok": {"type": "boolean"}})}},
                },
                "4XX": {"description": "refused", "content": {"application/json": {"schema": ERROR}}},
            },
        }
    }
}


def violations(value: Any, schema: Schema, where: str = "$") -> list[str]:
    """Why `value` breaks `schema` (empty when it conforms)."""
    types = schema.get("type")
    if types is not None:
        names = types if isinstance(types, list) else [types]
        ok = any(
            isinstance(value, _TYPES[n]) and not (n in ("integer", "number") and isinstance(value, bool))
            for n in names
        )
        if not ok:
            return [f"{where}: expected {'/'.join(names)}, got {type(value).__name__}"]
    if value is None:
        return []
    out: list[str] = []
    if "enum" in schema and value not in schema["enum"]:
        out.append(f"{where}: {value!r} not one of {schema['enum']}")
    if isinstance(value, (int, float)) and "minimum" in schema and value < schema["minimum"]:
        out.append(f"{where}: {value} below {schema['minimum']}")
    if isinstance(value, str):
        if "maxLength" in schema and len(value) > schema["maxLength"]:
            out.append(f"{where}: longer than {schema['maxLength']}")
        if "pattern" in schema and not re.fullmatch(schema["pattern"], value):
            out.append(f"{where}: does not match {schema['pattern']}")
    if isinstance(value, dict):
        for key in schema.get("required", ()):
            if key not in value:
                out.append(f"{where}: missing {key}")
        for key, sub in schema.get("properties", {}).items():
            if key in value:
                out.extend(violations(value[key], sub, f"{where}.{key}"))
    if isinstance(value, list) and "items" in schema:
        for i, item in enumerate(value):
            out.extend(violations(item, schema["items"], f"{where}[{i}]"))
    return out


def operation(
    summary: str, response: Schema, request: Schema | None = None, errors: tuple[str, ...] = ()
) -> dict[str, Any]:
    """One OpenAPI operation: a JSON request body (optional), the 200 answer, and the business
    error codes it may answer with (as 4xx {"error", "message"})."""
    op: dict[str, Any] = {
        "summary": summary,
        "responses": {
            "200": {"description": "ok", "content": {"application/json": {"schema": response}}},
            "4XX": {
                "description": "refused: " + (", ".join(errors) or "bad request"),
                "content": {"application/json": {"schema": ERROR}},
            },
        },
    }
    if errors:
        op["x-errors"] = list(errors)
    if request is not None:
        op["requestBody"] = {"required": True, "content": {"application/json": {"schema": request}}}
    return op


def document(title: str, version: str, paths: dict[str, dict[str, Any]]) -> dict[str, Any]:
    return {"openapi": "3.1.0", "info": {"title": title, "version": version}, "paths": {**HEALTH, **paths}}


class Contract:
    """Looks up the answer schema of (method, path) in an OpenAPI document."""

    def __init__(self, doc: dict[str, Any]) -> None:
        self.doc = doc
        self._routes: list[tuple[str, re.Pattern[str], dict[str, Any]]] = []
        for template, ops in doc["paths"].items():
            rx = re.compile("^" + re.sub(r"\{[^/]+\}", "[^/]+", template) + "$")
            for method, op in ops.items():
                self._routes.append((method.upper(), rx, op))

    def operation(self, method: str, path: str) -> dict[str, Any]:
        path = path.split("?", 1)[0]
        for m, rx, op in self._routes:
            if m == method.upper() and rx.match(path):
                return op
        raise KeyError(f"{method} {path} is not in the contract")

    def check(self, method: str, path: str, status: int, body: Any) -> list[str]:
        op = self.operation(method, path)
        key = "200" if status == 200 else "4XX"
        schema = op["responses"][key]["content"]["application/json"]["schema"]
        found = violations(body, schema)
        if status != 200 and not found and body["error"] not in (*op.get("x-errors", ()), "bad_request"):
            found.append(f"$.error: {body['error']!r} is not an error this call may answer")
        return found
