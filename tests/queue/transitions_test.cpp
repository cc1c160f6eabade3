#include "queue/transitions.h"

#include <catch2/catch.hpp>

using namespace turnaround;
using model::ItemState;
using queue::ActionKind;

namespace {

constexpr std::int64_t kNow = 1'000'000;
constexpr std::int64_t kLease = 15 * 60 * 1000;

model::Item ItemIn(ItemState s, const std::string& holder = "", std::int64_t lease_until = 0) {
  model::Item it;
  it.id = 7;
  it.state = s;
  it.assignee = holder;
  it.lease_expires_at_ms = lease_until;
  return it;
}

queue::Action Act(ActionKind k, const std::string& actor = "alice") {
  queue::Action a;
  a.kind = k;
  a.actor = actor;
  a.text = "text";
  a.reason = k == ActionKind::kDismiss ? "spam" : "reason";
  return a;
}

}  // namespace

TEST_CASE("which actions each state allows", "[queue]") {
  struct Case {
    ItemState from;
    ActionKind action;
    bool allowed;
    ItemState to;
  } cases[] = {
      {ItemState::kNew, ActionKind::kClaim, true, ItemState::kClaimed},
      {ItemState::kNew, ActionKind::kReply, true, ItemState::kReplied},
      {ItemState::kNew, ActionKind::kResolve, false, ItemState::kNew},
      {ItemState::kNew, ActionKind::kDismiss, true, ItemState::kDismissed},
      {ItemState::kNew, ActionKind::kEscalate, true, ItemState::kEscalated},
      {ItemState::kNew, ActionKind::kNote, true, ItemState::kNew},
      {ItemState::kNew, ActionKind::kRelease, false, ItemState::kNew},
      {ItemState::kReplied, ActionKind::kReply, true, ItemState::kReplied},
      {ItemState::kReplied, ActionKind::kResolve, true, ItemState::kResolved},
      {ItemState::kReplied, ActionKind::kDismiss, false, ItemState::kReplied},
      {ItemState::kReplied, ActionKind::kClaim, true, ItemState::kReplied},
      {ItemState::kEscalated, ActionKind::kClaim, true, ItemState::kClaimed},
      {ItemState::kEscalated, ActionKind::kResolve, true, ItemState::kResolved},
      {ItemState::kEscalated, ActionKind::kEscalate, false, ItemState::kEscalated},
      {ItemState::kResolved, ActionKind::kClaim, false, ItemState::kResolved},
      {ItemState::kResolved, ActionKind::kReply, false, ItemState::kResolved},
      {ItemState::kResolved, ActionKind::kReopen, true, ItemState::kNew},
      {ItemState::kResolved, ActionKind::kNote, true, ItemState::kResolved},
      {ItemState::kDismissed, ActionKind::kReopen, true, ItemState::kNew},
      {ItemState::kDismissed, ActionKind::kEscalate, false, ItemState::kDismissed},
      {ItemState::kWithdrawn, ActionKind::kClaim, false, ItemState::kWithdrawn},
      {ItemState::kWithdrawn, ActionKind::kWithdraw, false, ItemState::kWithdrawn},
      {ItemState::kClaimed, ActionKind::kWithdraw, true, ItemState::kWithdrawn},
      {ItemState::kNew, ActionKind::kReopen, false, ItemState::kNew},
  };
  for (const auto& c : cases) {
    INFO(model::ItemStateName(c.from) << " + " << queue::ActionName(c.action));
    auto t = queue::ApplyAction(ItemIn(c.from), Act(c.action), kNow, kLease);
    REQUIRE(t.ok() == c.allowed);
    if (c.allowed) {
      CHECK(t->item.state == c.to);
      CHECK(t->event_kind == std::string("item.") + queue::ActionName(c.action));
    } else {
      CHECK(t.status().code() == core::Code::kConflict);
      bool names_state = false;
      for (const auto& [k, v] : t.status().fields()) names_state = names_state || (k == "state" && v == model::ItemStateName(c.from));
      CHECK(names_state);
    }
  }
}

TEST_CASE("a live lease held by someone else blocks every change but notes", "[queue]") {
  const model::Item held = ItemIn(ItemState::kClaimed, "bob", kNow + 1000);
  for (ActionKind k : {ActionKind::kClaim, ActionKind::kReply, ActionKind::kResolve, ActionKind::kDismiss,
                       ActionKind::kEscalate, ActionKind::kRelease}) {
    INFO(queue::ActionName(k));
    auto t = queue::ApplyAction(held, Act(k), kNow, kLease);
    REQUIRE_FALSE(t.ok());
    CHECK(t.status().message() == "claimed by bob");
  }
  CHECK(queue::ApplyAction(held, Act(ActionKind::kNote), kNow, kLease).ok());
  queue::Action sup = Act(ActionKind::kRelease);
  sup.can_override_holder = true;
  auto released = queue::ApplyAction(held, sup, kNow, kLease);
  REQUIRE(released.ok());
  CHECK(released->item.state == ItemState::kNew);
  CHECK(released->item.assignee.empty());
}

TEST_CASE("leases are granted and renewed and expire", "[queue]") {
  auto claimed = queue::ApplyAction(ItemIn(ItemState::kNew), Act(ActionKind::kClaim), kNow, kLease);
  REQUIRE(claimed.ok());
  CHECK(claimed->item.assignee == "alice");
  CHECK(claimed->item.lease_expires_at_ms == kNow + kLease);
  auto replied = queue::ApplyAction(claimed->item, Act(ActionKind::kReply), kNow + 5000, kLease);
  REQUIRE(replied.ok());
  CHECK(replied->item.lease_expires_at_ms == kNow + 5000 + kLease);
  CHECK(replied->item.first_response_at_ms == kNow + 5000);
  auto again = queue::ApplyAction(replied->item, Act(ActionKind::kReply), kNow + 9000, kLease);
  CHECK(again->item.first_response_at_ms == kNow + 5000);  // the first reply sets it once

  const model::Item stale = ItemIn(ItemState::kClaimed, "bob", kNow - 1);
  CHECK(queue::LiveHolder(stale, kNow).empty());
  auto taken = queue::ApplyAction(stale, Act(ActionKind::kClaim), kNow, kLease);
  REQUIRE(taken.ok());
  CHECK(taken->item.assignee == "alice");
  auto expired = queue::ApplyAction(stale, Act(ActionKind::kExpireLease, "system"), kNow, kLease);
  REQUIRE(expired.ok());
  CHECK(expired->item.state == ItemState::kNew);
  CHECK_FALSE(queue::ApplyAction(ItemIn(ItemState::kClaimed, "bob", kNow + 1), Act(ActionKind::kExpireLease, "system"),
                                 kNow, kLease)
                  .ok());
}

TEST_CASE("actions validate their inputs", "[queue]") {
  queue::Action bad_dismiss = Act(ActionKind::kDismiss);
  bad_dismiss.reason = "meh";
  CHECK(queue::ApplyAction(ItemIn(ItemState::kNew), bad_dismiss, kNow, kLease).status().code() ==
        core::Code::kInvalidArgument);
  queue::Action empty_reply = Act(ActionKind::kReply);
  empty_reply.text.clear();
  CHECK(queue::ApplyAction(ItemIn(ItemState::kNew), empty_reply, kNow, kLease).status().code() ==
        core::Code::kInvalidArgument);
  queue::Action no_reason = Act(ActionKind::kEscalate);
  no_reason.reason.clear();
  CHECK_FALSE(queue::ApplyAction(ItemIn(ItemState::kNew), no_reason, kNow, kLease).ok());
  for (const char* r : {"not_complaint", "spam", "duplicate", "handled_elsewhere"}) CHECK(queue::ValidDismissReason(r));
}

TEST_CASE("a refused delivery puts a replied item back in front of its agent", "[queue]") {
  struct Case {
    ItemState from;
    std::string holder;
    std::int64_t lease_until;
    ItemState to;
  } cases[] = {
      {ItemState::kReplied, "alice", kNow + kLease, ItemState::kClaimed},  // alice still holds it
      {ItemState::kReplied, "alice", kNow - 1, ItemState::kNew},           // her claim ran out
      {ItemState::kResolved, "", 0, ItemState::kNew},
      {ItemState::kEscalated, "", 0, ItemState::kEscalated},  // someone else's now: event only
      {ItemState::kWithdrawn, "", 0, ItemState::kWithdrawn},
  };
  for (const Case& c : cases) {
    INFO(model::ItemStateName(c.from) << " held by '" << c.holder << "'");
    model::Item it = ItemIn(c.from, c.holder, c.lease_until);
    it.due_at_ms = kNow + 5000;
    it.resolved_at_ms = c.from == ItemState::kResolved ? kNow - 10 : 0;
    auto t = queue::ApplyAction(it, Act(ActionKind::kDeliveryFailed, "system"), kNow, kLease);
    REQUIRE(t.ok());
    CHECK(t->event_kind == "item.delivery_failed");
    CHECK(t->item.state == c.to);
    const bool moved = c.to != c.from;
    CHECK(t->item.due_at_ms == (moved ? kNow : kNow + 5000));
    if (moved) CHECK(t->item.resolved_at_ms == 0);
  }
}
