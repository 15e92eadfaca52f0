"""The words of calendar events: labels of visits, journeys and breaks in .ics files."""

from __future__ import annotations

from .words import Lang

__all__ = ["CALENDAR_WORDS"]

CALENDAR_WORDS: dict[Lang, dict[str, str]] = {
    "en": {
        "craft": "Craft",
        "themes": "Themes",
        "visit": "Visit",
        "arrive": "arrive",
        "wait": "wait",
        "next": "Next",
        "to": "to",
        "end_of_day": "end of day",
        "hours": "Opening hours",
        "hours_note": "Hours note",
        "notes": "Notes",
        "travel": "Travel to",
        "from": "From",
        "break_at": "At",
        "depart": "Depart",
        "arrive_at": "arrive",
        "min": "min",
        "h": "h",
        "km": "km",
        "decimal": ".",
    },
    "vi": {
        "craft": "Nghề",
        "themes": "Chủ đề",
        "visit": "Tham quan",
        "arrive": "đến",
        "wait": "chờ",
        "next": "Tiếp theo",
        "to": "đến",
        "end_of_day": "cuối ngày",
        "hours": "Giờ mở cửa",
        "hours_note": "Ghi chú về giờ",
        "notes": "Ghi chú",
        "travel": "Di chuyển đến",
        "from": "Từ",
        "break_at": "Tại",
        "depart": "Khởi hành",
        "arrive_at": "đến",
        "min": "phút",
        "h": "giờ",
        "km": "km",
        "decimal": ",",
    },
}
"""Labels of calendar events by key, in each language."""
