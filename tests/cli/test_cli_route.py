"""``tourplan route``: every option reaches the library as it should, and every bad input exits 2.

Most tests replace :func:`tourplan.api.plan_trip` with a recorder that returns days without
stops, so they check what the CLI asks of the library without waiting for the solver; the
tests at the end plan for real.
"""

from __future__ import annotations

import datetime as dt
import json
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

import icalendar
import pytest
from click.testing import CliRunner, Result

import tourplan
import tourplan.api
import tourplan.cli.terminal
from tourplan.cli import main
from tourplan.cli.options import next_saturday
from tourplan.exceptions import CacheWarning
from tourplan.export.json import itinerary_from_json
from tourplan.plan import HANOI_TZ, Itinerary, Lunch, TripRequest, check_itinerary

from .conftest import Recorder

SATURDAY = "2026-12-05"
MONDAY = "2026-12-07"
FAST = ["--time-limit", "1"]


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def request_of(calls: Recorder) -> TripRequest:
    assert len(calls) == 1
    request = calls[0]["request"]
    assert isinstance(request, TripRequest)
    return request


def assert_bad_input(result: Result, *words: str) -> None:
    """Exit 2, a short message on stderr naming the problem, no traceback."""
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    for word in words:
        assert word in result.stderr, result.stderr


# -- defaults -------------------------------------------------------------------------------------


def test_no_options_plan_a_day_from_hoan_kiem_lake_on_the_next_saturday(planned: Recorder) -> None:
    result = run("route")
    assert result.exit_code == 0, result.output
    request = request_of(planned)
    assert request.start == "hoan-kiem-lake"
    assert request.end is None
    assert len(request.dates) == 1
    today = dt.datetime.now(HANOI_TZ).date()
    assert request.dates[0].weekday() == 5
    assert 1 <= (request.dates[0] - today).days <= 7
    assert (request.day_start, request.day_end) == (dt.time(8), dt.time(17, 30))
    assert request.mode == "car"
    assert request.lunch == Lunch()
    assert (request.must_visit, request.avoid, request.themes) == ((), (), ())
    assert request.max_stops_per_day is None
    assert request.pace == "normal"
    call = planned[0]
    assert len(call["villages"]) == len(tourplan.load_hanoi())
    assert call["road_graph"] is None
    assert call["search"].time_limit == 5.0
    assert call["search"].deterministic is True  # reproducible by default (#16)
    assert call["resolver"].allow_network is False
    assert call["start"].name == "Hồ Hoàn Kiếm (Hồ Gươm)"
    assert result.stdout.startswith("Thứ Bảy, ")


@pytest.mark.parametrize(
    ("today", "saturday"),
    [
        (dt.date(2026, 12, 4), dt.date(2026, 12, 5)),  # Friday: tomorrow
        (dt.date(2026, 12, 5), dt.date(2026, 12, 12)),  # Saturday: a week later
        (dt.date(2026, 12, 6), dt.date(2026, 12, 12)),  # Sunday
        (dt.date(2026, 12, 7), dt.date(2026, 12, 12)),  # Monday
    ],
)
def test_the_default_date_is_the_next_saturday(today: dt.date, saturday: dt.date) -> None:
    assert next_saturday(today) == saturday


# -- each option ----------------------------------------------------------------------------------


def test_start_and_end_take_place_ids_names_and_coordinates(planned: Recorder) -> None:
    result = run("route", "--date", SATURDAY, "--start", "Phố cổ", "--end", "21.21,105.80")
    assert result.exit_code == 0, result.output
    request = request_of(planned)
    assert (request.start, request.end) == ("Phố cổ", "21.21,105.80")
    assert planned[0]["start"].id == "old-quarter"
    assert (planned[0]["end"].lat, planned[0]["end"].lon) == (21.21, 105.80)


def test_date_and_days_give_consecutive_dates(planned: Recorder) -> None:
    assert run("route", "--date", SATURDAY, "--days", "3").exit_code == 0
    assert request_of(planned).dates == (
        dt.date(2026, 12, 5),
        dt.date(2026, 12, 6),
        dt.date(2026, 12, 7),
    )


def test_date_is_repeatable(planned: Recorder) -> None:
    assert run("route", "--date", "2026-12-12", "--date", SATURDAY).exit_code == 0
    assert request_of(planned).dates == (dt.date(2026, 12, 5), dt.date(2026, 12, 12))


def test_day_window(planned: Recorder) -> None:
    assert (
        run("route", "--date", SATURDAY, "--day-start", "7:30", "--day-end", "18:00").exit_code == 0
    )
    request = request_of(planned)
    assert (request.day_start, request.day_end) == (dt.time(7, 30), dt.time(18))


@pytest.mark.parametrize(
    ("given", "mode"),
    [("motorbike", "motorbike"), ("walk", "walk"), ("Taxi", "car"), ("coach", "bus")],
)
def test_mode_and_its_aliases(planned: Recorder, given: str, mode: str) -> None:
    assert run("route", "--date", SATURDAY, "--mode", given).exit_code == 0
    assert request_of(planned).mode == mode


@pytest.mark.parametrize(
    ("given", "lunch"),
    [
        ("11:30-13:00/45", Lunch(dt.time(11, 30), dt.time(13), 45)),
        ("none", None),  # no lunch break at all
    ],
)
def test_lunch(planned: Recorder, given: str, lunch: Lunch | None) -> None:
    assert run("route", "--date", SATURDAY, "--lunch", given).exit_code == 0
    assert request_of(planned).lunch == lunch


def test_must_avoid_and_themes_are_repeatable(planned: Recorder) -> None:
    result = run(
        "route", "--date", SATURDAY,
        "--must", "bat-trang", "--must", "Vạn Phúc",
        "--avoid", "kim-lan", "--avoid", "chuong",
        "--theme", "ceramics", "--theme", "TEXTILES",
        "--theme-bonus", "2",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    request = request_of(planned)
    assert request.must_visit == ("bat-trang", "Vạn Phúc")
    assert request.avoid == ("kim-lan", "chuong")
    assert request.themes == ("ceramics", "textiles")
    assert request.theme_bonus == 2.0


def test_max_stops_pace_and_holidays(planned: Recorder) -> None:
    result = run(
        "route", "--date", SATURDAY, "--max-stops", "3", "--pace", "relaxed",
        "--holiday", SATURDAY, "--holiday", "2026-12-06",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    request = request_of(planned)
    assert request.max_stops_per_day == 3
    assert request.pace == "relaxed"
    assert request.holidays == {dt.date(2026, 12, 5), dt.date(2026, 12, 6)}


def test_solver_options(planned: Recorder) -> None:
    assert run("route", "--date", SATURDAY, "--time-limit", "2.5").exit_code == 0
    assert planned[0]["search"].time_limit == 2.5
    assert run("route", "--date", SATURDAY, "--deterministic").exit_code == 0
    assert planned[1]["search"].deterministic is True


def test_online_allows_network_geocoding(planned: Recorder) -> None:
    assert run("route", "--date", SATURDAY, "--online").exit_code == 0
    assert planned[0]["resolver"].allow_network is True


def test_lang_en_prints_english(planned: Recorder) -> None:
    result = run("route", "--date", SATURDAY, "--lang", "en")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Saturday 5 December 2026\n")


@pytest.mark.parametrize("suffix", ["csv", "json", "geojson"])
def test_villages_file_in_each_format(
    planned: Recorder, tmp_path: Path, hanoi: tourplan.Villages, suffix: str
) -> None:
    path = tmp_path / f"mine.{suffix}"
    tourplan.save_villages(hanoi[:3], path)
    result = run("route", "--date", SATURDAY, "--villages", str(path))
    assert result.exit_code == 0, result.output
    assert list(planned[0]["villages"]) == list(hanoi[:3])


def test_road_graph_is_passed_on(planned: Recorder) -> None:
    graph = Path(__file__).parents[1] / "travel" / "data" / "tiny_osmnx.graphml"
    assert run("route", "--date", SATURDAY, "--road-graph", str(graph)).exit_code == 0
    assert planned[0]["road_graph"] == graph


def test_outputs_to_files(planned: Recorder, tmp_path: Path) -> None:
    ics, js, geo = tmp_path / "trip.ics", tmp_path / "trip.json", tmp_path / "trip.geojson"
    result = run(
        "route", "--date", SATURDAY, "--ics", str(ics), "--json", str(js), "--geojson", str(geo)
    )
    assert result.exit_code == 0, result.output
    assert result.stdout == ""  # no schedule when writing files
    assert f"Wrote {ics}" in result.stderr
    assert icalendar.Calendar.from_ical(ics.read_bytes()).name == "VCALENDAR"
    assert itinerary_from_json(js.read_text(encoding="utf-8")).days[0].date == dt.date(2026, 12, 5)
    assert json.loads(geo.read_text(encoding="utf-8"))["type"] == "FeatureCollection"


@pytest.mark.parametrize(
    ("option", "check"),
    [
        ("--ics", lambda out: out.startswith("BEGIN:VCALENDAR")),
        ("--json", lambda out: json.loads(out)["days"][0]["date"] == SATURDAY),
        ("--geojson", lambda out: json.loads(out)["type"] == "FeatureCollection"),
    ],
)
def test_dash_writes_to_stdout(
    planned: Recorder, option: str, check: Callable[[str], bool]
) -> None:
    result = run("route", "--date", SATURDAY, option, "-")
    assert result.exit_code == 0, result.output
    assert check(result.stdout)


def test_only_one_output_can_go_to_stdout(planned: Recorder) -> None:
    result = run("route", "--json", "-", "--ics", "-")
    assert_bad_input(result, "only one output can go to stdout", "--ics and --json")
    assert planned == []


def test_quiet_prints_nothing_on_stderr(planned: Recorder, tmp_path: Path) -> None:
    result = run("route", "--date", SATURDAY, "--quiet", "--json", str(tmp_path / "t.json"))
    assert result.exit_code == 0
    assert result.stderr == ""


def test_library_warnings_become_one_line_notes(
    planned: Recorder, monkeypatch: pytest.MonkeyPatch
) -> None:
    import tourplan.api

    fake = tourplan.api.plan_trip

    def warning_plan_trip(*args: Any, **kwargs: Any) -> Itinerary:
        warnings.warn("geocoding cache unreadable; ignored", CacheWarning, stacklevel=1)
        return fake(*args, **kwargs)

    monkeypatch.setattr(tourplan.api, "plan_trip", warning_plan_trip)
    result = run("route", "--date", SATURDAY)
    assert result.exit_code == 0
    assert result.stderr == "Warning: geocoding cache unreadable; ignored\n"
    assert run("route", "--date", SATURDAY, "-q").stderr == ""


def test_progress_appears_on_a_terminal_when_the_solver_takes_a_while(
    planned: Recorder, monkeypatch: pytest.MonkeyPatch
) -> None:
    import time

    import tourplan.api

    fast = tourplan.api.plan_trip

    def slow(*args: Any, **kwargs: Any) -> Itinerary:
        time.sleep(0.9)
        return fast(*args, **kwargs)

    monkeypatch.setattr(tourplan.api, "plan_trip", slow)
    monkeypatch.setattr(tourplan.cli.terminal, "is_terminal", lambda stream: True)
    result = run("route", "--date", SATURDAY, "--time-limit", "3")
    assert "Planning 1 day over 104 villages (up to 3 s)" in result.stderr
    assert result.stderr.endswith("\r\x1b[K")  # the line is wiped when done
    assert run("route", "--date", SATURDAY, "--quiet").stderr == ""


def test_colours_only_on_a_terminal(planned: Recorder, monkeypatch: pytest.MonkeyPatch) -> None:
    assert "\x1b[" not in run("route", "--date", SATURDAY).stdout
    monkeypatch.setattr(tourplan.cli.terminal, "is_terminal", lambda stream: True)
    assert "\x1b[1m" in CliRunner().invoke(main, ["route", "--date", SATURDAY], color=True).stdout
    monkeypatch.setenv("NO_COLOR", "1")
    assert "\x1b[" not in CliRunner().invoke(main, ["route", "--date", SATURDAY], color=True).stdout


# -- bad usage and input: exit 2 ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--date", "2026-13-01"], ["--date", "'2026-13-01' is not a date like 2026-12-05"]),
        (["--date", "5/12/2026"], ["--date", "YYYY-MM-DD"]),
        (["--date", SATURDAY, "--date", MONDAY, "--days", "2"], ["--days", "not both"]),
        (["--days", "0"], ["--days", "0 is not in the range 1<=x<=60"]),
        (["--day-start", "8h"], ["--day-start", "not a time of day like 08:30"]),
        (["--day-end", "25:00"], ["--day-end"]),
        (["--mode", "plane"], ["--mode", "unknown transport mode 'plane'", "bicycle"]),
        (["--lunch", "noon"], ["--lunch", "11:00-13:00/60"]),
        (["--lunch", "13:00-11:00/60"], ["--lunch", "latest start is before the earliest"]),
        (["--lunch", "11:00-13:00/x"], ["--lunch", "not a whole number of minutes"]),
        (["--theme", "pottery"], ["--theme", "'pottery' is not one of", "ceramics"]),
        (["--theme-bonus", "0.5"], ["--theme-bonus"]),
        (["--max-stops", "-1"], ["--max-stops", "-1 is not in the range 1<=x<=100"]),
        (["--max-stops", "0"], ["--max-stops"]),
        (["--max-stops", "two"], ["--max-stops", "'two' is not a valid integer"]),
        (["--pace", "slow"], ["--pace", "'slow' is not one of"]),
        (["--holiday", "tomorrow"], ["--holiday"]),
        (["--time-limit", "0"], ["--time-limit", "0"]),
        (["--lang", "fr"], ["--lang", "'fr' is not one of"]),
        (["--villages", "no-such-file.csv"], ["--villages", "no-such-file.csv", "does not exist"]),
        (["--road-graph", "no-such.graphml"], ["--road-graph", "no-such.graphml"]),
        (
            ["--unknown-option"],
            ["No such option '--unknown-option'", "Try 'tourplan route --help'"],
        ),
    ],
)
def test_bad_option_values_exit_2_naming_the_option(
    planned: Recorder, args: list[str], words: list[str]
) -> None:
    assert_bad_input(run("route", *args), *words)
    assert planned == []


def test_day_end_before_day_start(planned: Recorder) -> None:
    result = run("route", "--date", SATURDAY, "--day-start", "17:00", "--day-end", "08:00")
    assert_bad_input(result, "Error: invalid value for --day-end", "the day ends (08:00)")
    assert len(result.stderr.splitlines()) <= 2


def test_lunch_asked_outside_the_day(planned: Recorder) -> None:
    # the default lunch is dropped on an afternoon day; a lunch asked for is checked
    args = ["route", "--date", SATURDAY, "--day-start", "14:00", "--lunch", "11:00-13:00/60"]
    assert_bad_input(run(*args), "invalid value for --lunch", "does not fit in the day")


def test_must_and_avoid_the_same_village(planned: Recorder) -> None:
    result = run("route", "--date", SATURDAY, "--must", "bat-trang", "--avoid", "bat-trang")
    assert_bad_input(result, "--avoid", "bat-trang is both a must-visit and a village to avoid")


def test_bad_villages_file_names_the_file_and_row(
    tmp_path: Path, write_csv: Callable[..., Path], village_row: Callable[..., dict[str, str]]
) -> None:
    path = write_csv([village_row(), village_row(id="second", lat="north")])
    result = run("route", "--date", SATURDAY, "--villages", str(path))
    assert_bad_input(result, str(path), "row 3", "field 'lat'", "lat must be a number")
    assert len(result.stderr.splitlines()) == 1


@pytest.mark.parametrize(
    ("name", "content", "words"),
    [
        ("villages.txt", "id\n", ["cannot tell the format from the extension '.txt'"]),
        ("empty.csv", "", ["the file is empty"]),
        ("broken.json", "[{", ["not valid JSON"]),
        ("latin1.csv", "id,name_vi\n1,Bát\n".encode("latin-1"), ["is not UTF-8 text"]),
    ],
)
def test_unreadable_villages_files(
    tmp_path: Path, name: str, content: str | bytes, words: list[str]
) -> None:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    assert_bad_input(run("route", "--date", SATURDAY, "--villages", str(path)), str(path), *words)


def test_a_folder_is_not_a_villages_file(tmp_path: Path) -> None:
    assert_bad_input(run("route", "--villages", str(tmp_path)), "--villages", "is a directory")


def test_unknown_must_visit_village_is_named_with_suggestions() -> None:
    result = run("route", "--date", SATURDAY, "--must", "Bat Trangg")
    assert_bad_input(
        result, "Error: --must: no place matches 'Bat Trangg'", "did you mean", "bat-trang"
    )
    assert len(result.stderr.splitlines()) == 1  # the hint is on the same line
    assert "`tourplan villages NAME` searches the villages" in result.stderr


def test_unknown_avoided_village() -> None:
    assert_bad_input(
        run("route", "--date", SATURDAY, "--avoid", "Atlantis"), "--avoid", "'Atlantis'"
    )


def test_unknown_start_place_suggests_going_online() -> None:
    result = run("route", "--date", SATURDAY, "--start", "12 Hàng Bạc")
    assert_bad_input(result, "--start: no place matches '12 Hàng Bạc'", "--online")


def test_coordinates_outside_vietnam() -> None:
    result = run("route", "--date", SATURDAY, "--start", "48.85,2.35")
    assert_bad_input(
        result, "Error: invalid value for --start: position 48.85, 2.35 is outside Vietnam"
    )


def test_a_file_that_is_not_graphml(tmp_path: Path) -> None:
    path = tmp_path / "roads.graphml"
    path.write_text("not xml", encoding="utf-8")
    result = run("route", "--date", SATURDAY, "--road-graph", str(path))
    assert_bad_input(result, str(path), "cannot read a GraphML road graph")


def test_an_output_folder_that_does_not_exist_is_bad_input(
    planned: Recorder, tmp_path: Path
) -> None:
    target = tmp_path / "missing" / "trip.ics"
    result = run("route", "--date", SATURDAY, "--ics", str(target))
    assert_bad_input(result, f"cannot write {target}", "does not exist")


# -- infeasible and unexpected: exit 1 ------------------------------------------------------------


def test_infeasible_must_visit_exits_1_with_the_reason() -> None:
    # The Kim Lan museum opens on Saturdays and Sundays only; 2026-12-07 is a Monday.
    result = run("route", "--must", "bao-tang-gom-kim-lan", "--date", MONDAY, "--lang", "en")
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    assert result.stderr.startswith("Error: cannot plan this trip:")
    assert "bao-tang-gom-kim-lan" in result.stderr
    assert "closed on Mon 07 Dec" in result.stderr


def test_unexpected_failures_exit_1_with_a_hint(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: Any, **kwargs: Any) -> Itinerary:
        raise RuntimeError("the solver fell over")

    monkeypatch.setattr("tourplan.api.plan_trip", broken)
    result = run("route", "--date", SATURDAY)
    assert result.exit_code == 1
    assert result.stderr == (
        "Error: unexpected failure (RuntimeError: the solver fell over)\n"
        "  Rerun with --debug to see the traceback.\n"
    )
    debug = run("route", "--date", SATURDAY, "--debug")
    assert isinstance(debug.exception, RuntimeError)  # raised as is: Python prints the traceback
    top = CliRunner().invoke(main, ["--debug", "route", "--date", SATURDAY])
    assert isinstance(top.exception, RuntimeError)


def test_an_unexpected_failure_without_a_message_is_named_by_its_type(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def broken(*args: Any, **kwargs: Any) -> Itinerary:
        raise AssertionError

    monkeypatch.setattr("tourplan.api.plan_trip", broken)
    result = run("route", "--date", SATURDAY)
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: unexpected failure (AssertionError)\n")


def test_debug_shows_the_library_error_itself() -> None:
    result = run("route", "--date", SATURDAY, "--must", "nowhere", "--debug")
    assert isinstance(result.exception, tourplan.UnknownPlaceError)


# -- real plans -----------------------------------------------------------------------------------


def test_a_real_plan_passes_the_independent_checks() -> None:
    args = ["--date", SATURDAY, "--days", "2", "--avoid", "Bát Tràng", "--theme", "textiles"]
    result = run("route", *args, "--max-stops", "3", "--lang", "en", "--json", "-", *FAST)
    assert result.exit_code == 0, result.output
    itinerary = itinerary_from_json(result.stdout)
    request = TripRequest.for_days(
        "hoan-kiem-lake",
        dt.date(2026, 12, 5),
        2,
        avoid=["Bát Tràng"],
        themes=["textiles"],
        max_stops_per_day=3,
    )
    assert check_itinerary(itinerary, request) == []
    assert "bat-trang" not in itinerary.village_ids
    assert [day.date for day in itinerary.days] == list(request.dates)
    assert all(1 <= len(day.stops) <= 3 for day in itinerary.days)


def test_a_real_plan_with_a_must_visit_village() -> None:
    result = run("route", "--date", SATURDAY, "--must", "Bát Tràng", "--json", "-", *FAST)
    assert result.exit_code == 0, result.output
    itinerary = itinerary_from_json(result.stdout)
    request = TripRequest.for_days("hoan-kiem-lake", dt.date(2026, 12, 5), must_visit=["Bát Tràng"])
    assert check_itinerary(itinerary, request) == []
    assert "bat-trang" in itinerary.village_ids


def test_a_real_schedule_reads_well() -> None:
    result = run("route", "--date", SATURDAY, "--deterministic")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.startswith("Thứ Bảy, 05/12/2026\n")
    assert "Khởi hành từ Hồ Hoàn Kiếm (Hồ Gươm)" in out
    assert "phút bằng ô tô" in out
    assert "Ăn trưa" in out
    assert "Ngày: " in out
    assert "Không đưa vào lịch trình" in out
    # deterministic: the same options give the same plan
    assert run("route", "--date", SATURDAY, "--deterministic").stdout == out


def test_ics_legs_add_travel_events(tmp_path: Path) -> None:
    common = ["route", "--date", SATURDAY, "--deterministic", "--ics"]
    assert run(*common, str(tmp_path / "plain.ics")).exit_code == 0
    assert run(*common, str(tmp_path / "legs.ics"), "--legs").exit_code == 0

    def events(name: str) -> int:
        calendar = icalendar.Calendar.from_ical((tmp_path / name).read_bytes())
        return len(calendar.walk("VEVENT"))

    assert events("legs.ics") > events("plain.ics") > 0


def test_plan_over_a_villages_file(tmp_path: Path, hanoi: tourplan.Villages) -> None:
    mine = [hanoi.get(v) for v in ("bat-trang", "van-phuc", "chuong")]
    path = tourplan.save_villages(mine, tmp_path / "mine.geojson")
    result = run("route", "--date", SATURDAY, "--villages", str(path), "--json", "-", *FAST)
    assert result.exit_code == 0, result.output
    itinerary = itinerary_from_json(result.stdout)
    visited_or_left = set(itinerary.village_ids) | {x.village.id for x in itinerary.left_out}
    assert visited_or_left == {"bat-trang", "van-phuc", "chuong"}


def test_a_road_graph_that_misses_the_villages_is_bad_input() -> None:
    graph = Path(__file__).parents[1] / "travel" / "data" / "tiny_osmnx.graphml"
    result = run("route", "--date", SATURDAY, "--road-graph", str(graph), *FAST)
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith("Error: ")
    assert "Traceback" not in result.output


# -- #16: reproducible plans, --seed, --short, lunch only when the day spans it ------------------


def test_plans_are_reproducible_by_default_and_seed_varies_the_search(planned: Recorder) -> None:
    assert run("route", "--date", SATURDAY).exit_code == 0
    assert run("route", "--date", SATURDAY, "--seed", "7").exit_code == 0
    assert run("route", "--date", SATURDAY, "--time-limit", "2").exit_code == 0
    default, seeded, timed = (c["search"] for c in planned)
    assert default.deterministic and default.seed == 0
    assert seeded.deterministic and seeded.seed == 7
    assert not timed.deterministic and timed.time_limit == 2


def test_an_afternoon_day_plans_without_asking_for_no_lunch(planned: Recorder) -> None:
    result = run("route", "--date", SATURDAY, "--day-start", "14:00", "--day-end", "21:00")
    assert result.exit_code == 0, result.output
    assert request_of(planned).lunch is None


def test_short_output_prints_the_days_without_the_left_out_list() -> None:
    args = ["route", "--date", SATURDAY, "--lang", "en", "--max-stops", "2"]
    full = run(*args)
    short = run(*args, "--short")
    assert full.exit_code == 0 and short.exit_code == 0, short.output
    assert "Left out" in full.stdout and "Left out" not in short.stdout
    assert "villages left out (run without --short" in short.stdout
    assert "road/visit" in short.stdout and "to park and walk in" in short.stdout
    assert len(short.stdout.splitlines()) < len(full.stdout.splitlines())
