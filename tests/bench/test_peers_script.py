"""bench/peers.py run as a user runs it: tourplan and PyVRP side by side on the same rows."""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path
from subprocess import CompletedProcess

import pytest

Runner = Callable[..., CompletedProcess[str]]


@pytest.mark.usefixtures("pyvrp_installed")
def test_a_public_row_and_a_random_one_get_a_valid_plan_from_each_solver(
    tmp_path: Path, run_bench: Runner
) -> None:
    out = tmp_path / "peers.csv"
    run = run_bench(
        "peers.py", "--time-limit", "0.5", "--rows", "c101:1", "--random", "30:2", "--csv", str(out)
    )
    assert run.returncode == 0, run.stderr
    with out.open(newline="") as f:
        rows = list(csv.DictReader(f))
    assert [row["row"] for row in rows] == ["c101:1", "hanoi30:2"]
    for row in rows:
        # each solver's plan was re-scheduled by tourplan and passed check_solution in the
        # script (an invalid plan exits non-zero): here both found a plan with some score
        assert int(row["tourplan"]) > 0 and int(row["pyvrp"]) > 0
        assert float(row["tourplan_sec"]) > 0 and float(row["pyvrp_sec"]) > 0
    assert "tourplan >= PyVRP on" in run.stdout and "/2 rows" in run.stdout


@pytest.mark.usefixtures("pyvrp_installed")
def test_with_defaults_the_csv_holds_the_defaults_column_too(
    tmp_path: Path, run_bench: Runner
) -> None:
    out = tmp_path / "peers.csv"
    args = ["--time-limit", "0.3", "--rows", "c101:1", "--ils", "petals=true", "--with-defaults"]
    run = run_bench("peers.py", *args, "--csv", str(out))
    assert run.returncode == 0, run.stderr
    with out.open(newline="") as f:
        (row,) = list(csv.DictReader(f))
    assert int(row["defaults"]) > 0 and float(row["defaults_sec"]) > 0
    printed = next(line for line in run.stdout.splitlines() if "| defaults" in line)
    assert int(printed.split()[3]) == int(row["defaults"])
    assert "with the defaults: tourplan >= PyVRP on" in run.stdout


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (("--rows", "nosuch:1"), "--rows 'nosuch:1'"),
        (("--rows", "c101:zero"), "--rows 'c101:zero'"),
        (("--rows", "c101:1", "--ils", "bogus=1"), "--ils"),
        (("--rows", "c101:1", "--ils", "stall=-3"), "stall"),
    ],
)
def test_bad_arguments_exit_2_with_one_line_naming_them(
    args: tuple[str, ...], named: str, run_bench: Runner
) -> None:
    run = run_bench("peers.py", *args)
    assert run.returncode == 2
    assert "Traceback" not in run.stderr
    assert named in run.stderr.strip().splitlines()[-1]
