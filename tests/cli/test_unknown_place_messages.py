"""Unknown places and usage errors in the command line's own terms, on one line.

Found on 2026-12-05 by review, through the installed console script: an unknown place took
two lines and told CLI users to ``pass allow_network=True`` (the library's words), and the
usage errors of ``tourplan villages`` sent to ``tourplan villages list --help``, a command
the help does not list.
"""

from __future__ import annotations

import subprocess

import pytest

from .test_request_places import CATALOGUE, ROUTE, SCRIPT, _refused


def test_an_unknown_start_is_one_line_in_the_command_line_s_terms() -> None:
    line = _refused(*ROUTE, "--start", "nowhere-xyz")
    assert line.startswith("Error: --start: no place matches 'nowhere-xyz'")
    assert "--online" in line and "tourplan villages" in line
    assert "allow_network" not in line


def test_an_unknown_hub_does_not_suggest_an_option_the_catalogue_lacks() -> None:
    line = _refused(*CATALOGUE, "--hub", "nowhere-xyz")
    assert line.startswith("Error: --hub: no place matches 'nowhere-xyz'")
    assert "online" not in line and "allow_network" not in line


@pytest.mark.parametrize("args", [("--within", "3"), ("--bogus",), ("list", "--bogus")])
def test_villages_usage_errors_send_to_its_listed_help(args: tuple[str, ...]) -> None:
    if not SCRIPT.is_file():
        pytest.skip(f"the console script is not installed at {SCRIPT} (pip install -e .)")
    done = subprocess.run(
        [str(SCRIPT), "villages", *args], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 2
    assert done.stderr.splitlines()[-1] == "  Try 'tourplan villages --help' for help."
