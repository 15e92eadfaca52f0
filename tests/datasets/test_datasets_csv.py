"""Villages as CSV: columns, encodings, spreadsheet row numbers and malformed sheets."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import tourplan
from tourplan.datasets import VILLAGE_FIELDS, load_villages, save_villages
from tourplan.exceptions import DataError
from tourplan.model import Village, Villages


def test_csv_keeps_diacritics_and_standard_columns(
    hanoi: tourplan.Villages, tmp_path: Path
) -> None:
    path = save_villages(hanoi[:1], tmp_path / "one.csv")
    text = path.read_bytes().decode("utf-8")
    header = text.splitlines()[0]
    assert header.startswith("id,name_vi,name_en,")
    assert "visit_minutes" in header.split(",")
    assert "Làng gốm Bát Tràng" in text
    assert not text.startswith("\ufeff")


def test_only_required_columns(
    write_csv: Callable[..., Path], village_row: Callable[..., Any]
) -> None:
    columns = ["id", "name_vi", "lat", "lon", "visit_minutes"]
    (v,) = load_villages(write_csv([village_row()], columns=columns))
    assert (v.id, v.name_vi, v.lat, v.lon, v.visit_minutes) == (
        "test-village",
        "Làng thử",
        21.0,
        105.8,
        60,
    )
    assert v.name_en == "" and v.themes == ()


def test_bom_and_crlf_are_accepted(
    tmp_path: Path, csv_text: Callable[..., str], village_row: Callable[..., dict[str, str]]
) -> None:
    second = village_row(id="second", name_vi="Làng thứ hai")
    text = csv_text([village_row(), second]).replace("\n", "\r\n")
    path = tmp_path / "excel.csv"
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    assert load_villages(path).ids == ("test-village", "second")


def test_blank_lines_are_skipped_and_rows_keep_spreadsheet_numbers(
    tmp_path: Path, csv_text: Callable[..., str], village_row: Callable[..., dict[str, str]]
) -> None:
    text = (
        csv_text([village_row()])
        + "\n,,,\n"
        + csv_text([village_row(id="b", lat="x")]).split("\n", 1)[1]
    )
    path = tmp_path / "gaps.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as info:
        load_villages(path)
    assert info.value.row == 5  # header 1, village 2, empty 3, commas only 4, bad row 5
    assert info.value.field == "lat"


def test_rows_are_spreadsheet_rows_when_cells_span_lines(
    write_csv: Callable[..., Path],
    village_row: Callable[..., Any],
    load_error: Callable[..., DataError],
) -> None:
    path = write_csv(
        [
            village_row(id="a", notes="three\nline\nnote"),
            village_row(id="b", hours_note="two\nlines"),
            village_row(id="c", interest="0"),
        ]
    )
    assert path.read_text(encoding="utf-8").count("\n") == 7  # the bad row is on line 7
    err = load_error(path)
    assert (err.row, err.field) == (4, "interest")


def test_csv_quotes_cells_with_a_bare_carriage_return(
    make_village: Callable[..., Village], tmp_path: Path
) -> None:
    # regression: Python's csv writer only quotes "\n" when the line terminator is "\n"
    # and a CR in a free-text field is read back as a line break (LF), never as a bare CR
    village = make_village(notes="old Mac line\rbreak", hours_note="a\r\nb")
    after = make_village(id="next", name_vi="Làng kế")
    path = save_villages([village, after], tmp_path / "cr.csv")
    cleaned = make_village(notes="old Mac line\nbreak", hours_note="a\nb")
    assert load_villages(path) == Villages([cleaned, after])
    assert load_villages(path)[0].notes == "old Mac line\nbreak"


def test_missing_visit_duration_column(
    write_csv: Callable[..., Path],
    village_row: Callable[..., Any],
    load_error: Callable[..., DataError],
) -> None:
    columns = [c for c, _ in VILLAGE_FIELDS if c != "visit_minutes"]
    path = write_csv([village_row()], columns=columns)
    with pytest.raises(DataError, match=r"missing required column.*visit_minutes"):
        load_villages(path)
    err = load_error(path)
    assert (err.row, err.field) == (1, "visit_minutes")


def test_typo_in_column_name(
    write_csv: Callable[..., Path],
    village_row: Callable[..., Any],
    load_error: Callable[..., DataError],
) -> None:
    columns = [c if c != "visit_minutes" else "vist_minutes" for c, _ in VILLAGE_FIELDS]
    row = village_row()
    row["vist_minutes"] = row.pop("visit_minutes")
    path = write_csv([row], columns=columns)
    with pytest.raises(
        DataError, match=r"unknown column 'vist_minutes'; did you mean 'visit_minutes'\?"
    ):
        load_villages(path)
    err = load_error(path)
    assert (err.row, err.field) == (1, "vist_minutes")


def test_wrong_number_of_values(
    tmp_path: Path,
    csv_text: Callable[..., str],
    village_row: Callable[..., Any],
    load_error: Callable[..., DataError],
) -> None:
    text = csv_text([village_row()]) + "extra,Làng,,,\n"
    path = tmp_path / "short.csv"
    path.write_text(text, encoding="utf-8")
    err = load_error(path)
    assert err.row == 3
    assert "has 5 values but the header has 38 columns" in str(err)  # with status*


def test_unterminated_quote_is_reported_not_swallowed(
    tmp_path: Path,
    csv_text: Callable[..., str],
    village_row: Callable[..., Any],
    load_error: Callable[..., DataError],
) -> None:
    text = csv_text([village_row()]) + 'b,"Làng mở\n'
    path = tmp_path / "quote.csv"
    path.write_text(text, encoding="utf-8")
    err = load_error(path)
    assert err.row is not None and err.row >= 3


def test_repeated_column(tmp_path: Path, load_error: Callable[..., DataError]) -> None:
    path = tmp_path / "dupe.csv"
    path.write_text("id,name_vi,lat,lon,visit_minutes,lat\na,A,21,105.8,60,21\n", encoding="utf-8")
    err = load_error(path)
    assert err.row == 1
    assert "repeated in the header: lat" in str(err)
