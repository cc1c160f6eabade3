#include "store/event_log.h"

#include <charconv>

#include "core/digest.h"
#include "core/json_string.h"
#include "store/sql/sqlite_connection.h"

namespace turnaround::store {
namespace {
const std::string kGenesis(64, '0');

void AppendInt(std::string& out, std::int64_t v) {
  char buf[24];
  const auto res = std::to_chars(buf, buf + sizeof buf, v);
  out.append(buf, res.ptr);
}
}  // namespace

std::string EventHash(const model::Event& e) {
  // A JSON array is an unambiguous encoding of the fields; it is written here
  // byte for byte as nlohmann::json dumps {id, at_ms, actor, kind, item_id,
  // comment_id, details, prev_hash}, which is what every stored hash covers.
  std::string fields;
  fields.reserve(e.actor.size() + e.kind.size() + e.details.size() + e.prev_hash.size() + 128);
  auto num = [&fields](std::int64_t v, char after) {
    AppendInt(fields, v);
    fields += after;
  };
  auto str = [&fields](const std::string& v, char after) {
    core::AppendJsonString(fields, v);
    fields += after;
  };
  fields += '[';
  num(e.id, ',');
  num(e.at_ms, ',');
  str(e.actor, ',');
  str(e.kind, ',');
  num(e.item_id, ',');
  num(e.comment_id, ',');
  str(e.details, ',');
  str(e.prev_hash, ']');
  return core::Sha256Hex(fields);
}

EventDetails& EventDetails::Int(std::string_view key, std::int64_t value) {
  w_.Key(key).Int(value);
  return *this;
}

EventDetails& EventDetails::Bool(std::string_view key, bool value) {
  w_.Key(key).Bool(value);
  return *this;
}

EventDetails& EventDetails::Str(std::string_view key, std::string_view value) {
  w_.Key(key).String(value);
  return *this;
}

EventDetails& EventDetails::StrList(std::string_view key, const std::vector<std::string>& values) {
  w_.Key(key).BeginArray();
  for (const std::string& v : values) w_.String(v);
  w_.EndArray();
  return *this;
}

std::string EventDetails::Take() {
  w_.EndObject();
  return w_.Take();
}

const char* const kSelectEvents =
    "SELECT id, at_ms, actor, kind, item_id, comment_id, details, prev_hash, hash FROM events ";

model::Event ReadEventRow(const sql::Row& row) {
  return {row.Int(0),  row.Int(1),  row.Text(2), row.Text(3), row.Int(4),
          row.Int(5),  row.Text(6), row.Text(7), row.Text(8)};
}

core::Result<ChainReport> VerifyChain(sql::Connection& conn) {
  ChainReport report;
  std::string prev = kGenesis;
  std::int64_t expected_id = 1;
  // A problem ends the walk through this status; first_broken_id tells it
  // from a real error.
  const core::Status found = core::Internal("chain broken");
  core::Status s = conn.QueryEach(std::string(kSelectEvents) + "ORDER BY id", {}, [&](const sql::Row& row) {
    model::Event e = ReadEventRow(row);
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
      return found;
    }
    prev = e.hash;
    expected_id = e.id + 1;
    return core::Status::Ok();
  });
  if (!s.ok() && report.first_broken_id == 0) {
    return core::Status(s.code(), "reading the audit log failed: " + s.message());
  }
  return report;
}

core::Result<ChainReport> VerifyChain(SQLite::Database& db) {
  sql::SqliteConnection conn(db);
  return VerifyChain(conn);
}

}  // namespace turnaround::store
