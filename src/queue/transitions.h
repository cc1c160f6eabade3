// The item state machine, as a pure function: (item, action, now) → the new
// item and the event that records the change, or why the action is refused.
//
//   new ──claim──▶ claimed ──reply──▶ replied ──resolve──▶ resolved
//    │  ◀─release/expiry─┘               │
//    ├──dismiss──▶ dismissed             └─reply (again)
//    └──escalate─▶ escalated ──claim──▶ claimed
//   any open ──(author removed the comment)──▶ withdrawn
//   resolved/dismissed ──(edited, a complaint again)──▶ new
//
// Leases: a claim gives the actor the item until lease_expires_at; every
// action by the holder renews it. While a live lease is held by someone else,
// claim/reply/resolve/dismiss/escalate/release answer Conflict naming the
// holder (supervisors may release another's claim). An action a state does
// not allow answers Conflict with the current state.
#pragma once

#include <cstdint>
#include <string>

#include "core/status.h"
#include "model/item.h"

namespace turnaround::queue {

enum class ActionKind {
  kClaim,
  kRelease,
  kReply,
  kResolve,
  kDismiss,
  kEscalate,
  kNote,
  // System actions (actor "system"):
  kExpireLease,
  kWithdraw,
  kReopen,
  // The platform refused a reply for good: the item goes back in front of
  // the agent (replied/resolved → claimed while their lease lives, else new;
  // due now at the latest). Other states only record the event.
  kDeliveryFailed,
};

const char* ActionName(ActionKind kind);  // "claim", "release", ...

struct Action {
  ActionKind kind = ActionKind::kClaim;
  std::string actor;
  bool can_override_holder = false;  // supervisors and admins
  std::string text;                  // reply / note text
  std::string reason;                // dismiss / escalate / resolve note
  std::string to;                    // escalation target
};

struct Transition {
  model::Item item;
  std::string event_kind;  // "item.claim", ...
};

// Dismiss reasons the API accepts.
bool ValidDismissReason(const std::string& reason);

core::Result<Transition> ApplyAction(const model::Item& item, const Action& action,
                                     std::int64_t now_ms, std::int64_t lease_ms);

// The live holder of the item's lease at `now_ms`, or "".
std::string LiveHolder(const model::Item& item, std::int64_t now_ms);

}  // namespace turnaround::queue
