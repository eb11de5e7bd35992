"""The Golo runtime: everything compiled Golo code calls (bound as `_rt`).

See docs/design/runtime-contract.md for the contract; this module only re-exports, plus one
interpreter setting below.  One concept per module, imports pointing down the list:

    exceptions   GoloException, Java-like kinds, `catch` / `to_throwable`
    names        Golo names of compiled Python names
    values       Char, Tuple, GoloList, Vector, GoloSet, GoloMap, MapEntry, Array, Range, Box
    structs      make_struct / make_union and their helpers
    dynamic      DynamicObject
    classes      Java-like type names, class literals, `oftype`, augmentation targets
    render       Golo's toString
    operators    + - * / % comparisons, `cond`, `not_`
    functions    function values: arity, call_value, named arguments, bindAt, ...
    formatting   Java's String.format
    methods      built-in methods by receiver type and the standard augmentations
    iteration    `iterate`, `destructure`
    console      println / print / readln
    wasm_builtins the article's wasm functions over golo_fast.wasm (imported lazily)
    builtins     PREDEFINED, the predefined functions
    dispatch     ModuleContext, `invoke`, `call`, `funref`, call sites
"""
import sys as _sys

# Golo integers are unbounded here, so `println(factorial(2000))` (5736 digits) must print:
# lift CPython's default 4300-digit limit on int <-> str conversions (3.10.7+ has it).
if hasattr(_sys, "set_int_max_str_digits"):
    _sys.set_int_max_str_digits(0)
from golo_fast.runtime.builtins import PREDEFINED
from golo_fast.runtime.classes import ClassLiteral, class_literal, java_name, oftype
from golo_fast.runtime.dispatch import (
    MODULES, ModuleContext, call, call_named, call_site, funref, invoke, invoke0, invoke1,
    invoke2, invoke3, invoke_safe, set_module_loader, type_ref,
)
from golo_fast.runtime.exceptions import GoloException, catch, from_python, to_throwable
from golo_fast.runtime.functions import call_value, call_value_named
from golo_fast.runtime.iteration import destructure, iterate
from golo_fast.runtime.operators import (
    add, cond, div, eq, ge, gt, is_, isnt, le, lt, mod, mul, ne, neg, not_, sub,
)
from golo_fast.runtime.render import render
from golo_fast.runtime.structs import StructBase, UnionBase, make_struct, make_union
from golo_fast.runtime.values import (
    Array, Box, Char, GoloList, GoloMap, GoloSet, MapEntry, Range, Tuple, Vector, map_literal,
    varargs,
)

__all__ = [
    "PREDEFINED", "ClassLiteral", "class_literal", "java_name", "oftype",
    "MODULES", "ModuleContext", "call", "call_named", "call_site", "funref", "invoke", "invoke0",
    "invoke1", "invoke2", "invoke3", "invoke_safe",
    "set_module_loader", "type_ref", "GoloException", "catch", "from_python", "to_throwable",
    "call_value", "call_value_named", "destructure", "iterate",
    "add", "cond", "div", "eq", "ge", "gt", "is_", "isnt", "le", "lt", "mod", "mul", "ne",
    "neg", "not_", "sub", "render", "StructBase", "UnionBase", "make_struct", "make_union",
    "Array", "Box", "Char", "GoloList", "GoloMap", "GoloSet", "MapEntry", "Range", "Tuple",
    "Vector", "map_literal", "varargs",
]
