"""Finding villages by id or name, with or without Vietnamese diacritics, or in English."""

from __future__ import annotations

import unicodedata

import pytest

import tourplan
from tourplan.exceptions import TourplanError, UnknownPlaceError
from tourplan.names import NameIndex, fold


@pytest.mark.parametrize(
    "query",
    [
        "bat-trang",  # the id
        "bat trang",
        "Bát Tràng",
        "BÁT TRÀNG",
        "Bat Trang pottery village",
        "bat trang pottery",  # a run of words of the English name
        "Làng gốm Bát Tràng",
        "lang gom bat trang",
        "  Bát   Tràng  ",
        unicodedata.normalize("NFD", "Bát Tràng"),  # decomposed input (macOS keyboards)
    ],
)
def test_bat_trang_is_found_however_it_is_written(hanoi: tourplan.Villages, query: str) -> None:
    assert hanoi.get(query).id == "bat-trang"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Vân Từ", "van-tu"),
        ("Từ Vân", "tu-van"),
        ("van tu", "van-tu"),  # no diacritics: the id's words decide
        ("tu van", "tu-van"),
        ("Van Tu tailoring village", "van-tu"),
        ("Tu Van embroidery", "tu-van"),
    ],
)
def test_swapped_syllables_resolve_to_different_villages(
    hanoi: tourplan.Villages, query: str, expected: str
) -> None:
    assert hanoi.get(query).id == expected


def test_d_with_stroke_is_typed_as_d(hanoi: tourplan.Villages) -> None:
    assert fold("Đường Lâm") == "duong lam"
    dd = [v for v in hanoi if "Đ" in v.name_vi or "đ" in v.name_vi]
    assert dd, "the dataset has names with đ"
    for village in dd:
        assert hanoi.get(fold(village.name_vi)) == village


def test_every_village_is_found_by_id_and_by_each_full_name(hanoi: tourplan.Villages) -> None:
    for village in hanoi:
        assert hanoi.get(village.id) is village
        assert hanoi.get(village.name_vi) is village
        assert hanoi.get(fold(village.name_vi)) is village
        if village.name_en:
            assert hanoi.get(village.name_en) is village


def test_ambiguous_name_lists_the_candidates(hanoi: tourplan.Villages) -> None:
    with pytest.raises(UnknownPlaceError) as info:
        hanoi.get("Phùng Xá")
    err = info.value
    assert err.ambiguous
    assert err.query == "Phùng Xá"
    assert err.candidates == ("phung-xa-my-duc", "phung-xa-thach-that")
    assert str(err) == "'Phùng Xá' is ambiguous; it matches: phung-xa-my-duc, phung-xa-thach-that"


def test_ambiguous_name_is_resolved_by_more_words(hanoi: tourplan.Villages) -> None:
    assert hanoi.get("Phung Xa weaving").id == "phung-xa-my-duc"
    assert hanoi.get("Phùng Xá metalwork").id == "phung-xa-thach-that"
    assert [v.id for v in hanoi.search("phung xa")] == ["phung-xa-my-duc", "phung-xa-thach-that"]


def test_unknown_name_suggests_near_names(hanoi: tourplan.Villages) -> None:
    with pytest.raises(
        UnknownPlaceError, match=r"no place matches 'bat trag'; did you mean: bat-trang"
    ) as info:
        hanoi.get("bat trag")
    assert not info.value.ambiguous
    assert info.value.candidates[0] == "bat-trang"
    assert len(info.value.candidates) <= 5
    assert hanoi.suggest("Bat Trag")[0] == "bat-trang"


def test_unknown_name_without_near_names(hanoi: tourplan.Villages) -> None:
    with pytest.raises(UnknownPlaceError) as info:
        hanoi.get("zzzzqqqq")
    assert info.value.candidates == ()
    assert str(info.value) == "no place matches 'zzzzqqqq'"
    assert len(hanoi.search("zzzzqqqq")) == 0


@pytest.mark.parametrize("query", ["", "   ", "!!!"])
def test_empty_query_matches_nothing(hanoi: tourplan.Villages, query: str) -> None:
    with pytest.raises(UnknownPlaceError, match="no place matches"):
        hanoi.get(query)


def test_unknown_place_error_is_a_lookup_error_and_a_tourplan_error(
    hanoi: tourplan.Villages,
) -> None:
    assert issubclass(UnknownPlaceError, LookupError)
    assert issubclass(UnknownPlaceError, TourplanError)
    with pytest.raises(LookupError):
        hanoi.get("nowhere at all")
    with pytest.raises(TourplanError):
        hanoi.get("nowhere at all")


# -- NameIndex on its own ------------------------------------------------------------------------


PLACES = [
    ("ha-noi", "Hà Nội", "Hanoi"),
    ("ha-nam", "Hà Nam", "Ha Nam province"),
    ("noi-bai", "Nội Bài", "Noi Bai airport"),
]


def index() -> NameIndex[tuple[str, str, str]]:
    return NameIndex(PLACES, lambda p: p[0], lambda p: (p[1], p[2]))


def test_name_index_levels() -> None:
    idx = index()
    assert len(idx) == 3
    assert idx.get("ha-noi")[0] == "ha-noi"  # id
    assert idx.get("hanoi")[0] == "ha-noi"  # English name
    assert idx.get("ha noi")[0] == "ha-noi"  # whole folded name beats runs in "ha noi ..."
    assert idx.get("airport")[0] == "noi-bai"  # a run of words
    assert idx.search("noi") == [PLACES[0], PLACES[2]]  # runs in two names


def test_name_index_prefers_items_whose_diacritics_match() -> None:
    idx = NameIndex([("a", "Nội"), ("b", "Nồi")], lambda p: p[0], lambda p: (p[1],))
    assert idx.get("Nội")[0] == "a"
    assert idx.get("Nồi")[0] == "b"
    with pytest.raises(UnknownPlaceError) as info:
        idx.get("noi")
    assert info.value.ambiguous
    assert info.value.candidates == ("a", "b")


def test_fold() -> None:
    assert fold("Làng gốm Bát Tràng") == "lang gom bat trang"
    assert fold("Thêu, may cờ — Từ Vân!") == "theu may co tu van"
    assert fold("ĐỒNG KỴ") == "dong ky"
    assert fold("Vân Từ", keep_marks=True) == "vân từ"
    assert fold(unicodedata.normalize("NFD", "Vân Từ"), keep_marks=True) == "vân từ"
