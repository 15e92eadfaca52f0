"""Place resolution: ``lat,lon``, the gazetteer, the disk cache and the geopy chain.

No test touches the network: online geocoders are geopy ``Geocoder`` subclasses that answer from a
dict, and geopy's ``RateLimiter`` runs on a fake clock so that no test sleeps.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import geopy.geocoders
import pytest
from geopy.exc import GeocoderServiceError, GeocoderTimedOut, GeocoderUnavailable
from geopy.extra.rate_limiter import RateLimiter
from geopy.geocoders import Nominatim
from geopy.geocoders.base import _DEFAULT_USER_AGENT, DEFAULT_SENTINEL, Geocoder
from geopy.location import Location

from tourplan.exceptions import (
    CacheWarning,
    DataError,
    GeocoderUnreachableError,
    GeocodingError,
    TourplanError,
    UnknownPlaceError,
)
from tourplan.geocode import (
    DEFAULT_USER_AGENT,
    CachedLocation,
    Gazetteer,
    GeocodeCache,
    PlaceResolver,
    default_cache_path,
    resolve_place,
)
from tourplan.model import Bounds, Place

ID = re.compile(r"^[a-z0-9][a-z0-9_-]*$")  # tourplan.model's id rule
HANG_BAC = (21.0341, 105.8517)  # a street in Hanoi's Old Quarter
PARIS = (48.8566, 2.3522)


class FakeGeocoder(Geocoder):  # type: ignore[misc]
    """A geopy geocoder answering from a dict (query -> (address, (lat, lon)) or None)."""

    def __init__(self, answers: dict[str, tuple[str, tuple[float, float]] | None]) -> None:
        super().__init__()
        self.answers = answers
        self.calls: list[tuple[str, dict[str, Any]]] = []

    def geocode(
        self, query: str, exactly_one: bool = True, timeout: Any = DEFAULT_SENTINEL, **kwargs: Any
    ) -> Location | None:
        self.calls.append((query, {"exactly_one": exactly_one, "timeout": timeout, **kwargs}))
        answer = self.answers.get(query)
        if answer is None:
            return None
        address, point = answer
        return Location(address, point, {"display_name": address})


class FailingGeocoder(Geocoder):  # type: ignore[misc]
    """A geopy geocoder whose every request fails with ``error``."""

    def __init__(self, error: Exception) -> None:
        super().__init__()
        self.error = error
        self.calls = 0

    def geocode(
        self, query: str, exactly_one: bool = True, timeout: Any = DEFAULT_SENTINEL, **kwargs: Any
    ) -> Location | None:
        self.calls += 1
        raise self.error


class OfflineNominatim(Nominatim):  # type: ignore[misc]
    """geopy's real Nominatim class (same domain, same checks) with the HTTP request replaced."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(user_agent="tourplan-tests", **kwargs)
        self.calls: list[tuple[str, dict[str, Any]]] = []

    def geocode(self, query: str, **kwargs: Any) -> Location | None:
        self.calls.append((query, kwargs))
        return Location("Hàng Bạc, Hoàn Kiếm, Hà Nội, Việt Nam", HANG_BAC, {})


@dataclass
class FakeClock:
    """Stands in for RateLimiter's clock and sleep: sleeping only moves the clock."""

    now: float = 1000.0
    sleeps: list[float] = field(default_factory=list)

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


@pytest.fixture(autouse=True)
def clock(monkeypatch: pytest.MonkeyPatch) -> FakeClock:
    """No test sleeps for real: every RateLimiter runs on a fake clock."""
    fake = FakeClock()
    monkeypatch.setattr(RateLimiter, "_clock", lambda self: fake.now)
    monkeypatch.setattr(RateLimiter, "_sleep", lambda self, seconds: fake.sleep(seconds))
    return fake


@pytest.fixture
def fake() -> FakeGeocoder:
    return FakeGeocoder(
        {
            "12 Hàng Bạc, Hoàn Kiếm": ("12 Hàng Bạc, Hoàn Kiếm, Hà Nội, Việt Nam", HANG_BAC),
            "Hàng Bạc": ("Hàng Bạc, Hoàn Kiếm, Hà Nội, Việt Nam", HANG_BAC),
            "Eiffel Tower": ("Tour Eiffel, Paris, France", PARIS),
        }
    )


def online(
    gazetteer: Gazetteer, geocoder: Geocoder, cache_file: Path, **kwargs: Any
) -> PlaceResolver:
    return PlaceResolver(gazetteer, geocoder, allow_network=True, cache_path=cache_file, **kwargs)


@pytest.mark.parametrize("query", ["21.0285,105.8542", (21.0285, 105.8542)])
def test_resolve_coordinates_gives_a_user_point(query: str | tuple[float, float]) -> None:
    place = PlaceResolver(use_cache=False).resolve(query)
    assert place.id == "point-21_02850-105_85420"
    assert ID.match(place.id)
    assert (place.lat, place.lon) == (21.0285, 105.8542)
    assert place.coord_kind == "user"
    assert place.name == "21.0285, 105.8542"


def test_point_ids_stay_valid_for_negative_coordinates() -> None:
    world = Bounds("the world", -90, 90, -180, 180)
    place = PlaceResolver(bounds=world, use_cache=False).resolve("-33.92487, -70.5")
    assert place.id == "point-m33_92487-m70_50000"
    assert ID.match(place.id)


def test_resolve_refuses_coordinates_outside_vietnam() -> None:
    with pytest.raises(DataError, match="outside Vietnam; tourplan plans trips in Vietnam"):
        PlaceResolver(use_cache=False).resolve(PARIS)


def test_resolve_hints_at_swapped_coordinates_inside_the_valid_range() -> None:
    # both numbers are valid latitudes, so only the bounds can tell they are swapped
    vietnam_ish = Bounds("Somewhere", 8.0, 23.5, 10.0, 20.0)
    with pytest.raises(DataError, match="look swapped"):
        PlaceResolver(bounds=vietnam_ish, use_cache=False).resolve((15.0, 21.0))


@pytest.mark.parametrize(
    "query",
    [(True, 105.8), ("21", "105"), (21.0,), (float("nan"), 105.8)],
)
def test_resolve_refuses_malformed_positions(query: Any) -> None:
    with pytest.raises(DataError):
        PlaceResolver(use_cache=False).resolve(query)


def test_resolve_passes_a_place_through() -> None:
    hotel = Place("hotel", "Khách sạn", 21.03, 105.85)
    assert PlaceResolver().resolve(hotel) is hotel


@pytest.mark.parametrize("query", ["", "   ", 42])
def test_resolve_refuses_empty_or_non_text_queries(query: Any) -> None:
    with pytest.raises(DataError):
        PlaceResolver().resolve(query)


@pytest.mark.parametrize("query", ["bat trang", "Bát Tràng", "hoan kiem lake", "Hồ Hoàn Kiếm"])
def test_gazetteer_answers_before_the_geocoder(
    gazetteer: Gazetteer, fake: FakeGeocoder, cache_file: Path, query: str
) -> None:
    place = online(gazetteer, fake, cache_file).resolve(query)
    assert place.coord_kind in {"village", "landmark"}
    assert fake.calls == []
    assert not cache_file.exists()


def test_an_ambiguous_name_is_not_sent_online(
    gazetteer: Gazetteer, fake: FakeGeocoder, cache_file: Path
) -> None:
    with pytest.raises(UnknownPlaceError, match="ambiguous"):
        online(gazetteer, fake, cache_file).resolve("Phùng Xá")
    assert fake.calls == []


def test_without_network_the_geocoder_is_never_called(
    gazetteer: Gazetteer, fake: FakeGeocoder, cache_file: Path
) -> None:
    resolver = PlaceResolver(gazetteer, fake, cache_path=cache_file)
    with pytest.raises(UnknownPlaceError) as info:
        resolver.resolve("12 Hàng Bạc, Hoàn Kiếm")
    assert fake.calls == []
    message = str(info.value)
    assert "'12 Hàng Bạc, Hoàn Kiếm'" in message
    assert "allow_network=True" in message
    assert "--online" in message
    assert isinstance(info.value, LookupError)


def test_offline_error_suggests_near_names(gazetteer: Gazetteer) -> None:
    with pytest.raises(UnknownPlaceError) as info:
        PlaceResolver(gazetteer, use_cache=False).resolve("Bat Trangg")
    assert "bat-trang" in info.value.candidates
    assert "did you mean: bat-trang" in str(info.value)
    assert "network geocoding is off" in str(info.value).lower()


def test_geocoded_address_becomes_an_address_place(
    gazetteer: Gazetteer, fake: FakeGeocoder, cache_file: Path
) -> None:
    place = online(gazetteer, fake, cache_file).resolve("12 Hàng Bạc, Hoàn Kiếm")
    assert place.id == "geocoded-12-hang-bac-hoan-kiem"
    assert place.name == "12 Hàng Bạc, Hoàn Kiếm, Hà Nội, Việt Nam"
    assert (place.lat, place.lon) == HANG_BAC
    assert place.coord_kind == "address"
    assert place.coord_source == "FakeGeocoder"
    [(query, options)] = fake.calls
    assert query == "12 Hàng Bạc, Hoàn Kiếm"
    assert options["exactly_one"] is True
    assert "country_codes" not in options  # a Nominatim-only parameter


def test_geocoded_id_is_valid_for_non_latin_queries(gazetteer: Gazetteer, cache_file: Path) -> None:
    geocoder = FakeGeocoder({"河内": ("Hà Nội, Việt Nam", (21.0278, 105.8342))})
    place = online(gazetteer, geocoder, cache_file).resolve("河内")
    assert place.id.startswith("geocoded-")
    assert ID.match(place.id)


def test_second_lookup_is_answered_by_the_cache(
    gazetteer: Gazetteer, fake: FakeGeocoder, cache_file: Path, clock: FakeClock
) -> None:
    resolver = online(gazetteer, fake, cache_file)
    first = resolver.resolve("12 Hàng Bạc, Hoàn Kiếm")
    second = resolver.resolve("  12 hàng bạc,  Hoàn Kiếm ")  # same query, normalised
    assert len(fake.calls) == 1
    assert second.lat == first.lat and second.name == first.name
    assert clock.sleeps == []


def test_cache_survives_a_new_resolver_reading_the_same_file(
    gazetteer: Gazetteer, fake: FakeGeocoder, cache_file: Path
) -> None:
    first = online(gazetteer, fake, cache_file).resolve("12 Hàng Bạc, Hoàn Kiếm")
    assert cache_file.is_file()  # its folder was created on the first write
    fresh = FakeGeocoder({})
    again = online(gazetteer, fresh, cache_file).resolve("12 Hàng Bạc, Hoàn Kiếm")
    assert fresh.calls == []
    assert again == first


def test_cached_answers_are_used_even_offline(
    gazetteer: Gazetteer, fake: FakeGeocoder, cache_file: Path
) -> None:
    online(gazetteer, fake, cache_file).resolve("Hàng Bạc")
    offline = PlaceResolver(gazetteer, FakeGeocoder({}), cache_path=cache_file)
    assert offline.resolve("Hàng Bạc").coord_kind == "address"


def test_cache_file_format(gazetteer: Gazetteer, fake: FakeGeocoder, cache_file: Path) -> None:
    online(gazetteer, fake, cache_file).resolve("12 Hàng Bạc, Hoàn Kiếm")
    stored = json.loads(cache_file.read_text(encoding="utf-8"))
    assert stored == {
        "12 hàng bạc, hoàn kiếm": {
            "lat": HANG_BAC[0],
            "lon": HANG_BAC[1],
            "address": "12 Hàng Bạc, Hoàn Kiếm, Hà Nội, Việt Nam",
            "geocoder": "FakeGeocoder",
            "retrieved": date.today().isoformat(),
        }
    }


def test_use_cache_false_writes_nothing(
    gazetteer: Gazetteer, fake: FakeGeocoder, private_cache_home: Path
) -> None:
    resolver = PlaceResolver(gazetteer, fake, allow_network=True, use_cache=False)
    resolver.resolve("Hàng Bạc")
    resolver.resolve("Hàng Bạc")
    assert len(fake.calls) == 2
    assert not private_cache_home.exists()


def test_default_cache_path_follows_xdg_cache_home(
    gazetteer: Gazetteer, fake: FakeGeocoder, private_cache_home: Path
) -> None:
    assert default_cache_path() == private_cache_home / "tourplan" / "geocode.json"
    PlaceResolver(gazetteer, fake, allow_network=True).resolve("Hàng Bạc")
    assert (private_cache_home / "tourplan" / "geocode.json").is_file()


@pytest.mark.parametrize(
    "content",
    [
        "{not json",
        "[1, 2, 3]",  # JSON, but not an object
        '{"hàng bạc": {"lat": "north"}}',  # a malformed entry
    ],
)
def test_corrupt_cache_is_ignored_with_a_warning_then_overwritten(
    gazetteer: Gazetteer, fake: FakeGeocoder, cache_file: Path, content: str
) -> None:
    cache_file.parent.mkdir(parents=True)
    cache_file.write_text(content, encoding="utf-8")
    with pytest.warns(CacheWarning, match="corrupt geocoding cache"):
        place = online(gazetteer, fake, cache_file).resolve("Hàng Bạc")
    assert len(fake.calls) == 1
    assert (place.lat, place.lon) == HANG_BAC
    assert list(json.loads(cache_file.read_text(encoding="utf-8"))) == ["hàng bạc"]


def test_unwritable_cache_only_warns(
    gazetteer: Gazetteer, fake: FakeGeocoder, tmp_path: Path
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    resolver = online(gazetteer, fake, blocker / "geocode.json")
    with pytest.warns(CacheWarning, match="cannot write the geocoding cache"):
        place = resolver.resolve("Hàng Bạc")
    assert place.coord_kind == "address"


def test_results_outside_vietnam_are_refused_and_not_cached(
    gazetteer: Gazetteer, fake: FakeGeocoder, cache_file: Path
) -> None:
    resolver = online(gazetteer, fake, cache_file)
    with pytest.raises(GeocodingError) as info:
        resolver.resolve("Eiffel Tower")
    message = str(info.value)
    assert "'Eiffel Tower' is outside Vietnam (48.8566, 2.3522" in message
    assert "tourplan plans trips in Vietnam" in message
    assert not cache_file.exists()


def test_cached_answer_outside_the_bounds_is_refused(
    gazetteer: Gazetteer, fake: FakeGeocoder, cache_file: Path
) -> None:
    online(gazetteer, fake, cache_file).resolve("Hàng Bạc")
    saigon = Bounds("Ho Chi Minh City", 10.3, 11.2, 106.3, 107.1)
    with pytest.raises(GeocodingError, match="outside Ho Chi Minh City"):
        PlaceResolver(gazetteer, fake, cache_path=cache_file, bounds=saigon).resolve("Hàng Bạc")


def test_no_result_names_the_query_and_is_not_cached(
    gazetteer: Gazetteer, fake: FakeGeocoder, cache_file: Path
) -> None:
    resolver = online(gazetteer, fake, cache_file)
    with pytest.raises(GeocodingError, match="found no place for 'Xyzzy Plugh'"):
        resolver.resolve("Xyzzy Plugh")
    with pytest.raises(GeocodingError):
        resolver.resolve("Xyzzy Plugh")
    assert len(fake.calls) == 2
    assert not cache_file.exists()


def test_no_result_suggests_near_known_places(
    gazetteer: Gazetteer, fake: FakeGeocoder, cache_file: Path
) -> None:
    with pytest.raises(GeocodingError, match="did you mean: bat-trang"):
        online(gazetteer, fake, cache_file).resolve("Bat Trangg")


@pytest.mark.parametrize(
    "error",
    [GeocoderTimedOut("Service timed out"), GeocoderServiceError("HTTP Error 503")],
)
def test_service_errors_become_geocoding_errors(
    gazetteer: Gazetteer, cache_file: Path, clock: FakeClock, error: Exception
) -> None:
    geocoder = FailingGeocoder(error)
    with pytest.raises(GeocodingError) as info:
        online(gazetteer, geocoder, cache_file).resolve("Hàng Bạc")
    assert str(error) in str(info.value)
    assert "'Hàng Bạc'" in str(info.value)
    assert info.value.__cause__ is error
    assert isinstance(info.value, TourplanError)
    assert geocoder.calls == 3  # the first try and RateLimiter's 2 retries
    assert clock.sleeps == [5.0, 5.0]  # waits between retries (on the fake clock)
    assert not cache_file.exists()


def test_a_server_that_cannot_be_reached_is_told_apart_from_a_failed_answer(
    gazetteer: Gazetteer, cache_file: Path, clock: FakeClock
) -> None:
    # `villages import --online` stops looking rows up online after it (each try costs ~11 s)
    refused = GeocoderUnavailable("Max retries exceeded")
    refused.__context__ = ConnectionRefusedError(111, "Connection refused")
    with pytest.raises(GeocoderUnreachableError) as info:
        online(gazetteer, FailingGeocoder(refused), cache_file).resolve("Hàng Bạc")
    assert isinstance(info.value, GeocodingError) and isinstance(info.value, ConnectionError)
    assert "failed: cannot connect to the geocoding server" in str(info.value)
    assert info.value.server == "the geocoding server"
    answered = GeocoderServiceError("HTTP Error 503")  # the server answered: not unreachable
    with pytest.raises(GeocodingError) as failed:
        online(gazetteer, FailingGeocoder(answered), cache_file).resolve("Hàng Bạc")
    assert not isinstance(failed.value, GeocoderUnreachableError)


def test_requests_go_through_geopys_rate_limiter(
    gazetteer: Gazetteer, fake: FakeGeocoder, cache_file: Path, clock: FakeClock
) -> None:
    resolver = online(gazetteer, fake, cache_file)
    limiter = resolver.rate_limiter
    assert isinstance(limiter, RateLimiter)
    assert limiter.min_delay_seconds == 1.0
    assert limiter.max_retries == 2
    assert limiter.func == fake.geocode
    resolver.resolve("Hàng Bạc")
    assert clock.sleeps == []  # the first request goes at once
    resolver.resolve("12 Hàng Bạc, Hoàn Kiếm")
    assert clock.sleeps == [1.0]  # the second waits a second
    resolver.resolve("Hàng Bạc")  # a cache hit: neither a request nor a wait
    assert clock.sleeps == [1.0]
    assert len(fake.calls) == 2


def test_min_delay_is_configurable_for_private_geocoders(
    gazetteer: Gazetteer, fake: FakeGeocoder, cache_file: Path, clock: FakeClock
) -> None:
    resolver = online(gazetteer, fake, cache_file, min_delay_seconds=0.0)
    resolver.resolve("Hàng Bạc")
    resolver.resolve("12 Hàng Bạc, Hoàn Kiếm")
    assert clock.sleeps == []


@pytest.mark.parametrize("geocoder", [None, "public-nominatim"])
def test_public_nominatim_needs_at_least_one_second_between_requests(
    geocoder: str | None,
) -> None:
    chosen = OfflineNominatim() if geocoder else None
    with pytest.raises(DataError, match="at most one request a second"):
        PlaceResolver(geocoder=chosen, min_delay_seconds=0.5)


def test_default_geocoder_is_nominatim_with_a_tourplan_user_agent() -> None:
    geocoder = PlaceResolver(allow_network=True).geocoder
    assert isinstance(geocoder, Nominatim)
    agent = geocoder.headers["User-Agent"]
    assert agent == DEFAULT_USER_AGENT
    assert "tourplan" in agent
    assert agent != _DEFAULT_USER_AGENT
    assert agent != geopy.geocoders.options.default_user_agent
    assert geocoder.domain == "nominatim.openstreetmap.org"


def test_user_agent_can_carry_contact_details() -> None:
    agent = "tourplan/0.1 (me@example.org)"
    assert PlaceResolver(user_agent=agent).geocoder.headers["User-Agent"] == agent


def test_default_geocoder_is_created_only_when_needed(
    gazetteer: Gazetteer, cache_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    created: list[Nominatim] = []

    class SpyNominatim(OfflineNominatim):
        def __init__(self, **kwargs: Any) -> None:
            kwargs.pop("user_agent", None)
            super().__init__(**kwargs)
            created.append(self)

    monkeypatch.setattr(geopy.geocoders, "Nominatim", SpyNominatim)
    resolver = PlaceResolver(gazetteer, allow_network=True, cache_path=cache_file)
    resolver.resolve("Bát Tràng")
    resolver.resolve("21.03,105.85")
    assert created == []
    resolver.resolve("12 Hàng Bạc")
    assert len(created) == 1


def test_nominatim_is_asked_for_results_in_vietnam(gazetteer: Gazetteer, cache_file: Path) -> None:
    geocoder = OfflineNominatim()
    place = online(gazetteer, geocoder, cache_file).resolve("Hàng Bạc")
    [(_, options)] = geocoder.calls
    assert options["country_codes"] == "vn"
    assert options["exactly_one"] is True
    assert place.coord_source == "OfflineNominatim"


def test_nominatim_results_carry_the_osm_attribution(cache_file: Path) -> None:
    entry = CachedLocation(
        *HANG_BAC, address="Hàng Bạc", geocoder="Nominatim", retrieved=date.today()
    )
    GeocodeCache(cache_file).put("Hàng Bạc", entry)
    place = PlaceResolver(Gazetteer([]), cache_path=cache_file).resolve("Hàng Bạc")
    assert "OpenStreetMap contributors" in place.notes


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"geocoder": object()}, "geocoder"),
        ({"geocoder": FakeGeocoder({}), "user_agent": "x/1"}, "user_agent"),
        ({"min_delay_seconds": -1.0, "geocoder": FakeGeocoder({})}, "min_delay_seconds"),
        ({"timeout": 0}, "timeout"),
        ({"gazetteer": ["bat-trang"]}, "gazetteer"),
    ],
)
def test_resolver_parameters_are_validated(kwargs: dict[str, Any], field: str) -> None:
    with pytest.raises(DataError) as info:
        PlaceResolver(**kwargs)
    assert info.value.field == field


def test_an_offline_miss_says_so_for_callers_with_their_own_words(gazetteer: Gazetteer) -> None:
    """Regression (2026-12-05): the CLI printed the library's "pass allow_network=True"."""
    with pytest.raises(UnknownPlaceError) as info:
        PlaceResolver(gazetteer, use_cache=False).resolve("12 Hàng Bạc, Hoàn Kiếm")
    assert info.value.offline
    assert "allow_network=True" in str(info.value)  # the library's own words stay


@pytest.mark.parametrize("query", ["0,0", (0.0, 0.0), "21,200", "91,0", " "])
def test_resolve_place_blames_the_field_the_query_came_from(
    gazetteer: Gazetteer, query: str | tuple[float, float]
) -> None:
    """Regression (2026-12-05): ``near=21,200`` blamed ``lon`` and ``0,0`` blamed ``place``."""
    with pytest.raises(DataError) as info:
        resolve_place(PlaceResolver(gazetteer, use_cache=False), query, "near")
    assert info.value.field == "near"
