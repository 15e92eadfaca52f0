"""Issue #19: a catalogue's numbers are bounded (routes, stops, routes per village, time).

Each bound is refused before any work with a one-line message naming the option (the CLI, as
the installed console script) or the field (the library).
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

import tourplan
from tourplan.catalogue import CatalogueRequest
from tourplan.catalogue.request import MAX_ROUTES, MAX_STOPS

SCRIPT = Path(sys.executable).parent / "tourplan"
SATURDAY = dt.date(2026, 12, 5)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("routes", MAX_ROUTES + 1),
        ("routes", 10**30),
        ("routes", 0),
        ("max_routes_per_village", MAX_ROUTES + 1),
        ("min_stops", MAX_STOPS + 1),
        ("max_stops", 10**20),
        ("max_stops", 0),
        ("routes", 2.5),
        ("min_stops", True),
    ],
)
def test_the_library_refuses_an_unbounded_number_naming_the_field(
    field: str, value: object
) -> None:
    with pytest.raises(tourplan.DataError) as caught:
        CatalogueRequest(date=SATURDAY, **{field: value})  # type: ignore[arg-type]
    assert caught.value.field == field
    assert "\n" not in str(caught.value)


def test_the_bounds_themselves_are_accepted() -> None:
    request = CatalogueRequest(
        date=SATURDAY, routes=MAX_ROUTES, max_routes_per_village=MAX_ROUTES, max_stops=MAX_STOPS
    )
    assert request.routes == MAX_ROUTES
    assert CatalogueRequest(date=SATURDAY, min_stops=MAX_STOPS, max_stops=None).max_stops is None


@pytest.mark.parametrize(
    ("option", "value"),
    [
        ("--routes", "1000000000000000000000"),
        ("--routes", str(MAX_ROUTES + 1)),
        ("--max-per-village", str(MAX_ROUTES + 1)),
        ("--min-stops", str(MAX_STOPS + 1)),
        ("--max-stops", "99999999999"),
        ("--time-limit", "inf"),
        ("--time-limit", "nan"),
        ("--time-limit", "1e300"),
    ],
)
def test_the_console_script_refuses_an_unbounded_number_naming_the_option(
    tmp_path: Path, option: str, value: str
) -> None:
    if not SCRIPT.is_file():
        pytest.skip(f"the console script is not installed at {SCRIPT} (pip install -e .)")
    done = subprocess.run(
        [str(SCRIPT), "catalogue", "--date", SATURDAY.isoformat(), "--out", str(tmp_path / "c"),
         option, value],
        capture_output=True, timeout=60, check=False, text=True,
    )  # fmt: skip
    assert done.returncode == 2, done.stderr
    lines = done.stderr.strip().splitlines()
    assert 1 <= len(lines) <= 2 and lines[0].startswith("Error:"), done.stderr
    assert option in lines[0]
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "c").exists()
