"""Villages as JSON: reading ``[...]`` or ``{"villages": [...]}`` into items, and writing them."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from ..exceptions import DataError
from ..model import Village
from .records import COLUMNS, REQUIRED, check_columns, village_record

__all__ = ["MAX_JSON_DEPTH", "json_load", "json_village_items", "villages_to_json"]


MAX_JSON_DEPTH = 32
"""The deepest nesting of arrays and objects a village JSON or GeoJSON file may have (a
village list is 4 deep; a GeoJSON point 5)."""


def _too_deep(value: Any) -> bool:
    """Whether arrays and objects in ``value`` nest deeper than :data:`MAX_JSON_DEPTH` (an
    iterative walk: no recursion however deep the value)."""
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        children = item.values() if isinstance(item, dict) else item
        if isinstance(item, dict | list):
            if depth > MAX_JSON_DEPTH:
                return True
            stack.extend((child, depth + 1) for child in children if isinstance(child, dict | list))
    return False


def json_load(text: str, source: str) -> Any:
    """The JSON value of ``text``; a syntax error is a DataError naming the line and column.

    Raises
    ------
    DataError
        Also when arrays and objects nest deeper than :data:`MAX_JSON_DEPTH`.
    """
    deep = DataError(
        f"not a village file: arrays and objects nest more than {MAX_JSON_DEPTH} deep",
        source=source,
    )
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        raise DataError(
            f"not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})", source=source
        ) from None
    except RecursionError:  # the parser's own limit, far deeper than ours
        raise deep from None
    except ValueError:  # Python reads integers of at most 4,300 digits (issue #19)
        raise DataError(
            "not valid JSON for tourplan: a number with more than 4,300 digits", source=source
        ) from None
    if _too_deep(value):
        raise deep
    return value


def json_village_items(text: str, source: str) -> list[tuple[int, dict[str, Any]]]:
    """The villages of a JSON document as ``(1-based item number, record)`` pairs.

    Raises
    ------
    DataError
        When the document is not a list of objects (or ``{"villages": [...]}``) or an item's
        keys have a near-miss typo or lack a required field.
    """
    data = json_load(text, source)
    if isinstance(data, dict) and "villages" in data:
        data = data["villages"]
    if not isinstance(data, list):
        raise DataError('expected a list of villages or {"villages": [...]}', source=source)
    items = []
    for n, item in enumerate(data, start=1):
        if not isinstance(item, dict):
            raise DataError("each village must be a JSON object", source=source, row=n)
        check_columns(item, source, COLUMNS, REQUIRED, row=n)
        items.append((n, item))
    return items


def villages_to_json(villages: Iterable[Village]) -> str:
    """The villages as a JSON document ``{"villages": [...]}``."""
    payload = {"villages": [village_record(v) for v in villages]}
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
