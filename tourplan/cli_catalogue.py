"""The ``tourplan catalogue`` command: design K experience routes and write them as a folder.

It registers itself on the ``tourplan`` group (``tourplan/cli.py`` imports this module at its
end); the shared option types, error mapping and progress line come from :mod:`tourplan.cli`.
"""

from __future__ import annotations

import datetime as dt
import sys
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Literal, cast

import click

from .cli import (
    _CONTEXT,
    _DEBUG,
    _QUIET,
    DATE,
    DEFAULT_START,
    THEME,
    CliError,
    Progress,
    _day_template_options,
    _is_terminal,
    _library_errors,
    _next_saturday,
    _note,
    _resolver,
    _search_options,
    _shared_options,
    _villages,
    main,
)
from .exceptions import DataError
from .model import THEMES
from .plan import HANOI_TZ, Lunch, Pace
from .text import compact_date, coverage_text, duration, note_text, route_name

if TYPE_CHECKING:
    from .catalogue import Catalogue

__all__ = ["catalogue"]

DEFAULT_ROUTES = 10
DEFAULT_TIME_LIMIT = 10.0

# Fields of CatalogueRequest and the options that set them, to name them in messages.
_OPTION_OF_FIELD = {
    "routes": "--routes",
    "max_routes_per_village": "--max-per-village",
    "min_stops": "--min-stops",
    "max_stops": "--max-stops",
    "must_include": "--must",
    "must_themes": "--must-theme",
}

_WORDS: dict[str, dict[str, str]] = {
    "en": {
        "head": "{n} routes from {hub} on {date} (each village in at most {r} route{s})",
        "route": "{number:>3}. {name} — {stops} stops, interest {interest}, "
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


@contextmanager
def _request_errors() -> Iterator[None]:
    """A bad catalogue parameter becomes ``invalid value for --OPTION: ...`` (exit 2)."""
    ctx = click.get_current_context()
    try:
        yield
    except DataError as exc:
        option = _OPTION_OF_FIELD.get(exc.field or "") if exc.source is None else None
        if option is None or ctx.meta.get(_DEBUG):
            raise
        raise CliError(f"invalid value for {option}: {exc.reason}") from exc


def _summary(catalogue: Catalogue, lang: Literal["vi", "en"], seconds: float) -> str:
    words = _WORDS[lang]
    request = catalogue.request
    hub = catalogue.hub.name_en if lang == "en" and catalogue.hub.name_en else catalogue.hub.name
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
                stops=len(day.stops),
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


@click.command(context_settings=_CONTEXT)
@click.option(
    "--routes",
    type=click.IntRange(min=1),
    default=DEFAULT_ROUTES,
    show_default=True,
    metavar="K",
    help="How many routes to design. Fewer are returned, with the reason, when the villages "
    "cannot fill them.",
)
@click.option(
    "--max-per-village",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    metavar="R",
    help="Each village in at most R routes (never twice in one route); at most K.",
)
@click.option(
    "--date",
    type=DATE,
    help="The template day: its weekday decides opening hours; the .ics files are on it. "
    "Default: the next Saturday after today (Hanoi time).",
)
@click.option(
    "--any-day",
    is_flag=True,
    help="Routes that work on any day of the week: only the hours each village is open every "
    "day are used (weekend-only villages drop out).",
)
@click.option(
    "--hub",
    default=DEFAULT_START,
    show_default=True,
    metavar="PLACE",
    help="Where every route starts and ends: a place id or name, or LAT,LON.",
)
@click.option(
    "--min-stops",
    type=click.IntRange(min=1),
    metavar="N",
    default=2,
    show_default=True,
    help="Drop routes with fewer villages than this.",
)
@click.option(
    "--max-stops",
    type=click.IntRange(min=1),
    metavar="N",
    default=5,
    show_default=True,
    help="At most this many villages per route.",
)
@click.option(
    "--must",
    multiple=True,
    metavar="VILLAGE",
    help="A village (id or name) that must be in some route; repeatable.",
)
@click.option(
    "--must-theme",
    "must_themes",
    type=THEME,
    multiple=True,
    metavar="THEME",
    help="A theme that must be in some route (its best village is required); repeatable. One "
    "of: " + ", ".join(THEMES) + ".",
)
@_day_template_options
@_search_options(time_limit=DEFAULT_TIME_LIMIT, results="catalogues")
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    metavar="FOLDER",
    help="Folder to write (created if needed; files of the same name are replaced, others "
    "left alone). Default: catalogue-DATE.",
)
@click.option(
    "--json",
    "as_json",
    is_flag=True,
    help="Print the catalogue as JSON on stdout instead of the summary (the folder is still "
    "written).",
)
@_shared_options
def catalogue(
    routes: int,
    max_per_village: int,
    date: dt.date | None,
    any_day: bool,
    hub: str,
    min_stops: int,
    max_stops: int,
    must: tuple[str, ...],
    must_themes: tuple[str, ...],
    day_start: dt.time,
    day_end: dt.time,
    mode: str,
    lunch: Lunch | None,
    pace: str,
    villages_file: Path | None,
    road_graph: Path | None,
    time_limit: float,
    deterministic: bool,
    lang: str,
    out: Path | None,
    as_json: bool,
) -> None:
    """Design a catalogue of K distinct day routes and write it as a folder.

    The routes start and end at --hub on the template day, each a feasible day trip
    (opening hours, lunch, the day window), together covering as much of the villages'
    interest as they can with each village in at most --max-per-village routes. The folder
    gets README.md (the report), catalogue.json, and per route an .ics, a GeoJSON and a
    JSON file (routes/NN-ID.*). A summary is printed: the routes, the coverage and notes.

    \b
    Examples:
      tourplan catalogue --routes 10 --date 2026-12-05
      tourplan catalogue --routes 20 --max-per-village 2 --out routes-2026 --lang en
      tourplan catalogue --any-day --must "Bát Tràng" --must-theme performance
      tourplan catalogue --routes 5 --deterministic --json | jq '.coverage'
    """
    ctx = click.get_current_context()
    chosen_lang: Literal["vi", "en"] = "en" if lang.lower() == "en" else "vi"
    if date is None:
        date = _next_saturday(dt.datetime.now(HANOI_TZ).date())
    folder = out if out is not None else Path(f"catalogue-{date.isoformat()}")
    places: dict[str, Sequence[str]] = {"--hub": [hub], "--must": must}

    with _library_errors(places), _request_errors():
        from .api import plan_catalogue
        from .catalogue import CatalogueRequest
        from .export.catalogue import catalogue_to_json, write_catalogue
        from .routing import SearchParameters

        villages = _villages(villages_file)
        request = CatalogueRequest(
            date=date,
            hub=hub,
            routes=routes,
            max_routes_per_village=max_per_village,
            min_stops=min_stops,
            max_stops=max_stops,
            any_day=any_day,
            must_include=must,
            must_themes=tuple(t.lower() for t in must_themes),
            day_start=day_start,
            day_end=day_end,
            mode=mode,
            lunch=lunch,
            pace=cast(Pace, pace.lower()),
        )
        search = SearchParameters(time_limit=time_limit, deterministic=deterministic)
        what = f"Designing {routes} routes over {len(villages)} villages"
        if not deterministic:
            what += f" (up to {time_limit:g} s)"
        stderr = sys.stderr
        show = _is_terminal(stderr) and not ctx.meta.get(_QUIET)
        started = time.monotonic()
        with Progress(what, stderr, enabled=show, delay=0):
            result = plan_catalogue(
                request,
                villages,
                road_graph=road_graph,
                resolver=_resolver(villages, False),
                search=search,
            )
        seconds = time.monotonic() - started
        written = write_catalogue(result, folder, lang=chosen_lang)
    if as_json:
        click.echo(catalogue_to_json(result, lang=chosen_lang), nl=False)
    else:
        click.echo(_summary(result, chosen_lang, seconds))
    _note(f"Wrote {len(written)} files to {folder}/ (README.md, catalogue.json, routes/)")


main.add_command(catalogue)
