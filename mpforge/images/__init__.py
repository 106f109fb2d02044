"""Stage 5, LINK outputs: the images made from firmware.elf and the size report.

One module per job: `elf` reads the linked ELF (segments, sections, symbols);
`ihex` writes Intel HEX (through the intelhex library); `dfuse` writes ST's
DfuSe .dfu container for dfu-util; `size` sums flash and RAM use and stops a
build whose image is larger than the board's flash. The .bin is objcopy's
(`$OBJCOPY -O binary`), made by the SCons tool directly.
"""
