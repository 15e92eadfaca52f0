"""Shared fixtures: the bundled dataset, the reference folder, builders for villages and files."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings

import tourplan
from tourplan.datasets import VILLAGE_FIELDS
from tourplan.hours import OpeningHours
from tourplan.model import Village

REFERENCE_DIR = Path("/work/shared/reference")
"""The researched reference table the bundled data is built from (present on the dev machine)."""

VILLAGE_COLUMNS: tuple[str, ...] = tuple(name for name, _ in VILLAGE_FIELDS)

# No per-example deadline: hypothesis' default (200 ms) is a timed assertion, and the machines
# the tests run on are shared and noisy (test_value_model failed at 280 ms under load, 2026-12-01).
settings.register_profile("tourplan", deadline=None)
settings.load_profile("tourplan")


@pytest.fixture(scope="session")
def hanoi() -> tourplan.Villages:
    """The bundled Hanoi dataset, loaded once per test session (it is immutable)."""
    return tourplan.load_hanoi()


@pytest.fixture(scope="session")
def reference_dir() -> Path:
    """The reference folder; tests that compare against it are skipped where it is absent."""
    if not (REFERENCE_DIR / "hanoi_craft_villages.csv").is_file():
        pytest.skip(f"reference data not available at {REFERENCE_DIR}")
    return REFERENCE_DIR


def _village_row(**overrides: Any) -> dict[str, str]:
    """One valid CSV row (all columns, as text) for a village in Hanoi; override any field."""
    row = {
        "id": "test-village",
        "name_vi": "Làng thử",
        "name_en": "Test village",
        "craft_vi": "gốm",
        "craft_en": "pottery",
        "themes": "ceramics",
        "old_district": "",
        "commune_2025": "",
        "lat": "21.0",
        "lon": "105.8",
        "coord_kind": "village",
        "coord_precision_m": "500",
        "coord_source": "test",
        "confidence": "high",
        "visit_minutes": "60",
        "visit_minutes_origin": "source",
        "opening_hours": "Mo-Su 08:00-17:00",
        "opening_hours_origin": "source",
        "hours_note": "",
        "interest": "50",
        "interest_basis": "",
        "url": "",
        "notes": "",
    }
    row.update({k: str(v) for k, v in overrides.items()})
    return row


def _csv_text(rows: Iterable[Mapping[str, str]], columns: Iterable[str] = VILLAGE_COLUMNS) -> str:
    """CSV text with a header row and one line per row (RFC 4180 quoting)."""
    columns = list(columns)
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([row.get(c, "") for c in columns])
    return out.getvalue()


@pytest.fixture
def write_csv(tmp_path: Path) -> Callable[..., Path]:
    """Write village rows to ``tmp_path / name`` as CSV and return the path."""

    def write(
        rows: Iterable[Mapping[str, str]],
        name: str = "villages.csv",
        columns: Iterable[str] = VILLAGE_COLUMNS,
    ) -> Path:
        path = tmp_path / name
        path.write_text(_csv_text(rows, columns), encoding="utf-8")
        return path

    return write


def _make_village(**overrides: Any) -> Village:
    """A valid village near Hanoi; keyword arguments override fields."""
    fields: dict[str, Any] = {
        "id": "test-village",
        "name_vi": "Làng thử",
        "name_en": "Test village",
        "lat": 21.0,
        "lon": 105.8,
        "visit_minutes": 60,
        "opening_hours": OpeningHours.parse("Mo-Su 08:00-17:00"),
        "interest": 50,
    }
    fields.update(overrides)
    return Village(**fields)


@pytest.fixture(scope="session")
def village_row() -> Callable[..., dict[str, str]]:
    """Builder of one valid CSV row as text: ``village_row(lat="95")``."""
    return _village_row


@pytest.fixture(scope="session")
def csv_text() -> Callable[..., str]:
    """Builder of CSV text from rows: ``csv_text([row, ...], columns=...)``."""
    return _csv_text


@pytest.fixture(scope="session")
def make_village() -> Callable[..., Village]:
    """Builder of a valid village: ``make_village(id="x", visit_minutes=30)``."""
    return _make_village
