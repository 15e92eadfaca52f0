"""Road-graph travel times: hand-checked shortest times, one-way streets, bad graphs."""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

import networkx as nx
import numpy as np
import pytest

from tourplan.exceptions import DataError, TravelTimeError
from tourplan.travel import load_road_graph, parse_maxspeed, road_travel_matrix, snap_places

DATA = Path(__file__).parent / "data"


@dataclass(frozen=True)
class Place:
    id: str
    name: str
    lat: float
    lon: float


def at(graph: nx.Graph, node: object, place_id: str | None = None) -> Place:
    """A place sitting exactly on a graph node."""
    data = graph.nodes[node]
    name = place_id or f"n{node}"
    return Place(name, name.upper(), float(data["y"]), float(data["x"]))


@pytest.fixture
def triangle() -> nx.MultiDiGraph:
    """A → B → C is fast (100 s + 100 s); A → C is shorter but slow; back only via C → A.

    A (105.80, 21.00), B (105.81, 21.00), C (105.81, 21.01). Hand results:
    fastest A→C 200 s / 2000 m; shortest A→C 1500 m / 300 s; B→A = B→C→A = 350 s / 2500 m.
    """
    g = nx.MultiDiGraph()
    g.add_node("A", x=105.80, y=21.00)
    g.add_node("B", x=105.81, y=21.00)
    g.add_node("C", x=105.81, y=21.01)
    g.add_edge("A", "B", length=1000.0, travel_time=100.0)
    g.add_edge("B", "C", length=1000.0, travel_time=100.0)
    g.add_edge("A", "C", length=1500.0, travel_time=300.0)
    g.add_edge("C", "A", length=1500.0, travel_time=250.0)
    return g


def test_fastest_times_match_the_hand_calculation(triangle: nx.MultiDiGraph) -> None:
    places = [at(triangle, n, n.lower()) for n in "ABC"]
    m = road_travel_matrix(triangle, places)
    assert m.seconds.tolist() == [[0, 100, 200], [350, 0, 100], [250, 350, 0]]
    assert m.metres is not None
    assert m.metres.tolist() == [[0, 1000, 2000], [2500, 0, 1000], [1500, 2500, 0]]
    assert m.seconds_between("a", "c") != m.seconds_between("c", "a")  # one-way streets
    assert [s.node for s in m.snaps] == ["A", "B", "C"]
    assert all(s.distance_m == 0 for s in m.snaps)


def test_shortest_by_length(triangle: nx.MultiDiGraph) -> None:
    places = [at(triangle, n, n.lower()) for n in "AC"]
    m = road_travel_matrix(triangle, places, weight="length")
    assert m.metres_between("a", "c") == 1500.0
    assert m.seconds_between("a", "c") == 300
    assert "shortest routes" in m.description


def test_path_gives_the_road_geometry_on_demand(triangle: nx.MultiDiGraph) -> None:
    places = [at(triangle, n, n.lower()) for n in "ABC"]
    m = road_travel_matrix(triangle, places)
    assert m.path("a", "c") == ((105.80, 21.00), (105.81, 21.00), (105.81, 21.01))
    assert m.path("c", "a") == ((105.81, 21.01), (105.80, 21.00))
    assert m.path("b", "b") == ((105.81, 21.00),)
    sub = m.subset(["c", "b"])
    assert sub.path("b", "c") == ((105.81, 21.00), (105.81, 21.01))
    assert sub.snaps[0].node == "C"


def test_snap_distance_becomes_a_slow_connector(triangle: nx.MultiDiGraph) -> None:
    near_a = Place("near-a", "Near A", 21.00, 105.799)  # ~104 m west of A
    near_c = Place("near-c", "Near C", 21.01, 105.811)
    m = road_travel_matrix(triangle, [near_a, near_c], connector_speed_kmh=3.6, access_seconds=60)
    snap_a, snap_c = (s.distance_m for s in m.snaps)
    assert 100 < snap_a < 110 and 100 < snap_c < 110
    # 1 m/s over both connectors, + 200 s on the road, + 60 s access
    assert m.seconds_between("near-a", "near-c") == round(200 + snap_a + snap_c + 60)
    assert m.metres_between("near-a", "near-c") == pytest.approx(2000 + snap_a + snap_c)
    assert m.path("near-a", "near-c")[0] == (105.799, 21.00)  # type: ignore[index]


def test_parallel_edges_use_the_fastest(triangle: nx.MultiDiGraph) -> None:
    triangle.add_edge("A", "B", length=800.0, travel_time=40.0)  # a faster, shorter twin
    triangle.add_edge("A", "B", length=700.0, travel_time=400.0)  # shortest but slow
    m = road_travel_matrix(triangle, [at(triangle, "A"), at(triangle, "B")])
    assert m.seconds_between("nA", "nB") == 40
    assert m.metres_between("nA", "nB") == 800.0


def test_maxspeed_and_default_speed_fill_in_missing_travel_time() -> None:
    g = nx.MultiDiGraph()
    for k in range(4):
        g.add_node(k, x=105.8 + k * 0.01, y=21.0)
    g.add_edge(0, 1, length=1000.0, maxspeed="50;70")  # 60 km/h → 60 s
    g.add_edge(1, 2, length=1000.0, maxspeed=["30", "30"])  # 30 km/h → 120 s
    g.add_edge(2, 3, length=1000.0)  # default 20 km/h → 180 s
    for u, v in ((1, 0), (2, 1), (3, 2)):
        g.add_edge(u, v, length=1000.0, travel_time=1.0)
    m = road_travel_matrix(g, [at(g, 0), at(g, 3)], default_speed_kmh=20.0)
    assert m.seconds_between("n0", "n3") == 60 + 120 + 180


@pytest.mark.parametrize(
    ("raw", "kmh"),
    [
        ("50", 50.0),
        ("50;60", 55.0),
        ("40|60", 50.0),
        (["40", "60"], 50.0),
        ("['40', '60']", 50.0),  # a list as GraphML gives it back
        ("30 mph", 48.28032),
        ("50 km/h", 50.0),
        (80, 80.0),
        ("none", None),
        ("signals", None),
        ("", None),
        (None, None),
        (float("nan"), None),
    ],
)
def test_parse_maxspeed(raw: object, kmh: float | None) -> None:
    assert parse_maxspeed(raw) == (pytest.approx(kmh) if kmh is not None else None)


def test_place_far_from_the_graph_is_refused_naming_place_and_distance(
    triangle: nx.MultiDiGraph,
) -> None:
    far = Place("son-tay", "Sơn Tây", 21.14, 105.50)
    with pytest.raises(TravelTimeError) as info:
        road_travel_matrix(triangle, [at(triangle, "A"), far], max_snap_m=500)
    message = str(info.value)
    assert message.startswith("place 'Sơn Tây' (son-tay) is 34.82 km")
    assert "km from the nearest road-graph node, farther than max_snap_m=500 m" in message
    with pytest.raises(TravelTimeError, match="Sơn Tây"):
        snap_places(triangle, [far])


def test_unreachable_pair_names_both_places() -> None:
    g = nx.MultiDiGraph()
    g.add_node(1, x=105.80, y=21.00)
    g.add_node(2, x=105.81, y=21.00)
    g.add_node(3, x=105.80, y=21.20)  # an island 22 km north
    g.add_node(4, x=105.81, y=21.20)
    for u, v in ((1, 2), (2, 1), (3, 4), (4, 3)):
        g.add_edge(u, v, length=1000.0)
    home = Place("home", "Home", 21.00, 105.80)
    island = Place("island", "Island village", 21.20, 105.81)
    with pytest.raises(TravelTimeError) as info:
        road_travel_matrix(g, [home, island])
    message = str(info.value)
    assert "no road route for 2 leg(s)" in message
    assert "'Home' (home) → 'Island village' (island)" in message
    assert "'Island village' (island) → 'Home' (home)" in message


def test_one_way_dead_end_is_unreachable_in_one_direction() -> None:
    g = nx.MultiDiGraph()
    g.add_node("a", x=105.80, y=21.00)
    g.add_node("b", x=105.81, y=21.00)
    g.add_edge("a", "b", length=1000.0)
    places = [at(g, "a", "a"), at(g, "b", "b")]
    with pytest.raises(TravelTimeError, match=r"1 leg\(s\): 'B' \(b\) → 'A' \(a\);"):
        road_travel_matrix(g, places)


def test_places_snap_to_the_largest_strongly_connected_part() -> None:
    g = nx.MultiDiGraph()
    g.add_node("spur", x=105.8000, y=21.0000)  # one-way spur nobody can leave
    for k in range(3):
        g.add_node(k, x=105.8003 + 0.001 * k, y=21.0)
        g.add_edge(k, (k + 1) % 3, length=100.0)
    g.add_edge(0, "spur", length=30.0)
    snap = snap_places(g, [Place("p", "P", 21.0, 105.8)])[0]
    assert snap.node == 0 and 30 < snap.distance_m < 33


@pytest.mark.parametrize(
    ("breaks", "message"),
    [
        ("no_xy", "road graph node 'B' has no 'x'/'y' attributes"),
        ("no_length", "road graph edge 'A' → 'B' has no 'length' attribute"),
        ("negative_length", "road graph edge 'A' → 'B' has a negative length: -5.0 m"),
        ("negative_time", "road graph edge 'A' → 'B' has a negative travel_time: -1.0 s"),
        ("text_length", "road graph edge 'A' → 'B': 'length' is not a number: 'far'"),
        ("projected", "not longitude/latitude degrees"),
    ],
)
def test_malformed_graphs_are_refused(triangle: nx.MultiDiGraph, breaks: str, message: str) -> None:
    if breaks == "no_xy":
        del triangle.nodes["B"]["x"]
    elif breaks == "projected":
        triangle.nodes["B"]["x"] = 585_000.0
    else:
        data = triangle.edges["A", "B", 0]
        if breaks == "no_length":
            del data["length"]
        elif breaks == "negative_length":
            data["length"] = -5.0
        elif breaks == "negative_time":
            data["travel_time"] = -1.0
        else:
            data["length"] = "far"
    with pytest.raises(DataError, match=message):
        road_travel_matrix(triangle, [at(nx.MultiDiGraph(triangle), "A")])


def test_bad_parameters_are_refused(triangle: nx.MultiDiGraph) -> None:
    place = [at(triangle, "A")]
    with pytest.raises(DataError, match="weight must be 'travel_time' or 'length'"):
        road_travel_matrix(triangle, place, weight="speed")  # type: ignore[arg-type]
    with pytest.raises(DataError, match="default_speed_kmh must be positive"):
        road_travel_matrix(triangle, place, default_speed_kmh=0)
    with pytest.raises(DataError, match="connector_speed_kmh must be positive"):
        road_travel_matrix(triangle, place, connector_speed_kmh=-1)
    with pytest.raises(DataError, match="access_seconds must be a non-negative int"):
        road_travel_matrix(triangle, place, access_seconds=-3)
    with pytest.raises(DataError, match="max_snap_m must be non-negative"):
        road_travel_matrix(triangle, place, max_snap_m=-1)


def test_undirected_graph_edges_run_both_ways() -> None:
    g = nx.Graph()
    g.add_node(0, x=105.80, y=21.0)
    g.add_node(1, x=105.81, y=21.0)
    g.add_edge(0, 1, length=500.0, travel_time=45.0)
    m = road_travel_matrix(g, [at(g, 0), at(g, 1)])
    assert m.seconds.tolist() == [[0, 45], [45, 0]]


def test_no_places_gives_an_empty_matrix(triangle: nx.MultiDiGraph) -> None:
    assert len(road_travel_matrix(triangle, [])) == 0


def test_osmnx_graphml_with_string_attributes_loads_and_routes() -> None:
    g = load_road_graph(DATA / "tiny_osmnx.graphml")
    assert isinstance(g, nx.MultiDiGraph)
    assert g.nodes["1"]["x"] == 105.85 and g.edges["2", "3", 0]["maxspeed"] == 50.0
    assert g.edges["3", "4", 0]["length"] == pytest.approx(1609.344)
    places = [at(g, n) for n in ("1", "2", "3", "4")]
    m = road_travel_matrix(g, places, default_speed_kmh=30.0)
    # 1→2: 1000 m at 50 km/h = 72 s (beats the parallel 500 s edge); 2→3: 1200 m at
    # mean(40, 60) = 86.4 s; 3→4: one mile at 30 mph = 120 s; 4→1: 1100 m at 30 km/h = 132 s
    assert m.seconds_between("n1", "n3") == 158
    assert m.seconds_between("n3", "n1") == 252
    assert m.seconds_between("n3", "n2") == 324
    assert m.seconds_between("n1", "n4") == 278
    assert m.metres_between("n3", "n1") == pytest.approx(2709.344, abs=0.1)  # dm per edge


def test_unreadable_graphml_is_a_data_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.graphml"
    bad.write_text("<graphml><graph><node id='1'>", encoding="utf-8")
    with pytest.raises(DataError, match="cannot read a GraphML road graph"):
        load_road_graph(bad)
    with pytest.raises(DataError, match="cannot read a GraphML road graph"):
        load_road_graph(tmp_path / "missing.graphml")


def test_agrees_with_networkx_dijkstra_on_a_random_one_way_grid() -> None:
    rng = random.Random(7)
    side = 12
    g = nx.MultiDiGraph()
    for i in range(side):
        for j in range(side):
            g.add_node((i, j), x=105.8 + 0.002 * i, y=21.0 + 0.002 * j)
    for i in range(side):
        for j in range(side):
            for di, dj in ((1, 0), (0, 1)):
                if i + di < side and j + dj < side:
                    a, b = (i, j), (i + di, j + dj)
                    length = rng.uniform(150, 300)
                    g.add_edge(a, b, length=length, travel_time=length / rng.uniform(5, 15))
                    if rng.random() < 0.8:  # the rest are one-way
                        g.add_edge(b, a, length=length, travel_time=length / rng.uniform(5, 15))
    giant = max(nx.strongly_connected_components(g), key=len)
    chosen = rng.sample(sorted(giant), 12)
    places = [at(g, node, f"p{k}") for k, node in enumerate(chosen)]
    m = road_travel_matrix(g, places)
    for k, node in enumerate(chosen):
        lengths = nx.single_source_dijkstra_path_length(g, node, weight="travel_time")
        expected = [round(lengths[other]) for other in chosen]
        assert np.abs(m.seconds[k] - expected).max() <= 1, k  # rounding of ms-packed sums
