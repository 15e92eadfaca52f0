"""The words of experiences and costs: a booking's line, a stop's fee, day and trip totals."""

from __future__ import annotations

from ..plan.budget import DayCosts, TripCosts, day_costs
from ..plan.itinerary import Day, Stop
from .words import Lang, hhmm

__all__ = [
    "booking_text",
    "cost_lines",
    "costs_text",
    "experience_name",
    "money",
    "stop_cost_text",
    "stop_extra_lines",
]

_WORDS: dict[str, dict[str, str]] = {
    "en": {
        "experience": "Experience",
        "people": "people",
        "person": "person",
        "fee": "entrance",
        "fee_unknown": "entrance fee unknown",
        "costs": "Costs",
        "day_costs": "Costs of the day",
        "fees": "fees",
        "experiences": "experiences",
        "unknown": "fee unknown at",
    },
    "vi": {
        "experience": "Trải nghiệm",
        "people": "người",
        "person": "người",
        "fee": "vé vào",
        "fee_unknown": "chưa rõ giá vé",
        "costs": "Chi phí",
        "day_costs": "Chi phí cả ngày",
        "fees": "vé",
        "experiences": "trải nghiệm",
        "unknown": "chưa rõ giá vé ở",
    },
}


def money(amount: int, lang: Lang) -> str:
    """``amount`` đồng with thousands separators: ``280,000 ₫`` (en), ``280.000 ₫`` (vi)."""
    text = f"{amount:,}"
    return (text.replace(",", ".") if lang == "vi" else text) + " ₫"


def experience_name(stop: Stop, lang: Lang) -> str:
    """The name of the experience booked at ``stop`` ("" when none)."""
    if stop.booking is None:
        return ""
    e = stop.booking.experience
    return e.name_en if lang == "en" and e.name_en else e.name_vi


def booking_text(stop: Stop, lang: Lang) -> str:
    """``Experience: pottery making 14:01–15:01, 4 × 70,000 ₫ = 280,000 ₫`` ("" when none)."""
    b = stop.booking
    if b is None:
        return ""
    w = _WORDS[lang]
    price = money(b.experience.price, lang)
    return (
        f"{w['experience']}: {experience_name(stop, lang)} {hhmm(b.start)}–{hhmm(b.end)}, "
        f"{b.party} × {price} = {money(b.cost, lang)}"
    )


def stop_cost_text(stop: Stop, party: int, lang: Lang) -> str:
    """``entrance 4 × 60,000 ₫ = 240,000 ₫``, or that the fee is unknown; "" when free."""
    w = _WORDS[lang]
    fee = stop.village.fee_vnd
    if fee is None:
        return w["fee_unknown"]
    if fee == 0:
        return ""
    return f"{w['fee']} {party} × {money(fee, lang)} = {money(fee * party, lang)}"


def costs_text(costs: DayCosts | TripCosts, lang: Lang, *, of_day: bool = False) -> str:
    """``Costs: 520,000 ₫ (fees 240,000 ₫, experiences 280,000 ₫)``, for a day or the trip;
    ``of_day``: said as the day's (``Costs of the day: …``) where a stop's lines precede it."""
    w = _WORDS[lang]
    label = w["day_costs" if of_day else "costs"]
    text = (
        f"{label}: {money(costs.total, lang)} ({w['fees']} {money(costs.fees, lang)}, "
        f"{w['experiences']} {money(costs.experiences, lang)})"
    )
    if isinstance(costs, TripCosts):
        who = w["person"] if costs.party == 1 else w["people"]
        text += f", {costs.party} {who}"
        if costs.unknown_fees:
            text += f"; {w['unknown']} {', '.join(costs.unknown_fees)}"
    return text


def stop_extra_lines(stop: Stop, party: int | None, lang: Lang) -> list[str]:
    """The lines a stop adds when costs are counted: its experience and its entrance fee."""
    if party is None:
        return []
    return [line for line in (booking_text(stop, lang), stop_cost_text(stop, party, lang)) if line]


def cost_lines(stop: Stop, day: Day, party: int | None, lang: Lang) -> list[str]:
    """A stop's experience and fee, and its day's costs said as the day's, for a calendar
    event ([] without costs)."""
    if party is None:
        return []
    day_total = costs_text(day_costs(day, party), lang, of_day=True)
    return [*stop_extra_lines(stop, party, lang), day_total]
