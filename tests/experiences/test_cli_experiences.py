"""The issue's command through the installed console script: a pottery session at Bát Tràng
inside its hours, costs shown and summed in text, JSON, .ics, GeoJSON and the map page."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import icalendar
import jsonschema
import pytest

from tourplan.export.json import itinerary_schema, read_json
from tourplan.plan import TripRequest, check_itinerary

SCRIPT = Path(sys.executable).parent / ("tourplan.exe" if os.name == "nt" else "tourplan")
ISSUE = ("--date", "2026-12-05", "--experience", "pottery making", "--party", "4")
ISSUE += ("--budget", "600000")


def _run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    if not SCRIPT.is_file():
        pytest.skip(f"the console script is not installed at {SCRIPT} (pip install -e .)")
    return subprocess.run(
        [str(SCRIPT), "route", "-q", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
        check=False,
        cwd=cwd,
    )


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("pottery")
    done = _run(
        *ISSUE,
        "--json",
        "trip.json",
        "--ics",
        "trip.ics",
        "--html",
        "trip.html",
        "--geojson",
        "trip.geojson",
        cwd=folder,
    )
    assert done.returncode == 0, done.stderr
    return folder


@pytest.mark.slow
def test_the_text_shows_the_session_prices_and_totals() -> None:
    done = _run(*ISSUE, "--lang", "en", "--short")
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert "Bat Trang ceramics museum" in out
    assert "Experience: pottery making " in out
    assert "4 × 70,000 ₫ = 280,000 ₫" in out
    assert "entrance 4 × 60,000 ₫ = 240,000 ₫" in out
    assert "Costs: 520,000 ₫ (fees 240,000 ₫, experiences 280,000 ₫)" in out
    assert "4 people" in out


@pytest.mark.slow
def test_json_holds_the_booking_and_totals_and_reads_back_checked(outputs: Path) -> None:
    data = json.loads((outputs / "trip.json").read_text("utf-8"))
    jsonschema.validate(data, itinerary_schema())
    assert data["costs"]["total_vnd"] == 520_000
    assert data["costs"]["days"][0]["total_vnd"] == 520_000
    (booked,) = [s for d in data["days"] for s in d["stops"] if "booking" in s]
    assert booked["village"]["id"] == "bao-tang-gom-bat-trang"
    assert booked["booking"]["cost"] == 280_000
    itinerary = read_json(outputs / "trip.json")
    request = TripRequest.for_days(
        "hoan-kiem-lake",
        "2026-12-05",
        experiences=("pottery making",),
        party=4,
        budget_vnd=600_000,
    )
    assert check_itinerary(itinerary, request) == []


@pytest.mark.slow
def test_ics_geojson_and_the_map_page_show_costs(outputs: Path) -> None:
    calendar = icalendar.Calendar.from_ical((outputs / "trip.ics").read_bytes())
    described = " ".join(str(e.get("DESCRIPTION")) for e in calendar.walk("VEVENT"))
    assert "Nặn gốm" in described and "280.000 ₫" in described
    assert "Chi phí cả ngày: 520.000 ₫" in described  # the day's, not the visit's
    assert "520.000 ₫" in str(calendar.get("X-WR-CALDESC"))
    geo = json.loads((outputs / "trip.geojson").read_text("utf-8"))
    assert geo["costs"]["total_vnd"] == 520_000
    assert any(f["properties"].get("experience_cost") == 280_000 for f in geo["features"])
    page = (outputs / "trip.html").read_text("utf-8")
    assert 'class="tp-booking"' in page and "280.000 ₫" in page
    assert 'class="tp-trip-costs">Chi phí: 520.000 ₫' in page


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (("--party", "0"), "--party"),
        (("--budget", "-5"), "--budget"),
        (("--experience", "potery"), "--experience: no experience matches 'potery'"),
        (
            ("--experience", "bat-trang-workshop-pot", "--avoid", "bat-trang"),
            "happens at bat-trang, a place to avoid",
        ),
        (
            ("--experience", "pottery making", "--party", "4", "--budget", "300000"),
            "over the budget of 300000 VND",
        ),
        (("--experiences", "missing.csv", "--with-experiences"), "missing.csv"),
    ],
)
def test_bad_requests_get_one_line_and_no_traceback(args: tuple[str, ...], needle: str) -> None:
    done = _run("--date", "2026-12-05", *args)
    assert done.returncode != 0
    assert needle in done.stderr
    assert "Traceback" not in done.stderr


def test_a_bad_experiences_file_is_refused_even_when_no_experience_is_asked(
    tmp_path: Path,
) -> None:
    """Regression (2026-12-05): the file was read only when an experience was used, so a
    file without the required columns planned (exit 0) as if it were fine."""
    bad = tmp_path / "experiences.csv"
    bad.write_text("id,foo\nx,1\n", encoding="utf-8")
    done = _run("--date", "2026-12-05", "--deterministic", "--experiences", str(bad))
    assert done.returncode == 2, done.stdout
    (line,) = done.stderr.splitlines()
    assert line.startswith(f"Error: {bad}, row 1, field 'place_id': missing required column")
    assert done.stdout == ""


def test_a_price_in_another_currency_is_refused_not_taken_as_dong(tmp_path: Path) -> None:
    """Regression: with ``currency`` USD on pottery-making, ``route --experience
    pottery-making --budget 200000`` exited 0 and printed "70,000 ₫": a USD price was taken
    as đồng and checked against a đồng budget. There are no exchange rates, so it is refused."""
    bundled = Path(__file__).parents[2] / "data" / "experiences.csv"
    lines = bundled.read_text("utf-8").splitlines(keepends=True)
    assert lines[1].startswith("pottery-making,") and ",70000,VND," in lines[1]
    lines[1] = lines[1].replace(",70000,VND,", ",70000,USD,")
    mine = tmp_path / "x.csv"
    mine.write_text("".join(lines), encoding="utf-8")
    done = _run(
        "--date", "2026-12-05", "--experiences", str(mine),
        "--experience", "pottery-making", "--budget", "200000",
    )  # fmt: skip
    assert done.returncode == 2, done.stdout
    (line,) = done.stderr.splitlines()
    assert line.startswith(f"Error: {mine}, row 2, field 'currency': currency USD ")
    assert done.stdout == ""
