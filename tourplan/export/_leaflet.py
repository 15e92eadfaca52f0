"""Self-contained Leaflet maps with folium: inlined Leaflet, day colours, markers and day lines.

folium builds the maps; its default page links Leaflet, jQuery, Bootstrap and Font Awesome
from CDNs, which an offline page cannot load. Here every map drops those links and the page
inlines Leaflet 1.9.4 (``assets/``, BSD-2-Clause, see ``assets/LEAFLET-LICENSE``) instead;
markers are :class:`folium.DivIcon` and lines :class:`folium.PolyLine`, which need nothing but
Leaflet. Base-map tiles are an optional layer, off unless asked for: the markers, the lines
and the schedule show without any network.
"""

from __future__ import annotations

import base64
import html
import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from ..exceptions import ExportError

__all__ = [
    "DAY_COLOURS",
    "MapPart",
    "add_popup",
    "day_colour",
    "folium_module",
    "leaflet_assets",
    "new_map",
    "render_map",
]

DAY_COLOURS = (
    "#1b6ca8",
    "#c0392b",
    "#2e8b57",
    "#8e44ad",
    "#d35400",
    "#16a085",
    "#7f5a16",
    "#b03a7a",
)
"""The colour of each day (or route), in order; they repeat after the eighth."""

TILES_URL = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
#: Degrees around a map's only point (a day without stops): about 1 km, a village's scale.
POINT_PAD = 0.01
TILES_ATTRIBUTION = '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>'


def day_colour(number: int) -> str:
    """The colour of day (or route) ``number`` (1-based)."""
    return DAY_COLOURS[(number - 1) % len(DAY_COLOURS)]


def folium_module() -> Any:
    """The folium module, or an :class:`ExportError` saying how to install it."""
    try:
        import folium
    except ImportError as exc:  # pragma: no cover - exercised only without the extra
        raise ExportError("the map page needs folium: pip install 'tourplan[map]'") from exc
    return folium


@cache
def leaflet_assets() -> str:
    """Leaflet's CSS and JS as inline ``<style>`` and ``<script>`` elements.

    The CSS's one image the page can show (the layers button) becomes a data URI, so nothing
    is loaded from disk or network.
    """
    folder = resources.files("tourplan.export") / "assets"
    css = (folder / "leaflet.css").read_text(encoding="utf-8")
    png = base64.b64encode((folder / "layers.png").read_bytes()).decode("ascii")
    data_uri = f"url(data:image/png;base64,{png})"
    css = css.replace("url(images/layers.png)", data_uri)
    css = css.replace("url(images/layers-2x.png)", data_uri)
    css = css.replace("url(images/marker-icon.png)", "none")
    js = (folder / "leaflet.js").read_text(encoding="utf-8")
    return f"<style>\n{css}\n</style>\n<script>\n{js}\n</script>"


def new_map(*, tiles: bool, tiles_label: str) -> Any:
    """An empty folium map with no CDN links; an OpenStreetMap layer shown only if ``tiles``."""
    fm = folium_module()
    fmap = fm.Map(location=(21.03, 105.85), zoom_start=11, tiles=None)
    fmap.default_js = []
    fmap.default_css = []
    fm.TileLayer(
        tiles=TILES_URL,
        attr=TILES_ATTRIBUTION,
        name=tiles_label,
        overlay=True,
        show=tiles,
        max_zoom=19,
    ).add_to(fmap)
    return fmap


def numbered_icon(text: str, colour: str, css_class: str, title: str) -> Any:
    """A round marker with ``text`` in ``colour``; ``css_class`` lets tests count it."""
    fm = folium_module()
    return fm.DivIcon(
        html=(
            f'<div class="tp-marker {css_class}" style="background:{colour}" '
            f'title="{html.escape(title)}">{html.escape(text)}</div>'
        ),
        icon_size=(26, 26),
        icon_anchor=(13, 13),
        class_name="tp-icon",
    )


def popup_html(title: str, rows: Sequence[tuple[str, str]]) -> str:
    """A popup's HTML: a bold title and a two-column table of facts (all text escaped)."""
    cells = "".join(
        f"<tr><th>{html.escape(label)}</th><td>{html.escape(value)}</td></tr>"
        for label, value in rows
    )
    return f'<div class="tp-popup"><b>{html.escape(title)}</b><table>{cells}</table></div>'


@cache
def _popup_class() -> Any:
    """A popup element whose content is an HTML string: folium's own ``Popup`` needs jQuery."""
    folium_module()
    from branca.element import MacroElement
    from folium.template import Template

    class HtmlPopup(MacroElement):
        _template = Template(
            """
            {% macro script(this, kwargs) %}
            var {{ this.get_name() }} = L.popup({
                maxWidth: {{ this.max_width|tojson }}, minWidth: 240,
                autoPanPaddingTopLeft: [56, 12]  // clear of the zoom buttons
            })
                .setContent({{ this.content|tojson }});
            {{ this._parent.get_name() }}.bindPopup({{ this.get_name() }});
            {% endmacro %}
            """
        )

        def __init__(self, content: str, max_width: int) -> None:
            super().__init__()  # type: ignore[no-untyped-call]
            self._name = "HtmlPopup"
            self.content = content
            self.max_width = max_width

    return HtmlPopup


def add_popup(marker: Any, content: str, *, max_width: int = 340) -> None:
    """Bind a popup showing the HTML ``content`` to ``marker``."""
    marker.add_child(_popup_class()(content, max_width))


@dataclass(frozen=True)
class MapPart:
    """A rendered map: its ``<div>``, its script and its (CDN-free) header elements."""

    header: str
    div: str
    script: str


def render_map(
    fmap: Any, bounds: Sequence[tuple[float, float]], *, collapsed: bool = False
) -> MapPart:
    """Render ``fmap`` fitted to ``bounds`` ((lat, lon) points) into its page parts.

    ``collapsed`` folds the layer control into a button (for maps with many layers).
    """
    fm = folium_module()
    fm.LayerControl(collapsed=collapsed, position="bottomright").add_to(fmap)
    figure: Any = fmap.get_root()
    figure.render()
    header = figure.header.render()
    if "<script src=" in header or "<link rel=" in header:  # a folium upgrade added a CDN link
        raise ExportError("folium added an external resource to the map page")
    name = fmap.get_name()
    fit = ""
    if bounds:
        lats = [p[0] for p in bounds]
        lons = [p[1] for p in bounds]
        # one point (a day without stops): Leaflet 1.9 cannot fit a box of no area ("Invalid
        # LatLng object: (NaN, NaN)", Leaflet issue 8953) and the maps after it stay blank
        pad = POINT_PAD if min(lats) == max(lats) and min(lons) == max(lons) else 0.0
        box = json.dumps([[min(lats) - pad, min(lons) - pad], [max(lats) + pad, max(lons) + pad]])
        # Without animation: the view is final when the page has loaded (and when printed).
        # Keep the points clear of the layer control in the bottom-right corner.
        fit = (
            f"var control = document.querySelector('#{name} .leaflet-control-layers');"
            f"var below = control ? control.offsetHeight + 16 : 24;"
            f"{name}.fitBounds({box}, {{paddingTopLeft: [24, 24], "
            f"paddingBottomRight: [24, below], animate: false}});"
        )
    script = f"""
L.control.scale({{imperial: false}}).addTo({name});
{fit}
window.addEventListener('beforeprint', function () {{
    {name}.invalidateSize(false); {fit}
}});
"""
    return MapPart(header=header, div=figure.html.render(), script=figure.script.render() + script)
