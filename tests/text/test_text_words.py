"""Each word written once: weekdays, dates, durations, distances, names, languages."""

from __future__ import annotations

import datetime as dt

import pytest

from tourplan import DataError
from tourplan.text import (
    check_lang,
    compact_date,
    duration,
    full_date,
    join,
    km_text,
    mode_name,
    number,
    pace_name,
    short_dates,
    theme_label,
    weekday,
)
from tourplan.text.words import WEEKDAYS

SUNDAY = dt.date(2026, 12, 6)
WEEK = [dt.date(2026, 12, 7) + dt.timedelta(days=i) for i in range(7)]  # Monday first


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_date_format_spells_the_weekday_the_same(lang: str) -> None:
    # Regression: Sunday was "Chủ nhật" in reasons and "Chủ Nhật" in the schedule.
    for date in WEEK:
        name = weekday(date, lang)  # type: ignore[arg-type]
        assert full_date(date, lang).startswith(name)  # type: ignore[arg-type]
        short = weekday(date, lang, short=True)  # type: ignore[arg-type]
        assert compact_date(date, lang).startswith(short)  # type: ignore[arg-type]
        assert short_dates([date], lang).startswith(short)  # type: ignore[arg-type]
    assert weekday(SUNDAY, "vi") == "Chủ Nhật"
    assert len(set(WEEKDAYS["vi"])) == len(set(WEEKDAYS["en"])) == 7


def test_dates_in_each_format() -> None:
    assert full_date(SUNDAY, "vi") == "Chủ Nhật, 06/12/2026"
    assert full_date(SUNDAY, "en") == "Sunday 6 December 2026"
    assert compact_date(SUNDAY, "vi") == "Chủ Nhật 06/12/2026"
    assert compact_date(SUNDAY, "en") == "Sun 2026-12-06"
    assert short_dates([SUNDAY, WEEK[0]], "vi") == "Chủ Nhật 06/12, Thứ Hai 07/12"
    assert short_dates([SUNDAY, WEEK[0]], "en") == "Sun 06 Dec, Mon 07 Dec"


@pytest.mark.parametrize(
    ("minutes", "vi", "en"),
    [
        (0, "0 phút", "0 min"),
        (40, "40 phút", "40 min"),
        (60, "1 giờ", "1 h"),  # whole hours drop the minutes
        (65, "1 giờ 05 phút", "1 h 05 min"),
        (130, "2 giờ 10 phút", "2 h 10 min"),
    ],
)
def test_durations(minutes: int, vi: str, en: str) -> None:
    assert duration(dt.timedelta(minutes=minutes), "vi") == vi
    assert duration(dt.timedelta(minutes=minutes), "en") == en


def test_durations_round_to_whole_minutes() -> None:
    assert duration(dt.timedelta(seconds=89), "en") == "1 min"
    assert duration(dt.timedelta(seconds=91), "en") == "2 min"


def test_distances_and_numbers_use_each_language_s_decimal_mark() -> None:
    assert km_text(14_240, "vi") == "14,2 km"
    assert km_text(14_240, "en") == "14.2 km"
    assert km_text(56_640, "vi", decimals=0) == "57 km"
    assert number(0.5, 2, "vi") == "0,50"


def test_labels_of_modes_paces_themes_and_lists() -> None:
    assert mode_name("car", "vi") == "ô tô" and mode_name("car", "en") == "car"
    assert mode_name("road graph", "en") == "road"
    assert pace_name("relaxed", "vi") == "thong thả" and pace_name("relaxed", "en") == "relaxed"
    assert theme_label("textiles", "vi") == "dệt may"  # not only silk
    assert theme_label("textiles", "en") == "textiles"
    assert theme_label("unheard-of", "en") == "unheard-of"
    assert join(["a", "b", "c"], "vi") == "a, b và c"
    assert join(["a", "b"], "en") == "a and b"


@pytest.mark.parametrize("call", [check_lang, lambda lang: duration(dt.timedelta(), lang)])
@pytest.mark.parametrize("lang", ["fr", "", "VI", None])
def test_an_unknown_language_is_refused_naming_lang(call: object, lang: object) -> None:
    with pytest.raises(DataError) as info:
        call(lang)  # type: ignore[operator]
    assert info.value.field == "lang"


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_a_walk_is_on_foot_in_every_sentence(lang: str) -> None:
    """Regression: ``tourplan route --mode walk --lang en`` said "→ 36 min by walk" (and
    "bằng đi bộ" in Vietnamese)."""
    from tourplan import SearchParameters, TripRequest, plan_trip
    from tourplan.export.ical import itinerary_to_ics
    from tourplan.hours import OpeningHours
    from tourplan.model import Place, Village, Villages
    from tourplan.text import format_itinerary

    hotel = Place("hotel", "Khách sạn", 21.03, 105.85)
    near = Village(
        "near", "Gần", "Near", 21.035, 105.85, 60, OpeningHours.parse("Mo-Su 08:00-17:00"), 60
    )
    far = Village("far", "Xa", "Far", 21.03, 106.3, 60, OpeningHours.parse("Mo-Su 08:00-17:00"), 60)
    request = TripRequest(
        start=hotel, dates=(dt.date(2026, 12, 5),), mode="walk", must_visit=("near",)
    )
    itinerary = plan_trip(
        request, Villages([near, far]), search=SearchParameters(deterministic=True)
    )
    assert [x.village.id for x in itinerary.left_out] == ["far"]  # left out for its road
    words = "\n".join(
        [
            format_itinerary(itinerary, lang=lang),
            itinerary_to_ics(itinerary, lang=lang, include_legs=True).decode().replace("\r\n ", ""),
        ]
    )
    assert "by walk" not in words and "bằng đi bộ" not in words
    assert ("on foot" if lang == "en" else "phút đi bộ") in words
