"""The ``tourplan`` click group: the entry point ``main`` and its commands."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Any

import click

from .. import __version__
from .batch import batch
from .catalogue import catalogue
from .errors import usage_error
from .options import CONTEXT, debug_option
from .route import route
from .serve import serve
from .terminal import utf8_args, utf8_streams
from .villages import villages

__all__ = ["main"]


class _TourplanGroup(click.Group):
    """A group that prints Vietnamese whatever the locale, repairs its arguments and says a
    usage error in two lines (the error, then where the help is), as docs/cli.md promises."""

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **kwargs: Any,
    ) -> Any:
        utf8_streams()
        if args is None:
            args = utf8_args(sys.argv[1:])
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, False, **kwargs)
        try:
            result = super().main(args, prog_name, complete_var, False, **kwargs)
        except click.UsageError as exc:
            usage_error(exc)
            sys.exit(exc.exit_code)
        except click.ClickException as exc:
            exc.show()
            sys.exit(exc.exit_code)
        except click.Abort:
            click.echo("Aborted!", err=True)
            sys.exit(1)
        sys.exit(result if isinstance(result, int) else 0)


@click.group(
    "tourplan",
    cls=_TourplanGroup,
    invoke_without_command=True,
    context_settings=CONTEXT,
)
@click.version_option(__version__, "-V", "--version", prog_name="tourplan")
@debug_option
@click.pass_context
def main(ctx: click.Context) -> None:
    """Plan day trips through Hanoi's traditional craft villages (làng nghề).

    \b
    Quick start:
      tourplan route                           a day from Hoàn Kiếm Lake, next Saturday
      tourplan route --date 2026-12-05 --days 2 --theme ceramics --ics trip.ics
      tourplan villages "bat trang"            find a village, with or without diacritics
      tourplan villages --near hoan-kiem-lake --within 15
      tourplan catalogue --routes 10 --out routes   ten day routes and a report
      tourplan serve --port 8000               the HTTP API for apps (tourplan[serve])
      tourplan batch trips.jsonl --out plans.jsonl  many trips, on every CPU or a Dask cluster

    Exit codes: 0 success, 1 infeasible request (the reasons are printed), 2 bad usage or
    input. Run `tourplan COMMAND --help` for a command's options.
    """
    if ctx.invoked_subcommand is None:
        click.echo(ctx.get_help())


main.add_command(route)
main.add_command(villages)
main.add_command(catalogue)
main.add_command(serve)
main.add_command(batch)
