"""Measure what a user waits for: ``import tourplan`` and ``tourplan route``, process start to exit.

Usage (from the repository root)::

    .venv/bin/python bench/startup.py --runs 5
    .venv/bin/python bench/startup.py --runs 5 -- --date 2026-12-05 --must bat-trang

Each run is a fresh process (the console script of this virtual environment); the script prints
every wall time, the median, the median CPU time (user + system) of the process, and the
machine's load average before and after, since timings on a shared machine depend on it: on a
loaded machine the wall time is mostly waiting for a core, and the CPU time is what the
command itself costs (about its wall time on an idle machine, as the planner runs one
process). The runs use Python's bytecode cache as a user's installation does (``pip install .``
compiles every module; an editable install writes the cache on first use): each command runs
once untimed first, and ``PYTHONDONTWRITEBYTECODE`` is removed from the runs' environment (this
project's sandbox sets it: without a cache every run compiles tourplan's ~140 modules, measured
1.77 s instead of 1.35 s for ``tourplan route``). Targets of issue #15: ``import tourplan``
<= 0.3 s and ``tourplan route`` <= 1.5 s on the bundled data (the same score as a 20 s run
is checked by ``bench/trips.py --converged 20``).
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


def _timed(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU seconds of one run of ``cmd``."""
    cpu = _cpu()
    began = time.monotonic()
    done = subprocess.run(cmd, capture_output=True, text=True, check=False, env=env)
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
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    print(f"# load average before: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    for name, cmd in commands.items():
        _timed(cmd, env)  # untimed: writes the bytecode cache, warms the file cache
        runs = [_timed(cmd, env) for _ in range(args.runs)]
        times = [wall for wall, _ in runs]
        shown = " ".join(f"{t:.2f}" for t in times)
        cpu = statistics.median(c for _, c in runs)
        print(f"{name}: median {statistics.median(times):.2f} s ({shown}); CPU median {cpu:.2f} s")
    print(f"# load average after: {os.getloadavg()[0]:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
