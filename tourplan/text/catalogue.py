"""A route catalogue's words: route names and descriptions, areas, coverage and notes."""

from __future__ import annotations

from ..catalogue import Area, Catalogue, CatalogueNote, Route
from ..model import Village
from .words import Lang, ascii_name, check_lang, duration, join, km_text, theme_label

__all__ = ["area_text", "coverage_text", "note_text", "route_description", "route_name"]

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


def _village_name(village: Village, lang: Lang) -> str:
    return village.name_vi if lang == "vi" else village.display_name("en")


def route_name(route: Route, lang: Lang) -> str:
    """The route's name: its two main themes and its area, e.g. ``Gốm và dệt lụa ở Gia Lâm``,
    with its most interesting village when another route would have the same name."""
    chosen = check_lang(lang)
    labels = [theme_label(t, chosen) for t in route.themes[:2]]
    name = join(labels, chosen).capitalize() + f" {area_text(route.area, chosen)}"
    if route.highlight is not None:
        village = next(s.village for s in route.itinerary.stops if s.village.id == route.highlight)
        name += f": {_village_name(village, chosen)}"
    return name


def route_description(route: Route, lang: Lang) -> str:
    """The route in two sentences: its villages and crafts, then its times and driving."""
    chosen = check_lang(lang)
    day = route.day
    villages = [s.village for s in day.stops]
    names = join([f"{_village_name(v, chosen)} ({v.craft(chosen)})" for v in villages], chosen)
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
    return (
        f"asked for {note.asked} routes; only {note.made} have at least "
        f"{note.min_stops} stops: the remaining villages do not make a long enough route "
        f"within {window}"
    )
