// map.c -- the insertion-ordered hash map behind dict, set, globals and instance dicts.
// Entries live in an array in insertion order (deleted ones keep a NULL key until the
// next resize compacts them); maps above SMALL_MAP entries also get an open-addressing
// index of entry numbers.
#include "mpf.h"

// Up to this many entries a map is searched linearly and has no index.
#define SMALL_MAP 8

void mpf_map_init(mpf_map_t *m, size_t n) {
    m->used = 0;
    m->count = 0;
    m->elems = n ? mpf_gc_alloc(n * sizeof(mpf_map_elem_t), false) : NULL;
    m->alloc = n;  // (once the block is there)
    m->index = NULL;
    m->index_size = 0;
}

void mpf_map_clear(mpf_map_t *m) {
    mpf_map_init(m, 0);
}

// What key_eq answers when the comparison's user code (__eq__) changed the map [m]: its
// entries or index may have moved or gone, so the caller searches again.
#define KEY_MAP_CHANGED 2

static __attribute__((noinline)) int key_eq_object(const mpf_map_t *m, mpf_obj_t a, mpf_obj_t b) {
    const mpf_map_elem_t *elems = m->elems;
    const uint32_t *index = m->index;
    size_t used = m->used;
    bool eq = mpf_obj_equal(a, b);
    return m->elems != elems || m->index != index || m->used != used ? KEY_MAP_CHANGED : eq;
}

// Key [a] of map [m] against [b]: 1 equal, 0 not, KEY_MAP_CHANGED.
static inline int key_eq(const mpf_map_t *m, mpf_obj_t a, mpf_obj_t b) {
    if (a == b) {
        return 1;
    }
    if (a == MPF_OBJ_NULL || (mpf_obj_is_qstr(a) && mpf_obj_is_qstr(b)) ||
        (mpf_obj_is_small_int(a) && mpf_obj_is_small_int(b))) {
        return 0;
    }
#if CONFIG_VM_FAST_PATHS
    // (the most common keys after qstrs and small ints: no user code, the map stays as it is)
    if (MPF_IS_STR_HOT(a) && MPF_IS_STR_HOT(b)) {
        return mpf_str_text_equal(a, b);
    }
#endif
    return key_eq_object(m, a, b);
}

// Build the index of [m]. Hashing a key may run user code (__hash__) that changes the
// map: the index is only installed when the map is still the one it was built for, and
// none is in place while it is built, so an exception leaves a map that searches its
// entries linearly (a map without an index is always consistent).
static void rebuild_index(mpf_map_t *m) {
    m->index = NULL;
    m->index_size = 0;
    if (m->alloc <= SMALL_MAP) {
        return;
    }
    const mpf_map_elem_t *elems = m->elems;
    const size_t used = m->used, alloc = m->alloc;
    size_t sz = 16;
    while (sz < alloc * 2) {
        sz *= 2;
    }
    // No room for it (a full heap) is no error: the map stays without one. (A MemoryError here
    // would leave the entry mpf_map_lookup has just added with no value.)
    uint32_t *index = mpf_gc_alloc_maybe(sz * sizeof(uint32_t));
    if (index == NULL) {
        return;
    }
    for (size_t i = 0; i < used; i++) {
        if (elems[i].key == MPF_OBJ_NULL) {
            continue;
        }
        size_t h = (size_t)mpf_obj_hash(elems[i].key) & (sz - 1);
        if (m->elems != elems || m->used != used || m->alloc != alloc || m->index != NULL) {
            return;  // changed by __hash__: what that left is consistent, this index is not
        }
        while (index[h] != 0) {
            h = (h + 1) & (sz - 1);
        }
        index[h] = (uint32_t)(i + 1);
    }
    m->index = index;
    m->index_size = sz;
}

// Make room for one more entry: compact away deleted entries or grow (the caller
// rebuilds the index).
static void grow(mpf_map_t *m) {
    if (m->count < m->used && m->count * 2 < m->alloc) {
        size_t j = 0;
        for (size_t i = 0; i < m->used; i++) {
            if (m->elems[i].key != MPF_OBJ_NULL) {
                m->elems[j++] = m->elems[i];
            }
        }
        for (size_t i = j; i < m->used; i++) {
            m->elems[i].key = m->elems[i].value = MPF_OBJ_NULL;
        }
        m->used = j;
    } else {
        size_t na = m->alloc < 4 ? 4 : m->alloc * 2;
        m->elems = mpf_gc_realloc(m->elems, na * sizeof(mpf_map_elem_t));
        m->alloc = na;
    }
}

mpf_map_elem_t *mpf_map_lookup(mpf_map_t *m, mpf_obj_t key, mpf_map_op_t op) {
    static mpf_map_elem_t removed;
    // The key's hash, computed at most once: __hash__ and __eq__ may change the map, and
    // then the search starts again from what they left (each may move or free the entries
    // and the index).
    bool hashed = false;
    bool reindexed = false;
    size_t hash = 0;
restart:;
    if (m->index != NULL && !hashed) {
        hash = (size_t)mpf_obj_hash(key);
        hashed = true;
    }
    size_t found = SIZE_MAX;
    size_t slot = 0;  // on a miss with an index: where the key's entry number goes
    int eq;
#if CONFIG_VM_FAST_PATHS
    // a loop over the entries, or one over the index
    if (m->index == NULL) {
        for (size_t i = 0; i < m->used; i++) {
            if ((eq = key_eq(m, m->elems[i].key, key)) != 0) {
                if (eq == KEY_MAP_CHANGED) {
                    goto restart;
                }
                found = i;
                break;
            }
        }
    } else {
        size_t mask = m->index_size - 1;
        slot = hash & mask;
        for (;;) {
            uint32_t e = m->index[slot];
            if (e == 0) {
                break;
            }
            if ((eq = key_eq(m, m->elems[e - 1].key, key)) != 0) {
                if (eq == KEY_MAP_CHANGED) {
                    goto restart;
                }
                found = e - 1;
                break;
            }
            slot = (slot + 1) & mask;
        }
    }
#else
    // one loop: over the index from the key's hash when the map has one, else over the
    // entries in order (the slot is the entry's number; with no index the mask is all ones)
    size_t mask = m->index_size - 1;
    if (m->index != NULL) {
        slot = hash & mask;
    }
    for (;; slot = (slot + 1) & mask) {
        size_t i = slot;
        if (m->index != NULL) {
            i = m->index[slot];
            if (i-- == 0) {
                break;
            }
        } else if (i >= m->used) {
            break;
        }
        if ((eq = key_eq(m, m->elems[i].key, key)) != 0) {
            if (eq == KEY_MAP_CHANGED) {
                goto restart;
            }
            found = i;
            break;
        }
    }
#endif
    if (found == SIZE_MAX && !hashed && mpf_obj_is_ptr(key)) {
        size_t used = m->used;
        const mpf_map_elem_t *elems = m->elems;
        hash = (size_t)mpf_obj_hash(key);  // unhashable keys raise even on a miss
        hashed = true;
        if (m->elems != elems || m->used != used || m->index != NULL) {
            goto restart;  // changed by __hash__
        }
    }
    if (found != SIZE_MAX) {
        if (op == MPF_MAP_REMOVE) {
            removed = m->elems[found];
            m->elems[found].key = MPF_OBJ_NULL;
            m->elems[found].value = MPF_OBJ_NULL;
            m->count--;
            return &removed;
        }
        return &m->elems[found];
    }
    if (op != MPF_MAP_LOOKUP_ADD) {
        return NULL;
    }
    if (m->used == m->alloc || (m->index == NULL && m->alloc > SMALL_MAP && !reindexed)) {
        // Room and index first, the entry after them: the index hashes every key (user
        // code, which may raise or change the map) and may find no room, and an exception
        // must leave the map without the key, not with an entry that has no value. Then
        // the search again, for the key's slot in the new index (or the map user code left).
        if (m->used == m->alloc) {
            grow(m);
        }
        rebuild_index(m);
        reindexed = true;  // (none again if it could not be built: the entries are searched)
        goto restart;
    }
    size_t i = m->used++;
    m->count++;
    m->elems[i].key = key;
    m->elems[i].value = MPF_OBJ_NULL;
    if (m->index != NULL) {
        m->index[slot] = (uint32_t)(i + 1);
    }
    return &m->elems[i];
}

mpf_obj_t mpf_map_get_qstr(mpf_map_t *m, mpf_qstr_t q) {
    mpf_obj_t key = mpf_obj_new_qstr(q);
#if CONFIG_VM_FAST_PATHS
    if (m->index == NULL) {
        // the usual hit first: the same qstr, compared as words
        const mpf_map_elem_t *e = m->elems, *end = e + m->used;
        bool objects = false;  // a key that is an object (a str equal to the qstr may be one)
        for (; e < end; e++) {
            if (e->key == key) {
                return e->value;
            }
            objects |= mpf_obj_is_ptr(e->key);
        }
        if (!objects) {
            return MPF_OBJ_NULL;
        }
        // else the search that compares objects (whose __eq__ may change the map)
    }
#endif
    mpf_map_elem_t *e = mpf_map_lookup(m, key, MPF_MAP_LOOKUP);
    return e ? e->value : MPF_OBJ_NULL;
}

mpf_obj_t mpf_rom_map_get(const mpf_rom_map_t *m, mpf_qstr_t q) {
    mpf_obj_t key = mpf_obj_new_qstr(q);
    if (key > UINT16_MAX) {
        return MPF_OBJ_NULL;  // not a static qstr: no const table has it
    }
    // compared as halfwords (a builtin function's key has its low bit set, a qstr's not)
#if CONFIG_FUN_FULL_OBJECTS
    uint16_t k = (uint16_t)key;
#define ROM_KEY(e) ((e)->key)
#else
    uint16_t k = (uint16_t)(key | 1);
#define ROM_KEY(e) ((uint16_t)((e)->key | 1))
#endif
    for (const mpf_rom_map_elem_t *e = m->elems, *end = e + m->n; e < end; e++) {
        if (ROM_KEY(e) == k) {
            return MPF_ROM_ELEM_VALUE(e);
        }
    }
#undef ROM_KEY
    return MPF_OBJ_NULL;
}
