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

// Print unsigned [v] in [base] (2..16) with optional minus sign.
static void print_uint(const mpf_print_t *p, mpf_uint_t v, bool neg, unsigned base, bool upper) {
    char buf[sizeof(mpf_uint_t) * 8 + 2];
    char *e = buf + sizeof(buf);
    char *s = e;
    const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    do {
        *--s = digits[v % base];
        v /= base;
    } while (v != 0);
    if (neg) {
        *--s = '-';
    }
    mpf_print_strn(p, s, (size_t)(e - s));
}

void mpf_print_int(const mpf_print_t *p, mpf_int_t v) {
    if (v < 0) {
        print_uint(p, (mpf_uint_t)0 - (mpf_uint_t)v, true, 10, false);
    } else {
        print_uint(p, (mpf_uint_t)v, false, 10, false);
    }
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
        switch (*fmt) {
            case 's': {
                const char *s = va_arg(ap, const char *);
                if (s == NULL) {
                    s = "(null)";
                }
                mpf_print_strn(p, s, prec >= 0 ? (size_t)prec : strlen(s));
                break;
            }
            case 'd': {
                long v = is_long ? va_arg(ap, long) : is_size ? (long)va_arg(ap, size_t) : va_arg(ap, int);
                mpf_print_int(p, (mpf_int_t)v);
                break;
            }
            case 'u': {
                mpf_uint_t v = is_long ? va_arg(ap, unsigned long) : is_size ? va_arg(ap, size_t) : va_arg(ap, unsigned);
                print_uint(p, v, false, 10, false);
                break;
            }
            case 'x': {
                mpf_uint_t v = is_long ? va_arg(ap, unsigned long) : is_size ? va_arg(ap, size_t) : va_arg(ap, unsigned);
                print_uint(p, v, false, 16, false);
                break;
            }
            case 'c': {
                char c = (char)va_arg(ap, int);
                mpf_print_strn(p, &c, 1);
                break;
            }
            case 'q': {
                size_t len;
                const char *s = mpf_qstr_data(va_arg(ap, mpf_qstr_t), &len);
                mpf_print_strn(p, s, len);
                break;
            }
            case 'O':
                mpf_obj_print(p, va_arg(ap, mpf_obj_t), MPF_PRINT_STR);
                break;
            case 'R':
                mpf_obj_print(p, va_arg(ap, mpf_obj_t), MPF_PRINT_REPR);
                break;
            case 'T':
                mpf_print_str(p, mpf_obj_type_name(va_arg(ap, mpf_obj_t)));
                break;
            case '%':
                mpf_print_strn(p, "%", 1);
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
