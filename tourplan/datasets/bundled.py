"""The bundled dataset: Hanoi's craft villages, sights and start points, shipped in the wheel.

The files come from ``data/`` of the checkout; the wheel carries them as ``tourplan/_data``
(hatch ``force-include``) and they are found with :mod:`importlib.resources`.
"""

from __future__ import annotations

from pathlib import Path

from .._io import bundled_data_file, read_utf8
from ..exceptions import DataError
from ..model import Place, Villages
from .csv import csv_rows
from .evidence import apply_evidence, load_evidence
from .files import load_villages
from .records import RowContext, float_field, optional_int_field

__all__ = ["load_hanoi", "load_start_points"]

_START_POINT_COLUMNS = (
    "id",
    "name_vi",
    "name_en",
    "kind",
    "lat",
    "lon",
    "coord_kind",
    "coord_precision_m",
    "coord_source",
    "notes",
)


def _data_file(name: str) -> Path:
    """Path of a bundled data file: inside the installed wheel, or ``data/`` of a checkout."""
    path = bundled_data_file(name)
    if path is None:
        raise DataError(f"bundled data file {name} is missing from this installation")
    return path


def load_hanoi() -> Villages:
    """The bundled places of Hanoi: 61 craft villages, then 6 sights (see ``data/README.md``).

    The sights (pagodas and museums, ``kind != "village"``) come from ``sights.csv``; use
    :meth:`~tourplan.model.Villages.villages` or :meth:`~tourplan.model.Villages.sights` to
    keep one kind.

    Each village's interest comes from the sourced facts of ``data/evidence.csv`` by the
    default :class:`~tourplan.datasets.evidence.EvidenceRule` (docs/value.md).

    Examples
    --------
    >>> places = load_hanoi()
    >>> len(places), len(places.villages()), len(places.sights())
    (104, 93, 11)
    >>> places.get("bat-trang").name_vi
    'Làng gốm Bát Tràng'
    >>> places.get("Chùa Thầy").kind
    'pagoda'
    """
    villages = load_villages(_data_file("villages.csv"))
    sights = load_villages(_data_file("sights.csv"))
    return apply_evidence(Villages([*villages, *sights]), load_evidence(_data_file("evidence.csv")))


def load_start_points() -> tuple[Place, ...]:
    """The bundled start points: Hoàn Kiếm Lake, the Old Quarter, Nội Bài airport, the station.

    Examples
    --------
    >>> [p.id for p in load_start_points()]
    ['hoan-kiem-lake', 'old-quarter', 'noi-bai-airport', 'hanoi-railway-station']
    """
    path = _data_file("start_points.csv")
    rows = csv_rows(
        read_utf8(path), str(path), _START_POINT_COLUMNS, ("id", "name_vi", "lat", "lon")
    )
    places = []
    for row_number, row in rows:
        with RowContext(str(path), row_number):
            places.append(
                Place(
                    id=row["id"],
                    name=row["name_vi"],
                    name_en=row.get("name_en", ""),
                    lat=float_field(row, "lat"),
                    lon=float_field(row, "lon"),
                    coord_kind=row.get("coord_kind") or "landmark",  # type: ignore[arg-type]
                    coord_precision_m=optional_int_field(row, "coord_precision_m"),
                    coord_source=row.get("coord_source", ""),
                    notes=row.get("notes", ""),
                )
            )
    return tuple(places)
