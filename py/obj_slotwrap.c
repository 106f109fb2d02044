// obj_slotwrap.c -- dunder methods of builtin types ("abc".__len__, int.__add__,
// super().__getitem__ ...): each name maps to the generic operation it stands for.
// One table of builtin function objects: each carries its dunder name, so the table is
// also the name-to-method map; the binary operators share one body through 6-byte thunks.
#include "mpf.h"

static mpf_obj_t w_len(mpf_obj_t s) {
    return mpf_obj_new_int((mpf_int_t)mpf_obj_len(s));
}
static mpf_obj_t w_hash(mpf_obj_t s) {
    return mpf_obj_new_int(mpf_obj_hash(s));
}
static mpf_obj_t w_bool(mpf_obj_t s) {
    return mpf_obj_bool(mpf_obj_is_true(s));
}
static mpf_obj_t w_getitem(mpf_obj_t s, mpf_obj_t i) {
    return mpf_subscr(s, i, MPF_OBJ_SENTINEL);
}
static mpf_obj_t w_setitem(mpf_obj_t s, mpf_obj_t i, mpf_obj_t v) {
    mpf_subscr(s, i, v);
    return MPF_OBJ_NONE;
}
static mpf_obj_t w_delitem(mpf_obj_t s, mpf_obj_t i) {
    mpf_subscr(s, i, MPF_OBJ_NULL);
    return MPF_OBJ_NONE;
}
static mpf_obj_t w_contains(mpf_obj_t s, mpf_obj_t v) {
    return mpf_binary_op(MPF_BINARY_OP_IN, v, s);
}

// Unary operators: the generic operation.
#define UNOP(fn, op) \
    static mpf_obj_t fn(mpf_obj_t s) { \
        return mpf_unary_op(op, s); \
    }
UNOP(w_neg, MPF_UNARY_OP_NEGATIVE)
UNOP(w_pos, MPF_UNARY_OP_POSITIVE)
UNOP(w_abs, MPF_UNARY_OP_ABS)
UNOP(w_invert, MPF_UNARY_OP_INVERT)

// Binary operators: the type's own slot only, NotImplemented when it declines.
__attribute__((noinline)) static mpf_obj_t binop(mpf_obj_t a, mpf_obj_t b, int op) {
    if (mpf_obj_is_small_int(a) && mpf_obj_is_small_int(b)) {
        return mpf_binary_op(op, a, b);
    }
    const mpf_type_t *t = mpf_type_slots(mpf_obj_type(a));
    mpf_obj_t r = t->binary_op != NULL ? t->binary_op(op, a, b) : MPF_OBJ_NULL;
    return r != MPF_OBJ_NULL ? r : MPF_OBJ_NOTIMPL;
}
#define BINOP(fn, op) \
    static mpf_obj_t fn(mpf_obj_t a, mpf_obj_t b) { \
        return binop(a, b, op); \
    }
BINOP(w_add, MPF_BINARY_OP_ADD)
BINOP(w_sub, MPF_BINARY_OP_SUBTRACT)
BINOP(w_mul, MPF_BINARY_OP_MULTIPLY)
BINOP(w_truediv, MPF_BINARY_OP_TRUE_DIVIDE)
BINOP(w_floordiv, MPF_BINARY_OP_FLOOR_DIVIDE)
BINOP(w_mod, MPF_BINARY_OP_MODULO)
BINOP(w_pow, MPF_BINARY_OP_POWER)
BINOP(w_and, MPF_BINARY_OP_AND)
BINOP(w_or, MPF_BINARY_OP_OR)
BINOP(w_xor, MPF_BINARY_OP_XOR)
BINOP(w_lshift, MPF_BINARY_OP_LSHIFT)
BINOP(w_rshift, MPF_BINARY_OP_RSHIFT)
BINOP(w_radd, MPF_BINARY_OP_REVERSE_ADD)
BINOP(w_rsub, MPF_BINARY_OP_REVERSE_SUBTRACT)
BINOP(w_rmul, MPF_BINARY_OP_REVERSE_MULTIPLY)
BINOP(w_eq, MPF_BINARY_OP_EQUAL)
BINOP(w_ne, MPF_BINARY_OP_NOT_EQUAL)
BINOP(w_lt, MPF_BINARY_OP_LESS)
BINOP(w_le, MPF_BINARY_OP_LESS_EQUAL)
BINOP(w_gt, MPF_BINARY_OP_MORE)
BINOP(w_ge, MPF_BINARY_OP_MORE_EQUAL)

#define W1(q, f) {{&mpf_type_fun_builtin}, MPF_FUN_KIND_1, 1, 1, q, {.f1 = f}},
#define W2(q, f) {{&mpf_type_fun_builtin}, MPF_FUN_KIND_2, 2, 2, q, {.f2 = f}},
static const mpf_fun_builtin_t slots[] = {
    W1(MPF_QSTR___len__, w_len)
    W1(MPF_QSTR___hash__, w_hash)
    W1(MPF_QSTR___bool__, w_bool)
    W1(MPF_QSTR___str__, mpf_obj_str)
    W1(MPF_QSTR___repr__, mpf_obj_repr)
    W1(MPF_QSTR___iter__, mpf_getiter)
    W1(MPF_QSTR___next__, mpf_iternext_raise)
    W1(MPF_QSTR___neg__, w_neg)
    W1(MPF_QSTR___pos__, w_pos)
    W1(MPF_QSTR___abs__, w_abs)
    W1(MPF_QSTR___invert__, w_invert)
    W2(MPF_QSTR___getitem__, w_getitem)
    {{&mpf_type_fun_builtin}, MPF_FUN_KIND_3, 3, 3, MPF_QSTR___setitem__, {.f3 = w_setitem}},
    W2(MPF_QSTR___delitem__, w_delitem)
    W2(MPF_QSTR___contains__, w_contains)
    W2(MPF_QSTR___add__, w_add)
    W2(MPF_QSTR___sub__, w_sub)
    W2(MPF_QSTR___mul__, w_mul)
    W2(MPF_QSTR___truediv__, w_truediv)
    W2(MPF_QSTR___floordiv__, w_floordiv)
    W2(MPF_QSTR___mod__, w_mod)
    W2(MPF_QSTR___pow__, w_pow)
    W2(MPF_QSTR___and__, w_and)
    W2(MPF_QSTR___or__, w_or)
    W2(MPF_QSTR___xor__, w_xor)
    W2(MPF_QSTR___lshift__, w_lshift)
    W2(MPF_QSTR___rshift__, w_rshift)
    W2(MPF_QSTR___radd__, w_radd)
    W2(MPF_QSTR___rsub__, w_rsub)
    W2(MPF_QSTR___rmul__, w_rmul)
    W2(MPF_QSTR___eq__, w_eq)
    W2(MPF_QSTR___ne__, w_ne)
    W2(MPF_QSTR___lt__, w_lt)
    W2(MPF_QSTR___le__, w_le)
    W2(MPF_QSTR___gt__, w_gt)
    W2(MPF_QSTR___ge__, w_ge)
};
#undef W1
#undef W2

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
