"""The budget rules, property-based: every plan keeps the budget and passes the independent
check, or the must-dos alone are over it and the answer says so."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import tourplan
from tourplan.exceptions import InfeasibleError
from tourplan.model import Village, Villages
from tourplan.model.experience import Experience, Experiences
from tourplan.plan import Itinerary, TripRequest, check_itinerary
from tourplan.plan.budget import costs, plan_within_budget
from tourplan.plan.experiences import ExperienceError, _scaled
from tourplan.routing import SearchParameters

SEARCH = SearchParameters(time_limit=0.5, deterministic=True)
POINTS = [(21.00, 105.85), (21.02, 105.90), (20.98, 105.80), (21.05, 105.82)]


@settings(max_examples=300, deadline=None)
@given(st.integers(0, 10_000), st.integers(0, 10**7), st.integers(0, 10**7))
def test_cost_aware_prizes_never_grow_and_drop_what_the_budget_cannot_pay(
    score: int, cost: int, budget: int
) -> None:
    prize = _scaled(score, cost, budget)
    if cost == 0:
        assert prize == score
    elif cost > budget:
        assert prize is None
    else:
        assert prize is not None and 0 <= prize <= max(score, 1)
    assert _scaled(score, cost, None) == score


def _villages(make_village: Callable[..., Village], fees: list[int | None]) -> Villages:
    return Villages(
        make_village(
            id=f"v{i}",
            name_vi=f"Làng {i}",
            name_en=f"Village {i}",
            lat=lat,
            lon=lon,
            visit_minutes=90,
            interest=40 + 10 * i,
            fee_vnd=fee,
            fee_source="test" if fee is not None else "",
        )
        for i, ((lat, lon), fee) in enumerate(zip(POINTS, fees, strict=True))
    )


@st.composite
def trips(draw: st.DrawFn) -> tuple[list[int | None], Experiences, TripRequest]:
    fees = draw(
        st.lists(st.sampled_from([None, 0, 20_000, 60_000, 150_000]), min_size=4, max_size=4)
    )
    experiences = []
    for i in draw(st.lists(st.integers(0, 3), unique=True, max_size=3)):
        sessions = draw(st.sampled_from([(), (dt.time(9), dt.time(14)), (dt.time(10, 30),)]))
        experiences.append(
            Experience(
                f"x{i}",
                f"v{i}",
                f"Trải nghiệm {i}",
                f"experience {i}",
                draw(st.sampled_from([30, 60])),
                draw(st.sampled_from([0, 30_000, 70_000, 200_000])),
                sessions=sessions,
                max_group=draw(st.sampled_from([None, 6])),
            )
        )
    wanted = (
        draw(st.lists(st.sampled_from([e.id for e in experiences]), max_size=1))
        if experiences
        else []
    )
    request = TripRequest.for_days(
        "hoan-kiem-lake",
        "2026-12-05",
        experiences=tuple(wanted),
        with_experiences=draw(st.booleans()),
        party=draw(st.integers(1, 8)),
        budget_vnd=draw(st.sampled_from([None, 0, 100_000, 300_000, 1_000_000])),
    )
    return fees, Experiences(tuple(experiences)), request


@pytest.mark.slow
@settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(trips())
def test_plans_keep_the_budget_and_pass_the_check(
    make_village: Callable[..., Village],
    trip: tuple[list[int | None], Experiences, TripRequest],
) -> None:
    fees, experiences, request = trip
    villages = _villages(make_village, fees)
    try:
        itinerary = tourplan.plan_trip(request, villages, search=SEARCH, experiences=experiences)
    except ExperienceError as exc:  # a must-do that cannot be booked says which rule
        assert exc.code in {"group_size", "over_budget", "no_session", "not_running", "too_long"}
        return
    except InfeasibleError as exc:  # the must-dos alone are over the budget
        assert request.budget_vnd is not None
        assert "over the budget" in " ".join(exc.reasons)
        return
    assert check_itinerary(itinerary, request) == []
    total = costs(itinerary)
    assert total.party == request.party
    assert total.total == sum(d.total for d in total.days)
    if request.budget_vnd is not None:
        assert total.total <= request.budget_vnd
    booked = {s.booking.experience.id for s in itinerary.stops if s.booking is not None}
    assert set(request.experiences) <= booked
    if not request.with_experiences:
        assert booked <= set(request.experiences)


def test_must_dos_alone_over_the_budget_say_so(make_village: Callable[..., Village]) -> None:
    villages = _villages(make_village, [50_000, None, None, None])
    pot = Experience("pot", "v0", "Nặn gốm", "pottery", 60, 70_000)
    request = TripRequest.for_days(
        "hoan-kiem-lake", "2026-12-05", experiences=("pottery",), party=4, budget_vnd=400_000
    )
    with pytest.raises(ExperienceError) as info:
        tourplan.plan_trip(request, villages, search=SEARCH, experiences=Experiences((pot,)))
    assert info.value.code == "over_budget"
    assert "480000 VND for 4 people" in " ".join(info.value.reasons)


def test_a_place_dearer_than_the_whole_budget_is_left_out_over_budget(
    make_village: Callable[..., Village],
) -> None:
    villages = _villages(make_village, [0, 0, 0, 100_000])
    free = TripRequest.for_days("hoan-kiem-lake", "2026-12-05", party=2)
    plan = tourplan.plan_trip(free, villages, search=SEARCH, experiences=Experiences())
    assert "v3" in plan.village_ids  # the best place, when money is no object
    tight = dataclasses.replace(free, budget_vnd=150_000)
    plan = tourplan.plan_trip(tight, villages, search=SEARCH, experiences=Experiences())
    assert "v3" not in plan.village_ids
    assert {x.village.id: x.reason for x in plan.left_out}["v3"] == "over_budget"
    assert check_itinerary(plan, tight) == []


def test_the_repair_drops_the_paid_place_worth_least_per_dong(
    make_village: Callable[..., Village],
) -> None:
    villages = _villages(make_village, [0, 0, 60_000, 60_000])
    request = TripRequest.for_days("hoan-kiem-lake", "2026-12-05", party=2, budget_vnd=150_000)
    seen: list[tuple[str, ...]] = []

    def cost_blind(
        _req: TripRequest, places: frozenset[str], _dropped: frozenset[str]
    ) -> Itinerary:
        # plans as if money were no object, so that only the repair keeps the budget
        asked = dataclasses.replace(request, budget_vnd=None, party=1, avoid=tuple(sorted(places)))
        plan = tourplan.plan_trip(asked, villages, search=SEARCH, experiences=Experiences())
        seen.append(plan.village_ids)
        return plan

    plan = plan_within_budget(request, villages, (), cost_blind)
    assert seen[0] == ("v2", "v3")  # 240,000 VND for two: over the budget
    # v2 and v3 cost the same; v2 is worth less (interest 60 < 70), so it goes
    assert "v2" not in plan.village_ids and "v3" in plan.village_ids
    assert {x.village.id: x.reason for x in plan.left_out}["v2"] == "over_budget"
    assert costs(plan).total <= 150_000
    assert plan.party == 2
