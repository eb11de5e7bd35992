"""Built-in methods by receiver type (§17): Java methods and Golo's standard augmentations.

Each table maps a Golo method name to a list of overloads `(min_args, max_args, fn)`, where
`max_args` is None for varargs and `fn(receiver, *args)`.  `NATIVE[t]` holds the methods of
the Java type (they win over every augmentation); `STANDARD[t]` holds the standard
augmentations, which a module's own augmentations may redefine (§14, step 5).

Methods are written as functions in namespace classes; their arity is read from their code.
"""
from __future__ import annotations

import functools
import math
import operator
import re
import types

from golo_fast.runtime import functions as _fn
from golo_fast.runtime import dynamic as _dynamic
from golo_fast.runtime.classes import class_of, is_function, java_name, oftype
from golo_fast.runtime.exceptions import GoloException, cause_of, message_of
from golo_fast.runtime.operators import eq, lt
from golo_fast.runtime.render import render, render_exception
from golo_fast.runtime import structs as _structs
from golo_fast.runtime.values import (
    Array, Box, Char, EntrySet, GoloList, GoloMap, GoloSet, MapEntry, Range, ReadOnlyList, Tuple,
    Vector, JavaIterator, golo_contains, index_error, wrap_key,
)
from golo_fast.runtime.formatting import java_format

_CO_VARARGS = 0x04

NATIVE: dict[type, dict[str, list]] = {}
STANDARD: dict[type, dict[str, list]] = {}


def _arity(fn) -> tuple[int, int | None]:
    code = fn.__code__
    n = code.co_argcount - 1
    return n - len(fn.__defaults__ or ()), (None if code.co_flags & _CO_VARARGS else n)


def _register(table: dict, targets, namespace) -> None:
    """Add the methods of a namespace class (and of its bases) to `table[t]` for each target."""
    merged: dict = {}
    for klass in reversed(namespace.__mro__[:-1]):
        for name, fn in vars(klass).items():
            if not name.startswith("_") and isinstance(fn, types.FunctionType):
                merged[name] = fn
    # Several Python functions may carry one Golo name: they are its arity overloads.
    for name, fn in merged.items():
        lo, hi = _arity(fn)
        for t in targets:
            overloads = table.setdefault(t, {}).setdefault(getattr(fn, "golo_name", name), [])
            overloads.append((lo, hi, fn))


def _named(golo_name: str):
    """Give a method a Golo name that is not a valid or convenient Python name."""
    def mark(fn):
        fn.golo_name = golo_name
        return fn
    return mark


def _bad_index(i, size) -> GoloException:
    return index_error(i, size)


def _check_int(value, what: str = "index") -> int:
    if type(value) is not int:
        raise GoloException("java.lang.ClassCastException",
                            f"{what} must be an Integer, not {java_name(value)}")
    return value


def _bool(value, what: str) -> bool:
    if value is True or value is False:
        return value
    raise GoloException("java.lang.ClassCastException",
                        f"{what} must return a Boolean, not {java_name(value)}")


def _number_format(text) -> GoloException:
    return GoloException("java.lang.NumberFormatException", f'For input string: "{text}"')


def parse_int(text: str) -> int:
    """Java's Integer.parseInt: an optional sign and ASCII digits, nothing else (no spaces)."""
    if not isinstance(text, str) or not re.fullmatch(r"[+-]?[0-9]+", text):
        raise _number_format(text)
    return int(text)


def parse_float(text: str) -> float:
    s = text.strip()
    if re.fullmatch(r"[+-]?(NaN|Infinity)", s):
        return float(s.replace("Infinity", "inf"))
    if not re.fullmatch(r"[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?[dDfF]?", s):
        raise _number_format(text)
    return float(s.rstrip("dDfF"))


def java_hash_string(s: str) -> int:
    """Java's String.hashCode (over UTF-16 units, wrapped to 32 bits)."""
    h = 0
    for unit in memoryview(s.encode("utf-16-le")).cast("H"):
        h = (31 * h + unit) & 0xFFFFFFFF
    return h - (1 << 32) if h >= 1 << 31 else h


def _text(value) -> str:
    """A String argument (a Char counts as a one-character string, as Java's overloads do)."""
    if type(value) is str:
        return value
    if type(value) is Char:
        return chr(value)
    raise GoloException("java.lang.ClassCastException",
                        f"expected a String, got {java_name(value)}")


# Java regex -> Python re: the syntaxes agree on everything scripts commonly use.
_REGEX_CACHE: dict[str, re.Pattern] = {}


def _regex(pattern: str) -> re.Pattern:
    compiled = _REGEX_CACHE.get(pattern)
    if compiled is None:
        try:
            compiled = re.compile(pattern)
        except re.error as exc:
            raise GoloException("java.util.regex.PatternSyntaxException",
                                f"{exc} near index {exc.pos} {pattern}") from None
        _REGEX_CACHE[pattern] = compiled
    return compiled


def _java_replacement(rep: str) -> str:
    # Java's `$1` group references become Python's `\g<1>`; `\$` is a literal dollar.
    out = []
    i = 0
    while i < len(rep):
        c = rep[i]
        if c == "\\" and i + 1 < len(rep):
            out.append(rep[i + 1].replace("\\", "\\\\"))
            i += 2
        elif c == "$" and i + 1 < len(rep) and rep[i + 1].isdigit():
            j = i + 1
            while j < len(rep) and rep[j].isdigit():
                j += 1
            out.append(f"\\g<{rep[i + 1:j]}>")
            i = j
        else:
            out.append("\\\\" if c == "\\" else c)
            i += 1
    return "".join(out)


def java_split(text: str, pattern: str, limit: int = 0) -> Array:
    """Java `String.split`: regex separator, trailing empty strings removed (limit 0)."""
    parts = []
    start = 0
    for m in _regex(pattern).finditer(text):
        if m.end() == 0:
            # A zero-width match at the beginning never produces a leading empty string.
            continue
        if limit > 0 and len(parts) == limit - 1:
            break
        if m.start() == m.end() and m.start() >= len(text):
            break
        parts.append(text[start:m.start()])
        start = m.end()
    parts.append(text[start:])
    if limit == 0:
        while parts and parts[-1] == "":
            parts.pop()
        if not parts and text == "":
            parts = [""]
    return Array(parts)


# -- Object: every non-null value -----------------------------------------------------------

class _Object:
    def toString(self):
        return render(self)

    def equals(self, other):
        return eq(self, other)

    def hashCode(self):
        return hash(self) & 0x7FFFFFFF

    def getClass(self):
        return class_of(self)


class _ObjectStd:
    def isOneOf(self, *classes):
        if len(classes) == 1 and type(classes[0]) is Array:
            classes = tuple(classes[0])
        return any(oftype(self, klass) for klass in classes)


class _Iterator:
    def hasNext(self):
        return self.has_next()

    def next(self):
        return JavaIterator.next(self)


def _table(namespace) -> dict:
    """The method table of one namespace class (for receivers not keyed by Python type)."""
    holder: dict = {}
    _register(holder, [None], namespace)
    return holder[None]


OBJECT_METHODS = _table(_Object)
OBJECT_STANDARD = _table(_ObjectStd)


# -- String ---------------------------------------------------------------------------------

class _String:
    def length(self):
        return len(self)

    def isEmpty(self):
        return not self

    def isBlank(self):
        return not self.strip()

    def contains(self, s):
        return _text(s) in self

    def startsWith(self, s):
        return self.startswith(_text(s))

    def endsWith(self, s):
        return self.endswith(_text(s))

    def equals(self, other):
        return type(other) is str and self == other

    def equalsIgnoreCase(self, other):
        return type(other) is str and self.lower() == other.lower()

    def charAt(self, i):
        i = _check_int(i)
        if not 0 <= i < len(self):
            raise GoloException("java.lang.StringIndexOutOfBoundsException",
                                f"index {i}, length {len(self)}")
        return Char(ord(self[i]))

    def codePointAt(self, i):
        return int(_String.charAt(self, i))

    def substring(self, begin, end=None):
        begin = _check_int(begin)
        end = len(self) if end is None else _check_int(end)
        if not 0 <= begin <= end <= len(self):
            raise GoloException("java.lang.StringIndexOutOfBoundsException",
                                f"begin {begin}, end {end}, length {len(self)}")
        return self[begin:end]

    def indexOf(self, s, start=0):
        return self.find(_text(s), max(_check_int(start), 0))

    def lastIndexOf(self, s):
        return self.rfind(_text(s))

    def toUpperCase(self):
        return self.upper()

    def toLowerCase(self):
        return self.lower()

    def trim(self):
        # Java's trim removes every character up to U+0020, not only whitespace.
        start, end = 0, len(self)
        while start < end and self[start] <= " ":
            start += 1
        while end > start and self[end - 1] <= " ":
            end -= 1
        return self[start:end]

    def strip(self):
        return self.strip()

    def replace(self, old, new):
        return self.replace(_text(old), _text(new))

    def replaceAll(self, regex, rep):
        return _regex(regex).sub(_java_replacement(rep), self)

    def replaceFirst(self, regex, rep):
        return _regex(regex).sub(_java_replacement(rep), self, count=1)

    def matches(self, regex):
        return _regex(regex).fullmatch(self) is not None

    def split(self, regex, limit=0):
        return java_split(self, regex, limit)

    def compareTo(self, other):
        other = _text(other)
        for a, b in zip(self, other):
            if a != b:
                return ord(a) - ord(b)
        return len(self) - len(other)

    def compareToIgnoreCase(self, other):
        return _String.compareTo(self.lower(), _text(other).lower())

    def concat(self, other):
        return self + _text(other)

    def repeat(self, n):
        return self * max(_check_int(n), 0)

    def toCharArray(self):
        return Array(Char(ord(c)) for c in self)

    def chars(self):
        return GoloList(ord(c) for c in self)

    def toString(self):
        return self

    def hashCode(self):
        return java_hash_string(self)


class _StringStd:
    def format(self, *args):
        if len(args) == 1 and type(args[0]) is Array:
            args = tuple(args[0])
        return java_format(self, args)

    def toInt(self):
        return parse_int(self)

    def toInteger(self):
        return parse_int(self)

    def toLong(self):
        return parse_int(self)

    def toDouble(self):
        return parse_float(self)

    def toFloat(self):
        return parse_float(self)

    def head(self):
        return Char(ord(self[0])) if self else None

    def tail(self):
        return self[1:]


# -- Iterable helpers shared by lists, sets, tuples, arrays, ranges --------------------------

def _selected(items, pred, what: str) -> list:
    """The items for which `pred` is true; a non-Boolean answer is a Golo error."""
    out = []
    append = out.append
    for x in items:
        answer = pred(x)
        if answer is True:
            append(x)
        elif answer is not False:
            _bool(answer, what)
    return out


def _first(items, pred, what: str):
    """(True, item) for the first item `pred` accepts, else (False, None)."""
    for x in items:
        answer = pred(x)
        if answer is True:
            return True, x
        if answer is not False:
            _bool(answer, what)
    return False, None


class _IterableStd:
    def each(self, f):
        for x in self:
            f(x)
        return self

    def reduce(self, init, f):
        return functools.reduce(f, self, init)

    def count(self, pred):
        return len(_selected(self, pred, "count predicate"))

    def exists(self, pred):
        return _first(self, pred, "exists predicate")[0]

    def find(self, pred):
        return _first(self, pred, "find predicate")[1]

    def join(self, sep):
        return _text(sep).join([x if type(x) is str else render(x) for x in self])

    def map(self, f):
        return GoloList(map(f, self))

    def filter(self, pred):
        return GoloList(_selected(self, pred, "filter predicate"))

    def toList(self):
        return GoloList(self)


def _same_kind(coll, items):
    t = type(coll)
    if t is Range or t is ReadOnlyList:
        return GoloList(items)
    if t is EntrySet:
        return GoloSet(items)
    return t(items)


class _CollectionStd(_IterableStd):
    """Standard augmentations that keep the receiver's kind (list, vector, set, tuple...)."""

    def map(self, f):
        return _same_kind(self, map(f, self))

    def filter(self, pred):
        return _same_kind(self, _selected(self, pred, "filter predicate"))

    def flatMap(self, f):
        out = []
        for x in self:
            out.extend(f(x))
        return _same_kind(self, out)


# -- List / Vector --------------------------------------------------------------------------

def _index(lst, i) -> int:
    if type(i) is not int or not 0 <= i < len(lst):
        if type(i) is not int:
            _check_int(i)
        raise _bad_index(i, len(lst))
    return i


class _List:
    def size(self):
        return len(self)

    def isEmpty(self):
        return not self

    def get(self, i):
        if type(i) is int and 0 <= i < len(self):
            return self[i]
        raise _bad_index(_check_int(i), len(self))

    def set(self, i, value):
        i = _index(self, i)
        old = self[i]
        self[i] = value
        return old

    def add(self, value):
        list.append(self, value)
        return True

    @_named("add")
    def add_at(self, index, value):
        i = _check_int(index)
        if not 0 <= i <= len(self):
            raise _bad_index(i, len(self))
        list.insert(self, i, value)

    def addAll(self, values):
        list.extend(self, list(values))
        return True

    @_named("addAll")
    def add_all_at(self, index, values):
        i = _check_int(index)
        if not 0 <= i <= len(self):
            raise _bad_index(i, len(self))
        list.__setitem__(self, slice(i, i), list(values))
        return True

    def contains(self, value):
        return golo_contains(self, value)

    def containsAll(self, values):
        return all(golo_contains(self, v) for v in values)

    def indexOf(self, value):
        for i, x in enumerate(self):
            if eq(x, value):
                return i
        return -1

    def lastIndexOf(self, value):
        for i in range(len(self) - 1, -1, -1):
            if eq(self[i], value):
                return i
        return -1

    def remove(self, value):
        # Java picks remove(int index) for integers: `l: remove(5)` removes position 5.
        if type(value) is int:
            return list.pop(self, _index(self, value))
        for i, x in enumerate(self):
            if eq(x, value):
                del self[i]
                return True
        return False

    def removeAll(self, values):
        values = list(values)
        kept = [x for x in self if not golo_contains(values, x)]
        changed = len(kept) != len(self)
        self[:] = kept
        return changed

    def clear(self):
        list.clear(self)

    def subList(self, start, end):
        if not 0 <= start <= end <= len(self):
            raise _bad_index(end, len(self))
        return type(self)(self[start:end])

    def getFirst(self):
        if not self:
            raise GoloException("java.util.NoSuchElementException", "the list is empty")
        return self[0]

    def getLast(self):
        if not self:
            raise GoloException("java.util.NoSuchElementException", "the list is empty")
        return self[-1]

    def removeFirst(self):
        if not self:
            raise GoloException("java.util.NoSuchElementException", "the list is empty")
        return list.pop(self, 0)

    def removeLast(self):
        if not self:
            raise GoloException("java.util.NoSuchElementException", "the list is empty")
        return list.pop(self)

    def addFirst(self, value):
        list.insert(self, 0, value)

    def addLast(self, value):
        list.append(self, value)

    def push(self, value):
        list.insert(self, 0, value)

    def pop(self):
        return _List.removeFirst(self)

    def peek(self):
        return self[0] if self else None

    def toArray(self):
        return Array(self)

    def iterator(self):
        return JavaIterator(self)


class _ListStd(_CollectionStd):
    def append(self, value, *more):
        list.append(self, value)
        if more:
            list.extend(self, more)
        return self

    def prepend(self, value):
        list.insert(self, 0, value)
        return self

    def insert(self, i, value):
        i = _check_int(i)
        if not 0 <= i <= len(self):
            raise _bad_index(i, len(self))
        list.insert(self, i, value)
        return self

    def removeAt(self, i):
        return list.pop(self, _index(self, i))

    def head(self):
        return self[0] if self else None

    def last(self):
        return self[-1] if self else None

    def first(self):
        return self[0] if self else None

    def tail(self):
        return ReadOnlyList(self[1:])

    def reverse(self):
        list.reverse(self)
        return self

    def reversed(self):
        return type(self)(self[::-1])

    def order(self, comparator=None):
        _sort(self, comparator)
        return self

    def ordered(self, comparator=None):
        copy = type(self)(self)
        _sort(copy, comparator)
        return copy

    def unmodifiableView(self):
        return ReadOnlyList(self)

    def isEmpty(self):
        return not self


def _sort(lst, comparator) -> None:
    if comparator is None:
        list.sort(lst, key=_SortKey)
    else:
        list.sort(lst, key=functools.cmp_to_key(comparator))


class _SortKey:
    """Orders values with Golo's `<` (mixed numbers ok, incomparable kinds raise)."""

    __slots__ = ("value",)

    def __init__(self, value):
        self.value = value

    def __lt__(self, other):
        return lt(self.value, other.value)


# -- Set ------------------------------------------------------------------------------------

class _Set:
    def size(self):
        return len(self)

    def isEmpty(self):
        return len(self) == 0

    def contains(self, value):
        return value in self

    def containsAll(self, values):
        return all(v in self for v in values)

    def add(self, value):
        return self.add(value)

    def addAll(self, values):
        changed = False
        for v in values:
            changed = self.add(v) or changed
        return changed

    def remove(self, value):
        return self.discard(value)

    def removeAll(self, values):
        changed = False
        for v in list(values):
            changed = self.discard(v) or changed
        return changed

    def retainAll(self, values):
        keep = set(values)
        gone = [v for v in self if v not in keep]
        for v in gone:
            self.discard(v)
        return bool(gone)

    def clear(self):
        self.clear()

    def toArray(self):
        return Array(self)

    def iterator(self):
        return JavaIterator(self)


class _SetStd(_CollectionStd):
    def include(self, value, *more):
        self.add(value)
        for v in more:
            self.add(v)
        return self

    def exclude(self, value, *more):
        self.discard(value)
        for v in more:
            self.discard(v)
        return self

    def has(self, value):
        return value in self

    def head(self):
        for v in self:
            return v
        return None


# -- Map ------------------------------------------------------------------------------------

class _Map:
    def size(self):
        return len(self)

    def isEmpty(self):
        return not self

    def get(self, key):
        if key is True or key is False:
            key = wrap_key(key)
        try:
            return dict.get(self, key)
        except TypeError:
            return None

    def getOrDefault(self, key, default):
        return GoloMap.get(self, key, default)

    def put(self, key, value):
        if key is True or key is False:
            key = wrap_key(key)
        old = dict.get(self, key)
        dict.__setitem__(self, key, value)
        return old

    def putIfAbsent(self, key, value):
        old = GoloMap.get(self, key)
        if old is None:
            self[key] = value
        return old

    def remove(self, key):
        return GoloMap.pop(self, key, None)

    def containsKey(self, key):
        return GoloMap.__contains__(self, key)

    def containsValue(self, value):
        return any(eq(v, value) for v in dict.values(self))

    def keySet(self):
        return GoloSet(GoloMap.keys(self))

    def values(self):
        return GoloList(dict.values(self))

    def entrySet(self):
        return EntrySet(self)

    def putAll(self, other):
        GoloMap.update(self, other)

    def clear(self):
        dict.clear(self)


class _MapStd:
    def add(self, *args):
        if len(args) == 2:
            self[args[0]] = args[1]
        elif len(args) == 1 and isinstance(args[0], (tuple, MapEntry)):
            key, value = (args[0].key, args[0].value) if isinstance(args[0], MapEntry) \
                else (args[0][0], args[0][1])
            self[key] = value
        else:
            raise GoloException("java.lang.IllegalArgumentException",
                                "map: add takes a key and a value, or a tuple/entry")
        return self

    def delete(self, key):
        GoloMap.pop(self, key, None)
        return self

    def getOrElse(self, key, default):
        value = GoloMap.get(self, key)
        if value is not None:
            return value
        return default() if is_function(default) else default

    def addIfAbsent(self, key, value):
        if GoloMap.get(self, key) is None:
            self[key] = value() if is_function(value) else value
        return self

    def filter(self, pred):
        return GoloMap((k, v) for k, v in GoloMap.items(self)
                       if _bool(pred(k, v), "filter predicate"))

    def map(self, f):
        out = GoloMap()
        for k, v in GoloMap.items(self):
            e = f(k, v)
            if isinstance(e, MapEntry):
                out[e.key] = e.value
            elif isinstance(e, tuple) and len(e) >= 2:
                out[e[0]] = e[1]
            else:
                raise GoloException("java.lang.ClassCastException",
                                    "map: map's function must return a map entry or a pair")
        return out

    def reduce(self, init, f):
        acc = init
        for k, v in GoloMap.items(self):
            acc = f(acc, k, v)
        return acc

    def each(self, f):
        for k, v in GoloMap.items(self):
            f(k, v)
        return self

    def find(self, pred):
        for k, v in GoloMap.items(self):
            if _bool(pred(k, v), "find predicate"):
                return MapEntry(k, v, self)
        return None

    def count(self, pred):
        return sum(1 for k, v in GoloMap.items(self) if _bool(pred(k, v), "count predicate"))

    def exists(self, pred):
        return any(_bool(pred(k, v), "exists predicate") for k, v in GoloMap.items(self))

    def newWithSameType(self):
        return GoloMap()


class _Entry:
    def getKey(self):
        return self.key

    def getValue(self):
        return self.value

    @_named("key")
    def key_(self):
        return self.key

    @_named("value")
    def value_(self):
        return self.value

    def setValue(self, value):
        return self.set_value(value)


# -- Tuple ----------------------------------------------------------------------------------

class _Tuple:
    def size(self):
        return len(self)

    def isEmpty(self):
        return not self

    def get(self, i):
        if type(i) is int and 0 <= i < len(self):
            return self[i]
        raise GoloException("java.lang.IndexOutOfBoundsException",
                            f"{render(i)} is outside the bounds of a {len(self)}-tuple")

    def head(self):
        return self[0] if self else None

    def tail(self):
        return Tuple(self[1:])

    def subTuple(self, start, end):
        if not 0 <= start <= end <= len(self):
            raise GoloException("java.lang.IndexOutOfBoundsException",
                                f"{end} is outside the bounds of a {len(self)}-tuple")
        return Tuple(self[start:end])

    def extend(self, *values):
        return Tuple(tuple(self) + values)

    def toArray(self):
        return Array(self)

    def contains(self, value):
        return golo_contains(self, value)

    def indexOf(self, value):
        for i, x in enumerate(self):
            if eq(x, value):
                return i
        return -1

    def iterator(self):
        return JavaIterator(self)


# -- Array ----------------------------------------------------------------------------------

class _Array:
    def get(self, i):
        if type(i) is int and 0 <= i < len(self):
            return self[i]
        raise _bad_index(_check_int(i), len(self))

    def set(self, i, value):
        self[_index(self, i)] = value

    def length(self):
        return len(self)

    def size(self):
        return len(self)

    def isEmpty(self):
        return not self

    def head(self):
        return self[0] if self else None

    def tail(self):
        return Array(self[1:])

    def contains(self, value):
        return golo_contains(self, value)

    def indexOf(self, value):
        for i, x in enumerate(self):
            if eq(x, value):
                return i
        return -1

    def asList(self):
        return GoloList(self)

    def toList(self):
        return GoloList(self)

    def iterator(self):
        return JavaIterator(self)

    def equals(self, other):
        return type(other) is Array and list.__eq__(self, other)


# -- Range ----------------------------------------------------------------------------------

class _Range:
    @_named("from")
    def from_(self):
        return self.first

    def to(self):
        return self.last_bound

    def increment(self):
        return self.step

    def incrementBy(self, n):
        return self.increment_by(n)

    def decrementBy(self, n):
        return self.increment_by(-_check_int(n, "decrement"))

    def reversed(self):
        return Range.reversed(self)

    def size(self):
        return len(self)

    def isEmpty(self):
        return len(self) == 0

    def contains(self, value):
        return value in self

    def encloses(self, value):
        return Range.encloses(self, value)

    def head(self):
        return self.first if len(self) else None

    def tail(self):
        if not len(self):
            return self
        return self._with(self.start + self.step, self.stop, self.step)

    def toList(self):
        return GoloList(self)

    def iterator(self):
        return JavaIterator(self)


# -- Numbers, booleans, characters ----------------------------------------------------------

def _call_counted(f, i):
    n, varargs = _fn.signature(f)
    return f() if n == 0 and not varargs else f(i)


class _Number:
    def intValue(self):
        return int(self) if not isinstance(self, float) else _truncate(self)

    def longValue(self):
        return _Number.intValue(self)

    def doubleValue(self):
        return float(self)

    def floatValue(self):
        return float(self)

    def compareTo(self, other):
        return (self > other) - (self < other)

    def toString(self):
        return render(self)

    def isNaN(self):
        return isinstance(self, float) and self != self

    def isInfinite(self):
        return isinstance(self, float) and math.isinf(self)


def _truncate(x: float) -> int:
    if x != x:
        return 0
    if math.isinf(x):
        return (1 << 31) - 1 if x > 0 else -(1 << 31)
    return int(x)


class _NumberStd:
    def times(self, f):
        for i in range(_check_int(self, "times count")):
            _call_counted(f, i)

    def upTo(self, high, f):
        for i in range(self, high + 1):
            f(i)

    def downTo(self, low, f):
        for i in range(self, low - 1, -1):
            f(i)


class _Boolean:
    def booleanValue(self):
        return self

    def compareTo(self, other):
        return int(self) - int(other)


class _Character:
    def charValue(self):
        return self

    def compareTo(self, other):
        return int(self) - int(other)

    def isDigit(self):
        return chr(self).isdigit()

    def isLetter(self):
        return chr(self).isalpha()

    def isWhitespace(self):
        return chr(self).isspace()

    def toUpperCase(self):
        return Char(ord(chr(self).upper()[0]))

    def toLowerCase(self):
        return Char(ord(chr(self).lower()[0]))


# -- Box ------------------------------------------------------------------------------------

class _Box:
    def get(self):
        return self.value

    def set(self, value):
        self.value = value

    def getAndSet(self, value):
        old = self.value
        self.value = value
        return old

    def compareAndSet(self, expected, value):
        if self.value is expected:
            self.value = value
            return True
        return False

    def lazySet(self, value):
        self.value = value

    def updateAndGet(self, f):
        self.value = f(self.value)
        return self.value

    def getAndUpdate(self, f):
        old = self.value
        self.value = f(old)
        return old


# -- Exceptions -----------------------------------------------------------------------------

class _Exception:
    def getMessage(self):
        return message_of(self)

    def getLocalizedMessage(self):
        return message_of(self)

    def getCause(self):
        return cause_of(self)

    def toString(self):
        return render_exception(self)

    def printStackTrace(self):
        import sys
        sys.stderr.write(render_exception(self) + "\n")


# -- Function references --------------------------------------------------------------------

class _Function:
    def invoke(self, *args):
        return _fn.invoke_function(self, *args)

    def arity(self):
        return _fn.signature(self)[0]

    def andThen(self, g):
        return _fn.and_then(self, g)

    def compose(self, g):
        return _fn.compose(self, g)

    def bindTo(self, value):
        return _fn.bind_to(self, value)

    def bindAt(self, position, value):
        return _fn.bind_at(self, position, value)

    def isVarargsCollector(self):
        return _fn.signature(self)[1]

    def acceptArity(self, n):
        return _fn.accepts(self, n)

    def spread(self, *args):
        return _fn.spread(self, *args)


# -- Structs and unions ---------------------------------------------------------------------

class _Struct:
    def members(self):
        return Tuple(type(self).__golo_public__)

    def values(self):
        return Tuple(_structs.public_values(self))

    def get(self, name):
        _public_member(self, name)
        return getattr(self, name)

    def set(self, name, value):
        _public_member(self, name)
        return _structs.set_member(self, name, value)

    def copy(self):
        return _structs.copy(self)

    def frozenCopy(self):
        return _structs.frozen_copy(self)

    def isFrozen(self):
        return _structs.is_frozen(self)

    def iterator(self):
        return JavaIterator(self)

    def destruct(self):
        return Tuple(_structs.public_values(self))


def _public_member(instance, name) -> None:
    if name not in type(instance).__golo_public__:
        raise GoloException("java.lang.IllegalArgumentException",
                            f"{type(instance).__golo_fullname__} has no public member named "
                            f"{render(name)}")


class _Union:
    def values(self):
        return Tuple(_structs.field_values(self))

    def members(self):
        return Tuple(type(self).__golo_fields__)

    def destruct(self):
        return Tuple(_structs.field_values(self))


def struct_methods(cls: type, private_visible: bool) -> dict:
    """Methods of struct class `cls`: accessors (private ones only in its module), then helpers."""
    table: dict = {}
    members = cls.__golo_members__ if private_visible else cls.__golo_public__
    for name in members:
        table[name] = [(0, 0, _getter(name)), (1, 1, _setter(name))]
    for name, overloads in STRUCT_NATIVE.items():
        table.setdefault(name, []).extend(overloads)
    return table


def _getter(name):
    # A C-level getter: struct accessors are the hottest method calls.
    return operator.attrgetter(name)


def _setter(name):
    def set_(self, value):
        return _structs.set_member(self, name, value)
    return set_


def union_methods(cls: type) -> dict:
    """Field getters, `isAlt()` testers (and `isAlt(fields...)`) for one union alternative."""
    table: dict = {}
    for name in cls.__golo_fields__:
        table[name] = [(0, 0, _getter(name))]
    for alt, klass in cls.__golo_alternatives__.items():
        n = len(klass.__golo_fields__)
        table[f"is{alt}"] = [(0, 0, _tester(klass))]
        if n:
            table[f"is{alt}"].append((n, n, _field_tester(klass)))
    for name, overloads in UNION_NATIVE.items():
        table.setdefault(name, []).extend(overloads)
    return table


def _tester(klass):
    def test(self):
        return type(self) is klass
    return test


def _field_tester(klass):
    def test(self, *values):
        return type(self) is klass and all(
            eq(a, b) for a, b in zip(_structs.field_values(self), values))
    return test


# -- the tables ------------------------------------------------------------------------------

LIST_TYPES = (GoloList, Vector)
_register(NATIVE, [str], _String)
_register(STANDARD, [str], _StringStd)
_register(NATIVE, LIST_TYPES, _List)
_register(STANDARD, LIST_TYPES, _ListStd)
_register(NATIVE, [GoloSet, EntrySet], _Set)
_register(STANDARD, [GoloSet, EntrySet], _SetStd)
_register(NATIVE, [GoloMap], _Map)
_register(STANDARD, [GoloMap], _MapStd)
_register(NATIVE, [MapEntry], _Entry)
_register(NATIVE, [Tuple], _Tuple)
_register(STANDARD, [Tuple], _CollectionStd)
_register(NATIVE, [Array], _Array)
_register(STANDARD, [Array], _CollectionStd)
_register(NATIVE, [Range], _Range)
_register(STANDARD, [Range], _IterableStd)
_register(NATIVE, [int, float], _Number)
_register(STANDARD, [int], _NumberStd)
_register(NATIVE, [bool], _Boolean)
_register(NATIVE, [Char], _Character)
_register(NATIVE, [Box], _Box)
_register(NATIVE, [JavaIterator], _Iterator)
_register(NATIVE, [_dynamic.DynamicObject], _dynamic._Native)

def _refuse_mutation(self, *args):
    raise GoloException("java.lang.UnsupportedOperationException",
                        "this list is a read-only view")


# A read-only list answers every list method except those that would change it.
_LIST_MUTATORS = ("set", "add", "addAll", "remove", "removeAll", "clear", "removeFirst",
                  "removeLast", "addFirst", "addLast", "push", "pop", "append", "prepend",
                  "insert", "removeAt", "reverse", "order")
for _table_of in (NATIVE, STANDARD):
    _table_of[ReadOnlyList] = {
        name: ([(0, None, _refuse_mutation)] if name in _LIST_MUTATORS else overloads)
        for name, overloads in _table_of[GoloList].items()}
del _table_of

# Entry accessors as C-level getters: `foreach e in m: entrySet()` calls them per entry.
for _name, _attr in (("getKey", "key"), ("getValue", "value"), ("key", "key"),
                     ("value", "value")):
    NATIVE[MapEntry][_name] = [(0, 0, operator.attrgetter(_attr))]
del _name, _attr

# The hottest size queries go straight to the C `len` (same results as the methods above).
for _t, _name in ((str, "length"), (GoloList, "size"), (Vector, "size"), (ReadOnlyList, "size"),
                  (Tuple, "size"),
                  (Array, "size"), (Array, "length"), (GoloMap, "size")):
    NATIVE[_t][_name] = [(0, 0, len)]
del _t, _name

# Methods whose effect a C callable has, with another result: a call site whose value is
# unused (`call_site(..., discard=True)`) calls that instead. A list's `add` answers true.
DISCARDING = {_List.add: list.append}
# The same, valid only when the first argument is not a Boolean (kept apart from 1 and 0 as
# a map key by `wrap_key`): a map's `put` then is the dict's own `__setitem__`.
DISCARDING_PLAIN_KEY = {_Map.put: dict.__setitem__}

STRUCT_NATIVE = _table(_Struct)
UNION_NATIVE = _table(_Union)
EXCEPTION_METHODS = _table(_Exception)
FUNCTION_METHODS = _table(_Function)
STRUCT_STANDARD = _table(_IterableStd)
