"""`mpforge savedefconfig --fragment`: exactly the difference between .config and the board's
defconfig plus fragments, which fed back with -C on a fresh build directory gives the same
.config; inside an app it is what app.conf holds (menuconfig --save-app-conf writes it there)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from helpers import fragment, mpforge

from mpforge.config.resolve import ConfigInputs, resolve
from mpforge.errors import MpforgeError


def _edit(dotconfig: Path, *changes: tuple[str, str]) -> None:
    """What a menuconfig session does to .config: replace lines."""
    text = dotconfig.read_text()
    for old, new in changes:
        assert old in text, old
        text = text.replace(old, new)
    dotconfig.write_text(text)


def _settings(dotconfig: Path) -> list[str]:
    """.config without its comment header (which names the board, not the settings)."""
    return [
        line
        for line in dotconfig.read_text().splitlines()
        if line and (not line.startswith("#") or re.fullmatch(r"# CONFIG_\w+ is not set", line))
    ]


def test_fragment_round_trip(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    base = fragment(tmp_path, "base.conf", "CONFIG_HEAP_SIZE=40000")
    build = tmp_path / "b1"
    assert mpforge(capsys, "config", "-b", "host", "-C", base, "--build-dir", build).code == 0
    # Edits as menuconfig makes them: something the defconfig had switched off, a number,
    # a string, a choice, and an option the base fragment set put back.
    _edit(
        build / ".config",
        ("CONFIG_MODULE_HASHLIB=y", "# CONFIG_MODULE_HASHLIB is not set"),
        ("CONFIG_MODULE_JSON=y", "# CONFIG_MODULE_JSON is not set"),
        ("CONFIG_RECURSION_LIMIT=", "CONFIG_RECURSION_LIMIT=77\n# was "),
        ("CONFIG_FLOAT_DOUBLE=y", "CONFIG_FLOAT_SINGLE=y\n# CONFIG_FLOAT_DOUBLE is not set"),
    )
    assert mpforge(capsys, "config", "-b", "host", "-C", base, "--build-dir", build).code == 0
    out = tmp_path / "app.conf"
    r = mpforge(
        capsys, "savedefconfig", "-b", "host", "-C", base, "--build-dir", build, "--fragment",
        "-o", out,
    )  # fmt: skip
    assert r.code == 0, r.err
    lines = out.read_text().splitlines()
    # Exactly the user's changes: the hashlib algorithms of the defconfig go with hashlib.
    assert sorted(lines) == sorted(
        [
            "# CONFIG_MODULE_HASHLIB is not set",
            "# CONFIG_MODULE_JSON is not set",
            "CONFIG_RECURSION_LIMIT=77",
            "CONFIG_FLOAT_SINGLE=y",
        ]
    )
    fresh = tmp_path / "b2"
    r = mpforge(capsys, "config", "-b", "host", "-C", base, "-C", out, "--build-dir", fresh)
    assert r.code == 0, r.err
    assert _settings(fresh / ".config") == _settings(build / ".config")


def test_no_difference_is_an_empty_fragment(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "f.conf"
    r = mpforge(
        capsys, "savedefconfig", "-b", "netduinoplus2", "--build-dir", tmp_path / "b",
        "--fragment", "-o", out,
    )  # fmt: skip
    assert r.code == 0 and out.read_text() == ""


def test_fragment_in_an_app_is_what_app_conf_holds(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """app.conf is not part of the base: its settings are in the result, with the edits."""
    app = tmp_path / "app"
    app.mkdir()
    monkeypatch.chdir(app)
    monkeypatch.delenv("MPFORGE_BOARD", raising=False)
    assert mpforge(capsys, "init", "--board", "host").code == 0
    (app / "app.conf").write_text("CONFIG_HEAP_SIZE=50000\n")
    assert mpforge(capsys, "config").code == 0
    _edit(app / "build/host/.config", ("CONFIG_MODULE_RE=y", "# CONFIG_MODULE_RE is not set"))
    r = mpforge(capsys, "savedefconfig", "--fragment")
    assert r.code == 0, r.err
    written = app / "build/host/fragment.conf"
    assert written.read_text() == "CONFIG_HEAP_SIZE=50000\n# CONFIG_MODULE_RE is not set\n"


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["-o", "{tmp}"], "is a directory; name a file"),
        (["-o", "{tmp}/file.txt/x.conf"], "is a file, not a directory"),
        (["-C", "{tmp}/missing.conf"], "missing.conf"),
        (["-b", "nosuchboard"], "unknown board 'nosuchboard'"),
    ],
)
def test_bad_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str], expected: str
) -> None:
    (tmp_path / "file.txt").write_text("x")
    args = [a.replace("{tmp}", str(tmp_path)) for a in argv]
    if "-b" not in args:
        args = ["-b", "host", *args]
    r = mpforge(capsys, "savedefconfig", "--fragment", "--build-dir", tmp_path / "b", *args)
    assert r.code != 0
    lines = r.err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and expected in lines[0], r.err


def test_menuconfig_saves_into_app_conf(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """What `menuconfig --save-app-conf` does once the menu closes: app.conf becomes the
    difference, the edits become an input (no longer recorded as edits), .config unchanged."""
    from mpforge.cli import _parser
    from mpforge.commands.common import apply_project
    from mpforge.commands.menuconfig import save_app_conf

    app = tmp_path / "app"
    app.mkdir()
    monkeypatch.chdir(app)
    monkeypatch.delenv("MPFORGE_BOARD", raising=False)
    assert mpforge(capsys, "init", "--board", "host").code == 0
    assert mpforge(capsys, "config").code == 0
    dotconfig = app / "build/host/.config"
    _edit(dotconfig, ("CONFIG_MODULE_RE=y", "# CONFIG_MODULE_RE is not set"))
    assert mpforge(capsys, "config").code == 0
    before = _settings(dotconfig)
    argv = ["menuconfig", "--save-app-conf"]
    args = _parser(argv).parse_args(argv)
    apply_project(args)
    save_app_conf(args)
    lines = (app / "app.conf").read_text().splitlines()
    assert lines[1:] == ["# CONFIG_MODULE_RE is not set"] and lines[0].startswith("# app.conf")
    assert _settings(dotconfig) == before
    record = (app / "build/host/config-inputs.json").read_text()
    assert '"edits": {}' in record


def test_save_app_conf_outside_an_app(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from mpforge.cli import _parser
    from mpforge.commands.menuconfig import launch

    monkeypatch.chdir(tmp_path)
    argv = ["menuconfig", "-b", "host", "--save-app-conf"]
    args = _parser(argv).parse_args(argv)
    with pytest.raises(MpforgeError, match="--save-app-conf: no application here"):
        launch(args, "menuconfig")


def test_without_c_savedefconfig_keeps_what_the_fragments_set(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`config -C FRAG` then a bare `savedefconfig` lost FRAG's settings, from the saved
    defconfig and from .config (re-made without FRAG). Without -C it now describes the build
    directory's configuration, made with the fragments it records (as a Zephyr build
    directory keeps its EXTRA_CONF_FILE); .config stays byte for byte."""
    frag = fragment(tmp_path, "f.conf", "CONFIG_STACK_LIMIT=400000", "CONFIG_MODULE_HASHLIB_MD5=n")
    build = tmp_path / "b"
    assert mpforge(capsys, "config", "-b", "host", "-C", frag, "--build-dir", build).code == 0
    _edit(build / ".config", ("CONFIG_MODULE_JSON=y", "# CONFIG_MODULE_JSON is not set"))
    assert mpforge(capsys, "config", "-b", "host", "-C", frag, "--build-dir", build).code == 0
    before = (build / ".config").read_text()
    r = mpforge(capsys, "savedefconfig", "-b", "host", "--build-dir", build, "-o", tmp_path / "d")
    assert r.code == 0, r.err
    assert f"made with -C {frag}" in r.err
    saved = (tmp_path / "d").read_text().splitlines()
    assert "CONFIG_STACK_LIMIT=400000" in saved and "# CONFIG_MODULE_JSON is not set" in saved
    assert "CONFIG_MODULE_HASHLIB_MD5=y" not in saved
    assert (build / ".config").read_text() == before
    # As the board's defconfig, alone, it gives the same .config.
    resolve(ConfigInputs("host", tmp_path / "d", (), tmp_path / "b2"), lambda _n: None)
    assert _settings(tmp_path / "b2" / ".config") == _settings(build / ".config")
    # --fragment: the difference from the recorded base, the menuconfig edit only.
    r = mpforge(capsys, "savedefconfig", "-b", "host", "--build-dir", build, "--fragment",
                "-o", tmp_path / "f")  # fmt: skip
    assert r.code == 0, r.err
    assert (tmp_path / "f").read_text() == "# CONFIG_MODULE_JSON is not set\n"
    assert (build / ".config").read_text() == before
    # A -C on the command line is the base, as for `build`.
    other = fragment(tmp_path, "o.conf", "CONFIG_STACK_LIMIT=500000")
    r = mpforge(capsys, "savedefconfig", "-b", "host", "--build-dir", build, "-C", other,
                "-o", tmp_path / "d3")  # fmt: skip
    assert r.code == 0, r.err
    assert "CONFIG_STACK_LIMIT=500000" in (tmp_path / "d3").read_text().splitlines()


@pytest.mark.parametrize("change", [False, True])
def test_menuconfig_asks_to_save_only_what_app_conf_lacks(
    change: bool,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Inside an app, menuconfig asked `save the settings into app.conf? [y/N]` even when the
    menu was quit without a change (app.conf already gives .config); it asks when there are
    settings app.conf does not give."""
    import builtins
    import os
    import sys
    import types

    from mpforge.cli import _parser
    from mpforge.commands.common import apply_project
    from mpforge.commands.menuconfig import launch

    app = tmp_path / "app"
    app.mkdir()
    monkeypatch.chdir(app)
    monkeypatch.delenv("MPFORGE_BOARD", raising=False)
    monkeypatch.delenv("KCONFIG_CONFIG", raising=False)
    assert mpforge(capsys, "init", "--board", "host").code == 0

    def menu(kconf: object) -> None:  # the user's session in the menu
        if change:
            kconf.syms["MODULE_RE"].set_value(0)  # type: ignore[attr-defined]
        kconf.write_config(os.environ["KCONFIG_CONFIG"])  # type: ignore[attr-defined]

    monkeypatch.setitem(sys.modules, "fake_menu", types.SimpleNamespace(menuconfig=menu))
    monkeypatch.setattr(sys, "stdin", types.SimpleNamespace(isatty=lambda: True))
    asked: list[str] = []
    monkeypatch.setattr(builtins, "input", lambda prompt: asked.append(prompt) or "n")
    args = _parser(["menuconfig"]).parse_args(["menuconfig"])
    apply_project(args)
    assert launch(args, "fake_menu") == 0
    assert asked == (["save the settings into app.conf? [y/N] "] if change else [])


@pytest.mark.parametrize(
    ("name", "text"),
    [("mpforge.toml", 'board = "host"\n'), ("main.py", "print(1)\n"), ("blob.conf", b"\xff\x00")],
)
def test_output_that_is_no_configuration_is_kept(
    name: str, text: str | bytes, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`savedefconfig -o mpforge.toml` (or main.py) replaced the file with a defconfig and said
    `written`; an existing -o file is overwritten only when it holds a configuration."""
    target = tmp_path / name
    data = text.encode() if isinstance(text, str) else text
    target.write_bytes(data)
    build = tmp_path / "build"
    r = mpforge(capsys, "savedefconfig", "-b", "host", "--build-dir", build, "-o", target)
    assert r.code == 1 and r.out == ""
    assert f"{name}:1: not a Kconfig line" in r.err and r.err.count("error:") == 1
    assert target.read_bytes() == data
    fragment_file = fragment(tmp_path, "ok.conf", "# mine\nCONFIG_HEAP_SIZE=65536")
    r = mpforge(capsys, "savedefconfig", "-b", "host", "--build-dir", build, "-o", fragment_file)
    assert r.code == 0, r.err  # a configuration is rewritten, as before
