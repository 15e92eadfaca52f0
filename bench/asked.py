"""The request a published tour's traveller asked for: its sights, its themes, its half day.

``bench/realism.py`` maps every tour to the plain request of its start, mode and window; many
tours then become the same request although their travellers asked for different things (a
pagoda, an incense and conical-hat tour, a half day). This module reads what the tour itself
says it is and adds it to the request, **never the villages of the tour** (those are what the
free plan is measured against):

- **sights**: the tour's stops of kind ``sight`` that are bundled places (pagodas, temples,
  museums: ``load_hanoi()`` entries whose ``kind`` is not ``village``) become must-visits. Names
  are matched without diacritics, as whole words, ignoring anything in parentheses;
- **themes**: words of the tour's *title* found in tourplan's own vocabulary: the theme codes,
  their labels (``tourplan.text.THEME_LABELS``), and the words of the bundled places' crafts
  (``craft_en``, see :func:`vocabulary`); a craft word gives the themes shared by the places
  whose craft names it. Syllables of place names are never matched;
- **half day**: ``half-day``, ``half day`` or ``nửa ngày`` in the title or notes, with no end
  time given, ends the day at :data:`HALF_DAY_END` (12:30, the one half day with published
  times in the yardstick, ``asiantrails``: 08:00-12:30), without lunch.

Pure functions over the tour dict and the bundled data; ``docs/realism.md`` documents the rules.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import tourplan

HALF_DAY_END = dt.time(12, 30)
"""The end of a half day whose tour gives no end time."""

HALF_DAY = ("half-day", "half day", "nua ngay")
"""Half-day phrases, matched on text without diacritics."""

GENERIC = frozenset(
    {
        "ancient",
        "before",
        "craft",
        "crafts",
        "decorative",
        "ethnic",
        "formerly",
        "growing",
        "handicrafts",
        "making",
        "ornamental",
        "processing",
        "products",
        "seasonal",
        "square",
        "trade",
        "trading",
        "traditional",
        "village",
        "villages",
        "western",
    }
)
"""English words of the craft texts that say how or where, not which craft."""

MIN_WORD = 4
"""Shortest English craft word matched (``silk``)."""

MAX_SHARE = 0.15
"""A craft word named by more than this share of the places is too common to mean a theme."""


def plain(text: str) -> str:
    """Lower-case ``text`` without diacritics (``đ`` -> ``d``).

    >>> plain("Chùa Tây Phương")
    'chua tay phuong'
    """
    text = text.lower().replace("đ", "d")
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", plain(text))


def _has_phrase(text: str, phrase: str) -> bool:
    return re.search(rf"(?<![a-z0-9]){re.escape(phrase)}(?![a-z0-9])", text) is not None


def _core(name: str) -> str:
    """``name`` without diacritics and without what is in parentheses."""
    return " ".join(_words(re.sub(r"\([^)]*\)", " ", name)))


@dataclass(frozen=True)
class Asked:
    """What a tour's traveller asked for, beyond start, mode and window."""

    sights: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()
    half_day: bool = False


def match_sights(
    stops: Iterable[Mapping[str, object]], places: Iterable[tourplan.Village]
) -> tuple[str, ...]:
    """Ids of the bundled sights (places not of kind ``village``) named by ``sight`` stops.

    A sight matches a stop when its Vietnamese or English name (without parentheses) appears
    as whole words in the stop's name, or the stop's name (two words or more) in the sight's.
    """
    sights = [p for p in places if p.kind != "village"]
    found: list[str] = []
    for stop in stops:
        if stop.get("kind") != "sight" or not isinstance(stop.get("name"), str):
            continue
        name = _core(str(stop["name"]))
        for sight in sights:
            names = {_core(sight.name), _core(sight.name_en or "")} - {""}
            if any(
                _has_phrase(name, n) or (len(name.split()) >= 2 and _has_phrase(n, name))
                for n in names
            ):
                found.append(sight.id)
                break
    return tuple(dict.fromkeys(found))


def vocabulary(places: Sequence[tourplan.Village]) -> dict[str, tuple[str, ...]]:
    """Words and phrases (without diacritics) of tourplan's vocabulary, each with its themes.

    - each theme code, each word of its English label and its Vietnamese label as a phrase
      of two syllables or more (``THEME_LABELS``), gives that theme;
    - each English word of the places' ``craft_en`` (at least :data:`MIN_WORD` letters, not in
      :data:`GENERIC`, not a syllable of a place's Vietnamese name, named by at most
      :data:`MAX_SHARE` of the places) gives the themes
      shared by the places whose craft names it (when none is shared: those of most of them).
    """
    from tourplan.text import THEME_LABELS

    words: dict[str, tuple[str, ...]] = {}
    for theme in tourplan.THEMES:
        words[theme] = (theme,)
        vi, en = THEME_LABELS.get(theme, ("", ""))
        if len(_words(vi)) >= 2:  # one Vietnamese syllable means too many things ("hoa")
            words[" ".join(_words(vi))] = (theme,)
        for word in _words(en):
            if len(word) >= MIN_WORD and word not in GENERIC:
                words.setdefault(word, (theme,))
    # Vietnamese words written in the English craft texts ("dong" vermicelli) are also
    # syllables of place names ("Quất Động"): never matched.
    names = {w for p in places for w in _words(p.name)}
    owners: dict[str, list[tourplan.Village]] = {}
    for place in places:
        for word in set(_words(place.craft_en or "")):
            if len(word) >= MIN_WORD and word not in GENERIC | names and not word.isdigit():
                owners.setdefault(word, []).append(place)
    limit = max(1, int(MAX_SHARE * len(places)))
    for word, named in owners.items():
        if word in words or len(named) > limit:
            continue
        counts = Counter(t for p in named for t in set(p.themes))
        if not counts:
            continue
        top = max(counts.values())
        words[word] = tuple(sorted(t for t, n in counts.items() if n == top))
    return words


def match_themes(title: str, words: Mapping[str, tuple[str, ...]]) -> tuple[str, ...]:
    """The themes of the vocabulary words and phrases in ``title`` (English words may carry a
    suffix: ``inlaying`` names ``inlay``, ``hats`` names ``hat``).

    >>> match_themes("Hanoi: incense village & conical hat tour", {"incense": ("incense",),
    ...     "conical": ("bamboo",)})
    ('bamboo', 'incense')
    """
    text = " ".join(_words(title))
    tokens = text.split()
    found: set[str] = set()
    for word, themes in words.items():
        if " " in word:
            hit = _has_phrase(text, word)
        else:
            hit = any(t == word or (t.startswith(word) and len(t) - len(word) <= 3) for t in tokens)
        if hit:
            found |= set(themes)
    return tuple(sorted(found))


def is_half_day(tour: Mapping[str, object]) -> bool:
    """Whether the tour's title or notes call it a half day.

    >>> is_half_day({"title": "Hanoi: a half-day tour"}), is_half_day({"notes": "nửa ngày"})
    (True, True)
    """
    text = plain(f"{tour.get('title') or ''} {tour.get('notes') or ''}")
    return any(_has_phrase(text, p) for p in HALF_DAY)


def asked(
    tour: Mapping[str, object],
    places: Sequence[tourplan.Village],
    words: Mapping[str, tuple[str, ...]],
) -> Asked:
    """What ``tour``'s traveller asked for (see the module docstring)."""
    stops = tour.get("stops")
    stop_list = [s for s in stops if isinstance(s, Mapping)] if isinstance(stops, list) else []
    return Asked(
        sights=match_sights(stop_list, places),
        themes=match_themes(str(tour.get("title") or ""), words),
        half_day=is_half_day(tour),
    )
