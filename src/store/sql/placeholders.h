// Rewriting our `?` parameters to PostgreSQL's numbered $1..$n.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "store/sql/value.h"

namespace turnaround::store::sql {

// Returns `sql` with each `?` parameter replaced by $1, $2, ... in order, and
// sets *count (when given) to the number of parameters. A `?` inside a
// 'string' (with '' and, for E'...', backslash escapes), a "quoted identifier",
// a -- line comment or a /* block comment */ is left alone. PostgreSQL's own
// `?` operators (jsonb) therefore cannot be written: use their function forms.
std::string RewritePlaceholders(std::string_view sql, int* count = nullptr);

// "(?,?,?),(?,?,?)": `rows` tuples of `columns` parameters each, for a
// multi-row VALUES list or (one row) an IN list.
std::string Tuples(std::size_t columns, std::size_t rows = 1);

// Calls `fn(in_list, params)` for `ids` in chunks, where `in_list` is
// "(?,?,...)" of one fixed width and `params` the chunk's ids padded with -1
// (row ids are positive, so padding matches nothing). The fixed width keeps
// one prepared statement per query however many ids a call has. Stops at and
// returns the first error; calls nothing for no ids.
core::Status ForEachIdChunk(const std::vector<std::int64_t>& ids,
                            const std::function<core::Status(const std::string&, const Params&)>& fn);

}  // namespace turnaround::store::sql
