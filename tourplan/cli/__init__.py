"""The ``tourplan`` command: plan a trip, or list and search the villages, from a shell.

A thin layer over the library: options are parsed and checked here, the library does the
work, and its errors become short messages and exit codes:

- 0: success;
- 1: the request is infeasible (the reasons are printed), or an unexpected failure;
- 2: bad usage or input (an option value, a data file, a place, a file that cannot be written).

Modules: :mod:`~tourplan.cli.app` (the group), one module per command
(:mod:`~tourplan.cli.route`, :mod:`~tourplan.cli.villages`, :mod:`~tourplan.cli.catalogue`),
and the pieces they share: :mod:`~tourplan.cli.errors`, :mod:`~tourplan.cli.terminal`,
:mod:`~tourplan.cli.params` and :mod:`~tourplan.cli.options`.
"""

from __future__ import annotations

from .app import main as main

__all__ = ["main"]
