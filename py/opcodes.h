// opcodes.h -- the bytecode of mpy v6.3 (mpy-format.md section 9) as one X-macro list.
// Shared by the loader's verifier (operand kinds, defined bytes) and the VM's dispatch.
//
// OP(byte, name, operand, in, net): operand is one of the MPF_OPND_* kinds; in is how
// many stack items the instruction reads (the depth it needs), net its net stack
// effect; either is MPF_STACK_DYN when it depends on the operand (the loader's
// stack-depth pass computes those). The MULTI ranges (0x70-0xF9) are listed as
// R(first, last, name, in, net) in MPF_OPCODE_RANGES.
#ifndef MPF_OPCODES_H
#define MPF_OPCODES_H

#include <stdint.h>

enum {
    MPF_OPND_NONE,  // no operand
    MPF_OPND_Q,     // vuint qstr-table index
    MPF_OPND_U,     // vuint
    MPF_OPND_S,     // signed vuint (LOAD_CONST_SMALL_INT)
    MPF_OPND_C,     // vuint constant-table index
    MPF_OPND_R,     // vuint child index
    MPF_OPND_RB,    // child index then a raw byte (closures: number of cells)
    MPF_OPND_JS,    // signed jump
    MPF_OPND_JSB,   // signed jump then a raw byte (UNWIND_JUMP)
    MPF_OPND_JU,    // unsigned (forward) jump
};
#define MPF_STACK_DYN 99

#define MPF_OPCODES(OP) \
    OP(0x10, LOAD_CONST_STRING, MPF_OPND_Q, 0, 1)       /* push interned string */ \
    OP(0x11, LOAD_NAME, MPF_OPND_Q, 0, 1)               /* locals, globals, builtins */ \
    OP(0x12, LOAD_GLOBAL, MPF_OPND_Q, 0, 1)             /* globals, builtins */ \
    OP(0x13, LOAD_ATTR, MPF_OPND_Q, 1, 0)               /* o -> o.name */ \
    OP(0x14, LOAD_METHOD, MPF_OPND_Q, 1, 1)             /* o -> m, self */ \
    OP(0x15, LOAD_SUPER_METHOD, MPF_OPND_Q, 3, -1)      /* sup, cls, self -> m, self */ \
    OP(0x16, STORE_NAME, MPF_OPND_Q, 1, -1)             /* v -> (locals) */ \
    OP(0x17, STORE_GLOBAL, MPF_OPND_Q, 1, -1)           /* v -> (globals) */ \
    OP(0x18, STORE_ATTR, MPF_OPND_Q, 2, -2)             /* v, o -> ; v NULL deletes */ \
    OP(0x19, DELETE_NAME, MPF_OPND_Q, 0, 0)             /* del from locals */ \
    OP(0x1A, DELETE_GLOBAL, MPF_OPND_Q, 0, 0)           /* del from globals */ \
    OP(0x1B, IMPORT_NAME, MPF_OPND_Q, 2, -1)            /* level, fromlist -> mod */ \
    OP(0x1C, IMPORT_FROM, MPF_OPND_Q, 1, 1)             /* mod -> mod, x */ \
    OP(0x20, MAKE_CLOSURE, MPF_OPND_RB, MPF_STACK_DYN, MPF_STACK_DYN)          /* c1..cn -> f */ \
    OP(0x21, MAKE_CLOSURE_DEFARGS, MPF_OPND_RB, MPF_STACK_DYN, MPF_STACK_DYN)  /* dt, dk, c1..cn -> f */ \
    OP(0x22, LOAD_CONST_SMALL_INT, MPF_OPND_S, 0, 1)    /* push small int */ \
    OP(0x23, LOAD_CONST_OBJ, MPF_OPND_C, 0, 1)          /* push constant */ \
    OP(0x24, LOAD_FAST_N, MPF_OPND_U, 0, 1)             /* push local */ \
    OP(0x25, LOAD_DEREF, MPF_OPND_U, 0, 1)              /* push cell contents */ \
    OP(0x26, STORE_FAST_N, MPF_OPND_U, 1, -1)           /* store local */ \
    OP(0x27, STORE_DEREF, MPF_OPND_U, 1, -1)            /* store into cell */ \
    OP(0x28, DELETE_FAST, MPF_OPND_U, 0, 0)             /* unbind local */ \
    OP(0x29, DELETE_DEREF, MPF_OPND_U, 0, 0)            /* empty cell */ \
    OP(0x2A, BUILD_TUPLE, MPF_OPND_U, MPF_STACK_DYN, MPF_STACK_DYN) /* x1..xn -> t */ \
    OP(0x2B, BUILD_LIST, MPF_OPND_U, MPF_STACK_DYN, MPF_STACK_DYN)  /* x1..xn -> l */ \
    OP(0x2C, BUILD_MAP, MPF_OPND_U, 0, 1)               /* -> d (n is a hint) */ \
    OP(0x2D, BUILD_SET, MPF_OPND_U, MPF_STACK_DYN, MPF_STACK_DYN)   /* x1..xn -> s */ \
    OP(0x2E, BUILD_SLICE, MPF_OPND_U, MPF_STACK_DYN, MPF_STACK_DYN) /* a, b[, c] -> slice */ \
    OP(0x2F, STORE_COMP, MPF_OPND_U, MPF_STACK_DYN, MPF_STACK_DYN)  /* append into comprehension */ \
    OP(0x30, UNPACK_SEQUENCE, MPF_OPND_U, 1, MPF_STACK_DYN) /* seq -> x(n-1)..x0 */ \
    OP(0x31, UNPACK_EX, MPF_OPND_U, 1, MPF_STACK_DYN)   /* starred unpack */ \
    OP(0x32, MAKE_FUNCTION, MPF_OPND_R, 0, 1)           /* -> f */ \
    OP(0x33, MAKE_FUNCTION_DEFARGS, MPF_OPND_R, 2, -1)  /* dt, dk -> f */ \
    OP(0x34, CALL_FUNCTION, MPF_OPND_U, MPF_STACK_DYN, MPF_STACK_DYN)       /* f, args, kws -> r */ \
    OP(0x35, CALL_FUNCTION_VAR_KW, MPF_OPND_U, MPF_STACK_DYN, MPF_STACK_DYN) /* f, args, kws, bm -> r */ \
    OP(0x36, CALL_METHOD, MPF_OPND_U, MPF_STACK_DYN, MPF_STACK_DYN)         /* m, self, args, kws -> r */ \
    OP(0x37, CALL_METHOD_VAR_KW, MPF_OPND_U, MPF_STACK_DYN, MPF_STACK_DYN)  /* m, self, args, kws, bm -> r */ \
    OP(0x40, UNWIND_JUMP, MPF_OPND_JSB, MPF_STACK_DYN, MPF_STACK_DYN)       /* leave try/with blocks, jump */ \
    OP(0x42, JUMP, MPF_OPND_JS, 0, 0)                   /* unconditional */ \
    OP(0x43, POP_JUMP_IF_TRUE, MPF_OPND_JS, 1, -1)      /* v -> */ \
    OP(0x44, POP_JUMP_IF_FALSE, MPF_OPND_JS, 1, -1)     /* v -> */ \
    OP(0x45, JUMP_IF_TRUE_OR_POP, MPF_OPND_JU, 1, MPF_STACK_DYN)  /* or */ \
    OP(0x46, JUMP_IF_FALSE_OR_POP, MPF_OPND_JU, 1, MPF_STACK_DYN) /* and */ \
    OP(0x47, SETUP_WITH, MPF_OPND_JU, 1, 2)             /* cm -> ex, cm, val */ \
    OP(0x48, SETUP_EXCEPT, MPF_OPND_JU, 0, 0)           /* push except entry */ \
    OP(0x49, SETUP_FINALLY, MPF_OPND_JU, 0, 0)          /* push finally entry */ \
    OP(0x4A, POP_EXCEPT_JUMP, MPF_OPND_JU, 0, 0)        /* pop entry, jump */ \
    OP(0x4B, FOR_ITER, MPF_OPND_JU, 4, MPF_STACK_DYN)   /* it[4] -> it[4], v | -> */ \
    OP(0x50, LOAD_CONST_FALSE, MPF_OPND_NONE, 0, 1) \
    OP(0x51, LOAD_CONST_NONE, MPF_OPND_NONE, 0, 1) \
    OP(0x52, LOAD_CONST_TRUE, MPF_OPND_NONE, 0, 1) \
    OP(0x53, LOAD_NULL, MPF_OPND_NONE, 0, 1) \
    OP(0x54, LOAD_BUILD_CLASS, MPF_OPND_NONE, 0, 1) \
    OP(0x55, LOAD_SUBSCR, MPF_OPND_NONE, 2, -1)         /* o, i -> o[i] */ \
    OP(0x56, STORE_SUBSCR, MPF_OPND_NONE, 3, -3)        /* v, o, i -> */ \
    OP(0x57, DUP_TOP, MPF_OPND_NONE, 1, 1) \
    OP(0x58, DUP_TOP_TWO, MPF_OPND_NONE, 2, 2) \
    OP(0x59, POP_TOP, MPF_OPND_NONE, 1, -1) \
    OP(0x5A, ROT_TWO, MPF_OPND_NONE, 2, 0) \
    OP(0x5B, ROT_THREE, MPF_OPND_NONE, 3, 0) \
    OP(0x5C, WITH_CLEANUP, MPF_OPND_NONE, 3, -2)        /* ex, cm, X -> Y */ \
    OP(0x5D, END_FINALLY, MPF_OPND_NONE, 1, -1)         /* X -> */ \
    OP(0x5E, GET_ITER, MPF_OPND_NONE, 1, 0)             /* o -> iter(o) */ \
    OP(0x5F, GET_ITER_STACK, MPF_OPND_NONE, 1, 3)       /* o -> it[4] */ \
    OP(0x62, STORE_MAP, MPF_OPND_NONE, 3, -2)           /* d, v, k -> d */ \
    OP(0x63, RETURN_VALUE, MPF_OPND_NONE, 1, -1) \
    OP(0x64, RAISE_LAST, MPF_OPND_NONE, 0, 0) \
    OP(0x65, RAISE_OBJ, MPF_OPND_NONE, 1, -1) \
    OP(0x66, RAISE_FROM, MPF_OPND_NONE, 2, -2) \
    OP(0x67, YIELD_VALUE, MPF_OPND_NONE, 1, 0) \
    OP(0x68, YIELD_FROM, MPF_OPND_NONE, 2, -1) \
    OP(0x69, IMPORT_STAR, MPF_OPND_NONE, 1, -1)

// Ranges: (first, last, name, in, net)
#define MPF_OPCODE_RANGES(R) \
    R(0x70, 0xAF, LOAD_CONST_SMALL_INT_MULTI, 0, 1)  /* value = byte - 0x80 */ \
    R(0xB0, 0xBF, LOAD_FAST_MULTI, 0, 1)             /* slot = byte - 0xB0 */ \
    R(0xC0, 0xCF, STORE_FAST_MULTI, 1, -1)           /* slot = byte - 0xC0 */ \
    R(0xD0, 0xD3, UNARY_OP_MULTI, 1, 0)              /* op = byte - 0xD0 */ \
    R(0xD7, 0xF9, BINARY_OP_MULTI, 2, -1)            /* op = byte - 0xD7 */

// The net stack effect of each opcode byte below the MULTI ranges (MPF_STACK_DYN: it
// depends on the operand; 0: undefined), the loader verifier's (the emitter packs its own:
// compile_emit.c's op_net, checked against MPF_OPCODES when it is compiled).
#define MPF_OP_FIRST_MULTI 0x70
extern const int8_t mpf_loader_op_stack_net[MPF_OP_FIRST_MULTI];

enum {
#define MPF_OP_ENUM(b, name, opnd, in, st) MPF_OP_##name = b,
    MPF_OPCODES(MPF_OP_ENUM)
#undef MPF_OP_ENUM
#define MPF_OPR_ENUM(b, e, name, in, st) MPF_OP_##name = b,
    MPF_OPCODE_RANGES(MPF_OPR_ENUM)
#undef MPF_OPR_ENUM
};

#define MPF_OP_SMALL_INT_MULTI_ZERO 0x80

#endif // MPF_OPCODES_H
