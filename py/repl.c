// repl.c -- the REPL on the console (CONFIG_REPL): the friendly REPL (">>> " and "... "
// prompts, auto-indent, Ctrl-B banner, Ctrl-C, Ctrl-D soft reset, Ctrl-E paste mode) and
// the raw REPL (Ctrl-A) with raw-paste mode, the machine protocol of mpremote, Thonny and Mu:
//
//   raw REPL    the board prints "raw REPL; CTRL-B to exit\n>"; source bytes follow
//               unechoed, Ctrl-D runs them: "OK", the output, 0x04, the error text, 0x04,
//               then ">" again. Ctrl-D on an empty buffer soft-resets, Ctrl-B leaves,
//               Ctrl-A starts afresh, Ctrl-C empties the buffer.
//   raw-paste   "\x05A\x01" at the raw prompt; the board answers "R\x01" and a 16-bit
//               little-endian window W; the host sends at most W bytes ahead, the board
//               grants W more with each 0x01 once it has taken W; the host ends with 0x04,
//               the board acknowledges with 0x04 and runs the code (output as above, no
//               "OK"). The board sends 0x04 instead of 0x01 to cut a transfer short.
//
// Output goes through mpf_print_stdout; the console turns "\n" into "\r\n" on the wire.
#include <string.h>

#include "mpf_int.h"
#include "port.h"
#include "compile.h"
#include "repl.h"

// Static, not on the heap: the mode survives a soft reset (mpremote soft-resets in raw mode
// and expects the raw prompt back, main.py skipped).
static bool raw_active;

// Returned by the REPL loops when the user switched between friendly and raw.
#define REPL_SWITCH (-2)
// Returned by repl_exec when the code ran (or failed) and the REPL goes on.
#define REPL_CONTINUE (-3)
// The raw REPL's next command: print the ">" prompt again.
#define REPL_PROMPT (-4)

#define INDENT_STEP 4

atomic_bool mpf_repl_reading;

bool mpf_repl_raw_active(void) {
    return raw_active;
}

static void print(const char *s) {
    mpf_print_str(&mpf_print_stdout, s);
}

// The globals of __main__: main.py's, or a fresh module when main.py did not run.
static mpf_obj_t repl_globals(void) {
    if (mpf_state.main_globals == MPF_OBJ_NULL) {
        mpf_obj_t mod = mpf_obj_new_module(MPF_QSTR___main__);
        mpf_dict_store(mpf_state.modules, mpf_obj_new_qstr(MPF_QSTR___main__), mod);
        mpf_state.main_globals = ((mpf_module_t *)mpf_obj_ptr(mod))->globals;
    }
    return mpf_state.main_globals;
}

// Compile [len] bytes of [src] in [mode] and run them in __main__. Returns the uncaught
// exception, or MPF_OBJ_NULL.
static mpf_obj_t compile_and_run(const char *src, size_t len, mpf_compile_mode_t mode) {
    mpf_nlr_t nlr;
    mpf_nlr_push(&nlr);
    if (setjmp(nlr.jb) == 0) {
        mpf_repl_reading = false;  // Ctrl-C interrupts the code
        mpf_load_result_t res = mpf_compile(src, len, "<stdin>", mode);   // (no error: it raises)
        mpf_vm_run_module(res.rc, res.ctx, repl_globals());
        mpf_nlr_pop(&nlr);
        mpf_repl_reading = true;
        return MPF_OBJ_NULL;
    }
    mpf_repl_reading = true;
    return nlr.exc;
}

// Report what ended a run: SystemExit's exit status, or [otherwise] after printing any
// other exception's traceback on the console. In the raw REPL ([raw]) an OSError's report
// ends with "OSError: N" (N its errno) after the CPython-style traceback: the form
// MicroPython tools such as mpremote parse to turn a failed file operation back into an
// OSError (fs ls/cp/rm on a missing path).
static int report_exception(mpf_obj_t exc, bool raw, int otherwise) {
    if (mpf_exc_match(exc, &mpf_type_SystemExit)) {
        return mpf_boot_exit_status(exc);
    }
    mpf_boot_print_exc(&mpf_print_stdout, exc);
    if (raw && mpf_exc_match(exc, &mpf_type_OSError)) {
        // (its errno: the first of 2 to 5 args, read without a call that could raise)
        const mpf_tuple_t *a = mpf_obj_ptr(mpf_exc_native(exc)->args);
        mpf_int_t err;
        if (a->len >= 2 && a->len <= 5 && mpf_obj_get_int_maybe(a->items[0], &err)) {
            mpf_printf(&mpf_print_stdout, "OSError: %d\n", (int)err);
        }
    }
    return otherwise;
}

// Run [src] as compile_and_run() does and report an exception's traceback on the console.
// In the raw REPL ([raw]) the output ends with 0x04, then the error text, then 0x04.
// Returns REPL_CONTINUE, or SystemExit's exit status.
static int repl_exec(const char *src, size_t len, mpf_compile_mode_t mode, bool raw) {
    mpf_obj_t exc = compile_and_run(src, len, mode);
    if (raw) {
        print("\x04");
    }
    int result = exc == MPF_OBJ_NULL ? REPL_CONTINUE : report_exception(exc, raw, REPL_CONTINUE);
    if (raw) {
        print("\x04");
    }
    return result;
}

int mpf_repl_exec_source(const char *src, size_t len, bool single) {
    mpf_obj_t exc = compile_and_run(src, len, single ? MPF_COMPILE_SINGLE : MPF_COMPILE_EXEC);
    return exc == MPF_OBJ_NULL ? 0 : report_exception(exc, false, 1);
}

// ---------------------------------------------------------------- friendly REPL
static void print_banner(void) {
    mpf_printf(&mpf_print_stdout,
        "mpforge on %s; Ctrl-A raw REPL, Ctrl-B banner, Ctrl-C interrupt, Ctrl-D soft reset, "
        "Ctrl-E paste mode\n",
        mpf_port_platform);
}

// The number of blanks (spaces and tabs) [s] begins with.
static size_t blanks(const char *s, size_t n) {
    size_t k = 0;
    while (k < n && (s[k] == ' ' || s[k] == '\t')) {
        k++;
    }
    return k;
}

// The auto-indent for the line after [src]'s last line (src ends with its '\n'): its
// leading blanks, one step more after a line ending in ':'. Writes the blanks to [line].
static void auto_indent(mpf_vstr_t *line, const char *src, size_t len) {
    size_t end = len - 1;
    size_t start = end;
    while (start > 0 && src[start - 1] != '\n') {
        start--;
    }
    size_t n = blanks(src + start, end - start);
    mpf_vstr_add_strn(line, src + start, n);
    while (end > start + n && (src[end - 1] == ' ' || src[end - 1] == '\t')) {
        end--;
    }
    if (end > start + n && src[end - 1] == ':') {
        mpf_vstr_add_strn(line, "    ", INDENT_STEP);
    }
}

// Paste mode: lines are echoed, not edited or indented; Ctrl-D runs them as one module,
// Ctrl-C drops them. Returns REPL_CONTINUE, an exit status, or 0 at the end of input.
static int paste_mode(void) {
    print("\npaste mode; Ctrl-C to cancel, Ctrl-D to finish\n=== ");
    mpf_vstr_t src;
    mpf_vstr_init(&src, 64);
    bool skip_lf = false;
    for (;;) {
        int c = mpf_readline_getc();
        bool after_cr = skip_lf;
        skip_lf = false;
        if (c < 0) {
            return 0;
        }
        if (c == MPF_CHAR_CTRL_C) {
            print("\n");
            return REPL_CONTINUE;
        }
        if (c == MPF_CHAR_CTRL_D) {
            print("\n");
            return repl_exec(src.buf, src.len, MPF_COMPILE_EXEC, false);
        }
        if (c == '\r' || c == '\n') {
            if (c == '\n' && after_cr) {
                continue;
            }
            skip_lf = c == '\r';
            mpf_vstr_add_char(&src, '\n');
            print("\n=== ");
            continue;
        }
        char ch = (char)c;
        mpf_vstr_add_char(&src, ch);
        mpf_print_strn(&mpf_print_stdout, &ch, 1);
    }
}

// Read one statement (with continuation lines) and run it. Returns REPL_CONTINUE,
// REPL_SWITCH (Ctrl-A), MPF_REPL_SOFT_RESET, or an exit status.
static int friendly_statement(void) {
    mpf_vstr_t line;
    mpf_vstr_init(&line, 32);
    int r = mpf_readline(&line, ">>> ");
    switch (r) {
        case -1:
            return 0;
        case MPF_CHAR_CTRL_A:
            print("\n");
            raw_active = true;
            return REPL_SWITCH;
        case MPF_CHAR_CTRL_B:
            print("\n");
            print_banner();
            return REPL_CONTINUE;
        case MPF_CHAR_CTRL_C:
            return REPL_CONTINUE;
        case MPF_CHAR_CTRL_D:
            print("\n");
            return MPF_REPL_SOFT_RESET;
        case MPF_CHAR_CTRL_E:
            return paste_mode();
        default:
            break;
    }
    if (blanks(line.buf, line.len) == line.len) {
        return REPL_CONTINUE;
    }
    mpf_readline_history_add(line.buf, line.len);
    mpf_vstr_t src;
    mpf_vstr_init(&src, line.len + 2);
    mpf_vstr_add_strn(&src, line.buf, line.len);
    mpf_vstr_add_char(&src, '\n');
    while (mpf_compile_needs_more(src.buf, src.len)) {
        line.len = 0;
        auto_indent(&line, src.buf, src.len);
        r = mpf_readline(&line, "... ");
        if (r == -1) {
            return 0;
        }
        if (r == MPF_CHAR_CTRL_C) {
            return REPL_CONTINUE;
        }
        if (r == MPF_CHAR_CTRL_D) {
            print("\n");  // on an empty continuation line: run what there is
            break;
        }
        if (r != 0) {
            continue;  // Ctrl-A/B/E mean nothing inside a statement
        }
        if (blanks(line.buf, line.len) == line.len) {
            line.len = 0;  // a blank line (the auto-indent alone) ends the block
        } else {
            mpf_readline_history_add(line.buf, line.len);
        }
        mpf_vstr_add_strn(&src, line.buf, line.len);
        mpf_vstr_add_char(&src, '\n');
        if (line.len == 0) {
            break;
        }
    }
    return repl_exec(src.buf, src.len, MPF_COMPILE_SINGLE, false);
}

static int friendly_repl(void) {
    print_banner();
    for (;;) {
        int r = friendly_statement();
        if (r != REPL_CONTINUE) {
            return r;
        }
    }
}

// ---------------------------------------------------------------- raw REPL
// Raw-paste mode, after "\x05A\x01" at the raw prompt. Returns REPL_CONTINUE, an exit
// status, or 0 at the end of input.
static int raw_paste(void) {
    const unsigned window = CONFIG_REPL_RAW_PASTE_WINDOW;
    const char header[4] = {'R', 0x01, (char)(window & 0xFFu), (char)(window >> 8)};
    mpf_print_strn(&mpf_print_stdout, header, sizeof(header));
    mpf_vstr_t src;
    mpf_vstr_init(&src, window);
    unsigned taken = 0;
    for (;;) {
        int c = mpf_readline_getc();
        if (c < 0) {
            return 0;
        }
        if (c == MPF_CHAR_CTRL_D) {
            print("\x04");  // end of data acknowledged
            return repl_exec(src.buf, src.len, MPF_COMPILE_EXEC, true);
        }
        if (c == MPF_CHAR_CTRL_C) {
            // cut short: tell the host, then drop what it sends until its 0x04
            print("\x04");
            while ((c = mpf_readline_getc()) != MPF_CHAR_CTRL_D) {
                if (c < 0) {
                    return 0;
                }
            }
            return REPL_CONTINUE;
        }
        mpf_vstr_add_char(&src, (char)c);
        if (++taken == window) {
            taken = 0;
            print("\x01");  // the host may send another window
        }
    }
}

static int raw_repl(void) {
    print("raw REPL; CTRL-B to exit\n");
    mpf_vstr_t src;
    mpf_vstr_init(&src, 64);
    for (;;) {
        print(">");
        src.len = 0;
        int r = REPL_CONTINUE;
        while (r == REPL_CONTINUE) {
            int c = mpf_readline_getc();
            switch (c) {
                case -1:
                    return 0;
                case MPF_CHAR_CTRL_A:
                    if (src.len == 2 && src.buf[0] == MPF_CHAR_CTRL_E && src.buf[1] == 'A') {
                        r = raw_paste();
                        if (r == REPL_CONTINUE) {
                            r = REPL_PROMPT;
                        }
                        break;
                    }
                    print("\n");
                    return REPL_SWITCH;  // start the raw REPL afresh
                case MPF_CHAR_CTRL_B:
                    print("\n");
                    raw_active = false;
                    return REPL_SWITCH;
                case MPF_CHAR_CTRL_C:
                    src.len = 0;
                    break;
                case MPF_CHAR_CTRL_D:
                    if (src.len == 0) {
                        return MPF_REPL_SOFT_RESET;
                    }
                    print("OK");
                    r = repl_exec(src.buf, src.len, MPF_COMPILE_EXEC, true);
                    if (r == REPL_CONTINUE) {
                        r = REPL_PROMPT;
                    }
                    break;
                default:
                    mpf_vstr_add_char(&src, (char)c);
                    break;
            }
        }
        if (r != REPL_PROMPT) {
            return r;
        }
    }
}

// ---------------------------------------------------------------- entry
// One of the two REPLs, with an exception that escapes the REPL's own work (a MemoryError
// while reading a line) reported rather than fatal. Returns what the REPL returned, or
// REPL_SWITCH to start it again.
static int repl_guarded(void) {
    mpf_nlr_t nlr;
    mpf_nlr_push(&nlr);
    if (setjmp(nlr.jb) == 0) {
        int r = raw_active ? raw_repl() : friendly_repl();
        mpf_nlr_pop(&nlr);
        return r;
    }
    mpf_printf(&mpf_print_stdout, "\n%T\n", nlr.exc);
    return REPL_SWITCH;
}

int mpf_repl_run(bool can_exit) {
    for (;;) {
        mpf_repl_reading = true;
        int r = repl_guarded();
        mpf_repl_reading = false;
        if (r == REPL_SWITCH) {
            continue;
        }
        if (!can_exit) {
            r = MPF_REPL_SOFT_RESET;  // a board has nowhere to exit to
        }
        if (r == MPF_REPL_SOFT_RESET) {
            print("MPF: soft reboot\n");
        }
        return r;
    }
}
