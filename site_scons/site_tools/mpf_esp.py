"""SCons tool: the Espressif ports' linker script and images (mpforge.images.esp).

env.MpfEspLinkerScript(template, fields) -> $GEN_DIR/firmware.ld, the template's
${...} fields filled from `fields` (a dict the port's SConscript reads from the config).
env.MpfEspImages(elf, chip, flash_size, layout, merged, flash_sections) -> the size
report, the ESP image(s) of `layout` (esptool elf2image, each checked by esptool
image-info: chip ID, checksum, SHA-256), `flash_args` and, with `merged`,
firmware.esp-merged.bin. With `flash_sections` (the ESP32-C3's execute-in-place part),
the image at 0x0 is made from the ELF without them and the layout's second file is
their raw bytes (objcopy -O binary), to be mapped by the firmware's own start-up.
"""

import json

from SCons.Action import Action


class _LinkerScriptAction:
    def __init__(self, fields):
        self.fields = fields

    def __call__(self, target, source, env):
        import string
        from pathlib import Path

        from mpforge.errors import MpforgeError
        from mpforge.scons_frontend import reported

        text = Path(source[0].abspath).read_text(encoding="utf-8")
        try:
            out = string.Template(text).substitute(self.fields)
        except KeyError as e:
            known = ", ".join(sorted(self.fields))
            return reported(
                MpforgeError(f"{source[0]}: unknown field ${{{e.args[0]}}}; known: {known}")
            )
        except ValueError as e:
            return reported(MpforgeError(f"{source[0]}: {e} (write a literal $ as $$)"))
        Path(target[0].abspath).write_text(out, encoding="utf-8")
        return 0


def _linker_script(env, template, fields):
    target = env["GEN_DIR"].File("firmware.ld")
    value = env.Value(json.dumps(fields, sort_keys=True))
    env.MpfCountSteps()
    return env.Command(
        target, [env.File(template), value], Action(_LinkerScriptAction(fields), "GEN $TARGET")
    )


class _EspImageAction:
    """elf2image, image-info check, flash_args, the merged image and the size report."""

    def __init__(self, board, chip, flash_size, ram_size, layout, merged, flash_sections=()):
        self.flash_sections = flash_sections
        self.board = board
        self.chip = chip
        self.flash_size = flash_size
        self.ram_size = ram_size
        self.layout = layout  # ((offset, name), ...): the images elf2image writes
        self.merged = merged

    def __call__(self, target, source, env):
        from pathlib import Path

        from mpforge.errors import MpforgeError
        from mpforge.images import elf as elfreader
        from mpforge.images import esp
        from mpforge.images.size import check_fits, report
        from mpforge.scons_frontend import reported

        elf = Path(source[0].abspath)
        directory = elf.parent
        size_mb = f"{self.flash_size // (1024 * 1024)}MB"
        layout = esp.FlashLayout(tuple(self.layout))
        try:
            parsed = elfreader.read(elf)
            rep = report(parsed, self.flash_size, self.ram_size)
            check_fits(parsed, rep, self.board)
            if self.chip == "esp8266":
                # v1: elf2image takes a prefix and writes <prefix>0x00000.bin (the image the
                # ROM loads) and <prefix>0x10000.bin (the flash-mapped code).
                esp.elf2image(self.chip, elf, directory / "firmware.esp-", "dio", size_mb)
                (directory / "firmware.esp-0x00000.bin").replace(directory / "firmware.esp.bin")
            elif self.flash_sections:
                esp.split_execute_in_place(
                    env.subst("$OBJCOPY"), elf, self.flash_sections, layout, self.flash_size
                )
                esp.elf2image(
                    self.chip, esp.ram_elf(elf), directory / "firmware.esp.bin", "dio", size_mb
                )
                esp.check_layout(layout, directory)
            else:
                esp.elf2image(self.chip, elf, directory / "firmware.esp.bin", "dio", size_mb)
            # The ESP8266's second file and the ESP32-C3's execute-in-place part are raw
            # flash-mapped bytes, not images.
            raw = self.chip == "esp8266" or self.flash_sections
            checked = layout.parts[:1] if raw else layout.parts
            for _offset, name in checked:
                esp.check_image(self.chip, directory / name)
            (directory / "flash_args").write_text(layout.flash_args(), encoding="utf-8")
            if self.merged:
                esp.merge(
                    self.chip, layout, directory, directory / "firmware.esp-merged.bin", size_mb
                )
        except MpforgeError as e:
            return reported(e)
        text = rep.summary(self.board)
        (directory / "firmware.size").write_text(text + "\n", encoding="utf-8")
        print(text)
        return 0


def _images(env, elf, board, chip, flash_size, ram_size, layout, merged=False, flash_sections=()):
    elf = env.arg2nodes(elf, env.File)[0]
    directory = elf.dir
    names = [name for _offset, name in layout] + ["flash_args", "firmware.size"]
    if flash_sections:
        names.append("firmware-ram.elf")
    if merged:
        names.append("firmware.esp-merged.bin")
    action = Action(
        _EspImageAction(
            board, chip, flash_size, ram_size, tuple(layout), merged, tuple(flash_sections)
        ),
        "ESPIMAGE $TARGET",
    )
    outputs = env.Command([directory.File(n) for n in names], elf, action)
    env.Depends(outputs, env.Glob("$MPFORGE_DIR/images/*.py"))
    env.MpfCountSteps()
    return [elf, *outputs]


def generate(env):
    env.AddMethod(_linker_script, "MpfEspLinkerScript")
    env.AddMethod(_images, "MpfEspImages")


def exists(env):
    return True
