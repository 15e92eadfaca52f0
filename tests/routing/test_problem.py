"""Validation of the routing problem's dataclasses."""

from __future__ import annotations

import numpy as np
import pytest

from tourplan.exceptions import DataError
from tourplan.routing import Break, RoutingProblem, TimeWindow, Tour, Visit


def test_windows_are_sorted_and_merged() -> None:
    v = Visit("a", 0, 1, (TimeWindow(50, 60), TimeWindow(0, 10), TimeWindow(5, 20)), score=1)
    assert v.windows == (TimeWindow(0, 20), TimeWindow(50, 60))


@pytest.mark.parametrize(
    ("make", "field"),
    [
        (lambda: TimeWindow(5, 4), "end"),
        (lambda: Visit("a", 0, -1, (TimeWindow(0, 1),), score=1), "service"),
        (lambda: Visit("a", 0, 1, (), score=1), "windows"),
        (lambda: Visit("a", 0, 1, (TimeWindow(0, 1),), score=-2), "score"),
        (lambda: Visit("", 0, 1, (TimeWindow(0, 1),), score=1), "id"),
        (lambda: Break("lunch", 60, 10, 5), "latest_start"),
        (lambda: Tour("d", 0, 0, 10, 5), "latest_end"),
        (lambda: Tour("d", 0, 0, 0, 5, max_visits=-1), "max_visits"),
    ],
)
def test_bad_values_name_their_field(make: object, field: str) -> None:
    assert callable(make)
    with pytest.raises(DataError) as info:
        make()
    assert info.value.field == field


def _tour() -> Tour:
    return Tour("d", 0, 0, 0, 100)


@pytest.mark.parametrize(
    "matrix",
    [
        [[0, 1], [1]],  # ragged
        [[0, 1, 2], [1, 0, 2]],  # not square
        [[0, -1], [1, 0]],  # negative
        [[0, 1.5], [1, 0]],  # not integer
    ],
)
def test_bad_matrices_are_rejected(matrix: object) -> None:
    with pytest.raises(DataError):
        RoutingProblem(matrix, (), (_tour(),))  # type: ignore[arg-type]


def test_matrix_is_stored_read_only_and_problem_checks_indices() -> None:
    p = RoutingProblem(np.array([[0, 3], [4, 0]]), (), (_tour(),))
    assert not p.travel_times.flags.writeable
    assert p.travel(0, 1) == 3 and p.travel(1, 0) == 4
    with pytest.raises(DataError):
        RoutingProblem([[0]], (Visit("a", 1, 0, (TimeWindow(0, 1),), score=1),), (_tour(),))
    with pytest.raises(DataError):
        RoutingProblem(
            [[0, 1], [1, 0]],
            (Visit("a", 1, 0, (TimeWindow(0, 1),), score=1, tours=frozenset({3})),),
            (_tour(),),
        )
    with pytest.raises(DataError):
        v = Visit("a", 1, 0, (TimeWindow(0, 1),), score=1)
        RoutingProblem([[0, 1], [1, 0]], (v, v), (_tour(),))
    with pytest.raises(DataError):
        RoutingProblem([[0, 1], [1, 0]], (), ())
