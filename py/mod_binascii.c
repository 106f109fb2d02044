// mod_binascii.c -- the binascii module: hex (hexlify/unhexlify, b2a_hex/a2b_hex),
// base64 (b2a_base64/a2b_base64), crc32, and binascii.Error (a ValueError).
#include "mpf_int.h"

// The binascii.Error class made on import (ValueError if binascii is not imported).
static const mpf_type_t *error_type(void) {
    mpf_obj_t mod = mpf_dict_get(mpf_state.modules, mpf_obj_new_qstr(MPF_QSTR_binascii));
    if (mod != MPF_OBJ_NULL && mpf_obj_is_type(mod, &mpf_type_module)) {
        mpf_obj_t e = mpf_dict_get(((const mpf_module_t *)mpf_obj_ptr(mod))->globals, mpf_obj_new_qstr(MPF_QSTR_Error));
        if (e != MPF_OBJ_NULL && mpf_obj_is_type(e, &mpf_type_type)) {
            return mpf_obj_ptr(e);
        }
    }
    return &mpf_type_ValueError;
}

MPF_NORETURN static void binascii_error(const char *msg) {
    mpf_raise(mpf_exc_new_msg(error_type(), msg));
}

// The bytes of a bytes-like argument.
static void data_arg(mpf_obj_t o, mpf_buffer_t *b) {
    if (!mpf_obj_get_buffer(o, b, false)) {
        mpf_raise_fmt(&mpf_type_TypeError, "a bytes-like object is required, not '%T'", o);
    }
}

// The bytes of an ASCII str or a bytes-like argument (the a2b_* functions take both).
static void ascii_arg(mpf_obj_t o, mpf_buffer_t *b) {
    if (MPF_IS_STR(o)) {
        size_t len;
        b->buf = (void *)mpf_obj_str_data(o, &len);
        b->len = len;
        for (size_t i = 0; i < len; i++) {
            if (((const uint8_t *)b->buf)[i] >= 0x80) {
                mpf_raise_msg(&mpf_type_ValueError, "string argument should contain only ASCII characters");
            }
        }
        return;
    }
    if (!mpf_obj_get_buffer(o, b, false)) {
        mpf_raise_fmt(&mpf_type_TypeError, "argument should be bytes, buffer or ASCII string, not '%T'", o);
    }
}

static const char hex_digits[] = "0123456789abcdef";

// hexlify(data, sep=None, bytes_per_sep=1): [sep] every |bytes_per_sep| bytes,
// counted from the right when positive, from the left when negative.
static mpf_obj_t binascii_hexlify(size_t n_args, const mpf_obj_t *args) {
    mpf_buffer_t b;
    data_arg(args[0], &b);
    const uint8_t *s = b.buf;
    char sep = 0;
    mpf_int_t per = 1;
    if (n_args > 1 && args[1] != MPF_OBJ_NONE) {
        size_t sl;
        const char *sd;
        if (MPF_IS_STR(args[1])) {
            sd = mpf_obj_str_data(args[1], &sl);
        } else {
            mpf_buffer_t sb;
            data_arg(args[1], &sb);
            sd = sb.buf;
            sl = sb.len;
        }
        if (sl != 1) {
            mpf_raise_msg(&mpf_type_ValueError, "sep must be length 1.");
        }
        sep = sd[0];
        if (n_args > 2) {
            per = mpf_obj_get_int(args[2]);
        }
    }
    mpf_vstr_t v;
    mpf_vstr_init(&v, b.len * 3 + 1);
    size_t group = (size_t)(per < 0 ? -per : per);
    for (size_t i = 0; i < b.len; i++) {
        if (sep && group > 0 && i > 0) {
            // distance from the group boundary on the counting side
            size_t k = per > 0 ? b.len - i : i;
            if (k % group == 0) {
                mpf_vstr_add_char(&v, sep);
            }
        }
        mpf_vstr_add_char(&v, hex_digits[s[i] >> 4]);
        mpf_vstr_add_char(&v, hex_digits[s[i] & 15]);
    }
    return mpf_vstr_to_bytes(&v);
}

static int hex_value(uint8_t c) {
    if (c >= '0' && c <= '9') {
        return c - '0';
    } else if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    } else if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

static mpf_obj_t binascii_unhexlify(mpf_obj_t data) {
    mpf_buffer_t b;
    ascii_arg(data, &b);
    const uint8_t *s = b.buf;
    if (b.len % 2 != 0) {
        binascii_error("Odd-length string");
    }
    mpf_vstr_t v;
    mpf_vstr_init(&v, b.len / 2 + 1);
    for (size_t i = 0; i < b.len; i += 2) {
        int hi = hex_value(s[i]), lo = hex_value(s[i + 1]);
        if (hi < 0 || lo < 0) {
            binascii_error("Non-hexadecimal digit found");
        }
        mpf_vstr_add_char(&v, (char)(hi << 4 | lo));
    }
    return mpf_vstr_to_bytes(&v);
}

static const char b64_alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

// b2a_base64(data, *, newline=True)
static mpf_obj_t binascii_b2a_base64(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    if (n_args != 1) {
        mpf_raise_msg(&mpf_type_TypeError, "b2a_base64() takes exactly one positional argument");
    }
    mpf_obj_t nl = mpf_arg_kw(n_args, n_kw, args, MPF_QSTR_newline);
    mpf_buffer_t b;
    data_arg(args[0], &b);
    const uint8_t *s = b.buf;
    mpf_vstr_t v;
    mpf_vstr_init(&v, (b.len + 2) / 3 * 4 + 2);
    size_t i = 0;
    for (; i + 3 <= b.len; i += 3) {
        uint32_t w = (uint32_t)s[i] << 16 | (uint32_t)s[i + 1] << 8 | s[i + 2];
        mpf_vstr_add_char(&v, b64_alphabet[w >> 18]);
        mpf_vstr_add_char(&v, b64_alphabet[(w >> 12) & 63]);
        mpf_vstr_add_char(&v, b64_alphabet[(w >> 6) & 63]);
        mpf_vstr_add_char(&v, b64_alphabet[w & 63]);
    }
    if (i < b.len) {
        uint32_t w = (uint32_t)s[i] << 16 | (i + 1 < b.len ? (uint32_t)s[i + 1] << 8 : 0);
        mpf_vstr_add_char(&v, b64_alphabet[w >> 18]);
        mpf_vstr_add_char(&v, b64_alphabet[(w >> 12) & 63]);
        mpf_vstr_add_char(&v, i + 1 < b.len ? b64_alphabet[(w >> 6) & 63] : '=');
        mpf_vstr_add_char(&v, '=');
    }
    if (nl == MPF_OBJ_NULL || mpf_obj_is_true(nl)) {
        mpf_vstr_add_char(&v, '\n');
    }
    return mpf_vstr_to_bytes(&v);
}

static int b64_value(uint8_t c) {
    if (c >= 'A' && c <= 'Z') {
        return c - 'A';
    } else if (c >= 'a' && c <= 'z') {
        return c - 'a' + 26;
    } else if (c >= '0' && c <= '9') {
        return c - '0' + 52;
    } else if (c == '+') {
        return 62;
    } else if (c == '/') {
        return 63;
    }
    return -1;
}

// a2b_base64(data): characters outside the alphabet are skipped (CPython's
// non-strict mode); '=' ends a quantum once enough of them complete it.
static mpf_obj_t binascii_a2b_base64(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)n_kw;
    if (n_args != 1) {
        mpf_raise_msg(&mpf_type_TypeError, "a2b_base64() takes exactly one positional argument");
    }
    mpf_buffer_t b;
    ascii_arg(args[0], &b);
    const uint8_t *s = b.buf;
    mpf_vstr_t v;
    mpf_vstr_init(&v, b.len / 4 * 3 + 3);
    uint32_t acc = 0;
    size_t quad = 0;       // characters of the current quantum
    size_t n_data = 0;     // alphabet characters seen
    size_t pads = 0;
    bool done = false;
    for (size_t i = 0; i < b.len && !done; i++) {
        if (s[i] == '=') {
            if (quad >= 2) {
                pads++;
                if (quad + pads >= 4) {
                    // quantum complete: keep what it holds
                    if (quad == 2) {
                        mpf_vstr_add_char(&v, (char)(acc >> 4));
                    } else {
                        mpf_vstr_add_char(&v, (char)(acc >> 10));
                        mpf_vstr_add_char(&v, (char)(acc >> 2));
                    }
                    quad = 0;
                    acc = 0;
                    pads = 0;
                    done = true;  // CPython stops at the first completed padding
                }
            }
            continue;
        }
        int d = b64_value(s[i]);
        if (d < 0) {
            continue;
        }
        pads = 0;
        n_data++;
        acc = acc << 6 | (uint32_t)d;
        if (++quad == 4) {
            mpf_vstr_add_char(&v, (char)(acc >> 16));
            mpf_vstr_add_char(&v, (char)(acc >> 8));
            mpf_vstr_add_char(&v, (char)acc);
            quad = 0;
            acc = 0;
        }
    }
    if (quad != 0) {
        if (quad == 1) {
            mpf_vstr_t m;
            mpf_vstr_init(&m, 96);
            mpf_print_t p;
            mpf_vstr_print(&m, &p);
            mpf_printf(&p, "Invalid base64-encoded string: number of data characters (%u) cannot be 1 more than a multiple of 4", (unsigned)n_data);
            mpf_vstr_add_char(&m, 0);
            binascii_error(m.buf);
        }
        binascii_error("Incorrect padding");
    }
    return mpf_vstr_to_bytes(&v);
}

// crc32(data, value=0): CRC-32 (polynomial 0xEDB88320 reflected), bitwise rather than
// table-driven to keep 1 KiB of table out of flash.
static mpf_obj_t binascii_crc32(size_t n_args, const mpf_obj_t *args) {
    mpf_buffer_t b;
    data_arg(args[0], &b);
    uint32_t crc = 0;
    if (n_args > 1) {
        // value & 0xffffffff, read back through bytes so it works with 31-bit small ints
        mpf_obj_t mask = mpf_binary_op(MPF_BINARY_OP_AND, args[1], mpf_obj_new_int_from_ull(0xffffffffu));
        size_t n;
        const uint8_t *le = (const uint8_t *)mpf_obj_str_data(mpf_int_to_bytes_obj(mask, 4, true, false), &n);
        crc = (uint32_t)le[0] | (uint32_t)le[1] << 8 | (uint32_t)le[2] << 16 | (uint32_t)le[3] << 24;
    }
    crc = ~crc;
    const uint8_t *s = b.buf;
    for (size_t i = 0; i < b.len; i++) {
        crc ^= s[i];
        for (int k = 0; k < 8; k++) {
            crc = (crc >> 1) ^ (0xedb88320u & (0u - (crc & 1u)));
        }
    }
    return mpf_obj_new_int_from_ull(~crc);
}

static const mpf_rom_map_elem_t binascii_members_table[] = {
    MPF_ROM_FUN_VAR(MPF_QSTR_hexlify, 1, 3, binascii_hexlify),
    MPF_ROM_FUN_1(MPF_QSTR_unhexlify, binascii_unhexlify),
    MPF_ROM_FUN_VAR(MPF_QSTR_b2a_hex, 1, 3, binascii_hexlify),
    MPF_ROM_FUN_1(MPF_QSTR_a2b_hex, binascii_unhexlify),
    MPF_ROM_FUN_KW(MPF_QSTR_b2a_base64, 1, binascii_b2a_base64),
    MPF_ROM_FUN_KW(MPF_QSTR_a2b_base64, 1, binascii_a2b_base64),
    MPF_ROM_FUN_VAR(MPF_QSTR_crc32, 1, 2, binascii_crc32),
};
MPF_ROM_MAP(binascii_members, binascii_members_table);

// binascii.Error (and Incomplete): subclasses of ValueError / Exception made on import.
static void binascii_init(mpf_obj_t mod) {
    mpf_obj_t g = ((mpf_module_t *)mpf_obj_ptr(mod))->globals;
    mpf_obj_t base = mpf_obj_from_ptr(&mpf_type_ValueError);
    mpf_obj_t dict = mpf_obj_new_dict(1);
    mpf_dict_store(dict, mpf_obj_new_qstr(MPF_QSTR___module__), mpf_obj_new_qstr(MPF_QSTR_binascii));
    mpf_dict_store(g, mpf_obj_new_qstr(MPF_QSTR_Error), mpf_make_class(MPF_QSTR_Error, mpf_obj_new_tuple(1, &base), dict));
}

const mpf_builtin_module_t mpf_module_binascii = {MPF_QSTR_binascii, &binascii_members, binascii_init};
MPF_REGISTER_MODULE(MPF_QSTR_binascii, mpf_module_binascii);
