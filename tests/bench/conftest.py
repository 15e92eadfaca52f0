"""Fixtures of the bench-script tests.

The scripts that run PyVRP beside tourplan (``bench/peers.py``, ``bench/probe.py``) need the
optional ``bench`` extra. Without it their tests skip with the reason, except when
``TOURPLAN_REQUIRE_PYVRP=1`` (CI installs the extra and sets it), where a missing PyVRP fails
them instead: a test that always skips would check nothing.
"""

from __future__ import annotations

import importlib.util
import os

import pytest


@pytest.fixture
def pyvrp_installed() -> None:
    """Skip (or, with ``TOURPLAN_REQUIRE_PYVRP=1``, fail) when PyVRP is not installed."""
    if importlib.util.find_spec("pyvrp") is not None:
        return
    if os.environ.get("TOURPLAN_REQUIRE_PYVRP") == "1":
        pytest.fail("TOURPLAN_REQUIRE_PYVRP=1 but PyVRP is not installed (the bench extra)")
    pytest.skip("PyVRP is not installed (the optional bench extra)")
