"""SCons tool: concise progress lines (`[12/80] CC py/vm.c`), full command lines when verbose.

Each builder gets a short *COMSTR; PRINT_CMD_LINE_FUNC numbers the steps that run
(their paths as the errors show them: relative to the user's working directory when
below it, mpforge/textfile.py show_paths)
against the steps of the build (MPF_TOTAL_STEPS, counted by the tools that declare them).
env.MpfProgressEnd() (the SConstruct's last line) makes the build end on its total:
`[80/80] build/host: 12 steps ran, 68 up to date`, or `build/host: up to date` when
nothing ran. The counter is green on a terminal (NO_COLOR turns it off).
"""

import atexit
import sys
import threading

from mpforge.colour import GREEN, paint
from mpforge.textfile import show_paths

COMPILATION_DB = "compile_commands.json"
_SHORT = {
    "CCCOMSTR": "CC $SOURCE",
    "ASCOMSTR": "AS $SOURCE",
    "ASPPCOMSTR": "AS $SOURCE",
    "LINKCOMSTR": "LINK $TARGET",
    "ARCOMSTR": "AR $TARGET",
    "RANLIBCOMSTR": "RANLIB $TARGET",
}


def generate(env, verbose=False):
    from mpforge.scons_frontend import build_interrupted, quiet_reported_failures

    quiet_reported_failures()  # an `error:` line of a step is the build's last word
    if not verbose:
        for var, text in _SHORT.items():
            env.SetDefault(**{var: text})
    lock = threading.Lock()
    count = [0]

    def print_line(s, target, source, env):
        if any(str(t).endswith(COMPILATION_DB) for t in target):
            return  # rewritten on every run (for editors): not a step of the build
        with lock:
            count[0] += 1
            total = max(env.get("MPF_TOTAL_STEPS", 0), count[0])
            counter = paint(f"[{count[0]}/{total}]", GREEN, sys.stdout)
            # a verbose command line stays as run (in the tree), to be pasted back
            sys.stdout.write(f"{counter} {s if verbose else show_paths(s)}\n")
            sys.stdout.flush()

    def end(where):
        from SCons.Script import GetBuildFailures

        where = show_paths(where)
        if GetBuildFailures() or build_interrupted():
            return  # the failing step said what went wrong; Ctrl-C: `mpforge build` says it
        ran = count[0]
        total = max(env.get("MPF_TOTAL_STEPS", 0), ran)
        if ran == 0:
            sys.stdout.write(f"{where}: up to date\n")
        else:
            counter = paint(f"[{total}/{total}]", GREEN, sys.stdout)
            sys.stdout.write(f"{counter} {where}: {ran} steps ran, {total - ran} up to date\n")
        sys.stdout.flush()

    env["PRINT_CMD_LINE_FUNC"] = print_line
    env.AddMethod(lambda env, where: atexit.register(end, where), "MpfProgressEnd")


def exists(env):
    return True
