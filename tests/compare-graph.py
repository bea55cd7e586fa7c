#!/usr/bin/python3
"""Compares two graph files (GraphML, GEXF, any text) token by token:
everything must be identical except numbers, which may differ by a relative
1e-9 — the last digits of floating-point centralities depend on the BLAS
that ARPACK uses on a machine. Exit 0 when they agree, 1 with the first
difference otherwise."""
import re
import sys

NUMBER = re.compile(r"-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?")


def tokens(path):
    text = open(path, encoding="utf-8").read()
    out, last = [], 0
    for m in NUMBER.finditer(text):
        out.append(("text", text[last:m.start()]))
        out.append(("number", m.group()))
        last = m.end()
    out.append(("text", text[last:]))
    return out


def main():
    expected, actual = tokens(sys.argv[1]), tokens(sys.argv[2])
    if len(expected) != len(actual):
        sys.exit(f"{sys.argv[2]}: structure differs from {sys.argv[1]}")
    for (kind_a, a), (kind_b, b) in zip(expected, actual):
        if kind_a != kind_b or (kind_a == "text" and a != b):
            sys.exit(f"{sys.argv[2]}: differs from {sys.argv[1]} near {a[:60]!r} / {b[:60]!r}")
        if kind_a == "number" and a != b:
            x, y = float(a), float(b)
            if abs(x - y) > 1e-9 * max(abs(x), abs(y)):
                sys.exit(f"{sys.argv[2]}: number {b} differs from {a} in {sys.argv[1]}")


if __name__ == "__main__":
    main()
