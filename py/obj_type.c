// obj_type.c -- type and object, classes made by __build_class__ (C3 MRO), instances
// of classes (special methods dispatch), super, classmethod and staticmethod.
#include "mpf_int.h"

#if !CONFIG_EXC_FULL_TYPES && CONFIG_TYPE_FULL_SLOTS
extern inline const mpf_type_t *mpf_type_slots(const mpf_type_t *t);  // its external copy (obj.h says why)
#endif

// ---------------------------------------------------------------- helpers
// A special method defined by a Python class in the MRO of [t] (builtin bases skipped).
__attribute__((noinline)) static mpf_obj_t special(const mpf_type_t *t, mpf_qstr_t q) {
    if (mpf_class_mro(t) == MPF_OBJ_NULL) {
        return MPF_OBJ_NULL;
    }
    const mpf_tuple_t *mro = mpf_obj_ptr(mpf_class_mro(t));
    for (size_t i = 0; i < mro->len; i++) {
        const mpf_type_t *c = mpf_obj_ptr(mro->items[i]);
        if (mpf_class_dict(c) != NULL) {
            mpf_obj_t v = mpf_map_get_qstr(mpf_class_dict(c), q);
            if (v != MPF_OBJ_NULL) {
                return v;
            }
        }
    }
    return MPF_OBJ_NULL;
}

// The first builtin (non-heap) base of class [t] other than object, or NULL.
const mpf_type_t *mpf_type_native_base(const mpf_type_t *t) {
    if (mpf_class_mro(t) == MPF_OBJ_NULL) {
        return NULL;
    }
    const mpf_tuple_t *mro = mpf_obj_ptr(mpf_class_mro(t));
    for (size_t i = 0; i < mro->len; i++) {
        const mpf_type_t *c = mpf_obj_ptr(mro->items[i]);
        if (!(c->flags & MPF_TYPE_FLAG_HEAP) && c != &mpf_type_object) {
            return c;
        }
    }
    return NULL;
}

// Whether instances of builtin type [t] are immutable: their value comes from the
// constructor's arguments (CPython's __new__), whatever __init__ a subclass defines.
bool mpf_type_immutable_base(const mpf_type_t *t) {
    static const mpf_type_t *const immutable[] = {&mpf_type_tuple, &mpf_type_str, &mpf_type_bytes, &mpf_type_int,
#if CONFIG_FLOAT
        &mpf_type_float,
#endif
#if CONFIG_BUILTIN_COMPLEX
        &mpf_type_complex,
#endif
#if CONFIG_BUILTIN_FROZENSET
        &mpf_type_frozenset,
#endif
        &mpf_type_range};
    for (size_t i = 0; i < sizeof(immutable) / sizeof(immutable[0]); i++) {
        if (t == immutable[i]) {
            return true;
        }
    }
    return false;
}

#if CONFIG_SLOT_WRAPPERS_TYPES
// Whether builtin type [t] makes its instances empty and fills them in __init__ (list,
// dict, set, bytearray and the types derived from them): their __new__ ignores its
// arguments, their __init__ empties and fills the instance again.
bool mpf_type_init_filled(const mpf_type_t *t) {
    return !(t->flags & MPF_TYPE_FLAG_HEAP) && (mpf_type_is_subclass(t, &mpf_type_list) || mpf_type_is_subclass(t, &mpf_type_dict)
#if CONFIG_BUILTIN_SET
                                                || t == &mpf_type_set
#endif
#if CONFIG_BUILTIN_BYTEARRAY
                                                || t == &mpf_type_bytearray
#endif
                                               );
}
#endif

// The function inside [m] when it is a [wt] (classmethod or staticmethod), else [m].
__attribute__((noinline)) static mpf_obj_t unwrap(mpf_obj_t m, const mpf_type_t *wt) {
    return mpf_obj_is_type(m, wt) ? ((const mpf_wrapper_t *)mpf_obj_ptr(m))->fun : m;
}

static mpf_obj_t call_special(mpf_obj_t m, mpf_obj_t self, size_t n, const mpf_obj_t *args) {
    mpf_obj_t a[4];
    a[0] = self;
    for (size_t i = 0; i < n && i < 3; i++) {
        a[i + 1] = args[i];
    }
    const mpf_type_t *mt = mpf_obj_type(m);
    if (mt == &mpf_type_staticmethod) {
        return mpf_call(((const mpf_wrapper_t *)mpf_obj_ptr(m))->fun, n, 0, args);
    }
    if (mt == &mpf_type_classmethod) {
        a[0] = mpf_obj_from_ptr(mpf_obj_type(self));
        return mpf_call(((const mpf_wrapper_t *)mpf_obj_ptr(m))->fun, n + 1, 0, a);
    }
    return mpf_call(m, n + 1, 0, a);
}

// The native part of instance [self] of a heap class, or NULL; a class made by a
// metaclass derived from type is a class, not an instance: it has none.
static inline mpf_obj_t subobj(mpf_obj_t self) {
    if (mpf_obj_type(self)->flags & MPF_TYPE_FLAG_METATYPE) {
        return MPF_OBJ_NULL;
    }
    return ((const mpf_instance_t *)mpf_obj_ptr(self))->subobj;
}

// The native part of instance [self], or NULL (an exception's native part is itself).
__attribute__((noinline)) static mpf_obj_t native_part(mpf_obj_t self) {
    return mpf_obj_is_exception(self) ? MPF_OBJ_NULL : subobj(self);
}

// Special method [q] of [self]'s class called with the [n] arguments [args], or NULL
// when the class defines none.
__attribute__((noinline)) static mpf_obj_t call_dunder(mpf_obj_t self, mpf_qstr_t q, size_t n, const mpf_obj_t *args) {
    mpf_obj_t m = special(mpf_obj_type(self), q);
    return m == MPF_OBJ_NULL ? m : call_special(m, self, n, args);
}

void mpf_type_print_class_name(const mpf_print_t *p, const mpf_type_t *t, bool tb) {
    mpf_obj_t mod = mpf_class_dict(t) ? mpf_map_get_qstr(mpf_class_dict(t), MPF_QSTR___module__) : MPF_OBJ_NULL;
    if (mod != MPF_OBJ_NULL && MPF_IS_STR(mod) && !(tb && mpf_obj_equal(mod, MPF_OBJ_QSTR(MPF_QSTR___main__)))) {
        mpf_printf(p, "%O.", mod);
    }
#if CONFIG_COMPILER
    mpf_printf(p, "%O", mpf_type_qualname(t));
#else
    mpf_printf(p, "%q", mpf_type_name(t));
#endif
}

#if CONFIG_COMPILER
mpf_obj_t mpf_type_qualname(const mpf_type_t *t) {
    // a class statement's: the name its body stored (build_class made it qualified)
    mpf_obj_t q = mpf_class_dict(t) ? mpf_map_get_qstr(mpf_class_dict(t), MPF_QSTR___qualname__) : MPF_OBJ_NULL;
    if (q != MPF_OBJ_NULL && MPF_IS_STR(q)) {
        return q;
    }
    return mpf_obj_new_qstr(mpf_type_name(t));
}
#endif

// "module.Name" of class [t] ("Name" without a str __module__), between [before] and [after].
__attribute__((noinline)) static void print_qualname(const mpf_print_t *p, const char *before, const mpf_type_t *t, const char *after) {
    mpf_print_str(p, before);
    mpf_type_print_class_name(p, t, false);
    mpf_print_str(p, after);
}

// "<module.Name object at 0x...>": object.__repr__ of [self] (a print function; what
// prints an object whose type has no print slot, and object() itself).
void mpf_type_print_default(const mpf_print_t *p, mpf_obj_t self, mpf_print_kind_t kind) {
    (void)kind;
    print_qualname(p, "<", mpf_obj_type(self), " object at 0x");
    mpf_printf(p, "%x>", (unsigned)(uintptr_t)self);
}

static mpf_obj_t type_call(mpf_obj_t self, size_t n_args, size_t n_kw, const mpf_obj_t *args);
static void type_print(const mpf_print_t *p, mpf_obj_t self, mpf_print_kind_t kind);
static mpf_obj_t type_binary_op(int op, mpf_obj_t lhs, mpf_obj_t rhs);

// ---------------------------------------------------------------- instances
mpf_obj_t mpf_obj_new_instance(const mpf_type_t *cls) {
    if (cls->flags & MPF_TYPE_FLAGS_EXC) {
        mpf_exc_t *e = mpf_new(mpf_exc_t);
        e->inst.base.type = cls;
        e->args = mpf_obj_new_tuple(0, NULL);
        return mpf_obj_from_ptr(e);
    }
    mpf_instance_t *o = mpf_new(mpf_instance_t);
    o->base.type = cls;
    return mpf_obj_from_ptr(o);
}

static void instance_print(const mpf_print_t *p, mpf_obj_t self, mpf_print_kind_t kind) {
    const mpf_type_t *t = mpf_obj_type(self);
    bool exc = mpf_obj_is_exception(self);
    mpf_obj_t m = kind == MPF_PRINT_STR ? special(t, MPF_QSTR___str__) : MPF_OBJ_NULL;
    if (m == MPF_OBJ_NULL && !(exc && kind == MPF_PRINT_STR)) {
        m = special(t, MPF_QSTR___repr__);  // BaseException.__str__ comes before it in str()
    }
    if (m != MPF_OBJ_NULL) {
        mpf_obj_t s = call_special(m, self, 0, NULL);
        if (!MPF_IS_STR(s)) {
            mpf_raise_fmt(&mpf_type_TypeError, "__%s__ returned non-string (type %T)", kind == MPF_PRINT_STR ? "str" : "repr", s);
        }
        mpf_obj_print(p, s, MPF_PRINT_STR);
    } else if (t->flags & MPF_TYPE_FLAG_METATYPE) {
        type_print(p, self, kind);  // a class made by a metaclass without __repr__
    } else if (exc) {
        mpf_type_get_print(mpf_type_slots(mpf_type_native_base(t)))(p, self, kind);  // the builtin exception base's
    } else if (subobj(self) != MPF_OBJ_NULL) {
#if CONFIG_SLOT_WRAPPERS_TYPES && (CONFIG_BUILTIN_SET || CONFIG_BUILTIN_FROZENSET || CONFIG_BUILTIN_BYTEARRAY)
        // a set, frozenset or bytearray of a subclass is shown with the subclass's name
        // (S({1, 2}), S(), B(b'ab')), the other builtins' as their own
        mpf_obj_t sub = subobj(self);
        const mpf_type_t *st = mpf_obj_type(sub);
#if CONFIG_BUILTIN_SET
        bool named = st == &mpf_type_set;
#else
        bool named = false;
#endif
#if CONFIG_BUILTIN_FROZENSET
        named |= st == &mpf_type_frozenset;
#endif
#if CONFIG_BUILTIN_BYTEARRAY
        named |= st == &mpf_type_bytearray;
#endif
        if (named) {
            size_t len;
            const char *d = mpf_obj_str_data(mpf_obj_repr(sub), &len);
            size_t skip = d[0] == '{' ? 0 : (size_t)((const char *)memchr(d, '(', len) - d) + 1;
            mpf_printf(p, "%q(", mpf_type_name(t));
            mpf_print_strn(p, d + skip, len - skip - (skip != 0));
            mpf_print_str(p, ")");
            return;
        }
#endif
        mpf_obj_print(p, subobj(self), kind);
    } else {
        mpf_type_print_default(p, self, kind);
    }
}

// (also what obj_slotwrap.c maps dunder names back to operations with)
const uint16_t mpf_type_op_qstr[] = {
    [MPF_BINARY_OP_LESS] = MPF_QSTR___lt__,
    [MPF_BINARY_OP_MORE] = MPF_QSTR___gt__,
    [MPF_BINARY_OP_EQUAL] = MPF_QSTR___eq__,
    [MPF_BINARY_OP_LESS_EQUAL] = MPF_QSTR___le__,
    [MPF_BINARY_OP_MORE_EQUAL] = MPF_QSTR___ge__,
    [MPF_BINARY_OP_NOT_EQUAL] = MPF_QSTR___ne__,
    [MPF_BINARY_OP_IN] = MPF_QSTR___contains__,
    [MPF_BINARY_OP_INPLACE_OR] = MPF_QSTR___ior__,
    [MPF_BINARY_OP_INPLACE_XOR] = MPF_QSTR___ixor__,
    [MPF_BINARY_OP_INPLACE_AND] = MPF_QSTR___iand__,
    [MPF_BINARY_OP_INPLACE_LSHIFT] = MPF_QSTR___ilshift__,
    [MPF_BINARY_OP_INPLACE_RSHIFT] = MPF_QSTR___irshift__,
    [MPF_BINARY_OP_INPLACE_ADD] = MPF_QSTR___iadd__,
    [MPF_BINARY_OP_INPLACE_SUBTRACT] = MPF_QSTR___isub__,
    [MPF_BINARY_OP_INPLACE_MULTIPLY] = MPF_QSTR___imul__,
    [MPF_BINARY_OP_INPLACE_MAT_MULTIPLY] = MPF_QSTR___imatmul__,
    [MPF_BINARY_OP_INPLACE_FLOOR_DIVIDE] = MPF_QSTR___ifloordiv__,
    [MPF_BINARY_OP_INPLACE_TRUE_DIVIDE] = MPF_QSTR___itruediv__,
    [MPF_BINARY_OP_INPLACE_MODULO] = MPF_QSTR___imod__,
    [MPF_BINARY_OP_INPLACE_POWER] = MPF_QSTR___ipow__,
    [MPF_BINARY_OP_OR] = MPF_QSTR___or__,
    [MPF_BINARY_OP_XOR] = MPF_QSTR___xor__,
    [MPF_BINARY_OP_AND] = MPF_QSTR___and__,
    [MPF_BINARY_OP_LSHIFT] = MPF_QSTR___lshift__,
    [MPF_BINARY_OP_RSHIFT] = MPF_QSTR___rshift__,
    [MPF_BINARY_OP_ADD] = MPF_QSTR___add__,
    [MPF_BINARY_OP_SUBTRACT] = MPF_QSTR___sub__,
    [MPF_BINARY_OP_MULTIPLY] = MPF_QSTR___mul__,
    [MPF_BINARY_OP_MAT_MULTIPLY] = MPF_QSTR___matmul__,
    [MPF_BINARY_OP_FLOOR_DIVIDE] = MPF_QSTR___floordiv__,
    [MPF_BINARY_OP_TRUE_DIVIDE] = MPF_QSTR___truediv__,
    [MPF_BINARY_OP_MODULO] = MPF_QSTR___mod__,
    [MPF_BINARY_OP_POWER] = MPF_QSTR___pow__,
    [MPF_BINARY_OP_REVERSE_OR] = MPF_QSTR___ror__,
    [MPF_BINARY_OP_REVERSE_XOR] = MPF_QSTR___rxor__,
    [MPF_BINARY_OP_REVERSE_AND] = MPF_QSTR___rand__,
    [MPF_BINARY_OP_REVERSE_LSHIFT] = MPF_QSTR___rlshift__,
    [MPF_BINARY_OP_REVERSE_RSHIFT] = MPF_QSTR___rrshift__,
    [MPF_BINARY_OP_REVERSE_ADD] = MPF_QSTR___radd__,
    [MPF_BINARY_OP_REVERSE_SUBTRACT] = MPF_QSTR___rsub__,
    [MPF_BINARY_OP_REVERSE_MULTIPLY] = MPF_QSTR___rmul__,
    [MPF_BINARY_OP_REVERSE_MAT_MULTIPLY] = MPF_QSTR___rmatmul__,
    [MPF_BINARY_OP_REVERSE_FLOOR_DIVIDE] = MPF_QSTR___rfloordiv__,
    [MPF_BINARY_OP_REVERSE_TRUE_DIVIDE] = MPF_QSTR___rtruediv__,
    [MPF_BINARY_OP_REVERSE_MODULO] = MPF_QSTR___rmod__,
    [MPF_BINARY_OP_REVERSE_POWER] = MPF_QSTR___rpow__,
    [MPF_TYPE_OP_UNARY + MPF_UNARY_OP_POSITIVE] = MPF_QSTR___pos__,
    [MPF_TYPE_OP_UNARY + MPF_UNARY_OP_NEGATIVE] = MPF_QSTR___neg__,
    [MPF_TYPE_OP_UNARY + MPF_UNARY_OP_INVERT] = MPF_QSTR___invert__,
    [MPF_TYPE_OP_UNARY + MPF_UNARY_OP_BOOL] = MPF_QSTR___bool__,
    [MPF_TYPE_OP_UNARY + MPF_UNARY_OP_LEN] = MPF_QSTR___len__,
    [MPF_TYPE_OP_UNARY + MPF_UNARY_OP_HASH] = MPF_QSTR___hash__,
    [MPF_TYPE_OP_UNARY + MPF_UNARY_OP_ABS] = MPF_QSTR___abs__,
    [MPF_TYPE_OP_UNARY + MPF_UNARY_OP_INT] = MPF_QSTR___int__,
    [MPF_TYPE_OP_UNARY + MPF_UNARY_OP_FLOAT] = MPF_QSTR___float__,
#if CONFIG_SLOT_WRAPPERS
    // (obj_slotwrap.c's W_STR... in this order)
    [MPF_TYPE_OP_OTHER] = MPF_QSTR___str__, MPF_QSTR___repr__, MPF_QSTR___iter__, MPF_QSTR___next__,
    MPF_QSTR___getitem__, MPF_QSTR___delitem__, MPF_QSTR___setitem__,
#if CONFIG_SLOT_WRAPPERS_TYPES
    MPF_QSTR___floor__, MPF_QSTR___ceil__, MPF_QSTR___trunc__, MPF_QSTR___round__, MPF_QSTR___index__,
    MPF_QSTR___format__, MPF_QSTR___new__, MPF_QSTR___init__, MPF_QSTR___reversed__, MPF_QSTR___divmod__,
    MPF_QSTR___rdivmod__,
#endif
#endif
};
#if CONFIG_SLOT_WRAPPERS_TYPES
_Static_assert(sizeof(mpf_type_op_qstr) / sizeof(mpf_type_op_qstr[0]) == MPF_TYPE_OP_OTHER + 18, "a name per operation");
#elif CONFIG_SLOT_WRAPPERS
_Static_assert(sizeof(mpf_type_op_qstr) / sizeof(mpf_type_op_qstr[0]) == MPF_TYPE_OP_OTHER + 7, "a name per operation");
#else
_Static_assert(sizeof(mpf_type_op_qstr) / sizeof(mpf_type_op_qstr[0]) == MPF_TYPE_OP_OTHER, "a name per operation");
#endif

static mpf_obj_t instance_binary_op(int op, mpf_obj_t lhs, mpf_obj_t rhs) {
    const mpf_type_t *t = mpf_obj_type(lhs);
    if (op >= MPF_BINARY_OP_NUM || mpf_type_binary_op_qstr[op] == 0) {
        return MPF_OBJ_NULL;
    }
    mpf_obj_t m = special(t, mpf_type_binary_op_qstr[op]);
    bool negate = false;  // != from __eq__ when the class has no __ne__
    if (m == MPF_OBJ_NULL && op == MPF_BINARY_OP_NOT_EQUAL) {
        m = special(t, MPF_QSTR___eq__);
        negate = true;
    }
    if (m != MPF_OBJ_NULL) {
        if (m == MPF_OBJ_NONE) {
            return MPF_OBJ_NULL;
        }
        mpf_obj_t r = call_special(m, lhs, 1, &rhs);
        if (r == MPF_OBJ_NOTIMPL) {
#if CONFIG_SLOT_WRAPPERS_TYPES
            // a builtin right operand's own operation on the native part (I(5) - 1 where the
            // int subclass's __sub__ declines: int's 5 - 1, as CPython's reflected slot)
            mpf_obj_t so = native_part(lhs);
            const mpf_type_t *rt = mpf_type_slots(mpf_obj_type(rhs));
            if (so != MPF_OBJ_NULL && !(mpf_obj_type(rhs)->flags & MPF_TYPE_FLAG_HEAP) && op >= MPF_BINARY_OP_OR &&
                op <= MPF_BINARY_OP_POWER && mpf_type_get_binary_op(rt) != NULL) {
                return mpf_type_get_binary_op(rt)(op + MPF_BINARY_OP_NORMAL_TO_REVERSE, rhs, so);
            }
#endif
            return MPF_OBJ_NULL;
        }
        if (negate || op == MPF_BINARY_OP_IN) {
            return mpf_obj_bool(mpf_obj_is_true(r) != negate);
        }
        return r;
    }
    mpf_obj_t so = native_part(lhs);
    if (so != MPF_OBJ_NULL) {
        const mpf_type_t *st = mpf_type_slots(mpf_obj_type(so));
        if (mpf_type_get_binary_op(st) != NULL) {
            if ((mpf_obj_type(rhs)->flags & MPF_TYPE_FLAG_HEAP) && native_part(rhs) != MPF_OBJ_NULL) {
                rhs = native_part(rhs);
            }
            return mpf_type_get_binary_op(st)(op, so, rhs);
        }
    }
    if (mpf_obj_type(lhs)->flags & MPF_TYPE_FLAG_METATYPE) {
        return type_binary_op(op, lhs, rhs);  // C | D of classes made by a metaclass
    }
    return MPF_OBJ_NULL;
}

static mpf_obj_t instance_unary_op(int op, mpf_obj_t self) {
    const mpf_type_t *t = mpf_obj_type(self);
    if ((unsigned)op > MPF_UNARY_OP_FLOAT || mpf_type_unary_op_qstr[op] == 0) {
        return MPF_OBJ_NULL;
    }
    mpf_qstr_t q = mpf_type_unary_op_qstr[op];
    mpf_obj_t m = special(t, q);
    if (op == MPF_UNARY_OP_HASH) {
        if (m == MPF_OBJ_NONE || (m == MPF_OBJ_NULL && special(t, MPF_QSTR___eq__) != MPF_OBJ_NULL)) {
            mpf_raise_fmt(&mpf_type_TypeError, "unhashable type: '%T'", self);
        }
    }
    if (m != MPF_OBJ_NULL && m != MPF_OBJ_NONE) {
        mpf_obj_t r = call_special(m, self, 0, NULL);
        if (op == MPF_UNARY_OP_BOOL && r != MPF_OBJ_TRUE && r != MPF_OBJ_FALSE) {
            mpf_raise_fmt(&mpf_type_TypeError, "__bool__ should return bool, returned %T", r);
        }
        if (op == MPF_UNARY_OP_LEN && mpf_obj_get_int(r) < 0) {  // TypeError if no int
            mpf_raise_msg(&mpf_type_ValueError, "__len__() should return >= 0");
        }
        return r;
    }
    mpf_obj_t so = native_part(self);
    if (so != MPF_OBJ_NULL) {
        if (op == MPF_UNARY_OP_HASH) {
            return mpf_obj_new_small_int(mpf_obj_hash(so));
        }
        const mpf_type_t *st = mpf_type_slots(mpf_obj_type(so));
        if (mpf_type_get_unary_op(st) != NULL) {
            return mpf_type_get_unary_op(st)(op, so);
        }
    }
    return MPF_OBJ_NULL;
}

static mpf_obj_t instance_subscr(mpf_obj_t self, mpf_obj_t index, mpf_obj_t value) {
    const mpf_type_t *t = mpf_obj_type(self);
    const mpf_obj_t a[2] = {index, value};
    bool load = value == MPF_OBJ_SENTINEL;
    mpf_qstr_t q = load ? MPF_QSTR___getitem__ : value == MPF_OBJ_NULL ? MPF_QSTR___delitem__ : MPF_QSTR___setitem__;
    mpf_obj_t r = call_dunder(self, q, q == MPF_QSTR___setitem__ ? 2 : 1, a);
    if (r != MPF_OBJ_NULL) {
        return load ? r : MPF_OBJ_NONE;
    }
    mpf_obj_t so = native_part(self);
    if (so != MPF_OBJ_NULL) {
        if (value == MPF_OBJ_SENTINEL && mpf_obj_is_type(so, &mpf_type_dict)) {
            mpf_obj_t missing = special(t, MPF_QSTR___missing__);
            if (missing != MPF_OBJ_NULL) {
                mpf_obj_t v = mpf_dict_get(so, index);
                return v != MPF_OBJ_NULL ? v : call_special(missing, self, 1, &index);
            }
        }
        return mpf_subscr(so, index, value);
    }
#if CONFIG_CLASS_ADVANCED
    if (value == MPF_OBJ_SENTINEL && (t->flags & MPF_TYPE_FLAG_METATYPE)) {
        return mpf_meta_class_getitem(self, index);  // C[...] without a metaclass __getitem__
    }
#endif
    return MPF_OBJ_NULL;
}

static mpf_obj_t instance_getiter(mpf_obj_t self) {
    const mpf_type_t *t = mpf_obj_type(self);
    mpf_obj_t it = call_dunder(self, MPF_QSTR___iter__, 0, NULL);
    if (it != MPF_OBJ_NULL) {
        const mpf_type_t *it_t = mpf_type_slots(mpf_obj_type(it));
        if (mpf_type_get_iternext(it_t) == NULL && special(it_t, MPF_QSTR___next__) == MPF_OBJ_NULL) {
            mpf_raise_fmt(&mpf_type_TypeError, "iter() returned non-iterator of type '%T'", it);
        }
        return it;
    }
    mpf_obj_t so = native_part(self);
    if (so != MPF_OBJ_NULL) {
        it = mpf_getiter(so);
#if CONFIG_BUILTIN_HELPERS
        // a native iterator (map, zip...) is its own iterator: so is the instance wrapping it
        if (it == so) {
            return self;
        }
#endif
        return it;
    }
    it = call_dunder(self, MPF_QSTR___await__, 0, NULL);
    if (it != MPF_OBJ_NULL) {
        return it;
    }
    if (special(t, MPF_QSTR___getitem__) != MPF_OBJ_NULL) {
        return MPF_OBJ_NULL; // the runtime's sequence iterator
    }
    mpf_raise_fmt(&mpf_type_TypeError, "'%T' object is not iterable", self);
}

static mpf_obj_t instance_iternext(mpf_obj_t self) {
    const mpf_type_t *t = mpf_obj_type(self);
    mpf_obj_t m = special(t, MPF_QSTR___next__);
    if (m == MPF_OBJ_NULL) {
#if CONFIG_BUILTIN_HELPERS
        const mpf_type_t *nb = mpf_type_native_base(t);
        if (nb != NULL && mpf_type_get_iternext(mpf_type_slots(nb)) != NULL && !mpf_obj_is_exception(self)) {
            return mpf_iternext(subobj(self));  // the native iterator's next (map, zip...)
        }
#endif
        mpf_raise_fmt(&mpf_type_TypeError, "'%T' object is not an iterator", self);
    }
    mpf_nlr_t nlr;
    mpf_nlr_push(&nlr);
    if (setjmp(nlr.jb) == 0) {
        mpf_obj_t v = call_special(m, self, 0, NULL);
        mpf_nlr_pop(&nlr);
        return v;
    }
    if (mpf_exc_match(nlr.exc, &mpf_type_StopIteration)) {
        return MPF_OBJ_STOP;
    }
    mpf_nlr_raise(nlr.exc);
}

static mpf_obj_t instance_call(mpf_obj_t self, size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    mpf_obj_t m = special(mpf_obj_type(self), MPF_QSTR___call__);
    if (m == MPF_OBJ_NULL && (mpf_obj_type(self)->flags & MPF_TYPE_FLAG_METATYPE)) {
        return type_call(self, n_args, n_kw, args);  // type.__call__: a class made by a metaclass
    }
    if (m == MPF_OBJ_NULL) {
        mpf_raise_fmt(&mpf_type_TypeError, "'%T' object is not callable", self);
    }
    return mpf_call_var_kw(m, self, n_args, n_kw, args, 0);
}


#if !CONFIG_TYPE_FULL_SLOTS
#if CONFIG_CLASS_ADVANCED
static const mpf_type_ext_t class_ext;
#endif
// The slots every class made at run time has (it holds none of its own); a metaclass's
// instances (classes) also need class_ext.
#define CLASS_SLOTS (print, instance_print), (call, instance_call), (unary_op, instance_unary_op), \
    (binary_op, instance_binary_op), (subscr, instance_subscr), (getiter, instance_getiter), \
    (iternext, instance_iternext)
static const mpf_type_t class_slots = MPF_TYPE(0, 0, CLASS_SLOTS);
#if CONFIG_CLASS_ADVANCED
static const mpf_type_t metaclass_slots = MPF_TYPE(0, 0, CLASS_SLOTS, (ext, &class_ext));
#endif

// Slot [s] of [t] (all zero: not set): its value's rank among the set slots.
mpf_type_slot_t mpf_type_slot(const mpf_type_t *t, unsigned s) {
    mpf_type_slot_t v = {0};
    if (t->flags & MPF_TYPE_FLAG_HEAP) {
#if CONFIG_CLASS_ADVANCED
        t = (t->flags & MPF_TYPE_FLAG_METATYPE) ? &metaclass_slots : &class_slots;
#else
        t = &class_slots;
#endif
    }
#if !CONFIG_EXC_FULL_TYPES
    if (t->flags & MPF_TYPE_FLAG_COMPACT) {
        if (s == MPF_TYPE_SLOT_parent) {
            unsigned i = ((const mpf_type_compact_t *)(const void *)t)->parent;  // an index
            v.parent = i == MPF_EXC_BaseException ? &mpf_type_BaseException
                                                  : (const mpf_type_t *)(const void *)&mpf_exc_types[i];
            return v;
        }
        t = &mpf_type_BaseException;
    }
#endif
    unsigned m = t->slot_mask;
    if (m >> s & 1u) {
        unsigned i = 0;
        for (m &= (1u << s) - 1u; m != 0; m &= m - 1u) {
            i++;
        }
        v = t->slots[i];
    }
    return v;
}
#endif

#if CONFIG_CLASS_ADVANCED
// ---------------------------------------------------------------- the list of live classes
// A circular list through mpf_class_t.link, anchored at mpf_state.classes (zero until
// the first class: mpf_init clears it with the heap), oldest first. Its links are
// complemented (hidden from the conservative GC: the list keeps no class alive).
typedef struct mpf_class_link class_link_t;
#define all_classes (mpf_state.classes)

static inline class_link_t *unhide(uintptr_t v) {
    return (class_link_t *)~v;
}
static inline uintptr_t hide(class_link_t *l) {
    return ~(uintptr_t)l;
}
// The class after link [l] on the list, or NULL at the end.
static mpf_class_t *next_class(const class_link_t *l) {
    class_link_t *n = unhide(l->next);
    return n == &all_classes ? NULL : (mpf_class_t *)((char *)n - offsetof(mpf_class_t, link));
}

static void classes_add(mpf_class_t *c) {
    if (all_classes.next == 0) {
        all_classes.prev = all_classes.next = hide(&all_classes);
    }
    class_link_t *last = unhide(all_classes.prev);
    c->link.prev = hide(last);
    c->link.next = hide(&all_classes);
    last->next = hide(&c->link);
    all_classes.prev = hide(&c->link);
}

// The GC frees class [self]: off the list. Its neighbours are classes not yet freed (one
// freed earlier in the same sweep has already taken itself off).
static void class_finalise(mpf_obj_t self) {
    mpf_class_t *c = mpf_obj_ptr(self);
    if (c->link.next == 0) {
        return;  // never listed (its making failed)
    }
    unhide(c->link.prev)->next = c->link.next;
    unhide(c->link.next)->prev = c->link.prev;
}
// What the instances of type and of every metaclass (classes) need.
static const mpf_type_ext_t class_ext = {.finalise = class_finalise};

// Whether class [c] names [base] among its direct bases.
static bool has_base(const mpf_class_t *c, const mpf_type_t *base) {
    const mpf_tuple_t *b = mpf_obj_ptr(c->bases);
    for (size_t i = 0; i < b->len; i++) {
        if (mpf_obj_ptr(b->items[i]) == base) {
            return true;
        }
    }
    return false;
}

#endif // CONFIG_CLASS_ADVANCED

// ---------------------------------------------------------------- classes
__attribute__((noinline)) mpf_qstr_t mpf_type_name(const mpf_type_t *t) {
    return (t->flags & MPF_TYPE_FLAG_HEAP) ? ((const mpf_class_t *)t)->name : t->name;
}

// The [i]th class in the MRO of [t], or NULL past its end (a builtin type's MRO: the type,
// its parents, then object).
const mpf_type_t *mpf_type_mro_item(const mpf_type_t *t, size_t i) {
    if (mpf_class_mro(t) != MPF_OBJ_NULL) {
        const mpf_tuple_t *mro = mpf_obj_ptr(mpf_class_mro(t));
        return i < mro->len ? mpf_obj_ptr(mro->items[i]) : NULL;
    }
    for (; t != NULL && i > 0; i--) {
        t = t == &mpf_type_object ? NULL : mpf_type_parent(t) != NULL ? mpf_type_parent(t) : &mpf_type_object;
    }
    return t;
}

// Longest MRO of a new class (its C3 merge keeps the result on the C stack).
#define MRO_MAX CONFIG_MRO_MAX

// Class [k] of sequence [s] of the C3 merge for [bases]: base s's MRO, and after the
// bases' MROs the bases themselves; NULL past the end.
static const mpf_type_t *merge_item(const mpf_tuple_t *bases, size_t s, size_t k) {
    if (s < bases->len) {
        return mpf_type_mro_item(mpf_obj_ptr(bases->items[s]), k);
    }
    return k < bases->len ? mpf_obj_ptr(bases->items[k]) : NULL;
}

static mpf_obj_t compute_mro(const mpf_type_t *cls, const mpf_tuple_t *bases) {
    size_t ns = bases->len + 1;
    if (ns > MRO_MAX) {
        mpf_raise_msg(&mpf_type_TypeError, "too many base classes");
    }
    size_t pos[MRO_MAX] = {0};  // per sequence: where its unmerged part starts
    mpf_obj_t out[MRO_MAX];
    size_t n = 0;
    out[n++] = mpf_obj_from_ptr(cls);
    for (;;) {
        // the first head of a sequence that is in no sequence's tail
        bool any = false;
        const mpf_type_t *pick = NULL;
        for (size_t s = 0; s < ns && pick == NULL; s++) {
            const mpf_type_t *head = merge_item(bases, s, pos[s]);
            if (head == NULL) {
                continue;
            }
            any = true;
            pick = head;
            for (size_t o = 0; o < ns && pick != NULL; o++) {
                const mpf_type_t *c;
                for (size_t k = pos[o] + 1; (c = merge_item(bases, o, k)) != NULL; k++) {
                    if (c == head) {
                        pick = NULL;
                        break;
                    }
                }
            }
        }
        if (!any) {
            break;
        }
        if (pick == NULL) {
            mpf_raise_msg(&mpf_type_TypeError, "Cannot create a consistent method resolution order (MRO)");
        }
        if (n >= MRO_MAX) {
            mpf_raise_fmt(&mpf_type_TypeError, "inheritance deeper than %u classes (CONFIG_MRO_MAX)", (unsigned)MRO_MAX);
        }
        out[n++] = mpf_obj_from_ptr(pick);
        for (size_t s = 0; s < ns; s++) {
            if (merge_item(bases, s, pos[s]) == pick) {
                pos[s]++;
            }
        }
    }
    return mpf_obj_new_tuple(n, out);
}

#if CONFIG_CLASS_ADVANCED
// The metaclass of a class with [bases] when [meta] is asked for (type: none): the most
// derived of it and the bases' metaclasses; TypeError when they conflict.
static const mpf_type_t *derived_meta(const mpf_type_t *meta, const mpf_tuple_t *bases) {
    for (size_t i = 0; i < bases->len; i++) {
        if (!mpf_obj_is_class(bases->items[i])) {
            continue;  // mpf_make_class says what is wrong with it
        }
        const mpf_type_t *bt = mpf_obj_type(bases->items[i]);
        if (mpf_type_is_subclass(bt, meta)) {
            meta = bt;
        } else if (!mpf_type_is_subclass(meta, bt)) {
            mpf_raise_msg(&mpf_type_TypeError, "metaclass conflict: the metaclass of a derived class must be a "
                                               "(non-strict) subclass of the metaclasses of all its bases");
        }
    }
    return meta;
}
#endif // CONFIG_CLASS_ADVANCED

// A new class [name] of metaclass [meta] (type or derived from it) with [bases] and the
// namespace [dict]; the n_kw name/value pairs [kw] go to __init_subclass__.
static mpf_obj_t make_class(const mpf_type_t *meta, mpf_qstr_t name, mpf_obj_t bases, mpf_obj_t dict, size_t n_kw,
    const mpf_obj_t *kw) {
    const mpf_tuple_t *b = mpf_obj_ptr(bases);
    uint16_t meta_flag = 0, exc_flag = 0;
    for (size_t i = 0; i < b->len; i++) {
        if (!mpf_obj_is_class(b->items[i])) {
            mpf_raise_msg(&mpf_type_TypeError, "bases must be types");
        }
        const mpf_type_t *bt = mpf_obj_ptr(b->items[i]);
        // without CONFIG_CLASS_ADVANCED there are no metaclasses: type is no base
        if ((!(bt->flags & (MPF_TYPE_FLAG_SUBCLASSABLE | MPF_TYPE_FLAG_HEAP)) && bt != &mpf_type_object &&
                !(bt->flags & MPF_TYPE_FLAG_EXCEPTION)) ||
            (!MPF_TYPE_FLAG_METATYPE && mpf_type_is_subclass(bt, &mpf_type_type))) {
            mpf_raise_fmt(&mpf_type_TypeError, "type '%q' is not an acceptable base type", mpf_type_name(bt));
        }
        meta_flag |= bt->flags & MPF_TYPE_FLAG_METATYPE;
        // derived from an exception type: its instances are exceptions (the flag makes
        // that one test; __bases__ assignment keeps the native base, so it stays right)
        if (bt->flags & MPF_TYPE_FLAGS_EXC) {
            exc_flag = MPF_TYPE_FLAG_EXC_CLASS;
        }
    }
#if CONFIG_CLASS_ADVANCED
    if (meta_flag) {
        // a metaclass's instances are classes: no other builtin base's layout fits them
        for (size_t i = 0; i < b->len; i++) {
            const mpf_type_t *bt = mpf_obj_ptr(b->items[i]);
            const mpf_type_t *nb = (bt->flags & MPF_TYPE_FLAG_HEAP) ? mpf_type_native_base(bt) : bt;
            if (nb != NULL && nb != &mpf_type_type && nb != &mpf_type_object) {
                mpf_raise_msg(&mpf_type_TypeError, "multiple bases have instance lay-out conflict");
            }
        }
    }
    meta = derived_meta(meta, b);
    mpf_class_t *cls = mpf_gc_alloc(sizeof(mpf_class_t), true);  // class_finalise takes it off the list
#else
    mpf_class_t *cls = mpf_new(mpf_class_t);
#endif
    mpf_type_t *t = &cls->type;
    t->base.type = meta;
    t->name = name <= UINT16_MAX ? (uint16_t)name : 0;
    cls->name = name;
    t->flags = MPF_TYPE_FLAG_HEAP | MPF_TYPE_FLAG_SUBCLASSABLE | meta_flag | exc_flag;
#if CONFIG_TYPE_FULL_SLOTS
    t->print = instance_print;
    t->call = instance_call;
    t->unary_op = instance_unary_op;
    t->binary_op = instance_binary_op;
    t->subscr = instance_subscr;
    t->getiter = instance_getiter;
    t->iternext = instance_iternext;
    // no ext for instances: mpf_obj_get_buffer finds the native part's buffer itself
#if CONFIG_CLASS_ADVANCED
    t->ext = meta_flag ? &class_ext : NULL;
#endif
#else
    // (its slots are class_slots', mpf_type_slot() reads them there)
#endif
    cls->dict = mpf_dict_map(dict);
    // as CPython's type(): a class without a docstring has __doc__ None in its namespace
    mpf_map_elem_t *doc = mpf_map_lookup(cls->dict, MPF_OBJ_QSTR(MPF_QSTR___doc__), MPF_MAP_LOOKUP_ADD);
    if (doc->value == MPF_OBJ_NULL) {
        doc->value = MPF_OBJ_NONE;
    }
    cls->bases = bases;
    mpf_obj_t ob = mpf_obj_from_ptr(&mpf_type_object);
    const mpf_tuple_t *eff = b->len > 0 ? b : mpf_obj_ptr(mpf_obj_new_tuple(1, &ob));
    if (b->len == 0) {
        cls->bases = mpf_obj_from_ptr(eff);
    }
    cls->mro = compute_mro(t, eff);
#if CONFIG_CLASS_ADVANCED
    classes_add(cls);
#endif
    // __new__ defined as a plain function is implicitly a staticmethod (and
    // __class_getitem__ a classmethod)
    mpf_map_elem_t *e = mpf_map_lookup(cls->dict, mpf_obj_new_qstr(MPF_QSTR___new__), MPF_MAP_LOOKUP);
    if (e != NULL && mpf_obj_is_type(e->value, &mpf_type_fun_bc)) {
        mpf_wrapper_t *w = mpf_new(mpf_wrapper_t);
        w->base.type = &mpf_type_staticmethod;
        w->fun = e->value;
        e->value = mpf_obj_from_ptr(w);
    }
#if CONFIG_CLASS_ADVANCED
    mpf_meta_wrap_class_getitem(cls->dict);
#endif
    if (mpf_type_lookup(t, MPF_QSTR___getattr__) != MPF_OBJ_NULL) {
        t->flags |= MPF_TYPE_FLAG_HAS_GETATTR;
    }
#if CONFIG_CLASS_HOOKS
    // __set_name__ on class attributes that define it, over a snapshot of the namespace
    // (as CPython): attributes those calls add are not visited
    // (the map's entries copied as they are: name, value, name, value...; a deleted one's name is NULL)
    _Static_assert(sizeof(mpf_map_elem_t) == 2 * sizeof(mpf_obj_t), "an entry is a name and a value");
    size_t n = 2 * cls->dict->used;
    const mpf_obj_t *snap = ((const mpf_tuple_t *)mpf_obj_ptr(mpf_obj_new_tuple(n, (const mpf_obj_t *)cls->dict->elems)))->items;
    for (size_t i = 0; i < n; i += 2) {
        mpf_obj_t v = snap[i + 1];
        if (snap[i] != MPF_OBJ_NULL && (mpf_obj_type(v)->flags & MPF_TYPE_FLAG_HEAP)) {
            mpf_obj_t f = special(mpf_obj_type(v), MPF_QSTR___set_name__);
            if (f != MPF_OBJ_NULL) {
                mpf_obj_t a[3] = {v, mpf_obj_from_ptr(t), snap[i]};
                mpf_call(f, 3, 0, a);
            }
        }
    }
#if CONFIG_CLASS_ADVANCED
    // super(cls, cls).__init_subclass__(**kw): the first one along the MRO after the class
    const mpf_tuple_t *mro = mpf_obj_ptr(cls->mro);
    mpf_obj_t isc = MPF_OBJ_NULL;
    for (size_t i = 1; i < mro->len && isc == MPF_OBJ_NULL; i++) {
        mpf_map_t *d = mpf_class_dict(mpf_obj_ptr(mro->items[i]));
        isc = d != NULL ? mpf_map_get_qstr(d, MPF_QSTR___init_subclass__) : MPF_OBJ_NULL;
    }
    if (isc != MPF_OBJ_NULL) {
        mpf_call_var_kw(unwrap(isc, &mpf_type_classmethod), mpf_obj_from_ptr(t), 0, n_kw, kw, 0);
    } else if (n_kw > 0) {
        mpf_raise_fmt(&mpf_type_TypeError, "%q.__init_subclass__() takes no keyword arguments", name);
    }
#else
    (void)n_kw;  // build_class refused class keywords
    (void)kw;
    // __init_subclass__ of the parent
    if (b->len > 0) {
        mpf_obj_t isc = special(mpf_obj_ptr(b->items[0]), MPF_QSTR___init_subclass__);
        if (isc != MPF_OBJ_NULL) {
            mpf_call1(unwrap(isc, &mpf_type_classmethod), mpf_obj_from_ptr(t));
        }
    }
#endif
#else
    (void)n_kw;  // build_class refused class keywords
    (void)kw;
#endif // CONFIG_CLASS_HOOKS
    return mpf_obj_from_ptr(t);
}

mpf_obj_t mpf_make_class(mpf_qstr_t name, mpf_obj_t bases, mpf_obj_t dict) {
    return make_class(&mpf_type_type, name, bases, dict, 0, NULL);
}

// ---------------------------------------------------------------- mappingproxy
#if CONFIG_CLASS_DICT || CONFIG_CLASS_ADVANCED
// A class's __dict__: a read-only live view of its namespace (as CPython), so every
// change to a class goes through setattr and the classes' store cache sees it.
//
// An instance's __dict__ is the same kind of view over its members, writable (item
// assignment, deletion and update() store into the instance): the members live inside the
// instance object, so no dict object may share their table (a dict growing it would
// reallocate storage the instance still points to). Lookups, `in`, len(), get() and
// iteration read the members in place (an iterator re-reads the table at each step, so a
// change while iterating is caught, never a read of stale storage); printing, comparison,
// keys()/values()/items() and copy() see a copy.
typedef struct mappingproxy {
    mpf_obj_base_t base;
    mpf_obj_t dict;  // the class's namespace dict, or NULL for an instance's members
    mpf_obj_t inst;  // the instance (NULL for a class)
} mappingproxy_t;

static mpf_obj_t proxied(mpf_obj_t self) {
    const mappingproxy_t *mp = mpf_obj_ptr(self);
    if (mp->inst == MPF_OBJ_NULL) {
        return mp->dict;
    }
    const mpf_map_t *m = &((const mpf_instance_t *)mpf_obj_ptr(mp->inst))->members;
    mpf_obj_t d = mpf_obj_new_dict(m->count);
    for (size_t i = 0; i < m->used; i++) {
        if (m->elems[i].key != MPF_OBJ_NULL) {
            mpf_dict_store(d, m->elems[i].key, m->elems[i].value);
        }
    }
    return d;
}

#if CONFIG_CLASS_ADVANCED
static mpf_map_t *members_of(mpf_obj_t self) {
    return &((mpf_instance_t *)mpf_obj_ptr(((const mappingproxy_t *)mpf_obj_ptr(self))->inst))->members;
}

// The member of the instance behind view [self] with key [k], or NULL. Members are keyed
// by qstr: a str whose text is no qstr is no member's name.
static mpf_obj_t members_get_key(mpf_obj_t self, mpf_obj_t k) {
    if (MPF_IS_STR_HOT(k) && !mpf_obj_is_qstr(k)) {
        size_t len;
        const char *s = mpf_obj_str_data(k, &len);
        mpf_qstr_t q = mpf_qstr_find(s, len);
        if (q == 0) {
            return MPF_OBJ_NULL;
        }
        k = mpf_obj_new_qstr(q);
    }
    mpf_map_elem_t *e = mpf_map_lookup(members_of(self), k, MPF_MAP_LOOKUP);
    return e != NULL ? e->value : MPF_OBJ_NULL;
}

static mpf_obj_t members_get(size_t n_args, const mpf_obj_t *args) {
    mpf_obj_t v = members_get_key(args[0], args[1]);
    return v != MPF_OBJ_NULL ? v : (n_args > 2 ? args[2] : MPF_OBJ_NONE);
}
MPF_FUN_VAR(members_get_obj, MPF_QSTR_get, 2, 3, members_get);

// Iterator over the keys of an instance's members, in place.
typedef struct members_iter {
    mpf_obj_base_t base;
    mpf_obj_t view;
    size_t pos, count;  // next slot; the member count when iteration began
} members_iter_t;

static mpf_obj_t members_iter_next(mpf_obj_t self) {
    members_iter_t *it = mpf_obj_ptr(self);
    const mpf_map_t *m = members_of(it->view);
    if (m->count != it->count) {
        mpf_raise_msg(&mpf_type_RuntimeError, "dictionary changed size during iteration");
    }
    while (it->pos < m->used) {
        mpf_obj_t k = m->elems[it->pos++].key;
        if (k != MPF_OBJ_NULL) {
            return k;
        }
    }
    return MPF_OBJ_STOP;
}

static const mpf_type_t members_iter_type = MPF_TYPE(MPF_QSTR_iterator, 0,
    (getiter, mpf_iter_self),
    (iternext, members_iter_next));
#endif // CONFIG_CLASS_ADVANCED

// Store (v) or delete (v NULL) key [k] of the instance behind [self].
static void members_store(mpf_obj_t self, mpf_obj_t k, mpf_obj_t v) {
    mpf_instance_t *inst = mpf_obj_ptr(((const mappingproxy_t *)mpf_obj_ptr(self))->inst);
    if (MPF_IS_STR_HOT(k) && !mpf_obj_is_qstr(k)) {
        size_t len;
        const char *s = mpf_obj_str_data(k, &len);
        k = mpf_obj_new_qstr(mpf_qstr_from_strn(s, len));  // members are keyed by qstr
    }
    if (v == MPF_OBJ_NULL) {
        if (mpf_map_lookup(&inst->members, k, MPF_MAP_REMOVE) == NULL) {
            mpf_raise(mpf_exc_new(&mpf_type_KeyError, 1, &k));
        }
    } else {
        mpf_map_lookup(&inst->members, k, MPF_MAP_LOOKUP_ADD)->value = v;
    }
}

static mpf_obj_t members_update(mpf_obj_t self, mpf_obj_t other) {
    // whatever dict(other) accepts (a mapping, pairs), with its errors
    const mpf_map_t *m = mpf_dict_map(mpf_call1(mpf_obj_from_ptr(&mpf_type_dict), other));
    for (size_t i = 0; i < m->used; i++) {
        if (m->elems[i].key != MPF_OBJ_NULL) {
            members_store(self, m->elems[i].key, m->elems[i].value);
        }
    }
    return MPF_OBJ_NONE;
}
MPF_FUN_2(members_update_obj, MPF_QSTR_update, members_update);

static void mappingproxy_print(const mpf_print_t *p, mpf_obj_t self, mpf_print_kind_t kind) {
    if (((const mappingproxy_t *)mpf_obj_ptr(self))->inst != MPF_OBJ_NULL) {
        mpf_obj_print(p, proxied(self), kind);  // as the dict it stands for
        return;
    }
    mpf_printf(p, "mappingproxy(%O)", proxied(self));
}

static mpf_obj_t mappingproxy_unary_op(int op, mpf_obj_t self) {
#if CONFIG_CLASS_ADVANCED
    if (((const mappingproxy_t *)mpf_obj_ptr(self))->inst != MPF_OBJ_NULL) {
        size_t n = members_of(self)->count;
        if (op == MPF_UNARY_OP_LEN) {
            return mpf_obj_new_small_int((mpf_int_t)n);
        } else if (op == MPF_UNARY_OP_BOOL) {
            return mpf_obj_bool(n != 0);
        }
    }
#endif
    return mpf_unary_op(op, proxied(self));
}

static mpf_obj_t mappingproxy_binary_op(int op, mpf_obj_t lhs, mpf_obj_t rhs) {
    if (op != MPF_BINARY_OP_IN && op != MPF_BINARY_OP_EQUAL && op != MPF_BINARY_OP_NOT_EQUAL) {
        return MPF_OBJ_NULL;
    }
    if (op == MPF_BINARY_OP_IN) {
#if CONFIG_CLASS_ADVANCED
        if (((const mappingproxy_t *)mpf_obj_ptr(lhs))->inst != MPF_OBJ_NULL) {
            mpf_obj_hash(rhs);  // an unhashable key is a TypeError, as for a dict
            return mpf_obj_bool(members_get_key(lhs, rhs) != MPF_OBJ_NULL);
        }
#endif
        return mpf_binary_op(op, rhs, proxied(lhs));  // rhs in the namespace
    }
    return mpf_binary_op(op, proxied(lhs), rhs);
}

static mpf_obj_t mappingproxy_subscr(mpf_obj_t self, mpf_obj_t index, mpf_obj_t value) {
#if !CONFIG_CLASS_ADVANCED
    if (value != MPF_OBJ_SENTINEL && ((const mappingproxy_t *)mpf_obj_ptr(self))->inst != MPF_OBJ_NULL) {
        members_store(self, index, value);
        return MPF_OBJ_NONE;
    }
#else
    if (((const mappingproxy_t *)mpf_obj_ptr(self))->inst != MPF_OBJ_NULL) {
        if (value != MPF_OBJ_SENTINEL) {
            members_store(self, index, value);
            return MPF_OBJ_NONE;
        }
        mpf_obj_hash(index);
        mpf_obj_t v = members_get_key(self, index);
        if (v == MPF_OBJ_NULL) {
            mpf_raise(mpf_exc_new(&mpf_type_KeyError, 1, &index));
        }
        return v;
    }
#endif
    if (value != MPF_OBJ_SENTINEL) {
        mpf_raise_fmt(&mpf_type_TypeError, "'mappingproxy' object does not support item %s",
            value == MPF_OBJ_NULL ? "deletion" : "assignment");
    }
    return mpf_subscr(proxied(self), index, MPF_OBJ_SENTINEL);
}

static mpf_obj_t mappingproxy_getiter(mpf_obj_t self) {
#if CONFIG_CLASS_ADVANCED
    if (((const mappingproxy_t *)mpf_obj_ptr(self))->inst != MPF_OBJ_NULL) {
        members_iter_t *it = mpf_new(members_iter_t);
        it->base.type = &members_iter_type;
        it->view = self;
        it->count = members_of(self)->count;
        return mpf_obj_from_ptr(it);
    }
#endif
    return mpf_getiter(proxied(self));
}

static void mappingproxy_attr(mpf_obj_t self, mpf_qstr_t q, mpf_obj_t *dest) {
#if CONFIG_CLASS_ADVANCED
    if (dest[0] == MPF_OBJ_NULL && (q == MPF_QSTR_update || q == MPF_QSTR_get) &&
        ((const mappingproxy_t *)mpf_obj_ptr(self))->inst != MPF_OBJ_NULL) {
        dest[0] = mpf_obj_from_ptr(q == MPF_QSTR_get ? &members_get_obj : &members_update_obj);
#else
    if (dest[0] == MPF_OBJ_NULL && q == MPF_QSTR_update && ((const mappingproxy_t *)mpf_obj_ptr(self))->inst != MPF_OBJ_NULL) {
        dest[0] = mpf_obj_from_ptr(&members_update_obj);
#endif
        dest[1] = self;
        return;
    }
    // the dict's reading methods, bound to the dict
    if (dest[0] == MPF_OBJ_NULL && (q == MPF_QSTR_keys || q == MPF_QSTR_values || q == MPF_QSTR_items ||
                                    q == MPF_QSTR_get || q == MPF_QSTR_copy)) {
        mpf_load_method_maybe(proxied(self), q, dest);
    }
}

// (a class's view and an instance's: the same slots)
#define MAPPINGPROXY_SLOTS (print, mappingproxy_print), (unary_op, mappingproxy_unary_op), \
    (binary_op, mappingproxy_binary_op), (attr, mappingproxy_attr), (subscr, mappingproxy_subscr), \
    (getiter, mappingproxy_getiter)
static const mpf_type_t mappingproxy_type = MPF_TYPE(MPF_QSTR_mappingproxy, 0, MAPPINGPROXY_SLOTS);
static const mpf_type_t members_view_type = MPF_TYPE(MPF_QSTR_dict, MPF_TYPE_FLAG_UNHASHABLE, MAPPINGPROXY_SLOTS);

mpf_obj_t mpf_type_instance_dict_copy(mpf_obj_t o, mpf_map_t **members) {
    if (!mpf_obj_is_type(o, &members_view_type)) {
        return MPF_OBJ_NULL;
    }
    if (members != NULL) {
        *members = &((mpf_instance_t *)mpf_obj_ptr(((const mappingproxy_t *)mpf_obj_ptr(o))->inst))->members;
    }
    return proxied(o);
}

mpf_obj_t mpf_type_instance_dict_view(mpf_obj_t inst) {
    mappingproxy_t *mp = mpf_new(mappingproxy_t);
    mp->base.type = &members_view_type;
    mp->inst = inst;
    return mpf_obj_from_ptr(mp);
}

mpf_obj_t mpf_type_dict_proxy(const mpf_type_t *t) {
    mappingproxy_t *mp = mpf_new(mappingproxy_t);
    mp->base.type = &mappingproxy_type;
    if (mpf_class_dict(t) == NULL) {
        // a builtin type: a read-only view of a copy of its methods and attributes (the
        // table is const, so nothing can change behind the copy)
        const mpf_rom_map_t *locals = mpf_type_get_locals(mpf_type_slots(t));
        mp->dict = mpf_obj_new_dict(locals != NULL ? locals->n : 0);
        mpf_module_store_rom(mp->dict, locals);
        return mpf_obj_from_ptr(mp);
    }
    // t->dict is the map inside the namespace dict object the class was made from
    mp->dict = mpf_obj_from_ptr((const char *)mpf_class_dict(t) - offsetof(mpf_dict_t, map));
    return mpf_obj_from_ptr(mp);
}
#else
// No __dict__ views: the attribute is missing (AttributeError), as in the reference's
// small builds.
mpf_obj_t mpf_type_instance_dict_copy(mpf_obj_t o, mpf_map_t **members) {
    (void)o;
    (void)members;
    return MPF_OBJ_NULL;
}
mpf_obj_t mpf_type_instance_dict_view(mpf_obj_t inst) {
    (void)inst;
    return MPF_OBJ_NULL;
}

mpf_obj_t mpf_type_dict_proxy(const mpf_type_t *t) {
    (void)t;
    return MPF_OBJ_NULL;
}
#endif // CONFIG_CLASS_DICT || CONFIG_CLASS_ADVANCED

#if CONFIG_CLASS_ADVANCED
// Recompute the MRO of every class derived from [cls] (its MRO changed), depth [depth]
// levels below the class whose __bases__ changed.
static void update_subclasses(const mpf_type_t *cls, size_t depth) {
    if (depth > MRO_MAX) {
        mpf_raise_fmt(&mpf_type_TypeError, "inheritance deeper than %u classes (CONFIG_MRO_MAX)", (unsigned)MRO_MAX);
    }
    for (mpf_class_t *c = next_class(&all_classes); c != NULL; c = next_class(&c->link)) {
        if (&c->type != cls && has_base(c, cls)) {
            c->mro = compute_mro(&c->type, mpf_obj_ptr(c->bases));
            update_subclasses(&c->type, depth + 1);
        }
    }
}
#endif // CONFIG_CLASS_ADVANCED

#if CONFIG_CLASS_HOOKS
void mpf_type_set_bases(mpf_type_t *cls, mpf_obj_t bases) {
    if (bases == MPF_OBJ_NULL) {
        mpf_raise_fmt(&mpf_type_TypeError, "cannot delete '__bases__' attribute of immutable type '%q'", mpf_type_name(cls));
    }
    if (!mpf_obj_is_type(bases, &mpf_type_tuple)) {
        mpf_raise_fmt(&mpf_type_TypeError, "can only assign tuple to %q.__bases__, not %T", mpf_type_name(cls), bases);
    }
    const mpf_tuple_t *b = mpf_obj_ptr(bases);
    if (b->len == 0) {
        mpf_raise_fmt(&mpf_type_TypeError, "can only assign non-empty tuple to %q.__bases__, not ()", mpf_type_name(cls));
    }
    for (size_t i = 0; i < b->len; i++) {
        if (!mpf_obj_is_class(b->items[i])) {
            mpf_raise_fmt(&mpf_type_TypeError, "%q.__bases__ must be tuple of classes, not '%T'", mpf_type_name(cls), b->items[i]);
        }
        if (mpf_type_is_subclass(mpf_obj_ptr(b->items[i]), cls)) {
            mpf_raise_msg(&mpf_type_TypeError, "a __bases__ item causes an inheritance cycle");
        }
    }
    mpf_obj_t mro = compute_mro(cls, b);
    // instances keep their layout: the builtin base (if any) must stay the same
    const mpf_type_t *old_native = mpf_type_native_base(cls);
    mpf_class_t *heap = (mpf_class_t *)cls;  // the caller checked MPF_TYPE_FLAG_HEAP
    mpf_obj_t old_mro = heap->mro, old_bases = heap->bases;
    heap->mro = mro;
    if (mpf_type_native_base(cls) != old_native) {
        heap->mro = old_mro;
        mpf_raise_fmt(&mpf_type_TypeError, "__bases__ assignment: '%q' object layout differs from '%q'",
            mpf_type_name(((const mpf_type_t *)mpf_obj_ptr(b->items[0]))), mpf_type_name(cls));
    }
    heap->bases = bases;
#if CONFIG_CLASS_ADVANCED
    // the subclasses' MROs follow; one that no longer linearises undoes the assignment
    mpf_nlr_t nlr;
    mpf_nlr_push(&nlr);
    if (setjmp(nlr.jb) == 0) {
        update_subclasses(cls, 0);
        mpf_nlr_pop(&nlr);
        return;
    }
    heap->mro = old_mro;
    heap->bases = old_bases;
    update_subclasses(cls, 0);
    mpf_nlr_raise(nlr.exc);
#else
    (void)old_bases;
#endif
}
#endif // CONFIG_CLASS_HOOKS

#if CONFIG_COMPILER_INTROSPECTION
// The class's __qualname__ in its namespace [dict]: the body function's qualified name
// ("f.<locals>.C", "A.B") where the body stored its simple name (all the bytecode has).
static void class_qualname(mpf_obj_t body, mpf_obj_t dict) {
    const mpf_fun_bc_t *f = mpf_obj_ptr(body);
    mpf_obj_t simple = mpf_obj_new_qstr(f->ctx->qstrs[f->rc->simple_name]);
    if (mpf_obj_is_type(dict, &mpf_type_dict) && mpf_map_get_qstr(mpf_dict_map(dict), MPF_QSTR___qualname__) == simple) {
        mpf_obj_t q = mpf_fun_qualname(body);
        if (q != simple) {
            mpf_dict_store(dict, mpf_obj_new_qstr(MPF_QSTR___qualname__), q);
        }
    }
}
#define CLASS_QUALNAME(body, dict) class_qualname(body, dict)
#else
#define CLASS_QUALNAME(body, dict)
#endif

static mpf_obj_t build_class(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    if (n_args < 2) {
        mpf_raise_msg(&mpf_type_TypeError, "__build_class__: not enough arguments");
    }
    mpf_obj_t body = args[0];
    mpf_obj_t name = args[1];
    // (a builtin any program can call: the class statement passes these two, a call may not)
    if (!mpf_obj_is_type(body, &mpf_type_fun_bc)) {
        mpf_raise_msg(&mpf_type_TypeError, "__build_class__: func must be a function");
    }
    if (!MPF_IS_STR(name)) {
        mpf_raise_msg(&mpf_type_TypeError, "__build_class__: name is not a string");
    }
    mpf_obj_t bases = mpf_obj_new_tuple(n_args - 2, args + 2);
#if !CONFIG_CLASS_ADVANCED
    // metaclass= only (a function, or type): other class keywords need CONFIG_CLASS_ADVANCED
    mpf_obj_t meta = mpf_arg_kw(n_args, n_kw, args, MPF_QSTR_metaclass);
    if (n_kw > (meta != MPF_OBJ_NULL)) {
        mpf_raise_msg(&mpf_type_TypeError, "function doesn't take keyword arguments");
    }
    mpf_obj_t dict = mpf_obj_new_dict(8);
    mpf_obj_t cell = mpf_vm_call_bc(mpf_obj_ptr(body), 0, 0, NULL, dict);
    CLASS_QUALNAME(body, dict);
    mpf_obj_t cls;
    if (meta != MPF_OBJ_NULL && meta != mpf_obj_from_ptr(&mpf_type_type)) {
        mpf_obj_t a[3] = {name, bases, dict};
        cls = mpf_call(meta, 3, 0, a);
    } else {
        cls = mpf_make_class(mpf_builtin_attr_name(name), bases, dict);
    }
#else
    // call: name, bases, namespace, then the keywords other than metaclass= (for
    // __prepare__, the metaclass and __init_subclass__) as name/value pairs
    // (on the C stack when there are no keywords, the common case)
    mpf_obj_t no_kw[3];
    mpf_obj_t *call = n_kw == 0 ? no_kw : ((mpf_tuple_t *)mpf_obj_ptr(mpf_obj_new_tuple(3 + 2 * n_kw, NULL)))->items;
    mpf_obj_t meta = mpf_obj_from_ptr(&mpf_type_type);
    size_t nk = 0;
    for (size_t i = 0; i < n_kw; i++) {
        if (args[n_args + 2 * i] == mpf_obj_new_qstr(MPF_QSTR_metaclass)) {
            meta = args[n_args + 2 * i + 1];
        } else {
            call[3 + 2 * nk] = args[n_args + 2 * i];
            call[4 + 2 * nk++] = args[n_args + 2 * i + 1];
        }
    }
    mpf_obj_t dict = MPF_OBJ_NULL;
    if (mpf_obj_is_class(meta)) {
        // a metaclass that is a class: the most derived one (a function is called as it is)
        meta = mpf_obj_from_ptr(derived_meta(mpf_obj_ptr(meta), mpf_obj_ptr(bases)));
    }
    if (meta != mpf_obj_from_ptr(&mpf_type_type)) {
        call[1] = name;
        call[2] = bases;
        dict = mpf_meta_prepare(meta, nk, call + 1);
    }
    if (dict == MPF_OBJ_NULL) {
        dict = mpf_obj_new_dict(8);
    }
    mpf_obj_t cell = mpf_vm_call_bc(mpf_obj_ptr(body), 0, 0, NULL, dict);
    CLASS_QUALNAME(body, dict);
    mpf_obj_t cls;
    if (meta != mpf_obj_from_ptr(&mpf_type_type)) {
        call[0] = name;
        call[1] = bases;
        call[2] = dict;
        cls = mpf_call(meta, 3, nk, call);
    } else {
        cls = make_class(&mpf_type_type, mpf_builtin_attr_name(name), bases, dict, nk, call + 3);
    }
#endif
    if (mpf_obj_is_type(cell, &mpf_type_cell)) {
        ((mpf_cell_t *)mpf_obj_ptr(cell))->value = cls;
    }
    return cls;
}
const mpf_fun_builtin_t mpf_builtin_build_class_obj = MPF_FUN_INIT_KW(MPF_QSTR___build_class__, 2, build_class);

static mpf_obj_t type_new(const mpf_type_t *meta, size_t n_args, size_t n_kw, const mpf_obj_t *args);

// Create an instance of heap class [t] and run __init__.
static mpf_obj_t class_call(const mpf_type_t *t, size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    mpf_obj_t cls = mpf_obj_from_ptr(t);
    mpf_obj_t new_m = special(t, MPF_QSTR___new__);
    mpf_obj_t init = special(t, MPF_QSTR___init__);
    mpf_obj_t o;
    if (new_m != MPF_OBJ_NULL) {
        o = mpf_call_var_kw(unwrap(new_m, &mpf_type_staticmethod), cls, n_args, n_kw, args, 0);
        if (!mpf_obj_isinstance(o, cls)) {
            return o;
        }
#if CONFIG_SLOT_WRAPPERS_TYPES
        const mpf_type_t *nb = mpf_type_native_base(t);
        if (init == MPF_OBJ_NULL && nb != NULL && mpf_type_init_filled(nb)) {
            init = mpf_load_attr(mpf_obj_from_ptr(nb), MPF_QSTR___init__);  // (list.__init__ fills what __new__ made empty)
        }
#endif
#if CONFIG_CLASS_ADVANCED
    } else if (t->flags & MPF_TYPE_FLAG_METATYPE) {
        o = type_new(t, n_args, n_kw, args);  // Meta(name, bases, ns) without a __new__ of its own
#endif
    } else {
        o = mpf_obj_new_instance(t);
        const mpf_type_t *nb = mpf_type_native_base(t);
        if (nb != NULL && (t->flags & MPF_TYPE_FLAGS_EXC)) {
            mpf_exc_native(o)->args = mpf_obj_new_tuple(n_args, args);
#if CONFIG_EXC_ATTRS
            if (init == MPF_OBJ_NULL) {
                mpf_exc_apply_kw(o, n_kw, args + n_args);
            }
#endif
        } else if (nb != NULL && mpf_type_get_make_new(nb) != NULL) {
            mpf_instance_t *inst = mpf_obj_ptr(o);
            // a mutable base starts empty when the class has an __init__: its
            // super().__init__(...) (object_init) fills it, as list.__init__ would
            bool with_args = init == MPF_OBJ_NULL || mpf_type_immutable_base(nb);
            inst->subobj = with_args ? mpf_type_get_make_new(nb)(nb, n_args, n_kw, args) : mpf_type_get_make_new(nb)(nb, 0, 0, NULL);
        } else if (init == MPF_OBJ_NULL && (n_args > 0 || n_kw > 0)) {
            mpf_raise_fmt(&mpf_type_TypeError, "%q() takes no arguments", mpf_type_name(t));
        }
    }
    if (init != MPF_OBJ_NULL) {
        mpf_obj_t r = mpf_call_var_kw(init, o, n_args, n_kw, args, 0);
        if (r != MPF_OBJ_NONE) {
            mpf_raise_fmt(&mpf_type_TypeError, "__init__() should return None, not '%T'", r);
        }
    }
    return o;
}

// ---------------------------------------------------------------- type
static mpf_obj_t type_call(mpf_obj_t self, size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    const mpf_type_t *t = mpf_obj_ptr(self);
    if (t->flags & MPF_TYPE_FLAG_HEAP) {
        return class_call(t, n_args, n_kw, args);
    }
    if (mpf_type_get_make_new(mpf_type_slots(t)) == NULL) {
        mpf_raise_fmt(&mpf_type_TypeError, "cannot create '%q' instances", mpf_type_name(t));
    }
    return mpf_type_get_make_new(mpf_type_slots(t))(t, n_args, n_kw, args);
}

// type.__new__(meta, name, bases, ns, **kw): a new class of metaclass [meta] from
// [args] (name, bases, namespace; the n_kw pairs go to __init_subclass__).
static mpf_obj_t type_new(const mpf_type_t *meta, size_t n_args, size_t n_kw, const mpf_obj_t *args) {
#if CONFIG_CLASS_ADVANCED
    if (n_args != 3) {
        mpf_raise_fmt(&mpf_type_TypeError, "type.__new__() takes exactly 3 arguments (%u given)", (unsigned)n_args);
    }
    static const char *const want[3] = {"str", "tuple", "dict"};
    // any dict will do as the namespace, an OrderedDict too (as MicroPython; CPython
    // wants an exact dict): it is copied below
    bool ok[3] = {MPF_IS_STR(args[0]), mpf_obj_is_type(args[1], &mpf_type_tuple),
        mpf_type_is_subclass(mpf_obj_type(args[2]), &mpf_type_dict)};
    for (int i = 0; i < 3; i++) {
        if (!ok[i]) {
            mpf_raise_fmt(&mpf_type_TypeError, "type.__new__() argument %d must be %s, not %T", i + 1, want[i], args[i]);
        }
    }
#else
    // only type() calls it (n_args is 3)
    if (!MPF_IS_STR(args[0]) || !mpf_obj_is_type(args[1], &mpf_type_tuple) ||
        !mpf_type_is_subclass(mpf_obj_type(args[2]), &mpf_type_dict)) {
        mpf_raise_msg(&mpf_type_TypeError, "type() argument types");
    }
#endif
    size_t len;
    const char *s = mpf_obj_str_data(args[0], &len);
    // the class gets its own namespace, a copy (as CPython): later changes to the
    // caller's dict do not reach it
    mpf_obj_t ns = mpf_call1(mpf_obj_from_ptr(&mpf_type_dict), args[2]);
#if CONFIG_CLASS_ADVANCED
    // __module__, when the namespace has none: the calling code's __name__ (as CPython)
    mpf_map_t *m = mpf_dict_map(ns);
    if (mpf_map_get_qstr(m, MPF_QSTR___module__) == MPF_OBJ_NULL) {
        const mpf_frame_t *fr = mpf_state.cur_frame;
        mpf_obj_t mod = mpf_map_get_qstr(mpf_dict_map(fr ? fr->fun->ctx->globals : mpf_state.main_globals), MPF_QSTR___name__);
        if (mod != MPF_OBJ_NULL) {
            mpf_dict_store(ns, MPF_OBJ_QSTR(MPF_QSTR___module__), mod);
        }
    }
#endif
    return make_class(meta, mpf_qstr_from_strn(s, len), args[1], ns, n_kw, args + n_args);
}

static mpf_obj_t type_make_new(const mpf_type_t *type, size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    if (n_args == 1 && n_kw == 0) {
        return mpf_obj_from_ptr(mpf_obj_type(args[0]));
    }
    if (n_args != 3) {
        mpf_raise_msg(&mpf_type_TypeError, "type() takes 1 or 3 arguments");
    }
    return type_new(type, n_args, n_kw, args);
}

#if CONFIG_CLASS_ADVANCED
// type.__new__ as a static method: the metaclass first.
static mpf_obj_t type_new_fun(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    if (!mpf_obj_is_class(args[0])) {
        mpf_raise_fmt(&mpf_type_TypeError, "type.__new__(X): X is not a type object (%T)", args[0]);
    }
    const mpf_type_t *meta = mpf_obj_ptr(args[0]);
    if (!(meta->flags & MPF_TYPE_FLAG_METATYPE)) {
        mpf_raise_fmt(&mpf_type_TypeError, "type.__new__(%q): %q is not a subtype of type", mpf_type_name(meta), mpf_type_name(meta));
    }
    return type_new(mpf_obj_ptr(args[0]), n_args - 1, n_kw, args + 1);
}
MPF_FUN_KW(type_new_fun_obj, MPF_QSTR___new__, 1, type_new_fun);
static const mpf_wrapper_t type_new_obj = {{&mpf_type_staticmethod}, MPF_ROM_PTR(&type_new_fun_obj)};

// type.__init__(cls, ...): nothing left to do (type.__new__ made the class).
static mpf_obj_t type_init(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)n_args;
    (void)n_kw;
    (void)args;
    return MPF_OBJ_NONE;
}

// type.__call__(cls, ...): what super().__call__(...) in a metaclass's __call__ reaches.
static mpf_obj_t type_call_fun(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    if (!mpf_obj_is_class(args[0])) {
        mpf_raise_fmt(&mpf_type_TypeError, "descriptor '__call__' requires a 'type' object but received a '%T'", args[0]);
    }
    return type_call(args[0], n_args - 1, n_kw, args + 1);
}
#endif // CONFIG_CLASS_ADVANCED

static void type_print(const mpf_print_t *p, mpf_obj_t self, mpf_print_kind_t kind) {
    (void)kind;
    print_qualname(p, "<class '", mpf_obj_ptr(self), "'>");
}

static mpf_obj_t type_binary_op(int op, mpf_obj_t lhs, mpf_obj_t rhs) {
    (void)lhs;
    (void)rhs;
    if (op == MPF_BINARY_OP_OR) {
        // int | str in annotations: keep it simple, a tuple works with isinstance
        mpf_obj_t a[2] = {lhs, rhs};
        return mpf_obj_new_tuple(2, a);
    }
    return MPF_OBJ_NULL;
}

static mpf_obj_t type_mro(mpf_obj_t self) {
    mpf_obj_t l = mpf_obj_new_list(0, NULL);
    const mpf_type_t *c;
    for (size_t i = 0; (c = mpf_type_mro_item(mpf_obj_ptr(self), i)) != NULL; i++) {
        mpf_list_append(l, mpf_obj_from_ptr(c));
    }
    return l;
}

#if CONFIG_CLASS_ADVANCED
// Oldest first (the list's order).
mpf_obj_t mpf_type_subclasses(mpf_obj_t self) {
    if (!mpf_obj_is_class(self)) {
        mpf_raise_fmt(&mpf_type_TypeError, "descriptor '__subclasses__' requires a 'type' object but received a '%T'", self);
    }
    mpf_obj_t l = mpf_obj_new_list(0, NULL);
    for (mpf_class_t *c = next_class(&all_classes); c != NULL; c = next_class(&c->link)) {
        if (has_base(c, mpf_obj_ptr(self))) {
            mpf_list_append(l, mpf_obj_from_ptr(c));
        }
    }
    return l;
}
#endif // CONFIG_CLASS_ADVANCED

#if CONFIG_CLASS_HOOKS
// type.__setattr__(cls, name, value) and type.__delattr__(cls, name)
static mpf_obj_t type_setattr(size_t n_args, const mpf_obj_t *args) {
    mpf_store_attr_class(args[0], mpf_builtin_attr_name(args[1]), n_args == 3 ? args[2] : MPF_OBJ_NULL);
    return MPF_OBJ_NONE;
}
#endif

static const mpf_rom_map_elem_t type_locals_table[] = {
#if CONFIG_CLASS_ADVANCED
    {MPF_ROM_QSTR(MPF_QSTR___new__), MPF_ROM_PTR(&type_new_obj)},
    MPF_ROM_FUN_KW(MPF_QSTR___init__, 1, type_init),
    MPF_ROM_FUN_KW(MPF_QSTR___call__, 1, type_call_fun),
#endif
    MPF_ROM_FUN_1(MPF_QSTR_mro, type_mro),
#if CONFIG_CLASS_HOOKS
    MPF_ROM_FUN_VAR(MPF_QSTR___setattr__, 3, 3, type_setattr),
    MPF_ROM_FUN_VAR(MPF_QSTR___delattr__, 2, 2, type_setattr),
#endif
};
MPF_ROM_MAP(type_locals, type_locals_table);

#if CONFIG_CLASS_ADVANCED
#define TYPE_EXT , (ext, &class_ext)
#else
#define TYPE_EXT
#endif
const mpf_type_t mpf_type_type = MPF_TYPE(MPF_QSTR_type, MPF_TYPE_FLAG_SUBCLASSABLE | MPF_TYPE_FLAG_METATYPE,
    (print, type_print),
    (make_new, type_make_new),
    (call, type_call),
    (binary_op, type_binary_op),
    (locals, &type_locals) TYPE_EXT);

// ---------------------------------------------------------------- object
static mpf_obj_t object_make_new(const mpf_type_t *type, size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)args;
    if (n_args > 0 || n_kw > 0) {
        mpf_raise_msg(&mpf_type_TypeError, "object() takes no arguments");
    }
    return mpf_obj_new_instance(type);
}

// object.__init__, also what super().__init__(...) finds for a class derived from a
// mutable builtin (list, dict, set, bytearray...): that base's __init__, which sets the
// native part from the arguments.
static mpf_obj_t object_init(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    mpf_obj_t self = args[0];
    const mpf_type_t *t = mpf_obj_type(self);
#if CONFIG_SLOT_WRAPPERS_TYPES
    // arguments are an error unless the class makes its instances in a __new__ of its own
    // and has no __init__ (object() itself, a class of plain objects: CPython's rule)
    // (a builtin type: object, or one with an __init__ of its own: list, dict...)
    bool heap = (t->flags & (MPF_TYPE_FLAG_HEAP | MPF_TYPE_FLAG_METATYPE)) == MPF_TYPE_FLAG_HEAP;
    if ((n_args > 1 || n_kw > 0) &&
        (!(t->flags & MPF_TYPE_FLAG_HEAP) ? t == &mpf_type_object || mpf_type_init_filled(t)
                                          : heap && mpf_type_native_base(t) == NULL && !mpf_obj_is_exception(self) &&
                                                (special(t, MPF_QSTR___init__) != MPF_OBJ_NULL || special(t, MPF_QSTR___new__) == MPF_OBJ_NULL))) {
        mpf_raise_msg(&mpf_type_TypeError, "object.__init__() takes exactly one argument (the instance to initialize)");
    }
#endif
    if ((t->flags & (MPF_TYPE_FLAG_HEAP | MPF_TYPE_FLAG_METATYPE)) == MPF_TYPE_FLAG_HEAP && !mpf_obj_is_exception(self) &&
        (n_args > 1 || n_kw > 0)) {
        const mpf_type_t *nb = mpf_type_native_base(t);
        mpf_instance_t *inst = mpf_obj_ptr(self);
        if (nb != NULL && mpf_type_get_make_new(nb) != NULL && !mpf_type_immutable_base(nb) && inst->subobj != MPF_OBJ_NULL) {
            inst->subobj = mpf_type_get_make_new(nb)(nb, n_args - 1, n_kw, args + 1);
        }
    }
    return MPF_OBJ_NONE;
}

#if CONFIG_SLOT_WRAPPERS_TYPES
// [owner].__new__(t, args...) (owner: object or a builtin type): t must be a subtype of
// owner whose first class along its MRO without a __new__ of its own written in Python
// is made as owner makes its instances (CPython's "is not safe" check); then a new t.
mpf_obj_t mpf_type_checked_new(const mpf_type_t *owner, size_t n_args, size_t n_kw, const mpf_obj_t *args) {
#if CONFIG_ERROR_MSG_LEVEL >= 2
    mpf_qstr_t on = mpf_type_name(owner);
#define NEW_ERROR(terse, ...) mpf_raise_fmt(&mpf_type_TypeError, __VA_ARGS__)
#else
#define NEW_ERROR(terse, ...) mpf_raise_msg(&mpf_type_TypeError, terse)
#endif
    if (n_args == 0) {
        NEW_ERROR("__new__(X): X missing", "%q.__new__(): not enough arguments", on);
    }
    if (!mpf_obj_is_class(args[0])) {
        NEW_ERROR("__new__(X): X is not a type", "%q.__new__(X): X is not a type object (%T)", on, args[0]);
    }
    const mpf_type_t *t = mpf_obj_ptr(args[0]);
    if (!mpf_type_is_subclass(t, owner)) {
        NEW_ERROR("__new__(X): X is not a subtype", "%q.__new__(%q): %q is not a subtype of %q", on, mpf_type_name(t), mpf_type_name(t), on);
    }
    // the static base: the first class along the MRO whose __new__ is not written in Python
    const mpf_type_t *safe = t;
    for (size_t i = 1; mpf_class_dict(safe) != NULL && mpf_map_get_qstr(mpf_class_dict(safe), MPF_QSTR___new__) != MPF_OBJ_NULL; i++) {
        safe = mpf_obj_ptr(((const mpf_tuple_t *)mpf_obj_ptr(mpf_class_mro(t)))->items[i]);
    }
    const mpf_type_t *sn = (safe->flags & MPF_TYPE_FLAG_HEAP) ? mpf_type_native_base(safe) : safe;
    if (sn == NULL) {
        sn = &mpf_type_object;
    }
    if ((t->flags & MPF_TYPE_FLAG_METATYPE) ||
        (sn != owner && mpf_type_get_make_new(sn) != mpf_type_get_make_new(owner))) {
        NEW_ERROR("__new__(X) is not safe", "%q.__new__(%q) is not safe, use %q.__new__()", on, mpf_type_name(t), mpf_type_name(safe));
    }
#undef NEW_ERROR
    const mpf_type_t *nb = (t->flags & MPF_TYPE_FLAG_HEAP) ? mpf_type_native_base(t) : t;
    if ((n_args > 1 || n_kw > 0) && owner == &mpf_type_object && (nb == NULL || nb == &mpf_type_object) &&
        !(t->flags & MPF_TYPE_FLAGS_EXC) && (special(t, MPF_QSTR___new__) != MPF_OBJ_NULL || special(t, MPF_QSTR___init__) == MPF_OBJ_NULL)) {
        // (arguments for a class whose __init__ takes them, not its __new__)
        mpf_raise_msg(&mpf_type_TypeError, "object.__new__() takes exactly one argument (the type to instantiate)");
    }
    if (nb != NULL && mpf_type_init_filled(nb)) {
        n_args = 1;  // list.__new__(L, x): an empty list, filled by __init__
        n_kw = 0;
    }
    if (!(t->flags & MPF_TYPE_FLAG_HEAP)) {
        return owner == &mpf_type_object ? mpf_obj_new_instance(t) : mpf_type_get_make_new(t)(t, n_args - 1, n_kw, args + 1);
    }
    mpf_obj_t o = mpf_obj_new_instance(t);
    if (nb != NULL && !(t->flags & MPF_TYPE_FLAGS_EXC) && mpf_type_get_make_new(nb) != NULL) {
        ((mpf_instance_t *)mpf_obj_ptr(o))->subobj = mpf_type_get_make_new(nb)(nb, n_args - 1, n_kw, args + 1);
    }
    return o;
}

static mpf_obj_t object_new(size_t n_args, const mpf_obj_t *args) {
    return mpf_type_checked_new(&mpf_type_object, n_args, 0, args);
}
#define OBJECT_NEW_MIN_ARGS 0
#else
// (without the slot wrappers of builtin types super().__new__(cls) in a class derived from
// one finds this: it makes the native part from the arguments)
static mpf_obj_t object_new(size_t n_args, const mpf_obj_t *args) {
    if (!mpf_obj_is_class(args[0])) {
        mpf_raise_msg(&mpf_type_TypeError, "object.__new__(X): X is not a type object");
    }
    const mpf_type_t *t = mpf_obj_ptr(args[0]);
#if !CONFIG_CLASS_ADVANCED
    if (t == &mpf_type_type) {
        mpf_raise_msg(&mpf_type_TypeError, "object.__new__(X): X is not a type object");
    }
#else
    if (t->flags & MPF_TYPE_FLAG_METATYPE) {
        // named: the first class along the MRO whose __new__ is not written in Python
        const mpf_type_t *safe = t;
        for (size_t i = 1; mpf_class_dict(safe) != NULL && mpf_map_get_qstr(mpf_class_dict(safe), MPF_QSTR___new__) != MPF_OBJ_NULL; i++) {
            safe = mpf_obj_ptr(((const mpf_tuple_t *)mpf_obj_ptr(mpf_class_mro(t)))->items[i]);
        }
        mpf_raise_fmt(&mpf_type_TypeError, "object.__new__(%q) is not safe, use %q.__new__()", mpf_type_name(t), mpf_type_name(safe));
    }
#endif
    if (!(t->flags & MPF_TYPE_FLAG_HEAP) && t != &mpf_type_object) {
        // (a builtin type's objects are not instances of a class)
        mpf_raise_fmt(&mpf_type_TypeError, "object.__new__(%q) is not safe, use %q.__new__()", mpf_type_name(t), mpf_type_name(t));
    }
    mpf_obj_t o = mpf_obj_new_instance(t);
    const mpf_type_t *nb = mpf_type_native_base(t);
    if (nb != NULL && !(t->flags & MPF_TYPE_FLAGS_EXC) && mpf_type_get_make_new(nb) != NULL) {
        ((mpf_instance_t *)mpf_obj_ptr(o))->subobj = mpf_type_get_make_new(nb)(nb, n_args - 1, 0, args + 1);
    }
    return o;
}
#define OBJECT_NEW_MIN_ARGS 1
#endif
MPF_FUN_VAR(object_new_fun_obj, MPF_QSTR___new__, OBJECT_NEW_MIN_ARGS, 255, object_new);
static const mpf_wrapper_t object_new_obj = {{&mpf_type_staticmethod}, MPF_ROM_PTR(&object_new_fun_obj)};

#if CONFIG_CLASS_HOOKS
// object.__setattr__(self, name, value) / __delattr__(self, name): the generic store
// (data descriptors, then the instance's members), whatever __setattr__ the object's
// class defines
static mpf_obj_t object_setattr(size_t n_args, const mpf_obj_t *args) {
    mpf_store_attr_generic(args[0], mpf_builtin_attr_name(args[1]), n_args == 3 ? args[2] : MPF_OBJ_NULL);
    return MPF_OBJ_NONE;
}

static mpf_obj_t object_getattribute(mpf_obj_t self, mpf_obj_t name) {
    return mpf_load_attr_generic(self, mpf_builtin_attr_name(name));
}

#endif

static mpf_obj_t object_repr(mpf_obj_t self) {
    return mpf_obj_print_to_str(mpf_type_print_default, self, MPF_PRINT_REPR);
}

static mpf_obj_t object_str(mpf_obj_t self) {
    return mpf_obj_repr(self);
}

static mpf_obj_t object_eq(mpf_obj_t self, mpf_obj_t other) {
    return self == other ? MPF_OBJ_TRUE : MPF_OBJ_NOTIMPL;
}

static mpf_obj_t object_hash(mpf_obj_t self) {
    return mpf_obj_new_small_int((mpf_int_t)(self >> 3));
}

#if CONFIG_CLASS_HOOKS
static mpf_obj_t object_init_subclass(mpf_obj_t cls) {
    (void)cls;
    return MPF_OBJ_NONE;
}
MPF_FUN_1(object_init_subclass_fun_obj, MPF_QSTR___init_subclass__, object_init_subclass);
static const mpf_wrapper_t object_init_subclass_obj = {{&mpf_type_classmethod}, MPF_ROM_PTR(&object_init_subclass_fun_obj)};
#endif

#if CONFIG_SLOT_WRAPPERS_TYPES
// object.__ne__: the inverse of the receiver's __eq__ (NotImplemented kept)
static mpf_obj_t object_ne(mpf_obj_t self, mpf_obj_t other) {
    mpf_obj_t m[3];
    mpf_load_method(self, MPF_QSTR___eq__, m);
    m[2] = other;
    mpf_obj_t r = mpf_call_method_n(1, 0, m);
    return r == MPF_OBJ_NOTIMPL ? r : mpf_obj_bool(!mpf_obj_is_true(r));
}

// object.__lt__, __le__, __gt__, __ge__ (and __subclasshook__, whatever its arguments)
static mpf_obj_t object_notimpl(size_t n_args, const mpf_obj_t *args) {
    (void)n_args;
    (void)args;
    return MPF_OBJ_NOTIMPL;
}
MPF_FUN_VAR(object_subclasshook_fun_obj, MPF_QSTR___subclasshook__, 0, 255, object_notimpl);
static const mpf_wrapper_t object_subclasshook_obj = {{&mpf_type_classmethod}, MPF_ROM_PTR(&object_subclasshook_fun_obj)};

// object.__format__(spec): str(self) for an empty spec
static mpf_obj_t object_format(mpf_obj_t self, mpf_obj_t spec) {
    if (!MPF_IS_STR(spec)) {
        mpf_raise_fmt(&mpf_type_TypeError, "__format__() argument must be str, not %T", spec);
    }
    size_t len;
    mpf_obj_str_data(spec, &len);
    if (len != 0) {
        mpf_raise_fmt(&mpf_type_TypeError, "unsupported format string passed to %T.__format__", self);
    }
    return mpf_obj_str(self);
}
#endif

static const mpf_rom_map_elem_t object_locals_table[] = {
    MPF_ROM_FUN_KW(MPF_QSTR___init__, 1, object_init),
    {MPF_ROM_QSTR(MPF_QSTR___new__), MPF_ROM_PTR(&object_new_obj)},
#if CONFIG_CLASS_HOOKS
    MPF_ROM_FUN_VAR(MPF_QSTR___setattr__, 3, 3, object_setattr),
    MPF_ROM_FUN_VAR(MPF_QSTR___delattr__, 2, 2, object_setattr),
    MPF_ROM_FUN_2(MPF_QSTR___getattribute__, object_getattribute),
#endif
    MPF_ROM_FUN_1(MPF_QSTR___repr__, object_repr),
    MPF_ROM_FUN_1(MPF_QSTR___str__, object_str),
    MPF_ROM_FUN_2(MPF_QSTR___eq__, object_eq),
    MPF_ROM_FUN_1(MPF_QSTR___hash__, object_hash),
#if CONFIG_SLOT_WRAPPERS_TYPES
    MPF_ROM_FUN_2(MPF_QSTR___ne__, object_ne),
    MPF_ROM_FUN_VAR(MPF_QSTR___lt__, 2, 2, object_notimpl),
    MPF_ROM_FUN_VAR(MPF_QSTR___le__, 2, 2, object_notimpl),
    MPF_ROM_FUN_VAR(MPF_QSTR___gt__, 2, 2, object_notimpl),
    MPF_ROM_FUN_VAR(MPF_QSTR___ge__, 2, 2, object_notimpl),
    MPF_ROM_FUN_2(MPF_QSTR___format__, object_format),
    {MPF_ROM_QSTR(MPF_QSTR___subclasshook__), MPF_ROM_PTR(&object_subclasshook_obj)},
#endif
#if CONFIG_CLASS_HOOKS
    {MPF_ROM_QSTR(MPF_QSTR___init_subclass__), MPF_ROM_PTR(&object_init_subclass_obj)},
#endif
};
MPF_ROM_MAP(object_locals, object_locals_table);

const mpf_type_t mpf_type_object = MPF_TYPE(MPF_QSTR_object, MPF_TYPE_FLAG_SUBCLASSABLE,
    (print, mpf_type_print_default),
    (make_new, object_make_new),
    (locals, &object_locals));

// ---------------------------------------------------------------- super
typedef struct super_obj {
    mpf_obj_base_t base;
    mpf_obj_t cls, self;
} super_obj_t;

static mpf_obj_t super_make_new(const mpf_type_t *type, size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)type;
    mpf_arg_check_num(n_args, n_kw, 2, 2, false);
    if (!mpf_obj_is_class(args[0])) {
        mpf_raise_fmt(&mpf_type_TypeError, "super() argument 1 must be a type, not %T", args[0]);
    }
    const mpf_type_t *ot = mpf_obj_is_class(args[1]) ? mpf_obj_ptr(args[1]) : mpf_obj_type(args[1]);
    if (!mpf_type_is_subclass(ot, mpf_obj_ptr(args[0]))) {
        mpf_raise_msg(&mpf_type_TypeError, "super(type, obj): obj must be an instance or subtype of type");
    }
    super_obj_t *s = mpf_new(super_obj_t);
    s->base.type = &mpf_type_super;
    s->cls = args[0];
    s->self = args[1];
    return mpf_obj_from_ptr(s);
}

static void super_attr(mpf_obj_t self, mpf_qstr_t attr, mpf_obj_t *dest) {
    if (dest[0] != MPF_OBJ_NULL) {
        return;
    }
    const super_obj_t *s = mpf_obj_ptr(self);
    mpf_obj_t d[2] = {s->cls, s->self};
    mpf_load_super_method(attr, d);
    dest[0] = d[0];
    dest[1] = d[1];
}

static void super_print(const mpf_print_t *p, mpf_obj_t self, mpf_print_kind_t kind) {
    (void)kind;
    const super_obj_t *s = mpf_obj_ptr(self);
#if CONFIG_ERROR_MSG_LEVEL < 2
    mpf_printf(p, "<super: %R, %R>", s->cls, s->self);
#else
    // CPython's form: the names of the class and of the receiver's type, no addresses.
    const mpf_type_t *cls = mpf_obj_ptr(s->cls);
    mpf_printf(p, "<super: <class '%q'>, ", mpf_type_name(cls));
    const mpf_type_t *ot = mpf_obj_is_type(s->self, &mpf_type_type) ? mpf_obj_ptr(s->self) : mpf_obj_type(s->self);
    mpf_printf(p, "<%q object>>", mpf_type_name(ot));
#endif
}

const mpf_type_t mpf_type_super = MPF_TYPE(MPF_QSTR_super, 0,
    (print, super_print),
    (make_new, super_make_new),
    (attr, super_attr));

// ---------------------------------------------------------------- classmethod / staticmethod
static mpf_obj_t wrapper_make_new(const mpf_type_t *type, size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    mpf_arg_check_new(mpf_type_name(type), n_args, n_kw, 1, 1, false);
    mpf_wrapper_t *w = mpf_new(mpf_wrapper_t);
    w->base.type = type;
    w->fun = args[0];
    return mpf_obj_from_ptr(w);
}

static void wrapper_attr(mpf_obj_t self, mpf_qstr_t attr, mpf_obj_t *dest) {
    if (dest[0] == MPF_OBJ_NULL && attr == MPF_QSTR___func__) {
        dest[0] = ((const mpf_wrapper_t *)mpf_obj_ptr(self))->fun;
    }
}

static mpf_obj_t staticmethod_call(mpf_obj_t self, size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    return mpf_call(((const mpf_wrapper_t *)mpf_obj_ptr(self))->fun, n_args, n_kw, args);
}

const mpf_type_t mpf_type_classmethod = MPF_TYPE(MPF_QSTR_classmethod, 0,
    (make_new, wrapper_make_new),
    (attr, wrapper_attr));

const mpf_type_t mpf_type_staticmethod = MPF_TYPE(MPF_QSTR_staticmethod, 0,
    (make_new, wrapper_make_new),
    (call, staticmethod_call),
    (attr, wrapper_attr));
