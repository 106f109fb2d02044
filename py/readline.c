// readline.c -- the REPL's line editor (CONFIG_REPL): one line of input on a VT100-style
// terminal with cursor keys, Home/End, Backspace/Delete and a history that survives soft
// resets. It only prints through the console (mpf_print_stdout) and reads it through
// mpf_readline_getc(), so every port gets the same editor.
#include <string.h>

#include "mpf.h"
#include "port.h"
#include "repl.h"

// jump tables, loop optimisations, code hoisting, inlining of functions called once and
// forward propagation grow this file's code on Cortex-M4 (1,117 -> 1,077 B)
#if MPF_REPL_SIZE_TUNED  // (repl.h)
#pragma GCC optimize("no-jump-tables", "no-tree-loop-optimize", "no-code-hoisting", "no-inline-functions-called-once", "no-tree-forwprop")
#endif

#define CHAR_BS 0x08
#define CHAR_TAB 0x09
#define CHAR_LF 0x0A
#define CHAR_CR 0x0D
#define CHAR_ESC 0x1B
#define CHAR_DEL 0x7F
#define CHAR_CTRL_K 0x0B
#define CHAR_CTRL_N 0x0E
#define CHAR_CTRL_P 0x10
#define CHAR_CTRL_U 0x15
// Spaces a Tab inserts (the REPL's indent step).
#define TAB_WIDTH 4

// ---------------------------------------------------------------- history
// Newest first, each line NUL-terminated, the rest of the buffer zero. A static array:
// no heap, and it outlives a soft reset (the heap does not).
#if CONFIG_REPL_HISTORY_SIZE > 0
static char history[CONFIG_REPL_HISTORY_SIZE];

// Entry [k] (0 = newest) or NULL when there are fewer entries.
static const char *history_get(size_t k) {
    size_t pos = 0;
    while (pos < sizeof(history) && history[pos] != '\0') {
        if (k-- == 0) {
            return &history[pos];
        }
        pos += strlen(&history[pos]) + 1;
    }
    return NULL;
}

void mpf_readline_history_add(const char *line, size_t len) {
    // (too long, or the newest entry again; a NUL in the line, which the editor does not
    // take, would only cut the entry in two)
    if (len >= sizeof(history) || (memcmp(history, line, len) == 0 && history[len] == '\0')) {
        return;
    }
    memmove(&history[len + 1], history, sizeof(history) - (len + 1));
    memcpy(history, line, len);
    history[len] = '\0';
    // The oldest entry may now be cut short at the end (no NUL there): drop it whole.
    for (size_t k = sizeof(history) - 1; history[k] != '\0'; k--) {
        history[k] = '\0';
    }
}
#else
static const char *history_get(size_t k) {
    (void)k;
    return NULL;
}

void mpf_readline_history_add(const char *line, size_t len) {
    (void)line;
    (void)len;
}
#endif

// ---------------------------------------------------------------- console input
int mpf_readline_getc(void) {
    mpf_nlr_t nlr;
    mpf_nlr_push(&nlr);
    if (setjmp(nlr.jb) == 0) {
        int c = mpf_port_stdin_read();
        mpf_nlr_pop(&nlr);
        return c;
    }
    // the port raised KeyboardInterrupt for a Ctrl-C it did not buffer
    if (mpf_exc_match(nlr.exc, &mpf_type_KeyboardInterrupt)) {
        return MPF_CHAR_CTRL_C;
    }
    mpf_nlr_raise(nlr.exc);
}

// A CR just ended a line: a LF right after it belongs to the same Enter (CRLF terminals,
// pasted text) and is skipped. Static: it spans calls (those of mpf_readline_getc_line).
static bool after_cr;

int mpf_readline_getc_line(void) {
    int c;
    bool skip_lf;
    do {
        skip_lf = after_cr;
        c = mpf_readline_getc();
        after_cr = c == CHAR_CR;
    } while (c == CHAR_LF && skip_lf);
    return after_cr ? CHAR_LF : c;
}

// ---------------------------------------------------------------- the editor
static void out(const char *s, size_t n) {
    mpf_print_strn(&mpf_print_stdout, s, n);
}

// Move the terminal's cursor [n] columns left (VT100 CUB).
static void cursor_left(size_t n) {
    if (n > 0) {
        mpf_printf(&mpf_print_stdout, "\x1b[%uD", (unsigned)n);
    }
}

// Redraw [line] from [from] to its end, erase what was beyond it, and leave the cursor at
// [cursor] (>= from).
static void redraw_from(const mpf_vstr_t *line, size_t from, size_t cursor) {
    out(line->buf + from, line->len - from);
    out("\x1b[K", 3);
    cursor_left(line->len - cursor);
}

// Replace [del] bytes of [line] at [at] (<= the cursor [*cursor]) by the [n] bytes of [s] and
// show it: the cursor ends after them. Typing at the end is just echoed.
static void splice(mpf_vstr_t *line, size_t *cursor, size_t at, size_t del, const char *s, size_t n) {
    size_t len = line->len;
    cursor_left(*cursor - at);
    if (n > del) {
        mpf_vstr_extend(line, n - del);
    }
    memmove(line->buf + at + n, line->buf + at + del, len - at - del);
    memcpy(line->buf + at, s, n);
    line->len = len - del + n;
    *cursor = at + n;
    if (del == 0 && at == len && n > 0) {
        out(s, n);
    } else {
        redraw_from(line, at, at + n);
    }
}

// What a key does. UP..END in the order of the final bytes of their escape sequences.
enum {
    K_NONE, K_UP, K_DOWN, K_RIGHT, K_LEFT, K_HOME, K_END, K_DELETE, K_BACKSPACE, K_TAB, K_KILL,
    K_CLEAR, K_ENTER, K_INTR, K_ESC, K_CHAR,
    // on an empty line, the key is returned to the caller (Ctrl-A/B/D/E: the REPL's commands)
    K_EMPTY_RETURNS = 0x80,
};

// The control characters' keys (emacs-style: Ctrl-A Home, Ctrl-E End, Ctrl-B/F Left/Right,
// Ctrl-P/N Up/Down, Ctrl-D Delete, Ctrl-K cut to the end, Ctrl-U clear).
static const uint8_t ctrl_keys[32] = {
    [MPF_CHAR_CTRL_A] = K_HOME | K_EMPTY_RETURNS,
    [MPF_CHAR_CTRL_B] = K_LEFT | K_EMPTY_RETURNS,
    [MPF_CHAR_CTRL_C] = K_INTR,
    [MPF_CHAR_CTRL_D] = K_DELETE | K_EMPTY_RETURNS,
    [MPF_CHAR_CTRL_E] = K_END | K_EMPTY_RETURNS,
    [0x06] = K_RIGHT,
    [CHAR_BS] = K_BACKSPACE,
    [CHAR_TAB] = K_TAB,
    [CHAR_LF] = K_ENTER,  // (and CR: mpf_readline_getc_line)
    [CHAR_CTRL_K] = K_KILL,
    [CHAR_CTRL_N] = K_DOWN,
    [CHAR_CTRL_P] = K_UP,
    [CHAR_CTRL_U] = K_CLEAR,
    [CHAR_ESC] = K_ESC,
};

// Read the rest of an escape sequence after ESC: "[" or "O", an optional number, a final
// byte (VT100/xterm cursor keys, "~" keys). Returns the key, K_NONE for anything else,
// or -1 at the end of input.
static int read_escape(void) {
    int c = mpf_readline_getc();
    if (c != '[' && c != 'O') {
        return c < 0 ? -1 : K_NONE;
    }
    unsigned param = 0;
    for (;;) {
        int d = mpf_readline_getc();
        if (d < 0) {
            return -1;
        }
        if (d >= '0' && d <= '9') {
            param = param * 10u + (unsigned)(d - '0');
        } else if (d == '~') {
            // ESC [ 1 ~ / 7 ~ Home, 4 ~ / 8 ~ End, 3 ~ Delete
            static const uint8_t tilde_keys[9] = {0, K_HOME, 0, K_DELETE, K_END, 0, 0, K_HOME, K_END};
            return param < sizeof(tilde_keys) ? tilde_keys[param] : K_NONE;
        } else if (d != ';') {  // ';': modifiers (ESC [ 1 ; 5 C), the key alone counts
            static const char finals[6] = "ABCDHF";
            const char *f = memchr(finals, d, sizeof(finals));
            return f != NULL ? (int)(f - finals) + K_UP : K_NONE;
        }
    }
}

int mpf_readline(mpf_vstr_t *line, const char *prompt) {
    mpf_print_str(&mpf_print_stdout, prompt);
    out(line->buf, line->len);
    size_t cursor = line->len;
    size_t hist_pos = 0;  // 0: the line being typed; k: the k-th newest history entry
    for (;;) {
        int c = mpf_readline_getc_line();
        if (c < 0) {
            return -1;
        }
        int key = c == CHAR_DEL ? K_BACKSPACE : c < 0x20 ? ctrl_keys[c] : K_CHAR;
        if (key & K_EMPTY_RETURNS) {
            if (line->len == 0) {
                return c;
            }
            key &= ~K_EMPTY_RETURNS;
        }
        if (key == K_ESC && (key = read_escape()) < 0) {
            return -1;
        }
        // what the key changes: [del] bytes at [at] replaced by the [n] bytes of [s]
        size_t m, at = cursor, del = 0, n = 0;  // m: columns the cursor moves
        const char *s = "";
#if CONFIG_REPL_COMPLETION
        char completion[32];  // (a longer completion: Tab again goes on)
#endif
        char ch = (char)c;
        switch (key) {
            case K_ENTER:
            case K_INTR:
                out("\n", 1);
                return key == K_INTR ? c : 0;
            case K_CHAR:  // printable (UTF-8 bytes included)
                s = &ch;
                n = 1;
                break;
            case K_TAB: {
#if CONFIG_REPL_COMPLETION
                // after text: complete the name before the cursor; after blanks: indent
                size_t k = cursor;
                while (k > 0 && line->buf[k - 1] == ' ') {
                    k--;
                }
                if (k > 0) {
                    bool listed;
                    n = mpf_repl_complete(line->buf, cursor, completion, sizeof(completion), &listed);
                    if (listed) {
                        mpf_print_str(&mpf_print_stdout, prompt);
                        redraw_from(line, 0, cursor);
                    }
                    if (n == 0) {
                        continue;
                    }
                    s = completion;
                    break;
                }
#endif
                s = "    ";
                n = TAB_WIDTH - cursor % TAB_WIDTH;
                break;
            }
            case K_BACKSPACE:
                if (cursor == 0) {
                    continue;
                }
                at--;
                del = 1;
                break;
            case K_DELETE:
                if (cursor == line->len) {
                    continue;
                }
                del = 1;
                break;
            case K_KILL:  // cut to the end
                del = line->len - cursor;
                break;
            case K_CLEAR:
                at = 0;
                del = line->len;
                break;
            case K_LEFT:
            case K_HOME:
                m = key == K_HOME ? cursor : cursor > 0;
                cursor_left(m);
                cursor -= m;
                continue;
            case K_RIGHT:
            case K_END:
                m = key == K_END ? line->len - cursor : cursor < line->len;
                out(line->buf + cursor, m);
                cursor += m;
                continue;
            case K_UP:
            case K_DOWN: {
                // the entry above or below; below the newest: the empty line (and below
                // that, SIZE_MAX: no entry)
                size_t to = key == K_UP ? hist_pos + 1 : hist_pos - 1;
                s = to == 0 ? "" : history_get(to - 1);
                if (s == NULL) {
                    continue;
                }
                hist_pos = to;
                at = 0;
                del = line->len;
                n = strlen(s);
                break;
            }
            default:  // other controls: ignored
                continue;
        }
        splice(line, &cursor, at, del, s, n);
    }
}

// ---------------------------------------------------------------- input()
bool mpf_readline_input = true;

bool mpf_readline_for_input(mpf_vstr_t *line) {
    int r;
    do {
        r = mpf_readline(line, "");
    } while (r == MPF_CHAR_CTRL_A || r == MPF_CHAR_CTRL_B || r == MPF_CHAR_CTRL_E);  // (nothing here)
    if (r == MPF_CHAR_CTRL_C) {
        mpf_raise_type(&mpf_type_KeyboardInterrupt);
    }
    if (r == MPF_CHAR_CTRL_D) {
        out("\n", 1);
        return false;
    }
    return r == 0 || line->len > 0;  // Enter, or the end of input after some text
}
