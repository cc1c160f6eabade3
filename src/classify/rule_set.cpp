#include "classify/rule_set.h"

#include <algorithm>

namespace turnaround::classify {

namespace {

// Large enough for a few hundred case-insensitive patterns; the DFA cache is
// shared by all threads. On overflow Match() falls back (see header).
constexpr int64_t kSetMaxMem = 64 << 20;

std::string Where(const RuleSpec& r, int line) {
  return r.file + ":" + std::to_string(line) + ": rule " + r.id + ": ";
}

// Case-insensitivity is per rule, so it travels inside the pattern.
std::string WithFlags(const RuleSpec& r, const std::string& pattern) {
  return r.case_sensitive ? pattern : "(?i)" + pattern;
}

}  // namespace

RuleSet::RuleSet(Key, std::vector<RuleSpec> rules, RE2::Options opts)
    : rules_(std::move(rules)), set_(opts, RE2::UNANCHORED) {}

core::Result<std::unique_ptr<RuleSet>> RuleSet::Compile(std::vector<RuleSpec> rules) {
  RE2::Options opts;
  opts.set_encoding(RE2::Options::EncodingUTF8);
  opts.set_log_errors(false);
  opts.set_max_mem(kSetMaxMem);
  auto rs = std::make_unique<RuleSet>(Key{}, std::move(rules), opts);
  std::vector<std::string> errors;
  for (size_t i = 0; i < rs->rules_.size(); ++i) {
    const RuleSpec& r = rs->rules_[i];
    for (size_t j = 0; j < i; ++j) {
      if (rs->rules_[j].id == r.id) {
        errors.push_back(Where(r, r.line) + "duplicate rule id (first at " + rs->rules_[j].file + ":" +
                         std::to_string(rs->rules_[j].line) + ")");
      }
    }
    for (const Located& p : r.patterns) {
      std::string pattern = WithFlags(r, p.text);
      RE2::Options one = opts;
      one.set_max_mem(1 << 20);
      auto re = std::make_unique<RE2>(pattern, one);
      if (!re->ok()) {
        errors.push_back(Where(r, p.line) + "bad pattern '" + p.text + "': " + re->error());
        continue;
      }
      std::string err;
      if (rs->set_.Add(pattern, &err) < 0) {
        errors.push_back(Where(r, p.line) + "bad pattern '" + p.text + "': " + err);
        continue;
      }
      rs->patterns_.push_back({i, std::move(re)});
    }
  }
  if (errors.empty() && !rs->set_.Compile()) errors.push_back("rules: the pattern set is too large to compile");
  if (errors.empty()) {
    for (size_t i = 0; i < rs->rules_.size(); ++i) {
      const RuleSpec& r = rs->rules_[i];
      for (const Located& ex : r.match_examples) {
        if (!rs->RuleMatches(i, ex.text)) errors.push_back(Where(r, ex.line) + "example does not match: " + ex.text);
      }
      for (const Located& ex : r.no_match_examples) {
        if (rs->RuleMatches(i, ex.text)) errors.push_back(Where(r, ex.line) + "no_match example matches: " + ex.text);
      }
    }
  }
  if (!errors.empty()) {
    std::string report;
    for (const std::string& e : errors) report += e + "\n";
    return core::InvalidArgument(report);
  }
  return rs;
}

bool RuleSet::RuleMatches(size_t rule, std::string_view text) const {
  for (const Pattern& p : patterns_) {
    if (p.rule == rule && RE2::PartialMatch(text, *p.re)) return true;
  }
  return false;
}

void RuleSet::AppendMatch(size_t pattern, std::string_view text, std::vector<model::RuleMatch>* out) const {
  const Pattern& p = patterns_[pattern];
  re2::StringPiece whole;
  if (!p.re->Match(text, 0, text.size(), RE2::UNANCHORED, &whole, 1)) return;
  const RuleSpec& r = rules_[p.rule];
  model::RuleMatch& m = out->emplace_back();
  m.rule_id = r.id;
  m.file = r.file;
  m.signal = SignalName(r.signal);
  m.weight = r.weight;
  m.category = r.category;
  m.urgent_reason = r.urgent_reason;
  m.begin = static_cast<size_t>(whole.data() - text.data());
  m.end = m.begin + whole.size();
  m.matched.assign(whole.data(), whole.size());
}

bool RuleSet::Match(std::string_view text, std::vector<model::RuleMatch>* out) const {
  thread_local std::vector<int> hits;  // per-thread scratch; Match() is const and shared
  hits.clear();
  RE2::Set::ErrorInfo info{RE2::Set::kNoError};
  bool any = set_.Match(text, &hits, &info);
  bool ok = true;
  if (!any && info.kind != RE2::Set::kNoError) {
    // Not "no match": the DFA gave up. Try every pattern on its own.
    ok = false;
    hits.clear();
    for (size_t i = 0; i < patterns_.size(); ++i) {
      if (RE2::PartialMatch(text, *patterns_[i].re)) hits.push_back(static_cast<int>(i));
    }
  }
  std::sort(hits.begin(), hits.end());
  out->reserve(out->size() + hits.size());
  size_t last_rule = static_cast<size_t>(-1);
  for (int h : hits) {
    size_t rule = patterns_[static_cast<size_t>(h)].rule;
    if (rule == last_rule) continue;  // one match per rule: its first pattern
    last_rule = rule;
    AppendMatch(static_cast<size_t>(h), text, out);
  }
  return ok;
}

int RuleSet::Find(std::string_view id) const {
  for (size_t i = 0; i < rules_.size(); ++i) {
    if (rules_[i].id == id) return static_cast<int>(i);
  }
  return -1;
}

}  // namespace turnaround::classify
