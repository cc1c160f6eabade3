#!/usr/bin/python3
"""Fits the word models: rules/complaint.model and, with --categories,
rules/category.model (both generated).

Usage (from the repository root; needs Debian's python3-numpy and python3-scipy):
  tests/classify/fit_model.py [--data FILE.jsonl ...] [--loso] [--write]
      [--turnaround build/turnaround --report /work/shared/data/complaints_acl2019.jsonl]
  tests/classify/fit_model.py --categories [--loso --turnaround build/turnaround] [--write]
  tests/classify/fit_model.py --urgent [--loso --turnaround build/turnaround] [--report F] [--write]

--categories fits a multinomial logistic regression (L2 CAT_L2) over the same
features on the labelled complaints' categories; its probabilities times
VOTE_WEIGHT join the category rules' votes (src/classify/combine.cpp). Its
--loso reports category accuracy (over every labelled complaint, as `eval`
does) of the model alone, the rules' votes and both, each set left out.

--urgent fits the same over "none" and the five urgent reasons; when the
probability of any reason reaches URGENT_THRESHOLD and the rules found some
urgent evidence (an urgent_evidence match that did not add up on its own), or
reaches URGENT_ALONE without any, the likeliest reason is added to the verdict
(src/classify/fitted_models.cpp). Its --loso reports urgent recall and
precision of the model alone (at URGENT_THRESHOLD, ungated), the rules and
both (gated as the classifier gates it).

Why: eleven rounds of written phrasings and tiered word lexicons scored F1
0.74-0.78 on sets written blind, while a logistic regression over which words
and adjacent word pairs a comment holds, fitted on the other sets, scored
about 0.90 on each set left out (rules/README.md, round 25). The model is
added to the rules' complaint score, capped at +MAX_RAISE / -MAX_LOWER
(src/classify/term_model.h): uncapped it would overrule the rules everywhere,
and on the ACL 2019 tweets (other brands, other words) it loses recall.

How: features are the distinct tokens and adjacent token pairs of a comment,
spelled as src/classify/term_model.cpp spells them (tokens() below is the same
tokenizer; `turnaround classify` prints model_terms to check it), kept when
they occur in at least MIN_DF training comments. An L2-regularised logistic
regression (L-BFGS, intercept not regularised) gives each a weight; weights
below PRUNE in magnitude are dropped from the file (they move no verdict).
The file's intercept is the fitted one plus SHIFT: a comment with little the
model knows (a short one, a new topic) has a fitted score near the fitted
intercept (-2), and the cap would then lower every such comment by the full
MAX_LOWER, so a rule written for a short phrasing would need a margin above 1
to work; shifted, the model lowers a comment only on words it has learnt
from non-complaints (round 25: shift 1 cost 0.008 leave-one-set-out F1 and
raised both ACL sets above the rules alone).

The domain (round 26): on a comment holding a term of rules/domain.terms
(written by hand: talk about care) the rules' margin counts by
DOMAIN_RULES_SHARE and the model's sum in full, uncapped, plus DOMAIN_SHIFT
(written to the file as `domain_rules_share` and `domain_shift`, relative to
the file's intercept). Leave-one-set-out it scored 0.909 against 0.891 for the
capped model everywhere, with ACL unchanged (under 1 % of its tweets hold a
care term).

--loso: for each set, fits on the other sets and reports complaint F1 on the
left-out one of the model alone and, with --turnaround, of rules + capped
model and of the shipped combination (capped outside the domain, in full in
it) against the rules alone (the rules were written looking at these sets,
so that column is optimistic for the rules; the model column is not).
--report files (ACL) are scored with the model fitted on all sets, never fitted.
The blind holdout is refused (fit_weights.BLIND).
"""
import argparse
import glob
import json
import math
import os
import shutil
import subprocess
import sys
import tempfile

import numpy as np
import scipy.optimize
import scipy.sparse

from fit_weights import refuse_blind, BLIND  # the same directory

GENERATED = "complaint.model"
MIN_DF, L2, MAX_RAISE, MAX_LOWER, PRUNE, SHIFT = 2, 3.0, 2.0, 1.0, 0.01, 1.0
# On a comment holding a term of rules/domain.terms (talk about care): the rules'
# margin counts by DOMAIN_RULES_SHARE and the model in full, uncapped, shifted by
# DOMAIN_SHIFT from its fitted intercept (round 26; written relative to the file's
# intercept, which already holds SHIFT). Round 27: 0.5, 0.5 -> 0.25, 0.25 with the
# larger term list (rules/README.md, round 27).
DOMAIN_FILE, DOMAIN_RULES_SHARE, DOMAIN_SHIFT = "rules/domain.terms", 0.25, 0.25
CATEGORY_GENERATED, CAT_L2, VOTE_WEIGHT = "category.model", 1.0, 4.0
URGENT_GENERATED, URGENT_THRESHOLD, URGENT_ALONE = "urgent.model", 0.4, 0.8
REASONS = ["legal_threat", "medical_emergency", "privacy_breach", "self_harm", "threat_of_violence"]
# Category names in the order combine.cpp breaks ties (earlier wins).
ORDER = ["privacy", "clinical_care", "billing", "wait_time", "scheduling", "staff_attitude",
         "communication", "access", "facilities", "other"]
PHRASING_VOTE = 1.5  # combine.cpp kPhrasingVote
ACCENTED = "áéíóúñü"
CONFIDENCE_SLOPE, THRESHOLD = 1.5, 1.42  # combine.cpp


def token_char(ch):
    if "a" <= ch <= "z" or "0" <= ch <= "9" or ch == "'" or ch in ACCENTED:
        return ch
    if "A" <= ch <= "Z" or ch in ACCENTED.upper():
        return ch.lower()
    if ch == "\u2019":
        return "'"
    return None


def tokens(text):
    out, cur = [], []
    for ch in text + " ":
        c = token_char(ch)
        if c is not None:
            cur.append(c)
        elif cur:
            t = "".join(cur).strip("'")
            if t:
                out.append(t)
            cur = []
    return out


def features(text):
    t = tokens(text)
    return set(t) | {a + " " + b for a, b in zip(t, t[1:])}


def read_set(path):
    rows = [json.loads(l) for l in open(path, encoding="utf-8") if l.strip()]
    return [r["text"] for r in rows], np.array([r["label"] == "complaint" for r in rows], float)


def design(texts):
    """The 0/1 feature matrix of `texts` over the features seen in MIN_DF of them."""
    df = {}
    feats = [features(t) for t in texts]
    for f in feats:
        for w in f:
            df[w] = df.get(w, 0) + 1
    vocab = sorted(w for w, n in df.items() if n >= MIN_DF)
    index = {w: i for i, w in enumerate(vocab)}
    rows, cols = [], []
    for r, f in enumerate(feats):
        for w in f:
            if w in index:
                rows.append(r)
                cols.append(index[w])
    return scipy.sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(texts), len(vocab))), index


def fit(texts, y):
    a, index = design(texts)
    vocab = index

    def loss(wb):
        w, b = wb[:-1], wb[-1]
        z = a @ w + b
        p = 1 / (1 + np.exp(-z))
        l = (np.logaddexp(0, -z) * y + np.logaddexp(0, z) * (1 - y)).sum() + 0.5 * L2 * w @ w
        g = np.append(a.T @ (p - y) + L2 * w, (p - y).sum())
        return l, g

    wb = scipy.optimize.minimize(loss, np.zeros(len(vocab) + 1), jac=True, method="L-BFGS-B",
                                 options={"maxiter": 1000}).x
    weights = {w: float(wb[i]) for w, i in index.items() if abs(wb[i]) >= PRUNE}
    return weights, float(wb[-1])


def fit_classes(texts, labels, classes):
    """Multinomial logistic regression: ({term: [w per class]}, [intercept per class])."""
    a, index = design(texts)
    d, k = len(index), len(classes)
    y = np.zeros((len(texts), k))
    for r, c in enumerate(labels):
        y[r, classes.index(c)] = 1

    def loss(wb):
        w, b = wb[:d * k].reshape(d, k), wb[d * k:]
        z = a @ w + b
        z -= z.max(axis=1, keepdims=True)
        logp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        p = np.exp(logp)
        g = np.concatenate([(a.T @ (p - y) + CAT_L2 * w).ravel(), (p - y).sum(axis=0)])
        return -(y * logp).sum() + 0.5 * CAT_L2 * (w * w).sum(), g

    wb = scipy.optimize.minimize(loss, np.zeros(d * k + k), jac=True, method="L-BFGS-B",
                                 options={"maxiter": 1000}).x
    w = wb[:d * k].reshape(d, k)
    weights = {t: [float(x) for x in w[i]] for t, i in index.items() if np.abs(w[i]).max() >= PRUNE}
    return weights, [float(x) for x in wb[d * k:]]


def probabilities(model, text):
    weights, intercepts = model
    z = np.array(intercepts)
    for f in features(text):
        if f in weights:
            z = z + weights[f]
    z = np.exp(z - z.max())
    return z / z.sum()


def rule_category(verdict, model_votes):
    """combine.cpp's PickCategory over a verdict's matches plus `model_votes` (ORDER)."""
    if "privacy_breach" in verdict["urgent_reasons"]:
        return "privacy"
    votes = np.array(model_votes, dtype=float)
    for m in verdict["matches"]:
        c = m.get("category")
        if c and m["signal"] not in ("praise", "question"):
            votes[ORDER.index(c)] += m["weight"] if m["signal"] == "category" else PHRASING_VOTE
    best = int(np.argmax(votes))  # the first of equal votes, as combine.cpp
    return ORDER[best] if votes[best] > 0 else "other"


def complaints_of(path):
    rows = [json.loads(l) for l in open(path, encoding="utf-8") if l.strip()]
    rows = [r for r in rows if r["label"] == "complaint" and r.get("category")]
    return [r["text"] for r in rows], [r["category"] for r in rows]


def rules_verdicts(turnaround, texts):
    """`turnaround classify` verdicts with the shipped rules minus the models."""
    with tempfile.TemporaryDirectory() as tmp:
        rules = os.path.join(tmp, "rules")
        shutil.copytree("rules", rules)
        for g in (GENERATED, CATEGORY_GENERATED, URGENT_GENERATED):
            if os.path.exists(os.path.join(rules, g)):
                os.remove(os.path.join(rules, g))
        out = subprocess.run([turnaround, "classify", "--rules", rules],
                             input="\n".join(t.replace("\n", " ").replace("\r", " ") for t in texts) + "\n",
                             capture_output=True, text=True, check=True).stdout.splitlines()
    return [json.loads(line) for line in out]


def short(x):
    """A weight in as few characters as three decimals allow ("0", "-0.25")."""
    t = ("%.3f" % x).rstrip("0").rstrip(".")
    return "0" if t in ("", "-0") else t


def categories_main(a, sets):
    data = {s: complaints_of(s) for s in sets}
    if a.loso:
        rows = []
        for s in sets:
            texts = [t for o in sets if o != s for t in data[o][0]]
            cats = [c for o in sets if o != s for c in data[o][1]]
            model = fit_classes(texts, cats, ORDER)
            x, ys = data[s]
            probs = [probabilities(model, t) for t in x]
            alone = np.mean([ORDER[int(np.argmax(p))] == c for p, c in zip(probs, ys)])
            line = "%-34s model alone %.3f" % (os.path.basename(s), alone)
            if a.turnaround:
                vs = rules_verdicts(a.turnaround, x)
                rules = np.mean([rule_category(v, np.zeros(len(ORDER))) == c for v, c in zip(vs, ys)])
                both = np.mean([rule_category(v, VOTE_WEIGHT * p) == c for v, p, c in zip(vs, probs, ys)])
                line += "  rules %.3f  rules + model %.3f" % (rules, both)
                rows.append((alone, rules, both))
            else:
                rows.append((alone,))
            print(line, flush=True)
        print("mean", " ".join("%.3f" % c for c in np.mean(rows, axis=0)))
    texts = [t for s in sets for t in data[s][0]]
    cats = [c for s in sets for c in data[s][1]]
    model = fit_classes(texts, cats, ORDER)
    print("features kept: %d" % len(model[0]))
    if a.write:
        write_classes(model, ORDER, "vote_weight %g" % VOTE_WEIGHT, CATEGORY_GENERATED,
                      "the %d labelled complaints" % len(texts), sets)


def write_classes(model, classes, setting, name, what, sets):
    weights, intercepts = model
    with open(os.path.join("rules", name), "w", encoding="utf-8") as out:
        out.write("# Generated by tests/classify/fit_model.py: do not edit by hand; refit\n")
        out.write("# (rules/README.md, \"The category and urgent models\"). Fitted on %s of: %s\n"
                  % (what, " ".join(os.path.basename(s) for s in sets)))
        out.write("# MIN_DF %d, L2 %g, PRUNE %g. One weight per class below, in that order.\n"
                  % (MIN_DF, CAT_L2, PRUNE))
        out.write("classes %s\n%s\n" % (" ".join(classes), setting))
        out.write("intercept %s\n" % " ".join("%.4f" % x for x in intercepts))
        for t in sorted(weights):
            out.write("%s\t%s\n" % (" ".join(short(x) for x in weights[t]), t))
    print("wrote rules/" + name)


def urgent_of(path):
    """Texts and their urgent class ("none" or a reason); posts marked urgent without a reason are left out."""
    rows = [json.loads(l) for l in open(path, encoding="utf-8") if l.strip()]
    out = [(r["text"], r.get("urgent") or "none") for r in rows]
    return [t for t, u in out if u == "none" or u in REASONS], [u for t, u in out if u == "none" or u in REASONS]


def urgent_main(a, sets):
    classes = ["none"] + REASONS
    data = {s: urgent_of(s) for s in sets}

    def fired(model, text, at=URGENT_THRESHOLD):
        p = probabilities(model, text)
        return 1 - p[0] >= at

    if a.loso:
        rows, pooled = [], np.zeros(6)  # pooled: true and flagged counts of model, rules, both
        for s in sets:
            x, ys = data[s]
            y = np.array([u != "none" for u in ys])
            if not y.any():  # nothing urgent to find (healthcare_holdout4): no recall to report
                continue
            model = fit_classes([t for o in sets if o != s for t in data[o][0]],
                                [u for o in sets if o != s for u in data[o][1]], classes)
            m = np.array([fired(model, t) for t in x])
            sure = np.array([fired(model, t, URGENT_ALONE) for t in x])
            line = "%-34s model alone R %.3f P %.3f" % (os.path.basename(s), (m & y).sum() / y.sum(),
                                                      (m & y).sum() / max(m.sum(), 1))
            if a.turnaround:
                vs = rules_verdicts(a.turnaround, x)
                r = np.array([bool(v["urgent_reasons"]) for v in vs])
                evidence = np.array([any(m["signal"] == "urgent_evidence" for m in v["matches"]) for v in vs])
                both = r | (m & evidence) | sure
                line += "  rules R %.3f P %.3f  rules + model R %.3f P %.3f" % (
                    (r & y).sum() / y.sum(), (r & y).sum() / max(r.sum(), 1),
                    (both & y).sum() / y.sum(), (both & y).sum() / max(both.sum(), 1))
                rows.append(((m & y).sum() / y.sum(), (r & y).sum() / y.sum(), (both & y).sum() / y.sum()))
                pooled += [(m & y).sum(), m.sum(), (r & y).sum(), r.sum(), (both & y).sum(), both.sum()]
            print(line, flush=True)
        if rows:
            n = sum(int((np.array([u != "none" for u in data[s][1]])).sum()) for s in sets)
            print("mean recall per set: model %.3f rules %.3f both %.3f" % tuple(np.mean(rows, axis=0)))
            print("pooled (%d urgent): model R %.3f P %.3f, rules R %.3f P %.3f, both R %.3f P %.3f"
                  % (n, pooled[0] / n, pooled[0] / pooled[1], pooled[2] / n, pooled[2] / pooled[3],
                     pooled[4] / n, pooled[4] / pooled[5]))
    texts = [t for s in sets for t in data[s][0]]
    model = fit_classes(texts, [u for s in sets for u in data[s][1]], classes)
    print("features kept: %d" % len(model[0]))
    for r in a.report:  # texts without urgent labels: every flag is a look to check
        x, _ = read_set(r)
        line = "%s: the model alone (ungated) flags %d of %d" % (os.path.basename(r), sum(fired(model, t) for t in x), len(x))
        if a.turnaround:
            vs = rules_verdicts(a.turnaround, x)
            r_ = [bool(v["urgent_reasons"]) for v in vs]
            gated = [fired(model, t, URGENT_ALONE) or
                     (fired(model, t) and any(m["signal"] == "urgent_evidence" for m in v["matches"]))
                     for t, v in zip(x, vs)]
            line += "; the rules %d, rules + gated model %d" % (sum(r_), sum(a_ or b for a_, b in zip(r_, gated)))
        print(line)
    if a.write:
        write_classes(model, classes, "threshold %g\nalone_threshold %g" % (URGENT_THRESHOLD, URGENT_ALONE),
                      URGENT_GENERATED,
                      "%d comments" % len(texts), sets)


def raw_score(model, text):
    weights, intercept = model
    return intercept + sum(weights.get(f, 0.0) for f in features(text))


def capped(model, text):
    return min(max(raw_score(model, text) + SHIFT, -MAX_LOWER), MAX_RAISE)


def domain_terms():
    """rules/domain.terms as a set of features (words and word pairs)."""
    return {l.strip() for l in open(DOMAIN_FILE, encoding="utf-8") if l.strip() and not l.startswith("#")}


def in_domain(text, terms):
    return not features(text).isdisjoint(terms)


def combined(margin, model, text, terms):
    """The complaint margin as src/classify/combine.cpp computes it with the model."""
    if margin > -50 and in_domain(text, terms):  # -99: spam
        return DOMAIN_RULES_SHARE * margin + raw_score(model, text) + DOMAIN_SHIFT
    return margin + capped(model, text)


def f1(y, p):
    tp = sum(1 for a, b in zip(y, p) if a and b)
    fp = sum(1 for a, b in zip(y, p) if b and not a)
    fn = sum(1 for a, b in zip(y, p) if a and not b)
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def rules_margins(turnaround, texts):
    """The rules' complaint score minus the threshold, from `turnaround classify`
    with the shipped rules minus the models (recovered from the confidence)."""
    margins = []
    for v in rules_verdicts(turnaround, texts):
        p = v["confidence"] if v["is_complaint"] else 1 - v["confidence"]
        p = min(max(p, 1e-4), 1 - 1e-4)
        m = math.log(p / (1 - p)) / CONFIDENCE_SLOPE
        margins.append(m if not v["spam"] else -99)  # spam is never a complaint
    return margins


def write(model, sets, path):
    weights, intercept = model
    with open(path, "w", encoding="utf-8") as out:
        out.write("# Generated by tests/classify/fit_model.py: do not edit by hand; refit instead\n")
        out.write("# (rules/README.md, \"The complaint model\"). Fitted on %d comments of: %s\n"
                  % (sum(len(read_set(s)[0]) for s in sets), " ".join(os.path.basename(s) for s in sets)))
        out.write("# MIN_DF %d, L2 %g, PRUNE %g. Each present word or word pair adds its weight once;\n"
                  "# the sum plus the intercept, capped, is added to the rules' complaint score.\n"
                  % (MIN_DF, L2, PRUNE))
        out.write("# The intercept is the fitted one (%.4f) plus SHIFT %g.\n" % (intercept, SHIFT))
        out.write("intercept %.4f\nmax_raise %g\nmax_lower %g\n" % (intercept + SHIFT, MAX_RAISE, MAX_LOWER))
        out.write("# In the domain (rules/domain.terms) the sum plus the file's intercept plus\n"
                  "# domain_shift (DOMAIN_SHIFT %g - SHIFT), uncapped, is added to domain_rules_share\n"
                  "# times the rules' margin.\n" % DOMAIN_SHIFT)
        out.write("domain_rules_share %g\ndomain_shift %g\n" % (DOMAIN_RULES_SHARE, DOMAIN_SHIFT - SHIFT))
        for w in sorted(weights):
            out.write("%.4f\t%s\n" % (weights[w], w))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", action="append")
    ap.add_argument("--loso", action="store_true")
    ap.add_argument("--write", action="store_true")
    ap.add_argument("--turnaround")
    ap.add_argument("--report", action="append", default=[])
    ap.add_argument("--categories", action="store_true")
    ap.add_argument("--urgent", action="store_true")
    a = ap.parse_args()
    sets = a.data or sorted(s for s in glob.glob("tests/data/classify/*.jsonl")
                            if not any(b in os.path.basename(s) for b in BLIND))
    for s in sets:
        refuse_blind(s)
    if a.categories:
        return categories_main(a, sets)
    if a.urgent:
        return urgent_main(a, sets)
    data = {s: read_set(s) for s in sets}
    terms = domain_terms()
    if a.loso:
        rows = []
        for s in sets:
            texts = [t for o in sets if o != s for t in data[o][0]]
            y = np.concatenate([data[o][1] for o in sets if o != s])
            model = fit(texts, y)
            x, ys = data[s]
            alone = f1(ys, [raw_score(model, t) >= 0 for t in x])
            line = "%-34s model alone %.3f" % (os.path.basename(s), alone)
            if a.turnaround:
                m = rules_margins(a.turnaround, x)
                rules = f1(ys, [v >= 0 for v in m])
                both = f1(ys, [v + capped(model, t) >= 0 for v, t in zip(m, x)])
                gated = f1(ys, [combined(v, model, t, terms) >= 0 for v, t in zip(m, x)])
                line += "  rules %.3f  rules + capped model %.3f  as shipped (domain) %.3f" % (rules, both, gated)
                rows.append((alone, rules, both, gated))
            else:
                rows.append((alone,))
            print(line, flush=True)
        print("mean", " ".join("%.3f" % c for c in np.mean(rows, axis=0)))
    texts = [t for s in sets for t in data[s][0]]
    y = np.concatenate([data[s][1] for s in sets])
    model = fit(texts, y)
    print("features kept: %d, intercept %.3f" % (len(model[0]), model[1]))
    for r in a.report:
        x, ys = read_set(r)
        line = "%s: model alone %.3f" % (os.path.basename(r), f1(ys, [raw_score(model, t) >= 0 for t in x]))
        if a.turnaround:
            m = rules_margins(a.turnaround, x)
            line += "  rules %.3f  rules + capped model %.3f  as shipped (domain) %.3f" % (
                f1(ys, [v >= 0 for v in m]), f1(ys, [v + capped(model, t) >= 0 for v, t in zip(m, x)]),
                f1(ys, [combined(v, model, t, terms) >= 0 for v, t in zip(m, x)]))
        print(line)
    if a.write:
        write(model, sets, os.path.join("rules", GENERATED))
        print("wrote rules/" + GENERATED)


if __name__ == "__main__":
    sys.exit(main())
