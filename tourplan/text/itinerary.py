"""The plain-text itinerary: a readable day-by-day schedule for a terminal or a message.

Times, names, crafts, journeys, breaks, totals and the villages left out, in Vietnamese or
English, optionally with ANSI colours.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from collections.abc import Iterator

from ..model import format_months
from ..plan import Break, Day, Itinerary, LeftOut, Leg, Stop, breaks_on_arrival
from ..plan.budget import costs, day_costs
from .costs import costs_text, stop_extra_lines
from .opening_hours import hours_text
from .reasons import explain, reason_label
from .words import (
    Lang,
    break_name,
    by_mode,
    check_lang,
    craft_name,
    full_date,
    hhmm,
    km_text,
    place_name,
    tet_note,
)
from .words import duration as duration_text

__all__ = ["format_itinerary"]

_WORDS: dict[str, dict[str, str]] = {
    "en": {
        "leave": "Leave",
        "back": "Back at",
        "at": "at",
        "min": "min",
        "h": "h",
        "decimal": ".",
        "arrived": "arrive {time}, wait {wait} for it to open",
        "idle": "arrive {time}, {wait} free before the visit",
        "idle_break": "arrive {time}, {wait} free before {brk}",
        "short": "short visit, {minutes} + {stop} min {arrive}: a quick look, "
        "so the day holds more",
        "typical": "typical visit, {minutes} + {stop} min {arrive}",
        "long": "long visit, {minutes} + {stop} min {arrive}: a hands-on stay, "
        "worth more than another stop",
        "on_the_way": "on the way to",
        "no_longer": "; a longer stay does not fit its hours or the day",
        "longer_worth_less": "; more time here was worth less than the rest of the day",
        "again": "the stay goes on after lunch, {minutes}: one visit in two parts",
        "split": "a stay in two parts around lunch, {total} in all ({minutes} before lunch) "
        "+ {stop} min {arrive}",
        "out_of_season": "out of season on this date (season: months {months}): the craft "
        "may not be seen, so the visit counts for less",
        "outside_active_hours": "the work is seen {hours}; this visit is outside those hours, "
        "so it counts for less",
        "ratio": "road/visit",
        "more_left_out": "{n} villages left out (run without --short for the list)",
        "one_left_out": "1 village left out (run without --short to see it)",
        "interest": "interest",
        "approximate": "approximate position: the centre of its commune, within about {m} m",
        "stop": "stop",
        "stops": "stops",
        "road": "on the road",
        "visiting": "visiting",
        "day": "Day",
        "trip": "Trip",
        "days": "days",
        "empty": "No village fits this day.",
        "left_out": "Left out",
    },
    "vi": {
        "leave": "Khởi hành từ",
        "back": "Về đến",
        "at": "tại",
        "min": "phút",
        "h": "giờ",
        "decimal": ",",
        "arrived": "đến lúc {time}, chờ {wait} để mở cửa",
        "idle": "đến lúc {time}, nghỉ {wait} trước khi tham quan",
        "idle_break": "đến lúc {time}, nghỉ {wait} trước giờ {brk}",
        "short": "tham quan ngắn, {minutes} + {stop} phút {arrive}: xem nhanh "
        "để ngày đi được nhiều hơn",
        "typical": "tham quan thông thường, {minutes} + {stop} phút {arrive}",
        "long": "tham quan dài, {minutes} + {stop} phút {arrive}: ở lại trải nghiệm, "
        "đáng hơn một điểm dừng nữa",
        "on_the_way": "trên đường đến",
        "no_longer": "; ở lâu hơn không vừa giờ mở cửa hoặc trong ngày",
        "longer_worth_less": "; ở lâu hơn đáng ít hơn phần còn lại của ngày",
        "again": "ở tiếp sau bữa trưa, {minutes}: một lượt tham quan chia hai phần",
        "split": "ở lại hai phần quanh bữa trưa, tổng {total} ({minutes} trước bữa trưa) "
        "+ {stop} phút {arrive}",
        "out_of_season": "trái mùa vào ngày này (mùa: tháng {months}): có thể không thấy "
        "nghề, nên lượt thăm được tính thấp hơn",
        "outside_active_hours": "nghề được thấy vào {hours}; lượt thăm này ngoài giờ đó, "
        "nên được tính thấp hơn",
        "ratio": "di chuyển/tham quan",
        "more_left_out": "{n} làng không đưa vào lịch trình (bỏ --short để xem danh sách)",
        "one_left_out": "1 làng không đưa vào lịch trình (bỏ --short để xem)",
        "interest": "điểm hấp dẫn",
        "approximate": "vị trí gần đúng: trung tâm xã, sai số khoảng {m} m",
        "stop": "điểm dừng",
        "stops": "điểm dừng",
        "road": "di chuyển",
        "visiting": "tham quan",
        "day": "Ngày",
        "trip": "Cả chuyến",
        "days": "ngày",
        "empty": "Không có làng nào phù hợp với ngày này.",
        "left_out": "Không đưa vào lịch trình",
    },
}

_TIME_COLUMN = 13  # "08:35–10:05" plus two spaces
_WIDTH = 88

_STYLES = {"title": "1", "time": "36", "leg": "2", "warn": "33", "head": "1;33", "total": "1"}


class _Style:
    """ANSI styling that is a no-op when colours are off."""

    def __init__(self, color: bool) -> None:
        self.color = color

    def __call__(self, text: str, kind: str) -> str:
        if not self.color or not text:
            return text
        return f"\x1b[{_STYLES[kind]}m{text}\x1b[0m"


# What a stop's fixed minutes are for, by how the traveller arrives (a vehicle is parked, a
# coach is left, a walker only finds the way in); any other mode is spoken of as a car.
_ARRIVE: dict[str, dict[str, str]] = {
    "en": {
        "car": "to park and walk in",
        "motorbike": "to park and walk in",
        "bicycle": "to lock the bicycles and walk in",
        "bus": "to get off the coach and walk in",
        "walk": "to find the way in",
    },
    "vi": {
        "car": "gửi xe và đi vào",
        "motorbike": "gửi xe và đi vào",
        "bicycle": "gửi xe đạp và đi vào",
        "bus": "xuống xe và đi vào",
        "walk": "tìm lối vào",
    },
}


def _row(time: str, text: str, style: _Style, kind: str = "time") -> str:
    return f"  {style(time, kind)}{' ' * (_TIME_COLUMN - len(time))}{text}"


def _stop_lines(
    stop: Stop,
    lang: Lang,
    style: _Style,
    breaks: tuple[Break, ...] = (),
    party: int | None = None,
    again: bool = False,
    mode: str = "car",
    split: dt.timedelta | None = None,
) -> Iterator[str]:
    village = stop.village
    name = place_name(village, lang)
    craft = craft_name(village, lang)
    text = style(name, "title") + (f" — {craft}" if craft else "")
    text += style(f"  ({_WORDS[lang]['interest']} {village.interest})", "leg")
    yield _row(f"{hhmm(stop.start)}–{hhmm(stop.end)}", text, style)
    # the part after lunch: its whole span (any stop time is in it); a part without stop time
    # (the core planned the second part first) says no "+ 0 min"
    visit = stop.duration - dt.timedelta(minutes=0 if again else stop.stop_minutes)
    # the part before lunch of a split stay (``split``: the whole stay's visiting time) is not
    # a short or typical visit of its own
    key: str = "again" if again else "split" if split is not None else stop.length
    why = _WORDS[lang][key].format(
        minutes=duration_text(visit, lang),
        total=duration_text(split or visit, lang),
        stop=stop.stop_minutes,
        arrive=_ARRIVE[lang].get(mode, _ARRIVE[lang]["car"]),
    )
    if not stop.stop_minutes and not again:
        why = why.replace(f" + 0 {_WORDS[lang]['min']} {_ARRIVE[lang].get(mode, '')}", "")
    if stop.length != "long" and not again and split is None:
        why += _WORDS[lang]["longer_worth_less" if stop.longer_offered else "no_longer"]
    yield _row("", style(why, "leg"), style)
    for caveat in stop.caveats:
        note = _WORDS[lang][caveat].format(
            months=format_months(village.season_months), hours=str(village.active_hours or "")
        )
        yield _row("", style(note, "warn"), style)
    yield from (_row("", line, style) for line in stop_extra_lines(stop, party, lang))  # #21
    if not village.hours_confirmed:
        yield _row("", style(hours_text(village, lang), "warn"), style)
    tet = tet_note(village, stop.start.date(), lang)
    if tet:
        yield _row("", style(tet, "warn"), style)
    if village.coord_kind == "commune_centroid":
        where = _WORDS[lang]["approximate"].format(m=village.coord_precision_m or "?")
        yield _row("", style(where, "leg"), style)
    # a break taken here before the visit (lunch on arrival) is not a wait; the time before
    # it is free time before the break
    here = breaks_on_arrival(stop, breaks)
    wait = stop.wait - sum((b.duration for b in here), dt.timedelta())
    if here and here[0].start > stop.arrival:
        before = here[0].start - stop.arrival
        note = _WORDS[lang]["idle_break"].format(
            time=hhmm(stop.arrival),
            wait=duration_text(before, lang),
            brk=break_name(here[0].name, lang).lower(),
        )
        yield _row("", style(note, "warn"), style)
        wait -= before
    if wait > dt.timedelta(0):
        key = "arrived" if stop.waits_for_opening else "idle"
        note = _WORDS[lang][key].format(time=hhmm(stop.arrival), wait=duration_text(wait, lang))
        yield _row("", style(note, "warn"), style)


def leg_text(leg: Leg, lang: Lang, driving: dt.timedelta | None = None) -> str:
    """A journey in words: ``→ 25 min by car, 6.5 km`` (shared by the text and the map page);
    ``driving``: its time on the road when a break is taken on the way
    (:meth:`~tourplan.plan.Day.driving_time`), else the leg's span."""
    road = leg.travel_time if driving is None else driving
    text = f"→ {duration_text(road, lang)} {by_mode(leg.mode, lang)}"
    if leg.distance_m is not None:
        text += f", {km_text(leg.distance_m, lang)}"
    return text


def staying(leg: Leg) -> bool:
    """Whether ``leg`` is no journey at all: the traveller stays where they are (a long stay
    going on after lunch), so the words leave it out."""
    return leg.origin == leg.destination and not leg.travel_time


def timeline(day: Day) -> list[Leg | Break | Stop]:
    """The day's journeys, breaks and stops in the order the traveller lives them (shared by
    the text and the map page).

    Each comes at its start (a journey at its departure, a stop at its arrival), a journey
    before a break and a break before a stop at the same minute. A stop whose village has a
    break taken between the arrival and the visit (lunch on arrival) comes at the visit's
    start, after that break: "11:00-12:00 lunch at Bát Tràng", then "12:00-14:45 Bát Tràng".
    """

    def when(stop: Stop) -> dt.datetime:
        return stop.start if breaks_on_arrival(stop, day.breaks) else stop.arrival

    items: list[tuple[dt.datetime, int, Leg | Break | Stop]] = []
    items += [(leg.depart, 0, leg) for leg in day.legs]
    items += [(brk.start, 1, brk) for brk in day.breaks]
    items += [(when(stop), 2, stop) for stop in day.stops]
    items.sort(key=lambda item: (item[0], item[1]))
    return [item for _, _, item in items]


def break_text(brk: Break, names: dict[str, str], lang: Lang) -> str:
    """A break in words, with the place it is taken at (``names``: place names by id)."""
    label = break_name(brk.name, lang)
    where = names.get(brk.place)
    if brk.on_the_way:
        return f"{label} {_WORDS[lang]['on_the_way']} {where}" if where else label
    return f"{label} {_WORDS[lang]['at']} {where}" if where else label


def _day_lines(day: Day, lang: Lang, style: _Style, party: int | None = None) -> Iterator[str]:
    words = _WORDS[lang]
    yield style(full_date(day.date, lang), "title")
    start, end = place_name(day.start_place, lang), place_name(day.end_place, lang)
    if not day.stops:
        yield _row("", words["empty"], style)
        if not day.legs:
            return
    names = {day.start_place.id: start, day.end_place.id: end}
    names.update((s.village.id, place_name(s.village, lang)) for s in day.stops)
    yield _row(hhmm(day.departure), f"{words['leave']} {start}", style)
    free_from = day.departure
    back_shown = False
    for item in timeline(day):
        if isinstance(item, Leg):
            if staying(item):  # a long stay going on after lunch: no journey to tell
                continue
            # Show the departure time only when the traveller lingers before leaving.
            shown = hhmm(item.depart) if item.depart != free_from else ""
            yield _row(
                shown, style(leg_text(item, lang, day.driving_time(item)), "leg"), style, "leg"
            )
            free_from = item.arrive
        elif isinstance(item, Break):
            if not back_shown and day.legs and item.start >= day.back:
                yield _row(hhmm(day.back), f"{words['back']} {end}", style)
                back_shown = True  # lunch at the end place, once back there
            span = f"{hhmm(item.start)}–{hhmm(item.end)}"
            yield _row(span, break_text(item, names, lang), style)
            free_from = item.end
        else:
            k = day.stops.index(item)
            again = k > 0 and day.stops[k - 1].village.id == item.village.id
            after = day.stops[k + 1] if k + 1 < len(day.stops) else None
            split = None
            if not again and after is not None and after.village.id == item.village.id:
                split = item.duration - dt.timedelta(minutes=item.stop_minutes)
                split += after.duration - dt.timedelta(minutes=after.stop_minutes)
            mode = next((leg.mode for leg in day.legs), "car")  # a day has one mode
            yield from _stop_lines(item, lang, style, day.breaks, party, again, mode, split)
            free_from = item.end
    if not back_shown:
        yield _row(hhmm(day.back), f"{words['back']} {end}", style)
    if not day.stops:  # only the journey to the end place
        return
    yield "  " + style(f"{words['day']}: {totals([day], lang)}", "total")
    if party is not None:  # experiences and budgets (issue #21)
        yield "  " + style(costs_text(day_costs(day, party), lang), "total")


def totals(days: list[Day], lang: Lang) -> str:
    """Stops, interest, visiting, driving and distance of some days, in one line (a long
    stay split by lunch is one stop, its interest counted once)."""
    words = _WORDS[lang]
    count = sum(len(d.visits) for d in days)
    parts = [f"{count} {words['stop'] if count == 1 else words['stops']}"]
    parts.append(f"{words['interest']} {sum(d.interest for d in days)}")
    visiting = sum((s.duration for d in days for s in d.stops), dt.timedelta())
    parts.append(f"{duration_text(visiting, lang)} {words['visiting']}")
    road = sum((d.travel_time for d in days), dt.timedelta())
    parts.append(f"{duration_text(road, lang)} {words['road']}")
    if visiting:
        ratio = f"{road / visiting:.2f}".replace(".", words["decimal"])
        parts.append(f"{words['ratio']} {ratio}")
    distances = [d.distance_m for d in days if d.stops]
    if distances and all(m is not None for m in distances):
        parts.append(km_text(sum(m or 0.0 for m in distances), lang))
    return " · ".join(parts)


def _left_out_lines(left_out: tuple[LeftOut, ...], lang: Lang, style: _Style) -> Iterator[str]:
    yield style(f"{_WORDS[lang]['left_out']} ({len(left_out)})", "head")
    groups: dict[str, list[LeftOut]] = {}
    for item in left_out:
        groups.setdefault(item.reason, []).append(item)
    for items in groups.values():
        label = reason_label(items[0].reason, lang)
        texts = [explain(item, lang) for item in items]
        explanations = set(texts)
        if len(items) > 1 and len(explanations) == 1:
            # One shared explanation: say it once, then name the villages.
            yield f"  {style(label, 'warn')} ({len(items)}): {texts[0]}"
            names = ", ".join(f"{place_name(i.village, lang)} ({i.village.id})" for i in items)
            yield from textwrap.wrap(
                names, _WIDTH, initial_indent="    ", subsequent_indent="    ",
                break_on_hyphens=False,
            )  # fmt: skip
            continue
        yield f"  {style(label, 'warn')} ({len(items)}):"
        for item, why in zip(items, texts, strict=True):
            text = f"{place_name(item.village, lang)} ({item.village.id}): {why}"
            yield from textwrap.wrap(
                text, _WIDTH, initial_indent="    - ", subsequent_indent="      ",
                break_on_hyphens=False,
            )  # fmt: skip


def format_itinerary(
    itinerary: Itinerary, *, lang: Lang = "vi", color: bool = False, short: bool = False
) -> str:
    """The itinerary as a readable day-by-day schedule.

    Each day lists its departure, the journeys (``→ 25 min by car, 14.2 km``), the visits
    with their times, crafts and interest, the chosen visit length and why, any wait (for a
    village to open, or free time), the lunch break and where it is taken, the return, and
    the day's totals (stops, interest, visiting time, road time, road per visiting minute,
    distance).
    A trip of several days ends with the trip's totals. Then come the villages left out,
    grouped by reason, each with its explanation.

    Parameters
    ----------
    itinerary
        The plan to show.
    lang
        ``"vi"`` or ``"en"`` for names, crafts and labels (place names fall back to
        Vietnamese when there is no English name) and the explanations of villages left out.
        Anything else is refused with a :class:`~tourplan.exceptions.DataError`.
    color
        Add ANSI colours and bold (for a terminal).
    short
        Only the days: the villages left out become one line with their number.

    Returns
    -------
    str
        The schedule, ending with a newline.
    """
    lang = check_lang(lang)
    style = _Style(color)
    lines: list[str] = []
    for day in itinerary.days:
        lines += _day_lines(day, lang, style, itinerary.party)
        lines.append("")
    if len(itinerary.days) > 1:
        days = list(itinerary.days)
        count = f"{len(days)} {_WORDS[lang]['days']}"
        trip_line = totals(days, lang)
        lines += [style(f"{_WORDS[lang]['trip']} ({count}): {trip_line}", "total"), ""]
    if itinerary.party is not None:  # the trip's costs (issue #21)
        lines += [style(costs_text(costs(itinerary), lang), "total"), ""]
    if itinerary.left_out and short:
        key = "one_left_out" if len(itinerary.left_out) == 1 else "more_left_out"
        lines += [_WORDS[lang][key].format(n=len(itinerary.left_out)), ""]
    elif itinerary.left_out:
        lines += _left_out_lines(itinerary.left_out, lang, style)
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"
