"""Copy a build directory so that SCons, run in the copy, rebuilds only what changed.

SCons records what it built in `.sconsign.dblite`, keyed by each directory's path as SCons
spells it (relative to the source tree when the build lies in it, else absolute), with the
paths of every dependency. A plain copy is a stranger to SCons: it would rebuild everything.
Here the record is rewritten for the new place; the compile commands do not name the build
directory in their signatures (the SConstruct keeps its -ffile-prefix-map flags out of them),
so the objects of the copy are current until a configuration change touches them.
"""

from __future__ import annotations

import os
import pickle
import shutil
from pathlib import Path

from mpforge import paths

SIGNATURES = ".sconsign.dblite"


def scons_name(directory: Path, root: Path = paths.ROOT) -> str:
    """How SCons spells `directory`: relative to the source tree when inside it, else absolute."""
    real = directory.resolve()
    top = root.resolve()
    return real.relative_to(top).as_posix() if real.is_relative_to(top) else real.as_posix()


def copy_build(source: Path, dest: Path, skip: tuple[str, ...] = ()) -> None:
    """Copy the build directory `source` to `dest` (which must not exist) for SCons to reuse.

    Entries of `source` named in `skip` (e.g. a cache kept inside it) are left out.
    """
    shutil.copytree(
        source,
        dest,
        symlinks=True,
        ignore=lambda d, names: [n for n in names if Path(d) == source and n in skip],
    )
    record = dest / SIGNATURES
    if record.is_file():
        relocate_signatures(record, scons_name(source), scons_name(dest))


def _moved(name: str, old: str, new: str) -> str:
    if name == old:
        return new
    if name.startswith(old + "/"):
        return new + name[len(old) :]
    return name


def relocate_signatures(record: Path, old: str, new: str) -> None:
    """Rewrite SCons's record `record` as if the build directory `old` had been built at `new`.

    The record is a pickled dict (SCons.dblite) of directory -> pickled entries; the entries'
    stored dependency names (bsources, bdepends, bimplicit) are rewritten too.
    """
    import SCons.SConsign  # noqa: F401  (the classes the entries unpickle into)

    with record.open("rb") as f:
        table: dict[str, bytes] = pickle.load(f)
    out: dict[str, bytes] = {}
    for key, blob in table.items():
        entries = pickle.loads(blob)
        for entry in entries.values():
            binfo = getattr(entry, "binfo", None)
            if binfo is None:
                continue
            for field in ("bsources", "bdepends", "bimplicit"):
                names = getattr(binfo, field, None)
                if names:
                    setattr(binfo, field, [_moved(n, old, new) for n in names])
        out[_moved(key, old, new)] = pickle.dumps(entries, pickle.HIGHEST_PROTOCOL)
    scratch = record.with_name(record.name + ".tmp")
    with scratch.open("wb") as f:
        pickle.dump(out, f, pickle.HIGHEST_PROTOCOL)
    os.replace(scratch, record)
