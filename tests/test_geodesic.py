"""Vectorised geodesic distances agree with geopy (Karney) within 0.1 % for every pair."""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np
import pytest
from geopy.distance import geodesic
from hypothesis import given, settings
from hypothesis import strategies as st

from tourplan.exceptions import DataError
from tourplan.geodesic import geodesic_m, geodesic_matrix_m, geodesic_pairs_m

VILLAGES_CSV = Path(__file__).resolve().parents[1] / "data" / "villages.csv"
TOLERANCE = 1e-3  # 0.1 %, the bar; in practice the error is below 1e-9
FLOOR_M = 1e-6  # below a micrometre both libraries are rounding noise (points ~1e-11° apart)


def assert_matches_geopy(lats: list[float], lons: list[float]) -> None:
    ours = geodesic_matrix_m(lats, lons)
    for i in range(len(lats)):
        for j in range(len(lats)):
            reference = geodesic((lats[i], lons[i]), (lats[j], lons[j])).meters
            if reference == 0:
                assert ours[i, j] == 0
            else:
                error = abs(ours[i, j] - reference)
                assert error <= max(TOLERANCE * reference, FLOOR_M), (i, j, error)


@pytest.mark.skipif(not VILLAGES_CSV.exists(), reason="data/villages.csv not written yet")
def test_bundled_villages_match_geopy() -> None:
    with VILLAGES_CSV.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) >= 2
    assert_matches_geopy([float(r["lat"]) for r in rows], [float(r["lon"]) for r in rows])


northern_vietnam = st.tuples(
    st.floats(min_value=20.0, max_value=23.5), st.floats(min_value=102.0, max_value=108.0)
)


@settings(max_examples=60, deadline=None)
@given(st.lists(northern_vietnam, min_size=1, max_size=25))
def test_random_points_in_northern_vietnam_match_geopy(points: list[tuple[float, float]]) -> None:
    assert_matches_geopy([p[0] for p in points], [p[1] for p in points])


@settings(max_examples=40, deadline=None)
@given(northern_vietnam, northern_vietnam)
def test_single_pair_matches_geopy_closely(a: tuple[float, float], b: tuple[float, float]) -> None:
    reference = geodesic(a, b).meters
    assert geodesic_m(*a, *b) == pytest.approx(reference, rel=1e-9, abs=1e-6)


def test_matrix_is_symmetric_with_zero_diagonal_and_coincident_points() -> None:
    m = geodesic_matrix_m([21.0, 21.0, 21.2], [105.8, 105.8, 105.9])
    assert m[0, 1] == m[1, 0] == 0.0
    assert np.array_equal(m, m.T)
    assert np.all(np.diagonal(m) == 0)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ((0.0, 0.0), (0.5, 179.7)),  # nearly antipodal: Vincenty fails to converge → geopy
        ((0.0, 0.0), (0.0, 180.0)),
        ((90.0, 0.0), (-90.0, 0.0)),
        ((21.0, 179.9), (21.0, -179.9)),  # across the antimeridian
    ],
)
def test_hard_pairs_still_match_geopy(a: tuple[float, float], b: tuple[float, float]) -> None:
    assert geodesic_m(*a, *b) == pytest.approx(geodesic(a, b).meters, rel=1e-6)


def test_empty_and_single_point() -> None:
    assert geodesic_matrix_m([], []).shape == (0, 0)
    assert geodesic_matrix_m([21.0], [105.0]).tolist() == [[0.0]]


@pytest.mark.parametrize(
    ("lats", "lons", "message"),
    [
        ([21.0, 95.0], [105.0, 105.0], r"latitude 95.0 is outside \[-90, 90\]"),
        ([21.0], [105.0, 106.0], "lats has shape"),
        ([21.0, float("nan")], [105.0, 105.0], "finite"),
        ([[21.0]], [[105.0]], "must be 1-d"),
    ],
)
def test_bad_coordinates_are_refused(lats: object, lons: object, message: str) -> None:
    with pytest.raises(DataError, match=message):
        geodesic_matrix_m(lats, lons)


def test_pairs_shape_mismatch_is_refused() -> None:
    with pytest.raises(DataError, match="first points have shape"):
        geodesic_pairs_m([21.0], [105.0], [21.0, 21.1], [105.0, 105.1])
