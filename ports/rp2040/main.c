// main.c -- the firmware's main loop: run the frozen boot.py and main.py, then either
// leave the emulator with the status (SEMIHOSTING_EXIT) or wait for Ctrl-D on the
// console to run them again with a fresh heap (a soft reset).
#include "mpf.h"
#include "port.h"
#include "rp2040hal.h"

#define CHAR_CTRL_D 0x04

static int run_once(void) {
    mpf_init();
    int status = mpf_boot_frozen();
    mpf_deinit();
    rp2040_uart_close_all();  // machine.UART(1) does not outlive the run that opened it
    return status;
}

int main(void) {
    for (;;) {
        int status = run_once();
#if CONFIG_SEMIHOSTING_EXIT
        return status;
#else
        mpf_printf(&mpf_print_stdout, "main.py ended (status %d); Ctrl-D runs it again\n", status);
        while (rp2040_console_getc() != CHAR_CTRL_D) {
            (void)rp2040_console_take_interrupt();
            rp2040_timer_idle();
        }
#endif
    }
}
