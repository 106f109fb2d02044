"""SCons tool: env.MpfFreeze(frozen_set) -> gen/frozen.c, the FREEZE stage as a builder.

The action runs mpforge.frozen.freeze.freeze (mpy-cross with its content
cache, the import check, the C emitter). Its dependencies are every module
source, every manifest and package.yml read, the GENERATE stage's data
(the core's qstr pool and builtin modules, mpforge/generated.py), and a Value
holding the module list and compile settings, so adding, removing or editing
a module (or a setting) re-freezes, and nothing else does.
"""

import json
from pathlib import Path


class _FreezeAction:
    """The builder's action. A callable object, not a closure: SCons signs an action by its
    code, and a closure's captured objects would make the signature change every run
    (what the action depends on is in the builder's Value source instead)."""

    def __init__(self, frozen_set, view, small_int_bits):
        self.args = (frozen_set, view, small_int_bits)

    def __call__(self, target, source, env):
        from mpforge.errors import MpforgeError
        from mpforge.frozen.freeze import freeze
        from mpforge.generated import Generated
        from mpforge.scons_frontend import reported

        try:
            generated = Generated.load(Path(env["GEN_DIR"].abspath))
            summary = freeze(*self.args, generated, Path(target[0].abspath))
        except MpforgeError as e:
            return reported(e)
        print(f"       {summary}")
        return 0


def _freeze(env, frozen_set, view, small_int_bits):
    from SCons.Action import Action

    from mpforge.frozen.freeze import settings_key

    target = env["GEN_DIR"].File("frozen.c")
    from mpforge.generated import MODULES_JSON, QSTR_POOL_JSON

    # the GENERATE stage's data (the qstr pool and builtin modules), not its C headers
    generated = [env["GEN_DIR"].File(QSTR_POOL_JSON), env["GEN_DIR"].File(MODULES_JSON)]
    action = _FreezeAction(frozen_set, view, small_int_bits)

    sources = [env.File(str(m.source)) for m in frozen_set.modules]
    sources += [env.File(str(p)) for p in frozen_set.inputs] + generated
    key = env.Value(json.dumps(settings_key(frozen_set, view, small_int_bits), sort_keys=True))
    node = env.Command(target, [*sources, key], Action(action, "FREEZE $TARGET"))
    # a changed freezer refreezes (SCons signs only the action's own code)
    env.Depends(node, [*env.Glob("$MPFORGE_DIR/frozen/*.py"), env.File("$MPFORGE_DIR/qstr.py")])
    env.MpfCountSteps()
    return node


def generate(env):
    env.AddMethod(_freeze, "MpfFreeze")


def exists(env):
    return True
