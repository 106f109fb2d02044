"""build-info.json: board, config, its hash, toolchain versions, sha256 of inputs and outputs."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from pathlib import Path


def sha256_file(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def relative(path: Path, root: Path, build_dir: Path, app: Path | None = None) -> str:
    """Paths in the record never show where the tree, the app or the build directory is."""
    path = path.resolve()
    bases = [(build_dir.resolve(), "$BUILD_DIR")]
    if app is not None:
        bases.append((app.resolve(), "$APP"))
    for base, label in (*bases, (root.resolve(), "")):
        try:
            rel = path.relative_to(base).as_posix()
        except ValueError:
            continue
        return f"{label}/{rel}" if label else rel
    return path.as_posix()


def config_hash(values: Mapping[str, str]) -> str:
    text = "".join(f"CONFIG_{k}={v}\n" for k, v in sorted(values.items()))
    return hashlib.sha256(text.encode()).hexdigest()


def build_info(
    board: str,
    config: Mapping[str, str],
    tools: Mapping[str, str],
    inputs: Iterable[Path],
    outputs: Iterable[Path],
    frozen_packages: Iterable[Mapping[str, str]],
    root: Path,
    build_dir: Path,
    app: Path | None = None,
) -> dict:
    return {
        "board": board,
        "config_hash": config_hash(config),
        "config": dict(sorted(config.items())),
        "toolchain": dict(sorted(tools.items())),
        "frozen_packages": list(frozen_packages),
        "inputs": {
            relative(p, root, build_dir, app): sha256_file(p)
            for p in sorted(set(inputs), key=lambda p: relative(p, root, build_dir, app))
        },
        "outputs": {relative(p, root, build_dir): sha256_file(p) for p in sorted(outputs)},
    }


def write_json(path: Path, data: object) -> None:
    text = json.dumps(data, indent=2, sort_keys=False) + "\n"
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")
