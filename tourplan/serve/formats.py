"""Which format a plan is answered in: the ``format`` parameter first, then the Accept header."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal, cast, get_args

__all__ = ["FORMATS", "Format", "NotAcceptableError", "choose_format"]

Format = Literal["json", "ics", "geojson", "html"]
"""A format of a plan: itinerary JSON, iCalendar, GeoJSON or an HTML map."""

FORMATS: dict[str, str] = {
    "json": "application/json",
    "ics": "text/calendar",
    "geojson": "application/geo+json",
    "html": "text/html",
}
"""Each format's media type."""

_ALIASES = {"application/vnd.geo+json": "geojson", "application/ld+json": "json"}
_BY_MEDIA_TYPE = {media: name for name, media in FORMATS.items()} | _ALIASES
_EVERY: tuple[Format, ...] = get_args(Format)


class NotAcceptableError(Exception):
    """No format the client accepts can be served; ``str()`` says which ones can."""


def _accepted(accept: str) -> list[tuple[float, int, str]]:
    """The media ranges of an Accept header as (q, order, range), best first."""
    ranges = []
    for order, part in enumerate(accept.split(",")):
        media, *params = (p.strip() for p in part.split(";"))
        q = 1.0
        for param in params:
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        if media and q > 0:
            ranges.append((-q, order, media.lower()))
    return [(-q, order, media) for q, order, media in sorted(ranges)]


def choose_format(
    format_param: str | None, accept: str | None, offered: Sequence[Format] = _EVERY
) -> Format:
    """The format to answer in.

    Parameters
    ----------
    format_param
        The ``format`` query parameter (``json``, ``ics``, ``geojson`` or ``html``); it wins.
    accept
        The Accept header; ``*/*``, ``application/*`` or none means JSON.
    offered
        The formats the route can answer in (a plan: every one; a catalogue: ``json``),
        JSON among them.

    Raises
    ------
    NotAcceptableError
        For a ``format`` not offered or an Accept header naming no format offered.

    Examples
    --------
    >>> choose_format(None, "text/calendar")
    'ics'
    >>> choose_format("geojson", "text/calendar")
    'geojson'
    >>> choose_format(None, "text/html;q=0.5, application/geo+json")
    'geojson'
    >>> choose_format(None, None)
    'json'
    >>> choose_format(None, "text/calendar, */*;q=0.1", offered=["json"])
    'json'
    """
    if format_param is not None:
        name = format_param.strip().lower()
        if name not in offered:
            raise NotAcceptableError(
                f"format must be one of {', '.join(offered)}, got {format_param!r}"
            )
        return cast(Format, name)
    if accept is None or not accept.strip():
        return "json"
    for _, _, media in _accepted(accept):
        if _BY_MEDIA_TYPE.get(media) in offered:
            return cast(Format, _BY_MEDIA_TYPE[media])
        if media in ("*/*", "application/*"):
            return "json"
        if media == "text/*" and "ics" in offered:
            return "ics"
    raise NotAcceptableError(
        f"cannot answer in {accept!r}; send Accept: " + ", ".join(FORMATS[f] for f in offered)
    )
