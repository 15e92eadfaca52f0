"""What a guide would correct in a printed plan, through the installed console script.

Regressions (2026-12-01): ``--start "Bát Tràng"`` printed a 5-min, 0.0 km journey to the
village the day starts at (the mode's access time); every stop said "15 min to park and walk
in", also on foot and by bicycle.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(sys.executable).parent / ("tourplan.exe" if os.name == "nt" else "tourplan")


def _run(*args: str, date: str = "2026-12-05") -> subprocess.CompletedProcess[str]:
    if not SCRIPT.is_file():
        pytest.skip(f"the console script is not installed at {SCRIPT} (pip install -e .)")
    done = subprocess.run(
        [str(SCRIPT), "route", "--date", date, "--deterministic", *args],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        env={**os.environ, "COLUMNS": "200"},
    )
    assert done.returncode == 0, done.stderr
    return done


def test_a_day_that_starts_at_a_village_has_no_journey_to_it() -> None:
    done = _run("--start", "Bát Tràng", "--lang", "en")
    assert "0.0 km" not in done.stdout, done.stdout
    lines = done.stdout.splitlines()
    assert lines[1].split() == ["08:00", "Leave", "Bat", "Trang", "pottery", "village"]
    assert lines[2].lstrip().startswith("08:00–"), done.stdout  # the visit starts at once
    plan = json.loads(_run("--start", "bat-trang", "--json", "-").stdout)
    first = plan["days"][0]["legs"][0]
    assert first["origin"] == first["destination"] == "bat-trang"
    assert first["depart"] == first["arrive"]


@pytest.mark.parametrize(
    ("mode", "lang", "words"),
    [
        ("walk", "en", "+ 15 min to find the way in"),
        ("walk", "vi", "+ 15 phút tìm lối vào"),
        ("bicycle", "en", "+ 15 min to lock the bicycles and walk in"),
        ("bus", "en", "+ 15 min to get off the coach and walk in"),
        ("car", "en", "+ 15 min to park and walk in"),
        ("car", "vi", "+ 15 phút gửi xe và đi vào"),
    ],
)
def test_the_stop_time_is_said_as_it_is_for_the_mode(mode: str, lang: str, words: str) -> None:
    out = _run("--mode", mode, "--lang", lang).stdout
    assert words in out, out
    if mode in ("walk", "bicycle"):
        assert "park and walk in" not in out and "gửi xe và" not in out


@pytest.mark.parametrize(
    ("lang", "words", "wrong"),
    [
        ("en", "a stay in two parts around lunch, 4 h 30 min in all", "quick look"),
        ("vi", "ở lại hai phần quanh bữa trưa, tổng 4 giờ 30 phút", "xem nhanh"),
    ],
)
def test_a_stay_split_by_lunch_is_said_as_one_stay(lang: str, words: str, wrong: str) -> None:
    """Regression: the part before lunch of Đường Lâm's 4 h 30 min stay was called "a short
    visit … a quick look, so the day holds more"."""
    out = _run("--days", "3", "--lang", lang, date="2027-02-06").stdout
    assert words in out, out
    assert wrong not in out, out
