"""The OpenAPI document: FastAPI's, with the export's JSON Schemas as its answer types.

The itinerary answer of ``POST /v1/plans`` is described by the very JSON Schema the JSON
export ships (``tourplan/export/itinerary.schema.json``): its ``$defs`` become components named
``itinerary.<name>`` and the document itself ``Itinerary``, so the two cannot drift apart.
Every error answer is an RFC 9457 problem (``Problem``).
"""

from __future__ import annotations

from typing import Any

from ..export import itinerary_schema
from .problems import PROBLEM_MEDIA_TYPE, problem_schema

__all__ = ["ITINERARY_REF", "PROBLEM_REF", "add_components", "itinerary_components"]

ITINERARY_REF = "#/components/schemas/Itinerary"
"""Where the itinerary JSON Schema sits in the OpenAPI document."""

PROBLEM_REF = "#/components/schemas/Problem"
"""Where the schema of error answers sits in the OpenAPI document."""

VILLAGE_REF = "#/components/schemas/itinerary.village"
"""A village record: the same schema as the villages embedded in an itinerary."""


def _rewrite(node: Any) -> Any:
    """``node`` with every ``#/$defs/NAME`` reference pointed at its component."""
    if isinstance(node, dict):
        out = {}
        for key, value in node.items():
            if key == "$ref" and isinstance(value, str) and value.startswith("#/$defs/"):
                value = "#/components/schemas/itinerary." + value.removeprefix("#/$defs/")
            out[key] = _rewrite(value)
        return out
    if isinstance(node, list):
        return [_rewrite(v) for v in node]
    return node


def itinerary_components() -> dict[str, Any]:
    """The itinerary JSON Schema as OpenAPI components: ``Itinerary`` and ``itinerary.*``."""
    schema = itinerary_schema()
    defs = schema.pop("$defs", {})
    for key in ("$schema", "$id"):  # an $id would make the rewritten references relative to it
        schema.pop(key, None)
    components = {"Itinerary": _rewrite(schema)}
    components.update({f"itinerary.{name}": _rewrite(d) for name, d in defs.items()})
    return components


def _problem_content() -> dict[str, Any]:
    return {PROBLEM_MEDIA_TYPE: {"schema": {"$ref": PROBLEM_REF}}}


def add_components(document: dict[str, Any]) -> dict[str, Any]:
    """Add the export's schemas and the problem schema; every 4xx/5xx answer is a problem."""
    schemas = document.setdefault("components", {}).setdefault("schemas", {})
    schemas.update(itinerary_components())
    schemas["Problem"] = problem_schema()
    for name in ("HTTPValidationError", "ValidationError"):
        schemas.pop(name, None)
    for path in document.get("paths", {}).values():
        for operation in path.values():
            for status, response in operation.get("responses", {}).items():
                if status[0] in "45":
                    response["content"] = _problem_content()
    return document
