#include "store/user_store.h"

#include <SQLiteCpp/Statement.h>

#include <nlohmann/json.hpp>

#include "auth/role.h"
#include "store/event_log.h"

namespace turnaround::store {
namespace {

constexpr const char* kUserColumns =
    "SELECT u.id, u.name, u.role, u.disabled, u.password_hash, u.created_at_ms FROM users u ";

model::User ReadUser(SQLite::Statement& st) {
  model::User u;
  u.id = st.getColumn(0).getInt64();
  u.name = st.getColumn(1).getString();
  auth::ParseRole(st.getColumn(2).getString(), &u.role);
  u.disabled = st.getColumn(3).getInt() != 0;
  u.password_hash = st.getColumn(4).getString();
  u.created_at_ms = st.getColumn(5).getInt64();
  return u;
}

void Audit(SQLite::Database& db, const std::string& actor, const char* kind, std::int64_t now,
           const nlohmann::json& details) {
  model::Event e;
  e.at_ms = now;
  e.actor = actor;
  e.kind = kind;
  e.details = details.dump();
  AppendEvent(db, e);
}

}  // namespace

core::Result<model::User> UserStore::Add(const model::User& user, const std::string& actor,
                                         std::int64_t now) {
  auto lease = pool_->Acquire();
  if (!lease.ok()) return lease.status();
  SQLite::Database& db = lease->db();
  model::User saved = user;
  saved.created_at_ms = now;
  core::Status s = InWriteTransaction(db, [&]() -> core::Status {
    SQLite::Statement exists(db, "SELECT 1 FROM users WHERE name=?");
    exists.bind(1, user.name);
    if (exists.executeStep()) return core::Conflict("user '" + user.name + "' already exists");
    SQLite::Statement ins(db,
                          "INSERT INTO users(name, role, password_hash, disabled, created_at_ms) "
                          "VALUES (?,?,?,0,?)");
    ins.bind(1, user.name);
    ins.bind(2, auth::RoleName(user.role));
    ins.bind(3, user.password_hash);
    ins.bind(4, now);
    ins.exec();
    saved.id = db.getLastInsertRowid();
    Audit(db, actor, "user.add", now, {{"user", user.name}, {"role", auth::RoleName(user.role)}});
    return core::Status::Ok();
  });
  if (!s.ok()) return s;
  return saved;
}

core::Result<std::vector<model::User>> UserStore::List() {
  auto lease = pool_->Acquire();
  if (!lease.ok()) return lease.status();
  try {
    SQLite::Statement st(lease->db(), std::string(kUserColumns) + "ORDER BY u.name");
    std::vector<model::User> out;
    while (st.executeStep()) out.push_back(ReadUser(st));
    return out;
  } catch (const SQLite::Exception& e) {
    return core::Internal(std::string("reading users failed: ") + e.what());
  }
}

core::Result<model::User> UserStore::FindByName(const std::string& name) {
  auto lease = pool_->Acquire();
  if (!lease.ok()) return lease.status();
  try {
    SQLite::Statement st(lease->db(), std::string(kUserColumns) + "WHERE u.name=?");
    st.bind(1, name);
    if (!st.executeStep()) return core::NotFound("no user '" + name + "'");
    return ReadUser(st);
  } catch (const SQLite::Exception& e) {
    return core::Internal(std::string("reading a user failed: ") + e.what());
  }
}

core::Status UserStore::Disable(const std::string& name, const std::string& actor, std::int64_t now) {
  auto lease = pool_->Acquire();
  if (!lease.ok()) return lease.status();
  SQLite::Database& db = lease->db();
  return InWriteTransaction(db, [&]() -> core::Status {
    SQLite::Statement up(db, "UPDATE users SET disabled=1 WHERE name=?");
    up.bind(1, name);
    if (up.exec() == 0) return core::NotFound("no user '" + name + "'");
    SQLite::Statement tok(db,
                          "UPDATE tokens SET revoked_at_ms=? WHERE revoked_at_ms=0 AND user_id="
                          "(SELECT id FROM users WHERE name=?)");
    tok.bind(1, now);
    tok.bind(2, name);
    tok.exec();
    SQLite::Statement ses(db, "DELETE FROM sessions WHERE user_id=(SELECT id FROM users WHERE name=?)");
    ses.bind(1, name);
    ses.exec();
    Audit(db, actor, "user.disable", now, {{"user", name}});
    return core::Status::Ok();
  });
}

core::Status UserStore::AddToken(std::int64_t user_id, const std::string& token_hash,
                                 const std::string& label, const std::string& actor, std::int64_t now) {
  auto lease = pool_->Acquire();
  if (!lease.ok()) return lease.status();
  SQLite::Database& db = lease->db();
  return InWriteTransaction(db, [&]() -> core::Status {
    SQLite::Statement ins(db,
                          "INSERT INTO tokens(user_id, token_hash, label, created_at_ms) "
                          "VALUES (?,?,?,?)");
    ins.bind(1, user_id);
    ins.bind(2, token_hash);
    ins.bind(3, label);
    ins.bind(4, now);
    ins.exec();
    // The audit keeps a short prefix of the hash to tell tokens apart, never the token.
    Audit(db, actor, "token.create", now,
          {{"user_id", user_id}, {"label", label}, {"token_hash_prefix", token_hash.substr(0, 8)}});
    return core::Status::Ok();
  });
}

core::Result<int> UserStore::RevokeTokens(const std::string& name, const std::string& actor,
                                          std::int64_t now) {
  auto lease = pool_->Acquire();
  if (!lease.ok()) return lease.status();
  SQLite::Database& db = lease->db();
  int revoked = 0;
  core::Status s = InWriteTransaction(db, [&]() -> core::Status {
    SQLite::Statement user(db, "SELECT id FROM users WHERE name=?");
    user.bind(1, name);
    if (!user.executeStep()) return core::NotFound("no user '" + name + "'");
    SQLite::Statement up(db, "UPDATE tokens SET revoked_at_ms=? WHERE revoked_at_ms=0 AND user_id=?");
    up.bind(1, now);
    up.bind(2, user.getColumn(0).getInt64());
    revoked = up.exec();
    Audit(db, actor, "token.revoke", now, {{"user", name}, {"revoked", revoked}});
    return core::Status::Ok();
  });
  if (!s.ok()) return s;
  return revoked;
}

core::Result<model::User> UserStore::FindByTokenHash(const std::string& token_hash) {
  auto lease = pool_->Acquire();
  if (!lease.ok()) return lease.status();
  try {
    SQLite::Statement st(lease->db(), std::string(kUserColumns) +
                                          "JOIN tokens t ON t.user_id = u.id "
                                          "WHERE t.token_hash=? AND t.revoked_at_ms=0 AND u.disabled=0");
    st.bind(1, token_hash);
    if (!st.executeStep()) return core::Unauthenticated("unknown or revoked token");
    return ReadUser(st);
  } catch (const SQLite::Exception& e) {
    return core::Internal(std::string("reading a token failed: ") + e.what());
  }
}

core::Status UserStore::CreateSession(const std::string& id_hash, std::int64_t user_id,
                                      const std::string& csrf, std::int64_t now,
                                      std::int64_t expires) {
  auto lease = pool_->Acquire();
  if (!lease.ok()) return lease.status();
  SQLite::Database& db = lease->db();
  return InWriteTransaction(db, [&]() -> core::Status {
    SQLite::Statement gc(db, "DELETE FROM sessions WHERE expires_at_ms <= ?");
    gc.bind(1, now);
    gc.exec();
    SQLite::Statement ins(db,
                          "INSERT INTO sessions(id_hash, user_id, csrf_token, created_at_ms, "
                          "expires_at_ms) VALUES (?,?,?,?,?)");
    ins.bind(1, id_hash);
    ins.bind(2, user_id);
    ins.bind(3, csrf);
    ins.bind(4, now);
    ins.bind(5, expires);
    ins.exec();
    return core::Status::Ok();
  });
}

core::Result<SessionInfo> UserStore::FindSession(const std::string& id_hash, std::int64_t now) {
  auto lease = pool_->Acquire();
  if (!lease.ok()) return lease.status();
  try {
    SQLite::Statement st(lease->db(),
                         "SELECT u.id, u.name, u.role, u.disabled, u.password_hash, u.created_at_ms, "
                         "s.csrf_token, s.expires_at_ms FROM users u JOIN sessions s ON s.user_id = u.id "
                         "WHERE s.id_hash=? AND s.expires_at_ms > ? AND u.disabled=0");
    st.bind(1, id_hash);
    st.bind(2, now);
    if (!st.executeStep()) return core::Unauthenticated("session expired or signed out");
    SessionInfo info;
    info.user = ReadUser(st);
    info.csrf_token = st.getColumn(6).getString();
    info.expires_at_ms = st.getColumn(7).getInt64();
    return info;
  } catch (const SQLite::Exception& e) {
    return core::Internal(std::string("reading a session failed: ") + e.what());
  }
}

core::Status UserStore::DeleteSession(const std::string& id_hash) {
  auto lease = pool_->Acquire();
  if (!lease.ok()) return lease.status();
  SQLite::Database& db = lease->db();
  return InWriteTransaction(db, [&]() -> core::Status {
    SQLite::Statement del(db, "DELETE FROM sessions WHERE id_hash=?");
    del.bind(1, id_hash);
    del.exec();
    return core::Status::Ok();
  });
}

}  // namespace turnaround::store
