// vstr.c -- growable byte buffers in the GC heap, used to build strings.
#include "mpf.h"

void mpf_vstr_init(mpf_vstr_t *v, size_t alloc) {
    if (alloc < 16) {
        alloc = 16;
    }
    v->len = 0;
    v->buf = mpf_gc_alloc(alloc, false);
    v->alloc = alloc;  // (once the block is there)
}

char *mpf_vstr_extend(mpf_vstr_t *v, size_t n) {
    if (v->len + n + 1 > v->alloc) {
        size_t na = v->alloc * 2;
        if (na < v->len + n + 1) {
            na = v->len + n + 1;
        }
        v->buf = mpf_gc_realloc(v->buf, na);
        v->alloc = na;
    }
    char *p = v->buf + v->len;
    v->len += n;
    return p;
}

void mpf_vstr_add_strn(mpf_vstr_t *v, const char *s, size_t n) {
    if (n > 0) {
        memcpy(mpf_vstr_extend(v, n), s, n);
    }
}

void mpf_vstr_add_char(mpf_vstr_t *v, char c) {
    *mpf_vstr_extend(v, 1) = c;
}

static void vstr_write(void *env, const char *s, size_t n) {
    mpf_vstr_add_strn((mpf_vstr_t *)env, s, n);
}

void mpf_vstr_print(mpf_vstr_t *v, mpf_print_t *p) {
    p->env = v;
    p->write = vstr_write;
}

mpf_obj_t mpf_vstr_to_str(mpf_vstr_t *v) {
    return mpf_obj_new_str(v->buf, v->len);
}

mpf_obj_t mpf_vstr_to_bytes(mpf_vstr_t *v) {
    return mpf_obj_new_bytes((const uint8_t *)v->buf, v->len);
}
