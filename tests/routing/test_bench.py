"""The TOPTW benchmark's parser on real instance files (needs ../shared beside the repo)."""

from __future__ import annotations

import csv
import importlib.util
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from tourplan.routing import schedule_routes

ROOT = Path(__file__).resolve().parents[2]


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("toptw_bench", ROOT / "bench" / "toptw.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["toptw_bench"] = module
    spec.loader.exec_module(module)
    return module


bench = _bench()
DATA = bench.DEFAULT_INSTANCES
needs_data = pytest.mark.skipif(
    not (DATA / "BKS.csv").exists(),
    reason=f"public TOPTW instances not found at {DATA} (clone 'shared' beside the repository)",
)


@needs_data
def test_solomon_instance_is_read_in_tenths() -> None:
    inst = bench.read_instance(DATA / "instances/c_r_rc_100_100/c101.txt")
    assert len(inst.x) == 101 and inst.scale == 10
    p = inst.problem(2)
    assert len(p.visits) == 100 and len(p.tours) == 2
    assert (p.tours[0].earliest_start, p.tours[0].latest_end) == (0, 12360)
    v = p.visits[0]
    assert (v.service, v.score, v.windows[0].start, v.windows[0].end) == (900, 10, 9120, 9670)
    # depot (40, 50) to customer 1 (45, 68): 18.681... truncated to 18.6
    assert p.travel(0, 1) == 186


@needs_data
def test_pr_instance_with_crlf_is_read_in_hundredths() -> None:
    inst = bench.read_instance(DATA / "instances/pr01_10/pr01.txt")
    assert len(inst.x) == 49 and inst.scale == 100
    assert sum(inst.score) == 657
    p = inst.problem(1)
    assert p.tours[0].latest_end == 100_000


@needs_data
def test_broken_header_of_c204_is_read() -> None:
    inst = bench.read_instance(DATA / "instances/c_r_rc_200_100/c204.txt")
    assert len(inst.x) == 101


@needs_data
def test_a_solution_maps_back_to_vertex_ids(tmp_path: Path) -> None:
    inst = bench.read_instance(DATA / "instances/pr01_10/pr01.txt")
    p = inst.problem(1)
    s = schedule_routes(p, [[]])
    assert s.score == 0 and p.visits[0].id == "1"


@needs_data
def test_ils_alone_script_reports_a_valid_row_and_refuses_an_unknown_one() -> None:
    script = str(ROOT / "bench" / "ils_alone.py")
    done = subprocess.run(
        [sys.executable, script, "--seconds", "0.3", "c101:1"],
        capture_output=True,
        text=True,
        check=True,
    )
    first, last = done.stdout.strip().splitlines()
    name, score, gap, *_ = first.split()
    assert name == "c101:1" and first.endswith(" valid")
    assert 0 < int(score) <= 320 and float(gap) == pytest.approx(
        100 * (1 - int(score) / 320), abs=0.01
    )
    assert last.startswith("MEAN ")
    for bad in ("pr99:1", "c101:x", "c101"):
        refused = subprocess.run([sys.executable, script, bad], capture_output=True, text=True)
        assert refused.returncode == 2 and f"row {bad!r}" in refused.stderr


@needs_data
def test_ils_alone_script_runs_seeds_on_a_cpu_budget_with_search_options() -> None:
    script = str(ROOT / "bench" / "ils_alone.py")
    common = ["--cpu", "--seconds", "0.3", "--seeds", "0", "1", "--set", "race=2", "c101:1"]
    done = subprocess.run(
        [sys.executable, script, *common], capture_output=True, text=True, check=True
    )
    lines = done.stdout.strip().splitlines()
    assert [line.split()[:3] for line in lines[:2]] == [
        ["c101:1", "seed", "0"],
        ["c101:1", "seed", "1"],
    ]
    assert all(line.endswith(" valid") for line in lines[:2]) and lines[2].startswith("MEAN ")
    refused = subprocess.run(
        [sys.executable, script, "--set", "race", "c101:1"], capture_output=True, text=True
    )
    assert refused.returncode == 2 and "--set 'race'" in refused.stderr


@needs_data
def test_toptw_script_runs_exact_rows_with_overrides_and_refuses_bad_ones(tmp_path: Path) -> None:
    script = str(ROOT / "bench" / "toptw.py")
    out = tmp_path / "rows.csv"
    common = ["--time-limit", "0.5", "--workers", "1", "--seed", "3"]
    outputs = ["--csv", str(out), "--markdown", str(tmp_path / "rows.md")]
    rounds = ["--recombination-rounds", "2"]
    subprocess.run(
        [sys.executable, script, "--rows", "pr01:2", "c101:1", *common, *outputs, *rounds],
        capture_output=True,
        text=True,
        check=True,
    )
    with open(out, newline="") as f:
        rows = list(csv.DictReader(f))
    assert [(r["instance"], r["tours"], r["valid"]) for r in rows] == [
        ("pr01", "2", "True"),
        ("c101", "1", "True"),
    ]
    assert "seed 3, recombination pool 500 x 2 rounds" in (tmp_path / "rows.md").read_text()
    for bad, named in (
        (["--rows", "pr99:1"], "'pr99:1'"),
        (["--rows", "c101:1", "--recombination-pool", "-1"], "field 'pool'"),
    ):
        refused = subprocess.run(
            [sys.executable, script, *bad, *common], capture_output=True, text=True
        )
        assert refused.returncode == 2 and named in refused.stderr


@needs_data
def test_toptw_script_sets_search_fields_and_refuses_bad_ones(tmp_path: Path) -> None:
    script = str(ROOT / "bench" / "toptw.py")
    common = ["--rows", "c101:1", "--time-limit", "0.3", "--workers", "1"]
    md = tmp_path / "rows.md"
    subprocess.run(
        [sys.executable, script, *common, "--markdown", str(md), "--ils", "adapt=2", "stall=None"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "ils adapt=2 stall=None" in md.read_text()
    for bad, named in (
        (["--ils", "nosuch=1"], "nosuch"),
        (["--ils", "adapt=-1"], "field 'adapt'"),
        (["--ils", "adapt"], "expected FIELD=VALUE"),
    ):
        refused = subprocess.run(
            [sys.executable, script, *common, *bad], capture_output=True, text=True
        )
        assert refused.returncode == 2 and named in refused.stderr


@needs_data
def test_insertion_speed_script_compares_trees_and_refuses_bad_rows() -> None:
    script = str(ROOT / "bench" / "insertion_speed.py")
    tree = str(ROOT)
    cmd = [sys.executable, script, "--trees", tree, tree, "--shakes", "5", "--repeats", "1"]
    done = subprocess.run([*cmd, "c101:2"], capture_output=True, text=True, check=True)
    (row,) = [line for line in done.stdout.splitlines() if line.startswith("c101:2")]
    assert row.endswith("(same routes)") and "shakes/CPU s" in row
    for bad in ("pr99:1", "c101:x", "c101:0"):
        refused = subprocess.run([*cmd, bad], capture_output=True, text=True)
        assert refused.returncode == 2 and f"row {bad!r}" in refused.stderr
    refused = subprocess.run(
        [*cmd[:2], "--trees", "/nonexistent", "--shakes", "5", "c101:2"],
        capture_output=True,
        text=True,
    )
    assert refused.returncode == 2 and "--trees" in refused.stderr
