#include "classify/category_model.h"

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
    "categories billing wait_time other\n"
    "vote_weight 2\n"
    "intercept 0 0 0.5\n"
    "2 0 0\tbill\n"
    "0 1.5 -0.5\tstill waiting\n"
    "1 1 1\tthe\n";

TEST_CASE("the category model's probabilities are the softmax of its present terms", "[classify]") {
  auto m = CategoryModel::Parse("c.model", kModel);
  REQUIRE(m.ok());
  CHECK((*m)->categories() == std::vector<std::string>{"billing", "wait_time", "other"});
  CHECK((*m)->vote_weight() == 2);
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

TEST_CASE("a broken category model is refused with the file and line", "[classify]") {
  struct Case {
    const char* contents;
    const char* error;
  };
  const Case cases[] = {
      {"categories billing food\nintercept 0 0\n", "c.model:1: unknown category: food"},
      {"categories billing\nintercept 0\n", "c.model:1: `categories` needs at least two names"},
      {"1 2\tbill\ncategories billing other\n", "c.model:1: a term before the `categories` line"},
      {"categories billing other\nintercept 0\n", "c.model:2: `intercept` needs one number per category"},
      {"categories billing other\nintercept 0 0\n1\tbill\n", "c.model:3: expected 2 numbers before the tab"},
      {"categories billing other\nintercept 0 0\n1 x\tbill\n", "c.model:3: expected 2 numbers"},
      {"categories billing other\nintercept 0 0\n1 2\tBill\n", "c.model:3: term is not one lower-case token"},
      {"categories billing other\nintercept 0 0\n1 2\tbill\n1 2\tbill\n", "c.model:4: duplicate term: bill"},
      {"categories billing other\nvote_weight -1\nintercept 0 0\n", "c.model:2: `vote_weight` needs one number >= 0"},
      {"categories billing other\nslope 1\nintercept 0 0\n", "c.model:2: unknown setting: slope"},
      {"categories billing other\n", "`categories` and `intercept` are required"},
  };
  for (const Case& c : cases) {
    INFO(c.contents);
    auto m = CategoryModel::Parse("c.model", c.contents);
    REQUIRE_FALSE(m.ok());
    CHECK_THAT(m.status().message(), Catch::Contains(c.error));
  }
}

TEST_CASE("the category model's votes join the category rules' votes", "[classify]") {
  // "parking" is a facilities rule of weight 1. The model says billing with
  // probability ~0.88 for a comment holding "bill"; times vote_weight it
  // outvotes the rule at 2 and not at 1.
  const char* model_at = "categories billing facilities\nvote_weight %s\nintercept 0 0\n2 0\tbill\n";
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

TEST_CASE("a rules folder with a broken category model is refused", "[classify]") {
  testing::RulesFolder broken(nullptr, "categories billing other\nintercept 0\n");
  auto loaded = Classifier::Load(broken.dir.string());
  REQUIRE_FALSE(loaded.ok());
  CHECK_THAT(loaded.status().message(), Catch::Contains("category.model:2: `intercept` needs one number per category"));
}

}  // namespace
}  // namespace turnaround::classify
