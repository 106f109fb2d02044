"""mpforge: build reproducible firmware images of a small Python interpreter
with application code frozen into flash."""

__version__ = "0.1.0"
