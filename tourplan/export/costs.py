"""Experiences and costs as data for the exporters: a stop's booking, day and trip totals."""

from __future__ import annotations

import html
from typing import Any

from ..datasets.experiences import experience_record
from ..plan.budget import costs, day_costs
from ..plan.itinerary import Day, Itinerary, Stop
from ..text import Lang, place_name
from ..text.costs import costs_text, stop_extra_lines
from ._common import iso

__all__ = [
    "booking_json",
    "costs_json",
    "day_costs_html",
    "day_costs_json",
    "stop_cost_properties",
    "trip_costs_html",
]


def booking_json(stop: Stop) -> dict[str, Any] | None:
    """The experience booked at ``stop`` as JSON-ready data, or ``None``."""
    b = stop.booking
    if b is None:
        return None
    return {
        "experience": experience_record(b.experience),
        "start": iso(b.start),
        "end": iso(b.end),
        "party": b.party,
        "cost": b.cost,
        "currency": b.experience.currency,
    }


def day_costs_json(day: Day, party: int) -> dict[str, Any]:
    """A day's costs for ``party`` people, in đồng."""
    c = day_costs(day, party)
    return {
        "date": day.date.isoformat(),
        "fees_vnd": c.fees,
        "experiences_vnd": c.experiences,
        "total_vnd": c.total,
    }


def costs_json(itinerary: Itinerary) -> dict[str, Any] | None:
    """The trip's costs (``None`` when the itinerary counts none): per day and in total."""
    if itinerary.party is None:
        return None
    c = costs(itinerary)
    return {
        "party": c.party,
        "currency": "VND",
        "fees_vnd": c.fees,
        "experiences_vnd": c.experiences,
        "total_vnd": c.total,
        "unknown_fees": list(c.unknown_fees),
        "days": [day_costs_json(d, c.party) for d in itinerary.days],
    }


def day_costs_html(day: Day, party: int | None, lang: Lang) -> str:
    """The day's experiences, fees and costs as HTML (empty without costs): one item per
    stop that has any, then the day's total."""
    if party is None:
        return ""
    items = []
    for stop in day.stops:
        lines = stop_extra_lines(stop, party, lang)
        if lines:
            text = f"{place_name(stop.village, lang)}: {'; '.join(lines)}"
            css = "tp-booking" if stop.booking is not None else "tp-fee"
            items.append(f'<li class="{css}">{html.escape(text)}</li>')
    total = html.escape(costs_text(day_costs(day, party), lang))
    return f'<ul class="tp-costs">{"".join(items)}</ul><span class="tp-day-costs">{total}</span>'


def trip_costs_html(itinerary: Itinerary, lang: Lang) -> str:
    """The trip's costs as an HTML paragraph (empty without costs)."""
    if itinerary.party is None:
        return ""
    return f'<p class="tp-trip-costs">{html.escape(costs_text(costs(itinerary), lang))}</p>'


def stop_cost_properties(stop: Stop, lang: Lang) -> dict[str, Any]:
    """GeoJSON properties of a stop's experience (none when it holds no booking)."""
    b = stop.booking
    if b is None:
        return {}
    e = b.experience
    return {
        "experience_id": e.id,
        "experience": e.name_en if lang == "en" and e.name_en else e.name_vi,
        "experience_start": iso(b.start),
        "experience_end": iso(b.end),
        "experience_party": b.party,
        "experience_cost": b.cost,
        "experience_currency": e.currency,
    }
