"""The ``tourplan villages`` command: list and search the villages; ``villages import`` a list.

``tourplan villages [QUERY] [OPTIONS]`` lists (the default); ``tourplan villages import
LIST.csv --out FILE`` turns a list as the city keeps it into a villages file
(:mod:`tourplan.cli.villages_import`).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import cast

import click

from ..datasets import village_record
from ..geocode import resolve_place
from ..model import THEMES, Villages
from ..names import fold
from ..text import Lang
from ..text.tables import TableRole, village_table
from .errors import library_errors, require_stdout, stdout_written
from .options import CONTEXT, place_resolver, shared_options, villages_from
from .params import LANG, THEME, VILLAGES_FILE, FiniteFloat
from .terminal import color_wanted, note

__all__ = ["villages"]


class _ListByDefault(click.Group):
    """``tourplan villages ...`` lists, unless its first word is a subcommand (``import``)."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if not args or args[0] not in self.commands or args[0] == "list":
            args = ["list", *(args[1:] if args[:1] == ["list"] else args)]
        return super().parse_args(ctx, args)


class _ListCommand(click.Command):
    """The default subcommand: its usage line reads ``tourplan villages [OPTIONS] [QUERY]``,
    and its usage errors send to ``tourplan villages --help`` (``list`` is not a listed
    command)."""

    def format_usage(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        path = ctx.parent.command_path if ctx.parent is not None else ctx.command_path
        formatter.write_usage(path, " ".join(self.collect_usage_pieces(ctx)))

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        with _help_at_the_group(ctx):
            return super().parse_args(ctx, args)

    def invoke(self, ctx: click.Context) -> object:
        with _help_at_the_group(ctx):
            return super().invoke(ctx)


@contextmanager
def _help_at_the_group(ctx: click.Context) -> Iterator[None]:
    """Attribute a usage error of ``villages list`` to ``villages``, whose help it is."""
    try:
        yield
    except click.UsageError as exc:
        if ctx.parent is not None and exc.ctx in (None, ctx):
            exc.ctx = ctx.parent
        raise


@click.group("villages", cls=_ListByDefault, context_settings=CONTEXT)
def villages() -> None:
    """List and search the villages; import a list of villages (tourplan villages import)."""


@villages.command("list", cls=_ListCommand, context_settings=CONTEXT)
@click.argument("query", required=False)
@click.option(
    "--theme",
    "themes",
    type=THEME,
    multiple=True,
    metavar="THEME",
    help="Only villages with this theme; repeat for any of several. One of: "
    + ", ".join(THEMES)
    + ".",
)
@click.option(
    "--craft",
    metavar="TEXT",
    help='Only villages whose craft (Vietnamese or English) contains TEXT, e.g. "silk", "gốm".',
)
@click.option(
    "--near",
    metavar="PLACE",
    help="Sort by straight-line distance from this place (id, name or LAT,LON).",
)
@click.option(
    "--within",
    type=FiniteFloat(0, 20_000, low_open=True),
    metavar="KM",
    help="With --near: only villages at most KM kilometres away.",
)
@click.option(
    "--villages",
    "villages_file",
    type=VILLAGES_FILE,
    metavar="FILE",
    help="List the villages in this CSV, JSON or GeoJSON file instead of the bundled ones.",
)
@click.option(
    "--online", is_flag=True, help="Allow looking the --near address up online (Nominatim)."
)
@click.option("--lang", type=LANG, default="vi", show_default=True, help="Language of the table.")
@click.option(
    "--json",
    "as_json",
    is_flag=True,
    help="Print a JSON array of village records (with distance_km when --near is given).",
)
@shared_options
def list_villages(
    query: str | None,
    themes: tuple[str, ...],
    craft: str | None,
    near: str | None,
    within: float | None,
    villages_file: Path | None,
    online: bool,
    lang: str,
    as_json: bool,
) -> None:
    """List and search the villages, as a table or JSON.

    QUERY searches names and ids, with or without diacritics ("bat trang" finds "Bát
    Tràng"); filters combine. The position column says how sure each point is; `tourplan
    villages import LIST.csv --out FILE` makes a villages file from a list of villages.

    \b
    Examples:
      tourplan villages
      tourplan villages "van phuc"
      tourplan villages --theme ceramics --theme lacquer
      tourplan villages --craft silk --lang en
      tourplan villages --near hoan-kiem-lake --within 20 --json
      tourplan villages import list.csv --out villages.csv
    """
    if within is not None and near is None:
        raise click.BadParameter("needs --near PLACE to measure from", param_hint="'--within'")
    chosen_lang = cast(Lang, lang.lower())
    require_stdout()  # before any work: the list would be lost
    with library_errors({"--near": [near or ""]}):
        every = villages_from(villages_file)
        found = every
        if query is not None:
            found = found.search(query)
        if themes:
            found = found.with_theme(*(t.lower() for t in themes))
        if craft is not None:
            needle = fold(craft)
            found = found.filter(lambda v: needle in fold(f"{v.craft_vi} | {v.craft_en}"))
        distances: dict[str, float] = {}
        if near is not None:
            origin = resolve_place(place_resolver(every, online), near, "near")
            nearby = found.near(origin.lat, origin.lon, within)
            distances = {n.village.id: n.distance_km for n in nearby}
            found = Villages(n.village for n in nearby)
    if as_json:
        records = []
        for v in found:
            record = village_record(v)
            if near is not None:
                record["distance_km"] = round(distances[v.id], 2)
            records.append(record)
        with stdout_written():
            click.echo(json.dumps(records, ensure_ascii=False, indent=2))
        return
    if not found:
        hint = ""
        if query is not None:
            close = every.suggest(query)
            hint = f"; did you mean: {', '.join(close)}?" if close else ""
        note(f"No village matches{hint}")
        return
    with stdout_written():
        color = color_wanted(sys.stdout)
        table = village_table(
            found,
            chosen_lang,
            distances if near is not None else None,
            style=_terminal_style if color else None,
        )
        click.echo(table, color=color)


def _terminal_style(text: str, role: TableRole) -> str:
    """The header in bold, the count dimmed."""
    return click.style(text, bold=True) if role == "header" else click.style(text, dim=True)


from .villages_import import import_list  # noqa: E402  (a subcommand of the group above)

villages.add_command(import_list)
