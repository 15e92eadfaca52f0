"""Catalogues shared by the catalogue tests: planned once per module, in deterministic mode."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest

import tourplan
from tourplan import plan_catalogue
from tourplan.catalogue import Catalogue, CatalogueRequest
from tourplan.model import Village
from tourplan.routing import SearchParameters

SATURDAY = dt.date(2026, 12, 5)
MONDAY = dt.date(2026, 12, 7)
DETERMINISTIC = SearchParameters(deterministic=True, iteration_limit=1000)
"""A fixed, modest amount of search: well under a second for ten routes over the bundled data."""


def _plan(villages: tourplan.Villages | None = None, **fields: Any) -> Catalogue:
    fields.setdefault("date", SATURDAY)
    return plan_catalogue(CatalogueRequest(**fields), villages, search=DETERMINISTIC)


@pytest.fixture(scope="session")
def plan() -> Callable[..., Catalogue]:
    """Plan a deterministic catalogue: ``plan(villages=None, routes=4, ...)``; the date
    defaults to Saturday 5 December 2026."""
    return _plan


@pytest.fixture(scope="session")
def ten_routes() -> Catalogue:
    """Ten routes over the bundled villages, at most one route per village."""
    return _plan(routes=10)


@pytest.fixture(scope="session")
def eight_villages(make_village: Callable[..., Village]) -> tourplan.Villages:
    """Eight villages open every day within a few kilometres of Hoàn Kiếm Lake."""
    crafts = [
        ("gốm", "pottery", ("ceramics",)),
        ("dệt lụa", "silk weaving", ("textiles",)),
        ("sơn mài", "lacquerware", ("lacquer",)),
        ("làm bún", "rice noodles", ("food",)),
    ]
    villages = []
    for i in range(8):
        craft_vi, craft_en, themes = crafts[i % 4]
        villages.append(
            make_village(
                id=f"lang-{i + 1}",
                name_vi=f"Làng thử {i + 1}",
                name_en=f"Test village {i + 1}",
                lat=21.028778 + 0.01 * (i % 4 - 1.5),
                lon=105.852248 + 0.012 * (i // 4 - 0.5),
                craft_vi=craft_vi,
                craft_en=craft_en,
                themes=themes,
                interest=40 + 5 * i,
            )
        )
    return tourplan.Villages(villages)
