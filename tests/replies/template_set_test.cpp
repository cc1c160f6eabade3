#include "replies/template_set.h"

#include <catch2/catch.hpp>

#include <fstream>
#include <map>
#include <random>

#include "replies/lint.h"
#include "replies/render.h"

using namespace turnaround;
using namespace turnaround::replies;
using model::Severity;

namespace {

const std::filesystem::path kTemplatesDir = std::filesystem::path(TURNAROUND_SOURCE_DIR) / "templates";

const TemplateSet& Shipped() {
  static const TemplateSet set = [] {
    auto loaded = TemplateSet::Load(kTemplatesDir);
    if (!loaded.ok()) FAIL(loaded.status().message());
    return std::move(loaded).value();
  }();
  return set;
}

model::Verdict MakeVerdict(bool complaint, const std::string& category, Severity severity,
                           std::vector<std::string> urgent = {}, const std::string& signal = "") {
  model::Verdict v;
  v.is_complaint = complaint;
  v.category = category;
  v.severity = severity;
  v.urgent_reasons = std::move(urgent);
  if (!signal.empty()) {
    auto rule = std::make_shared<model::RuleInfo>();
    rule->signal = signal;
    v.matches.emplace_back(std::move(rule));
  }
  return v;
}

std::vector<std::string> Ids(const std::vector<const Template*>& ts) {
  std::vector<std::string> ids;
  for (const Template* t : ts) ids.push_back(t->id);
  return ids;
}

// A scratch directory removed at the end of the test.
struct TempDir {
  std::filesystem::path path;
  TempDir() {
    std::random_device rd;
    path = std::filesystem::temp_directory_path() / ("turnaround_templates_" + std::to_string(rd()));
    std::filesystem::create_directories(path);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path, ec);
  }
  void Write(const std::string& name, const std::string& text) const {
    std::ofstream(path / name, std::ios::binary) << text;
  }
};

}  // namespace

TEST_CASE("[replies] the shipped templates load", "[replies]") {
  const TemplateSet& set = Shipped();
  CHECK(set.templates().size() >= 25);
  std::map<std::string, int> per_language;
  for (const Template& t : set.templates()) ++per_language[t.language];
  CHECK(per_language["es"] >= 8);
  // One apology per category, and one reply per urgent reason, in English.
  for (const char* category : {"wait_time", "billing", "staff_attitude", "scheduling", "communication",
                               "clinical_care", "facilities", "privacy", "access", "other"}) {
    CAPTURE(category);
    auto top = set.Suggest(MakeVerdict(true, category, Severity::kNormal), "en", 1);
    REQUIRE(top.size() == 1);
    CHECK(top[0]->kind == TemplateKind::kComplaint);
  }
  for (const char* reason : {"medical_emergency", "self_harm", "threat_of_violence", "privacy_breach", "legal_threat"}) {
    CAPTURE(reason);
    auto top = set.Suggest(MakeVerdict(false, "other", Severity::kUrgent, {reason}), "en", 1);
    REQUIRE(top.size() == 1);
    CHECK(top[0]->kind == TemplateKind::kUrgent);
  }
}

TEST_CASE("[replies] every shipped template renders and passes the PHI guard", "[replies]") {
  Variables v;
  v.author_name = "Maria Lopez";
  v.agent_name = "Sam Rivera";
  v.page_name = "St. Example Hospital";
  v.contact_phone = "(555) 010-2000";
  v.contact_email = "patientrelations@example.org";
  v.contact_url = "https://example.org/contact";
  v.category = "wait_time";
  LintOptions options;
  options.allowed_phones = {v.contact_phone};
  options.max_chars = PlatformMaxChars("instagram");
  for (const Template& t : Shipped().templates()) {
    CAPTURE(t.file);
    Rendered r = Render(t, v);
    CHECK(r.missing.empty());
    CHECK(r.text.size() < 700);  // short: people read these on a phone
    for (const Finding& f : LintReply(r.text, "I waited 6 hours with chest pain and my diabetes", options)) {
      CAPTURE(f.code, f.message);
      FAIL_CHECK("template trips the PHI guard");
    }
    // With nothing known, fallbacks keep the greeting natural and only contact details stay open.
    for (const std::string& name : Render(t, Variables{}).missing) {
      CAPTURE(name);
      CHECK(name.rfind("contact.", 0) == 0);
    }
  }
}

TEST_CASE("[replies] Suggest ranks templates for the verdict", "[replies]") {
  struct Case {
    const char* name;
    model::Verdict verdict;
    const char* language;
    const char* platform;
    std::vector<std::string> expected_prefix;
  };
  const Case kCases[] = {
      {"category apology first, then the generic one", MakeVerdict(true, "wait_time", Severity::kNormal), "en", "",
       {"wait_time_apology", "general_complaint_apology"}},
      {"urgent before the category apology", MakeVerdict(true, "wait_time", Severity::kUrgent, {"medical_emergency"}), "en", "",
       {"urgent_medical_emergency", "wait_time_apology"}},
      {"two urgent reasons: both first, by id", MakeVerdict(false, "other", Severity::kUrgent, {"self_harm", "medical_emergency"}), "en", "",
       {"urgent_medical_emergency", "urgent_self_harm", "general_complaint_apology"}},
      {"spanish", MakeVerdict(true, "billing", Severity::kHigh), "es", "",
       {"es_billing_apology", "es_general_complaint_apology"}},
      {"spanish urgent", MakeVerdict(false, "other", Severity::kUrgent, {"self_harm"}), "es", "",
       {"es_urgent_self_harm"}},
      {"unknown language falls back to english", MakeVerdict(true, "billing", Severity::kLow), "fr", "",
       {"billing_apology"}},
      {"instagram short form beats the generic apology there", MakeVerdict(true, "other", Severity::kNormal), "en", "instagram",
       {"instagram_short_apology", "general_complaint_apology"}},
      {"praise", MakeVerdict(false, "other", Severity::kLow, {}, "praise"), "en", "", {"praise_thanks", "general_thanks"}},
      {"question", MakeVerdict(false, "other", Severity::kLow, {}, "question"), "en", "", {"question_answer", "general_thanks"}},
      {"nothing specific", MakeVerdict(false, "other", Severity::kLow), "en", "", {"general_thanks"}},
  };
  for (const Case& c : kCases) {
    CAPTURE(c.name);
    auto ids = Ids(Shipped().Suggest(c.verdict, c.language, 10, c.platform));
    REQUIRE(ids.size() >= c.expected_prefix.size());
    CHECK(std::vector<std::string>(ids.begin(), ids.begin() + static_cast<std::ptrdiff_t>(c.expected_prefix.size())) ==
          c.expected_prefix);
  }
}

TEST_CASE("[replies] Suggest never offers mismatched templates", "[replies]") {
  const TemplateSet& set = Shipped();
  auto billing = Ids(set.Suggest(MakeVerdict(true, "billing", Severity::kNormal), "en", 100));
  for (const std::string& id : billing) {
    CAPTURE(id);
    CHECK(id.rfind("urgent_", 0) != 0);    // no crisis reply for a billing complaint
    CHECK(id != "wait_time_apology");      // another category's apology
    CHECK(id != "praise_thanks");          // a thank-you for a complaint
    CHECK(id != "instagram_short_apology");  // platform unknown
  }
  CHECK(set.Suggest(MakeVerdict(true, "billing", Severity::kNormal), "en", 2).size() == 2);
  CHECK(set.Suggest(MakeVerdict(true, "billing", Severity::kNormal), "en", 0).empty());
  auto facebook = Ids(set.Suggest(MakeVerdict(true, "billing", Severity::kNormal), "en", 100, "facebook"));
  CHECK(std::find(facebook.begin(), facebook.end(), "instagram_short_apology") == facebook.end());
  auto spanish = set.Suggest(MakeVerdict(true, "billing", Severity::kNormal), "es", 100);
  for (const Template* t : spanish) CHECK(t->language == "es");
  REQUIRE(set.Find("urgent_self_harm") != nullptr);
  CHECK(set.Find("urgent_self_harm")->kind == TemplateKind::kUrgent);
  CHECK(set.Find("no_such_template") == nullptr);
}

TEST_CASE("[replies] Load reports every bad file and refuses the set", "[replies]") {
  TempDir dir;
  dir.Write("README.md", "not a template");
  dir.Write("notes.txt", "ignored");
  dir.Write("a.md", "---\nid: a\ntitle: A\nlanguage: en\n---\nHi {{author.first_name|there}}");
  dir.Write("b.md", "---\nid: b\ntitle: B\nlanguage: en\n---\nHi {{author.nickname}}");
  dir.Write("c.md", "---\nid: c\ntitle: C\nlanguage: en\n---\n");
  auto set = TemplateSet::Load(dir.path);
  REQUIRE_FALSE(set.ok());
  CHECK(set.status().code() == core::Code::kInvalidArgument);
  CHECK_THAT(set.status().message(), Catch::Contains("b.md:6: unknown placeholder '{{author.nickname}}'"));
  CHECK_THAT(set.status().message(), Catch::Contains("c.md:5: missing body"));

  dir.Write("b.md", "---\nid: a\ntitle: B\nlanguage: en\n---\nHi");
  dir.Write("c.md", "---\nid: c\ntitle: C\nlanguage: en\n---\nHi");
  set = TemplateSet::Load(dir.path);
  REQUIRE_FALSE(set.ok());
  CHECK_THAT(set.status().message(), Catch::Contains("b.md:1: id 'a' is already used by a.md"));

  dir.Write("b.md", "---\nid: b\ntitle: B\nlanguage: en\n---\nHi");
  set = TemplateSet::Load(dir.path);
  REQUIRE(set.ok());
  CHECK(set->templates().size() == 3);
}

TEST_CASE("[replies] Load refuses a missing or empty directory", "[replies]") {
  auto missing = TemplateSet::Load(kTemplatesDir / "no_such_dir");
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.status().code() == core::Code::kNotFound);
  TempDir empty;
  auto none = TemplateSet::Load(empty.path);
  REQUIRE_FALSE(none.ok());
  CHECK(none.status().code() == core::Code::kInvalidArgument);
}
