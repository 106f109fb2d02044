// compile_int.h -- what the compiler's stages share (CONFIG_COMPILER): the arena, the
// tokens the lexer hands the parser, and the syntax tree the parser hands the emitter.
// Everything lives in arena chunks on the GC heap, reachable from the mpf_cctx_t on the
// C stack while a compilation runs, and garbage once it returns.
#ifndef MPF_COMPILE_INT_H
#define MPF_COMPILE_INT_H

#include "mpf_int.h"
#include "compile.h"

// Each of the compiler's files may turn off -Os optimisations measured to grow its code with
// arm-none-eabi-gcc 12.2 on Thumb-2 (Cortex-M3/M4/M7): a `#pragma GCC optimize` after its
// includes, under `#if MPF_CC_SIZE_TUNED`. Other targets, -O levels and compilers build the
// files as written.
#if defined(__OPTIMIZE_SIZE__) && defined(__GNUC__) && !defined(__clang__) && defined(__thumb2__)
#define MPF_CC_SIZE_TUNED 1
#else
#define MPF_CC_SIZE_TUNED 0
#endif
// Thumb-1 (Cortex-M0/M0+: the micro:bit, the Feather M0, the Pico) has lists of its own,
// measured the same way with -mcpu=cortex-m0, under `#elif MPF_CC_SIZE_TUNED_T1`.
#if defined(__OPTIMIZE_SIZE__) && defined(__GNUC__) && !defined(__clang__) && defined(__thumb__) && !defined(__thumb2__)
#define MPF_CC_SIZE_TUNED_T1 1
#else
#define MPF_CC_SIZE_TUNED_T1 0
#endif

// ---------------------------------------------------------------- arena and errors
typedef struct mpf_cctx {
    void *chunks;            // newest arena chunk; each starts with a pointer to the previous one
    uint8_t *free;           // bump pointer in the newest chunk
    size_t left;             // bytes left there
    size_t chunk_size;       // of the arena's next chunk (0: its first, the smallest)
    // While parsing: the def, lambda or class node whose arena is the current one (NULL: the
    // module's). Each of them has an arena of its own, released once the emitter is done with it.
    struct mpf_node *arena_owner;
    const char *src;
    size_t len;
    const char *filename;
    unsigned opt;            // -O level
    uint32_t block_kw;       // "expected an indented block": where the block's keyword is (the
                             // parser's pos_t; mpf_cc_syntax_error names it), else 0
    mpf_qstr_t err_name;     // the name an error about one names (CPython's 'x' after "name",
                             // "argument" or "nonlocal" in its text: mpf_cc_syntax_error), else 0
    mpf_map_t consts;        // NAME = const(value) seen so far (micropython.const): the
                             // names (qstr keys) and their values
#if CONFIG_COMPILER_MPY_CROSS_QSTRS
    // Identifiers met so far, for mpy-cross's rule that a long str literal is interned when it
    // is already a qstr. Those intern_names made (in source order: ids first_new..last_new)
    // are met when their id is at most newest_met; other non-static ones (older, or made by
    // the parser: names inside f-strings) are kept in [seen] (open addressing; 0 = empty).
    mpf_qstr_t first_new, last_new, newest_met;
    mpf_qstr_t *seen;
    size_t seen_cap, seen_n;
#endif
#if CONFIG_COMPILER_MPY_OUTPUT
    // With measure (`--compile -v`): the heap in use when the compilation began, and the
    // most in use at the points mpf_cc_note_heap() was called (where it is at its fullest)
    bool measure;
    size_t heap_base, heap_max;
    // Compiling to an .mpy (`--compile`): float literals are read as mpy-cross reads them.
    bool mpy;
#endif
} mpf_cctx_t;

// Record identifier [q]; whether [q] was recorded (an identifier met so far); forget them
// (the parse is over). Only with CONFIG_COMPILER_MPY_CROSS_QSTRS (a long literal equal to an
// identifier met before it is interned, as mpy-cross does; else only this build's own strings).
#if CONFIG_COMPILER_MPY_CROSS_QSTRS
void mpf_cc_name_met(mpf_cctx_t *c, mpf_qstr_t q, size_t len);
bool mpf_cc_name_was_met(const mpf_cctx_t *c, mpf_qstr_t q);
void mpf_cc_names_done(mpf_cctx_t *c);
#else
static inline void mpf_cc_name_met(mpf_cctx_t *c, mpf_qstr_t q, size_t len) {
    (void)c;
    (void)q;
    (void)len;
}
static inline bool mpf_cc_name_was_met(const mpf_cctx_t *c, mpf_qstr_t q) {
    (void)c;
    (void)q;
    return false;
}
static inline void mpf_cc_names_done(mpf_cctx_t *c) {
    (void)c;
}
#endif
bool mpf_cc_literal_is_static(const char *s, size_t len, mpf_qstr_t q);

void *mpf_cc_alloc(mpf_cctx_t *c, size_t n);
#if CONFIG_COMPILER_MPY_OUTPUT
// With c->measure, take the heap in use now into account for mpf_compile_heap_peak.
void mpf_cc_note_heap(mpf_cctx_t *c);
#else
static inline void mpf_cc_note_heap(mpf_cctx_t *c) {
    (void)c;
}
#endif
// Give the newest arena chunk's unused end back to the heap (no more allocations in it).
void mpf_cc_arena_trim(mpf_cctx_t *c);
// Release every arena chunk (the syntax tree and all else allocated with mpf_cc_alloc).
void mpf_cc_arena_free(mpf_cctx_t *c);
// Raise SyntaxError [msg] at [line]/[col] (1-based) of the source; [kind] 0: SyntaxError,
// 1: IndentationError, 2: TabError (no other value).
MPF_NORETURN void mpf_cc_syntax_error(mpf_cctx_t *c, unsigned kind, size_t line, size_t col, const char *msg);

// SyntaxError "cannot assign to __debug__" at [line]/[col] if [q] is __debug__: a name a
// statement binds (def, class, a parameter, import), CPython's check.
void mpf_cc_no_debug(mpf_cctx_t *c, mpf_qstr_t q, size_t line, size_t col);

// The SyntaxErrors whose texts are packed (compile_emit.c's error_texts, made of words:
// tools/error_words.py), the emitter's and then the parser's.
enum {
    E_SYNTAX,
    E_STAR_EXPR,
    E_STAR_AFTER_KW,
    E_POS_AFTER_KW,
    E_ARGS,
    E_YIELD,
    E_AWAIT,
    E_YIELD_FROM_ASYNC,
    E_ASSIGN_EXPR,
    E_STARS,
    E_STAR_TARGET,
    E_ASSIGN,
    E_DELETE,
    E_NON_DEFAULT,
    E_DUP_ARG,
    E_NONLOCAL_MODULE,
    E_PARAM_GLOBAL,
    E_BEFORE_GLOBAL,
    E_BEFORE_NONLOCAL,
    E_NONLOCAL_GLOBAL,
    E_RETURN,
    E_RETURN_ASYNC_GEN,
    E_BREAK,
    E_CONTINUE,
    E_ASYNC_FOR,
    E_ASYNC_WITH,
    E_EXCEPT_LAST,
    E_NESTED,
    E_NO_BINDING,
    E_SCOPE_NAMES,
    E_FILE_NAMES,
    E_UNINDENT,
    E_UNEXPECTED_INDENT,
    E_EXPECTED_INDENT,
    E_ITEMS,
    E_NUMBER,
    E_ANNOTATION,
    E_AUGASSIGN,
    E_MIX,
    E_SINGLE_ONE,
    E_IMPORT_STAR,
    // the lexer's
    E_UNTERMINATED_TRIPLE,
    E_UNTERMINATED,
    E_LINES,
    E_INDENT_LEVELS,
    E_CHARACTER,
    E_PARENS,
    E_REBIND,
    E_TABS,
    E_EOF,
    E_FSTR_EXPECTING,
    E_FSTR_SYNTAX,
    E_FSTR_SINGLE,
    E_FSTR_CONVERSION,
    E_KW_EXPR,
    E_ESC_X,
    E_ESC_U,
    E_ESC_CHAR,
    E_ESC_N,
    E_NEVER_CLOSED,   // '(' ..., then '[' and '{'
    E_BARE_STAR = E_NEVER_CLOSED + 3,
    E_USED_GLOBAL,
    E_USED_NONLOCAL,
    E_STAR_HERE,
    E_NOT_CONST,      // (the word table is full: 127 words)
};
// Raise SyntaxError text [msg] (an E_ number) at [line]/[col]; [kind] as mpf_cc_syntax_error's.
MPF_NORETURN void mpf_emit_error(mpf_cctx_t *c, unsigned kind, size_t line, size_t col, unsigned msg);

// ---------------------------------------------------------------- tokens
typedef enum {
    TK_END, TK_NEWLINE, TK_INDENT, TK_DEDENT, TK_NAME, TK_INT, TK_FLOAT, TK_IMAG, TK_STR, TK_BYTES,
    TK_FSTR, TK_OP, TK_KW,
} mpf_tok_kind_t;

// Operators and delimiters.
enum {
    OP_LPAR, OP_RPAR, OP_LSQB, OP_RSQB, OP_LBRACE, OP_RBRACE, OP_COLON, OP_COMMA, OP_SEMI, OP_DOT,
    OP_ARROW, OP_ASSIGN, OP_WALRUS, OP_ELLIPSIS, OP_AT,
    // comparisons
    OP_LT, OP_GT, OP_EQ, OP_LE, OP_GE, OP_NE,
    // binary arithmetic (order of the VM's non-inplace ops: | ^ & << >> + - * @ // / % **)
    OP_OR, OP_XOR, OP_AND, OP_LSHIFT, OP_RSHIFT, OP_ADD, OP_SUB, OP_MUL, OP_MATMUL, OP_FLOORDIV,
    OP_DIV, OP_MOD, OP_POW,
    // augmented assignments, same order
    OP_IOR, OP_IXOR, OP_IAND, OP_ILSHIFT, OP_IRSHIFT, OP_IADD, OP_ISUB, OP_IMUL, OP_IMATMUL,
    OP_IFLOORDIV, OP_IDIV, OP_IMOD, OP_IPOW,
    OP_TILDE,
    OP_BANG,   // '!' (only an f-string's conversion has one)
    OP_NUM
};

// Keywords, in this order (the lexer's table: by length, None True False together),
// numbered after the operators: a token's op is one code for both (and TOK_OTHER for the
// other tokens), so one compare tells either.
enum {
    KW_AS = OP_NUM, KW_IF, KW_IN, KW_IS, KW_OR,
    KW_AND, KW_DEF, KW_DEL, KW_FOR, KW_NOT, KW_TRY,
    KW_ELIF, KW_ELSE, KW_FROM, KW_PASS, KW_WITH, KW_NONE, KW_TRUE,
    KW_FALSE, KW_ASYNC, KW_AWAIT, KW_BREAK, KW_CLASS, KW_RAISE, KW_WHILE, KW_YIELD,
    KW_ASSERT, KW_EXCEPT, KW_GLOBAL, KW_IMPORT, KW_LAMBDA, KW_RETURN,
    KW_FINALLY,
    KW_CONTINUE, KW_NONLOCAL,
    KW_NUM
};
#define KW_FIRST KW_AS

#define TOK_OTHER 0xFE
_Static_assert(KW_NUM < TOK_OTHER, "token codes");

typedef struct mpf_token {
    uint8_t kind;
    uint8_t op;                 // TK_OP: OP_*; TK_KW: KW_*; else TOK_OTHER (TK_STR/TK_BYTES/
                                // TK_FSTR: TOK_OTHER | 1 when raw)
    uint32_t pos;               // where it starts, as the parser keeps a position: the line
                                // (1-based, at most NODE_LINE_MAX) in the low 20 bits, the
                                // column (1-based, at most NODE_COL_MAX) above them
    const char *s;              // TK_NAME/TK_INT/TK_FLOAT/TK_IMAG: the source text;
    size_t len;                 // TK_STR/TK_BYTES/TK_FSTR: the decoded value (arena)
} mpf_token_t;

typedef struct mpf_lexer {
    // (the small fields first, at offsets Thumb's short loads and stores reach)
    const char *src;            // the source (c's when the lexer began)
    size_t len;
    mpf_cctx_t *c;
    size_t pos;
    uint32_t line;
    size_t line_start;
    bool at_bol;                // next token starts a logical line
    bool emitted_newline;       // the last token was NEWLINE (or nothing yet)
    bool unterminated;          // an EOF inside a string or brackets (for needs_more)
    int paren;                  // open brackets
    int pending;                // >0: INDENTs to emit, <0: DEDENTs to emit
    int n_indent;
    uint32_t indent[100];
} mpf_lexer_t;

void mpf_lex_init(mpf_lexer_t *lx, mpf_cctx_t *c);
void mpf_lex_next(mpf_lexer_t *lx, mpf_token_t *t);
// The index of [s] ([n] > 0 bytes) in [table]: names each after its length byte, sorted by
// their bytes, ended by a 0; -1 if it is not there.
int mpf_lex_find(const char *table, const char *s, size_t n);
// The backslash sequence of a string literal whose backslash is at s[*at - 1] (*at < end):
// its value written at [*o] ([raw]: kept as written; [bytes]: a byte for a numeric escape,
// no \u, \U or \N); *at and *o move past it. 0, or the SyntaxError's E_ number.
unsigned mpf_lex_escape(const char *s, size_t *at, size_t end, uint8_t **o, bool raw, bool bytes);

// ---------------------------------------------------------------- syntax tree
typedef enum {
    // expressions
    N_NAME, N_CONST,       // N_CONST: v.obj (None/True/False/Ellipsis/int/float/complex/str/bytes)
    N_TUPLE, N_LIST, N_SET, N_DICT,   // N_DICT: pairs k0,v0,k1,v1...
    N_BINOP, N_UNARY, N_NOT, N_AND, N_OR, N_COMPARE,   // N_COMPARE: a op b op c (ops in v.ops)
    N_CALL,                // k[0] func, then args: plain / N_STAR / N_DSTAR / N_KW
    N_STAR, N_DSTAR, N_KW, // N_KW: v.q name, k[0] value
    N_ATTR, N_SUBSCR, N_SLICE,  // N_SLICE: lower, upper, step (NULL if absent)
    N_IFEXP,               // body, cond, orelse
    N_LAMBDA,              // k[0] N_ARGS, k[1] body
    N_COMP,                // op: N_LIST/N_SET/N_DICT/N_GEN; k[0] element (or key), k[1] value|NULL, then N_FOR/N_IF clauses
    N_COMPFOR, N_COMPIF,
    N_YIELD, N_YIELDFROM, N_AWAIT, N_NAMEDEXPR,
    // statements
    N_MODULE, N_EXPR, N_ASSIGN, N_AUGASSIGN, N_ANNASSIGN, N_DEL, N_PASS, N_BREAK, N_CONTINUE,
    N_RETURN, N_RAISE, N_GLOBAL, N_NONLOCAL, N_IMPORT, N_IMPORTFROM, N_ASSERT,
    N_IF, N_WHILE, N_FOR, N_TRY, N_EXCEPT, N_WITH, N_WITHITEM, N_FUNCDEF, N_CLASSDEF, N_ARGS, N_ARG,
    N_SUITE, N_DOTTED,
} mpf_node_kind_t;

// N_CONST flags (in op): a str mpy-cross interns though it is long; an object constant
// whose line mpy-cross records (float, complex, big int, long str and bytes literals).
#define N_CONST_INTERNED 0x80
#define N_CONST_LINE 0x40
// a name's NAME = const(value) substituted: loaded as a constant object unless a small int
#define N_CONST_OBJ 0x20
// N_ATTR/N_CALL/N_SUBSCR: op is how many lines below the node's first its trailer starts (at
// most N_TRAILER_BELOW_MAX); N_ATTR_PAREN marks an attribute written in brackets, (x.m),
// N_CALL_COMMA a call whose arguments end with a comma, f(x,)
#define N_TRAILER_BELOW_MAX 127
#define N_ATTR_PAREN 0x80
#define N_CALL_COMMA 0x80
// N_COMP: op is the kind (0 list, 1 dict, 2 set, 3 generator) in its low 2 bits, above them
// how many lines above the element its first token is (a '(' of its own: the line its code
// starts at), at most N_COMP_ABOVE_MAX
#define N_COMP_KIND(x) ((x)->op & 3)
#define N_COMP_ABOVE_MAX 63

// Position limits of a node and a token (the node's header is 8 bytes): a source of more lines
// is refused with a SyntaxError; a column beyond NODE_COL_MAX is reported as NODE_COL_MAX (only
// the caret of an error found there moves).
#define NODE_LINE_MAX 0xFFFFFu
#define NODE_COL_MAX 0xFFFu
#define TOK_LINE(t) ((t)->pos & NODE_LINE_MAX)
#define TOK_COL(t) ((t)->pos >> 20)

typedef struct mpf_node mpf_node_t;
struct mpf_node {
    uint8_t kind;
    uint8_t op;        // operator, comprehension kind, flags
    uint16_t n;        // children
    union {
        struct {
            uint32_t line : 20;
            uint32_t col : 12;
        };
        uint32_t pos;  // both in one word, as a token's (line | col << 20: the bit-fields'
                       // order on the ports, all little-endian)
    };
    union {
        mpf_obj_t obj;
        mpf_qstr_t q;
        uint8_t *ops;   // N_COMPARE operators (n - 1 of them)
        int level;      // N_IMPORTFROM dots
        int top;        // N_COMPFOR: its loop's top label (the emitter's, set as it compiles it)
        uint32_t const_line; // N_TUPLE in brackets: the line recorded when it is a constant
        bool bare_arg;       // N_COMP: a generator written as a call argument without brackets
    } v;
    mpf_node_t *k[];   // the n children (then the scope slot, for the kinds that have one)
};

// N_MODULE/N_FUNCDEF/N_LAMBDA/N_CLASSDEF/N_COMP have a slot after their children for the
// scope the emitter makes for them, and a second one: the chunks of the arena holding the
// nodes of their code (a comprehension: the node owning the arena its nodes are in, NULL for
// the module's).
static inline bool mpf_node_has_scope(int kind) {
    return kind == N_MODULE || kind == N_FUNCDEF || kind == N_LAMBDA || kind == N_CLASSDEF || kind == N_COMP;
}
static inline void *mpf_node_arena(const mpf_node_t *x) {
    return (void *)x->k[x->n + 1];
}
static inline void mpf_node_set_arena(mpf_node_t *x, void *arena) {
    x->k[x->n + 1] = (mpf_node_t *)arena;
}
static inline void *mpf_node_scope(const mpf_node_t *x) {
    return (void *)x->k[x->n];
}
static inline void mpf_node_set_scope(mpf_node_t *x, void *scope) {
    x->k[x->n] = (mpf_node_t *)scope;
}

// Whether every item of tuple [x] is a constant (nested tuples too): mpy-cross folds such a
// tuple into one constant object, whose truth is then known at compile time.
bool mpf_parse_tuple_is_const(const mpf_node_t *x);
// The truth of constant [x] (a tuple of constants is one too: true unless empty): 1 or 0, -1
// when [x] is not a constant.
int mpf_parse_truth(const mpf_node_t *x);
// The object of constant [x] (an N_CONST, or a tuple of constants: mpf_parse_tuple_is_const);
// a str is a str object, as the loader makes it, even when its bytes are a qstr.
mpf_obj_t mpf_parse_const_value(const mpf_node_t *x);

// The parser's state: the emitter takes the module from it one top-level statement at a time
// (compiling each and releasing its syntax tree before the next is parsed).
typedef struct mpf_parser {
    // (the token first: the parser's most used fields at small offsets, short instructions)
    mpf_token_t tok;      // current token
    mpf_cctx_t *c;
    uint8_t mode;         // mpf_compile_mode_t
    bool done;
    bool one;             // MPF_COMPILE_SINGLE_ONE (mode is SINGLE): one statement only
    size_t n_stmts;       // top-level statements handed out so far
    mpf_lexer_t lx;
} mpf_parser_t;

void mpf_parse_begin(mpf_parser_t *p, mpf_cctx_t *c, mpf_compile_mode_t mode);
// The next top-level statement (all those of its line: a; b) as an N_MODULE node (op: the
// mode; eval: k[0] is the expression) holding the arena its nodes are in; NULL at the end.
mpf_node_t *mpf_parse_next(mpf_parser_t *p);

// What the emitter makes of a module (at -O c->opt), parsed as it goes.
typedef struct mpf_emit_out {
    uint8_t *mpy;            // mpf_emit_mpy: the .mpy image
    size_t len;
    mpf_load_result_t res;   // mpf_emit_code: the module as mpf_load_mpy() returns it
} mpf_emit_out_t;
typedef void mpf_emit_fn_t(mpf_cctx_t *c, mpf_parser_t *p, mpf_emit_out_t *out);
// The .mpy image of the module [p] parses, byte for byte what mpy-cross writes (`--compile`;
// only with CONFIG_COMPILER_MPY_OUTPUT).
mpf_emit_fn_t mpf_emit_mpy;
// The loaded module straight from the emitter (eval/exec/compile, import, the REPL): the same
// raw codes and tables the loader would make of the image, with each function's local-slot
// names, without the image or the loader.
mpf_emit_fn_t mpf_emit_code;

#endif
