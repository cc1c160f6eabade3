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

// Finds each `\b` whose left side can be a non-ASCII character: RE2's \b only
// knows ASCII word characters, so "qu[eé]\b", "(qué|que)\b", "pas(ó|o)\b" and
// "est[aá]s?\b" never match "qué", "pasó" or "está" followed by a space or the
// end, and the branch is silently dead. The pattern is read as RE2 syntax far
// enough to know, for the atoms right before each \b: character classes,
// escapes, groups with their alternatives, and quantifiers that let an atom be
// absent (then the atom before it counts too). The mirror finds a \b whose
// right side can be non-ASCII ("\b[aá]cido", "\b(ácido|acid)"): that \b holds
// only after an ASCII word character, so the branch never matches a word's
// start.
class BoundaryLint {
 public:
  explicit BoundaryLint(std::string_view p)
      : p_(p),
        open_(p.size(), kNone),
        atom_start_(p.size(), kNone),
        atom_end_(p.size(), kNone),
        bar_group_(p.size(), kNone) {
    std::vector<size_t> stack;
    for (size_t i = 0; i < p_.size();) {
      if (p_[i] == '\\' && i + 1 < p_.size()) {
        atom_start_[i + 1] = i;
        atom_end_[i] = i + 2;
        i += 2;
      } else if (p_[i] == '[') {
        size_t j = i + 1;
        if (j < p_.size() && p_[j] == '^') ++j;
        if (j < p_.size() && p_[j] == ']') ++j;
        while (j < p_.size() && p_[j] != ']') j += (p_[j] == '\\') ? 2 : 1;
        if (j >= p_.size()) return;  // unbalanced: RE2 reports it
        atom_start_[j] = i;
        atom_end_[i] = j + 1;
        i = j + 1;
      } else {
        if (p_[i] == '(') stack.push_back(i);
        if (p_[i] == ')' && !stack.empty()) {
          open_[i] = stack.back();
          atom_end_[stack.back()] = i + 1;
          stack.pop_back();
        }
        if (p_[i] == '|') bar_group_[i] = stack.empty() ? kTopLevel : stack.back();
        ++i;
      }
    }
    parsed_ = true;
  }

  // The offset of the first such \b, or npos.
  size_t FirstBoundaryAfterNonAscii() const {
    return FirstBoundaryWhere([this](size_t i) { return EndsNonAscii(SequenceStart(i), i).non_ascii; });
  }

  // The offset of the first \b whose right side can be a non-ASCII character
  // ("\b(ácido|acid)", "\b[aá]cido"), or npos. Such a \b holds only after an
  // ASCII word character, so the branch never matches at the start of a word.
  size_t FirstBoundaryBeforeNonAscii() const {
    return FirstBoundaryWhere([this](size_t i) { return StartsNonAscii(i + 2, SequenceEnd(i + 2)).non_ascii; });
  }

 private:
  static constexpr size_t kNone = static_cast<size_t>(-1);
  static constexpr size_t kTopLevel = static_cast<size_t>(-2);  // a '|' outside every group
  struct Tail {
    bool non_ascii = false;  // the last character consumed can be non-ASCII
    bool can_be_empty = true;
  };

  // A class's ']' (its atom starts at '['), not an escaped character (whose
  // atom starts at the backslash).
  bool IsClassClose(size_t k) const { return atom_start_[k] != kNone && p_[atom_start_[k]] == '['; }

  // Where the alternative holding position `at` begins: after the nearest '|'
  // or '(' at the same depth, or the pattern's start.
  size_t SequenceStart(size_t at) const {
    for (size_t k = at; k-- > 0;) {
      if (atom_start_[k] != kNone && atom_start_[k] != k) {
        k = atom_start_[k];  // an escape or a class: skip it whole
        continue;
      }
      if (p_[k] == ')' && open_[k] != kNone) {
        k = open_[k];
        continue;
      }
      if (p_[k] == '|' || p_[k] == '(') return k + 1 + GroupPrefix(k);
    }
    return 0;
  }

  // Length of "?:", "?i:" or "?P<name>" after an opening parenthesis at `open`.
  size_t GroupPrefix(size_t open) const {
    if (p_[open] != '(' || open + 1 >= p_.size() || p_[open + 1] != '?') return 0;
    const size_t end = p_.find_first_of(":>", open + 1);
    return end == std::string_view::npos ? 0 : end - open;
  }

  // What the sequence p[lo, end) can leave as its last character.
  Tail EndsNonAscii(size_t lo, size_t end) const {
    if (end <= lo) return {};
    size_t e = end;
    bool optional = false;
    char q = p_[e - 1];
    if (q == '?' && e - 1 > lo && std::string_view("?*+}").find(p_[e - 2]) != std::string_view::npos &&
        atom_start_[e - 2] == kNone) {
      --e;  // a lazy quantifier
      q = p_[e - 1];
    }
    if (atom_start_[e - 1] == kNone && (q == '?' || q == '*' || q == '+')) {
      optional = q != '+';
      --e;
    } else if (atom_start_[e - 1] == kNone && q == '}') {
      const size_t brace = p_.rfind('{', e - 1);
      if (brace == std::string_view::npos || brace < lo) return {};
      optional = p_.substr(brace + 1, 1) == "0";
      e = brace;
    }
    if (e <= lo) return {};
    const size_t last = e - 1;
    size_t start = last;
    Tail atom{false, false};
    const bool gap = (p_[last] == '.' && atom_start_[last] == kNone) ||
                     (IsClassClose(last) && p_[atom_start_[last] + 1] == '^');
    if (gap) {
      // "[^.!?]{0,40}\b" or ".*\b": the gap can end on an ASCII letter, and a \b
      // after it marks where the gap stops, not the letter before it.
      return {};
    }
    if (IsClassClose(last)) {
      start = atom_start_[last];
      for (size_t k = start; k < last; ++k) atom.non_ascii |= static_cast<unsigned char>(p_[k]) >= 0x80;
    } else if (atom_start_[last] != kNone) {
      start = atom_start_[last];  // an escape: ASCII, or zero-width for \b, \B, \A, \z
      atom.can_be_empty = std::string_view("bBAz").find(p_[last]) != std::string_view::npos;
    } else if (p_[last] == ')' && open_[last] != kNone) {
      start = open_[last];
      atom = Group(start, last);
    } else if (static_cast<unsigned char>(p_[last]) >= 0x80) {
      while (start > lo && (static_cast<unsigned char>(p_[start]) & 0xC0) == 0x80) --start;
      atom.non_ascii = true;
    } else {
      atom.can_be_empty = p_[last] == '^' || p_[last] == '$';
    }
    if (optional) atom.can_be_empty = true;
    if (!atom.can_be_empty) return atom;
    const Tail before = EndsNonAscii(lo, start);
    return {atom.non_ascii || before.non_ascii, before.can_be_empty};
  }

  // The offset of the first unescaped \b for which `dead(offset)` holds, or npos.
  template <typename Dead>
  size_t FirstBoundaryWhere(Dead dead) const {
    if (!parsed_) return std::string_view::npos;
    for (size_t i = 0; i + 1 < p_.size(); ++i) {
      if (p_[i] != '\\') continue;
      if (p_[i + 1] == 'b' && atom_start_[i + 1] == i && dead(i)) return i;
      ++i;
    }
    return std::string_view::npos;
  }

  // Where the atom starting at `k` ends: past an escape, a class, a group or
  // one UTF-8 character.
  size_t AtomEnd(size_t k) const {
    if (atom_end_[k] != kNone) return atom_end_[k];
    size_t e = k + 1;
    if (static_cast<unsigned char>(p_[k]) >= 0x80) {
      while (e < p_.size() && (static_cast<unsigned char>(p_[e]) & 0xC0) == 0x80) ++e;
    }
    return e;
  }

  // Where the alternative holding position `from` ends: at the next '|' or ')'
  // at the same depth, or the pattern's end.
  size_t SequenceEnd(size_t from) const {
    for (size_t k = from; k < p_.size(); k = AtomEnd(k)) {
      if (p_[k] == '|' || p_[k] == ')') return k;
    }
    return p_.size();
  }

  // Whether `s` holds a Latin letter beyond ASCII (U+00C0 to U+024F but the
  // signs × and ÷). Only letters matter on the right of a \b: a \b before a
  // typographic quote or a dash ("\b’re", "\b“") holds after a word, as meant.
  static bool HasAccentedLetter(std::string_view s) {
    for (size_t i = 0; i + 1 < s.size(); ++i) {
      const auto lead = static_cast<unsigned char>(s[i]);
      if ((lead & 0xE0) != 0xC0) continue;  // only two-byte sequences reach U+024F
      const unsigned cp = ((lead & 0x1Fu) << 6) | (static_cast<unsigned char>(s[i + 1]) & 0x3Fu);
      if (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7) return true;
    }
    return false;
  }

  // What the sequence p[k, end) can take as its first character (the mirror
  // of EndsNonAscii; here non_ascii means an accented letter).
  Tail StartsNonAscii(size_t k, size_t end) const {
    if (k >= end) return {};
    const size_t next = std::min(AtomEnd(k), end);
    Tail atom{false, false};
    const char c = p_[k];
    if (c == '.' || (c == '[' && k + 1 < p_.size() && p_[k + 1] == '^')) {
      return {};  // a gap: where it starts is not a letter we wrote
    }
    if (c == '[') {
      atom.non_ascii = HasAccentedLetter(p_.substr(k + 1, next - k - 2));
    } else if (c == '\\') {
      atom.can_be_empty = k + 1 < p_.size() && std::string_view("bBAz").find(p_[k + 1]) != std::string_view::npos;
    } else if (c == '(' && atom_end_[k] != kNone) {
      atom = GroupStart(k, next - 1);
    } else if (static_cast<unsigned char>(c) >= 0x80) {
      atom.non_ascii = HasAccentedLetter(p_.substr(k, next - k));
    } else {
      atom.can_be_empty = c == '^' || c == '$';
    }
    size_t after = next;
    if (after < end && (p_[after] == '?' || p_[after] == '*')) {
      atom.can_be_empty = true;
      ++after;
    } else if (after < end && p_[after] == '+') {
      ++after;
    } else if (after < end && p_[after] == '{') {
      const size_t brace = p_.find('}', after);
      if (brace == std::string_view::npos || brace >= end) return atom;
      if (p_.substr(after + 1, 1) == "0") atom.can_be_empty = true;
      after = brace + 1;
    }
    if (after < end && p_[after] == '?') ++after;  // a lazy quantifier
    if (!atom.can_be_empty) return atom;
    const Tail rest = StartsNonAscii(after, end);
    return {atom.non_ascii || rest.non_ascii, rest.can_be_empty};
  }

  // A group's alternatives, each read from its start.
  Tail GroupStart(size_t open, size_t close) const { return EachAlternative(open, close, &BoundaryLint::StartsNonAscii); }

  // A group's alternatives, each read as a sequence.
  Tail Group(size_t open, size_t close) const { return EachAlternative(open, close, &BoundaryLint::EndsNonAscii); }

  // Reads each alternative of the group p[open, close] with `read` and joins
  // what they can leave.
  Tail EachAlternative(size_t open, size_t close, Tail (BoundaryLint::*read)(size_t, size_t) const) const {
    Tail out{false, false};
    size_t lo = open + 1 + GroupPrefix(open);
    for (size_t bar = lo; bar <= close; ++bar) {
      if (bar < close && bar_group_[bar] != open) continue;
      const Tail t = (this->*read)(lo, bar);
      out.non_ascii |= t.non_ascii;
      out.can_be_empty |= t.can_be_empty;
      lo = bar + 1;
    }
    return out;
  }

  std::string_view p_;
  std::vector<size_t> open_;        // for each ')', its '('
  std::vector<size_t> atom_start_;  // for an escaped character or a class's ']', where the atom begins
  std::vector<size_t> atom_end_;    // for a '\\', '[' or '(', one past the end of its atom
  std::vector<size_t> bar_group_;   // for each '|', the '(' of its group, or kTopLevel
  bool parsed_ = false;
};

// The pattern up to and including its first \b that follows a non-ASCII
// letter (at most 40 bytes of it, cut at a character boundary), or "" if none.
std::string WordBoundaryAfterNonAscii(std::string_view p, const BoundaryLint& lint) {
  const size_t at = lint.FirstBoundaryAfterNonAscii();
  if (at == std::string_view::npos) return {};
  size_t from = at > 38 ? at - 38 : 0;
  while (from > 0 && (static_cast<unsigned char>(p[from]) & 0xC0) == 0x80) --from;
  return std::string(p.substr(from, at + 2 - from));
}

// The pattern from its first \b that comes right before a non-ASCII letter
// (at most 40 bytes, cut at a character boundary), or "" if none.
std::string WordBoundaryBeforeNonAscii(std::string_view p, const BoundaryLint& lint) {
  const size_t at = lint.FirstBoundaryBeforeNonAscii();
  if (at == std::string_view::npos) return {};
  size_t to = std::min(p.size(), at + 40);
  while (to < p.size() && (static_cast<unsigned char>(p[to]) & 0xC0) == 0x80) ++to;
  return std::string(p.substr(at, to - at));
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
      const BoundaryLint lint(value);
      if (const std::string at = WordBoundaryAfterNonAscii(value, lint); !at.empty()) {
        Error(line_no, "\\b right after a non-ASCII letter never matches there (RE2's \\b knows only ASCII), at '" +
                           at + "': write 'qu(e\\b|\xc3\xa9)' or leave the \\b out");
      }
      if (const std::string at = WordBoundaryBeforeNonAscii(value, lint); !at.empty()) {
        Error(line_no, "\\b right before a non-ASCII letter never matches at a word's start (RE2's \\b knows only "
                       "ASCII), at '" + at + "': write '(\\bacido|\xc3\xa1" "cido)' or leave the \\b out");
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
