"""Java's `String.format` for the `format(args...)` string augmentation (§17.1).

Supported: `%[index$][flags][width][.precision]conv` with conversions `s S d x X o f e E g b B
c C h % n` and flags `- 0 + , space ( #` — the subset Golo scripts use.
"""
from __future__ import annotations

import math
import re
from decimal import ROUND_HALF_UP, Decimal, localcontext

from golo_fast.runtime.exceptions import GoloException
from golo_fast.runtime.render import render, render_double
from golo_fast.runtime.values import Char

_SPEC = re.compile(r"%(\d+\$)?([-#+ 0,(<]*)(\d+)?(\.\d+)?([a-zA-Z%])")


def _format_error(message: str) -> GoloException:
    return GoloException("java.util.IllegalFormatException", message)


def _group(digits: str) -> str:
    head = len(digits) % 3 or 3
    parts = [digits[:head]] + [digits[i:i + 3] for i in range(head, len(digits), 3)]
    return ",".join(parts)


def _signed(body: str, negative: bool, flags: str) -> str:
    if negative:
        return f"({body})" if "(" in flags else "-" + body
    if "+" in flags:
        return "+" + body
    if " " in flags:
        return " " + body
    return body


def _pad(text: str, width: int | None, flags: str, numeric: bool) -> str:
    if width is None or len(text) >= width:
        return text
    if "-" in flags:
        return text.ljust(width)
    if "0" in flags and numeric:
        sign = text[0] if text[:1] in "+- (" else ""
        return sign + text[len(sign):].rjust(width - len(sign), "0")
    return text.rjust(width)


def _integer(value, conv: str, flags: str) -> str:
    if isinstance(value, float) or type(value) is bool or not isinstance(value, int):
        raise _format_error(f"%{conv} != {type(value).__name__}")
    value = int(value)
    if conv == "d":
        body = str(abs(value))
        if "," in flags:
            body = _group(body)
        return _signed(body, value < 0, flags)
    # Java prints negative numbers in hex/octal as two's complement of their width.
    if value < 0:
        value += 1 << (32 if value >= -(1 << 31) else 64)
    body = format(value, "x" if conv in "xX" else "o")
    if "#" in flags:
        body = ("0x" if conv in "xX" else "0") + body
    return body.upper() if conv == "X" else body


def _floating(value, conv: str, flags: str, precision: int | None) -> str:
    if type(value) is bool or not isinstance(value, (int, float)):
        raise _format_error(f"%{conv} != {type(value).__name__}")
    value = float(value)
    if math.isnan(value) or math.isinf(value):
        return render_double(value)
    p = 6 if precision is None else precision
    negative = value < 0 or (value == 0 and math.copysign(1, value) < 0)
    magnitude = abs(value)
    if conv in "gG":
        # Java's %g keeps trailing zeros: `p` significant digits, positional when the
        # rounded value is in [1e-4, 10^p), scientific otherwise.
        p = max(p, 1)
        rounded = float(f"{magnitude:.{p - 1}e}")
        if rounded == 0 or 1e-4 <= rounded < 10 ** p:
            exponent = 0 if rounded == 0 else math.floor(math.log10(rounded))
            conv, p = ("f" if conv == "g" else "F"), max(p - 1 - exponent, 0)
        else:
            conv, p = ("e" if conv == "g" else "E"), p - 1
    # Java rounds the decimal digits of Double.toString half-up (`%.2f` of 2.675 is 2.68);
    # Python would round the exact binary value (2.67).  repr has Java's digits.
    exact = Decimal(repr(magnitude))
    with localcontext() as context:
        context.rounding = ROUND_HALF_UP
        if conv in "fF":
            body = format(exact, f".{p}f")
        else:
            body = format(exact, f".{p}e")
    if conv in "fF":
        if "," in flags:
            whole, _, frac = body.partition(".")
            body = _group(whole) + ("." + frac if frac else "")
    else:
        mantissa, _, exp = body.partition("e")
        sign = exp[0]
        digits = exp[1:].lstrip("0").rjust(2, "0")
        body = f"{mantissa}e{sign}{digits}"
    body = body.upper() if conv in "EG" else body
    return _signed(body, negative, flags)


def java_format(pattern: str, args) -> str:
    out = []
    position = 0
    ordinary = 0
    previous = None
    for m in _SPEC.finditer(pattern):
        out.append(pattern[position:m.start()])
        position = m.end()
        index, flags, width, precision, conv = m.groups()
        width = int(width) if width else None
        precision = int(precision[1:]) if precision else None
        if conv == "%":
            out.append(_pad("%", width, flags, False))
            continue
        if conv == "n":
            out.append("\n")
            continue
        if "<" in flags:
            value = previous
        else:
            if index:
                i = int(index[:-1]) - 1
            else:
                i = ordinary
                ordinary += 1
            if i >= len(args):
                raise GoloException("java.util.MissingFormatArgumentException",
                                    f"Format specifier '{m.group(0)}'")
            value = args[i]
        previous = value
        lower = conv.lower()
        if lower == "s":
            text = render(value)
            if precision is not None:
                text = text[:precision]
            numeric = False
        elif lower == "b":
            text = "false" if value is None or value is False else "true"
            numeric = False
        elif lower == "c":
            if value is None:
                text = "null"
            elif type(value) is Char or (type(value) is int):
                text = chr(value)
            else:
                raise _format_error(f"%c != {type(value).__name__}")
            numeric = False
        elif lower == "h":
            text = "null" if value is None else format(hash(value) & 0xFFFFFFFF, "x")
            numeric = False
        elif conv in "dxXo":
            text = _integer(value, conv, flags)
            numeric = True
        elif lower in "feg":
            text = _floating(value, conv, flags, precision)
            numeric = True
        else:
            raise GoloException("java.util.UnknownFormatConversionException",
                                f"Conversion = '{conv}'")
        if conv in "SBCH":
            text = text.upper()
        out.append(_pad(text, width, flags, numeric))
    out.append(pattern[position:])
    return "".join(out)
