// The append-only audit log with a SHA-256 hash chain.
//
// Invariant: event N's prev_hash is event N-1's hash (the first event's is 64
// zeros), and its hash is SHA-256 over its own id, time, actor, kind, ids,
// details and prev_hash. Editing or deleting any event therefore breaks the
// chain at or right after it. Appends go through sql/audit.h, which keeps the
// chain one chain with many writers on either engine.
#pragma once

#include <SQLiteCpp/Database.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/json_writer.h"
#include "core/status.h"
#include "model/item.h"
#include "store/sql/connection.h"
#include "store/sql/value.h"

namespace turnaround::store {

// The event columns as a SELECT prefix (ends with "FROM events "), and the
// reader for a row selected with it.
extern const char* const kSelectEvents;
model::Event ReadEventRow(const sql::Row& row);

// The hash an event should carry.
std::string EventHash(const model::Event& e);

// An event's details object written directly, for the writer's per-comment
// events: the same bytes nlohmann::json would give for the same object (no
// spaces, keys in ascending order, which the caller keeps by adding them in
// that order) without building a tree of allocations per event.
class EventDetails {
 public:
  EventDetails() { w_.BeginObject(); }
  EventDetails& Int(std::string_view key, std::int64_t value);
  EventDetails& Bool(std::string_view key, bool value);
  EventDetails& Str(std::string_view key, std::string_view value);
  EventDetails& StrList(std::string_view key, const std::vector<std::string>& values);
  std::string Take();  // the closed object; the builder is spent

 private:
  core::JsonWriter w_;
};

struct ChainReport {
  std::int64_t events = 0;
  std::int64_t first_broken_id = 0;  // 0 when the chain is intact
  std::string problem;
};

// Walks the whole chain in id order, streaming (a cursor on PostgreSQL), on
// either engine. Errors are the connection's (connection.h).
core::Result<ChainReport> VerifyChain(sql::Connection& conn);
// The same over a SQLite database the caller opened (CLI, maintenance).
core::Result<ChainReport> VerifyChain(SQLite::Database& db);

}  // namespace turnaround::store
