/* hello_nomalloc.wasm - the article's hello protocol for a guest that exports NO allocator.
 *
 * hello(ptr, len) -> "Hello, " + input + "!!!"; exports hello, getResultPtr, getResultLen,
 * memory (no malloc/free). A host then writes the input at the fixed offset 1024
 * (GOLO_FIXED_INPUT_OFFSET), so this guest keeps [1024, 1024 + 64 KiB) free of its own
 * data and stack. How, given zig's linker (it always puts the shadow stack first, at
 * [0, stack size), with no --no-stack-first):
 *   -Wl,-z,stack-size=1024          the stack is [0, 1024) and grows down from 1024, so it
 *                                   never reaches the input area (an overflow wraps below 0
 *                                   and traps as an out-of-bounds access);
 *   -Wl,--global-base=67584         static data start above the input area; the heap
 *                                   (used internally for the result buffer, never exported)
 *                                   follows the data.
 * tests/test_guests.py checks both the layout and that a call leaves the area untouched. */
#include "golo_guest.h"

GOLO_EXPORT("hello") void hello(const uint8_t *ptr, uint32_t len) {
    golo_result_clear();
    golo_result_append("Hello, ", 7);
    golo_result_append(ptr, len);
    golo_result_append("!!!", 3);
}
