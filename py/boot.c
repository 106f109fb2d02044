// boot.c -- what every port does at start-up and at the end: run code as __main__
// (a loaded .mpy, or the frozen boot.py then main.py) and turn an uncaught exception
// into an exit status. Ports call these instead of repeating them.
#include "mpf_int.h"
#include "port.h"
#if CONFIG_REPL
#include "repl.h"
#endif

// The frozen module called [name], or NULL.
static const mpf_frozen_module_t *boot_find_frozen(const char *name) {
    for (size_t i = 0; i < mpf_frozen_count; i++) {
        if (strcmp(mpf_frozen_modules[i].name, name) == 0) {
            return &mpf_frozen_modules[i];
        }
    }
    return NULL;
}

#if !CONFIG_REPL
static  // (only here: inlined)
#endif
mpf_obj_t mpf_boot_new_main(void) {
    mpf_obj_t mod = mpf_obj_new_module(MPF_QSTR___main__);
    mpf_dict_store(mpf_state.modules, mpf_obj_new_qstr(MPF_QSTR___main__), mod);
    return mpf_state.main_globals = ((mpf_module_t *)mpf_obj_ptr(mod))->globals;
}

void mpf_boot_run_as_main(const mpf_raw_code_t *rc, mpf_module_ctx_t *ctx, mpf_obj_t file) {
    mpf_obj_t globals = mpf_boot_new_main();
    if (file != MPF_OBJ_NULL) {
        mpf_dict_store(globals, mpf_obj_new_qstr(MPF_QSTR___file__), file);
    }
    mpf_vm_run_module(rc, ctx, globals);
}

// Run frozen module [fm] as __main__; the bytecode stays in flash.
static void boot_run_frozen(const mpf_frozen_module_t *fm) {
    mpf_boot_run_as_main(fm->rc, mpf_import_frozen_ctx(fm), MPF_OBJ_NULL);
}

#if !CONFIG_REPL
static  // (only here: inlined)
#endif
void mpf_boot_print_exc(const mpf_print_t *p, mpf_obj_t exc) {
    mpf_nlr_t nlr;
    mpf_nlr_push(&nlr);
    if (setjmp(nlr.jb) == 0) {
        mpf_exc_print_tb(p, exc);
        mpf_nlr_pop(&nlr);
    } else {
        // printing the traceback failed (a full heap): the type name at least
        mpf_printf(p, "\n%T\n", exc);
    }
}

int mpf_boot_exit_status(mpf_obj_t exc) {
    // (only an exception's type derives from these two)
    if (!mpf_exc_match(exc, &mpf_type_SystemExit)) {
        mpf_boot_print_exc(&mpf_print_stderr, exc);
        if (mpf_exc_match(exc, &mpf_type_KeyboardInterrupt)) {
            return MPF_EXIT_INTERRUPTED;
        }
        return 1;
    }
    mpf_obj_t code = mpf_exc_value(exc);
    if (code == MPF_OBJ_NONE) {
        return 0;
    }
    mpf_int_t n;
    if (mpf_obj_get_int_maybe(code, &n)) {
        return (int)n;
    }
    mpf_printf(&mpf_print_stderr, "%O\n", code);
    return 1;
}

int mpf_boot_frozen(void) {
    mpf_nlr_t nlr;
    mpf_nlr_push(&nlr);
    if (setjmp(nlr.jb) != 0) {
        return mpf_boot_exit_status(nlr.exc);
    }
    const mpf_frozen_module_t *boot = boot_find_frozen("boot");
    const mpf_frozen_module_t *main_py = boot_find_frozen("main");
    if (boot != NULL) {
        boot_run_frozen(boot);
    }
    if (main_py == NULL) {
        mpf_printf(&mpf_print_stdout, "mpforge on %s: no frozen main.py\n", mpf_port_platform);
#if CONFIG_REPL
    } else if (mpf_repl_raw_active) {
        // a soft reset from the raw REPL runs boot.py only
#endif
    } else {
        boot_run_frozen(main_py);
    }
    mpf_nlr_pop(&nlr);
    return 0;
}
