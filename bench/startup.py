"""Measure what a user waits for: ``import tourplan`` and ``tourplan route``, process start to exit.

Usage (from the repository root)::

    .venv/bin/python bench/startup.py --runs 5
    .venv/bin/python bench/startup.py --runs 5 -- --date 2026-12-05 --must bat-trang

Each run is a fresh process (the console script of this virtual environment); the script prints
every wall time, the median, the median CPU time (user + system) of the process, and the
machine's load average before and after, since timings on a shared machine depend on it: on a
loaded machine the wall time is mostly waiting for a core, and the CPU time is what the
command itself costs (about its wall time on an idle machine, as the planner runs one
process). Targets of issue #15: ``import tourplan`` <= 0.3 s and
``tourplan route`` <= 1.5 s on the bundled data (the same score as a 20 s run is checked by
``bench/trips.py --converged 20``).
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _timed(cmd: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds of one run of ``cmd``."""
    cpu = _cpu()
    began = time.monotonic()
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    wall = time.monotonic() - began
    if done.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed: {done.stderr.strip()[-300:]}")
    return wall, _cpu() - cpu


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("route_args", nargs="*", help="arguments of tourplan route (after --)")
    args = ap.parse_args(argv)
    bindir = Path(sys.executable).parent
    route = [str(bindir / "tourplan"), "route", *(args.route_args or ["--date", "2026-12-05"])]
    commands = {
        "import tourplan": [sys.executable, "-c", "import tourplan"],
        " ".join(["tourplan", *route[1:]]): route,
    }
    print(f"# load average before: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    for name, cmd in commands.items():
        runs = [_timed(cmd) for _ in range(args.runs)]
        times = [wall for wall, _ in runs]
        shown = " ".join(f"{t:.2f}" for t in times)
        cpu = statistics.median(c for _, c in runs)
        print(f"{name}: median {statistics.median(times):.2f} s ({shown}); CPU median {cpu:.2f} s")
    print(f"# load average after: {os.getloadavg()[0]:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
