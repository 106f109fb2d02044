#!/usr/bin/env bash
# Sets up what is missing on a Debian machine (Debian packages: compilers and
# emulators; a Python venv with mpforge and its dependencies), then builds the
# default board (netduinoplus2, an STM32F405) and boots it in QEMU. Safe to run again: it only installs what is missing.
#
#   tools/bootstrap.sh            set up, build and boot the default board
#   tools/bootstrap.sh --no-run   set up only (CI)
set -euo pipefail
cd "$(dirname "$0")/.."

DEFAULT_BOARD=netduinoplus2
# Debian packages the build and the test suite use: one file per concern in tools/deps/
# (a port adds tools/deps/<port>.apt), one package a line, '#' comments.
mapfile -t APT_PACKAGES < <(sed -e 's/#.*//' -e '/^[[:space:]]*$/d' tools/deps/*.apt | sort -u)

run_board=1
[ "${1:-}" = "--no-run" ] && run_board=0

missing=()
for pkg in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "bootstrap: installing Debian packages: ${missing[*]}"
    if [ "$(id -u)" -eq 0 ]; then
        apt-get update -q
        DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"
    elif command -v sudo >/dev/null 2>&1; then
        sudo apt-get update -q
        sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"
    else
        echo "error: missing Debian packages; install them as root with:" >&2
        echo "  apt-get install ${missing[*]}" >&2
        exit 1
    fi
fi

# The venv is rebuilt only when pyproject.toml or tools/deps/python-nodeps.txt changes.
stamp=.venv/.mpforge-installed
want=$(cat pyproject.toml tools/deps/python-nodeps.txt | sha256sum | cut -d' ' -f1)
if [ ! -x .venv/bin/python ] || [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
    echo "bootstrap: creating .venv and installing mpforge with its test dependencies"
    python3 -m venv .venv
    .venv/bin/python -m pip install -q --upgrade pip
    .venv/bin/python -m pip install -q -e '.[test]'
    .venv/bin/python -m pip install -q --no-deps -r tools/deps/python-nodeps.txt
    echo "$want" > "$stamp"
fi

# Node tools (rp2040js, uf2), pinned by tools/npm/package-lock.json; reinstalled when it changes.
npm_stamp=tools/npm/node_modules/.mpforge-installed
npm_want=$(sha256sum tools/npm/package-lock.json | cut -d' ' -f1)
if [ "$(cat "$npm_stamp" 2>/dev/null)" != "$npm_want" ]; then
    # Debian's nodejs comes without npm (a separate package); other builds of nodejs bundle it.
    command -v npm >/dev/null 2>&1 || { apt-get install -y -q npm || sudo apt-get install -y -q npm; }
    echo "bootstrap: installing the Node tools (tools/npm)"
    npm ci --prefix tools/npm --no-audit --no-fund --loglevel=error
    echo "$npm_want" > "$npm_stamp"
fi

if [ "$run_board" -eq 1 ]; then
    .venv/bin/mpforge build -b "$DEFAULT_BOARD"
    if [ -t 0 ]; then
        .venv/bin/mpforge run -b "$DEFAULT_BOARD"        # at a terminal: Ctrl-A X leaves QEMU
    else
        # Not at a terminal: the board runs main.py and QEMU exits with its status (0).
        .venv/bin/mpforge run -b "$DEFAULT_BOARD" --timeout 120 </dev/null
    fi
fi
