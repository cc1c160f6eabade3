#include "model/item.h"

namespace turnaround::model {

const char* ItemStateName(ItemState s) {
  switch (s) {
    case ItemState::kNew: return "new";
    case ItemState::kClaimed: return "claimed";
    case ItemState::kReplied: return "replied";
    case ItemState::kResolved: return "resolved";
    case ItemState::kDismissed: return "dismissed";
    case ItemState::kEscalated: return "escalated";
    case ItemState::kWithdrawn: return "withdrawn";
  }
  return "new";
}

const std::vector<ItemState>& AllItemStates() {
  static const std::vector<ItemState> kAll = {ItemState::kNew,      ItemState::kClaimed,   ItemState::kReplied,
                                              ItemState::kResolved, ItemState::kDismissed, ItemState::kEscalated,
                                              ItemState::kWithdrawn};
  return kAll;
}

bool ParseItemState(const std::string& name, ItemState* out) {
  for (ItemState s : AllItemStates()) {
    if (name == ItemStateName(s)) {
      *out = s;
      return true;
    }
  }
  return false;
}

bool IsOpen(ItemState s) {
  return s == ItemState::kNew || s == ItemState::kClaimed || s == ItemState::kEscalated ||
         s == ItemState::kReplied;
}

}  // namespace turnaround::model
