// items.c -- growable arrays of elements of any size: a list's items and a bytearray's
// bytes are the same thing but for the element size (len elements in room for alloc).
// These helpers do their slice arithmetic once. Prefix mpf_items_.
#include "mpf_int.h"

void *mpf_items_grow(void *items, size_t *alloc, size_t need, size_t size) {
    size_t na = *alloc * 2;
    if (na < need) {
        na = need;
    }
    // the new room is recorded once the block has it: a MemoryError leaves the array as it was
    void *p = mpf_gc_realloc_var(items, 0, size, na);
    *alloc = na;
    return p;
}

size_t mpf_items_splice(void *items, size_t len, size_t size, size_t start, size_t stop, const void *src, size_t n) {
    uint8_t *a = items;
    memmove(a + (start + n) * size, a + stop * size, (len - stop) * size);
    if (n > 0) {
        memcpy(a + start * size, src, n * size);
    }
    return len - (stop - start) + n;
}

void mpf_items_scatter(void *items, size_t size, mpf_int_t start, mpf_int_t step, const void *src, size_t count) {
    uint8_t *a = items;
    const uint8_t *s = src;
    for (size_t k = 0; k < count; k++) {
        memcpy(a + (size_t)(start + (mpf_int_t)k * step) * size, s + k * size, size);
    }
}

size_t mpf_items_delete_step(void *items, size_t len, size_t size, mpf_int_t start, mpf_int_t step, size_t count) {
    if (count == 0) {
        return len;
    }
    // walk upwards from the lowest selected index, skipping the selected elements
    uint8_t *a = items;
    size_t lo = (size_t)(step > 0 ? start : start + (mpf_int_t)(count - 1) * step);
    size_t astep = (size_t)(step > 0 ? step : -step);
    size_t w = lo, k = 0;
    for (size_t r = lo; r < len; r++) {
        if (k < count && r == lo + k * astep) {
            k++;
            continue;
        }
        memcpy(a + w++ * size, a + r * size, size);
    }
    return w;
}
