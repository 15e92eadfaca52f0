"""TravelMatrix: validation, lookups and subsets."""

from __future__ import annotations

import numpy as np
import pytest

from tourplan.exceptions import DataError, PlaceNotInMatrixError, TourplanError
from tourplan.travel import TravelMatrix


@pytest.fixture
def matrix() -> TravelMatrix:
    return TravelMatrix(
        ids=("a", "b", "c"),
        seconds=[[0, 60, 120], [70, 0, 30], [125, 35, 0]],
        metres=[[0, 500, 1000], [600, 0, 250], [1000, 260, 0]],
        mode="car",
    )


def test_lookups_by_id(matrix: TravelMatrix) -> None:
    assert len(matrix) == 3
    assert matrix.index("c") == 2
    assert matrix.seconds_between("a", "b") == 60
    assert matrix.seconds_between("b", "a") == 70  # asymmetric is fine
    assert matrix.metres_between("b", "c") == 250.0
    assert isinstance(matrix.seconds_between("a", "c"), int)
    assert matrix.path("a", "b") is None  # no road graph behind it
    assert "a" in matrix and "z" not in matrix


def test_arrays_are_int64_and_read_only(matrix: TravelMatrix) -> None:
    assert matrix.seconds.dtype == np.int64
    with pytest.raises(ValueError, match="read-only"):
        matrix.seconds[0, 1] = 5
    assert matrix.metres is not None
    with pytest.raises(ValueError, match="read-only"):
        matrix.metres[0, 1] = 5.0


def test_input_array_is_copied() -> None:
    source = np.array([[0, 1], [2, 0]])
    m = TravelMatrix(ids=("x", "y"), seconds=source)
    source[0, 1] = 99
    assert m.seconds_between("x", "y") == 1


def test_unknown_id_is_a_key_error_naming_the_id(matrix: TravelMatrix) -> None:
    with pytest.raises(KeyError) as info:
        matrix.seconds_between("a", "nowhere")
    assert isinstance(info.value, PlaceNotInMatrixError)
    assert isinstance(info.value, TourplanError)
    assert (
        str(info.value)
        == "place id 'nowhere' is not in this travel-time matrix (3 places: a, b, c)"
    )


def test_subset_keeps_order_and_values(matrix: TravelMatrix) -> None:
    sub = matrix.subset(["c", "a"])
    assert sub.ids == ("c", "a")
    assert sub.seconds.tolist() == [[0, 125], [120, 0]]
    assert sub.metres is not None and sub.metres.tolist() == [[0, 1000], [1000, 0]]
    assert sub.mode == "car"
    assert matrix.subset(matrix.ids) == matrix


def test_to_lists_gives_plain_ints(matrix: TravelMatrix) -> None:
    rows = matrix.to_lists()
    assert rows[1] == [70, 0, 30]
    assert all(type(t) is int for row in rows for t in row)


def test_empty_matrix_is_allowed() -> None:
    m = TravelMatrix(ids=(), seconds=np.zeros((0, 0)))
    assert len(m) == 0 and m.seconds.shape == (0, 0)


@pytest.mark.parametrize(
    ("ids", "seconds", "metres", "message"),
    [
        (
            ("a", "b"),
            [[0, 1, 2], [1, 0, 2], [2, 2, 0]],
            None,
            r"shape \(3, 3\) but there are 2 ids",
        ),
        (("a", "a"), [[0, 1], [1, 0]], None, "unique; repeated: a"),
        (("a", "b"), [[0, -1], [1, 0]], None, r"non-negative; \[0, 1\] is -1"),
        (("a", "b"), [[5, 1], [1, 0]], None, "zero on the diagonal"),
        (("a", "b"), [[0, 1.5], [1, 0]], None, "whole seconds"),
        (("a", "b"), [[0, np.inf], [1, 0]], None, "finite"),
        (("a", ""), [[0, 1], [1, 0]], None, "non-empty string"),
        # metres are checked like seconds
        (("a", "b"), [[0, 1], [1, 0]], [[0, 1]], r"metres has shape \(1, 2\)"),
        (("a", "b"), [[0, 1], [1, 0]], [[0, -3.0], [1, 0]], "metres must be non-negative"),
    ],
)
def test_invalid_matrices_are_refused(
    ids: tuple[str, ...], seconds: object, metres: object, message: str
) -> None:
    with pytest.raises(DataError, match=message):
        TravelMatrix(ids=ids, seconds=seconds, metres=metres)  # type: ignore[arg-type]
