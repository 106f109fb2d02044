"""Floats exactly as CPython on the host firmware: a fixed-seed sample of tools/float_diff.py.

repr/str (shortest round-trip digits), hash, format()/%-formatting with precisions, round(x, n)
and float(str), each class on random doubles and edge values (subnormals, powers of 2 and 10,
the extremes, halfway cases), compared line by line with CPython. The tool itself runs millions
of cases by hand: `tools/float_diff.py -n 1000000 --firmware build/host/firmware`.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
from corpus_runner import host_build_dir, load_host_build

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
