#include "store/store_tables.h"

namespace turnaround::store {

core::Result<std::vector<std::string>> ListTables(sql::Connection& conn) {
  const char* sql = conn.dialect() == sql::Dialect::kSqlite
                        ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' "
                          "ESCAPE '\\' ORDER BY name"
                        : "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() "
                          "AND table_type = 'BASE TABLE' AND table_name <> 'schema_version' ORDER BY table_name";
  auto rows = conn.Query(sql);
  if (!rows.ok()) return rows.status();
  std::vector<std::string> tables;
  for (const sql::Row& row : *rows) tables.push_back(row.Text(0));
  return tables;
}

core::Result<std::vector<ColumnInfo>> ListColumns(sql::Connection& conn, const std::string& table) {
  const char* sql =
      conn.dialect() == sql::Dialect::kSqlite
          ? "SELECT name, pk > 0, upper(type) = 'BLOB', 0 FROM pragma_table_info(?) ORDER BY cid"
          : "SELECT c.column_name, EXISTS (SELECT 1 FROM information_schema.table_constraints t "
            "JOIN information_schema.key_column_usage k ON k.constraint_schema = t.constraint_schema "
            "AND k.constraint_name = t.constraint_name WHERE t.constraint_type = 'PRIMARY KEY' "
            "AND t.table_schema = c.table_schema AND t.table_name = c.table_name AND k.column_name = c.column_name), "
            "c.data_type = 'bytea', c.is_identity = 'YES' FROM information_schema.columns c "
            "WHERE c.table_schema = current_schema() AND c.table_name = CAST(? AS TEXT) ORDER BY c.ordinal_position";
  auto rows = conn.Query(sql, {table});
  if (!rows.ok()) return rows.status();
  std::vector<ColumnInfo> columns;
  for (const sql::Row& row : *rows) {
    columns.push_back({row.Text(0), row.Int(1) != 0, row.Int(2) != 0, row.Int(3) != 0});
  }
  return columns;
}

std::string QuoteIdentifier(const std::string& name) {
  std::string out = "\"";
  for (char c : name) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

}  // namespace turnaround::store
