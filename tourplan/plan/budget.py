"""Costs and the budget: what a plan costs the party, and planning within a hard budget.

The routing core has no resource dimension, so the budget is kept here, in two steps:

1. *cost-aware choice*: every paid visit's prize is scaled by the share of the budget left
   after it (:func:`tourplan.plan.experiences.add_experiences`), and a visit costing more
   than the whole budget is not offered;
2. *exact repair*: while the plan costs more than the budget, the paid item of least value
   per đồng that is not a must (an optional experience, or a place with an entrance fee) is
   dropped and the trip planned again. Each round drops one item, so it ends.

Costs are the known entrance fees (``fee_vnd``) and the experiences booked, for the whole
party; a place whose fee is unknown counts 0 and is listed in :attr:`TripCosts.unknown_fees`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..exceptions import DataError, InfeasibleError
from ..geocode import PlaceResolver
from ..model import Villages
from ..model.experience import Experience, Experiences
from ..routing import SearchParameters
from .areas import Planner as AreaPlanner
from .areas import plan_by_areas
from .checks import validate_itinerary
from .clock import Clock
from .experiences import add_experiences, why_not
from .itinerary import Day, Itinerary, LeftOut
from .problem import build_problem
from .request import TripRequest

if TYPE_CHECKING:  # networkx loads only with a road graph (0.1 s)
    import networkx as nx

__all__ = [
    "REPAIR_SHARE",
    "DayCosts",
    "TripCosts",
    "costs",
    "day_costs",
    "plan_with_costs",
    "plan_within_budget",
    "wanted_experiences",
]


@dataclass(frozen=True)
class DayCosts:
    """A day's costs for the party, in đồng: entrance fees and experiences."""

    fees: int
    experiences: int

    @property
    def total(self) -> int:
        """Fees and experiences together."""
        return self.fees + self.experiences


@dataclass(frozen=True)
class TripCosts:
    """The trip's costs for ``party`` people: per day, the totals, and the places whose fee
    is unknown (counted 0)."""

    party: int
    days: tuple[DayCosts, ...]
    unknown_fees: tuple[str, ...] = ()

    @property
    def fees(self) -> int:
        """All entrance fees."""
        return sum(d.fees for d in self.days)

    @property
    def experiences(self) -> int:
        """All experiences."""
        return sum(d.experiences for d in self.days)

    @property
    def total(self) -> int:
        """Everything the party pays."""
        return self.fees + self.experiences


def day_costs(day: Day, party: int) -> DayCosts:
    """The costs of ``day`` for ``party`` people: known fees and experiences booked."""
    fees = sum((s.village.fee_vnd or 0) * party for s in day.stops)
    booked = sum(s.booking.cost for s in day.stops if s.booking is not None)
    return DayCosts(fees, booked)


def costs(itinerary: Itinerary, party: int | None = None) -> TripCosts:
    """The costs of ``itinerary`` for ``party`` people (default: the itinerary's party, or 1)."""
    people = party if party is not None else itinerary.party or 1
    unknown = tuple(
        dict.fromkeys(s.village.id for s in itinerary.stops if s.village.fee_vnd is None)
    )
    return TripCosts(people, tuple(day_costs(d, people) for d in itinerary.days), unknown)


def wanted_experiences(request: TripRequest, experiences: Experiences) -> tuple[Experience, ...]:
    """The must-do experiences of ``request`` (names matched like place names).

    Raises
    ------
    DataError
        Naming ``experiences`` for an unknown or ambiguous name, or two at one place (a stop
        holds one experience).
    """
    found = tuple(dict.fromkeys(experiences.get(name) for name in request.experiences))
    places = [e.place_id for e in found]
    twice = sorted({p for p in places if places.count(p) > 1})
    if twice:
        raise DataError(
            f"one experience per place: several are asked for at {', '.join(twice)}",
            field="experiences",
        )
    return found


REPAIR_SHARE = 0.5
"""Share of the time left for each plan of a budget's repair (:func:`plan_with_costs`)."""

Planner = Callable[[TripRequest, frozenset[str], frozenset[str]], Itinerary]
"""Plans ``request`` without the places (second) and optional experiences (third) given."""


def plan_within_budget(
    request: TripRequest,
    villages: Villages,
    wanted: tuple[Experience, ...],
    planner: Planner,
) -> Itinerary:
    """Plan with ``planner`` and repair until the plan costs at most ``request.budget_vnd``.

    Raises
    ------
    InfeasibleError
        When the must-visit places and must-do experiences alone cost more than the budget.
    """
    budget = request.budget_vnd
    party = request.party
    must_places = {villages.get(name).id for name in request.must_visit}
    must_places |= {e.place_id for e in wanted}
    if budget is not None:
        floor = sum(e.cost(party) for e in wanted) + sum(
            (villages.get(p).fee_vnd or 0) * party for p in must_places
        )
        if floor > budget:
            raise InfeasibleError(
                "over budget",
                [
                    f"the must-visit places and must-do experiences alone cost {floor} VND "
                    f"for {party} people, over the budget of {budget} VND"
                ],
            )
    dropped_places: set[str] = set()
    dropped_experiences: set[str] = set()
    wanted_ids = {e.id for e in wanted}
    while True:
        itinerary = planner(request, frozenset(dropped_places), frozenset(dropped_experiences))
        total = costs(itinerary, party).total
        if budget is None or total <= budget:
            left_out = tuple(
                LeftOut(x.village, "over_budget") if x.village.id in dropped_places else x
                for x in itinerary.left_out
            )
            return dataclasses.replace(itinerary, party=party, left_out=left_out)
        items: list[tuple[float, str, str]] = []
        for stop in itinerary.stops:
            b = stop.booking
            if b is not None and b.experience.id not in wanted_ids and b.cost > 0:
                value = (
                    b.experience.minutes
                    / max(1, stop.village.visit_minutes)
                    * stop.village.interest
                )
                items.append((value / b.cost, "experience", b.experience.id))
            fee = (stop.village.fee_vnd or 0) * party
            if stop.village.id not in must_places and fee + (b.cost if b else 0) > 0:
                items.append(
                    (stop.village.interest / (fee + (b.cost if b else 0)), "place", stop.village.id)
                )
        if not items:  # cannot happen: the floor check covers the musts
            raise InfeasibleError("over budget", [f"the plan costs {total} VND, over {budget} VND"])
        _ratio, kind, ident = min(items)
        (dropped_experiences if kind == "experience" else dropped_places).add(ident)


def plan_with_costs(
    request: TripRequest,
    villages: Villages,
    experiences: Experiences,
    *,
    resolver: PlaceResolver,
    road_graph: nx.MultiDiGraph | None,
    params: SearchParameters,
    solve: AreaPlanner,
    clock: Clock | None = None,
) -> Itinerary:
    """Plan a trip that counts costs: must-do and optional experiences, the party, the budget.

    Each must-do experience is checked first (:func:`~tourplan.plan.experiences.why_not`),
    its place becomes a must-visit, its sessions join its place's group
    (:func:`~tourplan.plan.experiences.add_experiences`), the trip is planned by areas with
    ``solve`` and repaired to the budget (:func:`plan_within_budget`); the result has passed
    :func:`~tourplan.plan.checks.validate_itinerary`.

    ``params.time_limit`` (or ``clock``, the caller's deadline) is for the whole call: with a
    budget each plan of the repair gets :data:`REPAIR_SHARE` of the time left (the repairs
    that follow share the rest), without one the single plan gets all of it.

    Raises
    ------
    DataError
        An unknown experience name, or one whose place is not among ``villages``.
    ExperienceError
        A must-do experience cannot be booked (which rule, and the nearest alternative).
    InfeasibleError
        The must-dos alone are over the budget.
    """
    wanted = wanted_experiences(request, experiences)
    ids = set(villages.ids)
    for e in wanted:
        if e.place_id not in ids:
            raise DataError(
                f"the place {e.place_id!r} of {e.id!r} is not among the places", field="experiences"
            )
        blocked = why_not(e, request, villages, experiences, planned=None)
        if blocked is not None:
            raise blocked
    avoided = {villages.get(name).id for name in request.avoid}
    for e in wanted:
        if e.place_id in avoided:
            raise DataError(
                f"{e.id!r} happens at {e.place_id}, a place to avoid", field="experiences"
            )
    known = {villages.get(name).id for name in request.must_visit}
    base = dataclasses.replace(
        request,
        must_visit=request.must_visit
        + tuple(e.place_id for e in wanted if e.place_id not in known),
    )
    optional = [
        e for e in experiences if request.with_experiences and e not in wanted and e.place_id in ids
    ]
    must_places = known | {e.place_id for e in wanted}
    clock = clock or Clock(params)
    share = 1.0 if request.budget_vnd is None else REPAIR_SHARE

    def planner(_req: TripRequest, places: frozenset[str], dropped: frozenset[str]) -> Itinerary:
        asked = dataclasses.replace(base, avoid=base.avoid + tuple(sorted(places)))
        planning = build_problem(asked, villages, resolver=resolver, road_graph=road_graph)
        offered = [e for e in optional if e.id not in dropped]
        planning = add_experiences(planning, wanted, offered, must_places=must_places)
        held = {o.experience.id for o in planning.visit_sessions if o is not None}
        for e in wanted:
            if e.id not in held:
                raise why_not(e, request, villages, experiences, planned=False) or InfeasibleError(
                    e.id
                )
        try:
            return plan_by_areas(planning, params, solve, clock=clock.part(share))
        except InfeasibleError:
            if not wanted:
                raise
            raise why_not(
                wanted[0], request, villages, experiences, planned=True
            ) or InfeasibleError(wanted[0].id) from None

    itinerary = plan_within_budget(request, villages, wanted, planner)
    validate_itinerary(itinerary, request)
    return itinerary
