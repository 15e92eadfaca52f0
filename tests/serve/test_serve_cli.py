"""``tourplan serve`` as a command, and the serve extra: optional, and missing said clearly."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from typing import Any

import pytest
from click.testing import CliRunner

import tourplan.serve
from tourplan.cli import main


def test_serve_help_lists_its_options() -> None:
    result = CliRunner().invoke(main, ["serve", "--help"])
    assert result.exit_code == 0
    for option in ("--host", "--port", "--workers", "--queue", "--max-time-limit", "--max-body"):
        assert option in result.output


@pytest.mark.parametrize(
    "args", [["--workers", "0"], ["--port", "70000"], ["--max-body", "10"], ["--queue", "-1"]]
)
def test_serve_refuses_bad_options_with_exit_2(args: list[str]) -> None:
    result = CliRunner().invoke(main, ["serve", *args])
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def test_missing_extra_is_named_at_call_time(monkeypatch: pytest.MonkeyPatch) -> None:
    real = importlib.util.find_spec

    def without_fastapi(name: str, *args: Any) -> Any:
        return None if name == "fastapi" else real(name, *args)

    monkeypatch.setattr(importlib.util, "find_spec", without_fastapi)
    with pytest.raises(ImportError, match=r"tourplan\[serve\]"):
        tourplan.serve.create_app()
    result = CliRunner().invoke(main, ["serve", "--port", "0"])
    assert result.exit_code == 1
    assert "pip install 'tourplan[serve]'" in result.output


def test_import_tourplan_does_not_import_the_web_stack() -> None:
    code = (
        "import sys, tourplan, tourplan.cli; "
        "print(sorted({'fastapi', 'uvicorn'} & set(sys.modules)))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_a_taken_port_is_one_line_and_exit_2_before_anything_starts() -> None:
    # uvicorn binds only after the solver pool has started, then logs JSON lines and exits 3
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = subprocess.run(
            [sys.executable, "-m", "tourplan.cli", "serve", "--port", str(port)],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
    assert done.returncode == 2, done.stderr
    assert done.stderr.strip().splitlines() == [
        f"Error: --port: cannot listen on 127.0.0.1:{port}: Address already in use"
    ]


def test_a_host_that_does_not_resolve_names_host(monkeypatch: pytest.MonkeyPatch) -> None:
    import socket

    from tourplan.exceptions import DataError
    from tourplan.serve.server import listening_socket

    def unknown(*args: Any, **kwargs: Any) -> Any:  # no resolver lookup in the tests
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", unknown)
    with pytest.raises(DataError, match=r"cannot listen on 'nowhere\.example'") as caught:
        listening_socket("nowhere.example", 0)
    assert caught.value.field == "host"
