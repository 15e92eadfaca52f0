"""Hand-made itineraries for the exporter tests: two days in Hanoi with awkward text."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest

from tourplan.hours import OpeningHours
from tourplan.model import Place, Village
from tourplan.plan import HANOI_TZ, Break, Day, Itinerary, LeftOut, Leg, Stop


def at(day: int, hhmm: str) -> dt.datetime:
    """A datetime in Hanoi on 2 (day=1) or 3 (day=2) March 2026."""
    hour, minute = (int(x) for x in hhmm.split(":"))
    return dt.datetime(2026, 3, 1 + day, hour, minute, tzinfo=HANOI_TZ)


HOAN_KIEM = Place(
    "hoan-kiem-lake",
    "Hồ Hoàn Kiếm",
    21.028778,
    105.852248,
    name_en="Hoàn Kiếm Lake",
    coord_kind="landmark",
)
OLD_QUARTER = Place("old-quarter", "Phố cổ Hà Nội", 21.0349, 105.8497, name_en="Old Quarter")
NOI_BAI = Place(
    "noi-bai-airport",
    "Sân bay Nội Bài",
    21.2187,
    105.8042,
    name_en="Nội Bài Airport",
    notes="Terminal 2, international; allow 3 h",
)

BAT_TRANG = Village(
    id="bat-trang",
    name_vi="Làng gốm Bát Tràng",
    name_en="Bát Tràng pottery village; ceramics, glazes",
    lat=21.0026,
    lon=105.9130,
    visit_minutes=90,
    opening_hours=OpeningHours.parse("Mo-Su 07:30-17:30"),
    interest=95,
    craft_vi="Gốm sứ, men lam",
    craft_en="Ceramics; blue-glaze porcelain",
    themes=("ceramics", "heritage"),
    old_district="Gia Lâm",
    commune_2025="Xã Bát Tràng",
    coord_kind="landmark",
    coord_precision_m=150,
    hours_note=(
        "Market busiest 08:00–11:00; closed 1st–3rd of Tết\nWorkshops: ask first, \\ no flash"
    ),
    url="https://example.vn/bat-trang?tab=1,2;x=y",
    notes="Sources: a, b; c\nSecond line",
)
KIM_LAN = Village(
    id="kim-lan",
    name_vi="Làng gốm Kim Lan",
    name_en="",  # no English name: falls back to Vietnamese
    lat=20.9964,
    lon=105.9205,
    visit_minutes=45,
    opening_hours=OpeningHours.parse("Mo-Fr 08:00-11:30,13:30-17:00"),
    interest=60,
    craft_vi="Gốm",
    craft_en="",
    themes=("ceramics",),
    commune_2025="Xã Bát Tràng",
)
VAN_PHUC = Village(
    id="van-phuc",
    name_vi="Làng lụa Vạn Phúc",
    name_en="Vạn Phúc silk village",
    lat=20.9806,
    lon=105.7752,
    visit_minutes=60,
    opening_hours=OpeningHours.parse("Mo-Su 08:00-18:00"),
    interest=85,
    craft_vi="Dệt lụa",
    craft_en="Silk weaving",
    themes=("textiles",),
    old_district="Hà Đông",
    commune_2025="",  # only the old district is known
    hours_note="Shops 08:00–18:00; looms, mostly mornings",
)
CHUONG = Village(
    id="chuong",
    name_vi="Làng nón Chuông",
    name_en="Chuông conical hat village",
    lat=20.8672,
    lon=105.7623,
    visit_minutes=45,
    opening_hours=OpeningHours.parse("Mo-Su 09:00-16:00"),
    interest=70,
    craft_vi="Làm nón lá",
    craft_en="Conical hats (nón lá)",
    themes=("bamboo", "textiles"),
    commune_2025="Xã Dân Hòa",
    url="https://example.vn/chuong",
)
PHU_VINH = Village(
    id="phu-vinh",
    name_vi="Làng mây tre đan Phú Vinh",
    name_en="Phú Vinh rattan village",
    lat=20.9131,
    lon=105.6439,
    visit_minutes=60,
    opening_hours=OpeningHours.parse("Sa,Su 08:00-16:00"),
    interest=55,
    themes=("bamboo",),
)

ROAD_PATH = (
    (105.852248, 21.028778),
    (105.8601, 21.0222),
    (105.8789, 21.0150),
    (105.9001, 21.0068),
    (105.9130, 21.0026),
)


def _day1() -> Day:
    stops = (
        Stop(BAT_TRANG, arrival=at(1, "08:40"), start=at(1, "08:40"), end=at(1, "10:10")),
        # arrives before Kim Lan opens its afternoon span: a wait
        Stop(KIM_LAN, arrival=at(1, "13:20"), start=at(1, "13:30"), end=at(1, "14:15")),
    )
    legs = (
        Leg(
            "hoan-kiem-lake",
            "bat-trang",
            at(1, "08:00"),
            at(1, "08:40"),
            "car",
            14_230.0,
            ROAD_PATH,
        ),
        Leg("bat-trang", "kim-lan", at(1, "13:05"), at(1, "13:20"), "car", 2_100.0),
        # a leg whose distance is unknown, drawn as a straight line
        Leg("kim-lan", "hoan-kiem-lake", at(1, "14:15"), at(1, "14:55"), "car", None),
    )
    breaks = (Break("lunch", at(1, "11:45"), at(1, "13:05"), "bat-trang"),)
    return Day(
        date=dt.date(2026, 3, 2),
        start_place=HOAN_KIEM,
        end_place=HOAN_KIEM,
        departure=at(1, "08:00"),
        arrival=at(1, "14:55"),
        stops=stops,
        legs=legs,
        breaks=breaks,
    )


def _day2() -> Day:
    stops = (
        Stop(VAN_PHUC, arrival=at(2, "08:35"), start=at(2, "08:35"), end=at(2, "09:35")),
        Stop(CHUONG, arrival=at(2, "10:05"), start=at(2, "10:05"), end=at(2, "10:50")),
    )
    legs = (
        Leg("old-quarter", "van-phuc", at(2, "08:00"), at(2, "08:35"), "car", 12_400.5),
        Leg("van-phuc", "chuong", at(2, "09:35"), at(2, "10:05"), "car", 16_800.0),
        Leg("chuong", "noi-bai-airport", at(2, "12:15"), at(2, "13:45"), "car", 52_000.0),
    )
    breaks = (Break("lunch", at(2, "10:50"), at(2, "12:15"), "chuong"),)
    return Day(
        date=dt.date(2026, 3, 3),
        start_place=OLD_QUARTER,
        end_place=NOI_BAI,
        departure=at(2, "08:00"),
        arrival=at(2, "13:45"),
        stops=stops,
        legs=legs,
        breaks=breaks,
    )


def make_itinerary(**changes: Any) -> Itinerary:
    """The two-day trip; keywords replace Itinerary fields."""
    fields: dict[str, Any] = {
        "days": (_day1(), _day2()),
        "left_out": (
            LeftOut(PHU_VINH, "closed", dates=(dt.date(2026, 3, 2), dt.date(2026, 3, 3))),
        ),
        "mode": "car",
        "notes": ("Giờ mở cửa có thể thay đổi; hãy gọi trước.", "Line one\nline two, three"),
    }
    fields.update(changes)
    return Itinerary(**fields)


def one_stop_itinerary(
    *,
    name_vi: str,
    name_en: str = "",
    notes: str = "",
    hours_note: str = "",
    craft: str = "",
) -> Itinerary:
    """A one-day, one-stop trip to a village with the given (awkward) texts."""
    village = Village(
        id="x",
        name_vi=name_vi,
        name_en=name_en,
        lat=21.0,
        lon=105.85,
        visit_minutes=60,
        opening_hours=OpeningHours.always(),
        interest=50,
        craft_vi=craft,
        craft_en=craft,
        hours_note=hours_note,
        notes=notes,
        commune_2025=name_en,
    )
    stop = Stop(village, at(1, "09:00"), at(1, "09:00"), at(1, "10:00"))
    legs = (
        Leg("hoan-kiem-lake", "x", at(1, "08:30"), at(1, "09:00"), "motorbike", 5000.0),
        Leg("x", "hoan-kiem-lake", at(1, "10:00"), at(1, "10:30"), "motorbike"),
    )
    day = Day(
        dt.date(2026, 3, 2),
        HOAN_KIEM,
        HOAN_KIEM,
        at(1, "08:30"),
        at(1, "10:30"),
        (stop,),
        legs,
        (Break(notes or "lunch", at(1, "10:00"), at(1, "10:00"), "x"),),
    )
    return Itinerary(days=(day,), notes=(notes,))


@pytest.fixture
def itinerary() -> Itinerary:
    """A two-day trip in Vietnamese: waits, lunch breaks, a road path, an unknown distance."""
    return make_itinerary()


@pytest.fixture(scope="session")
def build_one_stop() -> Callable[..., Itinerary]:
    """:func:`one_stop_itinerary`, for tests (hypothesis ones included) that vary texts."""
    return one_stop_itinerary


DTSTAMP = dt.datetime(2026, 2, 1, 12, 0, tzinfo=dt.UTC)


@pytest.fixture
def dtstamp() -> dt.datetime:
    """A fixed DTSTAMP, so that two exports of one plan are byte-identical."""
    return DTSTAMP
