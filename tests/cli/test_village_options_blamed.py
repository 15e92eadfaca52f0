"""A place given as a village (``--must``, ``--avoid``) that is not one is blamed on that
option, and a start point is told it is one, through the installed console script.

Found on 2026-12-05 by an outside review: ``route --must hoan-kiem-lake`` said ``Error:
--start: no place matches 'hoan-kiem-lake'; did you mean: …`` although the user never typed
``--start`` (the default start holds that text); so did ``--avoid hoan-kiem-lake``, ``--start
old-quarter --avoid old-quarter``, ``--end … --avoid …`` (blaming ``--end``) and ``catalogue
--must hoan-kiem-lake`` (blaming ``--hub``).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from .test_request_places import CATALOGUE, ROUTE, _refused

HINT = " (`tourplan villages NAME` searches the villages)"


@pytest.mark.parametrize(
    ("args", "option", "said"),
    [
        (("--must", "hoan-kiem-lake"), "--must", "'hoan-kiem-lake'"),
        (("--avoid", "hoan-kiem-lake"), "--avoid", "'hoan-kiem-lake'"),
        (("--start", "old-quarter", "--avoid", "old-quarter"), "--avoid", "'old-quarter'"),
        (
            ("--end", "noi-bai-airport", "--avoid", "Noi Bai airport"),
            "--avoid",
            "'Noi Bai airport' (noi-bai-airport)",
        ),
    ],
)
def test_a_start_point_given_as_a_village_is_told_so_naming_its_option(
    args: tuple[str, ...], option: str, said: str
) -> None:
    line = _refused(*ROUTE, *args)
    assert line == f"Error: {option}: {said} is a start point, not a village{HINT}"


def test_a_catalogue_s_must_is_blamed_not_its_hub(tmp_path: Path) -> None:
    out = tmp_path / "catalogue"
    line = _refused(*CATALOGUE, "--must", "hoan-kiem-lake", "--out", str(out))
    assert line == f"Error: --must: 'hoan-kiem-lake' is a start point, not a village{HINT}"
    assert not out.exists()


def test_an_unknown_village_with_the_start_s_text_is_blamed_on_must() -> None:
    line = _refused(*ROUTE, "--start", "nowhere-xyz", "--must", "nowhere-xyz")
    assert line.startswith("Error: --start: no place matches 'nowhere-xyz'")  # found first
    line = _refused(*ROUTE, "--start", "21.03,105.85", "--must", "21.03,105.85")
    assert line.startswith("Error: --must: no place matches '21.03,105.85'")
