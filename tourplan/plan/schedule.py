"""Solution to itinerary: a validated routing solution becomes dated days and left-out villages.

The solver's schedule is in seconds after midnight of the first date; here it becomes
aware local datetimes, legs with distances and road paths, breaks placed where a traveller
takes them, and each village not visited with its reason code.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Village
from ..routing import Break as RoutingBreak
from ..routing import ScheduledBreak, Solution, TourSchedule
from .itinerary import Break, Day, Itinerary, LeftOut, LeftOutReason, Leg, Stop
from .problem import PlanningProblem
from .request import TripRequest
from .sessions import Booking, book
from .value import VisitLength, caveats, length_minutes

__all__ = ["REASON_ORDER", "to_itinerary"]

REASON_ORDER: dict[LeftOutReason, int] = {
    "avoided": 0,
    "lower_interest": 1,
    "other_direction": 2,
    "max_stops": 3,
    "closed": 4,
    "too_long": 5,
    "not_worth_a_stop": 6,
    "not_worth_the_drive": 7,
    "too_far": 8,
    "over_budget": 9,
}
"""The order in which villages left out are listed, by reason."""


def _lay_out_gap(
    gap_start: int,
    travel: int,
    ready: int,
    next_start: int | None,
    breaks: Sequence[tuple[ScheduledBreak, RoutingBreak]],
) -> tuple[int, int, list[tuple[str, str, int, int]]]:
    """Place the breaks of one gap (between two events) where a traveller takes them.

    The solver may take a break in the middle of a journey; a traveller would rather have
    lunch in the village they reach (same arrival at the next visit) or, when the break starts
    right away, where they are. Returns the leg's departure and arrival, and each break as
    ``(name, "origin" | "destination" | "on_the_way", start, end)``. A break stays on the way
    only when neither end of the journey fits its window (a journey longer than the window).
    """
    if not breaks:
        return ready - travel, ready, []
    at_origin = [(sb, b) for sb, b in breaks if sb.end <= ready - travel]
    rest = [(sb, b) for sb, b in breaks if sb.end > ready - travel]
    placed = [(b.id, "origin", sb.start, sb.end) for sb, b in at_origin]
    if not rest:
        return ready - travel, ready, placed
    depart = max([gap_start, *(sb.end for sb, _ in at_origin)])
    arrive = depart + travel
    moved, clock = [], arrive
    for _sb, b in sorted(rest, key=lambda x: x[0].start):
        start = max(clock, b.earliest_start)
        if start > b.latest_start or (next_start is not None and start + b.duration > next_start):
            break
        moved.append((b.id, "destination", start, start + b.duration))
        clock = start + b.duration
    else:
        return depart, arrive, placed + moved
    # Neither at the place reached: at the place left, before setting off, when that still
    # arrives in time; never labelled at a place reached later.
    clock, at_origin_moved = gap_start, []
    for _sb, b in sorted(rest, key=lambda x: x[0].start):
        start = max(clock, b.earliest_start)
        if start > b.latest_start:
            break
        at_origin_moved.append((b.id, "origin", start, start + b.duration))
        clock = start + b.duration
    else:
        if clock + travel <= ready:
            return clock, clock + travel, placed + at_origin_moved
    on_the_way = [(b.id, "on_the_way", sb.start, sb.end) for sb, b in rest]
    return depart, ready, placed + on_the_way


def _open_at(village: Village, planning: PlanningProblem, seconds: int) -> bool:
    """Whether ``village`` is open at ``seconds`` (problem time)."""
    moment = planning.at(seconds)
    minute = moment.hour * 60 + moment.minute
    spans = village.opening_hours.on(moment.date(), planning.request.holidays)
    return any(span.opens <= minute < span.closes for span in spans)


def _longer_fits(planning: PlanningProblem, schedule: TourSchedule, k: int) -> bool:
    """Whether a longer visit of the ``k``-th stop's place was offered and fits the day as
    planned: it may start when this one does, and the rest of the day, moved later by the
    extra time, still keeps every window (a sufficient test: a wait later in the day might
    absorb some of it). Lengths count by their minutes, not their names: a show whose short,
    typical and long visits are one length has nothing longer."""
    problem = planning.problem
    sv = schedule.visits[k]
    here = problem.visits[sv.visit]
    village = planning.visit_villages[sv.visit]
    longer = [
        v
        for v, owner in zip(problem.visits, planning.visit_villages, strict=True)
        if owner.id == village.id and "+#" not in v.id and v.service > here.service
    ]
    if not longer:
        return False
    extra = min(v.service for v in longer) - here.service
    if not any(
        v.service == here.service + extra and any(w.start <= sv.start <= w.end for w in v.windows)
        for v in longer
    ):
        return False
    tour = problem.tours[schedule.tour]
    if schedule.arrival + extra > tour.latest_end:
        return False
    if tour.max_duration is not None and (
        schedule.arrival + extra - schedule.departure > tour.max_duration
    ):
        return False
    for later in schedule.visits[k + 1 :]:
        windows = problem.visits[later.visit].windows
        if not any(w.start <= later.start + extra <= w.end for w in windows):
            return False
    return all(
        sb.start + extra <= tour.breaks[sb.brk].latest_start
        for sb in schedule.breaks
        if sb.start >= sv.end
    )


def _length_name(village: Village, length: VisitLength, request: TripRequest) -> VisitLength:
    """``length``, or ``typical`` when it lasts as long as the typical visit (a show of one
    length is its typical visit, not a short look)."""
    model, pace = request.value, request.pace_factor
    if length != "typical" and length_minutes(village, length, model, pace) == length_minutes(
        village, "typical", model, pace
    ):
        return "typical"
    return length


def _booking(planning: PlanningProblem, visit: int, start: int, end: int) -> Booking | None:
    """The experience booked inside ``visit`` scheduled from ``start`` to ``end`` (issue #21)."""
    offer = planning.visit_sessions[visit]
    if offer is None:
        return None
    request = planning.request
    village = planning.visit_villages[visit]
    return book(
        offer,
        village,
        planning.at(start),
        planning.at(end),
        request.value.stop_minutes,
        request.party,
        request.holidays,
    )


def _second_part(planning: PlanningProblem, visit: int) -> bool:
    """Whether visit index ``visit`` is a long stay's second part: already parked and walked
    in, it has no stop time of its own (:func:`~tourplan.plan.offers.add_second_part`)."""
    village = planning.visit_villages[visit]
    return planning.problem.visits[visit].id.startswith(f"{village.id}+#")


def _day(planning: PlanningProblem, solution: Solution, index: int) -> Day:
    """The day of tour ``index``: its legs, breaks and stops as local datetimes."""
    request, problem, travel = planning.request, planning.problem, planning.travel
    date = planning.tour_dates[index]
    tour = problem.tours[index]
    schedule = {t.tour: t for t in solution.tours}.get(index)
    if schedule is None or not schedule.visits:
        leave = planning.at(tour.earliest_start)
        if tour.start_location == tour.end_location:
            return Day(date, planning.start, planning.end, leave, leave)
        # No stop, but the traveller still goes from the start to the end (build_problem made
        # sure the journey fits in the day): one leg, leaving when the day starts.
        a, b = tour.start_location, tour.end_location
        reach = planning.at(tour.earliest_start + int(problem.travel_times[a, b]))
        leg = Leg(
            origin=planning.start.id,
            destination=planning.end.id,
            depart=leave,
            arrive=reach,
            mode=travel.mode or request.mode,
            distance_m=travel.metres_between(travel.ids[a], travel.ids[b]),
            path=tuple(travel.path(travel.ids[a], travel.ids[b]) or ()),
        )
        return Day(date, planning.start, planning.end, leave, reach, legs=(leg,))
    seconds = problem.travel_times
    node_ids = list(travel.ids)
    locations = [tour.start_location]
    locations += [problem.visits[sv.visit].location for sv in schedule.visits]
    locations.append(tour.end_location)
    legs, breaks, real_arrivals = [], [], []
    for k in range(len(locations) - 1):
        a, b = locations[k], locations[k + 1]
        gap_start = schedule.departure if k == 0 else schedule.visits[k - 1].end
        next_start = schedule.visits[k].start if k < len(schedule.visits) else None
        ready = schedule.visits[k].arrival if next_start is not None else schedule.arrival
        here = planning.start.id if k == 0 else node_ids[a]
        there = planning.end.id if next_start is None else node_ids[b]
        depart, arrive, placed = _lay_out_gap(
            gap_start,
            int(seconds[a, b]),
            ready,
            next_start,
            [(sb, tour.breaks[sb.brk]) for sb in schedule.breaks if sb.after == k],
        )
        if (
            next_start is not None
            and arrive < next_start
            and not any(w == "destination" for _, w, _, _ in placed)
        ):
            village = planning.visit_villages[schedule.visits[k].visit]
            if _open_at(village, planning, arrive):
                # idle time, not a wait for an opening: leave later instead, never after a
                # break taken on the way has begun (it stays inside the journey; issue #19)
                shift = min(
                    [
                        next_start - arrive,
                        *(s - depart for _, w, s, _ in placed if w == "on_the_way"),
                    ]
                )
                depart, arrive = depart + shift, arrive + shift
        real_arrivals.append(arrive)
        legs.append(
            Leg(
                origin=here,
                destination=there,
                depart=planning.at(depart),
                arrive=planning.at(arrive),
                mode=travel.mode or request.mode,
                distance_m=travel.metres_between(node_ids[a], node_ids[b]),
                path=tuple(travel.path(node_ids[a], node_ids[b]) or ()),
            )
        )
        for name, where, b_start, b_end in placed:
            place = {"origin": here, "destination": there, "on_the_way": there}[where]
            breaks.append(
                Break(
                    name,
                    planning.at(b_start),
                    planning.at(b_end),
                    place,
                    on_the_way=where == "on_the_way",
                )
            )
    stops = tuple(
        Stop(
            planning.visit_villages[sv.visit],
            planning.at(arrive),
            planning.at(sv.start),
            planning.at(sv.end),
            length=_length_name(
                planning.visit_villages[sv.visit], planning.visit_lengths[sv.visit], request
            ),
            stop_minutes=0 if _second_part(planning, sv.visit) else request.value.stop_minutes,
            waits_for_opening=arrive < sv.start
            and not _open_at(planning.visit_villages[sv.visit], planning, arrive),
            longer_offered=_longer_fits(planning, schedule, k),
            caveats=caveats(
                planning.visit_villages[sv.visit], planning.at(sv.start), request.holidays
            ),
            booking=_booking(planning, sv.visit, sv.start, sv.end),
        )
        for k, (sv, arrive) in enumerate(zip(schedule.visits, real_arrivals, strict=False))
    )
    return Day(
        date=date,
        start_place=planning.start,
        end_place=planning.end,
        departure=planning.at(schedule.departure),
        arrival=planning.at(schedule.arrival),
        stops=stops,
        legs=tuple(legs),
        breaks=tuple(breaks),
    )


def to_itinerary(planning: PlanningProblem, solution: Solution) -> Itinerary:
    """Turn a validated solution of ``planning.problem`` into a dated itinerary.

    Every candidate not visited is left out: ``max_stops`` when every day is at the stop
    limit, else ``lower_interest``; with the villages excluded up front, they are listed by
    reason (see :data:`REASON_ORDER`), then most interesting first.
    """
    request = planning.request
    days = tuple(_day(planning, solution, i) for i in range(len(planning.tour_dates)))
    limit = request.max_stops_per_day
    # a long stay split by lunch is one stop (Day.visits)
    day_is_full = [bool(d.stops) and limit is not None and len(d.visits) >= limit for d in days]
    visited_ids = {s.village.id for d in days for s in d.stops}
    left_out = list(planning.excluded)
    every_day_full = bool(day_is_full) and all(day_is_full)
    unworthy = {x.village.id: x for x in planning.unworthy}
    for village in planning.candidates:
        if village.id in visited_ids:
            continue
        if every_day_full:
            left_out.append(LeftOut(village, "max_stops", max_stops=limit))
        else:
            left_out.append(unworthy.get(village.id, LeftOut(village, "lower_interest")))
    order = {v.id: i for i, v in enumerate(planning.candidates)}

    def rank(x: LeftOut) -> tuple[int, int, int, str]:
        village: Village = x.village
        return (REASON_ORDER[x.reason], -village.interest, order.get(village.id, 0), village.id)

    left_out.sort(key=rank)
    return Itinerary(days=days, left_out=tuple(left_out), mode=planning.travel.mode or request.mode)
