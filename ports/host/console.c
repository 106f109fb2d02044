// console.c -- the host's interactive console, used while the REPL runs (CONFIG_REPL and
// standard input a terminal, including a pseudo-terminal that mpremote drives). It behaves
// like a board's console UART:
//   - the terminal is in raw mode (no echo, no line buffering, no signals from keys), and
//     output turns "\n" into "\r\n" itself;
//   - a reader thread moves input bytes into a ring, as a receive interrupt would, so a
//     Ctrl-C (0x03) is seen while Python code runs: it is not buffered but flagged, and the
//     VM's poll hook (or the next console read) raises KeyboardInterrupt. A SIGINT does the
//     same. While the REPL itself reads (mpf_repl_reading), Ctrl-C is buffered like any
//     other byte, so it keeps its place among them.
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "mpf.h"
#include "port.h"
#include "host.h"
#include "repl.h"

#if CONFIG_REPL

// Bytes typed ahead of the REPL. When full, the reader thread stops reading and the
// terminal (or the pty's writer) waits: nothing is dropped.
#define RING_SIZE 4096
// How long a blocked read sleeps before it looks at the interrupt flag again (a signal
// handler cannot wake a condition variable).
#define WAIT_SLICE_NS (50 * 1000 * 1000)

static bool active;
static struct termios saved_termios;
static bool termios_saved;
static atomic_bool interrupt_pending;

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t changed = PTHREAD_COND_INITIALIZER;
static unsigned char ring[RING_SIZE];
static size_t ring_head, ring_len;  // guarded by lock
static bool ring_eof;               // guarded by lock

static void restore_terminal(void) {
    if (termios_saved) {
        tcsetattr(STDIN_FILENO, TCSANOW, &saved_termios);
    }
}

// Raw mode by hand (cfmakeraw is not POSIX): bytes as typed, no echo, no signals.
static void raw_terminal(void) {
    if (tcgetattr(STDIN_FILENO, &saved_termios) != 0) {
        return;
    }
    termios_saved = true;
    atexit(restore_terminal);
    struct termios t = saved_termios;
    t.c_iflag &= ~(tcflag_t)(IGNBRK | BRKINT | PARMRK | ISTRIP | INLCR | IGNCR | ICRNL | IXON);
    t.c_oflag &= ~(tcflag_t)OPOST;
    t.c_lflag &= ~(tcflag_t)(ECHO | ECHONL | ICANON | ISIG | IEXTEN);
    t.c_cflag = (t.c_cflag & ~(tcflag_t)(CSIZE | PARENB)) | CS8;
    t.c_cc[VMIN] = 1;
    t.c_cc[VTIME] = 0;
    tcsetattr(STDIN_FILENO, TCSANOW, &t);
}

static void on_sigint(int sig) {
    (void)sig;
    atomic_store(&interrupt_pending, true);
}

// Terminated (`mpforge run --timeout`, kill): give the terminal back, then die of it.
static void on_sigterm(int sig) {
    restore_terminal();  // tcsetattr is async-signal-safe
    signal(sig, SIG_DFL);
    raise(sig);
}

static void *reader(void *arg) {
    (void)arg;
    unsigned char buf[256];
    for (;;) {
        ssize_t n = read(STDIN_FILENO, buf, sizeof(buf));
        if (n < 0 && errno == EINTR) {
            continue;
        }
        pthread_mutex_lock(&lock);
        if (n <= 0) {  // end of input, or EIO: the far end of the pty closed
            ring_eof = true;
            pthread_cond_broadcast(&changed);
            pthread_mutex_unlock(&lock);
            return NULL;
        }
        for (ssize_t i = 0; i < n; i++) {
            if (MPF_IS_INTERRUPT_CHAR(buf[i]) && !mpf_repl_reading) {
                atomic_store(&interrupt_pending, true);
                continue;
            }
            while (ring_len == RING_SIZE) {
                pthread_cond_wait(&changed, &lock);
            }
            ring[(ring_head + ring_len) % RING_SIZE] = buf[i];
            ring_len++;
        }
        pthread_cond_broadcast(&changed);
        pthread_mutex_unlock(&lock);
    }
}

bool mpf_host_console_start(void) {
    if (!isatty(STDIN_FILENO)) {
        return false;
    }
    raw_terminal();
    setvbuf(stdout, NULL, _IONBF, 0);
    struct sigaction sa = {0};
    sa.sa_handler = on_sigint;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    sa.sa_handler = on_sigterm;
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);
    pthread_t th;
    if (pthread_create(&th, NULL, reader, NULL) != 0) {
        restore_terminal();
        return false;
    }
    pthread_detach(th);
    active = true;
    mpf_readline_input = true;  // input() echoes and edits, as at the REPL
    return true;
}

bool mpf_host_console_active(void) {
    return active;
}

void mpf_host_console_poll(void) {
    if (active && atomic_exchange(&interrupt_pending, false)) {
        mpf_raise_type(&mpf_type_KeyboardInterrupt);
    }
}

int mpf_host_console_read(void) {
    pthread_mutex_lock(&lock);
    while (ring_len == 0 && !ring_eof && !atomic_load(&interrupt_pending)) {
        struct timespec until;
        clock_gettime(CLOCK_REALTIME, &until);
        until.tv_nsec += WAIT_SLICE_NS;
        if (until.tv_nsec >= 1000000000L) {
            until.tv_sec++;
            until.tv_nsec -= 1000000000L;
        }
        pthread_cond_timedwait(&changed, &lock, &until);
    }
    int c = -1;
    if (ring_len > 0 && !atomic_load(&interrupt_pending)) {
        c = ring[ring_head];
        ring_head = (ring_head + 1) % RING_SIZE;
        ring_len--;
        pthread_cond_broadcast(&changed);
    }
    pthread_mutex_unlock(&lock);
    mpf_host_console_poll();  // a pending Ctrl-C comes first
    return c;
}

bool mpf_host_console_ready(void) {
    pthread_mutex_lock(&lock);
    bool ready = ring_len > 0 || ring_eof;
    pthread_mutex_unlock(&lock);
    return ready || atomic_load(&interrupt_pending);
}

void mpf_host_console_write(FILE *f, const char *data, size_t len) {
    size_t start = 0;
    for (size_t i = 0; i < len; i++) {
        if (data[i] == '\n') {
            fwrite(data + start, 1, i - start, f);
            fwrite("\r\n", 1, 2, f);
            start = i + 1;
        }
    }
    fwrite(data + start, 1, len - start, f);
}

#endif // CONFIG_REPL
