// mod_heapq.c -- the heapq module: a binary min-heap kept in a plain list.
//
// heap[k] <= heap[2k+1] and heap[k] <= heap[2k+2]. Items are compared with `<` only.
// Popping uses the "sift to a leaf, then back up" variant (fewer comparisons, and the
// same list layout CPython produces, so printed heaps match).
#include "mpf.h"

static mpf_list_t *heap_arg(mpf_obj_t o) {
    if (!mpf_obj_is_type(o, &mpf_type_list)) {
        mpf_raise_msg(&mpf_type_TypeError, "heap argument must be a list");
    }
    return mpf_obj_ptr(o);
}

static bool less(mpf_obj_t a, mpf_obj_t b) {
    return mpf_obj_is_true(mpf_binary_op(MPF_BINARY_OP_LESS, a, b));
}

// A comparison may run Python code that resizes the list: stop then, as CPython does.
static void check_size(const mpf_list_t *l, size_t expected) {
    if (l->len != expected) {
        mpf_raise_msg(&mpf_type_RuntimeError, "list changed size during iteration");
    }
}

// Items move by swaps, not into a hole kept open while the item waits in a local: a comparison
// that raises (a Ctrl-C or a RecursionError in __lt__, ...) leaves every item in the list
// once (a hole left the item lost and its neighbour twice), as in CPython.
static void swap(mpf_list_t *l, size_t a, size_t b) {
    mpf_obj_t t = l->items[a];
    l->items[a] = l->items[b];
    l->items[b] = t;
}

// Move the item at [pos] up towards [start] while it is smaller than its parent.
static void sift_down(mpf_list_t *l, size_t start, size_t pos) {
    size_t n = l->len;
    while (pos > start) {
        size_t parent = (pos - 1) >> 1;
        bool lt = less(l->items[pos], l->items[parent]);
        check_size(l, n);
        if (!lt) {
            break;
        }
        swap(l, pos, parent);
        pos = parent;
    }
}

// Move the smaller child up from [pos] until a leaf is reached, the item down to it,
// then sift it back down to its place.
static void sift_up(mpf_list_t *l, size_t pos) {
    size_t end = l->len;
    size_t start = pos;
    size_t child = 2 * pos + 1;
    while (child < end) {
        size_t right = child + 1;
        if (right < end) {
            bool lt = less(l->items[child], l->items[right]);
            check_size(l, end);
            if (!lt) {
                child = right;
            }
        }
        swap(l, pos, child);
        pos = child;
        child = 2 * pos + 1;
    }
    sift_down(l, start, pos);
}

// Put [item] at the top in place of the smallest, restore the heap and return the smallest.
static mpf_obj_t replace_top(mpf_list_t *l, mpf_obj_t item) {
    mpf_obj_t top = l->items[0];
    l->items[0] = item;
    sift_up(l, 0);
    return top;
}

static mpf_obj_t heapq_heappush(mpf_obj_t heap, mpf_obj_t item) {
    mpf_list_t *l = heap_arg(heap);
    mpf_list_append(heap, item);
    sift_down(l, 0, l->len - 1);
    return MPF_OBJ_NONE;
}

static mpf_obj_t heapq_heappop(mpf_obj_t heap) {
    mpf_list_t *l = heap_arg(heap);
    if (l->len == 0) {
        mpf_raise_msg(&mpf_type_IndexError, "index out of range");
    }
    mpf_obj_t last = l->items[--l->len];
    l->items[l->len] = MPF_OBJ_NULL;
    if (l->len == 0) {
        return last;
    }
    return replace_top(l, last);
}

// heapreplace(heap, item): pop the smallest, then push item (the heap never shrinks).
static mpf_obj_t heapq_heapreplace(mpf_obj_t heap, mpf_obj_t item) {
    mpf_list_t *l = heap_arg(heap);
    if (l->len == 0) {
        mpf_raise_msg(&mpf_type_IndexError, "index out of range");
    }
    return replace_top(l, item);
}

// heappushpop(heap, item): push item, then pop the smallest (item itself if smaller).
static mpf_obj_t heapq_heappushpop(mpf_obj_t heap, mpf_obj_t item) {
    mpf_list_t *l = heap_arg(heap);
    if (l->len == 0 || !less(l->items[0], item)) {
        return item;
    }
    return replace_top(l, item);
}

static mpf_obj_t heapq_heapify(mpf_obj_t heap) {
    mpf_list_t *l = heap_arg(heap);
    for (size_t i = l->len / 2; i-- > 0;) {
        sift_up(l, i);
    }
    return MPF_OBJ_NONE;
}

// nsmallest / nlargest(n, iterable, key=None): sorted(iterable, key=key[, reverse])[:n],
// which is what CPython's results are defined to equal (ties keep their order).
static mpf_obj_t n_extreme(size_t n_args, size_t n_kw, const mpf_obj_t *args, bool largest) {
    static const mpf_qstr_t kws[] = {MPF_QSTR_n, MPF_QSTR_iterable, MPF_QSTR_key};
    mpf_obj_t a[3];
    mpf_qstr_t name = largest ? MPF_QSTR_nlargest : MPF_QSTR_nsmallest;
    mpf_arg_parse(n_args, n_kw, args, MPF_ARG_FUN(name, 0) | MPF_ARG_PY_STYLE, 3, 3, kws, a);
    if (a[0] == MPF_OBJ_NULL || a[1] == MPF_OBJ_NULL) {
        mpf_raise_fmt(&mpf_type_TypeError, "%q() missing required positional arguments", name);
    }
    mpf_obj_t key = a[2];
    if (key == MPF_OBJ_NONE) {
        key = MPF_OBJ_NULL;
    }
    mpf_int_t n = mpf_obj_get_int(a[0]);
    mpf_obj_t list = mpf_list_from_iter(a[1]);
    mpf_list_sort(list, key, largest);
    mpf_list_t *l = mpf_obj_ptr(list);
    if (n < 0) {
        n = 0;
    }
    if ((size_t)n < l->len) {
        for (size_t i = (size_t)n; i < l->len; i++) {
            l->items[i] = MPF_OBJ_NULL;
        }
        l->len = (size_t)n;
    }
    return list;
}

static mpf_obj_t heapq_nsmallest(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    return n_extreme(n_args, n_kw, args, false);
}

static mpf_obj_t heapq_nlargest(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    return n_extreme(n_args, n_kw, args, true);
}

static const mpf_rom_map_elem_t heapq_members_table[] = {
    MPF_ROM_FUN_2(MPF_QSTR_heappush, heapq_heappush),
    MPF_ROM_FUN_1(MPF_QSTR_heappop, heapq_heappop),
    MPF_ROM_FUN_1(MPF_QSTR_heapify, heapq_heapify),
    MPF_ROM_FUN_2(MPF_QSTR_heapreplace, heapq_heapreplace),
    MPF_ROM_FUN_2(MPF_QSTR_heappushpop, heapq_heappushpop),
    MPF_ROM_FUN_KW(MPF_QSTR_nsmallest, 0, heapq_nsmallest),
    MPF_ROM_FUN_KW(MPF_QSTR_nlargest, 0, heapq_nlargest),
};
MPF_ROM_MAP(heapq_members, heapq_members_table);

const mpf_builtin_module_t mpf_module_heapq = {MPF_QSTR_heapq, &heapq_members, NULL};
MPF_REGISTER_MODULE(MPF_QSTR_heapq, mpf_module_heapq);
