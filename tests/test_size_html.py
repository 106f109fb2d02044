"""`mpforge size --html`: the treemap layout tiles its box in proportion to the sizes, and the
page of a real build (host_minimal), loaded from a file in headless Chromium with no server,
names the largest components in its DOM and draws them."""

from __future__ import annotations

import itertools
import json
import re
from pathlib import Path

import pytest
from browser import chromium, needs_chromium, read_png
from helpers import mpforge

from mpforge import paths
from mpforge.images.treemap import HEIGHT, WIDTH, squarify


@pytest.mark.parametrize(
    ("sizes", "w", "h"),
    [([500, 300, 100, 60, 30, 7, 3], 960.0, 420.0), ([1], 10.0, 300.0), ([5, 5, 5, 5], 40.0, 10.0)],
)
def test_squarify_tiles_the_box_in_proportion(sizes: list[int], w: float, h: float) -> None:
    boxes = squarify(sizes, 0, 0, w, h)
    assert len(boxes) == len(sizes)
    total = sum(sizes)
    for size, (x, y, bw, bh) in zip(sizes, boxes, strict=True):
        assert bw * bh == pytest.approx(size / total * w * h)
        assert x >= -1e-6 and x + bw <= w + 1e-6 and y >= -1e-6 and y + bh <= h + 1e-6
    for (ax, ay, aw, ah), (bx, by, bw, bh) in itertools.combinations(boxes, 2):
        overlap_w = min(ax + aw, bx + bw) - max(ax, bx)
        overlap_h = min(ay + ah, by + bh) - max(ay, by)
        assert overlap_w <= 1e-6 or overlap_h <= 1e-6  # at most a shared edge
    assert squarify([], 0, 0, w, h) == []


def _page(capsys: pytest.CaptureFixture[str], out: Path) -> dict:
    build_dir = paths.default_build_dir("host_minimal")  # built by conftest
    r = mpforge(capsys, "size", "-b", "host_minimal", "--build-dir", build_dir, "--json",
                "--html", out)  # fmt: skip
    assert r.code == 0, r.err
    return json.loads(r.out)


def test_html_page_is_self_contained(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    rep = _page(capsys, tmp_path / "size.html")
    text = (tmp_path / "size.html").read_text(encoding="utf-8")
    assert not re.search(r"""\b(src|href)\s*=|url\(|@import""", text)  # nothing to fetch
    assert text.count("<svg") == 2 and "<style>" in text and "<script>" in text
    assert json.loads(re.search(r'id="report">(.*?)</script>', text).group(1)) == rep


@needs_chromium
def test_html_page_renders_the_components(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    out = tmp_path / "size.html"
    rep = _page(capsys, out)
    dom = chromium(out.as_uri(), "--dump-dom", cwd=tmp_path)
    for c in rep["components"][:5]:  # the largest, in the flash treemap
        assert f'<g data-name="{c["name"]}" data-size="{c["flash"]}"' in dom, c["name"]
    assert f"Flash: {rep['totals']['flash']} bytes" in dom
    shot = tmp_path / "page.png"
    chromium(out.as_uri(), f"--screenshot={shot}", "--window-size=1000,700", cwd=tmp_path)
    width, height, rows = read_png(shot)
    assert (width, height) == (1000, 700)
    # The flash treemap starts below the heading (about y=178) and fills its width: most of
    # its pixels are coloured, not the white background or grey text.
    area = [row[20 : 20 + WIDTH - 40] for row in rows[200 : min(height, 180 + HEIGHT)]]
    coloured = sum(1 for row in area for px in row if max(px[:3]) - min(px[:3]) > 30)
    assert coloured > 0.5 * sum(len(row) for row in area)


def test_html_unwritable(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    build_dir = paths.default_build_dir("host_minimal")
    r = mpforge(capsys, "size", "-b", "host_minimal", "--build-dir", build_dir,
                "--html", tmp_path / "no" / "such" / "dir.html")  # fmt: skip
    assert r.code != 0 and r.err.count("\n") == 1 and r.err.startswith("error: --html")
