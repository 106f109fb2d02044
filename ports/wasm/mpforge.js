// mpforge.js -- the page's API over the WebAssembly module (firmware.js, firmware.wasm):
//
//   const py = await mpforge.load({stdout: (line) => ..., stderr: (line) => ...});
//   py.main();              // run the frozen boot.py and main.py; returns the exit status
//   py.runMpy(bytes);       // run a compiled .mpy (a Uint8Array) as __main__; its status
//
// Output arrives a line at a time through the callbacks (console.log/console.warn when
// none are given). Every run starts a fresh interpreter.
"use strict";
const mpforge = {
  async load(options = {}) {
    const module = await mpforgeModule({
      print: options.stdout || ((line) => console.log(line)),
      printErr: options.stderr || ((line) => console.warn(line)),
    });
    return {
      module,
      main() {
        return module.callMain([]);
      },
      runMpy(bytes) {
        const data = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
        const ptr = module._malloc(data.length || 1);
        try {
          module.HEAPU8.set(data, ptr);
          return module.ccall("mpf_wasm_run_mpy", "number", ["number", "number"], [ptr, data.length]);
        } finally {
          module._free(ptr);
        }
      },
    };
  },
};
