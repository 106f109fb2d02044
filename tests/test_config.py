"""Stage 1, CONFIG: defconfigs, fragments, strict errors, menuconfig edits, header, --explain."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import kconfiglib
import pytest
from helpers import BOARD_KCONFIG, board_root, fragment, mpforge

from mpforge.boards import board_names, find_defconfig
from mpforge.config.fragment import parse_fragment
from mpforge.config.resolve import ConfigInputs, resolve
from mpforge.config.strings import RULES, UNRULED
from mpforge.config.tree import load_kconfig


def _resolve(board: str, build: Path, *fragments: Path) -> tuple[list[str], object]:
    notes: list[str] = []
    res = resolve(ConfigInputs(board, find_defconfig(board), fragments, build), notes.append)
    return notes, res


@pytest.mark.parametrize("board", board_names())
def test_every_defconfig_resolves_without_warning(board: str, tmp_path: Path) -> None:
    notes, res = _resolve(board, tmp_path)
    assert notes == []
    assert res.kconf.warnings == []
    # Every line of the defconfig took effect (the strict checks would raise otherwise).
    for a in parse_fragment(find_defconfig(board)):
        assert res.view.value(a.symbol) == a.value


@pytest.mark.parametrize("board", board_names())
def test_raw_paste_window_fits_the_console_ring(board: str, tmp_path: Path) -> None:
    """mpremote sends a raw-paste window ahead of the board's grant: a window larger than
    the console's receive ring (the micro:bit's 128 over 64 bytes) dropped bytes of any
    script longer than the ring while the board was busy, and both sides waited forever."""
    res = _resolve(board, tmp_path)[1]
    if res.view.value("REPL") != "y":
        pytest.skip(f"{board} has no REPL")
    window = int(res.view.value("REPL_RAW_PASTE_WINDOW"))
    assert 16 <= window <= int(res.view.value("CONSOLE_RX_BUFFER"))


@pytest.mark.parametrize(
    ("board", "lines"),
    [
        ("microbit", ["CONFIG_REPL_RAW_PASTE_WINDOW=128"]),
        ("netduinoplus2", ["CONFIG_STM32_CONSOLE_RX_BUFFER=64", "CONFIG_REPL_RAW_PASTE_WINDOW=65"]),
        ("rpi_pico", ["CONFIG_REPL_RAW_PASTE_WINDOW=128", "CONFIG_RP2040_CONSOLE_RX_BUFFER=100"]),
    ],
)
def test_raw_paste_window_larger_than_the_ring_is_refused(
    capsys, tmp_path: Path, board: str, lines: list[str]
) -> None:
    frag = fragment(tmp_path, "window.conf", *lines)
    r = mpforge(capsys, "config", "-b", board, "--build-dir", tmp_path / "b", "-C", frag)
    assert r.code == 1 and "Traceback" not in r.err
    errors = [line for line in r.err.splitlines() if line.startswith("error:")]
    assert len(errors) == 1, r.err
    assert "CONFIG_REPL_RAW_PASTE_WINDOW" in errors[0] and "(CONFIG_CONSOLE_RX_BUFFER)" in errors[0]


def test_a_smaller_console_ring_narrows_the_default_window(tmp_path: Path) -> None:
    frag = fragment(tmp_path, "ring.conf", "CONFIG_STM32_CONSOLE_RX_BUFFER=48")
    res = _resolve("netduinoplus2", tmp_path / "b", frag)[1]
    assert res.view.value("REPL_RAW_PASTE_WINDOW") == "48"


def test_every_prompted_number_has_a_range_and_every_prompted_string_a_rule(
    tmp_path: Path,
) -> None:
    """What a user can set reaches C or a command line: an int without a range let
    CONFIG_*_CONSOLE_BAUD=0 build a board whose console never opened, a string without a
    rule let CONFIG_CORTEX_M_OPT_LEVEL="-O2 -DX" reach the compiler."""
    kconf = load_kconfig(tmp_path)
    for sym in kconf.unique_defined_syms:
        if not any(node.prompt for node in sym.nodes):
            continue
        if sym.orig_type in (kconfiglib.INT, kconfiglib.HEX):
            assert sym.ranges, f"CONFIG_{sym.name} ({sym.nodes[0].filename}) has no range"
        elif sym.orig_type == kconfiglib.STRING:
            assert sym.name in RULES or sym.name in UNRULED, f"CONFIG_{sym.name}: no rule"


class TestFragments:
    def test_later_fragment_overrides_and_is_reported(self, tmp_path: Path) -> None:
        a = fragment(tmp_path, "a.conf", "CONFIG_HEAP_SIZE=32768")
        b = fragment(tmp_path, "b.conf", "CONFIG_HEAP_SIZE=49152")
        notes, res = _resolve("host", tmp_path / "build", a, b)
        assert res.view.value("HEAP_SIZE") == "49152"
        assert any(
            "b.conf:1: CONFIG_HEAP_SIZE=49152 overrides CONFIG_HEAP_SIZE=32768" in n
            and "a.conf:1" in n
            for n in notes
        )
        notes, res = _resolve("host", tmp_path / "other", b, a)
        assert res.view.value("HEAP_SIZE") == "32768"

    def test_choice_option_in_later_fragment_wins(self, tmp_path: Path) -> None:
        a = fragment(tmp_path, "a.conf", "CONFIG_FLOAT_NONE=y")
        b = fragment(tmp_path, "b.conf", "CONFIG_FLOAT_SINGLE=y")
        notes, res = _resolve("host", tmp_path / "build", a, b)
        assert res.view.enabled("FLOAT_SINGLE") and not res.view.enabled("FLOAT_NONE")
        assert any("overrides CONFIG_FLOAT_NONE=y" in n for n in notes)


class TestStrictErrors:
    """Each mistake: exit code 1, one `error:` line with file:line, symbol and fix; no .config."""

    def _fails(self, capsys, tmp_path: Path, *lines: str) -> str:
        frag = fragment(tmp_path, "bad.conf", *lines)
        build = tmp_path / "build"
        r = mpforge(capsys, "config", "-b", "host", "--build-dir", build, "-C", frag)
        assert r.code == 1
        errors = [line for line in r.err.splitlines() if line.startswith("error:")]
        assert len(errors) == 1, r.err
        assert "Traceback" not in r.err
        assert not (build / ".config").exists()
        return errors[0]

    def test_unknown_symbol_with_did_you_mean(self, capsys, tmp_path: Path) -> None:
        msg = self._fails(capsys, tmp_path, "CONFIG_FLOAT_DUBLE=y")
        assert "bad.conf:1" in msg and "unknown symbol CONFIG_FLOAT_DUBLE" in msg
        assert "did you mean CONFIG_FLOAT_DOUBLE" in msg

    def test_unmet_dependency_names_it_and_the_fix(self, capsys, tmp_path: Path) -> None:
        msg = self._fails(capsys, tmp_path, "# CONFIG_GENERATORS is not set", "CONFIG_ASYNC=y")
        assert "bad.conf:2" in msg and "CONFIG_ASYNC=y cannot take effect" in msg
        assert "depends on GENERATORS" in msg and "CONFIG_GENERATORS=y" in msg

    def test_promptless_symbol(self, capsys, tmp_path: Path) -> None:
        msg = self._fails(capsys, tmp_path, "", "CONFIG_FLOAT=y")
        assert "bad.conf:2" in msg and "CONFIG_FLOAT has no prompt" in msg

    def test_malformed_line(self, capsys, tmp_path: Path) -> None:
        msg = self._fails(capsys, tmp_path, "# fine", "HEAP_SIZE 4096")
        assert "bad.conf:2: malformed line 'HEAP_SIZE 4096'" in msg

    @pytest.mark.parametrize(
        ("line", "expected"),
        [
            ("CONFIG_HEAP_SIZE=lots", "not a valid int value"),
            ("CONFIG_STR_UNICODE=yes", "not a valid bool value"),
            ("CONFIG_HOST_OPT_LEVEL=-O3", "not a valid string value"),
        ],
    )
    def test_wrong_type(self, capsys, tmp_path: Path, line: str, expected: str) -> None:
        msg = self._fails(capsys, tmp_path, line)
        assert "bad.conf:1" in msg and expected in msg

    def test_out_of_range(self, capsys, tmp_path: Path) -> None:
        msg = self._fails(capsys, tmp_path, "CONFIG_HEAP_SIZE=100")
        assert "bad.conf:1" in msg and "outside the allowed range 32768.." in msg

    def test_selected_option_of_a_choice_cannot_be_unset(self, capsys, tmp_path: Path) -> None:
        msg = self._fails(capsys, tmp_path, "# CONFIG_FLOAT_DOUBLE is not set")
        assert "select another one instead" in msg and "CONFIG_FLOAT_SINGLE=y" in msg

    def test_unknown_board_lists_close_names(self, capsys, tmp_path: Path) -> None:
        r = mpforge(capsys, "config", "-b", "hots", "--build-dir", tmp_path)
        assert r.code == 1
        assert "error: unknown board 'hots' (did you mean host" in r.err
        assert "Traceback" not in r.err


def _lines(path: Path) -> list[str]:
    return [a.text for a in parse_fragment(path)]


@pytest.mark.parametrize("board", board_names())
def test_defconfig_round_trips_through_savedefconfig(capsys, tmp_path: Path, board: str) -> None:
    """defconfig -> .config -> savedefconfig gives the same lines, and the same .config again."""
    out = tmp_path / "saved_defconfig"
    r = mpforge(capsys, "savedefconfig", "-b", board, "--build-dir", tmp_path / "a", "-o", out)
    assert r.code == 0, r.err
    assert _lines(out) == _lines(find_defconfig(board))  # the shipped defconfigs are minimal
    resolve(ConfigInputs(board, out, (), tmp_path / "b"), lambda _n: None)
    assert (tmp_path / "a" / ".config").read_text() == (tmp_path / "b" / ".config").read_text()


def test_header_matches_config(tmp_path: Path) -> None:
    _notes, res = _resolve("host", tmp_path)
    header = (tmp_path / "gen" / "config.h").read_text()
    defines = dict(re.findall(r"^#define CONFIG_(\w+) (.*)$", header, re.M))
    for name, value in res.view.values.items():
        if value == "n" or not res.kconf.syms[name].config_string:
            assert name not in defines  # off, or a symbol of another port (not in .config)
        elif value == "y":
            assert defines[name] == "1"
        elif res.kconf.syms[name].orig_type == kconfiglib.STRING:
            assert defines[name] == f'"{value}"'
        else:
            assert defines[name] == value
    assert set(defines) <= set(res.view.values)


class TestMenuconfigEdits:
    def _edit(self, build: Path, name: str, value: str) -> None:
        """Change .config exactly as menuconfig does when the user saves."""
        kconf = load_kconfig(build)
        kconf.load_config(str(build / ".config"))
        kconf.syms[name].set_value(value)
        kconf.write_config(str(build / ".config"))

    def test_edit_survives_rebuild(self, tmp_path: Path) -> None:
        _resolve("host", tmp_path)
        self._edit(tmp_path, "BUILTIN_SET", "n")
        notes, res = _resolve("host", tmp_path)
        assert not res.view.enabled("BUILTIN_SET")
        assert not res.view.enabled("BUILTIN_FROZENSET")  # follows its dependency
        assert "CONFIG_BUILTIN_SET" not in (tmp_path / "gen" / "config.h").read_text()
        assert notes == []

    def test_changed_fragment_is_applied_and_reported_edit_kept(self, tmp_path: Path) -> None:
        frag = fragment(tmp_path, "app.conf", "CONFIG_HEAP_SIZE=32768")
        _resolve("host", tmp_path / "b", frag)
        self._edit(tmp_path / "b", "BUILTIN_SET", "n")
        frag.write_text("CONFIG_HEAP_SIZE=49152\n")
        notes, res = _resolve("host", tmp_path / "b", frag)
        assert res.view.value("HEAP_SIZE") == "49152"
        assert not res.view.enabled("BUILTIN_SET")
        assert any("changed since" in n and "CONFIG_HEAP_SIZE=49152" in n for n in notes)

    def test_removed_fragment_reverts_to_default(self, tmp_path: Path) -> None:
        frag = fragment(tmp_path, "app.conf", "CONFIG_HEAP_SIZE=32768")
        _resolve("host", tmp_path / "b", frag)
        default = _resolve("host", tmp_path / "fresh")[1].view.value("HEAP_SIZE")
        notes, res = _resolve("host", tmp_path / "b")
        assert res.view.value("HEAP_SIZE") == default != "32768"
        assert any(f"CONFIG_HEAP_SIZE={default} (was 32768)" in n for n in notes)

    def test_changed_kconfig_default_applies_but_edit_stays(self, tmp_path: Path) -> None:
        """A new default in Kconfig reaches an existing .config; a menuconfig edit does not move."""
        tree = tmp_path / "tree"
        (tree / "frozen").mkdir(parents=True)
        kconfig = tree / "Kconfig"
        text = 'config A\n\tint "a"\n\tdefault 1\nconfig B\n\tbool "b"\n\tdefault y\n'
        kconfig.write_text(text)
        defconfig = tree / "x_defconfig"
        defconfig.write_text("")
        build = tmp_path / "build"

        def run() -> dict[str, str]:
            inputs = ConfigInputs("x", defconfig, (), build, root=tree)
            return resolve(inputs, lambda _n: None).view.values

        run()
        kconf = load_kconfig(build, tree)
        kconf.load_config(str(build / ".config"))
        kconf.syms["B"].set_value("n")
        kconf.write_config(str(build / ".config"))
        kconfig.write_text(text.replace("default 1", "default 2"))
        assert run() == {"A": "2", "B": "n"}

    def test_pristine_starts_over(self, capsys, tmp_path: Path) -> None:
        _resolve("host", tmp_path)
        self._edit(tmp_path, "BUILTIN_SET", "n")
        r = mpforge(capsys, "config", "-b", "host", "--build-dir", tmp_path, "--pristine")
        assert r.code == 0
        assert "CONFIG_BUILTIN_SET=y" in (tmp_path / ".config").read_text()


class TestExplain:
    def test_default_and_dependencies(self, capsys, tmp_path: Path) -> None:
        r = mpforge(capsys, "config", "-b", "host", "--build-dir", tmp_path, "--explain", "ASYNC")
        assert r.code == 0
        assert r.out.startswith("CONFIG_ASYNC=y  (bool, py/Kconfig:")
        assert "depends on:  GENERATORS (y)" in r.out
        assert "set by:      default" in r.out

    @pytest.mark.parametrize(
        ("board", "where"),
        [("host", "py/Kconfig:"), ("esp32c3_devkitm", "ports/esp32c3/Kconfig:")],
    )
    def test_the_definition_named_is_the_boards(
        self, capsys, tmp_path: Path, board: str, where: str
    ) -> None:
        """A symbol defined in several files (STACK_LIMIT: py/Kconfig, and a default in each
        port's Kconfig) is named where its prompt is, its default where that default is:
        the host's was named at ports/esp32c3/Kconfig, the first definition read."""
        argv = ["config", "-b", board, "--build-dir", tmp_path, "--explain", "STACK_LIMIT"]
        r = mpforge(capsys, *argv)
        assert r.code == 0
        first, _prompt, set_by = r.out.splitlines()[:3]
        assert "(int, py/Kconfig:" in first
        assert set_by.startswith("  set by:      default") and f"({where}" in set_by, set_by

    def test_set_by_fragment_and_blocked_symbol(self, capsys, tmp_path: Path) -> None:
        frag = fragment(tmp_path, "x.conf", "# CONFIG_GENERATORS is not set")

        def explain(symbol: str):
            build = tmp_path / "b"
            return mpforge(
                capsys,
                "config",
                "-b",
                "host",
                "--build-dir",
                build,
                "-C",
                frag,
                "--explain",
                symbol,
            )

        r = explain("CONFIG_GENERATORS")
        assert "set by:      " in r.out and "x.conf:1" in r.out
        r = explain("ASYNC")
        assert "CONFIG_ASYNC=n" in r.out
        assert "cannot be enabled now" in r.out and "CONFIG_GENERATORS=y" in r.out

    def test_menuconfig_edit_is_named(self, capsys, tmp_path: Path) -> None:
        _resolve("host", tmp_path)
        TestMenuconfigEdits()._edit(tmp_path, "STR_UNICODE", "n")
        r = mpforge(
            capsys, "config", "-b", "host", "--build-dir", tmp_path, "--explain", "STR_UNICODE"
        )
        assert "set by:      .config (edited in menuconfig" in r.out

    def test_unknown_symbol(self, capsys, tmp_path: Path) -> None:
        r = mpforge(capsys, "config", "-b", "host", "--build-dir", tmp_path, "--explain", "FLOTA")
        assert r.code == 1 and "unknown symbol CONFIG_FLOTA" in r.err


def test_real_menuconfig_edit_survives(tmp_path: Path) -> None:
    """Drive kconfiglib's menuconfig in a pseudo-terminal: jump to a symbol, toggle it, save."""
    import os
    import pty
    import select
    import shutil
    import time

    build = tmp_path / "build"
    mpforge_exe = shutil.which("mpforge") or str(Path(sys.executable).parent / "mpforge")
    pid, fd = pty.fork()
    if pid == 0:  # the child: menuconfig on a terminal
        os.environ["TERM"] = "xterm"
        os.execv(mpforge_exe, ["mpforge", "menuconfig", "-b", "host", "--build-dir", str(build)])

    def drain(seconds: float) -> bytes:
        out, end = b"", time.time() + seconds
        while time.time() < end:
            if select.select([fd], [], [], 0.05)[0]:
                try:
                    out += os.read(fd, 65536)
                except OSError:
                    break
        return out

    screen = drain(2.0)
    assert b"mpforge firmware configuration" in screen
    for keys in (b"/", b"BUILTIN_SET", b"\r", b" ", b"Q", b"Y"):
        os.write(fd, keys)
        screen = drain(0.4)
    _, status = os.waitpid(pid, 0)
    assert status == 0
    assert b"Configuration saved" in screen
    notes, res = _resolve("host", build)
    assert not res.view.enabled("BUILTIN_SET")
    assert notes == []


# -- a bad value of every type of symbol, in every kind of input that sets values

_KCONFIG_EXTRA = """
config MY_ADDR
	hex "an address (a hex option of the board)"
	range 0x1000 0x2000
	default 0x1000

config MY_TRI
	tristate "a tristate option of the board"
"""

# type -> (symbol, a good value, another good value, what the error expects)
_TYPES = {
    "bool": ("MODULE_JSON", "y", "n", "not a valid bool value (expected y or n)"),
    "tristate": ("MY_TRI", "y", "n", "not a valid tristate value (expected y or n)"),
    "int": ("HEAP_SIZE", "65536", "98304", "not a valid int value (expected a decimal integer in "),
    "hex": ("MY_ADDR", "0x1800", "0x1900", "not a valid hex value (expected a hex number like "),
    "string": (
        "CORTEX_M_OPT_LEVEL",
        '"-Os"',
        '"-O2"',
        "not a valid string value (expected a quoted",
    ),
    "choice": ("FLOAT_DOUBLE", "y", "y", "not a valid bool value (expected y or n)"),
}
_WRONG = {"bool": "maybe", "tristate": "maybe", "int": "lots", "hex": "4096", "string": "-Os"}
_WRONG["choice"] = "maybe"
_OUT_OF_RANGE = {"int": ("100", "cannot take effect (it stays 65536): the value is outside the allowed range 9216..268435456"),
                 "hex": ("0x10", "cannot take effect (it stays 0x1000): the value is outside the allowed range 0x1000..0x2000"),
                 "string": ('"-O9"', "is not allowed; use one of -O0 ")}  # fmt: skip


def _bad_lines(kind: str, typ: str) -> tuple[list[str], list[str]] | None:
    """The lines of one bad input of `kind` for a symbol of type `typ`, and the words of its
    error (the line's number, the value, the type, what is allowed); None: no such case."""
    name, good, _other, expected = _TYPES[typ]
    if kind == "empty":
        return [f"CONFIG_{name}="], [":1: ", f"CONFIG_{name}= is an empty value, ", expected]
    if kind == "wrong-type":
        bad = _WRONG[typ]
        return [f"CONFIG_{name}={bad}"], [":1: ", f"CONFIG_{name}={bad} is {expected}"]
    if kind == "out-of-range":
        if typ not in _OUT_OF_RANGE:
            return None
        value, words = _OUT_OF_RANGE[typ]
        return [f"CONFIG_{name}={value}"], [f":1: CONFIG_{name}={value} {words}"]
    if kind == "unknown-symbol":
        typo = "FLOAT_QUAD" if typ == "choice" else name[:-1] + "Q"  # not a member / a typo
        return [f"CONFIG_{typo}={good}"], [
            f":1: unknown symbol CONFIG_{typo} (did you mean CONFIG_",
        ]
    if kind == "not-an-assignment":
        return [f"{name} {good}"], [":1: malformed line", "expected CONFIG_NAME=value"]
    raise AssertionError(kind)


_KINDS = ["empty", "wrong-type", "out-of-range", "unknown-symbol", "not-an-assignment"]


def _config_with(
    tmp_path: Path, where: str, lines: list[str], name: str
) -> tuple[list[object], str]:
    """`mpforge config` arguments with [lines] in a fragment [name], the board's defconfig or
    an app's app.conf ([where]), and the file name its messages show."""
    root = board_root(
        tmp_path / "boards",
        kconfig=BOARD_KCONFIG + _KCONFIG_EXTRA,
        extra="".join(f"{line}\n" for line in lines) if where == "defconfig" else "",
    )
    argv: list[object] = ["config", "-b", "mynetduino", "--board-root", root]
    argv += ["--build-dir", tmp_path / "b"]
    if where == "fragment":
        return [*argv, "-C", fragment(tmp_path, name, *lines)], name
    if where == "app.conf":
        app = tmp_path / "app"
        app.mkdir()
        (app / "main.py").write_text("print(1)\n")
        fragment(app, "app.conf", *lines)
        return [*argv, "--app", app], "app.conf"
    return argv, "mynetduino_defconfig"


@pytest.mark.parametrize("where", ["fragment", "defconfig", "app.conf"])
@pytest.mark.parametrize("typ", sorted(_TYPES))
@pytest.mark.parametrize("kind", _KINDS)
def test_a_bad_value_of_every_type_in_every_input(
    capsys, tmp_path: Path, where: str, typ: str, kind: str
) -> None:
    """Each is one `error:` naming file:line, the value, the symbol's type and what it
    takes (`CONFIG_FLOAT=maybe` said only `has no prompt`)."""
    case = _bad_lines(kind, typ)
    if case is None:
        pytest.skip(f"a {typ} option has no range")
    lines, words = case
    argv, shown = _config_with(tmp_path, where, lines, "bad.conf")
    r = mpforge(capsys, *argv)
    assert r.code == 1, r.err
    errors = [line for line in r.err.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and "Traceback" not in r.err, r.err
    before = 4 if where == "defconfig" else 0  # BOARD_DEFCONFIG's lines before them
    for word in words:
        if word.startswith(":") and word[1].isdigit():
            n, _, rest = word[1:].partition(":")
            word = f"{shown}:{int(n) + before}:{rest}"
        word = word.replace("{L1}", str(1 + before))
        assert word in errors[0], errors[0]
    assert not (tmp_path / "b" / ".config").exists()


@pytest.mark.parametrize("where", ["fragment", "defconfig", "app.conf"])
@pytest.mark.parametrize("typ", sorted(_TYPES))
def test_a_later_line_of_one_file_overrides_with_a_note(
    capsys, tmp_path: Path, where: str, typ: str
) -> None:
    """Two values for one symbol (or two options of one choice) in one file: the later line
    wins with a `note:` naming both, as the kernel's Kconfig takes it (a defconfig copied with
    an override appended, as tests/test_nrf.py builds one, must keep working)."""
    name, good, other, _ = _TYPES[typ]
    second = "CONFIG_FLOAT_SINGLE=y" if typ == "choice" else f"CONFIG_{name}={other}"
    lines = [f"CONFIG_{name}={good}", "# a comment", second]
    argv, shown = _config_with(tmp_path, where, lines, "dup.conf")
    r = mpforge(capsys, *argv)
    assert r.code == 0, r.err
    before = 4 if where == "defconfig" else 0  # BOARD_DEFCONFIG's lines before them
    notes = [line for line in r.err.splitlines() if line.startswith("note:")]
    assert any(
        f"{shown}:{3 + before}: {second} overrides" in n and f"{shown}:{1 + before}" in n
        for n in notes
    ), r.err
    config = (tmp_path / "b" / ".config").read_text()
    if typ == "choice":
        assert "CONFIG_FLOAT_SINGLE=y\n" in config
    elif other == "n":
        assert f"# CONFIG_{name} is not set\n" in config
    else:
        assert f"{second}\n" in config
