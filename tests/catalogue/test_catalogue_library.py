"""plan_catalogue: feasible, distinct, reproducible routes with generated names (issue #8)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest

import tourplan
from tourplan import plan_catalogue
from tourplan.catalogue import Catalogue, CatalogueRequest
from tourplan.exceptions import DataError
from tourplan.hours import OpeningHours
from tourplan.model import Village
from tourplan.plan import DEFAULT_LUNCH, Lunch, check_itinerary
from tourplan.routing import SearchParameters

SATURDAY = dt.date(2026, 12, 5)
MONDAY = dt.date(2026, 12, 7)
Plan = Callable[..., Catalogue]


def assert_routes_valid(catalogue: Catalogue) -> None:
    """Every route passes the independent validator, against the day template without the
    catalogue-wide must-visit villages (those need to be in *some* route, not in each)."""
    trip = catalogue.request.trip_request()
    for route in catalogue.routes:
        assert check_itinerary(route.itinerary, trip) == [], route.id
        assert len(route.itinerary.days) == 1
        assert route.day.date == catalogue.request.date


def signature(catalogue: Catalogue) -> list[tuple[Any, ...]]:
    return [
        (r.id, r.number, r.themes, r.area, r.highlight, r.village_ids) for r in catalogue.routes
    ]


def test_ten_routes_are_each_accepted_by_the_validator(ten_routes: Catalogue) -> None:
    assert len(ten_routes.routes) == 10
    assert_routes_valid(ten_routes)
    assert [r.number for r in ten_routes.routes] == list(range(1, 11))
    request = ten_routes.request
    for route in ten_routes.routes:
        assert request.min_stops <= len(route.village_ids) <= (request.max_stops or 99)


def test_one_route_per_village_means_no_village_twice(ten_routes: Catalogue) -> None:
    assert ten_routes.overlap == {}
    ids = [i for r in ten_routes.routes for i in r.village_ids]
    assert len(ids) == len(set(ids)) == len(ten_routes.covered)


def test_two_routes_per_village_never_puts_a_village_twice_in_one_route(plan: Plan) -> None:
    catalogue = plan(routes=4, max_routes_per_village=2)
    assert_routes_valid(catalogue)  # the validator also refuses a village twice in a route
    for route in catalogue.routes:
        assert len(set(route.village_ids)) == len(route.village_ids)
    assert all(n <= 2 for n in catalogue.overlap.values())
    for village_id, n in catalogue.overlap.items():
        numbers = [r.number for r in catalogue.routes if village_id in r.village_ids]
        assert len(numbers) == n


def test_more_routes_than_the_villages_can_fill_returns_fewer_with_a_note(
    plan: Plan, eight_villages: tourplan.Villages
) -> None:
    catalogue = plan(eight_villages, routes=40, min_stops=2)
    assert 1 <= len(catalogue.routes) <= 4  # eight villages, at least two a route
    assert_routes_valid(catalogue)
    (note,) = catalogue.notes
    assert (note.kind, note.asked, note.made) == ("villages_exhausted", 40, len(catalogue.routes))
    assert note.reachable == len(catalogue.covered) and note.per_village == 1


def test_repeats_only_fill_spare_room_after_full_coverage(
    plan: Plan, eight_villages: tourplan.Villages
) -> None:
    once = plan(eight_villages, routes=3, min_stops=1)
    twice = plan(eight_villages, routes=3, min_stops=1, max_routes_per_village=2)
    assert_routes_valid(twice)
    assert set(twice.covered) == set(once.covered)  # coverage comes first
    assert twice.overlap and all(n == 2 for n in twice.overlap.values())


def test_deterministic_mode_gives_the_same_catalogue_twice(
    plan: Plan, ten_routes: Catalogue
) -> None:
    again = plan(routes=10)
    assert signature(again) == signature(ten_routes)
    assert again.covered == ten_routes.covered
    assert [x.village.id for x in again.left_out] == [x.village.id for x in ten_routes.left_out]


def test_route_ids_are_stable_and_unique(plan: Plan, ten_routes: Catalogue) -> None:
    ids = [r.id for r in ten_routes.routes]
    assert len(set(ids)) == len(ids)
    hub = ten_routes.hub.id
    for route in ten_routes.routes:
        assert route.id.startswith(f"{hub}-{route.themes[0]}-")
    # The same villages from the same hub give the same id, whatever the catalogue.
    other = plan(routes=9)
    mine = {frozenset(r.village_ids): r.id for r in ten_routes.routes}
    for route in other.routes:
        key = frozenset(route.village_ids)
        if key in mine:
            assert route.id == mine[key]
        else:
            assert route.id not in mine.values()


def test_routes_with_the_same_themes_and_area_get_a_highlight(ten_routes: Catalogue) -> None:
    keys = [(r.themes[:2], r.area) for r in ten_routes.routes]
    for route, key in zip(ten_routes.routes, keys, strict=True):
        if keys.count(key) > 1:
            best = max(route.itinerary.stops, key=lambda s: (s.village.interest, s.village.id))
            assert route.highlight == best.village.id
        else:
            assert route.highlight is None


def test_route_themes_come_from_its_villages(ten_routes: Catalogue) -> None:
    for route in ten_routes.routes:
        themes = {t for s in route.itinerary.stops for t in s.village.themes}
        assert set(route.themes) == themes
    mix = ten_routes.theme_mix
    assert sum(mix.values()) == sum(
        len(s.village.themes) for r in ten_routes.routes for s in r.itinerary.stops
    )


def test_must_include_and_must_themes_are_in_some_route(plan: Plan) -> None:
    catalogue = plan(
        routes=10, must_include=("duong-lam", "Bát Tràng"), must_themes=("incense", "performance")
    )
    assert_routes_valid(catalogue)
    covered = set(catalogue.covered)
    assert {"duong-lam", "bat-trang"} <= covered
    for theme in ("incense", "performance"):
        assert any(
            theme in s.village.themes for r in catalogue.routes for s in r.itinerary.stops
        ), theme


def test_a_must_village_is_planned_in_a_two_route_catalogue() -> None:
    request = CatalogueRequest(date=SATURDAY, routes=2, must_include=("quang-phu-cau",))
    catalogue = plan_catalogue(request, search=SearchParameters(deterministic=True))
    assert "quang-phu-cau" in catalogue.covered


def test_any_day_leaves_out_the_weekend_only_kim_lan_museum(
    plan: Plan, ten_routes: Catalogue
) -> None:
    museum = "bao-tang-gom-kim-lan"
    assert museum in tourplan.load_hanoi().ids
    catalogue = plan(routes=10, any_day=True, include_sights=True)
    assert_routes_valid(catalogue)
    assert museum not in catalogue.covered
    reasons = {x.village.id: (x.reason, x.dates) for x in catalogue.left_out}
    assert reasons[museum] == ("closed", (SATURDAY,))
    # The routes also work on a Monday: every visit is inside the villages' weekday hours.
    monday = CatalogueRequest(date=MONDAY).trip_request()
    for route in catalogue.routes:
        for stop in route.itinerary.stops:
            start = stop.start.hour * 60 + stop.start.minute
            end = start + stop.duration.total_seconds() / 60
            spans = stop.village.opening_hours.on(MONDAY, monday.holidays)
            assert any(s.opens <= start and end <= s.closes for s in spans), stop.village.id


def test_covered_and_left_out_partition_the_villages(ten_routes: Catalogue) -> None:
    covered = set(ten_routes.covered)
    left = [x.village.id for x in ten_routes.left_out]
    assert len(left) == len(set(left))
    assert covered.isdisjoint(left)
    assert covered | set(left) == {v.id for v in ten_routes.villages}
    total = sum(v.interest for v in ten_routes.villages)
    share = sum(v.interest for v in ten_routes.villages if v.id in covered) / total
    assert ten_routes.coverage == pytest.approx(share)


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"routes": 0}, "routes"),
        ({"routes": 2, "max_routes_per_village": 3}, "max_routes_per_village"),
        ({"min_stops": 4, "max_stops": 3}, "max_stops"),
        ({"must_themes": ("pottery",)}, "must_themes"),  # a craft, not one of the themes
        ({"routes": True}, "routes"),  # a bool is not a number of routes
    ],
)
def test_bad_requests_name_the_field(fields: dict[str, Any], field: str) -> None:
    with pytest.raises(DataError) as caught:
        CatalogueRequest(date=SATURDAY, **fields)
    assert caught.value.field == field


def test_ties_are_broken_toward_routes_of_one_theme() -> None:
    # Four equally interesting villages around the hub, two potters and two weavers, two
    # routes of two stops: any split covers everything, so themes decide.
    def village(vid: str, lat: float, lon: float, theme: str) -> Village:
        return Village(
            vid,
            f"Làng {vid}",
            vid,
            lat,
            lon,
            visit_minutes=60,
            opening_hours=OpeningHours.parse("Mo-Su 08:00-17:00"),
            interest=50,
            themes=(theme,),
        )

    villages = tourplan.Villages(
        [
            village("pots-n", 21.040, 105.852, "ceramics"),
            village("silk-e", 21.028, 105.865, "textiles"),
            village("pots-s", 21.015, 105.852, "ceramics"),
            village("silk-w", 21.028, 105.839, "textiles"),
        ]
    )
    request = CatalogueRequest(date=SATURDAY, routes=2, max_stops=2, min_stops=2, lunch=None)
    catalogue = plan_catalogue(request, villages, search=SearchParameters(deterministic=True))
    assert len(catalogue.routes) == 2 and set(catalogue.covered) == set(villages.ids)
    assert sorted(r.themes for r in catalogue.routes) == [("ceramics",), ("textiles",)]


@pytest.mark.parametrize(
    ("day_start", "lunch"),
    [
        ("08:00", DEFAULT_LUNCH),  # the day spans lunch time: the default is kept
        ("13:00", None),  # starts as the window closes: it was lunch at the hub first
        ("14:00", None),  # starts after it: the catalogue was refused for a lunch not asked for
    ],
)
def test_a_catalogue_day_has_the_default_lunch_only_if_it_spans_lunch_time(
    day_start: str, lunch: Lunch | None
) -> None:
    """Found by review: CatalogueRequest made its default lunch as a new ``Lunch()``, so the
    rule that drops ``DEFAULT_LUNCH`` on such a day (as for a trip) never applied."""
    start = dt.time.fromisoformat(day_start)
    request = CatalogueRequest(date="2026-12-05", day_start=start)
    assert request.lunch is lunch
    assert request.trip_request().lunch is lunch
    trip = tourplan.TripRequest(start="hoan-kiem-lake", dates=("2026-12-05",), day_start=start)
    assert trip.lunch is lunch  # the same rule as a trip's


def test_a_lunch_asked_for_is_kept_or_refused_on_a_catalogue_day_as_on_a_trip() -> None:
    asked = Lunch(dt.time(11), dt.time(13), 60)  # equal to the default, but asked for
    assert CatalogueRequest(date="2026-12-05", day_start=dt.time(13), lunch=asked).lunch == asked
    with pytest.raises(DataError, match="does not fit in the day 14:00-17:30") as info:
        CatalogueRequest(date="2026-12-05", day_start=dt.time(14), lunch=asked)
    assert info.value.field == "lunch"
