// readline.c -- the REPL's line editor (CONFIG_REPL): one line of input on a VT100-style
// terminal with cursor keys, Home/End, Backspace/Delete and a history that survives soft
// resets. It only prints through the console (mpf_print_stdout) and reads it through
// mpf_readline_getc(), so every port gets the same editor.
#include <string.h>

#include "mpf.h"
#include "port.h"
#include "repl.h"

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
    size_t blank = 0;
    while (blank < len && (line[blank] == ' ' || line[blank] == '\t')) {
        blank++;
    }
    const char *newest = history_get(0);
    if (blank == len || len + 1 > sizeof(history) || memchr(line, '\0', len) != NULL ||
        (newest != NULL && strlen(newest) == len && memcmp(newest, line, len) == 0)) {
        return;
    }
    memmove(&history[len + 1], history, sizeof(history) - (len + 1));
    memcpy(history, line, len);
    history[len] = '\0';
    // The oldest entry may now be cut short at the end: drop it whole.
    size_t pos = 0;
    while (pos < sizeof(history) && history[pos] != '\0') {
        const char *end = memchr(&history[pos], '\0', sizeof(history) - pos);
        if (end == NULL) {
            memset(&history[pos], 0, sizeof(history) - pos);
            break;
        }
        pos = (size_t)(end - history) + 1;
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
    if (mpf_obj_is_exception(nlr.exc) && mpf_exc_match(nlr.exc, &mpf_type_KeyboardInterrupt)) {
        return MPF_CHAR_CTRL_C;
    }
    mpf_nlr_raise(nlr.exc);
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

// Replace the whole of [line] (cursor at [*cursor]) by [text], cursor at its end.
static void replace_line(mpf_vstr_t *line, size_t *cursor, const char *text, size_t len) {
    cursor_left(*cursor);
    line->len = 0;
    mpf_vstr_add_strn(line, text, len);
    *cursor = len;
    redraw_from(line, 0, len);
}

static void insert(mpf_vstr_t *line, size_t *cursor, const char *s, size_t n) {
    mpf_vstr_extend(line, n);  // grows len by n
    memmove(line->buf + *cursor + n, line->buf + *cursor, line->len - n - *cursor);
    memcpy(line->buf + *cursor, s, n);
    size_t from = *cursor;
    *cursor += n;
    if (*cursor == line->len) {
        out(s, n);  // typing at the end: just echo
    } else {
        redraw_from(line, from, *cursor);
    }
}

// Delete the byte at [at] (< line->len); the cursor ends at [at].
static void delete_at(mpf_vstr_t *line, size_t *cursor, size_t at) {
    cursor_left(*cursor - at);
    memmove(line->buf + at, line->buf + at + 1, line->len - at - 1);
    line->len--;
    *cursor = at;
    redraw_from(line, at, at);
}

// The editing keys an escape sequence can name.
typedef enum { KEY_NONE, KEY_UP, KEY_DOWN, KEY_RIGHT, KEY_LEFT, KEY_HOME, KEY_END, KEY_DELETE } edit_key_t;

// Read the rest of an escape sequence after ESC: "[" or "O", an optional number, a final
// byte (VT100/xterm cursor keys, "~" keys). Returns the key, KEY_NONE for anything else,
// or -1 at the end of input.
static int read_escape(void) {
    int c = mpf_readline_getc();
    if (c != '[' && c != 'O') {
        return c < 0 ? -1 : KEY_NONE;
    }
    unsigned param = 0;
    for (;;) {
        int d = mpf_readline_getc();
        if (d < 0) {
            return -1;
        }
        if (d >= '0' && d <= '9') {
            param = param * 10u + (unsigned)(d - '0');
            continue;
        }
        if (d == ';') {
            continue;  // modifiers (ESC [ 1 ; 5 C): the key alone counts
        }
        switch (d) {
            case 'A': return KEY_UP;
            case 'B': return KEY_DOWN;
            case 'C': return KEY_RIGHT;
            case 'D': return KEY_LEFT;
            case 'H': return KEY_HOME;
            case 'F': return KEY_END;
            case '~':
                switch (param) {
                    case 1: case 7: return KEY_HOME;
                    case 4: case 8: return KEY_END;
                    case 3: return KEY_DELETE;
                    default: return KEY_NONE;
                }
            default: return KEY_NONE;
        }
    }
}

// A CR just ended a line: a LF right after it belongs to the same Enter (CRLF terminals,
// pasted text) and is skipped. Static: it spans calls.
static bool after_cr;

int mpf_readline(mpf_vstr_t *line, const char *prompt) {
    mpf_print_str(&mpf_print_stdout, prompt);
    out(line->buf, line->len);
    size_t cursor = line->len;
    size_t hist_pos = 0;  // 0: the line being typed; k: the k-th newest history entry
    for (;;) {
        int c = mpf_readline_getc();
        bool skip_lf = after_cr;
        after_cr = false;
        int key = KEY_NONE;
        switch (c) {
            case -1:
                return -1;
            case CHAR_CR:
                after_cr = true;
                // fall through
            case CHAR_LF:
                if (c == CHAR_LF && skip_lf) {
                    continue;
                }
                out("\n", 1);
                return 0;
            case MPF_CHAR_CTRL_C:
                out("\n", 1);
                return MPF_CHAR_CTRL_C;
            case MPF_CHAR_CTRL_A:
                if (line->len == 0) {
                    return c;
                }
                key = KEY_HOME;
                break;
            case MPF_CHAR_CTRL_E:
                if (line->len == 0) {
                    return c;
                }
                key = KEY_END;
                break;
            case MPF_CHAR_CTRL_B:
                if (line->len == 0) {
                    return c;
                }
                key = KEY_LEFT;
                break;
            case MPF_CHAR_CTRL_D:
                if (line->len == 0) {
                    return c;
                }
                key = KEY_DELETE;
                break;
            case 0x06:  // Ctrl-F
                key = KEY_RIGHT;
                break;
            case CHAR_CTRL_P:
                key = KEY_UP;
                break;
            case CHAR_CTRL_N:
                key = KEY_DOWN;
                break;
            case CHAR_CTRL_K:  // cut to the end
                line->len = cursor;
                out("\x1b[K", 3);
                continue;
            case CHAR_CTRL_U:  // clear the line
                replace_line(line, &cursor, "", 0);
                continue;
            case CHAR_BS:
            case CHAR_DEL:
                if (cursor > 0) {
                    delete_at(line, &cursor, cursor - 1);
                }
                continue;
            case CHAR_TAB:
                insert(line, &cursor, "    ", TAB_WIDTH - cursor % TAB_WIDTH);
                continue;
            case CHAR_ESC:
                key = read_escape();
                if (key < 0) {
                    return -1;
                }
                break;
            default:
                if (c >= 0x20) {  // printable (UTF-8 bytes included); other controls ignored
                    char ch = (char)c;
                    insert(line, &cursor, &ch, 1);
                }
                continue;
        }
        switch (key) {
            case KEY_LEFT:
                if (cursor > 0) {
                    cursor--;
                    cursor_left(1);
                }
                break;
            case KEY_RIGHT:
                if (cursor < line->len) {
                    out(line->buf + cursor, 1);
                    cursor++;
                }
                break;
            case KEY_HOME:
                cursor_left(cursor);
                cursor = 0;
                break;
            case KEY_END:
                out(line->buf + cursor, line->len - cursor);
                cursor = line->len;
                break;
            case KEY_DELETE:
                if (cursor < line->len) {
                    delete_at(line, &cursor, cursor);
                }
                break;
            case KEY_UP: {
                const char *h = history_get(hist_pos);
                if (h != NULL) {
                    hist_pos++;
                    replace_line(line, &cursor, h, strlen(h));
                }
                break;
            }
            case KEY_DOWN:
                if (hist_pos > 0) {
                    hist_pos--;
                    const char *h = hist_pos == 0 ? "" : history_get(hist_pos - 1);
                    replace_line(line, &cursor, h, strlen(h));
                }
                break;
            default:
                break;
        }
    }
}

// ---------------------------------------------------------------- input()
bool mpf_readline_input = true;

bool mpf_readline_for_input(mpf_vstr_t *line, const char *prompt) {
    for (;;) {
        int r = mpf_readline(line, prompt);
        switch (r) {
            case 0:
                return true;
            case -1:
                return line->len > 0;
            case MPF_CHAR_CTRL_C:
                mpf_raise_type(&mpf_type_KeyboardInterrupt);
            case MPF_CHAR_CTRL_D:
                out("\n", 1);
                return false;
            default:
                prompt = "";  // Ctrl-A/B/E on an empty line mean nothing here
                break;
        }
    }
}
