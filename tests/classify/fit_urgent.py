#!/usr/bin/env python3
"""Fits the urgent-evidence lexicon: rules/urgent_lexicon.rules (generated).

Usage (from the repository root, with a built binary):
  tests/classify/fit_urgent.py --turnaround build/turnaround \
      --data tests/data/classify/healthcare.jsonl \
      --data tests/data/classify/healthcare_holdout2.jsonl ...  \
      --calm tests/classify/urgent_calm.txt \
      [--fresh healthcare_holdout13.jsonl=/tmp/rules-round13] [--loso] [--write]

Why (round 15): fourteen rounds of hand-written urgent phrasings reach 0.93-1.0 urgent
recall on every set we read and 0.45-0.75 on sets written blind: they learn the
phrasings of the sets we studied, not the next writer's. The complaint side escaped
the same trap with a fitted word lexicon (fit_complaints.py); this tries the same for
urgency, per urgent reason.

How: per reason, a word or a two-word phrase (fit_complaints.words(text, 2): names,
calendar and function words left out) is a candidate when it occurs in at least
MIN_DF urgent posts of that reason in at least MIN_SETS (3) different sets (different
writers; 2 let one writer's props in: a cat, a jacket) and is not a GENERIC word; its log-odds log(P(w | reason) / P(w | any other post)) (add-half
smoothing) ranks it. A phrase must be made of content words (not LIGHT ones) and is
dropped when one of its words is a term itself. The terms with log-odds >= --min-lo
(at most --max-terms) each get a rule of their own, weighted by log-odds below 1.0
(per_term_rules(), the default since round 17u; terms of one of our own calm sentences,
--calm, share a rule). With --per-term 0 they are spread over --groups rules of weight
0.5 by group() as in round 15: terms seen together in calm posts (or in our own calm
sentences) share a rule, so a reason fires only with two terms of two different rules.
The engine sums the weights of matched `urgent_evidence` rules per reason against
kUrgentEvidenceThreshold = 1.0 (combine.h). One word ("pills", "lawyer", "records") never makes a post urgent. A strong
tier (weight 1, one term decides: log-odds >= --strong-lo, >= --strong-df posts in
>= --strong-sets sets, no calm post) is off by default (--strong-df 0): it flagged our
own calm sentences and added no LOSO recall.

--loso is the honest estimate: for each set the lexicon is learnt from the other
sets only, and that set's urgent recall and precision (any reason) are measured
with the current rules alone and with the rules plus the lexicon. The current
rules were written from the very sets measured (their recall flatters them), so
--fresh SET=DIR also scores a set with the rules of the round before it was
studied (the rules it was measured blind with) plus the LOSO lexicon: the closest
we have to text nobody read. The blind holdout is refused (fit_weights.BLIND).
"""
import argparse
import collections
import math
import os
import sys

from fit_weights import labelled_verdicts  # the same directory
from fit_complaints import FUNCTION, NEGATIONS, SHORT, words  # the same tokenising

GENERATED = "urgent_lexicon.rules"
REASONS = ("self_harm", "threat_of_violence", "legal_threat", "privacy_breach", "medical_emergency")
THRESHOLD = 1.0  # kUrgentEvidenceThreshold, combine.h
# Chosen by --loso (rules/README.md, round 15).
MIN_DF, MIN_SETS, MIN_LO, STRONG_LO, GROUPS, MAX_TERMS, STRONG_DF, STRONG_SETS = 3, 3, 2.5, 4.0, 2, 60, 0, 3
STRONG_W, WEAK_W = 1.0, 0.5
# Round 17u: weights per term (see learn()), chosen by the fresh estimate (rules/README.md).
PER_TERM, BASE, SLOPE, CAP = True, 0.34, 0.15, 0.7
# Pronoun contractions and light verbs: a phrase made with one of them ("he's going",
# "i've got", "don't see") is how a set's writers narrate, not a sign of urgency, and
# one such phrase in the strong tier would flag "he's going to be fine, thank you".
LIGHT = set("""
i'm i've i'll i'd he's she's he'll she'll they're they've you're we've it's that's
hes ive dont cant don't can't won't didn't doesn't going gonna got get keep come
""".split())
# Words anyone writes about anything (pronoun contractions, thinking and telling, quantities,
# places in a sentence, Spanish auxiliaries): in the first fit they paired up as urgency
# ("many" + "think", "tired" + "think" flagged "so tired of waiting, I think they forgot me" as
# self-harm; 22 of the 12,623 general texts of ../shared/data were flagged by the lexicon alone,
# 9 without them). The lead's list, by kind of word, not by line of a set.
GENERIC = set("""
cant dont ive im hes shes theyre youre wont didnt doesnt isnt think thinking thought know many
much needing giving sleeping tired everyone please tell ser quiero familia conmigo seguir name
numbers showing behind next coming face sit time back way still going said told make made right
left around something someone people thing things else else's
he's i'll there's she's they'll we'll you'll it'll really honestly actually literally might maybe
somebody anybody stuff man info mine point side saying talking works decided closed fast
wanted
""".split())
# Round 17u: with a weight per term three weak terms add up to 1.0, so the words above the
# last two lines (contractions, hedges and intensifiers, vague pronouns and nouns, speech verbs,
# everyday verbs and adjectives; by kind of word, as the lead's list) are left out too.
# Round 37: "wanted" too; as a self-harm term it opened the urgent model's gate for "I just
# wanted someone to know how kind the nurses were".
# Our own sentences for the rules' match: examples (never a line of a data set).
EXAMPLES = """
My sister swallowed a whole bottle of pills and is not answering her phone.
I can't breathe and my chest hurts, the left arm is numb, please send someone.
He said he is going to kill himself tonight and I do not know what to do.
I have written goodbye letters to my kids and I am done with everything.
If that doctor touches my mother again I will hurt him, I know where he parks.
Someone brought a gun into the waiting room and threatened the nurse.
My attorney will be filing a lawsuit for malpractice and negligence.
I am reporting this to the state board and my lawyer is preparing a complaint.
Your clinic mailed my test results and diagnosis to my employer.
The receptionist read my HIV status out loud to the whole waiting room.
My baby is not breathing right and her lips are turning blue.
He collapsed and is unconscious, we are calling an ambulance.
I want to end my life, there is no reason to keep going.
Someone is going to get shot if they keep treating people like this.
My medical records were sent to a stranger with my social security number.
""".strip().split("\n")


def load(turnaround, rules, path, n=2):
    """Rows of one set: gold reason (None / a reason / "any"), predicted reasons, terms."""
    rows, vs = labelled_verdicts(turnaround, rules, path, without=GENERATED)
    out = []
    for r, v in zip(rows, vs):
        gold = r.get("urgent")
        gold = None if not gold else gold if isinstance(gold, str) else "any"
        out.append({"gold": gold, "pred": set(v["urgent_reasons"]), "words": words(r["text"], n),
                    "complaint": r["label"] == "complaint", "is_complaint": v["is_complaint"]})
    return out


_COUNTS = {}


def set_counts(rows):
    """Per set (memoised): df of each term in calm posts, per reason, and in all rows."""
    key = id(rows)
    # The entry keeps its list alive, so a new list can never reuse a cached list's id.
    if key not in _COUNTS or _COUNTS[key][0] is not rows:
        calm, per = collections.Counter(), {r: collections.Counter() for r in REASONS}
        n = collections.Counter()
        for r in rows:
            g = r["gold"]
            n[g] += 1
            (calm if g is None else per[g] if g in per else collections.Counter()).update(r["words"])
        _COUNTS[key] = (rows, (calm, per, n))
    return _COUNTS[key][1]


def learn(sets, min_df=MIN_DF, min_sets=MIN_SETS, min_lo=MIN_LO, strong_lo=STRONG_LO, groups=GROUPS,
          max_terms=MAX_TERMS, strong_df=STRONG_DF, strong_sets=STRONG_SETS, calm_own=(),
          per_term=PER_TERM, base=BASE, slope=SLOPE, cap=CAP):
    """sets: {name: rows}; calm_own: term sets of our own calm sentences (--calm).
    per_term: every term its own rule, weight min(cap, base + slope * (log-odds - min_lo))
    (round 17u) instead of the two fixed groups of WEAK_W.
    Returns [(reason, rule suffix, weight, terms)]."""
    calm, per, where = collections.Counter(), {r: collections.Counter() for r in REASONS}, collections.defaultdict(set)
    n = collections.Counter()
    for name, rows in sets.items():
        c, p, k = set_counts(rows)
        calm.update(c)
        n.update(k)
        for reason in REASONS:
            per[reason].update(p[reason])
            for w in p[reason]:
                if p[reason][w]:
                    where[(reason, w)].add(name)
    out = []
    for reason in REASONS:
        pos = per[reason]
        n_pos = n[reason]
        # The other side: every post that is neither this reason nor unlabelled urgency
        # (holdout4 marks urgency without a reason).
        n_neg = sum(v for g, v in n.items() if g != reason and g != "any")
        lo = {}
        for w, c in pos.items():
            if set(w.split()) & GENERIC:
                continue
            if c >= min_df and len(where[(reason, w)]) >= min_sets:
                neg = calm[w] + sum(per[o][w] for o in REASONS if o != reason)
                lo[w] = math.log((c + 0.5) / n_pos) - math.log((neg + 0.5) / n_neg)
        # A phrase counts only when both its words carry content ("crisis line", not "is
        # having") and neither is a term itself: "heads" and "heads up" are one piece of
        # evidence, not two.
        def content(w):
            return all(x in NEGATIONS or (x not in FUNCTION and x not in SHORT and x not in LIGHT and len(x) >= 3)
                       for x in w.split())
        ranked = sorted((w for w in lo if lo[w] >= min_lo and (" " not in w or content(w))),
                        key=lambda w: (-lo[w] * pos[w], w))
        singles = {w for w in ranked if " " not in w}
        ranked = [w for w in ranked if " " not in w or not singles & set(w.split())][:max_terms]
        if per_term:
            out += [(reason, f"t{k:02d}", weight, part)
                    for k, (weight, part) in enumerate(per_term_rules(ranked, lo, calm_own, min_lo, base, slope, cap), 1)]
            continue
        # Strong: decides alone. Seen often enough, in no calm post of the training sets.
        strong = sorted(w for w in ranked if strong_df and lo[w] >= strong_lo and calm[w] == 0
                        and pos[w] >= strong_df and len(where[(reason, w)]) >= strong_sets)
        weak = [w for w in ranked if w not in strong]
        if strong:
            out.append((reason, "1", STRONG_W, strong))
        for g, part in enumerate(group(weak, groups, reason, sets, calm_own)):
            if part:
                out.append((reason, "2" + "abcdefgh"[g], WEAK_W, sorted(part)))
    return out


def per_term_rules(ranked, lo, calm_own, min_lo, base, slope, cap):
    """Round 17u: one rule per term, so two terms of a reason always add up; a term's weight
    grows with its log-odds and stays below 1.0 (cap): no term decides alone. Two strong terms
    (0.5 + 0.5), or a strong one and a middling one, or three weak ones flag a reason. Terms
    that share one of our own calm sentences (--calm) share a rule, at the smallest of their
    weights: "records" + "copies", "waitlist" + "psychiatrist" are one piece.
    Returns [(weight, terms)] in the order of `ranked`."""
    rule_of = {w: i for i, w in enumerate(ranked)}
    for c in calm_own:
        shared = sorted({rule_of[w] for w in ranked if w in c})
        for w in ranked:
            if rule_of[w] in shared[1:]:
                rule_of[w] = shared[0]
    out = []
    for i in sorted(set(rule_of.values())):
        part = [w for w in ranked if rule_of[w] == i]
        out.append((round(min(cap, base + slope * (min(lo[w] for w in part) - min_lo)), 2), part))
    return out


def group(weak, groups, reason, sets, calm_own):
    """Spreads the weak terms (strongest first) over `groups` rules. Two terms count as two
    pieces only when they sit in different rules, so terms that occur together in calm
    posts belong in one rule ("camera" and "footage", "gun" and "owns"), terms that occur
    together in urgent posts of the reason in different ones. Greedy: each term goes to the
    rule where (urgent posts of the reason it would complete) - (calm posts it would flag)
    is largest; a term that shares one of our own calm sentences (--calm) with a placed term
    joins that term's rule. Ties: the smaller rule."""
    if groups <= 0:
        return []
    wset = set(weak)
    pos_docs = [r["words"] & wset for rs in sets.values() for r in rs if r["gold"] == reason]
    calm_docs = [r["words"] & wset for rs in sets.values() for r in rs if r["gold"] is None]
    own = [c & wset for c in calm_own]
    where = {}
    parts = [[] for _ in range(groups)]
    for t in weak:
        forced = {where[u] for c in own if t in c for u in c if u in where}
        best = None
        for g in range(groups):
            if forced and g not in forced:
                continue
            others = {u for u, h in where.items() if h != g}
            gain = sum(1 for d in pos_docs if t in d and d & others)
            cost = sum(1 for d in calm_docs if t in d and d & others)
            key = (gain - cost, -len(parts[g]), -g)
            if best is None or key > best[0]:
                best = (key, g)
        where[t] = best[1]
        parts[best[1]].append(t)
    return parts


def fires(r, lex):
    """Reasons the lexicon gives a row: per reason, the weights of matched rules summed."""
    score = collections.defaultdict(float)
    for reason, _, w, terms in lex:
        if r["words"] & set(terms):
            score[reason] += w
    return {k for k, s in score.items() if s >= THRESHOLD - 1e-9}


def score(rows, lex, pred_key="pred"):
    """Urgent recall, precision (any reason), per-reason recall, false alarms, gold count."""
    tp = fp = fn = 0
    per = collections.Counter()
    per_n = collections.Counter()
    for r in rows:
        pred = r[pred_key] | (fires(r, lex) if lex else set())
        if r["gold"]:
            per_n[r["gold"]] += 1
            per[r["gold"]] += bool(pred) if r["gold"] == "any" else r["gold"] in pred
        tp += bool(pred) and bool(r["gold"])
        fp += bool(pred) and not r["gold"]
        fn += (not pred) and bool(r["gold"])
    return tp / max(1, tp + fn), tp / max(1, tp + fp), fp, per, per_n


def render(lex):
    out = ["# Generated by tests/classify/fit_urgent.py --write: do not edit by hand.",
           "# Words and two-word phrases far more frequent in urgent posts of one reason than in",
           "# other posts of our own labelled sets (round 15, rules/README.md). An urgent_evidence",
           "# rule adds its weight to its reason; the reason fires at 1.0 (combine.h). Since round",
           "# 17u one rule per term (.tNN), weight from its log-odds, below 1.0: no term decides alone."]
    import re
    for reason, suffix, weight, terms in lex:
        pat = re.compile(r"\b(" + "|".join(map(re.escape, terms)) + r")\b", re.I)
        ex = next((e for e in EXAMPLES if pat.search(e)), None)
        out += ["", f"rule: lexu.{reason}.{suffix}", "signal: urgent_evidence", f"urgent: {reason}",
                f"weight: {weight:g}", r"pattern: \b(" + "|".join(terms) + r")\b", f"match: {ex or terms[0]}"]
    return "\n".join(out) + "\n"


def fmt(rec, prec, fp):
    return f"R {rec:.3f} P {prec:.3f} fa {fp}"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--turnaround", default="build/turnaround")
    ap.add_argument("--rules", default="rules")
    ap.add_argument("--data", action="append", required=True)
    ap.add_argument("--fresh", action="append", default=[],
                    help="SET=RULES_DIR: also score SET with these (older) rules + the LOSO lexicon")
    ap.add_argument("--min-df", type=int, default=MIN_DF)
    ap.add_argument("--min-sets", type=int, default=MIN_SETS)
    ap.add_argument("--min-lo", type=float, default=MIN_LO)
    ap.add_argument("--strong-lo", type=float, default=STRONG_LO)
    ap.add_argument("--strong-df", type=int, default=STRONG_DF, help="a strong term's urgent posts, at least")
    ap.add_argument("--strong-sets", type=int, default=STRONG_SETS, help="a strong term's sets, at least")
    ap.add_argument("--groups", type=int, default=GROUPS)
    ap.add_argument("--max-terms", type=int, default=MAX_TERMS, help="terms per reason")
    ap.add_argument("--per-term", type=int, default=int(PER_TERM), help="1: a rule and a weight per term")
    ap.add_argument("--base", type=float, default=BASE, help="per-term weight at --min-lo")
    ap.add_argument("--slope", type=float, default=SLOPE, help="per-term weight added per unit of log-odds")
    ap.add_argument("--cap", type=float, default=CAP, help="per-term weight, at most (below 1: no term decides alone)")
    ap.add_argument("--calm", action="append", default=[],
                    help="a file of our own calm sentences, one a line (never a data set's lines)")
    ap.add_argument("--loso", action="store_true", help="leave-one-set-out urgent recall / precision")
    ap.add_argument("--cache", help="pickle of the loaded sets (speeds a parameter sweep)")
    ap.add_argument("--write", action="store_true", help=f"rewrite rules/{GENERATED}")
    a = ap.parse_args()
    fit = {"min_df": a.min_df, "min_sets": a.min_sets, "min_lo": a.min_lo, "strong_lo": a.strong_lo,
           "groups": a.groups, "max_terms": a.max_terms, "strong_df": a.strong_df, "strong_sets": a.strong_sets,
           "per_term": bool(a.per_term), "base": a.base, "slope": a.slope, "cap": a.cap,
           "calm_own": [words(l, 2) for f in a.calm for l in open(f, encoding="utf-8")
                        if l.strip() and not l.startswith("#")]}
    fresh = dict(f.split("=", 1) for f in a.fresh)
    import pickle
    if a.cache and os.path.exists(a.cache):
        sets = pickle.load(open(a.cache, "rb"))
    else:
        sets = {os.path.basename(p): load(a.turnaround, a.rules, p) for p in a.data}
        for p in a.data:
            name = os.path.basename(p)
            if name in fresh:
                old = load(a.turnaround, fresh[name], p)
                for r, o in zip(sets[name], old):
                    r["old"] = o["pred"]
        if a.cache:
            pickle.dump(sets, open(a.cache, "wb"))
    if a.loso:
        gains, precs = [], []
        for name, rows in sets.items():
            lex = learn({k: v for k, v in sets.items() if k != name}, **fit)
            b, a_ = score(rows, []), score(rows, lex)
            line = f"{name}: {fmt(*b[:3])} -> {fmt(*a_[:3])}"
            if "old" in rows[0]:
                ob, oa = score(rows, [], "old"), score(rows, lex, "old")
                line += f" | fresh rules {fmt(*ob[:3])} -> {fmt(*oa[:3])}"
            print(line)
            lex_only = score([dict(r, pred=set()) for r in rows], lex)
            print(f"    lexicon alone {fmt(*lex_only[:3])}; per reason "
                  + " ".join(f"{k}:{lex_only[3][k]}/{lex_only[4][k]}" for k in sorted(lex_only[4])))
            gains.append((name, a_[0] - b[0], a_[2] - b[2]))
        print(f"mean recall change {sum(g[1] for g in gains) / len(gains):+.4f}, "
              f"false alarms added {sum(g[2] for g in gains)}")
    lex = learn(sets, **fit)
    for reason, suffix, w, terms in lex:
        print(f"{reason}.{suffix} {w:g} {len(terms)}: {' | '.join(terms[:15])}", file=sys.stderr)
    if a.write:
        open(os.path.join(a.rules, GENERATED), "w", encoding="utf-8").write(render(lex))


if __name__ == "__main__":
    main()
