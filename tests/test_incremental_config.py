"""Incremental == clean for the configuration: switching a build directory's inputs from A to B
gives exactly the .config and config.h of a clean resolve of B; menuconfig edits stay."""

from __future__ import annotations

import itertools
import shutil
from pathlib import Path

import pytest

from mpforge.boards import find_defconfig
from mpforge.config.resolve import ConfigInputs, resolve
from mpforge.config.tree import load_kconfig

VARIANTS = {
    "defaults": "",
    "no-complex": "# CONFIG_BUILTIN_COMPLEX is not set\n# CONFIG_MODULE_CMATH is not set\n",
    "complex-no-cmath": "CONFIG_BUILTIN_COMPLEX=y\n# CONFIG_MODULE_CMATH is not set\n",
    "float-single": "CONFIG_FLOAT_SINGLE=y\n",
    "no-hashlib": "# CONFIG_MODULE_HASHLIB is not set\n",
    "no-generators": "# CONFIG_GENERATORS is not set\n",
    "small-no-set": "CONFIG_HEAP_SIZE=65536\n# CONFIG_BUILTIN_SET is not set\n",
    "no-sys": "# CONFIG_MODULE_SYS is not set\n",
}


def _resolve(build: Path, fragment_text: str | None, tmp: Path) -> tuple[str, str, list[str]]:
    fragments: tuple[Path, ...] = ()
    if fragment_text is not None:
        frag = tmp / "u.conf"  # one file whose content changes, as a user edits it
        frag.write_text(fragment_text)
        fragments = (frag,)
    notes: list[str] = []
    resolve(ConfigInputs("host", find_defconfig("host"), fragments, build), notes.append)
    return (build / ".config").read_text(), (build / "gen" / "config.h").read_text(), notes


@pytest.fixture(scope="module")
def clean(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, str, str]]:
    base = tmp_path_factory.mktemp("clean")
    result = {}
    for name, text in VARIANTS.items():
        work = base / name
        work.mkdir()
        dotconfig, header, _ = _resolve(work / "build", text, work)
        result[name] = (work / "build", dotconfig, header)
    return result


@pytest.mark.parametrize("a", list(VARIANTS))
def test_switch_from_a_to_every_b_equals_clean_b(a: str, clean, tmp_path: Path) -> None:
    for b in VARIANTS:
        if a == b:
            continue
        build = tmp_path / f"{a}-to-{b}"
        shutil.copytree(clean[a][0], build)
        dotconfig, header, _ = _resolve(build, VARIANTS[b], tmp_path)
        assert dotconfig == clean[b][1], f"{a} -> {b}: .config differs from a clean {b}"
        assert header == clean[b][2], f"{a} -> {b}: config.h differs from a clean {b}"


def test_chain_of_switches_and_back(clean, tmp_path: Path) -> None:
    build = tmp_path / "b"
    order = [*VARIANTS, *reversed(VARIANTS)]
    for a, b in itertools.pairwise(order):
        _resolve(build, VARIANTS[a], tmp_path)
        assert _resolve(build, VARIANTS[b], tmp_path)[0] == clean[b][1], f"{a} -> {b}"


def _edit(build: Path, name: str, value: str) -> None:
    """Change .config exactly as menuconfig does when the user saves."""
    kconf = load_kconfig(build)
    kconf.load_config(str(build / ".config"))
    kconf.syms[name].set_value(value)
    kconf.write_config(str(build / ".config"))


def test_edit_stays_across_switches_and_is_reported_when_an_input_disagrees(
    tmp_path: Path,
) -> None:
    build = tmp_path / "b"
    _resolve(build, VARIANTS["defaults"], tmp_path)
    _edit(build, "MODULE_JSON", "n")
    for name in ("no-complex", "complex-no-cmath", "float-single"):
        dotconfig, _, _ = _resolve(build, VARIANTS[name], tmp_path)
        assert "# CONFIG_MODULE_JSON is not set" in dotconfig, name
    # An input now sets the edited symbol: the edit stays, and the note says so.
    dotconfig, _, notes = _resolve(build, "CONFIG_MODULE_JSON=y\n", tmp_path)
    assert "# CONFIG_MODULE_JSON is not set" in dotconfig
    assert any("overridden by your menuconfig edit CONFIG_MODULE_JSON=n" in n for n in notes)
    # --pristine forgets it.
    notes = []
    inputs = ConfigInputs("host", find_defconfig("host"), (), build, pristine=True)
    assert resolve(inputs, notes.append).view.enabled("MODULE_JSON")


def test_edit_survives_while_its_dependency_is_off(tmp_path: Path) -> None:
    build = tmp_path / "b"
    _resolve(build, VARIANTS["defaults"], tmp_path)
    _edit(build, "MODULE_CMATH", "n")
    _resolve(build, VARIANTS["no-complex"], tmp_path)
    _resolve(build, VARIANTS["defaults"], tmp_path)
    # The edit (cmath off) was made while complex was on; it is still an edit afterwards.
    assert "# CONFIG_MODULE_CMATH is not set" in (build / ".config").read_text()


def test_menuconfig_cannot_switch_the_board(tmp_path: Path) -> None:
    build = tmp_path / "b"
    _resolve(build, None, tmp_path)
    _edit(build, "PORT_STM32", "y")
    dotconfig, _, notes = _resolve(build, None, tmp_path)
    assert "CONFIG_PORT_HOST=y" in dotconfig
    assert any("another port or board" in n for n in notes)


def test_module_off_takes_its_sub_options_with_one_note(tmp_path: Path) -> None:
    _, _, notes = _resolve(tmp_path / "b", VARIANTS["no-hashlib"], tmp_path)
    assert len(notes) == 1
    assert "also switches off CONFIG_MODULE_HASHLIB_SHA1=y" in notes[0]
    assert "CONFIG_MODULE_HASHLIB_MD5=y" in notes[0]


def test_repeated_assignments_give_one_note(tmp_path: Path) -> None:
    """Across files a later value overrides, with one note however many; within one file two
    values of a symbol contradict each other (test_config: an error naming both lines)."""
    fragments = []
    for i in range(200):
        fragments.append(tmp_path / f"f{i}.conf")
        fragments[-1].write_text(f"CONFIG_HEAP_SIZE={65536 + 8 * (i % 2)}\n")
    notes: list[str] = []
    resolve(ConfigInputs("host", find_defconfig("host"), tuple(fragments), tmp_path / "b"),
            notes.append)  # fmt: skip
    assert len(notes) == 1 and "overrides 199 earlier values" in notes[0]
    text = "".join("CONFIG_HEAP_SIZE=65536\n" for _ in range(20000))  # the same value: fine
    _, _, notes = _resolve(tmp_path / "b2", text, tmp_path)
    assert notes == []


def test_a_later_choice_takes_what_depends_on_its_derived_symbol(tmp_path: Path) -> None:
    """FLOAT_NONE=y in a later file turns FLOAT (derived) off, and MODULE_MATH=y of an earlier
    file with it, with a note; the other order is an error naming the line."""
    first = tmp_path / "math.conf"
    first.write_text("CONFIG_MODULE_MATH=y\n")
    second = tmp_path / "nofloat.conf"
    second.write_text("CONFIG_FLOAT_NONE=y\n")
    notes: list[str] = []
    inputs = ConfigInputs("host", find_defconfig("host"), (first, second), tmp_path / "b")
    assert not resolve(inputs, notes.append).view.enabled("MODULE_MATH")
    assert any("CONFIG_FLOAT_NONE=y also switches off CONFIG_MODULE_MATH=y" in n for n in notes)


def test_another_board_in_the_same_directory_starts_clean(tmp_path: Path) -> None:
    build = tmp_path / "b"
    _resolve(build, None, tmp_path)
    _edit(build, "HEAP_SIZE", "65536")
    notes: list[str] = []
    inputs = ConfigInputs("netduinoplus2", find_defconfig("netduinoplus2"), (), build)
    view = resolve(inputs, notes.append).view
    clean = resolve(
        ConfigInputs("netduinoplus2", find_defconfig("netduinoplus2"), (), tmp_path / "c"),
        lambda _n: None,
    ).view
    assert view.values == clean.values
    assert any("held board host" in n for n in notes)
