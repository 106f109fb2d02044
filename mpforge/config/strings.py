"""String options checked where they enter (a fragment line or a menuconfig edit).

Kconfig cannot constrain a string, and some strings reach a compiler command
line: a value outside the allowed form is an error naming where it was set,
never passed on raw. The same for the ints whose C code takes only some values of
their range (a _Static_assert would stop the compiler instead, far from the line).
"""

from __future__ import annotations

import re

from mpforge.errors import MpforgeError

_OPT_LEVEL = (
    re.compile(r"-O[0-3sgz]|-Ofast"),
    "one of -O0 -O1 -O2 -O3 -Os -Og -Oz -Ofast (one flag, no spaces)",
)
# emcc (3.1.6) reads -O<level> as a number but for s and z: -Og and -Ofast stop it with a
# Python traceback.
_WASM_OPT_LEVEL = (
    re.compile(r"-O[0-3sz]"),
    "one of -O0 -O1 -O2 -O3 -Os -Oz (one flag, no spaces; emcc takes no -Og or -Ofast)",
)
_STM32_PIN = (re.compile(r"P[A-H]([0-9]|1[0-5])"), "a pin name PA0 to PH15, e.g. PA9")
# Every string with a prompt that reaches a command line or C has its rule here
# (tests/test_config.py checks it for each prompted string of the tree).
RULES = {
    "HOST_OPT_LEVEL": _OPT_LEVEL,
    "CORTEX_M_OPT_LEVEL": _OPT_LEVEL,
    "ESP32C3_OPT_LEVEL": _OPT_LEVEL,
    "ESP8266_OPT_LEVEL": _OPT_LEVEL,
    "WASM_OPT_LEVEL": _WASM_OPT_LEVEL,
    **{f"STM32_UART{n}_{d}_PIN": _STM32_PIN for n in range(1, 7) for d in ("TX", "RX")},
}
# Ints with a rule beyond their Kconfig range (the C code's _Static_assert says the same).
_POWERS_OF_TWO = "|".join(str(1 << n) for n in range(11))
RULES.update(
    {
        "BUILTIN_CACHE_SIZE": (
            re.compile(f"0|{_POWERS_OF_TWO}"),
            "0 or a power of two up to 1024 (py/builtins.c's cache is direct-mapped)",
        ),
        "STM32_PLL_P": (re.compile("[2468]"), "2, 4, 6 or 8 (what the PLLP field encodes)"),
        # The cache's MMU maps whole 64 KiB pages (ports/esp32c3/ldscript.ld.in).
        "ESP32C3_XIP_OFFSET": (
            re.compile("(0[xX])?[0-9a-fA-F]*0000"),
            "a multiple of 0x10000 (the cache maps whole 64 KiB flash pages), e.g. 0x10000",
        ),
    }
)
# Prompted strings without a rule: paths, checked as path values (pathvalues.py).
UNRULED = frozenset({"FROZEN_MANIFEST"})


def check_string(symbol: str, value: str, where: str) -> None:
    rule = RULES.get(symbol)
    if rule is not None and not rule[0].fullmatch(value):
        shown = value if re.fullmatch(r"-?[0-9]+", value) else f'"{value}"'
        raise MpforgeError(f"{where}: CONFIG_{symbol}={shown} is not allowed; use {rule[1]}")
    if "\n" in value or "\x00" in value:
        raise MpforgeError(f"{where}: CONFIG_{symbol} holds a control character; remove it")


# Every C frame that checks the stack holds CONFIG_STACK_CHECK_RESERVE bytes of
# CONFIG_STACK_LIMIT: a program's first calls and imports need this many at once.
MIN_CHECKED_FRAMES = 32


def check_stack_reserve(limit: int, reserve: int, where: str) -> None:
    """A reserve so large that the limit holds only a few checking frames gives a
    firmware raising RecursionError at boot (STACK_LIMIT=2048 with RESERVE=4096 did)."""
    if reserve and limit // reserve < MIN_CHECKED_FRAMES:
        raise MpforgeError(
            f"{where}: CONFIG_STACK_CHECK_RESERVE={reserve} leaves room for {limit // reserve} "
            f"checking C frames in CONFIG_STACK_LIMIT={limit} (a program needs "
            f"{MIN_CHECKED_FRAMES}: RecursionError at its first calls); lower "
            f"CONFIG_STACK_CHECK_RESERVE to at most {limit // MIN_CHECKED_FRAMES} or raise "
            f"CONFIG_STACK_LIMIT to at least {reserve * MIN_CHECKED_FRAMES}"
        )
