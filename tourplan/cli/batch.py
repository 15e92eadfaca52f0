"""The ``tourplan batch`` command: plan a JSON-lines file of requests on local workers or Dask."""

from __future__ import annotations

import os
import signal
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator, Mapping
from pathlib import Path
from types import FrameType
from typing import IO, Any

import click

from ..batch.engine import MAX_WORKERS
from .errors import CliError, library_errors
from .options import CONTEXT, shared_options, villages_from
from .params import INPUT_FILE, VILLAGES_FILE, OutputPath, once
from .terminal import QUIET, is_terminal, note

__all__ = ["BatchProgress", "batch"]

MAX_ERRORS_SHOWN = 10
"""Failed lines listed on stderr after a run (every one is explained in the results file)."""


class BatchProgress:
    """A progress bar on stderr: done of total, counts per status, rate and time left.

    Parameters
    ----------
    total
        Requests to plan in this run.
    stream
        Where to draw.
    enabled
        Draw at all (on a terminal, without --quiet).
    """

    WIDTH = 24

    def __init__(self, total: int, stream: IO[str], *, enabled: bool) -> None:
        self.total, self.stream, self.enabled = total, stream, enabled
        self.counts: Counter[str] = Counter()
        self.started = time.monotonic()
        self._drawn = 0.0

    def line(self) -> str:
        """The bar as text, e.g. ``"[######    ] 120/200 ok 115 … 3.1/s, 0:26 left"``."""
        done = sum(self.counts.values())
        elapsed = time.monotonic() - self.started
        rate = done / elapsed if elapsed > 0 else 0.0
        filled = self.WIDTH * done // self.total if self.total else self.WIDTH
        bar = "#" * filled + "." * (self.WIDTH - filled)
        statuses = " ".join(f"{s} {self.counts[s]}" for s in ("ok", "refused", "failed"))
        left = f"{_clock((self.total - done) / rate)} left" if rate > 0 else "-:-- left"
        return f"[{bar}] {done}/{self.total}  {statuses}  {rate:.2f} plans/s, {left}"

    def update(self, status: str) -> None:
        """Count one result and redraw (at most 5 times a second, and at the last one)."""
        self.counts[status] += 1
        now = time.monotonic()
        if self.enabled and (now - self._drawn >= 0.2 or sum(self.counts.values()) == self.total):
            self.stream.write("\r\x1b[K" + self.line())
            self.stream.flush()
            self._drawn = now

    def close(self) -> None:
        """End the bar's line."""
        if self.enabled and self._drawn:
            self.stream.write("\n")
            self.stream.flush()


def _clock(seconds: float) -> str:
    minutes, secs = divmod(round(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def _count_requests(path: Path) -> int:
    """The requests in the file (its lines that are not blank), checked as UTF-8 text before
    anything is planned or written.

    Raises
    ------
    CliError
        Naming the file and the line whose bytes are not UTF-8, or a file that cannot be read.
    """
    count = 0
    try:
        with path.open("rb") as file:
            for number, raw in enumerate(file, 1):
                try:
                    text = raw.decode("utf-8-sig" if number == 1 else "utf-8")
                except UnicodeDecodeError as exc:
                    raise CliError(
                        f"{path}, line {number}: not UTF-8 text (byte 0x{raw[exc.start]:02x}); "
                        "save the file with UTF-8 encoding"
                    ) from None
                count += bool(text.strip())
    except OSError as exc:
        raise CliError(f"{path}: cannot read the file: {exc.strerror or exc}") from None
    return count


def _interrupt_on_sigterm(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt


@click.command(context_settings=CONTEXT)
@click.argument(
    "requests_file",
    metavar="REQUESTS.jsonl",
    type=INPUT_FILE,
)
@click.option(
    "--out",
    metavar="RESULTS.jsonl",
    required=True,
    type=OutputPath(dash=False, path_type=Path),
    multiple=True,
    callback=once,
    help="Append the results here, one JSON line per request.",
)
@click.option(
    "--workers",
    type=click.IntRange(min=0, max=MAX_WORKERS),
    help="Local worker processes (default: one per CPU; 0: plan in this process).",
)
@click.option(
    "--scheduler",
    metavar="ADDRESS",
    help="Plan on the Dask cluster whose scheduler is at ADDRESS (e.g. tcp://10.0.0.5:8786).",
)
@click.option(
    "--resume",
    is_flag=True,
    help="Continue an interrupted run: keep the results in --out and skip their ids.",
)
@click.option(
    "--villages",
    "villages_file",
    type=VILLAGES_FILE,
    metavar="FILE",
    help="Use the villages in this CSV, JSON or GeoJSON file instead of the bundled ones.",
)
@click.option(
    "--road-graph",
    type=INPUT_FILE,
    metavar="FILE.graphml",
    help="Take travel times from this road graph instead of each request's --mode estimate.",
)
@click.option(
    "--online",
    is_flag=True,
    help="Allow looking addresses up online (OpenStreetMap Nominatim). Off by default.",
)
@shared_options
def batch(
    requests_file: Path,
    out: Path,
    workers: int | None,
    scheduler: str | None,
    resume: bool,
    villages_file: Path | None,
    road_graph: Path | None,
    online: bool,
) -> None:
    """Plan every trip of a JSON-lines file, on local workers or a Dask cluster.

    Each line of REQUESTS.jsonl is one request: a JSON object with the fields of `tourplan
    route` (start, date or dates, days, mode, must, themes ..., time_limit, deterministic)
    and an optional id; tourplan/plan/request.schema.json describes them. Each result is
    appended to RESULTS.jsonl as soon as it is ready: its id, line, status (ok, refused or
    failed) and the itinerary as JSON or the error.

    A bad line never stops the batch: its result explains it. Exit code 0 when no line
    failed (refused requests are answers: they cannot be planned, and say why), 1 when
    some line failed, 2 for bad usage; 130 when interrupted (then run again with --resume).

    \b
    Examples:
      tourplan batch trips.jsonl --out plans.jsonl
      tourplan batch trips.jsonl --out plans.jsonl --resume
      tourplan batch trips.jsonl --out plans.jsonl --scheduler tcp://10.0.0.5:8786
    """
    if scheduler is not None and workers is not None:
        raise click.UsageError("give --workers (local processes) or --scheduler, not both")
    ctx = click.get_current_context()
    with library_errors():
        from ..batch import ResultsFile, jobs_from_lines, plan_many, require_distributed
        from ..travel import load_road_graph

        if workers != 0:
            require_distributed()
        total = _count_requests(requests_file)  # a file that is not text fails here, at once
        villages = villages_from(villages_file)
        graph = None if road_graph is None else load_road_graph(road_graph)
        results = ResultsFile(out, resume=resume)  # created with the first result
        stderr = sys.stderr
        progress = BatchProgress(
            max(0, total - len(results.done)),
            stderr,
            enabled=is_terminal(stderr) and not ctx.meta.get(QUIET),
        )
        errors: list[str] = []
        main_thread = threading.current_thread() is threading.main_thread()
        previous = signal.signal(signal.SIGTERM, _interrupt_on_sigterm) if main_thread else None
        try:
            with results, requests_file.open(encoding="utf-8-sig", errors="strict") as lines:
                todo = _not_done(jobs_from_lines(lines, source=requests_file.name), results.done)
                for result in plan_many(
                    todo,
                    scheduler=scheduler,
                    workers=workers,
                    villages=villages,
                    road_graph=graph,
                    online=online,
                ):
                    results.write(result)
                    progress.update(result.status)
                    if result.status == "failed" and result.error is not None:
                        errors.append(result.error.message)
        except KeyboardInterrupt:
            progress.close()
            written = sum(results.written.values())
            note(f"Interrupted: {written} results written to {out}; run again with --resume.")
            ctx.exit(130)
        except ConnectionError as exc:
            raise CliError(f"--scheduler: {exc}") from exc
        except UnicodeDecodeError as exc:
            raise CliError(f"{requests_file}: not UTF-8 text ({exc.reason})") from exc
        finally:
            if main_thread:
                signal.signal(signal.SIGTERM, previous)
        progress.close()
    counts = results.counts()
    _summary(counts, results, out, errors)
    if counts["failed"]:
        ctx.exit(1)


def _not_done(items: Iterator[Any], done: Mapping[str, str]) -> Iterator[Any]:
    """The items whose id has no result yet."""
    return (item for item in items if item.id not in done)


def _summary(counts: Counter[str], results: Any, out: Path, errors: list[str]) -> None:
    """The summary on stderr: counts per status, skipped ids, and the first failed lines."""
    total = sum(counts.values())
    skipped = len(results.done)
    parts = ", ".join(f"{counts[s]} {s}" for s in ("ok", "refused", "failed"))
    resumed = f" ({skipped} already done, skipped)" if skipped else ""
    note(f"{total} requests: {parts}{resumed}. Results in {os.fspath(out)}")
    for message in errors[:MAX_ERRORS_SHOWN]:
        note(f"  failed: {message}")
    if len(errors) > MAX_ERRORS_SHOWN:
        note(f"  … and {len(errors) - MAX_ERRORS_SHOWN} more failed lines in {os.fspath(out)}")
