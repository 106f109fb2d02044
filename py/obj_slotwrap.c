// obj_slotwrap.c -- dunder methods of builtin types ("abc".__len__, int.__add__,
// super().__getitem__ ...): each name maps to the generic operation it stands for.
// The dunder names are those of obj_type.c's operator tables (and a few more); a lookup
// makes a small method object carrying the operation's code, and one call function runs
// them all.
#include "mpf_int.h"

// Operation codes: a binary operator's number (0 .. MPF_BINARY_OP_NUM - 1; IN is
// __contains__, its operands swapped), then W_UNARY + a unary operator's, then the others.
enum {
    W_UNARY = MPF_TYPE_OP_UNARY,
    W_STR = MPF_TYPE_OP_OTHER,
    W_REPR, W_ITER, W_NEXT,                         // one argument (self)
    W_GETITEM, W_DELITEM,                           // two
    W_SETITEM,                                      // three
    W_END
};
// (the names of all: obj_type.c's mpf_type_op_qstr, which ends with those from W_STR on)

// The operators with a method: bit k of the codes below W_STR (CPython's int and str have
// the rest: not the in-place forms, @, the reflected ones but +, - and *, int() and float()).
#define B(op) ((uint64_t)1 << (op))
#define WITH_METHOD \
    (B(MPF_BINARY_OP_LESS) | B(MPF_BINARY_OP_MORE) | B(MPF_BINARY_OP_EQUAL) | B(MPF_BINARY_OP_LESS_EQUAL) | \
     B(MPF_BINARY_OP_MORE_EQUAL) | B(MPF_BINARY_OP_NOT_EQUAL) | B(MPF_BINARY_OP_IN) | B(MPF_BINARY_OP_OR) | \
     B(MPF_BINARY_OP_XOR) | B(MPF_BINARY_OP_AND) | B(MPF_BINARY_OP_LSHIFT) | B(MPF_BINARY_OP_RSHIFT) | \
     B(MPF_BINARY_OP_ADD) | B(MPF_BINARY_OP_SUBTRACT) | B(MPF_BINARY_OP_MULTIPLY) | B(MPF_BINARY_OP_FLOOR_DIVIDE) | \
     B(MPF_BINARY_OP_TRUE_DIVIDE) | B(MPF_BINARY_OP_MODULO) | B(MPF_BINARY_OP_POWER) | B(MPF_BINARY_OP_REVERSE_ADD) | \
     B(MPF_BINARY_OP_REVERSE_SUBTRACT) | B(MPF_BINARY_OP_REVERSE_MULTIPLY) | B(W_UNARY + MPF_UNARY_OP_POSITIVE) | \
     B(W_UNARY + MPF_UNARY_OP_NEGATIVE) | B(W_UNARY + MPF_UNARY_OP_INVERT) | B(W_UNARY + MPF_UNARY_OP_BOOL) | \
     B(W_UNARY + MPF_UNARY_OP_LEN) | B(W_UNARY + MPF_UNARY_OP_HASH) | B(W_UNARY + MPF_UNARY_OP_ABS))
// (as bytes: a byte load and a shift test a bit, where a 64-bit shift takes a dozen instructions)
#define BYTE(k) (uint8_t)(WITH_METHOD >> (8 * (k)))
static const uint8_t with_method[8] = {BYTE(0), BYTE(1), BYTE(2), BYTE(3), BYTE(4), BYTE(5), BYTE(6), BYTE(7)};
#undef BYTE
#undef WITH_METHOD
#undef B
_Static_assert(W_STR <= 64, "the operators' codes fit the mask");

// A method made on each lookup (8 bytes of heap; no table of them in flash).
typedef struct slot_wrapper {
    mpf_obj_base_t base;
    uintptr_t op;  // W_* or a binary operator's number
} slot_wrapper_t;

// The wrapper [self] called on self and its arguments: the generic operation; a binary
// operator is the left type's own slot only, NotImplemented when it declines.
static mpf_obj_t slot_wrapper_call(mpf_obj_t self, size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    uintptr_t op = ((const slot_wrapper_t *)mpf_obj_ptr(self))->op;
    size_t want = op == W_SETITEM ? 3 : op < W_UNARY || op >= W_GETITEM ? 2 : 1;
    mpf_arg_check_num(n_args, n_kw, want, want, false);
    mpf_obj_t a = args[0], b = args[want - 1];
    if (op == MPF_BINARY_OP_IN) {
        return mpf_binary_op(MPF_BINARY_OP_IN, b, a);
    }
    if (op < W_UNARY) {
        if (mpf_obj_is_small_int(a) && mpf_obj_is_small_int(b)) {
            return mpf_binary_op((int)op, a, b);
        }
        const mpf_type_t *t = mpf_type_slots(mpf_obj_type(a));
        mpf_obj_t r = mpf_type_get_binary_op(t) != NULL ? mpf_type_get_binary_op(t)((int)op, a, b) : MPF_OBJ_NULL;
        return r != MPF_OBJ_NULL ? r : MPF_OBJ_NOTIMPL;
    }
    switch (op) {
        case W_UNARY + MPF_UNARY_OP_LEN:
            return mpf_obj_new_int((mpf_int_t)mpf_obj_len(a));
        case W_UNARY + MPF_UNARY_OP_HASH:
            return mpf_obj_new_int(mpf_obj_hash(a));
        case W_STR:
            return mpf_obj_str(a);
        case W_REPR:
            return mpf_obj_repr(a);
        case W_ITER:
            return mpf_getiter(a);
        case W_NEXT:
            return mpf_iternext_raise(a);
        case W_GETITEM:
            return mpf_subscr(a, b, MPF_OBJ_SENTINEL);
        case W_DELITEM:
        case W_SETITEM:
            mpf_subscr(a, args[1], op == W_SETITEM ? b : MPF_OBJ_NULL);
            return MPF_OBJ_NONE;
        default:
            return mpf_unary_op((int)(op - W_UNARY), a);
    }
}

static const mpf_type_t slot_wrapper_type = MPF_TYPE(MPF_QSTR_builtin_function_or_method, 0,
    (call, slot_wrapper_call));

// The generic dunder method [q] for builtin object [o], if its type supports it; NULL if not.
mpf_obj_t mpf_slot_wrapper(mpf_obj_t o, mpf_qstr_t q) {
    unsigned op = 0;
    while (mpf_type_op_qstr[op] != q || (op < W_STR && !((with_method[op >> 3] >> (op & 7)) & 1))) {
        if (++op == W_END) {
            return MPF_OBJ_NULL;
        }
    }
    const mpf_type_t *t = mpf_type_slots(mpf_obj_type(o));
    if ((op == W_UNARY + MPF_UNARY_OP_LEN && mpf_obj_len_maybe(o) == MPF_OBJ_NULL) ||
        (op >= W_GETITEM && mpf_type_get_subscr(t) == NULL) || (op == W_ITER && mpf_type_get_getiter(t) == NULL) ||
        (op == W_NEXT && mpf_type_get_iternext(t) == NULL)) {
        return MPF_OBJ_NULL;
    }
    slot_wrapper_t *w = mpf_new(slot_wrapper_t);
    w->base.type = &slot_wrapper_type;
    w->op = op;
    return mpf_obj_from_ptr(w);
}
