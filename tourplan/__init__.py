"""tourplan: plan day trips and multi-day tours through Hanoi's traditional craft villages.

Villages are geocoded places with visit durations, opening hours, crafts and an interest
score; travel times come from geodesic distance and a transport mode, or from a road graph;
OR-Tools chooses and orders the visits (:mod:`tourplan.plan`, :mod:`tourplan.catalogue`);
:mod:`tourplan.text` puts plans in Vietnamese or English words; itineraries export to .ics,
JSON and GeoJSON (:mod:`tourplan.export`).
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

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

try:
    __version__ = version("tourplan")
except PackageNotFoundError:  # running from a checkout that was never installed
    from ._version import __version__ as __version__
