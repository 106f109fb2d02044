// host.h -- functions of the host port shared between its files.
#ifndef MPF_HOST_H
#define MPF_HOST_H

#include <stdbool.h>
#include <stddef.h>

#include "mpfconfig.h"

// Record the highest stack address the GC scans and the usable stack below it
// (0: ask the system's stack rlimit). Called first thing on the VM's thread.
void mpf_host_set_stack_top(void *top, size_t size);

// `-X heapsize=N`: the GC manages only the first N bytes of the static heap (at least
// MPF_HOST_HEAP_MIN, at most CONFIG_HEAP_SIZE); false when N is outside that range.
// The smallest CONFIG_HEAP_SIZE py/Kconfig takes on the host (a port with a filesystem): the
// start keeps about 9 KB of it (the frame stack is 1/16 of the heap the GC manages).
#define MPF_HOST_HEAP_MIN (32 * 1024)
bool mpf_host_set_heap_size(size_t n);

// The error number of the last failed call as the core knows it (py/port.h: Linux's
// numbers, which mod_errno and the OSError subclasses use). The same on Linux;
// emscripten's libc numbers them differently (ENOENT is 44 there).
int mpf_host_errno(void);

// SIGINT raises KeyboardInterrupt in the running program (port.c; before it, Ctrl-C kills).
void mpf_host_sigint_init(void);

#if CONFIG_FAULT_INJECT
// Start counting allocations and poll checks for the faults the environment asks for
// (py/Kconfig FAULT_INJECT: MPF_FAULT_ALLOC, MPF_FAULT_INTERRUPT, MPF_FAULT_STATS).
void mpf_host_fault_arm(void);
#define MPF_HOST_FAULT_ARM() mpf_host_fault_arm()
#else
#define MPF_HOST_FAULT_ARM() ((void)0)
#endif

#if CONFIG_REPL
#include <stdbool.h>
#include <stdio.h>

// The interactive console (console.c), for the REPL: when standard input is a terminal,
// put it in raw mode and start reading it on a thread; false (and nothing changed) if not.
bool mpf_host_console_start(void);
// True once mpf_host_console_start() succeeded: stdin/stdout go through the console.
bool mpf_host_console_active(void);
// The next input byte, blocking; -1 at the end of input. Raises KeyboardInterrupt for a
// Ctrl-C (or SIGINT) since the last check.
int mpf_host_console_read(void);
// True when a byte, the end of input or a Ctrl-C is waiting.
bool mpf_host_console_ready(void);
// Raise KeyboardInterrupt if a Ctrl-C (or SIGINT) came since the last check.
void mpf_host_console_poll(void);
// Write [len] bytes of [data] to [f] with "\n" as "\r\n" (the terminal is raw).
void mpf_host_console_write(FILE *f, const char *data, size_t len);
#endif

#endif // MPF_HOST_H
