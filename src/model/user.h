// User, Role and ApiToken: who may act in the queue, and how they prove it.
// Plain data; hashing, generation and role checks live in auth/.
#pragma once

#include <cstdint>
#include <string>

namespace turnaround::model {

// Ordered: each role has every right of the roles before it (see auth::RoleAtLeast).
enum class Role { kAgent, kSupervisor, kAdmin };

struct User {
  std::int64_t id = 0;
  std::string name;  // login name, unique
  Role role = Role::kAgent;
  bool disabled = false;
  // "pbkdf2-sha256$<iterations>$<b64 salt>$<b64 hash>" (auth::HashPassword); never the password.
  std::string password_hash;
  std::int64_t created_at_ms = 0;
};

// An API token as stored: only its SHA-256 (auth::HashToken), never the token itself.
struct ApiToken {
  std::int64_t id = 0;
  std::int64_t user_id = 0;
  std::string token_hash;  // 64 lower-case hex characters
  std::string label;       // what the token is for, shown in `token list`
  std::int64_t created_at_ms = 0;
  std::int64_t revoked_at_ms = 0;  // 0 while the token is live
};

}  // namespace turnaround::model
