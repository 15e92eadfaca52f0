"""bench/realism.py run as a user runs it: a tiny tours file in, the table and summary out."""

from __future__ import annotations

import csv
import json
import re
import sys
from collections.abc import Callable
from pathlib import Path
from subprocess import CompletedProcess

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "bench" / "realism.py"
Runner = Callable[..., CompletedProcess[str]]

TOURS = [
    {  # a half day with no lunch: the request gets lunch None
        "id": "half-day-bat-trang",
        "start": "downtown Hanoi hotel (pick-up)",
        "day_start": "08:00",
        "day_end": "12:30",
        "transport": "car with guide",
        "lunch": None,
        "stops": [{"name": "Bat Trang", "village_id": "bat-trang", "kind": "dataset"}],
    },
    {  # boat -> car with a note; a sight that tourplan cannot plan; the title asks for silk
        "id": "boat-old-quarter",
        "title": "Silk and a temple by boat",
        "start": "hotel in the Old Quarter",
        "day_start": None,
        "day_end": None,
        "transport": "boat",
        "lunch": {"time": None, "place": "riverside"},
        "stops": [
            {"name": "Van Phuc", "village_id": "van-phuc", "kind": "dataset"},
            {"name": "Temple of Literature", "village_id": None, "kind": "sight"},
        ],
    },
]


@pytest.mark.slow
def test_realism_script_prints_table_and_summary(tmp_path: Path, run_bench: Runner) -> None:
    tours = tmp_path / "tours.json"
    tours.write_text(json.dumps(TOURS), encoding="utf-8")
    md, table = tmp_path / "realism.md", tmp_path / "realism.csv"

    done = run_bench(
        "realism.py",
        "--tours",
        str(tours),
        "--deterministic",
        "--markdown",
        str(md),
        "--csv",
        str(table),
    )

    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert any(line.startswith("# date 2026-12-05 (Saturday), deterministic") for line in lines)
    header = next(line for line in lines if line.startswith("tour "))
    for column in ("start", "mode", "free plan villages", "stops/day", "drive/visit", "J"):
        assert column in header
    cut = next(k for k, line in enumerate(lines) if line.startswith("# as asked"))
    plain_lines, asked_lines = lines[:cut], lines[cut:]
    rows = {
        line.split()[0]: line.split() for line in plain_lines if line.startswith(("half", "boat"))
    }
    assert rows["half-day-bat-trang"][1:5] == ["hoan-kiem-lake", "car", "08:00-12:30", "none"]
    # the footnote marker [n] follows the id of the boat tour
    assert rows["boat-old-quarter"][2:6] == ["old-quarter", "car", "08:00-17:30", "yes"]
    assert any(line.startswith("(tourplan route)") for line in lines)
    assert any("boat -> car" in line for line in lines)

    summary = "\n".join(lines)
    assert re.search(r"^tours: 2$", summary, re.M)
    assert re.search(r"^mean Jaccard \(free plan vs human villages\): \d\.\d{3}$", summary, re.M)
    assert re.search(r"^human sets that schedule as must-visits: [0-2]/2$", summary, re.M)
    assert re.search(r"^median stops per day \(free plans\): \d+(\.\d+)?$", summary, re.M)
    assert re.search(r"^mean drive/visit ratio \(free plans\): \d+\.\d{2}$", summary, re.M)
    assert re.search(r"^check_itinerary violations: 0$", summary, re.M)
    assert re.search(r"^free plans that cross town \(.*\): [0-2]/2$", summary, re.M)
    assert re.search(r"^plans as asked that cross town \(.*\): [0-2]/2$", summary, re.M)
    assert re.search(r"^mean drive/visit ratio as asked: \d+\.\d{2}$", summary, re.M)

    assert md.read_text(encoding="utf-8").startswith("| tour | start | mode |")
    with table.open(encoding="utf-8", newline="") as handle:
        written = list(csv.DictReader(handle))
    assert [r["tour"] for r in written] == [
        "half-day-bat-trang",
        "boat-old-quarter",
        "(tourplan route)",
    ]
    assert written[0]["human_villages"] == "bat-trang"

    # as asked: beside the plain mapping, never instead of it
    assert re.search(r"^mean Jaccard as asked \(sights, title themes, half day\): \d\.\d{3}$",
                     summary, re.M)  # fmt: skip
    assert re.search(r"^best mean Jaccard any planner could reach as asked: \d\.\d{3}$",
                     summary, re.M)  # fmt: skip
    asked = {line.split()[0]: line for line in asked_lines if line.startswith(("half", "boat"))}
    # "silk" is a craft word of the data; the Temple of Literature is a bundled sight now
    assert "textiles" in asked["boat-old-quarter"]
    assert "sights van-mieu" in written[1]["asked"] and "textiles" in written[1]["asked"]
    assert written[1]["asked_jaccard"] != ""
    assert "As asked:" in md.read_text(encoding="utf-8")


def test_asked_reads_sights_themes_and_half_days_never_village_names() -> None:
    import tourplan

    sys.path.insert(0, str(SCRIPT.parent))
    from asked import asked, vocabulary

    places = list(tourplan.load_hanoi())
    words = vocabulary(places)
    tour = {
        "title": "Half-day tour: Bat Trang pottery and Tay Phuong pagoda",
        "stops": [
            {"name": "Chùa Tây Phương (Thạch Thất)", "kind": "sight"},
            {"name": "Bat Trang", "village_id": "bat-trang", "kind": "dataset"},
            {"name": "Somewhere unknown", "kind": "sight"},
        ],
    }
    wish = asked(tour, places, words)
    assert wish.sights == ("chua-tay-phuong",)
    assert "ceramics" in wish.themes and wish.half_day
    # a village's name alone asks for nothing: "Dong" of "Dong Ho" is not the vermicelli
    names_only = asked({"title": "Bat Trang and Dong Ho villages", "stops": []}, places, words)
    assert names_only.themes == () and not names_only.half_day


def test_realism_script_exits_2_naming_a_missing_tours_file(
    tmp_path: Path, run_bench: Runner
) -> None:
    missing = tmp_path / "nowhere" / "tours.json"

    done = run_bench("realism.py", "--tours", str(missing), "--deterministic")

    assert done.returncode == 2
    assert "tours file not found" in done.stderr
    assert str(missing) in done.stderr
    assert done.stdout == ""
