"""Interrupts at many different instants on the CPU-level machines (`--stress SEED`,
mpforge/cpu/core.py): service points at seeded random blocks and a virtual clock stepping at
each, so the tick and other timer interrupts land all over a frozen program that checks its
own arithmetic. A wrong result anywhere prints FAIL: an interrupt that does not leave the
interrupted code's state exactly as it was (flags, registers, PC) shows up as one. Seen once
under load as "sum of squares 1..10 = 285" on feather_m0, whose LTO image has no poll hook
left (a service point at every block): exception return did not restore the flags (seeds 1
and 2 fail without the fix). The same program in QEMU on a Cortex-M0 (the micro:bit), whose
exception model is QEMU's own, is the control: it passes there."""

from __future__ import annotations

import functools
import os
import textwrap
from pathlib import Path

import pytest
from boards import build_firmware, semihosting_fragment
from emulator import boot, qemu_command

from mpforge import paths
from mpforge.runners.cpu import CpuRunner

# Each result computed two ways (a loop and a closed form, a division and its product, two
# sorts, a big-integer round trip); the program's own sums say how many checks ran.
STRESS_APP = textwrap.dedent(
    """\
    fails = 0
    checks = 0


    def check(what, got, want):
        global fails, checks
        checks += 1
        if got != want:
            fails += 1
            print("FAIL", what, got, want)


    for rnd in range(ROUNDS):
        for n in range(1, 30):
            total = 0
            for i in range(1, n + 1):
                total += i * i
            check("squares", total, n * (n + 1) * (2 * n + 1) // 6)
            for d in (3, 7, n):
                q, r = divmod(total * 1000 + n, d)
                check("divmod", q * d + r == total * 1000 + n and 0 <= r < d, True)
            count = 0
            j = n
            while j > 0:
                j -= 1
                count += 1
            check("while", count, n)
            check("compare", (n < 15) + (n > 15) + (n == 15), 1)
        xs = [(k * 7919 + rnd) % 101 for k in range(50)]
        check("sorted", sorted(xs), sorted(xs, reverse=True)[::-1])
        check("max", max(xs), sorted(xs)[-1])
        check("big", (1 << 40) + rnd - (1 << 40), rnd)
    print("stress done", checks, "checks", fails, "failures")
    """
)
ROUNDS = 2
CHECKS = ROUNDS * (29 * 6 + 3)

# board: the config line that makes its run end with the status of main.py
BOARDS = {
    "feather_m0": "CONFIG_SEMIHOSTING_EXIT=y\n",
    "nrf52840dk": "CONFIG_SEMIHOSTING_EXIT=y\n",
    "esp32c3_devkitm": "CONFIG_ESP32C3_RUNNER_EXIT=y\n",
    "microbit": "CONFIG_SEMIHOSTING_EXIT=y\n",  # in QEMU: the control
}
# (board, seed): two seeds on the ARMv6-M board, where the bug showed (both fail without the
# fix), one on the others (a few seconds each).
CASES = (("feather_m0", 1), ("feather_m0", 2), ("nrf52840dk", 1), ("esp32c3_devkitm", 1))


def exit_fragment(board: str) -> Path:
    if BOARDS[board] == "CONFIG_SEMIHOSTING_EXIT=y\n":
        return semihosting_fragment()
    path = paths.ROOT / "build" / f"test_cpu_stress_{board}.conf"
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f"{path.name}.{os.getpid()}")
    tmp.write_text(BOARDS[board])
    os.replace(tmp, path)
    return path


def stress_app() -> Path:
    """The program as an app, at one path for every worker (written atomically): a second
    build of a board finds its image up to date rather than rewriting it under a run."""
    app = paths.ROOT / "build" / "test_cpu_stress_app"
    app.mkdir(parents=True, exist_ok=True)
    tmp = app / f"main.py.{os.getpid()}"
    tmp.write_text(STRESS_APP.replace("ROUNDS", str(ROUNDS)))
    os.replace(tmp, app / "main.py")
    return app


@functools.cache
def stress_build(board: str) -> Path:
    """The board built with the stress program (once per board and worker)."""
    return build_firmware(board, "stress", (exit_fragment(board),), app=stress_app())[0]


@pytest.mark.parametrize(("board", "seed"), CASES)
def test_interrupts_at_random_instants_change_no_result(board: str, seed: int) -> None:
    build_dir = stress_build(board)
    command = CpuRunner(build_dir).command(["--batch", "--stress", str(seed)])
    result = boot(command, timeout=300)
    out = result.transcript.replace("\r\n", "\n")
    fails = [line for line in out.splitlines() if line.startswith("FAIL")]
    assert not fails, f"seed {seed}: " + "\n".join(fails[:10])
    assert f"stress done {CHECKS} checks 0 failures" in out, out[-2000:]
    assert result.status == 0, out[-2000:]


def test_the_program_passes_in_qemu_on_a_cortex_m0() -> None:
    build_dir = stress_build("microbit")
    result = boot(qemu_command(build_dir), timeout=120)
    out = result.transcript.replace("\r\n", "\n")
    assert f"stress done {CHECKS} checks 0 failures" in out, out[-2000:]
    assert result.status == 0, out[-2000:]
