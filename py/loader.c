// loader.c -- reads and verifies an .mpy v6.3 image (mpy-format.md sections 2-7, 14)
// into heap raw-code structs that point into the loaded buffer (bytecode is not copied).
// Every malformed input is rejected with a message; nothing here trusts the file.
#include "mpf_int.h"
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
#define OPI(b, name, opnd, in, st) [b] = (opnd) + 1,
    MPF_OPCODES(OPI)
#undef OPI
};

static bool op_defined(uint8_t b, unsigned *opnd) {
    if (b >= 0x70 && b <= 0xF9 && !(b >= 0xD4 && b <= 0xD6)) {
        *opnd = MPF_OPND_NONE;
        return true;
    }
    *opnd = op_info[b] == 0 ? MPF_OPND_NONE : op_info[b] - 1u;
    return op_info[b] != 0;
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

// Signed vuint (LOAD_CONST_SMALL_INT's operand) from [*pp] bounded by [end] into [*out]
// (its two's-complement bits), decoded as the VM does (bit 6 of the first byte is the
// sign); false on truncation, on more bytes than a word needs, or on a value that is not
// a small int. With 31-bit small ints a value may take 5 bytes whose top bits only
// repeat the sign (so the unsigned get_uint cannot size it: -2^30 overflows it).
static bool get_sint(const uint8_t **pp, const uint8_t *end, mpf_uint_t *out) {
    const uint8_t *p = *pp;
    if (p >= end) {
        return false;
    }
    mpf_uint_t v = (*p & 0x40) ? ~(mpf_uint_t)0 : 0;
    for (size_t n = 0;; n++) {
        if (p >= end || n >= (sizeof(mpf_uint_t) * 8 + 6) / 7) {
            return false;   // (5 bytes hold a 32-bit word, 10 a 64-bit one)
        }
        uint8_t b = *p++;
        v = (v << 7) | (b & 0x7F);
        if (!(b & 0x80)) {
            break;
        }
    }
    *pp = p;
    *out = v;
    return (mpf_int_t)v >= MPF_SMALL_INT_MIN && (mpf_int_t)v <= MPF_SMALL_INT_MAX;
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
        case 9: {
            if (!read_uint(r, &n) || !read_bytes(r, n, &data)) {
                return false;
            }
#if CONFIG_BUILTIN_COMPLEX
            bool ok;
            if (n == 0 || n > 2 * 64) {
                return fail(r, "bad complex constant");
            }
            *out = mpf_complex_parse((const char *)data, n, &ok);
            if (!ok) {
                return fail(r, "bad complex constant");
            }
            return true;
#else
            return fail(r, "complex constant but complex numbers are disabled (CONFIG_BUILTIN_COMPLEX)");
#endif
        }
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

// One decoded instruction. decode_insn sets every field for every opcode (0 where the
// opcode has no such part), so no reader of a field depends on the opcode's shape.
typedef struct insn {
    uint8_t op;
    uint8_t tail;       // trailing byte (MAKE_CLOSURE*: cells, UNWIND_JUMP: count)
    uint8_t opnd;       // MPF_OPND_*
    mpf_uint_t u;       // vuint operand (LOAD_CONST_SMALL_INT: the value's bits)
    ptrdiff_t target;   // jump target offset (not range-checked here)
    size_t next;        // offset of the following instruction
} insn_t;

// Decode the instruction at [pc] of the [len]-byte stream [code] into [*in], the one
// decoder of the verifier's passes; NULL, or why the bytes are not an instruction.
static const char *decode_insn(const uint8_t *code, size_t len, size_t pc, insn_t *in) {
    const uint8_t *p = code + pc, *end = code + len;
    *in = (insn_t){.op = *p++};
    unsigned opnd;
    bool defined = op_defined(in->op, &opnd);
    in->opnd = (uint8_t)opnd;
    if (!defined) {
        return "undefined opcode";
    }
    switch (opnd) {
        case MPF_OPND_NONE:
            break;
        case MPF_OPND_S:
            if (!get_sint(&p, end, &in->u)) {
                return "truncated or oversized small int operand";
            }
            break;
        case MPF_OPND_JS:
        case MPF_OPND_JSB:
        case MPF_OPND_JU: {
            if (p >= end || ((p[0] & 0x80) && p + 1 >= end)) {
                return "truncated jump operand";
            }
            bool two = (p[0] & 0x80) != 0;
            mpf_uint_t v = two ? (mpf_uint_t)((p[0] & 0x7F) | (p[1] << 7)) : p[0];
            p += two ? 2 : 1;
            // the target is relative to the byte after the offset (UNWIND_JUMP's count)
            ptrdiff_t off = opnd == MPF_OPND_JU ? (ptrdiff_t)v : (ptrdiff_t)v - (two ? 0x4000 : 0x40);
            in->target = (p - code) + off;
            break;
        }
        default:    // Q, U, C, R, RB
            if (!get_uint(&p, end, &in->u)) {
                return "truncated opcode operand";
            }
            break;
    }
    if (opnd == MPF_OPND_RB || opnd == MPF_OPND_JSB) {
        if (p >= end) {
            return opnd == MPF_OPND_RB ? "truncated closure operand" : "truncated UNWIND_JUMP";
        }
        in->tail = *p++;
    }
    in->next = (size_t)(p - code);
    return NULL;
}

// Why the decoded instruction [in] of [rc] is invalid, or NULL; [starts] marks the
// instruction boundaries once the first pass made it (NULL in the first pass).
static const char *check_insn(const reader_t *r, const mpf_raw_code_t *rc, const insn_t *in, const uint8_t *starts) {
    uint8_t op = in->op;
    mpf_uint_t u = in->u;
    size_t len = (size_t)(rc->code_end - rc->code);
    switch (in->opnd) {
        case MPF_OPND_JSB:
            if ((in->tail & 0x7F) == 0) {
                return "UNWIND_JUMP with zero count";
            }
            // fall through
        case MPF_OPND_JS:
        case MPF_OPND_JU:
            if (in->target < 0 || (size_t)in->target >= len) {
                return "jump target outside the function";
            }
            if (starts != NULL && !(starts[(size_t)in->target / 8] & (1u << ((size_t)in->target % 8)))) {
                return "jump target not on an instruction boundary";
            }
            break;
        case MPF_OPND_Q:
            if (u >= r->n_qstr) {
                return "qstr index out of range";
            }
            break;
        case MPF_OPND_C:
            if (u >= r->n_obj) {
                return "constant index out of range";
            }
            break;
        case MPF_OPND_RB:
            if (in->tail > rc->n_state) {
                return "closure cell count too large";
            }
            // fall through
        case MPF_OPND_R:
            if (u >= rc->n_children) {
                return "child index out of range";
            }
            break;
        case MPF_OPND_U:
            if ((op == MPF_OP_LOAD_FAST_N || op == MPF_OP_STORE_FAST_N || op == MPF_OP_LOAD_DEREF ||
                 op == MPF_OP_STORE_DEREF || op == MPF_OP_DELETE_FAST || op == MPF_OP_DELETE_DEREF) && u >= rc->n_state) {
                return "local slot out of range";
            } else if (op == MPF_OP_BUILD_SLICE && u != 2 && u != 3) {
                return "BUILD_SLICE operand not 2 or 3";
            } else if ((op == MPF_OP_BUILD_TUPLE || op == MPF_OP_BUILD_LIST || op == MPF_OP_BUILD_SET ||
                        op == MPF_OP_UNPACK_SEQUENCE) && u > rc->n_state) {
                return "operand count exceeds the frame size";
            } else if (op == MPF_OP_UNPACK_EX && (u & 0xFF) + (u >> 8) + 1 > rc->n_state) {
                return "operand count exceeds the frame size";
            } else if ((op >= MPF_OP_CALL_FUNCTION && op <= MPF_OP_CALL_METHOD_VAR_KW) &&
                       ((u >> 16) != 0 || (u & 0xFF) + 2 * (u >> 8) > rc->n_state)) {
                return "call operand exceeds the frame size";
            } else if (op == MPF_OP_STORE_COMP && (u >> 2) >= rc->n_state) {
                return "STORE_COMP index out of range";
            }
            break;
        default:
            if (op >= 0xB0 && op <= 0xCF && (size_t)(op & 0xF) >= rc->n_state) {
                return "local slot out of range";
            }
            break;
    }
    return NULL;
}

// Check the opcode stream of [rc] (section 14): the first pass decodes it to its end
// and marks the instruction boundaries, the second checks the jump targets on them.
static bool verify_code(reader_t *r, const mpf_raw_code_t *rc) {
    size_t len = (size_t)(rc->code_end - rc->code);
    if (len == 0) {
        return fail(r, "empty bytecode");
    }
    uint8_t *starts = mpf_gc_alloc((len + 7) / 8, false);
    const char *bad = NULL;
    for (int pass = 0; pass < 2 && bad == NULL; pass++) {
        for (size_t pc = 0; pc < len && bad == NULL;) {
            insn_t in;
            bad = decode_insn(rc->code, len, pc, &in);
            if (bad == NULL) {
                if (pass == 0) {
                    starts[pc / 8] |= (uint8_t)(1u << (pc % 8));
                }
                bad = check_insn(r, rc, &in, pass == 1 ? starts : NULL);
            }
            pc = in.next;
        }
    }
    mpf_gc_free(starts);
    return bad == NULL || fail(r, bad);
}

// ---------------------------------------------------------------- stack-depth pass
// Section 14: follow every path through the code from offset 0 with the value-stack
// depth and the open try/with block, so that no instruction can pop below the
// stack's base or push into the local slots or past n_state, the exception stack
// never holds more than n_exc_stack entries, and every jump target is reached with one
// depth and one block. Handlers are entered as section 10.2 says (saved depth + 1);
// the VM keeps slack for the item more that a finally entered by return/break has
// (mpf_vm_setup_frame).

// Stack items read (in) and net effect of each opcode byte outside the MULTI ranges;
// MPF_STACK_DYN for those the pass computes from the operand (undefined bytes never
// get here: verify_code rejected them).
static const int8_t op_stack_in[256] = {
#define SDI(b, name, opnd, in, st) [b] = (in),
    MPF_OPCODES(SDI)
#undef SDI
};
// (the opcodes outside the MULTI ranges are all below them: a table of those bytes only)
const int8_t mpf_loader_op_stack_net[MPF_OP_FIRST_MULTI] = {
#define SDN(b, name, opnd, in, st) [b] = (st),
    MPF_OPCODES(SDN)
#undef SDN
};

// *need / *net of opcode [op] from the tables above or its MULTI range.
static void op_stack(uint8_t op, int32_t *need, int32_t *net) {
#define SDR(first, last, name, in, st) \
    if (op >= (first) && op <= (last)) { \
        *need = (in); \
        *net = (st); \
        return; \
    }
    MPF_OPCODE_RANGES(SDR)
#undef SDR
    *need = op_stack_in[op];
    *net = op < MPF_OP_FIRST_MULTI ? mpf_loader_op_stack_net[op] : 0;   // (verify_code rejected the undefined)
}

// A try/with block: made by the SETUP_* instruction at one offset (so one per
// instruction), chained to the block it opened inside (0 = none).
typedef struct sd_block {
    uint32_t parent;
    uint32_t handler;   // bytecode offset of its handler
    int32_t saved;      // depth the handler's stack is cut back to
    uint16_t level;     // number of open blocks including this one
    uint8_t op;         // SETUP_EXCEPT / SETUP_FINALLY / SETUP_WITH
} sd_block_t;

typedef struct sd_state {
    int32_t *depth;     // per offset: depth on entry, -1 = not reached yet
    uint32_t *block;    // per offset: open block on entry
    uint32_t *work;     // offsets still to follow
    size_t n_work;
    sd_block_t *blocks; // [0] unused
    size_t n_blocks;
    int32_t limit;      // deepest allowed: n_state minus the local slots
} sd_state_t;

// The instruction at [pc] of [rc]'s stream, which verify_code accepted (decoded by the
// same decode_insn, so the passes agree on every boundary and operand).
static void sd_decode(const mpf_raw_code_t *rc, size_t pc, insn_t *in) {
    const char *bad = decode_insn(rc->code, (size_t)(rc->code_end - rc->code), pc, in);
    (void)bad;
}

// Record that offset [t] is reached with [depth] inside [block]; false on a conflict.
static bool sd_reach(reader_t *r, sd_state_t *st, size_t t, int32_t depth, uint32_t block) {
    if (depth < 0) {
        return fail(r, "stack underflow: an instruction pops more values than the stack holds");
    }
    if (depth > st->limit) {
        return fail(r, "value stack overflows the frame (deeper than n_state minus the local slots)");
    }
    if (st->depth[t] < 0) {
        st->depth[t] = depth;
        st->block[t] = block;
        st->work[st->n_work++] = (uint32_t)t;
        return true;
    }
    if (st->depth[t] != depth || st->block[t] != block) {
        return fail(r, "inconsistent stack depth or try block where paths join");
    }
    return true;
}

// Stack items [in] reads and its net effect [*net] when they depend on the operand.
static int32_t sd_dynamic(const insn_t *in, int32_t *net) {
    mpf_uint_t u = in->u;
    int32_t p = (int32_t)(u & 0xFF), k = (int32_t)((u >> 8) & 0xFF);
    switch (in->op) {
        case MPF_OP_MAKE_CLOSURE:
            *net = 1 - in->tail;
            return in->tail;
        case MPF_OP_MAKE_CLOSURE_DEFARGS:
            *net = -1 - in->tail;
            return in->tail + 2;
        case MPF_OP_BUILD_TUPLE:
        case MPF_OP_BUILD_LIST:
        case MPF_OP_BUILD_SET:
        case MPF_OP_BUILD_SLICE:
            *net = 1 - (int32_t)u;
            return (int32_t)u;
        case MPF_OP_STORE_COMP: {
            int32_t below = (int32_t)(u >> 2);
            *net = (u & 3) == 1 ? -2 : -1;
            return below + 1 > -*net ? below + 1 : -*net;
        }
        case MPF_OP_UNPACK_SEQUENCE:
            *net = (int32_t)u - 1;
            return 1;
        case MPF_OP_UNPACK_EX:
            *net = p + k;
            return 1;
        case MPF_OP_CALL_FUNCTION:
            *net = -(p + 2 * k);
            return p + 2 * k + 1;
        case MPF_OP_CALL_FUNCTION_VAR_KW:
        case MPF_OP_CALL_METHOD:
            *net = -(p + 2 * k + 1);
            return p + 2 * k + 2;
        case MPF_OP_CALL_METHOD_VAR_KW:
            *net = -(p + 2 * k + 2);
            return p + 2 * k + 3;
        default:
            *net = 0;
            return 0;
    }
}

// Follow the instruction at [pc] (reached with st->depth[pc] inside st->block[pc]).
static bool sd_step(reader_t *r, const mpf_raw_code_t *rc, sd_state_t *st, size_t pc) {
    size_t len = (size_t)(rc->code_end - rc->code);
    int32_t d = st->depth[pc];
    uint32_t b = st->block[pc];
    insn_t in;
    sd_decode(rc, pc, &in);
    int32_t need, net;
    op_stack(in.op, &need, &net);
    if (need == MPF_STACK_DYN || net == MPF_STACK_DYN) {
        int32_t dn;
        int32_t dneed = sd_dynamic(&in, &dn);
        if (need == MPF_STACK_DYN) {
            need = dneed;
        }
        if (net == MPF_STACK_DYN) {
            net = dn;
        }
    }
    // One item of grace: a finally block entered by a return or break runs with one
    // more item than its exception entry (the saved depth + 2, not + 1), and the code
    // mpy-cross emits for `async with` reads that item (ROT_THREE at static depth 2).
    // The frame's state[0] is a slot below the stack that nothing else uses, so a read
    // one below the static depth stays inside the frame.
    if (d < need - 1) {
        return fail(r, "stack underflow: an instruction pops more values than the stack holds");
    }
    switch (in.op) {
        case MPF_OP_RETURN_VALUE:
        case MPF_OP_RAISE_LAST:
        case MPF_OP_RAISE_OBJ:
        case MPF_OP_RAISE_FROM:
            // no grace here: the value they take leaves the frame
            if (d < need) {
                return fail(r, "stack underflow: an instruction pops more values than the stack holds");
            }
            return true;
        case MPF_OP_JUMP:
            return sd_reach(r, st, (size_t)in.target, d, b);
        case MPF_OP_POP_JUMP_IF_TRUE:
        case MPF_OP_POP_JUMP_IF_FALSE:
            if (!sd_reach(r, st, (size_t)in.target, d - 1, b)) {
                return false;
            }
            break;
        case MPF_OP_JUMP_IF_TRUE_OR_POP:
        case MPF_OP_JUMP_IF_FALSE_OR_POP:
            if (!sd_reach(r, st, (size_t)in.target, d, b)) {
                return false;
            }
            net = -1;
            break;
        case MPF_OP_FOR_ITER:
            if (!sd_reach(r, st, (size_t)in.target, d - 4, b)) {
                return false;
            }
            net = 1;
            break;
        case MPF_OP_SETUP_EXCEPT:
        case MPF_OP_SETUP_FINALLY:
        case MPF_OP_SETUP_WITH: {
            unsigned level = b ? st->blocks[b].level + 1u : 1u;
            if (level > rc->n_exc_stack) {
                return fail(r, "try/with blocks nest deeper than the function's n_exc_stack");
            }
            sd_block_t *nb = &st->blocks[++st->n_blocks];
            nb->parent = b;
            nb->handler = (uint32_t)in.target;
            nb->op = in.op;
            nb->level = (uint16_t)level;
            // a with block keeps __exit__ and the manager below its saved depth
            nb->saved = in.op == MPF_OP_SETUP_WITH ? d + 1 : d;
            if (!sd_reach(r, st, (size_t)in.target, nb->saved + 1, (uint32_t)st->n_blocks)) {
                return false;
            }
            b = (uint32_t)st->n_blocks;
            break;
        }
        case MPF_OP_POP_EXCEPT_JUMP:
            if (b == 0) {
                return fail(r, "POP_EXCEPT_JUMP outside any try block");
            }
            return sd_reach(r, st, (size_t)in.target, d, st->blocks[b].parent);
        case MPF_OP_END_FINALLY:
            if (b == 0) {
                return fail(r, "END_FINALLY outside any try block");
            }
            b = st->blocks[b].parent;
            break;
        case MPF_OP_UNWIND_JUMP: {
            // leave (tail & 0x7F) blocks as section 10.4 does, then the target
            int32_t dd = d;
            for (unsigned c = in.tail & 0x7F; c > 0; c--) {
                if (b == 0) {
                    return fail(r, "UNWIND_JUMP leaves more try blocks than are open");
                }
                const sd_block_t *e = &st->blocks[b];
                if (e->op != MPF_OP_SETUP_EXCEPT) {
                    if (e->handler <= pc) {
                        dd -= 1;                // inside its handler: drop that item
                    } else if (e->op == MPF_OP_SETUP_WITH) {
                        dd = e->saved - 2;      // WITH_CLEANUP removes __exit__ and the manager
                    } else {
                        dd = e->saved;
                    }
                }
                b = e->parent;
            }
            if (in.tail & 0x80) {
                dd -= 4;
            }
            return sd_reach(r, st, (size_t)in.target, dd, b);
        }
        default:
            break;
    }
    if (in.next >= len) {
        return fail(r, "execution can run past the end of the function's code");
    }
    return sd_reach(r, st, in.next, d + net, b);
}

// Local slots [rc]'s code can use: the argument slots, the cells and every slot an opcode
// names (of an opcode stream verify_code accepted, or the compiler's); *n_setup: its
// SETUP_* instructions.
static size_t code_locals(const mpf_raw_code_t *rc, size_t *n_setup) {
    const uint8_t *code = rc->code;
    size_t len = (size_t)(rc->code_end - code);
    size_t n_locals = (size_t)rc->n_pos_args + rc->n_kwonly_args + ((rc->scope_flags & MPF_SCOPE_VARARGS) ? 1 : 0) +
        ((rc->scope_flags & MPF_SCOPE_VARKEYWORDS) ? 1 : 0);
    for (size_t i = 0; i < rc->n_cell; i++) {
        if ((size_t)rc->cells[i] + 1 > n_locals) {
            n_locals = (size_t)rc->cells[i] + 1;
        }
    }
    *n_setup = 0;
    for (size_t pc = 0; pc < len;) {
        insn_t in;
        sd_decode(rc, pc, &in);
        size_t slot = SIZE_MAX;
        if (in.op >= MPF_OP_LOAD_FAST_N && in.op <= MPF_OP_DELETE_DEREF) {
            slot = in.u;
        } else if (in.op >= 0xB0 && in.op <= 0xCF) {
            slot = in.op & 0xF;
        } else if (in.op == MPF_OP_SETUP_EXCEPT || in.op == MPF_OP_SETUP_FINALLY || in.op == MPF_OP_SETUP_WITH) {
            (*n_setup)++;
        }
        if (slot != SIZE_MAX && slot + 1 > n_locals) {
            n_locals = slot + 1;
        }
        pc = in.next;
    }
    return n_locals;
}

#if CONFIG_COMPILER
// code.co_names: the names [rc]'s opcodes load, store, delete or import (those of LOAD_NAME
// to IMPORT_FROM, [qstrs] its module's table), each once, in the order met.
mpf_obj_t mpf_loader_code_names(const mpf_raw_code_t *rc, const mpf_qstr_t *qstrs) {
    mpf_obj_t names = mpf_obj_new_list(0, NULL);
    const mpf_list_t *l = mpf_obj_ptr(names);
    for (size_t pc = 0; pc < (size_t)(rc->code_end - rc->code);) {
        insn_t in;
        sd_decode(rc, pc, &in);
        pc = in.next;
        if (in.op > MPF_OP_LOAD_CONST_STRING && in.op <= MPF_OP_IMPORT_FROM) {
            mpf_obj_t q = mpf_obj_new_qstr(qstrs[in.u]);
            size_t i = 0;
            while (i < l->len && l->items[i] != q) {
                i++;
            }
            if (i == l->len) {
                mpf_list_append(names, q);
            }
        }
    }
    return mpf_obj_new_tuple(l->len, l->items);
}
#endif

#if CONFIG_COMPILER
// Where [rc]'s code makes its child [i] (MAKE_FUNCTION, MAKE_CLOSURE or their DEFARGS
// forms, on the line of its def, lambda or class statement: of the first decorator if any),
// or its end.
const uint8_t *mpf_loader_child_maker(const mpf_raw_code_t *rc, size_t i) {
    size_t pc = 0;
    while (pc < (size_t)(rc->code_end - rc->code)) {
        insn_t in;
        sd_decode(rc, pc, &in);
        if ((in.op == MPF_OP_MAKE_FUNCTION || in.op == MPF_OP_MAKE_FUNCTION_DEFARGS ||
             in.op == MPF_OP_MAKE_CLOSURE || in.op == MPF_OP_MAKE_CLOSURE_DEFARGS) && in.u == i) {
            break;
        }
        pc = in.next;
    }
    return rc->code + pc;
}
#endif

#if CONFIG_GC_PRECISE_FRAMES || CONFIG_COMPILER
size_t mpf_loader_n_locals(const mpf_raw_code_t *rc) {
    size_t n_setup;
    return code_locals(rc, &n_setup);
}
#endif

// The stack-depth pass over [rc] (whose opcode stream verify_code accepted).
static bool verify_stack(reader_t *r, const mpf_raw_code_t *rc) {
    const uint8_t *code = rc->code;
    size_t len = (size_t)(rc->code_end - code);
    size_t n_setup;
    size_t n_locals = code_locals(rc, &n_setup);
    if (n_locals > rc->n_state) {
        return fail(r, "local slots exceed the frame size");
    }
    sd_state_t st;
    st.limit = (int32_t)(rc->n_state - n_locals);
    st.depth = mpf_gc_alloc(len * sizeof(int32_t), false);
    st.block = mpf_gc_alloc(len * sizeof(uint32_t), false);
    st.work = mpf_gc_alloc(len * sizeof(uint32_t), false);
    st.blocks = mpf_gc_alloc((n_setup + 1) * sizeof(sd_block_t), false);
    st.n_work = 0;
    st.n_blocks = 0;
    for (size_t i = 0; i < len; i++) {
        st.depth[i] = -1;
    }
    bool ok = sd_reach(r, &st, 0, 0, 0);
    while (ok && st.n_work > 0) {
        ok = sd_step(r, rc, &st, st.work[--st.n_work]);
    }
    mpf_gc_free(st.blocks);
    mpf_gc_free(st.work);
    mpf_gc_free(st.block);
    mpf_gc_free(st.depth);
    return ok;
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
    if (!verify_code(r, rc) || !verify_stack(r, rc)) {
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
            qstrs[i] = mpf_qstr_from_abi(v >> 1);
            if (qstrs[i] == 0) {
                res.error = "static qstr id out of range";
                return res;
            }
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
