// mod_re.c -- the re module: a backtracking regular-expression engine and CPython's
// API over it (compile, match, search, fullmatch, sub, subn, split, findall, finditer,
// escape; Pattern and Match objects; re.error).
//
// Pipeline: the pattern is parsed into a tree of nodes (parse_*), the tree is emitted
// as a small program of 32-bit words (emit_*), and the program runs on a backtracking
// machine with an explicit stack in the GC heap (vm_run), so long subjects cost heap,
// not C stack. Supported: literals, ., classes [...] with ranges and \d \w \s, groups
// (capturing, (?:...), (?P<name>...), atomic (?>...)), backreferences \1 (?P=name),
// alternation, greedy, lazy and possessive * + ? {m,n}, anchors ^ $ \A \Z \b \B,
// lookahead (?=...) (?!...), flags I M S X (global (?imsx) and scoped (?i:...)),
// str patterns on code points and bytes patterns on bytes. Character classes and case
// folding are ASCII.
#include "mpf_int.h"

// ================================================================ program
// One instruction is an opcode word followed by its operands. Jump targets are
// relative to the instruction's own first word, so code can be copied ({m,n}).
enum {
    OP_MATCH,     //                       success (subject to the end/empty rules)
    OP_CHAR,      // c                     one code point (byte for bytes patterns) == c
    OP_CHARI,     // c                     same, ASCII case-insensitively (c is lower case)
    OP_ANY,       //                       any unit but '\n'
    OP_ANYNL,     //                       any unit
    OP_CLASS,     // nwords flags n lo hi  a class: n ranges; flags see CLS_*
    OP_BOL,       //                       start of the subject
    OP_MBOL,      //                       start of the subject or after '\n'
    OP_EOL,       //                       end, or before a final '\n'
    OP_MEOL,      //                       end, or before any '\n'
    OP_SEND,      //                       end of the subject (\Z)
    OP_WORDB,     //                       \b
    OP_NWORDB,    //                       \B
    OP_SPLIT,     // x y                   try pc+x, on failure pc+y
    OP_JMP,       // x                     pc += x
    OP_SAVE,      // n                     slot n = position
    OP_PSET,      // k                     register k = position (loop entry)
    OP_PCHECK,    // k x                   position == register k (an empty iteration):
                  //                       leave the loop, pc += x (as CPython does)
    OP_BACKREF,   // n icase               the text of group n again
    OP_LOOK,      // neg len               lookahead: sub-program of len words follows
    OP_ATOMIC,    // len                   atomic group: the sub-program's first match
                  //                       is kept, never backtracked into
    OP_RSIMPLE,   // min max greedy len u  a repeat of one single-unit instruction u
                  //                       (CHAR, CHARI, ANY, ANYNL, CLASS) of len words;
                  //                       max -1 = unbounded. One backtrack entry
                  //                       however many units it takes.
};

// Class flags (second operand of OP_CLASS).
#define CLS_NEGATE 0x01
#define CLS_ICASE 0x02
#define CLS_DIGIT 0x04
#define CLS_NDIGIT 0x08
#define CLS_WORD 0x10
#define CLS_NWORD 0x20
#define CLS_SPACE 0x40
#define CLS_NSPACE 0x80

// Pattern flags, CPython's values.
#define RE_I 2
#define RE_L 4
#define RE_M 8
#define RE_S 16
#define RE_U 32
#define RE_X 64
#define RE_A 256

// Nested repeats expand {m,n} by copying; this bounds the program size in words.
#define MAX_PROGRAM_WORDS 65536
// Capture groups at most (as CPython's practical limit is far beyond embedded use).
#define MAX_GROUPS 100
// Backtrack entries and slot words kept in the C frame of a search before it moves
// them to the heap (12-24 bytes per entry): enough for short subjects.
#define LOCAL_BT_ENTRIES 48
#define LOCAL_SLOTS 24

// ================================================================ errors
// The re.error class made on import (falls back to ValueError).
static const mpf_type_t *re_error_type(void) {
    mpf_obj_t mod = mpf_dict_get(mpf_state.modules, mpf_obj_new_qstr(MPF_QSTR_re));
    if (mod != MPF_OBJ_NULL && mpf_obj_is_type(mod, &mpf_type_module)) {
        mpf_obj_t e = mpf_dict_get(((const mpf_module_t *)mpf_obj_ptr(mod))->globals, mpf_obj_new_qstr(MPF_QSTR_error));
        if (e != MPF_OBJ_NULL && mpf_obj_is_type(e, &mpf_type_type)) {
            return mpf_obj_ptr(e);
        }
    }
    return &mpf_type_ValueError;
}

// Raise re.error("[msg] at position [pos]") (pos < 0: no position).
MPF_NORETURN static void re_error(const char *msg, mpf_int_t pos) {
    mpf_vstr_t vs;
    mpf_vstr_init(&vs, 64);
    mpf_print_t p;
    mpf_vstr_print(&vs, &p);
    if (pos >= 0) {
        mpf_printf(&p, "%s at position %d", msg, (int)pos);
    } else {
        mpf_print_str(&p, msg);
    }
    mpf_obj_t text = mpf_vstr_to_str(&vs);
    mpf_obj_t exc = mpf_exc_new(re_error_type(), 1, &text);
    mpf_exc_t *x = mpf_exc_native(exc);
    if (x != NULL) {
        mpf_map_lookup(&x->inst.members, mpf_obj_new_qstr(MPF_QSTR_msg), MPF_MAP_LOOKUP_ADD)->value = mpf_obj_new_str(msg, strlen(msg));
        mpf_map_lookup(&x->inst.members, mpf_obj_new_qstr(MPF_QSTR_pos), MPF_MAP_LOOKUP_ADD)->value =
            pos >= 0 ? mpf_obj_new_small_int(pos) : MPF_OBJ_NONE;
    }
    mpf_raise(exc);
}

// re_error with a printf-style message (the core's mpf_printf subset).
MPF_NORETURN static void re_errorf(mpf_int_t pos, const char *fmt, ...) {
    mpf_vstr_t vs;
    mpf_vstr_init(&vs, 64);
    mpf_print_t p;
    mpf_vstr_print(&vs, &p);
    va_list ap;
    va_start(ap, fmt);
    mpf_vprintf(&p, fmt, ap);
    va_end(ap);
    mpf_vstr_add_char(&vs, 0);
    re_error(vs.buf, pos);
}

// ================================================================ text helpers
// Decode the unit at s[*i] (a UTF-8 code point for str, a byte for bytes), advancing *i.
static uint32_t next_unit(const uint8_t *s, size_t end, size_t *i, bool is_bytes) {
    uint8_t c = s[(*i)++];
    if (is_bytes || c < 0x80) {
        return c;
    }
    int extra = c >= 0xf0 ? 3 : c >= 0xe0 ? 2 : c >= 0xc0 ? 1 : 0;
    uint32_t u = c & (0x3f >> extra);
    for (int k = 0; k < extra && *i < end && (s[*i] & 0xc0) == 0x80; k++) {
        u = (u << 6) | (s[(*i)++] & 0x3f);
    }
    return u;
}

// The unit just before position i (for \b and the like); i > 0.
static uint32_t prev_unit(const uint8_t *s, size_t i, bool is_bytes) {
    size_t j = i - 1;
    if (!is_bytes) {
        while (j > 0 && (s[j] & 0xc0) == 0x80) {
            j--;
        }
    }
    return next_unit(s, i, &j, is_bytes);
}

static uint32_t lower(uint32_t c) {
    return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

static uint32_t upper(uint32_t c) {
    return c >= 'a' && c <= 'z' ? c - 32 : c;
}

static bool is_digit(uint32_t c) {
    return c >= '0' && c <= '9';
}

// Word characters: ASCII alphanumerics and '_'; in str patterns every non-ASCII code
// point counts as a letter (close to CPython for text in any script).
static bool is_word(uint32_t c, bool is_bytes) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || is_digit(c) || c == '_' || (!is_bytes && c >= 0x80);
}

static bool is_space(uint32_t c) {
    return c == ' ' || (c >= '\t' && c <= '\r') || c == 0x1c || c == 0x1d || c == 0x1e || c == 0x1f || c == 0x85 || c == 0xa0;
}

// ================================================================ parser
enum {
    N_EMPTY, N_CHAR, N_ANY, N_CLASS, N_ASSERT, N_CAT, N_ALT, N_REPEAT, N_GROUP, N_BACKREF, N_LOOK, N_ATOMIC,
};

typedef struct node {
    uint8_t kind;
    uint8_t flag;        // CHAR/BACKREF: icase; ANY: dotall; REPEAT: greedy; LOOK: negative;
                         // EMPTY: not repeatable (a comment or flags)
    int32_t a, b;        // CHAR: code point; ASSERT: opcode; REPEAT: min, max (-1 = inf);
                         // GROUP/BACKREF: group number; CLASS: words in cls
    struct node *left, *right;  // CAT/ALT: the two sides; REPEAT/GROUP/LOOK/ATOMIC: the body
    int32_t *cls;        // CLASS: flags, n, then n (lo, hi) pairs
} node_t;

typedef struct parser {
    const uint8_t *s;
    size_t len;
    size_t i;
    uint32_t flags;      // flags in effect (I M S X)
    bool is_bytes;
    size_t n_groups;
    mpf_obj_t names;     // dict: name -> group number
    size_t n_regs;       // progress registers needed
} parser_t;

static node_t *new_node(uint8_t kind) {
    node_t *n = mpf_new(node_t);
    n->kind = kind;
    return n;
}

// What a comment or a global-flags group leaves: nothing, which cannot be repeated.
static node_t *unrepeatable_empty(void) {
    node_t *n = new_node(N_EMPTY);
    n->flag = 1;
    return n;
}

static node_t *cat(node_t *a, node_t *b) {
    if (a == NULL) {
        return b;
    }
    node_t *n = new_node(N_CAT);
    n->left = a;
    n->right = b;
    return n;
}

static bool at_end(const parser_t *p) {
    return p->i >= p->len;
}

// In verbose mode, skip whitespace and # comments.
static void skip_verbose(parser_t *p) {
    if (!(p->flags & RE_X)) {
        return;
    }
    while (!at_end(p)) {
        uint8_t c = p->s[p->i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
            p->i++;
        } else if (c == '#') {
            while (!at_end(p) && p->s[p->i] != '\n') {
                p->i++;
            }
        } else {
            break;
        }
    }
}

static node_t *parse_alt(parser_t *p);

// A decimal number at the cursor; -1 if there is none.
static mpf_int_t parse_number(parser_t *p) {
    if (at_end(p) || !is_digit(p->s[p->i])) {
        return -1;
    }
    mpf_int_t v = 0;
    while (!at_end(p) && is_digit(p->s[p->i])) {
        v = v * 10 + (p->s[p->i++] - '0');
        if (v > 0xffffff) {
            re_error("the repetition number is too large", (mpf_int_t)p->i);
        }
    }
    return v;
}

static int hexval(uint8_t c) {
    return is_digit(c) ? c - '0' : (c >= 'a' && c <= 'f') ? c - 'a' + 10 : (c >= 'A' && c <= 'F') ? c - 'A' + 10 : -1;
}

// [n] hex digits at the cursor as a code point.
static uint32_t parse_hex(parser_t *p, int n, size_t esc_pos) {
    uint32_t v = 0;
    for (int k = 0; k < n; k++) {
        int h = at_end(p) ? -1 : hexval(p->s[p->i]);
        if (h < 0) {
            re_error("incomplete escape", (mpf_int_t)esc_pos);
        }
        v = v * 16 + (uint32_t)h;
        p->i++;
    }
    return v;
}

// Class escapes usable inside and outside [...]: their CLS_* flag, or 0.
static int32_t class_escape_flag(uint8_t c) {
    switch (c) {
        case 'd': return CLS_DIGIT;
        case 'D': return CLS_NDIGIT;
        case 'w': return CLS_WORD;
        case 'W': return CLS_NWORD;
        case 's': return CLS_SPACE;
        case 'S': return CLS_NSPACE;
        default: return 0;
    }
}

// A literal escape (\n, \x41, \\, \.) after the backslash; sets *cp. Letters that
// are not known escapes are errors, as in CPython.
static void parse_literal_escape(parser_t *p, size_t esc_pos, uint32_t *cp) {
    uint8_t c = p->s[p->i++];
    switch (c) {
        case 'n': *cp = '\n'; return;
        case 't': *cp = '\t'; return;
        case 'r': *cp = '\r'; return;
        case 'f': *cp = '\f'; return;
        case 'v': *cp = '\v'; return;
        case 'a': *cp = 7; return;
        case '0': {
            uint32_t v = 0;
            for (int k = 0; k < 2 && !at_end(p) && p->s[p->i] >= '0' && p->s[p->i] <= '7'; k++) {
                v = v * 8 + (uint32_t)(p->s[p->i++] - '0');
            }
            *cp = v;
            return;
        }
        case 'x':
            *cp = parse_hex(p, 2, esc_pos);
            return;
        case 'u':
        case 'U':
            if (!p->is_bytes) {
                *cp = parse_hex(p, c == 'u' ? 4 : 8, esc_pos);
                return;
            }
            break;
        default:
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || is_digit(c))) {
                // any other character stands for itself (UTF-8 continuation handled by caller)
                p->i--;
                size_t j = p->i;
                *cp = next_unit(p->s, p->len, &j, p->is_bytes);
                p->i = j;
                return;
            }
            break;
    }
    mpf_vstr_t vs;
    mpf_vstr_init(&vs, 16);
    mpf_vstr_add_strn(&vs, "bad escape \\", 12);
    mpf_vstr_add_char(&vs, (char)c);
    mpf_vstr_add_char(&vs, 0);
    re_error(vs.buf, (mpf_int_t)esc_pos);
}

// A growable array of words for a class under construction.
typedef struct words {
    int32_t *w;
    size_t len, alloc;
} words_t;

static void words_add(words_t *v, int32_t x) {
    if (v->len == v->alloc) {
        v->w = mpf_gc_realloc(v->w, (v->alloc * 2 + 8) * sizeof(int32_t));
        v->alloc = v->alloc * 2 + 8;  // (once the block has the room)
    }
    v->w[v->len++] = x;
}

// [...] after the '['.
static node_t *parse_class(parser_t *p) {
    size_t start = p->i - 1;
    words_t w = {NULL, 0, 0};
    words_add(&w, 0);  // flags
    words_add(&w, 0);  // range count
    if (!at_end(p) && p->s[p->i] == '^') {
        w.w[0] |= CLS_NEGATE;
        p->i++;
    }
    if (p->flags & RE_I) {
        w.w[0] |= CLS_ICASE;
    }
    bool first = true;
    for (;;) {
        if (at_end(p)) {
            re_error("unterminated character set", (mpf_int_t)start);
        }
        uint8_t c = p->s[p->i];
        if (c == ']' && !first) {
            p->i++;
            break;
        }
        first = false;
        uint32_t lo;
        size_t item_pos = p->i;
        if (c == '\\') {
            p->i++;
            if (at_end(p)) {
                re_error("bad escape (end of pattern)", (mpf_int_t)item_pos);
            }
            int32_t f = class_escape_flag(p->s[p->i]);
            if (f) {
                w.w[0] |= f;
                p->i++;
                continue;
            }
            if (p->s[p->i] == 'b') {
                p->i++;
                lo = 8;
            } else {
                parse_literal_escape(p, item_pos, &lo);
            }
        } else {
            size_t j = p->i;
            lo = next_unit(p->s, p->len, &j, p->is_bytes);
            p->i = j;
        }
        uint32_t hi = lo;
        if (p->i + 1 < p->len && p->s[p->i] == '-' && p->s[p->i + 1] != ']') {
            p->i++;
            if (p->s[p->i] == '\\') {
                size_t esc = p->i++;
                if (at_end(p)) {
                    re_error("bad escape (end of pattern)", (mpf_int_t)esc);
                }
                if (class_escape_flag(p->s[p->i])) {
                    re_error("bad character range", (mpf_int_t)item_pos);
                }
                parse_literal_escape(p, esc, &hi);
            } else {
                size_t j = p->i;
                hi = next_unit(p->s, p->len, &j, p->is_bytes);
                p->i = j;
            }
            if (hi < lo) {
                re_error("bad character range", (mpf_int_t)item_pos);
            }
        }
        words_add(&w, (int32_t)lo);
        words_add(&w, (int32_t)hi);
        w.w[1]++;
    }
    node_t *n = new_node(N_CLASS);
    n->cls = w.w;
    n->a = (int32_t)w.len;
    return n;
}

static node_t *class_node(int32_t flags) {
    node_t *n = new_node(N_CLASS);
    n->cls = mpf_gc_alloc(2 * sizeof(int32_t), false);
    n->cls[0] = flags;
    n->cls[1] = 0;
    n->a = 2;
    return n;
}

static node_t *assert_node(int32_t op) {
    node_t *n = new_node(N_ASSERT);
    n->a = op;
    return n;
}

static node_t *char_node(const parser_t *p, uint32_t c) {
    node_t *n = new_node(N_CHAR);
    n->flag = (p->flags & RE_I) != 0;
    n->a = (int32_t)(n->flag ? lower(c) : c);
    return n;
}

// A group name (?P<name>... up to [term]; returns its qstr.
static mpf_obj_t parse_name(parser_t *p, uint8_t term) {
    size_t st = p->i;
    while (!at_end(p) && p->s[p->i] != term) {
        p->i++;
    }
    if (at_end(p)) {
        re_error("missing >, unterminated name", (mpf_int_t)st);
    }
    if (p->i == st) {
        re_error("missing group name", (mpf_int_t)st);
    }
    for (size_t k = st; k < p->i; k++) {
        uint8_t c = p->s[k];
        if (!(is_word(c, false) && !(k == st && is_digit(c)))) {
            re_error("bad character in group name", (mpf_int_t)st);
        }
    }
    mpf_obj_t name = mpf_obj_new_qstr(mpf_qstr_from_strn((const char *)p->s + st, p->i - st));
    p->i++;
    return name;
}

// Flag letters (imsxaLu) at the cursor; returns the flags they name.
static uint32_t parse_flag_letters(parser_t *p) {
    uint32_t f = 0;
    for (;;) {
        if (at_end(p)) {
            re_error("missing -, : or )", (mpf_int_t)p->i);
        }
        switch (p->s[p->i]) {
            case 'i': f |= RE_I; break;
            case 'm': f |= RE_M; break;
            case 's': f |= RE_S; break;
            case 'x': f |= RE_X; break;
            case 'a': f |= RE_A; break;
            case 'u': f |= RE_U; break;
            case 'L': f |= RE_L; break;
            default: return f;
        }
        p->i++;
    }
}

// '(' has been read: a group of some kind.
static node_t *parse_group(parser_t *p) {
    size_t open = p->i - 1;
    node_t *n;
    uint32_t saved_flags = p->flags;
    if (!at_end(p) && p->s[p->i] == '?') {
        p->i++;
        if (at_end(p)) {
            re_error("unexpected end of pattern", (mpf_int_t)p->i);
        }
        uint8_t c = p->s[p->i++];
        if (c == ':') {
            n = parse_alt(p);
        } else if (c == 'P' && !at_end(p) && p->s[p->i] == '<') {
            p->i++;
            size_t name_pos = p->i;
            mpf_obj_t name = parse_name(p, '>');
            mpf_obj_t prev = mpf_dict_get(p->names, name);
            if (prev != MPF_OBJ_NULL) {
                re_errorf((mpf_int_t)name_pos, "redefinition of group name %R as group %u; was group %u", name,
                    (unsigned)(p->n_groups + 1), (unsigned)mpf_obj_small_int_value(prev));
            }
            if (p->n_groups + 1 >= MAX_GROUPS) {
                re_error("too many groups", (mpf_int_t)open);
            }
            int32_t g = (int32_t)++p->n_groups;
            mpf_dict_store(p->names, name, mpf_obj_new_small_int(g));
            n = new_node(N_GROUP);
            n->a = g;
            n->left = parse_alt(p);
        } else if (c == 'P' && !at_end(p) && p->s[p->i] == '=') {
            p->i++;
            size_t name_pos = p->i;
            mpf_obj_t name = parse_name(p, ')');
            mpf_obj_t g = mpf_dict_get(p->names, name);
            if (g == MPF_OBJ_NULL) {
                re_errorf((mpf_int_t)name_pos, "unknown group name %R", name);
            }
            n = new_node(N_BACKREF);
            n->a = (int32_t)mpf_obj_small_int_value(g);
            n->flag = (p->flags & RE_I) != 0;
            return n;  // the ')' was consumed by parse_name
        } else if (c == '>') {
            n = new_node(N_ATOMIC);
            n->left = parse_alt(p);
        } else if (c == '=' || c == '!') {
            n = new_node(N_LOOK);
            n->flag = c == '!';
            n->left = parse_alt(p);
        } else if (c == '<') {
            re_error("look-behind is not supported", (mpf_int_t)open);
        } else if (c == '#') {
            while (!at_end(p) && p->s[p->i] != ')') {
                p->i++;
            }
            if (at_end(p)) {
                re_error("missing ), unterminated comment", (mpf_int_t)open);
            }
            p->i++;
            return unrepeatable_empty();
        } else {
            p->i--;
            uint32_t on = parse_flag_letters(p), off = 0;
            if (!at_end(p) && p->s[p->i] == '-') {
                p->i++;
                off = parse_flag_letters(p);
            }
            if (at_end(p)) {
                re_error("missing -, : or )", (mpf_int_t)p->i);
            }
            if (p->s[p->i] == ')') {
                // global flags: CPython only accepts them at the start
                if (open != 0 || off != 0) {
                    re_error("global flags not at the start of the expression", (mpf_int_t)open);
                }
                p->i++;
                p->flags |= on;
                return unrepeatable_empty();
            }
            if (p->s[p->i] != ':') {
                re_errorf((mpf_int_t)open + 1, "unknown extension ?%c", p->s[open + 2]);
            }
            p->i++;
            p->flags = (p->flags | on) & ~off;
            n = parse_alt(p);
            p->flags = saved_flags;
        }
    } else {
        if (p->n_groups + 1 >= MAX_GROUPS) {
            re_error("too many groups", (mpf_int_t)open);
        }
        n = new_node(N_GROUP);
        n->a = (int32_t)++p->n_groups;
        n->left = parse_alt(p);
    }
    if (at_end(p) || p->s[p->i] != ')') {
        re_error("missing ), unterminated subpattern", (mpf_int_t)open);
    }
    p->i++;
    return n;
}

// One atom, or NULL at '|', ')' or the end.
static node_t *parse_atom(parser_t *p) {
    skip_verbose(p);
    if (at_end(p)) {
        return NULL;
    }
    size_t pos = p->i;
    uint8_t c = p->s[p->i];
    switch (c) {
        case '|':
        case ')':
            return NULL;
        case '(':
            p->i++;
            return parse_group(p);
        case '[':
            p->i++;
            return parse_class(p);
        case '.': {
            p->i++;
            node_t *n = new_node(N_ANY);
            n->flag = (p->flags & RE_S) != 0;
            return n;
        }
        case '^':
            p->i++;
            return assert_node((p->flags & RE_M) ? OP_MBOL : OP_BOL);
        case '$':
            p->i++;
            return assert_node((p->flags & RE_M) ? OP_MEOL : OP_EOL);
        case '*':
        case '+':
        case '?':
            re_error("nothing to repeat", (mpf_int_t)pos);
        case '\\': {
            p->i++;
            if (at_end(p)) {
                re_error("bad escape (end of pattern)", (mpf_int_t)pos);
            }
            uint8_t e = p->s[p->i];
            int32_t f = class_escape_flag(e);
            if (f) {
                p->i++;
                return class_node(f | ((p->flags & RE_I) ? CLS_ICASE : 0));
            }
            switch (e) {
                case 'b':
                    p->i++;
                    return assert_node(OP_WORDB);
                case 'B':
                    p->i++;
                    return assert_node(OP_NWORDB);
                case 'A':
                    p->i++;
                    return assert_node(OP_BOL);
                case 'Z':
                    p->i++;
                    return assert_node(OP_SEND);
                default:
                    break;
            }
            if (e >= '1' && e <= '9') {
                mpf_int_t g = parse_number(p);
                if (g > (mpf_int_t)p->n_groups) {
                    re_errorf((mpf_int_t)pos + 1, "invalid group reference %d", (int)g);
                }
                node_t *n = new_node(N_BACKREF);
                n->a = (int32_t)g;
                n->flag = (p->flags & RE_I) != 0;
                return n;
            }
            uint32_t cp;
            parse_literal_escape(p, pos, &cp);
            return char_node(p, cp);
        }
        default: {
            size_t j = p->i;
            uint32_t cp = next_unit(p->s, p->len, &j, p->is_bytes);
            p->i = j;
            return char_node(p, cp);
        }
    }
}

// A quantifier at the cursor: sets *min, *max (-1 = unbounded); false if none.
static bool parse_quant(parser_t *p, mpf_int_t *min, mpf_int_t *max) {
    skip_verbose(p);
    if (at_end(p)) {
        return false;
    }
    uint8_t c = p->s[p->i];
    if (c == '*' || c == '+' || c == '?') {
        p->i++;
        *min = c == '+' ? 1 : 0;
        *max = c == '?' ? 1 : -1;
        return true;
    }
    if (c != '{') {
        return false;
    }
    size_t save = p->i;
    p->i++;
    mpf_int_t lo = parse_number(p), hi;
    if (!at_end(p) && p->s[p->i] == ',') {
        p->i++;
        hi = parse_number(p);
    } else {
        hi = lo;
        if (lo < 0) {
            p->i = save;
            return false;
        }
    }
    if (at_end(p) || p->s[p->i] != '}') {
        p->i = save;  // not a quantifier: '{' is a literal
        return false;
    }
    p->i++;
    *min = lo < 0 ? 0 : lo;
    *max = hi;
    if (hi >= 0 && hi < *min) {
        re_error("min repeat greater than max repeat", (mpf_int_t)save + 1);
    }
    return true;
}

static node_t *parse_concat(parser_t *p) {
    node_t *seq = NULL;
    for (;;) {
        node_t *a = parse_atom(p);
        if (a == NULL) {
            return seq != NULL ? seq : new_node(N_EMPTY);
        }
        mpf_int_t min, max;
        size_t qpos = p->i;
        if (parse_quant(p, &min, &max)) {
            if (a->kind == N_ASSERT || (a->kind == N_EMPTY && a->flag)) {
                re_error("nothing to repeat", (mpf_int_t)qpos);
            }
            node_t *r = new_node(N_REPEAT);
            r->left = a;
            r->a = (int32_t)min;
            r->b = (int32_t)max;
            r->flag = 1;
            a = r;
            if (!at_end(p) && p->s[p->i] == '?') {
                p->i++;
                r->flag = 0;
            } else if (!at_end(p) && p->s[p->i] == '+') {
                // possessive (3.11): an atomic group around the greedy repeat
                p->i++;
                a = new_node(N_ATOMIC);
                a->left = r;
            }
            skip_verbose(p);
            if (!at_end(p) && (p->s[p->i] == '*' || p->s[p->i] == '+' || p->s[p->i] == '?' ||
                                  (p->s[p->i] == '{' && parse_quant(p, &min, &max)))) {
                re_error("multiple repeat", (mpf_int_t)p->i);
            }
        }
        seq = cat(seq, a);
    }
}

static node_t *parse_alt(parser_t *p) {
    mpf_stack_check();  // groups nested without end
    node_t *left = parse_concat(p);
    while (!at_end(p) && p->s[p->i] == '|') {
        p->i++;
        node_t *n = new_node(N_ALT);
        n->left = left;
        n->right = parse_concat(p);
        left = n;
    }
    return left;
}

// ================================================================ code emission
typedef struct emitter {
    words_t code;
    size_t n_regs;
} emitter_t;

static void emit(emitter_t *e, int32_t w) {
    if (e->code.len >= MAX_PROGRAM_WORDS) {
        re_error("pattern too large", -1);
    }
    words_add(&e->code, w);
}

// Whether [n] can match the empty string (loops over such bodies need a progress check).
static bool nullable(const node_t *n) {
    mpf_stack_check();
    switch (n->kind) {
        case N_CHAR:
        case N_ANY:
        case N_CLASS:
            return false;
        case N_CAT:
            return nullable(n->left) && nullable(n->right);
        case N_ALT:
            return nullable(n->left) || nullable(n->right);
        case N_REPEAT:
            return n->a == 0 || nullable(n->left);
        case N_GROUP:
        case N_ATOMIC:
            return nullable(n->left);
        default:
            return true;
    }
}

static void emit_node(emitter_t *e, const node_t *n);

// Greedy or lazy loop over [body] (zero or more times).
static void emit_star(emitter_t *e, const node_t *body, bool greedy) {
    bool check = nullable(body);
    int32_t reg = check ? (int32_t)e->n_regs++ : 0;
    size_t split = e->code.len;
    emit(e, OP_SPLIT);
    emit(e, 0);
    emit(e, 0);
    if (check) {
        emit(e, OP_PSET);
        emit(e, reg);
    }
    emit_node(e, body);
    size_t pcheck = e->code.len;
    if (check) {
        emit(e, OP_PCHECK);
        emit(e, reg);
        emit(e, 0);
    }
    emit(e, OP_JMP);
    emit(e, (int32_t)split - (int32_t)e->code.len + 1);
    if (check) {
        e->code.w[pcheck + 2] = (int32_t)(e->code.len - pcheck);
    }
    int32_t body_off = 3, exit_off = (int32_t)(e->code.len - split);
    e->code.w[split + 1] = greedy ? body_off : exit_off;
    e->code.w[split + 2] = greedy ? exit_off : body_off;
}

static void emit_node(emitter_t *e, const node_t *n) {
    mpf_stack_check();
    switch (n->kind) {
        case N_EMPTY:
            break;
        case N_CHAR:
            emit(e, n->flag ? OP_CHARI : OP_CHAR);
            emit(e, n->a);
            break;
        case N_ANY:
            emit(e, n->flag ? OP_ANYNL : OP_ANY);
            break;
        case N_CLASS:
            emit(e, OP_CLASS);
            emit(e, n->a);
            for (int32_t k = 0; k < n->a; k++) {
                emit(e, n->cls[k]);
            }
            break;
        case N_ASSERT:
            emit(e, n->a);
            break;
        case N_CAT:
            emit_node(e, n->left);
            emit_node(e, n->right);
            break;
        case N_ALT: {
            // SPLIT L1 L2; L1: left; JMP end; L2: right; end:
            size_t split = e->code.len;
            emit(e, OP_SPLIT);
            emit(e, 3);
            emit(e, 0);
            emit_node(e, n->left);
            size_t jmp = e->code.len;
            emit(e, OP_JMP);
            emit(e, 0);
            e->code.w[split + 2] = (int32_t)(e->code.len - split);
            emit_node(e, n->right);
            e->code.w[jmp + 1] = (int32_t)(e->code.len - jmp);
            break;
        }
        case N_GROUP:
            emit(e, OP_SAVE);
            emit(e, 2 * n->a);
            emit_node(e, n->left);
            emit(e, OP_SAVE);
            emit(e, 2 * n->a + 1);
            break;
        case N_BACKREF:
            emit(e, OP_BACKREF);
            emit(e, n->a);
            emit(e, n->flag);
            break;
        case N_LOOK: {
            size_t look = e->code.len;
            emit(e, OP_LOOK);
            emit(e, n->flag);
            emit(e, 0);
            emit_node(e, n->left);
            emit(e, OP_MATCH);
            e->code.w[look + 2] = (int32_t)(e->code.len - look - 3);
            break;
        }
        case N_ATOMIC: {
            size_t at = e->code.len;
            emit(e, OP_ATOMIC);
            emit(e, 0);
            emit_node(e, n->left);
            emit(e, OP_MATCH);
            e->code.w[at + 1] = (int32_t)(e->code.len - at - 2);
            break;
        }
        case N_REPEAT: {
            bool greedy = n->flag != 0;
            const node_t *body = n->left;
            if (body->kind == N_CHAR || body->kind == N_ANY || body->kind == N_CLASS) {
                emit(e, OP_RSIMPLE);
                emit(e, n->a);
                emit(e, n->b);
                emit(e, greedy);
                size_t len_at = e->code.len;
                emit(e, 0);
                emit_node(e, body);
                e->code.w[len_at] = (int32_t)(e->code.len - len_at - 1);
                break;
            }
            for (int32_t k = 0; k < n->a; k++) {
                emit_node(e, n->left);
            }
            if (n->b < 0) {
                emit_star(e, n->left, greedy);
            } else {
                // (max - min) optional copies, each skipping to the end on failure
                size_t count = (size_t)(n->b - n->a);
                size_t *splits = count ? mpf_gc_alloc(count * sizeof(size_t), false) : NULL;
                for (size_t k = 0; k < count; k++) {
                    splits[k] = e->code.len;
                    emit(e, OP_SPLIT);
                    emit(e, 0);
                    emit(e, 0);
                    emit_node(e, n->left);
                }
                for (size_t k = 0; k < count; k++) {
                    int32_t exit_off = (int32_t)(e->code.len - splits[k]);
                    e->code.w[splits[k] + 1] = greedy ? 3 : exit_off;
                    e->code.w[splits[k] + 2] = greedy ? exit_off : 3;
                }
            }
            break;
        }
        default:
            break;
    }
}

// ================================================================ Pattern objects
typedef struct pattern {
    mpf_obj_base_t base;
    mpf_obj_t pattern;      // the source (str or bytes)
    mpf_obj_t groupindex;   // dict name -> number
    const int32_t *code;
    size_t code_len;
    size_t n_groups;
    size_t n_regs;
    mpf_int_t flags;
    bool is_bytes;
} pattern_t;

extern const mpf_type_t mpf_type_re_pattern, mpf_type_re_match;

static mpf_obj_t compile(mpf_obj_t pat, mpf_int_t flags) {
    if (mpf_obj_is_type(pat, &mpf_type_re_pattern)) {
        if (flags != 0) {
            mpf_raise_msg(&mpf_type_ValueError, "cannot process flags argument with a compiled pattern");
        }
        return pat;
    }
    parser_t p;
    p.is_bytes = !MPF_IS_STR(pat);
    if (p.is_bytes) {
        mpf_buffer_t b;
        if (!mpf_obj_is_type(pat, &mpf_type_bytes) || !mpf_obj_get_buffer(pat, &b, false)) {
            mpf_raise_msg(&mpf_type_TypeError, "first argument must be string or compiled pattern");
        }
        p.s = b.buf;
        p.len = b.len;
    } else {
        p.s = (const uint8_t *)mpf_obj_str_data(pat, &p.len);
        flags |= RE_U;
    }
    p.i = 0;
    p.flags = (uint32_t)flags;
    p.n_groups = 0;
    p.names = mpf_obj_new_dict(0);
    p.n_regs = 0;
    node_t *root = parse_alt(&p);
    if (!at_end(&p)) {
        re_error("unbalanced parenthesis", (mpf_int_t)p.i);
    }
    emitter_t e = {{NULL, 0, 0}, 0};
    emit(&e, OP_SAVE);
    emit(&e, 0);
    emit_node(&e, root);
    emit(&e, OP_SAVE);
    emit(&e, 1);
    emit(&e, OP_MATCH);
    pattern_t *po = mpf_new(pattern_t);
    po->base.type = &mpf_type_re_pattern;
    po->pattern = pat;
    po->groupindex = p.names;
    po->code = e.code.w;
    po->code_len = e.code.len;
    po->n_groups = p.n_groups;
    po->n_regs = e.n_regs;
    po->flags = (mpf_int_t)(flags | (p.flags & (RE_I | RE_M | RE_S | RE_X | RE_A | RE_L)));
    po->is_bytes = p.is_bytes;
    return mpf_obj_from_ptr(po);
}

// ================================================================ the machine
enum { BT_BRANCH, BT_SLOT, BT_REG, BT_GREEDY, BT_LAZY };

// 12 bytes whatever the word size: positions fit 31 bits (do_search checks).
typedef struct bt_entry {
    int32_t kind;
    int32_t idx;     // BRANCH, GREEDY, LAZY: pc; SLOT/REG: index
    int32_t val;     // BRANCH, GREEDY, LAZY: position; SLOT/REG: old value
} bt_entry_t;

typedef struct vm {
    const int32_t *code;
    const uint8_t *s;
    size_t end;             // the subject is s[0..end)
    bool is_bytes;
    intptr_t *slots;        // 2 per group, -1 = unset
    size_t n_slots;
    intptr_t *regs;
    bt_entry_t *stack;      // starts as [local] on the C stack, moves to the heap when full
    size_t sp, alloc;
    bt_entry_t *local;
    // MATCH rules for the top-level run
    bool full;              // fullmatch: the match must reach the end
    intptr_t no_empty_at;   // an empty match at this position is refused (-1: none)
} vm_t;

static void bt_push(vm_t *m, int32_t kind, int32_t idx, intptr_t val) {
    // GREEDY / LAZY entries carry a repeat count in the entry below them
    if (m->sp == m->alloc) {
        size_t na = m->alloc * 2 + 64;
        if (m->stack == m->local) {
            bt_entry_t *heap = mpf_gc_alloc(na * sizeof(bt_entry_t), false);
            memcpy(heap, m->local, m->sp * sizeof(bt_entry_t));
            m->stack = heap;
        } else {
            m->stack = mpf_gc_realloc(m->stack, na * sizeof(bt_entry_t));
        }
        m->alloc = na;
    }
    m->stack[m->sp].kind = kind;
    m->stack[m->sp].idx = idx;
    m->stack[m->sp].val = (int32_t)val;
    m->sp++;
}

// Push a simple-repeat backtrack point: [count] units taken so far, at [pos].
static void bt_push_repeat(vm_t *m, int32_t kind, size_t pc, size_t pos, int32_t count) {
    bt_push(m, BT_REG, -1, count);  // the count, in an entry undo ignores (idx -1)
    bt_push(m, kind, (int32_t)pc, (intptr_t)pos);
}

static bool class_match(const int32_t *cls, uint32_t c, bool is_bytes) {
    int32_t flags = cls[0], n = cls[1];
    bool icase = (flags & CLS_ICASE) != 0;
    bool in = false;
    for (int32_t k = 0; k < n && !in; k++) {
        uint32_t lo = (uint32_t)cls[2 + 2 * k], hi = (uint32_t)cls[3 + 2 * k];
        in = (c >= lo && c <= hi) || (icase && ((lower(c) >= lo && lower(c) <= hi) || (upper(c) >= lo && upper(c) <= hi)));
    }
    if (!in && flags & (CLS_DIGIT | CLS_NDIGIT | CLS_WORD | CLS_NWORD | CLS_SPACE | CLS_NSPACE)) {
        in = ((flags & CLS_DIGIT) && is_digit(c)) || ((flags & CLS_NDIGIT) && !is_digit(c)) ||
             ((flags & CLS_WORD) && is_word(c, is_bytes)) || ((flags & CLS_NWORD) && !is_word(c, is_bytes)) ||
             ((flags & CLS_SPACE) && is_space(c)) || ((flags & CLS_NSPACE) && !is_space(c));
    }
    return in != ((flags & CLS_NEGATE) != 0);
}

static bool at_word_boundary(const vm_t *m, size_t pos) {
    bool before = pos > 0 && is_word(prev_unit(m->s, pos, m->is_bytes), m->is_bytes);
    size_t j = pos;
    bool after = pos < m->end && is_word(next_unit(m->s, m->end, &j, m->is_bytes), m->is_bytes);
    return before != after;
}

// Match the single-unit instruction at [ins] (CHAR, CHARI, ANY, ANYNL, CLASS) at
// *pos, advancing *pos past the unit; false if it does not match.
static bool match_unit(const vm_t *m, const int32_t *ins, size_t *pos) {
    if (*pos >= m->end) {
        return false;
    }
    size_t j = *pos;
    uint32_t c = next_unit(m->s, m->end, &j, m->is_bytes);
    bool ok;
    switch (ins[0]) {
        case OP_CHAR:
            ok = c == (uint32_t)ins[1];
            break;
        case OP_CHARI:
            ok = lower(c) == (uint32_t)ins[1];
            break;
        case OP_ANY:
            ok = c != '\n';
            break;
        case OP_ANYNL:
            ok = true;
            break;
        default:
            ok = class_match(ins + 2, c, m->is_bytes);
            break;
    }
    *pos = j;
    return ok;
}

// The start of the unit that ends at [pos] (> 0).
static size_t unit_back(const vm_t *m, size_t pos) {
    pos--;
    if (!m->is_bytes) {
        while (pos > 0 && (m->s[pos] & 0xc0) == 0x80) {
            pos--;
        }
    }
    return pos;
}

// Run the program from [pc] at subject position [pos]. [top]: MATCH applies the
// fullmatch / no-empty rules (a lookahead's sub-program accepts any MATCH). Returns
// the end position of the match, or -1.
static intptr_t vm_run(vm_t *m, size_t pc, size_t pos, bool top) {
    size_t base = m->sp;
    size_t start = pos;
    const int32_t *code = m->code;
    for (;;) {
        bool ok = true;
        switch (code[pc]) {
            case OP_MATCH:
                if (top && ((m->full && pos != m->end) || ((intptr_t)start == m->no_empty_at && pos == start))) {
                    ok = false;
                    break;
                }
                m->sp = base;
                return (intptr_t)pos;
            case OP_CHAR:
            case OP_CHARI:
                ok = match_unit(m, code + pc, &pos);
                pc += 2;
                break;
            case OP_ANY:
            case OP_ANYNL:
                ok = match_unit(m, code + pc, &pos);
                pc += 1;
                break;
            case OP_CLASS:
                ok = match_unit(m, code + pc, &pos);
                pc += 2 + (size_t)code[pc + 1];
                break;
            case OP_RSIMPLE: {
                int32_t min = code[pc + 1], max = code[pc + 2];
                const int32_t *unit = code + pc + 5;
                int32_t n = 0;
                size_t p = pos;
                // the units every path takes
                while (n < min && match_unit(m, unit, &p)) {
                    n++;
                }
                if (n < min) {
                    ok = false;
                    break;
                }
                if (code[pc + 3]) {
                    // greedy: as many as possible, then give back one at a time
                    size_t q = p;
                    while ((max < 0 || n < max) && match_unit(m, unit, &q)) {
                        n++;
                        p = q;
                    }
                    if (n > min) {
                        bt_push_repeat(m, BT_GREEDY, pc, p, n);
                    }
                } else if (max < 0 || n < max) {
                    bt_push_repeat(m, BT_LAZY, pc, p, n);
                }
                pos = p;
                pc += 5 + (size_t)code[pc + 4];
                break;
            }
            case OP_BOL:
                ok = pos == 0;
                pc++;
                break;
            case OP_MBOL:
                ok = pos == 0 || m->s[pos - 1] == '\n';
                pc++;
                break;
            case OP_EOL:
                ok = pos == m->end || (pos + 1 == m->end && m->s[pos] == '\n');
                pc++;
                break;
            case OP_MEOL:
                ok = pos == m->end || m->s[pos] == '\n';
                pc++;
                break;
            case OP_SEND:
                ok = pos == m->end;
                pc++;
                break;
            case OP_WORDB:
            case OP_NWORDB:
                ok = at_word_boundary(m, pos) == (code[pc] == OP_WORDB);
                pc++;
                break;
            case OP_SPLIT:
                bt_push(m, BT_BRANCH, (int32_t)(pc + (size_t)code[pc + 2]), (intptr_t)pos);
                pc += (size_t)code[pc + 1];
                break;
            case OP_JMP:
                pc = (size_t)((intptr_t)pc + code[pc + 1]);
                break;
            case OP_SAVE: {
                int32_t n = code[pc + 1];
                bt_push(m, BT_SLOT, n, m->slots[n]);
                m->slots[n] = (intptr_t)pos;
                pc += 2;
                break;
            }
            case OP_PSET: {
                int32_t k = code[pc + 1];
                bt_push(m, BT_REG, k, m->regs[k]);
                m->regs[k] = (intptr_t)pos;
                pc += 2;
                break;
            }
            case OP_PCHECK:
                pc += m->regs[code[pc + 1]] == (intptr_t)pos ? (size_t)code[pc + 2] : 3;
                break;
            case OP_BACKREF: {
                int32_t g = code[pc + 1];
                intptr_t gs = m->slots[2 * g], ge = m->slots[2 * g + 1];
                if (gs < 0 || ge < 0) {
                    ok = false;
                    break;
                }
                size_t n = (size_t)(ge - gs);
                if (m->end - pos < n) {
                    ok = false;
                    break;
                }
                for (size_t k = 0; k < n && ok; k++) {
                    uint8_t a = m->s[(size_t)gs + k], b = m->s[pos + k];
                    ok = a == b || (code[pc + 2] && lower(a) == lower(b));
                }
                pos += n;
                pc += 3;
                break;
            }
            case OP_LOOK: {
                bool neg = code[pc + 1] != 0;
                size_t len = (size_t)code[pc + 2];
                intptr_t *saved = mpf_gc_alloc(m->n_slots * sizeof(intptr_t), false);
                memcpy(saved, m->slots, m->n_slots * sizeof(intptr_t));
                mpf_stack_check();
                intptr_t r = vm_run(m, pc + 3, pos, false);
                if (r >= 0 && !neg) {
                    // keep the captures made inside, undoably
                    for (size_t k = 0; k < m->n_slots; k++) {
                        if (m->slots[k] != saved[k]) {
                            bt_push(m, BT_SLOT, (int32_t)k, saved[k]);
                        }
                    }
                } else {
                    memcpy(m->slots, saved, m->n_slots * sizeof(intptr_t));
                }
                mpf_gc_free(saved);
                ok = (r >= 0) != neg;
                pc += 3 + len;
                break;
            }
            case OP_ATOMIC: {
                size_t len = (size_t)code[pc + 1];
                intptr_t *saved = mpf_gc_alloc(m->n_slots * sizeof(intptr_t), false);
                memcpy(saved, m->slots, m->n_slots * sizeof(intptr_t));
                mpf_stack_check();
                intptr_t r = vm_run(m, pc + 2, pos, false);
                if (r >= 0) {
                    for (size_t k = 0; k < m->n_slots; k++) {
                        if (m->slots[k] != saved[k]) {
                            bt_push(m, BT_SLOT, (int32_t)k, saved[k]);
                        }
                    }
                    pos = (size_t)r;
                } else {
                    memcpy(m->slots, saved, m->n_slots * sizeof(intptr_t));
                }
                mpf_gc_free(saved);
                ok = r >= 0;
                pc += 2 + len;
                break;
            }
            default:
                ok = false;
                break;
        }
        if (ok) {
            continue;
        }
        // backtrack: undo until a branch point
        for (;;) {
            if (m->sp == base) {
                return -1;
            }
            bt_entry_t *t = &m->stack[--m->sp];
            if (t->kind == BT_SLOT) {
                m->slots[t->idx] = t->val;
            } else if (t->kind == BT_REG) {
                if (t->idx >= 0) {
                    m->regs[t->idx] = t->val;
                }
            } else if (t->kind == BT_BRANCH) {
                pc = (size_t)t->idx;
                pos = (size_t)t->val;
                break;
            } else {
                // a simple repeat: one unit fewer (greedy) or one more (lazy)
                size_t rpc = (size_t)t->idx;
                size_t p = (size_t)t->val;
                int32_t n = m->stack[--m->sp].val;
                int32_t min = code[rpc + 1], max = code[rpc + 2];
                if (t->kind == BT_GREEDY) {
                    p = unit_back(m, p);
                    n--;
                    if (n > min) {
                        bt_push_repeat(m, BT_GREEDY, rpc, p, n);
                    }
                } else {
                    if (!match_unit(m, code + rpc + 5, &p)) {
                        continue;
                    }
                    n++;
                    if (max < 0 || n < max) {
                        bt_push_repeat(m, BT_LAZY, rpc, p, n);
                    }
                }
                pc = rpc + 5 + (size_t)code[rpc + 4];
                pos = p;
                break;
            }
        }
    }
}

// ================================================================ searching
// The subject's bytes and kind; TypeError if it does not suit the pattern.
static const uint8_t *subject_of(const pattern_t *pat, mpf_obj_t string, size_t *len) {
    if (pat->is_bytes) {
        mpf_buffer_t b;
        if (MPF_IS_STR_HOT(string) || !mpf_obj_get_buffer(string, &b, false)) {
            mpf_raise_msg(&mpf_type_TypeError, "cannot use a bytes pattern on a string-like object");
        }
        *len = b.len;
        return b.buf;
    }
    if (!MPF_IS_STR_HOT(string)) {
        mpf_raise_msg(&mpf_type_TypeError, "cannot use a string pattern on a bytes-like object");
    }
    return (const uint8_t *)mpf_obj_str_data(string, len);
}

// Byte offset of character index [ci] of a str subject (clamped to the length).
static size_t char_to_byte(const pattern_t *pat, const uint8_t *s, size_t len, mpf_int_t ci) {
    if (ci <= 0) {
        return 0;
    }
    if (pat->is_bytes) {
        return (size_t)ci > len ? len : (size_t)ci;
    }
    size_t i = 0;
    for (mpf_int_t k = 0; k < ci && i < len; k++) {
        next_unit(s, len, &i, false);
    }
    return i;
}

static size_t byte_to_char(const pattern_t *pat, const uint8_t *s, size_t off) {
    return pat->is_bytes ? off : mpf_utf8_charlen(s, off);
}

typedef struct match {
    mpf_obj_base_t base;
    mpf_obj_t pattern;
    mpf_obj_t string;
    mpf_int_t pos, endpos;     // as given (characters)
    size_t n_slots;
    intptr_t slots[];          // byte offsets, -1 = unset
} match_t;

// Search (or match at exactly [start] when [anchored]) between byte offsets
// [start, end); returns a Match object or None.
static mpf_obj_t do_search(mpf_obj_t pat_obj, mpf_obj_t string, size_t start, size_t end, bool anchored, bool full,
    intptr_t no_empty_at, mpf_int_t pos_arg, mpf_int_t endpos_arg) {
    const pattern_t *pat = mpf_obj_ptr(pat_obj);
    size_t len;
    const uint8_t *s = subject_of(pat, string, &len);
    if (len > (size_t)INT32_MAX) {
        mpf_raise_msg(&mpf_type_OverflowError, "string too long for re");
    }
    vm_t m;
    // small searches allocate nothing: slots, registers and the first backtrack
    // entries live in this frame
    bt_entry_t local_stack[LOCAL_BT_ENTRIES];
    intptr_t local_slots[LOCAL_SLOTS];
    m.code = pat->code;
    m.s = s;
    m.end = end;
    m.is_bytes = pat->is_bytes;
    m.n_slots = 2 * (pat->n_groups + 1);
    size_t n_words = m.n_slots + pat->n_regs + 1;
    m.slots = n_words <= LOCAL_SLOTS ? local_slots : mpf_gc_alloc(n_words * sizeof(intptr_t), false);
    m.regs = m.slots + m.n_slots;
    m.local = local_stack;
    m.stack = local_stack;
    m.sp = 0;
    m.alloc = LOCAL_BT_ENTRIES;
    m.full = full;
    m.no_empty_at = no_empty_at;
    // a literal first unit lets the search skip ahead with memchr
    int32_t first = -1;
    if (pat->code[2] == OP_CHAR && (pat->is_bytes || pat->code[3] < 0x80)) {
        first = pat->code[3];
    }
    size_t at = start;
    for (;;) {
        if (!anchored && first >= 0) {
            const uint8_t *hit = at < end ? memchr(s + at, first, end - at) : NULL;
            if (hit == NULL) {
                break;
            }
            at = (size_t)(hit - s);
        }
        for (size_t k = 0; k < m.n_slots; k++) {
            m.slots[k] = -1;
        }
        for (size_t k = 0; k < pat->n_regs; k++) {
            m.regs[k] = -1;
        }
        if (vm_run(&m, 0, at, true) >= 0) {
            match_t *mo = mpf_gc_alloc(sizeof(match_t) + m.n_slots * sizeof(intptr_t), false);
            mo->base.type = &mpf_type_re_match;
            mo->pattern = pat_obj;
            mo->string = string;
            mo->pos = pos_arg;
            mo->endpos = endpos_arg;
            mo->n_slots = m.n_slots;
            memcpy(mo->slots, m.slots, m.n_slots * sizeof(intptr_t));
            return mpf_obj_from_ptr(mo);
        }
        if (anchored || at >= end) {
            break;
        }
        next_unit(s, end, &at, pat->is_bytes);  // advance one character
    }
    return MPF_OBJ_NONE;
}

// The (pattern, string, pos, endpos) of a Pattern method call, as byte offsets (po, eo:
// the arguments, MPF_OBJ_NULL when absent).
static void span_args(mpf_obj_t pat_obj, mpf_obj_t string, mpf_obj_t po, mpf_obj_t eo, size_t *start, size_t *end, mpf_int_t *pos,
    mpf_int_t *endpos) {
    const pattern_t *pat = mpf_obj_ptr(pat_obj);
    size_t len;
    const uint8_t *s = subject_of(pat, string, &len);
    size_t n_chars = byte_to_char(pat, s, len);
    *pos = po != MPF_OBJ_NULL ? mpf_obj_get_int(po) : 0;
    *endpos = eo != MPF_OBJ_NULL ? mpf_obj_get_int(eo) : (mpf_int_t)n_chars;
    if (*pos < 0) {
        *pos = 0;
    }
    if (*endpos > (mpf_int_t)n_chars) {
        *endpos = (mpf_int_t)n_chars;
    }
    if (*endpos < *pos) {
        *endpos = *pos;  // an empty window: still searchable for empty matches
    }
    *start = char_to_byte(pat, s, len, *pos);
    *end = char_to_byte(pat, s, len, *endpos);
}

// ================================================================ Match objects
static const uint8_t *match_subject(const match_t *mo, size_t *len) {
    return subject_of(mpf_obj_ptr(mo->pattern), mo->string, len);
}

// Group number of [g] (an int or a group name); IndexError if there is none.
static size_t group_index(const match_t *mo, mpf_obj_t g) {
    const pattern_t *pat = mpf_obj_ptr(mo->pattern);
    mpf_int_t i;
    if (mpf_obj_is_int(g) && mpf_obj_get_int_maybe(g, &i)) {
        if (i >= 0 && (size_t)i <= pat->n_groups) {
            return (size_t)i;
        }
    } else if (MPF_IS_STR_HOT(g)) {
        mpf_obj_t n = mpf_dict_get(pat->groupindex, g);
        if (n != MPF_OBJ_NULL) {
            return (size_t)mpf_obj_small_int_value(n);
        }
    }
    mpf_raise_msg(&mpf_type_IndexError, "no such group");
}

static mpf_obj_t group_text(const match_t *mo, size_t g, mpf_obj_t dflt) {
    intptr_t s = mo->slots[2 * g], e = mo->slots[2 * g + 1];
    if (s < 0 || e < 0) {
        return dflt;
    }
    size_t len;
    const uint8_t *subj = match_subject(mo, &len);
    const pattern_t *pat = mpf_obj_ptr(mo->pattern);
    if (pat->is_bytes) {
        return mpf_obj_new_bytes(subj + s, (size_t)(e - s));
    }
    return mpf_obj_new_str_qstr_maybe((const char *)subj + s, (size_t)(e - s));
}

// Start or end of group [g] in characters; -1 if it did not take part.
static mpf_int_t group_pos(const match_t *mo, size_t g, bool end) {
    intptr_t off = mo->slots[2 * g + (end ? 1 : 0)];
    if (mo->slots[2 * g] < 0 || mo->slots[2 * g + 1] < 0) {
        return -1;
    }
    size_t len;
    const uint8_t *s = match_subject(mo, &len);
    return (mpf_int_t)byte_to_char(mpf_obj_ptr(mo->pattern), s, (size_t)off);
}

static mpf_obj_t match_group(size_t n_args, const mpf_obj_t *args) {
    const match_t *mo = mpf_obj_ptr(args[0]);
    if (n_args == 1) {
        return group_text(mo, 0, MPF_OBJ_NONE);
    }
    if (n_args == 2) {
        return group_text(mo, group_index(mo, args[1]), MPF_OBJ_NONE);
    }
    mpf_obj_t t = mpf_obj_new_tuple(n_args - 1, NULL);
    mpf_tuple_t *tu = mpf_obj_ptr(t);
    for (size_t i = 1; i < n_args; i++) {
        tu->items[i - 1] = group_text(mo, group_index(mo, args[i]), MPF_OBJ_NONE);
    }
    return t;
}

static mpf_obj_t default_arg(size_t n_args, size_t n_kw, const mpf_obj_t *args, mpf_qstr_t name) {
    static const mpf_qstr_t kws[] = {MPF_QSTR_default};
    mpf_obj_t d;
    mpf_arg_parse(n_args, n_kw, args, MPF_ARG_FUN(name, 1), 1, 1, kws, &d);
    return d != MPF_OBJ_NULL ? d : MPF_OBJ_NONE;
}

static mpf_obj_t match_groups(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    const match_t *mo = mpf_obj_ptr(args[0]);
    mpf_obj_t dflt = default_arg(n_args, n_kw, args, MPF_QSTR_groups);
    size_t n = mo->n_slots / 2 - 1;
    mpf_obj_t t = mpf_obj_new_tuple(n, NULL);
    mpf_tuple_t *tu = mpf_obj_ptr(t);
    for (size_t g = 1; g <= n; g++) {
        tu->items[g - 1] = group_text(mo, g, dflt);
    }
    return t;
}

static mpf_obj_t match_groupdict(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    const match_t *mo = mpf_obj_ptr(args[0]);
    const pattern_t *pat = mpf_obj_ptr(mo->pattern);
    mpf_obj_t dflt = default_arg(n_args, n_kw, args, MPF_QSTR_groupdict);
    mpf_obj_t d = mpf_obj_new_dict(0);
    mpf_map_t *names = mpf_dict_map(pat->groupindex);
    for (size_t i = 0; i < names->used; i++) {
        if (names->elems[i].key != MPF_OBJ_NULL) {
            size_t g = (size_t)mpf_obj_small_int_value(names->elems[i].value);
            mpf_dict_store(d, names->elems[i].key, group_text(mo, g, dflt));
        }
    }
    return d;
}

static size_t group_arg(const match_t *mo, size_t n_args, const mpf_obj_t *args) {
    return n_args > 1 ? group_index(mo, args[1]) : 0;
}

static mpf_obj_t match_start(size_t n_args, const mpf_obj_t *args) {
    const match_t *mo = mpf_obj_ptr(args[0]);
    return mpf_obj_new_int(group_pos(mo, group_arg(mo, n_args, args), false));
}

static mpf_obj_t match_end(size_t n_args, const mpf_obj_t *args) {
    const match_t *mo = mpf_obj_ptr(args[0]);
    return mpf_obj_new_int(group_pos(mo, group_arg(mo, n_args, args), true));
}

static mpf_obj_t span_of(const match_t *mo, size_t g) {
    mpf_obj_t t[2] = {mpf_obj_new_int(group_pos(mo, g, false)), mpf_obj_new_int(group_pos(mo, g, true))};
    return mpf_obj_new_tuple(2, t);
}

static mpf_obj_t match_span(size_t n_args, const mpf_obj_t *args) {
    const match_t *mo = mpf_obj_ptr(args[0]);
    return span_of(mo, group_arg(mo, n_args, args));
}

static mpf_obj_t expand_template(mpf_obj_t pat_obj, const match_t *mo, mpf_obj_t repl);

static mpf_obj_t match_expand(mpf_obj_t self, mpf_obj_t tmpl) {
    const match_t *mo = mpf_obj_ptr(self);
    return expand_template(mo->pattern, mo, tmpl);
}

static void match_print(const mpf_print_t *p, mpf_obj_t self, mpf_print_kind_t kind) {
    (void)kind;
    const match_t *mo = mpf_obj_ptr(self);
    mpf_printf(p, "<re.Match object; span=(%d, %d), match=%R>", (int)group_pos(mo, 0, false), (int)group_pos(mo, 0, true),
        group_text(mo, 0, MPF_OBJ_NONE));
}

static mpf_obj_t match_subscr(mpf_obj_t self, mpf_obj_t index, mpf_obj_t value) {
    if (value != MPF_OBJ_SENTINEL) {
        return MPF_OBJ_NULL;
    }
    const match_t *mo = mpf_obj_ptr(self);
    return group_text(mo, group_index(mo, index), MPF_OBJ_NONE);
}

static void match_attr(mpf_obj_t self, mpf_qstr_t attr, mpf_obj_t *dest) {
    if (dest[0] != MPF_OBJ_NULL) {
        return;
    }
    const match_t *mo = mpf_obj_ptr(self);
    const pattern_t *pat = mpf_obj_ptr(mo->pattern);
    if (attr == MPF_QSTR_string) {
        dest[0] = mo->string;
    } else if (attr == MPF_QSTR_re) {
        dest[0] = mo->pattern;
    } else if (attr == MPF_QSTR_pos) {
        dest[0] = mpf_obj_new_int(mo->pos);
    } else if (attr == MPF_QSTR_endpos) {
        dest[0] = mpf_obj_new_int(mo->endpos);
    } else if (attr == MPF_QSTR_lastindex || attr == MPF_QSTR_lastgroup) {
        // the group that closed last: the one with the greatest end, outermost on ties
        size_t best = 0;
        intptr_t best_end = -1;
        for (size_t g = 1; g <= pat->n_groups; g++) {
            if (mo->slots[2 * g] >= 0 && mo->slots[2 * g + 1] > best_end) {
                best = g;
                best_end = mo->slots[2 * g + 1];
            }
        }
        dest[0] = MPF_OBJ_NONE;
        if (best > 0 && attr == MPF_QSTR_lastindex) {
            dest[0] = mpf_obj_new_small_int((mpf_int_t)best);
        } else if (best > 0) {
            mpf_map_t *names = mpf_dict_map(pat->groupindex);
            for (size_t i = 0; i < names->used; i++) {
                if (names->elems[i].key != MPF_OBJ_NULL && (size_t)mpf_obj_small_int_value(names->elems[i].value) == best) {
                    dest[0] = names->elems[i].key;
                }
            }
        }
    } else if (attr == MPF_QSTR_regs) {
        size_t n = mo->n_slots / 2;
        mpf_obj_t t = mpf_obj_new_tuple(n, NULL);
        mpf_tuple_t *tu = mpf_obj_ptr(t);
        for (size_t g = 0; g < n; g++) {
            tu->items[g] = span_of(mo, g);
        }
        dest[0] = t;
    }
}

static const mpf_rom_map_elem_t match_locals_table[] = {
    MPF_ROM_FUN_VAR(MPF_QSTR_group, 1, 255, match_group),
    MPF_ROM_FUN_KW(MPF_QSTR_groups, 1, match_groups),
    MPF_ROM_FUN_KW(MPF_QSTR_groupdict, 1, match_groupdict),
    MPF_ROM_FUN_VAR(MPF_QSTR_start, 1, 2, match_start),
    MPF_ROM_FUN_VAR(MPF_QSTR_end, 1, 2, match_end),
    MPF_ROM_FUN_VAR(MPF_QSTR_span, 1, 2, match_span),
    MPF_ROM_FUN_2(MPF_QSTR_expand, match_expand),
};
MPF_ROM_MAP(match_locals, match_locals_table);

const mpf_type_t mpf_type_re_match = MPF_TYPE(MPF_QSTR_Match, 0,
    (print, match_print),
    (attr, match_attr),
    (subscr, match_subscr),
    (locals, &match_locals));

// ================================================================ substitution
// Expand a replacement template for match [mo]: \1 \g<1> \g<name> and the escapes
// \n \t \r \f \v \a \\; unknown letter escapes are errors.
static mpf_obj_t expand_template(mpf_obj_t pat_obj, const match_t *mo, mpf_obj_t repl) {
    const pattern_t *pat = mpf_obj_ptr(pat_obj);
    size_t len;
    const char *t;
    if (pat->is_bytes) {
        mpf_buffer_t b;
        if (MPF_IS_STR(repl) || !mpf_obj_get_buffer(repl, &b, false)) {
            mpf_raise_fmt(&mpf_type_TypeError, "expected a bytes-like object, %T found", repl);
        }
        t = b.buf;
        len = b.len;
    } else {
        if (!MPF_IS_STR(repl)) {
            mpf_raise_fmt(&mpf_type_TypeError, "expected str instance, %T found", repl);
        }
        t = mpf_obj_str_data(repl, &len);
    }
    mpf_vstr_t out;
    mpf_vstr_init(&out, len + 16);
    for (size_t i = 0; i < len; i++) {
        char c = t[i];
        if (c != '\\') {
            mpf_vstr_add_char(&out, c);
            continue;
        }
        if (i + 1 >= len) {
            re_error("bad escape (end of pattern)", (mpf_int_t)i);
        }
        char e = t[++i];
        mpf_int_t g = -1;
        if (e >= '0' && e <= '9') {
            g = e - '0';
            if (i + 1 < len && t[i + 1] >= '0' && t[i + 1] <= '9') {
                g = g * 10 + (t[++i] - '0');
            }
            if (g == 0) {
                mpf_vstr_add_char(&out, 0);  // \0 is the NUL character
                continue;
            }
        } else if (e == 'g') {
            if (i + 1 >= len || t[i + 1] != '<') {
                re_error("missing <", (mpf_int_t)i + 1);
            }
            size_t st = i + 2, k = st;
            while (k < len && t[k] != '>') {
                k++;
            }
            if (k >= len) {
                re_error("missing >, unterminated name", (mpf_int_t)st);
            }
            bool numeric = k > st;
            for (size_t q = st; q < k; q++) {
                numeric = numeric && t[q] >= '0' && t[q] <= '9';
            }
            if (numeric) {
                g = 0;
                for (size_t q = st; q < k; q++) {
                    g = g * 10 + (t[q] - '0');
                }
            } else {
                mpf_obj_t name = mpf_obj_new_str(t + st, k - st);
                mpf_obj_t n = mpf_dict_get(pat->groupindex, name);
                if (n == MPF_OBJ_NULL) {
                    mpf_raise_fmt(&mpf_type_IndexError, "unknown group name '%O'", name);
                }
                g = mpf_obj_small_int_value(n);
            }
            i = k;
        } else {
            char lit;
            switch (e) {
                case 'n': lit = '\n'; break;
                case 't': lit = '\t'; break;
                case 'r': lit = '\r'; break;
                case 'f': lit = '\f'; break;
                case 'v': lit = '\v'; break;
                case 'a': lit = 7; break;
                case '\\': lit = '\\'; break;
                default:
                    if ((e >= 'a' && e <= 'z') || (e >= 'A' && e <= 'Z')) {
                        char msg[16] = "bad escape \\?";
                        msg[12] = e;
                        re_error(msg, (mpf_int_t)i - 1);
                    }
                    mpf_vstr_add_char(&out, '\\');
                    lit = e;
                    break;
            }
            mpf_vstr_add_char(&out, lit);
            continue;
        }
        if (g < 0 || (size_t)g > pat->n_groups) {
            re_error("invalid group reference", (mpf_int_t)i);
        }
        intptr_t s = mo->slots[2 * g], en = mo->slots[2 * g + 1];
        if (s >= 0 && en >= 0) {
            size_t sl;
            const uint8_t *subj = match_subject(mo, &sl);
            mpf_vstr_add_strn(&out, (const char *)subj + s, (size_t)(en - s));
        }
    }
    return pat->is_bytes ? mpf_vstr_to_bytes(&out) : mpf_vstr_to_str(&out);
}

// ================================================================ iteration over matches
// State for successive non-overlapping matches (findall, finditer, sub, split): after
// an empty match the next one may not be empty at the same position.
typedef struct scanner {
    mpf_obj_base_t base;
    mpf_obj_t pattern, string;
    size_t pos, end;            // byte offsets
    intptr_t no_empty_at;
    mpf_int_t pos_arg, endpos_arg;
    bool done;
} scanner_t;

static mpf_obj_t scanner_next_match(scanner_t *sc) {
    if (sc->done || sc->pos > sc->end) {
        sc->done = true;
        return MPF_OBJ_NONE;
    }
    mpf_obj_t m = do_search(sc->pattern, sc->string, sc->pos, sc->end, false, false, sc->no_empty_at, sc->pos_arg, sc->endpos_arg);
    if (m == MPF_OBJ_NONE) {
        sc->done = true;
        return m;
    }
    const match_t *mo = mpf_obj_ptr(m);
    sc->pos = (size_t)mo->slots[1];
    // after an empty match, the next may not be empty at the same place
    sc->no_empty_at = mo->slots[0] == mo->slots[1] ? mo->slots[1] : -1;
    return m;
}

static void scanner_init(scanner_t *sc, mpf_obj_t pat, mpf_obj_t string) {
    size_t len;
    const uint8_t *s = subject_of(mpf_obj_ptr(pat), string, &len);
    sc->pattern = pat;
    sc->string = string;
    sc->pos = 0;
    sc->end = len;
    sc->no_empty_at = -1;
    sc->pos_arg = 0;
    sc->endpos_arg = (mpf_int_t)byte_to_char(mpf_obj_ptr(pat), s, len);
    sc->done = false;
}

static mpf_obj_t scanner_iternext(mpf_obj_t self) {
    mpf_obj_t m = scanner_next_match(mpf_obj_ptr(self));
    return m == MPF_OBJ_NONE ? MPF_OBJ_STOP : m;
}

static const mpf_type_t scanner_type = MPF_TYPE(MPF_QSTR_callable_iterator, 0,
    (getiter, mpf_iter_self),
    (iternext, scanner_iternext));

// ================================================================ Pattern methods
// Shared entry of match / search / fullmatch: (self, string, pos=0, endpos=len).
static mpf_obj_t pattern_find(size_t n_args, size_t n_kw, const mpf_obj_t *args, bool anchored, bool full) {
    static const mpf_qstr_t kws[] = {MPF_QSTR_string, MPF_QSTR_pos, MPF_QSTR_endpos};
    mpf_obj_t a[3];
    mpf_qstr_t name = full ? MPF_QSTR_fullmatch : anchored ? MPF_QSTR_match : MPF_QSTR_search;
    mpf_arg_parse(n_args, n_kw, args, MPF_ARG_FUN(name, 1), 3, 3, kws, a);
    mpf_arg_required(name, kws, a, 1);
    size_t start, end;
    mpf_int_t pos, endpos;
    span_args(args[0], a[0], a[1], a[2], &start, &end, &pos, &endpos);
    return do_search(args[0], a[0], start, end, anchored, full, -1, pos, endpos);
}

static mpf_obj_t pattern_match(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    return pattern_find(n_args, n_kw, args, true, false);
}

static mpf_obj_t pattern_search(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    return pattern_find(n_args, n_kw, args, false, false);
}

static mpf_obj_t pattern_fullmatch(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    return pattern_find(n_args, n_kw, args, true, true);
}

static mpf_obj_t pattern_finditer(mpf_obj_t self, mpf_obj_t string) {
    scanner_t *sc = mpf_new(scanner_t);
    sc->base.type = &scanner_type;
    scanner_init(sc, self, string);
    return mpf_obj_from_ptr(sc);
}

static mpf_obj_t pattern_findall(mpf_obj_t self, mpf_obj_t string) {
    scanner_t sc;
    scanner_init(&sc, self, string);
    const pattern_t *pat = mpf_obj_ptr(self);
    mpf_obj_t empty = pat->is_bytes ? mpf_obj_new_bytes(NULL, 0) : mpf_obj_new_qstr(MPF_QSTRE_);
    mpf_obj_t list = mpf_obj_new_list(0, NULL);
    mpf_obj_t m;
    while ((m = scanner_next_match(&sc)) != MPF_OBJ_NONE) {
        const match_t *mo = mpf_obj_ptr(m);
        if (pat->n_groups == 0) {
            mpf_list_append(list, group_text(mo, 0, empty));
        } else if (pat->n_groups == 1) {
            mpf_list_append(list, group_text(mo, 1, empty));
        } else {
            mpf_obj_t t = mpf_obj_new_tuple(pat->n_groups, NULL);
            mpf_tuple_t *tu = mpf_obj_ptr(t);
            for (size_t g = 1; g <= pat->n_groups; g++) {
                tu->items[g - 1] = group_text(mo, g, empty);
            }
            mpf_list_append(list, t);
        }
    }
    return list;
}

static mpf_obj_t slice_of(const pattern_t *pat, const uint8_t *s, size_t a, size_t b) {
    if (pat->is_bytes) {
        return mpf_obj_new_bytes(s + a, b - a);
    }
    return mpf_obj_new_str_qstr_maybe((const char *)s + a, b - a);
}

// split(string, maxsplit=0)
static mpf_obj_t pattern_split(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    static const mpf_qstr_t kws[] = {MPF_QSTR_string, MPF_QSTR_maxsplit};
    mpf_obj_t a[2];
    mpf_arg_parse(n_args, n_kw, args, MPF_ARG_FUN(MPF_QSTR_split, 1), 2, 2, kws, a);
    mpf_arg_required(MPF_QSTR_split, kws, a, 1);
    mpf_obj_t ms = a[1];
    mpf_int_t maxsplit = ms != MPF_OBJ_NULL ? mpf_obj_get_int(ms) : 0;
    const pattern_t *pat = mpf_obj_ptr(args[0]);
    size_t len;
    const uint8_t *s = subject_of(pat, a[0], &len);
    scanner_t sc;
    scanner_init(&sc, args[0], a[0]);
    mpf_obj_t list = mpf_obj_new_list(0, NULL);
    size_t last = 0;
    mpf_int_t n = 0;
    mpf_obj_t m;
    while ((maxsplit <= 0 || n < maxsplit) && (m = scanner_next_match(&sc)) != MPF_OBJ_NONE) {
        const match_t *mo = mpf_obj_ptr(m);
        mpf_list_append(list, slice_of(pat, s, last, (size_t)mo->slots[0]));
        for (size_t g = 1; g <= pat->n_groups; g++) {
            mpf_list_append(list, group_text(mo, g, MPF_OBJ_NONE));
        }
        last = (size_t)mo->slots[1];
        n++;
    }
    mpf_list_append(list, slice_of(pat, s, last, len));
    return list;
}

// sub / subn (self, repl, string, count=0): the new string and the number of changes.
static mpf_obj_t pattern_subn_impl(size_t n_args, size_t n_kw, const mpf_obj_t *args, mpf_int_t *n_subs) {
    if (n_args < 3) {
        mpf_raise_msg(&mpf_type_TypeError, "missing required argument 'string'");
    }
    static const mpf_qstr_t kws[] = {MPF_QSTR_repl, MPF_QSTR_string, MPF_QSTR_count};
    mpf_obj_t a[3];
    mpf_arg_parse(n_args, n_kw, args, MPF_ARG_FUN(MPF_QSTR_sub, 1), 3, 3, kws, a);
    mpf_obj_t co = a[2];
    mpf_int_t count = co != MPF_OBJ_NULL ? mpf_obj_get_int(co) : 0;
    const pattern_t *pat = mpf_obj_ptr(args[0]);
    mpf_obj_t repl = args[1];
    size_t len;
    const uint8_t *s = subject_of(pat, args[2], &len);
    bool callable = !MPF_IS_STR(repl) && !mpf_obj_is_type(repl, &mpf_type_bytes) && mpf_obj_is_callable(repl);
    scanner_t sc;
    scanner_init(&sc, args[0], args[2]);
    mpf_vstr_t out;
    mpf_vstr_init(&out, len + 16);
    size_t last = 0;
    mpf_int_t n = 0;
    mpf_obj_t m;
    while ((count <= 0 || n < count) && (m = scanner_next_match(&sc)) != MPF_OBJ_NONE) {
        const match_t *mo = mpf_obj_ptr(m);
        mpf_vstr_add_strn(&out, (const char *)s + last, (size_t)mo->slots[0] - last);
        mpf_obj_t r = callable ? mpf_call1(repl, m) : expand_template(args[0], mo, repl);
        if (pat->is_bytes ? MPF_IS_STR_HOT(r) : !MPF_IS_STR_HOT(r)) {
            mpf_raise_fmt(&mpf_type_TypeError, "expected %s instance, %T found", pat->is_bytes ? "a bytes-like object" : "str", r);
        }
        size_t rl;
        const char *rd = mpf_obj_str_data(r, &rl);
        mpf_vstr_add_strn(&out, rd, rl);
        last = (size_t)mo->slots[1];
        n++;
        s = subject_of(pat, args[2], &len);  // the callback cannot move it, but stay safe
    }
    mpf_vstr_add_strn(&out, (const char *)s + last, len - last);
    *n_subs = n;
    return pat->is_bytes ? mpf_vstr_to_bytes(&out) : mpf_vstr_to_str(&out);
}

static mpf_obj_t pattern_sub(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    mpf_int_t n;
    return pattern_subn_impl(n_args, n_kw, args, &n);
}

static mpf_obj_t pattern_subn(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    mpf_int_t n;
    mpf_obj_t t[2];
    t[0] = pattern_subn_impl(n_args, n_kw, args, &n);
    t[1] = mpf_obj_new_small_int(n);
    return mpf_obj_new_tuple(2, t);
}

// repr: re.compile('pattern'[, re.FLAG|...]) with CPython's flag names.
static void pattern_print(const mpf_print_t *p, mpf_obj_t self, mpf_print_kind_t kind) {
    (void)kind;
    const pattern_t *pat = mpf_obj_ptr(self);
    mpf_printf(p, "re.compile(%R", pat->pattern);
    static const struct {
        mpf_int_t flag;
        const char *name;
    } names[] = {
        {RE_I, "re.IGNORECASE"}, {RE_L, "re.LOCALE"}, {RE_M, "re.MULTILINE"}, {RE_S, "re.DOTALL"},
        {RE_X, "re.VERBOSE"}, {RE_A, "re.ASCII"},
    };
    bool first = true;
    for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
        if (pat->flags & names[i].flag) {
            mpf_print_str(p, first ? ", " : "|");
            mpf_print_str(p, names[i].name);
            first = false;
        }
    }
    mpf_print_str(p, ")");
}

static void pattern_attr(mpf_obj_t self, mpf_qstr_t attr, mpf_obj_t *dest) {
    if (dest[0] != MPF_OBJ_NULL) {
        return;
    }
    const pattern_t *pat = mpf_obj_ptr(self);
    if (attr == MPF_QSTR_pattern) {
        dest[0] = pat->pattern;
    } else if (attr == MPF_QSTR_flags) {
        dest[0] = mpf_obj_new_small_int(pat->flags);
    } else if (attr == MPF_QSTR_groups) {
        dest[0] = mpf_obj_new_small_int((mpf_int_t)pat->n_groups);
    } else if (attr == MPF_QSTR_groupindex) {
        mpf_obj_t d = mpf_obj_new_dict(0);
        mpf_map_t *m = mpf_dict_map(pat->groupindex);
        for (size_t i = 0; i < m->used; i++) {
            if (m->elems[i].key != MPF_OBJ_NULL) {
                mpf_dict_store(d, m->elems[i].key, m->elems[i].value);
            }
        }
        dest[0] = d;
    }
}

static mpf_obj_t pattern_binary_op(int op, mpf_obj_t lhs, mpf_obj_t rhs) {
    if (op == MPF_BINARY_OP_EQUAL && mpf_obj_is_type(rhs, &mpf_type_re_pattern)) {
        const pattern_t *a = mpf_obj_ptr(lhs), *b = mpf_obj_ptr(rhs);
        return mpf_obj_bool(a->flags == b->flags && mpf_obj_equal(a->pattern, b->pattern));
    }
    return MPF_OBJ_NULL;
}

static const mpf_rom_map_elem_t pattern_locals_table[] = {
    MPF_ROM_FUN_KW(MPF_QSTR_match, 2, pattern_match),
    MPF_ROM_FUN_KW(MPF_QSTR_search, 2, pattern_search),
    MPF_ROM_FUN_KW(MPF_QSTR_fullmatch, 2, pattern_fullmatch),
    MPF_ROM_FUN_2(MPF_QSTR_findall, pattern_findall),
    MPF_ROM_FUN_2(MPF_QSTR_finditer, pattern_finditer),
    MPF_ROM_FUN_KW(MPF_QSTR_split, 2, pattern_split),
    MPF_ROM_FUN_KW(MPF_QSTR_sub, 3, pattern_sub),
    MPF_ROM_FUN_KW(MPF_QSTR_subn, 3, pattern_subn),
};
MPF_ROM_MAP(pattern_locals, pattern_locals_table);

const mpf_type_t mpf_type_re_pattern = MPF_TYPE(MPF_QSTR_Pattern, 0,
    (print, pattern_print),
    (binary_op, pattern_binary_op),
    (attr, pattern_attr),
    (locals, &pattern_locals));

// ================================================================ module functions
// re.f(pattern, <args of Pattern.f>, flags=0): compile, then call the method with the
// pattern object in place of the pattern. [n_fixed] positional args precede flags.
static mpf_obj_t call_with_compiled(size_t n_args, size_t n_kw, const mpf_obj_t *args, size_t n_fixed,
    mpf_obj_t (*method)(size_t, size_t, const mpf_obj_t *)) {
    if (n_args < n_fixed) {
        mpf_raise_fmt(&mpf_type_TypeError, "function missing required argument (%u needed)", (unsigned)n_fixed);
    }
    mpf_obj_t fl = n_args > n_fixed ? args[n_fixed] : MPF_OBJ_NULL;
    if (fl == MPF_OBJ_NULL) {
        fl = mpf_arg_kw(n_args, n_kw, args, MPF_QSTR_flags);
    }
    mpf_obj_t pat = compile(args[0], fl != MPF_OBJ_NULL ? mpf_obj_get_int(fl) : 0);
    // args for the method: the pattern, the fixed args, and the keywords but flags
    mpf_obj_t *a = mpf_gc_alloc((n_fixed + 2 * n_kw + 1) * sizeof(mpf_obj_t), false);
    a[0] = pat;
    for (size_t i = 1; i < n_fixed; i++) {
        a[i] = args[i];
    }
    size_t nk = 0;
    for (size_t k = 0; k < n_kw; k++) {
        if (args[n_args + 2 * k] != mpf_obj_new_qstr(MPF_QSTR_flags)) {
            a[n_fixed + 2 * nk] = args[n_args + 2 * k];
            a[n_fixed + 2 * nk + 1] = args[n_args + 2 * k + 1];
            nk++;
        }
    }
    return method(n_fixed, nk, a);
}

static mpf_obj_t re_compile(size_t n_args, const mpf_obj_t *args) {
    return compile(args[0], n_args > 1 ? mpf_obj_get_int(args[1]) : 0);
}

static mpf_obj_t re_match(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    return call_with_compiled(n_args, n_kw, args, 2, pattern_match);
}

static mpf_obj_t re_search(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    return call_with_compiled(n_args, n_kw, args, 2, pattern_search);
}

static mpf_obj_t re_fullmatch(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    return call_with_compiled(n_args, n_kw, args, 2, pattern_fullmatch);
}

static mpf_obj_t findall_kw(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)n_args;
    (void)n_kw;
    return pattern_findall(args[0], args[1]);
}

static mpf_obj_t re_findall(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    return call_with_compiled(n_args, n_kw, args, 2, findall_kw);
}

static mpf_obj_t finditer_kw(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)n_args;
    (void)n_kw;
    return pattern_finditer(args[0], args[1]);
}

static mpf_obj_t re_finditer(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    return call_with_compiled(n_args, n_kw, args, 2, finditer_kw);
}

// re.split(pattern, string, maxsplit=0, flags=0)
static mpf_obj_t re_split(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    if (n_args > 2) {
        // maxsplit given by position: move it to a keyword so flags can follow it
        mpf_obj_t *a = mpf_gc_alloc((n_args + 2 * n_kw + 2) * sizeof(mpf_obj_t), false);
        a[0] = args[0];
        a[1] = args[1];
        size_t np = 2;
        if (n_args > 3) {
            a[np++] = args[3];
        }
        memcpy(a + np, args + n_args, 2 * n_kw * sizeof(mpf_obj_t));
        a[np + 2 * n_kw] = mpf_obj_new_qstr(MPF_QSTR_maxsplit);
        a[np + 2 * n_kw + 1] = args[2];
        return call_with_compiled(np, n_kw + 1, a, 2, pattern_split);
    }
    return call_with_compiled(n_args, n_kw, args, 2, pattern_split);
}

// re.sub / re.subn(pattern, repl, string, count=0, flags=0)
static mpf_obj_t sub_common(size_t n_args, size_t n_kw, const mpf_obj_t *args,
    mpf_obj_t (*method)(size_t, size_t, const mpf_obj_t *)) {
    if (n_args > 3) {
        mpf_obj_t *a = mpf_gc_alloc((n_args + 2 * n_kw + 2) * sizeof(mpf_obj_t), false);
        memcpy(a, args, 3 * sizeof(mpf_obj_t));
        size_t np = 3;
        if (n_args > 4) {
            a[np++] = args[4];
        }
        memcpy(a + np, args + n_args, 2 * n_kw * sizeof(mpf_obj_t));
        a[np + 2 * n_kw] = mpf_obj_new_qstr(MPF_QSTR_count);
        a[np + 2 * n_kw + 1] = args[3];
        return call_with_compiled(np, n_kw + 1, a, 3, method);
    }
    return call_with_compiled(n_args, n_kw, args, 3, method);
}

static mpf_obj_t re_sub(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    return sub_common(n_args, n_kw, args, pattern_sub);
}

static mpf_obj_t re_subn(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    return sub_common(n_args, n_kw, args, pattern_subn);
}

// escape(pattern): a backslash before each character special in patterns.
static mpf_obj_t re_escape(mpf_obj_t pattern) {
    static const char special[] = "()[]{}?*+-|^$\\.&~# \t\n\r\v\f";
    bool is_bytes = !MPF_IS_STR(pattern);
    size_t len;
    const char *s;
    if (is_bytes) {
        mpf_buffer_t b;
        if (!mpf_obj_get_buffer(pattern, &b, false)) {
            mpf_raise_fmt(&mpf_type_TypeError, "expected str or bytes, not %T", pattern);
        }
        s = b.buf;
        len = b.len;
    } else {
        s = mpf_obj_str_data(pattern, &len);
    }
    mpf_vstr_t out;
    mpf_vstr_init(&out, len * 2 + 1);
    for (size_t i = 0; i < len; i++) {
        if (s[i] != 0 && strchr(special, s[i]) != NULL) {
            mpf_vstr_add_char(&out, '\\');
        }
        mpf_vstr_add_char(&out, s[i]);
    }
    return is_bytes ? mpf_vstr_to_bytes(&out) : mpf_vstr_to_str(&out);
}

static mpf_obj_t re_purge(void) {
    return MPF_OBJ_NONE;  // nothing is cached
}

static const mpf_rom_map_elem_t re_members_table[] = {
    MPF_ROM_FUN_VAR(MPF_QSTR_compile, 1, 2, re_compile),
    MPF_ROM_FUN_KW(MPF_QSTR_match, 2, re_match),
    MPF_ROM_FUN_KW(MPF_QSTR_search, 2, re_search),
    MPF_ROM_FUN_KW(MPF_QSTR_fullmatch, 2, re_fullmatch),
    MPF_ROM_FUN_KW(MPF_QSTR_findall, 2, re_findall),
    MPF_ROM_FUN_KW(MPF_QSTR_finditer, 2, re_finditer),
    MPF_ROM_FUN_KW(MPF_QSTR_split, 2, re_split),
    MPF_ROM_FUN_KW(MPF_QSTR_sub, 3, re_sub),
    MPF_ROM_FUN_KW(MPF_QSTR_subn, 3, re_subn),
    MPF_ROM_FUN_1(MPF_QSTR_escape, re_escape),
    MPF_ROM_FUN_0(MPF_QSTR_purge, re_purge),
    {MPF_ROM_QSTR(MPF_QSTR_Pattern), MPF_ROM_PTR(&mpf_type_re_pattern)},
    {MPF_ROM_QSTR(MPF_QSTR_Match), MPF_ROM_PTR(&mpf_type_re_match)},
    {MPF_ROM_QSTR(MPF_QSTR_I), MPF_ROM_INT(RE_I)},
    {MPF_ROM_QSTR(MPF_QSTR_IGNORECASE), MPF_ROM_INT(RE_I)},
    {MPF_ROM_QSTR(MPF_QSTR_L), MPF_ROM_INT(RE_L)},
    {MPF_ROM_QSTR(MPF_QSTR_LOCALE), MPF_ROM_INT(RE_L)},
    {MPF_ROM_QSTR(MPF_QSTR_M), MPF_ROM_INT(RE_M)},
    {MPF_ROM_QSTR(MPF_QSTR_MULTILINE), MPF_ROM_INT(RE_M)},
    {MPF_ROM_QSTR(MPF_QSTR_S), MPF_ROM_INT(RE_S)},
    {MPF_ROM_QSTR(MPF_QSTR_DOTALL), MPF_ROM_INT(RE_S)},
    {MPF_ROM_QSTR(MPF_QSTR_U), MPF_ROM_INT(RE_U)},
    {MPF_ROM_QSTR(MPF_QSTR_UNICODE), MPF_ROM_INT(RE_U)},
    {MPF_ROM_QSTR(MPF_QSTR_X), MPF_ROM_INT(RE_X)},
    {MPF_ROM_QSTR(MPF_QSTR_VERBOSE), MPF_ROM_INT(RE_X)},
    {MPF_ROM_QSTR(MPF_QSTR_A), MPF_ROM_INT(RE_A)},
    {MPF_ROM_QSTR(MPF_QSTR_ASCII), MPF_ROM_INT(RE_A)},
};
MPF_ROM_MAP(re_members, re_members_table);

// re.error: a subclass of Exception made on import (with msg and pos attributes).
static void re_init(mpf_obj_t mod) {
    mpf_obj_t g = ((mpf_module_t *)mpf_obj_ptr(mod))->globals;
    mpf_obj_t base = mpf_obj_from_ptr(&mpf_type_Exception);
    mpf_obj_t dict = mpf_obj_new_dict(1);
    mpf_dict_store(dict, mpf_obj_new_qstr(MPF_QSTR___module__), mpf_obj_new_qstr(MPF_QSTR_re));
    mpf_dict_store(g, mpf_obj_new_qstr(MPF_QSTR_error), mpf_make_class(MPF_QSTR_error, mpf_obj_new_tuple(1, &base), dict));
}

const mpf_builtin_module_t mpf_module_re = {MPF_QSTR_re, &re_members, re_init};
MPF_REGISTER_MODULE(MPF_QSTR_re, mpf_module_re);
