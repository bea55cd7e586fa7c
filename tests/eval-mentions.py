#!/usr/bin/python3
"""Scores `actnet mentions` output against gold annotations.

Both files are TSV in the `actnet mentions` layout (doc start end surface id
label type). Documents are compared by basename. Only predicted mentions of
the gold types (person, organization, place) count. Prints exact-span and
overlap precision/recall/F1, overall and per type, then the misses and false
alarms with --details. With --min-f1/--min-precision/--min-recall it exits 1
when the exact-span figures fall below them.
"""
import argparse
import collections
import os
import sys

TYPES = ("person", "organization", "place")


def load(path):
    mentions = []
    with open(path, encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        if header[:3] != ["doc", "start", "end"]:
            sys.exit(f"{path}:1: not an actnet mentions TSV header")
        col = {name: i for i, name in enumerate(header)}
        for n, line in enumerate(f, 2):
            fields = line.rstrip("\n").split("\t")
            if len(fields) != len(header):
                sys.exit(f"{path}:{n}: expected {len(header)} fields, found {len(fields)}")
            mentions.append((os.path.basename(fields[col["doc"]]), int(fields[col["start"]]),
                             int(fields[col["end"]]), fields[col["id"]], fields[col["type"]],
                             fields[col["surface"]]))
    return mentions


def prf(tp_p, n_pred, tp_g, n_gold):
    p = tp_p / n_pred if n_pred else 1.0
    r = tp_g / n_gold if n_gold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def score(gold, pred):
    gold_exact = {(d, s, e, i) for d, s, e, i, _, _ in gold}
    exact_tp = sum(1 for d, s, e, i, _, _ in pred if (d, s, e, i) in gold_exact)
    # Overlap: a prediction counts if it overlaps a gold mention with the same id.
    by_doc = collections.defaultdict(list)
    for m in gold:
        by_doc[m[0]].append(m)
    pred_by_doc = collections.defaultdict(list)
    for m in pred:
        pred_by_doc[m[0]].append(m)

    def overlaps(a, b):
        return a[0] == b[0] and a[3] == b[3] and a[1] < b[2] and b[1] < a[2]

    ov_pred = sum(1 for m in pred if any(overlaps(m, g) for g in by_doc[m[0]]))
    ov_gold = sum(1 for g in gold if any(overlaps(g, m) for m in pred_by_doc[g[0]]))
    return (prf(exact_tp, len(pred), exact_tp, len(gold)),
            prf(ov_pred, len(pred), ov_gold, len(gold)))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold")
    ap.add_argument("predicted")
    ap.add_argument("--details", action="store_true")
    ap.add_argument("--min-precision", type=float, default=0.0)
    ap.add_argument("--min-recall", type=float, default=0.0)
    ap.add_argument("--min-f1", type=float, default=0.0)
    args = ap.parse_args()

    gold = load(args.gold)
    gold_docs = {m[0] for m in gold}
    pred = [m for m in load(args.predicted) if m[4] in TYPES and m[0] in gold_docs]

    print(f"{'scope':<14}{'gold':>6}{'pred':>6}  {'P':>6}{'R':>7}{'F1':>7}   overlap P/R/F1")
    rows = [("all", gold, pred)] + [(t, [m for m in gold if m[4] == t], [m for m in pred if m[4] == t])
                                     for t in TYPES]
    for name, g, p in rows:
        (ep, er, ef), (op, orr, of) = score(g, p)
        print(f"{name:<14}{len(g):>6}{len(p):>6}  {ep:>6.3f}{er:>7.3f}{ef:>7.3f}   "
              f"{op:.3f}/{orr:.3f}/{of:.3f}")

    if args.details:
        gold_set = {(d, s, e, i) for d, s, e, i, _, _ in gold}
        pred_set = {(d, s, e, i) for d, s, e, i, _, _ in pred}
        for d, s, e, i, t, surface in sorted(gold):
            if (d, s, e, i) not in pred_set:
                print(f"miss\t{d}\t{s}\t{e}\t{surface}\t{i}")
        for d, s, e, i, t, surface in sorted(pred):
            if (d, s, e, i) not in gold_set:
                print(f"false alarm\t{d}\t{s}\t{e}\t{surface}\t{i}")

    (ep, er, ef), _ = score(gold, pred)
    if ep < args.min_precision or er < args.min_recall or ef < args.min_f1:
        print(f"below threshold: P={ep:.3f} R={er:.3f} F1={ef:.3f} (min P={args.min_precision} "
              f"R={args.min_recall} F1={args.min_f1})", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
