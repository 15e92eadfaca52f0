"""``tourplan catalogue``: writes the folder, prints a summary, and maps bad input to exit 2."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

import tourplan
from tourplan.catalogue import CatalogueRequest
from tourplan.cli import main
from tourplan.export import read_json
from tourplan.plan import check_itinerary

SATURDAY = "2026-12-05"
MONDAY = "2026-12-07"
SCRIPT = Path(sys.executable).parent / ("tourplan.exe" if os.name == "nt" else "tourplan")


def run(*args: str) -> Result:
    return CliRunner().invoke(main, ["catalogue", *args])


def test_three_routes_are_written_to_the_folder(tmp_path: Path) -> None:
    out = tmp_path / "cat"
    result = run("--routes", "3", "--date", SATURDAY, "--out", str(out), "--deterministic")
    assert result.exit_code == 0, result.output
    data = json.loads((out / "catalogue.json").read_text("utf-8"))
    assert len(data["routes"]) == 3
    assert data["request"]["date"] == SATURDAY
    for route in data["routes"]:
        assert route["name_vi"] in result.stdout
        for path in route["files"].values():
            assert (out / path).is_file()
    assert (out / "README.md").read_text("utf-8").startswith("# Các tuyến trải nghiệm")
    assert "Bao phủ " in result.stdout  # the coverage line, in Vietnamese by default
    assert "Thứ Bảy 05/12/2026" in result.stdout
    assert f"Wrote 11 files to {out}/" in result.stderr


def test_json_english_options_and_any_day(tmp_path: Path) -> None:
    result = run(
        "--routes", "2", "--max-per-village", "2", "--date", SATURDAY, "--out", str(tmp_path),
        "--deterministic", "--lang", "en", "--json", "--any-day", "--max-stops", "3",
        "--min-stops", "1", "--lunch", "none", "--mode", "motorbike", "--pace", "quick",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    request = data["request"]
    assert request["max_routes_per_village"] == 2
    assert request["any_day"] is True
    assert (request["min_stops"], request["max_stops"]) == (1, 3)
    assert request["lunch"] is None
    assert (request["mode"], request["pace"]) == ("motorbike", "quick")
    # a catalogue is of craft villages: the weekend-only Kim Lan museum, like every sight,
    # stays out unless asked for
    assert "bao-tang-gom-kim-lan" not in data["covered"]
    assert not set(data["covered"]) & set(tourplan.load_hanoi().sights().ids)
    assert (tmp_path / "README.md").read_text("utf-8").startswith("# Craft-village")


def test_default_folder_is_named_after_the_date(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = run("--routes", "1", "--date", SATURDAY, "--deterministic", "-q")
    assert result.exit_code == 0, result.output
    assert (tmp_path / f"catalogue-{SATURDAY}" / "catalogue.json").is_file()
    assert result.stderr == ""  # --quiet


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--routes", "0"], "Invalid value for '--routes'"),
        (["--max-per-village", "0"], "Invalid value for '--max-per-village'"),
        # r larger than K: the library refuses it, the message names the option
        (["--routes", "2", "--max-per-village", "3"], "invalid value for --max-per-village"),
        (["--min-stops", "4", "--max-stops", "3"], "invalid value for --max-stops"),
        (["--must-theme", "pottery"], "Invalid value for '--must-theme'"),
        (["--date", "5/12/2026"], "not a date like"),
        (["--hub", "nowhere-at-all"], "--hub: no place matches"),
        (["--day-start", "17:00", "--day-end", "08:00"], "invalid value for --day-end"),
    ],
)
def test_bad_input_exits_2_naming_the_problem(
    tmp_path: Path, args: list[str], message: str
) -> None:
    result = run(*args, "--out", str(tmp_path), "--deterministic")
    assert result.exit_code == 2, result.output
    assert message in result.stderr
    assert "Traceback" not in result.output
    assert not (tmp_path / "catalogue.json").exists()


def test_unknown_must_village_exits_2_with_a_suggestion(tmp_path: Path) -> None:
    result = run("--must", "Bat Trangg", "--out", str(tmp_path), "--deterministic")
    assert result.exit_code == 2
    assert "--must: no place matches 'Bat Trangg'; did you mean: bat-trang" in result.stderr


def test_a_must_village_closed_on_the_date_exits_1(tmp_path: Path) -> None:
    # the weekend-only Kim Lan museum: a sight, in the catalogue because it is asked for
    museum = "bao-tang-gom-kim-lan"
    result = run("--must", museum, "--date", MONDAY, "--out", str(tmp_path), "--deterministic")
    assert result.exit_code == 1
    assert "cannot plan this trip" in result.stderr
    assert museum in result.stderr


def test_help_names_the_default_date() -> None:
    result = run("--help")
    assert result.exit_code == 0
    assert "next Saturday" in result.stdout
    assert "--max-per-village" in result.stdout


@pytest.mark.slow
def test_console_script_writes_ten_valid_routes(tmp_path: Path) -> None:
    if not SCRIPT.is_file():
        pytest.skip(f"the console script is not installed at {SCRIPT} (pip install -e .)")
    out = tmp_path / "ten"
    done = subprocess.run(
        [str(SCRIPT), "catalogue", "--routes", "10", "--date", SATURDAY, "--out", str(out),
         "--time-limit", "3"],
        capture_output=True, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr.decode()
    summary = done.stdout.decode("utf-8")
    assert "Bao phủ " in summary
    data = json.loads((out / "catalogue.json").read_text("utf-8"))
    assert len(data["routes"]) == 10
    assert data["overlap"] == {}
    trip = CatalogueRequest(date=dt.date.fromisoformat(data["request"]["date"])).trip_request()
    seen: set[str] = set()
    for route in data["routes"]:
        assert route["name_vi"] in summary
        itinerary = read_json(out / route["files"]["json"])
        assert check_itinerary(itinerary, trip) == []
        assert list(itinerary.village_ids) == route["stops"]
        assert seen.isdisjoint(route["stops"])
        seen.update(route["stops"])
        assert (out / route["files"]["ics"]).read_bytes().startswith(b"BEGIN:VCALENDAR")
    assert len(list((out / "routes").iterdir())) == 30


def test_notes_come_in_the_chosen_language(tmp_path: Path) -> None:
    # 61 bundled villages cannot fill 40 routes of at least two stops each.
    result = run(
        "--routes",
        "40",
        "--date",
        "2026-12-05",
        "--deterministic",
        "--lang",
        "en",
        "--out",
        str(tmp_path / "out"),
    )
    assert result.exit_code == 0, result.output
    assert "Note: asked for 40 routes" in result.stdout + result.stderr
    assert "yêu cầu" not in result.stdout + result.stderr


@pytest.mark.slow
@pytest.mark.parametrize("day_start", ["13:00", "14:00"])
def test_a_catalogue_day_starting_after_lunch_time_has_no_default_lunch(
    tmp_path: Path, day_start: str
) -> None:
    """Found by review: ``--day-start 13:00`` opened every route with lunch at the hub
    (13:00-14:00), and ``--day-start 14:00`` was refused for a ``--lunch`` never given; a
    ``tourplan route`` day drops its default lunch there."""
    if not SCRIPT.is_file():
        pytest.skip(f"the console script is not installed at {SCRIPT} (pip install -e .)")
    out = tmp_path / "cat"
    done = subprocess.run(
        [str(SCRIPT), "catalogue", "--date", SATURDAY, "--day-start", day_start, "--routes", "2",
         "--deterministic", "--json", "--out", str(out)],
        capture_output=True, text=True, timeout=120, check=False,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["request"]["lunch"] is None
    assert data["routes"]
    for route in data["routes"]:
        assert route["departure"] == f"{SATURDAY}T{day_start}:00+07:00"
        plan = json.loads((out / route["files"]["json"]).read_text("utf-8"))
        assert plan["days"][0]["breaks"] == [], plan["days"][0]["breaks"]
    asked = subprocess.run(
        [str(SCRIPT), "catalogue", "--date", SATURDAY, "--day-start", "14:00",
         "--lunch", "11:00-13:00/60", "--out", str(tmp_path / "asked")],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert asked.returncode == 2  # a lunch asked for that cannot be had is still refused
    assert asked.stderr == (
        "Error: invalid value for --lunch: lunch (11:00-13:00, 60 min) does not fit in the "
        "day 14:00-17:30\n"
    )
