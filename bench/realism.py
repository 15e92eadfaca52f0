"""Measure how far tourplan's day trips are from the craft-village day tours guides publish.

Project issue #16: the trips tourplan plans are not ones a guide would sell. For each published
tour of ``tours.json`` (the yardstick, never a list for the planner to copy) this builds the
matching one-day request, with the public API only, and reports:

- the *free plan* (no must-visits): its villages, its stops, and the Jaccard index between its
  village set and the tour's villages that are in our data (``kind == "dataset"``);
- whether the tour's own village set schedules when given as must-visits, or why not;
- driving minutes per visiting minute of the free plan, and stops per day;

and the same for the default ``tourplan route`` request (Hoàn Kiếm Lake, car, defaults). Every
itinerary goes through :func:`tourplan.check_itinerary`; any violation is listed, exit 1.

Usage (from the repository root)::

    .venv/bin/python bench/realism.py --deterministic
    .venv/bin/python bench/realism.py --deterministic --holdout
    .venv/bin/python bench/realism.py --time-limit 5 --markdown before.md --csv before.csv

Mapping rules, each tour to a request (see ``docs/realism.md``):

- date: Saturday 2026-12-05 for every request;
- start: the bundled start point the tour's start text names, else ``hoan-kiem-lake``;
- mode: the first transport word of the tour's transport text (car / motorbike / bicycle /
  walk / bus, English or Vietnamese); boat becomes car, with a note; nothing known → car;
- day window: the tour's day_start/day_end when given, else the request default;
- lunch: the default, except none for a tour without lunch that ends before 13:00.

``--holdout`` plans each tour without the evidence it is itself: the rows of
``data/evidence.csv`` whose source URL is the tour's ``url`` or ``also`` are dropped before
its plans are made (interest is scored again from the rest), so the tour is measured as one
the evidence never saw, like the published tours the owners keep apart.

Only names re-exported from ``tourplan`` are used: the package's internals are moving.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import itertools
import json
import math
import re
import statistics
import sys
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NoReturn

import tourplan
from tourplan.datasets.evidence import Evidence, apply_evidence, load_evidence
from tourplan.plan.direction import offset_km, out_of_town
from tourplan.plan.value import ValueModel
from tourplan.travel import travel_matrix

sys.path.insert(0, str(Path(__file__).resolve().parent))
from asked import HALF_DAY_END, Asked, asked, vocabulary

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_TOURS = ROOT / ".." / "shared" / "benchmarks" / "human-tours" / "tours.json"
"""The published tours, next to the repository (``../shared/...`` from its root)."""

SATURDAY = dt.date(2026, 12, 5)
"""The one date of every request: a Saturday, when every village and workshop is open."""

EVIDENCE = ROOT / "data" / "evidence.csv"
"""The bundled evidence, read again for ``--holdout``."""

DEFAULT_START = "hoan-kiem-lake"
LUNCH_CUTOFF = dt.time(13, 0)
"""A tour without lunch that ends before this time is a half day: no lunch break."""

# Transport words, matched on lower-case text without diacritics ("ô tô" -> "o to").
MODE_WORDS: dict[str, tuple[str, ...]] = {
    "car": ("car", "cars", "taxi", "van", "o to", "oto", "xe hoi"),
    "motorbike": ("motorbike", "motorbikes", "motorcycle", "scooter", "xe may", "xe om"),
    "bicycle": ("bicycle", "bicycles", "bike", "bikes", "cycling", "xe dap"),
    "walk": ("walk", "walking", "on foot", "di bo"),
    "bus": ("bus", "coach", "xe buyt", "xe khach"),
    "boat": ("boat", "thuyen", "tau"),
}
DEFAULT_ROUTE = "(tourplan route)"
"""The label of the default ``tourplan route`` request's row."""


def plain(text: str) -> str:
    """Lower-case ``text`` without diacritics (``đ`` -> ``d``), for matching words."""
    text = text.lower().replace("đ", "d")
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _word_at(text: str, word: str) -> int | None:
    """Position of ``word`` as a whole word (or phrase) in plain ``text``, or None."""
    found = re.search(rf"(?<![a-z0-9]){re.escape(word)}(?![a-z0-9])", text)
    return found.start() if found else None


def map_mode(transport: str | None) -> tuple[str, str]:
    """A tourplan mode for a tour's transport text, and a note when the mapping is a stand-in.

    The mode named first wins ("car with driver; bicycle in Duong Lam" -> car).

    >>> map_mode("xe ôtô máy lạnh (air-conditioned car/coach) + guide")
    ('car', '')
    >>> map_mode("boat")
    ('car', 'boat -> car: tourplan has no boats; the road trip stands in')
    >>> map_mode("van with local guide")
    ('car', '')
    >>> map_mode(None)
    ('car', 'no transport given -> car')
    """
    if not transport or not transport.strip():
        return "car", "no transport given -> car"
    text = plain(transport)
    first: tuple[int, str] | None = None
    for mode, words in MODE_WORDS.items():
        for word in words:
            at = _word_at(text, word)
            if at is not None and (first is None or at < first[0]):
                first = (at, mode)
    if first is None:
        return "car", f"transport {transport!r} names no mode -> car"
    if first[1] == "boat":
        return "car", "boat -> car: tourplan has no boats; the road trip stands in"
    return first[1], ""


def map_start(start: str | None, places: Sequence[tourplan.Place]) -> str:
    """The bundled start point whose id, name or English name the tour's start text contains.

    >>> points = tourplan.load_start_points()
    >>> map_start("downtown Hanoi hotel (pick-up)", points)
    'hoan-kiem-lake'
    >>> map_start("hotel in the Old Quarter", points)
    'old-quarter'
    """
    if not start:
        return DEFAULT_START
    text = plain(start)
    for place in places:
        phrases = {place.id.replace("-", " "), plain(place.name).split("(")[0].strip()}
        if place.name_en:
            phrases.add(plain(place.name_en).split("(")[0].strip())
        if any(p and _word_at(text, p) is not None for p in phrases):
            return place.id
    return DEFAULT_START


def url_key(url: str) -> str:
    """A URL without scheme, ``www.``, trailing ``/`` and case, to compare sources.

    >>> url_key("https://www.Example.com/a/") == url_key("http://example.com/a")
    True
    """
    text = re.sub(r"^[a-z]+://", "", url.strip().lower())
    return text.removeprefix("www.").rstrip("/")


def tour_urls(tour: dict[str, Any]) -> set[str]:
    """The :func:`url_key` of the tour's ``url`` and of its ``also`` (a URL or a list)."""
    found = [tour.get("url")]
    also = tour.get("also")
    found += also if isinstance(also, list) else [also]
    return {url_key(u) for u in found if isinstance(u, str) and u.strip()}


def held_out(
    villages: tourplan.Villages, facts: Sequence[Evidence], tour: dict[str, Any]
) -> tuple[tourplan.Villages, int]:
    """``villages`` scored from the evidence without the rows whose source is ``tour``
    itself (:func:`tour_urls`), and how many rows were dropped."""
    urls = tour_urls(tour)
    kept = [f for f in facts if url_key(f.source_url) not in urls]
    return apply_evidence(villages, kept), len(facts) - len(kept)


def _time(value: object, what: str) -> dt.time | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValueError(f"{what} must be a time like 08:00 or null, got {value!r}")
    return dt.time.fromisoformat(value)


@dataclass
class Result:
    """What one request gave: the free plan, the human set as must-visits, the checks."""

    tour: str
    start: str
    mode: str
    window: str
    lunch: str
    human: tuple[str, ...] = ()
    others: int = 0
    free: tuple[str, ...] = ()
    stops_per_day: float = math.nan
    drive_min: float = math.nan
    visit_min: float = math.nan
    jaccard: float = math.nan
    human_schedules: bool | None = None
    human_reason: str = ""
    asked: Asked | None = None
    asked_window: str = ""
    asked_free: tuple[str, ...] = ()
    asked_jaccard: float = math.nan
    free_crosses: bool | None = None
    asked_crosses: bool | None = None
    asked_ratio: float = math.nan
    notes: list[str] = field(default_factory=list)
    violations: list[str] = field(default_factory=list)

    @property
    def ratio(self) -> float:
        """Driving minutes per visiting minute of the free plan."""
        return self.drive_min / self.visit_min if self.visit_min else math.nan


def jaccard(a: set[str], b: set[str]) -> float:
    """|a ∩ b| / |a ∪ b| (1.0 when both are empty).

    >>> jaccard({"bat-trang", "van-phuc"}, {"bat-trang"})
    0.5
    """
    union = a | b
    return len(a & b) / len(union) if union else 1.0


TOWN_KM = ValueModel().town_km
"""A stop within this many km of the day's start is in town (the value model's default)."""


def crosses_town(itinerary: tourplan.Itinerary, town_km: float = TOWN_KM) -> bool:
    """Whether a day of ``itinerary`` has two stops out of town whose angle at the day's start
    exceeds 90 degrees: the town lies on the way between them (a cross-town zigzag)."""
    for day in itinerary.days:
        start = day.start_place
        away = [s.village for s in day.stops if out_of_town(start, s.village, town_km)]
        points = [offset_km(start, v) for v in away]
        for (ax, ay), (bx, by) in itertools.combinations(points, 2):
            if ax * bx + ay * by < 0:
                return True
    return False


def _minutes(spans: Iterable[dt.timedelta]) -> float:
    return sum(spans, dt.timedelta()).total_seconds() / 60


def _one_line(error: Exception) -> str:
    text = " ".join(str(error).split())
    return f"{type(error).__name__}: {text}"


def _plan(
    request: tourplan.TripRequest,
    villages: tourplan.Villages,
    search: tourplan.SearchParameters,
    what: str,
    result: Result,
) -> tourplan.Itinerary:
    """Plan ``request`` and record every violation the independent validator finds."""
    itinerary = tourplan.plan_trip(request, villages, search=search)
    for problem in tourplan.check_itinerary(itinerary, request):
        result.violations.append(f"{what}: {problem}")
    return itinerary


def measure(
    label: str,
    start: str,
    fields: dict[str, Any],
    human: tuple[str, ...],
    villages: tourplan.Villages,
    search: tourplan.SearchParameters,
    result: Result,
) -> Result:
    """Fill ``result`` with the free plan from ``start`` with the request ``fields`` and, when
    ``human`` villages are given, the plan that must visit them."""
    try:
        request = tourplan.TripRequest.for_days(start, SATURDAY, days=1, **fields)
        free = _plan(request, villages, search, f"{label} free plan", result)
    except tourplan.TourplanError as error:
        result.notes.append(f"free plan failed: {_one_line(error)}")
        return result
    days = free.days
    result.free = tuple(dict.fromkeys(free.village_ids))  # a long stay's two parts: one place
    result.stops_per_day = len(free.stops) / len(days)
    result.drive_min = _minutes(leg.arrive - leg.depart for day in days for leg in day.legs)
    result.visit_min = _minutes(stop.end - stop.start for day in days for stop in day.stops)
    result.free_crosses = crosses_town(free)
    if not human:
        return result
    result.jaccard = jaccard(set(result.free), set(human))
    try:
        must = tourplan.TripRequest.for_days(
            start, SATURDAY, days=1, must_visit=list(human), **fields
        )
        planned = _plan(must, villages, search, f"{label} human set", result)
    except tourplan.TourplanError as error:
        result.human_schedules, result.human_reason = False, _one_line(error)
        return result
    missing = [v for v in human if v not in planned.village_ids]
    result.human_schedules = not missing
    if missing:
        result.human_reason = f"planned without {', '.join(missing)}"
    return result


def measure_asked(
    tour: dict[str, Any],
    fields: dict[str, Any],
    villages: tourplan.Villages,
    words: dict[str, tuple[str, ...]],
    search: tourplan.SearchParameters,
    result: Result,
) -> None:
    """The free plan of the request the tour's traveller asked for (``bench/asked.py``): its
    sights as must-visits, the themes of its title, a half day's end; J over the villages
    chosen freely (the must-visit sights are not in the free choice)."""
    wish = asked(tour, list(villages), words)
    result.asked = wish
    fields = dict(fields)
    if wish.sights:
        fields["must_visit"] = list(wish.sights)
    if wish.themes:
        fields["themes"] = list(wish.themes)
    if wish.half_day and tour.get("day_end") is None:
        fields["day_end"] = HALF_DAY_END
        if tour.get("lunch") is None:
            fields["lunch"] = None
    defaults = tourplan.TripRequest.for_days(result.start, SATURDAY)
    result.asked_window = (
        f"{fields.get('day_start', defaults.day_start):%H:%M}-"
        f"{fields.get('day_end', defaults.day_end):%H:%M}"
        + ("" if fields.get("lunch", defaults.lunch) is not None else " no lunch")
    )
    try:
        request = tourplan.TripRequest.for_days(result.start, SATURDAY, days=1, **fields)
        plan = _plan(request, villages, search, f"{result.tour} as asked", result)
    except tourplan.TourplanError as error:
        result.notes.append(f"as-asked plan failed: {_one_line(error)}")
        result.asked_jaccard = 0.0  # counted, not dropped: the traveller got no plan
        return
    result.asked_free = tuple(dict.fromkeys(v for v in plan.village_ids if v not in wish.sights))
    result.asked_jaccard = jaccard(set(result.asked_free), set(result.human))
    result.asked_crosses = crosses_town(plan)
    drive = _minutes(leg.arrive - leg.depart for day in plan.days for leg in day.legs)
    visit = _minutes(stop.end - stop.start for day in plan.days for stop in day.stops)
    result.asked_ratio = drive / visit if visit else math.nan


def tour_result(
    tour: dict[str, Any],
    villages: tourplan.Villages,
    places: Sequence[tourplan.Place],
    search: tourplan.SearchParameters,
    words: dict[str, tuple[str, ...]] | None = None,
) -> Result:
    """Map one published tour to a request and measure it."""
    start = map_start(tour.get("start"), places)
    mode, note = map_mode(tour.get("transport"))
    day_start = _time(tour.get("day_start"), "day_start")
    day_end = _time(tour.get("day_end"), "day_end")
    fields: dict[str, Any] = {"mode": mode}
    if day_start is not None:
        fields["day_start"] = day_start
    if day_end is not None:
        fields["day_end"] = day_end
    if tour.get("lunch") is None and day_end is not None and day_end < LUNCH_CUTOFF:
        fields["lunch"] = None
    defaults = tourplan.TripRequest.for_days(start, SATURDAY)
    window = (
        f"{fields.get('day_start', defaults.day_start):%H:%M}-"
        f"{fields.get('day_end', defaults.day_end):%H:%M}"
    )
    stops = tour.get("stops") or []
    human = tuple(dict.fromkeys(s["village_id"] for s in stops if s.get("kind") == "dataset"))
    result = Result(
        tour=str(tour["id"]),
        start=start,
        mode=mode,
        window=window,
        lunch="none" if "lunch" in fields else "yes",
        human=human,
        others=sum(1 for s in stops if s.get("kind") != "dataset"),
    )
    if note:
        result.notes.append(note)
    unknown = [v for v in human if v not in villages.ids]
    if unknown:
        result.notes.append(f"not in the bundled data: {', '.join(unknown)}")
    measure(result.tour, start, fields, human, villages, search, result)
    if words is not None:
        measure_asked(tour, fields, villages, words, search, result)
    return result


def default_result(
    villages: tourplan.Villages,
    search: tourplan.SearchParameters,
) -> Result:
    """The default ``tourplan route`` request, on the benchmark's Saturday."""
    request = tourplan.TripRequest.for_days(DEFAULT_START, SATURDAY)
    result = Result(
        tour=DEFAULT_ROUTE,
        start=DEFAULT_START,
        mode=request.mode,
        window=f"{request.day_start:%H:%M}-{request.day_end:%H:%M}",
        lunch="yes" if request.lunch else "none",
    )
    return measure(result.tour, DEFAULT_START, {}, (), villages, search, result)


# -- output --------------------------------------------------------------------------------------

COLUMNS = (
    "tour",
    "start",
    "mode",
    "day",
    "lunch",
    "human villages",
    "other",
    "free plan villages",
    "stops/day",
    "drive",
    "visit",
    "drive/visit",
    "J",
    "human set",
)


def _number(value: float, digits: int) -> str:
    return "-" if math.isnan(value) else f"{value:.{digits}f}"


def _stops(value: float) -> str:
    return "-" if math.isnan(value) else f"{value:g}"


def _yes_no(value: bool | None) -> str:
    return "-" if value is None else ("yes" if value else "no")


def _cells(result: Result, footnote: str) -> list[str]:
    return [
        result.tour + footnote,
        result.start,
        result.mode,
        result.window,
        result.lunch,
        " ".join(result.human) or "-",
        str(result.others) if result.human else "-",
        " ".join(result.free) or "-",
        _stops(result.stops_per_day),
        _number(result.drive_min, 0),
        _number(result.visit_min, 0),
        _number(result.ratio, 2),
        _number(result.jaccard, 2),
        _yes_no(result.human_schedules),
    ]


def _footnotes(results: Sequence[Result]) -> tuple[list[str], list[str]]:
    """A marker per result (``[n]`` when it has notes) and the numbered note lines."""
    marks: list[str] = []
    lines: list[str] = []
    for result in results:
        texts = list(result.notes)
        if result.human_reason:
            texts.append(f"human set: {result.human_reason}")
        texts += [f"VIOLATION {v}" for v in result.violations]
        if texts:
            n = len([m for m in marks if m]) + 1
            marks.append(f" [{n}]")
            lines += [f"[{n}] {result.tour}: {text}" for text in texts]
        else:
            marks.append("")
    return marks, lines


def table_rows(results: Sequence[Result]) -> tuple[list[list[str]], list[str]]:
    """The table's cells, one list per result, and the footnotes."""
    marks, notes = _footnotes(results)
    return [_cells(r, m) for r, m in zip(results, marks, strict=True)], notes


ASKED_COLUMNS = ("tour", "asked", "day", "human villages", "free plan villages", "J")
"""The as-asked table: what the traveller asked for, and the free choice beside it."""


def _asked_text(wish: Asked) -> str:
    parts = []
    if wish.sights:
        parts.append("sights " + ",".join(wish.sights))
    if wish.themes:
        parts.append("themes " + ",".join(wish.themes))
    if wish.half_day:
        parts.append("half day")
    return "; ".join(parts) or "-"


def asked_rows(results: Sequence[Result]) -> list[list[str]]:
    """The as-asked table's cells, one list per tour with an as-asked plan."""
    return [
        [
            r.tour,
            _asked_text(r.asked),
            r.asked_window,
            " ".join(r.human) or "-",
            " ".join(r.asked_free) or "-",
            _number(r.asked_jaccard, 2),
        ]
        for r in results
        if r.asked is not None
    ]


def fixed_width(rows: Sequence[Sequence[str]], columns: Sequence[str] = COLUMNS) -> list[str]:
    """A fixed-width table: numbers right-aligned, text left-aligned."""
    widths = [max(len(row[i]) for row in [columns, *rows]) for i in range(len(columns))]
    numeric = {"other", "stops/day", "drive", "visit", "drive/visit", "J"}

    def line(cells: Sequence[str]) -> str:
        parts = [
            c.rjust(w) if name in numeric else c.ljust(w)
            for c, w, name in zip(cells, widths, columns, strict=True)
        ]
        return "  ".join(parts).rstrip()

    rule = "  ".join("-" * w for w in widths)
    return [line(columns), rule, *(line(row) for row in rows)]


def _markdown_table(rows: Sequence[Sequence[str]], columns: Sequence[str]) -> list[str]:
    right = {"other", "stops/day", "drive", "visit", "drive/visit", "J"}
    out = [
        "| " + " | ".join(columns) + " |",
        "|" + "|".join("---:" if c in right else "---" for c in columns) + "|",
    ]
    return out + ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def markdown(
    rows: Sequence[Sequence[str]],
    notes: Sequence[str],
    summary: Sequence[str],
    asked_table: Sequence[Sequence[str]] = (),
) -> str:
    """The table, its footnotes, the as-asked table and the summary as Markdown."""
    out = _markdown_table(rows, COLUMNS)
    if notes:
        out += ["", *(f"- {_cell(n)}" for n in notes)]
    if asked_table:
        out += ["", "As asked:", "", *_markdown_table(asked_table, ASKED_COLUMNS)]
    out += ["", *(f"- {s}" for s in summary)]
    return "\n".join(out) + "\n"


def _blank(text: str) -> str:
    """CSV cells are empty where the table shows ``-``."""
    return "" if text == "-" else text


def write_csv(path: Path, results: Sequence[Result]) -> None:
    """One row per request with every measure, full notes and reasons."""
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(
            [
                "tour",
                "start",
                "mode",
                "day",
                "lunch",
                "human_villages",
                "other_stops",
                "free_plan_villages",
                "stops_per_day",
                "drive_min",
                "visit_min",
                "drive_per_visit",
                "jaccard",
                "human_set_schedules",
                "human_set_reason",
                "notes",
                "violations",
                "asked",
                "asked_day",
                "asked_free_plan_villages",
                "asked_jaccard",
            ]
        )
        for r in results:
            writer.writerow(
                [
                    r.tour,
                    r.start,
                    r.mode,
                    r.window,
                    r.lunch,
                    " ".join(r.human),
                    r.others if r.human else "",
                    " ".join(r.free),
                    _blank(_stops(r.stops_per_day)),
                    _blank(_number(r.drive_min, 0)),
                    _blank(_number(r.visit_min, 0)),
                    _blank(_number(r.ratio, 3)),
                    _blank(_number(r.jaccard, 3)),
                    _blank(_yes_no(r.human_schedules)),
                    r.human_reason,
                    "; ".join(r.notes),
                    "; ".join(r.violations),
                    "" if r.asked is None else _blank(_asked_text(r.asked)),
                    r.asked_window,
                    " ".join(r.asked_free),
                    _blank(_number(r.asked_jaccard, 3)),
                ]
            )


def jaccard_ceiling(tours: Sequence[Result], asked_request: bool = False) -> float:
    """The best mean Jaccard any planner could reach: tours mapped to the same request
    (start, mode, window, lunch) get the same free plan, so per group of equal requests the
    best plan is the set (among subsets of the group's human villages) with the largest sum
    of Jaccard indices.

    >>> a = Result("a", "s", "car", "8-17", "yes", human=("x",))
    >>> b = Result("b", "s", "car", "8-17", "yes", human=("y",))
    >>> jaccard_ceiling([a, b])
    0.5
    """
    groups: dict[tuple[str, ...], list[set[str]]] = {}
    for r in tours:
        key: tuple[str, ...] = (r.start, r.mode, r.window, r.lunch)
        if asked_request:  # the as-asked request: its sights, themes and window too
            wish = r.asked or Asked()
            key = (r.start, r.mode, r.asked_window, *wish.sights, "|", *wish.themes)
        groups.setdefault(key, []).append(set(r.human))
    total = 0.0
    for humans in groups.values():
        pool = sorted(set().union(*humans))
        best = 0.0
        for size in range(1, len(pool) + 1):
            for chosen in itertools.combinations(pool, size):
                best = max(best, sum(jaccard(set(chosen), h) for h in humans))
        total += best
    return total / len(tours) if tours else math.nan


def summarise(tours: Sequence[Result], default: Result) -> list[str]:
    """The summary lines over the published tours (the default request apart)."""
    scores = [r.jaccard for r in tours if not math.isnan(r.jaccard)]
    stops = [r.stops_per_day for r in tours if not math.isnan(r.stops_per_day)]
    ratios = [r.ratio for r in tours if not math.isnan(r.ratio)]
    schedules = sum(1 for r in tours if r.human_schedules)
    violations = sum(len(r.violations) for r in [*tours, default])
    mean_j = f"{statistics.fmean(scores):.3f}" if scores else "-"
    median_stops = f"{statistics.median(stops):g}" if stops else "-"
    mean_ratio = f"{statistics.fmean(ratios):.2f}" if ratios else "-"
    asked_scores = [r.asked_jaccard for r in tours if not math.isnan(r.asked_jaccard)]
    asked_lines = []
    if any(r.asked is not None for r in tours):
        mean_asked = f"{statistics.fmean(asked_scores):.3f}" if asked_scores else "-"
        asked_ratios = [r.asked_ratio for r in tours if not math.isnan(r.asked_ratio)]
        mean_asked_ratio = f"{statistics.fmean(asked_ratios):.2f}" if asked_ratios else "-"
        asked_lines = [
            f"mean Jaccard as asked (sights, title themes, half day): {mean_asked}",
            f"best mean Jaccard any planner could reach as asked: "
            f"{jaccard_ceiling(tours, asked_request=True):.3f}",
            f"mean drive/visit ratio as asked: {mean_asked_ratio}",
            f"plans as asked that cross town (two stops over 90 degrees apart seen from the "
            f"start): {sum(1 for r in tours if r.asked_crosses)}/{len(tours)}",
        ]
    return [
        f"tours: {len(tours)}",
        f"mean Jaccard (free plan vs human villages): {mean_j}",
        f"best mean Jaccard any planner could reach (one plan per distinct request): "
        f"{jaccard_ceiling(tours):.3f}",
        *asked_lines,
        f"human sets that schedule as must-visits: {schedules}/{len(tours)}",
        f"median stops per day (free plans): {median_stops}",
        f"mean drive/visit ratio (free plans): {mean_ratio}",
        f"free plans that cross town (two stops over 90 degrees apart seen from the start): "
        f"{sum(1 for r in tours if r.free_crosses)}/{len(tours)}",
        f"default tourplan route: {_stops(default.stops_per_day)} stops, "
        f"drive/visit {_number(default.ratio, 2)}",
        f"check_itinerary violations: {violations}",
    ]


# -- multi-day: compact and reproducible --------------------------------------------------------


def multi_day_lines(
    villages: tourplan.Villages, params: tourplan.SearchParameters, days: int = 3
) -> tuple[list[str], int]:
    """The default request over ``days`` days, planned twice: per day its villages and its
    spread (the longest travel, in minutes by the request's mode, between two of its stops),
    whether the two runs agree, and the validator's violations (their number is returned)."""
    request = tourplan.TripRequest.for_days("hoan-kiem-lake", SATURDAY, days=days)
    first = tourplan.plan_trip(request, villages, search=params)
    second = tourplan.plan_trip(request, villages, search=params)
    stops = list({s.village.id: s.village for s in first.stops}.values())  # a stay in 2 parts
    matrix = travel_matrix(stops, request.mode) if stops else None
    lines = [f"multi-day: the default request over {days} days from {SATURDAY.isoformat()}"]
    for day in first.days:
        ids = list(dict.fromkeys(s.village.id for s in day.stops))
        spread = 0
        if matrix is not None and len(ids) > 1:
            spread = max(matrix.seconds_between(a, b) for a in ids for b in ids) // 60
        drive = _minutes(leg.travel_time for leg in day.legs)
        visit = _minutes(stop.duration for stop in day.stops)
        ratio = f"{drive / visit:.2f}" if visit else "-"
        lines.append(
            f"  {day.date.isoformat()}: {' '.join(ids) or '-'} (spread {spread} min, "
            f"drive/visit {ratio})"
        )
    violations = tourplan.check_itinerary(first, request)
    lines.append(f"  same plan twice: {'yes' if first == second else 'no'}")
    lines.append(f"  check_itinerary violations: {len(violations)}")
    return lines, len(violations)


# -- command line --------------------------------------------------------------------------------


def _fail(message: str) -> NoReturn:
    """Stop with exit status 2 (a usage error, as argparse's), ``message`` on stderr."""
    print(f"realism.py: error: {message}", file=sys.stderr)
    raise SystemExit(2)


def load_tours(path: Path) -> list[dict[str, Any]]:
    """The published tours; exit 2 with a message naming ``path`` when it is unusable."""
    if not path.is_file():
        _fail(f"tours file not found: {path} (give another with --tours PATH)")
    try:
        tours = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        _fail(f"cannot read tours file {path}: {error}")
    if not isinstance(tours, list) or not all(
        isinstance(t, dict) and "id" in t and isinstance(t.get("stops"), list) for t in tours
    ):
        _fail(f"{path} is not a JSON list of tours, each with an id and stops")
    return tours


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="realism.py", description=__doc__.split("\n\n")[0] if __doc__ else None
    )
    parser.add_argument(
        "--tours",
        type=Path,
        default=DEFAULT_TOURS,
        metavar="PATH",
        help="the published tours (default: ../shared/benchmarks/human-tours/tours.json "
        "from the repository root)",
    )
    search = parser.add_mutually_exclusive_group()
    search.add_argument(
        "--time-limit", type=float, metavar="S", help="solver seconds per plan (wall clock)"
    )
    search.add_argument(
        "--deterministic",
        action="store_true",
        help="reproducible plans: iteration limits instead of time (the default)",
    )
    parser.add_argument(
        "--holdout",
        action="store_true",
        help="plan each tour without the evidence rows whose source is that tour",
    )
    parser.add_argument("--markdown", type=Path, metavar="FILE", help="write the table here")
    parser.add_argument("--csv", type=Path, metavar="FILE", help="write the rows as CSV here")
    args = parser.parse_args(argv)
    if args.time_limit is not None and not args.time_limit > 0:
        parser.error("--time-limit must be positive")

    tours_path = args.tours.resolve() if args.tours == DEFAULT_TOURS else args.tours
    tours = load_tours(tours_path)
    if args.time_limit is None:
        params, how = tourplan.SearchParameters(deterministic=True), "deterministic"
    else:
        params = tourplan.SearchParameters(time_limit=args.time_limit)
        how = f"time limit {args.time_limit:g} s per plan"
    villages = tourplan.load_hanoi()
    places = tourplan.load_start_points()
    words = vocabulary(list(villages))

    facts = load_evidence(EVIDENCE) if args.holdout else ()
    results = []
    dropped = 0
    for tour in tours:
        here = villages
        if args.holdout:
            here, n = held_out(villages, facts, tour)
            dropped += n
        try:
            results.append(tour_result(tour, here, places, params, words))
        except ValueError as error:  # a malformed time in the tours file
            _fail(f"tour {tour['id']} in {tours_path}: {error}")
    default = default_result(villages, params)
    rows, notes = table_rows([*results, default])
    summary = summarise(results, default)
    if args.holdout:
        summary.append(
            f"holdout: each tour planned without its own evidence rows "
            f"({dropped} rows over {len(tours)} tours)"
        )

    print(f"# realism: {len(tours)} published tours from {tours_path}")
    print(f"# date {SATURDAY.isoformat()} ({SATURDAY:%A}), {how}, tourplan {tourplan.__version__}")
    if args.holdout:
        print("# holdout: each tour's own evidence rows dropped before it is planned")
    for text in fixed_width(rows):
        print(text)
    if notes:
        print()
        for text in notes:
            print(text)
    asked_table = asked_rows(results)
    print()
    print("# as asked: the tour's sights as must-visits, its title's themes, a half day's end")
    for text in fixed_width(asked_table, ASKED_COLUMNS):
        print(text)
    print()
    for text in summary:
        print(text)
    multi, multi_violations = multi_day_lines(villages, params)
    print()
    for text in multi:
        print(text)
    if args.markdown:
        args.markdown.write_text(markdown(rows, notes, summary, asked_table), encoding="utf-8")
    if args.csv:
        write_csv(args.csv, [*results, default])
    return 1 if multi_violations or any(r.violations for r in [*results, default]) else 0


if __name__ == "__main__":
    raise SystemExit(main())
