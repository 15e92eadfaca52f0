"""Opening hours in words (text/opening_hours.py): every day said once, every span kept."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tourplan.hours import OpeningHours, Span
from tourplan.text import opening_hours_words

SPAN_CHOICES = [
    (),
    (Span(480, 1050),),
    (Span(450, 1050),),
    (Span(480, 690), Span(810, 1020)),
    (Span(0, 1440),),
]
DAYS = {
    "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
    "vi": ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật"),
}


@pytest.mark.parametrize(
    ("text", "lang", "words"),
    [
        ("Mo-Su 08:00-17:30", "en", "daily 08:00–17:30"),
        ("Mo-Su 08:00-11:30,13:30-17:00", "vi", "hằng ngày 08:00–11:30, 13:30–17:00"),
        ("Sa,Su 08:00-17:30", "en", "Sat, Sun 08:00–17:30; closed Mon–Fri"),
        (
            "Mo-Fr 08:00-17:00; Sa 08:00-12:00; PH off",
            "en",
            "Mon–Fri 08:00–17:00; Sat 08:00–12:00; closed Sun; closed on public holidays",
        ),
        (
            "Tu-Su 08:00-17:00; PH 08:00-12:00",
            "vi",
            "Thứ Ba–Chủ Nhật 08:00–17:00; nghỉ Thứ Hai; ngày lễ 08:00–12:00",
        ),
        ("Mo,We,Fr 08:00-17:00", "en", "Mon, Wed, Fri 08:00–17:00; closed Tue, Thu, Sat, Sun"),
        ("off", "en", "never open"),
        ("24/7", "vi", "hằng ngày cả ngày"),
        ("Mo-Fr 08:00-24:00", "en", "Mon–Fri 08:00–24:00; closed Sat, Sun"),
    ],
)
def test_examples(text: str, lang: str, words: str) -> None:
    assert opening_hours_words(OpeningHours.parse(text), lang) == words  # type: ignore[arg-type]


def _named_days(text: str, lang: str) -> list[int]:
    """Weekday indices a phrase names, ranges expanded."""
    names = DAYS[lang]
    pattern = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    found: list[int] = []
    for match in re.finditer(rf"({pattern})(?:–({pattern}))?", text):
        first = names.index(match[1])
        last = names.index(match[2]) if match[2] else first
        found.extend(range(first, last + 1))
    return found


@given(
    week=st.lists(st.sampled_from(SPAN_CHOICES), min_size=7, max_size=7),
    holidays=st.sampled_from([None, (), (Span(480, 720),)]),
    lang=st.sampled_from(["vi", "en"]),
)
def test_every_day_is_said_once_with_its_hours(
    week: list[tuple[Span, ...]], holidays: tuple[Span, ...] | None, lang: str
) -> None:
    hours = OpeningHours(tuple(week), holidays)  # type: ignore[arg-type]
    text = opening_hours_words(hours, lang)  # type: ignore[arg-type]
    rules = text.split("; ")
    holiday_rules = [r for r in rules if "lễ" in r or "holiday" in r]
    assert len(holiday_rules) == (holidays is not None)
    day_rules = [r for r in rules if r not in holiday_rules]
    if len(set(week)) == 1 and week[0]:
        assert day_rules == [text.split("; ")[0]]
        assert day_rules[0].startswith(("daily", "hằng ngày"))
        return
    said: list[int] = []
    for rule in day_rules:
        days = _named_days(rule, lang)
        said.extend(days)
        spans = {week[d] for d in days}
        assert len(spans) <= 1, rule  # one rule, one set of hours
        if spans and (spans_of := spans.pop()):
            for span in spans_of:
                if span != Span(0, 1440):
                    assert f"{span.opens // 60:02d}:{span.opens % 60:02d}–" in rule
        elif days:
            assert rule.startswith(("closed", "nghỉ"))
    if any(week):
        assert sorted(said) == list(range(7))  # every weekday once
    else:
        assert day_rules == ["never open" if lang == "en" else "không mở cửa"]
