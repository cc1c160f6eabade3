#include "store/sql/connection.h"

namespace turnaround::store::sql {

core::Result<std::optional<Row>> Connection::QueryRow(std::string_view sql, const Params& params) {
  auto rows = Query(sql, params);
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return std::optional<Row>();
  return std::optional<Row>(std::move(rows->front()));
}

core::Result<std::int64_t> Connection::InsertReturningId(std::string_view insert_sql, const Params& params,
                                                         std::string_view id_column) {
  std::string sql(insert_sql);
  sql.append(" RETURNING ").append(id_column);
  auto row = QueryRow(sql, params);
  if (!row.ok()) return row.status();
  if (!row->has_value()) return core::Conflict("nothing inserted: the row already exists");
  return (*row)->Int(0);
}

}  // namespace turnaround::store::sql
