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

// expensive optimisations, loop-invariant motion, if-conversion, tree tail merging and dominator
// optimisations grow this file's code on Cortex-M4 (1,472 -> 1,408 B)
#if MPF_REPL_SIZE_TUNED  // (repl.h)
#pragma GCC optimize("no-expensive-optimizations", "no-move-loop-invariants", "no-if-conversion", "no-tree-tail-merge", "no-tree-dominator-opts")
#endif

// Static, not on the heap: the mode survives a soft reset (mpremote soft-resets in raw mode
// and expects the raw prompt back, main.py skipped).
bool mpf_repl_raw_active;

// What the REPL's steps return besides an exit status (>= 0) and MPF_REPL_SOFT_RESET:
// start the REPL afresh (a switch between friendly and raw, or Ctrl-B's banner) ...
#define REPL_SWITCH (-2)
// ... or go on: the code ran, or it raised and its traceback was printed (<= REPL_CONTINUE).
#define REPL_CONTINUE (-3)
#define REPL_FAILED (-4)

// What the block reader collects: paste mode's lines, the raw REPL's source, raw-paste's.
enum { PASTE, RAW, RAW_PASTE };

#define INDENT_STEP 4

#if CONFIG_BUILTIN_HELP
#define HELP_HINT "; help() for more"
#else
#define HELP_HINT ""
#endif

atomic_bool mpf_repl_reading;
// (relaxed: the console's receive path only needs to see the flag, no ordering around it)
#define SET_READING(v) atomic_store_explicit(&mpf_repl_reading, (v), memory_order_relaxed)

static void print(const char *s) {
    mpf_print_str(&mpf_print_stdout, s);
}

// The globals of __main__: main.py's, or a fresh module when main.py did not run.
static mpf_obj_t repl_globals(void) {
    return mpf_state.main_globals != MPF_OBJ_NULL ? mpf_state.main_globals : mpf_boot_new_main();
}

// Compile [len] bytes of [src] in [mode], run them in __main__ and report an uncaught
// exception's traceback on the console. In the raw REPL ([raw]) the output ends with 0x04,
// then the error text, then 0x04, and an OSError's report ends with "OSError: N" (N its
// errno) after the CPython-style traceback: the form MicroPython tools such as mpremote
// parse to turn a failed file operation back into an OSError (fs ls/cp/rm on a missing
// path). Returns REPL_CONTINUE, REPL_FAILED, or SystemExit's exit status (0..255).
static int run(const char *src, size_t len, mpf_compile_mode_t mode, bool raw) {
    mpf_nlr_t nlr;
    mpf_nlr_push(&nlr);
    if (setjmp(nlr.jb) == 0) {
        SET_READING(false);  // Ctrl-C interrupts the code
        if (src == NULL) {
            mpf_raise_memory_error();  // (a block that outgrew the heap: block())
        }
        mpf_load_result_t res = mpf_compile(src, len, "<stdin>", mode);   // (no error: it raises)
        mpf_vm_run_module(res.rc, res.ctx, repl_globals());
        mpf_nlr_pop(&nlr);
        nlr.exc = MPF_OBJ_NULL;
    }
    mpf_obj_t exc = nlr.exc;
    SET_READING(true);
    MPF_SET_INTERRUPT_CHAR(0x03);  // micropython.kbd_intr() lasts until the next prompt
    if (raw) {
        print("\x04");
    }
    int result = REPL_CONTINUE;
    if (exc != MPF_OBJ_NULL) {
        result = REPL_FAILED;
        if (mpf_exc_match(exc, &mpf_type_SystemExit)) {
            result = mpf_boot_exit_status(exc) & 0xFF;   // (as a process's exit status)
        } else {
            mpf_boot_print_exc(&mpf_print_stdout, exc);
            // (its errno: the first of 2 to 5 args, read without a call that could raise)
            const mpf_tuple_t *a = mpf_obj_ptr(mpf_exc_native(exc)->args);
            mpf_int_t err;
            if (raw && mpf_exc_match(exc, &mpf_type_OSError) && a->len >= 2 && a->len <= 5 &&
                mpf_obj_get_int_maybe(a->items[0], &err)) {
                mpf_printf(&mpf_print_stdout, "OSError: %d\n", (int)err);
            }
        }
    }
    if (raw) {
        print("\x04");
    }
    return result;
}

// What the last statement left is garbage now: collected before the next one compiles, what
// that one keeps (code, names, functions, classes) takes the lowest holes. Collected only
// when the heap was full, the survivors of each line were spread over the heap among the
// garbage of the lines before: after 300 lines rebinding a few dozen names, netduinoplus2's
// largest free block was 2 KB of 47 KB free (41 KB now), and a session adding names stopped
// with MemoryError at 36 KB free (a 2 KB dict table; now at 11 KB). Not after gc.disable()
// (no collection the program did not ask for), nor for the WebAssembly API's exec() (its
// collection unwinds the stack through ASYNCIFY: a call from JavaScript would return a
// Promise): only the console's REPL.
static int run_collected(const char *src, size_t len, mpf_compile_mode_t mode, bool raw) {
    if (mpf_gc_auto()) {
        mpf_gc_collect();
    }
    return run(src, len, mode, raw);
}

int mpf_repl_exec_source(const char *src, size_t len, bool single) {
    int r = run(src, len, single ? MPF_COMPILE_SINGLE : MPF_COMPILE_EXEC, false);
    return r == REPL_CONTINUE ? 0 : r == REPL_FAILED ? 1 : r;
}

// Ctrl-A (to the raw REPL, or the raw REPL afresh) or Ctrl-B (to the friendly REPL and its
// banner): the REPL starts again.
static int switch_repl(int c) {
    print("\n");
    mpf_repl_raw_active = c == MPF_CHAR_CTRL_A;
    return REPL_SWITCH;
}

// Append [ch] to block [v]. A block larger than the heap can hold: its buffer is released
// (buf NULL) and the rest up to Ctrl-D dropped, which then reports MemoryError (the rest run
// as lines, or as a raw block of its own, would run the tail of a script).
static void add_or_drop(mpf_vstr_t *v, char ch) {
    mpf_nlr_t nlr;
    mpf_nlr_push(&nlr);
    if (setjmp(nlr.jb) == 0) {
        mpf_vstr_add_char(v, ch);
        mpf_nlr_pop(&nlr);
    } else {
        mpf_gc_free(v->buf);
        v->buf = NULL;
    }
}

// Read a block of source in [mode] and run it at Ctrl-D:
//   PASTE      lines are echoed (after "=== "), not edited; Ctrl-C drops them.
//   RAW        unechoed; Ctrl-D on an empty buffer soft-resets ("OK\n" first), Ctrl-C
//              empties the buffer, Ctrl-A/B switch (Ctrl-E A Ctrl-A: raw-paste).
//   RAW_PASTE  a 0x01 grants the host another window once it has taken one; Ctrl-D is
//              acknowledged with 0x04; Ctrl-C: 0x04, then what the host sends up to its 0x04
//              is dropped.
// Returns what run() returns, REPL_SWITCH, MPF_REPL_SOFT_RESET, or 0 at the end of input.
static int block(int mode) {
    // what Ctrl-D prints first, and Ctrl-C (but in RAW), in each mode
    static const char ends[3][3] = {[PASTE] = "\n", [RAW] = "OK", [RAW_PASTE] = "\x04"};
    const unsigned window = CONFIG_REPL_RAW_PASTE_WINDOW;
    mpf_vstr_t src;
    mpf_vstr_init(&src, 64);
    unsigned taken = 0;
    for (;;) {
        int c = mode == PASTE ? mpf_readline_getc_line() : mpf_readline_getc();
        if (c < 0) {
            return 0;
        }
        if (c == MPF_CHAR_CTRL_D) {
            print(ends[mode]);
            if (mode == RAW && src.len == 0) {
                // OK, a line end, then the soft reboot (as MicroPython's raw REPL answers:
                // Thonny's back-end takes the two bytes "OK" before the reboot's output)
                print("\n");
                return MPF_REPL_SOFT_RESET;
            }
            return run_collected(src.buf, src.len, MPF_COMPILE_EXEC, mode != PASTE);
        }
        if (c == MPF_CHAR_CTRL_C) {
            src.len = 0;
            if (mode == RAW) {
                if (src.buf == NULL) {
                    mpf_vstr_init(&src, 64);
                }
                continue;
            }
            print(ends[mode]);
            while (mode == RAW_PASTE && (c = mpf_readline_getc()) != MPF_CHAR_CTRL_D) {
                if (c < 0) {
                    return 0;
                }
            }
            return REPL_CONTINUE;
        }
        if (mode == RAW && (c == MPF_CHAR_CTRL_A || c == MPF_CHAR_CTRL_B)) {
            if (c == MPF_CHAR_CTRL_A && src.len == 2 && src.buf[0] == MPF_CHAR_CTRL_E && src.buf[1] == 'A') {
                const char header[4] = {'R', 0x01, (char)(window & 0xFFu), (char)(window >> 8)};
                mpf_print_strn(&mpf_print_stdout, header, sizeof(header));
                return block(RAW_PASTE);
            }
            return switch_repl(c);
        }
        char ch = (char)c;
        if (src.buf != NULL) {
            add_or_drop(&src, ch);
        }
        if (mode == PASTE) {
            if (c == '\n') {
                print("\n=== ");
            } else {
                mpf_print_strn(&mpf_print_stdout, &ch, 1);
            }
        }
        if (mode == RAW_PASTE && ++taken == window) {
            taken = 0;
            print("\x01");  // the host may send another window
        }
    }
}

// ---------------------------------------------------------------- friendly REPL
// The number of blanks (spaces and tabs) [s] begins with.
static size_t blanks(const char *s, size_t n) {
    size_t k = 0;
    while (k < n && (s[k] == ' ' || s[k] == '\t')) {
        k++;
    }
    return k;
}

// Read one statement at ">>> " (with continuation lines at "... ", auto-indented) and run
// it. On the empty first line, Ctrl-A/B switch, Ctrl-D soft-resets and Ctrl-E starts
// paste mode; on an empty continuation line Ctrl-D runs what there is, and a blank line
// (the auto-indent alone) ends the statement. Returns what run() or block() returns,
// REPL_CONTINUE, or 0 at the end of input.
static int friendly_statement(void) {
    mpf_vstr_t line, src;
    mpf_vstr_init(&line, 32);
    mpf_vstr_init(&src, 32);
    do {
        // the auto-indent: the last line's leading blanks, one step more after a ':'
        size_t n = blanks(line.buf, line.len);
        size_t end = line.len;
        while (end > n && (line.buf[end - 1] == ' ' || line.buf[end - 1] == '\t')) {
            end--;
        }
        line.len = n;
        if (end > n && line.buf[end - 1] == ':') {
            mpf_vstr_add_strn(&line, "    ", INDENT_STEP);
        }
        int r = mpf_readline(&line, src.len > 0 ? "... " : ">>> ");
        if (r < 0) {
            return 0;
        }
        if (r == MPF_CHAR_CTRL_C) {
            return REPL_CONTINUE;
        }
        if (r == MPF_CHAR_CTRL_D) {
            print("\n");
            if (src.len == 0) {
                return MPF_REPL_SOFT_RESET;
            }
            break;  // on an empty continuation line: run what there is
        }
        if (r != 0) {
            if (src.len > 0) {
                continue;  // Ctrl-A/B/E mean nothing inside a statement
            }
            if (r == MPF_CHAR_CTRL_E) {
                print("\npaste mode; Ctrl-C to cancel, Ctrl-D to finish\n=== ");
                return block(PASTE);
            }
            return switch_repl(r);
        }
        if (blanks(line.buf, line.len) == line.len) {
            if (src.len == 0) {
                return REPL_CONTINUE;
            }
            line.len = 0;  // a blank line (the auto-indent alone) ends the block
        } else {
            mpf_readline_history_add(line.buf, line.len);
        }
        mpf_vstr_add_strn(&src, line.buf, line.len);
        mpf_vstr_add_char(&src, '\n');
    } while (line.len > 0 && mpf_compile_needs_more(src.buf, src.len));
    return run_collected(src.buf, src.len, MPF_COMPILE_SINGLE, false);
}

// ---------------------------------------------------------------- entry
const char mpf_repl_keys[] = "Ctrl-A raw REPL, Ctrl-B banner, Ctrl-C interrupt, Ctrl-D soft reset, Ctrl-E paste mode";

// The friendly REPL or the raw REPL until it ends or switches, with an exception that
// escapes the REPL's own work (a MemoryError while reading a line) reported rather than
// fatal. Returns what the REPL's step returned, or REPL_SWITCH to start it again.
static int repl_guarded(void) {
    mpf_nlr_t nlr;
    mpf_nlr_push(&nlr);
    if (setjmp(nlr.jb) == 0) {
        if (mpf_repl_raw_active) {
            print("raw REPL; CTRL-B to exit\n");
        } else {
            mpf_printf(&mpf_print_stdout, "mpforge on %s; %s" HELP_HINT "\n", mpf_port_platform, mpf_repl_keys);
        }
        int r;
        do {
            if (mpf_repl_raw_active) {
                print(">");
            }
            r = mpf_repl_raw_active ? block(RAW) : friendly_statement();
        } while (r <= REPL_CONTINUE);
        mpf_nlr_pop(&nlr);
        return r;
    }
    mpf_printf(&mpf_print_stdout, "\n%T\n", nlr.exc);
    return REPL_SWITCH;
}

int mpf_repl_run(bool can_exit) {
    MPF_SET_INTERRUPT_CHAR(0x03);  // (boot.py or main.py may have changed it)
    for (;;) {
        SET_READING(true);
        int r = repl_guarded();
        SET_READING(false);
        if (r == REPL_SWITCH) {
            continue;
        }
        if (!can_exit) {
            r = MPF_REPL_SOFT_RESET;  // a board has nowhere to exit to
        }
        if (r == MPF_REPL_SOFT_RESET) {
            print("MPY: soft reboot\n");
        }
        return r;
    }
}
