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
