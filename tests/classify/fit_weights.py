#!/usr/bin/env python3
"""Fits the complaint weights of the rules (and the sentiment coefficients) by
a small logistic regression over the signals the classifier already reports.

Usage (from the repository root, with a built binary):
  tests/classify/fit_weights.py --turnaround build/turnaround \
      --data /work/shared/data/complaints_acl2019.jsonl:1:even \
      --data tests/data/classify/healthcare.jsonl:4 \
      --report /work/shared/data/complaints_acl2019.jsonl:odd  [--write]

Each --data is FILE:SAMPLE_WEIGHT[:even|odd]; even/odd keeps only the even or
odd lines (0-based), so that a set can be fitted on one half and reported on
the other. Each --report is FILE[:even|odd]: scored with the fitted weights
but not fitted on, so its F1 says how much of the fit is memorised. Features per comment: one 0/1 feature per
complaint, sarcasm, urgent, praise and question rule (praise is 0 when a
sarcasm rule matched, as in combine.cpp), plus max(0, -compound) and
max(0, compound) (the latter 0 when sarcastic). Weights are kept >= 0 with the
sign the signal gives them (praise and question subtract), as the rule format
requires. With --write the rounded weights are written into the rules' weight:
lines; the threshold and sentiment coefficients are printed for combine.h.
--loso scores each --data set with weights fitted on the other sets only (a
set's fitted figure flatters it; this one says what a refit does to text it
did not see). The blind holdout (BLIND below) is refused: only the lead measures it.
"""
import argparse
import json
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile

SCORED = {"complaint": 1, "sarcasm": 1, "urgent": 1, "praise": -1, "question": -1}
# Blind sets that no fit may read (the lead measures them once): listed in
# blind_sets.txt beside this script, which the C++ tests and scripts/bench read too.
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "blind_sets.txt")) as _f:
    BLIND = tuple(line.split("#")[0].strip() for line in _f if line.split("#")[0].strip())


def refuse_blind(path):
    """Exits if `path` is a blind holdout (shared with fit_categories.py)."""
    if any(b in os.path.basename(path) for b in BLIND):
        sys.exit(f"{path} is a blind holdout: never fit or report on it")


def verdicts(turnaround, rules, texts):
    """One `turnaround classify` verdict per text, in order (shared with fit_categories.py)."""
    proc = subprocess.run([turnaround, "classify", "--rules", rules], input="\n".join(
        t.replace("\n", " ").replace("\r", " ") for t in texts) + "\n",
        capture_output=True, text=True, check=True)
    out = [json.loads(line) for line in proc.stdout.splitlines()]
    assert len(out) == len(texts), (len(out), len(texts))
    return out


def labelled_verdicts(turnaround, rules, path, without):
    """The rows of a labelled set and their verdicts from the rules in `rules`
    minus the file `without` (a generated file's own fit must not see it). The
    blind holdout is refused. Shared by fit_complaints.py and fit_urgent.py."""
    refuse_blind(path)
    rows = [json.loads(l) for l in open(path, encoding="utf-8") if l.strip()]
    with tempfile.TemporaryDirectory() as tmp:
        for name in os.listdir(rules):
            if name != without and os.path.isfile(os.path.join(rules, name)):
                shutil.copy(os.path.join(rules, name), tmp)
        return rows, verdicts(turnaround, tmp, [r["text"] for r in rows])


def features(turnaround, rules, texts):
    out = []
    for v in verdicts(turnaround, rules, texts):
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
    return out


def rule_signals(rules_dir):
    """Per rule id: its signal, (file, line of its weight:), and its weight."""
    sig, where, weight = {}, {}, {}
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
                weight[rid] = float(m.group(2))
    return sig, where, weight


def load(a, spec, weighted):
    """Reads one --data (FILE:WEIGHT[:even|odd]) or --report (FILE[:even|odd]) spec."""
    parts = spec.split(":")
    half = parts.pop() if parts[-1] in ("even", "odd") else None
    sw = float(parts.pop()) if weighted else 1.0
    path = ":".join(parts)
    refuse_blind(path)
    lines = [json.loads(l) for l in open(path, encoding="utf-8") if l.strip()]
    if half:
        lines = lines[(0 if half == "even" else 1)::2]
    feats = features(a.turnaround, a.rules, [r["text"] for r in lines])
    name = path + (":" + half if half else "")
    return name, [(f, r["label"] == "complaint", sw) for f, r in zip(feats, lines)]


def fit(rows, sign, l2, start, b, frozen, prior, cap, epochs=1500, lr=1.0):
    """Gradient descent from the weights in `start` (0.5 when absent) and bias b.
    L2 pulls each weight towards its value in `prior` (0 when absent); the
    weights named in `frozen` keep their start value; none exceeds its `cap`."""
    names = sorted({k for f, _, _ in rows for k in f})
    w = {k: start.get(k, 0.5) for k in names}
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
            if k not in frozen:
                w[k] = max(0.0, w[k] - lr * (g[k] / total + l2 * (w[k] - prior.get(k, 0.0))))
                w[k] = min(w[k], cap.get(k, 5.0))
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


def fit_and_pick(a, sets, sign, current, frozen, cap):
    """The weights, bias and decision point that main() would write for these sets."""
    rows = [r for _, rs in sets for r in rs]
    if a.from_current:
        w, b = fit(rows, sign, a.l2, current, -a.threshold / a.scale, frozen, current, cap)
    else:
        start = {k: v for k, v in current.items() if k in frozen}
        w, b = fit(rows, sign, a.l2, start, -0.5, frozen, start, cap)
    best = max((sum(f1_at(rs, w, sign, b, t / 20) for _, rs in sets) / len(sets), t / 20) for t in range(-20, 21))
    return w, b, best[1]


def loso(a, sets, sign, current, frozen, cap):
    """Each set scored with weights fitted on the other sets only: what a refit
    should do to text it was not fitted on (the fitted figures flatter)."""
    b0 = -a.threshold / a.scale
    before, after = [], []
    for i, (path, rs) in enumerate(sets):
        w, b, thr = fit_and_pick(a, sets[:i] + sets[i + 1:], sign, current, frozen, cap)
        before.append(f1_at(rs, current, sign, b0, 0))
        after.append(f1_at(rs, w, sign, b, thr))
        print(f"left out {path}: f1 current weights {before[-1]:.3f}, fitted without it {after[-1]:.3f} "
              f"(threshold {a.scale * (thr - b):.2f})", flush=True)
    print(f"mean: current {sum(before) / len(before):.4f}, fitted without the set {sum(after) / len(after):.4f}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--turnaround", default="build/turnaround")
    ap.add_argument("--rules", default="rules")
    ap.add_argument("--data", action="append", required=True, help="FILE:WEIGHT[:even|odd]")
    ap.add_argument("--report", action="append", default=[], help="FILE[:even|odd], not fitted")
    ap.add_argument("--l2", type=float, default=0.002)
    ap.add_argument("--scale", type=float, default=2.0, help="score units per logit")
    ap.add_argument("--write", action="store_true")
    ap.add_argument("--own", action="append", default=[],
                    help="a rules file whose weights are fitted (repeatable); the others keep theirs. "
                         "Default: every file")
    ap.add_argument("--from-current", action="store_true",
                    help="start from the current weights, threshold and sentiment weight "
                         "(--threshold, --negative-weight) and pull towards them, not towards 0")
    ap.add_argument("--threshold", type=float, default=1.42, help="kComplaintThreshold now")
    ap.add_argument("--negative-weight", type=float, default=2.58, help="kNegativeWeight now")
    ap.add_argument("--loso", action="store_true",
                    help="leave-one-set-out: for each --data set, fit on the others and score it; "
                         "prints before/after F1 per set and the means (nothing is written)")
    a = ap.parse_args()
    sig, where, weight = rule_signals(a.rules)
    sign = {rid: SCORED[s] for rid, s in sig.items() if s in SCORED}
    S = a.scale
    current = {rid: weight.get(rid, 1.0) / S for rid in sign}
    current["@neg"] = a.negative_weight / S
    current["@pos"] = 0.0  # kPositiveWeight: positive sentiment counts only through praise rules
    frozen = {rid for rid in sign if a.own and where.get(rid, ("",))[0] not in a.own} | {"@pos"}
    # Complaint and sarcasm weights stay <= 4 (see rules/README.md "Weights").
    cap = {rid: 4.0 / S for rid, s in sig.items() if s in ("complaint", "sarcasm")}
    sets = [load(a, spec, True) for spec in a.data]
    reports = [load(a, spec, False) for spec in a.report]
    if a.loso:
        loso(a, sets, sign, current, frozen, cap)
        return
    # The decision point maximises the mean F1 over the data sets.
    w, b, thr = fit_and_pick(a, sets, sign, current, frozen, cap)
    # "before" scores the current weights (--threshold, --negative-weight) in the same model.
    b0 = -a.threshold / S
    for kind, group in (("fitted", sets), ("reported", reports)):
        for path, rs in group:
            print(f"{kind} {path}: f1 before={f1_at(rs, current, sign, b0, 0):.3f} "
                  f"after={f1_at(rs, w, sign, b, thr):.3f}", file=sys.stderr)
    # In score units: score = scale * (sum of signed weights + neg/pos terms); complaint when
    # score >= scale * (thr - b).
    print(f"threshold={S * (thr - b):.2f} negative_weight={S * w.get('@neg', 0):.2f} "
          f"positive_weight={S * w.get('@pos', 0):.2f}")
    for k in sorted(w, key=lambda k: -w[k]):
        if not k.startswith("@"):
            print(f"{k} {S * w[k]:.1f}")
    if a.write:
        for rid, (name, line_no) in where.items():
            if rid not in sign or rid not in w or rid in frozen:
                continue
            p = os.path.join(a.rules, name)
            lines = open(p, encoding="utf-8").read().split("\n")
            lines[line_no] = f"weight: {min(10.0, round(S * w[rid], 1)):g}"
            open(p, "w", encoding="utf-8").write("\n".join(lines))


if __name__ == "__main__":
    main()
