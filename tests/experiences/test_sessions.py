"""Session rules, property-based: the visit-start windows the planner offers are exactly the
starts at which a stop can hold the experience, and every booking obeys the rules."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from tourplan.hours import OpeningHours
from tourplan.model import Village
from tourplan.model.experience import Experience
from tourplan.plan import HANOI_TZ
from tourplan.plan.sessions import SessionOffer, book, session_spans, session_windows

DATE = dt.date(2026, 12, 5)  # a Saturday
MIDNIGHT = dt.datetime.combine(DATE, dt.time(0), tzinfo=HANOI_TZ)


def _hhmm(minute: int) -> str:
    return f"{minute // 60:02d}:{minute % 60:02d}"


@st.composite
def cases(draw: st.DrawFn) -> tuple[Village, SessionOffer, int, int]:
    opens = draw(st.integers(6 * 60, 10 * 60))
    closes = draw(st.integers(opens + 60, 20 * 60))
    place = Village(
        id="p",
        name_vi="Làng",
        name_en="Village",
        lat=21.0,
        lon=105.8,
        visit_minutes=60,
        opening_hours=OpeningHours.parse(f"Mo-Su {_hhmm(opens)}-{_hhmm(closes)}"),
        interest=50,
    )
    minutes = draw(st.integers(10, 180))
    sessions = draw(st.lists(st.integers(5 * 60, 20 * 60), max_size=3, unique=True))
    runs = None
    if draw(st.booleans()):
        r_open = draw(st.integers(5 * 60, 14 * 60))
        r_close = draw(st.integers(r_open + 30, 22 * 60))
        days = draw(st.sampled_from(["Mo-Su", "Sa", "Mo-Fr"]))
        runs = OpeningHours.parse(f"{days} {_hhmm(r_open)}-{_hhmm(r_close)}")
    experience = Experience(
        "e",
        "p",
        "Trải nghiệm",
        "experience",
        minutes,
        10_000,
        sessions=tuple(dt.time(m // 60, m % 60) for m in sessions),
        runs=runs,
    )
    fixed = draw(st.sampled_from([None, *experience.sessions]))
    service = draw(st.integers(30, 300))
    stop = draw(st.integers(0, 30))
    return place, SessionOffer(experience, fixed), service, stop


@settings(max_examples=150, deadline=None)
@given(cases())
def test_windows_are_exactly_the_starts_that_can_hold_the_experience(
    case: tuple[Village, SessionOffer, int, int],
) -> None:
    place, offer, service, stop = case
    windows = session_windows(offer, place, (DATE,), service * 60, stop * 60)
    for minute in range(0, 24 * 60, 5):
        start = MIDNIGHT + dt.timedelta(minutes=minute)
        end = start + dt.timedelta(minutes=service)
        booking = book(offer, place, start, end, stop, 3)
        inside = any(w.contains(minute * 60) for w in windows)
        assert (booking is not None) == inside, (minute, windows, booking)
        if booking is None:
            continue
        e = booking.experience
        assert start + dt.timedelta(minutes=stop) <= booking.start
        assert booking.end <= end
        assert booking.end - booking.start == dt.timedelta(minutes=e.minutes)
        first = booking.start.hour * 60 + booking.start.minute
        if e.sessions:
            assert booking.start.time().replace(tzinfo=None) in e.sessions
        if offer.session is not None:
            assert booking.start.time().replace(tzinfo=None) == offer.session
        assert any(a <= first <= b for a, b in session_spans(e, place, DATE))
        for hours in (e.runs, place.opening_hours):
            if hours is not None:
                assert any(
                    s.opens <= first and first + e.minutes <= s.closes for s in hours.on(DATE)
                )
        assert booking.cost == 3 * e.price


def test_a_fixed_session_is_offered_only_when_the_experience_runs_that_day() -> None:
    place = Village(
        id="p",
        name_vi="Làng",
        name_en="Village",
        lat=21.0,
        lon=105.8,
        visit_minutes=60,
        opening_hours=OpeningHours.parse("Mo-Su 08:00-17:00"),
        interest=50,
    )
    weekdays_only = Experience(
        "e",
        "p",
        "Thêu",
        "embroidery",
        60,
        0,
        sessions=(dt.time(9),),
        runs=OpeningHours.parse("Mo-Fr 08:00-12:00"),
    )
    offer = SessionOffer(weekdays_only, dt.time(9))
    monday = DATE + dt.timedelta(days=2)
    windows = session_windows(offer, place, (DATE, monday), 120 * 60, 15 * 60)
    # only Monday: the visit starts between 08:00 (09:00 + 60 - 120 min) and 08:45
    day = 2 * 86_400
    assert [(w.start, w.end) for w in windows] == [(day + 8 * 3600, day + 8 * 3600 + 45 * 60)]
