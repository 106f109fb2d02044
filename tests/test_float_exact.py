"""Floats exactly as CPython on the host firmware: a fixed-seed sample of tools/float_diff.py.

repr/str (shortest round-trip digits), hash, format()/%-formatting with precisions, round(x, n)
and float(str), each class on random doubles and edge values (subnormals, powers of 2 and 10,
the extremes, halfway cases), compared line by line with CPython. The tool itself runs millions
of cases by hand: `tools/float_diff.py -n 1000000 --firmware build/host/firmware`.
"""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path

import pytest
from boards import build_firmware
from corpus_runner import host_build_dir, load_host_build

from mpforge import paths

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("float_diff", ROOT / "tools" / "float_diff.py")
assert _spec is not None and _spec.loader is not None
float_diff = importlib.util.module_from_spec(_spec)
sys.modules["float_diff"] = float_diff
_spec.loader.exec_module(float_diff)


@pytest.mark.parametrize("cls", float_diff.CLASSES)
def test_float_class_matches_cpython(cls: str, capsys: pytest.CaptureFixture[str]) -> None:
    build = load_host_build(host_build_dir())
    for sym in ("FLOAT_DOUBLE", "FLOAT_HEX", "STR_FORMAT", "BUILTIN_HELPERS"):
        if build.config.get(sym, "n") != "y":
            pytest.skip(f"CONFIG_{sym} is off in {build.build_dir}")
    bad = float_diff.compare(cls, 3000, 7, build.firmware, 3000, 20)
    out = capsys.readouterr().out
    assert bad == 0, out


def test_float_classes_on_the_sanitizer_build(capsys: pytest.CaptureFixture[str]) -> None:
    build = load_host_build(paths.default_build_dir("host_asan"))
    if build.config.get("FLOAT_DOUBLE", "n") != "y":
        pytest.skip("CONFIG_FLOAT_DOUBLE is off in host_asan")
    bad = sum(float_diff.compare(c, 600, 11, build.firmware, 1000, 20) for c in float_diff.CLASSES)
    assert bad == 0, capsys.readouterr().out


def test_float_single_matches_exact_float32(capsys: pytest.CaptureFixture[str]) -> None:
    conf = paths.ROOT / "build" / "test_float_single.conf"
    conf.parent.mkdir(parents=True, exist_ok=True)
    if not conf.exists():
        tmp = conf.with_name(f"{conf.name}.{os.getpid()}")
        tmp.write_text("CONFIG_FLOAT_SINGLE=y\n# CONFIG_FLOAT_DOUBLE is not set\n")
        os.replace(tmp, conf)
    build_dir, _ = build_firmware("host", "float_single", (conf,))
    assert load_host_build(build_dir).config.get("FLOAT_SINGLE") == "y"
    fw = build_dir / "firmware"
    bad = float_diff.compare_single(fw, 2000, 7, 20)
    bad += sum(
        float_diff.compare_single_class(c, fw, 2000, 7, 20) for c in ("format", "round", "parse")
    )
    assert bad == 0, capsys.readouterr().out
