#include "auth/role.h"

#include <catch2/catch.hpp>

using namespace turnaround::auth;
using turnaround::model::Role;

TEST_CASE("[auth] RoleAtLeast follows agent < supervisor < admin", "[auth]") {
  struct Case {
    Role have;
    Role need;
    bool allowed;
  };
  const Case kCases[] = {
      {Role::kAgent, Role::kAgent, true},          {Role::kAgent, Role::kSupervisor, false},
      {Role::kAgent, Role::kAdmin, false},         {Role::kSupervisor, Role::kAgent, true},
      {Role::kSupervisor, Role::kSupervisor, true}, {Role::kSupervisor, Role::kAdmin, false},
      {Role::kAdmin, Role::kAgent, true},          {Role::kAdmin, Role::kSupervisor, true},
      {Role::kAdmin, Role::kAdmin, true},
  };
  for (const Case& c : kCases) {
    CAPTURE(RoleName(c.have), RoleName(c.need));
    CHECK(RoleAtLeast(c.have, c.need) == c.allowed);
  }
}

TEST_CASE("[auth] role names parse and format", "[auth]") {
  for (Role role : {Role::kAgent, Role::kSupervisor, Role::kAdmin}) {
    Role parsed = Role::kAgent;
    REQUIRE(ParseRole(RoleName(role), &parsed));
    CHECK(parsed == role);
  }
  for (const char* bad : {"", "Admin", "ADMIN", "root", "admin ", "superuser"}) {
    CAPTURE(bad);
    Role out = Role::kSupervisor;
    CHECK_FALSE(ParseRole(bad, &out));
    CHECK(out == Role::kSupervisor);
  }
}
