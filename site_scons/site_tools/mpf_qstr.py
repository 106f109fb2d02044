"""SCons tool: the QstrDefs builder, generating the qstr pool header from the C sources.

env.QstrDefs(target, sources) runs mpforge.qstr.generate; the header is
rewritten only when its content changes, so SCons rebuilds nothing after an
edit that adds no new interned string.
"""

from pathlib import Path

from mpforge.errors import MpforgeError


def _build(target, source, env):
    from mpforge.qstr import generate

    try:
        generate([Path(s.abspath) for s in source], Path(target[0].abspath))
    except MpforgeError as e:
        print(f"error: {e.message}")
        return 1
    return 0


def generate(env):
    from SCons.Builder import Builder

    env["BUILDERS"]["QstrDefs"] = Builder(action=env.Action(_build, "QSTR $TARGET"))


def exists(env):
    return True
