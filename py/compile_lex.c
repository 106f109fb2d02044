// compile_lex.c -- the compiler's lexer (CONFIG_COMPILER): source bytes to tokens, with
// INDENT/DEDENT from leading whitespace and string literals decoded into the arena.
#include <string.h>

#include "compile_int.h"

// -Os optimisations that grow this file on Thumb-2 (compile_int.h)
#if MPF_CC_SIZE_TUNED
#pragma GCC optimize("no-move-loop-invariants", "no-tree-dominator-opts", "no-schedule-insns2", "no-caller-saves", \
    "no-auto-inc-dec", "no-if-conversion", "no-rerun-cse-after-loop", "no-store-merging", "no-tree-ch", \
    "no-tree-loop-im", "no-guess-branch-probability", "no-ira-hoist-pressure")
#elif MPF_CC_SIZE_TUNED_T1
#pragma GCC optimize("no-expensive-optimizations", "no-tree-loop-optimize", "no-move-loop-invariants", \
    "no-tree-vrp", "no-store-merging", "no-inline-small-functions", "no-ira-hoist-pressure", "no-tree-ch")
#endif

// Keywords in the order of KW_*: by length (2 to 8 bytes), without separators, after two
// lists of 8 and 7 bytes. Those of length n: the numbers from [n - 2] up to [n - 1] of the first
// list (0 5 11 18 26 32 33 35), their text from offset [8 + n - 2] (0 10 28 56 96 132 139)
// of the text (at 15).
#define KW_TEXT 15
static const char kw_table[KW_TEXT + 155] = "\0\5\13\22\32\40\41\43" "\0\12\34\70\140\204\213"
    "asifinisor" "anddefdelfornottry" "elifelsefrompasswithNoneTrue" "Falseasyncawaitbreakclassraisewhileyield"
    "assertexceptglobalimportlambdareturn" "finally" "continuenonlocal";
_Static_assert(KW_NUM - KW_FIRST == 35 && KW_NONLOCAL - KW_FIRST == 34 && KW_FALSE - KW_FIRST == 18, "kw_table");

int mpf_lex_find(const char *table, const char *s, size_t n) {
    int i = 0;
    for (const char *k = table; k[0] != 0 && k[1] <= s[0]; k += k[0] + 1, i++) {
        if (k[1] == s[0] && (size_t)k[0] == n && memcmp(k + 2, s + 1, n - 1) == 0) {
            return i;
        }
    }
    return -1;
}

int mpf_lex_keyword(const char *s, size_t n) {
    if (n - 2 > 8 - 2) {
        return -1;
    }
    const char *k = kw_table + KW_TEXT + (uint8_t)kw_table[8 + n - 2];
    for (int i = kw_table[n - 2]; i < kw_table[n - 1]; i++, k += n) {
        if (k[0] == s[0] && memcmp(k, s, n) == 0) {
            return i;
        }
    }
    return -1;
}

// The operators of two or three characters: an operator followed by a character, and the
// one they make (then the same again: ** then =), besides the arithmetic ones followed by '='
// (augmented: + to +=, ** to **=) and the ellipsis.
static const uint8_t op_pairs[] = {
    OP_ASSIGN, '=', OP_EQ, OP_BANG, '=', OP_NE, OP_COLON, '=', OP_WALRUS, OP_LT, '=', OP_LE,
    OP_GT, '=', OP_GE, OP_AT, '=', OP_IMATMUL, OP_SUB, '>', OP_ARROW, OP_MUL, '*', OP_POW,
    OP_DIV, '/', OP_FLOORDIV, OP_LT, '<', OP_LSHIFT, OP_GT, '>', OP_RSHIFT,
};
// The operators of one character, each at the index of its OP_* (a space for the others: a
// space never reaches the operators).
static const char op_chars[] =
    "()[]{}:,;. =  @<>    |^&  +-*  /%              ~!";
_Static_assert(sizeof(op_chars) == OP_NUM + 1 && OP_ASSIGN == 11 && OP_AT == 14 && OP_OR == 21 && OP_ADD == 26 &&
    OP_DIV == 31 && OP_TILDE == OP_NUM - 2, "op_chars and the OP_* disagree");

void mpf_lex_init(mpf_lexer_t *lx, mpf_cctx_t *c) {
    memset(lx, 0, sizeof(*lx));
    lx->c = c;
    lx->src = c->src;
    lx->len = c->len;
    lx->line = 1;
    lx->at_bol = true;
    lx->emitted_newline = true;
    lx->n_indent = 1;
    lx->indent[0] = 0;
}

static int peekc(const mpf_lexer_t *lx, size_t ahead) {
    size_t p = lx->pos + ahead;
    return p < lx->len ? (unsigned char)lx->src[p] : -1;
}

static void newline(mpf_lexer_t *lx) {
    lx->line++;
    lx->line_start = lx->pos;
}

// SyntaxError [msg] (an E_ number; [kind] as mpf_cc_syntax_error's) at column [col] of the
// current line (0: where the lexer is).
MPF_NORETURN __attribute__((noinline)) static void lex_fail(mpf_lexer_t *lx, unsigned kind, size_t col, unsigned msg) {
    mpf_emit_error(lx->c, kind, lx->line, col ? col : lx->pos - lx->line_start + 1, msg);
}

static bool is_id_start(int ch) {
    return (unsigned)((ch | 0x20) - 'a') < 26 || ch == '_' || ch >= 0x80;   // (a letter either case)
}

static bool is_digit(int ch) {
    return ch >= '0' && ch <= '9';
}

static bool is_id_char(int ch) {
    return is_id_start(ch) || is_digit(ch);
}

static inline __attribute__((always_inline)) int hexval(int ch) {
    int lc = ch | 0x20;
    int v = is_digit(ch) ? ch - '0' : lc >= 'a' ? lc - 'a' + 10 : 16;
    return v < 16 ? v : -1;
}

unsigned mpf_lex_escape(const char *s, size_t *at, size_t end, uint8_t **o, bool raw, bool bytes) {
    size_t p = *at;
    uint8_t *out = *o;
    int e = (unsigned char)s[p++];
    // the escapes of one character: \n \t \r \a \b \f \v \\ \' \" (a line continuation: none);
    // numeric ones: \xHH, \uHHHH, \UHHHHHHHH (exactly so many digits; \u and \U not in bytes),
    // \ooo (1 to 3 octal digits)
    static const char esc_from[] = "ntrabfv\\'\"\nxuU01234567";
    static const char esc_to[] = "\n\t\r\a\b\f\v\\'\"";
    const char *k = raw ? NULL : memchr(esc_from, e, sizeof(esc_from) - 1);
    size_t i = k != NULL ? (size_t)(k - esc_from) : sizeof(esc_from);
    if (i <= 10) {
        // (a line continuation: nothing)
        *out = (uint8_t)esc_to[i];
        out += i < 10;
    } else if (i < sizeof(esc_from) - 1 && !(bytes && (e | 0x20) == 'u')) {
        bool octal = i > 13;
        unsigned base = octal ? 8 : 16, digits = octal ? 3 : 2u << (i - 11), need = octal ? 1 : digits;
        p -= octal;
        uint32_t v = 0;
        for (unsigned d = 0; d < digits; d++, p++) {
            int h = p < end ? hexval((unsigned char)s[p]) : -1;
            if (h < 0 || (unsigned)h >= base) {
                if (d < need) {
                    return e == 'x' ? E_ESC_X : E_ESC_U;
                }
                break;
            }
            v = v * base + (uint32_t)h;
        }
        if (v > 0x10FFFF) {
            return E_ESC_CHAR;
        }
        if (bytes) {
            *out++ = (uint8_t)v;
        } else {
            out += mpf_utf8_encode(v, (char *)out);
        }
    } else if (!raw && !bytes && e == 'N') {
        return E_ESC_N;
    } else {
        // raw, or not an escape: kept as written
        *out++ = '\\';
        *out++ = (uint8_t)e;
    }
    *at = p;
    *o = out;
    return 0;
}

// A string literal starting at the quote; [raw]/[bytes]/[fstr] from its prefix. The decoded
// value goes to the arena. An f-string stays as written (t->op & 1: raw): the parser splits
// off its fields, then decodes the escapes of the text between them, so that a brace a
// backslash sequence makes is text (mpy-cross's order). Its end is its quote outside the
// fields: a string in a field may have the f-string's quote too (f"{", ".join(x)}", as
// mpy-cross and CPython 3.12 read it); one not closed on its line is the f-string's end
// (the other quote's strings are left to the parser: a brace in one may miscount the
// fields, but the f-string's quote still ends it where no string of it closes on the line)
static void lex_string(mpf_lexer_t *lx, mpf_token_t *t, bool raw, bool bytes, bool fstr) {
    const char *src = lx->src;
    int q = src[lx->pos];
    bool triple = peekc(lx, 1) == q && peekc(lx, 2) == q;
    lx->pos += triple ? 3 : 1;
    size_t start = lx->pos;
    size_t end = start;
    size_t fields = 0;   // an f-string's replacement fields open (braces, outside strings)
    while (true) {
        if (end >= lx->len) {
            lx->unterminated = triple;   // (needs_more: a triple-quoted string goes on)
            lex_fail(lx, false, TOK_COL(t), triple ? E_UNTERMINATED_TRIPLE : E_UNTERMINATED);
        }
        int ch = (unsigned char)src[end];
        if (ch == '\\' && end + 1 < lx->len) {
            // (a brace after it is the f-string's)
            end += fstr && (src[end + 1] == '{' || src[end + 1] == '}') ? 1 : 2;
            continue;
        }
        if (ch == '\n' && !triple) {
            lex_fail(lx, false, TOK_COL(t), E_UNTERMINATED);
        }
        if (ch == q) {
            if (fields != 0) {
                size_t j = end + 1;
                while (j < lx->len && src[j] != q && src[j] != '\n') {
                    j += 1 + (src[j] == '\\');
                }
                if (j < lx->len && src[j] == q) {
                    end = j + 1;   // a string in a field
                    continue;
                }
            }
            if (!triple || (end + 2 < lx->len && src[end + 1] == q && src[end + 2] == q)) {
                break;
            }
        } else if (fstr) {
            if (ch == '{') {
                if (fields == 0 && end + 1 < lx->len && src[end + 1] == '{') {
                    end++;   // {{ of the text
                } else {
                    fields++;
                }
            } else if (ch == '}' && fields != 0) {
                fields--;
            }
        }
        end++;
    }
    // the decoded text is never longer than the source text
    uint8_t *out = fstr ? NULL : mpf_cc_alloc(lx->c, end - start + 1), *o = out;
    size_t p = start;
    while (p < end) {
        if (fstr) {
            p++;
        } else if (src[p++] != '\\') {
            *o++ = (uint8_t)src[p - 1];
        } else {
            unsigned err = mpf_lex_escape(src, &p, end, &o, raw, bytes);
            if (err != 0) {
                lex_fail(lx, 0, 0, err);
            }
        }
        if (src[p - 1] == '\n') {
            lx->pos = p;
            newline(lx);
        }
    }
    lx->pos = end + (triple ? 3 : 1);
    t->kind = fstr ? TK_FSTR : bytes ? TK_BYTES : TK_STR;
    t->op = (uint8_t)(TOK_OTHER | raw);
    t->s = fstr ? src + start : (const char *)out;
    t->len = fstr ? end - start : (size_t)(o - out);
}

// A number: letters, digits and underscores (after 0x/0o/0b, only those), else also one '.'
// before an exponent or a j, and the sign of the exponent. The parser checks the spelling
// (the runtime's int and float parsers; an imaginary one's j is its last character).
static void lex_number(mpf_lexer_t *lx, mpf_token_t *t) {
    const char *src = lx->src;
    size_t start = lx->pos;
    int p1 = peekc(lx, 1) | 0x20;
    bool radix = src[start] == '0' && (p1 == 'x' || p1 == 'o' || p1 == 'b');
    int kind = TK_INT;
    for (int prev = 0;; lx->pos++) {
        int ch = peekc(lx, 0);
        if (!radix && (ch == '.' ? kind == TK_INT : (ch == '+' || ch == '-') ? (prev | 0x20) == 'e' : false)) {
            kind = TK_FLOAT;
        } else if (!is_id_char(ch)) {
            break;
        } else if (!radix && ((ch | 0x20) == 'e' || (ch | 0x20) == 'j')) {
            kind = (ch | 0x20) == 'e' ? TK_FLOAT : TK_IMAG;
        }
        prev = ch;
    }
    t->s = src + start;
    t->len = lx->pos - start;
    t->kind = (uint8_t)kind;
}

// Skip a comment, up to the end of its line.
static void skip_comment(mpf_lexer_t *lx) {
    while (peekc(lx, 0) >= 0 && peekc(lx, 0) != '\n') {
        lx->pos++;
    }
}

// The token starts at column [col] of the current line (a source of more lines than a node
// records is refused).
static inline __attribute__((always_inline)) void tok_at(mpf_lexer_t *lx, mpf_token_t *t, uint32_t col) {
    uint32_t line = lx->line;
    if (line > NODE_LINE_MAX) {
        lex_fail(lx, false, 0, E_LINES);
    }
    t->pos = line | (col < NODE_COL_MAX ? col : NODE_COL_MAX) << 20;
}

// The input ended inside brackets: "'(' was never closed" at the innermost open one, as
// CPython says. The source is lexed again from the start (this error path only): the
// bracket wanted is the last one that opened the depth the end was reached at.
MPF_NORETURN static void unclosed_error(mpf_lexer_t *lx) {
    int depth = lx->paren;
    mpf_lex_init(lx, lx->c);
    lx->unterminated = true;   // (for needs_more; here also: the end gives TK_END)
    mpf_token_t t, at = {0};
    do {
        mpf_lex_next(lx, &t);
        if (t.op <= OP_RBRACE && !(t.op & 1) && lx->paren == depth) {
            at = t;
        }
    } while (t.kind != TK_END);
    // (OP_LPAR, OP_LSQB, OP_LBRACE: 0, 2, 4)
    mpf_emit_error(lx->c, 0, TOK_LINE(&at), TOK_COL(&at), E_NEVER_CLOSED + at.op / 2);
}

// Skip spaces, comments and line continuations; at the start of a logical line (outside
// brackets) also blank and comment-only lines, measuring the indentation of the first
// other one ([w]: a tab to the next multiple of 8; [a]: a tab as one column, as CPython
// measures both to find an inconsistent use of tabs and spaces): the INDENT or DEDENTs it
// makes are owed (lx->pending). The character after them (-1: the end of the input).
static int skip_space(mpf_lexer_t *lx) {
    bool bol = lx->at_bol && lx->paren == 0;
    lx->at_bol = false;
    uint32_t w = 0, a = 0;
    int ch;
    while (true) {
        ch = peekc(lx, 0);
        if (ch == ' ' || ch == '\t' || ch == '\f' || ch == '\r') {
            w = ch == '\t' ? (w / 8 + 1) * 8 : w + 1;
            a++;
            if (ch == '\f' && bol) {
                w = a = 0;   // (a form feed in the indentation starts it again, as CPython's)
            }
            lx->pos++;
        } else if (ch == '#') {
            skip_comment(lx);
        } else if (ch == '\\' && (peekc(lx, 1) < 0 || peekc(lx, 1) == '\n' || (peekc(lx, 1) == '\r' && peekc(lx, 2) == '\n'))) {
            // a line continuation; at the very end of the input (outside brackets, whose
            // error is that they were never closed) CPython's error just after it
            size_t col = lx->pos - lx->line_start + 2;
            lx->pos += peekc(lx, 1) < 0 ? 1 : peekc(lx, 1) == '\n' ? 2 : 3;
            if (lx->paren == 0 && peekc(lx, 0) < 0) {
                lx->unterminated = true;
                lex_fail(lx, 0, col, E_EOF);
            }
            if (lx->pos - lx->line_start < col) {
                continue;   // (at the end: no newline)
            }
            newline(lx);
            if (bol) {
                w = a = 0;   // (a blank line)
            }
        } else if (ch == '\n' && (bol || lx->paren > 0)) {
            lx->pos++;
            newline(lx);
            w = a = 0;
        } else {
            break;
        }
    }
    // (at the end of the input: on to the end below)
    if (bol && ch >= 0) {
        // each level: its width in the low 16 bits, its tab-as-one width above (both capped)
        w = w < 0xFFFF ? w : 0xFFFF;
        a = a < 0xFFFF ? a : 0xFFFF;
        uint32_t top = lx->indent[lx->n_indent - 1];
        // (wider, yet not wider with tabs as one column: inconsistent)
        bool tabs = w > (top & 0xFFFF) && a <= top >> 16;
        if (w > (top & 0xFFFF)) {
            if (lx->n_indent == (int)(sizeof(lx->indent) / sizeof(lx->indent[0]))) {
                lex_fail(lx, true, w + 1, E_INDENT_LEVELS);
            }
            lx->indent[lx->n_indent++] = w | a << 16;
            lx->pending = 1;
        } else {
            while (w < (lx->indent[lx->n_indent - 1] & 0xFFFF)) {
                lx->n_indent--;
                lx->pending--;
            }
            if (w != (lx->indent[lx->n_indent - 1] & 0xFFFF)) {
                lex_fail(lx, true, w + 1, E_UNINDENT);
            }
            tabs = a != lx->indent[lx->n_indent - 1] >> 16;
        }
        if (tabs) {
            lex_fail(lx, 2, 1, E_TABS);   // (a TabError: at column 1, as CPython's)
        }
    }
    return ch;
}

void mpf_lex_next(mpf_lexer_t *lx, mpf_token_t *t) {
    t->s = NULL;
    t->len = 0;
    t->op = TOK_OTHER;
    int ch = 0;
    if (lx->pending == 0) {
        ch = skip_space(lx);
    }
    // an INDENT or DEDENT owed (at column 1), or the token at [ch]
    tok_at(lx, t, lx->pending != 0 ? 1 : (uint32_t)(lx->pos - lx->line_start + 1));
    if (lx->pending != 0) {
        bool indent = lx->pending > 0;
        lx->pending += indent ? -1 : 1;
        t->kind = indent ? TK_INDENT : TK_DEDENT;
        return;
    }
    if (ch < 0) {
        if (lx->paren > 0) {
            if (!lx->unterminated) {
                unclosed_error(lx);
            }
            t->kind = TK_END;   // (unclosed_error's rescan)
            return;
        }
        if (!lx->emitted_newline) {
            lx->emitted_newline = true;
            t->kind = TK_NEWLINE;
            return;
        }
        if (lx->n_indent > 1) {
            lx->n_indent--;
            t->kind = TK_DEDENT;
            return;
        }
        t->kind = TK_END;
        return;
    }
    lx->emitted_newline = false;
    if (ch == '\n') {
        lx->pos++;
        newline(lx);
        lx->at_bol = true;
        lx->emitted_newline = true;
        t->kind = TK_NEWLINE;
        return;
    }
    if (is_id_start(ch)) {
        size_t start = lx->pos;
        while (is_id_char(peekc(lx, 0))) {
            lx->pos++;
        }
        size_t n = lx->pos - start;
        int q = peekc(lx, 0);
        if ((q == '\'' || q == '"') && n <= 2) {
            bool raw = false, bytes = false, fstr = false, ok = true;
            for (size_t i = 0; i < n; i++) {
                int p = lx->src[start + i] | 0x20;
                if (p == 'r') {
                    raw = true;
                } else if (p == 'b') {
                    bytes = true;
                } else if (p == 'f') {
                    fstr = true;
                } else if (p != 'u') {
                    ok = false;
                }
            }
            // (one letter, or r with b or f: no u in two, none twice)
            if (ok && (n == 1 || (raw && (bytes || fstr)))) {
                lex_string(lx, t, raw, bytes, fstr);
                return;
            }
        }
        t->kind = TK_NAME;
        t->s = lx->src + start;
        t->len = n;
        int k = mpf_lex_keyword(t->s, n);
        if (k >= 0) {
            t->kind = TK_KW;
            t->op = (uint8_t)(KW_FIRST + k);
        }
        return;
    }
    if (is_digit(ch) || (ch == '.' && is_digit(peekc(lx, 1)))) {
        lex_number(lx, t);
        return;
    }
    if (ch == '\'' || ch == '"') {
        lex_string(lx, t, false, false, false);
        return;
    }
    const char *one = memchr(op_chars, ch, OP_NUM);
    int op = one != NULL ? one - op_chars : -1, len = 1;
    if (ch == '.' && peekc(lx, 1) == '.' && peekc(lx, 2) == '.') {
        op = OP_ELLIPSIS;
        len = 3;
    }
    while (op >= 0 && op != OP_ELLIPSIS) {
        int nx = peekc(lx, len), to = -1;
        if (nx == '=' && op >= OP_OR && op <= OP_POW) {
            to = op + (OP_IOR - OP_OR);
        }
        for (const uint8_t *e = op_pairs; to < 0 && e < op_pairs + sizeof(op_pairs); e += 3) {
            if (e[0] == op && e[1] == nx) {
                to = e[2];
            }
        }
        if (to < 0) {
            break;
        }
        op = to;
        len++;
    }
    if (op >= 0) {
        lx->pos += len;
        t->kind = TK_OP;
        t->op = (uint8_t)op;
        // ( ) [ ] { } are the first six operators, each opening one before its closing one
        if (op <= OP_RBRACE) {
            if (!(op & 1)) {
                if (++lx->paren > 200) {
                    // (as CPython's: its tokenizer's limit)
                    lex_fail(lx, false, lx->pos - lx->line_start, E_PARENS);
                }
            } else if (lx->paren > 0) {
                lx->paren--;
            }
        }
        return;
    }
    lex_fail(lx, false, 0, E_CHARACTER);
}
