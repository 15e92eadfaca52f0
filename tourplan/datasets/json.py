"""Villages as JSON: reading ``[...]`` or ``{"villages": [...]}`` into items, and writing them."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from ..exceptions import DataError
from ..model import Village
from .records import COLUMNS, REQUIRED, check_columns, village_record

__all__ = ["json_load", "json_village_items", "villages_to_json"]


def json_load(text: str, source: str) -> Any:
    """The JSON value of ``text``; a syntax error is a DataError naming the line and column."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise DataError(
            f"not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})", source=source
        ) from None


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
