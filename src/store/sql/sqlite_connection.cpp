#include "store/sql/sqlite_connection.h"

#include <sqlite3.h>

#include <SQLiteCpp/Exception.h>

#include <mutex>
#include <unordered_map>

namespace turnaround::store::sql {
namespace {

// SQLite's codes to ours (connection.h): only a unique or primary-key
// violation is kConflict, so that callers can rely on it meaning "exists".
core::Status FromException(const SQLite::Exception& e, const char* what, std::string_view sql) {
  const int extended = e.getExtendedErrorCode();
  core::Code code = core::Code::kInternal;
  if (extended == SQLITE_CONSTRAINT_UNIQUE || extended == SQLITE_CONSTRAINT_PRIMARYKEY) {
    code = core::Code::kConflict;
  } else if (e.getErrorCode() == SQLITE_BUSY || e.getErrorCode() == SQLITE_LOCKED) {
    code = core::Code::kUnavailable;
  }
  return core::Status(code, std::string(what) + " failed: " + e.what() + " [" +
                                std::string(sql.substr(0, 80)) + "]");
}

// Text and blobs are bound without a copy (SQLITE_STATIC): `params` outlives
// every step of the statement, and ResetOnExit clears the bindings before the
// call returns.
void Bind(SQLite::Statement& st, const Params& params) {
  for (std::size_t i = 0; i < params.size(); ++i) {
    const int index = static_cast<int>(i) + 1;
    const Value& v = params[i];
    switch (v.type()) {
      case Value::Type::kNull: st.bind(index); break;
      case Value::Type::kInt: st.bind(index, static_cast<int64_t>(v.AsInt())); break;
      case Value::Type::kReal: st.bind(index, v.AsReal()); break;
      case Value::Type::kText: st.bindNoCopy(index, v.StoredBytes()); break;
      case Value::Type::kBlob: {
        const std::string& bytes = v.StoredBytes();
        st.bindNoCopy(index, bytes.data(), static_cast<int>(bytes.size()));
        break;
      }
    }
  }
}

Row ReadRow(SQLite::Statement& st) {
  std::vector<Value> values;
  const int n = st.getColumnCount();
  values.reserve(static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) {
    SQLite::Column c = st.getColumn(i);
    switch (c.getType()) {
      case SQLITE_INTEGER: values.emplace_back(static_cast<std::int64_t>(c.getInt64())); break;
      case SQLITE_FLOAT: values.emplace_back(c.getDouble()); break;
      case SQLITE_BLOB:
        values.emplace_back(Blob{std::string(static_cast<const char*>(c.getBlob()),
                                             static_cast<std::size_t>(c.getBytes()))});
        break;
      case SQLITE_TEXT: values.emplace_back(c.getString()); break;
      default: values.emplace_back(); break;
    }
  }
  return Row(std::move(values));
}

// Resets the statement however the step loop ends, so that no read lock
// outlives the call, and drops the bindings, which point into the caller's
// parameters (see Bind).
struct ResetOnExit {
  SQLite::Statement& st;
  ~ResetOnExit() {
    (void)st.tryReset();
    try {
      st.clearBindings();  // sqlite3_clear_bindings always returns SQLITE_OK
    } catch (const SQLite::Exception&) {
    }
  }
};

core::Status BusyError() {
  return core::Internal("connection used from inside its own QueryEach callback");
}

}  // namespace

SqliteConnection::SqliteConnection(std::unique_ptr<SQLite::Database> db)
    : owned_(std::move(db)), db_(*owned_) {}

SqliteConnection::SqliteConnection(SQLite::Database& db) : db_(db) {}

// Statements are finalized (cache_) before an owned database closes (owned_),
// by member order.
SqliteConnection::~SqliteConnection() {
  if (in_tx_) (void)Rollback();
}

SQLite::Statement& SqliteConnection::Prepare(std::string_view sql, const Params& params) {
  auto it = cache_.find(sql);
  if (it == cache_.end()) {
    it = cache_.emplace(std::string(sql), std::make_unique<SQLite::Statement>(db_, std::string(sql))).first;
  }
  SQLite::Statement& st = *it->second;
  // SQLite would bind NULL to a parameter left out; PostgreSQL refuses. Refuse on both.
  if (static_cast<std::size_t>(st.getBindParameterCount()) != params.size()) {
    throw SQLite::Exception("the statement takes " + std::to_string(st.getBindParameterCount()) +
                            " parameters, " + std::to_string(params.size()) + " given");
  }
  st.reset();
  st.clearBindings();
  Bind(st, params);
  return st;
}

core::Result<std::int64_t> SqliteConnection::Exec(std::string_view sql, const Params& params) {
  if (busy_) return BusyError();
  try {
    SQLite::Statement& st = Prepare(sql, params);
    ResetOnExit reset{st};
    const int before = db_.getTotalChanges();
    while (st.executeStep()) {
    }
    return static_cast<std::int64_t>(db_.getTotalChanges() - before);
  } catch (const SQLite::Exception& e) {
    return FromException(e, "statement", sql);
  }
}

core::Result<std::int64_t> SqliteConnection::InsertReturningId(std::string_view insert_sql, const Params& params,
                                                               std::string_view id_column) {
  if (id_column != "id") return Connection::InsertReturningId(insert_sql, params, id_column);
  auto changed = Exec(insert_sql, params);
  if (!changed.ok()) return changed.status();
  // total_changes also counts rows written by triggers, which fire only when
  // the INSERT itself wrote a row; last_insert_rowid is the outer INSERT's.
  if (*changed == 0) return core::Conflict("nothing inserted: the row already exists");
  return static_cast<std::int64_t>(db_.getLastInsertRowid());
}

core::Result<std::vector<Row>> SqliteConnection::Query(std::string_view sql, const Params& params) {
  std::vector<Row> rows;
  core::Status s = QueryEach(sql, params, [&](const Row& row) {
    rows.push_back(row);
    return core::Status::Ok();
  });
  if (!s.ok()) return s;
  return rows;
}

core::Status SqliteConnection::QueryEach(std::string_view sql, const Params& params,
                                         const std::function<core::Status(const Row&)>& on_row) {
  if (busy_) return BusyError();
  try {
    SQLite::Statement& st = Prepare(sql, params);
    ResetOnExit reset{st};
    busy_ = true;
    struct Unbusy {
      bool& b;
      ~Unbusy() { b = false; }
    } unbusy{busy_};
    while (st.executeStep()) {
      TA_RETURN_IF_ERROR(on_row(ReadRow(st)));
    }
    return core::Status::Ok();
  } catch (const SQLite::Exception& e) {
    return FromException(e, "query", sql);
  }
}

core::Status SqliteConnection::ExecScript(std::string_view sql) {
  if (busy_) return BusyError();
  try {
    db_.exec(std::string(sql));
    return core::Status::Ok();
  } catch (const SQLite::Exception& e) {
    return FromException(e, "script", sql);
  }
}

core::Status SqliteConnection::Begin() {
  if (in_tx_) return core::Internal("Begin inside a transaction (transactions do not nest)");
  TA_RETURN_IF_ERROR(ExecScript("BEGIN IMMEDIATE"));
  in_tx_ = true;
  return core::Status::Ok();
}

core::Status SqliteConnection::BeginRead() {
  if (in_tx_) return core::Internal("BeginRead inside a transaction (transactions do not nest)");
  TA_RETURN_IF_ERROR(ExecScript("BEGIN DEFERRED"));
  in_tx_ = true;
  return core::Status::Ok();
}

core::Status SqliteConnection::Commit() {
  if (!in_tx_) return core::Internal("Commit outside a transaction");
  core::Status s = ExecScript("COMMIT");
  // A failed COMMIT (SQLITE_BUSY) leaves the transaction open; the caller rolls back.
  if (s.ok()) in_tx_ = false;
  return s;
}

core::Status SqliteConnection::Rollback() {
  if (!in_tx_) return core::Status::Ok();
  in_tx_ = false;
  core::Status s = ExecScript("ROLLBACK");
  // SQLite may already have rolled back by itself (e.g. after SQLITE_FULL).
  if (!s.ok() && db_.getHandle() != nullptr && sqlite3_get_autocommit(db_.getHandle()) != 0) {
    return core::Status::Ok();
  }
  return s;
}

namespace {

class SqliteLeasePool : public Pool, public std::enable_shared_from_this<SqliteLeasePool> {
 public:
  explicit SqliteLeasePool(std::shared_ptr<ConnectionPool> pool) : pool_(std::move(pool)) {}

  Dialect dialect() const override { return Dialect::kSqlite; }

  core::Result<Lease> Acquire() override {
    auto lease = pool_->Acquire();
    if (!lease.ok()) return lease.status();
    SqliteConnection* conn = nullptr;
    {
      std::lock_guard<std::mutex> lock(mu_);
      auto& slot = wrappers_[&lease->db()];
      if (!slot) slot = std::make_unique<SqliteConnection>(lease->db());
      conn = slot.get();
    }
    return Lease(std::make_unique<Holder>(shared_from_this(), std::move(lease).value(), *conn));
  }

 private:
  // Keeps the pool (and so the wrapper) alive while leased; a transaction
  // left open is rolled back before the connection goes back.
  class Holder : public Lease::Holder {
   public:
    Holder(std::shared_ptr<SqliteLeasePool> owner, ConnectionPool::Lease lease, SqliteConnection& conn)
        : owner_(std::move(owner)), lease_(std::move(lease)), conn_(conn) {}
    ~Holder() override {
      if (conn_.in_transaction()) (void)conn_.Rollback();
    }
    Connection& conn() override { return conn_; }

   private:
    std::shared_ptr<SqliteLeasePool> owner_;
    ConnectionPool::Lease lease_;
    SqliteConnection& conn_;
  };

  // The wrappers finalize their statements before the pool closes the
  // databases: pool_ is declared first, so destroyed last.
  std::shared_ptr<ConnectionPool> pool_;
  std::mutex mu_;
  // The ConnectionPool never closes a connection while it lives, so a
  // database's address identifies it.
  std::unordered_map<SQLite::Database*, std::unique_ptr<SqliteConnection>> wrappers_;  // guarded by mu_
};

}  // namespace

std::shared_ptr<Pool> WrapSqlitePool(std::shared_ptr<ConnectionPool> pool) {
  return std::make_shared<SqliteLeasePool>(std::move(pool));
}

}  // namespace turnaround::store::sql
