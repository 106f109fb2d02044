// compile_mpy.c -- the .mpy v6.3 image writer of the compiler (CONFIG_COMPILER_MPY_OUTPUT, the
// host's `firmware --compile`): the file's tables and scopes put in mpy-cross's order, each
// scope's prelude, the image. Code to run (eval, exec, imports, the REPL) needs none of it:
// compile_emit.c makes that without an image.
#include <string.h>

#include "compile_emit.h"

static void put_bytes(emit_t *e, const uint8_t *b, size_t n) {
    for (size_t i = 0; i < n; i++) {
        mpf_emit_put(e, b[i]);
    }
}

// Write the source info of [s] to [w]: simple name, argument names, the line table of [e].
static void w_info(emit_t *w, emit_t *e, const scope_t *s) {
    for (size_t i = 0; i <= (size_t)s->n_pos + s->n_kwonly; i++) {
        mpf_emit_put_vuint(w, mpf_emit_use_qstr(e, mpf_emit_info_name(s, i)));
    }
    put_bytes(w, e->lines, e->lines_len);
}

// Write the prelude of [s] to [w]: signature, the sizes of the source info and the
// [n_cell] [cells], then those.
static void w_prelude(emit_t *w, emit_t *e, const scope_t *s, const uint8_t *cells, size_t n_cell) {
    emit_t count = *w;
    count.count_only = true;
    count.len = 0;
    w_info(&count, e, s);
    size_t n_state = (size_t)s->num_locals + s->stack_size;
    unsigned S = (unsigned)(n_state ? n_state - 1 : 0), E = s->exc_size, F = s->flags & 0x0F, A = s->n_pos,
             K = s->n_kwonly, D = s->n_def_pos;
    uint8_t z = (uint8_t)(((S & 0xF) << 3) | ((E & 1) << 2) | (A & 3));
    S >>= 4;
    E >>= 1;
    A >>= 2;
    while (S | E | F | A | K | D) {
        mpf_emit_put(w, z | 0x80);
        z = (uint8_t)(((F & 1) << 6) | ((S & 3) << 4) | ((K & 1) << 3) | ((A & 1) << 2) | ((E & 1) << 1) | (D & 1));
        F >>= 1;
        S >>= 2;
        K >>= 1;
        A >>= 1;
        E >>= 1;
        D >>= 1;
    }
    mpf_emit_put(w, z);
    size_t I = count.len, C = n_cell;
    while (true) {
        z = (uint8_t)(((I & 0x3F) << 1) | (C & 1));
        I >>= 6;
        C >>= 1;
        if (!(I | C)) {
            break;
        }
        mpf_emit_put(w, z | 0x80);
    }
    mpf_emit_put(w, z);
    w_info(w, e, s);
    put_bytes(w, cells, n_cell);
}

// The prelude of [s] in the pieces of its raw code, made with room for its [body_len] bytes
// of code (the final pass writes them after the prelude).
void mpf_mpy_prelude(emit_t *e, scope_t *s, const uint8_t *cells, size_t n_cell, size_t body_len) {
    emit_t w = *e;
    w.count_only = true;
    w.dead = false;
    w.len = 0;
    w_prelude(&w, e, s, cells, n_cell);
    size_t pre = w.len;
    size_t total = pre + body_len;
    raw_piece_t **link = &s->raw;
    for (size_t done = 0; done < total;) {
        size_t n = total - done < PIECE_MAX ? total - done : PIECE_MAX;
        raw_piece_t *pc = mpf_gc_alloc(sizeof(raw_piece_t) + n, false);
        pc->next = NULL;
        pc->len = (uint32_t)n;
        *link = pc;
        link = &pc->next;
        done += n;
    }
    s->raw_len = (uint32_t)total;
    w.count_only = false;
    w.piece = s->raw;
    w.piece_off = 0;
    w.len = 0;
    w_prelude(&w, e, s, cells, n_cell);
    e->piece = s->raw;
    e->piece_off = -(ptrdiff_t)pre;
}

// Visit entry [v] (provisional index) of table [which] in the final order: map[which] gets
// its final index (UINT16_MAX: not yet visited), [t] the entry.
void mpf_mpy_visit_entry(emit_t *e, tables_t *t, int which, size_t v) {
    uint16_t *map = e->map[which];
    if (map[v] == UINT16_MAX) {
        map[v] = (uint16_t)t->n[which];
        t->v[which][t->n[which]++] = e->tab[which].v[v];
    }
}

static void w_const(emit_t *o, mpf_obj_t v) {
    // None, False, True, Ellipsis: a tag alone
    uint8_t tag = v == MPF_OBJ_NONE ? 1 : v == MPF_OBJ_FALSE ? 2 : v == MPF_OBJ_TRUE ? 3 : v == MPF_OBJ_ELLIPSIS ? 4 : 0;
    const mpf_type_t *t = mpf_obj_type(v);
    size_t n;
    if (t == &mpf_type_tuple) {
        mpf_obj_t *items;
        mpf_obj_get_array(v, &n, &items);
        mpf_emit_put(o, 10);
        mpf_emit_put_vuint(o, n);
        for (size_t i = 0; i < n; i++) {
            w_const(o, items[i]);
        }
        return;
    }
    if (tag == 0) {
        // str and bytes: their bytes and a 0; int, float, complex: their repr
        tag = 5;
        const char *s;
#if CONFIG_FLOAT
        // a float, or a complex (an imaginary literal: 0 real part), as mpy-cross prints
        // them: 16 digits when they read back, else 17
        char buf[MPF_FLOAT_REPR_MAX + 1];
        if (t == &mpf_type_float
#if CONFIG_BUILTIN_COMPLEX
            || t == &mpf_type_complex
#endif
        ) {
            mpf_float_t f;
            tag = 8;
#if CONFIG_BUILTIN_COMPLEX
            if (t == &mpf_type_complex) {
                mpf_float_t re;
                (void)mpf_complex_get_maybe(v, &re, &f);
                tag = 9;
            } else
#endif
            {
                f = mpf_obj_get_float(v);
            }
            n = mpf_float_repr_mpy(buf, f);
            if (tag == 9) {
                n -= n >= 2 && buf[n - 1] == '0' && buf[n - 2] == '.' ? 2 : 0;
                buf[n++] = 'j';
            }
            s = buf;
        } else
#endif
        {
            if (t == &mpf_type_bytes) {
                tag = 6;
            } else if (t != &mpf_type_str) {
                v = mpf_obj_repr(v);
                tag = 7;
            }
            s = mpf_obj_str_data(v, &n);
        }
        mpf_emit_put(o, tag);
        mpf_emit_put_vuint(o, n);
        put_bytes(o, (const uint8_t *)s, n);
        if (tag > 6) {
            return;
        }
        tag = 0;   // (a str or bytes ends with a 0)
    }
    mpf_emit_put(o, tag);
}

// A raw code of the image, in the image's order (depth first, each before its children).
typedef struct {
    raw_piece_t *raw;
    uint32_t len;
    uint32_t n_children;
} raw_ref_t;

// Append [s] and its children, depth first, to [v] from [*n] on.
static void collect_raws(raw_ref_t *v, size_t *n, const scope_t *s) {
    v[*n].raw = s->raw;
    v[*n].len = s->raw_len;
    v[*n].n_children = s->n_children;
    (*n)++;
    for (size_t i = 0; i < s->n_children; i++) {
        collect_raws(v, n, s->children[i]);
    }
}

static void w_raw(emit_t *o, const raw_ref_t *r) {
    mpf_emit_put_vuint(o, ((size_t)r->len << 3) | (r->n_children ? 4 : 0));
    for (raw_piece_t *pc = r->raw; pc != NULL;) {
        raw_piece_t *next = pc->next;
        put_bytes(o, pc->data, pc->len);
        if (!o->count_only) {
            mpf_gc_free(pc);   // in the image now
        }
        pc = next;
    }
    if (r->n_children) {
        mpf_emit_put_vuint(o, r->n_children);
    }
}

// Put the file's tables (filled in the order the module was recorded) in mpy-cross's order:
// the file name, each scope's name and what its scope pass registered, then each scope's
// name, parameters and what its code uses, scopes in creation order. qmap/cmap say where
// each entry went.
static void order_tables(emit_t *e) {
    tables_t t;
    for (int w = 0; w < 2; w++) {
        size_t n = e->tab[w].n;
        t.v[w] = n ? mpf_gc_alloc(n * sizeof(uintptr_t), false) : NULL;
        t.n[w] = 0;
        e->map[w] = mpf_gc_alloc((n + 1) * sizeof(uint16_t), false);
        memset(e->map[w], 0xFF, (n + 1) * sizeof(uint16_t));
    }
    mpf_mpy_visit_entry(e, &t, T_Q, 0);   // the file name
    for (int code = 0; code < 2; code++) {
        for (scope_t *s = e->first; s != NULL; s = s->next) {
            mpf_emit_walk(e, s, &t, code);
        }
    }
    for (int w = 0; w < 2; w++) {
        table_t *tab = &e->tab[w];
        if (t.n[w] != tab->n) {
            mpf_raise_msg(&mpf_type_RuntimeError, INTERNAL_ERROR);
        }
        mpf_gc_free(tab->v);
        tab->v = t.v[w];
        tab->cap = tab->n;
    }
}

// Put the scopes in mpy-cross's creation order (breadth first: each scope's children are
// created by its scope pass, which runs after those of every scope created before it).
NOINLINE static void order_scopes(emit_t *e) {
    size_t n = 0;
    for (scope_t *s = e->first; s != NULL; s = s->next) {
        n++;
    }
    scope_t **v = mpf_gc_alloc(n * sizeof(scope_t *), false);
    size_t k = 0;
    for (size_t depth = 0; k < n; depth++) {
        for (scope_t *s = e->first; s != NULL; s = s->next) {
            size_t d = 0;
            for (const scope_t *p = s->parent; p != NULL; p = p->parent) {
                d++;
            }
            if (d == depth) {
                v[k++] = s;
            }
        }
    }
    for (size_t i = 0; i < n; i++) {
        v[i]->next = i + 1 < n ? v[i + 1] : NULL;
    }
    e->first = v[0];
    e->last = v[n - 1];
    mpf_gc_free(v);
}

// The scopes and tables in the image's order, then each scope's raw code.
void mpf_mpy_compile_scopes(emit_t *e) {
    order_scopes(e);
    order_tables(e);
    for (scope_t *s = e->first; s != NULL; s = s->next) {
        mpf_emit_compile_scope(e, s);
        mpf_cc_note_heap(e->c);
    }
}

static size_t n_scopes(const scope_t *s) {
    size_t n = 0;
    for (; s != NULL; s = s->next) {
        n++;
    }
    return n;
}

// Write the .mpy image of the tables of [e] and the raw code of [mod] and its children.
static void write_image(emit_t *o, const emit_t *e, const raw_ref_t *raws, size_t n_raws) {
    put_bytes(o, (const uint8_t *)"M\x06\x00\x1f", 4);   // .mpy v6, no native code, 31-bit small ints
    const table_t *q = &e->tab[T_Q], *c = &e->tab[T_C];
    mpf_emit_put_vuint(o, q->n);
    mpf_emit_put_vuint(o, c->n);
    for (size_t i = 0; i < q->n; i++) {
        size_t n;
        const char *s = mpf_qstr_data(q->v[i], &n);
        size_t abi = mpf_qstr_to_abi(q->v[i]);
        if (abi != 0) {
            mpf_emit_put_vuint(o, (abi << 1) | 1);
        } else {
            mpf_emit_put_vuint(o, n << 1);
            put_bytes(o, (const uint8_t *)s, n);
            mpf_emit_put(o, 0);
        }
    }
    for (size_t i = 0; i < c->n; i++) {
        w_const(o, c->v[i]);
    }
    for (size_t i = 0; i < n_raws; i++) {
        w_raw(o, &raws[i]);
    }
}

// The .mpy image (for `--compile`; the boards load what mpf_emit_code makes instead).
void mpf_emit_mpy(mpf_cctx_t *c, mpf_parser_t *p, mpf_emit_out_t *out) {
    emit_t e;
    scope_t *mod = mpf_emit_compile_all(&e, c, p, true, NULL);
    // the raw codes in the image's order; then the scopes are released, before the image is
    // made: on a small heap they are most of what splits up the room the image needs
    raw_ref_t *raws = mpf_gc_alloc(n_scopes(mod) * sizeof(raw_ref_t), false);
    size_t n_raws = 0;
    collect_raws(raws, &n_raws, mod);
    mpf_emit_free_scopes(mod);
    // the image: its size counted first, then written into one block of that size (on a small,
    // fragmented heap a block grown by doubling needs a hole twice the image)
    emit_t o;
    memset(&o, 0, sizeof(o));
    o.c = c;
    o.count_only = true;
    write_image(&o, &e, raws, n_raws);
    size_t size = o.len;
    o.code = mpf_gc_alloc(size, false);
    o.cap = size;
    o.len = 0;
    o.count_only = false;
    write_image(&o, &e, raws, n_raws);
    if (o.len != size) {
        mpf_raise_msg(&mpf_type_RuntimeError, INTERNAL_ERROR);
    }
    mpf_cc_note_heap(c);
    mpf_gc_free(raws);
    mpf_gc_free(e.tab[T_Q].v);
    mpf_gc_free(e.tab[T_C].v);
    out->mpy = o.code;
    out->len = o.len;
}
