#include "replies/template.h"

#include <algorithm>
#include <charconv>

#include "classify/rule_file.h"
#include "core/utf8.h"

namespace turnaround::replies {
namespace {

constexpr std::size_t kMaxTemplateBytes = 64 * 1024;

std::string_view Trim(std::string_view s) {
  const char* kSpace = " \t\r";
  std::size_t b = s.find_first_not_of(kSpace);
  if (b == std::string_view::npos) return {};
  return s.substr(b, s.find_last_not_of(kSpace) - b + 1);
}

// Collects "file:line: reason" messages.
class Errors {
 public:
  explicit Errors(std::string_view file) : file_(file) {}
  void Add(int line, const std::string& why) {
    lines_.push_back(file_ + ":" + std::to_string(line) + ": " + why);
  }
  bool empty() const { return lines_.empty(); }
  core::Status ToStatus() const {
    std::string message;
    for (const std::string& l : lines_) message += (message.empty() ? "" : "\n") + l;
    return core::InvalidArgument(message);
  }

 private:
  std::string file_;
  std::vector<std::string> lines_;
};

// "a, b", "[a, b]", "any" or "*" (the last two mean: no restriction).
std::vector<std::string> ParseList(std::string_view value) {
  if (value.size() >= 2 && value.front() == '[' && value.back() == ']') {
    value = value.substr(1, value.size() - 2);
  }
  std::vector<std::string> items;
  while (!value.empty()) {
    std::size_t comma = value.find(',');
    std::string_view item = Trim(value.substr(0, comma));
    if (!item.empty()) items.emplace_back(item);
    if (comma == std::string_view::npos) break;
    value.remove_prefix(comma + 1);
  }
  if (items.size() == 1 && (items[0] == "any" || items[0] == "*")) items.clear();
  return items;
}

bool IsValidId(std::string_view id) {
  return !id.empty() && std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
  });
}

bool ParseKind(std::string_view name, TemplateKind* out) {
  for (TemplateKind k : {TemplateKind::kComplaint, TemplateKind::kUrgent, TemplateKind::kPraise,
                         TemplateKind::kQuestion, TemplateKind::kGeneral}) {
    if (name == TemplateKindName(k)) {
      *out = k;
      return true;
    }
  }
  return false;
}

// Applies one "key: value" line of the front matter.
void ApplyKey(std::string_view key, std::string_view value, int line, Template* t, Errors* errors) {
  auto bad = [&](const std::string& why) { errors->Add(line, std::string(key) + ": " + why); };
  if (key == "id") {
    if (!IsValidId(value)) bad("'" + std::string(value) + "' must be lower-case letters, digits, '_' or '-'");
    t->id = value;
  } else if (key == "title") {
    if (value.empty()) bad("empty title");
    t->title = value;
  } else if (key == "kind") {
    if (!ParseKind(value, &t->kind)) bad("unknown kind '" + std::string(value) + "' (complaint, urgent, praise, question, general)");
  } else if (key == "language") {
    if (value != "en" && value != "es") bad("unknown language '" + std::string(value) + "' (en, es)");
    t->language = value;
  } else if (key == "categories") {
    t->categories = ParseList(value);
    for (const std::string& c : t->categories) {
      if (!classify::IsKnownCategory(c)) bad("unknown category '" + c + "'");
    }
  } else if (key == "severities") {
    for (const std::string& s : ParseList(value)) {
      model::Severity severity;
      if (model::ParseSeverity(s, &severity)) {
        t->severities.push_back(severity);
      } else {
        bad("unknown severity '" + s + "' (low, normal, high, urgent)");
      }
    }
  } else if (key == "urgent_reasons") {
    t->urgent_reasons = ParseList(value);
    for (const std::string& r : t->urgent_reasons) {
      if (!classify::IsKnownUrgentReason(r)) bad("unknown urgent reason '" + r + "'");
    }
  } else if (key == "platforms") {
    t->platforms = ParseList(value);
  } else if (key == "priority") {
    int p = -1;
    auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), p);
    if (ec != std::errc() || end != value.data() + value.size() || p < 0 || p > 100) {
      bad("'" + std::string(value) + "' is not a whole number from 0 to 100");
    }
    t->priority = p;
  } else {
    errors->Add(line, "unknown key '" + std::string(key) +
                          "' (id, title, kind, language, categories, severities, "
                          "urgent_reasons, platforms, priority)");
  }
}

bool IsKnownPlaceholder(std::string_view name) {
  const auto& known = KnownPlaceholders();
  return std::find(known.begin(), known.end(), name) != known.end();
}

// Splits `body` (whose first line is `first_line` of the file) into segments.
void ParseBody(std::string_view body, int first_line, Template* t, Errors* errors) {
  std::size_t pos = 0;
  auto line_at = [&](std::size_t offset) {
    return first_line + static_cast<int>(std::count(body.begin(), body.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
  };
  while (pos < body.size()) {
    std::size_t open = body.find("{{", pos);
    if (open == std::string_view::npos) open = body.size();
    if (open > pos) t->segments.push_back({false, std::string(body.substr(pos, open - pos)), false, ""});
    if (open == body.size()) break;
    std::size_t close = body.find("}}", open + 2);
    std::size_t newline = body.find('\n', open);
    if (close == std::string_view::npos || close > newline) {
      errors->Add(line_at(open), "unclosed placeholder: '{{' without '}}' on the same line");
      return;
    }
    std::string_view inner = body.substr(open + 2, close - open - 2);
    std::size_t bar = inner.find('|');
    Segment s{true, std::string(Trim(inner.substr(0, bar))), bar != std::string_view::npos, ""};
    if (s.has_fallback) s.fallback = Trim(inner.substr(bar + 1));
    if (!IsKnownPlaceholder(s.text)) {
      errors->Add(line_at(open), "unknown placeholder '{{" + std::string(inner) + "}}'");
    } else if (s.fallback.find_first_of("{}") != std::string::npos) {
      errors->Add(line_at(open), "a fallback may not contain '{' or '}'");
    }
    t->segments.push_back(std::move(s));
    pos = close + 2;
  }
}

struct FrontMatter {
  bool complete = false;  // opened and closed by "---"
  std::size_t end = 0;    // offset just past the closing "---" line
  int last_line = 0;      // line number of the closing "---" (or the last line read)
  std::vector<std::string> keys;
};

// Reads the "---" ... "---" block at the start of `text` into *t.
FrontMatter ParseFrontMatter(std::string_view text, Template* t, Errors* errors) {
  FrontMatter fm;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t eol = std::min(text.find('\n', pos), text.size());
    std::string_view raw = Trim(text.substr(pos, eol - pos));
    pos = std::min(eol + 1, text.size());
    int line = ++fm.last_line;
    if (line == 1) {
      if (raw == "---") continue;
      errors->Add(line, "expected '---' to open the front matter");
      return fm;
    }
    if (raw == "---") {
      fm.complete = true;
      fm.end = pos;
      return fm;
    }
    if (raw.empty() || raw.front() == '#') continue;
    std::size_t colon = raw.find(':');
    if (colon == std::string_view::npos) {
      errors->Add(line, "expected 'key: value'");
      continue;
    }
    std::string key(Trim(raw.substr(0, colon)));
    if (std::find(fm.keys.begin(), fm.keys.end(), key) != fm.keys.end()) {
      errors->Add(line, "duplicate key '" + key + "'");
      continue;
    }
    fm.keys.push_back(key);
    ApplyKey(key, Trim(raw.substr(colon + 1)), line, t, errors);
  }
  errors->Add(std::max(fm.last_line, 1), fm.last_line <= 1 && text.substr(0, 3) != "---"
                                             ? "expected '---' to open the front matter"
                                             : "front matter is not closed with '---'");
  return fm;
}

void CheckRequired(const Template& t, const FrontMatter& fm, Errors* errors) {
  for (const char* key : {"id", "title", "language"}) {
    if (std::find(fm.keys.begin(), fm.keys.end(), key) == fm.keys.end()) {
      errors->Add(1, std::string("missing '") + key + "'");
    }
  }
  if (t.kind == TemplateKind::kUrgent && t.urgent_reasons.empty()) {
    errors->Add(1, "kind: urgent needs 'urgent_reasons'");
  }
  if (t.kind != TemplateKind::kUrgent && !t.urgent_reasons.empty()) {
    errors->Add(1, "'urgent_reasons' is only for kind: urgent");
  }
}

// `rest` without leading blank lines and trailing whitespace; *line becomes the line
// number of its first line, given that `rest` starts on `first_line`.
std::string_view ExtractBody(std::string_view rest, int first_line, int* line) {
  *line = first_line;
  std::size_t eol;
  while ((eol = rest.find('\n')) != std::string_view::npos && Trim(rest.substr(0, eol)).empty()) {
    rest.remove_prefix(eol + 1);
    ++*line;
  }
  std::size_t last = rest.find_last_not_of(" \t\r\n");
  return last == std::string_view::npos ? std::string_view() : rest.substr(0, last + 1);
}

}  // namespace

const char* TemplateKindName(TemplateKind kind) {
  switch (kind) {
    case TemplateKind::kComplaint: return "complaint";
    case TemplateKind::kUrgent: return "urgent";
    case TemplateKind::kPraise: return "praise";
    case TemplateKind::kQuestion: return "question";
    case TemplateKind::kGeneral: return "general";
  }
  return "complaint";
}

const std::vector<std::string_view>& KnownPlaceholders() {
  static const std::vector<std::string_view> kKnown = {
      "author.first_name", "agent.first_name", "agent.name",    "page.name",
      "contact.phone",     "contact.email",    "contact.url",   "category.label"};
  return kKnown;
}

core::Result<Template> ParseTemplate(std::string_view file_name, std::string_view text) {
  Errors errors(file_name);
  if (text.size() > kMaxTemplateBytes) {
    errors.Add(1, "file is larger than 64 KiB");
    return errors.ToStatus();
  }
  if (!core::IsValidUtf8(text)) {
    errors.Add(1, "file is not valid UTF-8");
    return errors.ToStatus();
  }
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);  // byte-order mark
  Template t;
  t.file = file_name;
  FrontMatter fm = ParseFrontMatter(text, &t, &errors);
  if (!fm.complete) return errors.ToStatus();
  CheckRequired(t, fm, &errors);
  int body_line = 0;
  std::string_view body = ExtractBody(text.substr(fm.end), fm.last_line + 1, &body_line);
  if (body.empty()) {
    errors.Add(fm.last_line, "missing body after the front matter");
  } else {
    t.body = body;
    ParseBody(body, body_line, &t, &errors);
  }
  if (!errors.empty()) return errors.ToStatus();
  return t;
}

}  // namespace turnaround::replies
