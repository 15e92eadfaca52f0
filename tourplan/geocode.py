"""Turning what a user types into a place: bundled names first, online geocoding only if allowed.

A trip's start or end may be given as a known place id or name (the bundled start points and
villages, with or without diacritics), as ``lat,lon``, or as an address. :class:`PlaceResolver`
tries, in order:

1. a :class:`~tourplan.model.Place` (returned as is) or a ``(lat, lon)`` pair / ``"lat,lon"`` text;
2. the offline :class:`Gazetteer` of bundled places;
3. the on-disk :class:`GeocodeCache` of earlier online answers;
4. an online geopy geocoder (Nominatim by default), only when ``allow_network=True``.

Online lookups follow Nominatim's usage policy: an identifying User-Agent
(:data:`DEFAULT_USER_AGENT`), at most one request a second (geopy's ``RateLimiter``), and
answers cached on disk. Results outside Vietnam are refused.

Examples
--------
>>> resolver = PlaceResolver()
>>> resolver.resolve("Bat Trang").id
'bat-trang'
>>> resolver.resolve("Hồ Hoàn Kiếm").id
'hoan-kiem-lake'
>>> resolver.resolve("21.0285, 105.8542").id
'point-21_02850-105_85420'
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import re
import unicodedata
import warnings
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ._io import atomic_write_text
from .datasets import VIETNAM_BOUNDS, Bounds, load_hanoi, load_start_points
from .exceptions import CacheWarning, DataError, ExportError, GeocodingError, UnknownPlaceError
from .model import Place, Village
from .names import NameIndex, fold

if TYPE_CHECKING:
    from geopy.extra.rate_limiter import RateLimiter
    from geopy.geocoders.base import Geocoder

__all__ = [
    "DEFAULT_USER_AGENT",
    "CachedLocation",
    "Gazetteer",
    "GeocodeCache",
    "PlaceResolver",
    "default_cache_path",
    "parse_lat_lon",
]

PROJECT_URL = "https://github.com/tourplan/tourplan"


def _tourplan_version() -> str:
    try:
        return version("tourplan")
    except PackageNotFoundError:  # a checkout that was never installed
        from ._version import __version__

        return __version__


DEFAULT_USER_AGENT = f"tourplan/{_tourplan_version()} ({PROJECT_URL})"
"""The User-Agent of the default Nominatim geocoder: names the application, as Nominatim's
usage policy requires (geopy's own default is refused by the public server)."""

PUBLIC_NOMINATIM = "nominatim.openstreetmap.org"
NOMINATIM_ATTRIBUTION = "Data © OpenStreetMap contributors, ODbL 1.0"
_ERROR_WAIT_SECONDS = 5.0  # geopy's default pause before retrying a failed request
_MAX_RETRIES = 2


# -- the offline gazetteer -------------------------------------------------------------------


def _as_place(item: Place | Village) -> Place:
    if isinstance(item, Place):
        return item
    if isinstance(item, Village):
        return Place(
            id=item.id,
            name=item.name_vi,
            lat=item.lat,
            lon=item.lon,
            name_en=item.name_en,
            coord_kind=item.coord_kind,
            coord_precision_m=item.coord_precision_m,
            coord_source=item.coord_source,
        )
    raise DataError(f"a gazetteer holds places or villages, got {item!r}", field="places")


class Gazetteer:
    """Known places, found offline by id or by name (with or without diacritics, or English).

    Parameters
    ----------
    places
        The places to know; villages are turned into :class:`~tourplan.model.Place` values
        with the village's id, names, position and coordinate fields.

    Raises
    ------
    DataError
        When two places share an id.

    Examples
    --------
    >>> gazetteer = Gazetteer.bundled()
    >>> gazetteer.find("hoan kiem lake").name
    'Hồ Hoàn Kiếm (Hồ Gươm)'
    >>> gazetteer.find("Bát Tràng").coord_kind
    'village'
    >>> gazetteer.find("12 Hàng Bạc") is None
    True
    """

    def __init__(self, places: Iterable[Place | Village]) -> None:
        self._places = tuple(_as_place(p) for p in places)
        self._by_id: dict[str, Place] = {}
        for place in self._places:
            if place.id in self._by_id:
                raise DataError(f"duplicate place id {place.id!r} in the gazetteer", field="id")
            self._by_id[place.id] = place
        self._index = NameIndex(self._places, lambda p: p.id, lambda p: (p.name, p.name_en))

    @classmethod
    def bundled(cls, villages: Iterable[Village] | None = None) -> Gazetteer:
        """The bundled start points followed by ``villages`` (default: the bundled Hanoi ones).

        Parameters
        ----------
        villages
            The villages a trip is planned over, e.g. a filtered or custom set; None means
            :func:`~tourplan.datasets.load_hanoi`.
        """
        return cls((*load_start_points(), *(load_hanoi() if villages is None else villages)))

    @property
    def places(self) -> tuple[Place, ...]:
        """The known places, in order."""
        return self._places

    def find(self, query: str) -> Place | None:
        """The one place ``query`` names, or None when no place matches.

        Raises
        ------
        UnknownPlaceError
            When several places match equally well (``ambiguous=True``; ``candidates`` lists
            their ids).
        """
        matches = self._index.search(query)
        if len(matches) > 1:
            raise UnknownPlaceError(query.strip(), [p.id for p in matches], ambiguous=True)
        return matches[0] if matches else None

    def get(self, query: str) -> Place:
        """Like :meth:`find`, but raise :class:`UnknownPlaceError` (with suggestions) if none."""
        return self._index.get(query)

    def suggest(self, query: str, limit: int = 5) -> list[str]:
        """Ids of places whose names are close to ``query`` (for "did you mean" messages)."""
        return self._index.suggest(query, limit)

    def __len__(self) -> int:
        return len(self._places)

    def __iter__(self) -> Iterator[Place]:
        return iter(self._places)

    def __contains__(self, item: object) -> bool:
        if isinstance(item, str):
            return item in self._by_id
        return item in self._places

    def __repr__(self) -> str:
        return f"Gazetteer({len(self)} places)"


# -- coordinates typed by the user -----------------------------------------------------------

_NUMBER = r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)"
_LAT_LON = re.compile(rf"^\s*({_NUMBER})\s*(?:,\s*|\s+)({_NUMBER})\s*$")


def parse_lat_lon(text: str) -> tuple[float, float] | None:
    """Read ``"lat,lon"``, ``"lat, lon"`` or ``"lat lon"`` (decimal degrees, latitude first).

    Returns
    -------
    tuple of float or None
        ``(lat, lon)``, or None when ``text`` is not a pair of numbers.

    Raises
    ------
    DataError
        When the numbers are out of range (naming the field ``lat`` or ``lon``).

    Examples
    --------
    >>> parse_lat_lon("21.0285,105.8542")
    (21.0285, 105.8542)
    >>> parse_lat_lon("21.0285 105.8542")
    (21.0285, 105.8542)
    >>> parse_lat_lon("12 Hàng Bạc") is None
    True
    >>> parse_lat_lon("105.8542, 21.0285")
    Traceback (most recent call last):
    ...
    tourplan.exceptions.DataError: field 'lat': lat 105.8542 is out of range (-90 to 90 degrees); \
write the latitude first ('lat,lon')
    """
    match = _LAT_LON.match(text)
    if match is None:
        return None
    lat, lon = float(match.group(1)), float(match.group(2))
    if not -90.0 <= lat <= 90.0:
        hint = "; write the latitude first ('lat,lon')" if -90.0 <= lon <= 90.0 else ""
        raise DataError(f"lat {lat} is out of range (-90 to 90 degrees){hint}", field="lat")
    if not -180.0 <= lon <= 180.0:
        raise DataError(f"lon {lon} is out of range (-180 to 180 degrees)", field="lon")
    return lat, lon


def _number(value: object, name: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise DataError(f"{name} must be a number, got {value!r}", field=name)
    if not math.isfinite(value):
        raise DataError(f"{name} must be a finite number, got {value!r}", field=name)
    return float(value)


def _degrees(value: float) -> str:
    """A coordinate for display: up to 5 decimals (about 1 m), no trailing zeros."""
    return f"{value:.5f}".rstrip("0").rstrip(".")


def _coord_slug(value: float) -> str:
    return ("m" if value < 0 else "") + f"{abs(value):.5f}".replace(".", "_")


# -- the disk cache --------------------------------------------------------------------------


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
            value = _number(getattr(self, name), name)
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


# -- the resolver chain ----------------------------------------------------------------------


def _is_nominatim(geocoder: object) -> bool:
    from geopy.geocoders import Nominatim

    return isinstance(geocoder, Nominatim)


def _geocoded_id(query: str) -> str:
    slug = "-".join(fold(query).split())[:60].rstrip("-")
    if not slug:  # nothing Latin in the query: name it by a hash instead
        slug = hashlib.sha1(GeocodeCache.key(query).encode("utf-8")).hexdigest()[:12]
    return f"geocoded-{slug}"


class PlaceResolver:
    """Turn a place id or name, ``lat,lon`` or an address into a :class:`~tourplan.model.Place`.

    Offline sources answer first (see the module docstring); the online geocoder is used only
    when ``allow_network`` is true and nothing offline matches.

    Parameters
    ----------
    gazetteer
        The known places; None means :meth:`Gazetteer.bundled` (loaded on first use).
    geocoder
        Any geopy geocoder (an object with ``geocode(query, exactly_one=..., timeout=...)``);
        None means ``Nominatim(user_agent=DEFAULT_USER_AGENT)``, created on first use.
    allow_network
        Whether the online geocoder may be called.
    cache_path
        The JSON file of cached online answers; None means :func:`default_cache_path`.
    use_cache
        False to neither read nor write the cache.
    bounds
        Positions outside this box are refused (default: Vietnam).
    min_delay_seconds
        Least time between two online requests; at least 1 second for the public Nominatim
        server (its usage policy).
    timeout
        Seconds to wait for one online answer.
    user_agent
        User-Agent of the default Nominatim geocoder (add contact details if you have them);
        None means :data:`DEFAULT_USER_AGENT`.

    Raises
    ------
    DataError
        When a parameter is invalid, e.g. ``min_delay_seconds < 1`` for the public Nominatim.

    Examples
    --------
    >>> PlaceResolver(use_cache=False).resolve("12 Hàng Bạc, Hoàn Kiếm")
    Traceback (most recent call last):
    ...
    tourplan.exceptions.UnknownPlaceError: no place matches '12 Hàng Bạc, Hoàn Kiếm'. Network \
geocoding is off: pass allow_network=True (CLI: --online) to look addresses up online
    """

    def __init__(
        self,
        gazetteer: Gazetteer | None = None,
        geocoder: Geocoder | None = None,
        *,
        allow_network: bool = False,
        cache_path: str | os.PathLike[str] | None = None,
        use_cache: bool = True,
        bounds: Bounds = VIETNAM_BOUNDS,
        min_delay_seconds: float = 1.0,
        timeout: float = 10.0,
        user_agent: str | None = None,
    ) -> None:
        if gazetteer is not None and not isinstance(gazetteer, Gazetteer):
            raise DataError(f"gazetteer must be a Gazetteer, got {gazetteer!r}", field="gazetteer")
        if geocoder is not None and not callable(getattr(geocoder, "geocode", None)):
            raise DataError(
                f"geocoder must be a geopy geocoder (with a geocode method), got {geocoder!r}",
                field="geocoder",
            )
        if geocoder is not None and user_agent is not None:
            raise DataError(
                "user_agent applies to the default Nominatim geocoder only; "
                "set it on your own geocoder instead",
                field="user_agent",
            )
        if not isinstance(allow_network, bool):
            raise DataError(f"allow_network must be True or False, got {allow_network!r}")
        delay = _number(min_delay_seconds, "min_delay_seconds")
        if delay < 0:
            raise DataError("min_delay_seconds must not be negative", field="min_delay_seconds")
        public = geocoder is None or (
            _is_nominatim(geocoder) and getattr(geocoder, "domain", "") == PUBLIC_NOMINATIM
        )
        if public and delay < 1.0:
            raise DataError(
                f"min_delay_seconds must be at least 1 for the public Nominatim server "
                f"({PUBLIC_NOMINATIM} allows at most one request a second), got {delay:g}",
                field="min_delay_seconds",
            )
        if _number(timeout, "timeout") <= 0:
            raise DataError("timeout must be positive", field="timeout")
        if user_agent is not None and not user_agent.strip():
            raise DataError("user_agent must not be empty", field="user_agent")
        self._gazetteer = gazetteer
        self._geocoder = geocoder
        self._rate_limiter: RateLimiter | None = None
        self.allow_network = allow_network
        self.cache = GeocodeCache(cache_path) if use_cache else None
        self.bounds = bounds
        self.min_delay_seconds = delay
        self.timeout = float(timeout)
        self.user_agent = user_agent or DEFAULT_USER_AGENT

    @property
    def gazetteer(self) -> Gazetteer:
        """The offline gazetteer (the bundled one is loaded on first access)."""
        if self._gazetteer is None:
            self._gazetteer = Gazetteer.bundled()
        return self._gazetteer

    @property
    def geocoder(self) -> Geocoder:
        """The online geocoder (the default Nominatim is created on first access, offline)."""
        if self._geocoder is None:
            from geopy.geocoders import Nominatim

            self._geocoder = Nominatim(user_agent=self.user_agent, timeout=self.timeout)
        return self._geocoder

    @property
    def rate_limiter(self) -> RateLimiter:
        """``geocoder.geocode`` wrapped in geopy's ``RateLimiter`` (``min_delay_seconds`` apart,
        up to 2 retries on service errors, errors re-raised)."""
        if self._rate_limiter is None:
            from geopy.extra.rate_limiter import RateLimiter

            self._rate_limiter = RateLimiter(
                self.geocoder.geocode,
                min_delay_seconds=self.min_delay_seconds,
                max_retries=_MAX_RETRIES,
                error_wait_seconds=max(_ERROR_WAIT_SECONDS, self.min_delay_seconds),
                swallow_exceptions=False,
            )
        return self._rate_limiter

    def resolve(self, query: str | Place | tuple[float, float]) -> Place:
        """The place ``query`` stands for.

        Parameters
        ----------
        query
            A :class:`~tourplan.model.Place` (returned unchanged); a ``(lat, lon)`` pair or
            ``"lat,lon"`` text (a ``coord_kind="user"`` place with id ``point-<lat>-<lon>``);
            a known place id or name; or an address (geocoded online, if allowed, into a
            ``coord_kind="address"`` place with id ``geocoded-<query>``).

        Raises
        ------
        DataError
            When coordinates are malformed, out of range or outside ``bounds``, or the query
            is empty.
        UnknownPlaceError
            When a name is ambiguous among known places, or nothing offline matches and
            network access is off.
        GeocodingError
            When the online geocoder finds nothing, fails, or answers outside ``bounds``.
        """
        if isinstance(query, Place):
            return query
        if isinstance(query, tuple):
            if len(query) != 2:
                raise DataError(f"a position is a (lat, lon) pair, got {query!r}", field="place")
            return self._point(query[0], query[1])
        if not isinstance(query, str):
            raise DataError(
                f"a place is a name or id, 'lat,lon', an address or a Place; got {query!r}",
                field="place",
            )
        text = query.strip()
        if not text:
            raise DataError(
                "the place is empty: give a place id or name, 'lat,lon' or an address",
                field="place",
            )
        position = parse_lat_lon(text)
        if position is not None:
            return self._point(*position)
        known = self.gazetteer.find(text)
        if known is not None:
            return known
        cached = self.cache.get(text) if self.cache is not None else None
        if cached is not None:
            return self._geocoded(text, cached)
        if not self.allow_network:
            error = UnknownPlaceError(text, self.gazetteer.suggest(text))
            separator = " " if error.args[0].endswith("?") else ". "
            error.args = (
                f"{error.args[0]}{separator}Network geocoding is off: pass allow_network=True "
                "(CLI: --online) to look addresses up online",
            )
            raise error
        return self._geocode_online(text)

    def _point(self, lat: object, lon: object) -> Place:
        lat_, lon_ = _number(lat, "lat"), _number(lon, "lon")
        if not self.bounds.contains(lat_, lon_):
            hint = (
                "; the numbers look swapped (write the latitude first: 'lat,lon')"
                if self.bounds.contains(lon_, lat_)
                else "; tourplan plans trips in Vietnam"
            )
            raise DataError(
                f"position {_degrees(lat_)}, {_degrees(lon_)} is outside {self.bounds.name}{hint}",
                field="place",
            )
        return Place(
            id=f"point-{_coord_slug(lat_)}-{_coord_slug(lon_)}",
            name=f"{_degrees(lat_)}, {_degrees(lon_)}",
            lat=lat_,
            lon=lon_,
            coord_kind="user",
            coord_source="given as coordinates",
        )

    def _geocoded(self, query: str, found: CachedLocation) -> Place:
        if not self.bounds.contains(found.lat, found.lon):
            where = f"{_degrees(found.lat)}, {_degrees(found.lon)}"
            if found.address:
                where += f": {found.address}"
            raise GeocodingError(
                f"'{query}' is outside {self.bounds.name} ({where}); "
                "tourplan plans trips in Vietnam"
            )
        notes = f"geocoded by {found.geocoder} on {found.retrieved.isoformat()}"
        if found.geocoder == "Nominatim":
            notes += f"; {NOMINATIM_ATTRIBUTION}"
        return Place(
            id=_geocoded_id(query),
            name=found.address.strip() or query,
            lat=found.lat,
            lon=found.lon,
            coord_kind="address",
            coord_source=found.geocoder,
            notes=notes,
        )

    def _geocode_online(self, query: str) -> Place:
        from geopy.exc import GeopyError

        geocoder = self.geocoder
        name = type(geocoder).__name__
        options: dict[str, Any] = {"exactly_one": True, "timeout": self.timeout}
        if _is_nominatim(geocoder):
            options["country_codes"] = "vn"
        try:
            result = self.rate_limiter(query, **options)
        except GeopyError as exc:
            raise GeocodingError(f"geocoding '{query}' with {name} failed: {exc}") from exc
        if isinstance(result, list):
            result = result[0] if result else None
        if result is None:
            message = f"{name} found no place for '{query}'"
            suggestions = self.gazetteer.suggest(query)
            if suggestions:
                message += f"; did you mean: {', '.join(suggestions)}?"
            raise GeocodingError(message)
        found = CachedLocation(
            lat=float(result.latitude),
            lon=float(result.longitude),
            address=str(result.address or ""),
            geocoder=name,
            retrieved=date.today(),
        )
        place = self._geocoded(query, found)  # refuses places outside the bounds
        if self.cache is not None:
            self.cache.put(query, found)
        return place
