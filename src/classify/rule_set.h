// RuleSet: every pattern of every rule compiled into RE2::Sets of at most
// kShardSize patterns each (in a looser form, see SetPattern) and, once
// accelerated, one Hyperscan database (in another looser form, see HsPattern),
// plus one RE2 per pattern used only for the candidates they report (to
// confirm them and find their spans).
//
// Invariants: set index k (pattern k % kShardSize of shards_[k / kShardSize])
// <-> patterns_[set_pattern_[k]] (cased_set_ likewise, one set);
// patterns_[i].rule indexes rules_.
// Immutable after Compile() except for Accelerate(), which only swaps the
// engine that finds candidates (Hyperscan for RE2::Set; same matches, see
// HsSet) and may run while other threads call Match(). Match() is const and
// safe from many threads (RE2 is thread-safe; RE2::Set::Match is const and
// guarded internally, and the thread test in tests/classify exercises it
// under TSan).
#pragma once

#include <atomic>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include <re2/re2.h>
#include <re2/set.h>

#include "classify/hs_set.h"
#include "classify/rule_file.h"
#include "classify/word_list.h"
#include "core/status.h"
#include "model/verdict.h"

namespace turnaround::classify {

// The looser superset of `pattern` that the one-pass set runs (exposed for tests).
std::string SetPattern(const std::string& pattern);
// The looser superset that Hyperscan runs in its place: every bounded gap
// (".{0,40}", "[^.!?]{0,40}") unbounded, nothing dropped (exposed for tests).
std::string HsPattern(const std::string& pattern);

class RuleSet {
  struct Key {};  // private passkey: only Compile() constructs a RuleSet

 public:
  // Compiles `rules` and (if run_examples) runs every rule's match/no_match
  // examples. On failure returns InvalidArgument with one
  // "file:line: rule ID: reason" per line.
  static core::Result<std::unique_ptr<RuleSet>> Compile(std::vector<RuleSpec> rules, bool run_examples = true);

  RuleSet(Key, std::vector<RuleSpec> rules, RE2::Options opts);
  RuleSet(const RuleSet&) = delete;  // owns a compiled RE2::Set
  RuleSet& operator=(const RuleSet&) = delete;

  // Appends one RuleMatch per rule that matches `text` (the leftmost span of
  // its first matching pattern), in rule order. Returns false only if the set
  // could not run (DFA out of memory); then it has fallen back to trying each
  // pattern on its own, so *out is still complete.
  // With spans=false the matches carry no span (begin = end = 0, matched
  // empty) and only candidates of loosened patterns are confirmed.
  bool Match(std::string_view text, std::vector<model::RuleMatch>* out, bool spans = true) const;

  // Makes Match() find its candidates with Hyperscan instead of RE2::Set:
  // the same candidates, so the same matches, at a cost that does not grow
  // with how new the text is. Compiling takes seconds for the shipped rules,
  // so with a non-empty `cache_dir` (created if missing) the database is
  // loaded from there when it was compiled for these very patterns, and saved
  // there after a compile. Callable while other threads call Match(); the
  // first success wins, later calls return at once. Errors: Hyperscan's (the
  // RE2::Set engine stays); a cache that cannot be read or written is only
  // noted in the report.
  // With a `compiler` and a cache_dir, a database not in the cache is
  // compiled by `compiler` into the cache and loaded from there, never in this
  // process (its memory peak stays out of a long-running server); if that
  // fails, so does Accelerate().
  // While another process holds the compile lock of the same database, the
  // wait ends early (kUnavailable, the RE2 engine stays) once `cancelled`
  // returns true; it is asked about every 50 ms. Without it the wait lasts as
  // long as that compile (up to ~20 s for the shipped rules).
  core::Result<AccelerateReport> Accelerate(const std::string& cache_dir, const HsCompiler& compiler = {},
                                            const HsCancelled& cancelled = {}) const;
  bool accelerated() const { return accel_.load(std::memory_order_acquire) != nullptr; }

  const std::vector<RuleSpec>& rules() const { return rules_; }
  const RuleSpec& rule(size_t i) const { return rules_[i]; }
  // Index of the rule with this id, or -1.
  int Find(std::string_view id) const;

 private:
  struct Pattern {
    size_t rule;
    std::unique_ptr<RE2> re;      // exact, as written (examples, fallback)
    std::unique_ptr<RE2> folded;  // same, for ASCII-lower-cased text; null for case-sensitive rules
    bool exact_in_set = false;  // the set runs this very pattern: a set hit is a match
    std::unique_ptr<WordList> words;  // the pattern is a word list: spans without RE2
  };
  // What the span searches of one Match() call share.
  struct Scratch {
    bool fold_trap = false;  // WordList::HasFoldTrap(lower)
    bool runs_cut = false;   // runs holds WordList::CutRuns(lower), cut for the first list
    WordList::Runs* runs = nullptr;  // per-thread
  };
  // Confirms a set hit with the pattern's own RE2 and appends its match;
  // false if the exact pattern does not match (the set runs a looser superset).
  bool AppendMatch(size_t pattern, std::string_view text, std::string_view lower, bool spans, Scratch* scratch,
                   std::vector<model::RuleMatch>* out) const;
  bool RuleMatches(size_t rule, std::string_view text) const;
  // Runs the engine that finds candidates of the shards (Hyperscan once
  // accelerated, else the shards themselves) over `lower`; appends patterns_ indexes.
  // False if it could not run.
  bool MainCandidates(std::string_view lower, std::vector<int>* hits) const;

  // The Hyperscan engine for the shards' patterns (Accelerate()).
  struct Accel {
    std::unique_ptr<HsSet> hs;            // hs id k <-> set index k
    std::unique_ptr<RE2::Set> refused;    // what Hyperscan refused; null if none
    std::vector<int> refused_index;       // refused's index -> set index
  };

  std::vector<RuleSpec> rules_;
  // rule_info_[i] is what every match of rules_[i] shares (model::RuleInfo).
  std::vector<std::shared_ptr<const model::RuleInfo>> rule_info_;
  std::vector<Pattern> patterns_;
  // Case-insensitive rules, run over ASCII-lower-cased text, in shards: one
  // RE2::Set over all ~1,600 patterns builds DFA states that are products of
  // every pattern's state, so on text it has not seen it kept building new
  // ones (583 real comments/s on one core, 2026-12-03); small sets reuse
  // their few states.
  static constexpr size_t kShardSize = 64;
  std::vector<std::unique_ptr<RE2::Set>> shards_;
  RE2::Set cased_set_;  // case-sensitive rules, run over the text as written
  std::vector<int> set_pattern_, cased_pattern_;  // set index -> index in patterns_
  std::vector<std::string> set_source_;  // set index -> the pattern the set runs
  std::vector<std::string> hs_source_;   // set index -> what Hyperscan runs for it (HsPattern)
  RE2::Options set_options_;
  mutable std::mutex accel_mu_;                 // serializes Accelerate()
  mutable std::unique_ptr<const Accel> accel_owner_;  // set once, guarded by accel_mu_
  mutable std::atomic<const Accel*> accel_{nullptr};  // what Match() reads
};

}  // namespace turnaround::classify
