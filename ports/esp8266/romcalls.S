/* romcalls.S -- the integer and soft-float helpers of libgcc that Debian's lx106 libgcc
   leaves out because every ESP8266 has them in ROM (addresses from the ROM's address
   map, eagle.rom.addr v6). picolibc calls them with call0, whose reach (512 KiB) does
   not span flash to ROM: each symbol here is a stub next to the caller in flash that
   jumps on to the ROM routine, which returns straight to the caller (a0 is untouched;
   a8 is a scratch register in the call0 ABI). */

    .macro ROMCALL name, address
    .section .text.\name, "ax"
    .global \name
    .type \name, @function
    .align 4
\name:
    j 1f
    .align 4
2:  .word \address
1:  l32r a8, 2b
    jx a8
    .size \name, . - \name
    .endm
    ROMCALL __divsi3, 0x4000dc88
    ROMCALL __udivsi3, 0x4000e21c
    ROMCALL __umodsi3, 0x4000e268
    ROMCALL __fixdfsi, 0x4000ccb8
    ROMCALL __fixunsdfsi, 0x4000cd00
    ROMCALL __fixunssfsi, 0x4000c4c4
    ROMCALL __muldi3, 0x40000650
    ROMCALL __divdi3, 0x4000ce60
    ROMCALL __udivdi3, 0x4000d310
    ROMCALL __umoddi3, 0x4000d770
    ROMCALL __umulsidi3, 0x4000dcf0
    ROMCALL __addsf3, 0x4000c180
    ROMCALL __subsf3, 0x4000c268
    ROMCALL __mulsf3, 0x4000c3dc
    ROMCALL __floatsisf, 0x4000e2ac
    ROMCALL __truncdfsf2, 0x4000cd5c
    ROMCALL __floatunsisf, 0x4000e2a4
    ROMCALL __adddf3, 0x4000c538
    ROMCALL __subdf3, 0x4000c688
    ROMCALL __muldf3, 0x4000c8f0
    ROMCALL __divdf3, 0x4000cb94
    ROMCALL __floatsidf, 0x4000e2f0
    ROMCALL __floatunsidf, 0x4000e2e8
    ROMCALL __extendsfdf2, 0x4000cdfc
