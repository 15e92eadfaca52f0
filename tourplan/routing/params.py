"""Search parameters, one frozen and validated dataclass per component of the search.

:class:`SearchParameters` holds what a caller usually sets (time limit, determinism, seed,
workers, logging, rounds) and nests the settings of each component, as PyVRP's ``SolveParams``
nests ``IteratedLocalSearchParams``:

- :class:`IteratedSearchParams`: tourplan's iterated local search (:mod:`.ils`);
- :class:`RecombinationParams`: route recombination over pooled tours (:mod:`.recombine`);
- :class:`OrToolsParams`: the OR-Tools routing search (:mod:`.ortools_model`).

Every class checks its values where they are born and raises
:class:`~tourplan.exceptions.DataError` naming the offending field.
"""

from __future__ import annotations

from dataclasses import KW_ONLY, dataclass, field
from typing import Any

from ..exceptions import DataError

__all__ = [
    "IteratedSearchParams",
    "OrToolsParams",
    "RecombinationParams",
    "SearchParameters",
]


@dataclass(frozen=True, slots=True)
class IteratedSearchParams:
    """Tourplan's iterated local search (shake, re-insert, local search, accept).

    Parameters
    ----------
    share
        Share of each round's time given to the iterated search when OR-Tools polishes its
        plan (``OrToolsParams(polish=True)``, the rest to OR-Tools; without the polish it gets
        all the time). It runs only with ``OrToolsParams(first_solution="insertion")``;
        otherwise OR-Tools gets all the time. Default 0.9.
    noise
        Relative random noise on insertion priorities at each re-insertion. Default 1.0.
    temperatures
        Acceptance, one value per worker in turn: simulated annealing starting at this many
        times the mean score of a visit, cooled to 0 by the end of the round; 0 keeps every
        shaken plan (a random walk with returns to the best plan). The default ``(1.0, 5.0)``
        anneals gently in the first worker and hotly in the second: on the public benchmark
        the gentle one is better with several tours, the hot one never gets stuck on long
        single tours (see ``docs/benchmarks.md``).
    stall
        The stall budget: the search stops, converged, after this many shakes in a row
        without a better plan (score, then travel), even if time is left; the time limit stays
        the cap. A quarter of it without a gain since the last start triggers a restart from a
        new randomised construction, so convergence means about three restarts found nothing
        better. ``None``: search until the time limit. Default 1000: on the bundled Hanoi data
        one request (a one-day trip with Bát Tràng required) needs about 1100 shakes to find
        its best plan, and 300 lost it; above 667, the default deterministic search (2000
        iterations, a third of them shakes) is not changed by it. A plan whose longest tour
        has more than 20 visits gets proportionally more (a 45-visit tour: 2250 shakes).
    elite
        Restarts from elite plans: the best plan of each stretch between restarts is kept
        among this many distinct plans, and a restart starts from a child of two of them
        (tours of one put into the other) instead of an empty plan. 0 (the default): every
        restart is a fresh randomised construction.
    force
        Every ``force``-th shake puts an unvisited place into a tour and drops the visits in
        its way, instead of removing visits. 0 (the default): never.
    exponents
        Insertion weights ``score ** e``: the first value at the start, one drawn from
        these at each restart. Default
        ``(2.0,)``, the ratio of Vansteenwegen et al. (2009).
    restart
        Restart after this share of a round's time (or of its shakes in deterministic mode)
        without a gain. Default 0.25.
    pairs
        Also exchange two visits in a row for one place of higher score than both, on plans
        as good as the best of the current stretch. Default ``False``.
    strings
        Moves of strings between tours (:mod:`.strings`: tails swapped, 2-opt*, and strings
        of up to three visits traded, CROSS-exchange) on plans as good as the best of the
        current stretch, when no move of one visit helps: 0 none, 1 (the default) those that
        let an unvisited place in, 2 also, when none does, the one saving most travel. 1 gains
        +0.5 % a run at equal CPU on the public rows (48 paired runs, t 2.5). Whatever the
        level, they are tried only where they pay (:func:`~.strings.strings_pay`): on plans
        whose used tours hold 12 visits or more on average; building them costs 2-5 % of the
        CPU at every size, and on shorter tours (the Hanoi-like rows: 7-11 visits) they almost
        never let a place in (docs/benchmarks.md, "fifth pass").
    decompose
        Share of each round's iterated-search time (of its shakes in deterministic mode) given
        to decomposition on plans of three tours or more (:mod:`.decompose`): two interacting
        tours searched again with the others fixed. 0 (the default) turns it off.
    decompose_shakes
        Shakes of the iterated search on each sub-problem. Default 300.
    decompose_tours
        Tours per sub-problem (2 or more; at most all tours but one). Default 2.
    decompose_stall
        Decomposition once the search has stalled, instead of a share of each round: with
        three tours or more, a round's iterated search hands its best plan to decomposition
        after this many shakes without a better plan (scaled for long tours as ``stall``), and
        decomposition runs for the rest of the round's search time (in deterministic mode:
        half the round's shakes' worth of sub-searches; with a ``stall`` budget, one
        sub-search per tour, and the round converged if they find nothing better). Default
        200; 0 turns it off; it replaces ``decompose`` when both are set. The solver uses it
        (and ``race``) only in a timed search, ``stall=None``: a search with a stall budget
        stops where it stalls, and with both on it did worse (``bench/toptw.py``, whose search
        has ``stall=1000``: mean gap 1.01 % against 0.92 % without them).
    race
        A race of starts in each worker's first round: this many short independent searches
        share 40 % of the round, and the search goes on from the best of their plans; default
        3; 0 or 1: no race. It cuts the bad tail of the spread between seeds on large rows.
        ``strings=1``, ``decompose_stall=200`` and ``race=3`` together, against all three off,
        side by side with PyVRP at 10 s on a quiet machine: ≥ PyVRP on 38 of the 48 public
        rows against 32, total score +0.21 % (docs/benchmarks.md, "fifth pass, merged").
    warp
        Every ``warp``-th shake is a local search with penalised time windows ("time warp")
        then a repair (:mod:`.warp`), on problems with one window per visit and tours without
        breaks or a duration limit. 0 (the default): never. Off by default: every 10th shake
        gained 0.2 % on the rows PyVRP wins and lost 0.9 % on rows tourplan wins, at equal CPU
        (docs/benchmarks.md, "fifth pass").
    adapt
        A stall budget that grows with the search's own progress (only with ``stall``): a
        search that took ``n`` shakes to find its best plan is converged only after
        ``max(stall, adapt × n)`` shakes without gain (``stall`` scaled for long tours), and
        restarts after a quarter of that (:class:`~.stall.StallBudget`). 0 (the default):
        the flat budget; 1-2 gained nothing beyond the seed spread on the large public rows
        (``docs/benchmarks.md``).
    petals
        Start each run's first round from a plan of compact tours
        (:func:`~.petals.petal_start`: each tour filled by insertion among the places nearest
        its own seed place) instead of a race of starts. Off by default (docs/benchmarks.md,
        "Issue #15, eighth pass": +0.57 % on seven four- and three-tour rows at equal CPU,
        -0.22 % on three others; in the full solver, three seeds on a quiet machine, +0.17 %
        and -0.42 %).
    petal_round
        With route recombination (two tours or more), the second round starts from a plan of
        compact tours (:func:`~.petals.petal_start`, the next seed) instead of the best plan
        so far: a second basin, whose tours the recombination after the round mixes with the
        first round's; the best plan stays a candidate if the round ends below it. On by
        default (docs/benchmarks.md, "Issue #15, ninth pass"): ten three- and four-tour
        rows at three seeds +0.53 % / +0.27 % (rows PyVRP won / others), a second round from
        a fresh race instead -0.54 %; ``bench/peers.py`` rows of two to four tours +0.16 % at
        two seeds; ``bench/toptw.py`` ones +0.20 % / -0.02 % at two seeds (four tours better at
        both); the bundled trip plans are unchanged.

    Examples
    --------
    >>> IteratedSearchParams(share=1)
    Traceback (most recent call last):
    ...
    tourplan.exceptions.DataError: field 'share': must be in [0, 1)
    """

    share: float = 0.9
    noise: float = 1.0
    temperatures: tuple[float, ...] = (1.0, 5.0)
    stall: int | None = 1000
    elite: int = 0
    force: int = 0
    exponents: tuple[float, ...] = (2.0,)
    restart: float = 0.25
    pairs: bool = False
    strings: int = 1
    decompose: float = 0.0
    decompose_shakes: int = 300
    decompose_tours: int = 2
    decompose_stall: int = 200
    race: int = 3
    warp: int = 0
    adapt: float = 0.0
    petals: bool = False
    petal_round: bool = True

    def __post_init__(self) -> None:
        if not 0 <= self.decompose < 1:
            raise DataError(f"must be in [0, 1), got {self.decompose!r}", field="decompose")
        for name, least in (
            ("decompose_shakes", 1),
            ("decompose_tours", 2),
            ("decompose_stall", 0),
        ):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or value < least:
                raise DataError(f"must be an integer >= {least}, got {value!r}", field=name)
        for name in ("elite", "force", "race", "warp"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                raise DataError(f"must be an integer >= 0, got {value!r}", field=name)
        if not self.exponents or not all(e > 0 for e in self.exponents):
            raise DataError(
                f"must be one or more numbers > 0, got {self.exponents!r}", field="exponents"
            )
        for name in ("pairs", "petals", "petal_round"):
            if not isinstance(getattr(self, name), bool):
                raise DataError(f"must be True or False, got {getattr(self, name)!r}", field=name)
        if isinstance(self.strings, bool) or self.strings not in (0, 1, 2):
            raise DataError(f"must be 0, 1 or 2, got {self.strings!r}", field="strings")
        if not 0 < self.restart <= 1:
            raise DataError(f"must be in (0, 1], got {self.restart!r}", field="restart")
        if self.stall is not None and (isinstance(self.stall, bool) or self.stall < 1):
            raise DataError(
                f"must be a positive number of shakes or None, got {self.stall!r}", field="stall"
            )
        if isinstance(self.adapt, bool) or not self.adapt >= 0:
            raise DataError(f"must be a number >= 0, got {self.adapt!r}", field="adapt")
        if not 0 <= self.share < 1:
            raise DataError("must be in [0, 1)", field="share")
        if self.noise < 0:
            raise DataError("must be >= 0", field="noise")
        if not self.temperatures or not all(t >= 0 for t in self.temperatures):
            raise DataError(
                f"must be one or more numbers >= 0, got {self.temperatures!r}",
                field="temperatures",
            )


@dataclass(frozen=True, slots=True)
class RecombinationParams:
    """Route recombination: CP-SAT picks the best disjoint tours among all the tours met.

    Parameters
    ----------
    pool
        The tours of the plans the iterated search met are pooled (this many per class of
        interchangeable days, best first) and CP-SAT picks the set of disjoint tours of
        highest score (Hu & Lim 2014), which then gets another round of insertion. 0 turns
        it off. It cannot help with a single tour. Default 500.
    rounds
        With recombination, the iterated search runs in this many rounds per cycle, each
        followed by a recombination of all tours met so far; the next round starts from its
        plan (the iterative scheme of Hu & Lim 2014). Default 3.

    Examples
    --------
    >>> RecombinationParams(pool=-1)
    Traceback (most recent call last):
    ...
    tourplan.exceptions.DataError: field 'pool': must be >= 0
    """

    pool: int = 500
    rounds: int = 3

    def __post_init__(self) -> None:
        if self.pool < 0:
            raise DataError("must be >= 0", field="pool")
        if self.rounds < 1:
            raise DataError("must be >= 1", field="rounds")


@dataclass(frozen=True, slots=True)
class OrToolsParams:
    """The OR-Tools routing search: first solution, metaheuristic, operators.

    Parameters
    ----------
    first_solution
        ``"insertion"`` (the default: tourplan's iterated search builds the plans, see
        :class:`IteratedSearchParams`) or an OR-Tools ``FirstSolutionStrategy`` name
        (:data:`FIRST_SOLUTIONS`).
    metaheuristic
        An OR-Tools local-search metaheuristic name (:data:`METAHEURISTICS`), e.g.
        ``"GUIDED_LOCAL_SEARCH"``, ``"TABU_SEARCH"``, ``"SIMULATED_ANNEALING"``,
        ``"GREEDY_DESCENT"``. ``"AUTOMATIC"`` (the default) means greedy descent when the
        iterated search runs (OR-Tools then polishes its plans), guided local search otherwise.
    restart_metaheuristics
        Metaheuristics for the OR-Tools phase of rounds after the first, in turn (default:
        the same as ``metaheuristic``).
    lns
        Use OR-Tools' large-neighbourhood operators (path / inactive LNS and friends); always
        off in deterministic mode. Default ``True``.
    polish
        After tourplan's iterated search (``first_solution="insertion"``), let OR-Tools' local
        search improve its best plan (a tenth of each round's time, or a quarter of the time
        the search took when it converged; in deterministic mode, up to ``iteration_limit``
        solutions). Default ``False``: measured side by side, it rarely found a better plan,
        never on the trip planner's problems, while loading OR-Tools' routing solver costs
        about 20 MB and 0.06 s per process, and a deterministic polish of a hundred places
        can take a minute (docs/benchmarks.md, "Peak memory").

    Examples
    --------
    >>> OrToolsParams().metaheuristic, OrToolsParams().polish
    ('AUTOMATIC', False)
    >>> OrToolsParams(first_solution="guess")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    tourplan.exceptions.DataError: field 'first_solution': unknown strategy 'guess'; one of ...
    """

    first_solution: str = "insertion"
    metaheuristic: str = "AUTOMATIC"
    restart_metaheuristics: tuple[str, ...] = ()
    lns: bool = True
    polish: bool = False

    def __post_init__(self) -> None:
        if not isinstance(self.polish, bool):
            raise DataError(f"must be True or False, got {self.polish!r}", field="polish")
        if (self.first_solution, self.metaheuristic, self.restart_metaheuristics) == (
            "insertion",
            "AUTOMATIC",
            (),
        ):
            return  # the defaults: no need to load OR-Tools to check them
        from .ortools_model import FIRST_SOLUTIONS, METAHEURISTICS

        if self.first_solution not in FIRST_SOLUTIONS:
            raise DataError(
                f"unknown strategy {self.first_solution!r}; one of {FIRST_SOLUTIONS}",
                field="first_solution",
            )
        for name in (self.metaheuristic, *self.restart_metaheuristics):
            if name not in METAHEURISTICS:
                raise DataError(
                    f"unknown metaheuristic {name!r}; one of {METAHEURISTICS}",
                    field="metaheuristic",
                )


@dataclass(frozen=True, slots=True)
class SearchParameters:
    """How to search; the defaults give good plans in 10 seconds.

    The search runs ``cycles`` rounds; each runs the iterated search (``ils``) in rounds with
    route recombination between them (``recombination``), then, if asked
    (``OrToolsParams(polish=True)``), OR-Tools' local search (``ortools``) from the best plan.
    See :func:`~tourplan.routing.solver.solve`.

    Parameters
    ----------
    time_limit
        Wall-clock seconds for the whole search (ignored in deterministic mode). Default 10.
        The only field that may be given by position; the others are keyword-only.
    deterministic
        Stop after ``iteration_limit`` iterations instead of a wall-clock limit, and turn off
        the operators that use wall-clock sub-limits, so the same input gives the same output.
        Default ``False``.
    iteration_limit
        In deterministic mode: OR-Tools stops after this many solutions or rejected moves, and
        the iterated search after a third as many shakes in all, split over the rounds.
        Default 2000.
    seed
        Seed of the iterated search. Default 0.
    workers
        Processes running the iterated search side by side (different seeds and temperatures;
        the best plan wins). Ignored in deterministic mode. The extra processes are started
        with ``spawn``, so a script using ``workers > 1`` needs the usual
        ``if __name__ == "__main__":`` guard around its entry point. Default 1.
    log
        Let OR-Tools print its search log. Default ``False``.
    cycles
        Number of rounds of (iterated search, then any OR-Tools local search from its best plan),
        each round starting from the previous round's best plan. ``None`` (the default): one
        round when the iterated search runs (its annealing cools once over the whole search),
        three for OR-Tools alone (restarting its metaheuristic helps it out of a poor first plan).
    ils
        The iterated search's settings (:class:`IteratedSearchParams`).
    recombination
        Route recombination's settings (:class:`RecombinationParams`).
    ortools
        The OR-Tools search's settings (:class:`OrToolsParams`).

    Examples
    --------
    >>> SearchParameters().time_limit
    10.0
    >>> SearchParameters(time_limit=2).ortools.metaheuristic
    'AUTOMATIC'
    >>> SearchParameters(recombination=RecombinationParams(pool=0)).recombination.rounds
    3
    >>> SearchParameters(time_limit=0)
    Traceback (most recent call last):
    ...
    tourplan.exceptions.DataError: field 'time_limit': must be positive, got 0
    """

    time_limit: float = 10.0
    _: KW_ONLY
    deterministic: bool = False
    iteration_limit: int = 2000
    seed: int = 0
    workers: int = 1
    log: bool = False
    cycles: int | None = None
    ils: IteratedSearchParams = field(default_factory=IteratedSearchParams)
    recombination: RecombinationParams = field(default_factory=RecombinationParams)
    ortools: OrToolsParams = field(default_factory=OrToolsParams)

    def __post_init__(self) -> None:
        if not self.time_limit > 0:
            raise DataError(f"must be positive, got {self.time_limit}", field="time_limit")
        if self.iteration_limit < 1:
            raise DataError("must be >= 1", field="iteration_limit")
        if self.cycles is not None and self.cycles < 1:
            raise DataError("must be >= 1", field="cycles")
        if self.workers < 1:
            raise DataError("must be >= 1", field="workers")
        for name, kind in (
            ("ils", IteratedSearchParams),
            ("recombination", RecombinationParams),
            ("ortools", OrToolsParams),
        ):
            if not isinstance(getattr(self, name), kind):
                raise DataError(f"must be a {kind.__name__}", field=name)


def __getattr__(name: str) -> Any:
    """:data:`FIRST_SOLUTIONS` and :data:`METAHEURISTICS`, read from OR-Tools when first used."""
    if name in ("FIRST_SOLUTIONS", "METAHEURISTICS"):
        from . import ortools_model

        return getattr(ortools_model, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
