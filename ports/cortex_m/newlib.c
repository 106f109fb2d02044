// newlib.c -- the C library's allocations on the GC heap. No C library function the core
// calls allocates today (the float <-> decimal conversions are py/obj_float.c's own, so
// newlib's printf float support and dtoa, which took their big numbers from malloc, are no
// longer linked). These definitions are the safety net for one that would: without them a
// malloc would link libnosys's _sbrk, which grows a second heap from the end of .bss without
// a limit, over the stack (a HardFault on the micro:bit's 16 KiB). Here malloc is the GC
// heap's: an allocation that does not fit raises MemoryError, and what a call cut short by
// it held is collected. Blocks newlib keeps between calls hang off its reentrancy structure,
// which the collector scans as a root (CONFIG_PORT_GC_EXTRA_ROOTS); a new heap (a soft reset)
// forgets them. libm's wrappers link that structure for errno.
// The image links newlib-nano (--specs=nano.specs), whose reentrancy structure is the
// small one (_REENT_SMALL); its configuration header comes first so that the structure
// compiled here is the one linked (the plain compile sees the full newlib's header).
#include <nano/newlib.h>
#include <reent.h>
#include <stddef.h>

#ifndef _REENT_SMALL
#error "newlib-nano's reentrancy structure expected (_REENT_SMALL)"
#endif

// The reentrancy structure (96 bytes of RAM) is linked only when some C library function
// the image calls uses it (libm's errno, malloc through newlib): a weak
// reference here does not pull it in, and reads NULL when nothing else did.
#pragma weak _impure_ptr

#include "cortex_m.h"
#include "mpf.h"
#include "port.h"

void *_malloc_r(struct _reent *r, size_t n);
void *_calloc_r(struct _reent *r, size_t count, size_t size);
void *_realloc_r(struct _reent *r, void *p, size_t n);
void _free_r(struct _reent *r, void *p);

void *_malloc_r(struct _reent *r, size_t n) {
    (void)r;
    return mpf_gc_alloc(n, false);
}

void *_calloc_r(struct _reent *r, size_t count, size_t size) {
    (void)r;
    return mpf_gc_alloc_var(0, size, count, false);  // GC blocks come zeroed
}

void *_realloc_r(struct _reent *r, void *p, size_t n) {
    (void)r;
    return mpf_gc_realloc(p, n);
}

void _free_r(struct _reent *r, void *p) {
    (void)r;
    if (p != NULL) {
        mpf_gc_free(p);
    }
}

void *malloc(size_t n) {
    return _malloc_r(_REENT, n);
}

void *calloc(size_t count, size_t size) {
    return _calloc_r(_REENT, count, size);
}

void *realloc(void *p, size_t n) {
    return _realloc_r(_REENT, p, n);
}

void free(void *p) {
    _free_r(_REENT, p);
}

void mpf_port_gc_roots(void (*mark)(const void *lo, const void *hi)) {
    if (&_impure_ptr != NULL) {
        mark(_impure_ptr, _impure_ptr + 1);
    }
}

void cm_libc_heap_reset(void) {
    // newlib-nano (_REENT_SMALL) allocates these on first use and frees none: drop the
    // pointers into the old heap, so the next use allocates in the new one.
    if (&_impure_ptr == NULL) {
        return;
    }
    struct _reent *r = _impure_ptr;
    r->_mp = NULL;
    r->_cvtbuf = NULL;
    r->_cvtlen = 0;
    r->_r48 = NULL;
    r->_localtime_buf = NULL;
    r->_asctime_buf = NULL;
    r->_misc = NULL;
    r->_signal_buf = NULL;
}
