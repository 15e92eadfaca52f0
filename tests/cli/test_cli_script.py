"""The installed ``tourplan`` console script, run in a subprocess as a user would."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import icalendar
import pytest

import tourplan
from tourplan._io import bundled_data_file
from tourplan.export.json import itinerary_from_json
from tourplan.plan import TripRequest, check_itinerary

SCRIPT = Path(sys.executable).parent / ("tourplan.exe" if os.name == "nt" else "tourplan")


@pytest.fixture(scope="module")
def tourplan_script() -> Path:
    if not SCRIPT.is_file():
        pytest.skip(f"the console script is not installed at {SCRIPT} (pip install -e .)")
    return SCRIPT


def tourplan_cmd(
    script: Path, *args: str, env: dict[str, str] | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[bytes]:
    """Run the script with its output as bytes (to check the encoding as well)."""
    return subprocess.run(
        [str(script), *args],
        capture_output=True,
        timeout=120,
        check=False,
        env={**os.environ, **(env or {})},
        cwd=cwd,
    )


@pytest.mark.slow
def test_no_options_print_a_day_plan(tourplan_script: Path) -> None:
    done = tourplan_cmd(tourplan_script, "route")
    assert done.returncode == 0, done.stderr.decode()
    out = done.stdout.decode("utf-8")
    assert out.startswith("Thứ Bảy, ")  # the next Saturday
    assert "Khởi hành từ Hồ Hoàn Kiếm (Hồ Gươm)" in out
    assert "phút bằng ô tô" in out
    assert "Về đến Hồ Hoàn Kiếm" in out
    assert "Không đưa vào lịch trình" in out
    assert done.stderr == b""  # not a terminal: no progress line


def test_ics_written_to_a_folder(tourplan_script: Path, tmp_path: Path) -> None:
    done = tourplan_cmd(
        tourplan_script, "route", "--date", "2026-12-05", "--ics", "trip.ics", "--time-limit", "1",
        cwd=tmp_path,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr.decode()
    assert done.stdout == b""
    assert done.stderr.decode() == "Wrote trip.ics\n"
    calendar = icalendar.Calendar.from_ical((tmp_path / "trip.ics").read_bytes())
    events = calendar.walk("VEVENT")
    assert events
    assert any("Bát Tràng" in str(e.get("SUMMARY")) for e in events) or events[0].get("SUMMARY")


def test_json_to_stdout_parses_and_passes_the_checks(tourplan_script: Path) -> None:
    done = tourplan_cmd(
        tourplan_script, "route", "--date", "2026-12-05", "--json", "-", "--deterministic", "-q"
    )
    assert done.returncode == 0, done.stderr.decode()
    assert done.stderr == b""  # --quiet: nothing on stderr
    data = json.loads(done.stdout)
    assert data["days"][0]["date"] == "2026-12-05"
    itinerary = itinerary_from_json(done.stdout)
    request = TripRequest.for_days("hoan-kiem-lake", itinerary.days[0].date, 1)
    assert check_itinerary(itinerary, request) == []


@pytest.mark.parametrize(
    "env",
    [
        {"PYTHONIOENCODING": "ascii"},  # a stream that cannot encode Vietnamese
        {"LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0"},
    ],
)
def test_vietnamese_is_printed_whatever_the_locale(
    tourplan_script: Path, env: dict[str, str]
) -> None:
    done = tourplan_cmd(tourplan_script, "villages", "bat trang", env=env)
    assert done.returncode == 0, done.stderr.decode()
    assert "Làng gốm Bát Tràng" in done.stdout.decode("utf-8")
    error = tourplan_cmd(tourplan_script, "villages", "--near", "Hồ Gươmm", env=env)
    assert error.returncode == 2
    assert "Hồ Gươmm" in error.stderr.decode("utf-8")


def test_bad_input_is_one_or_two_lines_without_a_traceback(tourplan_script: Path) -> None:
    done = tourplan_cmd(tourplan_script, "route", "--date", "2026-12-05", "--must", "Bat Trangg")
    assert done.returncode == 2
    err = done.stderr.decode("utf-8")
    assert err.startswith("Error: --must: no place matches 'Bat Trangg'; did you mean: bat-trang")
    assert len(err.splitlines()) == 1  # an unknown place is one line (2026-12-05)
    assert "Traceback" not in err


def test_infeasible_request_exits_1(tourplan_script: Path) -> None:
    done = tourplan_cmd(
        tourplan_script, "route", "--must", "bao-tang-gom-kim-lan", "--date", "2026-12-07"
    )
    assert done.returncode == 1
    # the reason comes in the plan's language (Vietnamese by default)
    assert "đóng cửa vào Thứ Hai 07/12" in done.stderr.decode("utf-8")


def test_debug_shows_the_traceback(tourplan_script: Path) -> None:
    done = tourplan_cmd(tourplan_script, "route", "--must", "nowhere", "--debug")
    assert done.returncode == 1  # Python's own exit code for an uncaught exception
    assert "Traceback (most recent call last)" in done.stderr.decode("utf-8")
    assert "UnknownPlaceError" in done.stderr.decode("utf-8")


def test_version_and_help(tourplan_script: Path) -> None:
    done = tourplan_cmd(tourplan_script, "--version")
    assert done.returncode == 0
    assert done.stdout.decode() == f"tourplan, version {tourplan.__version__}\n"
    bare = tourplan_cmd(tourplan_script)
    assert bare.returncode == 0
    assert b"Usage: tourplan [OPTIONS] [COMMAND]" in bare.stdout
    for command in ("route", "villages"):
        helped = tourplan_cmd(tourplan_script, command, "--help")
        assert helped.returncode == 0
        assert f"Usage: tourplan {command} [OPTIONS]".encode() in helped.stdout


def test_outputs_through_a_link_and_into_a_pipe_and_dev_null(
    tourplan_script: Path, tmp_path: Path
) -> None:
    # a reviewer's "--json fifo" turned the pipe into a regular file and "--json link.json"
    # replaced the link: the outputs go where a shell's ">" would send them
    import threading

    (tmp_path / "target.json").write_text("old")
    (tmp_path / "link.json").symlink_to("target.json")
    os.mkfifo(tmp_path / "pipe.geojson")
    received: list[bytes] = []
    reader = threading.Thread(
        target=lambda: received.append((tmp_path / "pipe.geojson").read_bytes()), daemon=True
    )
    reader.start()
    done = tourplan_cmd(
        tourplan_script, "route", "--date", "2026-12-05", "--deterministic", "-q",
        "--json", "link.json", "--geojson", "pipe.geojson", "--ics", os.devnull,
        cwd=tmp_path,
    )  # fmt: skip
    reader.join(timeout=60)
    assert done.returncode == 0, done.stderr.decode()
    assert (tmp_path / "link.json").is_symlink()
    assert json.loads((tmp_path / "target.json").read_text())["days"]
    assert (tmp_path / "pipe.geojson").is_fifo()
    assert received and json.loads(received[0])["type"] == "FeatureCollection"
    assert Path(os.devnull).is_char_device()
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "link.json",
        "pipe.geojson",
        "target.json",
    ]


@pytest.mark.slow  # geopy's RateLimiter waits 5 s before each of its 2 retries
def test_online_lookup_without_network_prints_only_our_line(
    tourplan_script: Path, tmp_path: Path
) -> None:
    # found on 2026-12-02 by review: with no network, `--online` printed geopy's "RateLimiter
    # caught an error, retrying" warnings, each with a urllib3 traceback, before our error.
    # No network is simulated without touching it: geopy takes its proxy from HTTPS_PROXY,
    # and a proxy on the local discard port refuses the connection at once.
    no_network = {
        "HTTPS_PROXY": "http://127.0.0.1:9",
        "https_proxy": "http://127.0.0.1:9",
        "NO_PROXY": "",
        "no_proxy": "",
        "XDG_CACHE_HOME": str(tmp_path / "cache"),  # no cached answer for the address
    }
    address = "12 Hàng Bạc, Hoàn Kiếm"
    done = tourplan_cmd(
        tourplan_script, "route", "--online", "--start", address, "--date", "2026-12-05",
        env=no_network,
    )  # fmt: skip
    assert done.returncode == 2
    assert done.stdout == b""
    assert done.stderr.decode("utf-8") == (
        f"Error: geocoding '{address}' with Nominatim failed: cannot connect to "
        "nominatim.openstreetmap.org; check the network, or give the place as 'LAT,LON'\n"
    )


def test_a_lunch_as_long_as_the_day_is_refused(tourplan_script: Path) -> None:
    # found on 2026-12-02 by review: a 9.5 h lunch in the day 08:00-17:30 printed an empty
    # day and exited 0
    done = tourplan_cmd(
        tourplan_script, "route", "--date", "2026-12-05", "--lunch", "08:00-09:00/570"
    )
    assert done.returncode == 2
    assert done.stdout == b""
    assert done.stderr.decode("utf-8") == (
        "Error: invalid value for --lunch: lunch (08:00-09:00, 570 min) leaves no time for a "
        "visit in the day 08:00-17:30 (570 min)\n"
    )


def test_a_villages_file_with_a_village_twice_is_refused(
    tourplan_script: Path, tmp_path: Path
) -> None:
    # found on 2026-12-02 by review: Bát Tràng copied under a new id, 33 m away, was planned
    # as two villages and both were visited on one day
    bundled = bundled_data_file("villages.csv")
    assert bundled is not None
    lines = bundled.read_text(encoding="utf-8").splitlines()
    bat_trang = next(line for line in lines if line.startswith("bat-trang,"))
    copy = bat_trang.replace("bat-trang,", "bat-trang-2,", 1).replace(",20.983,", ",20.9833,", 1)
    villages = tmp_path / "mine.csv"
    villages.write_text("\n".join([*lines[:3], copy, *lines[3:]]) + "\n", encoding="utf-8")
    done = tourplan_cmd(
        tourplan_script, "route", "--villages", str(villages), "--date", "2026-12-05"
    )
    assert done.returncode == 2
    assert done.stdout == b""
    assert done.stderr.decode("utf-8") == (
        f"Error: {villages}, row 4, field 'name_vi': 'bat-trang-2' is 'bat-trang' of row 2 "
        "again: the same name 'Làng gốm Bát Tràng', 33 m apart; keep one of them (places of "
        "one name more than 100 m apart are kept as two)\n"
    )
