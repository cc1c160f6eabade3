#include "store/event_log.h"

#include <SQLiteCpp/Statement.h>

#include <nlohmann/json.hpp>

#include "core/digest.h"

namespace turnaround::store {
namespace {
const std::string kGenesis(64, '0');
}

std::string EventHash(const model::Event& e) {
  // A JSON array is an unambiguous encoding of the fields.
  nlohmann::json fields = {e.id, e.at_ms, e.actor, e.kind, e.item_id, e.comment_id, e.details,
                           e.prev_hash};
  return core::Sha256Hex(fields.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

EventAppender::EventAppender(SQLite::Database& db)
    : db_(db),
      last_(db, "SELECT id, hash FROM events ORDER BY id DESC LIMIT 1"),
      insert_(db,
              "INSERT INTO events(id, at_ms, actor, kind, item_id, comment_id, details, "
              "prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?)") {}

void EventAppender::Begin() {
  last_.reset();
  if (last_.executeStep()) {
    head_ = {last_.getColumn(0).getInt64(), last_.getColumn(1).getString()};
  } else {
    head_ = {0, kGenesis};
  }
  last_.reset();
}

model::Event EventAppender::Append(model::Event e) {
  e.id = head_.id + 1;
  e.prev_hash = head_.hash;
  e.hash = EventHash(e);
  insert_.reset();
  insert_.bind(1, e.id);
  insert_.bind(2, e.at_ms);
  insert_.bind(3, e.actor);
  insert_.bind(4, e.kind);
  insert_.bind(5, e.item_id);
  insert_.bind(6, e.comment_id);
  insert_.bind(7, e.details);
  insert_.bind(8, e.prev_hash);
  insert_.bind(9, e.hash);
  insert_.exec();
  head_ = {e.id, e.hash};
  return e;
}

model::Event AppendEvent(SQLite::Database& db, model::Event e) {
  EventAppender appender(db);
  appender.Begin();
  return appender.Append(std::move(e));
}

const char* const kSelectEvents =
    "SELECT id, at_ms, actor, kind, item_id, comment_id, details, prev_hash, hash FROM events ";

model::Event ReadEventRow(SQLite::Statement& st) {
  model::Event e;
  e.id = st.getColumn(0).getInt64();
  e.at_ms = st.getColumn(1).getInt64();
  e.actor = st.getColumn(2).getString();
  e.kind = st.getColumn(3).getString();
  e.item_id = st.getColumn(4).getInt64();
  e.comment_id = st.getColumn(5).getInt64();
  e.details = st.getColumn(6).getString();
  e.prev_hash = st.getColumn(7).getString();
  e.hash = st.getColumn(8).getString();
  return e;
}

core::Result<ChainReport> VerifyChain(SQLite::Database& db) {
  ChainReport report;
  try {
    SQLite::Statement st(db, std::string(kSelectEvents) + "ORDER BY id");
    std::string prev = kGenesis;
    std::int64_t expected_id = 1;
    while (st.executeStep()) {
      model::Event e = ReadEventRow(st);
      ++report.events;
      std::string problem;
      if (e.id != expected_id) {
        problem = "event " + std::to_string(expected_id) + " is missing";
      } else if (e.prev_hash != prev) {
        problem = "prev_hash does not match the hash of the event before it";
      } else if (EventHash(e) != e.hash) {
        problem = "content does not match its hash (edited)";
      }
      if (!problem.empty()) {
        report.first_broken_id = e.id;
        report.problem = problem;
        return report;
      }
      prev = e.hash;
      expected_id = e.id + 1;
    }
  } catch (const SQLite::Exception& ex) {
    return core::Internal(std::string("reading the audit log failed: ") + ex.what());
  }
  return report;
}

}  // namespace turnaround::store
