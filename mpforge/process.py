"""Running external tools: the one place mpforge starts a subprocess.

Every tool run goes through here, so all of them behave the same:
- `-v` (or MPFORGE_VERBOSE=1, which `mpforge -v` sets for the SCons process too) prints
  each command on stderr as `+ tool args...` before it runs;
- an action (`call`) honours dry-run: `-n` prints the command and runs nothing;
- a tool that is not installed is one `error:` line naming the Debian package that has
  it (tools/bootstrap.sh installs the packages of tools/deps/*.apt), never a traceback;
- a child that runs as long as mpforge waits (`call`, `popen`: a runner, an emulator, gdb's
  server) ends when mpforge dies, however it dies: SIGKILL included (`_dies_with_us`).

`run` is for tools whose output mpforge reads (captured); `call` for actions whose output
goes to the terminal; `popen` for a runner that shares the terminal with the child.
"""

from __future__ import annotations

import ctypes
import functools
import os
import shlex
import shutil
import signal
import subprocess
import sys
import threading
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from mpforge.errors import MpforgeError

VERBOSE_ENV = "MPFORGE_VERBOSE"

# Tool -> where it comes from, when that is not a Debian package of the same name.
DEBIAN_PACKAGES: dict[str, str] = {
    "arm-none-eabi-gcc": "gcc-arm-none-eabi",
    "arm-none-eabi-objcopy": "binutils-arm-none-eabi",
    "riscv64-unknown-elf-gcc": "gcc-riscv64-unknown-elf",
    "xtensa-lx106-elf-gcc": "gcc-xtensa-lx106",
    "node": "nodejs",
    "bossac": "bossa-cli",
    "emcc": "emscripten",
    "cp": "coreutils",
}
# Tools no Debian package has: the whole install hint.
OTHER_SOURCES: dict[str, str] = {
    "pyocd": "install it with `pip install pyocd`",
    "nrfjprog": "install the nRF Command Line Tools from Nordic (not in Debian)",
}


def install_hint(tool: str) -> str:
    """How to get `tool`: its Debian package, or where else it comes from."""
    name = Path(tool).name
    if name in OTHER_SOURCES:
        return OTHER_SOURCES[name]
    package = DEBIAN_PACKAGES.get(name, name)
    return f"install Debian package {package} (tools/bootstrap.sh does)"


class ToolNotFound(MpforgeError):
    def __init__(self, tool: str) -> None:
        super().__init__(f"{Path(tool).name} not found: {install_hint(tool)}", 127)
        self.tool = tool


class Interrupted(MpforgeError):
    """A tool stopped by Ctrl-C (it died of SIGINT): the run was interrupted, nothing failed;
    `mpforge` says `interrupted` once (exit 130), a build step says nothing."""

    def __init__(self, tool: str) -> None:
        super().__init__(f"{Path(tool).name} interrupted", 130)


def verbose() -> bool:
    return os.environ.get(VERBOSE_ENV, "") not in ("", "0")


def set_verbose(on: bool) -> None:
    """`mpforge -v`: log every command here and in the child processes (SCons)."""
    if on:
        os.environ[VERBOSE_ENV] = "1"


def show(cmd: Sequence[str]) -> str:
    """A command as a shell would take it back."""
    return " ".join(shlex.quote(str(a)) for a in cmd)


def log(cmd: Sequence[str]) -> None:
    print(f"+ {show(cmd)}", file=sys.stderr, flush=True)


def missing(tool: str) -> str | None:
    """Why `tool` cannot run (not on PATH, with the install hint), or None when it can."""
    if os.sep in tool:
        return None if os.access(tool, os.X_OK) else f"{tool} not found: {install_hint(tool)}"
    if shutil.which(tool) is None:
        return f"{tool} not found: {install_hint(tool)}"
    return None


def require(tool: str) -> str:
    """`tool`'s path; ToolNotFound when it is not installed."""
    if missing(tool) is not None:
        raise ToolNotFound(tool)
    return shutil.which(tool) or tool


# prctl(2) option: the signal the calling process gets when its parent ends (Linux).
PR_SET_PDEATHSIG = 1


@functools.cache
def _prctl() -> Callable[..., int] | None:
    """libc's prctl, looked up in mpforge (never in a forked child); None off Linux. Looked
    up once, not at every child started."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        prctl = ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):
        return None
    prctl.argtypes = [ctypes.c_int, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong]
    prctl.restype = ctypes.c_int
    return prctl


def _dies_with_us() -> Callable[[], None] | None:
    """What the child runs between fork and exec so that it gets SIGTERM when mpforge ends,
    however mpforge ends (SIGKILL too: nothing of mpforge's own runs then; a runner in a
    session of its own gets no SIGHUP either). The death signal survives exec. Two limits
    of Linux's: it fires when the *thread* that started the child ends, so the thread that
    calls `call`/`popen` must outlive the child (every caller waits for its child in that
    thread); and a parent that died before the prctl is not watched, hence the getppid()
    after it (the child then exits before it execs). None where there is no prctl."""
    prctl = _prctl()
    if prctl is None:
        return None
    parent = os.getpid()

    def arm() -> None:
        prctl(PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0)
        if os.getppid() != parent:
            os._exit(128 + signal.SIGTERM)

    return arm


def run(
    cmd: Sequence[str | Path],
    *,
    env: Mapping[str, str] | None = None,
    cwd: Path | None = None,
    timeout: float | None = None,
    text: bool = True,
    check: bool = False,
    on_line: Callable[[str], None] | None = None,
) -> subprocess.CompletedProcess:
    """Run a tool whose output mpforge reads: stdout and stderr are captured, the status is
    the caller's to judge (`check`: a failure is an MpforgeError with the tool's last line).
    ToolNotFound when the tool is not installed. `on_line` sees each line as it comes
    (stderr merged into stdout; no timeout), for progress on long work."""
    argv = [str(a) for a in cmd]
    if verbose():
        log(argv)
    if on_line is not None:
        proc = _run_lines(argv, env, cwd, on_line)
    else:
        proc = _run_captured(argv, env, cwd, timeout, text)
    if proc.returncode == -signal.SIGINT:
        raise Interrupted(argv[0])
    if check and proc.returncode != 0:
        said = proc.stderr or proc.stdout
        said = said if isinstance(said, str) else said.decode("utf-8", "replace")
        last = said.strip().splitlines()[-1:] or ["no output"]
        raise MpforgeError(f"`{show(argv)}` failed (status {proc.returncode}): {last[0]}")
    return proc


def _run_lines(
    argv: list[str],
    env: Mapping[str, str] | None,
    cwd: Path | None,
    on_line: Callable[[str], None],
) -> subprocess.CompletedProcess:
    try:
        proc = subprocess.Popen(
            argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
            errors="replace", env=None if env is None else dict(env), cwd=cwd,
        )  # fmt: skip
    except FileNotFoundError:
        raise ToolNotFound(argv[0]) from None
    assert proc.stdout is not None
    lines: list[str] = []
    try:
        for line in proc.stdout:
            lines.append(line)
            on_line(line.rstrip("\n"))
        proc.wait()
    except KeyboardInterrupt:
        _stop(proc)
        raise
    except BaseException:
        end(proc)
        raise
    finally:
        proc.stdout.close()
    return subprocess.CompletedProcess(argv, proc.returncode, "".join(lines), "")


def _run_captured(
    argv: list[str],
    env: Mapping[str, str] | None,
    cwd: Path | None,
    timeout: float | None,
    text: bool,
) -> subprocess.CompletedProcess:
    try:
        proc = subprocess.run(
            argv,
            capture_output=True,
            text=text,
            errors="replace" if text else None,
            check=False,
            env=None if env is None else dict(env),
            cwd=cwd,
            timeout=timeout,
        )
    except FileNotFoundError:
        raise ToolNotFound(argv[0]) from None
    return proc


def call(
    cmd: Sequence[str | Path],
    *,
    env: Mapping[str, str] | None = None,
    cwd: Path | None = None,
    dry_run: bool = False,
    echo: bool = False,
    hold_sigint: bool = False,
) -> int:
    """Run an action with the terminal as its console; its exit status. With `dry_run` the
    command is printed and nothing runs (status 0); `echo` prints it even without -v.
    `hold_sigint`: the child starts with SIGINT blocked (the mask survives exec), so a Ctrl-C
    while it starts up stays pending until it unblocks the signal with its own handler in
    place (the SCons child: scons_frontend.quiet_interrupts); a Ctrl-C then cannot land in
    its interpreter's start-up (`Fatal Python error: init_import_site` and a traceback) or
    in SCons's (`scons: Build interrupted.`)."""
    argv = [str(a) for a in cmd]
    if dry_run or echo or verbose():
        log(argv)
    if dry_run:
        return 0
    held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT}) if hold_sigint else None
    try:
        proc = subprocess.Popen(
            argv, env=None if env is None else dict(env), cwd=cwd, preexec_fn=_dies_with_us()
        )
    except FileNotFoundError:
        raise ToolNotFound(argv[0]) from None
    finally:
        if held is not None and signal.SIGINT not in held:
            signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    try:
        return proc.wait()
    except KeyboardInterrupt:
        _stop(proc)
        raise
    except SystemExit:  # mpforge itself was told to end (SIGTERM, SIGHUP: cli.main)
        end(proc)
        raise


def end(proc: subprocess.Popen, grace: float = 5) -> None:
    """Stop a child that mpforge is leaving behind (mpforge got SIGTERM or SIGHUP, the
    run timed out, gdb has quit): SIGTERM, then SIGKILL after `grace` seconds."""
    if proc.poll() is not None:
        return
    proc.terminate()
    try:
        proc.wait(grace)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


class Ended(SystemExit):
    """mpforge was told to end by a signal (SIGTERM, SIGHUP): raised where it waits, so
    the children it started are stopped on the way out; it exits with 128 + N."""


def _ended(signum: int, _frame: object) -> None:
    raise Ended(128 + signum)


def end_on_signals() -> dict[int, object]:
    """Make SIGTERM and SIGHUP (a closed terminal) raise Ended instead of killing mpforge
    on the spot, which left its children running (a QEMU in a session of its own, an SCons
    build holding its build directory); a signal ignored (nohup) stays ignored. Returns
    the handlers to give back to restore_signals."""
    previous: dict[int, object] = {}
    if threading.current_thread() is not threading.main_thread():
        return previous  # only the main thread may set handlers (a caller's own thread)
    for signum in (signal.SIGTERM, signal.SIGHUP):
        if signal.getsignal(signum) == signal.SIG_DFL:
            previous[signum] = signal.signal(signum, _ended)
    return previous


def restore_signals(previous: dict[int, object]) -> None:
    for signum, handler in previous.items():
        signal.signal(signum, handler)  # type: ignore[arg-type]


def _stop(proc: subprocess.Popen) -> None:
    """Ctrl-C while an action runs: let it stop on its own (SCons finishes its bookkeeping,
    so the next build is right), as it does when the terminal's SIGINT reached it too; a
    SIGINT sent to mpforge alone is passed on. A second Ctrl-C kills it."""
    try:
        try:
            proc.wait(timeout=2)
        except subprocess.TimeoutExpired:
            proc.send_signal(signal.SIGINT)
            proc.wait()
    except KeyboardInterrupt:
        proc.kill()
        proc.wait()


def popen(
    cmd: Sequence[str | Path],
    *,
    env: Mapping[str, str] | None = None,
    new_session: bool = False,
    console: int | None = None,
) -> subprocess.Popen:
    """Start a child that shares the terminal (a runner: the caller waits and signals it).
    `new_session`: out of the terminal's process group, so a Ctrl-C typed for another
    program (gdb) does not stop it. `console`: a file descriptor for its standard input and
    output instead of the terminal (a pty's side: runners/pty.py). It ends when mpforge
    dies (`_dies_with_us`), SIGKILL included."""
    argv = [str(a) for a in cmd]
    if verbose():
        log(argv)
    try:
        return subprocess.Popen(
            argv,
            env=None if env is None else dict(env),
            start_new_session=new_session,
            stdin=console,
            stdout=console,
            preexec_fn=_dies_with_us(),
        )
    except FileNotFoundError:
        raise ToolNotFound(argv[0]) from None
