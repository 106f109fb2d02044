"""Writing a build's provenance: build-info.json and the SPDX SBOM, from what the build used."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from pathlib import Path

from mpforge import paths
from mpforge.frozen.collect import FrozenSet
from mpforge.frozen.packages import Package
from mpforge.provenance.buildinfo import build_info, sha256_file, write_json
from mpforge.provenance.sbom import spdx_document
from mpforge.provenance.timestamp import source_date_epoch


def package_digest(package: Package, frozen_set: FrozenSet) -> str:
    """SHA-256 over a frozen package's manifest and modules (relative names and contents)."""
    h = hashlib.sha256()
    files = [package.path] + [
        m.source for m in frozen_set.modules if m.source.is_relative_to(package.path.parent)
    ]
    for f in sorted(files):
        h.update(f.relative_to(package.path.parent).as_posix().encode() + b"\0")
        h.update(f.read_bytes())
    return h.hexdigest()


def write_records(
    info_path: Path,
    sbom_path: Path,
    board: str,
    values: Mapping[str, str],
    tools: Mapping[str, str],
    inputs: Sequence[Path],
    images: Sequence[Path],
    frozen_set: FrozenSet,
    build_dir: Path,
    app: Path | None = None,
) -> None:
    """build-info.json at `info_path` and the SBOM at `sbom_path` for the images built."""
    packages = [
        {
            "name": p.name,
            "version": p.version,
            "license": p.license,
            "sha256": package_digest(p, frozen_set),
        }
        for p in frozen_set.packages
    ] + [
        {
            "name": p.name,
            "version": p.version,
            "license": p.license,
            "sha256": p.sha256,
            "purl": p.purl,
        }
        for p in frozen_set.pypi
    ]
    info = build_info(board, values, tools, inputs, images, packages, paths.ROOT, build_dir, app)
    write_json(info_path, info)
    sbom = spdx_document(
        board,
        {p.name: sha256_file(p) for p in images},
        packages,
        tools,
        source_date_epoch(paths.ROOT),
    )
    write_json(sbom_path, sbom)
