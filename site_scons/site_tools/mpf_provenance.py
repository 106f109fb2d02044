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


def _provenance(env, images, board, values, config_files, frozen_set):
    from SCons.Action import Action

    from mpforge import paths
    from mpforge.provenance.buildinfo import build_info, sha256_file, write_json
    from mpforge.provenance.sbom import spdx_document
    from mpforge.provenance.timestamp import source_date_epoch
    from mpforge.provenance.toolchain import versions

    build_dir = Path(env["BUILD_DIR"].abspath)

    def action(target, source, env):
        tools = versions(env.subst("$CC"), env.subst("$OBJCOPY"))
        image_paths = [Path(str(i.abspath)) for i in images]
        packages = [
            {
                "name": p.name,
                "version": p.version,
                "license": p.license,
                "sha256": _package_digest(p, frozen_set),
            }
            for p in frozen_set.packages
        ]
        inputs = _leaves(images) + [Path(f) for f in config_files]
        info = build_info(
            board, values, tools, inputs, image_paths, packages, paths.ROOT, build_dir
        )
        write_json(Path(target[0].abspath), info)
        sbom = spdx_document(
            board,
            {p.name: sha256_file(p) for p in image_paths},
            packages,
            tools,
            source_date_epoch(paths.ROOT),
        )
        write_json(Path(target[1].abspath), sbom)
        return 0

    targets = [env["BUILD_DIR"].File("build-info.json"), env["BUILD_DIR"].File("sbom.spdx.json")]
    sources = list(images) + [env.File(str(f)) for f in config_files]
    env.MpfCountSteps()
    return env.Command(targets, sources, Action(action, "INFO $TARGET"))


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
