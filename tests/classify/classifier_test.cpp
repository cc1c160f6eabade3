#include "classify/classifier.h"

#include <catch2/catch.hpp>

#include "classify/shipped_rules.h"

#include <atomic>
#include <filesystem>
#include <fstream>
#include <thread>

#include "classify/verdict_json.h"
#include "test_util.h"

namespace turnaround::classify {
namespace {

namespace fs = std::filesystem;

std::shared_ptr<const Classifier> Shipped() { return testing::ShippedRules(); }

bool HasRule(const model::Verdict& v, const std::string& signal) {
  for (const auto& m : v.matches) {
    if (m.signal() == signal) return true;
  }
  return false;
}

TEST_CASE("verdict combination on the shipped rules", "[classify]") {
  struct Case {
    const char* text;
    bool complaint;
    const char* urgent;  // "" if none
  };
  const Case cases[] = {
      {"Day 9 of waiting for billing to call me back", true, ""},
      {"So am I getting a call back or...", true, ""},
      {"Thanks for nothing", true, ""},
      {"Great job losing my file again", true, ""},
      {"I was terrified before surgery but the team made me feel safe", false, ""},
      {"Thank you to the NICU nurses, you are angels", false, ""},
      {"What time does the lab open on Saturday?", false, ""},
      {"A man just collapsed in your lobby", false, "medical_emergency"},
      {"I want to die, nobody listens", false, "self_harm"},
      {"My lawyer will be contacting you about this bill", true, "legal_threat"},
      {"Pésimo servicio, llevo 4 horas esperando", true, ""},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    model::Verdict v = Shipped()->Classify(c.text);
    if (std::string(c.urgent).empty()) {
      CHECK(v.is_complaint == c.complaint);
      CHECK(v.urgent_reasons.empty());
    } else {
      REQUIRE(v.urgent_reasons.size() >= 1);
      CHECK(v.urgent_reasons[0] == c.urgent);
      CHECK(v.severity == model::Severity::kUrgent);
      CHECK(v.flagged());  // urgent posts are flagged even when not complaints
    }
    CHECK(v.rules_version == Shipped()->version());
  }
}

TEST_CASE("severity, spam, language and category", "[classify]") {
  auto spam = Shipped()->Classify("Earn $500 a day from home, DM me now");
  CHECK(spam.spam);
  CHECK_FALSE(spam.is_complaint);
  auto es = Shipped()->Classify("Nadie contesta el teléfono, llevo dos días llamando a la clínica");
  CHECK(es.language == "es");
  CHECK(es.is_complaint);
  auto bill = Shipped()->Classify("Charged twice for the same visit and still no refund. Unacceptable");
  CHECK(bill.category == "billing");
  CHECK(bill.severity == model::Severity::kHigh);
  auto ok = Shipped()->Classify("Lovely staff");
  CHECK(ok.severity == model::Severity::kLow);
  CHECK(HasRule(ok, "praise"));
}

TEST_CASE("verdict JSON has every documented key", "[classify]") {
  auto j = VerdictToJson(Shipped()->Classify("Still waiting, this is ridiculous :("));
  for (const char* key : {"is_complaint", "confidence", "sentiment", "category", "severity", "urgent_reasons", "spam",
                          "language", "rules_version", "matches", "sentiment_terms"}) {
    CHECK(j.contains(key));
  }
  REQUIRE(!j["matches"].empty());
  for (const char* key : {"rule", "file", "signal", "weight", "begin", "end", "text"}) CHECK(j["matches"][0].contains(key));
  REQUIRE(!j["sentiment_terms"].empty());
  CHECK(j["sentiment_terms"][0].contains("term"));
  CHECK(j["sentiment_terms"][0].contains("valence"));
}

// Makes a private copy of rules/ to break, inside `tmp`: a fixed path shared
// by every test process let two concurrent runs (the sanitizer builds, a
// second checkout's tests) delete each other's copy.
fs::path CopyRules(const turnaround::testing::TempDir& tmp) {
  fs::path dir = tmp.File("rules");
  fs::copy(TURNAROUND_SOURCE_DIR "/rules", dir, fs::copy_options::recursive);
  return dir;
}

TEST_CASE("reload keeps the old rules live when the new ones are broken", "[classify]") {
  turnaround::testing::TempDir tmp;
  fs::path dir = CopyRules(tmp);
  ClassifierHolder holder(Shipped());
  std::string before = holder.Get()->version();
  {
    std::ofstream(dir / "zz_broken.rules") << "rule: broken.one\nsignal: complaint\npattern: (oops\nmatch: x\n";
  }
  core::Status s = holder.Reload(dir.string());
  CHECK_FALSE(s.ok());
  CHECK(s.message().find("zz_broken.rules:3: rule broken.one: bad pattern") != std::string::npos);
  CHECK(holder.Get()->version() == before);
  fs::remove(dir / "zz_broken.rules");
  {
    std::ofstream(dir / "zz_extra.rules") << "rule: extra.one\nsignal: complaint\npattern: zebra\nmatch: a zebra\n";
  }
  CHECK(holder.Reload(dir.string()).ok());
  CHECK(holder.Get()->version() != before);
  CHECK(HasRule(holder.Get()->Classify("a zebra"), "complaint"));
}

TEST_CASE("a failing example stops a reload but not a start-up load", "[classify]") {
  turnaround::testing::TempDir tmp;
  fs::path dir = CopyRules(tmp);
  {
    std::ofstream(dir / "zz_drift.rules") << "rule: drift.one\nsignal: complaint\npattern: zebra\nmatch: a horse\n";
  }
  // Start-up compiles only: the rule works, its drifted example is not run.
  auto started = Classifier::Load(dir.string(), {.run_examples = false});
  REQUIRE(started.ok());
  CHECK(HasRule((*started)->Classify("a zebra"), "complaint"));
  // A reload (and `rules check`) runs the examples and refuses the set.
  ClassifierHolder holder(*started);
  core::Status s = holder.Reload(dir.string());
  CHECK_FALSE(s.ok());
  CHECK(s.message().find("zz_drift.rules:4: rule drift.one: example does not match: a horse") != std::string::npos);
}

TEST_CASE("missing rules directory is a clear error", "[classify]") {
  auto c = Classifier::Load("/nonexistent/turnaround/rules");
  REQUIRE_FALSE(c.ok());
  CHECK(c.status().message().find("/nonexistent/turnaround/rules") != std::string::npos);
}

TEST_CASE("classify from several threads at once while reloading", "[classify]") {
  ClassifierHolder holder(Shipped());
  const char* texts[] = {"Still waiting for my results", "Thank you nurses!", "charged twice, worst billing ever",
                         "¿Aceptan Medicaid?", "A man collapsed in the lobby"};
  model::Verdict expected[5];
  for (int i = 0; i < 5; ++i) expected[i] = Shipped()->Classify(texts[i]);
  std::atomic<int> mismatches{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 300; ++i) {
        const int k = (i + t) % 5;
        model::Verdict v = holder.Get()->Classify(texts[k]);
        if (v.is_complaint != expected[k].is_complaint || v.matches.size() != expected[k].matches.size()) ++mismatches;
      }
    });
  }
  threads.emplace_back([&] {
    // Two swaps while the readers run: each reload runs every rule's examples, about 130 s
    // under AddressSanitizer, and a third proved nothing the second had not.
    for (int i = 0; i < 2; ++i) CHECK(holder.Reload(TURNAROUND_SOURCE_DIR "/rules").ok());
  });
  for (auto& th : threads) th.join();
  CHECK(mismatches == 0);
}

}  // namespace
}  // namespace turnaround::classify
