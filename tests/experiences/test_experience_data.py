"""Experiences as values and in files: validation, lookups by name, loaders, bundled sources."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import tourplan
from tourplan.datasets.experiences import (
    EXPERIENCE_COLUMNS,
    experience_from_record,
    experience_record,
    load_experiences,
    load_hanoi_experiences,
)
from tourplan.exceptions import DataError
from tourplan.model.experience import CURRENCIES, Experience, Experiences

ROW = {
    "id": "hat-making",
    "place_id": "chuong",
    "name_vi": "Làm nón",
    "name_en": "conical hat making",
    "minutes": "60",
    "minutes_origin": "default",
    "sessions": "09:00;14:00",
    "runs": "Sa-Su 08:00-17:00",
    "runs_origin": "default",
    "price": "50000",
    "currency": "VND",
    "min_group": "2",
    "max_group": "8",
    "source": "https://example.org/hat",
    "notes": "",
}


def _csv(rows: list[dict[str, str]]) -> str:
    lines = [",".join(EXPERIENCE_COLUMNS)]
    lines += [",".join(r.get(c, "") for c in EXPERIENCE_COLUMNS) for r in rows]
    return "\n".join(lines) + "\n"


def test_a_record_becomes_an_experience_and_back() -> None:
    e = experience_from_record(ROW)
    assert e.sessions == (dt.time(9), dt.time(14))
    assert e.takes(2) and e.takes(8) and not e.takes(1) and not e.takes(9)
    assert e.cost(4) == 200_000
    assert experience_from_record(experience_record(e)) == e


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("minutes", "0"),
        ("price", "-1"),
        ("currency", "dong"),
        ("currency", "USD"),  # a real code, but no exchange rate to compare it with đồng
        ("sessions", "9h"),
        ("runs", "every day"),
        ("min_group", "0"),
        ("max_group", "1"),
        ("id", "Hat Making"),
        ("minutes_origin", "guess"),
    ],
)
def test_a_bad_row_names_its_row_and_field(tmp_path: Path, field: str, value: str) -> None:
    path = tmp_path / "mine.csv"
    path.write_text(_csv([ROW, {**ROW, "id": "other", field: value}]), encoding="utf-8")
    with pytest.raises(DataError) as info:
        load_experiences(path)
    assert info.value.row == 3
    assert info.value.field == field
    assert "\n" not in str(info.value)


@given(code=st.from_regex(r"[A-Z]{3}", fullmatch=True).filter(lambda c: c not in CURRENCIES))
def test_a_price_in_a_currency_the_planner_cannot_compare_is_refused(code: str) -> None:
    """Regression: a USD price was taken as đồng and checked against a đồng budget."""
    with pytest.raises(DataError, match=f"currency {code} cannot be compared") as info:
        experience_from_record({**ROW, "currency": code})
    assert info.value.field == "currency"
    assert experience_from_record({**ROW, "currency": ""}).currency == "VND"


def test_json_files_load_like_csv_and_name_the_item(tmp_path: Path) -> None:
    good = tmp_path / "mine.json"
    good.write_text(json.dumps({"experiences": [{**ROW, "sessions": ["09:00"]}]}), "utf-8")
    assert load_experiences(good)[0].sessions == (dt.time(9),)
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps([ROW, {**ROW, "id": "x", "price": "free"}]), "utf-8")
    with pytest.raises(DataError) as info:
        load_experiences(bad)
    assert (info.value.row, info.value.field) == (2, "price")


def test_an_id_used_twice_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "twice.csv"
    path.write_text(_csv([ROW, ROW]), encoding="utf-8")
    with pytest.raises(DataError, match="already used in row 2"):
        load_experiences(path)


def test_names_match_with_or_without_diacritics() -> None:
    bundled = load_hanoi_experiences()
    for query in ("pottery making", "Pottery Making", "nặn gốm", "nan gom", "pottery-making"):
        assert bundled.get(query).id == "pottery-making"
    with pytest.raises(DataError, match="no experience matches 'potery'") as info:
        bundled.get("potery")
    assert info.value.field == "experiences"


def test_the_bundled_experiences_are_sourced_and_at_bundled_places() -> None:
    hanoi = tourplan.load_hanoi()
    bundled = load_hanoi_experiences()
    assert len(bundled) >= 2
    for e in bundled:
        assert e.place_id in hanoi.ids
        assert e.currency == "VND"
        assert re.search(r"https?://", e.source), e.id  # the price has its URL
        if e.minutes_origin == "default" or e.runs_origin == "default":
            assert "default" in e.notes, e.id  # a default says it is a default
    pottery = bundled.get("pottery making")
    assert (pottery.place_id, pottery.price) == ("bao-tang-gom-bat-trang", 70_000)
    assert "battrangvietnam.vn" in pottery.source


def test_the_collection_refuses_two_experiences_with_one_id() -> None:
    e = Experience("a", "bat-trang", "A", "a", 30, 0)
    with pytest.raises(DataError, match="appears twice"):
        Experiences((e, e))
    assert Experiences((e,)).at("bat-trang") == (e,)
