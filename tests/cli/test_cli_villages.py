"""``tourplan villages``: listing and searching the villages, as a table or JSON."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

import tourplan
import tourplan.cli.terminal
from tourplan.cli import main
from tourplan.datasets import village_record
from tourplan.names import fold
from tourplan.travel import geodesic_m


def run(*args: str) -> Result:
    return CliRunner().invoke(main, ["villages", *args])


def ids_of(result: Result) -> list[str]:
    assert result.exit_code == 0, result.output
    records: list[dict[str, Any]] = json.loads(result.stdout)
    return [r["id"] for r in records]


def test_lists_every_village_as_a_table(hanoi: tourplan.Villages) -> None:
    result = run()
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["MÃ", "TÊN", "NGHỀ", "CHỦ", "ĐỀ", "ĐIỂM"]
    assert len(lines) == len(hanoi) + 2
    assert lines[-1] == f"{len(hanoi)} làng; ≈ vị trí gần đúng (trung tâm xã)"
    approximate = {v.id for v in hanoi if v.coord_kind == "commune_centroid"}
    marked = {line.split()[0] for line in lines[1:-1] if line.split()[1] == "≈"}
    assert marked == approximate
    assert lines[1].startswith("bat-trang ")
    assert "Làng gốm Bát Tràng" in lines[1]
    assert result.stderr == ""


def test_english_table(hanoi: tourplan.Villages) -> None:
    result = run("--lang", "en")
    assert result.stdout.splitlines()[0].split() == ["ID", "NAME", "CRAFT", "THEMES", "INTEREST"]
    assert "Bat Trang pottery village" in result.stdout
    assert result.stdout.splitlines()[-1].startswith(f"{len(hanoi)} villages; ≈ approximate")


def test_table_columns_line_up_with_vietnamese_text() -> None:
    lines = run("--theme", "ceramics").stdout.splitlines()[:-1]
    # the interest column ends at the same place on every row
    assert len({len(line) for line in lines}) == 1


def test_table_header_is_bold_and_count_dim_only_on_a_terminal(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert "\x1b[" not in run("--theme", "ceramics").stdout
    monkeypatch.setattr(tourplan.cli.terminal, "is_terminal", lambda stream: True)
    result = CliRunner().invoke(main, ["villages", "--theme", "ceramics"], color=True)
    lines = result.stdout.splitlines()
    assert lines[0].startswith("\x1b[1mMÃ ")
    assert lines[-1].startswith("\x1b[2m") and "làng" in lines[-1]
    assert not any("\x1b[" in line for line in lines[1:-1])
    monkeypatch.setenv("NO_COLOR", "1")
    assert "\x1b[" not in CliRunner().invoke(main, ["villages"], color=True).stdout


def test_json_is_an_array_of_village_records(hanoi: tourplan.Villages) -> None:
    result = run("--json")
    assert result.exit_code == 0
    records = json.loads(result.stdout)
    assert records == [village_record(v) for v in hanoi]


@pytest.mark.parametrize("query", ["bat trang", "Bát Tràng", "BAT-TRANG", "Bat Trang pottery"])
def test_search_by_name_with_or_without_diacritics(query: str) -> None:
    assert ids_of(run(query, "--json")) == ["bat-trang"]


def test_search_with_no_match_suggests_names() -> None:
    result = run("Bat Trangg")
    assert result.exit_code == 0
    assert result.stdout == ""
    assert result.stderr.startswith("No village matches; did you mean: bat-trang")
    assert run("Bat Trangg", "--quiet").stderr == ""
    assert run("Bat Trangg", "--json").stdout.strip() == "[]"


def test_filter_by_theme(hanoi: tourplan.Villages) -> None:
    found = ids_of(run("--theme", "ceramics", "--theme", "lacquer", "--json"))
    expected = [v.id for v in hanoi if {"ceramics", "lacquer"} & set(v.themes)]
    assert found == expected
    assert "bat-trang" in found


def test_unknown_theme_exits_2() -> None:
    result = run("--theme", "pottery")
    assert result.exit_code == 2
    assert "'pottery' is not one of" in result.stderr


@pytest.mark.parametrize("craft", ["gốm", "gom", "POTTERY"])
def test_filter_by_craft_ignores_diacritics_and_case(hanoi: tourplan.Villages, craft: str) -> None:
    found = ids_of(run("--craft", craft, "--json"))
    assert "bat-trang" in found
    for village_id in found:
        village = hanoi.get(village_id)
        assert fold(craft) in fold(village.craft_vi) or fold(craft) in fold(village.craft_en)


def test_filter_by_craft_in_english(hanoi: tourplan.Villages) -> None:
    assert "van-phuc" in ids_of(run("--craft", "silk", "--json"))


def test_near_sorts_by_distance_and_within_limits_it(hanoi: tourplan.Villages) -> None:
    result = run("--near", "hoan-kiem-lake", "--within", "12", "--json")
    records = json.loads(result.stdout)
    distances = [r["distance_km"] for r in records]
    assert distances == sorted(distances)
    assert 0 < len(records) < len(hanoi)
    assert all(d <= 12 for d in distances)
    lake = tourplan.load_start_points()[0]
    first = hanoi.get(records[0]["id"])
    expected = geodesic_m(lake.lat, lake.lon, first.lat, first.lon) / 1000
    assert records[0]["distance_km"] == pytest.approx(expected, abs=0.01)
    # every village within 12 km is there
    inside = {v.id for v in hanoi if geodesic_m(lake.lat, lake.lon, v.lat, v.lon) / 1000 <= 12}
    assert {r["id"] for r in records} == inside


def test_near_a_village_or_coordinates_in_the_table() -> None:
    result = run("--near", "Bát Tràng", "--within", "5")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].split()[-1] == "KM"
    assert lines[1].startswith("bat-trang ")
    assert lines[1].endswith(" 0.0")
    assert run("--near", "21.0285,105.8542", "--json").exit_code == 0


def test_filters_combine() -> None:
    found = ids_of(
        run("--theme", "ceramics", "--near", "hoan-kiem-lake", "--within", "30", "--json")
    )
    assert "bat-trang" in found
    assert "van-phuc" not in found


def test_within_needs_near() -> None:
    result = run("--within", "10")
    assert result.exit_code == 2
    assert "--within" in result.stderr
    assert "needs --near" in result.stderr


@pytest.mark.parametrize("km", ["0", "-3", "far"])
def test_within_must_be_a_positive_number(km: str) -> None:
    result = run("--near", "hoan-kiem-lake", "--within", km)
    assert result.exit_code == 2
    assert "--within" in result.stderr


def test_unknown_near_place_is_named_with_suggestions() -> None:
    result = run("--near", "Hoan Kiem Lakke")
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: --near: no place matches 'Hoan Kiem Lakke'")
    assert "hoan-kiem-lake" in result.stderr


def test_villages_file(tmp_path: Path, hanoi: tourplan.Villages) -> None:
    path = tourplan.save_villages(hanoi[5:8], tmp_path / "mine.json")
    assert ids_of(run("--villages", str(path), "--json")) == list(hanoi.ids[5:8])
    # --near knows the villages of the file
    assert ids_of(run("--villages", str(path), "--near", hanoi.ids[6], "--json"))[0] == hanoi.ids[6]


def test_bad_villages_file_names_file_and_row(
    write_csv: Callable[..., Path], village_row: Callable[..., dict[str, str]]
) -> None:
    path = write_csv([village_row(), village_row(id="b", visit_minutes="long")])
    result = run("--villages", str(path))
    assert result.exit_code == 2
    assert result.stderr == (
        f"Error: {path}, row 3, field 'visit_minutes': "
        "visit_minutes must be a whole number, got 'long'\n"
    )


def test_missing_villages_file() -> None:
    result = run("--villages", "nowhere.csv")
    assert result.exit_code == 2
    assert "'nowhere.csv' does not exist" in result.stderr


def test_online_is_accepted_without_network_for_known_places() -> None:
    # a known place never needs the network, even when it is allowed; the water-puppet
    # theatre is the one bundled place within 1 km of the lake
    found = ids_of(run("--online", "--near", "hoan-kiem-lake", "--within", "1", "--json"))
    assert found == ["mua-roi-thang-long"]


def test_help_reads_well() -> None:
    result = run("--help")
    assert result.exit_code == 0
    for option in ("--theme", "--craft", "--near", "--within", "--villages", "--json", "--lang"):
        assert option in result.stdout
    assert "Examples:" in result.stdout
