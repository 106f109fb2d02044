/* c3_start.S -- the image's entry point and the trap vector table (RV32IMC, machine mode).

   The ROM loads the image's segments into SRAM and jumps to c3_entry on its own stack:
   set the global pointer, the thread pointer (picolibc's errno is thread-local: tp at
   the image's TLS block, see the linker script) and our stack, point mtvec at the vector table (vectored mode,
   which the ESP32-C3 requires: an interrupt n enters at base + 4 * n, every exception at
   base), then run c3_start (startup.c). */

    .option arch, +zicsr

    .section .text.c3_entry, "ax"
    .global c3_entry
    .type c3_entry, @function
c3_entry:
    .option push
    .option norelax
    la gp, __global_pointer$
    .option pop
    la tp, _tls_base
    la sp, _estack
    la t0, c3_vectors
    ori t0, t0, 1            /* MODE = 1: vectored */
    csrw mtvec, t0
    call c3_start
1:  j 1b
    .size c3_entry, . - c3_entry

/* 32 entries of one 4-byte jump each (no compressed forms: the hardware indexes by 4). */
    .section .text.c3_vectors, "ax"
    .balign 256
    .global c3_vectors
c3_vectors:
    .option push
    .option norvc
    .rept 32
    j c3_trap_entry
    .endr
    .option pop

/* Every trap: save the registers a C function may change (the ABI's caller-saved ones)
   and mepc (a nested trap would overwrite it), call c3_trap_handler(mcause, mepc,
   mtval), restore, return to the interrupted code. 80 bytes keep sp 16-byte aligned. */
    .section .text.c3_trap_entry, "ax"
    .balign 4
    .type c3_trap_entry, @function
c3_trap_entry:
    addi sp, sp, -80
    sw ra, 0(sp)
    sw t0, 4(sp)
    sw t1, 8(sp)
    sw t2, 12(sp)
    sw a0, 16(sp)
    sw a1, 20(sp)
    sw a2, 24(sp)
    sw a3, 28(sp)
    sw a4, 32(sp)
    sw a5, 36(sp)
    sw a6, 40(sp)
    sw a7, 44(sp)
    sw t3, 48(sp)
    sw t4, 52(sp)
    sw t5, 56(sp)
    sw t6, 60(sp)
    csrr a0, mcause
    csrr a1, mepc
    csrr a2, mtval
    sw a1, 64(sp)
    call c3_trap_handler
    lw t0, 64(sp)
    csrw mepc, t0
    lw ra, 0(sp)
    lw t0, 4(sp)
    lw t1, 8(sp)
    lw t2, 12(sp)
    lw a0, 16(sp)
    lw a1, 20(sp)
    lw a2, 24(sp)
    lw a3, 28(sp)
    lw a4, 32(sp)
    lw a5, 36(sp)
    lw a6, 40(sp)
    lw a7, 44(sp)
    lw t3, 48(sp)
    lw t4, 52(sp)
    lw t5, 56(sp)
    lw t6, 60(sp)
    addi sp, sp, 80
    mret
    .size c3_trap_entry, . - c3_trap_entry
