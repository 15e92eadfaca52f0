"""What a planner's review of the catalogue found (2026-12-02).

- Without ``--deterministic`` the catalogue differed from run to run (a 10 s search), and so
  did its route ids, which docs/catalogue.md promises stable: it is now reproducible by default,
  as ``tourplan route`` is, unless ``--time-limit`` asks for a timed search.
- With ``--max-per-village 2`` two routes could visit the same villages, with one id and one
  name (their calendar UIDs collided): one is kept, and a note says how many were dropped.
- "textiles" was "dệt lụa" (silk weaving) in Vietnamese route names, for tailoring and nets too;
  English said "1 stops".
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from click.testing import CliRunner

import tourplan
from tourplan.api import plan_catalogue
from tourplan.catalogue import CatalogueRequest
from tourplan.cli import main
from tourplan.hours import OpeningHours
from tourplan.text.catalogue import catalogue_summary, note_text

SATURDAY = "2026-12-05"


def test_the_default_catalogue_is_the_same_twice(tmp_path: Path) -> None:
    ids = []
    for name in ("a", "b"):
        out = tmp_path / name
        args = ["catalogue", "--routes", "3", "--date", SATURDAY, "--out", str(out), "-q"]
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 0, result.output
        data = json.loads((out / "catalogue.json").read_text("utf-8"))
        ids.append([route["id"] for route in data["routes"]])
    assert ids[0] == ids[1] and ids[0]


def _twins() -> tourplan.Villages:
    hours = OpeningHours.parse("Mo-Su 08:00-17:00")
    return tourplan.Villages(
        tourplan.Village(f"v{i}", f"Làng {i}", f"Village {i}", 21.04 + 0.01 * i, 105.87, 60,
                         hours, 50, themes=("textiles",))
        for i in range(2)
    )  # fmt: skip


def test_two_routes_of_the_same_villages_are_one() -> None:
    request = CatalogueRequest(
        date=dt.date(2026, 12, 5), hub="hoan-kiem-lake", routes=2, max_routes_per_village=2,
        min_stops=1,
    )  # fmt: skip
    search = tourplan.SearchParameters(deterministic=True)
    catalogue = plan_catalogue(request, _twins(), search=search)
    sets = [frozenset(route.village_ids) for route in catalogue.routes]
    assert len(sets) == len(set(sets))
    assert len({route.id for route in catalogue.routes}) == len(catalogue.routes)
    (note,) = [n for n in catalogue.notes if n.kind == "same_routes"]
    assert note.dropped == 2 - len(catalogue.routes) == 1
    assert note_text(note, "en") == "1 route visiting the same villages as another was dropped"
    summary = catalogue_summary(catalogue, "en", 1.0)
    assert " 2 stops," in summary and " 2 stopss" not in summary
    vi = catalogue_summary(catalogue, "vi", 1.0)
    assert "dệt may" in vi.lower() and "dệt lụa" not in vi.lower()
