"""SCons tool: the GENERATE step for a linker script, the link, and the LINK outputs.

env.MpfLinkerScript(template, prefix) -> $GEN_DIR/firmware.ld, from mpforge.ldscript
(rebuilt when the template or the memory map changes).
env.MpfProgram(target, objects, board, flash_size, ram_size) -> the ELF, linked as
env.Program does (mpforge.images.overflow: an overflow of flash or RAM names the
overshoot and the largest components).
env.MpfImages(elf, board, flash_size, ram_size, formats) -> firmware.size (the size
report, checked against the flash) and one file per image format the board produces
(mpforge.images.formats: firmware.bin, .hex, .dfu, .uf2, ...), all beside the ELF;
returns the ELF and the images. An image larger than flash stops the build there.
"""

import json

# SCons.Action.Action, not env.Action: the environment method substitutes $TARGET and
# $SOURCE when the action is created, leaving them empty.
from SCons.Action import Action

# The actions are callable objects, not closures: SCons signs an action by its code, and a
# closure's captured objects (the config, the environment) would change the signature on
# every run, relinking and rewriting the images of a no-op build. What an action depends
# on is in its attributes (part of the signature) or in its sources.


class _LinkerScriptAction:
    def __init__(self, view, prefix):
        self.view = view
        self.prefix = prefix

    def __call__(self, target, source, env):
        from pathlib import Path

        from mpforge.errors import MpforgeError
        from mpforge.ldscript import generate as generate_ldscript
        from mpforge.scons_frontend import reported

        try:
            generate_ldscript(
                self.view, self.prefix, Path(source[0].abspath), Path(target[0].abspath)
            )
        except MpforgeError as e:
            return reported(e)
        return 0


def _linker_script(env, template, view, prefix):
    from mpforge.errors import MpforgeError
    from mpforge.ldscript import memory_map

    try:
        key = memory_map(view, prefix).fields()
    except MpforgeError:
        key = {}  # reported by the action, where SCons stops with it

    target = env["GEN_DIR"].File("firmware.ld")
    value = env.Value(json.dumps(key, sort_keys=True))
    env.MpfCountSteps()
    action = Action(_LinkerScriptAction(view, prefix), "GEN $TARGET")
    node = env.Command(target, [env.File(template), value], action)
    env.Depends(node, "$MPFORGE_DIR/ldscript.py")  # a changed generator regenerates it
    return node


class _LinkAction:
    """Link as env.Program does; an overflow of flash or RAM is explained by
    mpforge.images.overflow (the largest components, then symbols)."""

    def __init__(self, board, flash_size, ram_size):
        self.board = board
        self.flash_size = flash_size
        self.ram_size = ram_size

    def __call__(self, target, source, env):
        from pathlib import Path

        from mpforge.errors import MpforgeError
        from mpforge.images.overflow import link
        from mpforge.scons_frontend import already_reported

        args = [
            str(a) for a in env.subst_list("$MPF_PLAIN_LINKCOM", target=target, source=source)[0]
        ]
        status = link(args, Path(target[0].abspath), env["ENV"], self.board)
        if isinstance(status, MpforgeError):
            return already_reported(status)
        return status


def _program(env, target, objects, board, flash_size, ram_size):
    env["MPF_PLAIN_LINKCOM"] = env["LINKCOM"]
    cmdstr = "$LINKCOMSTR" if env.get("LINKCOMSTR") else "$MPF_PLAIN_LINKCOM"
    # varlist: the link command line itself is part of the signature (flags, libraries)
    action = Action(_LinkAction(board, flash_size, ram_size), cmdstr, varlist=["MPF_PLAIN_LINKCOM"])
    return env.Program(target, objects, LINKCOM=action)


class _SizeAction:
    """Write the size report and stop the build when the image does not fit."""

    def __init__(self, board, flash_size, ram_size):
        self.board = board
        self.flash_size = flash_size
        self.ram_size = ram_size

    def __call__(self, target, source, env):
        from pathlib import Path

        from mpforge.errors import MpforgeError
        from mpforge.images import elf as elfreader
        from mpforge.images.size import check_fits, report
        from mpforge.scons_frontend import reported

        parsed = elfreader.read(Path(source[0].abspath))
        rep = report(parsed, self.flash_size, self.ram_size)
        try:
            check_fits(parsed, rep, self.board)
        except MpforgeError as e:
            return reported(e)
        text = rep.summary(self.board)
        Path(target[0].abspath).write_text(text + "\n", encoding="utf-8")
        print(text)
        return 0


class _ImageAction:
    """Write the ELF as an image in one format (mpforge.images.formats), e.g. "dfu"."""

    def __init__(self, fmt):
        self.fmt = fmt.name
        self.params = tuple(sorted(fmt.params().items()))

    def __call__(self, target, source, env):
        from pathlib import Path

        from mpforge.errors import MpforgeError
        from mpforge.images.formats import FORMATS
        from mpforge.scons_frontend import reported

        fmt = FORMATS[self.fmt](**dict(self.params))
        try:
            fmt.write(Path(source[0].abspath), Path(target[0].abspath))
        except MpforgeError as e:
            return reported(e)
        return 0


def _images(env, elf, board, flash_size, ram_size, formats):
    elf = env.arg2nodes(elf, env.File)[0]
    size_action = Action(_SizeAction(board, flash_size, ram_size), "SIZE $SOURCE")
    size = env.Command(elf.abspath[: -len(".elf")] + ".size", elf, size_action)
    outputs = [
        env.Command(
            elf.dir.File(fmt.filename),
            elf,
            Action(_ImageAction(fmt), f"{fmt.name.upper()} $TARGET"),
        )
        for fmt in formats
    ]
    writers = env.Glob("$MPFORGE_DIR/images/*.py")  # a changed writer rewrites the images
    env.Depends(size, writers)
    for node in outputs:
        env.Depends(node, [size, *writers])  # no image of an ELF that does not fit
    env.MpfCountSteps(1 + len(outputs))
    return [elf] + [n[0] for n in outputs]


def generate(env):
    env.AddMethod(_linker_script, "MpfLinkerScript")
    env.AddMethod(_program, "MpfProgram")
    env.AddMethod(_images, "MpfImages")


def exists(env):
    return True
