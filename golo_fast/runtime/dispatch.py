"""Modules at run time: `ModuleContext`, method dispatch (§16) and calls by name.

`invoke(ctx, recv, name, *args)` finds, in order (§14, §16): the built-in methods of the
receiver's kind; the plain `augment` blocks of the current module, most specific type first;
the named augmentations applied in the current module, in `with` order; the same for each
imported module in import order; the standard augmentations; a `fallback` augmentation; and
otherwise raises NoSuchMethodError.  The result is cached per (Python type, name, argc) in the
context, so a repeated `p: x()` costs a dict hit and a call.
"""
from __future__ import annotations

from golo_fast.runtime import functions as _fn
from golo_fast.runtime import methods as _m
from golo_fast.runtime.classes import (
    ClassLiteral, canonical_name, class_literal, is_function, java_name, type_chain,
)
from golo_fast.runtime.dynamic import DynamicObject, property_method
from golo_fast.runtime.exceptions import GoloException
from golo_fast.runtime.structs import (
    StructBase, UnionBase, frozen_factory, make_struct, make_union,
)

# Every module context by module name; imports are resolved through it at lookup time so
# import cycles and modules loaded later both work.
MODULES: dict[str, "ModuleContext"] = {}

# Set by the loader (golo_fast.api) so an import can be compiled on first use; the runtime
# never imports the compiler itself.
_module_loader = None


def set_module_loader(loader) -> None:
    """`loader(name, importing_ctx)` returns the ModuleContext of module `name`, or None."""
    global _module_loader
    _module_loader = loader


# Contexts that cached a lookup since the last clear: registrations only need to visit these
# (a process that ran many programs keeps many idle contexts in MODULES).
_CACHING: set = set()


def _clear_all_caches() -> None:
    for ctx in _CACHING:
        ctx._methods.clear()
        ctx._calls.clear()
        for state in ctx._sites:
            state[0] = None
    _CACHING.clear()


def _arity_text(lo: int, hi) -> str:
    if hi is None:
        return f"{lo} or more"
    return str(lo) if lo == hi else f"{lo} to {hi}"


def _no_such_method(recv, name: str, argc: int, *tables) -> GoloException:
    """NoSuchMethodError; when the method exists with other arities, say which."""
    arities = [_arity_text(lo, hi) for table in tables for lo, hi, _ in table.get(name, ())]
    if arities:
        detail = (f"`{name}` takes {' or '.join(dict.fromkeys(arities))} argument(s), "
                  f"called with {argc}")
    else:
        detail = f"no method `{name}` on {java_name(recv)}"
    return GoloException("java.lang.NoSuchMethodError",
                         f"class {java_name(recv)}::{name} ({detail})")


def _pick(overloads, argc: int):
    for lo, hi, fn in overloads:
        if lo <= argc and (hi is None or argc <= hi):
            return fn
    return None


def _aug_accepts(fn, argc: int) -> bool:
    # Augmentation functions take the receiver as their first parameter.
    return _fn.accepts(fn, argc + 1)


class ModuleContext:
    """Run-time state of one Golo module: functions, structs, unions, augmentations, imports."""

    def __init__(self, name: str, path: str | None = None):
        self.name = name
        self.path = path
        self.functions: dict[str, list] = {}        # name -> [(arity, varargs, fn, local)]
        self.structs: dict[str, type] = {}
        self.unions: dict[str, type] = {}
        self.augments: list[tuple[str, dict]] = []   # (target as written, {method: fn})
        self.augmentations: dict[str, dict] = {}     # named augmentation -> {method: fn}
        self.applied: list[tuple[str, list]] = []    # (target as written, [augmentation names])
        self.imports: list[str] = []
        self._methods: dict = {}
        self._calls: dict = {}
        self._sites: list = []                       # [receiver type, method] per call site
        MODULES[name] = self
        _clear_all_caches()

    def __repr__(self) -> str:
        return f"ModuleContext({self.name!r})"

    # -- set-up (called by compiled module code) -------------------------------------------

    def define_function(self, name: str, arity: int, varargs: bool, fn, local: bool = False):
        """Register module function `name`; returns `fn` so it can be used as a decorator."""
        overloads = self.functions.setdefault(name, [])
        overloads[:] = [o for o in overloads if (o[0], o[1]) != (arity, varargs)]
        overloads.append((arity, varargs, fn, local))
        # Exact-arity overloads before varargs ones: `f(1)` picks `f = |a|` over `|a, r...|`.
        overloads.sort(key=lambda o: o[1])
        if getattr(fn, "_golo_name", None) is None:
            try:
                fn._golo_name = name
            except (AttributeError, TypeError):
                pass
        _clear_all_caches()
        return fn

    def define_struct(self, name: str, members) -> type:
        """Struct `name`: registers the factories `name` (0 or n args) and `Immutable<name>`."""
        cls = make_struct(self.name, name, members)
        self.structs[name] = cls
        n = len(cls.__golo_members__)
        self.define_function(name, 0, False, cls)
        if n:
            self.define_function(name, n, False, cls)
        self.define_function("Immutable" + name, n, False, frozen_factory(cls))
        return cls

    def define_union(self, name: str, alternatives: dict) -> type:
        """Union `name`: registers `Name.Alt` factories (and `Alt` inside this module)."""
        cls = make_union(self.name, name, alternatives)
        self.unions[name] = cls
        for alt, klass in cls.__golo_alternatives__.items():
            n = len(klass.__golo_fields__)
            self.define_function(f"{name}.{alt}", n, False, klass)
            if alt not in self.functions:
                self.define_function(alt, n, False, klass, local=True)
        return cls

    def augment(self, type_name: str, methods: dict) -> None:
        """`augment T { function m = |this, ...| ... }`."""
        self.augments.append((type_name, dict(methods)))
        _clear_all_caches()

    def define_augmentation(self, name: str, methods: dict) -> None:
        """`augmentation Name = { ... }` (a named, reusable bundle)."""
        self.augmentations[name] = dict(methods)
        _clear_all_caches()

    def augment_with(self, type_name: str, names) -> None:
        """`augment T with A, B`."""
        self.applied.append((type_name, list(names)))
        _clear_all_caches()

    def import_module(self, name: str) -> None:
        if name not in self.imports:
            self.imports.append(name)
            _clear_all_caches()

    # -- name resolution ---------------------------------------------------------------------

    def resolve_type_name(self, name: str) -> str:
        """Canonical name of a type as written in this module (structs/unions by short name)."""
        if name in self.structs:
            return self.structs[name].__golo_fullname__
        if name in self.unions:
            return self.unions[name].__golo_fullname__
        for sep in ("$", "."):
            union, _, alt = name.rpartition(sep)
            if union in self.unions and alt in self.unions[union].__golo_alternatives__:
                return f"{self.unions[union].__golo_fullname__}${alt}"
        return canonical_name(name)

    def imported_modules(self) -> list:
        result = []
        for name in self.imports:
            module = MODULES.get(name)
            if module is None and _module_loader is not None:
                module = _module_loader(name, self)
            if module is not None:
                result.append(module)
        return result

    def _find_named_augmentation(self, name: str):
        if name in self.augmentations:
            return self.augmentations[name]
        module_name, _, short = name.rpartition(".")
        for module in self.imported_modules():
            if short in module.augmentations and (not module_name or module.name == module_name
                                                  or module.name.endswith("." + module_name)):
                return module.augmentations[short]
        return None

    def _own_augmentation(self, chain, name: str, argc: int):
        """Step (2) and (3) of §14 for this module's augmentations."""
        for target in chain:
            for written, methods in self.augments:
                fn = methods.get(name)
                if fn is not None and self.resolve_type_name(written) == target \
                        and _aug_accepts(fn, argc):
                    return fn
        for target in chain:
            for written, names in self.applied:
                if self.resolve_type_name(written) != target:
                    continue
                for aug_name in names:
                    methods = self._find_named_augmentation(aug_name)
                    fn = methods.get(name) if methods else None
                    if fn is not None and _aug_accepts(fn, argc):
                        return fn
        return None

    def _builtin_methods(self, recv, t):
        """(native table, standard-augmentation table) for the receiver's kind."""
        native = _m.NATIVE.get(t)
        if native is not None:
            return native, _m.STANDARD.get(t, {})
        if isinstance(recv, StructBase):
            return _m.struct_methods(t, t.__golo_module__ == self.name), _m.STRUCT_STANDARD
        if isinstance(recv, UnionBase):
            return _m.union_methods(t), {}
        if isinstance(recv, BaseException):
            return _m.EXCEPTION_METHODS, {}
        if is_function(recv):
            return _m.FUNCTION_METHODS, {}
        if isinstance(recv, ClassLiteral):
            return _CLASS_METHODS, {}
        return {}, {}

    def find_method(self, recv, name: str, argc: int):
        """The function `fn(recv, *args)` for `recv: name(args)`; cached per receiver type."""
        if recv is None:
            raise GoloException("java.lang.NullPointerException",
                                f"cannot invoke method `{name}` on null")
        t = type(recv)
        native, standard = self._builtin_methods(recv, t)
        fn = _pick(native.get(name, ()), argc) or _pick(_m.OBJECT_METHODS.get(name, ()), argc)
        if fn is None and t is DynamicObject:
            fn = property_method(name, argc)
        if fn is None:
            chain = type_chain(t)
            fn = self._own_augmentation(chain, name, argc)
            if fn is None:
                for module in self.imported_modules():
                    fn = module._own_augmentation(chain, name, argc)
                    if fn is not None:
                        break
            if fn is None:
                fn = _pick(standard.get(name, ()), argc) \
                    or _pick(_m.OBJECT_STANDARD.get(name, ()), argc)
            if fn is None:
                fallback = self._fallback(chain)
                if fallback is None:
                    raise _no_such_method(recv, name, argc, native, standard)
                fn = _fallback_caller(fallback, name)
        self._methods[(t, name, argc)] = fn
        _CACHING.add(self)
        return fn

    def _fallback(self, chain):
        for module in [self] + self.imported_modules():
            fn = module._own_augmentation(chain, "fallback", 1)
            if fn is not None:
                return fn
        return None

    def find_function(self, name: str, argc: int):
        """The callable for `name(args)` with `argc` arguments (§16, function calls)."""
        fn = _match_function(self.functions.get(name, ()), argc, True)
        if fn is None:
            for module in self.imported_modules():
                fn = _match_function(module.functions.get(name, ()), argc, False)
                if fn is not None:
                    break
        if fn is None:
            from golo_fast.runtime.builtins import PREDEFINED
            candidate = PREDEFINED.get(name)
            if candidate is not None and _fn.accepts(candidate, argc):
                fn = candidate
        if fn is None and ("." in name or "::" in name):
            fn = self._find_qualified(name, argc)
        if fn is None:
            raise self._no_such_function(name, argc)
        self._calls[(name, argc)] = fn
        _CACHING.add(self)
        return fn

    def _modules_named(self, module_name: str) -> list:
        """Modules `module_name` may denote: its full name, or the last segments of an import."""
        found = [MODULES[module_name]] if module_name in MODULES else []
        found += [m for m in self.imported_modules()
                  if m.name.endswith("." + module_name) and m not in found]
        if not found and _module_loader is not None:
            loaded = _module_loader(module_name, self)
            if loaded is not None:
                found.append(loaded)
        return found

    @staticmethod
    def _qualified_splits(name: str) -> list:
        """(module, function) readings of `a.b.Mod::f` or `a.b.Mod.f` / `Mod.Union.Alt`."""
        if "::" in name:
            module_name, _, short = name.partition("::")
            return [(module_name, short)]
        parts = name.split(".")
        return [(".".join(parts[:i]), ".".join(parts[i:])) for i in range(len(parts) - 1, 0, -1)]

    def _find_qualified(self, name: str, argc: int):
        for module_name, short in self._qualified_splits(name):
            for module in self._modules_named(module_name):
                fn = _match_function(module.functions.get(short, ()), argc, module is self)
                if fn is not None:
                    return fn
        return None

    def _no_such_function(self, name: str, argc: int) -> GoloException:
        known = self.functions.get(name)
        if known:
            arities = ", ".join(
                f"{a}+" if varargs else str(a) for a, varargs, _, _ in known)
            return GoloException(
                "java.lang.NoSuchMethodError",
                f"{name}(...): function `{name}` of module {self.name} takes {arities} "
                f"argument(s), called with {argc}")
        return GoloException(
            "java.lang.NoSuchMethodError",
            f"{name}(...): no function `{name}` taking {argc} argument(s) in module "
            f"{self.name}, its imports or the predefined functions")

    def function_reference(self, name: str, arity: int | None, varargs: bool | None = None):
        """`^name`, `^name\\2`, `^name\\1...`, `^mod.Name::fn`."""
        if arity is not None:
            fn = self._exact_function(name, arity, varargs)
            if fn is not None:
                return fn
            return self.find_function(name, arity)
        candidates = self._all_overloads(name)
        if len(candidates) == 1:
            return candidates[0]
        if not candidates:
            raise self._no_such_function(name, 0)
        raise GoloException("java.lang.IllegalArgumentException",
                            f"^{name} is ambiguous: {len(candidates)} functions have that "
                            f"name; write ^{name}\\<arity>")

    def _exact_function(self, name, arity, varargs):
        for module in [self] + self.imported_modules():
            for a, v, fn, local in module.functions.get(name, ()):
                if module is not self and local:
                    continue
                # `^f\2...` may count the varargs parameter (Golo) or only the fixed ones.
                if (not v and not varargs and a == arity) or (v and varargs is not False
                                                              and arity in (a, a + 1)):
                    return fn
        return None

    def _all_overloads(self, name: str) -> list:
        own = [fn for _, _, fn, _ in self.functions.get(name, ())]
        if own:
            return own
        for module in self.imported_modules():
            found = [fn for _, _, fn, local in module.functions.get(name, ()) if not local]
            if found:
                return found
        from golo_fast.runtime.builtins import PREDEFINED
        if name in PREDEFINED:
            return [PREDEFINED[name]]
        if "::" in name or "." in name:
            for module_name, short in self._qualified_splits(name):
                for module in self._modules_named(module_name):
                    found = [fn for _, _, fn, local in module.functions.get(short, ())
                             if module is self or not local]
                    if found:
                        return found
        return []


def _match_function(overloads, argc: int, own: bool):
    for arity, varargs, fn, local in overloads:
        if local and not own:
            continue
        # `arity` counts the fixed parameters; a varargs function takes any number more.
        if (argc == arity and not varargs) or (varargs and argc >= arity):
            return fn
    return None


def _fallback_caller(fallback, name: str):
    def call_fallback(recv, *args):
        return fallback(recv, name, *args)
    return call_fallback


class _ClassMethods:
    def getName(self):
        return self.name

    def getSimpleName(self):
        return self.simple_name


_CLASS_METHODS = _m._table(_ClassMethods)


# -- the operations compiled code calls ------------------------------------------------------

def invoke(ctx: ModuleContext, recv, name: str, *args):
    """`recv: name(args)`."""
    fn = ctx._methods.get((type(recv), name, len(args)))
    if fn is None:
        fn = ctx.find_method(recv, name, len(args))
    return fn(recv, *args)


# Fixed-arity forms of `invoke`: packing and unpacking `*args` costs more than the lookup, so
# codegen calls these for method calls with 0 to 3 arguments.

def invoke0(ctx: ModuleContext, recv, name: str):
    fn = ctx._methods.get((type(recv), name, 0))
    if fn is None:
        fn = ctx.find_method(recv, name, 0)
    return fn(recv)


def invoke1(ctx: ModuleContext, recv, name: str, a):
    fn = ctx._methods.get((type(recv), name, 1))
    if fn is None:
        fn = ctx.find_method(recv, name, 1)
    return fn(recv, a)


def invoke2(ctx: ModuleContext, recv, name: str, a, b):
    fn = ctx._methods.get((type(recv), name, 2))
    if fn is None:
        fn = ctx.find_method(recv, name, 2)
    return fn(recv, a, b)


def invoke3(ctx: ModuleContext, recv, name: str, a, b, c):
    fn = ctx._methods.get((type(recv), name, 3))
    if fn is None:
        fn = ctx.find_method(recv, name, 3)
    return fn(recv, a, b, c)


def call_site(ctx: ModuleContext, name: str, argc: int, discard: bool = False,
              plain_key: bool = False):
    """A method call site `recv: name(a1..an)` with its own one-entry cache.

    Returns `site(recv, *args)`.  The last receiver type and its method are remembered, so a
    call site that always sees one kind (the common case) skips even the lookup of `invoke`.
    Every registration that clears the contexts' caches also empties the call sites.

    `site.cache` is that memory, the list `[receiver type, method, method]` (the type None
    when empty): compiled code tests `type(recv) is cache[0]` and calls `cache[1](recv, *args)`
    inline, and calls `site` itself on a miss.  With `discard=True` (a call whose value is
    not used) `cache[1]` may be a C callable with the same effect but another result
    (`methods.DISCARDING`: `list.append` for a list's `add`, which answers true). With
    `plain_key=True` as well, the caller promises to use `cache[1]` only when the first
    argument is not a Boolean, and a map's `put` may be cached as `dict.__setitem__`.
    """
    state = [None, None, None]     # receiver type, method for inline calls, its method
    ctx._sites.append(state)
    discarding = {}
    if discard:
        discarding = {**_m.DISCARDING, **_m.DISCARDING_PLAIN_KEY} if plain_key \
            else _m.DISCARDING

    def lookup(recv):
        fn = ctx._methods.get((type(recv), name, argc))
        if fn is None:
            fn = ctx.find_method(recv, name, argc)
        state[1] = discarding.get(fn, fn)
        state[2] = fn
        state[0] = type(recv)
        _CACHING.add(ctx)
        return fn

    if argc == 0:
        def site(recv):
            if type(recv) is state[0]:
                return state[2](recv)
            return lookup(recv)(recv)
    elif argc == 1:
        def site(recv, a):
            if type(recv) is state[0]:
                return state[2](recv, a)
            return lookup(recv)(recv, a)
    elif argc == 2:
        def site(recv, a, b):
            if type(recv) is state[0]:
                return state[2](recv, a, b)
            return lookup(recv)(recv, a, b)
    else:
        def site(recv, *args):
            if type(recv) is state[0]:
                return state[2](recv, *args)
            return lookup(recv)(recv, *args)
    site.__qualname__ = site.__name__ = f"call_site<{name}/{argc}>"
    site.cache = state
    return site


def invoke_safe(ctx: ModuleContext, recv, name: str, *args):
    """`recv?: name(args)`: null when the receiver is null."""
    if recv is None:
        return None
    fn = ctx._methods.get((type(recv), name, len(args)))
    if fn is None:
        fn = ctx.find_method(recv, name, len(args))
    return fn(recv, *args)


def call(ctx: ModuleContext, name: str, *args):
    """`name(args)` where the compiler could not bind `name` statically."""
    fn = ctx._calls.get((name, len(args)))
    if fn is None:
        fn = ctx.find_function(name, len(args))
    return fn(*args)


def call_named(ctx: ModuleContext, name: str, named: dict):
    """`name(a = 1, b = 2)`."""
    fn = ctx._calls.get((name, len(named)))
    if fn is None:
        fn = ctx.find_function(name, len(named))
    return _fn.call_value_named(fn, named)


def funref(ctx: ModuleContext, name: str, arity=None, varargs=False):
    """`^name` (arity None) or `^name\\n` (`varargs=True` for `^name\\n...`)."""
    return ctx.function_reference(name, arity, True if varargs else None)


def type_ref(ctx: ModuleContext, name: str):
    """The value of class literal `name.class` written in module `ctx`."""
    return class_literal(name, ctx)
