// mod_io.c -- the io module: StringIO and BytesIO (in-memory streams, everywhere) and,
// on ports with open(), io.open.
//
// Both stream types share one object: a byte buffer, a position and a closed flag;
// the type decides whether reads return str or bytes and what write() accepts.
// StringIO positions count bytes of the UTF-8 text (CPython counts characters; the two
// agree for ASCII text, and tell()/seek() round-trip either way).
#include "mpf_int.h"
#include "port.h"

typedef struct stringio {
    mpf_obj_base_t base;
    char *buf;
    size_t len, alloc;
    size_t pos;
    uintptr_t closed;
} stringio_t;

extern const mpf_type_t mpf_type_stringio, mpf_type_bytesio;

static bool is_text(mpf_obj_t self) {
    return mpf_obj_is_type(self, &mpf_type_stringio);
}

static stringio_t *open_stream(mpf_obj_t self) {
    stringio_t *s = mpf_obj_ptr(self);
    if (s->closed) {
        // (CPython's StringIO says it without the full stop its BytesIO and files end with)
        mpf_raise_fmt(&mpf_type_ValueError, "I/O operation on closed file%s", is_text(self) ? "" : ".");
    }
    return s;
}

static mpf_obj_t make_result(mpf_obj_t self, const char *data, size_t len) {
    if (is_text(self)) {
        return mpf_obj_new_str(data, len);
    }
    return mpf_obj_new_bytes((const uint8_t *)data, len);
}

// Write [len] bytes at the position, growing (and zero-filling a gap) as needed.
static void stream_write(stringio_t *s, const char *data, size_t len) {
    size_t end;
    if (__builtin_add_overflow(s->pos, len, &end)) {
        mpf_raise_memory_error();
    }
    if (end > s->alloc) {
        size_t na = s->alloc * 2 + 16;
        if (na < end) {
            na = end;
        }
        s->buf = mpf_gc_realloc_var(s->buf, 1, 1, na);
        s->alloc = na;
    }
    if (s->pos > s->len) {
        memset(s->buf + s->len, 0, s->pos - s->len);
    }
    if (len > 0) {
        memcpy(s->buf + s->pos, data, len);
    }
    s->pos = end;
    if (end > s->len) {
        s->len = end;
    }
}

// Bytes between the position and the end (none when the position is past it).
static size_t stream_avail(const stringio_t *s) {
    return s->pos < s->len ? s->len - s->pos : 0;
}

// Write [data] at the position: a str to a StringIO ([not_str_fmt] formats the error
// for anything else, with %T), a bytes-like object to a BytesIO. Returns what write()
// returns: the characters or bytes written.
static size_t write_value(mpf_obj_t self, stringio_t *s, mpf_obj_t data, const char *not_str_fmt) {
    if (is_text(self)) {
        if (!MPF_IS_STR(data)) {
            mpf_raise_fmt(&mpf_type_TypeError, not_str_fmt, data);
        }
        size_t len;
        const char *d = mpf_obj_str_data(data, &len);
        stream_write(s, d, len);
        return mpf_utf8_charlen((const uint8_t *)d, len);
    }
    mpf_buffer_t b;
    if (MPF_IS_STR(data) || !mpf_obj_get_buffer(data, &b, false)) {
        mpf_raise_fmt(&mpf_type_TypeError, "a bytes-like object is required, not '%T'", data);
    }
    stream_write(s, b.buf, b.len);
    return b.len;
}

static mpf_obj_t stream_make_new(const mpf_type_t *type, size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    // StringIO(initial_value='', newline='\n') (newline is accepted, not used), BytesIO(initial_bytes=b'')
    bool text = type == &mpf_type_stringio;
    const mpf_qstr_t kws[] = {text ? MPF_QSTR_initial_value : MPF_QSTR_initial_bytes, MPF_QSTR_newline};
    mpf_obj_t a[2];
    mpf_arg_parse(n_args, n_kw, args, MPF_ARG_FUN(mpf_type_name(type), 0), text ? 2 : 1, text ? 2 : 1, kws, a);
    mpf_obj_t init = a[0];
    stringio_t *s = mpf_new(stringio_t);
    s->base.type = type;
    if (init != MPF_OBJ_NULL && init != MPF_OBJ_NONE) {
        write_value(mpf_obj_from_ptr(s), s, init, "initial_value must be str or None, not %T");
        s->pos = 0;
    }
    return mpf_obj_from_ptr(s);
}

// write(data), and MicroPython's write(buf, n) / write(buf, offset, n) on a BytesIO: the
// bytes buf[offset:offset + n] (offset and n clamped to buf).
static mpf_obj_t stream_write_m(size_t n_args, const mpf_obj_t *args) {
    mpf_obj_t self = args[0];
    stringio_t *s = open_stream(self);
    if (n_args == 2) {
        return mpf_obj_new_small_int((mpf_int_t)write_value(self, s, args[1], "string argument expected, got '%T'"));
    }
    mpf_buffer_t b;
    if (is_text(self) || MPF_IS_STR(args[1]) || !mpf_obj_get_buffer(args[1], &b, false)) {
        mpf_raise_fmt(&mpf_type_TypeError, "write(buf, [offset,] n) needs a BytesIO and a bytes-like buf, not '%T'", args[1]);
    }
    mpf_int_t off = n_args == 4 ? mpf_obj_get_int(args[2]) : 0;
    mpf_int_t n = mpf_obj_get_int(args[n_args - 1]);
    size_t o = off < 0 ? 0 : (size_t)off > b.len ? b.len : (size_t)off;
    size_t len = n < 0 ? 0 : (size_t)n > b.len - o ? b.len - o : (size_t)n;
    stream_write(s, (const char *)b.buf + o, len);
    return mpf_obj_new_small_int((mpf_int_t)len);
}

// A size argument: None or negative mean "everything".
static size_t size_arg(size_t n_args, const mpf_obj_t *args, size_t all) {
    if (n_args < 2 || args[1] == MPF_OBJ_NONE) {
        return all;
    }
    mpf_int_t n = mpf_obj_get_int(args[1]);
    return n < 0 || (size_t)n > all ? all : (size_t)n;
}

// For StringIO: extend [n] bytes from [p] to the end of the UTF-8 character they cut.
static size_t whole_chars(const stringio_t *s, size_t p, size_t n) {
    while (p + n < s->len && ((uint8_t)s->buf[p + n] & 0xc0) == 0x80) {
        n++;
    }
    return n;
}

static mpf_obj_t stream_read(size_t n_args, const mpf_obj_t *args) {
    stringio_t *s = open_stream(args[0]);
    size_t avail = stream_avail(s);
    size_t n = size_arg(n_args, args, avail);
    if (is_text(args[0]) && n < avail) {
        // size counts characters
        size_t bytes = 0;
        for (size_t k = 0; k < n && bytes < avail; k++) {
            bytes = whole_chars(s, s->pos, bytes + 1);
        }
        n = bytes;
    }
    mpf_obj_t r = make_result(args[0], s->buf + s->pos, n);
    s->pos += n;
    return r;
}

// One line (up to and including '\n'), at most [limit] bytes; empty at the end.
static mpf_obj_t stream_readline_n(mpf_obj_t self, size_t limit) {
    stringio_t *s = open_stream(self);
    size_t avail = stream_avail(s);
    size_t n = 0;
    while (n < avail && n < limit) {
        if (s->buf[s->pos + n++] == '\n') {
            break;
        }
    }
    mpf_obj_t r = make_result(self, s->buf + s->pos, n);
    s->pos += n;
    return r;
}

static mpf_obj_t stream_readline(size_t n_args, const mpf_obj_t *args) {
    return stream_readline_n(args[0], size_arg(n_args, args, SIZE_MAX));
}

static mpf_obj_t stream_readlines(size_t n_args, const mpf_obj_t *args) {
    (void)n_args;
    mpf_obj_t list = mpf_obj_new_list(0, NULL);
    for (;;) {
        mpf_obj_t line = stream_readline_n(args[0], SIZE_MAX);
        if (mpf_obj_len(line) == 0) {
            return list;
        }
        mpf_list_append(list, line);
    }
}

static mpf_obj_t stream_readinto(mpf_obj_t self, mpf_obj_t dest) {
    stringio_t *s = open_stream(self);
    mpf_buffer_t b;
    if (!mpf_obj_get_buffer(dest, &b, true)) {
        mpf_raise_fmt(&mpf_type_TypeError, "readinto() argument must be read-write bytes-like object, not %T", dest);
    }
    size_t avail = stream_avail(s);
    size_t n = b.len < avail ? b.len : avail;
    if (n > 0) {
        memcpy(b.buf, s->buf + s->pos, n);
    }
    s->pos += n;
    return mpf_obj_new_small_int((mpf_int_t)n);
}

static mpf_obj_t stream_getvalue(mpf_obj_t self) {
    stringio_t *s = open_stream(self);
    return make_result(self, s->buf, s->len);
}

// seek(pos, whence=0): 0 from the start, 1 from the position, 2 from the end.
static mpf_obj_t stream_seek(size_t n_args, const mpf_obj_t *args) {
    stringio_t *s = open_stream(args[0]);
    mpf_int_t off = mpf_obj_get_int(args[1]);
    mpf_int_t whence = n_args > 2 ? mpf_obj_get_int(args[2]) : 0;
    mpf_int_t base;
    if (whence == 0) {
        if (off < 0) {
            mpf_raise_fmt(&mpf_type_ValueError, "negative seek value %d", (int)off);
        }
        base = 0;
    } else if (whence == 1 || whence == 2) {
        if (is_text(args[0]) && off != 0) {
            mpf_raise_msg(&mpf_type_OSError, "Can't do nonzero cur-relative seeks");
        }
        base = whence == 1 ? (mpf_int_t)s->pos : (mpf_int_t)s->len;
    } else {
        mpf_raise_fmt(&mpf_type_ValueError, "invalid whence (%d, should be 0, 1 or 2)", (int)whence);
    }
    mpf_int_t p = base + off;
    s->pos = p < 0 ? 0 : (size_t)p;
    return mpf_obj_new_int((mpf_int_t)s->pos);
}

static mpf_obj_t stream_tell(mpf_obj_t self) {
    return mpf_obj_new_int((mpf_int_t)open_stream(self)->pos);
}

static mpf_obj_t stream_truncate(size_t n_args, const mpf_obj_t *args) {
    stringio_t *s = open_stream(args[0]);
    size_t n = s->pos;
    if (n_args > 1 && args[1] != MPF_OBJ_NONE) {
        mpf_int_t v = mpf_obj_get_int(args[1]);
        if (v < 0) {
            mpf_raise_fmt(&mpf_type_ValueError, "negative size value %d", (int)v);
        }
        n = (size_t)v;
    }
    if (n < s->len) {
        s->len = n;
    }
    return mpf_obj_new_int((mpf_int_t)n);
}

static mpf_obj_t stream_close(mpf_obj_t self) {
    stringio_t *s = mpf_obj_ptr(self);
    s->closed = 1;
    s->buf = NULL;
    s->len = s->alloc = 0;
    return MPF_OBJ_NONE;
}

static mpf_obj_t stream_true(mpf_obj_t self) {
    open_stream(self);
    return MPF_OBJ_TRUE;
}

static mpf_obj_t stream_flush(mpf_obj_t self) {
    open_stream(self);
    return MPF_OBJ_NONE;
}

// __enter__ and iter(): the stream itself, if open.
static mpf_obj_t stream_enter(mpf_obj_t self) {
    open_stream(self);
    return self;
}

static mpf_obj_t stream_exit(size_t n_args, const mpf_obj_t *args) {
    (void)n_args;
    stream_close(args[0]);
    return MPF_OBJ_NONE;
}

static void stream_attr(mpf_obj_t self, mpf_qstr_t attr, mpf_obj_t *dest) {
    if (dest[0] == MPF_OBJ_NULL && attr == MPF_QSTR_closed) {
        dest[0] = mpf_obj_bool(((const stringio_t *)mpf_obj_ptr(self))->closed != 0);
    }
}

static mpf_obj_t stream_iternext(mpf_obj_t self) {
    mpf_obj_t line = stream_readline_n(self, SIZE_MAX);
    return mpf_obj_len(line) == 0 ? MPF_OBJ_STOP : line;
}

static void stream_print(const mpf_print_t *p, mpf_obj_t self, mpf_print_kind_t kind) {
    (void)kind;
    mpf_printf(p, "<_io.%q object at 0x%x>", mpf_type_name(mpf_obj_type(self)), (unsigned)(uintptr_t)self);
}

static const mpf_rom_map_elem_t stream_locals_table[] = {
    MPF_ROM_FUN_VAR(MPF_QSTR_write, 2, 4, stream_write_m),
    MPF_ROM_FUN_VAR(MPF_QSTR_read, 1, 2, stream_read),
    MPF_ROM_FUN_VAR(MPF_QSTR_readline, 1, 2, stream_readline),
    MPF_ROM_FUN_VAR(MPF_QSTR_readlines, 1, 2, stream_readlines),
    MPF_ROM_FUN_2(MPF_QSTR_readinto, stream_readinto),
    MPF_ROM_FUN_1(MPF_QSTR_getvalue, stream_getvalue),
    MPF_ROM_FUN_VAR(MPF_QSTR_seek, 2, 3, stream_seek),
    MPF_ROM_FUN_1(MPF_QSTR_tell, stream_tell),
    MPF_ROM_FUN_VAR(MPF_QSTR_truncate, 1, 2, stream_truncate),
    MPF_ROM_FUN_1(MPF_QSTR_close, stream_close),
    MPF_ROM_FUN_1(MPF_QSTR_flush, stream_flush),
    MPF_ROM_FUN_1(MPF_QSTR_readable, stream_true),
    MPF_ROM_FUN_1(MPF_QSTR_writable, stream_true),
    MPF_ROM_FUN_1(MPF_QSTR_seekable, stream_true),
    MPF_ROM_FUN_1(MPF_QSTR___enter__, stream_enter),
    MPF_ROM_FUN_VAR(MPF_QSTR___exit__, 1, 4, stream_exit),
};
MPF_ROM_MAP(stream_locals, stream_locals_table);

// (StringIO and BytesIO: the same slots)
#define STREAM_SLOTS (print, stream_print), (make_new, stream_make_new), (attr, stream_attr), \
    (getiter, stream_enter), (iternext, stream_iternext), (locals, &stream_locals)
const mpf_type_t mpf_type_stringio = MPF_TYPE(MPF_QSTR_StringIO, MPF_TYPE_FLAG_SUBCLASSABLE, STREAM_SLOTS);
const mpf_type_t mpf_type_bytesio = MPF_TYPE(MPF_QSTR_BytesIO, MPF_TYPE_FLAG_SUBCLASSABLE, STREAM_SLOTS);

// io.IOBase: a base for stream classes written in Python (print(file=...) calls their
// write()); it has no methods of its own.
static mpf_obj_t iobase_make_new(const mpf_type_t *type, size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)n_args;
    (void)n_kw;
    (void)args;  // any arguments, as CPython's
    mpf_obj_base_t *o = mpf_new(mpf_obj_base_t);
    o->type = type;
    return mpf_obj_from_ptr(o);
}

static const mpf_type_t iobase_type = MPF_TYPE(MPF_QSTR_IOBase, MPF_TYPE_FLAG_SUBCLASSABLE,
    (make_new, iobase_make_new));

static const mpf_rom_map_elem_t io_members_table[] = {
    {MPF_ROM_QSTR(MPF_QSTR_IOBase), MPF_ROM_PTR(&iobase_type)},
    {MPF_ROM_QSTR(MPF_QSTR_StringIO), MPF_ROM_PTR(&mpf_type_stringio)},
    {MPF_ROM_QSTR(MPF_QSTR_BytesIO), MPF_ROM_PTR(&mpf_type_bytesio)},
#if CONFIG_MODULE_VFS
    {MPF_ROM_QSTR(MPF_QSTR_open), MPF_ROM_PTR(&mpf_vfs_open_obj)},
#elif CONFIG_BUILTIN_OPEN
    {MPF_ROM_QSTR(MPF_QSTR_open), MPF_ROM_PTR(&mpf_port_open_obj)},
#endif
    {MPF_ROM_QSTR(MPF_QSTR_SEEK_SET), MPF_ROM_INT(0)},
    {MPF_ROM_QSTR(MPF_QSTR_SEEK_CUR), MPF_ROM_INT(1)},
    {MPF_ROM_QSTR(MPF_QSTR_SEEK_END), MPF_ROM_INT(2)},
};
MPF_ROM_MAP(io_members, io_members_table);

const mpf_builtin_module_t mpf_module_io = {MPF_QSTR_io, &io_members, NULL};
MPF_REGISTER_MODULE(MPF_QSTR_io, mpf_module_io);
