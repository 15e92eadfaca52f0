"""The small words, each written once: languages, dates, times, durations, distances, names.

Every Vietnamese or English word tourplan shows comes from :mod:`tourplan.text`; this module
holds the ones the other text modules share.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Sequence
from typing import Literal

from .._version import __version__
from ..exceptions import DataError
from ..model import THEMES, Place, Village
from ..plan import HANOI_TZ
from ..public_holidays import is_tet

__all__ = [
    "BREAK_NAMES",
    "LANGS",
    "MODE_NAMES",
    "PACE_NAMES",
    "THEME_LABELS",
    "WEEKDAYS",
    "Lang",
    "ascii_name",
    "break_name",
    "by_mode",
    "check_lang",
    "compact_date",
    "craft_name",
    "duration",
    "full_date",
    "generator",
    "hhmm",
    "hours_not_confirmed",
    "join",
    "km_text",
    "mode_name",
    "number",
    "pace_name",
    "place_name",
    "short_dates",
    "tet_note",
    "theme_label",
    "weekday",
]

Lang = Literal["vi", "en"]
"""A language tourplan writes: Vietnamese (``vi``) or English (``en``)."""
LANGS: tuple[Lang, ...] = ("vi", "en")

WEEKDAYS: dict[Lang, tuple[str, ...]] = {
    "vi": ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}
"""Weekday names, Monday first."""
_MONTHS_EN = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip

MODE_NAMES: dict[Lang, dict[str, str]] = {
    "en": {"road graph": "road"},
    "vi": {
        "walk": "đi bộ",
        "bicycle": "xe đạp",
        "motorbike": "xe máy",
        "car": "ô tô",
        "bus": "xe buýt",
        "road graph": "đường bộ",
    },
}
"""Transport mode names as written in each language (missing: the mode's own name)."""

BREAK_NAMES: dict[Lang, dict[str, str]] = {
    "en": {"lunch": "Lunch", "dinner": "Dinner", "breakfast": "Breakfast", "rest": "Rest"},
    "vi": {"lunch": "Ăn trưa", "dinner": "Ăn tối", "breakfast": "Ăn sáng", "rest": "Nghỉ"},
}
"""Break names as written in each language (missing: the break's own name)."""

PACE_NAMES: dict[Lang, dict[str, str]] = {
    "en": {},
    "vi": {"relaxed": "thong thả", "normal": "bình thường", "quick": "nhanh"},
}
"""Pace names as written in each language (missing: the pace's own name)."""

THEME_LABELS: dict[str, tuple[str, str]] = {
    "art": ("mỹ nghệ dân gian", "folk art"),
    "bamboo": ("mây tre đan", "bamboo weaving"),
    "ceramics": ("gốm", "ceramics"),
    "embroidery": ("thêu", "embroidery"),
    "flowers": ("hoa", "flowers"),
    "food": ("ẩm thực", "food"),
    "herbal": ("thuốc nam", "herbal medicine"),
    "heritage": ("làng cổ", "heritage"),
    "incense": ("hương", "incense"),
    "jewellery": ("kim hoàn", "jewellery"),
    "lacquer": ("sơn mài", "lacquer"),
    "metal": ("nghề kim khí", "metalwork"),
    "performance": ("múa rối nước", "water puppetry"),
    "textiles": ("dệt may", "textiles"),  # not "dệt lụa": tailoring, nets, tassels too
    "wood": ("đồ gỗ", "woodwork"),
}
"""Short Vietnamese and English labels of each theme (they name catalogue routes)."""

assert set(THEME_LABELS) == set(THEMES)

_UNITS: dict[Lang, tuple[str, str, str]] = {"en": ("h", "min", "."), "vi": ("giờ", "phút", ",")}


def check_lang(lang: object) -> Lang:
    """``lang`` if it is ``"vi"`` or ``"en"``.

    Raises
    ------
    DataError
        Naming the field ``lang``, for any other value.

    Examples
    --------
    >>> check_lang("en")
    'en'
    >>> check_lang("fr")
    Traceback (most recent call last):
    ...
    tourplan.exceptions.DataError: field 'lang': lang must be 'vi' or 'en', got 'fr'
    """
    if lang == "vi":
        return "vi"
    if lang == "en":
        return "en"
    raise DataError(f"lang must be 'vi' or 'en', got {lang!r}", field="lang")


def weekday(date: dt.date, lang: Lang, *, short: bool = False) -> str:
    """The weekday's name: ``Thứ Bảy`` / ``Saturday``; ``short`` English is ``Sat``."""
    name = WEEKDAYS[check_lang(lang)][date.weekday()]
    return name[:3] if short and lang == "en" else name


def full_date(date: dt.date, lang: Lang) -> str:
    """``Thứ Bảy, 05/12/2026`` / ``Saturday 5 December 2026``."""
    if check_lang(lang) == "vi":
        return f"{weekday(date, lang)}, {date:%d/%m/%Y}"
    return f"{weekday(date, lang)} {date.day} {_MONTHS_EN[date.month - 1]} {date.year}"


def compact_date(date: dt.date, lang: Lang) -> str:
    """``Thứ Bảy 05/12/2026`` / ``Sat 2026-12-05`` (one-line summaries)."""
    if check_lang(lang) == "vi":
        return f"{weekday(date, lang)} {date:%d/%m/%Y}"
    return f"{weekday(date, lang, short=True)} {date.isoformat()}"


def short_dates(dates: Sequence[dt.date], lang: Lang) -> str:
    """Dates without the year: ``Thứ Bảy 05/12, Chủ Nhật 06/12`` / ``Sat 05 Dec, Sun 06 Dec``."""
    if check_lang(lang) == "vi":
        return ", ".join(f"{weekday(d, lang)} {d:%d/%m}" for d in dates)
    return ", ".join(
        f"{weekday(d, lang, short=True)} {d.day:02d} {_MONTHS_EN[d.month - 1][:3]}" for d in dates
    )


def hhmm(value: dt.datetime | dt.time) -> str:
    """Local Hanoi clock time, ``"09:05"``."""
    if isinstance(value, dt.datetime):
        value = value.astimezone(HANOI_TZ)
    return value.strftime("%H:%M")


def duration(value: dt.timedelta, lang: Lang) -> str:
    """A duration in whole minutes: ``1 h 05 min`` / ``1 giờ 05 phút``, ``2 h``, ``40 min``.

    Examples
    --------
    >>> duration(dt.timedelta(minutes=65), "vi")
    '1 giờ 05 phút'
    >>> duration(dt.timedelta(minutes=120), "en"), duration(dt.timedelta(minutes=40), "en")
    ('2 h', '40 min')
    """
    hour_word, minute_word, _ = _UNITS[check_lang(lang)]
    hours, rest = divmod(round(value.total_seconds() / 60), 60)
    if hours and rest:
        return f"{hours} {hour_word} {rest:02d} {minute_word}"
    if hours:
        return f"{hours} {hour_word}"
    return f"{rest} {minute_word}"


def number(value: float, decimals: int, lang: Lang) -> str:
    """A number with ``decimals`` decimals and the language's decimal mark (``14,2``)."""
    return f"{value:.{decimals}f}".replace(".", _UNITS[check_lang(lang)][2])


def km_text(distance_m: float, lang: Lang, *, decimals: int = 1) -> str:
    """A distance in km: ``14.2 km`` in English, ``14,2 km`` in Vietnamese.

    Examples
    --------
    >>> km_text(14_240, "vi"), km_text(14_240, "en", decimals=0)
    ('14,2 km', '14 km')
    """
    return f"{number(distance_m / 1000, decimals, lang)} km"


def mode_name(mode: str, lang: Lang) -> str:
    """A transport mode as written in ``lang`` (``car`` is ``ô tô``)."""
    return MODE_NAMES[check_lang(lang)].get(mode, mode)


def by_mode(mode: str, lang: Lang) -> str:
    """How a journey is made, as a phrase: ``by car``, ``on foot`` / ``bằng ô tô``, ``đi bộ``.

    Examples
    --------
    >>> by_mode("car", "en"), by_mode("walk", "en"), by_mode("walk", "vi")
    ('by car', 'on foot', 'đi bộ')
    """
    chosen = check_lang(lang)
    if mode == "walk":
        return "on foot" if chosen == "en" else "đi bộ"
    return f"{'by' if chosen == 'en' else 'bằng'} {mode_name(mode, chosen)}"


def break_name(name: str, lang: Lang) -> str:
    """A break as written in ``lang`` (``lunch`` is ``Ăn trưa``/``Lunch``)."""
    return BREAK_NAMES[check_lang(lang)].get(name.lower(), name)


def pace_name(pace: str, lang: Lang) -> str:
    """A pace as written in ``lang`` (``relaxed`` is ``thong thả``)."""
    return PACE_NAMES[check_lang(lang)].get(pace, pace)


def theme_label(theme: str, lang: Lang) -> str:
    """A theme's short label in ``lang`` (``textiles`` is ``dệt may``); unknown: the code."""
    labels = THEME_LABELS.get(theme)
    return theme if labels is None else labels[0 if check_lang(lang) == "vi" else 1]


def place_name(place: Place | Village, lang: Lang) -> str:
    """The place's or village's name in ``lang``, falling back to its Vietnamese name."""
    return place.name_en if check_lang(lang) == "en" and place.name_en else place.name


def craft_name(village: Village, lang: Lang) -> str:
    """The village's craft in ``lang``, falling back to the other language."""
    if check_lang(lang) == "en":
        return village.craft_en or village.craft_vi
    return village.craft_vi or village.craft_en


def join(items: Sequence[str], lang: Lang) -> str:
    """``a, b và c`` / ``a, b and c``."""
    word = "và" if check_lang(lang) == "vi" else "and"
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {word} {items[-1]}"


def ascii_name(text: str) -> str:
    """Vietnamese place names as English texts write them: ``Tây Hồ`` -> ``Tay Ho``."""
    text = text.replace("đ", "d").replace("Đ", "D")
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def generator() -> str:
    """The name and version of this library as outputs cite it, e.g. ``"tourplan 0.1.0"``."""
    # the version hatch builds the package metadata from (importlib.metadata: 0.03 s a start)
    return f"tourplan {__version__}"


_HOURS_NOT_CONFIRMED: dict[Lang, str] = {
    "en": "hours not confirmed",
    "vi": "giờ mở cửa chưa được xác nhận",
}


_TET_NOTE: dict[Lang, str] = {
    "en": "Tết: its hours at Tết are not confirmed; ask before going",
    "vi": "Tết: giờ mở cửa dịp Tết chưa được xác nhận; nên hỏi trước",
}


def tet_note(village: Village, date: dt.date, lang: Lang) -> str:
    """What to say of ``village``'s hours on ``date``: at Tết, when its hours have no rule
    for public holidays (``PH``), that its hours then are not confirmed (the plan keeps the
    weekday's hours; data/README.md); else nothing (``""``).

    Examples
    --------
    >>> from tourplan.hours import OpeningHours
    >>> v = Village("x", "Làng X", "X village", 21.0, 105.8, visit_minutes=60,
    ...             opening_hours=OpeningHours.parse("Mo-Su 08:00-17:30"), interest=50)
    >>> tet_note(v, dt.date(2027, 2, 6), "en")
    'Tết: its hours at Tết are not confirmed; ask before going'
    >>> tet_note(v, dt.date(2027, 3, 6), "en")
    ''
    """
    if village.opening_hours.holidays is not None or not is_tet(date):
        return ""
    return _TET_NOTE[check_lang(lang)]


def hours_not_confirmed(lang: Lang) -> str:
    """The words "hours not confirmed" in ``lang`` (for a warning line)."""
    return _HOURS_NOT_CONFIRMED[lang]
