"""golo-fast: GoloScript in Python, with WebAssembly plugins called through Cython."""
__version__ = "0.1.0"
