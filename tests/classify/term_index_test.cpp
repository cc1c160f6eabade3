#include "classify/term_index.h"

#include <catch2/catch.hpp>
#include <string>

namespace turnaround::classify {
namespace {

TEST_CASE("a term index gives each distinct term one dense index and finds it again", "[classify]") {
  TermIndex index;
  CHECK(index.Find("bill") == TermIndex::kNone);  // an empty index finds nothing
  CHECK(index.Add("bill") == 0);
  CHECK(index.Add("call back") == 1);
  CHECK(index.Add("bill") == 0);  // added again: the same index, no new term
  CHECK(index.size() == 2);
  CHECK(index.Find("call back") == 1);
  CHECK(index.term(1) == "call back");
  CHECK(index.Find("call") == TermIndex::kNone);  // a prefix is another term
  CHECK(index.Find("") == TermIndex::kNone);
}

TEST_CASE("a term index keeps every term findable as it grows", "[classify]") {
  // Well past the first table (1,024 slots, half full at most), so it is rebuilt several times.
  TermIndex index;
  const int n = 20000;
  for (int i = 0; i < n; ++i) REQUIRE(index.Add("term" + std::to_string(i)) == static_cast<uint32_t>(i));
  REQUIRE(index.size() == static_cast<size_t>(n));
  for (int i = 0; i < n; ++i) {
    const std::string t = "term" + std::to_string(i);
    REQUIRE(index.Find(t) == static_cast<uint32_t>(i));
    REQUIRE(index.term(static_cast<uint32_t>(i)) == t);
  }
  CHECK(index.Find("term" + std::to_string(n)) == TermIndex::kNone);
}

}  // namespace
}  // namespace turnaround::classify
