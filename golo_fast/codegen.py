"""Resolved Golo tree -> positioned Python `ast.Module` (see docs/design/runtime-contract.md).

Shape of the generated module: runtime helpers bound to module globals (`_add = _rt.add`),
then struct/union definitions, closure factories, one `def` per Golo function (arity overloads
get distinct names, `fib__1`), decorators, registrations in the module context, augmentations,
and finally module-level `let`/`var` initialisers in source order.

Closures capture by value at creation (language.md §7.2): a compact closure becomes a
`lambda` whose captured names are keyword-only defaults (`lambda x, *, n=n: x + n`); any other
closure becomes a module-level factory `def _mk__3(n): def _closure__3(x): ...; return
_closure__3` called where the closure is created. Either way each creation freezes the
values it sees, so closures made in a loop keep their own iteration's values.

Fast paths: comparisons use Python's operators directly (the runtime's value types make them
mean what Golo means); `+ - *` on two ints/floats/strs are inlined behind a type check, with
the runtime helper as the slow path; conditions that are statically Boolean skip `_cond`.
"""
from __future__ import annotations

import ast
import copy
import keyword

from golo_fast.resolve import FunctionInfo, ModuleInfo, py_identifier
from golo_fast.source import Source
from golo_fast.syntax import nodes as n

_COMPARE = {"<": ast.Lt, "<=": ast.LtE, ">": ast.Gt, ">=": ast.GtE, "==": ast.Eq,
            "!=": ast.NotEq, "is": ast.Is, "isnt": ast.IsNot}
_ARITH = {"+": ast.Add, "-": ast.Sub, "*": ast.Mult}
# Methods of a map entry that read one of its slots (runtime-contract.md: MapEntry).
_ENTRY_ACCESSORS = {"getKey": "key", "getValue": "value", "key": "key", "value": "value"}
_HELPER_OF = {"+": "add", "-": "sub", "*": "mul", "/": "div", "%": "mod"}
_BOOL_OPS = frozenset(("<", "<=", ">", ">=", "==", "!=", "is", "isnt", "oftype", "and", "or"))
_COLLECTION_CTOR = {"tuple": "Tuple", "list": "GoloList", "vector": "Vector", "set": "GoloSet",
                    "array": "Array"}


def _load(name: str) -> ast.Name:
    return ast.Name(id=name, ctx=ast.Load())


def _store(name: str) -> ast.Name:
    return ast.Name(id=name, ctx=ast.Store())


def _const(value) -> ast.Constant:
    return ast.Constant(value=value)


def _call(func, args, keywords=()) -> ast.Call:
    if isinstance(func, str):
        func = _load(func)
    return ast.Call(func=func, args=list(args), keywords=list(keywords))


def _is_simple(e: ast.expr) -> bool:
    return isinstance(e, (ast.Name, ast.Constant))


def is_boolean(e) -> bool:
    """True when the Golo expression always yields a bool (or fails): no `_cond` needed."""
    t = type(e)
    if t is n.Literal:
        return e.kind == "bool"
    if t is n.Binary:
        return e.op in _BOOL_OPS
    if t is n.Unary:
        return e.op == "not"
    return False


def _walk_assignments(stmts, out: list):
    """(binding, value) for every single-name assignment of a function body (closures
    excluded: they are other functions and cannot assign these locals). A foreach over a
    range literal or a `range(...)` call yields a ("range", [bounds]) pseudo value."""
    for s in stmts:
        t = type(s)
        if t is n.Let or t is n.Assign:
            names = s.names if t is n.Let else s.targets
            if len(names) == 1 and not s.rest:
                out.append((names[0].binding, s.value))
            else:
                out.extend((x.binding, None) for x in names)
        elif t is n.If:
            _walk_assignments(s.then.stmts, out)
            if isinstance(s.orelse, n.If):
                _walk_assignments([s.orelse], out)
            elif s.orelse is not None:
                _walk_assignments(s.orelse.stmts, out)
        elif t is n.While:
            _walk_assignments(s.body.stmts, out)
        elif t is n.For:
            _walk_assignments([s.init, s.step], out)
            _walk_assignments(s.body.stmts, out)
        elif t is n.Foreach:
            c = s.clause
            bounds = None
            if isinstance(c.iterable, n.RangeLit):
                bounds = [c.iterable.start, c.iterable.stop]
            elif (isinstance(c.iterable, n.Call) and c.iterable.target is not None
                  and c.iterable.target.kind == "predefined" and c.iterable.args
                  and c.iterable.target.name in ("range", "reversedRange")
                  and c.iterable.args[0].name is None):
                bounds = [a.value for a in c.iterable.args]
            for p in c.names:
                ranged = bounds is not None and len(c.names) == 1
                out.append((p.binding, ("range", bounds) if ranged else None))
            _walk_assignments(s.body.stmts, out)
        elif t is n.Case:
            for _, block in s.branches:
                _walk_assignments(block.stmts, out)
            _walk_assignments(s.otherwise.stmts, out)
        elif t is n.Try:
            _walk_assignments(s.body.stmts, out)
            if s.catch_body is not None:
                out.append((s.catch_name.binding, None))
                _walk_assignments(s.catch_body.stmts, out)
            if s.finally_body is not None:
                _walk_assignments(s.finally_body.stmts, out)


def is_integral(e, known, memo=None) -> bool:
    """True when `e` is statically an exact int: literals, known locals, and + - * / % of
    those. (Chars are left out: `'a' == 97` is false in Golo, true for Python ints.)
    `memo` (id of a node -> answer, for one `known`) makes the questions the code generator
    asks about every prefix of an operator chain cost linear, not quadratic, time."""
    t = type(e)
    if t is n.Literal:
        return e.kind == "int"
    if t is n.Name:
        return e.binding in known
    if t is n.Binary:
        if memo is not None:
            found = memo.get(id(e))
            if found is not None:
                return found
        result = e.op in ("+", "-", "*", "/", "%") and is_integral(e.left, known, memo) \
            and is_integral(e.right, known, memo)
        if memo is not None:
            memo[id(e)] = result
        return result
    if t is n.Unary:
        return e.op == "-" and is_integral(e.operand, known, memo)
    if t is n.Call:
        # A call of a module function that returns an int whenever its arguments are ints.
        return (e.binding is None and e.target is not None and e.target.returns_int
                and not e.banged and not (e.args and e.args[0].name is not None)
                and all(is_integral(a.value, known, memo) for a in e.args))
    if t is n.MatchExpr:
        return all(is_integral(v, known, memo) for _, v in e.branches) \
            and is_integral(e.otherwise, known, memo)
    return False


def _always_returns(stmts) -> bool:
    """The block cannot fall off its end (which would return null)."""
    if not stmts:
        return False
    last = stmts[-1]
    if isinstance(last, (n.Return, n.Throw)):
        return last.value is not None if isinstance(last, n.Return) else True
    if isinstance(last, n.If):
        if last.orelse is None:
            return False
        other = [last.orelse] if isinstance(last.orelse, n.If) else last.orelse.stmts
        return _always_returns(last.then.stmts) and _always_returns(other)
    if isinstance(last, n.Case):
        return all(_always_returns(b.stmts) for _, b in last.branches) \
            and _always_returns(last.otherwise.stmts)
    return False


def _returned_values(fn: n.Function) -> list:
    if fn.compact:
        return [fn.body]
    values, stack = [], [fn.body]
    while stack:
        node = stack.pop()
        if isinstance(node, n.Closure):
            continue
        if isinstance(node, n.Return):
            values.append(node.value)
        stack.extend(_children(node))
    return values


def mark_int_returning_calls(module: n.Module):
    """Find the module functions that return an int whenever all their arguments are ints
    (a fixpoint: `fib` qualifies because `fib(n - 1) + fib(n - 2)` does once `fib` does),
    and mark the direct calls to them (`FunctionTarget.returns_int`)."""
    candidates = {f.pyname: f for f in module.items
                  if isinstance(f, n.Function) and not f.varargs and not f.decorators
                  and (f.compact or _always_returns(f.body.stmts))}
    calls, stack = [], list(module.items)
    while stack:
        node = stack.pop()
        if isinstance(node, n.Call) and node.target is not None and node.target.kind == "direct":
            calls.append(node)
        stack.extend(_children(node))
    while True:
        for call in calls:
            call.target.returns_int = call.target.pyname in candidates
        failing = []
        for pyname, fn in candidates.items():
            known = integral_locals(fn.body, fn.compact, {p.binding for p in fn.params})
            if not all(v is not None and is_integral(v, known) for v in _returned_values(fn)):
                failing.append(pyname)
        if not failing:
            return
        for pyname in failing:
            del candidates[pyname]


def integral_locals(body, compact: bool, seeds=frozenset()) -> frozenset:
    """Locals of a function that only ever hold ints (a fixpoint over their assignments);
    `seeds` are parameters known to be ints (parameters are never reassigned)."""
    if compact or body is None:
        return frozenset(seeds)
    assignments: list = []
    _walk_assignments(body.stmts, assignments)
    known = {b for b, _ in assignments if b is not None and b.kind in ("let", "var", "loop")}
    known |= set(seeds)
    changed = True
    while changed:
        changed = False
        for b, value in assignments:
            if value is None:
                ok = False
            elif isinstance(value, tuple):
                ok = all(is_integral(bound, known) for bound in value[1])
            else:
                ok = is_integral(value, known)
            if b in known and not ok:
                known.discard(b)
                changed = True
    return frozenset(known)


def struct_locals(body, compact: bool) -> dict:
    """Locals only ever assigned `S(...)` for one struct S of this module: binding -> the
    Python name of S's class (their accessors can then be read as plain attributes); and
    locals only ever assigned a `list[...]` or `vector[...]` literal: binding -> "list", or a
    `map[...]` literal: binding -> "map"."""
    if compact or body is None:
        return {}
    assignments: list = []
    _walk_assignments(body.stmts, assignments)
    kinds: dict = {}
    for b, value in assignments:
        if b is None:
            continue
        if isinstance(value, n.Call) and value.binding is None and value.target is not None \
                and value.target.kind == "struct" and not value.banged:
            kind = value.target.pyname
        elif isinstance(value, n.Collection) and value.kind in ("list", "vector"):
            kind = "list"     # a GoloList or a Vector: same native methods
        elif isinstance(value, n.Collection) and value.kind == "map":
            kind = "map"
        else:
            kind = None
        kinds[b] = kind if kinds.get(b, kind) == kind else None
    return {b: k for b, k in kinds.items() if k is not None}


def string_locals(body, compact: bool) -> frozenset:
    """Locals assigned a string literal somewhere in the function (likely string builders)."""
    if compact or body is None:
        return frozenset()
    assignments: list = []
    _walk_assignments(body.stmts, assignments)
    return frozenset(b for b, value in assignments
                     if b is not None and isinstance(value, n.Literal) and value.kind == "string")


_NUMERIC_OPS = frozenset(("+", "-", "*", "/", "%", "<", "<=", ">", ">=", "==", "!="))


def _children(node):
    for name in node.__slots__:
        value = getattr(node, name, None)
        if isinstance(value, n.Node):
            yield value
        elif isinstance(value, (list, tuple)):
            for item in value:
                if isinstance(item, n.Node):
                    yield item
                elif isinstance(item, tuple):
                    yield from (x for x in item if isinstance(x, n.Node))


def numeric_params(fn: n.Function) -> list:
    """Parameters used as operands of arithmetic or comparisons, or as range bounds, in the
    function's own body (closures excluded): worth an int-specialised version of the body. Empty when the body
    has banged calls (their once-per-site cache must not be duplicated)."""
    params = {p.binding for p in fn.params[:len(fn.params) - (1 if fn.varargs else 0)]}
    used = set()
    stack = [fn.body]
    while stack:
        node = stack.pop()
        if isinstance(node, n.Closure):
            continue
        if isinstance(node, n.Call) and node.banged:
            return []
        operands = ()
        if isinstance(node, n.Binary) and node.op in _NUMERIC_OPS:
            operands = (node.left, node.right)
        elif isinstance(node, n.RangeLit):
            operands = (node.start, node.stop)
        elif isinstance(node, n.Call) and node.target is not None \
                and node.target.kind == "predefined" and node.target.name == "range":
            operands = [a.value for a in node.args]
        for side in operands:
            if isinstance(side, n.Name) and side.binding in params:
                used.add(side.binding)
        stack.extend(_children(node))
    return [p.binding for p in fn.params if p.binding in used]


class _Fn:
    """State of the Python function being generated."""

    def __init__(self, info: FunctionInfo | None, ints=frozenset()):
        self.info = info
        self.ints = ints              # bindings statically known to hold ints
        self.integral: dict = {}      # is_integral's memo for `ints` (nodes outlive this)
        self.structs: dict = {}       # bindings known to hold instances of a struct class
        self.strings = frozenset()    # bindings assigned a string literal somewhere
        self.entry_vars: dict = {}    # entry loop variable -> (key local, value local)
        self.map_setters: dict = {}   # map-only `let` binding -> local holding its C store
        self.tail = None              # (Python name, parameter names) for self tail calls
        self.tail_used = False
        self.try_depth = 0
        self.temps = 0
        self.walrus_ok = True
        self.for_steps: list = []     # stack: step statements of enclosing for(,,) loops (or None)

    def temp(self) -> str:
        self.temps += 1
        return f"_t{self.temps}"


class CodeGenerator:
    def __init__(self, module: n.Module, info: ModuleInfo, source: Source):
        self.module = module
        self.info = info
        self.source = source
        self.helpers: set[str] = set()
        self.constants: list[ast.stmt] = []
        self.const_names: dict = {}
        self.factories: list[ast.stmt] = []
        self.counter = 0
        self.fn: _Fn | None = None
        self.call_columns: dict[int, int] = {}   # Golo line -> column of its leftmost call
        self.bang_cells: list[str] = []
        # struct member name -> Python names of this module's struct classes having it
        self.member_owners: dict[str, list] = {}
        self.local_structs = {item.name for item in module.items if isinstance(item, n.Struct)}
        for item in module.items:
            if isinstance(item, n.Struct):
                for member in item.members:
                    if member.isidentifier() and not keyword.iskeyword(member):
                        self.member_owners.setdefault(member, []).append(
                            py_identifier(item.name) + "__S")

    # -- positions ----------------------------------------------------------------------------

    def at(self, node, span):
        """Give `node` the Golo position of `span` (Python columns are 0-based)."""
        line, col = self.source.line_col(span[0])
        end_line, end_col = self.source.line_col(max(span[1], span[0]))
        node.lineno, node.col_offset = line, col - 1
        node.end_lineno, node.end_col_offset = end_line, max(end_col - 1, 0) \
            if end_line > line else max(end_col - 1, col - 1)
        return node

    def note_call(self, span):
        """Remember where calls start: Python 3.10 tracebacks carry lines, not columns."""
        line, col = self.source.line_col(span[0])
        if col < self.call_columns.get(line, col + 1):
            self.call_columns[line] = col

    def helper(self, name: str) -> ast.Name:
        """A runtime helper bound once as a module global: `_add = _rt.add`."""
        self.helpers.add(name)
        return _load("_" + name)

    def next_id(self) -> int:
        self.counter += 1
        return self.counter

    # -- module -------------------------------------------------------------------------------

    def generate(self) -> ast.Module:
        m = self.module
        info = self.info
        mark_int_returning_calls(m)
        head: list[ast.stmt] = [
            ast.Import(names=[ast.alias(name="golo_fast.runtime", asname="_rt")]),
            ast.Assign(targets=[_store("_ctx")],
                       value=_call(ast.Attribute(value=_load("_rt"), attr="ModuleContext",
                                                 ctx=ast.Load()),
                                   [_const(m.name), _const(self.source.path)])),
        ]
        for imp in m.imports:
            head.append(self.at(ast.Expr(value=_call(self.ctx_attr("import_module"),
                                                     [_const(imp.name)])), imp.span))
        types: list[ast.stmt] = []
        functions: list[ast.stmt] = []
        decorations: list[ast.stmt] = []
        registrations: list[ast.stmt] = []
        augments: list[ast.stmt] = []
        module_lets: list[ast.stmt] = []
        for item in m.items:
            if isinstance(item, n.Struct):
                types.append(self.at(ast.Assign(
                    targets=[_store(py_identifier(item.name) + "__S")],
                    value=_call(self.ctx_attr("define_struct"),
                                [_const(item.name), _const(tuple(item.members))])), item.span))
            elif isinstance(item, n.Union):
                alts = ast.Dict(keys=[_const(a) for a, _ in item.alternatives],
                                values=[_const(tuple(f)) for _, f in item.alternatives])
                types.append(self.at(ast.Expr(value=_call(self.ctx_attr("define_union"),
                                                          [_const(item.name), alts])), item.span))
            elif isinstance(item, n.Function):
                functions.append(self.function_def(item, item.pyname))
                if item.decorators:
                    value = _load(item.pyname)
                    for deco in reversed(item.decorators):
                        self.fn = _Fn(None)
                        value = self.at(_call(self.expr(deco.expr), [value]), deco.span)
                    self.fn = None
                    decorations.append(self.at(ast.Assign(targets=[_store(item.pyname)],
                                                          value=value), item.span))
                arity = len(item.params) - (1 if item.varargs else 0)
                kw = [ast.keyword(arg="local", value=_const(True))] if item.local else []
                note = self.golo_params(item.params, item.pyname)
                if note is not None:
                    registrations.append(self.at(note, item.name_span))
                registrations.append(self.at(ast.Expr(value=_call(
                    self.ctx_attr("define_function"),
                    [_const(item.name), _const(arity), _const(item.varargs), _load(item.pyname)],
                    kw)), item.name_span))
            elif isinstance(item, (n.Augment, n.Augmentation)):
                methods_keys, methods_values = [], []
                receiver = None
                if isinstance(item, n.Augment) and item.target in self.local_structs:
                    receiver = py_identifier(item.target) + "__S"
                for fn in item.functions:
                    pyname = f"{fn.pyname}_{self.next_id()}"
                    functions.append(self.function_def(fn, pyname, receiver if fn.params else None))
                    methods_keys.append(_const(fn.name))
                    methods_values.append(_load(pyname))
                    if fn.decorators:
                        value = _load(pyname)
                        for deco in reversed(fn.decorators):
                            self.fn = _Fn(None)
                            value = self.at(_call(self.expr(deco.expr), [value]), deco.span)
                        self.fn = None
                        decorations.append(self.at(ast.Assign(targets=[_store(pyname)],
                                                              value=value), fn.span))
                methods = ast.Dict(keys=methods_keys, values=methods_values)
                if isinstance(item, n.Augmentation):
                    augments.append(self.at(ast.Expr(value=_call(
                        self.ctx_attr("define_augmentation"), [_const(item.name), methods])),
                        item.span))
                else:
                    if item.functions:
                        augments.append(self.at(ast.Expr(value=_call(
                            self.ctx_attr("augment"), [_const(item.target), methods])),
                            item.span))
                    if item.with_names:
                        augments.append(self.at(ast.Expr(value=_call(
                            self.ctx_attr("augment_with"),
                            [_const(item.target),
                             ast.List(elts=[_const(w) for w in item.with_names],
                                      ctx=ast.Load())])), item.span))
            elif isinstance(item, n.ModuleLet):
                self.fn = _Fn(None)
                value = self.expr(item.value)
                self.fn = None
                module_lets.append(self.at(ast.Assign(targets=[_store(item.binding.pyname)],
                                                      value=value), item.span))
        bindings = []
        for name in sorted(self.helpers):
            if name in ("type", "int", "str", "float", "range", "bool"):
                value = _load(name)
            elif name == "dict_setter":
                value = ast.Attribute(value=ast.Attribute(value=_load("dict"), attr="__setitem__",
                                                          ctx=ast.Load()),
                                      attr="__get__", ctx=ast.Load())
            elif name == "dict_setitem":
                value = ast.Attribute(value=_load("dict"), attr="__setitem__", ctx=ast.Load())
            elif name == "NUM":
                value = ast.Tuple(elts=[_load("int"), _load("float")], ctx=ast.Load())
            elif name == "ADDABLE":
                value = ast.Tuple(elts=[_load("int"), _load("str"), _load("float")],
                                  ctx=ast.Load())
            else:
                value = ast.Attribute(value=_load("_rt"), attr=name, ctx=ast.Load())
            bindings.append(ast.Assign(targets=[_store("_" + name)], value=value))
        for name in sorted(info.predefined_used):
            bindings.append(ast.Assign(
                targets=[_store("_p_" + py_identifier(name))],
                value=ast.Subscript(value=ast.Attribute(value=_load("_rt"), attr="PREDEFINED",
                                                        ctx=ast.Load()),
                                    slice=_const(name), ctx=ast.Load())))
        body = (head + bindings + types + self.constants + self.factories + functions
                + decorations + registrations + augments + module_lets)
        first = (1, 0)
        for stmt in body:
            if not hasattr(stmt, "lineno"):
                stmt.lineno, stmt.col_offset = first
                stmt.end_lineno, stmt.end_col_offset = first
        module = ast.Module(body=body, type_ignores=[])
        ast.fix_missing_locations(module)
        return module

    def ctx_attr(self, name: str) -> ast.Attribute:
        return ast.Attribute(value=_load("_ctx"), attr=name, ctx=ast.Load())

    # -- functions ----------------------------------------------------------------------------

    def arguments(self, params, varargs: bool, captures=()) -> ast.arguments:
        names = [p.binding.pyname for p in params]
        vararg = None
        if varargs:
            vararg = ast.arg(arg=names.pop())
        return ast.arguments(
            posonlyargs=[], args=[ast.arg(arg=a) for a in names], vararg=vararg,
            kwonlyargs=[ast.arg(arg=c) for c in captures],
            kw_defaults=[_load(c) for c in captures], kwarg=None, defaults=[])

    def body_stmts(self, params, varargs, body, compact, info, only_body=False) -> list:
        stmts = []
        if info is not None and info.global_assigns and not only_body:
            stmts.append(ast.Global(names=sorted(info.global_assigns)))
        if varargs and not only_body:
            name = params[-1].binding.pyname
            stmts.append(self.at(ast.Assign(targets=[_store(name)],
                                            value=_call(self.helper("varargs"), [_load(name)])),
                                 params[-1].span))
        if compact:
            stmts.extend(self.at(st, body.span) for st in self.return_stmts(body))
        else:
            stmts.extend(self.block(body))
        return stmts or [ast.Pass()]

    def function_def(self, fn: n.Function, pyname: str, receiver=None) -> ast.FunctionDef:
        """A Golo function as a Python def. `receiver`: the struct class that the first
        parameter always holds (functions of `augment S { }` for a struct S of this module)."""
        outer = self.fn

        tail_used = []
        tail_ok = receiver is None and pyname == fn.pyname and not fn.varargs \
            and not fn.decorators

        def state(ints):
            if self.fn is not outer and self.fn.tail_used:
                tail_used.append(True)
            self.fn = _Fn(fn.info, ints=ints)
            self.fn.structs = struct_locals(fn.body, fn.compact)
            self.fn.strings = string_locals(fn.body, fn.compact)
            if tail_ok:
                self.fn.tail = (fn.pyname, [p.binding.pyname for p in fn.params])
            if receiver is not None:
                self.fn.structs[fn.params[0].binding] = receiver

        state(integral_locals(fn.body, fn.compact))
        body = self.body_stmts(fn.params, fn.varargs, fn.body, fn.compact, fn.info)
        hot = numeric_params(fn)
        marks = (len(self.factories), len(self.constants))
        fast = None
        if hot:
            state(integral_locals(fn.body, fn.compact, hot))
            fast = self.body_stmts(fn.params, fn.varargs, fn.body, fn.compact, fn.info,
                                   only_body=True)
            if ast.dump(ast.Module(body=fast, type_ignores=[])) == ast.dump(
                    ast.Module(body=body[-len(fast):], type_ignores=[])):
                # Knowing the parameters are ints changed nothing: keep one version.
                del self.factories[marks[0]:], self.constants[marks[1]:]
                fast = None
        if fast is not None:
            # Parameters are constants in Golo: one type test on entry selects a version of
            # the body where they (and locals computed from them) are known ints.
            tests = [ast.Compare(left=_call(self.helper("type"), [_load(b.pyname)]),
                                 ops=[ast.Is()], comparators=[self.helper("int")]) for b in hot]
            test = tests[0] if len(tests) == 1 else ast.BoolOp(op=ast.And(), values=tests)
            prefix = [st for st in body[:2] if isinstance(st, ast.Global) or (
                fn.varargs and isinstance(st, ast.Assign)
                and getattr(st.targets[0], "id", None) == fn.params[-1].binding.pyname)]
            generic = body[len(prefix):]
            body = prefix + [self.at(ast.If(test=test, body=fast, orelse=generic), fn.span)]
        if self.fn.tail_used or tail_used:
            # Self tail calls jump back here instead of growing the Python stack.
            prefix = [st for st in body[:1] if isinstance(st, ast.Global)]
            loop_body = body[len(prefix):] + [ast.Return(value=None)]
            body = prefix + [self.at(ast.While(test=_const(True), body=loop_body, orelse=[]),
                                     fn.span)]
        self.fn = outer
        node = ast.FunctionDef(name=pyname, args=self.arguments(fn.params, fn.varargs),
                               body=body, decorator_list=[], returns=None, type_comment=None)
        return self.at(node, fn.span)

    def golo_params(self, params, pyname: str):
        """`pyname._golo_params = (...)` when Python had to rename a parameter (named
        arguments then still work: the runtime maps Golo names to positions), else None."""
        if all(p.binding.pyname == p.name for p in params):
            return None
        return ast.Assign(targets=[ast.Attribute(value=_load(pyname), attr="_golo_params",
                                                 ctx=ast.Store())],
                          value=_const(tuple(p.name for p in params)))

    def closure(self, c: n.Closure) -> ast.expr:
        info = c.info
        captures = [cap.pyname for cap in info.captures.values()]
        params_note = self.golo_params(c.params, "_closure")
        # A capture holds the value its outer binding had: an int if that only holds ints.
        seeds = frozenset(cap for b, cap in info.captures.items() if b in self.fn.ints)
        if c.compact and not c.varargs and c.self_name is None and params_note is None:
            outer = self.fn
            self.fn = _Fn(info, ints=seeds)
            body = self.expr(c.body)
            self.fn = outer
            return self.at(ast.Lambda(args=self.arguments(c.params, False, captures), body=body),
                           c.span)
        ident = self.next_id()
        name = c.info.self_binding.pyname if c.self_name is not None else f"_closure__{ident}"
        outer = self.fn
        self.fn = _Fn(info, ints=integral_locals(c.body, c.compact, seeds))
        self.fn.structs = struct_locals(c.body, c.compact)
        self.fn.strings = string_locals(c.body, c.compact)
        body = self.body_stmts(c.params, c.varargs, c.body, c.compact, info)
        self.fn = outer
        inner = self.at(ast.FunctionDef(name=name, args=self.arguments(c.params, c.varargs),
                                        body=body, decorator_list=[], returns=None,
                                        type_comment=None), c.span)
        note = [] if params_note is None else [self.golo_params(c.params, name)]
        if not captures and c.self_name is None:
            self.factories.append(inner)
            self.factories.extend(note)
            return self.at(_load(name), c.span)
        factory = f"_mk__{ident}"
        self.factories.append(self.at(ast.FunctionDef(
            name=factory,
            args=ast.arguments(posonlyargs=[], args=[ast.arg(arg=a) for a in captures],
                               vararg=None, kwonlyargs=[], kw_defaults=[], kwarg=None,
                               defaults=[]),
            body=[inner, *note, ast.Return(value=_load(name))], decorator_list=[], returns=None,
            type_comment=None), c.span))
        return self.at(_call(factory, [_load(a) for a in captures]), c.span)

    # -- statements ---------------------------------------------------------------------------

    def block(self, block: n.Block) -> list:
        out = []
        for s in block.stmts:
            out.extend(self.stmt(s))
        return out

    def suite(self, block: n.Block) -> list:
        return self.block(block) or [self.at(ast.Pass(), block.span)]

    def stmt(self, s) -> list:
        t = type(s)
        method = getattr(self, "stmt_" + t.__name__)
        result = method(s)
        for node in result:
            if not hasattr(node, "lineno"):
                self.at(node, s.span)
        return result

    def stmt_ExprStmt(self, s):
        if isinstance(s.expr, n.MethodCall):
            return [ast.Expr(value=self.at(self.expr_MethodCall(s.expr, discard=True),
                                           s.expr.span))]
        return [ast.Expr(value=self.expr(s.expr))]

    def destructure_targets(self, names, rest, value, span) -> list:
        targets = [_store(p.binding.pyname) if p.binding is not None else _store("_")
                   for p in names]
        call = _call(self.helper("destructure"), [value, _const(len(names)), _const(rest)])
        return [self.at(ast.Assign(targets=[ast.Tuple(elts=targets, ctx=ast.Store())],
                                   value=call), span)]

    def stmt_Let(self, s):
        value = self.expr(s.value)
        if len(s.names) == 1 and not s.rest:
            binding = s.names[0].binding
            stmts = [_assign(binding.pyname, value)]
            if binding.kind == "let" and self.fn.structs.get(binding) == "map":
                # The map's own C store, bound once (calling `dict.__setitem__` unbound
                # costs more than twice as much): `m: put(k, v)` statements use it.
                setter = self.fn.temp()
                self.fn.map_setters[binding] = setter
                stmts.append(_assign(setter, _call(self.helper("dict_setter"),
                                                   [_load(binding.pyname)])))
            return stmts
        return self.destructure_targets(s.names, s.rest, value, s.span)

    def target_name(self, target: n.Name) -> str:
        return target.binding.pyname

    def stmt_Assign(self, s):
        if len(s.targets) == 1 and not s.rest:
            appended = self.string_append(s.targets[0], s.value)
            if appended is not None:
                return appended
        value = self.expr(s.value)
        if len(s.targets) == 1 and not s.rest:
            return [_assign(self.target_name(s.targets[0]), value)]
        targets = [_store(self.target_name(t)) for t in s.targets]
        call = _call(self.helper("destructure"), [value, _const(len(targets)), _const(s.rest)])
        return [ast.Assign(targets=[ast.Tuple(elts=targets, ctx=ast.Store())], value=call)]

    def string_append(self, target, value):
        """`s = s + e1 + ... + ek` while `s` holds a string: `s = s + (str1 + ... + strk)`,
        which CPython extends in place (linear time) instead of copying `s` k times. The
        renderings are what `+` on a string appends, made in the same order; `s` is assigned
        once, at the end, as before. Otherwise the general code. Used where `s` looks like
        a string builder (assigned a string literal, or a string literal among the `ei`)."""
        binding = target.binding
        if binding is None or binding in self.fn.ints:
            return None
        pieces = []
        node = value
        while isinstance(node, n.Binary) and node.op == "+":
            pieces.append(node.right)
            node = node.left
        if not pieces or not (isinstance(node, n.Name) and node.binding is binding):
            return None
        if binding not in self.fn.strings and not any(_string_literal(p) for p in pieces):
            return None     # likely a number: keep the numeric fast path first
        name = self.target_name(target)
        parts = []
        for piece in reversed(pieces):
            if _string_literal(piece):
                parts.append(_const(piece.value))
            elif is_integral(piece, self.fn.ints, self.fn.integral):
                parts.append(_call(self.helper("str"), [self.expr(piece)]))
            else:
                parts.append(_call(self.helper("render"), [self.expr(piece)]))
        suffix = parts[0]
        for part in parts[1:]:
            suffix = ast.BinOp(left=suffix, op=ast.Add(), right=part)
        test = ast.Compare(left=_call(self.helper("type"), [_load(name)]), ops=[ast.Is()],
                           comparators=[self.helper("str")])
        fast = ast.Assign(targets=[_store(name)],
                          value=ast.BinOp(left=_load(name), op=ast.Add(), right=suffix))
        return [ast.If(test=test, body=[fast], orelse=[_assign(name, self.expr(value))])]

    def stmt_Return(self, s):
        if s.value is None:
            return [ast.Return(value=None)]
        return self.return_stmts(s.value)

    def is_self_tail_call(self, e) -> bool:
        tail = self.fn.tail
        return (tail is not None and not self.fn.for_steps and self.fn.try_depth == 0
                and isinstance(e, n.Call) and e.binding is None and not e.banged
                and e.target is not None and e.target.kind == "direct"
                and e.target.pyname == tail[0] and len(e.args) == len(tail[1])
                and not (e.args and e.args[0].name is not None))

    def has_self_tail_call(self, e) -> bool:
        if isinstance(e, n.MatchExpr):
            return any(self.has_self_tail_call(v) for _, v in e.branches) \
                or self.has_self_tail_call(e.otherwise)
        return self.is_self_tail_call(e)

    def return_stmts(self, value) -> list:
        """`return value`; a self tail call becomes parameter rebinding + `continue` of the
        loop wrapping the function body (tail-call optimisation, language.md §6.5)."""
        if self.is_self_tail_call(value):
            self.note_call(value.span)
            self.fn.tail_used = True
            params = self.fn.tail[1]
            args = self.call_args(value.args)
            if not params:
                return [ast.Continue()]
            return [self.at(ast.Assign(targets=[ast.Tuple(elts=[_store(p) for p in params],
                                                          ctx=ast.Store())],
                                       value=ast.Tuple(elts=args, ctx=ast.Load())), value.span),
                    self.at(ast.Continue(), value.span)]
        if isinstance(value, n.MatchExpr) and self.has_self_tail_call(value):
            chain = self.return_stmts(value.otherwise)
            for cond, branch in reversed(value.branches):
                chain = [self.at(ast.If(test=self.cond(cond), body=self.return_stmts(branch),
                                        orelse=chain), cond.span)]
            return chain
        return [self.at(ast.Return(value=self.expr(value)), value.span)]

    def stmt_If(self, s):
        orelse = []
        if isinstance(s.orelse, n.If):
            orelse = self.stmt(s.orelse)
        elif s.orelse is not None:
            orelse = self.suite(s.orelse)
        return [ast.If(test=self.cond(s.cond), body=self.suite(s.then), orelse=orelse)]

    def stmt_While(self, s):
        self.fn.for_steps.append(None)
        body = self.suite(s.body)
        self.fn.for_steps.pop()
        return [ast.While(test=self.cond(s.cond), body=body, orelse=[])]

    def stmt_For(self, s):
        init = self.stmt(s.init)
        step = self.stmt(s.step)
        self.fn.for_steps.append(step)
        body = self.block(s.body)
        self.fn.for_steps.pop()
        loop = self.at(ast.While(test=self.cond(s.cond), body=body + step, orelse=[]), s.span)
        return init + [loop]

    def loop_header(self, clause: n.ForClause):
        """(target, prelude statements) for a foreach / comprehension clause."""
        if len(clause.names) == 1 and not clause.rest:
            return _store(clause.names[0].binding.pyname), []
        tmp = self.fn.temp()
        return _store(tmp), self.destructure_targets(clause.names, clause.rest, _load(tmp),
                                                     clause.span)

    def stmt_Foreach(self, s):
        if _pairs_only(s):
            return self.entry_pairs_loop(s)
        return self.foreach(s)

    def entry_pairs_loop(self, s):
        """`foreach e in m: entrySet() { ... e: getKey() ... e: getValue() ... }` where `e`
        is only asked for its key and value: on a map (whose native entrySet() no
        augmentation can shadow) the loop walks (key, value) pairs and builds no entries;
        on anything else, the general loop."""
        clause = s.clause
        owner = self.fn.temp()
        key, value = self.fn.temp(), self.fn.temp()
        receiver = self.at(ast.Assign(targets=[_store(owner)],
                                      value=self.expr(clause.iterable.receiver)), s.span)
        binding = clause.names[0].binding
        self.fn.entry_vars[binding] = (key, value)
        pairs = self.foreach(s, iterable=_call(
            ast.Attribute(value=self.helper("GoloMap"), attr="key_value_pairs", ctx=ast.Load()),
            [_load(owner)]), target=ast.Tuple(elts=[_store(key), _store(value)],
                                              ctx=ast.Store()))
        del self.fn.entry_vars[binding]
        entries = self.foreach(s, iterable=_call(self.helper("iterate"), [_call(
            self.helper("invoke0"), [_load("_ctx"), _load(owner), _const("entrySet")])]))
        test = ast.Compare(left=_call(self.helper("type"), [_load(owner)]), ops=[ast.Is()],
                           comparators=[self.helper("GoloMap")])
        return [receiver, self.at(ast.If(test=test, body=pairs, orelse=entries), s.span)]

    def foreach(self, s, iterable=None, target=None):
        clause = s.clause
        if iterable is not None:
            prelude = []
            if target is None:
                target, prelude = self.loop_header(clause)
            return self._foreach(s, iterable, target, prelude)
        iterable = self.int_range(clause.iterable)
        if iterable is None:
            iterable = _call(self.helper("iterate"), [self.expr(clause.iterable)])
        target, prelude = self.loop_header(clause)
        return self._foreach(s, iterable, target, prelude)

    def _foreach(self, s, iterable, target, prelude):
        clause = s.clause
        self.fn.for_steps.append(None)
        body = prelude
        if clause.guard is not None:
            body.append(self.at(ast.If(test=ast.UnaryOp(op=ast.Not(), operand=self.cond(clause.guard)),
                                       body=[ast.Continue()], orelse=[]), clause.guard.span))
        body.extend(self.block(s.body))
        self.fn.for_steps.pop()
        return [ast.For(target=target, iter=iterable, body=body or [ast.Pass()], orelse=[],
                        type_comment=None)]

    def int_range(self, e):
        """Python's `range(a, b)` for the predefined `range(a, b)` / `range(b)` on statically
        int bounds (the Range it would build iterates exactly that), else None."""
        if not (isinstance(e, n.Call) and e.binding is None and e.target is not None
                and e.target.kind == "predefined" and e.target.name == "range"
                and not e.banged and 1 <= len(e.args) <= 2
                and all(a.name is None and is_integral(a.value, self.fn.ints, self.fn.integral)
                        for a in e.args)):
            return None
        self.note_call(e.span)
        return self.at(_call(self.helper("range"), self.call_args(e.args)), e.span)

    def stmt_Break(self, s):
        return [ast.Break()]

    def stmt_Continue(self, s):
        step = self.fn.for_steps[-1] if self.fn.for_steps else None
        if step:
            # `continue` in a C-style for loop still runs the step.
            return [*self.stmt_copy(step), ast.Continue()]
        return [ast.Continue()]

    def stmt_copy(self, stmts):
        return [copy.deepcopy(st) for st in stmts]

    def stmt_Case(self, s):
        orelse = self.suite(s.otherwise)
        for cond, block in reversed(s.branches):
            node = self.at(ast.If(test=self.cond(cond), body=self.suite(block), orelse=orelse),
                           cond.span)
            orelse = [node]
        return orelse

    def stmt_Try(self, s):
        self.fn.try_depth += 1
        try:
            return self.try_stmt(s)
        finally:
            self.fn.try_depth -= 1

    def try_stmt(self, s):
        body = self.suite(s.body)
        handlers = []
        if s.catch_body is not None:
            exc = f"_e{self.next_id()}"
            catch = self.at(ast.Assign(targets=[_store(s.catch_name.binding.pyname)],
                                       value=_call(self.helper("catch"), [_load(exc)])),
                            s.catch_name.span)
            handlers.append(self.at(ast.ExceptHandler(type=_load("BaseException"), name=exc,
                                                      body=[catch] + self.block(s.catch_body)),
                                    s.catch_name.span))
        final = self.suite(s.finally_body) if s.finally_body is not None else []
        return [ast.Try(body=body, handlers=handlers, orelse=[], finalbody=final)]

    def stmt_Throw(self, s):
        self.note_call(s.span)
        return [ast.Raise(exc=_call(self.helper("to_throwable"), [self.expr(s.value)]),
                          cause=None)]

    # -- expressions --------------------------------------------------------------------------

    def cond(self, e) -> ast.expr:
        """A Golo condition as a Python test (no `_cond` when statically Boolean)."""
        value = self.expr(e)
        if is_boolean(e):
            return value
        return self.at(_call(self.helper("cond"), [value]), e.span)

    def expr(self, e) -> ast.expr:
        method = getattr(self, "expr_" + type(e).__name__)
        node = method(e)
        if not hasattr(node, "lineno"):
            self.at(node, e.span)
        return node

    def expr_Literal(self, e):
        if e.kind == "char":
            key = ("char", e.value)
            name = self.const_names.get(key)
            if name is None:
                name = f"_c{len(self.const_names) + 1}"
                self.const_names[key] = name
                self.constants.append(ast.Assign(
                    targets=[_store(name)],
                    value=_call(self.helper("Char"), [_const(e.value)])))
            return _load(name)
        return _const(e.value)

    def expr_Name(self, e):
        return _load(e.binding.pyname)

    def expr_ClassLit(self, e):
        return _call(self.helper("type_ref"), [_load("_ctx"), _const(e.name)])

    def expr_Unary(self, e):
        if e.op == "not":
            if is_boolean(e.operand):
                return ast.UnaryOp(op=ast.Not(), operand=self.expr(e.operand))
            return _call(self.helper("not_"), [self.expr(e.operand)])
        return _call(self.helper("neg"), [self.expr(e.operand)])

    def temp_bind(self, value: ast.expr) -> tuple[ast.expr, ast.expr]:
        """(first use, later uses) of a value evaluated once: a walrus temp when possible."""
        if _is_simple(value):
            return value, value
        if not self.fn.walrus_ok:
            return None, None
        name = self.fn.temp()
        return ast.NamedExpr(target=_store(name), value=value), _load(name)

    def expr_Binary(self, e):
        op = e.op
        if op == "and" or op == "or":
            return ast.BoolOp(op=ast.And() if op == "and" else ast.Or(),
                              values=[self.cond(e.left), self.cond(e.right)])
        if op == "orIfNull":
            if isinstance(e.left, n.Literal):
                return self.expr(e.right) if e.left.kind == "null" else self.expr(e.left)
            left = self.expr(e.left)
            right = self.expr(e.right)
            first, again = self.temp_bind(left)
            if first is None:
                arg = "_v"
                return _call(ast.Lambda(args=ast.arguments(
                    posonlyargs=[], args=[ast.arg(arg=arg)], vararg=None, kwonlyargs=[],
                    kw_defaults=[], kwarg=None, defaults=[]),
                    body=ast.IfExp(test=ast.Compare(left=_load(arg), ops=[ast.IsNot()],
                                                    comparators=[_const(None)]),
                                   body=_load(arg), orelse=right)), [left])
            return ast.IfExp(test=ast.Compare(left=first, ops=[ast.IsNot()],
                                              comparators=[_const(None)]),
                             body=again, orelse=right)
        if op == "oftype":
            return _call(self.helper("oftype"), [self.expr(e.left), self.expr(e.right)])
        left = self.expr(e.left)
        right = self.expr(e.right)
        if op in _COMPARE:
            return self.compare(op, e, left, right)
        if op in _ARITH:
            return self.arith(op, e, left, right)
        return self.division(op, e, left, right)

    def division(self, op, e, left, right):
        """`/` and `%`: Python's `//` and `%` agree with Golo's truncating ones when both
        operands are ints, the dividend >= 0 and the divisor > 0; otherwise the helper."""
        slow = self.helper(_HELPER_OF[op])
        pyop = ast.FloorDiv() if op == "/" else ast.Mod()
        lfirst, lagain = self.temp_bind(left)
        if lfirst is None:
            return _call(slow, [left, right])
        is_int = self.helper("int")
        if is_integral(e.left, self.fn.ints, self.fn.integral) \
                and is_integral(e.right, self.fn.ints, self.fn.integral):
            if isinstance(e.right, n.Literal) and e.right.value > 0:
                if _non_negative(e.left):
                    return ast.BinOp(left=left, op=pyop, right=right)
                # A positive literal divisor: only the dividend's sign is left to test.
                test = ast.Compare(left=lfirst, ops=[ast.GtE()], comparators=[_const(0)])
                return _fast_path(test, ast.BinOp(left=lagain, op=pyop, right=right),
                                  _call(slow, [lagain, right]))
            rfirst, ragain = self.temp_bind(right)
            if rfirst is None:
                return _call(slow, [left, right])
            # `&`, not a chained comparison: both operands (and their temps) are always
            # evaluated, left first.
            test = ast.BinOp(left=ast.Compare(left=lfirst, ops=[ast.GtE()], comparators=[_const(0)]),
                             op=ast.BitAnd(),
                             right=ast.Compare(left=rfirst, ops=[ast.Gt()], comparators=[_const(0)]))
            return _fast_path(test, ast.BinOp(left=lagain, op=pyop, right=ragain),
                              _call(slow, [lagain, ragain]))
        if isinstance(e.right, n.Literal) and e.right.kind == "int" and e.right.value > 0:
            test = ast.BoolOp(op=ast.And(), values=[
                ast.Compare(left=_call(self.helper("type"), [lfirst]), ops=[ast.Is()],
                            comparators=[is_int]),
                ast.Compare(left=lagain, ops=[ast.GtE()], comparators=[_const(0)])])
            return _fast_path(test, ast.BinOp(left=lagain, op=pyop, right=right),
                              _call(slow, [lagain, right]))
        rfirst, ragain = self.temp_bind(right)
        if rfirst is None:
            return _call(slow, [left, right])
        test = ast.BoolOp(op=ast.And(), values=[
            ast.Compare(left=_call(self.helper("type"), [lfirst]), ops=[ast.Is(), ast.Is()],
                        comparators=[_call(self.helper("type"), [rfirst]), is_int]),
            ast.Compare(left=lagain, ops=[ast.GtE(), ast.Lt()],
                        comparators=[_const(0), ragain])])
        return _fast_path(test, ast.BinOp(left=lagain, op=pyop, right=ragain),
                          _call(slow, [lagain, ragain]))

    def compare(self, op, e, left, right):
        """Comparisons: Python's operator where it has Golo's meaning, else the helper.

        Python happily orders lists, sets (subset!) and booleans, and says `True == 1`;
        Golo does not. So the raw operator is used when both sides are known ints, when one
        side is a string literal (`==`/`!=`), or behind a check that both operands have the
        same type among int, float and str."""
        pyop = _COMPARE[op]()
        if op in ("is", "isnt"):
            return ast.Compare(left=left, ops=[pyop], comparators=[right])
        if op in ("==", "!="):
            if _null_literal(e.left) or _null_literal(e.right):
                return ast.Compare(left=left, ops=[ast.Is() if op == "==" else ast.IsNot()],
                                   comparators=[right])
            if _string_literal(e.left) or _string_literal(e.right):
                return ast.Compare(left=left, ops=[pyop], comparators=[right])
        ints, memo = self.fn.ints, self.fn.integral
        if is_integral(e.left, ints, memo) and is_integral(e.right, ints, memo):
            return ast.Compare(left=left, ops=[pyop], comparators=[right])
        helper = self.helper({"<": "lt", "<=": "le", ">": "gt", ">=": "ge", "==": "eq",
                              "!=": "ne"}[op])
        lit = e.right if _num_literal(e.right) else (e.left if _num_literal(e.left) else None)
        if lit is not None:
            other = left if lit is e.right else right
            first, again = self.temp_bind(other)
            if first is None:
                return _call(helper, [left, right])
            if lit.kind == "int":
                test = ast.Compare(left=_call(self.helper("type"), [first]), ops=[ast.Is()],
                                   comparators=[self.helper("int")])
            else:
                test = ast.Compare(left=_call(self.helper("type"), [first]), ops=[ast.In()],
                                   comparators=[self.helper("NUM")])
            if lit is e.right:
                fast = ast.Compare(left=again, ops=[pyop], comparators=[right])
                slow = _call(helper, [again, right])
            else:
                fast = ast.Compare(left=left, ops=[pyop], comparators=[again])
                slow = _call(helper, [left, again])
            return ast.IfExp(test=test, body=fast, orelse=slow)
        lfirst, lagain = self.temp_bind(left)
        rfirst, ragain = self.temp_bind(right)
        if lfirst is None or rfirst is None:
            return _call(helper, [left, right])
        test = ast.Compare(left=_call(self.helper("type"), [lfirst]), ops=[ast.Is(), ast.In()],
                           comparators=[_call(self.helper("type"), [rfirst]),
                                        self.helper("ADDABLE")])
        return ast.IfExp(test=test, body=ast.Compare(left=lagain, ops=[pyop], comparators=[ragain]),
                         orelse=_call(helper, [lagain, ragain]))

    def arith(self, op, e, left, right):
        """`+ - *` with an inline fast path for ints (and floats/strings where equal)."""
        slow = self.helper(_HELPER_OF[op])
        pyop = _ARITH[op]
        lnum = _num_literal(e.left)
        rnum = _num_literal(e.right)
        if (lnum and rnum) or (is_integral(e.left, self.fn.ints, self.fn.integral)
                               and is_integral(e.right, self.fn.ints, self.fn.integral)):
            return ast.BinOp(left=left, op=pyop(), right=right)
        lit = e.right if isinstance(e.right, n.Literal) else (
            e.left if isinstance(e.left, n.Literal) else None)
        int_name = None
        if lit is None:
            # A name known to hold an int (a capture, say): only the other side's type is
            # left to test; int with int or float is Python's arithmetic too.
            for side in (e.right, e.left):
                if isinstance(side, n.Name) and side.binding in self.fn.ints:
                    int_name = lit = side
                    break
        if lit is not None and (int_name is not None
                                or op == "+" and lit.kind in ("int", "float", "string")
                                or lit.kind in ("int", "float")):
            other = left if lit is e.right else right
            first, again = self.temp_bind(other)
            if first is None:
                return _call(slow, [left, right])
            check = "NUM" if int_name is not None else \
                {"int": "int", "float": "NUM", "string": "str"}[lit.kind]
            test = ast.Compare(left=_call(self.helper("type"), [first]),
                               ops=[ast.Is() if check != "NUM" else ast.In()],
                               comparators=[self.helper(check)])
            if lit is e.right:
                fast = ast.BinOp(left=again, op=pyop(), right=right)
                slow_call = _call(slow, [again, right])
            else:
                fast = ast.BinOp(left=left, op=pyop(), right=again)
                slow_call = _call(slow, [left, again])
            return _fast_path(test, fast, slow_call)
        kinds = self.helper("ADDABLE" if op == "+" else "NUM")
        if isinstance(e.left, n.Name) and isinstance(e.right, n.Name) \
                and e.left.binding is e.right.binding:
            # `x * x`: one operand, so one type to test.
            test = ast.Compare(left=_call(self.helper("type"), [left]), ops=[ast.In()],
                               comparators=[kinds])
            return _fast_path(test, ast.BinOp(left=left, op=pyop(), right=right),
                              _call(slow, [left, right]))
        lfirst, lagain = self.temp_bind(left)
        rfirst, ragain = self.temp_bind(right)
        if lfirst is None or rfirst is None:
            return _call(slow, [left, right])
        test = ast.Compare(left=_call(self.helper("type"), [lfirst]), ops=[ast.Is(), ast.In()],
                           comparators=[_call(self.helper("type"), [rfirst]), kinds])
        return _fast_path(test, ast.BinOp(left=lagain, op=pyop(), right=ragain),
                          _call(slow, [lagain, ragain]))

    def call_args(self, args) -> list:
        return [self.expr(a.value) for a in args]

    def named_dict(self, args) -> ast.Dict:
        return ast.Dict(keys=[_const(a.name) for a in args],
                        values=[self.expr(a.value) for a in args])

    def expr_Call(self, e):
        self.note_call(e.span)
        if e.banged:
            # f!(args): the first result is kept in a per-call-site cell.
            cell = f"_bang__{self.next_id()}"
            if not self.bang_cells:
                self.constants.insert(0, ast.parse(
                    "def _bang_store(cell, value):\n    cell.append(value)\n    return value\n"
                ).body[0])
            self.bang_cells.append(cell)
            self.constants.append(ast.Assign(targets=[_store(cell)],
                                             value=ast.List(elts=[], ctx=ast.Load())))
            e.banged = False
            value = self.expr_Call(e)
            e.banged = True
            return ast.IfExp(test=_load(cell),
                             body=ast.Subscript(value=_load(cell), slice=_const(0),
                                                ctx=ast.Load()),
                             orelse=_call("_bang_store", [_load(cell), value]))
        named = bool(e.args) and e.args[0].name is not None
        if e.binding is not None:
            func = _load(e.binding.pyname)
            if named:
                return _call(self.helper("call_value_named"), [func, self.named_dict(e.args)])
            return _call(func, self.call_args(e.args))
        target = e.target
        if target.kind == "direct":
            if named:
                by_name = {a.name: a for a in e.args}
                args = [self.expr(by_name[p].value) for p in target.params]
                if target.varargs:
                    spread = ast.Starred(value=_call(self.helper("varargs"), [args.pop()]),
                                         ctx=ast.Load())
                    args.append(spread)
                return _call(target.pyname, args)
            return _call(target.pyname, self.call_args(e.args))
        if target.kind == "struct":
            return _call(target.pyname, self.call_args(e.args))
        if named:
            return _call(self.helper("call_named"),
                         [_load("_ctx"), _const(target.name), self.named_dict(e.args)])
        if target.kind == "predefined":
            return _call(target.pyname, self.call_args(e.args))
        return _call(self.helper("call"), [_load("_ctx"), _const(target.name)]
                     + self.call_args(e.args))

    def expr_CallValue(self, e):
        self.note_call(e.span)
        callee = self.expr(e.callee)
        if e.args and e.args[0].name is not None:
            return _call(self.helper("call_value_named"), [callee, self.named_dict(e.args)])
        return _call(callee, self.call_args(e.args))

    def expr_MethodCall(self, e, discard: bool = False):
        self.note_call(e.span)
        owners = self.member_owners.get(e.name)
        known = self.fn.structs.get(getattr(e.receiver, "binding", None)) \
            if isinstance(e.receiver, n.Name) else None
        if not e.args and not e.safe and owners is not None and known in owners:
            # A local that only ever holds this struct: its accessor is the slot.
            return ast.Attribute(value=self.expr(e.receiver), attr=e.name, ctx=ast.Load())
        if not e.args and not e.safe and owners is not None and len(owners) == 1:
            # `p: x()` on this module's struct: read the slot directly (struct accessors
            # always win over augmentations).
            recv = self.expr(e.receiver)
            first, again = self.temp_bind(recv)
            if first is not None:
                test = ast.Compare(left=_call(self.helper("type"), [first]), ops=[ast.Is()],
                                   comparators=[_load(owners[0])])
                return ast.IfExp(test=test,
                                 body=ast.Attribute(value=again, attr=e.name, ctx=ast.Load()),
                                 orelse=_call(self.helper("invoke0"),
                                              [_load("_ctx"), again, _const(e.name)]))
            return _call(self.helper("invoke0"), [_load("_ctx"), recv, _const(e.name)])
        if discard and known == "list" and e.name == "add" and len(e.args) == 1:
            # A statement `l: add(x)` on a local that only holds lists: the native `add`
            # (no augmentation can shadow it) is Python's append; its `true` is unused.
            return _call(ast.Attribute(value=self.expr(e.receiver), attr="append",
                                       ctx=ast.Load()), self.call_args(e.args))
        if discard and known == "map" and e.name == "put" and len(e.args) == 2:
            # A statement `m: put(k, v)` on a local that only holds maps: the native `put`
            # stores through the dict's own `__setitem__` unless the key is a Boolean (kept
            # apart from 1 and 0 by the map's `wrap_key`).
            recv = self.expr(e.receiver)
            key, value = self.call_args(e.args)
            first, again = self.temp_bind(key)
            if first is not None:
                test = ast.Compare(left=_call(self.helper("type"), [first]), ops=[ast.IsNot()],
                                   comparators=[self.helper("bool")])
                setter = self.fn.map_setters.get(e.receiver.binding)

                def store(recv, key, value):
                    if setter is not None:
                        return _call(_load(setter), [key, value])
                    return _call(self.helper("dict_setitem"), [recv, key, value])
                general = ast.IfExp(test=test, body=store(recv, again, value),
                                    orelse=_call(self.helper("invoke2"),
                                                 [_load("_ctx"), copy.deepcopy(recv),
                                                  _const(e.name), again,
                                                  copy.deepcopy(value)]))
                name = e.args[0].value
                if not (isinstance(name, n.Name) and name.binding not in self.fn.ints
                        and _inert(e.args[1].value)):
                    return general
                # `m: put(x, f(x))` with `x` a name: one test that `x` is an int makes the
                # key no Boolean and lets the value use x's int fast paths.
                saved = self.fn.ints, self.fn.integral
                self.fn.ints, self.fn.integral = saved[0] | {name.binding}, {}
                int_value = self.expr(e.args[1].value)
                self.fn.ints, self.fn.integral = saved
                key_name = _load(name.binding.pyname)
                int_test = ast.Compare(left=_call(self.helper("type"), [key_name]),
                                       ops=[ast.Is()], comparators=[self.helper("int")])
                return ast.IfExp(test=int_test,
                                 body=store(copy.deepcopy(recv), _load(name.binding.pyname),
                                            int_value),
                                 orelse=general)
        slot = _ENTRY_ACCESSORS.get(e.name) if not e.args and not e.safe else None
        if slot is not None and isinstance(e.receiver, n.Name) \
                and e.receiver.binding in self.fn.entry_vars:
            key, value = self.fn.entry_vars[e.receiver.binding]
            return _load(key if slot == "key" else value)
        if slot is not None:
            # A map entry's `getKey()`/`getValue()` (native: no augmentation can shadow
            # them) read its slot; `foreach e in m: entrySet()` calls them per entry.
            recv = self.expr(e.receiver)
            first, again = self.temp_bind(recv)
            if first is not None:
                test = ast.Compare(left=_call(self.helper("type"), [first]), ops=[ast.Is()],
                                   comparators=[self.helper("MapEntry")])
                return ast.IfExp(test=test,
                                 body=ast.Attribute(value=again, attr=slot, ctx=ast.Load()),
                                 orelse=_call(self.helper("invoke0"),
                                              [_load("_ctx"), again, _const(e.name)]))
        if e.safe:
            return _call(self.helper("invoke_safe"),
                         [_load("_ctx"), self.expr(e.receiver), _const(e.name)]
                         + self.call_args(e.args))
        return self.site_call(e, discard)

    def site_call(self, e, discard: bool):
        """`recv: name(args)` through this call site's own cache (`_rt.call_site`):
        `_c[1](recv, args) if type(recv) is _c[0] else _site(recv, args)`, the hit costing a
        type test and a direct call of the method (a C one where the runtime has it)."""
        site = f"_{py_identifier(e.name)}__m{self.next_id()}"
        # A statement `m: put(k, v)`: a map's `put` may run as the dict's `__setitem__`
        # (C) when the key is no Boolean, which the inline test then checks.
        plain_key = discard and e.name == "put" and len(e.args) == 2
        keywords = [ast.keyword(arg="discard", value=_const(True))] if discard else []
        if plain_key:
            keywords.append(ast.keyword(arg="plain_key", value=_const(True)))
        self.constants.append(ast.Assign(targets=[_store(site)], value=_call(
            ast.Attribute(value=_load("_rt"), attr="call_site", ctx=ast.Load()),
            [_load("_ctx"), _const(e.name), _const(len(e.args))], keywords)))
        recv = self.expr(e.receiver)
        args = self.call_args(e.args)
        # Inline only when the arguments cannot run a registration (which empties the cache)
        # after the cached method was read: the method is fetched before they are evaluated.
        first = None
        if all(_inert(a.value) for a in e.args):
            first, again = self.temp_bind(recv)
        if first is None:
            return _call(_load(site), [recv] + args)
        cache = site + "_c"
        self.constants.append(ast.Assign(targets=[_store(cache)], value=ast.Attribute(
            value=_load(site), attr="cache", ctx=ast.Load())))
        test = ast.Compare(left=_call(self.helper("type"), [first]), ops=[ast.Is()],
                           comparators=[ast.Subscript(value=_load(cache), slice=_const(0),
                                                      ctx=ast.Load())])
        if plain_key:
            key_first, key_again = self.temp_bind(args[0])
            if key_first is None:
                return _call(_load(site), [again] + args)
            # `&`, not `and`: the key is evaluated (once, after the receiver) either way.
            test = ast.BinOp(left=test, op=ast.BitAnd(), right=ast.Compare(
                left=_call(self.helper("type"), [key_first]), ops=[ast.IsNot()],
                comparators=[self.helper("bool")]))
            args = [key_again] + args[1:]
        hit = _call(ast.Subscript(value=_load(cache), slice=_const(1), ctx=ast.Load()),
                    [again] + args)
        return ast.IfExp(test=test, body=hit,
                         orelse=_call(_load(site), [again] + copy.deepcopy(args)))

    def expr_Closure(self, e):
        return self.closure(e)

    def expr_Collection(self, e):
        items = [self.expr(item) for item in e.items]
        if e.kind == "map":
            return _call(self.helper("map_literal"), [ast.List(elts=items, ctx=ast.Load())])
        ctor = self.helper(_COLLECTION_CTOR[e.kind])
        if e.kind == "tuple":
            return _call(ctor, [ast.Tuple(elts=items, ctx=ast.Load())])
        return _call(ctor, [ast.List(elts=items, ctx=ast.Load())])

    def expr_Comprehension(self, e):
        generators = []
        for clause in e.clauses:
            saved = self.fn.walrus_ok
            self.fn.walrus_ok = False
            iterable = _call(self.helper("iterate"), [self.expr(clause.iterable)])
            self.fn.walrus_ok = saved
            ifs = []
            if len(clause.names) == 1 and not clause.rest:
                target = _store(clause.names[0].binding.pyname)
                generators.append(ast.comprehension(target=target, iter=iterable, ifs=ifs,
                                                    is_async=0))
            else:
                tmp = f"_d{self.next_id()}"
                generators.append(ast.comprehension(target=_store(tmp), iter=iterable, ifs=[],
                                                    is_async=0))
                targets = [_store(p.binding.pyname) if p.binding is not None else _store("_")
                           for p in clause.names]
                unpack = _call(self.helper("destructure"),
                               [_load(tmp), _const(len(clause.names)), _const(clause.rest)])
                generators.append(ast.comprehension(
                    target=ast.Tuple(elts=targets, ctx=ast.Store()),
                    iter=ast.Tuple(elts=[unpack], ctx=ast.Load()), ifs=ifs, is_async=0))
            if clause.guard is not None:
                ifs.append(self.cond(clause.guard))
        saved = self.fn.walrus_ok
        self.fn.walrus_ok = False
        element = self.expr(e.element)
        self.fn.walrus_ok = saved
        comp = ast.ListComp(elt=element, generators=generators)
        if e.kind == "map":
            return _call(self.helper("map_literal"), [comp])
        return _call(self.helper(_COLLECTION_CTOR[e.kind]), [comp])

    def expr_RangeLit(self, e):
        stop = self.expr(e.stop)
        if isinstance(e.stop, n.Literal) and e.stop.kind == "int":
            stop_plus = _const(e.stop.value + 1)
        else:
            stop_plus = _call(self.helper("add"), [stop, _const(1)])
        return _call(self.helper("Range"), [self.expr(e.start), stop_plus])

    def expr_MatchExpr(self, e):
        result = self.expr(e.otherwise)
        for cond, value in reversed(e.branches):
            result = ast.IfExp(test=self.cond(cond), body=self.expr(value), orelse=result)
        return result

    def expr_FunRef(self, e):
        target = e.target
        if target.kind == "direct":
            return _load(target.pyname)
        return _call(self.helper("funref"), [_load("_ctx"), _const(target.name),
                                             _const(e.arity), _const(e.varargs)])

    def expr_WithExpr(self, e):
        # (lambda a: (lambda b: body)(vb))(va): each binding sees the previous ones.
        saved = self.fn.walrus_ok
        self.fn.walrus_ok = False
        result = self.expr(e.body)
        for p, value in reversed(e.bindings):
            lam = ast.Lambda(args=ast.arguments(posonlyargs=[], args=[ast.arg(arg=p.binding.pyname)],
                                                vararg=None, kwonlyargs=[], kw_defaults=[],
                                                kwarg=None, defaults=[]), body=result)
            result = _call(lam, [self.expr(value)])
        self.fn.walrus_ok = saved
        return result


def _fast_path(test, fast, slow) -> ast.IfExp:
    """`fast if test else slow`, marked so an assignment can become an `if` statement (which
    keeps CPython's in-place `s = s + t` string concatenation)."""
    node = ast.IfExp(test=test, body=fast, orelse=slow)
    node.golo_fast_path = True
    return node


def _assign(name: str, value: ast.expr) -> ast.stmt:
    if getattr(value, "golo_fast_path", False):
        return ast.If(test=value.test,
                      body=[ast.Assign(targets=[_store(name)], value=value.body)],
                      orelse=[ast.Assign(targets=[_store(name)], value=value.orelse)])
    return ast.Assign(targets=[_store(name)], value=value)


def _inert(e) -> bool:
    """`e` evaluates without calling Golo code that could register anything: literals,
    names, closures (made, not called), operators and collection literals of those."""
    t = type(e)
    if t is n.Literal or t is n.Name or t is n.Closure:
        return True
    if t is n.Binary:
        return _inert(e.left) and _inert(e.right)
    if t is n.Unary:
        return _inert(e.operand)
    if t is n.Collection:
        return all(_inert(item) for item in e.items)
    return False


def _non_negative(e) -> bool:
    """An integral expression that is >= 0 whatever its names hold: non-negative literals,
    squares `x * x` of a name, and sums and products of those."""
    if isinstance(e, n.Literal):
        return e.kind == "int" and e.value >= 0
    if isinstance(e, n.Binary) and e.op == "*" and isinstance(e.left, n.Name) \
            and isinstance(e.right, n.Name) and e.left.binding is e.right.binding:
        return True
    if isinstance(e, n.Binary) and e.op in ("+", "*"):
        return _non_negative(e.left) and _non_negative(e.right)
    return False


def _pairs_only(s: n.Foreach) -> bool:
    """`foreach e in x: entrySet()` whose `e` is only ever the receiver of `getKey()`,
    `getValue()`, `key()` or `value()` (outside closures): the entries are never seen."""
    clause = s.clause
    it = clause.iterable
    if len(clause.names) != 1 or clause.rest or clause.names[0].binding is None \
            or not isinstance(it, n.MethodCall) or it.name != "entrySet" or it.args or it.safe:
        return False
    binding = clause.names[0].binding
    stack = [s.body] + ([clause.guard] if clause.guard is not None else [])
    while stack:
        node = stack.pop()
        if isinstance(node, n.MethodCall) and isinstance(node.receiver, n.Name) \
                and node.receiver.binding is binding:
            if node.name not in _ENTRY_ACCESSORS or node.args or node.safe:
                return False
            continue
        if isinstance(node, n.Name) and node.binding is binding:
            return False
        if isinstance(node, n.Closure) and _mentions(node, binding):
            return False
        stack.extend(_children(node))
    return True


def _mentions(node, binding) -> bool:
    stack = [node]
    while stack:
        node = stack.pop()
        if isinstance(node, n.Name) and node.binding is binding:
            return True
        stack.extend(_children(node))
    return False


def _num_literal(e) -> bool:
    return isinstance(e, n.Literal) and e.kind in ("int", "float")


def _null_literal(e) -> bool:
    return isinstance(e, n.Literal) and e.kind == "null"


def _string_literal(e) -> bool:
    return isinstance(e, n.Literal) and e.kind == "string"


def generate(module: n.Module, info: ModuleInfo, source: Source) -> tuple[ast.Module, dict]:
    """Build the positioned Python module for a resolved Golo module; also returns the
    column of the leftmost call on each Golo line (for backtraces)."""
    gen = CodeGenerator(module, info, source)
    return gen.generate(), gen.call_columns
