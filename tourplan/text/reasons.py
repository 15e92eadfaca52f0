"""Why villages are left out, in words: reason labels and full explanations, vi and en."""

from __future__ import annotations

from ..plan import LeftOut, LeftOutReason, TogetherConflict
from .opening_hours import opening_hours_words
from .words import Lang, by_mode, check_lang, duration, full_date, hhmm, place_name, short_dates

__all__ = [
    "CATALOGUE_REASON_LABELS",
    "REASON_LABELS",
    "explain",
    "explain_conflict",
    "reason_label",
]

REASON_LABELS: dict[Lang, dict[LeftOutReason, str]] = {
    "en": {
        "avoided": "Avoided",
        "lower_interest": "Not enough time",
        "other_direction": "Other side of town",
        "max_stops": "Day full",
        "closed": "Closed",
        "too_long": "Visit too long",
        "too_far": "Too far",
        "not_worth_the_drive": "Not worth the drive",
        "not_worth_a_stop": "Not worth a stop",
        "over_budget": "Over budget",
    },
    "vi": {
        "avoided": "Tránh theo yêu cầu",
        "lower_interest": "Không đủ thời gian",
        "other_direction": "Ở phía bên kia thành phố",
        "max_stops": "Đã đủ số điểm dừng",
        "closed": "Đóng cửa",
        "too_long": "Tham quan quá lâu",
        "too_far": "Quá xa",
        "not_worth_the_drive": "Không đáng quãng đường",
        "not_worth_a_stop": "Không đáng một lần ghé",
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
        "mất {go} phút mỗi chiều {mode}: cùng {service} phút tham quan thì không kịp "
        "trong ngày {day} khi làng mở cửa",
        "{go} min each way {mode}: with a {service}-minute visit it does not fit in the "
        "day {day} while it is open",
    ),
    "not_worth_the_drive": (
        "mất {go} phút mỗi chiều {mode}: một lần ghé ({service} phút trở lên, điểm hấp dẫn "
        "{interest}) không đáng quãng đường đi và về",
        "{go} min each way {mode}: a visit there ({service} min or more, interest {interest}) "
        "is worth less than the road there and back",
    ),
    "too_far_one_way": (
        "mất {go} phút {mode} từ điểm xuất phát và {onward} phút từ đó đến điểm kết "
        "thúc: cùng {service} phút tham quan thì không kịp trong ngày {day} khi làng mở cửa",
        "{go} min {mode} from the start and {onward} min from there on to the end: with a "
        "{service}-minute visit it does not fit in the day {day} while it is open",
    ),
    "not_worth_the_drive_one_way": (
        "mất {go} phút {mode} từ điểm xuất phát và {onward} phút từ đó đến điểm kết "
        "thúc: một lần ghé ({service} phút trở lên, điểm hấp dẫn {interest}) không đáng "
        "quãng đường ấy",
        "{go} min {mode} from the start and {onward} min from there on to the end: a visit "
        "there ({service} min or more, interest {interest}) is worth less than that road",
    ),
    "sight_counts_half": (
        "; là điểm tham quan (không phải làng nghề), khi tự chọn chỉ được tính một nửa: hãy "
        "đưa vào danh sách bắt buộc ghé",
        "; a sight (not a craft village) counts half in the free choice: ask for it as a "
        "must-visit",
    ),
    "max_stops": (
        "mỗi ngày đã đủ tối đa {limit} điểm dừng",
        "every day already has the maximum of {limit} {stops}",
    ),
    "not_worth_a_stop": (
        "với yêu cầu này (chủ đề, mùa, giờ làm nghề), cả lượt tham quan {service} phút cũng "
        "không đáng chi phí của một lần dừng",
        "on this request (themes asked, season, hours of work) even a {service}-minute visit "
        "is worth less than a stop costs",
    ),
    "not_worth_a_stop_sight": (
        "là điểm tham quan (không phải làng nghề), khi tự chọn chỉ được tính một nửa: cả "
        "lượt tham quan {service} phút cũng không đáng chi phí của một lần dừng; hãy đưa vào "
        "danh sách bắt buộc ghé",
        "a sight (not a craft village) counts half in the free choice: even a "
        "{service}-minute visit is worth less than a stop costs; ask for it as a must-visit",
    ),
    "lower_interest": (
        "có thể ghé riêng, nhưng các làng đã chọn hấp dẫn hơn trong thời gian có",
        "it would fit on its own, but the villages chosen are worth more in the time available",
    ),
    "other_direction": (
        "có thể ghé riêng, nhưng nằm ở phía bên kia thành phố so với hướng đi trong ngày: mỗi "
        "ngày đi một hướng ra khỏi thành phố",
        "it would fit on its own, but it lies the other side of town from the way the day "
        "goes: a day goes one way out of town",
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
        values.update(
            when=short_dates(item.dates, chosen),
            hours=opening_hours_words(item.village.opening_hours, chosen),
        )
        if item.visit_minutes is not None:
            key = "short"
            values["service"] = item.visit_minutes
    elif item.reason in ("too_long", "not_worth_a_stop"):
        values["service"] = item.visit_minutes
        if item.reason == "not_worth_a_stop" and item.village.is_sight:
            key = "not_worth_a_stop_sight"  # themes, season and hours are not the reason
    elif item.reason in ("too_far", "not_worth_the_drive"):
        mode = by_mode(item.mode, chosen) if item.mode else "?"
        values.update(go=item.travel_minutes, mode=mode, service=item.visit_minutes)
        values["interest"] = item.village.interest
        if item.onward_minutes is not None:  # a day that ends elsewhere: no "each way"
            key = f"{item.reason}_one_way"
            values["onward"] = item.onward_minutes
        if item.reason == "not_worth_the_drive" and item.village.is_sight:
            suffix = _EXPLANATIONS["sight_counts_half"]
            vi, en = _EXPLANATIONS[key]
            text = vi + suffix[0] if chosen == "vi" else en + suffix[1]
            return text.format(**values)
    elif item.reason == "max_stops":
        values["limit"] = item.max_stops
        values["stops"] = "stop" if item.max_stops == 1 else "stops"
    elif item.reason == "lower_interest" and item.min_stops is not None:
        key = "short_route"
        values["min_stops"] = item.min_stops
    vi, en = _EXPLANATIONS[key]
    return (vi if chosen == "vi" else en).format(**values)


_CONFLICTS: dict[str, tuple[str, str]] = {
    "day_short": (
        "ngày quá ngắn cho các điểm và quãng đường giữa chúng: cần {needed}, chỉ có {available}",
        "the day is too short for the visits and the journeys between them: {needed} needed, "
        "{available} available",
    ),
    "day_short_breaks": (
        "ngày quá ngắn cho các điểm và quãng đường giữa chúng: cần {needed}, chỉ có {available} "
        "sau bữa trưa",
        "the day is too short for the visits and the journeys between them: {needed} needed, "
        "{available} available once lunch is taken",
    ),
    "late_visit": (
        "{village} đến sớm nhất lúc {earliest}; phải bắt đầu tham quan chậm nhất lúc {latest}",
        "{village} is reached at {earliest} at the earliest; it must be started by {latest}",
    ),
    "late_return": (
        "về đến sớm nhất lúc {earliest}; ngày kết thúc lúc {latest}",
        "the earliest return is {earliest}; the day ends at {latest}",
    ),
    "breaks": (
        "không còn chỗ cho giờ nghỉ (bữa trưa) giữa các điểm",
        "lunch (or the day's breaks) does not fit between them",
    ),
}


def explain_conflict(conflict: TogetherConflict, lang: Lang) -> str:
    """Why the must-visit villages do not fit together in their day, with times of day.

    Examples
    --------
    >>> import datetime as dt
    >>> from tourplan import load_hanoi
    >>> from tourplan.plan import HANOI_TZ
    >>> v = load_hanoi()
    >>> at = lambda h, m: dt.datetime(2026, 12, 5, h, m, tzinfo=HANOI_TZ)
    >>> c = TogetherConflict(
    ...     (v.get("bat-trang"), v.get("kieu-ky")), dt.date(2026, 12, 5), "late_visit",
    ...     v.get("kieu-ky"), at(15, 31), at(15, 30),
    ... )
    >>> print(explain_conflict(c, "en"))  # doctest: +NORMALIZE_WHITESPACE
    on Saturday 5 December 2026, in the best order (Bat Trang pottery village → Kieu Ky
    gold-leaf village), Kieu Ky gold-leaf village is reached at 15:31 at the earliest; it must
    be started by 15:30
    """
    chosen = check_lang(lang)
    values = {
        "village": "" if conflict.village is None else place_name(conflict.village, chosen),
        "earliest": "" if conflict.earliest is None else hhmm(conflict.earliest),
        "latest": "" if conflict.latest is None else hhmm(conflict.latest),
        "needed": "" if conflict.needed is None else duration(conflict.needed, chosen),
        "available": "" if conflict.available is None else duration(conflict.available, chosen),
    }
    key = f"{conflict.kind}_breaks" if conflict.kind == "day_short" and conflict.breaks else ""
    vi, en = _CONFLICTS[key or conflict.kind]
    why = (vi if chosen == "vi" else en).format(**values)
    order = " → ".join(place_name(v, chosen) for v in conflict.villages)
    day = full_date(conflict.date, chosen)
    if chosen == "vi":
        return f"ngày {day}, theo thứ tự tốt nhất ({order}): {why}"
    return f"on {day}, in the best order ({order}), {why}"
