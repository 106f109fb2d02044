// main.c -- run the frozen boot.py and main.py, then wait for Ctrl-D to run main.py again
// (a soft reset: the heap and modules start afresh).
#include "e8hal.h"
#include "mpf.h"
#include "port.h"

#define CHAR_CTRL_D 0x04

int main(void) {
    for (;;) {
        mpf_init();
        int status = mpf_boot_frozen();
        mpf_deinit();
        mpf_printf(&mpf_print_stdout, "main.py ended (status %d); Ctrl-D runs it again\n", status);
        while (e8_console_getc() != CHAR_CTRL_D) {
            (void)e8_console_take_interrupt();
        }
    }
}
