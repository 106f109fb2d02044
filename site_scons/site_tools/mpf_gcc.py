"""SCons tool: a GNU C toolchain, native or cross (`prefix`), checked to exist.

generate(env, prefix="", package="gcc", programs=None) sets CC/AS/AR/LINK/OBJCOPY/
SIZE with the prefix (`programs` names others, e.g. emscripten's emcc/emar) and stops
the build with the Debian package to install when the compiler is missing. Variables
the user already set are kept.
"""

from mpforge.errors import MpforgeError

_PROGRAMS = {
    "CC": "gcc",
    "AS": "gcc",
    "LINK": "gcc",
    "AR": "ar",
    "RANLIB": "ranlib",
    "OBJCOPY": "objcopy",
    "SIZE": "size",
    "NM": "nm",
}


def generate(env, prefix="", package="gcc", programs=None):
    # compilation_db hooks the object builders, so it comes after the compiler tools.
    for tool in ("gcc", "gnulink", "ar", "as", "compilation_db"):
        env.Tool(tool)
    if "MPF_C_SCANNER" in env:
        import SCons.Util

        for name in ("Object", "StaticObject"):
            builder = env["BUILDERS"][name]
            # A composite builder is a proxy; the scanner belongs on the builder inside.
            if isinstance(builder, SCons.Util.Proxy):
                builder = builder.get()
            builder.source_scanner = env["MPF_C_SCANNER"]
    for var, program in {**_PROGRAMS, **(programs or {})}.items():
        if var not in env.get("MPF_USER_SET", ()):
            env[var] = program if programs and var in programs else prefix + program
    if not env.WhereIs(env["CC"]):
        raise MpforgeError(
            f"the compiler {env['CC']} not found: install Debian package {package} "
            "(tools/bootstrap.sh does)"
        )
    env["MPF_TOOLCHAIN_PACKAGE"] = package


def exists(env):
    return True
