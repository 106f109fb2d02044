"""Stage 2, FREEZE: manifest -> module list -> mpy-cross (cached) -> .mpy -> C data in flash."""
