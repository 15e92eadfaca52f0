"""The village table: aligned columns with Vietnamese text, cut cells, headers and counts."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

import pytest

from tourplan.model import Village
from tourplan.text.tables import TableRole, village_table


def columns(line: str) -> int:
    """Columns a line takes on a terminal: combining marks take none."""
    return sum(0 if unicodedata.combining(c) else 1 for c in line)


@pytest.fixture
def villages(make_village: Callable[..., Village]) -> list[Village]:
    return [
        make_village(
            id="bat-trang",
            name_vi="Làng gốm Bát Tràng",
            name_en="Bat Trang pottery village",
            craft_vi="gốm sứ",
            craft_en="pottery",
            themes=("ceramics",),
            interest=85,
        ),
        make_village(
            id="van-phuc",
            name_vi="Làng lụa Vạn Phúc",
            name_en="Van Phuc silk village",
            craft_vi="dệt lụa tơ tằm",
            craft_en="silk weaving",
            themes=("textiles",),
            interest=7,
        ),
        make_village(
            id="x",
            name_vi="Làng X",
            name_en="",  # no English name: the Vietnamese one stands in
            craft_vi="sơn mài",
            craft_en="lacquer",
            themes=("art", "lacquer"),
            interest=100,
        ),
    ]


def test_columns_line_up_with_decomposed_vietnamese_letters(
    make_village: Callable[..., Village],
) -> None:
    # "ầ" written as a + combining circumflex + combining grave: three code points, one column
    decomposed = unicodedata.normalize("NFD", "Làng nghề Phù Lưu Chấn")
    assert len(decomposed) > len(unicodedata.normalize("NFC", decomposed))
    rows = [
        make_village(id="a", name_vi=decomposed, craft_vi=unicodedata.normalize("NFD", "gỗ")),
        make_village(id="bb", name_vi="Làng B", craft_vi="mây tre đan", interest=9),
    ]
    lines = village_table(rows, "vi").splitlines()
    header, body = lines[0], lines[1:-1]
    # every line of the table ends at the same column: numbers are right-aligned
    assert {columns(line) for line in body} == {columns(header)}
    # each column starts at the same place on every line
    craft_at = header.index("NGHỀ")
    assert [columns(line[:craft_at]) for line in body] == [columns(header[:craft_at])] * 2
    assert body[0][craft_at:].startswith("gỗ ")
    assert "Làng nghề Phù Lưu Chấn" in body[0]  # composed in the output
    composed = [
        make_village(id="a", name_vi="Làng nghề Phù Lưu Chấn", craft_vi="gỗ"),
        rows[1],
    ]
    # columns are as wide as the letters, not the code points
    assert village_table(rows, "vi") == village_table(composed, "vi")


def test_real_names_line_up(villages: list[Village]) -> None:
    lines = village_table(villages, "vi").splitlines()
    assert len({len(line) for line in lines[:-1]}) == 1
    assert lines[1].split()[-1] == "85"
    assert lines[2].endswith("   7")


def test_long_text_is_cut_with_an_ellipsis(make_village: Callable[..., Village]) -> None:
    name = "Làng nghề truyền thống điêu khắc gỗ và sơn mài Sơn Đồng"  # 54 letters
    short = make_village(id="a", name_vi="Làng A")
    lines = village_table([make_village(id="b", name_vi=name), short], "vi").splitlines()
    name_at = lines[0].index("TÊN")
    craft_at = lines[0].index("NGHỀ")
    cut = lines[1][name_at:craft_at].rstrip()
    assert cut.endswith("…")
    assert name.startswith(cut[:-1])
    assert cut[-2] != " "  # no space left before the ellipsis
    assert columns(lines[2][name_at:craft_at]) == columns(lines[1][name_at:craft_at])
    assert 20 <= columns(cut) < columns(name)


def test_text_that_fits_is_not_cut(villages: list[Village]) -> None:
    table = village_table(villages, "en")
    assert "…" not in table
    assert "Bat Trang pottery village" in table


@pytest.mark.parametrize(
    ("lang", "headers", "count"),
    [
        ("vi", ["MÃ", "TÊN", "NGHỀ", "CHỦ", "ĐỀ", "ĐIỂM"], "3 làng"),
        ("en", ["ID", "NAME", "CRAFT", "THEMES", "INTEREST"], "3 villages"),
    ],
)
def test_headers_and_count_in_each_language(
    villages: list[Village], lang: str, headers: list[str], count: str
) -> None:
    lines = village_table(villages, lang).splitlines()  # type: ignore[arg-type]
    assert lines[0].split() == headers
    assert lines[-1] == count
    assert len(lines) == len(villages) + 2


def test_names_and_crafts_in_the_language(villages: list[Village]) -> None:
    english = village_table(villages, "en").splitlines()
    assert "Van Phuc silk village" in english[2]
    assert "silk weaving" in english[2]
    assert "Làng X" in english[3]  # falls back to Vietnamese
    assert "lacquer" in english[3]
    vietnamese = village_table(villages, "vi").splitlines()
    assert "dệt lụa tơ tằm" in vietnamese[2]
    assert "art,lacquer" in vietnamese[3]


def test_distances_add_a_km_column(villages: list[Village]) -> None:
    distances = {"bat-trang": 12.345, "van-phuc": 0.04, "x": 104.96}
    lines = village_table(villages, "en", distances).splitlines()
    assert lines[0].split()[-1] == "KM"
    assert [line.split()[-1] for line in lines[1:-1]] == ["12.3", "0.0", "105.0"]
    assert len({len(line) for line in lines[:-1]}) == 1
    assert "KM" not in village_table(villages, "en")


def test_style_is_given_the_header_and_the_count(villages: list[Village]) -> None:
    seen: list[tuple[str, TableRole]] = []

    def style(text: str, role: TableRole) -> str:
        seen.append((text, role))
        return f"<{text}>"

    lines = village_table(villages, "en", style=style).splitlines()
    assert [role for _, role in seen] == ["header", "count"]
    assert lines[0] == f"<{seen[0][0]}>"
    assert lines[-1] == "<3 villages>"
    assert not any(line.startswith("<") for line in lines[1:-1])


def test_no_villages_is_a_header_and_a_zero_count() -> None:
    assert village_table([], "vi").splitlines() == ["MÃ  TÊN  NGHỀ  CHỦ ĐỀ  ĐIỂM", "0 làng"]
    assert village_table([], "en", {}).splitlines()[-1] == "0 villages"


def test_one_village_is_singular(villages: list[Village]) -> None:
    """Regression: ``tourplan villages --theme performance --near hoan-kiem-lake --within 5
    --lang en`` closed its one-line table with "1 villages"."""
    assert village_table(villages[:1], "en").splitlines()[-1] == "1 village"
    assert village_table(villages[:1], "vi").splitlines()[-1] == "1 làng"
