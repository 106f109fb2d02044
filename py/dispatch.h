// dispatch.h -- how the VM's dispatch loop jumps to an opcode handler: a switch, or
// (CONFIG_VM_DISPATCH_COMPUTED_GOTO) a table of label addresses. vm.c writes its handlers with
// VM_CASE/VM_NEXT only, so swapping this header changes nothing else. The loop fetches
// each opcode with VM_FETCH, which vm.c defines (the byte at ip, ip moved past it).
#ifndef MPF_DISPATCH_H
#define MPF_DISPATCH_H

#include "opcodes.h"

#if CONFIG_VM_DISPATCH_COMPUTED_GOTO

#define VM_TABLE_ENTRY(b, name, opnd, in, st) [b] = &&L_##name,
#define VM_TABLE_RANGE(first, last, name, in, st) [first ... last] = &&L_##name,
#if defined(__clang__)
#define VM_IGNORE_OVERRIDE _Pragma("clang diagnostic ignored \"-Winitializer-overrides\"")
#else
#define VM_IGNORE_OVERRIDE _Pragma("GCC diagnostic ignored \"-Woverride-init\"")
#endif
// every byte defaults to L_BAD, then the defined opcodes override their entries
#define VM_DECLARE_TABLE \
    _Pragma("GCC diagnostic push") VM_IGNORE_OVERRIDE \
    static const void *const vm_table[256] = { \
        [0 ... 255] = &&L_BAD, \
        MPF_OPCODES(VM_TABLE_ENTRY) \
        MPF_OPCODE_RANGES(VM_TABLE_RANGE) \
    }; \
    _Pragma("GCC diagnostic pop")
// fetch the next opcode and jump to its handler
#define VM_NEXT \
    do { \
        fr->cur = ip; \
        goto *vm_table[VM_FETCH]; \
    } while (0)
#define VM_LOOP_BEGIN VM_NEXT; {
#define VM_LOOP_END }
#define VM_CASE(name) L_##name
#define VM_RANGE(name) L_##name
#define VM_DEFAULT L_BAD

#else

#define VM_DECLARE_TABLE
#define VM_NEXT goto vm_dispatch
#define VM_LOOP_BEGIN \
    for (;;) { \
    vm_dispatch: \
        fr->cur = ip; \
        switch (VM_FETCH) {
#define VM_LOOP_END \
        } \
    }
#define VM_CASE(name) case MPF_OP_##name
// ranges are reached from the default case (no case ranges in standard C)
#define VM_RANGE(name) L_##name
// the opcode ranges of opcodes.h, tested in the default case in ascending order: below
// its first byte, a byte is none of the ranges after it (one compare each, and one for a
// range's end when a gap follows it)
#define VM_RANGE_TEST(first, last, name, in, st) \
    if (ip[-1] < (first)) { \
        goto L_BAD; \
    } \
    if (ip[-1] <= (last)) { \
        goto L_##name; \
    }
#define VM_DEFAULT \
    default: \
        MPF_OPCODE_RANGES(VM_RANGE_TEST) \
        goto L_BAD; \
    L_BAD

#endif

#endif // MPF_DISPATCH_H
