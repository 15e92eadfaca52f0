"""Travel times on a road graph shaped like osmnx's (networkx), solved with scipy's Dijkstra.

The graph stays a networkx graph at the API: nodes carry ``x`` (longitude) and ``y``
(latitude), edges carry ``length`` in metres and optionally ``travel_time`` in seconds or a
``maxspeed`` tag. Internally it is compiled once into a CSR matrix and all origins are solved
with :func:`scipy.sparse.csgraph.dijkstra`, which is much faster than networkx's pure-Python
Dijkstra (see ``bench/roadgraph.py``).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

import numpy as np
import numpy.typing as npt

from ..exceptions import DataError, TravelTimeError
from ..geodesic import geodesic_pairs_m
from .graphml import parse_maxspeed, to_float
from .matrix import Coordinates, LegGeometry, Located, Snap, TravelMatrix

if TYPE_CHECKING:  # networkx loads only with a road graph (0.1 s)
    import networkx as nx

__all__ = ["road_travel_matrix", "snap_places"]

Weight = Literal["travel_time", "length"]
_EXACT = 2.0**53  # float64 represents every integer below this exactly
_PATH_CACHE = 16  # origins whose shortest-path trees are kept for path()


def _edge_numbers(
    values: list[Any], edge: Any, attr: str, *, required: bool
) -> npt.NDArray[np.float64]:
    """Return edge attribute values as floats (NaN where absent and not ``required``)."""
    try:
        array = np.array([np.nan if v is None else v for v in values], dtype=np.float64)
    except (TypeError, ValueError):
        array = np.full(len(values), np.nan)  # find the culprit for the message
        for k, value in enumerate(values):
            if value is not None:
                array[k] = to_float(value, edge(k), attr)
    absent = np.isnan(array)
    if required and np.any(absent):
        k = int(np.argmax(absent))
        if values[k] is None:
            raise DataError(f"{edge(k)} has no '{attr}' attribute (metres)")
        raise DataError(f"{edge(k)}: '{attr}' is not a number: {values[k]!r}")
    if np.any(np.isinf(array)):
        k = int(np.argmax(np.isinf(array)))
        raise DataError(f"{edge(k)}: '{attr}' is not finite: {values[k]!r}")
    return array


@dataclass(frozen=True)
class _Compiled:
    """A road graph as arrays: nodes by index, and one cheapest edge per (u, v)."""

    nodes: tuple[Any, ...]
    lon: npt.NDArray[np.float64]
    lat: npt.NDArray[np.float64]
    tail: npt.NDArray[np.intp]
    head: npt.NDArray[np.intp]
    seconds: npt.NDArray[np.float64]
    metres: npt.NDArray[np.float64]


def _compile(graph: nx.Graph, weight: Weight, default_speed_kmh: float) -> _Compiled:
    if weight not in ("travel_time", "length"):
        raise DataError(f"weight must be 'travel_time' or 'length', got {weight!r}", field="weight")
    if not (math.isfinite(default_speed_kmh) and default_speed_kmh > 0):
        raise DataError(
            f"default_speed_kmh must be positive, got {default_speed_kmh}",
            field="default_speed_kmh",
        )
    nodes = tuple(graph.nodes)
    position = {node: k for k, node in enumerate(nodes)}
    lon = np.empty(len(nodes))
    lat = np.empty(len(nodes))
    for k, (node, data) in enumerate(graph.nodes(data=True)):
        if "x" not in data or "y" not in data:
            raise DataError(
                f"road graph node {node!r} has no 'x'/'y' attributes (longitude/latitude in "
                "degrees, as osmnx stores them)"
            )
        lon[k] = to_float(data["x"], f"road graph node {node!r}", "x")
        lat[k] = to_float(data["y"], f"road graph node {node!r}", "y")
    if np.any(np.abs(lat) > 90) or np.any(np.abs(lon) > 180):
        raise DataError(
            "road graph node coordinates are not longitude/latitude degrees (a projected "
            "graph?); use osmnx.project_graph(G, to_latlong=True) first"
        )
    tails: list[int] = []
    heads: list[int] = []
    raw_length: list[Any] = []
    raw_time: list[Any] = []
    raw_speed: list[Any] = []
    for u, v, data in graph.edges(data=True):
        tails.append(position[u])
        heads.append(position[v])
        raw_length.append(data.get("length"))
        raw_time.append(data.get("travel_time"))
        raw_speed.append(data.get("maxspeed"))
    tail = np.asarray(tails, dtype=np.intp)
    head = np.asarray(heads, dtype=np.intp)

    def edge(k: int) -> str:
        return f"road graph edge {nodes[tail[k]]!r} → {nodes[head[k]]!r}"

    mets = _edge_numbers(raw_length, edge, "length", required=True)
    if np.any(mets < 0):
        k = int(np.argmax(mets < 0))
        raise DataError(f"{edge(k)} has a negative length: {mets[k]} m")
    secs = _edge_numbers(raw_time, edge, "travel_time", required=False)
    if np.any(secs < 0):
        k = int(np.argmax(secs < 0))
        raise DataError(f"{edge(k)} has a negative travel_time: {secs[k]} s")
    missing = np.flatnonzero(np.isnan(secs))
    if missing.size:  # length / maxspeed, else length / default speed
        parsed: dict[Any, float] = {}
        kmh = np.empty(missing.size)
        for n, row in enumerate(missing):
            value = raw_speed[row]
            key = tuple(value) if isinstance(value, list) else value
            if key not in parsed:
                parsed[key] = parse_maxspeed(value) or default_speed_kmh
            kmh[n] = parsed[key]
        secs[missing] = mets[missing] / (kmh / 3.6)
    if not graph.is_directed():
        tail, head = np.concatenate([tail, head]), np.concatenate([head, tail])
        secs, mets = np.tile(secs, 2), np.tile(mets, 2)
    keep = tail != head  # a self-loop never shortens a route
    tail, head, secs, mets = tail[keep], head[keep], secs[keep], mets[keep]
    primary, secondary = (secs, mets) if weight == "travel_time" else (mets, secs)
    order = np.lexsort((secondary, primary, head, tail))  # cheapest parallel edge first
    tail, head, secs, mets = tail[order], head[order], secs[order], mets[order]
    first = np.ones(tail.size, dtype=bool)
    first[1:] = (tail[1:] != tail[:-1]) | (head[1:] != head[:-1])
    return _Compiled(nodes, lon, lat, tail[first], head[first], secs[first], mets[first])


@dataclass(frozen=True)
class _Encoded:
    """Edge weights packed so one Dijkstra yields time and length: ``primary * base + secondary``.

    Both parts are integers (milliseconds and decimetres, coarser if needed) so float64
    sums are exact; ``base`` exceeds the longest possible simple path in the secondary unit,
    so the primary part never mixes with the secondary one.
    """

    matrix: Any  # scipy.sparse.csr_array (scipy is imported when a graph is used)
    base: float
    ms_unit: float
    dm_unit: float
    weight: Weight
    max_edge: float

    def decode(self, dist: npt.NDArray[np.float64]) -> tuple[npt.NDArray[Any], npt.NDArray[Any]]:
        """Return (seconds, metres) from packed path weights."""
        primary = np.floor(dist / self.base)
        secondary = dist - primary * self.base
        if self.weight == "travel_time":
            return primary * self.ms_unit / 1000, secondary * self.dm_unit / 10
        return secondary * self.ms_unit / 1000, primary * self.dm_unit / 10


def _encode(compiled: _Compiled, weight: Weight, coarser: int = 0) -> _Encoded:
    ms_unit = dm_unit = float(10**coarser)
    ms = np.rint(compiled.seconds * 1000 / ms_unit)
    dm = np.rint(compiled.metres * 10 / dm_unit)
    primary, secondary = (ms, dm) if weight == "travel_time" else (dm, ms)
    base = float(secondary.sum() + 1)
    packed = primary * base + secondary
    n = len(compiled.nodes)
    indptr = np.searchsorted(compiled.tail, np.arange(n + 1)).astype(np.int64)
    from scipy.sparse import csr_array

    matrix = csr_array((packed, compiled.head.astype(np.int64), indptr), shape=(n, n))
    max_edge = float(packed.max()) if packed.size else 0.0
    return _Encoded(matrix, base, ms_unit, dm_unit, weight, max_edge)


def _exact(encoded: _Encoded, dist: npt.NDArray[np.float64]) -> bool:
    finite = dist[np.isfinite(dist)]
    return not finite.size or float(finite.max()) + encoded.max_edge < _EXACT


def _largest_scc(compiled: _Compiled) -> npt.NDArray[np.bool_]:
    n = len(compiled.nodes)
    from scipy.sparse import csr_array
    from scipy.sparse.csgraph import connected_components

    graph = csr_array((np.ones(compiled.tail.size), (compiled.tail, compiled.head)), shape=(n, n))
    _, labels = connected_components(graph, directed=True, connection="strong")
    return np.asarray(labels == np.bincount(labels).argmax())


def _unit_xyz(lat: Any, lon: Any) -> npt.NDArray[np.float64]:
    phi, lam = np.radians(lat), np.radians(lon)
    return np.column_stack([np.cos(phi) * np.cos(lam), np.cos(phi) * np.sin(lam), np.sin(phi)])


def _snap(
    compiled: _Compiled, places: Sequence[Located], max_snap_m: float
) -> tuple[npt.NDArray[np.intp], npt.NDArray[np.float64]]:
    if not max_snap_m >= 0:
        raise DataError(f"max_snap_m must be non-negative, got {max_snap_m}", field="max_snap_m")
    if not compiled.nodes:
        raise TravelTimeError("the road graph has no nodes")
    lat = np.array([float(p.lat) for p in places])
    lon = np.array([float(p.lon) for p in places])
    xyz = _unit_xyz(lat, lon)
    main = np.flatnonzero(_largest_scc(compiled))
    from scipy.spatial import cKDTree

    _, k = cKDTree(_unit_xyz(compiled.lat[main], compiled.lon[main])).query(xyz)
    node = main[np.asarray(k, dtype=np.intp)]
    dist = geodesic_pairs_m(lat, lon, compiled.lat[node], compiled.lon[node])
    far = np.flatnonzero(dist > max_snap_m)
    if far.size:  # maybe near a smaller part of the graph: snap there, report unreachability
        _, k_all = cKDTree(_unit_xyz(compiled.lat, compiled.lon)).query(xyz[far])
        near = np.asarray(k_all, dtype=np.intp)
        near_dist = geodesic_pairs_m(lat[far], lon[far], compiled.lat[near], compiled.lon[near])
        for row, other, other_dist in zip(far, near, near_dist, strict=True):
            if other_dist <= max_snap_m:
                node[row], dist[row] = other, other_dist
            else:
                place = places[int(row)]
                raise TravelTimeError(
                    f"place '{place.name}' ({place.id}) is {other_dist / 1000:.2f} km from the "
                    f"nearest road-graph node, farther than max_snap_m={max_snap_m:g} m; "
                    "does the graph cover it, and are its coordinates right?"
                )
    return node, dist


def snap_places(
    graph: nx.Graph, places: Iterable[Located], *, max_snap_m: float = 1000.0
) -> tuple[Snap, ...]:
    """Attach each place to its nearest node in the graph's largest strongly connected part.

    A place farther than ``max_snap_m`` from that part, but within it of a node in a smaller
    part, is snapped there (its legs will then be reported unreachable, by name).

    Raises
    ------
    TravelTimeError
        If a place is farther than ``max_snap_m`` metres from every node; the message names
        the place and the distance.
    """
    items = list(places)
    compiled = _compile(graph, "travel_time", 30.0)
    node, dist = _snap(compiled, items, max_snap_m)
    return tuple(
        Snap(p.id, compiled.nodes[k], float(d)) for p, k, d in zip(items, node, dist, strict=True)
    )


class _RoadLegs:
    """Leg geometry recomputed on demand from the packed graph (see ``LegGeometry``)."""

    def __init__(
        self,
        compiled: _Compiled,
        encoded: _Encoded,
        place_nodes: npt.NDArray[np.intp],
        place_lonlat: Sequence[tuple[float, float]],
        cache: dict[int, npt.NDArray[np.int32]] | None = None,
    ) -> None:
        self._compiled = compiled
        self._encoded = encoded
        self._nodes = place_nodes
        self._lonlat = tuple(place_lonlat)
        self._cache = {} if cache is None else cache

    def path(self, origin: int, destination: int) -> Coordinates:
        if origin == destination:
            return (self._lonlat[origin],)
        start, end = int(self._nodes[origin]), int(self._nodes[destination])
        if start not in self._cache:
            if len(self._cache) >= _PATH_CACHE:
                del self._cache[next(iter(self._cache))]
            from scipy.sparse.csgraph import dijkstra

            _, pred = dijkstra(self._encoded.matrix, indices=start, return_predecessors=True)
            self._cache[start] = np.asarray(pred, dtype=np.int32)
        pred = self._cache[start]
        chain = [end]
        while chain[-1] != start:
            previous = int(pred[chain[-1]])
            if previous < 0:
                return ()  # unreachable: the matrix would not have been built
            chain.append(previous)
        lon, lat = self._compiled.lon, self._compiled.lat
        points = [self._lonlat[origin]]
        points += [(float(lon[k]), float(lat[k])) for k in reversed(chain)]
        points.append(self._lonlat[destination])
        # a place that sits exactly on its node would repeat a point
        return tuple(p for k, p in enumerate(points) if k == 0 or p != points[k - 1])

    def take(self, rows: Sequence[int]) -> LegGeometry:
        return _RoadLegs(
            self._compiled,
            self._encoded,
            self._nodes[list(rows)],
            [self._lonlat[k] for k in rows],
            self._cache,
        )


def road_travel_matrix(
    graph: nx.Graph,
    places: Iterable[Located],
    *,
    weight: Weight = "travel_time",
    max_snap_m: float = 1000.0,
    default_speed_kmh: float = 30.0,
    connector_speed_kmh: float = 10.0,
    access_seconds: int = 0,
    mode: str = "road",
    chunk: int = 64,
) -> TravelMatrix:
    """Return travel times between places along a road graph's fastest (or shortest) routes.

    Parameters
    ----------
    graph
        A networkx graph shaped like osmnx's: nodes with ``x``/``y`` (lon/lat degrees), edges
        with ``length`` (m) and optionally ``travel_time`` (s) or ``maxspeed``. Directed
        graphs honour one-way streets; an undirected graph's edges run both ways.
    places
        Objects with ``id``, ``name``, ``lat`` and ``lon``.
    weight
        ``"travel_time"`` for the fastest route, ``"length"`` for the shortest.
    max_snap_m
        Refuse a place farther than this from every graph node (metres).
    default_speed_kmh
        Speed for edges with neither ``travel_time`` nor a usable ``maxspeed``.
    connector_speed_kmh
        Speed over the straight line between a place and its snapped node, added at both
        ends of a leg (slow lanes or walking the last stretch).
    access_seconds
        Fixed time added to every leg between two different places (parking, walking in).
    mode
        Name recorded on the matrix.
    chunk
        Origins solved per Dijkstra call (bounds memory to ``chunk × nodes`` floats).

    Returns
    -------
    TravelMatrix
        Whole seconds and road metres, with ``snaps`` and on-demand :meth:`~TravelMatrix.path`.

    Raises
    ------
    TravelTimeError
        If a place is too far from the graph, or some place cannot be reached from another
        (the message names both).
    DataError
        If the graph lacks coordinates or lengths, or has negative lengths or times.
    """
    items = list(places)
    if not (math.isfinite(connector_speed_kmh) and connector_speed_kmh > 0):
        raise DataError(
            f"connector_speed_kmh must be positive, got {connector_speed_kmh}",
            field="connector_speed_kmh",
        )
    if (
        isinstance(access_seconds, bool)
        or not isinstance(access_seconds, int)
        or access_seconds < 0
    ):
        raise DataError(
            f"access_seconds must be a non-negative int, got {access_seconds!r}",
            field="access_seconds",
        )
    compiled = _compile(graph, weight, default_speed_kmh)
    n = len(items)
    if n == 0:
        return TravelMatrix(ids=(), seconds=np.zeros((0, 0), dtype=np.int64), mode=mode)
    node, snap_m = _snap(compiled, items, max_snap_m)
    unique, column = np.unique(node, return_inverse=True)
    for coarser in range(4):  # ms and dm, else 10 ms and 1 m, ... until sums stay exact
        encoded = _encode(compiled, weight, coarser)
        packed = np.empty((unique.size, unique.size))
        for start in range(0, unique.size, chunk):
            from scipy.sparse.csgraph import dijkstra

            dist = dijkstra(encoded.matrix, indices=unique[start : start + chunk])
            if not _exact(encoded, dist):
                break
            packed[start : start + chunk] = dist[:, unique]
        else:
            break
    else:  # pragma: no cover - needs path sums beyond 2**53 even at 10 s / 100 m units
        raise TravelTimeError("road graph too large to pack times and lengths exactly")
    grid = np.ix_(column, column)
    unreachable = np.argwhere(~np.isfinite(packed[grid]))
    if unreachable.size:
        pairs = [
            f"'{items[i].name}' ({items[i].id}) → '{items[j].name}' ({items[j].id})"
            for i, j in unreachable[:5]
        ]
        more = f" and {len(unreachable) - 5} more" if len(unreachable) > 5 else ""
        raise TravelTimeError(
            f"no road route for {len(unreachable)} leg(s): {'; '.join(pairs)}{more}; the graph "
            "is disconnected there (one-way streets, a missing bridge or a clipped area)"
        )
    road_s, road_m = encoded.decode(packed[grid])
    connector_s = snap_m / (connector_speed_kmh / 3.6)
    seconds = road_s + connector_s[:, None] + connector_s[None, :] + access_seconds
    metres = road_m + snap_m[:, None] + snap_m[None, :]
    np.fill_diagonal(seconds, 0)
    np.fill_diagonal(metres, 0)
    snaps = tuple(
        Snap(p.id, compiled.nodes[k], float(d)) for p, k, d in zip(items, node, snap_m, strict=True)
    )
    return TravelMatrix(
        ids=tuple(p.id for p in items),
        seconds=np.rint(seconds).astype(np.int64),
        metres=metres,
        mode=mode,
        description=(
            f"{mode}: {'fastest' if weight == 'travel_time' else 'shortest'} routes on a road "
            f"graph of {len(compiled.nodes)} nodes; snap legs at {connector_speed_kmh:g} km/h; "
            f"+{access_seconds} s access per leg"
        ),
        snaps=snaps,
        geometry=_RoadLegs(compiled, encoded, node, [(float(p.lon), float(p.lat)) for p in items]),
    )
