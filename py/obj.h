// obj.h -- the one place that knows how a Python value is packed into a machine word.
//
// An mpf_obj_t is a uintptr_t holding one of (W = bits in a pointer, 32 or 64):
//
//   bit  W-1 ..................... 2   1   0
//        [ signed integer, W-1 bits     ] 1     small int   value = (intptr_t)o >> 1
//        [ qstr id, W-2 bits        ] 1   0     interned str  id = o >> 2
//        [ address of an object     ] 0   0     pointer (objects are word aligned);
//                                              the object's first word is its type
//   0 (all bits clear)                         MPF_OBJ_NULL: "no object" (unbound local,
//                                              absent default, NULL of the bytecode)
//
// None, True, False, Ellipsis, NotImplemented and the VM sentinels are const objects in
// flash, so they are pointers like any other object. Only the is/as/make helpers live
// here; the object structs themselves are in mpf.h.
#ifndef MPF_OBJ_H
#define MPF_OBJ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "config.h"

typedef uintptr_t mpf_obj_t;   // a tagged value, see the diagram above

// The accessors that mpf.h's mpf_obj_type and mpf_obj_is_type use, and those two, are
// `inline` (not `static inline`) definitions with one external copy in obj.c: where the
// compiler keeps a call (-Os does, for mpf_obj_type), every file calls that one copy. As
// `static inline` functions, each file kept its own out-of-line copy (1.6 KB of copies in
// the default netduinoplus2 image; with LTO, identical code folding merged them already).
// An `inline` definition may only call functions with external linkage.

// MPF_TAG_ASSERT(cond, "accessor"): with CONFIG_CHECK_TAGS, abort naming the accessor
// when a value is read as a kind it is not; otherwise nothing.
#if CONFIG_CHECK_TAGS
_Noreturn void mpf_tag_check_failed(const char *accessor);
#define MPF_TAG_ASSERT(cond, accessor) ((cond) ? (void)0 : mpf_tag_check_failed("fatal: value tag check failed in " accessor))
#else
#define MPF_TAG_ASSERT(cond, accessor) ((void)0)
#endif
typedef intptr_t mpf_int_t;    // a machine-word signed integer (small-int payload)
typedef uintptr_t mpf_uint_t;  // a machine-word unsigned integer
typedef size_t mpf_qstr_t;     // an interned-string id (0 = none)

#define MPF_OBJ_NULL ((mpf_obj_t)0)

// Number of bits of a small int's value (two's complement, sign included): the word
// less the tag bit. The build's one source is CONFIG_MPY_SMALL_INT_BITS (frozen code is
// compiled for it too); the word size checks it here.
#define MPF_SMALL_INT_BITS ((size_t)CONFIG_MPY_SMALL_INT_BITS)
_Static_assert(MPF_SMALL_INT_BITS == sizeof(mpf_obj_t) * 8 - 1,
               "CONFIG_MPY_SMALL_INT_BITS must be the bits of a pointer less one (31 or 63)");
#define MPF_SMALL_INT_MAX ((mpf_int_t)(((mpf_uint_t)1 << (MPF_SMALL_INT_BITS - 1)) - 1))
#define MPF_SMALL_INT_MIN (-MPF_SMALL_INT_MAX - 1)

// Small ints.
inline bool mpf_obj_is_small_int(mpf_obj_t o) { return (o & 1) != 0; }
static inline mpf_int_t mpf_obj_small_int_value(mpf_obj_t o) {
    MPF_TAG_ASSERT(mpf_obj_is_small_int(o), "mpf_obj_small_int_value");
    return (mpf_int_t)o >> 1; // arithmetic shift (gcc, clang)
}
static inline mpf_obj_t mpf_obj_new_small_int(mpf_int_t v) { return ((mpf_uint_t)v << 1) | 1; }
static inline bool mpf_small_int_fits(mpf_int_t v) { return v >= MPF_SMALL_INT_MIN && v <= MPF_SMALL_INT_MAX; }
#define MPF_OBJ_SMALL_INT(v) ((mpf_obj_t)(((mpf_uint_t)(v) << 1) | 1)) // for static initialisers

// Qstrs (interned strings).
inline bool mpf_obj_is_qstr(mpf_obj_t o) { return (o & 3) == 2; }
static inline mpf_qstr_t mpf_obj_qstr_value(mpf_obj_t o) {
    MPF_TAG_ASSERT(mpf_obj_is_qstr(o), "mpf_obj_qstr_value");
    return (mpf_qstr_t)(o >> 2);
}
static inline mpf_obj_t mpf_obj_new_qstr(mpf_qstr_t q) { return ((mpf_obj_t)q << 2) | 2; }
#define MPF_OBJ_QSTR(q) ((mpf_obj_t)(((mpf_uint_t)(q) << 2) | 2)) // for static initialisers

// Pointers to objects.
inline bool mpf_obj_is_ptr(mpf_obj_t o) { return (o & 3) == 0 && o != 0; }
inline void *mpf_obj_ptr(mpf_obj_t o) {
    MPF_TAG_ASSERT((o & 3) == 0, "mpf_obj_ptr");
    return (void *)o;
}
static inline mpf_obj_t mpf_obj_from_ptr(const void *p) { return (mpf_obj_t)p; }
#define MPF_OBJ_FROM_PTR(p) ((mpf_obj_t)(p)) // for static initialisers

#endif // MPF_OBJ_H
