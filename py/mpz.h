// mpz.h -- arbitrary-precision integers (sign + magnitude; 64-bit digits on 64-bit targets
// with a 128-bit integer type, 32-bit on other 64-bit targets, 16-bit elsewhere), used by obj_int.c when CONFIG_INT_BIG_MPZ or CONFIG_INT_BIG_LONGLONG is set.
#ifndef MPF_MPZ_H
#define MPF_MPZ_H

#include "mpf.h"

// A digit is half the widest word the target multiplies without a library call (on 64-bit
// targets the compiler's 128-bit type: one instruction for the digit product).
#if UINTPTR_MAX > 0xFFFFFFFFu && defined(__SIZEOF_INT128__)
#define MPF_MPZ_DIG_BITS 64
typedef uint64_t mpf_mpz_dig_t;
#elif UINTPTR_MAX > 0xFFFFFFFFu
#define MPF_MPZ_DIG_BITS 32
typedef uint32_t mpf_mpz_dig_t;
#else
#define MPF_MPZ_DIG_BITS 16
typedef uint16_t mpf_mpz_dig_t;
#endif

// An int object outside the small-int range. Immutable; digits least significant first.
typedef struct mpf_int_big {
    mpf_obj_base_t base;
    uintptr_t neg;
    size_t len;
    mpf_mpz_dig_t dig[];
} mpf_int_big_t;

mpf_obj_t mpf_mpz_binary_op(int op, mpf_obj_t lhs, mpf_obj_t rhs); // both ints; NULL if op unsupported
mpf_obj_t mpf_mpz_from_ll(long long v);
mpf_obj_t mpf_mpz_from_ull(unsigned long long v);
mpf_obj_t mpf_mpz_parse(const char *s, size_t len, unsigned base); // digits only, sign handled by caller
void mpf_mpz_print(const mpf_print_t *p, mpf_obj_t o, unsigned base, bool upper);
bool mpf_mpz_to_ll(mpf_obj_t o, long long *v);
// o to the nearest double (ties to even); +-HUGE_VAL when it is too big for one.
double mpf_mpz_to_double(mpf_obj_t o);
#if CONFIG_COMPILER && CONFIG_FLOAT
double mpf_mpz_to_double_mpy(mpf_obj_t o);  // as mpy-cross converts when it folds
#endif
// o = m 2^e, 0.5 <= |m| < 1 rounded to a double's 53 bits (ties to even); o != 0.
double mpf_mpz_frexp(mpf_obj_t o, long *e);
// |a| / |b| (b != 0) to the nearest double (ties to even, subnormals too); HUGE_VAL when too big.
double mpf_mpz_ratio(mpf_obj_t a, mpf_obj_t b);
mpf_obj_t mpf_mpz_from_double(double d);
mpf_int_t mpf_mpz_hash(mpf_obj_t o);
mpf_obj_t mpf_mpz_neg(mpf_obj_t o);
mpf_obj_t mpf_mpz_abs(mpf_obj_t o);
mpf_obj_t mpf_mpz_invert(mpf_obj_t o);
int mpf_mpz_cmp(mpf_obj_t a, mpf_obj_t b);
size_t mpf_mpz_bit_length(mpf_obj_t o);
// little-endian two's complement bytes of [o] into buf[len]; false if it does not fit
bool mpf_mpz_to_bytes(mpf_obj_t o, uint8_t *buf, size_t len, bool is_signed);
mpf_obj_t mpf_mpz_from_bytes(const uint8_t *buf, size_t len, bool little, bool is_signed);
mpf_obj_t mpf_mpz_pow_mod(mpf_obj_t b, mpf_obj_t e, mpf_obj_t m);

#endif // MPF_MPZ_H
