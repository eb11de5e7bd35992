"""Name resolution and static checks (language.md §5, §20).

Walks a parsed module once, binds every name to a `Binding`, records what each closure
captures, binds calls to module functions statically when possible, and collects every static
error of the file. `resolve()` raises the first error (sorted by position) with all of them
in its `errors` attribute, so one run reports everything.
"""
from __future__ import annotations

import difflib
import keyword

from golo_fast.errors import GoloResolveError
from golo_fast.source import Source
from golo_fast.syntax import nodes as n

_PY_RESERVED = frozenset(("None", "True", "False"))


def py_identifier(name: str) -> str:
    """A Python identifier for a Golo name that never collides with generated names.

    Plain ASCII names keep their spelling; generated names all start with '_' or contain
    '__', so anything else (Unicode, '$', a leading '_', '__', Python keywords) is encoded
    into a 'u__' form.
    """
    if (name.isascii() and name.isidentifier() and not name.startswith("_") and "__" not in name
            and not keyword.iskeyword(name) and name not in _PY_RESERVED):
        return name
    out = []
    for c in name:
        if c.isascii() and c.isalnum():
            out.append(c)
        else:
            out.append(f"_{ord(c):x}x")   # '_' + hex + 'x': never forms '__'
    return "u__" + "".join(out)


class Binding:
    """A declared name: local reference, parameter, capture or module-level let/var."""

    __slots__ = ("name", "kind", "pyname", "span", "owner", "mutable", "used")

    # kinds: let var param loop catch self capture with modlet modvar
    def __init__(self, name, kind, pyname, span, owner, mutable=False):
        self.name = name
        self.kind = kind
        self.pyname = pyname
        self.span = span
        self.owner = owner
        self.mutable = mutable
        self.used = False

    @property
    def is_module(self) -> bool:
        return self.kind in ("modlet", "modvar")

    def __repr__(self):
        return f"Binding({self.name!r}, {self.kind}, {self.pyname})"


class FunctionInfo:
    """Per Golo function or closure: its parent, captures, and module vars it assigns."""

    def __init__(self, parent: "FunctionInfo | None", kind: str, name: str):
        self.parent = parent
        self.kind = kind                  # "function", "closure", "module"
        self.name = name
        self.captures: dict = {}          # outer Binding -> local capture Binding
        self.global_assigns: set = set()  # pynames of module vars assigned here
        self.scopes: list[dict] = [{}]
        self.loop_depth = 0
        self.self_binding: Binding | None = None
        self.pending: set = set()         # names whose `let` initialiser is being resolved


class FunctionTarget:
    """A call bound at compile time."""

    __slots__ = ("kind", "pyname", "name", "params", "varargs", "returns_int")

    # kind: "direct" (a Python function of this module), "struct" (struct class),
    # "predefined", "dynamic" (looked up at run time through _rt.call)
    def __init__(self, kind, pyname=None, name=None, params=None, varargs=False):
        self.kind = kind
        self.pyname = pyname
        self.name = name
        self.params = params
        self.varargs = varargs
        self.returns_int = False   # set by codegen: the callee returns an int for int args


def function_pyname(name: str, arity: int, varargs: bool) -> str:
    return f"{py_identifier(name)}__{'v' if varargs else ''}{arity}"


class ModuleInfo:
    """What codegen needs about the module as a whole."""

    def __init__(self):
        self.functions: dict[str, list[n.Function]] = {}
        self.structs: dict[str, n.Struct] = {}
        self.unions: dict[str, n.Union] = {}
        self.module_vars: dict[str, Binding] = {}
        self.predefined_used: set = set()
        self.has_imports = False
        self.main: n.Function | None = None


def resolve(module: n.Module, source: Source, predefined) -> ModuleInfo:
    """Resolve `module` in place; raise GoloResolveError (with `.errors`) on static errors."""
    r = _Resolver(source, frozenset(predefined))
    info = r.run(module)
    if r.errors:
        errors = sorted(r.errors, key=lambda e: (e.span[0], e.span[1], e.message))
        first = errors[0]
        first.errors = errors
        raise first
    return info


class _Resolver:
    def __init__(self, source: Source, predefined: frozenset):
        self.source = source
        self.predefined = predefined
        self.errors: list[GoloResolveError] = []
        self.fn: FunctionInfo | None = None
        self.info = ModuleInfo()
        self.module_let_order: dict[str, int] = {}
        self.current_module_let: int | None = None

    def error(self, message: str, span, hint: str | None = None):
        self.errors.append(GoloResolveError(message, self.source, tuple(span), hint))

    def suggest(self, name: str, candidates) -> str | None:
        matches = difflib.get_close_matches(name, sorted(set(candidates)), n=1, cutoff=0.6)
        return f"did you mean '{matches[0]}'?" if matches else None

    # -- module -------------------------------------------------------------------------------

    def run(self, module: n.Module) -> ModuleInfo:
        info = self.info
        info.has_imports = any(not imp.name.startswith(("java.", "gololang")) for imp in module.imports)
        for item in module.items:
            if isinstance(item, n.Function):
                self.declare_function(item)
            elif isinstance(item, n.Struct):
                if item.name in info.structs or item.name in info.unions:
                    self.error(f"type '{item.name}' is declared twice", item.span)
                info.structs[item.name] = item
            elif isinstance(item, n.Union):
                if item.name in info.structs or item.name in info.unions:
                    self.error(f"type '{item.name}' is declared twice", item.span)
                info.unions[item.name] = item
            elif isinstance(item, n.ModuleLet):
                if item.name in info.module_vars:
                    self.error(f"duplicate module-level reference '{item.name}'", item.name_span)
                    continue
                kind = "modvar" if item.mutable else "modlet"
                b = Binding(item.name, kind, py_identifier(item.name) + "__g", item.name_span,
                            None, item.mutable)
                item.binding = b
                info.module_vars[item.name] = b
                self.module_let_order[item.name] = len(self.module_let_order)
        for fns in info.functions.values():
            for fn in fns:
                if fn.name == "main" and len(fn.params) == 1 and not fn.varargs:
                    info.main = fn
        for item in module.items:
            if isinstance(item, n.Function):
                self.function(item)
            elif isinstance(item, n.ModuleLet):
                self.module_let(item)
            elif isinstance(item, (n.Augment, n.Augmentation)):
                for fn in item.functions:
                    if not fn.params:
                        self.error(f"augmentation function '{fn.name}' must take at least one "
                                   "parameter (the receiver)", fn.name_span,
                                   hint=f"write: function {fn.name} = |this| -> ...")
                    fn.pyname = f"{py_identifier(fn.name)}__a{len(fn.params)}"
                    self.function(fn)
                seen = {}
                for fn in item.functions:
                    key = (fn.name, len(fn.params), fn.varargs)
                    if key in seen:
                        self.error(f"function '{fn.name}' is declared twice with "
                                   f"{len(fn.params)} parameter(s)", fn.name_span)
                    seen[key] = fn
        return info

    def declare_function(self, fn: n.Function):
        arity = len(fn.params) - (1 if fn.varargs else 0)
        fn.pyname = function_pyname(fn.name, arity, fn.varargs)
        same = self.info.functions.setdefault(fn.name, [])
        for other in same:
            if len(other.params) == len(fn.params) and other.varargs == fn.varargs:
                self.error(f"function '{fn.name}' is declared twice with {len(fn.params)} "
                           f"parameter(s)", fn.name_span,
                           hint="functions may share a name only with different parameter counts")
                return
        same.append(fn)

    def module_let(self, item: n.ModuleLet):
        self.fn = FunctionInfo(None, "module", "<module>")
        self.current_module_let = self.module_let_order.get(item.name)
        if isinstance(item.value, n.Closure):
            item.value.self_name = None
        self.expr(item.value)
        self.current_module_let = None
        self.fn = None

    def function(self, fn: n.Function):
        for deco in fn.decorators:
            self.fn = FunctionInfo(None, "module", "<module>")
            e = deco.expr
            if isinstance(e, n.Name) and e.name not in self.info.module_vars \
                    and (e.name in self.info.functions or e.name in self.predefined):
                # `@memoized` names a function: it is a reference to it.
                deco.expr = n.FunRef(e.span, None, e.name, None, False)
            self.expr(deco.expr)
        info = FunctionInfo(None, "function", fn.name)
        fn.info = info
        self.fn = info
        self.declare_params(fn.params)
        self.body(fn.body, fn.compact)
        self.fn = None

    def declare_params(self, params):
        seen = set()
        for p in params:
            if p.name in seen:
                self.error(f"duplicate parameter '{p.name}'", p.span)
            seen.add(p.name)
            p.binding = Binding(p.name, "param", py_identifier(p.name), p.span, self.fn)
            self.fn.scopes[-1][p.name] = p.binding

    def body(self, body, compact: bool):
        if compact:
            self.expr(body)
        else:
            self.block_stmts(body)

    # -- scopes -------------------------------------------------------------------------------

    def lookup(self, name: str) -> Binding | None:
        """Find a visible binding; captures it through every closure in between."""
        chain = []
        fn = self.fn
        while fn is not None:
            for scope in reversed(fn.scopes):
                b = scope.get(name)
                if b is not None:
                    b.used = True
                    for inner in reversed(chain):
                        cap = inner.captures.get(b)
                        if cap is None:
                            cap = Binding(name, "capture", b.pyname, b.span, inner)
                            inner.captures[b] = cap
                        b = cap
                    return b
            chain.append(fn)
            fn = fn.parent
        return self.info.module_vars.get(name)

    def visible_in_function(self, name: str) -> Binding | None:
        """A local binding of the current function or an enclosing one (no capture made)."""
        fn = self.fn
        while fn is not None:
            for scope in reversed(fn.scopes):
                if name in scope:
                    return scope[name]
            fn = fn.parent
        return None

    def declare(self, p: n.Param, kind: str, mutable: bool = False) -> Binding:
        existing = self.visible_in_function(p.name)
        if existing is not None and existing.kind != "self":
            self.error(f"duplicate declaration of '{p.name}'", p.span,
                       hint="Golo forbids shadowing inside a function; choose another name")
        b = Binding(p.name, kind, py_identifier(p.name), p.span, self.fn, mutable)
        p.binding = b
        self.fn.scopes[-1][p.name] = b
        return b

    def push(self):
        self.fn.scopes.append({})

    def pop(self):
        self.fn.scopes.pop()

    def all_visible_names(self):
        names = set(self.info.module_vars)
        fn = self.fn
        while fn is not None:
            for scope in fn.scopes:
                names.update(scope)
            fn = fn.parent
        return names

    # -- statements ---------------------------------------------------------------------------

    def block_stmts(self, block: n.Block):
        self.push()
        for stmt in block.stmts:
            self.stmt(stmt)
        self.pop()

    def stmt(self, s):
        t = type(s)
        if t is n.ExprStmt:
            self.expr(s.expr)
        elif t is n.Let:
            self.let(s)
        elif t is n.Assign:
            self.expr(s.value)
            for target in s.targets:
                self.assign_target(target)
        elif t is n.Return:
            if s.value is not None:
                self.expr(s.value)
        elif t is n.If:
            self.expr(s.cond)
            self.block_stmts(s.then)
            if s.orelse is not None:
                if isinstance(s.orelse, n.If):
                    self.stmt(s.orelse)
                else:
                    self.block_stmts(s.orelse)
        elif t is n.While:
            self.expr(s.cond)
            self.loop_body(s.body)
        elif t is n.For:
            self.push()
            self.let(s.init)
            self.expr(s.cond)
            self.fn.loop_depth += 1
            self.stmt(s.step)
            self.fn.loop_depth -= 1
            self.loop_body(s.body)
            self.pop()
        elif t is n.Foreach:
            self.push()
            self.clause(s.clause)
            self.loop_body(s.body)
            self.pop()
        elif t in (n.Break, n.Continue):
            if self.fn.loop_depth == 0:
                word = "break" if t is n.Break else "continue"
                self.error(f"'{word}' outside a loop", s.span)
        elif t is n.Case:
            for cond, block in s.branches:
                self.expr(cond)
                self.block_stmts(block)
            self.block_stmts(s.otherwise)
        elif t is n.Try:
            self.block_stmts(s.body)
            if s.catch_body is not None:
                self.push()
                self.declare(s.catch_name, "catch")
                self.block_stmts(s.catch_body)
                self.pop()
            if s.finally_body is not None:
                self.block_stmts(s.finally_body)
        elif t is n.Throw:
            self.expr(s.value)
        else:
            raise AssertionError(f"unknown statement {t.__name__}")

    def loop_body(self, body: n.Block):
        self.fn.loop_depth += 1
        self.block_stmts(body)
        self.fn.loop_depth -= 1

    def let(self, s: n.Let):
        names = [p.name for p in s.names]
        self.fn.pending.update(names)
        if isinstance(s.value, n.Closure) and s.value.self_name is not None:
            self.closure(s.value)
        else:
            self.expr(s.value)
        self.fn.pending.difference_update(names)
        kind = "var" if s.mutable else "let"
        for p in s.names:
            if p.name == "_" and len(s.names) > 1:
                p.binding = None
                continue
            self.declare(p, kind, s.mutable)

    def clause(self, c: n.ForClause):
        self.expr(c.iterable)
        for p in c.names:
            if p.name == "_" and len(c.names) > 1:
                continue
            self.declare(p, "loop")
        if c.guard is not None:
            self.expr(c.guard)

    def assign_target(self, target: n.Name):
        name = target.name
        b = self.lookup(name)
        target.binding = b
        if b is None:
            self.error(f"assignment to undeclared reference '{name}'", target.span,
                       hint=self.suggest(name, self.all_visible_names())
                       or f"declare it first: var {name} = ...")
            return
        if b.kind == "modvar":
            if self.fn.kind != "module":
                self.fn.global_assigns.add(b.pyname)
            return
        if b.kind == "var":
            return
        if b.kind == "capture":
            self.error(f"cannot assign '{name}': inside a closure a captured local is a "
                       "constant reference", target.span,
                       hint="share mutable state through a list, map or box(...)")
        elif b.kind == "param":
            self.error(f"cannot assign to parameter '{name}'", target.span,
                       hint=f"declare a copy: var {name}2 = {name}")
        elif b.kind == "loop":
            self.error(f"cannot assign to loop variable '{name}'", target.span)
        else:
            self.error(f"cannot assign '{name}': it is a constant reference (let)", target.span,
                       hint=f"declare it with `var {name} = ...` to make it assignable")

    # -- expressions --------------------------------------------------------------------------

    def expr(self, e):
        t = type(e)
        if t is n.Literal or t is n.ClassLit:
            return
        if t is n.Name:
            self.name_ref(e)
        elif t is n.Binary:
            self.expr(e.left)
            self.expr(e.right)
        elif t is n.Unary:
            self.expr(e.operand)
        elif t is n.Call:
            self.call(e)
        elif t is n.CallValue:
            self.expr(e.callee)
            self.args(e.args)
        elif t is n.MethodCall:
            self.expr(e.receiver)
            self.args(e.args)
        elif t is n.Closure:
            self.closure(e)
        elif t is n.Collection:
            for item in e.items:
                self.expr(item)
        elif t is n.Comprehension:
            self.push()
            for c in e.clauses:
                self.clause(c)
            self.expr(e.element)
            self.pop()
        elif t is n.RangeLit:
            self.expr(e.start)
            self.expr(e.stop)
        elif t is n.MatchExpr:
            for cond, value in e.branches:
                self.expr(cond)
                self.expr(value)
            self.expr(e.otherwise)
        elif t is n.FunRef:
            self.funref(e)
        elif t is n.WithExpr:
            self.push()
            for p, value in e.bindings:
                self.expr(value)
                self.declare(p, "with")
            self.expr(e.body)
            self.pop()
        else:
            raise AssertionError(f"unknown expression {t.__name__}")

    def args(self, args):
        named = [a for a in args if a.name is not None]
        if named and len(named) != len(args):
            first_pos = next(a for a in args if a.name is None)
            self.error("a call cannot mix named and positional arguments", first_pos.span,
                       hint="name every argument, or none")
        seen = set()
        for a in named:
            if a.name in seen:
                self.error(f"argument '{a.name}' is given twice", a.span)
            seen.add(a.name)
        for a in args:
            self.expr(a.value)

    def name_ref(self, e: n.Name):
        name = e.name
        fn = self.fn
        if name in fn.pending and self.visible_in_function(name) is None:
            self.error(f"reference '{name}' is used in its own initialiser", e.span,
                       hint="a `let` cannot refer to itself (closures may: let f = |x| -> f(x))")
            return
        b = self.lookup(name)
        if b is None:
            if name in self.info.functions:
                self.error(f"'{name}' is a function, not a reference", e.span,
                           hint=f"write ^{name} for a reference to the function")
                return
            self.error(f"undeclared reference '{name}'", e.span,
                       hint=self.suggest(name, self.all_visible_names()))
            return
        if b.is_module and self.fn.kind == "module" and self.current_module_let is not None:
            if self.module_let_order[name] >= self.current_module_let:
                self.error(f"module-level reference '{name}' is used before it is initialised",
                           e.span)
        e.binding = b

    def closure(self, c: n.Closure):
        outer = self.fn
        info = FunctionInfo(outer, "closure", "closure")
        c.info = info
        self.fn = info
        if c.self_name is not None:
            b = Binding(c.self_name, "self", py_identifier(c.self_name), c.span, info)
            info.self_binding = b
            info.scopes[0][c.self_name] = b
            info.scopes.append({})
        # Closure parameters may reuse outer names (language.md §5.1): declare without the
        # shadowing check.
        seen = set()
        for p in c.params:
            if p.name in seen:
                self.error(f"duplicate parameter '{p.name}'", p.span)
            seen.add(p.name)
            p.binding = Binding(p.name, "param", py_identifier(p.name), p.span, info)
            info.scopes[-1][p.name] = p.binding
        self.body(c.body, c.compact)
        self.fn = outer
        if c.self_name is not None and not info.self_binding.used:
            # Not actually self-recursive: compile as a plain closure.
            c.self_name = None
            info.self_binding = None

    def call(self, e: n.Call):
        self.args(e.args)
        name = e.name
        argc = len(e.args)
        named = bool(e.args) and e.args[0].name is not None
        if "." in name:
            e.target = FunctionTarget("dynamic", name=name)
            return
        b = self.lookup(name)
        if b is not None:
            e.binding = b
            return
        info = self.info
        fns = info.functions.get(name)
        if fns and named:
            given = {a.name for a in e.args}
            by_names = [f for f in fns if {p.name for p in f.params} == given] or \
                [f for f in fns if len(f.params) == argc]
            if by_names:
                self.bind_direct(e, by_names[0], named)
                return
        if fns:
            exact = [f for f in fns if not f.varargs and len(f.params) == argc]
            if exact:
                self.bind_direct(e, exact[0], named)
                return
            var = [f for f in fns if f.varargs and len(f.params) - 1 <= argc]
            if var and not named:
                var.sort(key=lambda f: -len(f.params))
                self.bind_direct(e, var[0], named)
                return
        struct_name = name[len("Immutable"):] if name.startswith("Immutable") else name
        struct = info.structs.get(struct_name)
        if struct is not None and (not fns or argc in (0, len(struct.members))):
            if argc not in (0, len(struct.members)):
                self.error(f"struct '{struct.name}' takes 0 or {len(struct.members)} arguments, "
                           f"got {argc}", e.name_span)
            if named:
                self.error("struct factories take positional arguments only", e.name_span)
            e.target = FunctionTarget("struct" if struct_name == name else "dynamic",
                                      pyname=py_identifier(struct.name) + "__S", name=name)
            return
        for union in info.unions.values():
            for alt, fields in union.alternatives:
                if alt == name:
                    e.target = FunctionTarget("dynamic", name=f"{union.name}.{alt}")
                    return
        if fns and not info.has_imports:
            arities = sorted(f"{len(f.params) - 1}+" if f.varargs else str(len(f.params))
                             for f in fns)
            self.error(f"function '{name}' takes {' or '.join(arities)} argument(s), "
                       f"called with {argc}", e.name_span)
            return
        if name in self.predefined and not fns:
            info.predefined_used.add(name)
            e.target = FunctionTarget("predefined", pyname="_p_" + py_identifier(name), name=name)
            return
        if info.has_imports or fns:
            e.target = FunctionTarget("dynamic", name=name)
            return
        candidates = set(self.all_visible_names()) | set(info.functions) | set(info.structs)
        candidates |= {n_ for n_ in self.predefined if n_.isidentifier()}
        self.error(f"undeclared function '{name}'", e.name_span,
                   hint=self.suggest(name, candidates))

    def bind_direct(self, e: n.Call, fn: n.Function, named: bool):
        params = [p.name for p in fn.params]
        e.target = FunctionTarget("direct", pyname=fn.pyname, name=fn.name, params=params,
                                  varargs=fn.varargs)
        if named:
            given = {a.name for a in e.args}
            for a in e.args:
                if a.name not in params:
                    self.error(f"function '{fn.name}' has no parameter '{a.name}'", a.span,
                               hint=self.suggest(a.name, params))
            missing = [p for p in params if p not in given]
            if missing:
                self.error(f"missing argument(s) {', '.join(missing)} in call to '{fn.name}'",
                           e.name_span)

    def funref(self, e: n.FunRef):
        if e.module is not None:
            e.target = FunctionTarget("dynamic", name=f"{e.module}::{e.name}")
            return
        fns = self.info.functions.get(e.name, [])
        chosen = None
        if e.arity is None:
            if len(fns) == 1:
                chosen = fns[0]
            elif len(fns) > 1:
                self.error(f"function '{e.name}' is overloaded; say which arity: ^{e.name}\\N",
                           e.span)
                return
        else:
            for f in fns:
                fixed = len(f.params) - (1 if f.varargs else 0)
                if (f.varargs and e.varargs and fixed + 1 == e.arity) or \
                        (not f.varargs and not e.varargs and len(f.params) == e.arity) or \
                        (f.varargs and not e.varargs and len(f.params) == e.arity):
                    chosen = f
                    break
        if chosen is not None:
            e.target = FunctionTarget("direct", pyname=chosen.pyname, name=chosen.name)
            return
        if fns and not self.info.has_imports:
            self.error(f"no function '{e.name}' with {e.arity} parameter(s)", e.span)
            return
        struct = self.info.structs.get(e.name)
        if not fns and struct is None and e.name not in self.predefined \
                and not self.info.has_imports:
            self.error(f"undeclared function '{e.name}'", e.span,
                       hint=self.suggest(e.name, list(self.info.functions)))
            return
        e.target = FunctionTarget("dynamic", name=e.name)
