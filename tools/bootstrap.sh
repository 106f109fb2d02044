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
# Debian packages the build and the test suite use.
APT_PACKAGES=(gcc libc6-dev python3-venv gcc-arm-none-eabi libnewlib-arm-none-eabi qemu-system-arm valgrind)

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

# The venv is rebuilt only when pyproject.toml changes.
stamp=.venv/.mpforge-installed
want=$(sha256sum pyproject.toml | cut -d' ' -f1)
if [ ! -x .venv/bin/python ] || [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
    echo "bootstrap: creating .venv and installing mpforge with its test dependencies"
    python3 -m venv .venv
    .venv/bin/python -m pip install -q --upgrade pip
    .venv/bin/python -m pip install -q -e '.[test]'
    echo "$want" > "$stamp"
fi

if [ "$run_board" -eq 1 ]; then
    .venv/bin/mpforge build -b "$DEFAULT_BOARD"
    if [ -t 0 ]; then
        .venv/bin/mpforge run -b "$DEFAULT_BOARD"        # at a terminal: Ctrl-A X leaves QEMU
    else
        .venv/bin/mpforge run -b "$DEFAULT_BOARD" --timeout 10 </dev/null
    fi
fi
