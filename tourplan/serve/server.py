"""Running the API with uvicorn: JSON-line logs, no uvicorn access log, graceful shutdown."""

from __future__ import annotations

import logging
import socket
import sys
from typing import Any

import uvicorn

from ..exceptions import DataError
from .app import create_app
from .middleware import JsonLogFormatter
from .settings import ServeSettings

__all__ = ["listening_socket", "log_config", "run", "server_config"]


def log_config() -> dict[str, Any]:
    """Logging for the server: every ``tourplan.serve`` and uvicorn line as JSON on stderr."""
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"json": {"()": JsonLogFormatter}},
        "handlers": {
            "stderr": {"class": "logging.StreamHandler", "formatter": "json", "stream": sys.stderr}
        },
        "loggers": {
            "tourplan.serve": {"handlers": ["stderr"], "level": "INFO", "propagate": False},
            "uvicorn": {"handlers": ["stderr"], "level": "INFO", "propagate": False},
            "uvicorn.error": {"level": "INFO"},
        },
    }


def server_config(
    settings: ServeSettings, *, host: str = "127.0.0.1", port: int = 8000
) -> uvicorn.Config:
    """The uvicorn configuration of the API (the access log is the app's own, in JSON).

    Parameters
    ----------
    settings
        The server's limits.
    host, port
        Where to listen (port 0: any free port).

    Returns
    -------
    uvicorn.Config
        Ready for ``uvicorn.Server(config).run()``.
    """
    return uvicorn.Config(
        create_app(settings),
        host=host,
        port=port,
        access_log=False,
        log_config=log_config(),
        server_header=False,
        # Connections beyond the pool's capacity would only wait; uvicorn answers them 503.
        limit_concurrency=max(64, 4 * settings.capacity),
        timeout_graceful_shutdown=int(settings.max_time_limit) + 5,
    )


def listening_socket(host: str, port: int) -> socket.socket:
    """A TCP socket bound to ``host:port`` (port 0: any free port), before anything starts.

    uvicorn binds only after the app's start-up (the solver pool), then logs the failure and
    exits with its own code 3; binding first lets a taken port be one line and exit 2.

    Raises
    ------
    DataError
        Naming ``host`` when it does not resolve, ``port`` when it cannot be bound (in use,
        or below 1024 without the right).
    """
    try:
        family, kind, proto, _, address = socket.getaddrinfo(
            host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE
        )[0]
    except (socket.gaierror, UnicodeError) as exc:
        raise DataError(f"cannot listen on {host!r}: {exc}", field="host") from None
    sock = socket.socket(family, kind, proto)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn does
        sock.bind(address)
    except OSError as exc:
        sock.close()
        raise DataError(
            f"cannot listen on {host}:{port}: {exc.strerror or exc}", field="port"
        ) from None
    return sock


def run(settings: ServeSettings, *, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Serve until interrupted (Ctrl-C or SIGTERM finish the requests under way first).

    Raises
    ------
    DataError
        When ``host:port`` cannot be listened on (:func:`listening_socket`); nothing started.
    """
    sock = listening_socket(host, port)
    logging.getLogger("tourplan.serve").debug("starting")
    _Server(server_config(settings, host=host, port=port)).run(sockets=[sock])


class _Server(uvicorn.Server):
    """uvicorn's server on a socket bound beforehand, saying where it listens as uvicorn does
    when it binds itself (it stays silent with given sockets, which it expects from a
    supervisor that has said it already)."""

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        await super().startup(sockets=sockets)
        if self.started and sockets:
            host, port = sockets[0].getsockname()[:2]
            shown = f"[{host}]" if ":" in host else host
            logging.getLogger("uvicorn.error").info(
                "Uvicorn running on http://%s:%d (Press CTRL+C to quit)", shown, port
            )
