/* hello.wasm - the seed article's first guest: hello(ptr, len) -> "Hello, " + input + "!!!".
 * Exports: hello, getResultPtr, getResultLen, malloc, free, memory. */
#include "golo_guest.h"

GOLO_EXPORT("hello") void hello(const uint8_t *ptr, uint32_t len) {
    golo_result_clear();
    golo_result_append("Hello, ", 7);
    golo_result_append(ptr, len);
    golo_result_append("!!!", 3);
}
