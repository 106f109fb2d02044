// repl.h -- the interactive REPL on the console (CONFIG_REPL): the friendly REPL with its
// line editor, paste mode, and the raw REPL with raw-paste flow control that mpremote drives.
// A port's main loop calls mpf_repl_run() after the frozen boot.py/main.py.
#ifndef MPF_REPL_H
#define MPF_REPL_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>

#include "mpf.h"

// The REPL's files, as the compiler's (compile_int.h MPF_CC_SIZE_TUNED), may turn off -Os
// optimisations measured to grow their code with arm-none-eabi-gcc 12.2 on Thumb-2: a
// `#pragma GCC optimize` after their includes, under `#if MPF_REPL_SIZE_TUNED`.
#if defined(__OPTIMIZE_SIZE__) && defined(__GNUC__) && !defined(__clang__) && defined(__thumb2__)
#define MPF_REPL_SIZE_TUNED 1
#else
#define MPF_REPL_SIZE_TUNED 0
#endif

// Control characters the console protocol gives a meaning to.
#define MPF_CHAR_CTRL_A 0x01  // raw REPL
#define MPF_CHAR_CTRL_B 0x02  // friendly REPL / banner
#define MPF_CHAR_CTRL_C 0x03  // KeyboardInterrupt / cancel the line
#define MPF_CHAR_CTRL_D 0x04  // soft reset on an empty line; end of raw input
#define MPF_CHAR_CTRL_E 0x05  // paste mode

// mpf_repl_run()'s result when the user asked for a soft reset (Ctrl-D, or SystemExit on a
// board): the port starts the core afresh, runs boot.py (and main.py unless the raw REPL
// is active) and calls mpf_repl_run() again.
#define MPF_REPL_SOFT_RESET (-1)

// Run the REPL on the console until a soft reset (MPF_REPL_SOFT_RESET), the end of the
// console's input (0) or SystemExit (its exit status). Unless [can_exit] (the host), those
// two are soft resets too. Prints "MPY: soft reboot" before a soft reset. Needs
// mpf_init(); runs in the __main__ module main.py ran in, or makes one.
int mpf_repl_run(bool can_exit);

// Run [len] bytes of source in __main__ as one REPL entry ([single]: an expression's value
// is printed, as at the prompt) or as a script, printing an uncaught exception's traceback
// on the console. Returns 0, 1 after an uncaught exception, or SystemExit's exit status.
// Needs mpf_init(); what one call defines, the next sees (a page's REPL, ports/wasm).
int mpf_repl_exec_source(const char *src, size_t len, bool single);

// True while the REPL reads the console (false while code runs): a port's receive path
// then buffers Ctrl-C in order with the other bytes instead of flagging a
// KeyboardInterrupt. (A port that always flags still works: mpf_readline_getc() turns the
// KeyboardInterrupt back into Ctrl-C, but it may arrive ahead of bytes sent before it.)
// Atomic: a receive interrupt or the host's reader thread reads it.
extern atomic_bool mpf_repl_reading;

// True while the raw REPL is active; it stays so across a soft reset, and boot then skips
// main.py (as mpremote expects after its Ctrl-D).
extern bool mpf_repl_raw_active;

// The console's commands on an empty line, as the banner and help() list them.
extern const char mpf_repl_keys[];

// ---------------------------------------------------------------- readline.c
// One console byte for the REPL: 0..255, MPF_CHAR_CTRL_C for a Ctrl-C the port flagged
// (KeyboardInterrupt from mpf_port_stdin_read), -1 at the end of input.
int mpf_readline_getc(void);

// The same with the line ends folded: CR, LF and a CR LF pair each give one '\n'.
int mpf_readline_getc_line(void);

// Edit one line on the console after printing [prompt]: [line] holds the initial text
// (an auto-indent) and gets the result. Returns 0 when Enter ended the line (a newline is
// echoed), -1 at the end of input, or the control character that ended editing:
// MPF_CHAR_CTRL_C always; Ctrl-A, Ctrl-B, Ctrl-D and Ctrl-E only on an empty line.
int mpf_readline(mpf_vstr_t *line, const char *prompt);

// input() reads its line with mpf_readline() (echoed, editable; Ctrl-C raises
// KeyboardInterrupt, Ctrl-D on an empty line EOFError) while this is true, as on a board's
// console; a port whose input is not a terminal (the host with piped stdin) clears it.
extern bool mpf_readline_input;

// input()'s line when mpf_readline_input (input() printed its prompt): the line into
// [line]. Returns false at the end of input with nothing typed.
bool mpf_readline_for_input(mpf_vstr_t *line);

// Remember [len] bytes of [line] (not blank: the caller's check) for Up/Down (a repeat of
// the newest entry is not kept).
void mpf_readline_history_add(const char *line, size_t len);

// ---------------------------------------------------------------- repl_complete.c
#if CONFIG_REPL_COMPLETION
// Tab at [cursor] in [line] (names from __main__ and the builtins): up to [size] bytes to insert at
// the cursor go to [buf] and their count is returned; 0 when nothing completes. When
// several names share nothing beyond the typed part, they are listed under the line and
// *listed is set: the caller shows its prompt and line again.
size_t mpf_repl_complete(const char *line, size_t cursor, char *buf, size_t size, bool *listed);
#endif

#endif // MPF_REPL_H
