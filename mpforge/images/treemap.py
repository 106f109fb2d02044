"""`mpforge size --html`: one self-contained page with a treemap of the image's components.

The layout is computed here (squarified: rows of rectangles laid along the shorter side,
a row growing while that makes its worst aspect ratio no worse) and written as inline SVG,
with inline CSS and a few lines of inline JavaScript for the details under the pointer: the
page needs no network and no other file.
"""

from __future__ import annotations

import html
import json
from collections.abc import Sequence
from dataclasses import dataclass

WIDTH, HEIGHT = 960, 420
# One colour per component group (mpforge.images.size.Component.group).
COLOURS = {
    "core": "#4e79a7",
    "module": "#f28e2b",
    "port": "#59a14f",
    "frozen": "#e15759",
    "lib": "#76b7b2",
    "reserve": "#bab0ac",
    "linker": "#9c755f",
}
_OTHER_COLOUR = "#b07aa1"


@dataclass(frozen=True)
class Tile:
    name: str
    group: str
    size: int
    x: float
    y: float
    w: float
    h: float


def _worst(row: Sequence[float], side: float) -> float:
    """The largest aspect ratio of `row` (areas) laid along a side of length `side`."""
    total = sum(row)
    return max(
        max(side * side * a / (total * total), total * total / (side * side * a)) for a in row
    )


def squarify(
    sizes: Sequence[float], x: float, y: float, w: float, h: float
) -> list[tuple[float, float, float, float]]:
    """Rectangles (x, y, w, h) tiling the box, one per size (given largest first), each with an
    area proportional to its size. Sizes must be positive."""
    total = float(sum(sizes))
    if not sizes or total <= 0 or w <= 0 or h <= 0:
        return []
    areas = [s * w * h / total for s in sizes]
    out: list[tuple[float, float, float, float]] = []
    i = 0
    while i < len(areas):
        side = min(w, h)
        row = [areas[i]]
        j = i + 1
        while j < len(areas) and _worst([*row, areas[j]], side) <= _worst(row, side):
            row.append(areas[j])
            j += 1
        thickness = sum(row) / (h if w >= h else w)
        along = 0.0
        for a in row:
            length = a / thickness
            if w >= h:  # a column at the left
                out.append((x, y + along, thickness, length))
            else:  # a row at the top
                out.append((x + along, y, length, thickness))
            along += length
        if w >= h:
            x, w = x + thickness, w - thickness
        else:
            y, h = y + thickness, h - thickness
        i = j
    return out


def tiles(components: Sequence[dict], key: str, width: float, height: float) -> list[Tile]:
    """The treemap of the components' `key` ("flash" or "ram"), largest first."""
    ranked = sorted((c for c in components if c[key] > 0), key=lambda c: (-c[key], c["name"]))
    boxes = squarify([c[key] for c in ranked], 0, 0, width, height)
    return [Tile(c["name"], c["group"], c[key], *box) for c, box in zip(ranked, boxes, strict=True)]


def _svg(title: str, items: list[Tile]) -> str:
    parts = [
        f'<svg class="treemap" viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" height="{HEIGHT}" '
        f'role="img" aria-label="{html.escape(title)}">'
    ]
    for t in items:
        label = html.escape(t.name)
        colour = COLOURS.get(t.group, _OTHER_COLOUR)
        parts.append(
            f'<g data-name="{label}" data-size="{t.size}" data-group="{t.group}">'
            f'<rect x="{t.x:.2f}" y="{t.y:.2f}" width="{t.w:.2f}" height="{t.h:.2f}" '
            f'fill="{colour}"><title>{label}: {t.size} bytes ({t.group})</title></rect>'
        )
        if t.w > 7 * len(t.name) + 8 and t.h > 16:
            parts.append(
                f'<text x="{t.x + 4:.2f}" y="{t.y + 14:.2f}">{label}</text>'
                f'<text class="n" x="{t.x + 4:.2f}" y="{t.y + 28:.2f}">{t.size}</text>'
                if t.h > 32
                else f'<text x="{t.x + 4:.2f}" y="{t.y + 14:.2f}">{label}</text>'
            )
        parts.append("</g>")
    parts.append("</svg>")
    return "".join(parts)


_CSS = """
body { font: 14px sans-serif; margin: 16px; color: #222; background: #fff; }
h1 { font-size: 20px; margin: 0 0 8px; }
h2 { font-size: 16px; margin: 20px 0 6px; }
.treemap rect { stroke: #fff; stroke-width: 1; }
.treemap g:hover rect { opacity: 0.75; }
.treemap text { font-size: 12px; fill: #fff; pointer-events: none; }
.treemap text.n { fill: #eee; }
#info { min-height: 1.4em; font-family: monospace; }
.legend span { display: inline-block; margin-right: 12px; }
.legend i { display: inline-block; width: 12px; height: 12px; margin-right: 4px; }
table { border-collapse: collapse; margin-top: 8px; }
td, th { padding: 1px 10px; text-align: right; }
td:first-child, th:first-child { text-align: left; }
"""

_JS = """
document.querySelectorAll(".treemap g").forEach(function (g) {
  g.addEventListener("mouseover", function () {
    document.getElementById("info").textContent =
      g.dataset.name + ": " + g.dataset.size + " bytes (" + g.dataset.group + ")";
  });
});
"""


def _amount(used: int, limit: int | None) -> str:
    if not limit:
        return f"{used} bytes"
    return f"{used} of {limit} bytes ({100 * used / limit:.1f}%)"


def page(report: dict) -> str:
    """The HTML page of a size report (as `mpforge size --json` prints it)."""
    board = html.escape(report["board"])
    totals, limits, comps = report["totals"], report["limits"], report["components"]
    legend = "".join(f'<span><i style="background:{c}"></i>{g}</span>' for g, c in COLOURS.items())
    rows = "".join(
        f"<tr><td>{html.escape(c['name'])}</td><td>{c['group']}</td>"
        f"<td>{c['flash']}</td><td>{c['ram']}</td></tr>"
        for c in comps
    )
    flash = _svg(f"{board} flash", tiles(comps, "flash", WIDTH, HEIGHT))
    ram = _svg(f"{board} RAM", tiles(comps, "ram", WIDTH, HEIGHT))
    data = html.escape(json.dumps(report, sort_keys=True), quote=False)
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>{board}: image size</title><style>{_CSS}</style></head>
<body>
<h1>{board}: where the flash and RAM go</h1>
<p>text {totals["text"]}, data {totals["data"]}, bss {totals["bss"]} bytes.</p>
<p class="legend">{legend}</p>
<p id="info"></p>
<h2 id="flash">Flash: {_amount(totals["flash"], limits.get("flash"))}</h2>
{flash}
<h2 id="ram">RAM: {_amount(totals["ram"], limits.get("ram"))}</h2>
{ram}
<h2>Components</h2>
<table><tr><th>component</th><th>group</th><th>flash</th><th>RAM</th></tr>{rows}</table>
<script type="application/json" id="report">{data}</script>
<script>{_JS}</script>
</body></html>
"""
