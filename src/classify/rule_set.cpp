#include "classify/rule_set.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <filesystem>
#include <optional>
#include <thread>

namespace turnaround::classify {

namespace {

// The case-sensitive set and the set of what Hyperscan refused; a DFA cache is
// shared by all threads. On overflow Match() falls back (see header).
constexpr int64_t kSetMaxMem = 64 << 20;
// Each shard's program and DFA cache (the shipped rules make 25 shards: at most
// 100 MB, and on 4,000 comments never seen the peak RSS of `turnaround classify`
// was the same 214 MB as with one set of 64 MB; tests/bench/README.md).
constexpr int64_t kShardMaxMem = 4 << 20;

std::string Where(const RuleSpec& r, int line) {
  return r.file + ":" + std::to_string(line) + ": rule " + r.id + ": ";
}

// Case-insensitivity is per rule, so it travels inside the pattern.
std::string WithFlags(const RuleSpec& r, const std::string& pattern) {
  return r.case_sensitive ? pattern : "(?i)" + pattern;
}

// True if p[i..] is a bounded repeat "{m,n}" or "{m,}" (a comma is what makes
// it a range); sets *len.
bool IsRange(const std::string& p, size_t i, size_t* len) {
  if (i >= p.size() || p[i] != '{') return false;
  size_t j = i + 1;
  bool digits = false, comma = false;
  for (; j < p.size() && p[j] != '}'; ++j) {
    if (p[j] == ',') comma = true;
    else if (p[j] >= '0' && p[j] <= '9') digits = true;
    else return false;
  }
  if (j >= p.size() || !digits || !comma) return false;
  *len = j + 1 - i;
  return true;
}

// What LoosenGaps does with a gap (".{0,40}", "[^.!?]{0,40}").
enum class GapMode { kCut, kUnbound };

// The shared walk of SetPattern and HsPattern: copies `p`, treating every
// bounded gap as `mode` says.
std::string LoosenGaps(const std::string& p, GapMode mode) {
  std::string out;
  int depth = 0;
  bool cut = false;  // dropping the rest of this top-level alternative
  for (size_t i = 0; i < p.size();) {
    char c = p[i];
    size_t len = 1;
    size_t range = 0;  // > 0: p[i..i+len+range) is a gap
    if (c == '\\') {
      len = std::min<size_t>(2, p.size() - i);
    } else if (c == '[') {  // character class: copied whole
      size_t j = i + 1;
      if (j < p.size() && p[j] == '^') ++j;
      if (j < p.size() && p[j] == ']') ++j;
      while (j < p.size() && p[j] != ']') j += p[j] == '\\' ? 2 : 1;
      len = std::min(j + 1, p.size()) - i;
      // "[^.!?]{0,40}" is a gap like ".{0,40}": its counted positions
      // multiply the set's DFA states just the same. Only from 0: "[?!]{3,}"
      // is the text itself, not a gap between two parts of it.
      if (p.compare(i + len, 3, "{0,") == 0) IsRange(p, i + len, &range);
    } else if (c == '(') {
      ++depth;
    } else if (c == ')') {
      --depth;
    } else if (c == '|' && depth == 0) {
      cut = false;
    } else if (c == '.') {
      IsRange(p, i + 1, &range);
    }
    if (range > 0 && mode == GapMode::kUnbound) {  // kUnbound never cuts
      out.append(p, i, len).append("*");
    } else if (range > 0) {
      if (depth == 0) {
        cut = true;
      } else if (!cut) {
        out += ".*";
      }
    } else if (!cut) {
      out.append(p, i, len);
    }
    i += len + range;
  }
  return out;
}

}  // namespace

// The pattern the one-pass set runs: a superset of `pattern` that keeps the
// set's DFA small. Bounded gaps (".{0,40}") multiply DFA states, because every
// position inside the gap is a separate state for every rule at once. So in each
// top-level alternative, everything from the first top-level gap on is dropped
// (the part before it must match wherever the whole does), and gaps inside
// groups become ".*". A set hit is only a candidate: the rule's exact RE2 confirms
// it and finds the span, so what matches is exactly what the rule file says.
std::string SetPattern(const std::string& p) { return LoosenGaps(p, GapMode::kCut); }

// Hyperscan compiles ahead of time, so an unbounded gap costs it little while a
// counted one costs minutes of compiling: its superset keeps both ends of every
// gap and only drops the count. Far fewer of its candidates fail confirmation
// than SetPattern's, and confirming a candidate that fails is where the time
// went on new text (an RE2 search of the whole comment).
std::string HsPattern(const std::string& p) { return LoosenGaps(p, GapMode::kUnbound); }

namespace {

// True if a set pattern run on ASCII-lower-cased text still needs (?i): it has
// an upper-case ASCII letter outside an escape, or a non-ASCII byte (accented
// letters are not lower-cased by the set's cheap folding).
bool NeedsFold(const std::string& p) {
  for (size_t i = 0; i < p.size(); ++i) {
    if (p[i] == '\\') { ++i; continue; }
    unsigned char c = static_cast<unsigned char>(p[i]);
    if (c >= 0x80 || (c >= 'A' && c <= 'Z')) return true;
  }
  return false;
}

// Processes that share a cache directory and start together (two instances
// after a deploy, the tests) would each compile the same database, 17-19 s of
// CPU and ~240 MB apiece, and write the same pattern list under one name. One
// compiles while holding this lock on "<database>.lock"; the others wait for it
// and then load its file. The holder removes the lock file once the database is
// in place, so that directory does not collect one per rules edit: whoever
// opens the name after that finds the database before asking for the lock.
// Without a lock (a directory it cannot create files in) it compiles anyway.
// With `cancelled`, the wait polls (LOCK_NB every 50 ms) so that a process
// being stopped need not wait out another's compile; cancelled() then tells.
class CompileLock {
 public:
  CompileLock(std::string path, const HsCancelled& cancelled) : path_(std::move(path)) {
    fd_ = ::open(path_.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd_ < 0) return;
    const int mode = cancelled ? LOCK_EX | LOCK_NB : LOCK_EX;
    while (::flock(fd_, mode) != 0) {
      const int error = errno;  // before cancelled() runs any code of its own
      if (error == EINTR) continue;
      if (error == EWOULDBLOCK && !cancelled()) {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        continue;
      }
      cancelled_ = error == EWOULDBLOCK;
      ::close(fd_);
      fd_ = -1;
      return;
    }
  }
  ~CompileLock() {
    if (fd_ < 0) return;
    if (remove_) ::unlink(path_.c_str());
    ::close(fd_);  // releases the lock
  }
  CompileLock(const CompileLock&) = delete;
  CompileLock& operator=(const CompileLock&) = delete;
  // Called once the database is saved: later callers load it without locking.
  void RemoveWhenDone() { remove_ = true; }
  bool cancelled() const { return cancelled_; }

 private:
  std::string path_;
  int fd_ = -1;
  bool remove_ = false;
  bool cancelled_ = false;
};

// Every rules edit leaves a database of some 15 MB behind: keep the newest few
// (instances sharing the directory may run different rules for a while) and
// remove the rest. A process killed while its child compiled leaves the
// pattern list it wrote for the child: removed once that process is gone.
// Best effort: a file another process removes first is fine.
void PruneCache(const std::string& dir, const std::string& keep) {
  constexpr size_t kKeep = 4;
  namespace fs = std::filesystem;
  std::error_code ec;
  std::vector<std::pair<fs::file_time_type, fs::path>> files;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (const long pid = HsSet::PatternListPid(name); pid > 0) {
      if (::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH) fs::remove(it->path(), ec);
      ec.clear();
      continue;
    }
    if (name.rfind("rules-", 0) != 0 || it->path().extension() != ".hs" || it->path() == fs::path(keep)) continue;
    std::error_code tec;
    auto t = fs::last_write_time(it->path(), tec);
    if (!tec) files.emplace_back(t, it->path());
  }
  if (files.size() < kKeep) return;
  std::sort(files.begin(), files.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  for (size_t i = kKeep - 1; i < files.size(); ++i) fs::remove(files[i].second, ec);
}

}  // namespace

RuleSet::RuleSet(Key, std::vector<RuleSpec> rules, RE2::Options opts)
    : rules_(std::move(rules)), cased_set_(opts, RE2::UNANCHORED), set_options_(opts) {}

core::Result<std::unique_ptr<RuleSet>> RuleSet::Compile(std::vector<RuleSpec> rules, bool run_examples) {
  RE2::Options opts;
  opts.set_encoding(RE2::Options::EncodingUTF8);
  opts.set_log_errors(false);
  opts.set_max_mem(kSetMaxMem);
  auto rs = std::make_unique<RuleSet>(Key{}, std::move(rules), opts);
  std::vector<std::string> errors;
  for (size_t i = 0; i < rs->rules_.size(); ++i) {
    const RuleSpec& r = rs->rules_[i];
    for (size_t j = 0; j < i; ++j) {
      if (rs->rules_[j].id == r.id) {
        errors.push_back(Where(r, r.line) + "duplicate rule id (first at " + rs->rules_[j].file + ":" +
                         std::to_string(rs->rules_[j].line) + ")");
      }
    }
    rs->rule_info_.push_back(std::make_shared<const model::RuleInfo>(
        model::RuleInfo{r.id, r.file, SignalName(r.signal), r.weight, r.category, r.urgent_reasons}));
    for (const Located& p : r.patterns) {
      std::string pattern = WithFlags(r, p.text);
      RE2::Options one = opts;
      one.set_max_mem(4 << 20);  // per-pattern DFA cache; gaps (".{0,40}") need room
      auto re = std::make_unique<RE2>(pattern, one);
      if (!re->ok()) {
        errors.push_back(Where(r, p.line) + "bad pattern '" + p.text + "': " + re->error());
        continue;
      }
      // Case-insensitive rules run in the shards over ASCII-lower-cased text (much
      // smaller DFA states than (?i) everywhere); case-sensitive ones in
      // cased_set_ over the text as written.
      std::string loose = SetPattern(p.text);
      if (!RE2(loose, one).ok()) loose = p.text;
      bool exact = loose == p.text;
      if (!r.case_sensitive && NeedsFold(loose)) loose = "(?i)" + loose;
      // Hyperscan's form needs no RE2 check: a counted gap turned into "*"
      // leaves a valid pattern valid (and Hyperscan refuses what it cannot run).
      std::string hs_loose = exact ? p.text : HsPattern(p.text);
      if (!r.case_sensitive && NeedsFold(hs_loose)) hs_loose = "(?i)" + hs_loose;
      std::string err;
      const size_t shard = rs->set_pattern_.size() / kShardSize;
      if (!r.case_sensitive && shard == rs->shards_.size()) {
        RE2::Options shard_opts = opts;
        shard_opts.set_max_mem(kShardMaxMem);
        rs->shards_.push_back(std::make_unique<RE2::Set>(shard_opts, RE2::UNANCHORED));
      }
      RE2::Set& set = r.case_sensitive ? rs->cased_set_ : *rs->shards_[shard];
      if (set.Add(loose, &err) < 0) {
        errors.push_back(Where(r, p.line) + "bad pattern '" + p.text + "': " + err);
        continue;
      }
      (r.case_sensitive ? rs->cased_pattern_ : rs->set_pattern_).push_back(static_cast<int>(rs->patterns_.size()));
      if (!r.case_sensitive) {
        rs->set_source_.push_back(loose);
        rs->hs_source_.push_back(hs_loose);
      }
      // The pattern as run on ASCII-lower-cased text (a smaller DFA than (?i)),
      // used to confirm set hits and find spans; offsets are the same bytes.
      std::unique_ptr<RE2> folded;
      if (!r.case_sensitive) {
        folded = std::make_unique<RE2>(NeedsFold(p.text) ? "(?i)" + p.text : p.text, one);
        if (!folded->ok()) folded.reset();
      }
      std::unique_ptr<WordList> words;
      if (folded) {
        // A bare list, or a pattern with groups that spells a short list
        // (\bstill (waiting|no(t|thing)?)\b): spans without RE2.
        words = WordList::Parse(p.text);
        if (!words) words = WordList::Parse(WordList::Expand(p.text));
      }
      rs->patterns_.push_back({i, std::move(re), std::move(folded), exact, std::move(words)});
    }
  }
  if (errors.empty()) {  // a refused rule set is not compiled, as before the shards
    bool compiled = rs->cased_pattern_.empty() || rs->cased_set_.Compile();
    for (const auto& shard : rs->shards_) compiled = compiled && shard->Compile();
    if (!compiled) errors.push_back("rules: the pattern set is too large to compile");
  }
  if (errors.empty() && run_examples) {
    for (size_t i = 0; i < rs->rules_.size(); ++i) {
      const RuleSpec& r = rs->rules_[i];
      for (const Located& ex : r.match_examples) {
        if (!rs->RuleMatches(i, ex.text)) {
          errors.push_back(Where(r, ex.line) + "example does not match: " + ex.text);
          continue;
        }
        // The one-pass set (loosened, lower-cased) must find it too.
        std::vector<model::RuleMatch> found;
        rs->Match(ex.text, &found, false);
        bool seen = false;
        for (const model::RuleMatch& m : found) seen |= m.rule_id() == r.id;
        if (!seen) errors.push_back(Where(r, ex.line) + "example matches alone but not in the rule set: " + ex.text);
      }
      for (const Located& ex : r.no_match_examples) {
        if (rs->RuleMatches(i, ex.text)) errors.push_back(Where(r, ex.line) + "no_match example matches: " + ex.text);
      }
    }
  }
  if (!errors.empty()) {
    std::string report;
    for (const std::string& e : errors) report += e + "\n";
    return core::InvalidArgument(report);
  }
  return rs;
}

bool RuleSet::RuleMatches(size_t rule, std::string_view text) const {
  for (const Pattern& p : patterns_) {
    if (p.rule == rule && RE2::PartialMatch(text, *p.re)) return true;
  }
  return false;
}

bool RuleSet::AppendMatch(size_t pattern, std::string_view text, std::string_view lower, bool spans,
                          Scratch* scratch, std::vector<model::RuleMatch>* out) const {
  const Pattern& p = patterns_[pattern];
  const RE2& re = p.folded ? *p.folded : *p.re;
  std::string_view input = p.folded ? lower : text;
  re2::StringPiece found;
  if (spans && p.words && !(scratch->fold_trap && p.words->folds())) {
    if (!scratch->runs_cut) {
      WordList::CutRuns(lower, scratch->runs);
      scratch->runs_cut = true;
    }
    const auto span = p.words->Find(lower, *scratch->runs);
    if (!span) return false;
    found = re2::StringPiece(lower.data() + span->first, span->second - span->first);
  } else if (spans) {
    if (!re.Match(input, 0, input.size(), RE2::UNANCHORED, &found, 1)) return false;  // only a candidate
  } else if (!p.exact_in_set && !re.Match(input, 0, input.size(), RE2::UNANCHORED, nullptr, 0)) {
    return false;
  } else {
    found = re2::StringPiece(input.data(), 0);
  }
  // Same offsets in text and lower; the reported span is the text as written.
  re2::StringPiece whole(text.data() + (found.data() - input.data()), found.size());
  model::RuleMatch& m = out->emplace_back(rule_info_[p.rule]);
  m.begin = static_cast<size_t>(whole.data() - text.data());
  m.end = m.begin + whole.size();
  m.matched.assign(whole.data(), whole.size());
  return true;
}

bool RuleSet::Match(std::string_view text, std::vector<model::RuleMatch>* out, bool spans) const {
  // Per-thread scratch; Match() is const and shared by every thread.
  thread_local std::vector<int> hits, set_hits;
  thread_local std::string lower;
  hits.clear();
  lower.assign(text.data(), text.size());
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + ('a' - 'A'));
  }
  bool failed = false;
  // probe_first: ask "any match?" before asking "which?". Set::Match with a
  // result vector allocates three buffers of the set's size on every call and
  // scans the whole text; without one it allocates nothing and stops at the
  // first match. Worth it for a set that rarely matches (the few case-sensitive
  // rules: shouting in capitals), not for the main set, which nearly always does.
  auto run = [&](const RE2::Set& set, const std::vector<int>& index, std::string_view input, bool probe_first) {
    if (index.empty()) return;
    RE2::Set::ErrorInfo info{RE2::Set::kNoError};
    if (probe_first && !set.Match(input, nullptr, &info)) {
      if (info.kind != RE2::Set::kNoError) failed = true;
      return;
    }
    set_hits.clear();
    if (!set.Match(input, &set_hits, &info) && info.kind != RE2::Set::kNoError) failed = true;
    for (int h : set_hits) hits.push_back(index[static_cast<size_t>(h)]);
  };
  if (!MainCandidates(lower, &hits)) failed = true;
  run(cased_set_, cased_pattern_, text, true);
  bool ok = true;
  if (failed) {
    // Not "no match": the DFA gave up. Try every pattern on its own.
    ok = false;
    hits.clear();
    for (size_t i = 0; i < patterns_.size(); ++i) {
      if (RE2::PartialMatch(text, *patterns_[i].re)) hits.push_back(static_cast<int>(i));
    }
  }
  std::sort(hits.begin(), hits.end());
  thread_local WordList::Runs runs;
  // Rare (a Kelvin sign or a long s): word lists with accented letters leave
  // such texts to RE2 (WordList::folds()).
  Scratch scratch{spans && WordList::HasFoldTrap(lower), false, &runs};
  out->reserve(out->size() + hits.size());
  size_t last_rule = static_cast<size_t>(-1);
  for (int h : hits) {
    size_t rule = patterns_[static_cast<size_t>(h)].rule;
    if (rule == last_rule) continue;  // one match per rule: its first pattern that matches
    if (AppendMatch(static_cast<size_t>(h), text, lower, spans, &scratch, out)) last_rule = rule;
  }
  return ok;
}

bool RuleSet::MainCandidates(std::string_view lower, std::vector<int>* hits) const {
  if (set_pattern_.empty()) return true;
  thread_local std::vector<int> ids;
  ids.clear();
  RE2::Set::ErrorInfo info{RE2::Set::kNoError};
  const Accel* accel = accel_.load(std::memory_order_acquire);
  if (accel && accel->hs->Scan(lower, &ids)) {
    if (accel->refused) {
      thread_local std::vector<int> more;
      more.clear();
      if (!accel->refused->Match(lower, &more, &info) && info.kind != RE2::Set::kNoError) return false;
      for (int k : more) ids.push_back(accel->refused_index[static_cast<size_t>(k)]);
    }
  } else {
    // Not accelerated, or Hyperscan could not scan (no scratch memory): the
    // RE2::Sets find the very same candidates.
    ids.clear();
    thread_local std::vector<int> in_shard;
    for (size_t s = 0; s < shards_.size(); ++s) {
      in_shard.clear();
      if (!shards_[s]->Match(lower, &in_shard, &info) && info.kind != RE2::Set::kNoError) return false;
      for (int k : in_shard) ids.push_back(static_cast<int>(s * kShardSize) + k);
    }
  }
  for (int k : ids) hits->push_back(set_pattern_[static_cast<size_t>(k)]);
  return true;
}

core::Result<AccelerateReport> RuleSet::Accelerate(const std::string& cache_dir, const HsCompiler& compiler,
                                                   const HsCancelled& cancelled) const {
  std::lock_guard<std::mutex> lock(accel_mu_);
  AccelerateReport report;
  if (accel_owner_ || set_source_.empty()) return report;
  const auto start = std::chrono::steady_clock::now();
  // RuleSet runs its shards over ASCII-lower-cased text, so only patterns that
  // still need (?i) (NeedsFold) are caseless, exactly as in the shards.
  std::vector<HsSet::Pattern> patterns;
  for (const std::string& p : hs_source_) {
    const bool caseless = p.rfind("(?i)", 0) == 0;
    patterns.push_back({caseless ? p.substr(4) : p, caseless});
  }
  std::string path;
  std::unique_ptr<HsSet> hs;
  if (!cache_dir.empty()) {
    path = (std::filesystem::path(cache_dir) / ("rules-" + HsSet::Key(patterns) + ".hs")).string();
    auto loaded = HsSet::Load(path, patterns);
    if (loaded.ok()) {
      hs = std::move(loaded).value();
      report.from_cache = true;
    }
  }
  // Whoever compiles writes the cache; a compiler elsewhere has nowhere else to put it.
  std::error_code dir_error;
  if (!hs && !path.empty()) std::filesystem::create_directories(cache_dir, dir_error);
  const core::Status no_dir =
      dir_error ? core::Internal("cannot create " + cache_dir + ": " + dir_error.message()) : core::Status::Ok();
  std::optional<CompileLock> compile_lock;
  if (!hs && !path.empty() && no_dir.ok()) {
    compile_lock.emplace(path + ".lock", cancelled);
    if (compile_lock->cancelled()) {
      return core::Status{core::Code::kUnavailable, "stopped while another process compiled this database (" + path + ")"};
    }
    // Another process may have compiled it while this one waited.
    auto loaded = HsSet::Load(path, patterns);
    if (loaded.ok()) {
      hs = std::move(loaded).value();
      report.from_cache = true;
    }
  }
  if (!hs && compiler && !path.empty()) {
    if (!no_dir.ok()) return no_dir;
    core::Status compiled = compiler(patterns, path);
    if (!compiled.ok()) return compiled;
    auto loaded = HsSet::Load(path, patterns);
    if (!loaded.ok()) return core::Internal("the compiled database does not load: " + loaded.status().message());
    hs = std::move(loaded).value();
    report.compiled_elsewhere = true;
    compile_lock->RemoveWhenDone();
    PruneCache(cache_dir, path);
  }
  if (!hs) {
    auto compiled = HsSet::Compile(patterns);
    if (!compiled.ok()) return compiled.status();
    hs = std::move(compiled).value();
    if (!path.empty()) {
      core::Status saved = no_dir.ok() ? hs->Save(path) : no_dir;
      if (!saved.ok()) report.cache_note = saved.message();
      if (saved.ok()) {
        if (compile_lock) compile_lock->RemoveWhenDone();
        PruneCache(cache_dir, path);
      }
    }
  }
  compile_lock.reset();
  if (path.empty()) report.cache_note = "no cache directory";
  auto accel = std::make_unique<Accel>();
  if (!hs->refused().empty()) {
    accel->refused = std::make_unique<RE2::Set>(set_options_, RE2::UNANCHORED);
    for (int k : hs->refused()) {
      if (accel->refused->Add(set_source_[static_cast<size_t>(k)], nullptr) < 0) {
        return core::Internal("rules: pattern " + std::to_string(k) + " no longer compiles");
      }
      accel->refused_index.push_back(k);
    }
    if (!accel->refused->Compile()) return core::Internal("rules: the patterns Hyperscan refused do not compile");
  }
  report.patterns = set_source_.size() - hs->refused().size();
  report.refused = hs->refused().size();
  accel->hs = std::move(hs);
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  accel_owner_ = std::move(accel);
  accel_.store(accel_owner_.get(), std::memory_order_release);
  return report;
}

int RuleSet::Find(std::string_view id) const {
  for (size_t i = 0; i < rules_.size(); ++i) {
    if (rules_[i].id == id) return static_cast<int>(i);
  }
  return -1;
}

}  // namespace turnaround::classify
