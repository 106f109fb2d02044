"""SCons tool: env.MpfProvenance(images, ...) -> build-info.json and sbom.spdx.json.

The inputs recorded are every file the images depend on (the leaves of
SCons's dependency graph: sources, headers, frozen modules) plus the config
files read before the graph existed (defconfig, fragments, manifests).
"""

from pathlib import Path


def _leaves(nodes):
    import SCons.Node.FS

    seen, out, stack = set(), [], list(nodes)
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if not isinstance(node, SCons.Node.FS.File):
            continue
        if node.has_builder():
            stack.extend(node.children())
        else:
            out.append(Path(node.abspath))
    return out


class _ProvenanceAction:
    """Writes build-info.json and sbom.spdx.json. A callable object, not a closure, so the
    action's signature is its code; what it records changes through its sources."""

    def __init__(self, images, board, values, config_files, frozen_set):
        self.images, self.board, self.values = images, board, values
        self.config_files, self.frozen_set = config_files, frozen_set

    def __call__(self, target, source, env):
        from mpforge import paths
        from mpforge.provenance.buildinfo import build_info, sha256_file, write_json
        from mpforge.provenance.sbom import spdx_document
        from mpforge.provenance.timestamp import source_date_epoch
        from mpforge.provenance.toolchain import versions

        tools = versions(env.subst("$CC"), env.subst("$OBJCOPY"))
        image_paths = [Path(str(i.abspath)) for i in self.images]
        packages = [
            {
                "name": p.name,
                "version": p.version,
                "license": p.license,
                "sha256": _package_digest(p, self.frozen_set),
            }
            for p in self.frozen_set.packages
        ] + [
            {
                "name": p.name,
                "version": p.version,
                "license": p.license,
                "sha256": p.sha256,
                "purl": p.purl,
            }
            for p in self.frozen_set.pypi
        ]
        inputs = _leaves(self.images) + [Path(f) for f in self.config_files]
        build_dir = Path(env["BUILD_DIR"].abspath)
        info = build_info(
            self.board, self.values, tools, inputs, image_paths, packages, paths.ROOT, build_dir
        )
        write_json(Path(target[0].abspath), info)
        sbom = spdx_document(
            self.board,
            {p.name: sha256_file(p) for p in image_paths},
            packages,
            tools,
            source_date_epoch(paths.ROOT),
        )
        write_json(Path(target[1].abspath), sbom)
        return 0


def _provenance(env, images, board, values, config_files, frozen_set):
    import json

    from SCons.Action import Action

    from mpforge import paths
    from mpforge.provenance.timestamp import source_date_epoch

    action = _ProvenanceAction(images, board, values, config_files, frozen_set)
    recorded = {"board": board, "config": values, "epoch": source_date_epoch(paths.ROOT)}
    targets = [env["BUILD_DIR"].File("build-info.json"), env["BUILD_DIR"].File("sbom.spdx.json")]
    sources = list(images) + [env.File(str(f)) for f in config_files]
    sources.append(env.Value(json.dumps(recorded, sort_keys=True)))
    env.MpfCountSteps()
    node = env.Command(targets, sources, Action(action, "INFO $TARGET"))
    env.Depends(node, env.Glob("$MPFORGE_DIR/provenance/*.py"))  # a changed writer rewrites them
    return node


def _package_digest(package, frozen_set):
    import hashlib

    h = hashlib.sha256()
    files = [package.path] + [
        m.source for m in frozen_set.modules if m.source.is_relative_to(package.path.parent)
    ]
    for f in sorted(files):
        h.update(f.relative_to(package.path.parent).as_posix().encode() + b"\0")
        h.update(f.read_bytes())
    return h.hexdigest()


def generate(env):
    env.AddMethod(_provenance, "MpfProvenance")


def exists(env):
    return True
