"""Fixtures for the dataset tests: loading a bad file and getting its error."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tourplan.datasets import load_villages
from tourplan.exceptions import DataError


def _load_error(path: Path, **kwargs: Any) -> DataError:
    with pytest.raises(DataError) as info:
        load_villages(path, **kwargs)
    err = info.value
    assert err.source == str(path)
    assert str(err).startswith(str(path))  # the message names the file first
    return err


@pytest.fixture(scope="session")
def load_error() -> Callable[..., DataError]:
    """``load_error(path, **kwargs)``: the DataError of loading ``path``, which names the file."""
    return _load_error
