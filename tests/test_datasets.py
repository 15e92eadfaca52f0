"""Loading and saving villages: CSV, JSON and GeoJSON round trips, and errors that say where."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import tourplan
from tourplan.datasets import (
    VIETNAM_BOUNDS,
    Villages,
    load_villages,
    save_villages,
    village_from_record,
    village_record,
    villages_to_csv,
    villages_to_geojson,
    villages_to_json,
)
from tourplan.exceptions import DataError, ExportError, TourplanError
from tourplan.hours import OpeningHours
from tourplan.model import COORD_KINDS, THEMES, Village

FORMATS = ["csv", "json", "geojson"]

# -- round trips ----------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
def test_bundled_dataset_round_trips(hanoi: tourplan.Villages, tmp_path: Path, fmt: str) -> None:
    path = save_villages(hanoi, tmp_path / f"hanoi.{fmt}")
    assert path == tmp_path / f"hanoi.{fmt}"
    again = load_villages(path)
    assert again == hanoi
    assert again.ids == hanoi.ids
    for a, b in zip(again, hanoi, strict=True):  # field by field, for a readable failure
        assert dataclass_dict(a) == dataclass_dict(b)


def dataclass_dict(v: Village) -> dict[str, Any]:
    return {**village_record(v), "opening_hours": v.opening_hours}


def test_format_argument_overrides_the_extension(hanoi: tourplan.Villages, tmp_path: Path) -> None:
    path = save_villages(hanoi[:3], tmp_path / "villages.txt", format="geojson")
    assert json.loads(path.read_text(encoding="utf-8"))["type"] == "FeatureCollection"
    assert load_villages(path, format="geojson") == hanoi[:3]


def test_geojson_is_rfc7946_longitude_first(hanoi: tourplan.Villages, tmp_path: Path) -> None:
    path = save_villages(hanoi, tmp_path / "hanoi.geojson")
    raw = json.loads(path.read_text(encoding="utf-8"))
    assert raw["type"] == "FeatureCollection"
    assert len(raw["features"]) == 61
    bat_trang = next(f for f in raw["features"] if f["id"] == "bat-trang")
    assert bat_trang["geometry"] == {"type": "Point", "coordinates": [105.917, 20.983]}
    for feature, village in zip(raw["features"], hanoi, strict=True):
        lon, lat = feature["geometry"]["coordinates"]
        assert (lon, lat) == (village.lon, village.lat)
        assert "lat" not in feature["properties"] and "lon" not in feature["properties"]
        assert feature["properties"]["name_vi"] == village.name_vi  # UTF-8, not \u escapes
    assert "Bát Tràng" in path.read_text(encoding="utf-8")


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


def test_json_accepts_a_bare_list(hanoi: tourplan.Villages, tmp_path: Path) -> None:
    path = tmp_path / "list.json"
    path.write_text(json.dumps([village_record(v) for v in hanoi[:5]]), encoding="utf-8")
    assert load_villages(path) == hanoi[:5]


def test_blank_optional_fields_get_documented_defaults(
    write_csv: Callable[..., Path], village_row: Callable[..., dict[str, str]]
) -> None:
    path = write_csv(
        [village_row(opening_hours="", opening_hours_origin="", interest="", coord_kind="")]
    )
    (v,) = load_villages(path)
    assert v.opening_hours == OpeningHours.parse(tourplan.datasets.DEFAULT_OPENING_HOURS)
    assert v.opening_hours_origin == "default"
    assert v.interest == tourplan.datasets.DEFAULT_INTEREST
    assert v.coord_kind == "user"


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
    text = csv_text([village_row(), village_row(id="second")]).replace("\n", "\r\n")
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
    write_csv: Callable[..., Path], village_row: Callable[..., Any]
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


def test_village_from_record_is_the_inverse_of_village_record(hanoi: tourplan.Villages) -> None:
    for village in hanoi:
        assert village_from_record(village_record(village)) == village


def test_save_is_atomic_and_leaves_old_file_on_failure(
    hanoi: tourplan.Villages, tmp_path: Path
) -> None:
    path = save_villages(hanoi[:2], tmp_path / "v.json")
    before = path.read_bytes()

    def broken() -> Any:
        yield hanoi[0]
        raise RuntimeError("disk on fire")

    with pytest.raises(RuntimeError):
        save_villages(broken(), path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["v.json"]  # no temporary file left over


def test_save_to_missing_folder_raises_export_error(
    hanoi: tourplan.Villages, tmp_path: Path
) -> None:
    with pytest.raises(ExportError, match="does not exist"):
        save_villages(hanoi, tmp_path / "no" / "such" / "v.csv")


def test_save_with_unknown_extension(hanoi: tourplan.Villages, tmp_path: Path) -> None:
    with pytest.raises(DataError, match=r"extension '\.xlsx'"):
        save_villages(hanoi, tmp_path / "v.xlsx")
    assert not (tmp_path / "v.xlsx").exists()


def test_csv_quotes_cells_with_a_bare_carriage_return(
    make_village: Callable[..., Village], tmp_path: Path
) -> None:
    # regression: Python's csv writer only quotes "\n" when the line terminator is "\n"
    village = make_village(notes="old Mac line\rbreak", hours_note="a\r\nb")
    path = save_villages([village, make_village(id="next")], tmp_path / "cr.csv")
    assert load_villages(path) == Villages([village, make_village(id="next")])
    assert load_villages(path)[0].notes == "old Mac line\rbreak"


def test_surrounding_whitespace_does_not_break_round_trips(
    make_village: Callable[..., Village], tmp_path: Path
) -> None:
    # regression: loaders strip cells, so the model strips too (else save+load != original)
    village = make_village(name_vi=" Làng thử\n", notes="  note\t")
    assert (village.name_vi, village.notes) == ("Làng thử", "note")
    for fmt in FORMATS:
        assert load_villages(save_villages([village], tmp_path / f"ws.{fmt}"))[0] == village


# hypothesis: villages with awkward text ------------------------------------------------------

AWKWARD = [
    "a, b",
    'say "hi"',
    "line one\nline two",
    "crlf\r\nline",
    "x; y; z",
    "Làng gốm Bát Tràng",
    "Đường Lâm — Sơn Tây",
    "🏺🎎 gốm",
    "'quoted'",
    "tab\there",
    ",",
    '"',
    "=1+1",  # spreadsheet formula look-alike
    "null",
    "\\ backslash",
]
# Any Unicode text except lone surrogates (not encodable) and NUL (not allowed in CSV files).
any_text = st.text(
    st.characters(exclude_categories=("Cs",), exclude_characters="\x00"), max_size=40
)
text_field = st.sampled_from(AWKWARD) | any_text
name_field = text_field.filter(lambda s: s.strip() != "")
ids = st.from_regex(r"[a-z0-9][a-z0-9_-]{0,20}", fullmatch=True)
hours_texts = st.sampled_from(
    [
        "Mo-Fr 08:00-11:30,13:30-17:00; Sa,Su 08:00-17:00; PH off",
        "24/7",
        "Sa-Mo 07:00-24:00",
        "Tu 09:00-10:00; PH 10:00-11:00",
        "off; PH 08:00-12:00",
    ]
)


@st.composite
def villages(draw: st.DrawFn, village_id: str | None = None) -> Village:
    return Village(
        id=village_id if village_id is not None else draw(ids),
        name_vi=draw(name_field),
        name_en=draw(text_field),
        lat=draw(st.floats(VIETNAM_BOUNDS.min_lat, VIETNAM_BOUNDS.max_lat)),
        lon=draw(st.floats(VIETNAM_BOUNDS.min_lon, VIETNAM_BOUNDS.max_lon)),
        visit_minutes=draw(st.integers(1, 24 * 60)),
        opening_hours=OpeningHours.parse(draw(hours_texts)),
        interest=draw(st.integers(1, 100)),
        craft_vi=draw(text_field),
        craft_en=draw(text_field),
        themes=tuple(draw(st.lists(st.sampled_from(THEMES), max_size=4))),
        old_district=draw(text_field),
        commune_2025=draw(text_field),
        coord_kind=draw(st.sampled_from(COORD_KINDS)),
        coord_precision_m=draw(st.none() | st.integers(0, 100_000)),
        coord_source=draw(text_field),
        confidence=draw(st.sampled_from(["high", "medium", "low"])),
        visit_minutes_origin=draw(st.sampled_from(["source", "default", "source+default"])),
        opening_hours_origin=draw(st.sampled_from(["source", "default", "source+default"])),
        hours_note=draw(text_field),
        interest_basis=draw(text_field),
        url=draw(st.sampled_from(["", "https://vi.wikipedia.org/wiki/B%C3%A1t_Tr%C3%A0ng"])),
        notes=draw(text_field),
    )


village_lists = st.lists(villages(), min_size=1, max_size=5, unique_by=lambda v: v.id)


@pytest.mark.parametrize("fmt", FORMATS)
@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(items=village_lists)
def test_generated_villages_round_trip(tmp_path: Path, fmt: str, items: list[Village]) -> None:
    path = save_villages(items, tmp_path / f"gen.{fmt}")
    again = load_villages(path)
    assert list(again) == items
    for a, b in zip(again, items, strict=True):
        assert (a.lat, a.lon) == (b.lat, b.lon)  # floats exact, not rounded


@given(village=villages())
def test_text_writers_round_trip_without_files(village: Village) -> None:
    csv_text = villages_to_csv([village])
    assert csv_text.startswith("id,") and csv_text.endswith("\n")
    assert json.loads(villages_to_json([village]))["villages"][0]["id"] == village.id
    feature = json.loads(villages_to_geojson([village]))["features"][0]
    assert feature["geometry"]["coordinates"] == [village.lon, village.lat]


# -- errors: one per kind of bad file -------------------------------------------------------------


def load_error(path: Path, **kwargs: Any) -> DataError:
    with pytest.raises(DataError) as info:
        load_villages(path, **kwargs)
    err = info.value
    assert err.source == str(path)
    assert str(err).startswith(str(path))  # the message names the file first
    return err


def test_latitude_out_of_range(
    write_csv: Callable[..., Path], village_row: Callable[..., Any]
) -> None:
    path = write_csv([village_row(), village_row(id="north-pole", lat="95.5")])
    with pytest.raises(DataError, match=r"row 3, field 'lat': lat 95.5 is out of range"):
        load_villages(path)
    err = load_error(path)
    assert (err.row, err.field) == (3, "lat")


def test_latitude_out_of_range_without_bounds(
    write_csv: Callable[..., Path], village_row: Callable[..., Any]
) -> None:
    err = load_error(write_csv([village_row(lat="-95")]), bounds=None)
    assert (err.row, err.field) == (2, "lat")
    assert "lat -95.0 is out of range (-90 to 90 degrees)" in str(err)


def test_position_outside_vietnam_names_the_field(
    write_csv: Callable[..., Path], village_row: Callable[..., Any]
) -> None:
    # Paris: a valid position, but far from any Hanoi village
    err = load_error(write_csv([village_row(lat="48.85", lon="2.35")]))
    assert (err.row, err.field) == (2, "lat")
    assert "is outside Vietnam" in str(err)
    # a latitude inside Vietnam with a longitude that is not: the longitude is to blame
    err = load_error(write_csv([village_row(lat="21.0", lon="-105.8")]))
    assert err.field == "lon"
    # bounds=None accepts it
    assert (
        load_villages(write_csv([village_row(lat="48.85", lon="2.35")]), bounds=None)[0].lat
        == 48.85
    )


def test_swapped_csv_coordinates(
    write_csv: Callable[..., Path], village_row: Callable[..., Any]
) -> None:
    err = load_error(write_csv([village_row(lat="105.8", lon="21.0")]))
    assert (err.row, err.field) == (2, "lat")
    assert "look swapped" in str(err)


def test_non_numeric_latitude(
    write_csv: Callable[..., Path], village_row: Callable[..., Any]
) -> None:
    path = write_csv([village_row(lat="21,0")])
    with pytest.raises(DataError, match=r"row 2, field 'lat': lat must be a number, got '21,0'"):
        load_villages(path)
    assert load_error(path).row == 2


@pytest.mark.parametrize("value", ["", "   "])
def test_missing_visit_duration_cell(
    write_csv: Callable[..., Path], village_row: Callable[..., Any], value: str
) -> None:
    path = write_csv([village_row(), village_row(id="b"), village_row(id="c", visit_minutes=value)])
    err = load_error(path)
    assert (err.row, err.field) == (4, "visit_minutes")
    assert "visit_minutes is missing" in str(err)


def test_missing_visit_duration_column(
    write_csv: Callable[..., Path], village_row: Callable[..., Any]
) -> None:
    columns = [c for c, _ in tourplan.datasets.VILLAGE_FIELDS if c != "visit_minutes"]
    path = write_csv([village_row()], columns=columns)
    with pytest.raises(DataError, match=r"missing required column.*visit_minutes"):
        load_villages(path)
    err = load_error(path)
    assert (err.row, err.field) == (1, "visit_minutes")


@pytest.mark.parametrize(("value", "message"), [("0", "got 0"), ("-45", "got -45")])
def test_zero_or_negative_duration(
    write_csv: Callable[..., Path], village_row: Callable[..., Any], value: str, message: str
) -> None:
    err = load_error(write_csv([village_row(visit_minutes=value)]))
    assert (err.row, err.field) == (2, "visit_minutes")
    assert f"visit_minutes must be positive, {message}" in str(err)


def test_fractional_duration(
    write_csv: Callable[..., Path], village_row: Callable[..., Any]
) -> None:
    err = load_error(write_csv([village_row(visit_minutes="90.5")]))
    assert err.field == "visit_minutes"
    assert "whole number, got '90.5'" in str(err)


def test_duplicate_id_names_both_rows(
    write_csv: Callable[..., Path], village_row: Callable[..., Any]
) -> None:
    path = write_csv([village_row(id="a"), village_row(id="b"), village_row(id="a")])
    with pytest.raises(
        DataError, match=r"row 4, field 'id': duplicate id 'a' \(first used on row 2\)"
    ):
        load_villages(path)
    err = load_error(path)
    assert (err.row, err.field) == (4, "id")


def test_unparseable_opening_hours(
    write_csv: Callable[..., Path], village_row: Callable[..., Any]
) -> None:
    path = write_csv([village_row(opening_hours="Mo-Fr 08:00-17:00; Sx 09:00-12:00")])
    with pytest.raises(DataError, match=r"row 2, field 'opening_hours': unknown day 'Sx'"):
        load_villages(path)
    err = load_error(path)
    assert (err.row, err.field) == (2, "opening_hours")


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.csv"
    path.write_bytes(b"")
    err = load_error(path)
    assert "the file is empty" in str(err)
    assert (err.row, err.field) == (None, None)
    path.write_bytes(b"  \n\n")
    assert "the file is empty" in str(load_error(path))


def test_header_only_file(tmp_path: Path, csv_text: Callable[..., str]) -> None:
    path = tmp_path / "header.csv"
    path.write_text(csv_text([]), encoding="utf-8")
    assert "the file has no villages" in str(load_error(path))


@pytest.mark.parametrize(
    ("encoding", "name"),
    [
        ("cp1258", "Làng Đông"),  # Windows Vietnamese, as old Excel saves it
        ("latin-1", "Làng Vân"),
    ],
)
def test_file_that_is_not_utf8(
    tmp_path: Path,
    csv_text: Callable[..., str],
    village_row: Callable[..., Any],
    encoding: str,
    name: str,
) -> None:
    text = csv_text([village_row(name_vi=name, craft_vi="")])
    path = tmp_path / f"{encoding}.csv"
    path.write_bytes(text.encode(encoding))
    with pytest.raises(DataError, match=r"is not UTF-8 text \(byte 0x[0-9a-f]{2} on line 2\)"):
        load_villages(path)
    assert "save the file with UTF-8" in str(load_error(path))


def test_missing_file(tmp_path: Path) -> None:
    assert "file not found" in str(load_error(tmp_path / "nope.csv"))


def test_typo_in_column_name(
    write_csv: Callable[..., Path], village_row: Callable[..., Any]
) -> None:
    columns = [
        c if c != "visit_minutes" else "vist_minutes" for c, _ in tourplan.datasets.VILLAGE_FIELDS
    ]
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
    tmp_path: Path, csv_text: Callable[..., str], village_row: Callable[..., Any]
) -> None:
    text = csv_text([village_row()]) + "extra,Làng,,,\n"
    path = tmp_path / "short.csv"
    path.write_text(text, encoding="utf-8")
    err = load_error(path)
    assert err.row == 3
    assert "has 5 values but the header has 23 columns" in str(err)


def test_unterminated_quote_is_reported_not_swallowed(
    tmp_path: Path, csv_text: Callable[..., str], village_row: Callable[..., Any]
) -> None:
    text = csv_text([village_row()]) + 'b,"Làng mở\n'
    path = tmp_path / "quote.csv"
    path.write_text(text, encoding="utf-8")
    err = load_error(path)
    assert err.row is not None and err.row >= 3


def test_repeated_column(tmp_path: Path) -> None:
    path = tmp_path / "dupe.csv"
    path.write_text("id,name_vi,lat,lon,visit_minutes,lat\na,A,21,105.8,60,21\n", encoding="utf-8")
    err = load_error(path)
    assert err.row == 1
    assert "repeated in the header: lat" in str(err)


def test_bad_theme(write_csv: Callable[..., Path], village_row: Callable[..., Any]) -> None:
    path = write_csv([village_row(themes="ceramics;potery")])
    with pytest.raises(DataError, match=r"row 2, field 'themes': unknown theme\(s\) potery"):
        load_villages(path)
    assert load_error(path).field == "themes"


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("interest", "150", "interest must be 1 to 100, got 150"),
        ("interest", "high", "interest must be a whole number, got 'high'"),
        ("coord_kind", "gps", "'gps' is not one of"),
        ("confidence", "sure", "'sure' is not one of high, medium, low"),
        ("coord_precision_m", "-5", "must not be negative"),
        ("id", "Bat Trang", "is not a valid id"),
        ("name_vi", " ", "name_vi is missing"),
    ],
)
def test_bad_field_values(
    write_csv: Callable[..., Path],
    village_row: Callable[..., Any],
    field: str,
    value: str,
    message: str,
) -> None:
    err = load_error(write_csv([village_row(), village_row(**{"id": "second", field: value})]))
    assert (err.row, err.field) == (3, field)
    assert message in str(err)


def test_unknown_extension(tmp_path: Path) -> None:
    path = tmp_path / "villages.xlsx"
    path.write_bytes(b"PK\x03\x04")
    with pytest.raises(DataError, match=r"cannot tell the format from the extension '\.xlsx'"):
        load_villages(path)
    err = load_error(path)
    assert (err.row, err.field) == (None, None)
    with pytest.raises(DataError, match="unknown format 'xls'"):
        load_villages(path, format="xls")  # type: ignore[arg-type]


def test_json_syntax_error_gives_line_number(hanoi: tourplan.Villages, tmp_path: Path) -> None:
    path = save_villages(hanoi[:2], tmp_path / "v.json")
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[5] = lines[5].rstrip(",")  # drop a comma on line 6
    path.write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(
        DataError, match=r"not valid JSON: Expecting ',' delimiter \(line 7, column \d+\)"
    ):
        load_villages(path)


def test_json_item_with_wrong_type(hanoi: tourplan.Villages, tmp_path: Path) -> None:
    records = [village_record(v) for v in hanoi[:3]]
    records[1]["visit_minutes"] = "ninety"
    records[2]["lat"] = None
    path = tmp_path / "v.json"
    path.write_text(json.dumps({"villages": records}), encoding="utf-8")
    err = load_error(path)
    assert (err.row, err.field) == (2, "visit_minutes")
    assert "whole number, got 'ninety'" in str(err)


def test_json_that_is_not_a_list(tmp_path: Path) -> None:
    path = tmp_path / "v.json"
    path.write_text('{"id": "x"}', encoding="utf-8")
    assert "expected a list of villages" in str(load_error(path))
    path.write_text("[1, 2]", encoding="utf-8")
    err = load_error(path)
    assert err.row == 1 and "must be a JSON object" in str(err)


def test_json_typo_in_key(hanoi: tourplan.Villages, tmp_path: Path) -> None:
    record = village_record(hanoi[0])
    record["vist_minutes"] = record.pop("visit_minutes")
    path = tmp_path / "v.json"
    path.write_text(json.dumps([record]), encoding="utf-8")
    err = load_error(path)
    assert (err.row, err.field) == (1, "vist_minutes")
    assert "did you mean 'visit_minutes'" in str(err)


def geojson_with(
    tmp_path: Path, hanoi: tourplan.Villages, edit: Callable[[list[Any]], None]
) -> Path:
    path = save_villages(hanoi[:3], tmp_path / "v.geojson")
    data = json.loads(path.read_text(encoding="utf-8"))
    edit(data["features"])
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_geojson_with_swapped_coordinates(hanoi: tourplan.Villages, tmp_path: Path) -> None:
    def swap(features: list[Any]) -> None:
        coords = features[1]["geometry"]["coordinates"]
        coords.reverse()  # [lat, lon]: the common mistake

    path = geojson_with(tmp_path, hanoi, swap)
    with pytest.raises(DataError, match=r"look swapped \(expected \[longitude, latitude\]\)"):
        load_villages(path)
    err = load_error(path)
    assert (err.row, err.field) == (2, "coordinates")
    assert "far outside Vietnam" in str(err)
    assert repr(hanoi[1].id) in str(err)


@pytest.mark.parametrize(
    ("edit", "field", "message"),
    [
        (lambda f: f[0].update(geometry=None), "geometry", "needs a Point geometry"),
        (lambda f: f[0]["geometry"].update(type="LineString"), "geometry", "Point geometry"),
        (lambda f: f[0]["geometry"].update(coordinates=["105.8", "21"]), "coordinates", "numbers"),
        (
            lambda f: f[0]["geometry"].update(coordinates=[105.8]),
            "coordinates",
            "[longitude, latitude]",
        ),
        (lambda f: f[0]["properties"].update(lat=21.0), "lat", "put the position in the geometry"),
        (lambda f: f[0]["properties"].pop("visit_minutes"), "visit_minutes", "missing required"),
    ],
)
def test_bad_geojson_features(
    hanoi: tourplan.Villages,
    tmp_path: Path,
    edit: Callable[[list[Any]], None],
    field: str,
    message: str,
) -> None:
    err = load_error(geojson_with(tmp_path, hanoi, edit))
    assert (err.row, err.field) == (1, field)
    assert message in str(err)


def test_geojson_that_is_not_a_feature_collection(tmp_path: Path) -> None:
    path = tmp_path / "v.geojson"
    path.write_text('{"type": "Feature"}', encoding="utf-8")
    assert "FeatureCollection" in str(load_error(path))


def test_nothing_is_half_loaded(
    write_csv: Callable[..., Path], village_row: Callable[..., Any]
) -> None:
    rows = [village_row(id=f"v{i}") for i in range(10)]
    rows.append(village_row(id="v10", lat="ninety"))
    path = write_csv(rows)
    result: Villages | None = None
    with pytest.raises(DataError):
        result = load_villages(path)
    assert result is None
    err = load_error(path)
    assert err.row == 12  # the last row; ten good rows before it were not returned


def test_villages_collection(hanoi: tourplan.Villages) -> None:
    assert len(hanoi) == 61
    assert "bat-trang" in hanoi and "nowhere" not in hanoi
    assert hanoi[0] in hanoi
    assert isinstance(hanoi[1:4], Villages) and len(hanoi[1:4]) == 3
    assert repr(hanoi) == "Villages(61 villages)"
    ceramics = hanoi.with_theme("ceramics")
    assert "bat-trang" in ceramics
    assert all("ceramics" in v.themes for v in ceramics)
    assert hanoi.filter(lambda v: v.interest >= 80).ids == tuple(
        v.id for v in hanoi if v.interest >= 80
    )
    with pytest.raises(DataError, match="unknown theme"):
        hanoi.with_theme("pottery")
    with pytest.raises(DataError, match="duplicate id 'bat-trang'"):
        Villages([hanoi.get("bat-trang"), hanoi.get("bat-trang")])


def test_all_load_errors_share_one_root(
    write_csv: Callable[..., Path], village_row: Callable[..., Any]
) -> None:
    path = write_csv([village_row(lat="x")])
    for kind in (DataError, ValueError, TourplanError):
        with pytest.raises(kind):
            load_villages(path)


def test_error_message_format_is_file_row_field(
    write_csv: Callable[..., Path], village_row: Callable[..., Any]
) -> None:
    path = write_csv([village_row(interest="0")])
    err = load_error(path)
    assert re.fullmatch(
        re.escape(f"{path}, row 2, field 'interest': interest must be 1 to 100, got 0"), str(err)
    )
