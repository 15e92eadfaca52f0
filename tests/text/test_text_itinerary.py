"""The readable schedule printed by ``tourplan route``: tourplan.text.format_itinerary."""

from __future__ import annotations

import datetime as dt

import pytest

import tourplan
from tourplan import DataError
from tourplan.datasets import load_start_points
from tourplan.plan import HANOI_TZ, Break, Day, Itinerary, LeftOut, Leg, Stop
from tourplan.text import format_itinerary
from tourplan.text.itinerary import _stop_lines, _Style

DATE = dt.date(2026, 12, 5)  # a Saturday


def _at(hhmm: str, date: dt.date = DATE) -> dt.datetime:
    return dt.datetime.combine(date, dt.time.fromisoformat(hhmm), tzinfo=HANOI_TZ)


def _day(hanoi: tourplan.Villages, date: dt.date = DATE) -> Day:
    """Hoàn Kiếm → Bát Tràng (wait 10 min) → lunch → Kim Lan → Hoàn Kiếm."""
    lake = load_start_points()[0]
    bat_trang, kim_lan = hanoi.get("bat-trang"), hanoi.get("kim-lan")
    stops = (
        Stop(
            bat_trang,
            _at("08:50", date),
            _at("09:00", date),
            _at("10:30", date),
            waits_for_opening=True,
        ),
        Stop(kim_lan, _at("12:40", date), _at("12:40", date), _at("14:10", date)),
    )
    legs = (
        Leg(lake.id, "bat-trang", _at("08:00", date), _at("08:50", date), "car", 14_230.0),
        Leg("bat-trang", "kim-lan", _at("12:25", date), _at("12:40", date), "car", 4_100.0),
        Leg("kim-lan", lake.id, _at("14:10", date), _at("15:05", date), "car", 16_000.0),
    )
    lunch = (Break("lunch", _at("11:00", date), _at("12:00", date), "bat-trang"),)
    return Day(date, lake, lake, _at("08:00", date), _at("15:05", date), stops, legs, lunch)


@pytest.fixture
def itinerary(hanoi: tourplan.Villages) -> Itinerary:
    left_out = (
        LeftOut(hanoi.get("van-phuc"), "lower_interest"),
        LeftOut(hanoi.get("chuong"), "lower_interest"),
        LeftOut(
            hanoi.get("duong-lam"),
            "too_far",
            travel_minutes=95,
            mode="car",
            visit_minutes=120,
            day_window=(dt.time(8), dt.time(17, 30)),
        ),
    )
    return Itinerary(days=(_day(hanoi),), left_out=left_out)


def test_english_schedule_has_times_names_crafts_legs_lunch_and_totals(
    itinerary: Itinerary,
) -> None:
    text = format_itinerary(itinerary, lang="en")
    assert text.startswith("Saturday 5 December 2026\n")
    assert "08:00        Leave Hoan Kiem Lake (Turtle Tower islet)" in text
    assert "→ 50 min by car, 14.2 km" in text
    assert "09:00–10:30  Bat Trang pottery village — ceramics / pottery" in text
    assert "arrive 08:50, wait 10 min for it to open" in text
    assert "11:00–12:00  Lunch at Bat Trang pottery village" in text
    # the traveller lingers after lunch: the leg shows when it leaves
    assert "12:25        → 15 min by car, 4.1 km" in text
    assert "15:05        Back at Hoan Kiem Lake" in text
    assert "Day: 2 stops · interest" in text
    assert "3 h visiting · 2 h on the road · road/visit 0.67 · 34.3 km" in text
    # a stop without stop time (the fixture's) says no "+ 0 min to park and walk in"
    assert "typical visit, 1 h 30 min; " in text and "+ 0 min" not in text
    assert text.endswith("\n")


def test_vietnamese_schedule_keeps_diacritics_and_uses_decimal_commas(
    itinerary: Itinerary,
) -> None:
    text = format_itinerary(itinerary, lang="vi")
    assert text.startswith("Thứ Bảy, 05/12/2026\n")
    assert "Khởi hành từ Hồ Hoàn Kiếm (Hồ Gươm)" in text
    assert "09:00–10:30  Làng gốm Bát Tràng — gốm sứ" in text
    assert "→ 50 phút bằng ô tô, 14,2 km" in text
    assert "Ăn trưa tại Làng gốm Bát Tràng" in text
    assert "Về đến Hồ Hoàn Kiếm (Hồ Gươm)" in text
    assert "Không đưa vào lịch trình (3)" in text


def test_left_out_villages_are_grouped_by_reason_with_their_explanations(
    itinerary: Itinerary,
) -> None:
    text = format_itinerary(itinerary, lang="en")
    tail = text.split("Left out (3)\n", 1)[1]
    # a shared explanation is said once, then the villages are named
    assert "Not enough time (2): it would fit on its own, but the villages chosen are" in tail
    assert "(van-phuc)" in tail
    assert "(chuong)" in tail
    assert "Too far (1):\n    - " in tail
    assert "(duong-lam): 95 min each way by car: with a 120-minute" in tail


def test_several_days_end_with_trip_totals(hanoi: tourplan.Villages) -> None:
    second = DATE + dt.timedelta(days=1)
    itinerary = Itinerary(days=(_day(hanoi), _day(hanoi, second)))
    text = format_itinerary(itinerary, lang="en")
    assert "Sunday 6 December 2026" in text
    assert "Trip (2 days): 4 stops · interest" in text
    assert "4 h on the road · road/visit 0.67 · 68.7 km" in text
    assert "Left out" not in text


def test_a_day_without_stops_says_so(hanoi: tourplan.Villages) -> None:
    lake = load_start_points()[0]
    empty = Day(DATE, lake, lake, _at("08:00"), _at("08:00"))
    assert "No village fits this day." in format_itinerary(Itinerary(days=(empty,)), lang="en")
    assert "Không có làng nào" in format_itinerary(Itinerary(days=(empty,)), lang="vi")


def test_colour_only_when_asked(itinerary: Itinerary) -> None:
    assert "\x1b[" not in format_itinerary(itinerary)
    coloured = format_itinerary(itinerary, color=True)
    assert "\x1b[1m" in coloured
    # the words are the same once the escapes are removed
    import re

    assert re.sub(r"\x1b\[[0-9;]*m", "", coloured) == format_itinerary(itinerary)


def test_an_unknown_language_is_refused(itinerary: Itinerary) -> None:
    with pytest.raises(DataError) as info:
        format_itinerary(itinerary, lang="fr")  # type: ignore[arg-type]
    assert info.value.field == "lang"


def test_lunch_on_arrival_is_not_shown_as_a_wait(hanoi: tourplan.Villages) -> None:
    date = dt.date(2026, 12, 5)
    bat_trang = hanoi.get("bat-trang")
    stop = Stop(bat_trang, _at("11:00", date), _at("12:00", date), _at("13:30", date))
    lunch = Break("lunch", _at("11:00", date), _at("12:00", date), "bat-trang")
    lines = "\n".join(_stop_lines(stop, "en", _Style(False), (lunch,)))
    assert "wait" not in lines and "free before" not in lines
    idle = "\n".join(_stop_lines(stop, "en", _Style(False), ()))
    assert "arrive 11:00, 1 h free before the visit" in idle
