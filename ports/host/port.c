// port.c -- the host (Linux/POSIX) implementation of py/port.h.
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "mpf.h"
#include "port.h"
#include "host.h"

// This POSIX layer is also the WebAssembly port's (ports/wasm/, built by emscripten).
#ifdef __EMSCRIPTEN__
const char mpf_port_platform[] = "webassembly";
#else
const char mpf_port_platform[] = "linux";
#endif

// The GC heap: a static, 16-byte aligned array of CONFIG_HEAP_SIZE bytes.
static uint64_t heap[(CONFIG_HEAP_SIZE + 7) / 8] __attribute__((aligned(16)));

static void *stack_top;
static size_t stack_size;

void mpf_host_set_stack_top(void *top, size_t size) {
    stack_top = top;
    stack_size = size;
}

#ifdef __EMSCRIPTEN__
int mpf_host_errno(void) {
    // emscripten's numbers (its libc's errno.h) -> Linux's, for the errors file and
    // directory calls give.
    static const struct {
        int em, linux;
    } map[] = {
        {EPERM, 1}, {ENOENT, 2}, {EIO, 5}, {ENXIO, 6}, {EBADF, 9}, {EAGAIN, 11}, {ENOMEM, 12},
        {EACCES, 13}, {EBUSY, 16}, {EEXIST, 17}, {EXDEV, 18}, {ENODEV, 19}, {ENOTDIR, 20},
        {EISDIR, 21}, {EINVAL, 22}, {EMFILE, 24}, {EFBIG, 27}, {ENOSPC, 28}, {ESPIPE, 29},
        {EROFS, 30}, {ERANGE, 34}, {ENAMETOOLONG, 36}, {ENOTEMPTY, 39}, {ELOOP, 40},
    };
    int e = errno;
    for (size_t i = 0; i < sizeof(map) / sizeof(map[0]); i++) {
        if (map[i].em == e) {
            return map[i].linux;
        }
    }
    return 5;  // EIO: something this port does not expect
}
#else
int mpf_host_errno(void) {
    return errno;
}
#endif

void mpf_port_stdout_write(const char *data, size_t len) {
#if CONFIG_REPL
    if (mpf_host_console_active()) {
        mpf_host_console_write(stdout, data, len);
        return;
    }
#endif
    fwrite(data, 1, len, stdout);
}

#if CONFIG_MODULE_VFS
void mpf_port_stdout_write_bin(const char *data, size_t len) {
    fwrite(data, 1, len, stdout);
    fflush(stdout);
}
#endif

void mpf_port_stderr_write(const char *data, size_t len) {
    fflush(stdout);
#if CONFIG_REPL
    if (mpf_host_console_active()) {
        mpf_host_console_write(stderr, data, len);
        return;
    }
#endif
    fwrite(data, 1, len, stderr);
}

// Standard input is read through this buffer rather than stdio's so that
// mpf_port_stdin_ready() can tell whether a byte is already waiting.
static unsigned char stdin_buf[512];
// How long a read of standard input waits before it looks at the SIGINT flag again.
#define STDIN_WAIT_SLICE_MS 100
static size_t stdin_pos, stdin_len;

int mpf_port_stdin_read(void) {
    fflush(stdout);
#if CONFIG_REPL
    if (mpf_host_console_active()) {
        return mpf_host_console_read();
    }
#endif
    if (stdin_pos == stdin_len) {
#ifndef __EMSCRIPTEN__
        // Wait in slices, so that a Ctrl-C (SIGINT, on whichever thread it lands) raises
        // KeyboardInterrupt in input() as in CPython, instead of waiting for the next line.
        struct pollfd fd = {.fd = STDIN_FILENO, .events = POLLIN};
        int ready;
        while ((ready = poll(&fd, 1, STDIN_WAIT_SLICE_MS)) == 0 || (ready < 0 && errno == EINTR)) {
            mpf_port_poll();
        }
        mpf_port_poll();
#endif
        ssize_t n;
        do {
            n = read(STDIN_FILENO, stdin_buf, sizeof(stdin_buf));
        } while (n < 0 && errno == EINTR);
        if (n <= 0) {
            return -1;
        }
        stdin_pos = 0;
        stdin_len = (size_t)n;
    }
    return stdin_buf[stdin_pos++];
}

bool mpf_port_stdin_ready(void) {
#if CONFIG_REPL
    if (mpf_host_console_active()) {
        return mpf_host_console_ready();
    }
#endif
    if (stdin_pos < stdin_len) {
        return true;
    }
#ifdef __EMSCRIPTEN__
    // Node's stdin cannot be polled from inside the module: report it readable (a
    // read then waits for input, or returns at the end of it).
    return true;
#else
    struct pollfd fd = {.fd = STDIN_FILENO, .events = POLLIN};
    return poll(&fd, 1, 0) > 0;
#endif
}

uint32_t mpf_port_ticks_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint32_t)((uint64_t)ts.tv_sec * 1000u + (uint64_t)ts.tv_nsec / 1000000u);
}

int64_t mpf_port_time_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + (int64_t)ts.tv_nsec;
}

// The part of it the GC manages: all of it, or what `-X heapsize=N` asked for.
static size_t heap_used = sizeof(heap);

bool mpf_host_set_heap_size(size_t n) {
    if (n < MPF_HOST_HEAP_MIN || n > sizeof(heap)) {
        return false;
    }
    heap_used = n & ~(size_t)15;
    return true;
}

void mpf_port_heap(void **start, size_t *size) {
    *start = heap;
    *size = heap_used;
}

// Bytes of the real stack kept free below the VM's limit for C code that runs after the
// last check (builtins, printing, the sanitizers' larger frames).
#define STACK_MARGIN (256 * 1024)

void mpf_port_stack(void **top, size_t *size) {
#ifdef __EMSCRIPTEN__
    size_t avail = CONFIG_WASM_STACK_SIZE;  // the module's whole C stack; no rlimit there
#else
    struct rlimit rl;
    size_t avail = 8u * 1024 * 1024;
    if (getrlimit(RLIMIT_STACK, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY) {
        avail = (size_t)rl.rlim_cur;
    }
#endif
    if (stack_size != 0) {
        avail = stack_size;
    }
    *top = stack_top;
    *size = avail > 2 * STACK_MARGIN ? avail - STACK_MARGIN : avail / 2;
}

#ifndef __EMSCRIPTEN__
// SIGINT (Ctrl-C at a terminal, kill -INT) while a program runs without the interactive
// console (a file, -c, a piped boot): the handler only sets this flag; the VM's poll hook
// raises KeyboardInterrupt in the running code, as a board's console interrupt does. The
// interactive console (console.c) installs its own handler, with the same effect.
static volatile sig_atomic_t sigint_pending;

static void on_sigint(int sig) {
    (void)sig;
    sigint_pending = 1;
}

void mpf_host_sigint_init(void) {
    struct sigaction sa = {0};
    sa.sa_handler = on_sigint;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;  // a blocking read goes on; the next poll raises
    sigaction(SIGINT, &sa, NULL);
}
#else
void mpf_host_sigint_init(void) {
}
#endif

#if CONFIG_FAULT_INJECT
// Fault injection (py/Kconfig FAULT_INJECT): the poll checks counted since mpf_host_fault_arm,
// the one that finds a Ctrl-C pending (0: none).
static unsigned long long fault_polls, fault_interrupt_at;

// A count from the environment variable [name], 0 when it is unset or not a count; *[more]
// (if given): after a "+", the count that follows it, ULLONG_MAX for none ("N+": all from N).
static unsigned long long fault_env(const char *name, unsigned long long *more) {
    const char *v = getenv(name);
    unsigned long long n = 0;
    if (v == NULL) {
        return 0;
    }
    for (; *v >= '0' && *v <= '9'; v++) {
        n = n * 10 + (unsigned long long)(*v - '0');
    }
    if (more != NULL) {
        *more = 1;
        if (*v == '+') {
            *more = v[1] == 0 ? ULLONG_MAX : 0;
            for (v++; *v >= '0' && *v <= '9'; v++) {
                *more = *more * 10 + (unsigned long long)(*v - '0');
            }
        }
    }
    return n;
}

static void fault_stats(void) {
    fprintf(stderr, "@fault allocs=%llu polls=%llu\n", mpf_gc_fault.count, fault_polls);
}

void mpf_host_fault_arm(void) {
    unsigned long long more = 1;
    mpf_gc_fault.fail_at = fault_env("MPF_FAULT_ALLOC", &more);
    mpf_gc_fault.fail_to = more > ULLONG_MAX - mpf_gc_fault.fail_at ? ULLONG_MAX : mpf_gc_fault.fail_at + more - 1;
    mpf_gc_fault.count = 0;
    mpf_gc_fault.armed = true;
    fault_interrupt_at = fault_env("MPF_FAULT_INTERRUPT", NULL);
    fault_polls = 0;
    static bool registered;
    if (!registered && fault_env("MPF_FAULT_STATS", NULL) != 0) {
        registered = true;
        atexit(fault_stats);
    }
}
#endif

void mpf_port_poll(void) {
#if CONFIG_FAULT_INJECT
    if (++fault_polls == fault_interrupt_at) {
        sigint_pending = 1;  // as on_sigint does
    }
#endif
#if CONFIG_REPL
    mpf_host_console_poll();
#endif
#ifndef __EMSCRIPTEN__
    if (sigint_pending) {
        sigint_pending = 0;
        mpf_raise_type(&mpf_type_KeyboardInterrupt);
    }
#endif
}

void mpf_port_idle(void) {
    struct timespec ts = {0, 500 * 1000};
    nanosleep(&ts, NULL);
}

_Noreturn void mpf_port_exit(int status) {
    fflush(stdout);
    fflush(stderr);
    exit(status);
}

_Noreturn void mpf_port_abort(const char *msg) {
    fflush(stdout);
    fprintf(stderr, "%s\n", msg);
    exit(1);
}

#if defined(__SANITIZE_ADDRESS__) || defined(__has_feature)
#if defined(__SANITIZE_ADDRESS__)
#define HOST_ASAN 1
#elif __has_feature(address_sanitizer)
#define HOST_ASAN 1
#endif
#endif
#ifdef HOST_ASAN
// The GC scans the C stack conservatively: locals must live on the real stack, not on
// ASan's fake stack for use-after-return detection.
const char *__asan_default_options(void);
const char *__asan_default_options(void) {
    return "detect_stack_use_after_return=0:detect_leaks=0";
}
#endif
