#include "replies/template_set.h"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <system_error>

namespace turnaround::replies {
namespace {

template <typename T>
bool Contains(const std::vector<T>& list, const T& value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

bool HasSignal(const model::Verdict& v, std::string_view signal) {
  return std::any_of(v.matches.begin(), v.matches.end(),
                     [&](const model::RuleMatch& m) { return m.signal() == signal; });
}

// The template's score for this verdict, or -1 if it must not be offered.
int Score(const Template& t, const model::Verdict& v, std::string_view platform) {
  if (!t.categories.empty() && !Contains(t.categories, v.category)) return -1;
  if (!t.severities.empty() && !Contains(t.severities, v.severity)) return -1;
  if (!t.platforms.empty() && !Contains(t.platforms, std::string(platform))) return -1;
  const bool complaint = v.is_complaint || !v.urgent_reasons.empty();
  int tier = 0;
  switch (t.kind) {
    case TemplateKind::kUrgent: {
      bool shared = std::any_of(t.urgent_reasons.begin(), t.urgent_reasons.end(),
                                [&](const std::string& r) { return Contains(v.urgent_reasons, r); });
      if (!shared) return -1;
      tier = 5;
      break;
    }
    case TemplateKind::kComplaint:
      if (!complaint) return -1;
      tier = t.categories.empty() ? 2 : 4;
      break;
    case TemplateKind::kPraise:
      if (v.is_complaint || !HasSignal(v, "praise")) return -1;
      tier = 3;
      break;
    case TemplateKind::kQuestion:
      if (!HasSignal(v, "question")) return -1;
      tier = 3;
      break;
    case TemplateKind::kGeneral:
      tier = 1;
      break;
  }
  int specific = (t.severities.empty() ? 0 : 2) + (t.platforms.empty() ? 0 : 1);
  return tier * 1000 + specific * 101 + t.priority;
}

}  // namespace

core::Result<TemplateSet> TemplateSet::FromTemplates(std::vector<Template> templates) {
  if (templates.empty()) return core::InvalidArgument("no reply templates");
  std::sort(templates.begin(), templates.end(),
            [](const Template& a, const Template& b) { return a.id < b.id; });
  for (std::size_t i = 1; i < templates.size(); ++i) {
    if (templates[i].id == templates[i - 1].id) {
      return core::InvalidArgument(templates[i].file + ":1: id '" + templates[i].id +
                                   "' is already used by " + templates[i - 1].file);
    }
  }
  return TemplateSet(std::move(templates));
}

core::Result<TemplateSet> TemplateSet::Load(const std::filesystem::path& dir) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) {
    return core::NotFound("template directory '" + dir.string() + "' not found");
  }
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    const std::filesystem::path& p = entry.path();
    if (entry.is_regular_file(ec) && p.extension() == ".md" && p.filename() != "README.md") {
      files.push_back(p);
    }
  }
  if (ec) return core::NotFound("cannot read template directory '" + dir.string() + "': " + ec.message());
  std::sort(files.begin(), files.end());
  std::vector<Template> templates;
  std::string errors;
  for (const std::filesystem::path& p : files) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    if (!in) {
      errors += (errors.empty() ? "" : "\n") + p.filename().string() + ":1: cannot read file";
      continue;
    }
    core::Result<Template> t = ParseTemplate(p.filename().string(), text.str());
    if (t.ok()) {
      templates.push_back(std::move(t).value());
    } else {
      errors += (errors.empty() ? "" : "\n") + t.status().message();
    }
  }
  if (!errors.empty()) return core::InvalidArgument(errors);
  return FromTemplates(std::move(templates));
}

std::vector<const Template*> TemplateSet::Suggest(const model::Verdict& verdict,
                                                  std::string_view language, std::size_t max,
                                                  std::string_view platform) const {
  bool have_language = std::any_of(templates_.begin(), templates_.end(),
                                   [&](const Template& t) { return t.language == language; });
  std::string_view lang = have_language ? language : std::string_view("en");
  std::vector<std::pair<int, const Template*>> ranked;
  for (const Template& t : templates_) {
    if (t.language != lang) continue;
    int score = Score(t, verdict, platform);
    if (score >= 0) ranked.emplace_back(score, &t);
  }
  // Stable sort keeps id order (templates_ is sorted by id) among equal scores.
  std::stable_sort(ranked.begin(), ranked.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  std::vector<const Template*> out;
  for (std::size_t i = 0; i < ranked.size() && i < max; ++i) out.push_back(ranked[i].second);
  return out;
}

const Template* TemplateSet::Find(std::string_view id) const {
  auto it = std::lower_bound(templates_.begin(), templates_.end(), id,
                             [](const Template& t, std::string_view key) { return t.id < key; });
  return it != templates_.end() && it->id == id ? &*it : nullptr;
}

}  // namespace turnaround::replies
