/* host.wasm - the seed article's host-function guest.
 * processWithHost(ptr, len): sends "👋 [WASM] you send me this: " + input to the default host
 * handler (env.hostCallStringHandler) and sets the result to "Result from host: " + reply.
 * If the handler reports an error (nonzero), the result is "Result from host: error <code>".
 * Exports: processWithHost, getResultPtr, getResultLen, malloc, free, memory. */
#include "golo_guest.h"

static const char PREFIX[] = "\xf0\x9f\x91\x8b [WASM] you send me this: ";

GOLO_EXPORT("processWithHost") void processWithHost(const uint8_t *ptr, uint32_t len) {
    uint32_t plen = sizeof PREFIX - 1;
    uint8_t *msg = malloc(plen + len + 1);
    if (!msg) __builtin_trap();
    memcpy(msg, PREFIX, plen);
    memcpy(msg + plen, ptr, len);
    const uint8_t *reply;
    uint32_t reply_len;
    int32_t rc = golo_host_call(msg, plen + len, &reply, &reply_len);
    free(msg);
    golo_result_clear();
    golo_result_append_str("Result from host: ");
    if (rc == 0) {
        golo_result_append(reply, reply_len);
    } else {
        golo_result_append_str("error ");
        golo_result_append_i32(rc);
    }
}
