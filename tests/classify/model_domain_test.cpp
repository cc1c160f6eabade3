// The complaint model's domain (rules/domain.terms with the model's
// domain_rules_share and domain_shift): on a comment that talks about care the
// model counts in full and the rules' margin by the share; elsewhere the model
// stays within its caps.
#include <catch2/catch.hpp>
#include <cmath>
#include <fstream>
#include <string>
#include <vector>

#include "classify/classifier.h"
#include "classify/combine.h"
#include "classify/rules_folder.h"

namespace turnaround::classify {
namespace {

// Caps of 1 either way; in the domain the rules' margin counts half and the
// model's sum gets +0.5.
const char kModel[] =
    "intercept 0\nmax_raise 1\nmax_lower 1\ndomain_rules_share 0.5\ndomain_shift 0.5\n3\tstill\n-4\tthanks\n";

std::shared_ptr<const Classifier> Load(const testing::RulesFolder& f) {
  auto c = Classifier::Load(f.dir.string());
  REQUIRE(c.ok());
  return *c;
}

double Margin(const model::Verdict& v) {
  // Combine's confidence is the logistic of 1.5 x the margin.
  const double p = v.is_complaint ? v.confidence : 1 - v.confidence;
  return std::log(p / (1 - p)) / 1.5;
}

TEST_CASE("in its domain the complaint model counts in full and the rules' margin by its share", "[classify]") {
  testing::RulesFolder f(kModel);
  std::ofstream(f.dir / "domain.terms") << "# care\nnurse\nfront desk\n";
  auto c = Load(f);
  // The weak rule "waiting" scores 1 (threshold 1.42: margin -0.42).

  // Outside the domain: the model's 3 is capped at 1, so 1 + 1 = 2.
  model::Verdict out = c->Classify("still waiting");
  CHECK(out.model_domain_terms.empty());
  CHECK(out.model_score == Approx(1));
  CHECK(out.is_complaint);
  CHECK(Margin(out) == Approx(2 - kComplaintThreshold).margin(1e-3));

  // In it: 0.5 x -0.42 + (3 + 0.5), uncapped.
  model::Verdict in = c->Classify("still waiting for the nurse");
  CHECK(in.model_domain_terms == std::vector<std::string>{"nurse"});
  CHECK(in.model_score == Approx(3.5));
  CHECK(in.is_complaint);
  CHECK(Margin(in) == Approx(0.5 * (1 - kComplaintThreshold) + 3.5).margin(1e-3));
  // Its score (4.79) is past the "high" mark (4), but severity reads the
  // rules with the capped model (1 + 1): the domain decides whether, not how severe.
  CHECK(in.severity == model::Severity::kNormal);

  // The shift alone lifts a weak rule in the domain (0.5 x -0.42 + 0.5 > 0) and
  // not outside it (1 + 0 < 1.42); a word pair counts as a domain term.
  CHECK(c->Classify("waiting at the front desk").is_complaint);
  CHECK(c->Classify("waiting at the front desk").model_domain_terms == std::vector<std::string>{"front desk"});
  CHECK_FALSE(c->Classify("waiting at the desk").is_complaint);

  // Uncapped down as well: -4 + 0.5 buries the weak rule in the domain.
  model::Verdict thanked = c->Classify("thanks, still waiting for the nurse");
  CHECK(thanked.model_score == Approx(-0.5));
  CHECK(Margin(thanked) == Approx(0.5 * (1 - kComplaintThreshold) - 0.5).margin(1e-3));
}

TEST_CASE("domain terms without a model that uses them, or the reverse, are refused with a reason", "[classify]") {
  struct Case {
    const char* model;     // complaint.model, or nullptr
    const char* terms;     // domain.terms, or nullptr
    const char* error;     // expected in the report, or nullptr when it loads
  };
  const Case cases[] = {
      {kModel, nullptr, "complaint.model: domain_rules_share is set but there is no domain.terms"},
      {"intercept 0\nmax_raise 1\nmax_lower 1\n", "nurse\n", "domain.terms: complaint.model has no domain_rules_share"},
      {kModel, "nurse\nFront Desk\n", "domain.terms:2: not one lower-case token or two separated by one space: Front Desk"},
      {kModel, "# nothing\n", "domain.terms: no terms"},
      {"intercept 0\nmax_raise 1\nmax_lower 1\ndomain_rules_share 0.5\n", "nurse\n",
       "complaint.model: domain_rules_share and domain_shift go together"},
      {"intercept 0\nmax_raise 1\nmax_lower 1\ndomain_rules_share 1.5\ndomain_shift 0\n", "nurse\n",
       "complaint.model:4: unknown setting or negative cap (or domain_rules_share outside 0..1)"},
      {nullptr, "nurse\n", nullptr},  // no complaint model: the terms wait unused
      {kModel, "nurse\n", nullptr},
  };
  for (const Case& k : cases) {
    INFO((k.model ? k.model : "(no model)") << " / " << (k.terms ? k.terms : "(no terms)"));
    testing::RulesFolder f(k.model);
    if (k.terms != nullptr) std::ofstream(f.dir / "domain.terms") << k.terms;
    auto c = Classifier::Load(f.dir.string());
    if (k.error == nullptr) {
      CHECK(c.ok());
    } else {
      REQUIRE_FALSE(c.ok());
      CHECK_THAT(c.status().message(), Catch::Contains(k.error));
    }
  }
}

TEST_CASE("the domain terms are part of the rules version", "[classify]") {
  testing::RulesFolder a(kModel);
  testing::RulesFolder b(kModel);
  std::ofstream(a.dir / "domain.terms") << "nurse\n";
  std::ofstream(b.dir / "domain.terms") << "nurse\ndoctor\n";
  CHECK(Load(a)->version() != Load(b)->version());
}

}  // namespace
}  // namespace turnaround::classify
