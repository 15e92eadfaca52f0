"""Faults the generated requests found, each kept as a regression test (issue #19)."""

from __future__ import annotations

import datetime as dt
import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import tourplan


def _harness() -> ModuleType:
    """bench/fuzz.py, the generator that found these faults."""
    script = Path(__file__).resolve().parents[2] / "bench" / "fuzz.py"
    spec = importlib.util.spec_from_file_location("tourplan_bench_fuzz_found", script)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_a_long_stay_with_no_time_after_lunch_is_not_offered_a_second_part() -> None:
    """A place whose long stay could go on after lunch, but whose second part fits no window
    of the day (10:00-13:00), once made the routing core refuse the request with "visit
    'cu-da+#typical' has no time window"; the second part is now simply not offered."""
    request = tourplan.TripRequest(
        "trieu-khuc",
        (dt.date(2028, 2, 2),),
        day_start=dt.time(10),
        day_end=dt.time(13),
        mode="car",
        themes=("incense",),
        theme_bonus=1.5,
    )
    plan = tourplan.plan_trip(request, search=tourplan.SearchParameters(deterministic=True))
    assert tourplan.check_itinerary(plan, request) == []
    assert plan.stops


def test_a_long_stays_second_part_never_stands_for_a_required_place() -> None:
    """Adding experiences once put a long stay's second part ("cu-da+#short") in its place's
    required group: the search could visit the second part alone, which is then dropped as
    stray, leaving the must-visit place out (InvalidSolutionError, 9 of 4,984 generated
    requests, all with experiences). Second parts now keep a group of their own."""
    from tourplan.geocode import PlaceResolver
    from tourplan.plan import build_problem
    from tourplan.plan.experiences import add_experiences

    request = tourplan.TripRequest(
        "hanoi-railway-station",
        (dt.date(2026, 6, 21), dt.date(2026, 6, 22)),
        mode="car",
        lunch=tourplan.Lunch.parse("12:30-13:30/15"),
        must_visit=("cu-da",),
        with_experiences=True,
        party=5,
    )
    villages = tourplan.load_hanoi()
    planning = build_problem(request, villages, resolver=PlaceResolver())
    assert any("+#" in v.id for v in planning.problem.visits), "no second part to test"
    with_sessions = add_experiences(planning, (), (), must_places={"cu-da"})
    problem = with_sessions.problem
    for group in problem.groups:
        ids = {problem.visits[i].id for i in group.visits}
        if any("+#" in i for i in ids):
            assert not group.required and all("+#" in i for i in ids), group
    for visit in problem.visits:
        if "+#" in visit.id:
            assert not visit.required


def test_the_generated_request_that_found_it_plans() -> None:
    """Request 1582 of seed 19 (deterministic; bundled villages, a generated experiences
    file, a must-visit with a long stay, a party of 5 and a budget)."""
    import argparse
    import tempfile
    from pathlib import Path

    fuzz = _harness()
    args = argparse.Namespace(
        generated=0.3, deterministic=0.5, time_limits=[0.5, 1.0], tolerance=0.1, costs=0.3
    )
    with tempfile.TemporaryDirectory() as folder:
        record = fuzz.run_one(1582, 19, args, Path(folder), tourplan.load_hanoi())
    assert record["request"].get("must_visit") == ["cu-da"]
    assert record["outcome"] == "planned", record


def test_a_lunch_on_the_way_stays_inside_its_journey_when_the_leg_leaves_later() -> None:
    """Request 8160 of seed 19 (a generated village file; the day starts at a village it
    also visits; lunch fixed at 10:00): the lunch was laid on the way to the next village,
    then the journey was moved later (idle time at the start, "leave later instead") without
    it, so lunch was "on the way" two hours before setting off. The journey now leaves no
    later than the break taken on the way."""
    import random
    import tempfile
    from pathlib import Path

    fuzz = _harness()
    rng = random.Random(19 * 1_000_003 + 8160)
    rng.random()  # the harness's draw of bundled or generated villages
    with tempfile.TemporaryDirectory() as folder:
        path = fuzz.village_file(rng, Path(folder), tourplan.load_hanoi())
        villages = tourplan.load_villages(path)
    fields = fuzz.draw_request(rng, villages)
    assert fields["lunch"] == "10:00-10:00/45"
    request = fuzz.build_request(fields)
    search = tourplan.SearchParameters(deterministic=True, iteration_limit=200)
    plan = tourplan.plan_trip(request, villages, search=search)
    assert plan.stops
    assert tourplan.check_itinerary(plan, request) == []
    assert fuzz.independent(plan, fields) == []


def test_a_lunch_on_the_way_over_the_bundled_villages_stays_inside_its_journey() -> None:
    """Request 8254 of seed 19, the same fault over the bundled villages: on the fourth day
    lunch (fixed at 11:00) was "on the way to phu-thuong-xoi" but the ride there left later.

    The plans of this request have changed since (the value model; on 2026-12-02 no lunch on
    the way at seed 384, and 6 stops since a default long stay no longer goes on after
    lunch): it stays as a check of a four-day bicycle trip with a fixed lunch, while the test
    above keeps the fault's own scenario."""
    request = tourplan.TripRequest(
        "old-quarter",
        tuple(dt.date(2026, 6, 12) + dt.timedelta(days=i) for i in range(4)),
        day_start=dt.time(8),
        day_end=dt.time(23),
        mode="bicycle",
        end="hoan-kiem-lake",
        lunch=tourplan.Lunch.parse("11:00-11:00/30"),
        holidays=frozenset({dt.date(2026, 6, 13)}),
    )
    search = tourplan.SearchParameters(deterministic=True, iteration_limit=200, seed=384)
    plan = tourplan.plan_trip(request, search=search)
    assert len(plan.days) == 4 and all(day.stops for day in plan.days)
    assert tourplan.check_itinerary(plan, request) == []


def test_a_long_stay_split_by_lunch_is_one_stop_of_the_days_maximum() -> None:
    """A generated request (four days from Nội Bài, relaxed pace, at most one stop a day,
    lunch 10:00-12:00) planned one long stay at Bát Tràng in two parts around lunch, its
    second part first (the swap would push lunch past 12:00): one visit, as the library's
    check says, but the harness's independent check counted stops, not visits, and called it
    "2 stops > 1". It now counts a stay that goes on after lunch once, as for repeats.

    That stay (a short part then the long visit, 6 h 22) outlasted Bát Tràng's long visit and
    is no longer planned (tests/plan/test_long_stay_never_outlasts_its_long_visit.py); with
    lunch 12:00-13:00 the same request still splits two stays by lunch (Đường Lâm, and Bát
    Tràng typical + short), within their long visits."""
    fuzz = _harness()
    fields = {
        "start": "noi-bai-airport",
        "dates": ["2027-12-20", "2027-12-21", "2027-12-22", "2027-12-23"],
        "day_start": "08:00",
        "day_end": "20:00",
        "mode": "car",
        "pace": "relaxed",
        "lunch": "12:00-13:00/30",
        "max_stops_per_day": 1,
    }
    request = fuzz.build_request(fields)
    search = tourplan.SearchParameters(deterministic=True, time_limit=0.5)
    plan = tourplan.plan_trip(request, search=search)
    split = [d for d in plan.days if len(d.stops) == 2]
    assert split, "no long stay split by lunch to test"
    for day in split:
        assert day.stops[0].village.id == day.stops[1].village.id
        assert len(day.visits) == 1
    assert tourplan.check_itinerary(plan, request) == []
    assert fuzz.independent(plan, fields) == []
