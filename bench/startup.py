"""Measure what a user waits for: ``import tourplan`` and ``tourplan route``, process start to exit.

Usage (from the repository root)::

    .venv/bin/python bench/startup.py --runs 5
    .venv/bin/python bench/startup.py --runs 5 -- --date 2026-12-05 --must bat-trang

Each run is a fresh process (the console script of this virtual environment); the script prints
every wall time, the median, and the machine's load average before and after, since timings on
a shared machine depend on it. Targets of issue #15: ``import tourplan`` <= 0.3 s and
``tourplan route`` <= 1.5 s on the bundled data (the same score as a 20 s run is checked by
``bench/trips.py --converged 20``).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path


def _timed(cmd: list[str]) -> float:
    began = time.monotonic()
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    wall = time.monotonic() - began
    if done.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed: {done.stderr.strip()[-300:]}")
    return wall


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
        times = [_timed(cmd) for _ in range(args.runs)]
        shown = " ".join(f"{t:.2f}" for t in times)
        print(f"{name}: median {statistics.median(times):.2f} s ({shown})")
    print(f"# load average after: {os.getloadavg()[0]:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
