"""The interactive loop: `golo-fast` on a terminal, or `golo-fast repl`.

Each input is either declarations (functions, structs, unions, augmentations, imports,
module-level `let`/`var`) or statements. Both are compiled with the ordinary pipeline into one
module (`repl`) whose Python namespace lives as long as the session:

- the text given to the compiler is `module repl` + the earlier imports, then every earlier
  declaration, then the input (statements are wrapped in a function `__input__` whose last
  expression becomes its return value, printed with Golo's rendering);
- the whole text is resolved, so names from earlier inputs are known, but code is generated
  only for the input (`api.compile_increment`): earlier declarations are not run again, a
  `let r = wasmLoad(...)` keeps its runner and a `var` its value;
- a declaration of a name that exists (same function name and arity, same type, same module
  reference) replaces the earlier one;
- earlier module references are resolved from a stub (`let x = null`): their initialiser ran
  once; an earlier function that no longer compiles after a redefinition becomes a stub too
  and keeps its old code, with a note (as Python would), instead of blocking later inputs.

Positions are reported in the input's own text (`<input-3>:1:9`), or in the file given to
`:load`. Everything runs on one long-lived thread with a large stack (wasm runners belong to
the thread that loaded them); Ctrl-C interrupts Golo code running there.
"""
from __future__ import annotations

import os
import queue
import re
import sys
import threading
from dataclasses import dataclass

from golo_fast import api
from golo_fast.errors import GoloCompileError, GoloSyntaxError
from golo_fast.source import Source, read_source
from golo_fast.syntax import nodes as n
from golo_fast.syntax.lexer import tokenize
from golo_fast.syntax.tokens import KEYWORDS, OP

MODULE = "repl"
WRAPPER = "__input__"
PROMPT, CONTINUATION = "golo> ", "  ... "
COMMANDS = (":help", ":load", ":reset", ":quit")
HELP = """\
Type Golo declarations or statements; the value of an expression is printed.
  function f = |x| -> x * 2      declarations persist across inputs (redefining replaces)
  let r = wasmLoad("g.wasm")     a `let`/`var` on its own persists (not `let a, b = ...`)
  f(21)                          -> 42
An input continues over several lines while it is incomplete (an open block, a trailing
operator); an empty line ends it anyway. Errors are shown and the session goes on.
Commands:
  :help              this text
  :load FILE.golo    run a file's declarations in this session (its main is not called)
  :reset             forget every declaration
  :quit              leave (also Ctrl-D)
"""
_INCOMPLETE_LEXER = ("unterminated multi-line string", "unterminated documentation block")
_DECLARATION_START = re.compile(r"\s*(@|function\b|local\b|struct\b|union\b|augment\b|"
                                r"augmentation\b|pimp\b|import\b)")
_HEADER = re.compile(r"module\s+[^\s]+")


class _SnippetSource(Source):
    """The text compiled for one input; positions are reported in the input's own text.

    Offsets before the input (the header, earlier declarations, the wrapper's first line) map
    to its first position, offsets after it to its last: only the input's code is generated.
    """

    __slots__ = ("snippet", "start")

    def __init__(self, text: str, path: str, snippet: Source, start: int):
        super().__init__(text, path)
        self.snippet = snippet
        self.start = start

    def line_col(self, offset: int) -> tuple[int, int]:
        return self.snippet.line_col(offset - self.start)

    def line_text(self, line: int) -> str:
        return self.snippet.line_text(line)


@dataclass(eq=False)
class _Decl:
    """A declaration that ran: its text, where it came from (for messages) and what it
    defines (a later declaration with the same key replaces it).

    `stub` declares the same name without a body (`let x = null`, `function f = |a| -> null`):
    the text given to the resolver for a module reference (its initialiser ran once and never
    runs again), and for a function that no longer compiles against later declarations
    (`stale`: it keeps its old code, as in Python, instead of blocking every later input).
    """
    key: tuple
    text: str
    origin: Source
    offset: int              # of `text` in origin.text
    stub: str | None = None
    stale: bool = False
    note: str = ""           # why it became stale

    def compiled_text(self, also_stale=()) -> str:
        if self.stub is not None and (self.key[0] == "let" or self.stale or self in also_stale):
            return self.stub
        return self.text


@dataclass
class Outcome:
    """What an input did: `value` is the text to print (None: print nothing); `notes` are
    remarks for stderr (earlier functions that no longer compile)."""
    value: str | None = None
    quit: bool = False
    notes: tuple = ()


class Session:
    """A REPL session without any terminal: `needs_more(text)` and `execute(text)`."""

    def __init__(self):
        self.namespace: dict = {"__name__": f"golo:{MODULE}"}
        self.decls: list[_Decl] = []
        self.imports: list[str] = []
        self.inputs = 0
        self.loader = api.Loader()

    # -- is the input complete? ------------------------------------------------------------

    def needs_more(self, text: str) -> bool:
        """True while `text` could still become valid Golo by typing more (an unclosed block,
        a trailing operator, an open multi-line string). An empty last line ends the input."""
        if not text.strip() or text.lstrip().startswith(":"):
            return False
        lines = text.split("\n")
        if len(lines) > 1 and not lines[-1].strip():
            return False
        decl_error = self._parse_alone(text, statements=False)
        if decl_error is None:
            return False
        stmt_error = self._parse_alone(text, statements=True)
        if stmt_error is None:
            return False
        depth = _open_brackets(text)
        if depth is None:       # the text does not even lex: more text helps only a string
            return decl_error[0].message.startswith(_INCOMPLETE_LEXER)
        return depth > 0 or (depth == 0 and (decl_error[1] or stmt_error[1]))

    def _parse_alone(self, text: str, statements: bool):
        """None if `text` parses as declarations (statements); else (error, at_the_end)."""
        prefix, suffix = self._frame(statements)
        full = prefix + text + suffix
        try:
            api.parse_source(Source(full, "<input>"))
        except GoloSyntaxError as e:
            at_end = e.span is not None and e.span[0] >= len(prefix) + len(text.rstrip())
            if e.message.startswith(_INCOMPLETE_LEXER):
                at_end = True
            return e, at_end
        return None

    @staticmethod
    def _frame(statements: bool) -> tuple[str, str]:
        if statements:
            return f"module {MODULE}\nfunction {WRAPPER} = {{\n", "\n}\n"
        return f"module {MODULE}\n", "\n"

    # -- completion ------------------------------------------------------------------------

    def completions(self, line: str) -> list[str]:
        """Names that complete the word ending `line`: REPL commands at the start of a line,
        else keywords, predefined functions and the session's own declarations."""
        if line.lstrip().startswith(":") and " " not in line.strip():
            word = line.strip()
            return [c for c in COMMANDS if c.startswith(word)]
        match = re.search(r"[A-Za-z_$][\w$]*$", line)
        if match is None:
            return []
        word = match.group()
        from golo_fast import runtime
        names = set(KEYWORDS) | set(runtime.PREDEFINED)
        names.update(d.key[1] for d in self.decls if isinstance(d.key[1], str))
        return sorted(name for name in names if name.startswith(word) and name != word
                      and "." not in name)

    # -- running an input ------------------------------------------------------------------

    def execute(self, text: str) -> Outcome:
        """Run one complete input (or a `:command`); GoloErrors propagate to the caller."""
        stripped = text.strip()
        if not stripped:
            return Outcome()
        if stripped.startswith(":"):
            return self._command(stripped)
        self.inputs += 1
        snippet = Source(text, f"<input-{self.inputs}>")
        decl_error = self._parse_alone(text, statements=False)
        if decl_error is None:
            return Outcome(notes=self._declare(snippet))
        stmt_error = self._parse_alone(text, statements=True)
        if stmt_error is None:
            return self._statements(snippet)
        closer = _unmatched_closer(text)
        if closer is not None:
            raise GoloSyntaxError(f"unmatched '{closer.value}'", snippet,
                                  (closer.start, closer.end))
        error = decl_error[0] if _DECLARATION_START.match(text) else stmt_error[0]
        prefix, _ = self._frame(error is stmt_error[0])
        raise self._relocate_one(error, snippet, len(prefix))

    def _command(self, line: str) -> Outcome:
        word, _, rest = line.partition(" ")
        rest = rest.strip()
        if word in (":quit", ":q", ":exit"):
            return Outcome(quit=True)
        if word in (":help", ":h", ":?"):
            return Outcome(HELP.rstrip("\n"))
        if word == ":reset":
            self.__init__()
            return Outcome("session reset")
        if word == ":load":
            if not rest:
                raise _UsageError(":load needs a file name, as in  :load script.golo")
            return self.load(rest)
        raise _UsageError(f"unknown command {word} (type :help)")

    def load(self, path: str) -> Outcome:
        """Run a file's declarations in the session (its `module` line is ignored)."""
        source = read_source(path)
        tree = api.parse_source(source)
        text = source.text
        header = _HEADER.match(text, tree.span[0])
        if header is not None:
            # blanked, not removed: positions in messages stay those of the file
            text = text[:header.start()] + " " * (header.end() - header.start()) \
                + text[header.end():]
        count = len(tree.items) + len(tree.imports)
        notes = self._declare(Source(text, path), registered_text=source.text)
        return Outcome(f"loaded {path} ({count} declaration{'s' if count != 1 else ''})",
                       notes=notes)

    def _declare(self, snippet: Source, registered_text: str | None = None) -> tuple:
        alone = api.parse_source(Source(self._frame(False)[0] + snippet.text, snippet.path))
        base = len(self._frame(False)[0])
        keys = [_key(item) for item in alone.imports + alone.items]
        replaced = {k for k in keys if k is not None}
        kept = [d for d in self.decls if d.key not in replaced]

        def select(tree, start):
            end = start + len(snippet.text)
            return [node for node in tree.imports + tree.items if start <= node.span[0] < end]

        compiled, _, notes = self._compile(snippet, kept, None, bool(alone.imports), select)
        self._run(compiled, snippet, registered_text)
        self.imports.extend(imp.name for imp in alone.imports if imp.name not in self.imports)
        # an item's text runs up to the next item (node spans may stop before a body's end)
        starts = [item.span[0] - base for item in alone.items] + [len(snippet.text)]
        self.decls = kept + [
            _Decl(key if key is not None else ("anonymous", self.inputs, i),
                  snippet.text[starts[i]:starts[i + 1]].rstrip(), snippet, starts[i],
                  _stub(item))
            for i, (key, item) in enumerate(zip(keys[len(alone.imports):], alone.items))]
        return notes

    def _statements(self, snippet: Source) -> Outcome:
        show_null = []

        def select(tree, start):
            wrapper = tree.items[-1]
            stmts = wrapper.body.stmts
            if stmts and isinstance(stmts[-1], n.ExprStmt):
                expr = stmts[-1].expr
                # `println(x)` returns null: print nothing; a plain `null` or `x` prints "null"
                show_null[:] = [not isinstance(expr, (n.Call, n.MethodCall, n.CallValue))]
                stmts[-1] = n.Return(stmts[-1].span, expr)
            return [wrapper]

        compiled, new, notes = self._compile(snippet, self.decls, WRAPPER, False, select)
        namespace = self._run(compiled, snippet)
        value = namespace[new[0].pyname]()
        if value is None and not (show_null and show_null[0]):
            return Outcome(notes=notes)
        from golo_fast import runtime
        return Outcome(runtime.render(value), notes=notes)

    def _compile(self, snippet: Source, decls, wrapper, snippet_first: bool, select):
        """Compile the input with `decls` before it; (compiled, new nodes, notes).

        When the only errors lie in earlier functions (a type or function they use was
        redefined), those functions become stale: resolved from their stub from now on, they
        keep their old code, and a note says so.
        """
        stale: list = []
        while True:
            source, start, positions = self._assemble(decls, snippet, wrapper, snippet_first,
                                                      stale)
            tree = self._parse(source, snippet, start, positions)
            new = select(tree, start)
            try:
                compiled = api.compile_increment(source, tree, new, "_ctx" in self.namespace)
            except GoloCompileError as e:
                errors = getattr(e, "errors", None) or [e]
                owners = [_owner(err, positions) for err in errors]
                if owners and all(d is not None and d.key[0] == "function" and d.stub
                                  and not d.stale and d not in stale for d in owners):
                    for d, err in zip(owners, errors):
                        if d not in stale:
                            stale.append(d)
                            self._relocate_one(err, snippet, start, positions)
                            line, col = err.source.line_col(err.span[0])
                            d.note = (f"note: {err.source.path}:{line}:{col}: function "
                                      f"'{d.key[1]}' no longer compiles ({err.message}); it "
                                      "keeps its previous code")
                    continue
                raise self._relocate(e, snippet, start, positions) from None
            for d in stale:
                d.stale = True
            return compiled, new, tuple(d.note for d in stale)

    # -- assembling the module text ----------------------------------------------------------

    def _assemble(self, decls, snippet: Source, wrapper: str | None, snippet_first: bool,
                  stale=()):
        """(source, offset of the input, [(offset, length, decl)]) for the module text."""
        header = f"module {MODULE}" + "".join(f" import {name}" for name in self.imports)
        parts = [header + "\n"]
        pos = len(parts[0])
        positions = []

        def add_decls():
            nonlocal pos
            for d in decls:
                text = d.compiled_text(stale)
                positions.append((pos, len(text), d))
                parts.append(text + "\n")
                pos += len(text) + 1

        if not snippet_first:
            add_decls()
        if wrapper is not None:
            opening = f"function {wrapper} = {{\n"
            parts.append(opening)
            pos += len(opening)
        start = pos
        parts.append(snippet.text + "\n")
        pos += len(snippet.text) + 1
        if wrapper is not None:
            parts.append("}\n")
        if snippet_first:
            add_decls()
        text = "".join(parts)
        return _SnippetSource(text, snippet.path, snippet, start), start, positions

    def _parse(self, source, snippet, start, positions):
        try:
            return api.parse_source(source)
        except GoloCompileError as e:
            raise self._relocate(e, snippet, start, positions) from None

    def _run(self, compiled, snippet: Source, registered_text: str | None = None) -> dict:
        api.register_source(Source(registered_text or snippet.text, snippet.path),
                            compiled.columns)
        importer = snippet.path if os.path.isfile(snippet.path) else os.path.join(
            os.getcwd(), "<input>")
        api.load_imports(self.loader, compiled.imports, importer)
        exec(compiled.code, self.namespace)
        return self.namespace

    # -- messages in the input's own text ----------------------------------------------------

    def _relocate(self, err: GoloCompileError, snippet: Source, start: int, positions):
        errors = getattr(err, "errors", None) or [err]
        for e in errors:
            self._relocate_one(e, snippet, start, positions)
        return err

    @staticmethod
    def _relocate_one(e, snippet: Source, start: int, positions=()):
        if e.span is None:
            e.source = None
            return e
        s, t = e.span
        for offset, length, decl in positions:
            if offset <= s < offset + length + 1:
                shift = decl.offset - offset
                end = decl.offset + len(decl.text)
                e.source, e.span = decl.origin, (min(s + shift, end), min(t + shift, end))
                return e
        size = len(snippet.text)
        rel_s = min(max(s - start, 0), size)
        rel_t = min(max(t - start, rel_s), size)
        e.source, e.span = snippet, (rel_s, rel_t)
        return e


def _owner(err, positions):
    """The earlier declaration an error lies in, or None (the input itself)."""
    if err.span is None:
        return None
    for offset, length, decl in positions:
        if offset <= err.span[0] < offset + length + 1:
            return decl
    return None


def _stub(item) -> str | None:
    """A bodiless declaration of the same name (see _Decl), for references and functions."""
    if isinstance(item, n.ModuleLet):
        return f"{'var' if item.mutable else 'let'} {item.name} = null"
    if isinstance(item, n.Function):
        params = ", ".join(p.name for p in item.params) + ("..." if item.varargs else "")
        head = f"{'local ' if item.local else ''}function {item.name} = "
        return head + (f"|{params}| -> null" if params else "-> null")
    return None


def _unmatched_closer(text: str):
    """The first `}`, `)` or `]` closing nothing, or None."""
    try:
        tokens = tokenize(Source(text, "<input>"))
    except GoloSyntaxError:
        return None
    depth = 0
    for tok in tokens:
        if tok.kind == OP and tok.value in ("{", "(", "["):
            depth += 1
        elif tok.kind == OP and tok.value in ("}", ")", "]"):
            depth -= 1
            if depth < 0:
                return tok
    return None


def _open_brackets(text: str) -> int | None:
    """How many `{`, `(`, `[` the text leaves open (None if it does not lex)."""
    try:
        tokens = tokenize(Source(text, "<input>"))
    except GoloSyntaxError:
        return None
    depth = 0
    for tok in tokens:
        if tok.kind == OP and tok.value in ("{", "(", "["):
            depth += 1
        elif tok.kind == OP and tok.value in ("}", ")", "]"):
            depth -= 1
    return depth


class _UsageError(GoloCompileError):
    """A REPL command used wrongly: shown as `error: message`."""


def _key(item):
    """What a top-level item defines; a later item with the same key replaces it."""
    if isinstance(item, n.Function):
        arity = len(item.params) - (1 if item.varargs else 0)
        return ("function", item.name, arity, item.varargs)
    if isinstance(item, (n.Struct, n.Union)):
        return ("type", item.name)
    if isinstance(item, n.ModuleLet):
        return ("let", item.name)
    if isinstance(item, n.Augmentation):
        return ("augmentation", item.name)
    if isinstance(item, n.Import):
        return ("import", item.name)
    return None


# -- running inputs on one long-lived thread --------------------------------------------------

class Evaluator:
    """Runs callables on one thread with a large stack, which lives as long as the session:
    wasm runners belong to the thread that loaded them. Ctrl-C in the waiting thread raises
    KeyboardInterrupt in the running Golo code (not inside a wasm call)."""

    STACK = 1024 * 1024 * 1024      # as api.run_with_big_stack gives scripts
    RECURSION = 220_000

    def __init__(self):
        self._jobs: queue.Queue = queue.Queue()
        self._thread = None

    def _start(self):
        old_size = threading.stack_size()
        try:
            threading.stack_size(self.STACK)
            thread = threading.Thread(target=self._serve, name="golo-repl", daemon=True)
            thread.start()
        except (RuntimeError, ValueError, MemoryError):
            # no big thread stack here: run on the calling thread, with Python's own limit
            self._thread = False
            return
        finally:
            threading.stack_size(old_size)
        sys.setrecursionlimit(max(sys.getrecursionlimit(), self.RECURSION))
        self._thread = thread

    def _serve(self):
        while True:
            fn, args, box, done = self._jobs.get()
            try:
                box["value"] = fn(*args)
            except BaseException as e:  # handed to the waiting thread
                box["error"] = e
            finally:
                done.set()

    def run(self, fn, *args):
        if self._thread is None:
            self._start()
        if self._thread is False:
            return fn(*args)
        box: dict = {}
        done = threading.Event()
        self._jobs.put((fn, args, box, done))
        while True:
            try:
                while not done.wait(0.1):
                    pass
                break
            except KeyboardInterrupt:
                _interrupt(self._thread)
        if "error" in box:
            raise box["error"]
        return box.get("value")


def _interrupt(thread: threading.Thread) -> None:
    import ctypes
    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread.ident),
                                               ctypes.py_object(KeyboardInterrupt))


# -- front ends -------------------------------------------------------------------------------

def handle(session: Session, evaluator: Evaluator, text: str, report) -> bool:
    """Run one input and print what it gives; False when the session should end."""
    try:
        outcome = evaluator.run(session.execute, text)
    except KeyboardInterrupt:
        _flush()
        sys.stderr.write("interrupted\n")
        return True
    except SystemExit:
        return False
    except BaseException as e:  # every error is shown and the session goes on
        report(e)
        return True
    finally:
        _flush()
    if outcome.value is not None:
        sys.stdout.write(outcome.value + "\n")
        _flush()
    for note in outcome.notes:
        sys.stderr.write(note + "\n")
    return not outcome.quit


def _flush():
    try:
        sys.stdout.flush()
    except (OSError, ValueError):
        pass


def run_plain(report, stream=None) -> int:
    """The REPL without a terminal (input piped to `golo-fast repl`): no prompts, no
    editing; inputs are read line by line and continue while incomplete."""
    stream = stream or sys.stdin
    session, evaluator = Session(), Evaluator()
    buffer = ""
    for line in stream:
        if buffer.strip() and not line.strip():   # an empty line ends an incomplete input
            text, buffer = buffer.rstrip("\n"), ""
            if not handle(session, evaluator, text, report):
                return 0
            continue
        buffer += line
        if session.needs_more(buffer.rstrip("\n")):
            continue
        text, buffer = buffer.rstrip("\n"), ""
        if not handle(session, evaluator, text, report):
            return 0
    if buffer.strip():
        handle(session, evaluator, buffer.rstrip("\n"), report)
    return 0


def history_path() -> str | None:
    """`repl_history` in the user's data directory (platformdirs), or None if unusable."""
    try:
        import platformdirs
        directory = platformdirs.user_data_dir("golo-fast", appauthor=False)
        os.makedirs(directory, exist_ok=True)
    except (ImportError, OSError):
        return None
    path = os.path.join(directory, "repl_history")
    if not os.access(directory, os.W_OK) or (os.path.exists(path)
                                              and not os.access(path, os.R_OK | os.W_OK)):
        return None    # a read-only home: history for this session only
    return path


def run_interactive(report, colour: bool = True) -> int:
    """The prompt_toolkit REPL: multi-line editing, history, Golo highlighting."""
    from prompt_toolkit import PromptSession
    from prompt_toolkit.completion import Completer, Completion
    from prompt_toolkit.history import FileHistory, InMemoryHistory
    from prompt_toolkit.key_binding import KeyBindings
    from prompt_toolkit.lexers import PygmentsLexer
    from pygments.lexers import GoloLexer

    session, evaluator = Session(), Evaluator()
    bindings = KeyBindings()

    class GoloCompleter(Completer):
        def get_completions(self, document, complete_event):
            line = document.current_line_before_cursor
            word = document.get_word_before_cursor(WORD=line.lstrip().startswith(":"))
            for name in session.completions(line):
                yield Completion(name, start_position=-len(word))

    @bindings.add("enter")
    def _enter(event):
        buffer = event.current_buffer
        document = buffer.document
        text = document.text
        if document.is_cursor_at_the_end and session.needs_more(text):
            line = document.current_line
            indent = line[:len(line) - len(line.lstrip())]
            if line.rstrip().endswith(("{", "(", "[")):
                indent += "  "
            buffer.insert_text("\n" + indent)
        else:
            buffer.validate_and_handle()

    @bindings.add("}")
    def _close(event):
        buffer = event.current_buffer
        before = buffer.document.current_line_before_cursor
        if before.endswith("  ") and not before.strip():   # a closing brace dedents
            buffer.delete_before_cursor(2)
        buffer.insert_text("}")

    @bindings.add("escape", "enter")
    def _force(event):
        event.current_buffer.validate_and_handle()

    path = history_path()
    history = FileHistory(path) if path is not None else InMemoryHistory()
    prompt = PromptSession(
        PROMPT, multiline=True, key_bindings=bindings, history=history,
        lexer=PygmentsLexer(GoloLexer) if colour else None,
        prompt_continuation=lambda width, line_number, wrap_count: CONTINUATION,
        completer=GoloCompleter(), complete_while_typing=False, enable_history_search=True)
    sys.stdout.write("golo-fast REPL — :help for help, :quit or Ctrl-D to leave\n")
    while True:
        try:
            text = prompt.prompt()
        except KeyboardInterrupt:
            continue
        except EOFError:
            break
        if not handle(session, evaluator, text, report):
            break
    return 0


def main(report, colour: bool = True) -> int:
    """Interactive when stdin and stdout are terminals, plain otherwise."""
    if sys.stdin.isatty() and sys.stdout.isatty():
        return run_interactive(report, colour)
    return run_plain(report)
