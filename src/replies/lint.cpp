#include "replies/lint.h"

#include <re2/re2.h>

#include <algorithm>
#include <cassert>
#include <memory>
#include <set>

#include "core/log.h"
#include "replies/health_terms.h"

namespace turnaround::replies {
namespace {

// Compiled once, then shared read-only by all threads (RE2 matching is thread-safe).
struct Patterns {
  std::vector<std::unique_ptr<RE2>> confirms;
  std::unique_ptr<RE2> health;  // group 1: the term as written; group 2: without plural
  std::unique_ptr<RE2> staff;
  std::unique_ptr<RE2> numeric_date, month_date, day_month_date, spanish_date;
  std::unique_ptr<RE2> date_of_birth, record_keyword, digit_run, phone, placeholder;
};

std::unique_ptr<RE2> Compile(std::string_view pattern) {
  RE2::Options options;
  options.set_case_sensitive(false);
  options.set_log_errors(false);
  auto re = std::make_unique<RE2>(re2::StringPiece(pattern.data(), pattern.size()), options);
  // The patterns are constants of this file; lint_test.cpp exercises every one of them.
  if (!re->ok()) core::LogError("replies lint: bad built-in pattern: " + re->error());
  assert(re->ok());
  return re;
}

std::string HealthPattern() {
  std::vector<std::string_view> terms = internal::HealthTerms();
  // Longest first, so "heart attack" wins over a shorter overlapping term.
  std::sort(terms.begin(), terms.end(),
            [](std::string_view a, std::string_view b) { return a.size() > b.size(); });
  std::string alternation;
  for (std::string_view t : terms) {
    alternation += (alternation.empty() ? "" : "|") + RE2::QuoteMeta(re2::StringPiece(t.data(), t.size()));
  }
  return R"((?:^|[^\pL\pN])(()" + alternation + R"()(?:e?s)?)(?:[^\pL\pN]|$))";
}

Patterns BuildPatterns() {
  Patterns built;
  Patterns* p = &built;
  for (std::string_view c : internal::PatientConfirmationPatterns()) {
    p->confirms.push_back(Compile(c));
  }
  p->health = Compile(HealthPattern());
  p->staff = Compile(
      R"(\b((?:dr\.?|dra\.?|doctor|doctora|nurse|physician|surgeon|therapist|pharmacist|technician|enfermer[oa]|médic[oa]|our (?:staff member|employee|team member|colleague))\s+(?-i:\p{Lu})\pL+))");
  p->numeric_date = Compile(
      R"((?:^|[^\d/.-])((\d{1,2})/(\d{1,2})(?:/\d{2,4})?|(\d{1,2})-(\d{1,2})-\d{2,4}|\d{4}-(\d{1,2})-(\d{1,2}))(?:[^\d/-]|$))");
  p->month_date = Compile(
      R"(\b((?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?)\b)");
  p->day_month_date = Compile(
      R"(\b(\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:january|february|march|april|may|june|july|august|september|october|november|december))\b)");
  p->spanish_date = Compile(
      R"(\b(\d{1,2}\s+de\s+(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre)(?:\s+de(?:l)?\s+\d{4})?)\b)");
  p->date_of_birth = Compile(
      R"(\b(date of birth|d\.?o\.?b\b\.?|birth ?date|born on|fecha de nacimiento))");
  p->record_keyword = Compile(
      R"(\b((?:mrn|medical record(?:\s+(?:number|no\.?))?|record\s+(?:number|no\.?)|account(?:\s+(?:number|no\.?))?|acct\.?|claim\s+(?:number|no\.?)|patient\s+id|member\s+id|n[úu]mero\s+de\s+(?:expediente|cuenta|paciente))\s*(?:#|:|is)?\s*[a-z]{0,3}\d[\w-]*))");
  p->digit_run = Compile(R"((?:^|[^\d-])(\d(?:-?\d){5,})(?:[^\d-]|$))");
  p->phone = Compile(
      R"((?:^|[^\d])((?:\+?1[\s.-]?)?(?:\(\d{3}\)\s?|\d{3}[\s.-]?)\d{3}[\s.-]?\d{4}|\d{3}[\s.-]\d{4})(?:[^\d]|$))");
  p->placeholder = Compile(R"((\{\{[^{}\n]{0,80}\}\}))");
  return built;
}

const Patterns& GetPatterns() {
  static const Patterns kPatterns = BuildPatterns();  // thread-safe initialisation
  return kPatterns;
}

// Calls fn(groups) for each match; groups[1] is the span reported. Matching resumes at
// the end of group 1 so a boundary character consumed by one match can start the next.
template <typename Fn>
void ForEachMatch(const RE2& re, std::string_view text, Fn fn) {
  re2::StringPiece input(text.data(), text.size());
  const int n = std::min(re.NumberOfCapturingGroups() + 1, 8);
  re2::StringPiece groups[8];
  std::size_t pos = 0;
  while (pos <= text.size() && re.Match(input, pos, text.size(), RE2::UNANCHORED, groups, n)) {
    if (groups[1].data() == nullptr) break;
    fn(groups);
    std::size_t next = static_cast<std::size_t>(groups[1].data() - text.data()) + groups[1].size();
    pos = std::max(next, pos + 1);
  }
}

std::size_t Offset(std::string_view text, const re2::StringPiece& piece) {
  return static_cast<std::size_t>(piece.data() - text.data());
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string Digits(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c >= '0' && c <= '9') out += c;
  }
  if (out.size() == 11 && out[0] == '1') out.erase(0, 1);
  return out;
}

int ToInt(const re2::StringPiece& p) {
  int v = 0;
  for (char c : p) v = v * 10 + (c - '0');
  return v;
}

bool PlausibleMonthDay(int a, int b) {
  return (a >= 1 && a <= 12 && b >= 1 && b <= 31) || (b >= 1 && b <= 12 && a >= 1 && a <= 31);
}

class Linter {
 public:
  Linter(std::string_view reply, const LintOptions& options)
      : reply_(reply), options_(options), p_(GetPatterns()) {}

  void Add(const char* code, std::string message, std::size_t begin, std::size_t end,
           FindingSeverity severity) {
    findings_.push_back({code, std::move(message), begin, end, severity});
  }
  std::string Quote(const re2::StringPiece& piece) const {
    return "'" + std::string(piece.data(), piece.size()) + "'";
  }
  void Span(const char* code, const re2::StringPiece& piece, const std::string& message,
            FindingSeverity severity = FindingSeverity::kBlock) {
    std::size_t b = Offset(reply_, piece);
    Add(code, message, b, b + piece.size(), severity);
  }

  void ConfirmsPatient();
  void HealthInfo(std::string_view original);
  void StaffHealth();
  void Dates();
  void Numbers();
  void Placeholders();
  void Length();
  std::vector<Finding> Take();

 private:
  std::string_view reply_;
  const LintOptions& options_;
  const Patterns& p_;
  std::vector<std::pair<std::size_t, std::size_t>> health_spans_;
  std::vector<Finding> findings_;
};

void Linter::ConfirmsPatient() {
  for (const auto& re : p_.confirms) {
    ForEachMatch(*re, reply_, [&](const re2::StringPiece* g) {
      Span("confirms_patient", g[1],
           Quote(g[1]) + " confirms a patient relationship. Say \"we'd like to learn more\" "
           "and invite them to contact patient relations instead.");
    });
  }
}

void Linter::HealthInfo(std::string_view original) {
  std::set<std::string> in_comment;
  ForEachMatch(*p_.health, original, [&](const re2::StringPiece* g) {
    in_comment.insert(Lower(std::string_view(g[2].data(), g[2].size())));
  });
  ForEachMatch(*p_.health, reply_, [&](const re2::StringPiece* g) {
    std::size_t b = Offset(reply_, g[1]);
    health_spans_.emplace_back(b, b + g[1].size());
    if (in_comment.count(Lower(std::string_view(g[2].data(), g[2].size())))) {
      Span("repeats_health_info", g[1],
           Quote(g[1]) + " repeats health information from the comment. Never discuss "
           "health details in public, even ones the person shared.");
    } else {
      Span("health_info", g[1],
           Quote(g[1]) + " is health information. Keep clinical details out of public replies.",
           FindingSeverity::kWarn);
    }
  });
}

void Linter::StaffHealth() {
  ForEachMatch(*p_.staff, reply_, [&](const re2::StringPiece* g) {
    std::size_t b = Offset(reply_, g[1]);
    std::size_t e = b + g[1].size();
    std::size_t left = reply_.find_last_of(".!?\n", b);
    left = left == std::string_view::npos ? 0 : left + 1;
    std::size_t right = std::min({reply_.find_first_of("!?\n", e), reply_.find(". ", e), reply_.size()});
    for (const auto& [hb, he] : health_spans_) {
      if (hb >= left && he <= right) {
        Add("staff_health_info",
            Quote(g[1]) + " is named together with health information. Never discuss a staff "
            "member's health in public.",
            std::min(b, hb), std::max(e, he), FindingSeverity::kBlock);
        return;
      }
    }
  });
}

void Linter::Dates() {
  const char* kDateMessage = " is a date; a date can reveal when someone received care.";
  ForEachMatch(*p_.numeric_date, reply_, [&](const re2::StringPiece* g) {
    std::string_view text(g[1].data(), g[1].size());
    if (text == "24/7") return;
    bool ok = (!g[2].empty() && PlausibleMonthDay(ToInt(g[2]), ToInt(g[3]))) ||
              (!g[4].empty() && PlausibleMonthDay(ToInt(g[4]), ToInt(g[5]))) ||
              (!g[6].empty() && ToInt(g[6]) >= 1 && ToInt(g[6]) <= 12 && ToInt(g[7]) >= 1 && ToInt(g[7]) <= 31);
    if (ok) Span("date", g[1], Quote(g[1]) + kDateMessage);
  });
  for (const RE2* re : {p_.month_date.get(), p_.day_month_date.get(), p_.spanish_date.get()}) {
    ForEachMatch(*re, reply_, [&](const re2::StringPiece* g) {
      Span("date", g[1], Quote(g[1]) + kDateMessage);
    });
  }
  ForEachMatch(*p_.date_of_birth, reply_, [&](const re2::StringPiece* g) {
    Span("date_of_birth", g[1], Quote(g[1]) + ": never ask for or mention a date of birth in public.");
  });
}

void Linter::Numbers() {
  std::vector<std::pair<std::size_t, std::size_t>> phone_spans;
  std::vector<std::string> allowed;
  for (const std::string& a : options_.allowed_phones) allowed.push_back(Digits(a));
  ForEachMatch(*p_.phone, reply_, [&](const re2::StringPiece* g) {
    std::size_t b = Offset(reply_, g[1]);
    phone_spans.emplace_back(b, b + g[1].size());
    std::string digits = Digits(std::string_view(g[1].data(), g[1].size()));
    bool ok = std::any_of(allowed.begin(), allowed.end(), [&](const std::string& a) {
      return a == digits || (digits.size() == 7 && a.size() >= 7 && a.compare(a.size() - 7, 7, digits) == 0);
    });
    if (!ok) {
      Span("phone_number", g[1],
           Quote(g[1]) + " is not a configured contact number. Share only the patient "
           "relations contact details.");
    }
  });
  ForEachMatch(*p_.record_keyword, reply_, [&](const re2::StringPiece* g) {
    Span("record_number", g[1], Quote(g[1]) + " looks like a record or account number.");
  });
  ForEachMatch(*p_.digit_run, reply_, [&](const re2::StringPiece* g) {
    std::size_t b = Offset(reply_, g[1]);
    std::size_t e = b + g[1].size();
    for (const auto& [pb, pe] : phone_spans) {
      if (b < pe && pb < e) return;
    }
    for (const Finding& f : findings_) {  // already reported as a date or record number
      if (b < f.end && f.begin < e) return;
    }
    Span("record_number", g[1], Quote(g[1]) + " looks like a record, account or claim number.");
  });
}

void Linter::Placeholders() {
  ForEachMatch(*p_.placeholder, reply_, [&](const re2::StringPiece* g) {
    Span("unfilled_placeholder", g[1], Quote(g[1]) + " was not filled in; replace it before sending.");
  });
}

void Linter::Length() {
  if (options_.max_chars == 0) return;
  std::size_t chars = static_cast<std::size_t>(std::count_if(reply_.begin(), reply_.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
  if (chars > options_.max_chars) {
    Add("too_long",
        "The reply has " + std::to_string(chars) + " characters; the platform allows " +
            std::to_string(options_.max_chars) + ".",
        0, reply_.size(), FindingSeverity::kBlock);
  }
}

std::vector<Finding> Linter::Take() {
  std::stable_sort(findings_.begin(), findings_.end(), [](const Finding& a, const Finding& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
  });
  return std::move(findings_);
}

}  // namespace

const char* FindingSeverityName(FindingSeverity s) {
  return s == FindingSeverity::kBlock ? "block" : "warn";
}

std::vector<Finding> LintReply(std::string_view reply, std::string_view original_comment,
                               const LintOptions& options) {
  Linter linter(reply, options);
  linter.ConfirmsPatient();
  linter.HealthInfo(original_comment);
  linter.StaffHealth();
  linter.Dates();
  linter.Numbers();
  linter.Placeholders();
  linter.Length();
  return linter.Take();
}

bool HasBlocking(const std::vector<Finding>& findings) {
  return std::any_of(findings.begin(), findings.end(),
                     [](const Finding& f) { return f.severity == FindingSeverity::kBlock; });
}

core::Status CheckOverride(const std::vector<Finding>& findings, std::string_view override_reason) {
  if (!HasBlocking(findings)) return core::Status::Ok();
  if (override_reason.find_first_not_of(" \t\r\n") != std::string_view::npos) return core::Status::Ok();
  std::string codes;
  for (const Finding& f : findings) {
    if (f.severity != FindingSeverity::kBlock || codes.find(f.code) != std::string::npos) continue;
    codes += (codes.empty() ? "" : ", ") + f.code;
  }
  return core::Conflict("the PHI guard blocks this reply (" + codes +
                        "); confirm with a reason to send it anyway");
}

std::size_t PlatformMaxChars(std::string_view platform) {
  if (platform == "facebook") return 8000;
  if (platform == "instagram") return 2200;
  return 0;
}

}  // namespace turnaround::replies
