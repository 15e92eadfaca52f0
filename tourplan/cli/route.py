"""The ``tourplan route`` command: plan a trip and print it, or write it as .ics, JSON, GeoJSON."""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path
from typing import Any, cast

import click
from click.core import ParameterSource

from ..exceptions import InfeasibleError
from ..model import THEMES
from ..plan import HANOI_TZ, Lunch
from ..plan.request import MAX_STOPS_PER_DAY, MAX_THEME_BONUS, MAX_TRIP_DAYS
from ..text import Lang
from .costs import cost_fields, cost_options, experiences_from
from .errors import CliError, library_errors, require_stdout, stdout_written
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
from .params import DATE, OUTPUT, PLACE, TEXT, THEME, FiniteFloat, once
from .terminal import color_wanted, note, progress

__all__ = ["route"]


DEFAULT_TIME_LIMIT = 5.0
"""Seconds the solver may search unless --time-limit says otherwise."""


@click.command(context_settings=CONTEXT)
@click.option(
    "--start",
    type=PLACE,
    default=DEFAULT_START,
    show_default=True,
    metavar="PLACE",
    help="Where each day starts: a place id or name (e.g. old-quarter, noi-bai-airport, "
    '"Bát Tràng"), "LAT,LON", or an address with --online.',
)
@click.option("--end", type=PLACE, help="Where each day ends, if not at --start.")
@click.option(
    "--date",
    "dates",
    type=DATE,
    multiple=True,
    help="A day of the trip; repeat for several days. Default: the next Saturday after today "
    "(Hanoi time).",
)
@click.option(
    "--days",
    type=click.IntRange(1, MAX_TRIP_DAYS),
    default=1,
    show_default=True,
    help=f"Number of consecutive days from --date (at most {MAX_TRIP_DAYS}).",
)
@day_template_options
@click.option(
    "--must",
    type=TEXT,
    multiple=True,
    help="A village (id or name) that must be visited; repeatable.",
)
@click.option("--avoid", type=TEXT, multiple=True, help="A village not to visit; repeatable.")
@click.option(
    "--theme",
    "themes",
    type=THEME,
    multiple=True,
    metavar="THEME",
    help="Prefer villages with this theme; repeatable. One of: " + ", ".join(THEMES) + ".",
)
@click.option(
    "--theme-bonus",
    type=FiniteFloat(1.0, MAX_THEME_BONUS),
    default=1.5,
    show_default=True,
    help="How much more a village with a preferred theme counts.",
)
@click.option(
    "--max-stops",
    type=click.IntRange(1, MAX_STOPS_PER_DAY),
    help="At most this many villages a day (default: no limit).",
)
@click.option(
    "--holiday",
    "holidays",
    type=DATE,
    multiple=True,
    help="Treat this date as a public holiday for opening hours; repeatable.",
)
@click.option(
    "--online",
    is_flag=True,
    help="Allow looking addresses up online (OpenStreetMap Nominatim). Off by default.",
)
@search_options(time_limit=DEFAULT_TIME_LIMIT, results="plans")
@click.option(
    "--ics",
    metavar="FILE",
    type=OUTPUT,
    multiple=True,
    callback=once,
    help="Write the plan as an iCalendar file (- : stdout).",
)
@click.option(
    "--json",
    "json_file",
    metavar="FILE",
    type=OUTPUT,
    multiple=True,
    callback=once,
    help="Write the plan as JSON (- : stdout).",
)
@click.option(
    "--geojson",
    metavar="FILE",
    type=OUTPUT,
    multiple=True,
    callback=once,
    help="Write the plan as GeoJSON (- : stdout).",
)
@click.option(
    "--html",
    "html_file",
    metavar="FILE",
    type=OUTPUT,
    multiple=True,
    callback=once,
    help="Write the plan as a map page: a self-contained HTML file that works offline and "
    "prints one day per page (- : stdout).",
)
@click.option(
    "--gpx",
    "gpx_file",
    metavar="FILE",
    type=OUTPUT,
    multiple=True,
    callback=once,
    help="Write the plan as GPX 1.1 (- : stdout).",
)
@click.option(
    "--kml",
    "kml_file",
    metavar="FILE",
    type=OUTPUT,
    multiple=True,
    callback=once,
    help="Write the plan as KML (- : stdout).",
)
@click.option(
    "--legs/--no-legs",
    default=False,
    show_default=True,
    help="In the .ics file, also add an event for each journey.",
)
@click.option(
    "--seed",
    type=click.IntRange(min=0),
    default=None,
    metavar="N",
    help="Vary the plan: search with this seed (plans are reproducible; the same request and "
    "seed give the same plan).",
)
@click.option(
    "--short",
    "short_output",
    is_flag=True,
    help="Print only the days (stops, lunch, driving vs visiting), not the villages left out.",
)
@cost_options
@shared_options
def route(
    start: str,
    end: str | None,
    dates: tuple[dt.date, ...],
    days: int,
    day_start: dt.time,
    day_end: dt.time,
    mode: str,
    lunch: Lunch | None,
    must: tuple[str, ...],
    avoid: tuple[str, ...],
    themes: tuple[str, ...],
    theme_bonus: float,
    max_stops: int | None,
    pace: str,
    holidays: tuple[dt.date, ...],
    villages_file: Path | None,
    road_graph: Path | None,
    online: bool,
    time_limit: float,
    deterministic: bool,
    lang: str,
    ics: str | None,
    json_file: str | None,
    geojson: str | None,
    html_file: str | None,
    gpx_file: str | None,
    kml_file: str | None,
    legs: bool,
    seed: int | None,
    short_output: bool,
    **costs: Any,
) -> None:
    """Plan a trip and print it, or write it as .ics, JSON or GeoJSON.

    With no options, plans a day from Hoàn Kiếm Lake over the bundled villages for the next
    Saturday and prints the schedule: times, villages, crafts, journeys, lunch, totals, and
    the villages left out with the reason.

    \b
    Examples:
      tourplan route --date 2026-12-05 --must "Bát Tràng" --theme textiles
      tourplan route --date 2026-12-05 --days 3 --mode motorbike --ics trip.ics
      tourplan route --start "21.03,105.85" --max-stops 3 --pace relaxed --lang en
      tourplan route --json - | jq '.days[0].stops'
      tourplan route --days 3 --html trip.html --gpx trip.gpx --kml trip.kml
      tourplan route --experience "pottery making" --party 4 --budget 600000
    """
    outputs = {"--ics": ics, "--json": json_file, "--geojson": geojson}
    outputs.update({"--html": html_file, "--gpx": gpx_file, "--kml": kml_file})
    to_stdout = [option for option, path in outputs.items() if path == "-"]
    if len(to_stdout) > 1:
        raise click.UsageError(
            f"only one output can go to stdout (-), got {' and '.join(to_stdout)}"
        )
    if len(dates) > 1 and days > 1:
        raise click.BadParameter(
            "give several --date or one --date with --days, not both", param_hint="'--days'"
        )
    if not dates:
        dates = (next_saturday(dt.datetime.now(HANOI_TZ).date()),)
    places = {"--start": [start], "--end": [end or ""], "--must": must, "--avoid": avoid}
    _check_outputs(outputs)  # before any work: a bad path fails at once

    with library_errors(places):
        from ..api import plan_trip
        from ..plan import MustTogetherError, MustVisitError, TripRequest
        from ..routing import SearchParameters
        from ..text import explain, explain_conflict, place_name

        villages = villages_from(villages_file)
        # a bad --experiences file fails at once, whether the request books any or not
        given = experiences_from(costs) if costs.get("experiences_file") is not None else None
        fields: dict[str, Any] = {
            "end": end,
            "day_start": day_start,
            "day_end": day_end,
            "mode": mode,
            "lunch": lunch,
            "must_visit": must,
            "avoid": avoid,
            "themes": tuple(t.lower() for t in themes),
            "max_stops_per_day": max_stops,
            "pace": pace.lower(),
            "holidays": frozenset(holidays),
            "theme_bonus": theme_bonus,
            **cost_fields(costs),  # experiences and budgets (issue #21)
        }
        fields["lunch"] = lunch_unless_default(lunch)  # the default: none at a 13:00 start
        if len(dates) > 1:
            request = TripRequest(start=start, dates=dates, **fields)
        else:
            request = TripRequest.for_days(start, dates[0], days, **fields)
        # Reproducible by default: a deterministic search unless --time-limit asks for a
        # wall-clock one; --seed varies the plan.
        ctx = click.get_current_context()
        timed = ctx.get_parameter_source("time_limit") is not ParameterSource.DEFAULT
        deterministic = deterministic or not timed
        search = SearchParameters(
            time_limit=time_limit, deterministic=deterministic, seed=seed or 0
        )
        n = len(request.dates)
        what = f"Planning {n} day{'s' if n > 1 else ''} over {len(villages)} villages"
        if not deterministic:
            what += f" (up to {time_limit:g} s)"
        chosen_lang = cast(Lang, lang.lower())
        with progress(what):
            try:
                itinerary = plan_trip(
                    request,
                    villages,
                    road_graph=road_graph,
                    resolver=place_resolver(villages, online),
                    search=search,
                    **(
                        {"experiences": experiences_from(costs) if given is None else given}
                        if request.counts_costs
                        else {}
                    ),
                )
            except MustVisitError as exc:
                why = [
                    f"{place_name(x.village, chosen_lang)} ({x.village.id}): "
                    f"{explain(x, chosen_lang)}"
                    for x in exc.left_out
                ]
                raise InfeasibleError("the must-visit villages cannot all be planned", why) from exc
            except MustTogetherError as exc:
                why = [explain_conflict(exc.conflict, chosen_lang)]
                raise InfeasibleError("the must-visit villages do not fit together", why) from exc
        _write_outputs(itinerary, outputs, legs=legs, lang=chosen_lang)
        if not any(outputs.values()):
            from ..text import format_itinerary

            with stdout_written():
                color = color_wanted(sys.stdout)
                text = format_itinerary(
                    itinerary, lang=cast(Lang, lang.lower()), color=color, short=short_output
                )
                click.echo(text, nl=False, color=color)


def _check_outputs(outputs: dict[str, str | None]) -> None:
    """Refuse, before planning, an output that cannot be written (naming its option): a
    path (:func:`~tourplan._io.check_writable`), or a closed stdout for ``-`` or the schedule."""
    if not any(outputs.values()) or "-" in outputs.values():
        require_stdout()
    if not any(outputs.values()):
        return  # nothing to write: the exporters (icalendar...) are not even imported
    from .._io import check_writable
    from ..exceptions import ExportError

    seen: dict[str, str] = {}
    for option, path in outputs.items():
        if not path or path == "-":
            continue
        try:
            target = os.path.realpath(check_writable(path))
        except ExportError as exc:
            raise CliError(f"{option}: {exc}") from None
        if target in seen:
            raise CliError(f"{seen[target]} and {option} name the same file {path}")
        seen[target] = option


def _write_outputs(
    itinerary: Any, outputs: dict[str, str | None], *, legs: bool, lang: Lang
) -> None:
    """Render every requested export, then write them all-or-nothing: each file to a
    temporary file beside it, the one for stdout (``-``) printed, and only then every file
    renamed into place; when one cannot be written (nor stdout), none is left behind and
    existing files are untouched (:func:`~tourplan._io.write_all_or_nothing`)."""
    if not any(outputs.values()):
        return
    from .._io import write_all_or_nothing
    from ..export.geojson import itinerary_to_geojson_text
    from ..export.gpx import itinerary_to_gpx
    from ..export.html import itinerary_to_html
    from ..export.ical import itinerary_to_ics
    from ..export.json import itinerary_to_json
    from ..export.kml import itinerary_to_kml

    renderers = {
        "--ics": lambda: itinerary_to_ics(itinerary, include_legs=legs, lang=lang),
        "--json": lambda: itinerary_to_json(itinerary).encode("utf-8"),
        "--geojson": lambda: itinerary_to_geojson_text(itinerary, lang=lang).encode("utf-8"),
        "--html": lambda: itinerary_to_html(itinerary, lang=lang).encode("utf-8"),
        "--gpx": lambda: itinerary_to_gpx(itinerary, lang=lang).encode("utf-8"),
        "--kml": lambda: itinerary_to_kml(itinerary, lang=lang).encode("utf-8"),
    }
    rendered = {option: renderers[option]() for option, path in outputs.items() if path}
    files = [(path, rendered[option]) for option, path in outputs.items() if path and path != "-"]
    printed = [rendered[option] for option, path in outputs.items() if path == "-"]

    def print_stdout() -> None:
        with stdout_written():
            for data in printed:
                sys.stdout.flush()
                sys.stdout.buffer.write(data)
                sys.stdout.buffer.flush()

    for written in write_all_or_nothing(files, before_renames=print_stdout):
        note(f"Wrote {written}")
