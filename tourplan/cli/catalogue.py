"""The ``tourplan catalogue`` command: design K experience routes and write them as a folder."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, cast

import click
from click.core import ParameterSource

from ..catalogue.request import MAX_ROUTES, MAX_STOPS
from ..exceptions import DataError, ExportError
from ..model import THEMES
from ..plan import HANOI_TZ, Lunch, Pace
from ..text import Lang, catalogue_summary
from .errors import DEBUG, CliError, library_errors, require_stdout, stdout_written
from .options import (
    CONTEXT,
    DEFAULT_START,
    day_template_options,
    lunch_unless_default,
    next_saturday,
    place_resolver,
    search_options,
    shared_options,
    villages_from,
)
from .params import DATE, THEME, OutputPath, once
from .terminal import note, progress

if TYPE_CHECKING:
    pass

__all__ = ["catalogue"]

DEFAULT_ROUTES = 10
DEFAULT_TIME_LIMIT = 10.0

# Fields of CatalogueRequest and the options that set them, to name them in messages.
_OPTION_OF_FIELD = {
    "hub": "--hub",
    "routes": "--routes",
    "max_routes_per_village": "--max-per-village",
    "min_stops": "--min-stops",
    "max_stops": "--max-stops",
    "must_include": "--must",
    "must_themes": "--must-theme",
}


@contextmanager
def _request_errors() -> Iterator[None]:
    """A bad catalogue parameter becomes ``invalid value for --OPTION: ...`` (exit 2)."""
    ctx = click.get_current_context()
    try:
        yield
    except DataError as exc:
        option = _OPTION_OF_FIELD.get(exc.field or "") if exc.source is None else None
        if option is None or ctx.meta.get(DEBUG):
            raise
        raise CliError(f"invalid value for {option}: {exc.reason}") from exc


@click.command(context_settings=CONTEXT)
@click.option(
    "--routes",
    type=click.IntRange(min=1, max=MAX_ROUTES),
    default=DEFAULT_ROUTES,
    show_default=True,
    metavar="K",
    help="How many routes to design. Fewer are returned, with the reason, when the villages "
    "cannot fill them.",
)
@click.option(
    "--max-per-village",
    type=click.IntRange(min=1, max=MAX_ROUTES),
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
    type=click.IntRange(min=1, max=MAX_STOPS),
    metavar="N",
    default=2,
    show_default=True,
    help="Drop routes with fewer villages than this.",
)
@click.option(
    "--max-stops",
    type=click.IntRange(min=1, max=MAX_STOPS),
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
@day_template_options
@search_options(time_limit=DEFAULT_TIME_LIMIT, results="catalogues")
@click.option(
    "--out",
    type=OutputPath(dash=False, folder=True, path_type=Path),
    multiple=True,
    callback=once,
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
@click.option(
    "--html",
    "with_html",
    is_flag=True,
    help="Also write index.html (every route on one map) and a map page per route "
    "(routes/NN-ID.html); self-contained, they work offline.",
)
@click.option("--gpx", "with_gpx", is_flag=True, help="Also write each route as GPX 1.1.")
@click.option("--kml", "with_kml", is_flag=True, help="Also write each route as KML.")
@shared_options
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
    with_html: bool,
    with_gpx: bool,
    with_kml: bool,
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
      tourplan catalogue --routes 10 --html --gpx --kml --out routes-2026
    """
    chosen_lang: Lang = "en" if lang.lower() == "en" else "vi"
    if date is None:
        date = next_saturday(dt.datetime.now(HANOI_TZ).date())
    folder = out if out is not None else Path(f"catalogue-{date.isoformat()}")
    places: dict[str, Sequence[str]] = {"--hub": [hub], "--must": must}
    require_stdout()  # before any work: the summary (or --json) would be lost

    with library_errors(places), _request_errors():
        from ..api import plan_catalogue
        from ..catalogue import CatalogueRequest
        from ..export.catalogue import catalogue_to_json, check_catalogue_folder, write_catalogue
        from ..routing import SearchParameters

        try:
            check_catalogue_folder(folder, html=with_html)  # before planning
        except ExportError as exc:
            raise CliError(f"--out: {exc}" if out is not None else str(exc)) from None

        villages = villages_from(villages_file)
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
            lunch=lunch_unless_default(lunch),
            pace=cast(Pace, pace.lower()),
        )
        # Reproducible by default, as `route`: a deterministic search unless --time-limit asks
        # for a wall-clock one (a timed catalogue differs from run to run, and so its route ids)
        timed = click.get_current_context().get_parameter_source("time_limit")
        deterministic = deterministic or timed is ParameterSource.DEFAULT
        search = SearchParameters(time_limit=time_limit, deterministic=deterministic)
        what = f"Designing {routes} routes over {len(villages)} villages"
        if not deterministic:
            what += f" (up to {time_limit:g} s)"
        started = time.monotonic()
        with progress(what):
            result = plan_catalogue(
                request,
                villages,
                road_graph=road_graph,
                resolver=place_resolver(villages, False),
                search=search,
            )
        seconds = time.monotonic() - started
        if as_json:
            printed = catalogue_to_json(result, lang=chosen_lang)
        else:
            printed = catalogue_summary(result, chosen_lang, seconds) + "\n"

        def print_stdout() -> None:  # between the files made and renamed: all or nothing
            with stdout_written():
                click.echo(printed, nl=False)

        written = write_catalogue(
            result,
            folder,
            lang=chosen_lang,
            html=with_html,
            gpx=with_gpx,
            kml=with_kml,
            before_renames=print_stdout,
        )
    index = "index.html, " if with_html else ""
    note(f"Wrote {len(written)} files to {folder}/ (README.md, catalogue.json, {index}routes/)")
