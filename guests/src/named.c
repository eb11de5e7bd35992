/* named.wasm - exercises the named-handler ABI and the default handler.
 *
 * route(ptr, len): the input is "name:payload", split at the FIRST ':' (no ':' means the
 *   whole input is the name and the payload is empty). Calls
 *   env.hostCallNamedHandler(name, payload) and sets the result to
 *       name + " -> " + reply                 when it returns 0
 *       "error " + decimal return value       when it returns nonzero (e.g. "error 1")
 * viaDefault(ptr, len): calls env.hostCallStringHandler(input); result = the reply, or
 *   "error " + decimal return value when it returns nonzero.
 * Exports: route, viaDefault, getResultPtr, getResultLen, malloc, free, memory.
 * Imports: env.hostCallNamedHandler, env.hostCallStringHandler, env.hostGetResultPtr,
 *   env.hostGetResultLen. */
#include "golo_guest.h"

static void set_error(int32_t rc) {
    golo_result_clear();
    golo_result_append_str("error ");
    golo_result_append_i32(rc);
}

GOLO_EXPORT("route") void route(const uint8_t *ptr, uint32_t len) {
    const uint8_t *colon = memchr(ptr, ':', len);
    uint32_t name_len = colon ? (uint32_t)(colon - ptr) : len;
    const uint8_t *payload = colon ? colon + 1 : ptr + len;
    uint32_t payload_len = len - (uint32_t)(payload - ptr);
    /* Copy the name out first: the host may reuse the input block for its reply. */
    golo_result_clear();
    golo_result_append(ptr, name_len);
    golo_result_append(" -> ", 4);
    const uint8_t *reply;
    uint32_t reply_len;
    int32_t rc = golo_host_call_named(golo_result_buf, name_len, payload, payload_len,
                                      &reply, &reply_len);
    if (rc != 0) {
        set_error(rc);
        return;
    }
    golo_result_append(reply, reply_len);
}

GOLO_EXPORT("viaDefault") void viaDefault(const uint8_t *ptr, uint32_t len) {
    const uint8_t *reply;
    uint32_t reply_len;
    int32_t rc = golo_host_call(ptr, len, &reply, &reply_len);
    if (rc != 0) {
        set_error(rc);
        return;
    }
    golo_set_result(reply, reply_len);
}
