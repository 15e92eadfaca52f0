"""Planning without words: requests, routing problems, itineraries and their checks."""

from __future__ import annotations

from .areas import itinerary_value as itinerary_value
from .checks import ItineraryError as ItineraryError
from .checks import check_itinerary as check_itinerary
from .checks import validate_itinerary as validate_itinerary
from .itinerary import HANOI_TZ as HANOI_TZ
from .itinerary import Break as Break
from .itinerary import Day as Day
from .itinerary import Itinerary as Itinerary
from .itinerary import LeftOut as LeftOut
from .itinerary import LeftOutReason as LeftOutReason
from .itinerary import Leg as Leg
from .itinerary import Stop as Stop
from .itinerary import breaks_on_arrival as breaks_on_arrival
from .problem import MustVisitError as MustVisitError
from .problem import PlanningProblem as PlanningProblem
from .problem import build_problem as build_problem
from .problem import day_tour as day_tour
from .problem import score as score
from .problem import service_minutes as service_minutes
from .problem import visit_score as visit_score
from .request import DEFAULT_LUNCH as DEFAULT_LUNCH
from .request import PACE_FACTORS as PACE_FACTORS
from .request import Lunch as Lunch
from .request import Pace as Pace
from .request import PlaceQuery as PlaceQuery
from .request import TripRequest as TripRequest
from .request import as_date as as_date
from .request_record import RECORD_FIELDS as RECORD_FIELDS
from .request_record import record_id as record_id
from .request_record import search_parameters_from_record as search_parameters_from_record
from .request_record import trip_request_from_record as trip_request_from_record
from .request_record import trip_request_record as trip_request_record
from .request_record import trip_request_schema as trip_request_schema
from .schedule import to_itinerary as to_itinerary
from .together import MustTogetherError as MustTogetherError
from .together import TogetherConflict as TogetherConflict
from .trip import plan_trip as plan_trip
from .value import LENGTHS as LENGTHS
from .value import Caveat as Caveat
from .value import ValueModel as ValueModel
from .value import VisitLength as VisitLength
from .value import caveats as caveats
from .value import day_value as day_value
from .value import length_minutes as length_minutes
from .value import stop_value as stop_value
from .value import time_value as time_value
from .value import visit_factor as visit_factor

__all__ = [
    "DEFAULT_LUNCH",
    "HANOI_TZ",
    "LENGTHS",
    "PACE_FACTORS",
    "RECORD_FIELDS",
    "Break",
    "Caveat",
    "Day",
    "Itinerary",
    "ItineraryError",
    "LeftOut",
    "LeftOutReason",
    "Leg",
    "Lunch",
    "MustTogetherError",
    "MustVisitError",
    "Pace",
    "PlaceQuery",
    "PlanningProblem",
    "Stop",
    "TogetherConflict",
    "TripRequest",
    "ValueModel",
    "VisitLength",
    "as_date",
    "breaks_on_arrival",
    "build_problem",
    "caveats",
    "check_itinerary",
    "day_tour",
    "day_value",
    "itinerary_value",
    "length_minutes",
    "plan_trip",
    "record_id",
    "score",
    "search_parameters_from_record",
    "service_minutes",
    "stop_value",
    "time_value",
    "to_itinerary",
    "trip_request_from_record",
    "trip_request_record",
    "trip_request_schema",
    "validate_itinerary",
    "visit_factor",
    "visit_score",
]
