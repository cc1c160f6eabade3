#!/usr/bin/env python3
"""Fits the complaint-evidence lexicon: rules/complaint_lexicon.rules (generated).

Usage (from the repository root, with a built binary):
  tests/classify/fit_complaints.py --turnaround build/turnaround \
      --data tests/data/classify/healthcare.jsonl \
      --data tests/data/classify/healthcare_holdout2.jsonl ...  \
      [--report /work/shared/data/complaints_acl2019.jsonl] [--loso] [--write]

Why: ten rounds of hand-written complaint phrasings moved text nobody studied
by a point or two, while the category lexicon fitted on our own labelled
sets (fit_categories.py) moved it as much as its leave-one-set-out estimate
said. Much of how people complain is spread over ordinary words ("still",
"nobody", "supposed", "refund", "voicemail") that no single phrase rule
catches, so this adds complaint evidence from such words.

How: a word is a candidate when it occurs in at least
MIN_DF complaints of at least MIN_SETS different sets; its log-odds
log(P(w | complaint) / P(w | not complaint)) (add-half smoothing) ranks it.
Words with log-odds >= MIN_LO become complaint tiers, words with log-odds <=
-MIN_LO counter (praise) tiers; each side is cut into tiers by log-odds. A
tier is one rule (one pattern, the words as an alternation) that adds its
weight once when any of its words occurs. The tier weights are fitted by a
logistic regression that takes the current rules' score as a fixed offset,
so a tier only earns weight for what the written rules do not already know.

Phrases (--phrase-words 2, round 12c): adjacent word pairs as the text writes them
("call back", "on hold", "no one"), one space between, are candidates by the same
rules (>= MIN_DF complaints of >= MIN_SETS sets, log-odds); a phrase made only of
function words ("in the") is not one, negations count as content. Each side keeps
--max-phrases of them beside its --max-words words, in the same tier rule: the rule
costs one set pattern and one span lookup however many terms it has, and
src/classify/word_list.h finds a phrase's span without RE2 as it does a word's.

--loso measures it honestly: for each set the lexicon and its weights are
learnt from the other sets only and complaint F1 is measured on the left-out
one (the current score comes from the binary run without the generated file).
--report files (ACL) are scored, never fitted: only our own data become rules.
--write rewrites rules/complaint_lexicon.rules; its `match:` examples come
from EXAMPLES (our own short sentences), one that contains a word of the tier.
The blind holdout is refused (fit_weights.BLIND).
"""
import argparse
import collections
import math
import os
import re
import sys

from fit_weights import labelled_verdicts  # the same directory

GENERATED = "complaint_lexicon.rules"
THRESHOLD, SLOPE, STRONG = 1.42, 1.5, 3.0  # combine.h / combine.cpp
MIN_DF, MIN_SETS, MIN_LO, TIERS, COUNTER_TIERS, L2, MAX_WORDS = 3, 2, 1.5, 1, 0, 0.05, 150
TOKEN = re.compile(r"[a-záéíóúñü]+(?:'[a-z]+)?")
# Names of places and people in the sets: they say who wrote a set, not how people complain.
NAMES = set("""
elm west mercy valley parks patel county main riverside lakeside northside
""".split())
# Function words (pronouns, auxiliaries, articles, conjunctions, numbers): they say how a
# set's writers phrase things, not whether they complain, and a negation beside one flips
# nothing the word list can see ("no estamos contentos" made "estamos" a calm word).
FUNCTION = set("""
the and but for not are was were has had have you your our their they them she her his him
this that these those with from what when where who why how then than there here while each
also just very some any all one two three four five six seven ten its it's i'm we're
estamos estoy esta este estos estas somos son fue era eres está nos les los las una uno unos
unas del por para con sin que porque pero como cuando donde quien otra otro otros dos tres
cuatro cinco seis siete muy mas más todo todos toda todas
""".split())
# Calendar words: a duration is already complaint evidence through the written time.*
# rules, and "those months" of an illness told with thanks is not a complaint.
NAMES |= set("""
day days week weeks month months year years hour hours minute minutes today tonight morning night
monday tuesday wednesday thursday friday saturday sunday
""".split())
# Our own sentences for the rules' match: examples (never a line of a data set).
EXAMPLES = """
I have been on hold for ages and nobody picks up.
Still no refund and the voicemail box is full again.
Apparently I was supposed to get a letter that never came.
Three weeks and not a single update about the claim.
They said someone would reach out and never did.
Why does nobody answer the phone at the billing office?
Had to ask twice before anyone even looked at my paperwork.
Who do I talk to about a charge that was already paid?
The portal says my request was cancelled without any reason.
She was rude and dismissive and kept interrupting me.
We were told to wait and then sent home with no explanation.
Is it normal to get a bill for a visit that was covered?
Thank you to the whole team for the amazing care and kindness.
Prayers for everyone working tonight, you are angels.
So grateful for the nurses who took care of my grandmother.
Congratulations on the new wing, beautiful building.
Happy birthday to the best pediatrician ever!
Does anyone know what time the pharmacy opens on Sunday?
Are you hiring for the front desk position?
Blessed to have such a caring doctor, highly recommend.
""".strip().split("\n")


# Short words that carry no complaint on their own; a phrase made only of these and
# FUNCTION words ("in the", "it was") is not a candidate. Negations are left out on
# purpose: "no one", "not happy", "never called" are how people complain.
SHORT = set("""
a i an as at be by do go if in is it me my of on or so to up us we am he oh ok
""".split())
NEGATIONS = set("no not never nobody nothing none nadie nunca".split())
# A phrase candidate: two or three words as the text writes them, one space between
# two, each word a run that RE2's \b bounds (src/classify/word_list.h takes exactly
# that form). Letters only, ASCII only (see words()).
PHRASE_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")


def phrases(text, n=2):
    """Adjacent word pairs (n=3: also triples) of the lower-cased text."""
    low = text.lower()
    toks = []
    for m in PHRASE_WORD.finditer(low):
        b, e = m.span()
        word_before = b > 0 and (low[b - 1].isalnum() or low[b - 1] == "_")
        word_after = e < len(low) and (low[e].isalnum() or low[e] == "_")
        toks.append((b, e, m.group(), not (word_before or word_after)))
    out = set()
    for k in range(2, n + 1):
        for i in range(len(toks) - k + 1):
            part = toks[i:i + k]
            if not all(t[3] for t in part) or any(part[j + 1][0] != part[j][1] + 1 or low[part[j][1]] != " "
                                                 for j in range(k - 1)):
                continue
            ws = [t[2] for t in part]
            if any(w in NAMES for w in ws):
                continue
            if all((w in FUNCTION or w in SHORT) and w not in NEGATIONS for w in ws):
                continue
            out.add(" ".join(ws))
    return out


def words(text, n=1):
    """The candidate terms of a text: words of >= 3 letters, ASCII only: an accented
    letter makes the one-pass set run the whole pattern with (?i) (rule_set.cpp
    NeedsFold), which cost 15 % of the classifier's time. n >= 2: also phrases of up
    to n words (phrases())."""
    out = {w for w in TOKEN.findall(text.lower())
           if len(w) >= 3 and w not in NAMES and w not in FUNCTION and w.isascii()}
    return out | phrases(text, n) if n >= 2 else out


def load(turnaround, rules, path, n=1):
    """Rows of one set: gold label, the current margin without the generated file, terms."""
    rows, vs = labelled_verdicts(turnaround, rules, path, without=GENERATED)
    out = []
    for r, v in zip(rows, vs):
        # The confidence is a logistic of the margin (combine.cpp); invert it.
        p = min(max(v["confidence"] if v["is_complaint"] or v["spam"] else 1 - v["confidence"], 1e-4), 1 - 1e-4)
        if v["spam"]:
            p = 1e-4  # spam is never a complaint
        margin = math.log(p / (1 - p)) / SLOPE
        out.append({"y": r["label"] == "complaint", "margin": margin, "words": words(r["text"], n),
                    "sarcastic": any(m["signal"] == "sarcasm" for m in v["matches"])})
    return out


def learn(sets, n_tiers=TIERS, n_counter=COUNTER_TIERS, min_lo=MIN_LO, l2=L2, min_df=MIN_DF, max_words=MAX_WORDS,
          max_phrases=0, weight=None, tier_weights=None, counter_weight=None):
    """sets: {name: rows}. Returns [(sign, tier, weight, words)]. Words and phrases are
    ranked apart: each side keeps max_words words and max_phrases phrases (a phrase
    that contains a kept word of its side adds nothing to the tier and is dropped
    first). weight: a fixed weight for every tier instead of the fitted one.
    tier_weights: fixed weights of the complaint tiers, strongest first (the counter
    tiers keep their fitted weights); see --tier-weights."""
    pos, neg = collections.Counter(), collections.Counter()
    in_sets = {True: collections.defaultdict(set), False: collections.defaultdict(set)}
    n_pos = n_neg = 0
    for name, rows in sets.items():
        for r in rows:
            n_pos += r["y"]
            n_neg += not r["y"]
            for w in r["words"]:
                (pos if r["y"] else neg)[w] += 1
                in_sets[r["y"]][w].add(name)
    lo = {}
    for w in set(pos) | set(neg):
        l = math.log((pos[w] + 0.5) / n_pos) - math.log((neg[w] + 0.5) / n_neg)
        # A term is evidence for the side it leans to only when that side shows it often
        # enough, in more than one set (one writer's habit is not how people write).
        side = l > 0
        if (pos[w] if side else neg[w]) >= min_df and len(in_sets[side][w]) >= MIN_SETS:
            lo[w] = l
    # Each word costs matching time on every comment (about 10 instructions), so each side
    # keeps the max_words terms that carry the most evidence: occurrences x log-odds.
    for sign in (1, -1):
        side = sorted((w for w, l in lo.items() if sign * l >= min_lo and " " not in w),
                      key=lambda w: (-abs(lo[w]) * (pos[w] if sign > 0 else neg[w]), w))
        for w in side[max_words:]:
            del lo[w]
        kept = set(side[:max_words])
        side = sorted((w for w, l in lo.items() if sign * l >= min_lo and " " in w),
                      key=lambda w: (-abs(lo[w]) * (pos[w] if sign > 0 else neg[w]), w))
        side = [w for w in side if not kept & set(w.split())] + [w for w in side if kept & set(w.split())]
        for w in side[max_phrases:]:
            del lo[w]
    tiers = []
    for sign, n in ((1, n_tiers), (-1, n_counter)):
        ranked = sorted(((sign * l, w) for w, l in lo.items() if sign * l >= min_lo), key=lambda x: (-x[0], x[1]))
        for t in range(n):
            part = ranked[t * len(ranked) // max(1, n):(t + 1) * len(ranked) // max(1, n)]
            if part:
                tiers.append([sign, t + 1, 0.0, sorted(w for _, w in part)])
    rows = [r for rs in sets.values() for r in rs]
    if weight is None:
        fit_weights(rows, tiers, l2)
    else:
        for t in tiers:
            t[2] = weight
    if tier_weights:
        for t in tiers:
            if t[0] > 0:
                t[2] = tier_weights[min(t[1], len(tier_weights)) - 1]
    if counter_weight is not None:
        for t in tiers:
            if t[0] < 0:
                t[2] = counter_weight
    return [tuple(t) for t in tiers if t[2] > 0.05]


def hits(r, tiers):
    return [t for t in tiers if r["words"] & set(t[3]) and not (t[0] < 0 and r["sarcastic"])]


def fit_weights(rows, tiers, l2, epochs=400, lr=0.5):
    """Logistic regression on the tiers with the current margin as offset; weights >= 0."""
    feats = [[i for i, t in enumerate(tiers) if r["words"] & set(t[3]) and not (t[0] < 0 and r["sarcastic"])]
             for r in rows]
    for _ in range(epochs):
        g = [0.0] * len(tiers)
        for r, f in zip(rows, feats):
            z = SLOPE * (r["margin"] + sum(tiers[i][0] * tiers[i][2] for i in f))
            p = 1 / (1 + math.exp(-max(-30, min(30, z))))
            for i in f:
                g[i] += (p - r["y"]) * SLOPE * tiers[i][0]
        for i, t in enumerate(tiers):
            t[2] = min(STRONG - 0.1, max(0.0, t[2] - lr * (g[i] / len(rows) + l2 * t[2])))
    for t in tiers:
        t[2] = round(t[2], 1)


def f1(rows, tiers):
    tp = fp = fn = 0
    for r in rows:
        pred = r["margin"] + sum(t[0] * t[2] for t in hits(r, tiers)) >= -1e-9
        tp += pred and r["y"]
        fp += pred and not r["y"]
        fn += (not pred) and r["y"]
    return 2 * tp / max(1, 2 * tp + fp + fn)


def render(tiers):
    out = ["# Generated by tests/classify/fit_complaints.py --write: do not edit by hand.",
           "# Words (and two-word phrases) far more frequent in complaints than in other comments",
           "# of our own labelled sets (complaint tiers), and those of comments that are not",
           "# complaints (counter tiers); see rules/README.md, rounds 11a and 12c."]
    for sign, t, weight, ws in tiers:
        kind = "complaint" if sign > 0 else "praise"
        pat = re.compile(r"\b(" + "|".join(map(re.escape, ws)) + r")\b", re.I)
        # A counter tier's example comes from the calm sentences (the end of EXAMPLES) first.
        ex = next((e for e in (EXAMPLES if sign > 0 else EXAMPLES[::-1]) if pat.search(e)), None)
        out += ["", f"rule: lexc.{kind}.{t}", f"signal: {kind}", f"weight: {weight:g}",
                r"pattern: \b(" + "|".join(ws) + r")\b", f"match: {ex or ws[0]}"]
    return "\n".join(out) + "\n"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--turnaround", default="build/turnaround")
    ap.add_argument("--rules", default="rules")
    ap.add_argument("--data", action="append", required=True)
    ap.add_argument("--report", action="append", default=[], help="scored, never fitted (ACL)")
    ap.add_argument("--tiers", type=int, default=TIERS)
    ap.add_argument("--counter-tiers", type=int, default=COUNTER_TIERS)
    ap.add_argument("--min-lo", type=float, default=MIN_LO)
    ap.add_argument("--l2", type=float, default=L2)
    ap.add_argument("--max-words", type=int, default=MAX_WORDS, help="words per side")
    ap.add_argument("--phrase-words", type=int, default=1, help="2: also two-word phrases, 3: and three")
    ap.add_argument("--max-phrases", type=int, default=0, help="phrases per side (with --phrase-words >= 2)")
    ap.add_argument("--weight", type=float, default=None, help="fixed tier weight instead of the fitted one")
    ap.add_argument("--tier-weights", default=None,
                    help="fixed weights of the complaint tiers, strongest first, e.g. 1.8,1.6,1.0 (shipped since round 22) "
                         "(the counter tiers keep the fitted weight)")
    ap.add_argument("--counter-weight", type=float, default=None,
                    help="fixed weight of the counter tiers instead of the fitted one")
    ap.add_argument("--loso", action="store_true", help="leave-one-set-out complaint F1")
    ap.add_argument("--write", action="store_true", help=f"rewrite rules/{GENERATED}")
    a = ap.parse_args()
    fit = {"n_tiers": a.tiers, "n_counter": a.counter_tiers, "min_lo": a.min_lo, "l2": a.l2,
           "max_words": a.max_words, "max_phrases": a.max_phrases, "weight": a.weight,
           "tier_weights": [float(x) for x in a.tier_weights.split(",")] if a.tier_weights else None,
           "counter_weight": a.counter_weight}
    sets = {os.path.basename(p): load(a.turnaround, a.rules, p, a.phrase_words) for p in a.data}
    reports = {os.path.basename(p): load(a.turnaround, a.rules, p, a.phrase_words) for p in a.report}
    if a.loso:
        gains = []
        for name, rows in sets.items():
            tiers = learn({k: v for k, v in sets.items() if k != name}, **fit)
            before, after = f1(rows, []), f1(rows, tiers)
            gains.append(after - before)
            print(f"{name}: F1 without lexicon {before:.3f}, learnt without this set {after:.3f}")
        print(f"mean change {sum(gains) / len(gains):+.4f}, sets down {sum(g < -0.001 for g in gains)}")
    tiers = learn(sets, **fit)
    for name, rows in reports.items():
        print(f"{name} (not fitted): F1 {f1(rows, []):.3f} -> {f1(rows, tiers):.3f}")
    for sign, t, weight, ws in tiers:
        print(f"{'+' if sign > 0 else '-'}{t} {weight:g} {len(ws)} words: {' '.join(ws[:12])} ...", file=sys.stderr)
    if a.write:
        open(os.path.join(a.rules, GENERATED), "w", encoding="utf-8").write(render(tiers))


if __name__ == "__main__":
    main()
