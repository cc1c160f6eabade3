#!/usr/bin/env python3
"""Fits the complaint weights of the rules (and the sentiment coefficients) by
a small logistic regression over the signals the classifier already reports.

Usage (from the repository root, with a built binary):
  tests/classify/fit_weights.py --turnaround build/turnaround \
      --data /work/shared/data/complaints_acl2019.jsonl:1 \
      --data tests/data/classify/healthcare.jsonl:4  [--write]

Each --data is FILE:SAMPLE_WEIGHT. Features per comment: one 0/1 feature per
complaint, sarcasm, urgent, praise and question rule (praise is 0 when a
sarcasm rule matched, as in combine.cpp), plus max(0, -compound) and
max(0, compound) (the latter 0 when sarcastic). Weights are kept >= 0 with the
sign the signal gives them (praise and question subtract), as the rule format
requires. With --write the rounded weights are written into the rules' weight:
lines; the threshold and sentiment coefficients are printed for combine.h.
Never pass tests/data/classify/healthcare_holdout.jsonl.
"""
import argparse
import json
import math
import os
import re
import subprocess
import sys

SCORED = {"complaint": 1, "sarcasm": 1, "urgent": 1, "praise": -1, "question": -1}


def features(turnaround, rules, texts):
    proc = subprocess.run([turnaround, "classify", "--rules", rules], input="\n".join(
        t.replace("\n", " ").replace("\r", " ") for t in texts) + "\n",
        capture_output=True, text=True, check=True)
    out = []
    for line in proc.stdout.splitlines():
        v = json.loads(line)
        sarcastic = any(m["signal"] == "sarcasm" for m in v["matches"])
        f = {}
        for m in v["matches"]:
            if m["signal"] in SCORED and not (m["signal"] == "praise" and sarcastic):
                f[m["rule"]] = 1.0
        s = v["sentiment"]
        f["@neg"] = max(0.0, -s)
        if not sarcastic:
            f["@pos"] = max(0.0, s)
        out.append(f)
    assert len(out) == len(texts), (len(out), len(texts))
    return out


def rule_signals(rules_dir):
    sig, where = {}, {}
    for name in sorted(os.listdir(rules_dir)):
        if not name.endswith(".rules"):
            continue
        rid = None
        for i, line in enumerate(open(os.path.join(rules_dir, name), encoding="utf-8")):
            m = re.match(r"\s*(rule|signal|weight):\s*(\S+)", line)
            if not m:
                continue
            if m.group(1) == "rule":
                rid = m.group(2)
            elif m.group(1) == "signal":
                sig[rid] = m.group(2)
            else:
                where[rid] = (name, i)
    return sig, where


def fit(rows, sign, l2, epochs=1500, lr=1.0):
    names = sorted({k for f, _, _ in rows for k in f})
    w = {k: 0.5 for k in names}
    b = -0.5
    total = sum(sw for _, _, sw in rows)
    for _ in range(epochs):
        g = {k: 0.0 for k in names}
        gb = 0.0
        for f, y, sw in rows:
            z = b + sum(sign.get(k, 1) * w[k] * x for k, x in f.items())
            p = 1 / (1 + math.exp(-max(-30, min(30, z))))
            d = (p - y) * sw
            gb += d
            for k, x in f.items():
                g[k] += d * sign.get(k, 1) * x
        for k in names:
            w[k] = max(0.0, w[k] - lr * (g[k] / total + l2 * w[k]))
        b -= lr * gb / total
    return w, b


def f1_at(rows, w, sign, b, thr):
    tp = fp = fn = 0
    for f, y, _ in rows:
        z = b + sum(sign.get(k, 1) * w.get(k, 0) * x for k, x in f.items())
        pred = z >= thr
        tp += pred and y
        fp += pred and not y
        fn += (not pred) and y
    return 2 * tp / max(1, 2 * tp + fp + fn)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--turnaround", default="build/turnaround")
    ap.add_argument("--rules", default="rules")
    ap.add_argument("--data", action="append", required=True)
    ap.add_argument("--l2", type=float, default=0.002)
    ap.add_argument("--scale", type=float, default=2.0, help="score units per logit")
    ap.add_argument("--write", action="store_true")
    a = ap.parse_args()
    sig, where = rule_signals(a.rules)
    sign = {rid: SCORED[s] for rid, s in sig.items() if s in SCORED}
    sets = []
    for spec in a.data:
        path, _, sw = spec.rpartition(":")
        if "holdout" in path:
            sys.exit("never fit on the holdout")
        lines = [json.loads(l) for l in open(path, encoding="utf-8") if l.strip()]
        feats = features(a.turnaround, a.rules, [r["text"] for r in lines])
        sets.append((path, [(f, r["label"] == "complaint", float(sw)) for f, r in zip(feats, lines)]))
    rows = [r for _, rs in sets for r in rs]
    w, b = fit(rows, sign, a.l2)
    # Pick the decision point that maximises the mean F1 over the data sets.
    best = max((sum(f1_at(rs, w, sign, b, t / 20) for _, rs in sets) / len(sets), t / 20) for t in range(-20, 21))
    thr = best[1]
    for path, rs in sets:
        print(f"{path}: f1={f1_at(rs, w, sign, b, thr):.3f}", file=sys.stderr)
    # In score units: score = scale * (sum of signed weights + neg/pos terms); complaint when
    # score >= scale * (thr - b).
    S = a.scale
    print(f"threshold={S * (thr - b):.2f} negative_weight={S * w.get('@neg', 0):.2f} "
          f"positive_weight={S * w.get('@pos', 0):.2f}")
    for k in sorted(w, key=lambda k: -w[k]):
        if not k.startswith("@"):
            print(f"{k} {S * w[k]:.1f}")
    if a.write:
        for rid, (name, line_no) in where.items():
            if rid not in sign or rid not in w:
                continue
            p = os.path.join(a.rules, name)
            lines = open(p, encoding="utf-8").read().split("\n")
            lines[line_no] = f"weight: {min(10.0, round(S * w[rid], 1)):g}"
            open(p, "w", encoding="utf-8").write("\n".join(lines))


if __name__ == "__main__":
    main()
