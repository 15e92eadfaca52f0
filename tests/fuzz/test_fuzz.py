"""Generated requests (issue #19): every plan valid, every failure a clean refusal.

Hypothesis draws the seeds of ``bench/fuzz.py``'s request generator (bundled data and
generated village files with split hours, closed days, ``PH off``, seasons and sights), plans
each request in deterministic mode, and requires: a plan that ``check_itinerary`` and the
harness's independent checker both accept and that every exporter takes, or a
:class:`tourplan.TourplanError`. CI runs a small budget; a larger one by hand::

    TOURPLAN_FUZZ_EXAMPLES=500 .venv/bin/pytest tests/fuzz -q -p no:cacheprovider

(``python bench/fuzz.py --requests 10000`` is the run quoted in docs/reliability.md.)
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import sys
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import tourplan
import tourplan.datasets.experiences

SCRIPT = Path(__file__).resolve().parents[2] / "bench" / "fuzz.py"
EXAMPLES = int(os.environ.get("TOURPLAN_FUZZ_EXAMPLES", "12"))


def _load_harness() -> ModuleType:
    spec = importlib.util.spec_from_file_location("tourplan_bench_fuzz", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


fuzz = _load_harness()
BUNDLED = tourplan.load_hanoi()


def _args(generated: float, costs: float = 0.3) -> argparse.Namespace:
    return argparse.Namespace(
        generated=generated, deterministic=1.0, time_limits=[0.5], tolerance=0.10, costs=costs
    )


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    seed=st.integers(0, 2**31 - 1),
    index=st.integers(0, 10**6),
    generated=st.sampled_from([0.0, 1.0]),
    costs=st.sampled_from([0.3, 1.0]),
)
def test_a_generated_request_plans_validly_or_is_refused_cleanly(
    tmp_path: Path, seed: int, index: int, generated: float, costs: float
) -> None:
    """Any generated request; with ``costs`` 1.0 every one has must-do or optional
    experiences, a party or a budget (bundled or generated experiences files)."""
    record = fuzz.run_one(index, seed, _args(generated, costs=costs), tmp_path, BUNDLED)
    if costs == 1.0:
        assert record["experiences"] is not None
    assert record["outcome"] in ("planned", "refused"), json.dumps(record, ensure_ascii=False)
    if record["outcome"] == "refused":
        assert "\n" not in record["error"]


def test_the_generator_draws_every_cost_field(tmp_path: Path) -> None:
    """Over a few requests the generator asks for each of the cost options at least once."""
    asked: set[str] = set()
    for index in range(40):
        rng = fuzz.random.Random(index)
        fields: dict[str, object] = {}
        fuzz.draw_costs(rng, fields, tourplan.datasets.experiences.load_hanoi_experiences())
        asked |= set(fields)
    assert asked == {"experiences", "with_experiences", "party", "budget_vnd"}
    path = fuzz.experiences_file(fuzz.random.Random(1), tmp_path, BUNDLED)
    assert len(tourplan.datasets.experiences.load_experiences(path)) >= 1


def test_the_independent_checker_catches_a_plan_over_budget() -> None:
    import datetime as dt

    request = tourplan.TripRequest(
        "hoan-kiem-lake", (dt.date(2027, 3, 6),), experiences=("pottery-making",), party=2
    )
    plan = tourplan.plan_trip(request, search=tourplan.SearchParameters(deterministic=True))
    fields = {
        "dates": ["2027-03-06"],
        "day_start": "08:00",
        "day_end": "17:30",
        "experiences": ["pottery-making"],
        "party": 2,
    }
    assert fuzz.independent(plan, fields) == []
    assert any("over the budget" in p for p in fuzz.independent(plan, fields | {"budget_vnd": 1}))
    assert any("booked for 2" in p for p in fuzz.independent(plan, fields | {"party": 3}))


def test_the_independent_checker_catches_a_lunch_on_the_road(tmp_path: Path) -> None:
    """The harness's own checker is not a rubber stamp: it flags a lunch laid over a journey."""
    import dataclasses
    import datetime as dt

    request = tourplan.TripRequest("hoan-kiem-lake", (dt.date(2027, 3, 6),))
    plan = tourplan.plan_trip(request, search=tourplan.SearchParameters(deterministic=True))
    fields = {"dates": ["2027-03-06"], "day_start": "08:00", "day_end": "17:30"}
    assert fuzz.independent(plan, fields) == []
    day = plan.days[0]
    leg = day.legs[1]
    bad = tourplan.Break(
        "lunch", leg.depart, leg.depart + dt.timedelta(minutes=60), leg.destination
    )
    others = tuple(b for b in day.breaks if b.name != "lunch")
    broken = dataclasses.replace(plan, days=(dataclasses.replace(day, breaks=(*others, bad)),))
    assert any("not while the traveller is there" in p for p in fuzz.independent(broken, fields))


@pytest.mark.slow
def test_the_script_runs_and_summarises(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "runs.jsonl"
    code = fuzz.main(["--requests", "6", "--seed", "3", "--deterministic", "1", "--out", str(out)])
    summary = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert code == 0
    assert summary["requests"] == 6
    assert summary["planned"] + summary["refused"] == 6
    assert len(out.read_text().splitlines()) == 6
