"""What the SConstruct needs from the tooling: its command-line options and the resolved config.

Kept out of the SConstruct so it is plain, typed, testable Python.
"""

from __future__ import annotations

import json
import signal
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from mpforge import roots
from mpforge.config.inputs import APP_FRAGMENT, ConfigInputs, make_inputs
from mpforge.config.resolve import Resolution, lock_build_dir, resolve
from mpforge.config.view import ConfigView
from mpforge.errors import MpforgeError
from mpforge.process import Interrupted

_KNOWN = {
    "BOARD",
    "CONFIG_FRAGMENTS",
    "APP",
    "BUILD_DIR",
    "PRISTINE",
    "V",
    "BOARD_ROOTS",
    "PACKAGE_ROOTS",
}


@dataclass(frozen=True)
class Options:
    inputs: ConfigInputs
    verbose: bool
    app: Path | None = None

    @property
    def board(self) -> str:
        return self.inputs.board

    @property
    def build_dir(self) -> Path:
        return self.inputs.build_dir


def read_options(arguments: Mapping[str, str], root: str) -> Options:
    """Parse `scons NAME=value` arguments; unknown names are an error, not ignored."""
    unknown = sorted(set(arguments) - _KNOWN)
    if unknown:
        raise MpforgeError(
            f"unknown build variable {unknown[0]}=; known: " + ", ".join(sorted(_KNOWN))
        )
    board = arguments.get("BOARD", "")
    if not board:
        raise MpforgeError("no board given: run `scons BOARD=<name>` (see `mpforge boards`)")
    base = Path(root)
    roots.configure(
        roots.split(arguments.get("BOARD_ROOTS", ""), "BOARD_ROOTS="),
        roots.split(arguments.get("PACKAGE_ROOTS", ""), "PACKAGE_ROOTS="),
    )
    fragments = [Path(f) for f in arguments.get("CONFIG_FRAGMENTS", "").split(",") if f]
    app = Path(arguments["APP"]) if arguments.get("APP") else None
    build_dir = Path(arguments["BUILD_DIR"]) if arguments.get("BUILD_DIR") else None
    inputs = make_inputs(
        board, fragments, app, build_dir, arguments.get("PRISTINE", "0") not in ("", "0"), base
    )
    return Options(
        inputs=inputs,
        verbose=arguments.get("V", "0") not in ("", "0"),
        app=inputs.app,
    )


BUILD_ARGS = "build-args.json"
MODULE_PREFIX = "MODULE_"


def module_sources(view: ConfigView, py_dir: Path) -> list[Path]:
    """py/mod_<name>.c for every enabled CONFIG_MODULE_<NAME>, sorted.

    A symbol MODULE_<PARENT>_<OPTION> of an existing module is a sub-option
    (switched inside the parent's source); any other without a file is an error.
    """
    enabled = sorted(
        n[len(MODULE_PREFIX) :].lower()
        for n, v in view.values.items()
        if n.startswith(MODULE_PREFIX) and v == "y"
    )
    sources = []
    for name in enabled:
        path = py_dir / f"mod_{name}.c"
        if path.is_file():
            sources.append(path)
        elif not any(
            name.startswith(p + "_") and (py_dir / f"mod_{p}.c").is_file() for p in enabled
        ):
            raise MpforgeError(
                f"CONFIG_MODULE_{name.upper()} is on, but its source py/mod_{name}.c does not "
                "exist; add the source or turn the option off"
            )
    return sources


def record_arguments(opts: Options) -> None:
    """Keep the fragments and app of this build, so `mpforge verify` can repeat it."""
    fragments = [str(f) for f in opts.inputs.fragments]
    if opts.app is not None and fragments and fragments[-1] == str(opts.app / APP_FRAGMENT):
        fragments.pop()  # the app's own app.conf: the app brings it again
    data = {
        "fragments": fragments,
        "app": str(opts.app or ""),
        "board_roots": roots.join(roots.board_roots()),
        "package_roots": roots.join(roots.package_roots()),
    }
    path = opts.build_dir / BUILD_ARGS
    text = json.dumps(data, indent=1) + "\n"
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")


def resolve_config(opts: Options) -> Resolution:
    lock_build_dir(opts.build_dir, lambda line: print(line, file=sys.stderr, flush=True))
    resolution = resolve(opts.inputs, lambda line: print(line, file=sys.stderr))
    record_arguments(opts)
    return resolution


def reported(error: MpforgeError) -> object:
    """What an SCons action returns for `error`: it prints the one `error:` line, and the
    failure it returns stops the build without SCons's `scons: *** [target] Error 1` after it
    (see quiet_reported_failures). A tool the user's Ctrl-C stopped is no error: nothing
    is printed (`mpforge build` says `interrupted`)."""
    if not isinstance(error, Interrupted):
        print(f"error: {error.message}", file=sys.stderr)
    return already_reported(error)


def already_reported(error: MpforgeError) -> object:
    """What an SCons action returns for `error` when it has printed the error itself."""
    import SCons.Errors

    failure = SCons.Errors.BuildError(errstr=error.message, status=2, exitstatus=2)
    failure.mpf_reported = True  # type: ignore[attr-defined]
    failure.mpf_interrupted = isinstance(error, Interrupted)  # type: ignore[attr-defined]
    return failure


def quiet_interrupts() -> None:
    """Ctrl-C (SIGINT) ends the build without a word from SCons: `mpforge build` says
    `interrupted` once. While the SConstruct runs (the CONFIG stage) it leaves quietly
    (SCons printed `scons: Build interrupted.` for a KeyboardInterrupt there); while steps
    run, SCons's own handler stops them and writes what finished into .sconsign, and the
    steps it stopped say nothing (gcc killed by the terminal's SIGINT was `Error -2`).
    `mpforge build` starts SCons with SIGINT blocked (process.call's hold_sigint), so a
    Ctrl-C typed while Python and SCons start up waits here, and leaves quietly too."""

    def leave(_signum: int, _frame: object) -> None:
        raise SystemExit(2)

    signal.signal(signal.SIGINT, leave)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


def was_interrupted(error: BaseException | None) -> bool:
    """A step that failed because the build was interrupted (its tool killed by SIGINT, or
    stopped by SCons's interrupt handler)."""
    import SCons.Errors

    if not isinstance(error, SCons.Errors.BuildError):
        return False
    cause = error.exc_info[1] if error.exc_info else None
    return (
        error.status == -signal.SIGINT
        or error.errstr == "Build interrupted."
        or isinstance(cause, Interrupted)
        or getattr(error, "mpf_interrupted", False)
    )


def build_interrupted() -> bool:
    """Whether SCons stopped the build for a signal (its exit status is then 2 without a
    failed step)."""
    import SCons.Script
    import SCons.Script.Main

    return SCons.Script.Main.this_build_status != 0 and not SCons.Script.GetBuildFailures()


def quiet_reported_failures() -> None:
    """Make SCons print nothing more for a failure an action has already reported, or for
    a step the user's Ctrl-C stopped."""
    import SCons.Script.Main

    task = SCons.Script.Main.BuildTask
    if getattr(task, "mpf_quiet", False):
        return
    original = task.failed

    def failed(self: SCons.Script.Main.BuildTask) -> None:
        error = self.exc_info()[1]
        if was_interrupted(error):
            error.exitstatus = 2
        elif _file_system_refused(error):
            pass  # said as one `error:` line
        elif not getattr(error, "mpf_reported", False):
            original(self)
            return
        self.exception = (type(error), error, None)
        self.do_failed(error.exitstatus)
        self.exc_clear()

    task.failed = failed
    task.mpf_quiet = True


def _file_system_refused(error: BaseException | None) -> bool:
    """A step's target the file system would not remove or write (a read-only or immutable
    build directory): SCons said `scons: *** [target] target: Operation not permitted`.
    Print it as one `error:` line naming the file, and return True."""
    import errno

    import SCons.Errors

    from mpforge.textfile import show

    if not isinstance(error, SCons.Errors.BuildError) or not error.exc_info:
        return False
    cause = error.exc_info[1]
    if not isinstance(cause, OSError) or not cause.filename:
        return False
    hint = ""
    if cause.errno in (errno.EPERM, errno.EACCES, errno.EROFS):
        hint = "; make the build directory writable, or choose another (--build-dir)"
    print(
        f"error: cannot write {show(Path(str(cause.filename)))}: {cause.strerror}{hint}",
        file=sys.stderr,
    )
    error.exitstatus = 2
    return True
