"""The run-time qstr pool on a fragmented small heap: netduinoplus2 in QEMU (64 KB of GC
heap, the run-time qstr index off so that the pool alone grows) interns 400 new names after
its heap was cut into holes of about 1 KB with most of it free. The pool is a chain of
blocks of at most 64 entries (under 1 KB on 32 bits): it never needs a bigger hole, where a
pool doubled by moving needed one of 1.5 KB at 64 names and failed with plenty of memory
free."""

from __future__ import annotations

from pathlib import Path

from boards import build_firmware, semihosting_fragment
from emulator import boot, qemu_command

MAIN = """\
import gc
gc.collect()
keep = []
holes = []
try:
    while True:
        holes.append(bytearray(1000))
        keep.append(bytearray(16))
except MemoryError:
    pass
holes = None
gc.collect()
print('free', gc.mem_free() > 30000)
n = 0
try:
    for i in range(400):
        hasattr(0, 'interned_%d' % i)   # interns the name
        n += 1
except MemoryError:
    pass
print('interned', n)
print('found', hasattr(0, 'interned_%d' % (n - 1)), hasattr(0, 'interned_0'))
"""


def test_qstr_pool_grows_on_a_fragmented_heap(tmp_path: Path) -> None:
    app = tmp_path / "app"
    app.mkdir()
    (app / "main.py").write_text(MAIN)
    conf = tmp_path / "noindex.conf"
    conf.write_text("# CONFIG_QSTR_RUNTIME_INDEX is not set\n")
    build_dir, _ = build_firmware(
        "netduinoplus2", "qstr_fragmented", (semihosting_fragment(), conf), app=app
    )
    config = (build_dir / ".config").read_text()
    assert "CONFIG_HEAP_SIZE=65536" in config
    assert "# CONFIG_QSTR_RUNTIME_INDEX is not set" in config
    result = boot(qemu_command(build_dir), timeout=120)
    out = result.transcript.replace("\r\n", "\n")
    assert result.status == 0, out[-2000:]
    assert "free True\ninterned 400\nfound False False\n" in out, out[-2000:]
