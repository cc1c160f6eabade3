// RulesGenerationStore: the one row (rules_generation) that tells every
// instance sharing a store that the rules were reloaded somewhere (issue #9).
// A successful reload bumps the generation; each instance polls it and
// reloads its own rules directory when it moves past what it last loaded
// (app/rules_sync.h). Runs on either engine. Thread-safe (a lease per call).
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "core/status.h"
#include "store/sql/connection.h"

namespace turnaround::store {

struct RulesGeneration {
  std::int64_t generation = 0;  // 0: no reload recorded yet
  std::string rules_version;    // what the reloading instance loaded ("" at 0)
  std::string actor;
  std::int64_t at_ms = 0;
};

class RulesGenerationStore {
 public:
  explicit RulesGenerationStore(std::shared_ptr<sql::Pool> pool) : pool_(std::move(pool)) {}

  // The current generation; a zero generation when none was ever recorded.
  // Errors are the connection's (sql/connection.h).
  core::Result<RulesGeneration> Current();

  // Records a successful reload in one atomic statement and returns the new
  // generation (the previous one plus one, 1 for the first). Two instances
  // bumping at once get different generations.
  core::Result<std::int64_t> Bump(const std::string& rules_version, const std::string& actor,
                                  std::int64_t at_ms);

 private:
  std::shared_ptr<sql::Pool> pool_;
};

}  // namespace turnaround::store
