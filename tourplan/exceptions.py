"""The exception and warning hierarchy of tourplan: one root, each class also a fitting builtin."""

from __future__ import annotations

import re
from collections.abc import Sequence

_LONG_WORD = re.compile(r"\S{201,}")  # longer than any path or URL a message names
_LONGEST_MESSAGE = 2000


def shorten(text: str) -> str:
    """``text`` with each run of more than 200 non-blank characters cut to its first 60 and
    the count, and the whole cut to 2,000 characters: an error message echoes a bad value
    (a 5,000-digit number, a megabyte name) without printing all of it.

    Examples
    --------
    >>> shorten("lat must be a number, got " + "1" * 5000)
    'lat must be a number, got 1111...… (5000 characters)'
    """

    def cut(found: re.Match[str]) -> str:
        word = found.group(0)
        return f"{word[:60]}… ({len(word)} characters)"

    short = _LONG_WORD.sub(cut, text)
    if len(short) > _LONGEST_MESSAGE:
        short = f"{short[: _LONGEST_MESSAGE - 40]}… ({len(short)} characters in all)"
    return short


class TourplanError(Exception):
    """Root of every error tourplan raises on purpose.

    Catch this to handle any tourplan failure; each subclass also inherits the builtin
    exception that fits (``ValueError``, ``LookupError`` ...), so callers that catch builtins
    keep working.
    """


class DataError(TourplanError, ValueError):
    """Input data is malformed: a file, a row, a field or a parameter value.

    Parameters
    ----------
    message
        What is wrong, in words a user can act on.
    source
        The file (or other origin) the value came from, if any.
    row
        The 1-based row (CSV line, JSON array position or GeoJSON feature) if any.
    field
        The name of the offending field, if any.
    """

    def __init__(
        self,
        message: str,
        *,
        source: str | None = None,
        row: int | None = None,
        field: str | None = None,
    ) -> None:
        message = shorten(message)
        self.reason = message
        self.source = source
        self.row = row
        self.field = field
        where = []
        if source is not None:
            where.append(str(source))
        if row is not None:
            where.append(f"row {row}")
        if field is not None:
            where.append(f"field '{field}'")
        super().__init__(f"{', '.join(where)}: {message}" if where else message)


class OpeningHoursError(DataError):
    """An opening-hours expression cannot be parsed or makes no sense."""


class UnknownPlaceError(TourplanError, LookupError):
    """A place id or name matches nothing, or matches several places.

    Parameters
    ----------
    query
        What the caller asked for.
    candidates
        Ids of near or equally good matches, best first (empty if none).
    ambiguous
        True when several places match equally well, False when none matches.
    offline
        True when nothing known matched and looking the query up online was not allowed
        (the message then says how to allow it); a command line says it in its own terms.
    field
        The request's field the query came from (``start``, ``must_visit``, ``avoid``,
        ``must_include`` ...), when the code that looked it up knows it: a command line or
        an API names that field, not another one that happens to hold the same text.
    start_point
        The id of the known place the query names when it is a start point, not a village
        (a must-visit ``hoan-kiem-lake``); the message then says so.
    """

    def __init__(
        self,
        query: str,
        candidates: Sequence[str] = (),
        *,
        ambiguous: bool = False,
        offline: bool = False,
        field: str | None = None,
        start_point: str | None = None,
    ) -> None:
        self.query = query
        self.candidates = tuple(candidates)
        self.ambiguous = ambiguous
        self.offline = offline
        self.field = field
        self.start_point = start_point
        if start_point is not None:
            named = "" if query.strip() == start_point else f" ({start_point})"
            message = f"'{query}'{named} is a start point, not a village"
        elif ambiguous:
            message = f"'{query}' is ambiguous; it matches: {', '.join(self.candidates)}"
        elif self.candidates:
            message = f"no place matches '{query}'; did you mean: {', '.join(self.candidates)}?"
        else:
            message = f"no place matches '{query}'"
        super().__init__(shorten(message))

    def __str__(self) -> str:  # LookupError would repr() the message otherwise
        return str(self.args[0])

    def blaming(self, field: str) -> UnknownPlaceError:
        """The same error (and message), naming ``field`` as the one the query came from."""
        error = UnknownPlaceError(
            self.query,
            self.candidates,
            ambiguous=self.ambiguous,
            offline=self.offline,
            field=field,
            start_point=self.start_point,
        )
        error.args = self.args
        return error


class TravelTimeError(TourplanError, ValueError):
    """Travel times cannot be computed: a place too far from the road graph, an unreachable pair."""


class InfeasibleError(TourplanError):
    """The request cannot be satisfied; ``reasons`` says why, one line per cause.

    Parameters
    ----------
    message
        A one-line summary.
    reasons
        One human-readable reason per problem found (e.g. a required place that cannot fit).
    """

    def __init__(self, message: str, reasons: Sequence[str] = ()) -> None:
        self.reasons = tuple(reasons)
        text = message
        if self.reasons:
            text += "\n" + "\n".join(f"  - {r}" for r in self.reasons)
        super().__init__(text)


class SolverError(TourplanError, RuntimeError):
    """The routing engine failed in a way that is not the input's fault."""


class GeocodingError(TourplanError, LookupError):
    """An address could not be turned into a position (or not one inside Vietnam)."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""


class GeocoderUnreachableError(GeocodingError, ConnectionError):
    """The geocoding server could not be reached (no network, a proxy or the server down).

    Parameters
    ----------
    message
        The one-line message.
    server
        The server that could not be reached, e.g. ``nominatim.openstreetmap.org``.
    """

    def __init__(self, message: str, *, server: str = "the geocoding server") -> None:
        super().__init__(message)
        self.server = server


class ExportError(TourplanError, OSError):
    """An itinerary could not be written (or read back) in the requested format."""


class TourplanWarning(UserWarning):
    """Root of tourplan's warnings."""


class DefaultValueWarning(TourplanWarning):
    """A value was missing and a documented default was used in its place."""


class PlaceNotInMatrixError(UnknownPlaceError, KeyError):
    """A place id was looked up in a travel-time matrix that does not hold it.

    Also a ``KeyError``, so ``matrix.index(place_id)`` behaves like a mapping lookup.

    Parameters
    ----------
    place_id
        The id that was asked for.
    known
        The ids the matrix does hold (the first few are named in the message).
    """

    def __init__(self, place_id: str, known: Sequence[str] = ()) -> None:
        super().__init__(place_id)
        shown = ", ".join(known[:8]) + (", ..." if len(known) > 8 else "")
        self.args = (
            f"place id '{place_id}' is not in this travel-time matrix "
            f"({len(known)} places: {shown or 'none'})",
        )


class InvalidSolutionError(TourplanError, ValueError):
    """A solution breaks rules of its routing problem; ``violations`` lists each one.

    Parameters
    ----------
    violations
        One human-readable line per broken rule.
    """

    def __init__(self, violations: Sequence[str]) -> None:
        self.violations = tuple(violations)
        lines = "\n".join(f"  - {v}" for v in self.violations)
        super().__init__(f"invalid solution ({len(self.violations)} violations):\n{lines}")


class CacheWarning(TourplanWarning):
    """A cache file (e.g. the geocoding cache) is unreadable or cannot be written; it is ignored."""
