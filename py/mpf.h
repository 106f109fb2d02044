// mpf.h -- the core's public API, what ports and modules use: object structs, type
// objects, GC, exceptions, qstrs, printing, and the runtime operations.
// Value tagging is in obj.h; opcodes are in opcodes.h; the port contract in port.h; what
// only the files of py/ share (global state, frames, the VM, sequence helpers) in mpf_int.h.
#ifndef MPF_MPF_H
#define MPF_MPF_H

#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "mpfconfig.h"
#include "obj.h"

#define MPF_NORETURN _Noreturn
#if defined(__GNUC__)
#define MPF_UNLIKELY(x) __builtin_expect(!!(x), 0)
#define MPF_LIKELY(x) __builtin_expect(!!(x), 1)
#else
#define MPF_UNLIKELY(x) (x)
#define MPF_LIKELY(x) (x)
#endif

// ---------------------------------------------------------------- qstrs
enum {
    MPF_QSTRID_NULL = 0,
#define QDEF(id, hash, len, off, str) id,
#include "qstrdefs.h"
#undef QDEF
    MPF_QSTRID_LAST_STATIC
};
_Static_assert(MPF_QSTRID_LAST_STATIC <= 0x10000, "builtin type names are 16-bit qstrs (mpf_type_t.name)");

// One entry of the frozen modules' generated qstr pool, and of the runtime one (py/qstr.c).
typedef struct mpf_qstr_entry {
    uint16_t hash;
    uint16_t len;
    const char *str;
} mpf_qstr_entry_t;
// Strings of frozen code missing from the core's pool (entry 0 unused), sorted
// bytewise; their ids follow the core's. Defined by gen/frozen.c (every build has one).
extern const mpf_qstr_entry_t mpf_frozen_qstr_pool[];
extern const size_t mpf_frozen_qstr_count;

void mpf_qstr_init(void);
// Intern [len] bytes at [str]; returns the existing id or makes one (copying the bytes).
mpf_qstr_t mpf_qstr_from_strn(const char *str, size_t len);
// The id of an existing qstr with these bytes, or 0.
mpf_qstr_t mpf_qstr_find(const char *str, size_t len);
// The bytes of [q]; *len gets the length. NOT NUL-terminated (the core's pool has no
// terminators): print with "%q", or "%.*s" and the length.
const char *mpf_qstr_data(mpf_qstr_t q, size_t *len);
size_t mpf_qstr_hash(mpf_qstr_t q);
// The 13.1 hash of [len] bytes at [data] (never 0).
size_t mpf_qstr_compute_hash(const uint8_t *data, size_t len);
#if CONFIG_PORT_HAS_FILESYSTEM
// The .mpy ABI's static qstr [i] (1..165, mpy-format.md 13.2) as an id of the pool, 0 if
// out of range; and back, the ABI's number of [q] (0: not one of its strings).
mpf_qstr_t mpf_qstr_from_abi(size_t i);
size_t mpf_qstr_to_abi(mpf_qstr_t q);
#else
// Without the .mpy loader the pool has no ABI strings: no .mpy is read, one written names
// each string in full.
static inline mpf_qstr_t mpf_qstr_from_abi(size_t i) {
    (void)i;
    return 0;
}
static inline size_t mpf_qstr_to_abi(mpf_qstr_t q) {
    (void)q;
    return 0;
}
#endif

// ---------------------------------------------------------------- printing
typedef enum { MPF_PRINT_STR, MPF_PRINT_REPR } mpf_print_kind_t;
typedef struct mpf_print {
    void *env;
    void (*write)(void *env, const char *s, size_t n);
} mpf_print_t;
extern const mpf_print_t mpf_print_stdout;
extern const mpf_print_t mpf_print_stderr;
// A printer's write to a file object: env points to it; each piece is a call of its write().
void mpf_builtin_print_file_write(void *env, const char *s, size_t n);
void mpf_print_strn(const mpf_print_t *p, const char *s, size_t n);
void mpf_print_str(const mpf_print_t *p, const char *s);
// printf subset: %s %.*s %d %u %x %c %zu %ld %q (qstr) %O (str(obj)) %R (repr(obj)) %T (type name of obj) %%
void mpf_printf(const mpf_print_t *p, const char *fmt, ...);
void mpf_vprintf(const mpf_print_t *p, const char *fmt, va_list ap);
void mpf_print_int(const mpf_print_t *p, mpf_int_t v);

// Growable byte buffer in the GC heap.
typedef struct mpf_vstr {
    size_t len, alloc;
    char *buf;
} mpf_vstr_t;
void mpf_vstr_init(mpf_vstr_t *v, size_t alloc);
void mpf_vstr_add_strn(mpf_vstr_t *v, const char *s, size_t n);
void mpf_vstr_add_char(mpf_vstr_t *v, char c);
char *mpf_vstr_extend(mpf_vstr_t *v, size_t n);
void mpf_vstr_print(mpf_vstr_t *v, mpf_print_t *p); // make [p] append to [v]
mpf_obj_t mpf_vstr_to_str(mpf_vstr_t *v);           // a str object from the bytes
mpf_obj_t mpf_vstr_to_bytes(mpf_vstr_t *v);

// ---------------------------------------------------------------- GC
void mpf_gc_init(void *start, size_t size);
// Allocate [n] zeroed bytes; raises MemoryError on failure. [has_final]: call the
// type's finaliser (first word is the type) when the block is swept.
void *mpf_gc_alloc(size_t n, bool has_final);
void *mpf_gc_alloc_maybe(size_t n); // as mpf_gc_alloc, NULL on failure instead of raising
void *mpf_gc_realloc(void *p, size_t n);  // (grown: the bytes added are zeroed)
// Every variable-size object goes through these two: [header] bytes then [n] items of
// [item] bytes, MemoryError when that size does not fit a size_t (no wrap-around on any
// word size), whatever [n] the program asked for.
// (An overflowing size becomes SIZE_MAX / 2: no heap is that large, the allocation fails.)
static inline size_t mpf_gc_var_size(size_t header, size_t item, size_t n) {
    size_t bytes;
    if (__builtin_mul_overflow(item, n, &bytes) || __builtin_add_overflow(bytes, header, &bytes) || bytes > SIZE_MAX / 2) {
        return SIZE_MAX / 2;  // beyond any heap, and still room to round up to blocks
    }
    return bytes;
}
static inline void *mpf_gc_alloc_var(size_t header, size_t item, size_t n, bool has_final) {
    return mpf_gc_alloc(mpf_gc_var_size(header, item, n), has_final);
}
static inline void *mpf_gc_realloc_var(void *p, size_t header, size_t item, size_t n) {
    return mpf_gc_realloc(p, mpf_gc_var_size(header, item, n));
}
void mpf_gc_free(void *p);
// When the last allocation ended more than a quarter of the heap beyond the lowest free
// block, the next searches from that block instead: blocks a caller freed get reused before
// the rest of the heap is spread over (next fit scatters long-lived blocks made between
// short-lived ones over all of it).
void mpf_gc_rewind(void);
void mpf_gc_collect(void);
// gc.enable()/disable(): whether an allocation that finds no room collects first (on)
// or fails with MemoryError (off; gc.collect() still collects).
void mpf_gc_set_auto(bool on);
bool mpf_gc_auto(void);
void mpf_gc_info(size_t *total, size_t *used, size_t *free_);
// The largest run of free blocks, in bytes: the largest object an allocation can get
// without a collection (micropython.mem_info()).
size_t mpf_gc_max_free(void);
// micropython.heap_lock()/heap_unlock(): [delta] +1 or -1 on the lock depth (while it is
// above 0 every allocation fails with MemoryError); returns the new depth.
size_t mpf_gc_lock(int delta);
#if CONFIG_FAULT_INJECT
// Fault injection (CONFIG_FAULT_INJECT, the host's debug builds): while [armed], every
// allocation and growth of a block counts, and numbers [fail_at] to [fail_to] (from 1; 0:
// none) fail as on a full heap.
typedef struct {
    bool armed;
    unsigned long long count, fail_at, fail_to;
} mpf_gc_fault_t;
extern mpf_gc_fault_t mpf_gc_fault;
#endif
// The bytes of the heap object starting at [p] (whole blocks), 0 if [p] is not one.
size_t mpf_gc_nbytes(const void *p);
#define mpf_new(T) ((T *)mpf_gc_alloc(sizeof(T), false))
#define mpf_new_var(T, TI, n) ((T *)mpf_gc_alloc_var(sizeof(T), sizeof(TI), (n), false))

// ---------------------------------------------------------------- non-local return
typedef struct mpf_nlr {
    struct mpf_nlr *prev;
    mpf_obj_t exc;        // the raised exception, when setjmp returns non-zero
    mpf_obj_t *fs_saved;  // frame-stack top to restore
    jmp_buf jb;
} mpf_nlr_t;
// Usage: mpf_nlr_push(&n); if (setjmp(n.jb) == 0) { ...; mpf_nlr_pop(&n); } else { use n.exc }
void mpf_nlr_push(mpf_nlr_t *n);
void mpf_nlr_pop(mpf_nlr_t *n);
MPF_NORETURN void mpf_nlr_raise(mpf_obj_t exc);

// ---------------------------------------------------------------- types
struct mpf_type;
typedef struct mpf_obj_base {
    const struct mpf_type *type;
} mpf_obj_base_t;

typedef struct mpf_map_elem {
    mpf_obj_t key;   // NULL = deleted slot
    mpf_obj_t value;
} mpf_map_elem_t;

// Insertion-ordered hash map (dict, set, globals, class and instance dicts).
typedef struct mpf_map {
    size_t used;              // elems[0..used) written (live or deleted)
    size_t count;             // live entries
    size_t alloc;             // capacity of elems
    mpf_map_elem_t *elems;
    uint32_t *index;          // open-addressing index (elem + 1, 0 = empty), NULL when small
    size_t index_size;        // power of two
} mpf_map_t;

// Builtin functions.
typedef mpf_obj_t (*mpf_fun_0_t)(void);
typedef mpf_obj_t (*mpf_fun_1_t)(mpf_obj_t);
typedef mpf_obj_t (*mpf_fun_2_t)(mpf_obj_t, mpf_obj_t);
typedef mpf_obj_t (*mpf_fun_3_t)(mpf_obj_t, mpf_obj_t, mpf_obj_t);
typedef mpf_obj_t (*mpf_fun_var_t)(size_t n_args, const mpf_obj_t *args);
typedef mpf_obj_t (*mpf_fun_kw_t)(size_t n_args, size_t n_kw, const mpf_obj_t *args);
// A family of methods sharing one C function: it gets the positional arguments (arity
// checked as for VAR) and the object's small constant [mode] (0..15).
typedef mpf_obj_t (*mpf_fun_mode_t)(size_t n_args, const mpf_obj_t *args, unsigned mode);
enum { MPF_FUN_KIND_0, MPF_FUN_KIND_1, MPF_FUN_KIND_2, MPF_FUN_KIND_3, MPF_FUN_KIND_VAR, MPF_FUN_KIND_KW, MPF_FUN_KIND_MODE };
#define MPF_FUN_ARGS_ANY 255  // n_max of a function taking any number of positional arguments
// The kind, the arity and the mode share a halfword; an initializer that does not fit a
// field fails to compile (-Woverflow). The name is a core qstr (below 2^14).
// With CONFIG_FUN_FULL_OBJECTS: 3 words on a 32-bit chip, a type word first.
// Without it: 2 words and no type word. The first halfword is the name as a const
// table key with its low bit set ((id << 2) | 3, an odd first byte, which no type
// pointer has): mpf_obj_type() recognises a builtin function by it, and a const table's
// entry can be a builtin function object itself (see mpf_rom_map_elem_t).
typedef struct mpf_fun_builtin {
#if CONFIG_FUN_FULL_OBJECTS
    mpf_obj_base_t base;
#endif
    uint16_t name;  // read it with MPF_FUN_NAME()
    uint8_t kind : 4, n_min : 4;
    uint8_t n_max;  // 255: unlimited; MODE: the mode (0..15) << 4 | n_max (0..15)
    union {
        mpf_fun_0_t f0;
        mpf_fun_1_t f1;
        mpf_fun_2_t f2;
        mpf_fun_3_t f3;
        mpf_fun_var_t var;
        mpf_fun_kw_t kw;
        mpf_fun_mode_t mode;
    } fun;
} mpf_fun_builtin_t;
#if !CONFIG_FUN_FULL_OBJECTS && defined(__BYTE_ORDER__) && __BYTE_ORDER__ != __ORDER_LITTLE_ENDIAN__
#error "builtin functions without a type word (CONFIG_FUN_FULL_OBJECTS off) need a little-endian target"
#endif
#if CONFIG_FUN_FULL_OBJECTS
#define MPF_FUN_NAME(f) ((mpf_qstr_t)(f)->name)
#define MPF_FUN_INIT(q, kind, mn, mx, md, field, f) {{&mpf_type_fun_builtin}, (q), kind, mn, (mx) | ((md) << 4), {.field = f}}
#else
#define MPF_FUN_NAME(f) ((mpf_qstr_t)((f)->name >> 2))
#define MPF_FUN_INIT(q, kind, mn, mx, md, field, f) {((q) << 2) | 3, kind, mn, (mx) | ((md) << 4), {.field = f}}
#endif
// The initializer of a builtin function object named [q] (for one that is not static).
#define MPF_FUN_INIT_0(q, f) MPF_FUN_INIT(q, MPF_FUN_KIND_0, 0, 0, 0, f0, f)
#define MPF_FUN_INIT_1(q, f) MPF_FUN_INIT(q, MPF_FUN_KIND_1, 1, 1, 0, f1, f)
#define MPF_FUN_INIT_2(q, f) MPF_FUN_INIT(q, MPF_FUN_KIND_2, 2, 2, 0, f2, f)
#define MPF_FUN_INIT_3(q, f) MPF_FUN_INIT(q, MPF_FUN_KIND_3, 3, 3, 0, f3, f)
#define MPF_FUN_INIT_VAR(q, mn, mx, f) MPF_FUN_INIT(q, MPF_FUN_KIND_VAR, mn, mx, 0, var, f)
#define MPF_FUN_INIT_KW(q, mn, f) MPF_FUN_INIT(q, MPF_FUN_KIND_KW, mn, MPF_FUN_ARGS_ANY, 0, kw, f)
#define MPF_FUN_INIT_MODE(q, mn, mx, f, md) MPF_FUN_INIT(q, MPF_FUN_KIND_MODE, mn, mx, md, mode, f)
#define MPF_FUN_0(obj, q, f) static const mpf_fun_builtin_t obj = MPF_FUN_INIT_0(q, f)
#define MPF_FUN_1(obj, q, f) static const mpf_fun_builtin_t obj = MPF_FUN_INIT_1(q, f)
#define MPF_FUN_2(obj, q, f) static const mpf_fun_builtin_t obj = MPF_FUN_INIT_2(q, f)
#define MPF_FUN_3(obj, q, f) static const mpf_fun_builtin_t obj = MPF_FUN_INIT_3(q, f)
#define MPF_FUN_VAR(obj, q, mn, mx, f) static const mpf_fun_builtin_t obj = MPF_FUN_INIT_VAR(q, mn, mx, f)
#define MPF_FUN_KW(obj, q, mn, f) static const mpf_fun_builtin_t obj = MPF_FUN_INIT_KW(q, mn, f)
// f(n_args, args, md): one of a family of methods sharing [f]
#define MPF_FUN_MODE(obj, q, mn, mx, f, md) static const mpf_fun_builtin_t obj = MPF_FUN_INIT_MODE(q, mn, mx, f, md)

// An entry of a const table in flash. The key is a static qstr's object (MPF_ROM_QSTR:
// (id << 2) | 2) kept in 16 bits, which holds it whole for the ids below 16384 the pool
// has (a larger one fails to compile); read the key and the value with MPF_ROM_ELEM_KEY()
// and MPF_ROM_ELEM_VALUE().
#if CONFIG_FUN_FULL_OBJECTS
// 6 bytes on 32-bit targets, not 8: two-byte aligned, the value is read with an unaligned
// load (Cortex-M3 and up) or two halfword loads.
typedef struct __attribute__((packed, aligned(2))) mpf_rom_map_elem {
    uint16_t key;
    mpf_obj_t value;
} mpf_rom_map_elem_t;
#define MPF_ROM_ELEM_KEY(e) ((mpf_obj_t)(e)->key)
#define MPF_ROM_ELEM_VALUE(e) ((e)->value)
// {key, value} of a builtin function named [q] (a method): an object of its own
#define MPF_ROM_FUN(q, init) {MPF_ROM_QSTR(q), (mpf_obj_t)&(const mpf_fun_builtin_t)init}
#else
// 2 words: a key and a value; or a builtin function object (mpf_fun_builtin_t), whose
// first halfword is its name as a key with the low bit set: the entry is the value.
// A table's {key, value} initialises the union's first member (the braces around it
// elided, which -Wmissing-braces would report in every table).
#pragma GCC diagnostic ignored "-Wmissing-braces"
typedef union mpf_rom_map_elem {
    struct {
        uint16_t key;
        uint16_t : 16;
        mpf_obj_t value;
    };
    mpf_fun_builtin_t fun;
} mpf_rom_map_elem_t;
#define MPF_ROM_ELEM_KEY(e) ((mpf_obj_t)((e)->key & ~1u))
#define MPF_ROM_ELEM_VALUE(e) (((e)->key & 1) ? MPF_OBJ_FROM_PTR(&(e)->fun) : (e)->value)
#define MPF_ROM_FUN(q, init) {.fun = init}
#endif
_Static_assert(MPF_QSTRID_LAST_STATIC < 16384, "a static qstr's object fits a ROM map key");
// A method in a const table: {name, the builtin function} (as MPF_FUN_*, without a C name)
#define MPF_ROM_FUN_0(q, f) MPF_ROM_FUN(q, MPF_FUN_INIT_0(q, f))
#define MPF_ROM_FUN_1(q, f) MPF_ROM_FUN(q, MPF_FUN_INIT_1(q, f))
#define MPF_ROM_FUN_2(q, f) MPF_ROM_FUN(q, MPF_FUN_INIT_2(q, f))
#define MPF_ROM_FUN_3(q, f) MPF_ROM_FUN(q, MPF_FUN_INIT_3(q, f))
#define MPF_ROM_FUN_VAR(q, mn, mx, f) MPF_ROM_FUN(q, MPF_FUN_INIT_VAR(q, mn, mx, f))
#define MPF_ROM_FUN_KW(q, mn, f) MPF_ROM_FUN(q, MPF_FUN_INIT_KW(q, mn, f))
#define MPF_ROM_FUN_MODE(q, mn, mx, f, md) MPF_ROM_FUN(q, MPF_FUN_INIT_MODE(q, mn, mx, f, md))

// A const table of qstr-keyed entries in flash (type methods, module members).
typedef struct mpf_rom_map {
    size_t n;
    const mpf_rom_map_elem_t *elems;
} mpf_rom_map_t;
#define MPF_ROM_MAP(name, table) static const mpf_rom_map_t name = {sizeof(table) / sizeof(table[0]), table}
#define MPF_ROM_QSTR(q) MPF_OBJ_QSTR(q)
#define MPF_ROM_PTR(p) MPF_OBJ_FROM_PTR(p)
#define MPF_ROM_INT(i) MPF_OBJ_SMALL_INT(i)

typedef enum {
    MPF_MAP_LOOKUP,
    MPF_MAP_LOOKUP_ADD,     // add key (value NULL) if missing
    MPF_MAP_REMOVE,         // remove, returning the old element (copied to a static slot)
} mpf_map_op_t;
void mpf_map_init(mpf_map_t *m, size_t n);
mpf_map_elem_t *mpf_map_lookup(mpf_map_t *m, mpf_obj_t key, mpf_map_op_t op);
void mpf_map_clear(mpf_map_t *m);
mpf_obj_t mpf_rom_map_get(const mpf_rom_map_t *m, mpf_qstr_t q); // NULL if absent
// Fast lookup of a qstr key (no hashing of other key kinds); NULL if absent.
mpf_obj_t mpf_map_get_qstr(mpf_map_t *m, mpf_qstr_t q);

typedef struct mpf_buffer {
    void *buf;
    size_t len;
    bool writable;
    char typecode;  // the items' struct format: 'B' (bytes) but for arrays ('h', 'd'...)
} mpf_buffer_t;
// An item of typecode [code] at [p] as a Python value, and [v] stored there (TypeError,
// OverflowError as array does); the array module provides them (CONFIG_MODULE_ARRAY).
mpf_obj_t mpf_array_item_get(char code, const uint8_t *p);
void mpf_array_item_set(char code, uint8_t *p, mpf_obj_t v);

// Unary operators: bytecode numbers (9.3) then runtime-only ones.
enum {
    MPF_UNARY_OP_POSITIVE, MPF_UNARY_OP_NEGATIVE, MPF_UNARY_OP_INVERT, MPF_UNARY_OP_NOT,
    MPF_UNARY_OP_BOOL, MPF_UNARY_OP_LEN, MPF_UNARY_OP_HASH, MPF_UNARY_OP_ABS,
    MPF_UNARY_OP_INT, MPF_UNARY_OP_FLOAT,
};
// Binary operators: bytecode numbers (9.3) then reflected forms (REVERSE_OR + k for OR + k).
enum {
    MPF_BINARY_OP_LESS, MPF_BINARY_OP_MORE, MPF_BINARY_OP_EQUAL, MPF_BINARY_OP_LESS_EQUAL,
    MPF_BINARY_OP_MORE_EQUAL, MPF_BINARY_OP_NOT_EQUAL, MPF_BINARY_OP_IN, MPF_BINARY_OP_IS,
    MPF_BINARY_OP_EXCEPTION_MATCH,
    MPF_BINARY_OP_INPLACE_OR, MPF_BINARY_OP_INPLACE_XOR, MPF_BINARY_OP_INPLACE_AND,
    MPF_BINARY_OP_INPLACE_LSHIFT, MPF_BINARY_OP_INPLACE_RSHIFT, MPF_BINARY_OP_INPLACE_ADD,
    MPF_BINARY_OP_INPLACE_SUBTRACT, MPF_BINARY_OP_INPLACE_MULTIPLY, MPF_BINARY_OP_INPLACE_MAT_MULTIPLY,
    MPF_BINARY_OP_INPLACE_FLOOR_DIVIDE, MPF_BINARY_OP_INPLACE_TRUE_DIVIDE, MPF_BINARY_OP_INPLACE_MODULO,
    MPF_BINARY_OP_INPLACE_POWER,
    MPF_BINARY_OP_OR, MPF_BINARY_OP_XOR, MPF_BINARY_OP_AND, MPF_BINARY_OP_LSHIFT, MPF_BINARY_OP_RSHIFT,
    MPF_BINARY_OP_ADD, MPF_BINARY_OP_SUBTRACT, MPF_BINARY_OP_MULTIPLY, MPF_BINARY_OP_MAT_MULTIPLY,
    MPF_BINARY_OP_FLOOR_DIVIDE, MPF_BINARY_OP_TRUE_DIVIDE, MPF_BINARY_OP_MODULO, MPF_BINARY_OP_POWER,
    MPF_BINARY_OP_REVERSE_OR, MPF_BINARY_OP_REVERSE_XOR, MPF_BINARY_OP_REVERSE_AND,
    MPF_BINARY_OP_REVERSE_LSHIFT, MPF_BINARY_OP_REVERSE_RSHIFT, MPF_BINARY_OP_REVERSE_ADD,
    MPF_BINARY_OP_REVERSE_SUBTRACT, MPF_BINARY_OP_REVERSE_MULTIPLY, MPF_BINARY_OP_REVERSE_MAT_MULTIPLY,
    MPF_BINARY_OP_REVERSE_FLOOR_DIVIDE, MPF_BINARY_OP_REVERSE_TRUE_DIVIDE, MPF_BINARY_OP_REVERSE_MODULO,
    MPF_BINARY_OP_REVERSE_POWER,
    MPF_BINARY_OP_NUM
};
#define MPF_BINARY_OP_INPLACE_TO_NORMAL (MPF_BINARY_OP_OR - MPF_BINARY_OP_INPLACE_OR)
#define MPF_BINARY_OP_NORMAL_TO_REVERSE (MPF_BINARY_OP_REVERSE_OR - MPF_BINARY_OP_OR)

// Type flags.
#define MPF_TYPE_FLAG_HEAP 0x0001        // a class made by __build_class__ / type()
#define MPF_TYPE_FLAG_SUBCLASSABLE 0x0002
#define MPF_TYPE_FLAG_EXCEPTION 0x0004   // BaseException or a subclass (builtin)
#define MPF_TYPE_FLAG_EXC_CLASS 0x0010   // a class made at run time derived from BaseException
// Either: instances are exceptions (mpf_exc_t)
#define MPF_TYPE_FLAGS_EXC (MPF_TYPE_FLAG_EXCEPTION | MPF_TYPE_FLAG_EXC_CLASS)
#define MPF_TYPE_FLAG_HAS_GETATTR 0x0008 // class defines __getattr__
#define MPF_TYPE_FLAG_UNHASHABLE 0x0020  // hash() raises TypeError
#define MPF_TYPE_FLAG_COMPACT 0x0040     // an mpf_type_compact_t (!CONFIG_EXC_FULL_TYPES)
#if CONFIG_CLASS_ADVANCED
#define MPF_TYPE_FLAG_METATYPE 0x0080    // type or a class derived from it: its instances are classes
#else
#define MPF_TYPE_FLAG_METATYPE 0         // no metaclasses: type's instances are the only classes
#endif

// Stream readiness, as select.POLLIN / POLLOUT / POLLERR / POLLHUP.
#define MPF_POLL_IN 0x0001
#define MPF_POLL_OUT 0x0004
#define MPF_POLL_ERR 0x0008
#define MPF_POLL_HUP 0x0010

// What few types have, reached through mpf_type_t.ext (NULL: none of it), so that the
// type struct of every other type is 3 words shorter.
typedef struct mpf_type_ext {
    // fill [buf]; return false if the object has no buffer
    bool (*get_buffer)(mpf_obj_t self, mpf_buffer_t *buf, bool writable);
    // streams: which of [events] (MPF_POLL_*) could be done now without blocking;
    // what select and poll ask. NULL: not a pollable stream.
    uintptr_t (*poll)(mpf_obj_t self, uintptr_t events);
    void (*finalise)(mpf_obj_t self); // called by the GC for blocks allocated with has_final
} mpf_type_ext_t;

// The slots of a type, each with its function type:
// print [self] to [p] as str() or repr()
typedef void (*mpf_type_print_fn_t)(const mpf_print_t *p, mpf_obj_t self, mpf_print_kind_t kind);
// type(...) call: a new instance from args (positional then n_kw name/value pairs)
typedef mpf_obj_t (*mpf_type_make_new_fn_t)(const struct mpf_type *type, size_t n_args, size_t n_kw,
    const mpf_obj_t *args);
// self(...) for callable instances
typedef mpf_obj_t (*mpf_type_call_fn_t)(mpf_obj_t self, size_t n_args, size_t n_kw, const mpf_obj_t *args);
// result, or NULL if the operation is not supported for this type
typedef mpf_obj_t (*mpf_type_unary_op_fn_t)(int op, mpf_obj_t self);
// result, or NULL if not supported (NotImplemented); lhs is an instance of this type
typedef mpf_obj_t (*mpf_type_binary_op_fn_t)(int op, mpf_obj_t lhs, mpf_obj_t rhs);
// special attributes. Load: dest[0] == NULL on entry; set dest[0] (and dest[1] = self
// for a method). Store/delete: dest[0] == SENTINEL, dest[1] = value or NULL; set
// dest[0] = NULL when done.
typedef void (*mpf_type_attr_fn_t)(mpf_obj_t self, mpf_qstr_t attr, mpf_obj_t *dest);
// value == SENTINEL: load self[index]; NULL: delete; else store. Returns the loaded value.
typedef mpf_obj_t (*mpf_type_subscr_fn_t)(mpf_obj_t self, mpf_obj_t index, mpf_obj_t value);
typedef mpf_obj_t (*mpf_type_getiter_fn_t)(mpf_obj_t self);
// next item or MPF_OBJ_STOP
typedef mpf_obj_t (*mpf_type_iternext_fn_t)(mpf_obj_t self);
// X(slot, C type): every slot, in the order of the full layout. parent: the builtin base
// type (NULL = object; read it with mpf_type_parent()); locals: the methods and class
// attributes of a builtin type; ext: the rare slots (NULL: none).
#define MPF_TYPE_SLOT_LIST(X) \
    X(parent, const struct mpf_type *) \
    X(print, mpf_type_print_fn_t) \
    X(make_new, mpf_type_make_new_fn_t) \
    X(call, mpf_type_call_fn_t) \
    X(unary_op, mpf_type_unary_op_fn_t) \
    X(binary_op, mpf_type_binary_op_fn_t) \
    X(attr, mpf_type_attr_fn_t) \
    X(subscr, mpf_type_subscr_fn_t) \
    X(getiter, mpf_type_getiter_fn_t) \
    X(iternext, mpf_type_iternext_fn_t) \
    X(locals, const mpf_rom_map_t *) \
    X(ext, const mpf_type_ext_t *)
#define MPF_TYPE_SLOT_ENUM_(s, T) MPF_TYPE_SLOT_##s,
enum { MPF_TYPE_SLOT_LIST(MPF_TYPE_SLOT_ENUM_) MPF_TYPE_SLOT_NUM };
#define MPF_TYPE_SLOT_MEMBER_(s, T) T s;
// One slot's value (what a type without CONFIG_TYPE_FULL_SLOTS stores per slot it sets).
typedef union mpf_type_slot { MPF_TYPE_SLOT_LIST(MPF_TYPE_SLOT_MEMBER_) } mpf_type_slot_t;

// A type object. With CONFIG_TYPE_FULL_SLOTS: 14 words on a 32-bit chip, every slot a
// field. Without: 3 words, then only the slots the type sets, found through slot_mask
// (mpf_type_slot()). A compact exception type is 2 words (mpf_type_compact_t). What only
// classes made at run time have (namespace, bases, MRO) is in mpf_class_t; the rarely set
// slots are in mpf_type_ext_t. Define one with MPF_TYPE(), read a slot with
// mpf_type_get_SLOT(t) (NULL: not set).
typedef struct mpf_type {
    mpf_obj_base_t base;
    // The name, a qstr. Builtin types' names are in the core's pool (ids below 2^16); a
    // class whose name's id does not fit has 0 here and the id in mpf_class_t. Read it
    // with mpf_type_name() (a qstr the width of mpf_qstr_t, e.g. for "%q").
    uint16_t name;
    // name and flags come first, then (with CONFIG_TYPE_FULL_SLOTS) parent: a compact
    // exception type (mpf_type_compact_t) has only these; read its other fields through
    // mpf_type_slots(), its parent with mpf_type_parent().
#if CONFIG_TYPE_FULL_SLOTS
    uint16_t flags;
    MPF_TYPE_SLOT_LIST(MPF_TYPE_SLOT_MEMBER_)
#else
    uint8_t flags;  // (the flags fit a byte)
    // bit MPF_TYPE_SLOT_s set: slot s is set; its value is slots[the number of lower bits set]
    uint16_t slot_mask;
    mpf_type_slot_t slots[];        // the values of the set slots, in MPF_TYPE_SLOT_* order
#endif
} mpf_type_t;

// Slot [s] of type [t], or NULL: mpf_type_get_print(t), ... (the type itself, not
// mpf_type_slots(t): pass that for a type that may be a compact exception type).
#if CONFIG_TYPE_FULL_SLOTS
#define MPF_TYPE_SLOT_GETTER_(s, T) \
    static inline T mpf_type_get_##s(const mpf_type_t *t) { return t->s; }
#else
// (one function reads them all: a call is smaller than the rank computed at each read; it
// reads a compact exception type's slots from BaseException, but its parent from itself)
__attribute__((pure)) mpf_type_slot_t mpf_type_slot(const mpf_type_t *t, unsigned s);
#define MPF_TYPE_SLOT_GETTER_(s, T) \
    static inline T mpf_type_get_##s(const mpf_type_t *t) { return mpf_type_slot(t, MPF_TYPE_SLOT_##s).s; }
#endif
MPF_TYPE_SLOT_LIST(MPF_TYPE_SLOT_GETTER_)

// The initializer of a builtin type object: MPF_TYPE(name qstr, flags, (slot, value)...),
// up to 11 slots (parent among them), each at most once, in any order; e.g.
//   const mpf_type_t mpf_type_bool = MPF_TYPE(MPF_QSTR_bool, 0, (parent, &mpf_type_int),
//       (print, bool_print), (unary_op, bool_unary_op));
// A slot set only with some feature: a macro that is `, (slot, value)` or empty.
#define MPF_TYPE(name_, ...) { \
        .base = {&mpf_type_type}, .name = (name_), \
        MPF_TYPE_BODY_(MPF_TYPE_NARGS_(__VA_ARGS__), __VA_ARGS__) \
    }
#define MPF_TYPE_NARGS_(...) MPF_TYPE_NARGS_N_(__VA_ARGS__, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0)
#define MPF_TYPE_NARGS_N_(a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, n, ...) n
#define MPF_TYPE_CAT_(a, b) a##b
#define MPF_TYPE_EACH_(n, m, x, ...) MPF_TYPE_CAT_(MPF_TYPE_EACH_, n)(m, x, __VA_ARGS__)
// m(x, a) for each of n arguments a but the first (the flags)
#define MPF_TYPE_EACH_1(m, x, p)
#define MPF_TYPE_EACH_2(m, x, p, a) m(x, a)
#define MPF_TYPE_EACH_3(m, x, p, a, ...) m(x, a) MPF_TYPE_EACH_2(m, x, p, __VA_ARGS__)
#define MPF_TYPE_EACH_4(m, x, p, a, ...) m(x, a) MPF_TYPE_EACH_3(m, x, p, __VA_ARGS__)
#define MPF_TYPE_EACH_5(m, x, p, a, ...) m(x, a) MPF_TYPE_EACH_4(m, x, p, __VA_ARGS__)
#define MPF_TYPE_EACH_6(m, x, p, a, ...) m(x, a) MPF_TYPE_EACH_5(m, x, p, __VA_ARGS__)
#define MPF_TYPE_EACH_7(m, x, p, a, ...) m(x, a) MPF_TYPE_EACH_6(m, x, p, __VA_ARGS__)
#define MPF_TYPE_EACH_8(m, x, p, a, ...) m(x, a) MPF_TYPE_EACH_7(m, x, p, __VA_ARGS__)
#define MPF_TYPE_EACH_9(m, x, p, a, ...) m(x, a) MPF_TYPE_EACH_8(m, x, p, __VA_ARGS__)
#define MPF_TYPE_EACH_10(m, x, p, a, ...) m(x, a) MPF_TYPE_EACH_9(m, x, p, __VA_ARGS__)
#define MPF_TYPE_EACH_11(m, x, p, a, ...) m(x, a) MPF_TYPE_EACH_10(m, x, p, __VA_ARGS__)
#define MPF_TYPE_EACH_12(m, x, p, a, ...) m(x, a) MPF_TYPE_EACH_11(m, x, p, __VA_ARGS__)
#define MPF_TYPE_FIRST_(p, ...) p
#define MPF_TYPE_PAIR_(s, v) s, v
#define MPF_TYPE_APPLY_(m, ...) m(__VA_ARGS__)
#if CONFIG_TYPE_FULL_SLOTS
#define MPF_TYPE_BODY_(n, ...) \
    .flags = MPF_TYPE_FIRST_(__VA_ARGS__, ~), MPF_TYPE_EACH_(n, MPF_TYPE_FIELD_, ~, __VA_ARGS__)
#define MPF_TYPE_FIELD_(x, pair) MPF_TYPE_APPLY_(MPF_TYPE_FIELD2_, MPF_TYPE_PAIR_ pair)
#define MPF_TYPE_FIELD2_(s, v) .s = (v),
#else
// (each value at its rank: the number of set slots before it)
#define MPF_TYPE_BODY_(n, ...) \
    .flags = MPF_TYPE_FIRST_(__VA_ARGS__, ~), \
    .slot_mask = MPF_TYPE_MASK_(n, __VA_ARGS__), \
    .slots = {MPF_TYPE_EACH_(n, MPF_TYPE_VAL_, MPF_TYPE_MASK_(n, __VA_ARGS__), __VA_ARGS__)},
#define MPF_TYPE_MASK_(n, ...) (0u MPF_TYPE_EACH_(n, MPF_TYPE_BIT_, ~, __VA_ARGS__))
#define MPF_TYPE_BIT_(x, pair) MPF_TYPE_APPLY_(MPF_TYPE_BIT2_, MPF_TYPE_PAIR_ pair)
#define MPF_TYPE_BIT2_(s, v) | (1u << MPF_TYPE_SLOT_##s)
#define MPF_TYPE_VAL_(mask, pair) MPF_TYPE_APPLY_(MPF_TYPE_VAL2_, mask, MPF_TYPE_PAIR_ pair)
#define MPF_TYPE_VAL2_(mask, s, v) [MPF_TYPE_RANK_((mask) & ((1u << MPF_TYPE_SLOT_##s) - 1u))] = {.s = (v)},
// the number of bits set in 12-bit [m] (an integer constant expression)
#define MPF_TYPE_RANK_(m) \
    (((m) & 1u) + ((m) >> 1 & 1u) + ((m) >> 2 & 1u) + ((m) >> 3 & 1u) + ((m) >> 4 & 1u) + ((m) >> 5 & 1u) + \
     ((m) >> 6 & 1u) + ((m) >> 7 & 1u) + ((m) >> 8 & 1u) + ((m) >> 9 & 1u) + ((m) >> 10 & 1u) + ((m) >> 11 & 1u))
_Static_assert(MPF_TYPE_SLOT_NUM <= 12, "MPF_TYPE_RANK_ counts 12 slots");
#endif

// A builtin exception type other than BaseException without CONFIG_EXC_FULL_TYPES:
// the first three fields of mpf_type_t; its slots and locals are BaseException's.
typedef struct mpf_type_compact {
    mpf_obj_base_t base;
    uint16_t name;
#if CONFIG_TYPE_FULL_SLOTS
    uint16_t flags;  // with MPF_TYPE_FLAG_COMPACT
    const struct mpf_type *parent;  // (where a full type's is: mpf_type_parent() reads it)
#else
    uint8_t flags;
    uint8_t parent;  // the parent's index in mpf_exc_types[] (MPF_EXC_BaseException: BaseException)
#endif
} mpf_type_compact_t;
_Static_assert(offsetof(mpf_type_compact_t, flags) == offsetof(mpf_type_t, flags), "compact types are a prefix of mpf_type_t");
#if CONFIG_TYPE_FULL_SLOTS
_Static_assert(offsetof(mpf_type_compact_t, parent) == offsetof(mpf_type_t, parent), "compact types are a prefix of mpf_type_t");
#endif

// The builtin base type of [t] (NULL: object).
#if CONFIG_TYPE_FULL_SLOTS
static inline const mpf_type_t *mpf_type_parent(const mpf_type_t *t) {
    return t->parent;
}
#else
#define mpf_type_parent(t) mpf_type_get_parent(t)  // (a compact exception type's own: mpf_type_slot())
#endif

// The type whose slots (print ... iternext, locals, ext) serve [t]: t itself but for a
// compact exception type, whose slots are BaseException's. Read a slot of a type that may
// be an exception type through this (name, flags and parent directly).
#if CONFIG_EXC_FULL_TYPES || !CONFIG_TYPE_FULL_SLOTS
#define mpf_type_slots(t) (t)  // (without CONFIG_TYPE_FULL_SLOTS mpf_type_slot() does it)
#else
extern const mpf_type_t mpf_type_BaseException;
inline const mpf_type_t *mpf_type_slots(const mpf_type_t *t) {
    return (t->flags & MPF_TYPE_FLAG_COMPACT) ? &mpf_type_BaseException : t;
}
#endif

// The name of type [t] (out of line: a builtin type has no mpf_class_t fields to read).
mpf_qstr_t mpf_type_name(const mpf_type_t *t);

extern const mpf_type_t mpf_type_type, mpf_type_object, mpf_type_none, mpf_type_bool, mpf_type_int,
    mpf_type_str, mpf_type_bytes, mpf_type_tuple, mpf_type_list, mpf_type_dict, mpf_type_range,
    mpf_type_slice, mpf_type_fun_bc, mpf_type_fun_builtin, mpf_type_bound_meth, mpf_type_method_desc, mpf_type_cell,
    mpf_type_module, mpf_type_ellipsis, mpf_type_not_implemented, mpf_type_gen,
    mpf_type_float, mpf_type_complex, mpf_type_set, mpf_type_frozenset, mpf_type_bytearray,
    mpf_type_memoryview,
    mpf_type_property, mpf_type_classmethod, mpf_type_staticmethod, mpf_type_super,
    mpf_type_enumerate, mpf_type_zip, mpf_type_map, mpf_type_filter, mpf_type_reversed,
    mpf_type_iter_generic, mpf_type_dict_view, mpf_type_sentinel, mpf_type_closure_cell,
    mpf_type_textio, mpf_type_sys_impl;

// Exception types. BaseException is a full type object; without CONFIG_EXC_FULL_TYPES
// the others are the mpf_type_compact_t entries of one array, mpf_exc_types[] (indexed
// by MPF_EXC_NAME), and mpf_type_NAME names one as a type object (an lvalue:
// &mpf_type_NAME is a const mpf_type_t *).
extern const mpf_type_t mpf_type_BaseException;
// Every builtin exception type but BaseException as X(name, parent), in the builtins'
// order; the types of a feature that is off are left out.
#if CONFIG_EXC_UNUSED_TYPES || CONFIG_GENERATORS
#define MPF_EXC_IF_ASYNC_(x) x
#else
#define MPF_EXC_IF_ASYNC_(x)
#endif
#if CONFIG_EXC_UNUSED_TYPES || CONFIG_BUILTIN_HELPERS
#define MPF_EXC_IF_EOF_(x) x
#else
#define MPF_EXC_IF_EOF_(x)
#endif
#if CONFIG_EXC_UNUSED_TYPES || CONFIG_COMPILER
#define MPF_EXC_IF_INDENT_(x) x
#else
#define MPF_EXC_IF_INDENT_(x)
#endif
#if CONFIG_COMPILER
#define MPF_EXC_IF_COMPILER_(x) x  // (only the compiler raises it)
#else
#define MPF_EXC_IF_COMPILER_(x)
#endif
#if CONFIG_EXC_OSERROR_SUBCLASSES
#define MPF_EXC_IF_OSSUB_(x) x
#else
#define MPF_EXC_IF_OSSUB_(x)
#endif
#if CONFIG_BUILTIN_HELPERS
#define MPF_EXC_IF_HELPERS_(x) x
#else
#define MPF_EXC_IF_HELPERS_(x)
#endif
#define MPF_EXC_LIST(X) \
    X(Exception, BaseException) \
    X(SystemExit, BaseException) \
    X(KeyboardInterrupt, BaseException) \
    X(GeneratorExit, BaseException) \
    X(StopIteration, Exception) \
    MPF_EXC_IF_ASYNC_(X(StopAsyncIteration, Exception)) \
    X(ArithmeticError, Exception) \
    X(ZeroDivisionError, ArithmeticError) \
    X(OverflowError, ArithmeticError) \
    X(AssertionError, Exception) \
    X(AttributeError, Exception) \
    MPF_EXC_IF_EOF_(X(EOFError, Exception)) \
    X(ImportError, Exception) \
    X(ModuleNotFoundError, ImportError) \
    X(LookupError, Exception) \
    X(IndexError, LookupError) \
    X(KeyError, LookupError) \
    X(MemoryError, Exception) \
    X(NameError, Exception) \
    X(UnboundLocalError, NameError) \
    X(OSError, Exception) \
    MPF_EXC_IF_OSSUB_(X(FileNotFoundError, OSError)) \
    MPF_EXC_IF_OSSUB_(X(FileExistsError, OSError)) \
    MPF_EXC_IF_OSSUB_(X(IsADirectoryError, OSError)) \
    MPF_EXC_IF_OSSUB_(X(NotADirectoryError, OSError)) \
    MPF_EXC_IF_OSSUB_(X(PermissionError, OSError)) \
    X(RuntimeError, Exception) \
    X(NotImplementedError, RuntimeError) \
    X(RecursionError, RuntimeError) \
    X(SyntaxError, Exception) \
    MPF_EXC_IF_HELPERS_(X(SystemError, Exception)) \
    MPF_EXC_IF_INDENT_(X(IndentationError, SyntaxError)) \
    MPF_EXC_IF_COMPILER_(X(TabError, IndentationError)) \
    X(TypeError, Exception) \
    X(ValueError, Exception) \
    X(UnicodeError, ValueError) \
    X(UnicodeDecodeError, UnicodeError) \
    X(UnicodeEncodeError, UnicodeError) \
    MPF_EXC_IF_OSSUB_(X(TimeoutError, OSError))
#if CONFIG_EXC_FULL_TYPES
#define MPF_EXC_EXTERN_(n, p) extern const mpf_type_t mpf_type_##n;
MPF_EXC_LIST(MPF_EXC_EXTERN_)
#undef MPF_EXC_EXTERN_
#else
#define MPF_EXC_ENUM_(n, p) MPF_EXC_##n,
enum {
    MPF_EXC_LIST(MPF_EXC_ENUM_)
    MPF_EXC_NUM,                // the number of compact types
    MPF_EXC_BaseException = 255 // a compact type's parent index for BaseException
};
#undef MPF_EXC_ENUM_
_Static_assert(MPF_EXC_NUM < MPF_EXC_BaseException, "a compact type's parent index fits a byte");
extern const mpf_type_compact_t mpf_exc_types[MPF_EXC_NUM];
#endif
#if !CONFIG_EXC_FULL_TYPES
// compact type [n] as a type object (through an address, as the slots of it are never
// read: only name, flags, parent and locals, which the two structs share)
#define MPF_EXC_AS_TYPE(n) (*(const mpf_type_t *)(const void *)&mpf_exc_types[MPF_EXC_##n].base)
#define mpf_type_Exception MPF_EXC_AS_TYPE(Exception)
#define mpf_type_SystemExit MPF_EXC_AS_TYPE(SystemExit)
#define mpf_type_KeyboardInterrupt MPF_EXC_AS_TYPE(KeyboardInterrupt)
#define mpf_type_GeneratorExit MPF_EXC_AS_TYPE(GeneratorExit)
#define mpf_type_StopIteration MPF_EXC_AS_TYPE(StopIteration)
#define mpf_type_StopAsyncIteration MPF_EXC_AS_TYPE(StopAsyncIteration)
#define mpf_type_ArithmeticError MPF_EXC_AS_TYPE(ArithmeticError)
#define mpf_type_ZeroDivisionError MPF_EXC_AS_TYPE(ZeroDivisionError)
#define mpf_type_OverflowError MPF_EXC_AS_TYPE(OverflowError)
#define mpf_type_AssertionError MPF_EXC_AS_TYPE(AssertionError)
#define mpf_type_AttributeError MPF_EXC_AS_TYPE(AttributeError)
#define mpf_type_EOFError MPF_EXC_AS_TYPE(EOFError)
#define mpf_type_ImportError MPF_EXC_AS_TYPE(ImportError)
#define mpf_type_ModuleNotFoundError MPF_EXC_AS_TYPE(ModuleNotFoundError)
#define mpf_type_LookupError MPF_EXC_AS_TYPE(LookupError)
#define mpf_type_IndexError MPF_EXC_AS_TYPE(IndexError)
#define mpf_type_KeyError MPF_EXC_AS_TYPE(KeyError)
#define mpf_type_MemoryError MPF_EXC_AS_TYPE(MemoryError)
#define mpf_type_NameError MPF_EXC_AS_TYPE(NameError)
#define mpf_type_UnboundLocalError MPF_EXC_AS_TYPE(UnboundLocalError)
#define mpf_type_OSError MPF_EXC_AS_TYPE(OSError)
#define mpf_type_RuntimeError MPF_EXC_AS_TYPE(RuntimeError)
#define mpf_type_NotImplementedError MPF_EXC_AS_TYPE(NotImplementedError)
#define mpf_type_RecursionError MPF_EXC_AS_TYPE(RecursionError)
#define mpf_type_SyntaxError MPF_EXC_AS_TYPE(SyntaxError)
#define mpf_type_IndentationError MPF_EXC_AS_TYPE(IndentationError)
#define mpf_type_TabError MPF_EXC_AS_TYPE(TabError)
#define mpf_type_TypeError MPF_EXC_AS_TYPE(TypeError)
#define mpf_type_ValueError MPF_EXC_AS_TYPE(ValueError)
#define mpf_type_UnicodeError MPF_EXC_AS_TYPE(UnicodeError)
#define mpf_type_UnicodeDecodeError MPF_EXC_AS_TYPE(UnicodeDecodeError)
#define mpf_type_UnicodeEncodeError MPF_EXC_AS_TYPE(UnicodeEncodeError)
#define mpf_type_FileNotFoundError MPF_EXC_AS_TYPE(FileNotFoundError)
#define mpf_type_FileExistsError MPF_EXC_AS_TYPE(FileExistsError)
#define mpf_type_IsADirectoryError MPF_EXC_AS_TYPE(IsADirectoryError)
#define mpf_type_NotADirectoryError MPF_EXC_AS_TYPE(NotADirectoryError)
#define mpf_type_PermissionError MPF_EXC_AS_TYPE(PermissionError)
#define mpf_type_TimeoutError MPF_EXC_AS_TYPE(TimeoutError)
#define mpf_type_SystemError MPF_EXC_AS_TYPE(SystemError)
#endif

// Const singletons.
typedef struct mpf_obj_singleton { mpf_obj_base_t base; } mpf_obj_singleton_t;
extern const mpf_obj_singleton_t mpf_const_none_obj, mpf_const_false_obj, mpf_const_true_obj,
    mpf_const_ellipsis_obj, mpf_const_notimpl_obj, mpf_const_stop_obj, mpf_const_sentinel_obj;
#define MPF_OBJ_NONE MPF_OBJ_FROM_PTR(&mpf_const_none_obj)
#define MPF_OBJ_FALSE MPF_OBJ_FROM_PTR(&mpf_const_false_obj)
#define MPF_OBJ_TRUE MPF_OBJ_FROM_PTR(&mpf_const_true_obj)
#define MPF_OBJ_ELLIPSIS MPF_OBJ_FROM_PTR(&mpf_const_ellipsis_obj)
#define MPF_OBJ_NOTIMPL MPF_OBJ_FROM_PTR(&mpf_const_notimpl_obj)
#define MPF_OBJ_STOP MPF_OBJ_FROM_PTR(&mpf_const_stop_obj)         // end of iteration
#define MPF_OBJ_SENTINEL MPF_OBJ_FROM_PTR(&mpf_const_sentinel_obj) // "load" marker etc.
#if CONFIG_VM_FAST_PATHS
static inline mpf_obj_t mpf_obj_bool(bool b) { return b ? MPF_OBJ_TRUE : MPF_OBJ_FALSE; }
#else
// The smaller images: one copy (obj_int.c), not the two addresses in each caller.
mpf_obj_t mpf_obj_bool(bool b);
#endif

inline const mpf_type_t *mpf_obj_type(mpf_obj_t o) {
    if (mpf_obj_is_small_int(o)) {
        return &mpf_type_int;
    } else if (mpf_obj_is_qstr(o)) {
        return &mpf_type_str;
    } else if (MPF_UNLIKELY(o == MPF_OBJ_NULL)) {
        // only reachable from malformed bytecode: a type with no operations
        return &mpf_type_sentinel;
    }
#if !CONFIG_FUN_FULL_OBJECTS
    if (*(const uint8_t *)mpf_obj_ptr(o) & 1) {
        return &mpf_type_fun_builtin;  // no type word: an odd first byte (mpf_fun_builtin_t)
    }
#endif
    return ((const mpf_obj_base_t *)mpf_obj_ptr(o))->type;
}
inline bool mpf_obj_is_type(mpf_obj_t o, const mpf_type_t *t) {
#if CONFIG_FUN_FULL_OBJECTS
    return mpf_obj_is_ptr(o) && ((const mpf_obj_base_t *)mpf_obj_ptr(o))->type == t;
#else
    if (!mpf_obj_is_ptr(o)) {
        return false;
    } else if (t == &mpf_type_fun_builtin) {
        return *(const uint8_t *)mpf_obj_ptr(o) & 1;
    }
    // the first word as bytes (a builtin function has none that is a type: it never
    // equals [t])
    const mpf_type_t *ot;
    memcpy(&ot, mpf_obj_ptr(o), sizeof(ot));
    return ot == t;
#endif
}
// Whether [o] is a class: its type is type or a metaclass derived from it (one compare
// for the common case, a flag test for classes made by a metaclass).
#if CONFIG_CLASS_ADVANCED
inline bool mpf_obj_is_class(mpf_obj_t o) {
    if (!mpf_obj_is_ptr(o)) {
        return false;
    }
#if CONFIG_FUN_FULL_OBJECTS
    const mpf_type_t *t = ((const mpf_obj_base_t *)mpf_obj_ptr(o))->type;
#else
    const mpf_type_t *t = mpf_obj_type(o);
#endif
    return t == &mpf_type_type || (t->flags & MPF_TYPE_FLAG_METATYPE) != 0;
}
#elif CONFIG_VM_FAST_PATHS
#define mpf_obj_is_class(o) mpf_obj_is_type((o), &mpf_type_type)
#else
bool mpf_obj_is_class(mpf_obj_t o);  // the smaller images: a call of one copy (obj.c)
#endif

// ---------------------------------------------------------------- object structs
typedef struct mpf_str {
    mpf_obj_base_t base;  // str or bytes
    size_t hash;          // 13.1 hash, 0 = not computed yet
    size_t len;           // bytes
    const uint8_t *data;  // len bytes then a NUL
} mpf_str_t;

typedef struct mpf_tuple {
    mpf_obj_base_t base;
    size_t len;
    mpf_obj_t items[];
} mpf_tuple_t;

typedef struct mpf_list {
    mpf_obj_base_t base;
    size_t len, alloc;
    mpf_obj_t *items;
} mpf_list_t;

typedef struct mpf_dict {
    mpf_obj_base_t base;   // dict, set or frozenset (sets keep value = key)
    mpf_map_t map;
} mpf_dict_t;

#if CONFIG_FLOAT_SINGLE
typedef float mpf_float_t;
#else
typedef double mpf_float_t;
#endif
typedef struct mpf_float_obj {
    mpf_obj_base_t base;
    mpf_float_t value;
} mpf_float_obj_t;

// complex (CONFIG_BUILTIN_COMPLEX): two floats of the configured precision.
typedef struct mpf_complex_obj {
    mpf_obj_base_t base;
    mpf_float_t real, imag;
} mpf_complex_obj_t;

typedef struct mpf_range {
    mpf_obj_base_t base;
    mpf_int_t start, stop, step;
} mpf_range_t;

typedef struct mpf_slice {
    mpf_obj_base_t base;
    mpf_obj_t start, stop, step;
} mpf_slice_t;

typedef struct mpf_cell {
    mpf_obj_base_t base;
    mpf_obj_t value;  // NULL = empty
} mpf_cell_t;

typedef struct mpf_bound_meth {
    mpf_obj_base_t base;
    mpf_obj_t self;
    mpf_obj_t fun;
} mpf_bound_meth_t;

typedef struct mpf_module {
    mpf_obj_base_t base;
    mpf_obj_t globals;  // dict
} mpf_module_t;

// Builtin (C) modules: a const table of members, turned into a module object on import.
typedef struct mpf_builtin_module {
    mpf_qstr_t name;
    const mpf_rom_map_t *members;
    void (*init)(mpf_obj_t module);  // optional: fill dynamic members
} mpf_builtin_module_t;

// One traceback line: file, line, function.
typedef struct mpf_tb_entry {
    mpf_qstr_t file, name;
    size_t line;
} mpf_tb_entry_t;

typedef struct mpf_instance {
    mpf_obj_base_t base;
    mpf_map_t members;
    mpf_obj_t subobj;      // native object of a builtin base (list, dict...) or NULL
} mpf_instance_t;

// Exceptions start like instances, so a user subclass of an exception is one object.
typedef struct mpf_exc {
    mpf_instance_t inst;
    mpf_obj_t args;        // tuple
    mpf_obj_t cause;       // __cause__; None after `from None` (suppresses the context); NULL if never set
    mpf_obj_t context;     // __context__ or NULL
    size_t tb_len, tb_alloc;
    mpf_tb_entry_t *tb;    // innermost last
#if CONFIG_EXC_ATTRS
    mpf_obj_t tb_obj;      // the traceback object __traceback__ gave (obj_except.c), or NULL
#endif
} mpf_exc_t;

// Wrappers for class-body decorators.
typedef struct mpf_wrapper {
    mpf_obj_base_t base;   // classmethod or staticmethod
    mpf_obj_t fun;
} mpf_wrapper_t;

typedef struct mpf_property {
    mpf_obj_base_t base;
    mpf_obj_t fget, fset, fdel;
} mpf_property_t;

// ---------------------------------------------------------------- code and frames
// One compiled scope (mpy-format.md section 6/7), decoded once. Statically initialisable:
// a freezer emits these as const structs pointing at const bytecode; the .mpy loader
// builds them in the heap pointing into the loaded file buffer.
typedef struct mpf_raw_code {
    const uint8_t *code;         // first opcode
    const uint8_t *code_end;     // end of the opcode stream
    const uint8_t *line_info;    // line-number table (7.3)
    const uint8_t *line_info_end;
    const uint16_t *arg_names;   // qstr-table indices of arg slots 0..n_pos+n_kwonly-1
    const struct mpf_raw_code *const *children;
    uint16_t n_children;
    uint16_t simple_name;        // qstr-table index
    uint16_t n_state;
    uint16_t n_exc_stack;
    uint8_t scope_flags;         // 0x01 generator, 0x02 **kw, 0x04 *args, 0x08 kw-only defaults
    uint8_t n_pos_args;
    uint8_t n_kwonly_args;
    uint8_t n_def_pos_args;
    uint8_t n_cell;
    // the first n of the declared positional parameters take no keyword (`def f(a, /)`);
    // only the on-device compiler sets it (.mpy v6.3 has no field for it)
    uint8_t n_posonly_args;
    const uint8_t *cells;        // n_cell slot numbers
#if CONFIG_COMPILER
    // Code the on-device compiler made: [0] = n, then the VM qstr naming each of the n local
    // slots (0: none), for eval/exec/locals() in a function; NULL for .mpy and frozen code.
    const mpf_qstr_t *local_names;
#endif
} mpf_raw_code_t;
#define MPF_SCOPE_GENERATOR 0x01
#define MPF_SCOPE_VARKEYWORDS 0x02
#define MPF_SCOPE_VARARGS 0x04
#define MPF_SCOPE_DEFKWARGS 0x08
#define MPF_SCOPE_COROUTINE 0x10  // (not in an .mpy: the on-device compiler's async def ...
#define MPF_SCOPE_ASYNC_GEN 0x20  // ... with no yield, and with one)

// A module's shared tables (one per .mpy / frozen module) plus its globals.
typedef struct mpf_module_ctx {
    const mpf_qstr_t *qstrs;   // file qstr index -> VM qstr id
    const mpf_obj_t *consts;   // constant table
    mpf_obj_t globals;         // dict
#if CONFIG_COMPILER
    const struct mpf_raw_code *root;  // the module's code, once run or compiled (__qualname__: obj_fun.c)
    // what builtin names come from when exec/eval (or function(code, globals)) ran the code in
    // globals with a __builtins__ of their own (mpf_fun_of_code); NULL: the build's builtins
    mpf_obj_t builtins;
#endif
} mpf_module_ctx_t;

// A frozen module: generated into gen/frozen.c (const, in flash).
typedef struct mpf_frozen_module {
    const char *name;                // dotted module name ("pkg" for pkg/__init__.py)
    bool is_package;
    const mpf_raw_code_t *rc;
    const mpf_qstr_t *qstrs;
    const mpf_obj_t *consts;
} mpf_frozen_module_t;
// Defined by the generated gen/frozen.c (every build writes one, empty or not).
extern const mpf_frozen_module_t mpf_frozen_modules[];
extern const size_t mpf_frozen_count;

// A builtin C module registers itself with one line at file scope, which the build
// (mpforge/modtable.py) collects into gen/moduletable.h:
//     MPF_REGISTER_MODULE(MPF_QSTR_json, mpf_module_json);
#define MPF_REGISTER_MODULE(q, obj) extern const mpf_builtin_module_t obj

// Bytecode functions and frames: their layouts are the VM's (mpf_int.h).
typedef struct mpf_fun_bc mpf_fun_bc_t;
typedef struct mpf_frame mpf_frame_t;

// ---------------------------------------------------------------- runtime API
void mpf_init(void);
void mpf_deinit(void);
// sys.argv and sys.path (lists), for a port's start-up to fill.
mpf_obj_t mpf_sys_argv(void);
mpf_obj_t mpf_sys_path(void);

// Raising.
// The exception a raise of [e] (a class or an instance) throws, the class called with
// [value] (NULL or None: no argument; a tuple: its items); TypeError if it is not one.
mpf_obj_t mpf_exc_instantiate(mpf_obj_t e, mpf_obj_t value);
MPF_NORETURN void mpf_raise(mpf_obj_t exc);
MPF_NORETURN void mpf_raise_type(const mpf_type_t *t);
MPF_NORETURN void mpf_raise_msg(const mpf_type_t *t, const char *msg);
MPF_NORETURN void mpf_raise_fmt(const mpf_type_t *t, const char *fmt, ...);
MPF_NORETURN void mpf_raise_type_error_unsupported(int op, mpf_obj_t lhs, mpf_obj_t rhs);
MPF_NORETURN void mpf_raise_stop_iteration(mpf_obj_t value);
MPF_NORETURN void mpf_raise_key_error(mpf_obj_t key);
MPF_NORETURN void mpf_raise_memory_error(void);
MPF_NORETURN void mpf_raise_name_error(mpf_qstr_t name);
#if CONFIG_ERROR_MSG_LEVEL == 0
// Terse messages: a raise carries its type only, so the text and the arguments are left out of
// the image. They stay in an unevaluated sizeof, type-checked and counted as used, never emitted.
int mpf_raise_terse_args(const char *fmt, ...);
#define mpf_raise_msg(t, msg) ((void)sizeof(mpf_raise_terse_args(msg)), MPF_RAISE_TYPE(t))
#define mpf_raise_fmt(t, ...) ((void)sizeof(mpf_raise_terse_args(__VA_ARGS__)), MPF_RAISE_TYPE(t))
// The two types most raises name have a function without an argument: a call site then
// loads no type address (the choice is made at compile time; any other type, or one not
// known there, goes to mpf_raise_type).
MPF_NORETURN void mpf_raise_type_error(void);
MPF_NORETURN void mpf_raise_value_error(void);
#define MPF_RAISE_IS_(t, n) (__builtin_constant_p((t) == &mpf_type_##n) && (t) == &mpf_type_##n)
#if CONFIG_EXC_FULL_TYPES
#define MPF_RAISE_TYPE(t) \
    (MPF_RAISE_IS_(t, TypeError) ? mpf_raise_type_error() : MPF_RAISE_IS_(t, ValueError) ? mpf_raise_value_error() : mpf_raise_type(t))
#else
// Another compact type known at compile time: its index in mpf_exc_types[] (a byte in the
// call, no address to load).
MPF_NORETURN void mpf_raise_exc_index(unsigned i);
#define MPF_RAISE_INDEX_(t) ((const mpf_type_compact_t *)(const void *)(t) - mpf_exc_types)
#define MPF_RAISE_TYPE(t) \
    (MPF_RAISE_IS_(t, TypeError) ? mpf_raise_type_error() : MPF_RAISE_IS_(t, ValueError) ? mpf_raise_value_error() \
     : __builtin_constant_p(MPF_RAISE_INDEX_(t)) && (size_t)MPF_RAISE_INDEX_(t) < MPF_EXC_NUM ? mpf_raise_exc_index((unsigned)MPF_RAISE_INDEX_(t)) \
     : mpf_raise_type(t))
#endif
#endif
mpf_obj_t mpf_exc_new(const mpf_type_t *t, size_t n_args, const mpf_obj_t *args);
// The exception mpf_raise_fmt raises, not raised.
mpf_obj_t mpf_exc_new_fmt(const mpf_type_t *t, const char *fmt, ...);
#if CONFIG_ERROR_MSG_LEVEL == 0
#define mpf_exc_new_fmt(t, ...) ((void)sizeof(mpf_raise_terse_args(__VA_ARGS__)), mpf_exc_new(t, 0, NULL))
#endif
// Raise [exc] with attribute [q0] set to [v0] and [q1] to [v1] (each left out when NULL):
// ImportError's name and path, NameError's name, AttributeError's name and obj.
// The [n_kw] keyword arguments [kw] (key, value pairs) of a call of exception [self]'s type:
// the attributes of those that take them, else TypeError, as CPython.
void mpf_exc_apply_kw(mpf_obj_t self, size_t n_kw, const mpf_obj_t *kw);
MPF_NORETURN void mpf_raise_with(mpf_obj_t exc, mpf_qstr_t q0, mpf_obj_t v0, mpf_qstr_t q1, mpf_obj_t v1);
#if !CONFIG_EXC_ATTRS
#define mpf_raise_with(exc, q0, v0, q1, v1) mpf_raise(exc)
#endif
mpf_obj_t mpf_exc_new_msg(const mpf_type_t *t, const char *msg);
// Raise that subclass for errno [err] with its standard text; filename(2): None or the path(s).
MPF_NORETURN void mpf_raise_oserror(int err, mpf_obj_t filename, mpf_obj_t filename2);
mpf_exc_t *mpf_exc_native(mpf_obj_t o);       // the exception struct of an instance, or NULL
bool mpf_obj_is_exception(mpf_obj_t o);       // instance of BaseException
bool mpf_exc_match(mpf_obj_t exc, const mpf_type_t *t);
void mpf_exc_add_tb(mpf_obj_t exc, mpf_qstr_t file, size_t line, mpf_qstr_t name);
void mpf_exc_print_tb(const mpf_print_t *p, mpf_obj_t exc);
mpf_obj_t mpf_exc_value(mpf_obj_t exc); // StopIteration value / SystemExit code: args[0] or None

// Objects.
mpf_obj_t mpf_obj_new_int(mpf_int_t v);
mpf_obj_t mpf_obj_new_int_from_ull(unsigned long long v);
mpf_obj_t mpf_obj_new_int_from_ll(long long v);
mpf_obj_t mpf_obj_new_float(mpf_float_t v);
mpf_obj_t mpf_obj_new_str(const char *data, size_t len);       // copies
mpf_obj_t mpf_obj_new_str_of_type(const mpf_type_t *t, const char *data, size_t len);
mpf_obj_t mpf_obj_new_str_qstr_maybe(const char *data, size_t len); // qstr if it exists already
mpf_obj_t mpf_obj_new_bytes(const uint8_t *data, size_t len);
mpf_obj_t mpf_obj_new_bytearray(const uint8_t *data, size_t len);
mpf_obj_t mpf_obj_new_tuple(size_t n, const mpf_obj_t *items);  // items may be NULL (zeroed)
mpf_obj_t mpf_obj_new_list(size_t n, const mpf_obj_t *items);
mpf_obj_t mpf_obj_new_dict(size_t n);
mpf_obj_t mpf_obj_new_set(size_t n, const mpf_obj_t *items);
mpf_obj_t mpf_obj_new_cell(mpf_obj_t v);
mpf_obj_t mpf_obj_new_bound_meth(mpf_obj_t fun, mpf_obj_t self);
// A builtin type's method read from the type (`list.append`): calling it checks the receiver.
mpf_obj_t mpf_obj_new_method_desc(const mpf_type_t *owner, mpf_obj_t fun);
// The object a native method of [owner] runs on for receiver [self]: self itself, or the native
// part of an instance of a class derived from [owner]; TypeError if [self] is neither.
mpf_obj_t mpf_native_self(const mpf_type_t *owner, mpf_qstr_t name, mpf_obj_t self);
mpf_obj_t mpf_obj_new_slice(mpf_obj_t start, mpf_obj_t stop, mpf_obj_t step);
mpf_obj_t mpf_obj_new_range(mpf_int_t start, mpf_int_t stop, mpf_int_t step);
mpf_obj_t mpf_range_reversed(mpf_obj_t self);  // reversed(range) (CONFIG_RANGE_BIG)
mpf_obj_t mpf_obj_new_module(mpf_qstr_t name);
mpf_obj_t mpf_obj_new_instance(const mpf_type_t *cls);

// Attribute and type helpers.
bool mpf_obj_is_true(mpf_obj_t o);
bool mpf_obj_is_callable(mpf_obj_t o);
bool mpf_obj_is_int(mpf_obj_t o);   // int or bool
bool mpf_obj_is_str(mpf_obj_t o);
bool mpf_obj_equal(mpf_obj_t a, mpf_obj_t b);
mpf_int_t mpf_obj_hash(mpf_obj_t o);
mpf_int_t mpf_obj_get_int(mpf_obj_t o);          // int/bool -> C int, TypeError otherwise (OverflowError if too big)
bool mpf_obj_get_int_maybe(mpf_obj_t o, mpf_int_t *v); // false if not an int or beyond a machine word
int mpf_obj_get_c_int(mpf_obj_t o);              // as mpf_obj_get_int, OverflowError beyond a C int
// As mpf_obj_get_int_maybe, but an int beyond a machine word raises OverflowError (a
// repeat count or size: CPython's "cannot fit 'int' into an index-sized integer").
bool mpf_obj_get_index_maybe(mpf_obj_t o, mpf_int_t *v);
// A start or stop argument (list.index, str.find): an int beyond a machine word is the
// largest one of its sign (CPython clamps them), TypeError for what is not an index.
mpf_int_t mpf_obj_get_slice_index(mpf_obj_t o);
// The builtin object held by [o], an instance of a class derived from a builtin type (int,
// float, str, list...): MPF_OBJ_NULL for anything else (an exception's too).
mpf_obj_t mpf_obj_native_part(mpf_obj_t o);
// The int or float an instance of a class derived from int or float holds, else NULL.
mpf_obj_t mpf_obj_native_number(mpf_obj_t o);
mpf_float_t mpf_obj_get_float(mpf_obj_t o);
size_t mpf_obj_len(mpf_obj_t o);
mpf_obj_t mpf_obj_len_maybe(mpf_obj_t o);        // small int or NULL
void mpf_obj_print(const mpf_print_t *p, mpf_obj_t o, mpf_print_kind_t kind);
mpf_obj_t mpf_obj_str(mpf_obj_t o);
mpf_obj_t mpf_obj_repr(mpf_obj_t o);
// ascii(o): repr(o) with each non-ASCII character escaped (\xhh, \uhhhh, \Uhhhhhhhh).
mpf_obj_t mpf_str_ascii(mpf_obj_t o);
const char *mpf_obj_str_data(mpf_obj_t o, size_t *len); // str/bytes data (qstr or object), not NUL-terminated
// The bytes of str [o] followed by a NUL, for C functions that take a C string (a heap
// copy when [o] is a qstr: the core's pool has no terminators).
const char *mpf_str_cstr(mpf_obj_t o);
bool mpf_obj_isinstance(mpf_obj_t o, mpf_obj_t cls_or_tuple);
bool mpf_type_is_subclass(const mpf_type_t *t, const mpf_type_t *base);
mpf_obj_t mpf_type_lookup(const mpf_type_t *t, mpf_qstr_t q);  // NULL if absent (MRO walk)
bool mpf_obj_get_buffer(mpf_obj_t o, mpf_buffer_t *buf, bool writable);
// The arguments of a stream's readinto(buf[, n]) (args[0] is the stream): [buf] filled in
// from args[1] (TypeError unless writable); returns how many bytes to read: n (at least 0)
// when given and smaller than the buffer, else its length.
size_t mpf_obj_readinto_args(size_t n_args, const mpf_obj_t *args, mpf_buffer_t *buf);
// The bytes a stream's write(data) sends: a str's (UTF-8) or any bytes-like object's
// (TypeError otherwise), [*len] their count.
const char *mpf_obj_write_data(mpf_obj_t data, size_t *len);
// Item [index] of a sequence of type [t] and length [*len] (negative: from the end), for
// [kind]: IndexError (or TypeError) with CPython's message for that type and use. The
// length is read after the index's __index__ ran (it may resize the sequence).
typedef enum { MPF_INDEX_LOAD, MPF_INDEX_STORE, MPF_INDEX_POP } mpf_index_kind_t;
size_t mpf_get_index(const mpf_type_t *t, const size_t *len, mpf_obj_t index, mpf_index_kind_t kind);
bool mpf_slice_indices(mpf_obj_t slice, const size_t *len, mpf_int_t *start, mpf_int_t *stop, mpf_int_t *step);
void mpf_obj_get_array(mpf_obj_t o, size_t *len, mpf_obj_t **items); // tuple or list

// Runtime operations used by the VM.
mpf_obj_t mpf_unary_op(int op, mpf_obj_t o);
mpf_obj_t mpf_binary_op(int op, mpf_obj_t lhs, mpf_obj_t rhs);
mpf_obj_t mpf_call(mpf_obj_t fun, size_t n_args, size_t n_kw, const mpf_obj_t *args);
mpf_obj_t mpf_call0(mpf_obj_t fun);
mpf_obj_t mpf_call1(mpf_obj_t fun, mpf_obj_t a);
mpf_obj_t mpf_call2(mpf_obj_t fun, mpf_obj_t a, mpf_obj_t b);
// Call with *args (bit i of [star] set: positional i is iterable) and ** (name NULL).
mpf_obj_t mpf_call_var_kw(mpf_obj_t fun, mpf_obj_t self, size_t n_args, size_t n_kw, const mpf_obj_t *args, mpf_uint_t star);
mpf_obj_t mpf_call_method_n(size_t n_args, size_t n_kw, const mpf_obj_t *args); // args[0]=fun, args[1]=self or NULL
mpf_obj_t mpf_load_attr(mpf_obj_t o, mpf_qstr_t q);
void mpf_load_method(mpf_obj_t o, mpf_qstr_t q, mpf_obj_t *dest);      // raises AttributeError
void mpf_load_method_maybe(mpf_obj_t o, mpf_qstr_t q, mpf_obj_t *dest); // dest[0] NULL if absent
void mpf_load_super_method(mpf_qstr_t q, mpf_obj_t *dest); // dest: cls, self in; fun, self out
void mpf_store_attr(mpf_obj_t o, mpf_qstr_t q, mpf_obj_t v);         // v NULL = delete
mpf_obj_t mpf_subscr(mpf_obj_t o, mpf_obj_t index, mpf_obj_t value);
mpf_obj_t mpf_getiter(mpf_obj_t o);
// The getiter of iterators: an iterator is its own iterator.
mpf_obj_t mpf_iter_self(mpf_obj_t self);
mpf_obj_t mpf_iternext(mpf_obj_t it);          // MPF_OBJ_STOP when exhausted
mpf_obj_t mpf_iternext_raise(mpf_obj_t it);    // raises StopIteration
mpf_obj_t mpf_import_name(mpf_qstr_t name, mpf_obj_t fromlist, mpf_int_t level, mpf_obj_t globals);
// The import statement: what mpf_import_name does, or a call of builtins.__import__ when a
// program replaced it (CONFIG_BUILTIN_HELPERS; without, the replacement is not consulted).
#if CONFIG_BUILTIN_HELPERS
mpf_obj_t mpf_import_stmt(mpf_qstr_t name, mpf_obj_t fromlist, mpf_int_t level, mpf_obj_t globals);
#else
#define mpf_import_stmt mpf_import_name
#endif
mpf_obj_t mpf_import_from(mpf_obj_t mod, mpf_qstr_t name);
// from [mod] import *: its public names (or __all__) stored as items of [dict] (any mapping).
void mpf_import_all(mpf_obj_t mod, mpf_obj_t dict);
mpf_module_ctx_t *mpf_import_frozen_ctx(const mpf_frozen_module_t *fm);  // code and constants in flash
mpf_obj_t mpf_builtin_lookup(mpf_qstr_t q);    // the build's builtin [q] (the builtins module's); NULL if absent
mpf_obj_t mpf_builtins_dict(void);    // the builtins module's dict once `import builtins` made it, else NULL
#if CONFIG_COMPILER
// A builtin name of the running code: from its globals' own __builtins__ when exec/eval gave
// it one (CPython's rule), else mpf_builtin_lookup; NULL if absent.
mpf_obj_t mpf_builtin_name(mpf_qstr_t q);
#else
#define mpf_builtin_name mpf_builtin_lookup
#endif
// Dunder method [q] of builtin type [owner] into dest[0..1] (bound to [self], or unbound when self is
// NULL); false if the type has none (CONFIG_SLOT_WRAPPERS).
bool mpf_slot_wrapper(const mpf_type_t *owner, mpf_obj_t self, mpf_qstr_t q, mpf_obj_t *dest);
extern const mpf_fun_builtin_t mpf_builtin_build_class_obj;
mpf_obj_t mpf_make_class(mpf_qstr_t name, mpf_obj_t bases, mpf_obj_t dict);

// Dict/list/str internals used across files.
mpf_obj_t mpf_dict_get(mpf_obj_t d, mpf_obj_t key);     // NULL if absent
void mpf_dict_store(mpf_obj_t d, mpf_obj_t key, mpf_obj_t value);
mpf_map_t *mpf_dict_map(mpf_obj_t d);
void mpf_list_append(mpf_obj_t l, mpf_obj_t v);
mpf_obj_t mpf_list_from_iter(mpf_obj_t iterable);
mpf_obj_t mpf_tuple_from_iter(mpf_obj_t iterable);
void mpf_list_sort(mpf_obj_t list, mpf_obj_t key, bool reverse);
// list.sort() and sorted(): sort [list] by the keywords key= and reverse= among the
// [n_kw] name/value pairs at [kw].
void mpf_list_sort_kw(mpf_obj_t list, size_t n_kw, const mpf_obj_t *kw);
void mpf_list_reverse(mpf_obj_t list);  // in place
void mpf_set_add(mpf_obj_t s, mpf_obj_t v);
mpf_obj_t mpf_str_join(mpf_obj_t sep, mpf_obj_t iterable);
// Continuation bytes that follow the UTF-8 lead byte [c] (0 for ASCII and stray bytes).
static inline unsigned mpf_utf8_tail_len(uint8_t c) {
    return c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
}
// Code point [c] (at most 0x10FFFF) as UTF-8 into [buf] (4 bytes of room); its length.
size_t mpf_utf8_encode(uint32_t c, char *buf);
size_t mpf_utf8_charlen(const uint8_t *s, size_t len);
// Offset of the first byte of [s] (len [len]) that does not start well-formed UTF-8, or
// [len]; *why names the fault as CPython's codec does.
size_t mpf_utf8_invalid_at(const uint8_t *s, size_t len, const char **why);
// The code point starting at [s] (valid UTF-8); *n: its length in bytes.
uint32_t mpf_utf8_decode(const uint8_t *s, size_t *n);
// A str from the bytes [s] (len [len]) read from a text stream (a text file, stdin, input()):
// UnicodeDecodeError where they are not UTF-8, as CPython's decoding of what it reads
// (without unicode strings a str holds any bytes).
#if CONFIG_STR_UNICODE
mpf_obj_t mpf_str_from_utf8(const char *s, size_t len);
#else
#define mpf_str_from_utf8(s, len) mpf_obj_new_str((s), (len))
#endif
mpf_obj_t mpf_str_format_fn(size_t n_args, size_t n_kw, const mpf_obj_t *args);
mpf_obj_t mpf_str_modulo(mpf_obj_t fmt, mpf_obj_t args);
mpf_obj_t mpf_format_obj(mpf_obj_t o, mpf_obj_t spec);
void mpf_str_print_quoted(const mpf_print_t *p, const uint8_t *s, size_t len, bool is_bytes);
// Three-way comparison of two byte strings (<0, 0, >0), shorter first on a common prefix.
int mpf_bytes_compare(const void *a, size_t la, const void *b, size_t lb);
// The bool answer of comparison [op] (MPF_BINARY_OP_LESS .. NOT_EQUAL) given a three-way
// comparison's result [c].
mpf_obj_t mpf_obj_compare_result(int op, int c);

// Ints.
mpf_obj_t mpf_int_binary_op(int op, mpf_obj_t lhs, mpf_obj_t rhs);
mpf_obj_t mpf_int_parse(const char *s, size_t len, int base, bool *ok);
void mpf_int_print(const mpf_print_t *p, mpf_obj_t o, int base, bool upper);
bool mpf_int_is_big(mpf_obj_t o);
mpf_float_t mpf_int_to_float(mpf_obj_t o);
mpf_obj_t mpf_int_from_float(mpf_float_t f);
#if CONFIG_FLOAT
// (q + f) 2^-s to the nearest double, ties to even (subnormals too), where 0 <= f < 1 is
// nonzero exactly when [sticky]: q > 0 of at most 63 bits, and of 55 or more when [sticky]
// (the rounding bit is in q). HUGE_VAL when it is too big for a double.
double mpf_float_round_scaled(unsigned long long q, bool sticky, long s);
// Floats and 64-bit integers with no C conversion between them (software doubles on
// single-precision boards): v as the nearest float; 0 <= v < 2**64 rounded down or [up] to
// an integer; -2**63 <= v < 2**63 rounded down.
mpf_float_t mpf_float_from_i64(int64_t v);
uint64_t mpf_float_to_u64(mpf_float_t v, bool up);
int64_t mpf_float_floor_i64(mpf_float_t v);
// a / b of two ints, correctly rounded (as CPython); ZeroDivisionError, OverflowError when
// the quotient is too big for a float.
mpf_float_t mpf_int_true_divide(mpf_obj_t a, mpf_obj_t b);
// int [i] against float [f] exactly: -1, 0, 1, or 2 when f is NaN; mpf_int_float_compare:
// the answer of comparison [op] (MPF_BINARY_OP_LESS .. NOT_EQUAL).
int mpf_int_float_cmp(mpf_obj_t i, mpf_float_t f);
mpf_obj_t mpf_int_float_compare(int op, mpf_obj_t i, mpf_float_t f);
#endif
int mpf_int_sign(mpf_obj_t o);
// Whether small int [v] fits [size] bytes (true for a big int: to_bytes checks those);
// array and struct check it first because to_bytes may not in every int configuration.
bool mpf_int_fits_bytes(mpf_obj_t v, size_t size, bool is_signed);
mpf_obj_t mpf_int_to_bytes_obj(mpf_obj_t o, size_t len, bool little, bool is_signed);
mpf_obj_t mpf_int_from_bytes_obj(const uint8_t *buf, size_t len, bool little, bool is_signed);
// Float.
mpf_obj_t mpf_float_binary_op(int op, mpf_float_t a, mpf_float_t b);
void mpf_float_print(const mpf_print_t *p, mpf_float_t f);
mpf_obj_t mpf_float_parse(const char *s, size_t len, bool *ok);
mpf_obj_t mpf_float_format(mpf_float_t f, char type, int prec, bool alt); // for format specs
mpf_obj_t mpf_float_round(mpf_obj_t x, mpf_obj_t ndigits);
mpf_obj_t mpf_float_repr_obj(mpf_float_t f);
// Shortest round-trip repr of [f] into [out] (MPF_FLOAT_REPR_MAX bytes, NUL-terminated);
// returns the length.
#define MPF_FLOAT_REPR_MAX 48
size_t mpf_float_repr_buf(char *out, mpf_float_t f);
#if CONFIG_COMPILER
size_t mpf_float_repr_mpy(char *out, mpf_float_t f);  // as mpy-cross writes a constant
mpf_float_t mpf_float_parse_mpy(const char *s, size_t len);  // as mpy-cross reads a literal
#endif
// ValueError("math domain error") / OverflowError("math range error"), for math and cmath.
MPF_NORETURN void mpf_raise_math_domain_error(void);
MPF_NORETURN void mpf_raise_math_range_error(void);
// Complex (obj_complex.c).
mpf_obj_t mpf_obj_new_complex(mpf_float_t real, mpf_float_t imag);
// The parts of complex, float or int [o]; false for anything else.
bool mpf_complex_get_maybe(mpf_obj_t o, mpf_float_t *real, mpf_float_t *imag);
// complex('...') syntax ('1+2j', ' (3j) ', 'inf-nanj'); *ok false (NULL returned) if malformed.
mpf_obj_t mpf_complex_parse(const char *s, size_t len, bool *ok);
// a / b by Smith's method, as CPython computes it (cmath's log with a base uses it too);
// *zero_div is set when b is 0.
void mpf_complex_div(mpf_float_t ar, mpf_float_t ai, mpf_float_t br, mpf_float_t bi,
    mpf_float_t *rr, mpf_float_t *ri, bool *zero_div);

// Loader.
typedef struct mpf_load_result {
    const mpf_raw_code_t *rc;
    mpf_module_ctx_t *ctx;  // qstrs and consts filled, globals NULL
    const char *error;      // NULL on success; else what is wrong
} mpf_load_result_t;
// Parse and verify an .mpy image held in [buf] (GC heap, kept referenced by the result).
mpf_load_result_t mpf_load_mpy(const uint8_t *buf, size_t len);

// Run the callbacks micropython.schedule() queued (mod_micropython.c; only with
// CONFIG_MODULE_MICROPYTHON). The VM calls it at its poll point when sched_pending.
void mpf_micropython_run_scheduled(void);
// One idle step of a wait (sleep, select, the asyncio loop): poll the port (Ctrl-C),
// run callbacks queued by micropython.schedule(), then sleep until the next event.
void mpf_wait_idle(void);

// Start-up (boot.c), shared by the ports.
// Run [rc] as the module __main__ (with __file__ = [file] unless NULL); raises on error.
void mpf_boot_run_as_main(const mpf_raw_code_t *rc, mpf_module_ctx_t *ctx, mpf_obj_t file);
// Run the frozen boot.py, then main.py (a banner when there is none); returns the exit
// status: 0, SystemExit's code, or 1 after printing the traceback of an uncaught exception
// (MPF_EXIT_INTERRUPTED for an uncaught KeyboardInterrupt).
int mpf_boot_frozen(void);
// The status of a program stopped by an uncaught KeyboardInterrupt (Ctrl-C): 128 + SIGINT,
// what a shell reports for CPython stopped by Ctrl-C (CPython kills itself with SIGINT).
#define MPF_EXIT_INTERRUPTED 130
// The exit status an uncaught exception [exc] stands for, after printing it as above.
int mpf_boot_exit_status(mpf_obj_t exc);
#if CONFIG_REPL
// Print [exc]'s traceback to [p]; when that fails (a full heap), its type name.
void mpf_boot_print_exc(const mpf_print_t *p, mpf_obj_t exc);
// A new module __main__ in sys.modules; returns its globals, now mpf_state.main_globals.
mpf_obj_t mpf_boot_new_main(void);
#endif
// Arg checking.
void mpf_arg_check_num(size_t n_args, size_t n_kw, size_t n_min, size_t n_max, bool takes_kw);
void mpf_arg_check_new(mpf_qstr_t name, size_t n_args, size_t n_kw, size_t n_min, size_t n_max, bool takes_kw);
// Find keyword [q] in a call's kw pairs; NULL if absent.
mpf_obj_t mpf_arg_kw(size_t n_args, size_t n_kw, const mpf_obj_t *args, mpf_qstr_t q);
// A TypeError when a call has more than [n_pos_max] positional arguments or a keyword not
// in [names] (for builtins that read their keywords one by one with mpf_arg_kw: a typo must
// not be ignored silently). Terse builds (CONFIG_ERROR_MSG_TERSE) leave the check out to
// save flash.
#if CONFIG_ERROR_MSG_LEVEL >= 1
void mpf_arg_check_kw(size_t n_args, size_t n_kw, const mpf_obj_t *args, size_t n_pos_max, size_t n_names,
    const mpf_qstr_t *names);
#else
#define mpf_arg_check_kw(n_args, n_kw, args, n_pos_max, n_names, names) ((void)(names))
#endif
// Take the arguments after the first [skip] positional ones into [vals] by name: up to
// [n_pos] positionally, any by keyword; absent ones are MPF_OBJ_NULL. As CPython's builtins
// (Argument Clinic): TypeError for more arguments than [n_names], more positional ones than
// [n_pos], one given by position and by keyword, or a keyword not in [names]
// (MPF_QSTRID_NULL there: a positional-only parameter). [fun] is MPF_ARG_FUN(name, skip):
// the function's name, for the messages, and [skip]; MPF_ARG_PY_STYLE added: the messages
// of a function CPython writes in Python ("got multiple values for argument"). Without
// CONFIG_ERROR_MSG_EXACT: the same checks with short messages, [fun] the skip alone.
#define MPF_ARG_SKIP_MASK 15u
#define MPF_ARG_NAME_SHIFT 8
#if CONFIG_ERROR_MSG_EXACT
#define MPF_ARG_PY_STYLE 16u
#define MPF_ARG_FUN(name, skip) (((size_t)(name) << MPF_ARG_NAME_SHIFT) | (skip))
#else
#define MPF_ARG_PY_STYLE 0u
#define MPF_ARG_FUN(name, skip) ((void)(name), (size_t)(skip))  // (the messages name no function)
#endif
void mpf_arg_parse(size_t n_args, size_t n_kw, const mpf_obj_t *args, size_t fun, size_t n_pos, size_t n_names,
    const mpf_qstr_t *names, mpf_obj_t *vals);
// After mpf_arg_parse: TypeError "[fun]() missing required argument 'name' (pos N)" for the
// first of the [n_req] leading [vals] that is absent.
void mpf_arg_required(mpf_qstr_t fun, const mpf_qstr_t *names, const mpf_obj_t *vals, size_t n_req);
// An optional int argument from mpf_arg_parse: [dflt] when absent or None.
mpf_int_t mpf_arg_int(mpf_obj_t o, mpf_int_t dflt);

// Whether [o] is a str (a qstr or a str object): MPF_IS_STR calls the one copy of the test
// (obj.c), about 8 B at each of its 80-odd uses; MPF_IS_STR_HOT, for the paths that run per
// operation (comparisons, map keys, str methods, formatting), inlines it with VM_FAST_PATHS.
#define MPF_IS_STR(o) mpf_obj_is_str(o)
#if CONFIG_VM_FAST_PATHS
#define MPF_IS_STR_HOT(o) (mpf_obj_is_qstr(o) || mpf_obj_is_type((o), &mpf_type_str))
// Whether strs [a] and [b] (MPF_IS_STR both) hold the same text: no user code runs.
static inline bool mpf_str_text_equal(mpf_obj_t a, mpf_obj_t b) {
    size_t la, lb;
    const char *sa = mpf_obj_str_data(a, &la);
    const char *sb = mpf_obj_str_data(b, &lb);
    return la == lb && memcmp(sa, sb, la) == 0;
}
#else
#define MPF_IS_STR_HOT(o) mpf_obj_is_str(o)
#endif

#endif // MPF_MPF_H
