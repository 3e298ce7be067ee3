"""A tiny JSON Schema check: the keywords our generated schemas use, nothing more.

The ``jsonschema`` package is not a dependency; this covers ``type``, ``enum``, ``const``,
``properties``/``required``/``additionalProperties: false``, ``items``, ``min``/``max`` bounds,
``uniqueItems``, ``pattern``, ``allOf``, ``if``/``then`` and ``not``.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

_TYPES: dict[str, Any] = {"string": str, "integer": int, "boolean": bool, "array": list,
                          "object": dict}


def _type_ok(value: Any, name: str) -> bool:
    if name == "integer" and isinstance(value, bool):
        return False
    return isinstance(value, _TYPES[name])


def errors(schema: dict[str, Any], value: Any, path: str = "$") -> list[str]:
    """Every way ``value`` breaks ``schema``, as ``path: reason``."""
    if isinstance(value, dt.date):
        value = value.isoformat()  # YAML dates are strings to an editor's schema check
    found: list[str] = []
    if "type" in schema and not _type_ok(value, schema["type"]):
        return [f"{path}: not {schema['type']}"]
    if "enum" in schema and value not in schema["enum"]:
        found.append(f"{path}: not one of {schema['enum']}")
    if "const" in schema and value != schema["const"]:
        found.append(f"{path}: not {schema['const']!r}")
    if "not" in schema and not errors(schema["not"], value, path):
        found.append(f"{path}: matches a 'not'")
    found += _bounds(schema, value, path)
    if isinstance(value, dict):
        found += _object(schema, value, path)
    if isinstance(value, list) and "items" in schema:
        for i, item in enumerate(value):
            found += errors(schema["items"], item, f"{path}[{i}]")
    for sub in schema.get("allOf", []):
        if "if" in sub:
            if not errors(sub["if"], value, path):
                found += errors(sub["then"], value, path)
        else:
            found += errors(sub, value, path)
    return found


def _bounds(schema: dict[str, Any], value: Any, path: str) -> list[str]:
    found = []
    if isinstance(value, str):
        if len(value) < schema.get("minLength", 0) or len(value) > schema.get("maxLength", 1 << 30):
            found.append(f"{path}: length {len(value)}")
        if "pattern" in schema and not re.search(schema["pattern"], value):
            found.append(f"{path}: does not match {schema['pattern']}")
    if isinstance(value, int) and not isinstance(value, bool) and not (
            schema.get("minimum", value) <= value <= schema.get("maximum", value)):
        found.append(f"{path}: {value} out of range")
    if isinstance(value, list):
        if len(value) < schema.get("minItems", 0):
            found.append(f"{path}: too few items")
        if schema.get("uniqueItems") and len({repr(v) for v in value}) != len(value):
            found.append(f"{path}: items repeat")
    return found


def _object(schema: dict[str, Any], value: dict[str, Any], path: str) -> list[str]:
    found = [f"{path}: '{key}' is required" for key in schema.get("required", ())
             if key not in value]
    properties = schema.get("properties", {})
    for key, item in value.items():
        if key in properties:
            found += errors(properties[key], item, f"{path}.{key}")
        elif schema.get("additionalProperties") is False:
            found.append(f"{path}: '{key}' is not allowed")
    return found
