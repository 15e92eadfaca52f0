"""Fixtures for the geocoding tests: no real network, no real cache, the bundled gazetteer."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from geopy.geocoders.base import Geocoder

from tourplan.geocode import Gazetteer


@pytest.fixture(autouse=True)
def private_cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The default cache location points into tmp_path, never at the user's real cache."""
    home = tmp_path / "xdg-cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(home))
    return home


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.bundled()


@pytest.fixture
def cache_file(tmp_path: Path) -> Path:
    return tmp_path / "cache" / "geocode.json"


@pytest.fixture(autouse=True)
def _no_real_requests(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Belt and braces: any HTTP request from geopy fails the test."""

    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("a test tried to reach the network")

    monkeypatch.setattr(Geocoder, "_call_geocoder", refuse)
    yield
