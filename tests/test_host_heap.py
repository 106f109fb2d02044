"""The host's heap at its smallest: the smallest CONFIG_HEAP_SIZE the configuration takes on the
host boots (a file, the frozen boot.py/main.py and the REPL at a terminal), the value below it
is refused at configuration time, `-X heapsize` goes as low, and a start-up that runs out of
heap anyway says so in one line naming the option to raise."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from boards import _fragment, build_firmware
from test_repl import HOST, PROMPT, after_prompt, host_prompt

from mpforge import paths

SMALLEST = 32768  # py/Kconfig's floor for a port with a filesystem (the host)
MPFORGE = Path(sys.executable).with_name("mpforge")
START = "import gc\ngc.collect()\nprint(gc.mem_alloc())\n"
OUT_OF_HEAP = (
    "fatal: the heap ran out outside any handler (at start-up): build with a larger HEAP_SIZE"
)


def _run(firmware: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(firmware), *args], capture_output=True, text=True, timeout=60, check=False
    )


def test_the_value_below_the_smallest_is_refused_at_configuration(tmp_path: Path) -> None:
    fragment = _fragment("heap_below_smallest", f"CONFIG_HEAP_SIZE={SMALLEST - 1}\n")
    proc = subprocess.run(
        [str(MPFORGE), "build", "-b", "host", "--build-dir", str(tmp_path / "b"), "-C",
         str(fragment)],
        capture_output=True, text=True, timeout=300, cwd=paths.ROOT, check=False,
    )  # fmt: skip
    assert proc.returncode != 0
    errors = [line for line in proc.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and "HEAP_SIZE" in errors[0], proc.stderr


def test_the_smallest_heap_boots_runs_and_gives_the_repl(tmp_path: Path) -> None:
    fragment = _fragment("heap_smallest", f"CONFIG_HEAP_SIZE={SMALLEST}\n")
    firmware = build_firmware("host", "heap_smallest", (fragment,))[0] / "firmware"
    script = tmp_path / "start.py"
    script.write_text(START)
    proc = _run(firmware, str(script))
    assert proc.returncode == 0, proc.stderr
    # what the start keeps: the frame stack (1/16 of the heap) and the modules' dicts
    assert int(proc.stdout) < SMALLEST // 3, proc.stdout
    boot = _run(firmware)
    assert boot.returncode == 0 and "sum of squares 1..10 = 385" in boot.stdout, boot
    with host_prompt(firmware) as emu:
        assert "\n42\n" in after_prompt(emu, "sum(range(7)) * 2\r").replace("\r\n", "\n")
        emu.send("[0] * 100000\r")
        assert "MemoryError" in emu.expect(PROMPT)


def test_x_heapsize_as_small_as_the_smallest_build(tmp_path: Path) -> None:
    """The frame stack follows the heap `-X heapsize` leaves (it took 32 KB of any heap of
    an 8 MB build, so 64K was the floor)."""
    script = tmp_path / "start.py"
    script.write_text(START)
    proc = _run(HOST, "-X", f"heapsize={SMALLEST // 1024}K", str(script))
    assert proc.returncode == 0, proc.stderr
    assert int(proc.stdout) < SMALLEST // 3, proc.stdout


def test_a_start_that_runs_out_of_heap_says_which_option_to_raise(tmp_path: Path) -> None:
    """sys.argv of 40 KB in a 32 KB heap: it fills before any handler is in place."""
    script = tmp_path / "start.py"
    script.write_text(START)
    args = ["x" * 40] * 1000
    proc = _run(HOST, "-X", f"heapsize={SMALLEST // 1024}K", str(script), *args)
    assert proc.returncode == 1
    assert proc.stderr.splitlines() == [OUT_OF_HEAP]
    assert proc.stdout == ""
