// Appending to the hash-chained audit log (store/event_log.h) through the
// SQL layer, on either engine.
#pragma once

#include "core/status.h"
#include "model/item.h"
#include "store/sql/connection.h"

namespace turnaround::store::sql {

// Appends `event` (id, prev_hash and hash filled in, as AppendEvent in
// event_log.h does) inside the caller's open transaction and returns it.
// The chain stays one chain under concurrent writers: on SQLite the write
// transaction (BEGIN IMMEDIATE) already serializes them; on PostgreSQL this
// first takes a transaction-scoped advisory lock that every appender, in
// every instance, takes, and only then reads the head (READ COMMITTED reads
// the head its predecessor committed).
core::Result<model::Event> AppendEvent(Connection& conn, model::Event event);

}  // namespace turnaround::store::sql
