// obj_slotwrap.c -- dunder methods of builtin types ("abc".__len__, int.__add__,
// super().__getitem__ ...): each name maps to the generic operation it stands for.
// One table of 8-byte method objects: each carries its dunder name and a code for its
// operation (a binary operator's number, a unary one's after them, then the others), and
// one call function runs them all.
#include "mpf.h"

// Operation codes past the binary operators' numbers (0 .. MPF_BINARY_OP_NUM - 1).
enum {
    W_UNARY = MPF_BINARY_OP_NUM,  // + MPF_UNARY_OP_*: the generic unary operation
    W_LEN = W_UNARY + MPF_UNARY_OP_FLOAT + 1,
    W_HASH, W_BOOL, W_STR, W_REPR, W_ITER, W_NEXT,  // one argument (self)
    W_GETITEM, W_DELITEM, W_CONTAINS,               // two
    W_SETITEM,                                      // three
};

typedef struct slot_wrapper {
    mpf_obj_base_t base;
    uint16_t name;  // the dunder's qstr
    uint8_t op;     // W_* or a binary operator's number
} slot_wrapper_t;

// The wrapper [self] called on self and its arguments: the generic operation; a binary
// operator is the left type's own slot only, NotImplemented when it declines.
static mpf_obj_t slot_wrapper_call(mpf_obj_t self, size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    unsigned op = ((const slot_wrapper_t *)mpf_obj_ptr(self))->op;
    size_t want = op == W_SETITEM ? 3 : op < W_UNARY || op >= W_GETITEM ? 2 : 1;
    mpf_arg_check_num(n_args, n_kw, want, want, false);
    mpf_obj_t a = args[0], b = args[want - 1];
    if (op < W_UNARY) {
        if (mpf_obj_is_small_int(a) && mpf_obj_is_small_int(b)) {
            return mpf_binary_op((int)op, a, b);
        }
        const mpf_type_t *t = mpf_type_slots(mpf_obj_type(a));
        mpf_obj_t r = t->binary_op != NULL ? t->binary_op((int)op, a, b) : MPF_OBJ_NULL;
        return r != MPF_OBJ_NULL ? r : MPF_OBJ_NOTIMPL;
    }
    switch (op) {
        case W_LEN:
            return mpf_obj_new_int((mpf_int_t)mpf_obj_len(a));
        case W_HASH:
            return mpf_obj_new_int(mpf_obj_hash(a));
        case W_BOOL:
            return mpf_obj_bool(mpf_obj_is_true(a));
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
        case W_CONTAINS:
            return mpf_binary_op(MPF_BINARY_OP_IN, b, a);
        case W_DELITEM:
        case W_SETITEM:
            mpf_subscr(a, args[1], op == W_SETITEM ? b : MPF_OBJ_NULL);
            return MPF_OBJ_NONE;
        default:
            return mpf_unary_op((int)(op - W_UNARY), a);
    }
}

static const mpf_type_t slot_wrapper_type = {
    .base = {&mpf_type_type},
    .name = MPF_QSTR_builtin_function_or_method,
    .call = slot_wrapper_call,
};

#define W(q, op) {{&slot_wrapper_type}, q, op},
static const slot_wrapper_t slots[] = {
    W(MPF_QSTR___len__, W_LEN)
    W(MPF_QSTR___hash__, W_HASH)
    W(MPF_QSTR___bool__, W_BOOL)
    W(MPF_QSTR___str__, W_STR)
    W(MPF_QSTR___repr__, W_REPR)
    W(MPF_QSTR___iter__, W_ITER)
    W(MPF_QSTR___next__, W_NEXT)
    W(MPF_QSTR___neg__, W_UNARY + MPF_UNARY_OP_NEGATIVE)
    W(MPF_QSTR___pos__, W_UNARY + MPF_UNARY_OP_POSITIVE)
    W(MPF_QSTR___abs__, W_UNARY + MPF_UNARY_OP_ABS)
    W(MPF_QSTR___invert__, W_UNARY + MPF_UNARY_OP_INVERT)
    W(MPF_QSTR___getitem__, W_GETITEM)
    W(MPF_QSTR___setitem__, W_SETITEM)
    W(MPF_QSTR___delitem__, W_DELITEM)
    W(MPF_QSTR___contains__, W_CONTAINS)
    W(MPF_QSTR___add__, MPF_BINARY_OP_ADD)
    W(MPF_QSTR___sub__, MPF_BINARY_OP_SUBTRACT)
    W(MPF_QSTR___mul__, MPF_BINARY_OP_MULTIPLY)
    W(MPF_QSTR___truediv__, MPF_BINARY_OP_TRUE_DIVIDE)
    W(MPF_QSTR___floordiv__, MPF_BINARY_OP_FLOOR_DIVIDE)
    W(MPF_QSTR___mod__, MPF_BINARY_OP_MODULO)
    W(MPF_QSTR___pow__, MPF_BINARY_OP_POWER)
    W(MPF_QSTR___and__, MPF_BINARY_OP_AND)
    W(MPF_QSTR___or__, MPF_BINARY_OP_OR)
    W(MPF_QSTR___xor__, MPF_BINARY_OP_XOR)
    W(MPF_QSTR___lshift__, MPF_BINARY_OP_LSHIFT)
    W(MPF_QSTR___rshift__, MPF_BINARY_OP_RSHIFT)
    W(MPF_QSTR___radd__, MPF_BINARY_OP_REVERSE_ADD)
    W(MPF_QSTR___rsub__, MPF_BINARY_OP_REVERSE_SUBTRACT)
    W(MPF_QSTR___rmul__, MPF_BINARY_OP_REVERSE_MULTIPLY)
    W(MPF_QSTR___eq__, MPF_BINARY_OP_EQUAL)
    W(MPF_QSTR___ne__, MPF_BINARY_OP_NOT_EQUAL)
    W(MPF_QSTR___lt__, MPF_BINARY_OP_LESS)
    W(MPF_QSTR___le__, MPF_BINARY_OP_LESS_EQUAL)
    W(MPF_QSTR___gt__, MPF_BINARY_OP_MORE)
    W(MPF_QSTR___ge__, MPF_BINARY_OP_MORE_EQUAL)
};
#undef W

// The generic dunder method [q] for builtin object [o], if its type supports it; NULL if not.
mpf_obj_t mpf_slot_wrapper(mpf_obj_t o, mpf_qstr_t q) {
    const mpf_type_t *t = mpf_type_slots(mpf_obj_type(o));
    if ((q == MPF_QSTR___len__ && mpf_obj_len_maybe(o) == MPF_OBJ_NULL) ||
        ((q == MPF_QSTR___getitem__ || q == MPF_QSTR___setitem__ || q == MPF_QSTR___delitem__) && t->subscr == NULL) ||
        (q == MPF_QSTR___iter__ && t->getiter == NULL) || (q == MPF_QSTR___next__ && t->iternext == NULL)) {
        return MPF_OBJ_NULL;
    }
    for (size_t i = 0; i < sizeof(slots) / sizeof(slots[0]); i++) {
        if (slots[i].name == q) {
            return mpf_obj_from_ptr(&slots[i]);
        }
    }
    return MPF_OBJ_NULL;
}
