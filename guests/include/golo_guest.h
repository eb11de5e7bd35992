/* golo_guest.h - write a golo-fast WebAssembly guest in C in a few lines.
 *
 * Build (wasm32-wasi reactor, zig's clang; see guests/build.py for the exact flags):
 *   python -m ziglang cc --target=wasm32-wasi -O2 -s -mexec-model=reactor \
 *       -Iguests/include -Wl,--export=malloc -Wl,--export=free -o g.wasm g.c
 *
 * Single translation unit: this header *defines* the result buffer and the two getter
 * exports, so include it from exactly one .c file of a guest.
 *
 * --- The article's 3-function protocol --------------------------------------------------
 * The host writes the input bytes into guest memory, calls `fn(ptr, len)` (no result),
 * then calls `getResultPtr()` and `getResultLen()` and reads the result from there.
 * Input: if the guest exports `malloc`/`free`, the host puts the input in a block it got
 * from `malloc` (and reuses it); otherwise it writes at the fixed offset
 * GOLO_FIXED_INPUT_OFFSET (1024). A guest without an allocator must therefore keep
 * [GOLO_FIXED_INPUT_OFFSET, GOLO_FIXED_INPUT_OFFSET + GOLO_FIXED_INPUT_SIZE) free of its
 * own data and stack. With zig's linker (shadow stack always first, at [0, stack size)):
 * link with -Wl,-z,stack-size=1024 (the stack stays below 1024) and
 * -Wl,--global-base=GOLO_NOMALLOC_GLOBAL_BASE (data and heap start above the input area);
 * see guests/src/hello_nomalloc.c. Using malloc internally is fine, exporting it is not.
 * The result lives in a guest-owned buffer (grown with realloc, reused across calls); it
 * stays valid until the next call that sets a result. getResultPtr() returns 0 when the
 * result is empty.
 *
 *   #include "golo_guest.h"
 *   GOLO_EXPORT("hello") void hello(const uint8_t *p, uint32_t n) {
 *       golo_result_clear();
 *       golo_result_append("Hello, ", 7); golo_result_append(p, n);
 *       golo_result_append("!!!", 3);
 *   }
 *
 * --- Host string handlers (imports from module "env") -----------------------------------
 *   hostCallStringHandler(ptr, len) -> i32   the article's "default" handler
 *   hostCallNamedHandler(namePtr, nameLen, ptr, len) -> i32
 *       the handler registered under the UTF-8 name [namePtr, namePtr+nameLen)
 *   hostGetResultPtr() -> i32, hostGetResultLen() -> i32
 *       where the host placed the reply of the last handler call (guest memory, the host
 *       allocated it with the guest's malloc when exported, else at the fixed offset).
 * The return value of both handler calls is 0 on success, nonzero on error (the reply is
 * then undefined). Copy the reply before the next host call: the host may reuse the area.
 * golo_host_call()/golo_host_call_named() wrap this into one call.
 *
 * --- The packed-return ABI (issue 6) ----------------------------------------------------
 * `fn(ptr, len) -> i64` returning (uint64_t)ptr << 32 | len of a block allocated with the
 * guest's allocator; the host frees it (free(ptr) or deallocate(ptr, len)).
 * GOLO_NO_RESULT_EXPORTS: define it before including to leave out getResultPtr/getResultLen
 * (packed-only guests).
 */
#ifndef GOLO_GUEST_H
#define GOLO_GUEST_H

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define GOLO_EXPORT(name) __attribute__((export_name(name)))
#define GOLO_IMPORT(name) __attribute__((import_module("env"), import_name(name)))

/* Where a host writes the input of a guest that does not export malloc/free, and the most
 * it may write there (a longer input would overwrite the guest's data). */
#define GOLO_FIXED_INPUT_OFFSET 1024u
#define GOLO_FIXED_INPUT_SIZE 65536u
/* First address an allocator-less guest may use for its data: input area end, rounded up. */
#define GOLO_NOMALLOC_GLOBAL_BASE 67584u

/* ---- host imports --------------------------------------------------------------------- */
GOLO_IMPORT("hostCallStringHandler")
int32_t hostCallStringHandler(const void *ptr, uint32_t len);
GOLO_IMPORT("hostCallNamedHandler")
int32_t hostCallNamedHandler(const void *name_ptr, uint32_t name_len, const void *ptr, uint32_t len);
GOLO_IMPORT("hostGetResultPtr")
uint32_t hostGetResultPtr(void);
GOLO_IMPORT("hostGetResultLen")
uint32_t hostGetResultLen(void);

/* Call the default handler; on success (0), reply and reply_len point at the host's reply. */
static inline int32_t golo_host_call(const void *msg, uint32_t len,
                                     const uint8_t **reply, uint32_t *reply_len) {
    int32_t rc = hostCallStringHandler(msg, len);
    *reply = rc == 0 ? (const uint8_t *)(uintptr_t)hostGetResultPtr() : 0;
    *reply_len = rc == 0 ? hostGetResultLen() : 0;
    return rc;
}

/* Call the handler named `name` (UTF-8, name_len bytes); same contract as golo_host_call. */
static inline int32_t golo_host_call_named(const void *name, uint32_t name_len,
                                           const void *msg, uint32_t len,
                                           const uint8_t **reply, uint32_t *reply_len) {
    int32_t rc = hostCallNamedHandler(name, name_len, msg, len);
    *reply = rc == 0 ? (const uint8_t *)(uintptr_t)hostGetResultPtr() : 0;
    *reply_len = rc == 0 ? hostGetResultLen() : 0;
    return rc;
}

/* ---- packed-return helpers ------------------------------------------------------------ */
static inline uint64_t golo_pack(const void *ptr, uint32_t len) {
    return (uint64_t)(uintptr_t)ptr << 32 | (uint64_t)len;
}

/* Copy n bytes into a fresh malloc'd block and return it packed (0 if out of memory). The
 * host frees it. malloc(0) may return NULL, so always allocate at least one byte. */
static inline uint64_t golo_pack_copy(const void *src, uint32_t n) {
    void *p = malloc(n ? n : 1);
    if (!p) return 0;
    memcpy(p, src, n);
    return golo_pack(p, n);
}

#ifndef GOLO_NO_RESULT_EXPORTS
/* ---- the result buffer and the getter exports ----------------------------------------- */
static uint8_t *golo_result_buf;
static uint32_t golo_result_len;
static uint32_t golo_result_cap;

/* Make room for `need` bytes in total; returns 0 on success, -1 if out of memory. */
static inline int golo_result_reserve(uint32_t need) {
    if (need <= golo_result_cap) return 0;
    uint32_t cap = golo_result_cap ? golo_result_cap : 64;
    while (cap < need) cap = cap > 0x7fffffffu ? need : cap * 2;
    uint8_t *p = (uint8_t *)realloc(golo_result_buf, cap);
    if (!p) return -1;
    golo_result_buf = p;
    golo_result_cap = cap;
    return 0;
}

static inline void golo_result_clear(void) { golo_result_len = 0; }

/* Append n bytes to the result; on out-of-memory the guest traps (a half result is worse). */
static inline void golo_result_append(const void *p, uint32_t n) {
    if (n > UINT32_MAX - golo_result_len || golo_result_reserve(golo_result_len + n) != 0)
        __builtin_trap();
    if (n) memcpy(golo_result_buf + golo_result_len, p, n);
    golo_result_len += n;
}

static inline void golo_result_append_str(const char *s) {
    golo_result_append(s, (uint32_t)strlen(s));
}

/* Append the decimal text of v (e.g. "-3"). */
static inline void golo_result_append_i32(int32_t v) {
    char buf[12];
    char *end = buf + sizeof buf, *q = end;
    uint32_t u = v < 0 ? 0u - (uint32_t)v : (uint32_t)v;
    do { *--q = (char)('0' + u % 10); u /= 10; } while (u);
    if (v < 0) *--q = '-';
    golo_result_append(q, (uint32_t)(end - q));
}

/* Replace the result with a copy of [p, p+n). */
static inline void golo_set_result(const void *p, uint32_t n) {
    golo_result_clear();
    golo_result_append(p, n);
}

static inline void golo_set_result_str(const char *s) { golo_set_result(s, (uint32_t)strlen(s)); }

GOLO_EXPORT("getResultPtr") uint32_t getResultPtr(void) {
    return golo_result_len ? (uint32_t)(uintptr_t)golo_result_buf : 0;
}

GOLO_EXPORT("getResultLen") uint32_t getResultLen(void) { return golo_result_len; }
#endif /* GOLO_NO_RESULT_EXPORTS */

#endif /* GOLO_GUEST_H */
