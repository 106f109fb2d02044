// machine_hal.h -- what the shared `machine` module (ports/shared/machine.c) asks of a
// chip: pins, UARTs, reset, clock frequency and the unique ID. The module does all the
// Python (argument parsing, objects, timeouts, streams); the chip port implements these
// functions on its registers. One prefix: mhal_.
#ifndef PORTS_SHARED_MACHINE_HAL_H
#define PORTS_SHARED_MACHINE_HAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "machine_chip.h"  // the chip port's: MHAL_UART_MAX

// ---------------------------------------------------------------- pins
// A pin is the chip's own number for it (e.g. port * 32 + bit), below MHAL_PIN_COUNT.
typedef enum {
    MHAL_PIN_IN = 0,
    MHAL_PIN_OUT = 1,
    MHAL_PIN_OPEN_DRAIN = 2,
    MHAL_PIN_ALT = 3,
    MHAL_PIN_ALT_OPEN_DRAIN = 4,
    MHAL_PIN_ANALOG = 5,
} mhal_pin_mode_t;
typedef enum { MHAL_PULL_NONE = 0, MHAL_PULL_UP = 1, MHAL_PULL_DOWN = 2 } mhal_pin_pull_t;

// The number of pin numbers (some may not exist: mhal_pin_exists says).
extern const unsigned mhal_pin_count;
bool mhal_pin_exists(unsigned pin);
// Parse a pin name ("PA5"); [name] is NUL-terminated. False: no such pin.
bool mhal_pin_parse(const char *name, unsigned *pin);
// Write the pin's name (at most 7 characters and a NUL) into [buf].
void mhal_pin_name(unsigned pin, char buf[8]);
// Apply a configuration; NULL on success, else what is wrong with it (nothing changed).
// [alt] is the alternate function number in the ALT modes (the chip gives its range).
const char *mhal_pin_config(unsigned pin, mhal_pin_mode_t mode, mhal_pin_pull_t pull, int alt);
// The pin's current configuration, as the registers say.
void mhal_pin_get(unsigned pin, mhal_pin_mode_t *mode, mhal_pin_pull_t *pull, int *alt);
bool mhal_pin_read(unsigned pin);
void mhal_pin_write(unsigned pin, bool high);
// The output latch (what the pin drives), for toggle().
bool mhal_pin_output(unsigned pin);

// ---------------------------------------------------------------- UARTs
typedef enum { MHAL_PARITY_NONE = 0, MHAL_PARITY_EVEN = 1, MHAL_PARITY_ODD = 2 } mhal_parity_t;
typedef struct {
    uint32_t baud;
    uint8_t bits;  // data bits
    mhal_parity_t parity;
    uint8_t stop;    // 1 or 2
    uint16_t rxbuf;  // receive ring capacity; 0: the chip's default
} mhal_uart_config_t;

// UART ids run from 0 to MHAL_UART_MAX (inclusive, a macro of the chip's header
// machine_chip.h); some may not exist on the chip.
bool mhal_uart_exists(int id);
// The console's id (machine.UART refuses it: it is sys.stdin/sys.stdout), or -1.
extern const int mhal_uart_console;
// Open (or reopen) with [cfg]; NULL on success, else why not (nothing changed).
const char *mhal_uart_open(int id, const mhal_uart_config_t *cfg);
void mhal_uart_close(int id);
bool mhal_uart_is_open(int id);
const mhal_uart_config_t *mhal_uart_config(int id);
// Blocking transmit of [len] bytes.
void mhal_uart_write(int id, const char *data, size_t len);
// A received byte from the ring, or -1; the bytes waiting.
int mhal_uart_getc(int id);
size_t mhal_uart_any(int id);
// Room for a byte in the transmitter; everything sent has left the pin.
bool mhal_uart_tx_ready(int id);
bool mhal_uart_tx_done(int id);
void mhal_uart_send_break(int id);

// ---------------------------------------------------------------- the rest
_Noreturn void mhal_reset(void);
uint32_t mhal_freq(void);
// The chip's unique ID bytes: stores at most [max] into [buf], returns the count.
size_t mhal_unique_id(uint8_t *buf, size_t max);
// Milliseconds (for UART timeouts).
uint32_t mhal_ticks_ms(void);

#endif // PORTS_SHARED_MACHINE_HAL_H
