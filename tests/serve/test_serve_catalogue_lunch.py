"""POST /v1/catalogues: a body without ``lunch`` has the default lunch, as a plan's does.

Found by review: the body's default ``"11:00-13:00/60"`` became a new ``Lunch``, so a
catalogue day starting at 13:00 opened with lunch at the hub and one starting at 14:00 was
refused (422, ``lunch``) for a lunch the client never sent.
"""

from __future__ import annotations

import pytest

from tourplan.plan import DEFAULT_LUNCH, Lunch
from tourplan.serve.jobs import RefusedError, catalogue_job
from tourplan.serve.models import CatalogueBody
from tourplan.serve.settings import ServeSettings


@pytest.mark.parametrize(
    ("day_start", "lunch"), [("08:00", DEFAULT_LUNCH), ("13:00", None), ("14:00", None)]
)
def test_a_catalogue_without_lunch_has_the_default_one_only_if_the_day_spans_it(
    day_start: str, lunch: Lunch | None
) -> None:
    body = CatalogueBody.model_validate({"date": "2026-12-05", "day_start": day_start})
    request = catalogue_job(body, ServeSettings()).request
    assert request.lunch is lunch  # type: ignore[union-attr]


def test_a_lunch_sent_that_does_not_fit_is_refused_naming_lunch() -> None:
    body = CatalogueBody.model_validate(
        {"date": "2026-12-05", "day_start": "14:00", "lunch": "11:00-13:00/60"}
    )
    with pytest.raises(RefusedError) as info:
        catalogue_job(body, ServeSettings())
    assert info.value.problem.field == "lunch"
    assert "does not fit in the day 14:00-17:30" in info.value.problem.detail
