// help.c -- help() for the prompt (CONFIG_BUILTIN_HELP), as MicroPython boards give it:
//   help()            what the console's keys do, and what else help() shows
//   help('modules')   the modules this firmware has (builtin and frozen)
//   help(obj)         the object's type, then each name dir() lists with its value (but
//                     the special names, "__x__")
// A value whose lookup raises (a failing property) is shown as the exception's type.
#include "mpf_int.h"
#include "port.h"
#include "repl.h"

// loop-invariant motion and value-range propagation grow this file's code on Cortex-M4 (552 -> 532 B)
#if MPF_REPL_SIZE_TUNED  // (repl.h)
#pragma GCC optimize("no-move-loop-invariants", "no-tree-vrp")
#endif

// (paste mode tells its keys when it starts; the README's "The REPL" tells more)
static const char welcome[] =
    "Welcome to mpforge's Python on %s.\n"
    "Keys: Up/Down history, Tab complete, %s.\n"
    "help(obj) lists an object's attributes; help('modules') the modules of this firmware.\n";

// [name] -- repr of its value, or of the exception its lookup raised.
static void print_member(mpf_obj_t obj, mpf_obj_t name) {
    mpf_printf(&mpf_print_stdout, "  %O -- ", name);
    mpf_nlr_t nlr;
    mpf_nlr_push(&nlr);
    if (setjmp(nlr.jb) == 0) {
        mpf_obj_t v = mpf_load_attr(obj, mpf_builtin_attr_name(name));
        mpf_printf(&mpf_print_stdout, "%R\n", v);
        mpf_nlr_pop(&nlr);
    } else {
        mpf_printf(&mpf_print_stdout, "<%T>\n", nlr.exc);
    }
}

mpf_obj_t mpf_help(size_t n_args, const mpf_obj_t *args) {
    if (n_args == 0) {
        mpf_printf(&mpf_print_stdout, welcome, mpf_port_platform, mpf_repl_keys);
        return MPF_OBJ_NONE;
    }
    mpf_obj_t obj = args[0];
    // help('modules'): the names on a line; help(obj): a line for each name but the special ones
    bool modules = mpf_obj_is_str(obj) && mpf_obj_equal(obj, mpf_obj_new_qstr(MPF_QSTR_modules));
    if (!modules) {
        mpf_printf(&mpf_print_stdout, "object %R is of type %T\n", obj, obj);
    }
    const mpf_list_t *l = mpf_obj_ptr(modules ? mpf_import_module_names() : mpf_builtin_dir(obj));
    for (size_t i = 0; i < l->len; i++) {
        mpf_obj_t name = l->items[i];
        if (modules) {
            mpf_printf(&mpf_print_stdout, "%O%s", name, i + 1 < l->len ? " " : "\n");
            continue;
        }
        size_t len;
        const char *s = mpf_obj_is_str(name) ? mpf_obj_str_data(name, &len) : "";
        if (s[0] != '_' || s[1] != '_') {
            print_member(obj, name);
        }
    }
    return MPF_OBJ_NONE;
}
