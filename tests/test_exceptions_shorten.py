"""Error messages echo a bad value without printing all of it (a 5,000-digit number, a huge name).

The count includes the quotes around the value: the cut is of the whole run of non-blank
characters the message echoes.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

import tourplan
from tourplan.exceptions import shorten


@given(st.text(min_size=0, max_size=5000))
def test_a_shortened_message_is_bounded_and_keeps_short_ones(text: str) -> None:
    short = shorten(text)
    assert len(short) <= 2000 + 40
    if len(text) <= 200:
        assert short == text


def test_a_data_error_names_the_field_and_the_length_not_every_digit() -> None:
    error = tourplan.DataError("lat must be a number, got '" + "1" * 5000 + "'", field="lat")
    assert "field 'lat'" in str(error)
    assert "(5002 characters)" in str(error)
    assert len(str(error)) < 200
    assert error.reason in str(error)


def test_an_unknown_place_echoes_a_cut_query() -> None:
    error = tourplan.UnknownPlaceError("x" * 100_000)
    assert str(error).startswith("no place matches 'xxxx")
    assert "(100002 characters)" in str(error)
    assert len(str(error)) < 200
