/* packed.wasm - the packed-return ABI (issue 6) with malloc/free.
 *
 * greet(ptr, len) -> i64: result = "Hello, " + input + "!!!" in a fresh malloc'd block,
 * returned as (uint64_t)ptr << 32 | len. The HOST frees it with free(ptr) (the input block
 * too: the host allocated it with malloc). Exports: greet, malloc, free, memory. */
#define GOLO_NO_RESULT_EXPORTS
#include "golo_guest.h"

GOLO_EXPORT("greet") uint64_t greet(const uint8_t *ptr, uint32_t len) {
    uint8_t *out = malloc(len + 10);
    if (!out) __builtin_trap();
    memcpy(out, "Hello, ", 7);
    memcpy(out + 7, ptr, len);
    memcpy(out + 7 + len, "!!!", 3);
    return golo_pack(out, len + 10);
}
