#!/usr/bin/env python3
"""Floats on the host firmware against CPython: repr, hash, formatting, round, parsing.

    tools/float_diff.py [--firmware PATH] [--seed S] [-n N] [--chunk C] [--show K] [CLASS...]

CLASS is any of repr, hash, format, round, parse (default: all). Each class draws N cases
from a seeded generator (random 64-bit patterns, and edge values: zeros, subnormals, the
powers of 2 and of 10, the largest and smallest doubles, halfway cases), writes them into
programs of C cases each (values passed exactly, as float.fromhex texts), runs every program
on CPython and on the firmware and compares the output line by line. It prints one line per
class, `CLASS: M mismatches of N`, and the first K mismatching cases (input, CPython, ours).
The exit status is 1 when any case differs.

    tools/float_diff.py --single FIRMWARE [-n N]

checks a FLOAT_SINGLE build instead: repr of random and edge 32-bit floats must be the
shortest text that reads back as the same 32-bit float, the nearest to it of those (worked
out exactly with fractions here), as CPython's repr is for doubles; format()/%-formatting
of a float32 must give CPython's digits of the same exact value, round(x, n) and float(s)
the float32 nearest the exact decimal (ties to even).

tests/test_float_exact.py runs a fixed-seed sample of every class.
"""

from __future__ import annotations

import argparse
import random
import struct
import subprocess
import sys
import tempfile
from fractions import Fraction
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CLASSES = ("repr", "hash", "format", "round", "parse")


def bits_to_float(b: int) -> float:
    return struct.unpack("<d", struct.pack("<Q", b))[0]


def edge_values() -> list[float]:
    """Zeros, subnormals, the extremes, and powers of 2 and 10 (and their neighbours)."""
    vals = [
        0.0,
        -0.0,
        5e-324,
        1e-323,
        2.2250738585072014e-308,
        2.225073858507201e-308,
        1.7976931348623157e308,
        0.1,
        0.5,
        1.0,
        1.5,
        2.675,
        9007199254740993.0,
    ]
    for e in range(-1074, 1024):
        p = 2.0**e
        vals += [p, -p, p * (1 + 2**-52)] if e > -1022 else [p]
    for e in range(-323, 309):
        p = float(f"1e{e}")
        vals += [p, -p]
    out = []
    for v in vals:
        out.append(v)
        b = struct.unpack("<Q", struct.pack("<d", abs(v)))[0]
        if 0 < b < 0x7FEFFFFFFFFFFFFF:
            out += [bits_to_float(b - 1), bits_to_float(b + 1)]
    return out


def random_double(r: random.Random) -> float:
    while True:
        x = bits_to_float(r.getrandbits(64))
        if x == x and abs(x) != float("inf"):
            return x


def moderate(r: random.Random) -> float:
    """A value of a size that programs print: mostly 1e-8..1e20, some short decimals."""
    k = r.random()
    if k < 0.3:
        return round(r.uniform(-1000, 1000), r.randint(0, 6))
    if k < 0.5:
        return r.randint(-(10**6), 10**6) / 2 ** r.randint(0, 12)  # exact binary halves
    if k < 0.9:
        return r.uniform(-1, 1) * 10.0 ** r.randint(-8, 20)
    return random_double(r)


def cases(cls: str, n: int, r: random.Random) -> list[str]:
    """The lines of a program's data: one Python expression per case."""
    out: list[str] = []
    if cls in ("repr", "hash"):
        vals = (
            edge_values() if cls == "repr" else [v for v in edge_values() if v == int(v)][: n // 4]
        )
        vals = vals[: n // 2] + [random_double(r) for _ in range(n - min(n // 2, len(vals)))]
        if cls == "hash":
            vals += [float(r.randint(-(2**70), 2**70)) for _ in range(n // 10)]
        return [repr(v.hex()) for v in vals]
    if cls == "format":
        for _ in range(n):
            k = r.random()
            x = moderate(r) if k < 0.7 else random_double(r)
            if k > 0.9:  # halfway-looking short decimals, and exact binary fractions
                x = r.choice(
                    (r.randint(0, 9999) + 0.5, r.randint(-9999, 9999) / 2 ** r.randint(1, 30))
                )
            t = r.choice(("e", "E", "f", "F", "g", "G", "%", "n", ""))
            p = r.randint(0, 20) if r.random() < 0.8 else r.choice((25, 40, 60, 120, 350))
            if t in "fF%" and abs(x) > 1e25 and r.random() < 0.8:
                x = r.uniform(-1e6, 1e6)
            alt = r.choice(("", "", "#")) if t not in "%n" else ""
            out.append(repr((x.hex(), f"{alt}.{p}{t}")))
        out += [repr((x.hex(), f)) for x, f in FORMAT_EDGES]
        return out
    if cls == "round":
        for _ in range(n):
            x = moderate(r)
            if r.random() < 0.4:  # a decimal written with one digit more: halfway-looking cases
                x = float(f"{r.randint(0, 99999)}.{r.randint(0, 999):03d}5") * r.choice((1, -1))
            n = r.randint(-6, 8)
            if r.random() < 0.2:  # any double, to any decimal place
                x, n = random_double(r), r.randint(-320, 330)
            out.append(repr((x.hex(), n)))
        return out
    if cls == "parse":
        for _ in range(n):
            k = r.random()
            if k < 0.4:  # long mantissas near a halfway point between doubles
                x = random_double(r) if r.random() < 0.3 else moderate(r)
                d = f"{x:.{r.randint(17, 40)}e}"
                m, e = d.split("e")
                s = (
                    m
                    + r.choice(("", "0" * r.randint(1, 30), "49999999999", "5", "50000000001"))
                    + "e"
                    + e
                )
            elif k < 0.6:
                s = f"{r.randint(1, 9)}e{r.randint(-345, -300)}"
            elif k < 0.7:
                s = r.choice(
                    (
                        "inf",
                        "-Infinity",
                        "+nan",
                        "NaN",
                        " 1.5 ",
                        "\t-2e3\n",
                        "1_000.000_1",
                        "\f1.5\v",
                        "1.5\x00",
                        "nan(1)",
                        "1e_5",
                        "1_e5",
                        "1e1_0",
                        ".5",
                        "5.",
                        "-.0e-0",
                        "infinity",
                        "INF",
                        "1e400",
                        "-1e-400",
                    )
                )
            elif k < 0.8:  # the exact point halfway between two neighbours, then digits far out
                x = abs(random_double(r) if r.random() < 0.5 else moderate(r))
                b = struct.unpack("<Q", struct.pack("<d", x))[0]
                h = (Fraction(x) + Fraction(bits_to_float(b + 1))) / 2
                s = exact_text(h) + r.choice(("", "0" * r.randint(1, 300) + "1", "0" * 50))
                s = (
                    s[:-1] + str(int(s[-1]) - 1) + "9" * 40
                    if r.random() < 0.2 and s[-1] in "123456789"
                    else s
                )
            elif k < 0.85:  # many digits
                s = r.choice(("", "0.", "0." + "0" * r.randint(0, 400))) + "".join(
                    r.choice("0123456789") for _ in range(r.randint(1, 900))
                )
                if r.random() < 0.5:
                    s += f"e{r.randint(-700, 400)}"
            else:
                x = moderate(r)
                s = repr(x) if r.random() < 0.5 else f"{x:.{r.randint(1, 25)}g}"
            out.append(repr(s))
        out += [repr(s) for s in PARSE_EDGES]
        return out
    raise ValueError(cls)


def exact_text(v: Fraction) -> str:
    """The exact decimal text of [v] (> 0, a dyadic fraction): all of its digits."""
    d = 0
    while v.denominator != 1:
        v *= 10
        d += 1
    t = str(v.numerator).rjust(d + 1, "0")
    return t[: len(t) - d] + "." + t[len(t) - d :]


FORMAT_EDGES = [
    (0.125, ".2f"),
    (2.675, ".2f"),
    (0.5, ".0f"),
    (1.5, ".0f"),
    (2.5, ".0f"),
    (0.1, ".60f"),
    (1e300, "f"),
    (1e300, ".300f"),
    (1.7976931348623157e308, "f"),
    (5e-324, ".1000f"),
    (5e-324, ".3e"),
    (5e-324, ".800e"),
    (2.2250738585072014e-308, ".30g"),
    (-0.0, "f"),
    (-0.0, "e"),
    (-0.0, "g"),
    (-0.0, "#g"),
    (float("inf"), "F"),
    (float("-inf"), "e"),
    (float("nan"), "G"),
    (float("-nan"), "%"),
    (9.9999, ".3g"),
    (9.9995, ".3"),
    (99.5, ".0e"),
    (0.00001, "g"),
    (0.0001, "g"),
    (123456.0, "g"),
    (1234567.0, "g"),
    (1e16, ".17"),
    (1e16, ".16"),
    (0.5, ".0%"),
    (1.7e308, "%"),
    (1.0, "#.0f"),
    (1.0, "#.0e"),
    (1.0, "#.0g"),
    (1.0, "#.0"),
    (1.0, ".0"),
]

PARSE_EDGES = [
    "0." + "0" * 400 + "1",
    "1" * 500,
    "1" * 309,
    "1" * 310,
    "2.2250738585072011e-308",
    "2.2250738585072012e-308",
    "9007199254740993",
    "9007199254740993.000000000000000000000000000000000000000001",
    "9007199254740992.999999999999999999999999999999999999999999",
    "2.4703282292062327e-324",
    "2.4703282292062328e-324",
    "2.47032822920623272088e-324",
    "1.7976931348623158e308",
    "1.7976931348623157e308",
    "1.797693134862315807937289714053e308",
    "179769313486231580793728971405301e276",
    "1e-324",
    "1e309",
    "0e999999999",
    "1e-99999999999999999999",
    "1e99999999999999999999",
    "-0",
    "+0.0e+0",
    "00000000000000000000000000000001.5",
    "0.000000000000000000000000000000000000000000000000000000000000015e60",
    "1_2_3.4_5e1_0",
    "1__2",
    "_1",
    "1_",
    "1.e5",
    "1.5e",
    "1.5e+",
    "e5",
    ".e5",
    "-.5",
    "+-1",
    "infinit",
    "iNfInItY",
    "-nAn",
    "nana",
    "0x10",
    "1 2",
    "",
    "   ",
]

BODY = {
    "repr": "for h in D:\n    x = float.fromhex(h)\n    print(repr(x), str(-x))\n",
    "hash": "for h in D:\n    x = float.fromhex(h)\n    print(hash(x), hash(x) == hash(int(x)))\n",
    "format": (
        "for h, f in D:\n    x = float.fromhex(h)\n"
        "    print(format(x, f), ('%' + f) % x if f[-1] in 'eEfFgG' else f'{x:{f}}')\n"
    ),
    "round": (
        "for h, n in D:\n    x = float.fromhex(h)\n    try:\n        print(repr(round(x, n)))\n"
        "    except OverflowError as e:\n        print('OverflowError', e)\n"
    ),
    "parse": (
        "for s in D:\n    try:\n        print(repr(float(s)))\n"
        "    except ValueError as e:\n        print('ValueError', e)\n"
    ),
}


def run(cmd: list[str]) -> list[str]:
    p = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    if p.returncode != 0:
        raise SystemExit(f"{cmd[0]} failed ({p.returncode}):\n{p.stderr[-2000:]}")
    return p.stdout.splitlines()


def compare(cls: str, n: int, seed: int, firmware: Path, chunk: int, show: int) -> int:
    r = random.Random(f"{seed}:{cls}")
    data = cases(cls, n, r)
    bad = 0
    with tempfile.TemporaryDirectory(prefix="float_diff_") as tmp:
        for i in range(0, len(data), chunk):
            part = data[i : i + chunk]
            prog = Path(tmp) / f"{cls}_{i}.py"
            prog.write_text("D = [\n" + ",\n".join(part) + "]\n" + BODY[cls])
            ref = run([sys.executable, str(prog)])
            ours = run([str(firmware), str(prog)])
            for j, case in enumerate(part):
                a = ref[j] if j < len(ref) else "<missing>"
                b = ours[j] if j < len(ours) else "<missing>"
                if a != b:
                    bad += 1
                    if bad <= show:
                        print(f"  {cls} {case}: cpython {a!r} ours {b!r}")
    print(f"{cls}: {bad} mismatches of {len(data)}")
    return bad


def f32(b: int) -> float:
    return struct.unpack("<f", struct.pack("<I", b))[0]


def shortest_f32(b: int) -> Fraction:
    """The value of the shortest decimal that reads back as the float32 of bits [b] (> 0,
    finite) under round-half-even, the nearest of those (a tie: the even last digit)."""
    x = Fraction(f32(b))
    lo = Fraction(f32(b - 1)) if b > 1 else Fraction(0)
    hi = Fraction(f32(b + 1)) if b < 0x7F7FFFFF else x + (x - lo)
    a, z = (lo + x) / 2, (x + hi) / 2

    def inside(c: Fraction) -> bool:
        return a <= c <= z if b % 2 == 0 else a < c < z

    for p in range(1, 10):
        m, e = f"{f32(b):.{p - 1}e}".split("e")
        d, ex = int(m.replace(".", "")), int(e) - (p - 1)
        cands = [c for c in (d - 1, d, d + 1) if inside(Fraction(c) * Fraction(10) ** ex)]
        if cands:
            best = min(cands, key=lambda c: (abs(Fraction(c) * Fraction(10) ** ex - x), c % 2))
            return Fraction(best) * Fraction(10) ** ex
    raise AssertionError(hex(b))


def compare_single(firmware: Path, n: int, seed: int, show: int) -> int:
    r = random.Random(f"{seed}:single")
    bits = [*range(1, 40), 0x7F7FFFFF, 0x00800000, 0x00800001, 0x007FFFFF, 0x3DCCCCCD]
    bits += [e << 23 for e in range(1, 255)] + [r.getrandbits(31) for _ in range(n)]
    bits = [b for b in bits if (b >> 23) & 0xFF != 0xFF and b]
    bad = 0
    ours: list[str] = []
    with tempfile.TemporaryDirectory(prefix="float_diff_") as tmp:
        for i in range(0, len(bits), 5000):
            prog = Path(tmp) / f"single_{i}.py"
            # (9 digits: they read back as that float32)
            data = ",\n".join(repr(f"{f32(b):.8e}") for b in bits[i : i + 5000])
            prog.write_text(f"D = [\n{data}]\nfor s in D:\n    print(repr(float(s)))\n")
            ours += run([str(firmware), str(prog)])
    for i, b in enumerate(bits):
        got = ours[i] if i < len(ours) else "<missing>"
        want = shortest_f32(b)
        try:
            same = Fraction(got) == want and len(got) == len(repr(float(want)))
        except ValueError:
            same = False
        if not same:
            bad += 1
            if bad <= show:
                print(f"  single {f32(b)!r} (bits {b:#x}): wanted {float(want)!r}, ours {got!r}")
    print(f"single: {bad} mismatches of {len(bits)}")
    return bad


def nearest_f32(v: Fraction) -> float:
    """The float32 nearest to [v] (ties to even; inf past the largest), as a Python float."""
    if v == 0:
        return 0.0
    a = abs(v)
    e = a.numerator.bit_length() - a.denominator.bit_length()
    while Fraction(2) ** e > a:
        e -= 1
    while Fraction(2) ** (e + 1) <= a:
        e += 1
    unit = Fraction(2) ** max(e - 23, -149)
    m = round(a / unit)  # (half to even)
    r = m * unit
    x = float("inf") if r >= 2**128 else float(r)
    return -x if v < 0 else x


def f32_repr(x: float) -> str:
    """repr() of the float32 [x] on a FLOAT_SINGLE build: its shortest text, CPython's layout."""
    if x == 0 or x != x or abs(x) == float("inf"):
        return repr(x)
    t = repr(float(shortest_f32(struct.unpack("<I", struct.pack("<f", abs(x)))[0])))
    return "-" + t if x < 0 else t


def random_f32(r: random.Random) -> float:
    while True:
        b = r.getrandbits(32) if r.random() < 0.8 else r.getrandbits(23) | r.choice((0, 0x80000000))
        if (b >> 23) & 0xFF != 0xFF:
            return f32(b)


def single_cases(cls: str, n: int, r: random.Random) -> tuple[list[str], list[str]]:
    """FLOAT_SINGLE cases of [cls] (format, round, parse): the data lines and the lines a
    correct build prints (the exact float32 value's digits, the float32 nearest a decimal)."""
    data: list[str] = []
    want: list[str] = []
    for _ in range(n):
        x = random_f32(r) if r.random() < 0.7 else nearest_f32(Fraction(moderate(r)))
        x = random_f32(r) if abs(x) == float("inf") else x
        if cls == "format":
            t = r.choice(("e", "E", "f", "F", "g", "G", "%", "n", ""))
            p = r.randint(0, 20) if r.random() < 0.85 else r.choice((30, 60, 160))
            if t in "fF%" and abs(x) > 1e25 and r.random() < 0.8:
                x = nearest_f32(Fraction(r.uniform(-1e6, 1e6)))
            f = (r.choice(("", "", "#")) if t not in "%n" else "") + f".{p}{t}"
            data.append(repr((f"{x:.8e}", f)))
            pct = ("%" + f) % x if f[-1] in "eEfFgG" else f"{x:{f}}"
            want.append(f"{format(x, f)} {pct}")
        elif cls == "round":
            if r.random() < 0.4:
                x = nearest_f32(Fraction(f"{r.randint(0, 99999)}.{r.randint(0, 999):03d}5"))
            k = r.randint(-6, 8) if r.random() < 0.8 else r.randint(-40, 50)
            data.append(repr((f"{x:.8e}", k)))
            v = Fraction(round(Fraction(x) * Fraction(10) ** k)) / Fraction(10) ** k
            y = nearest_f32(v) if k <= 400 else x
            y = -abs(y) if x < 0 or (x == 0 and str(x)[0] == "-") else y
            want.append(
                "OverflowError rounded value too large to represent"
                if abs(y) == float("inf")
                else f32_repr(y)
            )
        else:
            k = r.random()
            if k < 0.5:  # halfway between two float32 neighbours, then digits far out
                b = struct.unpack("<I", struct.pack("<f", abs(x)))[0]
                h = (Fraction(f32(b)) + Fraction(f32(b + 1))) / 2
                s = exact_text(h) + r.choice(("", "0" * r.randint(1, 80) + "1", "0" * 9))
            elif k < 0.6:
                s = f"{r.randint(1, 9)}e{r.randint(-50, -40)}"
            elif k < 0.7:
                s = "".join(r.choice("0123456789") for _ in range(r.randint(1, 200)))
                s = s + f"e{r.randint(-250, 0)}"
            else:
                s = f"{x:.{r.randint(1, 20)}g}"
            data.append(repr(s))
            y = nearest_f32(Fraction(s))
            want.append(f32_repr(-y if s[0] == "-" and y == 0 else y))
    return data, want


def compare_single_class(cls: str, firmware: Path, n: int, seed: int, show: int) -> int:
    r = random.Random(f"{seed}:single:{cls}")
    data, want = single_cases(cls, n, r)
    body = BODY[cls].replace("float.fromhex(h)", "float(h)")
    ours: list[str] = []
    with tempfile.TemporaryDirectory(prefix="float_diff_") as tmp:
        for i in range(0, len(data), 5000):
            prog = Path(tmp) / f"single_{cls}_{i}.py"
            prog.write_text("D = [\n" + ",\n".join(data[i : i + 5000]) + "]\n" + body)
            ours += run([str(firmware), str(prog)])
    bad = 0
    for i, case in enumerate(data):
        got = ours[i] if i < len(ours) else "<missing>"
        if got != want[i]:
            bad += 1
            if bad <= show:
                print(f"  single {cls} {case}: wanted {want[i]!r}, ours {got!r}")
    print(f"single {cls}: {bad} mismatches of {len(data)}")
    return bad


def main() -> int:
    ap = argparse.ArgumentParser(allow_abbrev=False, description=__doc__.splitlines()[0])
    ap.add_argument("classes", nargs="*", help="classes to compare (default: all)")
    ap.add_argument("--firmware", type=Path, default=ROOT / "build/host/firmware")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("-n", type=int, default=20000, help="cases per class")
    ap.add_argument("--chunk", type=int, default=5000, help="cases per program")
    ap.add_argument("--show", type=int, default=10, help="mismatches printed per class")
    ap.add_argument("--single", type=Path, help="a FLOAT_SINGLE build's firmware: check it")
    a = ap.parse_args()
    if a.single:
        bad = compare_single(a.single, a.n, a.seed, a.show)
        for c in ("format", "round", "parse"):
            bad += compare_single_class(c, a.single, a.n, a.seed, a.show)
        return 1 if bad else 0
    for c in a.classes:
        if c not in CLASSES:
            ap.error(f"unknown class {c!r} (one of {', '.join(CLASSES)})")
    bad = sum(compare(c, a.n, a.seed, a.firmware, a.chunk, a.show) for c in a.classes or CLASSES)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
