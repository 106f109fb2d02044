// fuzz_loader.c -- libFuzzer target for the .mpy loader and verifier (py/loader.c).
//
// Each input is handed to mpf_load_mpy() as an .mpy image on a freshly initialised
// core. The loader must accept it or return an error message; any crash, sanitizer
// report, hang or uncaught exception (MemoryError aside) is a finding. For an accepted
// image the line tables of every function are also walked, as a traceback would.
// Built and run by tests/fuzz/run.sh.
#include <stdio.h>
#include <stdlib.h>

#include "mpf.h"
#include "host.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

// Look up the line of every instruction boundary... cheaply: the start and the end of
// each function's code, recursing through the raw-code tree.
static void walk_lines(const mpf_raw_code_t *rc, int depth) {
    if (depth > 100) {
        abort();  // the loader promised to bound nesting
    }
    (void)mpf_vm_line(rc, rc->code);
    (void)mpf_vm_line(rc, rc->code_end);
    for (size_t i = 0; i < rc->n_children; i++) {
        walk_lines(rc->children[i], depth + 1);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    volatile int top = 0;
    // the GC scans from here down; 1 MiB of stack is plenty for the loader
    mpf_host_set_stack_top((void *)&top, 1024 * 1024);
    mpf_init();
    mpf_nlr_t nlr;
    mpf_nlr_push(&nlr);
    if (setjmp(nlr.jb) == 0) {
        // the input stays in libFuzzer's exactly sized buffer, so ASan sees any overread
        mpf_load_result_t res = mpf_load_mpy(data, size);
        if (res.error == NULL) {
            if (res.rc == NULL || res.ctx == NULL) {
                abort();
            }
            walk_lines(res.rc, 0);
        } else if (res.error[0] == '\0') {
            abort();  // an error must say what is wrong
        }
        mpf_nlr_pop(&nlr);
    } else if (!mpf_obj_is_type(nlr.exc, &mpf_type_MemoryError)) {
        // the loader reports problems as messages, never by raising
        mpf_printf(&mpf_print_stderr, "loader raised %T\n", nlr.exc);
        abort();
    }
    mpf_deinit();
    (void)top;
    return 0;
}
