"""Helpers shared by the exporters: place names and positions by id, coordinates, ISO times,
and writing several files all-or-nothing."""

from __future__ import annotations

import datetime as dt
import os
import re
import stat
import tempfile
from collections.abc import Sequence
from pathlib import Path

from .._io import is_special, output_target, write_through
from ..exceptions import DataError, ExportError
from ..plan import Day
from ..text import Lang, place_name

__all__ = [
    "check_writable",
    "day_names",
    "day_positions",
    "iso",
    "round_coord",
    "write_all_or_nothing",
    "xml_text",
]

_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")

COORD_DECIMALS = 7
"""Decimals kept in exported coordinates (about 1 cm, the most RFC 7946 recommends)."""


def day_names(day: Day, lang: Lang) -> dict[str, str]:
    """Display names of every place of ``day`` (start, end and villages) by id."""
    names = {day.start_place.id: place_name(day.start_place, lang)}
    names[day.end_place.id] = place_name(day.end_place, lang)
    for stop in day.stops:
        names[stop.village.id] = place_name(stop.village, lang)
    return names


def day_positions(day: Day) -> dict[str, tuple[float, float]]:
    """(longitude, latitude) of every place of ``day`` by id."""
    positions = {day.start_place.id: (day.start_place.lon, day.start_place.lat)}
    positions[day.end_place.id] = (day.end_place.lon, day.end_place.lat)
    for stop in day.stops:
        positions[stop.village.id] = (stop.village.lon, stop.village.lat)
    return positions


def round_coord(value: float) -> float:
    """A coordinate rounded to :data:`COORD_DECIMALS` decimals."""
    return round(float(value), COORD_DECIMALS)


def iso(value: dt.datetime) -> str:
    """ISO 8601 text of an aware datetime, always with its UTC offset."""
    if value.tzinfo is None or value.utcoffset() is None:
        raise DataError(f"datetime {value.isoformat()} has no time zone")
    return value.isoformat()


def xml_text(text: str) -> str:
    """``text`` without the characters XML 1.0 cannot hold, and with CR and CRLF as LF.

    XML parsers turn every CR into LF anyway; doing it here makes the text read back as written.
    """
    return _NOT_XML.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def check_writable(path: str | os.PathLike[str]) -> Path:
    """Check, before any work, that a file can be written at ``path``.

    Returns
    -------
    Path
        ``path`` as a :class:`~pathlib.Path`.

    Raises
    ------
    ExportError
        When the name is empty, the folder is missing or not writable, or ``path`` is a folder.
    """
    if not str(path).strip():
        raise ExportError("cannot write a file with an empty name")
    target = Path(path)
    if is_special(output_target(target)[1]):
        return target  # a pipe or a device: written to directly, whatever its folder
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise ExportError(f"cannot write {target}: folder {folder} does not exist")
    if target.is_dir():
        raise ExportError(f"cannot write {target}: it is a folder")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise ExportError(f"cannot write {target}: no permission to write in folder {folder}")
    return target


def write_all_or_nothing(files: Sequence[tuple[str | os.PathLike[str], bytes]]) -> list[Path]:
    """Write several files so that either all of them are written or none is.

    Each file's bytes go to a temporary file in its folder (flushed to disk); only when every
    one is written are they renamed over their targets. On a failure before the renames, the
    temporary files are removed and no target is created or changed; existing files are never
    truncated and keep their permissions. A symbolic link is written through; a named pipe or a
    device (``/dev/null``) is written to directly, after the renames, never replaced.

    Returns
    -------
    list of Path
        The files written, in order.

    Raises
    ------
    ExportError
        Naming the file that could not be written.
    """
    targets = [check_writable(path) for path, _ in files]
    if len({t.resolve() for t in targets}) != len(targets):
        raise ExportError("two outputs name the same file")
    landing = [output_target(t) for t in targets]  # a symbolic link is written through
    temporary: list[str] = []
    try:
        for target, (real, mode), (_, data) in zip(targets, landing, files, strict=True):
            if is_special(mode):
                temporary.append("")  # a pipe or a device: written last, directly
                continue
            try:
                fd, name = tempfile.mkstemp(prefix=f".{real.name}.", suffix=".tmp", dir=real.parent)
                temporary.append(name)
                with os.fdopen(fd, "wb") as handle:
                    handle.write(data)
                    handle.flush()
                    os.fsync(handle.fileno())
                os.chmod(name, stat.S_IMODE(mode) if mode is not None else 0o644)
            except OSError as exc:
                raise ExportError(f"cannot write {target}: {exc.strerror or exc}") from exc
        for k, (name, target, (real, _)) in enumerate(
            zip(temporary, targets, landing, strict=True)
        ):
            if not name:
                continue
            try:
                os.replace(name, real)
            except OSError as exc:
                raise ExportError(f"cannot write {target}: {exc.strerror or exc}") from exc
            temporary[k] = ""
        for target, (real, mode), (_, data) in zip(targets, landing, files, strict=True):
            if is_special(mode):
                write_through(target, real, data)
    finally:
        for name in temporary:
            if name:
                Path(name).unlink(missing_ok=True)
    return targets
