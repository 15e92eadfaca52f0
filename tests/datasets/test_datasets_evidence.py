"""Interest from evidence: the bundled facts each carry a source, and the rule scores them."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import tourplan
from tourplan.datasets.evidence import (
    EVIDENCE_KINDS,
    EvidenceRule,
    apply_evidence,
    load_evidence,
)

DATA = Path(__file__).resolve().parents[2] / "data" / "evidence.csv"


def test_every_bundled_fact_has_a_source_and_a_known_village() -> None:
    facts = load_evidence(DATA)
    ids = {v.id for v in tourplan.load_hanoi()}
    assert facts and all(f.source_url.startswith("http") for f in facts)
    assert {f.village_id for f in facts} <= ids


def test_bundled_interest_comes_from_the_evidence_rule() -> None:
    hanoi = tourplan.load_hanoi()
    assert hanoi.get("bat-trang").interest > hanoi.get("huu-bang").interest
    assert hanoi.get("huu-bang").interest == EvidenceRule().base


@given(st.lists(st.sampled_from(EVIDENCE_KINDS), max_size=12), st.sampled_from(EVIDENCE_KINDS))
def test_more_evidence_never_lowers_interest(kinds: list[str], extra: str) -> None:
    rule = EvidenceRule()
    assert rule.interest([*kinds, extra]) >= rule.interest(kinds)


def test_a_fact_without_a_source_names_the_row(tmp_path: Path) -> None:
    path = tmp_path / "e.csv"
    path.write_text(
        "village_id,kind,year,detail,source_url\nbat-trang,city_route,,x,\n", encoding="utf-8"
    )
    with pytest.raises(tourplan.DataError, match="row 2"):
        load_evidence(path)


def test_evidence_for_an_unknown_village_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "e.csv"
    path.write_text(
        "village_id,kind,year,detail,source_url\nnowhere,city_route,,x,https://example.org\n",
        encoding="utf-8",
    )
    with pytest.raises(tourplan.DataError, match="nowhere"):
        apply_evidence(tourplan.load_hanoi(), load_evidence(path))
