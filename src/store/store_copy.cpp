#include "store/store_copy.h"

#include <algorithm>
#include <filesystem>
#include <memory>

#include "store/event_log.h"
#include "store/sql/open.h"
#include "store/sql/placeholders.h"
#include "store/store_tables.h"

namespace turnaround::store {
namespace {

// Parameters per multi-row INSERT: well under SQLite's limit (32,766) and
// PostgreSQL's (65,535), and large enough that a batch costs one round trip
// for hundreds of rows instead of one each.
constexpr std::size_t kParamsPerInsert = 4000;

struct TablePlan {
  std::string name;
  std::vector<ColumnInfo> columns;  // the target's, in the source's order
  std::string select;               // every column, in primary-key order
};

bool SameFile(const std::string& a, const std::string& b) {
  std::error_code ec;
  if (std::filesystem::equivalent(a, b, ec)) return true;
  return std::filesystem::weakly_canonical(a, ec) == std::filesystem::weakly_canonical(b, ec);
}

core::Status CheckUrls(const std::string& from_url, const std::string& to_url) {
  auto from = sql::DialectOf(from_url);
  if (!from.ok() || *from != sql::Dialect::kSqlite) {
    return core::InvalidArgument("the source must be sqlite:PATH, not '" + sql::ShownUrl(from_url) + "'");
  }
  const std::string from_path = sql::SqlitePathOf(from_url);
  std::error_code ec;
  if (!std::filesystem::is_regular_file(from_path, ec)) {
    return core::InvalidArgument("the source " + from_path + " is not an existing SQLite database file");
  }
  auto to = sql::DialectOf(to_url);
  if (!to.ok()) {
    return core::InvalidArgument("the target must be postgresql://... or sqlite:PATH, not '" + sql::ShownUrl(to_url) + "'");
  }
  if (*to == sql::Dialect::kSqlite && SameFile(from_path, sql::SqlitePathOf(to_url))) {
    return core::InvalidArgument("the source and the target are the same database (" + from_path + ")");
  }
  return core::Status::Ok();
}

core::Result<std::unique_ptr<sql::Connection>> Open(const std::string& url, const char* side) {
  auto conn = sql::OpenConnection(url);
  if (!conn.ok()) return core::Status(conn.status().code(), std::string(side) + ": " + conn.status().message());
  return conn;
}

// Every table of the schema must have a copy rule, and every rule a table.
core::Status CheckTables(sql::Connection& conn, const char* side) {
  auto tables = ListTables(conn);
  if (!tables.ok()) return tables.status();
  const auto& order = CopyOrder();
  for (const std::string& t : *tables) {
    if (std::find(order.begin(), order.end(), t) == order.end()) {
      return core::Internal("table '" + t + "' of the " + side +
                            " has no copy rule: add it to CopyOrder() in src/store/store_copy.cpp");
    }
  }
  for (const std::string& t : order) {
    if (std::find(tables->begin(), tables->end(), t) == tables->end()) {
      return core::Internal("the " + std::string(side) + " has no table '" + t + "' (CopyOrder() names it)");
    }
  }
  return core::Status::Ok();
}

std::string Names(const std::vector<ColumnInfo>& columns) {
  std::string out;
  for (const ColumnInfo& c : columns) out += (out.empty() ? "" : ", ") + c.name;
  return out;
}

core::Result<TablePlan> PlanTable(sql::Connection& from, sql::Connection& to, const std::string& table) {
  auto source = ListColumns(from, table);
  if (!source.ok()) return source.status();
  auto target = ListColumns(to, table);
  if (!target.ok()) return target.status();
  if (Names(*source) != Names(*target)) {
    return core::Internal("table '" + table + "' has columns (" + Names(*source) + ") in the source but (" +
                          Names(*target) + ") in the target");
  }
  std::string key;
  for (const ColumnInfo& c : *source) {
    if (c.primary_key) key += (key.empty() ? "" : ", ") + QuoteIdentifier(c.name);
  }
  if (key.empty()) return core::Internal("table '" + table + "' has no primary key to copy it in order");
  std::string list;
  for (const ColumnInfo& c : *source) list += (list.empty() ? "" : ", ") + QuoteIdentifier(c.name);
  return TablePlan{table, std::move(target).value(),
                   "SELECT " + list + " FROM " + QuoteIdentifier(table) + " ORDER BY " + key};
}

core::Result<std::vector<TablePlan>> Plan(sql::Connection& from, sql::Connection& to) {
  TA_RETURN_IF_ERROR(CheckTables(from, "source"));
  TA_RETURN_IF_ERROR(CheckTables(to, "target"));
  std::vector<TablePlan> plan;
  for (const std::string& table : CopyOrder()) {
    auto t = PlanTable(from, to, table);
    if (!t.ok()) return t.status();
    plan.push_back(std::move(t).value());
  }
  return plan;
}

core::Result<std::int64_t> CountRows(sql::Connection& conn, const std::string& table) {
  auto row = conn.QueryRow("SELECT count(*) FROM " + QuoteIdentifier(table));
  if (!row.ok()) return row.status();
  return (*row)->Int(0);
}

core::Status CheckEmpty(sql::Connection& to, const std::vector<TablePlan>& plan) {
  for (const TablePlan& t : plan) {
    auto row = to.QueryRow("SELECT 1 FROM " + QuoteIdentifier(t.name) + " LIMIT 1");
    if (!row.ok()) return row.status();
    if (row->has_value()) {
      return core::Conflict("the target is not empty (table '" + t.name +
                            "' has rows): migrate-store copies into an empty store only");
    }
  }
  return core::Status::Ok();
}

std::string InsertSql(const TablePlan& t, std::size_t rows) {
  std::string sql = "INSERT INTO " + QuoteIdentifier(t.name) + " (";
  for (std::size_t c = 0; c < t.columns.size(); ++c) sql += (c == 0 ? "" : ", ") + QuoteIdentifier(t.columns[c].name);
  return sql + ") VALUES " + sql::Tuples(t.columns.size(), rows);
}

// SQLite lets a BLOB column hold text; PostgreSQL would read text bound to
// BYTEA as its escape format, so bytes go as bytes.
sql::Value ForTarget(const sql::Value& v, const ColumnInfo& column) {
  if (column.blob && v.type() == sql::Value::Type::kText) return sql::Blob{v.AsText()};
  return v;
}

core::Result<std::int64_t> CopyTable(sql::Connection& from, sql::Connection& to, const TablePlan& t) {
  const std::size_t width = t.columns.size();
  const std::size_t batch_rows = std::max<std::size_t>(1, kParamsPerInsert / width);
  sql::Params batch;
  std::int64_t copied = 0;
  auto flush = [&]() -> core::Status {
    const std::size_t rows = batch.size() / width;
    if (rows == 0) return core::Status::Ok();
    auto n = to.Exec(InsertSql(t, rows), batch);
    if (!n.ok() || *n != static_cast<std::int64_t>(rows)) {
      return core::Internal("copying table '" + t.name + "' after " + std::to_string(copied) + " rows: " +
                            (n.ok() ? "a batch inserted " + std::to_string(*n) + " rows of " + std::to_string(rows)
                                    : n.status().message()));
    }
    copied += *n;
    batch.clear();
    return core::Status::Ok();
  };
  TA_RETURN_IF_ERROR(from.QueryEach(t.select, {}, [&](const sql::Row& row) -> core::Status {
    for (std::size_t c = 0; c < width; ++c) batch.push_back(ForTarget(row[c], t.columns[c]));
    return batch.size() >= batch_rows * width ? flush() : core::Status::Ok();
  }));
  TA_RETURN_IF_ERROR(flush());
  return copied;
}

// Copied ids bypass the identity sequences; without this the next insert on
// PostgreSQL would be given id 1 and collide.
core::Status ContinueSequences(sql::Connection& to, const TablePlan& t) {
  if (to.dialect() != sql::Dialect::kPostgres) return core::Status::Ok();
  for (const ColumnInfo& c : t.columns) {
    if (!c.identity) continue;
    const std::string column = QuoteIdentifier(c.name);
    TA_RETURN_IF_ERROR(to.Query("SELECT setval(pg_get_serial_sequence(?, ?), MAX(" + column + ")) FROM " +
                                    QuoteIdentifier(t.name) + " HAVING MAX(" + column + ") IS NOT NULL",
                                {t.name, c.name})
                           .status());
  }
  return core::Status::Ok();
}

core::Status CopyTables(sql::Connection& from, sql::Connection& to, const std::vector<TablePlan>& plan,
                        StoreCopyReport* report) {
  *report = StoreCopyReport();
  for (const TablePlan& t : plan) {
    auto expected = CountRows(from, t.name);
    if (!expected.ok()) return expected.status();
    auto rows = CopyTable(from, to, t);
    if (!rows.ok()) return rows.status();
    if (*rows != *expected) {
      return core::Internal("table '" + t.name + "': read " + std::to_string(*rows) + " rows of the source's " +
                            std::to_string(*expected));
    }
    TA_RETURN_IF_ERROR(ContinueSequences(to, t));
    report->tables.push_back({t.name, *rows});
    report->rows += *rows;
  }
  return core::Status::Ok();
}

core::Result<StoreCopyReport> CopyAll(sql::Connection& from, sql::Connection& to,
                                      const std::vector<TablePlan>& plan) {
  TA_RETURN_IF_ERROR(from.Begin());
  StoreCopyReport report;
  core::Status s = sql::InTransaction(to, [&] { return CopyTables(from, to, plan, &report); }, /*attempts=*/1);
  (void)from.Rollback();  // the source was only read
  if (!s.ok()) return s;
  return report;
}

core::Status VerifyCounts(sql::Connection& to, const StoreCopyReport& report) {
  for (const TableCopy& t : report.tables) {
    auto n = CountRows(to, t.table);
    if (!n.ok()) return n.status();
    if (*n != t.rows) {
      return core::Internal("table '" + t.table + "': the target holds " + std::to_string(*n) +
                            " rows, the source " + std::to_string(t.rows));
    }
  }
  return core::Status::Ok();
}

core::Result<std::int64_t> VerifyCopiedChain(sql::Connection& from, sql::Connection& to) {
  auto target = VerifyChain(to);
  if (!target.ok()) return target.status();
  if (target->first_broken_id == 0) return target->events;
  auto source = VerifyChain(from);
  const bool inherited = source.ok() && source->first_broken_id == target->first_broken_id;
  return core::Internal("the audit chain on the target is broken at event " +
                        std::to_string(target->first_broken_id) + ": " + target->problem +
                        (inherited ? " (so is the source's, at the same event: the copy is faithful)"
                                   : " (the source's is not)"));
}

}  // namespace

const std::vector<std::string>& CopyOrder() {
  static const std::vector<std::string> kOrder = {
      "deliveries", "comments", "comment_history", "items",  "replies",          "outbox",
      "users",      "tokens",   "sessions",        "events", "rules_generation",
  };
  return kOrder;
}

core::Result<StoreCopyReport> CopyStore(const std::string& from_url, const std::string& to_url) {
  TA_RETURN_IF_ERROR(CheckUrls(from_url, to_url));
  auto from = Open(from_url, "source");
  if (!from.ok()) return from.status();
  auto to = Open(to_url, "target");
  if (!to.ok()) return to.status();
  auto plan = Plan(**from, **to);
  if (!plan.ok()) return plan.status();
  TA_RETURN_IF_ERROR(CheckEmpty(**to, *plan));
  auto report = CopyAll(**from, **to, *plan);
  if (!report.ok()) return report.status();
  TA_RETURN_IF_ERROR(VerifyCounts(**to, *report));
  auto events = VerifyCopiedChain(**from, **to);
  if (!events.ok()) return events.status();
  report->events = *events;
  // A bulk load leaves PostgreSQL without statistics until autovacuum gets
  // to it; the instances' first plans (kept by their prepared statements)
  // would otherwise be made for empty tables.
  if ((*to)->dialect() == sql::Dialect::kPostgres) TA_RETURN_IF_ERROR((*to)->ExecScript("ANALYZE"));
  return report;
}

}  // namespace turnaround::store
