"""Villages as JSON: bare lists, syntax errors, wrong types and key typos."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

import tourplan
from tourplan.datasets import load_villages, save_villages, village_record
from tourplan.exceptions import DataError


def test_json_accepts_a_bare_list(hanoi: tourplan.Villages, tmp_path: Path) -> None:
    path = tmp_path / "list.json"
    path.write_text(json.dumps([village_record(v) for v in hanoi[:5]]), encoding="utf-8")
    assert load_villages(path) == hanoi[:5]


def test_json_syntax_error_gives_line_number(hanoi: tourplan.Villages, tmp_path: Path) -> None:
    path = save_villages(hanoi[:2], tmp_path / "v.json")
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[5] = lines[5].rstrip(",")  # drop a comma on line 6
    path.write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(
        DataError, match=r"not valid JSON: Expecting ',' delimiter \(line 7, column \d+\)"
    ):
        load_villages(path)


def test_json_item_with_wrong_type(
    hanoi: tourplan.Villages, tmp_path: Path, load_error: Callable[..., DataError]
) -> None:
    records = [village_record(v) for v in hanoi[:3]]
    records[1]["visit_minutes"] = "ninety"
    records[2]["lat"] = None
    path = tmp_path / "v.json"
    path.write_text(json.dumps({"villages": records}), encoding="utf-8")
    err = load_error(path)
    assert (err.row, err.field) == (2, "visit_minutes")
    assert "whole number, got 'ninety'" in str(err)


def test_json_that_is_not_a_list(tmp_path: Path, load_error: Callable[..., DataError]) -> None:
    path = tmp_path / "v.json"
    path.write_text('{"id": "x"}', encoding="utf-8")
    assert "expected a list of villages" in str(load_error(path))
    path.write_text("[1, 2]", encoding="utf-8")
    err = load_error(path)
    assert err.row == 1 and "must be a JSON object" in str(err)


def test_json_typo_in_key(
    hanoi: tourplan.Villages, tmp_path: Path, load_error: Callable[..., DataError]
) -> None:
    record = village_record(hanoi[0])
    record["vist_minutes"] = record.pop("visit_minutes")
    path = tmp_path / "v.json"
    path.write_text(json.dumps([record]), encoding="utf-8")
    err = load_error(path)
    assert (err.row, err.field) == (1, "vist_minutes")
    assert "did you mean 'visit_minutes'" in str(err)
