"""SCons tool: the builders that generate headers from the C sources (stage 3, GENERATE).

env.QstrDefs([header, data], sources): the qstr pool (mpforge.qstr.generate).
env.ModuleTable([header, data], sources): the builtin-module table (mpforge.modtable.generate).
Each writes the C header the compiler includes and the same facts as JSON, which
the later stages read (mpforge/generated.py), never the headers.
Each header is rewritten only when its content changes, so SCons rebuilds
nothing after an edit that adds no new string or module.
"""

import sys
from pathlib import Path

from mpforge.errors import MpforgeError


def _action(generator):
    def build(target, source, env):
        try:
            # the C header for the compiler, then the same facts as data for later stages
            generator([Path(s.abspath) for s in source], *(Path(t.abspath) for t in target))
        except MpforgeError as e:
            print(f"error: {e.message}", file=sys.stderr)
            return 1
        return 0

    return build


def generate(env):
    from SCons.Action import Action
    from SCons.Builder import Builder
    from SCons.Scanner import Scanner

    from mpforge import modtable, qstr

    # The generators read their sources as text: they depend on those files, not
    # on the headers the sources include (which include the generated headers).
    as_text = Scanner(function=lambda node, env, path: [], name="MpfTextScanner")
    env["BUILDERS"]["QstrDefs"] = Builder(
        action=Action(_action(qstr.generate), "QSTR $TARGET"), source_scanner=as_text
    )
    env["BUILDERS"]["ModuleTable"] = Builder(
        action=Action(_action(modtable.generate), "MODULES $TARGET"), source_scanner=as_text
    )


def exists(env):
    return True
