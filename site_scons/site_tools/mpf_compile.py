"""SCons tool: env.MpfCompile(sources) -> objects, the COMPILE stage shared by every port.

Generates the qstr pool and the builtin-module table from exactly the
hand-written sources being compiled, then compiles each source (and the
generated ones the SConstruct listed in MPF_GENERATED_SOURCES: the frozen
modules) to `$BUILD_DIR/<its path in the tree>.o`, so the core and the port
keep their layout under the build directory; the generated sources are made first. Counts
steps for the progress.
"""

import os


def _compile(env, sources):
    root = env.Dir("#").abspath
    build = env["BUILD_DIR"].abspath
    sources = sorted(sources, key=lambda n: n.abspath)
    # Headers may use qstrs too (inline functions, macros).
    dirs = sorted({s.dir for s in sources}, key=lambda d: d.abspath)
    headers = sorted((h for d in dirs for h in d.glob("*.h")), key=lambda n: n.abspath)
    qstrdefs = env.QstrDefs(["$GEN_DIR/qstrdefs.h", "$GEN_DIR/qstrpool.json"], sources + headers)
    modtable = env.ModuleTable(["$GEN_DIR/moduletable.h", "$GEN_DIR/modules.json"], sources)
    # a changed generator regenerates its output (SCons signs only the action's own code)
    env.Depends(qstrdefs, "$MPFORGE_DIR/qstr.py")
    env.Depends(modtable, "$MPFORGE_DIR/modtable.py")
    env.Depends([qstrdefs, modtable], "$MPFORGE_DIR/generated.py")
    generated = list(env.get("MPF_GENERATED_SOURCES", []))
    objects = []
    for src in sources + generated:
        if src.abspath.startswith(build + os.sep):
            rel = os.path.relpath(src.abspath, build)
        else:
            rel = os.path.relpath(src.abspath, root)
        objects += env.Object(env["BUILD_DIR"].File(os.path.splitext(rel)[0] + ".o"), src)
    # The FREEZE stage (and its import check) runs before any C is compiled, so a mistake in
    # frozen code stops the build at once: an order-only prerequisite (Requires), which
    # rebuilds nothing when frozen.c changes.
    if generated:
        env.Requires(objects[: len(objects) - len(generated)], generated)
    env["MPF_TOTAL_STEPS"] = env.get("MPF_TOTAL_STEPS", 0) + len(sources) + len(generated) + 2
    return objects


def _step(env, count=1):
    env["MPF_TOTAL_STEPS"] = env.get("MPF_TOTAL_STEPS", 0) + count


def generate(env):
    env.AddMethod(_compile, "MpfCompile")
    env.AddMethod(_step, "MpfCountSteps")


def exists(env):
    return True
