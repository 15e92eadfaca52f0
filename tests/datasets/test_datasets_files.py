"""Loading and saving village files: round trips in every format, whole-file errors."""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import tourplan
from tourplan.datasets import (
    check_villages,
    load_villages,
    save_villages,
    village_record,
    villages_to_csv,
    villages_to_geojson,
    villages_to_json,
)
from tourplan.datasets.files import MAX_VILLAGES
from tourplan.exceptions import DataError, ExportError, TourplanError
from tourplan.hours import OpeningHours
from tourplan.model import COORD_KINDS, THEMES, VIETNAM_BOUNDS, Village, Villages
from tourplan.names import village_key

FORMATS = ["csv", "json", "geojson"]


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


def test_surrounding_whitespace_does_not_break_round_trips(
    make_village: Callable[..., Village], tmp_path: Path
) -> None:
    # regression: loaders strip cells, so the model strips too (else save+load != original)
    village = make_village(name_vi=" Làng thử\n", notes="  note\t")
    assert (village.name_vi, village.notes) == ("Làng thử", "note")
    for fmt in FORMATS:
        assert load_villages(save_villages([village], tmp_path / f"ws.{fmt}"))[0] == village


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


# Any Unicode text except lone surrogates (not encodable) and control characters and line
# separators (refused at load: see test_control_characters_are_refused_at_load).
any_text = st.text(st.characters(exclude_categories=("Cs", "Cc", "Zl", "Zp")), max_size=40)


text_field = st.sampled_from([a for a in AWKWARD if a.isprintable()]) | any_text

# notes, hours_note and interest_basis may span lines (LF and tab; CR becomes LF at load)
multiline_field = st.sampled_from([a for a in AWKWARD if "\r" not in a]) | any_text


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
        hours_note=draw(multiline_field),
        interest_basis=draw(multiline_field),
        url=draw(st.sampled_from(["", "https://vi.wikipedia.org/wiki/B%C3%A1t_Tr%C3%A0ng"])),
        notes=draw(multiline_field),
    )


# one name each: two places of one name close together are one village twice, refused
village_lists = st.lists(
    villages(),
    min_size=1,
    max_size=5,
    unique_by=(lambda v: v.id, lambda v: village_key(v.name_vi)),
)


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


def test_duplicate_id_names_both_rows(
    write_csv: Callable[..., Path],
    village_row: Callable[..., Any],
    load_error: Callable[..., DataError],
) -> None:
    path = write_csv([village_row(id="a"), village_row(id="b"), village_row(id="a")])
    with pytest.raises(
        DataError, match=r"row 4, field 'id': duplicate id 'a' \(first used on row 2\)"
    ):
        load_villages(path)
    err = load_error(path)
    assert (err.row, err.field) == (4, "id")


def test_the_same_village_under_two_ids_names_both(
    write_csv: Callable[..., Path],
    village_row: Callable[..., Any],
    load_error: Callable[..., DataError],
) -> None:
    # found on 2026-12-02 by review: a village given twice (a copied row with a new id) was
    # planned as two villages, and a day could visit both
    rows = [
        village_row(id="gom-kim-lan", name_vi="Làng nghề gốm Kim Lan"),
        village_row(id="other", name_vi="Làng khác", lat="21.2"),
        village_row(id="kim-lan-2", name_vi="Gốm KIM LAN", lat="21.0005"),  # 55 m north
    ]
    err = load_error(write_csv(rows))
    assert (err.row, err.field) == (4, "name_vi")
    assert err.reason == (
        "'kim-lan-2' is 'gom-kim-lan' of row 2 again: the same name 'Gốm KIM LAN', 55 m apart; "
        "keep one of them (places of one name more than 100 m apart are kept as two)"
    )


def _strip_marks(text: str) -> str:
    """``text`` as typed without diacritics (``đ`` as ``d``), case kept."""
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in text if not unicodedata.combining(c))


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    marks=st.booleans(),
    case=st.sampled_from([str, str.lower, str.upper, str.title]),
    prefix=st.sampled_from(["", "Làng ", "Lang nghe ", "LÀNG NGHỀ "]),
    eth=st.booleans(),
)
def test_the_same_village_is_found_whatever_its_diacritics_and_case(
    write_csv: Callable[..., Path],
    village_row: Callable[..., Any],
    marks: bool,
    case: Callable[[str], str],
    prefix: str,
    eth: bool,
) -> None:
    """The loader's repeat check (same folded name within SAME_PLACE_M) folds the name as the
    importer does: "Lang gom Kim Lan" 55 m from "Làng gốm Kim Lan" is that village again."""
    name = "gốm Kim Lan Đông" if not eth else "gốm Kim Lan Ðông"  # Ð: eth, a look-alike of Đ
    second = case(prefix + (name if marks else _strip_marks(name)))
    rows = [
        village_row(id="gom-kim-lan", name_vi="Làng gốm Kim Lan Đông"),
        village_row(id="kim-lan-2", name_vi=second, lat="21.0005"),  # 55 m north
    ]
    with pytest.raises(DataError, match="'kim-lan-2' is 'gom-kim-lan' of row 2 again") as info:
        load_villages(write_csv(rows))
    assert (info.value.row, info.value.field) == (3, "name_vi")


@pytest.mark.parametrize(
    "second",
    [
        {"lat": "21.01"},  # 1.1 km away: another village of the name, in another commune
        {"coord_kind": "commune_centroid"},  # both at their commune's point (the importer's
        # villages of one name in one commune, told apart by their hamlets)
    ],
)
def test_villages_of_one_name_that_may_be_two_are_kept(
    write_csv: Callable[..., Path], village_row: Callable[..., Any], second: dict[str, str]
) -> None:
    first = {"coord_kind": second.get("coord_kind", "village")}
    rows = [village_row(id="a", **first), village_row(id="b", **second)]
    assert load_villages(write_csv(rows)).ids == ("a", "b")


def test_empty_file(tmp_path: Path, load_error: Callable[..., DataError]) -> None:
    path = tmp_path / "empty.csv"
    path.write_bytes(b"")
    err = load_error(path)
    assert "the file is empty" in str(err)
    assert (err.row, err.field) == (None, None)
    path.write_bytes(b"  \n\n")
    assert "the file is empty" in str(load_error(path))


def test_header_only_file(
    tmp_path: Path, csv_text: Callable[..., str], load_error: Callable[..., DataError]
) -> None:
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
    load_error: Callable[..., DataError],
) -> None:
    text = csv_text([village_row(name_vi=name, craft_vi="")])
    path = tmp_path / f"{encoding}.csv"
    path.write_bytes(text.encode(encoding))
    with pytest.raises(DataError, match=r"is not UTF-8 text \(byte 0x[0-9a-f]{2} on line 2\)"):
        load_villages(path)
    assert "save the file with UTF-8" in str(load_error(path))


def test_missing_file(tmp_path: Path, load_error: Callable[..., DataError]) -> None:
    assert "file not found" in str(load_error(tmp_path / "nope.csv"))


def test_unknown_extension(tmp_path: Path, load_error: Callable[..., DataError]) -> None:
    path = tmp_path / "villages.xlsx"
    path.write_bytes(b"PK\x03\x04")
    with pytest.raises(DataError, match=r"cannot tell the format from the extension '\.xlsx'"):
        load_villages(path)
    err = load_error(path)
    assert (err.row, err.field) == (None, None)
    with pytest.raises(DataError, match="unknown format 'xls'"):
        load_villages(path, format="xls")  # type: ignore[arg-type]


def test_nothing_is_half_loaded(
    write_csv: Callable[..., Path],
    village_row: Callable[..., Any],
    load_error: Callable[..., DataError],
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


def test_all_load_errors_share_one_root(
    write_csv: Callable[..., Path], village_row: Callable[..., Any]
) -> None:
    path = write_csv([village_row(lat="x")])
    for kind in (DataError, ValueError, TourplanError):
        with pytest.raises(kind):
            load_villages(path)


def test_error_message_format_is_file_row_field(
    write_csv: Callable[..., Path],
    village_row: Callable[..., Any],
    load_error: Callable[..., DataError],
) -> None:
    path = write_csv([village_row(interest="0")])
    err = load_error(path)
    assert re.fullmatch(
        re.escape(f"{path}, row 2, field 'interest': interest must be 1 to 100, got 0"), str(err)
    )


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    fmt=st.sampled_from(FORMATS),
    field=st.sampled_from(["name_vi", "craft_vi", "notes", "url", "status_title"]),
    text=st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=12),
    second=st.booleans(),
)
def test_check_villages_refuses_exactly_what_the_loader_refuses(
    make_village: Callable[..., Village],
    tmp_path: Path,
    fmt: str,
    field: str,
    text: str,
    second: bool,
) -> None:
    """Regression: ``villages import`` wrote names with NUL or a line break, exit 0, and the
    loader then refused its file. check_villages, run before saving, reads the villages back
    with the loader's code: it refuses what a load of the saved file would, row and field."""
    try:
        village = make_village(id="b", **{field: text})
    except DataError:
        return  # the model refuses it already: nothing would be saved
    villages = [make_village(id="a", name_vi="Làng khác", lat=21.2), village]
    if second:
        villages.reverse()
    path = save_villages(villages, tmp_path / f"check.{fmt}")
    try:
        loaded = load_villages(path)
    except DataError as load_error:
        with pytest.raises(DataError) as info:
            check_villages(villages, source="list.csv", rows=[7, 9], format=fmt)  # type: ignore[arg-type]
        assert info.value.source == "list.csv"
        assert (info.value.field, info.value.reason) == (load_error.field, load_error.reason)
        first_row = 2 if fmt == "csv" else 1  # the header is row 1 of a CSV file
        assert load_error.row is not None
        assert info.value.row == [7, 9][load_error.row - first_row]
    else:
        check_villages(villages, source="list.csv", format=fmt)  # type: ignore[arg-type]
        assert len(loaded) == 2


def test_check_villages_refuses_more_places_than_a_file_may_hold(
    make_village: Callable[..., Village],
) -> None:
    """Regression: an import of 3,000 rows wrote a file the loader refused ("more than the
    2000 a plan can be made over")."""
    villages = [
        make_village(id=f"v{i}", name_vi=f"Làng {i}", lat=21.0 + i * 1e-4)
        for i in range(MAX_VILLAGES + 1)
    ]
    with pytest.raises(DataError, match=f"more than the {MAX_VILLAGES}") as info:
        check_villages(villages, source="list.csv")
    assert info.value.source == "list.csv"
    check_villages(villages[:MAX_VILLAGES], source="list.csv")
