#include "store/sql/open.h"

#include <cctype>

#include "store/database.h"
#include "store/pool.h"
#include "store/sql/pg_connection.h"
#include "store/sql/pg_migrations.h"
#include "store/sql/pg_pool.h"
#include "store/sql/sqlite_connection.h"

namespace turnaround::store::sql {
namespace {

constexpr std::string_view kSqlitePrefix = "sqlite:";

bool StartsWith(const std::string& s, std::string_view prefix) { return s.rfind(prefix, 0) == 0; }

// "scheme://" with a scheme of letters, digits, '+', '-' or '.' (RFC 3986).
bool HasScheme(const std::string& s) {
  const std::size_t end = s.find("://");
  if (end == std::string::npos || end == 0) return false;
  for (std::size_t i = 0; i < end; ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (!std::isalnum(c) && c != '+' && c != '-' && c != '.') return false;
  }
  return true;
}

}  // namespace

core::Result<Dialect> DialectOf(const std::string& url) {
  if (StartsWith(url, kSqlitePrefix) && url.size() > kSqlitePrefix.size()) return Dialect::kSqlite;
  if (StartsWith(url, "postgresql://") || StartsWith(url, "postgres://")) return Dialect::kPostgres;
  return core::InvalidArgument("--db must be sqlite:PATH or postgresql://..., not '" + ShownUrl(url) + "'");
}

std::string ShownUrl(const std::string& url) {
  std::string shown = url;
  const std::size_t scheme = shown.find("://");
  if (scheme != std::string::npos) {
    const std::size_t host = scheme + 3;
    const std::size_t end = shown.find_first_of("/?", host);  // the user info ends before either
    const std::size_t at = shown.rfind('@', end == std::string::npos ? std::string::npos : end - 1);
    const std::size_t colon = shown.find(':', host);
    if (at != std::string::npos && at >= host && colon < at) {
      shown.replace(colon + 1, at - colon - 1, "***");
    }
  }
  // libpq also takes the password as a parameter (?password=... or password=...).
  for (std::size_t pos = shown.find("password="); pos != std::string::npos;
       pos = shown.find("password=", pos + 1)) {
    const std::size_t value = pos + std::string_view("password=").size();
    const std::size_t end = shown.find_first_of("& ", value);
    shown.replace(value, (end == std::string::npos ? shown.size() : end) - value, "***");
  }
  return shown;
}

std::string SqlitePathOf(const std::string& url) {
  return StartsWith(url, kSqlitePrefix) ? url.substr(kSqlitePrefix.size()) : std::string();
}

std::string DbUrl(const std::string& db_flag) {
  if (StartsWith(db_flag, kSqlitePrefix) || HasScheme(db_flag)) return db_flag;
  return std::string(kSqlitePrefix) + db_flag;
}

namespace {

core::Result<std::unique_ptr<Connection>> OpenWith(const std::string& url, OpenMode sqlite_mode) {
  auto dialect = DialectOf(url);
  if (!dialect.ok()) return dialect.status();
  if (*dialect == Dialect::kSqlite) {
    auto db = OpenDatabase(SqlitePathOf(url), sqlite_mode);
    if (!db.ok()) return db.status();
    return std::unique_ptr<Connection>(std::make_unique<SqliteConnection>(std::move(db).value()));
  }
  auto conn = PgConnection::Connect(url);
  if (!conn.ok()) return conn.status();
  TA_RETURN_IF_ERROR(MigratePostgres(**conn));
  return std::unique_ptr<Connection>(std::move(conn).value());
}

}  // namespace

core::Result<std::unique_ptr<Connection>> OpenConnection(const std::string& url) {
  return OpenWith(url, OpenMode::kReadWrite);
}

core::Result<std::unique_ptr<Connection>> OpenForReading(const std::string& url) {
  return OpenWith(url, OpenMode::kReadOnly);
}

core::Result<std::shared_ptr<Pool>> OpenPool(const std::string& url) {
  auto dialect = DialectOf(url);
  if (!dialect.ok()) return dialect.status();
  if (*dialect == Dialect::kSqlite) {
    auto pool = ConnectionPool::Open(SqlitePathOf(url));
    if (!pool.ok()) return pool.status();
    return WrapSqlitePool(std::move(pool).value());
  }
  auto pool = PgPool::Open(url);
  if (!pool.ok()) return pool.status();
  {
    auto lease = (*pool)->Acquire();
    if (!lease.ok()) return lease.status();
    TA_RETURN_IF_ERROR(MigratePostgres(lease->conn()));
  }
  return std::shared_ptr<Pool>(std::move(pool).value());
}

}  // namespace turnaround::store::sql
