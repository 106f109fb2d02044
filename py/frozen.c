// frozen.c -- empty defaults for the frozen-module table and the frozen qstr pool.
// The build generates gen/frozen.c (mpforge/frozen/emit.py) with the real definitions
// of these symbols; these are weak, so the generated ones win when linked, and a build
// without the freezer (or with no frozen modules) still links.
#include "mpf.h"

__attribute__((weak)) const mpf_frozen_module_t mpf_frozen_modules[1] = {{NULL, false, NULL, NULL, NULL}};
__attribute__((weak)) const size_t mpf_frozen_count = 0;
__attribute__((weak)) const mpf_qstr_entry_t mpf_frozen_qstr_pool[1] = {{0, 0, ""}};
__attribute__((weak)) const size_t mpf_frozen_qstr_count = 0;
