#include "classify/class_model.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <string>
#include <vector>

#include "classify/classifier.h"
#include "classify/rules_folder.h"

namespace turnaround::classify {
namespace {

const char kModel[] =
    "# three categories, written by hand\n"
    "classes billing wait_time other\n"
    "vote_weight 2\n"
    "intercept 0 0 0.5\n"
    "2 0 0\tbill\n"
    "0 1.5 -0.5\tstill waiting\n"
    "1 1 1\tthe\n";

const std::vector<std::string_view> kAllowed = {"billing", "wait_time", "other"};

TEST_CASE("a class model's probabilities are the softmax of its present terms", "[classify]") {
  auto m = ClassModel::Parse("c.model", kModel, kAllowed, {"vote_weight"});
  REQUIRE(m.ok());
  CHECK((*m)->classes() == std::vector<std::string>{"billing", "wait_time", "other"});
  CHECK((*m)->setting("vote_weight") == 2);
  struct Case {
    const char* text;
    std::vector<double> z;  // the scores before the softmax
  };
  const Case cases[] = {
      {"hello", {0, 0, 0.5}},
      {"the bill, the BILL", {3, 1, 1.5}},       // each term once; adding to all moves nothing but is allowed
      {"still waiting on the bill", {3, 2.5, 1}},
      {"waiting still", {0, 0, 0.5}},             // a pair is in order
  };
  for (const Case& c : cases) {
    INFO(c.text);
    std::vector<double> p = (*m)->Probabilities(c.text);
    double sum = 0;
    for (double z : c.z) sum += std::exp(z);
    REQUIRE(p.size() == 3);
    for (size_t k = 0; k < 3; ++k) CHECK(p[k] == Approx(std::exp(c.z[k]) / sum));
  }
}

TEST_CASE("a broken class model is refused with the file and line", "[classify]") {
  struct Case {
    const char* contents;
    const char* error;
  };
  const Case cases[] = {
      {"classes billing food\nvote_weight 1\nintercept 0 0\n", "c.model:1: unknown class: food"},
      {"classes billing\nvote_weight 1\nintercept 0\n", "c.model:1: `classes` needs at least two names"},
      {"1 2\tbill\nclasses billing other\n", "c.model:1: a term before the `classes` line"},
      {"classes billing other\nvote_weight 1\nintercept 0\n", "c.model:3: `intercept` needs one number per class"},
      {"classes billing other\nvote_weight 1\nintercept 0 0\n1\tbill\n", "c.model:4: expected 2 numbers before the tab"},
      {"classes billing other\nvote_weight 1\nintercept 0 0\n1 x\tbill\n", "c.model:4: expected 2 numbers"},
      {"classes billing other\nvote_weight 1\nintercept 0 0\n1 2\tBill\n", "c.model:4: term is not one lower-case token"},
      {"classes billing other\nvote_weight 1\nintercept 0 0\n1 2\tbill\n1 2\tbill\n", "c.model:5: duplicate term: bill"},
      {"classes billing other\nvote_weight -1\nintercept 0 0\n", "c.model:2: `vote_weight` needs one number >= 0"},
      {"classes billing other\nvote_weight 1\nthreshold 1\nintercept 0 0\n", "c.model:3: unknown setting: threshold"},
      {"classes billing other\nintercept 0 0\n", "c.model: `vote_weight` is required"},
      {"classes billing other\nvote_weight 1\n", "`classes` and `intercept` are required"},
      {"classes billing other billing\nvote_weight 1\nintercept 0 0 0\n", "c.model:1: class named twice: billing"},
      // A second classes line would leave the terms above it a weight short.
      {"classes billing other\nvote_weight 1\nintercept 0 0\n1 2\tbill\nclasses wait_time\n",
       "c.model:5: a second `classes` line"},
  };
  for (const Case& c : cases) {
    INFO(c.contents);
    auto m = ClassModel::Parse("c.model", c.contents, kAllowed, {"vote_weight"});
    REQUIRE_FALSE(m.ok());
    CHECK_THAT(m.status().message(), Catch::Contains(c.error));
  }
}

TEST_CASE("the category model's votes join the category rules' votes", "[classify]") {
  // "parking" is a facilities rule of weight 1. The model says billing with
  // probability ~0.88 for a comment holding "bill"; times vote_weight it
  // outvotes the rule at 2 and not at 1.
  const char* model_at = "classes billing facilities\nvote_weight %s\nintercept 0 0\n2 0\tbill\n";
  char strong[128], weak[128];
  std::snprintf(strong, sizeof strong, model_at, "2");
  std::snprintf(weak, sizeof weak, model_at, "1");
  testing::RulesFolder none(nullptr), with_strong(nullptr, strong), with_weak(nullptr, weak);
  auto a = Classifier::Load(none.dir.string());
  auto b = Classifier::Load(with_strong.dir.string());
  auto c = Classifier::Load(with_weak.dir.string());
  REQUIRE(a.ok());
  REQUIRE(b.ok());
  REQUIRE(c.ok());
  CHECK((*a)->version() != (*b)->version());
  const char* text = "the parking bill";
  CHECK((*a)->Classify(text).category == "facilities");
  CHECK((*a)->Classify(text).model_categories.empty());
  model::Verdict v = (*b)->Classify(text);
  CHECK(v.category == "billing");  // 1 (rule) + 0.24 (model) against 1.76
  REQUIRE(v.model_categories.size() == 2);
  CHECK(v.model_categories[0].category == "billing");
  CHECK(v.model_categories[0].probability == Approx(1 / (1 + std::exp(-2.0))));
  CHECK((*c)->Classify(text).category == "facilities");  // 1 + 0.12 against 0.88
}

TEST_CASE("the urgent model adds its likeliest reason beside some evidence, or alone when it is sure",
          "[classify]") {
  // "bridge": none 2 against self_harm 3, so self_harm has 0.73; without it, 0.12; "cliff"
  // (self_harm 8) makes it 0.998. "edge" is a self-harm evidence rule of weight 0.4, short of
  // the 1.0 the rules need alone.
  testing::RulesFolder folder(nullptr, nullptr,
                              "classes none self_harm privacy_breach\nthreshold 0.5\nalone_threshold 0.9\n"
                              "intercept 2 0 -5\n0 3 0\tbridge\n0 8 0\tcliff\n");
  auto c = Classifier::Load(folder.dir.string());
  REQUIRE(c.ok());
  const double low = (1 + std::exp(-5.0)) / (std::exp(2.0) + 1 + std::exp(-5.0));
  const double high = (std::exp(3.0) + std::exp(-5.0)) / (std::exp(2.0) + std::exp(3.0) + std::exp(-5.0));
  model::Verdict calm = (*c)->Classify("hello there");
  CHECK(calm.urgent_reasons.empty());
  CHECK(calm.model_urgent_reason.empty());
  CHECK(calm.model_urgent_probability == Approx(low));

  // Between threshold and alone_threshold, the model alone raises nothing: there it is a second opinion.
  model::Verdict alone = (*c)->Classify("standing on the bridge");
  CHECK(alone.model_urgent_probability == Approx(high));
  CHECK(alone.model_urgent_reason.empty());
  CHECK(alone.urgent_reasons.empty());

  // The evidence alone is short of the rules' threshold, and the model below its own adds nothing.
  model::Verdict evidence_only = (*c)->Classify("at the edge");
  CHECK(evidence_only.urgent_reasons.empty());
  CHECK(evidence_only.model_urgent_reason.empty());

  model::Verdict v = (*c)->Classify("standing on the edge of the bridge");
  CHECK(v.model_urgent_reason == "self_harm");
  CHECK(v.urgent_reasons == std::vector<std::string>{"self_harm"});
  CHECK(v.severity == model::Severity::kUrgent);
  CHECK(v.flagged());

  // Sure enough, it needs no evidence.
  model::Verdict sure = (*c)->Classify("the cliff");
  CHECK(sure.model_urgent_probability > 0.9);
  CHECK(sure.model_urgent_reason == "self_harm");
  CHECK(sure.urgent_reasons == std::vector<std::string>{"self_harm"});
}

TEST_CASE("an urgent model naming something other than the reasons is refused", "[classify]") {
  testing::RulesFolder folder(nullptr, nullptr, "classes none billing\nthreshold 0.5\nalone_threshold 0.9\nintercept 0 0\n");
  auto loaded = Classifier::Load(folder.dir.string());
  REQUIRE_FALSE(loaded.ok());
  CHECK_THAT(loaded.status().message(), Catch::Contains("urgent.model:1: unknown class: billing"));
}

TEST_CASE("an urgent model without the none class is refused", "[classify]") {
  // Its reasons' probabilities would always sum to 1: every comment would be urgent.
  testing::RulesFolder folder(nullptr, nullptr,
                              "classes self_harm privacy_breach\nthreshold 0.5\nalone_threshold 0.9\nintercept 0 0\n");
  auto loaded = Classifier::Load(folder.dir.string());
  REQUIRE_FALSE(loaded.ok());
  CHECK_THAT(loaded.status().message(), Catch::Contains("urgent.model: `classes` must include none"));
}

TEST_CASE("a rules folder with a broken category model is refused", "[classify]") {
  testing::RulesFolder broken(nullptr, "classes billing other\nvote_weight 1\nintercept 0\n");
  auto loaded = Classifier::Load(broken.dir.string());
  REQUIRE_FALSE(loaded.ok());
  CHECK_THAT(loaded.status().message(), Catch::Contains("category.model:3: `intercept` needs one number per class"));
}

}  // namespace
}  // namespace turnaround::classify
