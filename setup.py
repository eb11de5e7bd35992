"""Builds the one Cython extension: top-level _memproto.pyx -> golo_fast._memproto."""
from Cython.Build import cythonize
from setuptools import Extension, setup

setup(
    ext_modules=cythonize(
        [Extension("golo_fast._memproto", ["_memproto.pyx"]),
         # the wasmtime fast path: resolves the C API at run time (dlopen/dlsym), no link
         Extension("golo_fast._wasmtime_call", ["_wasmtime_call.pyx"], libraries=["dl"])],
        compiler_directives={"language_level": "3"},
    )
)
