// typetest.h -- type tests of optional types: false when the type is configured out.
// Kept out of mpf.h so that only the files using them rebuild when the options change.
#ifndef MPF_TYPETEST_H
#define MPF_TYPETEST_H

#include "mpf.h"

#if CONFIG_BUILTIN_BYTEARRAY
#define MPF_IS_BYTEARRAY(o) mpf_obj_is_type((o), &mpf_type_bytearray)
#else
#define MPF_IS_BYTEARRAY(o) ((void)(o), false)
#endif
#if CONFIG_BUILTIN_SET
#define MPF_IS_SET(o) mpf_obj_is_type((o), &mpf_type_set)
#else
#define MPF_IS_SET(o) ((void)(o), false)
#endif

#endif // MPF_TYPETEST_H
