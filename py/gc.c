// gc.c -- mark-sweep garbage collector over the port's fixed heap region.
//
// The region is split into an allocation table (2 bits per block), a finaliser table
// (1 bit per block) and the blocks themselves (MPF_GC_BLOCK_WORDS words each). An
// object occupies one HEAD block and zero or more TAIL blocks. Marking is conservative:
// any word in a root or in a reachable block that points into a block keeps that block's
// object alive (interior pointers included, as C code keeps pointers to items).
#include "mpf_int.h"
#include "port.h"

#define BLOCK_BYTES (MPF_GC_BLOCK_WORDS * sizeof(mpf_uint_t))
enum { AT_FREE = 0, AT_HEAD = 1, AT_TAIL = 2, AT_MARK = 3 };
#define ATB_ALL_TAIL 0xAA  // a table byte whose 4 blocks are all AT_TAIL
// Depth of the explicit mark stack; deeper structures fall back to a heap rescan.
#define MARK_STACK_SIZE 64

static struct {
    uint8_t *atb;      // allocation table
    uint8_t *ftb;      // finaliser table
    uint8_t *pool;     // first block
    size_t n_blocks;   // blocks in use so far: the tables are valid (cleared) up to here
    size_t n_total;    // blocks the region holds
    size_t first_free; // no free block below this index
    size_t cursor;     // next-fit: where the last search ended (the next one starts here)
    size_t mark_sp;
    bool mark_overflow;
    bool collecting;
    bool auto_off;     // gc.disable(): an allocation that finds no room fails at once
#if CONFIG_MODULE_MICROPYTHON
    uint16_t locked;   // micropython.heap_lock() depth: while > 0 every allocation fails
#endif
    // During marking: blocks [tail_lo, tail_hi] are known to belong to the object
    // whose head is tail_lo (an interior-pointer lookup walked them), so further
    // pointers into a large object (the frame stack, a big list) skip the walk.
    size_t tail_lo, tail_hi;
    size_t fs_block;   // during marking: the VM's frame stack (its live part is scanned, not the block)
#if CONFIG_QSTR_COLLECT
    // During marking: the runtime qstr ids [q_lo, q_lo + q_n) (q_n 0: none is looked for), a
    // bit each at q_bits, set when a scanned word is one's id or its str object; the blocks of
    // the qstr tables (marked first, never scanned: their words are no references)
    uintptr_t q_lo, q_n;
    uint8_t *q_bits;
    size_t q_block[2];
#endif
    size_t mark_stack[MARK_STACK_SIZE];
} gc MPF_OWN_SECTION("gc");

static inline unsigned at_get(size_t b) {
    return (gc.atb[b >> 2] >> ((b & 3) * 2)) & 3;
}
static inline void at_set(size_t b, unsigned v) {
    uint8_t *p = &gc.atb[b >> 2];
    *p = (uint8_t)((*p & ~(3u << ((b & 3) * 2))) | (v << ((b & 3) * 2)));
}
// Set blocks [from, to) to [v].
#if CONFIG_GC_FAST_SCAN
// The partial table bytes at either end through a mask, the whole ones between at once
// (4 blocks each).
static void at_fill(size_t from, size_t to, unsigned v) {
    if (from >= to) {
        return;
    }
    const unsigned pattern = v * 0x55u;
    const size_t first = from >> 2, last = (to - 1) >> 2;
    // the bits of the blocks from [from] to the end of its byte, and up to [to - 1] in its own
    unsigned head_mask = (0xFFu << ((from & 3) * 2)) & 0xFFu;
    const unsigned tail_mask = 0xFFu >> ((3 - ((to - 1) & 3)) * 2);
    if (first == last) {
        head_mask &= tail_mask;
    }
    gc.atb[first] = (uint8_t)((gc.atb[first] & ~head_mask) | (pattern & head_mask));
    if (first == last) {
        return;
    }
    if (last > first + 1) {
        memset(gc.atb + first + 1, (int)pattern, last - first - 1);
    }
    gc.atb[last] = (uint8_t)((gc.atb[last] & ~tail_mask) | (pattern & tail_mask));
}
#else
static void at_fill(size_t from, size_t to, unsigned v) {
    for (size_t b = from; b < to; b++) {
        at_set(b, v);
    }
}
#endif
static size_t obj_blocks(size_t head);

// The first block after head [b] that is not one of its tails.
static size_t tails_end(size_t b) {
#if !CONFIG_GC_FAST_SCAN
    return b + obj_blocks(b);
#else
    size_t t = b + 1;
    while (t < gc.n_blocks && (t & 3) != 0) {
        if (at_get(t) != AT_TAIL) {
            return t;
        }
        t++;
    }
    while (t + 4 <= gc.n_blocks && gc.atb[t >> 2] == ATB_ALL_TAIL) {
        t += 4;
    }
    while (t < gc.n_blocks && at_get(t) == AT_TAIL) {
        t++;
    }
    return t;
#endif
}
static inline bool ft_get(size_t b) {
    return (gc.ftb[b >> 3] >> (b & 7)) & 1;
}
static inline void ft_set(size_t b, bool v) {
    if (v) {
        gc.ftb[b >> 3] |= (uint8_t)(1u << (b & 7));
    } else {
        gc.ftb[b >> 3] &= (uint8_t)~(1u << (b & 7));
    }
}

#if CONFIG_GC_FAST_SCAN
// The first part of the heap in use, in blocks (a multiple of 32, so each growth
// starts on whole bytes of both tables).
#define ACTIVE_FIRST 2048

// Bring at least [nb] more blocks into use (up to the whole region): clear their
// allocation and finaliser table entries. The active part at least doubles each time.
static void grow_active(size_t nb) {
    size_t old = gc.n_blocks;
    size_t want = old + (nb > old ? nb : old);
    want = (want + 31) & ~(size_t)31;
    if (want > gc.n_total || want < old) {
        want = gc.n_total;
    }
    memset(gc.atb + old / 4, 0, (want + 3) / 4 - old / 4);
    memset(gc.ftb + old / 8, 0, (want + 7) / 8 - old / 8);
    gc.n_blocks = want;
}
#endif

void mpf_gc_init(void *start, size_t size) {
    uintptr_t s = ((uintptr_t)start + sizeof(mpf_uint_t) - 1) & ~(uintptr_t)(sizeof(mpf_uint_t) - 1);
    uintptr_t e = ((uintptr_t)start + size) & ~(uintptr_t)(BLOCK_BYTES - 1);
    size_t avail = e - s;
    // each block costs BLOCK_BYTES + 2/8 + 1/8 bytes of table
    size_t n = (avail * 8) / (BLOCK_BYTES * 8 + 3);
    gc.atb = (uint8_t *)s;
    gc.ftb = gc.atb + (n + 3) / 4;
    uintptr_t pool = (uintptr_t)(gc.ftb + (n + 7) / 8);
    pool = (pool + BLOCK_BYTES - 1) & ~(uintptr_t)(BLOCK_BYTES - 1);
    while (n > 0 && pool + n * BLOCK_BYTES > e) {
        n--;
    }
    gc.pool = (uint8_t *)pool;
    gc.n_total = n;
#if CONFIG_GC_FAST_SCAN
    // The tables are cleared as the heap is first used (grow_active), not all at once:
    // a large heap (8 MB on the host) starts as fast as a small one.
    gc.n_blocks = 0;
    grow_active(ACTIVE_FIRST);
#else
    // all of it in use at once (both tables cleared: on a small heap that costs nothing)
    memset(gc.atb, 0, (size_t)(gc.ftb - gc.atb) + (n + 7) / 8);
    gc.n_blocks = n;
#endif
    gc.first_free = 0;
    gc.cursor = 0;
}

// The block index holding address [p], or SIZE_MAX if [p] is not inside the pool.
static inline size_t block_of(uintptr_t p) {
    if (p < (uintptr_t)gc.pool || p >= (uintptr_t)gc.pool + gc.n_blocks * BLOCK_BYTES) {
        return SIZE_MAX;
    }
    return (p - (uintptr_t)gc.pool) / BLOCK_BYTES;
}

static size_t obj_blocks(size_t head) {
    size_t b = head + 1;
    while (b < gc.n_blocks && at_get(b) == AT_TAIL) {
        b++;
    }
    return b - head;
}

// Mark the object containing address [p] (if any) and queue it for scanning.
static void mark_addr(uintptr_t p) {
    size_t b = block_of(p);
    if (b == SIZE_MAX) {
        return;
    }
    unsigned a = at_get(b);
    if (a == AT_FREE) {
        return;
    }
    if (a == AT_TAIL) {
        if (b >= gc.tail_lo && b <= gc.tail_hi) {
            b = gc.tail_lo;
            a = at_get(b);
        } else {
            // walk back to the head: 32 tail blocks (8 table bytes) at a time where
            // the table is aligned for it, else 4 (one byte), else one
            size_t from = b;
            while (a == AT_TAIL) {
#if CONFIG_GC_FAST_SCAN
                if ((b & 31) == 0 && b >= 32) {
                    uint64_t w;
                    memcpy(&w, &gc.atb[(b >> 2) - 8], sizeof(w));
                    if (w == ATB_ALL_TAIL * 0x0101010101010101ull) {
                        b -= 32;
                        continue;
                    }
                }
                if ((b & 3) == 0 && b >= 4 && gc.atb[(b >> 2) - 1] == ATB_ALL_TAIL) {
                    b -= 4;
                    continue;
                }
#endif
                a = at_get(--b);
            }
            gc.tail_lo = b;
            gc.tail_hi = from;
        }
    }
    if (a != AT_HEAD) {
        return; // already marked
    }
    at_set(b, AT_MARK);
    if (gc.mark_sp < MARK_STACK_SIZE) {
        gc.mark_stack[gc.mark_sp++] = b;
    } else {
        gc.mark_overflow = true;
    }
}

#if CONFIG_QSTR_COLLECT
// A scanned word [w]: if it is a runtime qstr's id or its str object, that qstr is in use.
static inline void mark_qstr(uintptr_t w) {
    uintptr_t i = w - gc.q_lo;
    if (i >= gc.q_n) {
        i = (w >> 2) - gc.q_lo;
        if ((w & 3) != 2 || i >= gc.q_n) {
            return;
        }
    }
    gc.q_bits[i >> 3] |= (uint8_t)(1u << (i & 7));
}

// Mark block [p] (if a heap block's start) without scanning it.
static void premark(const void *p) {
    size_t b = block_of((uintptr_t)p);
    if (b != SIZE_MAX && at_get(b) == AT_HEAD) {
        at_set(b, AT_MARK);
    }
}
#else
static inline void mark_qstr(uintptr_t w) {
    (void)w;
}
#endif

static void scan_block(size_t head) {
    const uintptr_t *w = (const uintptr_t *)(gc.pool + head * BLOCK_BYTES);
    size_t n = obj_blocks(head) * MPF_GC_BLOCK_WORDS;
    for (size_t i = 0; i < n; i++) {
        mark_qstr(w[i]);
        mark_addr(w[i]);
    }
}

// Whether block [b] is one the marking leaves unscanned (the frame stack, the qstr tables).
static inline bool unscanned(size_t b) {
#if CONFIG_QSTR_COLLECT
    if (b == gc.q_block[0] || b == gc.q_block[1]) {
        return true;
    }
#endif
    return b == gc.fs_block;
}

static void drain(void) {
    for (;;) {
        while (gc.mark_sp > 0) {
            scan_block(gc.mark_stack[--gc.mark_sp]);
        }
        if (!gc.mark_overflow) {
            return;
        }
        gc.mark_overflow = false;
        for (size_t b = 0; b < gc.n_blocks; b++) {
            if (at_get(b) == AT_MARK && !unscanned(b)) {
                scan_block(b);
                while (gc.mark_sp > 0) {
                    scan_block(gc.mark_stack[--gc.mark_sp]);
                }
            }
        }
    }
}

#if defined(__GNUC__) || defined(__clang__)
#define NO_ASAN __attribute__((no_sanitize_address))
#else
#define NO_ASAN
#endif

// Conservatively mark every word between [lo] and [hi] (word aligned).
NO_ASAN static void mark_range(const void *lo, const void *hi) {
    uintptr_t a = ((uintptr_t)lo + sizeof(uintptr_t) - 1) & ~(uintptr_t)(sizeof(uintptr_t) - 1);
    uintptr_t pool_lo = (uintptr_t)gc.pool, pool_hi = pool_lo + gc.n_blocks * BLOCK_BYTES;
    for (; a + sizeof(uintptr_t) <= (uintptr_t)hi; a += sizeof(uintptr_t)) {
        uintptr_t w = *(const volatile uintptr_t *)a;
        mark_qstr(w);
        if (w < pool_lo || w >= pool_hi) {
            continue;  // most stack words are not heap pointers: skip the call
        }
        mark_addr(w);
        if (gc.mark_sp >= MARK_STACK_SIZE / 2) {
            drain();
        }
    }
}

// Spill callee-saved registers into a jmp_buf on this frame, then scan the C stack.
NO_ASAN __attribute__((noinline)) static void mark_stack(void) {
    jmp_buf regs;
    setjmp(regs);
    volatile uintptr_t here = 0;
    mark_range((const void *)&here, mpf_state.stack_top);
    mark_range(&regs, (const char *)&regs + sizeof(regs));
    (void)here;
#if CONFIG_PORT_GC_EXTRA_ROOTS
    mpf_port_gc_roots(mark_range);
#endif
}

#if CONFIG_GC_FAST_SCAN
// The allocation table a machine word at a time (4 blocks a byte): runs of free or of
// used blocks are stepped over a word at once by the sweep and the allocator.
typedef uintptr_t atw_t;
#define ATW_BLOCKS (sizeof(atw_t) * 4)
#define ATW_LO ((atw_t)0x5555555555555555ull)  // the low bit of every entry
static inline atw_t atw_load(size_t b) {
    atw_t w;
    memcpy(&w, gc.atb + (b >> 2), sizeof w);
    return w;
}
// True if none of the blocks in word [x] is free.
static inline bool atw_full(atw_t x) {
    return ((x | (x >> 1)) & ATW_LO) == ATW_LO;
}

// True if any of the ATW_BLOCKS blocks from [b] (a multiple of ATW_BLOCKS) has a finaliser.
static inline bool ftb_any(size_t b) {
    for (size_t i = 0; i < ATW_BLOCKS / 8; i++) {
        if (gc.ftb[(b >> 3) + i] != 0) {
            return true;
        }
    }
    return false;
}
#endif // CONFIG_GC_FAST_SCAN

static void sweep(void) {
    gc.first_free = SIZE_MAX;
    for (size_t b = 0; b < gc.n_blocks; b++) {
#if CONFIG_GC_FAST_SCAN
        if ((b & (ATW_BLOCKS - 1)) == 0 && b + ATW_BLOCKS <= gc.n_blocks) {
            atw_t x = atw_load(b);
            if (x == 0) {  // all free
                if (gc.first_free == SIZE_MAX) {
                    gc.first_free = b;
                }
                b += ATW_BLOCKS - 1;
                continue;
            }
            if (((x >> 1) & ATW_LO) == ATW_LO) {  // only marked heads and tails: unmark
                x &= ~((x & ATW_LO) << 1);
                memcpy(gc.atb + (b >> 2), &x, sizeof x);
                b += ATW_BLOCKS - 1;
                continue;
            }
            // No marked head, and the word does not start inside a live object (tails at
            // a word's start belong to a marked head: an unmarked one's are freed with
            // it): every object starting here is garbage. Free the word at once unless one
            // of them has a finaliser to run; then the tails of its last object.
            if ((x & (x >> 1) & ATW_LO) == 0 && (x & 3) != AT_TAIL && !ftb_any(b)) {
                memset(gc.atb + (b >> 2), 0, sizeof x);
                if (gc.first_free == SIZE_MAX) {
                    gc.first_free = b;
                }
                b += ATW_BLOCKS - 1;
                size_t end = tails_end(b);
                at_fill(b + 1, end, AT_FREE);
                b = end - 1;
                continue;
            }
        }
#endif
        unsigned a = at_get(b);
        if (a == AT_MARK) {
            at_set(b, AT_HEAD);
        } else if (a == AT_HEAD) {
            if (ft_get(b)) {
                ft_set(b, false);
                const mpf_obj_base_t *o = (const mpf_obj_base_t *)(gc.pool + b * BLOCK_BYTES);
                if (o->type != NULL && mpf_type_get_ext(o->type) != NULL && mpf_type_get_ext(o->type)->finalise != NULL) {
                    mpf_type_get_ext(o->type)->finalise(mpf_obj_from_ptr(o));
                }
            }
            at_set(b, AT_FREE);
            if (gc.first_free == SIZE_MAX) {
                gc.first_free = b;
            }
            size_t end = tails_end(b);
            at_fill(b + 1, end, AT_FREE);
            b = end - 1;
        } else if (a == AT_FREE && gc.first_free == SIZE_MAX) {
            gc.first_free = b;
        }
    }
    if (gc.first_free == SIZE_MAX) {
        gc.first_free = gc.n_blocks;
    }
    gc.cursor = gc.first_free;
}

void mpf_gc_rewind(void) {
    if (gc.cursor - gc.first_free > gc.n_total / 4 && gc.cursor > gc.first_free) {
        gc.cursor = gc.first_free;
    }
}

void mpf_gc_collect(void) {
    if (gc.collecting) {
        return;
    }
    gc.collecting = true;
    gc.tail_lo = 1;
    gc.tail_hi = 0;  // empty
    gc.mark_sp = 0;
    gc.mark_overflow = false;
    // The frame stack is one block, but only its first fs_top - fs_base slots hold frames:
    // above them lie the frames of calls that returned, whose slots (locals, value stacks)
    // would keep what they held alive until other calls overwrite them. The block is kept
    // (marked first, so the roots do not queue it) and the live part of its frames alone
    // scanned (mpf_vm_mark_frames).
    gc.fs_block = mpf_state.fs_base != NULL ? block_of((uintptr_t)mpf_state.fs_base) : SIZE_MAX;
#if CONFIG_QSTR_COLLECT
    gc.q_n = 0;
    gc.q_block[0] = gc.q_block[1] = SIZE_MAX;
    if (mpf_state.qstr_hold != MPF_QSTR_HOLD_ALL) {
        mpf_qstr_gc_begin(&gc.q_lo, &gc.q_n, &gc.q_bits, premark);
        if (gc.q_n != 0) {
            gc.q_block[0] = block_of((uintptr_t)mpf_state.qstr_pools);
#if CONFIG_QSTR_RUNTIME_INDEX
            gc.q_block[1] = block_of((uintptr_t)mpf_state.qstr_index);
#endif
        }
    }
#endif
    if (gc.fs_block != SIZE_MAX) {
        at_set(gc.fs_block, AT_MARK);
        mpf_vm_mark_frames(mark_range);
    }
    mark_range(&mpf_state, &mpf_state.root_end);
    drain();
    mark_stack();
    drain();
#if CONFIG_QSTR_COLLECT
    if (gc.q_n != 0) {
        gc.q_n = 0;
        mpf_qstr_gc_end(premark);
    }
#endif
    sweep();
    gc.collecting = false;
}

#if CONFIG_GC_FAST_SCAN
// True if none of the 4 blocks described by allocation-table byte [x] is free.
static inline bool atb_byte_full(uint8_t x) {
    return ((x | (x >> 1)) & 0x55) == 0x55;
}
#endif

// The first block of a run of [nb] free blocks starting in [from, to) (the run may
// extend up to n_blocks), or SIZE_MAX. Whole allocation-table bytes (4 blocks) that
// are entirely free or entirely used are stepped over at once.
static size_t find_run(size_t from, size_t to, size_t nb) {
    size_t run = 0;
    size_t b = from;
    size_t limit = to + nb - 1 < gc.n_blocks ? to + nb - 1 : gc.n_blocks;
    while (b < limit) {
#if CONFIG_GC_FAST_SCAN
        // a word's worth of table from any table byte (unaligned loads)
        if ((b & 3) == 0 && b + ATW_BLOCKS <= limit) {
            atw_t x = atw_load(b);
            if (x == 0) {
                run += ATW_BLOCKS;
                b += ATW_BLOCKS;
                if (run >= nb) {
                    return b - run;
                }
                continue;
            }
            if (atw_full(x)) {
                run = 0;
                b += ATW_BLOCKS;
                continue;
            }
        }
        if ((b & 3) == 0 && b + 4 <= limit) {
            uint8_t x = gc.atb[b >> 2];
            if (x == 0) {
                run += 4;
                b += 4;
                if (run >= nb) {
                    return b - run;
                }
                continue;
            }
            if (atb_byte_full(x)) {
                run = 0;
                b += 4;
                continue;
            }
        }
#endif
        if (at_get(b) == AT_FREE) {
            if (++run == nb) {
                return b + 1 - nb;
            }
        } else {
            run = 0;
        }
        b++;
    }
    return SIZE_MAX;
}

#if CONFIG_GC_FAST_SCAN
// No run of [nb] blocks from the cursor to the end of the part of the heap in use: use
// more of it (as if all of it were in use from the start) before going back to the holes
// below the cursor. The first block of a run, or SIZE_MAX.
__attribute__((noinline)) static size_t find_run_growing(size_t nb) {
    size_t head = SIZE_MAX;
    while (head == SIZE_MAX && gc.n_blocks < gc.n_total && nb <= gc.n_total) {
        size_t from = gc.cursor < gc.n_blocks ? gc.cursor : gc.n_blocks;
        grow_active(nb);
        head = find_run(from, gc.n_blocks, nb);
    }
    return head;
}
#endif

// Allocate [nb] blocks without collecting, or NULL. Next fit: search from where the
// previous allocation ended, then wrap around to the lowest free block. Starting at
// first_free every time rescans every live block below the hole; with a heap full of
// live objects (deep recursion) that made each allocation O(heap).
static void *try_alloc(size_t nb) {
    size_t head = SIZE_MAX;
    if (gc.cursor < gc.n_blocks) {
        // the usual case, one block at the cursor, without a search
        head = nb == 1 && at_get(gc.cursor) == AT_FREE ? gc.cursor : find_run(gc.cursor, gc.n_blocks, nb);
    }
#if CONFIG_GC_FAST_SCAN
    if (head == SIZE_MAX && gc.n_blocks < gc.n_total) {
        head = find_run_growing(nb);
    }
#endif
    if (head == SIZE_MAX && gc.first_free < gc.cursor) {
        head = find_run(gc.first_free, gc.cursor, nb);
    }
    if (head == SIZE_MAX) {
        return NULL;
    }
    at_set(head, AT_HEAD);
#if CONFIG_GC_FAST_SCAN
    if (nb <= 4) {
        for (size_t t = head + 1; t < head + nb; t++) {
            at_set(t, AT_TAIL);
        }
    } else
#endif
    {
        at_fill(head + 1, head + nb, AT_TAIL);
    }
    if (head == gc.first_free) {
        gc.first_free = head + nb;
    }
    gc.cursor = head + nb;
    void *p = gc.pool + head * BLOCK_BYTES;
#if CONFIG_GC_FAST_SCAN
    if (nb == 1) {
        memset(p, 0, BLOCK_BYTES); // the usual size: a few stores, no call
        return p;
    }
#endif
    memset(p, 0, nb * BLOCK_BYTES);
    return p;
}

// The blocks an object of [n] bytes takes (one at least).
static size_t blocks_for(size_t n) {
    return n == 0 ? 1 : (n + BLOCK_BYTES - 1) / BLOCK_BYTES;
}

#if CONFIG_FAULT_INJECT
mpf_gc_fault_t mpf_gc_fault;

// True when this allocation is the one to fail (or one after it).
static bool fault_fails(void) {
    if (!mpf_gc_fault.armed || gc.collecting) {
        return false;
    }
    unsigned long long c = ++mpf_gc_fault.count;
    return mpf_gc_fault.fail_at != 0 && c >= mpf_gc_fault.fail_at && c <= mpf_gc_fault.fail_to;
}
#endif

void *mpf_gc_alloc_maybe(size_t n) {
    size_t nb = blocks_for(n);
#if CONFIG_FAULT_INJECT
    if (fault_fails()) {
        return NULL;
    }
#endif
#if CONFIG_MODULE_MICROPYTHON
    if (gc.locked) {
        return NULL;
    }
#endif
    if (gc.collecting) {
        return NULL;
    }
    void *p = try_alloc(nb);
    // no collection for sizes beyond the heap (SIZE_MAX / 2 from an overflowed
    // mpf_gc_alloc_var), nor after gc.disable()
    if (p == NULL && nb <= gc.n_blocks && !gc.auto_off) {
        mpf_gc_collect();
        p = try_alloc(nb);
    }
    return p;
}

void *mpf_gc_alloc(size_t n, bool has_final) {
    void *p = mpf_gc_alloc_maybe(n);
    if (p == NULL) {
        mpf_raise_memory_error();
    }
    if (has_final) {
        ft_set(block_of((uintptr_t)p), true);
    }
    return p;
}

void mpf_gc_free(void *p) {
    size_t b = block_of((uintptr_t)p);
    if (b == SIZE_MAX || at_get(b) != AT_HEAD || gc.collecting) {
        return;
    }
    ft_set(b, false);
    at_fill(b, tails_end(b), AT_FREE);
    if (b < gc.first_free) {
        gc.first_free = b;
    }
}

void *mpf_gc_realloc(void *p, size_t n) {
    if (p == NULL) {
        return mpf_gc_alloc(n, false);
    }
    size_t head = block_of((uintptr_t)p);
    if (head == SIZE_MAX || at_get(head) != AT_HEAD) {
#if CONFIG_ERROR_MSG_LEVEL == 0
        mpf_port_abort("gc: realloc");  // (terse: the short form)
#else
        mpf_port_abort("gc: realloc of a pointer that is not a heap object");
#endif
    }
    size_t have = obj_blocks(head);
    if (n > SIZE_MAX / 2) {
        mpf_raise_memory_error();  // beyond any heap (and no overflow rounding up below)
    }
    size_t nb = blocks_for(n);
    if (nb <= have) {
#if CONFIG_GC_FAST_SCAN
        for (size_t b = head + nb; b < head + have; b++) {  // usually a block or two
            at_set(b, AT_FREE);
        }
#else
        at_fill(head + nb, head + have, AT_FREE);
#endif
        if (head + nb < gc.first_free && nb < have) {
            gc.first_free = head + nb;
        }
        return p;
    }
#if CONFIG_FAULT_INJECT
    if (fault_fails()) {
        mpf_raise_memory_error();
    }
#endif
    // grow in place if the following blocks are free
#if CONFIG_GC_FAST_SCAN
    size_t b = head + have;
    while (b < gc.n_blocks && b < head + nb && at_get(b) == AT_FREE) {
        b++;
    }
    if (b == head + nb) {
        for (size_t t = head + have; t < head + nb; t++) {
            at_set(t, AT_TAIL);
        }
#else
    if (find_run(head + have, head + have + 1, nb - have) != SIZE_MAX) {
        at_fill(head + have, head + nb, AT_TAIL);
#endif
        memset(gc.pool + (head + have) * BLOCK_BYTES, 0, (nb - have) * BLOCK_BYTES);
        if (gc.first_free > head && gc.first_free < head + nb) {
            gc.first_free = head + nb;
        }
        return p;
    }
    void *q = mpf_gc_alloc(n, false);
    memcpy(q, p, have * BLOCK_BYTES);
    mpf_gc_free(p);
    return q;
}

size_t mpf_gc_nbytes(const void *p) {
    size_t head = block_of((uintptr_t)p);
    if (head == SIZE_MAX || at_get(head) != AT_HEAD || gc.pool + head * BLOCK_BYTES != (const uint8_t *)p) {
        return 0;
    }
    return obj_blocks(head) * BLOCK_BYTES;
}

#if CONFIG_MODULE_MICROPYTHON
size_t mpf_gc_lock(int delta) {
    if (delta > 0 && gc.locked < UINT16_MAX) {
        gc.locked++;
    } else if (delta < 0 && gc.locked > 0) {
        gc.locked--;
    }
    return gc.locked;
}
#endif

void mpf_gc_set_auto(bool on) {
    gc.auto_off = !on;
}

bool mpf_gc_auto(void) {
    return !gc.auto_off;
}

#if CONFIG_MODULE_MICROPYTHON
size_t mpf_gc_max_free(void) {
    size_t best = 0, run = 0;
    for (size_t b = 0; b < gc.n_total; b++) {
        // (the blocks beyond the part in use are free)
        run = b < gc.n_blocks && at_get(b) != AT_FREE ? 0 : run + 1;
        best = run > best ? run : best;
    }
    return best * BLOCK_BYTES;
}
#endif

void mpf_gc_info(size_t *total, size_t *used, size_t *free_) {
    size_t u = 0;
    for (size_t b = 0; b < gc.n_blocks; b++) {
        if (at_get(b) != AT_FREE) {
            u++;
        }
    }
    *total = gc.n_total * BLOCK_BYTES;
    *used = u * BLOCK_BYTES;
    *free_ = (gc.n_total - u) * BLOCK_BYTES;
}
