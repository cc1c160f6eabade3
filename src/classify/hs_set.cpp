#include "classify/hs_set.h"

#include <hs/hs.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <sstream>

#include <unistd.h>

#include <nlohmann/json.hpp>

#include "core/digest.h"

namespace turnaround::classify {

namespace {

// Every pattern reports once per scan (RuleSet asks "which patterns match",
// not "where"), in UTF-8 like RE2, and may match the empty string as RE2 does.
unsigned Flags(const HsSet::Pattern& p) {
  return HS_FLAG_SINGLEMATCH | HS_FLAG_UTF8 | HS_FLAG_ALLOWEMPTY | (p.caseless ? HS_FLAG_CASELESS : 0u);
}

// A cache file: this magic line, the key line, the refused ids line, then the
// serialized database.
constexpr std::string_view kMagic = "turnaround-hs-set 1\n";

int OnMatch(unsigned int id, unsigned long long, unsigned long long, unsigned int, void* ctx) {
  static_cast<std::vector<int>*>(ctx)->push_back(static_cast<int>(id));
  return 0;  // keep scanning: every matching pattern is wanted
}

// A pattern list's name: "<database path>" kListMid "<pid>" kListEnd.
constexpr std::string_view kListMid = ".patterns.", kListEnd = ".json";

}  // namespace

std::string HsSet::PatternListPath(const std::string& database_path, long pid) {
  return database_path + std::string(kListMid) + std::to_string(pid) + std::string(kListEnd);
}

long HsSet::PatternListPid(std::string_view name) {
  const std::string_view db_end = ".hs";
  const size_t mid = name.rfind(kListMid);
  if (name.substr(0, 6) != "rules-" || mid == std::string_view::npos || mid < db_end.size() ||
      name.substr(mid - db_end.size(), db_end.size()) != db_end || name.size() < mid + kListMid.size() + kListEnd.size() ||
      name.substr(name.size() - kListEnd.size()) != kListEnd) {
    return 0;
  }
  const std::string_view digits = name.substr(mid + kListMid.size(), name.size() - kListEnd.size() - mid - kListMid.size());
  if (digits.empty() || digits.size() > 9 || digits.find_first_not_of("0123456789") != std::string_view::npos) return 0;
  return std::stol(std::string(digits));
}

HsSet::HsSet(hs_database* db, std::vector<int> refused, std::string key)
    : db_(db), refused_(std::move(refused)), key_(std::move(key)) {}

HsSet::~HsSet() {
  for (hs_scratch_t* s : pool_) hs_free_scratch(s);
  hs_free_database(db_);
}

std::string HsSet::Key(const std::vector<Pattern>& patterns) {
  std::string all = hs_version();
  for (const Pattern& p : patterns) {
    all += '\n';
    all += std::to_string(Flags(p));
    all += ' ';
    all += p.regex;
  }
  return core::Sha256Hex(all);
}

std::string HsSet::PatternsToJson(const std::vector<Pattern>& patterns) {
  nlohmann::json out = nlohmann::json::array();
  for (const Pattern& p : patterns) out.push_back({{"regex", p.regex}, {"caseless", p.caseless}});
  return out.dump();
}

core::Result<std::vector<HsSet::Pattern>> HsSet::PatternsFromJson(std::string_view json) {
  auto doc = nlohmann::json::parse(json, nullptr, /*allow_exceptions=*/false);
  if (!doc.is_array()) return core::InvalidArgument("patterns: expected a JSON array");
  std::vector<Pattern> patterns;
  for (size_t i = 0; i < doc.size(); ++i) {
    const nlohmann::json& p = doc[i];
    if (!p.is_object() || !p.contains("regex") || !p["regex"].is_string() ||
        (p.contains("caseless") && !p["caseless"].is_boolean())) {
      return core::InvalidArgument("patterns: entry " + std::to_string(i) +
                                   " is not {\"regex\": string, \"caseless\": boolean}");
    }
    patterns.push_back({p["regex"].get<std::string>(), p.value("caseless", false)});
  }
  return patterns;
}

core::Result<std::unique_ptr<HsSet>> HsSet::Compile(const std::vector<Pattern>& patterns) {
  std::vector<int> live(patterns.size());
  for (size_t i = 0; i < live.size(); ++i) live[i] = static_cast<int>(i);
  std::vector<int> refused;
  for (;;) {
    if (live.empty()) return core::Internal("hyperscan: no pattern could be compiled");
    std::vector<const char*> exprs;
    std::vector<unsigned> flags, ids;
    for (int i : live) {
      exprs.push_back(patterns[static_cast<size_t>(i)].regex.c_str());
      flags.push_back(Flags(patterns[static_cast<size_t>(i)]));
      ids.push_back(static_cast<unsigned>(i));
    }
    hs_database_t* db = nullptr;
    hs_compile_error_t* err = nullptr;
    if (hs_compile_multi(exprs.data(), flags.data(), ids.data(), static_cast<unsigned>(exprs.size()), HS_MODE_BLOCK,
                         nullptr, &db, &err) == HS_SUCCESS) {
      std::sort(refused.begin(), refused.end());
      return std::unique_ptr<HsSet>(new HsSet(db, std::move(refused), Key(patterns)));
    }
    const int bad = err->expression;
    std::string message = err->message;
    hs_free_compile_error(err);
    // A negative index is a failure of the whole set (memory, platform):
    // nothing to leave out.
    if (bad < 0 || static_cast<size_t>(bad) >= live.size()) return core::Internal("hyperscan: " + message);
    refused.push_back(live[static_cast<size_t>(bad)]);
    live.erase(live.begin() + bad);
  }
}

core::Result<std::unique_ptr<HsSet>> HsSet::Load(const std::string& path, const std::vector<Pattern>& patterns) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return core::NotFound("no cache file " + path);
  std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const std::string key = Key(patterns);
  const std::string head = std::string(kMagic) + key + "\n";
  if (data.compare(0, head.size(), head) != 0) return core::NotFound("cache file " + path + " is for other rules");
  size_t eol = data.find('\n', head.size());
  if (eol == std::string::npos) return core::NotFound("cache file " + path + " is truncated");
  std::vector<int> refused;
  std::istringstream ids(data.substr(head.size(), eol - head.size()));
  for (int id; ids >> id;) {
    if (id < 0 || static_cast<size_t>(id) >= patterns.size()) return core::NotFound("cache file " + path + " is corrupt");
    refused.push_back(id);
  }
  hs_database_t* db = nullptr;
  // hs_deserialize_database checks the bytes (a CRC and the platform).
  if (hs_deserialize_database(data.data() + eol + 1, data.size() - eol - 1, &db) != HS_SUCCESS) {
    return core::NotFound("cache file " + path + " does not load");
  }
  return std::unique_ptr<HsSet>(new HsSet(db, std::move(refused), key));
}

core::Status HsSet::Save(const std::string& path) const {
  char* bytes = nullptr;
  size_t length = 0;
  if (hs_serialize_database(db_, &bytes, &length) != HS_SUCCESS) return core::Internal("hyperscan: cannot serialize");
  std::string head = std::string(kMagic) + key_ + "\n";
  for (size_t i = 0; i < refused_.size(); ++i) {
    if (i > 0) head += ' ';
    head += std::to_string(refused_[i]);
  }
  head += "\n";
  // Two processes may compile the same rules at once (two instances, tests):
  // each writes its own temporary file, and either rename is a whole file.
  static std::atomic<unsigned> counter{0};
  const std::string tmp = path + ".tmp." + std::to_string(::getpid()) + "." + std::to_string(counter.fetch_add(1));
  bool ok = false;
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out.write(head.data(), static_cast<std::streamsize>(head.size()));
    out.write(bytes, static_cast<std::streamsize>(length));
    out.flush();
    ok = static_cast<bool>(out);
  }
  std::free(bytes);
  if (!ok || std::rename(tmp.c_str(), path.c_str()) != 0) {
    std::remove(tmp.c_str());
    return core::Internal("cannot write cache file " + path);
  }
  return core::Status::Ok();
}

size_t HsSet::database_bytes() const {
  size_t n = 0;
  hs_database_size(db_, &n);
  return n;
}

bool HsSet::Scan(std::string_view text, std::vector<int>* ids) const {
  // A scratch (600 KB for the shipped rules) is borrowed from the pool for one
  // scan: one per thread would cost the server's 256 handler threads 150 MB,
  // while only as many scans as run at once need one. hs_alloc_scratch costs
  // far more than a scan, so scratches are kept and reused, never per call.
  hs_scratch_t* scratch = nullptr;
  {
    std::lock_guard<std::mutex> lock(pool_mu_);
    if (!pool_.empty()) {
      scratch = pool_.back();
      pool_.pop_back();
    }
  }
  if (scratch == nullptr && hs_alloc_scratch(db_, &scratch) != HS_SUCCESS) return false;
  const bool ok =
      hs_scan(db_, text.data(), static_cast<unsigned>(text.size()), 0, scratch, OnMatch, ids) == HS_SUCCESS;
  std::lock_guard<std::mutex> lock(pool_mu_);
  pool_.push_back(scratch);
  return ok;
}

std::string AccelerateReport::Summary() const {
  char line[256];
  std::snprintf(line, sizeof line, "hyperscan: %zu patterns %s in %.1f s, %zu left to RE2", patterns,
                from_cache           ? "loaded from the cache"
                : compiled_elsewhere ? "compiled in a child process"
                                     : "compiled",
                seconds, refused);
  std::string summary = line;
  if (!cache_note.empty()) summary += " (cache: " + cache_note + ")";
  return summary;
}

}  // namespace turnaround::classify
