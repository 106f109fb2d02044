"""String options checked where they enter (a fragment line or a menuconfig edit).

Kconfig cannot constrain a string, and some strings reach a compiler command
line: a value outside the allowed form is an error naming where it was set,
never passed on raw.
"""

from __future__ import annotations

import re

from mpforge.errors import MpforgeError

_OPT_LEVEL = (re.compile(r"-O[0-3sgz]|-Ofast"), "one of -O0 -O1 -O2 -O3 -Os -Og -Oz -Ofast")
_RULES = {
    "HOST_OPT_LEVEL": _OPT_LEVEL,
    "STM32_OPT_LEVEL": _OPT_LEVEL,
}


def check_string(symbol: str, value: str, where: str) -> None:
    rule = _RULES.get(symbol)
    if rule is not None and not rule[0].fullmatch(value):
        raise MpforgeError(
            f'{where}: CONFIG_{symbol}="{value}" is not allowed; use {rule[1]} '
            "(one flag, no spaces)"
        )
    if "\n" in value or "\x00" in value:
        raise MpforgeError(f"{where}: CONFIG_{symbol} holds a control character; remove it")
