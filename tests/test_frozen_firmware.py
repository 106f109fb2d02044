"""Frozen modules in a real image (host port): boot order, packages, --app and its fragment,
incremental freezing, and the RAM that executing from flash saves."""

from __future__ import annotations

import os
import re
import subprocess
import textwrap
from pathlib import Path

import pytest

from mpforge.build import scons_command
from mpforge.mpycross import compile_file


def write(base: Path, rel: str, text: str) -> None:
    path = base / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text))


# A module of some size: its bytecode is what executing in place keeps out of RAM.
BIG = "\n".join(
    f"def f{i}(x, y={i}):\n    s = 0\n    for k in range(x):\n        s += k * y + {i}\n"
    f"    return s, 'value of f{i} is', s * {i}\n"
    for i in range(40)
)

MEASURE = """\
import gc
gc.collect()
before = gc.mem_alloc()
import {name}
gc.collect()
print("grew", gc.mem_alloc() - before, {name}.f7(3)[0])
"""


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("app")
    write(base, "boot.py", "print('boot first')\n")
    write(
        base,
        "main.py",
        """\
        import sys
        from pkg import helper
        from pkg.sub.leaf import leaf
        import big
        print('main second', helper.double(21), leaf(), sys.platform)
        """,
    )
    write(base, "pkg/__init__.py", "")
    write(
        base,
        "pkg/helper.py",
        "from .sub import leaf as _leaf\n\ndef double(x):\n    return 2 * x\n",
    )
    write(base, "pkg/sub/__init__.py", "")
    write(
        base,
        "pkg/sub/leaf.py",
        "from .. import helper\n\ndef leaf():\n    return helper.double(5)\n",
    )
    write(base, "big.py", BIG)
    write(base, "measure.py", MEASURE.format(name="big"))
    write(base, "app.conf", "CONFIG_HEAP_SIZE=4194304\n")
    return base


def build(app: Path, build_dir: Path) -> str:
    # A cache of this build directory's own: what it counts must not depend on other runs.
    env = dict(os.environ, MPFORGE_CACHE=str(build_dir / "mpy-cache"))
    proc = subprocess.run(
        scons_command("host", build_dir, app=app),
        capture_output=True,
        text=True,
        check=False,
        env=env,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return proc.stdout + proc.stderr


@pytest.fixture(scope="module")
def firmware(app: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    build_dir = tmp_path_factory.mktemp("build")
    build(app, build_dir)
    return build_dir


def boot(build_dir: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [build_dir / "firmware", *args], capture_output=True, text=True, timeout=20, check=False
    )


def test_boot_then_main_with_packages(firmware: Path) -> None:
    proc = boot(firmware)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == "boot first\nmain second 42 10 linux\n"


def test_app_fragment_applied_and_demo_main_replaced(firmware: Path) -> None:
    config = (firmware / ".config").read_text()
    assert "CONFIG_HEAP_SIZE=4194304" in config
    assert "frozen main.py running on" not in boot(firmware).stdout


def test_frozen_import_costs_far_less_ram_than_mpy(firmware: Path, tmp_path: Path) -> None:
    """Importing a frozen module allocates its globals; an .mpy also needs its code in RAM."""
    frozen_measure = tmp_path / "run_frozen.py"
    frozen_measure.write_text(MEASURE.format(name="big"))
    disk = tmp_path / "disk"
    disk.mkdir()
    (disk / "bigdisk.py").write_text(BIG)
    compile_file(disk / "bigdisk.py", disk / "bigdisk.mpy")
    (disk / "measure.py").write_text(MEASURE.format(name="bigdisk"))
    compile_file(disk / "measure.py", disk / "measure.mpy")
    compile_file(frozen_measure, tmp_path / "run_frozen.mpy")
    frozen = boot(firmware, str(tmp_path / "run_frozen.mpy"))
    loaded = boot(firmware, str(disk / "measure.mpy"))
    grew = [int(re.search(r"grew (\d+)", p.stdout).group(1)) for p in (frozen, loaded)]
    assert frozen.stdout.split()[2] == loaded.stdout.split()[2]  # same result
    # The frozen import allocates the module's dict and function objects only: the code
    # itself (at least the .mpy's size) stays in flash.
    code_size = (disk / "bigdisk.mpy").stat().st_size
    assert grew[1] - grew[0] >= code_size, (grew, code_size)
    assert grew[0] * 2 < grew[1], grew


def test_edit_recompiles_one_module_and_removal_drops_it(app: Path, tmp_path: Path) -> None:
    build_dir = tmp_path / "b"
    build(app, build_dir)
    (app / "pkg" / "helper.py").write_text(
        "from .sub import leaf as _leaf\n\ndef double(x):\n    return 3 * x\n"
    )
    out = build(app, build_dir)
    # the app's 7 modules and the host's frozen unittest and typing packages
    assert "(1 compiled by mpy-cross, 9 from the cache)" in out
    assert re.findall(r"CC (\S+)", out) == [str(build_dir / "gen" / "frozen.c")]
    assert "main second 63 15" in boot(build_dir).stdout
    (app / "measure.py").unlink()
    out = build(app, build_dir)
    assert "9 frozen modules" in out
    assert b"measure.py" not in (build_dir / "firmware").read_bytes()


def test_syntax_error_stops_the_build(app: Path, tmp_path: Path) -> None:
    bad = tmp_path / "badapp"
    write(bad, "main.py", "x = 1\nif x\n    pass\n")
    proc = subprocess.run(
        scons_command("host", tmp_path / "b", app=bad), capture_output=True, text=True, check=False
    )
    assert proc.returncode != 0
    # file:line:column, on one line of stderr
    assert re.search(r"^error: .*main\.py:2:\d+: SyntaxError: expected ':'", proc.stderr, re.M)


def test_frozen_complex_constants_run(tmp_path: Path) -> None:
    """Imaginary literals frozen as const complex objects (plain and inside a tuple)."""
    src = tmp_path / "capp"
    write(src, "cplx.py", "Z = 2.5j\nPAIR = (1e16j, -0.5)\n")
    write(src, "main.py", "import cplx\nprint(cplx.Z * cplx.Z, cplx.PAIR, 1 + cplx.Z, -3j)\n")
    build_dir = tmp_path / "b"
    build(src, build_dir)
    proc = boot(build_dir)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == "(-6.25+0j) (1e+16j, -0.5) (1+2.5j) (-0-3j)\n"


def test_frozen_complex_constant_without_complex_stops_the_build(tmp_path: Path) -> None:
    src = tmp_path / "capp"
    write(src, "main.py", "x = 1\ny = x * 2j\n")
    write(src, "app.conf", "# CONFIG_BUILTIN_COMPLEX is not set\n")
    proc = subprocess.run(
        scons_command("host", tmp_path / "b", app=src), capture_output=True, text=True, check=False
    )
    out = proc.stdout + proc.stderr
    assert proc.returncode != 0
    assert "main.py:2: uses the complex constant 2j" in out
    assert "CONFIG_BUILTIN_COMPLEX" in out
