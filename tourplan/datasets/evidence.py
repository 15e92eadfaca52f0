"""Interest from evidence: sourced facts about places in a file, and the rule that scores them.

``data/evidence.csv`` holds one sourced fact a row (a national heritage listing, a relic
title, a tourism designation, an official city route, a published tour featuring the place,
published visitor numbers), each with its source URL. :class:`EvidenceRule` turns a place's
facts into an interest score (docs/value.md argues the weights); the bundled dataset applies
it at load time (``data/build_from_reference.py`` writes the same score into the bundled files'
``interest`` column; a user's own file keeps its own scores).
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, get_args

from .._io import read_utf8
from ..exceptions import DataError
from ..model import Villages
from .csv import csv_rows
from .records import RowContext

__all__ = [
    "EVIDENCE_KINDS",
    "Evidence",
    "EvidenceKind",
    "EvidenceRule",
    "apply_evidence",
    "interest_from_evidence",
    "load_evidence",
]

EvidenceKind = Literal[
    "national_heritage",
    "national_relic",
    "tourist_site",
    "city_route",
    "published_tour",
    "visitors",
]
"""What a fact says of a place:

- ``national_heritage``: its craft is on the national intangible cultural heritage list;
- ``national_relic``: it (or its communal house) is a national or special national relic;
- ``tourist_site``: the city designated it a tourist site / tourism village;
- ``city_route``: it is on an official city tourism route (Department of Tourism tours,
  planned tourist bus routes);
- ``published_tour``: a published tour (operator, guidebook, newspaper, blog) features it,
  one row per tour;
- ``visitors``: published visitor numbers or visitor services (a museum, a market, shows).
"""

EVIDENCE_KINDS: tuple[EvidenceKind, ...] = get_args(EvidenceKind)
"""Every kind of evidence, in the order of :data:`EvidenceKind`."""

_COLUMNS = ("village_id", "kind", "year", "detail", "source_url")


@dataclass(frozen=True)
class Evidence:
    """One sourced fact about a place.

    Parameters
    ----------
    village_id
        The place it is about.
    kind
        What it says (see :data:`EvidenceKind`).
    source_url
        Where it is published (``http://`` or ``https://``).
    year
        The year of the title or publication, when known.
    detail
        The fact in a few words, as the source gives it (data, not output text).
    """

    village_id: str
    kind: EvidenceKind
    source_url: str
    year: int | None = None
    detail: str = ""

    def __post_init__(self) -> None:
        if self.kind not in EVIDENCE_KINDS:
            raise DataError(
                f"unknown kind {self.kind!r}; known kinds: {', '.join(EVIDENCE_KINDS)}",
                field="kind",
            )
        if not self.source_url.startswith(("http://", "https://")):
            raise DataError(
                f"every fact needs a source URL, got {self.source_url!r}", field="source_url"
            )


@dataclass(frozen=True)
class EvidenceRule:
    """How facts become interest: ``base + Σ weight(kind) + tour_points(n tours)``, in 1-100.

    Each kind except ``published_tour`` counts once however many rows it has; published
    tours count ``tour_weight * log2(1 + n)``: the first tour is worth ``tour_weight``, each
    further one less (a place on 7 tours is not 7 times as interesting as one on 1 tour, and
    one tour more or less moves the score little, so the rule does not hinge on any one tour).

    Parameters
    ----------
    base
        Interest of a place with no evidence at all. Default 20.
    weights
        Points per kind (``published_tour`` excluded). Defaults: national heritage 15,
        national relic 15, tourist site 15, city route 10, visitors 5.
    tour_weight
        Points of the first published tour. Default 12.

    Examples
    --------
    >>> rule = EvidenceRule()
    >>> rule.interest(["national_heritage"])
    35
    >>> rule.interest(["published_tour"] * 3)
    44
    """

    base: int = 20
    weights: Mapping[str, int] = field(
        default_factory=lambda: {
            "national_heritage": 15,
            "national_relic": 15,
            "tourist_site": 15,
            "city_route": 10,
            "visitors": 5,
        }
    )
    tour_weight: float = 12.0

    def __post_init__(self) -> None:
        unknown = [k for k in self.weights if k not in EVIDENCE_KINDS or k == "published_tour"]
        if unknown:
            raise DataError(f"no weight for kind(s) {', '.join(unknown)}", field="weights")
        if any(w < 0 for w in self.weights.values()) or self.tour_weight < 0:
            raise DataError("weights must be >= 0", field="weights")
        if not 1 <= self.base <= 100:
            raise DataError(f"must be in 1-100, got {self.base}", field="base")

    def interest(self, kinds: Iterable[str]) -> int:
        """The interest of a place with facts of these kinds (one entry per fact)."""
        facts = list(kinds)
        tours = facts.count("published_tour")
        points: float = sum(self.weights.get(k, 0) for k in set(facts) if k != "published_tour")
        points += self.tour_weight * math.log2(1 + tours)
        return max(1, min(100, round(self.base + points)))

    def basis(self, kinds: Iterable[str]) -> str:
        """How :meth:`interest` was reached, as codes and numbers (e.g. for ``interest_basis``)."""
        facts = list(kinds)
        parts = [f"base {self.base}"]
        parts += [
            f"+{self.weights.get(k, 0)} {k}"
            for k in EVIDENCE_KINDS
            if k in facts and k != "published_tour"
        ]
        tours = facts.count("published_tour")
        if tours:
            parts.append(f"+{self.tour_weight * math.log2(1 + tours):.0f} published_tour x{tours}")
        return "evidence: " + "; ".join(parts)


def load_evidence(path: str | Path) -> tuple[Evidence, ...]:
    """Read an evidence CSV (columns ``village_id,kind,year,detail,source_url``).

    Raises
    ------
    DataError
        Naming the file, the row and the field of a bad cell.
    """
    source = str(path)
    rows = csv_rows(read_utf8(Path(path)), source, _COLUMNS, ("village_id", "kind", "source_url"))
    facts = []
    for row_number, row in rows:
        with RowContext(source, row_number):
            year_text = row.get("year", "").strip()
            year: int | None = None
            if year_text:
                if not year_text.isdigit() or not 1000 <= int(year_text) <= 2100:
                    raise DataError(f"{year_text!r} is not a year like 2019", field="year")
                year = int(year_text)
            facts.append(
                Evidence(
                    village_id=row["village_id"].strip(),
                    kind=row["kind"].strip(),  # type: ignore[arg-type]  # checked in Evidence
                    source_url=row["source_url"].strip(),
                    year=year,
                    detail=row.get("detail", "").strip(),
                )
            )
    return tuple(facts)


def interest_from_evidence(
    facts: Iterable[Evidence], rule: EvidenceRule | None = None
) -> dict[str, tuple[int, str]]:
    """Each place with facts: its interest by ``rule`` and the basis, by village id."""
    rule = rule or EvidenceRule()
    kinds: dict[str, list[str]] = {}
    for fact in facts:
        kinds.setdefault(fact.village_id, []).append(fact.kind)
    return {vid: (rule.interest(k), rule.basis(k)) for vid, k in kinds.items()}


def apply_evidence(
    villages: Villages, facts: Iterable[Evidence], rule: EvidenceRule | None = None
) -> Villages:
    """``villages`` with each interest from the evidence rule (base when a place has none).

    Raises
    ------
    DataError
        When a fact names a place that is not among ``villages``.
    """
    rule = rule or EvidenceRule()
    facts = tuple(facts)
    known = {v.id for v in villages}
    stray = sorted({f.village_id for f in facts} - known)
    if stray:
        raise DataError(f"evidence for unknown village(s) {', '.join(stray)}", field="village_id")
    scored = interest_from_evidence(facts, rule)
    fallback = (rule.base, rule.basis([]))
    return Villages(
        dataclasses.replace(
            v,
            interest=scored.get(v.id, fallback)[0],
            interest_basis=scored.get(v.id, fallback)[1],
        )
        for v in villages
    )
