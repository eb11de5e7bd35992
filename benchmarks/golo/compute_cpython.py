"""The CPython half of the compute benchmarks: the algorithms of compute.golo, line for line."""
from __future__ import annotations

from functools import reduce


class Point:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y


def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


def int_loop(n):
    total = 0
    for i in range(0, n):
        total = total + (i * i) % 7
    return total


def string_build(n):
    s = ""
    for i in range(0, n):
        s = s + str(i) + ","
    return len(s)


def collections(n):
    numbers = []
    for i in range(0, n):
        numbers.append(i)
    squares = {}
    for x in numbers:
        squares[x] = x * x
    total = 0
    for key, value in squares.items():
        total = total + key + value
    return total


def higher_order(n):
    numbers = []
    for i in range(0, n):
        numbers.append(i)
    k = 3
    scaled = list(filter(lambda x: x % 2 == 0, map(lambda x: x * k, numbers)))
    return reduce(lambda acc, x: acc + x, scaled, 0)


def structs(n):
    total = 0
    for i in range(0, n):
        p = Point(i, i + 1)
        total = total + p.x * p.y
    return total
