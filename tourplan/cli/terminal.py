"""The terminal: UTF-8 streams and arguments, colours, notes on stderr and the progress spinner."""

from __future__ import annotations

import io
import os
import sys
import threading
import time
from collections.abc import Sequence
from contextlib import suppress
from typing import IO, Any

import click

__all__ = [
    "PROGRESS_DELAY",
    "QUIET",
    "Progress",
    "color_wanted",
    "is_terminal",
    "note",
    "progress",
    "utf8_args",
    "utf8_streams",
]

PROGRESS_DELAY = 0.5
"""Seconds the solver may run before a progress line appears on a terminal."""

QUIET = "tourplan.quiet"
"""Key of ``click.Context.meta`` set by ``--quiet``: nothing on stderr except errors."""


def utf8_streams() -> None:
    """Make stdout and stderr able to print Vietnamese whatever the locale.

    A stream whose encoding is not UTF-8 (``LC_ALL=C`` on old systems, ``PYTHONIOENCODING=ascii``,
    a legacy Windows console) is switched to UTF-8, with unencodable text replaced rather than
    crashing.
    """
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
        if encoding != "utf8" and isinstance(stream, io.TextIOWrapper):
            try:
                stream.reconfigure(encoding="utf-8", errors="replace")
            except (ValueError, io.UnsupportedOperation):  # pragma: no cover - already written
                stream.reconfigure(errors="replace")


def utf8_args(args: Sequence[str]) -> list[str]:
    """Arguments as typed, even when a C/POSIX locale decoded their UTF-8 bytes as ASCII.

    Python then keeps each undecodable byte as a lone surrogate ("surrogateescape"); the
    original bytes are recovered and decoded as UTF-8, so ``--must "Bát Tràng"`` still works.

    Parameters
    ----------
    args
        The command-line arguments, without the program name.

    Returns
    -------
    list[str]
        The same arguments, repaired where they were decoded as ASCII.
    """
    repaired = []
    for arg in args:
        if any("\udc80" <= c <= "\udcff" for c in arg):
            with suppress(UnicodeError):
                arg = os.fsencode(arg).decode("utf-8")
        repaired.append(arg)
    return repaired


def is_terminal(stream: IO[Any]) -> bool:
    """Whether ``stream`` is an open terminal (not a file, a pipe or a closed stream)."""
    isatty = getattr(stream, "isatty", None)
    try:
        return bool(isatty and isatty())
    except ValueError:  # a closed stream
        return False


def color_wanted(stream: IO[Any]) -> bool:
    """Colours only on a terminal, unless ``NO_COLOR`` is set or click was told otherwise."""
    ctx = click.get_current_context(silent=True)
    if ctx is not None and ctx.color is not None:
        return ctx.color
    return not os.environ.get("NO_COLOR") and is_terminal(stream)


def note(message: str) -> None:
    """A message for the user on stderr (skipped with --quiet)."""
    ctx = click.get_current_context(silent=True)
    if ctx is None or not ctx.meta.get(QUIET):
        click.echo(message, err=True)


class Progress:
    """A spinner line on stderr while something slow runs; erased when it ends.

    Parameters
    ----------
    message
        What is going on, e.g. ``"Planning 1 day over 61 villages (up to 5 s)"``.
    stream
        Where to draw (stderr); nothing is drawn when ``enabled`` is false.
    enabled
        Draw at all (the CLI enables it on a terminal without --quiet).
    delay
        Seconds to wait before the first frame, so quick work shows nothing. With ``0`` the
        first frame is drawn at once, by the caller's thread.

    Notes
    -----
    The spinner turns in a background thread, which runs only while the work releases the
    GIL. OR-Tools keeps the GIL for its whole search, so the CLI draws the first frame at
    once (``delay=0``): a timer would not fire before the search is over.
    """

    def __init__(
        self, message: str, stream: IO[str], *, enabled: bool, delay: float = PROGRESS_DELAY
    ) -> None:
        self.message, self.stream, self.enabled, self.delay = message, stream, enabled, delay
        self._done = threading.Event()
        self._thread: threading.Thread | None = None
        self._started = 0.0
        self.shown = False
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
        self._frames = "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏" if encoding == "utf8" else "|/-\\"

    def __enter__(self) -> Progress:
        if self.enabled:
            self._started = time.monotonic()
            if self.delay <= 0:
                self._draw(0)
            self._thread = threading.Thread(target=self._run, name="tourplan-progress", daemon=True)
            self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._done.set()
        if self._thread is not None:
            self._thread.join()
        if self.shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()

    def _draw(self, frame: int) -> None:
        spinner = self._frames[frame % len(self._frames)]
        elapsed = time.monotonic() - self._started
        clock = f" {elapsed:.0f} s" if elapsed >= 1 else ""
        self.stream.write(f"\r{spinner} {self.message} …{clock}")
        self.stream.flush()
        self.shown = True

    def _run(self) -> None:
        if self.delay > 0 and self._done.wait(self.delay):
            return
        frame = 1
        while not self._done.wait(0.1):
            self._draw(frame)
            frame += 1


def progress(message: str) -> Progress:
    """The spinner of a command's slow step: on stderr, drawn at once, on a terminal only.

    Parameters
    ----------
    message
        What is going on, e.g. ``"Planning 1 day over 61 villages"``.

    Returns
    -------
    Progress
        A context manager; it draws nothing when stderr is not a terminal or with --quiet.
    """
    ctx = click.get_current_context()
    stderr = sys.stderr
    show = is_terminal(stderr) and not ctx.meta.get(QUIET)
    return Progress(message, stderr, enabled=show, delay=0)
