"""A corpus of bad inputs: each gets one `error:` line with its key words, exit != 0, no traceback.

Each case writes its files into a scratch directory, runs one `mpforge` command in
this process and checks the message, the exit code, and what is left behind: an
existing build directory keeps its .config, and nothing appears in the source tree.
The kinds: config fragments (files that are not plain text, malformed lines, wrong
names and values), the command line (boards, build directories, ranges),
applications and manifests, frozen sources, and the frozen packages themselves.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from helpers import CliResult, mpforge, one_error

from mpforge import paths
from mpforge.config.view import ConfigView, read_dotconfig
from mpforge.errors import MpforgeError
from mpforge.frozen.collect import collect
from mpforge.frozen.freeze import freeze
from mpforge.frozen.manifest import ManifestLoader
from mpforge.frozen.packages import all_packages, find_package, kconfig_text
from mpforge.generated import Generated

FIFO, DIRECTORY, LOOP = object(), object(), object()
Content = str | bytes | object


@dataclass
class Case:
    id: str
    files: dict[str, Content]
    argv: list[str]
    words: list[str]
    code: int = 1
    keep_build: bool = True  # a good build directory exists first and must survive
    needs_non_root: bool = False
    env: dict[str, str] = field(default_factory=dict)


def _write(base: Path, files: dict[str, Content]) -> None:
    for rel, content in files.items():
        path = base / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if content is FIFO:
            os.mkfifo(path)
        elif content is DIRECTORY:
            path.mkdir()
        elif content is LOOP:
            path.symlink_to(path.name)
        elif isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(str(content), encoding="utf-8")


def _frag(*lines: str) -> str:
    return "".join(line + "\n" for line in lines)


# One board per family: its optimisation flag and its console's baud rate.
PORT_OPT_LEVELS = [
    ("netduinoplus2", "CORTEX_M_OPT_LEVEL"),
    ("esp32c3_devkitm", "ESP32C3_OPT_LEVEL"),
    ("esp8266_generic", "ESP8266_OPT_LEVEL"),
    ("wasm_node", "WASM_OPT_LEVEL"),
]
PORT_BAUDS = [
    ("netduinoplus2", "STM32_CONSOLE_BAUD"),
    ("microbit", "NRF_CONSOLE_BAUD"),
    ("rpi_pico", "RP2040_CONSOLE_BAUD"),
    ("feather_m0", "SAMD_CONSOLE_BAUD"),
    ("esp32c3_devkitm", "ESP32C3_CONSOLE_BAUD"),
    ("esp8266_generic", "ESP8266_CONSOLE_BAUD"),
]
# (case, board, fragment, words of the error): values in range that the C code or the
# board cannot take.
PORT_FRAGMENTS = [
    (
        "frag-cortex-m-stack-below-limit-and-margin",
        "netduinoplus2",
        "CONFIG_CORTEX_M_STACK_SIZE=1024\n",
        ["b.conf:1", "CORTEX_M_STACK_SIZE", "range 4096"],
    ),
    (
        "frag-cache-not-a-power-of-two",
        "host",
        "CONFIG_BUILTIN_CACHE_SIZE=48\n",
        ["b.conf:1", "BUILTIN_CACHE_SIZE=48", "power of two"],
    ),
    (
        "frag-stm32-pll-p-odd",
        "pyboard_v11",
        "CONFIG_STM32_PLL_P=3\n",
        ["b.conf:1", "STM32_PLL_P=3", "2, 4, 6 or 8"],
    ),
    (
        "frag-stack-reserve-above-the-limit",
        "netduinoplus2",
        "CONFIG_STACK_LIMIT=2048\nCONFIG_STACK_CHECK_RESERVE=4096\n",
        ["b.conf:2", "room for 0 checking C frames", "at most 64"],
    ),
    # The host's frames need far more than a board's (RecursionError at the first class
    # definition at 2048 with the sanitizers); the error names the file of the range (it
    # named ports/esp32c3/Kconfig, the first `config STACK_LIMIT`, that port's default).
    (
        "frag-host-stack-limit-below-the-compilers-floor",
        "host",
        "CONFIG_STACK_LIMIT=16384\n",
        ["b.conf:1", "range 65536..", "(ports/host/Kconfig:"],
    ),
    (
        "frag-sanitizer-stack-limit-below-its-floor",
        "host_asan",
        "CONFIG_STACK_LIMIT=65536\n",
        ["b.conf:1", "range 131072..", "(ports/host/Kconfig:"],
    ),
    (
        "frag-wasm-opt-level-og",
        "wasm_node",
        'CONFIG_WASM_OPT_LEVEL="-Og"\n',
        ["b.conf:1", "WASM_OPT_LEVEL", "emcc takes no -Og"],
    ),
    (
        "frag-esp32c3-xip-offset-not-a-page",
        "esp32c3_devkitm",
        "CONFIG_ESP32C3_XIP_OFFSET=0x18000\n",
        ["b.conf:1", "ESP32C3_XIP_OFFSET", "multiple of 0x10000"],
    ),
    (
        "frag-stm32-pin",
        "netduinoplus2",
        'CONFIG_STM32_UART1_TX_PIN="PZ99"\n',
        ["b.conf:1", "STM32_UART1_TX_PIN", "PA0 to PH15"],
    ),
]
CFG = ["config", "-b", "host", "--build-dir", "{tmp}/build"]
APP = [*CFG, "--app", "{tmp}/app"]
MAIN = {"app/main.py": "print('hello')\n"}

CASES = [
    # -- fragments that are not plain readable text
    Case("frag-directory", {"d/x": ""}, [*CFG, "-C", "{tmp}/d"], ["is a directory"]),
    Case("frag-fifo", {"f.conf": FIFO}, [*CFG, "-C", "{tmp}/f.conf"], ["named pipe", "f.conf"]),
    Case("frag-loop", {"l.conf": LOOP}, [*CFG, "-C", "{tmp}/l.conf"], ["symlink loop"]),
    Case("frag-missing", {}, [*CFG, "-C", "{tmp}/none.conf"], ["none.conf", "does not exist"]),
    Case(
        "frag-below-file",
        {"f.conf": "x"},
        [*CFG, "-C", "{tmp}/f.conf/x.conf"],
        ["is a file, not a directory"],
    ),
    Case(
        "frag-not-utf8",
        {"bad.conf": b"# ok\nCONFIG_HEAP_SIZE=1\xff\n"},
        [*CFG, "-C", "{tmp}/bad.conf"],
        ["bad.conf:2", "UTF-8"],
    ),
    Case(
        "frag-nul",
        {"bad.conf": b"# a\n# b\nCONFIG_HEAP\x00_SIZE=1\n"},
        [*CFG, "-C", "{tmp}/bad.conf"],
        ["bad.conf:3", "NUL"],
    ),
    Case(
        "frag-unreadable",
        {"u.conf": "CONFIG_HEAP_SIZE=4096\n"},
        [*CFG, "-C", "{tmp}/u.conf"],
        ["permission denied"],
        needs_non_root=True,
    ),
    # -- malformed lines, wrong names, wrong values
    # "CONFIG_HEAP_SIZE=n is not a valid int value": a line the user never wrote.
    Case(
        "frag-unset-an-int",
        {"b.conf": "# CONFIG_HEAP_SIZE is not set\n"},
        [*CFG, "-C", "{tmp}/b.conf"],
        ["b.conf:1", "`# CONFIG_HEAP_SIZE is not set` switches off a bool", "int-valued"],
    ),
    Case(
        "frag-comment-after-a-value",
        {"b.conf": "CONFIG_HEAP_SIZE=32768 # a comment\n"},
        [*CFG, "-C", "{tmp}/b.conf"],
        ["b.conf:1", "a comment goes on a line of its own"],
    ),
    Case(
        "frag-spaces",
        {"b.conf": "CONFIG_HEAP_SIZE = 4096\n"},
        [*CFG, "-C", "{tmp}/b.conf"],
        ["b.conf:1", "malformed", "no spaces"],
    ),
    Case(
        "frag-indented",
        {"b.conf": "  CONFIG_HEAP_SIZE=4096\n"},
        [*CFG, "-C", "{tmp}/b.conf"],
        ["b.conf:1", "leading whitespace"],
    ),
    Case(
        "frag-lower-prefix",
        {"b.conf": "config_HEAP_SIZE=4096\n"},
        [*CFG, "-C", "{tmp}/b.conf"],
        ["b.conf:1", "CONFIG_"],
    ),
    Case(
        "frag-no-prefix",
        {"b.conf": "HEAP_SIZE=4096\n"},
        [*CFG, "-C", "{tmp}/b.conf"],
        ["b.conf:1", "start with CONFIG_"],
    ),
    Case(
        "frag-wrong-case",
        {"b.conf": "CONFIG_heap_size=4096\n"},
        [*CFG, "-C", "{tmp}/b.conf"],
        ["b.conf:1", "did you mean CONFIG_HEAP_SIZE"],
    ),
    Case(
        "frag-typo",
        {"b.conf": "CONFIG_HEAP_SIZ=4096\n"},
        [*CFG, "-C", "{tmp}/b.conf"],
        ["unknown symbol", "did you mean CONFIG_HEAP_SIZE"],
    ),
    Case(
        "frag-int-text",
        {"b.conf": "CONFIG_HEAP_SIZE=big\n"},
        [*CFG, "-C", "{tmp}/b.conf"],
        ["b.conf:1", "not a valid int"],
    ),
    Case(
        "frag-int-comment",
        {"b.conf": "CONFIG_HEAP_SIZE=4096 # small\n"},
        [*CFG, "-C", "{tmp}/b.conf"],
        ["b.conf:1", "not a valid int"],
    ),
    Case(
        "frag-bool-1",
        {"b.conf": "CONFIG_MODULE_JSON=1\n"},
        [*CFG, "-C", "{tmp}/b.conf"],
        ["b.conf:1", "not a valid bool"],
    ),
    Case(
        "frag-out-of-range",
        {"b.conf": "CONFIG_HEAP_SIZE=16\n"},
        [*CFG, "-C", "{tmp}/b.conf"],
        ["b.conf:1", "range"],
    ),
    Case(
        "frag-unterminated-string",
        {"b.conf": 'CONFIG_HOST_OPT_LEVEL="-O2\n'},
        [*CFG, "-C", "{tmp}/b.conf"],
        ["b.conf:1", "malformed string"],
    ),
    Case(
        "frag-opt-level-junk",
        {"b.conf": 'CONFIG_HOST_OPT_LEVEL="-O9x"\n'},
        [*CFG, "-C", "{tmp}/b.conf"],
        ["b.conf:1", "HOST_OPT_LEVEL", "-O2"],
    ),
    Case(
        "frag-opt-level-two-flags",
        {"b.conf": 'CONFIG_HOST_OPT_LEVEL="-O2 -g0"\n'},
        [*CFG, "-C", "{tmp}/b.conf"],
        ["b.conf:1", "one flag"],
    ),
    # -- the ports' own options, on one board of each family (-b BOARD)
    *(
        Case(
            f"frag-opt-level-{board}",
            {"b.conf": f'CONFIG_{symbol}="-O2 -DX"\n'},
            ["config", "-b", board, "--build-dir", "{tmp}/pb", "-C", "{tmp}/b.conf"],
            ["b.conf:1", symbol, "one flag"],
        )
        for board, symbol in PORT_OPT_LEVELS
    ),
    *(
        Case(
            f"frag-baud-{board}-{value}",
            {"b.conf": f"CONFIG_{symbol}={value}\n"},
            ["config", "-b", board, "--build-dir", "{tmp}/pb", "-C", "{tmp}/b.conf"],
            ["b.conf:1", symbol, "range"],
        )
        for board, symbol in PORT_BAUDS
        for value in ("0", "-9600", "99999999999")
    ),
    *(
        Case(
            name,
            {"b.conf": text},
            ["config", "-b", board, "--build-dir", "{tmp}/pb", "-C", "{tmp}/b.conf"],
            words,
        )
        for name, board, text, words in PORT_FRAGMENTS
    ),
    Case(
        "frag-promptless",
        {"b.conf": 'CONFIG_PORT="stm32"\n'},
        [*CFG, "-C", "{tmp}/b.conf"],
        ["b.conf:1", "no prompt"],
    ),
    Case(
        "frag-switches-port",
        {"b.conf": "CONFIG_PORT_STM32=y\n"},
        [*CFG, "-C", "{tmp}/b.conf"],
        ["b.conf:1", "defconfig", "-b BOARD"],
    ),
    Case(
        "frag-unmet-dependency-same-file",
        {"b.conf": "CONFIG_MODULE_HASHLIB_SHA1=y\n# CONFIG_MODULE_HASHLIB is not set\n"},
        [*CFG, "-C", "{tmp}/b.conf"],
        ["b.conf:1", "depends on MODULE_HASHLIB"],
    ),
    # -- the command line
    Case("board-path", {}, ["config", "-b", "../configs/host"], ["unknown board"]),
    Case("board-case", {}, ["config", "-b", "HOST"], ["did you mean host"]),
    Case("board-empty", {}, ["config", "-b", ""], ["unknown board"]),
    # -- board and package roots outside the tree, libraries from PyPI
    Case("board-root-missing", {}, [*CFG, "--board-root", "{tmp}/nowhere"], ["does not exist"]),
    Case("board-root-file", {"br": "x"}, [*CFG, "--board-root", "{tmp}/br"], ["not a directory"]),
    Case("board-root-empty", {"br/README": "x"}, [*CFG, "--board-root", "{tmp}/br"], ["holds no"]),
    Case(
        "board-root-clash",
        {"br/host_defconfig": "CONFIG_PORT_HOST=y\n"},
        [*CFG, "--board-root", "{tmp}/br"],
        ["board 'host'", "clashes with the board in the tree"],
    ),
    Case(
        "board-kconfig-unknown-chip",
        {
            "br/b1_defconfig": "CONFIG_PORT_STM32=y\nCONFIG_BOARD_B1=y\n",
            "br/b1.Kconfig": 'choice STM32_BOARD\n\tprompt "Board"\nconfig BOARD_B1\n'
            '\tbool "b1"\n\tselect CHIP_NOPE\nendchoice\n',
        },
        ["config", "-b", "b1", "--board-root", "{tmp}/br", "--build-dir", "{tmp}/b1"],
        ["b1.Kconfig:5", "CHIP_NOPE is not a Kconfig symbol"],
    ),
    Case(
        "package-path-missing",
        {},
        CFG,
        ["$MPFORGE_PACKAGE_PATH", "does not exist"],
        keep_build=False,
        env={"MPFORGE_PACKAGE_PATH": "/nonexistent/mpforge-packages"},
    ),
    Case(
        "pypi-unpinned",
        {**MAIN, "app/manifest.yml": "modules:\n  - main.py\n  - pypi: micropython-logging\n"},
        APP,
        ["manifest.yml:3", "NAME==VERSION"],
    ),
    Case(
        "pypi-lock-damaged",
        {
            **MAIN,
            "app/manifest.yml": "modules:\n  - pypi: micropython-logging==0.5.2\n",
            "app/manifest.lock": "{",
        },
        APP,
        ["manifest.lock", "lock file is damaged"],
    ),
    Case(
        "savedefconfig-fragment-to-dir",
        {"out/x": ""},
        ["savedefconfig", "-b", "host", "--fragment", "-o", "{tmp}/out"],
        ["is a directory"],
    ),
    Case(
        "build-dir-file",
        {"f": "x"},
        ["config", "-b", "host", "--build-dir", "{tmp}/f"],
        ["is a file"],
        keep_build=False,
    ),
    Case(  # a directory that cannot be made: the error named its .lock file
        "build-dir-cannot-be-made",
        {},
        ["config", "-b", "host", "--build-dir", "/proc/mpforge_never/b"],
        # named as the build directory (config named its Kconfig.frozen-packages)
        ["error: build directory /proc/mpforge_never/b cannot be made", "(--build-dir)"],
        keep_build=False,
    ),
    Case(
        "build-dir-below-file",
        {"f": "x"},
        ["config", "-b", "host", "--build-dir", "{tmp}/f/b"],
        ["below the file"],
        keep_build=False,
    ),
    Case(
        "build-dir-tree",
        {},
        ["config", "-b", "host", "--build-dir", str(paths.ROOT)],
        ["source tree"],
    ),
    Case(
        "build-dir-in-tree",
        {},
        ["config", "-b", "host", "--build-dir", str(paths.ROOT / "py")],
        ["inside the source tree"],
    ),
    Case(
        "build-dir-contains-tree",
        {},
        ["config", "-b", "host", "--build-dir", "/"],
        ["contains it"],
    ),
    Case(
        "build-dir-quote",
        {},
        ["config", "-b", "host", "--build-dir", '{tmp}/a"b'],
        ["quote"],
        keep_build=False,
    ),
    Case(
        "pristine-foreign-dir",
        {"precious/notes.txt": "keep me"},
        ["config", "-b", "host", "--build-dir", "{tmp}/precious", "--pristine"],
        ["does not look like an mpforge build directory"],
        keep_build=False,
    ),
    Case(
        "dotconfig-fifo",
        {"fb/.config": FIFO},
        ["config", "-b", "host", "--build-dir", "{tmp}/fb"],
        [".config", "not a regular file"],
    ),
    Case(
        "dotconfig-directory",
        {"db/.config": DIRECTORY},
        ["config", "-b", "host", "--build-dir", "{tmp}/db"],
        [".config", "not a regular file"],
    ),
    Case("app-root", {}, [*CFG, "--app", "/"], ["source tree"]),
    Case("app-source-tree", {}, [*CFG, "--app", str(paths.ROOT)], ["source tree"]),
    Case(
        "pristine-with-a-bad-fragment-keeps-the-build",
        {"b.conf": "CONFIG_NOPE=y\n"},
        [*CFG, "--pristine", "-C", "{tmp}/b.conf"],
        ["unknown symbol CONFIG_NOPE"],
    ),
    Case(
        "build-pristine-with-a-missing-fragment-keeps-the-build",
        {},
        ["build", "-b", "host", "--build-dir", "{tmp}/build", "--pristine", "-C", "{tmp}/no.conf"],
        ["no.conf", "does not exist"],
    ),
    Case("app-missing", {}, [*CFG, "--app", "/nonexistent/app"], ["no such directory"]),
    Case("app-is-file", {"app": "x"}, APP, ["not a directory"]),
    # Without -b (the board from the app's mpforge.toml): it was "no board: give -b BOARD".
    Case(
        "app-is-file-no-board",
        {"app": "x"},
        ["config", "--build-dir", "{tmp}/build", "--app", "{tmp}/app"],
        ["--app", "not a directory"],
        env={"MPFORGE_BOARD": ""},
    ),
    Case("jobs-zero", {}, ["build", "-b", "host", "-j", "0"], ["-j", "1 or more"], code=2),
    Case("jobs-negative", {}, ["build", "-b", "host", "-j", "-3"], ["1 or more"], code=2),
    Case("jobs-text", {}, ["build", "-b", "host", "-j", "many"], ["whole number"], code=2),
    Case("timeout-negative", {}, ["run", "-b", "host", "--timeout", "-1"], ["above 0"], code=2),
    Case("timeout-nan", {}, ["run", "-b", "host", "--timeout", "nan"], ["above 0"], code=2),
    # QEMU's two lines of its own (no `error:`) for a backend typo, after the build's checks
    Case(
        "run-serial-not-a-backend",
        {},
        ["run", "-b", "netduinoplus2", "--serial", "foo"],
        ["argument --serial: 'foo' is not a QEMU character device; give pty, "],
        code=2,
    ),
    Case(
        "run-console-typo",
        {},
        ["run", "-b", "netduinoplus2", "--console", "ptty"],
        ["'ptty' is not a QEMU character device (did you mean pty?)"],
        code=2,
    ),
    # the host and the boards outside QEMU put their console on a terminal or a pty only
    Case(
        "run-console-host-not-qemu",
        {},
        ["run", "-b", "host", "--console", "file:{tmp}/out"],
        ["board host: --console file:", "needs a board that runs in QEMU", "--console pty"],
    ),
    Case(
        "run-serial-host-not-qemu",
        {},
        ["run", "-b", "host", "--serial", "pty"],
        ["board host: --serial needs a board that runs in QEMU"],
    ),
    Case(
        "gdb-port-range",
        {},
        ["debug", "-b", "netduinoplus2", "-n", "--gdb-port", "70000"],
        ["--gdb-port", "1 to 65535"],
        code=2,
    ),
    Case(
        "unknown-command",
        {},
        ["bild", "-b", "host"],
        ["invalid choice", "(did you mean build?)"],
        code=2,
    ),
    # a mistyped option or choice: argparse named it, without the one meant
    Case(
        "unknown-option",
        {},
        ["init", "--bord", "host"],
        ["unrecognized arguments: --bord (did you mean --board"],
        code=2,
    ),
    Case("unknown-choice", {}, ["completion", "bsh"], ["(did you mean bash"], code=2),
    # `--explain "$SYM"` with SYM unset printed the configuration's path, status 0
    Case("explain-empty", {}, [*CFG, "--explain", ""], ["--explain needs a symbol name"]),
    # -b naming another board than the build directory holds (it was ignored: `run -b
    # rpi_pico` on an nrf52840dk build ran the nrf52840dk image)
    *(
        Case(
            f"{command}-other-boards-build-dir",
            {},
            [command, "-b", "host_minimal", "--build-dir", "{tmp}/build", *extra],
            ["holds a build of board host, not host_minimal", "-b host"],
        )
        for command, extra in (
            ("run", []),
            ("flash", ["-n"]),
            ("debug", ["-n"]),
            ("size", []),
            ("verify", []),
        )
    ),
    # verify said "rebuilding host from scratch ..." before it found there was no build
    Case(
        "verify-configured-not-built",
        {},
        ["verify", "-b", "host", "--build-dir", "{tmp}/build"],
        ["build-info.json does not exist", "`mpforge build -b host --build-dir "],
    ),
    Case(
        "verify-no-build-dir",
        {},
        ["verify", "-b", "host", "--build-dir", "{tmp}/none"],
        ["none/.config does not exist", "`mpforge build -b host --build-dir "],
    ),
    Case(
        "size-of-a-wasm-launcher",
        {"wb/firmware": "#!/bin/sh\nexec node firmware.js\n"},
        ["size", "-b", "wasm_node", "--build-dir", "{tmp}/wb"],
        ["firmware is not an ELF image", "WebAssembly"],
    ),
    Case(
        "savedefconfig-to-dir",
        {"out": DIRECTORY},
        ["savedefconfig", "-b", "host", "--build-dir", "{tmp}/build", "-o", "{tmp}/out"],
        ["is a directory"],
    ),
    Case(  # a typo in -o's directory: refused, never made (the file would be lost there)
        "savedefconfig-missing-dir",
        {"configs": DIRECTORY},
        ["savedefconfig", "-b", "host", "--build-dir", "{tmp}/build", "-o", "{tmp}/confgs/a/x"],
        ["confgs does not exist", "mkdir -p", "confgs/a"],
    ),
    Case(
        "savedefconfig-below-file",
        {"out": "x"},
        ["savedefconfig", "-b", "host", "--build-dir", "{tmp}/build", "-o", "{tmp}/out/d"],
        ["is a file"],
    ),
    Case(
        "guiconfig-no-display",
        {},
        ["guiconfig", "-b", "host", "--build-dir", "{tmp}/build"],
        ["guiconfig", "menuconfig"],
        env={"DISPLAY": "", "WAYLAND_DISPLAY": ""},
    ),
    Case(
        "run-not-python",
        {"prog.txt": "x"},
        ["run", "-b", "host", "{tmp}/prog.txt"],
        ["prog.txt is not a .py or .mpy file"],
    ),
    # A missing file is named as missing (with the close names beside it), before its kind:
    # `run main.txt` talked about the extension of a file that is not there.
    Case(
        "run-missing-not-python",
        {"main.py": "x"},
        ["run", "-b", "host", "{tmp}/main.txt"],
        ["main.txt does not exist (did you mean ", "/main.py?)"],
    ),
    Case(
        "run-missing-typo",
        {"main.py": "x"},
        ["run", "-b", "host", "{tmp}/mian.py"],
        ["mian.py does not exist (did you mean ", "/main.py?)"],
    ),
    Case(
        "run-directory",
        {"prog.py/x": "x"},
        ["run", "-b", "host", "{tmp}/prog.py"],
        ["prog.py is a directory"],
    ),
    Case(
        "frag-missing-typo",
        {"extra.conf": "CONFIG_HEAP_SIZE=65536\n"},
        [*CFG, "-C", "{tmp}/extr.conf"],
        ["extr.conf does not exist (did you mean ", "/extra.conf?)"],
    ),
    Case(
        "run-syntax-error",
        {"bad.py": "x = 1\ny = (\n"},
        ["run", "-b", "host", "{tmp}/bad.py"],
        ["bad.py:", "SyntaxError"],
    ),
    Case(
        "run-mixed-tabs",
        {"bad.py": "if 1:\n        x = 1\n\ty = 2\n"},
        ["run", "-b", "host", "{tmp}/bad.py"],
        ["bad.py:3", "tabs"],
    ),
    # -- applications and manifests
    Case("app-empty", {"app/README": "x"}, APP, ["no .py files"]),
    Case("manifest-empty", {**MAIN, "app/manifest.yml": ""}, APP, ["manifest is empty"]),
    Case("manifest-no-keys", {**MAIN, "app/manifest.yml": "{}\n"}, APP, ["freezes nothing"]),
    Case("manifest-directory", {**MAIN, "app/manifest.yml": DIRECTORY}, APP, ["is a directory"]),
    Case("manifest-fifo", {**MAIN, "app/manifest.yml": FIFO}, APP, ["named pipe"]),
    Case("manifest-loop", {**MAIN, "app/manifest.yml": LOOP}, APP, ["symlink loop"]),
    Case(
        "manifest-not-utf8",
        {**MAIN, "app/manifest.yml": b"modules:\n  - m\xe9in.py\n"},
        APP,
        ["manifest.yml:2", "UTF-8"],
    ),
    Case(
        "manifest-yaml-syntax",
        {**MAIN, "app/manifest.yml": "modules: [main.py\n"},
        APP,
        ["manifest.yml:", "YAML"],
    ),
    Case(
        "manifest-unknown-key",
        {**MAIN, "app/manifest.yml": "module:\n  - main.py\n"},
        APP,
        ["manifest.yml:1", "did you mean modules"],
    ),
    Case(
        "manifest-duplicate-key",
        {**MAIN, "app/manifest.yml": "modules: [main.py]\nmodules: [main.py]\n"},
        APP,
        ["manifest.yml:2", "twice"],
    ),
    Case(
        "module-not-py",
        {**MAIN, "app/data.txt": "x", "app/manifest.yml": "modules: [data.txt]\n"},
        APP,
        ["manifest.yml:1", "not a Python source"],
    ),
    Case(
        "module-dotted-name",
        {"app/a.b.py": "x = 1\n", "app/manifest.yml": "modules: [a.b.py]\n"},
        APP,
        ["manifest.yml:1", "not a valid Python name"],
    ),
    Case("implicit-dotted-name", {"app/a.b.py": "x = 1\n"}, APP, ["a.b.py", "valid Python name"]),
    Case(
        "module-missing",
        {**MAIN, "app/manifest.yml": "modules: [main.py, gone.py]\n"},
        APP,
        ["manifest.yml:1", "gone.py", "does not exist"],
    ),
    Case(
        "module-fifo",
        {**MAIN, "app/p.py": FIFO, "app/manifest.yml": "modules: [p.py]\n"},
        APP,
        ["not a regular file"],
    ),
    Case(
        "file-entry-is-directory",
        {**MAIN, "app/lib/__init__.py": "", "app/manifest.yml": "modules:\n  - file: lib\n"},
        APP,
        ["manifest.yml:2", "is a directory", "package:"],
    ),
    Case(
        "glob-absolute",
        {**MAIN, "app/manifest.yml": "modules:\n  - glob: /etc/*.py\n"},
        APP,
        ["manifest.yml:2", "relative"],
    ),
    Case(
        "glob-parent",
        {**MAIN, "app/manifest.yml": "modules:\n  - glob: ../*.py\n"},
        APP,
        ["manifest.yml:2", "relative"],
    ),
    Case(
        "glob-no-match",
        {**MAIN, "app/manifest.yml": "modules:\n  - glob: 'x/*.py'\n"},
        APP,
        ["manifest.yml:2", "matches no .py"],
    ),
    Case(
        "opt-out-of-range",
        {**MAIN, "app/manifest.yml": "modules:\n  - file: main.py\n    opt: 5\n"},
        APP,
        ["manifest.yml:3", "opt must be"],
    ),
    Case(
        "require-path",
        {**MAIN, "app/manifest.yml": "modules: [main.py]\nrequire: [../../x]\n"},
        APP,
        ["manifest.yml:2", "not a package name"],
    ),
    Case(
        "require-unknown",
        {**MAIN, "app/manifest.yml": "modules: [main.py]\nrequire: [demoo]\n"},
        APP,
        ["manifest.yml:2", "did you mean demo"],
    ),
    Case(
        "include-cycle",
        {
            **MAIN,
            "app/manifest.yml": "include: [b.yml]\n",
            "app/b.yml": "include: [manifest.yml]\n",
        },
        APP,
        ["b.yml:1: manifest include cycle"],
    ),
    Case(
        "include-directory",
        {**MAIN, "app/sub": DIRECTORY, "app/manifest.yml": "modules: [main.py]\ninclude: [sub]\n"},
        APP,
        ["manifest.yml:2", "is a directory"],
    ),
    Case(
        "package-is-a-file",
        {**MAIN, "app/manifest.yml": "modules:\n  - package: main.py\n"},
        APP,
        ["manifest.yml:2", "is a file, not a directory", "file: main.py"],
    ),
    Case(
        "opt-quoted",
        {**MAIN, "app/manifest.yml": "modules:\n  - file: main.py\n    opt: '2'\n"},
        APP,
        ["manifest.yml:3", "not the string '2'"],
    ),
    Case(
        "modules-empty-list",
        {**MAIN, "app/manifest.yml": "modules: []\n"},
        APP,
        ["manifest.yml:1", "freezes nothing"],
    ),
    Case(
        "include-missing",
        {**MAIN, "app/manifest.yml": "include: [nope.yml]\n"},
        APP,
        ["manifest.yml:1", "does not exist"],
    ),
    Case(
        "two-modules-one-name",
        {
            **MAIN,
            "app/x/main.py": "",
            "app/manifest.yml": "modules: [main.py]\ninclude: [x/m.yml]\n",
            "app/x/m.yml": "modules: [main.py]\n",
        },
        APP,
        ["two modules are named 'main'"],
    ),
    Case(
        "package-without-init",
        {**MAIN, "app/lib/a.py": "", "app/manifest.yml": "modules:\n  - package: lib\n"},
        APP,
        ["__init__.py"],
    ),
    Case("app-conf-directory", {**MAIN, "app/app.conf": DIRECTORY}, APP, ["is a directory"]),
    Case(
        "app-conf-bad-line",
        {**MAIN, "app/app.conf": "CONFIG_HEAP_SIZE=lots\n"},
        APP,
        ["app.conf:1", "not a valid int"],
    ),
]


def _untracked() -> set[str]:
    out = subprocess.run(
        ["git", "-C", str(paths.ROOT), "status", "--porcelain", "--untracked-files=all"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return {line for line in out.splitlines() if "/build/" not in line and " build/" not in line}


def _run(capsys: pytest.CaptureFixture[str], argv: list[str]) -> CliResult:
    try:
        return mpforge(capsys, *argv)
    except SystemExit as e:  # argparse
        captured = capsys.readouterr()
        return CliResult(int(e.code or 0), captured.out, captured.err)


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_bad_input(
    case: Case, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch
) -> None:
    if case.needs_non_root and os.geteuid() == 0:
        pytest.skip("root reads any file: permissions cannot make one unreadable")
    for name, value in case.env.items():
        monkeypatch.setenv(name, value)
    _write(tmp_path, case.files)
    if case.needs_non_root:
        (tmp_path / "u.conf").chmod(0)
    build = tmp_path / "build"
    before = b""
    if case.keep_build:
        assert mpforge(capsys, "config", "-b", "host", "--build-dir", build).code == 0
        before = (build / ".config").read_bytes()
    tree_before = _untracked()
    argv = [a.replace("{tmp}", str(tmp_path)) for a in case.argv]
    r = _run(capsys, argv)
    assert r.code == case.code, r.err
    errors = [line for line in r.err.splitlines() if line.startswith("error:")]
    assert len(errors) == 1, r.err
    for word in case.words:
        assert word in errors[0], errors[0]
    assert "Traceback" not in r.err + r.out
    assert r.out == "", "a refused command printed what it was about to do"
    if case.keep_build:
        assert (build / ".config").read_bytes() == before, "the existing .config changed"
    if case.id == "pristine-foreign-dir":
        assert (tmp_path / "precious" / "notes.txt").read_text() == "keep me"
    assert _untracked() == tree_before, "something was written into the source tree"


# -- frozen sources: checked by the FREEZE stage (mpy-cross, the builtin-name rule)

SOURCES = [
    ("syntax-error-real-file", {"ok.py": "", "bad.py": "x = 1\ndef f(:\n"}, ["bad.py:2:7"]),
    # each class of error as CPython names it (mpy-cross: "invalid syntax", often elsewhere)
    (
        "bracket-never-closed",
        {"bad.py": "x = 1\nprint(x\n"},
        ["bad.py:2:6", "'(' was never closed"],
    ),
    (
        "missing-indented-block",
        {"bad.py": "x = 1\nif x:\nprint(x)\n"},
        ["bad.py:3:1", "IndentationError", "after 'if' statement on line 2"],
    ),
    ("bad-dedent", {"bad.py": "def f():\n  return 1\n x = 2\n"}, ["bad.py:3:", "IndentationError"]),
    ("break-outside-loop", {"bad.py": "x = 1\nbreak\n"}, ["bad.py:2:1", "'break' outside loop"]),
    (
        "return-outside-function",
        {"bad.py": "return 1\n"},
        ["bad.py:1:1", "'return' outside function"],
    ),
    (
        "valid-cpython-only",
        {"bad.py": "def f(a, /, b):\n    pass\n"},
        ["bad.py:1", "CPython accepts this file", "mpy-cross 1.29"],
    ),
    ("mixed-tabs", {"bad.py": "if 1:\n        x = 1\n\ty = 2\n"}, ["bad.py:3", "tabs"]),
    ("nul-byte", {"bad.py": b"x = 1\ny = '\x00'\n"}, ["bad.py:2", "NUL"]),
    ("not-utf8", {"bad.py": b"x = 1\ns = '\xe9'\n"}, ["bad.py:2", "UTF-8"]),
    ("named-like-builtin-json", {"json.py": "x = 1\n"}, ["json", "builtin module"]),
    ("named-like-builtin-sys", {"sys.py": "x = 1\n"}, ["sys", "builtin module"]),
    ("package-named-like-builtin", {"re/__init__.py": ""}, ["builtin module re"]),
]


@pytest.fixture(scope="module")
def host_gen() -> tuple[ConfigView, Generated]:
    build = paths.default_build_dir("host")
    return read_dotconfig("host", build / ".config"), Generated.load(build / "gen")


@pytest.mark.parametrize("files", [s[1] for s in SOURCES], ids=[s[0] for s in SOURCES])
def test_bad_frozen_source(files: dict, tmp_path: Path, host_gen, monkeypatch) -> None:
    monkeypatch.setenv("MPFORGE_CACHE", str(tmp_path / "cache"))
    view, generated = host_gen
    _write(tmp_path / "app", files)
    words = next(s[2] for s in SOURCES if s[1] is files)
    with pytest.raises(MpforgeError) as e:
        freeze(collect(view, tmp_path / "app"), view, 63, generated, tmp_path / "frozen.c")
    assert "\n" not in e.value.message and "Traceback" not in e.value.message
    for word in words:
        assert word in e.value.message, e.value.message
    assert not (tmp_path / "frozen.c").exists()


def test_builtin_name_allowed_when_the_builtin_is_off(tmp_path: Path, host_gen) -> None:
    """The rule: a builtin module is found first, so a frozen one of its name is refused while
    the builtin is on; with the builtin off, the frozen module provides the name."""
    view = host_gen[0]
    (tmp_path / "app").mkdir()
    (tmp_path / "app" / "json.py").write_text("x = 1\n")
    names = {"sys", "gc"}  # a module table without json
    from mpforge.frozen.freeze import check_builtin_names

    check_builtin_names(collect(view, tmp_path / "app"), names, view)


# -- frozen packages (a scratch frozen/ directory)

PACKAGES: list[tuple[str, dict[str, Content], list[str]]] = [
    (
        "cycle",
        {
            "a/package.yml": "name: a\nversion: 1\nlicense: MIT\ndependencies: [b]\n",
            "b/package.yml": "name: b\nversion: 1\nlicense: MIT\ndependencies: [a]\n",
        },
        ["a/package.yml:4", "cycle", "a -> b -> a"],
    ),
    (
        "self-dependency",
        {"a/package.yml": "name: a\nversion: 1\nlicense: MIT\ndependencies:\n  - a\n"},
        ["package.yml:5", "cycle"],
    ),
    (
        "quote-in-version",
        {"a/package.yml": "name: a\nversion: '1\"2'\nlicense: MIT\n"},
        ["package.yml:2", "version"],
    ),
    (
        "preprocessor-in-version",
        {"a/package.yml": "name: a\nversion: $(shell,true)\nlicense: MIT\n"},
        ["package.yml:2", "version"],
    ),
    (
        "newline-in-description",
        {"a/package.yml": 'name: a\nversion: 1\nlicense: MIT\ndescription: "x\\ny"\n'},
        ["package.yml:4", "one line"],
    ),
    (
        "quote-in-license",
        {"a/package.yml": "name: a\nversion: 1\nlicense: 'MIT\"'\n"},
        ["package.yml:3", "license"],
    ),
    (
        "two-names-one-symbol",
        {
            "a-b/package.yml": "name: a-b\nversion: 1\nlicense: MIT\n",
            "a_b/package.yml": "name: a_b\nversion: 1\nlicense: MIT\n",
        },
        ["FROZEN_PKG_A_B", "rename one"],
    ),
    (
        "unknown-dependency",
        {"a/package.yml": "name: a\nversion: 1\nlicense: MIT\ndependencies: [zz]\n"},
        ["package.yml:4", "'zz' is not a package"],
    ),
    (
        "not-utf8",
        {"a/package.yml": b"name: a\nversion: 1\nlicense: \xff\n"},
        ["package.yml:3", "UTF-8"],
    ),
    ("package-yml-directory", {"a/package.yml": DIRECTORY}, ["is a directory"]),
]


@pytest.mark.parametrize("files", [p[1] for p in PACKAGES], ids=[p[0] for p in PACKAGES])
def test_bad_package(files: dict, tmp_path: Path) -> None:
    _write(tmp_path, files)
    words = next(p[2] for p in PACKAGES if p[1] is files)
    with pytest.raises(MpforgeError) as e:
        kconfig_text(all_packages(tmp_path))
    for word in words:
        assert word in e.value.message, e.value.message


def test_require_pulls_dependencies_and_imports_become_kconfig_dependencies(tmp_path: Path) -> None:
    _write(
        tmp_path,
        {
            "app/package.yml": "name: app\nversion: 1\nlicense: MIT\ndependencies: [lib]\n"
            "modules: [app.py]\n",
            "app/app.py": "import lib\n",
            "lib/package.yml": "name: lib\nversion: 1\nlicense: MIT\nmodules: [lib.py]\n",
            "lib/lib.py": "import json\ntry:\n    import re\nexcept ImportError:\n    re = None\n",
        },
    )

    def finder(name: str, origin: str) -> Path:
        return find_package(name, origin, tmp_path)

    loader = ManifestLoader(finder)
    loader.require("app", "test")
    assert sorted(loader.required) == ["app", "lib"]
    assert sorted(loader.modules) == ["app", "lib"]
    text = kconfig_text(all_packages(tmp_path), paths.ROOT / "py")
    app_entry = text.split("config FROZEN_PKG_APP")[1].split("config ")[0]
    assert "depends on MODULE_JSON" in app_entry  # through its dependency lib
    assert "select FROZEN_PKG_LIB" in app_entry
    assert "MODULE_RE" not in text  # a guarded import is no dependency


@pytest.mark.parametrize(
    ("board", "argv", "words", "not_words"),
    [
        # debug named firmware.elf, which these ports never build
        ("host", ["debug", "-n"], ["native program", "gdb --args", "/firmware`"], ["firmware.elf"]),
        ("wasm_node", ["debug"], ["no gdb target", "node --inspect-brk"], ["firmware.elf"]),
        ("wasm_web", ["debug"], ["no gdb target", "developer tools"], ["firmware.elf"]),
        # flash told a board that makes its hex image to select CONFIG_IMAGE_HEX
        ("microbit", ["flash", "-n"], ["firmware.hex does not exist", "mpforge build"],
         ["must select"]),
        # each said a bare `mpforge build`: inside an app that builds the app's board
        ("microbit", ["run"], ["firmware.elf does not exist", "`mpforge build -b microbit --bu"],
         []),
        ("microbit", ["debug", "-n"], ["does not exist", "`mpforge build -b microbit --build-d"],
         []),
    ],
)  # fmt: skip
def test_configured_not_built_names_the_boards_own_files(
    board: str,
    argv: list[str],
    words: list[str],
    not_words: list[str],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    build = tmp_path / "b"
    assert mpforge(capsys, "config", "-b", board, "--build-dir", build).code == 0
    r = mpforge(capsys, *argv, "-b", board, "--build-dir", build)
    assert r.code == 1 and r.out == ""
    error = one_error(r.err)
    assert all(w in error for w in words) and not any(w in error for w in not_words), error


def test_stdin_fragment_is_read_once(tmp_path: Path) -> None:
    """`-C /dev/stdin` works (the shell's pipe is read once), for config and for build."""
    cmd = [
        str(Path(paths.ROOT / ".venv/bin/mpforge")),
        "config",
        "-b",
        "host",
        "--build-dir",
        str(tmp_path / "b"),
        "-C",
        "/dev/stdin",
        "--explain",
        "HEAP_SIZE",
    ]
    if not Path(cmd[0]).exists():
        cmd[0:1] = [shutil.which("mpforge") or "mpforge"]
    proc = subprocess.run(
        cmd, input="CONFIG_HEAP_SIZE=40960\n", capture_output=True, text=True, check=False
    )
    assert proc.returncode == 0, proc.stderr
    assert "CONFIG_HEAP_SIZE=40960" in proc.stdout and "/dev/stdin:1" in proc.stdout


def test_stm32_pll_figures_off_the_sysclk_stop_the_build_in_one_line(tmp_path: Path) -> None:
    """Each PLL figure has a prompt and a range, but together they must give the chip's
    SYSCLK: one changed (PLL_N=200) ended in clock.c's static assertion, a compiler error
    naming no setting; the SConscript says which and gives figures that work."""
    (tmp_path / "b.conf").write_text("CONFIG_STM32_PLL_N=200\n")
    build = ["--build-dir", str(tmp_path / "b"), "-C", str(tmp_path / "b.conf")]
    proc = subprocess.run(
        [sys.executable, "-m", "mpforge", "build", "-b", "pyboard_v11", *build],
        capture_output=True,
        text=True,
        check=False,
        cwd=paths.ROOT,
    )
    errors = [line for line in proc.stderr.splitlines() if line.startswith("error:")]
    assert proc.returncode != 0 and len(errors) == 1, proc.stdout + proc.stderr
    for word in ("PLL_N=200", "200000000 Hz", "168000000 Hz", "N=336"):
        assert word in errors[0]
    assert "static assertion" not in proc.stderr and " CC " not in proc.stdout


@pytest.mark.parametrize("command", ["config", "build"])
def test_a_full_disk_is_one_error_line(command: str, tmp_path: Path) -> None:
    """A write the file system refuses (here a file-size limit, as a full disk refuses one:
    a Python traceback from the CONFIG stage, in mpforge or inside SCons): one `error:`
    naming the file, no half-written file left."""
    import resource
    import signal

    def limit() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # the write fails (EFBIG) instead
        resource.setrlimit(resource.RLIMIT_FSIZE, (2000, 2000))

    build = tmp_path / "b"
    env = {k: v for k, v in os.environ.items() if k != "MPFORGE_BOARD"}
    proc = subprocess.run(
        [sys.executable, "-m", "mpforge", command, "-b", "host", "--build-dir", build],
        capture_output=True, text=True, env=env, preexec_fn=limit, timeout=300, check=False,
    )  # fmt: skip
    assert proc.returncode != 0
    assert "Traceback" not in proc.stdout + proc.stderr
    error = one_error(proc.stderr)
    assert error.startswith(f"error: cannot write {build}/") and "File too large" in error, error
    assert not list(build.rglob(".tmp-*"))


def _command_parsers() -> list[tuple[str, argparse.ArgumentParser]]:
    """`mpforge`'s own parser and each command's, as `mpforge COMMAND` builds them."""
    from mpforge import cli

    found: list[tuple[str, argparse.ArgumentParser]] = [("mpforge", cli._parser([]))]
    for name in cli.COMMANDS:
        top = cli._parser([name])
        sub = next(a for a in top._actions if isinstance(a, argparse._SubParsersAction))
        found.append((name, sub.choices[name]))
    return found


@pytest.mark.parametrize(("name", "parser"), _command_parsers(), ids=lambda v: str(v)[:20])
def test_no_command_takes_an_abbreviated_option(name: str, parser: argparse.ArgumentParser) -> None:
    """argparse took `--build-d` for `--build-dir`: a script using a prefix breaks (or means
    another option) once an option sharing it is added. Every option is taken whole only."""
    options = {o for a in parser._actions for o in a.option_strings if o.startswith("--")}
    assert options, name
    # the positionals a command requires, so that only the option is left over
    fillers = [
        str(sorted(a.choices)[0]) if a.choices else "x"
        for a in parser._actions
        if not a.option_strings and a.nargs not in ("?", "*", argparse.REMAINDER)
    ]
    # and the options it requires (monitor --port)
    fillers += [
        x
        for a in parser._actions
        if a.required and a.option_strings
        for x in (a.option_strings[0], "x")
    ]
    for option in sorted(options):
        prefix = option[:-1]
        if prefix in options or prefix == "--":
            continue
        _args, rest = parser.parse_known_args([prefix, *fillers])
        assert rest == [prefix], f"mpforge {name}: {prefix} was taken for {option}"


def test_an_abbreviated_option_is_one_error_with_the_whole_name(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    with pytest.raises(SystemExit) as e:
        mpforge(capsys, "build", "-b", "host", "--build-d", tmp_path / "b")
    assert e.value.code == 2 and not (tmp_path / "b").exists()
    assert one_error(capsys.readouterr().err) == (
        "error: mpforge: unrecognized arguments: --build-d "
        f"{tmp_path / 'b'} (did you mean --build-dir?) (see `mpforge --help`)"
    )


@pytest.mark.parametrize("argv", [["boards"], ["boards", "--json"], ["completion", "bash"]])
def test_output_to_a_full_device_is_one_error_line(argv: list[str]) -> None:
    """`mpforge boards > /dev/full` said `error: No space left on device`, naming nothing."""
    with open("/dev/full", "w") as full:
        proc = subprocess.run(
            [sys.executable, "-m", "mpforge", *argv],
            stdout=full, stderr=subprocess.PIPE, text=True, timeout=120, check=False,
        )  # fmt: skip
    assert proc.returncode == 1
    assert one_error(proc.stderr) == "error: cannot write the output: No space left on device"


def test_a_build_directory_the_file_system_will_not_change_is_one_error_line(
    tmp_path: Path,
) -> None:
    """A target SCons must replace in a directory that refuses it (read-only; here
    immutable, which root too must obey): `scons: *** [target] target: Operation not
    permitted`, SCons's own words. One `error:` naming the file and the fix."""
    build = tmp_path / "b"
    env = {k: v for k, v in os.environ.items() if k != "MPFORGE_BOARD"}
    base = [sys.executable, "-m", "mpforge"]
    config = [*base, "config", "-b", "host", "--build-dir", str(build)]
    assert subprocess.run(config, capture_output=True, env=env, check=False).returncode == 0
    (build / "gen").mkdir(exist_ok=True)
    (build / "gen" / "qstrdefs.h").write_text("")  # a target SCons removes before making it
    if subprocess.run(["chattr", "+i", build / "gen"], capture_output=True).returncode != 0:
        pytest.skip("chattr +i is not possible here")
    try:
        proc = subprocess.run(
            [*base, "build", "-b", "host", "--build-dir", build],
            capture_output=True, text=True, env=env, timeout=300, check=False, cwd=tmp_path,
        )  # fmt: skip
    finally:
        subprocess.run(["chattr", "-i", build / "gen"], check=True)
    assert proc.returncode != 0 and "scons: ***" not in proc.stderr
    assert one_error(proc.stderr) == (
        "error: cannot write b/gen/qstrdefs.h: Operation not permitted; make the build "
        "directory writable, or choose another (--build-dir)"
    )
