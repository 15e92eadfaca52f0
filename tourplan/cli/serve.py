"""The ``tourplan serve`` command: the HTTP API for travel apps, on a local port."""

from __future__ import annotations

import click

from ..exceptions import DataError
from ..serve import ServeSettings, default_workers, run
from .errors import CliError
from .options import CONTEXT, shared_options

__all__ = ["serve"]


@click.command(context_settings=CONTEXT)
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option(
    "--port", type=click.IntRange(0, 65535), default=8000, show_default=True, help="Port."
)
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    help="Solver processes (default: the CPUs available).",
)
@click.option(
    "--queue",
    type=click.IntRange(min=0),
    help="Requests that may wait for a solver; one more answers 503 (default: 4 per worker).",
)
@click.option(
    "--max-time-limit",
    type=click.FloatRange(min=0, min_open=True),
    default=30.0,
    show_default=True,
    metavar="SECONDS",
    help="The longest search a request may ask for.",
)
@click.option(
    "--request-timeout",
    type=click.FloatRange(min=0, min_open=True),
    default=120.0,
    show_default=True,
    metavar="SECONDS",
    help="The longest a request may wait and run in all; then it answers 503.",
)
@click.option(
    "--max-body",
    type=click.IntRange(min=1024),
    default=64 * 1024,
    show_default=True,
    metavar="BYTES",
    help="The largest request body; larger ones answer 413.",
)
@shared_options
def serve(
    host: str,
    port: int,
    workers: int | None,
    queue: int | None,
    max_time_limit: float,
    request_timeout: float,
    max_body: int,
) -> None:
    """Serve the HTTP API: plans, catalogues and villages as JSON (needs tourplan[serve]).

    Logs are JSON lines on stderr. Put a reverse proxy (TLS, rate limits) in front of it
    before exposing it beyond this machine; see docs/serve.md.

    \b
    Examples:
      tourplan serve
      tourplan serve --port 8080 --workers 4
      curl -s localhost:8000/v1/plans -H 'content-type: application/json' \\
           -d '{"dates": ["2026-12-05"], "must_visit": ["Bát Tràng"]}'
    """
    count = workers or default_workers()
    try:
        settings = ServeSettings(
            workers=count,
            queue=4 * count if queue is None else queue,
            max_time_limit=max_time_limit,
            default_time_limit=min(2.0, max_time_limit),
            max_body_bytes=max_body,
            request_timeout=request_timeout,
        )
    except DataError as exc:
        raise click.UsageError(str(exc)) from None
    try:
        run(settings, host=host, port=port)
    except ImportError as exc:  # the serve extra is missing: say which one to install
        raise click.ClickException(str(exc)) from None
    except DataError as exc:  # the port is taken, or the host does not resolve
        raise CliError(f"--{exc.field}: {exc.reason}" if exc.field else str(exc)) from None
