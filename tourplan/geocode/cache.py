"""The on-disk cache of online geocoding answers (a JSON file under ``$XDG_CACHE_HOME``)."""

from __future__ import annotations

import json
import os
import unicodedata
import warnings
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from .._io import atomic_write_text
from ..exceptions import CacheWarning, DataError, ExportError
from .coordinates import check_number

__all__ = ["CachedLocation", "GeocodeCache", "default_cache_path"]


def default_cache_path() -> Path:
    """Where geocoding answers are cached: ``$XDG_CACHE_HOME/tourplan/geocode.json``.

    Falls back to ``~/.cache/tourplan/geocode.json`` when ``XDG_CACHE_HOME`` is unset or not
    an absolute path (as the XDG Base Directory specification asks).
    """
    base = os.environ.get("XDG_CACHE_HOME", "")
    folder = Path(base) if base and os.path.isabs(base) else Path.home() / ".cache"
    return folder / "tourplan" / "geocode.json"


@dataclass(frozen=True)
class CachedLocation:
    """One geocoding answer as stored in the cache.

    Parameters
    ----------
    lat, lon
        WGS-84 position in degrees.
    address
        The address the geocoder returned (may be empty).
    geocoder
        The geopy geocoder class that answered, e.g. ``"Nominatim"``.
    retrieved
        The day the answer was fetched.
    """

    lat: float
    lon: float
    address: str
    geocoder: str
    retrieved: date

    def __post_init__(self) -> None:
        for name, limit in (("lat", 90.0), ("lon", 180.0)):
            value = check_number(getattr(self, name), name)
            if not -limit <= value <= limit:
                raise DataError(f"{name} {value} is out of range", field=name)
        if not isinstance(self.address, str) or not isinstance(self.geocoder, str):
            raise DataError("address and geocoder must be text", field="address")
        if not isinstance(self.retrieved, date):
            raise DataError("retrieved must be a date", field="retrieved")

    def record(self) -> dict[str, Any]:
        """The entry as stored in the JSON file."""
        return {
            "lat": self.lat,
            "lon": self.lon,
            "address": self.address,
            "geocoder": self.geocoder,
            "retrieved": self.retrieved.isoformat(),
        }

    @classmethod
    def from_record(cls, record: object) -> CachedLocation:
        """Read an entry of the JSON file; raise :class:`DataError` when it is malformed."""
        if not isinstance(record, dict):
            raise DataError(f"an entry must be an object, got {record!r}")
        try:
            retrieved = date.fromisoformat(str(record["retrieved"]))
            return cls(
                lat=record["lat"],
                lon=record["lon"],
                address=record.get("address", ""),
                geocoder=record.get("geocoder", ""),
                retrieved=retrieved,
            )
        except KeyError as exc:
            raise DataError(f"an entry lacks {exc}") from None
        except ValueError as exc:  # includes DataError and a bad date
            raise DataError(str(exc)) from None


class GeocodeCache:
    """Online geocoding answers kept in a JSON file: normalised query → :class:`CachedLocation`.

    The file is read on first use and rewritten atomically after each new answer. A corrupt
    file is ignored with a :class:`~tourplan.exceptions.CacheWarning` and overwritten by the
    next write; a file that cannot be written only warns. Failed lookups are not cached.

    Parameters
    ----------
    path
        The JSON file; None means :func:`default_cache_path`. Its folder is created on the
        first write.
    """

    def __init__(self, path: str | os.PathLike[str] | None = None) -> None:
        self.path = Path(path) if path is not None else default_cache_path()
        self._entries: dict[str, CachedLocation] | None = None

    @staticmethod
    def key(query: str) -> str:
        """The cache key of a query: NFC, case-folded, whitespace collapsed; diacritics kept.

        Examples
        --------
        >>> GeocodeCache.key("  12  Hàng BẠC ")
        '12 hàng bạc'
        """
        return " ".join(unicodedata.normalize("NFC", query).casefold().split())

    def get(self, query: str) -> CachedLocation | None:
        """The cached answer for ``query``, or None."""
        return self._load().get(self.key(query))

    def put(self, query: str, location: CachedLocation) -> None:
        """Remember ``location`` as the answer for ``query`` and rewrite the file."""
        entries = self._load()
        entries[self.key(query)] = location
        text = json.dumps(
            {key: entries[key].record() for key in sorted(entries)}, ensure_ascii=False, indent=2
        )
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write_text(self.path, text + "\n")
        except (OSError, ExportError) as exc:
            warnings.warn(
                f"cannot write the geocoding cache {self.path}: {exc}; answers are not cached",
                CacheWarning,
                stacklevel=2,
            )

    def __len__(self) -> int:
        return len(self._load())

    def __contains__(self, query: object) -> bool:
        return isinstance(query, str) and self.key(query) in self._load()

    def __repr__(self) -> str:
        return f"GeocodeCache({str(self.path)!r})"

    def _load(self) -> dict[str, CachedLocation]:
        if self._entries is None:
            self._entries = self._read()
        return self._entries

    def _read(self) -> dict[str, CachedLocation]:
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
        except (FileNotFoundError, NotADirectoryError):
            return {}  # nothing cached yet (a folder that cannot be created warns on write)
        except OSError as exc:
            self._warn(f"cannot read the geocoding cache {self.path}: {exc.strerror or exc}")
            return {}
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            self._warn_corrupt(str(exc))
            return {}
        if not isinstance(raw, dict):
            self._warn_corrupt("it is not a JSON object")
            return {}
        entries: dict[str, CachedLocation] = {}
        bad: list[str] = []
        for key, record in raw.items():
            try:
                entries[self.key(key)] = CachedLocation.from_record(record)
            except DataError as exc:
                bad.append(f"{key!r} ({exc})")
        if bad:
            self._warn_corrupt(f"{len(bad)} malformed entries, e.g. {bad[0]}")
        return entries

    def _warn_corrupt(self, reason: str) -> None:
        self._warn(
            f"ignoring the corrupt geocoding cache {self.path}: {reason}; "
            "it will be rewritten on the next online lookup"
        )

    @staticmethod
    def _warn(message: str) -> None:
        warnings.warn(message, CacheWarning, stacklevel=2)
