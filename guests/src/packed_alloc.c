/* packed_alloc.wasm - the packed-return ABI with a Rust-style allocator pair.
 *
 * allocate(size) -> ptr         a block of `size` bytes (at least 1 byte is reserved)
 * deallocate(ptr, size)         frees a block from allocate (size is accepted, unused)
 * greet(ptr, len) -> i64        result = "Hello, " + input + "!!!" in a block from
 *                               allocate, packed (uint64_t)ptr << 32 | len; the HOST frees
 *                               it with deallocate(ptr, len).
 * Exports: greet, allocate, deallocate, memory - and NOT malloc/free. */
#define GOLO_NO_RESULT_EXPORTS
#include "golo_guest.h"

GOLO_EXPORT("allocate") void *allocate(uint32_t size) { return malloc(size ? size : 1); }

GOLO_EXPORT("deallocate") void deallocate(void *ptr, uint32_t size) {
    (void)size;
    free(ptr);
}

GOLO_EXPORT("greet") uint64_t greet(const uint8_t *ptr, uint32_t len) {
    uint8_t *out = allocate(len + 10);
    if (!out) __builtin_trap();
    memcpy(out, "Hello, ", 7);
    memcpy(out + 7, ptr, len);
    memcpy(out + 7 + len, "!!!", 3);
    return golo_pack(out, len + 10);
}
