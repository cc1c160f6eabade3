// HsSet: a set of regular expressions compiled into one Hyperscan database,
// scanned in one pass. RuleSet uses it in place of RE2::Set once it is built,
// because Hyperscan compiles its automaton ahead of time: RE2::Set builds DFA
// states lazily, so text it has not seen before (every real comment) costs
// about 100x more than text it has (README "Text the rules have never seen").
//
// Compiling the shipped rules takes seconds, so a compiled database can be
// saved to a cache file and loaded back (Load/Save); a cache file is only a
// cache: a missing, stale or corrupt one means "compile".
//
// Thread behaviour: immutable after Compile()/Load(); Scan() is const and safe
// from many threads (each scan borrows a Hyperscan scratch from a pool that
// grows to the number of scans that ever ran at once).
#pragma once

#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

struct hs_database;
struct hs_scratch;

namespace turnaround::classify {

class HsSet {
 public:
  struct Pattern {
    std::string regex;     // Hyperscan (PCRE) syntax; RE2's syntax for what RuleSet writes
    bool caseless = false;  // HS_FLAG_CASELESS
  };

  // Compiles `patterns`; entry i reports id i. Patterns Hyperscan refuses
  // (an end anchor inside an alternation, a pattern too large) are left out
  // and listed in refused() in ascending order, so the caller can run them
  // another way. Fails only if nothing can be compiled at all (Internal).
  static core::Result<std::unique_ptr<HsSet>> Compile(const std::vector<Pattern>& patterns);

  // Loads the database that Save() wrote for exactly these patterns and this
  // Hyperscan version from `path`. NotFound when there is no such file, it was
  // written for other patterns, or it does not read back whole: compile then.
  static core::Result<std::unique_ptr<HsSet>> Load(const std::string& path, const std::vector<Pattern>& patterns);

  // Writes the database to `path` (via a temporary file and a rename, so a
  // reader never sees half a file). Errors: the file system's.
  core::Status Save(const std::string& path) const;

  // The cache key of `patterns` for this Hyperscan version (hex SHA-256):
  // a cache file named after it cannot be used with other rules.
  static std::string Key(const std::vector<Pattern>& patterns);

  // The patterns as one JSON array of {"regex", "caseless"}: how a compile in
  // another process (`turnaround rules hs-compile`) is told exactly what to
  // compile, so that what it saves has the key of these very patterns.
  static std::string PatternsToJson(const std::vector<Pattern>& patterns);
  // The inverse. InvalidArgument naming what is wrong for anything else.
  static core::Result<std::vector<Pattern>> PatternsFromJson(std::string_view json);
  // Where process `pid` writes that list for a child compiling the database
  // at `database_path`: "<database_path>.patterns.<pid>.json", named per
  // process so that two processes never write one list.
  static std::string PatternListPath(const std::string& database_path, long pid);
  // The pid in such a list's file name ("rules-<key>.hs.patterns.<pid>.json"),
  // or 0 if `file_name` is not one: how a cache prune finds lists left behind.
  static long PatternListPid(std::string_view file_name);

  ~HsSet();
  HsSet(const HsSet&) = delete;  // owns the database
  HsSet& operator=(const HsSet&) = delete;

  // Appends to *ids the id of every pattern that matches somewhere in `text`
  // (each once, in the order Hyperscan reports them). False only if Hyperscan
  // could not scan (out of memory for scratch); *ids is then incomplete.
  bool Scan(std::string_view text, std::vector<int>* ids) const;

  const std::vector<int>& refused() const { return refused_; }
  size_t database_bytes() const;

 private:
  HsSet(hs_database* db, std::vector<int> refused, std::string key);

  hs_database* db_;
  std::vector<int> refused_;
  std::string key_;
  mutable std::mutex pool_mu_;
  mutable std::vector<hs_scratch*> pool_;  // free scratches for db_, guarded by pool_mu_
};

// Compiles `patterns` somewhere else (another process) and saves the database
// to `path` as HsSet::Save does; RuleSet::Accelerate then loads it from there.
using HsCompiler = std::function<core::Status(const std::vector<HsSet::Pattern>& patterns, const std::string& path)>;

// Asked while Accelerate waits for another process's compile of the same
// database: true = give up waiting (the caller is stopping).
using HsCancelled = std::function<bool()>;

// What switching a rule set to Hyperscan did (RuleSet::Accelerate), for the
// log and the benchmark.
struct AccelerateReport {
  bool from_cache = false;          // loaded from cache_dir, not compiled
  bool compiled_elsewhere = false;  // by the HsCompiler, then loaded from cache_dir
  double seconds = 0;               // compiling or loading
  size_t patterns = 0;              // in the Hyperscan database
  size_t refused = 0;               // Hyperscan refused them: they stay in a small RE2::Set
  std::string cache_note;           // why the cache was not used or written; empty if it was

  // One line for the log, e.g. "hyperscan: 1420 patterns loaded from the
  // cache in 0.4 s, 3 left to RE2".
  std::string Summary() const;
};

}  // namespace turnaround::classify
