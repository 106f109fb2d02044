// compile.h -- the on-device compiler (CONFIG_COMPILER): Python source to the .mpy v6.3
// byte stream mpy-cross 1.29 writes for the same source, loaded by the ordinary loader.
// Only when CONFIG_COMPILER is on.
#ifndef MPF_COMPILE_H
#define MPF_COMPILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "mpf.h"

typedef enum {
    MPF_COMPILE_EXEC,    // a module / exec(): statements
    MPF_COMPILE_EVAL,    // eval(): one expression, its value is the result of running the code
    MPF_COMPILE_SINGLE,  // the REPL: statements; an expression statement's non-None value is
                         // printed with repr() and stored in builtins._ (as CPython)
    MPF_COMPILE_SINGLE_ONE,  // compile(..., 'single'): as SINGLE, but one statement (a line of
                         // them: a; b), as CPython; more is a SyntaxError
} mpf_compile_mode_t;

// Compiles [len] bytes of UTF-8 source named [filename] into module-level code, the same
// mpf_load_result_t that mpf_load_mpy() returns (run it with mpf_vm_run_module or the boot helpers).
// Raises SyntaxError/IndentationError (filename, line, column, offending text) or MemoryError.
mpf_load_result_t mpf_compile(const char *src, size_t len, const char *filename, mpf_compile_mode_t mode);
// Bytes of source (a file, or bytes given to exec/eval/compile) as UTF-8: as they are, or
// decoded from the encoding a PEP 263 coding comment declares (latin-1: a new buffer; *len
// updated); SyntaxError for an encoding this build does not know. Without
// CONFIG_COMPILER_CODING_COOKIE the declaration is not read (non-UTF-8 bytes: SyntaxError).
#if CONFIG_COMPILER_CODING_COOKIE
const char *mpf_compile_decode(const char *src, size_t *len);
#else
#define mpf_compile_decode(src, len) ((void)(len), (src))
#endif
// micropython.opt_level(): the -O level (0..3) mpf_compile and compile() (optimize=-1) use.
extern mpf_int_t mpf_compile_opt_level;

// For the REPL: nonzero when [src] is an incomplete compound statement (1) or has open
// brackets/strings (2), i.e. the REPL should show "... " and read another line (CPython's
// codeop rule). (A blank line ending a compound statement is the REPL's to see: repl.c,
// ports/wasm/api.c.)
int mpf_compile_needs_more(const char *src, size_t len);

#if CONFIG_COMPILER_MPY_OUTPUT
// The .mpy v6.3 image of [src] exactly as `mpy-cross -O[opt]` writes it (GC heap, *out_len
// bytes); raises as mpf_compile(). The host's `--compile` and the differential test use it.
uint8_t *mpf_compile_to_mpy(const char *src, size_t len, const char *filename, mpf_compile_mode_t mode,
    unsigned opt, size_t *out_len);

// Set to nonzero before compiling to have the compilation store here the heap it held at
// its fullest (syntax tree, tables, image), in bytes; its working memory is released before
// it returns. Measuring walks the heap twice: for `--compile -v` only.
extern size_t mpf_compile_heap_peak;
#endif

// The builtins the compiler brings (entries of builtins.c's table): eval, exec, compile and
// __repl_print__ (what code compiled in 'single' mode calls with an expression's value).
// eval (mode MPF_COMPILE_EVAL: the expression's value) and exec (MPF_COMPILE_EXEC: None)
mpf_obj_t mpf_builtin_eval_exec(size_t n_args, const mpf_obj_t *args, unsigned mode);
mpf_obj_t mpf_builtin_compile(size_t n_args, size_t n_kw, const mpf_obj_t *args);
#if CONFIG_FUNCTION_CLOSURE
mpf_obj_t mpf_builtin_eval_exec_closure(size_t n_args, size_t n_kw, const mpf_obj_t *args);   // (closure=)
#endif
mpf_obj_t mpf_builtin_repl_print(mpf_obj_t v);

// locals() of [fr] (NULL: __main__'s globals): a module's or class body's namespace dict, or
// for a function a new dict of its bound variables (argument names; every local's name when
// this compiler made the code, as mpy-cross's .mpy keeps no other names).
mpf_obj_t mpf_compile_frame_locals(mpf_frame_t *fr);
// [o] if a dict, the dict inside [o] if an instance of a dict subclass, else NULL.
mpf_obj_t mpf_compile_native_dict(mpf_obj_t o);
// What builtin names come from when [o] is the globals' __builtins__: a module's dict, else
// [o] itself (a dict, or any object to subscript); NULL for the builtins module and its dict.
mpf_obj_t mpf_compile_own_builtins(mpf_obj_t o);
// [m][q] (NULL: absent, a KeyError), or [m][q] = [v], or del [m][q] (v NULL: NULL if absent):
// a name in a namespace that is a mapping but no dict (eval/exec's locals, __builtins__).
mpf_obj_t mpf_vm_mapping_item(mpf_obj_t m, mpf_qstr_t q, mpf_obj_t v);

#endif
