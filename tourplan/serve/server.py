"""Running the API with uvicorn: JSON-line logs, no uvicorn access log, graceful shutdown."""

from __future__ import annotations

import logging
import sys
from typing import Any

import uvicorn

from .app import create_app
from .middleware import JsonLogFormatter
from .settings import ServeSettings

__all__ = ["log_config", "run", "server_config"]


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


def run(settings: ServeSettings, *, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Serve until interrupted (Ctrl-C or SIGTERM finish the requests under way first)."""
    logging.getLogger("tourplan.serve").debug("starting")
    uvicorn.Server(server_config(settings, host=host, port=port)).run()
