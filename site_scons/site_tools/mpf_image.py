"""SCons tool: the GENERATE step for a linker script, the link, and the LINK outputs.

env.MpfLinkerScript(template, prefix) -> $GEN_DIR/firmware.ld, from mpforge.ldscript
(rebuilt when the template or the memory map changes).
env.MpfProgram(target, objects, board, flash_size, ram_size) -> the ELF, linked as
env.Program does; when ld reports that flash or RAM overflowed, the link is redone
into a scratch file to name the overshoot and the largest contributors.
env.MpfImages(elf, board, flash_size, ram_size) -> firmware.size (the size report,
checked against the flash), firmware.bin ($OBJCOPY -O binary), firmware.hex and
firmware.dfu (mpforge.images), all beside the ELF; returns the ELF and the three
images. An image larger than flash stops the build there.
"""

import json

# SCons.Action.Action, not env.Action: the environment method substitutes $TARGET and
# $SOURCE when the action is created, leaving them empty.
from SCons.Action import Action


def _linker_script(env, template, view, prefix):
    from mpforge.errors import MpforgeError
    from mpforge.ldscript import generate as generate_ldscript
    from mpforge.ldscript import memory_map

    try:
        key = memory_map(view, prefix).fields()
    except MpforgeError:
        key = {}  # reported by the action, where SCons stops with it

    def action(target, source, env):
        from pathlib import Path

        try:
            generate_ldscript(view, prefix, Path(source[0].abspath), Path(target[0].abspath))
        except MpforgeError as e:
            print(f"error: {e.message}")
            return 1
        return 0

    target = env["GEN_DIR"].File("firmware.ld")
    value = env.Value(json.dumps(key, sort_keys=True))
    env.MpfCountSteps()
    return env.Command(target, [env.File(template), value], Action(action, "GEN $TARGET"))


def _program(env, target, objects, board, flash_size, ram_size):
    import os
    import subprocess
    import sys
    from pathlib import Path

    from mpforge.images import elf as elfreader
    from mpforge.images.size import ld_overflow, overflow_error, report

    env["MPF_PLAIN_LINKCOM"] = env["LINKCOM"]
    sizes = {"FLASH": ("flash", flash_size), "RAM": ("RAM", ram_size)}

    def explain(args, out_path):
        # Relink with --noinhibit-exec (ld then writes the ELF despite the overflow)
        # into a scratch file, only to measure it.
        scratch = out_path + ".overflow"
        if "-o" not in args:
            return
        at = args.index("-o") + 1
        args = [*args[:at], scratch, *args[at + 1 :], "-Wl,--noinhibit-exec"]
        subprocess.run(args, env=env["ENV"], capture_output=True, check=False)
        if not os.path.exists(scratch):
            return
        try:
            parsed = elfreader.read(Path(scratch))
            rep = report(parsed, flash_size, ram_size)
        finally:
            os.remove(scratch)
        for region, used in (("flash", rep.flash_used), ("RAM", rep.ram_used)):
            size = flash_size if region == "flash" else ram_size
            if used > size:
                print(f"error: {overflow_error(parsed, board, region, used, size).message}")

    def link(target, source, env):
        args = [
            str(a) for a in env.subst_list("$MPF_PLAIN_LINKCOM", target=target, source=source)[0]
        ]
        proc = subprocess.run(args, env=env["ENV"], capture_output=True, text=True, check=False)
        sys.stdout.write(proc.stdout)
        sys.stderr.write(proc.stderr)
        if proc.returncode != 0 and set(ld_overflow(proc.stderr)) & set(sizes):
            explain(args, target[0].abspath)
        return proc.returncode

    cmdstr = "$LINKCOMSTR" if env.get("LINKCOMSTR") else "$MPF_PLAIN_LINKCOM"
    return env.Program(target, objects, LINKCOM=Action(link, cmdstr))


def _images(env, elf, board, flash_size, ram_size):
    from pathlib import Path

    from mpforge.errors import MpforgeError
    from mpforge.images import dfuse, ihex
    from mpforge.images import elf as elfreader
    from mpforge.images.size import check_fits, report

    elf = env.arg2nodes(elf, env.File)[0]
    stem = elf.abspath[: -len(".elf")]

    def size_action(target, source, env):
        parsed = elfreader.read(Path(source[0].abspath))
        rep = report(parsed, flash_size, ram_size)
        try:
            check_fits(parsed, rep, board)
        except MpforgeError as e:
            print(f"error: {e.message}")
            return 1
        text = rep.summary(board)
        Path(target[0].abspath).write_text(text + "\n", encoding="utf-8")
        print(text)
        return 0

    def hex_action(target, source, env):
        parsed = elfreader.read(Path(source[0].abspath))
        ihex.write(elfreader.merged(parsed.segments), Path(target[0].abspath))
        return 0

    def dfu_action(target, source, env):
        parsed = elfreader.read(Path(source[0].abspath))
        dfuse.write(elfreader.merged(parsed.segments), Path(target[0].abspath))
        return 0

    size = env.Command(stem + ".size", elf, Action(size_action, "SIZE $SOURCE"))
    outputs = [
        env.Command(
            stem + ".bin", elf, Action("$OBJCOPY -O binary $SOURCE $TARGET", "BIN $TARGET")
        ),
        env.Command(stem + ".hex", elf, Action(hex_action, "HEX $TARGET")),
        env.Command(stem + ".dfu", elf, Action(dfu_action, "DFU $TARGET")),
    ]
    for node in outputs:
        env.Depends(node, size)  # no image of an ELF that does not fit
    env.MpfCountSteps(1 + len(outputs))
    return [elf] + [n[0] for n in outputs]


def generate(env):
    env.AddMethod(_linker_script, "MpfLinkerScript")
    env.AddMethod(_program, "MpfProgram")
    env.AddMethod(_images, "MpfImages")


def exists(env):
    return True
