// port.h -- what every port implements. The core calls nothing else of the platform:
// a new port provides these functions (and a config) and nothing in py/ changes.
#ifndef MPF_PORT_H
#define MPF_PORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "mpfconfig.h"

// Write [len] bytes of [data] to the console (stdout on the host). Blocks until sent.
void mpf_port_stdout_write(const char *data, size_t len);

// Write [len] bytes of [data] to the error console (stderr on the host; boards may
// route it to the same UART as stdout).
void mpf_port_stderr_write(const char *data, size_t len);

#if CONFIG_MODULE_VFS
// Write [len] bytes to the console as they are: no "\n" -> "\r\n" (sys.stdout.buffer, the
// binary protocol of mpremote's mount).
void mpf_port_stdout_write_bin(const char *data, size_t len);
#endif

// Read one byte from the console, blocking. Returns the byte (0..255), or -1 at end of input.
int mpf_port_stdin_read(void);

// True when mpf_port_stdin_read() would return at once: a byte is waiting or input
// has ended. Consumes nothing (select/poll ask this before reading).
bool mpf_port_stdin_ready(void);

// The console's interrupt character: a port's receive path turns this byte into a
// KeyboardInterrupt (while code runs) instead of buffering it. 0x03 (Ctrl-C) unless a
// program set another with micropython.kbd_intr(c), -1 none (every byte is data); the
// REPL sets 0x03 again after each entry it runs. Atomic: a receive interrupt or the
// host's reader thread reads it. (A selftest image, CONFIG_PORT_SELFTEST, has no core:
// Ctrl-C alone.)
#if CONFIG_MODULE_MICROPYTHON && !CONFIG_PORT_SELFTEST
#include <stdatomic.h>
extern atomic_int mpf_micropython_interrupt_char;
#define MPF_IS_INTERRUPT_CHAR(c) ((int)(c) == atomic_load_explicit(&mpf_micropython_interrupt_char, memory_order_relaxed))
#define MPF_SET_INTERRUPT_CHAR(c) atomic_store_explicit(&mpf_micropython_interrupt_char, (c), memory_order_relaxed)
#else
#define MPF_IS_INTERRUPT_CHAR(c) ((c) == 0x03)
#define MPF_SET_INTERRUPT_CHAR(c) ((void)0)
#endif

// Milliseconds since an arbitrary start, wrapping at 2**32.
uint32_t mpf_port_ticks_ms(void);

#if CONFIG_PORT_HAS_WALL_CLOCK
// Nanoseconds since 1970-01-01 00:00 UTC (the system's real-time clock).
int64_t mpf_port_time_ns(void);
#if CONFIG_PORT_HAS_FILESYSTEM
// os.stat's st_atime, st_mtime, st_ctime (seconds since 1970) of [path] into [out]; false
// when they cannot be read (then os.stat gives 0).
bool mpf_port_file_times(const char *path, int64_t out[3]);
#endif
#endif

// The GC heap region: [*start, *start + *size). The port owns a static, word-aligned
// array of CONFIG_HEAP_SIZE bytes. Called once by mpf_init().
void mpf_port_heap(void **start, size_t *size);

// The C stack: *top is the address just above the deepest frame the core may scan
// (the highest address of the stack on a descending-stack machine), *size the bytes
// below it the VM may use before raising RuntimeError (at most CONFIG_STACK_LIMIT).
// Called by mpf_init() from the thread that runs Python.
void mpf_port_stack(void **top, size_t *size);

// Called from long-running loops in the VM (backward jumps, calls) every few thousand
// instructions: a place to poll for Ctrl-C or feed a watchdog. May do nothing.
void mpf_port_poll(void);

// Nothing to do until something happens: sleep until the next interrupt, or for about
// a millisecond at most (boards: WFI, woken by the 1 ms tick; the host: a short sleep).
// Called by time.sleep, select and the asyncio loop while they wait.
void mpf_port_idle(void);

#if CONFIG_PORT_GC_EXTRA_ROOTS
// Where the collector cannot find every pointer by scanning the C stack (WebAssembly
// keeps locals outside linear memory): call [mark] on each further range of words that
// may hold heap pointers. Called once per collection, after the C stack scan.
void mpf_port_gc_roots(void (*mark)(const void *lo, const void *hi));
#endif

// Leave the program with [status] (0 success). On boards: reset or halt. Never returns.
_Noreturn void mpf_port_exit(int status);

// An unrecoverable error inside the core (an exception with no handler at all, heap
// corruption): print [msg] if possible and stop. Never returns.
_Noreturn void mpf_port_abort(const char *msg);

// The value of sys.platform (e.g. "linux" on the host, "rp2" on the Pico).
extern const char mpf_port_platform[];

#if CONFIG_PORT_HAS_FILESYSTEM || CONFIG_MODULE_VFS
// (With CONFIG_MODULE_VFS on a port without a file system, py/mod_vfs.c defines these: only
// "/" exists, holding the mount points.)
// Size in bytes of the regular file at [path]; -1 if it does not exist, -2 if it is a
// directory. Used by the import system and the .mpy loader.
long mpf_port_file_size(const char *path);

// Read exactly [len] bytes of the file at [path] into [buf]. Returns false on any error.
bool mpf_port_file_read(const char *path, uint8_t *buf, size_t len);

// Directory operations for the os module. Each returns 0 on success or an errno value
// (ENOENT, EEXIST, ENOTDIR, ...), which becomes the OSError raised.
int mpf_port_getcwd(char *buf, size_t len);  // ERANGE when [len] is too small
int mpf_port_chdir(const char *path);
// Call [fn] with each name in the directory except "." and "..", in any order.
int mpf_port_listdir(const char *path, void (*fn)(void *env, const char *name), void *env);
int mpf_port_remove(const char *path);
int mpf_port_mkdir(const char *path);
int mpf_port_rmdir(const char *path);
int mpf_port_rename(const char *from, const char *to);
#if CONFIG_MODULE_VFS
// os.statvfs: f_bsize, f_frsize, f_blocks, f_bfree, f_bavail, f_files, f_ffree, f_favail,
// f_flag, f_namemax of the file system [path] is on, into [out]; 0 or an errno value.
int mpf_port_statvfs(const char *path, uint32_t out[10]);
#endif
#endif
#if CONFIG_PORT_HAS_FILESYSTEM
// os.getenv: the value of the environment variable [name], NULL when it is not set.
const char *mpf_port_getenv(const char *name);
// os.urandom: [len] random bytes from the OS into [buf]; 0 or an errno value.
int mpf_port_urandom(uint8_t *buf, size_t len);
#endif

#if CONFIG_BUILTIN_OPEN
// The builtin open() (the core also offers it as io.open): a port with a filesystem
// defines it with its file object type, as a keyword builtin named open, e.g.
//   const mpf_fun_builtin_t mpf_port_open_obj = MPF_FUN_INIT_KW(MPF_QSTR_open, 1, my_open);
struct mpf_fun_builtin;
extern const struct mpf_fun_builtin mpf_port_open_obj;
#endif

#endif // MPF_PORT_H
