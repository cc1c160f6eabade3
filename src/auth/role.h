// Role checks and names. Roles are ordered: agent < supervisor < admin, and a role has
// every right of the roles below it. Pure functions, thread-safe.
#pragma once

#include <string_view>

#include "model/user.h"

namespace turnaround::auth {

// true if `have` grants at least the rights of `need` (http/ answers 403 otherwise).
bool RoleAtLeast(model::Role have, model::Role need);

// "agent", "supervisor", "admin": used in the CLI, the JSON API and the store.
const char* RoleName(model::Role role);

// Parses an exact lower-case role name; returns false and leaves *out unchanged if unknown.
bool ParseRole(std::string_view name, model::Role* out);

}  // namespace turnaround::auth
