#include "classify/rule_file.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#include <sstream>

#include "classify/combine.h"
#include "model/verdict.h"

namespace turnaround::classify {

namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// "a, b ,c" -> {"a", "b", "c"}; an empty piece stays (and fails validation).
std::vector<std::string_view> SplitList(std::string_view s) {
  std::vector<std::string_view> out;
  while (true) {
    const size_t comma = s.find(',');
    out.push_back(Trim(s.substr(0, comma)));
    if (comma == std::string_view::npos) return out;
    s.remove_prefix(comma + 1);
  }
}

bool ParseSignal(std::string_view s, Signal* out) {
  static constexpr std::array<Signal, 9> kAll = {Signal::kComplaint, Signal::kCategory,       Signal::kUrgent,
                                                 Signal::kPraise,    Signal::kQuestion,       Signal::kSpam,
                                                 Signal::kSarcasm,   Signal::kUrgentEvidence, Signal::kUrgentCounter};
  for (Signal sig : kAll) {
    if (s == SignalName(sig)) {
      *out = sig;
      return true;
    }
  }
  return false;
}

// True when a \b follows (perhaps through closing parentheses) a non-ASCII
// character or a character class holding one: RE2's \b only knows ASCII word
// characters, so "qu[eé]\b" never matches "qué" followed by a space or the end.
bool WordBoundaryAfterNonAscii(std::string_view p) {
  auto non_ascii = [](char c) { return static_cast<unsigned char>(c) >= 0x80; };
  for (size_t i = 0; i + 1 < p.size(); ++i) {
    if (p[i] != '\\') continue;
    if (p[i + 1] != 'b') {
      ++i;  // skip the escaped character
      continue;
    }
    size_t j = i;
    while (j > 0 && p[j - 1] == ')') --j;
    if (j == 0) continue;
    if (non_ascii(p[j - 1])) return true;
    if (p[j - 1] == ']') {
      size_t open = p.rfind('[', j - 1);
      if (open != std::string_view::npos) {
        for (size_t k = open; k < j; ++k) {
          if (non_ascii(p[k])) return true;
        }
      }
    }
  }
  return false;
}

// Parses state for one file; keeps the error format in one place.
class Parser {
 public:
  Parser(std::string_view file, std::vector<RuleSpec>* rules, std::vector<std::string>* errors)
      : file_(file), rules_(rules), errors_(errors) {}

  void Line(int line_no, std::string_view raw) {
    std::string_view line = Trim(raw);
    if (line.empty() || line.front() == '#') return;
    size_t colon = line.find(':');
    if (colon == std::string_view::npos) {
      Error(line_no, "expected 'key: value' (keys: rule, signal, weight, category, urgent, "
                     "case, pattern, match, no_match)");
      return;
    }
    std::string_view key = Trim(line.substr(0, colon));
    std::string_view value = Trim(line.substr(colon + 1));
    if (key == "rule") {
      StartRule(line_no, value);
      return;
    }
    if (current_ == nullptr) {
      std::string msg(1, '\'');
      msg.append(key).append(":' before the first 'rule:'");
      Error(line_no, msg);
      return;
    }
    Field(line_no, key, value);
  }

  void Finish() {
    if (current_ != nullptr) Validate(*current_);
  }

 private:
  void StartRule(int line_no, std::string_view id) {
    Finish();
    bool valid_id = !id.empty();
    for (char c : id) {
      if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '.')) valid_id = false;
    }
    current_ = &rules_->emplace_back();
    current_->id = std::string(id);
    current_->file = std::string(file_);
    current_->line = line_no;
    if (!valid_id) Error(line_no, "rule id must be letters, digits, '_', '-' or '.'");
  }

  void Field(int line_no, std::string_view key, std::string_view value) {
    RuleSpec& r = *current_;
    if (key == "pattern") {
      if (value.empty()) Error(line_no, "empty pattern");
      if (WordBoundaryAfterNonAscii(value)) {
        Error(line_no, "\\b right after a non-ASCII letter never matches there (RE2's \\b knows only ASCII): "
                       "write 'qu(e\\b|\xc3\xa9)' or leave the \\b out");
      }
      r.patterns.push_back({std::string(value), line_no});
    } else if (key == "match") {
      r.match_examples.push_back({std::string(value), line_no});
    } else if (key == "no_match") {
      r.no_match_examples.push_back({std::string(value), line_no});
    } else if (key == "signal") {
      if (!ParseSignal(value, &r.signal)) {
        Error(line_no, "unknown signal '" + std::string(value) +
                           "' (complaint, sarcasm, category, urgent, urgent_evidence, urgent_counter, praise, question, "
                           "spam)");
      }
    } else if (key == "weight") {
      double w = 0;
      auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), w);
      if (ec != std::errc() || ptr != value.data() + value.size() || !std::isfinite(w) || w < 0 || w > 10) {
        Error(line_no, "weight must be a number from 0 to 10, got '" + std::string(value) + "'");
      } else {
        r.weight = w;
      }
    } else if (key == "category") {
      if (!IsKnownCategory(value)) Error(line_no, "unknown category '" + std::string(value) + "'");
      r.category = std::string(value);
    } else if (key == "urgent") {
      r.urgent_reasons.clear();
      for (std::string_view reason : SplitList(value)) {
        if (!IsKnownUrgentReason(reason)) {
          Error(line_no, "unknown urgent reason '" + std::string(reason) + "'");
        } else if (std::find(r.urgent_reasons.begin(), r.urgent_reasons.end(), reason) != r.urgent_reasons.end()) {
          Error(line_no, "urgent reason '" + std::string(reason) + "' named twice");
        } else {
          r.urgent_reasons.emplace_back(reason);
        }
      }
    } else if (key == "case") {
      if (value != "sensitive" && value != "insensitive") Error(line_no, "case must be 'sensitive' or 'insensitive'");
      r.case_sensitive = value == "sensitive";
    } else {
      Error(line_no, "unknown key '" + std::string(key) + "'");
    }
  }

  void Validate(const RuleSpec& r) {
    if (r.patterns.empty()) Error(r.line, "no 'pattern:' lines");
    if (r.match_examples.empty()) Error(r.line, "no 'match:' example (every rule needs at least one)");
    const bool urgent = r.signal == Signal::kUrgent || r.signal == Signal::kUrgentEvidence ||
                        r.signal == Signal::kUrgentCounter;
    if (urgent && r.urgent_reasons.empty()) Error(r.line, "urgent rule without 'urgent:' reason");
    if (!urgent && !r.urgent_reasons.empty()) {
      Error(r.line, "'urgent:' is only for signal: urgent, urgent_evidence or urgent_counter");
    }
    // A counter may call off several reasons at once; evidence that counts
    // towards two reasons is two rules, so each weighs in on its own.
    if (r.urgent_reasons.size() > 1 && r.signal != Signal::kUrgentCounter) {
      Error(r.line, "only an urgent_counter rule may name several urgent reasons");
    }
    if (r.signal == Signal::kUrgentCounter && !r.category.empty()) {
      Error(r.line, "urgent_counter rules take no 'category:' (they only call off an urgent reason)");
    }
    // One piece of evidence may decide alone (weight 1) but never more than that, and a
    // piece that adds nothing is a mistake: 0 < weight <= kUrgentEvidenceThreshold.
    if (r.signal == Signal::kUrgentEvidence && !(r.weight > 0 && r.weight <= kUrgentEvidenceThreshold)) {
      std::ostringstream msg;
      msg << "urgent_evidence weight must be above 0 and at most " << kUrgentEvidenceThreshold
          << " (the threshold one piece may reach alone)";
      Error(r.line, msg.str());
    }
    if (r.signal == Signal::kUrgentEvidence && !r.category.empty()) {
      Error(r.line, "urgent_evidence rules take no 'category:' (the reason may set it)");
    }
    if (r.signal == Signal::kCategory && r.category.empty()) Error(r.line, "category rule without 'category:'");
  }

  void Error(int line_no, const std::string& reason) {
    std::string msg = std::string(file_) + ":" + std::to_string(line_no) + ": ";
    if (current_ != nullptr && !current_->id.empty()) msg += "rule " + current_->id + ": ";
    errors_->push_back(msg + reason);
  }

  std::string_view file_;
  std::vector<RuleSpec>* rules_;
  std::vector<std::string>* errors_;
  // The rule being read: always rules_->back(), reset by each StartRule right
  // after the emplace_back that may move the vector.
  RuleSpec* current_ = nullptr;
};

}  // namespace

const char* SignalName(Signal s) {
  switch (s) {
    case Signal::kComplaint: return "complaint";
    case Signal::kCategory: return "category";
    case Signal::kUrgent: return "urgent";
    case Signal::kPraise: return "praise";
    case Signal::kQuestion: return "question";
    case Signal::kSpam: return "spam";
    case Signal::kSarcasm: return "sarcasm";
    case Signal::kUrgentEvidence: return "urgent_evidence";
    case Signal::kUrgentCounter: return "urgent_counter";
  }
  return "complaint";
}

bool IsKnownCategory(std::string_view c) { return model::CategoryIndex(c) < model::kCategories.size(); }

bool IsKnownUrgentReason(std::string_view r) {
  for (std::string_view k : model::kUrgentReasonsByRank) if (k == r) return true;
  return false;
}

void ParseRuleFile(std::string_view file_name, std::string_view contents,
                   std::vector<RuleSpec>* rules, std::vector<std::string>* errors) {
  Parser parser(file_name, rules, errors);
  int line_no = 0;
  size_t pos = 0;
  while (pos <= contents.size()) {
    size_t nl = contents.find('\n', pos);
    if (nl == std::string_view::npos) nl = contents.size();
    parser.Line(++line_no, contents.substr(pos, nl - pos));
    pos = nl + 1;
  }
  parser.Finish();
}

}  // namespace turnaround::classify
