// cortex_m.h -- the layer every Cortex-M port shares (ports/cortex_m/), and what it
// asks of the chip. One prefix per file: cm_reset/cm_halt/cm_system_reset startup.c,
// cm_fault_ fault.c, cm_semihost_ semihost.c, cm_tick_ systick.c; port.c and main.c
// implement py/port.h and the soft-reset loop. Facts from the ARMv6-M and ARMv7-M
// Architecture Reference Manuals. The chip port provides the cm_chip_ and cm_console_
// functions below, its interrupt vectors (CM_CHIP_VECTORS) and nothing else the layer
// reaches for.
#ifndef CORTEX_M_CORTEX_M_H
#define CORTEX_M_CORTEX_M_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "config.h"

// A memory-mapped 32-bit register at [addr].
#define CM_REG(addr) (*(volatile uint32_t *)(uintptr_t)(addr))

// ARMv6-M (Cortex-M0/M0+): no CFSR/HFSR/MMFAR/BFAR, no configurable faults, no IT
// blocks; only NMI and HardFault among the fault exceptions.
#if defined(__ARM_ARCH_6M__)
#define CM_ARMV6M 1
#else
#define CM_ARMV6M 0
#endif

// ---------------------------------------------------------------- system control space
#define SYSTICK_CTRL 0xE000E010u
#define SYSTICK_LOAD 0xE000E014u
#define SYSTICK_VAL 0xE000E018u
#define SYSTICK_CTRL_ENABLE (1u << 0)
#define SYSTICK_CTRL_TICKINT (1u << 1)
#define SYSTICK_CTRL_CLKSOURCE (1u << 2)  // 1: processor clock, 0: the reference clock

#define NVIC_ISER(n) (0xE000E100u + 4u * (n))  // set-enable, 32 IRQs per word
#define NVIC_ICER(n) (0xE000E180u + 4u * (n))  // clear-enable
// Priority byte of [irq] (ARMv6-M allows word accesses only: use NVIC_IPR_WORD there).
#define NVIC_IPR_BYTE(irq) (*(volatile uint8_t *)(uintptr_t)(0xE000E400u + (irq)))
#define NVIC_IPR_WORD(irq) (0xE000E400u + 4u * ((irq) / 4u))

#define SCB_ICSR 0xE000ED04u
#define SCB_VTOR 0xE000ED08u
#define SCB_AIRCR 0xE000ED0Cu
#define SCB_AIRCR_KEY (0x05FAu << 16)
#define SCB_AIRCR_SYSRESETREQ (1u << 2)
#define SCB_CCR 0xE000ED14u
#define SCB_CCR_DIV_0_TRP (1u << 4)
#define SCB_SHCSR 0xE000ED24u
#define SCB_SHCSR_MEMFAULTENA (1u << 16)
#define SCB_SHCSR_BUSFAULTENA (1u << 17)
#define SCB_SHCSR_USGFAULTENA (1u << 18)
#define SCB_CFSR 0xE000ED28u
#define SCB_HFSR 0xE000ED2Cu
#define SCB_MMFAR 0xE000ED34u
#define SCB_BFAR 0xE000ED38u
#define SCB_CPACR 0xE000ED88u
#define SCB_CPACR_CP10_CP11_FULL (0xFu << 20)  // FPU: full access from all modes

// ---------------------------------------------------------------- vectors
typedef void (*cm_vector_t)(void);

// The chip's interrupt vectors (IRQ 0 upwards) follow the 16 system vectors of
// startup.c in flash: the chip port defines one array with this attribute, e.g.
//   CM_CHIP_VECTORS const cm_vector_t chip_vectors[CHIP_IRQ_COUNT] = {
//       [0 ... CHIP_IRQ_COUNT - 1] = cm_fault_isr, [UART0_IRQ] = uart0_isr};
// (unused entries name cm_fault_isr, which reports an unexpected interrupt).
#define CM_CHIP_VECTORS __attribute__((section(".isr_vector.chip"), used))

// ---------------------------------------------------------------- startup.c
// The reset handler: FPU on (when the CPU has one), .data and .bss, VTOR, the fault
// exceptions, cm_chip_init(), main(), then cm_halt() with main's status.
_Noreturn void cm_reset_isr(void);
// Reset the chip (SYSRESETREQ). Never returns.
_Noreturn void cm_system_reset(void);
// Stop for good: in a non-interactive run (cm_runner_batch) or with SEMIHOSTING_EXIT
// leave the emulator with [status]; on a board, sleep with interrupts on (the console
// keeps what it printed). Never returns.
_Noreturn void cm_halt(int status);

// ---------------------------------------------------------------- newlib.c
// The C library's malloc is the GC heap: forget what it allocated in the previous one
// (called when the heap starts, at every soft reset).
void cm_libc_heap_reset(void);

// ---------------------------------------------------------------- fault.c
// Exception handler for the faults, NMI and unexpected interrupts: prints the fault
// and the stacked registers on the console (polled), then cm_halt(CM_FATAL_STATUS).
void cm_fault_isr(void);
// ARMv7-M: enable MemManage/BusFault/UsageFault and the divide-by-zero trap (ARMv6-M:
// nothing to enable; every fault is a HardFault).
void cm_fault_init(void);
// Exit status of a fault or a fatal error under SEMIHOSTING_EXIT (as abort() gives).
#define CM_FATAL_STATUS 3

// ---------------------------------------------------------------- semihost.c
// The runner's word: `mpforge run` with standard input not a terminal (a script, a pipe,
// </dev/null) has the emulator store CM_RUNNER_BATCH in it before the core starts (QEMU:
// -device loader; rp2040js and the unicorn runners: a write to RAM), and enables
// semihosting. The firmware then runs boot.py and main.py and leaves the emulator with
// main.py's status instead of starting the REPL. It lives in .bss, whose clearing keeps
// it (startup.c); nothing writes it on hardware, where it holds whatever RAM held at
// power-on, and the 32-bit magic makes a false match negligible. Interactive runs and
// boards never see the value, so they behave as before.
#define CM_RUNNER_BATCH 0x6d70664eu  // "Nfpm" in memory: mpforge, non-interactive
extern volatile uint32_t cm_runner_mode;
// True when the runner asked for a non-interactive run (see cm_runner_mode).
static inline bool cm_runner_batch(void) {
#if CONFIG_SEMIHOSTING_EXIT
    return true;
#else
    return cm_runner_mode == CM_RUNNER_BATCH;
#endif
}
// Leave the emulator with [status] (SYS_EXIT_EXTENDED). Never returns. Only with
// semihosting (cm_runner_batch): without a debugger the BKPT it uses is a fault.
_Noreturn void cm_semihost_exit(int status);

// ---------------------------------------------------------------- systick.c
// The millisecond tick. With CONFIG_CORTEX_M_SYSTICK, systick.c implements these
// from SysTick (the chip calls cm_tick_init from cm_chip_init); on a chip without
// SysTick (nRF51) the chip port implements cm_tick_ms and cm_tick_delay_ms itself.
#if CONFIG_CORTEX_M_SYSTICK
// Start the 1 ms SysTick interrupt from a core clock of [core_hz].
void cm_tick_init(uint32_t core_hz);
// The SysTick exception handler (vector 15).
void cm_tick_isr(void);
#endif
// Milliseconds since start-up, wrapping at 2**32.
uint32_t cm_tick_ms(void);
// Sleep (WFI between ticks) for at least [ms] milliseconds.
void cm_tick_delay_ms(uint32_t ms);

// ---------------------------------------------------------------- provided by the chip port
// Everything between .bss and main(): clocks, the tick (cm_tick_init), the console.
void cm_chip_init(void);
// After each run of main.py (a soft reset): close what Python opened (UARTs, pins).
void cm_chip_soft_reset(void);
// The console: blocking output ("\n" as "\r\n" when [cooked]), a received byte or -1,
// the bytes waiting, and (once) whether Ctrl-C arrived since the last call (Ctrl-C is a
// signal, not data).
void cm_console_write(const char *data, size_t len, bool cooked);
int cm_console_getc(void);
size_t cm_console_any(void);
bool cm_console_take_interrupt(void);
// The chip's console receive interrupt asks this before turning Ctrl-C into the signal
// above: while the REPL reads the console, Ctrl-C is a byte like the others (kept in
// order with them).
#if CONFIG_REPL && !CONFIG_PORT_SELFTEST
#include "repl.h"
#define CM_CONSOLE_CTRL_C_IS_DATA mpf_repl_reading
#else
#define CM_CONSOLE_CTRL_C_IS_DATA false
#endif

#endif // CORTEX_M_CORTEX_M_H
