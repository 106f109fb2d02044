// compile.c -- the compiler's public entry points (CONFIG_COMPILER): source text in, a
// loaded module out, through the same .mpy bytes mpy-cross would write.
#include <string.h>

#include "mpf.h"
#include "compile.h"

uint8_t *mpf_compile_to_mpy(const char *src, size_t len, const char *filename, mpf_compile_mode_t mode,
    unsigned opt, size_t *out_len) {
    (void)src;
    (void)len;
    (void)filename;
    (void)mode;
    (void)opt;
    (void)out_len;
    mpf_raise_msg(&mpf_type_NotImplementedError, "compiler not built yet");
}

mpf_load_result_t mpf_compile(const char *src, size_t len, const char *filename, mpf_compile_mode_t mode) {
    size_t n = 0;
    uint8_t *mpy = mpf_compile_to_mpy(src, len, filename, mode, 0, &n);
    return mpf_load_mpy(mpy, n);
}

bool mpf_compile_needs_more(const char *src, size_t len) {
    (void)src;
    (void)len;
    return false;
}
