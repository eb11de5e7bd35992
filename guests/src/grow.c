/* grow.wasm - proves a host re-reads memory after a call that grows it.
 *
 * grow(ptr, len): builds
 *     result = "GROWN:::" + pattern * k
 *     pattern = the input, or "." when the input is empty
 *     k = ceil((2097152 - 8) / len(pattern))          (so len(result) >= 2 MiB)
 * and places it ENTIRELY in pages grown by memory.grow inside this very call: the result
 * pointer is the old memory size (a multiple of 65536) and the call grows memory by
 * ceil(len(result) / 65536) pages. Every call grows memory again (memory never shrinks), so
 * after ~2000 small calls an instance reaches the 4 GiB limit; then memory.grow fails and
 * the guest traps (unreachable).
 * Exports: grow, getResultPtr, getResultLen, malloc, free, memory. */
#define GOLO_NO_RESULT_EXPORTS
#include "golo_guest.h"

#define MIN_TOTAL (2u << 20)
#define PAGE 65536u

static uint32_t result_ptr, result_len;

GOLO_EXPORT("grow") void grow(const uint8_t *ptr, uint32_t len) {
    const uint8_t *pat = len ? ptr : (const uint8_t *)".";
    uint32_t plen = len ? len : 1;
    uint64_t k = (MIN_TOTAL - 8 + plen - 1) / plen;
    uint64_t total = 8 + k * plen;
    if (total > 0xffffffffull - PAGE) __builtin_trap();
    uint32_t pages = (uint32_t)((total + PAGE - 1) / PAGE);
    size_t old = __builtin_wasm_memory_grow(0, pages);
    if (old == (size_t)-1) __builtin_trap();
    uint8_t *out = (uint8_t *)(uintptr_t)(old * PAGE);
    memcpy(out, "GROWN:::", 8);
    for (uint64_t i = 0; i < k; i++) memcpy(out + 8 + i * plen, pat, plen);
    result_ptr = (uint32_t)(uintptr_t)out;
    result_len = (uint32_t)total;
}

GOLO_EXPORT("getResultPtr") uint32_t getResultPtr(void) { return result_ptr; }

GOLO_EXPORT("getResultLen") uint32_t getResultLen(void) { return result_len; }
