// obj_set.c -- set and frozenset: an open-addressing hash table whose probing, growth
// and operation order follow CPython's, so iteration (and printing) order of sets of
// ints matches CPython's output.
#include "mpf_int.h"

// Linear probes before a perturbed jump, and the perturbation shift (as CPython).
#define LINEAR_PROBES 9
#define PERTURB_SHIFT 5
#define SET_MINSIZE 8

typedef struct set_entry {
    mpf_obj_t key;    // NULL: never used; DUMMY: deleted
    mpf_int_t hash;
} set_entry_t;

typedef struct set_obj {
    mpf_obj_base_t base;
    size_t fill;      // active + dummy
    size_t used;      // active
    size_t mask;      // table size - 1
    set_entry_t *table;
} set_obj_t;

#define DUMMY MPF_OBJ_SENTINEL

static bool is_set_type(const mpf_type_t *t) {
#if CONFIG_BUILTIN_FROZENSET
    if (t == &mpf_type_frozenset) {
        return true;
    }
#endif
    return t == &mpf_type_set;
}

static bool is_set(mpf_obj_t o) {
    return mpf_obj_is_ptr(o) && is_set_type(mpf_obj_type(o));
}

static set_obj_t *set_alloc(const mpf_type_t *t, size_t size) {
    set_obj_t *s = mpf_new(set_obj_t);
    s->base.type = t;
    s->mask = size - 1;
    s->table = mpf_gc_alloc(size * sizeof(set_entry_t), false);
    return s;
}

// Insert into a table known to hold no equal key and no dummies.
static void insert_clean(set_entry_t *table, size_t mask, mpf_obj_t key, mpf_int_t hash) {
    size_t perturb = (size_t)hash;
    size_t i = (size_t)hash & mask;
    for (;;) {
        set_entry_t *e = &table[i];
        if (e->key == MPF_OBJ_NULL) {
            goto found;
        }
        if (i + LINEAR_PROBES <= mask) {
            for (int j = 0; j < LINEAR_PROBES; j++) {
                e++;
                if (e->key == MPF_OBJ_NULL) {
                    goto found;
                }
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
        continue;
    found:
        e->key = key;
        e->hash = hash;
        return;
    }
}

static void set_resize(set_obj_t *s, size_t minused) {
    size_t newsize = SET_MINSIZE;
    while (newsize <= minused) {
        newsize <<= 1;
    }
    set_entry_t *old = s->table;
    size_t old_mask = s->mask;
    s->table = mpf_gc_alloc(newsize * sizeof(set_entry_t), false);
    s->mask = newsize - 1;
    s->fill = s->used;
    for (size_t i = 0; i <= old_mask; i++) {
        if (old[i].key != MPF_OBJ_NULL && old[i].key != DUMMY) {
            insert_clean(s->table, s->mask, old[i].key, old[i].hash);
        }
    }
}

static inline bool keys_equal(mpf_obj_t a, mpf_obj_t b) {
    return a == b || mpf_obj_equal(a, b);
}

static void set_add_hash(set_obj_t *s, mpf_obj_t key, mpf_int_t hash) {
    set_entry_t *freeslot = NULL;
    size_t perturb = (size_t)hash;
    size_t mask = s->mask;
    size_t i = (size_t)hash & mask;
    for (;;) {
        set_entry_t *e = &s->table[i];
        int probes = (i + LINEAR_PROBES <= mask) ? LINEAR_PROBES : 0;
        do {
            if (e->key == MPF_OBJ_NULL) {
                if (freeslot != NULL) {
                    s->used++;
                    freeslot->key = key;
                    freeslot->hash = hash;
                    return;
                }
                s->fill++;
                s->used++;
                e->key = key;
                e->hash = hash;
                if (s->fill * 5 >= mask * 3) {
                    set_resize(s, s->used > 50000 ? s->used * 2 : s->used * 4);
                }
                return;
            }
            if (e->key == DUMMY) {
                if (freeslot == NULL) {
                    freeslot = e;
                }
            } else if (e->hash == hash && keys_equal(e->key, key)) {
                return;
            }
            e++;
        } while (probes-- > 0);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

static set_entry_t *set_lookup(set_obj_t *s, mpf_obj_t key, mpf_int_t hash) {
    size_t perturb = (size_t)hash;
    size_t mask = s->mask;
    size_t i = (size_t)hash & mask;
    for (;;) {
        set_entry_t *e = &s->table[i];
        int probes = (i + LINEAR_PROBES <= mask) ? LINEAR_PROBES : 0;
        do {
            if (e->key == MPF_OBJ_NULL) {
                return NULL;
            }
            if (e->key != DUMMY && e->hash == hash && keys_equal(e->key, key)) {
                return e;
            }
            e++;
        } while (probes-- > 0);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

static void set_add(set_obj_t *s, mpf_obj_t key) {
    set_add_hash(s, key, mpf_obj_hash(key));
}

// The hash of a frozenset with [s]'s elements (independent of their order).
static mpf_int_t contents_hash(const set_obj_t *s) {
    mpf_uint_t h = 0;
    for (size_t i = 0; i <= s->mask; i++) {
        mpf_obj_t k = s->table[i].key;
        if (k != MPF_OBJ_NULL && k != DUMMY) {
            mpf_uint_t x = (mpf_uint_t)s->table[i].hash;
            h ^= (x ^ (x << 16) ^ 89869747u) * 3644798167u;
        }
    }
    return (mpf_int_t)(h >> 2);
}

// The hash to look [key] up by: a set (unhashable) is looked up as the frozenset with
// its elements, as CPython does for `in`, remove() and discard().
static mpf_int_t lookup_hash(mpf_obj_t key) {
    if (mpf_obj_is_type(key, &mpf_type_set)) {
        return contents_hash(mpf_obj_ptr(key));
    }
    return mpf_obj_hash(key);
}

static bool set_contains(set_obj_t *s, mpf_obj_t key) {
    return set_lookup(s, key, lookup_hash(key)) != NULL;
}

// Leave a dummy in [e]'s slot, so probes for other keys still pass it.
static void set_remove_entry(set_obj_t *s, set_entry_t *e) {
    e->key = DUMMY;
    e->hash = -1;
    s->used--;
}

static bool set_discard(set_obj_t *s, mpf_obj_t key) {
    set_entry_t *e = set_lookup(s, key, lookup_hash(key));
    if (e == NULL) {
        return false;
    }
    set_remove_entry(s, e);
    return true;
}

// Add every element of [other] to [s] (CPython's set_update_internal order).
static void set_update_from(set_obj_t *s, mpf_obj_t other) {
    if (is_set(other)) {
        set_obj_t *o = mpf_obj_ptr(other);
        if (o->used == 0) {
            return;
        }
        if ((s->fill + o->used) * 5 >= s->mask * 3) {
            set_resize(s, (s->used + o->used) * 2);
        }
        if (s->fill == 0 && s->mask == o->mask && o->fill == o->used) {
            for (size_t i = 0; i <= o->mask; i++) {
                s->table[i] = o->table[i];
            }
            s->fill = o->fill;
            s->used = o->used;
            return;
        }
        if (s->fill == 0) {
            for (size_t i = 0; i <= o->mask; i++) {
                if (o->table[i].key != MPF_OBJ_NULL && o->table[i].key != DUMMY) {
                    insert_clean(s->table, s->mask, o->table[i].key, o->table[i].hash);
                    s->fill++;
                    s->used++;
                }
            }
            return;
        }
        for (size_t i = 0; i <= o->mask; i++) {
            if (o->table[i].key != MPF_OBJ_NULL && o->table[i].key != DUMMY) {
                set_add_hash(s, o->table[i].key, o->table[i].hash);
            }
        }
        return;
    }
    if (mpf_obj_is_type(other, &mpf_type_dict)) {
        mpf_map_t *m = mpf_dict_map(other);
        if ((s->fill + m->count) * 5 >= s->mask * 3) {
            set_resize(s, (s->used + m->count) * 2);
        }
        for (size_t i = 0; i < m->used; i++) {
            if (m->elems[i].key != MPF_OBJ_NULL) {
                set_add(s, m->elems[i].key);
            }
        }
        return;
    }
    mpf_obj_t it = mpf_getiter(other), v;
    while ((v = mpf_iternext(it)) != MPF_OBJ_STOP) {
        set_add(s, v);
    }
}

static mpf_obj_t set_new_from(const mpf_type_t *t, mpf_obj_t iterable) {
    set_obj_t *s = set_alloc(t, SET_MINSIZE);
    if (iterable != MPF_OBJ_NULL) {
        set_update_from(s, iterable);
    }
    return mpf_obj_from_ptr(s);
}

// [o] if it is a set or frozenset, else a set of its items.
static mpf_obj_t as_set(mpf_obj_t o) {
    return is_set(o) ? o : set_new_from(&mpf_type_set, o);
}

// Give [self] the table of [r] (a set just computed from it): the in-place operators.
static void replace_contents(mpf_obj_t self, mpf_obj_t r) {
    set_obj_t *a = mpf_obj_ptr(self), *rs = mpf_obj_ptr(r);
    a->table = rs->table;
    a->mask = rs->mask;
    a->fill = rs->fill;
    a->used = rs->used;
}

mpf_obj_t mpf_obj_new_set(size_t n, const mpf_obj_t *items) {
    set_obj_t *s = set_alloc(&mpf_type_set, SET_MINSIZE);
    for (size_t i = 0; i < n; i++) {
        set_add(s, items[i]);
    }
    return mpf_obj_from_ptr(s);
}

void mpf_set_add(mpf_obj_t s, mpf_obj_t v) {
    set_add(mpf_obj_ptr(s), v);
}

static void set_print(const mpf_print_t *p, mpf_obj_t self, mpf_print_kind_t kind) {
    (void)kind;
    set_obj_t *s = mpf_obj_ptr(self);
    bool frozen = mpf_obj_type(self) != &mpf_type_set;
    if (s->used == 0) {
        mpf_print_str(p, frozen ? "frozenset()" : "set()");
        return;
    }
    mpf_print_str(p, frozen ? "frozenset({" : "{");
    bool first = true;
    for (size_t i = 0; i <= s->mask; i++) {
        mpf_obj_t k = s->table[i].key;
        if (k == MPF_OBJ_NULL || k == DUMMY) {
            continue;
        }
        if (!first) {
            mpf_print_str(p, ", ");
        }
        first = false;
        mpf_obj_print(p, k, MPF_PRINT_REPR);
    }
    mpf_print_str(p, frozen ? "})" : "}");
}

static mpf_obj_t set_make_new(const mpf_type_t *type, size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    mpf_arg_check_num(n_args, n_kw, 0, 1, false);
    return set_new_from(type, n_args ? args[0] : MPF_OBJ_NULL);
}

// Iterator: walks the table in slot order.
typedef struct set_iter {
    mpf_obj_base_t base;
    set_obj_t *set;
    size_t i;
    size_t used;
} set_iter_t;

static mpf_obj_t set_iter_next(mpf_obj_t self) {
    set_iter_t *it = mpf_obj_ptr(self);
    set_obj_t *s = it->set;
    if (s->used != it->used) {
        it->used = s->used;
        mpf_raise_msg(&mpf_type_RuntimeError, "Set changed size during iteration");
    }
    while (it->i <= s->mask) {
        mpf_obj_t k = s->table[it->i++].key;
        if (k != MPF_OBJ_NULL && k != DUMMY) {
            return k;
        }
    }
    return MPF_OBJ_STOP;
}

static const mpf_type_t set_iter_type = MPF_TYPE(MPF_QSTR_set_iterator, 0,
    (getiter, mpf_iter_self),
    (iternext, set_iter_next));

static mpf_obj_t set_getiter(mpf_obj_t self) {
    set_iter_t *it = mpf_new(set_iter_t);
    it->base.type = &set_iter_type;
    it->set = mpf_obj_ptr(self);
    it->used = it->set->used;
    return mpf_obj_from_ptr(it);
}

static mpf_obj_t set_copy_as(const mpf_type_t *t, mpf_obj_t self) {
    return set_new_from(t, self);
}

static bool set_issubset_of(set_obj_t *a, set_obj_t *b) {
    if (a->used > b->used) {
        return false;
    }
    for (size_t i = 0; i <= a->mask; i++) {
        mpf_obj_t k = a->table[i].key;
        if (k != MPF_OBJ_NULL && k != DUMMY && set_lookup(b, k, a->table[i].hash) == NULL) {
            return false;
        }
    }
    return true;
}

static mpf_obj_t set_intersect(mpf_obj_t self, mpf_obj_t other) {
    const mpf_type_t *t = mpf_obj_type(self);
    set_obj_t *res = set_alloc(t, SET_MINSIZE);
    if (is_set(other)) {
        set_obj_t *a = mpf_obj_ptr(self), *b = mpf_obj_ptr(other);
        if (b->used > a->used) {
            set_obj_t *tmp = a;
            a = b;
            b = tmp;
        }
        for (size_t i = 0; i <= b->mask; i++) {
            mpf_obj_t k = b->table[i].key;
            if (k != MPF_OBJ_NULL && k != DUMMY && set_lookup(a, k, b->table[i].hash) != NULL) {
                set_add_hash(res, k, b->table[i].hash);
            }
        }
        return mpf_obj_from_ptr(res);
    }
    set_obj_t *a = mpf_obj_ptr(self);
    mpf_obj_t it = mpf_getiter(other), v;
    while ((v = mpf_iternext(it)) != MPF_OBJ_STOP) {
        mpf_int_t h = mpf_obj_hash(v);
        if (set_lookup(a, v, h) != NULL) {
            set_add_hash(res, v, h);
        }
    }
    return mpf_obj_from_ptr(res);
}

static mpf_obj_t set_difference(mpf_obj_t self, mpf_obj_t other) {
    const mpf_type_t *t = mpf_obj_type(self);
    set_obj_t *a = mpf_obj_ptr(self);
    set_obj_t *b = mpf_obj_ptr(as_set(other));
    if ((a->used >> 2) > b->used) {
        mpf_obj_t r = set_copy_as(t, self);
        for (size_t i = 0; i <= b->mask; i++) {
            mpf_obj_t k = b->table[i].key;
            if (k != MPF_OBJ_NULL && k != DUMMY) {
                set_discard(mpf_obj_ptr(r), k);
            }
        }
        return r;
    }
    set_obj_t *res = set_alloc(t, SET_MINSIZE);
    for (size_t i = 0; i <= a->mask; i++) {
        mpf_obj_t k = a->table[i].key;
        if (k != MPF_OBJ_NULL && k != DUMMY && set_lookup(b, k, a->table[i].hash) == NULL) {
            set_add_hash(res, k, a->table[i].hash);
        }
    }
    return mpf_obj_from_ptr(res);
}

static mpf_obj_t set_symdiff(mpf_obj_t self, mpf_obj_t other) {
    mpf_obj_t r = set_new_from(mpf_obj_type(self), other);
    set_obj_t *rs = mpf_obj_ptr(r), *a = mpf_obj_ptr(self);
    for (size_t i = 0; i <= a->mask; i++) {
        mpf_obj_t k = a->table[i].key;
        if (k != MPF_OBJ_NULL && k != DUMMY) {
            if (!set_discard(rs, k)) {
                set_add_hash(rs, k, a->table[i].hash);
            }
        }
    }
    return r;
}

static mpf_obj_t set_union(mpf_obj_t self, mpf_obj_t other) {
    mpf_obj_t r = set_copy_as(mpf_obj_type(self), self);
    set_update_from(mpf_obj_ptr(r), other);
    return r;
}

static mpf_obj_t set_binary_op(int op, mpf_obj_t lhs, mpf_obj_t rhs) {
    set_obj_t *a = mpf_obj_ptr(lhs);
    if (op == MPF_BINARY_OP_IN) {
        return mpf_obj_bool(set_contains(a, rhs));
    }
    if (!is_set(rhs)) {
        if (op == MPF_BINARY_OP_EQUAL || op == MPF_BINARY_OP_NOT_EQUAL) {
            return mpf_obj_bool(op == MPF_BINARY_OP_NOT_EQUAL);
        }
        return MPF_OBJ_NULL;
    }
    set_obj_t *b = mpf_obj_ptr(rhs);
    bool inplace = mpf_obj_type(lhs) == &mpf_type_set;
    switch (op) {
        case MPF_BINARY_OP_OR:
            return set_union(lhs, rhs);
        case MPF_BINARY_OP_AND:
            return set_intersect(lhs, rhs);
        case MPF_BINARY_OP_SUBTRACT:
            return set_difference(lhs, rhs);
        case MPF_BINARY_OP_XOR:
            return set_symdiff(lhs, rhs);
        case MPF_BINARY_OP_INPLACE_OR:
            if (!inplace) {
                return set_union(lhs, rhs);
            }
            set_update_from(a, rhs);
            return lhs;
        case MPF_BINARY_OP_INPLACE_AND:
        case MPF_BINARY_OP_INPLACE_SUBTRACT:
        case MPF_BINARY_OP_INPLACE_XOR: {
            mpf_obj_t r = op == MPF_BINARY_OP_INPLACE_AND ? set_intersect(lhs, rhs) : op == MPF_BINARY_OP_INPLACE_SUBTRACT ? set_difference(lhs, rhs) : set_symdiff(lhs, rhs);
            if (!inplace) {
                return r;
            }
            replace_contents(lhs, r);
            return lhs;
        }
        case MPF_BINARY_OP_EQUAL:
            return mpf_obj_bool(a->used == b->used && set_issubset_of(a, b));
        case MPF_BINARY_OP_NOT_EQUAL:
            return mpf_obj_bool(!(a->used == b->used && set_issubset_of(a, b)));
        case MPF_BINARY_OP_LESS_EQUAL:
            return mpf_obj_bool(set_issubset_of(a, b));
        case MPF_BINARY_OP_LESS:
            return mpf_obj_bool(a->used < b->used && set_issubset_of(a, b));
        case MPF_BINARY_OP_MORE_EQUAL:
            return mpf_obj_bool(set_issubset_of(b, a));
        case MPF_BINARY_OP_MORE:
            return mpf_obj_bool(b->used < a->used && set_issubset_of(b, a));
        default:
            return MPF_OBJ_NULL;
    }
}

static mpf_obj_t set_unary_op(int op, mpf_obj_t self) {
    set_obj_t *s = mpf_obj_ptr(self);
    switch (op) {
        case MPF_UNARY_OP_BOOL:
            return mpf_obj_bool(s->used != 0);
        case MPF_UNARY_OP_LEN:
            return mpf_obj_new_small_int((mpf_int_t)s->used);
        case MPF_UNARY_OP_HASH: {
            mpf_stack_check();  // items may be frozensets again: C recursion
            if (mpf_obj_type(self) == &mpf_type_set) {
                mpf_raise_msg(&mpf_type_TypeError, "unhashable type: 'set'");
            }
            return mpf_obj_new_small_int(contents_hash(s));
        }
        default:
            return MPF_OBJ_NULL;
    }
}

// ---------------------------------------------------------------- methods
static mpf_obj_t set_m_add(mpf_obj_t self, mpf_obj_t v) {
    set_add(mpf_obj_ptr(self), v);
    return MPF_OBJ_NONE;
}

static mpf_obj_t set_m_discard(mpf_obj_t self, mpf_obj_t v) {
    set_discard(mpf_obj_ptr(self), v);
    return MPF_OBJ_NONE;
}

static mpf_obj_t set_m_remove(mpf_obj_t self, mpf_obj_t v) {
    if (!set_discard(mpf_obj_ptr(self), v)) {
        mpf_raise_key_error(v);
    }
    return MPF_OBJ_NONE;
}

static mpf_obj_t set_m_pop(mpf_obj_t self) {
    set_obj_t *s = mpf_obj_ptr(self);
    for (size_t i = 0; i <= s->mask; i++) {
        mpf_obj_t k = s->table[i].key;
        if (k != MPF_OBJ_NULL && k != DUMMY) {
            set_remove_entry(s, &s->table[i]);
            return k;
        }
    }
    mpf_raise_msg(&mpf_type_KeyError, "pop from an empty set");
}

static mpf_obj_t set_m_clear(mpf_obj_t self) {
    set_obj_t *s = mpf_obj_ptr(self);
    s->table = mpf_gc_alloc(SET_MINSIZE * sizeof(set_entry_t), false);
    s->mask = SET_MINSIZE - 1;
    s->fill = s->used = 0;
    return MPF_OBJ_NONE;
}

static mpf_obj_t set_m_copy(mpf_obj_t self) {
    return set_copy_as(mpf_obj_type(self), self);
}
MPF_FUN_1(set_copy_obj, MPF_QSTR_copy, set_m_copy);

static mpf_obj_t set_m_update(size_t n_args, const mpf_obj_t *args) {
    for (size_t i = 1; i < n_args; i++) {
        set_update_from(mpf_obj_ptr(args[0]), args[i]);
    }
    return MPF_OBJ_NONE;
}

static mpf_obj_t set_m_union(size_t n_args, const mpf_obj_t *args) {
    mpf_obj_t r = set_copy_as(mpf_obj_type(args[0]), args[0]);
    for (size_t i = 1; i < n_args; i++) {
        set_update_from(mpf_obj_ptr(r), args[i]);
    }
    return r;
}
MPF_FUN_VAR(set_union_obj, MPF_QSTR_union, 1, 255, set_m_union);

// args[0] op args[1] op ... (a copy of args[0] when alone): intersection, difference.
static mpf_obj_t set_fold(size_t n_args, const mpf_obj_t *args, mpf_obj_t (*op)(mpf_obj_t, mpf_obj_t)) {
    mpf_obj_t r = args[0];
    if (n_args == 1) {
        return set_copy_as(mpf_obj_type(r), r);
    }
    for (size_t i = 1; i < n_args; i++) {
        r = op(r, args[i]);
    }
    return r;
}

static mpf_obj_t set_m_intersection(size_t n_args, const mpf_obj_t *args) {
    return set_fold(n_args, args, set_intersect);
}
MPF_FUN_VAR(set_intersection_obj, MPF_QSTR_intersection, 1, 255, set_m_intersection);

static mpf_obj_t set_m_difference(size_t n_args, const mpf_obj_t *args) {
    return set_fold(n_args, args, set_difference);
}
MPF_FUN_VAR(set_difference_obj, MPF_QSTR_difference, 1, 255, set_m_difference);

static mpf_obj_t set_m_symdiff(mpf_obj_t self, mpf_obj_t other) {
    return set_symdiff(self, other);
}
MPF_FUN_2(set_symdiff_obj, MPF_QSTR_symmetric_difference, set_m_symdiff);

static mpf_obj_t set_m_intersection_update(size_t n_args, const mpf_obj_t *args) {
    replace_contents(args[0], set_m_intersection(n_args, args));
    return MPF_OBJ_NONE;
}

static mpf_obj_t set_m_difference_update(size_t n_args, const mpf_obj_t *args) {
    for (size_t i = 1; i < n_args; i++) {
        if (args[i] == args[0]) {
            set_m_clear(args[0]);  // s.difference_update(s): everything goes
            continue;
        }
        mpf_obj_t it = mpf_getiter(args[i]), v;
        while ((v = mpf_iternext(it)) != MPF_OBJ_STOP) {
            set_discard(mpf_obj_ptr(args[0]), v);
        }
    }
    return MPF_OBJ_NONE;
}

static mpf_obj_t set_m_symdiff_update(mpf_obj_t self, mpf_obj_t other) {
    set_obj_t *b = mpf_obj_ptr(as_set(other));
    for (size_t i = 0; i <= b->mask; i++) {
        mpf_obj_t k = b->table[i].key;
        if (k != MPF_OBJ_NULL && k != DUMMY && !set_discard(mpf_obj_ptr(self), k)) {
            set_add_hash(mpf_obj_ptr(self), k, b->table[i].hash);
        }
    }
    return MPF_OBJ_NONE;
}

static mpf_obj_t set_m_issubset(mpf_obj_t self, mpf_obj_t other) {
    return mpf_obj_bool(set_issubset_of(mpf_obj_ptr(self), mpf_obj_ptr(as_set(other))));
}
MPF_FUN_2(set_issubset_obj, MPF_QSTR_issubset, set_m_issubset);

static mpf_obj_t set_m_issuperset(mpf_obj_t self, mpf_obj_t other) {
    return mpf_obj_bool(set_issubset_of(mpf_obj_ptr(as_set(other)), mpf_obj_ptr(self)));
}
MPF_FUN_2(set_issuperset_obj, MPF_QSTR_issuperset, set_m_issuperset);

static mpf_obj_t set_m_isdisjoint(mpf_obj_t self, mpf_obj_t other) {
    set_obj_t *a = mpf_obj_ptr(self);
    mpf_obj_t it = mpf_getiter(other), v;
    while ((v = mpf_iternext(it)) != MPF_OBJ_STOP) {
        if (set_contains(a, v)) {
            return MPF_OBJ_FALSE;
        }
    }
    return MPF_OBJ_TRUE;
}
MPF_FUN_2(set_isdisjoint_obj, MPF_QSTR_isdisjoint, set_m_isdisjoint);

static const mpf_rom_map_elem_t set_locals_table[] = {
    MPF_ROM_FUN_2(MPF_QSTR_add, set_m_add),
    MPF_ROM_FUN_2(MPF_QSTR_discard, set_m_discard),
    MPF_ROM_FUN_2(MPF_QSTR_remove, set_m_remove),
    MPF_ROM_FUN_1(MPF_QSTR_pop, set_m_pop),
    MPF_ROM_FUN_1(MPF_QSTR_clear, set_m_clear),
    MPF_ROM_FUN_VAR(MPF_QSTR_update, 1, 255, set_m_update),
    MPF_ROM_FUN_VAR(MPF_QSTR_intersection_update, 1, 255, set_m_intersection_update),
    MPF_ROM_FUN_VAR(MPF_QSTR_difference_update, 1, 255, set_m_difference_update),
    MPF_ROM_FUN_2(MPF_QSTR_symmetric_difference_update, set_m_symdiff_update),
    {MPF_ROM_QSTR(MPF_QSTR_copy), MPF_ROM_PTR(&set_copy_obj)},
    {MPF_ROM_QSTR(MPF_QSTR_union), MPF_ROM_PTR(&set_union_obj)},
    {MPF_ROM_QSTR(MPF_QSTR_intersection), MPF_ROM_PTR(&set_intersection_obj)},
    {MPF_ROM_QSTR(MPF_QSTR_difference), MPF_ROM_PTR(&set_difference_obj)},
    {MPF_ROM_QSTR(MPF_QSTR_symmetric_difference), MPF_ROM_PTR(&set_symdiff_obj)},
    {MPF_ROM_QSTR(MPF_QSTR_issubset), MPF_ROM_PTR(&set_issubset_obj)},
    {MPF_ROM_QSTR(MPF_QSTR_issuperset), MPF_ROM_PTR(&set_issuperset_obj)},
    {MPF_ROM_QSTR(MPF_QSTR_isdisjoint), MPF_ROM_PTR(&set_isdisjoint_obj)},
};
MPF_ROM_MAP(set_locals, set_locals_table);

const mpf_type_t mpf_type_set = MPF_TYPE(MPF_QSTR_set, MPF_TYPE_FLAG_SUBCLASSABLE | MPF_TYPE_FLAG_UNHASHABLE,
    (print, set_print),
    (make_new, set_make_new),
    (unary_op, set_unary_op),
    (binary_op, set_binary_op),
    (getiter, set_getiter),
    (locals, &set_locals));

#if CONFIG_BUILTIN_FROZENSET
static const mpf_rom_map_elem_t frozenset_locals_table[] = {
    {MPF_ROM_QSTR(MPF_QSTR_copy), MPF_ROM_PTR(&set_copy_obj)},
    {MPF_ROM_QSTR(MPF_QSTR_union), MPF_ROM_PTR(&set_union_obj)},
    {MPF_ROM_QSTR(MPF_QSTR_intersection), MPF_ROM_PTR(&set_intersection_obj)},
    {MPF_ROM_QSTR(MPF_QSTR_difference), MPF_ROM_PTR(&set_difference_obj)},
    {MPF_ROM_QSTR(MPF_QSTR_symmetric_difference), MPF_ROM_PTR(&set_symdiff_obj)},
    {MPF_ROM_QSTR(MPF_QSTR_issubset), MPF_ROM_PTR(&set_issubset_obj)},
    {MPF_ROM_QSTR(MPF_QSTR_issuperset), MPF_ROM_PTR(&set_issuperset_obj)},
    {MPF_ROM_QSTR(MPF_QSTR_isdisjoint), MPF_ROM_PTR(&set_isdisjoint_obj)},
};
MPF_ROM_MAP(frozenset_locals, frozenset_locals_table);

const mpf_type_t mpf_type_frozenset = MPF_TYPE(MPF_QSTR_frozenset, MPF_TYPE_FLAG_SUBCLASSABLE,
    (print, set_print),
    (make_new, set_make_new),
    (unary_op, set_unary_op),
    (binary_op, set_binary_op),
    (getiter, set_getiter),
    (locals, &frozenset_locals));
#endif
