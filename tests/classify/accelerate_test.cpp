// Hyperscan in place of RE2::Set (RuleSet::Accelerate, Accelerator): the same
// matches and verdicts, and a cache that can only save time, never change them.
#include <catch2/catch.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <optional>
#include <thread>

#include <sys/wait.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "classify/accelerator.h"
#include "classify/classifier.h"
#include "classify/compile_text.h"
#include "classify/hs_set.h"
#include "classify/rule_set.h"
#include "classify/verdict_json.h"
#include "test_util.h"

namespace turnaround::classify {
namespace {

namespace fs = std::filesystem;

using testing::CompileText;
using turnaround::testing::RunCommand;

std::string Matches(const RuleSet& rs, const std::string& text, bool spans) {
  std::vector<model::RuleMatch> out;
  CHECK(rs.Match(text, &out, spans));
  std::string s;
  for (const model::RuleMatch& m : out) {
    s += m.rule_id() + "[" + std::to_string(m.begin) + "," + std::to_string(m.end) + ")" + m.matched + " ";
  }
  return s;
}

TEST_CASE("an accelerated rule set matches exactly what RE2 matched, refused patterns included",
          "[classify][hyperscan]") {
  // "bye" has an end anchor inside an alternation, which Hyperscan refuses:
  // it stays in a small RE2::Set. "gap" is loosened for the set (SetPattern).
  const char* rules =
      "rule: wait\nsignal: complaint\npattern: \\bstill (waiting|no (call|word))\\b\nmatch: still waiting\n"
      "rule: gap\nsignal: complaint\npattern: \\bbill\\w*\\b.{0,20}\\btwice\\b\nmatch: billed me twice\n"
      "rule: bye\nsignal: complaint\npattern: (saying goodbye$|farewell forever)\\b\nmatch: Saying goodbye\n"
      "rule: accent\nsignal: complaint\npattern: ni\xc3\xb1o\nmatch: NI\xc3\x91O\n"
      "rule: shout\nsignal: complaint\ncase: sensitive\npattern: \\bNOW\\b\nmatch: NOW\n";
  auto plain = CompileText(rules);
  auto fast = CompileText(rules);
  REQUIRE(plain != nullptr);
  REQUIRE(fast != nullptr);
  auto report = fast->Accelerate("");
  REQUIRE(report.ok());
  CHECK(fast->accelerated());
  CHECK_FALSE(plain->accelerated());
  CHECK(report->refused == 1);
  CHECK(report->patterns == 3);
  CHECK_FALSE(report->from_cache);
  const std::string texts[] = {
      "STILL WAITING for the bill, they billed me twice. Saying goodbye",
      "still no word. bill for the visit and then, much later, twice",
      "mi NI\xc3\x91O still waiting NOW",
      "saying goodbye then more text",
      "farewell forever!",
      "",
      "nothing here at all",
  };
  for (const std::string& t : texts) {
    INFO(t);
    CHECK(Matches(*fast, t, true) == Matches(*plain, t, true));
    CHECK(Matches(*fast, t, false) == Matches(*plain, t, false));
  }
  CHECK(Matches(*fast, texts[0], false) == "wait[0,0) gap[0,0) bye[0,0) ");
  // A second call changes nothing and returns at once.
  auto again = fast->Accelerate("");
  REQUIRE(again.ok());
  CHECK(again->patterns == 0);
}

// The blind holdouts' names, read from the one place they are listed
// (tests/classify/blind_sets.txt: a stem per line, '#' comments), so that a
// set added there is skipped here too.
std::vector<std::string> BlindSets() {
  std::ifstream in(TURNAROUND_SOURCE_DIR "/tests/classify/blind_sets.txt");
  REQUIRE(in.is_open());  // a moved or renamed list must not let blind verdicts print
  std::vector<std::string> names;
  for (std::string line; std::getline(in, line);) {
    line = line.substr(0, line.find('#'));
    const size_t begin = line.find_first_not_of(" \t\r"), end = line.find_last_not_of(" \t\r");
    if (begin != std::string::npos) names.push_back(line.substr(begin, end - begin + 1));
  }
  return names;
}

// Every labelled comment the project wrote, but the blind holdouts
// (fit_weights.BLIND), whose verdicts must not be printed even when this test
// fails.
std::vector<std::string> LabelledTexts() {
  const std::vector<std::string> blind = BlindSets();
  std::vector<std::string> texts;
  for (const auto& e : fs::directory_iterator(TURNAROUND_SOURCE_DIR "/tests/data/classify")) {
    const std::string stem = e.path().stem().string();
    if (e.path().extension() != ".jsonl" || std::find(blind.begin(), blind.end(), stem) != blind.end()) continue;
    std::ifstream in(e.path());
    for (std::string line; std::getline(in, line);) {
      auto row = nlohmann::json::parse(line, nullptr, false);
      if (row.is_object() && row.contains("text") && row["text"].is_string()) texts.push_back(row["text"]);
    }
  }
  return texts;
}

TEST_CASE("the shipped rules give byte-identical verdicts on Hyperscan and on RE2", "[classify][hyperscan]") {
  auto plain = Classifier::Load(TURNAROUND_SOURCE_DIR "/rules", {.run_examples = false});
  auto fast = Classifier::Load(TURNAROUND_SOURCE_DIR "/rules", {.run_examples = false});
  REQUIRE(plain.ok());
  REQUIRE(fast.ok());
  auto summary = (*fast)->Accelerate(TURNAROUND_HS_CACHE);
  REQUIRE(summary.ok());
  REQUIRE((*fast)->accelerated());
  const std::vector<std::string> texts = LabelledTexts();
  REQUIRE(texts.size() > 5000);
  // Every comment in the normal build; under a sanitizer every 16th (about 1,100), enough to
  // drive the Hyperscan scan, the scratch pool and the RE2 confirmations through real rules.
  const size_t stride = turnaround::testing::kSanitized ? 16 : 1;
  size_t differ = 0;
  for (size_t i = 0; i < texts.size(); i += stride) {
    const std::string& t = texts[i];
    const std::string a = VerdictJsonText((*plain)->Classify(t));
    const std::string b = VerdictJsonText((*fast)->Classify(t));
    if (a != b && ++differ <= 5) {
      INFO(t);
      CHECK(b == a);
    }
  }
  CHECK(differ == 0);
}

// Small rules for the Accelerator tests: compiled in well under a second.
std::string SmallRules(const turnaround::testing::TempDir& dir) {
  fs::create_directories(dir.File("rules"));
  std::ofstream(dir.File("rules/t.rules"))
      << "rule: wait\nsignal: complaint\npattern: \\bstill waiting\\b\nmatch: still waiting\n"
         "rule: gap\nsignal: complaint\npattern: \\bbill\\w*\\b.{0,20}\\btwice\\b\nmatch: billed me twice\n";
  std::ofstream(dir.File("rules/sentiment.lexicon")) << "awful -3\n";
  return dir.File("rules");
}

TEST_CASE("the accelerator compiles once per rule set, then loads from its cache", "[classify][hyperscan]") {
  turnaround::testing::TempDir dir;
  const std::string cache = dir.File("cache");  // created by the first compile
  std::vector<std::string> log;
  std::mutex log_mu;
  const std::string rules = SmallRules(dir);
  auto first = Classifier::Load(rules);
  auto second = Classifier::Load(rules);
  REQUIRE(first.ok());
  REQUIRE(second.ok());
  {
    Accelerator accel(cache, [&](const std::string& line) {
      std::lock_guard<std::mutex> lock(log_mu);
      log.push_back(line);
    });
    accel.Submit(*first);
    accel.WaitIdle();
    CHECK((*first)->accelerated());
    CHECK_FALSE((*second)->accelerated());
    accel.Submit(*second);
    accel.WaitIdle();
    CHECK((*second)->accelerated());
  }
  REQUIRE(log.size() == 2);
  CHECK(log[0].find("compiled") != std::string::npos);
  CHECK(log[1].find("loaded from the cache") != std::string::npos);
  size_t files = 0;
  for (const auto& e : fs::directory_iterator(cache)) files += e.path().extension() == ".hs";
  CHECK(files == 1);
  CHECK((*second)->Classify("still waiting, they billed me twice").flagged() ==
        (*first)->Classify("still waiting, they billed me twice").flagged());

  SECTION("a damaged cache file means compiling again") {
    for (const auto& e : fs::directory_iterator(cache)) std::ofstream(e.path(), std::ios::trunc) << "garbage";
    auto third = Classifier::Load(rules);
    REQUIRE(third.ok());
    auto summary = (*third)->Accelerate(cache);
    REQUIRE(summary.ok());
    CHECK_FALSE(summary->from_cache);
    CHECK(summary->Summary().find("compiled in") != std::string::npos);
    CHECK((*third)->accelerated());
  }
  SECTION("a cache directory that cannot be written is noted, and the rules are still accelerated") {
    std::ofstream(dir.File("not-a-dir")) << "x";
    auto third = Classifier::Load(rules);
    REQUIRE(third.ok());
    auto summary = (*third)->Accelerate(dir.File("not-a-dir/cache"));
    REQUIRE(summary.ok());
    CHECK(summary->cache_note.rfind("cannot create", 0) == 0);
    CHECK(summary->Summary().find("(cache: cannot create") != std::string::npos);
    CHECK((*third)->accelerated());
  }
}

TEST_CASE("with a compile command the database is compiled by `turnaround rules hs-compile` in a child process",
          "[classify][hyperscan]") {
  turnaround::testing::TempDir dir;
  const std::string rules = SmallRules(dir);
  const std::string cache = dir.File("cache");
  auto plain = Classifier::Load(rules);
  auto first = Classifier::Load(rules);
  auto second = Classifier::Load(rules);
  REQUIRE((plain.ok() && first.ok() && second.ok()));
  std::vector<std::string> log;
  std::mutex log_mu;
  {
    Accelerator accel(
        cache,
        [&](const std::string& line) {
          std::lock_guard<std::mutex> lock(log_mu);
          log.push_back(line);
        },
        {TURNAROUND_BINARY, "rules", "hs-compile"});
    accel.Submit(*first);
    accel.WaitIdle();
    accel.Submit(*second);
    accel.WaitIdle();
  }
  REQUIRE(log.size() == 2);
  CHECK(log[0].find("compiled in a child process") != std::string::npos);
  CHECK(log[1].find("loaded from the cache") != std::string::npos);
  CHECK((*first)->accelerated());
  CHECK((*second)->accelerated());
  for (const char* t : {"still waiting, they billed me twice", "nothing to see", "STILL WAITING"}) {
    INFO(t);
    CHECK(VerdictJsonText((*first)->Classify(t)) == VerdictJsonText((*plain)->Classify(t)));
  }
  size_t databases = 0, others = 0;
  for (const auto& e : fs::directory_iterator(cache)) (e.path().extension() == ".hs" ? databases : others)++;
  CHECK(databases == 1);
  CHECK(others == 0);  // the pattern list handed to the child is gone
}

TEST_CASE("`turnaround rules hs-compile` writes a database that loads for its patterns, and refuses bad input",
          "[classify][hyperscan]") {
  turnaround::testing::TempDir dir;
  const std::vector<HsSet::Pattern> patterns = {{"\\bstill waiting\\b", false}, {"caf\\x{e9}", true}};
  std::ofstream(dir.File("p.json")) << HsSet::PatternsToJson(patterns);
  std::ofstream(dir.File("bad.json")) << "[{\"regex\": 5}]";
  const std::string bin = TURNAROUND_BINARY;
  int status = 0;
  std::string out = RunCommand(bin + " rules hs-compile " + dir.File("p.json") + " " + dir.File("db.hs") + " 2>&1", &status);
  CHECK(status == 0);
  CHECK(out.empty());
  auto loaded = HsSet::Load(dir.File("db.hs"), patterns);
  REQUIRE(loaded.ok());
  std::vector<int> ids;
  CHECK((*loaded)->Scan("still waiting at the CAF\xc3\x89", &ids));
  CHECK(ids.size() == 2);

  out = RunCommand(bin + " rules hs-compile " + dir.File("bad.json") + " " + dir.File("bad.hs") + " 2>&1", &status);
  CHECK(status != 0);
  CHECK(out.find("bad.json: patterns: entry 0 is not") != std::string::npos);
  out = RunCommand(bin + " rules hs-compile " + dir.File("missing.json") + " " + dir.File("bad.hs") + " 2>&1", &status);
  CHECK(status != 0);
  CHECK(out.find("cannot read") != std::string::npos);
  CHECK_FALSE(fs::exists(dir.File("bad.hs")));
  out = RunCommand(bin + " rules hs-compile " + dir.File("p.json") + " 2>&1", &status);
  CHECK(status != 0);
  CHECK(out.find("usage: turnaround rules") != std::string::npos);
}

TEST_CASE("a compile command that fails leaves the classifier on RE2, never compiling in process",
          "[classify][hyperscan]") {
  turnaround::testing::TempDir dir;
  auto c = Classifier::Load(SmallRules(dir));
  REQUIRE(c.ok());
  std::vector<std::string> log;
  {
    Accelerator accel(dir.File("cache"), [&](const std::string& line) { log.push_back(line); }, {"/bin/false"});
    accel.Submit(*c);
    accel.WaitIdle();
  }
  REQUIRE(log.size() == 1);
  CHECK(log[0].find("staying on RE2: compiling in a child process (/bin/false): child process exited with status 1") !=
        std::string::npos);
  CHECK_FALSE((*c)->accelerated());
  CHECK(VerdictJsonText((*c)->Classify("still waiting")).find("\"wait\"") != std::string::npos);  // RE2 still matches
}

TEST_CASE("stopping the accelerator stops its compiling child at once", "[classify][hyperscan]") {
  turnaround::testing::TempDir dir;
  auto c = Classifier::Load(SmallRules(dir));
  REQUIRE(c.ok());
  const std::string cache = dir.File("cache");
  std::vector<std::string> log;
  std::mutex log_mu;
  // A "compiler" that would take a minute.
  std::optional<Accelerator> accel;
  accel.emplace(
      cache,
      [&](const std::string& line) {
        std::lock_guard<std::mutex> lock(log_mu);
        log.push_back(line);
      },
      std::vector<std::string>{"/bin/sh", "-c", "exec sleep 60"});
  accel->Submit(*c);
  // The pattern list is written just before the child starts.
  for (int i = 0; i < 500; ++i) {
    bool listed = false;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(cache, ec)) listed |= e.path().extension() == ".json";
    if (listed) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  const auto start = std::chrono::steady_clock::now();
  accel.reset();
  const auto stopping = std::chrono::steady_clock::now() - start;
  CHECK(stopping < std::chrono::seconds(30));
  REQUIRE(log.size() == 1);
  CHECK(log[0].find("staying on RE2") != std::string::npos);
  CHECK(log[0].find("ended by signal 15") != std::string::npos);
  CHECK_FALSE((*c)->accelerated());
}

// Two rule sets compiled from one text stand for two processes that load the
// same rules: the same database, the same lock file in one cache directory.
struct TwoProcesses {
  TwoProcesses() {
    const char* text = "rule: wait\nsignal: complaint\npattern: \\bstill waiting\\b\nmatch: still waiting\n";
    a = CompileText(text);
    b = CompileText(text);
    REQUIRE(a != nullptr);
    REQUIRE(b != nullptr);
  }
  turnaround::testing::TempDir dir;
  std::string cache = dir.File("cache");
  std::unique_ptr<RuleSet> a, b;
};

// What the child process of `rules hs-compile` does, here in the test's own
// process, for the test compilers that first wait or count.
core::Status CompileInProcess(const std::vector<HsSet::Pattern>& patterns, const std::string& path) {
  auto hs = HsSet::Compile(patterns);
  if (!hs.ok()) return hs.status();
  return (*hs)->Save(path);
}

TEST_CASE("processes sharing a cache directory compile a database once: the others wait and load it",
          "[classify][hyperscan]") {
  // Two RuleSets stand for two processes: the lock is a flock on a file, which
  // two open() calls exclude even within one process.
  TwoProcesses two;
  const std::string& cache = two.cache;
  RuleSet* a = two.a.get();
  RuleSet* b = two.b.get();
  std::atomic<int> compiles{0};
  // A slow compiler, so that both arrive while the database is missing.
  HsCompiler slow = [&](const std::vector<HsSet::Pattern>& patterns, const std::string& path) {
    ++compiles;
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    return CompileInProcess(patterns, path);
  };
  std::optional<core::Result<AccelerateReport>> ra, rb;
  std::thread ta([&] { ra.emplace(a->Accelerate(cache, slow)); });
  std::thread tb([&] { rb.emplace(b->Accelerate(cache, slow)); });
  ta.join();
  tb.join();
  REQUIRE(ra->ok());
  REQUIRE(rb->ok());
  CHECK(compiles == 1);
  CHECK((*ra)->from_cache != (*rb)->from_cache);  // one compiled, the other loaded its file
  CHECK(a->accelerated());
  CHECK(b->accelerated());
  std::vector<std::string> left;
  for (const auto& e : fs::directory_iterator(cache)) left.push_back(e.path().filename().string());
  REQUIRE(left.size() == 1);  // the database only: no lock file, no pattern list
  CHECK(fs::path(left[0]).extension() == ".hs");
}

TEST_CASE("a process being stopped gives up waiting for another process's compile", "[classify][hyperscan]") {
  // `a` holds the compile lock (its compiler waits for `release`); `b` waits on
  // the lock until its cancel hook says stop, and must return long before `a`'s
  // compile ends, still on RE2. A blocking flock would keep `b` there until then.
  TwoProcesses two;
  const std::string& cache = two.cache;
  RuleSet* a = two.a.get();
  RuleSet* b = two.b.get();
  std::atomic<bool> compiling{false}, release{false}, stop_b{false};
  HsCompiler held = [&](const std::vector<HsSet::Pattern>& patterns, const std::string& path) {
    compiling = true;
    while (!release) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    return CompileInProcess(patterns, path);
  };
  std::optional<core::Result<AccelerateReport>> ra, rb;
  std::thread ta([&] { ra.emplace(a->Accelerate(cache, held)); });
  while (!compiling) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  std::atomic<bool> b_done{false};
  std::thread tb([&] {
    rb.emplace(b->Accelerate(cache, held, [&] { return stop_b.load(); }));
    b_done = true;
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  CHECK_FALSE(b_done);  // waiting for the lock, not compiling a second time
  stop_b = true;
  for (int i = 0; i < 400 && !b_done; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  CHECK(b_done);  // returned while `a` still holds the lock
  release = true;
  ta.join();
  tb.join();
  REQUIRE(ra->ok());
  REQUIRE_FALSE(rb->ok());
  CHECK(rb->status().code() == core::Code::kUnavailable);
  CHECK(rb->status().message().find("stopped while another process compiled") != std::string::npos);
  CHECK(a->accelerated());
  CHECK_FALSE(b->accelerated());
  // Once `a` is done, a new attempt by `b` loads its database.
  auto again = b->Accelerate(cache);
  REQUIRE(again.ok());
  CHECK(again->from_cache);
}

TEST_CASE("the cache keeps the newest few databases and removes older ones", "[classify][hyperscan]") {
  turnaround::testing::TempDir dir;
  const std::string cache = dir.File("cache");
  fs::create_directories(cache);
  const auto now = fs::file_time_type::clock::now();
  for (int i = 0; i < 6; ++i) {
    const std::string old = cache + "/rules-old" + std::to_string(i) + ".hs";
    std::ofstream(old) << "stale";
    fs::last_write_time(old, now - std::chrono::hours(24 * (i + 1)));
  }
  std::ofstream(cache + "/notes.txt") << "not ours";
  auto rs = CompileText("rule: wait\nsignal: complaint\npattern: \\bstill waiting\\b\nmatch: still waiting\n");
  REQUIRE(rs != nullptr);
  auto report = rs->Accelerate(cache);
  REQUIRE(report.ok());
  CHECK(report->cache_note.empty());
  std::vector<std::string> left;
  for (const auto& e : fs::directory_iterator(cache)) left.push_back(e.path().filename().string());
  std::sort(left.begin(), left.end());
  REQUIRE(left.size() == 5);  // the new database, the three newest old ones, notes.txt
  CHECK(left[0] == "notes.txt");
  CHECK(left[1].size() == std::string("rules-.hs").size() + 64);  // hex SHA-256 key
  CHECK(left[2] == "rules-old0.hs");
  CHECK(left[3] == "rules-old1.hs");
  CHECK(left[4] == "rules-old2.hs");
}

TEST_CASE("the cache drops pattern lists left by a process that is gone", "[classify][hyperscan]") {
  turnaround::testing::TempDir dir;
  const std::string cache = dir.File("cache");
  fs::create_directories(cache);
  // A pid that is certainly gone: a child that has exited and been reaped.
  const pid_t gone = ::fork();
  REQUIRE(gone >= 0);
  if (gone == 0) ::_exit(0);
  REQUIRE(::waitpid(gone, nullptr, 0) == gone);
  const std::string dead = "rules-abc.hs.patterns." + std::to_string(gone) + ".json";
  const std::string live = "rules-abc.hs.patterns." + std::to_string(::getpid()) + ".json";
  const std::string other = "rules-abc.hs.patterns.notapid.json";
  for (const std::string& name : {dead, live, other}) std::ofstream(cache + "/" + name) << "[]";
  auto rs = CompileText("rule: wait\nsignal: complaint\npattern: \\bstill waiting\\b\nmatch: still waiting\n");
  REQUIRE(rs != nullptr);
  REQUIRE(rs->Accelerate(cache).ok());
  CHECK_FALSE(fs::exists(cache + "/" + dead));
  CHECK(fs::exists(cache + "/" + live));   // its process may still be compiling
  CHECK(fs::exists(cache + "/" + other));  // not a name this project writes
}

}  // namespace
}  // namespace turnaround::classify
