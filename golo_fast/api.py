"""The pipeline: source -> tokens -> tree -> resolve -> Python ast -> code -> run.

    compile_source(text, path)  -> CompiledModule   (raises GoloSyntaxError/GoloResolveError)
    compile_file(path)          -> CompiledModule
    check_file(path)            -> None             (parse + resolve only)
    emit_python(path)           -> str              (the generated Python, for reading)
    run_file(path, args)        -> int              (loads imports, runs `main(args)`)

Every phase raises GoloError subclasses for user errors; anything else escaping a phase is
wrapped in errors.InternalError with the cause chained.
"""
from __future__ import annotations

import marshal
import os
import sys

from golo_fast.errors import GoloError, InternalError
from golo_fast.source import LOADED_SOURCES, Source, read_source

_CACHE_FORMAT = 2


class CompiledModule:
    """A compiled Golo module: its code object plus what the loader needs to know."""

    __slots__ = ("name", "path", "code", "imports", "main", "columns", "python_ast")

    def __init__(self, name, path, code, imports, main, columns, python_ast=None):
        self.name = name
        self.path = path
        self.code = code
        self.imports = imports
        self.main = main            # Python name of `main(args)`, or None
        self.columns = columns      # Golo line -> column of its leftmost call (backtraces)
        self.python_ast = python_ast


def _phase(name: str, fn, *args):
    try:
        return fn(*args)
    except GoloError:
        raise
    except RecursionError:
        # A user can cause this (hundreds of nested parentheses): a compile error.
        from golo_fast.errors import GoloSyntaxError
        source = next((a for a in args if isinstance(a, Source)), None)
        raise GoloSyntaxError("the program is nested too deeply to compile", source,
                              (0, 0) if source is not None else None,
                              "split the deepest expression into several `let`s") from None
    except Exception as e:
        raise InternalError(f"{name} failed: {type(e).__name__}: {e}") from e


def _predefined() -> frozenset:
    from golo_fast import runtime
    return frozenset(runtime.PREDEFINED)


def parse_source(source: Source):
    from golo_fast.syntax.parser import parse
    return _phase("parsing", parse, source)


def analyse(source: Source):
    """Parse and resolve: (tree, module info)."""
    from golo_fast.resolve import resolve
    tree = parse_source(source)
    info = _phase("name resolution", resolve, tree, source, _predefined())
    return tree, info


def compile_source(text: str, path: str = "<string>") -> CompiledModule:
    """Compile Golo text to a code object whose filename is `path`."""
    return _compile(Source(text, path))


def _compile(source: Source) -> CompiledModule:
    from golo_fast.codegen import generate
    tree, info = analyse(source)
    py_ast, columns = _phase("code generation", generate, tree, info, source)
    code = _phase("Python compilation", _python_compile, py_ast, source.path)
    main = info.main.pyname if info.main is not None else None
    return CompiledModule(tree.name, source.path, code, [imp.name for imp in tree.imports],
                          main, columns, py_ast)


def _python_compile(py_ast, path: str):
    import warnings
    with warnings.catch_warnings():
        # Python's lint warnings (`"a" is not None`, ...) are about Python, not Golo.
        warnings.simplefilter("ignore")
        return compile(py_ast, path, "exec")


def check_file(path: str) -> None:
    analyse(read_source(path))


def emit_python(path: str) -> str:
    """The generated Python of a file, as source text (for reading and debugging)."""
    import ast
    return ast.unparse(_compile(read_source(path)).python_ast) + "\n"


def compile_file(path: str) -> CompiledModule:
    """Compile a file, through the on-disk cache when it is enabled."""
    source = read_source(path)
    cache_file = _cache_path(source)
    compiled = None
    if cache_file is not None:
        compiled = _cache_read(cache_file, source.path)
    if compiled is None:
        compiled = _compile(source)
        if cache_file is not None:
            _cache_write(cache_file, compiled)
    register_source(source, compiled.columns)
    return compiled


def register_source(source: Source, columns: dict):
    """Remember a loaded Golo source for backtraces (diagnostics also puts it in linecache
    when an error is shown, so start-up does not import linecache)."""
    LOADED_SOURCES[source.path] = (source.text, columns)


# -- compiled-module cache (like .pyc, keyed by a content hash) -------------------------------

def _cache_dir() -> str | None:
    """Same place and switches as the wasm module cache: `$GOLO_FAST_CACHE_DIR`, else
    `$XDG_CACHE_HOME/golo-fast`; `GOLO_FAST_NO_CACHE=1` turns caching off."""
    if os.environ.get("GOLO_FAST_NO_CACHE"):
        return None
    base = os.environ.get("GOLO_FAST_CACHE_DIR")
    if not base:
        home = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        base = os.path.join(home, "golo-fast")
    return os.path.join(base, "modules")


def _compiler_stamp() -> str:
    here = os.path.dirname(os.path.abspath(__file__))
    parts = [sys.version, str(_CACHE_FORMAT)]
    for rel in ("resolve.py", "codegen.py", "syntax/parser.py", "syntax/lexer.py",
                "runtime/__init__.py", "runtime/builtins.py"):
        try:
            parts.append(str(os.stat(os.path.join(here, rel)).st_mtime_ns))
        except OSError:
            parts.append("-")
    return "|".join(parts)


def _cache_path(source: Source) -> str | None:
    directory = _cache_dir()
    if directory is None:
        return None
    try:
        from _sha256 import sha256   # the builtin module: avoids loading OpenSSL at start-up
    except ImportError:
        from hashlib import sha256
    h = sha256()
    h.update(_compiler_stamp().encode())
    h.update(b"\0" + os.path.abspath(source.path).encode("utf-8", "surrogatepass") + b"\0")
    h.update(source.text.encode("utf-8", "surrogatepass"))
    return os.path.join(directory, h.hexdigest()[:40] + ".gfc")


def _cache_read(cache_file: str, path: str) -> CompiledModule | None:
    try:
        with open(cache_file, "rb") as f:
            name, imports, main, columns, code = marshal.load(f)
    except (OSError, EOFError, ValueError, TypeError):
        return None
    if code.co_filename != path:
        return None
    return CompiledModule(name, path, code, list(imports), main, columns)


def _cache_write(cache_file: str, compiled: CompiledModule):
    try:
        os.makedirs(os.path.dirname(cache_file), exist_ok=True)
        tmp = f"{cache_file}.{os.getpid()}.tmp"
        with open(tmp, "wb") as f:
            marshal.dump((compiled.name, tuple(compiled.imports), compiled.main,
                          compiled.columns, compiled.code), f)
        os.replace(tmp, cache_file)
    except OSError:
        pass


# -- loading and running ---------------------------------------------------------------------

class Loader:
    """Loads a script and the .golo modules it imports (each once; cycles are skipped)."""

    def __init__(self, search_path: list[str] | None = None):
        if search_path is None:
            env = os.environ.get("GOLO_PATH", "")
            search_path = [p for p in env.split(os.pathsep) if p]
        self.search_path = search_path
        self.namespaces: dict[str, dict] = {}
        self.in_progress: set[str] = set()

    def find_import(self, name: str, importer: str) -> str | None:
        """`import a.b.C`: a/b/C.golo (or C.golo) next to the importer, then in GOLO_PATH."""
        parts = name.lstrip(".").split(".")
        candidates = [os.path.join(*parts) + ".golo", parts[-1] + ".golo"]
        roots = [os.path.dirname(os.path.abspath(importer))] + self.search_path
        for root in roots:
            for rel in candidates:
                path = os.path.join(root, rel)
                if os.path.isfile(path):
                    return path
        return None

    def load(self, path: str) -> tuple[CompiledModule, dict]:
        return self.load_compiled(compile_file(path), path)

    def load_compiled(self, compiled: CompiledModule, path: str) -> tuple[CompiledModule, dict]:
        """Load the imports of an already compiled module, then run its top level."""
        key = os.path.abspath(path)
        self.in_progress.add(key)
        for name in compiled.imports:
            found = self.find_import(name, path)
            if found is None:
                continue
            fkey = os.path.abspath(found)
            if fkey in self.namespaces or fkey in self.in_progress:
                continue
            self.load(found)
        namespace = {"__name__": f"golo:{compiled.name}"}
        exec(compiled.code, namespace)
        self.namespaces[key] = namespace
        self.in_progress.discard(key)
        return compiled, namespace


class NoMainError(GoloError):
    """The script has no `main` function taking one argument."""


def run_file(path: str, args: list[str] | None = None) -> int:
    """Compile and run a script: imports first, module initialisers, then `main(args)`."""
    return _run_main(*Loader().load(path), args)


def _run_main(compiled: CompiledModule, namespace: dict, args) -> int:
    from golo_fast import runtime
    if compiled.main is None:
        raise NoMainError(f"module {compiled.name} does not have a `main` function with "
                          "one parameter")
    namespace[compiled.main](runtime.Array(list(args or [])))
    return 0


def run_with_big_stack(fn, *args):
    """Run fn in a thread with a large stack so deep Golo recursion does not crash Python."""
    import threading
    result = {}

    def target():
        try:
            result["value"] = fn(*args)
        except BaseException as e:  # handed to the calling thread
            result["error"] = e

    old_limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(old_limit, 220000))
    old_size = threading.stack_size()
    try:
        threading.stack_size(1024 * 1024 * 1024)
        thread = threading.Thread(target=target, name="golo-main", daemon=True)
        thread.start()
    except (RuntimeError, ValueError, MemoryError):
        # No big thread stack here: run on this thread, with Python's own limit.
        sys.setrecursionlimit(old_limit)
        return fn(*args)
    finally:
        threading.stack_size(old_size)
    try:
        while thread.is_alive():
            thread.join(0.25)
    finally:
        sys.setrecursionlimit(old_limit)
    if "error" in result:
        raise result["error"]
    return result.get("value")


# -- scripts that are not files, and the REPL ------------------------------------------------

def run_source(text: str, path: str = "<stdin>", args: list[str] | None = None) -> int:
    """Run a script given as text (piped stdin) like run_file; its imports are found next to
    `path` (the current directory for "<stdin>")."""
    from golo_fast import runtime
    source = Source(text, path)
    compiled = _compile(source)
    register_source(source, compiled.columns)
    if compiled.main is None:
        raise NoMainError(f"module {compiled.name} does not have a `main` function with "
                          "one parameter")
    namespace = {"__name__": f"golo:{compiled.name}"}
    load_imports(Loader(), compiled.imports, path)
    exec(compiled.code, namespace)
    namespace[compiled.main](runtime.Array(list(args or [])))
    return 0


def load_imports(loader: Loader, names, importer: str) -> None:
    """Load the .golo modules `names` imported by `importer` that the loader has not loaded."""
    for name in names:
        found = loader.find_import(name, importer)
        if found is not None and os.path.abspath(found) not in loader.namespaces:
            loader.load(found)


def compile_increment(source: Source, tree, new_nodes, reuse_context: bool) -> CompiledModule:
    """One step of an interactive session (the REPL): resolve the whole parsed `tree` —
    declarations whose code already ran in the session's namespace plus new ones — and
    generate code for the imports and items in `new_nodes` only.

    With `reuse_context` the code keeps the namespace's `_ctx` instead of creating a fresh
    ModuleContext, which would forget the functions and types registered by earlier steps.
    """
    from golo_fast.codegen import generate
    from golo_fast.resolve import resolve
    info = _phase("name resolution", resolve, tree, source, _predefined())
    wanted = {id(node) for node in new_nodes}
    tree.imports = [imp for imp in tree.imports if id(imp) in wanted]
    tree.items = [item for item in tree.items if id(item) in wanted]
    py_ast, columns = _phase("code generation", generate, tree, info, source)
    if reuse_context:
        py_ast.body = [stmt for stmt in py_ast.body if not _creates_context(stmt)]
    code = _phase("Python compilation", compile, py_ast, source.path, "exec")
    return CompiledModule(tree.name, source.path, code, [imp.name for imp in tree.imports],
                          None, columns, py_ast)


def _creates_context(stmt) -> bool:
    """`_ctx = _rt.ModuleContext(...)`, the statement codegen starts every module with."""
    import ast
    return (isinstance(stmt, ast.Assign) and len(stmt.targets) == 1
            and isinstance(stmt.targets[0], ast.Name) and stmt.targets[0].id == "_ctx")
