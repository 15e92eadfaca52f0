"""Every Vietnamese and English word tourplan writes: dates, durations, reasons, names, reports.

Planning values carry codes and numbers only; the functions here put them in words in one of
two languages, :data:`Lang` (``"vi"`` or ``"en"``). Any other language is refused with a
:class:`~tourplan.exceptions.DataError` naming ``lang``.
"""

from __future__ import annotations

from .catalogue import area_text as area_text
from .catalogue import catalogue_summary as catalogue_summary
from .catalogue import coverage_text as coverage_text
from .catalogue import note_text as note_text
from .catalogue import route_description as route_description
from .catalogue import route_name as route_name
from .itinerary import format_itinerary as format_itinerary
from .opening_hours import hours_text as hours_text
from .opening_hours import opening_hours_words as opening_hours_words
from .page import day_heading as day_heading
from .page import day_totals as day_totals
from .page import page_word as page_word
from .page import position_text as position_text
from .page import schedule_rows as schedule_rows
from .page import stop_facts as stop_facts
from .page import trip_totals as trip_totals
from .reasons import explain as explain
from .reasons import explain_conflict as explain_conflict
from .reasons import reason_label as reason_label
from .report import catalogue_to_markdown as catalogue_to_markdown
from .tables import TableRole as TableRole
from .tables import village_table as village_table
from .words import LANGS as LANGS
from .words import THEME_LABELS as THEME_LABELS
from .words import Lang as Lang
from .words import break_name as break_name
from .words import by_mode as by_mode
from .words import check_lang as check_lang
from .words import compact_date as compact_date
from .words import craft_name as craft_name
from .words import duration as duration
from .words import full_date as full_date
from .words import generator as generator
from .words import hhmm as hhmm
from .words import hours_not_confirmed as hours_not_confirmed
from .words import join as join
from .words import km_text as km_text
from .words import mode_name as mode_name
from .words import number as number
from .words import pace_name as pace_name
from .words import place_name as place_name
from .words import short_dates as short_dates
from .words import tet_note as tet_note
from .words import theme_label as theme_label
from .words import weekday as weekday

__all__ = [
    "LANGS",
    "THEME_LABELS",
    "Lang",
    "TableRole",
    "area_text",
    "break_name",
    "by_mode",
    "catalogue_summary",
    "catalogue_to_markdown",
    "check_lang",
    "compact_date",
    "coverage_text",
    "craft_name",
    "day_heading",
    "day_totals",
    "duration",
    "explain",
    "explain_conflict",
    "format_itinerary",
    "full_date",
    "generator",
    "hhmm",
    "hours_not_confirmed",
    "hours_text",
    "join",
    "km_text",
    "mode_name",
    "note_text",
    "number",
    "opening_hours_words",
    "pace_name",
    "page_word",
    "place_name",
    "position_text",
    "reason_label",
    "route_description",
    "route_name",
    "schedule_rows",
    "short_dates",
    "stop_facts",
    "tet_note",
    "theme_label",
    "trip_totals",
    "village_table",
    "weekday",
]
