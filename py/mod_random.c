// mod_random.c -- the random module: seed, getrandbits, randrange, randint, choice,
// shuffle, sample, and with floats random, uniform.
//
// The generator is xoshiro128** (Blackman and Vigna, 2018): 128 bits of state,
// period 2**128 - 1, four 32-bit words so it is cheap on a Cortex-M. Seeding expands
// the seed with splitmix32 so that nearby seeds give unrelated streams. The API is
// CPython's; the numbers are not (CPython uses the Mersenne Twister).
//
// Integers in a range are drawn by rejection: take just enough random bits for the
// range and retry when the value falls outside (no modulo bias).
#include "mpf.h"
#include "port.h"

// Not a GC root: plain integers only. Zero state means "not seeded yet".
static uint32_t state[4];

static uint32_t rotl(uint32_t x, int k) {
    return (x << k) | (x >> (32 - k));
}

static uint32_t next32(void);

// splitmix32: a fast 32-bit mixer used to turn one seed word into the state.
static uint32_t splitmix32(uint32_t *x) {
    uint32_t z = (*x += 0x9e3779b9u);
    z = (z ^ (z >> 16)) * 0x85ebca6bu;
    z = (z ^ (z >> 13)) * 0xc2b2ae35u;
    return z ^ (z >> 16);
}

// Seed from the bytes [data] (any length): mixed word by word into the state.
static void seed_bytes(const uint8_t *data, size_t len) {
    uint32_t x = 0x6a09e667u ^ (uint32_t)len;
    for (size_t i = 0; i < len; i++) {
        x = (x ^ data[i]) * 0x01000193u;
        if ((i & 3) == 3) {
            splitmix32(&x);
        }
    }
    for (int i = 0; i < 4; i++) {
        state[i] = splitmix32(&x);
    }
    if ((state[0] | state[1] | state[2] | state[3]) == 0) {
        state[0] = 1;  // the all-zero state is a fixed point
    }
}

static void seed_from_clock(void) {
    static uint32_t calls;  // two seed() calls within one tick still differ
    uint32_t t = mpf_port_ticks_ms();
    uintptr_t addr = (uintptr_t)&t;  // some entropy from the stack position (ASLR)
    uint32_t words[4] = {t, (uint32_t)addr, ++calls, state[0] ^ state[1] ^ state[2] ^ state[3]};
    uint8_t b[16];
    for (int i = 0; i < 16; i++) {
        b[i] = (uint8_t)(words[i / 4] >> (8 * (i % 4)));
    }
    seed_bytes(b, 16);
}

static uint32_t next32(void) {
    if ((state[0] | state[1] | state[2] | state[3]) == 0) {
        seed_from_clock();
    }
    uint32_t result = rotl(state[1] * 5, 7) * 9;
    uint32_t t = state[1] << 9;
    state[2] ^= state[0];
    state[3] ^= state[1];
    state[1] ^= state[2];
    state[0] ^= state[3];
    state[2] ^= t;
    state[3] = rotl(state[3], 11);
    return result;
}

// seed(a=None): None seeds from the clock; an int by its value (sign included); a str,
// bytes or bytearray by its bytes; anything else hashable by its hash.
static mpf_obj_t random_seed(size_t n_args, const mpf_obj_t *args) {
    if (n_args == 0 || args[0] == MPF_OBJ_NONE) {
        seed_from_clock();
        return MPF_OBJ_NONE;
    }
    mpf_obj_t a = args[0];
    if (mpf_obj_is_int(a)) {
        // |a| as little-endian bytes, then the sign
        mpf_obj_t mag = mpf_int_sign(a) < 0 ? mpf_unary_op(MPF_UNARY_OP_NEGATIVE, a) : a;
        if (a == MPF_OBJ_TRUE || a == MPF_OBJ_FALSE) {
            mag = mpf_obj_new_small_int(a == MPF_OBJ_TRUE);
        }
        size_t nbytes = 8;
        while (mpf_obj_is_true(mpf_binary_op(MPF_BINARY_OP_RSHIFT, mag, mpf_obj_new_small_int((mpf_int_t)(8 * nbytes))))) {
            nbytes *= 2;
        }
        size_t len;
        const char *b = mpf_obj_str_data(mpf_int_to_bytes_obj(mag, nbytes, true, false), &len);
        uint8_t *buf = mpf_gc_alloc(len + 1, false);
        memcpy(buf, b, len);
        while (len > 1 && buf[len - 1] == 0) {
            len--;
        }
        buf[len] = mpf_int_sign(a) < 0 ? 0x80 : 0;
        seed_bytes(buf, len + 1);
        mpf_gc_free(buf);
        return MPF_OBJ_NONE;
    }
    mpf_buffer_t bi;
    if (MPF_IS_STR(a)) {
        size_t len;
        const char *s = mpf_obj_str_data(a, &len);
        seed_bytes((const uint8_t *)s, len);
    } else if (mpf_obj_get_buffer(a, &bi, false)) {
        seed_bytes(bi.buf, bi.len);
    } else {
        mpf_int_t h = mpf_obj_hash(a);
        seed_bytes((const uint8_t *)&h, sizeof(h));
    }
    return MPF_OBJ_NONE;
}

// k random bits (k >= 0) as an int of any size.
static mpf_obj_t randbits(size_t k) {
    if (k <= 30) {
        return mpf_obj_new_small_int(k == 0 ? 0 : (mpf_int_t)(next32() >> (32 - k)));
    }
    size_t nbytes = (k + 7) / 8;
    uint8_t *buf = mpf_gc_alloc(nbytes + 4, false);
    for (size_t i = 0; i < nbytes; i += 4) {
        uint32_t w = next32();
        for (size_t j = 0; j < 4 && i + j < nbytes; j++) {
            buf[i + j] = (uint8_t)(w >> (8 * j));
        }
    }
    if (k % 8 != 0) {
        buf[nbytes - 1] &= (uint8_t)((1u << (k % 8)) - 1);
    }
    mpf_obj_t r = mpf_int_from_bytes_obj(buf, nbytes, true, false);
    mpf_gc_free(buf);
    return r;
}

static mpf_obj_t random_getrandbits(mpf_obj_t k_obj) {
    mpf_int_t k = mpf_obj_get_int(k_obj);
    if (k < 0) {
        mpf_raise_msg(&mpf_type_ValueError, "number of bits must be non-negative");
    }
    return randbits((size_t)k);
}

// Bits needed to write [n] > 0.
static size_t bit_length(mpf_obj_t n) {
    size_t bits = 0;
    if (mpf_obj_is_small_int(n)) {
        for (mpf_uint_t u = (mpf_uint_t)mpf_obj_small_int_value(n); u != 0; u >>= 1) {
            bits++;
        }
        return bits;
    }
    mpf_obj_t one = mpf_obj_new_small_int(1);
    while (mpf_int_sign(n) != 0) {
        n = mpf_binary_op(MPF_BINARY_OP_RSHIFT, n, one);
        bits++;
    }
    return bits;
}

// A uniform int in [0, n) for an int n > 0.
static mpf_obj_t randbelow(mpf_obj_t n) {
    if (mpf_obj_is_small_int(n) && mpf_obj_small_int_value(n) <= (mpf_int_t)0x3fffffff) {
        uint32_t lim = (uint32_t)mpf_obj_small_int_value(n);
        size_t k = bit_length(n);
        uint32_t r;
        do {
            r = next32() >> (32 - k);
        } while (r >= lim);
        return mpf_obj_new_small_int((mpf_int_t)r);
    }
    size_t k = bit_length(n);
    mpf_obj_t r;
    do {
        r = randbits(k);
    } while (!mpf_obj_is_true(mpf_binary_op(MPF_BINARY_OP_LESS, r, n)));
    return r;
}

static mpf_obj_t int_arg(mpf_obj_t o) {
    if (!mpf_obj_is_int(o)) {
#if CONFIG_FLOAT
        if (mpf_obj_is_type(o, &mpf_type_float)) {
            mpf_raise_fmt(&mpf_type_TypeError, "'float' object cannot be interpreted as an integer");
        }
#endif
        mpf_raise_fmt(&mpf_type_TypeError, "'%T' object cannot be interpreted as an integer", o);
    }
    if (o == MPF_OBJ_TRUE || o == MPF_OBJ_FALSE) {
        return mpf_obj_new_small_int(o == MPF_OBJ_TRUE);
    }
    return o;
}

// randrange(stop) / randrange(start, stop[, step])
static mpf_obj_t random_randrange(size_t n_args, const mpf_obj_t *args) {
    mpf_obj_t start = int_arg(args[0]);
    if (n_args == 1) {
        if (mpf_int_sign(start) <= 0) {
            mpf_raise_msg(&mpf_type_ValueError, "empty range for randrange()");
        }
        return randbelow(start);
    }
    mpf_obj_t stop = int_arg(args[1]);
    mpf_obj_t step = n_args > 2 ? int_arg(args[2]) : mpf_obj_new_small_int(1);
    int ss = mpf_int_sign(step);
    if (ss == 0) {
        mpf_raise_msg(&mpf_type_ValueError, "zero step for randrange()");
    }
    mpf_obj_t width = mpf_binary_op(MPF_BINARY_OP_SUBTRACT, stop, start);
    // n = ceil(width / step) = (width + step -/+ 1) // step
    mpf_obj_t adj = mpf_binary_op(ss > 0 ? MPF_BINARY_OP_SUBTRACT : MPF_BINARY_OP_ADD, step, mpf_obj_new_small_int(1));
    mpf_obj_t n = mpf_binary_op(MPF_BINARY_OP_FLOOR_DIVIDE, mpf_binary_op(MPF_BINARY_OP_ADD, width, adj), step);
    if (mpf_int_sign(n) <= 0) {
        mpf_raise_fmt(&mpf_type_ValueError, "empty range in randrange(%O, %O, %O)", start, stop, step);
    }
    mpf_obj_t r = randbelow(n);
    return mpf_binary_op(MPF_BINARY_OP_ADD, start, mpf_binary_op(MPF_BINARY_OP_MULTIPLY, r, step));
}

static mpf_obj_t random_randint(mpf_obj_t a, mpf_obj_t b) {
    mpf_obj_t args[2] = {a, mpf_binary_op(MPF_BINARY_OP_ADD, int_arg(b), mpf_obj_new_small_int(1))};
    return random_randrange(2, args);
}

static mpf_obj_t random_choice(mpf_obj_t seq) {
    size_t len = mpf_obj_len(seq);
    if (len == 0) {
        mpf_raise_msg(&mpf_type_IndexError, "Cannot choose from an empty sequence");
    }
    return mpf_subscr(seq, randbelow(mpf_obj_new_int((mpf_int_t)len)), MPF_OBJ_SENTINEL);
}

// shuffle(x): Fisher-Yates from the end, in place through x[i] so any mutable
// sequence works.
static mpf_obj_t random_shuffle(mpf_obj_t seq) {
    size_t len = mpf_obj_len(seq);
    for (size_t i = len; i-- > 1;) {
        mpf_obj_t j = randbelow(mpf_obj_new_int((mpf_int_t)(i + 1)));
        mpf_obj_t io = mpf_obj_new_int((mpf_int_t)i);
        mpf_obj_t a = mpf_subscr(seq, io, MPF_OBJ_SENTINEL);
        mpf_obj_t b = mpf_subscr(seq, j, MPF_OBJ_SENTINEL);
        mpf_subscr(seq, io, b);
        mpf_subscr(seq, j, a);
    }
    return MPF_OBJ_NONE;
}

// sample(population, k): k distinct positions, by a partial Fisher-Yates on a copy.
static mpf_obj_t random_sample(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    if (n_args != 2) {
        mpf_raise_msg(&mpf_type_TypeError, "sample() takes 2 positional arguments");
    }
    (void)n_kw;
    mpf_obj_t pool = mpf_list_from_iter(args[0]);
    mpf_list_t *l = mpf_obj_ptr(pool);
    mpf_int_t k = mpf_obj_get_int(args[1]);
    if (k < 0 || (size_t)k > l->len) {
        mpf_raise_msg(&mpf_type_ValueError, "Sample larger than population or is negative");
    }
    for (size_t i = 0; i < (size_t)k; i++) {
        size_t j = i + (size_t)mpf_obj_get_int(randbelow(mpf_obj_new_int((mpf_int_t)(l->len - i))));
        mpf_obj_t t = l->items[i];
        l->items[i] = l->items[j];
        l->items[j] = t;
    }
    return mpf_obj_new_list((size_t)k, l->items);
}

#if CONFIG_FLOAT
// random(): 53 random bits (24 in single precision) scaled into [0.0, 1.0).
static mpf_float_t random_unit(void) {
#if CONFIG_FLOAT_SINGLE
    return (mpf_float_t)(next32() >> 8) * (mpf_float_t)(1.0 / 16777216.0);
#else
    uint32_t a = next32() >> 5, b = next32() >> 6;
    return ((mpf_float_t)a * 67108864.0 + (mpf_float_t)b) * (1.0 / 9007199254740992.0);
#endif
}

static mpf_obj_t random_random(void) {
    return mpf_obj_new_float(random_unit());
}

static mpf_obj_t random_uniform(mpf_obj_t a, mpf_obj_t b) {
    mpf_float_t fa = mpf_obj_get_float(a), fb = mpf_obj_get_float(b);
    return mpf_obj_new_float(fa + (fb - fa) * random_unit());
}
#endif

static const mpf_rom_map_elem_t random_members_table[] = {
    MPF_ROM_FUN_VAR(MPF_QSTR_seed, 0, 1, random_seed),
    MPF_ROM_FUN_1(MPF_QSTR_getrandbits, random_getrandbits),
    MPF_ROM_FUN_VAR(MPF_QSTR_randrange, 1, 3, random_randrange),
    MPF_ROM_FUN_2(MPF_QSTR_randint, random_randint),
    MPF_ROM_FUN_1(MPF_QSTR_choice, random_choice),
    MPF_ROM_FUN_1(MPF_QSTR_shuffle, random_shuffle),
    MPF_ROM_FUN_KW(MPF_QSTR_sample, 2, random_sample),
#if CONFIG_FLOAT
    MPF_ROM_FUN_0(MPF_QSTR_random, random_random),
    MPF_ROM_FUN_2(MPF_QSTR_uniform, random_uniform),
#endif
};
MPF_ROM_MAP(random_members, random_members_table);

const mpf_builtin_module_t mpf_module_random = {MPF_QSTR_random, &random_members, NULL};
MPF_REGISTER_MODULE(MPF_QSTR_random, mpf_module_random);
