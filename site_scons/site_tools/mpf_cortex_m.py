"""SCons tool: the shared Cortex-M layer (ports/cortex_m/) for a port's SConscript.

env.Tool("mpf_cortex_m", cfg=cfg) sets up arm-none-eabi-gcc with the chip's CPU and
FPU flags (mpforge.cortex_m), the optimisation level and the link flags, and the
linker script (the port's own ldscript.ld.in if it has one, else the layer's).
env.MpfCortexMFirmware(chip_sources, core_sources, python=True) compiles the layer,
the chip's sources and the core, links firmware.elf and writes the board's images;
it returns the ELF and the images. A port's SConscript is then its chip's file list.
"""

import os

from mpforge.cortex_m import cpu_flags, layer_sources, link_flags
from mpforge.images.formats import formats_for

LAYER_DIR = "#ports/cortex_m"

# CONFIG_CORTEX_M_SIZE_FLAGS: each measured on netduinoplus2 with minimal.conf and LTO
# (GCC 12.2; -Oz generates the same code as -Os there): points-to analysis across
# functions (-172 B), no loop transformations (-128 B), no loop-invariant motion (-120 B),
# less inlining of functions not declared inline (-64 B), no partial inlining (-60 B).
# Then, each alone on top of those: no if-conversion to conditional (IT-block) code
# (-148 B), no "expensive" optimisations (-96 B), no second scheduling pass (-64 B), no
# tail merging of the tree optimisers (-48 B), no loop header copying (-24 B), no
# straight-line strength reduction (-20 B), no shrink-wrapping (-12 B), no modref
# analysis (-8 B), no caller-saved registers across calls (-4 B): together -424 B
# (53,688 -> 53,264; tiny 42,360 -> 42,128). Later: no loop-invariant motion of the tree
# optimisers either (-fno-tree-loop-im, -24 B on 48,464). Later still, on 46,156: no
# guessed branch probabilities (-fno-guess-branch-probability, -36 B), no hoisting by
# register pressure (-fno-ira-hoist-pressure, -20 B), no auto-increment addressing
# (-fno-auto-inc-dec, -20 B): together -76 B (tiny 36,728 -> 36,668). On 45,432: a jump
# table for a switch from 5 case values (--param=case-values-threshold=5, -32 B; 4, the
# default here, 6 -24 B, 7 -24 B, 10 and 12 +0 B, 16 +12 B).
# Tried and left out (no gain or larger): -Oz, -fshort-enums, -fno-inline-small-functions,
# -finline-limit=0, --param=early-inlining-insns=0, -fno-ipa-cp-clone, -fno-ipa-vrp,
# -fno-ipa-bit-cp, -fno-ipa-icf, -fno-ipa-cp with -fno-ipa-sra, -fno-jump-tables,
# -fno-tree-switch-conversion, -mslow-flash-data, -fno-thread-jumps, -fno-tree-pre,
# -fno-code-hoisting, -fno-split-paths, -fno-tree-dominator-opts, -fno-gcse, -fno-tree-vrp,
# -fno-inline-functions-called-once, -fno-early-inlining, -fno-ssa-phiopt, -fno-tree-sink,
# -fno-optimize-sibling-calls, -fno-ivopts, -fno-reorder-blocks, -fno-if-conversion2,
# -fno-ree, -fno-store-merging, -fno-peephole2, -fno-ipa-ra, -fno-cse-follow-jumps,
# -fno-rerun-cse-after-loop, -fno-tree-forwprop, -fno-ipa-pure-const, -fira-region=one,
# -fira-algorithm=priority, -fno-combine-stack-adjustments, -fno-split-wide-types;
# -fno-section-anchors (-72 B) gives the static variables no symbol type (NOTYPE, not
# OBJECT), which the size report and the static-RAM check read.
SIZE_FLAGS = (
    "-fipa-pta",
    "-fno-tree-loop-optimize",
    "-fno-move-loop-invariants",
    "--param=max-inline-insns-auto=4",
    "-fno-partial-inlining",
    "-fno-if-conversion",
    "-fno-expensive-optimizations",
    "-fno-schedule-insns2",
    "-fno-tree-tail-merge",
    "-fno-tree-ch",
    "-fno-tree-slsr",
    "-fno-shrink-wrap",
    "-fno-ipa-modref",
    "-fno-caller-saves",
    "-fno-tree-loop-im",
    "-fno-guess-branch-probability",
    "-fno-ira-hoist-pressure",
    "-fno-auto-inc-dec",
    "--param=case-values-threshold=5",
)


def _firmware(env, chip_sources, core_sources=(), python=True):
    cfg = env["MPF_CFG"]
    names = layer_sources(
        cfg.enabled("CORTEX_M_SYSTICK"), python, cfg.enabled("CORTEX_M_SMALL_STRING")
    )
    layer = [env.File(f"#ports/{name}") for name in names]
    if not cfg.enabled("CORTEX_M_MACHINE"):
        # The machine module (ports/shared/machine.c over the chip's machine_hal.h functions).
        chip_sources = [s for s in chip_sources if not str(s).endswith("machine.c")]
    sources = list(core_sources) + layer + [env.File(s) for s in chip_sources]
    if not python:
        env["MPF_GENERATED_SOURCES"] = []  # no core, so no frozen modules either
    mm = env["MPF_MEMORY"]
    sizes = (cfg.board, mm.flash_size, cfg.int("RAM_SIZE"))
    elf = env.MpfProgram("$BUILD_DIR/firmware.elf", env.MpfCompile(sources), *sizes)
    env.Depends(elf, env["MPF_LDSCRIPT"])
    images = env.MpfImages(elf, *sizes, formats_for(cfg))
    env.MpfCountSteps()
    return images


def generate(env, cfg):
    from mpforge.ldscript import memory_map

    env.Tool(
        "mpf_gcc", prefix="arm-none-eabi-", package="gcc-arm-none-eabi libnewlib-arm-none-eabi"
    )
    env.Tool("mpf_image")
    cpu, fpu = cfg.value("CORTEX_M_CPU"), cfg.value("CORTEX_M_FPU")
    env.Append(
        CCFLAGS=[*cpu_flags(cpu, fpu), cfg.value("CORTEX_M_OPT_LEVEL"), "-fno-common"],
        CPPPATH=[LAYER_DIR],
        LINKFLAGS=link_flags(cpu, fpu),
        LIBS=["m"],
    )
    if cfg.enabled("CORTEX_M_SIZE_FLAGS"):
        env.Append(CCFLAGS=list(SIZE_FLAGS))
    if cfg.enabled("LTO"):
        env.MpfLto()
    own = env.File("ldscript.ld.in")  # relative to the port's SConscript
    if not os.path.exists(own.srcnode().abspath):
        own = env.File(f"{LAYER_DIR}/ldscript.ld.in")
    env["MPF_MEMORY"] = memory_map(cfg, "CORTEX_M")  # an MpforgeError stops the SConstruct
    env["MPF_LDSCRIPT"] = env.MpfLinkerScript(own, cfg, "CORTEX_M")[0]
    env["MPF_CFG"] = cfg
    env.AddMethod(_firmware, "MpfCortexMFirmware")


def exists(env):
    return True
