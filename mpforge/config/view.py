"""The resolved configuration as plain data: what SConscripts and the tooling read."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class ConfigView:
    """Symbol name (without CONFIG_) -> value as in .config ('y'/'n' for bools)."""

    board: str
    values: dict[str, str] = field(default_factory=dict)

    def enabled(self, name: str) -> bool:
        """True if the bool symbol `name` is y. Unknown names are an error, not False."""
        return self._get(name) == "y"

    def value(self, name: str) -> str:
        return self._get(name)

    def int(self, name: str) -> int:
        return int(self._get(name), 0)

    def _get(self, name: str) -> str:
        try:
            return self.values[name]
        except KeyError:
            raise KeyError(f"CONFIG_{name} is not a Kconfig symbol") from None


def read_dotconfig(board: str, path: Path) -> ConfigView:
    """Read a written .config (no Kconfig parsing): `CONFIG_X=v` lines and `is not set` comments."""
    values: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("CONFIG_") and "=" in line:
            name, _, value = line[len("CONFIG_") :].partition("=")
            if value.startswith('"') and value.endswith('"'):
                value = value[1:-1].replace('\\"', '"').replace("\\\\", "\\")
            values[name] = value
        elif line.startswith("# CONFIG_") and line.endswith(" is not set"):
            values[line[len("# CONFIG_") : -len(" is not set")]] = "n"
    return ConfigView(board, values)
