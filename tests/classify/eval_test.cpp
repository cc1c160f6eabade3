#include "classify/eval.h"

#include <catch2/catch.hpp>

#include "classify/shipped_rules.h"

#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include "test_util.h"

namespace turnaround::classify {
namespace {

using turnaround::testing::RunCommand;

std::shared_ptr<const Classifier> Shipped() { return testing::ShippedRules(); }

TEST_CASE("eval counts the confusion matrix and scores urgent and category", "[classify]") {
  const char* jsonl =
      R"({"text": "Still waiting for a call back, 3 weeks now", "label": "complaint", "category": "wait_time"})" "\n"
      R"({"text": "Thank you nurses, you were wonderful", "label": "not_complaint"})" "\n"
      "\n"
      R"({"text": "A man collapsed in the lobby", "label": "not_complaint", "urgent": "medical_emergency"})" "\n";
  auto r = Evaluate(*Shipped(), "t.jsonl", jsonl);
  REQUIRE(r.ok());
  CHECK(r->n == 3);
  CHECK(r->tp == 1);
  CHECK(r->tn == 2);
  CHECK(r->f1() == 1.0);
  nlohmann::json j = r->ToJson();
  for (const char* key : {"n", "precision", "recall", "f1", "accuracy", "tp", "fp", "fn", "tn", "urgent_recall",
                          "urgent_precision", "category_accuracy"}) {
    CHECK(j.contains(key));
  }
  CHECK(j["urgent_recall"] == 1.0);
}

TEST_CASE("eval takes urgent as true/false as well as a reason", "[classify]") {
  const char* jsonl =
      R"({"text": "A man collapsed in the lobby and is not breathing", "label": "not_complaint", "urgent": true})" "\n"
      R"({"text": "Thank you nurses, you were wonderful", "label": "not_complaint", "urgent": false})" "\n";
  auto r = Evaluate(*Shipped(), "t.jsonl", jsonl);
  REQUIRE(r.ok());
  CHECK(r->has_urgent);
  CHECK(r->urgent_tp == 1);
  CHECK(r->urgent_fp == 0);
  CHECK(r->urgent_fn == 0);
  auto bad = Evaluate(*Shipped(), "t.jsonl", R"({"text": "a", "label": "complaint", "urgent": 3})" "\n");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.status().message().find("t.jsonl:1: \"urgent\" must be a reason string or true/false") !=
        std::string::npos);
}

TEST_CASE("eval names the line of a bad label", "[classify]") {
  auto r = Evaluate(*Shipped(), "t.jsonl", "{\"text\": \"a\", \"label\": \"complaint\"}\n{\"text\": \"b\", \"label\": \"meh\"}\n");
  REQUIRE_FALSE(r.ok());
  CHECK(r.status().message().find("t.jsonl:2: label must be complaint or not_complaint") != std::string::npos);
  auto j = Evaluate(*Shipped(), "t.jsonl", "not json\n");
  REQUIRE_FALSE(j.ok());
  CHECK(j.status().message().find("t.jsonl:1: not valid JSON") != std::string::npos);
}

TEST_CASE("CLI eval --json on a tiny fixture, and a bad label exits non-zero", "[classify]") {
  namespace fs = std::filesystem;
  turnaround::testing::TempDir tmp;  // not a fixed path: concurrent test runs would share it
  fs::path good = tmp.File("good.jsonl");
  fs::path bad = tmp.File("bad.jsonl");
  std::ofstream(good) << R"({"text": "worst billing office ever, charged twice", "label": "complaint"})" "\n"
                      << R"({"text": "what time do you open?", "label": "not_complaint"})" "\n";
  std::ofstream(bad) << R"({"text": "x", "label": "angry"})" "\n";
  std::string bin = TURNAROUND_BINARY, rules = TURNAROUND_SOURCE_DIR "/rules";
  int status = 0;
  std::string out = RunCommand(bin + " eval --rules " + rules + " --json " + good.string(), &status);
  CHECK(status == 0);
  auto j = nlohmann::json::parse(out, nullptr, false);
  REQUIRE_FALSE(j.is_discarded());
  CHECK(j["n"] == 2);
  CHECK(j["f1"] == 1.0);
  RunCommand(bin + " eval --rules " + rules + " " + bad.string() + " 2>/dev/null", &status);
  CHECK(status != 0);
  out = RunCommand(bin + " classify --rules " + rules + " 'Still waiting' 'Thanks!'", &status);
  CHECK(status == 0);
  CHECK(std::count(out.begin(), out.end(), '\n') == 2);
}

}  // namespace
}  // namespace turnaround::classify
