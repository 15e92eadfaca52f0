"""Why villages are left out, in both languages, from the reason code and its numbers."""

from __future__ import annotations

import datetime as dt
from typing import get_args

import pytest

import tourplan
from tourplan import DataError
from tourplan.plan import LeftOut, LeftOutReason
from tourplan.text import explain, reason_label

DAY = (dt.time(8), dt.time(17, 30))
SUNDAY, MONDAY = dt.date(2026, 12, 6), dt.date(2026, 12, 7)


@pytest.fixture
def kim_lan(hanoi: tourplan.Villages) -> tourplan.Village:
    return hanoi.get("kim-lan")


def test_closed(kim_lan: tourplan.Village) -> None:
    item = LeftOut(kim_lan, "closed", dates=(SUNDAY, MONDAY))
    assert str(kim_lan.opening_hours) == "Mo-Su 08:00-17:30"
    assert (
        explain(item, "en") == "closed on Sun 06 Dec, Mon 07 Dec (opening hours: daily 08:00–17:30)"
    )
    assert explain(item, "vi") == (
        "đóng cửa vào Chủ Nhật 06/12, Thứ Hai 07/12 (giờ mở cửa: hằng ngày 08:00–17:30)"
    )


def test_open_but_never_long_enough(kim_lan: tourplan.Village) -> None:
    item = LeftOut(kim_lan, "closed", dates=(MONDAY,), visit_minutes=90, day_window=DAY)
    assert explain(item, "en").startswith(
        "no opening on Mon 07 Dec is long enough for a 90-minute visit inside the day 08:00-17:30"
    )
    assert "90 phút tham quan trong ngày 08:00-17:30" in explain(item, "vi")


def test_too_long_too_far_and_max_stops(kim_lan: tourplan.Village) -> None:
    long = LeftOut(kim_lan, "too_long", visit_minutes=600, day_window=DAY)
    assert explain(long, "en") == "a visit takes 600 min, longer than the day (08:00-17:30)"
    assert explain(long, "vi") == "một lượt tham quan mất 600 phút, dài hơn cả ngày (08:00-17:30)"
    far = LeftOut(
        kim_lan, "too_far", travel_minutes=250, mode="walk", visit_minutes=60, day_window=DAY
    )
    assert explain(far, "en").startswith("250 min each way on foot: with a 60-minute visit")
    assert explain(far, "vi").startswith("mất 250 phút mỗi chiều đi bộ")  # the mode in words
    full = LeftOut(kim_lan, "max_stops", max_stops=3)
    assert explain(full, "vi") == "mỗi ngày đã đủ tối đa 3 điểm dừng"


def test_a_catalogue_route_that_was_too_short(kim_lan: tourplan.Village) -> None:
    item = LeftOut(kim_lan, "lower_interest", min_stops=3)
    assert explain(item, "en") == "its route would have had fewer than 3 stops"
    assert explain(LeftOut(kim_lan, "lower_interest"), "en").startswith("it would fit on its own")


@pytest.mark.parametrize("reason", get_args(LeftOutReason))
def test_every_reason_has_a_label_and_words_in_both_languages(
    kim_lan: tourplan.Village, reason: LeftOutReason
) -> None:
    item = LeftOut(
        kim_lan,
        reason,
        dates=(MONDAY,),
        visit_minutes=60,
        day_window=DAY,
        travel_minutes=10,
        mode="car",
        max_stops=2,
    )
    for lang in ("vi", "en"):
        assert explain(item, lang) and "{" not in explain(item, lang)  # type: ignore[arg-type]
        assert reason_label(reason, lang) != reason_label(reason, "en" if lang == "vi" else "vi")  # type: ignore[arg-type]
    assert reason_label(reason, "en", catalogue=True)


def test_unknown_language_is_refused(kim_lan: tourplan.Village) -> None:
    with pytest.raises(DataError) as info:
        explain(LeftOut(kim_lan, "avoided"), "fr")  # type: ignore[arg-type]
    assert info.value.field == "lang"


def test_a_limit_of_one_stop_is_singular(kim_lan: tourplan.Village) -> None:
    """Regression: ``tourplan route --max-stops 1 --lang en`` said "every day already has
    the maximum of 1 stops"."""
    assert explain(LeftOut(kim_lan, "max_stops", max_stops=1), "en").endswith("of 1 stop")
    assert explain(LeftOut(kim_lan, "max_stops", max_stops=2), "en").endswith("of 2 stops")


def test_a_sight_not_worth_a_stop_says_why_truly() -> None:
    """Regression: ``tourplan route --day-start 18:00 --day-end 22:00 --theme performance``
    planned nothing and said the water-puppet theatre was left out "on this request (themes
    asked, season, hours of work)": none of those; a sight counts half in the free choice
    (tourplan.plan.offers.request_interest; since 2026-12-01 a theme asked lifts it, and that
    evening plans the theatre: tests/plan/test_sights_by_theme.py)."""
    import tourplan

    theatre = tourplan.load_hanoi().get("mua-roi-thang-long")
    assert theatre.is_sight  # the premise
    item = LeftOut(theatre, "not_worth_a_stop", visit_minutes=50)
    en, vi = explain(item, "en"), explain(item, "vi")
    assert "themes asked" not in en and "must-visit" in en and "50-minute" in en
    assert "chủ đề, mùa" not in vi and "bắt buộc" in vi
    village = tourplan.load_hanoi().get("bat-trang")
    assert "themes asked" in explain(LeftOut(village, "not_worth_a_stop", visit_minutes=60), "en")
