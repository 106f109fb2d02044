// compile_parse.c -- the compiler's parser (CONFIG_COMPILER): tokens to a syntax tree by
// recursive descent over Python's grammar, folding constant arithmetic as mpy-cross does.
#include <math.h>
#include <string.h>

#include "compile_int.h"

// -Os optimisations that grow this file on Thumb-2 (compile_int.h)
#if MPF_CC_SIZE_TUNED
#pragma GCC optimize("no-expensive-optimizations", "no-move-loop-invariants", "no-if-conversion", "no-schedule-insns2", \
    "no-tree-reassoc", "no-optimize-sibling-calls", "no-tree-coalesce-vars", "no-caller-saves")
#elif MPF_CC_SIZE_TUNED_T1
#pragma GCC optimize("no-expensive-optimizations", "no-tree-reassoc", "no-tree-tail-merge", \
    "no-guess-branch-probability", "no-if-conversion", "no-tree-vrp")
#endif
#if CONFIG_INT_BIG_MPZ && CONFIG_FLOAT
#include "mpz.h"
#endif

typedef mpf_parser_t parser_t;

#if CONFIG_FLOAT && CONFIG_MODULE_MATH
extern const mpf_builtin_module_t mpf_module_math;   // (its constants are folded)
#endif

// A growing list of nodes: its first VEC_INLINE items in the struct itself (on the C stack),
// more in a heap block of its own. Most lists are short and never touch the heap: on a small
// heap the blocks they would leave behind, between arena chunks, are holes that split it up.
// The room doubles when it is full: VEC_INLINE, then 2 * VEC_INLINE, ... items (a heap block
// once there are more than VEC_INLINE: its size follows from n, none is kept).
#define VEC_INLINE 4
typedef struct {
    size_t n;
    mpf_node_t **items;   // buf or the heap block (set by the first push)
    mpf_node_t *buf[VEC_INLINE];
} nodevec_t;

// An empty list (only its count is set: the first push sets items).
static void vec_init(nodevec_t *v) {
    v->n = 0;
}

static void vec_push(parser_t *p, nodevec_t *v, mpf_node_t *x) {
    (void)p;
    size_t n = v->n;
    if (n == 0) {
        v->items = v->buf;
    } else if (n >= VEC_INLINE && (n & (n - 1)) == 0) {
        // full: twice the room (released once copied into its node, mk_from_vec)
        v->items = mpf_gc_realloc(n == VEC_INLINE ? NULL : v->items, 2 * n * sizeof(*v->items));
        if (n == VEC_INLINE) {
            memcpy(v->items, v->buf, sizeof(v->buf));
        }
    }
    v->items[v->n++] = x;
}

// Release [v]'s heap block, if it has one (it is empty again).
static void vec_free(nodevec_t *v) {
    if (v->n > VEC_INLINE) {
        mpf_gc_free(v->items);
    }
    vec_init(v);
}

// A source position as the parser keeps it: the line in the low 20 bits, the column (at
// most NODE_COL_MAX) above them; one word, passed and stored as cheaply as an int.
typedef uint32_t pos_t;
#define POS_LINE(ps) ((ps) & NODE_LINE_MAX)
#define POS_COL_SHIFT 20   // (as the lexer makes mpf_token_t.pos)

static void set_pos(mpf_node_t *x, pos_t ps) {
    x->pos = ps;
}

static pos_t pos_of(const mpf_node_t *x) {
    return x->pos;
}

// The position of the current token.
#define here(p) ((pos_t)(p)->tok.pos)

// Raise SyntaxError [msg] (an E_ number: its text is packed; IndentationError with E_INDENT)
// at [ps] (a node's position is one too).
#define E_INDENT 0x100
MPF_NORETURN __attribute__((noinline)) static void syntax_error_pos(parser_t *p, pos_t ps, unsigned msg) {
    mpf_emit_error(p->c, msg >> 8, POS_LINE(ps), ps >> POS_COL_SHIFT, msg & 0xFF);
}
#define node_error(p, x, msg) syntax_error_pos(p, (x)->pos, msg)

// A node of [kind] (with SCOPE for the kinds of mpf_node_has_scope: two slots after its
// children) at [ps] with [n] children.
#define SCOPE 0x100
static mpf_node_t *mk(parser_t *p, int kind, pos_t ps, size_t n) {
    size_t slots = n + ((kind >> 7) & 2);
    // (the arena's memory is the heap's, zeroed when allocated and never reused)
    mpf_node_t *x = mpf_cc_alloc(p->c, sizeof(mpf_node_t) + slots * sizeof(mpf_node_t *));
    x->kind = (uint8_t)kind;
    set_pos(x, ps);
    if (n > 0xFFFF) {
        node_error(p, x, E_ITEMS);
    }
    x->n = (uint16_t)n;
    return x;
}

// A def, lambda or class: its nodes go to an arena of their own (the emitter releases it once
// it has compiled them). arena_begin() before its node is made, arena_end() once it is complete.
typedef struct {
    void *chunks;
    uint8_t *free;
    size_t left, chunk_size;
    mpf_node_t *owner;
} arena_mark_t;

__attribute__((noinline)) static arena_mark_t arena_begin(parser_t *p) {
    mpf_cctx_t *c = p->c;
    arena_mark_t m = {c->chunks, c->free, c->left, c->chunk_size, c->arena_owner};
    c->chunks = NULL;
    c->free = NULL;
    c->left = 0;
    c->chunk_size = 0;
    return m;
}

__attribute__((noinline)) static mpf_node_t *arena_end(parser_t *p, const arena_mark_t *m, mpf_node_t *owner) {
    mpf_cctx_t *c = p->c;
    mpf_cc_arena_trim(c);
    mpf_node_set_arena(owner, c->chunks);
    c->chunks = m->chunks;
    c->free = m->free;
    c->left = m->left;
    c->chunk_size = m->chunk_size;
    c->arena_owner = m->owner;
    return owner;
}

static mpf_node_t *mk_from_vec(parser_t *p, int kind, pos_t ps, nodevec_t *v) {
    mpf_node_t *x = mk(p, kind, ps, v->n);
    if (v->n) {
        memcpy(x->k, v->items, v->n * sizeof(mpf_node_t *));
    }
    vec_free(v);
    return x;
}

static void advance(parser_t *p) {
    mpf_lex_next(&p->lx, &p->tok);
}

// Raise IndentationError [msg] (an E_ number) at the current token.
#define indent_error(p, msg) syntax_error_pos(p, here(p), E_INDENT | (msg))

MPF_NORETURN static void syntax_error(parser_t *p) {
    int k = p->tok.kind;
    if (k == TK_INDENT || k == TK_DEDENT) {
        indent_error(p, k == TK_INDENT ? E_UNEXPECTED_INDENT : E_UNINDENT);
    }
    if (k == TK_END) {
        p->lx.unterminated = true;
        syntax_error_pos(p, here(p), E_EOF);
    }
    syntax_error_pos(p, here(p), E_SYNTAX);
}

// Whether the token is operator [op] or keyword [kw] (one code for both: mpf_token_t.op).
static inline __attribute__((always_inline)) bool is_op(const parser_t *p, int op) {
    return p->tok.op == op;
}

static inline __attribute__((always_inline)) bool is_kw(const parser_t *p, int kw) {
    return p->tok.op == kw;
}

// Whether the token is an operator of the set [ops] (a bit per OP_*, of those below 32:
// a shift count of 32 or more does not compile).
#define OPS(op) ((uint32_t)1 << (op))
static bool is_op_in(const parser_t *p, uint32_t ops) {
    return p->tok.op < 32 && (ops >> p->tok.op) & 1;
}

// Whether the token is an augmented assignment (+= ... **=).
static inline __attribute__((always_inline)) bool is_augassign(const parser_t *p) {
    return p->tok.op >= OP_IOR && p->tok.op <= OP_IPOW;
}

// If the token is operator or keyword [code]: past it, true.
static bool accept(parser_t *p, int code) {
    if (p->tok.op == code) {
        advance(p);
        return true;
    }
    return false;
}

static void expect(parser_t *p, int code) {
    if (!accept(p, code)) {
        syntax_error(p);
    }
}

static mpf_qstr_t expect_name(parser_t *p) {
    if (p->tok.kind != TK_NAME) {
        syntax_error(p);
    }
    mpf_qstr_t q = mpf_qstr_from_strn(p->tok.s, p->tok.len);
    mpf_cc_name_met(p->c, q, p->tok.len);
    advance(p);
    return q;
}

// A node of [kind] at [ps] with the one child [a].
__attribute__((noinline)) static mpf_node_t *mk1(parser_t *p, int kind, pos_t ps, mpf_node_t *a) {
    mpf_node_t *x = mk(p, kind, ps, 1);
    x->k[0] = a;
    return x;
}

// A node of [kind] at [ps] with the two children [a] and [b].
static mpf_node_t *mk2(parser_t *p, int kind, pos_t ps, mpf_node_t *a, mpf_node_t *b) {
    mpf_node_t *x = mk(p, kind, ps, 2);
    x->k[0] = a;
    x->k[1] = b;
    return x;
}

// NAME as an N_NAME node.
static mpf_node_t *parse_name_node(parser_t *p) {
    mpf_node_t *nm = mk(p, N_NAME, here(p), 0);
    nm->v.q = expect_name(p);
    return nm;
}

// [as NAME]: the name's node, or NULL.
static mpf_node_t *parse_opt_as(parser_t *p) {
    return accept(p, KW_AS) ? parse_name_node(p) : NULL;
}

static mpf_node_t *parse_test(parser_t *p);
static mpf_node_t *parse_expr(parser_t *p);
static mpf_node_t *parse_star_expr(parser_t *p);
static mpf_node_t *parse_walrus(parser_t *p, mpf_node_t *target);
static mpf_node_t *parse_or_test(parser_t *p, bool allow_lambda);
static mpf_node_t *parse_suite(parser_t *p, pos_t kw);
static mpf_node_t *parse_subscript(parser_t *p);

// The comma lists: their items and where a trailing comma may end them.
enum {
    LIST_TEST,        // test, ...             (up to a statement's end, =, :, ), an augmented =, or
                      // an f-string field's } or !)
    LIST_TEST_STAR,   // test or *expr, ...    (the same; a lone *expr is a tuple too)
    LIST_TARGET,      // expr or *expr, ...    (a for target, up to `in`)
    LIST_SUBSCRIPT,   // subscript, ...        (up to ])
};

// item (',' item)* [','] of [mode]: the item itself when there is one and no comma, else a
// tuple at the first item.
static mpf_node_t *parse_list(parser_t *p, int mode) {
    nodevec_t v;
    vec_init(&v);
    bool tuple = false;
    pos_t first = here(p);
    while (true) {
        mpf_node_t *x;
        if (mode != LIST_TEST && mode != LIST_SUBSCRIPT && is_op(p, OP_MUL)) {
            x = parse_star_expr(p);   // (alone, without a comma: no tuple; `*a = 1` is an error)
        } else {
            x = mode == LIST_TARGET ? parse_expr(p) : mode == LIST_SUBSCRIPT ? parse_subscript(p) : parse_test(p);
        }
        vec_push(p, &v, x);
        if (!accept(p, OP_COMMA)) {
            break;
        }
        tuple = true;
        if (mode == LIST_TARGET ? is_kw(p, KW_IN) : mode == LIST_SUBSCRIPT ? is_op(p, OP_RSQB) :
            (p->tok.kind == TK_NEWLINE || p->tok.kind == TK_END ||
            is_op_in(p, OPS(OP_ASSIGN) | OPS(OP_SEMI) | OPS(OP_RPAR) | OPS(OP_COLON) | OPS(OP_RBRACE)) ||
            is_augassign(p) || is_op(p, OP_BANG))) {
            break;
        }
    }
    if (!tuple) {
        return v.items[0];
    }
    if (mode == LIST_SUBSCRIPT) {
        // an index of several items is a node of mpy-cross's parser: its line is its first
        // item's (also when the items are constants)
        mpf_node_t *x = mk_from_vec(p, N_TUPLE, first, &v);
        x->v.const_line = POS_LINE(first);
        return x;
    }
    return mk_from_vec(p, N_TUPLE, first, &v);
}

// A yield expression, where the grammar has one (an expression statement, the right side of
// an assignment, alone in parentheses), else the list of [mode] (LIST_TEST or LIST_TEST_STAR).
static mpf_node_t *parse_rhs(parser_t *p, int mode) {
    pos_t t = here(p);
    if (!accept(p, KW_YIELD)) {
        return parse_list(p, mode);
    }
    if (accept(p, KW_FROM)) {
        return mk1(p, N_YIELDFROM, t, parse_test(p));
    }
    mpf_node_t *y = mk(p, N_YIELD, t, 1);
    if (p->tok.kind != TK_NEWLINE && !is_op_in(p, OPS(OP_RPAR) | OPS(OP_RSQB) | OPS(OP_RBRACE) |
        OPS(OP_ASSIGN) | OPS(OP_SEMI) | OPS(OP_COMMA))) {
        y->k[0] = parse_list(p, LIST_TEST_STAR);
    }
    return y;
}

static mpf_node_t *parse_args(parser_t *p, bool lambda, pos_t owner);
static mpf_node_t *parse_comp(parser_t *p, int kind, mpf_node_t *elt, mpf_node_t *val, pos_t et);

// A comprehension's for clause starts at the current token.
static bool at_comp_for(const parser_t *p) {
    return p->tok.op == KW_FOR || p->tok.op == KW_ASYNC;
}

// ---------------------------------------------------------------- constant folding

static bool is_num_const(const mpf_node_t *x) {
    if (x->kind != N_CONST) {
        return false;
    }
    mpf_obj_t o = x->v.obj;
    if (mpf_obj_is_small_int(o)) {
        return true;
    }
    return mpf_obj_is_type(o, &mpf_type_int)
#if CONFIG_FLOAT
        || mpf_obj_is_type(o, &mpf_type_float)
#endif
        ;
}

#if CONFIG_FLOAT
// Int operand [v] of a float result as mpy-cross makes it a float before the operation
// (int / int, int op float): a big int 32 bits at a time from the top (mpz.c), other
// values as they are; one too big for a float is not folded (DEPARTS float_overflow_not_folded).
// The runtime divides ints with one rounding, as CPython; the folded constant must be mpy-cross's.
static mpf_obj_t mpy_cross_float(mpf_obj_t v) {
    if (mpf_obj_is_small_int(v)) {
        return mpf_obj_new_float((mpf_float_t)mpf_obj_small_int_value(v));
    }
#if CONFIG_INT_BIG_MPZ
    if (mpf_obj_is_type(v, &mpf_type_int)) {
#if CONFIG_FLOAT_SINGLE
        // (single precision, on a board: rounded once to its floats, as the runtime does;
        // mpy-cross's conversion is of doubles and would pull in software doubles, 3 KB)
        mpf_float_t d = mpf_int_to_float(v);
#else
        double d = mpf_mpz_to_double_mpy(v);
#endif
        if (isinf(d)) {  // not folded: it raises OverflowError when it runs, as in CPython
            mpf_raise_type(&mpf_type_OverflowError);
        }
        return mpf_obj_new_float((mpf_float_t)d);
    }
#endif
    return v;
}
#endif

// [op] applied to constants (MPF_BINARY_OP_* or -1 - MPF_UNARY_OP_*), as mpy-cross folds it.
static mpf_obj_t fold_op(int op, mpf_obj_t a, mpf_obj_t b) {
    if (op < 0) {
        return mpf_unary_op(-1 - op, a);
    }
#if CONFIG_FLOAT
    if (op == MPF_BINARY_OP_TRUE_DIVIDE || mpf_obj_is_type(a, &mpf_type_float) || mpf_obj_is_type(b, &mpf_type_float)) {
        a = mpy_cross_float(a);
        b = mpy_cross_float(b);
    }
#endif
    return mpf_binary_op(op, a, b);
}

// fold_op(), or NULL when it raises.
static mpf_obj_t fold(int op, mpf_obj_t a, mpf_obj_t b) {
    mpf_nlr_t nlr;
    mpf_nlr_push(&nlr);
    if (setjmp(nlr.jb) == 0) {
        mpf_obj_t r = fold_op(op, a, b);
        mpf_nlr_pop(&nlr);
        return r;
    }
    return MPF_OBJ_NULL;
}

static mpf_node_t *mk_binop_node(parser_t *p, int op, mpf_node_t *a, mpf_node_t *b) {
    mpf_node_t *x = mk2(p, N_BINOP, pos_of(a), a, b);
    x->op = (uint8_t)op;
    return x;
}

// a op b of numeric constants as mpy-cross folds it: the int or float result, MPF_OBJ_NULL
// when it is not folded.
static mpf_obj_t fold_binop(int op, mpf_obj_t a, mpf_obj_t b) {
    int vmop = MPF_BINARY_OP_OR + (op - OP_OR);
    if (op == OP_MATMUL) {
        return MPF_OBJ_NULL;
    }
    // (a negative shift count raises: not folded. Big results are folded, as mpy-cross does:
    // 2 ** 4000 is a constant; one that does not fit the heap raises inside fold() and is
    // computed when the code runs)
    mpf_obj_t r = fold(vmop, a, b);
    if (r == MPF_OBJ_NULL && op == OP_LSHIFT && mpf_obj_is_int(a) && mpf_obj_is_small_int(b) &&
        mpf_obj_small_int_value(b) >= 0) {
        // a shift past the runtime's 1,000,000 bits (OverflowError) is a * 2 ** b here:
        // mpy-cross folds any int result its heap holds (sympy's 1 << 1000001)
        r = fold(MPF_BINARY_OP_POWER, mpf_obj_new_small_int(2), b);
        r = r == MPF_OBJ_NULL ? r : fold(MPF_BINARY_OP_MULTIPLY, a, r);
    }
#if CONFIG_BUILTIN_COMPLEX
    if (r != MPF_OBJ_NULL && mpf_obj_is_type(r, &mpf_type_complex)) {
        r = MPF_OBJ_NULL;   // mpy-cross folds to an int or a float only (e.g. (-1) ** 0.5 is not)
    }
#endif
    return r;
}

// a op b, folded when both are numeric constants and the result is an int or a float.
static mpf_node_t *mk_binop(parser_t *p, int op, mpf_node_t *a, mpf_node_t *b) {
    mpf_obj_t r = is_num_const(a) && is_num_const(b) ? fold_binop(op, a->v.obj, b->v.obj) : MPF_OBJ_NULL;
    if (r != MPF_OBJ_NULL) {
        a->v.obj = r;
        a->op &= (uint8_t)~N_CONST_LINE;
        return a;
    }
    return mk_binop_node(p, op, a, b);
}

// ---------------------------------------------------------------- atoms

static mpf_node_t *mk_const(parser_t *p, pos_t t, mpf_obj_t o) {
    mpf_node_t *x = mk(p, N_CONST, t, 0);
    x->v.obj = o;
    return x;
}

// The value of the number token at hand.
static mpf_obj_t parse_number(parser_t *p) {
    const mpf_token_t *t = &p->tok;
    char buf[64];
    char *s = t->len < sizeof(buf) ? buf : mpf_cc_alloc(p->c, t->len + 1);
    size_t n = 0;
    // (underscores anywhere, as mpy-cross takes them)
    for (size_t i = 0; i < t->len; i++) {
        if (t->s[i] != '_') {
            s[n++] = t->s[i];
        }
    }
    s[n] = 0;
    bool ok = false;
    mpf_obj_t o = MPF_OBJ_NULL;
    if (t->kind == TK_INT) {
        o = mpf_int_parse(s, n, 0, &ok);   // (base 0: the prefix's, and no leading zeros)
    } else {
#if CONFIG_FLOAT
        o = mpf_float_parse(s, t->kind == TK_IMAG ? n - 1 : n, &ok);
#if CONFIG_COMPILER_MPY_OUTPUT
        if (ok && p->c->mpy) {
            o = mpf_obj_new_float(mpf_float_parse_mpy(s, t->kind == TK_IMAG ? n - 1 : n));   // (as mpy-cross reads it)
        }
#endif
#if CONFIG_BUILTIN_COMPLEX
        if (ok && t->kind == TK_IMAG) {
            o = mpf_obj_new_complex(0, mpf_obj_get_float(o));
        }
#else
        ok &= t->kind != TK_IMAG;
#endif
#endif
    }
    if (!ok) {
        syntax_error_pos(p, here(p), E_NUMBER);
    }
    return o;
}

// Adjacent string literals joined (str with str, bytes with bytes); f-strings become a
// call of str.format on the template with the expressions as arguments.
static uint8_t *parse_fstring(parser_t *p, const mpf_token_t *t, const uint8_t *s, size_t len, nodevec_t *args,
    uint8_t *o, uint32_t *arg_line);

// [s, s+len) to [o], each brace doubled (text str.format must keep as it is); the end of
// what it wrote. (The joined text is written through such a cursor.)
__attribute__((noinline)) static uint8_t *put_braced(uint8_t *o, const uint8_t *s, size_t len) {
    for (size_t j = 0; j < len; j++) {
        *o++ = s[j];
        if (s[j] == '{' || s[j] == '}') {
            *o++ = s[j];
        }
    }
    return o;
}

static mpf_node_t *parse_strings(parser_t *p) {
    pos_t first = here(p);
    bool bytes = p->tok.kind == TK_BYTES;
    bool fmt = false;
    size_t total = 0;
    // collect the pieces (tokens: the lexer's buffers live in the arena) in a heap block of
    // their own, released with the joining buffer once the constant is made
    mpf_token_t *pieces = NULL;
    size_t n_pieces = 0;
    while (p->tok.kind >= TK_STR && p->tok.kind <= TK_FSTR) {
        if ((p->tok.kind == TK_BYTES) != bytes) {
            syntax_error_pos(p, here(p), E_MIX);
        }
        if ((n_pieces & (n_pieces + 1)) == 0) {
            // room for 1, 3, 7... pieces: grown when full
            pieces = mpf_gc_realloc(pieces, (2 * n_pieces + 1) * sizeof(*pieces));
        }
        pieces[n_pieces++] = p->tok;
        fmt |= p->tok.kind == TK_FSTR;
        total += p->tok.len;
        advance(p);
    }
    uint8_t *buf = mpf_gc_alloc(total * 3 + 1, false), *o = buf;
    nodevec_t args;   // str.format's (its first: the format string's attribute)
    vec_init(&args);
    vec_push(p, &args, NULL);
    uint32_t arg_line = TOK_LINE(&p->tok);
    for (size_t i = 0; i < n_pieces; i++) {
        const uint8_t *s = (const uint8_t *)pieces[i].s;
        size_t len = pieces[i].len;
        if (pieces[i].kind == TK_FSTR) {
            o = parse_fstring(p, &pieces[i], s, len, &args, o, &arg_line);
        } else if (fmt) {
            // a plain piece joined to an f-string: its braces must survive str.format
            o = put_braced(o, s, len);
        } else {
            memcpy(o, s, len);
            o += len;
        }
    }
    size_t n = (size_t)(o - buf);
    mpf_node_t *x = mk_const(p, first, bytes ? mpf_obj_new_bytes(buf, n) : mpf_obj_new_str((const char *)buf, n));
    if (bytes || n > 10) {
        // mpy-cross interns a long literal that is already a qstr (a name of the core or an
        // identifier met earlier in the source); it records the line of the others and of bytes
        mpf_qstr_t q = mpf_qstr_find((const char *)buf, n);
        x->op = !bytes && (mpf_cc_literal_is_static((const char *)buf, n, q) ||
            (q != 0 && mpf_cc_name_was_met(p->c, q))) ? N_CONST_INTERNED : N_CONST_LINE;
    }
    mpf_gc_free(buf);
    mpf_gc_free(pieces);
    if (!fmt) {
        return x;
    }
    mpf_node_t *attr = mk1(p, N_ATTR, first, x);
    attr->v.q = MPF_QSTR_format;
    args.items[0] = attr;
    return mk_from_vec(p, N_CALL, first, &args);
}

// The expression of a replacement field of f-string [t], at [s] (the text after its '{',
// [len] bytes), parsed by a sub-parser (as if in brackets) up to the first token that does
// not continue it: a '}', ':' or '!', where *end is set: its offset in [s], doubled, plus 1
// for f"{expr=}" (the expression's text, up to that token, goes to the template first).
static mpf_node_t *parse_field(parser_t *p, const mpf_token_t *t, const uint8_t *s, size_t len, uint32_t *line,
    size_t *end) {
    // (the sub-parser reads the field's text through the same context: arena and tables)
    mpf_cctx_t *c = p->c;
    const char *src = c->src;
    size_t src_len = c->len;
    c->src = (const char *)s;
    c->len = len;
    parser_t q;   // (its lexer and token are set below; its statement fields are not read)
    q.c = c;
    mpf_lex_init(&q.lx, c);
    q.lx.at_bol = false;   // no INDENT before the field's expression
    q.lx.paren = 1;        // nor a NEWLINE inside it
    q.lx.unterminated = true;   // (its end inside that bracket: TK_END, no "never closed")
    q.lx.line = *line;
    advance(&q);
    // (a lambda's ':' would end the field: it needs brackets, as in CPython and mpy-cross)
    mpf_node_t *e = is_kw(&q, KW_LAMBDA) ? NULL : parse_list(&q, LIST_TEST);
    bool self_doc = accept(&q, OP_ASSIGN);
    c->src = src;
    c->len = src_len;
    // ({x:=5}: the format spec is "=5")
    if (!is_op_in(&q, OPS(OP_RBRACE) | OPS(OP_COLON) | OPS(OP_WALRUS)) && !is_op(&q, OP_BANG)) {
        syntax_error_pos(p, t->pos, q.tok.kind == TK_END ? E_FSTR_EXPECTING : E_FSTR_SYNTAX);
    }
    *end = (q.lx.pos - 1 - is_op(&q, OP_WALRUS)) * 2 + self_doc;
    // mpy-cross counts the lines of a field's expression twice: in the literal and again when
    // it reads the expression (after the token that follows the literals), so the lines of
    // the next field and of every later token are as many further on
    p->lx.line += q.lx.line - *line;
    *line = q.lx.line;
    return e;
}

// At a backslash in f-string [t]'s text: the sequence decoded (the token keeps it as
// written) to the text at [o] for str.format, a brace it makes (\x7b) doubled: the end of
// what it wrote; NULL elsewhere. A brace written after the backslash is the f-string's. Both as in CPython
// (mpy-cross keeps such braces single, which str.format then fails on).
static inline __attribute__((always_inline)) uint8_t *fstr_escape(parser_t *p, const mpf_token_t *t, const uint8_t *s, size_t *i,
    size_t len, uint8_t *o) {
    if (s[*i] != '\\') {
        return NULL;
    }
    if (s[++*i] == '{' || s[*i] == '}') {
        *o++ = '\\';
        return o;
    }
    uint8_t *c = o;
    unsigned err = mpf_lex_escape((const char *)s, i, len, &c, t->op & 1, false);
    if (err != 0) {
        syntax_error_pos(p, t->pos, err);
    }
    if (c == o + 1 && (*o == '{' || *o == '}')) {
        *c++ = *o;
    }
    return c;
}

// [*arg_line]: the line of the fields' expressions, at first that of the token after the
// joined literals (mpy-cross's lexer reads the expressions when it meets that token).
static uint8_t *parse_fstring(parser_t *p, const mpf_token_t *t, const uint8_t *s, size_t len, nodevec_t *args,
    uint8_t *o, uint32_t *arg_line) {
    size_t i = 0;
    int open = 0;   // replacement fields open: inside one, its format spec's text
    while (i < len) {
        uint8_t ch = s[i];
        uint8_t *e = fstr_escape(p, t, s, &i, len, o);
        if (e != NULL) {
            o = e;
            continue;
        }
        if ((ch == '{' || (ch == '}' && open == 0)) && i + 1 < len && s[i + 1] == ch) {
            *o++ = ch;
            *o++ = ch;
            i += 2;
            continue;
        }
        if (ch == '}') {
            if (open-- == 0) {
                syntax_error_pos(p, t->pos, E_FSTR_SINGLE);
            }
        }
        if (ch != '{') {
            *o++ = ch;
            i++;
            continue;
        }
        // a replacement field (in the text or nested in a format spec): its conversion and
        // spec stay in the template
        size_t start = ++i, end;
        vec_push(p, args, parse_field(p, t, s + start, len - start, arg_line, &end));
        i = start + end / 2;
        if (end & 1) {
            o = put_braced(o, s + start, end / 2);
        }
        *o++ = '{';
        open++;
        if (s[i] == '!') {
            // a conversion: !r, !s or !a, then the spec or the field's end
            if (i + 2 >= len || strchr("rsa", s[i + 1]) == NULL || (s[i + 2] != ':' && s[i + 2] != '}')) {
                syntax_error_pos(p, t->pos, E_FSTR_CONVERSION);
            }
            *o++ = '!';
            *o++ = s[i + 1];
            i += 2;
        }
    }
    if (open > 0) {
        syntax_error_pos(p, t->pos, E_FSTR_EXPECTING);
    }
    return o;
}

// A display in brackets, its opening [t] just read (up to and with the closing one): a
// parenthesised expression, tuple, list, dict or set, or a comprehension of one.
static mpf_node_t *parse_display(parser_t *p, pos_t t, int open) {
    int close = open + 1;   // OP_RPAR, OP_RSQB or OP_RBRACE
    int b = open >> 1;      // 0 (), 1 [], 2 {}
    // per bracket (b, and 3 for a dict's): the display's node N_TUPLE + b, the comprehension's
    // kind (0x1203 >> 4 * b) & 3: 3 generator, 0 list, 2 set, 1 dict
    _Static_assert(N_LIST == N_TUPLE + 1 && N_SET == N_TUPLE + 2 && N_DICT == N_SET + 1, "display kinds");
    bool paren = b == 0;
    if (paren && is_kw(p, KW_YIELD)) {
        // (yield x): alone in its parentheses (no tuple, no comprehension of it)
        mpf_node_t *y = parse_rhs(p, LIST_TEST_STAR);
        expect(p, OP_RPAR);
        return y;
    }
    nodevec_t v;
    vec_init(&v);
    bool dict = b == 2 && is_op(p, OP_RBRACE), comma = false;
    // the line mpy-cross records for a constant tuple: where its items after the first comma
    // begin when they form a list of their own (two or more, or one with a trailing comma),
    // else where the first item begins
    uint32_t first_line = TOK_LINE(&p->tok), rest_line = 0;
    while (!is_op(p, close)) {
        if (v.n == 1) {
            rest_line = TOK_LINE(&p->tok);
        }
        pos_t et = here(p);
        mpf_node_t *e, *val = NULL;
        if (is_op(p, OP_MUL)) {
            e = parse_star_expr(p);
        } else {
            e = parse_test(p);
            // := in the items of a list or of parentheses
            if (b < 2) {
                e = parse_walrus(p, e);
            }
        }
        if (b == 2) {
            if (v.n == 0 && e->kind != N_STAR && accept(p, OP_COLON)) {
                dict = true;
            } else if (dict) {
                expect(p, OP_COLON);
            }
            if (dict) {
                val = parse_test(p);
            }
        }
        if (v.n == 0 && at_comp_for(p) && !(paren && e->kind == N_STAR)) {
            // the comprehension's node takes the line of its opening bracket, as in mpy-cross
            mpf_node_t *c = parse_comp(p, (0x1203 >> 4 * (b + dict)) & 3, e, val, et);
            set_pos(c, t);
            expect(p, close);
            return c;
        }
        if (dict) {
            // the item's line is its key's first token, a bracket before it too: for a key in
            // brackets opened on an earlier line ({(\n a + b): v}, {(\n k): v}) an N_PASS
            // around the key carries it (it compiles its key, with the key's own line)
            if (POS_LINE(et) < e->line) {
                e = mk1(p, N_PASS, et, e);
            }
            vec_push(p, &v, e);
            e = val;
        }
        vec_push(p, &v, e);
        comma = accept(p, OP_COMMA);
        if (!comma) {
            break;
        }
    }
    expect(p, close);
    size_t n = v.n;
    if (paren && n == 1 && !comma) {
        if (v.items[0]->kind == N_STAR) {
            node_error(p, v.items[0], E_STAR_HERE);   // (*a): no tuple, nothing to unpack into
        }
        // a parenthesised expression: (a) = 1 and ((a, b)) work
        return v.items[0];
    }
    mpf_node_t *x = mk_from_vec(p, N_TUPLE + b + dict, t, &v);   // (a dict's b is 2: N_SET + 1)
    if (paren) {
        x->v.const_line = (n > 2 || (n == 2 && comma)) ? rest_line : first_line;
    }
    return x;
}

// Whether constant [o] is an object whose line mpy-cross records: any but a small int of 31
// bits (with small ints of no more bits, the range test is known false at compile time).
static bool has_line(mpf_obj_t o) {
    return !mpf_obj_is_small_int(o) || (MPF_SMALL_INT_BITS > 31 &&
        (mpf_obj_small_int_value(o) >= ((mpf_int_t)1 << 30) || mpf_obj_small_int_value(o) < -((mpf_int_t)1 << 30)));
}

// (only parse_power's: factor checks the C stack before it)
static mpf_node_t *parse_atom(parser_t *p) {
    pos_t t = here(p);
    int kind = p->tok.kind, op = p->tok.op;
    if (kind == TK_NAME) {
        mpf_node_t *x = parse_name_node(p);
        mpf_obj_t cv = mpf_map_get_qstr(&p->c->consts, x->v.q);
        if (cv != MPF_OBJ_NULL) {
            // a name bound by NAME = const(value): its value, as mpy-cross substitutes it
            x->kind = N_CONST;
            x->op = (uint8_t)(N_CONST_OBJ | (has_line(cv) ? N_CONST_LINE : 0));
            x->v.obj = cv;
            return x;
        }
        if (x->v.q == MPF_QSTR___debug__) {
            // a compile-time constant: True, False when optimising (-O1 and up)
            x->kind = N_CONST;
            x->v.obj = p->c->opt == 0 ? MPF_OBJ_TRUE : MPF_OBJ_FALSE;
        }
        return x;
    }
    if (kind >= TK_STR && kind <= TK_FSTR) {
        return parse_strings(p);
    }
    bool number = kind >= TK_INT && kind <= TK_IMAG;
    mpf_obj_t o = MPF_OBJ_ELLIPSIS;
    if (op >= KW_NONE && op <= KW_FALSE) {
        static const mpf_obj_t kw_consts[] = {MPF_OBJ_NONE, MPF_OBJ_TRUE, MPF_OBJ_FALSE};
        o = kw_consts[op - KW_NONE];
    } else if (is_op_in(p, OPS(OP_LPAR) | OPS(OP_LSQB) | OPS(OP_LBRACE))) {
        advance(p);
        return parse_display(p, t, op);
    } else if (!number && !is_op(p, OP_ELLIPSIS)) {
        syntax_error(p);
    }
    if (number) {
        o = parse_number(p);
    }
    advance(p);
    mpf_node_t *x = mk_const(p, t, o);
    // an object constant: mpy-cross records its line
    if (number && (kind != TK_INT || has_line(o))) {
        x->op |= N_CONST_LINE;
    }
    return x;
}

// A test, or NULL when the token is one of [ends] (a bound of a slice left out).
static mpf_node_t *parse_opt_test(parser_t *p, uint32_t ends) {
    return is_op_in(p, ends) ? NULL : parse_test(p);
}

__attribute__((noinline)) static mpf_node_t *parse_subscript(parser_t *p) {
    pos_t t = here(p);
    mpf_node_t *lo = parse_opt_test(p, OPS(OP_COLON));
    if (!accept(p, OP_COLON)) {
        return lo;
    }
    mpf_node_t *s = mk(p, N_SLICE, t, 3);
    s->k[0] = lo;
    s->k[1] = parse_opt_test(p, OPS(OP_COLON) | OPS(OP_RSQB) | OPS(OP_COMMA));
    if (accept(p, OP_COLON)) {
        s->op = 1;   // a step was written (maybe empty)
        s->k[2] = parse_opt_test(p, OPS(OP_RSQB) | OPS(OP_COMMA));
    }
    return s;
}

// Call arguments up to the closing parenthesis (consumed); appended to [v].
static bool parse_arglist(parser_t *p, nodevec_t *v, int close) {
    bool comma = false;
    while (!is_op(p, close)) {
        pos_t t = here(p);
        if (is_op(p, OP_MUL) || is_op(p, OP_POW)) {
            int kind = p->tok.op == OP_MUL ? N_STAR : N_DSTAR;
            advance(p);
            vec_push(p, v, mk1(p, kind, t, parse_test(p)));
        } else {
            mpf_node_t *e = parse_test(p);
            if (is_op(p, OP_ASSIGN)) {
                if (e->kind != N_NAME) {
                    syntax_error_pos(p, t, E_KW_EXPR);
                }
                advance(p);
                mpf_qstr_t q = e->v.q;
                e = mk1(p, N_KW, t, parse_test(p));
                e->v.q = q;
            } else if (is_op(p, OP_WALRUS)) {
                e = parse_walrus(p, e);
            } else if (at_comp_for(p)) {
                e = parse_comp(p, 3, e, NULL, t);
                e->v.bare_arg = true;
            }
            vec_push(p, v, e);
        }
        comma = accept(p, OP_COMMA);
        if (!comma) {
            break;
        }
    }
    expect(p, close);
    return comma;
}

static mpf_node_t *factor(parser_t *p);  // parse_power reaches it for the right side of **

static mpf_node_t *parse_power(parser_t *p) {
    pos_t t = here(p);
    bool await = accept(p, KW_AWAIT);
    // (an awaited chain's links take the await's line, where mpy-cross evaluates the object)
    pos_t a = await ? t : here(p);
    bool paren = is_op(p, OP_LPAR);
    mpf_node_t *x = parse_atom(p);
    // (x.m)(...) calls the attribute's value: no method-call form
    if (paren && x->kind == N_ATTR) {
        x->op |= N_ATTR_PAREN;
    }
    while (is_op_in(p, OPS(OP_LPAR) | OPS(OP_LSQB) | OPS(OP_DOT))) {
        // a trailer's node has its object's first line ('(' of a parenthesised one); op holds
        // how many lines further down its first token is (the line mpy-cross records once the
        // object is evaluated)
        pos_t tt = here(p);
        int op = p->tok.op;
        uint32_t below = POS_LINE(tt) - POS_LINE(a);
        advance(p);
        nodevec_t v;
        vec_init(&v);
        vec_push(p, &v, x);
        int kind = N_ATTR;
        bool comma = false;
        if (op == OP_LPAR) {
            kind = N_CALL;
            comma = parse_arglist(p, &v, OP_RPAR);
        } else if (op == OP_LSQB) {
            kind = N_SUBSCR;
            vec_push(p, &v, parse_list(p, LIST_SUBSCRIPT));
            expect(p, OP_RSQB);
        }
        x = mk_from_vec(p, kind, a, &v);
        x->op = (uint8_t)((below < N_TRAILER_BELOW_MAX ? below : N_TRAILER_BELOW_MAX) | (comma ? N_CALL_COMMA : 0));
        if (op == OP_DOT) {
            x->v.q = expect_name(p);
#if CONFIG_FLOAT
            if (x->k[0]->kind == N_NAME && x->k[0]->v.q == MPF_QSTR_math) {
                // mpy-cross folds the math module's constants (e, inf, nan, pi, tau): with
                // the module built, its float members are they
#if CONFIG_MODULE_MATH
                mpf_obj_t o = mpf_rom_map_get(mpf_module_math.members, x->v.q);
                if (o != MPF_OBJ_NULL && mpf_obj_is_type(o, &mpf_type_float)) {
#else
                static const char math_names[] = "\1e\3inf\3nan\2pi\3tau";
                static const mpf_float_t math_values[] = {
                    2.718281828459045, INFINITY, NAN, 3.141592653589793, 6.283185307179586,
                };
                size_t n;
                const char *nm = mpf_qstr_data(x->v.q, &n);
                int i = mpf_lex_find(math_names, nm, n);
                if (i >= 0) {
                    mpf_obj_t o = mpf_obj_new_float(math_values[i]);
#endif
                    x->kind = N_CONST;
                    x->op = 0;
                    x->v.obj = o;
                    x->n = 0;
                }
            }
#endif
        }
    }
    if (await) {
        x = mk1(p, N_AWAIT, t, x);
    }
    if (accept(p, OP_POW)) {
        x = mk_binop(p, OP_POW, x, factor(p));
        if (x->kind == N_BINOP) {
            set_pos(x, t);   // its first token: the '(' of a parenthesised base
        }
    }
    return x;
}

static mpf_node_t *factor(parser_t *p) {
    // deeply nested input (`- - - ... x`, `((((x))))`): RuntimeError, not a C stack overflow
    mpf_stack_check();
    pos_t t = here(p);
    if (is_op_in(p, OPS(OP_ADD) | OPS(OP_SUB)) || is_op(p, OP_TILDE)) {
        int op = p->tok.op;
        advance(p);
        mpf_node_t *a = factor(p);
        if (is_num_const(a)) {
            // (~ of a float raises: not folded)
            _Static_assert(OP_SUB == OP_ADD + 1 && MPF_UNARY_OP_NEGATIVE == MPF_UNARY_OP_POSITIVE + 1, "unary ops");
            int u = op == OP_TILDE ? MPF_UNARY_OP_INVERT : MPF_UNARY_OP_POSITIVE + (op - OP_ADD);
            mpf_obj_t r = fold(-1 - u, a->v.obj, MPF_OBJ_NULL);
            if (r != MPF_OBJ_NULL) {
                a->v.obj = r;
                set_pos(a, t);
                a->op &= (uint8_t)~N_CONST_LINE;
                return a;
            }
        }
        mpf_node_t *x = mk1(p, N_UNARY, t, a);
        x->op = (uint8_t)op;
        return x;
    }
    return parse_power(p);
}

// The binding powers of the operators: or, and, not (a prefix), the comparisons, | ^ & << >>
// + - * @ / // % (unary operators and ** are factor's and parse_power's).
enum { P_OR = 1, P_AND, P_NOT, P_CMP, P_BOR };
// From OP_AT to OP_MOD, in the order of the enum: @, < > == <= >= !=, | ^ & << >> + - * @ // / %
static const uint8_t op_power[] = {
    P_BOR + 5, P_CMP, P_CMP, P_CMP, P_CMP, P_CMP, P_CMP,
    P_BOR, P_BOR + 1, P_BOR + 2, P_BOR + 3, P_BOR + 3, P_BOR + 4, P_BOR + 4, P_BOR + 5, P_BOR + 5, P_BOR + 5,
    P_BOR + 5, P_BOR + 5,
};
_Static_assert(sizeof(op_power) == OP_MOD - OP_AT + 1 && OP_LT == OP_AT + 1 && OP_OR == OP_LT + 6, "op_power");

// The binding power of the infix operator at the token, 0 for any other token.
__attribute__((noinline)) static int binop_prec(const parser_t *p) {
    unsigned op = p->tok.op;
    if (op >= KW_FIRST) {
        return op == KW_OR ? P_OR : op == KW_AND ? P_AND : (op == KW_IN || op == KW_IS || op == KW_NOT) ? P_CMP : 0;
    }
    op -= OP_AT;
    return op < sizeof(op_power) ? op_power[op] : 0;
}

// Comparison operators: 0..5 < > == <= >= !=, 6 in, 7 is, 8 not in, 9 is not (the token
// is one: binop_prec gave P_CMP).
static int compare_op(parser_t *p) {
    int op = p->tok.op;
    bool kw = op >= KW_FIRST;
    advance(p);
    if (!kw) {
        return op - OP_LT;
    }
    if (op == KW_IN) {
        return 6;
    }
    if (op == KW_IS) {
        return accept(p, KW_NOT) ? 9 : 7;
    }
    expect(p, KW_IN);
    return 8;
}

mpf_obj_t mpf_parse_const_value(const mpf_node_t *x) {
    if (x->kind == N_CONST) {
        mpf_obj_t o = x->v.obj;
        if (mpf_obj_is_qstr(o)) {
            size_t len;
            const char *s = mpf_obj_str_data(o, &len);
            o = mpf_obj_new_str(s, len);
        }
        return o;
    }
    mpf_obj_t t = mpf_obj_new_tuple(x->n, NULL);
    size_t n;
    mpf_obj_t *items;
    mpf_obj_get_array(t, &n, &items);
    for (size_t i = 0; i < x->n; i++) {
        items[i] = mpf_parse_const_value(x->k[i]);
    }
    return t;
}

bool mpf_parse_tuple_is_const(const mpf_node_t *x) {
    for (size_t i = 0; i < x->n; i++) {
        const mpf_node_t *k = x->k[i];
        if (k->kind != N_CONST && !(k->kind == N_TUPLE && mpf_parse_tuple_is_const(k))) {
            return false;
        }
    }
    return true;
}

int mpf_parse_truth(const mpf_node_t *x) {
    if (x->kind == N_CONST) {
        return mpf_obj_is_true(x->v.obj);
    }
    return x->kind == N_TUPLE && mpf_parse_tuple_is_const(x) ? x->n > 0 : -1;
}

// The operators binding at least [min] (precedence climbing, left-associative: the same
// tree, built in the same order, as one rule per level would build): `not` (a prefix, when
// [min] allows it), chains of `or`, of `and`, of comparisons, and of binary operators of
// a precedence.
static mpf_node_t *parse_binary(parser_t *p, int min) {
    pos_t t = here(p);
    mpf_node_t *x;
    if (min <= P_NOT && accept(p, KW_NOT)) {
        mpf_stack_check();  // `not not ... x`: no atom between the levels
        x = parse_binary(p, P_NOT);
        int truth = mpf_parse_truth(x);
        if (truth < 0) {
            x = mk1(p, N_NOT, t, x);
        } else {
            // not of any constant is folded, as mpy-cross does (a constant tuple's at the `not`)
            if (x->kind != N_CONST) {
                x = mk(p, N_CONST, t, 0);
            }
            x->v.obj = truth ? MPF_OBJ_FALSE : MPF_OBJ_TRUE;
            x->op = 0;
        }
    } else {
        x = factor(p);
    }
    int prec;
    while ((prec = binop_prec(p)) >= min) {
        if (prec < P_BOR) {
            // a chain of or, of and, or of comparisons: one node over all operands. and/or:
            // an operand that is a constant is dropped when it cannot decide the result (true
            // for and, false for or; the last one is kept) and ends the chain when it does
            // (the later ones are parsed, and dropped), as mpy-cross folds.
            nodevec_t v;
            vec_init(&v);
            uint8_t *ops = NULL;   // (in the arena: a word's room, doubled when full)
            size_t n_ops = 0;
            mpf_node_t *tail = NULL;
            bool decided = false;
            while (true) {
                int truth = prec == P_CMP ? -1 : mpf_parse_truth(x);
                if (!decided) {
                    tail = NULL;
                    if (truth < 0 || (decided = truth == (prec == P_OR))) {
                        vec_push(p, &v, x);
                    } else {
                        tail = x;
                    }
                }
                if (binop_prec(p) != prec) {
                    break;
                }
                if (prec == P_CMP) {
                    if (n_ops == 0 || (n_ops >= sizeof(void *) && (n_ops & (n_ops - 1)) == 0)) {
                        uint8_t *more = mpf_cc_alloc(p->c, n_ops ? 2 * n_ops : sizeof(void *));
                        if (n_ops) {
                            memcpy(more, ops, n_ops);
                        }
                        ops = more;
                    }
                    ops[n_ops++] = (uint8_t)compare_op(p);
                } else {
                    advance(p);
                }
                x = parse_binary(p, prec + 1);
            }
            if (tail != NULL) {
                vec_push(p, &v, tail);
            }
            if (v.n == 1) {
                x = v.items[0];   // (in the struct: no heap block)
                continue;
            }
            static const uint8_t chain_kinds[] = {0, N_OR, N_AND, 0, N_COMPARE};   // (by prec)
            x = mk_from_vec(p, chain_kinds[prec], t, &v);
            x->v.ops = ops;   // (NULL: and/or, which have none)
            continue;
        }
        // one chain of operators of a precedence (a + b - c): mpy-cross folds it only when every
        // operand is a constant (1 + 2 + x keeps 1 + 2), so the folded value is computed aside
        // (MPF_OBJ_NULL once an operand is not a constant or an operation is not folded: the
        // whole chain is left to run time); its node is at the first operand
        pos_t fpos = pos_of(x);
        mpf_obj_t folded = is_num_const(x) ? x->v.obj : MPF_OBJ_NULL;
        do {
            int op = p->tok.op == OP_AT ? OP_MATMUL : p->tok.op;
            advance(p);
            mpf_node_t *y = parse_binary(p, prec + 1);
            folded = folded != MPF_OBJ_NULL && is_num_const(y) ? fold_binop(op, folded, y->v.obj) : MPF_OBJ_NULL;
            x = mk_binop_node(p, op, x, y);
            set_pos(x, t);
        } while (binop_prec(p) == prec);
        if (folded != MPF_OBJ_NULL) {
            x = mk_const(p, fpos, folded);
        }
    }
    return x;
}

__attribute__((noinline)) static mpf_node_t *parse_expr(parser_t *p) {
    return parse_binary(p, P_BOR);
}

// [target] := value when the token is ':=', else [target].
static mpf_node_t *parse_walrus(parser_t *p, mpf_node_t *target) {
    return accept(p, OP_WALRUS) ? mk2(p, N_NAMEDEXPR, pos_of(target), target, parse_test(p)) : target;
}

// `*expr` (a starred item), the current token being its '*'.
static mpf_node_t *parse_star_expr(parser_t *p) {
    pos_t st = here(p);
    advance(p);
    return mk1(p, N_STAR, st, parse_expr(p));
}

static mpf_node_t *parse_lambda(parser_t *p, bool nocond) {
    pos_t t = here(p);
    expect(p, KW_LAMBDA);
    arena_mark_t m = arena_begin(p);
    mpf_node_t *x = mk(p, N_LAMBDA | SCOPE, t, 2);
    p->c->arena_owner = x;
    x->k[0] = parse_args(p, true, t);
    expect(p, OP_COLON);
    x->k[1] = nocond ? parse_or_test(p, true) : parse_test(p);
    return arena_end(p, &m, x);
}

static mpf_node_t *parse_or_test(parser_t *p, bool allow_lambda) {
    if (is_kw(p, KW_LAMBDA)) {
        return parse_lambda(p, !allow_lambda);
    }
    return parse_binary(p, P_OR);
}

static mpf_node_t *parse_test(parser_t *p) {
    mpf_stack_check();  // `lambda: lambda: ...`, `a if b else ...`: no atom between the levels
    pos_t t = here(p);
    mpf_node_t *x = parse_or_test(p, true);
    if (accept(p, KW_IF)) {
        mpf_node_t *c = mk(p, N_IFEXP, t, 3);
        c->k[0] = x;
        c->k[1] = parse_or_test(p, true);
        expect(p, KW_ELSE);
        c->k[2] = parse_test(p);
        return c;
    }
    return x;
}

// ---------------------------------------------------------------- statements

// Parameters of def (up to ')') or lambda (up to ':').
// (the parameters of the def or lambda at [owner])
static mpf_node_t *parse_args(parser_t *p, bool lambda, pos_t owner) {
    pos_t t = here(p);
    nodevec_t v;
    vec_init(&v);
    int close = lambda ? OP_COLON : OP_RPAR;
    int stage = 0;    // 0 positional parameters, 1 keyword-only (after a *), 3 after **kwargs
    pos_t bare = 0;   // a bare * with no keyword-only parameter after it yet
    size_t n_posonly = 0;
    while (!is_op(p, close)) {
        pos_t at = here(p);
        bool slash = accept(p, OP_DIV);
        // `/` ends the positional-only parameters: after one at least, once, before * and **;
        // nothing follows **kw, and there is one * at most
        if (slash ? n_posonly || stage || v.n == 0 : stage == 3 || (stage && is_op(p, OP_MUL))) {
            syntax_error_pos(p, at, E_SYNTAX);
        }
        if (slash) {
            n_posonly = v.n;
        } else {
            mpf_node_t *a = mk(p, N_ARG, at, 2);
            // op: 0 positional, 1 *args (or a bare *), 2 keyword-only, 3 **kwargs
            int op = accept(p, OP_MUL) ? 1 : accept(p, OP_POW) ? 3 : stage ? 2 : 0;
            a->op = (uint8_t)op;
            if (bare && op == 3) {
                break;
            }
            bare = op == 1 && p->tok.kind != TK_NAME ? at : 0;
            if (op != 1 || p->tok.kind == TK_NAME) {
                a->v.q = expect_name(p);
                mpf_cc_no_debug(p->c, a->v.q, POS_LINE(owner), owner >> POS_COL_SHIFT);
                if (!lambda && accept(p, OP_COLON)) {
                    a->k[1] = parse_test(p);
                }
                if (!(op & 1) && accept(p, OP_ASSIGN)) {
                    a->k[0] = parse_test(p);
                }
            }
            if (op & 1) {
                stage = op;
            }
            vec_push(p, &v, a);
        }
        if (!accept(p, OP_COMMA)) {
            break;
        }
    }
    if (bare) {
        syntax_error_pos(p, bare, E_BARE_STAR);   // (as CPython; mpy-cross takes def f(*))
    }
    if (!lambda) {
        expect(p, OP_RPAR);
    }
    if (n_posonly > 255) {
        syntax_error_pos(p, t, E_ARGS);
    }
    mpf_node_t *args = mk_from_vec(p, N_ARGS, t, &v);
    args->op = (uint8_t)n_posonly;   // how many lead positional-only (before a `/`)
    return args;
}

static mpf_node_t *parse_dotted(parser_t *p) {
    pos_t t = here(p);
    nodevec_t v;
    vec_init(&v);
    // the whole name, of any length, joined from its parts' qstrs as they come (each part a
    // longer copy in the arena: names are short)
    const char *buf = "";
    size_t n = 0, l;
    do {
        mpf_node_t *nm = parse_name_node(p);
        vec_push(p, &v, nm);
        const char *s = mpf_qstr_data(nm->v.q, &l);
        char *more = mpf_cc_alloc(p->c, n + l + 1);
        memcpy(more, buf, n);
        memcpy(more + n, s, l);
        more[n + l] = '.';
        buf = more;
        n += l + 1;
    } while (accept(p, OP_DOT));
    mpf_node_t *d = mk_from_vec(p, N_DOTTED, t, &v);
    d->v.q = mpf_qstr_from_strn(buf, n - 1);
    return d;
}

// from [.]*[a.b] import (* | n [as m], ... | (n [as m], ...[,]))
static mpf_node_t *parse_import(parser_t *p) {
    pos_t t = here(p);
    advance(p);   // from
    nodevec_t v;
    vec_init(&v);
    int level = 0;
    while (is_op_in(p, OPS(OP_DOT) | OPS(OP_ELLIPSIS))) {
        level += p->tok.op == OP_DOT ? 1 : 3;
        advance(p);
    }
    vec_push(p, &v, p->tok.kind == TK_NAME ? parse_dotted(p) : NULL);
    if (v.items[0] == NULL && level == 0) {
        syntax_error(p);
    }
    expect(p, KW_IMPORT);
    bool star = accept(p, OP_MUL);
    bool paren = !star && accept(p, OP_LPAR);
    if (!star) {
        do {
            if (paren && v.n > 1 && is_op(p, OP_RPAR)) {
                break;   // (a comma after the last name; `import ()` is an error)
            }
            vec_push(p, &v, parse_name_node(p));
            vec_push(p, &v, parse_opt_as(p));
        } while (accept(p, OP_COMMA));
        if (paren) {
            expect(p, OP_RPAR);
        }
    }
    mpf_node_t *x = mk_from_vec(p, N_IMPORTFROM, t, &v);
    x->op = star;
    x->v.level = level;
    return x;
}

// The target of an augmented assignment or of an annotation: a name, attribute or
// subscript. (The targets of the other statements the emitter checks as it stores to them.)
static inline __attribute__((always_inline)) void check_single_target(parser_t *p, const mpf_node_t *x, unsigned msg) {
    if (x->kind != N_NAME && x->kind != N_ATTR && x->kind != N_SUBSCR) {
        node_error(p, x, msg);
    }
}


// The end of a simple statement: a newline, ';' (or the end of the input).
static bool at_stmt_end(const parser_t *p) {
    return p->tok.kind == TK_NEWLINE || p->tok.kind == TK_END || is_op(p, OP_SEMI);
}

// The statements a keyword introduces (but from, def and class) and a comprehension's clauses
// as small scripts, read by run_script(): each is its length, its keyword (or the keyword a
// part of a statement or a clause is found by), its node's kind, then actions, each pushing a
// child (NULL: absent) or steering.
enum {
    S_END,        // the node, of the children pushed
    S_TEST, S_TESTW, S_EXPR, S_NAME, S_SUITE, S_NULL,
    S_LIST,       // testlist (a for loop's iterable)
    S_LIST_STAR,  // testlist with starred items
    S_TARGETS,    // a for loop's targets (up to `in`)
    S_DEL,        // an expression, unless at the statement's end (del a,)
    S_ELSE,       // `else: suite` or NULL
    S_ELIF,       // an elif (an N_IF of op 1, by the script of if), else as S_ELSE
    S_EXCEPTS,    // a try's except clauses (by the script of except), then its else and finally
    S_SUITE0,     // the suite, as the first child (a with's, after its items)
    S_KW,         // keyword [next byte] must follow
    S_OPT_KW,     // if keyword [next byte] follows: the next action, else NULL and it is skipped
    S_OPT_COMMA,  // the same for a comma
    S_IF_END,     // at the statement's end: NULL, the next action skipped
    S_IF_COLON,   // at ':': the same
    S_COMMA,      // after a comma: back [next byte] bytes (counted from the byte after it)
    S_SUB,        // a child node made by the script of keyword [next byte] (at the token)
    S_DOTTED,     // a dotted name
    S_OR_TEST,    // or_test (a comprehension's if: no lambda with a condition)
    S_DISJ,       // the same without a lambda (a comprehension's iterable)
};
_Static_assert(S_LIST_STAR - S_LIST == LIST_TEST_STAR - LIST_TEST && S_TARGETS - S_LIST == LIST_TARGET - LIST_TEST, "S_LIST");
#define SCRIPT(kw, kind, ...) (uint8_t)(3 + sizeof((const uint8_t[]){__VA_ARGS__})), kw, kind, __VA_ARGS__
// the simple statements', then the compound ones' (and their parts'): each list ends with a 0
static const uint8_t simple_scripts[] = {
    SCRIPT(KW_PASS, N_PASS, S_END),
    SCRIPT(KW_BREAK, N_BREAK, S_END),
    SCRIPT(KW_CONTINUE, N_CONTINUE, S_END),
    SCRIPT(KW_RETURN, N_RETURN, S_IF_END, S_LIST_STAR, S_END),
    SCRIPT(KW_RAISE, N_RAISE, S_IF_END, S_TEST, S_OPT_KW, KW_FROM, S_TEST, S_END),
    SCRIPT(KW_ASSERT, N_ASSERT, S_TEST, S_OPT_COMMA, S_TEST, S_END),
    SCRIPT(KW_GLOBAL, N_GLOBAL, S_NAME, S_COMMA, 3, S_END),
    SCRIPT(KW_NONLOCAL, N_NONLOCAL, S_NAME, S_COMMA, 3, S_END),
    SCRIPT(KW_DEL, N_DEL, S_DEL, S_COMMA, 3, S_END),   // (del (a, b): one tuple, flattened later)
    SCRIPT(KW_IMPORT, N_IMPORT, S_DOTTED, S_OPT_KW, KW_AS, S_NAME, S_COMMA, 6, S_END),
    0,
};
static const uint8_t compound_scripts[] = {
    SCRIPT(KW_IF, N_IF, S_TESTW, S_SUITE, S_ELIF, S_END),
    // an elif's (run by the if's S_ELIF)
    SCRIPT(KW_ELIF, N_IF, S_TESTW, S_SUITE, S_NULL, S_END),
    SCRIPT(KW_WHILE, N_WHILE, S_TESTW, S_SUITE, S_ELSE, S_END),
    SCRIPT(KW_FOR, N_FOR, S_TARGETS, S_KW, KW_IN, S_LIST, S_SUITE, S_ELSE, S_END),
    SCRIPT(KW_WITH, N_WITH, S_NULL, S_SUB, KW_AS, S_COMMA, 4, S_SUITE0, S_END),
    SCRIPT(KW_AS, N_WITHITEM, S_TEST, S_OPT_KW, KW_AS, S_EXPR, S_END),
    SCRIPT(KW_TRY, N_TRY, S_SUITE, S_NULL, S_NULL, S_EXCEPTS, S_END),
    // (except A, B: the suite's ':' is missing)
    SCRIPT(KW_EXCEPT, N_EXCEPT, S_IF_COLON, S_TEST, S_OPT_KW, KW_AS, S_NAME, S_SUITE, S_END),
    // a comprehension's clauses, after their for or if
    SCRIPT(KW_IN, N_COMPFOR, S_TARGETS, S_KW, KW_IN, S_DISJ, S_END),
    SCRIPT(KW_IS, N_COMPIF, S_OR_TEST, S_END),
    0,
};

// The script of keyword [kw] in [s], NULL if it has none.
static const uint8_t *script_of(const uint8_t *s, int kw) {
    for (; s[0] != 0; s += s[0]) {
        if (s[1] == kw) {
            return s;
        }
    }
    return NULL;
}

static mpf_node_t *run_script(parser_t *p, const uint8_t *s, pos_t t, int op);

// The node of compound_scripts' script of keyword [kw] at [t], of operator [op].
static mpf_node_t *run_part(parser_t *p, int kw, pos_t t, int op) {
    return run_script(p, script_of(compound_scripts, kw), t, op);
}

// `[kw]: suite` (else, finally) when the token is keyword [kw], else NULL.
static mpf_node_t *parse_opt_clause(parser_t *p, int kw) {
    pos_t t = here(p);
    return accept(p, kw) ? parse_suite(p, t) : NULL;
}

// The node of script [s] at [t] (its keyword just read), of operator [op].
static mpf_node_t *run_script(parser_t *p, const uint8_t *s, pos_t t, int op) {
    nodevec_t v;
    vec_init(&v);
    int kind = s[2];
    s += 3;
    while (true) {
        mpf_node_t *x = NULL;
        switch (*s++) {
            case S_END: {
                mpf_node_t *n = mk_from_vec(p, kind, t, &v);
                n->op = (uint8_t)op;
                return n;
            }
            case S_TESTW:
                x = parse_walrus(p, parse_test(p));
                break;
            case S_TEST:
                x = parse_test(p);
                break;
            case S_EXPR:
                x = parse_expr(p);
                break;
            case S_NAME:
                x = parse_name_node(p);
                break;
            case S_SUITE:
                x = parse_suite(p, t);
                break;
            case S_NULL:
                break;
            case S_LIST:
            case S_LIST_STAR:
            case S_TARGETS:
                // (LIST_TEST, LIST_TEST_STAR and LIST_TARGET in the same order)
                x = parse_list(p, s[-1] - S_LIST);
                break;
            case S_DEL:
                if (v.n > 0 && at_stmt_end(p)) {
                    continue;   // (a comma after the last target; a bare del is an error)
                }
                x = parse_expr(p);
                break;
            case S_ELIF:
                // the elifs, each an N_IF (op 1) the else part of the one before, and the else
                // of the last: in a loop (a ladder of them takes no C stack per elif)
                for (mpf_node_t **at = &x;; at = &(*at)->k[2]) {
                    if (!is_kw(p, KW_ELIF)) {
                        *at = parse_opt_clause(p, KW_ELSE);
                        break;
                    }
                    pos_t et = here(p);
                    advance(p);
                    *at = run_part(p, KW_ELIF, et, 1);
                }
                break;
            case S_ELSE:
                x = parse_opt_clause(p, KW_ELSE);
                break;
            case S_EXCEPTS: {
                while (is_kw(p, KW_EXCEPT)) {
                    pos_t et = here(p);
                    advance(p);
                    vec_push(p, &v, run_part(p, KW_EXCEPT, et, 0));
                }
                if (v.n > 3) {
                    v.items[1] = parse_opt_clause(p, KW_ELSE);
                }
                v.items[2] = parse_opt_clause(p, KW_FINALLY);
                if (v.n == 3 && v.items[2] == NULL) {
                    syntax_error(p);
                }
                continue;
            }
            case S_SUITE0:
                v.items[0] = parse_suite(p, t);
                continue;
            case S_KW:
                expect(p, *s++);
                continue;
            case S_OPT_KW:
                if (accept(p, *s++)) {
                    continue;
                }
                s++;
                break;
            case S_OPT_COMMA:
                if (accept(p, OP_COMMA)) {
                    continue;
                }
                s++;
                break;
            case S_COMMA: {
                int back = *s++;
                if (accept(p, OP_COMMA)) {
                    s -= back;
                }
                continue;
            }
            case S_IF_END:
            case S_IF_COLON:
                if (!(s[-1] == S_IF_END ? at_stmt_end(p) : is_op(p, OP_COLON))) {
                    continue;
                }
                s++;
                break;
            case S_DOTTED:
                x = parse_dotted(p);
                break;
            case S_OR_TEST:
                x = parse_or_test(p, false);
                break;
            case S_DISJ:
                x = parse_binary(p, P_OR);
                break;
            default: {   // S_SUB
                pos_t st = here(p);
                x = run_part(p, *s++, st, 0);
                break;
            }
        }
        vec_push(p, &v, x);
    }
}

// Comprehension clauses after the element: for ... in ... [if ...]...
// [elt] (and [val]) and the for/if clauses after them; [et] is the element's first token
// (the '(' of a bracketed one, where the comprehension's code starts: N_COMP_STARTS_ABOVE).
static mpf_node_t *parse_comp(parser_t *p, int kind, mpf_node_t *elt, mpf_node_t *val, pos_t et) {
    nodevec_t v;
    vec_init(&v);
    vec_push(p, &v, elt);
    vec_push(p, &v, val);
    while (is_kw(p, KW_FOR) || is_kw(p, KW_IF) || is_kw(p, KW_ASYNC)) {
        // (the clauses' scripts: of for, found by `in`, and of if, by `is`)
        pos_t t = here(p);
        int key = KW_IS, async = 0;
        if (!accept(p, KW_IF)) {
            async = accept(p, KW_ASYNC);
            expect(p, KW_FOR);
            key = KW_IN;
        }
        vec_push(p, &v, run_part(p, key, t, async));
    }
    mpf_node_t *c = mk_from_vec(p, N_COMP | SCOPE, pos_of(elt), &v);
    mpf_node_set_arena(c, p->c->arena_owner);
    uint32_t above = elt->line - POS_LINE(et);
    c->op = (uint8_t)(kind | (above < N_COMP_ABOVE_MAX ? above : N_COMP_ABOVE_MAX) << 2);
    return c;
}

// The value of [target] = [val] (or [target]: annotation = [val]): when it is NAME = const(x),
// x, which later uses of NAME become (mpy-cross's micropython.const; a SyntaxError unless x is
// one constant: a literal, folded arithmetic or a tuple of those), NULL for a _NAME (not
// stored at all). (The map's blocks are the heap's: they outlive the arena of the statement,
// and mpf_cc_arena_free releases them; a name met again is its value by then.)
static mpf_node_t *const_decl(parser_t *p, const mpf_node_t *target, mpf_node_t *val) {
    if (target->kind != N_NAME || val->kind != N_CALL || val->k[0]->kind != N_NAME || val->k[0]->v.q != MPF_QSTR_const) {
        return val;
    }
    mpf_node_t *x = val->k[val->n - 1];   // (const(): the name, not a constant)
    if (val->n != 2 || (val->op & N_CALL_COMMA) || !(x->kind == N_CONST || (x->kind == N_TUPLE && mpf_parse_tuple_is_const(x)))) {
        syntax_error_pos(p, pos_of(val), E_NOT_CONST);
    }
    mpf_map_lookup(&p->c->consts, mpf_obj_new_qstr(target->v.q), MPF_MAP_LOOKUP_ADD)->value = mpf_parse_const_value(x);
    size_t n;
    const char *nm = mpf_qstr_data(target->v.q, &n);
    return n > 0 && nm[0] == '_' ? NULL : x;
}

// ([ls]: where its line of statements starts)
static mpf_node_t *parse_small_stmt(parser_t *p, pos_t ls) {
    pos_t t = here(p);
    int kw = p->tok.op;   // (a keyword's script, or none)
    if (kw == KW_FROM) {
        return parse_import(p);
    }
    const uint8_t *sc = script_of(simple_scripts, kw);
    if (sc != NULL) {
        advance(p);
        return run_script(p, sc, t, 0);
    }
    mpf_node_t *e = parse_rhs(p, LIST_TEST_STAR);
    mpf_node_t *val;
    if (is_augassign(p)) {
        int op = p->tok.op;
        check_single_target(p, e, E_AUGASSIGN);
        advance(p);
        mpf_node_t *x = mk2(p, N_AUGASSIGN, t, e, parse_rhs(p, LIST_TEST));
        x->op = (uint8_t)op;
        return x;
    }
    if (is_op(p, OP_COLON)) {
        // annotated assignment
        advance(p);
        mpf_node_t *x = mk(p, N_ANNASSIGN, t, 3);
        if (!(e->op & N_CONST_OBJ) || e->kind != N_CONST) {
            // (a name of NAME = const(x) may be annotated: mpy-cross compiles nothing for it,
            // and an assignment to it is an error)
            check_single_target(p, e, E_ANNOTATION);
        }
        x->k[0] = e;
        x->k[1] = parse_test(p);
        if (accept(p, OP_ASSIGN)) {
            val = const_decl(p, e, parse_rhs(p, LIST_TEST_STAR));
            if (val == NULL) {
                goto dropped;
            }
            x->k[2] = val;
        }
        return x;
    }
    if (!is_op(p, OP_ASSIGN)) {
        return mk1(p, N_EXPR, t, e);
    }
    nodevec_t v;
    vec_init(&v);
    vec_push(p, &v, e);
    while (accept(p, OP_ASSIGN)) {
        vec_push(p, &v, parse_rhs(p, LIST_TEST_STAR));
    }
    if (v.n == 2) {
        val = const_decl(p, e, v.items[1]);
        if (val == NULL) {
            goto dropped;
        }
        v.items[1] = val;
    }
    return mk_from_vec(p, N_ASSIGN, t, &v);
dropped:
    // a _NAME = const(x) compiles to nothing; before a ';' an N_PASS at the line's start
    // (mpy-cross records the line of a statement list: `_A = const(1); _B = const(2)`,
    // `_A = const(1);`)
    return is_op(p, OP_SEMI) ? mk(p, N_PASS, ls, 0) : NULL;
}

// small_stmt (';' small_stmt)* [';'] NEWLINE, appended to [v].
static void parse_simple_stmt(parser_t *p, nodevec_t *v) {
    pos_t ls = here(p);
    while (true) {
        mpf_node_t *x = parse_small_stmt(p, ls);
        if (x != NULL) {
            vec_push(p, v, x);
        }
        if (!accept(p, OP_SEMI)) {
            break;
        }
        if (p->tok.kind == TK_NEWLINE || p->tok.kind == TK_END) {
            break;
        }
    }
    if (p->tok.kind == TK_END) {
        return;
    }
    if (p->tok.kind != TK_NEWLINE) {
        syntax_error(p);
    }
    advance(p);
}

static void parse_stmt(parser_t *p, nodevec_t *v);

// ([kw]: where the keyword of the statement or clause the suite belongs to is, for CPython's
// "expected ':'" and "expected an indented block after 'if' statement on line N")
static mpf_node_t *parse_suite(parser_t *p, pos_t kw) {
    pos_t t = here(p);
#if CONFIG_COMPILER_ERROR_DETAIL
    if (p->tok.kind == TK_NEWLINE) {
        mpf_cc_syntax_error(p->c, 0, POS_LINE(t), t >> POS_COL_SHIFT, "expected ':'");
    }
#endif
    expect(p, OP_COLON);
    nodevec_t v;
    vec_init(&v);
    if (p->tok.kind != TK_NEWLINE) {
        parse_simple_stmt(p, &v);
        return mk_from_vec(p, N_SUITE, t, &v);
    }
    advance(p);
    if (p->tok.kind != TK_INDENT) {
        if (p->tok.kind == TK_END) {
            p->lx.unterminated = true;
        }
#if CONFIG_COMPILER_ERROR_DETAIL
        p->c->block_kw = kw;
#else
        (void)kw;
#endif
        indent_error(p, E_EXPECTED_INDENT);
    }
    advance(p);
    pos_t f = here(p);
    while (p->tok.kind != TK_DEDENT && p->tok.kind != TK_END) {
        if (v.n == 0 && here(p) != f) {
            // (the first statement was a _NAME = const(x), dropped: mpy-cross records the
            // line of a block of several statements, the first's)
            vec_push(p, &v, mk(p, N_PASS, f, 0));
        }
        parse_stmt(p, &v);
    }
    if (p->tok.kind == TK_DEDENT) {
        advance(p);
    }
    return mk_from_vec(p, N_SUITE, t, &v);
}

// The compound statements: each after its keyword (at [t]) was read.

// def (async when [async]) or class ([cls]), after its [decorators].
static mpf_node_t *parse_def(parser_t *p, pos_t t, nodevec_t *decorators, bool async, bool cls) {
    arena_mark_t m = arena_begin(p);
    size_t nk = cls ? 2 : 3;   // then the decorators
    pos_t ps = decorators->n ? (t & ~(pos_t)NODE_LINE_MAX) | decorators->items[0]->line : t;
    mpf_node_t *x = mk(p, (cls ? N_CLASSDEF : N_FUNCDEF) | SCOPE, ps, nk + decorators->n);
    p->c->arena_owner = x;
    x->op = async;
    x->v.q = expect_name(p);
    mpf_cc_no_debug(p->c, x->v.q, POS_LINE(t), t >> POS_COL_SHIFT);
    if (cls) {
        nodevec_t v;
        vec_init(&v);
        vec_push(p, &v, NULL);
        if (accept(p, OP_LPAR)) {
            parse_arglist(p, &v, OP_RPAR);
        }
        x->k[1] = mk_from_vec(p, N_CALL, t, &v);
        x->k[0] = parse_suite(p, t);
    } else {
        expect(p, OP_LPAR);
        x->k[0] = parse_args(p, false, t);
        if (accept(p, OP_ARROW)) {
            x->k[2] = parse_test(p);
        }
        x->k[1] = parse_suite(p, t);
    }
    for (size_t i = 0; i < decorators->n; i++) {
        x->k[nk + i] = decorators->items[i];
    }
    vec_free(decorators);   // (more than VEC_INLINE: its heap block, released as mk_from_vec's)
    return arena_end(p, &m, x);
}

// The keywords of the compound statements (then async and a decorator's @, which begin one):
// decorators apply to the first two, async to the first, third and fourth (async def, for, with).
static const uint8_t compound_kws[] = {KW_DEF, KW_CLASS, KW_FOR, KW_WITH, KW_IF, KW_WHILE, KW_TRY, KW_ASYNC, OP_AT};

static void parse_stmt(parser_t *p, nodevec_t *v) {
    mpf_stack_check();
    // (an unexpected INDENT: the SyntaxError of parse_atom, which finds no atom there)
    nodevec_t decos;
    vec_init(&decos);
    while (accept(p, OP_AT)) {
        vec_push(p, &decos, parse_test(p));
        if (p->tok.kind != TK_NEWLINE) {
            syntax_error(p);
        }
        advance(p);
    }
    // a decorator applies to def, async def and class; async to def, for and with
    bool plain = decos.n == 0;
    bool async = accept(p, KW_ASYNC);
    pos_t t = here(p);
    const uint8_t *ck = memchr(compound_kws, p->tok.op, 7);
    size_t i = ck != NULL ? (size_t)(ck - compound_kws) : 7;
    // what may come before each (1 decorators, 2 async; none before a simple statement)
    static const uint8_t before_ok[] = {3, 1, 2, 2, 0, 0, 0, 0};
    if (((unsigned)!plain | (unsigned)async << 1) & ~(unsigned)before_ok[i]) {
        syntax_error(p);
    }
    if (i == 7) {
        parse_simple_stmt(p, v);
        return;
    }
    advance(p);
    vec_push(p, v, i < 2 ? parse_def(p, t, &decos, async, i == 1) : run_part(p, *ck, t, async));
}

// True when [src] ends with a backslash line continuation (and nothing after it).
static bool ends_in_continuation(const char *src, size_t len) {
    if (len > 0 && src[len - 1] == '\n') {
        len--;
        if (len > 0 && src[len - 1] == '\r') {
            len--;
        }
        return len > 0 && src[len - 1] == '\\';
    }
    return false;
}

// Past blank lines' NEWLINE tokens: the kind of the token after them.
__attribute__((noinline)) static int skip_newlines(parser_t *p) {
    while (p->tok.kind == TK_NEWLINE) {
        advance(p);
    }
    return p->tok.kind;
}

void mpf_parse_begin(parser_t *p, mpf_cctx_t *c, mpf_compile_mode_t mode) {
    memset(p, 0, sizeof(*p));
    p->c = c;
    p->mode = (uint8_t)mode;
    mpf_lex_init(&p->lx, c);
    advance(p);
}

mpf_node_t *mpf_parse_next(parser_t *p) {
    mpf_cctx_t *c = p->c;
    if (p->done) {
        return NULL;
    }
    nodevec_t v;
    vec_init(&v);
    pos_t t = here(p);
    if (p->mode == MPF_COMPILE_EVAL) {
        if (skip_newlines(p) == TK_END) {
            // no expression at all: CPython's "invalid syntax" at column 0 of the last line
            // (line 0 of an empty source)
            size_t n = c->len > 0 && c->src[c->len - 1] != '\n';
            for (size_t i = 0; i < c->len; i++) {
                n += c->src[i] == '\n';
            }
            syntax_error_pos(p, (pos_t)n, E_SYNTAX);
        }
        vec_push(p, &v, parse_list(p, LIST_TEST));
        if (skip_newlines(p) != TK_END) {
            syntax_error(p);
        }
    } else {
        // (a statement may leave nothing: _NAME = const(value))
        while (v.n == 0 && skip_newlines(p) != TK_END) {
            t = here(p);
            if (p->one && p->n_stmts > 0) {
                // compile(..., 'single') takes one (the REPL's own mode, several)
                syntax_error_pos(p, t, E_SINGLE_ONE);
            }
            parse_stmt(p, &v);
        }
    }
    if (v.n == 0) {
        if (p->mode == MPF_COMPILE_SINGLE && p->n_stmts == 0 && (p->one || ends_in_continuation(c->src, c->len))) {
            // an interactive statement needs a line: a bare `\` continuation has none, and
            // compile(..., 'single') of no statement (blank lines, comments) neither, as CPython
            syntax_error(p);
        }
        // the identifiers met are the parser's (long literals that are interned): no longer needed
        p->done = true;
        mpf_cc_names_done(c);
        return NULL;
    }
    p->done = p->mode == MPF_COMPILE_EVAL;
    p->n_stmts += v.n;
    mpf_node_t *m = mk_from_vec(p, N_MODULE | SCOPE, t, &v);
    m->op = p->mode;
    // the statement's arena is its own (the emitter releases it once it has compiled it)
    mpf_cc_arena_trim(c);
    mpf_node_set_arena(m, c->chunks);
    arena_begin(p);   // (a new arena, as a def's: nothing to go back to)
    if (p->tok.kind >= TK_STR && p->tok.kind <= TK_FSTR) {
        // the next token's decoded text moves to the next statement's arena (zeroed: its
        // terminating 0 is there)
        char *s = mpf_cc_alloc(c, p->tok.len + 1);
        memcpy(s, p->tok.s, p->tok.len);
        p->tok.s = s;
    }
    return m;
}

// True when [src] ends inside brackets, a string or an open compound statement.
bool mpf_parse_needs_more(mpf_lexer_t *lx) {
    mpf_token_t t;
    bool last_colon = false;
    bool compound = false;
    bool first = true;
    do {
        mpf_lex_next(lx, &t);
        // a compound statement's first keyword, or a decorator's @
        if (first && memchr(compound_kws, t.op, sizeof(compound_kws)) != NULL) {
            compound = true;
        }
        if (t.kind != TK_NEWLINE && t.kind != TK_DEDENT && t.kind != TK_END) {
            last_colon = t.op == OP_COLON;
            first = false;
        }
    } while (t.kind != TK_END);
    return compound || last_colon;
}
