"""SCons tool: env.MpfProvenance(images, ...) -> build-info.json and sbom.spdx.json.

The inputs recorded are every file the images depend on (the leaves of
SCons's dependency graph, mpforge.provenance.graph: sources, headers, frozen
modules) plus the config files read before the graph existed (defconfig,
fragments, manifests); mpforge.provenance.record writes both files.
"""

from pathlib import Path


def _file_path(node):
    """A node's path, or None for a node that is not a file (a Value, an Alias)."""
    import SCons.Node.FS

    return Path(node.abspath) if isinstance(node, SCons.Node.FS.File) else None


class _ProvenanceAction:
    """Writes build-info.json and sbom.spdx.json (mpforge.provenance.record). A callable
    object, not a closure, so the action's signature is its code; what it records changes
    through its sources."""

    def __init__(self, images, board, values, config_files, frozen_set, app):
        self.images, self.board, self.values = images, board, values
        self.config_files, self.frozen_set, self.app = config_files, frozen_set, app

    def __call__(self, target, source, env):
        from mpforge.provenance.graph import leaves
        from mpforge.provenance.record import write_records
        from mpforge.provenance.toolchain import versions

        inputs = leaves(self.images, _file_path) + [Path(f) for f in self.config_files]
        write_records(
            Path(target[0].abspath),
            Path(target[1].abspath),
            self.board,
            self.values,
            versions(env.subst("$CC"), env.subst("$OBJCOPY")),
            inputs,
            [Path(str(i.abspath)) for i in self.images],
            self.frozen_set,
            Path(env["BUILD_DIR"].abspath),
            self.app,
        )
        return 0


def _provenance(env, images, board, values, config_files, frozen_set, app=None):
    import json

    from SCons.Action import Action

    from mpforge import paths
    from mpforge.provenance.timestamp import source_date_epoch

    action = _ProvenanceAction(images, board, values, config_files, frozen_set, app)
    recorded = {"board": board, "config": values, "epoch": source_date_epoch(paths.ROOT)}
    targets = [env["BUILD_DIR"].File("build-info.json"), env["BUILD_DIR"].File("sbom.spdx.json")]
    sources = list(images) + [env.File(str(f)) for f in config_files]
    sources.append(env.Value(json.dumps(recorded, sort_keys=True)))
    env.MpfCountSteps()
    node = env.Command(targets, sources, Action(action, "INFO $TARGET"))
    env.Depends(node, env.Glob("$MPFORGE_DIR/provenance/*.py"))  # a changed writer rewrites them
    return node


def generate(env):
    env.AddMethod(_provenance, "MpfProvenance")


def exists(env):
    return True
