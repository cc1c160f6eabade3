// UserStore: accounts, API tokens (hashes only) and sign-in sessions.
// Thread-safe (pooled connections). Every change appends an audit event in
// the same transaction. Written on the engine-neutral SQL layer (sql/), so it
// runs on SQLite and on PostgreSQL alike: the first store ported for issue #9.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/status.h"
#include "model/user.h"
#include "store/sql/connection.h"

namespace turnaround::store {

struct SessionInfo {
  model::User user;
  std::string csrf_token;
  std::int64_t expires_at_ms = 0;
};

class UserStore {
 public:
  // Over either engine (sql::OpenPool).
  explicit UserStore(std::shared_ptr<sql::Pool> pool) : pool_(std::move(pool)) {}

  // Conflict if the name is taken (on any instance: a unique constraint
  // decides). `actor` is recorded in the audit event.
  core::Result<model::User> Add(const model::User& user, const std::string& actor, std::int64_t now_ms);
  core::Result<std::vector<model::User>> List();
  // NotFound for an unknown name.
  core::Result<model::User> FindByName(const std::string& name);
  // Disables the account and revokes its tokens and sessions.
  core::Status Disable(const std::string& name, const std::string& actor, std::int64_t now_ms);

  // Conflict if the token hash exists already.
  core::Status AddToken(std::int64_t user_id, const std::string& token_hash, const std::string& label,
                        const std::string& actor, std::int64_t now_ms);
  // Revokes every live token of the user; returns how many.
  core::Result<int> RevokeTokens(const std::string& name, const std::string& actor, std::int64_t now_ms);
  // The enabled user owning a live token; Unauthenticated otherwise.
  core::Result<model::User> FindByTokenHash(const std::string& token_hash);

  core::Status CreateSession(const std::string& id_hash, std::int64_t user_id,
                             const std::string& csrf_token, std::int64_t now_ms,
                             std::int64_t expires_at_ms);
  // Unauthenticated if unknown, expired, or the user is disabled.
  core::Result<SessionInfo> FindSession(const std::string& id_hash, std::int64_t now_ms);
  core::Status DeleteSession(const std::string& id_hash);

 private:
  std::shared_ptr<sql::Pool> pool_;
};

}  // namespace turnaround::store
