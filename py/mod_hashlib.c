// mod_hashlib.c -- the hashlib module: sha256 (CONFIG_MODULE_HASHLIB_SHA256), sha1
// (..._SHA1) and md5 (..._MD5), plus new(name, data).
//
// Each algorithm is a descriptor (sizes and three functions over a context); one hash
// object type serves them all: update(), digest(), hexdigest(), copy(), and the
// attributes name, digest_size, block_size. digest() finalises a copy of the context,
// so the object can keep being updated, as in CPython.
#include "mpf.h"

// ---------------------------------------------------------------- the algorithms
// The context shared by the three Merkle-Damgard hashes implemented here: up to eight
// 32-bit chaining words, the pending partial block and the total length in bytes.
typedef struct hash_ctx {
    uint32_t h[8];
    uint8_t block[64];
    size_t fill;
    uint64_t total;
} hash_ctx_t;

typedef struct hash_algo {
    mpf_qstr_t name;
    uint8_t digest_size;
    bool big_endian;                          // how length and digest words are stored
    void (*init)(hash_ctx_t *c);
    void (*compress)(uint32_t *h, const uint8_t *block);
} hash_algo_t;

static inline uint32_t rotr(uint32_t x, unsigned n) {
    return (x >> n) | (x << (32 - n));
}

#if CONFIG_MODULE_HASHLIB_SHA1 || CONFIG_MODULE_HASHLIB_MD5
static inline uint32_t rotl(uint32_t x, unsigned n) {
    return (x << n) | (x >> (32 - n));
}
#endif

static inline uint32_t load_be(const uint8_t *p) {
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

#if CONFIG_MODULE_HASHLIB_MD5  // (clang warns of unused static inline functions)
static inline uint32_t load_le(const uint8_t *p) {
    return (uint32_t)p[3] << 24 | (uint32_t)p[2] << 16 | (uint32_t)p[1] << 8 | p[0];
}
#endif

#if CONFIG_MODULE_HASHLIB_SHA256
// SHA-256 (FIPS 180-4 section 6.2): the first 32 bits of the fractional parts of the
// cube roots of the first 64 primes.
static const uint32_t sha256_k[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

static void sha256_init(hash_ctx_t *c) {
    static const uint32_t iv[8] = {
        0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
    };
    memcpy(c->h, iv, sizeof(iv));
}

static void sha256_compress(uint32_t *h, const uint8_t *block) {
    uint32_t w[64];
    for (int i = 0; i < 16; i++) {
        w[i] = load_be(block + 4 * i);
    }
    for (int i = 16; i < 64; i++) {
        uint32_t s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >> 3);
        uint32_t s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >> 10);
        w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
    for (int i = 0; i < 64; i++) {
        uint32_t t1 = hh + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + sha256_k[i] + w[i];
        uint32_t t2 = (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
        hh = g;
        g = f;
        f = e;
        e = d + t1;
        d = c;
        c = b;
        b = a;
        a = t1 + t2;
    }
    h[0] += a;
    h[1] += b;
    h[2] += c;
    h[3] += d;
    h[4] += e;
    h[5] += f;
    h[6] += g;
    h[7] += hh;
}

static const hash_algo_t sha256_algo = {MPF_QSTR_sha256, 32, true, sha256_init, sha256_compress};
#endif

#if CONFIG_MODULE_HASHLIB_SHA1
// SHA-1 (FIPS 180-4 section 6.1).
static void sha1_init(hash_ctx_t *c) {
    static const uint32_t iv[5] = {0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0};
    memcpy(c->h, iv, sizeof(iv));
}

static void sha1_compress(uint32_t *h, const uint8_t *block) {
    uint32_t w[80];
    for (int i = 0; i < 16; i++) {
        w[i] = load_be(block + 4 * i);
    }
    for (int i = 16; i < 80; i++) {
        w[i] = rotl(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);
    }
    uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4];
    for (int i = 0; i < 80; i++) {
        uint32_t f, k;
        if (i < 20) {
            f = (b & c) | (~b & d);
            k = 0x5a827999;
        } else if (i < 40) {
            f = b ^ c ^ d;
            k = 0x6ed9eba1;
        } else if (i < 60) {
            f = (b & c) | (b & d) | (c & d);
            k = 0x8f1bbcdc;
        } else {
            f = b ^ c ^ d;
            k = 0xca62c1d6;
        }
        uint32_t t = rotl(a, 5) + f + e + k + w[i];
        e = d;
        d = c;
        c = rotl(b, 30);
        b = a;
        a = t;
    }
    h[0] += a;
    h[1] += b;
    h[2] += c;
    h[3] += d;
    h[4] += e;
}

static const hash_algo_t sha1_algo = {MPF_QSTR_sha1, 20, true, sha1_init, sha1_compress};
#endif

#if CONFIG_MODULE_HASHLIB_MD5
// MD5 (RFC 1321): per-round shift amounts; the constants are floor(2**32 * |sin(i + 1)|).
static const uint8_t md5_s[16] = {7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21};
static const uint32_t md5_k[64] = {
    0xd76aa478, 0xe8c7b756, 0x242070db, 0xc1bdceee, 0xf57c0faf, 0x4787c62a, 0xa8304613, 0xfd469501,
    0x698098d8, 0x8b44f7af, 0xffff5bb1, 0x895cd7be, 0x6b901122, 0xfd987193, 0xa679438e, 0x49b40821,
    0xf61e2562, 0xc040b340, 0x265e5a51, 0xe9b6c7aa, 0xd62f105d, 0x02441453, 0xd8a1e681, 0xe7d3fbc8,
    0x21e1cde6, 0xc33707d6, 0xf4d50d87, 0x455a14ed, 0xa9e3e905, 0xfcefa3f8, 0x676f02d9, 0x8d2a4c8a,
    0xfffa3942, 0x8771f681, 0x6d9d6122, 0xfde5380c, 0xa4beea44, 0x4bdecfa9, 0xf6bb4b60, 0xbebfbc70,
    0x289b7ec6, 0xeaa127fa, 0xd4ef3085, 0x04881d05, 0xd9d4d039, 0xe6db99e5, 0x1fa27cf8, 0xc4ac5665,
    0xf4292244, 0x432aff97, 0xab9423a7, 0xfc93a039, 0x655b59c3, 0x8f0ccc92, 0xffeff47d, 0x85845dd1,
    0x6fa87e4f, 0xfe2ce6e0, 0xa3014314, 0x4e0811a1, 0xf7537e82, 0xbd3af235, 0x2ad7d2bb, 0xeb86d391,
};

static void md5_init(hash_ctx_t *c) {
    static const uint32_t iv[4] = {0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476};
    memcpy(c->h, iv, sizeof(iv));
}

static void md5_compress(uint32_t *h, const uint8_t *block) {
    uint32_t m[16];
    for (int i = 0; i < 16; i++) {
        m[i] = load_le(block + 4 * i);
    }
    uint32_t a = h[0], b = h[1], c = h[2], d = h[3];
    for (int i = 0; i < 64; i++) {
        uint32_t f;
        int g;
        if (i < 16) {
            f = (b & c) | (~b & d);
            g = i;
        } else if (i < 32) {
            f = (d & b) | (~d & c);
            g = (5 * i + 1) % 16;
        } else if (i < 48) {
            f = b ^ c ^ d;
            g = (3 * i + 5) % 16;
        } else {
            f = c ^ (b | ~d);
            g = (7 * i) % 16;
        }
        uint32_t t = d;
        d = c;
        c = b;
        b = b + rotl(a + f + md5_k[i] + m[g], md5_s[(i / 16) * 4 + i % 4]);
        a = t;
    }
    h[0] += a;
    h[1] += b;
    h[2] += c;
    h[3] += d;
}

static const hash_algo_t md5_algo = {MPF_QSTR_md5, 16, false, md5_init, md5_compress};
#endif

static void ctx_update(const hash_algo_t *algo, hash_ctx_t *c, const uint8_t *data, size_t len) {
    c->total += len;
    while (len > 0) {
        size_t n = 64 - c->fill;
        if (n > len) {
            n = len;
        }
        memcpy(c->block + c->fill, data, n);
        c->fill += n;
        data += n;
        len -= n;
        if (c->fill == 64) {
            algo->compress(c->h, c->block);
            c->fill = 0;
        }
    }
}

// Pad and finish a copy of the context; the digest goes to [out].
static void ctx_final(const hash_algo_t *algo, const hash_ctx_t *src, uint8_t *out) {
    hash_ctx_t c = *src;
    uint64_t bits = c.total * 8;
    static const uint8_t pad = 0x80;
    ctx_update(algo, &c, &pad, 1);
    static const uint8_t zero[64] = {0};
    ctx_update(algo, &c, zero, (c.fill <= 56 ? 56 - c.fill : 120 - c.fill));
    uint8_t len[8];
    for (int i = 0; i < 8; i++) {
        len[i] = (uint8_t)(bits >> (algo->big_endian ? 56 - 8 * i : 8 * i));
    }
    ctx_update(algo, &c, len, 8);
    for (size_t i = 0; i < algo->digest_size / 4u; i++) {
        for (int k = 0; k < 4; k++) {
            out[4 * i + (size_t)k] = (uint8_t)(c.h[i] >> (algo->big_endian ? 24 - 8 * k : 8 * k));
        }
    }
}

// ---------------------------------------------------------------- hash objects
typedef struct hash_obj {
    mpf_obj_base_t base;
    const hash_algo_t *algo;
    hash_ctx_t ctx;
} hash_obj_t;

static const mpf_type_t hash_type;

static void hash_feed(hash_obj_t *h, mpf_obj_t data) {
    mpf_buffer_t b;
    if (MPF_IS_STR(data)) {
        mpf_raise_msg(&mpf_type_TypeError, "Strings must be encoded before hashing");
    }
    if (!mpf_obj_get_buffer(data, &b, false)) {
        mpf_raise_fmt(&mpf_type_TypeError, "object supporting the buffer API required");
    }
    ctx_update(h->algo, &h->ctx, b.buf, b.len);
}

static mpf_obj_t hash_new(const hash_algo_t *algo, size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    // (string=b'', *, usedforsecurity=True); data= too (the name of later CPythons)
    static const mpf_qstr_t kws[] = {MPF_QSTR_string, MPF_QSTR_usedforsecurity, MPF_QSTR_data};
    mpf_obj_t a[3];
    mpf_arg_parse(n_args, n_kw, args, MPF_ARG_FUN(algo->name, 0), 1, 3, kws, a);
    hash_obj_t *h = mpf_new(hash_obj_t);
    h->base.type = &hash_type;
    h->algo = algo;
    algo->init(&h->ctx);
    mpf_obj_t data = a[0] != MPF_OBJ_NULL ? a[0] : a[2];
    if (data != MPF_OBJ_NULL) {
        hash_feed(h, data);
    }
    return mpf_obj_from_ptr(h);
}

static mpf_obj_t hash_update(mpf_obj_t self, mpf_obj_t data) {
    hash_feed(mpf_obj_ptr(self), data);
    return MPF_OBJ_NONE;
}

static mpf_obj_t hash_digest(mpf_obj_t self) {
    const hash_obj_t *h = mpf_obj_ptr(self);
    uint8_t out[32];
    ctx_final(h->algo, &h->ctx, out);
    return mpf_obj_new_bytes(out, h->algo->digest_size);
}

static mpf_obj_t hash_hexdigest(mpf_obj_t self) {
    const hash_obj_t *h = mpf_obj_ptr(self);
    uint8_t out[32];
    char hex[64];
    static const char digits[] = "0123456789abcdef";
    ctx_final(h->algo, &h->ctx, out);
    for (size_t i = 0; i < h->algo->digest_size; i++) {
        hex[2 * i] = digits[out[i] >> 4];
        hex[2 * i + 1] = digits[out[i] & 15];
    }
    return mpf_obj_new_str(hex, 2u * h->algo->digest_size);
}

static mpf_obj_t hash_copy(mpf_obj_t self) {
    hash_obj_t *c = mpf_new(hash_obj_t);
    *c = *(const hash_obj_t *)mpf_obj_ptr(self);
    return mpf_obj_from_ptr(c);
}

static void hash_attr(mpf_obj_t self, mpf_qstr_t attr, mpf_obj_t *dest) {
    if (dest[0] != MPF_OBJ_NULL) {
        return;
    }
    const hash_obj_t *h = mpf_obj_ptr(self);
    if (attr == MPF_QSTR_name) {
        dest[0] = mpf_obj_new_qstr(h->algo->name);
    } else if (attr == MPF_QSTR_digest_size) {
        dest[0] = mpf_obj_new_small_int(h->algo->digest_size);
    } else if (attr == MPF_QSTR_block_size) {
        dest[0] = mpf_obj_new_small_int(64);
    }
}

static void hash_print(const mpf_print_t *p, mpf_obj_t self, mpf_print_kind_t kind) {
    (void)kind;
    const hash_obj_t *h = mpf_obj_ptr(self);
    mpf_printf(p, "<%q _hashlib.HASH object @ 0x%x>", h->algo->name, (unsigned)(uintptr_t)self);
}

static const mpf_rom_map_elem_t hash_locals_table[] = {
    MPF_ROM_FUN_2(MPF_QSTR_update, hash_update),
    MPF_ROM_FUN_1(MPF_QSTR_digest, hash_digest),
    MPF_ROM_FUN_1(MPF_QSTR_hexdigest, hash_hexdigest),
    MPF_ROM_FUN_1(MPF_QSTR_copy, hash_copy),
};
MPF_ROM_MAP(hash_locals, hash_locals_table);

static const mpf_type_t hash_type = MPF_TYPE(MPF_QSTR_HASH, 0,
    (print, hash_print),
    (attr, hash_attr),
    (locals, &hash_locals));

// ---------------------------------------------------------------- constructors
#if CONFIG_MODULE_HASHLIB_SHA256
static mpf_obj_t hashlib_sha256(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    return hash_new(&sha256_algo, n_args, n_kw, args);
}
#endif

#if CONFIG_MODULE_HASHLIB_SHA1
static mpf_obj_t hashlib_sha1(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    return hash_new(&sha1_algo, n_args, n_kw, args);
}
#endif

#if CONFIG_MODULE_HASHLIB_MD5
static mpf_obj_t hashlib_md5(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    return hash_new(&md5_algo, n_args, n_kw, args);
}
#endif

static const hash_algo_t *const algorithms[] = {
#if CONFIG_MODULE_HASHLIB_SHA256
    &sha256_algo,
#endif
#if CONFIG_MODULE_HASHLIB_SHA1
    &sha1_algo,
#endif
#if CONFIG_MODULE_HASHLIB_MD5
    &md5_algo,
#endif
    NULL,
};

// new(name, data=b''): by algorithm name, lower or upper case.
static mpf_obj_t hashlib_new(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    if (!MPF_IS_STR(args[0])) {
        mpf_raise_fmt(&mpf_type_TypeError, "new() argument 'name' must be str, not %T", args[0]);
    }
    size_t len;
    const char *s = mpf_obj_str_data(args[0], &len);
    char lower[16];
    if (len < sizeof(lower)) {
        for (size_t i = 0; i < len; i++) {
            lower[i] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] + 32 : s[i]);
        }
        for (size_t i = 0; algorithms[i] != NULL; i++) {
            size_t nl;
            const char *n = mpf_qstr_data(algorithms[i]->name, &nl);
            if (nl == len && memcmp(n, lower, len) == 0) {
                return hash_new(algorithms[i], n_args - 1, n_kw, args + 1);
            }
        }
    }
    mpf_raise_fmt(&mpf_type_ValueError, "unsupported hash type %O", args[0]);
}

static const mpf_rom_map_elem_t hashlib_members_table[] = {
    MPF_ROM_FUN_KW(MPF_QSTR_new, 1, hashlib_new),
#if CONFIG_MODULE_HASHLIB_SHA256
    MPF_ROM_FUN_KW(MPF_QSTR_sha256, 0, hashlib_sha256),
#endif
#if CONFIG_MODULE_HASHLIB_SHA1
    MPF_ROM_FUN_KW(MPF_QSTR_sha1, 0, hashlib_sha1),
#endif
#if CONFIG_MODULE_HASHLIB_MD5
    MPF_ROM_FUN_KW(MPF_QSTR_md5, 0, hashlib_md5),
#endif
};
MPF_ROM_MAP(hashlib_members, hashlib_members_table);

const mpf_builtin_module_t mpf_module_hashlib = {MPF_QSTR_hashlib, &hashlib_members, NULL};
MPF_REGISTER_MODULE(MPF_QSTR_hashlib, mpf_module_hashlib);
