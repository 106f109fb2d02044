// main.c -- the host executable: `firmware FILE.mpy [ARGS...]` runs FILE as __main__;
// `firmware` alone boots like a board: the frozen boot.py, then main.py, then (at a
// terminal, with CONFIG_REPL) the REPL. With the
// compiler: `firmware FILE.py` runs source, `firmware -c CODE` runs CODE, and
// `firmware --compile IN.py -o OUT.mpy [-O N] [-s NAME]`... writes what our compiler makes.
// `firmware --check FILE.mpy...` loads and verifies each file without running it.
// `-X emit=bytecode` and `-X heapsize=N[w][K|M]` may come first (MicroPython's options: the
// only emitter is bytecode; the heap the GC manages shrinks to N bytes of the one built in).
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "mpf.h"
#include "port.h"
#include "host.h"
#if CONFIG_COMPILER
#include "compile.h"
#endif
#if CONFIG_REPL
#include "repl.h"
#endif

// Exit status for a file that cannot be run.
#define EXIT_EXCEPTION 1

// [path]'s bytes in a heap block with room for one more byte, their count in *len; NULL if it
// cannot be read. Read to its end rather than by the size stat() gives, which a pipe does not
// have (`firmware /dev/stdin`, `firmware <(...)`). A MemoryError here leaks the FILE: accepted
// on the host, as for directories (fs.c).
static uint8_t *read_file(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        return NULL;
    }
    size_t cap = 4096, n = 0, got;
    uint8_t *buf = mpf_gc_alloc(cap + 1, false);
    while ((got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap) {
            cap *= 2;
            buf = mpf_gc_realloc(buf, cap + 1);
        }
    }
    bool failed = ferror(f) != 0;
    fclose(f);
    *len = n;
    return failed ? NULL : buf;
}

// Load and run [path] as __main__; returns the process exit status.
__attribute__((noinline)) static int run_main(int argc, char **argv) {
    const char *path = argv[1];
    mpf_init();
    for (int i = 1; i < argc; i++) {
        mpf_list_append(mpf_sys_argv(), mpf_obj_new_str(argv[i], strlen(argv[i])));
    }
    const char *slash = strrchr(path, '/');
    if (slash != NULL) {
        mpf_list_append(mpf_sys_path(), mpf_obj_new_str(path, (size_t)(slash - path)));
    } else {
        // the script's directory, absolute as in CPython (programs open files next to themselves
        // through sys.path[0] + "/name")
        char cwd[4096];
        if (getcwd(cwd, sizeof(cwd)) != NULL) {
            mpf_list_append(mpf_sys_path(), mpf_obj_new_str(cwd, strlen(cwd)));
        } else {
            mpf_list_append(mpf_sys_path(), mpf_obj_new_str("", 0));
        }
    }
    long size = mpf_port_file_size(path);
    if (size < 0) {
        fprintf(stderr, "error: %s: %s\n", path, size == -2 ? "is a directory, expected an .mpy file" : "no such file");
        return EXIT_EXCEPTION;
    }
    mpf_nlr_t nlr;
    mpf_nlr_push(&nlr);
    if (setjmp(nlr.jb) == 0) {
        size_t len;
        uint8_t *buf = read_file(path, &len);
        if (buf == NULL) {
            fprintf(stderr, "error: %s: cannot read file\n", path);
            mpf_nlr_pop(&nlr);
            return EXIT_EXCEPTION;
        }
        mpf_load_result_t res;
        MPF_HOST_FAULT_ARM();
#if CONFIG_COMPILER
        size_t plen = strlen(path);
        if (plen < 4 || strcmp(path + plen - 4, ".mpy") != 0) {
            const char *src = mpf_compile_decode((const char *)buf, &len);
            res = mpf_compile(src, len, path, MPF_COMPILE_EXEC);
        } else
#endif
        res = mpf_load_mpy(buf, len);
        if (res.error != NULL) {
            fprintf(stderr, "error: %s: invalid .mpy file: %s\n", path, res.error);
            mpf_nlr_pop(&nlr);
            return EXIT_EXCEPTION;
        }
        mpf_boot_run_as_main(res.rc, res.ctx, mpf_obj_new_str(path, strlen(path)));
        mpf_nlr_pop(&nlr);
        return 0;
    }
    return mpf_boot_exit_status(nlr.exc);
}

// `--check FILE...`: load and verify each .mpy file (the loader's checks, nothing runs) and
// print `FILE: ok` or `FILE: <why it was refused>` on stdout; one process for many files
// keeps the loader's fuzz test fast. The status is 1 if any file was refused.
__attribute__((noinline)) static int run_check(int argc, char **argv) {
    mpf_init();
    int status = 0;
    for (int i = 2; i < argc; i++) {
        const char *volatile why = NULL;  // (set between setjmp and a longjmp)
        mpf_nlr_t nlr;
        mpf_nlr_push(&nlr);
        if (setjmp(nlr.jb) == 0) {
            size_t len;
            const uint8_t *buf = read_file(argv[i], &len);
            why = buf == NULL ? "cannot read file" : mpf_load_mpy(buf, len).error;
            mpf_nlr_pop(&nlr);
        } else {
            why = mpf_obj_is_type(nlr.exc, &mpf_type_MemoryError) ? "MemoryError" : "raised an exception";
        }
        printf("%s: %s\n", argv[i], why == NULL ? "ok" : why);
        status |= why != NULL;
    }
    return status;
}

#if CONFIG_COMPILER
// `-c CODE [ARGS...]`: run CODE as __main__ (sys.argv[0] is "-c", as in CPython).
__attribute__((noinline)) static int run_code(int argc, char **argv) {
    mpf_init();
    mpf_list_append(mpf_sys_argv(), mpf_obj_new_str("-c", 2));
    for (int i = 3; i < argc; i++) {
        mpf_list_append(mpf_sys_argv(), mpf_obj_new_str(argv[i], strlen(argv[i])));
    }
    mpf_list_append(mpf_sys_path(), mpf_obj_new_str("", 0));
    mpf_nlr_t nlr;
    mpf_nlr_push(&nlr);
    if (setjmp(nlr.jb) == 0) {
        MPF_HOST_FAULT_ARM();
        mpf_load_result_t res = mpf_compile(argv[2], strlen(argv[2]), "<string>", MPF_COMPILE_EXEC);
        mpf_boot_run_as_main(res.rc, res.ctx, MPF_OBJ_NULL);
        mpf_nlr_pop(&nlr);
        return 0;
    }
    return mpf_boot_exit_status(nlr.exc);
}

#if CONFIG_COMPILER_MPY_OUTPUT
// Compile one source file to an .mpy file; false (after a message) on failure.
static bool compile_one(const char *in, const char *out, unsigned opt, const char *name, bool verbose) {
    long size = mpf_port_file_size(in);
    if (size < 0) {
        fprintf(stderr, "error: %s: no such file\n", in);
        return false;
    }
    mpf_nlr_t nlr;
    mpf_nlr_push(&nlr);
    if (setjmp(nlr.jb) == 0) {
        size_t len;
        char *buf = (char *)read_file(in, &len);
        if (buf == NULL) {
            mpf_nlr_pop(&nlr);
            fprintf(stderr, "error: %s: cannot read file\n", in);
            return false;
        }
        size_t n = 0;
        mpf_compile_heap_peak = verbose ? 1 : 0;   // measure when asked
        uint8_t *mpy = mpf_compile_to_mpy(buf, len, name, MPF_COMPILE_EXEC, opt, &n);
        mpf_nlr_pop(&nlr);
        if (verbose) {
            fprintf(stderr, "%s: %zu bytes of source, %zu bytes of .mpy, %zu bytes of heap at the peak\n", in, len, n,
                mpf_compile_heap_peak);
        }
        FILE *f = fopen(out, "wb");
        if (f == NULL || fwrite(mpy, 1, n, f) != n || fclose(f) != 0) {
            fprintf(stderr, "error: %s: cannot write file\n", out);
            return false;
        }
        return true;
    }
    mpf_boot_exit_status(nlr.exc);
    return false;
}

// `--compile IN -o OUT [-O N] [-s NAME] [-v]`, repeatable (-v: sizes and heap used; the options
// before or after IN): each IN is compiled on its own (one process for many files keeps the
// differential test fast); the status is 1 if any failed.
__attribute__((noinline)) static int run_compile(int argc, char **argv) {
    mpf_init();
    int status = 0;
    int i = 1;
    while (i < argc) {
        if (strcmp(argv[i], "--compile") != 0) {
            fprintf(stderr, "error: usage: firmware --compile IN.py -o OUT.mpy [-O N] [-s NAME] [-v] ...\n");
            return 2;
        }
        const char *in = NULL;
        const char *out = NULL;
        const char *name = NULL;
        unsigned opt = 0;
        bool verbose = false;
        i += 1;
        while (i < argc && strcmp(argv[i], "--compile") != 0) {
            const char *a = argv[i];
            const char *val = i + 1 < argc ? argv[i + 1] : NULL;
            if (strcmp(a, "-v") == 0) {
                verbose = true;
                i += 1;
                continue;
            }
            if (a[0] != '-' || a[1] == 0) {
                if (in != NULL) {
                    fprintf(stderr, "error: --compile %s: a second input '%s' (one IN.py per --compile)\n", in, a);
                    return 2;
                }
                in = a;
                i += 1;
                continue;
            }
            bool takes_value = strcmp(a, "-o") == 0 || strcmp(a, "-s") == 0 || strcmp(a, "-O") == 0;
            if (!takes_value) {
                fprintf(stderr, "error: --compile %s: unknown option '%s' (expected -o OUT, -O 0..3, -s NAME, -v)\n", in != NULL ? in : "", a);
                return 2;
            }
            if (val == NULL) {
                fprintf(stderr, "error: --compile %s: %s needs a value\n", in != NULL ? in : "", a);
                return 2;
            }
            if (a[1] == 'o') {
                out = val;
            } else if (a[1] == 's') {
                name = val;
            } else if (val[0] >= '0' && val[0] <= '3' && val[1] == 0) {
                opt = (unsigned)(val[0] - '0');
            } else {
                fprintf(stderr, "error: --compile %s: -O %s: the level is 0, 1, 2 or 3\n", in != NULL ? in : "", val);
                return 2;
            }
            i += 2;
        }
        if (in == NULL) {
            fprintf(stderr, "error: --compile: missing the input IN.py\n");
            return 2;
        }
        if (name == NULL) {
            name = in;
        }
        if (out == NULL) {
            fprintf(stderr, "error: --compile %s: missing -o OUT.mpy\n", in);
            return 2;
        }
        if (!compile_one(in, out, opt, name, verbose)) {
            status = 1;
        }
        mpf_gc_collect();
    }
    return status;
}
#endif
#endif

// No file: boot like a board, running the frozen boot.py and main.py.
__attribute__((noinline)) static int run_frozen(int argc, char **argv) {
    mpf_init();
    for (int i = 0; i < argc; i++) {
        mpf_list_append(mpf_sys_argv(), mpf_obj_new_str(argv[i], strlen(argv[i])));
    }
    MPF_HOST_FAULT_ARM();
    return mpf_boot_frozen();
}

#if CONFIG_REPL
// At a terminal with no file: boot like a board, then the REPL; a soft reset (Ctrl-D)
// starts the core afresh and boots again. Returns the exit status (end of input: 0).
__attribute__((noinline)) static int run_repl(int argc, char **argv) {
    for (;;) {
        mpf_init();
        for (int i = 0; i < argc; i++) {
            mpf_list_append(mpf_sys_argv(), mpf_obj_new_str(argv[i], strlen(argv[i])));
        }
        // imports from the current directory (a mount's too: mpremote mount DIR), as
        // CPython's interactive sys.path[0] and MicroPython's ''
        mpf_list_append(mpf_sys_path(), mpf_obj_new_str("", 0));
        MPF_HOST_FAULT_ARM();
        (void)mpf_boot_frozen();  // main.py's traceback is printed; the prompt follows
        int status = mpf_repl_run(true);
        mpf_deinit();
        if (status != MPF_REPL_SOFT_RESET) {
            return status;
        }
    }
}
#endif

// No file: the REPL at a terminal, else the frozen boot.py and main.py.
static int run_no_file(int argc, char **argv) {
#if CONFIG_REPL
    if (mpf_host_console_start()) {
        return run_repl(argc, argv);
    }
#endif
    return run_frozen(argc, argv);
}

// The interpreter runs on a thread with a stack of this size, so deep recursion (and
// the larger frames of sanitizer builds) reach the VM's RuntimeError, not a segfault.
#define VM_THREAD_STACK (64u * 1024 * 1024)

typedef struct {
    int argc;
    char **argv;
    int status;
} vm_args_t;

// `-X heapsize=N[w][K|M]` (MicroPython's form: w counts words, K and M multiply): true and
// the GC heap set to that many bytes, else false.
static bool x_heapsize(const char *text) {
    char *end;
    unsigned long long n = strtoull(text, &end, 10);
    if (end == text || *text == '-' || *text == '+') {
        return false;
    }
    unsigned long long unit = 1;
    if (*end == 'w') {
        unit = sizeof(void *);
        end++;
    }
    if (*end == 'K' || *end == 'k' || *end == 'M' || *end == 'm') {
        unit *= *end == 'K' || *end == 'k' ? 1024 : 1024 * 1024;
        end++;
    }
    // (a product past the largest heap, wrapped or not, is refused)
    return *end == '\0' && n <= SIZE_MAX / unit && mpf_host_set_heap_size((size_t)(n * unit));
}

// MicroPython's `-X emit=bytecode` and `-X heapsize=N` (its test runner passes them before
// the file). NULL when [opt] is one of them (and applied), else why it is refused.
static const char *x_option_refused(const char *opt) {
    if (strcmp(opt, "emit=bytecode") == 0) {
        return NULL;
    }
    if (strncmp(opt, "heapsize=", 9) == 0) {
        return x_heapsize(opt + 9) ? NULL
                                   : "expected a size from 32K to the heap built in (N[w][K|M])";
    }
    return strncmp(opt, "emit=", 5) == 0 ? "this core runs bytecode only: use emit=bytecode"
                                         : "unknown option: expected emit=bytecode or heapsize=N";
}

// Choose what the command line asks for.
static int dispatch(int argc, char **argv) {
    while (argc >= 2 && strcmp(argv[1], "-X") == 0) {
        if (argc < 3) {
            fprintf(stderr, "error: -X needs an option: -X emit=bytecode or -X heapsize=N\n");
            return 2;
        }
        const char *why = x_option_refused(argv[2]);
        if (why != NULL) {
            fprintf(stderr, "error: -X %s: %s\n", argv[2], why);
            return 2;
        }
        argv[2] = argv[0];  // drop `-X OPT`, keeping the program's name first
        argv += 2;
        argc -= 2;
    }
    if (argc < 2 || strcmp(argv[1], "--compile") != 0) {
        mpf_host_sigint_init();  // a running program gets Ctrl-C as KeyboardInterrupt
    }
    if (argc < 2) {
        return run_no_file(argc, argv);
    }
    if (strcmp(argv[1], "--check") == 0) {
        return run_check(argc, argv);
    }
#if CONFIG_COMPILER
#if CONFIG_COMPILER_MPY_OUTPUT
    if (strcmp(argv[1], "--compile") == 0) {
        return run_compile(argc, argv);
    }
#endif
    if (strcmp(argv[1], "-c") == 0) {
        if (argc < 3) {
            fprintf(stderr, "error: -c needs an argument: firmware -c CODE\n");
            return 2;
        }
        return run_code(argc, argv);
    }
#endif
    return run_main(argc, argv);
}

static void *vm_thread(void *arg) {
    vm_args_t *a = arg;
    volatile int top = 0;
    mpf_host_set_stack_top((void *)&top, VM_THREAD_STACK - 64 * 1024);
    a->status = dispatch(a->argc, a->argv);
    return NULL;
}

int main(int argc, char **argv) {
#if CONFIG_REPL
    mpf_readline_input = false;  // until the console starts: stdin may be a pipe
#endif
    vm_args_t a = {argc, argv, 1};
    pthread_attr_t attr;
    pthread_t th;
    if (pthread_attr_init(&attr) != 0 || pthread_attr_setstacksize(&attr, VM_THREAD_STACK) != 0 ||
        pthread_create(&th, &attr, vm_thread, &a) != 0) {
        // no thread: run on the main stack
        volatile int top = 0;
        mpf_host_set_stack_top((void *)&top, 0);
        a.status = dispatch(argc, argv);
    } else {
        pthread_join(th, NULL);
    }
    mpf_port_exit(a.status);
}
