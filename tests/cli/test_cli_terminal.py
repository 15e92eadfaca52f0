"""Terminal behaviour of the CLI: the progress line, encodings, --version and --help."""

from __future__ import annotations

import io
import time

import pytest
from click.testing import CliRunner

import tourplan
from tourplan.cli import main
from tourplan.cli.terminal import Progress, utf8_args


class Terminal(io.StringIO):
    """A text stream that says it is a terminal."""

    encoding = "utf-8"

    def isatty(self) -> bool:
        return True


def test_progress_waits_for_its_delay_then_spins_and_is_erased() -> None:
    stream = Terminal()
    with Progress("Planning 1 day", stream, enabled=True, delay=0.1):
        time.sleep(0.5)
    text = stream.getvalue()
    assert text.startswith("\r⠙ Planning 1 day …")
    assert text.count("\r") >= 3  # it turned
    assert text.endswith("\r\x1b[K")


def test_quick_work_shows_no_progress() -> None:
    stream = Terminal()
    with Progress("Planning 1 day", stream, enabled=True, delay=0.5):
        pass
    assert stream.getvalue() == ""


def test_progress_with_no_delay_is_drawn_at_once() -> None:
    # OR-Tools keeps the GIL while it searches: the first frame cannot wait for a timer
    stream = Terminal()
    with Progress("Planning 1 day", stream, enabled=True, delay=0):
        assert stream.getvalue() == "\r⠋ Planning 1 day …"
    assert stream.getvalue().endswith("\r\x1b[K")


def test_disabled_progress_draws_nothing() -> None:
    stream = Terminal()
    with Progress("Planning", stream, enabled=False, delay=0):
        time.sleep(0.2)
    assert stream.getvalue() == ""


def test_ascii_terminals_get_an_ascii_spinner() -> None:
    stream = Terminal()
    stream.encoding = "ascii"  # type: ignore[misc]
    with Progress("Planning", stream, enabled=True, delay=0):
        pass
    assert stream.getvalue().startswith("\r| Planning")


def test_output_is_utf8_even_on_an_ascii_stream() -> None:
    result = CliRunner(charset="ascii").invoke(main, ["villages", "Bát Tràng"])
    assert result.exit_code == 0
    assert "Làng gốm Bát Tràng" in result.stdout_bytes.decode("utf-8")


@pytest.mark.parametrize("text", ["Bát Tràng", "Hồ Gươm", "plain"])
def test_arguments_decoded_as_ascii_by_a_c_locale_are_repaired(text: str) -> None:
    as_c_locale = text.encode("utf-8").decode("ascii", "surrogateescape")
    assert utf8_args(["--must", as_c_locale]) == ["--must", text]


def test_version() -> None:
    result = CliRunner().invoke(main, ["--version"])
    assert result.exit_code == 0
    assert result.stdout == f"tourplan, version {tourplan.__version__}\n"
    assert CliRunner().invoke(main, ["-V"]).stdout == result.stdout


def test_bare_command_shows_help() -> None:
    result = CliRunner().invoke(main, [])
    assert result.exit_code == 0
    assert result.stdout.startswith("Usage: tourplan [OPTIONS] [COMMAND] [ARGS]...")
    commands = {
        line.split()[0]: line
        for line in result.stdout.splitlines()
        if line.startswith("  ") and line.split()[:1] in (["route"], ["villages"], ["catalogue"])
    }
    assert "Plan a trip" in commands["route"]
    assert "List and search the villages" in commands["villages"]
    assert "catalogue" in commands
    assert "Exit codes: 0 success, 1 infeasible request" in result.stdout


def test_route_help_names_every_option() -> None:
    result = CliRunner().invoke(main, ["route", "-h"])
    assert result.exit_code == 0
    options = (
        "--start", "--end", "--date", "--days", "--day-start", "--day-end", "--mode", "--lunch",
        "--must", "--avoid", "--theme", "--theme-bonus", "--max-stops", "--pace", "--holiday",
        "--villages", "--road-graph", "--online", "--time-limit", "--deterministic", "--lang",
        "--ics", "--json", "--geojson", "--legs / --no-legs", "-q, --quiet", "--debug",
    )  # fmt: skip
    for option in options:
        assert f"  {option}" in result.stdout, option
    assert "Default: the next Saturday after today" in result.stdout
    assert "[default: hoan-kiem-lake]" in result.stdout


def test_unknown_command() -> None:
    result = CliRunner().invoke(main, ["rout"])
    assert result.exit_code == 2
    assert "No such command 'rout'" in result.stderr
