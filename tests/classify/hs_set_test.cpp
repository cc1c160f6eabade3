#include "classify/hs_set.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <atomic>
#include <thread>
#include <fstream>

#include "test_util.h"

namespace turnaround::classify {
namespace {

std::vector<int> ScanSorted(const HsSet& set, std::string_view text) {
  std::vector<int> ids;
  REQUIRE(set.Scan(text, &ids));
  std::sort(ids.begin(), ids.end());
  return ids;
}

const std::vector<HsSet::Pattern> kPatterns = {
    {"\\bstill waiting\\b", false},
    {"\\bbill(ed|ing)?\\b.{0,20}\\btwice\\b", false},
    {"Caf\\x{e9}", true},  // caseless; the set is meant for lower-cased ASCII but folds accents this way
    {"^$", false},         // matches only the empty text
};

TEST_CASE("an HsSet reports every pattern that matches, each once", "[classify][hyperscan]") {
  auto set = HsSet::Compile(kPatterns);
  REQUIRE(set.ok());
  CHECK((*set)->refused().empty());
  CHECK(ScanSorted(**set, "still waiting... still waiting, billed for it twice") == std::vector<int>{0, 1});
  CHECK(ScanSorted(**set, "billed for this visit and the last one, twice") == std::vector<int>{});  // gap > 20
  CHECK(ScanSorted(**set, "the CAF\xc3\x89 is closed") == std::vector<int>{2});
  CHECK(ScanSorted(**set, "") == std::vector<int>{3});
  CHECK(ScanSorted(**set, "stillwaiting") == std::vector<int>{});
}

TEST_CASE("a pattern list survives JSON exactly, so a child process compiles the same key",
          "[classify][hyperscan]") {
  std::vector<HsSet::Pattern> odd = kPatterns;
  odd.push_back({"quote \" and \\ and \xc3\xb1 and tab\t", true});
  auto back = HsSet::PatternsFromJson(HsSet::PatternsToJson(odd));
  REQUIRE(back.ok());
  REQUIRE(back->size() == odd.size());
  for (size_t i = 0; i < odd.size(); ++i) {
    CHECK((*back)[i].regex == odd[i].regex);
    CHECK((*back)[i].caseless == odd[i].caseless);
  }
  CHECK(HsSet::Key(*back) == HsSet::Key(odd));
  CHECK(HsSet::PatternsFromJson("[]").ok());
  CHECK(HsSet::PatternsFromJson("{\"regex\": \"x\"}").status().message() == "patterns: expected a JSON array");
  CHECK(HsSet::PatternsFromJson("[{\"regex\": \"x\"}, {\"regex\": 5}]").status().message() ==
        "patterns: entry 1 is not {\"regex\": string, \"caseless\": boolean}");
  CHECK_FALSE(HsSet::PatternsFromJson("[{\"regex\": \"x\", \"caseless\": \"yes\"}]").ok());
  CHECK_FALSE(HsSet::PatternsFromJson("not json").ok());
}

TEST_CASE("an HsSet scans from many threads at once, each with a scratch of its own", "[classify][hyperscan]") {
  auto set = HsSet::Compile(kPatterns);
  REQUIRE(set.ok());
  const std::vector<std::pair<std::string, std::vector<int>>> cases = {
      {"still waiting, billed me twice", {0, 1}}, {"", {3}}, {"nothing", {}}, {"CAF\xc3\x89 still waiting", {0, 2}}};
  std::atomic<int> wrong{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 500; ++i) {
        const auto& c = cases[static_cast<size_t>(t + i) % cases.size()];
        std::vector<int> ids;
        if (!(*set)->Scan(c.first, &ids)) ++wrong;
        std::sort(ids.begin(), ids.end());
        if (ids != c.second) ++wrong;
      }
    });
  }
  for (std::thread& th : threads) th.join();
  CHECK(wrong == 0);
}

TEST_CASE("patterns Hyperscan refuses are listed, and the rest still work", "[classify][hyperscan]") {
  // An end anchor inside an alternation is RE2 syntax Hyperscan does not take.
  auto set = HsSet::Compile({{"\\bwait", false}, {"(goodbye[.!]*$|farewell)\\b", false}, {"\\bbill", false}});
  REQUIRE(set.ok());
  CHECK((*set)->refused() == std::vector<int>{1});
  CHECK(ScanSorted(**set, "waiting on the bill") == std::vector<int>{0, 2});
  CHECK(ScanSorted(**set, "goodbye") == std::vector<int>{});
}

TEST_CASE("a saved HsSet loads back only for the very same patterns", "[classify][hyperscan]") {
  testing::TempDir dir;
  const std::string path = dir.File("set.hs");
  auto set = HsSet::Compile(kPatterns);
  REQUIRE(set.ok());
  REQUIRE((*set)->Save(path).ok());

  auto loaded = HsSet::Load(path, kPatterns);
  REQUIRE(loaded.ok());
  CHECK(ScanSorted(**loaded, "still waiting, billed twice") == std::vector<int>{0, 1});

  std::vector<HsSet::Pattern> other = kPatterns;
  other[0].caseless = true;  // a flag is part of the key, not only the text
  CHECK(HsSet::Key(other) != HsSet::Key(kPatterns));
  CHECK(HsSet::Load(path, other).status().code() == core::Code::kNotFound);
  CHECK(HsSet::Load(dir.File("missing.hs"), kPatterns).status().code() == core::Code::kNotFound);
}

TEST_CASE("a damaged cache file is refused, never used", "[classify][hyperscan]") {
  testing::TempDir dir;
  const std::string path = dir.File("set.hs");
  auto set = HsSet::Compile(kPatterns);
  REQUIRE(set.ok());
  REQUIRE((*set)->Save(path).ok());
  std::string bytes;
  {
    std::ifstream in(path, std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  auto write = [&](const std::string& b) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << b;
  };
  SECTION("cut short") {
    write(bytes.substr(0, bytes.size() / 2));
    CHECK(HsSet::Load(path, kPatterns).status().code() == core::Code::kNotFound);
  }
  SECTION("a byte of the database changed") {
    std::string bad = bytes;
    bad[bad.size() - 100] = static_cast<char>(bad[bad.size() - 100] ^ 0x5a);
    write(bad);
    CHECK(HsSet::Load(path, kPatterns).status().code() == core::Code::kNotFound);
  }
  SECTION("a refused id out of range") {
    std::string bad = bytes;
    size_t key_end = bad.find('\n', bad.find('\n') + 1);
    bad.insert(key_end + 1, "99");
    write(bad);
    CHECK(HsSet::Load(path, kPatterns).status().code() == core::Code::kNotFound);
  }
}

}  // namespace
}  // namespace turnaround::classify
