// obj_dict.c -- dict (insertion ordered) and its keys/values/items views.
#include "mpf_int.h"

mpf_obj_t mpf_obj_new_dict(size_t n) {
    mpf_dict_t *d = mpf_new(mpf_dict_t);
    d->base.type = &mpf_type_dict;
    mpf_map_init(&d->map, n);
    return mpf_obj_from_ptr(d);
}

mpf_map_t *mpf_dict_map(mpf_obj_t d) {
    if (!mpf_obj_is_type(d, &mpf_type_dict)) {
        const mpf_type_t *t = mpf_obj_type(d);
        if ((t->flags & (MPF_TYPE_FLAG_HEAP | MPF_TYPE_FLAG_METATYPE)) == MPF_TYPE_FLAG_HEAP &&
            ((const mpf_instance_t *)mpf_obj_ptr(d))->subobj != MPF_OBJ_NULL) {
            return mpf_dict_map(((const mpf_instance_t *)mpf_obj_ptr(d))->subobj);
        }
    }
    return &((mpf_dict_t *)mpf_obj_ptr(d))->map;
}

mpf_obj_t mpf_dict_get(mpf_obj_t d, mpf_obj_t key) {
    mpf_map_elem_t *e = mpf_map_lookup(mpf_dict_map(d), key, MPF_MAP_LOOKUP);
    return e ? e->value : MPF_OBJ_NULL;
}

void mpf_dict_store(mpf_obj_t d, mpf_obj_t key, mpf_obj_t value) {
    mpf_map_lookup(mpf_dict_map(d), key, MPF_MAP_LOOKUP_ADD)->value = value;
}

static void dict_print(const mpf_print_t *p, mpf_obj_t self, mpf_print_kind_t kind) {
    (void)kind;
    mpf_seq_print(p, mpf_dict_map(self), MPF_SEQ_PRINT_DICT);
}

// Store every item of map [m] into dict [d].
static void dict_store_all(mpf_obj_t d, const mpf_map_t *m) {
    for (size_t i = 0; i < m->used; i++) {
        if (m->elems[i].key != MPF_OBJ_NULL) {
            mpf_dict_store(d, m->elems[i].key, m->elems[i].value);
        }
    }
}

static void dict_update_from(mpf_obj_t self, mpf_obj_t other) {
    if (mpf_obj_is_type(other, &mpf_type_dict)) {
        dict_store_all(self, mpf_dict_map(other));
        return;
    }
    mpf_obj_t dest[2];
    mpf_load_method_maybe(other, MPF_QSTR_keys, dest);
    if (dest[0] != MPF_OBJ_NULL) {
        mpf_obj_t it = mpf_getiter(mpf_call_method_n(0, 0, dest));
        mpf_obj_t k;
        while ((k = mpf_iternext(it)) != MPF_OBJ_STOP) {
            mpf_dict_store(self, k, mpf_subscr(other, k, MPF_OBJ_SENTINEL));
        }
        return;
    }
    mpf_obj_t it = mpf_getiter(other);
    mpf_obj_t pair;
    while ((pair = mpf_iternext(it)) != MPF_OBJ_STOP) {
        mpf_obj_t kv = mpf_tuple_from_iter(pair);
        const mpf_tuple_t *t = mpf_obj_ptr(kv);
        if (t->len != 2) {
            mpf_raise_fmt(&mpf_type_ValueError, "dictionary update sequence element has length %u; 2 is required", (unsigned)t->len);
        }
        mpf_dict_store(self, t->items[0], t->items[1]);
    }
}

// dict(...) and d.update(...): the items of at most one positional argument, then the
// keyword arguments, into [d].
static void dict_update_args(mpf_qstr_t name, mpf_obj_t d, size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    mpf_arg_check_new(name, n_args, n_kw, 0, 1, true);
    if (n_args == 1) {
        dict_update_from(d, args[0]);
    }
    for (size_t i = 0; i < n_kw; i++) {
        mpf_dict_store(d, args[n_args + 2 * i], args[n_args + 2 * i + 1]);
    }
}

static mpf_obj_t dict_make_new(const mpf_type_t *type, size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)type;
    mpf_obj_t d = mpf_obj_new_dict(n_kw);
    dict_update_args(MPF_QSTR_dict, d, n_args, n_kw, args);
    return d;
}

static mpf_obj_t dict_unary_op(int op, mpf_obj_t self) {
    return mpf_seq_unary_op(op, mpf_dict_map(self)->count);
}

static mpf_obj_t dict_copy(mpf_obj_t self);

static mpf_obj_t dict_binary_op(int op, mpf_obj_t lhs, mpf_obj_t rhs) {
    mpf_map_t *m = mpf_dict_map(lhs);
    switch (op) {
        case MPF_BINARY_OP_IN:
            return mpf_obj_bool(mpf_map_lookup(m, rhs, MPF_MAP_LOOKUP) != NULL);
        case MPF_BINARY_OP_EQUAL:
        case MPF_BINARY_OP_NOT_EQUAL: {
            if (!mpf_obj_is_type(rhs, &mpf_type_dict)) {
                return MPF_OBJ_NULL;
            }
            mpf_map_t *o = mpf_dict_map(rhs);
            bool eq = m->count == o->count;
            for (size_t i = 0; eq && i < m->used; i++) {
                if (m->elems[i].key == MPF_OBJ_NULL) {
                    continue;
                }
                mpf_map_elem_t *e = mpf_map_lookup(o, m->elems[i].key, MPF_MAP_LOOKUP);
                eq = e != NULL && mpf_obj_equal(e->value, m->elems[i].value);
            }
            return mpf_obj_bool(eq == (op == MPF_BINARY_OP_EQUAL));
        }
        case MPF_BINARY_OP_OR:
        case MPF_BINARY_OP_INPLACE_OR: {
            // d |= x takes whatever d.update(x) takes; d | x only a dict
            if (op == MPF_BINARY_OP_OR && !mpf_obj_is_type(rhs, &mpf_type_dict)) {
                return MPF_OBJ_NULL;
            }
            mpf_obj_t d = op == MPF_BINARY_OP_OR ? dict_copy(lhs) : lhs;
            dict_update_from(d, rhs);
            return d;
        }
        default:
            return MPF_OBJ_NULL;
    }
}

static mpf_obj_t dict_subscr(mpf_obj_t self, mpf_obj_t index, mpf_obj_t value) {
    mpf_map_t *m = mpf_dict_map(self);
    if (value == MPF_OBJ_SENTINEL) {
        mpf_map_elem_t *e = mpf_map_lookup(m, index, MPF_MAP_LOOKUP);
        if (e == NULL) {
            const mpf_type_t *t = mpf_obj_type(self);
            if (t->flags & MPF_TYPE_FLAG_HEAP) {
                mpf_obj_t missing = mpf_type_lookup(t, MPF_QSTR___missing__);
                if (missing != MPF_OBJ_NULL) {
                    return mpf_call2(missing, self, index);
                }
            }
            mpf_raise_key_error(index);
        }
        return e->value;
    }
    if (value == MPF_OBJ_NULL) {
        if (mpf_map_lookup(m, index, MPF_MAP_REMOVE) == NULL) {
            mpf_raise_key_error(index);
        }
        return MPF_OBJ_NONE;
    }
    mpf_map_lookup(m, index, MPF_MAP_LOOKUP_ADD)->value = value;
    return MPF_OBJ_NONE;
}

// Iterator over a map: kind 0 keys, 1 values, 2 items.
typedef struct dict_iter {
    mpf_obj_base_t base;
    mpf_obj_t dict;
    size_t i;
    uintptr_t kind;
    size_t count;   // size when iteration started
} dict_iter_t;

static mpf_obj_t dict_iter_next(mpf_obj_t self) {
    dict_iter_t *it = mpf_obj_ptr(self);
    mpf_map_t *m = mpf_dict_map(it->dict);
    if (m->count != it->count) {
        it->count = m->count;
        mpf_raise_msg(&mpf_type_RuntimeError, "dictionary changed size during iteration");
    }
    while (it->i < m->used) {
        mpf_map_elem_t *e = &m->elems[it->i++];
        if (e->key == MPF_OBJ_NULL) {
            continue;
        }
        if (it->kind == 0) {
            return e->key;
        } else if (it->kind == 1) {
            return e->value;
        }
        mpf_obj_t kv[2] = {e->key, e->value};
        return mpf_obj_new_tuple(2, kv);
    }
    return MPF_OBJ_STOP;
}

static const mpf_type_t dict_iter_type = MPF_TYPE(MPF_QSTR_dict_keyiterator, 0,
    (getiter, mpf_iter_self),
    (iternext, dict_iter_next));
#if CONFIG_ITER_TYPE_NAMES
// (by kind: keys, values, items)
static const mpf_type_t dict_value_iter_type = MPF_TYPE(MPF_QSTR_dict_valueiterator, 0,
    (getiter, mpf_iter_self),
    (iternext, dict_iter_next));
static const mpf_type_t dict_item_iter_type = MPF_TYPE(MPF_QSTR_dict_itemiterator, 0,
    (getiter, mpf_iter_self),
    (iternext, dict_iter_next));
static const mpf_type_t *const dict_iter_types[3] = {&dict_iter_type, &dict_value_iter_type, &dict_item_iter_type};
#endif

// An iterator (of [type] dict_iter_type) or a view (mpf_type_dict_view) of [d].
static mpf_obj_t dict_iter_make(const mpf_type_t *type, mpf_obj_t d, uintptr_t kind) {
    dict_iter_t *it = mpf_new(dict_iter_t);
    it->base.type = type;
    it->dict = d;
    it->kind = kind;
    it->count = mpf_dict_map(d)->count;
    return mpf_obj_from_ptr(it);
}

static mpf_obj_t dict_iter_new(mpf_obj_t d, uintptr_t kind) {
#if CONFIG_ITER_TYPE_NAMES
    return dict_iter_make(dict_iter_types[kind], d, kind);
#else
    return dict_iter_make(&dict_iter_type, d, kind);
#endif
}

static mpf_obj_t dict_getiter(mpf_obj_t self) {
    return dict_iter_new(self, 0);
}

// Views: same struct as the iterator, never advanced. Their names are dict_ and the
// method's (strings the pool has).
static const uint16_t view_names[] = {MPF_QSTR_keys, MPF_QSTR_values, MPF_QSTR_items};

static void view_print(const mpf_print_t *p, mpf_obj_t self, mpf_print_kind_t kind) {
    (void)kind;
    const dict_iter_t *v = mpf_obj_ptr(self);
    // its items as a list prints them: dict_keys([1, 2])
    mpf_printf(p, "dict_%q(%R)", (mpf_qstr_t)view_names[v->kind], mpf_list_from_iter(self));
}

static mpf_obj_t view_getiter(mpf_obj_t self) {
    const dict_iter_t *v = mpf_obj_ptr(self);
    return dict_iter_new(v->dict, v->kind);
}

static mpf_obj_t view_unary_op(int op, mpf_obj_t self) {
    const dict_iter_t *v = mpf_obj_ptr(self);
#if CONFIG_BUILTIN_SET
    if (op == MPF_UNARY_OP_HASH && v->kind != 1) {
        // keys and items views are set-like (they compare by content), so unhashable
        mpf_raise_fmt(&mpf_type_TypeError, "unhashable type: 'dict_%q'", (mpf_qstr_t)view_names[v->kind]);
    }
#endif
    return dict_unary_op(op, v->dict);  // len(), truth
}

static mpf_obj_t view_binary_op(int op, mpf_obj_t lhs, mpf_obj_t rhs) {
    const dict_iter_t *v = mpf_obj_ptr(lhs);
    if (op == MPF_BINARY_OP_IN && v->kind == 0) {
        return dict_binary_op(op, v->dict, rhs);
    }
#if CONFIG_BUILTIN_SET
    if (v->kind != 1 && (op == MPF_BINARY_OP_AND || op == MPF_BINARY_OP_OR || op == MPF_BINARY_OP_SUBTRACT ||
                         op == MPF_BINARY_OP_XOR || op == MPF_BINARY_OP_EQUAL)) {
        mpf_obj_t s = mpf_call1(mpf_obj_from_ptr(&mpf_type_set), lhs);
        if (op == MPF_BINARY_OP_EQUAL && mpf_obj_is_type(rhs, &mpf_type_dict_view)) {
            rhs = mpf_call1(mpf_obj_from_ptr(&mpf_type_set), rhs);
        }
        return mpf_binary_op(op, s, rhs);
    }
#endif
    return MPF_OBJ_NULL;
}

const mpf_type_t mpf_type_dict_view = MPF_TYPE(MPF_QSTR_dict_view, 0,
    (print, view_print),
    (unary_op, view_unary_op),
    (binary_op, view_binary_op),
    (getiter, view_getiter));

static mpf_obj_t view_new(mpf_obj_t d, uintptr_t kind) {
    return dict_iter_make(&mpf_type_dict_view, d, kind);
}

// keys(), values(), items(): the view of that kind
static mpf_obj_t dict_view_m(size_t n_args, const mpf_obj_t *args, unsigned kind) {
    (void)n_args;
    return view_new(args[0], kind);
}

// get(key[, default]), pop(key[, default]) and setdefault(key[, default]): the map
// operation each is (the mode), the default None but for pop (KeyError).
static mpf_obj_t dict_get_m(size_t n_args, const mpf_obj_t *args, unsigned op) {
    mpf_map_elem_t *e = mpf_map_lookup(mpf_dict_map(args[0]), args[1], (mpf_map_op_t)op);
    mpf_obj_t dflt = n_args > 2 ? args[2] : MPF_OBJ_NONE;
    if (e == NULL) {
        if (op == MPF_MAP_REMOVE && n_args < 3) {
            mpf_raise_key_error(args[1]);
        }
        return dflt;
    }
    if (e->value == MPF_OBJ_NULL) {
        e->value = dflt;  // setdefault of a new key
    }
    return e->value;
}

#if CONFIG_VM_FAST_PATHS
// dict.get on its own, without the family's dispatch (hot in dict-heavy code).
static mpf_obj_t dict_get(size_t n_args, const mpf_obj_t *args) {
    const mpf_map_elem_t *e = mpf_map_lookup(mpf_dict_map(args[0]), args[1], MPF_MAP_LOOKUP);
    return e != NULL ? e->value : n_args > 2 ? args[2] : MPF_OBJ_NONE;
}
#define DICT_GET MPF_ROM_FUN_VAR(MPF_QSTR_get, 2, 3, dict_get)
#else
#define DICT_GET MPF_ROM_FUN_MODE(MPF_QSTR_get, 2, 3, dict_get_m, MPF_MAP_LOOKUP)
#endif

static mpf_obj_t dict_popitem(mpf_obj_t self) {
    mpf_map_t *m = mpf_dict_map(self);
    for (size_t i = m->used; i-- > 0;) {
        if (m->elems[i].key != MPF_OBJ_NULL) {
            mpf_obj_t kv[2] = {m->elems[i].key, m->elems[i].value};
            mpf_map_lookup(m, kv[0], MPF_MAP_REMOVE);
            m->used = i;
            return mpf_obj_new_tuple(2, kv);
        }
    }
    mpf_raise_msg(&mpf_type_KeyError, "popitem(): dictionary is empty");
}


static mpf_obj_t dict_update(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    dict_update_args(MPF_QSTR_update, args[0], n_args - 1, n_kw, args + 1);
    return MPF_OBJ_NONE;
}

static mpf_obj_t dict_clear(mpf_obj_t self) {
    mpf_map_clear(mpf_dict_map(self));
    return MPF_OBJ_NONE;
}

static mpf_obj_t dict_copy(mpf_obj_t self) {
    mpf_map_t *m = mpf_dict_map(self);
    mpf_obj_t d = mpf_obj_new_dict(m->count);
    dict_store_all(d, m);
    return d;
}

#if CONFIG_BUILTIN_EXTRAS
static mpf_obj_t dict_fromkeys(size_t n_args, const mpf_obj_t *args) {
    mpf_obj_t d = mpf_obj_new_dict(0);
    mpf_obj_t v = n_args > 2 ? args[2] : MPF_OBJ_NONE;
    mpf_obj_t it = mpf_getiter(args[1]);
    mpf_obj_t k;
    while ((k = mpf_iternext(it)) != MPF_OBJ_STOP) {
        mpf_dict_store(d, k, v);
    }
    return d;
}
MPF_FUN_VAR(dict_fromkeys_fun_obj, MPF_QSTR_fromkeys, 2, 3, dict_fromkeys);
static const mpf_wrapper_t dict_fromkeys_obj = {{&mpf_type_classmethod}, MPF_ROM_PTR(&dict_fromkeys_fun_obj)};
#endif

static mpf_obj_t dict_getitem(mpf_obj_t self, mpf_obj_t k) {
    return dict_subscr(self, k, MPF_OBJ_SENTINEL);
}
static mpf_obj_t dict_setitem(mpf_obj_t self, mpf_obj_t k, mpf_obj_t v) {
    return dict_subscr(self, k, v);
}

static const mpf_rom_map_elem_t dict_locals_table[] = {
    MPF_ROM_FUN_MODE(MPF_QSTR_keys, 1, 1, dict_view_m, 0),
    MPF_ROM_FUN_MODE(MPF_QSTR_values, 1, 1, dict_view_m, 1),
    MPF_ROM_FUN_MODE(MPF_QSTR_items, 1, 1, dict_view_m, 2),
    DICT_GET,
    MPF_ROM_FUN_MODE(MPF_QSTR_pop, 2, 3, dict_get_m, MPF_MAP_REMOVE),
    MPF_ROM_FUN_1(MPF_QSTR_popitem, dict_popitem),
    MPF_ROM_FUN_MODE(MPF_QSTR_setdefault, 2, 3, dict_get_m, MPF_MAP_LOOKUP_ADD),
    MPF_ROM_FUN_KW(MPF_QSTR_update, 1, dict_update),
    MPF_ROM_FUN_1(MPF_QSTR_clear, dict_clear),
    MPF_ROM_FUN_1(MPF_QSTR_copy, dict_copy),
#if CONFIG_BUILTIN_EXTRAS
    {MPF_ROM_QSTR(MPF_QSTR_fromkeys), MPF_ROM_PTR(&dict_fromkeys_obj)},
#endif
    MPF_ROM_FUN_2(MPF_QSTR___getitem__, dict_getitem),
    MPF_ROM_FUN_3(MPF_QSTR___setitem__, dict_setitem),
};
MPF_ROM_MAP(dict_locals, dict_locals_table);

const mpf_type_t mpf_type_dict = MPF_TYPE(MPF_QSTR_dict, MPF_TYPE_FLAG_SUBCLASSABLE | MPF_TYPE_FLAG_UNHASHABLE,
    (print, dict_print),
    (make_new, dict_make_new),
    (unary_op, dict_unary_op),
    (binary_op, dict_binary_op),
    (subscr, dict_subscr),
    (getiter, dict_getiter),
    (locals, &dict_locals));
