"""Villages as CSV: reading a sheet into numbered rows, and writing villages as CSV text."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

from ..exceptions import DataError
from ..model import Village
from .records import COLUMNS, REQUIRED, check_columns, village_record

__all__ = ["csv_rows", "csv_village_rows", "villages_to_csv"]


def csv_rows(
    text: str, source: str, known: Sequence[str], required: Sequence[str]
) -> list[tuple[int, dict[str, str]]]:
    """The non-blank rows of a CSV sheet as ``(spreadsheet row, {column: cell})`` pairs.

    Parameters
    ----------
    text
        The whole file.
    source
        The file's name, for error messages.
    known, required
        The column names the sheet may and must have (a near-miss typo is refused).

    Raises
    ------
    DataError
        For an empty file, a repeated or missing column, a row of the wrong length or
        malformed CSV, naming the spreadsheet row (header = row 1).
    """
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [h.strip() for h in next(reader)]
    except StopIteration:
        raise DataError("the file is empty", source=source) from None
    except csv.Error as exc:
        raise DataError(f"not valid CSV: {exc}", source=source, row=1) from None
    if len(set(header)) != len(header):
        dupes = sorted({h for h in header if header.count(h) > 1})
        raise DataError(
            f"column(s) repeated in the header: {', '.join(dupes)}", source=source, row=1
        )
    check_columns(header, source, known, required, row=1)
    rows: list[tuple[int, dict[str, str]]] = []
    try:
        # the spreadsheet row (header = 1), not the text line: a quoted cell may span lines
        for row_number, values in enumerate(reader, start=2):
            if not any(v.strip() for v in values):
                continue
            if len(values) != len(header):
                raise DataError(
                    f"has {len(values)} values but the header has {len(header)} columns",
                    source=source,
                    row=row_number,
                )
            rows.append((row_number, dict(zip(header, values, strict=True))))
    except csv.Error as exc:
        raise DataError(f"not valid CSV: {exc}", source=source, row=reader.line_num) from None
    return rows


def csv_village_rows(text: str, source: str) -> list[tuple[int, dict[str, str]]]:
    """The rows of a village sheet with the standard columns (see :func:`csv_rows`)."""
    return csv_rows(text, source, COLUMNS, REQUIRED)


def villages_to_csv(villages: Iterable[Village]) -> str:
    """The villages as CSV text with the standard columns."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\n")
    # csv quotes only the line terminator's characters, so a bare "\r" in a cell would be
    # written unquoted and read back as a line break: quote every cell of such rows
    quote_all = csv.writer(out, lineterminator="\n", quoting=csv.QUOTE_ALL)
    writer.writerow(COLUMNS)
    for village in villages:
        record = village_record(village)
        record["themes"] = ";".join(village.themes)
        record["lat"], record["lon"] = repr(village.lat), repr(village.lon)
        record["coord_precision_m"] = (
            "" if village.coord_precision_m is None else village.coord_precision_m
        )
        values = [record[c] for c in COLUMNS]
        has_cr = any(isinstance(v, str) and "\r" in v for v in values)
        (quote_all if has_cr else writer).writerow(values)
    return out.getvalue()
