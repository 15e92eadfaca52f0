"""Small file helpers shared by loaders and exporters: atomic writes, UTF-8 reads, bundled data."""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Callable, Sequence
from contextlib import suppress
from importlib import resources
from pathlib import Path

from .exceptions import DataError, ExportError

__all__ = [
    "atomic_write_bytes",
    "atomic_write_text",
    "bundled_data_file",
    "check_writable",
    "is_special",
    "output_target",
    "read_utf8",
    "write_all_or_nothing",
    "write_through",
]


def output_target(path: str | os.PathLike[str]) -> tuple[Path, int | None]:
    """Where a write to ``path`` lands, and the mode of what is there (``None``: nothing yet).

    A symbolic link is followed, as a shell's ``>`` does: the file it points to is written and
    the link stays.

    Raises
    ------
    ExportError
        When what is there cannot be looked at for another reason than being missing: a loop
        of symbolic links (a rename would replace the link), a file where a folder should be.
    """
    given = Path(path)
    target = Path(os.path.realpath(given)) if given.is_symlink() else given
    try:
        return target, target.stat().st_mode
    except FileNotFoundError:
        return target, None  # a new file
    except OSError as exc:
        raise ExportError(f"cannot write {given}: {exc.strerror or exc}") from None


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


def check_writable(path: str | os.PathLike[str], *, make_folders: bool = False) -> Path:
    """Check, before any work, that a file can be written at ``path``.

    Every writer of files shares this check (``route``'s exports, a catalogue folder, a
    villages file, batch results), so that a bad path says the same thing everywhere.

    Parameters
    ----------
    path
        The file to write.
    make_folders
        The folders missing above ``path`` will be created (:func:`write_all_or_nothing`
        with ``make_folders=True``): the nearest one that exists must be a writable folder.

    Returns
    -------
    Path
        ``path`` as a :class:`~pathlib.Path`.

    Raises
    ------
    ExportError
        When the name is empty, the folder is missing (unless ``make_folders``), not a folder
        or not writable, ``path`` is a folder, or a loop of symbolic links.
    """
    if not str(path).strip():
        raise ExportError("cannot write a file with an empty name")
    target = Path(path)
    real, mode = output_target(target)
    if is_special(mode):
        return target  # a pipe or a device: written to directly, whatever its folder
    if mode is not None and stat.S_ISDIR(mode):
        raise ExportError(f"cannot write {target}: it is a folder")
    folder = real.parent
    while make_folders and not folder.exists() and folder != folder.parent:
        folder = folder.parent
    if not folder.is_dir():
        if folder.exists():
            raise ExportError(f"cannot write {target}: {folder} is not a folder")
        raise ExportError(f"cannot write {target}: folder {folder} does not exist")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise ExportError(f"cannot write {target}: no permission to write in folder {folder}")
    return target


def write_all_or_nothing(
    files: Sequence[tuple[str | os.PathLike[str], bytes]],
    *,
    make_folders: bool = False,
    before_renames: Callable[[], object] | None = None,
) -> list[Path]:
    """Write several files so that either all of them are written or none is.

    In order: every path is checked (:func:`check_writable`); the missing folders are made
    (with ``make_folders``); each file's bytes go to a temporary file beside its target
    (flushed to disk); a named pipe or a device (``/dev/null``) is written to directly, never
    replaced; ``before_renames`` runs (a command prints its stdout there); and only then are
    the temporary files renamed over their targets. When any step before the renames fails,
    the temporary files and the folders made are removed, and no target is created or
    changed: existing files are never truncated, and keep their permissions. A symbolic link
    is written through, as a shell's ``>`` does.

    What cannot be taken back is a pipe, a device or ``before_renames`` that was written
    before a later step failed; and a rename failing after others succeeded (renames in one
    folder do not fail for want of space) would leave the earlier files renamed.

    Parameters
    ----------
    files
        Each target and its bytes.
    make_folders
        Create the folders missing above the targets (removed again on a failure).
    before_renames
        Called once every file is ready, before any is renamed into place; what it raises
        stops the write as any failure does.

    Returns
    -------
    list of Path
        The files written, in order.

    Raises
    ------
    ExportError
        Naming the file that could not be written.
    """
    targets = [check_writable(path, make_folders=make_folders) for path, _ in files]
    if len({os.path.realpath(t) for t in targets}) != len(targets):
        raise ExportError("two outputs name the same file")
    landing = [output_target(t) for t in targets]  # a symbolic link is written through
    temporary: list[str] = []
    made: list[Path] = []
    renamed = False
    try:
        for target, (real, _) in zip(targets, landing, strict=True):
            if make_folders:
                made.extend(_make_folders(target, real.parent))
        for target, (real, mode), (_, data) in zip(targets, landing, files, strict=True):
            temporary.append("" if is_special(mode) else _temporary_file(target, real, mode, data))
        for target, (real, mode), (_, data) in zip(targets, landing, files, strict=True):
            if is_special(mode):
                write_through(target, real, data)
        if before_renames is not None:
            before_renames()
        renamed = True
        for k, (name, target, (real, _)) in enumerate(
            zip(temporary, targets, landing, strict=True)
        ):
            if name:
                try:
                    os.replace(name, real)
                except OSError as exc:
                    raise ExportError(f"cannot write {target}: {exc.strerror or exc}") from exc
                temporary[k] = ""
    finally:
        for name in temporary:
            if name:
                Path(name).unlink(missing_ok=True)
        if not renamed:
            for folder in reversed(made):
                with suppress(OSError):  # not empty: something else was put there meanwhile
                    folder.rmdir()
    return targets


def _make_folders(target: Path, folder: Path) -> list[Path]:
    """Make ``folder`` and the folders missing above it; the ones made, outermost first."""
    missing: list[Path] = []
    while not folder.exists() and folder != folder.parent:
        missing.append(folder)
        folder = folder.parent
    made: list[Path] = []
    for one in reversed(missing):
        try:
            one.mkdir()
        except FileExistsError:
            continue  # made by an earlier target of the same write
        except OSError as exc:
            raise ExportError(f"cannot write {target}: {exc.strerror or exc}") from exc
        made.append(one)
    return made


def _temporary_file(target: Path, real: Path, mode: int | None, data: bytes) -> str:
    """Write ``data`` to a new temporary file beside ``real``; its name."""
    try:
        fd, name = tempfile.mkstemp(prefix=f".{real.name}.", suffix=".tmp", dir=real.parent)
    except OSError as exc:
        raise ExportError(f"cannot write {target}: {exc.strerror or exc}") from exc
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(name, stat.S_IMODE(mode) if mode is not None else 0o644)
    except BaseException as exc:
        Path(name).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise ExportError(f"cannot write {target}: {exc.strerror or exc}") from exc
        raise
    return name


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
    tmp_name = _temporary_file(given, target, mode, data)
    try:
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
