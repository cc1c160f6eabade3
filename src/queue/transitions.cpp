#include "queue/transitions.h"

#include <algorithm>
#include <initializer_list>

namespace turnaround::queue {
namespace {

using model::ItemState;

bool In(ItemState s, std::initializer_list<ItemState> allowed) {
  for (ItemState a : allowed) {
    if (s == a) return true;
  }
  return false;
}

core::Status WrongState(const model::Item& item, const char* action) {
  core::Status s = core::Conflict(std::string("cannot ") + action + " an item that is " +
                                  model::ItemStateName(item.state));
  s.With("state", model::ItemStateName(item.state));
  return s;
}

core::Status HeldByOther(const model::Item& item, const std::string& holder) {
  core::Status s = core::Conflict("claimed by " + holder);
  s.With("state", model::ItemStateName(item.state)).With("holder", holder);
  return s;
}

void Lease(model::Item& item, const std::string& actor, std::int64_t now, std::int64_t lease_ms) {
  item.assignee = actor;
  item.lease_expires_at_ms = now + lease_ms;
}

void DropLease(model::Item& item) {
  item.assignee.clear();
  item.lease_expires_at_ms = 0;
}

}  // namespace

const char* ActionName(ActionKind kind) {
  switch (kind) {
    case ActionKind::kClaim: return "claim";
    case ActionKind::kRelease: return "release";
    case ActionKind::kReply: return "reply";
    case ActionKind::kResolve: return "resolve";
    case ActionKind::kDismiss: return "dismiss";
    case ActionKind::kEscalate: return "escalate";
    case ActionKind::kNote: return "note";
    case ActionKind::kExpireLease: return "lease_expired";
    case ActionKind::kWithdraw: return "withdraw";
    case ActionKind::kReopen: return "reopen";
    case ActionKind::kDeliveryFailed: return "delivery_failed";
  }
  return "unknown";
}

bool ValidDismissReason(const std::string& r) {
  return r == "not_complaint" || r == "spam" || r == "duplicate" || r == "handled_elsewhere";
}

std::string LiveHolder(const model::Item& item, std::int64_t now_ms) {
  if (item.assignee.empty() || item.lease_expires_at_ms <= now_ms) return "";
  return item.assignee;
}

core::Result<Transition> ApplyAction(const model::Item& item, const Action& a, std::int64_t now,
                                     std::int64_t lease_ms) {
  Transition t{item, std::string("item.") + ActionName(a.kind)};
  model::Item& next = t.item;
  const std::string holder = LiveHolder(item, now);
  const bool held_by_other = !holder.empty() && holder != a.actor;
  const char* name = ActionName(a.kind);

  switch (a.kind) {
    case ActionKind::kClaim:
      if (!In(item.state, {ItemState::kNew, ItemState::kClaimed, ItemState::kEscalated,
                           ItemState::kReplied})) {
        return WrongState(item, name);
      }
      if (held_by_other) return HeldByOther(item, holder);
      if (item.state != ItemState::kReplied) next.state = ItemState::kClaimed;
      Lease(next, a.actor, now, lease_ms);
      return t;

    case ActionKind::kRelease:
      if (holder.empty()) return WrongState(item, name);
      if (held_by_other && !a.can_override_holder) return HeldByOther(item, holder);
      if (item.state == ItemState::kClaimed) next.state = ItemState::kNew;
      DropLease(next);
      return t;

    case ActionKind::kReply:
      if (!In(item.state, {ItemState::kNew, ItemState::kClaimed, ItemState::kEscalated,
                           ItemState::kReplied})) {
        return WrongState(item, name);
      }
      if (held_by_other) return HeldByOther(item, holder);
      if (a.text.empty()) return core::InvalidArgument("reply text is empty");
      next.state = ItemState::kReplied;
      if (next.first_response_at_ms == 0) next.first_response_at_ms = now;
      Lease(next, a.actor, now, lease_ms);
      return t;

    case ActionKind::kResolve:
      if (!In(item.state, {ItemState::kClaimed, ItemState::kReplied, ItemState::kEscalated})) {
        return WrongState(item, name);
      }
      if (held_by_other) return HeldByOther(item, holder);
      next.state = ItemState::kResolved;
      next.resolved_at_ms = now;
      DropLease(next);
      return t;

    case ActionKind::kDismiss:
      if (!In(item.state, {ItemState::kNew, ItemState::kClaimed, ItemState::kEscalated})) {
        return WrongState(item, name);
      }
      if (held_by_other) return HeldByOther(item, holder);
      if (!ValidDismissReason(a.reason)) {
        return core::InvalidArgument(
            "dismiss reason must be not_complaint, spam, duplicate or handled_elsewhere");
      }
      next.state = ItemState::kDismissed;
      next.dismiss_reason = a.reason;
      next.resolved_at_ms = now;
      DropLease(next);
      return t;

    case ActionKind::kEscalate:
      if (!In(item.state, {ItemState::kNew, ItemState::kClaimed, ItemState::kReplied})) {
        return WrongState(item, name);
      }
      if (held_by_other) return HeldByOther(item, holder);
      if (a.reason.empty()) return core::InvalidArgument("escalation needs a reason");
      next.state = ItemState::kEscalated;
      next.escalation_reason = a.reason;
      next.escalated_to = a.to;
      DropLease(next);  // whoever it goes to claims it
      return t;

    case ActionKind::kNote:
      if (a.text.empty()) return core::InvalidArgument("note text is empty");
      if (holder == a.actor) Lease(next, a.actor, now, lease_ms);
      return t;

    case ActionKind::kExpireLease:
      if (item.assignee.empty() || item.lease_expires_at_ms > now) return WrongState(item, name);
      if (item.state == ItemState::kClaimed) next.state = ItemState::kNew;
      DropLease(next);
      return t;

    case ActionKind::kWithdraw:
      if (!model::IsOpen(item.state)) return WrongState(item, name);
      next.state = ItemState::kWithdrawn;
      DropLease(next);
      return t;

    case ActionKind::kReopen:
      if (!In(item.state, {ItemState::kResolved, ItemState::kDismissed})) return WrongState(item, name);
      next.state = ItemState::kNew;
      next.resolved_at_ms = 0;
      next.dismiss_reason.clear();
      return t;

    case ActionKind::kDeliveryFailed:
      if (In(item.state, {ItemState::kReplied, ItemState::kResolved})) {
        next.state = holder.empty() ? ItemState::kNew : ItemState::kClaimed;
        next.resolved_at_ms = 0;
        next.due_at_ms = std::min(item.due_at_ms, now);
      }
      return t;
  }
  return core::Internal("unknown action");
}

}  // namespace turnaround::queue
