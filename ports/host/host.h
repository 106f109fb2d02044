// host.h -- functions of the host port shared between its files.
#ifndef MPF_HOST_H
#define MPF_HOST_H

// Record the highest stack address the GC scans and the usable stack below it
// (0: ask the system's stack rlimit). Called first thing on the VM's thread.
void mpf_host_set_stack_top(void *top, size_t size);

#endif // MPF_HOST_H
