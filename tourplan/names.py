"""Finding places by id or name: Vietnamese with or without diacritics, or English."""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from .exceptions import DataError, UnknownPlaceError

__all__ = ["CONTROL_CHARACTER", "NameIndex", "fold", "one_line", "village_key"]

T = TypeVar("T")

_NON_WORD = re.compile(r"[^0-9a-z]+")

CONTROL_CHARACTER = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")
"""A character a name never holds: C0 and C1 controls (tab and line breaks among them), and
Unicode's line and paragraph separators."""


def one_line(text: str, field: str) -> str:
    """``text`` unchanged, or refused if it holds a control character: what a user types as
    a place, a village or an id is one line, and a tab or NUL inside it is a mistake, never
    read as some other name (``"bat\\ttrang"`` is not Bát Tràng).

    The command line, request records (batch and HTTP) and the library's requests share this
    check, so every entry point refuses the same text in the same words.

    Raises
    ------
    DataError
        Naming ``field``: ``'...' holds a control character``.

    Examples
    --------
    >>> one_line("Bát Tràng", "must_visit")
    'Bát Tràng'
    >>> one_line("bat\\ttrang", "must_visit")
    Traceback (most recent call last):
    ...
    tourplan.exceptions.DataError: field 'must_visit': 'bat\\ttrang' holds a control character
    """
    if CONTROL_CHARACTER.search(text):
        raise DataError(f"{text!r} holds a control character", field=field)
    return text


def fold(text: str, *, keep_marks: bool = False) -> str:
    """Fold text for matching: lower case, punctuation to spaces, and (by default) no diacritics.

    ``đ`` becomes ``d``, as Vietnamese readers type it without a Vietnamese keyboard, and so
    does the look-alike ``Ð``/``ð`` (eth) that some pages and old fonts write for ``Đ``.

    Examples
    --------
    >>> fold("Làng gốm Bát Tràng")
    'lang gom bat trang'
    >>> fold("Đường Lâm, Sơn Tây")
    'duong lam son tay'
    >>> fold("ÐÔNG HỒ") == fold("Đông Hồ") == "dong ho"
    True
    >>> fold("Vân Từ", keep_marks=True)
    'vân từ'
    """
    text = unicodedata.normalize("NFC", text).casefold().replace("ð", "đ")
    if keep_marks:
        return " ".join(re.sub(r"[^\w]+", " ", text).split())
    text = text.replace("đ", "d")
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(_NON_WORD.sub(" ", stripped).split())


def village_key(name: str) -> str:
    """A village's name as ids are built from it and repeats are found by it: folded, words
    joined by ``-``, without a leading "Làng" or "Làng nghề" (the official list writes some
    names with it and some without).

    Examples
    --------
    >>> village_key("Làng nghề gốm Kim Lan"), village_key("Gốm KIM LAN")
    ('gom-kim-lan', 'gom-kim-lan')
    >>> village_key("Làng")
    'lang'
    """
    base = "-".join(fold(name).split())
    return re.sub(r"^lang-(nghe-)?", "", base) or base


def _contains_run(haystack: Sequence[str], needle: Sequence[str]) -> bool:
    n = len(needle)
    return any(list(haystack[i : i + n]) == list(needle) for i in range(len(haystack) - n + 1))


@dataclass(frozen=True)
class _Entry(Generic[T]):
    item: T
    item_id: str
    plain: tuple[tuple[str, ...], ...]  # each name's folded tokens
    marked: tuple[tuple[str, ...], ...]  # each name's tokens, diacritics kept


class NameIndex(Generic[T]):
    """Look items up by id or by any of their names, forgiving diacritics and case.

    A query matches, in order of preference:

    1. an id exactly;
    2. a whole name, folded (``"bat trang pottery village"``);
    3. a run of consecutive words of a name (``"bat trang"`` in ``"Làng gốm Bát Tràng"``).

    When several items match at the best level, the diacritics of the query break the tie
    (``"Vân Từ"`` vs ``"Từ Vân"``); if still several, the lookup is ambiguous and the error
    lists them. When nothing matches, the error suggests near names.

    Parameters
    ----------
    items
        The items to index.
    item_id
        Function giving an item's unique id.
    names
        Function giving an item's names (any language).
    """

    def __init__(
        self,
        items: Iterable[T],
        item_id: Callable[[T], str],
        names: Callable[[T], Iterable[str]],
    ) -> None:
        self._entries: list[_Entry[T]] = []
        self._by_id: dict[str, T] = {}
        for item in items:
            key = item_id(item)
            all_names = [key.replace("-", " "), *(n for n in names(item) if n)]
            self._entries.append(
                _Entry(
                    item=item,
                    item_id=key,
                    plain=tuple(tuple(fold(n).split()) for n in all_names),
                    marked=tuple(tuple(fold(n, keep_marks=True).split()) for n in all_names),
                )
            )
            self._by_id[key] = item

    def get(self, query: str) -> T:
        """The one item that ``query`` names.

        Raises
        ------
        UnknownPlaceError
            When nothing matches (with suggestions) or several items match equally well.
        """
        matches = self.search(query)
        if len(matches) == 1:
            return matches[0]
        if matches:
            raise UnknownPlaceError(query, [self._id_of(m) for m in matches], ambiguous=True)
        raise UnknownPlaceError(query, self.suggest(query))

    def search(self, query: str) -> list[T]:
        """All items that match ``query`` at the best level found (see the class docstring)."""
        query = query.strip()
        if query in self._by_id:
            return [self._by_id[query]]
        plain = tuple(fold(query).split())
        if not plain:
            return []
        marked = tuple(fold(query, keep_marks=True).split())
        for level in (_whole, _run):
            found = [e for e in self._entries if any(level(n, plain) for n in e.plain)]
            if len(found) > 1 and marked != plain:
                exact = [e for e in found if any(level(n, marked) for n in e.marked)]
                if exact:
                    found = exact
            if found:
                return [e.item for e in found]
        return []

    def suggest(self, query: str, limit: int = 5) -> list[str]:
        """Ids of items whose names are close to ``query`` (for "did you mean" messages)."""
        target = fold(query)
        scored: list[tuple[float, float, str]] = []
        for e in self._entries:
            best = whole = 0.0
            for tokens in e.plain:
                name = " ".join(tokens)
                whole = max(whole, difflib.SequenceMatcher(None, target, name).ratio())
                best = max(best, whole)
                # also compare with each stretch of the name as long as the query
                n = max(1, len(target.split()))
                for i in range(len(tokens) - n + 1):
                    part = " ".join(tokens[i : i + n])
                    best = max(best, difflib.SequenceMatcher(None, target, part).ratio())
            if best >= 0.6:
                scored.append((best, whole, e.item_id))
        # ties (the query matches a stretch of several names) go to the closest whole name:
        # "bat trangg" suggests Bát Tràng before the Bát Tràng ceramics museum
        scored.sort(key=lambda s: (-s[0], -s[1], s[2]))
        return [item_id for _, _, item_id in scored[:limit]]

    def _id_of(self, item: T) -> str:
        return next(e.item_id for e in self._entries if e.item is item)

    def __len__(self) -> int:
        return len(self._entries)


def _whole(name: tuple[str, ...], query: tuple[str, ...]) -> bool:
    return name == query


def _run(name: tuple[str, ...], query: tuple[str, ...]) -> bool:
    return _contains_run(name, query)
