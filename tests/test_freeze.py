"""Stage 2, FREEZE: manifests, packages, the mpy-cross cache, the import check, the C emitter."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from mpforge import modtable, paths
from mpforge.config.view import ConfigView
from mpforge.errors import MpforgeError
from mpforge.frozen.collect import collect
from mpforge.frozen.compile import compile_module
from mpforge.frozen.emit import emit_frozen_c
from mpforge.frozen.imports import check_imports, condition_holds
from mpforge.frozen.manifest import ManifestLoader
from mpforge.frozen.mpy import read_mpy
from mpforge.frozen.packages import kconfig_text, read_package


def write(base: Path, rel: str, text: str) -> Path:
    path = base / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def no_packages(name: str, origin: str) -> Path:
    raise MpforgeError(f"{origin}: no package '{name}'")


def load(manifest: Path) -> ManifestLoader:
    loader = ManifestLoader(no_packages)
    loader.load(manifest)
    return loader


VIEW = ConfigView(
    "test",
    {
        "FROZEN_MANIFEST": "",
        "FROZEN_PKG_DEMO": "n",
        "FROZEN_PKG_UNITTEST": "n",
        "FROZEN_PKG_TYPING": "n",
        "FLOAT": "y",
        "MODULE_SYS": "y",
        "MODULE_JSON": "n",
    },
)


class TestManifest:
    def test_files_packages_globs_and_options(self, tmp_path: Path) -> None:
        write(tmp_path, "main.py", "print(1)\n")
        write(tmp_path, "lib/__init__.py", "")
        write(tmp_path, "lib/sub/__init__.py", "")
        write(tmp_path, "lib/sub/deep.py", "")
        write(tmp_path, "drivers/a.py", "")
        write(tmp_path, "drivers/b.py", "")
        m = write(
            tmp_path,
            "manifest.yml",
            """\
            modules:
              - main.py
              - package: lib
              - glob: "drivers/*.py"
                opt: 2
                check_imports: false
            """,
        )
        mods = load(m).modules
        assert sorted(mods) == ["a", "b", "lib", "lib.sub", "lib.sub.deep", "main"]
        assert mods["lib.sub"].is_package and not mods["lib.sub.deep"].is_package
        assert mods["a"].opt == 2 and not mods["a"].check_imports
        assert mods["main"].origin.endswith("manifest.yml:2")
        assert mods["lib.sub.deep"].source_name == "lib/sub/deep.py"

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("modules:\n  - nothere.py\n", "manifest.yml:2: module file"),
            ("modules:\n  - b.py\n", "b.py does not exist (did you mean a.py?)"),
            ("modulse:\n  - a.py\n", "manifest.yml:1: unknown manifest key 'modulse' (did you "),
            ("modules:\n  - file: a.py\n    opt: 7\n", "manifest.yml:3: opt must be 0, 1, 2 or 3"),
            (
                "modules:\n  - file: a.py\n    emitt: native\n",
                "manifest.yml:3: unknown key in a modules entry 'emitt'",
            ),
            ("modules:\n  - glob: '*.c'\n", "manifest.yml:2: glob '*.c' matches no .py file"),
            ("modules: [a.py\n", "manifest.yml:2: YAML syntax error"),
            ("modules:\n  - file: a.py\n    package: p\n", "exactly one of file:, package:"),
            ("require:\n  - nosuch\n", "manifest.yml:2: no package 'nosuch'"),
        ],
    )
    def test_errors_name_the_line(self, tmp_path: Path, text: str, expected: str) -> None:
        write(tmp_path, "a.py", "")
        m = write(tmp_path, "manifest.yml", text)
        with pytest.raises(MpforgeError) as e:
            load(m)
        assert expected in e.value.message

    def test_paths_out_of_the_manifests_directory(self, tmp_path: Path) -> None:
        """`..` leads to files beside the app: the module is named for its file or directory,
        never for the path (`package: sub/..` once gave the module name '')."""
        for rel in ("util.py", "shared/__init__.py", "shared/io.py", "app/sub/x.py"):
            write(tmp_path, rel, "")
        entries = "  - ../util.py\n  - package: ../shared\n  - ./sub/../../util.py\n"
        m = write(tmp_path, "app/manifest.yml", "modules:\n" + entries)
        mods = load(m).modules
        assert sorted(mods) == ["shared", "shared.io", "util"]
        assert mods["util"].source == tmp_path / "util.py"
        assert mods["shared.io"].source_name == "shared/io.py"
        # The directory itself: named after it, so a name that is no identifier is refused.
        write(tmp_path, "my-lib/__init__.py", "")
        write(tmp_path, "my-lib/app/manifest.yml", "modules:\n  - package: sub/../..\n")
        (tmp_path / "my-lib" / "app" / "sub").mkdir()
        with pytest.raises(MpforgeError) as e:
            load(tmp_path / "my-lib" / "app" / "manifest.yml")
        assert "manifest.yml:2: package " in e.value.message
        assert "its directory's name 'my-lib' is the package's name" in e.value.message
        assert "rename the directory" in e.value.message
        # A glob stays inside the manifest's directory.
        write(tmp_path, "app/manifest.yml", "modules:\n  - glob: '../*.py'\n")
        with pytest.raises(MpforgeError) as e:
            load(tmp_path / "app" / "manifest.yml")
        assert "manifest.yml:2: glob '../*.py' must be relative" in e.value.message

    def test_include_cycle(self, tmp_path: Path) -> None:
        write(tmp_path, "a.yml", "include: [b.yml]\n")
        write(tmp_path, "b.yml", "include: [a.yml]\n")
        with pytest.raises(MpforgeError, match=r"include cycle: .*a.yml -> .*b.yml -> .*a.yml"):
            load(tmp_path / "a.yml")

    @pytest.mark.parametrize(
        "second",
        [
            "{file: a.py, opt: 2}",
            "{file: a.py, emit: native}",
            "{glob: '*.py', check_imports: false}",
        ],
    )
    def test_one_file_listed_twice_with_other_options(self, tmp_path: Path, second: str) -> None:
        # the second entry's options would be ignored without a word
        write(tmp_path, "a.py", "")
        m = write(tmp_path, "m.yml", f"modules:\n  - a.py\n  - {second}\n")
        with pytest.raises(MpforgeError) as e:
            load(m)
        assert e.value.message.startswith(f"{m}:3: ")
        assert (
            f"a.py is listed twice with other options (opt/emit/check_imports) than at {m}:2;"
            in e.value.message
        )

    def test_one_file_listed_twice_alike_is_frozen_once(self, tmp_path: Path) -> None:
        write(tmp_path, "a.py", "")
        m = write(
            tmp_path, "m.yml", "modules:\n  - a.py\n  - {file: a.py, opt: 0}\n  - {glob: '*.py'}\n"
        )
        assert [mod.name for mod in load(m).modules.values()] == ["a"]

    def test_two_modules_with_one_name(self, tmp_path: Path) -> None:
        write(tmp_path, "x/util.py", "")
        write(tmp_path, "y/util.py", "")
        m = write(tmp_path, "m.yml", "modules:\n  - x/util.py\n  - y/util.py\n")
        with pytest.raises(MpforgeError) as e:
            load(m)
        assert "m.yml:3: two modules are named 'util'" in e.value.message
        assert "listed at" in e.value.message and "m.yml:2" in e.value.message

    def test_package_needs_init(self, tmp_path: Path) -> None:
        write(tmp_path, "p/__init__.py", "")
        write(tmp_path, "p/q/mod.py", "")
        m = write(tmp_path, "m.yml", "modules:\n  - package: p\n")
        with pytest.raises(MpforgeError, match="has no __init__.py"):
            load(m)


class TestPackages:
    def test_package_yml_and_generated_menu(self, tmp_path: Path) -> None:
        write(
            tmp_path,
            "log/package.yml",
            "name: log\nversion: 1.2\nlicense: MIT\n"
            "description: Logging\ndependencies: [fmt]\nmodules: [log.py]\n",
        )
        write(tmp_path, "fmt/package.yml", "name: fmt\nversion: 0.1\nlicense: ISC\n")
        pkgs = [read_package(tmp_path / n / "package.yml") for n in ("fmt", "log")]
        text = kconfig_text(pkgs)
        assert 'config FROZEN_PKG_LOG\n\tbool "log 1.2 (MIT)"\n\tselect FROZEN_PKG_FMT' in text

    def test_missing_field(self, tmp_path: Path) -> None:
        write(tmp_path, "log/package.yml", "name: log\nversion: 1\n")
        with pytest.raises(MpforgeError, match="package.yml:1: package.yml lacks 'license:'"):
            read_package(tmp_path / "log" / "package.yml")


class TestCompile:
    def test_cache_is_keyed_by_content(self, tmp_path: Path) -> None:
        a = write(tmp_path, "app/a.py", "x = 1\n")
        write(tmp_path, "app/b.py", "y = 2\n")
        modules = collect(VIEW, tmp_path / "app").modules
        cache = tmp_path / "cache"
        first = [compile_module(m, 31, cache) for m in modules]
        assert [c.cached for c in first] == [False, False]
        again = [compile_module(m, 31, cache) for m in modules]
        assert [c.cached for c in again] == [True, True]
        a.write_text("x = 3\n")
        edited = [compile_module(m, 31, cache) for m in modules]
        assert [c.cached for c in edited] == [False, True]
        assert read_mpy(edited[0].mpy, "a").qstrs[0] == "a.py"  # never an absolute path

    def test_syntax_error_names_file_and_line(self, tmp_path: Path) -> None:
        write(tmp_path, "app/ok.py", "")
        write(tmp_path, "app/bad.py", "x = 1\ndef f(:\n    pass\n")
        modules = collect(VIEW, tmp_path / "app").modules
        with pytest.raises(MpforgeError) as e:
            for m in modules:
                compile_module(m, 31, tmp_path / "cache")
        assert "bad.py:2:7: SyntaxError" in e.value.message

    def test_native_decorator_is_refused_with_the_fix(self, tmp_path: Path) -> None:
        src = "import micropython\n\n@micropython.viper\ndef f(x: int) -> int:\n    return x\n"
        write(tmp_path, "app/v.py", src)
        (module,) = collect(VIEW, tmp_path / "app").modules
        with pytest.raises(MpforgeError) as e:
            compile_module(module, 31, tmp_path / "cache")
        assert "v.py:3:" in e.value.message
        assert "needs native code, which this core does not run" in e.value.message

    def test_native_emit_is_refused(self, tmp_path: Path) -> None:
        write(tmp_path, "n.py", "")
        m = write(tmp_path, "m.yml", "modules:\n  - file: n.py\n    emit: viper\n")
        module = load(m).modules["n"]
        with pytest.raises(MpforgeError, match="m.yml:2: emit: viper for n: this core runs"):
            compile_module(module, 31, tmp_path / "cache")


def _builtin_guards(*sources: str) -> dict[str, dict[str, list[list[str]]]]:
    found: dict[str, dict[str, list[list[str]]]] = {}
    for rel in sources:
        text = (paths.ROOT / rel).read_text(encoding="utf-8")
        for m in modtable._REGISTER.finditer(text.encode()):
            read = modtable.guarded_members(text, m.group(2).decode())
            assert read is not None
            found[modtable.module_name(m.group(1).decode())] = read[1]
    return found


def _builtin_members(*sources: str) -> dict[str, frozenset[str] | None]:
    """What the GENERATE stage records for these module sources (mpforge/modtable.py)."""
    found: dict[str, frozenset[str] | None] = {}
    for rel in sources:
        text = (paths.ROOT / rel).read_text(encoding="utf-8")
        for m in modtable._REGISTER.finditer(text.encode()):
            names = modtable.members(text, m.group(2).decode())
            found[modtable.module_name(m.group(1).decode())] = (
                None if names is None else frozenset(names)
            )
    return found


BUILTIN_MEMBERS = _builtin_members("py/mod_sys.c", "py/mod_os.c", "py/mod_os_path.c")


GUARDED_SOURCES = ("py/mod_sys.c", "py/mod_os.c", "py/mod_os_path.c", "py/mod_random.c")


class TestImportCheck:
    def _check(
        self, tmp_path: Path, files: dict[str, str], view: ConfigView = VIEW, guarded: bool = False
    ) -> None:
        for rel, text in files.items():
            write(tmp_path, f"app/{rel}", text)
        modules = collect(view, tmp_path / "app").modules
        compiled = [compile_module(m, 31, tmp_path / "cache") for m in modules]
        if not guarded:
            check_imports(compiled, view, {"sys", "os", "os.path"}, BUILTIN_MEMBERS)
            return
        check_imports(
            compiled,
            view,
            {"sys", "os", "os.path", "random"},
            _builtin_members(*GUARDED_SOURCES),
            _builtin_guards(*GUARDED_SOURCES),
        )

    @pytest.mark.parametrize(
        ("values", "imp", "why"),
        [
            ({"MODULE_VFS": "n"}, "from os import statvfs", "(CONFIG_MODULE_VFS is off)"),
            ({}, "from os import mount", "(CONFIG_MODULE_VFS is off)"),  # absent: off too
            ({"FLOAT": "n"}, "from random import uniform", "(CONFIG_FLOAT is off)"),
            ({"EXC_ATTRS": "n"}, "from sys import exc_info", "(CONFIG_EXC_ATTRS is off)"),
            (
                {"MODULE_VFS": "n", "PORT_HAS_FILESYSTEM": "n"},
                "from os import listdir",
                "(`#if CONFIG_PORT_HAS_FILESYSTEM || CONFIG_MODULE_VFS` does not hold)",
            ),
        ],
    )
    def test_a_builtin_name_this_configuration_leaves_out(
        self, tmp_path: Path, values: dict[str, str], imp: str, why: str
    ) -> None:
        """A name under an `#if` counted in every configuration: `from os import statvfs`
        built with VFS off and failed on the board. The build's configuration decides, and
        the error names the option."""
        view = ConfigView("test", {**VIEW.values, "MODULE_OS": "y", **values})
        with pytest.raises(MpforgeError) as e:
            self._check(tmp_path, {"main.py": f"x = 1\n{imp}\n"}, view, guarded=True)
        module, name = imp.split()[1], imp.split()[-1]
        assert (
            f"/main.py:2: {module} has no '{name}' in this configuration {why}; " in e.value.message
        ), e.value.message
        assert "guard the import with try/except ImportError" in e.value.message
        # with the option on, it builds; guarded, it builds either way
        on = {k: "y" for k in values} | {"MODULE_VFS": "y"}
        self._check(tmp_path, {"main.py": f"{imp}\n"}, ConfigView("t", {**view.values, **on}), True)
        guard = f"try:\n    {imp}\nexcept ImportError:\n    pass\n"
        self._check(tmp_path, {"main.py": guard}, view, guarded=True)

    def test_a_typo_is_still_a_typo_and_its_guess_is_in_this_configuration(
        self, tmp_path: Path
    ) -> None:
        view = ConfigView("test", {**VIEW.values, "MODULE_VFS": "n"})
        with pytest.raises(MpforgeError) as e:  # statvfs is not offered: it is not here
            self._check(tmp_path, {"main.py": "from os import statvfz\n"}, view, guarded=True)
        assert "the builtin module os has no 'statvfz'; fix the name" in e.value.message
        view = ConfigView("test", {**VIEW.values, "MODULE_VFS": "y"})
        with pytest.raises(MpforgeError, match=r"has no .statvfz. \(did you mean statvfs "):
            self._check(tmp_path, {"main.py": "from os import statvfz\n"}, view, guarded=True)

    @pytest.mark.parametrize(
        ("condition", "expected"),
        [
            ("CONFIG_A", True),
            ("CONFIG_OFF", False),
            ("CONFIG_GONE", False),  # not in .config: undefined, 0 to the preprocessor
            ("!CONFIG_OFF", True),
            ("!(CONFIG_A)", False),
            ("defined(CONFIG_A) && !defined CONFIG_OFF", True),
            ("CONFIG_OFF || CONFIG_A", True),
            ("CONFIG_N >= 0x10", False),
            ("CONFIG_N > 3 && CONFIG_N < 8", True),
            ("MHAL_HAS_UNIQUE_ID", None),  # a port's macro: unknown, taken to hold
            ("CONFIG_S", None),  # a string option
            ("CONFIG_N / 0", None),
            ("__import__('os')", None),
        ],
    )
    def test_conditions_as_the_preprocessor_reads_them(
        self, condition: str, expected: bool | None
    ) -> None:
        view = ConfigView("t", {"A": "y", "OFF": "n", "N": "5", "S": "text"})
        assert condition_holds(condition, view) is expected

    def test_guards_of_if_elif_else(self) -> None:
        text = textwrap.dedent(
            """\
            static const mpf_rom_map_elem_t t_table[] = {
                {MPF_ROM_QSTR(MPF_QSTR_always), MPF_ROM_INT(1)},
            #if CONFIG_A // a comment
                {MPF_ROM_QSTR(MPF_QSTR_a), MPF_ROM_INT(1)},
            #elif CONFIG_B
                {MPF_ROM_QSTR(MPF_QSTR_b), MPF_ROM_INT(1)},
            #else
                {MPF_ROM_QSTR(MPF_QSTR_c), MPF_ROM_INT(1)},
            #ifdef CONFIG_D
                {MPF_ROM_QSTR(MPF_QSTR_always), MPF_ROM_INT(2)},
            #endif
            #endif
            };
            MPF_ROM_MAP(t_map, t_table);
            const mpf_builtin_module_t mod_t = {MPF_QSTR_t, &t_map, NULL};
            """
        )
        read = modtable.guarded_members(text, "mod_t")
        assert read is not None
        names, guards = read
        assert names == ["a", "always", "b", "c"]
        assert guards == {
            "a": [["CONFIG_A"]],
            "b": [["!(CONFIG_A)", "CONFIG_B"]],
            "c": [["!(CONFIG_A)", "!(CONFIG_B)"]],
        }

    def test_the_names_of_builtin_modules_come_from_their_sources(self) -> None:
        members = BUILTIN_MEMBERS["os"]
        assert members is not None and {"getcwd", "listdir", "sep", "statvfs"} <= members
        assert BUILTIN_MEMBERS["sys"] is not None and "argv" in BUILTIN_MEMBERS["sys"]  # its init

    def test_from_a_builtin_module_import_a_typo(self, tmp_path: Path) -> None:
        """`from os import tpyo` passed the check (a builtin's names were not known) and
        failed on the board; it fails the build like `import tpyo`, with the close names."""
        with pytest.raises(MpforgeError) as e:
            self._check(tmp_path, {"main.py": "import os\n\nfrom os import getcdw\n"})
        assert "main.py:3: from os import getcdw: the builtin module os has no 'getcdw' " in (
            e.value.message
        )
        assert "(did you mean getcwd?)" in e.value.message
        with pytest.raises(MpforgeError, match=r"from os.path import jion: .*did you mean join"):
            self._check(tmp_path, {"main.py": "from os.path import jion\n"})

    def test_builtin_names_stars_and_submodules_pass(self, tmp_path: Path) -> None:
        self._check(
            tmp_path,
            {
                "main.py": "from os import path, getcwd, sep\nfrom os.path import join\n"
                "from sys import *\nfrom sys import argv, stdout\nfrom util import argv\n",
                "util.py": "from sys import argv\n",  # a user module's names are its own
            },
        )

    @pytest.mark.parametrize(
        "guard",
        [
            "try:\n    {imp}\nexcept ImportError:\n    pass\n",
            "try:\n    {imp}\nexcept (ValueError, ImportError) as e:\n    pass\n",
            "try:\n    {imp}\nexcept:\n    pass\n",
            "try:\n    {imp}\nexcept Exception:\n    pass\n",
            "if False:\n    {imp}\n",
            "TYPE_CHECKING = False\nif TYPE_CHECKING:\n    {imp}\n",
            "def f():\n    try:\n        {imp}\n    except ImportError:\n        return None\n",
        ],
    )
    @pytest.mark.parametrize("imp", ["import nothere", "from os import nothere", "from . import x"])
    def test_imports_that_may_fail_or_never_run_are_not_checked(
        self, tmp_path: Path, guard: str, imp: str
    ) -> None:
        """The optional import pattern: the build refused it unless check_imports: false."""
        files = {"pkg/__init__.py": "", "pkg/mod.py": guard.format(imp=imp)}
        self._check(tmp_path, files)

    def test_a_try_for_another_error_guards_nothing(self, tmp_path: Path) -> None:
        guard = "try:\n    from os import nothere\nexcept ValueError:\n    pass\n"
        with pytest.raises(MpforgeError, match="main.py:2: from os import nothere"):
            self._check(tmp_path, {"main.py": guard})
        guard = "try:\n    pass\nexcept ImportError:\n    import nothere\n"  # the handler runs
        with pytest.raises(MpforgeError, match="main.py:4: import of 'nothere'"):
            self._check(tmp_path, {"main.py": guard})

    def test_frozen_builtin_and_relative_imports_resolve(self, tmp_path: Path) -> None:
        self._check(
            tmp_path,
            {
                "main.py": "import sys\nimport pkg.sub\nfrom pkg import sub\n",
                "pkg/__init__.py": "from . import sub\nfrom .sub import f\n",
                "pkg/sub.py": "def f():\n    from . import deep\n",
                "pkg/deep.py": "",
            },
        )

    def test_relative_import_beyond_top_level(self, tmp_path: Path) -> None:
        with pytest.raises(MpforgeError, match="sub.py:1: relative import beyond the top-level"):
            self._check(tmp_path, {"pkg/__init__.py": "", "pkg/sub.py": "from .. import x\n"})

    def test_disabled_builtin_names_the_symbol(self, tmp_path: Path) -> None:
        with pytest.raises(MpforgeError) as e:
            self._check(tmp_path, {"main.py": "x = 1\n\nimport json\n"})
        assert "main.py:3: import of 'json'" in e.value.message
        assert "enable CONFIG_MODULE_JSON" in e.value.message

    def test_unknown_module(self, tmp_path: Path) -> None:
        with pytest.raises(MpforgeError, match="main.py:1: import of 'nothere': no frozen module"):
            self._check(tmp_path, {"main.py": "import nothere\n"})

    def test_a_missing_module_gets_a_did_you_mean(self, tmp_path: Path) -> None:
        with pytest.raises(MpforgeError) as e:
            self._check(tmp_path, {"main.py": "import helpers\n", "helper.py": ""})
        assert "main.py:1: import of 'helpers'" in e.value.message
        assert "(did you mean helper?)" in e.value.message
        with pytest.raises(
            MpforgeError, match=r"'pkg.sbu' exists in this build \(did you mean sub"
        ):
            files = {"main.py": "import pkg.sbu\n", "pkg/__init__.py": "", "pkg/sub.py": ""}
            self._check(tmp_path, files)

    def test_from_package_import_a_typo(self, tmp_path: Path) -> None:
        with pytest.raises(MpforgeError) as e:
            self._check(
                tmp_path,
                {
                    "main.py": "import sys\n\nfrom pkg import tpyo\n",
                    "pkg/__init__.py": "typo = 1\n",
                    "pkg/sub.py": "",
                },
            )
        message = e.value.message
        assert "main.py:3: from pkg import tpyo: " in message
        assert "defines no 'tpyo' and pkg has no submodule tpyo (did you mean typo?)" in message

    def test_from_module_import_what_it_defines(self, tmp_path: Path) -> None:
        # assignments, def, class, import, `global` stores and submodules are all names
        self._check(
            tmp_path,
            {
                "main.py": "from util import A, f, k, g, sys, made\nfrom pkg import sub, v\n",
                "util.py": "import sys\nA = 1\ndef f():\n    global made\n    made = 2\n"
                "class k:\n    x = 1\ng = f\n",
                "pkg/__init__.py": "v = 0\n",
                "pkg/sub.py": "",
            },
        )
        with pytest.raises(MpforgeError, match="from util import x: "):  # a class attribute
            self._check(tmp_path, {"main.py": "from util import x\n"})

    def test_dynamic_modules_are_taken_at_their_word(self, tmp_path: Path) -> None:
        self._check(
            tmp_path,
            {
                "main.py": "from lazy import anything\nfrom star import other\n",
                "lazy.py": "def __getattr__(name):\n    return name\n",
                "star.py": "from lazy import *\n",
            },
        )

    def test_opt_out(self, tmp_path: Path) -> None:
        write(tmp_path, "app/main.py", "try:\n    import nothere\nexcept ImportError:\n    pass\n")
        write(
            tmp_path, "app/manifest.yml", "modules:\n  - file: main.py\n    check_imports: false\n"
        )
        modules = collect(VIEW, tmp_path / "app").modules
        check_imports([compile_module(m, 31, tmp_path / "cache") for m in modules], VIEW, set())


class TestEmit:
    def test_deterministic_and_const(self, tmp_path: Path) -> None:
        write(tmp_path, "app/b.py", "s = 'a long string constant'\nt = (1, 2.5, b'xy')\n")
        write(tmp_path, "app/a.py", "def f(x, *, y=2):\n    return x + y\n")
        modules = collect(VIEW, tmp_path / "app").modules
        compiled = [compile_module(m, 31, tmp_path / "cache") for m in modules]
        pool = [b"", b"__dir__"]
        one = emit_frozen_c(compiled, pool, 31, True)
        two = emit_frozen_c(list(reversed(compiled)), pool, 31, True)
        assert one == two
        assert '{"a", false, &' in one and one.index('{"a"') < one.index('{"b"')
        assert "0x1.4000000000000p+1" in one  # 2.5, exactly
        assert '"a long string constant"' in one
        for line in one.splitlines():
            if line.startswith("static"):
                assert line.startswith("static const")
        assert str(tmp_path) not in one

    def test_float_constant_without_floats(self, tmp_path: Path) -> None:
        write(tmp_path, "app/f.py", "x = 1.5\n")
        modules = collect(VIEW, tmp_path / "app").modules
        compiled = [compile_module(m, 31, tmp_path / "cache") for m in modules]
        with pytest.raises(MpforgeError, match="float constant 1.5, but floats are off"):
            emit_frozen_c(compiled, [], 31, False)


def test_complex_constants(tmp_path: Path) -> None:
    write(tmp_path, "app/cplx.py", "x = 1\ny = 2.5j\nz = (1e16j, 3)\n")
    modules = collect(VIEW, tmp_path / "app").modules
    compiled = [compile_module(m, 31, tmp_path / "cache") for m in modules]
    text = emit_frozen_c(compiled, [], 31, True, "mpz", complex_numbers=True)
    assert "static const mpf_complex_obj_t" in text
    assert "{&mpf_type_complex}, 0x0.0p+0, 0x1.4000000000000p+1}" in text  # 2.5j, exactly
    assert "0x1.1c37937e08000p+53" in text  # 1e16j inside the tuple constant
    with pytest.raises(MpforgeError) as e:
        emit_frozen_c(compiled, [], 31, True, "mpz")
    assert "cplx.py:2: uses the complex constant 2.5j" in e.value.message
    assert "enable CONFIG_BUILTIN_COMPLEX" in e.value.message


def test_big_int_constants(tmp_path: Path) -> None:
    write(tmp_path, "app/big.py", "x = 2**40 + 5\ny = -(2**70)\n")
    modules = collect(VIEW, tmp_path / "app").modules
    compiled = [compile_module(m, 31, tmp_path / "cache") for m in modules]
    text = emit_frozen_c(compiled, [], 31, True, "mpz")
    assert "static const mpf_int_big_t" in text and "{5, 0, 256}" in text  # 2**40 + 5, 16-bit
    assert "{5, 256}" in text and "#elif MPF_MPZ_DIG_BITS == 32" in text  # and 32-bit digits
    assert "{1099511627781u}" in text and "#if MPF_MPZ_DIG_BITS == 64" in text  # and 64-bit
    with pytest.raises(MpforgeError, match="does not fit this configuration's ints"):
        emit_frozen_c(compiled, [], 31, True, "none")
    with pytest.raises(MpforgeError, match=r"-1180591620717411303424 does not fit"):
        emit_frozen_c(compiled, [], 31, True, "longlong")
