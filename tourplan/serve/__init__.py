"""The HTTP API: ``tourplan serve``, a JSON API over the planner for apps in any language.

Needs the ``serve`` extra (``pip install "tourplan[serve]"``: FastAPI and uvicorn). Importing
:mod:`tourplan` never imports this package; :func:`create_app` and :func:`run` are the entry
points (``tourplan serve`` calls :func:`run`). See ``docs/serve.md``.
"""

from __future__ import annotations

from typing import Any

from .settings import ServeSettings as ServeSettings
from .settings import default_workers as default_workers

__all__ = ["ServeSettings", "create_app", "default_workers", "run"]

_MISSING = "the HTTP API needs FastAPI and uvicorn: pip install 'tourplan[serve]' (missing: {name})"


def _require() -> None:
    """Fail with a clear message when the ``serve`` extra is not installed."""
    import importlib.util

    for name in ("fastapi", "uvicorn"):
        if importlib.util.find_spec(name) is None:
            raise ImportError(_MISSING.format(name=name), name=name)


def create_app(settings: ServeSettings | None = None, **kwargs: Any) -> Any:
    """The ASGI application (see :func:`tourplan.serve.app.create_app`)."""
    _require()
    from .app import create_app as _create_app

    return _create_app(settings, **kwargs)


def run(settings: ServeSettings, *, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Serve the API with uvicorn until interrupted (see :func:`tourplan.serve.server.run`)."""
    _require()
    from .server import run as _run

    _run(settings, host=host, port=port)
