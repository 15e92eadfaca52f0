"""``tourplan villages import LIST.csv --out FILE``: a list of villages becomes a villages file."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from .._io import check_writable
from ..datasets import save_villages, villages_format
from ..exceptions import ExportError, GeocoderUnreachableError, TourplanError, UnknownPlaceError
from ..geocode import PlaceResolver
from ..geocode.communes import commune_index
from ..geocode.official_list import ListRow, import_rows, read_official_list, refined
from ..model import Village
from .errors import CliError, library_errors
from .options import CONTEXT, shared_options
from .params import NonEmptyPath, OutputPath, once
from .terminal import note

__all__ = ["import_list"]


@click.command("import", context_settings=CONTEXT)
@click.argument("list_file", metavar="LIST.csv", type=NonEmptyPath(dir_okay=False, path_type=Path))
@click.option(
    "--out",
    required=True,
    type=OutputPath(dash=False, path_type=Path, writable=True),
    multiple=True,
    callback=once,
    metavar="FILE",
    help="The villages file to write (.csv, .json or .geojson), with the rows that were placed.",
)
@click.option(
    "--status",
    type=click.Choice(["recognised", "traditional"]),
    default="recognised",
    show_default=True,
    help="The status every imported village gets (the city's list names recognised villages).",
)
@click.option(
    "--online",
    is_flag=True,
    help="Refine each position with Nominatim (OpenStreetMap), at most one request a second, "
    "cached; a point is kept only inside the village's commune.",
)
@shared_options
def import_list(list_file: Path, out: Path, status: str, online: bool) -> None:
    """Make a villages file from a list of villages as the city keeps it.

    LIST.csv has a header and one village a row: name, hamlet, commune, district, craft
    (Vietnamese headers "Tên làng nghề, Thôn, Xã, Huyện, Nghề" or English ones; optional
    year, title, url). Names may lack diacritics; communes may be pre-2025 or 2025 ones.

    Each village is placed offline at its pre-2025 commune's point (coord_kind
    commune_centroid, with its precision and 2025 commune). Nothing is guessed: a row whose
    commune is unknown, shared by two districts, or not in the given district is reported
    with the reason and left out. The file is written for the rows that were placed; the
    exit code is 2 when some were not. Nothing is written (exit 2) when a row repeats an
    earlier row's village (same name and commune, no different hamlet), a year is not a year,
    a cell holds what a villages file may not (a control character or line break, over 10,000
    characters, a url that is not one web address), more than 2,000 rows are placed, the list
    has no rows, or --out is the list itself: the file written always loads.

    \b
    Examples:
      tourplan villages import danh-sach.csv --out villages.csv
      tourplan route --villages villages.csv
    """
    _refuse_overwriting_the_list(list_file, out)
    try:
        check_writable(out)  # before any work: a bad --out fails at once
    except ExportError as exc:
        raise CliError(f"--out: {exc}") from None
    with library_errors():
        out_format = villages_format(out)  # an unknown extension is refused before any work
        rows = read_official_list(list_file)
        refine = _OnlineRefiner() if online else None
        result = import_rows(
            rows,
            commune_index(),
            source=list_file.name,
            status="recognised" if status == "recognised" else "traditional",
            refine=refine,
            out_format=out_format,  # checked as the loader will check the file written
        )
        if result.villages:
            save_villages(result.villages, out)
    for failure in result.failures:
        click.echo(f"not placed: {failure}", err=True)
    if refine is not None and refine.unreached:
        note(f"Warning: {refine.unreached_words()}")
    summary = result.summary()
    if result.villages:
        summary += f"; wrote {out}"
    else:
        summary += f"; nothing to write, {out} left as it was"
    if result.failures:
        click.echo(summary, err=True)
        sys.exit(2)
    note(summary)


def _refuse_overwriting_the_list(list_file: Path, out: Path) -> None:
    """Refuse an --out that is the list being imported (by path, link or hard link)."""
    same = os.path.realpath(out) == os.path.realpath(list_file)  # a loop is no error here
    if not same and out.exists() and list_file.exists():
        try:
            same = out.samefile(list_file)
        except OSError:  # unreadable: the reader or the writer will say so
            same = False
    if same:
        raise CliError(f"--out {out} is the list being imported; write the villages elsewhere")


class _OnlineRefiner:
    """Geocode "hamlet, commune, district, Hà Nội" with Nominatim; None when nothing is found.

    Once the server cannot be reached, the rows left are looked up in the cache only: each
    try without a network costs geopy's retries (about 11 s), and they would all fail alike.
    ``unreached`` counts the rows with a hamlet left at their commune's point for that.
    """

    def __init__(self) -> None:
        self.resolver = PlaceResolver(allow_network=True)
        self.unreached = 0
        self.server = ""

    def __call__(self, row: ListRow, village: Village) -> Village | None:
        if not row.hamlet:
            return None
        query = ", ".join(p for p in (row.hamlet, row.commune, row.district, "Hà Nội") if p)
        try:
            place = self.resolver.resolve(query)
        except GeocoderUnreachableError as exc:
            self.resolver.allow_network = False  # cached answers still count
            self.unreached += 1
            self.server = exc.server
            return None
        except TourplanError as exc:  # an online miss keeps the commune point
            if self.server and isinstance(exc, UnknownPlaceError):  # not cached: not looked up
                self.unreached += 1
            return None
        how = place.coord_source or f"{place.name} ({place.coord_kind})"
        return refined(village, place.lat, place.lon, f"{how}, for {query!r}")

    def unreached_words(self) -> str:
        """One line: how many rows kept their commune's point for want of the server."""
        rows = "1 row was" if self.unreached == 1 else f"{self.unreached} rows were"
        return (
            f"{rows} placed at their commune's point because the geocoder could not be "
            f"reached (cannot connect to {self.server}); check the network and import again"
        )
