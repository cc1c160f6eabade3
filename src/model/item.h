// Item: a flagged comment in the response queue, and the events of its life.
// Plain data.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "model/verdict.h"

namespace turnaround::model {

enum class ItemState { kNew, kClaimed, kReplied, kResolved, kDismissed, kEscalated, kWithdrawn };

const char* ItemStateName(ItemState s);  // "new", "claimed", ...
bool ParseItemState(const std::string& name, ItemState* out);
// Every state, in declaration order.
const std::vector<ItemState>& AllItemStates();
// Open items are the ones that still need someone: new, claimed, escalated, replied.
bool IsOpen(ItemState s);

struct Item {
  std::int64_t id = 0;
  std::int64_t comment_id = 0;
  ItemState state = ItemState::kNew;
  Severity severity = Severity::kNormal;
  std::string category = "other";
  std::vector<std::string> urgent_reasons;
  std::string platform;
  std::int64_t created_at_ms = 0;   // when the item was queued
  std::int64_t posted_at_ms = 0;    // platform time of the comment (received time if unknown)
  std::int64_t received_at_ms = 0;  // when we received the comment
  std::int64_t due_at_ms = 0;       // first-response deadline
  std::int64_t first_response_at_ms = 0;
  std::int64_t resolved_at_ms = 0;  // resolved or dismissed
  std::string assignee;             // user name holding the lease ("" if none)
  std::int64_t lease_expires_at_ms = 0;
  std::string dismiss_reason;
  std::string escalation_reason;
  std::string escalated_to;

  bool urgent() const { return !urgent_reasons.empty(); }
};

// An append-only audit record. `details` is a JSON object as text.
struct Event {
  std::int64_t id = 0;
  std::int64_t at_ms = 0;
  std::string actor;  // user name, or "system"/"webhook:meta"
  std::string kind;   // "item.claim", "item.reply", "delivery.accepted", ...
  std::int64_t item_id = 0;
  std::int64_t comment_id = 0;
  std::string details = "{}";
  std::string prev_hash;
  std::string hash;
};

}  // namespace turnaround::model
