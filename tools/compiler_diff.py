#!/usr/bin/env python3
"""Our compiler (`firmware --compile`) against the pinned mpy-cross on any set of .py files.

    tools/compiler_diff.py [--jobs N] [-O N] [--firmware PATH] [--report FILE] [--cpython] PATH...
    tools/compiler_diff.py --pypi SPEC... --cache DIR [PATH...]
    tools/compiler_diff.py --pypi-file SPECS.txt --cache DIR [PATH...]

Each PATH is a .py file or a directory searched for .py files. Every file is compiled by
mpy-cross and by the host firmware (many files per firmware process); where mpy-cross
succeeds the two .mpy files must be identical. The summary counts each outcome; the report
(stdout, or --report FILE) has one line per file that is not identical:

    identical     same bytes
    differ        both compiled it, the bytes differ
    ours-rejects  mpy-cross compiled it, our compiler raised (the error follows)
    ours-crash    our compiler died of a signal on it (the signal follows)
    ours-hang     our compiler did not finish within --timeout seconds
    ref-rejects   mpy-cross refused it, our compiler compiled it
    both-reject   both refused it (not a problem)

With --cpython, each file is compiled by this CPython too (`compile()`): each reported line and
a summary line per class add whether CPython accepts it. Which disagreements are bugs: a file
mpy-cross rejects and we accept, unless CPython accepts it too (and the README says so); one we
reject and mpy-cross accepts, unless CPython rejects it too; any that differ, crash or hang. The
mutants of tools/random_programs.py --mutate are made for this.

With --pypi, each requirement spec (`requests`, `attrs==25.3.0`, ...) is downloaded by pip
(no dependencies; a wheel, else the source archive) into --cache DIR and unpacked there once;
its .py files are compared as a tree named after the archive. A cache kept between runs
needs no network. --pypi-file reads the specs from a file (one a line); a spec pip cannot
download is skipped, remembered in the cache (`dl/SPEC.failed`) and not asked again.

tests/test_compiler.py runs its differential tests through `differential()`.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import warnings
from collections import Counter
from collections.abc import Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mpforge import mpycross, opcodes, paths  # noqa: E402

FIRMWARE = paths.default_build_dir("host") / "firmware"
# Files per firmware process (one command line).
BATCH = 64
OUTCOMES = (
    "identical",
    "differ",
    "ours-rejects",
    "ours-crash",
    "ours-hang",
    "ref-rejects",
    "both-reject",
)
# The outcomes that are disagreements with mpy-cross.
PROBLEMS = ("differ", "ours-rejects", "ours-crash", "ours-hang", "ref-rejects")


@dataclass
class Result:
    name: str
    outcome: str
    detail: str = ""


@dataclass
class Summary:
    opt: int
    results: list[Result] = field(default_factory=list)

    def counts(self) -> Counter[str]:
        return Counter(r.outcome for r in self.results)

    def problems(self) -> dict[str, Result]:
        return {r.name: r for r in self.results if r.outcome in PROBLEMS}

    def line(self) -> str:
        c = self.counts()
        compared = sum(
            c[k] for k in ("identical", "differ", "ours-rejects", "ours-crash", "ours-hang")
        )
        rest = ", ".join(f"{k} {c[k]}" for k in OUTCOMES[1:] if c[k])
        return (
            f"compiler differential -O{self.opt}: {c['identical']}/{compared} files identical "
            f"to mpy-cross" + (f" ({rest})" if rest else "")
        )


def _last_error(stderr: bytes) -> str:
    lines = [ln for ln in stderr.decode("utf-8", "replace").splitlines() if ln.strip()]
    return lines[-1].strip() if lines else ""


def run_ours(
    batch: Sequence[tuple[Path, Path, str]], opt: int, firmware: Path, timeout: float
) -> subprocess.CompletedProcess[bytes] | None:
    argv: list[str] = [str(firmware)]
    for src, out, name in batch:
        argv += ["--compile", str(src), "-o", str(out), "-s", name, "-O", str(opt)]
    try:
        return subprocess.run(argv, capture_output=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        return None


def compile_ours(
    jobs: Sequence[tuple[Path, Path, str]], opt: int, firmware: Path, timeout: float, workers: int
) -> dict[Path, str]:
    """Compile each (source, output, name); {output: failure} for the files without output:
    'rejects: ERROR', 'crash: SIGNAL' or 'hang'. A batch that crashed or hung is rerun file
    by file to find the file responsible."""
    failures: dict[Path, str] = {}

    def one_batch(batch: Sequence[tuple[Path, Path, str]]) -> None:
        proc = run_ours(batch, opt, firmware, timeout * len(batch))
        if proc is not None and proc.returncode in (0, 1):
            missing = [j for j in batch if not j[1].exists()]
            if len(missing) == 1:
                failures[missing[0][1]] = "rejects: " + _last_error(proc.stderr)
                return
            batch = missing
        for job in batch:
            if job[1].exists():
                continue
            alone = run_ours([job], opt, firmware, timeout)
            if alone is None:
                failures[job[1]] = "hang"
            elif alone.returncode < 0:
                failures[job[1]] = "crash: " + signal.Signals(-alone.returncode).name
            elif not job[1].exists():
                failures[job[1]] = "rejects: " + _last_error(alone.stderr)

    batches = [jobs[i : i + BATCH] for i in range(0, len(jobs), BATCH)]
    with ThreadPoolExecutor(max_workers=workers) as pool:
        list(pool.map(one_batch, batches))
    return failures


def compile_ref(src: Path, out: Path, name: str, opt: int, timeout: float) -> str | None:
    """None when mpy-cross compiled [src] to [out], else why it did not."""
    try:
        proc = subprocess.run(
            [mpycross.executable(), f"-O{opt}", "-s", name, "-o", str(out), str(src)],
            capture_output=True,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return "hang"
    if proc.returncode == 0 and out.exists():
        return None
    if proc.returncode < 0:
        return "crash: " + signal.Signals(-proc.returncode).name
    return _last_error(proc.stderr) or f"status {proc.returncode}"


def differential(
    files: Sequence[tuple[Path, str]],
    opt: int = 0,
    *,
    jobs: int = 2,
    firmware: Path = FIRMWARE,
    timeout: float = 60.0,
    workdir: Path | None = None,
) -> Summary:
    """Compile each (path, name) both ways (`name` for the report; its last part is the
    .mpy's source name, as -s gives it) and compare."""
    with tempfile.TemporaryDirectory(dir=workdir) as tmp:
        out = Path(tmp)
        work = [
            (src, out / f"{i}.ours", out / f"{i}.ref", Path(name).name, name)
            for i, (src, name) in enumerate(files)
        ]
        ours_failed = compile_ours(
            [(s, o, n) for s, o, _, n, _ in work], opt, firmware, timeout, jobs
        )
        with ThreadPoolExecutor(max_workers=jobs) as pool:
            ref = list(pool.map(lambda j: compile_ref(j[0], j[2], j[3], opt, timeout), work))
        summary = Summary(opt)
        for (_, ours, theirs, _, name), ref_error in zip(work, ref, strict=True):
            failed = ours_failed.get(ours)
            if ref_error is not None:
                if failed is None:
                    summary.results.append(Result(name, "ref-rejects", "mpy-cross: " + ref_error))
                else:
                    summary.results.append(Result(name, "both-reject", ref_error))
            elif failed is not None:
                kind, _, detail = failed.partition(": ")
                summary.results.append(Result(name, "ours-" + kind, detail))
            elif ours.read_bytes() != theirs.read_bytes():
                summary.results.append(Result(name, "differ"))
            else:
                summary.results.append(Result(name, "identical"))
    return summary


def _disasm(rc: object, qstrs: list[str]) -> list[str]:
    from mpforge.frozen.mpy import instructions, line_of

    table = opcodes.table()
    code = rc.fun_data[rc.code_offset :]  # type: ignore[attr-defined]
    ins = list(instructions(code))
    ends = [o for o, _, _ in ins[1:]] + [len(code)]
    out = []
    for (off, op, arg), end in zip(ins, ends, strict=True):
        name = table[op].name if op in table else f"0x{op:02x}"
        shown = f" {arg}" if arg is not None else ""
        if arg is not None and table[op].operand == "Q" and arg < len(qstrs):
            shown += f" ({qstrs[arg]})"
        line = line_of(rc, off)  # type: ignore[arg-type]
        out.append(f"L{line:<5} {off:5} {name}{shown}  [{code[off:end].hex()}]")
    return out


def explain(src: Path, opt: int = 0, firmware: Path = FIRMWARE) -> str:
    """Where our .mpy of [src] first departs from mpy-cross's: the field, or the code."""
    from mpforge.frozen.mpy import read_mpy, walk

    with tempfile.TemporaryDirectory() as tmp:
        ours, ref = Path(tmp) / "ours.mpy", Path(tmp) / "ref.mpy"
        proc = run_ours([(src, ours, src.name)], opt, firmware, 60)
        err = compile_ref(src, ref, src.name, opt, 60)
        if err is not None or not ours.exists():
            return f"mpy-cross: {err}; ours: {proc and _last_error(proc.stderr)}"
        if ours.read_bytes() == ref.read_bytes():
            return "identical"
        a, b = read_mpy(ours.read_bytes(), "ours"), read_mpy(ref.read_bytes(), "ref")
    for what, x, y in (("qstr table", a.qstrs, b.qstrs), ("constants", a.consts, b.consts)):
        if x != y:
            i = next((i for i, (p, q) in enumerate(zip(x, y, strict=False)) if p != q), None)
            i = min(len(x), len(y)) if i is None else i
            return f"{what} differ at {i}: ours {x[i : i + 3]} ref {y[i : i + 3]}"
    fields = (
        "n_state",
        "n_exc_stack",
        "scope_flags",
        "n_pos_args",
        "n_kwonly_args",
        "n_def_pos_args",
        "simple_name",
        "arg_names",
        "cells",
    )
    for x, y in zip(walk(a.root), walk(b.root), strict=False):
        name = a.qstrs[x.simple_name] if x.simple_name < len(a.qstrs) else x.simple_name
        for f in fields:
            if getattr(x, f) != getattr(y, f):
                return f"{name}: {f} ours {getattr(x, f)} ref {getattr(y, f)}"
        if len(x.children) != len(y.children):
            return f"{name}: ours {len(x.children)} children, ref {len(y.children)}"
        if x.fun_data[x.code_offset :] != y.fun_data[y.code_offset :]:
            da, db = _disasm(x, a.qstrs), _disasm(y, b.qstrs)
            i = next(
                (i for i, (p, q) in enumerate(zip(da, db, strict=False)) if p != q),
                min(len(da), len(db)),
            )
            lo = max(0, i - 4)
            rows = [f"{name}: code differs at instruction {i}", "  ours:"]
            rows += ["    " + r for r in da[lo : i + 5]]
            rows += ["  mpy-cross:"] + ["    " + r for r in db[lo : i + 5]]
            return "\n".join(rows)
        if x.line_info != y.line_info:
            da, db = _disasm(x, a.qstrs), _disasm(y, b.qstrs)
            i = next((i for i, (p, q) in enumerate(zip(da, db, strict=False)) if p != q), None)
            lo = max(0, (i or 0) - 3)
            rows = [f"{name}: line table differs at instruction {i}", "  ours:"]
            rows += ["    " + r for r in da[lo : (i or 0) + 4]]
            rows += ["  mpy-cross:"] + ["    " + r for r in db[lo : (i or 0) + 4]]
            return "\n".join(rows)
    return "no difference found in the decoded fields (header or layout?)"


def find_sources(roots: Iterable[Path], named: bool = False) -> list[tuple[Path, str]]:
    """(path, name relative to its root; [named]: with the root's own name first) of every
    .py file under [roots], sorted."""
    found: list[tuple[Path, str]] = []
    for root in roots:
        if root.is_file():
            found.append((root, str(root)))
            continue
        for path in sorted(root.rglob("*.py")):
            if "__pycache__" in path.parts or not path.is_file():
                continue
            found.append((path, str(path.relative_to(root.parent if named else root))))
    return found


def cpython_accepts(src: Path) -> bool:
    """Whether this CPython compiles [src] (a SyntaxError, a NUL byte's ValueError, a
    RecursionError or MemoryError: it does not)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            compile(src.read_bytes(), str(src), "exec", dont_inherit=True)
        except (SyntaxError, ValueError, RecursionError, MemoryError, OverflowError):
            return False
    return True


def read_specs(path: Path) -> list[str]:
    """The requirement specs of a spec file: one a line; blank lines and `#` comments skipped."""
    text = path.read_text(encoding="utf-8")
    return [ln.split("#", 1)[0].strip() for ln in text.splitlines() if ln.split("#", 1)[0].strip()]


def fetch_pypi(specs: Sequence[str], cache: Path) -> list[Path]:
    """Each requirement spec downloaded by pip into [cache]/dl/SPEC (once) and unpacked
    into [cache]/src/ARCHIVE (once); the unpacked trees. A spec pip cannot download (none
    such, or a source archive with neither setup.py nor pyproject.toml, as old micropython-lib
    uploads are) is skipped: its [cache]/dl/SPEC.failed keeps pip's reason, and a later run
    skips it without asking again (delete the file to retry). Ends with one line: how many
    specs gave trees and how many were skipped."""
    roots: list[Path] = []
    failed = 0
    for spec in specs:
        dl = cache / "dl" / re.sub(r"[^A-Za-z0-9_.+-]+", "_", spec)
        memo = dl.with_name(dl.name + ".failed")
        if memo.exists():
            print(f"error: {spec}: skipped: {memo.read_text(encoding='utf-8').strip()} ({memo})")
            failed += 1
            continue
        if not dl.is_dir() or not any(dl.iterdir()):
            dl.mkdir(parents=True, exist_ok=True)
            argv = [sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", str(dl), spec]
            proc = subprocess.run(argv, capture_output=True, text=True, check=False)
            if proc.returncode != 0:
                # the other specs are still compared
                errors = [ln for ln in proc.stderr.splitlines() if ln.startswith("ERROR")]
                why = errors[-1] if errors else _last_error(proc.stderr.encode())
                why = re.sub(r"\S+://\S+", "(its archive)", why)
                memo.write_text(why + "\n", encoding="utf-8")
                print(f"error: {spec}: pip download failed: {why}; skipped")
                shutil.rmtree(dl, ignore_errors=True)
                failed += 1
                continue
        for archive in sorted(dl.iterdir()):
            tree = cache / "src" / archive.name
            if not tree.is_dir():
                work = tree.with_name(tree.name + ".part")
                shutil.rmtree(work, ignore_errors=True)
                # a wheel is a zip; a source archive .tar.gz, .zip, ...
                fmt = "zip" if archive.suffix == ".whl" else None
                shutil.unpack_archive(archive, work, fmt)
                work.rename(tree)
            roots.append(tree)
    print(f"pypi: {len(specs) - failed} of {len(specs)} specs unpacked, {failed} skipped")
    return roots


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        allow_abbrev=False,
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    ap.add_argument("paths", nargs="*", type=Path, help=".py files or directories")
    ap.add_argument("--pypi", nargs="+", default=[], metavar="SPEC", help="PyPI requirement specs")
    ap.add_argument(
        "--pypi-file",
        type=Path,
        action="append",
        default=[],
        metavar="FILE",
        help="more PyPI requirement specs, one a line (# comments)",
    )
    ap.add_argument("--cache", type=Path, help="where --pypi keeps its downloads and trees")
    ap.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 2)
    ap.add_argument("-O", dest="opt", type=int, default=0, choices=range(4))
    ap.add_argument("--firmware", type=Path, default=FIRMWARE)
    ap.add_argument("--timeout", type=float, default=60.0, help="seconds per file")
    ap.add_argument("--report", type=Path, help="write the per-file lines here")
    ap.add_argument("--all", action="store_true", help="report both-reject files too")
    ap.add_argument("--explain", action="store_true", help="show where each file first differs")
    ap.add_argument(
        "--cpython", action="store_true", help="also say whether CPython compiles each file"
    )
    args = ap.parse_args(argv)
    if not args.firmware.exists():
        ap.error(f"{args.firmware}: no such firmware (mpforge build -b host)")
    trees: list[Path] = []
    for path in args.pypi_file:
        try:
            args.pypi += read_specs(path)
        except (OSError, UnicodeDecodeError) as e:
            ap.error(f"{path}: cannot read the spec file ({e})")
    if args.pypi:
        if args.cache is None:
            ap.error("--pypi needs --cache DIR")
        trees = fetch_pypi(args.pypi, args.cache)
    elif not args.paths:
        ap.error("no PATH and no --pypi SPEC")
    if args.explain:
        sys.set_int_max_str_digits(0)  # a long int constant is read as text
        for path in args.paths:
            try:
                why = explain(path, args.opt, args.firmware)
            except ValueError as e:
                why = f"cannot decode: {str(e)[:200]}"
            print(f"== {path}\n{why}")
        return 0
    files = find_sources(args.paths) + find_sources(trees, named=True)
    summary = differential(
        files, args.opt, jobs=args.jobs, firmware=args.firmware, timeout=args.timeout
    )
    shown = PROBLEMS + (("both-reject",) if args.all else ())
    cpython: dict[str, str] = {}
    if args.cpython:
        paths = dict((name, path) for path, name in files)
        for r in summary.results:
            if r.outcome != "identical":
                ok = cpython_accepts(paths[r.name])
                cpython[r.name] = "(CPython accepts)" if ok else "(CPython rejects)"
    lines = [
        f"{r.outcome:13} {r.name}"
        + (f" {cpython[r.name]}" if r.name in cpython else "")
        + (f"  {r.detail}" if r.detail else "")
        for r in sorted(summary.results, key=lambda r: (OUTCOMES.index(r.outcome), r.name))
        if r.outcome in shown
    ]
    if args.report:
        args.report.write_text("".join(ln + "\n" for ln in lines), encoding="utf-8")
    else:
        for ln in lines:
            print(ln)
    if cpython:
        classes = Counter(
            f"{r.outcome} {cpython[r.name]}" for r in summary.results if r.name in cpython
        )
        for k in sorted(classes, key=lambda k: (OUTCOMES.index(k.split()[0]), k)):
            print(f"{classes[k]:7} {k}")
    print(summary.line())
    return 1 if summary.problems() else 0


if __name__ == "__main__":
    sys.exit(main())
