// string.c -- the C library's memory and string functions as plain byte loops
// (CONFIG_CORTEX_M_SMALL_STRING): newlib-nano's are tuned for speed and cost about
// 1.7 KB on a Cortex-M4 (strcmp alone 732 B); these about 200 B. Linked before the
// library, so they replace its copies; slower on long copies, which a small image
// rarely makes.
//
// `used`: with LTO the compiler may emit a call to memcpy/memset (a struct copy) after
// it decided what the image keeps; these must stay. The optimize attribute stops GCC
// from turning a loop back into a call of the function it implements.
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define CM_LIBC __attribute__((used, optimize("no-tree-loop-distribute-patterns")))

CM_LIBC void *memmove(void *dst, const void *src, size_t n) {
    unsigned char *d = dst;
    const unsigned char *s = src;
    if ((uintptr_t)d <= (uintptr_t)s) {
        while (n--) {
            *d++ = *s++;
        }
    } else {
        while (n--) {
            d[n] = s[n];
        }
    }
    return dst;
}

// memcpy is memmove (its areas do not overlap: either direction copies them).
void *memcpy(void *restrict dst, const void *restrict src, size_t n) __attribute__((used, alias("memmove")));

CM_LIBC void *memset(void *dst, int c, size_t n) {
    unsigned char *d = dst;
    while (n--) {
        *d++ = (unsigned char)c;
    }
    return dst;
}

CM_LIBC int memcmp(const void *a, const void *b, size_t n) {
    const unsigned char *x = a, *y = b;
    for (; n; n--, x++, y++) {
        if (*x != *y) {
            return *x - *y;
        }
    }
    return 0;
}

CM_LIBC void *memchr(const void *p, int c, size_t n) {
    const unsigned char *s = p;
    for (; n; n--, s++) {
        if (*s == (unsigned char)c) {
            return (void *)s;
        }
    }
    return NULL;
}

CM_LIBC size_t strlen(const char *s) {
    const char *e = s;
    while (*e) {
        e++;
    }
    return (size_t)(e - s);
}

CM_LIBC int strcmp(const char *a, const char *b) {
    const unsigned char *x = (const unsigned char *)a, *y = (const unsigned char *)b;
    while (*x && *x == *y) {
        x++;
        y++;
    }
    return *x - *y;
}
