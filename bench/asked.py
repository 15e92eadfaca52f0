"""The request a published tour's traveller asked for: its sights, its themes, its half day.

``bench/realism.py`` maps every tour to the plain request of its start, mode and window; many
tours then become the same request although their travellers asked for different things (a
pagoda, an incense and conical-hat tour, a half day). This module reads what the tour itself
says it is and adds it to the request, **never the villages of the tour** (those are what the
free plan is measured against):

- **sights**: the tour's stops of kind ``sight`` that are bundled places (pagodas, temples,
  museums: ``load_hanoi()`` entries whose ``kind`` is not ``village``) become must-visits. Names
  are matched without diacritics, as whole words, ignoring anything in parentheses;
- **themes**: words of the tour's *title* found in tourplan's own vocabulary (see
  :func:`vocabulary`, :func:`match_themes`), by these rules, each tested in
  ``tests/bench/test_asked.py``:

  1. *singular and plural both ways*: ``Ceramic`` names ``ceramics``, ``hats`` names ``hat``
     (:func:`stem`); an English suffix of up to three letters is allowed (``inlaying``);
  2. *generic words never give a theme*: the words of :data:`GENERIC` say what kind of
     trip or place it is (village, handicraft, craft, artisan, pagoda, temple, tour, centre,
     Hanoi …) or are English function words, not which craft; so do craft words with no
     theme carried by most of their villages (``hand``: embroidery, art);
  3. *craft words come from villages*: the words of the villages' crafts (``craft_en``),
     never the descriptions of the sights (``old pagoda; carved Arhat statues``);
  4. *heritage only from phrases that mean it* (:data:`HERITAGE_PHRASES`: ``heritage``,
     ``làng cổ``, ``ancient village``, ``old village`` …): a craft word never gives
     ``heritage`` (``laterite``, ``sauce``), nor do ``village`` or ``pagoda``;
  5. *never a place's name*: syllables of the places' Vietnamese names are not matched
     (``Dong`` of ``Dong Ho`` is not the vermicelli ``dong``);
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
        # how or where a craft is made, not which craft
        "ancient",
        "before",
        "craft",
        "crafts",
        "decorative",
        "ethnic",
        "formerly",
        "growing",
        "handicraft",
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
        "weaving",
        "water",
        "fine",
        "hand",
        "line",
        "made",
        "national",
        "young",
        "green",
        "four",
        # what kind of trip or place it is
        "artisan",
        "artisans",
        "centre",
        "center",
        "pagoda",
        "pagodas",
        "temple",
        "temples",
        "tour",
        "tours",
        "trip",
        "trips",
        "day",
        "days",
        "full",
        "half",
        "visit",
        "visiting",
        "discover",
        "discovering",
        "itinerary",
        "workshop",
        "workshops",
        "museum",
        "market",
        "show",
        "house",
        "houses",
        "hanoi",
        "vietnam",
        "vietnamese",
        "north",
        "south",
        "east",
        "west",
        "small",
        "group",
        "pickup",
        "local",
        "lunch",
        "guide",
        "guided",
        "private",
        "family",
        # English function words
        "about",
        "after",
        "also",
        "along",
        "among",
        "around",
        "from",
        "into",
        "more",
        "most",
        "near",
        "once",
        "only",
        "over",
        "same",
        "some",
        "such",
        "than",
        "that",
        "their",
        "them",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "under",
        "very",
        "what",
        "when",
        "where",
        "which",
        "while",
        "with",
        "within",
        "without",
        "your",
        "preparing",
    }
)
"""Words that never give a theme: how or where a craft is made, what kind of trip or place
it is (``village``, ``handicraft``, ``pagoda``, ``tour``, ``centre``, ``Hanoi``), and English
function words. ``weaving`` is here because silk and bamboo are both woven."""

HERITAGE = "heritage"
"""The theme given only by :data:`HERITAGE_PHRASES`."""

HERITAGE_PHRASES = (
    "heritage",
    "lang co",
    "ancient village",
    "ancient villages",
    "old village",
    "old villages",
    "ancient town",
    "co tran",
)
"""Phrases (without diacritics) that mean a heritage place: the theme code, the Vietnamese
label ``làng cổ`` ("old village"), its English renderings, ``cổ trấn`` ("old town")."""

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


def _in_order(short: str, long: str) -> bool:
    """Whether the words of ``short`` are words of ``long`` in order, the first ones equal.

    >>> _in_order("tram pagoda", "tram gian pagoda"), _in_order("gian pagoda", "tram gian pagoda")
    (True, False)
    """
    words, within = short.split(), long.split()
    if not words or not within or words[0] != within[0]:
        return False
    rest = iter(within[1:])
    return all(w in rest for w in words[1:])


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
    as whole words in the stop's name, or the stop's name (two words or more) in the sight's:
    each of its words in order, the first first (``Tram pagoda`` names ``Tram Gian pagoda``).
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
                _has_phrase(name, n) or (len(name.split()) >= 2 and _in_order(name, n))
                for n in names
            ):
                found.append(sight.id)
                break
    return tuple(dict.fromkeys(found))


def stem(word: str) -> str:
    """``word`` without an English plural ending, so that singular and plural meet.

    >>> [stem(w) for w in ("ceramics", "ceramic", "hats", "boxes", "pottery", "potteries", "silk")]
    ['ceramic', 'ceramic', 'hat', 'box', 'pottery', 'pottery', 'silk']
    """
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("ses", "xes", "ches", "shes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def vocabulary(places: Sequence[tourplan.Village]) -> dict[str, tuple[str, ...]]:
    """Words and phrases (without diacritics) of tourplan's vocabulary, each with its themes.

    - each theme code, each word of its English label (not in :data:`GENERIC`) and its
      Vietnamese label as a phrase of two syllables or more (``THEME_LABELS``) gives that
      theme; ``heritage`` only as the code and the :data:`HERITAGE_PHRASES`;
    - each English word of the *villages'* ``craft_en`` (at least :data:`MIN_WORD` letters,
      not in :data:`GENERIC`, not a syllable of a place's Vietnamese name, named by at most
      :data:`MAX_SHARE` of the villages) gives the themes carried by more than half of the
      villages whose craft names it, ``heritage`` apart; a word with no such theme gives
      nothing (``hand``: embroidery by hand, hand-made paper).
      Sights (pagodas, temples, museums) give no craft words.
    """
    from tourplan.text import THEME_LABELS

    words: dict[str, tuple[str, ...]] = {}
    for theme in tourplan.THEMES:
        words[theme] = (theme,)
        if theme == HERITAGE:
            continue
        vi, en = THEME_LABELS.get(theme, ("", ""))
        if len(_words(vi)) >= 2:  # one Vietnamese syllable means too many things ("hoa")
            words[" ".join(_words(vi))] = (theme,)
        for word in _words(en):
            if len(word) >= MIN_WORD and word not in GENERIC:
                words.setdefault(word, (theme,))
    for phrase in HERITAGE_PHRASES:
        words[phrase] = (HERITAGE,)
    # Vietnamese words written in the English craft texts ("dong" vermicelli) are also
    # syllables of place names ("Quất Động"): never matched.
    names = {w for p in places for w in _words(p.name)}
    villages = [p for p in places if p.kind == "village"]
    owners: dict[str, list[tourplan.Village]] = {}
    for place in villages:
        for word in set(_words(place.craft_en or "")):
            if len(word) >= MIN_WORD and word not in GENERIC | names and not word.isdigit():
                owners.setdefault(word, []).append(place)
    limit = max(1, int(MAX_SHARE * len(villages)))
    for word, named in owners.items():
        if word in words or len(named) > limit:
            continue
        counts = Counter(t for p in named for t in set(p.themes) if t != HERITAGE)
        shared = [t for t, n in counts.items() if 2 * n > len(named)]
        if shared:
            words[word] = tuple(sorted(shared))
    return words


def match_themes(title: str, words: Mapping[str, tuple[str, ...]]) -> tuple[str, ...]:
    """The themes of the vocabulary words and phrases in ``title``: a word matches a title
    word of the same :func:`stem` (``Ceramic`` names ``ceramics``), or one that carries an
    English suffix of up to three letters (``inlaying`` names ``inlay``).

    >>> match_themes("Hanoi: incense village & conical hat tour", {"incense": ("incense",),
    ...     "conical": ("bamboo",)})
    ('bamboo', 'incense')
    >>> match_themes("Ceramic village", {"ceramics": ("ceramics",)})
    ('ceramics',)
    """
    text = " ".join(_words(title))
    tokens = [t for t in text.split() if t not in GENERIC]
    found: set[str] = set()
    for word, themes in words.items():
        if " " in word:
            hit = _has_phrase(text, word)
        else:
            hit = any(
                stem(t) == stem(word) or (t.startswith(word) and len(t) - len(word) <= 3)
                for t in tokens
            )
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
