// obj_slotwrap.c -- dunder methods of builtin types ("abc".__len__, int.__add__,
// list.__len__([1]), super().__getitem__ ...): each name maps to the generic operation it
// stands for. The dunder names are those of obj_type.c's operator tables (and a few more); a
// lookup makes a small method object carrying the operation's code and the builtin type
// whose slot it is, and one call function runs them all after checking the receiver.
#include "mpf_int.h"

// Operation codes: a binary operator's number (0 .. MPF_BINARY_OP_NUM - 1; IN is
// __contains__, its operands swapped), then W_UNARY + a unary operator's, then the others.
enum {
    W_UNARY = MPF_TYPE_OP_UNARY,
    W_STR = MPF_TYPE_OP_OTHER,
    W_REPR, W_ITER, W_NEXT,                         // one argument (self)
    W_GETITEM, W_DELITEM,                           // two
    W_SETITEM,                                      // three
    // CONFIG_SLOT_WRAPPERS_TYPES:
    W_FLOOR, W_CEIL, W_TRUNC,                       // one (numbers)
    W_ROUND,                                        // one or two (numbers)
    W_INDEX,                                        // one (int)
    W_FORMAT,                                       // two
    W_NEW, W_INIT,                                  // any
    W_REVERSED,                                     // one (list, dict, range)
    W_DIVMOD, W_RDIVMOD,                            // two (numbers)
#if CONFIG_SLOT_WRAPPERS_TYPES
    W_END
#else
    W_END = W_FLOOR
#endif
};
// (the names of all: obj_type.c's mpf_type_op_qstr, which ends with those from W_STR on)

// The operators with a method: bit k of the codes below W_STR (CPython's int and str have
// the rest: not the in-place forms, @, the reflected ones but +, - and *).
#define B(op) ((uint64_t)1 << (op))
#if CONFIG_SLOT_WRAPPERS_TYPES
// (the mutable containers' in-place forms: list.__iadd__, set.__ior__...)
#define INPLACE \
    (B(MPF_BINARY_OP_INPLACE_OR) | B(MPF_BINARY_OP_INPLACE_XOR) | B(MPF_BINARY_OP_INPLACE_AND) | \
     B(MPF_BINARY_OP_INPLACE_ADD) | B(MPF_BINARY_OP_INPLACE_SUBTRACT) | B(MPF_BINARY_OP_INPLACE_MULTIPLY))
#else
#define INPLACE 0
#endif
#define WITH_METHOD \
    (B(MPF_BINARY_OP_LESS) | B(MPF_BINARY_OP_MORE) | B(MPF_BINARY_OP_EQUAL) | B(MPF_BINARY_OP_LESS_EQUAL) | \
     B(MPF_BINARY_OP_MORE_EQUAL) | B(MPF_BINARY_OP_NOT_EQUAL) | B(MPF_BINARY_OP_IN) | B(MPF_BINARY_OP_OR) | \
     B(MPF_BINARY_OP_XOR) | B(MPF_BINARY_OP_AND) | B(MPF_BINARY_OP_LSHIFT) | B(MPF_BINARY_OP_RSHIFT) | \
     B(MPF_BINARY_OP_ADD) | B(MPF_BINARY_OP_SUBTRACT) | B(MPF_BINARY_OP_MULTIPLY) | B(MPF_BINARY_OP_FLOOR_DIVIDE) | \
     B(MPF_BINARY_OP_TRUE_DIVIDE) | B(MPF_BINARY_OP_MODULO) | B(MPF_BINARY_OP_POWER) | B(MPF_BINARY_OP_REVERSE_OR) | \
     B(MPF_BINARY_OP_REVERSE_XOR) | B(MPF_BINARY_OP_REVERSE_AND) | B(MPF_BINARY_OP_REVERSE_LSHIFT) | \
     B(MPF_BINARY_OP_REVERSE_RSHIFT) | B(MPF_BINARY_OP_REVERSE_ADD) | B(MPF_BINARY_OP_REVERSE_SUBTRACT) | \
     B(MPF_BINARY_OP_REVERSE_MULTIPLY) | B(MPF_BINARY_OP_REVERSE_FLOOR_DIVIDE) | B(MPF_BINARY_OP_REVERSE_TRUE_DIVIDE) | \
     B(MPF_BINARY_OP_REVERSE_MODULO) | B(MPF_BINARY_OP_REVERSE_POWER) | INPLACE | B(W_UNARY + MPF_UNARY_OP_POSITIVE) | \
     B(W_UNARY + MPF_UNARY_OP_NEGATIVE) | B(W_UNARY + MPF_UNARY_OP_INVERT) | B(W_UNARY + MPF_UNARY_OP_BOOL) | \
     B(W_UNARY + MPF_UNARY_OP_LEN) | B(W_UNARY + MPF_UNARY_OP_HASH) | B(W_UNARY + MPF_UNARY_OP_ABS) | \
     B(W_UNARY + MPF_UNARY_OP_INT) | B(W_UNARY + MPF_UNARY_OP_FLOAT))
// (as bytes: a byte load and a shift test a bit, where a 64-bit shift takes a dozen instructions)
#define BYTE(k) (uint8_t)(WITH_METHOD >> (8 * (k)))
static const uint8_t with_method[8] = {BYTE(0), BYTE(1), BYTE(2), BYTE(3), BYTE(4), BYTE(5), BYTE(6), BYTE(7)};
#undef BYTE
#undef WITH_METHOD
#undef INPLACE
#undef B
_Static_assert(W_STR <= 64, "the operators' codes fit the mask");

// A method made on each lookup (12 bytes of heap; no table of them in flash). It is
// unbound (T.__len__) or bound (a method of [x]: x.__len__), and its receiver is checked.
typedef struct slot_wrapper {
    mpf_obj_base_t base;
    uintptr_t op;               // W_* or a binary operator's number
    const mpf_type_t *owner;    // the builtin type whose operation it is: the receiver's
} slot_wrapper_t;

#if CONFIG_SLOT_WRAPPERS_TYPES
static mpf_qstr_t op_name(uintptr_t op) {
    return mpf_type_op_qstr[op];
}

// A number type: 1 int and bool, 2 float, 4 complex, 0 none.
static int number_kind(const mpf_type_t *t) {
    if (t == &mpf_type_int || t == &mpf_type_bool) {
        return 1;
    }
#if CONFIG_FLOAT
    if (t == &mpf_type_float) {
        return 2;
    }
#endif
#if CONFIG_BUILTIN_COMPLEX
    if (t == &mpf_type_complex) {
        return 4;
    }
#endif
    return 0;
}

// [b] as a builtin type's operator sees it: the native part of an instance of a class
// derived from a builtin type (the int of an IntSub), else [b].
static mpf_obj_t operand(mpf_obj_t b) {
    const mpf_type_t *bt = mpf_obj_type(b);
    if ((bt->flags & (MPF_TYPE_FLAG_HEAP | MPF_TYPE_FLAG_METATYPE)) == MPF_TYPE_FLAG_HEAP && !mpf_obj_is_exception(b)) {
        mpf_obj_t sub = ((const mpf_instance_t *)mpf_obj_ptr(b))->subobj;
        if (sub != MPF_OBJ_NULL) {
            return sub;
        }
    }
    return b;
}

static bool set_like(const mpf_type_t *t) {
#if CONFIG_BUILTIN_SET
    if (t == &mpf_type_set) {
        return true;
    }
#endif
#if CONFIG_BUILTIN_FROZENSET
    if (t == &mpf_type_frozenset) {
        return true;
    }
#endif
    (void)t;
    return false;
}

// bytes, bytearray or memoryview
static bool bytes_like(const mpf_type_t *t) {
#if CONFIG_BUILTIN_BYTEARRAY
    if (t == &mpf_type_bytearray) {
        return true;
    }
#endif
#if CONFIG_BUILTIN_MEMORYVIEW
    if (t == &mpf_type_memoryview) {
        return true;
    }
#endif
    return t == &mpf_type_bytes;
}

// Whether builtin type [owner]'s binary operator takes an operand of builtin type [bt] (as
// CPython's: a number one of no wider kind, a set either set, a bytearray or memoryview
// compares with any of the bytes-like types, the others their own type), or declines it
// (NotImplemented).
static bool takes(const mpf_type_t *owner, const mpf_type_t *bt, bool cmp) {
    int on = number_kind(owner);
    if (on != 0) {
        int bn = number_kind(bt);
        return bn != 0 && bn <= on;
    }
    if (set_like(owner)) {
        return set_like(bt);
    }
    if (cmp && owner != &mpf_type_bytes && bytes_like(owner)) {
        return bytes_like(bt);
    }
    return mpf_type_is_subclass(bt, owner);
}

// owner's binary operator [op] on [a] (of owner) and [b] (a native part taken): NotImplemented
// when owner declines [b]'s type, its result otherwise; a sequence's + and * raise where
// they cannot (TypeError, as CPython's concat and repeat), a reflected one is the plain one
// with the operands swapped where the slot has no reflected form (set.__rsub__, dict.__ror__).
static mpf_obj_t slot_binary(const mpf_type_t *owner, unsigned op, mpf_obj_t a, mpf_obj_t b) {
    bool num = number_kind(owner) != 0;
    unsigned n = op >= MPF_BINARY_OP_REVERSE_OR ? op - MPF_BINARY_OP_NORMAL_TO_REVERSE
               : op >= MPF_BINARY_OP_INPLACE_OR && op < MPF_BINARY_OP_OR ? op + MPF_BINARY_OP_INPLACE_TO_NORMAL : op;
    bool seq = !num && (n == MPF_BINARY_OP_ADD || n == MPF_BINARY_OP_MULTIPLY || op == MPF_BINARY_OP_MODULO);
    if (owner == &mpf_type_bool) {
        op = n;  // (&, | and ^: bool's own, both ways alike; a bool when both are)
    }
    if (op == MPF_BINARY_OP_INPLACE_OR && mpf_type_is_subclass(owner, &mpf_type_dict)) {
        mpf_obj_t m[3];  // d |= x: d.update(x), any mapping or pairs
        mpf_load_method(a, MPF_QSTR_update, m);
        m[2] = b;
        mpf_call_method_n(1, 0, m);
        return a;
    }
    if (!seq && !takes(owner, mpf_obj_type(b), op <= MPF_BINARY_OP_NOT_EQUAL)) {
        return MPF_OBJ_NOTIMPL;
    }
    if (mpf_obj_is_small_int(a) && mpf_obj_is_small_int(b)) {
        return mpf_binary_op((int)op, a, b);
    }
    const mpf_type_t *t = mpf_type_slots(mpf_obj_type(a));
    mpf_obj_t r = mpf_type_get_binary_op(t) != NULL ? mpf_type_get_binary_op(t)((int)op, a, b) : MPF_OBJ_NULL;
    if (r == MPF_OBJ_NULL && !num && !seq && op >= MPF_BINARY_OP_REVERSE_OR) {
        return mpf_binary_op((int)n, b, a);
    }
    if (r == MPF_OBJ_NULL && seq) {
        mpf_raise_type_error_unsupported((int)op, a, b);
    }
    return r != MPF_OBJ_NULL ? r : MPF_OBJ_NOTIMPL;
}
#endif

// Whether builtin type [t] has operation [op] as a method (CPython's builtins as closely as
// the slots tell); [o]: an instance to ask (its len), or NULL (a lookup on the type).
static bool has_op(const mpf_type_t *t, mpf_obj_t o, unsigned op) {
    const mpf_type_t *s = mpf_type_slots(t);
#if !CONFIG_SLOT_WRAPPERS_TYPES
    // (a builtin object's own: what its slots support)
    return !((op == W_UNARY + MPF_UNARY_OP_LEN && mpf_obj_len_maybe(o) == MPF_OBJ_NULL) ||
             (op >= W_GETITEM && mpf_type_get_subscr(s) == NULL) || (op == W_ITER && mpf_type_get_getiter(s) == NULL) ||
             (op == W_NEXT && mpf_type_get_iternext(s) == NULL));
#else
    int num = number_kind(t);
    // a container: subscripted or iterated, not itself an iterator
    bool container = (mpf_type_get_subscr(s) != NULL || mpf_type_get_getiter(s) != NULL) && mpf_type_get_iternext(s) == NULL;
    if (op >= MPF_BINARY_OP_INPLACE_OR && op < MPF_BINARY_OP_OR) {
        // the in-place forms of the mutable containers: a set's |= &= ^= -=, a dict's |=,
        // the others' += and *=
        if (!mpf_type_init_filled(t) || mpf_type_get_binary_op(s) == NULL) {
            return false;
        }
        if (set_like(t)) {
            return op != MPF_BINARY_OP_INPLACE_ADD && op != MPF_BINARY_OP_INPLACE_MULTIPLY;
        }
        return mpf_type_is_subclass(t, &mpf_type_dict) ? op == MPF_BINARY_OP_INPLACE_OR
                                                        : op == MPF_BINARY_OP_INPLACE_ADD || op == MPF_BINARY_OP_INPLACE_MULTIPLY;
    }
    if (op < W_UNARY) {
        return mpf_type_get_binary_op(s) != NULL && (op != MPF_BINARY_OP_IN || container);
    }
    switch (op) {
        case W_UNARY + MPF_UNARY_OP_LEN:
            return o != MPF_OBJ_NULL && mpf_obj_type(o) == t ? mpf_obj_len_maybe(o) != MPF_OBJ_NULL : container;
        case W_UNARY + MPF_UNARY_OP_BOOL:
            return mpf_type_get_unary_op(s) != NULL && (!container || t == &mpf_type_range);
        case W_UNARY + MPF_UNARY_OP_HASH:
        case W_REPR:
            return true;
        case W_STR:  // (the others': object's)
#if CONFIG_BUILTIN_BYTEARRAY
            if (t == &mpf_type_bytearray) {
                return true;
            }
#endif
            return t == &mpf_type_str || t == &mpf_type_bytes;
        case W_UNARY + MPF_UNARY_OP_FLOAT:
            return CONFIG_FLOAT && (num & 3) != 0;
        case W_UNARY + MPF_UNARY_OP_INVERT:
            return num == 1;
        case W_ITER:
            return mpf_type_get_getiter(s) != NULL;
        case W_NEXT:
            return mpf_type_get_iternext(s) != NULL;
        case W_GETITEM:
        case W_DELITEM:
        case W_SETITEM:
            return mpf_type_get_subscr(s) != NULL && (op == W_GETITEM || !mpf_type_immutable_base(t));
        case W_UNARY + MPF_UNARY_OP_POSITIVE:
        case W_UNARY + MPF_UNARY_OP_NEGATIVE:
        case W_UNARY + MPF_UNARY_OP_ABS:
            return num != 0;
        case W_UNARY + MPF_UNARY_OP_INT:
        case W_FLOOR:
        case W_CEIL:
        case W_TRUNC:
        case W_ROUND:
            return (num & 3) != 0;
        case W_INDEX:
            return num == 1;
        case W_FORMAT:  // (the others': object's)
            return (num != 0 || t == &mpf_type_str) && mpf_builtin_lookup(MPF_QSTR_format) != MPF_OBJ_NULL;
        case W_REVERSED:
            return (t == &mpf_type_list || t == &mpf_type_dict || t == &mpf_type_range) &&
                   mpf_builtin_lookup(MPF_QSTR_reversed) != MPF_OBJ_NULL;
        case W_DIVMOD:
        case W_RDIVMOD:
            return (num & 3) != 0 && mpf_builtin_lookup(MPF_QSTR_divmod) != MPF_OBJ_NULL;
        case W_NEW:
            return mpf_type_get_make_new(s) != NULL && t != &mpf_type_object;
        default:  // W_INIT: the types filled in place (int.__init__ is object's)
            return mpf_type_get_make_new(s) != NULL && mpf_type_init_filled(t);
    }
#endif
}

#if CONFIG_SLOT_WRAPPERS_TYPES
// owner.__init__(self, args...): the receiver made again from the arguments (a list, set or
// bytearray in place: cleared, then filled from a new one; a dict updated).
static mpf_obj_t slot_init(const mpf_type_t *owner, size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    mpf_obj_t self = operand(args[0]);  // (the native part of an instance of a subclass)
    if (self == args[0] && (mpf_obj_type(self)->flags & MPF_TYPE_FLAG_HEAP)) {
        ((mpf_instance_t *)mpf_obj_ptr(self))->subobj = mpf_type_get_make_new(owner)(owner, n_args - 1, n_kw, args + 1);
        return MPF_OBJ_NONE;
    }
    mpf_obj_t m[3];
    if (!mpf_type_is_subclass(owner, &mpf_type_dict)) {
        if (!bytes_like(owner)) {
            mpf_arg_check_num(n_args - 1, n_kw, 0, 1, false);  // (list, set: before emptying it)
        }
        mpf_load_method_maybe(self, MPF_QSTR_clear, m);  // emptied first, as CPython's (list.__init__(l, l): [])
        if (m[0] != MPF_OBJ_NULL) {
            mpf_call_method_n(0, 0, m);
        }
    }
    mpf_obj_t v = mpf_type_get_make_new(owner)(owner, n_args - 1, n_kw, args + 1);
    mpf_load_method_maybe(self, MPF_QSTR_update, m);
    if (m[0] == MPF_OBJ_NULL) {
        mpf_load_method_maybe(self, MPF_QSTR_extend, m);
    }
    if (m[0] != MPF_OBJ_NULL) {
        m[2] = v;
        mpf_call_method_n(1, 0, m);
    }
    return MPF_OBJ_NONE;
}
#endif

// The wrapper [self] called on a receiver and its arguments: the receiver checked, then the
// generic operation; a binary operator is the left type's own slot only, NotImplemented when
// it declines.
static mpf_obj_t slot_wrapper_call(mpf_obj_t self, size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    const slot_wrapper_t *w = mpf_obj_ptr(self);
    uintptr_t op = w->op;
    const mpf_type_t *owner = w->owner;
#if CONFIG_SLOT_WRAPPERS_TYPES
    if (op == W_NEW) {
        return mpf_type_checked_new(owner, n_args, n_kw, args);
    }
#endif
#if CONFIG_SLOT_WRAPPERS_TYPES
#define TWO_MORE (op == W_FORMAT || op >= W_DIVMOD)
#else
#define TWO_MORE false
#endif
    size_t want = op == W_SETITEM ? 3 : op < W_UNARY || TWO_MORE || (op >= W_GETITEM && op <= W_DELITEM) ? 2 : 1;
#undef TWO_MORE
#if CONFIG_SLOT_WRAPPERS_TYPES
    if (n_args == 0) {
        mpf_raise_fmt(&mpf_type_TypeError, "descriptor '%q' of '%q' object needs an argument", op_name(op), mpf_type_name(owner));
    }
    mpf_obj_t a = args[0];
    if (!mpf_type_is_subclass(mpf_obj_type(a), owner)) {
        mpf_raise_fmt(&mpf_type_TypeError, "descriptor '%q' requires a '%q' object but received a '%T'", op_name(op),
            mpf_type_name(owner), a);
    }
    if (op == W_INIT) {
        return slot_init(owner, n_args, n_kw, args);
    }
    a = mpf_native_self(owner, op_name(op), a);  // the native part of an instance of a subclass
    if (owner == &mpf_type_int && op != W_STR && op != W_FORMAT && (a == MPF_OBJ_TRUE || a == MPF_OBJ_FALSE)) {
        a = mpf_obj_new_small_int(a == MPF_OBJ_TRUE);  // int.__repr__(True): '1' (int's __str__ is object's)
    }
    if (n_kw != 0 || n_args < want || n_args > want + (op == W_ROUND || op == MPF_BINARY_OP_POWER)) {
        mpf_raise_fmt(&mpf_type_TypeError, "expected %u argument%s, got %u", (unsigned)want - 1, want == 2 ? "" : "s",
            (unsigned)(n_args + n_kw - 1));
    }
#else
    // (only bound to a builtin object of [owner] itself: x.__len__)
    (void)owner;
    mpf_arg_check_num(n_args, n_kw, want, want, false);
    mpf_obj_t a = args[0];
#endif
    mpf_obj_t b = args[want - 1];
    if (op == MPF_BINARY_OP_IN) {
        return mpf_binary_op(MPF_BINARY_OP_IN, b, a);
    }
    if (op < W_UNARY) {
#if CONFIG_SLOT_WRAPPERS_TYPES
        b = operand(b);
        if (n_args == 3 && args[2] != MPF_OBJ_NONE) {
            // int.__pow__(a, b, m): pow(a, b, m), NotImplemented for an operand pow declines
            mpf_obj_t pa[3] = {a, b, operand(args[2])};
            if (!takes(owner, mpf_obj_type(b), false) || !takes(owner, mpf_obj_type(pa[2]), false)) {
                return MPF_OBJ_NOTIMPL;
            }
            return mpf_call(mpf_builtin_lookup(MPF_QSTR_pow), 3, 0, pa);
        }
        mpf_obj_t r = slot_binary(owner, op, a, b);
        return r == a && op >= MPF_BINARY_OP_INPLACE_OR && op < MPF_BINARY_OP_OR ? args[0] : r;  // (self, not its native part)
#else
        if (mpf_obj_is_small_int(a) && mpf_obj_is_small_int(b)) {
            return mpf_binary_op((int)op, a, b);
        }
        const mpf_type_t *t = mpf_type_slots(mpf_obj_type(a));
        mpf_obj_t r = mpf_type_get_binary_op(t) != NULL ? mpf_type_get_binary_op(t)((int)op, a, b) : MPF_OBJ_NULL;
        return r != MPF_OBJ_NULL ? r : MPF_OBJ_NOTIMPL;
#endif
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
#if CONFIG_FLOAT
        case W_UNARY + MPF_UNARY_OP_FLOAT:
            return mpf_obj_new_float(mpf_obj_get_float(a));
#endif
#if CONFIG_SLOT_WRAPPERS_TYPES
        case W_ROUND:
        case W_FORMAT: {
            mpf_obj_t fa[2] = {a, args[n_args - 1]};
            return mpf_call(mpf_builtin_lookup(op == W_ROUND ? MPF_QSTR_round : MPF_QSTR_format), n_args, 0, fa);
        }
        case W_REVERSED:
            return mpf_call(mpf_builtin_lookup(MPF_QSTR_reversed), 1, 0, &a);
        case W_DIVMOD:
        case W_RDIVMOD: {
            b = operand(b);
            if (!takes(owner, mpf_obj_type(b), false)) {
                return MPF_OBJ_NOTIMPL;
            }
            mpf_obj_t fa[2] = {op == W_DIVMOD ? a : b, op == W_DIVMOD ? b : a};
            return mpf_call(mpf_builtin_lookup(MPF_QSTR_divmod), 2, 0, fa);
        }
        case W_FLOOR:
        case W_CEIL:
        case W_TRUNC:
        case W_INDEX:
#if CONFIG_FLOAT
            if (op != W_TRUNC && op != W_INDEX && !mpf_obj_is_int(a)) {
                // a float: floor(x) as x // 1, ceil(x) as -(-x // 1)
                bool ceil = op == W_CEIL;
                mpf_obj_t x = ceil ? mpf_unary_op(MPF_UNARY_OP_NEGATIVE, a) : a;
                x = mpf_unary_op(MPF_UNARY_OP_INT, mpf_binary_op(MPF_BINARY_OP_FLOOR_DIVIDE, x, mpf_obj_new_small_int(1)));
                return ceil ? mpf_unary_op(MPF_UNARY_OP_NEGATIVE, x) : x;
            }
#endif
            return mpf_unary_op(MPF_UNARY_OP_INT, a);
#endif
        default:
            return mpf_unary_op((int)(op - W_UNARY), a);
    }
}

#if CONFIG_SLOT_WRAPPERS_TYPES
static void slot_wrapper_print(const mpf_print_t *p, mpf_obj_t self, mpf_print_kind_t kind) {
    (void)kind;
    const slot_wrapper_t *w = mpf_obj_ptr(self);
    mpf_printf(p, "<slot wrapper '%q' of '%q' objects>", op_name(w->op), mpf_type_name(w->owner));
}

static void slot_wrapper_attr(mpf_obj_t self, mpf_qstr_t attr, mpf_obj_t *dest) {
    const slot_wrapper_t *w = mpf_obj_ptr(self);
    if (dest[0] != MPF_OBJ_NULL) {
        return;
    }
    if (attr == MPF_QSTR___name__ || attr == MPF_QSTR___qualname__) {
        dest[0] = mpf_obj_new_qstr(op_name(w->op));
    } else if (attr == MPF_QSTR___objclass__) {
        dest[0] = mpf_obj_from_ptr(w->owner);
    }
}

static const mpf_type_t slot_wrapper_type = MPF_TYPE(MPF_QSTR_wrapper_descriptor, 0,
    (print, slot_wrapper_print),
    (call, slot_wrapper_call),
    (attr, slot_wrapper_attr));
#else
static const mpf_type_t slot_wrapper_type = MPF_TYPE(MPF_QSTR_builtin_function_or_method, 0,
    (call, slot_wrapper_call));
#endif

bool mpf_slot_wrapper(const mpf_type_t *owner, mpf_obj_t self, mpf_qstr_t q, mpf_obj_t *dest) {
    unsigned op = 0;
    while (mpf_type_op_qstr[op] != q || (op < W_STR && !((with_method[op >> 3] >> (op & 7)) & 1))) {
        if (++op == W_END) {
            return false;
        }
    }
#if CONFIG_SLOT_WRAPPERS_TYPES
    // bool's own: &, |, ^ (and reflected), __repr__, __new__; int's the others
    if (owner == &mpf_type_bool && op != W_REPR && op != W_NEW && (op < MPF_BINARY_OP_OR || op > MPF_BINARY_OP_AND) &&
        (op < MPF_BINARY_OP_REVERSE_OR || op > MPF_BINARY_OP_REVERSE_AND)) {
        owner = &mpf_type_int;
    }
#endif
    if (!has_op(owner, self, op)) {
        return false;
    }
#if CONFIG_SLOT_WRAPPERS_TYPES
    if (op == W_UNARY + MPF_UNARY_OP_HASH && (owner->flags & MPF_TYPE_FLAG_UNHASHABLE)) {
        dest[0] = MPF_OBJ_NONE;  // list.__hash__ is None
        dest[1] = MPF_OBJ_NULL;
        return true;
    }
#endif
    slot_wrapper_t *w = mpf_new(slot_wrapper_t);
    w->base.type = &slot_wrapper_type;
    w->op = op;
    w->owner = owner;
    dest[0] = mpf_obj_from_ptr(w);
    dest[1] = op == W_NEW ? MPF_OBJ_NULL : self;  // (__new__: a static method)
    return true;
}
