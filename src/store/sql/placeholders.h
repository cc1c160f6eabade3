// Rewriting our `?` parameters to PostgreSQL's numbered $1..$n.
#pragma once

#include <string>
#include <string_view>

namespace turnaround::store::sql {

// Returns `sql` with each `?` parameter replaced by $1, $2, ... in order, and
// sets *count (when given) to the number of parameters. A `?` inside a
// 'string' (with '' and, for E'...', backslash escapes), a "quoted identifier",
// a -- line comment or a /* block comment */ is left alone. PostgreSQL's own
// `?` operators (jsonb) therefore cannot be written: use their function forms.
std::string RewritePlaceholders(std::string_view sql, int* count = nullptr);

}  // namespace turnaround::store::sql
