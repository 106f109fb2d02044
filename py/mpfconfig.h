// mpfconfig.h -- every build setting of the core, with its default.
// Only defaults (#ifndef CONFIG_X) and constants live here, never macros derived from
// CONFIG_ symbols: the build tracks which objects use which CONFIG_ symbol by scanning
// the sources (not this file), so derived settings are Kconfig symbols too.
// The generated config.h (from Kconfig) is included first and wins; each setting
// below only supplies a default when Kconfig did not define it.
#ifndef MPF_MPFCONFIG_H
#define MPF_MPFCONFIG_H

#include "config.h"

// Bytes of the GC heap the port provides.
#ifndef CONFIG_HEAP_SIZE
#define CONFIG_HEAP_SIZE 65536
#endif

// Bytes of C stack the VM may use before raising RuntimeError.
#ifndef CONFIG_STACK_LIMIT
#define CONFIG_STACK_LIMIT 262144
#endif

// Integers beyond the small-int range: exactly one of NONE / LONGLONG / MPZ.
#if !defined(CONFIG_INT_BIG_NONE) && !defined(CONFIG_INT_BIG_LONGLONG) && !defined(CONFIG_INT_BIG_MPZ)
#define CONFIG_INT_BIG_MPZ 1
#endif
// Whether any big-int representation (an mpz object) exists (Kconfig derives it).
#ifndef CONFIG_INT_BIG
#define CONFIG_INT_BIG 0
#endif

// Floating point: exactly one of NONE / SINGLE / DOUBLE.
#if !defined(CONFIG_FLOAT_NONE) && !defined(CONFIG_FLOAT_SINGLE) && !defined(CONFIG_FLOAT_DOUBLE)
#define CONFIG_FLOAT_DOUBLE 1
#endif
// Whether a float type exists.
#if !defined(CONFIG_FLOAT) && !defined(CONFIG_FLOAT_NONE)
#define CONFIG_FLOAT 1
#endif

// Whether str indexing counts code points (else bytes).
#ifndef CONFIG_STR_UNICODE
#define CONFIG_STR_UNICODE 0
#endif
// Whether str.format / %-formatting are compiled in.
#ifndef CONFIG_STR_FORMAT
#define CONFIG_STR_FORMAT 0
#endif
// Whether the set type exists.
#ifndef CONFIG_BUILTIN_SET
#define CONFIG_BUILTIN_SET 0
#endif
// Whether frozenset exists (needs set).
#ifndef CONFIG_BUILTIN_FROZENSET
#define CONFIG_BUILTIN_FROZENSET 0
#endif
// Whether bytearray exists.
#ifndef CONFIG_BUILTIN_BYTEARRAY
#define CONFIG_BUILTIN_BYTEARRAY 0
#endif
// Whether memoryview exists.
#ifndef CONFIG_BUILTIN_MEMORYVIEW
#define CONFIG_BUILTIN_MEMORYVIEW 0
#endif
// Whether property exists.
#ifndef CONFIG_BUILTIN_PROPERTY
#define CONFIG_BUILTIN_PROPERTY 0
#endif
// Whether open() exists (needs a port filesystem).
#ifndef CONFIG_BUILTIN_OPEN
#define CONFIG_BUILTIN_OPEN 0
#endif
// Whether generators (and the generator type) exist.
#ifndef CONFIG_GENERATORS
#define CONFIG_GENERATORS 0
#endif
// Whether async def / await are accepted.
#ifndef CONFIG_ASYNC
#define CONFIG_ASYNC 0
#endif
// Whether reversed() exists.
#ifndef CONFIG_BUILTIN_REVERSED
#define CONFIG_BUILTIN_REVERSED 0
#endif
// Whether the less common builtins (bin, oct, hex, divmod, input, dir...) exist.
#ifndef CONFIG_BUILTIN_HELPERS
#define CONFIG_BUILTIN_HELPERS 0
#endif
// Whether a MemoryError instance is preallocated.
#ifndef CONFIG_EMERGENCY_EXCEPTION
#define CONFIG_EMERGENCY_EXCEPTION 0
#endif
// Whether the port has a filesystem (host: yes); the foundation's port Kconfig sets it.
#ifndef CONFIG_PORT_HAS_FILESYSTEM
#define CONFIG_PORT_HAS_FILESYSTEM 0
#endif
// Whether a generated frozen-module table replaces py/frozen.c.
#ifndef CONFIG_FROZEN
#define CONFIG_FROZEN 0
#endif

// Error message verbosity: 0 terse, 1 normal, 2 detailed (CPython wording).
#ifndef CONFIG_ERROR_MSG_LEVEL
#define CONFIG_ERROR_MSG_LEVEL 2
#endif

// Bytes of hash stored per qstr (mpy-format.md 13.1); fixed at 2 by mpforge/qstr.py.
#define MPF_BYTES_IN_QSTR_HASH 2

// Words per GC block: 4 words (16 bytes on 32-bit, 32 on 64-bit).
#ifndef MPF_GC_BLOCK_WORDS
#define MPF_GC_BLOCK_WORDS 4
#endif


// Computed-goto dispatch when the compiler supports labels as values.
#ifndef MPF_COMPUTED_GOTO
#if defined(__GNUC__)
#define MPF_COMPUTED_GOTO 1
#else
#define MPF_COMPUTED_GOTO 0
#endif
#endif

#endif // MPF_MPFCONFIG_H
