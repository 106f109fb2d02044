"""SCons tool: env.MpfCompile(sources) -> objects, the COMPILE stage shared by every port.

Compiles each source (and the generated ones the SConstruct listed in
MPF_GENERATED_SOURCES: the frozen modules) to `$BUILD_DIR/<its path in the tree>.o`,
so the core and the port keep their layout under the build directory. It generates
nothing: the hand-written sources are recorded in MPF_COMPILE_SOURCES, from which the
SConstruct declares the GENERATE stage (site_tools/mpf_generate.py); the objects
depend on its headers through the include scanner. Counts steps for the progress.
"""

import os


def _compile(env, sources):
    root = env.Dir("#").abspath
    build = env["BUILD_DIR"].abspath
    sources = sorted(sources, key=lambda n: n.abspath)
    env["MPF_COMPILE_SOURCES"] = [*env.get("MPF_COMPILE_SOURCES", []), *sources]
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
    env["MPF_TOTAL_STEPS"] = env.get("MPF_TOTAL_STEPS", 0) + len(sources) + len(generated)
    return objects


def _step(env, count=1):
    env["MPF_TOTAL_STEPS"] = env.get("MPF_TOTAL_STEPS", 0) + count


def generate(env):
    env.AddMethod(_compile, "MpfCompile")
    env.AddMethod(_step, "MpfCountSteps")


def exists(env):
    return True
