#!/usr/bin/env python3
"""Fits the category lexicon: the `lex.*` rules at the end of rules/categories.rules.

Usage (from the repository root, with a built binary):
  tests/classify/fit_categories.py --turnaround build/turnaround \
      --data tests/data/classify/healthcare.jsonl \
      --data tests/data/classify/healthcare_holdout2.jsonl ...  [--loso] [--write]

Why: each round's phrase rules for categories fitted the studied set and moved
fresh text by about one line. What the comment is about is spread over its
words ("copay", "waitlist", "rolled her eyes", "wifi"), so this adds votes from
a word lexicon learnt from the labelled sets, on top of the written rules.

How: for every word that occurs in at least MIN_DF labelled complaints and at
least MIN_COUNT times with a category, its lift = log(P(category | word) /
P(category)) (add-half smoothing). Words with a lift >= MIN_LIFT are kept,
except generic words (people, family, time, filler, Spanish function words:
GENERIC below) and setting words (SETTING: who was there and where), which
name no topic. Each category's words are cut into TIERS
tiers by lift, and each tier becomes one `signal: category` rule that votes
ALPHA x the tier's mean lift, so a comment collects one vote per tier it
touches, summed with the written rules' votes (see rules/README.md, step 5).
A word is only a topic vote: it never makes a comment a complaint.

--loso measures the idea honestly: for each data set, the lexicon is learnt
from the other sets only and category accuracy is measured on the left-out
one (the written rules' votes come from the binary, with any lex.* rule
already in the rules dir ignored). --write replaces the generated block of
categories.rules. The blind holdout is refused (fit_weights.BLIND).
"""
import argparse
import collections
import json
import math
import os
import re
import sys

from fit_weights import refuse_blind, verdicts  # the same directory

ORDER = ["privacy", "clinical_care", "billing", "wait_time", "scheduling",
         "staff_attitude", "communication", "access", "facilities", "other"]
MIN_DF, MIN_COUNT, MIN_LIFT, TIERS, ALPHA = 3, 2, 1.0, 6, 0.6
BEGIN = "# BEGIN fitted category lexicon (tests/classify/fit_categories.py --write; do not edit by hand)"
END = "# END fitted category lexicon"
TOKEN = re.compile(r"[a-záéíóúñü]+(?:'[a-z]+)?")
GENERIC = set("""
the and for that this with was were are you your they them their have has had not but our out just from what when who
how why all any can get got one its it's i'm i've been there here then than she her him his she's he's we're about into
because would could should will did does don't didn't can't won't very really still also even after before over more some
only again back now too like time day days said told tell asked went came come make made being other every each know way
much many well going want need
actually anyway apparently honestly literally maybe probably exactly sure guess think thought know knew knows say says
saying tells telling ask asks asking give gave given gets getting take taken took find found look looked looking see seen
saw show shows showed put keep keeps kept let use used uses try tried trying done doing happens happened ended start
started bring bringing leave leaving left stay stop spent
anyone anything everyone everything someone something somebody nobody nothing none person people guy guys man lady woman
women's y'all you're you'll i'll i'd we'll we've they've isn't wasn't doesn't didnt couldn't could've that's there's
what's else another both either which while where these those whole entire single half first second third once twice
three two four five cinco tres dos
mom dad mother father wife husband son daughter kid kids baby grandma grandpa grandmother abuela sister brother cousin
family families mom's dad's mother's husband's son's daughter's hijo hija esposo
today tonight morning night monday tuesday wednesday thursday friday saturday sunday week weeks month months year years
day días día ago since until till later last next new old finally january february march april june july august
september october november december semanas meses años
lol wow hey hello thanks thank please love great nice good better bad lovely wonderful amazing brilliant gorgeous
beautiful cool sorry hope gonna real truly interesting
con los las del por para que una nos sin esto ese era estaba tiene tengo tuve tuvimos hay dice dicen dijo dijeron ahora
nada todo todos solo siempre muy bien porque alguien nunca mismo misma ustedes somos vez veces después hace
elm west mercy valley parks patel county main side top round thing things place point reason lot
""".split())
# Where it happened and who was there: a setting votes for no topic (the failure does).
SETTING = set("""
nurse nurses doctor doctors doc staff provider providers front desk office clinic hospital hospital's room rooms
center dept department
""".split())


def words(text):
    # ASCII first and last letters only: RE2's \b does not know accented letters.
    return {w for w in TOKEN.findall(text.lower())
            if len(w) >= 3 and w not in GENERIC and w not in SETTING and w[0].isascii() and w[-1].isascii()}


def load(turnaround, rules, path):
    refuse_blind(path)
    rows = [json.loads(l) for l in open(path, encoding="utf-8") if l.strip()]
    out = []
    for r, v in zip(rows, verdicts(turnaround, rules, [r["text"] for r in rows])):
        if not r.get("category"):
            continue
        votes = collections.Counter()  # the written rules' votes, as combine.cpp counts them
        for m in v["matches"]:
            if m.get("category") and m["signal"] not in ("praise", "question") and not m["rule"].startswith("lex."):
                votes[m["category"]] += m["weight"] if m["signal"] == "category" else 1.5
        out.append({"gold": r["category"], "words": words(r["text"]), "votes": votes,
                    "privacy_breach": "privacy_breach" in v["urgent_reasons"]})
    return out


def learn(rows, n_tiers=TIERS, min_lift=MIN_LIFT, alpha=ALPHA):
    per_word, per_cat = collections.defaultdict(collections.Counter), collections.Counter()
    for r in rows:
        per_cat[r["gold"]] += 1
        for w in r["words"]:
            per_word[w][r["gold"]] += 1
    n = sum(per_cat.values())
    lexicon = collections.defaultdict(dict)
    for w, counts in per_word.items():
        total = sum(counts.values())
        if total < MIN_DF:
            continue
        for c in ORDER:
            if counts[c] < MIN_COUNT:
                continue
            lift = math.log(((counts[c] + 0.5) / (total + 5.0)) / (per_cat[c] / n))
            if lift >= min_lift:
                lexicon[c][w] = lift
    tiers = []  # (category, tier number, vote, words)
    for c in ORDER:
        ranked = sorted(((l, w) for w, l in lexicon[c].items()), key=lambda x: (-x[0], x[1]))
        for t in range(n_tiers):
            part = ranked[t * len(ranked) // n_tiers:(t + 1) * len(ranked) // n_tiers]
            if part:
                vote = round(alpha * sum(l for l, _ in part) / len(part), 2)
                tiers.append((c, t + 1, vote, sorted(w for _, w in part)))
    return tiers


def pick(r, tiers):
    if r["privacy_breach"]:
        return "privacy"
    votes = collections.Counter(r["votes"])
    for c, _, vote, ws in tiers:
        if r["words"] & set(ws):
            votes[c] += vote
    best = max(ORDER, key=lambda c: (votes[c], -ORDER.index(c)))
    return best if votes[best] > 0 else "other"


def accuracy(rows, tiers):
    return sum(pick(r, tiers) == r["gold"] for r in rows) / max(1, len(rows))


def render(tiers):
    out = [BEGIN]
    for c, t, vote, ws in tiers:
        out += ["", f"rule: lex.{c}.{t}", "signal: category", f"category: {c}", f"weight: {vote}",
                r"pattern: \b(" + "|".join(ws) + r")\b", f"match: {ws[0]}"]
    return "\n".join(out + ["", END]) + "\n"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--turnaround", default="build/turnaround")
    ap.add_argument("--rules", default="rules")
    ap.add_argument("--data", action="append", required=True)
    ap.add_argument("--tiers", type=int, default=TIERS)
    ap.add_argument("--min-lift", type=float, default=MIN_LIFT)
    ap.add_argument("--alpha", type=float, default=ALPHA)
    ap.add_argument("--loso", action="store_true", help="leave-one-set-out category accuracy")
    ap.add_argument("--write", action="store_true", help="rewrite the lexicon block of categories.rules")
    a = ap.parse_args()
    fit = {"n_tiers": a.tiers, "min_lift": a.min_lift, "alpha": a.alpha}
    sets = {os.path.basename(p): load(a.turnaround, a.rules, p) for p in a.data}
    if a.loso:
        for name, rows in sets.items():
            train = [r for other, rs in sets.items() if other != name for r in rs]
            print(f"{name}: written rules {accuracy(rows, []):.3f}, with a lexicon learnt "
                  f"without this set {accuracy(rows, learn(train, **fit)):.3f}")
    tiers = learn([r for rs in sets.values() for r in rs], **fit)
    print(f"{sum(len(ws) for *_, ws in tiers)} words in {len(tiers)} rules", file=sys.stderr)
    if a.write:
        path = os.path.join(a.rules, "categories.rules")
        text = open(path, encoding="utf-8").read()
        block = render(tiers)
        if BEGIN in text:
            text = text[:text.index(BEGIN)] + block + text[text.index(END) + len(END) + 1:]
        else:
            text = text.rstrip("\n") + "\n\n" + block
        open(path, "w", encoding="utf-8").write(text)


if __name__ == "__main__":
    main()
