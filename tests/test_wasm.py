"""The WebAssembly port: wasm_node runs like the host executable in Node (files, exit status,
RecursionError rather than a JavaScript stack overflow); wasm_web is a page that runs the
frozen main.py in headless Chromium, with a JS API that runs more .mpy files, and renders.
(The language corpus runs on wasm_node with the host builds: tests/test_corpus.py.)"""

from __future__ import annotations

import html
import re
import resource
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest
from boards import build_firmware
from browser import chromium, needs_chromium, read_png

from mpforge import paths
from mpforge.mpycross import compile_file
from mpforge.runners.wasm import serve

WASM_NODE = paths.ROOT / "build" / "wasm_node"  # built by conftest for the corpus


def run_node(tmp_path: Path, source: str) -> subprocess.CompletedProcess[str]:
    src = tmp_path / "prog.py"
    src.write_text(source)
    compile_file(src, tmp_path / "prog.mpy", ["-msmall-int-bits=31"])
    return subprocess.run(
        [WASM_NODE / "firmware", "prog.mpy"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )


class TestNode:
    def test_runs_a_file_with_its_exit_status_and_argv(self, tmp_path: Path) -> None:
        proc = run_node(
            tmp_path,
            "import sys\nprint(sys.platform, sys.maxsize, 2**31, sys.argv[0])\n"
            "open('out.txt', 'w').write('written')\nsys.exit(3)\n",
        )
        assert proc.stdout == "webassembly 2147483647 2147483648 prog.mpy\n", proc.stderr
        assert proc.returncode == 3
        assert (tmp_path / "out.txt").read_text() == "written"  # the real filesystem

    def test_deep_recursion_is_a_recursion_error_not_a_js_stack_overflow(
        self, tmp_path: Path
    ) -> None:
        proc = run_node(
            tmp_path,
            "class R:\n    def __repr__(self):\n        return repr(R())\n"
            "try:\n    repr(R())\nexcept RecursionError:\n    print('RecursionError')\n"
            "x = []\nfor i in range(100000):\n    x = [x]\n"
            "try:\n    print(x == x[0])\nexcept RecursionError:\n    print('RecursionError')\n",
        )
        assert proc.stdout == "RecursionError\nRecursionError\n", proc.stderr[-2000:]
        assert "RangeError" not in proc.stderr and proc.returncode == 0

    def test_oserror_numbers_are_linuxs(self, tmp_path: Path) -> None:
        proc = run_node(
            tmp_path,
            "import errno\ntry:\n    open('missing')\nexcept OSError as e:\n"
            "    print(type(e).__name__, e.errno == errno.ENOENT == 2)\n",
        )
        assert proc.stdout == "FileNotFoundError True\n", proc.stderr

    def test_caught_exceptions_cost_the_same_each(self, tmp_path: Path) -> None:
        # Every exception caught in one frame resumes it under a new setjmp; emscripten's
        # setjmp keeps a table per invocation of the function that calls it, searched
        # linearly, so resuming inside one call of mpf_vm_execute made the n-th raise cost
        # O(n): 100,000 caught here took 5.9 s of CPU, 0.7 s once each resume got its own
        # call (py/vm.c vm_run_guarded). CPU time, not wall time: the suite runs in parallel.
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_utime
        proc = run_node(
            tmp_path,
            "n = 0\nfor i in range(100000):\n    try:\n        int('x')\n"
            "    except ValueError:\n        n += 1\nprint(n)\n",
        )
        cpu = resource.getrusage(resource.RUSAGE_CHILDREN).ru_utime - before
        assert proc.stdout == "100000\n", proc.stderr
        assert cpu < 3.0, f"100,000 caught exceptions took {cpu:.1f} s of CPU on wasm_node"

    def test_mpforge_run_compiles_and_runs_a_py_file(self, tmp_path: Path) -> None:
        src = tmp_path / "hello.py"
        src.write_text("print('hello', 6 * 7)\n")
        proc = subprocess.run(
            [sys.executable, "-m", "mpforge", "run", "-b", "wasm_node", src],
            capture_output=True,
            text=True,
            timeout=120,
            cwd=paths.ROOT,
        )
        assert proc.stdout == "hello 42\n", proc.stderr


# ---------------------------------------------------------------- the page
@pytest.fixture(scope="module")
def web_build() -> Path:
    return build_firmware("wasm_web", "page")[0]


@needs_chromium
class TestPage:
    def test_frozen_main_prints_into_the_page(self, web_build: Path, tmp_path: Path) -> None:
        server = serve(web_build)
        try:
            dom = chromium(f"http://127.0.0.1:{server.server_address[1]}/", "--dump-dom",
                           cwd=tmp_path)  # fmt: skip
        finally:
            server.shutdown()
        assert "mpforge: frozen main.py running on webassembly" in dom
        assert "sum of squares 1..10 = 385" in dom
        assert 'data-status="0"' in dom

    def test_js_api_runs_an_mpy_and_reports_errors(self, web_build: Path, tmp_path: Path) -> None:
        src = tmp_path / "extra.py"
        src.write_text("print('from runMpy', sum(range(10)))\nraise ValueError('boom')\n")
        compile_file(src, tmp_path / "extra.mpy", ["-msmall-int-bits=31"])
        dom = self.run_page(
            web_build,
            tmp_path,
            """
const bytes = new Uint8Array(await (await fetch("extra.mpy")).arrayBuffer());
add("status " + py.runMpy(bytes));
add("bad " + py.runMpy(new Uint8Array([1, 2, 3])));
""",
            extra=[tmp_path / "extra.mpy"],
        )
        assert "from runMpy 45" in dom
        assert "ERR ValueError: boom" in dom
        assert "status 1" in dom and "bad 1" in dom

    def test_js_exec_continues_the_session_main_py_left(
        self, web_build: Path, tmp_path: Path
    ) -> None:
        dom = self.run_page(
            web_build,
            tmp_path,
            """
add("main " + py.main());
add("total " + py.exec("print('total is', total)"));           // main.py's globals
add("def " + py.exec("def f(n):\\n    return n * 6\\n"));
add("single " + py.exec("f(7)", {single: true}));               // the value is printed
add("quiet " + py.exec("f(7)"));                                // a script prints nothing
add("more " + py.needsMore("for i in range(3):\\n") + " " + py.needsMore("x = 1\\n")
    + " " + py.needsMore("(1,\\n"));
add("error " + py.exec("1 / 0"));
add("syntax " + py.exec("x = = 1"));
add("exit " + py.exec("import sys\\nsys.exit(7)"));
add("eval " + py.exec("print(eval('f(2) + total'))"));
py.runMpy(new Uint8Array(0));                                   // a fresh interpreter ...
add("fresh " + py.exec("print('f' in globals())"));              // ... and a new session
""",
        )
        assert "main 0" in dom and "total is 385\ntotal 0" in dom
        assert "def 0\n42\nsingle 0\nquiet 0\n" in dom
        assert "more true false true" in dom
        assert "ZeroDivisionError: division by zero\nerror 1" in dom
        assert "SyntaxError: invalid syntax" in dom and "syntax 1" in dom
        assert "exit 7" in dom and "397\neval 0" in dom
        assert "False\nfresh 0" in dom

    def test_page_repl_runs_typed_statements(self, web_build: Path, tmp_path: Path) -> None:
        site = tmp_path / "site"
        shutil.copytree(web_build, site, ignore=shutil.ignore_patterns("gen", "py", "ports"))
        # Type into the page's prompt as a user would: a block, the blank line that ends it,
        # then an expression, then an error.
        typing = """<script>
const typed = ["def f(n):", "    return n * 6", "", "f(7) + total", "1/0", "   "];
const form = document.getElementById("repl"), input = document.getElementById("line");
const typeAll = () => {
  if (form.style.display !== "block") { setTimeout(typeAll, 50); return; }
  for (const line of typed) { input.value = line; form.requestSubmit(); }
};
typeAll();
</script>
</body>"""
        index = (site / "index.html").read_text()
        (site / "index.html").write_text(index.replace("</body>", typing))
        server = serve(site)
        try:
            dom = chromium(f"http://127.0.0.1:{server.server_address[1]}/", "--dump-dom",
                           cwd=tmp_path)  # fmt: skip
        finally:
            server.shutdown()
        lines = [line for line in html.unescape(re.sub("<[^>]+>", "", dom)).splitlines()]
        start = lines.index(">>> def f(n):")
        assert lines[start : start + 7] == [
            ">>> def f(n):",
            "...     return n * 6",
            "... ",
            ">>> f(7) + total",
            "427",
            ">>> 1/0",
            "Traceback (most recent call last):",
        ], lines[start:]
        assert "ZeroDivisionError: division by zero" in lines[start + 7 :]
        assert ">>>    " in lines  # a blank line runs nothing
        assert 'data-repl-status="1"' in dom

    @staticmethod
    def run_page(web_build: Path, tmp_path: Path, script: str, extra: Sequence[Path] = ()) -> str:
        """The DOM after [script] ran with `py` loaded and `add(text)` appending a line (the
        files [extra] served beside the page)."""
        site = tmp_path / "site"
        shutil.copytree(web_build, site, ignore=shutil.ignore_patterns("gen", "py", "ports"))
        for f in extra:
            shutil.copy(f, site / f.name)
        (site / "api.html").write_text(
            """<!doctype html><meta charset="utf-8"><pre id="out"></pre>
<script src="firmware.js"></script><script src="mpforge.js"></script>
<script>
const out = document.getElementById("out");
const add = (t) => { out.textContent += t + "\\n"; };
mpforge.load({stdout: add, stderr: (t) => add("ERR " + t)}).then(async (py) => {
"""
            + script
            + "\n});\n</script>"
        )
        server = serve(site)
        try:
            return chromium(f"http://127.0.0.1:{server.server_address[1]}/api.html",
                            "--dump-dom", cwd=tmp_path)  # fmt: skip
        finally:
            server.shutdown()

    def test_page_renders(self, web_build: Path, tmp_path: Path) -> None:
        server = serve(web_build)
        shot = tmp_path / "page.png"
        try:
            chromium(f"http://127.0.0.1:{server.server_address[1]}/",
                     f"--screenshot={shot}", "--window-size=800,400", cwd=tmp_path)  # fmt: skip
        finally:
            server.shutdown()
        width, height, rows = read_png(shot)
        assert (width, height) == (800, 400)
        # The output box (white, below the heading and the intro line) holds the frozen
        # program's two lines in dark text; an empty box has no dark pixel.
        box = [row[40:760] for row in rows[135:270]]
        dark = sum(1 for row in box for px in row if sum(px[:3]) < 200)
        assert dark > 500
