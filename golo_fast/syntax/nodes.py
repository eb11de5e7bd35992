"""Syntax tree nodes. Every node has `span`: (start, end) offsets into its Source.

Fields named `info`/`binding`/`target` start empty and are filled by the resolver
(golo_fast.resolve) for the code generator.
"""
from __future__ import annotations

from dataclasses import dataclass, field

Span = tuple  # (start, end)


@dataclass(slots=True, eq=False)
class Node:
    span: Span


# -- expressions ------------------------------------------------------------------------------

@dataclass(slots=True, eq=False)
class Literal(Node):
    value: object          # int, float, str, bool, None; Char literal: CharValue
    kind: str              # "int" "float" "string" "char" "bool" "null"


@dataclass(slots=True, eq=False)
class Name(Node):
    name: str
    binding: object = None   # resolve.Binding


@dataclass(slots=True, eq=False)
class Binary(Node):
    op: str                  # + - * / % < <= > >= == != is isnt oftype and or orIfNull
    left: Node
    right: Node


@dataclass(slots=True, eq=False)
class Unary(Node):
    op: str                  # "not" or "-"
    operand: Node


@dataclass(slots=True, eq=False)
class Arg(Node):
    name: str | None         # named argument `name = value`, else None
    value: Node


@dataclass(slots=True, eq=False)
class Call(Node):
    """`name(args)`, possibly dotted (`Shape.Circle(1)`, `a.b.Mod.f()`)."""
    name: str
    name_span: Span
    args: list
    binding: object = None   # a local Binding when the callee is a local closure
    target: object = None    # resolve.FunctionTarget when statically bound
    banged: bool = False     # `f!(args)`: evaluated once per call site, then reused


@dataclass(slots=True, eq=False)
class CallValue(Node):
    """Anonymous call of a value: `f(1)(2)`, `(|x| -> x)(5)`."""
    callee: Node
    args: list


@dataclass(slots=True, eq=False)
class MethodCall(Node):
    receiver: Node
    name: str
    args: list
    safe: bool               # `?:`


@dataclass(slots=True, eq=False)
class Param(Node):
    name: str
    binding: object = None


@dataclass(slots=True, eq=False)
class Closure(Node):
    params: list             # [Param]
    varargs: bool
    body: object             # Block, or an expression when compact
    compact: bool
    info: object = None      # resolve.FunctionInfo
    self_name: str | None = None   # `let f = |..| -> ... f(..)`: the closure's own name


@dataclass(slots=True, eq=False)
class Collection(Node):
    kind: str                # tuple list vector set map array
    items: list


@dataclass(slots=True, eq=False)
class ForClause(Node):
    names: list              # [Param]
    rest: bool
    iterable: Node
    guard: Node | None


@dataclass(slots=True, eq=False)
class Comprehension(Node):
    kind: str
    element: Node
    clauses: list            # [ForClause]


@dataclass(slots=True, eq=False)
class RangeLit(Node):
    start: Node
    stop: Node               # inclusive bound


@dataclass(slots=True, eq=False)
class MatchExpr(Node):
    branches: list           # [(cond, value)]
    otherwise: Node


@dataclass(slots=True, eq=False)
class FunRef(Node):
    module: str | None
    name: str
    arity: int | None
    varargs: bool
    target: object = None


@dataclass(slots=True, eq=False)
class ClassLit(Node):
    name: str


@dataclass(slots=True, eq=False)
class WithExpr(Node):
    """`expr with { a = 1  b = 2 }`: constants visible only in expr."""
    bindings: list           # [(Param, value)]
    body: Node


# -- statements -------------------------------------------------------------------------------

@dataclass(slots=True, eq=False)
class Block(Node):
    stmts: list


@dataclass(slots=True, eq=False)
class Let(Node):
    mutable: bool            # var
    names: list              # [Param]
    rest: bool               # last name collects the rest (`a, b...`)
    value: Node


@dataclass(slots=True, eq=False)
class Assign(Node):
    targets: list            # [Name]
    rest: bool
    value: Node


@dataclass(slots=True, eq=False)
class ExprStmt(Node):
    expr: Node


@dataclass(slots=True, eq=False)
class Return(Node):
    value: Node | None


@dataclass(slots=True, eq=False)
class If(Node):
    cond: Node
    then: Block
    orelse: object           # Block, If, or None


@dataclass(slots=True, eq=False)
class While(Node):
    cond: Node
    body: Block


@dataclass(slots=True, eq=False)
class For(Node):
    init: Let
    cond: Node
    step: Node               # a statement
    body: Block


@dataclass(slots=True, eq=False)
class Foreach(Node):
    clause: ForClause
    body: Block


@dataclass(slots=True, eq=False)
class Break(Node):
    pass


@dataclass(slots=True, eq=False)
class Continue(Node):
    pass


@dataclass(slots=True, eq=False)
class Case(Node):
    branches: list           # [(cond, Block)]
    otherwise: Block


@dataclass(slots=True, eq=False)
class Try(Node):
    body: Block
    catch_name: Param | None
    catch_body: Block | None
    finally_body: Block | None


@dataclass(slots=True, eq=False)
class Throw(Node):
    value: Node


# -- top level --------------------------------------------------------------------------------

@dataclass(slots=True, eq=False)
class Decorator(Node):
    expr: Node


@dataclass(slots=True, eq=False)
class Function(Node):
    name: str
    name_span: Span
    params: list
    varargs: bool
    body: object             # Block or expression
    compact: bool
    local: bool = False
    decorators: list = field(default_factory=list)
    info: object = None
    pyname: str = ""


@dataclass(slots=True, eq=False)
class Import(Node):
    name: str


@dataclass(slots=True, eq=False)
class ModuleLet(Node):
    mutable: bool
    name: str
    name_span: Span
    value: Node
    binding: object = None


@dataclass(slots=True, eq=False)
class Struct(Node):
    name: str
    members: list            # [str]


@dataclass(slots=True, eq=False)
class Union(Node):
    name: str
    alternatives: list       # [(name, [fields])]


@dataclass(slots=True, eq=False)
class Augment(Node):
    target: str
    functions: list          # [Function]
    with_names: list         # [str]


@dataclass(slots=True, eq=False)
class Augmentation(Node):
    name: str
    functions: list


@dataclass(slots=True, eq=False)
class Module(Node):
    name: str
    imports: list
    items: list              # Function, ModuleLet, Struct, Union, Augment, Augmentation
