"""Property-based round trips of awkward text through .ics (two parsers), JSON and GeoJSON."""

from __future__ import annotations

import json
from collections.abc import Callable

import icalendar
import vobject
from hypothesis import example, given, settings
from hypothesis import strategies as st

from tourplan.export import (
    itinerary_from_json,
    itinerary_to_geojson_text,
    itinerary_to_ics,
    itinerary_to_json,
)
from tourplan.export.ical import clean_text
from tourplan.plan import Itinerary
from tourplan.text import place_name

# Characters that break naive writers: iCalendar's separators and escapes, line breaks,
# Vietnamese letters in composed and decomposed forms, emoji outside the BMP.
AWKWARD = st.sampled_from(
    [
        ",",
        ";",
        ":",
        "\\",
        "\n",
        "\t",
        '"',
        "'",
        " ",
        "\\n",
        "\\,",
        "\\;",
        "ệ",
        "ữ",
        "Đ",
        "ằ",
        "e\u0302\u0323",
        "🏺",
        "🙂",
        "\u00a0",
        "\u2028",
        "=",
        "<",
        "&",
    ]
)
# iCalendar TEXT cannot carry control characters other than HTAB and line breaks (RFC 5545
# 3.3.11), nor lone surrogates; every other character is fair game.
CHARS = st.characters(blacklist_categories=("Cs", "Cc"))
TEXT = st.lists(st.one_of(CHARS, AWKWARD), max_size=20).map("".join)
NAME = TEXT.filter(lambda s: bool(s.strip()))
SETTINGS = settings(max_examples=50, deadline=None)
# Names and crafts are one line: reading them back refuses control characters (issue #19);
# notes and hours_note may hold line breaks and tabs.
ONE_LINE = st.lists(
    st.one_of(CHARS, AWKWARD.filter(lambda s: s not in ("\n", "\t"))), max_size=20
).map("".join)
ONE_LINE_NAME = ONE_LINE.filter(lambda s: bool(s.strip()))


def _expected_location(name_vi: str, commune: str) -> str:
    return f"{name_vi}, {commune}" if commune else name_vi


@SETTINGS
@given(
    name_vi=NAME,
    name_en=TEXT,
    notes=TEXT,
    hours_note=TEXT,
    craft=TEXT,
    lang=st.sampled_from(["vi", "en"]),
)
# icalendar's own escaping turns a literal backslash-N into a line break (found by hypothesis)
@example(name_vi="0", name_en="", notes="\\N", hours_note="\\N", craft="a\\N;b,\\n", lang="vi")
def test_ics_round_trip_through_two_parsers(
    build_one_stop: Callable[..., Itinerary],
    name_vi: str,
    name_en: str,
    notes: str,
    hours_note: str,
    craft: str,
    lang: str,
) -> None:
    it = build_one_stop(
        name_vi=name_vi, name_en=name_en, notes=notes, hours_note=hours_note, craft=craft
    )
    village = it.days[0].stops[0].village
    data = itinerary_to_ics(it, include_legs=True, lang=lang)
    ours = {str(e["UID"]): e for e in icalendar.Calendar.from_ical(data).events}
    theirs = {e.uid.value: e for e in vobject.readOne(data.decode("utf-8")).vevent_list}
    assert set(ours) == set(theirs)
    for uid, event in ours.items():
        other = theirs[uid]
        assert str(event["SUMMARY"]) == other.summary.value
        assert str(event["DESCRIPTION"]) == other.description.value
        assert str(event["LOCATION"]) == other.location.value
        assert event.start == other.dtstart.value and event.end == other.dtend.value
    visit = ours["tourplan-20260302-x-visit@tourplan"]
    assert str(visit["SUMMARY"]) == place_name(village, lang)  # type: ignore[arg-type]
    # the commune alone, without the notes commune_2025 may carry (Village.commune)
    assert str(visit["LOCATION"]) == _expected_location(village.name_vi, village.commune)
    description = str(visit["DESCRIPTION"])
    # Village strips surrounding blanks from its texts; what it holds must survive exactly
    if village.craft_vi:
        label = "Craft: " if lang == "en" else "Nghề: "
        assert description.startswith(label + village.craft_vi + "\n")
    if village.hours_note:
        assert f": {village.hours_note}\n" in description + "\n"
    (brk,) = [e for uid, e in ours.items() if uid.endswith("-break@tourplan")]
    if notes and notes.lower() not in ("lunch", "dinner", "breakfast", "rest"):
        assert str(brk["SUMMARY"]) == notes


@SETTINGS
@given(name_vi=ONE_LINE_NAME, name_en=ONE_LINE, notes=TEXT, hours_note=TEXT, craft=ONE_LINE)
def test_json_round_trip(
    build_one_stop: Callable[..., Itinerary],
    name_vi: str,
    name_en: str,
    notes: str,
    hours_note: str,
    craft: str,
) -> None:
    it = build_one_stop(
        name_vi=name_vi, name_en=name_en, notes=notes, hours_note=hours_note, craft=craft
    )
    assert itinerary_from_json(itinerary_to_json(it)) == it


@SETTINGS
@given(name_vi=NAME, name_en=TEXT, craft=TEXT)
def test_geojson_keeps_text(
    build_one_stop: Callable[..., Itinerary], name_vi: str, name_en: str, craft: str
) -> None:
    it = build_one_stop(name_vi=name_vi, name_en=name_en, craft=craft)
    document = json.loads(itinerary_to_geojson_text(it))
    (stop,) = [f["properties"] for f in document["features"] if f["properties"]["kind"] == "stop"]
    village = it.days[0].stops[0].village
    assert (stop["name_vi"], stop["name_en"], stop["craft_vi"]) == (
        village.name_vi,
        village.name_en,
        village.craft_vi,
    )
    assert village.name_vi == name_vi.strip() and village.craft_vi == craft.strip()


def test_carriage_returns_become_newlines_and_controls_are_dropped(
    build_one_stop: Callable[..., Itinerary],
) -> None:
    it = build_one_stop(name_vi="Làng\r\nmột;\rhai\x00,\x07ba")
    (event,) = [
        e
        for e in icalendar.Calendar.from_ical(itinerary_to_ics(it)).events
        if str(e["UID"]).endswith("-visit@tourplan")
    ]
    assert (
        str(event["SUMMARY"]) == "Làng\nmột;\nhai,ba" == clean_text("Làng\r\nmột;\rhai\x00,\x07ba")
    )
