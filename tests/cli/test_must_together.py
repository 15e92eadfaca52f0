"""Must-visit villages that each fit the day but not together: the reason in clock time.

Through the installed console script, as a user runs it (issue #15 item 5): the routing core
counts seconds since midnight, the traveller reads "reached at 16:17 at the earliest".
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(sys.executable).parent / ("tourplan.exe" if os.name == "nt" else "tourplan")
# Đường Lâm is far west, Bát Tràng east: with Vạn Phúc between them no order makes it to
# Bát Tràng before its last start (found with the deterministic search, 2026-12-05).
REQUEST = [
    "route",
    "--date",
    "2026-12-05",
    "--must",
    "van-phuc",
    "--must",
    "bat-trang",
    "--must",
    "duong-lam",
    "--deterministic",
]


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    if not SCRIPT.is_file():
        pytest.skip(f"the console script is not installed at {SCRIPT} (pip install -e .)")
    return subprocess.run(
        [str(SCRIPT), *args], capture_output=True, text=True, timeout=300, check=False
    )


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("en", r"is reached at (\d\d:\d\d) at the earliest; it must be started by (\d\d:\d\d)"),
        ("vi", r"đến sớm nhất lúc (\d\d:\d\d); phải bắt đầu tham quan chậm nhất lúc (\d\d:\d\d)"),
    ],
)
def test_must_visits_that_do_not_fit_together_say_when_in_clock_time(lang: str, words: str) -> None:
    done = _run(*REQUEST, "--lang", lang)
    assert done.returncode == 1, done.stdout + done.stderr
    err = done.stderr
    assert "Traceback" not in err
    found = re.search(words, err)
    assert found, err
    reached, latest = found.groups()
    assert reached > latest  # too late, and said so with times of day
    assert "Bat Trang" in err or "Bát Tràng" in err
    assert not re.search(r"\b\d{5}\b", err), err  # no seconds since midnight left


def test_the_library_carries_the_conflict_on_the_trip_clock() -> None:
    import datetime as dt

    from tourplan import plan_trip
    from tourplan.plan import MustTogetherError, TripRequest
    from tourplan.routing import SearchParameters
    from tourplan.text import explain_conflict

    request = TripRequest.for_days(
        "hoan-kiem-lake",
        dt.date(2026, 12, 5),
        1,
        must_visit=("van-phuc", "bat-trang", "duong-lam"),
    )
    with pytest.raises(MustTogetherError) as caught:
        plan_trip(request, search=SearchParameters(deterministic=True))
    conflict = caught.value.conflict
    assert conflict.date == dt.date(2026, 12, 5)
    assert {v.id for v in conflict.villages} == {"van-phuc", "bat-trang", "duong-lam"}
    assert conflict.kind == "late_visit" and conflict.village is not None
    assert conflict.earliest is not None and conflict.latest is not None
    assert conflict.earliest > conflict.latest
    assert conflict.earliest.date() == dt.date(2026, 12, 5)
    assert conflict.village.id in caught.value.reasons[0]
    assert f"{conflict.earliest:%H:%M}" in explain_conflict(conflict, "en")
