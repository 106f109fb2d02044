// loader.c -- reads and verifies an .mpy v6.3 image (mpy-format.md sections 2-7, 14)
// into heap raw-code structs that point into the loaded buffer (bytecode is not copied).
// Every malformed input is rejected with a message; nothing here trusts the file.
#include "mpf.h"
#include "opcodes.h"

// Deepest nesting of raw codes / constant tuples accepted (the C recursion depth).
#define MAX_DEPTH 64

typedef struct reader {
    const uint8_t *p, *end;
    const char *err;
    size_t n_qstr, n_obj;
    mpf_qstr_t *qstrs;
} reader_t;

// Operand kind + 1 per opcode byte; 0 = undefined.
static const uint8_t op_info[256] = {
#define OPI(b, name, opnd, st) [b] = (opnd) + 1,
    MPF_OPCODES(OPI)
#undef OPI
};

static bool op_defined(uint8_t b, unsigned *opnd) {
    if (b >= 0x70 && b <= 0xF9 && !(b >= 0xD4 && b <= 0xD6)) {
        *opnd = MPF_OPND_NONE;
        return true;
    }
    if (op_info[b] == 0) {
        return false;
    }
    *opnd = op_info[b] - 1u;
    return true;
}

static bool fail(reader_t *r, const char *msg) {
    if (r->err == NULL) {
        r->err = msg;
    }
    return false;
}

// vuint from [*pp] bounded by [end]; false on truncation or overflow.
static bool get_uint(const uint8_t **pp, const uint8_t *end, mpf_uint_t *out) {
    const uint8_t *p = *pp;
    mpf_uint_t v = 0;
    for (;;) {
        if (p >= end) {
            return false;
        }
        uint8_t b = *p++;
        if (v >> (sizeof(mpf_uint_t) * 8 - 7)) {
            return false;
        }
        v = (v << 7) | (b & 0x7F);
        if (!(b & 0x80)) {
            break;
        }
    }
    *pp = p;
    *out = v;
    return true;
}

static bool read_uint(reader_t *r, mpf_uint_t *out) {
    if (!get_uint(&r->p, r->end, out)) {
        return fail(r, "truncated or oversized integer");
    }
    return true;
}

static bool read_bytes(reader_t *r, size_t n, const uint8_t **out) {
    if ((size_t)(r->end - r->p) < n) {
        return fail(r, "truncated data");
    }
    *out = r->p;
    r->p += n;
    return true;
}

static bool read_consts(reader_t *r, mpf_obj_t *out, int depth);

static bool read_const(reader_t *r, mpf_obj_t *out, int depth) {
    if (depth > MAX_DEPTH) {
        return fail(r, "constant tuples nested too deeply");
    }
    const uint8_t *tag;
    if (!read_bytes(r, 1, &tag)) {
        return false;
    }
    mpf_uint_t n;
    const uint8_t *data;
    switch (*tag) {
        case 1:
            *out = MPF_OBJ_NONE;
            return true;
        case 2:
            *out = MPF_OBJ_FALSE;
            return true;
        case 3:
            *out = MPF_OBJ_TRUE;
            return true;
        case 4:
            *out = MPF_OBJ_ELLIPSIS;
            return true;
        case 5:
        case 6: {
            if (!read_uint(r, &n) || !read_bytes(r, n, &data)) {
                return false;
            }
            const uint8_t *nul;
            if (!read_bytes(r, 1, &nul) || *nul != 0) {
                return fail(r, "str/bytes constant not NUL-terminated");
            }
            mpf_str_t *s = mpf_new(mpf_str_t);
            s->base.type = *tag == 5 ? &mpf_type_str : &mpf_type_bytes;
            s->len = n;
            s->data = data;  // in place: the buffer stays referenced by the module
            s->hash = mpf_qstr_compute_hash(data, n);
            *out = mpf_obj_from_ptr(s);
            return true;
        }
        case 7: {
            if (!read_uint(r, &n) || !read_bytes(r, n, &data)) {
                return false;
            }
            if (n == 0 || n > 4096) {
                return fail(r, "bad int constant");
            }
            for (size_t i = 0; i < n; i++) {
                if (!((data[i] >= '0' && data[i] <= '9') || (i == 0 && data[i] == '-' && n > 1))) {
                    return fail(r, "bad int constant");
                }
            }
            bool ok;
            *out = mpf_int_parse((const char *)data, n, 10, &ok);
            if (!ok) {
                return fail(r, "int constant too large for this build");
            }
            return true;
        }
        case 8: {
            if (!read_uint(r, &n) || !read_bytes(r, n, &data)) {
                return false;
            }
#if CONFIG_FLOAT
            bool ok;
            if (n == 0 || n > 64) {
                return fail(r, "bad float constant");
            }
            *out = mpf_float_parse((const char *)data, n, &ok);
            if (!ok) {
                return fail(r, "bad float constant");
            }
            return true;
#else
            return fail(r, "float constant but this build has no float support");
#endif
        }
        case 9:
            return fail(r, "complex constant unsupported");
        case 10: {
            if (!read_uint(r, &n)) {
                return false;
            }
            if (n > (mpf_uint_t)(r->end - r->p)) {
                return fail(r, "tuple constant larger than the file");
            }
            mpf_obj_t t = mpf_obj_new_tuple(n, NULL);
            if (!read_consts(r, ((mpf_tuple_t *)mpf_obj_ptr(t))->items, depth + 1)) {
                return false;
            }
            *out = t;
            return true;
        }
        case 0:
            return fail(r, "native function table in constants (native code unsupported)");
        default:
            return fail(r, "unknown constant tag");
    }
}

static bool read_consts(reader_t *r, mpf_obj_t *out, int depth) {
    mpf_tuple_t *t = (mpf_tuple_t *)((char *)out - offsetof(mpf_tuple_t, items));
    for (size_t i = 0; i < t->len; i++) {
        if (!read_const(r, &out[i], depth)) {
            return false;
        }
    }
    return true;
}

// Decode the signature (7.1) at [*pp].
static bool decode_signature(const uint8_t **pp, const uint8_t *end, mpf_uint_t v[6]) {
    // v: 0 S, 1 E, 2 F, 3 A, 4 K, 5 D
    const uint8_t *p = *pp;
    memset(v, 0, 6 * sizeof(mpf_uint_t));
    if (p >= end) {
        return false;
    }
    uint8_t z = *p++;
    v[0] = (z >> 3) & 0xF;
    v[1] = (z >> 2) & 1;
    v[3] = z & 3;
    for (unsigned n = 0; z & 0x80; n++) {
        if (p >= end || n > 20) {
            return false;
        }
        z = *p++;
        v[2] |= (mpf_uint_t)((z >> 6) & 1) << n;
        v[0] |= (mpf_uint_t)((z >> 4) & 3) << (4 + 2 * n);
        v[4] |= (mpf_uint_t)((z >> 3) & 1) << n;
        v[3] |= (mpf_uint_t)((z >> 2) & 1) << (2 + n);
        v[1] |= (mpf_uint_t)((z >> 1) & 1) << (1 + n);
        v[5] |= (mpf_uint_t)(z & 1) << n;
    }
    v[0] += 1;
    *pp = p;
    return true;
}

static bool decode_size(const uint8_t **pp, const uint8_t *end, mpf_uint_t *n_info, mpf_uint_t *n_cell) {
    const uint8_t *p = *pp;
    *n_info = 0;
    *n_cell = 0;
    uint8_t z;
    unsigned n = 0;
    do {
        if (p >= end || n > 8) {
            return false;
        }
        z = *p++;
        *n_info |= (mpf_uint_t)((z >> 1) & 0x3F) << (6 * n);
        *n_cell |= (mpf_uint_t)(z & 1) << n;
        n++;
    } while (z & 0x80);
    *pp = p;
    return true;
}

// Check the opcode stream of [rc] (section 14).
static bool verify_code(reader_t *r, const mpf_raw_code_t *rc) {
    const uint8_t *code = rc->code, *end = rc->code_end;
    size_t len = (size_t)(end - code);
    if (len == 0) {
        return fail(r, "empty bytecode");
    }
    uint8_t *starts = mpf_gc_alloc((len + 7) / 8, false);
    for (int pass = 0; pass < 2; pass++) {
        const uint8_t *p = code;
        while (p < end) {
            const uint8_t *insn = p;
            if (pass == 0) {
                starts[(size_t)(p - code) / 8] |= (uint8_t)(1u << ((size_t)(p - code) % 8));
            }
            uint8_t op = *p++;
            unsigned opnd;
            if (!op_defined(op, &opnd)) {
                mpf_gc_free(starts);
                return fail(r, "undefined opcode");
            }
            mpf_uint_t u = 0;
            switch (opnd) {
                case MPF_OPND_NONE:
                    break;
                case MPF_OPND_Q:
                case MPF_OPND_U:
                case MPF_OPND_C:
                case MPF_OPND_R:
                case MPF_OPND_RB:
                case MPF_OPND_S:
                    if (!get_uint(&p, end, &u)) {
                        mpf_gc_free(starts);
                        return fail(r, "truncated opcode operand");
                    }
                    break;
                default: {
                    if (p >= end || ((p[0] & 0x80) && p + 1 >= end)) {
                        mpf_gc_free(starts);
                        return fail(r, "truncated jump operand");
                    }
                    bool two = (p[0] & 0x80) != 0;
                    u = two ? (mpf_uint_t)((p[0] & 0x7F) | (p[1] << 7)) : p[0];
                    p += two ? 2 : 1;
                    mpf_int_t off = (opnd == MPF_OPND_JU) ? (mpf_int_t)u : (mpf_int_t)u - (two ? 0x4000 : 0x40);
                    const uint8_t *base = p;
                    if (opnd == MPF_OPND_JSB) {
                        if (p >= end) {
                            mpf_gc_free(starts);
                            return fail(r, "truncated UNWIND_JUMP");
                        }
                        if ((*p & 0x7F) == 0) {
                            mpf_gc_free(starts);
                            return fail(r, "UNWIND_JUMP with zero count");
                        }
                    }
                    ptrdiff_t t = (base - code) + off;
                    if (t < 0 || (size_t)t >= len) {
                        mpf_gc_free(starts);
                        return fail(r, "jump target outside the function");
                    }
                    if (pass == 1 && !(starts[(size_t)t / 8] & (1u << ((size_t)t % 8)))) {
                        mpf_gc_free(starts);
                        return fail(r, "jump target not on an instruction boundary");
                    }
                    if (opnd == MPF_OPND_JSB) {
                        p++;
                    }
                    break;
                }
            }
            if (opnd == MPF_OPND_RB) {
                if (p >= end) {
                    mpf_gc_free(starts);
                    return fail(r, "truncated closure operand");
                }
                if (*p > rc->n_state) {
                    mpf_gc_free(starts);
                    return fail(r, "closure cell count too large");
                }
                p++;
            }
            const char *bad = NULL;
            switch (opnd) {
                case MPF_OPND_Q:
                    if (u >= r->n_qstr) {
                        bad = "qstr index out of range";
                    }
                    break;
                case MPF_OPND_C:
                    if (u >= r->n_obj) {
                        bad = "constant index out of range";
                    }
                    break;
                case MPF_OPND_R:
                case MPF_OPND_RB:
                    if (u >= rc->n_children) {
                        bad = "child index out of range";
                    }
                    break;
                case MPF_OPND_U:
                    if ((op == MPF_OP_LOAD_FAST_N || op == MPF_OP_STORE_FAST_N || op == MPF_OP_LOAD_DEREF ||
                         op == MPF_OP_STORE_DEREF || op == MPF_OP_DELETE_FAST || op == MPF_OP_DELETE_DEREF) && u >= rc->n_state) {
                        bad = "local slot out of range";
                    } else if (op == MPF_OP_BUILD_SLICE && u != 2 && u != 3) {
                        bad = "BUILD_SLICE operand not 2 or 3";
                    } else if ((op == MPF_OP_BUILD_TUPLE || op == MPF_OP_BUILD_LIST || op == MPF_OP_BUILD_SET ||
                                op == MPF_OP_UNPACK_SEQUENCE) && u > rc->n_state) {
                        bad = "operand count exceeds the frame size";
                    } else if (op == MPF_OP_UNPACK_EX && (u & 0xFF) + (u >> 8) + 1 > rc->n_state) {
                        bad = "operand count exceeds the frame size";
                    } else if ((op >= MPF_OP_CALL_FUNCTION && op <= MPF_OP_CALL_METHOD_VAR_KW) &&
                               ((u >> 16) != 0 || (u & 0xFF) + 2 * (u >> 8) > rc->n_state)) {
                        bad = "call operand exceeds the frame size";
                    } else if (op == MPF_OP_STORE_COMP && (u >> 2) >= rc->n_state) {
                        bad = "STORE_COMP index out of range";
                    }
                    break;
                default:
                    break;
            }
            if (op >= 0xB0 && op <= 0xCF && (size_t)(op & 0xF) >= rc->n_state) {
                bad = "local slot out of range";
            }
            if (bad != NULL) {
                mpf_gc_free(starts);
                return fail(r, bad);
            }
            (void)insn;
        }
        if (p != end) {
            mpf_gc_free(starts);
            return fail(r, "opcode stream overruns the function");
        }
    }
    mpf_gc_free(starts);
    return true;
}

static const mpf_raw_code_t *read_raw_code(reader_t *r, int depth) {
    if (depth > MAX_DEPTH) {
        fail(r, "functions nested too deeply");
        return NULL;
    }
    mpf_uint_t v;
    if (!read_uint(r, &v)) {
        return NULL;
    }
    unsigned kind = v & 3;
    bool has_children = (v >> 2) & 1;
    mpf_uint_t len = v >> 3;
    if (kind != 0) {
        fail(r, "native code in .mpy unsupported (bytecode-only VM)");
        return NULL;
    }
    const uint8_t *fd;
    if (!read_bytes(r, len, &fd)) {
        return NULL;
    }
    const uint8_t *fend = fd + len;
    mpf_raw_code_t *rc = mpf_new(mpf_raw_code_t);
    mpf_uint_t n_children = 0;
    if (has_children) {
        if (!read_uint(r, &n_children)) {
            return NULL;
        }
        if (n_children == 0 || n_children > 65535 || n_children > (mpf_uint_t)(r->end - r->p)) {
            fail(r, "bad child count");
            return NULL;
        }
        const mpf_raw_code_t **ch = mpf_gc_alloc(n_children * sizeof(*ch), false);
        rc->children = ch;
        rc->n_children = (uint16_t)n_children;
        for (size_t i = 0; i < n_children; i++) {
            ch[i] = read_raw_code(r, depth + 1);
            if (ch[i] == NULL) {
                return NULL;
            }
        }
    }
    // prelude
    const uint8_t *p = fd;
    mpf_uint_t sig[6];
    if (!decode_signature(&p, fend, sig)) {
        fail(r, "truncated function signature");
        return NULL;
    }
    if (sig[0] > 65535 || sig[1] > 65535 || sig[3] > 255 || sig[4] > 255 || sig[5] > sig[3] || sig[2] > 15) {
        fail(r, "function signature out of range");
        return NULL;
    }
    if (sig[3] + sig[4] + 2 > sig[0] + 2 && sig[3] + sig[4] > sig[0]) {
        fail(r, "more arguments than frame slots");
        return NULL;
    }
#if !CONFIG_GENERATORS
    if (sig[2] & MPF_SCOPE_GENERATOR) {
        fail(r, "generator in .mpy but generators are disabled in this build");
        return NULL;
    }
#endif
    rc->n_state = (uint16_t)sig[0];
    rc->n_exc_stack = (uint16_t)sig[1];
    rc->scope_flags = (uint8_t)sig[2];
    rc->n_pos_args = (uint8_t)sig[3];
    rc->n_kwonly_args = (uint8_t)sig[4];
    rc->n_def_pos_args = (uint8_t)sig[5];
    size_t n_slots_needed = sig[3] + sig[4] + ((sig[2] & MPF_SCOPE_VARARGS) ? 1 : 0) + ((sig[2] & MPF_SCOPE_VARKEYWORDS) ? 1 : 0);
    if (n_slots_needed > rc->n_state) {
        fail(r, "argument slots exceed the frame size");
        return NULL;
    }
    mpf_uint_t n_info, n_cell;
    if (!decode_size(&p, fend, &n_info, &n_cell)) {
        fail(r, "truncated size field");
        return NULL;
    }
    if (n_info < 1 || n_info > (mpf_uint_t)(fend - p) || n_cell > (mpf_uint_t)(fend - p) - n_info) {
        fail(r, "prelude larger than the function");
        return NULL;
    }
    const uint8_t *info_end = p + n_info;
    mpf_uint_t q;
    if (!get_uint(&p, info_end, &q) || q >= r->n_qstr) {
        fail(r, "bad function name index");
        return NULL;
    }
    rc->simple_name = (uint16_t)q;
    size_t n_args = sig[3] + sig[4];
    if (n_args > 0) {
        uint16_t *names = mpf_gc_alloc(n_args * sizeof(uint16_t), false);
        for (size_t i = 0; i < n_args; i++) {
            if (!get_uint(&p, info_end, &q) || q >= r->n_qstr) {
                fail(r, "bad argument name index");
                return NULL;
            }
            names[i] = (uint16_t)q;
        }
        rc->arg_names = names;
    }
    rc->line_info = p;
    rc->line_info_end = info_end;
    // the line table must consist of whole entries
    while (p < info_end) {
        p += (*p & 0x80) ? 2 : 1;
    }
    if (p != info_end) {
        fail(r, "line-number table overruns the source-info section");
        return NULL;
    }
    rc->n_cell = (uint8_t)n_cell;
    rc->cells = p;
    if (n_cell > 255) {
        fail(r, "too many cells");
        return NULL;
    }
    for (size_t i = 0; i < n_cell; i++) {
        if (p[i] >= rc->n_state) {
            fail(r, "cell slot out of range");
            return NULL;
        }
    }
    p += n_cell;
    rc->code = p;
    rc->code_end = fend;
    if (!verify_code(r, rc)) {
        return NULL;
    }
    return rc;
}

mpf_load_result_t mpf_load_mpy(const uint8_t *buf, size_t len) {
    mpf_load_result_t res = {NULL, NULL, NULL};
    reader_t r = {buf, buf + len, NULL, 0, 0, NULL};
    if (len < 4) {
        res.error = "file too short for an .mpy header";
        return res;
    }
    if (buf[0] != 'M') {
        res.error = "incompatible .mpy file (bad magic byte, expected 'M')";
        return res;
    }
    if (buf[1] != 6) {
        res.error = "incompatible .mpy file (version is not 6)";
        return res;
    }
    unsigned arch = (buf[2] >> 2) & 0x2F;
    if (arch != 0) {
        res.error = (buf[2] & 3) != 3 ? "incompatible .mpy file (bad sub-version)" : "native code in .mpy unsupported (incompatible .mpy arch)";
        return res;
    }
    if (buf[3] > MPF_SMALL_INT_BITS) {
        res.error = "small-int bits in header exceed this VM's width";
        return res;
    }
    if (buf[2] & 0x40) {
        res.error = "architecture flags present (native code unsupported)";
        return res;
    }
    r.p = buf + 4;
    mpf_uint_t n_qstr, n_obj;
    if (!read_uint(&r, &n_qstr) || !read_uint(&r, &n_obj)) {
        res.error = r.err;
        return res;
    }
    if (n_qstr == 0 || n_qstr > 65535 || n_qstr > len || n_obj > len) {
        res.error = "bad qstr/constant table size";
        return res;
    }
    r.n_qstr = n_qstr;
    r.n_obj = n_obj;
    mpf_qstr_t *qstrs = mpf_gc_alloc(n_qstr * sizeof(mpf_qstr_t), false);
    r.qstrs = qstrs;
    for (size_t i = 0; i < n_qstr; i++) {
        mpf_uint_t v;
        if (!read_uint(&r, &v)) {
            res.error = r.err;
            return res;
        }
        if (v & 1) {
            v >>= 1;
            if (v < 1 || v > MPF_QSTRID_STATIC_COUNT) {
                res.error = "static qstr id out of range";
                return res;
            }
            qstrs[i] = v;
        } else {
            v >>= 1;
            const uint8_t *s;
            if (!read_bytes(&r, v, &s) || r.p >= r.end || *r.p != 0) {
                res.error = r.err ? r.err : "qstr not NUL-terminated";
                return res;
            }
            r.p++;
            qstrs[i] = mpf_qstr_from_strn((const char *)s, v);
        }
    }
    mpf_obj_t consts_t = mpf_obj_new_tuple(n_obj, NULL);
    if (!read_consts(&r, ((mpf_tuple_t *)mpf_obj_ptr(consts_t))->items, 0)) {
        res.error = r.err;
        return res;
    }
    const mpf_raw_code_t *rc = read_raw_code(&r, 0);
    if (rc == NULL) {
        res.error = r.err ? r.err : "bad raw code";
        return res;
    }
    if (r.p != r.end) {
        res.error = "trailing bytes after the module's code";
        return res;
    }
    mpf_module_ctx_t *ctx = mpf_new(mpf_module_ctx_t);
    ctx->qstrs = qstrs;
    ctx->consts = ((mpf_tuple_t *)mpf_obj_ptr(consts_t))->items;
    res.rc = rc;
    res.ctx = ctx;
    return res;
}
