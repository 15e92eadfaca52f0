"""Build ``villages.csv`` and ``start_points.csv`` from the researched reference tables.

Usage::

    python data/build_from_reference.py [REFERENCE_DIR]

``REFERENCE_DIR`` defaults to ``../shared/reference`` relative to the repository root (the
directory holding ``hanoi_craft_villages.csv`` and ``start_points.csv``). The two output files
are written next to this script.

What this script does, and nothing more:

* copies the researched facts verbatim from the reference (ids, names, crafts, districts,
  2025 communes, positions, coordinate kind/source/precision, confidence, notes) -- positions
  are copied as the exact strings of the reference, never re-rounded;
* adds the hand-made planning fields -- themes, visit duration and opening hours -- from the
  explicit tables below; the interest score of the evidence rule (``tourplan.datasets.evidence``
  over ``evidence.csv``: the score the library applies at load time); and the sourced facts
  of ``sourced_facts.py`` (short/typical/long visit lengths, opening hours, seasons, active
  hours, fees, and the sights written to ``sights.csv``), each with its source. Every value
  that is a judgement rather than a fact from a source carries a comment, and every default
  is marked ``default`` in the data;
* validates the result (row count, ids, bounding box, verbatim positions, opening-hours
  grammar, theme vocabulary, value ranges) and refuses to write anything if a check fails.

The rules behind the tables are described in ``data/README.md``. Needs tourplan installed
(the evidence rule; ``build_recognised.py``, which this script runs last, needs it too).
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_REFERENCE = HERE.parent.parent / "shared" / "reference"

sys.path.insert(0, str(HERE))
import sourced_facts as facts  # noqa: E402  (a sibling file, not an installed module)

from tourplan.datasets.evidence import (  # noqa: E402
    EvidenceRule,
    interest_from_evidence,
    load_evidence,
)

VILLAGE_COLUMNS = [
    "id", "name_vi", "name_en", "craft_vi", "craft_en", "themes", "old_district",
    "commune_2025", "lat", "lon", "coord_kind", "coord_precision_m", "coord_source",
    "confidence", "visit_minutes", "visit_minutes_origin", "opening_hours",
    "opening_hours_origin", "hours_note", "interest", "interest_basis", "url", "notes",
    "kind", "short_minutes", "long_minutes", "visit_minutes_source", "opening_hours_source",
    "season_months", "season_source", "active_hours", "active_hours_source", "fee_vnd",
    "fee_source",
]  # fmt: skip
KINDS = frozenset({"village", "pagoda", "temple", "museum", "show", "market"})
START_COLUMNS = [
    "id", "name_vi", "name_en", "kind", "lat", "lon", "coord_kind", "coord_precision_m",
    "coord_source", "notes",
]  # fmt: skip

THEMES = frozenset(
    {
        "ceramics", "textiles", "embroidery", "wood", "lacquer", "metal", "bamboo", "food",
        "heritage", "flowers", "performance", "art", "incense", "herbal", "jewellery",
    }
)  # fmt: skip
COORD_KINDS = frozenset({"village", "landmark", "commune_centroid"})
CONFIDENCES = frozenset({"high", "medium", "low"})
EXPECTED_VILLAGES = 61
EXPECTED_SIGHTS = 11
EXPECTED_START_POINTS = 4
LAT_RANGE = (20.5, 21.4)
LON_RANGE = (105.25, 106.05)

# --------------------------------------------------------------------------------------------
# Themes: 1-3 tags per village from the fixed vocabulary, chosen from the craft columns.
# --------------------------------------------------------------------------------------------
THEME_TAGS: dict[str, tuple[str, ...]] = {
    "bat-trang": ("ceramics",),
    "kim-lan": ("ceramics", "heritage"),  # judgement: ceramics museum + intangible heritage
    "van-phuc": ("textiles",),
    "phu-vinh": ("bamboo",),
    "trach-xa": ("textiles",),  # ao dai / costume tailoring
    "phung-xa-my-duc": ("textiles",),
    "quat-dong": ("embroidery", "textiles"),
    "ha-thai": ("lacquer",),
    "duong-lam": ("food", "heritage"),  # laterite ancient village + soy-sauce making
    "chuong": ("bamboo",),  # judgement: palm-leaf hats on bamboo frames; closest tag
    "son-dong": ("lacquer", "wood"),  # statue carving + lacquered worship objects
    "chang-son": ("bamboo", "wood"),  # carpentry + bamboo/paper fans
    "quang-phu-cau": ("incense",),
    "chuyen-my": ("art", "wood"),  # mother-of-pearl inlay on wooden pieces
    "nhi-khe": ("wood",),
    "dao-thuc": ("performance",),
    "nhat-tan": ("flowers",),
    "cu-da": ("food", "heritage"),  # ancient village + vermicelli / soy sauce
    "tranh-khuc": ("food",),
    "da-sy": ("metal",),
    "thach-xa": ("bamboo", "food"),  # bamboo dragonflies; che lam sweets as second craft
    "van-tu": ("textiles",),  # suit tailoring
    "co-do": ("art", "heritage"),  # judgement: ancient village of farmer-painters
    "huu-bang": ("textiles", "wood"),  # carpentry; garment sewing
    "phu-tuc": ("bamboo",),  # judgement: fern-grass/rattan/hyacinth weaving -> bamboo
    "xuan-la-to-he": ("art", "food"),  # rice-dough figurines
    "trieu-khuc": ("textiles",),  # judgement: silk cords, tassels, fringes
    "kieu-ky": ("art", "metal"),  # gold/silver leaf
    "thuy-ung": ("art",),  # judgement: horn handicrafts have no own tag
    "ngu-xa": ("food", "metal"),  # judgement: bronze casting; notes: area known for food
    "tay-tuu": ("flowers",),
    "vong-com": ("food",),
    "uoc-le": ("food",),
    "van-diem": ("wood",),
    "kim-hoang": ("art",),
    "la-phu": ("textiles",),  # knitwear; confectionery is secondary
    "y-la": ("textiles",),
    "truong-yen": ("bamboo",),
    "dinh-cong": ("jewellery", "metal"),
    "quang-an-tra-sen": ("food",),  # lotus tea
    "tu-van": ("embroidery", "textiles"),
    "thanh-tri-banh-cuon": ("food",),
    "phu-thuong-xoi": ("food",),
    "thiet-ung": ("wood",),
    "phu-an-moc": ("wood",),
    "tu-lien-quat": ("flowers",),  # judgement: ornamental kumquat -> flowers (horticulture)
    "dao-xa-dan": ("art", "wood"),  # judgement: instrument making; not 'performance'
    "phu-do-bun": ("food",),
    "bat-bun": ("food",),
    "vu-ngoai": ("metal",),
    "phung-xa-thach-that": ("metal",),
    "binh-phu": ("bamboo",),
    "me-linh-hoa": ("flowers",),
    "yen-son-thuoc-nam": ("herbal",),
    "ninh-hiep": ("herbal", "textiles"),  # herb processing/trade; textile trading
    "duong-lieu": ("food",),
    "minh-khai-mien": ("food",),
    "phu-nhi-banh-te": ("food",),
    "canh-hoach": ("art", "bamboo"),  # judgement: paper fans and bird cages
    "me-tri-com": ("food",),
    "lang-so-mien": ("food", "heritage"),  # vermicelli + Đình So (special national relic)
}

# --------------------------------------------------------------------------------------------
# Visit duration. Default by kind of site (ASSUMPTION, see README):
#   "workshop" 90 min -- handicraft village with workshops/showrooms to walk through;
#   "heritage" 120 min -- heritage village to wander (laterite houses, communal houses);
#   "short"    60 min -- food-making, horticultural or production village, or a village
#                        where the craft survives in a handful of households / one site.
# --------------------------------------------------------------------------------------------
WORKSHOP, HERITAGE, SHORT = "workshop", "heritage", "short"
DEFAULT_MINUTES = {WORKSHOP: 90, HERITAGE: 120, SHORT: 60}

# Durations that come from a source are in sourced_facts.VISIT_LENGTHS (short, typical, long,
# each with its source); the kind default below applies to the typical length otherwise.

SITE_KIND: dict[str, str] = {
    "bat-trang": WORKSHOP,  # duration from sourced_facts.VISIT_LENGTHS
    "kim-lan": WORKSHOP,
    "van-phuc": WORKSHOP,
    "phu-vinh": WORKSHOP,
    "trach-xa": WORKSHOP,
    "phung-xa-my-duc": WORKSHOP,
    "quat-dong": WORKSHOP,
    "ha-thai": WORKSHOP,
    "duong-lam": HERITAGE,
    "chuong": WORKSHOP,
    "son-dong": WORKSHOP,
    "chang-son": WORKSHOP,
    "quang-phu-cau": WORKSHOP,
    "chuyen-my": WORKSHOP,
    # The craft portal lists a '01 day' tour: that is a whole tour (100 USD), not the visit
    # of this village, so the workshop default applies.
    "nhi-khe": WORKSHOP,
    "dao-thuc": WORKSHOP,  # judgement: communal house, puppet workshop; show if booked
    "nhat-tan": SHORT,  # peach gardens
    "cu-da": HERITAGE,  # duration from sourced_facts.VISIT_LENGTHS
    "tranh-khuc": SHORT,
    "da-sy": WORKSHOP,  # duration from sourced_facts.VISIT_LENGTHS
    "thach-xa": SHORT,  # judgement: only a few producing households
    "van-tu": SHORT,  # tailoring; limited tourism evidence
    "co-do": HERITAGE,
    "huu-bang": SHORT,  # production village
    "phu-tuc": WORKSHOP,
    "xuan-la-to-he": SHORT,  # judgement: figurine-making households, no tourism source
    "trieu-khuc": SHORT,  # judgement: small-goods production (tassels, dusters)
    "kieu-ky": WORKSHOP,
    "thuy-ung": WORKSHOP,
    "ngu-xa": SHORT,  # judgement: urban; communal house and a few bronze shops
    "tay-tuu": SHORT,  # flower fields
    "vong-com": SHORT,
    "uoc-le": SHORT,
    "van-diem": WORKSHOP,
    "kim-hoang": SHORT,  # craft nearly extinct; painting house by the đình
    "la-phu": SHORT,  # production village
    "y-la": SHORT,  # production village
    "truong-yen": SHORT,  # production village
    "dinh-cong": SHORT,  # production village; very few smiths left
    "quang-an-tra-sen": SHORT,
    "tu-van": SHORT,  # judgement: only a few households still hand-embroider
    "thanh-tri-banh-cuon": SHORT,
    "phu-thuong-xoi": SHORT,
    "thiet-ung": SHORT,  # production village
    "phu-an-moc": SHORT,  # production village
    "tu-lien-quat": SHORT,  # kumquat gardens
    "dao-xa-dan": SHORT,  # judgement: only a few instrument-making households
    "phu-do-bun": SHORT,
    "bat-bun": SHORT,
    "vu-ngoai": SHORT,  # production village
    "phung-xa-thach-that": SHORT,  # industrial metalwork
    "binh-phu": SHORT,  # production village
    "me-linh-hoa": SHORT,  # flower fields
    "yen-son-thuoc-nam": WORKSHOP,  # judgement: visitors come to learn about the plants
    "ninh-hiep": SHORT,  # trading village
    "duong-lieu": SHORT,
    "minh-khai-mien": SHORT,
    "phu-nhi-banh-te": SHORT,
    "canh-hoach": SHORT,  # judgement: 4 elderly fan-making households (2015)
    "me-tri-com": SHORT,
    "lang-so-mien": SHORT,  # judgement: vermicelli drying yards + Đình So; food rule
}

# --------------------------------------------------------------------------------------------
# Opening hours (subset of OSM opening_hours). The default is an ASSUMPTION (see README): a
# plain daytime window, every day, with no midday closure -- never stricter than a place's
# real hours are likely to be. Bát Tràng's sourced village hours (08:00-17:30 every day) are
# the only village-wide statement and give the window. Hours a source gives are in
# sourced_facts.VILLAGE_HOURS (villages) and in the SIGHTS rows.
# --------------------------------------------------------------------------------------------
HOURS_DEFAULT = "Mo-Su 08:00-17:30"

# Extra hours-related remarks taken from the reference notes (quoted or paraphrased there).
HOURS_EXTRA: dict[str, str] = {
    "quat-dong": "The Saturday-morning workshop is a specific event; the village can be "
    "visited on other days (default hours).",
    "kim-lan": "The Kim Lan museum (open Saturdays and Sundays) is the separate sight "
    "bao-tang-gom-kim-lan; the village's workshops get the default hours.",
    "chuong": "Plan a visit on a market day (lunar calendar) to see the hat market; hội chợ "
    "on the 10th day of the 1st lunar month (reference notes).",
    "dao-thuc": "Book a puppet show with the troupe in advance; without a booking the visit "
    "is the village and communal house only.",
    "nhat-tan": "Worth visiting only in the weeks before Tết. Nearby Quảng Bá flower market "
    "open 'from morning to late at night' (same source).",
    "tu-lien-quat": "Seasonal: gardens open to buyers before Tết (reference notes).",
    "van-phuc": "During the Nov-2018 handicraft festival stores traded daily until 23:00 "
    "(event-specific; reference notes).",
    "phu-thuong-xoi": "Xôi is sold mainly in the city in the morning; the village cooks from "
    "~16:00 to dawn (reference notes).",
    "tranh-khuc": "Seasonal (Tết) (reference notes).",
    "vong-com": "Seasonal (autumn) (reference notes).",
    "me-tri-com": "Seasonal: main season from late 6th to 10th lunar month (reference notes).",
    "quang-an-tra-sen": "Seasonal: lotus season, early summer (reference notes).",
    "phu-do-bun": "Village festival with flying palanquin every 5 years, 8th day of the 1st "
    "lunar month (reference notes).",
    "thach-xa": "Bamboo dragonflies are sold at the steps of Tây Phương pagoda (the point); "
    "the workshops are in the village below the hill.",
}

# --------------------------------------------------------------------------------------------
# Interest: the score the library gives a place at load time (tourplan.load_hanoi()), by the
# evidence rule of tourplan.datasets.evidence over the sourced facts of evidence.csv, written
# into the interest column so that the file says what the planner uses and a copy of it plans
# the same. There is no hand-made score and no list of favourite places here.
# --------------------------------------------------------------------------------------------


def evidence_scores() -> dict[str, tuple[int, str]]:
    """Interest and its basis for every place with facts in ``evidence.csv`` (the rule's)."""
    return interest_from_evidence(load_evidence(HERE / "evidence.csv"))


def interest_of(place_id: str, scores: dict[str, tuple[int, str]]) -> tuple[int, str]:
    """A place's interest and basis; the rule's base for a place without facts."""
    rule = EvidenceRule()
    return scores.get(place_id, (rule.base, rule.basis([])))


# Source URL for the village: the first http(s) URL in the reference notes, unless noted here.
URL_OVERRIDE: dict[str, str] = {
    # The first URL in the notes is the administrative-merger article, not the craft source.
    "binh-phu": "https://thachthat.hanoi.gov.vn/lang-nghe-truyen-thong/-/asset_publisher/"
    "UJDNl7KcYZxf/content/thuc-trang-phat-trien-lang-nghe-huyen-thach-that",
}

# Start points: precision of the published value (estimated as in NOTES_v2).
START_PRECISION_M: dict[str, int] = {
    "hoan-kiem-lake": 30,  # GPS of Turtle Tower given to 5 decimals (~1 m); ~30 m as landmark
    "old-quarter": 1000,  # Google ward geocode (small urban ward, NOTES_v2: 800-1500 m)
    "noi-bai-airport": 30,  # en.wikipedia arc-second coordinates
    "hanoi-railway-station": 30,  # it.wikipedia arc-second coordinates
}

# --------------------------------------------------------------------------------------------

_URL = re.compile(r"https?://[^\s\"'()]+")
_DAYS = r"(?:Mo|Tu|We|Th|Fr|Sa|Su|PH)"
_DAYSEL = rf"{_DAYS}(?:-{_DAYS})?(?:,{_DAYS}(?:-{_DAYS})?)*"
_TIME = r"(?:[01]\d|2[0-3]):[0-5]\d"
_SPAN = rf"{_TIME}-(?:{_TIME}|24:00)"
_RULE = rf"{_DAYSEL} (?:off|{_SPAN}(?:,{_SPAN})*)"
OPENING_HOURS_RE = re.compile(rf"^{_RULE}(?:; {_RULE})*$")
_MONTH = r"(?:[1-9]|1[0-2])"
SEASON_RE = re.compile(rf"^(?:{_MONTH}(?:-{_MONTH})?(?:,{_MONTH}(?:-{_MONTH})?)*)?$")


def first_url(text: str) -> str:
    """Return the first http(s) URL in ``text`` without trailing punctuation, or ''."""
    match = _URL.search(text)
    return match.group(0).rstrip(".,:;") if match else ""


def hours_for(row: dict[str, str]) -> tuple[str, str, str, str]:
    """Return (opening_hours, origin, source, hours_note) for one reference row."""
    vid = row["id"]
    notes: list[str] = []
    if vid in facts.VILLAGE_HOURS:
        hours, origin, source = facts.VILLAGE_HOURS[vid]
    else:
        hours, origin, source = HOURS_DEFAULT, "default", ""
    if row["opening_hours"]:
        ref = row["opening_hours"]
        if row["hours_source"]:
            ref += f" — {row['hours_source']}"
        notes.append(ref)
    if vid in HOURS_EXTRA:
        notes.append(HOURS_EXTRA[vid])
    note = " ".join(n if n.endswith(".") else n + "." for n in notes)
    return hours, origin, source, note


def visit_for(vid: str) -> dict[str, str]:
    """The visit-length columns of one village id (typical default by kind when unsourced)."""
    short, typical, long, source = facts.VISIT_LENGTHS.get(vid, (None, None, None, ""))
    return {
        "visit_minutes": str(typical if typical is not None else DEFAULT_MINUTES[SITE_KIND[vid]]),
        "visit_minutes_origin": "source" if typical is not None else "default",
        "short_minutes": "" if short is None else str(short),
        "long_minutes": "" if long is None else str(long),
        "visit_minutes_source": source,
    }


def extras_for(vid: str) -> dict[str, str]:
    """Season, active hours and fee columns of one id, with their sources ("" when none)."""
    season, season_source = facts.SEASONS.get(vid, ("", ""))
    active, active_source = facts.ACTIVE_HOURS.get(vid, ("", ""))
    fee, fee_source = facts.FEES.get(vid, (None, ""))
    return {
        "season_months": season,
        "season_source": season_source,
        "active_hours": active,
        "active_hours_source": active_source,
        "fee_vnd": "" if fee is None else str(fee),
        "fee_source": fee_source,
    }


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def build_villages(ref: list[dict[str, str]]) -> list[dict[str, str]]:
    ids = [r["id"] for r in ref]
    for table_name, table in (
        ("THEME_TAGS", THEME_TAGS),
        ("SITE_KIND", SITE_KIND),
    ):
        missing, extra = set(ids) - set(table), set(table) - set(ids)
        if missing or extra:
            raise ValueError(f"{table_name}: missing {sorted(missing)}, unknown {sorted(extra)}")
    out = []
    scores = evidence_scores()
    for r in ref:
        vid = r["id"]
        hours, hours_origin, hours_source, hours_note = hours_for(r)
        interest, basis = interest_of(vid, scores)
        out.append(
            {
                "kind": "village",
                "id": vid,
                "name_vi": r["name_vi"],
                "name_en": r["name_en"],
                "craft_vi": r["craft_vi"],
                "craft_en": r["craft_en"],
                "themes": ";".join(sorted(THEME_TAGS[vid])),
                "old_district": r["old_district"],
                "commune_2025": r["new_commune_2025"],
                "lat": r["lat"],
                "lon": r["lon"],
                "coord_kind": r["coord_kind"],
                "coord_precision_m": r["coord_precision_m"],
                "coord_source": r["coord_source"],
                "confidence": r["confidence"],
                **visit_for(vid),
                "opening_hours": hours,
                "opening_hours_origin": hours_origin,
                "opening_hours_source": hours_source,
                "hours_note": hours_note,
                "interest": str(interest),
                "interest_basis": basis,
                "url": URL_OVERRIDE.get(vid) or first_url(r["notes"]) or r["hours_source"],
                "notes": r["notes"],
                **extras_for(vid),
            }
        )
    return out


def _sight_position(spec: str, by_id: dict[str, dict[str, str]]) -> dict[str, str]:
    """``ref:<id>`` copies a reference row's point verbatim.

    Otherwise the spec is ``lat,lon,kind,precision,source``.
    """
    if spec.startswith("ref:"):
        r = by_id[spec[4:]]
        return {k: r[k] for k in ("lat", "lon", "coord_kind", "coord_precision_m", "coord_source")}
    lat, lon, kind, precision, source = spec.split(",", 4)
    return {
        "lat": lat,
        "lon": lon,
        "coord_kind": kind,
        "coord_precision_m": precision,
        "coord_source": source,
    }


def build_sights(ref: list[dict[str, str]]) -> list[dict[str, str]]:
    """The sights of ``sourced_facts.SIGHTS`` as rows with the village columns."""
    by_id = {r["id"]: r for r in ref}
    out = []
    scores = evidence_scores()
    for spec in facts.SIGHTS:
        interest, basis = interest_of(spec["id"], scores)
        commune = spec.get("commune_2025", "")
        if commune.startswith("ref:"):
            commune = by_id[commune[4:]]["new_commune_2025"]
        sourced_minutes = "visit_minutes" in spec
        sourced_hours = "opening_hours" in spec
        row = {
            "id": spec["id"],
            "kind": spec["kind"],
            "name_vi": spec["name_vi"],
            "name_en": spec["name_en"],
            "craft_vi": spec["craft_vi"],
            "craft_en": spec["craft_en"],
            "themes": ";".join(sorted(spec["themes"].split(";"))),
            "old_district": spec["old_district"],
            "commune_2025": commune,
            **_sight_position(spec["position"], by_id),
            "confidence": spec["confidence"],
            "visit_minutes": spec.get("visit_minutes", str(facts.SIGHT_DEFAULT_MINUTES)),
            "visit_minutes_origin": "source" if sourced_minutes else "default",
            "short_minutes": spec.get("short_minutes", ""),
            "long_minutes": spec.get("long_minutes", ""),
            "visit_minutes_source": spec.get("visit_minutes_source", ""),
            "opening_hours": spec.get("opening_hours", HOURS_DEFAULT),
            "opening_hours_origin": spec.get(
                "opening_hours_origin", "source" if sourced_hours else "default"
            ),
            "opening_hours_source": spec.get("opening_hours_source", ""),
            "hours_note": spec.get("hours_note", ""),
            "interest": str(interest),
            "interest_basis": basis,
            "url": spec["url"],
            "notes": spec["notes"],
            "season_months": spec.get("season_months", ""),
            "season_source": spec.get("season_source", ""),
            "active_hours": spec.get("active_hours", ""),
            "active_hours_source": spec.get("active_hours_source", ""),
            "fee_vnd": spec.get("fee_vnd", ""),
            "fee_source": spec.get("fee_source", ""),
        }
        out.append(row)
    return out


def build_start_points(ref: list[dict[str, str]]) -> list[dict[str, str]]:
    return [
        {
            "id": r["id"],
            "name_vi": r["name_vi"],
            "name_en": r["name_en"],
            "kind": "start",
            "lat": r["lat"],
            "lon": r["lon"],
            "coord_kind": r["coord_kind"],
            "coord_precision_m": str(START_PRECISION_M[r["id"]]),
            "coord_source": r["coord_source"],
            "notes": r["notes"],
        }
        for r in ref
    ]


def check(
    rows: list[dict[str, str]], ref: list[dict[str, str]], expected: int, *, verbatim: bool = True
) -> list[str]:
    """Return a list of problems (empty when the table is valid).

    ``verbatim``: every row is a reference row whose position must be copied unchanged
    (False for the sights, whose positions come from ``sourced_facts.py``).
    """
    errors: list[str] = []
    if len(rows) != expected:
        errors.append(f"expected {expected} rows, got {len(rows)}")
    ids = [r["id"] for r in rows]
    if len(set(ids)) != len(ids):
        errors.append("duplicate ids")
    by_id = {r["id"]: r for r in ref}
    for r in rows:
        vid = r["id"]
        if verbatim and (r["lat"], r["lon"]) != (by_id[vid]["lat"], by_id[vid]["lon"]):
            errors.append(f"{vid}: position differs from the reference")
        lat, lon = float(r["lat"]), float(r["lon"])
        if not (LAT_RANGE[0] <= lat <= LAT_RANGE[1] and LON_RANGE[0] <= lon <= LON_RANGE[1]):
            errors.append(f"{vid}: position {lat},{lon} outside the Hanoi box")
        if r["coord_kind"] not in COORD_KINDS:
            errors.append(f"{vid}: bad coord_kind {r['coord_kind']!r}")
        if not r["coord_precision_m"].isdigit() or int(r["coord_precision_m"]) <= 0:
            errors.append(f"{vid}: bad coord_precision_m {r['coord_precision_m']!r}")
        if "opening_hours" not in r:
            continue  # start point: no planning fields
        if not OPENING_HOURS_RE.match(r["opening_hours"]):
            errors.append(f"{vid}: opening_hours {r['opening_hours']!r} outside the grammar")
        themes = r["themes"].split(";")
        if not 1 <= len(themes) <= 3 or not set(themes) <= THEMES:
            errors.append(f"{vid}: bad themes {r['themes']!r}")
        if not 1 <= int(r["interest"]) <= 100:
            errors.append(f"{vid}: interest {r['interest']} outside 1..100")
        if int(r["visit_minutes"]) <= 0:
            errors.append(f"{vid}: visit_minutes must be positive")
        if r["visit_minutes_origin"] not in {"source", "default"}:
            errors.append(f"{vid}: bad visit_minutes_origin")
        if r["opening_hours_origin"] not in {"source", "default", "source+default"}:
            errors.append(f"{vid}: bad opening_hours_origin")
        if r["confidence"] not in CONFIDENCES:
            errors.append(f"{vid}: bad confidence {r['confidence']!r}")
        if r["url"] and not r["url"].startswith(("http://", "https://")):
            errors.append(f"{vid}: bad url {r['url']!r}")
        errors += check_sources(r)
    return errors


def check_sources(r: dict[str, str]) -> list[str]:
    """Every value that is not a default names its source; lengths and months are in range."""
    vid, errors = r["id"], []
    if r["kind"] not in KINDS:
        errors.append(f"{vid}: bad kind {r['kind']!r}")
    lengths = [r["short_minutes"], r["visit_minutes"], r["long_minutes"]]
    if any(x and not x.isdigit() for x in lengths):
        errors.append(f"{vid}: visit lengths must be whole minutes")
    elif [int(x) for x in lengths if x] != sorted(int(x) for x in lengths if x):
        errors.append(f"{vid}: short <= typical <= long does not hold")
    sourced_length = (
        r["visit_minutes_origin"] == "source" or r["short_minutes"] or r["long_minutes"]
    )
    if bool(sourced_length) != bool(r["visit_minutes_source"]):
        errors.append(f"{vid}: a sourced visit length needs visit_minutes_source, and only it")
    if (r["opening_hours_origin"] != "default") != bool(r["opening_hours_source"]):
        errors.append(f"{vid}: sourced opening hours need opening_hours_source, and only they")
    if r["opening_hours_origin"] == "default" and r["opening_hours"] != HOURS_DEFAULT:
        errors.append(f"{vid}: default hours must be {HOURS_DEFAULT!r}")
    if not SEASON_RE.match(r["season_months"]):
        errors.append(f"{vid}: season_months {r['season_months']!r} outside the grammar")
    for value, source in (
        ("season_months", "season_source"),
        ("active_hours", "active_hours_source"),
        ("fee_vnd", "fee_source"),
    ):
        if bool(r[value]) != bool(r[source]):
            errors.append(f"{vid}: {value} needs {source}, and only it")
    if r["active_hours"] and not OPENING_HOURS_RE.match(r["active_hours"]):
        errors.append(f"{vid}: active_hours {r['active_hours']!r} outside the grammar")
    if r["fee_vnd"] and not r["fee_vnd"].isdigit():
        errors.append(f"{vid}: fee_vnd must be whole đồng")
    return errors


def write_csv(path: Path, columns: list[str], rows: list[dict[str, str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def main(argv: list[str]) -> int:
    if len(argv) > 2 or (len(argv) == 2 and argv[1] in {"-h", "--help"}):
        print(__doc__)
        return 0 if len(argv) == 2 else 2
    reference = Path(argv[1]) if len(argv) == 2 else DEFAULT_REFERENCE
    if not (reference / "hanoi_craft_villages.csv").is_file():
        print(f"no hanoi_craft_villages.csv in {reference}", file=sys.stderr)
        return 2
    ref_villages = read_csv(reference / "hanoi_craft_villages.csv")
    ref_starts = read_csv(reference / "start_points.csv")
    villages = build_villages(ref_villages)
    sights = build_sights(ref_villages)
    starts = build_start_points(ref_starts)
    errors = check(villages, ref_villages, EXPECTED_VILLAGES)
    errors += check(sights, ref_villages, EXPECTED_SIGHTS, verbatim=False)
    errors += check(starts, ref_starts, EXPECTED_START_POINTS)
    clash = {r["id"] for r in sights} & {r["id"] for r in villages}
    if clash:
        errors.append(f"sight ids clash with village ids: {sorted(clash)}")
    if errors:
        print("refusing to write; problems found:", *errors, sep="\n  ", file=sys.stderr)
        return 1
    write_csv(HERE / "villages.csv", VILLAGE_COLUMNS, villages)
    write_csv(HERE / "sights.csv", VILLAGE_COLUMNS, sights)
    write_csv(HERE / "start_points.csv", START_COLUMNS, starts)
    print(
        f"wrote {len(villages)} villages, {len(sights)} sights and {len(starts)} start points "
        f"to {HERE}"
    )
    # the recognised and tour villages (issue #18) and every row's status come next
    from build_recognised import build

    return 1 if build(reference) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
