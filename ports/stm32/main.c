// main.c -- the firmware's main loop: start the core, run the frozen boot.py and
// main.py (as __main__), report an uncaught exception with its traceback, and then
// either leave the emulator with the status (SEMIHOSTING_EXIT) or wait for Ctrl-D
// to run main.py again (a soft reset: the heap and modules start afresh).
#include "mpf.h"
#include "port.h"
#include "stm32hal.h"

#define CHAR_CTRL_D 0x04

// The frozen module called [name], or NULL.
static const mpf_frozen_module_t *find_frozen(const char *name) {
    for (size_t i = 0; i < mpf_frozen_count; i++) {
        if (strcmp(mpf_frozen_modules[i].name, name) == 0) {
            return &mpf_frozen_modules[i];
        }
    }
    return NULL;
}

// Run frozen module [fm]'s code as the module __main__ (as the host port runs a file).
static void run_as_main(const mpf_frozen_module_t *fm) {
    mpf_module_ctx_t *ctx = mpf_new(mpf_module_ctx_t);
    ctx->qstrs = fm->qstrs;
    ctx->consts = fm->consts;
    mpf_obj_t mod = mpf_obj_new_module(MPF_QSTR___main__);
    mpf_obj_t globals = ((mpf_module_t *)mpf_obj_ptr(mod))->globals;
    mpf_dict_store(mpf_state.modules, mpf_obj_new_qstr(MPF_QSTR___main__), mod);
    mpf_state.main_globals = globals;
    mpf_run_module(fm->rc, ctx, globals);
}

// The exit status an uncaught exception [exc] stands for, after printing it:
// SystemExit(n) gives n (None 0; anything else printed, 1); other exceptions print
// a traceback and give 1.
static int exit_status(mpf_obj_t exc) {
    if (!mpf_obj_is_exception(exc) || !mpf_exc_match(exc, &mpf_type_SystemExit)) {
        mpf_exc_print_tb(&mpf_print_stderr, exc);
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
    mpf_obj_print(&mpf_print_stderr, code, MPF_PRINT_STR);
    mpf_print_str(&mpf_print_stderr, "\n");
    return 1;
}

// One run: boot.py then main.py from the frozen modules. Returns the exit status.
static int run_once(void) {
    mpf_init();
    int status = 0;
    mpf_nlr_t nlr;
    mpf_nlr_push(&nlr);
    if (setjmp(nlr.jb) == 0) {
        const mpf_frozen_module_t *boot = find_frozen("boot");
        const mpf_frozen_module_t *main_py = find_frozen("main");
        if (boot != NULL) {
            run_as_main(boot);
        }
        if (main_py != NULL) {
            run_as_main(main_py);
        } else {
            mpf_printf(&mpf_print_stdout, "mpforge on %s (%s): no frozen main.py\n",
                       CONFIG_CHIP, mpf_port_platform);
        }
        mpf_nlr_pop(&nlr);
    } else {
        status = exit_status(nlr.exc);
    }
    mpf_deinit();
    return status;
}

int main(void) {
    for (;;) {
        int status = run_once();
#if CONFIG_SEMIHOSTING_EXIT
        return status;  // startup.c leaves the emulator with it
#else
        mpf_printf(&mpf_print_stdout, "main.py ended (status %d); Ctrl-D runs it again\n", status);
        while (stm32_usart_poll() != CHAR_CTRL_D) {
            (void)stm32_usart_take_interrupt();
            __asm__ volatile("wfi");
        }
#endif
    }
}
