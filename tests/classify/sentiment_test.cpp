#include "classify/sentiment.h"

#include <catch2/catch.hpp>

namespace turnaround::classify {
namespace {

const char kLexicon[] =
    "[words]\ngood 2\nkind 2\nrude -2.5\nbad -2.5\nhelpful 1.8\n:( -2\n😡 -3\n"
    "[boosters]\nvery 0.3\nslightly -0.3\n[negations]\nnot\nnever\nnothing\nno\n[but]\nbut\n[although]\nalthough\n"
    "[spanish]\nel\nla\nque\n";

const SentimentScorer& Scorer() {
  static auto s = SentimentScorer::Parse("t.lexicon", kLexicon);
  REQUIRE(s.ok());
  return **s;
}

double Compound(const char* text) { return Scorer().Score(text).compound; }

TEST_CASE("sentiment heuristics move the score the right way", "[classify]") {
  struct Case {
    const char* name;
    const char* stronger;  // should score strictly higher
    const char* weaker;
  };
  const Case cases[] = {
      {"positive word", "good", "ok then"},
      {"negative word", "ok then", "rude"},
      {"negation flips", "ok then", "not good"},
      {"negation flips negative", "not rude", "rude"},
      {"negation four words back", "never once was she rude", "once she was rude"},
      {"intensifier", "very good", "good"},
      {"intensifier on negative", "rude", "very rude"},
      {"dampener", "good", "slightly good"},
      {"ALL-CAPS emphasis", "the staff was good", "the staff was GOOD"},  // reversed below
      {"exclamation emphasis", "good!!!", "good"},
      {"elongated word", "gooood", "good"},
      {"emoticon", "fine", "fine :("},
      {"emoji", "fine", "fine 😡"},
      {"but: the second clause dominates", "rude but kind", "kind but rude"},
      {"although: its clause is weaker", "although rude, kind", "although kind, rude"},
      // "nothing but good": "but" means "only", so "nothing" does not flip "good"
      // and the praise before it is not discounted as a contrast.
      {"nothing but: praise stays praise", "nothing but good", "ok then"},
      {"no one but: praise stays praise", "no one but kind people", "ok then"},
      {"a real but still contrasts", "nothing bad, but kind", "nothing kind, but rude"},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    if (std::string(c.name) == "ALL-CAPS emphasis") {
      CHECK(Compound(c.weaker) > Compound(c.stronger));
    } else {
      CHECK(Compound(c.stronger) > Compound(c.weaker));
    }
  }
}

TEST_CASE("a but read as only is not a contrast", "[classify]") {
  CHECK_FALSE(Scorer().Score("nothing but good to say").has_contrast);
  CHECK(Scorer().Score("nothing bad but rude staff").has_contrast);
  CHECK(Scorer().Score("nothing but good to say").compound > 0);
}

TEST_CASE("compound stays in -1..1 and lists the contributing terms", "[classify]") {
  auto r = Scorer().Score("RUDE RUDE rude bad bad very bad!!!! 😡 😡 :(");
  CHECK(r.compound >= -1.0);
  CHECK(r.compound < -0.9);
  auto n = Scorer().Score("The nurse was not helpful");
  REQUIRE(n.terms.size() == 1);
  CHECK(n.terms[0].term == "helpful");
  CHECK(n.terms[0].valence < 0);
  CHECK(Scorer().Score("nothing to see here").compound == 0);
}

TEST_CASE("Spanish function words are counted for language detection", "[classify]") {
  auto r = Scorer().Score("el doctor que la atendió");
  CHECK(r.spanish_words == 3);
  CHECK(r.words == 5);
}

TEST_CASE("lexicon errors name file and line", "[classify]") {
  auto bad = SentimentScorer::Parse("t.lexicon", "[words]\ngood 2\nbad lots\n[colours]\n");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.status().message().find("t.lexicon:3:") != std::string::npos);
  CHECK(bad.status().message().find("t.lexicon:4: unknown section [colours]") != std::string::npos);
}

}  // namespace
}  // namespace turnaround::classify
