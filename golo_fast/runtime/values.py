"""Python types for Golo values (see docs/design/runtime-contract.md, "Value representation").

They are built so that Python's own operators already have Golo's meaning where compiled code
uses them directly: a `Char` compares with a `Char` by code point and never equals a `str`; a
`GoloList` equals a `Vector` with the same elements but never a `Tuple`; `+` and `*` on
collections raise a Golo error instead of concatenating or repeating.
"""
from __future__ import annotations

from golo_fast.runtime.exceptions import GoloException


def _unsupported(op: str, a, b):
    # Imported late: the type names depend on every value type defined below.
    from golo_fast.runtime.classes import java_name
    return GoloException(
        "java.lang.RuntimeException",
        f"Operator `{op}` is not supported for types {java_name(a)} and {java_name(b)}",
    )


def index_error(index, size: int) -> GoloException:
    return GoloException("java.lang.IndexOutOfBoundsException",
                         f"Index {index} out of bounds for length {size}")


class Char(int):
    """A Golo Character: an int subclass holding the code point.

    Arithmetic with numbers gives plain ints (`'a' + 1` is 98), comparisons are by code point,
    and it is never equal to a `str`.  Rendering is the character itself.
    """

    __slots__ = ()

    def __new__(cls, value):
        if isinstance(value, str):
            if len(value) != 1:
                raise GoloException("java.lang.IllegalArgumentException",
                                    f"a Character needs exactly one character, got {value!r}")
            value = ord(value)
        return int.__new__(cls, value)

    def __str__(self) -> str:
        return chr(self)

    def __repr__(self) -> str:
        return f"Char({chr(self)!r})"

    # `'a' * "ab"` would repeat the string 97 times with int's operator.
    def __mul__(self, other):
        if isinstance(other, str):
            raise _unsupported("*", self, other)
        return int.__mul__(self, other)

    def __rmul__(self, other):
        if isinstance(other, str):
            raise _unsupported("*", other, self)
        return int.__rmul__(self, other)


class _NoArith:
    """Mixin: `+`, `*` (and their in-place forms) on Golo collections are Golo errors."""

    __slots__ = ()

    def __add__(self, other):
        raise _unsupported("+", self, other)

    def __radd__(self, other):
        raise _unsupported("+", other, self)

    def __iadd__(self, other):
        raise _unsupported("+", self, other)

    def __mul__(self, other):
        raise _unsupported("*", self, other)

    def __rmul__(self, other):
        raise _unsupported("*", other, self)

    def __imul__(self, other):
        raise _unsupported("*", self, other)

    def __str__(self) -> str:
        from golo_fast.runtime.render import render
        return render(self)


class _Unordered:
    """Mixin: lists and arrays have no `<` in Golo (compiled code uses Python's operators)."""

    __slots__ = ()

    def _unordered(self, other, op: str):
        raise _unsupported(op, self, other)

    def __lt__(self, other):
        self._unordered(other, "<")

    def __le__(self, other):
        self._unordered(other, "<=")

    def __gt__(self, other):
        self._unordered(other, ">")

    def __ge__(self, other):
        self._unordered(other, ">=")


class Tuple(_NoArith, tuple):
    """Golo tuple (`[1, 2]`, `tuple[...]`): immutable, ordered, comparable."""

    __slots__ = ()

    def __repr__(self) -> str:
        return f"Tuple({list(self)!r})"

    def __eq__(self, other):
        if isinstance(other, tuple):
            return tuple.__eq__(self, other)
        return False

    def __ne__(self, other):
        return not self.__eq__(other)

    __hash__ = tuple.__hash__

    # Compiled code uses Python's `<` on tuples: compare with Golo's rules, which raise Golo
    # errors for incomparable elements.  (operators imports this module, hence the late import.)
    def __lt__(self, other):
        from golo_fast.runtime.operators import lt
        return lt(self, other)

    def __le__(self, other):
        from golo_fast.runtime.operators import le
        return le(self, other)

    def __gt__(self, other):
        from golo_fast.runtime.operators import gt
        return gt(self, other)

    def __ge__(self, other):
        from golo_fast.runtime.operators import ge
        return ge(self, other)


class GoloList(_Unordered, _NoArith, list):
    """Golo `list[...]` (a LinkedList on the JVM)."""

    __slots__ = ()

    def __repr__(self) -> str:
        return f"{type(self).__name__}({list(self)!r})"

    def __eq__(self, other):
        # A list equals a vector with the same elements (Java List.equals), never an array.
        if isinstance(other, list) and not isinstance(other, Array):
            return list.__eq__(self, other)
        return False

    def __ne__(self, other):
        return not self.__eq__(other)

    # Java lists are hashable by content; a Golo script may use one as a map key.
    def __hash__(self):
        return hash(tuple(self))


class Vector(GoloList):
    """Golo `vector[...]` (an ArrayList on the JVM)."""

    __slots__ = ()


class ReadOnlyList(GoloList):
    """What `tail()` and `unmodifiableView()` of a list give: prints and compares like a list,
    refuses every mutation (Java's unmodifiable list)."""

    __slots__ = ()

    def _read_only(self, *args):
        raise GoloException("java.lang.UnsupportedOperationException",
                            "this list is a read-only view")

    append = extend = insert = pop = remove = clear = sort = reverse = _read_only
    __setitem__ = __delitem__ = _read_only


class Array(_Unordered, _NoArith, list):
    """Golo array (`array[...]`, varargs, `main`'s args, `split`): fixed size, settable."""

    __slots__ = ()

    def __repr__(self) -> str:
        return f"Array({list(self)!r})"

    def __eq__(self, other):
        return type(other) is Array and list.__eq__(self, other)

    def __ne__(self, other):
        return not self.__eq__(other)

    def __hash__(self):
        return hash(tuple(self))

    # A fixed-size array cannot grow or shrink.
    def _fixed(self, *args):
        raise GoloException("java.lang.UnsupportedOperationException", "an array has a fixed size")

    append = extend = insert = pop = remove = clear = _fixed


class _BoolKey:
    """Stands for a Boolean used as a set element or map key.

    Python's `True == 1` (with equal hashes) would merge `true` and `1` into one key; in Golo
    (Java's equals) they are different keys.  Sets and maps store Booleans as one of the two
    instances of this class and hand the Boolean back when iterated.
    """

    __slots__ = ("value",)

    def __init__(self, value: bool):
        self.value = value

    def __repr__(self) -> str:
        return f"_BoolKey({self.value})"


_TRUE_KEY = _BoolKey(True)
_FALSE_KEY = _BoolKey(False)


def wrap_key(key):
    if key is True:
        return _TRUE_KEY
    if key is False:
        return _FALSE_KEY
    return key


def unwrap_key(key):
    return key.value if type(key) is _BoolKey else key


class GoloSet:
    """Golo `set[...]`: insertion ordered (LinkedHashSet), mutable, equal by content."""

    __slots__ = ("_d",)

    def __init__(self, iterable=()):
        self._d = dict.fromkeys(map(wrap_key, iterable))

    def __iter__(self):
        return map(unwrap_key, self._d)

    def __len__(self) -> int:
        return len(self._d)

    def __contains__(self, value) -> bool:
        try:
            return wrap_key(value) in self._d
        except TypeError:
            return False

    def add(self, value) -> bool:
        key = wrap_key(value)
        if key in self._d:
            return False
        self._d[key] = None
        return True

    def discard(self, value) -> bool:
        key = wrap_key(value)
        if key in self._d:
            del self._d[key]
            return True
        return False

    def clear(self) -> None:
        self._d.clear()

    def __eq__(self, other):
        if isinstance(other, GoloSet):
            return self._d.keys() == other._d.keys()
        return False

    def __ne__(self, other):
        return not self.__eq__(other)

    def __hash__(self):
        return hash(frozenset(self._d))

    def __add__(self, other):
        raise _unsupported("+", self, other)

    def __radd__(self, other):
        raise _unsupported("+", other, self)

    def __repr__(self) -> str:
        return f"GoloSet({list(self)!r})"

    def __str__(self) -> str:
        from golo_fast.runtime.render import render
        return render(self)


class EntrySet(GoloSet):
    """`map: entrySet()`: a live view of a map's entries, iterated without building a set.

    Removing an entry removes it from the map; adding is refused, as in Java.
    """

    __slots__ = ("_map",)

    def __init__(self, owner: dict):
        self._map = owner

    @property
    def _d(self):
        return dict.fromkeys(MapEntry(unwrap_key(k), v) for k, v in dict.items(self._map))

    def __iter__(self):
        return _live_entries(self._map)

    def __len__(self) -> int:
        return len(self._map)

    def __contains__(self, entry) -> bool:
        if not isinstance(entry, MapEntry):
            return False
        key = wrap_key(entry.key)
        try:
            return (dict.__contains__(self._map, key)
                    and dict.__getitem__(self._map, key) == entry.value)
        except TypeError:
            return False

    def add(self, value) -> bool:
        raise GoloException("java.lang.UnsupportedOperationException",
                            "entries cannot be added to a map's entrySet()")

    def discard(self, entry) -> bool:
        if entry in self:
            dict.__delitem__(self._map, wrap_key(entry.key))
            return True
        return False

    def clear(self) -> None:
        dict.clear(self._map)

    def __repr__(self) -> str:
        return f"EntrySet({list(self)!r})"


class GoloMap(dict):
    """Golo `map[...]`: insertion ordered (LinkedHashMap); re-putting a key keeps its place.

    The dict protocol is overridden so Boolean keys stay distinct from 1 and 0 (see
    `_BoolKey`); everything else is the plain dict underneath.
    """

    __slots__ = ()

    def __init__(self, items=()):
        super().__init__()
        if isinstance(items, dict):
            items = items.items()
        for key, value in items:
            dict.__setitem__(self, wrap_key(key), value)

    def __getitem__(self, key):
        return dict.__getitem__(self, wrap_key(key))

    def __setitem__(self, key, value):
        dict.__setitem__(self, wrap_key(key), value)

    def __delitem__(self, key):
        dict.__delitem__(self, wrap_key(key))

    def __contains__(self, key) -> bool:
        try:
            return dict.__contains__(self, wrap_key(key))
        except TypeError:
            return False

    def get(self, key, default=None):
        try:
            return dict.get(self, wrap_key(key), default)
        except TypeError:
            return default

    def pop(self, key, *default):
        return dict.pop(self, wrap_key(key), *default)

    def setdefault(self, key, default=None):
        return dict.setdefault(self, wrap_key(key), default)

    def update(self, other=(), **extra):
        if isinstance(other, dict):
            other = other.items()
        for key, value in other:
            self[key] = value

    def __iter__(self):
        return map(unwrap_key, dict.__iter__(self))

    def keys(self):
        return [unwrap_key(k) for k in dict.keys(self)]

    def items(self):
        return [(unwrap_key(k), v) for k, v in dict.items(self)]

    def key_value_pairs(self):
        """(key, value) of each entry, lazily, as `entrySet()` walks them: what compiled code
        iterates when the entries themselves are never seen (only their key and value)."""
        for key, value in dict.items(self):
            yield (key if type(key) is not _BoolKey else key.value), value

    def copy(self) -> "GoloMap":
        result = GoloMap()
        dict.update(result, self)
        return result

    def __repr__(self) -> str:
        return f"GoloMap({dict(self.items())!r})"

    def __eq__(self, other):
        return isinstance(other, GoloMap) and dict.__eq__(self, other)

    def __ne__(self, other):
        return not self.__eq__(other)

    # Hashable by content like a Java map, so maps can be set elements and map keys.
    def __hash__(self):
        return hash(frozenset(dict.items(self)))

    def __add__(self, other):
        raise _unsupported("+", self, other)

    def __radd__(self, other):
        raise _unsupported("+", other, self)

    def __or__(self, other):
        raise _unsupported("|", self, other)

    def __str__(self) -> str:
        from golo_fast.runtime.render import render
        return render(self)


def golo_contains(seq, value) -> bool:
    """`value in seq` with Golo's equality (`1` is not `true`) for lists, tuples, arrays."""
    if type(value) is bool:
        return any(x is value for x in seq)
    if value not in seq:
        return False
    if type(value) is int or type(value) is float or type(value) is Char:
        # Python's `in` may have matched a Boolean element (`True == 1`).
        return any(x == value and type(x) is not bool for x in seq)
    return True


class MapEntry:
    """A map entry (`mapEntry(k, v)` or an item of `entrySet()`); `setValue` writes through."""

    __slots__ = ("key", "value", "_map")

    def __init__(self, key, value, owner: dict | None = None):
        self.key = key
        self.value = value
        self._map = owner

    def set_value(self, value):
        old = self.value
        self.value = value
        if self._map is not None:
            self._map[self.key] = value
        return old

    def __eq__(self, other):
        return isinstance(other, MapEntry) and self.key == other.key and self.value == other.value

    def __ne__(self, other):
        return not self.__eq__(other)

    # Java XORs the two hashes, which collides for every entry `k=k` and many others; a
    # tuple hash spreads them (entrySet() builds a set of entries).
    def __hash__(self):
        return hash((self.key, self.value))

    def __iter__(self):
        yield self.key
        yield self.value

    def __repr__(self) -> str:
        return f"MapEntry({self.key!r}, {self.value!r})"

    def __str__(self) -> str:
        from golo_fast.runtime.render import render
        return render(self)


def _live_entries(owner: dict, _new=object.__new__):
    """The entries of `entrySet()`, each writing through to `owner`. Filled in here rather
    than by `MapEntry(...)`: a Python `__init__` call per entry costs twice this loop."""
    for key, value in dict.items(owner):
        entry = _new(MapEntry)
        entry.key = key if type(key) is not _BoolKey else key.value
        entry.value = value
        entry._map = owner
        yield entry


class Range:
    """A Golo range: `from` inclusive, `to` exclusive, a non-zero `increment`.

    Bounds are ints or Chars (a range of Chars yields Chars).  Equal ranges have the same
    bounds and increment.  `[a..b]` compiles to `Range(a, b + 1)` (inclusive literal).
    """

    __slots__ = ("start", "stop", "step", "is_char")

    def __init__(self, start, stop=None, step: int = 1):
        if stop is None:
            start, stop = (Char("A") if type(start) is Char else 0), start
        for bound in (start, stop):
            if type(bound) is not int and type(bound) is not Char:
                from golo_fast.runtime.classes import java_name
                raise GoloException("java.lang.IllegalArgumentException",
                                    f"range bounds must be integers or characters, "
                                    f"not {java_name(bound)}")
        if type(step) is not int or step == 0:
            raise GoloException("java.lang.IllegalArgumentException",
                                "the increment of a range must be a non-zero integer")
        self.is_char = type(start) is Char
        self.start = int(start)
        self.stop = int(stop)
        self.step = step

    def _with(self, start, stop, step) -> "Range":
        r = Range.__new__(Range)
        r.start, r.stop, r.step, r.is_char = start, stop, step, self.is_char
        return r

    def _value(self, n):
        return Char(n) if self.is_char else n

    def __iter__(self):
        if self.is_char:
            return map(Char, range(self.start, self.stop, self.step))
        return iter(range(self.start, self.stop, self.step))

    def __len__(self) -> int:
        return len(range(self.start, self.stop, self.step))

    def __contains__(self, value) -> bool:
        if (self.is_char != (type(value) is Char) or not isinstance(value, int)
                or type(value) is bool):
            return False
        return int(value) in range(self.start, self.stop, self.step)

    def encloses(self, value) -> bool:
        if not isinstance(value, int) or type(value) is bool:
            return False
        if self.step > 0:
            return self.start <= value < self.stop
        return self.stop < value <= self.start

    def increment_by(self, step) -> "Range":
        if type(step) is not int or step == 0:
            raise GoloException("java.lang.IllegalArgumentException",
                                "the increment of a range must be a non-zero integer")
        return self._with(self.start, self.stop, step)

    def reversed(self) -> "Range":
        # Golo's IntRange.reversed(): range(to, from): decrementBy(increment).
        return self._with(self.stop, self.start, -self.step)

    @property
    def first(self):
        return self._value(self.start)

    @property
    def last_bound(self):
        return self._value(self.stop)

    def __eq__(self, other):
        return (type(other) is Range and self.start == other.start and self.stop == other.stop
                and self.step == other.step and self.is_char == other.is_char)

    def __ne__(self, other):
        return not self.__eq__(other)

    def __hash__(self):
        return hash((self.start, self.stop, self.step))

    def __add__(self, other):
        raise _unsupported("+", self, other)

    def __radd__(self, other):
        raise _unsupported("+", other, self)

    def __repr__(self) -> str:
        return f"Range({self.start}, {self.stop}, {self.step})"

    def __str__(self) -> str:
        from golo_fast.runtime.render import render
        return render(self)


class Box:
    """`box(v)`: a mutable cell (Java AtomicReference)."""

    __slots__ = ("value",)

    def __init__(self, value=None):
        self.value = value

    def __repr__(self) -> str:
        return f"Box({self.value!r})"

    def __str__(self) -> str:
        from golo_fast.runtime.render import render
        return render(self)


class JavaIterator:
    """What `iterator()` returns: Java's `hasNext()` / `next()` over any Golo iterable."""

    __slots__ = ("_it", "_next", "_has")

    def __init__(self, iterable):
        self._it = iter(iterable)
        self._has = None

    def has_next(self) -> bool:
        if self._has is None:
            try:
                self._next = next(self._it)
                self._has = True
            except StopIteration:
                self._has = False
        return self._has

    def next(self):
        if not self.has_next():
            raise GoloException("java.util.NoSuchElementException", "no more elements")
        self._has = None
        return self._next

    def __iter__(self):
        return self

    def __next__(self):
        if not self.has_next():
            raise StopIteration
        self._has = None
        return self._next

    def __repr__(self) -> str:
        return "JavaIterator()"


def map_literal(pairs) -> GoloMap:
    """`map[[k, v], ...]`: each element is a tuple of at least 2 values, or a map entry."""
    result = GoloMap()
    for pair in pairs:
        if isinstance(pair, MapEntry):
            result[pair.key] = pair.value
        elif isinstance(pair, (tuple, list)) and len(pair) >= 2:
            result[pair[0]] = pair[1]
        else:
            from golo_fast.runtime.render import render
            raise GoloException("java.lang.IllegalArgumentException",
                                f"a map entry must be a tuple of 2 values or a map entry, "
                                f"not {render(pair)}")
    return result


def varargs(rest: tuple) -> Array:
    """The Array a varargs parameter holds; a single Array argument in that slot is spread."""
    if len(rest) == 1 and type(rest[0]) is Array:
        return rest[0]
    return Array(rest)
