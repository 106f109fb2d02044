// qstr.c -- interned strings: the const pool generated at build time (sorted by length,
// dunder names first, then bytewise; with the .mpy loader it also holds the ABI's static strings, whose fixed
// ids are mapped onto the pool's) and runtime pools in the heap.
#include "mpf_int.h"

typedef mpf_qstr_entry_t qstr_entry_t;

// The core's pool (mpforge/qstr.py): one block of bytes holding the strings in id order
// (length, dunder names first, then bytes), without NUL terminators (every reader takes
// the length from here; mpf_str_cstr makes a C string). The strings of one length
// are consecutive and len bytes apart, but for its dunder names, which share their "__"
// (len - 2 apart: in_length), so where a string starts follows from its id, the first id
// of its length and where that one starts. Per string there is then only its length (1 byte,
// CONFIG_QSTR_POOL_LENGTHS; without it a binary search over the lengths finds it) and its
// 13.1 hash (2 bytes, CONFIG_QSTR_POOL_HASH; without it the hash is computed when asked;
// with it, the ids are also listed grouped by their hash's low bits, for mpf_qstr_find).
static const char qstr_static_bytes[] = MPF_QSTRID_PACKED_BYTES;
#if CONFIG_QSTR_POOL_LENGTHS
static const uint8_t qstr_static_len[] = {
    0,
#define QDEF(id, hash, len, off, str) len,
#include "qstrdefs.h"
#undef QDEF
};
_Static_assert(sizeof(qstr_static_len) == MPF_QSTRID_LAST_STATIC, "one length an id");
#endif
#if CONFIG_QSTR_POOL_HASH
static const uint16_t qstr_static_hash[] = {
    0,
#define QDEF(id, hash, len, off, str) hash,
#include "qstrdefs.h"
#undef QDEF
};
#endif

// How many of each length's strings (lengths 0 to the longest) start with the "__" that
// the one before ends with (mpforge/qstr.py shared_counts): where there are two or more
// dunder names, they come first, and all but the first of them.
static const MPF_QSTRID_LEN_COUNT_T qstr_shared[] = {MPF_QSTRID_SHARED};

// Where string [k] of the strings of length [n] starts, from where the first of them does.
static inline size_t in_length(size_t n, size_t k) {
    size_t e = qstr_shared[n];
    return k * n - 2 * (k < e ? k : e);
}

#if CONFIG_QSTR_POOL_LENGTHS
// Where each length starts among the ids and in the block of bytes (lengths 0 to the
// longest + 1): a string's place follows from its length at once.
static const MPF_QSTRID_BY_LEN_T qstr_by_len[] = {MPF_QSTRID_BY_LEN};
static const uint16_t qstr_off_by_len[] = {MPF_QSTRID_OFF_BY_LEN};
#define N_LENGTHS (sizeof(qstr_by_len) / sizeof(qstr_by_len[0]) - 1)
_Static_assert(sizeof(qstr_off_by_len) == (N_LENGTHS + 1) * sizeof(uint16_t), "one offset a length");

// The first id of the strings of length [n] (< N_LENGTHS), *off where it starts, and
// *count how many there are.
static inline size_t len_first(size_t n, size_t *off, size_t *count) {
    *off = qstr_off_by_len[n];
    *count = qstr_by_len[n + 1] - qstr_by_len[n];
    return qstr_by_len[n];
}
#else
// How many strings each length has (lengths 0 to the longest): where a length's strings
// start is summed up from those before it.
static const MPF_QSTRID_LEN_COUNT_T qstr_len_count[] = {MPF_QSTRID_LEN_COUNTS};
#define N_LENGTHS (sizeof(qstr_len_count) / sizeof(qstr_len_count[0]))

static inline size_t len_first(size_t n, size_t *off, size_t *count) {
    size_t id = 1, o = 0;
    for (size_t k = 0; k < n; k++) {
        id += qstr_len_count[k];
        o += qstr_len_count[k] * k - 2 * qstr_shared[k];
    }
    *off = o;
    *count = qstr_len_count[n];
    return id;
}
#endif
_Static_assert(sizeof(qstr_shared) == N_LENGTHS * sizeof(qstr_shared[0]), "one count a length");

#if CONFIG_PORT_HAS_FILESYSTEM
// The ids of the .mpy ABI's static strings (mpy-format.md 13.2), in ABI order: a loaded
// .mpy names them by their place in that order (from 1).
static const uint16_t qstr_abi_ids[MPF_QSTRID_ABI_COUNT] = {MPF_QSTRID_ABI_IDS};

mpf_qstr_t mpf_qstr_from_abi(size_t i) {
    return i >= 1 && i <= MPF_QSTRID_ABI_COUNT ? qstr_abi_ids[i - 1] : 0;
}

size_t mpf_qstr_to_abi(mpf_qstr_t q) {
    for (size_t i = 0; i < MPF_QSTRID_ABI_COUNT; i++) {
        if (qstr_abi_ids[i] == q) {
            return i + 1;
        }
    }
    return 0;
}
#endif

// Id 0 (no string) reads as the empty string.
static inline const char *static_data(size_t q, size_t *len) {
    size_t n, first, off;
#if CONFIG_QSTR_POOL_LENGTHS
    size_t count;
    n = qstr_static_len[q];
    first = len_first(n, &off, &count);
#else
    // the length whose strings [q] is among: the lengths in turn (id 0 is before length 0's)
    first = 1;
    off = 0;
    for (n = 0; n + 1 < N_LENGTHS && q >= first + qstr_len_count[n]; n++) {
        first += qstr_len_count[n];
        off += qstr_len_count[n] * n - 2 * qstr_shared[n];
    }
#endif
    *len = n;
    // (id 0 is before the first string of length 0: no bytes, at the block's start)
    return qstr_static_bytes + off + in_length(n, q - first);
}

// The runtime pool (mpf_state.qstr_pools): one heap block of entries, the strings
// interned at run time in id order from RUNTIME_FIRST; it doubles when full (moving: its
// entries point to the strings, which stay).
// An entry is laid out as a frozen pool's (a string of up to 65535 bytes): the two pools
// are read by the same code (dyn_entry).
// With CONFIG_QSTR_COLLECT an entry the collector released has hash 0 (no string's: see
// mpf_qstr_compute_hash) and is reused; the block ends with two bits an entry: the
// collector's marks, then whether it was made while a compilation runs (kept till it ends).
typedef struct qstr_pool {
    size_t n, alloc;
#if CONFIG_QSTR_COLLECT
    size_t n_dead;   // released entries below n
    size_t hint;     // none of them below this one
#endif
    qstr_entry_t e[];
} qstr_pool_t;
#if CONFIG_QSTR_COLLECT
#define POOL_BITS(alloc) ((alloc) / 4)
static inline uint8_t *mark_bits(qstr_pool_t *p) {
    return (uint8_t *)&p->e[p->alloc];
}
static inline uint8_t *young_bits(qstr_pool_t *p) {
    return mark_bits(p) + p->alloc / 8;
}
#else
#define POOL_BITS(alloc) 0
#endif
#define RUNTIME_FIRST (MPF_QSTRID_LAST_STATIC + mpf_frozen_qstr_count)

// The runtime pool starts with this many entries.
#define QSTR_POOL_FIRST 32

// The entry of frozen or runtime qstr [q] (at least MPF_QSTRID_LAST_STATIC), NULL if
// there is none.
static const qstr_entry_t *dyn_entry(mpf_qstr_t q) {
    if (q - MPF_QSTRID_LAST_STATIC < mpf_frozen_qstr_count) {  // (no test without frozen strings)
        return &mpf_frozen_qstr_pool[q - MPF_QSTRID_LAST_STATIC + 1];
    }
    const qstr_pool_t *p = mpf_state.qstr_pools;
    return p != NULL && q - RUNTIME_FIRST < p->n ? &p->e[q - RUNTIME_FIRST] : NULL;
}

#if CONFIG_QSTR_RUNTIME_INDEX
// Open-addressing hash index over every runtime qstr, so that interning a name (each
// attribute string a program builds, each qstr of a loaded .mpy) does not compare it
// with every runtime string made so far. A slot holds the id (0 = empty) and a key of
// the 13.1 hash and the length, compared before the bytes are.
typedef struct qstr_index {
    size_t size;  // slots, a power of two
    size_t used;
    struct {
        uint32_t id;
        uint32_t key;
    } slot[];
} qstr_index_t;
// First index size; it doubles when more than half full (probe sequences stay short).
#define QSTR_INDEX_FIRST 64

static inline uint32_t index_key(size_t hash, size_t len) {
    return (uint32_t)hash | ((uint32_t)len << 16);
}
// Start slot for [key] in an index of [size] slots: the hash mixed with the length.
static inline size_t index_start(uint32_t key, size_t size) {
    return (size_t)((key * 2654435761u) >> 7) & (size - 1);
}

// Put [id] with [key] into [ix] (which has a free slot).
static void index_insert(qstr_index_t *ix, uint32_t id, uint32_t key) {
    size_t i = index_start(key, ix->size);
    while (ix->slot[i].id != 0) {
        i = (i + 1) & (ix->size - 1);
    }
    ix->slot[i].id = id;
    ix->slot[i].key = key;
    ix->used++;
}

// Make room in the index for one more entry: grow it if that would pass half full.
static void index_reserve(void) {
    qstr_index_t *ix = mpf_state.qstr_index;
    if (ix == NULL || (ix->used + 1) * 2 > ix->size) {
        size_t size = ix == NULL ? QSTR_INDEX_FIRST : ix->size * 2;
        qstr_index_t *nx = mpf_gc_alloc(sizeof(qstr_index_t) + size * sizeof(nx->slot[0]), false);
        nx->size = size;
        if (ix != NULL) {
            for (size_t i = 0; i < ix->size; i++) {
                if (ix->slot[i].id != 0) {
                    index_insert(nx, ix->slot[i].id, ix->slot[i].key);
                }
            }
        }
        mpf_state.qstr_index = nx;
    }
}

// The runtime qstr of [len] bytes at [str] whose hash is [hash], 0 if none.
static mpf_qstr_t find_runtime(const char *str, size_t len, size_t hash) {
    const qstr_index_t *ix = mpf_state.qstr_index;
    if (ix != NULL) {
        uint32_t key = index_key(hash, len);
        for (size_t i = index_start(key, ix->size); ix->slot[i].id != 0; i = (i + 1) & (ix->size - 1)) {
            if (ix->slot[i].key == key) {
                size_t elen;
                const char *e = mpf_qstr_data(ix->slot[i].id, &elen);
                if (elen == len && memcmp(e, str, len) == 0) {
                    return ix->slot[i].id;
                }
            }
        }
    }
    return 0;
}
#endif

// The qstr of [len] bytes at [str] whose hash is [hash] among the frozen and runtime ones
// from id [q] (below [end]), 0 if none: each one's hash and length compared, then its
// bytes (the strings interned at run time without CONFIG_QSTR_RUNTIME_INDEX, the frozen
// modules' too without CONFIG_QSTR_FROZEN_SEARCH).
static mpf_qstr_t find_walk(const char *str, size_t len, size_t hash, mpf_qstr_t q, mpf_qstr_t end) {
    for (const qstr_entry_t *e; q < end && (e = dyn_entry(q)) != NULL; q++) {
        if (e->hash == hash && e->len == len && memcmp(e->str, str, len) == 0) {
            return q;
        }
    }
    return 0;
}

void mpf_qstr_init(void) {
    mpf_state.qstr_pools = NULL;
#if CONFIG_QSTR_RUNTIME_INDEX
    mpf_state.qstr_index = NULL;
#endif
}

size_t mpf_qstr_compute_hash(const uint8_t *data, size_t len) {
    uint32_t h = 5381;
    for (size_t i = 0; i < len; i++) {
        h = (h * 33) ^ data[i];
    }
    h &= 0xFFFF;
    return h ? h : 1;
}

#if CONFIG_QSTR_FROZEN_SEARCH
// Binary search for [str] (whose hash is [hash]) in the frozen modules' pool, sorted by
// hash, then length, then bytes (mpforge/qstr.py frozen_order): most steps compare the
// hashes only. Returns the pool index, or 0 when absent (index 0 is never a string).
static size_t find_frozen(const char *str, size_t len, size_t hash) {
    size_t lo = 1, hi = mpf_frozen_qstr_count + 1;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const qstr_entry_t *e = &mpf_frozen_qstr_pool[mid];
        int c = e->hash != hash ? (e->hash < hash ? -1 : 1)
              : e->len != len  ? (e->len < len ? -1 : 1)
                               : memcmp(e->str, str, len);
        if (c == 0) {
            return mid;
        } else if (c < 0) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return 0;
}
#endif

#if CONFIG_QSTR_POOL_HASH
// The pool's ids grouped by the low bits of their hash, about four a bucket
// (mpforge/qstr.py): where each bucket starts among the ids (and where the last ends).
static const uint16_t qstr_hash_starts[MPF_QSTRID_HASH_BUCKETS + 1] = {MPF_QSTRID_HASH_STARTS};
static const uint16_t qstr_hash_ids[] = {MPF_QSTRID_HASH_IDS};
_Static_assert(sizeof(qstr_hash_ids) == (MPF_QSTRID_LAST_STATIC - 1) * sizeof(uint16_t), "every id once");

// The id of [str] in the core's pool, 0 if absent: the few ids of its hash's bucket,
// their stored hashes compared before their bytes.
static size_t find_static(const char *str, size_t len, size_t hash) {
    size_t b = hash & (MPF_QSTRID_HASH_BUCKETS - 1);
    for (size_t k = qstr_hash_starts[b], end = qstr_hash_starts[b + 1]; k < end; k++) {
        size_t q = qstr_hash_ids[k];
        if (qstr_static_hash[q] == hash) {
            size_t n;
            const char *data = static_data(q, &n);
            if (n == len && memcmp(data, str, len) == 0) {
                return q;
            }
        }
    }
    return 0;
}
#else
// The id of [str] in the core's pool, 0 if absent: a binary search among the strings of
// its length, or where its dunder names come first, among those (mpforge/qstr.py
// is_dunder) or the others.
static size_t find_static(const char *str, size_t len) {
    if (len >= N_LENGTHS) {
        return 0;
    }
    size_t off, hi;
    size_t first = len_first(len, &off, &hi);
    const char *block = qstr_static_bytes + off;
    size_t lo = 0, e = qstr_shared[len];
    if (e != 0) {
        // the dunder names are [0, e], the others after them; none of the others starts
        // with "__" (a string that does and is none of them is not in the pool)
        if (str[0] == '_' && str[1] == '_') {
            hi = e + 1;
        } else {
            lo = e + 1;
        }
    }
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = memcmp(block + in_length(len, mid), str, len);
        if (c == 0) {
            return first + mid;
        } else if (c < 0) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return 0;
}
#endif

mpf_qstr_t mpf_qstr_find(const char *str, size_t len) {
#if CONFIG_QSTR_POOL_HASH
    size_t hash = mpf_qstr_compute_hash((const uint8_t *)str, len);
    size_t i = find_static(str, len, hash);
    if (i != 0) {
        return i;
    }
#else
    size_t i = find_static(str, len);
    if (i != 0) {
        return i;
    }
    size_t hash = mpf_qstr_compute_hash((const uint8_t *)str, len);
#endif
#if CONFIG_QSTR_FROZEN_SEARCH
    i = find_frozen(str, len, hash);
    if (i != 0) {
        return MPF_QSTRID_LAST_STATIC - 1 + i;  // the frozen modules' strings follow the core's
    }
    mpf_qstr_t walk_from = RUNTIME_FIRST;
#else
    mpf_qstr_t walk_from = MPF_QSTRID_LAST_STATIC;  // (the frozen modules' strings too)
#endif
#if CONFIG_QSTR_RUNTIME_INDEX
    i = find_walk(str, len, hash, walk_from, RUNTIME_FIRST);
    return i != 0 ? i : find_runtime(str, len, hash);
#else
    return find_walk(str, len, hash, walk_from, SIZE_MAX);
#endif
}

// Whether the next string interned takes a released entry of [p] (the lowest: ids handed
// out while no collection releases any rise, as CONFIG_COMPILER_MPY_CROSS_QSTRS needs of
// those a compilation's first pass makes).
static inline bool pool_reuses(const qstr_pool_t *p) {
#if CONFIG_QSTR_COLLECT
    return p->n_dead != 0;
#else
    (void)p;
    return false;
#endif
}

mpf_qstr_t mpf_qstr_from_strn(const char *str, size_t len) {
    mpf_qstr_t q = mpf_qstr_find(str, len);
    if (q != 0) {
        return q;
    }
    if (len > UINT16_MAX) {
        mpf_raise_memory_error();  // (an entry holds a 16-bit length)
    }
    qstr_pool_t *p = mpf_state.qstr_pools;
    if (p == NULL || (p->n == p->alloc && !pool_reuses(p))) {
        size_t alloc = p == NULL ? QSTR_POOL_FIRST : p->alloc * 2;
        // (the bytes added are zero: a new pool's counts, and the new place of the bits)
        qstr_pool_t *np = mpf_gc_realloc(p, sizeof(qstr_pool_t) + alloc * sizeof(np->e[0]) + POOL_BITS(alloc));
#if CONFIG_QSTR_COLLECT
        // the young bits to their new place (the old one is among the new entries)
        size_t old_alloc = np->alloc;
        np->alloc = alloc;
        memcpy(young_bits(np), (uint8_t *)&np->e[old_alloc] + old_alloc / 8, old_alloc / 8);
#endif
        np->alloc = alloc;
        mpf_state.qstr_pools = np;
    }
    char *data = mpf_gc_alloc(len + 1, false);
    memcpy(data, str, len);
    data[len] = 0;
    size_t hash = mpf_qstr_compute_hash((const uint8_t *)str, len);
#if CONFIG_QSTR_RUNTIME_INDEX
    // room in the index first: growing it may collect, and the new entry must not be half made
    index_reserve();
#endif
    // (a collection above may have released entries, never added any: there is room)
    p = mpf_state.qstr_pools;
    size_t i = p->n;
#if CONFIG_QSTR_COLLECT
    if (pool_reuses(p)) {
        while (p->e[p->hint].hash != 0) {
            p->hint++;
        }
        i = p->hint++;
        p->n_dead--;
    }
    if (mpf_state.qstr_hold >= MPF_QSTR_HOLD_NEW) {
        young_bits(p)[i >> 3] |= (uint8_t)(1u << (i & 7));
    }
#endif
    mpf_qstr_t id = RUNTIME_FIRST + i;
    p->e[i].hash = (uint16_t)hash;
    p->e[i].len = (uint16_t)len;
    p->e[i].str = data;
    p->n += i == p->n;
#if CONFIG_QSTR_RUNTIME_INDEX
    index_insert(mpf_state.qstr_index, (uint32_t)id, index_key(hash, len));
#endif
    return id;
}

#if CONFIG_QSTR_COLLECT
void mpf_qstr_gc_begin(uintptr_t *lo, uintptr_t *n, uint8_t **bits, void (*premark)(const void *)) {
    qstr_pool_t *p = mpf_state.qstr_pools;
    if (p == NULL || p->n == 0) {
        return;
    }
    premark(p);
#if CONFIG_QSTR_RUNTIME_INDEX
    premark(mpf_state.qstr_index);
#endif
    *lo = RUNTIME_FIRST;
    *n = p->n;
    *bits = mark_bits(p);
    // (the young ones are in use)
    memcpy(*bits, young_bits(p), (p->n + 7) / 8);
}

bool mpf_qstr_is_young(mpf_qstr_t q) {
    qstr_pool_t *p = mpf_state.qstr_pools;
    size_t i = q - RUNTIME_FIRST;
    return p != NULL && i < p->n && (young_bits(p)[i >> 3] >> (i & 7)) & 1;  // (i wraps below RUNTIME_FIRST)
}

void mpf_qstr_hold_end(void) {
    qstr_pool_t *p = mpf_state.qstr_pools;
    if (p != NULL) {
        memset(young_bits(p), 0, p->alloc / 8);
    }
}

void mpf_qstr_gc_end(void (*premark)(const void *)) {
    qstr_pool_t *p = mpf_state.qstr_pools;
    uint8_t *bits = mark_bits(p);
#if CONFIG_VM_FAST_PATHS
    // the one-character strings' cache holds 16-bit ids, which no scanned word shows: it
    // starts afresh (a character's next str finds its qstr again, or makes it anew)
    memset(mpf_state.one_char_qstr, 0, sizeof(mpf_state.one_char_qstr));
#endif
#if CONFIG_QSTR_RUNTIME_INDEX
    // the index anew, of the entries kept (it has room for them all: it had; a pool with
    // entries has one, made before its first entry)
    qstr_index_t *ix = mpf_state.qstr_index;
    memset(ix->slot, 0, ix->size * sizeof(ix->slot[0]));
    ix->used = 0;
#endif
    // from the top down: the released entries above the highest one kept are no longer in
    // the pool; those below it are reused, the lowest first
    size_t n = 0, dead = 0;
    for (size_t i = p->n; i-- > 0;) {
        qstr_entry_t *e = &p->e[i];
        if (e->hash != 0 && (bits[i >> 3] >> (i & 7)) & 1) {
            premark(e->str);
            n = n != 0 ? n : i + 1;
#if CONFIG_QSTR_RUNTIME_INDEX
            index_insert(ix, (uint32_t)(RUNTIME_FIRST + i), index_key(e->hash, e->len));
#endif
        } else {
            // (released now, or before)
            e->hash = 0;
            e->len = 0;
            e->str = "";
            if (n != 0) {
                dead++;
                p->hint = i;
            }
        }
    }
    p->n = n;
    p->n_dead = dead;
}
#endif

const char *mpf_qstr_data(mpf_qstr_t q, size_t *len) {
    if (q < MPF_QSTRID_LAST_STATIC) {
        return static_data(q, len);
    }
    const qstr_entry_t *e = dyn_entry(q);
    *len = e != NULL ? e->len : 0;
    return e != NULL ? e->str : "";
}

size_t mpf_qstr_hash(mpf_qstr_t q) {
    if (q < MPF_QSTRID_LAST_STATIC) {
#if CONFIG_QSTR_POOL_HASH
        return qstr_static_hash[q];
#else
        size_t len;
        const char *data = static_data(q, &len);
        return mpf_qstr_compute_hash((const uint8_t *)data, len);
#endif
    }
    const qstr_entry_t *e = dyn_entry(q);
    return e != NULL ? e->hash : 0;
}
