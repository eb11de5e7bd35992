/* logger.wasm - a packed-ABI guest that imports a string host function (issue 6).
 *
 * Imports env.log(ptr, len) (no result). greet(ptr, len) -> i64 first calls
 * log("greet called with " + input), then returns "Hello, " + input + "!!!" packed as
 * (uint64_t)ptr << 32 | len in a malloc'd block the HOST frees with free(ptr).
 * Exports: greet, malloc, free, memory. */
#define GOLO_NO_RESULT_EXPORTS
#include "golo_guest.h"

__attribute__((import_module("env"), import_name("log"))) void host_log(const void *ptr, uint32_t len);

static const char LOG_PREFIX[] = "greet called with ";

GOLO_EXPORT("greet") uint64_t greet(const uint8_t *ptr, uint32_t len) {
    uint32_t plen = sizeof LOG_PREFIX - 1;
    uint8_t *msg = malloc(plen + len + 1);
    if (!msg) __builtin_trap();
    memcpy(msg, LOG_PREFIX, plen);
    memcpy(msg + plen, ptr, len);
    host_log(msg, plen + len);
    free(msg);
    uint8_t *out = malloc(len + 10);
    if (!out) __builtin_trap();
    memcpy(out, "Hello, ", 7);
    memcpy(out + 7, ptr, len);
    memcpy(out + 7 + len, "!!!", 3);
    return golo_pack(out, len + 10);
}
