// main.c -- the firmware's main loop on every microcontroller port: start the core, run
// the frozen boot.py and main.py (as __main__), report an uncaught exception with its
// traceback, and then either leave the emulator or runner with the status (a
// non-interactive run: arch_exit_after_run()), or run the REPL (CONFIG_REPL), or wait for Ctrl-D; Ctrl-D (a
// soft reset) starts the heap and modules afresh and runs them again. What differs
// between architectures is behind port_arch.h.
#include "mpf.h"
#include "port.h"
#include "port_arch.h"
#if CONFIG_REPL
#include "repl.h"
#endif

#define CHAR_CTRL_D 0x04

// One run: boot.py then main.py from the frozen modules. Returns the exit status.
static int run_once(void) {
    mpf_init();
    int status = mpf_boot_frozen();
    if (arch_exit_after_run()) {
        return status;  // main() hands it to start-up, which ends the emulator or runner
    }
#if CONFIG_REPL
    (void)mpf_repl_run(false);  // returns at a soft reset
#endif
    mpf_deinit();
    arch_soft_reset();  // what Python opened does not outlive the run that opened it
    return status;
}

int main(void) {
    for (;;) {
        int status = run_once();
        if (arch_exit_after_run()) {
            return status;  // start-up ends the emulator or runner with it
        }
#if CONFIG_REPL
        (void)status;  // the REPL returned: a soft reset
#else
        mpf_printf(&mpf_print_stdout, "main.py ended (status %d); Ctrl-D runs it again\n", status);
        while (arch_console_getc() != CHAR_CTRL_D) {
            (void)arch_console_take_interrupt();
            arch_idle();
        }
#endif
    }
}
