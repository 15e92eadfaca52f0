"""Issue #19: village files are checked where they are born, and bounded.

Control characters never get past the loader (the .ics export used to be the first to notice a
``url`` holding CR/LF); numbers are bounded (a ``visit_minutes`` of 1e20 is the file's fault,
named by row and field, not the day's); file size, place count and JSON depth are capped with a
message before the planner does any work.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

import tourplan.datasets.files as files
from tourplan.cli import main
from tourplan.datasets import load_villages, village_record
from tourplan.datasets.json import MAX_JSON_DEPTH
from tourplan.datasets.records import MULTILINE_FIELDS
from tourplan.exceptions import DataError
from tourplan.model import Village


def json_file(tmp_path: Path, records: list[dict[str, Any]], name: str = "v.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps({"villages": records}), encoding="utf-8")
    return path


@pytest.mark.parametrize("bad", ["https://a.example/x\r\nX-Injected: 1", "https://a\nb", "a\x00b"])
def test_url_with_control_characters_is_refused_at_load(
    tmp_path: Path,
    make_village: Callable[..., Village],
    load_error: Callable[..., DataError],
    bad: str,
) -> None:
    record = village_record(make_village()) | {"url": bad}
    err = load_error(json_file(tmp_path, [record]))
    assert (err.row, err.field) == (1, "url")
    assert "control character" in err.reason


@pytest.mark.parametrize("url", ["www.example.org", "https://a b.example", "javascript:alert(1)"])
def test_url_must_be_one_web_address(
    tmp_path: Path,
    make_village: Callable[..., Village],
    load_error: Callable[..., DataError],
    url: str,
) -> None:
    record = village_record(make_village()) | {"url": url}
    err = load_error(json_file(tmp_path, [record]))
    assert err.field == "url"


@pytest.mark.parametrize("field", ["id", "name_vi", "name_en", "craft_en", "coord_source"])
def test_one_line_fields_refuse_line_breaks(
    tmp_path: Path,
    make_village: Callable[..., Village],
    load_error: Callable[..., DataError],
    field: str,
) -> None:
    record = village_record(make_village()) | {field: "two\nlines"}
    err = load_error(json_file(tmp_path, [record]))
    assert (err.row, err.field) == (1, field)


@pytest.mark.parametrize("field", MULTILINE_FIELDS)
def test_free_text_keeps_line_breaks_and_turns_cr_into_lf(
    tmp_path: Path, make_village: Callable[..., Village], field: str
) -> None:
    record = village_record(make_village()) | {field: "one\r\ntwo\rthree\tfour"}
    village = load_villages(json_file(tmp_path, [record]))[0]
    assert getattr(village, field) == "one\ntwo\nthree\tfour"


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("visit_minutes", 1e20),
        ("visit_minutes", 1441),
        ("long_minutes", 10**30),
        ("fee_vnd", 2**70),
    ],
)
def test_huge_numbers_are_blamed_on_their_row_and_field(
    tmp_path: Path,
    make_village: Callable[..., Village],
    load_error: Callable[..., DataError],
    field: str,
    value: float,
) -> None:
    record = village_record(make_village()) | {field: value}
    err = load_error(json_file(tmp_path, [record, village_record(make_village(id="b"))]))
    assert (err.row, err.field) == (1, field)
    assert "at most" in err.reason


def test_visit_minutes_1e20_is_named_by_the_cli_as_the_file_row_and_field(
    tmp_path: Path, make_village: Callable[..., Village]
) -> None:
    record = village_record(make_village()) | {"visit_minutes": 1e20}
    path = json_file(tmp_path, [record])
    result = CliRunner().invoke(main, ["route", "--villages", str(path)])
    assert result.exit_code == 2
    assert "visit_minutes" in result.stderr and "--day-end" not in result.stderr
    assert len(result.stderr.strip().splitlines()) <= 2


def test_a_file_over_the_size_cap_is_refused_before_reading(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    make_village: Callable[..., Village],
    load_error: Callable[..., DataError],
) -> None:
    path = json_file(tmp_path, [village_record(make_village())])
    monkeypatch.setattr(files, "MAX_FILE_BYTES", 100)
    monkeypatch.setattr(files, "read_utf8", lambda _: pytest.fail("the file was read"))
    err = load_error(path)
    assert "MiB" in err.reason


def test_too_many_places_are_refused(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    make_village: Callable[..., Village],
    load_error: Callable[..., DataError],
) -> None:
    records = [village_record(make_village(id=f"v{k}")) for k in range(4)]
    monkeypatch.setattr(files, "MAX_VILLAGES", 3)
    err = load_error(json_file(tmp_path, records))
    assert "4 villages, more than the 3" in err.reason


@pytest.mark.parametrize("suffix", [".json", ".geojson"])
def test_200000_nested_brackets_are_refused_cleanly(
    tmp_path: Path, load_error: Callable[..., DataError], suffix: str
) -> None:
    path = tmp_path / f"deep{suffix}"
    path.write_text("[" * 200_000 + "]" * 200_000, encoding="utf-8")
    err = load_error(path)
    assert f"more than {MAX_JSON_DEPTH} deep" in err.reason


def test_nesting_just_over_the_cap_is_refused(
    tmp_path: Path, load_error: Callable[..., DataError]
) -> None:
    path = tmp_path / "deep.json"
    path.write_text("[" * (MAX_JSON_DEPTH + 1) + "]" * (MAX_JSON_DEPTH + 1), encoding="utf-8")
    assert "deep" in load_error(path).reason


@settings(max_examples=40, deadline=None)
@given(st.text(st.characters(categories=("Cc",)), min_size=1, max_size=3), st.text(max_size=5))
def test_no_control_character_survives_a_one_line_field(controls: str, tail: str) -> None:
    from tourplan.datasets.records import text_field

    value = "x" + controls + tail + "y"
    with pytest.raises(DataError) as info:
        text_field({"craft_en": value}, "craft_en")
    assert info.value.field == "craft_en"


def test_a_device_is_refused_not_read_forever(load_error: Callable[..., DataError]) -> None:
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero here")
    err = load_error(Path("/dev/zero"), format="csv")
    assert "not a regular file" in err.reason
