// file.c -- open() for the host port: text and binary files over stdio.
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "mpf.h"
#include "port.h"
#include "host.h"

#if CONFIG_BUILTIN_OPEN

typedef struct file_obj {
    mpf_obj_base_t base;
    FILE *fp;
    uintptr_t binary;
} file_obj_t;

static const mpf_type_t file_type;

static FILE *fp_of(mpf_obj_t self) {
    file_obj_t *f = mpf_obj_ptr(self);
    if (f->fp == NULL) {
        mpf_raise_msg(&mpf_type_ValueError, "I/O operation on closed file.");
    }
    return f->fp;
}

static mpf_obj_t make_result(mpf_obj_t self, mpf_vstr_t *v) {
    return ((file_obj_t *)mpf_obj_ptr(self))->binary ? mpf_vstr_to_bytes(v) : mpf_str_from_utf8(v->buf, v->len);
}

static mpf_obj_t file_read(size_t n_args, const mpf_obj_t *args) {
    FILE *fp = fp_of(args[0]);
    mpf_int_t n = n_args > 1 && args[1] != MPF_OBJ_NONE ? mpf_obj_get_int(args[1]) : -1;
    mpf_vstr_t v;
    mpf_vstr_init(&v, 64);
    int c;
    bool text = !((file_obj_t *)mpf_obj_ptr(args[0]))->binary;
    mpf_int_t count = 0;  // bytes, or characters in text mode
    while ((n < 0 || count < n) && (c = fgetc(fp)) != EOF) {
        mpf_vstr_add_char(&v, (char)c);
        count++;
        for (unsigned k = text ? mpf_utf8_tail_len((uint8_t)c) : 0; k > 0 && (c = fgetc(fp)) != EOF; k--) {
            mpf_vstr_add_char(&v, (char)c);
        }
    }
    return make_result(args[0], &v);
}

static mpf_obj_t readline_impl(mpf_obj_t self) {
    FILE *fp = fp_of(self);
    mpf_vstr_t v;
    mpf_vstr_init(&v, 64);
    int c;
    while ((c = fgetc(fp)) != EOF) {
        mpf_vstr_add_char(&v, (char)c);
        if (c == '\n') {
            break;
        }
    }
    return make_result(self, &v);
}

static mpf_obj_t file_readline(size_t n_args, const mpf_obj_t *args) {
    (void)n_args;
    return readline_impl(args[0]);
}

static mpf_obj_t file_readlines(mpf_obj_t self) {
    mpf_obj_t l = mpf_obj_new_list(0, NULL);
    for (;;) {
        mpf_obj_t line = readline_impl(self);
        if (mpf_obj_len(line) == 0) {
            return l;
        }
        mpf_list_append(l, line);
    }
}

// readinto(buf[, n]) of a binary file: up to n (default len(buf)) bytes read into the
// writable buffer, the count returned (0 at the end of the file); mpremote's `fs
// sha256sum` and `cp` onto an existing file hash through it.
static mpf_obj_t file_readinto(size_t n_args, const mpf_obj_t *args) {
    FILE *fp = fp_of(args[0]);
    if (!((file_obj_t *)mpf_obj_ptr(args[0]))->binary) {
        // (a text file has no readinto() in CPython: the binary file's type shares its table)
        mpf_raise_msg(&mpf_type_AttributeError, "'TextIOWrapper' object has no attribute 'readinto'");
    }
    mpf_buffer_t b;
    if (MPF_IS_STR(args[1]) || !mpf_obj_get_buffer(args[1], &b, true)) {
        mpf_raise_fmt(&mpf_type_TypeError, "readinto() argument must be a writable bytes-like object, not '%T'", args[1]);
    }
    size_t n = b.len;
    if (n_args > 2) {
        mpf_int_t want = mpf_obj_get_int(args[2]);
        if (want >= 0 && (size_t)want < n) {
            n = (size_t)want;
        }
    }
    return mpf_obj_new_small_int((mpf_int_t)fread(b.buf, 1, n, fp));
}

static mpf_obj_t file_write(mpf_obj_t self, mpf_obj_t s) {
    FILE *fp = fp_of(self);
    file_obj_t *f = mpf_obj_ptr(self);
    mpf_buffer_t b;
    if (f->binary ? (MPF_IS_STR(s) || !mpf_obj_get_buffer(s, &b, false)) : !MPF_IS_STR(s)) {
        mpf_raise_fmt(&mpf_type_TypeError, f->binary ? "a bytes-like object is required, not '%T'" : "write() argument must be str, not %T", s);
    }
    size_t len;
    const char *d = f->binary ? (const char *)b.buf : mpf_obj_str_data(s, &len);
    if (f->binary) {
        len = b.len;
    }
    fwrite(d, 1, len, fp);
    return mpf_obj_new_small_int((mpf_int_t)(f->binary ? len : mpf_utf8_charlen((const uint8_t *)d, len)));
}

static mpf_obj_t file_close(mpf_obj_t self) {
    file_obj_t *f = mpf_obj_ptr(self);
    if (f->fp != NULL) {
        fclose(f->fp);
        f->fp = NULL;
    }
    return MPF_OBJ_NONE;
}

static mpf_obj_t file_flush(mpf_obj_t self) {
    fflush(fp_of(self));
    return MPF_OBJ_NONE;
}

static mpf_obj_t file_enter(mpf_obj_t self) {
    return self;
}

static mpf_obj_t file_exit(size_t n_args, const mpf_obj_t *args) {
    (void)n_args;
    return file_close(args[0]);
}

static mpf_obj_t file_iternext(mpf_obj_t self) {
    mpf_obj_t line = readline_impl(self);
    return mpf_obj_len(line) == 0 ? MPF_OBJ_STOP : line;
}

static mpf_obj_t file_getiter(mpf_obj_t self) {
    return self;
}

static void file_finalise(mpf_obj_t self) {
    file_obj_t *f = mpf_obj_ptr(self);
    if (f->fp != NULL) {
        fclose(f->fp);
        f->fp = NULL;
    }
}

static void file_attr(mpf_obj_t self, mpf_qstr_t attr, mpf_obj_t *dest) {
    if (dest[0] == MPF_OBJ_NULL && attr == MPF_QSTR_closed) {
        dest[0] = mpf_obj_bool(((file_obj_t *)mpf_obj_ptr(self))->fp == NULL);
    }
}

static const mpf_rom_map_elem_t file_locals_table[] = {
    MPF_ROM_FUN_VAR(MPF_QSTR_read, 1, 2, file_read),
    MPF_ROM_FUN_VAR(MPF_QSTR_readinto, 2, 3, file_readinto),
    MPF_ROM_FUN_VAR(MPF_QSTR_readline, 1, 2, file_readline),
    MPF_ROM_FUN_1(MPF_QSTR_readlines, file_readlines),
    MPF_ROM_FUN_2(MPF_QSTR_write, file_write),
    MPF_ROM_FUN_1(MPF_QSTR_close, file_close),
    MPF_ROM_FUN_1(MPF_QSTR_flush, file_flush),
    MPF_ROM_FUN_1(MPF_QSTR___enter__, file_enter),
    MPF_ROM_FUN_VAR(MPF_QSTR___exit__, 4, 4, file_exit),
};
MPF_ROM_MAP(file_locals, file_locals_table);


static const mpf_type_ext_t file_finalise_ext = {.finalise = file_finalise};
static const mpf_type_t file_type = MPF_TYPE(MPF_QSTR_TextIOWrapper, 0,
    (getiter, file_getiter),
    (iternext, file_iternext),
    (attr, file_attr),
    (locals, &file_locals),
    (ext, &file_finalise_ext));
static const mpf_type_t binary_file_type = MPF_TYPE(MPF_QSTR_FileIO, 0,
    (getiter, file_getiter),
    (iternext, file_iternext),
    (attr, file_attr),
    (locals, &file_locals),
    (ext, &file_finalise_ext));

static mpf_obj_t builtin_open(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    // open(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None, closefd=True, opener=None):
    // the file and the mode are used
    static const mpf_qstr_t kws[] = {MPF_QSTR_file, MPF_QSTR_mode, MPF_QSTR_buffering, MPF_QSTR_encoding, MPF_QSTR_errors,
        MPF_QSTR_newline, MPF_QSTR_closefd, MPF_QSTR_opener};
    mpf_obj_t a[8];
    mpf_arg_parse(n_args, n_kw, args, MPF_ARG_FUN(MPF_QSTR_open, 0), 8, 8, kws, a);
    mpf_obj_t mode_o = a[1];
    size_t pl, ml = 1;
    if (!MPF_IS_STR(args[0]) && !mpf_obj_is_type(args[0], &mpf_type_bytes)) {
        mpf_raise_fmt(&mpf_type_TypeError, "expected str, bytes or os.PathLike object, not %T", args[0]);
    }
    const char *path = mpf_obj_str_data(args[0], &pl);
    const char *mode = "r";
    if (mode_o != MPF_OBJ_NULL) {
        if (!MPF_IS_STR(mode_o)) {
            mpf_raise_fmt(&mpf_type_TypeError, "open() argument 'mode' must be str, not %T", mode_o);
        }
        mode = mpf_obj_str_data(mode_o, &ml);
    }
    char cmode[8] = {0};
    bool binary = false;
    size_t k = 0;
    for (size_t i = 0; i < ml && k < 5; i++) {
        if (mode[i] == 'b') {
            binary = true;
        } else if (mode[i] != 't') {
            cmode[k++] = mode[i];
        }
    }
    cmode[k++] = 'b';
    char cpath[1024];
    if (pl >= sizeof(cpath)) {
        mpf_raise_oserror(ENAMETOOLONG, args[0], MPF_OBJ_NONE);
    }
    memcpy(cpath, path, pl);
    cpath[pl] = 0;
    FILE *fp = fopen(cpath, cmode);
    struct stat st;
    if (fp != NULL && fstat(fileno(fp), &st) == 0 && S_ISDIR(st.st_mode)) {
        fclose(fp);  // stdio opens a directory for reading; Python refuses it
        fp = NULL;
        errno = EISDIR;
    }
    if (fp == NULL) {
        mpf_raise_oserror(mpf_host_errno(), args[0], MPF_OBJ_NONE);
    }
    file_obj_t *f = mpf_gc_alloc(sizeof(file_obj_t), true);
    f->base.type = binary ? &binary_file_type : &file_type;
    f->fp = fp;
    f->binary = binary;
    return mpf_obj_from_ptr(f);
}
const mpf_fun_builtin_t mpf_port_open_obj = MPF_FUN_INIT_KW(MPF_QSTR_open, 1, builtin_open);

#endif
