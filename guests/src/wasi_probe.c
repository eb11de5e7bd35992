/* wasi_probe.wasm - a WASI reactor that reports what the sandbox lets it see.
 *
 * probe(ptr, len): result is ONE line (no trailing newline), fields in this order:
 *   passwd=<readable|denied> file=<F> env=<N> home=<H> argc=<C> argv0=<A>
 * where
 *   passwd  whether fopen("/etc/passwd", "r") succeeded
 *   F       input empty: <none>; else the input is a path, fopen(input, "r"):
 *           failed -> denied; else the file's first line (bytes up to the first '\n', at
 *           most 200 bytes, '\n' excluded; an empty file gives an empty field)
 *   N       number of environment entries (wasi environ_sizes_get)
 *   H       getenv("HOME"), or <none> when unset
 *   C       argc (wasi args_sizes_get)
 *   A       argv[0], or <none> when argc is 0
 * e.g. "passwd=denied file=<none> env=0 home=<none> argc=1 argv0=probe.wasm"
 * say(ptr, len): writes input + "\n" to stdout (fd 1) and "err:" + input + "\n" to stderr
 *   (fd 2), unbuffered (one fd_write each); the result is empty.
 * Exports: probe, say, getResultPtr, getResultLen, malloc, free, memory, _initialize.
 * Imports: wasi_snapshot_preview1 only. */
#include <stdio.h>
#include <unistd.h>
#include <wasi/api.h>
#include "golo_guest.h"

#define FIRST_LINE_MAX 200

static void append_first_line(const char *path) {
    FILE *f = fopen(path, "r");
    if (!f) {
        golo_result_append_str("denied");
        return;
    }
    char line[FIRST_LINE_MAX];
    uint32_t n = 0;
    int ch;
    while (n < FIRST_LINE_MAX && (ch = fgetc(f)) != EOF && ch != '\n') line[n++] = (char)ch;
    fclose(f);
    golo_result_append(line, n);
}

GOLO_EXPORT("probe") void probe(const uint8_t *ptr, uint32_t len) {
    golo_result_clear();

    FILE *pw = fopen("/etc/passwd", "r");
    golo_result_append_str(pw ? "passwd=readable" : "passwd=denied");
    if (pw) fclose(pw);

    golo_result_append_str(" file=");
    if (len == 0) {
        golo_result_append_str("<none>");
    } else {
        char *path = malloc(len + 1);
        if (!path) __builtin_trap();
        memcpy(path, ptr, len);
        path[len] = '\0';
        append_first_line(path);
        free(path);
    }

    __wasi_size_t env_count = 0, env_size = 0;
    if (__wasi_environ_sizes_get(&env_count, &env_size) != 0) env_count = 0;
    golo_result_append_str(" env=");
    golo_result_append_i32((int32_t)env_count);

    const char *home = getenv("HOME");
    golo_result_append_str(" home=");
    golo_result_append_str(home ? home : "<none>");

    __wasi_size_t argc = 0, argv_size = 0;
    if (__wasi_args_sizes_get(&argc, &argv_size) != 0) argc = 0;
    golo_result_append_str(" argc=");
    golo_result_append_i32((int32_t)argc);
    golo_result_append_str(" argv0=");
    if (argc == 0) {
        golo_result_append_str("<none>");
    } else {
        uint8_t **argv = malloc(argc * sizeof *argv);
        uint8_t *buf = malloc(argv_size ? argv_size : 1);
        if (!argv || !buf) __builtin_trap();
        if (__wasi_args_get(argv, buf) == 0)
            golo_result_append_str((const char *)argv[0]);
        else
            golo_result_append_str("<none>");
        free(argv);
        free(buf);
    }
}

GOLO_EXPORT("say") void say(const uint8_t *ptr, uint32_t len) {
    uint8_t *line = malloc(len + 5);
    if (!line) __builtin_trap();
    memcpy(line, ptr, len);
    line[len] = '\n';
    (void)!write(1, line, len + 1);
    memcpy(line, "err:", 4);
    memcpy(line + 4, ptr, len);
    line[len + 4] = '\n';
    (void)!write(2, line, len + 5);
    free(line);
    golo_result_clear();
}
