"""Turn a list of villages as the city keeps it into a tourplan villages file, offline.

The list is a CSV sheet with one village a row: its name, hamlet, commune, district and
craft (Vietnamese headers such as ``Tên làng nghề, Thôn, Xã, Huyện, Nghề`` or English ones
``name, hamlet, commune, district, craft``; with or without diacritics). Each village is
placed at its commune's point by :mod:`.communes` (old or 2025 commune names), marked
``commune_centroid`` with its precision and the 2025 commune. A row that cannot be placed
without guessing is reported with the reason (:class:`RowFailure`) and left out; the
others are kept. A row that repeats an earlier row's village, a year that is not a year
and a list without rows stop the import (:class:`~tourplan.exceptions.DataError`).
``refine`` may move a placed village to a geocoded point of its hamlet when that point lies
inside the commune's box (``tourplan villages import --online``).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from .._io import read_utf8
from ..datasets.files import MAX_VILLAGES, Format, check_villages
from ..datasets.records import DEFAULT_INTEREST, DEFAULT_OPENING_HOURS, RowContext, check_text
from ..exceptions import DataError
from ..hours import OpeningHours
from ..model import Status, Village
from ..names import fold, village_key
from .communes import CommuneError, CommuneIndex, Placement, ward_keys

__all__ = [
    "COLUMN_NAMES",
    "ImportResult",
    "ListRow",
    "RowFailure",
    "import_rows",
    "read_official_list",
    "refined",
]

DEFAULT_VISIT_MINUTES = 90
"""Visit length given to an imported village (a default, marked so in the file)."""
REFINED_PRECISION_M = 500
"""Error claimed for a geocoded hamlet point (a hamlet spans a few hundred metres)."""

COLUMN_NAMES: dict[str, tuple[str, ...]] = {
    "name": ("name", "ten", "ten lang", "ten lang nghe", "lang nghe", "village", "ten nghe"),
    "hamlet": ("hamlet", "thon", "thon xom", "thon lang", "lang", "xom"),
    "commune": ("commune", "xa", "xa phuong", "phuong xa", "ward", "xa phuong thi tran"),
    "district": ("district", "huyen", "quan huyen", "huyen quan", "quan huyen thi xa"),
    "craft": ("craft", "nghe", "nganh nghe", "san pham", "nghe chinh"),
    "year": ("year", "nam", "nam cong nhan"),
    "title": ("title", "danh hieu"),
    "url": ("url", "source", "nguon"),
}
"""Accepted headers for each field, folded (no diacritics, lower case)."""
REQUIRED = ("name", "commune")


@dataclass(frozen=True)
class ListRow:
    """One row of the list: its spreadsheet row number and its cells by field."""

    row: int
    name: str
    hamlet: str = ""
    commune: str = ""
    district: str = ""
    craft: str = ""
    year: str = ""
    title: str = ""
    url: str = ""


@dataclass(frozen=True)
class RowFailure:
    """A row that was not placed: where, which village, the reason code and the message."""

    row: int
    name: str
    reason: str
    message: str

    def __str__(self) -> str:
        return f"row {self.row} ({self.name or 'no name'}): {self.message}"


@dataclass(frozen=True)
class ImportResult:
    """The villages placed, in list order, and the rows that could not be placed."""

    villages: tuple[Village, ...]
    failures: tuple[RowFailure, ...]

    def summary(self) -> str:
        """``"placed 17 of 20 rows; 3 not placed (unknown_commune 2, homonym 1)"``."""
        total = len(self.villages) + len(self.failures)
        text = f"placed {len(self.villages)} of {total} rows"
        if self.failures:
            counts: dict[str, int] = {}
            for failure in self.failures:
                counts[failure.reason] = counts.get(failure.reason, 0) + 1
            detail = ", ".join(f"{reason} {n}" for reason, n in sorted(counts.items()))
            text += f"; {len(self.failures)} not placed ({detail})"
        return text


def read_official_list(path: str | Path) -> list[ListRow]:
    """Read the list's rows (CSV, UTF-8 with or without BOM).

    Raises
    ------
    DataError
        Naming the file and the column when the name or commune column is missing, or a
        header names two fields at once; the row and column of a year that is not one; the
        file when it has a header but no rows.
    """
    source = str(path)
    text = read_utf8(path).lstrip("\ufeff")
    reader = csv.reader(io.StringIO(text))
    header = next(reader, None)
    if not header:
        raise DataError("the list is empty: expected a header row", source=source, row=1)
    fields: dict[int, str] = {}
    for i, cell in enumerate(header):
        key = fold(cell)
        field = next((f for f, names in COLUMN_NAMES.items() if key in names), None)
        if field is None:
            continue
        if field in fields.values():
            raise DataError(f"two columns mean {field!r}", source=source, row=1, field=cell)
        fields[i] = field
    for needed in REQUIRED:
        if needed not in fields.values():
            names = ", ".join(COLUMN_NAMES[needed][:4])
            raise DataError(
                f"no {needed} column (accepted headers: {names}, ...)",
                source=source,
                row=1,
                field=needed,
            )
    year_header = next((header[i] for i, f in fields.items() if f == "year"), "year")
    rows = []
    for number, cells in enumerate(reader, start=2):
        if not any(c.strip() for c in cells):
            continue
        values = {
            f: _cell(cells[i], header[i], source, number)
            for i, f in fields.items()
            if i < len(cells)
        }
        row = ListRow(row=number, **{"name": "", **values})
        _status_year(row, source, year_header)  # a bad year stops the import, not the plan
        rows.append(row)
    if not rows:
        raise DataError(
            "the list has a header but no village rows: nothing to import", source=source
        )
    return rows


def _cell(value: str, header: str, source: str, row: int) -> str:
    """A cell's text, checked as the loader checks a field: one line, no control characters.

    Raises
    ------
    DataError
        Naming the row and the column.
    """
    with RowContext(source, row):
        return check_text(value, header)


def import_rows(
    rows: Sequence[ListRow],
    index: CommuneIndex,
    *,
    source: str = "the list",
    status: Status = "recognised",
    refine: Callable[[ListRow, Village], Village | None] | None = None,
    out_format: Format = "csv",
) -> ImportResult:
    """Place every row at its commune; collect the rows that cannot be placed, with why.

    Parameters
    ----------
    rows
        The list's rows (:func:`read_official_list`).
    index
        Hanoi's communes (:func:`~tourplan.geocode.communes.commune_index`).
    source
        The list's name, quoted in each village's notes.
    status
        The status every imported village gets (the city's list names recognised villages).
    refine
        Optional: given a row and its commune-placed village, a better-placed village or
        None to keep the commune point (used for ``--online``).
    out_format
        The format the villages will be saved in: they are checked as
        :func:`~tourplan.datasets.load_villages` would check that file
        (:func:`~tourplan.datasets.check_villages`), so that the file written loads.

    Raises
    ------
    DataError
        Naming both rows when a row repeats an earlier row's village (same name, same
        commune, no different hamlet); the row and column of a year that is not one; the
        list when more rows are placed than a villages file may hold
        (:data:`~tourplan.datasets.files.MAX_VILLAGES`), before any online request; the row
        and column of any value the loader would refuse in the file written.
    """
    placed: list[Village] = []
    failures: list[RowFailure] = []
    located: list[tuple[ListRow, Placement]] = []
    for row in rows:
        if not row.name:
            failures.append(RowFailure(row.row, "", "missing_name", "no village name"))
            continue
        try:
            located.append((row, index.place(row.commune, row.district)))
        except CommuneError as exc:
            failures.append(RowFailure(row.row, row.name, exc.reason, str(exc)))
    _refuse_repeated_villages(located, source)  # before any online request
    if len(located) > MAX_VILLAGES:
        raise DataError(
            f"{len(located)} rows are placed, more than the {MAX_VILLAGES} villages a villages "
            "file may hold (a plan can be made over at most that many); split the list",
            source=source,
        )
    ids: set[str] = set()
    for row, where in located:
        commune = where.commune
        village_id = _unique_id(row, commune.name, ids)
        merged = ""
        if where.merged_name:
            merged = f"; {where.merged_name} was merged into it on 1/1/2025"
        village = Village(
            id=village_id,
            name_vi=row.name,
            name_en="",
            lat=commune.lat,
            lon=commune.lon,
            visit_minutes=DEFAULT_VISIT_MINUTES,
            visit_minutes_origin="default",
            opening_hours=OpeningHours.parse(DEFAULT_OPENING_HOURS),
            opening_hours_origin="default",
            interest=DEFAULT_INTEREST,
            interest_basis="default: the list gives no evidence of interest",
            craft_vi=row.craft,
            old_district=commune.district,
            commune_2025=commune.commune_2025,
            coord_kind="commune_centroid",
            coord_precision_m=where.precision_m,
            coord_source=f"vietnamadminunits: point of {commune.name}, {commune.district} "
            f"(pre-2025 commune){merged}",
            confidence="low" if where.merged_name else "medium",
            url=row.url if re.match(r"https?://", row.url) else "",
            notes=_notes(row, source),
            status=status,
            status_year=_status_year(row, source),
            status_title=row.title,
        )
        if refine is not None:
            better = refine(row, village)
            if better is not None and commune.contains(better.lat, better.lon):
                village = better
        ids.add(village.id)
        placed.append(village)
    _check_loads(placed, [row.row for row, _ in located], source, out_format)
    return ImportResult(tuple(placed), tuple(failures))


_LIST_COLUMN = {"name_vi": "name", "craft_vi": "craft", "status_title": "title", "url": "url"}
"""The list's column behind each village field that holds a cell as it is."""


def _check_loads(
    villages: Sequence[Village], rows: Sequence[int], source: str, fmt: Format
) -> None:
    """Refuse villages whose file the loader would refuse, naming the list's row and column.

    Raises
    ------
    DataError
        Naming the list, the row and the list's column (or the village's field when no one
        column holds it).
    """
    try:
        check_villages(villages, source=source, rows=rows, format=fmt)
    except DataError as exc:
        field = _LIST_COLUMN.get(exc.field or "", exc.field)
        reason = exc.reason
        if exc.field and field and reason.startswith(f"{exc.field} "):  # "name_vi holds ..."
            reason = field + reason[len(exc.field) :]
        raise DataError(reason, source=source, row=exc.row, field=field) from None


def refined(village: Village, lat: float, lon: float, how: str) -> Village:
    """``village`` moved to a geocoded point of its hamlet, marked ``address``."""
    return replace(
        village,
        lat=lat,
        lon=lon,
        coord_kind="address",
        coord_precision_m=REFINED_PRECISION_M,
        coord_source=f"{how}; inside the commune's box ({village.coord_source})",
    )


def _status_year(row: ListRow, source: str, column: str = "year") -> int | None:
    """The row's year of recognition, None when the cell is empty.

    Raises
    ------
    DataError
        Naming the row and the column when the cell is not a year from 1900 to 2099.
    """
    if not row.year:
        return None
    if not re.fullmatch(r"(19|20)\d\d", row.year):
        raise DataError(
            f"{row.year!r} is not a year from 1900 to 2099 (such as 2009)",
            source=source,
            row=row.row,
            field=column,
        )
    return int(row.year)


def _same_village_key(row: ListRow, where: Placement) -> tuple[str, str, str, str]:
    """What makes two rows the same village: the name as the id folds it, and the commune.

    The commune is the one placed (its full name and district), and for a commune merged on
    1 January 2025 the merged commune as the row names it, folded like the name: without
    diacritics, case or its type (``"Xa Kim Lan"``, ``"Xã Kim Lan"`` and ``"kim lan"`` are
    one commune), never the text as typed.
    """
    merged = ward_keys(where.merged_name)[-1] if where.merged_name else ""
    return (_id_base(row.name), where.commune.name, where.commune.district, merged)


def _hamlet(row: ListRow) -> str:
    """The row's hamlet folded, without a leading "thôn", "xóm" or "làng"."""
    return re.sub(r"^(thon|xom|lang) ", "", fold(row.hamlet))


def _refuse_repeated_villages(located: Sequence[tuple[ListRow, Placement]], source: str) -> None:
    """Refuse a row that repeats an earlier row's village.

    Two rows are the same village when their names fold alike (diacritics, case and a
    leading "Làng (nghề)" aside) and they are placed in the same commune of the same district,
    unless both give a hamlet and the hamlets differ: the city lists distinct villages of one
    name and commune by their hamlets, and an empty hamlet tells nothing apart.

    Raises
    ------
    DataError
        Naming both rows.
    """
    seen: dict[tuple[str, str, str, str], list[ListRow]] = {}
    for row, where in located:
        earlier = seen.setdefault(_same_village_key(row, where), [])
        for first in earlier:
            if _hamlet(first) and _hamlet(row) and _hamlet(first) != _hamlet(row):
                continue
            raise DataError(
                f"rows {first.row} and {row.row} are the same village {row.name!r} in "
                f"{where.commune.name}, {where.commune.district}; remove one (or give each its "
                "hamlet if they are two villages)",
                source=source,
                row=row.row,
                field="name",
            )
        earlier.append(row)


def _notes(row: ListRow, source: str) -> str:
    parts = [f"Row {row.row} of {source}"]
    for label, value in (("hamlet", row.hamlet), ("commune", row.commune)):
        if value:
            parts.append(f"{label} {value}")
    if row.district:
        parts.append(f"district {row.district}")
    return "; ".join(parts) + "."


def _id_base(name: str) -> str:
    """``"Làng nghề gốm Kim Lan"`` → ``"gom-kim-lan"``."""
    return village_key(name) or "village"


def _unique_id(row: ListRow, commune: str, taken: set[str]) -> str:
    """The row's village id: its name (``gom-kim-lan``); when an earlier village has that,
    the name and the row's hamlet (``may-tre-dan-phu-yen``, for villages of one name in one
    commune), else the name and the commune (``gom-bat-trang``); ``-2``, ``-3`` ... only
    when these are taken too (no hamlet, and communes of one name in two districts)."""
    base = _id_base(row.name)
    hamlet = "-".join(_hamlet(row).split())
    place = "-".join(fold(commune).split()[1:])  # "Xã Bát Tràng" -> "bat-trang"
    for candidate in (base, f"{base}-{hamlet}" * bool(hamlet), f"{base}-{place}" * bool(place)):
        if candidate and candidate not in taken:
            return candidate
    n = 2
    while f"{base}-{n}" in taken:
        n += 1
    return f"{base}-{n}"
