"""Why villages are left out, in words: reason labels and full explanations, vi and en."""

from __future__ import annotations

from ..model import Village
from ..plan import LeftOut, LeftOutReason
from .words import Lang, check_lang, mode_name, short_dates

__all__ = ["CATALOGUE_REASON_LABELS", "REASON_LABELS", "explain", "reason_label"]

REASON_LABELS: dict[Lang, dict[LeftOutReason, str]] = {
    "en": {
        "avoided": "Avoided",
        "lower_interest": "Not enough time",
        "max_stops": "Day full",
        "closed": "Closed",
        "too_long": "Visit too long",
        "too_far": "Too far",
        "not_worth_the_drive": "Not worth the drive",
        "over_budget": "Over budget",
    },
    "vi": {
        "avoided": "Tránh theo yêu cầu",
        "lower_interest": "Không đủ thời gian",
        "max_stops": "Đã đủ số điểm dừng",
        "closed": "Đóng cửa",
        "too_long": "Tham quan quá lâu",
        "too_far": "Quá xa",
        "not_worth_the_drive": "Không đáng quãng đường",
        "over_budget": "Vượt ngân sách",
    },
}
"""Short labels of each reason for a trip's schedule."""

CATALOGUE_REASON_LABELS: dict[Lang, dict[LeftOutReason, str]] = {
    "en": {
        **REASON_LABELS["en"],
        "lower_interest": "Not enough room in the routes",
        "max_stops": "Routes full",
    },
    "vi": {
        **REASON_LABELS["vi"],
        "lower_interest": "Không đủ chỗ trong các tuyến",
        "max_stops": "Các tuyến đã đủ điểm dừng",
    },
}
"""Short labels of each reason for a route catalogue (routes instead of days)."""

_EXPLANATIONS: dict[str, tuple[str, str]] = {
    "avoided": ("bạn đã yêu cầu bỏ qua làng này", "you asked to avoid it"),
    "closed": (
        "đóng cửa vào {when} (giờ mở cửa: {hours})",
        "closed on {when} (opening hours: {hours})",
    ),
    "too_long": (
        "một lượt tham quan mất {service} phút, dài hơn cả ngày ({day})",
        "a visit takes {service} min, longer than the day ({day})",
    ),
    "short": (
        "vào {when} không có khung giờ mở cửa nào đủ dài cho {service} phút tham quan trong "
        "ngày {day} (giờ mở cửa: {hours})",
        "no opening on {when} is long enough for a {service}-minute visit inside the day {day} "
        "(opening hours: {hours})",
    ),
    "too_far": (
        "mất {go} phút mỗi chiều bằng {mode}: cùng {service} phút tham quan thì không kịp "
        "trong ngày {day} khi làng mở cửa",
        "{go} min each way by {mode}: with a {service}-minute visit it does not fit in the "
        "day {day} while it is open",
    ),
    "not_worth_the_drive": (
        "mất {go} phút mỗi chiều bằng {mode}: quãng đường tốn hơn giá trị một lần ghé "
        "({service} phút tham quan trở lên)",
        "{go} min each way by {mode}: the road costs more than a visit there is worth "
        "({service} minutes or more)",
    ),
    "max_stops": (
        "mỗi ngày đã đủ tối đa {limit} điểm dừng",
        "every day already has the maximum of {limit} stops",
    ),
    "lower_interest": (
        "có thể ghé riêng, nhưng các làng đã chọn hấp dẫn hơn trong thời gian có",
        "it would fit on its own, but the villages chosen are worth more in the time available",
    ),
    "over_budget": (
        "vé vào (và trải nghiệm) cho cả đoàn sẽ làm lịch trình vượt ngân sách",
        "its entrance fee (and experience) for the party would take the plan over the budget",
    ),
    "short_route": (
        "tuyến của làng này có ít hơn {min_stops} điểm dừng",
        "its route would have had fewer than {min_stops} stops",
    ),
}


def reason_label(reason: LeftOutReason, lang: Lang, *, catalogue: bool = False) -> str:
    """The short label of ``reason`` (``Đóng cửa`` / ``Closed``); ``catalogue`` speaks of
    routes instead of days."""
    labels = CATALOGUE_REASON_LABELS if catalogue else REASON_LABELS
    return labels[check_lang(lang)].get(reason, reason)


def _hours(village: Village) -> str:
    return str(village.opening_hours)


def explain(item: LeftOut, lang: Lang) -> str:
    """Why ``item``'s village is left out, in words a traveller understands.

    Examples
    --------
    >>> from tourplan import load_hanoi
    >>> explain(LeftOut(load_hanoi().get("bat-trang"), "max_stops", max_stops=3), "en")
    'every day already has the maximum of 3 stops'
    """
    chosen = check_lang(lang)
    values: dict[str, object] = {}
    key: str = item.reason
    if item.day_window is not None:
        start, end = item.day_window
        values["day"] = f"{start:%H:%M}-{end:%H:%M}"
    if item.reason == "closed":
        values.update(when=short_dates(item.dates, chosen), hours=_hours(item.village))
        if item.visit_minutes is not None:
            key = "short"
            values["service"] = item.visit_minutes
    elif item.reason == "too_long":
        values["service"] = item.visit_minutes
    elif item.reason in ("too_far", "not_worth_the_drive"):
        mode = mode_name(item.mode, chosen) if item.mode else "?"
        values.update(go=item.travel_minutes, mode=mode, service=item.visit_minutes)
    elif item.reason == "max_stops":
        values["limit"] = item.max_stops
    elif item.reason == "lower_interest" and item.min_stops is not None:
        key = "short_route"
        values["min_stops"] = item.min_stops
    vi, en = _EXPLANATIONS[key]
    return (vi if chosen == "vi" else en).format(**values)
