// compile_emit.c -- the compiler's back end (CONFIG_COMPILER): scopes, name resolution and
// bytecode for a syntax tree, assembled into the .mpy v6.3 image mpy-cross writes.
//
// Like mpy-cross, each scope is compiled in passes: a scope pass that records the names a
// scope binds and uses (and creates the child scopes), then sizing passes until every jump
// has its final width, then the emit pass. The file's qstr and constant tables are filled in
// the order mpy-cross fills them: the scope passes of all scopes first (each starting with
// the scope's name), then the code of each scope, scopes in creation order (breadth first).
//
// The module is taken from the parser one top-level statement at a time: the statement's
// scopes get their scope passes and their code is recorded (a stream of literal bytes and of
// the operands whose encoding waits for the final tables, jump offsets and line table), then
// its syntax tree is released. Once the whole module is recorded, the tables are put in
// mpy-cross's order and the recorded code is sized and written as mpy-cross would have.
//
// Code to run (mpf_emit_code) is made here without an image; the image writer (the tables and
// scopes in mpy-cross's order, the preludes, the .mpy file) is compile_mpy.c, built only with
// CONFIG_COMPILER_MPY_OUTPUT (the host's `--compile`).
#include <string.h>

#include "compile_emit.h"
#include "opcodes.h"

// Size-optimised builds (-Os) on Thumb-2: GCC 12's if-conversion, tree tail merging, "expensive"
// optimisations, guessed branch probabilities, second scheduling pass and scalar replacement
// of aggregates across calls, sibling calls, shrink-wrapping and full redundancy elimination
// make this file's code larger on Cortex-M4 (11,611 -> 11,497 B; the last three: -56 B)
#if MPF_CC_SIZE_TUNED  // (compile_int.h)
#pragma GCC optimize("no-if-conversion", "no-tree-tail-merge", "no-expensive-optimizations", \
    "no-guess-branch-probability", "no-schedule-insns2", "no-ipa-sra", "no-optimize-sibling-calls", \
    "no-shrink-wrap", "no-tree-fre")
// (calls in tail position stay calls, a shared epilogue, but for the functions on expr's
// recursion, whose tail calls keep the C stack per level of nesting as it was)
#define TAIL_CALLS __attribute__((optimize("optimize-sibling-calls")))
#else
#if MPF_CC_SIZE_TUNED_T1
#pragma GCC optimize("no-thread-jumps", "no-move-loop-invariants", "no-tree-loop-im", "no-code-hoisting", \
    "no-ipa-sra", "no-tree-dse", "no-tree-fre", "no-tree-pre", "no-if-conversion")
#endif
#define TAIL_CALLS
#endif


// ---------------------------------------------------------------- errors

#if CONFIG_COMPILER_ERROR_DETAIL
// The words of the texts (numbered from 1; a few words that go together are one, `_` between
// them: "too_many"), packed by tools/error_words.py: 5-bit symbols, 0 ending a word, 1..26
// a..z, then ' - ESC * and the space, ESC n the n-th of ERROR_CHARS (mpf_emit_error).
// BEGIN WORDS
// invalid syntax *x must_be assignment target *_arg_after_kwarg positional argument follows keyword
// too_many arguments 'yield' outside function 'await' 'yield_from'_inside async can't assign to
// expression multiple starred expressions in a list or tuple cannot delete non-default default
// duplicate definition nonlocal declaration not allowed_at_module level name_is parameter and
// global assigned before 'return' with_value generator 'break' loop 'continue' properly 'async for'
// with' 'except' last nested_loops no_binding for found names functions one scope constants source
// unindent_does match_any_outer indentation unexpected_indent expected_an_indented_block items
// number illegal annotation augmented mix_bytes nonbytes_literals statements while_compiling
// single_statement unterminated triple-quoted string_literal lines levels_of character identifier
// nested_parentheses import_* at_module rebind comprehension_iteration_variable
// inconsistent_use_of_tabs spaces unexpected_EOF_while_parsing f-string: expecting '}' single is
// allowed conversion contain_assignment,_perhaps_you_meant_"=="? \x escape truncated_\uXXXX
// Unicode \N_escapes_are supported '(' '[' '{' was_never_closed
// named must follow bare_* used prior use here constant
// END WORDS
static const uint8_t error_words[] = {
    0xC9, 0xD9, 0xC0, 0x12, 0x01, 0x33, 0x3B, 0x1A, 0x30, 0xF0, 0x18, 0xB4, 0x3A, 0xE9,
    0x17, 0x05, 0x84, 0x39, 0xD3, 0x71, 0xAD, 0x38, 0x0A, 0x68, 0x90, 0xA7, 0x50, 0xE0,
    0x7F, 0x90, 0xE7, 0x07, 0x43, 0x8B, 0xFC, 0xEB, 0x06, 0x79, 0x00, 0x7C, 0x33, 0xD1,
    0xF4, 0x5C, 0x60, 0x20, 0xC8, 0x53, 0x5B, 0x71, 0x14, 0x98, 0xC7, 0xD8, 0xBB, 0x13,
    0xAC, 0x92, 0xEF, 0x93, 0x04, 0xD0, 0xF7, 0x7E, 0x0B, 0x2E, 0x83, 0x20, 0x4F, 0x6D,
    0xC5, 0xD1, 0x09, 0x76, 0x4E, 0x85, 0x91, 0x0D, 0x5E, 0xA5, 0x33, 0x91, 0x02, 0x4C,
    0x75, 0x83, 0xA6, 0xE7, 0xC0, 0x0E, 0x37, 0x24, 0xBA, 0xC1, 0xCE, 0xA9, 0x30, 0xF2,
    0x8D, 0x7C, 0x6D, 0xFF, 0xE4, 0x66, 0x22, 0x05, 0x84, 0x99, 0xDD, 0x00, 0x23, 0xB8,
    0x4D, 0x41, 0x98, 0x33, 0x1D, 0x07, 0xE8, 0x03, 0x05, 0x43, 0x59, 0xE6, 0x4C, 0xCF,
    0x81, 0x56, 0x19, 0x4D, 0x90, 0x15, 0x30, 0x69, 0x90, 0xB2, 0x10, 0x50, 0x30, 0x94,
    0x65, 0xCE, 0xF4, 0xDC, 0x04, 0xC9, 0x81, 0x00, 0x58, 0x9A, 0x14, 0x3C, 0x09, 0x68,
    0x85, 0xAC, 0x80, 0x11, 0x9C, 0x7B, 0x14, 0x90, 0xC2, 0x0A, 0x2D, 0xC0, 0x3D, 0xC7,
    0x49, 0x31, 0xA1, 0x32, 0x0A, 0x48, 0x31, 0xA1, 0x32, 0x0A, 0x48, 0x85, 0x2C, 0x8D,
    0x40, 0x0B, 0x20, 0xC5, 0x24, 0x97, 0x68, 0x7A, 0x0E, 0xB8, 0xE7, 0xD8, 0x1B, 0x81,
    0x01, 0x52, 0x06, 0x0B, 0x32, 0xD0, 0xF4, 0x1C, 0x70, 0x8F, 0x82, 0xC0, 0xD8, 0xBB,
    0x85, 0xFC, 0x40, 0x7F, 0x7B, 0xA4, 0xB2, 0x02, 0x58, 0xB1, 0x85, 0x01, 0x17, 0x5A,
    0xF9, 0x69, 0x02, 0x18, 0x64, 0x68, 0x85, 0x16, 0x09, 0x82, 0x23, 0xE0, 0xB0, 0x27,
    0x02, 0x03, 0x61, 0xCE, 0x74, 0x5C, 0x21, 0x40, 0x14, 0xF3, 0x64, 0x01, 0x5B, 0x16,
    0x5A, 0xA5, 0xDB, 0xE0, 0x26, 0x8A, 0xBE, 0x0D, 0xAC, 0x16, 0x70, 0x8A, 0x2B, 0x32,
    0xD0, 0x27, 0xC1, 0x16, 0xB2, 0x84, 0xB5, 0x01, 0x7B, 0x0F, 0x82, 0x3D, 0x9E, 0xA3,
    0xC9, 0xD5, 0xB2, 0x01, 0x94, 0x0F, 0x16, 0xC9, 0x32, 0xD8, 0x61, 0x66, 0x37, 0x80,
    0x79, 0x72, 0x83, 0x9B, 0x28, 0xDA, 0x60, 0x17, 0x3C, 0x0A, 0xA4, 0x1B, 0xB0, 0x30,
    0x29, 0x70, 0x65, 0xD2, 0x42, 0x3E, 0x7B, 0x0F, 0x4E, 0xE0, 0xDE, 0x17, 0xC9, 0x91,
    0xE4, 0x0E, 0x30, 0x4F, 0x02, 0xF3, 0xAA, 0x23, 0xC0, 0x85, 0x56, 0x26, 0x30, 0xD5,
    0x0D, 0x9A, 0x9E, 0x9B, 0xE0, 0xB9, 0x02, 0xE6, 0x78, 0xB0, 0x80, 0xF1, 0xDC, 0xA4,
    0xC1, 0xD1, 0x09, 0xE6, 0xAB, 0x72, 0x14, 0x50, 0x5D, 0x72, 0xA4, 0x38, 0xFA, 0xC9,
    0x2B, 0x13, 0xB4, 0x40, 0x07, 0xFA, 0xC1, 0xE5, 0xFF, 0x2A, 0x2D, 0x12, 0x24, 0x47,
    0x8A, 0xA3, 0x81, 0xA6, 0xE7, 0x40, 0x75, 0x05, 0xC3, 0x32, 0x68, 0x21, 0x3F, 0x39,
    0x52, 0x1C, 0x05, 0x05, 0xC3, 0x32, 0x68, 0x21, 0x3F, 0xB8, 0x9F, 0x1C, 0x29, 0x8E,
    0x16, 0xF2, 0x05, 0x7B, 0x63, 0x81, 0x44, 0x4B, 0x9B, 0xC0, 0xD5, 0x26, 0x8A, 0x04,
    0x89, 0xB1, 0x72, 0x02, 0x03, 0xC1, 0xB9, 0x47, 0x03, 0x4D, 0xCF, 0x81, 0x50, 0x4F,
    0x2B, 0x8E, 0x16, 0x02, 0x5A, 0xC2, 0x5F, 0x64, 0x5A, 0x26, 0x70, 0xCF, 0x89, 0x4C,
    0xCB, 0xFC, 0x2C, 0xD1, 0x22, 0x03, 0x9B, 0x60, 0xD2, 0x40, 0x4B, 0x2B, 0x8E, 0x4E,
    0x70, 0x51, 0x62, 0xE5, 0x8F, 0xD7, 0x60, 0x62, 0xC9, 0x1D, 0x30, 0x93, 0x3B, 0xAC,
    0xFC, 0x49, 0x03, 0x2D, 0xAD, 0x38, 0x0A, 0xAA, 0xA3, 0x45, 0xB6, 0xE4, 0x02, 0x2D,
    0x04, 0x50, 0x99, 0x20, 0x2B, 0x3C, 0xD6, 0x47, 0x0B, 0x01, 0x93, 0xCA, 0xE4, 0xCE,
    0x67, 0x89, 0x16, 0x19, 0x18, 0x60, 0xC9, 0x95, 0x09, 0x58, 0xB1, 0x85, 0xCD, 0xFF,
    0x0C, 0x18, 0x28, 0xC8, 0x30, 0x68, 0x91, 0x20, 0x91, 0xE2, 0x68, 0x32, 0xA9, 0x48,
    0xE0, 0xCA, 0xA4, 0x85, 0x7C, 0x18, 0x64, 0x71, 0x14, 0x95, 0x59, 0x26, 0x48, 0x0D,
    0x3E, 0x49, 0xBF, 0x07, 0x81, 0xFE, 0xF6, 0x48, 0x65, 0x05, 0xC8, 0x22, 0x92, 0x23,
    0x60, 0xBC, 0x06, 0x65, 0x41, 0xC5, 0xCD, 0xF4, 0xDC, 0x4F, 0xB4, 0xC8, 0x40, 0xD3,
    0x73, 0xDF, 0x06, 0x99, 0x82, 0x60, 0x05, 0x24, 0x37, 0x9E, 0x9B, 0x69, 0xD2, 0xE2,
    0xE8, 0xAF, 0xB3, 0xFC, 0x67, 0x3E, 0x0D, 0x62, 0x82, 0x09, 0xC3, 0x28, 0x13, 0x54,
    0x57, 0x30, 0x2C, 0x83, 0x16, 0xF2, 0x3B, 0xEA, 0xA9, 0xAB, 0x7F, 0x51, 0x62, 0xE5,
    0xC3, 0x20, 0x67, 0x72, 0x07, 0x18, 0x3E, 0xA9, 0x4C, 0xEE, 0xF4, 0x00, 0x0A, 0x86,
    0x65, 0xD0, 0xE4, 0x0E, 0xD8, 0x5D, 0x6C, 0x30, 0x93, 0x3B, 0xAC, 0x80, 0x34, 0x41,
    0x60, 0xEC, 0xDD, 0x42, 0xC0, 0x78, 0xCE, 0x16, 0x39, 0xD3, 0x73, 0x60, 0x3C, 0x47,
    0x43, 0x72, 0x3F, 0xCC, 0x99, 0x8E, 0x6B, 0xC5, 0xD1, 0x4E, 0x3E, 0x2C, 0x12, 0x05,
    0x38, 0x7F, 0x7E, 0xF5, 0xB7, 0x12, 0x1C, 0xFD, 0xBD, 0x74, 0xD3, 0x4D, 0x2F, 0xFD,
    0x80, 0x3E, 0x30, 0x28, 0x73, 0x04, 0x58, 0x00, 0x95, 0xD5, 0x8D, 0x40, 0x0B, 0xF9,
    0x7D, 0xD4, 0xCE, 0x3A, 0xEB, 0xAC, 0x33, 0xD0, 0x97, 0x4B, 0xE3, 0x91, 0x02, 0xFA,
    0xE8, 0xED, 0x97, 0x39, 0x02, 0x2C, 0xF3, 0x07, 0x59, 0xC0, 0xAC, 0x10, 0x3E, 0x49,
    0x0B, 0x01, 0xBB, 0xBB, 0x0D, 0x76, 0x7F, 0x1B, 0xEC, 0x0E, 0x37, 0xB8, 0x61, 0x7E,
    0x57, 0x6C, 0x91, 0x7F, 0xB0, 0x37, 0x0B, 0x01, 0x2E, 0xB4, 0x42, 0x40, 0xAB, 0x93,
    0x02, 0xF3, 0x18, 0x7B, 0x17, 0x88, 0x20, 0xCB, 0xF7, 0xA0, 0xCE, 0x42, 0x00, 0x94,
    0xE9, 0x49, 0x50, 0x67, 0x01, 0xA8, 0xC8, 0x02, 0xC6, 0x73, 0x93, 0x06, 0x47, 0x01,
    0x00,
};
// Each text: the numbers of its words, its last word's marked by L (in E_ order).
#define L 0x80
static const uint8_t error_texts[] = {
    1, 2 | L,   // invalid syntax
    3, 4, 5, 6 | L,   // *x must be assignment target
    7 | L,   // * arg after kwarg
    8, 9, 10, 11, 9 | L,   // positional argument follows keyword argument
    12, 13 | L,   // too many arguments
    14, 15, 16 | L,   // 'yield' outside function
    17, 15, 16 | L,   // 'await' outside function
    18, 19, 16 | L,   // 'yield from' inside async function
    20, 21, 22, 23 | L,   // can't assign to expression
    24, 25, 26, 27, 5 | L,   // multiple starred expressions in assignment
    25, 5, 6, 4, 27, 28, 29, 30, 31 | L,   // starred assignment target must be in a list or tuple
    32, 21, 22, 23 | L,   // cannot assign to expression
    32, 33, 23 | L,   // cannot delete expression
    34, 9, 10, 35, 9 | L,   // non-default argument follows default argument
    36, 9, 27, 16, 37 | L,   // duplicate argument in function definition
    38, 39, 40, 41, 42 | L,   // nonlocal declaration not allowed at module level
    43, 44, 45, 46 | L,   // name is parameter and global
    43, 47, 22, 48, 46, 39 | L,   // name is assigned to before global declaration
    43, 47, 22, 48, 38, 39 | L,   // name is assigned to before nonlocal declaration
    43, 38, 45, 46 | L,   // name is nonlocal and global
    49, 15, 16 | L,   // 'return' outside function
    49, 50, 27, 19, 51 | L,   // 'return' with value in async generator
    52, 15, 53 | L,   // 'break' outside loop
    54, 40, 55, 27, 53 | L,   // 'continue' not properly in loop
    56, 57, 15, 19, 16 | L,   // 'async for' outside async function
    56, 58, 15, 19, 16 | L,   // 'async with' outside async function
    35, 59, 4, 60 | L,   // default 'except' must be last
    12, 61 | L,   // too many nested loops
    62, 63, 38, 64 | L,   // no binding for nonlocal found
    12, 65, 30, 66, 27, 67, 68 | L,   // too many names or functions in one scope
    12, 65, 30, 69, 27, 67, 70 | L,   // too many names or constants in one source
    71, 40, 72, 73, 42 | L,   // unindent does not match any outer indentation level
    74 | L,   // unexpected indent
    75 | L,   // expected an indented block
    12, 76 | L,   // too many items
    1, 2, 63, 77 | L,   // invalid syntax for number
    78, 6, 63, 79 | L,   // illegal target for annotation
    78, 23, 63, 80, 5 | L,   // illegal expression for augmented assignment
    32, 81, 45, 82 | L,   // cannot mix bytes and nonbytes literals
    24, 83, 64, 84, 28, 85 | L,   // multiple statements found while compiling a single statement
    94, 40, 95, 42 | L,   // import * not at module level
    86, 87, 88 | L,   // unterminated triple-quoted string literal
    86, 88 | L,   // unterminated string literal
    12, 89 | L,   // too many lines
    12, 90, 73 | L,   // too many levels of indentation
    1, 91, 27, 92 | L,   // invalid character in identifier
    12, 93 | L,   // too many nested parentheses
    5, 23, 32, 96, 97 | L,   // assignment expression cannot rebind comprehension iteration variable
    98, 45, 99, 27, 73 | L,   // inconsistent use of tabs and spaces in indentation
    100 | L,   // unexpected EOF while parsing
    101, 102, 103 | L,   // f-string: expecting '}'
    101, 1, 2 | L,   // f-string: invalid syntax
    101, 104, 103, 105, 40, 106 | L,   // f-string: single '}' is not allowed
    101, 1, 107, 91 | L,   // f-string: invalid conversion character
    23, 32, 108 | L,   // expression cannot contain assignment, perhaps you meant "=="?
    1, 109, 110 | L,   // invalid \x escape
    111, 110 | L,   // truncated \uXXXX escape
    78, 112, 91 | L,   // illegal Unicode character
    113, 40, 114 | L,   // \N escapes are not supported
    115, 118 | L,   // '(' was never closed
    116, 118 | L,   // '[' was never closed
    117, 118 | L,   // '{' was never closed
    119, 13, 120, 121, 122 | L,   // named arguments must follow bare *
    43, 123, 124, 22, 46, 39 | L,   // name is used prior to global declaration
    43, 123, 124, 22, 38, 39 | L,   // name is used prior to nonlocal declaration
    32, 125, 25, 23, 126 | L,   // cannot use starred expression here
    40, 28, 127 | L,   // not a constant
};
#undef L

// The symbol that takes the next one as the number of a character of ERROR_CHARS (from 1).
#define ERROR_ESC 29
#define ERROR_CHARS ":}\\,\"=?EOFUXN([{"

void mpf_emit_error(mpf_cctx_t *c, unsigned kind, size_t line, size_t col, unsigned msg) {
    char text[72];   // (the longest is 68 characters)
    char *o = text;
    const uint8_t *t = error_texts;
    while (msg > 0) {   // text [msg] starts after [msg] last words
        msg -= *t++ >> 7;
    }
    for (unsigned last = 0; !last; t++) {
        // the symbols of error_words up to the end of word *t (numbered from 1)
        unsigned w = *t & 0x7F;
        last = *t >> 7;
        unsigned esc = 0;   // (after ESC: 31, the symbols that follow ' - ESC * and the space)
        for (size_t b = 0; w > 0; b += 5) {
            unsigned ch = ((error_words[b >> 3] | (unsigned)error_words[(b >> 3) + 1] << 8) >> (b & 7)) & 31;
            if (ch == 0) {
                w--;
            } else if (w == 1) {
                if (ch == ERROR_ESC && !esc) {
                    esc = 31;
                    continue;
                }
                ch += esc;
                *o++ = ch <= 26 ? (char)('a' - 1 + ch) : ("'-?* " ERROR_CHARS)[ch - 27];
                esc = 0;
            }
        }
        *o++ = ' ';
    }
    o[-1] = '\0';
    mpf_cc_syntax_error(c, kind, line, col, text);
}
#else
// Without CONFIG_COMPILER_ERROR_DETAIL: "invalid syntax" for every SyntaxError, the
// indentation errors' own texts for an IndentationError or TabError.
void mpf_emit_error(mpf_cctx_t *c, unsigned kind, size_t line, size_t col, unsigned msg) {
    const char *text = "invalid syntax";
    if (kind != 0) {
        text = msg == E_UNEXPECTED_INDENT ? "unexpected indent"
             : msg == E_EXPECTED_INDENT ? "expected an indented block"
             : msg == E_UNINDENT ? "unindent does not match any outer indentation level"
             : "inconsistent use of tabs and spaces in indentation";
    }
    mpf_cc_syntax_error(c, kind, line, col, text);
}
#endif

// SyntaxError [msg] (an E_ number) at [x] (NULL: no position).
MPF_NORETURN static void error_at(emit_t *e, const mpf_node_t *x, unsigned msg) {
    mpf_emit_error(e->c, false, x ? x->line : 0, x ? x->col : 0, msg);
}

// error_at with the text naming [q] (mpf_cctx_t.err_name).
MPF_NORETURN static void error_named(emit_t *e, const mpf_node_t *x, unsigned msg, mpf_qstr_t q) {
    e->c->err_name = q;
    error_at(e, x, msg);
}

// ---------------------------------------------------------------- growable arrays

// [old] (elements of [size] bytes) with room for at least [need].
static void *reserve(void *old, size_t need, size_t *cap, size_t size) {
    if (need <= *cap) {
        return old;
    }
    size_t ncap = *cap ? *cap * 2 : size >= 8 ? 4 : 32;   // small first: most scopes are
    while (ncap < need) {
        ncap *= 2;
    }
    // growing arrays live in their own heap blocks (reachable from the emitter's state),
    // so the block they outgrow is released rather than left in the arena
    void *p = mpf_gc_realloc(old, ncap * size);
    *cap = ncap;
    return p;
}

// [old] with room for one more than its [n] elements.
static void *grow(void *old, size_t n, size_t *cap, size_t size) {
    return reserve(old, n + 1, cap, size);
}

// grow() for the 16-bit counts of a scope (its names, its children).
NOINLINE static void *grow16(emit_t *e, void *old, uint16_t n, uint16_t *cap, size_t size, const mpf_node_t *at) {
    if (n == UINT16_MAX) {
        error_at(e, at, E_SCOPE_NAMES);
    }
    size_t c = *cap;
    void *p = grow(old, n, &c, size);
    *cap = (uint16_t)(c < UINT16_MAX ? c : UINT16_MAX);
    return p;
}

// ---------------------------------------------------------------- file tables

static bool const_equal(mpf_obj_t a, mpf_obj_t b) {
    const mpf_type_t *ta = mpf_obj_type(a);
    if (ta != mpf_obj_type(b)) {
        return false;
    }
#if CONFIG_FLOAT
    if (ta == &mpf_type_float) {
        // (bit for bit: 0.0 and -0.0 are two, a nan one)
        const mpf_float_obj_t *fa = mpf_obj_ptr(a), *fb = mpf_obj_ptr(b);
        return memcmp(&fa->value, &fb->value, sizeof(fa->value)) == 0;
    }
#endif
    if (ta == &mpf_type_tuple) {
        const mpf_tuple_t *ua = mpf_obj_ptr(a), *ub = mpf_obj_ptr(b);
        if (ua->len != ub->len) {
            return false;
        }
        for (size_t i = 0; i < ua->len; i++) {
            if (!const_equal(ua->items[i], ub->items[i])) {
                return false;
            }
        }
        return true;
    }
    // str, bytes, int, complex; (bool: True and False, the other singletons are the same object)
    return mpf_obj_equal(a, b);
}

// The index of [v] in table [which] (a qstr: the same id; a constant: const_equal), added
// when it is not there. (A linear search: a source has a few hundred names and constants.)
static size_t use_entry(emit_t *e, int which, uintptr_t v) {
    table_t *t = &e->tab[which];
    for (size_t j = 0; j < t->n; j++) {
        if (t->v[j] == v || (which == T_C && const_equal(t->v[j], v))) {
            return j;
        }
    }
    if (t->n + 1 >= UINT16_MAX) {
        error_at(e, NULL, E_FILE_NAMES);
    }
    t->v = grow(t->v, t->n, &t->cap, sizeof(uintptr_t));
    t->v[t->n] = v;
    return t->n++;
}

#define use_qstr(e, q) use_entry(e, T_Q, q)
#define use_const(e, o) use_entry(e, T_C, o)

// ---------------------------------------------------------------- bytes

static void rec_lit(emit_t *e, uint8_t b);

static void put(emit_t *e, uint8_t b) {
    if (e->dead) {
        return;
    }
    if (e->record) {
        rec_lit(e, b);
        return;
    }
    if (e->count_only) {
        e->len++;
        return;
    }
    if (MPY(e) && e->piece != NULL) {
        while ((ptrdiff_t)e->len - e->piece_off >= (ptrdiff_t)e->piece->len && e->piece->next != NULL) {
            e->piece_off += e->piece->len;
            e->piece = e->piece->next;
        }
        ptrdiff_t i = (ptrdiff_t)e->len - e->piece_off;
        if (i < (ptrdiff_t)e->piece->len) {
            e->piece->data[i] = b;
        }
        e->len++;
        return;
    }
    // the image (mpf_emit_mpy) or the code to run, in its block of the size counted before
    if (e->len < e->cap) {
        e->code[e->len] = b;
    }
    e->len++;
}

// [v] as a vuint (7 bits a byte, most significant first) into [sink]: the code or a recording.
// With [is_signed], v is an intptr_t, and its bytes end where the rest is bit 6's sign.
static void vint_to(emit_t *e, size_t v, void (*sink)(emit_t *, uint8_t), bool is_signed) {
    uint8_t tmp[11];
    int n = 0;
    for (;;) {
        uint8_t b = v & 0x7F;
        tmp[n++] = b;
        // (the signed shift is arithmetic)
        v = is_signed ? (size_t)((intptr_t)v >> 7) : v >> 7;
        if (v == (is_signed && (b & 0x40) ? (size_t)-1 : 0)) {
            break;
        }
    }
    while (n > 1) {
        sink(e, tmp[--n] | 0x80);
    }
    sink(e, tmp[0]);
}

NOINLINE static void put_vuint(emit_t *e, size_t v) {
    vint_to(e, v, put, false);
}

// ---------------------------------------------------------------- recorded code

// A recorded stream is a list of pieces (the first small, each next twice the last, up to
// PIECE_MAX) holding records: a literal byte of code below R_ESC (R_ESC and the byte: one
// from R_ESC up), or one of these tags and its operands.
enum {
    R_ESC = 0xF0,   // byte: a literal byte of code that is a tag's value
    R_Q,            // vuint: a qstr operand (its provisional index), also the scope pass's
    R_QN,           // vuint: a qstr operand that is a name (which the scope pass does not register)
    R_C,            // vuint: a constant operand (its provisional index)
    // R_Q/R_QN/R_C + R_DEAD: the same, registered by code not written (dead)
    R_NAME = R_C + 4,         // vuint: LOAD/STORE/DELETE_NAME; vuint: a name of the module (its opcode
                    // waits for the whole module: a def's `global` makes it an explicit global)
    R_JUMP,         // byte: the opcode; vuint: the label
    R_LABEL,        // vuint: the label placed here
    R_LINE,         // vuint: the line that starts here
};
#define R_DEAD 3
#define REC_FIRST 24

static void rec_byte(emit_t *e, uint8_t b) {
    raw_piece_t *t = e->rec_tail;
    if (t == NULL || t->len == e->rec_cap) {
        size_t cap = t == NULL ? REC_FIRST : e->rec_cap * 2 < PIECE_MAX ? e->rec_cap * 2 : PIECE_MAX;
        // the first piece grows (in place when it can) until it is PIECE_MAX long: a stream
        // that fits one piece is one
        bool first = t != NULL && e->rec_cap < PIECE_MAX;
        // (a new piece is zeroed: no next, empty)
        raw_piece_t *pc = mpf_gc_realloc(first ? t : NULL, sizeof(raw_piece_t) + cap);
        if (!first && t != NULL) {
            t->next = pc;
        }
        if (t == NULL || first) {
            e->scope->rec = pc;
        }
        e->rec_tail = t = pc;
        e->rec_cap = cap;
    }
    t->data[t->len++] = b;
}

NOINLINE static void rec_vuint(emit_t *e, size_t v) {
    vint_to(e, v, rec_byte, false);
}

static void rec_lit(emit_t *e, uint8_t b) {
    if (b >= R_ESC) {
        rec_byte(e, R_ESC);
    }
    rec_byte(e, b);
}

// Record [tag] and its operand [v].
NOINLINE static void rec_op(emit_t *e, uint8_t tag, size_t v) {
    rec_byte(e, tag);
    rec_vuint(e, v);
}

static void free_pieces(raw_piece_t *pc) {
    while (pc != NULL) {
        raw_piece_t *next = pc->next;
        mpf_gc_free(pc);
        pc = next;
    }
}

// A stream is complete ([t] its last piece, of room [cap]): its last piece shrinks to what
// it holds (in place).
static void rec_trim(raw_piece_t *t, size_t cap) {
    if (t != NULL && t->len < cap) {
        mpf_gc_realloc(t, sizeof(raw_piece_t) + t->len);
    }
}

typedef struct {
    const raw_piece_t *pc;
    size_t i;
} rec_cursor_t;

NOINLINE static bool rd_more(rec_cursor_t *r) {
    while (r->pc != NULL && r->i == r->pc->len) {
        r->pc = r->pc->next;
        r->i = 0;
    }
    return r->pc != NULL;
}

static uint8_t rd_byte(rec_cursor_t *r) {
    rd_more(r);
    return r->pc->data[r->i++];
}

static size_t rd_vuint(rec_cursor_t *r) {
    size_t v = 0;
    uint8_t b;
    do {
        b = rd_byte(r);
        v = (v << 7) | (b & 0x7F);
    } while (b & 0x80);
    return v;
}

// Table entry [i] ([tag] R_Q, R_QN or R_C) as an operand, recorded by the code pass
// (registered only, when the code is dead). The scope pass registers the same entries but
// names, in the same order: its registrations are read from the recorded code. (Code to run
// has its tables in the order they are filled: [i] is final, recorded as literal bytes.)
static void ref(emit_t *e, uint8_t tag, size_t i) {
    if (!e->record) {
        return;
    }
    if (!MPY(e)) {
        put_vuint(e, i);
        return;
    }
    rec_op(e, (uint8_t)(e->dead ? tag + R_DEAD : tag), i);
}

static void adjust(emit_t *e, int delta) {
    e->depth += delta;
    if (e->depth > e->max_depth) {
        e->max_depth = e->depth;
    }
}

// The stack effect of each opcode byte from 0x10 to 0x69 as mpy-cross counts it, plus 3 (7:
// it depends on the operand), 4 bits each, 8 to a word: the net effects of opcodes.h but
// WITH_CLEANUP +2 (the -4 after it is the handler's), a conditional jump's -1 on the taken
// path too, FOR_ITER +1, UNWIND_JUMP 0. (The emitter's own: the loader's table of them,
// 112 bytes, is in an image only with the .mpy loader; the checks below hold it to opcodes.h.)
#define NET_W0 0x22243444u
#define NET_W1 0x33342331u
#define NET_W2 0x22444477u
#define NET_W3 0x77747733u
#define NET_W4 0x77772477u
#define NET_W5 0x33333333u
#define NET_W6 0x52222333u
#define NET_W7 0x33334333u
#define NET_W8 0x40244444u
#define NET_W9 0x63253325u
#define NET_W10 0x31232133u
#define NET_W11 0x00000022u
static const uint32_t op_net[] = {
    NET_W0, NET_W1, NET_W2, NET_W3, NET_W4, NET_W5, NET_W6, NET_W7, NET_W8, NET_W9, NET_W10, NET_W11,
};
#define NET_DYN 4   // (7 - 3)
#define NET_NIB(w, b) ((int)(((w) >> (((b) & 7) * 4)) & 15) - 3)
// (opcode [b]'s entry as a constant expression, for the checks)
#define NET_WORD(i) ((i) == 0 ? NET_W0 : (i) == 1 ? NET_W1 : (i) == 2 ? NET_W2 : (i) == 3 ? NET_W3 : \
    (i) == 4 ? NET_W4 : (i) == 5 ? NET_W5 : (i) == 6 ? NET_W6 : (i) == 7 ? NET_W7 : (i) == 8 ? NET_W8 : \
    (i) == 9 ? NET_W9 : (i) == 10 ? NET_W10 : NET_W11)
#define NET_WANT(b, st) ((b) == MPF_OP_WITH_CLEANUP ? 2 : (b) == MPF_OP_UNWIND_JUMP ? 0 : \
    (b) == MPF_OP_FOR_ITER ? 1 : (b) == MPF_OP_JUMP_IF_TRUE_OR_POP || (b) == MPF_OP_JUMP_IF_FALSE_OR_POP ? -1 : \
    (st) == MPF_STACK_DYN ? NET_DYN : (st))
#define NET_CHECK(b, name, opnd, in, st) \
    _Static_assert((b) >= 0x10 && NET_NIB(NET_WORD(((b) - 0x10) >> 3), b) == NET_WANT(b, st), "op_net: " #name);
MPF_OPCODES(NET_CHECK)
#undef NET_CHECK

// The stack effect of opcode [b] (0x10 or above) with operand [u] (none: 0), as mpy-cross
// counts it: op_net's, or one that depends on the operand worked out here.
static int stack_effect(uint8_t b, size_t u) {
    // 0x70.. small ints and 0xB0.. local loads push, 0xC0.. local stores pop, 0xD0.. unary
    // operators keep the depth, 0xD7.. binary operators pop one
    if (b >= MPF_OP_FIRST_MULTI) {
        return b >= 0xD7 ? -1 : b >= 0xD0 ? 0 : b >= 0xC0 ? -1 : 1;
    }
    int d = NET_NIB(op_net[(b - 0x10) >> 3], b);
    if (d != NET_DYN) {
        return d;
    }
    int lo = (int)(u & 0xFF), hi = (int)(u >> 8);
    if (b >= MPF_OP_CALL_FUNCTION) {
        // positional args, keyword pairs, the method's self, the star bitmap
        return -(lo + 2 * hi) - (b & 1) - ((b >> 1) & 1);
    }
    switch (b) {
        case MPF_OP_UNPACK_SEQUENCE: return (int)u - 1;
        case MPF_OP_UNPACK_EX: return lo + hi;
        case MPF_OP_STORE_COMP: return -1 - (int)(u & 1);   // a dict comprehension's is a pair
        default: return 1 - (int)u;                          // BUILD_TUPLE/LIST/SET/SLICE
    }
}

// The depth changed by opcode [b] with operand [u] (none: 0).
NOINLINE static void adjust_op(emit_t *e, uint8_t b, size_t u) {
    adjust(e, stack_effect(b, u));
}

// Opcode [b] (no operand), its stack effect taken into account.
static void op(emit_t *e, uint8_t b) {
    adjust_op(e, b, 0);
    put(e, b);
}

// Opcode [b] with qstr operand [v] ([tag] R_Q; R_QN: a name), or constant [v] ([tag] R_C);
// with [tag] R_NAME, a module's name op whose opcode waits for the whole module ([b] the
// _NAME one: see R_NAME).
static void op_qt(emit_t *e, uint8_t b, uintptr_t v, uint8_t tag) {
    adjust_op(e, b, 0);
    size_t i = use_entry(e, tag == R_C, v);
    if (tag == R_NAME) {
        rec_op(e, R_NAME, b);
        rec_vuint(e, i);
        return;
    }
    put(e, b);
    ref(e, tag, i);
}

NOINLINE static void op_q(emit_t *e, uint8_t b, mpf_qstr_t q) {
    op_qt(e, b, q, R_Q);
}

// LOAD_CONST_OBJ of constant [o].
#define op_c(e, o) op_qt(e, MPF_OP_LOAD_CONST_OBJ, o, R_C)

// Opcode [b] with unsigned operand [u].
static void op_u(emit_t *e, uint8_t b, size_t u) {
    adjust_op(e, b, u);
    put(e, b);
    put_vuint(e, u);
}

// Load ([what] 0), store (1) or delete (2) local slot [num] ([cell]: the cell in it):
// LOAD/STORE_FAST_MULTI for the first 16, else LOAD/STORE_FAST_N, DELETE_FAST; a cell's
// LOAD/STORE/DELETE_DEREF (each the opcode after its _FAST one).
static void local_op(emit_t *e, int what, bool cell, size_t num) {
    if (!cell && what < 2 && num < 16) {
        op(e, (uint8_t)(0xB0 + 16 * what + num));
    } else {
        op_u(e, (uint8_t)(0x24 + 2 * what + cell), num);
    }
}

// Push local slot [num].
#define load_fast(e, num) local_op(e, 0, false, num)

// (only the final passes place labels: the scope pass and the recording count them)
static int new_label(emit_t *e) {
    return (int)e->n_labels++;
}

// [n] new labels into [L].
static void new_labels(emit_t *e, int *L, int n) {
    for (int i = 0; i < n; i++) {
        L[i] = new_label(e);
    }
}

// (the syntax tree is walked by the scope pass and the recording only: the passes over the
// recorded code place the labels, write the jumps and the line table: walk)
static void label(emit_t *e, int l) {
    e->dead = false;
    if (e->record) {
        rec_op(e, R_LABEL, (size_t)l);
    }
}

// Jump opcode [b] to label [l]. After an unconditional one (JUMP, POP_EXCEPT_JUMP) what
// follows is unreachable until the next label: nothing is written.
static void jump_bytes(emit_t *e, uint8_t b, int l);

static void op_jump(emit_t *e, uint8_t b, int l) {
    adjust_op(e, b, 0);
    if (e->dead) {
        return;
    }
    if (e->record) {
        rec_op(e, R_JUMP, b);
        rec_vuint(e, (size_t)l);
    }
    if (b == MPF_OP_JUMP || b == MPF_OP_POP_EXCEPT_JUMP) {
        e->dead = true;
    }
}

// The bytes of jump [b] to label [l] (placed by this pass already, else the previous pass's
// offset: labels[] holds both).
static void jump_bytes(emit_t *e, uint8_t b, int l) {
    // a signed offset (UNWIND_JUMP, JUMP, POP_JUMP_IF_*) is biased by 0x40 in one byte, by
    // 0x4000 in two
    int bias = b <= MPF_OP_POP_JUMP_IF_FALSE ? 0x40 : 0;
    size_t target = e->labels[l];
    size_t at = e->len;
    put(e, b);
    // (offsets fit an int: a scope's code is far below 2 GB; no 64-bit arithmetic)
    int d = target == LABEL_NONE ? 0 : (int)target - (int)(at + 2);
    // an offset not known yet is assumed long: like mpy-cross, sizes only shrink from pass
    // to pass, so the layout settles on the same fixed point as its
    if (target != LABEL_NONE && (unsigned)(d + bias) < 0x80) {
        put(e, (uint8_t)(d + bias));
    } else {
        int v = d - 1 + (bias << 8);
        if (!e->count_only && (unsigned)v > 0x7FFF) {
            // an offset past 15 bits (a jump over ~16 KB of code): mpy-cross refuses it too
            mpf_raise_msg(&mpf_type_RuntimeError, "bytecode overflow");
        }
        if (v < 0) {
            v = 0;
        }
        put(e, (uint8_t)(0x80 | (v & 0x7F)));
        put(e, (uint8_t)((v >> 7) & 0xFF));
    }
}

// ---------------------------------------------------------------- emission scripts

// The fixed instruction sequences of the statements are const byte scripts run by seq():
// opcodes (their stack effects from stack_effect) and their operands, and these directives.
enum {
    S_END,      // end of the script
    S_LABELS,   // n: L[0..n-1] = new labels (L_AT(n, k): L[k..k+n-1])
    S_LABEL,    // k: place label L[k]
    S_ADJ,      // d: the depth changes by d (a signed byte), no code
    S_ENTER,    // an exception handler starts (after its SETUP_*)
    S_LEAVE,    // END_FINALLY: the handler entered last ends
    S_EXPR,     // k: the expression x->k[k]
    S_STORE,    // k: assign to the target x->k[k]
    S_SUITE,    // k: the statements x->k[k] (none if NULL)
    S_BIND,     // k: assign to the target x->k[k], or POP_TOP when it is NULL
    S_BASE,     // k: the object x->k[k] of an assignment target (target_base)
    S_DEL,      // k: delete the target x->k[k]
    S_EXPRN,    // k: the expression x->k[k], or None when it is NULL
    S_IFSET,    // k n: the next n bytes only when x->k[k] is not NULL
    S_IFNONE,   // k n: the next n bytes only when x->k[k] is NULL
    S_NODE_END, // (the node directives end here)
};
// directives in the opcode space's holes
#define S_JIF 0x1D    // c: jump_if(x->k[c & 7], c >> 7, L[(c >> 3) & 15])
#define S_OPX 0x1E    // b: the opcode b + x->op
#define S_LOOP 0x4C   // k: the loop body x->k[k & 7]: continue jumps to L[0], break to L[1]
#define S_LOOP_FOR 8  // (in k: a for loop's body, whose break also drops the 4-slot iterator)
#define JIF(k, l, cond) (uint8_t)((k) | ((l) << 3) | ((cond) << 7))
// (in the holes of the opcodes no script uses: MAKE_CLOSURE, _DEFARGS, LOAD_CONST_SMALL_INT,
// LOAD_CONST_OBJ) in an S_EACH body (none in another, but in one of its S_ON) a node
// directive's k counts from the body's child
#define S_EACH 0x20   // k step n: the next n bytes (ending with S_END) for each child from k on, by step
#define S_OPN 0x21    // b: opcode b & 0x7F with operand x->n (halved when b & 0x80)
#define S_KLINE 0x22  // k: the line of x->k[k]
#define S_ON 0x23     // k n: the next n bytes (ending with S_END) on the node x->k[k]
#define S_IFMORE 0x24 // k n: the next n bytes only when there are children after x->k[k] (k | S_NOT: none)
#define S_NOT 0x80
#define L_AT(n, k) ((k) << 4 | (n))
#define S_CMP 0x25    // N_COMPARE's operator before its child [at] (`not in`, `is not`: then NOT)
// Operands: a qstr opcode (0x10..0x1C) is followed by an index in seq_qstrs (or QX: the
// name x->v.q; QK(k): the name x->k[k]->v.q, the empty one when x->k[k] is NULL), one with an unsigned operand (0x20..0x3F) by its value (below 128), a jump
// (0x40..0x4B) by its label k.
#define QX 0xFF
#define QK(k) (0xF0 + (k))
enum { Q_AENTER, Q_AEXIT, Q_AITER, Q_ANEXT, Q_BASEEXC, Q_STOPASYNC, Q_CLASS, Q_ASSERT, Q_REPL_PRINT, Q_STAR };
static const uint16_t seq_qstrs[] = {
    MPF_QSTR___aenter__, MPF_QSTR___aexit__, MPF_QSTR___aiter__, MPF_QSTR___anext__, MPF_QSTR_BaseException,
    MPF_QSTR_StopAsyncIteration, MPF_QSTR___class__, MPF_QSTR_AssertionError, MPF_QSTR___repl_print__,
    MPF_QSTRE__2a,
};
// the opcodes that are a binary operator or a sequence of three
#define B_EXC_MATCH (MPF_OP_BINARY_OP_MULTI + 8)
#define B_AWAIT MPF_OP_GET_ITER, MPF_OP_LOAD_CONST_NONE, MPF_OP_YIELD_FROM

static void expr(emit_t *e, mpf_node_t *x);
#define stmt expr   // (one function compiles both)
static void target(emit_t *e, mpf_node_t *x, bool del);
#define store(e, x) target(e, x, false)
static void suite(emit_t *e, mpf_node_t *x);
static void enter_exc(emit_t *e);
static void leave_exc(emit_t *e);
static void target_base(emit_t *e, mpf_node_t *x, bool attr_lines);
static void jump_if(emit_t *e, mpf_node_t *x, bool cond, int l);
static void set_line(emit_t *e, size_t line);
static size_t trailer_line(const mpf_node_t *x);

// The body of a loop: continue jumps to L[0], break to L[1] ([is_for]: a break also drops the
// for loop's iterator). (Not in seq: its frame is on the C stack at each level of nesting.)
NOINLINE static void loop_body(emit_t *e, mpf_node_t *body, const int *L, bool is_for) {
    loop_t saved = e->loop;
    e->loop = (loop_t){L[1], L[0], e->exc_level, is_for};
    suite(e, body);
    e->loop = saved;
}

// Run script [s] on node [x] with the labels [L] (see the S_ directives).
static void seq(emit_t *e, const uint8_t *s, int *L, mpf_node_t *x) {
    // S_EACH's loop: the node directives count from child [at] (0 outside it); its body
    // (after its step and length; NULL: none)
    size_t at = 0;
    const uint8_t *body = NULL;
    for (;;) {
        uint8_t b = *s++;
        // (the node directives: their scripts run on a node)
        mpf_node_t *k = b >= S_EXPR && b < S_NODE_END ? x->k[at + *s] : NULL;
        switch (b) {
            case S_END:
                if (body == NULL) {
                    return;
                }
                at += body[-2];   // the body once more, or past it
                if (at < x->n) {
                    s = body;
                    continue;
                }
                s = body + body[-1];
                at = 0;
                body = NULL;
                continue;
            case S_LABELS:
                new_labels(e, L + (*s >> 4), *s & 15);
                break;
            case S_LABEL:
                label(e, L[*s]);
                break;
            case S_ADJ:
                adjust(e, (int8_t)*s);
                break;
            case S_ENTER:
                enter_exc(e);
                continue;
            case S_LEAVE:
                leave_exc(e);
                continue;
            case S_EXPRN:
                if (k == NULL) {
                    op(e, MPF_OP_LOAD_CONST_NONE);
                    break;
                }
                // fall through
            case S_EXPR:
                expr(e, k);
                break;
            case S_BIND:
                if (k == NULL) {
                    op(e, MPF_OP_POP_TOP);
                    break;
                }
                // fall through
            case S_STORE:
            case S_DEL:
                target(e, k, b == S_DEL);
                break;
            case S_SUITE:
                suite(e, k);
                break;
            case S_BASE:
                target_base(e, k, true);
                break;
            case S_IFSET:
            case S_IFNONE:
                s++;
                if ((k == NULL) == (b == S_IFSET)) {
                    s += *s;
                }
                break;
            default:
                // (the directives in the opcodes' space are no cases: the switch's table stays short)
                if (b >= 0x50) {
                    op(e, b);
                    continue;
                }
                if (b == S_CMP) {
                    unsigned o = x->v.ops[at - 1];
                    op(e, (uint8_t)(MPF_OP_BINARY_OP_MULTI + o - 2 * (o >= 8)));
                    if (o >= 8) {
                        op(e, MPF_OP_UNARY_OP_MULTI + 3);
                    }
                    continue;
                }
                if (b == S_EACH) {   // (not in an S_EACH body but inside an S_ON)
                    if (*s < x->n) {
                        at = *s;
                        body = s + 3;
                        s = body;
                        continue;
                    }
                    s += 2 + s[2];
                } else if (b == S_IFMORE) {
                    if ((at + (*s & 0x7F) + 1 >= x->n) != (*s >> 7)) {
                        s += s[1];
                    }
                    s++;
                } else if (b == S_OPN) {
                    op_u(e, *s & 0x7F, x->n >> (*s >> 7));
                } else if (b == S_KLINE) {
                    set_line(e, x->k[at + *s]->line);
                } else if (b == S_ON) {
                    seq(e, s + 2, L, x->k[at + *s]);
                    s += 1 + s[1];
                } else if (b == S_JIF) {
                    jump_if(e, x->k[*s & 7], *s >> 7, L[(*s >> 3) & 15]);
                } else if (b == S_OPX) {
                    op(e, (uint8_t)(*s + x->op));
                } else if (b == S_LOOP) {
                    loop_body(e, x->k[*s & 7], L, (*s & S_LOOP_FOR) != 0);
                } else if (b >= 0x40) {
                    op_jump(e, b, L[*s]);
                } else if (b >= 0x20) {
                    op_u(e, b, *s);
                } else {
                    mpf_qstr_t q = *s == QX ? x->v.q : seq_qstrs[*s & 15];
                    if (*s >= QK(0) && *s < QX) {
                        mpf_node_t *n = x->k[at + (*s & 15)];
                        q = n ? n->v.q : MPF_QSTRE_;
                    }
                    op_q(e, b, q);
                }
        }
        s++;   // the operand
    }
}

// The opcodes of [seq] (no operands), one after the other.
static void ops(emit_t *e, const char *seq_) {
    seq(e, (const uint8_t *)seq_, NULL, NULL);
}

// ---------------------------------------------------------------- line table

static void line_entry(emit_t *e, size_t line);

static void set_line(emit_t *e, size_t line) {
    if (e->opt >= 3 || line <= e->last_line) {
        return;
    }
    if (e->record) {
        rec_op(e, R_LINE, line);
    }
    e->last_line = line;
}

// The line table's entries from the last line to [line], at this offset of the code.
static void line_entry(emit_t *e, size_t line) {
    size_t bc = e->len - e->last_line_off;
    size_t ln = line - e->last_line;
    while (bc > 0 || ln > 0) {
        size_t b, l;
        e->lines = reserve(e->lines, e->lines_len + 2, &e->lines_cap, 1);
        if (ln <= 6 || bc > 15) {
            b = bc < 31 ? bc : 31;
            l = b < bc ? 0 : (ln < 3 ? ln : 3);
            e->lines[e->lines_len++] = (uint8_t)(b | (l << 5));
        } else {
            b = bc < 15 ? bc : 15;
            l = ln < 2047 ? ln : 2047;
            e->lines[e->lines_len++] = (uint8_t)(0x80 | b | ((l >> 4) & 0x70));
            e->lines[e->lines_len++] = (uint8_t)(l & 0xFF);
        }
        bc -= b;
        ln -= l;
    }
    e->last_line = line;
    e->last_line_off = e->len;
}

// ---------------------------------------------------------------- scopes and names

NOINLINE static scope_t *scope_new(emit_t *e, int kind, mpf_node_t *node, mpf_qstr_t name) {
    // a heap block of its own, not arena memory: the scopes outlive the syntax tree, which is
    // released before the image is written (mpf_gc_alloc's bytes are zeroed)
    scope_t *s = mpf_gc_alloc(sizeof(scope_t), false);
    s->kind = (uint8_t)kind;
    s->node = node;
    s->name = name;
    s->parent = e->scope;
    if (e->last) {
        e->last->next = s;
    } else {
        e->first = s;
    }
    e->last = s;
    mpf_node_set_scope(node, s);
    return s;
}

static id_info_t *find_id(scope_t *s, mpf_qstr_t q) {
    for (size_t i = 0; i < s->n_ids; i++) {
        if (s->ids[i].q == q) {
            return &s->ids[i];
        }
    }
    return NULL;
}

// The entry of [q] in [s], made (of [kind]) if there is none.
static id_info_t *add_id(emit_t *e, scope_t *s, mpf_qstr_t q, int kind) {
    id_info_t *id = find_id(s, q);
    if (id) {
        return id;
    }
    s->ids = grow16(e, s->ids, s->n_ids, &s->cap_ids, sizeof(id_info_t), s->node);
    id = &s->ids[s->n_ids++];
    id->q = q;
    id->kind = (uint8_t)kind;
    id->flags = 0;
    id->num = 0;
    return id;
}

static ALWAYS_INLINE bool is_func_like(const scope_t *s) {
    return s->kind > SC_CLASS;
}

// SyntaxError [msg] at [x] unless the code being compiled is a function's.
// Whether scope [s] is the body of an `async def`.
static bool is_async_def(const scope_t *s) {
    return s->node != NULL && s->node->kind == N_FUNCDEF && s->node->op;
}

static ALWAYS_INLINE void need_function(emit_t *e, const mpf_node_t *x, unsigned msg) {
    if (!is_func_like(e->scope)) {
        error_at(e, x, msg);
    }
}

// Declare [id] global (explicitly in scope [t] too: its code then uses the explicit global
// opcodes for it) or nonlocal (resolved against the enclosing scopes later).
NOINLINE static void declare_id(emit_t *e, id_info_t *id, scope_t *t, bool global) {
    id->flags |= IDF_DECLARED;
    if (global) {
        id->kind = ID_GLOBAL_EXPLICIT;
        add_id(e, t, id->q, ID_GLOBAL_EXPLICIT)->kind = ID_GLOBAL_EXPLICIT;
    } else {
        id->kind = ID_FREE;
        id->flags |= 8;
    }
}

// Record a store of [q] in scope [s] (in the scope pass).
static void scope_store(emit_t *e, scope_t *s, mpf_qstr_t q) {
    id_info_t *id = add_id(e, s, q, ID_UNDECIDED);
    if (id->kind == ID_UNDECIDED || id->kind == ID_GLOBAL_IMPLICIT) {
        // (mpy-cross makes a __class__ a class body binds a local of the body, as in a function)
        if (is_func_like(s) || (s->kind == SC_CLASS && q == MPF_QSTR___class__)) {
            id->kind = ID_LOCAL;
        } else {
            id->kind = ID_GLOBAL_IMPLICIT;
            id->flags |= 4;   // bound in this module/class body
        }
    }
}

// Load ([what] 0), store (1) or delete (2) name [q]: in the scope pass, record the use.
// LOAD_NAME, STORE_NAME, DELETE_NAME (their _GLOBAL: the next opcode each)
static const uint8_t name_ops[3] = {0x11, 0x16, 0x19};

static void name_op(emit_t *e, mpf_qstr_t q, int what) {
    scope_t *s = e->scope;
    if (e->pass == PASS_SCOPE) {
        if (what) {
            scope_store(e, s, q);
        } else {
            add_id(e, s, q, ID_UNDECIDED)->flags |= 64;   // used (before a global or nonlocal?)
        }
        return;   // (the scope pass's stack depth is not kept: the code pass's is)
    }
    id_info_t *id = find_id(s, q);
    int kind = id ? id->kind : ID_GLOBAL_IMPLICIT;
    if (kind >= ID_LOCAL) {
        local_op(e, what, kind != ID_LOCAL, id->num);
        return;
    }
    // LOAD/STORE/DELETE_NAME, or _GLOBAL (the opcode after it); the module's: known once the
    // whole module is parsed
    uint8_t b = name_ops[what];
    if (e->record && s->kind == SC_MODULE && !e->dead) {
        op_qt(e, b, q, R_NAME);
    } else {
        op_qt(e, (uint8_t)(b + (kind == ID_GLOBAL_EXPLICIT || is_func_like(s))), q, R_QN);
    }
}

#define load_name(e, q) name_op(e, q, 0)
#define store_name(e, q) name_op(e, q, 1)
#define delete_name(e, q) name_op(e, q, 2)

// ---------------------------------------------------------------- constants

// (a word-sized int: no 64-bit arithmetic on 32-bit targets, where every small int is one)
static bool is_small(mpf_int_t v) {
    return v >= -((mpf_int_t)1 << 30) && v < ((mpf_int_t)1 << 30);
}

// A constant small int of 31 bits (what mpy-cross's parser makes a small int node).
static bool is_small_const(const mpf_node_t *x) {
    return x->kind == N_CONST && mpf_obj_is_small_int(x->v.obj) && is_small(mpf_obj_small_int_value(x->v.obj));
}

static void load_int_obj(emit_t *e, mpf_obj_t o) {
    if (mpf_obj_is_small_int(o)) {
        mpf_int_t v = mpf_obj_small_int_value(o);
        if (v >= -16 && v <= 47) {
            op(e, (uint8_t)(0x80 + v));
            return;
        }
        if (is_small(v)) {
            adjust(e, 1);
            put(e, 0x22);
            vint_to(e, (size_t)v, put, true);
            return;
        }
    }
    op_c(e, o);
}

// Whether a str of these bytes is interned when mpy-cross parses it: short, or already a
// qstr (a name of the core, or an identifier earlier in this source).
static bool str_is_interned(const char *s, size_t len, bool interned, mpf_qstr_t *q) {
    if (len > 10 && !interned) {
        return false;
    }
    *q = mpf_qstr_from_strn(s, len);
    return true;
}

// The constant N_CONST [x].
static void load_const(emit_t *e, const mpf_node_t *x) {
    // (LOAD_CONST_FALSE, _NONE, _TRUE load these)
    static const mpf_obj_t singletons[3] = {MPF_OBJ_FALSE, MPF_OBJ_NONE, MPF_OBJ_TRUE};
    mpf_obj_t o = x->v.obj;
    if (x->op & N_CONST_OBJ) {
        // (a name of NAME = const(value): None and a str too, as mpy-cross loads them)
        load_int_obj(e, o);
        return;
    }
    for (unsigned i = 0; i < 3; i++) {
        if (o == singletons[i]) {
            op(e, (uint8_t)(0x50 + i));
            return;
        }
    }
    if (mpf_obj_type(o) == &mpf_type_str) {   // (a qstr too)
        size_t len;
        const char *s = mpf_obj_str_data(o, &len);
        mpf_qstr_t q;
        if (str_is_interned(s, len, (x->op & N_CONST_INTERNED) != 0, &q)) {
            op_q(e, 0x10, q);
        } else {
            op_c(e, mpf_parse_const_value(x));
        }
        return;
    }
    load_int_obj(e, o);   // (any other object: a constant unless a small int)
}

// ---------------------------------------------------------------- expressions

// The line of the first token of trailer [x] (a call, subscript or attribute).
NOINLINE static size_t trailer_line(const mpf_node_t *x) {
    return (size_t)x->line + (x->op & N_TRAILER_BELOW_MAX);
}

// Whether [x] is one constant object: a literal, or a non-empty tuple of constants (mpy-cross
// folds it; an empty one is built).
NOINLINE static bool is_const_node(const mpf_node_t *x) {
    return x->kind == N_CONST || (x->kind == N_TUPLE && x->n > 0 && mpf_parse_tuple_is_const(x));
}

static bool has_star(const mpf_node_t *x) {
    for (size_t i = 0; i < x->n; i++) {
        if (x->k[i]->kind == N_STAR) {
            return true;
        }
    }
    return false;
}

static void make_child(emit_t *e, scope_t *child, int n_closed, bool defargs) {
    // the child gets the next raw-code slot of this scope
    int idx = e->child_index++;
    if (e->pass != PASS_SCOPE) {
        scope_t *s = e->scope;
        if ((size_t)idx >= s->n_children) {
            s->children = grow16(e, s->children, s->n_children, &s->cap_children, sizeof(scope_t *), child->node);
            s->children[s->n_children++] = child;
        }
    }
    // MAKE_FUNCTION(_DEFARGS), or MAKE_CLOSURE(_DEFARGS) with the number of cells after
    // the child: pops the cells and the two default objects, pushes the function
    adjust(e, 1 - n_closed - 2 * defargs);
    put(e, (uint8_t)((n_closed ? MPF_OP_MAKE_CLOSURE : MPF_OP_MAKE_FUNCTION) + defargs));
    put_vuint(e, (size_t)idx);
    if (n_closed) {
        put(e, (uint8_t)n_closed);
    }
}

// Push the cells [child] closes over and make the function (defaults already pushed).
static void close_over(emit_t *e, scope_t *child, bool defargs) {
    int n = 0;
    if (e->pass != PASS_SCOPE) {
        // free variables of the child, in its slot order
        for (uint16_t slot = 0;; slot++) {
            id_info_t *found = NULL;
            for (size_t i = 0; i < child->n_ids; i++) {
                if (child->ids[i].kind == ID_FREE && child->ids[i].num == slot) {
                    found = &child->ids[i];
                }
            }
            if (found == NULL) {
                break;
            }
            id_info_t *mine = find_id(e->scope, found->q);
            if (mine == NULL) {
                break;
            }
            load_fast(e, mine->num);
            n++;
        }
    }
    make_child(e, child, n, defargs);
}

// The scope of def, lambda, class or comprehension [x], made (of [kind], named [name]) by the
// scope pass.
NOINLINE static scope_t *child_scope(emit_t *e, mpf_node_t *x, int kind, mpf_qstr_t name) {
    return e->pass == PASS_SCOPE ? scope_new(e, kind, x, name) : mpf_node_scope(x);
}

static void comprehension(emit_t *e, mpf_node_t *x) {
    // (x->op: 0 list, 1 dict, 2 set, 3 generator, as the SC_ kinds from SC_LISTCOMP on)
    static const uint16_t names[4] = {MPF_QSTRE__3clistcomp_3e, MPF_QSTRE__3cdictcomp_3e, MPF_QSTRE__3csetcomp_3e,
        MPF_QSTRE__3cgenexpr_3e};
    close_over(e, child_scope(e, x, SC_LISTCOMP + N_COMP_KIND(x), names[N_COMP_KIND(x)]), false);
    // the first iterable is evaluated here
    mpf_node_t *first = x->k[2];
    expr(e, first->k[1]);
    if (N_COMP_KIND(x) == 3) {
        op(e, 0x5E);   // GET_ITER
    }
    op_u(e, 0x34, 1);
}

// The arguments x->k[1..] of a call and the call ([method]: CALL_METHOD); [extra]
// positional arguments are on the stack already.
static void call_args(emit_t *e, mpf_node_t *x, size_t extra, bool method) {
    // the positional arguments come first (as CPython, that error before any other the
    // arguments hold): then one pass compiles them in order, positional ones, keyword pairs
    bool seen_kw = false;
    for (size_t i = 1; i < x->n; i++) {
        mpf_node_t *a = x->k[i];
        if (a->kind == N_KW || a->kind == N_DSTAR) {
            seen_kw = true;
        } else if (seen_kw) {
            error_at(e, a, a->kind == N_STAR ? E_STAR_AFTER_KW : E_POS_AFTER_KW);
        }
    }
    size_t n_pos = 0, n_kw = 0;
    bool star = false;
    mpf_uint_t bitmap = 0;   // (a small int of mpy-cross's 31 bits: a star at 30 or later is an error)
    for (size_t i = 1; i < x->n; i++) {
        mpf_node_t *a = x->k[i];
        star |= a->kind == N_STAR || a->kind == N_DSTAR;
        if (a->kind == N_KW || a->kind == N_DSTAR) {
            if (a->kind == N_KW) {
                op_q(e, MPF_OP_LOAD_CONST_STRING, a->v.q);
            } else {
                op(e, MPF_OP_LOAD_NULL);
            }
            n_kw++;
        } else {
            if (a->kind == N_STAR) {
                if (n_pos >= 30) {
                    error_at(e, a, E_ARGS);   // (mpy-cross's "too many args")
                }
                bitmap |= (mpf_uint_t)1 << n_pos;
            }
            n_pos++;
        }
        // (*x, **x, k=x: their x)
        expr(e, (unsigned)(a->kind - N_STAR) <= N_KW - N_STAR ? a->k[0] : a);
    }
    n_pos += extra;
    if (n_pos > 255 || n_kw > 255) {
        error_at(e, x, E_ARGS);
    }
    if (star) {
        load_int_obj(e, mpf_obj_new_small_int((mpf_int_t)bitmap));   // (below 2 ** 30)
    }
    // CALL_FUNCTION, CALL_FUNCTION_VAR_KW, CALL_METHOD, CALL_METHOD_VAR_KW
    op_u(e, (uint8_t)(MPF_OP_CALL_FUNCTION + star + 2 * method), n_pos | (n_kw << 8));
}

// Whether [c] is a zero-argument super() call in a function with an argument: it stands for
// super(__class__, the first argument).
static bool is_super(emit_t *e, const mpf_node_t *c) {
    const scope_t *s = e->scope;
    if (!(c->kind == N_CALL && c->n == 1 && c->k[0]->kind == N_NAME && c->k[0]->v.q == MPF_QSTR_super &&
        s->kind == SC_FUNC)) {
        return false;   // (a lambda's or a comprehension's is a plain call, as mpy-cross's)
    }
    if (s->n_ids == 0 || !(s->ids[0].flags & IDF_PARAM)) {
        mpf_cc_syntax_error(e->c, 0, c->line, c->col, "super() can't find self");   // (mpy-cross's)
    }
    return true;
}

// super, the __class__ cell and the first argument: what a zero-argument super() stands for.
static void super_args(emit_t *e) {
    load_name(e, MPF_QSTR_super);
    e->scope->flags |= SF_SUPER;
    load_name(e, MPF_QSTR___class__);
    load_name(e, e->scope->ids[0].q);
}

// Whether attribute [x] is the method of call [up], the node above it (mpy-cross's LOAD_METHOD
// form: no line of its own, the call's after it).
static bool is_method(const mpf_node_t *up, const mpf_node_t *x) {
    return up != NULL && up->kind == N_CALL && x->kind == N_ATTR && !(x->op & N_ATTR_PAREN);
}

// Whether [x] is a link of a chain ([base]: of an assignment target's object or a decorator,
// target_base's): a binary operator, an attribute, a subscript or a call, but a super() call
// (super_args stands for its object).
static bool on_spine(emit_t *e, const mpf_node_t *x, bool base) {
    unsigned k = x->kind;
    if (k == N_CALL && !base) {
        const mpf_node_t *f = x->k[0];
        return !is_super(e, is_method(x, f) ? f->k[0] : x);
    }
    return k == N_ATTR || k == N_SUBSCR || k == N_CALL || (k == N_BINOP && !base);
}

// A chain (a + b + c, a.m(1).n(2), f(x)(y), x[0][0]; [mode] 1: an assignment target's object,
// 2: a decorator, whose attributes record no line) walked down its left operands with a loop,
// each link pointed back up on the way down and restored on the way up, where the rest of each
// node's code follows its left operand's: a flat chain takes no C stack per item (the
// micro:bit's is 3.5 KiB). The code is what one expr() per node would write.
NOINLINE static void chain(emit_t *e, mpf_node_t *x, unsigned mode) {
    mpf_node_t *up = NULL, *down;
    for (;;) {
        if (mode == 0) {
            // (expr's: the line of each node, top down; a call's method is at the call's line,
            // set already)
            set_line(e, x->line);
        }
        down = x->k[0];
        x->k[0] = up;
        up = x;
        if (!on_spine(e, down, mode != 0)) {
            break;
        }
        x = down;
    }
    expr(e, down);
    do {
        up = x->k[0];
        x->k[0] = down;
        unsigned k = x->kind;
        // (x the method of the call above: LOAD_METHOD; a call of its method: CALL_METHOD;
        // neither records its line)
        bool method = mode == 0 && (is_method(up, x) || is_method(x, down));
        if (k != N_BINOP && !method && (mode != 2 || k == N_CALL)) {
            set_line(e, trailer_line(x));
        }
        if (k == N_CALL) {
            call_args(e, x, 0, method);
        } else if (k == N_ATTR) {
            op_q(e, (uint8_t)(MPF_OP_LOAD_ATTR + method), x->v.q);   // (LOAD_METHOD follows it)
        } else {
            expr(e, x->k[1]);
            op(e, k == N_BINOP ? (uint8_t)(MPF_OP_BINARY_OP_MULTI + 22 - OP_OR + x->op) : MPF_OP_LOAD_SUBSCR);
        }
        down = x;
        x = up;
    } while (x != NULL);
}

// super(...) and super().m(...) (every other call is a chain's): super, the __class__ cell and
// the first argument, then LOAD_SUPER_METHOD and the call's arguments, or a call of super.
static void super_call(emit_t *e, mpf_node_t *x) {
    mpf_node_t *f = x->k[0];
    super_args(e);
    if (!is_method(x, f)) {
        op_u(e, MPF_OP_CALL_FUNCTION, 2);
        return;
    }
    op_q(e, MPF_OP_LOAD_SUPER_METHOD, f->v.q);
    call_args(e, x, 0, true);
}

// Whether [x] is a constant whose truth is known at compile time (then *truth holds it).
static bool const_truth(const mpf_node_t *x, bool *truth) {
    int t = mpf_parse_truth(x);   // (the parser's)
    *truth = t > 0;
    return t >= 0;
}

// Conditional jump on [x] to [l] when its truth equals [cond] (and/or/not folded in).
static void jump_if(emit_t *e, mpf_node_t *x, bool cond, int l) {
    while (x->kind == N_NOT) {
        x = x->k[0];
        cond = !cond;
    }
    if (x->kind == N_OR || x->kind == N_AND) {
        // (`a or b` jumping when true, `a and b` when false: each operand jumps to l; else each
        // but the last jumps past the others when it decides the opposite)
        bool same = (x->kind == N_OR) == cond;
        int past = same ? l : new_label(e);
        for (size_t i = 0; i < x->n; i++) {
            bool last = i + 1 == x->n;
            jump_if(e, x->k[i], same || last ? cond : !cond, last ? l : past);
        }
        if (!same) {
            label(e, past);
        }
        return;
    }
    bool truth;
    if (const_truth(x, &truth)) {
        if (truth == cond) {
            op_jump(e, 0x42, l);
        }
        return;
    }
    expr(e, x);
    op_jump(e, cond ? 0x43 : 0x44, l);
}


static void funcdef(emit_t *e, mpf_node_t *x);

// The scripts of the node kinds whose code is one: a table of their offsets (+ 1) in one blob.
// The scripts of the node kinds whose code is one, in one blob (script_at: kind -> offset + 1).
typedef struct {
    uint8_t compare[39], tuple[10], list[10], set[10], dict[15], and_[16], or_[16], not_[4], slice[15], ifexp[17], raise[16], assert_[17], yield[4], await[6],
        ret[4], import[35];
} scripts_t;
static const scripts_t scripts = {
    // a < b, or a chain a < b < c: each link's result decides, the middle operands kept for the
    // next; L: fail, end
    {S_IFMORE, 1, 2, S_LABELS, 2, S_EXPR, 0,
        S_EACH, 1, 1, 14, S_EXPR, 0, S_IFMORE, 0, 2, MPF_OP_DUP_TOP, MPF_OP_ROT_THREE, S_CMP,
        S_IFMORE, 0, 2, MPF_OP_JUMP_IF_FALSE_OR_POP, 0, S_END,
        S_IFMORE, 1, 10, MPF_OP_JUMP, 1, S_LABEL, 0, S_ADJ, 1, MPF_OP_ROT_TWO, MPF_OP_POP_TOP, S_LABEL, 1, S_END},
    {S_EACH, 0, 1, 3, S_EXPR, 0, S_END, S_OPN, MPF_OP_BUILD_TUPLE, S_END},
    {S_EACH, 0, 1, 3, S_EXPR, 0, S_END, S_OPN, MPF_OP_BUILD_LIST, S_END},
    {S_EACH, 0, 1, 3, S_EXPR, 0, S_END, S_OPN, MPF_OP_BUILD_SET, S_END},
    // pairs k0, v0, k1, v1...: each its own line
    {S_OPN, MPF_OP_BUILD_MAP | 0x80, S_EACH, 0, 2, 8, S_KLINE, 0, S_EXPR, 1, S_EXPR, 0, MPF_OP_STORE_MAP, S_END, S_END},
    // L: the end
    {S_LABELS, 1, S_EXPR, 0, S_EACH, 1, 1, 5, MPF_OP_JUMP_IF_FALSE_OR_POP, 0, S_EXPR, 0, S_END, S_LABEL, 0, S_END},
    {S_LABELS, 1, S_EXPR, 0, S_EACH, 1, 1, 5, MPF_OP_JUMP_IF_TRUE_OR_POP, 0, S_EXPR, 0, S_END, S_LABEL, 0, S_END},
    {S_EXPR, 0, MPF_OP_UNARY_OP_MULTI + 3, S_END},
    // lower, upper, step (the line of the slice is set by expr, as any node's)
    {S_EXPRN, 0, S_EXPRN, 1, S_IFNONE, 2, 3, MPF_OP_BUILD_SLICE, 2, S_END, S_EXPR, 2, MPF_OP_BUILD_SLICE, 3,
        S_END},
    // body, cond, orelse; L: else, end
    {S_LABELS, 2, S_JIF, JIF(1, 0, 0), S_EXPR, 0, MPF_OP_JUMP, 1, S_LABEL, 0, S_ADJ, (uint8_t)-1, S_EXPR, 2, S_LABEL, 1,
        S_END},
    {S_IFNONE, 0, 2, MPF_OP_RAISE_LAST, S_END, S_EXPR, 0, S_IFNONE, 1, 2, MPF_OP_RAISE_OBJ, S_END, S_EXPR, 1,
        MPF_OP_RAISE_FROM, S_END},
    // L: the end
    {S_LABELS, 1, S_JIF, JIF(0, 0, 1), MPF_OP_LOAD_GLOBAL, Q_ASSERT, S_IFSET, 1, 4, S_EXPR, 1, MPF_OP_CALL_FUNCTION, 1,
        MPF_OP_RAISE_OBJ, S_LABEL, 0, S_END},
    {S_EXPRN, 0, MPF_OP_YIELD_VALUE, S_END},
    {S_EXPR, 0, B_AWAIT, S_END},   // (yield from, await)
    {S_EXPRN, 0, MPF_OP_RETURN_VALUE, S_END},
    // import: on each pair (a dotted name, its `as` name or NULL)
    {S_EACH, 0, 2, 30, MPF_OP_SMALL_INT_MULTI_ZERO, MPF_OP_LOAD_CONST_NONE, MPF_OP_IMPORT_NAME, QK(0),
        S_IFSET, 1, 13, S_ON, 0, 8, S_EACH, 1, 1, 3, MPF_OP_LOAD_ATTR, QK(0), S_END, S_END, S_STORE, 1,
        S_IFNONE, 1, 6, S_ON, 0, 3, S_STORE, 0, S_END, S_END, S_END},
};
#define SCRIPT(name) (uint8_t)(offsetof(scripts_t, name) + 1)
static const uint8_t script_at[N_ASSERT + 1] = {
    [N_COMPARE] = SCRIPT(compare), [N_TUPLE] = SCRIPT(tuple), [N_LIST] = SCRIPT(list), [N_SET] = SCRIPT(set), [N_DICT] = SCRIPT(dict),
    [N_AND] = SCRIPT(and_), [N_OR] = SCRIPT(or_), [N_NOT] = SCRIPT(not_),
    [N_SLICE] = SCRIPT(slice), [N_IFEXP] = SCRIPT(ifexp), [N_RAISE] = SCRIPT(raise), [N_ASSERT] = SCRIPT(assert_),
    [N_YIELD] = SCRIPT(yield), [N_YIELDFROM] = SCRIPT(await), [N_AWAIT] = SCRIPT(await), [N_RETURN] = SCRIPT(ret),
    [N_IMPORT] = SCRIPT(import),
};

// Run the script of the kind of [x]; whether it has one.
static bool kind_script(emit_t *e, mpf_node_t *x) {
    unsigned at = x->kind < sizeof(script_at) ? script_at[x->kind] : 0;
    if (at == 0) {
        return false;
    }
    int L[2];
    seq(e, (const uint8_t *)&scripts + at - 1, L, x);
    return true;
}

// ---------------------------------------------------------------- assignment targets

// The object part of an assignment target: its trailers are compiled one by one, so a
// call in the chain is a plain call of the attribute (mpy-cross uses no LOAD_METHOD there).
// (the trailers of an assignment target's object each record their line, without the
// method-call form: mpy-cross compiles them one by one; the object itself records none)
// A decorator is compiled so too (mpy-cross takes a dotted name, maybe called), but its
// attributes record no line ([attr_lines] false).
static void target_base(emit_t *e, mpf_node_t *x, bool attr_lines) {
    if (on_spine(e, x, true)) {
        chain(e, x, 2 - attr_lines);
        return;
    }
    expr(e, x);
}

// Assign to target [x] (with [del]: delete it).
TAIL_CALLS static void target(emit_t *e, mpf_node_t *x, bool del) {
    static const uint8_t attr_subscr[2][2][8] = {
        {{S_BASE, 0, MPF_OP_STORE_ATTR, QX, S_END}, {S_BASE, 0, S_EXPR, 1, MPF_OP_STORE_SUBSCR, S_END}},
        // a NULL stored deletes
        {{S_BASE, 0, MPF_OP_LOAD_NULL, MPF_OP_ROT_TWO, MPF_OP_STORE_ATTR, QX, S_END},
            {S_BASE, 0, S_EXPR, 1, MPF_OP_LOAD_NULL, MPF_OP_ROT_THREE, MPF_OP_STORE_SUBSCR, S_END}},
    };
    unsigned kind = x->kind;
    if (kind == N_ATTR && !del) {
        mpf_cc_no_debug(e->c, x->v.q, x->line, x->col);   // (CPython 3.11: x.__debug__ = 1 too)
    }
    if (kind == N_NAME) {
        name_op(e, x->v.q, 1 + del);
    } else if (kind == N_ATTR || kind == N_SUBSCR) {
        seq(e, attr_subscr[del][kind == N_SUBSCR], NULL, x);
    } else if (kind == N_TUPLE || kind == N_LIST || kind == N_DEL) {   // (del's targets: a list of them)
        // () = x and [] = x unpack nothing, del () and del [] delete nothing (CPython 3.11;
        // mpy-cross rejects them). A store unpacks (UNPACK_SEQUENCE n, or UNPACK_EX with the
        // counts left and right of the starred target), then stores each item (a starred
        // one's target).
        size_t n = x->n, star = n;
        for (size_t i = 0; i < n && !del; i++) {
            if (x->k[i]->kind == N_STAR) {
                if (star != n) {
                    error_at(e, x->k[i], E_STARS);
                }
                star = i;
            }
        }
        if (!del) {
            op_u(e, star == n ? 0x30 : 0x31, star == n ? n : star | ((n - star - 1) << 8));
        }
        for (size_t i = 0; i < n; i++) {
            mpf_node_t *k = x->k[i];
            target(e, !del && k->kind == N_STAR ? k->k[0] : k, del);
        }
    } else {
        error_at(e, x, del ? E_DELETE : kind == N_STAR ? E_STAR_TARGET : E_ASSIGN);
    }
}

// ---------------------------------------------------------------- functions and classes

// Push the default tuple and kw-default dict of [args] (in the enclosing scope); whether
// there are any (else nothing is pushed). (scope_params counts them for the child.)
static bool def_args(emit_t *e, mpf_node_t *args) {
    // each default: a positional one's value (op 0), a keyword-only one's name and value (op 2)
    static const uint8_t value[2][6] = {
        {S_EXPR, 0, S_END}, {S_EXPR, 0, MPF_OP_LOAD_CONST_STRING, QX, MPF_OP_STORE_MAP, S_END},
    };
    size_t n[2] = {0, 0};   // positional defaults, keyword-only ones (only those have one)
    // pass 0 counts them, 1 pushes the tuple of the positional ones, 2 the dict of the others
    // (NULL: none)
    for (unsigned pass = 0; pass < 3; pass++) {
        if (pass == 2) {
            if (n[1]) {
                op_u(e, MPF_OP_BUILD_MAP, 0);
            } else {
                op(e, MPF_OP_LOAD_NULL);
            }
        }
        for (size_t i = 0; i < args->n; i++) {
            mpf_node_t *a = args->k[i];
            if (a->k[0] == NULL) {
                if (pass == 0 && a->op == 0 && n[0]) {
                    error_at(e, a, E_NON_DEFAULT);
                }
            } else if (pass == 0) {
                n[a->op >> 1]++;
            } else if (a->op == 2 * (pass - 1)) {
                seq(e, value[pass - 1], NULL, a);
            }
        }
        if (pass == 0 && n[0] + n[1] == 0) {
            return false;
        }
        if (pass == 1) {
            if (n[0]) {
                op_u(e, MPF_OP_BUILD_TUPLE, n[0]);
            } else {
                op(e, MPF_OP_LOAD_NULL);
            }
        }
    }
    return true;
}

// Parameters become the first ids of [s]; numbering follows in compute_locals.
static void scope_params(emit_t *e, scope_t *s, mpf_node_t *args) {
    for (size_t i = 0; i < args->n; i++) {
        mpf_node_t *a = args->k[i];
        if (a->v.q == 0) {
            continue;   // bare *
        }
        if (find_id(s, a->v.q)) {
            error_named(e, a, E_DUP_ARG, a->v.q);
        }
        id_info_t *id = add_id(e, s, a->v.q, ID_LOCAL);
        id->flags = IDF_PARAM;
        if (a->k[0]) {   // a default: positional (op 0) or keyword-only
            if (a->op) {
                s->flags |= SF_DEFKWARGS;
            } else {
                s->n_def_pos++;
            }
        }
        switch (a->op) {
            case 0: s->n_pos++; break;
            case 1: s->flags |= SF_VARARGS; break;
            case 2: s->n_kwonly++; break;
            default: s->flags |= SF_VARKEYWORDS; break;
        }
    }
    // a named *args takes the slot after the keyword-only parameters, the last of which takes
    // its place (mpy-cross's order): the entries are then in slot order
    if ((s->flags & SF_VARARGS) && s->n_kwonly > 0) {
        id_info_t t = s->ids[s->n_pos];
        s->ids[s->n_pos] = s->ids[s->n_pos + s->n_kwonly];
        s->ids[s->n_pos + s->n_kwonly] = t;
    }
    s->n_posonly = args->op;
    if (s->n_pos > 255 || s->n_kwonly > 255) {
        error_at(e, args, E_ARGS);   // (8-bit counts in the raw code)
    }
}

// Whether decorator [d] is `@micropython.bytecode` (maybe called), which mpy-cross takes as the choice of its
// emitter (no call is compiled); any other `@micropython.NAME...` is a SyntaxError, as there
// without an -march (native, viper and the assemblers: this core runs bytecode only).
NOINLINE static bool bytecode_decorator(emit_t *e, const mpf_node_t *d) {
    d = d->kind == N_CALL ? d->k[0] : d;   // (its arguments are not compiled either)
    const mpf_node_t *b = d;
    while (b->kind == N_ATTR) {
        b = b->k[0];
    }
    if (b->kind != N_NAME || b->v.q != MPF_QSTR_micropython || b == d) {
        return false;
    }
    size_t n;
    const char *name = mpf_qstr_data(d->v.q, &n);
    bool arch = false;
    if (d->k[0] == b) {
        if (n == 8 && memcmp(name, "bytecode", 8) == 0) {
            return true;
        }
        // native, viper, asm_thumb, asm_xtensa...
        arch = (n - 5 < 2 && memcmp(name, n == 6 ? "native" : "viper", n) == 0) || (n > 4 && memcmp(name, "asm_", 4) == 0);
    }
    mpf_cc_syntax_error(e->c, 0, d->line, d->col, arch ? "invalid arch" : "invalid micropython decorator");
}

// A def, class or lambda: the decorators, the function made (a class: built of its body's
// function and its bases), decorated, bound to its name (a lambda: pushed).
NOINLINE static void funcdef(emit_t *e, mpf_node_t *x) {
    // (N_FUNCDEF and N_CLASSDEF are consecutive, SC_FUNC and SC_CLASS the reverse)
    _Static_assert(N_CLASSDEF == N_FUNCDEF + 1 && SC_CLASS == SC_FUNC - 1, "kinds");
    int kind = x->kind == N_LAMBDA ? SC_LAMBDA : N_FUNCDEF + SC_FUNC - x->kind;
    // (a lambda's children: its parameters and body, no decorators)
    size_t dec = kind == SC_CLASS ? 2 : 3;
    size_t n_calls = 0;
    for (size_t i = dec; i < x->n; i++) {
        if (!bytecode_decorator(e, x->k[i])) {
            target_base(e, x->k[i], false);   // a decorator
            n_calls++;
        }
    }
    if (kind == SC_CLASS) {
        op(e, MPF_OP_LOAD_BUILD_CLASS);
    }
    scope_t *child = child_scope(e, x, kind, kind == SC_LAMBDA ? MPF_QSTRE__3clambda_3e : x->v.q);
    if (e->pass == PASS_SCOPE && x->op) {
        child->flags |= SF_GENERATOR | SF_ASYNC;   // (an async def: a class's or lambda's op is 0)
    }
    bool defargs = kind != SC_CLASS && def_args(e, x->k[0]);
    close_over(e, child, defargs);
    if (kind == SC_CLASS) {
        op_q(e, MPF_OP_LOAD_CONST_STRING, x->v.q);
        // the body's function and the name are two more positional arguments
        call_args(e, x->k[1], 2, false);
    }
    if (kind != SC_LAMBDA) {
        while (n_calls-- > 0) {
            op_u(e, MPF_OP_CALL_FUNCTION, 1);
        }
        store_name(e, x->v.q);
    }
}

// ---------------------------------------------------------------- statements

// The statements of N_SUITE [x] (an elif's N_IF: that statement; NULL: none).
TAIL_CALLS static void suite(emit_t *e, mpf_node_t *x) {
    if (x == NULL) {
        return;
    }
    for (size_t i = 0; i < x->n; i++) {
        stmt(e, x->k[i]);
    }
}


// from: the module (or NULL), then pairs (a name, its `as` name or NULL); L unused
static const uint8_t importfrom_script[] = {
    S_EACH, 1, 2, 3, MPF_OP_LOAD_CONST_STRING, QK(0), S_END, S_OPN, MPF_OP_BUILD_TUPLE | 0x80,
    MPF_OP_IMPORT_NAME, QK(0),
    S_EACH, 1, 2, 13, MPF_OP_IMPORT_FROM, QK(0), S_IFSET, 1, 2, S_STORE, 1, S_IFNONE, 1, 2, S_STORE, 0, S_END,
    MPF_OP_POP_TOP, S_END,
};
static const uint8_t importstar_script[] = {
    MPF_OP_LOAD_CONST_STRING, Q_STAR, MPF_OP_BUILD_TUPLE, 1, MPF_OP_IMPORT_NAME, QK(0), MPF_OP_IMPORT_STAR, S_END,
};

static void declare(emit_t *e, mpf_node_t *x, bool global) {
    if (e->pass != PASS_SCOPE) {
        return;
    }
    scope_t *s = e->scope;
    for (size_t i = 0; i < x->n; i++) {
        mpf_qstr_t q = x->k[i]->v.q;
        if (!global && s->kind == SC_MODULE) {
            error_at(e, x, E_NONLOCAL_MODULE);
        }
        id_info_t *id = add_id(e, s, q, ID_UNDECIDED);
        // (a new entry is undecided, without flags)
        if (id->flags & IDF_PARAM) {
            error_named(e, x, E_PARAM_GLOBAL, q);
        }
        if (!(id->flags & IDF_DECLARED) && id->kind != ID_UNDECIDED) {
            error_named(e, x, E_BEFORE_GLOBAL + !global, q);
        }
        if (!(id->flags & IDF_DECLARED) && (id->flags & 64)) {
            error_named(e, x, E_USED_GLOBAL + !global, q);   // (mpy-cross: identifier redefined)
        }
        if (global && (id->flags & 8)) {   // (declared nonlocal: a free id)
            error_named(e, x, E_NONLOCAL_GLOBAL, q);
        }
        declare_id(e, id, e->first, global);   // (global: in the module too)
    }
}

static void break_continue(emit_t *e, mpf_node_t *x, bool is_break) {
    if (e->loop.break_label < 0) {
        error_at(e, x, is_break ? E_BREAK : E_CONTINUE);
    }
    int unwind = e->exc_level - e->loop.exc_depth;
    int target = is_break ? e->loop.break_label : e->loop.continue_label;
    bool pop_iter = is_break && e->loop.is_for;
    if (unwind > 0) {
        // UNWIND_JUMP: a jump's offset, then how many handlers to leave (and the iterator)
        op_jump(e, 0x40, target);
        put(e, (uint8_t)(unwind | (pop_iter ? 0x80 : 0)));
    } else {
        if (pop_iter) {
            for (int i = 0; i < 4; i++) {
                put(e, 0x59);   // (no stack effect: the caller accounts for the iterator)
            }
        }
        op_jump(e, 0x42, target);
    }
    e->dead = true;
}

// while: L: condition (continue), break, top. A condition known true: no first jump to it;
// known false: no body and no condition label (jump_if of a false constant jumps nowhere;
// after a return the else suite is dead code, dropped as mpy-cross drops it).
static void while_stmt(emit_t *e, mpf_node_t *x) {
    static const uint8_t loop[] = {
        MPF_OP_JUMP, 0, S_LABEL, 2, S_LOOP, 1, S_LABEL, 0, S_JIF, JIF(0, 2, 1), S_SUITE, 2, S_LABEL, 1, S_END,
    };
    // where the script starts for a condition not known at compile time, known false, true
    static const uint8_t start[3] = {0, 8, 2};
    int L[3];
    new_labels(e, L, 3);
    seq(e, loop + start[mpf_parse_truth(x->k[0]) + 1], L, x);
}

// for over range(...) with plain arguments: a counter on the stack (and the end value
// under it unless the end is a constant). The script runs on a node made here: k[0] the
// target, k[1] the start, k[2] the end, k[3] the step, k[4] the body, k[5] the end when it
// is no constant (the stack then holds it: two slots) else NULL, k[6] the else suite; op:
// 1 when the step is negative (the comparison: > rather than <).
static bool range_for(emit_t *e, mpf_node_t *x, int *L) {
    static const mpf_node_t ints[2] = {
        {.kind = N_CONST, .v.obj = MPF_OBJ_SMALL_INT(0)}, {.kind = N_CONST, .v.obj = MPF_OBJ_SMALL_INT(1)},
    };
    // L: continue, break, top, condition, end
    static const uint8_t loop[] = {
        S_LABELS, 5, S_IFSET, 5, 2, S_EXPR, 5, S_EXPR, 1, MPF_OP_JUMP, 3, S_LABEL, 2, MPF_OP_DUP_TOP, S_STORE, 0,
        S_LOOP, 4, S_LABEL, 0, S_EXPR, 3, MPF_OP_BINARY_OP_MULTI + 14, S_LABEL, 3,   // +=
        S_IFNONE, 5, 3, MPF_OP_DUP_TOP, S_EXPR, 2, S_IFSET, 5, 2, MPF_OP_DUP_TOP_TWO, MPF_OP_ROT_TWO,
        S_OPX, MPF_OP_BINARY_OP_MULTI, MPF_OP_POP_JUMP_IF_TRUE, 2,   // < or >
        S_IFSET, 6, 16, MPF_OP_POP_TOP, S_IFSET, 5, 1, MPF_OP_POP_TOP, S_SUITE, 6, MPF_OP_JUMP, 4,
        S_ADJ, 1, S_IFSET, 5, 2, S_ADJ, 1,
        S_LABEL, 1, MPF_OP_POP_TOP, S_IFSET, 5, 1, MPF_OP_POP_TOP, S_LABEL, 4, S_END,
    };
    mpf_node_t *it = x->k[1];
    size_t n = it->n;
    if (it->kind != N_CALL || it->k[0]->kind != N_NAME || it->k[0]->v.q != MPF_QSTR_range || n - 2 > 2 ||
        x->k[0]->kind != N_NAME) {
        return false;
    }
    union {
        mpf_node_t n;
        uint8_t room[sizeof(mpf_node_t) + 7 * sizeof(mpf_node_t *)];
    } r;
    mpf_node_t *f = &r.n;
    // start, end, step
    f->k[1] = (mpf_node_t *)&ints[0];
    f->k[3] = (mpf_node_t *)&ints[1];
    for (size_t i = 1; i < n; i++) {
        mpf_node_t *k = it->k[i];
        if ((unsigned)(k->kind - N_STAR) <= N_KW - N_STAR || (k->kind == N_COMP && k->v.bare_arg)) {
            return false;   // (range(x for x in y): an unbracketed generator is no plain argument)
        }
        f->k[i + (n == 2)] = k;
    }
    mpf_node_t *end = f->k[2], *step = f->k[3];
    // (a small int of 31 bits, as mpy-cross's parser makes them: on a host with wider small
    // ints, range(2 ** 40) keeps its end on the stack and a step of 2 ** 40 is no plain step)
    mpf_int_t v = 1;
    if (!is_small_const(step) || (v = mpf_obj_small_int_value(step->v.obj)) == 0) {
        return false;
    }
    f->op = v < 0;
    f->k[0] = x->k[0];
    f->k[4] = x->k[2];
    f->k[5] = is_small_const(end) ? NULL : end;
    f->k[6] = x->k[3];
    seq(e, loop, L, f);
    return true;
}

static void enter_exc(emit_t *e) {
    e->exc_level++;
    if (e->exc_level > e->max_exc) {
        e->max_exc = e->exc_level;
    }
}

// END_FINALLY, leaving the handler entered last.
static void leave_exc(emit_t *e) {
    e->exc_level--;
    op(e, MPF_OP_END_FINALLY);
}

// for and async for. async for: __aiter__ once, then each item from await __anext__()
// until StopAsyncIteration, the handler shaped like a try/except.
NOINLINE static void for_stmt(emit_t *e, mpf_node_t *x) {
    // L: top (continue), break, end
    static const uint8_t plain[] = {
        S_LABELS, 3, S_EXPR, 1, MPF_OP_GET_ITER_STACK, S_LABEL, 0, MPF_OP_FOR_ITER, 2, S_STORE, 0,
        S_LOOP, 2 | S_LOOP_FOR, MPF_OP_JUMP, 0, S_LABEL, 2, S_ADJ, (uint8_t)-4, S_SUITE, 3, S_LABEL, 1, S_END,
    };
    // L: top (continue), break, handler, reraise, body, else
    static const uint8_t async[] = {
        S_LABELS, 6, S_EXPR, 1, MPF_OP_LOAD_METHOD, Q_AITER, MPF_OP_CALL_METHOD, 0,
        S_LABEL, 0, MPF_OP_SETUP_EXCEPT, 2, S_ENTER,
        MPF_OP_DUP_TOP, MPF_OP_LOAD_METHOD, Q_ANEXT, MPF_OP_CALL_METHOD, 0, B_AWAIT,
        S_STORE, 0, MPF_OP_POP_EXCEPT_JUMP, 4,
        S_LABEL, 2, S_ADJ, 4, MPF_OP_DUP_TOP, MPF_OP_LOAD_GLOBAL, Q_STOPASYNC, B_EXC_MATCH,
        MPF_OP_POP_JUMP_IF_FALSE, 3, MPF_OP_POP_TOP, MPF_OP_POP_EXCEPT_JUMP, 5,
        S_LABEL, 3, S_ADJ, 1, S_LEAVE, S_ADJ, (uint8_t)-3, S_LABEL, 4,
        S_LOOP, 2, MPF_OP_JUMP, 0, S_LABEL, 5, S_SUITE, 3, S_LABEL, 1, MPF_OP_POP_TOP, S_END,
    };
    int L[6];
    if (x->op) {
        need_function(e, x, E_ASYNC_FOR);
        seq(e, async, L, x);
    } else if (!range_for(e, x, L)) {
        seq(e, plain, L, x);
    }
}

// try: x->k[0] the body, k[1] the else suite, k[2] the finally suite (NULL: none), then the
// handlers (k[0] the exception, k[1] the name, k[2] the body: a name is unbound when the
// handler ends). L: a handler's next and finally, the handlers' end, the first handler,
// success, finally.
NOINLINE static void try_stmt(emit_t *e, mpf_node_t *x) {
    static const uint8_t try_[] = {
        S_IFSET, 2, 5, S_LABELS, L_AT(1, 5), MPF_OP_SETUP_FINALLY, 5, S_ENTER,
        S_IFMORE, 2, 80,
        S_LABELS, L_AT(3, 2), MPF_OP_SETUP_EXCEPT, 3, S_ENTER, S_SUITE, 0, MPF_OP_POP_EXCEPT_JUMP, 4, S_LABEL, 3, S_ADJ, 4,
        S_EACH, 3, 1, 51, S_ON, 0, 47,
            S_LABELS, 2, S_IFSET, 0, 6, MPF_OP_DUP_TOP, S_EXPR, 0, B_EXC_MATCH, MPF_OP_POP_JUMP_IF_FALSE, 0,
            S_IFNONE, 1, 3, MPF_OP_POP_TOP, S_SUITE, 2,
            S_IFSET, 1, 20, S_STORE, 1, MPF_OP_SETUP_FINALLY, 1, S_ENTER, S_SUITE, 2, MPF_OP_LOAD_CONST_NONE,
            S_LABEL, 1, S_ADJ, 1, MPF_OP_LOAD_CONST_NONE, S_STORE, 1, S_DEL, 1, S_ADJ, (uint8_t)-1, S_LEAVE,
            MPF_OP_POP_EXCEPT_JUMP, 2, S_LABEL, 0, S_ADJ, 1, S_END,
        S_END,
        S_LEAVE, S_ADJ, (uint8_t)-3, S_LABEL, 4, S_SUITE, 1, S_LABEL, 2,
        // (no handlers: the body in the finally's block)
        S_IFMORE, 2 | S_NOT, 6, S_ADJ, 3, S_SUITE, 0, S_ADJ, (uint8_t)-3,
        S_IFSET, 2, 10, MPF_OP_LOAD_CONST_NONE, S_LABEL, 5, S_ADJ, 1, S_SUITE, 2, S_ADJ, (uint8_t)-1, S_LEAVE,
        S_END,
    };
    for (size_t i = 3; i < x->n; i++) {
        const mpf_node_t *h = x->k[i];
        if (h->k[0] == NULL && i + 1 < x->n) {
            error_at(e, h, E_EXCEPT_LAST);
        }
        if (h->k[1] != NULL) {   // except E as NAME
            mpf_cc_no_debug(e->c, h->k[1]->v.q, h->line, h->col);
        }
    }
    int L[6];
    seq(e, try_, L, x);
}

// with and async with (items from x->k[i] on). async with: await __aenter__(); the body in a
// try/finally whose handler awaits __aexit__ with the exception (or three Nones), as
// mpy-cross lays it out.
TAIL_CALLS static void with_items(emit_t *e, mpf_node_t *x, size_t i) {
    // on the item, L: the handler
    static const uint8_t plain_start[] = {
        S_LABELS, 1, S_EXPR, 0, MPF_OP_SETUP_WITH, 0, S_ENTER, S_BIND, 1, S_END,
    };
    static const uint8_t plain_end[] = {
        MPF_OP_LOAD_CONST_NONE, S_LABEL, 0, MPF_OP_WITH_CLEANUP, S_ADJ, (uint8_t)-4, S_LEAVE, S_END,
    };
    // L: finally, unwind, normal, end
    static const uint8_t async_start[] = {
        S_LABELS, 4, S_EXPR, 0, MPF_OP_DUP_TOP, MPF_OP_LOAD_METHOD, Q_AENTER, MPF_OP_CALL_METHOD, 0, B_AWAIT,
        S_BIND, 1, MPF_OP_SETUP_FINALLY, 0, S_ENTER, S_ADJ, 3, S_END,
    };
    static const uint8_t async_end[] = {
        S_ADJ, (uint8_t)-3, MPF_OP_LOAD_CONST_NONE, MPF_OP_ROT_TWO, MPF_OP_JUMP, 2,
        S_LABEL, 0, S_ADJ, 1, MPF_OP_DUP_TOP, MPF_OP_LOAD_GLOBAL, Q_BASEEXC, B_EXC_MATCH,
        MPF_OP_POP_JUMP_IF_FALSE, 1, MPF_OP_DUP_TOP, MPF_OP_ROT_THREE, MPF_OP_ROT_TWO,
        MPF_OP_LOAD_METHOD, Q_AEXIT, MPF_OP_ROT_THREE, MPF_OP_ROT_THREE, MPF_OP_DUP_TOP,
        MPF_OP_LOAD_ATTR, Q_CLASS, MPF_OP_ROT_TWO, MPF_OP_LOAD_CONST_NONE, MPF_OP_CALL_METHOD, 3, B_AWAIT,
        MPF_OP_POP_JUMP_IF_FALSE, 3, MPF_OP_POP_TOP, MPF_OP_LOAD_CONST_NONE, MPF_OP_JUMP, 3,
        // (the depth here as after the normal path's ROT_TWO: 2 above the item's start, 3 on it)
        S_LABEL, 1, S_ADJ, 1,
        MPF_OP_ROT_THREE, MPF_OP_ROT_THREE, S_LABEL, 2, MPF_OP_LOAD_METHOD, Q_AEXIT,
        MPF_OP_LOAD_CONST_NONE, MPF_OP_DUP_TOP, MPF_OP_DUP_TOP, MPF_OP_CALL_METHOD, 3, B_AWAIT,
        MPF_OP_POP_TOP, S_LABEL, 3, S_LEAVE, S_ADJ, (uint8_t)-1, S_END,
    };
    if (i >= x->n) {
        suite(e, x->k[0]);
        return;
    }
    int L[4];
    seq(e, x->op ? async_start : plain_start, L, x->k[i]);
    with_items(e, x, i + 1);
    seq(e, x->op ? async_end : plain_end, L, NULL);
}

// The code of statement or expression [x] (stmt is this function too): an expression's value
// is pushed. (One function for both: the parser never puts a statement where an expression
// goes, nor the reverse, each is wrapped: N_EXPR.)
static void expr(emit_t *e, mpf_node_t *x) {
    mpf_stack_check();
    if (on_spine(e, x, false)) {
        chain(e, x, 0);
        return;
    }
    // like mpy-cross, every compound node records its line (lines only increase); not a name
    // or a constant (but those N_CONST_LINE marks), nor a generator that is a call's only
    // argument, nor an elif (part of its if statement); a constant tuple: the line of the
    // constant mpy-cross's parser made
    size_t line = x->line;
    bool const_tuple = x->kind == N_TUPLE && is_const_node(x);
    if (const_tuple) {
        line = x->v.const_line ? x->v.const_line : line;
    } else if (x->kind == N_NAME || (x->kind == N_CONST && !(x->op & N_CONST_LINE)) ||
        (x->kind == N_COMP && x->v.bare_arg) || (x->kind == N_IF && x->op == 1)) {
        line = 0;
    }
    set_line(e, line);
    // (the kinds with a script only check here, then break to it)
    switch (x->kind) {
        case N_NAME:
            load_name(e, x->v.q);
            return;
        case N_CONST:
            load_const(e, x);
            return;
        case N_TUPLE:
            if (const_tuple) {
                op_c(e, mpf_parse_const_value(x));
                return;
            }
            // fall through
        case N_LIST:
        case N_SET:
            if (has_star(x)) {
                error_at(e, x, E_STAR_EXPR);
            }
            break;
        case N_UNARY:
            expr(e, x->k[0]);
            {
                unsigned u = x->op - OP_ADD;   // +, -, ~
                op(e, (uint8_t)(MPF_OP_UNARY_OP_MULTI + (u < 2 ? u : 2)));
            }
            return;
        case N_CALL:
            super_call(e, x);
            return;
        case N_COMP:
            comprehension(e, x);
            return;
        case N_YIELD:
        case N_YIELDFROM:
        case N_AWAIT: {
            // (a comprehension's code is no async def: await there is an error, as mpy-cross)
            unsigned k = x->kind;
            scope_t *s = e->scope;
            if (!is_func_like(s) || (k == N_AWAIT && s->kind >= SC_LISTCOMP)) {
                error_at(e, x, k == N_AWAIT ? E_AWAIT : E_YIELD);
            }
            s->flags |= SF_GENERATOR | (k == N_YIELD ? SF_YIELDS : 0);
            if (k == N_YIELDFROM && is_async_def(s)) {
                error_at(e, x, E_YIELD_FROM_ASYNC);
            }
            break;
        }
        case N_ASSERT:
            if (e->opt >= 1) {
                return;
            }
            break;
        case N_NAMEDEXPR:
            if (x->k[0]->kind != N_NAME) {
                error_at(e, x, E_ASSIGN_EXPR);
            }
            expr(e, x->k[1]);
            op(e, 0x57);
            if (e->pass == PASS_SCOPE && e->scope->kind >= SC_LISTCOMP) {
                // := in a comprehension binds in the scope around it: a global of the module
                // or a (nonlocal) variable of the enclosing function
                mpf_qstr_t q = x->k[0]->v.q;
                scope_t *t = e->scope;
                while (t->kind >= SC_LISTCOMP) {   // (a comprehension is in some scope)
                    // (no comprehension's own variable, as CPython: mpy-cross refuses it too)
                    const id_info_t *own = find_id(t, q);
                    if (own != NULL && own->kind == ID_LOCAL) {
                        error_at(e, x, E_REBIND);
                    }
                    t = t->parent;
                }
                if (t->kind == SC_CLASS) {
                    error_named(e, x, E_NO_BINDING, q);   // (in a class body: mpy-cross's text)
                }
                id_info_t *id = add_id(e, e->scope, q, ID_UNDECIDED);
                const id_info_t *bound = find_id(t, q);
                // (a function's `global` declaration holds for the comprehension too)
                bool global = !is_func_like(t) || (bound != NULL && bound->kind == ID_GLOBAL_EXPLICIT);
                declare_id(e, id, t, global);
                if (!global) {
                    scope_store(e, t, q);
                }
            }
            store_name(e, x->k[0]->v.q);
            return;
        case N_EXPR: {
            mpf_node_t *v = x->k[0];
            if (e->scope->kind == SC_MODULE && ((mpf_node_t *)e->scope->node)->op == MPF_COMPILE_SINGLE) {
                // the REPL prints the value of an expression statement
                static const uint8_t print[] = {
                    MPF_OP_LOAD_GLOBAL, Q_REPL_PRINT, S_EXPR, 0, MPF_OP_CALL_FUNCTION, 1, MPF_OP_POP_TOP, S_END,
                };
                seq(e, print, NULL, x);
                return;
            }
            if (is_const_node(v)) {
                return;   // a constant alone (a docstring, b'...', `(1, 'a'),`) compiles to nothing
            }
            expr(e, v);
            op(e, 0x59);
            return;
        }
        case N_ASSIGN: {
            // targets..., value: the value, each target but the last given a copy of it
            static const uint8_t assign[] = {
                S_EACH, 0, 1, 10, S_IFMORE, 0, 6, S_IFMORE, 1, 1, MPF_OP_DUP_TOP, S_STORE, 0, S_END, S_END,
            };
            // (a, b) = (b, a): the items, rotated, stored in turn
            static const uint8_t swap[] = {
                S_ON, 1, 8, S_EACH, 0, 1, 3, S_EXPR, 0, S_END, S_END,
                S_ON, 0, 13, S_IFMORE, 1, 1, MPF_OP_ROT_THREE, MPF_OP_ROT_TWO, S_EACH, 0, 1, 3, S_STORE, 0, S_END, S_END,
                S_END,
            };
            mpf_node_t *v = x->k[x->n - 1];
            mpf_node_t *t = x->k[0];
            if (x->n == 2 && t->kind == N_TUPLE && v->kind == N_TUPLE && t->n == v->n && (t->n == 2 || t->n == 3) &&
                !has_star(t) && !has_star(v) && !is_const_node(v) && v->v.const_line == 0 &&
                t->v.const_line == 0) {
                // a, b = b, a: no tuple is built (mpy-cross builds one when either side is in brackets,
                // which is the N_TUPLE with a const_line)
                seq(e, swap, NULL, x);
                return;
            }
            expr(e, v);
            seq(e, assign, NULL, x);
            return;
        }
        case N_AUGASSIGN: {
            // the target's value (a name; an attribute or subscript: its parts kept), the value,
            // the in-place operator, the result stored back
#define B_INPLACE S_OPX, (uint8_t)(MPF_OP_BINARY_OP_MULTI + 9 - OP_IOR)
            // (one after the other: a name's, an attribute's, a subscript's)
            static const uint8_t aug[] = {
                S_EXPR, 0, S_EXPR, 1, B_INPLACE, S_STORE, 0, S_END,
                S_ON, 0, 6, S_BASE, 0, MPF_OP_DUP_TOP, MPF_OP_LOAD_ATTR, QX, S_END, S_EXPR, 1, B_INPLACE,
                    MPF_OP_ROT_TWO, MPF_OP_STORE_ATTR, QK(0), S_END,
                S_ON, 0, 7, S_BASE, 0, S_EXPR, 1, MPF_OP_DUP_TOP_TWO, MPF_OP_LOAD_SUBSCR, S_END, S_EXPR, 1, B_INPLACE,
                    MPF_OP_ROT_THREE, MPF_OP_STORE_SUBSCR, S_END,
            };
#undef B_INPLACE
            unsigned t = x->k[0]->kind;
            seq(e, aug + (t != N_NAME) * 9 + (t == N_SUBSCR) * 17, NULL, x);
            return;
        }
        case N_ANNASSIGN:
            if (x->k[2]) {
                expr(e, x->k[2]);
                store(e, x->k[0]);
            } else if (x->k[0]->kind == N_NAME && e->pass == PASS_SCOPE) {
                // a bare annotation still makes the name local (no code is emitted for it)
                scope_store(e, e->scope, x->k[0]->v.q);
            }
            return;
        case N_DEL:
            target(e, x, true);
            return;
        case N_PASS:
            if (x->n) {
                expr(e, x->k[0]);   // (a dict key in brackets from an earlier line: its line first)
            }
            return;
        case N_BREAK:
        case N_CONTINUE:
            break_continue(e, x, x->kind == N_BREAK);
            return;
        case N_RETURN: {
            need_function(e, x, E_RETURN);
            mpf_node_t *v = x->k[0];
            if (v != NULL && e->pass != PASS_SCOPE && (e->scope->flags & SF_YIELDS) && is_async_def(e->scope)) {
                error_at(e, x, E_RETURN_ASYNC_GEN);
            }
            if (v != NULL && v->kind == N_IFEXP) {
                // return a if c else b: two returns, no jump over the second value (only the
                // outermost: a conditional expression in b is compiled as any other); L: else
                static const uint8_t ret_ifexp[] = {
                    S_LABELS, 1, S_JIF, JIF(1, 0, 0), S_EXPR, 0, MPF_OP_RETURN_VALUE, S_LABEL, 0, S_EXPR, 2,
                    MPF_OP_RETURN_VALUE, S_END,
                };
                int L[1];
                seq(e, ret_ifexp, L, v);
                e->dead = true;
                return;
            }
            break;
        }
        case N_GLOBAL:
        case N_NONLOCAL:
            declare(e, x, x->kind == N_GLOBAL);
            return;
        case N_IMPORT:
        case N_IMPORTFROM:
            // the names bound (an import's: its `as` name, else the first part of the dotted
            // name; a from-import's: its `as` names, else the names) must not be __debug__
            for (size_t i = x->kind == N_IMPORTFROM; i + 1 < x->n && e->pass == PASS_SCOPE; i += 2) {
                const mpf_node_t *b = x->k[i + 1] != NULL ? x->k[i + 1] : x->kind == N_IMPORT ? x->k[i]->k[0] : x->k[i];
                mpf_cc_no_debug(e->c, b->v.q, x->line, x->col);
            }
            if (x->kind == N_IMPORT) {
                break;   // (its script)
            }
            if (x->op && e->scope->kind != SC_MODULE) {
                error_at(e, x, E_IMPORT_STAR);
            }
            load_int_obj(e, mpf_obj_new_small_int(x->v.level));
            seq(e, x->op ? importstar_script : importfrom_script, NULL, x);
            return;
        case N_IF: {
            // an if and its elifs (each the else part, k[2], of the one before: an N_IF whose
            // line is not recorded) in a loop, no C stack per elif; their bodies jump to the
            // end (an elif's too when it has no else), where one label stands for each's.
            // A constant condition compiles its body alone (true: the rest is dropped) or
            // nothing (false).
            int end = new_label(e);
            for (;;) {
                mpf_node_t *orelse = x->k[2];
                bool truth;
                if (const_truth(x->k[0], &truth)) {
                    if (truth) {
                        suite(e, x->k[1]);
                        break;
                    }
                } else {
                    int l = new_label(e);
                    jump_if(e, x->k[0], false, l);
                    suite(e, x->k[1]);
                    if (orelse != NULL || x->op == 1) {
                        op_jump(e, MPF_OP_JUMP, end);
                    }
                    label(e, l);
                }
                if (orelse == NULL || orelse->kind != N_IF) {
                    suite(e, orelse);
                    break;
                }
                x = orelse;
            }
            label(e, end);
            return;
        }
        case N_WHILE:
            while_stmt(e, x);
            return;
        case N_FOR:
            for_stmt(e, x);
            return;
        case N_TRY:
            try_stmt(e, x);
            return;
        case N_WITH:
            if (x->op) {
                need_function(e, x, E_ASYNC_WITH);
            }
            with_items(e, x, 1);
            return;
        case N_LAMBDA:
        case N_FUNCDEF:
        case N_CLASSDEF:
            funcdef(e, x);
            return;
        case N_STAR:
            error_at(e, x, E_STAR_EXPR);
        default:
            break;
    }
    if (!kind_script(e, x)) {
        error_at(e, x, E_SYNTAX);
    }
    // (after a return or raise what follows is unreachable until the next label: nothing is written)
    e->dead |= x->kind == N_RETURN || x->kind == N_RAISE;
}

// ---------------------------------------------------------------- scope bodies

// The code of a comprehension's scope [s]: argument 0 is the first iterable (its iterator
// for a genexpr); each `for` clause a loop over a 4-slot iterator on the stack.
static void comprehension_body(emit_t *e, scope_t *s, mpf_node_t *x) {
    int kind = s->kind;
    if (e->pass == PASS_SCOPE) {
        add_id(e, s, MPF_QSTRE__2a, ID_LOCAL)->flags = IDF_PARAM;
        s->n_pos = 1;
        if (kind == SC_GENEXPR) {
            s->flags |= SF_GENERATOR;
        }
    }
    set_line(e, x->k[0]->line - (x->op >> 2));   // the element's first token
    if (kind != SC_GENEXPR) {
        op_u(e, (uint8_t)(0x2B + kind - SC_LISTCOMP), 0);   // BUILD_LIST/MAP/SET
    }
    int n_for = 0;
    int top = 0;   // the innermost loop's top label (each loop's in its node, v.top); its end is the label made after it
    for (size_t i = 2; i < x->n; i++) {
        mpf_node_t *c = x->k[i];
        if (c->kind != N_COMPFOR) {
            jump_if(e, c->k[0], false, top);
            continue;
        }
        if (n_for == 64) {
            error_at(e, c, E_NESTED);
        }
        if (c->op) {
            error_at(e, c, E_SYNTAX);   // async for (mpy-cross has no async comprehension)
        }
        bool gen_iter = n_for == 0 && kind == SC_GENEXPR;   // the argument is an iterator
        if (gen_iter) {
            op(e, MPF_OP_LOAD_NULL);
        }
        if (n_for == 0) {
            load_name(e, MPF_QSTRE__2a);
        } else {
            expr(e, c->k[1]);
        }
        ops(e, gen_iter ? "\x53\x53" : "\x5F");   // LOAD_NULL, LOAD_NULL or GET_ITER_STACK
        top = c->v.top = new_label(e);
        n_for++;
        new_label(e);
        label(e, top);
        op_jump(e, MPF_OP_FOR_ITER, top + 1);
        store(e, c->k[0]);
    }
    if (kind == SC_GENEXPR) {
        expr(e, x->k[0]);
        ops(e, "\x67\x59");   // YIELD_VALUE, POP_TOP
    } else {
        bool dict = kind == SC_DICTCOMP;
        if (dict) {
            expr(e, x->k[1]);
        }
        expr(e, x->k[0]);
        // how deep the collection is (below the loops' iterators), its kind: 0 list, 1 dict, 2 set
        op_u(e, MPF_OP_STORE_COMP, (size_t)((4 * n_for + 1 + dict) << 2) | (size_t)(kind - SC_LISTCOMP));
    }
    for (size_t i = x->n; i-- > 2;) {   // the loops, innermost first
        if (x->k[i]->kind == N_COMPFOR) {
            top = x->k[i]->v.top;
            op_jump(e, MPF_OP_JUMP, top);
            label(e, top + 1);
            adjust(e, -4);
        }
    }
}

// The code of scope [s] for the current pass. The module's is taken one group of top-level
// statements at a time: its node's k[0] (NULL: the end, its `return None`; eval's group:
// its expression returned).
NOINLINE static void scope_body(emit_t *e, scope_t *s) {
    mpf_node_t *x = s->node;
    int kind = s->kind;
    bool ret_none = true;   // the code ends with `return None`
    if (kind == SC_MODULE) {
        mpf_node_t *g = x->k[0];
        if (g == NULL) {
            if (x->op == MPF_COMPILE_EVAL) {
                return;
            }
        } else if (g->op == MPF_COMPILE_EVAL) {
            expr(e, g->k[0]);
            ret_none = false;
        } else {
            suite(e, g);
            return;
        }
    } else if (kind == SC_FUNC || kind == SC_LAMBDA) {
        if (e->pass == PASS_SCOPE) {
            scope_params(e, s, x->k[0]);
        }
        if (kind == SC_FUNC) {
            suite(e, x->k[1]);
        } else {
            set_line(e, x->line);
            expr(e, x->k[1]);
            // a lambda that yields is a generator: its value is dropped, it returns None
            ret_none = s->flags & SF_GENERATOR;
            if (ret_none) {
                op(e, MPF_OP_POP_TOP);
            }
        }
    } else if (kind == SC_CLASS) {
        load_name(e, MPF_QSTR___name__);
        store_name(e, MPF_QSTR___module__);
        op_q(e, 0x10, x->v.q);
        store_name(e, MPF_QSTR___qualname__);
        suite(e, x->k[0]);
        if (s->flags & SF_CLASS_CELL) {
            // the body returns the __class__ cell itself (a method's resolution sets the flag,
            // after the scope passes)
            load_fast(e, find_id(s, MPF_QSTR___class__)->num);
            ret_none = false;
        }
    } else {
        comprehension_body(e, s, x);
        ret_none = kind == SC_GENEXPR;
    }
    if (ret_none) {
        op(e, MPF_OP_LOAD_CONST_NONE);
    }
    op(e, MPF_OP_RETURN_VALUE);
}

// ---------------------------------------------------------------- name resolution

// Resolve the names of [s] once its scope pass is done (its free names: see below): with
// [nonlocals] those it declares nonlocal, else the others. (mpy-cross closes a nonlocal name
// over in the enclosing scopes where it meets the declaration, the others at the end of the
// scope's pass: the free ids of a scope in between come in that order, and so the cells a
// closure is made of.)
static void resolve_scope(emit_t *e, scope_t *s, bool nonlocals) {
    // class bodies: __class__ is a cell when a method uses super()
    for (size_t i = 0; i < s->n_ids; i++) {
        id_info_t *id = &s->ids[i];
        // (declared nonlocal: flag 8, which only a free id of [s] has while it is resolved)
        bool nonlocal = (id->flags & 8) != 0;
        if (nonlocal != nonlocals) {
            continue;
        }
        if (id->kind == ID_UNDECIDED || nonlocal) {
            // look for a binding in an enclosing function scope (class scopes are skipped)
            id_info_t *found = NULL;
            for (scope_t *p = s->parent; p != NULL; p = p->parent) {
                if (p->kind == SC_MODULE) {
                    break;
                }
                if (p->kind == SC_CLASS) {
                    if (id->q == MPF_QSTR___class__) {
                        found = add_id(e, p, id->q, ID_CELL);
                        found->kind = ID_CELL;
                        p->flags |= SF_CLASS_CELL;
                        break;
                    }
                    const id_info_t *cid = find_id(p, id->q);
                    if (cid != NULL && (cid->flags & 4)) {
                        break;   // bound in the class body: mpy-cross makes it a global there
                    }
                    continue;
                }
                id_info_t *pid = find_id(p, id->q);
                if (pid && pid->kind >= ID_LOCAL) {   // a local, cell or free name of p
                    found = pid;
                    break;
                }
                if (pid && pid->kind == ID_GLOBAL_EXPLICIT) {
                    break;   // p declares it global: a global here too, whoever binds it above
                }
            }
            if (found) {
                id->kind = ID_FREE;
                id->flags |= 16;   // resolved
            } else if (nonlocal) {
                error_named(e, s->node, E_NO_BINDING, id->q);
            } else {
                id->kind = ID_GLOBAL_IMPLICIT;
            }
        }
        if (id->kind != ID_FREE) {
            continue;
        }
        // a free name: the chain of scopes between [s] and the binding scope is marked, the
        // binder's id becomes a cell and every scope in between gets a free id (so the cell
        // can be passed down). (Scopes are resolved in creation order, each after the scopes
        // that enclose it: an id this adds to them is one a later scope's resolution would
        // have found further up.)
        for (scope_t *p = s->parent; p != NULL; p = p->parent) {
            if (p->kind == SC_MODULE) {
                break;
            }
            id_info_t *pid = find_id(p, id->q);
            if (p->kind == SC_CLASS && id->q != MPF_QSTR___class__ && pid != NULL && pid->kind != ID_FREE) {
                continue;   // a class attribute of the same name: not the variable passed down
            }
            if (pid && (pid->kind == ID_LOCAL || pid->kind == ID_CELL) &&
                (p->kind != SC_CLASS || id->q == MPF_QSTR___class__)) {
                pid->kind = ID_CELL;
                break;
            }
            if (pid && pid->kind == ID_FREE) {
                break;
            }
            pid = add_id(e, p, id->q, ID_FREE);
            pid->kind = ID_FREE;
        }
    }
}

static void number_locals(emit_t *e, scope_t *s) {
    if (s->kind == SC_MODULE) {
        return;
    }
    // the free variables first, in the order of the enclosing scopes' ids (a class body's
    // __class__ before its other ids: mpy-cross makes it before the body's names)
    uint16_t n = 0;
    for (scope_t *q = s->parent; q != NULL; q = q->parent) {
        for (int round = 0; round < 2; round++) {
            for (size_t i = 0; i < q->n_ids; i++) {
                const id_info_t *pid = &q->ids[i];
                id_info_t *id;
                if (round == (q->kind == SC_CLASS && pid->q != MPF_QSTR___class__) && pid->kind >= ID_CELL &&
                    (id = find_id(s, pid->q)) != NULL && id->kind == ID_FREE && !(id->flags & 32)) {
                    id->num = n++;
                    id->flags |= 32;
                }
            }
        }
    }
    const uint16_t n_free = n;
    s->n_pos = (uint16_t)(s->n_pos + n);
    // then the parameters (the first entries, in slot order: scope_params put them so), the
    // other locals, the other cells (a class body's own __class__ is no local slot it counts:
    // mpy-cross stores it in the first slot after the free variables all the same)
    for (int rank = 0; rank < 3; rank++) {
        for (size_t i = 0; i < s->n_ids; i++) {
            id_info_t *id = &s->ids[i];
            int r = id->flags & IDF_PARAM ? 0
                : id->kind == ID_LOCAL ? (s->kind == SC_CLASS && id->q == MPF_QSTR___class__ ? 3 : 1)
                : id->kind == ID_CELL ? 2 : 3;
            if (r == rank) {
                if (r == 2 && n > 255) {
                    // (a cell's slot is one byte of the code's prelude: mpy-cross fails an assertion)
                    error_at(e, s->node, E_SCOPE_NAMES);
                }
                id->num = n++;
            } else if (r == 3 && id->kind == ID_LOCAL) {
                id->num = n_free;
            }
        }
    }
    s->num_locals = n;
}

// ---------------------------------------------------------------- passes and assembly

// Start [pass] over scope [s] (the state of the last pass is cleared).
NOINLINE static void begin_pass(emit_t *e, scope_t *s, int pass) {
    memset(e, 0, PASS_STATE);
    e->pass = pass;
    e->scope = s;
    e->last_line = 1;
    e->loop.break_label = -1;   // (not in a loop)
}

static mpf_qstr_t info_name(const scope_t *s, size_t i);

// The recorded code of [s] starts with the entries mpy-cross registers first: the scope's
// name (its scope pass's first too), then its parameters' names.
static void rec_header(emit_t *e, scope_t *s) {
    for (size_t i = 0; i <= (size_t)s->n_pos + s->n_kwonly; i++) {
        // (code to run registers them all the same: its tables have their final size before
        // the raw codes are made, when the heap is at its fullest)
        size_t k = use_qstr(e, info_name(s, i));
        if (MPY(e)) {
            rec_op(e, (uint8_t)((i ? R_QN : R_Q) + R_DEAD), k);
        }
    }
}

// The pass [st] over [s] is done: its recorded code trimmed; its stack sizes and label
// count kept (those of a scope pass are replaced by its code pass's).
NOINLINE static void end_pass(const emit_t *st, scope_t *s) {
    rec_trim(st->rec_tail, st->rec_cap);
    s->stack_size = (uint16_t)st->max_depth;
    s->exc_size = (uint16_t)st->max_exc;
    s->n_labels = (uint32_t)st->n_labels;
}

// The scope pass of [s], or with [record] its code pass, recorded (then its stack sizes and
// label count are known). The module's passes go one group of statements at a time, their
// state carried in [st] from one to the next.
NOINLINE static void run_pass(emit_t *e, scope_t *s, bool record, emit_t *st) {
    if (st) {
        memcpy(e, st, PASS_STATE);
    } else {
        begin_pass(e, s, record);   // (PASS_SCOPE, PASS_SIZE)
    }
    e->record = record;
    if (record && s->rec == NULL) {
        rec_header(e, s);
    }
    scope_body(e, s);
    e->record = false;
    if (st) {
        memcpy(st, e, PASS_STATE);
    } else {
        end_pass(e, s);
    }
}

// Walk the recorded code of [s]. With [t] NULL: replay it, a sizing pass (count_only) or the
// final one, with the final tables (qmap, cmap) and the labels of the last pass. Else visit
// its table entries in their order into [t] ([code]: all; else those its scope pass
// registered, which are all but the names).
static void walk(emit_t *e, scope_t *s, tables_t *t, bool code) {
    begin_pass(e, s, PASS_SIZE);
    e->count_only |= t != NULL;
    e->n_labels = s->n_labels;
    rec_cursor_t r = {s->rec, 0};
    while (rd_more(&r)) {
        uint8_t tag = rd_byte(&r);
        if (tag <= R_ESC) {
            put(e, tag == R_ESC ? rd_byte(&r) : tag);
            continue;
        }
        size_t v = rd_vuint(&r);
        size_t w = tag == R_NAME || tag == R_JUMP ? rd_vuint(&r) : 0;
#if CONFIG_COMPILER_MPY_OUTPUT
        if (MPY(e) && t != NULL) {
            int k = tag == R_NAME ? R_QN : tag < R_NAME ? (tag - R_Q) % R_DEAD + R_Q : -1;
            if (k == R_C || k == R_Q || (k == R_QN && code)) {
                mpf_mpy_visit_entry(e, t, k == R_C, tag == R_NAME ? w : v);
            }
            continue;
        }
#else
        (void)code;
#endif
        switch (tag) {
#if CONFIG_COMPILER_MPY_OUTPUT
            case R_Q:   // (an image's only: code to run records them as literal bytes)
            case R_QN:
            case R_C:
                put_vuint(e, FINAL(e, tag == R_C, v));
                break;
#endif
            case R_NAME: {
                size_t i = FINAL(e, T_Q, w);
                const id_info_t *id = find_id(e->first, e->tab[T_Q].v[i]);
                put(e, (uint8_t)(v + (id != NULL && id->kind == ID_GLOBAL_EXPLICIT)));
                put_vuint(e, i);
                break;
            }
            case R_JUMP:
                jump_bytes(e, (uint8_t)v, (int)w);
                break;
            case R_LABEL:
                // (labels[v] holds the previous pass's offset until this pass places it)
                if (e->labels[v] != e->len) {
                    e->changed = true;
                }
                e->labels[v] = e->len;
                break;
            case R_LINE:
                line_entry(e, v);
                break;
            default:   // R_DEAD + ...: nothing written
                break;
        }
    }
}


// Name [i] of the source info of [s]: its own (0), then each parameter slot's ("*" for one
// that has no name of its own). (The parameters are its first ids, in slot order, numbered
// from the first slot after the free variables: number_locals.)
static mpf_qstr_t info_name(const scope_t *s, size_t i) {
    if (i == 0) {
        return s->name;
    }
    const id_info_t *p = s->ids;
    size_t slot = i - 1;
    return s->n_ids > 0 && (p->flags & IDF_PARAM) && slot >= p->num ? p[slot - p->num].q : MPF_QSTRE__2a;
}


// Build fun_data of [s] from the last sizing pass (its stack sizes and line table), then the
// final pass writes the body after it. For the image: the prelude, in the pieces of the raw
// code; for code to run: the line table and the cells, in one block with the code (the VM
// reads it in place).
static void assemble(emit_t *e, scope_t *s) {
    size_t body_len = e->len;
    // cells: locals (including parameters) that are cells, in slot order: number_locals
    // numbers the parameters (the first ids) before the other cells, each in the order of the
    // ids
    uint8_t cells[256];
    size_t n_cell = 0;
    for (size_t i = 0; i < s->n_ids; i++) {
        const id_info_t *id = &s->ids[i];
        if (id->kind == ID_CELL) {
            // (number_locals refused a slot beyond a byte, the prelude's)
            cells[n_cell++] = (uint8_t)id->num;
        }
    }
    e->n_cell = n_cell;
#if CONFIG_COMPILER_MPY_OUTPUT
    if (e->mpy) {
        mpf_mpy_prelude(e, s, cells, n_cell, body_len);
    } else
#endif
    {
        size_t lines = e->lines_len;
        uint8_t *fd = mpf_gc_alloc(lines + n_cell + body_len, false);
        if (lines > 0) {   // (lines may be NULL then: memcpy needs a pointer)
            memcpy(fd, e->lines, lines);
        }
        memcpy(fd + lines, cells, n_cell);
        e->code = fd + lines + n_cell;
        e->cap = body_len;
    }
    // the final pass: the same bytes as the last sizing pass (its labels are stable)
    e->count_only = false;
    walk(e, s, NULL, false);
    e->piece = NULL;
    if (e->len != body_len) {
        mpf_raise_msg(&mpf_type_RuntimeError, INTERNAL_ERROR);
    }
}

NOINLINE static void free_chunks(void *chunks) {
    for (void **chunk = chunks; chunk != NULL;) {
        void **prev = chunk[0];
        mpf_gc_free(chunk);
        chunk = prev;
    }
}

static void compile_scope(emit_t *e, scope_t *s) {
    // sizing passes until every label keeps its offset (none known before the first: its
    // jumps are all long), then the final pass; (one heap block, reused from scope to scope)
    // (at least one entry: a scope without labels must not hand memset a NULL)
    e->labels = reserve(e->labels, s->n_labels + 1, &e->cap_labels, sizeof(size_t));
    memset(e->labels, 0xFF, s->n_labels * sizeof(size_t));   // LABEL_NONE
    e->count_only = true;
    for (int rounds = 0; rounds <= 50; rounds++) {
        walk(e, s, NULL, false);
        if (!e->changed) {
            break;
        }
    }
    assemble(e, s);
    free_pieces(s->rec);
    s->rec = NULL;
}

// ---------------------------------------------------------------- .mpy image



// The table [*p] of a scope, complete with its [n] entries of [size] bytes: shrunk to them (in
// place).
static void shrink(void **p, uint16_t n, uint16_t *cap, size_t size) {
    if (n < *cap && n > 0) {
        *p = mpf_gc_realloc(*p, n * size);
        *cap = n;
    }
}

// The scope passes and the recorded code of the scopes [first] and after it (those of one
// top-level statement, whose module part is [g]); then its syntax tree is released.
static void compile_stmt(emit_t *e, emit_t *mst, mpf_node_t *g, scope_t *last) {
    scope_t *mod = e->first;
    ((mpf_node_t *)mod->node)->k[0] = g;
    run_pass(e, mod, false, &mst[0]);
    // (children are appended as they are found)
    for (scope_t *s = last->next; s != NULL; s = s->next) {
        run_pass(e, s, false, NULL);
    }
    for (scope_t *s = last->next; s != NULL; s = s->next) {
        resolve_scope(e, s, true);
        resolve_scope(e, s, false);
    }
    for (scope_t *s = last->next; s != NULL; s = s->next) {
        number_locals(e, s);
        // the names are all known: their table shrinks to them
        shrink((void **)&s->ids, s->n_ids, &s->cap_ids, sizeof(id_info_t));
#if CONFIG_COMPILER_MPY_OUTPUT
        if (MPY(e) && s->n_posonly) {
            // .mpy v6.3 cannot say which parameters take no keyword (mpy-cross rejects `/` too);
            // (the image's own text: not among the packed ones boards carry)
            mpf_cc_syntax_error(e->c, false, s->node->line, s->node->col,
                                "positional-only parameters cannot be written to a .mpy file");
        }
#endif
    }
    run_pass(e, mod, true, &mst[1]);
    for (scope_t *s = last->next; s != NULL; s = s->next) {
        run_pass(e, s, true, NULL);
        // its children are all known: their table shrinks to them
        shrink((void **)&s->children, s->n_children, &s->cap_children, sizeof(scope_t *));
    }
    mpf_cc_note_heap(e->c);
    // a def, lambda and class has an arena of its own (a comprehension's nodes are in the
    // arena of the code it is written in)
    for (scope_t *s = last->next; s != NULL; s = s->next) {
        if (s->kind == SC_FUNC || s->kind == SC_LAMBDA || s->kind == SC_CLASS) {
            free_chunks(mpf_node_arena(s->node));
        }
        s->node = NULL;
    }
    free_chunks(mpf_node_arena(g));
    // the next statements' trees and records go in the holes the trees before left: with next
    // fit alone, records made between trees lay scattered over the whole heap, and a large
    // literal table's module then found no hole for its tables on the host's 8 MB heap
    // (biopython's Restriction_Dictionary.py). (Not after each statement: the searches past
    // the live blocks below cost 0.8% more instructions on textwrap.py.)
    mpf_gc_rewind();
}

static const mpf_raw_code_t *code_scopes(emit_t *e);

// Compile the module [p] parses into [e]: the raw code (fun_data) of each scope, in pieces,
// and the file's qstr and constant tables. The syntax tree and the emitter's working memory
// are released; the scopes are left for the caller. Returns the module's scope. Without [mpy],
// the raw code to run instead (*code: the module's; only the module's scope is left).
static scope_t *compile_all(emit_t *e, mpf_cctx_t *c, mpf_parser_t *p, bool mpy, const mpf_raw_code_t **code) {
    memset(e, 0, sizeof(*e));
    e->c = c;
    e->opt = (uint8_t)c->opt;
    e->mpy = mpy;
    e->count_only = true;   // the scope passes write no code
    use_qstr(e, mpf_qstr_from_strn(c->filename, strlen(c->filename)));
    // the module's own node: its mode, the group of statements being compiled (k[0]), and
    // the slots of a scope's node (k[1], k[2])
    union {
        mpf_node_t node;
        uintptr_t room[(sizeof(mpf_node_t) + 3 * sizeof(mpf_node_t *)) / sizeof(uintptr_t) + 1];
    } mn = {.node = {.kind = N_MODULE, .op = p->mode, .n = 1, .pos = 1 | 1 << 20}};   // (line 1, column 1)
    mpf_node_t *mnode = &mn.node;
    scope_t *mod = scope_new(e, SC_MODULE, mnode, MPF_QSTRE__3cmodule_3e);
    // the module's scope pass and its recorded code, carried from statement to statement
    emit_t mst[2];
    begin_pass(e, mod, PASS_SCOPE);
    mst[0] = *e;
    e->pass = PASS_SIZE;
    mst[1] = *e;
    for (mpf_node_t *g; (g = mpf_parse_next(p)) != NULL;) {
        compile_stmt(e, mst, g, e->last);
    }
    mnode->k[0] = NULL;
    run_pass(e, mod, true, &mst[1]);
    end_pass(&mst[1], mod);
    resolve_scope(e, mod, false);
    mod->node = NULL;
    // what only the recording needed, released before the tables are put in order
    mpf_cc_arena_free(c);
#if CONFIG_COMPILER_MPY_OUTPUT
    if (mpy) {
        mpf_mpy_compile_scopes(e);
    } else
#endif
    {
        // (code to run: the tables in the order they were filled, the scopes in creation
        // order, each after its parent)
        *code = code_scopes(e);
    }
    // the emitter's working memory is done with: released before the image is made
    mpf_cc_note_heap(c);
#if CONFIG_COMPILER_MPY_OUTPUT
    for (int w = 0; w < 2; w++) {   // (an image's only)
        mpf_gc_free(e->map[w]);
        e->map[w] = NULL;
    }
#endif
    mpf_gc_free(e->labels);
    mpf_gc_free(e->lines);
    e->lines = NULL;
    e->labels = NULL;
    return mod;
}

#if CONFIG_COMPILER_MPY_OUTPUT
// Release [s] and every scope created after it (an image's: code to run has released all but
// the module's scope, which holds no table then).
static void free_scopes(scope_t *s) {
    while (s != NULL) {
        scope_t *next = s->next;
        mpf_gc_free(s->ids);
        mpf_gc_free(s->children);
        mpf_gc_free(s);
        s = next;
    }
}
#endif


// ---------------------------------------------------------------- loaded code

// The raw code of [s] as the loader makes it from the image (its fun_data is the one piece
// assemble made; [e]: the state the final pass left, its line table and code length), with
// the local-slot names; its children's raw codes are made already (its children table holds
// them).
static const mpf_raw_code_t *make_raw_code(emit_t *e, scope_t *s) {
    mpf_raw_code_t *rc = mpf_new(mpf_raw_code_t);
    size_t n_state = (size_t)s->num_locals + s->stack_size;
    if (n_state > UINT16_MAX) {
        mpf_raise_memory_error();   // (a frame of more slots than the VM counts)
    }
    rc->n_state = (uint16_t)(n_state ? n_state : 1);
    rc->n_exc_stack = s->exc_size;
    // (and, in this raw code only, an async def's kind: co_flags)
    rc->scope_flags = (uint8_t)((s->flags & 0x0F) | (s->flags & SF_ASYNC ? (s->flags & SF_YIELDS ? MPF_SCOPE_ASYNC_GEN : MPF_SCOPE_COROUTINE) : 0));
    rc->n_pos_args = (uint8_t)s->n_pos;
    rc->n_kwonly_args = (uint8_t)s->n_kwonly;
    rc->n_posonly_args = s->n_posonly;
    rc->n_def_pos_args = (uint8_t)s->n_def_pos;
    // the block assemble made: the line table, the cells, then the code
    rc->simple_name = (uint16_t)use_qstr(e, s->name);
    size_t n_args = (size_t)s->n_pos + s->n_kwonly;
    if (n_args > 0) {
        uint16_t *names = mpf_gc_alloc(n_args * sizeof(uint16_t), false);
        for (size_t k = 0; k < n_args; k++) {
            names[k] = (uint16_t)use_qstr(e, info_name(s, k + 1));
        }
        rc->arg_names = names;
    }
    size_t n_cell = e->n_cell;
    rc->code = e->code;
    rc->code_end = e->code + e->len;
    rc->cells = rc->code - n_cell;
    rc->n_cell = (uint8_t)n_cell;
    rc->line_info_end = rc->cells;
    rc->line_info = rc->cells - e->lines_len;
    if (is_func_like(s)) {
        // for eval/exec/locals() in a function: [0] = n, then the name of each local slot
        size_t n = s->num_locals;
        mpf_qstr_t *t = mpf_gc_alloc((n + 1) * sizeof(mpf_qstr_t), false);
        t[0] = (mpf_qstr_t)n;
        for (size_t k = 0; k < s->n_ids; k++) {
            const id_info_t *id = &s->ids[k];
            if (id->kind >= ID_LOCAL && id->num < n) {
                t[1 + id->num] = id->q;
            }
        }
        rc->local_names = t;
    }
    if (s->n_children > 0) {
        rc->children = (const mpf_raw_code_t *const *)(void *)s->children;
        rc->n_children = s->n_children;
        s->children = NULL;
    }
    mpf_gc_free(s->ids);
    s->ids = NULL;
    s->n_ids = 0;
    return rc;
}

// Loaded code: the scopes' raw codes made in reverse creation order, so that each scope's
// children have theirs when its own is made; each scope is released once its raw code is in
// its parent's children table, and the module's code, the one big block, is made last, when
// the heap holds least. Returns the module's raw code.
static const mpf_raw_code_t *code_scopes(emit_t *e) {
    // the list reversed in place (the module, first, ends it)
    scope_t *rev = NULL;
    for (scope_t *s = e->first; s != NULL;) {
        scope_t *next = s->next;
        s->next = rev;
        rev = s;
        s = next;
    }
    for (scope_t *s = rev; s != NULL;) {
        scope_t *next = s->next;
        compile_scope(e, s);
        const mpf_raw_code_t *rc = make_raw_code(e, s);
        mpf_cc_note_heap(e->c);
        if (s->parent == NULL) {
            return rc;   // the module (its scope is the caller's)
        }
        // its place in its parent's children table takes its raw code (a table of the same
        // size entries, which becomes the parent's); a scope no code makes (dead) has none
        scope_t **ch = s->parent->children;
        for (size_t k = 0; k < s->parent->n_children; k++) {
            if (ch[k] == s) {
                ch[k] = (scope_t *)(void *)rc;
            }
        }
        mpf_gc_free(s);
        s = next;
    }
    return NULL;   // (not reached: the module ends the list)
}

// The module's raw code and tables, as mpf_load_mpy would make them from the image.
void mpf_emit_code(mpf_cctx_t *c, mpf_parser_t *p, mpf_emit_out_t *out) {
    emit_t e;
    scope_t *mod = compile_all(&e, c, p, false, &out->res.rc);
    mpf_gc_free(mod);   // (its tables are released: make_raw_code)
    mpf_module_ctx_t *ctx = mpf_new(mpf_module_ctx_t);
    // the tables, shrunk to their entries (in place; their str constants are str objects:
    // load_const, mpf_parse_const_value)
    const table_t *tq = &e.tab[T_Q], *tc = &e.tab[T_C];
    ctx->qstrs = mpf_gc_realloc(tq->v, tq->n * sizeof(mpf_qstr_t));
    ctx->consts = tc->n ? mpf_gc_realloc(tc->v, tc->n * sizeof(mpf_obj_t)) : NULL;
    out->res.ctx = ctx;
    mpf_cc_note_heap(c);
}

#if CONFIG_COMPILER_MPY_OUTPUT
// ---------------------------------------------------------------- for the image writer (compile_mpy.c)

void mpf_emit_put(emit_t *e, uint8_t b) {
    put(e, b);
}

void mpf_emit_put_vuint(emit_t *e, size_t v) {
    put_vuint(e, v);
}

size_t mpf_emit_use_qstr(emit_t *e, mpf_qstr_t q) {
    return use_qstr(e, q);
}

mpf_qstr_t mpf_emit_info_name(const scope_t *s, size_t i) {
    return info_name(s, i);
}

void mpf_emit_walk(emit_t *e, scope_t *s, tables_t *t, bool code) {
    walk(e, s, t, code);
}

void mpf_emit_compile_scope(emit_t *e, scope_t *s) {
    compile_scope(e, s);
}

scope_t *mpf_emit_compile_all(emit_t *e, mpf_cctx_t *c, mpf_parser_t *p, bool mpy, const mpf_raw_code_t **code) {
    return compile_all(e, c, p, mpy, code);
}

void mpf_emit_free_scopes(scope_t *s) {
    free_scopes(s);
}
#endif
