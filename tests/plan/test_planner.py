"""Trip planning end to end: request -> itinerary, checked by the independent validator."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import get_args

import networkx as nx
import pytest

from tourplan import (
    DataError,
    Gazetteer,
    InfeasibleError,
    OpeningHours,
    Place,
    PlaceResolver,
    UnknownPlaceError,
    Village,
    Villages,
    load_hanoi,
    plan_trip,
)
from tourplan.plan import (
    HANOI_TZ,
    Itinerary,
    LeftOutReason,
    Lunch,
    MustVisitError,
    TripRequest,
    ValueModel,
    build_problem,
    check_itinerary,
    service_minutes,
    validate_itinerary,
)
from tourplan.routing import SearchParameters

FAST = SearchParameters(deterministic=True, iteration_limit=200)
SATURDAY = dt.date(2026, 12, 5)
SUNDAY = dt.date(2026, 12, 6)
MONDAY = dt.date(2026, 12, 7)
TUESDAY = dt.date(2026, 12, 8)


def plan(request: TripRequest, villages: Villages | None = None, **kw: object) -> Itinerary:
    itinerary = plan_trip(request, villages, search=FAST, **kw)  # type: ignore[arg-type]
    validate_itinerary(itinerary, request)  # independent of the solver's numbers
    return itinerary


def village(
    vid: str,
    lat: float,
    lon: float,
    *,
    hours: str = "Mo-Su 08:00-17:00",
    minutes: int = 60,
    interest: int = 50,
    themes: tuple[str, ...] = (),
) -> Village:
    return Village(
        vid,
        f"Làng {vid}",
        f"{vid} village",
        lat,
        lon,
        visit_minutes=minutes,
        opening_hours=OpeningHours.parse(hours),
        interest=interest,
        themes=themes,
    )


HOTEL = Place("hotel", "Khách sạn", 21.0278, 105.8523)


# -- the scenario -----------------------------------------------------------------------


def test_two_day_trip_over_bundled_data_is_feasible_with_lunch_and_must_see() -> None:
    request = TripRequest.for_days(
        "Hồ Hoàn Kiếm",
        SATURDAY,
        days=2,
        must_visit=["Bát Tràng"],
        themes=["textiles"],
        max_stops_per_day=4,
    )
    itinerary = plan(request)
    assert [d.date for d in itinerary.days] == [SATURDAY, SUNDAY]
    assert "bat-trang" in itinerary.village_ids
    for day in itinerary.days:
        assert 1 <= len(day.stops) <= 4
        assert day.start_place.id == "hoan-kiem-lake"
        (lunch,) = day.breaks
        assert lunch.name == "lunch"
        assert dt.time(11) <= lunch.start.time() <= dt.time(13)
        assert lunch.duration == dt.timedelta(minutes=60)
        assert day.departure.tzinfo is HANOI_TZ and day.departure.utcoffset() == dt.timedelta(
            hours=7
        )
    # every village is either visited or left out with a reason, never both, never lost
    left = {x.village.id for x in itinerary.left_out}
    assert left.isdisjoint(itinerary.village_ids)
    assert left | set(itinerary.village_ids) == set(load_hanoi().ids)
    assert {x.reason for x in itinerary.left_out} <= set(get_args(LeftOutReason))


def test_monday_closure_is_honoured_by_placing_the_village_on_its_open_day() -> None:
    # The Kim Lan museum opens Saturdays and Sundays only (bundled sight, from a source).
    request = TripRequest(
        start="hoan-kiem-lake", dates=(SUNDAY, MONDAY), must_visit=("bao-tang-gom-kim-lan",)
    )
    itinerary = plan(request)
    sunday, monday = itinerary.days
    assert "bao-tang-gom-kim-lan" in [s.village.id for s in sunday.stops]
    assert "bao-tang-gom-kim-lan" not in [s.village.id for s in monday.stops]


def test_must_visit_closed_on_every_date_is_explained() -> None:
    request = TripRequest(
        start="hoan-kiem-lake", dates=(MONDAY,), must_visit=("bao-tang-gom-kim-lan",)
    )
    with pytest.raises(InfeasibleError) as info:
        plan_trip(request, search=FAST)
    assert isinstance(info.value, MustVisitError)
    (reason,) = info.value.reasons
    assert "bao-tang-gom-kim-lan" in reason and "closed" in reason
    (item,) = info.value.left_out
    assert (item.village.id, item.reason, item.dates) == (
        "bao-tang-gom-kim-lan",
        "closed",
        (MONDAY,),
    )


def test_village_closed_on_monday_is_never_scheduled_on_monday() -> None:
    villages = Villages(
        [
            village("museum", 21.00, 105.80, hours="Tu-Su 08:00-17:00", interest=90),
            village("near", 21.01, 105.82),
        ]
    )
    request = TripRequest(start=HOTEL, dates=(MONDAY, TUESDAY), lunch=None, max_stops_per_day=1)
    itinerary = plan(request, villages)
    monday, tuesday = itinerary.days
    assert [s.village.id for s in monday.stops] == ["near"]
    assert [s.village.id for s in tuesday.stops] == ["museum"]


def test_visit_fits_inside_one_opening_span_around_the_midday_closure() -> None:
    villages = Villages(
        [village("w", 21.0, 105.9, hours="Mo-Su 08:00-10:30,13:30-17:00", minutes=180)]
    )
    request = TripRequest(start=HOTEL, dates=(SATURDAY,), lunch=None)
    (stop,) = plan(request, villages).stops
    assert stop.start.time() >= dt.time(13, 30) and stop.end.time() <= dt.time(17)


# -- request fields -------------------------------------------------------------------------------


def test_avoided_village_is_left_out_with_reason() -> None:
    request = TripRequest(start="hoan-kiem-lake", dates=(SATURDAY,), avoid=("Bát Tràng",))
    itinerary = plan(request)
    assert "bat-trang" not in itinerary.village_ids
    reasons = {x.village.id: x.reason for x in itinerary.left_out}
    assert reasons["bat-trang"] == "avoided"


def test_unknown_village_suggests_near_names() -> None:
    request = TripRequest(start="hoan-kiem-lake", dates=(SATURDAY,), must_visit=("Bat Trag",))
    with pytest.raises(UnknownPlaceError) as info:
        plan_trip(request, search=FAST)
    assert "bat-trang" in info.value.candidates
    assert "did you mean" in str(info.value)


def test_unknown_start_place_is_named() -> None:
    request = TripRequest(start="Atlantis", dates=(SATURDAY,))
    with pytest.raises(UnknownPlaceError, match="Atlantis"):
        plan_trip(request, search=FAST)


def test_end_before_start_is_refused() -> None:
    with pytest.raises(DataError, match="ends") as info:
        TripRequest(
            start="hoan-kiem-lake", dates=(SATURDAY,), day_start=dt.time(17), day_end=dt.time(8)
        )
    assert info.value.field == "day_end"


def test_day_window_shorter_than_any_visit_is_a_clear_error() -> None:
    request = TripRequest(
        start="hoan-kiem-lake",
        dates=(SATURDAY,),
        day_start=dt.time(9),
        day_end=dt.time(9, 20),  # the shortest bundled visit is Sơn Đồng's 30 min
        lunch=None,
    )
    with pytest.raises(DataError, match="shorter than any visit") as info:
        plan_trip(request, search=FAST)
    assert info.value.field == "day_end"


def test_a_date_in_the_past_is_allowed() -> None:
    request = TripRequest(start="hoan-kiem-lake", dates=(dt.date(2020, 1, 4),))
    assert plan(request).days[0].date == dt.date(2020, 1, 4)


def test_lunch_must_fit_in_the_day() -> None:
    with pytest.raises(DataError, match="lunch") as info:
        TripRequest(
            start="x",
            dates=(SATURDAY,),
            day_start=dt.time(13, 30),
            day_end=dt.time(17),
            lunch=Lunch(dt.time(11), dt.time(13), 60),
        )
    assert info.value.field == "lunch"


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"dates": ()}, "dates"),
        ({"themes": ("pottery",)}, "themes"),  # the vocabulary says "ceramics"
        ({"max_stops_per_day": 0}, "max_stops_per_day"),
        ({"pace": "fast"}, "pace"),
        ({"must_visit": ("bat-trang",), "avoid": ("bat-trang",)}, "avoid"),
        ({"start": ""}, "start"),
        ({"start": (95.0, 105.0)}, "start"),
        ({"theme_bonus": 0.5}, "theme_bonus"),
    ],
)
def test_bad_request_fields_name_the_field(fields: dict[str, object], field: str) -> None:
    base: dict[str, object] = {"start": "hoan-kiem-lake", "dates": (SATURDAY,)}
    with pytest.raises(DataError) as info:
        TripRequest(**{**base, **fields})  # type: ignore[arg-type]
    assert info.value.field == field


def test_unknown_mode_lists_known_modes() -> None:
    request = TripRequest(start="hoan-kiem-lake", dates=(SATURDAY,), mode="helicopter")
    with pytest.raises(DataError, match="known modes: bicycle, bus, car, motorbike, walk"):
        plan_trip(request, search=FAST)


def test_max_stops_per_day_is_respected_and_explained() -> None:
    request = TripRequest(start="hoan-kiem-lake", dates=(SATURDAY,), max_stops_per_day=2)
    itinerary = plan(request)
    assert len(itinerary.stops) == 2
    assert any(x.reason == "max_stops" and x.max_stops == 2 for x in itinerary.left_out)


def test_theme_preference_changes_the_choice() -> None:
    # Two equally interesting villages at the same distance; only one fits in the day.
    villages = Villages(
        [
            village("pots", 21.05, 105.85, minutes=240, themes=("ceramics",)),
            village("silk", 21.00, 105.85, minutes=240, themes=("textiles",)),
        ]
    )
    for theme, expected in (("ceramics", "pots"), ("textiles", "silk")):
        request = TripRequest(
            start=HOTEL,
            dates=(SATURDAY,),
            lunch=None,
            themes=(theme,),
            day_start=dt.time(8),
            day_end=dt.time(13),
        )
        assert plan(request, villages).village_ids == (expected,)


def test_pace_scales_visit_durations() -> None:
    v = village("v", 21.0, 105.9, minutes=80)
    for pace, minutes in (("quick", 60), ("normal", 80), ("relaxed", 100)):
        request = TripRequest(start=HOTEL, dates=(SATURDAY,), pace=pace)  # type: ignore[arg-type]
        # the visit at the pace, plus the stop's own time (parking, walking in)
        assert service_minutes(v, request) == minutes + request.value.stop_minutes
        typical = dataclasses.replace(request, value=ValueModel(lengths=("typical",)))
        (stop,) = plan(typical, Villages([v])).stops
        assert stop.duration == dt.timedelta(minutes=minutes + request.value.stop_minutes)


def test_different_end_place_and_start_as_coordinates() -> None:
    request = TripRequest(start="21.0285,105.8542", end="noi-bai-airport", dates=(SATURDAY,))
    itinerary = plan(request)
    day = itinerary.days[0]
    assert day.start_place.lat == pytest.approx(21.0285)
    assert day.end_place.id == "noi-bai-airport"
    assert day.legs[-1].destination == "noi-bai-airport"


def test_too_far_village_is_explained() -> None:
    villages = Villages(
        [
            village("near", 21.03, 105.86),
            village("far", 20.55, 105.30),  # ~80 km away: no time to get there and back on foot
        ]
    )
    request = TripRequest(start=HOTEL, dates=(SATURDAY,), mode="walk")
    itinerary = plan(request, villages)
    (far,) = itinerary.left_out
    assert (far.village.id, far.reason, far.mode) == ("far", "too_far", "walk")
    assert far.travel_minutes is not None and far.travel_minutes > 9 * 60
    # the shortest stop offered: a 30-minute short visit plus the 15-minute stop cost
    assert far.visit_minutes in (45, 75) and far.day_window == (dt.time(8), dt.time(17, 30))


def test_deterministic_mode_gives_the_same_itinerary_twice() -> None:
    request = TripRequest.for_days("hoan-kiem-lake", SATURDAY, days=2, max_stops_per_day=3)
    assert plan(request) == plan(request)


def test_multi_day_trip_visits_each_village_once() -> None:
    request = TripRequest.for_days("old-quarter", SATURDAY, days=3, mode="motorbike")
    itinerary = plan(request)
    # one stay a village: a long stay's two parts, before and after lunch, are one visit
    stays = [
        s.village.id
        for day in itinerary.days
        for k, s in enumerate(day.stops)
        if not (k and day.stops[k - 1].village.id == s.village.id)
    ]
    assert len(stays) == len(set(stays)) and len(itinerary.days) == 3


def test_road_graph_travel_times_are_used() -> None:
    # A straight road east of the hotel: 4 nodes 0.01 degrees apart (~1 km), 36 km/h.
    graph = nx.MultiDiGraph()
    for i in range(4):
        graph.add_node(i, x=105.85 + 0.01 * i, y=21.03)
    for i in range(3):
        for a, b in ((i, i + 1), (i + 1, i)):
            graph.add_edge(a, b, length=1040.0, travel_time=104.0)
    villages = Villages([village("east", 21.03, 105.88)])
    request = TripRequest(start=Place("h", "H", 21.03, 105.85), dates=(SATURDAY,))
    resolver = PlaceResolver(Gazetteer.bundled(villages))
    planning = build_problem(request, villages, resolver=resolver, road_graph=graph)
    # 3 edges of 104 s, plus the car's 5 minutes to park and walk in
    assert planning.travel.seconds_between("start", "east") == 312 + 300
    assert planning.travel.metres_between("start", "east") == pytest.approx(3120)
    itinerary = plan(request, villages, road_graph=graph)
    first = itinerary.days[0].legs[0]
    assert first.travel_time == dt.timedelta(minutes=11)  # 612 s rounded up to whole minutes
    assert len(first.path) == 4


def test_independent_checker_catches_a_tampered_itinerary() -> None:
    request = TripRequest(start="hoan-kiem-lake", dates=(SATURDAY,), must_visit=("bat-trang",))
    itinerary = plan(request)
    import dataclasses

    day = itinerary.days[0]
    stop = day.stops[0]
    shorter = dataclasses.replace(stop, end=stop.end - dt.timedelta(minutes=10))
    bad_day = dataclasses.replace(day, stops=(shorter, *day.stops[1:]))
    bad = dataclasses.replace(itinerary, days=(bad_day,))
    problems = check_itinerary(bad, request)
    assert any("not the promised" in p for p in problems)
