// compile.c -- the compiler's public entry points (CONFIG_COMPILER): source text in, a
// loaded module out (the raw codes the loader would make of the .mpy bytes mpy-cross
// writes), or those bytes (`--compile`); also the arena the stages allocate from and the
// SyntaxError they raise.
#include <string.h>

#include "compile_int.h"
#if CONFIG_COMPILER_MPY_CROSS_QSTRS
#include "compile_mpycross_qstrs.h"
#endif

// Size-optimised builds (-Os) on Thumb-2: GCC 12's if-conversion, tree tail merging, "expensive"
// optimisations, jump threading, guessed branch probabilities, loop-invariant motion,
// second scheduling pass, scalar replacement of aggregates across calls, shrink-wrapping,
// auto-increment addressing, sibling calls, loop header copying and reassociation make this
// file's code larger on Cortex-M4 (3,102 -> 2,968 B; the last four: 3,704 -> 3,686 B of text)
#if MPF_CC_SIZE_TUNED  // (compile_int.h)
#pragma GCC optimize("no-if-conversion", "no-tree-tail-merge", "no-expensive-optimizations", "no-thread-jumps", \
    "no-guess-branch-probability", "no-move-loop-invariants", "no-schedule-insns2", "no-ipa-sra", "no-shrink-wrap", \
    "no-auto-inc-dec", "no-optimize-sibling-calls", "no-tree-ch", "no-tree-reassoc")
#elif MPF_CC_SIZE_TUNED_T1
#pragma GCC optimize("no-thread-jumps", "no-tree-tail-merge", "no-move-loop-invariants", "no-sched-pressure", \
    "no-tree-reassoc", "no-schedule-insns2", "no-tree-ch", "no-tree-sink")
#endif

// Arena chunks: an arena's first is small (most defs, lambdas and classes need little), each
// next one twice the last, up to 1 KB on 32 bits. A small arena trimmed when complete leaves
// only a small hole, which a later small chunk fills: on a small heap, holes left by large
// first chunks are what made a 1 KB request fail with half the heap free.
#define CHUNK_SIZE (256 * sizeof(void *))
#define CHUNK_FIRST (32 * sizeof(void *))

void *mpf_cc_alloc(mpf_cctx_t *c, size_t n) {
    n = (n + sizeof(void *) - 1) & ~(sizeof(void *) - 1);
    if (n > CHUNK_SIZE / 4 && c->chunks != NULL) {
        // a big block: a chunk of its own behind the newest, which keeps its free room
        void **chunk = mpf_gc_alloc(n + sizeof(void *), false);
        void **head = c->chunks;
        chunk[0] = head[0];
        head[0] = chunk;
        return chunk + 1;
    }
    if (n > c->left) {
        size_t want = c->chunk_size ? c->chunk_size : CHUNK_FIRST;
        c->chunk_size = want < CHUNK_SIZE ? 2 * want : CHUNK_SIZE;
        size_t size = n + sizeof(void *) > want ? n + sizeof(void *) : want;
        void **chunk = mpf_gc_alloc_maybe(size);
        if (chunk == NULL) {
            // a fragmented heap: a small chunk may still fit in a hole
            size = n + sizeof(void *) > CHUNK_SIZE / 8 ? n + sizeof(void *) : CHUNK_SIZE / 8;
            chunk = mpf_gc_alloc(size, false);
        }
        chunk[0] = c->chunks;
        c->chunks = chunk;
        c->free = (uint8_t *)(chunk + 1);
        c->left = size - sizeof(void *);
    }
    void *p = c->free;
    c->free += n;
    c->left -= n;
    return p;
}

#if CONFIG_COMPILER_MPY_OUTPUT
void mpf_cc_note_heap(mpf_cctx_t *c) {
    if (c->measure) {
        size_t total, used, free_blocks;
        mpf_gc_info(&total, &used, &free_blocks);
        if (used > c->heap_max) {
            c->heap_max = used;
        }
    }
}
#endif

void mpf_cc_arena_trim(mpf_cctx_t *c) {
    if (c->chunks != NULL && c->left > 0) {
        // shrinks in place: the chunk and the nodes in it keep their addresses
        mpf_gc_realloc(c->chunks, (size_t)(c->free - (uint8_t *)c->chunks));
        c->left = 0;
    }
}

void mpf_cc_arena_free(mpf_cctx_t *c) {
    for (void **chunk = c->chunks; chunk != NULL;) {
        void **prev = chunk[0];
        mpf_gc_free(chunk);
        chunk = prev;
    }
    c->chunks = NULL;
    c->arena_owner = NULL;
    c->left = 0;
    c->chunk_size = 0;
    mpf_cc_names_done(c);
    mpf_gc_free(c->consts.elems);
    mpf_gc_free(c->consts.index);
    mpf_map_clear(&c->consts);
}

#if CONFIG_COMPILER_MPY_CROSS_QSTRS
void mpf_cc_names_done(mpf_cctx_t *c) {
    mpf_gc_free(c->seen);
    c->seen = NULL;
    c->seen_cap = c->seen_n = 0;
}

static void seen_add(mpf_cctx_t *c, mpf_qstr_t q) {
    if (2 * (c->seen_n + 1) > c->seen_cap) {
        size_t cap = c->seen_cap ? 2 * c->seen_cap : 256;
        mpf_qstr_t *old = c->seen;
        size_t old_cap = c->seen_cap;
        // a heap block of its own, the outgrown one released once its entries are moved
        c->seen = mpf_gc_alloc(cap * sizeof(mpf_qstr_t), false);
        memset(c->seen, 0, cap * sizeof(mpf_qstr_t));
        c->seen_cap = cap;
        c->seen_n = 0;
        for (size_t i = 0; i < old_cap; i++) {
            if (old[i]) {
                seen_add(c, old[i]);
            }
        }
        mpf_gc_free(old);
    }
    size_t i = (q * 2654435761u) & (c->seen_cap - 1);
    while (c->seen[i] != 0) {
        if (c->seen[i] == q) {
            return;
        }
        i = (i + 1) & (c->seen_cap - 1);
    }
    c->seen[i] = q;
    c->seen_n++;
}

static bool seen_has(const mpf_cctx_t *c, mpf_qstr_t q) {
    if (c->seen_cap == 0) {
        return false;
    }
    size_t i = (q * 2654435761u) & (c->seen_cap - 1);
    while (c->seen[i] != 0) {
        if (c->seen[i] == q) {
            return true;
        }
        i = (i + 1) & (c->seen_cap - 1);
    }
    return false;
}

static bool made_by_intern_names(const mpf_cctx_t *c, mpf_qstr_t q) {
#if CONFIG_QSTR_COLLECT
    // (ids may be reused: those handed out before the parse are marked as such)
    (void)c;
    return mpf_qstr_is_young(q);
#else
    return c->first_new != 0 && q >= c->first_new && q <= c->last_new;
#endif
}

// An identifier [q] of [len] bytes met by the parser (only long ones matter: short literals
// are always interned). With mpy-cross's static strings in place of ours, a name static
// here may not be there: then it is remembered too.
void mpf_cc_name_met(mpf_cctx_t *c, mpf_qstr_t q, size_t len) {
    if (len <= 10) {
        return;
    }
    if (made_by_intern_names(c, q)) {
        if (q > c->newest_met) {
            c->newest_met = q;
        }
    } else {
        seen_add(c, q);
    }
}

bool mpf_cc_name_was_met(const mpf_cctx_t *c, mpf_qstr_t q) {
    if (made_by_intern_names(c, q)) {
        return q <= c->newest_met;
    }
    return seen_has(c, q);
}
#endif

// Whether a str literal longer than 10 bytes ([s], [len]; [q] its qstr, 0 if none) is one of
// the strings mpy-cross has built in (then interned like them): its own static qstrs
// (compile_mpycross_qstrs.h, tools/mpycross_qstrs.py) or, without that table, ours.
bool mpf_cc_literal_is_static(const char *s, size_t len, mpf_qstr_t q) {
#if CONFIG_COMPILER_MPY_CROSS_QSTRS
    (void)q;
    size_t lo = 0, hi = sizeof(mpf_mpycross_long_qstrs) / sizeof(mpf_mpycross_long_qstrs[0]);
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const char *t = mpf_mpycross_long_qstrs[mid];
        size_t tlen = strlen(t);
        int cmp = memcmp(t, s, tlen < len ? tlen : len);
        if (cmp == 0) {
            cmp = (tlen > len) - (tlen < len);
        }
        if (cmp == 0) {
            return true;
        }
        if (cmp < 0) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return false;
#else
    (void)s;
    (void)len;
    return q != 0 && q < MPF_QSTRID_LAST_STATIC;
#endif
}

#if CONFIG_COMPILER_ERROR_DETAIL
// Where line [line] (from 1) of the source starts.
static const char *line_start(const mpf_cctx_t *c, size_t line) {
    const char *s = c->src, *end = s + c->len;
    for (size_t l = 1; l < line && s < end; s++) {
        l += *s == '\n';
    }
    return s;
}

// SyntaxError(msg, (filename, line, column, text)), as CPython builds it.
// A str of mpf_printf's [fmt] and arguments.
static mpf_obj_t str_fmt(const char *fmt, ...) {
    mpf_vstr_t v;
    mpf_vstr_init(&v, 80);
    mpf_print_t pr;
    mpf_vstr_print(&v, &pr);
    va_list ap;
    va_start(ap, fmt);
    mpf_vprintf(&pr, fmt, ap);
    va_end(ap);
    return mpf_vstr_to_str(&v);
}

void mpf_cc_syntax_error(mpf_cctx_t *c, unsigned kind, size_t line, size_t col, const char *msg) {
    // the offending line's text
    const char *s = line_start(c, line), *end = c->src + c->len;
    const char *eol = s;
    while (eol < end && *eol != '\n') {
        eol++;
    }
    mpf_obj_t text = MPF_OBJ_NONE;
    if (line > 0) {
        // with its newline, as CPython's (one added to a last line without)
        text = mpf_obj_new_str(s, (size_t)(eol - s) + (eol < end));
        if (eol == end) {
            text = mpf_binary_op(MPF_BINARY_OP_ADD, text, mpf_obj_new_qstr(MPF_QSTRE__0a));
        }
    }
    // kind: 0 SyntaxError, 1 IndentationError, 2 TabError (compile_int.h). CPython's
    // offsets: "unindent does not match ..." past the line's end, "unexpected indent" the
    // indent's bytes (a TabError's: 1, the lexer's)
    if (kind == 1 && msg[1] == 'n') {
        const char *p = s;
        while (p < eol && (unsigned char)*p <= ' ') {   // (the indent: spaces, tabs, form feeds)
            p++;
        }
        col = (size_t)((msg[2] == 'i' ? eol + 1 : p) - s);
    }
    static const mpf_type_t *const types[3] = {&mpf_type_SyntaxError, &mpf_type_IndentationError, &mpf_type_TabError};
    mpf_obj_t loc[4] = {
        mpf_obj_new_str(c->filename, strlen(c->filename)),
        mpf_obj_new_small_int((mpf_int_t)line),
        mpf_obj_new_small_int((mpf_int_t)col),
        text,
    };
    // a target that is __debug__ (a constant here, as for mpy-cross): CPython's texts name it
    // (those of E_ASSIGN, E_DELETE, E_AUGASSIGN, E_KW_EXPR, E_ANNOTATION: "... expression",
    // "illegal expression ...", "expression cannot ...", "illegal target ...")
    size_t ml = strlen(msg);
    bool target = memcmp(msg + ml - 4, "sion", 4) == 0 || (msg[0] == 'i' && msg[8] == 'e') || memcmp(msg, "expr", 4) == 0 ||
        memcmp(msg, "illegal t", 9) == 0;   // (E_ANNOTATION: `__debug__: int`)
    if (target && col > 0 && (size_t)(eol - s) >= col + 8 && memcmp(s + col - 1, "__debug__", 9) == 0) {
        msg = msg[7] == 'd' ? "cannot delete __debug__" : "cannot assign to __debug__";
    }
    mpf_obj_t args[2] = {mpf_obj_new_str(msg, strlen(msg)), mpf_obj_new_tuple(4, loc)};
    if (c->err_name != 0) {
        // the name quoted after "duplicate argument ", "no binding for nonlocal " or "name "
        // (the texts of the errors that name one: error_named in compile_emit.c)
        const char *at = msg + (msg[0] == 'd' ? 19 : msg[1] == 'o' ? 24 : 5);
        args[0] = str_fmt("%.*s'%q' %s", (int)(at - msg), msg, c->err_name, at);
    }
    if (c->block_kw != 0) {
        // "expected an indented block" after which statement (CPython's words): the keyword
        // at c->block_kw (line in the low 20 bits, column above)
        size_t kl = c->block_kw & 0xFFFFF;
        const char *w = line_start(c, kl) + (c->block_kw >> 20) - 1;
        int n = 0;
        while (w + n < end && w[n] >= 'a' && w[n] <= 'z') {
            n++;
        }
        const char *fmt = "%s after '%.*s' statement on line %u";
        if (n == 3 && w[0] == 'd') {
            w = "function";
            n = 8;
        }
        if (n == 8 || (n == 5 && w[0] == 'c')) {   // (def, class)
            fmt = "%s after %.*s definition on line %u";
        }
        args[0] = str_fmt(fmt, msg, n, w, (unsigned)kl);
    }
    // (its msg, filename, lineno, offset and text attributes are read from these)
    mpf_raise(mpf_exc_new(types[kind], 2, args));
}
#else
// SyntaxError(msg, (filename, line, None, None)) without CONFIG_COMPILER_ERROR_DETAIL: the
// file and line, no column or text (the traceback shows no caret).
void mpf_cc_syntax_error(mpf_cctx_t *c, unsigned kind, size_t line, size_t col, const char *msg) {
    (void)col;
    static const mpf_type_t *const types[3] = {&mpf_type_SyntaxError, &mpf_type_IndentationError, &mpf_type_TabError};
    mpf_obj_t loc[4] = {
        mpf_obj_new_str(c->filename, strlen(c->filename)),
        mpf_obj_new_small_int((mpf_int_t)line),
        MPF_OBJ_NONE,
        MPF_OBJ_NONE,
    };
    mpf_obj_t args[2] = {mpf_obj_new_str(msg, strlen(msg)), mpf_obj_new_tuple(4, loc)};
    mpf_raise(mpf_exc_new(types[kind], 2, args));
}
#endif

void mpf_cc_no_debug(mpf_cctx_t *c, mpf_qstr_t q, size_t line, size_t col) {
    if (q == MPF_QSTR___debug__) {
        mpf_cc_syntax_error(c, 0, line, col, "cannot assign to __debug__");
    }
}

#if CONFIG_COMPILER_MPY_OUTPUT
size_t mpf_compile_heap_peak;
#endif

// Intern the source's identifiers and short str literals (those the emitter interns) before
// anything else is allocated: the qstrs outlive the compilation, and made while parsing they
// would lie scattered between the syntax tree's chunks, splitting up the room the tree leaves
// when it is released (on a 64 KB heap, no hole for the image). A lexical error ends this
// early; the parser then reports it, or the earlier syntax error, as usual.
// The format string an f-string's [s] (its [n] source bytes) compiles to, interned when short
// as the emitter will: the text with each field's expression left out ("a{x!r:3}" -> "a{!r:3}";
// an expression ends at its first '!', ':' or '}'). (A field this misreads, or an escape, only
// costs an unused qstr.)
static void intern_fstring(const char *s, size_t n) {
    char buf[11];
    size_t k = 0;
    bool expr = false;   // in a field's expression: left out
    for (size_t i = 0; i < n && k <= 10; i++) {
        char ch = s[i];
        if (!expr) {
            expr = ch == '{';
        } else if ((ch == '{' && s[i - 1] == '{') || ch == '!' || ch == ':' || ch == '}') {
            expr = false;   // ("{{": a brace of the text)
        } else {
            continue;
        }
        buf[k++] = ch;
    }
    if (k <= 10) {
        mpf_qstr_from_strn(buf, k);
    }
}

#if CONFIG_COMPILER_MPY_CROSS_QSTRS
// A name of the source interned ([s], [len]): the ids new to this compilation are in order.
static void intern_name(mpf_cctx_t *c, const char *s, size_t len) {
    bool is_new = c->first_new == 0 && mpf_qstr_find(s, len) == 0;
    mpf_qstr_t q = mpf_qstr_from_strn(s, len);
    if (is_new) {
        c->first_new = q;   // ids are handed out in order: all later ones are new too
    }
    if (c->first_new != 0 && q > c->last_new) {
        c->last_new = q;
    }
}

static bool name_char(char ch) {
    return ch == '_' || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9');
}

// The long names in the fields of an f-string's [s] ([n] source bytes), in their place in the
// order (mpy-cross's lexer meets them there): a name met first in an f-string is no later one.
static void intern_fstring_names(mpf_cctx_t *c, const char *s, size_t n) {
    int depth = 0;
    char quote = 0;
    for (size_t i = 0; i < n; i++) {
        char ch = s[i];
        if (depth == 0) {
            if (ch == '{') {
                depth = i + 1 < n && s[i + 1] == '{' ? (i++, 0) : 1;
            }
        } else if (quote) {
            quote = ch == quote ? 0 : quote;
        } else if (ch == '\'' || ch == '"') {
            quote = ch;
        } else if (ch == '{' || ch == '(' || ch == '[') {
            depth++;
        } else if (ch == '}' || ch == ')' || ch == ']') {
            depth--;
        } else if (name_char(ch) && !(ch >= '0' && ch <= '9')) {
            size_t j = i;
            while (j < n && name_char(s[j])) {
                j++;
            }
            if (j - i > 10) {
                intern_name(c, s + i, j - i);
            }
            i = j - 1;
        }
    }
}
#else
static void intern_name(mpf_cctx_t *c, const char *s, size_t len) {
    (void)c;
    mpf_qstr_from_strn(s, len);
}
#endif

static void intern_names(mpf_cctx_t *c) {
#if CONFIG_QSTR_COLLECT
    // the qstrs made now are held till the compilation ends: nothing refers to them before
    // the parser meets them (CONFIG_COMPILER_MPY_CROSS_QSTRS: none is released meanwhile,
    // so that the new ids rise in source order, reused ones too)
    mpf_state.qstr_hold = CONFIG_COMPILER_MPY_CROSS_QSTRS ? MPF_QSTR_HOLD_ALL : MPF_QSTR_HOLD_NEW;
#endif
    mpf_lexer_t lx;
    mpf_lex_init(&lx, c);
    mpf_token_t t;
    mpf_nlr_t nlr;
    mpf_nlr_push(&nlr);
    if (setjmp(nlr.jb) == 0) {
        do {
            mpf_lex_next(&lx, &t);
            if (t.kind == TK_NAME || (t.kind == TK_STR && t.len <= 10)) {
                intern_name(c, t.s, t.len);
            } else if (t.kind == TK_FSTR) {
#if CONFIG_COMPILER_MPY_CROSS_QSTRS
                intern_fstring_names(c, t.s, t.len);
#endif
                intern_fstring(t.s, t.len);
            }
        } while (t.kind != TK_END);
        mpf_nlr_pop(&nlr);
    }
#if CONFIG_QSTR_COLLECT
    mpf_state.qstr_hold = MPF_QSTR_HOLD_MADE;
#endif
    mpf_cc_arena_free(c);   // the decoded strings
}

#if CONFIG_COMPILER_CODING_COOKIE
// The encoding a PEP 263 comment on the first line, or on the second after a blank or
// comment line, declares (`coding[:=] NAME`, lower case, '-' and '_' left out), in [name]
// (*raw: NAME as written); its length, 0 without one.
static size_t coding_cookie(const char *src, size_t len, char name[16], const char **raw) {
    const char *end = src + len;
    for (int line = 0; line < 2 && src < end; line++) {
        const char *eol = memchr(src, '\n', (size_t)(end - src));
        eol = eol ? eol : end;
        while (src < eol && (*src == ' ' || *src == '\t' || *src == '\f')) {
            src++;
        }
        if (src < eol && *src != '#') {
            return 0;   // (code: no declaration on this line or after it)
        }
        for (const char *t = src; t + 7 <= eol; t++) {
            if (memcmp(t, "coding", 6) == 0 && (t[6] == ':' || t[6] == '=')) {
                t += 7;
                while (t < eol && (*t == ' ' || *t == '\t')) {
                    t++;
                }
                size_t n = 0;
                *raw = t;
                for (; t < eol && ((unsigned)((*t | 0x20) - 'a') < 26 || (unsigned)(*t - '0') < 10 || *t == '-' || *t == '_' || *t == '.'); t++) {
                    if (*t != '-' && *t != '_' && n < 15) {
                        name[n++] = (char)(*t | 0x20);   // (letters to lower case)
                    }
                }
                if (n > 0) {
                    name[n] = 0;
                    return (size_t)(t - *raw);
                }
            }
        }
        src = eol + 1;
    }
    return 0;
}

const char *mpf_compile_decode(const char *src, size_t *len) {
    char name[16] = "";   // (zeroed: compared with memcmp below)
    const char *raw;
    size_t raw_len = coding_cookie(src, *len, name, &raw);
    if (raw_len == 0 || memcmp(name, "utf8", 4) == 0 || strcmp(name, "ascii") == 0) {
        return src;   // UTF-8 (checked as it compiles; utf-8-sig, utf-8-unix too)
    }
    // (the first three also with a suffix, as CPython: latin-1-unix)
    static const char latin1[] = "latin1\0iso88591\0isolatin1\0l1\0latin\0iso8859\0";
    int i = 0;
    for (const char *l = latin1; *l; l += strlen(l) + 1, i++) {
        if (memcmp(name, l, strlen(l) + (i >= 3)) == 0) {   // a prefix, or the whole name
            // each byte is the code point of its value: those from 0x80 on take two bytes in UTF-8
            size_t n = *len;
            for (size_t i = 0; i < *len; i++) {
                n += (uint8_t)src[i] >> 7;
            }
            char *u = mpf_gc_alloc(n + 1, false);
            char *o = u;
            for (size_t i = 0; i < *len; i++) {
                uint8_t b = (uint8_t)src[i];
                if (b >= 0x80) {
                    *o++ = (char)(0xC0 | (b >> 6));
                    b = 0x80 | (b & 0x3F);
                }
                *o++ = (char)b;
            }
            *len = n;
            return u;
        }
    }
    // (CPython knows many more; this build: UTF-8, ASCII and latin-1)
    mpf_raise_fmt(&mpf_type_SyntaxError, "unknown encoding: %.*s", (int)raw_len, raw);
}
#endif

// Compile [src] with [emit] into [out].
// What runs is valid UTF-8 (a str made of anything else would break str's invariants): a
// UTF-8 BOM is skipped, and a malformed byte is a SyntaxError, as CPython's "(unicode error)".
static void check_utf8(mpf_cctx_t *c) {
    if (c->len >= 3 && memcmp(c->src, "\xEF\xBB\xBF", 3) == 0) {
        c->src += 3;
        c->len -= 3;
    }
    const char *why;
    size_t bad = mpf_utf8_invalid_at((const uint8_t *)c->src, c->len, &why);
    if (bad < c->len) {
        size_t line = 1, start = 0;
        for (size_t i = 0; i < bad; i++) {
            if (c->src[i] == '\n') {
                line++;
                start = i + 1;
            }
        }
        char msg[48];
        memcpy(msg, "(unicode error) ", 16);
        memcpy(msg + 16, why, strlen(why) + 1);   // (the longest, "invalid continuation byte", fits)
        c->len = bad;   // (the line's text up to the bad byte)
        mpf_cc_syntax_error(c, false, line, bad - start + 1, msg);
    }
}

static void compile_run(const char *src, size_t len, const char *filename, mpf_compile_mode_t mode, unsigned opt,
    mpf_emit_fn_t *emit, mpf_emit_out_t *out) {
    mpf_cctx_t cc;
    mpf_cctx_t *c = &cc;
    memset(c, 0, sizeof(*c));
    memset(out, 0, sizeof(*out));
    char *unix_src = NULL;
    if (memchr(src, '\r', len) != NULL) {
        // universal newlines: "\r\n" and a lone "\r" end a line as "\n" does
        unix_src = mpf_gc_alloc(len + 1, false);
        size_t n = 0;
        for (size_t i = 0; i < len; i++) {
            char ch = src[i];
            if (ch == '\r') {
                if (i + 1 < len && src[i + 1] == '\n') {
                    continue;
                }
                ch = '\n';
            }
            unix_src[n++] = ch;
        }
        src = unix_src;
        len = n;
    }
    c->src = src;
    c->len = len;
    c->filename = filename;
    c->opt = opt;
#if CONFIG_COMPILER_MPY_OUTPUT
    if (emit == mpf_emit_code)   // (mpy-cross takes any bytes: --compile as well)
#endif
    {
        check_utf8(c);
    }
#if CONFIG_COMPILER_MPY_OUTPUT
    c->mpy = emit == mpf_emit_mpy;
    // (mpf_gc_info walks the whole heap: only when asked for)
    if (mpf_compile_heap_peak != 0) {
        size_t total, free_blocks;
        c->measure = true;
        mpf_gc_info(&total, &c->heap_base, &free_blocks);
        c->heap_max = c->heap_base;
    }
#endif
    intern_names(c);
#if CONFIG_COMPILER_MPY_CROSS_QSTRS
    // mpy-cross interns the source's name before it parses: a literal equal to it is met
    size_t filename_len = strlen(filename);
    mpf_cc_name_met(c, mpf_qstr_from_strn(filename, filename_len), filename_len);
#endif
    // the emitter parses the module as it compiles it, one top-level statement at a time
    mpf_parser_t p;
    mpf_parse_begin(&p, c, mode == MPF_COMPILE_SINGLE_ONE ? MPF_COMPILE_SINGLE : mode);
    p.one = mode == MPF_COMPILE_SINGLE_ONE;
    emit(c, &p, out);
#if CONFIG_COMPILER_MPY_OUTPUT
    mpf_cc_note_heap(c);
    if (c->measure) {
        // what the parser and emitter held at their fullest (no collection runs while a
        // compilation fits): the peak, unless the heap filled up and was collected
        mpf_compile_heap_peak = c->heap_max - c->heap_base;
    }
#endif
    // (the emitter released the arena before making its result; an eval/exec of nothing
    // may not have reached it)
    mpf_cc_arena_free(c);
    if (unix_src != NULL) {
        mpf_gc_free(unix_src);
    }
}

// compile_run with the qstrs its first pass interns held (CONFIG_QSTR_COLLECT, intern_names):
// once done, the result holds those it needs. (The ids in the syntax tree and the emitter's
// tables are words of heap blocks, found as any reference.)
static void compile_src(const char *src, size_t len, const char *filename, mpf_compile_mode_t mode, unsigned opt,
    mpf_emit_fn_t *emit, mpf_emit_out_t *out) {
#if CONFIG_QSTR_COLLECT
    // (a compilation inside another, from a finaliser, leaves the outer one's hold)
    uint8_t hold = mpf_state.qstr_hold;
    mpf_nlr_t nlr;
    mpf_nlr_push(&nlr);
    if (setjmp(nlr.jb) == 0) {
        compile_run(src, len, filename, mode, opt, emit, out);
        mpf_nlr_pop(&nlr);
        nlr.exc = MPF_OBJ_NULL;
    }
    if ((mpf_state.qstr_hold = hold) == 0) {
        mpf_qstr_hold_end();
    }
    if (nlr.exc != MPF_OBJ_NULL) {
        mpf_nlr_raise(nlr.exc);
    }
#else
    compile_run(src, len, filename, mode, opt, emit, out);
#endif
}

#if CONFIG_COMPILER_MPY_OUTPUT
uint8_t *mpf_compile_to_mpy(const char *src, size_t len, const char *filename, mpf_compile_mode_t mode,
    unsigned opt, size_t *out_len) {
    mpf_emit_out_t out;
    compile_src(src, len, filename, mode, opt, mpf_emit_mpy, &out);
    *out_len = out.len;
    return out.mpy;
}
#endif

mpf_int_t mpf_compile_opt_level;

static mpf_load_result_t compile_opt(const char *src, size_t len, const char *filename, mpf_compile_mode_t mode,
    unsigned opt) {
    mpf_emit_out_t out;
    compile_src(src, len, filename, mode, opt, mpf_emit_code, &out);
    return out.res;
}

__attribute__((noinline)) static unsigned opt_level(void) {
    mpf_int_t o = mpf_compile_opt_level;
    return o < 0 ? 0 : o > 3 ? 3 : (unsigned)o;
}

mpf_load_result_t mpf_compile(const char *src, size_t len, const char *filename, mpf_compile_mode_t mode) {
    return compile_opt(src, len, filename, mode, opt_level());
}

bool mpf_parse_needs_more(mpf_lexer_t *lx);

int mpf_compile_needs_more(const char *src, size_t len) {
    mpf_cctx_t c;
    memset(&c, 0, sizeof(c));
    c.src = src;
    c.len = len;
    c.filename = "<stdin>";
    mpf_lexer_t lx;
    mpf_lex_init(&lx, &c);
    mpf_nlr_t nlr;
    mpf_nlr_push(&nlr);
    if (setjmp(nlr.jb) == 0) {
        int more = mpf_parse_needs_more(&lx);
        mpf_nlr_pop(&nlr);
        return more;
    }
    // an error at the end of the input (open bracket or string: the lexer's flag
    // [unterminated]) asks for more; any other error is reported when the statement is
    // compiled
    return lx.unterminated ? 2 : 0;
}

// ---------------------------------------------------------------- eval, exec, compile

// The running code's globals.
static mpf_obj_t current_globals(void) {
    mpf_frame_t *fr = mpf_state.cur_frame;
    return fr ? fr->fun->ctx->globals : mpf_state.main_globals;
}

// eval/exec/compile (with the compiler). [what] is source (str or bytes) or a code object.
static mpf_obj_t source_to_code(mpf_obj_t what, const char *filename, mpf_compile_mode_t mode, mpf_qstr_t caller,
    unsigned opt) {
    if (mpf_obj_is_type(what, &mpf_type_code) && caller != MPF_QSTR_compile) {
        return what;   // (compile() takes no code object: the TypeError below)
    }
    // a str, or the bytes of bytes, a bytearray or a memoryview
    mpf_buffer_t buf;
    bool is_str = mpf_obj_is_str(what);
    if (is_str) {
        buf.buf = (void *)mpf_obj_str_data(what, &buf.len);
    } else if (!mpf_obj_get_buffer(what, &buf, false)) {
        mpf_raise_fmt(&mpf_type_TypeError, "%q() arg 1 must be a string, bytes or %s object", caller,
            caller == MPF_QSTR_compile ? "AST" : "code");
    }
    size_t len = buf.len;
    const char *src = buf.buf;
    // (a NUL: CPython 3.11.4+; U+FEFF first: a str's character, where bytes may start with a
    // UTF-8 BOM, skipped as it compiles)
    const char *bad = memchr(src, 0, len) != NULL ? "source code string cannot contain null bytes"
        : is_str && len >= 3 && memcmp(src, "\xEF\xBB\xBF", 3) == 0 ? "invalid non-printable character U+FEFF"
        : NULL;
    if (bad != NULL && bad[0] == 's') {
        mpf_raise_msg(&mpf_type_SyntaxError, bad);   // (a NUL: no place, as CPython's)
    }
    if (bad != NULL) {
        // the BOM: at line 1, column 1 of [filename], its first line the text (as CPython's)
        const char *eol = memchr(src, '\n', len);
        mpf_obj_t loc[4] = {mpf_obj_new_str(filename, strlen(filename)), MPF_OBJ_SMALL_INT(1), MPF_OBJ_SMALL_INT(1),
            mpf_obj_new_str(src, eol != NULL ? (size_t)(eol - src) : len)};
        mpf_obj_t args[2] = {mpf_obj_new_str(bad, strlen(bad)), mpf_obj_new_tuple(4, loc)};
        mpf_raise(mpf_exc_new(&mpf_type_SyntaxError, 2, args));
    }
    if (!is_str) {
        src = mpf_compile_decode(src, &len);   // (a str is text already)
    }
    if (caller == MPF_QSTR_eval) {
        // eval() ignores leading spaces and tabs, as CPython's does (compile(..., 'eval') does not)
        while (len > 0 && (*src == ' ' || *src == '\t')) {
            src++;
            len--;
        }
    }
    mpf_load_result_t res = compile_opt(src, len, filename, mode, opt);
    res.ctx->root = res.rc;
    return mpf_fun_code_new(res.rc, res.ctx, 0);
}

// Whether [slot] of [fr] holds a cell (a closed-over variable or one closed over by an inner function).
static bool slot_is_cell(const mpf_frame_t *fr, size_t slot) {
    const mpf_raw_code_t *rc = fr->fun->rc;
    if (slot < fr->fun->n_closed) {
        return true;
    }
    for (size_t i = 0; i < rc->n_cell; i++) {
        if (rc->cells[i] == slot) {
            return true;
        }
    }
    return false;
}

// mpf_frame_t.on_heap: the frame's locals is its locals() dict (a function's, see below)
#define FRAME_LOCALS_DICT ((uintptr_t)4)

mpf_obj_t mpf_compile_frame_locals(mpf_frame_t *fr) {
    if (fr == NULL) {
        return mpf_state.main_globals;
    }
    const mpf_fun_bc_t *fun = fr->fun;
    const mpf_raw_code_t *rc = fun->rc;
    if (!(fr->on_heap & FRAME_LOCALS_DICT) &&
        (fr->locals != fun->ctx->globals || fun->ctx->qstrs[rc->simple_name] == MPF_QSTRE__3cmodule_3e)) {
        return fr->locals;   // module level or a class body: the namespace dict itself
    }
    // A function: one dict per call (CPython 3.11's frame f_locals), made by the first
    // locals() and kept in the frame's (otherwise unused) locals; each locals() rewrites it
    // from the bound local variables, and keys of other names (an exec's stores) stay.
    mpf_obj_t d = fr->locals;
    if (!(fr->on_heap & FRAME_LOCALS_DICT)) {
        d = mpf_obj_new_dict(0);
        fr->locals = d;
        fr->on_heap |= FRAME_LOCALS_DICT;
    }
    const mpf_obj_t *fast = &fr->state[rc->n_state];   // local i is fast[-i]
    size_t n_args = (size_t)rc->n_pos_args + rc->n_kwonly_args;
    size_t n = rc->local_names != NULL ? rc->local_names[0] : n_args;
    for (size_t i = 0; i < n && i < rc->n_state; i++) {
        mpf_qstr_t q = rc->local_names != NULL ? rc->local_names[1 + i] : fun->ctx->qstrs[rc->arg_names[i]];
        if (q == 0) {
            continue;
        }
        mpf_obj_t v = fast[-(ptrdiff_t)i];
        if (v != MPF_OBJ_NULL && slot_is_cell(fr, i)) {
            v = ((const mpf_cell_t *)mpf_obj_ptr(v))->value;
        }
        if (v == MPF_OBJ_NULL) {
            mpf_map_lookup(mpf_dict_map(d), mpf_obj_new_qstr(q), MPF_MAP_REMOVE);   // unbound
        } else {
            mpf_dict_store(d, mpf_obj_new_qstr(q), v);
        }
    }
    return d;
}

// A dict, or a dict subclass's own dict (the native one inside it), else NULL.
mpf_obj_t mpf_compile_native_dict(mpf_obj_t o) {
    if (mpf_obj_is_type(o, &mpf_type_dict)) {
        return o;
    }
    const mpf_type_t *t = mpf_obj_type(o);
    if ((t->flags & MPF_TYPE_FLAG_HEAP) && mpf_type_native_base(t) == &mpf_type_dict) {
        return ((const mpf_instance_t *)mpf_obj_ptr(o))->subobj;
    }
    return MPF_OBJ_NULL;
}

// What the builtin names of code whose globals' __builtins__ is [b] come from, as in CPython:
// a module's dict, or [b] itself (a dict, or any object: subscripted, so None or an int is
// a TypeError at the first builtin name); NULL for the builtins module and its dict (the
// build's builtins serve).
mpf_obj_t mpf_compile_own_builtins(mpf_obj_t b) {
    mpf_obj_t m = mpf_dict_get(mpf_state.modules, mpf_obj_new_qstr(MPF_QSTR_builtins));
    if (b == m) {
        return MPF_OBJ_NULL;
    }
    if (mpf_obj_is_type(b, &mpf_type_module)) {
        b = ((const mpf_module_t *)mpf_obj_ptr(b))->globals;
    }
    if (mpf_obj_is_type(m, &mpf_type_module) && b == ((const mpf_module_t *)mpf_obj_ptr(m))->globals) {
        return MPF_OBJ_NULL;
    }
    return b;
}

static mpf_obj_t run_in(mpf_obj_t code, mpf_obj_t globals, mpf_obj_t locals) {
    mpf_obj_t key = mpf_obj_new_qstr(MPF_QSTR___builtins__);
    mpf_obj_t b = mpf_dict_get(globals, key);
    if (b == MPF_OBJ_NULL && globals != current_globals()) {
        // CPython puts the builtins module's dict in a fresh globals dict (builtins.__dict__:
        // the module is made on the heap by the first such run, as by `import builtins`)
        b = mpf_load_attr(mpf_import_name(MPF_QSTR_builtins, MPF_OBJ_NONE, 0, MPF_OBJ_NULL), MPF_QSTR___dict__);
        mpf_dict_store(globals, key, b);
    }
    // a function of the code in [globals]: each run has its own (the same code may run with
    // other globals), with the builtins of theirs (mpf_fun_of_code)
    mpf_obj_t ret = mpf_vm_call_bc(mpf_obj_ptr(mpf_fun_of_code(code, globals)), 0, 0, NULL, locals);
    // The frame stack is one heap block, scanned whole by the collector: the slots the run
    // left above its top would keep everything it made (its globals, classes, code) alive
    // until other calls overwrite them. Nothing above the top is live now.
    memset(mpf_state.fs_top, 0, (size_t)(mpf_state.fs_end - mpf_state.fs_top) * sizeof(mpf_obj_t));
    return ret;
}

// run_in; with [members] (not NULL), [globals] is a copy of the members of instance
// __dict__ [view], stored back when the code is done (also when it raised): what the code
// deleted is gone, what it added is after the rest, as in the dict CPython's instance has.
static mpf_obj_t run_in_view(mpf_obj_t code, mpf_obj_t view, mpf_map_t *members, mpf_obj_t globals,
    mpf_obj_t locals) {
    if (members == NULL) {
        return run_in(code, globals, locals);
    }
    mpf_obj_t volatile ret = MPF_OBJ_NULL;
    mpf_nlr_t nlr;
    mpf_nlr_push(&nlr);
    if (setjmp(nlr.jb) == 0) {
        ret = run_in(code, globals, locals);
        mpf_nlr_pop(&nlr);
    }
    mpf_map_clear(members);
    const mpf_map_t *m = mpf_dict_map(globals);
    for (size_t i = 0; i < m->used; i++) {
        if (m->elems[i].key != MPF_OBJ_NULL) {
            mpf_subscr(view, m->elems[i].key, m->elems[i].value);   // (a str key made a qstr)
        }
    }
    if (ret == MPF_OBJ_NULL) {
        mpf_nlr_raise(nlr.exc);
    }
    return ret;
}

// Run [code] in the namespaces given to eval/exec (defaults: the caller's globals and locals).
// globals: a dict (or subclass) or an instance's __dict__; locals: any mapping. (mode: eval's
// or exec's TypeError texts, CPython 3.11's)
static mpf_obj_t run_code(mpf_obj_t code, size_t n_args, const mpf_obj_t *args, unsigned mode) {
    mpf_obj_t globals = n_args > 1 && args[1] != MPF_OBJ_NONE ? args[1] : MPF_OBJ_NULL;
    mpf_obj_t locals = n_args > 2 && args[2] != MPF_OBJ_NONE ? args[2] : MPF_OBJ_NULL;
    if (locals != MPF_OBJ_NULL && mpf_type_get_subscr(mpf_type_slots(mpf_obj_type(locals))) == NULL) {
        mpf_raise_fmt(&mpf_type_TypeError, mode ? "locals must be a mapping" : "locals must be a mapping or None, not %T", locals);
    }
    mpf_obj_t view = globals;
    mpf_map_t *members = NULL;
    if (globals == MPF_OBJ_NULL) {
        globals = current_globals();
        if (locals == MPF_OBJ_NULL) {
            locals = mpf_compile_frame_locals(mpf_state.cur_frame);
        }
    } else {
        globals = mpf_compile_native_dict(view);
        if (globals == MPF_OBJ_NULL) {
            // an instance's __dict__ (a view of its members, no dict): see run_in_view
            globals = mpf_type_instance_dict_copy(view, &members);
            if (globals == MPF_OBJ_NULL) {
                mpf_raise_fmt(&mpf_type_TypeError, !mode ? "exec() globals must be a dict, not %T"
                    : mpf_type_get_subscr(mpf_type_slots(mpf_obj_type(view))) != NULL ? "globals must be a real dict; try eval(expr, {}, mapping)"
                    : "globals must be a dict", view);
            }
        }
        if (locals == MPF_OBJ_NULL) {
            // (a dict subclass itself: its own __getitem__/__setitem__ serve the code's names)
            locals = members == NULL ? view : globals;
        }
    }
    return run_in_view(code, view, members, globals, locals);
}

mpf_obj_t mpf_builtin_eval_exec(size_t n_args, const mpf_obj_t *args, unsigned mode) {
    mpf_obj_t v = run_code(source_to_code(args[0], "<string>", mode, mode ? MPF_QSTR_eval : MPF_QSTR_exec, opt_level()),
        n_args, args, mode);
    return mode ? v : MPF_OBJ_NONE;
}

#if CONFIG_FUNCTION_CLOSURE
// exec(source, globals=None, locals=None, /, *, closure=None): a code object that needs
// cells runs with those of [closure] (a tuple of them, f.__closure__), as CPython 3.11.
mpf_obj_t mpf_builtin_eval_exec_closure(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    // (CPython's texts: registered with no minimum, the counts are checked here)
    if (n_args == 0 || n_args > 3) {
        mpf_raise_fmt(&mpf_type_TypeError, "exec() takes at %s positional argument%s (%u given)",
            n_args ? "most 3" : "least 1", n_args ? "s" : "", (unsigned)n_args);
    }
    for (size_t k = 0; k < n_kw; k++) {
        if (args[n_args + 2 * k] != mpf_obj_new_qstr(MPF_QSTR_closure)) {
            mpf_raise_fmt(&mpf_type_TypeError, "%R is an invalid keyword argument for exec()", args[n_args + 2 * k]);
        }
    }
    mpf_obj_t a[3] = {args[0], n_args > 1 ? args[1] : MPF_OBJ_NONE, n_args > 2 ? args[2] : MPF_OBJ_NONE};
    mpf_obj_t closure = mpf_arg_kw(n_args, n_kw, args, MPF_QSTR_closure);
    if (closure != MPF_OBJ_NULL && closure != MPF_OBJ_NONE) {
        if (!mpf_obj_is_type(a[0], &mpf_type_code)) {
            mpf_raise_msg(&mpf_type_TypeError, "closure can only be used when source is a code object");
        }
        a[0] = mpf_fun_code_with_closure(a[0], closure);
    }
    return mpf_builtin_eval_exec(3, a, MPF_COMPILE_EXEC);
}
#endif

// compile(source, filename, mode, flags=0, dont_inherit=False, optimize=-1), keywords too.
mpf_obj_t mpf_builtin_compile(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    static const mpf_qstr_t names[6] = {MPF_QSTR_source, MPF_QSTR_filename, MPF_QSTR_mode, MPF_QSTR_flags,
        MPF_QSTR_dont_inherit, MPF_QSTR_optimize};
    // in mpf_compile_mode_t's order ('single': one statement, MPF_COMPILE_SINGLE_ONE)
    static const mpf_qstr_t modes[3] = {MPF_QSTR_exec, MPF_QSTR_eval, MPF_QSTR_single};
    mpf_obj_t a[6];
    mpf_arg_parse(n_args, n_kw, args, MPF_ARG_FUN(MPF_QSTR_compile, 0), 6, 6, names, a);
    mpf_arg_required(MPF_QSTR_compile, names, a, 3);
    size_t m = 0;
    while (m < 3 && !mpf_obj_equal(a[2], mpf_obj_new_qstr(modes[m]))) {
        m++;
    }
    if (m == 3) {
        // (a mode that is no str: CPython's TypeError)
        if (!MPF_IS_STR(a[2])) {
            mpf_raise_fmt(&mpf_type_TypeError, "compile() argument 'mode' must be str, not %T", a[2]);
        }
        mpf_raise_msg(&mpf_type_ValueError, "compile() mode must be 'exec', 'eval' or 'single'");
    }
    // the file name: str, or bytes (its text), or an os.PathLike's __fspath__() of them
    if (!mpf_obj_is_str(a[1]) && !mpf_obj_is_type(a[1], &mpf_type_bytes)) {
        mpf_obj_t m[2];
        mpf_load_method_maybe(a[1], MPF_QSTR___fspath__, m);
        if (m[0] != MPF_OBJ_NULL) {
            mpf_obj_t f = mpf_call_method_n(0, 0, m);
            if (!mpf_obj_is_str(f) && !mpf_obj_is_type(f, &mpf_type_bytes)) {
                mpf_raise_fmt(&mpf_type_TypeError, "expected %T.__fspath__() to return str or bytes, not %T", a[1], f);
            }
            a[1] = f;
        }
    }
    if (!mpf_obj_is_str(a[1]) && !mpf_obj_is_type(a[1], &mpf_type_bytes)) {
        mpf_raise_fmt(&mpf_type_TypeError, "expected str, bytes or os.PathLike object, not %T", a[1]);
    }
    size_t n;
    const char *fn = mpf_obj_str_data(a[1], &n);
    fn = mpf_obj_str_data(mpf_obj_new_str(fn, n), &n);   // (a copy of its own: NUL-terminated)
    // flags: an int, else TypeError; no flag changes what is compiled here, but one CPython
    // does not know is a ValueError (its future features, CO_NESTED and PyCF_* bits)
    bool bad_flags = a[3] != MPF_OBJ_NULL && (mpf_obj_get_c_int(a[3]) & ~(mpf_int_t)0x1FE7610) != 0;
    if (a[4] != MPF_OBJ_NULL) {
        (void)mpf_obj_get_c_int(a[4]);   // dont_inherit: an int (or bool), else TypeError
    }
    // optimize: -1 the current level (micropython.opt_level()), else 0..2 as CPython's
    // (-O3, micropython.opt_level(3), only through -1)
    mpf_int_t o = a[5] == MPF_OBJ_NULL ? -1 : mpf_obj_get_c_int(a[5]);
    if (bad_flags || o < -1 || o > 2) {
        mpf_raise_fmt(&mpf_type_ValueError, "compile(): %s", bad_flags ? "unrecognised flags" : "invalid optimize value");
    }
    return source_to_code(a[0], fn, (mpf_compile_mode_t)(m + (m == 2)), MPF_QSTR_compile,
        o < 0 ? opt_level() : (unsigned)o);
}

// What code of compile mode 'single' (the REPL's lines, compile(..., 'single')) calls with
// each expression statement's value: print its repr unless it is None, and keep it as the
// builtin name _ (as CPython's sys.displayhook: a global _ hides it; kept in mpf_state, not
// in a builtins module made for it, whose copy of the table would take heap and slow every
// builtin look-up after; builtins._ once that module exists, builtins_init adds it when made).
mpf_obj_t mpf_builtin_repl_print(mpf_obj_t v) {
    if (v != MPF_OBJ_NONE) {
        mpf_printf(&mpf_print_stdout, "%R\n", v);
        mpf_state.repl_last = v;
        mpf_obj_t g = mpf_builtins_dict();
        if (g != MPF_OBJ_NULL) {
            mpf_dict_store(g, mpf_obj_new_qstr(MPF_QSTR__), v);
        }
    }
    return MPF_OBJ_NONE;
}
