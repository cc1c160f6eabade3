// Verdicts holding made-up rule matches, for tests of what Combine() does with
// signals, weights and urgent reasons without writing a rule file.
#pragma once

#include <cstddef>
#include <memory>
#include <vector>

#include "model/verdict.h"

namespace turnaround::classify::testing {

struct Piece {
  const char* id;
  const char* signal;
  const char* reason;  // urgent reason, "" for none
  double weight;
};

// One match per piece, in order, each over its own 4-byte span; nothing else set.
inline model::Verdict MatchesOf(const std::vector<Piece>& pieces) {
  model::Verdict v;
  std::size_t at = 0;
  for (const Piece& p : pieces) {
    auto info = std::make_shared<model::RuleInfo>();
    info->id = p.id;
    info->file = "x.rules";
    info->signal = p.signal;
    info->weight = p.weight;
    if (*p.reason != 0) info->urgent_reasons = {p.reason};
    model::RuleMatch m(std::move(info));
    m.begin = at;
    m.end = at + 4;
    m.matched = "word";
    at += 10;
    v.matches.push_back(std::move(m));
  }
  return v;
}

}  // namespace turnaround::classify::testing
