"""The planning layers hold no words: no ``lang``, no text/export/cli imports, no file loading."""

from __future__ import annotations

import ast
import dataclasses
import inspect
from pathlib import Path

import pytest

import tourplan
from tourplan import plan as plan_package
from tourplan.catalogue import Catalogue, CatalogueNote, Route
from tourplan.plan import Itinerary, LeftOut, plan_trip

PACKAGES = [Path(plan_package.__file__).parent, Path(tourplan.catalogue.__file__).parent]
MODULES = sorted(p for folder in PACKAGES for p in folder.glob("*.py"))


@pytest.mark.parametrize("path", MODULES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_plan_and_catalogue_never_import_words_or_entry_points(path: Path) -> None:
    tree = ast.parse(path.read_text("utf-8"))
    imported = [
        node.module or ""
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.level > 0
    ]
    assert not [m for m in imported if m.split(".")[0] in {"text", "export", "cli", "api"}]
    assert "load_hanoi" not in path.read_text("utf-8")
    assert "lang" not in {node.arg for node in ast.walk(tree) if isinstance(node, ast.arg)}, (
        "planning functions take no language"
    )


@pytest.mark.parametrize("value", [Itinerary, LeftOut, Route, Catalogue, CatalogueNote])
def test_values_carry_no_language_and_no_prose(value: type) -> None:
    names = {f.name for f in dataclasses.fields(value)}
    assert not names & {"lang", "explanation", "name_vi", "name_en", "description_vi"}


def test_plan_trip_takes_no_language() -> None:
    # Regression: plan_trip(lang="fr") was accepted silently.
    assert "lang" not in inspect.signature(tourplan.plan_trip).parameters
    assert "lang" not in inspect.signature(plan_trip).parameters
    with pytest.raises(TypeError):
        tourplan.plan_trip(None, lang="fr")  # type: ignore[arg-type, call-arg]


def test_docstrings_state_the_real_default_search() -> None:
    from tourplan.catalogue import planning
    from tourplan.plan import trip
    from tourplan.routing import SearchParameters

    assert SearchParameters().time_limit == 10.0
    assert trip.DEFAULT_TIME_LIMIT == 5.0 and "5 s" in (plan_trip.__doc__ or "")
    assert "5 s" in (tourplan.plan_trip.__doc__ or "")
    assert planning.DEFAULT_TIME_LIMIT == 10.0
    assert "10 s" in (tourplan.plan_catalogue.__doc__ or "")
    assert "10 s" in (planning.plan_catalogue.__doc__ or "")
