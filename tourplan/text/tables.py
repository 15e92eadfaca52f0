"""Plain-text tables for a terminal: the village table, in Vietnamese or English."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Literal

from ..model import Village
from .words import Lang, craft_name, place_name

__all__ = ["TableRole", "village_table"]


TableRole = Literal["header", "count"]
"""The lines of a table a caller may style: the column headers and the closing count."""

_HEADERS: dict[str, tuple[str, ...]] = {
    "vi": ("MÃ", "TÊN", "NGHỀ", "CHỦ ĐỀ", "ĐIỂM", "KM"),
    "en": ("ID", "NAME", "CRAFT", "THEMES", "INTEREST", "KM"),
}
_COUNT = {"vi": "{n} làng", "en": "{n} villages"}
_ONE = {"vi": "1 làng", "en": "1 village"}
_APPROXIMATE = "≈ "
"""Put before the name of a village placed at its commune's point."""
_LEGEND = {
    "vi": "; ≈ vị trí gần đúng (trung tâm xã)",
    "en": "; ≈ approximate position (centre of the commune)",
}
_CAPS = (22, 34, 30, 22, 8, 6)
"""The most columns each column may take; longer text is cut with "…"."""
_RIGHT = frozenset({4, 5})  # numbers line up on the right


def _width(text: str) -> int:
    """Columns taken by ``text`` on a terminal (Vietnamese letters take one each)."""
    return sum(0 if unicodedata.combining(c) else 1 for c in text)


def _cell(text: str, width: int) -> str:
    """``text`` padded to ``width`` columns, or cut to fit with a closing "…"."""
    text = unicodedata.normalize("NFC", text)
    if _width(text) > width:
        while _width(text) > width - 1:
            text = text[:-1]
        text = text.rstrip() + "…"
    return text + " " * (width - _width(text))


def village_table(
    villages: Iterable[Village],
    lang: Lang,
    distances: Mapping[str, float] | None = None,
    *,
    style: Callable[[str, TableRole], str] | None = None,
) -> str:
    """The villages as a table with aligned columns, one village a line, and a closing count.

    Columns: id, name, craft, themes and interest, plus the distance in kilometres when
    ``distances`` is given. The name of a village placed at its commune's point starts with
    "≈", and the count line then says what it means. Columns are as wide as their longest
    cell up to a cap (text beyond it is cut with "…"); widths count letters, so Vietnamese
    text with combining marks lines up; numbers are aligned on the right.

    Parameters
    ----------
    villages
        The villages, in the order of the lines.
    lang
        Language of the headers, the names, the crafts and the count.
    distances
        Kilometres by village id, for a ``KM`` column; every village must have one.
    style
        Called with the header line and with the count line, and their role (``"header"``
        or ``"count"``), e.g. to make them bold or dim on a terminal; by default they are
        left as they are.

    Returns
    -------
    str
        The lines of the table, without a final newline.

    Examples
    --------
    >>> import tourplan
    >>> table = village_table(tourplan.load_hanoi().search("bat trang"), "en")
    >>> print(table)
    ID         NAME                       CRAFT               THEMES    INTEREST
    bat-trang  Bat Trang pottery village  ceramics / pottery  ceramics        66
    1 village
    """
    headers = _HEADERS[lang]
    rows = []
    approximate = False
    for v in villages:
        name = place_name(v, lang)
        if v.coord_kind == "commune_centroid":
            name, approximate = _APPROXIMATE + name, True
        row = [v.id, name, craft_name(v, lang), ",".join(v.themes), str(v.interest)]
        if distances is not None:
            row.append(f"{distances[v.id]:.1f}")
        rows.append(row)
    columns = 5 if distances is None else 6
    widths = [
        min(_CAPS[i], max([_width(headers[i]), *(_width(r[i]) for r in rows)]))
        for i in range(columns)
    ]

    def line(cells: Sequence[str]) -> str:
        out = []
        for i, text in enumerate(cells):
            cell = _cell(text, widths[i])
            if i in _RIGHT:
                cell = " " * (widths[i] - _width(cell.rstrip())) + cell.rstrip()
            out.append(cell)
        return "  ".join(out).rstrip()

    head, count = (
        line(headers[:columns]),
        (_ONE[lang] if len(rows) == 1 else _COUNT[lang].format(n=len(rows))),
    )
    if approximate:
        count += _LEGEND[lang]
    if style is not None:
        head, count = style(head, "header"), style(count, "count")
    return "\n".join([head, *(line(r) for r in rows), count])
