"""SCons tool: the GENERATE stage, a stage of its own between CONFIG and COMPILE.

env.MpfGenerate(sources) -> [qstrdefs.h, qstrpool.json, moduletable.h, modules.json]
declares the generators' outputs as targets of their own builders, made from the
hand-written C sources the build compiles (the list the port handed to
env.MpfCompile) and the headers beside them:

- QstrDefs: the qstr pool (mpforge.qstr.generate, over the preprocessed sources)
  -> $GEN_DIR/qstrdefs.h + qstrpool.json
- ModuleTable: the builtin-module table (mpforge.modtable.generate)
  -> $GEN_DIR/moduletable.h + modules.json

The C headers are what the COMPILE stage includes (the objects depend on them
through the include scanner: an object that includes no generated header is not
rebuilt when one changes); the JSON files are the same facts as data, which the
FREEZE stage reads (mpforge/generated.py), never the headers. Each output is
rewritten only when its content changes, so an edit that adds no new string or
module rebuilds nothing after it. Compiling generates nothing: env.MpfCompile
only compiles and records its sources (MPF_COMPILE_SOURCES), which the SConstruct
hands to env.MpfGenerate once the port's SConscript has named them all.
"""

from pathlib import Path

from mpforge import process, qstr
from mpforge.errors import MpforgeError
from mpforge.generated import MODULES_JSON, QSTR_POOL_JSON
from mpforge.scons_frontend import reported

QSTR_HEADER = "qstrdefs.h"
MODULE_HEADER = "moduletable.h"


def _action(generator):
    def build(target, source, env):
        try:
            # the C header for the compiler, then the same facts as data for later stages
            generator([Path(s.abspath) for s in source], *(Path(t.abspath) for t in target))
        except MpforgeError as e:
            return reported(e)
        return 0

    return build


def _scan_command(env):
    """The preprocessor command (without the source) the qstr scan runs: the build's flags,
    defines and include directories, with empty stand-ins for the generated headers first
    (they are what is being made). Worked out while the SConscripts are read, never in the
    action: actions run on worker threads, where expanding variables and looking up nodes
    races the main thread's dependency scanning."""
    stand_ins = Path(env["GEN_DIR"].abspath) / "qstrscan"
    # CCFLAGS without $( $) (left out of signatures only), the defines, the stand-ins first
    # among the include directories
    flags = env.subst_list("$CC -E $CCFLAGS $CFLAGS $CPPFLAGS $_CPPDEFFLAGS")[0]
    includes = [env.Dir(env.subst(d) if isinstance(d, str) else d).abspath for d in env["CPPPATH"]]
    return [str(a) for a in flags] + [f"-I{d}" for d in (stand_ins, *includes)]


def _preprocessed(env):
    """text_of for mpforge.qstr.generate: a C source as the compiler's preprocessor sees it
    with the build's flags and configuration, so the qstrs of code an `#if` leaves out (and
    of comments) are not pooled, and those a macro pastes together (MPF_QSTR_##name) are."""
    root = env["MPF_QSTR_ROOT"]
    command = env["MPF_QSTR_SCAN"]
    stand_ins = Path(env["MPF_QSTR_STAND_INS"])
    stand_ins.mkdir(parents=True, exist_ok=True)
    for header in (QSTR_HEADER, MODULE_HEADER):
        if not (stand_ins / header).exists():
            (stand_ins / header).write_text("")

    def text_of(source):
        run = process.run([*command, str(source)], cwd=root, env=env["ENV"], text=False)
        if run.returncode != 0:
            message = run.stderr.decode(errors="replace").strip()
            raise MpforgeError(f"qstr scan: preprocessing {source} failed:\n{message}")
        return run.stdout

    return text_of


def _qstr_action(target, source, env):
    c_sources = [Path(s.abspath) for s in source if s.abspath.endswith(".c")]
    try:
        qstr.generate(c_sources, *(Path(t.abspath) for t in target), text_of=_preprocessed(env))
    except MpforgeError as e:
        return reported(e)
    return 0


def _generate(env, sources):
    sources = sorted(set(sources), key=lambda n: n.abspath)
    # The pool is made from the preprocessed sources (_preprocessed), so it depends on the
    # headers beside them and on the configuration too.
    dirs = sorted({s.dir for s in sources}, key=lambda d: d.abspath)
    headers = sorted((h for d in dirs for h in d.glob("*.h")), key=lambda n: n.abspath)
    gen = env["GEN_DIR"]
    # plain strings for the action (not in its signature: absolute paths of this build dir)
    env["MPF_QSTR_SCAN"] = _scan_command(env)
    env["MPF_QSTR_ROOT"] = env.Dir("#").abspath
    env["MPF_QSTR_STAND_INS"] = str(Path(gen.abspath) / "qstrscan")
    qstrdefs = env.QstrDefs([gen.File(QSTR_HEADER), gen.File(QSTR_POOL_JSON)], sources + headers)
    env.Depends(qstrdefs, gen.File("config.h"))
    modtable = env.ModuleTable([gen.File(MODULE_HEADER), gen.File(MODULES_JSON)], sources)
    # a changed generator regenerates its output (SCons signs only the action's own code)
    env.Depends(qstrdefs, "$MPFORGE_DIR/qstr.py")
    env.Depends(modtable, "$MPFORGE_DIR/modtable.py")
    env.Depends([qstrdefs, modtable], "$MPFORGE_DIR/generated.py")
    env.MpfCountSteps(2)
    return [*qstrdefs, *modtable]


def generate(env):
    from SCons.Action import Action
    from SCons.Builder import Builder
    from SCons.Scanner import Scanner

    from mpforge import modtable

    # No include scan: the sources' headers include the generated ones. The module table
    # reads its sources as text; the qstr pool preprocesses them, and _generate makes it
    # depend on the headers beside them and on config.h instead.
    as_text = Scanner(function=lambda node, env, path: [], name="MpfTextScanner")
    env["BUILDERS"]["QstrDefs"] = Builder(
        action=Action(
            _qstr_action, "QSTR $TARGET", varlist=["CC", "CCFLAGS", "CFLAGS", "CPPDEFINES"]
        ),
        source_scanner=as_text,
    )
    env["BUILDERS"]["ModuleTable"] = Builder(
        action=Action(_action(modtable.generate), "MODULES $TARGET"), source_scanner=as_text
    )
    env.AddMethod(_generate, "MpfGenerate")


def exists(env):
    return True
