// selftest.c -- CONFIG_PORT_SELFTEST: the hardware layer without the Python core.
// Prints the clock, proves SysTick advances and delays, then echoes console lines
// received through the RX ring buffer. Commands: "exit N" halts with status N
// (leaves the emulator under SEMIHOSTING_EXIT), "fault" runs an undefined
// instruction (the fault handler reports it), Ctrl-C prints "^C" (the interrupt
// hook), Ctrl-D halts with status 0.
#include <string.h>

#include "stm32hal.h"

#define LINE_MAX 80
#define CHAR_CTRL_D 0x04

static void put(const char *s) {
    cm_console_write(s, strlen(s), true);
}

static void put_uint(uint32_t v) {
    char buf[11];
    size_t i = sizeof(buf);
    buf[--i] = '\0';
    do {
        buf[--i] = (char)('0' + v % 10u);
        v /= 10u;
    } while (v != 0);
    put(buf + i);
}

// Parse the decimal number at [s]; [*ok] false if there is none.
static int parse_int(const char *s, bool *ok) {
    int v = 0;
    *ok = *s >= '0' && *s <= '9';
    while (*s >= '0' && *s <= '9') {
        v = v * 10 + (*s++ - '0');
    }
    *ok = *ok && *s == '\0';
    return v;
}

static void run_line(const char *line) {
    bool ok;
    if (strncmp(line, "exit ", 5) == 0) {
        int status = parse_int(line + 5, &ok);
        if (ok) {
            put("exit ");
            put_uint((uint32_t)status);
            put("\n");
            cm_halt(status);
        }
    } else if (strcmp(line, "fault") == 0) {
        __asm__ volatile("udf #0");
    } else if (strcmp(line, "ticks") == 0) {
        put("ticks ");
        put_uint(cm_tick_ms());
        put("\n");
        return;
    }
    put("echo: ");
    put(line);
    put("\n");
}

int main(void) {
    put("mpforge stm32 self-test: " CONFIG_CHIP " HCLK ");
    put_uint(stm32_clock_hclk_hz());
    put(" Hz\n");
    if (stm32_clock_fell_back()) {
        put("warning: HSE or PLL did not start; running on HSI 16 MHz\n");
    }
    uint32_t t0 = cm_tick_ms();
    cm_tick_delay_ms(100);
    put("tick: sleep 100 ms advanced ticks by ");
    put_uint(cm_tick_ms() - t0);
    put("\nready\n");

    char line[LINE_MAX + 1];
    size_t len = 0;
    for (;;) {
        if (cm_console_take_interrupt()) {
            put("^C\n");
        }
        int c = cm_console_getc();
        if (c < 0) {
            __asm__ volatile("wfi");
            continue;
        }
        if (c == CHAR_CTRL_D) {
            put("bye\n");
            cm_halt(0);
        }
        if (c == '\r' || c == '\n') {
            line[len] = '\0';
            if (len > 0) {
                run_line(line);
            }
            len = 0;
        } else if (len < LINE_MAX) {
            line[len++] = (char)c;
        }
    }
}
