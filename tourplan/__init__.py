"""tourplan: plan day trips and multi-day tours through Hanoi's traditional craft villages.

Villages are geocoded places with visit durations, opening hours, crafts and an interest
score; travel times come from geodesic distance and a transport mode, or from a road graph;
OR-Tools chooses and orders the visits (:mod:`tourplan.plan`, :mod:`tourplan.catalogue`);
:mod:`tourplan.text` puts plans in Vietnamese or English words; itineraries export to .ics,
JSON and GeoJSON (:mod:`tourplan.export`).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .api import plan_catalogue as plan_catalogue
    from .api import plan_trip as plan_trip
    from .catalogue import Catalogue as Catalogue
    from .catalogue import CatalogueRequest as CatalogueRequest
    from .datasets import load_hanoi as load_hanoi
    from .datasets import load_start_points as load_start_points
    from .datasets import load_villages as load_villages
    from .datasets import save_villages as save_villages
    from .exceptions import DataError as DataError
    from .exceptions import GeocodingError as GeocodingError
    from .exceptions import InfeasibleError as InfeasibleError
    from .exceptions import TourplanError as TourplanError
    from .exceptions import UnknownPlaceError as UnknownPlaceError
    from .geocode import Gazetteer as Gazetteer
    from .geocode import PlaceResolver as PlaceResolver
    from .hours import OpeningHours as OpeningHours
    from .model import THEMES as THEMES
    from .model import Place as Place
    from .model import Village as Village
    from .model import Villages as Villages
    from .plan import HANOI_TZ as HANOI_TZ
    from .plan import Break as Break
    from .plan import Day as Day
    from .plan import Itinerary as Itinerary
    from .plan import ItineraryError as ItineraryError
    from .plan import LeftOut as LeftOut
    from .plan import Leg as Leg
    from .plan import Lunch as Lunch
    from .plan import Stop as Stop
    from .plan import TripRequest as TripRequest
    from .plan import check_itinerary as check_itinerary
    from .plan import validate_itinerary as validate_itinerary
    from .routing import SearchParameters as SearchParameters
    from .travel import MODES as MODES
    from .travel import TransportMode as TransportMode

# The public names and the module of each: imported when first used, so that ``import tourplan``
# stays light (OR-Tools, networkx and pandas load only with the planner that needs them).
_PUBLIC = {
    "plan_catalogue": ".api",
    "plan_trip": ".api",
    "Catalogue": ".catalogue",
    "CatalogueRequest": ".catalogue",
    "load_hanoi": ".datasets",
    "load_start_points": ".datasets",
    "load_villages": ".datasets",
    "save_villages": ".datasets",
    "DataError": ".exceptions",
    "GeocodingError": ".exceptions",
    "InfeasibleError": ".exceptions",
    "TourplanError": ".exceptions",
    "UnknownPlaceError": ".exceptions",
    "Gazetteer": ".geocode",
    "PlaceResolver": ".geocode",
    "OpeningHours": ".hours",
    "THEMES": ".model",
    "Place": ".model",
    "Village": ".model",
    "Villages": ".model",
    "HANOI_TZ": ".plan",
    "Break": ".plan",
    "Day": ".plan",
    "Itinerary": ".plan",
    "ItineraryError": ".plan",
    "LeftOut": ".plan",
    "Leg": ".plan",
    "Lunch": ".plan",
    "Stop": ".plan",
    "TripRequest": ".plan",
    "check_itinerary": ".plan",
    "validate_itinerary": ".plan",
    "SearchParameters": ".routing",
    "MODES": ".travel",
    "TransportMode": ".travel",
}

__all__ = sorted(_PUBLIC)


def __getattr__(name: str) -> Any:
    """Import a public name's module when the name is first used (PEP 562)."""
    module = _PUBLIC.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_PUBLIC})


# The version hatch builds the package metadata from (read directly: importlib.metadata costs
# 0.03 s of every command's start).
from ._version import __version__ as __version__  # noqa: E402
