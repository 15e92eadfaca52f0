"""iCalendar (.ics) export: one event per village visit, optionally per leg and per break.

Conventions (see ``docs/exports.md``):

- times are local, ``DTSTART;TZID=Asia/Ho_Chi_Minh:...``, and the calendar carries the
  matching ``VTIMEZONE``; ``DTSTAMP`` is in UTC;
- UIDs are stable: they depend only on the date, the place id(s) and the kind of event
  (``tourplan-20260302-bat-trang-visit@tourplan``), so importing a re-exported plan into a
  calendar updates its events instead of duplicating them;
- texts are written as given (commas, semicolons, backslashes and newlines are escaped as
  RFC 5545 says; icalendar's own escaping turns a literal backslash-N into a line break, so
  tourplan escapes texts itself); carriage returns are normalised to newlines and other
  control characters, which iCalendar text cannot hold, are dropped.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path

from icalendar import Calendar, Event, Timezone, vText

from .._io import atomic_write_bytes
from ..exceptions import DataError
from ..model import Village
from ..plan import HANOI_TZ, Day, Itinerary, Leg, Stop
from ..plan.budget import costs
from ..text import (
    Lang,
    by_mode,
    check_lang,
    craft_name,
    generator,
    hhmm,
    hours_text,
    km_text,
    place_name,
    position_text,
    tet_note,
)
from ..text import break_name as _break_name
from ..text import duration as duration_text
from ..text.calendar import CALENDAR_WORDS as _WORDS
from ..text.costs import cost_lines, costs_text
from ..text.itinerary import staying
from ._common import day_names

__all__ = ["event_uid", "itinerary_to_calendar", "itinerary_to_ics", "write_ics"]

UID_DOMAIN = "tourplan"
"""The right-hand side of every UID tourplan writes."""

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def clean_text(text: str) -> str:
    """``text`` as iCalendar can carry it: CR and CRLF become LF, other controls are dropped.

    Examples
    --------
    >>> clean_text("a\\r\\nb\\rc\\x00d")
    'a\\nb\\ncd'
    """
    return _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


class _Text(vText):
    """A TEXT value escaped exactly as RFC 5545 section 3.3.11 says.

    icalendar's escaping first turns a literal backslash-N into a newline, which changes a
    text that holds one; here only backslash, semicolon, comma and newline are escaped.
    """

    def to_ical(self) -> bytes:
        escaped = str(self).replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
        return escaped.replace("\n", "\\n").encode("utf-8")


def _text(text: str) -> _Text:
    """``text`` cleaned by :func:`clean_text`, as an exactly escaped iCalendar TEXT."""
    return _Text(clean_text(text))


def _slug(text: str) -> str:
    ascii_text = (
        unicodedata.normalize("NFKD", text.replace("đ", "d").replace("Đ", "D"))
        .encode("ascii", "ignore")
        .decode()
    )
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if not slug:
        slug = hashlib.sha1(text.encode("utf-8")).hexdigest()[:10]
    return slug


def event_uid(date: dt.date, kind: str, *parts: str) -> str:
    """The stable UID of one event: from the date, the kind and the place ids only.

    Parameters
    ----------
    date
        The day of the event.
    kind
        ``"visit"``, ``"leg"`` or ``"break"``.
    *parts
        Place ids (or a break name); text outside ``[a-z0-9-]`` is turned into a slug.

    Examples
    --------
    >>> event_uid(dt.date(2026, 3, 2), "visit", "bat-trang")
    'tourplan-20260302-bat-trang-visit@tourplan'
    >>> event_uid(dt.date(2026, 3, 2), "leg", "hoan-kiem-lake", "bat-trang")
    'tourplan-20260302-hoan-kiem-lake-to-bat-trang-leg@tourplan'
    >>> event_uid(dt.date(2026, 3, 2), "break", "Ăn trưa", "bat-trang")
    'tourplan-20260302-an-trua-at-bat-trang-break@tourplan'
    """
    slugs = [_slug(p) for p in parts]
    joiner = {"leg": "-to-", "break": "-at-"}.get(kind, "-")
    return f"tourplan-{date:%Y%m%d}-{joiner.join(slugs)}-{_slug(kind)}@{UID_DOMAIN}"


# -- texts --------------------------------------------------------------------------------------


def _leg_line(
    leg: Leg, names: dict[str, str], end_id: str, lang: Lang, driving: dt.timedelta
) -> str:
    words = _WORDS[lang]
    target = names.get(leg.destination, leg.destination)
    if leg.destination == end_id:
        target += f" ({words['end_of_day']})"
    text = (
        f"{words['next']}: {duration_text(driving, lang)} {by_mode(leg.mode, lang)} "
        f"{words['to']} {target}"
    )
    if leg.distance_m is not None:
        text += f", {km_text(leg.distance_m, lang)}"
    return text


def _visit_description(stop: Stop, next_leg: Leg | None, day: Day, lang: Lang) -> str:
    words = _WORDS[lang]
    village = stop.village
    lines = []
    craft = craft_name(village, lang)
    if craft:
        lines.append(f"{words['craft']}: {craft}")
    if village.themes:
        lines.append(f"{words['themes']}: {', '.join(village.themes)}")
    window = f"{words['visit']} {hhmm(stop.start)}–{hhmm(stop.end)}"
    details = [f"{words['arrive']} {hhmm(stop.arrival)}"]
    if day.idle(stop) > dt.timedelta(0):
        details.append(f"{words['wait']} {duration_text(day.idle(stop), lang)}")
    lines.append(f"{window} ({', '.join(details)})")
    if next_leg is not None and not staying(next_leg):
        lines.append(
            _leg_line(
                next_leg, day_names(day, lang), day.end_place.id, lang, day.driving_time(next_leg)
            )
        )
    lines.append(f"{words['hours']}: {hours_text(village, lang)}")
    tet = tet_note(village, stop.start.date(), lang)
    if tet:
        lines.append(tet)
    if village.coord_kind == "commune_centroid":
        lines.append(position_text(village, lang))
    if village.hours_note:
        lines.append(f"{words['hours_note']}: {village.hours_note}")
    if village.url:
        lines.append(village.url)
    return "\n".join(lines)


def _location(village: Village) -> str:
    """``"name, commune"`` in Vietnamese, the form maps and calendar apps find best (the
    old district when the 2025 commune is not known: :attr:`~tourplan.model.Village.commune`)."""
    area = village.commune or village.old_district
    return f"{village.name_vi}, {area}" if area else village.name_vi


def _where(day: Day, place_id: str) -> tuple[str, tuple[float, float] | None]:
    """LOCATION text and (lat, lon) of a place of ``day`` (unknown ids: the id, no position)."""
    for stop in day.stops:
        if stop.village.id == place_id:
            return _location(stop.village), (stop.village.lat, stop.village.lon)
    for place in (day.start_place, day.end_place):
        if place.id == place_id:
            return place.name, (place.lat, place.lon)
    return place_id, None


# -- events -------------------------------------------------------------------------------------


def _visit_events(
    day: Day, lang: Lang, stamp: dt.datetime, party: int | None = None
) -> Iterator[Event]:
    for i, stop in enumerate(day.stops):
        next_leg = day.legs[i + 1] if i + 1 < len(day.legs) else None
        village = stop.village
        event = Event.new(
            uid=event_uid(day.date, "visit", village.id),
            stamp=stamp,
            start=stop.start.astimezone(HANOI_TZ),
            end=stop.end.astimezone(HANOI_TZ),
            summary=_text(place_name(village, lang)),
            location=_text(_location(village)),
            description=_text(
                "\n".join(
                    [
                        _visit_description(stop, next_leg, day, lang),
                        *cost_lines(stop, day, party, lang),  # experiences and costs (#21)
                    ]
                )
            ),
            url=village.url or None,
            categories=list(village.themes),
        )
        event.add("GEO", (village.lat, village.lon))
        yield event


def _leg_events(day: Day, lang: Lang, stamp: dt.datetime) -> Iterator[Event]:
    names = day_names(day, lang)
    words = _WORDS[lang]
    for leg in day.legs:
        if staying(leg):  # a long stay going on after lunch: no journey
            continue
        origin = names.get(leg.origin, leg.origin)
        target = names.get(leg.destination, leg.destination)
        lines = [f"{words['from']} {origin} {words['to']} {target}"]
        road = duration_text(day.driving_time(leg), lang)  # a lunch on the way is not road
        line = f"{road} {by_mode(leg.mode, lang)}"
        if leg.distance_m is not None:
            line += f", {km_text(leg.distance_m, lang)}"
        lines.append(line)
        # a break on the way is its own event: the journey is the time around it
        stops = [b for b in day.breaks if b.on_the_way and leg.depart <= b.start < leg.arrive]
        edges = [leg.depart, *(t for b in stops for t in (b.start, b.end)), leg.arrive]
        for start, end in zip(edges[::2], edges[1::2], strict=True):
            if end <= start and len(edges) > 2:
                continue  # the break starts as the journey does, or ends as it ends
            yield Event.new(
                uid=event_uid(day.date, "leg", leg.origin, leg.destination),  # -2 on a 2nd
                stamp=stamp,
                start=start.astimezone(HANOI_TZ),
                end=end.astimezone(HANOI_TZ),
                summary=_text(f"{words['travel']} {target}"),
                location=_text(_where(day, leg.destination)[0]),
                description=_text("\n".join(lines)),
            )


def _break_events(day: Day, lang: Lang, stamp: dt.datetime) -> Iterator[Event]:
    names = day_names(day, lang)
    for brk in day.breaks:
        location, position = _where(day, brk.place)
        event = Event.new(
            uid=event_uid(day.date, "break", brk.name, brk.place),
            stamp=stamp,
            start=brk.start.astimezone(HANOI_TZ),
            end=brk.end.astimezone(HANOI_TZ),
            summary=_text(_break_name(brk.name, lang)),
            location=_text(location),
            description=_text(f"{_WORDS[lang]['break_at']} {names.get(brk.place, brk.place)}"),
        )
        if position is not None:
            event.add("GEO", position)
        yield event


def _stamp(dtstamp: dt.datetime | None) -> dt.datetime:
    if dtstamp is None:
        return dt.datetime.now(dt.UTC).replace(microsecond=0)
    if dtstamp.tzinfo is None or dtstamp.utcoffset() is None:
        raise DataError("dtstamp must be timezone-aware", field="dtstamp")
    return dtstamp.astimezone(dt.UTC)


def itinerary_to_calendar(
    itinerary: Itinerary,
    *,
    lang: str = "vi",
    include_legs: bool = False,
    include_breaks: bool = True,
    dtstamp: dt.datetime | None = None,
) -> Calendar:
    """The itinerary as an :class:`icalendar.Calendar` (see :func:`itinerary_to_ics`)."""
    chosen = check_lang(lang)
    stamp = _stamp(dtstamp)
    events: list[Event] = []
    for day in itinerary.days:
        events.extend(_visit_events(day, chosen, stamp, itinerary.party))
        if include_breaks:
            events.extend(_break_events(day, chosen, stamp))
        if include_legs:
            events.extend(_leg_events(day, chosen, stamp))
    events.sort(key=lambda e: (e.start, str(e["UID"])))
    _dedupe_uids(events)
    title = "tourplan"
    if itinerary.days:
        first, last = itinerary.days[0].date, itinerary.days[-1].date
        title += f" {first.isoformat()}" + (f" – {last.isoformat()}" if last != first else "")
    # from the events' UIDs; a plan without events: from its dates (not one UID for all)
    uids = "\n".join(str(e["UID"]) for e in events) or title
    calendar_uid = f"tourplan-{hashlib.sha1(uids.encode()).hexdigest()[:16]}@{UID_DOMAIN}"
    calendar = Calendar.new(
        prodid=f"-//tourplan//{generator()}//{chosen.upper()}",
        uid=calendar_uid,
        name=title,
        subcomponents=events,
    )
    if itinerary.party is not None:  # the trip's costs (issue #21)
        calendar.add("X-WR-CALDESC", costs_text(costs(itinerary), chosen))
    if itinerary.days:
        first_date = itinerary.days[0].date - dt.timedelta(days=1)
        last_date = itinerary.days[-1].date + dt.timedelta(days=366)
        calendar.add_missing_timezones(first_date=first_date, last_date=last_date)
        if not events:  # RFC 5545 section 3.4: a calendar holds at least one component
            zone = Timezone.from_tzid(str(HANOI_TZ), first_date=first_date, last_date=last_date)
            calendar.add_component(zone)
    return calendar


def _dedupe_uids(events: list[Event]) -> None:
    """Suffix ``-2``, ``-3`` ... to repeated UIDs, in a deterministic order."""
    seen: dict[str, int] = {}
    for event in events:
        uid = str(event["UID"])
        seen[uid] = seen.get(uid, 0) + 1
        if seen[uid] > 1:
            local, _, domain = uid.rpartition("@")
            event.uid = f"{local}-{seen[uid]}@{domain}"


def itinerary_to_ics(
    itinerary: Itinerary,
    *,
    lang: str = "vi",
    include_legs: bool = False,
    include_breaks: bool = True,
    dtstamp: dt.datetime | None = None,
) -> bytes:
    """The itinerary as iCalendar bytes (UTF-8, CRLF line ends, lines folded at 75 octets).

    Parameters
    ----------
    itinerary
        The plan to export.
    lang
        ``"vi"`` (default) or ``"en"`` for summaries and descriptions.
    include_legs
        Also write one event per journey between places.
    include_breaks
        Also write one event per break (lunch).
    dtstamp
        The ``DTSTAMP`` of every event (converted to UTC); now if None. UIDs never depend on it.

    Returns
    -------
    bytes
        A ``VCALENDAR`` with ``VERSION``, ``PRODID``, the ``Asia/Ho_Chi_Minh`` ``VTIMEZONE`` and
        the events, sorted by start time.
    """
    return bytes(
        itinerary_to_calendar(
            itinerary,
            lang=lang,
            include_legs=include_legs,
            include_breaks=include_breaks,
            dtstamp=dtstamp,
        ).to_ical()
    )


def write_ics(
    itinerary: Itinerary,
    path: str | os.PathLike[str],
    *,
    lang: str = "vi",
    include_legs: bool = False,
    include_breaks: bool = True,
    dtstamp: dt.datetime | None = None,
) -> Path:
    """Write the itinerary to an .ics file atomically; keywords as for :func:`itinerary_to_ics`.

    Returns
    -------
    Path
        The file written.

    Raises
    ------
    ExportError
        When the file cannot be written; an existing file is then left unchanged.
    """
    data = itinerary_to_ics(
        itinerary,
        lang=lang,
        include_legs=include_legs,
        include_breaks=include_breaks,
        dtstamp=dtstamp,
    )
    return atomic_write_bytes(path, data)
