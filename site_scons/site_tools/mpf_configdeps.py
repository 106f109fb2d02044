"""SCons tool: per-symbol config dependencies: toggling one option rebuilds only its users.

Like the kernel's fixdep: an object depends on the CONFIG_* symbols its
source and the headers it includes mention, not on the whole generated
config.h. The C scanner is wrapped to drop config.h (and the defaults header,
which mentions every symbol) from the dependencies and to add one Value node
per symbol mentioned, holding that symbol's value.

generate(env, values={...}, ignored=("config.h", "mpfconfig.h")).
"""

import re

_TOKEN = re.compile(rb"\bCONFIG_([A-Za-z0-9_]+)")
# Comments (and the strings that could hold comment markers) are not code.
_COMMENT = re.compile(rb'//[^\n]*|/\*.*?\*/|"(?:[^"\\\n]|\\.)*"', re.S)


def generate(env, values, ignored=("config.h", "mpfconfig.h")):
    import SCons.Node.FS
    import SCons.Scanner
    import SCons.Scanner.C

    cscan = SCons.Scanner.C.CScanner()
    # The stock C scanner reads a generated source (gen/frozen.c) only when SCons judges
    # it up to date at that moment; while the GENERATE stage it depends on is being
    # rerun, it is not yet judged so, and the object's includes would be recorded as
    # none (and the next build would recompile it). Scan whatever is on disk instead:
    # a source that is then rebuilt makes SCons rescan its users (Node.built()).
    cscan.scan_check = None
    ignored = set(ignored)

    def scan(node, env, path):
        deps = [d for d in cscan(node, env, path) if d.name not in ignored]
        if node.name in ignored:
            return deps
        code = _COMMENT.sub(b" ", node.get_contents())
        names = sorted({m.decode() for m in _TOKEN.findall(code)})
        return deps + [env.Value(f"CONFIG_{n}={values.get(n, '<not a symbol>')}") for n in names]

    scanner = SCons.Scanner.Scanner(
        function=scan,
        name="MpfConfigCScanner",
        skeys=[".c", ".h", ".S"],
        path_function=SCons.Scanner.FindPathDirs("CPPPATH"),
        node_class=None,  # the Value nodes it returns are not file names
        recursive=lambda nodes: [n for n in nodes if isinstance(n, SCons.Node.FS.File)],
    )
    # Headers found while scanning are scanned through SCANNERS; the object builders
    # carry their own source scanner, which wins over SCANNERS, so the compiler tool
    # (mpf_gcc) installs this one on them too, through MPF_C_SCANNER.
    env.Prepend(SCANNERS=[scanner])
    env["MPF_C_SCANNER"] = scanner


def exists(env):
    return True
