// print.c -- output sinks and the small printf used for messages and reprs.
#include "mpf.h"
#include "port.h"

static void write_stdout(void *env, const char *s, size_t n) {
    (void)env;
    mpf_port_stdout_write(s, n);
}
static void write_stderr(void *env, const char *s, size_t n) {
    (void)env;
    mpf_port_stderr_write(s, n);
}
const mpf_print_t mpf_print_stdout = {NULL, write_stdout};
const mpf_print_t mpf_print_stderr = {NULL, write_stderr};

void mpf_print_strn(const mpf_print_t *p, const char *s, size_t n) {
    if (n > 0) {
        p->write(p->env, s, n);
    }
}

void mpf_print_str(const mpf_print_t *p, const char *s) {
    if (s != NULL) {
        mpf_print_strn(p, s, strlen(s));
    }
}

// Print unsigned [v] in [base] (2..16, lower-case digits) with optional minus sign.
static void print_uint(const mpf_print_t *p, mpf_uint_t v, bool neg, unsigned base) {
    char buf[sizeof(mpf_uint_t) * 8 + 2];
    char *e = buf + sizeof(buf);
    char *s = e;
    do {
        *--s = "0123456789abcdef"[v % base];
        v /= base;
    } while (v != 0);
    if (neg) {
        *--s = '-';
    }
    mpf_print_strn(p, s, (size_t)(e - s));
}

void mpf_print_int(const mpf_print_t *p, mpf_int_t v) {
    print_uint(p, v < 0 ? (mpf_uint_t)0 - (mpf_uint_t)v : (mpf_uint_t)v, v < 0, 10);
}

void mpf_vprintf(const mpf_print_t *p, const char *fmt, va_list ap) {
    while (*fmt) {
        const char *start = fmt;
        while (*fmt && *fmt != '%') {
            fmt++;
        }
        mpf_print_strn(p, start, (size_t)(fmt - start));
        if (*fmt == 0) {
            break;
        }
        fmt++;
        int prec = -1;
        bool is_long = false, is_size = false;
        if (fmt[0] == '.' && fmt[1] == '*') {
            prec = va_arg(ap, int);
            fmt += 2;
        }
        if (*fmt == 'l') {
            is_long = true;
            fmt++;
        } else if (*fmt == 'z') {
            is_size = true;
            fmt++;
        }
        char c = *fmt;
        switch (c) {
            case 's': {
                const char *s = va_arg(ap, const char *);
                if (s == NULL) {
                    s = "(null)";
                }
                mpf_print_strn(p, s, prec >= 0 ? (size_t)prec : strlen(s));
                break;
            }
            case 'd':
            case 'u':
            case 'x': {
                // the argument as the type its length modifier names, signed for %d
                mpf_uint_t v;
                bool neg = false;
                if (c == 'd') {
                    long sv = is_long ? va_arg(ap, long) : is_size ? (long)va_arg(ap, size_t) : va_arg(ap, int);
                    neg = sv < 0;
                    v = neg ? (mpf_uint_t)0 - (mpf_uint_t)sv : (mpf_uint_t)sv;
                } else {
                    v = is_long ? va_arg(ap, unsigned long) : is_size ? va_arg(ap, size_t) : va_arg(ap, unsigned);
                }
                print_uint(p, v, neg, c == 'x' ? 16 : 10);
                break;
            }
            case 'c':
                c = (char)va_arg(ap, int);
                mpf_print_strn(p, &c, 1);
                break;
            case 'q':
            case 'T': {
                // a qstr, or the name of an object's type (a qstr too)
                mpf_qstr_t q = c == 'q' ? va_arg(ap, mpf_qstr_t) : mpf_type_name(mpf_obj_type(va_arg(ap, mpf_obj_t)));
                size_t len;
                const char *s = mpf_qstr_data(q, &len);
                mpf_print_strn(p, s, len);
                break;
            }
            case 'O':
            case 'R':
                mpf_obj_print(p, va_arg(ap, mpf_obj_t), c == 'O' ? MPF_PRINT_STR : MPF_PRINT_REPR);
                break;
            case '%':
                mpf_print_strn(p, fmt, 1);
                break;
            default:
                mpf_print_strn(p, fmt - 1, 2);
                break;
        }
        fmt++;
    }
}

void mpf_printf(const mpf_print_t *p, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    mpf_vprintf(p, fmt, ap);
    va_end(ap);
}
