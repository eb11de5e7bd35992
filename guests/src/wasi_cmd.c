/* wasi_cmd.wasm - a WASI *command* module (has _start, no _initialize).
 *
 * _start runs main(), which prints "started\n" to stdout and returns 0 (wasi-libc then
 * returns from _start without calling proc_exit). Built with -DEXPLICIT_EXIT
 * (wasi_cmd_exit0.wasm) main instead ends with exit(0), i.e. proc_exit(0) - which wasmer
 * reports as a RuntimeError "... exited with code: 0" that a host must treat as success.
 * It also exports the hello protocol - hello(ptr, len) -> "Hello, " + input + "!!!",
 * getResultPtr, getResultLen, malloc, free - callable after _start: the linker wraps each
 * export of a command module so that it works on its own (constructors run on entry).
 * Exports: _start, hello, getResultPtr, getResultLen, malloc, free, memory. */
#include <stdio.h>
#include "golo_guest.h"

int main(void) {
    puts("started");
#ifdef EXPLICIT_EXIT
    fflush(stdout);
    exit(0);
#endif
    return 0;
}

GOLO_EXPORT("hello") void hello(const uint8_t *ptr, uint32_t len) {
    golo_result_clear();
    golo_result_append("Hello, ", 7);
    golo_result_append(ptr, len);
    golo_result_append("!!!", 3);
}
