// as_greet.wasm - an AssemblyScript guest in the packed-return ABI (issue 6).
//
//   allocate(size) -> ptr       a block from AssemblyScript's heap (TLSF, --runtime minimal)
//   deallocate(ptr, size)       gives it back (size unused)
//   greet(ptr, len) -> i64      calls env.log("greet called with " + input), then returns
//                               (ptr << 32 | len) of "Hello, " + input + "!!!" in a block from
//                               allocate; the HOST frees it with deallocate(ptr, len).
// Input and output are UTF-8 bytes (never AssemblyScript's UTF-16 strings).
// Built by guests/build.py with the asc pinned in package.json (see guests/README.md).

@external("env", "log")
declare function hostLog(ptr: usize, len: i32): void;

export function allocate(size: i32): usize {
  return heap.alloc(<usize>max(size, 1));
}

export function deallocate(ptr: usize, size: i32): void {
  heap.free(ptr);
}

// Writes an ASCII literal as bytes at dst; returns the address after it.
function putAscii(dst: usize, text: string): usize {
  for (let i = 0; i < text.length; i++) store<u8>(dst + <usize>i, <u8>text.charCodeAt(i));
  return dst + <usize>text.length;
}

export function greet(ptr: usize, len: i32): i64 {
  const prefix = "greet called with ";
  const msg = allocate(prefix.length + len);
  memory.copy(putAscii(msg, prefix), ptr, <usize>len);
  hostLog(msg, prefix.length + len);
  heap.free(msg);
  const out = allocate(len + 10);
  const tail = putAscii(out, "Hello, ");
  memory.copy(tail, ptr, <usize>len);
  putAscii(tail + <usize>len, "!!!");
  return (<i64>out << 32) | <i64>(len + 10);
}
