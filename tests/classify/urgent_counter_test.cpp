// Round 27: `urgent_counter` rules call off the urgent reason the rules found
// when the post tells the event as over (rules/urgent_counter.rules). The
// sentences are our own, written for this test, not taken from a data set.
#include <memory>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "classify/combine.h"
#include "classify/fake_matches.h"
#include "classify/shipped_rules.h"
#include "classify/verdict_json.h"
#include "model/verdict.h"

namespace turnaround::classify {
namespace {

using testing::MatchesOf;

using Reasons = std::vector<std::string>;

TEST_CASE("urgent counter: calls off its own reason as the rules found it, nothing else", "[classify]") {
  SECTION("an urgent rule's reason is called off and listed") {
    model::Verdict v = MatchesOf({{"u", "urgent", "medical_emergency", 0.2}, {"c", "urgent_counter", "medical_emergency", 1}});
    Combine("", SentimentResult{}, &v);
    CHECK(v.urgent_reasons.empty());
    CHECK(v.urgent_called_off == Reasons{"medical_emergency"});
    CHECK(v.severity != model::Severity::kUrgent);
  }
  SECTION("evidence that adds up is called off the same way") {
    model::Verdict v = MatchesOf({{"e1", "urgent_evidence", "medical_emergency", 0.5},
                                  {"e2", "urgent_evidence", "medical_emergency", 0.5},
                                  {"c", "urgent_counter", "medical_emergency", 1}});
    Combine("", SentimentResult{}, &v);
    CHECK(v.urgent_reasons.empty());
    CHECK(v.urgent_called_off == Reasons{"medical_emergency"});
  }
  SECTION("a counter of another reason leaves the post urgent") {
    model::Verdict v = MatchesOf({{"u", "urgent", "self_harm", 0}, {"c", "urgent_counter", "medical_emergency", 1}});
    Combine("", SentimentResult{}, &v);
    CHECK(v.urgent_reasons == Reasons{"self_harm"});
    CHECK(v.urgent_called_off.empty());
    CHECK(v.severity == model::Severity::kUrgent);
  }
  SECTION("two reasons found, one called off: the other stays") {
    model::Verdict v = MatchesOf({{"u1", "urgent", "medical_emergency", 0.2},
                                  {"u2", "urgent", "legal_threat", 2},
                                  {"c", "urgent_counter", "medical_emergency", 1}});
    Combine("", SentimentResult{}, &v);
    CHECK(v.urgent_reasons == Reasons{"legal_threat"});
    CHECK(v.urgent_called_off == Reasons{"medical_emergency"});
  }
  SECTION("a counter naming two reasons calls off both, and only those") {
    model::Verdict v = MatchesOf({{"u1", "urgent", "legal_threat", 2},
                                  {"u2", "urgent", "privacy_breach", 1},
                                  {"u3", "urgent", "self_harm", 0},
                                  {"c", "urgent_counter", "legal_threat", 1}});
    auto two = std::make_shared<model::RuleInfo>(*v.matches.back().rule);
    two->urgent_reasons = {"legal_threat", "privacy_breach"};
    v.matches.back().rule = two;
    Combine("", SentimentResult{}, &v);
    CHECK(v.urgent_reasons == Reasons{"self_harm"});
    CHECK(v.urgent_called_off == Reasons{"legal_threat", "privacy_breach"});
    const nlohmann::json j = VerdictToJson(v);
    CHECK(j["matches"][3]["urgent_reason"] == "legal_threat");
    CHECK(j["matches"][3]["urgent_reasons"] == nlohmann::json::array({"legal_threat", "privacy_breach"}));
    CHECK_FALSE(j["matches"][0].contains("urgent_reasons"));
  }
  SECTION("a counter alone, with nothing found, calls off nothing") {
    model::Verdict v = MatchesOf({{"c", "urgent_counter", "medical_emergency", 1}});
    Combine("", SentimentResult{}, &v);
    CHECK(v.urgent_reasons.empty());
    CHECK(v.urgent_called_off.empty());
  }
  SECTION("the fitted urgent model's reason stays: a counter speaks for the rules") {
    model::Verdict v = MatchesOf({{"u", "urgent", "medical_emergency", 0.2}, {"c", "urgent_counter", "medical_emergency", 1}});
    v.urgent_reasons = {"medical_emergency"};  // as FittedModels::Apply leaves it
    v.model_urgent_reason = "medical_emergency";
    Combine("", SentimentResult{}, &v);
    CHECK(v.urgent_reasons == Reasons{"medical_emergency"});
    CHECK(v.urgent_called_off.empty());
  }
  SECTION("the complaint score does not move: the event still happened") {
    model::Verdict with = MatchesOf({{"u", "urgent", "legal_threat", 2}, {"c", "urgent_counter", "legal_threat", 1}});
    model::Verdict without = MatchesOf({{"u", "urgent", "legal_threat", 2}});
    CHECK(ComplaintScore(with, SentimentResult{}) == ComplaintScore(without, SentimentResult{}));
    Combine("", SentimentResult{}, &with);
    Combine("", SentimentResult{}, &without);
    CHECK(with.is_complaint == without.is_complaint);
  }
}

// The shipped counters, on the written rules alone (the counters are rules;
// the fitted models are measured on the labelled sets). Each post told as over
// must be flagged by some urgent rule and then called off, so the test fails
// if its counter is taken out, not only if nothing matched in the first place.
TEST_CASE("urgent counter: shipped rules call off events told as over and leave live ones urgent",
          "[classify][urgent]") {
  const char* const over[] = {
      "My wife collapsed in the garden on Sunday. She's stable now and the cardiology team has been wonderful.",
      "Fainted in the shower last month, turned out fine, just low iron. Thanks Dr. Osei.",
      "I ignored the chest pressure for two weeks. Don't be me, get it looked at.",
      "They said my chest pain was a pulled muscle. The next morning a CT found a clot in my lung.",
      "We lost our neighbour to a heart attack in the spring; he collapsed at the bus stop. The paramedics did everything they could.",
      "The ER takes the sickest first, so chest pains go first. Your sore throat can wait.",
      "My brother fainted at the sight of his own flu shot 😂",
      "I nearly passed out when I saw the parking rates.",
      "Opening the hospital bill gave me chest pains.",
      "This migraine is killing me. Goodbye cruel world, see you after a nap.",
  };
  // Live emergencies that share a word with a counter: they must stay urgent.
  const testing::UrgentCase live[] = {
      {"My dad passed out in the lobby ten minutes ago and says he's fine but he can't stand up", "medical_emergency"},
      {"lol my chest pain is back and my arm is numb, should I go in?", "medical_emergency"},
      {"She fainted again and the nurse said she'd be fine, now she is not breathing right", "medical_emergency"},
      {"my son took a whole bottle of pills and now he is unresponsive, help", "medical_emergency"},
  };
  testing::ExpectCalledOffAndLive(over, live);
}

TEST_CASE("urgent counter: the verdict says what was called off", "[classify]") {
  const model::Verdict v = testing::ShippedRulesWithoutModel()->Classify(
      "My husband collapsed at work in June and passed away. The ER staff were kind to us.");
  REQUIRE(v.urgent_called_off == Reasons{"medical_emergency"});
  const std::string json = VerdictJsonText(v);
  CHECK_THAT(json, Catch::Matchers::Contains("\"urgent_called_off\":[\"medical_emergency\"]"));
  CHECK_THAT(json, Catch::Matchers::Contains("\"signal\":\"urgent_counter\""));
}

TEST_CASE("urgent counter: one shipped counter calls off a lawsuit and a leak told as settled", "[classify][urgent]") {
  const auto rules = testing::ShippedRulesWithoutModel();
  const model::Verdict settled = rules->Classify(
      "Got a letter saying my records were in the data breach at the clinic. Is the class action settlement still "
      "taking claims?");
  CHECK(settled.urgent_reasons.empty());
  CHECK(settled.urgent_called_off == Reasons{"legal_threat", "privacy_breach"});
  const model::Verdict live =
      rules->Classify("Your front desk posted my chart on Facebook and my lawyer is filing a class action on Monday");
  CHECK(live.urgent_called_off.empty());
  CHECK(live.urgent_reasons == Reasons{"legal_threat", "privacy_breach"});
}

}  // namespace
}  // namespace turnaround::classify
