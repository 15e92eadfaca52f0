"""``python -m tourplan.cli``: the same as the ``tourplan`` command."""

from __future__ import annotations

from .app import main

if __name__ == "__main__":  # pragma: no cover
    main()
