"""bench/asked.py: what a published tour's traveller asked for, one test per rule."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import tourplan

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
from asked import (
    GENERIC,
    HERITAGE,
    HERITAGE_PHRASES,
    asked,
    match_sights,
    match_themes,
    stem,
    vocabulary,
)

PLACES = list(tourplan.load_hanoi())
WORDS = vocabulary(PLACES)


def _themes(title: str) -> tuple[str, ...]:
    return match_themes(title, WORDS)


@pytest.mark.parametrize(
    ("title", "theme"),
    [
        ("Bat Trang Ceramic village", "ceramics"),  # singular of "ceramics"
        ("Incense village & conical hat artisan tour", "bamboo"),  # "hats" in the data
        ("Potteries of the Red River", "ceramics"),
        ("Embroidery and inlaying", "art"),  # a suffix: "inlaying" names "inlay"
    ],
)
def test_singular_and_plural_both_ways(title: str, theme: str) -> None:
    assert theme in _themes(title)


def test_stem_meets_singular_and_plural() -> None:
    assert stem("ceramics") == stem("ceramic")
    assert stem("hats") == stem("hat")
    assert stem("potteries") == stem("pottery")
    assert stem("glass") == "glass"


@pytest.mark.parametrize(
    "title",
    [
        "Hanoi's Handicraft Centre at Bat Trang",
        "Hanoi Motorbike Tour - Iti #2: Hanoi - Bat Trang Village - Tho Ha Village (1 Day)",
        "One-day tour visiting Chuong Village and Tram Pagoda",
        "Hanoi - Duong Lam - Thay pagoda - Tay Phuong pagoda (HN02)",
        "Full-day tour of the traditional Duong Lam village with local lunch",
        "Craft villages, artisans and temples: a small-group day trip",
    ],
)
def test_generic_words_never_give_a_theme(title: str) -> None:
    assert _themes(title) == ()


@given(st.lists(st.sampled_from(sorted(GENERIC)), min_size=1, max_size=8))
@example(["ancient", "village"])  # found by hypothesis: the old test ignored rule 4
def test_any_title_of_generic_words_asks_for_nothing_but_a_heritage_phrase(
    words: list[str],
) -> None:
    # "ancient" and "village" are generic alone, but "ancient village" is a heritage phrase
    # (rule 4): the only theme generic words can give, and only as that phrase
    title = " ".join(words)
    spoken = any(f" {phrase} " in f" {title} " for phrase in HERITAGE_PHRASES)
    assert _themes(title) == ((HERITAGE,) if spoken else ())


@pytest.mark.parametrize("title", ["village ancient", "ancient craft village", "ancient"])
def test_generic_words_out_of_a_heritage_phrase_ask_for_nothing(title: str) -> None:
    assert _themes(title) == ()


@pytest.mark.parametrize("title", ["ancient village", "tour ancient villages hanoi"])
def test_a_heritage_phrase_of_generic_words_asks_for_heritage(title: str) -> None:
    assert _themes(title) == (HERITAGE,)


def test_a_craft_word_gives_the_theme_most_of_its_villages_carry_or_none() -> None:
    assert "hand" not in WORDS  # embroidery by hand, hand-made paper: no theme for most
    assert WORDS["silk"] == ("textiles",)  # three silk villages of four; Cổ Đô "formerly"


def test_craft_words_come_from_villages_not_from_the_descriptions_of_sights() -> None:
    for word in ("arhat", "confucian", "steles", "amitabha", "stupa", "pagoda", "temple"):
        assert word not in WORDS, word


@pytest.mark.parametrize(
    "title",
    [
        "Hà Nội - Làng Cổ Đường Lâm - Làng lụa Vạn Phúc - Chùa Tây Phương (01 ngày)",
        "Đến thăm 'Ngôi Làng Cổ Trấn' ngay gần Hà Nội",
        "An ancient village west of Hanoi",
        "Old villages and their communal houses",
        "Heritage walk",
    ],
)
def test_heritage_from_phrases_that_mean_it(title: str) -> None:
    assert "heritage" in _themes(title)


@pytest.mark.parametrize(
    "title",
    ["Soy sauce and laterite houses", "Temples and pagodas", "A village day", "Ancient crafts"],
)
def test_heritage_never_from_other_words(title: str) -> None:
    assert "heritage" not in _themes(title)


def test_a_places_name_is_never_a_theme() -> None:
    # "Dong" of "Dong Ho" is not the "dong" vermicelli of the data
    assert _themes("Bat Trang and Dong Ho villages") == ()


def test_a_short_sight_name_matches_the_sights_longer_name_in_order() -> None:
    def stop(name: str) -> dict[str, str]:
        return {"name": name, "kind": "sight"}

    assert match_sights([stop("Tram pagoda")], PLACES) == ("chua-tram",)
    assert match_sights([stop("Gian pagoda")], PLACES) == ()  # the first word must be first
    assert match_sights([stop("Chùa Tây Phương (Thạch Thất)")], PLACES) == ("chua-tay-phuong",)


def test_asked_reads_a_tour() -> None:
    tour = {
        "title": "Hanoi: incense village & conical hat artisan tour, half day",
        "stops": [{"name": "Thay pagoda", "kind": "sight"}],
    }
    wish = asked(tour, PLACES, WORDS)
    assert wish.sights == ("chua-thay",)
    assert wish.themes == ("bamboo", "incense")
    assert wish.half_day
