#include "store/rules_generation.h"

namespace turnaround::store {

core::Result<RulesGeneration> RulesGenerationStore::Current() {
  auto lease = pool_->Acquire();
  if (!lease.ok()) return lease.status();
  auto row = lease->conn().QueryRow(
      "SELECT generation, rules_version, actor, at_ms FROM rules_generation WHERE id = 1");
  if (!row.ok()) return row.status();
  RulesGeneration g;
  if (!row->has_value()) return g;
  const sql::Row& r = **row;
  g.generation = r.Int(0);
  g.rules_version = r.Text(1);
  g.actor = r.Text(2);
  g.at_ms = r.Int(3);
  return g;
}

core::Result<std::int64_t> RulesGenerationStore::Bump(const std::string& rules_version,
                                                      const std::string& actor, std::int64_t at_ms) {
  auto lease = pool_->Acquire();
  if (!lease.ok()) return lease.status();
  // An upsert is one statement on both engines: no read-then-write race
  // between instances, and no row to create at migration time (an empty
  // store stays empty for migrate-store).
  auto row = lease->conn().QueryRow(
      "INSERT INTO rules_generation(id, generation, rules_version, actor, at_ms) VALUES (1, 1, ?, ?, ?) "
      "ON CONFLICT (id) DO UPDATE SET generation = rules_generation.generation + 1, "
      "rules_version = excluded.rules_version, actor = excluded.actor, at_ms = excluded.at_ms "
      "RETURNING generation",
      {rules_version, actor, at_ms});
  if (!row.ok()) return row.status();
  if (!row->has_value()) return core::Internal("rules generation upsert returned no row");
  return (*row)->Int(0);
}

}  // namespace turnaround::store
