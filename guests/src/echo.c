/* echo.wasm - benchmark guest.
 *   echo(ptr, len)  result = exactly the input bytes, copied into the guest's result buffer
 *   noop()          does nothing (measures the bare call floor)
 *   add(a, b) -> i32  a + b (wrapping)
 * Exports also getResultPtr, getResultLen, malloc, free, memory. */
#include "golo_guest.h"

GOLO_EXPORT("echo") void echo(const uint8_t *ptr, uint32_t len) { golo_set_result(ptr, len); }

GOLO_EXPORT("noop") void noop(void) {}

GOLO_EXPORT("add") int32_t add(int32_t a, int32_t b) { return (int32_t)((uint32_t)a + (uint32_t)b); }
