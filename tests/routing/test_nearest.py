"""LocalSearch.nearest, one row at a time, is the order of the whole matrix sorted at once."""

from __future__ import annotations

import numpy as np
from hypothesis import HealthCheck, given, settings

from tourplan.routing import RoutingProblem
from tourplan.routing.explain import allowed_tours
from tourplan.routing.insertion import Inserter
from tourplan.routing.moves import LocalSearch

from .test_properties import problems


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(problems())
def test_nearest_is_the_row_of_the_whole_sorted_matrix(problem: RoutingProblem) -> None:
    if not Inserter.supports(problem) or not problem.visits:
        return
    ins = Inserter(problem, allowed_tours(problem))
    both = ins.tt[ins.loc][:, ins.loc]
    whole = np.argsort(both + both.T, axis=1, kind="stable")  # what it computed before
    search = LocalSearch(ins)
    for i in reversed(range(ins.n)):  # any order of first requests
        assert search.nearest(i) == whole[i].tolist()
        assert search.nearest(i) == whole[i].tolist()  # and again, from its cache
