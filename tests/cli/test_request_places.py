"""Where a trip starts, ends, turns around or measures from, refused in the option's name.

Found on 2026-12-05 by review, through the installed console script:

- ``route --start 10.77,106.70`` (Hồ Chí Minh City, 2,300 minutes away) answered exit 0 with
  empty days and ``catalogue --hub`` there wrote a catalogue of 0 routes, while ``--end``
  there was refused: the start and the hub now are, by the same rule;
- a position outside Vietnam said ``invalid place`` (or ``field 'lon'``) without the option.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(sys.executable).parent / ("tourplan.exe" if os.name == "nt" else "tourplan")
ROUTE = ("route", "--deterministic", "-q", "--short", "--date", "2026-12-05")
CATALOGUE = ("catalogue", "--deterministic", "-q", "--routes", "2", "--date", "2026-12-05")
SAIGON = "10.77,106.70"


def _refused(*args: str) -> str:
    """Run the console script; require exit 2, nothing on stdout, and one line on stderr."""
    if not SCRIPT.is_file():
        pytest.skip(f"the console script is not installed at {SCRIPT} (pip install -e .)")
    done = subprocess.run(
        [str(SCRIPT), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
        check=False,
    )
    assert done.returncode == 2, done.stdout + done.stderr
    assert done.stdout == ""
    lines = done.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), done.stderr
    return lines[0]


def test_a_start_far_from_every_village_is_refused_like_a_far_end() -> None:
    line = _refused(*ROUTE, "--start", SAIGON)
    assert line.startswith("Error: invalid value for --start: the journey from 10.77, 106.7")
    assert "longer than the day window 08:00-17:30" in line
    end = _refused(*ROUTE, "--end", SAIGON)  # the rule the start now shares
    assert end.startswith("Error: invalid value for --end: the journey from")
    assert "longer than the day window 08:00-17:30" in end


def test_a_start_a_day_from_the_villages_but_not_there_and_back_is_refused() -> None:
    """Regression: ``route --start 23.39,104.0 --date 2026-12-05 --lang en`` (Lào Cai, about
    600 km from Hanoi) exited 0 with "No village fits this day.": the nearest village was
    570 min away, was within the 570-min day one way, so the rule refusing 10.77,106.70 let
    it through. A day that returns to its start must also come back."""
    line = _refused(*ROUTE, "--lang", "en", "--start", "23.39,104.0")
    assert line.startswith(
        "Error: invalid value for --start: the journey from 23.39, 104 to the nearest village, "
    )
    assert ", and back takes 1140 min (mode car)" in line
    assert "longer than the day window 08:00-17:30 (570 min)" in line


def test_a_hub_far_from_every_village_writes_no_catalogue(tmp_path: Path) -> None:
    out = tmp_path / "catalogue"
    line = _refused(*CATALOGUE, "--hub", SAIGON, "--out", str(out))
    assert line.startswith("Error: invalid value for --hub: the journey from 10.77, 106.7")
    assert not out.exists()


@pytest.mark.parametrize(
    ("args", "option"),
    [
        ((*ROUTE, "--start", "0,0"), "--start"),
        ((*ROUTE, "--end", "0,0"), "--end"),
        ((*CATALOGUE, "--hub", "0,0"), "--hub"),
        (("villages", "--near", "0,0"), "--near"),
    ],
)
def test_a_position_outside_vietnam_names_its_option(args: tuple[str, ...], option: str) -> None:
    line = _refused(*args)
    assert line == (
        f"Error: invalid value for {option}: position 0, 0 is outside Vietnam; "
        "tourplan plans trips in Vietnam"
    )


@pytest.mark.parametrize(
    ("args", "option"),
    [
        ((*CATALOGUE, "--hub", "91,200"), "--hub"),  # was blamed on --start
        (("villages", "--near", "21,200"), "--near"),  # was "field 'lon'"
    ],
)
def test_a_position_out_of_range_names_its_option(args: tuple[str, ...], option: str) -> None:
    assert _refused(*args).startswith(f"Error: invalid value for {option}: ")
