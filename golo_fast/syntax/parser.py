"""Golo parser: tokens -> syntax tree (golo_fast.syntax.nodes). Grammar: grammar.md.

Recursive descent, one method per rule; each method's docstring quotes its rule. Newlines
matter only where language.md §2.1 says so: a call's `(` must be on the callee's line (the
same holds for anonymous calls and for a collection prefix touching its `[`).
"""
from __future__ import annotations

from golo_fast.errors import GoloSyntaxError
from golo_fast.source import Source
from golo_fast.syntax import nodes as n
from golo_fast.syntax.lexer import tokenize
from golo_fast.syntax.tokens import (
    CHAR, COLLECTION_PREFIXES, EOF_KIND, FLOAT, INT, KEYWORD, NAME, OP, STRING, Token,
)

_REL_OPS = ("<", "<=", ">", ">=")
_EQ_WORDS = ("is", "isnt")
# Keywords that end an expression statement / cannot start an expression.
_STMT_KEYWORDS = frozenset(("let", "var", "if", "while", "for", "foreach", "return", "break",
                            "continue", "case", "try", "throw", "else", "when", "otherwise",
                            "catch", "finally", "then", "function", "local", "struct", "union",
                            "augment", "augmentation", "pimp", "import", "module"))


def parse(source: Source) -> n.Module:
    """Parse a whole Golo file."""
    parser = Parser(source, tokenize(source))
    try:
        return parser.module()
    except RecursionError:
        # Nesting deeper than the stack allows is the program's doing, not a bug in golo-fast:
        # a syntax error where the parser gave up.
        tok = parser.tok
        raise GoloSyntaxError("nested too deeply to parse", source,
                              (tok.start, max(tok.end, tok.start)),
                              "split the expression or block into smaller pieces") from None


class Parser:
    def __init__(self, source: Source, tokens: list[Token]):
        self.source = source
        self.tokens = tokens
        self.i = 0

    # -- helpers ------------------------------------------------------------------------------

    @property
    def tok(self) -> Token:
        return self.tokens[self.i]

    def peek(self, k: int = 1) -> Token:
        return self.tokens[min(self.i + k, len(self.tokens) - 1)]

    def advance(self) -> Token:
        tok = self.tokens[self.i]
        if tok.kind != EOF_KIND:
            self.i += 1
        return tok

    def error(self, message: str, tok: Token | None = None, hint: str | None = None):
        tok = tok or self.tok
        raise GoloSyntaxError(message, self.source, (tok.start, max(tok.end, tok.start)), hint)

    def unexpected(self, expected: str, hint: str | None = None):
        self.error(f"expected {expected}, found {self.tok.describe()}", hint=hint)

    def at_op(self, text: str) -> bool:
        tok = self.tokens[self.i]
        return tok.kind == OP and tok.value == text

    def at_kw(self, word: str) -> bool:
        tok = self.tokens[self.i]
        return tok.kind == KEYWORD and tok.value == word

    def expect_op(self, text: str) -> Token:
        if not self.at_op(text):
            self.unexpected(f"'{text}'")
        return self.advance()

    def expect_kw(self, word: str) -> Token:
        if not self.at_kw(word):
            self.unexpected(f"'{word}'")
        return self.advance()

    def expect_name(self, what: str = "a name") -> Token:
        if self.tok.kind != NAME:
            if self.tok.kind == KEYWORD:
                self.error(f"expected {what}, found keyword '{self.tok.value}'",
                           hint=f"'{self.tok.value}' is reserved; write `{self.tok.value} to use it as a name")
            self.unexpected(what)
        return self.advance()

    def span_from(self, start: int) -> tuple:
        prev = self.tokens[self.i - 1] if self.i > 0 else self.tok
        return (start, max(prev.end, start))

    def qualified_name(self) -> tuple[str, int, int]:
        """qualified_name := NAME ('.' NAME)*"""
        first = self.expect_name()
        parts = [first.value]
        end = first.end
        while self.at_op(".") and self.peek().kind == NAME:
            self.advance()
            tok = self.advance()
            parts.append(tok.value)
            end = tok.end
        return ".".join(parts), first.start, end

    # -- module -------------------------------------------------------------------------------

    def module(self) -> n.Module:
        """module := 'module' qualified_name import* toplevel* EOF"""
        start = self.tok.start
        self.expect_kw("module")
        name, _, _ = self.qualified_name()
        imports = []
        while self.at_kw("import"):
            imports.extend(self.import_decl())
        items = []
        while self.tok.kind != EOF_KIND:
            items.append(self.toplevel())
        return n.Module((start, self.tok.start), name, imports, items)

    def import_decl(self) -> list:
        """import := 'import' '.'? qualified_name ('.' '{' NAME (',' NAME)* '}')?"""
        start = self.advance().start
        prefix = ""
        if self.at_op("."):
            self.advance()
            prefix = "."
        name, _, _ = self.qualified_name()
        if self.at_op(".") and self.peek().is_op("{"):
            self.advance()
            self.advance()
            names = []
            while True:
                sub, _, _ = self.qualified_name()
                names.append(n.Import(self.span_from(start), prefix + name + "." + sub))
                if self.at_op(","):
                    self.advance()
                    continue
                self.expect_op("}")
                return names
        return [n.Import(self.span_from(start), prefix + name)]

    def toplevel(self):
        """toplevel := decorator* ['local'] function | struct | union | augment
                     | augmentation | ('let' | 'var') NAME '=' expression"""
        tok = self.tok
        if tok.is_op("@") or tok.is_kw("function") or tok.is_kw("local"):
            return self.function_decl()
        if tok.is_kw("struct"):
            return self.struct_decl()
        if tok.is_kw("union"):
            return self.union_decl()
        if tok.is_kw("augment") or tok.is_kw("pimp"):
            return self.augment_decl()
        if tok.is_kw("augmentation"):
            return self.augmentation_decl()
        if tok.is_kw("let") or tok.is_kw("var"):
            start = self.advance().start
            name = self.expect_name()
            if self.at_op(","):
                self.error("destructuring is not supported for module-level references")
            self.expect_op("=")
            value = self.expression()
            return n.ModuleLet(self.span_from(start), tok.value == "var", name.value,
                               (name.start, name.end), value)
        if tok.is_kw("import"):
            self.error("imports must come before every declaration")
        if tok.is_kw("module"):
            self.error("a file holds exactly one module")
        self.error(f"expected a declaration (function, struct, union, augment, let, var), "
                   f"found {tok.describe()}",
                   hint="statements belong inside a function such as `function main = |args| { ... }`")

    def function_decl(self) -> n.Function:
        """function := ('@' decorator_expr)* ['local'] 'function' NAME '=' function_body"""
        decorators = []
        start = self.tok.start
        while self.at_op("@"):
            at = self.advance()
            if self.at_op("!"):
                self.advance()
            expr = self.postfix_expression()
            decorators.append(n.Decorator((at.start, expr.span[1]), expr))
        local = False
        if self.at_kw("local"):
            self.advance()
            local = True
        self.expect_kw("function")
        name = self.expect_name("a function name")
        if not self.at_op("="):
            self.unexpected("'='", hint=f"a function is declared as: function {name.value} = "
                                        "|params| { ... }")
        self.advance()
        params, varargs, body, compact = self.function_body()
        return n.Function(self.span_from(start), name.value, (name.start, name.end), params,
                          varargs, body, compact, local, decorators)

    def function_body(self):
        """function_body := ['|' params '|'] ('->' expression | block)"""
        params, varargs = [], False
        if self.at_op("|"):
            params, varargs = self.param_list()
        if self.at_op("->"):
            self.advance()
            return params, varargs, self.expression(), True
        if self.at_op("{"):
            return params, varargs, self.block(), False
        self.unexpected("'->' or '{' to start the function body")

    def param_list(self):
        """params := '|' [NAME (',' NAME)* ['...']] '|'"""
        self.expect_op("|")
        params = []
        varargs = False
        if not self.at_op("|"):
            while True:
                tok = self.expect_name("a parameter name")
                params.append(n.Param((tok.start, tok.end), tok.value))
                if self.at_op("..."):
                    self.advance()
                    varargs = True
                    break
                if not self.at_op(","):
                    break
                self.advance()
        self.expect_op("|")
        if self.at_op("->") and self.tok.nl_before:
            self.error("'->' must be on the same line as the closure parameters")
        return params, varargs

    def struct_decl(self) -> n.Struct:
        """struct := 'struct' NAME '=' '{' NAME (',' NAME)* '}'"""
        start = self.advance().start
        name = self.expect_name("a struct name")
        self.expect_op("=")
        self.expect_op("{")
        members = []
        seen = set()
        while True:
            tok = self.expect_name("a member name")
            if tok.value in seen:
                self.error(f"duplicate struct member '{tok.value}'", tok)
            seen.add(tok.value)
            members.append(tok.value)
            if self.at_op(","):
                self.advance()
                continue
            break
        self.expect_op("}")
        return n.Struct(self.span_from(start), name.value, members)

    def union_decl(self) -> n.Union:
        """union := 'union' NAME '=' '{' (NAME ['=' '{' NAME (',' NAME)* '}'])+ '}'"""
        start = self.advance().start
        name = self.expect_name("a union name")
        self.expect_op("=")
        self.expect_op("{")
        alternatives = []
        while not self.at_op("}"):
            alt = self.expect_name("a union value name")
            fields = []
            if self.at_op("="):
                self.advance()
                self.expect_op("{")
                while True:
                    fields.append(self.expect_name("a field name").value)
                    if self.at_op(","):
                        self.advance()
                        continue
                    break
                self.expect_op("}")
            alternatives.append((alt.value, fields))
        if not alternatives:
            self.error("a union needs at least one value")
        self.expect_op("}")
        return n.Union(self.span_from(start), name.value, alternatives)

    def augment_decl(self) -> n.Augment:
        """augment := ('augment' | 'pimp') qualified_name
                      ('{' function* '}' | 'with' qualified_name (',' qualified_name)*)"""
        start = self.advance().start
        target, _, _ = self.qualified_name()
        if self.at_kw("with"):
            self.advance()
            names = []
            while True:
                names.append(self.qualified_name()[0])
                if self.at_op(","):
                    self.advance()
                    continue
                break
            return n.Augment(self.span_from(start), target, [], names)
        return n.Augment(self.span_from(start), target, self.function_group(), [])

    def augmentation_decl(self) -> n.Augmentation:
        """augmentation := 'augmentation' NAME '=' '{' function* '}'"""
        start = self.advance().start
        name = self.expect_name("an augmentation name")
        self.expect_op("=")
        return n.Augmentation(self.span_from(start), name.value, self.function_group())

    def function_group(self) -> list:
        self.expect_op("{")
        functions = []
        while not self.at_op("}"):
            if not (self.at_kw("function") or self.at_kw("local") or self.at_op("@")):
                self.unexpected("'function' or '}'")
            functions.append(self.function_decl())
        self.advance()
        return functions

    # -- statements ---------------------------------------------------------------------------

    def block(self) -> n.Block:
        """block := '{' statement* '}'"""
        opening = self.expect_op("{")
        start = opening.start
        stmts = []
        while not self.at_op("}"):
            if self.tok.kind == EOF_KIND:
                self.error("this '{' is never closed", opening,
                           hint="add the missing '}' (the file ended first)")
            stmts.append(self.statement())
        self.advance()
        return n.Block(self.span_from(start), stmts)

    def statement(self):
        """statement := let | assignment | return | if | while | for | foreach | break
                      | continue | case | try | throw | expression"""
        tok = self.tok
        if tok.kind == KEYWORD:
            word = tok.value
            if word in ("let", "var"):
                return self.let_stmt()
            if word == "return":
                return self.return_stmt()
            if word == "if":
                return self.if_stmt()
            if word == "while":
                start = self.advance().start
                cond = self.expression()
                body = self.block()
                return n.While(self.span_from(start), cond, body)
            if word == "for":
                return self.for_stmt()
            if word == "foreach":
                return self.foreach_stmt()
            if word == "break":
                self.advance()
                return n.Break((tok.start, tok.end))
            if word == "continue":
                self.advance()
                return n.Continue((tok.start, tok.end))
            if word == "case":
                return self.case_stmt()
            if word == "try":
                return self.try_stmt()
            if word == "throw":
                start = self.advance().start
                value = self.expression()
                return n.Throw(self.span_from(start), value)
            if word in ("function", "local", "struct", "union", "augment", "import", "module"):
                self.error(f"'{word}' is only allowed at the top level of a module",
                           hint="use a closure: let f = |x| -> ..." if word == "function" else None)
        if tok.kind == NAME and self.is_assignment():
            return self.assignment()
        expr = self.expression()
        return n.ExprStmt(expr.span, expr)

    def is_assignment(self) -> bool:
        """NAME (',' NAME)* ['...'] '=' with '=' not part of '=='."""
        k = self.i
        toks = self.tokens
        while True:
            if toks[k].kind != NAME:
                return False
            k += 1
            if toks[k].is_op("..."):
                k += 1
                return toks[k].is_op("=")
            if toks[k].is_op("="):
                return True
            if not toks[k].is_op(","):
                return False
            k += 1

    def assignment(self) -> n.Assign:
        """assignment := NAME (',' NAME)* ['...'] '=' expression"""
        start = self.tok.start
        targets, rest = [], False
        while True:
            tok = self.advance()
            targets.append(n.Name((tok.start, tok.end), tok.value))
            if self.at_op("..."):
                self.advance()
                rest = True
                break
            if self.at_op(","):
                self.advance()
                continue
            break
        self.expect_op("=")
        value = self.expression()
        return n.Assign(self.span_from(start), targets, rest, value)

    def let_stmt(self) -> n.Let:
        """let := ('let' | 'var') NAME (',' NAME)* ['...'] '=' expression"""
        kw = self.advance()
        names, rest = [], False
        while True:
            tok = self.expect_name("a reference name")
            names.append(n.Param((tok.start, tok.end), tok.value))
            if self.at_op("..."):
                self.advance()
                rest = True
                break
            if self.at_op(","):
                self.advance()
                continue
            break
        if not self.at_op("="):
            self.unexpected("'='", hint=f"a `{kw.value}` must be initialised: {kw.value} {names[0].name} = ...")
        self.advance()
        value = self.expression()
        if len(names) == 1 and isinstance(value, n.Closure) and not rest:
            value.self_name = names[0].name
        return n.Let(self.span_from(kw.start), kw.value == "var", names, rest, value)

    def return_stmt(self) -> n.Return:
        """return := 'return' [expression]   (bare when followed by '}')"""
        tok = self.advance()
        nxt = self.tok
        if nxt.is_op("}") or nxt.kind == EOF_KIND or (nxt.kind == KEYWORD and nxt.value in _STMT_KEYWORDS):
            return n.Return((tok.start, tok.end), None)
        value = self.expression()
        return n.Return(self.span_from(tok.start), value)

    def if_stmt(self) -> n.If:
        """if := 'if' expression block ['else' (if | block)]"""
        start = self.advance().start
        cond = self.expression()
        then = self.block()
        orelse = None
        if self.at_kw("else"):
            self.advance()
            if self.at_kw("if"):
                orelse = self.if_stmt()
            else:
                orelse = self.block()
        return n.If(self.span_from(start), cond, then, orelse)

    def for_stmt(self) -> n.For:
        """for := 'for' '(' let ',' expression ',' statement ')' [block]"""
        start = self.advance().start
        self.expect_op("(")
        if not (self.at_kw("var") or self.at_kw("let")):
            self.unexpected("'var' to declare the loop variable")
        init = self.let_stmt()
        self.expect_op(",")
        cond = self.expression()
        self.expect_op(",")
        step = self.statement()
        self.expect_op(")")
        body = self.block() if self.at_op("{") else n.Block(self.span_from(start), [])
        return n.For(self.span_from(start), init, cond, step, body)

    def for_clause(self, start: int) -> n.ForClause:
        """for_clause := NAME (',' NAME)* ['...'] 'in' expression ['when' expression]"""
        names, rest = [], False
        while True:
            tok = self.expect_name("a loop variable name")
            names.append(n.Param((tok.start, tok.end), tok.value))
            if self.at_op("..."):
                self.advance()
                rest = True
                break
            if self.at_op(","):
                self.advance()
                continue
            break
        self.expect_kw("in")
        iterable = self.expression()
        guard = None
        if self.at_kw("when"):
            self.advance()
            guard = self.expression()
        return n.ForClause(self.span_from(start), names, rest, iterable, guard)

    def foreach_stmt(self) -> n.Foreach:
        """foreach := 'foreach' (for_clause | '(' for_clause ')') block"""
        start = self.advance().start
        if self.at_op("("):
            self.advance()
            clause = self.for_clause(self.tok.start)
            self.expect_op(")")
        else:
            clause = self.for_clause(self.tok.start)
        body = self.block()
        return n.Foreach(self.span_from(start), clause, body)

    def case_stmt(self) -> n.Case:
        """case := 'case' '{' ('when' expression block)+ 'otherwise' block '}'"""
        start = self.advance().start
        self.expect_op("{")
        branches = []
        while self.at_kw("when"):
            self.advance()
            cond = self.expression()
            branches.append((cond, self.block()))
        if not branches:
            self.unexpected("'when'")
        if not self.at_kw("otherwise"):
            self.unexpected("'when' or 'otherwise'", hint="a case needs a final `otherwise { ... }`")
        self.advance()
        otherwise = self.block()
        self.expect_op("}")
        return n.Case(self.span_from(start), branches, otherwise)

    def try_stmt(self) -> n.Try:
        """try := 'try' block ['catch' '(' NAME ')' block] ['finally' block]"""
        start = self.advance().start
        body = self.block()
        catch_name = catch_body = finally_body = None
        if self.at_kw("catch"):
            self.advance()
            self.expect_op("(")
            tok = self.expect_name("the exception name")
            catch_name = n.Param((tok.start, tok.end), tok.value)
            self.expect_op(")")
            catch_body = self.block()
        if self.at_kw("finally"):
            self.advance()
            finally_body = self.block()
        if catch_body is None and finally_body is None:
            self.unexpected("'catch' or 'finally'")
        return n.Try(self.span_from(start), body, catch_name, catch_body, finally_body)

    # -- expressions --------------------------------------------------------------------------

    def expression(self):
        """expression := or_if_null ['with' '{' (NAME '=' expression)* '}']"""
        expr = self.or_if_null()
        if self.at_kw("with") and self.peek().is_op("{"):
            self.advance()
            self.advance()
            bindings = []
            while not self.at_op("}"):
                tok = self.expect_name("a name")
                self.expect_op("=")
                bindings.append((n.Param((tok.start, tok.end), tok.value), self.expression()))
            self.advance()
            expr = n.WithExpr(self.span_from(expr.span[0]), bindings, expr)
        return expr

    def binary_left(self, sub, ops, words=()):
        left = sub()
        while True:
            tok = self.tok
            if (tok.kind == OP and tok.value in ops) or (tok.kind == KEYWORD and tok.value in words):
                self.advance()
                right = sub()
                left = n.Binary((left.span[0], right.span[1]), tok.value, left, right)
            else:
                return left

    def or_if_null(self):
        """or_if_null := or ('orIfNull' or)*"""
        return self.binary_left(self.or_expr, (), ("orIfNull",))

    def or_expr(self):
        """or := and ('or' and)*"""
        return self.binary_left(self.and_expr, (), ("or",))

    def and_expr(self):
        """and := equality ('and' equality)*"""
        return self.binary_left(self.equality, (), ("and",))

    def equality(self):
        """equality := relational [('==' | '!=' | 'is' | 'isnt') relational]  (non-associative)"""
        left = self.relational()
        tok = self.tok
        if (tok.kind == OP and tok.value in ("==", "!=")) or (tok.kind == KEYWORD and tok.value in _EQ_WORDS):
            self.advance()
            right = self.relational()
            left = n.Binary((left.span[0], right.span[1]), tok.value, left, right)
            nxt = self.tok
            if (nxt.kind == OP and nxt.value in ("==", "!=")) or (nxt.kind == KEYWORD and nxt.value in _EQ_WORDS):
                self.error(f"'{nxt.value}' cannot follow another equality operator (non-associative)",
                           hint="add parentheses")
        return left

    def relational(self):
        """relational := additive [('<' | '<=' | '>' | '>=' | 'oftype') additive]  (non-associative)"""
        left = self.additive()
        tok = self.tok
        if (tok.kind == OP and tok.value in _REL_OPS) or tok.is_kw("oftype"):
            self.advance()
            right = self.additive()
            left = n.Binary((left.span[0], right.span[1]), tok.value, left, right)
            nxt = self.tok
            if (nxt.kind == OP and nxt.value in _REL_OPS) or nxt.is_kw("oftype"):
                self.error(f"'{nxt.value}' cannot follow another comparison (non-associative)",
                           hint="add parentheses or split with `and`")
        return left

    def additive(self):
        """additive := multiplicative (('+' | '-') multiplicative)*"""
        return self.binary_left(self.multiplicative, ("+", "-"))

    def multiplicative(self):
        """multiplicative := unary (('*' | '/' | '%') negation)*"""
        left = self.unary()
        while self.tok.kind == OP and self.tok.value in ("*", "/", "%"):
            op = self.advance().value
            if self.at_kw("not"):
                self.error(f"'not' cannot follow '{op}'", hint="add parentheses: a * (not b)")
            right = self.negation()
            left = n.Binary((left.span[0], right.span[1]), op, left, right)
        return left

    def unary(self):
        """unary := 'not' negation | negation"""
        if self.at_kw("not"):
            tok = self.advance()
            operand = self.negation()
            return n.Unary((tok.start, operand.span[1]), "not", operand)
        return self.negation()

    def negation(self):
        """negation := '-' negation | postfix"""
        if self.at_op("-"):
            tok = self.advance()
            if self.at_kw("not"):
                self.error("'not' cannot follow '-'", hint="add parentheses")
            operand = self.negation()
            if isinstance(operand, n.Literal) and operand.kind in ("int", "float") \
                    and not isinstance(operand.value, bool):
                return n.Literal((tok.start, operand.span[1]), -operand.value, operand.kind)
            return n.Unary((tok.start, operand.span[1]), "-", operand)
        return self.postfix_expression()

    def postfix_expression(self):
        """postfix := primary ((':' | '?:') NAME arguments | arguments)*
        (an anonymous call's '(' must be on the same line)"""
        expr = self.primary()
        while True:
            tok = self.tok
            if tok.kind == OP and tok.value in (":", "?:"):
                self.advance()
                if self.tok.kind not in (NAME, KEYWORD):
                    self.unexpected("a method name")
                name = self.advance()
                if not self.at_op("(") or self.tok.nl_before:
                    self.unexpected("'(' after the method name",
                                    hint=f"a method call needs parentheses: {name.value}()")
                args = self.arguments()
                expr = n.MethodCall(self.span_from(expr.span[0]), expr, name.value, args,
                                    tok.value == "?:")
            elif tok.kind == OP and tok.value == "(" and not tok.nl_before:
                args = self.arguments()
                expr = n.CallValue(self.span_from(expr.span[0]), expr, args)
            else:
                return expr

    def arguments(self) -> list:
        """arguments := '(' [argument (',' argument)*] ')'
        argument := [NAME '='] expression"""
        self.expect_op("(")
        args = []
        if self.at_op(")"):
            self.advance()
            return args
        while True:
            tok = self.tok
            if tok.kind == NAME and self.peek().is_op("="):
                self.advance()
                self.advance()
                value = self.expression()
                args.append(n.Arg((tok.start, value.span[1]), tok.value, value))
            else:
                value = self.expression()
                args.append(n.Arg(value.span, None, value))
            if self.at_op(","):
                comma = self.advance()
                if self.at_op(")"):
                    self.error("trailing ',' before ')'", comma)
                continue
            if self.at_op(")"):
                self.advance()
                return args
            self.unexpected("',' or ')' in the argument list")

    def primary(self):
        """primary := literal | collection | closure | funref | match | '(' expression ')'
                    | qualified_name [['!'] arguments | '.class']"""
        tok = self.tok
        kind = tok.kind
        if kind == INT:
            self.advance()
            return n.Literal((tok.start, tok.end), tok.value, "int")
        if kind == FLOAT:
            self.advance()
            return n.Literal((tok.start, tok.end), tok.value, "float")
        if kind == STRING:
            self.advance()
            return n.Literal((tok.start, tok.end), tok.value, "string")
        if kind == CHAR:
            self.advance()
            return n.Literal((tok.start, tok.end), tok.value, "char")
        if kind == KEYWORD:
            word = tok.value
            if word in ("true", "false"):
                self.advance()
                return n.Literal((tok.start, tok.end), word == "true", "bool")
            if word == "null":
                self.advance()
                return n.Literal((tok.start, tok.end), None, "null")
            if word == "match":
                return self.match_expr()
            self.error(f"expected an expression, found keyword '{word}'")
        if kind == NAME:
            nxt = self.peek()
            if tok.value in COLLECTION_PREFIXES and nxt.is_op("[") and nxt.start == tok.end:
                self.advance()
                return self.collection(tok.value, tok.start)
            return self.name_expression()
        if kind == OP:
            op = tok.value
            if op == "(":
                self.advance()
                expr = self.expression()
                self.expect_op(")")
                return expr
            if op == "[":
                return self.collection("tuple", tok.start)
            if op in ("|", "->", "{"):
                return self.closure()
            if op == "^":
                return self.funref()
        self.error(f"expected an expression, found {tok.describe()}")

    def name_expression(self):
        start = self.tok.start
        name, _, end = self.qualified_name()
        if name.endswith(".class"):
            return n.ClassLit((start, end), name[:-len(".class")])
        if self.at_op("(") and not self.tok.nl_before:
            args = self.arguments()
            return n.Call(self.span_from(start), name, (start, end), args)
        if self.at_op("!") and self.peek().is_op("(") and not self.tok.nl_before:
            self.advance()
            args = self.arguments()
            return n.Call(self.span_from(start), name, (start, end), args, banged=True)
        if "." in name:
            # `Shape.Nothing` style references are not Golo; a type name must be `X.class`.
            self.error(f"expected '(' or '.class' after '{name}'", hint=f"call it: {name}(...)")
        return n.Name((start, end), name)

    def closure(self) -> n.Closure:
        """closure := ['|' params '|'] ('->' expression | block)"""
        start = self.tok.start
        params, varargs = [], False
        if self.at_op("|"):
            params, varargs = self.param_list()
        if self.at_op("->"):
            self.advance()
            body = self.expression()
            return n.Closure(self.span_from(start), params, varargs, body, True)
        if self.at_op("{"):
            body = self.block()
            return n.Closure(self.span_from(start), params, varargs, body, False)
        self.unexpected("'->' or '{' after the closure parameters")

    def funref(self) -> n.FunRef:
        """funref := '^' qualified_name ['::' NAME] ['\\' INT ['...']]"""
        start = self.advance().start
        name, _, _ = self.qualified_name()
        module = None
        if self.at_op("::"):
            self.advance()
            module = name
            name = self.expect_name("a function name").value
        arity, varargs = None, False
        if self.at_op("\\"):
            self.advance()
            if self.tok.kind != INT:
                self.unexpected("an arity number after '\\'")
            arity = self.advance().value
            if self.at_op("..."):
                self.advance()
                varargs = True
        return n.FunRef(self.span_from(start), module, name, arity, varargs)

    def match_expr(self) -> n.MatchExpr:
        """match := 'match' '{' ('when' expression 'then' expression)+ 'otherwise' expression '}'"""
        start = self.advance().start
        self.expect_op("{")
        branches = []
        while self.at_kw("when"):
            self.advance()
            cond = self.expression()
            self.expect_kw("then")
            branches.append((cond, self.expression()))
        if not branches:
            self.unexpected("'when'")
        if not self.at_kw("otherwise"):
            self.unexpected("'when' or 'otherwise'", hint="a match needs a final `otherwise value`")
        self.advance()
        otherwise = self.expression()
        self.expect_op("}")
        return n.MatchExpr(self.span_from(start), branches, otherwise)

    def collection(self, kind: str, start: int):
        """collection := [prefix] '[' [expression (',' expression)* | expression '..' expression
                       | expression comprehension_clause+] ']'"""
        self.expect_op("[")
        if self.at_op("]"):
            self.advance()
            return n.Collection(self.span_from(start), kind, [])
        first = self.expression()
        if self.at_op(".."):
            if kind != "tuple":
                self.error("a range literal has no prefix: write [a..b]")
            self.advance()
            stop = self.expression()
            self.expect_op("]")
            return n.RangeLit(self.span_from(start), first, stop)
        if self.at_kw("foreach") or self.at_kw("for"):
            clauses = []
            while self.at_kw("foreach") or self.at_kw("for"):
                kw = self.advance()
                if kw.value == "for":
                    self.error("C-style 'for' clauses are not supported in comprehensions; use 'foreach'", kw)
                if self.at_op("("):
                    self.advance()
                    clause = self.for_clause(self.tok.start)
                    self.expect_op(")")
                else:
                    clause = self.for_clause(self.tok.start)
                clauses.append(clause)
            self.expect_op("]")
            return n.Comprehension(self.span_from(start), kind, first, clauses)
        items = [first]
        while self.at_op(","):
            comma = self.advance()
            if self.at_op("]"):
                self.error("trailing ',' before ']'", comma)
            items.append(self.expression())
        if not self.at_op("]"):
            self.unexpected("',' or ']'")
        self.advance()
        return n.Collection(self.span_from(start), kind, items)
