"""The words of the map page and of GPX/KML files: popups, schedule rows, totals, positions.

The HTML page (:mod:`tourplan.export.html`), the GPX and the KML exporters print what these
functions return; they hold no words of their own.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from ..model import Place, Village
from ..plan import Break, Day, Itinerary, Leg, Stop
from .itinerary import break_text, leg_text, staying, timeline, totals
from .opening_hours import hours_text
from .words import (
    Lang,
    check_lang,
    craft_name,
    duration,
    full_date,
    hhmm,
    place_name,
    tet_note,
)

__all__ = [
    "PAGE_WORDS",
    "ScheduleRow",
    "day_heading",
    "day_totals",
    "page_word",
    "position_text",
    "schedule_rows",
    "stop_facts",
    "trip_totals",
    "visit_facts",
]

PAGE_WORDS: dict[Lang, dict[str, str]] = {
    "en": {
        "title": "Craft village trip",
        "day": "Day",
        "trip": "Trip",
        "days": "days",
        "one_day": "1 day",
        "schedule": "Schedule",
        "totals": "Totals",
        "left_out": "Villages left out",
        "village": "Village",
        "reason": "Why",
        "visit": "Visit",
        "arrive": "Arrive",
        "wait": "Wait",
        "length": "Visit length",
        "craft": "Craft",
        "hours": "Opening hours",
        "hours_note": "Hours note",
        "position": "Position",
        "start": "Start",
        "end": "End",
        "leave": "Leave",
        "back": "Back at",
        "lunch": "Lunch",
        "empty": "No village fits this day.",
        "tiles": "OpenStreetMap (needs a connection)",
        "offline_note": "The map works offline; tick the OpenStreetMap layer for a base map "
        "when online.",
        "generated": "Made with",
        "routes": "Routes",
        "stops": "stops",
        "catalogue": "Craft village route catalogue",
        "route_page": "Route page",
    },
    "vi": {
        "title": "Hành trình làng nghề",
        "day": "Ngày",
        "trip": "Cả chuyến",
        "days": "ngày",
        "one_day": "1 ngày",
        "schedule": "Lịch trình",
        "totals": "Tổng cộng",
        "left_out": "Các làng không đưa vào lịch trình",
        "village": "Làng",
        "reason": "Lý do",
        "visit": "Tham quan",
        "arrive": "Đến",
        "wait": "Chờ",
        "length": "Thời gian tham quan",
        "craft": "Nghề",
        "hours": "Giờ mở cửa",
        "hours_note": "Ghi chú về giờ",
        "position": "Vị trí",
        "start": "Xuất phát",
        "end": "Kết thúc",
        "leave": "Khởi hành từ",
        "back": "Về đến",
        "lunch": "Ăn trưa",
        "empty": "Không có làng nào phù hợp với ngày này.",
        "tiles": "OpenStreetMap (cần kết nối mạng)",
        "offline_note": "Bản đồ dùng được khi không có mạng; khi có mạng, bật lớp OpenStreetMap "
        "để xem nền bản đồ.",
        "generated": "Tạo bằng",
        "routes": "Các tuyến",
        "stops": "điểm dừng",
        "catalogue": "Danh mục tuyến làng nghề",
        "route_page": "Trang của tuyến",
    },
}
"""Labels of the map page by key, in each language."""

_POSITION: dict[Lang, dict[str, str]] = {
    "en": {
        "village": "the village itself",
        "landmark": "a landmark",
        "commune_centroid": "approximate position (centre of the commune)",
        "address": "a geocoded address",
        "user": "as given",
        "within": "within about {m} m",
    },
    "vi": {
        "village": "chính làng nghề",
        "landmark": "một địa danh",
        "commune_centroid": "vị trí gần đúng (trung tâm xã)",
        "address": "địa chỉ đã tra cứu",
        "user": "như đã nhập",
        "within": "sai số khoảng {m} m",
    },
}


def page_word(key: str, lang: Lang) -> str:
    """The page label ``key`` in ``lang`` (``page_word("lunch", "vi")`` is ``Ăn trưa``)."""
    return PAGE_WORDS[check_lang(lang)][key]


def position_text(place: Place | Village, lang: Lang) -> str:
    """What a coordinate points at and how precise it is.

    Examples
    --------
    >>> from tourplan import load_hanoi
    >>> village = load_hanoi().get("bat-trang")
    >>> position_text(village, "en").startswith(("the village", "approximate", "a landmark"))
    True
    """
    words = _POSITION[check_lang(lang)]
    text = words.get(place.coord_kind, place.coord_kind)
    if place.coord_precision_m is not None:
        text += ", " + words["within"].format(m=place.coord_precision_m)
    return text


def visit_facts(day: Day, parts: Sequence[Stop], lang: Lang) -> list[tuple[str, str]]:
    """The facts of a visit of ``day`` made of ``parts`` (a long stay split by lunch has two):
    as :func:`stop_facts` of the first, with every part's times and their total length."""
    words = PAGE_WORDS[check_lang(lang)]
    rows = stop_facts(parts[0], lang, day.idle(parts[0]))
    if len(parts) > 1:
        spans = ", ".join(f"{hhmm(p.start)}–{hhmm(p.end)}" for p in parts)
        total = sum((p.duration for p in parts), dt.timedelta())
        rows = [
            (
                k,
                spans
                if k == words["visit"]
                else duration(total, lang)
                if k == words["length"]
                else v,
            )
            for k, v in rows
        ]
    return rows


def stop_facts(stop: Stop, lang: Lang, idle: dt.timedelta | None = None) -> list[tuple[str, str]]:
    """The facts of a visit as (label, value) rows: times, craft, length, hours, position;
    ``idle``: the wait before the visit that is no break (:meth:`~tourplan.plan.Day.idle`;
    default: all of :attr:`~tourplan.plan.Stop.wait`)."""
    words = PAGE_WORDS[check_lang(lang)]
    village = stop.village
    rows = [(words["visit"], f"{hhmm(stop.start)}–{hhmm(stop.end)}")]
    wait = stop.wait if idle is None else idle
    if wait > dt.timedelta(0):
        rows.append((words["arrive"], hhmm(stop.arrival)))
        rows.append((words["wait"], duration(wait, lang)))
    craft = craft_name(village, lang)
    if craft:
        rows.append((words["craft"], craft))
    rows.append((words["length"], duration(stop.duration, lang)))
    tet = tet_note(village, stop.start.date(), lang)
    rows.append((words["hours"], hours_text(village, lang) + (f"; {tet}" if tet else "")))
    if village.hours_note:
        rows.append((words["hours_note"], village.hours_note))
    rows.append((words["position"], position_text(village, lang)))
    return rows


RowKind = Literal["leave", "leg", "break", "stop", "back"]


@dataclass(frozen=True)
class ScheduleRow:
    """One row of a day's schedule: a time (or span), what happens, and its kind.

    ``order`` is the stop's number in the day for ``kind == "stop"``, else 0.
    """

    time: str
    text: str
    kind: RowKind
    order: int = 0


def schedule_rows(day: Day, lang: Lang) -> list[ScheduleRow]:
    """The day as rows in time order: leave, journeys, visits, breaks, back.

    A day without stops gives one row saying so, then its journey if it ends elsewhere.
    """
    chosen = check_lang(lang)
    words = PAGE_WORDS[chosen]
    start, end = place_name(day.start_place, chosen), place_name(day.end_place, chosen)
    empty = ScheduleRow("", words["empty"], "leave")
    if not day.stops and not day.legs:
        return [empty]
    names = {day.start_place.id: start, day.end_place.id: end}
    names.update((s.village.id, place_name(s.village, chosen)) for s in day.stops)
    # a long stay's part after lunch keeps its visit's number
    number = {id(s): n for n, parts in enumerate(day.visit_parts, start=1) for s in parts}
    back = f"{words['back']} {end}"
    rows = [] if day.stops else [empty]
    rows.append(ScheduleRow(hhmm(day.departure), f"{words['leave']} {start}", "leave"))
    for item in timeline(day):
        if isinstance(item, Leg):
            if staying(item):  # a long stay going on after lunch: no journey to tell
                continue
            rows.append(
                ScheduleRow(
                    hhmm(item.depart), leg_text(item, chosen, day.driving_time(item)), "leg"
                )
            )
        elif isinstance(item, Break):
            shown = any(r.kind == "back" for r in rows)
            if not shown and day.legs and item.start >= day.back:
                rows.append(ScheduleRow(hhmm(day.back), back, "back"))  # lunch once back
            span = f"{hhmm(item.start)}–{hhmm(item.end)}"
            rows.append(ScheduleRow(span, break_text(item, names, chosen), "break"))
        else:
            village = item.village
            craft = craft_name(village, chosen)
            text = place_name(village, chosen) + (f" — {craft}" if craft else "")
            span = f"{hhmm(item.start)}–{hhmm(item.end)}"
            rows.append(ScheduleRow(span, text, "stop", number[id(item)]))
    if not any(r.kind == "back" for r in rows):
        rows.append(ScheduleRow(hhmm(day.back), back, "back"))
    return rows


def day_heading(day: Day, number: int, lang: Lang) -> str:
    """``Day 1 · Saturday 5 December 2026`` / ``Ngày 1 · Thứ Bảy, 05/12/2026``."""
    return f"{page_word('day', lang)} {number} · {full_date(day.date, lang)}"


def day_totals(day: Day, lang: Lang) -> str:
    """The day's totals: stops, interest, visiting time, road time, distance."""
    return totals([day], check_lang(lang))


def trip_totals(itinerary: Itinerary, lang: Lang) -> str:
    """The trip's totals, led by its number of days: ``3 days: 9 stops · interest 610 · …``."""
    chosen = check_lang(lang)
    days = list(itinerary.days)
    count = (
        page_word("one_day", chosen)
        if len(days) == 1
        else f"{len(days)} {page_word('days', chosen)}"
    )
    return f"{count}: {totals(days, chosen)}"
