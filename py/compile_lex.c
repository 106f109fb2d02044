// compile_lex.c -- the compiler's lexer (CONFIG_COMPILER): source bytes to tokens, with
// INDENT/DEDENT from leading whitespace and string literals decoded into the arena.
#include <string.h>

#include "compile_int.h"

// Keywords in the order of KW_* (sorted by their bytes), each after its length.
static const char kw_names[] =
    "\5False\4None\4True\3and\2as\6assert\5async\5await\5break\5class\10continue\3def\3del"
    "\4elif\4else\6except\7finally\3for\4from\6global\2if\6import\2in\2is\6lambda\10nonlocal"
    "\3not\2or\4pass\5raise\6return\3try\5while\4with\5yield";

int mpf_lex_find(const char *table, const char *s, size_t n) {
    int i = 0;
    for (const char *k = table; k[0] != 0 && k[1] <= s[0]; k += k[0] + 1, i++) {
        if (k[1] == s[0] && (size_t)k[0] == n && memcmp(k + 2, s + 1, n - 1) == 0) {
            return i;
        }
    }
    return -1;
}

// Operator spellings, longest first so the first match is the right one: OP_3CHAR of three
// characters, then up to OP_2CHAR of two, then single characters; op_codes gives each its OP_*.
#define OP_3CHAR 5
#define OP_2CHAR 24
static const char op_chars[] =
    "**=//=>>=<<=..."
    "->:=**//>><<<=>===!=+=-=*=/=%=&=|=^=@="
    "()[]{}:,;.=@<>|^&+-*/%~";
static const uint8_t op_codes[] = {
    OP_IPOW, OP_IFLOORDIV, OP_IRSHIFT, OP_ILSHIFT, OP_ELLIPSIS,
    OP_ARROW, OP_WALRUS, OP_POW, OP_FLOORDIV, OP_RSHIFT, OP_LSHIFT, OP_LE, OP_GE, OP_EQ, OP_NE, OP_IADD,
    OP_ISUB, OP_IMUL, OP_IDIV, OP_IMOD, OP_IAND, OP_IOR, OP_IXOR, OP_IMATMUL,
    OP_LPAR, OP_RPAR, OP_LSQB, OP_RSQB, OP_LBRACE, OP_RBRACE, OP_COLON, OP_COMMA, OP_SEMI, OP_DOT,
    OP_ASSIGN, OP_AT, OP_LT, OP_GT, OP_OR, OP_XOR, OP_AND, OP_ADD, OP_SUB, OP_MUL, OP_DIV, OP_MOD,
    OP_TILDE,
};
_Static_assert(sizeof(op_chars) - 1 == OP_3CHAR * 3 + (OP_2CHAR - OP_3CHAR) * 2 + sizeof(op_codes) - OP_2CHAR,
    "op_chars and op_codes disagree");

void mpf_lex_init(mpf_lexer_t *lx, mpf_cctx_t *c) {
    memset(lx, 0, sizeof(*lx));
    lx->c = c;
    lx->line = 1;
    lx->at_bol = true;
    lx->emitted_newline = true;
    lx->n_indent = 1;
    lx->indent[0] = 0;
}

static int peekc(const mpf_lexer_t *lx, size_t ahead) {
    size_t p = lx->pos + ahead;
    return p < lx->c->len ? (unsigned char)lx->c->src[p] : -1;
}

static void newline(mpf_lexer_t *lx) {
    lx->line++;
    lx->line_start = lx->pos;
}

MPF_NORETURN static void lex_error(mpf_lexer_t *lx, const char *msg) {
    mpf_cc_syntax_error(lx->c, false, lx->line, lx->pos - lx->line_start + 1, msg);
}

static bool is_id_start(int ch) {
    return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || ch == '_' || ch >= 0x80;
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

const char *mpf_lex_escape(const char *s, size_t *at, size_t end, uint8_t *out, size_t *n, bool raw, bool bytes) {
    size_t p = *at;
    int e = (unsigned char)s[p++];
    // the escapes of one character: \n \t \r \a \b \f \v \\ \' \" (and a line continuation)
    static const char esc_from[11] = "ntrabfv\\'\"\n";
    static const char esc_to[10] = "\n\t\r\a\b\f\v\\'\"";
    const char *one = raw ? NULL : memchr(esc_from, e, sizeof(esc_from));
    // numeric escapes: \xHH, \uHHHH, \UHHHHHHHH (exactly so many digits), \ooo (1 to 3)
    unsigned digits = raw ? 0 : e == 'x' ? 2 : bytes ? 0 : e == 'u' ? 4 : e == 'U' ? 8 : 0;
    unsigned base = 16, need = digits;
    if (!raw && e >= '0' && e <= '7') {
        base = 8;
        need = 1;
        digits = 3;
        p--;
    }
    if (one != NULL) {
        if (e != '\n') {
            out[(*n)++] = (uint8_t)esc_to[one - esc_from];
        }
    } else if (!raw && !bytes && e == 'N') {
        return "\\N escapes are not supported";
    } else if (digits > 0) {
        uint32_t v = 0;
        for (unsigned k = 0; k < digits; k++, p++) {
            int h = p < end ? hexval((unsigned char)s[p]) : -1;
            if (h < 0 || (unsigned)h >= base) {
                if (k < need) {
                    return e == 'x' ? "invalid \\x escape" : "truncated \\uXXXX escape";
                }
                break;
            }
            v = v * base + (uint32_t)h;
        }
        if (v > 0x10FFFF) {
            return "illegal Unicode character";
        }
        if (bytes) {
            out[(*n)++] = (uint8_t)v;
        } else {
            *n += mpf_utf8_encode(v, (char *)out + *n);
        }
    } else {
        // raw, or not an escape: kept as written
        out[(*n)++] = '\\';
        out[(*n)++] = (uint8_t)e;
    }
    *at = p;
    return NULL;
}

// A string literal starting at the quote; [raw]/[bytes]/[fstr] from its prefix. The decoded
// value goes to the arena. An f-string stays as written (t->op: raw): the parser splits
// off its fields, then decodes the escapes of the text between them, so that a brace a
// backslash sequence makes is text (mpy-cross's order).
static void lex_string(mpf_lexer_t *lx, mpf_token_t *t, bool raw, bool bytes, bool fstr) {
    const char *src = lx->c->src;
    int q = src[lx->pos];
    bool triple = peekc(lx, 1) == q && peekc(lx, 2) == q;
    lx->pos += triple ? 3 : 1;
    size_t start = lx->pos;
    size_t end = start;
    while (true) {
        if (end >= lx->c->len) {
            lx->unterminated = true;
            mpf_cc_syntax_error(lx->c, false, t->line, t->col,
                triple ? "unterminated triple-quoted string literal" : "unterminated string literal");
        }
        int ch = (unsigned char)src[end];
        if (ch == '\\' && end + 1 < lx->c->len) {
            end += 2;
            continue;
        }
        if (ch == '\n' && !triple) {
            mpf_cc_syntax_error(lx->c, false, t->line, t->col, "unterminated string literal");
        }
        if (ch == q && (!triple || (end + 2 < lx->c->len && src[end + 1] == q && src[end + 2] == q))) {
            break;
        }
        end++;
    }
    // the decoded text is never longer than the source text
    uint8_t *out = fstr ? NULL : mpf_cc_alloc(lx->c, end - start + 1);
    size_t n = 0;
    size_t p = start;
    while (p < end) {
        if (fstr) {
            n = ++p - start;
        } else if (src[p++] != '\\') {
            out[n++] = (uint8_t)src[p - 1];
        } else {
            const char *err = mpf_lex_escape(src, &p, end, out, &n, raw, bytes);
            if (err != NULL) {
                lex_error(lx, err);
            }
        }
        if (src[p - 1] == '\n') {
            lx->pos = p;
            newline(lx);
        }
    }
    lx->pos = end + (triple ? 3 : 1);
    t->kind = fstr ? TK_FSTR : bytes ? TK_BYTES : TK_STR;
    t->op = raw;
    t->s = fstr ? src + start : (const char *)out;
    t->len = n;
}

// A number: digits and underscores, after 0x/0o/0b hex digits; else an optional fraction,
// an exponent (its sign, digits and underscores) and a j. The parser checks the digits.
static void lex_number(mpf_lexer_t *lx, mpf_token_t *t) {
    const char *src = lx->c->src;
    size_t start = lx->pos;
    int p1 = peekc(lx, 1) | 0x20;
    bool radix = src[start] == '0' && (p1 == 'x' || p1 == 'o' || p1 == 'b');
    lx->pos += radix ? 2 : 0;
    int kind = TK_INT;
    bool exponent = false;
    for (;;) {
        int ch = peekc(lx, 0);
        if (is_digit(ch) || ch == '_' || (radix && hexval(ch) >= 0)) {
            lx->pos++;
            continue;
        }
        if (radix) {
            break;
        }
        if (ch == '.' && kind == TK_INT) {
            kind = TK_FLOAT;
            lx->pos++;
            continue;
        }
        int lc = ch | 0x20;
        if (lc == 'e' && !exponent) {
            int sign = peekc(lx, 1) == '+' || peekc(lx, 1) == '-';
            if (is_digit(peekc(lx, 1 + sign))) {
                kind = TK_FLOAT;
                exponent = true;
                lx->pos += 1 + sign;
                continue;
            }
        } else if (lc == 'j') {
            kind = TK_IMAG;
            lx->pos++;
        }
        break;
    }
    t->kind = (uint8_t)kind;
    t->s = src + start;
    t->len = lx->pos - start;
    if (is_id_char(peekc(lx, 0))) {
        lex_error(lx, "invalid syntax for number");
    }
}

// Skip a comment, up to the end of its line.
static void skip_comment(mpf_lexer_t *lx) {
    while (peekc(lx, 0) >= 0 && peekc(lx, 0) != '\n') {
        lx->pos++;
    }
}

// Measure the indentation of the line at lx->pos; skip blank and comment-only lines.
// Returns false at the end of the input.
static bool skip_blank_lines(mpf_lexer_t *lx, uint32_t *col) {
    while (true) {
        uint32_t w = 0;
        while (peekc(lx, 0) == ' ' || peekc(lx, 0) == '\t' || peekc(lx, 0) == '\f') {
            w = peekc(lx, 0) == '\t' ? (w / 8 + 1) * 8 : w + 1;
            lx->pos++;
        }
        int ch = peekc(lx, 0);
        if (ch == '#') {
            skip_comment(lx);
            ch = peekc(lx, 0);
        }
        if (ch == '\r') {
            lx->pos++;
            ch = peekc(lx, 0);
        }
        if (ch == '\n') {
            lx->pos++;
            newline(lx);
            continue;
        }
        if (ch == '\\' && (peekc(lx, 1) == '\n')) {
            lx->pos += 2;
            newline(lx);
            continue;
        }
        *col = w;
        return ch >= 0;
    }
}

// The token starts at column [col] of the current line (a source of more lines than a node
// records is refused).
__attribute__((noinline)) static void tok_at(mpf_lexer_t *lx, mpf_token_t *t, uint32_t col) {
    uint32_t line = lx->line;
    if (line > NODE_LINE_MAX) {
        lex_error(lx, "too many lines");
    }
    t->line = line;
    t->col = col;
    t->pos = line | (col < NODE_COL_MAX ? col : NODE_COL_MAX) << 20;
}

// The input ended inside brackets: "'(' was never closed" at the innermost open one, as
// CPython says. The source is lexed again from the start (this error path only): the
// bracket wanted is the last one that opened the depth the end was reached at.
MPF_NORETURN __attribute__((noinline)) static void unclosed_error(mpf_lexer_t *lx) {
    int depth = lx->paren;
    mpf_lex_init(lx, lx->c);
    lx->unterminated = true;   // (for needs_more; here also: the end gives TK_END)
    mpf_token_t t, at = {0};
    char msg[] = "'?' was never closed";
    do {
        mpf_lex_next(lx, &t);
        if (t.kind == TK_OP && t.op <= OP_RBRACE && !(t.op & 1) && lx->paren == depth) {
            at = t;
            msg[1] = lx->c->src[lx->pos - 1];
        }
    } while (t.kind != TK_END);
    mpf_cc_syntax_error(lx->c, false, at.line, at.col, msg);
}

void mpf_lex_next(mpf_lexer_t *lx, mpf_token_t *t) {
    const mpf_cctx_t *c = lx->c;
    t->s = NULL;
    t->len = 0;
    if (lx->pending != 0) {
        bool indent = lx->pending > 0;
        lx->pending += indent ? -1 : 1;
        t->kind = indent ? TK_INDENT : TK_DEDENT;
        tok_at(lx, t, 1);
        return;
    }
    if (lx->at_bol && lx->paren == 0) {
        lx->at_bol = false;
        uint32_t w = 0;
        // (at the end of the input: on to the end below)
        if (skip_blank_lines(lx, &w)) {
            if (w > lx->indent[lx->n_indent - 1]) {
                if (lx->n_indent == (int)(sizeof(lx->indent) / sizeof(lx->indent[0]))) {
                    mpf_cc_syntax_error(lx->c, true, lx->line, w + 1, "too many levels of indentation");
                }
                lx->indent[lx->n_indent++] = w;
                lx->pending = 1;
            } else {
                while (w < lx->indent[lx->n_indent - 1]) {
                    lx->n_indent--;
                    lx->pending--;
                }
                if (w != lx->indent[lx->n_indent - 1]) {
                    mpf_cc_syntax_error(lx->c, true, lx->line, w + 1, "unindent does not match any outer indentation level");
                }
            }
        }
        if (lx->pending != 0) {
            mpf_lex_next(lx, t);
            return;
        }
    }
    // skip spaces, comments and line continuations
    while (true) {
        int ch = peekc(lx, 0);
        if (ch == ' ' || ch == '\t' || ch == '\f' || ch == '\r') {
            lx->pos++;
        } else if (ch == '#') {
            skip_comment(lx);
        } else if (ch == '\\' && (peekc(lx, 1) == '\n' || (peekc(lx, 1) == '\r' && peekc(lx, 2) == '\n'))) {
            lx->pos += peekc(lx, 1) == '\n' ? 2 : 3;
            newline(lx);
            if (peekc(lx, 0) < 0) {
                lx->unterminated = true;
                lex_error(lx, "unexpected EOF while parsing");
            }
        } else if (ch == '\n' && lx->paren > 0) {
            lx->pos++;
            newline(lx);
        } else {
            break;
        }
    }
    tok_at(lx, t, (uint32_t)(lx->pos - lx->line_start + 1));
    int ch = peekc(lx, 0);
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
                int p = c->src[start + i] | 0x20;
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
            if (ok && !(bytes && fstr)) {
                lex_string(lx, t, raw, bytes, fstr);
                return;
            }
        }
        t->kind = TK_NAME;
        t->s = c->src + start;
        t->len = n;
        int k = n <= 8 ? mpf_lex_find(kw_names, t->s, n) : -1;
        if (k >= 0) {
            t->kind = TK_KW;
            t->op = (uint8_t)k;
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
    // every operator of two or three characters has one of these second
    int nx = peekc(lx, 1);
    bool longer = nx > 0 && strchr("=*/<>.", nx) != NULL;
    const char *s = op_chars + (longer ? 0 : OP_3CHAR * 3 + (OP_2CHAR - OP_3CHAR) * 2);
    size_t i = longer ? 0 : OP_2CHAR;
    for (size_t n = longer ? 3 : 1; n > 0; n--) {
        for (size_t end = n == 3 ? OP_3CHAR : n == 2 ? OP_2CHAR : sizeof(op_codes); i < end; i++, s += n) {
            size_t k = 0;
            while (k < n && peekc(lx, k) == s[k]) {
                k++;
            }
            if (k == n) {
                lx->pos += n;
                t->kind = TK_OP;
                t->op = op_codes[i];
                // ( ) [ ] { } are the first six operators, each opening one before its closing one
                if (t->op <= OP_RBRACE) {
                    if (!(t->op & 1)) {
                        lx->paren++;
                    } else if (lx->paren > 0) {
                        lx->paren--;
                    }
                }
                return;
            }
        }
    }
    lex_error(lx, "invalid character in identifier");
}
