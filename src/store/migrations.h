// The schema, as numbered migrations. Migration N (1-based) takes a database
// at user_version N-1 to N. Never edit a migration that has shipped: add one.
#pragma once

#include <vector>

namespace turnaround::store {

const std::vector<const char*>& Migrations();

}  // namespace turnaround::store
