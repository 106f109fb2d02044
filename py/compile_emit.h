// compile_emit.h -- what the emitter (compile_emit.c) shares with its .mpy image writer
// (compile_mpy.c, CONFIG_COMPILER_MPY_OUTPUT): the scopes, the emitter's state and the
// functions each calls of the other. Included by those two files only.
#ifndef MPF_COMPILE_EMIT_H
#define MPF_COMPILE_EMIT_H

#include "compile_int.h"

// (a helper -Os would copy into each caller, bigger than a call)
#define NOINLINE __attribute__((noinline))
// (a helper -Os would call, smaller copied into its callers)
#define ALWAYS_INLINE inline __attribute__((always_inline))

#define PASS_SCOPE 0
#define PASS_SIZE 1
#define PASS_EMIT 2

// Kinds of scope.
// (the module and a class body first: the other kinds are function-like, is_func_like)
enum { SC_MODULE, SC_CLASS, SC_FUNC, SC_LAMBDA, SC_LISTCOMP, SC_DICTCOMP, SC_SETCOMP, SC_GENEXPR };

// How a name is bound in a scope.
enum { ID_UNDECIDED, ID_GLOBAL_IMPLICIT, ID_GLOBAL_EXPLICIT, ID_LOCAL, ID_CELL, ID_FREE };
#define IDF_PARAM 1
#define IDF_DECLARED 2   // global/nonlocal statement

// Scope flags as stored in the signature, and the compiler's own above them.
#define SF_GENERATOR 0x01
#define SF_VARKEYWORDS 0x02
#define SF_VARARGS 0x04
#define SF_DEFKWARGS 0x08
#define SF_SUPER 0x100       // uses super() (needs the __class__ cell)
#define SF_CLASS_CELL 0x200  // class body creates the __class__ cell
#define SF_YIELDS 0x400      // has a `yield` (an async def with one is an async generator)
#define SF_ASYNC 0x800       // an async def (co_flags)

typedef struct {
    mpf_qstr_t q;
    uint8_t kind;
    uint8_t flags;
    uint16_t num;
} id_info_t;

// A scope's raw code (fun_data) is kept in pieces of at most PIECE_MAX bytes until the image
// is written: a big one (the module's) needs no hole of its size on a small, fragmented heap
// when the heap is at its fullest.
typedef struct raw_piece {
    struct raw_piece *next;
    uint32_t len;
    uint8_t data[];
} raw_piece_t;
#define PIECE_MAX (256 - sizeof(raw_piece_t))

typedef struct scope scope_t;
// (one a function, class, lambda or comprehension: kept small, 64 bytes on 32 bits, 4 heap blocks)
struct scope {
    scope_t *parent;
    scope_t *next;          // creation order
    mpf_node_t *node;
    id_info_t *ids;
    mpf_qstr_t name;
    uint16_t n_ids, cap_ids;
    uint16_t flags;
    // (the bytes within the reach of the short loads: Thumb's ldrb takes offsets below 32)
    uint8_t kind;
    uint8_t n_posonly;      // the first n_pos that take no keyword (`/`)
    uint16_t n_pos, n_kwonly, n_def_pos;
    uint16_t num_locals;
    uint16_t stack_size, exc_size;
    // result
    uint16_t n_children, cap_children;
    uint32_t raw_len;
    raw_piece_t *raw;        // fun_data
    scope_t **children;      // raw-code children, in MAKE_FUNCTION order
    raw_piece_t *rec;        // its recorded code (see R_ESC), until it is assembled
    uint32_t n_labels;       // of its recorded code
};

typedef struct {
    int break_label, continue_label;
    int exc_depth;           // exception level at the loop
    bool is_for;             // a for loop: break drops its 4-slot iterator
} loop_t;

// A table of the file: its qstrs (T_Q: ids) or its constants (T_C: objects). (A .mpy has at
// most 65535 of each.)
enum { T_Q, T_C };
typedef struct {
    uintptr_t *v;
    size_t n, cap;
} table_t;

typedef struct {
    // the state of a pass over the current scope, first (short offsets for the most used
    // fields), up to PASS_STATE (begin_pass clears it)
    bool dead;               // after an unconditional jump: write nothing until a label
    bool record;             // the code pass records the scope's code (to its rec stream)
    bool changed;            // a label moved since the previous pass
    uint8_t pass;
    scope_t *scope;          // being compiled
    size_t len;              // of its code
    int depth, max_depth;
    size_t n_labels;
    int exc_level, max_exc;
    size_t lines_len;
    size_t last_line, last_line_off;
    loop_t loop;
    int child_index;         // next raw-code child in this pass
    raw_piece_t *rec_tail;   // the stream being recorded: its last piece and that piece's room
    size_t rec_cap;
    // (the state kept from pass to pass)
    // A sizing pass only counts the bytes (len); the final pass writes them into the raw
    // code's pieces: byte len goes to piece->data[len - piece_off] (a pass longer than the
    // last is a bug, caught after it)
    bool count_only;
    bool mpy;                // for a .mpy image (which cannot say which parameters are positional-only)
    uint8_t opt;
    mpf_cctx_t *c;
    // (the fields code to run uses most next, within the reach of the short loads)
    size_t *labels;          // each label's offset: placed by this pass, else by the previous one
    uint8_t *lines;          // line table
    size_t lines_cap;
    uint8_t *code;           // the image (mpf_emit_mpy), or the code of the scope assembled last
    size_t cap;
    size_t n_cell;           // of the scope assembled last
    scope_t *first, *last;   // all scopes, creation order
    size_t cap_labels;
    // file tables
    table_t tab[2];          // T_Q, T_C
    uint16_t *map[2];        // provisional table index -> final (once the module is recorded)
    raw_piece_t *piece;
    ptrdiff_t piece_off;
} emit_t;
#define PASS_STATE offsetof(emit_t, count_only)

// Whether [e] makes a .mpy image (for the host's `--compile`; never on a board). Code to run
// needs no image's order of the tables, no prelude, no pieces: that work is the image's only.
#if CONFIG_COMPILER_MPY_OUTPUT
#define MPY(e) ((e)->mpy)
#else
#define MPY(e) false
#endif
// Entry [v] (provisional index) of table [which], as the final code refers to it.
#define FINAL(e, which, v) (MPY(e) ? (e)->map[which][v] : (v))

#define LABEL_NONE ((size_t)-1)
// The text of the RuntimeError for a broken invariant of the emitter (a bug, never bad input):
// the final pass differs from the last sizing pass, a table entry no scope uses, an image
// that differs from its counted size.
#define INTERNAL_ERROR "compiler: internal error"

// The file's tables in their final order, while they are being put in it.
typedef struct {
    uintptr_t *v[2];
    size_t n[2];
} tables_t;

// compile_emit.c, for the image writer (with CONFIG_COMPILER_MPY_OUTPUT): the emitter's byte
// sink (the image is written through it too), the qstr table, a scope's source-info names,
// the replay of a scope's recorded code ([t]: visiting its table entries), a scope's final
// code, the whole compilation, the scopes released.
void mpf_emit_put(emit_t *e, uint8_t b);
void mpf_emit_put_vuint(emit_t *e, size_t v);
size_t mpf_emit_use_qstr(emit_t *e, mpf_qstr_t q);
mpf_qstr_t mpf_emit_info_name(const scope_t *s, size_t i);
void mpf_emit_walk(emit_t *e, scope_t *s, tables_t *t, bool code);
void mpf_emit_compile_scope(emit_t *e, scope_t *s);
scope_t *mpf_emit_compile_all(emit_t *e, mpf_cctx_t *c, mpf_parser_t *p, bool mpy, const mpf_raw_code_t **code);
void mpf_emit_free_scopes(scope_t *s);

// compile_mpy.c, for the emitter (called only when MPY(e); without the image writer those
// calls are compiled out): the prelude of scope [s] (its [n_cell] [cells]) written into the
// pieces of its raw code, made with room for its [body_len] bytes of code, which the final
// pass writes after it; entry [v] of table [which] visited in the image's order; the scopes
// and tables put in the image's order, then each scope's raw code made.
void mpf_mpy_prelude(emit_t *e, scope_t *s, const uint8_t *cells, size_t n_cell, size_t body_len);
void mpf_mpy_visit_entry(emit_t *e, tables_t *t, int which, size_t v);
void mpf_mpy_compile_scopes(emit_t *e);

#endif
