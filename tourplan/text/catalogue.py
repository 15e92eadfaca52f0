"""A route catalogue's words: route names and descriptions, areas, coverage and notes."""

from __future__ import annotations

from ..catalogue import Area, Catalogue, CatalogueNote, Route
from .words import (
    Lang,
    ascii_name,
    check_lang,
    compact_date,
    craft_name,
    duration,
    join,
    km_text,
    place_name,
    theme_label,
)

__all__ = [
    "area_text",
    "catalogue_summary",
    "coverage_text",
    "note_text",
    "route_description",
    "route_name",
]

_DIRECTIONS: dict[str, tuple[str, str]] = {
    "north": ("phía bắc", "north of"),
    "north_east": ("phía đông bắc", "north-east of"),
    "east": ("phía đông", "east of"),
    "south_east": ("phía đông nam", "south-east of"),
    "south": ("phía nam", "south of"),
    "south_west": ("phía tây nam", "south-west of"),
    "west": ("phía tây", "west of"),
    "north_west": ("phía tây bắc", "north-west of"),
}


def area_text(area: Area, lang: Lang) -> str:
    """Where a route goes: ``bên kia sông Hồng`` / ``in Gia Lam`` / ``south of Hanoi``."""
    vi = check_lang(lang) == "vi"
    if area.kind == "across_river":
        return "bên kia sông Hồng" if vi else "across the Red River"
    if area.kind == "district":
        return f"ở {area.district}" if vi else f"in {ascii_name(area.district)}"
    words = _DIRECTIONS[area.direction or "north"]
    return f"{words[0]} Hà Nội" if vi else f"{words[1]} Hanoi"


def route_name(route: Route, lang: Lang) -> str:
    """The route's name: its two main themes and its area, e.g. ``Gốm và dệt may ở Gia Lâm``,
    with its most interesting village when another route would have the same name."""
    chosen = check_lang(lang)
    labels = [theme_label(t, chosen) for t in route.themes[:2]]
    name = join(labels, chosen).capitalize() + f" {area_text(route.area, chosen)}"
    if route.highlight is not None:
        village = next(s.village for s in route.itinerary.stops if s.village.id == route.highlight)
        name += f": {place_name(village, chosen)}"
    return name


def route_description(route: Route, lang: Lang) -> str:
    """The route in two sentences: its villages and crafts, then its times and driving."""
    chosen = check_lang(lang)
    day = route.day
    villages = [s.village for s in day.stops]
    names = join([f"{place_name(v, chosen)} ({craft_name(v, chosen)})" for v in villages], chosen)
    km = km_text(day.distance_m or 0, chosen, decimals=0)
    road = duration(day.travel_time, chosen)
    hub = route.hub
    if chosen == "vi":
        return (
            f"{len(villages)} làng: {names}. Khởi hành {day.departure:%H:%M} từ {hub.name}, "
            f"về {day.arrival:%H:%M}; {road} di chuyển, {km}."
        )
    return (
        f"{len(villages)} villages: {names}. Leaves {hub.name_en or hub.name} at "
        f"{day.departure:%H:%M}, back at {day.arrival:%H:%M}; {road} on the road, {km}."
    )


def coverage_text(catalogue: Catalogue, lang: Lang = "en") -> str:
    """The catalogue's coverage in one line.

    ``"covers 38 of 61 villages, 63 % of interest"`` (``lang="en"``) or
    ``"bao phủ 38/61 làng, 63 % điểm hấp dẫn"`` (``lang="vi"``).
    """
    chosen = check_lang(lang)
    covered, total = len(catalogue.covered), len(catalogue.villages)
    share = round(catalogue.coverage * 100)
    if chosen == "vi":
        return f"bao phủ {covered}/{total} làng, {share} % điểm hấp dẫn"
    return f"covers {covered} of {total} villages, {share} % of interest"


def note_text(note: CatalogueNote, lang: Lang) -> str:
    """A catalogue note in words."""
    vi = check_lang(lang) == "vi"
    if note.kind == "no_theme":
        return (
            f"không làng nào có chủ đề '{note.theme}'"
            if vi
            else f"no village has the theme '{note.theme}'"
        )
    if note.kind == "same_routes":
        if vi:
            return f"bỏ {note.dropped} tuyến đi qua đúng các làng của một tuyến khác"
        routes, were = ("route", "was") if note.dropped == 1 else ("routes", "were")
        return f"{note.dropped} {routes} visiting the same villages as another {were} dropped"
    if note.kind == "villages_exhausted":
        if vi:
            return (
                f"yêu cầu {note.asked} tuyến; {note.made} tuyến đã đi qua cả {note.reachable} "
                f"làng có thể ghé, mỗi làng tối đa {note.per_village} tuyến: thêm tuyến thì "
                "phải dùng lại làng (tăng số tuyến tối đa mỗi làng)"
            )
        return (
            f"asked for {note.asked} routes; {note.made} routes already visit all "
            f"{note.reachable} villages that can be visited, each in at most "
            f"{note.per_village} route(s): more routes would have to share villages "
            "(raise max_routes_per_village)"
        )
    start, end = note.day_window or (None, None)
    window = f"{start:%H:%M}-{end:%H:%M}" if start and end else ""
    if vi:
        return (
            f"yêu cầu {note.asked} tuyến; chỉ {note.made} tuyến có ít nhất "
            f"{note.min_stops} điểm dừng: các làng còn lại không xếp được thành tuyến đủ dài "
            f"trong ngày {window}"
        )
    stops = "stop" if note.min_stops == 1 else "stops"
    return (
        f"asked for {note.asked} routes; only {note.made} have at least "
        f"{note.min_stops} {stops}: the remaining villages do not make a long enough route "
        f"within {window}"
    )


# The terminal summary of a catalogue (`tourplan catalogue`).
_SUMMARY_WORDS: dict[str, dict[str, str]] = {
    "en": {
        "head": "{n} routes from {hub} on {date} (each village in at most {r} route{s})",
        "route": "{number:>3}. {name} — {stops} stop{ss}, interest {interest}, "
        "{leave}–{back}, {road} on the road{km}",
        "overlap": "{n} villages in more than one route",
        "no_overlap": "no overlap",
        "note": "Note",
        "took": "designed in {seconds} s",
    },
    "vi": {
        "head": "{n} tuyến từ {hub}, {date} (mỗi làng tối đa {r} tuyến)",
        "route": "{number:>3}. {name} — {stops} điểm dừng, điểm hấp dẫn {interest}, "
        "{leave}–{back}, {road} di chuyển{km}",
        "overlap": "{n} làng có ở hơn một tuyến",
        "no_overlap": "không trùng lặp",
        "note": "Ghi chú",
        "took": "thiết kế trong {seconds} giây",
    },
}


def catalogue_summary(catalogue: Catalogue, lang: Lang, seconds: float) -> str:
    """The catalogue in a few lines for a terminal: one line per route, coverage, notes."""
    lang = check_lang(lang)
    words = _SUMMARY_WORDS[lang]
    request = catalogue.request
    hub = place_name(catalogue.hub, lang)
    r = request.max_routes_per_village
    lines = [
        words["head"].format(
            n=len(catalogue.routes),
            hub=hub,
            date=compact_date(request.date, lang),
            r=r,
            s="" if r == 1 else "s",
        )
    ]
    for route in catalogue.routes:
        day = route.day
        km = "" if day.distance_m is None else f", {day.distance_m / 1000:.0f} km"
        lines.append(
            words["route"].format(
                number=route.number,
                name=route_name(route, lang),
                stops=len(day.visits),
                ss="" if len(day.visits) == 1 else "s",  # the Vietnamese line has no {ss}
                interest=route.itinerary.interest,
                leave=f"{day.departure:%H:%M}",
                back=f"{day.arrival:%H:%M}",
                road=duration(day.travel_time, lang),
                km=km,
            )
        )
    overlap = catalogue.overlap
    overlap_text = words["overlap"].format(n=len(overlap)) if overlap else words["no_overlap"]
    coverage = coverage_text(catalogue, lang)
    took = words["took"].format(seconds=f"{seconds:.1f}")
    if lang == "vi":
        took = took.replace(".", ",")
    lines.append(f"{coverage[0].upper()}{coverage[1:]}; {overlap_text}; {took}.")
    lines += [f"{words['note']}: {note_text(note, lang)}" for note in catalogue.notes]
    return "\n".join(lines)
