"""Stage 1, CONFIG: defconfig + fragments + menuconfig edits -> .config, config.h, a view."""
