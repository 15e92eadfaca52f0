"""A route catalogue as HTML: an index page with every route on one map, linking a page per route.

The index map has one layer per route (its stops numbered in the route's colour and its
line), to show or hide in the layer control; beside it, the list of routes with their names,
descriptions and totals, each linking to the route's own page
(:func:`tourplan.export.itinerary_to_html`). Same offline rules as the trip page.
"""

from __future__ import annotations

import html

from ..catalogue import Catalogue
from ..text import Lang, check_lang, coverage_text, route_description, route_name
from ..text.page import day_totals, page_word
from ._leaflet import day_colour, new_map, render_map
from .html import add_day_layer, legend_html, page_document

__all__ = ["catalogue_to_html", "route_page_name"]


def route_page_name(files: dict[str, str]) -> str:
    """The route page's path in the folder, beside the route's other files."""
    return files["json"].rsplit(".", 1)[0] + ".html"


def catalogue_to_html(
    catalogue: Catalogue, pages: list[str], *, lang: str = "vi", tiles: bool = False
) -> str:
    """The catalogue's index page: every route on one map and the list of routes.

    Parameters
    ----------
    catalogue
        The catalogue to show.
    pages
        The path of each route's page relative to the index, in route order.
    lang
        ``"vi"`` (default) or ``"en"``.
    tiles
        Show the OpenStreetMap base map when the page opens (always offered as a layer).

    Returns
    -------
    str
        The HTML document: the map's route lines are SVG paths of class ``tp-day-line``,
        one per route; each stop is a marker of class ``tp-stop``.
    """
    chosen: Lang = check_lang(lang)
    fmap = new_map(tiles=tiles, tiles_label=page_word("tiles", chosen))
    bounds = [(catalogue.hub.lat, catalogue.hub.lon)]
    items = []
    for route, page in zip(catalogue.routes, pages, strict=True):
        name = route_name(route, chosen)
        day = route.day
        add_day_layer(fmap, day, route.number, chosen, f"{route.number}. {name}")
        bounds += [(s.village.lat, s.village.lon) for s in day.stops]
        bounds += [(lat, lon) for leg in day.legs for lon, lat in leg.path]
        colour = day_colour(route.number)
        items.append(
            f'<li class="tp-route" data-route="{html.escape(route.id)}">'
            f'<span class="tp-num" style="background:{colour}">{route.number}</span>'
            f'<a href="{html.escape(page)}"><b>{html.escape(name)}</b></a><br>'
            f"{html.escape(route_description(route, chosen))}<br>"
            f"<small>{html.escape(day_totals(day, chosen))}</small></li>"
        )
    part = render_map(fmap, bounds, collapsed=True)
    heading = f"{page_word('routes', chosen)} ({len(catalogue.routes)})"
    body = (
        f'<section class="tp-day tp-index">'
        f'<div class="tp-map">{part.div}{legend_html(chosen)}</div>'
        f'<div class="tp-schedule"><h2>{html.escape(heading)}</h2>'
        f'<ol class="tp-routes">{"".join(items)}</ol></div></section>'
    )
    return page_document(
        title=page_word("catalogue", chosen),
        subtitle=coverage_text(catalogue, chosen),
        body=body,
        maps=[part],
        lang=chosen,
    )
