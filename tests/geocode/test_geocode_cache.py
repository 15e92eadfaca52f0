"""The geocoding cache on its own: where it lives and what it stores."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tourplan.geocode import CachedLocation, GeocodeCache, default_cache_path


def test_default_cache_path_without_xdg_cache_home(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.delenv("XDG_CACHE_HOME")
    assert default_cache_path() == tmp_path / ".cache" / "tourplan" / "geocode.json"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/path")  # the XDG spec says: ignore it
    assert default_cache_path() == tmp_path / ".cache" / "tourplan" / "geocode.json"


def test_geocode_cache_round_trip(cache_file: Path) -> None:
    cache = GeocodeCache(cache_file)
    entry = CachedLocation(21.03, 105.85, "Hà Nội", "Nominatim", date(2025, 1, 2))
    assert cache.get("Hà Nội") is None
    cache.put("Hà Nội", entry)
    reread = GeocodeCache(cache_file)
    assert reread.get("HÀ NỘI ") == entry
    assert "hà nội" in reread
    assert "ha noi" not in reread  # diacritics are kept in keys: they tell places apart
    assert len(reread) == 1
