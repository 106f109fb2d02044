// obj_slotwrap.c -- dunder methods of builtin types ("abc".__len__, int.__add__,
// super().__getitem__ ...): each name maps to the generic operation it stands for.
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
static mpf_obj_t w_str(mpf_obj_t s) {
    return mpf_obj_str(s);
}
static mpf_obj_t w_repr(mpf_obj_t s) {
    return mpf_obj_repr(s);
}
static mpf_obj_t w_iter(mpf_obj_t s) {
    return mpf_getiter(s);
}
static mpf_obj_t w_next(mpf_obj_t s) {
    return mpf_iternext_raise(s);
}
static mpf_obj_t w_neg(mpf_obj_t s) {
    return mpf_unary_op(MPF_UNARY_OP_NEGATIVE, s);
}
static mpf_obj_t w_pos(mpf_obj_t s) {
    return mpf_unary_op(MPF_UNARY_OP_POSITIVE, s);
}
static mpf_obj_t w_abs(mpf_obj_t s) {
    return mpf_unary_op(MPF_UNARY_OP_ABS, s);
}
static mpf_obj_t w_invert(mpf_obj_t s) {
    return mpf_unary_op(MPF_UNARY_OP_INVERT, s);
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

// Binary operators: the type's own slot only, NotImplemented when it declines.
#define BINOP(fn, op) \
    static mpf_obj_t fn(mpf_obj_t a, mpf_obj_t b) { \
        const mpf_type_t *t = mpf_obj_type(a); \
        mpf_obj_t r = MPF_OBJ_NULL; \
        if (mpf_obj_is_small_int(a) && (mpf_obj_is_small_int(b))) { \
            return mpf_binary_op(op, a, b); \
        } \
        if (t->binary_op != NULL) { \
            r = t->binary_op(op, a, b); \
        } \
        return r != MPF_OBJ_NULL ? r : MPF_OBJ_NOTIMPL; \
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

#define W1(name, q, f) MPF_FUN_1(name, q, f);
#define W2(name, q, f) MPF_FUN_2(name, q, f);
W1(w_len_obj, MPF_QSTR___len__, w_len)
W1(w_hash_obj, MPF_QSTR___hash__, w_hash)
W1(w_bool_obj, MPF_QSTR___bool__, w_bool)
W1(w_str_obj, MPF_QSTR___str__, w_str)
W1(w_repr_obj, MPF_QSTR___repr__, w_repr)
W1(w_iter_obj, MPF_QSTR___iter__, w_iter)
W1(w_next_obj, MPF_QSTR___next__, w_next)
W1(w_neg_obj, MPF_QSTR___neg__, w_neg)
W1(w_pos_obj, MPF_QSTR___pos__, w_pos)
W1(w_abs_obj, MPF_QSTR___abs__, w_abs)
W1(w_invert_obj, MPF_QSTR___invert__, w_invert)
W2(w_getitem_obj, MPF_QSTR___getitem__, w_getitem)
MPF_FUN_3(w_setitem_obj, MPF_QSTR___setitem__, w_setitem);
W2(w_delitem_obj, MPF_QSTR___delitem__, w_delitem)
W2(w_contains_obj, MPF_QSTR___contains__, w_contains)
W2(w_add_obj, MPF_QSTR___add__, w_add)
W2(w_sub_obj, MPF_QSTR___sub__, w_sub)
W2(w_mul_obj, MPF_QSTR___mul__, w_mul)
W2(w_truediv_obj, MPF_QSTR___truediv__, w_truediv)
W2(w_floordiv_obj, MPF_QSTR___floordiv__, w_floordiv)
W2(w_mod_obj, MPF_QSTR___mod__, w_mod)
W2(w_pow_obj, MPF_QSTR___pow__, w_pow)
W2(w_and_obj, MPF_QSTR___and__, w_and)
W2(w_or_obj, MPF_QSTR___or__, w_or)
W2(w_xor_obj, MPF_QSTR___xor__, w_xor)
W2(w_lshift_obj, MPF_QSTR___lshift__, w_lshift)
W2(w_rshift_obj, MPF_QSTR___rshift__, w_rshift)
W2(w_radd_obj, MPF_QSTR___radd__, w_radd)
W2(w_rsub_obj, MPF_QSTR___rsub__, w_rsub)
W2(w_rmul_obj, MPF_QSTR___rmul__, w_rmul)
W2(w_eq_obj, MPF_QSTR___eq__, w_eq)
W2(w_ne_obj, MPF_QSTR___ne__, w_ne)
W2(w_lt_obj, MPF_QSTR___lt__, w_lt)
W2(w_le_obj, MPF_QSTR___le__, w_le)
W2(w_gt_obj, MPF_QSTR___gt__, w_gt)
W2(w_ge_obj, MPF_QSTR___ge__, w_ge)

static const mpf_rom_map_elem_t slot_table[] = {
#define E(q, o) {MPF_ROM_QSTR(q), MPF_ROM_PTR(&o)},
    E(MPF_QSTR___len__, w_len_obj) E(MPF_QSTR___hash__, w_hash_obj) E(MPF_QSTR___bool__, w_bool_obj)
    E(MPF_QSTR___str__, w_str_obj) E(MPF_QSTR___repr__, w_repr_obj) E(MPF_QSTR___iter__, w_iter_obj)
    E(MPF_QSTR___next__, w_next_obj) E(MPF_QSTR___neg__, w_neg_obj) E(MPF_QSTR___pos__, w_pos_obj)
    E(MPF_QSTR___abs__, w_abs_obj) E(MPF_QSTR___invert__, w_invert_obj) E(MPF_QSTR___getitem__, w_getitem_obj)
    E(MPF_QSTR___setitem__, w_setitem_obj) E(MPF_QSTR___delitem__, w_delitem_obj) E(MPF_QSTR___contains__, w_contains_obj)
    E(MPF_QSTR___add__, w_add_obj) E(MPF_QSTR___sub__, w_sub_obj) E(MPF_QSTR___mul__, w_mul_obj)
    E(MPF_QSTR___truediv__, w_truediv_obj) E(MPF_QSTR___floordiv__, w_floordiv_obj) E(MPF_QSTR___mod__, w_mod_obj)
    E(MPF_QSTR___pow__, w_pow_obj) E(MPF_QSTR___and__, w_and_obj) E(MPF_QSTR___or__, w_or_obj)
    E(MPF_QSTR___xor__, w_xor_obj) E(MPF_QSTR___lshift__, w_lshift_obj) E(MPF_QSTR___rshift__, w_rshift_obj)
    E(MPF_QSTR___radd__, w_radd_obj) E(MPF_QSTR___rsub__, w_rsub_obj) E(MPF_QSTR___rmul__, w_rmul_obj)
    E(MPF_QSTR___eq__, w_eq_obj) E(MPF_QSTR___ne__, w_ne_obj) E(MPF_QSTR___lt__, w_lt_obj)
    E(MPF_QSTR___le__, w_le_obj) E(MPF_QSTR___gt__, w_gt_obj) E(MPF_QSTR___ge__, w_ge_obj)
#undef E
};
MPF_ROM_MAP(slot_map, slot_table);

// The generic dunder method [q] for builtin object [o], if its type supports it; NULL if not.
mpf_obj_t mpf_slot_wrapper(mpf_obj_t o, mpf_qstr_t q) {
    mpf_obj_t w = mpf_rom_map_get(&slot_map, q);
    if (w == MPF_OBJ_NULL) {
        return w;
    }
    const mpf_type_t *t = mpf_obj_type(o);
    if ((q == MPF_QSTR___len__ && mpf_obj_len_maybe(o) == MPF_OBJ_NULL) ||
        ((q == MPF_QSTR___getitem__ || q == MPF_QSTR___setitem__ || q == MPF_QSTR___delitem__) && t->subscr == NULL) ||
        (q == MPF_QSTR___iter__ && t->getiter == NULL) || (q == MPF_QSTR___next__ && t->iternext == NULL)) {
        return MPF_OBJ_NULL;
    }
    return w;
}
