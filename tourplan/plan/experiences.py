"""Experiences into the routing problem: one visit per session in its place's group.

A place's visits (one per length, :mod:`tourplan.plan.problem`) form a group of alternatives.
Here each length long enough to hold an experience gets one more member per session (fixed
start times) or one for "any time inside the hours", at the same location, with the same
service time, and with the visit-start windows of :func:`~tourplan.plan.sessions.
session_windows` intersected with the length's own. The routing core picks at most one member
of the group, so it chooses the length and the session together. A *must-do* experience
keeps only its own members and makes the group required; an optional one (``with
experiences``) adds its members next to the plain visits, worth the plain visit plus a
hands-on bonus. Under a budget every paid member's prize is scaled by what is left of the
budget after it (cost-aware choice); the exact limit is kept by :mod:`tourplan.plan.budget`.

When a must-do experience cannot be booked, :func:`why_not` says which rule stops it and
finds the nearest alternative (another session, another day, another experience).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from ..exceptions import InfeasibleError
from ..model import Village, Villages
from ..model.experience import Experience, Experiences
from ..routing import Group, RoutingProblem, Visit
from .itinerary import LeftOut
from .problem import PlanningProblem
from .request import TripRequest
from .sessions import SessionOffer, intersect, session_spans, session_windows

__all__ = [
    "HANDS_ON_BONUS",
    "ExperienceError",
    "add_experiences",
    "paid_cost",
    "why_not",
]

HANDS_ON_BONUS = 0.5
"""A default, not a sourced value: an optional experience adds this share of its place's
interest per typical visit length of hands-on time (an hour's workshop at a place of interest
60 whose typical visit is 60 minutes adds 30 points), on top of the visit itself."""

_SEARCH_DAYS = 14
"""How many days around the trip :func:`why_not` looks for another day."""


class ExperienceError(InfeasibleError):
    """A must-do experience cannot be booked: ``code`` says which rule stops it
    (``group_size``, ``not_running``, ``too_long``, ``no_session``, ``over_budget``) and
    ``alternative`` names the nearest option, or is empty."""

    def __init__(
        self, experience: Experience, code: str, reason: str, alternative: str = ""
    ) -> None:
        self.experience = experience
        self.code = code
        self.alternative = alternative
        lines = [reason] + ([f"nearest alternative: {alternative}"] if alternative else [])
        super().__init__(f"the experience {experience.id!r} cannot be booked", lines)


def paid_cost(village: Village, offer: SessionOffer | None, party: int) -> int:
    """What a stop costs the party in đồng: the place's known fee, plus its experience."""
    fee = (village.fee_vnd or 0) * party
    return fee + (offer.experience.cost(party) if offer is not None else 0)


def _bonus(experience: Experience, village: Village) -> int:
    share = experience.minutes / max(1, village.visit_minutes)
    return round(10 * HANDS_ON_BONUS * village.interest * share)


def _scaled(score: int, cost: int, budget: int | None) -> int | None:
    """The prize of a visit of ``cost`` under ``budget`` (``None``: it cannot fit)."""
    if budget is None or cost == 0:
        return score
    if cost > budget:
        return None
    return max(1, round(score * (1 - cost / budget))) if score > 0 else 0


def add_experiences(
    planning: PlanningProblem,
    wanted: Sequence[Experience],
    optional: Sequence[Experience],
    *,
    must_places: Collection[str] = (),
) -> PlanningProblem:
    """``planning`` with the sessions of ``wanted`` (must-do) and ``optional`` experiences
    as members of their places' groups, prizes priced by the request's budget.

    ``must_places`` are the places whose visit is required anyway (must-visit): their
    prizes are not scaled by cost.
    """
    request = planning.request
    problem = planning.problem
    stop_s = request.value.stop_minutes * 60
    wanted_at = {e.place_id: e for e in wanted}
    offered = {e.id for e in wanted} | {e.id for e in optional}
    by_place: dict[str, list[Experience]] = {}
    for e in (*wanted, *optional):
        if e.id in offered:
            by_place.setdefault(e.place_id, []).append(e)
            offered.discard(e.id)
    members: dict[str, list[tuple[Visit, SessionOffer | None, int]]] = {}
    # A long stay's second part (plan/offers.py: "<place>+#<length>") stays out of its
    # place's group, in a group of its own, never required, without sessions: it counts only
    # right after its first part (trip.without_stray_parts), so it cannot stand for the place.
    second_parts: dict[str, list[int]] = {}
    order: list[str] = []
    places: dict[str, Village] = {}
    for i, visit in enumerate(problem.visits):
        village = planning.visit_villages[i]
        if village.id not in members:
            members[village.id] = []
            order.append(village.id)
            places[village.id] = village
        if visit.id.startswith(f"{village.id}+#"):
            second_parts.setdefault(village.id, []).append(i)
            continue
        must = village.id in wanted_at or village.id in must_places
        plain = dataclasses.replace(visit, required=False)
        if village.id not in wanted_at:
            prize = (
                plain.score
                if must
                else _scaled(
                    plain.score, paid_cost(village, None, request.party), request.budget_vnd
                )
            )
            if prize is not None:
                members[village.id].append((dataclasses.replace(plain, score=prize), None, i))
        for e in by_place.get(village.id, []):
            if village.id in wanted_at and e.id != wanted_at[village.id].id:
                continue  # a must-do's place keeps only its members: one booking per visit
            if not e.takes(request.party) and village.id not in wanted_at:
                continue
            sessions: tuple[dt.time | None, ...] = e.sessions or (None,)
            for session in sessions:
                offer = SessionOffer(e, session)
                windows = intersect(
                    visit.windows,
                    session_windows(
                        offer, village, request.dates, visit.service, stop_s, request.holidays
                    ),
                )
                if not windows:
                    continue
                score = max(1, plain.score) + _bonus(e, village)
                cost = paid_cost(village, offer, request.party)
                prize = score if must else _scaled(score, cost, request.budget_vnd)
                if prize is None:
                    continue
                tag = "any" if session is None else f"{session:%H%M}"
                members[village.id].append(
                    (
                        dataclasses.replace(
                            plain, id=f"{visit.id}+{e.id}@{tag}", windows=windows, score=prize
                        ),
                        offer,
                        i,
                    )
                )
    visits: list[Visit] = []
    owners: list[Village] = []
    lengths = []
    offers: list[SessionOffer | None] = []
    groups: list[Group] = []
    old_required = {
        planning.visit_villages[i].id for i in range(len(problem.visits)) if problem.must_keep(i)
    }
    too_dear: list[LeftOut] = []
    for place_id in order:
        entries = members[place_id]
        if not entries:
            if place_id not in wanted_at:  # every visit costs more than the whole budget
                too_dear.append(LeftOut(places[place_id], "over_budget"))
            continue
        required = place_id in wanted_at or place_id in old_required
        first = len(visits)
        for visit, held, i in entries:
            visits.append(visit)
            owners.append(planning.visit_villages[i])
            lengths.append(planning.visit_lengths[i])
            offers.append(held)
        if len(entries) == 1:
            visits[first] = dataclasses.replace(visits[first], required=required)
        else:
            groups.append(Group(place_id, tuple(range(first, len(visits))), required=required))
        parts = second_parts.get(place_id, [])
        for i in parts:
            visits.append(dataclasses.replace(problem.visits[i], required=False))
            owners.append(planning.visit_villages[i])
            lengths.append(planning.visit_lengths[i])
            offers.append(None)
        if len(parts) > 1:
            groups.append(
                Group(f"{place_id}+", tuple(range(len(visits) - len(parts), len(visits))))
            )
    sub = RoutingProblem(
        travel_times=problem.travel_times,
        visits=tuple(visits),
        tours=problem.tours,
        groups=tuple(groups),
    )
    kept = {v.id for v in owners}
    return dataclasses.replace(
        planning,
        problem=sub,
        candidates=tuple(v for v in planning.candidates if v.id in kept),
        visit_villages=tuple(owners),
        visit_lengths=tuple(lengths),
        visit_sessions=tuple(offers),
        excluded=planning.excluded + tuple(too_dear),
    )


@dataclass(frozen=True)
class _Option:
    date: dt.date
    minute: int


def _options(
    experience: Experience,
    place: Village,
    dates: Sequence[dt.date],
    request: TripRequest,
) -> list[_Option]:
    """The earliest start on each date and span that fits the day window (after the
    stop's own minutes, ending before the day ends)."""
    lo = request.day_start.hour * 60 + request.day_start.minute + request.value.stop_minutes
    hi = request.day_end.hour * 60 + request.day_end.minute - experience.minutes
    found = []
    for d in dates:
        for first, last in session_spans(experience, place, d, request.holidays):
            if max(first, lo) <= min(last, hi):
                found.append(_Option(d, max(first, lo)))
    return found


def why_not(
    experience: Experience,
    request: TripRequest,
    villages: Villages,
    experiences: Experiences,
    *,
    planned: bool | None,
) -> ExperienceError | None:
    """Why the must-do ``experience`` cannot be booked on ``request``'s trip, with the
    nearest alternative: the party's size, the budget, the dates it runs, the day window.

    When those rules pass: ``None`` for ``planned=None`` (check before planning);
    ``too_long`` for ``planned=False`` (no visit of its place is long enough to hold it);
    ``no_session`` for ``planned=True`` (the planner found no plan holding it: its sessions
    clash with the day, lunch or other must-dos), listing sessions that run."""
    place = villages.get(experience.place_id)
    party = request.party
    others = [
        e
        for e in experiences
        if e.id != experience.id and e.place_id == place.id and e.takes(party)
    ]
    if not experience.takes(party):
        limits = f"{experience.min_group or 1}-{experience.max_group or 'any'}"
        alt = f"{others[0].id} at the same place" if others else ""
        return ExperienceError(
            experience,
            "group_size",
            f"it takes groups of {limits} people; the party is {party}",
            alt,
        )
    if request.budget_vnd is not None:
        cost = paid_cost(place, SessionOffer(experience), party)
        if cost > request.budget_vnd:
            cheaper = sorted(
                (paid_cost(place, SessionOffer(e), party), e.id)
                for e in others
                if paid_cost(place, SessionOffer(e), party) <= request.budget_vnd
            )
            return ExperienceError(
                experience,
                "over_budget",
                f"with the entrance fee it costs {cost} VND for {party} people, "
                f"over the budget of {request.budget_vnd} VND",
                f"{cheaper[0][1]} ({cheaper[0][0]} VND)" if cheaper else "",
            )
    runs = any(session_spans(experience, place, d, request.holidays) for d in request.dates)
    fits = _options(experience, place, request.dates, request)
    if not runs or not fits:
        first, last = request.dates[0], request.dates[-1]
        around = [first - dt.timedelta(days=k) for k in range(1, _SEARCH_DAYS + 1)]
        around += [last + dt.timedelta(days=k) for k in range(1, _SEARCH_DAYS + 1)]
        around.sort(key=lambda d: (min(abs((d - first).days), abs((d - last).days)), d))
        later = _options(experience, place, around, request)
        alt = (
            f"{later[0].date.isoformat()} at {later[0].minute // 60:02d}:{later[0].minute % 60:02d}"
            if later
            else ""
        )
        code = "not_running" if not runs else "no_session"
        reason = (
            "it does not run on the trip's dates"
            if not runs
            else f"no session fits the day {request.day_start:%H:%M}-{request.day_end:%H:%M}"
        )
        return ExperienceError(experience, code, reason, alt)
    if planned is None:
        return None
    sessions = ", ".join(
        f"{o.date.isoformat()} {o.minute // 60:02d}:{o.minute % 60:02d}" for o in fits[:4]
    )
    return ExperienceError(
        experience,
        "no_session" if planned else "too_long",
        "no session fits together with the day's other must-dos, lunch and travel"
        if planned
        else f"it lasts {experience.minutes} min, longer than any visit offered at {place.id}",
        f"sessions that run: {sessions}" if planned else "",
    )
