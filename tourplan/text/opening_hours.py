"""Opening hours in words: "Mon–Fri 08:00–17:00; closed Sat, Sun", "hằng ngày 08:00–17:30".

:class:`~tourplan.hours.OpeningHours` prints itself in OpenStreetMap's syntax
(``Mo-Su 08:00-17:30``), the form the data files and the JSON export keep. A traveller reads
the itinerary, the map page and the calendar in words: weekdays named in their language, days
with the same hours grouped, the days it is closed said as such, and the hours on public
holidays when the data gives them.
"""

from __future__ import annotations

from ..hours import OpeningHours, Span
from ..model import Village
from .words import WEEKDAYS, Lang, check_lang, hours_not_confirmed

__all__ = ["hours_text", "opening_hours_words"]

_SHORT_DAYS: dict[Lang, tuple[str, ...]] = {
    "vi": WEEKDAYS["vi"],
    "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
}

_WORDS: dict[Lang, dict[str, str]] = {
    "vi": {
        "daily": "hằng ngày",
        "all_day": "cả ngày",
        "closed": "nghỉ",
        "never": "không mở cửa",
        "holidays": "ngày lễ",
        "holidays_closed": "nghỉ ngày lễ",
    },
    "en": {
        "daily": "daily",
        "all_day": "all day",
        "closed": "closed",
        "never": "never open",
        "holidays": "public holidays",
        "holidays_closed": "closed on public holidays",
    },
}


def opening_hours_words(hours: OpeningHours, lang: Lang) -> str:
    """``hours`` as a traveller reads them, in ``lang``.

    Days with the same hours are grouped (three or more in a row as a range), the closed days
    are named after the open ones, and public holidays are mentioned only when the hours say
    something of them.

    Examples
    --------
    >>> opening_hours_words(OpeningHours.parse("Mo-Su 08:00-17:30"), "en")
    'daily 08:00–17:30'
    >>> opening_hours_words(OpeningHours.parse("Mo-Su 08:00-17:30"), "vi")
    'hằng ngày 08:00–17:30'
    >>> opening_hours_words(OpeningHours.parse("Tu-Su 08:00-11:30,13:30-17:00; PH off"), "en")
    'Tue–Sun 08:00–11:30, 13:30–17:00; closed Mon; closed on public holidays'
    >>> opening_hours_words(OpeningHours.parse("Sa,Su 08:00-17:30"), "vi")
    'Thứ Bảy, Chủ Nhật 08:00–17:30; nghỉ Thứ Hai–Thứ Sáu'
    >>> opening_hours_words(OpeningHours.parse("24/7"), "en")
    'daily all day'
    """
    chosen = check_lang(lang)
    words = _WORDS[chosen]
    week = hours.week
    parts: list[str] = []
    if all(day == week[0] for day in week) and week[0]:
        parts.append(f"{words['daily']} {_spans(week[0], chosen)}")
    else:
        # group the days by their hours, keeping the order of the first day of each group
        groups: dict[tuple[Span, ...], list[int]] = {}
        for index, spans in enumerate(week):
            groups.setdefault(spans, []).append(index)
        for spans, days in groups.items():
            if spans:
                parts.append(f"{_days(days, chosen)} {_spans(spans, chosen)}")
        closed = groups.get((), [])
        if closed and len(closed) < 7:
            parts.append(f"{words['closed']} {_days(closed, chosen)}")
        if not parts:
            parts.append(words["never"])
    if hours.holidays is not None:
        if hours.holidays:
            parts.append(f"{words['holidays']} {_spans(hours.holidays, chosen)}")
        else:
            parts.append(words["holidays_closed"])
    return "; ".join(parts)


def hours_text(village: Village, lang: Lang) -> str:
    """A place's opening hours in words, saying "hours not confirmed" when no source gives them.

    Hours that are a documented default, or whose clock times are (``source+default``),
    are shown as such: the plan fits them, but the traveller should check.

    Examples
    --------
    >>> v = Village("x", "Làng X", "X village", 21.0, 105.8, visit_minutes=60,
    ...             opening_hours=OpeningHours.parse("Mo-Su 08:00-17:30"), interest=50,
    ...             opening_hours_origin="default")
    >>> hours_text(v, "en")
    'daily 08:00–17:30 (hours not confirmed)'
    """
    text = opening_hours_words(village.opening_hours, lang)
    if village.hours_confirmed:
        return text
    return f"{text} ({hours_not_confirmed(lang)})"


def _spans(spans: tuple[Span, ...], lang: Lang) -> str:
    if len(spans) == 1 and spans[0].opens == 0 and spans[0].closes == 24 * 60:
        return _WORDS[lang]["all_day"]
    return ", ".join(f"{_clock(s.opens)}–{_clock(s.closes)}" for s in spans)


def _days(days: list[int], lang: Lang) -> str:
    """Weekday indices (Monday 0) as names: runs of three or more as ranges."""
    names = _SHORT_DAYS[lang]
    runs: list[list[int]] = []
    for day in days:
        if runs and runs[-1][-1] == day - 1:
            runs[-1].append(day)
        else:
            runs.append([day])
    out: list[str] = []
    for run in runs:
        if len(run) >= 3:
            out.append(f"{names[run[0]]}–{names[run[-1]]}")
        else:
            out.extend(names[d] for d in run)
    return ", ".join(out)


def _clock(minute: int) -> str:
    return f"{minute // 60:02d}:{minute % 60:02d}"  # 1440 closes a day: "24:00"
