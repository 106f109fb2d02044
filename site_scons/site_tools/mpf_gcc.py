"""SCons tool: a GNU C toolchain, native or cross (`prefix`), checked to exist.

generate(env, prefix="", package="gcc", programs=None) sets CC/AS/AR/LINK/OBJCOPY/
SIZE with the prefix (`programs` names others, e.g. emscripten's emcc/emar) and stops
the build with the Debian package to install when the compiler is missing. Variables
the user already set are kept. env.MpfLto() switches on link-time optimisation
(CONFIG_LTO) once the port has set its compiler flags.
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


# Compiler flags that do not carry over to the code generation at an LTO link: one
# section per function or object costs alignment and literal pools there, and the
# optimiser has already dropped what is unused.
_NOT_AT_LTO_LINK = ("-ffunction-sections", "-fdata-sections")


def _lto(env):
    """Compile to GCC's intermediate code and generate the code at the link, in one
    partition (-flto-partition=one: the code does not depend on the machine's core count
    or on the job server, so the image stays reproducible)."""
    env.Append(CCFLAGS=["-flto", "-flto-partition=one"])
    # The link generates the code: it needs the compiler's code-generation flags
    # (optimisation level, debug information, the reproducible path maps).
    env.Append(
        LINKFLAGS=[
            f
            for f in env["CCFLAGS"]
            if f.startswith(("-f", "-g", "-O", "--param")) and f not in _NOT_AT_LTO_LINK
        ]
    )


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
    env.AddMethod(_lto, "MpfLto")


def exists(env):
    return True
