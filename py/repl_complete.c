// repl_complete.c -- Tab completion at the REPL's prompt (CONFIG_REPL_COMPLETION).
//
// The word before the cursor is a name or a dotted path ("os.pa", "machine.Pin.I").
// The object the path names (looked up in __main__, then in the builtins, then attribute
// by attribute) gives the candidates: what dir() lists for it, or for a plain name the
// names of __main__ and of the builtins. Names starting with "_" are left out unless the
// typed part starts with "_".
//   one candidate        its rest is inserted
//   several              what they have in common beyond the typed part is inserted; when
//                        nothing, they are listed under the line, which is shown again
// A path that names nothing, or whose lookup raises (a property that fails, say), completes
// nothing: a Tab never raises and never runs more than attribute lookups.
#include <string.h>

#include "mpf_int.h"
#include "repl.h"

// expensive optimisations, guessed branch probabilities, tree tail merging, loop-invariant
// motion and the second scheduling pass grow this file's code on Cortex-M4 (772 -> 720 B)
#if MPF_REPL_SIZE_TUNED  // (repl.h)
#pragma GCC optimize("no-expensive-optimizations", "no-guess-branch-probability", "no-tree-tail-merge", "no-move-loop-invariants", "no-schedule-insns2")
#endif

// Columns of the candidate listing: names are padded to a multiple of this width, and a
// line holds as many as fit in LIST_WIDTH.
#define LIST_COLUMN 16
#define LIST_WIDTH 80

static bool is_word_byte(char c) {
    return c == '_' || c == '.' || (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') ||
           (unsigned char)c >= 0x80;
}

// The names dir() gives for the object [path] (len bytes, a dotted path; empty: the
// REPL's own scope, __main__'s names and the builtins), sorted; raises if the path names
// nothing.
static mpf_obj_t candidates(const char *path, size_t len) {
    mpf_obj_t globals = mpf_state.main_globals;  // (NULL in input() before the REPL started)
    mpf_map_t *map = globals != MPF_OBJ_NULL ? mpf_dict_map(globals) : NULL;
    if (len == 0) {
        mpf_obj_t names = mpf_builtin_dir(mpf_import_name(MPF_QSTR_builtins, MPF_OBJ_NONE, 0, MPF_OBJ_NULL));
        for (size_t i = 0; map != NULL && i < map->used; i++) {
            if (mpf_obj_is_str(map->elems[i].key)) {  // (globals()[1] = 2 is allowed)
                mpf_list_append(names, map->elems[i].key);
            }
        }
        return mpf_builtin_dir_sorted(names);  // (a name of __main__'s may be a builtin's too)
    }
    mpf_obj_t o = MPF_OBJ_NULL;
    for (size_t start = 0, end = 0; end <= len; end++) {
        if (end < len && path[end] != '.') {
            continue;
        }
        // a name no program has used is no attribute of anything: no need to intern it
        mpf_qstr_t q = mpf_qstr_find(path + start, end - start);
        if (q == 0) {
            mpf_raise_type(&mpf_type_NameError);
        }
        if (o != MPF_OBJ_NULL) {
            o = mpf_load_attr(o, q);
        } else if ((map == NULL || (o = mpf_map_get_qstr(map, q)) == MPF_OBJ_NULL) &&
                   (o = mpf_builtin_lookup(q)) == MPF_OBJ_NULL) {
            mpf_raise_type(&mpf_type_NameError);
        }
        start = end + 1;
    }
    return mpf_builtin_dir(o);
}

static size_t complete(const char *line, size_t cursor, char *buf, size_t size, bool *listed) {
    size_t word = cursor;
    while (word > 0 && is_word_byte(line[word - 1])) {
        word--;
    }
    if (word < cursor && line[word] == '.') {
        return 0;  // an attribute of an expression ("[].app", "x[1].re"): not completed
    }
    size_t prefix = word;  // the typed part of the last name
    for (size_t i = word; i < cursor; i++) {
        if (line[i] == '.') {
            prefix = i + 1;
        }
    }
    size_t typed = cursor - prefix;
    mpf_obj_t names = candidates(line + word, prefix > word ? prefix - 1 - word : 0);
    const mpf_list_t *l = mpf_obj_ptr(names);
    bool hidden = typed == 0 || line[prefix] != '_';
    size_t count = 0, common = 0;  // matches, and the bytes all of them share
    const char *first = NULL;
    for (int pass = 0; pass < 2; pass++) {
        size_t column = 0;
        for (size_t i = 0; i < l->len; i++) {
            size_t n;
            const char *s = mpf_obj_is_str(l->items[i]) ? mpf_obj_str_data(l->items[i], &n) : NULL;
            if (s == NULL || n < typed || memcmp(s, line + prefix, typed) != 0 || (hidden && s[0] == '_')) {
                continue;
            }
            if (pass == 0) {
                if (count++ == 0) {
                    first = s;
                    common = n;
                }
                size_t k = typed;
                while (k < common && k < n && s[k] == first[k]) {
                    k++;
                }
                common = k;
            } else {
                // to the next column, or the next line when the name would pass LIST_WIDTH
                size_t pad = column > 0 ? LIST_COLUMN - column % LIST_COLUMN : 0;
                if (pad > 0 && column + pad + n > LIST_WIDTH) {
                    mpf_print_str(&mpf_print_stdout, "\n");
                    column = pad = 0;
                }
                mpf_printf(&mpf_print_stdout, "%.*s%.*s", (int)pad, "                ", (int)n, s);  // pad <= 16
                column += pad + n;
            }
        }
        if (pass == 0 && (count <= 1 || common > typed)) {
            break;
        }
        mpf_print_str(&mpf_print_stdout, "\n");  // under the line; after the listing
        *listed = pass == 1;
    }
    size_t n = count == 0 ? 0 : common - typed;
    n = n < size ? n : size;
    if (n > 0) {
        memcpy(buf, first + typed, n);
    }
    return n;
}

size_t mpf_repl_complete(const char *line, size_t cursor, char *buf, size_t size, bool *listed) {
    *listed = false;
    mpf_nlr_t nlr;
    mpf_nlr_push(&nlr);
    if (setjmp(nlr.jb) == 0) {
        size_t n = complete(line, cursor, buf, size, listed);
        mpf_nlr_pop(&nlr);
        return n;
    }
    return 0;  // the path named nothing, or its lookup raised
}
