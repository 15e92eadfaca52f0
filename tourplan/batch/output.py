"""The results file of a batch: JSON lines appended whole, and resumed after an interruption.

Each result is one line, written by a single ``write`` on a file opened for appending (a
Ctrl-C arriving mid-line is held until the line is written, once) and synced to disk at least
once a second. The file is created with the first result (or at the end of a run with none):
a run that cannot start leaves no empty file. A run killed outright can still leave a partial
last line: resuming cuts it off before appending, so the file never keeps a truncated line,
and a resumed run skips every id that already has a result.
"""

from __future__ import annotations

import json
import os
import signal
import stat
import threading
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from types import TracebackType

from .._io import check_writable
from ..exceptions import DataError, ExportError
from .results import STATUSES, BatchResult, Status, result_line

__all__ = ["SYNC_SECONDS", "ResultsFile"]

SYNC_SECONDS = 1.0
"""At most this long between a result written and the file synced to disk."""


class ResultsFile:
    """A results file open for appending, with what it already holds.

    Parameters
    ----------
    path
        The JSON-lines file.
    resume
        Continue an existing file: keep its complete lines (cutting off a partial last line)
        and record their ids in :attr:`done`. Without it, an existing non-empty file is an
        error, never overwritten.

    Raises
    ------
    DataError
        When the file exists and ``resume`` is false, or a complete line of it is not a
        result (naming the line).
    ExportError
        When the file cannot be written (no such folder, no permission, a folder, a loop of
        symbolic links); it is checked here, and created only with the first result.

    Examples
    --------
    >>> import tempfile
    >>> from tourplan.batch import failed
    >>> path = Path(tempfile.mkdtemp()) / "results.jsonl"
    >>> with ResultsFile(path, resume=False) as out:
    ...     out.write(failed("7", "bad-request", "line 7: not JSON", line=7))
    >>> ResultsFile(path, resume=True).done
    {'7': 'failed'}
    """

    def __init__(self, path: str | os.PathLike[str], *, resume: bool) -> None:
        self.path: Path = check_writable(path)  # a folder, a loop, no folder: nothing is created
        self.done: dict[str, Status] = {}
        if self.path.exists() and self.path.stat().st_size > 0:
            if not resume:
                raise DataError(
                    "already exists: pass --resume to continue it, or remove it",
                    source=str(self.path),
                )
            self._recover()
        self._fd = -1
        self._regular = True
        self._synced = time.monotonic()
        self.written: Counter[str] = Counter()

    def _open(self) -> None:
        """Open the file for appending, creating it: at the first result, not before, so that
        a run that cannot start (a scheduler out of reach) leaves no empty file behind."""
        try:
            self._fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
            self._regular = stat.S_ISREG(os.fstat(self._fd).st_mode)
        except OSError as exc:
            raise ExportError(f"cannot write {self.path}: {exc.strerror or exc}") from exc

    def _recover(self) -> None:
        """Cut off a partial last line, and record the id and status of every complete one."""
        data = self.path.read_bytes()
        complete = data.rfind(b"\n") + 1
        if complete < len(data):
            with self.path.open("r+b") as file:
                file.truncate(complete)
                file.flush()
                os.fsync(file.fileno())
        for number, raw in enumerate(data[:complete].splitlines(), 1):
            if not raw.strip():
                continue
            try:
                record = json.loads(raw)
                result_id, status = record["id"], record["status"]
            except (ValueError, KeyError, TypeError):
                raise DataError(
                    "is not a result line of tourplan batch", source=str(self.path), row=number
                ) from None
            if not isinstance(result_id, str) or status not in STATUSES:
                raise DataError(
                    "is not a result line of tourplan batch", source=str(self.path), row=number
                )
            self.done[result_id] = status

    def write(self, result: BatchResult, *, lang: str = "vi") -> None:
        """Append one result as one whole line (the file is created at the first one).

        Raises
        ------
        ExportError
            When the line cannot be written (no space left), naming the file.
        """
        if self._fd < 0:
            self._open()
        with _interrupts_held():
            self._write_all(result_line(result, lang=lang).encode("utf-8"))
            self.written[result.status] += 1
        if time.monotonic() - self._synced >= SYNC_SECONDS:
            self._sync()
            self._synced = time.monotonic()

    def _write_all(self, data: bytes) -> None:
        view = memoryview(data)
        try:
            while view:
                view = view[os.write(self._fd, view) :]
        except OSError as exc:
            raise ExportError(f"cannot write {self.path}: {exc.strerror or exc}") from exc

    def _sync(self) -> None:
        """Flush the file to disk; a pipe or a device (``/dev/null``) has no disk to sync."""
        if not self._regular:
            return
        try:
            os.fsync(self._fd)
        except OSError as exc:
            raise ExportError(f"cannot write {self.path}: {exc.strerror or exc}") from exc

    def counts(self) -> Counter[str]:
        """Results per status in the whole file: the resumed lines and the new ones."""
        total: Counter[str] = Counter(self.done.values())
        total.update(self.written)
        return total

    def close(self) -> None:
        """Create the file if no result was written (a run with nothing to do still leaves
        its results file), sync it to disk and close it."""
        if self._fd < 0:
            self._open()
        self._close()

    def _close(self) -> None:
        if self._fd >= 0:
            try:
                self._sync()
            finally:
                os.close(self._fd)
                self._fd = -1

    def __enter__(self) -> ResultsFile:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if kind is None:
            self.close()
            return
        with suppress(ExportError):  # a failed run: create nothing, keep the first error
            self._close()


@contextmanager
def _interrupts_held() -> Iterator[None]:
    """Hold Ctrl-C (SIGINT) until the block ends, then deliver it.

    Catching ``KeyboardInterrupt`` around ``os.write`` is not enough: the interrupt can be
    raised after the bytes are written and before the count is stored, and writing the line
    again would repeat a result. Only the main thread receives ``KeyboardInterrupt``, so other
    threads need nothing held; nor does a process whose handler was not set from Python.
    """
    if threading.current_thread() is not threading.main_thread() or (
        signal.getsignal(signal.SIGINT) is None
    ):
        yield
        return
    received: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda signum, frame: received.append(signum))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
        if received:
            signal.raise_signal(signal.SIGINT)  # to the handler in place again
