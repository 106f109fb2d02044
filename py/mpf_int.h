// mpf_int.h -- the core's internals, for py/*.c only: what the files of the core share
// with one another but ports and modules outside py/ must not use (their API is mpf.h).
// Every function and object declared here carries MPF_INTERNAL (as Lua marks its
// internal functions LUAI_FUNC): a marker for readers and tools, `extern` to the compiler.
// tests/test_layout.py checks that nothing outside py/ includes this header.
#ifndef MPF_MPF_INT_H
#define MPF_MPF_INT_H

#include "mpf.h"

#define MPF_INTERNAL extern

// ---------------------------------------------------------------- classes made at run time
// A class made at run time (__build_class__, type()): the type, then what only such
// classes carry (the const type structs of builtin types do not grow).
typedef struct mpf_class {
    mpf_type_t type;  // (without CONFIG_TYPE_FULL_SLOTS its slots are obj_type.c's class_slots)
    mpf_qstr_t name;                // the class's name (type.name: the same when it fits)
    struct mpf_map *dict;           // class namespace
    mpf_obj_t bases;                // tuple of base classes
    mpf_obj_t mro;                  // tuple: the class then its linearised bases
#if CONFIG_CLASS_STORE_CACHE
    // Store cache: attr_plain holds when, at class epoch attr_epoch, nothing along the
    // MRO could take an instance attribute store (no property or other object that may
    // be a data descriptor, no __setattr__/__delattr__), so a store goes straight to
    // the instance's members. 0 = not computed. See mpf_class_changed().
    uint64_t attr_epoch;
    bool attr_plain;
#endif
#if CONFIG_CLASS_ADVANCED
    // Every live class is on one list (for __subclasses__ and __bases__ changes), linked
    // through [link], stored complemented so that the conservative GC does not see them
    // as references: a class leaves the list when the GC frees it (its finaliser).
    struct mpf_class_link {
        uintptr_t prev, next;  // complemented pointers to the neighbours' links
    } link;
#endif
} mpf_class_t;
// The namespace, bases and MRO of a class made at run time; a builtin type has none
// (NULL, MPF_OBJ_NULL).
static inline struct mpf_map *mpf_class_dict(const mpf_type_t *t) {
    return (t->flags & MPF_TYPE_FLAG_HEAP) ? ((const mpf_class_t *)t)->dict : NULL;
}
static inline mpf_obj_t mpf_class_bases(const mpf_type_t *t) {
    return (t->flags & MPF_TYPE_FLAG_HEAP) ? ((const mpf_class_t *)t)->bases : MPF_OBJ_NULL;
}
static inline mpf_obj_t mpf_class_mro(const mpf_type_t *t) {
    return (t->flags & MPF_TYPE_FLAG_HEAP) ? ((const mpf_class_t *)t)->mro : MPF_OBJ_NULL;
}
#if CONFIG_CLASS_STORE_CACHE
// A class attribute [q] was set to [v] (or deleted, v NULL): every class's store cache
// is dropped when the change can make a class stop being plain.
MPF_INTERNAL void mpf_class_changed(mpf_qstr_t q, mpf_obj_t v);
#endif
// object.__setattr__ / __delattr__ (v NULL): data descriptors, then the instance's members.
MPF_INTERNAL void mpf_store_attr_generic(mpf_obj_t o, mpf_qstr_t q, mpf_obj_t v);
// object.__getattribute__: the lookup without the class's __getattribute__/__getattr__.
MPF_INTERNAL mpf_obj_t mpf_load_attr_generic(mpf_obj_t o, mpf_qstr_t q);
// type.__setattr__ / __delattr__ (v NULL) on class [o].
MPF_INTERNAL void mpf_store_attr_class(mpf_obj_t o, mpf_qstr_t q, mpf_obj_t v);
// The [i]th class in the MRO of type or class [t] (a builtin type's: the type, its
// parents, then object), or NULL past its end.
MPF_INTERNAL const mpf_type_t *mpf_type_mro_item(const mpf_type_t *t, size_t i);
// The first builtin base of class [t] other than object (its instances' layout), or NULL.
MPF_INTERNAL const mpf_type_t *mpf_type_native_base(const mpf_type_t *t);
// The byte `v in bytes` looks for (obj_str.c): ValueError outside 0..255, TypeError for a non-int.
MPF_INTERNAL int mpf_bytes_sought_byte(mpf_obj_t v);
// Whether builtin type [t]'s instances are immutable (int, str, tuple...: made by __new__) (obj_type.c).
MPF_INTERNAL bool mpf_type_immutable_base(const mpf_type_t *t);
MPF_INTERNAL bool mpf_type_init_filled(const mpf_type_t *t);
// owner.__new__(cls, args...) with CPython's checks of cls (owner: object or a builtin type)
// (obj_type.c, CONFIG_SLOT_WRAPPERS_TYPES).
MPF_INTERNAL mpf_obj_t mpf_type_checked_new(const mpf_type_t *owner, size_t n_args, size_t n_kw, const mpf_obj_t *args);
// The methods bytes has (obj_str.c); bytearray's type lookups fall back to them.
MPF_INTERNAL const mpf_rom_map_t *const mpf_bytes_locals;
// What instance [o]'s __bytes__ returns (TypeError unless bytes), or NULL without one.
MPF_INTERNAL mpf_obj_t mpf_bytes_dunder(mpf_obj_t o);
// cls.__bases__ = bases: checked, then the MRO recomputed (subclasses keep theirs).
MPF_INTERNAL void mpf_type_set_bases(mpf_type_t *cls, mpf_obj_t bases);
// Class [t]'s __dict__: a read-only view of its namespace (a mappingproxy).
MPF_INTERNAL mpf_obj_t mpf_type_dict_proxy(const mpf_type_t *t);
// A store into module [module]: if it is builtins, name lookups consult it from now on.
MPF_INTERNAL void mpf_builtins_note_store(mpf_obj_t module);
// The const table of builtin names (what builtins.c's lookup finds when nothing overrides it).
MPF_INTERNAL const mpf_rom_map_t *const mpf_builtins_map;
// The qstr of attribute name [name] as getattr() and friends take it (TypeError if it is not a str).
MPF_INTERNAL mpf_qstr_t mpf_builtin_attr_name(mpf_obj_t name);
// Attribute [q] of [o] (a method lookup when [method]: no bound method made), or NULL when
// looking it up raises AttributeError (builtins.c).
#if CONFIG_BUILTIN_HELPERS
// dir(o) (Tab completion and help() list with it).
MPF_INTERNAL mpf_obj_t mpf_builtin_dir(mpf_obj_t o);
#if CONFIG_REPL_COMPLETION
// List [l] sorted, its duplicates removed, as dir() gives its names (Tab completion).
MPF_INTERNAL mpf_obj_t mpf_builtin_dir_sorted(mpf_obj_t l);
#endif
#endif
#if CONFIG_BUILTIN_HELP
// help([obj]) (help.c); the names of the modules this firmware has, sorted (import.c).
MPF_INTERNAL mpf_obj_t mpf_help(size_t n_args, const mpf_obj_t *args);
MPF_INTERNAL mpf_obj_t mpf_import_module_names(void);
#endif
MPF_INTERNAL mpf_obj_t mpf_builtin_attr_or_null(mpf_obj_t o, mpf_qstr_t q, bool method);
#if CONFIG_CLASS_ADVANCED
// cls.__subclasses__(): the live classes naming class [self] among their bases.
MPF_INTERNAL mpf_obj_t mpf_type_subclasses(mpf_obj_t self);
// obj_meta.c. The answer of the metaclass of class [cls] to __subclasscheck__ ([sub]) or
// __instancecheck__ about [o], or NULL when it has none (type's own test applies).
MPF_INTERNAL mpf_obj_t mpf_meta_check(mpf_obj_t cls, bool sub, mpf_obj_t o);
// The namespace metaclass [meta]'s __prepare__ returns for [args] (name, bases, then n_kw
// name/value pairs), or NULL when it has none.
MPF_INTERNAL mpf_obj_t mpf_meta_prepare(mpf_obj_t meta, size_t n_kw, const mpf_obj_t *args);
// A plain function __class_getitem__ in class namespace [ns] becomes a class method.
MPF_INTERNAL void mpf_meta_wrap_class_getitem(struct mpf_map *ns);
// cls[index] of class [cls]: its __class_getitem__; a builtin type without one is itself
// (list[int] in annotations); TypeError for a class made at run time without one.
MPF_INTERNAL mpf_obj_t mpf_meta_class_getitem(mpf_obj_t cls, mpf_obj_t index);
// type's method [q] that only this option brings (__subclasses__), or NULL.
MPF_INTERNAL mpf_obj_t mpf_meta_type_method(mpf_qstr_t q);
#endif
// A print function (a type's print slot, mpf_obj_print): [o] printed as [kind] by [f]
// into a new str (obj.c).
typedef void (*mpf_print_fun_t)(const mpf_print_t *p, mpf_obj_t o, mpf_print_kind_t kind);
MPF_INTERNAL mpf_obj_t mpf_obj_print_to_str(mpf_print_fun_t f, mpf_obj_t o, mpf_print_kind_t kind);
// "<Name object at 0x...>" ("<module.Name ...>" for a class with a str __module__):
// object.__repr__, and the print of a type without a print slot (obj_type.c).
MPF_INTERNAL void mpf_type_print_default(const mpf_print_t *p, mpf_obj_t o, mpf_print_kind_t kind);
// "module.Name" of class [t] ("Name" without a str __module__, and in a traceback [tb]
// without a __module__ of "__main__", as CPython prints them) (obj_type.c).
MPF_INTERNAL void mpf_type_print_class_name(const mpf_print_t *p, const mpf_type_t *t, bool tb);
// A class's __qualname__: its namespace's str __qualname__ (with the compiler), else its name.
MPF_INTERNAL mpf_obj_t mpf_type_qualname(const mpf_type_t *t);
// An attribute store (dest[1]) or deletion (dest[1] NULL) into the namespace dict [dict] of
// a module or a function, as an attr slot does it (dest[0] NULL when done) (obj_module.c).
MPF_INTERNAL void mpf_module_dict_attr_store(mpf_obj_t dict, mpf_qstr_t attr, mpf_obj_t *dest);
// Every entry of const table [m] (none when NULL) stored into dict [dict] (obj_module.c).
MPF_INTERNAL void mpf_module_store_rom(mpf_obj_t dict, const mpf_rom_map_t *m);
// The dunder name (0: none) of each binary operator, then of each unary one (from
// MPF_TYPE_OP_UNARY), then, with CONFIG_SLOT_WRAPPERS, of the operations only the slot
// wrappers have (from MPF_TYPE_OP_OTHER: __str__, __repr__, __iter__, __next__,
// __getitem__, __delitem__, __setitem__, __floor__ ... __init__): one table, so that one scan finds a name (obj_type.c).
#define MPF_TYPE_OP_UNARY MPF_BINARY_OP_NUM
#define MPF_TYPE_OP_OTHER (MPF_TYPE_OP_UNARY + MPF_UNARY_OP_FLOAT + 1)
MPF_INTERNAL const uint16_t mpf_type_op_qstr[];
#define mpf_type_binary_op_qstr mpf_type_op_qstr
#define mpf_type_unary_op_qstr (mpf_type_op_qstr + MPF_TYPE_OP_UNARY)
// Instance [inst]'s __dict__: a live, writable view of its members.
MPF_INTERNAL mpf_obj_t mpf_type_instance_dict_view(mpf_obj_t inst);
// When [o] is such a view (exec's globals, json.dumps): a dict of the members (a copy),
// and, unless [members] is NULL, the instance's map of them in *members; else NULL.
MPF_INTERNAL mpf_obj_t mpf_type_instance_dict_copy(mpf_obj_t o, mpf_map_t **members);
#if CONFIG_COMPILER
// Which keyword [s] ([n] bytes) is: its index in the compiler's table of them (compile_lex.c,
// the order of compile_int.h's KW_*), -1 for any other text.
MPF_INTERNAL int mpf_lex_keyword(const char *s, size_t n);
#endif
#if CONFIG_CLASS_STORE_CACHE
MPF_INTERNAL uint64_t mpf_class_epoch;
MPF_INTERNAL bool mpf_class_plain_compute(mpf_class_t *cls);
// Whether nothing along heap class [t]'s MRO can take an instance's attribute store or
// override its members on a load: the instance's members are the whole story.
static inline bool mpf_class_is_plain(const mpf_type_t *t) {
    mpf_class_t *cls = (mpf_class_t *)t;
    if (MPF_LIKELY(cls->attr_epoch == mpf_class_epoch)) {
        return cls->attr_plain;
    }
    return mpf_class_plain_compute(cls);
}
#elif CONFIG_CLASS_HOOKS
// Without the store cache no class is known to be plain: every instance attribute access
// takes the hooks' path (a look-up of the hooks and data descriptors along the MRO).
static inline bool mpf_class_is_plain(const mpf_type_t *t) {
    (void)t;
    return false;
}
#else
// Without CONFIG_CLASS_HOOKS nothing can take an instance's store: every class is plain.
static inline bool mpf_class_is_plain(const mpf_type_t *t) {
    (void)t;
    return true;
}
#endif

// ---------------------------------------------------------------- bytecode functions, frames, generators
typedef struct mpf_fun_bc {
    mpf_obj_base_t base;
    const mpf_raw_code_t *rc;
    const mpf_module_ctx_t *ctx;
    mpf_obj_t defaults;      // tuple or NULL
    mpf_obj_t kwdefaults;    // dict or NULL
    mpf_obj_t attrs;         // dict of function attributes, made on first store
    size_t n_closed;
    mpf_obj_t closed[];      // cells
} mpf_fun_bc_t;

typedef struct mpf_exc_entry {
    const uint8_t *handler;
    mpf_obj_t *saved_sp;
    mpf_obj_t exc;          // exception being handled, or NULL
    uintptr_t is_finally;
} mpf_exc_entry_t;

typedef struct mpf_frame {
    const mpf_fun_bc_t *fun;
    const uint8_t *ip;          // next instruction / resume point
    const uint8_t *cur;         // instruction being executed (tracebacks, active rule)
    mpf_obj_t *sp;              // TOS
    mpf_exc_entry_t *exc_sp;    // innermost entry (exc - 1 when empty)
    mpf_exc_entry_t *exc;       // n_exc_stack entries
    mpf_obj_t locals;           // dict for LOAD_NAME / STORE_NAME
    mpf_obj_t pending;          // exception to throw in at resume (generators)
    uintptr_t on_heap;          // 1: frame is not on the frame stack; 2: a generator run by yield from (vm.c); 4: locals is locals() (compile.c); 8: FRAME_NONE_BEYOND (vm.c)
    struct mpf_frame *caller;   // the frame that called this one in the same dispatch loop, or NULL
    union {
        mpf_obj_t *fs_saved;    // with a caller: frame-stack top before this frame (restored when it ends)
        const struct mpf_frame *outer; // without: cur_frame when mpf_vm_execute entered it (a C call's
                                // caller, whose handled exception this frame sees: mpf_vm_handled_exc)
    };
    mpf_obj_t state[];          // n_state slots; local i at state[n_state - 1 - i]
} mpf_frame_t;

// How mpf_vm_execute left the frame: returned or yielded (*ret the value), or an
// exception no handler in the frame (or the frames it called) took (*ret the exception).
typedef enum { MPF_VM_RETURN, MPF_VM_YIELD, MPF_VM_EXCEPTION } mpf_vm_ret_t;

// Most generators that may be running inside one another (resumed through `yield
// from`, or by next() in a generator's body). Every value a generator nested d deep
// yields passes through all d frames, so a chain that only the C stack limit stops
// (10000+ deep on the host) costs O(d^2) and runs for seconds before its
// RecursionError; CPython stops at 1000 frames, so no program that works there
// nests deeper than this.
#define MPF_GEN_NEST_MAX 1200
typedef struct mpf_gen {
    mpf_obj_base_t base;
    uint16_t running;
    uint16_t finished;
    mpf_frame_t *frame;
#if CONFIG_BUILTIN_EXTRAS
    mpf_obj_t names;   // NULL, or a 2-tuple: the __name__ and __qualname__ stored (NULL: the function's)
#endif
} mpf_gen_t;

// ---------------------------------------------------------------- global state
// A static variable that many functions reach (mpf_state, the GC's state): where the port
// asks for it (CONFIG_STATE_OWN_SECTION) in a section of its own, out of the block of statics
// the compiler addresses from one base, so its fields sit at small offsets that the short
// load and store forms reach (Cortex-M: mpf_state -112 B in minimal, gc -104 B).
#if CONFIG_STATE_OWN_SECTION
#define MPF_OWN_SECTION(name) __attribute__((section(".bss." name)))
#else
#define MPF_OWN_SECTION(name)
#endif

#if CONFIG_QSTR_COLLECT
// The collector's side of releasing unused runtime qstrs (qstr.c, CONFIG_QSTR_COLLECT).
// Before marking: the ids that count, [*lo, *lo + *n) (*n = 0: none is released this time),
// and their mark bits (cleared); [premark] is called with the qstr tables' blocks, which are
// not scanned (their words are no references). After marking: the unmarked ones are released,
// [premark] called with the bytes of each one kept.
MPF_INTERNAL void mpf_qstr_gc_begin(uintptr_t *lo, uintptr_t *n, uint8_t **bits, void (*premark)(const void *));
MPF_INTERNAL void mpf_qstr_gc_end(void (*premark)(const void *));
// A compilation is over (mpf_state.qstr_hold back to 0): the qstrs made while it ran are
// released like the others from now on.
MPF_INTERNAL void mpf_qstr_hold_end(void);
// mpf_state.qstr_hold: a compilation's first pass (intern_names) runs, the qstrs it makes are
// held (marked young) till the compilation ends; with _ALL no qstr is released meanwhile;
// _MADE: that pass is over.
#define MPF_QSTR_HOLD_MADE 1
#define MPF_QSTR_HOLD_NEW 2
#define MPF_QSTR_HOLD_ALL 3
// Whether runtime qstr [q] was made by the running compilation's first pass.
MPF_INTERNAL bool mpf_qstr_is_young(mpf_qstr_t q);
#endif

typedef struct mpf_state {
    // GC roots: every word of this struct is scanned.
    mpf_obj_t modules;        // dict: sys.modules
    mpf_obj_t sys_path;       // list
    mpf_obj_t sys_argv;       // list
    mpf_obj_t main_globals;
    mpf_obj_t emergency_exc;
#if !CONFIG_EMERGENCY_EXCEPTION
    // The MemoryError raised when not even one can be allocated (obj_except.c): here, so that
    // what it holds while it propagates (traceback entries, __context__) is kept by the GC.
    mpf_exc_t memory_error;
#endif
    mpf_obj_t *fs_base, *fs_top, *fs_end;   // frame stack
    void *qstr_pools;         // runtime qstr pool chain
#if CONFIG_QSTR_RUNTIME_INDEX
    void *qstr_index;         // hash index of the runtime qstrs (qstr.c)
#endif
    mpf_obj_t cur_exc_handling;
#if CONFIG_COMPILER
    mpf_obj_t repl_last;      // the last value the REPL showed: the builtin name _ (builtins.c)
#endif
#if CONFIG_MODULE_VFS
    mpf_obj_t vfs_mounts;     // list of (obj, path): the user file systems mounted (mod_vfs.c)
    mpf_obj_t vfs_cur;        // the entry of the mount the current directory is in, or NULL
#endif
    mpf_obj_t root_end;
    // Not roots:
    mpf_nlr_t *nlr_top;
    char *stack_top;
    char *stack_limit_addr;   // lowest address the VM may reach
    uint32_t poll_counter;
    uint32_t gen_depth;       // generators being resumed inside one another (obj_gen.c)
    volatile uint8_t sched_pending; // micropython.schedule() queued a callback (the VM polls it)
    mpf_frame_t *cur_frame;   // innermost running bytecode frame (globals(), locals())
    uint32_t call_depth;      // Python calls run inside the dispatch loop (CONFIG_RECURSION_LIMIT)
    bool builtins_changed;    // a store into the builtins module: name lookups consult it (builtins.c)
#if CONFIG_QSTR_COLLECT
    uint8_t qstr_hold;        // a compilation runs: MPF_QSTR_HOLD_ (qstr.c)
#endif
#if CONFIG_VM_FAST_PATHS
    uint16_t one_char_qstr[128]; // the qstr of each one-character ASCII str made so far, 0: none yet (obj_str.c)
#endif
#if CONFIG_CLASS_ADVANCED
    struct mpf_class_link classes; // anchor of the list of live classes (obj_type.c), zero: empty
#endif
} mpf_state_t;
MPF_INTERNAL mpf_state_t mpf_state;

#if CONFIG_MODULE_VFS
// ---------------------------------------------------------------- mounts (mod_vfs.c)
// The object mounted where [path] is (with *rel set to the path inside it), or NULL: the
// port's own file system (a relative path while the current directory is the port's).
MPF_INTERNAL mpf_obj_t mpf_vfs_lookup(const char *path, mpf_obj_t *rel);
// vfs.meth(*args) (at most two arguments).
MPF_INTERNAL mpf_obj_t mpf_vfs_call(mpf_obj_t vfs, mpf_qstr_t meth, size_t n_args, const mpf_obj_t *args);
// The mount's meth(rel path, *args) (at most one more argument) for [path] on a mount; NULL
// when the path is the port's.
MPF_INTERNAL mpf_obj_t mpf_vfs_route(mpf_qstr_t meth, const char *path, size_t n_args, const mpf_obj_t *args);
// As mpf_port_file_size() for a path on a mount (through its stat()), MPF_VFS_NOT_MOUNTED
// for the port's.
#define MPF_VFS_NOT_MOUNTED (-3)
MPF_INTERNAL long mpf_vfs_file_size(const char *path);
// As mpf_port_file_read() for a path on a mount (1 read, 0 not), -1 for the port's.
MPF_INTERNAL int mpf_vfs_file_read(const char *path, uint8_t *buf, size_t len);
// After a chdir(): the current directory is in [vfs]'s mount (NULL: the port's).
MPF_INTERNAL void mpf_vfs_chdir_done(mpf_obj_t vfs);
// The current directory when it is in a mount (mount point + the mount's getcwd()), else NULL.
MPF_INTERNAL mpf_obj_t mpf_vfs_getcwd(void);
MPF_INTERNAL const mpf_fun_builtin_t mpf_vfs_open_obj, mpf_vfs_mount_obj, mpf_vfs_umount_obj;
#endif

// ---------------------------------------------------------------- the C stack's limit
// RecursionError when the C stack has reached the VM's limit (CONFIG_STACK_LIMIT). Every
// path by which C code recurses checks it: calls, iteration, ==, printing, and the
// container types' own comparisons and hashes (not the hot generic operator entries).
MPF_INTERNAL MPF_NORETURN void mpf_stack_overflow(void);
#if CONFIG_STACK_CHECK_RESERVE
// Where C frames keep their locals outside the stack the check sees (WebAssembly: in the
// engine's own stack, a frame may take none of the memory stack), every checking frame
// holds CONFIG_STACK_CHECK_RESERVE bytes of it: always inlined, the reservation is the
// caller's for as long as it runs, so CONFIG_STACK_LIMIT bounds the depth of every checked
// recursion whatever its frames' size.
#define MPF_STACK_INLINE __attribute__((always_inline))
static inline MPF_STACK_INLINE bool mpf_stack_reached(void) {
    volatile char here[CONFIG_STACK_CHECK_RESERVE];
    here[0] = 0;
    return MPF_UNLIKELY((uintptr_t)&here[0] < (uintptr_t)mpf_state.stack_limit_addr);
}
#else
#define MPF_STACK_INLINE
static inline MPF_STACK_INLINE bool mpf_stack_reached(void) {
    volatile char here = 0;
    return MPF_UNLIKELY((uintptr_t)&here < (uintptr_t)mpf_state.stack_limit_addr);
}
#endif
#if CONFIG_STACK_CHECK_RESERVE || CONFIG_LTO
// (with LTO, GCC's identical code folding leaves one copy of the local ones)
static inline MPF_STACK_INLINE void mpf_stack_check(void) {
    if (mpf_stack_reached()) {
        mpf_stack_overflow();
    }
}
#else
// One out-of-line copy (runtime.c): a static inline one left a 36 B copy in each object
// that called it more than once, and an inlined one takes ~20 B at each call site
MPF_INTERNAL void mpf_stack_check(void);
#endif

// ---------------------------------------------------------------- bytecode function and generator objects
MPF_INTERNAL mpf_obj_t mpf_obj_new_fun_bc(const mpf_raw_code_t *rc, const mpf_module_ctx_t *ctx, mpf_obj_t def, mpf_obj_t kwdef, size_t n_closed, const mpf_obj_t *closed);
MPF_INTERNAL mpf_obj_t mpf_obj_new_gen(mpf_obj_t fun, mpf_frame_t *frame);

// ---------------------------------------------------------------- the VM
MPF_INTERNAL mpf_obj_t mpf_vm_call_bc(const mpf_fun_bc_t *fun, size_t n_args, size_t n_kw, const mpf_obj_t *args, mpf_obj_t locals);
MPF_INTERNAL mpf_frame_t *mpf_vm_setup_frame(const mpf_fun_bc_t *fun, size_t n_args, size_t n_kw, const mpf_obj_t *args, bool on_heap);
MPF_INTERNAL mpf_vm_ret_t mpf_vm_execute(mpf_frame_t *fr, mpf_obj_t *ret);
// The collector: [mark] the live part of each frame of the frame stack (vm.c).
MPF_INTERNAL void mpf_vm_mark_frames(void (*mark)(const void *lo, const void *hi));
// Local slots the code of [rc] can use (its parameters, cells, the slots its opcodes name).
MPF_INTERNAL size_t mpf_loader_n_locals(const mpf_raw_code_t *rc);
MPF_INTERNAL mpf_obj_t mpf_loader_code_names(const mpf_raw_code_t *rc, const mpf_qstr_t *qstrs);
MPF_INTERNAL const uint8_t *mpf_loader_child_maker(const mpf_raw_code_t *rc, size_t i);
MPF_INTERNAL size_t mpf_vm_line(const mpf_raw_code_t *rc, const uint8_t *ip);
MPF_INTERNAL mpf_obj_t mpf_gen_resume(mpf_obj_t gen, mpf_obj_t send, mpf_obj_t throw_, mpf_obj_t *ret, bool *returned);
#if CONFIG_EXC_ATTRS
// Traceback objects (obj_except.c) and sys.exc_info()
MPF_INTERNAL const mpf_type_t mpf_type_traceback;
MPF_INTERNAL mpf_obj_t mpf_exc_info(void);
#endif
// The exception being handled in a frame or its callers, across nested dispatch loops (vm.c).
MPF_INTERNAL mpf_obj_t mpf_vm_handled_exc(mpf_frame_t *fr);
#if CONFIG_GENERATORS
// The RuntimeError a StopIteration [stop] leaving a generator becomes (PEP 479), caused by it.
MPF_INTERNAL mpf_obj_t mpf_exc_stop_in_gen(mpf_obj_t stop);
#endif
#if CONFIG_BUILTIN_HELPERS || CONFIG_COMPILER
// Code objects (f.__code__, compile()): [rc] with [ctx]'s tables, needing [n_closed] cells;
// mpf_fun_of_code: a function running it in [globals] (TypeError when it needs cells).
MPF_INTERNAL const mpf_type_t mpf_type_code;
MPF_INTERNAL mpf_obj_t mpf_fun_code_new(const mpf_raw_code_t *rc, const mpf_module_ctx_t *ctx, size_t n_closed);
MPF_INTERNAL mpf_obj_t mpf_fun_of_code(mpf_obj_t code, mpf_obj_t globals);
// A bytecode function's __qualname__ (CPython's "f.<locals>.g", "C.m").
MPF_INTERNAL mpf_obj_t mpf_fun_qualname(mpf_obj_t fun);
#if CONFIG_FUNCTION_CLOSURE && CONFIG_COMPILER
// A copy of [code] whose functions get the cells of [closure] (exec(code, closure=...));
// TypeError unless it is a tuple of as many cells as the code needs.
MPF_INTERNAL mpf_obj_t mpf_fun_code_with_closure(mpf_obj_t code, mpf_obj_t closure);
#endif
#endif

// ---------------------------------------------------------------- running a module
// Run a module's top-level code in [globals]; returns nothing, raises on error.
MPF_INTERNAL void mpf_vm_run_module(const mpf_raw_code_t *rc, mpf_module_ctx_t *ctx, mpf_obj_t globals);

// ---------------------------------------------------------------- sequences (seq.c)
// What tuple, list and the other sequences share.
// An index for insert(): negative counts from the end, then clamped to [0, len].
MPF_INTERNAL size_t mpf_seq_clamp_index(mpf_int_t i, size_t len);
// How many items slice indices start:stop:step (from mpf_slice_indices) select.
MPF_INTERNAL size_t mpf_seq_slice_count(mpf_int_t start, mpf_int_t stop, mpf_int_t step);
// Print container [c] (an mpf_tuple_t, mpf_list_t or a dict's mpf_map_t, as [kind] says)
// in its brackets: the items' reprs separated by ", " (a dict's as key: value), a tuple
// of one as (x,). "..." for the items when [c] is already being printed further up (it
// holds itself); the guard is released even if printing raises.
typedef enum { MPF_SEQ_PRINT_TUPLE, MPF_SEQ_PRINT_LIST, MPF_SEQ_PRINT_DICT } mpf_seq_print_t;
MPF_INTERNAL void mpf_seq_print(const mpf_print_t *p, const void *c, mpf_seq_print_t kind);
// `value in seq` (a list or tuple): True or False, by ==.
MPF_INTERNAL mpf_obj_t mpf_seq_contains(mpf_obj_t seq, mpf_obj_t value);
// Lists or tuples [a] and [b] compared with [op].
MPF_INTERNAL mpf_obj_t mpf_seq_compare(int op, mpf_obj_t a, mpf_obj_t b);
// The operators list and tuple share, on [lhs] (a native list or tuple) and [rhs]: + with
// another [type], * by an int (either side), comparisons with another [type], `in`. Results
// are made by [make]; NULL for an operator or operand it does not take.
MPF_INTERNAL mpf_obj_t mpf_seq_binary_op(int op, mpf_obj_t lhs, mpf_obj_t rhs, const mpf_type_t *type,
    mpf_obj_t (*make)(size_t, const mpf_obj_t *));
MPF_INTERNAL mpf_obj_t mpf_seq_slice(mpf_obj_t seq, mpf_obj_t slice, mpf_obj_t (*make)(size_t, const mpf_obj_t *));
// A container's unary operators from its item count [len]: len(), NULL for the others
// (truth then comes from the length, see mpf_obj_is_true; with the fast paths directly).
MPF_INTERNAL mpf_obj_t mpf_seq_unary_op(int op, size_t len);
// The empty tuple () (obj_tuple.c): every empty tuple that is not a new object.
MPF_INTERNAL const mpf_tuple_t mpf_tuple_empty;
// tuple(), list(): [from_iter] of the optional argument (of an empty tuple without it).
MPF_INTERNAL mpf_obj_t mpf_seq_make_new(size_t n_args, size_t n_kw, const mpf_obj_t *args, mpf_obj_t (*from_iter)(mpf_obj_t));
// An iterator over the items of a tuple or list (it re-reads the length at each step).
MPF_INTERNAL mpf_obj_t mpf_seq_getiter(mpf_obj_t self);
// A tuple's iterator (a list's: mpf_seq_getiter), named tuple_iterator (seq.c, CONFIG_ITER_TYPE_NAMES).
MPF_INTERNAL mpf_obj_t mpf_seq_tuple_getiter(mpf_obj_t self);
MPF_INTERNAL const mpf_fun_builtin_t mpf_seq_count_obj, mpf_seq_index_obj;

// ---------------------------------------------------------------- growable arrays (items.c)
// Arrays of [size]-byte elements (list items, bytearray bytes), len of them in room for
// alloc. grow: room for at least [need] (doubling), returns the moved items.
MPF_INTERNAL void *mpf_items_grow(void *items, size_t *alloc, size_t need, size_t size);
// items[start:stop] = src[0:n] (n may be 0: delete); the array must have room for the
// result. Returns the new length.
MPF_INTERNAL size_t mpf_items_splice(void *items, size_t len, size_t size, size_t start, size_t stop, const void *src, size_t n);
// items[start::step] = src[0:count] (an extended slice of count elements).
MPF_INTERNAL void mpf_items_scatter(void *items, size_t size, mpf_int_t start, mpf_int_t step, const void *src, size_t count);
// del items[start::step] (count elements, step != 1), closing the gaps. Returns the new length.
MPF_INTERNAL size_t mpf_items_delete_step(void *items, size_t len, size_t size, mpf_int_t start, mpf_int_t step, size_t count);

// ---------------------------------------------------------------- lists (obj_list.c)
MPF_INTERNAL mpf_obj_t mpf_obj_new_list_from_array(size_t n, const mpf_obj_t *items);

#endif // MPF_MPF_INT_H
