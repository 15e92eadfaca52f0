"""The place resolver: what a user types to a Place; bundled names first, online only if allowed.

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
import os
from datetime import date
from typing import TYPE_CHECKING, Any

from .._version import __version__
from ..exceptions import DataError, GeocoderUnreachableError, GeocodingError, UnknownPlaceError
from ..model import VIETNAM_BOUNDS, Bounds, Place, Village, Villages
from ..names import fold
from .cache import CachedLocation, GeocodeCache
from .coordinates import check_number, coord_slug, format_degrees, parse_lat_lon
from .gazetteer import Gazetteer

if TYPE_CHECKING:
    from geopy.extra.rate_limiter import RateLimiter
    from geopy.geocoders.base import Geocoder

__all__ = ["DEFAULT_USER_AGENT", "PlaceResolver", "resolve_place", "resolve_village"]

PROJECT_URL = "https://github.com/tourplan/tourplan"


# the version hatch builds the package metadata from (importlib.metadata costs 0.03 s a start)
DEFAULT_USER_AGENT = f"tourplan/{__version__} ({PROJECT_URL})"
"""The User-Agent of the default Nominatim geocoder: names the application, as Nominatim's
usage policy requires (geopy's own default is refused by the public server)."""

PUBLIC_NOMINATIM = "nominatim.openstreetmap.org"
NOMINATIM_ATTRIBUTION = "Data © OpenStreetMap contributors, ODbL 1.0"
_ERROR_WAIT_SECONDS = 5.0  # geopy's default pause before retrying a failed request
_MAX_RETRIES = 2


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
        delay = check_number(min_delay_seconds, "min_delay_seconds")
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
        if check_number(timeout, "timeout") <= 0:
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
            When the online geocoder finds nothing, fails, or answers outside ``bounds``;
            :class:`~tourplan.exceptions.GeocoderUnreachableError` when its server cannot be
            reached at all.
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
            error = UnknownPlaceError(text, self.gazetteer.suggest(text), offline=True)
            separator = " " if error.args[0].endswith("?") else ". "
            error.args = (
                f"{error.args[0]}{separator}Network geocoding is off: pass allow_network=True "
                "(CLI: --online) to look addresses up online",
            )
            raise error
        return self._geocode_online(text)

    def _point(self, lat: object, lon: object) -> Place:
        lat_, lon_ = check_number(lat, "lat"), check_number(lon, "lon")
        if not self.bounds.contains(lat_, lon_):
            hint = (
                "; the numbers look swapped (write the latitude first: 'lat,lon')"
                if self.bounds.contains(lon_, lat_)
                else "; tourplan plans trips in Vietnam"
            )
            where = f"{format_degrees(lat_)}, {format_degrees(lon_)}"
            raise DataError(
                f"position {where} is outside {self.bounds.name}{hint}",
                field="place",
            )
        return Place(
            id=f"point-{coord_slug(lat_)}-{coord_slug(lon_)}",
            name=f"{format_degrees(lat_)}, {format_degrees(lon_)}",
            lat=lat_,
            lon=lon_,
            coord_kind="user",
            coord_source="given as coordinates",
        )

    def _geocoded(self, query: str, found: CachedLocation) -> Place:
        if not self.bounds.contains(found.lat, found.lon):
            where = f"{format_degrees(found.lat)}, {format_degrees(found.lon)}"
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
            server = getattr(geocoder, "domain", None) or "the geocoding server"
            message = f"geocoding '{query}' with {name} failed: {_why(exc, server)}"
            if _unreachable(exc):
                raise GeocoderUnreachableError(message, server=server) from exc
            raise GeocodingError(message) from exc
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


def _unreachable(exc: Exception) -> bool:
    """Whether a geocoder failed because no connection could be made (no network, a proxy or
    the server down), rather than an answer that was an error."""
    from geopy.exc import GeocoderUnavailable

    return isinstance(exc, GeocoderUnavailable) and isinstance(exc.__context__, OSError)


def _why(exc: Exception, server: str) -> str:
    """Why a geocoder failed, in a user's words: a connection that could not be made is said
    plainly, not as urllib3's chain of reprs."""
    if _unreachable(exc):
        return f"cannot connect to {server}; check the network, or give the place as 'LAT,LON'"
    return " ".join(str(exc).split())


def resolve_place(
    resolver: PlaceResolver, query: str | Place | tuple[float, float], field: str
) -> Place:
    """``resolver.resolve(query)``, with a bad position, an empty query or an unknown place
    blamed on ``field``.

    The resolver names its own field (``place``, ``lat`` or ``lon``); a caller that knows
    which field or option the query came from (``start``, ``near`` ...) names that instead.

    Raises
    ------
    DataError
        As :meth:`PlaceResolver.resolve`, with ``field`` as its field.
    UnknownPlaceError
        As :meth:`PlaceResolver.resolve`, with ``field`` as its field.
    GeocodingError
        As :meth:`PlaceResolver.resolve`, unchanged.

    Examples
    --------
    >>> resolve_place(PlaceResolver(use_cache=False), "0,0", "start")
    Traceback (most recent call last):
    ...
    tourplan.exceptions.DataError: field 'start': position 0, 0 is outside Vietnam; tourplan \
plans trips in Vietnam
    """
    try:
        return resolver.resolve(query)
    except UnknownPlaceError as exc:
        raise exc.blaming(field) from None
    except DataError as exc:
        if exc.source is not None or exc.row is not None:
            raise
        raise DataError(exc.reason, field=field) from None


def resolve_village(
    villages: Villages, query: str, field: str, resolver: PlaceResolver | None = None
) -> Village:
    """``villages.get(query)``, a query that names no village blamed on ``field``.

    What a request names as a village to visit or avoid (``must_visit``, ``avoid``,
    ``must_include``) is looked up here, so that an unknown one is told its own field, never
    another field that holds the same text (``--start old-quarter --avoid old-quarter``).

    Parameters
    ----------
    villages
        The villages of the plan.
    query
        An id or a name, as :meth:`~tourplan.model.Villages.get` takes it.
    field
        The request's field the query came from.
    resolver
        When given, a query its gazetteer knows as a start point (``hoan-kiem-lake``) is
        told that it is a start point, not a village.

    Raises
    ------
    UnknownPlaceError
        With ``field``; ``start_point`` is the id of the start point the query names.

    Examples
    --------
    >>> from tourplan.datasets import load_hanoi
    >>> resolve_village(load_hanoi(), "hoan-kiem-lake", "avoid", PlaceResolver(use_cache=False))
    Traceback (most recent call last):
    ...
    tourplan.exceptions.UnknownPlaceError: 'hoan-kiem-lake' is a start point, not a village
    """
    try:
        return villages.get(query)
    except UnknownPlaceError as exc:
        known = None
        if resolver is not None and not exc.ambiguous:
            known = resolver.gazetteer.start_point(query)
        if known is not None and known.id not in villages.ids:
            raise UnknownPlaceError(query.strip(), field=field, start_point=known.id) from None
        raise exc.blaming(field) from None
