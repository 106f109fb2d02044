// host.h -- functions of the host port shared between its files.
#ifndef MPF_HOST_H
#define MPF_HOST_H

// Record the highest stack address the GC scans and the usable stack below it
// (0: ask the system's stack rlimit). Called first thing on the VM's thread.
void mpf_host_set_stack_top(void *top, size_t size);

// The error number of the last failed call as the core knows it (py/port.h: Linux's
// numbers, which mod_errno and the OSError subclasses use). The same on Linux;
// emscripten's libc numbers them differently (ENOENT is 44 there).
int mpf_host_errno(void);

#endif // MPF_HOST_H
