// machine_hal.h -- what the shared `machine` module (ports/shared/machine.c) asks of a
// chip: pins, UARTs, reset, clock frequency and the unique ID. The module does all the
// Python (argument parsing, objects, timeouts, streams); the chip port implements these
// functions on its registers. One prefix: mhal_.
//
// The chip's machine_chip.h sizes the tables (MHAL_UART_MAX) and says, with the optional
// macros below, which extras it has and how it names things; each default is what most
// chips do. Extras a chip has (MHAL_..._HAS_... = 1) are features seen from Python; a
// chip without one does not show the method, constant or argument at all.
#ifndef PORTS_SHARED_MACHINE_HAL_H
#define PORTS_SHARED_MACHINE_HAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "machine_chip.h"  // the chip port's: MHAL_UART_MAX

// ---------------------------------------------------------------- pins
// Pin.ALT, Pin.ALT_OPEN_DRAIN, Pin.ANALOG and Pin(..., alt=n) exist (the chip takes an
// alternate function number 0..15 in the ALT modes).
#ifndef MHAL_PIN_HAS_ALT
#define MHAL_PIN_HAS_ALT 0
#endif
// Pin.PULL_DOWN exists.
#ifndef MHAL_PIN_HAS_PULL_DOWN
#define MHAL_PIN_HAS_PULL_DOWN 1
#endif
// Pins have names (mhal_pin_parse) besides numbers; MHAL_PIN_NAME_HINT follows
// "invalid pin name 'x'" and says what a name looks like.
#ifndef MHAL_PIN_HAS_NAMES
#define MHAL_PIN_HAS_NAMES 1
#endif
#ifndef MHAL_PIN_NAME_HINT
#define MHAL_PIN_NAME_HINT " (expected e.g. 'PA5')"
#endif
// The ValueError of a pin number that does not exist: a format given the number (%d),
// which it may leave out.
#ifndef MHAL_PIN_RANGE_ERROR
#define MHAL_PIN_RANGE_ERROR "pin number out of range"
#endif
// Pin(id) without mode or pull makes the pin an input without pull (else it is left as
// it is and its settings are read back with mhal_pin_get).
#ifndef MHAL_PIN_NEW_IS_INPUT
#define MHAL_PIN_NEW_IS_INPUT 0
#endif
// repr(pin): "Pin(" MHAL_PIN_REPR_ID ", " MHAL_PIN_REPR_MODE "OUT" [", " MHAL_PIN_REPR_PULL
// "PULL_UP"] [", alt=n"] ")", the id a format of the name (mhal_pin_name).
#ifndef MHAL_PIN_REPR_ID
#define MHAL_PIN_REPR_ID "'%s'"
#endif
#ifndef MHAL_PIN_REPR_MODE
#define MHAL_PIN_REPR_MODE "mode=Pin."
#endif
#ifndef MHAL_PIN_REPR_PULL
#define MHAL_PIN_REPR_PULL "pull=Pin."
#endif
// A pin is the chip's own number for it (e.g. port * 32 + bit), below mhal_pin_count.
// The modes are numbered as Python sees them (Pin.OUT ...); a chip may number them with
// its own register encodings (MHAL_PIN_MODE_CODES: all six enumerators).
typedef enum {
#ifdef MHAL_PIN_MODE_CODES
    MHAL_PIN_MODE_CODES
#else
    MHAL_PIN_IN, MHAL_PIN_OUT, MHAL_PIN_OPEN_DRAIN, MHAL_PIN_ALT, MHAL_PIN_ALT_OPEN_DRAIN, MHAL_PIN_ANALOG
#endif
} mhal_pin_mode_t;
typedef enum { MHAL_PULL_NONE = 0, MHAL_PULL_UP = 1, MHAL_PULL_DOWN = 2 } mhal_pin_pull_t;

// The number of pin numbers (some may not exist: mhal_pin_exists says).
extern const unsigned mhal_pin_count;
bool mhal_pin_exists(unsigned pin);
// Parse a pin name ("PA5"); [name] is NUL-terminated. False: no such pin.
// (Only with MHAL_PIN_HAS_NAMES.)
bool mhal_pin_parse(const char *name, unsigned *pin);
// Write the pin's name as repr() shows it (at most 7 characters and a NUL) into [buf].
void mhal_pin_name(unsigned pin, char buf[8]);
// Apply a configuration; NULL on success, else what is wrong with it (nothing changed).
// [alt] is the alternate function number in the ALT modes (the chip gives its range).
const char *mhal_pin_config(unsigned pin, mhal_pin_mode_t mode, mhal_pin_pull_t pull, int alt);
// The pin's current configuration, as the registers say (not with MHAL_PIN_NEW_IS_INPUT).
void mhal_pin_get(unsigned pin, mhal_pin_mode_t *mode, mhal_pin_pull_t *pull, int *alt);
bool mhal_pin_read(unsigned pin);
void mhal_pin_write(unsigned pin, bool high);
// The output latch (what the pin drives), for toggle().
bool mhal_pin_output(unsigned pin);

// ---------------------------------------------------------------- UARTs
// UART(id) without a baud rate opens at this one.
#ifndef MHAL_UART_DEFAULT_BAUD
#define MHAL_UART_DEFAULT_BAUD 9600
#endif
// UART(..., tx=pin, rx=pin): the chip routes a UART to the pins asked for.
#ifndef MHAL_UART_HAS_PIN_ARGS
#define MHAL_UART_HAS_PIN_ARGS 0
#endif
// repr(uart) names its pins (mhal_uart_pin_names).
#ifndef MHAL_UART_REPR_PINS
#define MHAL_UART_REPR_PINS 0
#endif
// uart.sendbreak() exists.
#ifndef MHAL_UART_HAS_BREAK
#define MHAL_UART_HAS_BREAK 1
#endif
// Follow "UART(n) is the console" and "UART(n) does not exist on the <chip>".
#ifndef MHAL_UART_CONSOLE_NOTE
#define MHAL_UART_CONSOLE_NOTE ""
#endif
#ifndef MHAL_UART_ABSENT_NOTE
#define MHAL_UART_ABSENT_NOTE ""
#endif

typedef enum { MHAL_PARITY_NONE = 0, MHAL_PARITY_EVEN = 1, MHAL_PARITY_ODD = 2 } mhal_parity_t;
typedef struct {
    uint32_t baud;
    uint8_t bits;  // data bits
    mhal_parity_t parity;
    uint8_t stop;    // 1 or 2
    uint16_t rxbuf;  // receive ring capacity; 0: the chip's default
    int16_t tx, rx;  // pins (MHAL_UART_HAS_PIN_ARGS); -1: the chip's default
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
// The names of the pins an open UART uses, as repr() shows them (MHAL_UART_REPR_PINS).
void mhal_uart_pin_names(int id, char tx[8], char rx[8]);

// ---------------------------------------------------------------- the rest
// machine.freq(hz) sets the CPU clock (mhal_freq_set).
#ifndef MHAL_HAS_FREQ_SET
#define MHAL_HAS_FREQ_SET 0
#endif
// machine.unique_id() exists (mhal_unique_id).
#ifndef MHAL_HAS_UNIQUE_ID
#define MHAL_HAS_UNIQUE_ID 1
#endif

_Noreturn void mhal_reset(void);
uint32_t mhal_freq(void);
// Run the CPU at [hz]: NULL on success, else why not (nothing changed).
const char *mhal_freq_set(uint32_t hz);
// The bytes of the chip's unique ID (at most MHAL_UNIQUE_ID_MAX) into [buf]; their count.
#define MHAL_UNIQUE_ID_MAX 16
size_t mhal_unique_id(uint8_t buf[MHAL_UNIQUE_ID_MAX]);

// ---------------------------------------------------------------- helpers for the chips
// Write [prefix] and the decimal [n] (at most 7 characters in all) and a NUL into [buf]:
// the pin names "PA5", "GPIO25", "4".
static inline void mhal_name_number(char buf[8], const char *prefix, unsigned n) {
    size_t i = 0;
    while (prefix[i] != '\0') {
        buf[i] = prefix[i];
        i++;
    }
    if (n >= 10u) {
        buf[i++] = (char)('0' + n / 10u % 10u);
    }
    buf[i++] = (char)('0' + n % 10u);
    buf[i] = '\0';
}

#endif // PORTS_SHARED_MACHINE_HAL_H
