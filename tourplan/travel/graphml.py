"""Road graphs from GraphML files (as osmnx saves them) and OSM ``maxspeed`` values."""

from __future__ import annotations

import ast
import math
import re
from os import PathLike
from typing import TYPE_CHECKING, Any

import numpy as np

from ..exceptions import DataError

if TYPE_CHECKING:  # networkx loads only with a road graph (0.1 s)
    import networkx as nx

__all__ = ["load_road_graph", "parse_maxspeed"]

_MPH = 1.609344
_KNOT = 1.852
_SPEED = re.compile(r"^\s*(\d+(?:[.,]\d+)?)\s*(km/h|kmh|kph|mph|knots)?\s*$", re.IGNORECASE)


def parse_maxspeed(value: Any) -> float | None:
    """Return an OSM ``maxspeed`` value in km/h, or None if it holds no usable number.

    Accepts numbers, ``"50"``, ``"50 km/h"``, ``"30 mph"``, several values separated by
    ``;`` or ``|`` and lists (as osmnx makes when it merges ways), also as the string
    ``"['40', '60']"`` that GraphML gives back; several values are averaged.

    Examples
    --------
    >>> parse_maxspeed("50;60"), parse_maxspeed(["40", "60"]), parse_maxspeed("30 mph")
    (55.0, 50.0, 48.28032)
    >>> parse_maxspeed("none") is None
    True
    """
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (int, float, np.number)):
        speed = float(value)
        return speed if math.isfinite(speed) and speed > 0 else None
    if isinstance(value, (list, tuple)):
        parts: list[Any] = list(value)
    else:
        text = str(value).strip()
        if text.startswith("[") and text.endswith("]"):
            try:
                parts = list(ast.literal_eval(text))
            except (SyntaxError, ValueError):
                return None
        else:
            parts = re.split(r"[;|]", text)
    speeds = []
    for part in parts:
        if isinstance(part, (list, tuple)):
            continue
        match = _SPEED.match(str(part))
        if match:
            speed = float(match.group(1).replace(",", "."))
            unit = (match.group(2) or "").lower()
            speed *= _MPH if unit == "mph" else _KNOT if unit == "knots" else 1.0
            if speed > 0:
                speeds.append(speed)
    return sum(speeds) / len(speeds) if speeds else None


def load_road_graph(path: str | PathLike[str]) -> nx.MultiDiGraph:
    """Read a GraphML road graph (e.g. saved by ``osmnx.save_graphml``) with numeric attributes.

    GraphML written by osmnx stores every attribute as a string; this converts node ``x``,
    ``y`` and edge ``length``, ``travel_time`` and ``speed_kph`` to floats and ``maxspeed``
    to km/h (see :func:`parse_maxspeed`). An undirected graph becomes a directed one with
    both directions of every edge.

    Raises
    ------
    DataError
        If the file cannot be read as GraphML or a numeric attribute is not a number.
    """
    import networkx as nx

    try:
        graph = nx.read_graphml(path, force_multigraph=True)
    except (OSError, SyntaxError, ValueError, nx.NetworkXError) as exc:
        raise DataError(f"cannot read a GraphML road graph: {exc}", source=str(path)) from exc
    if not graph.is_directed():
        graph = graph.to_directed()
    for node, data in graph.nodes(data=True):
        for attr in ("x", "y"):
            if attr in data:
                data[attr] = to_float(data[attr], f"node {node!r}", attr, str(path))
    for u, v, data in graph.edges(data=True):
        for attr in ("length", "travel_time", "speed_kph"):
            if attr in data:
                data[attr] = to_float(data[attr], f"edge {u!r} → {v!r}", attr, str(path))
        if "maxspeed" in data:
            speed = parse_maxspeed(data["maxspeed"])
            if speed is None:
                del data["maxspeed"]
            else:
                data["maxspeed"] = speed
    return graph


def to_float(value: Any, where: str, attr: str, source: str | None = None) -> float:
    """Return ``value`` as a finite float, or raise a DataError naming where it came from."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise DataError(f"{where}: '{attr}' is not a number: {value!r}", source=source) from None
    if not math.isfinite(number):
        raise DataError(f"{where}: '{attr}' is not finite: {value!r}", source=source)
    return number
