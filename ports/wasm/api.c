// api.c -- what the WebAssembly module offers JavaScript beyond main(): run a compiled
// .mpy given as bytes (the page's runMpy()) and, with the compiler, run source in a
// session that lasts from one call to the next (exec(), the page's REPL). The rest of
// the port is the host port's POSIX layer (ports/host/), which emscripten provides.
#include <emscripten.h>
#include <string.h>

#include "mpf.h"
#include "port.h"
#include "host.h"
#if CONFIG_COMPILER
#include "compile.h"
#include "repl.h"
#endif

// Every entry from JavaScript starts on a different part of the JS-driven C stack.
static void enter(void) {
    volatile int top = 0;
    mpf_host_set_stack_top((void *)&top, CONFIG_WASM_STACK_SIZE - 16 * 1024);
}

// Whether the interpreter holds a session exec() continues: set by exec() and by
// main() (its __main__ is the session's, as a board's REPL runs in main.py's globals),
// dropped by runMpy(), which starts afresh.
static bool session_live;

EMSCRIPTEN_KEEPALIVE void mpf_wasm_adopt_session(void);
void mpf_wasm_adopt_session(void) {
    session_live = true;
}

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
    enter();
    session_live = false;
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

#if CONFIG_COMPILER && CONFIG_REPL
// Run [len] bytes of UTF-8 source in the session's __main__ ([single]: as one REPL entry,
// printing an expression's value); returns 0, 1 after an uncaught exception (its
// traceback printed), or SystemExit's status.
EMSCRIPTEN_KEEPALIVE int mpf_wasm_exec(const char *src, size_t len, int single);
static void ensure_session(void) {
    enter();
    if (!session_live) {
        mpf_init();
        session_live = true;
    }
}

int mpf_wasm_exec(const char *src, size_t len, int single) {
    ensure_session();
    return mpf_repl_exec_source(src, len, single != 0);
}

// 1 when [src] is an unfinished statement: a REPL shows "... " and reads another line.
// A compound statement is complete once a blank line follows it.
EMSCRIPTEN_KEEPALIVE int mpf_wasm_needs_more(const char *src, size_t len);
int mpf_wasm_needs_more(const char *src, size_t len) {
    ensure_session();  // the parser allocates on the heap
    int more = mpf_compile_needs_more(src, len);
    if (more == 1 && len >= 1 && src[len - 1] == '\n') {
        size_t i = len - 1;
        while (i > 0 && (src[i - 1] == ' ' || src[i - 1] == '\t')) {
            i--;
        }
        if (i > 0 && src[i - 1] == '\n') {
            return 0;
        }
    }
    return more != 0;
}
#endif
