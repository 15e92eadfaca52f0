"""Small file helpers shared by loaders and exporters: atomic writes, UTF-8 reads, bundled data."""

from __future__ import annotations

import os
import stat
import tempfile
from importlib import resources
from pathlib import Path

from .exceptions import DataError, ExportError

__all__ = [
    "atomic_write_bytes",
    "atomic_write_text",
    "bundled_data_file",
    "is_special",
    "output_target",
    "read_utf8",
    "write_through",
]


def output_target(path: str | os.PathLike[str]) -> tuple[Path, int | None]:
    """Where a write to ``path`` lands, and the mode of what is there (``None``: nothing yet).

    A symbolic link is followed, as a shell's ``>`` does: the file it points to is written and
    the link stays.
    """
    given = Path(path)
    target = Path(os.path.realpath(given)) if given.is_symlink() else given
    try:
        return target, target.stat().st_mode
    except OSError:
        return target, None  # a new file (or one we cannot see: the write says why)


def is_special(mode: int | None) -> bool:
    """Whether a file of ``mode`` is neither a regular file nor a folder (a named pipe, a
    device such as ``/dev/null``): written to directly, never replaced by a rename."""
    return mode is not None and not stat.S_ISREG(mode) and not stat.S_ISDIR(mode)


def write_through(path: str | os.PathLike[str], target: Path, data: bytes) -> None:
    """Write ``data`` straight into ``target``, a pipe or a device (:func:`is_special`).

    Raises
    ------
    ExportError
        Naming ``path`` when the write fails (``/dev/full``: no space left).
    """
    try:
        with open(target, "wb") as handle:
            handle.write(data)
            handle.flush()
    except OSError as exc:
        raise ExportError(f"cannot write {path}: {exc.strerror or exc}") from exc


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes) -> Path:
    """Write ``data`` to ``path`` so that readers see either the old file or the whole new one.

    The bytes go to a temporary file in the same folder, are flushed to disk, and the file is
    then renamed over ``path`` (atomic on POSIX and Windows), keeping an existing file's
    permissions. On any failure the temporary file is removed and ``path`` is left as it was.
    A symbolic link is written through (:func:`output_target`); a named pipe or a device is
    written to directly (:func:`is_special`): a rename would replace it with a regular file,
    and it has no old contents to keep.

    Raises
    ------
    ExportError
        When the folder does not exist or cannot be written.
    """
    given = Path(path)
    target, mode = output_target(given)
    if is_special(mode):
        write_through(given, target, data)
        return given
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise ExportError(f"cannot write {given}: folder {folder} does not exist")
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise ExportError(f"cannot write {given}: {exc.strerror or exc}") from exc
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp_name, stat.S_IMODE(mode) if mode is not None else 0o644)
        os.replace(tmp_name, target)
    except BaseException as exc:
        Path(tmp_name).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise ExportError(f"cannot write {given}: {exc.strerror or exc}") from exc
        raise
    return given


def atomic_write_text(path: str | os.PathLike[str], text: str) -> Path:
    """Write ``text`` as UTF-8 to ``path`` atomically (see :func:`atomic_write_bytes`)."""
    return atomic_write_bytes(path, text.encode("utf-8"))


def read_utf8(path: str | os.PathLike[str]) -> str:
    """Read a whole file as UTF-8 text (a leading byte-order mark is dropped).

    Raises
    ------
    DataError
        When the file is missing, unreadable, empty, or not valid UTF-8; the message names
        the file and, for bad bytes, where they are.
    """
    source = str(path)
    try:
        raw = Path(path).read_bytes()
    except FileNotFoundError:
        raise DataError("file not found", source=source) from None
    except IsADirectoryError:
        raise DataError("is a folder, not a file", source=source) from None
    except OSError as exc:
        raise DataError(f"cannot read file: {exc.strerror or exc}", source=source) from None
    if not raw.strip():
        raise DataError("the file is empty", source=source)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise DataError(
            f"is not UTF-8 text (byte 0x{raw[exc.start]:02x} on line {line}); "
            "save the file with UTF-8 encoding",
            source=source,
        ) from None


def bundled_data_file(name: str) -> Path | None:
    """Path of a bundled data file: in the installed wheel (``tourplan/_data``, hatch
    ``force-include``) or in ``data/`` of a checkout; ``None`` if neither holds it."""
    packaged = resources.files("tourplan") / "_data" / name
    if packaged.is_file():
        return Path(str(packaged))
    checkout = Path(__file__).resolve().parents[1] / "data" / name
    return checkout if checkout.is_file() else None
