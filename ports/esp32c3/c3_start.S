/* c3_start.S -- the image's entry point, the flash mapping and the trap vector table
   (RV32IMC, machine mode). All of it is in SRAM (the linker script's .iram.text).

   The ROM loads the image's segments into SRAM and jumps to c3_entry on its own stack:
   set the global pointer, the thread pointer (picolibc's errno is thread-local: tp at
   the image's TLS block, see the linker script) and our stack, point mtvec at the vector
   table (vectored mode, which the ESP32-C3 requires: an interrupt n enters at base + 4 * n,
   every exception at base), map the flash part through the cache (c3_flash_map), then run
   c3_start (startup.c, in flash). */

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
    call c3_flash_map
    call c3_start
1:  j 1b
    .size c3_entry, . - c3_entry

/* Execute in place: the cache's MMU (ESP32-C3 TRM, "Cache" and "MMU"; ESP-IDF's soc
   ext_mem_defs.h) has one table of 128 entries at 0x600C5000 that both buses index by
   (address - window base) >> 16: the instruction bus from 0x42000000, the data bus from
   0x3C000000. An entry holds the 64 KiB flash page number (bits 7..0); bit 8 marks it
   invalid. Entries 0.._flash_pages-1 get pages _flash_first_page.. (the flash part, linked
   at the start of both windows), every other entry is invalid. With the cache off
   (EXTMEM ICACHE_CTRL bit 0) and both buses shut (ICACHE_CTRL1 bit 0 IBUS, bit 1 DBUS)
   while the table changes; then the cache on, a whole-cache invalidate (ICACHE_SYNC_CTRL
   bit 0, cleared by the hardware when done) and both buses open. Nothing here may touch
   flash: it is plain registers, no constants. */
    .section .text.c3_flash_map, "ax"
    .balign 4
    .global c3_flash_map
    .type c3_flash_map, @function
c3_flash_map:
    li t0, 0x600C4000           /* EXTMEM */
    sw zero, 0x00(t0)           /* ICACHE_CTRL: cache off */
    li t1, 3
    sw t1, 0x04(t0)             /* ICACHE_CTRL1: IBUS and DBUS shut */
    li t2, 0x600C5000           /* the MMU table */
    lui t3, %hi(_flash_first_page)
    addi t3, t3, %lo(_flash_first_page)
    lui t4, %hi(_flash_pages)
    addi t4, t4, %lo(_flash_pages)
    li t5, 0                    /* entry index */
    li t6, 128
2:  mv t1, t3                   /* a page of the flash part... */
    bltu t5, t4, 3f
    li t1, 0x100                /* ...or invalid */
3:  sw t1, 0(t2)
    addi t2, t2, 4
    addi t3, t3, 1
    addi t5, t5, 1
    bltu t5, t6, 2b
    li t1, 1
    sw t1, 0x00(t0)             /* cache on */
    sw t1, 0x28(t0)             /* ICACHE_SYNC_CTRL: invalidate all */
4:  lw t1, 0x28(t0)
    andi t1, t1, 1
    bnez t1, 4b
    sw zero, 0x04(t0)           /* both buses open */
    ret
    .size c3_flash_map, . - c3_flash_map

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
