#include "store/user_store.h"

#include <nlohmann/json.hpp>

#include "auth/role.h"
#include "store/sql/audit.h"

namespace turnaround::store {
namespace {

constexpr const char* kUserColumns =
    "SELECT u.id, u.name, u.role, u.disabled, u.password_hash, u.created_at_ms FROM users u ";

model::User ReadUser(const sql::Row& row) {
  model::User u;
  u.id = row.Int(0);
  u.name = row.Text(1);
  auth::ParseRole(row.Text(2), &u.role);
  u.disabled = row.Int(3) != 0;
  u.password_hash = row.Text(4);
  u.created_at_ms = row.Int(5);
  return u;
}

core::Status Audit(sql::Connection& c, const std::string& actor, const char* kind, std::int64_t now,
                   const nlohmann::json& details) {
  model::Event e;
  e.at_ms = now;
  e.actor = actor;
  e.kind = kind;
  e.details = details.dump();
  return sql::AppendEvent(c, std::move(e)).status();
}

// Runs `fn(connection)` in a write transaction on a pooled connection.
template <typename Fn>
core::Status Write(sql::Pool& pool, Fn&& fn) {
  auto lease = pool.Acquire();
  if (!lease.ok()) return lease.status();
  sql::Connection& c = lease->conn();
  return sql::InTransaction(c, [&]() -> core::Status { return fn(c); });
}

// The first row of a read on a pooled connection; `missing` when there is none.
core::Result<sql::Row> ReadOne(sql::Pool& pool, const std::string& query, const sql::Params& params,
                               core::Status missing) {
  auto lease = pool.Acquire();
  if (!lease.ok()) return lease.status();
  auto row = lease->conn().QueryRow(query, params);
  if (!row.ok()) return row.status();
  if (!row->has_value()) return missing;
  return std::move(**row);
}

}  // namespace


core::Result<model::User> UserStore::Add(const model::User& user, const std::string& actor,
                                         std::int64_t now) {
  model::User saved = user;
  saved.created_at_ms = now;
  core::Status s = Write(*pool_, [&](sql::Connection& c) -> core::Status {
    // ON CONFLICT DO NOTHING rather than a failing insert: on PostgreSQL a
    // unique violation would abort the transaction.
    auto id = c.InsertReturningId(
        "INSERT INTO users(name, role, password_hash, disabled, created_at_ms) VALUES (?,?,?,0,?) "
        "ON CONFLICT (name) DO NOTHING",
        {user.name, auth::RoleName(user.role), user.password_hash, now});
    if (id.status().code() == core::Code::kConflict) return core::Conflict("user '" + user.name + "' already exists");
    if (!id.ok()) return id.status();
    saved.id = *id;
    return Audit(c, actor, "user.add", now, {{"user", user.name}, {"role", auth::RoleName(user.role)}});
  });
  if (!s.ok()) return s;
  return saved;
}

core::Result<std::vector<model::User>> UserStore::List() {
  auto lease = pool_->Acquire();
  if (!lease.ok()) return lease.status();
  auto rows = lease->conn().Query(std::string(kUserColumns) + "ORDER BY u.name");
  if (!rows.ok()) return rows.status();
  std::vector<model::User> out;
  out.reserve(rows->size());
  for (const auto& row : *rows) out.push_back(ReadUser(row));
  return out;
}

core::Result<model::User> UserStore::FindByName(const std::string& name) {
  auto row = ReadOne(*pool_, std::string(kUserColumns) + "WHERE u.name=?", {name},
                     core::NotFound("no user '" + name + "'"));
  if (!row.ok()) return row.status();
  return ReadUser(*row);
}

core::Status UserStore::Disable(const std::string& name, const std::string& actor, std::int64_t now) {
  return Write(*pool_, [&](sql::Connection& c) -> core::Status {
    auto up = c.Exec("UPDATE users SET disabled=1 WHERE name=?", {name});
    if (!up.ok()) return up.status();
    if (*up == 0) return core::NotFound("no user '" + name + "'");
    TA_RETURN_IF_ERROR(c.Exec("UPDATE tokens SET revoked_at_ms=? WHERE revoked_at_ms=0 AND user_id="
                              "(SELECT id FROM users WHERE name=?)",
                              {now, name})
                           .status());
    TA_RETURN_IF_ERROR(
        c.Exec("DELETE FROM sessions WHERE user_id=(SELECT id FROM users WHERE name=?)", {name}).status());
    return Audit(c, actor, "user.disable", now, {{"user", name}});
  });
}

core::Status UserStore::AddToken(std::int64_t user_id, const std::string& token_hash,
                                 const std::string& label, const std::string& actor, std::int64_t now) {
  return Write(*pool_, [&](sql::Connection& c) -> core::Status {
    auto ins = c.Exec(
        "INSERT INTO tokens(user_id, token_hash, label, created_at_ms) VALUES (?,?,?,?) "
        "ON CONFLICT (token_hash) DO NOTHING",
        {user_id, token_hash, label, now});
    if (!ins.ok()) return ins.status();
    if (*ins == 0) return core::Conflict("this token exists already");
    // The audit keeps a short prefix of the hash to tell tokens apart, never the token.
    return Audit(c, actor, "token.create", now,
                 {{"user_id", user_id}, {"label", label}, {"token_hash_prefix", token_hash.substr(0, 8)}});
  });
}

core::Result<int> UserStore::RevokeTokens(const std::string& name, const std::string& actor,
                                          std::int64_t now) {
  int revoked = 0;
  core::Status s = Write(*pool_, [&](sql::Connection& c) -> core::Status {
    auto user = c.QueryRow("SELECT id FROM users WHERE name=?", {name});
    if (!user.ok()) return user.status();
    if (!user->has_value()) return core::NotFound("no user '" + name + "'");
    auto up = c.Exec("UPDATE tokens SET revoked_at_ms=? WHERE revoked_at_ms=0 AND user_id=?",
                     {now, (*user)->Int(0)});
    if (!up.ok()) return up.status();
    revoked = static_cast<int>(*up);
    return Audit(c, actor, "token.revoke", now, {{"user", name}, {"revoked", revoked}});
  });
  if (!s.ok()) return s;
  return revoked;
}

core::Result<model::User> UserStore::FindByTokenHash(const std::string& token_hash) {
  auto row = ReadOne(*pool_,
                     std::string(kUserColumns) +
                         "JOIN tokens t ON t.user_id = u.id "
                         "WHERE t.token_hash=? AND t.revoked_at_ms=0 AND u.disabled=0",
                     {token_hash}, core::Unauthenticated("unknown or revoked token"));
  if (!row.ok()) return row.status();
  return ReadUser(*row);
}

core::Status UserStore::CreateSession(const std::string& id_hash, std::int64_t user_id,
                                      const std::string& csrf, std::int64_t now,
                                      std::int64_t expires) {
  return Write(*pool_, [&](sql::Connection& c) -> core::Status {
    TA_RETURN_IF_ERROR(c.Exec("DELETE FROM sessions WHERE expires_at_ms <= ?", {now}).status());
    return c
        .Exec("INSERT INTO sessions(id_hash, user_id, csrf_token, created_at_ms, expires_at_ms) "
              "VALUES (?,?,?,?,?)",
              {id_hash, user_id, csrf, now, expires})
        .status();
  });
}

core::Result<SessionInfo> UserStore::FindSession(const std::string& id_hash, std::int64_t now) {
  auto row = ReadOne(*pool_,
                     "SELECT u.id, u.name, u.role, u.disabled, u.password_hash, u.created_at_ms, "
                     "s.csrf_token, s.expires_at_ms FROM users u JOIN sessions s ON s.user_id = u.id "
                     "WHERE s.id_hash=? AND s.expires_at_ms > ? AND u.disabled=0",
                     {id_hash, now}, core::Unauthenticated("session expired or signed out"));
  if (!row.ok()) return row.status();
  SessionInfo info;
  info.user = ReadUser(*row);
  info.csrf_token = row->Text(6);
  info.expires_at_ms = row->Int(7);
  return info;
}

core::Status UserStore::DeleteSession(const std::string& id_hash) {
  return Write(*pool_, [&](sql::Connection& c) -> core::Status {
    return c.Exec("DELETE FROM sessions WHERE id_hash=?", {id_hash}).status();
  });
}

}  // namespace turnaround::store
