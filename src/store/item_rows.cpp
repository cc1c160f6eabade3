// The item columns read and written on either engine (sql::Row and
// sql::Connection).
#include <nlohmann/json.hpp>

#include "store/item_store.h"

namespace turnaround::store {

const char* const kItemColumns =
    "i.id, i.comment_id, i.state, i.severity, i.category, i.urgent_reasons, i.platform, "
    "i.created_at_ms, i.posted_at_ms, i.received_at_ms, i.due_at_ms, i.first_response_at_ms, "
    "i.resolved_at_ms, i.assignee, i.lease_expires_at_ms, i.dismiss_reason, "
    "i.escalation_reason, i.escalated_to";

namespace {

constexpr const char* kInsertItem =
    "INSERT INTO items(comment_id, state, severity, category, urgent_reasons, "
    "is_urgent, platform, created_at_ms, posted_at_ms, received_at_ms, due_at_ms, "
    "first_response_at_ms, resolved_at_ms, assignee, lease_expires_at_ms, "
    "dismiss_reason, escalation_reason, escalated_to) "
    "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";

constexpr const char* kSaveItem =
    "UPDATE items SET comment_id=?, state=?, severity=?, category=?, "
    "urgent_reasons=?, is_urgent=?, platform=?, created_at_ms=?, posted_at_ms=?, "
    "received_at_ms=?, due_at_ms=?, first_response_at_ms=?, resolved_at_ms=?, "
    "assignee=?, lease_expires_at_ms=?, dismiss_reason=?, escalation_reason=?, "
    "escalated_to=? WHERE id=?";

std::vector<std::string> ParseReasons(const std::string& text) {
  std::vector<std::string> out;
  auto reasons = nlohmann::json::parse(text, nullptr, false);
  if (reasons.is_array()) {
    for (const auto& r : reasons) {
      if (r.is_string()) out.push_back(r.get<std::string>());
    }
  }
  return out;
}

// The 18 values of kInsertItem's and kSaveItem's columns, in their order.
sql::Params ItemParams(const model::Item& it) {
  return {it.comment_id,
          model::ItemStateName(it.state),
          model::SeverityName(it.severity),
          it.category,
          nlohmann::json(it.urgent_reasons).dump(),
          it.urgent() ? 1 : 0,
          it.platform,
          it.created_at_ms,
          it.posted_at_ms,
          it.received_at_ms,
          it.due_at_ms,
          it.first_response_at_ms,
          it.resolved_at_ms,
          it.assignee,
          it.lease_expires_at_ms,
          it.dismiss_reason,
          it.escalation_reason,
          it.escalated_to};
}

}  // namespace

model::Item ReadItemRow(const sql::Row& row, std::size_t f) {
  model::Item it;
  it.id = row.Int(f + 0);
  it.comment_id = row.Int(f + 1);
  model::ParseItemState(row.Text(f + 2), &it.state);
  model::ParseSeverity(row.Text(f + 3), &it.severity);
  it.category = row.Text(f + 4);
  it.urgent_reasons = ParseReasons(row.Text(f + 5));
  it.platform = row.Text(f + 6);
  it.created_at_ms = row.Int(f + 7);
  it.posted_at_ms = row.Int(f + 8);
  it.received_at_ms = row.Int(f + 9);
  it.due_at_ms = row.Int(f + 10);
  it.first_response_at_ms = row.Int(f + 11);
  it.resolved_at_ms = row.Int(f + 12);
  it.assignee = row.Text(f + 13);
  it.lease_expires_at_ms = row.Int(f + 14);
  it.dismiss_reason = row.Text(f + 15);
  it.escalation_reason = row.Text(f + 16);
  it.escalated_to = row.Text(f + 17);
  return it;
}

core::Status InsertItem(sql::Connection& conn, model::Item& item) {
  auto id = conn.InsertReturningId(kInsertItem, ItemParams(item));
  if (!id.ok()) return id.status();
  item.id = *id;
  return core::Status::Ok();
}

core::Status SaveItem(sql::Connection& conn, const model::Item& item) {
  sql::Params params = ItemParams(item);
  params.emplace_back(item.id);
  auto n = conn.Exec(kSaveItem, params);
  if (!n.ok()) return n.status();
  if (*n != 1) return core::NotFound("no item " + std::to_string(item.id));
  return core::Status::Ok();
}

}  // namespace turnaround::store
