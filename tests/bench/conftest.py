"""Fixtures of the bench-script tests: a runner of ``bench/`` scripts as a user runs them, and
the check that PyVRP is installed.

The scripts that run PyVRP beside tourplan (``bench/peers.py``, ``bench/probe.py``) need the
optional ``bench`` extra. Without it their tests skip with the reason, except when
``TOURPLAN_REQUIRE_PYVRP=1`` (CI installs the extra and sets it), where a missing PyVRP fails
them instead: a test that always skips would check nothing.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench"

BenchRunner = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture
def run_bench() -> BenchRunner:
    """Run ``bench/<script> *args`` with this interpreter; its exit code and output, text."""

    def run(script: str, *args: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, str(BENCH / script), *args],
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )

    return run


@pytest.fixture
def pyvrp_installed() -> None:
    """Skip (or, with ``TOURPLAN_REQUIRE_PYVRP=1``, fail) when PyVRP is not installed."""
    if importlib.util.find_spec("pyvrp") is not None:
        return
    if os.environ.get("TOURPLAN_REQUIRE_PYVRP") == "1":
        pytest.fail("TOURPLAN_REQUIRE_PYVRP=1 but PyVRP is not installed (the bench extra)")
    pytest.skip("PyVRP is not installed (the optional bench extra)")
