"""The architecture's rules, checked: layer contracts, module sizes, one-line concerns, no words below text/."""

from __future__ import annotations

import ast
import io
import subprocess
import sys
import tokenize
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "tourplan"
MAX_LINES = 450
#: A module longer than MAX_LINES must say why in its docstring, in a sentence holding this.
SIZE_REASON = "longer than 450 lines because"
#: Packages that must never know a language: they carry codes and numbers, never prose.
LANGUAGE_FREE = ("routing", "travel", "plan", "catalogue")


def _modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "_data" not in p.parts)


def _docstring(path: Path) -> str:
    return ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) or ""


def test_layer_contracts_hold() -> None:
    """import-linter checks the contracts declared in pyproject.toml (see docs/architecture.md)."""
    lint_imports = Path(sys.executable).with_name("lint-imports")
    if not lint_imports.exists():
        pytest.fail(
            "lint-imports is not installed: install the test extra (pip install -e '.[test]')"
        )
    done = subprocess.run(
        [str(lint_imports), "--no-cache"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "0 broken" in done.stdout


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(ROOT)))
def test_module_opens_with_its_concern(path: Path) -> None:
    """Every module's docstring opens with one line that names its one concern."""
    doc = _docstring(path)
    assert doc, f"{path.relative_to(ROOT)} has no module docstring"
    first = doc.splitlines()[0]
    assert first.strip() and len(first) <= 110, f"first docstring line: {first!r}"


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(ROOT)))
def test_module_size_is_kept_or_explained(path: Path) -> None:
    """No module above 450 lines without the reason written in its docstring."""
    lines = len(path.read_text(encoding="utf-8").splitlines())
    if lines > MAX_LINES:
        assert SIZE_REASON in " ".join(_docstring(path).split()), (
            f"{path.relative_to(ROOT)} has {lines} lines (> {MAX_LINES}) and does not say why"
        )


@pytest.mark.parametrize("package", LANGUAGE_FREE)
def test_core_knows_no_language(package: str) -> None:
    """No name in the language-free packages mentions a language (``lang``, ``vi``, ``en``)."""
    found = []
    for path in sorted((PACKAGE / package).rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        for token in tokenize.generate_tokens(io.StringIO(source).readline):
            if token.type == tokenize.NAME and (
                "lang" in token.string.lower() or token.string.endswith(("_vi", "_en"))
            ):
                found.append(f"{path.relative_to(ROOT)}:{token.start[0]}: {token.string}")
    assert not found, "\n".join(found)


def test_architecture_doc_lists_every_module() -> None:
    """docs/architecture.md names each module, so a newcomer finds its one concern there."""
    doc = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    missing = [
        str(path.relative_to(PACKAGE))
        for path in _modules()
        if f"`{path.relative_to(PACKAGE).as_posix()}`" not in doc
    ]
    assert not missing, f"add these modules to docs/architecture.md: {missing}"
