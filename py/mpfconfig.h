// mpfconfig.h -- the core's build settings: the generated config.h (from Kconfig), the
// value 0 for each bool option Kconfig leaves undefined when it is off, and constants.
// Kconfig is the one source of every value: settings it always defines (ints, one
// symbol of each choice) have no fallback here. Never macros derived from CONFIG_
// symbols: the build tracks which objects use which CONFIG_ symbol by scanning the
// sources (not this file), so derived settings are Kconfig symbols too.
#ifndef MPF_MPFCONFIG_H
#define MPF_MPFCONFIG_H

#include "config.h"

// Always set by Kconfig: the heap and stack sizes, the error verbosity, the small-int
// width, and one symbol of each choice (big ints, floats, dispatch).
#if !defined(CONFIG_HEAP_SIZE) || !defined(CONFIG_STACK_LIMIT) || !defined(CONFIG_ERROR_MSG_LEVEL)
#error "config.h lacks the Kconfig settings: build with mpforge (or scons), which generates it"
#endif

// Whether any big-int representation (an mpz object) exists (Kconfig derives it).
#ifndef CONFIG_INT_BIG
#define CONFIG_INT_BIG 0
#endif
#ifndef CONFIG_RANGE_BIG
#define CONFIG_RANGE_BIG 0
#endif
#ifndef CONFIG_MEMORYVIEW_CAST
#define CONFIG_MEMORYVIEW_CAST 0
#endif

// Whether a float type exists (Kconfig derives it from the float choice).
#ifndef CONFIG_FLOAT
#define CONFIG_FLOAT 0
#endif

// Whether the VM inlines its fast paths (small-int arithmetic, list indexing, instance
// attributes, list/tuple iteration) and keeps separate handlers for the _MULTI opcodes.
#ifndef CONFIG_VM_FAST_PATHS
#define CONFIG_VM_FAST_PATHS 0
#endif

// Whether str indexing counts code points (else bytes).
#ifndef CONFIG_STR_UNICODE
#define CONFIG_STR_UNICODE 0
#endif
// Whether the rarer argument, index and codec errors are worded and shaped as CPython's.
#ifndef CONFIG_ERROR_MSG_EXACT
#define CONFIG_ERROR_MSG_EXACT 0
#endif
// Whether str.format / %-formatting are compiled in.
#ifndef CONFIG_STR_FORMAT
#define CONFIG_STR_FORMAT 0
#endif
// Whether str.encode / bytes.decode know ascii and latin-1 and the error handlers.
#ifndef CONFIG_STR_CODECS
#define CONFIG_STR_CODECS 0
#endif
// Whether the compiler interns long str literals by mpy-cross's built-in strings (else ours).
#ifndef CONFIG_COMPILER_MPY_CROSS_QSTRS
#define CONFIG_COMPILER_MPY_CROSS_QSTRS 0
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
// Whether pow() takes a modulus (pow(base, exp, mod)).
#ifndef CONFIG_BUILTIN_POW3
#define CONFIG_BUILTIN_POW3 0
#endif
// Whether round() rounds an int to a negative number of digits (round(1234, -2)).
#ifndef CONFIG_BUILTIN_ROUND_INT
#define CONFIG_BUILTIN_ROUND_INT 0
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

// Bytes of hash stored per qstr (mpy-format.md 13.1); fixed at 2 by mpforge/qstr.py.
#define MPF_BYTES_IN_QSTR_HASH 2

// Words per GC block: 4 words (16 bytes on 32-bit, 32 on 64-bit).
#ifndef MPF_GC_BLOCK_WORDS
#define MPF_GC_BLOCK_WORDS 4
#endif


#endif // MPF_MPFCONFIG_H
