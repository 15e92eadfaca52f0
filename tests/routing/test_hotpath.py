"""The hot path's shortcuts give the numbers of the code they replace (issue #15, sixth pass).

Each shortcut is compared with the straightforward computation it stands for: the plain-Python
costing of a few exchange candidates with :meth:`Inserter.evaluate` and the choice made from it,
the shortening moves from one gathered submatrix with the matrix indexed term by term, and the
remembered end times and latest arrivals with fresh ones.
"""

from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path

import numpy as np
import numpy.typing as npt
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tourplan.routing import RoutingProblem, TimeWindow, Tour, Visit
from tourplan.routing.exchange import cheapest_few, least_shift
from tourplan.routing.insertion import Inserter
from tourplan.routing.moves import LocalSearch


def _problem(seed: int, *, asymmetric: bool = False) -> RoutingProblem:
    """One to three tours, one window per visit (the inlined path), some ``max_visits``."""
    rng = random.Random(seed)
    n_loc = rng.randint(6, 18)
    xy = [(rng.randint(0, 50), rng.randint(0, 50)) for _ in range(n_loc)]
    matrix = [[abs(a - c) + abs(b - d) for c, d in xy] for a, b in xy]
    if asymmetric:  # the shortening moves must not assume tt[a][b] == tt[b][a]
        matrix = [[x + rng.randint(0, 9) * (x > 0) for x in row] for row in matrix]
    n_tours = rng.randint(1, 3)
    tours = tuple(
        Tour(f"t{t}", 0, 0, 0, 500, max_visits=rng.choice([None, None, 5])) for t in range(n_tours)
    )
    visits = []
    for k in range(1, n_loc):
        start = rng.randint(0, 350)
        window = TimeWindow(start, start + rng.randint(10, 200))
        visits.append(Visit(f"v{k}", k, rng.randint(5, 40), (window,), rng.randint(1, 9)))
    return RoutingProblem(matrix, tuple(visits), tours)


def _plan(p: RoutingProblem, cut: int) -> tuple[Inserter, list[list[int]]]:
    ins = Inserter(p, [list(range(len(p.tours)))] * len(p.visits))
    routes = ins.fill([[] for _ in p.tours])
    return ins, [route[cut:] for route in routes]  # shorter routes: more visits fit


@settings(max_examples=60, deadline=None)
@given(seed=st.integers(0, 100_000), cut=st.integers(0, 3))
def test_least_shift_is_evaluate_for_one_visit(seed: int, cut: int) -> None:
    p = _problem(seed)
    ins, routes = _plan(p, cut)
    assert ins.single_window
    for r, route in enumerate(routes):
        for c in range(ins.n):
            mask = np.zeros(ins.n, dtype=bool)
            mask[c] = True
            ratio, pos = ins.evaluate(r, route, mask)
            table = ins.costs.get((r, *route))
            fits = ratio[c] > 0 and table is not None
            expected = (int(table.best[c]), int(pos[c])) if fits and table else None
            assert least_shift(ins, r, route, c) == expected


def _vectorised_choice(
    ins: Inserter, r: int, route: list[int], candidates: list[int]
) -> tuple[int, int] | None:
    """The choice of ``LocalSearch._best_insertion`` from :meth:`Inserter.evaluate`."""
    mask = np.zeros(ins.n, dtype=bool)
    mask[candidates] = True
    ratio, pos = ins.evaluate(r, route, mask)
    fits = np.flatnonzero(ratio > 0)
    order = fits[np.lexsort((-ratio[fits], -ins.score[fits]))].tolist()
    return (order[0], int(pos[order[0]])) if order else None


@settings(max_examples=60, deadline=None)
@given(seed=st.integers(0, 100_000), cut=st.integers(0, 3), draw=st.randoms())
def test_a_few_candidates_are_chosen_as_the_vectorised_test_chooses(
    seed: int, cut: int, draw: random.Random
) -> None:
    p = _problem(seed)
    ins, routes = _plan(p, cut)
    # noisy weights (some not positive) and equal scores make ties and refusals
    ins.noise = np.array([draw.choice([-0.5, 0.0, 0.7, 1.0, 1.3]) for _ in range(ins.n)])
    for r, route in enumerate(routes):
        candidates = sorted(draw.sample(range(ins.n), min(ins.n, draw.randint(1, 8))))
        expected = _vectorised_choice(ins, r, route, candidates)
        assert cheapest_few(ins, r, route, candidates, None) == expected
        assert cheapest_few(ins, r, route, candidates, ins.forward(r, route)) == expected


def _shortening_reference(
    ins: Inserter, r: int, route: list[int]
) -> list[tuple[int, npt.NDArray[np.int64]]]:
    """Savings of every 2-opt and or-opt move, the matrix indexed term by term (the code the
    gathered submatrix replaced)."""
    tour = ins.problem.tours[r]
    n, tt = len(route), ins.tt
    locs = np.array([tour.start_location, *(ins.loc_list[i] for i in route), tour.end_location])
    arc = tt[locs[:-1], locs[1:]]
    a, b = np.arange(n + 1)[:, None], np.arange(n + 1)[None, :]
    fwd = np.concatenate(([0], np.cumsum(arc)))
    bwd = np.concatenate(([0], np.cumsum(tt[locs[1:], locs[:-1]])))
    old = fwd[b + 1] - fwd[a]
    new = tt[locs[a], locs[b]] + bwd[b] - bwd[a + 1] + tt[locs[a + 1], locs[b + 1]]
    savings = [(0, np.where(b >= a + 2, old - new, 0))]
    for k in range(1, min(3, n - 1) + 1):
        s = np.arange(n - k + 1)[:, None]
        gain = arc[s] + arc[s + k] - tt[locs[s], locs[s + k + 1]]
        cost = tt[locs[b], locs[s + 1]] + tt[locs[s + k], locs[b + 1]] - arc[b]
        savings.append((k, np.where((b >= s) & (b <= s + k), 0, gain - cost)))
    return savings


@settings(max_examples=60, deadline=None)
@given(seed=st.integers(0, 100_000), draw=st.randoms())
def test_shortening_moves_are_those_of_the_matrix_indexed_term_by_term(
    seed: int, draw: random.Random
) -> None:
    p = _problem(seed, asymmetric=True)
    ins = Inserter(p, [list(range(len(p.tours)))] * len(p.visits))
    search = LocalSearch(ins)
    route = draw.sample(range(ins.n), draw.randint(2, ins.n))  # any order: only travel counts
    moves = search._shortening_moves(0, route)
    savings = _shortening_reference(ins, 0, route)
    table = {(k, x, y): int(v) for k, save in savings for (x, y), v in np.ndenumerate(save)}
    positive = sorted((-v, key) for key, v in table.items() if v > 0)
    # the moves saving most, most first (at most 30; ties in any order)
    assert len(moves) == min(30, len(positive))
    assert [table[m] for m in moves] == [-v for v, _ in positive[: len(moves)]]
    assert all(table[m] > 0 for m in moves)


@settings(max_examples=30, deadline=None)
@given(seed=st.integers(0, 100_000), cut=st.integers(0, 3))
def test_remembered_times_are_fresh_ones_and_not_shared(seed: int, cut: int) -> None:
    p = _problem(seed)
    ins, routes = _plan(p, cut)
    fresh = Inserter(p, [list(range(len(p.tours)))] * len(p.visits))
    for r, route in enumerate(routes):
        ends, latest = ins.forward(r, route), ins.latest_arrivals(r, route)
        assert ends == fresh.forward(r, route) and latest == fresh.latest_arrivals(r, route)
        assert ends is not None
        ends.append(-1)  # a caller's list is its own: the remembered one stays right
        latest.append(-1)
        assert ins.forward(r, route) == fresh.forward(r, route)
        assert ins.latest_arrivals(r, route) == fresh.latest_arrivals(r, route)


ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "bench" / "hotpath.py"
_DATA = ROOT.parent / "shared" / "benchmarks" / "toptw"


@pytest.mark.skipif(not _DATA.is_dir(), reason="needs ../shared/benchmarks/toptw")
def test_hotpath_script_compares_trees_and_refuses_bad_rows() -> None:
    tree = str(ROOT)
    cmd = [sys.executable, str(SCRIPT), "--trees", tree, tree, "--shakes", "3"]
    same = [*cmd, "--same", "--iteration-limit", "6", "c101:2", "random:20:2"]
    done = subprocess.run(same, capture_output=True, text=True, check=True)
    rows = [line for line in done.stdout.splitlines() if line.startswith(("c101", "random"))]
    assert len(rows) == 2 and all(row.endswith("same routes") for row in rows)
    speed = subprocess.run([*cmd, "--repeats", "1", "c101:1"], capture_output=True, text=True)
    assert speed.returncode == 0 and "shakes/CPU s" in speed.stdout
    for bad in ("pr99:1", "c101:x", "random:3", "trip:nope"):
        refused = subprocess.run([*cmd, bad], capture_output=True, text=True)
        assert refused.returncode == 2 and f"row {bad!r}" in refused.stderr
