"""Hanoi's communes before and after 2025, offline: place a village at its commune's point.

The points, bounding boxes and the 1 July 2025 successor communes come from the maintained
``vietnamadminunits`` package (PyPI, MIT; github.com/tranngocminhhieu/vietnamadminunits):

* table ``admin_units_legacy`` of its ``data/dataset.db``: the 526 communes of Hanoi as of
  1 January 2025, each with a point and a bounding box (Google geocodes of
  "Xã X, Huyện Y, Thành phố Hà Nội", collected by the package's author) and, in
  ``wardAlias``, the communes merged into it on 1 January 2025;
* table ``admin_units``: the communes after 1 July 2025, with point and area;
* ``data/converter_2025.json``: which old commune went into which new one (NQ 1656/NQ-UBTVQH15),
  with every successor of a commune that was split.

The package's data files are read directly (sqlite3 and json from the standard library):
importing the package itself loads its address parsers and shapely, which a placement does
not need, and its converter may geocode online. Nothing here touches the network.

A name matches whatever its diacritics and prefix ("Xã Dân Hòa", "xa dan hoa", "Dân Hoà",
"Dan Hoa" are one commune). Nothing is guessed: a name that is unknown, that two districts
share (without a district to choose), or whose district disagrees, is refused with the
reason (:class:`CommuneError`).
"""

from __future__ import annotations

import difflib
import importlib.util
import json
import math
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ..exceptions import TourplanError
from ..names import fold

__all__ = [
    "Commune",
    "CommuneError",
    "CommuneIndex",
    "Placement",
    "commune_index",
    "strip_district_type",
    "strip_ward_type",
    "ward_keys",
]

PACKAGE = "vietnamadminunits"
_PROVINCE = "Thành phố Hà Nội"
_PROVINCE_KEY = "thanhphohanoi"
MIN_PRECISION_M = 1000
"""Least error claimed for a commune point: villages lie 1-3 km from it (data/README.md)."""
MAX_PRECISION_M = 3000
"""Most error claimed for the point of an unmerged commune."""
MERGED_PRECISION_M = (3000, 4000)
"""Error range for a commune merged into a bigger one: the point is the successor's."""
_WARD_TYPES = ("thi tran", "phuong", "xa", "tt", "p", "x")
_MARKED_WARD_TYPES = ("thị trấn", "phường", "xã", "tt", "p", "x")
_TYPE_WORDS = (
    ("thi tran", "thi tran"),
    ("tt", "thi tran"),
    ("phuong", "phuong"),
    ("p", "phuong"),
    ("xa", "xa"),
    ("x", "xa"),
)
_DISTRICT_TYPES = ("thanh pho", "thi xa", "huyen", "quan", "tx", "h", "q")


def strip_ward_type(name: str) -> str:
    """A commune name folded and without its type: ``"Xã Dân Hòa"`` -> ``"dan hoa"``.

    Only a type written with its diacritics (or abbreviated, ``"P."``) is removed here, so
    that ``"Xã Phương Trung"`` keeps its ``phuong``; see :func:`ward_keys` for typed names
    without diacritics.
    """
    marked = fold(name, keep_marks=True)
    return fold(_strip(marked, _MARKED_WARD_TYPES))


def ward_keys(name: str) -> list[str]:
    """The keys to try for a commune as typed: ``"xa la"`` may be Phường Xa La or Xã La."""
    stripped = strip_ward_type(name)
    plain = fold(name)
    if stripped != plain:
        return [stripped]
    return list(dict.fromkeys([plain, _strip(plain, _WARD_TYPES)]))


def strip_district_type(name: str) -> str:
    """A district name folded and without its type: ``"Huyện Thanh Oai"`` -> ``"thanh oai"``."""
    return _strip(fold(name), _DISTRICT_TYPES)


def _strip(folded: str, prefixes: Iterable[str]) -> str:
    for prefix in prefixes:
        if folded.startswith(prefix + " ") and len(folded) > len(prefix) + 1:
            return folded[len(prefix) + 1 :]
    return folded


@dataclass(frozen=True)
class Commune:
    """One commune of Hanoi as of 1 January 2025 (before the 1 July 2025 reorganisation).

    Attributes
    ----------
    name, district
        Full names, e.g. ``"Xã Dân Hòa"``, ``"Huyện Thanh Oai"``.
    code
        The GSO commune code.
    lat, lon
        The package's point for the commune (WGS-84).
    box
        ``(south, west, north, east)`` of the commune.
    merged
        The package's keys (folded, no spaces, e.g. ``"kimlan"``) of the communes merged
        into this one on 1 January 2025.
    successors
        The 2025 commune(s) it went into; the first is the package's default for a split.
    """

    name: str
    district: str
    code: str
    lat: float
    lon: float
    box: tuple[float, float, float, float]
    merged: tuple[str, ...]
    successors: tuple[str, ...]

    def contains(self, lat: float, lon: float) -> bool:
        """Whether the point lies inside the commune's bounding box."""
        south, west, north, east = self.box
        return south <= lat <= north and west <= lon <= east

    def half_diagonal_m(self) -> float:
        """Half the diagonal of the box in metres: how far a village may be from its centre."""
        south, west, north, east = self.box
        dy = (north - south) * 111_320.0
        dx = (east - west) * 111_320.0 * math.cos(math.radians((north + south) / 2))
        return math.hypot(dx, dy) / 2

    @property
    def commune_2025(self) -> str:
        """The 2025 commune, or ``"Split: A / B"`` naming every successor."""
        if len(self.successors) == 1:
            return self.successors[0]
        return "Split: " + " / ".join(self.successors)


@dataclass(frozen=True)
class Placement:
    """Where a village was placed and how sure that is.

    ``merged_name`` is the commune named in the list when it was merged into ``commune``
    on 1 January 2025 (the point is then the bigger successor's).
    """

    commune: Commune
    precision_m: int
    merged_name: str = ""

    @property
    def lat(self) -> float:
        return self.commune.lat

    @property
    def lon(self) -> float:
        return self.commune.lon


class CommuneError(TourplanError):
    """A commune that cannot be placed without guessing; ``reason`` is a short code.

    Reasons: ``unknown_commune``, ``homonym`` (two communes of that name in different
    districts), ``district_mismatch``, ``unknown_district``, ``missing_commune``,
    ``merged_2025`` (a 2025 commune made of several older ones: the list must say which).
    """

    def __init__(self, message: str, reason: str) -> None:
        super().__init__(message)
        self.reason = reason


class CommuneIndex:
    """The communes of Hanoi, found by old (pre-2025) or new (2025) name, offline."""

    def __init__(self, communes: Iterable[Commune], new_communes: dict[str, list[str]]) -> None:
        """Index ``communes``; ``new_communes`` maps a 2025 commune to its predecessors' codes."""
        self.communes = tuple(communes)
        self._by_name: dict[str, list[Commune]] = {}
        self._by_merged: dict[str, list[Commune]] = {}
        self._districts: dict[str, str] = {}
        for commune in self.communes:
            self._by_name.setdefault(strip_ward_type(commune.name), []).append(commune)
            for old in commune.merged:
                self._by_merged.setdefault(old, []).append(commune)
            self._districts[strip_district_type(commune.district)] = commune.district
        by_code = {c.code: c for c in self.communes}
        self._by_new: dict[str, list[Commune]] = {}
        for new_name, codes in new_communes.items():
            olds = [by_code[code] for code in codes if code in by_code]
            self._by_new.setdefault(strip_ward_type(new_name), []).extend(olds)

    def district(self, name: str) -> str:
        """The full name of a district of Hanoi (before July 2025), forgiving type and marks."""
        key = strip_district_type(name)
        if key not in self._districts:
            close = difflib.get_close_matches(key, list(self._districts), n=1, cutoff=0.8)
            hint = f"; did you mean {self._districts[close[0]]!r}?" if close else ""
            raise CommuneError(
                f"unknown district {name!r} (not a district of Hanoi before July 2025){hint}",
                "unknown_district",
            )
        return self._districts[key]

    def district_box(self, district: str) -> tuple[float, float, float, float]:
        """``(south, west, north, east)`` around every commune box of ``district``."""
        boxes = [c.box for c in self.communes if c.district == district]
        if not boxes:
            raise CommuneError(f"unknown district {district!r}", "unknown_district")
        return (
            min(b[0] for b in boxes),
            min(b[1] for b in boxes),
            max(b[2] for b in boxes),
            max(b[3] for b in boxes),
        )

    def place(self, commune: str, district: str = "") -> Placement:
        """Place a village by its commune (old or 2025 name) and, if given, its district.

        Raises
        ------
        CommuneError
            When the commune is empty or unknown, when two districts have a commune of that
            name and ``district`` does not choose one, or when ``district`` disagrees.
        """
        keys = [k for k in ward_keys(commune) if k]
        if not keys:
            raise CommuneError("no commune given", "missing_commune")
        wanted = self.district(district) if district.strip() else ""
        mismatch: CommuneError | None = None
        for key in keys:
            # "xa van ha" is tried whole, then as "van ha": a key naming a commune of another
            # district must not hide the commune of the district asked for under the next key.
            try:
                return self._place_key(commune, key, wanted)
            except CommuneError as exc:
                if exc.reason != "district_mismatch":
                    raise
                mismatch = mismatch or exc
            except LookupError:
                continue
        if mismatch is not None:
            raise mismatch
        every = list(self._by_name) + list(self._by_new)
        close = difflib.get_close_matches(keys[-1], every, n=1, cutoff=0.8)
        hint = f"; did you mean {close[0]!r}?" if close else ""
        raise CommuneError(
            f"unknown commune {commune!r}: no commune of Hanoi had that name before or "
            f"after the 2025 reorganisation{hint}",
            "unknown_commune",
        )

    def _place_key(self, commune: str, key: str, wanted: str) -> Placement:
        """Place ``commune`` under one of its keys; LookupError when the key names nothing."""
        direct = self._by_name.get(key, [])
        merged = [c for c in self._by_merged.get(key.replace(" ", ""), []) if c not in direct]
        found = self._choose(commune, direct, wanted)
        if found is not None:
            return Placement(found, _precision(found, merged=False))
        found = self._choose(commune, merged, wanted)
        if found is not None:
            return Placement(found, _precision(found, merged=True), merged_name=commune)
        olds = self._by_new.get(key, [])
        if olds:
            return self._place_new(commune, olds, wanted)
        raise LookupError(key)

    def _choose(self, asked: str, options: list[Commune], district: str) -> Commune | None:
        if not options:
            return None
        exact = [c for c in options if _marked(c.name) == _marked(asked)]
        if exact:  # "Vạn Phúc" typed with its marks is not "Vân Phúc"
            options = exact
        typed = [c for c in options if _type_of(asked) and _type_of(c.name) == _type_of(asked)]
        if typed:  # "Thị trấn Yên Viên" is not "Xã Yên Viên"
            options = typed
        if district:
            inside = [c for c in options if c.district == district]
            if not inside:
                elsewhere = ", ".join(sorted({c.district for c in options}))
                raise CommuneError(
                    f"district mismatch: {asked!r} is in {elsewhere}, not in {district}",
                    "district_mismatch",
                )
            options = inside
        if len(options) > 1:
            places = "; ".join(f"{c.name}, {c.district}" for c in options)
            one_district = len({c.district for c in options}) == 1
            what = "its type (Xã, Phường, Thị trấn)" if one_district else "the district"
            raise CommuneError(
                f"{asked!r} names {len(options)} communes ({places}): give {what}",
                "homonym",
            )
        return options[0]

    def _place_new(self, asked: str, olds: list[Commune], district: str) -> Placement:
        """A 2025 commune: the point of its predecessor of the same name, if there is one."""
        if district:
            olds_here = [c for c in olds if c.district == district]
            if not olds_here:
                elsewhere = ", ".join(sorted({c.district for c in olds}))
                raise CommuneError(
                    f"district mismatch: the 2025 commune {asked!r} was formed from communes "
                    f"of {elsewhere}, not of {district}",
                    "district_mismatch",
                )
            olds = olds_here
        if len(olds) == 1:
            return Placement(olds[0], _precision(olds[0], merged=False))
        names = ", ".join(f"{c.name} ({c.district})" for c in olds)
        raise CommuneError(
            f"{asked!r} is a 2025 commune formed from {len(olds)} older ones ({names}); "
            "give the pre-2025 commune to place the village within 1-3 km",
            "merged_2025",
        )


def _precision(commune: Commune, *, merged: bool) -> int:
    """Half the commune box's diagonal, kept to 1-3 km (3-4 km for a merged commune)."""
    low, high = MERGED_PRECISION_M if merged else (MIN_PRECISION_M, MAX_PRECISION_M)
    metres = min(max(commune.half_diagonal_m(), low), high)
    return int(round(metres / 100.0) * 100)


def package_dir() -> Path:
    """Where ``vietnamadminunits`` is installed, found without importing it.

    Raises
    ------
    TourplanError
        When the package is not installed.
    """
    spec = importlib.util.find_spec(PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise TourplanError(
            f"placing villages by commune needs the {PACKAGE} package: pip install {PACKAGE}"
        )
    return Path(next(iter(spec.submodule_search_locations)))


@cache
def commune_index() -> CommuneIndex:
    """The communes of Hanoi from the installed ``vietnamadminunits`` (read once)."""
    data = package_dir() / "data"
    with sqlite3.connect(f"file:{data / 'dataset.db'}?mode=ro", uri=True) as db:
        db.row_factory = sqlite3.Row
        old_rows = db.execute(
            "SELECT DISTINCT district, ward, districtKey, wardKey, wardCode, wardLat, wardLon,"
            " wardBounds, wardAlias FROM admin_units_legacy WHERE province = ?",
            (_PROVINCE,),
        ).fetchall()
        new_rows = db.execute(
            "SELECT DISTINCT ward, wardKey FROM admin_units WHERE province = ?", (_PROVINCE,)
        ).fetchall()
    convert = json.loads((data / "converter_2025.json").read_text(encoding="utf-8"))
    new_name = {r["wardKey"]: r["ward"] for r in new_rows}
    successors: dict[str, list[str]] = {}
    for new_key, olds in convert["DICT_PROVINCE_WARD_NO_DIVIDED"][_PROVINCE_KEY].items():
        for old in olds:
            successors.setdefault(old, []).append(new_name.get(new_key, new_key))
    for old, news in convert["DICT_PROVINCE_WARD_DIVIDED"][_PROVINCE_KEY].items():
        ordered = sorted(news, key=lambda n: not n["isDefaultNewWard"])
        successors[old] = [new_name.get(n["newWardKey"], n["newWardKey"]) for n in ordered]
    communes = []
    predecessors: dict[str, list[str]] = {}
    for r in old_rows:
        key = f"{_PROVINCE_KEY}_{r['districtKey']}_{r['wardKey']}"
        after = tuple(successors.get(key, ()))
        south_west, north_east = r["wardBounds"].split("–")
        south, west = (float(v) for v in south_west.split(","))
        north, east = (float(v) for v in north_east.split(","))
        merged = tuple(json.loads(r["wardAlias"]) if r["wardAlias"] else ())
        communes.append(
            Commune(
                name=r["ward"],
                district=r["district"],
                code=r["wardCode"],
                lat=float(r["wardLat"]),
                lon=float(r["wardLon"]),
                box=(south, west, north, east),
                merged=merged,
                successors=after,
            )
        )
        for new in after:
            predecessors.setdefault(new, []).append(r["wardCode"])
    return CommuneIndex(communes, predecessors)


def _type_of(name: str) -> str:
    """The type a commune name starts with, folded (``"thi tran"``, ``"phuong"``, ``"xa"``)."""
    plain = fold(name)
    for prefix, kind in _TYPE_WORDS:
        if plain.startswith(prefix + " "):
            return kind
    return ""


def _marked(name: str) -> str:
    """A commune name with its diacritics, without its type: tells Đông Sơn from Đồng Sơn."""
    return _strip(fold(name, keep_marks=True), _MARKED_WARD_TYPES)
