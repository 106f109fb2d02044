"""Runners of the WebAssembly port (ports/wasm).

wasm-node: `build/<board>/firmware` (a launcher running `node --stack-size=N firmware.js`),
like the host executable: the frozen boot.py/main.py, or a .mpy given as an argument; its exit
status is the program's. browser: serves build/<board>/ on 127.0.0.1 and prints the page's
address (the page runs the frozen main.py); --timeout stops the server.
"""

from __future__ import annotations

import functools
import http.server
import sys
import threading
import time
from collections.abc import Sequence
from pathlib import Path

from mpforge import process
from mpforge.runners.base import Runner, timed_out


class WasmNodeRunner(Runner):
    name = "wasm-node"
    runs_files = True  # `mpforge run -b wasm_node FILE.py` runs a file, as on the host
    extra_args = "the firmware (a Node program)"
    no_device_console = (
        "its WebAssembly module has no console reader (no thread to take bytes while Python "
        "runs: ports/wasm/console.c), so it has no REPL for mpremote to drive; use the host "
        "(`mpforge run -b host --console pty`) or a board"
    )

    def image(self) -> Path:
        return self.build_dir / "firmware"

    def check(self) -> None:
        process.require("node")

    def command(self, args: Sequence[str]) -> list[str]:
        return [str(self.image()), *args]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {  # noqa: RUF012 - the class attribute the base class reads
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".js": "text/javascript",
    }

    def log_message(self, format: str, *args: object) -> None:
        pass


def serve(directory: Path, port: int = 0) -> http.server.ThreadingHTTPServer:
    """An HTTP server for `directory` on 127.0.0.1 (`port` 0: any free one), started in a
    thread; `server.server_address` says where."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


class BrowserRunner(Runner):
    name = "browser"

    def image(self) -> Path:
        return self.build_dir / "index.html"

    def run(
        self, args: Sequence[str] = (), timeout: float | None = None, batch: bool | None = None
    ) -> int:
        self.require_image()
        server = serve(self.build_dir)
        host, port = server.server_address[:2]
        print(
            f"note: serving {self.build_dir} at http://{host}:{port}/ (Ctrl-C stops)",
            file=sys.stderr,
        )
        try:
            if timeout is None:
                while True:
                    time.sleep(3600)
            time.sleep(timeout)
            return timed_out(timeout)
        except KeyboardInterrupt:
            return 0
        finally:
            server.shutdown()
