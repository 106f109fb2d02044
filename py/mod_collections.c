// mod_collections.c -- the collections module: deque, OrderedDict and namedtuple().
//
// deque     a native type: a ring buffer in the GC heap, optional maxlen.
// OrderedDict  a native type laid out exactly like dict (an mpf_dict_t) whose parent
//           is dict: dict's methods and slots work on it unchanged (they reach the map
//           through mpf_dict_map), and it adds move_to_end, popitem(last), an
//           order-sensitive == between OrderedDicts, and MicroPython's repr.
// namedtuple(typename, field_names) makes a class, as CPython does: a subclass of
//           tuple whose __new__ builds the tuple from positional and keyword
//           arguments, whose __getattr__ maps field names to items, plus _fields,
//           _field_defaults, _make, _asdict and _replace. (Builtin functions in a
//           class dict are not bound to the instance, so _asdict and _replace are
//           handed out by __getattr__ as bound methods.)
#include "mpf_int.h"

// Build a str object by printing into a vstr: the helpers below use this for reprs.
static mpf_print_t vstr_printer(mpf_vstr_t *vs) {
    mpf_print_t p;
    mpf_vstr_init(vs, 32);
    mpf_vstr_print(vs, &p);
    return p;
}

// ================================================================ deque
typedef struct deque {
    mpf_obj_base_t base;
    size_t head;       // index of the first item in items
    size_t len;        // items held
    size_t alloc;      // capacity of items
    mpf_int_t maxlen;  // -1: unbounded
    bool full_error;   // MicroPython's flags argument 1: adding to a full deque raises IndexError
    mpf_obj_t *items;
} deque_t;

extern const mpf_type_t mpf_type_deque;

static mpf_obj_t *deque_at(deque_t *d, size_t i) {
    return &d->items[(d->head + i) % d->alloc];
}

// Make room for at least [n] items, unrolling the ring to start at index 0.
static void deque_reserve(deque_t *d, size_t n) {
    if (n <= d->alloc) {
        return;
    }
    size_t na = d->alloc ? d->alloc * 2 : 8;
    while (na < n) {
        na *= 2;
    }
    mpf_obj_t *items = mpf_gc_alloc(na * sizeof(mpf_obj_t), false);
    for (size_t i = 0; i < d->len; i++) {
        items[i] = *deque_at(d, i);
    }
    d->items = items;
    d->alloc = na;
    d->head = 0;
}

// A full deque drops the item at the other end, or refuses the new one (flags 1).
static bool deque_full(deque_t *d) {
    if (d->maxlen < 0 || d->len < (size_t)d->maxlen) {
        return false;
    }
    if (d->full_error) {
        mpf_raise_msg(&mpf_type_IndexError, "full");
    }
    return true;
}

static void deque_append_right(deque_t *d, mpf_obj_t v) {
    if (deque_full(d)) {
        if (d->maxlen == 0) {
            return;
        }
        // full: drop the leftmost item
        *deque_at(d, 0) = MPF_OBJ_NULL;
        d->head = (d->head + 1) % d->alloc;
        d->len--;
    }
    deque_reserve(d, d->len + 1);
    *deque_at(d, d->len) = v;
    d->len++;
}

static void deque_append_left(deque_t *d, mpf_obj_t v) {
    if (deque_full(d)) {
        if (d->maxlen == 0) {
            return;
        }
        *deque_at(d, d->len - 1) = MPF_OBJ_NULL;
        d->len--;
    }
    deque_reserve(d, d->len + 1);
    d->head = (d->head + d->alloc - 1) % d->alloc;
    d->items[d->head] = v;
    d->len++;
}

static deque_t *deque_new(mpf_int_t maxlen) {
    deque_t *d = mpf_new(deque_t);
    d->base.type = &mpf_type_deque;
    d->maxlen = maxlen;
    return d;
}

static void deque_extend_from(deque_t *d, mpf_obj_t iterable, bool left) {
    if (mpf_obj_from_ptr(d) == iterable) {
        iterable = mpf_list_from_iter(iterable);
    }
    mpf_obj_t it = mpf_getiter(iterable), v;
    while ((v = mpf_iternext(it)) != MPF_OBJ_STOP) {
        if (left) {
            deque_append_left(d, v);
        } else {
            deque_append_right(d, v);
        }
    }
}

// deque(iterable=(), maxlen=None[, flags]): flags is MicroPython's (1: overflow raises)
static mpf_obj_t deque_make_new(const mpf_type_t *type, size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)type;
    static const mpf_qstr_t kws[] = {MPF_QSTR_iterable, MPF_QSTR_maxlen, MPF_QSTRID_NULL};
    mpf_obj_t a[3];
    mpf_arg_parse(n_args, n_kw, args, MPF_ARG_FUN(MPF_QSTR_deque, 0), 3, n_args > 2 ? 3 : 2, kws, a);  // (flags: MicroPython's, positional)
    mpf_obj_t iterable = a[0], maxlen = a[1];
    mpf_int_t ml = -1;
    if (maxlen != MPF_OBJ_NULL && maxlen != MPF_OBJ_NONE) {
        ml = mpf_obj_get_int(maxlen);
        if (ml < 0) {
            mpf_raise_msg(&mpf_type_ValueError, "maxlen must be non-negative");
        }
    }
    deque_t *d = deque_new(ml);
    if (iterable != MPF_OBJ_NULL) {
        deque_extend_from(d, iterable, false);
    }
    // flags after the items, so an iterable longer than maxlen keeps its last items
    d->full_error = n_args > 2 && (mpf_obj_get_int(args[2]) & 1);
    return mpf_obj_from_ptr(d);
}


static void deque_print(const mpf_print_t *p, mpf_obj_t self, mpf_print_kind_t kind) {
    (void)kind;
    deque_t *d = mpf_obj_ptr(self);
    mpf_print_str(p, "deque([");
    for (size_t i = 0; i < d->len; i++) {
        if (i > 0) {
            mpf_print_str(p, ", ");
        }
        mpf_obj_print(p, *deque_at(d, i), MPF_PRINT_REPR);
    }
    mpf_print_str(p, "]");
    if (d->maxlen >= 0) {
        mpf_printf(p, ", maxlen=%d", (int)d->maxlen);
    }
    mpf_print_str(p, ")");
}

static mpf_obj_t deque_unary_op(int op, mpf_obj_t self) {
    deque_t *d = mpf_obj_ptr(self);
    switch (op) {
        case MPF_UNARY_OP_BOOL:
            return mpf_obj_bool(d->len != 0);
        case MPF_UNARY_OP_LEN:
            return mpf_obj_new_small_int((mpf_int_t)d->len);
        default:
            return MPF_OBJ_NULL;
    }
}

// Whether item [i] of [d] equals [v]; [exc] (as CPython's: RuntimeError, IndexError for
// remove) if __eq__ changed the deque's size: the callers' loops would go on over moved items.
static bool deque_equal_at(deque_t *d, size_t i, mpf_obj_t v, const mpf_type_t *exc) {
    mpf_obj_t x = *deque_at(d, i);
    if (x == v) {
        return true;
    }
    size_t len = d->len;
    bool eq = mpf_obj_equal(x, v);
    if (d->len != len) {
        mpf_raise_msg(exc, "deque mutated during iteration");
    }
    return eq;
}

static mpf_obj_t deque_copy(mpf_obj_t self);
static mpf_obj_t deque_clear(mpf_obj_t self);

// d * n, d *= n: [d] (in place: [lhs]'s own) repeated [n] times; past maxlen only the
// last items stay, so no more copies than fill it are made.
static mpf_obj_t deque_repeat(mpf_obj_t lhs, mpf_int_t n, bool in_place) {
    deque_t *src = mpf_obj_ptr(in_place ? deque_copy(lhs) : lhs);  // (a copy: d *= n appends to itself)
    mpf_obj_t res = in_place ? lhs : deque_copy(lhs);
    deque_t *d = mpf_obj_ptr(res);
    if (n <= 0 || src->len == 0) {
        deque_clear(res);
        return res;
    }
    if (d->maxlen >= 0 && n > d->maxlen / (mpf_int_t)src->len + 2) {
        n = d->maxlen / (mpf_int_t)src->len + 2;
    }
    for (mpf_int_t k = 1; k < n; k++) {
        for (size_t i = 0; i < src->len; i++) {
            deque_append_right(d, *deque_at(src, i));
        }
    }
    return res;
}

static mpf_obj_t deque_binary_op(int op, mpf_obj_t lhs, mpf_obj_t rhs) {
    deque_t *a = mpf_obj_ptr(lhs);
    if (op == MPF_BINARY_OP_ADD && mpf_obj_is_type(rhs, &mpf_type_deque)) {
        mpf_obj_t c = deque_copy(lhs);
        deque_extend_from(mpf_obj_ptr(c), rhs, false);
        return c;
    }
    if ((op == MPF_BINARY_OP_MULTIPLY || op == MPF_BINARY_OP_REVERSE_MULTIPLY || op == MPF_BINARY_OP_INPLACE_MULTIPLY) &&
        mpf_obj_is_int(rhs)) {
        return deque_repeat(lhs, mpf_obj_get_int(rhs), op == MPF_BINARY_OP_INPLACE_MULTIPLY);
    }
    if (op == MPF_BINARY_OP_IN) {
        for (size_t i = 0; i < a->len; i++) {
            if (deque_equal_at(a, i, rhs, &mpf_type_RuntimeError)) {
                return MPF_OBJ_TRUE;
            }
        }
        return MPF_OBJ_FALSE;
    }
    if (op == MPF_BINARY_OP_INPLACE_ADD) {
        deque_extend_from(a, rhs, false);
        return lhs;
    }
    if (op <= MPF_BINARY_OP_NOT_EQUAL && mpf_obj_is_type(rhs, &mpf_type_deque)) {
        // compare as sequences: copy both to tuples of items
        deque_t *b = mpf_obj_ptr(rhs);
        mpf_obj_t ta = mpf_obj_new_tuple(a->len, NULL), tb = mpf_obj_new_tuple(b->len, NULL);
        mpf_tuple_t *ia = mpf_obj_ptr(ta), *ib = mpf_obj_ptr(tb);
        for (size_t i = 0; i < a->len; i++) {
            ia->items[i] = *deque_at(a, i);
        }
        for (size_t i = 0; i < b->len; i++) {
            ib->items[i] = *deque_at(b, i);
        }
        return mpf_seq_compare(op, ta, tb);
    }
    return MPF_OBJ_NULL;
}

// Index [index] of deque [d] (negative from the end); IndexError if out of range.
static size_t deque_index(deque_t *d, mpf_obj_t index) {
    return mpf_get_index(&mpf_type_deque, &d->len, index, MPF_INDEX_LOAD);
}

static void deque_delete_at(deque_t *d, size_t i) {
    for (size_t k = i; k + 1 < d->len; k++) {
        *deque_at(d, k) = *deque_at(d, k + 1);
    }
    *deque_at(d, d->len - 1) = MPF_OBJ_NULL;
    d->len--;
}

static mpf_obj_t deque_subscr(mpf_obj_t self, mpf_obj_t index, mpf_obj_t value) {
    deque_t *d = mpf_obj_ptr(self);
    if (!mpf_obj_is_int(index)) {
        mpf_raise_fmt(&mpf_type_TypeError, "sequence index must be integer, not '%T'", index);
    }
    size_t i = deque_index(d, index);
    if (value == MPF_OBJ_SENTINEL) {
        return *deque_at(d, i);
    } else if (value == MPF_OBJ_NULL) {
        deque_delete_at(d, i);
    } else {
        *deque_at(d, i) = value;
    }
    return MPF_OBJ_NONE;
}

// Iterator over a deque; RuntimeError if the deque changes size meanwhile.
typedef struct deque_iter {
    mpf_obj_base_t base;
    deque_t *d;
    size_t i;
    size_t len;
} deque_iter_t;

static mpf_obj_t deque_iter_next(mpf_obj_t self) {
    deque_iter_t *it = mpf_obj_ptr(self);
    if (it->d->len != it->len) {
        mpf_raise_msg(&mpf_type_RuntimeError, "deque mutated during iteration");
    }
    if (it->i >= it->d->len) {
        return MPF_OBJ_STOP;
    }
    return *deque_at(it->d, it->i++);
}

static const mpf_type_t deque_iter_type = MPF_TYPE(MPF_QSTR__deque_iterator, 0,
    (getiter, mpf_iter_self),
    (iternext, deque_iter_next));

static mpf_obj_t deque_getiter(mpf_obj_t self) {
    deque_iter_t *it = mpf_new(deque_iter_t);
    it->base.type = &deque_iter_type;
    it->d = mpf_obj_ptr(self);
    it->len = it->d->len;
    return mpf_obj_from_ptr(it);
}

static mpf_obj_t deque_append(mpf_obj_t self, mpf_obj_t v) {
    deque_append_right(mpf_obj_ptr(self), v);
    return MPF_OBJ_NONE;
}

static mpf_obj_t deque_appendleft(mpf_obj_t self, mpf_obj_t v) {
    deque_append_left(mpf_obj_ptr(self), v);
    return MPF_OBJ_NONE;
}

static mpf_obj_t deque_extend(mpf_obj_t self, mpf_obj_t it) {
    deque_extend_from(mpf_obj_ptr(self), it, false);
    return MPF_OBJ_NONE;
}

static mpf_obj_t deque_extendleft(mpf_obj_t self, mpf_obj_t it) {
    deque_extend_from(mpf_obj_ptr(self), it, true);
    return MPF_OBJ_NONE;
}

static mpf_obj_t deque_pop(mpf_obj_t self) {
    deque_t *d = mpf_obj_ptr(self);
    if (d->len == 0) {
        mpf_raise_msg(&mpf_type_IndexError, "pop from an empty deque");
    }
    mpf_obj_t *slot = deque_at(d, d->len - 1);
    mpf_obj_t v = *slot;
    *slot = MPF_OBJ_NULL;
    d->len--;
    return v;
}

static mpf_obj_t deque_popleft(mpf_obj_t self) {
    deque_t *d = mpf_obj_ptr(self);
    if (d->len == 0) {
        mpf_raise_msg(&mpf_type_IndexError, "pop from an empty deque");
    }
    mpf_obj_t v = d->items[d->head];
    d->items[d->head] = MPF_OBJ_NULL;
    d->head = (d->head + 1) % d->alloc;
    d->len--;
    return v;
}

static mpf_obj_t deque_clear(mpf_obj_t self) {
    deque_t *d = mpf_obj_ptr(self);
    d->items = NULL;
    d->alloc = d->len = d->head = 0;
    return MPF_OBJ_NONE;
}

static mpf_obj_t deque_copy(mpf_obj_t self) {
    deque_t *d = mpf_obj_ptr(self);
    deque_t *c = deque_new(d->maxlen);
    deque_reserve(c, d->len);
    for (size_t i = 0; i < d->len; i++) {
        deque_append_right(c, *deque_at(d, i));
    }
    return mpf_obj_from_ptr(c);
}

static mpf_obj_t deque_count(mpf_obj_t self, mpf_obj_t v) {
    deque_t *d = mpf_obj_ptr(self);
    mpf_int_t n = 0;
    for (size_t i = 0; i < d->len; i++) {
        n += deque_equal_at(d, i, v, &mpf_type_RuntimeError);
    }
    return mpf_obj_new_small_int(n);
}

static mpf_obj_t deque_index_m(size_t n_args, const mpf_obj_t *args) {
    deque_t *d = mpf_obj_ptr(args[0]);
    mpf_int_t start = n_args > 2 ? mpf_obj_get_int(args[2]) : 0;
    mpf_int_t stop = n_args > 3 ? mpf_obj_get_int(args[3]) : (mpf_int_t)d->len;
    mpf_int_t len = (mpf_int_t)d->len;
    if (start < 0) {
        start = start + len < 0 ? 0 : start + len;
    }
    if (stop < 0) {
        stop = stop + len < 0 ? 0 : stop + len;
    }
    if (stop > len) {
        stop = len;
    }
    for (mpf_int_t i = start; i < stop; i++) {
        if (deque_equal_at(d, (size_t)i, args[1], &mpf_type_RuntimeError)) {
            return mpf_obj_new_small_int(i);
        }
    }
    mpf_raise_fmt(&mpf_type_ValueError, "%R is not in deque", args[1]);
}

static mpf_obj_t deque_insert(mpf_obj_t self, mpf_obj_t index, mpf_obj_t v) {
    deque_t *d = mpf_obj_ptr(self);
    mpf_int_t i = mpf_obj_get_int(index);  // (first: its __index__ may add items)
    if (d->maxlen >= 0 && d->len == (size_t)d->maxlen) {
        mpf_raise_msg(&mpf_type_IndexError, "deque already at its maximum size");
    }
    mpf_int_t len = (mpf_int_t)d->len;
    if (i < 0) {
        i = i + len < 0 ? 0 : i + len;
    }
    if (i > len) {
        i = len;
    }
    deque_reserve(d, d->len + 1);
    d->len++;
    for (size_t k = d->len - 1; k > (size_t)i; k--) {
        *deque_at(d, k) = *deque_at(d, k - 1);
    }
    *deque_at(d, (size_t)i) = v;
    return MPF_OBJ_NONE;
}

static mpf_obj_t deque_remove(mpf_obj_t self, mpf_obj_t v) {
    deque_t *d = mpf_obj_ptr(self);
    for (size_t i = 0; i < d->len; i++) {
        if (deque_equal_at(d, i, v, &mpf_type_IndexError)) {
            deque_delete_at(d, i);
            return MPF_OBJ_NONE;
        }
    }
    mpf_raise_fmt(&mpf_type_ValueError, "%R is not in deque", v);
}

static mpf_obj_t deque_reverse(mpf_obj_t self) {
    deque_t *d = mpf_obj_ptr(self);
    for (size_t i = 0, j = d->len; i + 1 < j; i++, j--) {
        mpf_obj_t t = *deque_at(d, i);
        *deque_at(d, i) = *deque_at(d, j - 1);
        *deque_at(d, j - 1) = t;
    }
    return MPF_OBJ_NONE;
}

// rotate(n=1): move n items from the right end to the left (negative: the other way).
static mpf_obj_t deque_rotate(size_t n_args, const mpf_obj_t *args) {
    deque_t *d = mpf_obj_ptr(args[0]);
    mpf_int_t n = n_args > 1 ? mpf_obj_get_int(args[1]) : 1;
    if (d->len <= 1) {
        return MPF_OBJ_NONE;
    }
    mpf_int_t len = (mpf_int_t)d->len;
    n %= len;
    if (n < 0) {
        n += len;
    }
    if (n == 0) {
        return MPF_OBJ_NONE;
    }
    for (mpf_int_t k = 0; k < n; k++) {
        mpf_obj_t v = *deque_at(d, d->len - 1);
        *deque_at(d, d->len - 1) = MPF_OBJ_NULL;
        d->len--;
        d->head = (d->head + d->alloc - 1) % d->alloc;
        d->items[d->head] = v;
        d->len++;
    }
    return MPF_OBJ_NONE;
}

static void deque_attr(mpf_obj_t self, mpf_qstr_t attr, mpf_obj_t *dest) {
    if (dest[0] == MPF_OBJ_NULL && attr == MPF_QSTR_maxlen) {
        deque_t *d = mpf_obj_ptr(self);
        dest[0] = d->maxlen < 0 ? MPF_OBJ_NONE : mpf_obj_new_small_int(d->maxlen);
    }
}

static const mpf_rom_map_elem_t deque_locals_table[] = {
    MPF_ROM_FUN_2(MPF_QSTR_append, deque_append),
    MPF_ROM_FUN_2(MPF_QSTR_appendleft, deque_appendleft),
    MPF_ROM_FUN_2(MPF_QSTR_extend, deque_extend),
    MPF_ROM_FUN_2(MPF_QSTR_extendleft, deque_extendleft),
    MPF_ROM_FUN_1(MPF_QSTR_pop, deque_pop),
    MPF_ROM_FUN_1(MPF_QSTR_popleft, deque_popleft),
    MPF_ROM_FUN_1(MPF_QSTR_clear, deque_clear),
    MPF_ROM_FUN_1(MPF_QSTR_copy, deque_copy),
    MPF_ROM_FUN_2(MPF_QSTR_count, deque_count),
    MPF_ROM_FUN_VAR(MPF_QSTR_index, 2, 4, deque_index_m),
    MPF_ROM_FUN_3(MPF_QSTR_insert, deque_insert),
    MPF_ROM_FUN_2(MPF_QSTR_remove, deque_remove),
    MPF_ROM_FUN_1(MPF_QSTR_reverse, deque_reverse),
    MPF_ROM_FUN_VAR(MPF_QSTR_rotate, 1, 2, deque_rotate),
};
MPF_ROM_MAP(deque_locals, deque_locals_table);

const mpf_type_t mpf_type_deque = MPF_TYPE(MPF_QSTR_deque, MPF_TYPE_FLAG_UNHASHABLE,
    (print, deque_print),
    (make_new, deque_make_new),
    (unary_op, deque_unary_op),
    (binary_op, deque_binary_op),
    (attr, deque_attr),
    (subscr, deque_subscr),
    (getiter, deque_getiter),
    (locals, &deque_locals));

// ================================================================ OrderedDict
extern const mpf_type_t mpf_type_ordereddict;

static mpf_obj_t od_make_new(const mpf_type_t *type, size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)type;
    mpf_obj_t d = mpf_type_get_make_new(&mpf_type_dict)(&mpf_type_dict, n_args, n_kw, args);
    ((mpf_dict_t *)mpf_obj_ptr(d))->base.type = &mpf_type_ordereddict;
    return d;
}

// OrderedDict({'a': 1, 'b': 2}), the repr of CPython 3.12 on and of MicroPython;
// OrderedDict({}) when empty, as MicroPython (CPython: OrderedDict()).
static void od_print(const mpf_print_t *p, mpf_obj_t self, mpf_print_kind_t kind) {
    (void)kind;
    const mpf_map_t *m = mpf_dict_map(self);
    mpf_printf(p, "%q({", mpf_type_name(mpf_obj_type(self)));
    bool first = true;
    for (size_t i = 0; i < m->used; i++) {
        if (m->elems[i].key == MPF_OBJ_NULL) {
            continue;
        }
        if (!first) {
            mpf_print_str(p, ", ");
        }
        first = false;
        mpf_obj_print(p, m->elems[i].key, MPF_PRINT_REPR);
        mpf_print_str(p, ": ");
        mpf_obj_print(p, m->elems[i].value, MPF_PRINT_REPR);
    }
    mpf_print_str(p, "})");
}

static mpf_obj_t od_unary_op(int op, mpf_obj_t self) {
    return mpf_type_get_unary_op(&mpf_type_dict)(op, self);
}

static mpf_obj_t od_binary_op(int op, mpf_obj_t lhs, mpf_obj_t rhs) {
    if ((op == MPF_BINARY_OP_EQUAL || op == MPF_BINARY_OP_NOT_EQUAL) && mpf_obj_is_type(rhs, &mpf_type_ordereddict)) {
        // between two OrderedDicts, order matters
        const mpf_map_t *a = mpf_dict_map(lhs), *b = mpf_dict_map(rhs);
        bool eq = a->count == b->count;
        size_t i = 0, j = 0;
        while (eq) {
            while (i < a->used && a->elems[i].key == MPF_OBJ_NULL) {
                i++;
            }
            while (j < b->used && b->elems[j].key == MPF_OBJ_NULL) {
                j++;
            }
            if (i >= a->used || j >= b->used) {
                break;
            }
            eq = mpf_obj_equal(a->elems[i].key, b->elems[j].key) && mpf_obj_equal(a->elems[i].value, b->elems[j].value);
            i++;
            j++;
        }
        return mpf_obj_bool(eq == (op == MPF_BINARY_OP_EQUAL));
    }
    return mpf_type_get_binary_op(&mpf_type_dict)(op, lhs, rhs);
}

static mpf_obj_t od_subscr(mpf_obj_t self, mpf_obj_t index, mpf_obj_t value) {
    return mpf_type_get_subscr(&mpf_type_dict)(self, index, value);
}

static mpf_obj_t od_getiter(mpf_obj_t self) {
    return mpf_type_get_getiter(&mpf_type_dict)(self);
}

// Rebuild map [m] with its live entries in the order given by [order] (indices into
// the old elems): the way to move an entry to the front of an insertion-ordered map.
static void od_reorder(mpf_map_t *m, const size_t *order, size_t n) {
    mpf_map_elem_t *old = mpf_gc_alloc((n + 1) * sizeof(mpf_map_elem_t), false);
    for (size_t i = 0; i < n; i++) {
        old[i] = m->elems[order[i]];
    }
    mpf_map_clear(m);
    for (size_t i = 0; i < n; i++) {
        mpf_map_lookup(m, old[i].key, MPF_MAP_LOOKUP_ADD)->value = old[i].value;
    }
    mpf_gc_free(old);
}

// move_to_end(key, last=True)
static mpf_obj_t od_move_to_end(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    static const mpf_qstr_t kws[] = {MPF_QSTR_key, MPF_QSTR_last};
    mpf_obj_t a[2];
    mpf_arg_parse(n_args, n_kw, args, MPF_ARG_FUN(MPF_QSTR_move_to_end, 1), 2, 2, kws, a);
    mpf_arg_required(MPF_QSTR_move_to_end, kws, a, 1);
    mpf_obj_t last_o = a[1];
    bool last = last_o == MPF_OBJ_NULL || mpf_obj_is_true(last_o);
    mpf_map_t *m = mpf_dict_map(args[0]);
    mpf_map_elem_t *e = mpf_map_lookup(m, a[0], MPF_MAP_LOOKUP);
    if (e == NULL) {
        mpf_raise_key_error(a[0]);
    }
    if (last) {
        mpf_obj_t k = e->key, v = e->value;
        mpf_map_lookup(m, k, MPF_MAP_REMOVE);
        mpf_map_lookup(m, k, MPF_MAP_LOOKUP_ADD)->value = v;
        return MPF_OBJ_NONE;
    }
    size_t target = (size_t)(e - m->elems);
    size_t *order = mpf_gc_alloc((m->count + 1) * sizeof(size_t), false);
    size_t n = 0;
    order[n++] = target;
    for (size_t i = 0; i < m->used; i++) {
        if (m->elems[i].key != MPF_OBJ_NULL && i != target) {
            order[n++] = i;
        }
    }
    od_reorder(m, order, n);
    mpf_gc_free(order);
    return MPF_OBJ_NONE;
}

// popitem(last=True)
static mpf_obj_t od_popitem(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    static const mpf_qstr_t kws[] = {MPF_QSTR_last};
    mpf_obj_t last_o;
    mpf_arg_parse(n_args, n_kw, args, MPF_ARG_FUN(MPF_QSTR_popitem, 1), 1, 1, kws, &last_o);
    bool last = last_o == MPF_OBJ_NULL || mpf_obj_is_true(last_o);
    mpf_map_t *m = mpf_dict_map(args[0]);
    if (m->count == 0) {
        mpf_raise_msg(&mpf_type_KeyError, "dictionary is empty");
    }
    for (size_t k = 0; k < m->used; k++) {
        size_t i = last ? m->used - 1 - k : k;
        if (m->elems[i].key != MPF_OBJ_NULL) {
            mpf_obj_t kv[2] = {m->elems[i].key, m->elems[i].value};
            mpf_map_lookup(m, kv[0], MPF_MAP_REMOVE);
            return mpf_obj_new_tuple(2, kv);
        }
    }
    mpf_raise_msg(&mpf_type_KeyError, "dictionary is empty");
}

static mpf_obj_t od_copy(mpf_obj_t self) {
    mpf_obj_t d = od_make_new(&mpf_type_ordereddict, 0, 0, NULL);
    mpf_map_t *m = mpf_dict_map(self);
    for (size_t i = 0; i < m->used; i++) {
        if (m->elems[i].key != MPF_OBJ_NULL) {
            mpf_dict_store(d, m->elems[i].key, m->elems[i].value);
        }
    }
    return d;
}

static const mpf_rom_map_elem_t od_locals_table[] = {
    MPF_ROM_FUN_KW(MPF_QSTR_move_to_end, 1, od_move_to_end),
    MPF_ROM_FUN_KW(MPF_QSTR_popitem, 1, od_popitem),
    MPF_ROM_FUN_1(MPF_QSTR_copy, od_copy),
};
MPF_ROM_MAP(od_locals, od_locals_table);

const mpf_type_t mpf_type_ordereddict = MPF_TYPE(MPF_QSTR_OrderedDict, MPF_TYPE_FLAG_SUBCLASSABLE | MPF_TYPE_FLAG_UNHASHABLE, (parent, &mpf_type_dict),
    (print, od_print),
    (make_new, od_make_new),
    (unary_op, od_unary_op),
    (binary_op, od_binary_op),
    (subscr, od_subscr),
    (getiter, od_getiter),
    (locals, &od_locals));

// ================================================================ namedtuple
// The _fields tuple of namedtuple class [cls] (found along its MRO).
static const mpf_tuple_t *nt_fields(const mpf_type_t *cls) {
    mpf_obj_t f = mpf_type_lookup(cls, MPF_QSTR__fields);
    if (f == MPF_OBJ_NULL || !mpf_obj_is_type(f, &mpf_type_tuple)) {
        mpf_raise_msg(&mpf_type_TypeError, "not a namedtuple class");
    }
    return mpf_obj_ptr(f);
}

// The tuple inside namedtuple instance [self].
static const mpf_tuple_t *nt_items(mpf_obj_t self) {
    mpf_obj_t so = ((const mpf_instance_t *)mpf_obj_ptr(self))->subobj;
    return mpf_obj_ptr(so);
}

static mpf_obj_t nt_make_instance(const mpf_type_t *cls, mpf_obj_t tuple) {
    mpf_obj_t o = mpf_obj_new_instance(cls);
    ((mpf_instance_t *)mpf_obj_ptr(o))->subobj = tuple;
    return o;
}

// __new__(cls, *args, **kwargs): fields from positions, then names, then defaults.
static mpf_obj_t nt_new(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    const mpf_type_t *cls = mpf_obj_ptr(args[0]);
    const mpf_tuple_t *fields = nt_fields(cls);
    size_t n = fields->len;
    if (n_args - 1 > n) {
        mpf_raise_fmt(&mpf_type_TypeError, "%q.__new__() takes %u positional arguments but %u were given",
            mpf_type_name(cls), (unsigned)(n + 1), (unsigned)n_args);
    }
    mpf_obj_t t = mpf_obj_new_tuple(n, NULL);
    mpf_tuple_t *tu = mpf_obj_ptr(t);
    for (size_t i = 1; i < n_args; i++) {
        tu->items[i - 1] = args[i];
    }
    for (size_t k = 0; k < n_kw; k++) {
        mpf_obj_t name = args[n_args + 2 * k];
        size_t i = 0;
        while (i < n && !mpf_obj_equal(fields->items[i], name)) {
            i++;
        }
        if (i == n) {
            mpf_raise_fmt(&mpf_type_TypeError, "%q.__new__() got an unexpected keyword argument '%O'", mpf_type_name(cls), name);
        }
        if (tu->items[i] != MPF_OBJ_NULL) {
            mpf_raise_fmt(&mpf_type_TypeError, "%q.__new__() got multiple values for argument '%O'", mpf_type_name(cls), name);
        }
        tu->items[i] = args[n_args + 2 * k + 1];
    }
    mpf_obj_t defaults = mpf_type_lookup(cls, MPF_QSTR__field_defaults);
    for (size_t i = 0; i < n; i++) {
        if (tu->items[i] == MPF_OBJ_NULL) {
            mpf_obj_t d = defaults != MPF_OBJ_NULL ? mpf_dict_get(defaults, fields->items[i]) : MPF_OBJ_NULL;
            if (d == MPF_OBJ_NULL) {
                mpf_raise_fmt(&mpf_type_TypeError, "%q.__new__() missing required argument: '%O'", mpf_type_name(cls), fields->items[i]);
            }
            tu->items[i] = d;
        }
    }
    return nt_make_instance(cls, t);
}
MPF_FUN_KW(nt_new_obj, MPF_QSTR___new__, 1, nt_new);

static mpf_obj_t nt_repr(mpf_obj_t self) {
    const mpf_type_t *cls = mpf_obj_type(self);
    const mpf_tuple_t *fields = nt_fields(cls);
    const mpf_tuple_t *items = nt_items(self);
    mpf_vstr_t vs;
    mpf_print_t p = vstr_printer(&vs);
    mpf_printf(&p, "%q(", mpf_type_name(cls));
    for (size_t i = 0; i < fields->len && i < items->len; i++) {
        mpf_printf(&p, i ? ", %O=%R" : "%O=%R", fields->items[i], items->items[i]);
    }
    mpf_print_str(&p, ")");
    return mpf_vstr_to_str(&vs);
}
MPF_FUN_1(nt_repr_obj, MPF_QSTR___repr__, nt_repr);

static mpf_obj_t nt_asdict(mpf_obj_t self) {
    const mpf_tuple_t *fields = nt_fields(mpf_obj_type(self));
    const mpf_tuple_t *items = nt_items(self);
    mpf_obj_t d = mpf_obj_new_dict(fields->len);
    for (size_t i = 0; i < fields->len && i < items->len; i++) {
        mpf_dict_store(d, fields->items[i], items->items[i]);
    }
    return d;
}
MPF_FUN_1(nt_asdict_obj, MPF_QSTR__asdict, nt_asdict);

// _replace(**kwargs): a new instance with the named fields changed.
static mpf_obj_t nt_replace(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    if (n_args != 1) {
        mpf_raise_msg(&mpf_type_TypeError, "_replace() takes keyword arguments only");
    }
    const mpf_type_t *cls = mpf_obj_type(args[0]);
    const mpf_tuple_t *fields = nt_fields(cls);
    const mpf_tuple_t *items = nt_items(args[0]);
    mpf_obj_t t = mpf_obj_new_tuple(items->len, items->items);
    mpf_tuple_t *tu = mpf_obj_ptr(t);
    for (size_t k = 0; k < n_kw; k++) {
        mpf_obj_t name = args[n_args + 2 * k];
        size_t i = 0;
        while (i < fields->len && !mpf_obj_equal(fields->items[i], name)) {
            i++;
        }
        if (i == fields->len) {
            mpf_raise_fmt(&mpf_type_ValueError, "Got unexpected field names: ['%O']", name);
        }
        tu->items[i] = args[n_args + 2 * k + 1];
    }
    return nt_make_instance(cls, t);
}
MPF_FUN_KW(nt_replace_obj, MPF_QSTR__replace, 1, nt_replace);

// __getattr__(self, name): a field's value, or the methods _asdict / _replace.
static mpf_obj_t nt_getattr(mpf_obj_t self, mpf_obj_t name) {
    const mpf_type_t *cls = mpf_obj_type(self);
    const mpf_tuple_t *fields = nt_fields(cls);
    const mpf_tuple_t *items = nt_items(self);
    for (size_t i = 0; i < fields->len && i < items->len; i++) {
        if (mpf_obj_equal(fields->items[i], name)) {
            return items->items[i];
        }
    }
    if (mpf_obj_is_qstr(name) && mpf_obj_qstr_value(name) == MPF_QSTR__asdict) {
        return mpf_obj_new_bound_meth(MPF_ROM_PTR(&nt_asdict_obj), self);
    }
    if (mpf_obj_is_qstr(name) && mpf_obj_qstr_value(name) == MPF_QSTR__replace) {
        return mpf_obj_new_bound_meth(MPF_ROM_PTR(&nt_replace_obj), self);
    }
    mpf_raise_fmt(&mpf_type_AttributeError, "'%q' object has no attribute '%O'", mpf_type_name(cls), name);
}
MPF_FUN_2(nt_getattr_obj, MPF_QSTR___getattr__, nt_getattr);

// __setattr__ / __delattr__: the fields are read-only, and a namedtuple instance has no
// __dict__ (CPython gives the class __slots__ = ()), so any store raises AttributeError;
// a subclass made by a class statement has a __dict__ again for its other names.
static void nt_check_store(mpf_obj_t self, mpf_obj_t name) {
    const mpf_type_t *cls = mpf_obj_type(self);
    const mpf_tuple_t *fields = nt_fields(cls);
    for (size_t i = 0; i < fields->len; i++) {
        if (mpf_obj_equal(fields->items[i], name)) {
            mpf_raise_msg(&mpf_type_AttributeError, "can't set attribute");  // fields are read-only
        }
    }
    mpf_map_t *own = mpf_class_dict(cls);
    if (own == NULL || mpf_map_get_qstr(own, MPF_QSTR___setattr__) == MPF_OBJ_NULL) {
        return;
    }
    mpf_raise_fmt(&mpf_type_AttributeError, "'%q' object has no attribute '%O'", mpf_type_name(cls), name);
}

static mpf_obj_t nt_setattr(mpf_obj_t self, mpf_obj_t name, mpf_obj_t value) {
    nt_check_store(self, name);
    mpf_store_attr_generic(self, mpf_builtin_attr_name(name), value);
    return MPF_OBJ_NONE;
}
MPF_FUN_3(nt_setattr_obj, MPF_QSTR___setattr__, nt_setattr);

static mpf_obj_t nt_delattr(mpf_obj_t self, mpf_obj_t name) {
    nt_check_store(self, name);
    mpf_store_attr_generic(self, mpf_builtin_attr_name(name), MPF_OBJ_NULL);
    return MPF_OBJ_NONE;
}
MPF_FUN_2(nt_delattr_obj, MPF_QSTR___delattr__, nt_delattr);

// _make(cls, iterable)
static mpf_obj_t nt_make(mpf_obj_t cls, mpf_obj_t iterable) {
    mpf_obj_t t = mpf_tuple_from_iter(iterable);
    const mpf_tuple_t *tu = mpf_obj_ptr(t);
    return mpf_call(cls, tu->len, 0, tu->items);
}
MPF_FUN_2(nt_make_fun_obj, MPF_QSTR__make, nt_make);
static const mpf_wrapper_t nt_make_obj = {{&mpf_type_classmethod}, MPF_ROM_PTR(&nt_make_fun_obj)};

static bool is_ident_char(char c, bool first) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (uint8_t)c >= 0x80 ||
           (!first && c >= '0' && c <= '9');
}

// Python keywords, which cannot be field names (with the compiler: its lexer's table).
static bool is_keyword(const char *s, size_t n) {
#if CONFIG_COMPILER
    return mpf_lex_keyword(s, n) >= 0;
#else
    static const char *const kw[] = {
        "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class",
        "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global",
        "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise",
        "return", "try", "while", "with", "yield",
    };
    for (size_t i = 0; i < sizeof(kw) / sizeof(kw[0]); i++) {
        if (strlen(kw[i]) == n && memcmp(kw[i], s, n) == 0) {
            return true;
        }
    }
    return false;
#endif
}

// Why [name] cannot be a field name (NULL if it can); [seen] holds earlier names.
static const char *bad_field(const char *s, size_t n, bool allow_underscore) {
    if (n == 0) {
        return "Type names and field names must be valid identifiers";
    }
    for (size_t i = 0; i < n; i++) {
        if (!is_ident_char(s[i], i == 0)) {
            return "Type names and field names must be valid identifiers";
        }
    }
    if (is_keyword(s, n)) {
        return "Type names and field names cannot be a keyword";
    }
    if (!allow_underscore && s[0] == '_') {
        return "Field names cannot start with an underscore";
    }
    return NULL;
}

// The field names from a str ("x y" or "x, y") or an iterable of str.
static mpf_obj_t split_field_names(mpf_obj_t names) {
    mpf_obj_t list = mpf_obj_new_list(0, NULL);
    if (MPF_IS_STR(names)) {
        size_t len;
        const char *s = mpf_obj_str_data(names, &len);
        size_t i = 0;
        while (i < len) {
            while (i < len && (s[i] == ' ' || s[i] == ',' || s[i] == '\t' || s[i] == '\n')) {
                i++;
            }
            size_t st = i;
            while (i < len && !(s[i] == ' ' || s[i] == ',' || s[i] == '\t' || s[i] == '\n')) {
                i++;
            }
            if (i > st) {
                mpf_list_append(list, mpf_obj_new_qstr(mpf_qstr_from_strn(s + st, i - st)));
            }
        }
        return list;
    }
    mpf_obj_t it = mpf_getiter(names), v;
    while ((v = mpf_iternext(it)) != MPF_OBJ_STOP) {
        if (!MPF_IS_STR(v)) {
            mpf_raise_msg(&mpf_type_TypeError, "Type names and field names must be strings");
        }
        size_t len;
        const char *s = mpf_obj_str_data(v, &len);
        mpf_list_append(list, mpf_obj_new_qstr(mpf_qstr_from_strn(s, len)));
    }
    return list;
}

// The __name__ of the module whose code is running (for the class's __module__).
static mpf_obj_t caller_module_name(void) {
    mpf_frame_t *fr = mpf_state.cur_frame;
    if (fr != NULL && fr->fun != NULL && fr->fun->ctx != NULL && fr->fun->ctx->globals != MPF_OBJ_NULL) {
        mpf_obj_t n = mpf_dict_get(fr->fun->ctx->globals, mpf_obj_new_qstr(MPF_QSTR___name__));
        if (n != MPF_OBJ_NULL) {
            return n;
        }
    }
    return mpf_obj_new_qstr(MPF_QSTR___main__);
}

// namedtuple(typename, field_names, *, rename=False, defaults=None, module=None)
static mpf_obj_t collections_namedtuple(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    if (n_args != 2) {
        mpf_raise_fmt(&mpf_type_TypeError, "namedtuple() takes 2 positional arguments but %u were given", (unsigned)n_args);
    }
    if (!MPF_IS_STR(args[0])) {
        mpf_raise_msg(&mpf_type_TypeError, "Type names and field names must be strings");
    }
    size_t tlen;
    const char *tname = mpf_obj_str_data(args[0], &tlen);
    const char *why = bad_field(tname, tlen, true);
    if (why != NULL) {
        mpf_raise_fmt(&mpf_type_ValueError, "%s: %R", why, args[0]);
    }
    mpf_obj_t rename_o = mpf_arg_kw(n_args, n_kw, args, MPF_QSTR_rename);
    mpf_obj_t defaults_o = mpf_arg_kw(n_args, n_kw, args, MPF_QSTR_defaults);
    mpf_obj_t module_o = mpf_arg_kw(n_args, n_kw, args, MPF_QSTR_module);
    bool rename = rename_o != MPF_OBJ_NULL && mpf_obj_is_true(rename_o);
    mpf_obj_t names = split_field_names(args[1]);
    mpf_list_t *nl = mpf_obj_ptr(names);
    for (size_t i = 0; i < nl->len; i++) {
        size_t len;
        const char *s = mpf_obj_str_data(nl->items[i], &len);
        why = bad_field(s, len, false);
        bool dup = false;
        for (size_t j = 0; j < i; j++) {
            dup = dup || nl->items[j] == nl->items[i];
        }
        if ((why != NULL || dup) && rename) {
            mpf_vstr_t vs;
            mpf_print_t p = vstr_printer(&vs);
            mpf_printf(&p, "_%u", (unsigned)i);
            nl->items[i] = mpf_obj_new_qstr(mpf_qstr_from_strn(vs.buf, vs.len));
        } else if (why != NULL) {
            mpf_raise_fmt(&mpf_type_ValueError, "%s: %R", why, nl->items[i]);
        } else if (dup) {
            mpf_raise_fmt(&mpf_type_ValueError, "Encountered duplicate field name: %R", nl->items[i]);
        }
    }
    mpf_obj_t fields = mpf_obj_new_tuple(nl->len, nl->items);
    mpf_obj_t fdefaults = mpf_obj_new_dict(0);
    if (defaults_o != MPF_OBJ_NULL && defaults_o != MPF_OBJ_NONE) {
        mpf_obj_t dt = mpf_tuple_from_iter(defaults_o);
        const mpf_tuple_t *d = mpf_obj_ptr(dt);
        if (d->len > nl->len) {
            mpf_raise_msg(&mpf_type_TypeError, "Got more default values than field names");
        }
        for (size_t i = 0; i < d->len; i++) {
            mpf_dict_store(fdefaults, nl->items[nl->len - d->len + i], d->items[i]);
        }
    }
    mpf_obj_t dict = mpf_obj_new_dict(8);
    mpf_dict_store(dict, mpf_obj_new_qstr(MPF_QSTR___module__),
        module_o != MPF_OBJ_NULL && module_o != MPF_OBJ_NONE ? module_o : caller_module_name());
    mpf_dict_store(dict, mpf_obj_new_qstr(MPF_QSTR__fields), fields);
    mpf_dict_store(dict, mpf_obj_new_qstr(MPF_QSTR__field_defaults), fdefaults);
    mpf_dict_store(dict, mpf_obj_new_qstr(MPF_QSTR___new__), MPF_ROM_PTR(&nt_new_obj));
    mpf_dict_store(dict, mpf_obj_new_qstr(MPF_QSTR___repr__), MPF_ROM_PTR(&nt_repr_obj));
    mpf_dict_store(dict, mpf_obj_new_qstr(MPF_QSTR___getattr__), MPF_ROM_PTR(&nt_getattr_obj));
    mpf_dict_store(dict, mpf_obj_new_qstr(MPF_QSTR__make), MPF_ROM_PTR(&nt_make_obj));
    mpf_dict_store(dict, mpf_obj_new_qstr(MPF_QSTR___setattr__), MPF_ROM_PTR(&nt_setattr_obj));
    mpf_dict_store(dict, mpf_obj_new_qstr(MPF_QSTR___delattr__), MPF_ROM_PTR(&nt_delattr_obj));
    mpf_obj_t base = mpf_obj_from_ptr(&mpf_type_tuple);
    return mpf_make_class(mpf_qstr_from_strn(tname, tlen), mpf_obj_new_tuple(1, &base), dict);
}

static const mpf_rom_map_elem_t collections_members_table[] = {
    MPF_ROM_FUN_KW(MPF_QSTR_namedtuple, 0, collections_namedtuple),
    {MPF_ROM_QSTR(MPF_QSTR_deque), MPF_ROM_PTR(&mpf_type_deque)},
    {MPF_ROM_QSTR(MPF_QSTR_OrderedDict), MPF_ROM_PTR(&mpf_type_ordereddict)},
};
MPF_ROM_MAP(collections_members, collections_members_table);

const mpf_builtin_module_t mpf_module_collections = {MPF_QSTR_collections, &collections_members, NULL};
MPF_REGISTER_MODULE(MPF_QSTR_collections, mpf_module_collections);
