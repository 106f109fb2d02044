"""SCons tool: concise progress lines (`[12/80] CC py/vm.c`), full command lines when verbose.

Each builder gets a short *COMSTR; PRINT_CMD_LINE_FUNC numbers the lines
against the number of build steps the SConstruct declared in MPF_STEPS.
"""

import sys
import threading

_SHORT = {
    "CCCOMSTR": "CC $SOURCE",
    "ASCOMSTR": "AS $SOURCE",
    "ASPPCOMSTR": "AS $SOURCE",
    "LINKCOMSTR": "LINK $TARGET",
    "ARCOMSTR": "AR $TARGET",
    "RANLIBCOMSTR": "RANLIB $TARGET",
}


def generate(env, verbose=False):
    if not verbose:
        for var, text in _SHORT.items():
            env.SetDefault(**{var: text})
    lock = threading.Lock()
    count = [0]

    def print_line(s, target, source, env):
        with lock:
            count[0] += 1
            total = max(env.get("MPF_TOTAL_STEPS", 0), count[0])
            sys.stdout.write(f"[{count[0]}/{total}] {s}\n")
            sys.stdout.flush()

    env["PRINT_CMD_LINE_FUNC"] = print_line


def exists(env):
    return True
