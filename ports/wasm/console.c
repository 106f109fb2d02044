// console.c -- the interactive-console functions of the host port's POSIX layer (host.h)
// for WebAssembly: a module has no raw terminal and no reader thread, so the terminal
// REPL never starts (`node firmware.js` at a terminal runs the frozen app, as with a
// pipe). A page's REPL runs source through the module's exec() instead (api.c).
#include <stdio.h>

#include "host.h"

#if CONFIG_REPL

bool mpf_host_console_start(void) {
    return false;
}

bool mpf_host_console_active(void) {
    return false;
}

int mpf_host_console_read(void) {
    return -1;
}

bool mpf_host_console_ready(void) {
    return false;
}

void mpf_host_console_poll(void) {
}

void mpf_host_console_write(FILE *f, const char *data, size_t len) {
    fwrite(data, 1, len, f);
}

#endif
