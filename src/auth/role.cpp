#include "auth/role.h"

namespace turnaround::auth {

bool RoleAtLeast(model::Role have, model::Role need) {
  return static_cast<int>(have) >= static_cast<int>(need);
}

const char* RoleName(model::Role role) {
  switch (role) {
    case model::Role::kAgent: return "agent";
    case model::Role::kSupervisor: return "supervisor";
    case model::Role::kAdmin: return "admin";
  }
  return "agent";
}

bool ParseRole(std::string_view name, model::Role* out) {
  static constexpr model::Role kAll[] = {model::Role::kAgent, model::Role::kSupervisor,
                                         model::Role::kAdmin};
  for (model::Role role : kAll) {
    if (name == RoleName(role)) {
      *out = role;
      return true;
    }
  }
  return false;
}

}  // namespace turnaround::auth
