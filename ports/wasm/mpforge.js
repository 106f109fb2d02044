// mpforge.js -- the page's API over the WebAssembly module (firmware.js, firmware.wasm):
//
//   const py = await mpforge.load({stdout: (line) => ..., stderr: (line) => ...});
//   py.main();              // run the frozen boot.py and main.py; returns the exit status
//   py.runMpy(bytes);       // run a compiled .mpy (a Uint8Array) as __main__; its status
//   py.exec(source);        // run Python source (builds with the compiler and REPL); its status
//   py.exec(line, {single: true});  // one REPL entry: an expression's value is printed
//   py.needsMore(source);   // true when a REPL should ask for another line ("... ")
//
// Output arrives a line at a time through the callbacks (console.log/console.warn when
// none are given); a traceback goes to stdout, as at a board's REPL. main() and runMpy()
// start a fresh interpreter; exec() continues the session main() or the last exec()
// left (its variables, imports and definitions), as a board's REPL runs after main.py.
"use strict";
const mpforge = {
  async load(options = {}) {
    const module = await mpforgeModule({
      print: options.stdout || ((line) => console.log(line)),
      printErr: options.stderr || ((line) => console.warn(line)),
    });
    // Call the C function [name] with [bytes] copied into the module's memory.
    const withBytes = (name, bytes, extra = []) => {
      const ptr = module._malloc(bytes.length || 1);
      try {
        module.HEAPU8.set(bytes, ptr);
        const types = ["number", "number", ...extra.map(() => "number")];
        return module.ccall(name, "number", types, [ptr, bytes.length, ...extra]);
      } finally {
        module._free(ptr);
      }
    };
    const compiler = typeof module._mpf_wasm_exec === "function";
    const needCompiler = () => {
      if (!compiler) {
        throw new Error(
          "this build has no exec(): enable CONFIG_COMPILER and CONFIG_REPL (mpforge menuconfig)",
        );
      }
    };
    const utf8 = new TextEncoder();
    return {
      module,
      compiler,
      main() {
        const status = module.callMain([]);
        module._mpf_wasm_adopt_session();
        return status;
      },
      runMpy(bytes) {
        return withBytes("mpf_wasm_run_mpy", bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes));
      },
      exec(source, { single = false } = {}) {
        needCompiler();
        return withBytes("mpf_wasm_exec", utf8.encode(source), [single ? 1 : 0]);
      },
      needsMore(source) {
        needCompiler();
        return withBytes("mpf_wasm_needs_more", utf8.encode(source)) !== 0;
      },
    };
  },
};
