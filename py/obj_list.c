// obj_list.c -- the mutable list (its items are a growable array: items.c).
#include "mpf_int.h"

mpf_obj_t mpf_obj_new_list(size_t n, const mpf_obj_t *items) {
    mpf_list_t *l = mpf_new(mpf_list_t);
    l->base.type = &mpf_type_list;
    l->alloc = n < 4 ? 4 : n;
    l->items = mpf_gc_alloc_var(0, sizeof(mpf_obj_t), l->alloc, false);
    l->len = n;
    if (items != NULL && n > 0) {
        memcpy(l->items, items, n * sizeof(mpf_obj_t));
    }
    return mpf_obj_from_ptr(l);
}

mpf_obj_t mpf_obj_new_list_from_array(size_t n, const mpf_obj_t *items) {
    return mpf_obj_new_list(n, items);
}

static void list_grow(mpf_list_t *l, size_t need) {
    if (need > l->alloc) {
        l->items = mpf_items_grow(l->items, &l->alloc, need, sizeof(mpf_obj_t));
    }
}

void mpf_list_append(mpf_obj_t self, mpf_obj_t v) {
    mpf_list_t *l = mpf_obj_ptr(self);
    list_grow(l, l->len + 1);
    l->items[l->len++] = v;
}

static void list_extend_from(mpf_obj_t self, mpf_obj_t iterable) {
#if CONFIG_VM_FAST_PATHS
    // a list or tuple: its items at once
    if (mpf_obj_is_type(iterable, &mpf_type_list) || mpf_obj_is_type(iterable, &mpf_type_tuple)) {
        size_t n;
        mpf_obj_t *items;
        mpf_obj_get_array(iterable, &n, &items);
        mpf_list_t *l = mpf_obj_ptr(self);
        list_grow(l, l->len + n);
        mpf_obj_get_array(iterable, &n, &items); // may have moved if iterable is self
        memmove(l->items + l->len, items, n * sizeof(mpf_obj_t));
        l->len += n;
        return;
    }
#else
    if (iterable == self) {
        // l.extend(l), l += l: the items it has now (its iterator would see the new ones)
        const mpf_list_t *l = mpf_obj_ptr(self);
        iterable = mpf_obj_new_tuple(l->len, l->items);
    }
#endif
    mpf_obj_t it = mpf_getiter(iterable);
    mpf_obj_t v;
    while ((v = mpf_iternext(it)) != MPF_OBJ_STOP) {
        mpf_list_append(self, v);
    }
}

mpf_obj_t mpf_list_from_iter(mpf_obj_t iterable) {
    mpf_obj_t l = mpf_obj_new_list(0, NULL);
    list_extend_from(l, iterable);
    return l;
}

static void list_print(const mpf_print_t *p, mpf_obj_t self, mpf_print_kind_t kind) {
    (void)kind;
    mpf_seq_print(p, mpf_obj_ptr(self), MPF_SEQ_PRINT_LIST);
}

static mpf_obj_t list_make_new(const mpf_type_t *type, size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)type;
    return mpf_seq_make_new(n_args, n_kw, args, mpf_list_from_iter);
}

static mpf_obj_t list_binary_op(int op, mpf_obj_t lhs, mpf_obj_t rhs) {
    mpf_list_t *a = mpf_obj_ptr(lhs);
    switch (op) {
        case MPF_BINARY_OP_INPLACE_ADD:
            list_extend_from(lhs, rhs);
            return lhs;
        case MPF_BINARY_OP_INPLACE_MULTIPLY: {
            mpf_obj_t r = mpf_seq_binary_op(MPF_BINARY_OP_MULTIPLY, lhs, rhs, &mpf_type_list, mpf_obj_new_list);
            if (r == MPF_OBJ_NULL) {
                return r;
            }
            const mpf_list_t *l = mpf_obj_ptr(r);
            a->items = l->items;
            a->len = l->len;
            a->alloc = l->alloc;
            return lhs;
        }
        default:
            return mpf_seq_binary_op(op, lhs, rhs, &mpf_type_list, mpf_obj_new_list);
    }
}

static mpf_obj_t list_unary_op(int op, mpf_obj_t self) {
    return mpf_seq_unary_op(op, ((const mpf_list_t *)mpf_obj_ptr(self))->len);
}

// Shorten the list to [new_len] after items were removed: clear the slots left behind,
// so the GC does not keep what they pointed to.
static void list_truncate(mpf_list_t *l, size_t new_len) {
    memset(l->items + new_len, 0, (l->len - new_len) * sizeof(mpf_obj_t));
    l->len = new_len;
}

static void list_delete_range(mpf_list_t *l, size_t start, size_t n) {
    list_truncate(l, mpf_items_splice(l->items, l->len, sizeof(mpf_obj_t), start, start + n, NULL, 0));
}

// l[slice] = value, or del l[slice] (value NULL). Out of line: inlined, it would cost
// list_subscr's index path (the common one) register saves on every call.
__attribute__((noinline)) static void list_store_slice(mpf_list_t *l, mpf_obj_t slice, mpf_obj_t value) {
    // The bounds first, then the items to store (as CPython's): each may run user code
    // (__index__, an iterator) that changes the list, so the bounds are clamped again to
    // its length once the items are there.
    mpf_int_t start, stop, step;
    mpf_slice_indices(slice, &l->len, &start, &stop, &step);
    // (a step of 1, the common case, without the count's division)
    size_t n = step != 1 ? mpf_seq_slice_count(start, stop, step) : stop > start ? (size_t)(stop - start) : 0;
    if (value == MPF_OBJ_NULL) {
        list_truncate(l, mpf_items_delete_step(l->items, l->len, sizeof(mpf_obj_t), start, step, n));
        return;
    }
    size_t len = l->len;
    mpf_obj_t src = mpf_list_from_iter(value);
    if (l->len != len) {
        if (step != 1) {
            mpf_raise_msg(&mpf_type_RuntimeError, "list changed size during extended slice assignment");
        }
        start = start > (mpf_int_t)l->len ? (mpf_int_t)l->len : start;
        n = (size_t)start + n > l->len ? l->len - (size_t)start : n;
    }
    const mpf_list_t *s = mpf_obj_ptr(src);
    if (step != 1) {
        // extended slice: as many items as it selects
        if (s->len != n) {
            mpf_raise_fmt(&mpf_type_ValueError, "attempt to assign sequence of size %u to extended slice of size %u", (unsigned)s->len, (unsigned)n);
        }
        mpf_items_scatter(l->items, sizeof(mpf_obj_t), start, step, s->items, n);
        return;
    }
    if (s->len > n) {
        list_grow(l, l->len + s->len - n);
    }
    l->len = mpf_items_splice(l->items, l->len, sizeof(mpf_obj_t), (size_t)start, (size_t)start + n, s->items, s->len);
}

static mpf_obj_t list_subscr(mpf_obj_t self, mpf_obj_t index, mpf_obj_t value) {
    mpf_list_t *l = mpf_obj_ptr(self);
    if (mpf_obj_is_type(index, &mpf_type_slice)) {
        if (value == MPF_OBJ_SENTINEL) {
            return mpf_seq_slice(self, index, mpf_obj_new_list_from_array);
        }
        list_store_slice(l, index, value);
        return MPF_OBJ_NONE;
    }
    size_t i = mpf_get_index(&mpf_type_list, &l->len, index, value == MPF_OBJ_SENTINEL ? MPF_INDEX_LOAD : MPF_INDEX_STORE);
    if (value == MPF_OBJ_SENTINEL) {
        return l->items[i];
    }
    if (value == MPF_OBJ_NULL) {
        list_delete_range(l, i, 1);
    } else {
        l->items[i] = value;
    }
    return MPF_OBJ_NONE;
}

static mpf_obj_t list_append(mpf_obj_t self, mpf_obj_t v) {
    mpf_list_append(self, v);
    return MPF_OBJ_NONE;
}

static mpf_obj_t list_extend(mpf_obj_t self, mpf_obj_t it) {
    list_extend_from(self, it);
    return MPF_OBJ_NONE;
}

static mpf_obj_t list_insert(mpf_obj_t self, mpf_obj_t idx, mpf_obj_t v) {
    mpf_list_t *l = mpf_obj_ptr(self);
    size_t i = mpf_seq_clamp_index(mpf_obj_get_int(idx), l->len);
    list_grow(l, l->len + 1);
    l->len = mpf_items_splice(l->items, l->len, sizeof(mpf_obj_t), i, i, &v, 1);
    return MPF_OBJ_NONE;
}

static mpf_obj_t list_pop(size_t n_args, const mpf_obj_t *args) {
    mpf_list_t *l = mpf_obj_ptr(args[0]);
    if (l->len == 0) {
        mpf_raise_msg(&mpf_type_IndexError, "pop from empty list");
    }
    size_t i = n_args > 1 ? mpf_get_index(&mpf_type_list, &l->len, args[1], MPF_INDEX_POP) : l->len - 1;
    mpf_obj_t v = l->items[i];
    list_delete_range(l, i, 1);
    return v;
}

static mpf_obj_t list_remove(mpf_obj_t self, mpf_obj_t v) {
    mpf_list_t *l = mpf_obj_ptr(self);
    for (size_t i = 0; i < l->len; i++) {
        if (mpf_obj_equal(l->items[i], v)) {
            if (i < l->len) {  // (__eq__ may have shortened the list: then nothing goes)
                list_delete_range(l, i, 1);
            }
            return MPF_OBJ_NONE;
        }
    }
    mpf_raise_msg(&mpf_type_ValueError, "list.remove(x): x not in list");
}

static mpf_obj_t list_clear(mpf_obj_t self) {
    mpf_list_t *l = mpf_obj_ptr(self);
    l->len = 0;
    l->alloc = 4;
    l->items = mpf_gc_alloc(4 * sizeof(mpf_obj_t), false);
    return MPF_OBJ_NONE;
}

static mpf_obj_t list_copy(mpf_obj_t self) {
    const mpf_list_t *l = mpf_obj_ptr(self);
    return mpf_obj_new_list(l->len, l->items);
}

void mpf_list_reverse(mpf_obj_t self) {
    mpf_list_t *l = mpf_obj_ptr(self);
    for (size_t i = 0; i < l->len / 2; i++) {
        mpf_obj_t t = l->items[i];
        l->items[i] = l->items[l->len - 1 - i];
        l->items[l->len - 1 - i] = t;
    }
}

static mpf_obj_t list_reverse(mpf_obj_t self) {
    mpf_list_reverse(self);
    return MPF_OBJ_NONE;
}

// An item being sorted and its key (the item itself without a key function): moving
// both as one value keeps the merge to one copy per step.
typedef struct sort_pair {
    mpf_obj_t key, item;
} sort_pair_t;

static bool sort_less(mpf_obj_t a, mpf_obj_t b, bool reverse) {
    if (reverse) {
        return mpf_obj_is_true(mpf_binary_op(MPF_BINARY_OP_LESS, b, a));
    }
    return mpf_obj_is_true(mpf_binary_op(MPF_BINARY_OP_LESS, a, b));
}

#if CONFIG_VM_FAST_PATHS
// Stable merge sort of the [n] pairs at [a] by key; [tmp]: room for n / 2 pairs. Equal
// keys keep their order (the right half's item goes first only when strictly less).
static void merge_sort(sort_pair_t *a, sort_pair_t *tmp, size_t n, bool reverse) {
    if (n < 2) {
        return;
    }
    size_t h = n / 2;
    merge_sort(a, tmp, h, reverse);
    merge_sort(a + h, tmp, n - h, reverse);
    memcpy(tmp, a, h * sizeof(sort_pair_t));
    size_t i = 0, j = h, k = 0;
    while (i < h) {  // the right half's rest is in place already
        a[k++] = j < n && sort_less(a[j].key, tmp[i].key, reverse) ? a[j++] : tmp[i++];
    }
}
#define SORT_TMP(n) ((n) / 2)
#else
// The smaller images: a stable binary insertion sort of the [n] pairs at [a] by key (as
// many comparisons as the merge sort, up to n * n / 4 pairs moved). Each item goes after
// the ones with an equal key.
static void insertion_sort(sort_pair_t *a, size_t n, bool reverse) {
    for (size_t i = 1; i < n; i++) {
        const sort_pair_t x = a[i];
        size_t lo = 0, hi = i;
        while (lo < hi) {
            size_t mid = (lo + hi) / 2;
            if (sort_less(x.key, a[mid].key, reverse)) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        memmove(a + lo + 1, a + lo, (i - lo) * sizeof(sort_pair_t));
        a[lo] = x;
    }
}
#define SORT_TMP(n) 0
#endif

void mpf_list_sort(mpf_obj_t self, mpf_obj_t key, bool reverse) {
    mpf_list_t *l = mpf_obj_ptr(self);
    size_t n = l->len;
    if (n == 0) {
        return;  // (one item is still given to the key function, as CPython does)
    }
    // n pairs and the merge's n / 2; the pairs hold the only references to the items
    // while a key or comparison runs, so a change to the list does not lose them
    sort_pair_t *pairs = mpf_gc_alloc_var(0, sizeof(sort_pair_t), n + SORT_TMP(n), false);
    const mpf_obj_t *items = l->items;
    for (size_t i = 0; i < n; i++) {
        pairs[i].item = items[i];
    }
    for (size_t i = 0; i < n; i++) {
        pairs[i].key = key == MPF_OBJ_NULL || key == MPF_OBJ_NONE ? pairs[i].item : mpf_call1(key, pairs[i].item);
    }
#if CONFIG_VM_FAST_PATHS
    merge_sort(pairs, pairs + n, n, reverse);
#else
    insertion_sort(pairs, n, reverse);
#endif
    if (l->items != items || l->len != n) {
        // a key or comparison changed the list: its storage may be gone or smaller
        mpf_raise_msg(&mpf_type_ValueError, "list modified during sort");
    }
    for (size_t i = 0; i < n; i++) {
        l->items[i] = pairs[i].item;
    }
    mpf_gc_free(pairs);
}

void mpf_list_sort_kw(mpf_obj_t self, size_t n_kw, const mpf_obj_t *kw) {
    static const mpf_qstr_t kws[] = {MPF_QSTR_key, MPF_QSTR_reverse};
    mpf_obj_t a[2];
    mpf_arg_parse(0, n_kw, kw, MPF_ARG_FUN(MPF_QSTR_sort, 0), 0, 2, kws, a);
    mpf_list_sort(self, a[0], a[1] != MPF_OBJ_NULL && mpf_obj_is_true(a[1]));
}

static mpf_obj_t list_sort(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    if (n_args > 1) {
        mpf_raise_msg(&mpf_type_TypeError, "sort() takes no positional arguments");
    }
    mpf_list_sort_kw(args[0], n_kw, args + 1);
    return MPF_OBJ_NONE;
}

static const mpf_rom_map_elem_t list_locals_table[] = {
    MPF_ROM_FUN_2(MPF_QSTR_append, list_append),
    MPF_ROM_FUN_2(MPF_QSTR_extend, list_extend),
    MPF_ROM_FUN_3(MPF_QSTR_insert, list_insert),
    MPF_ROM_FUN_VAR(MPF_QSTR_pop, 1, 2, list_pop),
    MPF_ROM_FUN_2(MPF_QSTR_remove, list_remove),
    MPF_ROM_FUN_1(MPF_QSTR_clear, list_clear),
    MPF_ROM_FUN_1(MPF_QSTR_copy, list_copy),
    MPF_ROM_FUN_1(MPF_QSTR_reverse, list_reverse),
    MPF_ROM_FUN_KW(MPF_QSTR_sort, 1, list_sort),
    {MPF_ROM_QSTR(MPF_QSTR_count), MPF_ROM_PTR(&mpf_seq_count_obj)},
    {MPF_ROM_QSTR(MPF_QSTR_index), MPF_ROM_PTR(&mpf_seq_index_obj)},
};
MPF_ROM_MAP(list_locals, list_locals_table);

const mpf_type_t mpf_type_list = MPF_TYPE(MPF_QSTR_list, MPF_TYPE_FLAG_SUBCLASSABLE | MPF_TYPE_FLAG_UNHASHABLE,
    (print, list_print),
    (make_new, list_make_new),
    (unary_op, list_unary_op),
    (binary_op, list_binary_op),
    (subscr, list_subscr),
    (getiter, mpf_seq_getiter),
    (locals, &list_locals));
