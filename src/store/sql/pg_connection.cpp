#include "store/sql/pg_connection.h"

#include <libpq-fe.h>
#include <poll.h>

#include <cstdlib>
#include <cstring>

#include "store/sql/placeholders.h"

namespace turnaround::store::sql {
namespace {

// Type OIDs from PostgreSQL's catalog (pg_type.dat); stable across versions.
constexpr Oid kBoolOid = 16, kByteaOid = 17, kInt8Oid = 20, kInt2Oid = 21, kInt4Oid = 23,
              kOidOid = 26, kFloat4Oid = 700, kFloat8Oid = 701, kNumericOid = 1700;

struct ResultDeleter {
  void operator()(PGresult* r) const { PQclear(r); }
};
using PgResult = std::unique_ptr<PGresult, ResultDeleter>;

std::string Trimmed(const char* message) {
  std::string m = message != nullptr ? message : "";
  while (!m.empty() && (m.back() == '\n' || m.back() == ' ')) m.pop_back();
  return m;
}

// libpq's outcome to ours (connection.h). SQLSTATE class 08 (connection) and
// 57P (shutdown) mean the server went away: worth a retry elsewhere; but
// 08P01 is a protocol violation, our bug.
core::Status FromResult(pg_conn* conn, const PGresult* res, const char* what, std::string_view sql) {
  const char* state = res != nullptr ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : nullptr;
  const std::string sqlstate = state != nullptr ? state : "";
  core::Code code = core::Code::kInternal;
  if (sqlstate == "23505") {
    code = core::Code::kConflict;
  } else if (sqlstate == "40001" || sqlstate == "40P01" || (sqlstate.rfind("08", 0) == 0 && sqlstate != "08P01") ||
             sqlstate.rfind("57P", 0) == 0 || PQstatus(conn) != CONNECTION_OK) {
    code = core::Code::kUnavailable;
  }
  std::string message = Trimmed(res != nullptr ? PQresultErrorMessage(res) : PQerrorMessage(conn));
  if (message.empty()) message = Trimmed(PQerrorMessage(conn));
  return core::Status(code, std::string(what) + " failed: " + message +
                                (sqlstate.empty() ? "" : " (SQLSTATE " + sqlstate + ")") + " [" +
                                std::string(sql.substr(0, 80)) + "]");
}

bool Succeeded(const PGresult* res) {
  const ExecStatusType st = PQresultStatus(res);
  return st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK || st == PGRES_SINGLE_TUPLE;
}

Value ReadValue(const PGresult* res, int row, int col) {
  if (PQgetisnull(res, row, col)) return Value();
  const char* text = PQgetvalue(res, row, col);
  const std::size_t len = static_cast<std::size_t>(PQgetlength(res, row, col));
  switch (PQftype(res, col)) {
    case kInt8Oid:
    case kInt2Oid:
    case kInt4Oid:
    case kOidOid: return Value(static_cast<std::int64_t>(std::strtoll(text, nullptr, 10)));
    case kFloat4Oid:
    case kFloat8Oid: return Value(Value(std::string(text, len)).AsReal());
    case kNumericOid: {
      // SUM() and AVG() of integers are numeric: keep whole numbers integers.
      Value v{std::string(text, len)};
      if (std::strpbrk(text, ".eEN") == nullptr) return Value(v.AsInt());
      return Value(v.AsReal());
    }
    case kBoolOid: return Value(text[0] == 't' ? 1 : 0);
    case kByteaOid: {
      size_t n = 0;
      unsigned char* bytes = PQunescapeBytea(reinterpret_cast<const unsigned char*>(text), &n);
      if (bytes == nullptr) return Value(Blob{});
      Blob blob{std::string(reinterpret_cast<const char*>(bytes), n)};
      PQfreemem(bytes);
      return Value(std::move(blob));
    }
    default: return Value(std::string(text, len));
  }
}

Row ReadRow(const PGresult* res, int row) {
  const int n = PQnfields(res);
  std::vector<Value> values;
  values.reserve(static_cast<std::size_t>(n));
  for (int c = 0; c < n; ++c) values.push_back(ReadValue(res, row, c));
  return Row(std::move(values));
}

// The parallel arrays PQexecPrepared takes; `values` points into `text`.
struct ParamArrays {
  std::vector<std::string> text;
  std::vector<const char*> values;
  std::vector<int> lengths, formats;
};

core::Status BuildParams(const Params& params, ParamArrays* out) {
  const std::size_t n = params.size();
  out->text.resize(n);
  out->values.assign(n, nullptr);
  out->lengths.assign(n, 0);
  out->formats.assign(n, 0);
  for (std::size_t i = 0; i < n; ++i) {
    const Value& v = params[i];
    if (v.is_null()) continue;
    out->text[i] = v.AsText();
    if (v.type() == Value::Type::kBlob) {
      out->formats[i] = 1;  // binary BYTEA: the bytes as they are
    } else if (out->text[i].find('\0') != std::string::npos) {
      return core::InvalidArgument("PostgreSQL text cannot hold a NUL byte (parameter " +
                                   std::to_string(i + 1) + ")");
    }
    out->lengths[i] = static_cast<int>(out->text[i].size());
  }
  for (std::size_t i = 0; i < n; ++i) {
    if (!params[i].is_null()) out->values[i] = out->text[i].data();
  }
  return core::Status::Ok();
}

core::Status BusyError() {
  return core::Internal("connection used from inside its own QueryEach callback");
}

}  // namespace

core::Result<std::unique_ptr<PgConnection>> PgConnection::Connect(const std::string& url) {
  // expand_dbname=1: the URL in "dbname" is read as a whole connection string.
  const char* keys[] = {"dbname", "client_encoding", "connect_timeout", nullptr};
  const char* values[] = {url.c_str(), "UTF8", "10", nullptr};
  pg_conn* conn = PQconnectdbParams(keys, values, 1);
  if (conn == nullptr) return core::Status(core::Code::kUnavailable, "PostgreSQL: out of memory");
  if (PQstatus(conn) != CONNECTION_OK) {
    core::Status s(core::Code::kUnavailable, "cannot connect to PostgreSQL: " + Trimmed(PQerrorMessage(conn)));
    PQfinish(conn);
    return s;
  }
  std::unique_ptr<PgConnection> pg(new PgConnection(conn));
  // libpq prints server NOTICEs ("relation ... already exists, skipping") to
  // stderr by default; they are informational, and stderr is the log. What
  // matters is a FATAL that arrives between statements: the server is
  // ending the session (pg_terminate_backend, a shutdown), and may not have
  // closed the socket yet when Connected() looks.
  PQsetNoticeReceiver(
      conn,
      [](void* self, const PGresult* res) {
        const char* severity = PQresultErrorField(res, PG_DIAG_SEVERITY_NONLOCALIZED);
        if (severity != nullptr && (std::strcmp(severity, "FATAL") == 0 || std::strcmp(severity, "PANIC") == 0)) {
          static_cast<PgConnection*>(self)->ended_by_server_ = true;
        }
      },
      pg.get());
  return pg;
}

PgConnection::~PgConnection() { PQfinish(conn_); }

bool PgConnection::Connected() {
  if (PQstatus(conn_) != CONNECTION_OK || ended_by_server_) return false;
  if (in_tx_ || busy_) return true;  // a result may be on its way: not ours to read here
  // Between transactions the server sends nothing unasked, except when it
  // ends the session: a FATAL, then end of file. Read what is there
  // (libpq's socket never blocks) until libpq sees either, or nothing more
  // is waiting.
  for (int i = 0; i < 8 && !ended_by_server_; ++i) {
    pollfd p{PQsocket(conn_), POLLIN, 0};
    if (::poll(&p, 1, 0) <= 0) break;
    if (PQconsumeInput(conn_) == 0) break;  // end of file or a read error: now CONNECTION_BAD
    (void)PQisBusy(conn_);                  // parses it: a FATAL reaches the notice receiver
  }
  return PQstatus(conn_) == CONNECTION_OK && !ended_by_server_;
}

bool PgConnection::reusable() const {
  return PQstatus(conn_) == CONNECTION_OK && !ended_by_server_ && PQtransactionStatus(conn_) == PQTRANS_IDLE &&
         !in_tx_;
}

core::Result<std::string> PgConnection::Prepare(std::string_view sql, std::size_t params) {
  auto it = cache_.find(sql);
  if (it == cache_.end()) {
    std::string name = "ta_" + std::to_string(++next_statement_);
    int count = 0;
    const std::string rewritten = RewritePlaceholders(sql, &count);
    PgResult res(PQprepare(conn_, name.c_str(), rewritten.c_str(), count, nullptr));
    if (!res || PQresultStatus(res.get()) != PGRES_COMMAND_OK) return FromResult(conn_, res.get(), "prepare", sql);
    it = cache_.emplace(std::string(sql), Prepared{name, static_cast<std::size_t>(count)}).first;
  }
  if (it->second.params != params) {
    return core::Internal("the statement takes " + std::to_string(it->second.params) + " parameters, " +
                          std::to_string(params) + " given [" + std::string(sql.substr(0, 80)) + "]");
  }
  return it->second.name;
}

core::Result<std::int64_t> PgConnection::Exec(std::string_view sql, const Params& params) {
  PGresult* raw = nullptr;
  TA_RETURN_IF_ERROR(Run(sql, params, &raw));
  PgResult res(raw);
  // PQcmdTuples is "" for statements that change no rows, and a SELECT's row
  // count, which is not a change (SQLite's count is 0 there too).
  if (std::strncmp(PQcmdStatus(res.get()), "SELECT", 6) == 0) return std::int64_t{0};
  return static_cast<std::int64_t>(std::strtoll(PQcmdTuples(res.get()), nullptr, 10));
}

core::Result<std::vector<Row>> PgConnection::Query(std::string_view sql, const Params& params) {
  PGresult* raw = nullptr;
  TA_RETURN_IF_ERROR(Run(sql, params, &raw));
  PgResult res(raw);
  std::vector<Row> rows;
  const int n = PQntuples(res.get());
  rows.reserve(static_cast<std::size_t>(n));
  for (int r = 0; r < n; ++r) rows.push_back(ReadRow(res.get(), r));
  return rows;
}

core::Status PgConnection::Run(std::string_view sql, const Params& params, PGresult** out) {
  if (busy_) return BusyError();
  auto name = Prepare(sql, params.size());
  if (!name.ok()) return name.status();
  ParamArrays p;
  TA_RETURN_IF_ERROR(BuildParams(params, &p));
  PgResult res(PQexecPrepared(conn_, name->c_str(), static_cast<int>(params.size()), p.values.data(),
                              p.lengths.data(), p.formats.data(), 0));
  if (!res || !Succeeded(res.get())) return FromResult(conn_, res.get(), "statement", sql);
  *out = res.release();
  return core::Status::Ok();
}

core::Status PgConnection::QueryEach(std::string_view sql, const Params& params,
                                     const std::function<core::Status(const Row&)>& on_row) {
  if (busy_) return BusyError();
  auto name = Prepare(sql, params.size());
  if (!name.ok()) return name.status();
  ParamArrays p;
  TA_RETURN_IF_ERROR(BuildParams(params, &p));
  if (!PQsendQueryPrepared(conn_, name->c_str(), static_cast<int>(params.size()), p.values.data(),
                           p.lengths.data(), p.formats.data(), 0)) {
    return FromResult(conn_, nullptr, "query", sql);
  }
  (void)PQsetSingleRowMode(conn_);  // if refused, rows arrive in one result: still correct
  busy_ = true;
  core::Status status;
  // Every result must be read before the connection takes another command,
  // so after a stop or an error the loop keeps draining.
  while (PGresult* raw = PQgetResult(conn_)) {
    PgResult res(raw);
    if (!status.ok()) continue;
    if (!Succeeded(res.get())) {
      status = FromResult(conn_, res.get(), "query", sql);
      continue;
    }
    for (int r = 0; r < PQntuples(res.get()) && status.ok(); ++r) status = on_row(ReadRow(res.get(), r));
  }
  busy_ = false;
  return status;
}

core::Status PgConnection::ExecScript(std::string_view sql) {
  if (busy_) return BusyError();
  const std::string text(sql);
  PgResult res(PQexec(conn_, text.c_str()));
  if (!res || !Succeeded(res.get())) return FromResult(conn_, res.get(), "script", sql);
  return core::Status::Ok();
}

core::Status PgConnection::Begin() {
  if (in_tx_) return core::Internal("Begin inside a transaction (transactions do not nest)");
  TA_RETURN_IF_ERROR(ExecScript("BEGIN"));
  in_tx_ = true;
  return core::Status::Ok();
}

core::Status PgConnection::BeginRead() {
  if (in_tx_) return core::Internal("BeginRead inside a transaction (transactions do not nest)");
  TA_RETURN_IF_ERROR(ExecScript("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"));
  in_tx_ = true;
  return core::Status::Ok();
}

core::Status PgConnection::Commit() {
  if (!in_tx_) return core::Internal("Commit outside a transaction");
  if (busy_) return BusyError();
  PgResult res(PQexec(conn_, "COMMIT"));
  if (!res || !Succeeded(res.get())) {
    core::Status s = FromResult(conn_, res.get(), "commit", "COMMIT");
    if (PQtransactionStatus(conn_) == PQTRANS_IDLE) in_tx_ = false;
    return s;
  }
  in_tx_ = false;
  // COMMIT of a transaction an earlier error aborted succeeds as a ROLLBACK.
  if (std::strcmp(PQcmdStatus(res.get()), "ROLLBACK") == 0) {
    return core::Internal("commit failed: the transaction was aborted by an earlier error");
  }
  return core::Status::Ok();
}

core::Status PgConnection::Rollback() {
  if (!in_tx_) return core::Status::Ok();
  in_tx_ = false;
  return ExecScript("ROLLBACK");
}

}  // namespace turnaround::store::sql
