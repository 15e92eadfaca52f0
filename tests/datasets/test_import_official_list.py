"""Placing villages by commune (tourplan.geocode.communes) and reading a city list."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tourplan.datasets import load_villages, save_villages
from tourplan.datasets.files import MAX_VILLAGES
from tourplan.exceptions import DataError
from tourplan.geocode.communes import CommuneError, commune_index
from tourplan.geocode.official_list import ListRow, import_rows, read_official_list
from tourplan.model import Village
from tourplan.names import fold

FIXTURE = Path(__file__).parent.parent / "data" / "fixtures" / "official_list_20.csv"
INDEX = commune_index()


@pytest.mark.parametrize(
    ("commune", "district", "expected"),
    [
        ("Xã Dân Hòa", "Huyện Thanh Oai", "Xã Dân Hòa"),
        ("xa dan hoa", "h. thanh oai", "Xã Dân Hòa"),  # no diacritics, abbreviated type
        ("Dân Hoà", "Thanh Oai", "Xã Dân Hòa"),  # old-style tone placement
        ("Phương Trung", "", "Xã Phương Trung"),  # 'Phương' is not the type 'Phường'
        ("Tam Hiệp", "Thanh Trì", "Xã Tam Hiệp"),  # a homonym, chosen by its district
        ("Kim Lan", "Gia Lâm", "Xã Kim Đức"),  # merged on 1/1/2025: the successor's point
    ],
)
def test_communes_are_found_however_written(commune: str, district: str, expected: str) -> None:
    assert INDEX.place(commune, district).commune.name == expected


@pytest.mark.parametrize(
    ("commune", "district", "reason"),
    [
        ("Tam Hiệp", "", "homonym"),
        ("Van Phuc", "", "homonym"),
        ("Phương Trung", "Chương Mỹ", "district_mismatch"),
        ("Xã Không Có", "", "unknown_commune"),
        ("Dân Hòa", "Huyện Không Có", "unknown_district"),
        ("Xã Ứng Hòa", "", "merged_2025"),
        ("", "Gia Lâm", "missing_commune"),
    ],
)
def test_nothing_is_guessed(commune: str, district: str, reason: str) -> None:
    with pytest.raises(CommuneError) as info:
        INDEX.place(commune, district)
    assert info.value.reason == reason


def test_typed_diacritics_tell_van_phuc_from_van_phuc() -> None:
    with pytest.raises(CommuneError, match="names 2 communes"):
        INDEX.place("Vạn Phúc")  # Thanh Trì and Hà Đông, not Vân Phúc (Phúc Thọ)


def test_the_type_tells_a_town_from_a_commune_of_the_same_name() -> None:
    assert INDEX.place("Thị trấn Yên Viên").commune.name == "Thị trấn Yên Viên"
    assert INDEX.place("xa yen vien", "Gia Lâm").commune.name == "Xã Yên Viên"
    with pytest.raises(CommuneError, match=r"give its type"):
        INDEX.place("Yên Viên", "Gia Lâm")


def test_precision_is_1_to_3_km_and_3_to_4_km_when_merged() -> None:
    assert 1000 <= INDEX.place("Bát Tràng", "Gia Lâm").precision_m <= 3000
    merged = INDEX.place("Chàng Sơn", "Thạch Thất")
    assert merged.merged_name == "Chàng Sơn" and 3000 <= merged.precision_m <= 4000


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(INDEX.communes), st.booleans(), st.booleans())
def test_every_commune_places_itself_inside_its_district(
    commune: object, plain: bool, with_district: bool
) -> None:
    from tourplan.geocode.communes import Commune

    assert isinstance(commune, Commune)
    name = fold(commune.name) if plain else commune.name
    district = commune.district if with_district else ""
    try:
        placed = INDEX.place(name, district)
    except CommuneError as exc:  # only a real homonym may refuse
        assert exc.reason == "homonym" and not with_district
        return
    assert placed.commune.district == commune.district or not with_district
    south, west, north, east = INDEX.district_box(placed.commune.district)
    assert south <= placed.lat <= north and west <= placed.lon <= east
    assert 1000 <= placed.precision_m <= 4000


def test_fixture_list_reads_20_rows_with_vietnamese_headers() -> None:
    rows = read_official_list(FIXTURE)
    assert len(rows) == 20
    assert rows[1] == ListRow(
        row=3,
        name="Lang tac tuong Vu Lang",
        hamlet="Vu Lang",
        commune="xa Dan Hoa",
        district="huyen Thanh Oai",
        craft="tac tuong",
    )


def test_import_keeps_placed_rows_in_order_and_explains_the_rest() -> None:
    result = import_rows(read_official_list(FIXTURE), INDEX, source=FIXTURE.name)
    assert len(result.villages) == 13 and len(result.failures) == 7
    reasons = sorted(f.reason for f in result.failures)
    assert reasons == [
        "district_mismatch",
        "homonym",
        "homonym",
        "merged_2025",
        "missing_name",
        "unknown_commune",
        "unknown_district",
    ]
    assert len(set(result.villages)) == len({v.id for v in result.villages})
    le_mat = next(v for v in result.villages if v.name_vi == "Làng Lệ Mật")
    assert (le_mat.status, le_mat.status_year) == ("recognised", 2011)
    assert le_mat.visit_minutes_origin == "default" and le_mat.opening_hours_origin == "default"
    assert "row 14 of official_list_20.csv" in le_mat.notes.lower()
    assert result.summary().startswith("placed 13 of 20 rows; 7 not placed")


def test_a_refinement_outside_the_commune_is_dropped() -> None:
    from dataclasses import replace

    rows = [ListRow(row=2, name="Làng X", commune="Dân Hòa", district="Thanh Oai")]
    far = import_rows(rows, INDEX, refine=lambda row, v: replace(v, lat=21.3, lon=105.5))
    assert far.villages[0].coord_kind == "commune_centroid"
    near = import_rows(
        rows, INDEX, refine=lambda row, v: replace(v, lat=v.lat + 0.001, coord_kind="address")
    )
    assert near.villages[0].coord_kind == "address"


def test_a_list_without_a_name_column_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_text("xa,huyen\nDân Hòa,Thanh Oai\n", encoding="utf-8")
    with pytest.raises(DataError) as info:
        read_official_list(path)
    assert info.value.field == "name"


def test_a_key_of_another_district_does_not_hide_the_district_asked_for() -> None:
    # Found by hypothesis: "xa van ha" read whole names a commune of Phúc Thọ; read as
    # "van ha" it is Đông Anh's Xã Vân Hà, which is the one asked for.
    placed = INDEX.place("xa van ha", "Đông Anh")
    assert placed.commune.name == "Xã Vân Hà" and placed.commune.district == "Huyện Đông Anh"


def test_a_row_repeating_a_village_is_refused_naming_both_rows() -> None:
    # Reviewer's probe: the same row twice became two villages a plan visited in turn.
    rows = [
        ListRow(row=2, name="Làng tạc tượng Vũ Lăng", hamlet="Thôn Vũ Lăng", commune="Dân Hòa"),
        ListRow(row=3, name="Làng gốm Kim Lan", commune="Kim Lan", district="Gia Lâm"),
        ListRow(  # the same village, spelled as lists without diacritics spell it
            row=4,
            name="Lang nghe tac tuong Vu Lang",
            hamlet="Vu Lang",
            commune="xa Dan Hoa",
            district="huyen Thanh Oai",
        ),
    ]
    with pytest.raises(DataError, match="rows 2 and 4 are the same village") as info:
        import_rows(rows, INDEX, source="list.csv")
    assert (info.value.row, info.value.field) == (4, "name")
    assert "\n" not in str(info.value)


def _strip_marks(text: str) -> str:
    """``text`` as a list without diacritics writes it (``đ`` as ``d``), case kept."""
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in text if not unicodedata.combining(c))


def _spelling(text: str) -> st.SearchStrategy[str]:
    """``text`` with or without its diacritics, in its own, lower or upper case."""
    return st.tuples(st.booleans(), st.sampled_from([str, str.lower, str.upper])).map(
        lambda how: how[1](_strip_marks(text) if how[0] else text)
    )


@settings(max_examples=60, deadline=None)
@given(
    first_name=_spelling("Làng gốm Kim Lan"),
    second_name=_spelling("Làng gốm Kim Lan"),
    first_commune=_spelling("Xã Kim Lan"),
    second_commune=st.one_of(_spelling("Xã Kim Lan"), _spelling("Kim Lan")),
)
def test_a_repeat_is_found_however_the_name_and_merged_commune_are_spelled(
    first_name: str, second_name: str, first_commune: str, second_commune: str
) -> None:
    """Regression: ``Xa Kim Lan`` and ``Xã Kim Lan`` (merged into Kim Đức in 2025) kept two
    rows of one village apart ("placed 2 of 2"): the duplicate check compared the merged
    commune as typed. A plan over the file then visited the village twice, 0.0 km apart."""
    rows = [
        ListRow(
            row=2, name=first_name, hamlet="Kim Lan", commune=first_commune, district="Gia Lâm"
        ),
        ListRow(
            row=3, name=second_name, hamlet="Kim Lan", commune=second_commune, district="Gia Lâm"
        ),
    ]
    with pytest.raises(DataError, match="rows 2 and 3 are the same village") as info:
        import_rows(rows, INDEX, source="list.csv")
    assert (info.value.row, info.value.field) == (3, "name")


def test_a_row_without_a_hamlet_does_not_tell_a_repeat_apart() -> None:
    rows = [
        ListRow(
            row=2, name="Làng quạt", hamlet="Canh Hoạch", commune="Dân Hòa", district="Thanh Oai"
        ),
        ListRow(row=3, name="Làng quạt", commune="Dân Hòa", district="Thanh Oai"),
    ]
    with pytest.raises(DataError, match="rows 2 and 3"):
        import_rows(rows, INDEX)


def test_villages_of_one_name_in_other_hamlets_or_communes_are_kept() -> None:
    rows = [
        ListRow(row=2, name="Làng mây tre đan", hamlet="Phú Vinh", commune="Phú Nghĩa"),
        ListRow(row=3, name="Làng mây tre đan", hamlet="Thôn Phú Yên", commune="Phú Nghĩa"),
        ListRow(row=4, name="Làng gốm", commune="Bát Tràng", district="Gia Lâm"),
        ListRow(row=5, name="Làng gốm", commune="Kim Lan", district="Gia Lâm"),
    ]
    result = import_rows(rows, INDEX)
    assert not result.failures
    assert len({v.id for v in result.villages}) == 4


def test_villages_of_one_name_in_one_commune_take_their_hamlet_in_their_id() -> None:
    # found on 2026-12-02 by review: the second and third "Làng mây tre đan" of Phú Nghĩa
    # became may-tre-dan-phu-nghia and may-tre-dan-2 although each row names its hamlet
    rows = [
        ListRow(row=2, name="Làng mây tre đan", hamlet="Phú Vinh", commune="Phú Nghĩa"),
        ListRow(row=3, name="Làng mây tre đan", hamlet="Thôn Phú Yên", commune="Phú Nghĩa"),
        ListRow(row=4, name="Làng nghề mây tre đan", hamlet="Xóm Đông", commune="Phú Nghĩa"),
    ]
    ids = [v.id for v in import_rows(rows, INDEX).villages]
    assert ids == ["may-tre-dan", "may-tre-dan-phu-yen", "may-tre-dan-dong"]


@pytest.mark.parametrize(
    ("rows", "ids"),
    [
        (  # no hamlet: the commune tells them apart
            [
                ListRow(row=2, name="Làng gốm", commune="Bát Tràng", district="Gia Lâm"),
                ListRow(row=3, name="Làng gốm", commune="Phù Lỗ", district="Sóc Sơn"),
            ],
            ["gom", "gom-phu-lo"],
        ),
        (  # communes of one name in two districts, no hamlet: the last resort
            [
                ListRow(row=2, name="Làng gốm", commune="Bát Tràng", district="Gia Lâm"),
                ListRow(row=3, name="Làng gốm", commune="Tam Hiệp", district="Thanh Trì"),
                ListRow(row=4, name="Làng gốm", commune="Tam Hiệp", district="Phúc Thọ"),
            ],
            ["gom", "gom-tam-hiep", "gom-2"],
        ),
    ],
)
def test_without_a_hamlet_the_commune_then_a_number_tells_ids_apart(
    rows: list[ListRow], ids: list[str]
) -> None:
    assert [v.id for v in import_rows(rows, INDEX).villages] == ids


def test_a_year_that_is_not_a_year_is_refused_naming_row_and_column(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_text(
        "Tên làng nghề,Xã,Huyện,Năm công nhận\n"
        "Làng gốm sứ Bát Tràng,Bát Tràng,Gia Lâm,2009\n"
        "Làng Z,Bát Tràng,Gia Lâm,abcd\n",
        encoding="utf-8",
    )
    with pytest.raises(DataError, match="'abcd' is not a year") as info:
        read_official_list(path)
    assert (info.value.row, info.value.field) == (3, "Năm công nhận")
    with pytest.raises(DataError, match="not a year"):  # rows made by hand are checked too
        import_rows([ListRow(row=2, name="Làng Z", commune="Bát Tràng", year="20O9")], INDEX)


@pytest.mark.parametrize("body", ["name,commune\n", "name,commune\n,\n\n"])
def test_a_list_with_only_a_header_is_refused(tmp_path: Path, body: str) -> None:
    path = tmp_path / "list.csv"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(DataError, match="no village rows"):
        read_official_list(path)


@settings(max_examples=60, deadline=None)
@given(
    name=st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), min_size=1, max_size=10),
    craft=st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=6),
    url=st.sampled_from(["", "https://example.org/lang", "https://a b", "http://x\x7f"]),
    fmt=st.sampled_from(["csv", "json", "geojson"]),
)
def test_what_the_import_keeps_the_loader_loads(
    tmp_path_factory: pytest.TempPathFactory, name: str, craft: str, url: str, fmt: str
) -> None:
    """Regression: a name with NUL or a line break was imported (exit 0, "wrote ...") into a
    file that ``route --villages`` then refused ("name_vi holds a control character"). The
    import refuses such a row naming the row and the list's column, or its file loads."""
    rows = [
        ListRow(row=2, name="Làng gốm Bát Tràng", commune="Bát Tràng", district="Gia Lâm"),
        ListRow(row=3, name=name, commune="Kim Lan", district="Gia Lâm", craft=craft, url=url),
    ]
    if not rows[1].name.strip():
        return  # a row without a name is reported, not imported (tested above)
    try:
        result = import_rows(rows, INDEX, source="list.csv", out_format=fmt)  # type: ignore[arg-type]
    except DataError as exc:
        assert (exc.source, exc.row) == ("list.csv", 3)
        assert exc.field in ("name", "craft", "url")
        assert "\n" not in str(exc)
        return
    path = save_villages(result.villages, tmp_path_factory.mktemp("import") / f"v.{fmt}")
    assert len(load_villages(path)) == 2


@pytest.mark.parametrize(
    ("cell", "message"),
    [
        ("Làng gốm\x00 Kim Lan", r"'\\x00' at position 9"),
        ('"Làng gốm\nKim Lan"', r"'\\n' at position 9"),  # a quoted line break
        ("x" * 10_001, "more than the 10000 allowed"),
    ],
)
def test_a_cell_the_loader_would_refuse_stops_the_import_naming_row_and_column(
    tmp_path: Path, cell: str, message: str
) -> None:
    path = tmp_path / "list.csv"
    path.write_text(
        f"Tên làng nghề,Xã,Huyện\nLàng gốm Bát Tràng,Bát Tràng,Gia Lâm\n{cell},Kim Lan,Gia Lâm\n",
        encoding="utf-8",
    )
    with pytest.raises(DataError, match=message) as info:
        read_official_list(path)
    assert (info.value.row, info.value.field) == (3, "Tên làng nghề")
    assert "\n" not in str(info.value)


def test_more_rows_than_a_villages_file_may_hold_stop_before_any_online_request() -> None:
    """Regression: 3,000 rows were imported (exit 0) into a file the loader refused ("more
    than the 2000 a plan can be made over")."""
    rows = [
        ListRow(row=n, name=f"Làng {n}", hamlet=f"Thôn {n}", commune="Bát Tràng")
        for n in range(2, MAX_VILLAGES + 3)
    ]
    asked: list[int] = []

    def refine(row: ListRow, village: Village) -> Village | None:
        asked.append(row.row)
        return None

    with pytest.raises(DataError, match=f"{MAX_VILLAGES + 1} rows are placed, more than") as info:
        import_rows(rows, INDEX, source="list.csv", refine=refine)
    assert info.value.source == "list.csv" and not asked
    assert len(import_rows(rows[:-1], INDEX).villages) == MAX_VILLAGES
