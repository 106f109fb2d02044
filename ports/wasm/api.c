// api.c -- what the WebAssembly module offers JavaScript beyond main(): run a compiled
// .mpy given as bytes (the page's runMpy()). The rest of the port is the host port's
// POSIX layer (ports/host/), which emscripten provides.
#include <emscripten.h>
#include <string.h>

#include "mpf.h"
#include "port.h"
#include "host.h"

// The collector's extra roots: the wasm locals of every live frame, unwound into a
// buffer by ASYNCIFY (a stack scan alone misses pointers held only in locals).
static void (*gc_mark)(const void *lo, const void *hi);

static void scan_spilled(void *lo, void *hi) {
    gc_mark(lo, hi);
}

void mpf_port_gc_roots(void (*mark)(const void *lo, const void *hi)) {
    gc_mark = mark;
    emscripten_scan_registers(scan_spilled);
}

// Run the [len] bytes of a .mpy at [data] as __main__ in a fresh interpreter; returns
// the exit status as the host executable would (0, 1 for an uncaught exception).
EMSCRIPTEN_KEEPALIVE int mpf_wasm_run_mpy(const uint8_t *data, size_t len);
int mpf_wasm_run_mpy(const uint8_t *data, size_t len) {
    volatile int top = 0;
    mpf_host_set_stack_top((void *)&top, CONFIG_WASM_STACK_SIZE - 16 * 1024);
    mpf_init();
    mpf_nlr_t nlr;
    mpf_nlr_push(&nlr);
    if (setjmp(nlr.jb) == 0) {
        uint8_t *buf = mpf_gc_alloc(len + 1, false);
        memcpy(buf, data, len);
        mpf_load_result_t res = mpf_load_mpy(buf, len);
        if (res.error != NULL) {
            mpf_nlr_pop(&nlr);
            mpf_printf(&mpf_print_stderr, "error: invalid .mpy: %s\n", res.error);
            return 1;
        }
        mpf_boot_run_as_main(res.rc, res.ctx, mpf_obj_new_str("<page>", 6));
        mpf_nlr_pop(&nlr);
        return 0;
    }
    return mpf_boot_exit_status(nlr.exc);
}
