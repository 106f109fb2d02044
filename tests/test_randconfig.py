"""randconfig, as the kernel's `make randconfig`: random core and module options of the host board.

Each seed gives a random, valid fragment (fixed seeds, so a failure reproduces); the
build boots and runs a program that uses every enabled feature (compared with CPython)
and checks that every disabled module fails to import. Two seeds in the default suite;
MPFORGE_RANDCONFIG=N runs N.

The same build directory is then driven through what must not matter: a build of
seed A stopped by SIGINT and finished, then a switch to seed B stopped by SIGKILL and
finished; each must give the image of a clean build of the same configuration, byte
for byte.
"""

from __future__ import annotations

import fcntl
import os
import random
import re
import signal
import subprocess
import sys
from pathlib import Path

import kconfiglib
import pytest

from mpforge import paths
from mpforge.boards import find_defconfig
from mpforge.build import scons_command
from mpforge.config.fragment import parse_fragment
from mpforge.config.tree import has_prompt, load_kconfig
from mpforge.config.view import ConfigView, read_dotconfig
from mpforge.mpycross import compile_file

SEEDS = list(range(1, 1 + int(os.environ.get("MPFORGE_RANDCONFIG", "2"))))
# The host port's own options stay fixed: -O0 compiles fastest, the demo package
# would print at boot, and unittest needs the sys module a random configuration may drop.
FIXED = [
    'CONFIG_HOST_OPT_LEVEL="-O0"',
    "# CONFIG_FROZEN_PKG_DEMO is not set",
    "# CONFIG_FROZEN_PKG_UNITTEST is not set",
    "# CONFIG_FROZEN_PKG_TYPING is not set",
]
HEAP_SIZES = (65536, 262144, 1048576)
MIN_MPY = 1024  # seed 1 runs a program of at least this many .mpy bytes in the smallest heap

# Feature -> code that uses it and prints what CPython 3.11 prints too.
SNIPPETS = {
    "INT_BIG_LONGLONG": "print('longlong', 2 ** 40 + 1)",
    "INT_BIG_MPZ": "print('mpz', 2 ** 100 // 3)",
    "FLOAT": "print('float', 1.5 * 2, 7 / 2)",
    "BUILTIN_COMPLEX": "print('complex', (1 + 2j) * (3 - 1j))",
    "STR_FORMAT": "print('format', '%d-%s' % (4, 'x'), '{}|{:>3}'.format(1, 2))",
    "BUILTIN_SET": "print('set', sorted({3, 1, 2} | {4}))",
    "BUILTIN_FROZENSET": "print('frozenset', sorted(frozenset([2, 1])))",
    "BUILTIN_BYTEARRAY": "b = bytearray(b'ab')\nb.append(99)\nprint('bytearray', bytes(b))",
    "BUILTIN_MEMORYVIEW": "print('memoryview', memoryview(b'abc')[1])",
    "BUILTIN_PROPERTY": (
        "class P:\n    @property\n    def v(self):\n        return 7\nprint('property', P().v)"
    ),
    "CLASS_HOOKS": (
        "class T:\n    def __get__(self, obj, cls):\n        return 3\n"
        "class U:\n    t = T()\nprint('hooks', U().t)"
    ),
    "GENERATORS": "def g():\n    yield 1\n    yield 2\nprint('generators', list(g()))",
    "ASYNC": (
        "async def co():\n    return 5\nc = co()\ntry:\n    c.send(None)\n"
        "except StopIteration as e:\n    print('async', e.value)"
    ),
    "BUILTIN_REVERSED": "print('reversed', list(reversed([1, 2, 3])))",
    "STR_UNICODE": "print('unicode', len('h\\u00e9'), 'h\\u00e9'[1] == '\\u00e9')",
    "MODULE_JSON": "import json\nprint('json', json.dumps([1, 'a', None, True]))",
    "MODULE_STRUCT": "import struct\nprint('struct', list(struct.pack('<HI', 1, 2)))",
    "MODULE_COLLECTIONS": (
        "import collections\nP = collections.namedtuple('P', ['x', 'y'])\n"
        "print('collections', P(1, 2).y)"
    ),
    "MODULE_BINASCII": "import binascii\nprint('binascii', binascii.hexlify(b'\\x01\\xff'))",
    "MODULE_ERRNO": "import errno\nprint('errno', errno.ENOENT)",
    "MODULE_HEAPQ": (
        "import heapq\nh = [5, 1, 3]\nheapq.heapify(h)\nprint('heapq', heapq.heappop(h))"
    ),
    "MODULE_RANDOM": "import random\nprint('random', random.randint(3, 3))",
    "MODULE_RE": "import re\nprint('re', re.match('(a+)b', 'aab').group(1))",
    "MODULE_ARRAY": "import array\nprint('array', list(array.array('h', [1, -2])))",
    "MODULE_IO": "import io\nprint('io', io.StringIO('xy').read())",
    "MODULE_OS": "import os\nprint('os', os.sep)",
    "MODULE_MATH": "import math\nprint('math', math.sqrt(16), math.floor(2.5))",
    "MODULE_MATH_SPECIAL": "import math\nprint('special', math.gamma(5))",
    "MODULE_CMATH": "import cmath\nprint('cmath', cmath.sqrt(-4))",
    "MODULE_GC": "import gc\ngc.collect()\nprint('gc')",
    "MODULE_TIME": "import time\nprint('time', time.time() > 0)",
    "MODULE_HASHLIB_SHA256": (
        "import hashlib\nprint('sha256', hashlib.sha256(b'abc').digest()[:4])"
    ),
    "MODULE_HASHLIB_SHA1": "import hashlib\nprint('sha1', hashlib.sha1(b'abc').digest()[:4])",
    "MODULE_HASHLIB_MD5": "import hashlib\nprint('md5', hashlib.md5(b'abc').digest()[:4])",
    "MODULE_ASYNCIO": (
        "import asyncio\nasync def m():\n    return 3\nprint('asyncio', asyncio.run(m()))"
    ),
}


def random_fragment(seed: int, scratch: Path) -> str:
    """A valid random configuration of the core (py/Kconfig*) on top of the host defconfig."""
    rng = random.Random(seed)
    kconf = load_kconfig(scratch)
    for a in parse_fragment(find_defconfig("host")):
        kconf.syms[a.symbol].set_value(a.value)
    chosen: dict[str, str] = {}
    for node in kconf.node_iter():
        item = node.item
        if not node.filename.startswith("py/") or not node.prompt:
            continue
        if isinstance(item, kconfiglib.Choice):
            options = [s for s in item.syms if s.visibility]
            pick = rng.choice(options)
            pick.set_value("y")
            chosen[pick.name] = "y"
        elif (
            isinstance(item, kconfiglib.Symbol)
            and item.choice is None
            and item.orig_type == kconfiglib.BOOL
            and item.visibility
        ):
            value = rng.choice("yn")
            item.set_value(value)
            chosen[item.name] = value
    smallest = kconf.syms["HEAP_SIZE"].ranges[0][0].str_value
    kconf.syms["HEAP_SIZE"].set_value(smallest if seed == 1 else str(rng.choice(HEAP_SIZES)))
    chosen["HEAP_SIZE"] = kconf.syms["HEAP_SIZE"].str_value
    lines = list(FIXED)
    for name, value in chosen.items():
        sym = kconf.syms[name]
        if sym.str_value != value or not has_prompt(sym) or not sym.visibility:
            continue  # a later choice made it moot
        lines.append(f"# CONFIG_{name} is not set" if value == "n" else f"CONFIG_{name}={value}")
    return "".join(line + "\n" for line in lines)


def programs(view: ConfigView) -> dict[str, tuple[str, str | None]]:
    """name -> (source, expected output or None for "what CPython prints"): one program per
    enabled feature, one of plain functions (at least MIN_MPY bytes of .mpy), and one that
    checks every disabled module fails to import (CPython has them all)."""
    result: dict[str, tuple[str, str | None]] = {
        name: (code + "\n", None) for name, code in SNIPPETS.items() if view.values.get(name) == "y"
    }
    functions = [f"def f{i}(a, b):\n    return a * {i} + b - {i * 7}\n" for i in range(40)]
    result["functions"] = ("".join(functions) + "print('functions', f3(1, 2) + f39(2, 3))\n", None)
    off = sorted(
        n[len("MODULE_") :].lower()
        for n, v in view.values.items()
        if re.fullmatch(r"MODULE_[A-Z]+", n) and v != "y"
    )
    check = (
        f"for name in {off!r}:\n    try:\n        __import__(name)\n"
        "        print(name, 'imported')\n    except ImportError:\n        print(name, 'off')\n"
    )
    result["disabled"] = (check, "".join(f"{name} off\n" for name in off))
    return result


def build(build_dir: Path, fragment: Path, stop: signal.Signals | None = None) -> None:
    """Build; with `stop`, send that signal to the whole build once it is compiling."""
    cmd = scons_command("host", build_dir, (fragment,), jobs=2)
    if stop is None:
        proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
        assert proc.returncode == 0, proc.stdout + proc.stderr
        return
    proc = subprocess.Popen(
        cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True
    )
    assert proc.stdout is not None
    compiled = 0
    for line in proc.stdout:
        compiled += " CC " in line
        if compiled >= 4:
            os.killpg(proc.pid, stop)
            break
    proc.stdout.read()
    assert proc.wait(timeout=600) != 0, f"the build finished before {stop.name} reached it"


def image(build_dir: Path) -> bytes:
    return (build_dir / "firmware").read_bytes()


def clean_build(seed: int) -> tuple[Path, Path]:
    """(fragment, clean build directory) of a seed, built once for all pytest-xdist workers:
    in build/randconfig_<seed> under a lock, as test_stm32 shares its builds."""
    base = paths.ROOT / "build" / f"randconfig_{seed}"
    base.parent.mkdir(parents=True, exist_ok=True)
    with open(base.with_name(base.name + ".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        fragment = base.with_name(base.name + ".conf")
        text = random_fragment(seed, base.with_name(base.name + ".scratch"))
        if not fragment.is_file() or fragment.read_text() != text:
            fragment.write_text(text)
        build(base, fragment)
    return fragment, base


@pytest.fixture(scope="module")
def configs() -> dict[int, tuple[Path, Path]]:
    """seed -> (fragment, clean build directory)."""
    return {seed: clean_build(seed) for seed in SEEDS}


@pytest.mark.parametrize("seed", SEEDS)
def test_random_config_builds_boots_and_runs_its_features(
    seed: int, configs, tmp_path: Path
) -> None:
    fragment, clean = configs[seed]
    view = read_dotconfig("host", clean / ".config")
    context = f"seed {seed}, fragment:\n{fragment.read_text()}"
    for name, (text, expected) in programs(view).items():
        source = tmp_path / f"{name.lower()}.py"
        source.write_text(text)
        mpy = source.with_suffix(".mpy")
        compile_file(source, mpy)
        if name == "functions":
            assert mpy.stat().st_size >= MIN_MPY
        got = subprocess.run(
            [str(clean / "firmware"), mpy.name],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        if expected is None:
            expected = subprocess.run(
                [sys.executable, str(source)], capture_output=True, text=True, check=True
            ).stdout
        assert got.returncode == 0, f"{name}: {got.stdout}{got.stderr}\n{context}"
        assert got.stdout == expected, f"{name}\n{context}"


def test_interrupted_builds_and_a_switch_give_the_clean_images(configs, tmp_path: Path) -> None:
    """SIGINT mid-build of A, then finish: A's clean image. Switch to B, SIGKILL mid-build,
    then finish: B's clean image. One directory through all of it."""
    seeds = list(configs)
    a, b = seeds[0], seeds[1] if len(seeds) > 1 else seeds[0]
    work = tmp_path / "work"
    build(work, configs[a][0], stop=signal.SIGINT)
    build(work, configs[a][0])
    assert image(work) == image(configs[a][1])
    build(work, configs[b][0], stop=signal.SIGKILL)
    build(work, configs[b][0])
    assert image(work) == image(configs[b][1])
    assert (work / ".config").read_text() == (configs[b][1] / ".config").read_text()
