"""Issue #19: every hostile input gets a one- or two-line error naming what to fix, exit 2, and
no work; a failed multi-export leaves nothing behind.

The planner is replaced by a recorder (as in test_cli_route.py): a refused request must never
reach it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from tourplan.cli import main

from .conftest import Recorder

SATURDAY = "2026-12-05"


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def assert_refused(result: Result, *words: str) -> None:
    """Exit 2, one or two lines on stderr starting with ``Error:``, each word in them."""
    assert result.exit_code == 2, (result.exit_code, result.output)
    lines = result.stderr.strip().splitlines()
    assert 1 <= len(lines) <= 2, result.stderr
    assert lines[0].startswith("Error: "), result.stderr
    assert "Traceback" not in result.output
    for word in words:
        assert word in result.stderr, result.stderr


@pytest.mark.parametrize(
    ("args", "words"),
    [
        # the eight "unexpected failures" of the issue, now refused up front
        (["--date", "9999-12-31", "--days", "2"], ["--date", "2099-12-31"]),
        (["--max-stops", "1180591620717411303424"], ["--max-stops", "1<=x<=100"]),
        (["--theme-bonus", "inf"], ["--theme-bonus", "not a finite number"]),
        (["--time-limit", "inf"], ["--time-limit", "not a finite number"]),
        (["--time-limit", "1e300"], ["--time-limit", "at most 3600"]),
        # the unclear ones
        (["--must", ""], ["--must", "empty"]),
        (["--must", "  "], ["--must", "empty"]),
        (["--avoid", ""], ["--avoid", "empty"]),
        (["--json", ""], ["--json", "empty"]),
        (["--ics", ""], ["--ics", "empty"]),
        (["--start", "91,200"], ["--start", "91"]),
        (["--end", "21.0,200"], ["--end", "lon 200.0 is out of range"]),
        # every float option: inf, nan, 1e300
        (["--theme-bonus", "nan"], ["--theme-bonus", "not a finite number"]),
        (["--theme-bonus", "1e300"], ["--theme-bonus", "at most 100"]),
        (["--time-limit", "nan"], ["--time-limit", "not a finite number"]),
        (["--time-limit", "-inf"], ["--time-limit"]),
        # day counts and date spans
        (["--days", "10000"], ["--days", "1<=x<=60"]),
        (["--days", "61"], ["--days"]),
        (["--date", "2026-01-01", "--date", "2026-05-01"], ["--date", "at most 60 days"]),
        (["--date", "1999-12-31"], ["--date", "2000-01-01"]),
    ],
)
def test_issue_inputs_are_refused_naming_the_option(
    planned: Recorder, args: list[str], words: list[str]
) -> None:
    assert_refused(run("route", *args), *words)
    assert planned == []


def test_days_10000_is_refused_before_any_data_is_loaded(
    planned: Recorder, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_loading(*_: object) -> None:
        raise AssertionError("the villages were loaded")

    monkeypatch.setattr("tourplan.cli.route.villages_from", no_loading)
    assert_refused(run("route", "--days", "10000"), "--days")


def test_within_nan_is_refused_not_answered_with_no_match() -> None:
    result = run("villages", "--near", "hoan-kiem-lake", "--within", "nan")
    assert_refused(result, "--within", "not a finite number")


@pytest.mark.parametrize(
    "args",
    [
        ["--mode", "plane"],
        ["--no-such-option"],
        ["--days", "0"],
        ["--lunch", "noon"],
        ["--ics", "a.ics", "--json", "-", "--kml", "-"],
    ],
)
def test_usage_errors_take_two_lines(planned: Recorder, args: list[str]) -> None:
    result = run("route", *args)
    assert_refused(result)
    assert "Usage:" not in result.stderr
    assert planned == []


def test_a_good_request_still_plans(planned: Recorder) -> None:
    result = run("route", "--date", SATURDAY, "--days", "60", "--theme-bonus", "100")
    assert result.exit_code == 0, result.output
    assert len(planned[0]["request"].dates) == 60


# -- exports: all or nothing ----------------------------------------------------------------------


def test_failed_multi_export_leaves_nothing(
    planned: Recorder, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = run("route", "--date", SATURDAY, "--ics", "trip.ics", "--json", "nope/plan.json")
    assert_refused(result, "--json", "nope")
    assert list(tmp_path.iterdir()) == []
    assert planned == []  # checked before planning


def test_output_into_a_folder_or_twice_the_same_file_is_refused_before_planning(
    planned: Recorder, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert_refused(run("route", "--ics", "a.ics", "--json", "./a.ics"), "--ics", "--json")
    (tmp_path / "d").mkdir()
    assert_refused(run("route", "--kml", "d"), "--kml")
    assert planned == []


def test_a_write_failing_midway_leaves_no_new_file_and_keeps_old_ones(
    planned: Recorder, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "keep.json").write_text("old plan")
    import tourplan._io as common

    real_fdopen = common.os.fdopen
    opened: list[int] = []

    def failing_fdopen(fd: int, *args: Any, **kwargs: Any) -> Any:
        opened.append(fd)
        if len(opened) == 3:  # the third file: disk full
            common.os.close(fd)
            raise OSError(28, "No space left on device")
        return real_fdopen(fd, *args, **kwargs)

    monkeypatch.setattr(common.os, "fdopen", failing_fdopen)
    result = run(
        "route", "--date", SATURDAY, "--ics", "t.ics", "--json", "keep.json", "--kml", "t.kml"
    )
    assert_refused(result, "t.kml", "No space left on device")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["keep.json"]
    assert (tmp_path / "keep.json").read_text() == "old plan"


def test_every_export_is_written_when_all_can_be(
    planned: Recorder, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = run("route", "--date", SATURDAY, "--ics", "t.ics", "--json", "t.json", "--kml", "-")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["t.ics", "t.json"]
    assert result.stdout.startswith("<?xml")
    assert "Wrote t.ics" in result.stderr and "Wrote t.json" in result.stderr
