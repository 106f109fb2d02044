"""Interrupts at many different instants on the CPU-level machines (`--stress SEED`,
mpforge/cpu/core.py): service points at seeded random hits of the poll hook (at every block
when LTO inlined it away) and a virtual clock stepping at each, so the tick and other timer
interrupts land all over a frozen program that checks its own arithmetic. A wrong result
anywhere prints FAIL: an interrupt that does not leave the interrupted code's state exactly
as it was (flags, registers, PC) shows up as one. Seen once under load as "sum of squares
1..10 = 285" on feather_m0."""

from __future__ import annotations

import os
import textwrap
from pathlib import Path

import pytest
from boards import build_firmware, semihosting_fragment
from emulator import boot

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
}
SEEDS = (1, 2)


def exit_fragment(board: str) -> Path:
    if BOARDS[board] == "CONFIG_SEMIHOSTING_EXIT=y\n":
        return semihosting_fragment()
    path = paths.ROOT / "build" / f"test_cpu_stress_{board}.conf"
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f"{path.name}.{os.getpid()}")
    tmp.write_text(BOARDS[board])
    os.replace(tmp, path)
    return path


@pytest.fixture(scope="module", params=sorted(BOARDS))
def stress_build(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    board = request.param
    app = tmp_path_factory.mktemp(f"stress_{board}")
    (app / "main.py").write_text(STRESS_APP.replace("ROUNDS", str(ROUNDS)))
    return build_firmware(board, "stress", (exit_fragment(board),), app=app)[0]


@pytest.mark.parametrize("seed", SEEDS)
def test_interrupts_at_random_instants_change_no_result(stress_build: Path, seed: int) -> None:
    command = CpuRunner(stress_build).command(["--batch", "--stress", str(seed)])
    result = boot(command, timeout=300)
    out = result.transcript.replace("\r\n", "\n")
    fails = [line for line in out.splitlines() if line.startswith("FAIL")]
    assert not fails, f"seed {seed}: " + "\n".join(fails[:10])
    assert f"stress done {CHECKS} checks 0 failures" in out, out[-2000:]
    assert result.status == 0, out[-2000:]
