// main.c -- the host executable: `firmware FILE.mpy [ARGS...]` runs FILE as __main__;
// `firmware` alone boots like a board: the frozen boot.py, then main.py, then (at a
// terminal, with CONFIG_REPL) the REPL.
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mpf.h"
#include "port.h"
#include "host.h"
#if CONFIG_REPL
#include "repl.h"
#endif

// Exit status for a file that cannot be run.
#define EXIT_EXCEPTION 1

// Load and run [path] as __main__; returns the process exit status.
__attribute__((noinline)) static int run_main(int argc, char **argv) {
    const char *path = argv[1];
    mpf_init();
    for (int i = 1; i < argc; i++) {
        mpf_list_append(mpf_state.sys_argv, mpf_obj_new_str(argv[i], strlen(argv[i])));
    }
    const char *slash = strrchr(path, '/');
    if (slash != NULL) {
        mpf_list_append(mpf_state.sys_path, mpf_obj_new_str(path, (size_t)(slash - path)));
    } else {
        mpf_list_append(mpf_state.sys_path, mpf_obj_new_str("", 0));
    }
    long size = mpf_port_file_size(path);
    if (size < 0) {
        fprintf(stderr, "error: %s: %s\n", path, size == -2 ? "is a directory, expected an .mpy file" : "no such file");
        return EXIT_EXCEPTION;
    }
    mpf_nlr_t nlr;
    mpf_nlr_push(&nlr);
    if (setjmp(nlr.jb) == 0) {
        uint8_t *buf = mpf_gc_alloc((size_t)size + 1, false);
        if (!mpf_port_file_read(path, buf, (size_t)size)) {
            fprintf(stderr, "error: %s: cannot read file\n", path);
            mpf_nlr_pop(&nlr);
            return EXIT_EXCEPTION;
        }
        mpf_load_result_t res = mpf_load_mpy(buf, (size_t)size);
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

// No file: boot like a board, running the frozen boot.py and main.py.
__attribute__((noinline)) static int run_frozen(int argc, char **argv) {
    mpf_init();
    for (int i = 0; i < argc; i++) {
        mpf_list_append(mpf_state.sys_argv, mpf_obj_new_str(argv[i], strlen(argv[i])));
    }
    return mpf_boot_frozen();
}

#if CONFIG_REPL
// At a terminal with no file: boot like a board, then the REPL; a soft reset (Ctrl-D)
// starts the core afresh and boots again. Returns the exit status (end of input: 0).
__attribute__((noinline)) static int run_repl(int argc, char **argv) {
    for (;;) {
        mpf_init();
        for (int i = 0; i < argc; i++) {
            mpf_list_append(mpf_state.sys_argv, mpf_obj_new_str(argv[i], strlen(argv[i])));
        }
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

static void *vm_thread(void *arg) {
    vm_args_t *a = arg;
    volatile int top = 0;
    mpf_host_set_stack_top((void *)&top, VM_THREAD_STACK - 64 * 1024);
    a->status = a->argc < 2 ? run_no_file(a->argc, a->argv) : run_main(a->argc, a->argv);
    return NULL;
}

int main(int argc, char **argv) {
    vm_args_t a = {argc, argv, 1};
    pthread_attr_t attr;
    pthread_t th;
    if (pthread_attr_init(&attr) != 0 || pthread_attr_setstacksize(&attr, VM_THREAD_STACK) != 0 ||
        pthread_create(&th, &attr, vm_thread, &a) != 0) {
        // no thread: run on the main stack
        volatile int top = 0;
        mpf_host_set_stack_top((void *)&top, 0);
        a.status = argc < 2 ? run_no_file(argc, argv) : run_main(argc, argv);
    } else {
        pthread_join(th, NULL);
    }
    mpf_port_exit(a.status);
}
