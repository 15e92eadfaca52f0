"""Experience route catalogues without words: K distinct day routes from a hub.

Routes carry codes and data (themes, area, hub, a stable id); :mod:`tourplan.text` names
and describes them and :mod:`tourplan.export` writes them as a folder.
"""

from __future__ import annotations

from .naming import route_area as route_area
from .naming import route_id as route_id
from .naming import route_themes as route_themes
from .planning import catalogue_problem as catalogue_problem
from .planning import every_day as every_day
from .planning import plan_catalogue as plan_catalogue
from .request import CatalogueRequest as CatalogueRequest
from .values import DIRECTIONS as DIRECTIONS
from .values import Area as Area
from .values import Catalogue as Catalogue
from .values import CatalogueNote as CatalogueNote
from .values import Direction as Direction
from .values import Route as Route

__all__ = [
    "DIRECTIONS",
    "Area",
    "Catalogue",
    "CatalogueNote",
    "CatalogueRequest",
    "Direction",
    "Route",
    "catalogue_problem",
    "every_day",
    "plan_catalogue",
    "route_area",
    "route_id",
    "route_themes",
]
