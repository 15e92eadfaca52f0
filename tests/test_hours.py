"""Opening hours: the OpenStreetMap subset, windows on dates, canonical text and error messages."""

from __future__ import annotations

import datetime as dt
import re
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tourplan.exceptions import DataError, OpeningHoursError, TourplanError
from tourplan.hours import WEEKDAYS, OpeningHours, Span

MONDAY = dt.date(2026, 12, 7)
SATURDAY = dt.date(2026, 12, 12)
SUNDAY = dt.date(2026, 12, 13)
NATIONAL_DAY = dt.date(2026, 9, 2)  # a Wednesday
HANOI = ZoneInfo("Asia/Ho_Chi_Minh")

WORKSHOP = "Mo-Fr 08:00-11:30,13:30-17:00; Sa,Su 08:00-17:00; PH off"


def spans(hours: OpeningHours, date: dt.date, holidays: tuple[dt.date, ...] = ()) -> list[str]:
    return [str(s) for s in hours.on(date, holidays)]


def open_days(hours: OpeningHours) -> list[str]:
    return [day for day, day_spans in zip(WEEKDAYS, hours.week, strict=True) if day_spans]


# -- parsing ----------------------------------------------------------------------------------


def test_workshop_hours_differ_between_monday_and_saturday() -> None:
    hours = OpeningHours.parse(WORKSHOP)
    assert spans(hours, MONDAY) == ["08:00-11:30", "13:30-17:00"]
    assert spans(hours, SATURDAY) == ["08:00-17:00"]
    assert spans(hours, SUNDAY) == ["08:00-17:00"]
    assert hours.holidays == ()


def test_public_holiday_rule_closes_a_weekday() -> None:
    hours = OpeningHours.parse(WORKSHOP)
    assert spans(hours, NATIONAL_DAY) == ["08:00-11:30", "13:30-17:00"]
    assert spans(hours, NATIONAL_DAY, (NATIONAL_DAY,)) == []
    assert not hours.is_open_on(NATIONAL_DAY, holidays={NATIONAL_DAY})


def test_holiday_without_ph_rule_keeps_weekday_hours() -> None:
    hours = OpeningHours.parse("Mo-Fr 08:00-17:00")
    assert hours.holidays is None
    assert spans(hours, NATIONAL_DAY, (NATIONAL_DAY,)) == ["08:00-17:00"]


def test_ph_with_its_own_hours() -> None:
    hours = OpeningHours.parse("Mo-Su 08:00-17:00; PH 09:00-12:00")
    assert spans(hours, NATIONAL_DAY, (NATIONAL_DAY,)) == ["09:00-12:00"]


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("Mo-Fr 08:00-17:00", ["Mo", "Tu", "We", "Th", "Fr"]),
        ("Sa-Mo 08:00-17:00", ["Mo", "Sa", "Su"]),  # a range wrapping past Sunday
        ("Fr-Tu 08:00-17:00", ["Mo", "Tu", "Fr", "Sa", "Su"]),
        ("Mo,We,Fr 08:00-17:00", ["Mo", "We", "Fr"]),
        ("Mo,Th-Sa 08:00-17:00", ["Mo", "Th", "Fr", "Sa"]),  # a list mixing days and a range
        ("Tu 08:00-17:00", ["Tu"]),
        ("mo-fr 08:00-17:00", ["Mo", "Tu", "We", "Th", "Fr"]),  # case-insensitive days
        ("08:00-17:00", list(WEEKDAYS)),  # times without days: every day
        ("24/7", list(WEEKDAYS)),
        ("off", []),
        ("closed", []),
        ("Mo-Su 08:00-17:00; We off", ["Mo", "Tu", "Th", "Fr", "Sa", "Su"]),
        ("Mo-Su 08:00-17:00; We closed", ["Mo", "Tu", "Th", "Fr", "Sa", "Su"]),
    ],
)
def test_day_selectors(text: str, days: list[str]) -> None:
    assert open_days(OpeningHours.parse(text)) == days


def test_later_rule_overrides_earlier_for_its_days_only() -> None:
    hours = OpeningHours.parse("Mo-Su 08:00-17:00; Sa 09:00-12:00,14:00-16:00")
    assert spans(hours, SATURDAY) == ["09:00-12:00", "14:00-16:00"]
    assert spans(hours, SUNDAY) == ["08:00-17:00"]
    assert spans(hours, MONDAY) == ["08:00-17:00"]


def test_later_rule_can_reopen_a_closed_day() -> None:
    hours = OpeningHours.parse("Mo-Su off; Su 06:00-10:00")
    assert open_days(hours) == ["Su"]


def test_24_7_is_one_whole_day_span() -> None:
    hours = OpeningHours.parse("24/7")
    assert hours.week == ((Span(0, 1440),),) * 7
    assert hours == OpeningHours.always()
    assert hours.longest_span() == 24 * 60


def test_24_00_closes_at_midnight() -> None:
    hours = OpeningHours.parse("Sa 18:00-24:00")
    (span,) = hours.on(SATURDAY)
    assert (span.opens, span.closes, span.minutes) == (1080, 1440, 360)
    assert str(hours) == "Sa 18:00-24:00"
    assert hours.is_open_at(dt.datetime(2026, 12, 12, 23, 59))
    assert not hours.is_open_at(dt.datetime(2026, 12, 13, 0, 0))


def test_spans_are_sorted_and_whitespace_is_forgiven() -> None:
    hours = OpeningHours.parse("  Mo  13:30-17:00 , 08:00-11:30 ;; ")
    assert spans(hours, MONDAY) == ["08:00-11:30", "13:30-17:00"]


def test_touching_spans_merge_into_one_opening() -> None:
    # A visit may run across 12:00: the place never closes.
    hours = OpeningHours.parse("Mo 08:00-12:00,12:00-17:00")
    assert spans(hours, MONDAY) == ["08:00-17:00"]
    assert hours == OpeningHours.parse("Mo 08:00-17:00")


def test_spaces_in_day_lists_and_spans_are_tolerated() -> None:
    assert OpeningHours.parse("Mo, We 08:00 - 12:00") == OpeningHours.parse("Mo,We 08:00-12:00")


def test_equal_whatever_the_text() -> None:
    a = OpeningHours.parse("Mo-Su 08:00-17:00; Sa,Su off")
    b = OpeningHours.parse("Mo,Tu,We,Th,Fr 08:00-17:00")
    assert a == b
    assert hash(a) == hash(b)


# -- windows on a date ------------------------------------------------------------------------


def test_windows_are_aware_datetimes_in_hanoi() -> None:
    hours = OpeningHours.parse(WORKSHOP)
    windows = hours.windows(MONDAY, HANOI)
    assert windows == (
        (
            dt.datetime(2026, 12, 7, 8, 0, tzinfo=HANOI),
            dt.datetime(2026, 12, 7, 11, 30, tzinfo=HANOI),
        ),
        (
            dt.datetime(2026, 12, 7, 13, 30, tzinfo=HANOI),
            dt.datetime(2026, 12, 7, 17, 0, tzinfo=HANOI),
        ),
    )
    opens, _ = windows[0]
    assert opens.utcoffset() == dt.timedelta(hours=7)
    assert opens.astimezone(dt.UTC) == dt.datetime(2026, 12, 7, 1, 0, tzinfo=dt.UTC)


def test_windows_on_a_closed_day_or_holiday_are_empty() -> None:
    hours = OpeningHours.parse("Mo-Fr 08:00-17:00; PH off")
    assert hours.windows(SATURDAY, HANOI) == ()
    assert hours.windows(NATIONAL_DAY, HANOI, holidays=[NATIONAL_DAY]) == ()
    assert len(hours.windows(NATIONAL_DAY, HANOI)) == 1


def test_window_closing_at_24_00_ends_at_next_midnight() -> None:
    (window,) = OpeningHours.parse("Sa 20:00-24:00").windows(SATURDAY, HANOI)
    assert window[1] == dt.datetime(2026, 12, 13, 0, 0, tzinfo=HANOI)
    assert window[1] - window[0] == dt.timedelta(hours=4)


def test_is_open_at() -> None:
    hours = OpeningHours.parse(WORKSHOP)
    assert hours.is_open_at(dt.datetime(2026, 12, 7, 8, 0))
    assert not hours.is_open_at(dt.datetime(2026, 12, 7, 11, 30))  # closes at 11:30 sharp
    assert not hours.is_open_at(dt.datetime(2026, 12, 7, 12, 15))  # midday break
    assert hours.is_open_at(dt.datetime(2026, 12, 12, 12, 15, tzinfo=HANOI))  # Saturday
    assert not hours.is_open_at(dt.datetime(2026, 9, 2, 9, 0), holidays={NATIONAL_DAY})


# -- canonical text -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        (WORKSHOP, WORKSHOP),
        ("Mo,Tu,We,Th,Fr 08:00-17:00", "Mo-Fr 08:00-17:00"),
        ("Sa-Mo 08:00-17:00", "Mo 08:00-17:00; Sa,Su 08:00-17:00"),
        ("24/7", "Mo-Su 00:00-24:00"),
        ("closed", "off"),
        ("Mo-Su off; PH 10:00-12:00", "off; PH 10:00-12:00"),
        ("Mo 8:00-9:30", "Mo 08:00-09:30"),  # one-digit hours are padded
    ],
)
def test_canonical_text(text: str, canonical: str) -> None:
    hours = OpeningHours.parse(text)
    assert str(hours) == canonical
    assert OpeningHours.parse(str(hours)) == hours


@st.composite
def day_spans(draw: st.DrawFn) -> tuple[Span, ...]:
    """Zero to three disjoint spans in one day, on 5-minute marks, touching allowed."""
    marks = draw(st.lists(st.integers(0, 288), min_size=0, max_size=6, unique=True))
    marks = sorted(m * 5 for m in marks)
    if len(marks) % 2:
        marks = marks[:-1]
    return tuple(Span(a, b) for a, b in zip(marks[::2], marks[1::2], strict=True))


weeks = st.tuples(*[day_spans()] * 7)
holiday_spans = st.none() | day_spans()


@given(week=weeks, holidays=holiday_spans)
def test_str_parses_back_to_an_equal_value(
    week: tuple[tuple[Span, ...], ...], holidays: tuple[Span, ...] | None
) -> None:
    hours = OpeningHours(week=week, holidays=holidays)  # type: ignore[arg-type]
    text = str(hours)
    again = OpeningHours.parse(text)
    assert again == hours
    assert str(again) == text  # canonical: formatting is stable


@given(week=weeks)
def test_str_of_any_week_names_each_day_at_most_once(week: tuple[tuple[Span, ...], ...]) -> None:
    text = str(OpeningHours(week=week))  # type: ignore[arg-type]
    named = re.findall(r"\b(Mo|Tu|We|Th|Fr|Sa|Su)\b", text)
    assert len(named) == len(set(named))


# -- errors ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ("Mx 08:00-17:00", "unknown day 'Mx'"),
        ("Mo-Fx 08:00-17:00", "unknown day 'Fx'"),
        ("Mo 25:00-26:00", "time '25:00'"),
        ("Mo 08:00-24:30", "time '24:30'"),
        ("Mo 08:61-17:00", "time '08:61'"),
        ("8-17", "'8-17'"),  # hours without minutes
        ("Mo 08:00", "time span '08:00'"),  # no closing time
        ("Mo 08:00-12:00,11:00-13:00", "spans 08:00-12:00 and 11:00-13:00 overlap"),
        ("Mo 17:00-08:00", "span 17:00-08:00 closes before it opens"),
        ("Mo 09:00-09:00", "span 09:00-09:00 closes before it opens"),  # empty span
        ("Mo-Fr", "rule 'Mo-Fr'"),  # days without times
        ("", "opening hours are empty"),
        ("   ", "opening hours are empty"),
        (" ; ; ", "hold no rule"),
    ],
)
def test_errors_quote_the_bad_part(text: str, quoted: str) -> None:
    with pytest.raises(OpeningHoursError, match=re.escape(quoted)):
        OpeningHours.parse(text)


def test_errors_quote_the_whole_expression() -> None:
    text = "Mo-Fr 08:00-17:00; Sa 25:00-26:00"
    with pytest.raises(OpeningHoursError) as info:
        OpeningHours.parse(text)
    assert f"in '{text}'" in str(info.value)


def test_opening_hours_error_is_a_data_error() -> None:
    with pytest.raises(ValueError, match="unknown day"):
        OpeningHours.parse("Xx 08:00-12:00")
    assert issubclass(OpeningHoursError, DataError)
    assert issubclass(OpeningHoursError, TourplanError)


def test_non_text_is_refused() -> None:
    with pytest.raises(OpeningHoursError, match="must be text, got int"):
        OpeningHours.parse(8)  # type: ignore[arg-type]


def test_span_validates_where_it_is_born() -> None:
    with pytest.raises(OpeningHoursError, match=r"outside 0\.\.1439"):
        Span(-1, 60)
    with pytest.raises(OpeningHoursError, match=r"outside 1\.\.1440"):
        Span(0, 1441)
    with pytest.raises(OpeningHoursError, match="overlap"):
        OpeningHours(week=((Span(0, 60), Span(30, 90)), (), (), (), (), (), ()))
    with pytest.raises(OpeningHoursError, match="expected 7 days"):
        OpeningHours(week=((),) * 6)  # type: ignore[arg-type]
