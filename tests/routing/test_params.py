"""Search parameters: defaults, nesting per component, validation naming the field."""

from __future__ import annotations

import dataclasses

import pytest

from tourplan.exceptions import DataError
from tourplan.routing import (
    IteratedSearchParams,
    OrToolsParams,
    RecombinationParams,
    SearchParameters,
)


def test_the_callers_shapes_keep_working_with_the_documented_defaults() -> None:
    # the only shapes used outside the routing core
    timed = SearchParameters(time_limit=3.0, deterministic=False)
    assert (timed.time_limit, timed.deterministic) == (3.0, False)
    fixed = SearchParameters(deterministic=True, iteration_limit=50)
    assert (fixed.deterministic, fixed.iteration_limit) == (True, 50)
    default = SearchParameters()
    assert default.time_limit == 10.0 and default.workers == 1 and default.cycles is None
    assert default.ils == IteratedSearchParams(share=0.9, noise=1.0, temperatures=(1.0, 5.0))
    assert default.recombination == RecombinationParams(pool=500, rounds=3)
    assert default.ortools == OrToolsParams("insertion", "AUTOMATIC", (), lns=True)


def test_only_the_time_limit_may_be_given_by_position() -> None:
    assert SearchParameters(4.0).time_limit == 4.0
    with pytest.raises(TypeError):
        SearchParameters(4.0, True)  # type: ignore[call-arg]


def test_every_params_class_is_frozen() -> None:
    for params, name in (
        (SearchParameters(), "seed"),
        (IteratedSearchParams(), "noise"),
        (RecombinationParams(), "pool"),
        (OrToolsParams(), "lns"),
    ):
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(params, name, 0)


def test_a_component_in_the_wrong_slot_is_refused() -> None:
    with pytest.raises(DataError, match="'ils'"):
        SearchParameters(ils=RecombinationParams())  # type: ignore[arg-type]
    with pytest.raises(DataError, match="'ortools'"):
        SearchParameters(ortools=IteratedSearchParams())  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("make", "field"),
    [
        (lambda: SearchParameters(time_limit=0), "time_limit"),
        (lambda: SearchParameters(iteration_limit=0), "iteration_limit"),
        (lambda: SearchParameters(workers=0), "workers"),
        (lambda: IteratedSearchParams(share=1.0), "share"),
        (lambda: IteratedSearchParams(share=-0.1), "share"),
        (lambda: IteratedSearchParams(noise=-1), "noise"),
        (lambda: OrToolsParams(restart_metaheuristics=("MAGIC",)), "metaheuristic"),
    ],
)
def test_each_bad_value_names_its_field(make: object, field: str) -> None:
    with pytest.raises(DataError, match=f"'{field}'"):
        make()  # type: ignore[operator]


def test_negative_pool_and_no_rounds_are_refused() -> None:
    with pytest.raises(DataError, match="'pool'"):
        RecombinationParams(pool=-1)
    with pytest.raises(DataError, match="'rounds'"):
        RecombinationParams(rounds=0)


def test_unknown_metaheuristic_is_rejected() -> None:
    with pytest.raises(DataError, match="'metaheuristic'"):
        OrToolsParams(metaheuristic="MAGIC")
    with pytest.raises(DataError, match="'first_solution'"):
        OrToolsParams(first_solution="guess")


def test_negative_or_no_temperatures_are_refused() -> None:
    with pytest.raises(DataError, match="'temperatures'"):
        IteratedSearchParams(temperatures=(1.0, -0.5))
    with pytest.raises(DataError, match="'temperatures'"):
        IteratedSearchParams(temperatures=())


def test_rounds_must_be_positive() -> None:
    with pytest.raises(DataError, match="'cycles'"):
        SearchParameters(cycles=0)
