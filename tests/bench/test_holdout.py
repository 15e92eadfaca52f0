"""bench/realism.py --holdout: a tour is planned without the evidence it is itself."""

from __future__ import annotations

import sys
from pathlib import Path

import tourplan

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
from realism import EVIDENCE, held_out, load_evidence, tour_urls, url_key

NORON = "https://noron.vn/post/den-tham-ngoi-lang-co-tran-ngay-gan-ha-noi-2qwk42qqdm"


def test_url_key_ignores_scheme_www_case_and_trailing_slash() -> None:
    assert url_key("https://www.Noron.vn/post/x/") == url_key("http://noron.vn/post/x")
    assert url_key("https://noron.vn/post/x") != url_key("https://noron.vn/post/y")


def test_tour_urls_take_url_and_also() -> None:
    tour = {"url": "https://a.example/t", "also": ["https://b.example/t/", None]}
    assert tour_urls(tour) == {"a.example/t", "b.example/t"}
    assert tour_urls({"url": None, "also": None}) == set()


def test_holding_a_tour_out_drops_its_own_rows_and_lowers_the_places_it_sold() -> None:
    villages = tourplan.load_hanoi()
    facts = load_evidence(EVIDENCE)
    tour = {"id": "noron", "url": NORON.replace("https://", "http://www."), "stops": []}
    held, dropped = held_out(villages, facts, tour)
    own = [f for f in facts if url_key(f.source_url) == url_key(NORON)]
    assert dropped == len(own) >= 1
    for fact in own:
        assert held.get(fact.village_id).interest <= villages.get(fact.village_id).interest
    assert held.get("duong-lam").interest < villages.get("duong-lam").interest
    # places the tour does not cite keep their interest
    assert held.get("bat-trang").interest == villages.get("bat-trang").interest


def test_a_tour_with_no_evidence_of_its_own_changes_nothing() -> None:
    villages = tourplan.load_hanoi()
    held, dropped = held_out(villages, load_evidence(EVIDENCE), {"url": "https://x.example/"})
    assert dropped == 0
    assert [v.interest for v in held] == [v.interest for v in villages]
